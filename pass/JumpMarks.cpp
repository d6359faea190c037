//===- JumpMarks.cpp - A record before each setjmp and longjmp ------------===//
#include "JumpMarks.h"

#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"

using namespace llvm;

namespace borrowscope {

namespace {

/// BS_SITE_SETJMP or BS_SITE_LONGJMP for a call of the C library's
/// functions that save or restore a context in their first argument; 0 for
/// any other. vfork and savectx also return twice, but save no jmp_buf.
uint32_t jumpKind(const CallBase &Call) {
  const Function *Callee = Call.getCalledFunction();
  if (!Callee || Call.arg_size() == 0 ||
      !Call.getArgOperand(0)->getType()->isPointerTy())
    return 0;
  StringRef Name = Callee->getName();
  for (StringRef Save : {"setjmp", "_setjmp", "sigsetjmp", "__sigsetjmp"})
    if (Name == Save)
      return BS_SITE_SETJMP;
  for (StringRef Jump : {"longjmp", "_longjmp", "siglongjmp", "__longjmp_chk"})
    if (Name == Jump)
      return BS_SITE_LONGJMP;
  return 0;
}

SiteInfo jumpSite(const CallBase &Call) {
  SiteInfo S;
  S.Kind = BS_SITE_DROP;
  S.Flags = BS_SITE_FLAG_JUMP;
  S.Name = Call.getCalledFunction()->getName().str();
  const Function &F = *Call.getFunction();
  S.Function = demangle(F.getName());
  if (const DebugLoc &DL = Call.getDebugLoc(); DL && DL.getLine() != 0) {
    S.Line = DL.getLine();
    S.Column = DL.getCol();
    if (auto *Scope = dyn_cast<DIScope>(DL.getScope()))
      S.File = Scope->getFilename().str();
  } else if (const DISubprogram *SP = F.getSubprogram()) {
    S.File = SP->getFilename().str();
  } else {
    S.File = F.getParent()->getSourceFileName();
  }
  return S;
}

} // namespace

void markJumps(Module &M, SiteTable &Sites) {
  SmallVector<std::pair<CallBase *, uint32_t>, 8> Calls;
  for (Function &F : M)
    for (Instruction &I : instructions(F))
      if (auto *Call = dyn_cast<CallBase>(&I))
        if (uint32_t Kind = jumpKind(*Call))
          Calls.push_back({Call, Kind});
  if (Calls.empty())
    return;
  LLVMContext &C = M.getContext();
  FunctionCallee Mark = M.getOrInsertFunction(
      "__borrowscope_jump_v2", Type::getVoidTy(C), Type::getInt32Ty(C),
      PointerType::getUnqual(C), Type::getInt32Ty(C));
  for (auto [Call, Kind] : Calls) {
    IRBuilder<> B(Call);
    // The verifier wants a location on calls in functions with debug info.
    const DISubprogram *SP = Call->getFunction()->getSubprogram();
    if (Call->getDebugLoc())
      B.SetCurrentDebugLocation(Call->getDebugLoc());
    else if (SP)
      B.SetCurrentDebugLocation(
          DILocation::get(C, 0, 0, const_cast<DISubprogram *>(SP)));
    Value *Site = Sites.emitSiteNumber(B, Sites.add(jumpSite(*Call)));
    B.CreateCall(Mark, {B.getInt32(Kind), Call->getArgOperand(0), Site});
  }
}

} // namespace borrowscope
