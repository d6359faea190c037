//===- WrittenArguments.cpp - Which calls write what a pointer points to --===//
//
// Like KeptArguments, over the callee's IR as clang emits it before any
// optimization: a parameter spilled to its alloca is followed through the
// loads of that alloca. A pointer the callee keeps (stores outside its own
// frame) is not written by the call: the kept borrow is recorded apart, with
// the mutability of its holder. Each (function,
// argument) is answered once; a recursive query still in progress answers
// "no", which its other uses then decide.
//
//===----------------------------------------------------------------------===//
#include "WrittenArguments.h"
#include "CalleeMutability.h"
#include "DerivedPointers.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"

using namespace llvm;

namespace borrowscope {

std::optional<Access> WrittenArguments::writes(const Function &Callee,
                                               unsigned ArgNo) {
  if (!hasAnalysableBody(Callee) || ArgNo >= Callee.arg_size())
    return std::nullopt;
  Key K{&Callee, ArgNo};
  if (auto It = Memo.find(K); It != Memo.end())
    return It->second;
  Memo[K] = Access::Read; // in progress
  Access Result = writesThrough(Callee, Callee.getArg(ArgNo));
  Memo[K] = Result;
  return Result;
}

Access WrittenArguments::writesThrough(const Function &F, const Value *Arg) {
  SmallVector<const Value *, 16> Work{Arg};
  SmallPtrSet<const Value *, 32> Seen;
  // A definite write anywhere decides; a callee that says nothing makes
  // the answer unknown unless one is found.
  Access Result = Access::Read;
  while (!Work.empty()) {
    const Value *V = Work.pop_back_val();
    if (!Seen.insert(V).second)
      continue;
    for (const User *U : V->users()) {
      if (const auto *SI = dyn_cast<StoreInst>(U)) {
        if (SI->getPointerOperand() == V)
          return Access::Written; // a store into the object
        if (!isOwnAlloca(SI->getPointerOperand()))
          continue; // kept (an iterator, a view): KeptArguments records that
                    // borrow, with the holder's own mutability
        // Spilled to a local: what is loaded back is the same pointer.
        for (const User *AU : baseObject(SI->getPointerOperand())->users())
          if (const auto *LI = dyn_cast<LoadInst>(AU);
              LI && LI->getType()->isPointerTy())
            Work.push_back(LI);
      } else if (isa<LoadInst>(U) || isa<ICmpInst>(U) ||
                 isa<PtrToIntInst>(U)) {
        continue; // read
      } else if (const auto *Mem = dyn_cast<MemIntrinsic>(U)) {
        const auto *Copy = dyn_cast<MemTransferInst>(Mem);
        if (!Copy || Copy->getRawDest() == V)
          return Access::Written; // memset or memcpy into it
      } else if (const auto *Call = dyn_cast<CallBase>(U)) {
        if (isIgnoredCall(*Call))
          continue;
        if (isTransparentCall(*Call)) {
          Work.push_back(Call);
          continue;
        }
        const Function *G = Call->getCalledFunction();
        if (!G) {
          Result = Access::Unknown; // through a pointer: nothing to read
          continue;
        }
        for (unsigned A = 0; A < Call->arg_size(); ++A) {
          if (Call->getArgOperand(A) != V)
            continue;
          // Without a body, the declared parameter type tells.
          std::optional<Access> W = writes(*G, A);
          if (!W)
            switch (argumentMutability(*Call, A)) {
            case BS_MUT_SHARED:
              W = Access::Read;
              break;
            case BS_MUT_UNKNOWN:
              W = Access::Unknown;
              break;
            default:
              W = Access::Written;
            }
          if (*W == Access::Written)
            return Access::Written;
          if (*W == Access::Unknown)
            Result = Access::Unknown;
        }
        // What it returns may be derived from the pointer (an accessor).
        if (Call->getType()->isPointerTy())
          Work.push_back(Call);
      } else if (isa<GetElementPtrInst>(U) || isa<CastInst>(U) ||
                 isa<PHINode>(U) || isa<SelectInst>(U)) {
        Work.push_back(U);
      } else if (isa<ReturnInst>(U)) {
        continue; // handed back: the caller's own borrow says what it does
      } else {
        return Access::Written; // anything else: assume it writes
      }
    }
  }
  return Result;
}

} // namespace borrowscope
