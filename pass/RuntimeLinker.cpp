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

/// Each hot-path function and where it goes in HotPath.
struct Entry {
  const char *Name;
  Function *HotPath::*Field;
};
constexpr Entry Entries[] = {
    {"__borrowscope_hot_begin", &HotPath::Begin},
    {"__borrowscope_hot_commit", &HotPath::Commit},
    {"__borrowscope_hot_reserve", &HotPath::Reserve},
    {"__borrowscope_hot_clock", &HotPath::Clock},
    {"__borrowscope_hot_next_id", &HotPath::NextId},
    {"__borrowscope_hot_next_ids", &HotPath::NextIds},
    {"__borrowscope_hot_new", &HotPath::New},
    {"__borrowscope_hot_ext", &HotPath::Ext},
    {"__borrowscope_hot_drop", &HotPath::Drop},
    {"__borrowscope_hot_borrow", &HotPath::Borrow},
    {"__borrowscope_hot_reborrow", &HotPath::Reborrow},
    {"__borrowscope_hot_borrow_mem", &HotPath::BorrowMem},
    {"__borrowscope_hot_reborrow_mem", &HotPath::ReborrowMem},
    {"__borrowscope_hot_borrow_owner", &HotPath::BorrowOwner},
    {"__borrowscope_hot_borrow_owner_mem", &HotPath::BorrowOwnerMem},
    {"__borrowscope_hot_move", &HotPath::Move},
};

HotPath lookUp(Module &M) {
  HotPath H;
  for (const Entry &E : Entries)
    H.*E.Field = M.getFunction(E.Name);
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
  if (Function *F = M.getFunction(Entries[0].Name); F && !F->isDeclaration())
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

  for (const Entry &E : Entries) {
    Function *F = Runtime->getFunction(E.Name);
    if (!F || F->isDeclaration()) {
      Error = std::string("the embedded hot path lacks ") + E.Name;
      return std::nullopt;
    }
    M.getOrInsertFunction(E.Name, F->getFunctionType());
  }
  if (Linker::linkModules(M, std::move(Runtime), Linker::LinkOnlyNeeded)) {
    Error = "linking the hot path into the module failed";
    return std::nullopt;
  }

  HotPath Result = lookUp(M);
  for (const Entry &E : Entries) {
    Function *F = Result.*E.Field;
    if (!F || F->isDeclaration()) {
      Error = "the hot path did not link";
      return std::nullopt;
    }
    prepareForInlining(*F);
  }
  return Result;
}

} // namespace borrowscope
