//===- KeptArguments.cpp - Which calls keep a pointer they are given ------===//
//
// A small escape analysis over the callee's IR as clang emits it before any
// optimization: parameters are spilled to allocas and loaded back, so a
// store into one of the function's own allocas is followed through the loads
// of that alloca. Each (function, argument, level) is answered once; a
// recursive query still in progress answers "no".
//
//===----------------------------------------------------------------------===//
#include "KeptArguments.h"
#include "DerivedPointers.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"

using namespace llvm;

namespace borrowscope {

namespace {
bool isOwnAlloca(const Value *V) { return isa<AllocaInst>(baseObject(V)); }
} // namespace

bool KeptArguments::keeps(const Function &Callee, unsigned ArgNo,
                          unsigned Level) {
  Key K{&Callee, ArgNo, Level};
  if (auto It = Memo.find(K); It != Memo.end())
    return It->second;
  if (!hasAnalysableBody(Callee) || ArgNo >= Callee.arg_size())
    return Memo[K] = false;
  Memo[K] = false; // in progress: recursion answers no
  bool Result = keepsValue(Callee, Callee.getArg(ArgNo), Level);
  Memo[K] = Result;
  return Result;
}

bool KeptArguments::keepsValue(const Function &F, const Value *Root,
                               unsigned Level) {
  // (value, level): level 0 is the pointer in question, 1 a pointer to it.
  SmallVector<std::pair<const Value *, unsigned>, 16> Work{{Root, Level}};
  SmallPtrSet<const Value *, 32> Seen[2];
  while (!Work.empty()) {
    auto [V, L] = Work.pop_back_val();
    if (L > 1 || !Seen[L].insert(V).second)
      continue;
    for (const User *U : V->users()) {
      if (const auto *SI = dyn_cast<StoreInst>(U)) {
        if (SI->getValueOperand() != V)
          continue; // a store through it
        if (!isOwnAlloca(SI->getPointerOperand()))
          return true; // into an object, the heap, a global
        // Spilled to a local: what is loaded back is the same value.
        for (const User *AU : baseObject(SI->getPointerOperand())->users())
          if (const auto *LI = dyn_cast<LoadInst>(AU))
            Work.push_back({LI, L});
      } else if (const auto *LI = dyn_cast<LoadInst>(U)) {
        if (L == 1 && LI->getPointerOperand() == V &&
            LI->getType()->isPointerTy())
          Work.push_back({LI, 0}); // the pointer it points to
      } else if (const auto *Copy = dyn_cast<MemTransferInst>(U)) {
        // Copying what it points to: the pointers inside go with the copy.
        if (L == 1 && Copy->getRawSource() == V &&
            !isOwnAlloca(Copy->getRawDest()))
          return true;
      } else if (const auto *Call = dyn_cast<CallBase>(U)) {
        if (isIgnoredCall(*Call))
          continue;
        if (isTransparentCall(*Call)) {
          Work.push_back({Call, L});
          continue;
        }
        const Function *G = Call->getCalledFunction();
        if (!G)
          continue;
        for (unsigned A = 0; A < Call->arg_size(); ++A)
          if (Call->getArgOperand(A) == V && keeps(*G, A, L))
            return true;
      } else if (isa<GetElementPtrInst>(U) || isa<BitCastInst>(U) ||
                 isa<PHINode>(U) || isa<SelectInst>(U) ||
                 isa<AddrSpaceCastInst>(U)) {
        Work.push_back({U, L});
      }
    }
  }
  return false;
}

} // namespace borrowscope
