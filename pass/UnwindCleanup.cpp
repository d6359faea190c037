//===- UnwindCleanup.cpp - Make unwinding leave through a resume ----------===//
#include "UnwindCleanup.h"
#include "llvm/IR/EHPersonalities.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/Local.h"

using namespace llvm;

namespace borrowscope {

namespace {

bool mayUnwindHere(const CallInst &CI) {
  return !CI.doesNotThrow() && !isa<IntrinsicInst>(CI) && !CI.isInlineAsm() &&
         !CI.isMustTailCall();
}

bool callsReturnsTwice(const Function &F) {
  for (const Instruction &I : instructions(F))
    if (const auto *CB = dyn_cast<CallBase>(&I))
      if (CB->hasFnAttr(Attribute::ReturnsTwice))
        return true;
  return false;
}

Value *personalityFor(Function &F, Language Lang) {
  if (F.hasPersonalityFn())
    return F.getPersonalityFn();
  if (Lang == Language::C)
    return nullptr;
  // Rust's personality is defined by its standard library (panic_unwind),
  // which every Rust binary links.
  const char *Name =
      Lang == Language::Rust ? "rust_eh_personality" : "__gxx_personality_v0";
  Module &M = *F.getParent();
  LLVMContext &C = M.getContext();
  return M
      .getOrInsertFunction(Name, FunctionType::get(Type::getInt32Ty(C), true))
      .getCallee();
}

} // namespace

bool routeUnwindingThroughCleanup(Function &F, Language Lang) {
  if (F.doesNotThrow())
    return true;
  if (F.isPresplitCoroutine() || callsReturnsTwice(F))
    return false;
  if (F.hasPersonalityFn() &&
      isFuncletEHPersonality(classifyEHPersonality(F.getPersonalityFn())))
    return false;

  SmallVector<CallInst *, 16> Calls;
  for (Instruction &I : instructions(F))
    if (auto *CI = dyn_cast<CallInst>(&I); CI && mayUnwindHere(*CI))
      Calls.push_back(CI);
  for (Instruction &I : instructions(F))
    if (auto *LP = dyn_cast<LandingPadInst>(&I))
      LP->setCleanup(true);
  if (Calls.empty())
    return true;

  Value *Personality = personalityFor(F, Lang);
  if (!Personality)
    return false;
  if (!F.hasPersonalityFn())
    F.setPersonalityFn(cast<Constant>(Personality));

  LLVMContext &C = F.getContext();
  BasicBlock *Cleanup = BasicBlock::Create(C, "borrowscope.unwind", &F);
  IRBuilder<> B(Cleanup);
  // Line 0: the pad belongs to no statement, but to the function's scope.
  if (DISubprogram *SP = F.getSubprogram())
    B.SetCurrentDebugLocation(DILocation::get(C, 0, 0, SP));
  Type *ExnTy = StructType::get(PointerType::getUnqual(C), B.getInt32Ty());
  LandingPadInst *LP = B.CreateLandingPad(ExnTy, 0, "borrowscope.exn");
  LP->setCleanup(true);
  B.CreateResume(LP);

  for (CallInst *CI : Calls)
    changeToInvokeAndSplitBasicBlock(CI, Cleanup);
  return true;
}

} // namespace borrowscope
