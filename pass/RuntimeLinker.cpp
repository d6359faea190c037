//===- RuntimeLinker.cpp - Link the inlined hot path into a module --------===//
//
// The recipe and its traps (see docs/design.md):
//  - the runtime module takes the user module's triple and data layout first,
//    or the mismatch warning reaches clang's diagnostic handler;
//  - LinkOnlyNeeded links only what the destination already declares, so the
//    functions are declared before linking...
//  - ...and looked up again after, because linking replaces the declarations;
//  - target-cpu/target-features are stripped so that no CPU-specific code is
//    inlined into code built for a generic CPU.
//
//===----------------------------------------------------------------------===//
#include "RuntimeLinker.h"
#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/IR/Function.h"
#include "llvm/Linker/Linker.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;

namespace {
#include "HotPathBitcode.inc" // const unsigned char HotPathBitcode[]
} // namespace

namespace borrowscope {

namespace {

constexpr const char *BeginName = "__borrowscope_hot_begin";
constexpr const char *ReserveName = "__borrowscope_hot_reserve";
constexpr const char *StaleName = "__borrowscope_hot_stale";
constexpr const char *NewName = "__borrowscope_hot_new";
constexpr const char *NewAtName = "__borrowscope_hot_new_at";
constexpr const char *BorrowName = "__borrowscope_hot_borrow";
constexpr const char *BorrowAtName = "__borrowscope_hot_borrow_at";
constexpr const char *ReborrowName = "__borrowscope_hot_reborrow";
constexpr const char *MoveName = "__borrowscope_hot_move";
constexpr const char *DropName = "__borrowscope_hot_drop";
constexpr const char *Names[] = {BeginName,    ReserveName, StaleName,
                                 NewName,      NewAtName,   BorrowName,
                                 BorrowAtName, ReborrowName, MoveName,
                                 DropName};

HotPath lookUp(Module &M) {
  HotPath H;
  H.Begin = M.getFunction(BeginName);
  H.Reserve = M.getFunction(ReserveName);
  H.Stale = M.getFunction(StaleName);
  H.New = M.getFunction(NewName);
  H.NewAt = M.getFunction(NewAtName);
  H.Borrow = M.getFunction(BorrowName);
  H.BorrowAt = M.getFunction(BorrowAtName);
  H.Reborrow = M.getFunction(ReborrowName);
  H.Move = M.getFunction(MoveName);
  H.Drop = M.getFunction(DropName);
  return H;
}

void prepareForInlining(Function &F) {
  F.setLinkage(GlobalValue::InternalLinkage);
  F.removeFnAttr(Attribute::NoInline);
  F.removeFnAttr(Attribute::OptimizeNone);
  F.addFnAttr(Attribute::AlwaysInline);
  F.addFnAttr(Attribute::NoUnwind);
}

} // namespace

std::optional<HotPath> linkHotPath(Module &M, std::string &Error) {
  // Already linked (e.g. opt -passes=borrowscope,borrowscope).
  if (Function *F = M.getFunction(NewName); F && !F->isDeclaration())
    return lookUp(M);

  StringRef Bytes(reinterpret_cast<const char *>(HotPathBitcode),
                  sizeof(HotPathBitcode));
  Expected<std::unique_ptr<Module>> Parsed = parseBitcodeFile(
      MemoryBufferRef(Bytes, "borrowscope-hot-path"), M.getContext());
  if (!Parsed) {
    Error = "cannot read the embedded hot path: " +
            toString(Parsed.takeError());
    return std::nullopt;
  }
  std::unique_ptr<Module> Runtime = std::move(*Parsed);
  Runtime->setTargetTriple(M.getTargetTriple());
  Runtime->setDataLayout(M.getDataLayout());
  for (Function &F : *Runtime) {
    F.removeFnAttr("target-cpu");
    F.removeFnAttr("target-features");
    F.removeFnAttr("tune-cpu");
  }

  for (const char *Name : Names) {
    Function *F = Runtime->getFunction(Name);
    if (!F || F->isDeclaration()) {
      Error = std::string("the embedded hot path lacks ") + Name;
      return std::nullopt;
    }
    M.getOrInsertFunction(Name, F->getFunctionType());
  }
  if (Linker::linkModules(M, std::move(Runtime), Linker::LinkOnlyNeeded)) {
    Error = "linking the hot path into the module failed";
    return std::nullopt;
  }

  HotPath Result = lookUp(M);
  for (Function *F : {Result.Begin, Result.Reserve, Result.Stale, Result.New,
                      Result.NewAt,
                      Result.Borrow, Result.BorrowAt, Result.Reborrow,
                      Result.Move, Result.Drop}) {
    if (!F || F->isDeclaration()) {
      Error = "the hot path did not link";
      return std::nullopt;
    }
    prepareForInlining(*F);
  }
  return Result;
}

} // namespace borrowscope
