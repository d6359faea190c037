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

/// The argument of \p F that \p P is derived from, directly or loaded back
/// from the alloca clang spills it to at -O0; -1 when none.
int argumentBehind(const Value *P) {
  const Value *Base = baseObject(P);
  if (const auto *A = dyn_cast<Argument>(Base))
    return int(A->getArgNo());
  const auto *LI = dyn_cast<LoadInst>(Base);
  const auto *Slot =
      LI ? dyn_cast<AllocaInst>(baseObject(LI->getPointerOperand())) : nullptr;
  if (!Slot)
    return -1;
  int Arg = -1;
  for (const User *U : Slot->users())
    if (const auto *SI = dyn_cast<StoreInst>(U)) {
      const auto *A = dyn_cast<Argument>(SI->getValueOperand());
      if (!A || (Arg >= 0 && Arg != int(A->getArgNo())))
        return -1;
      Arg = int(A->getArgNo());
    }
  return Arg;
}
} // namespace

int KeptArguments::keptWhere(const Function &Callee, unsigned ArgNo,
                             unsigned Level) {
  Key K{&Callee, ArgNo, Level};
  if (auto It = Memo.find(K); It != Memo.end())
    return It->second;
  if (!hasAnalysableBody(Callee) || ArgNo >= Callee.arg_size())
    return Memo[K] = Nowhere;
  Memo[K] = Nowhere; // in progress: recursion answers no
  int Result = keptIn(Callee, Callee.getArg(ArgNo), Level);
  Memo[K] = Result;
  return Result;
}

int KeptArguments::keptIn(const Function &F, const Value *Root,
                          unsigned Level) {
  // (value, level): level 0 is the pointer in question, 1 a pointer to it.
  SmallVector<std::pair<const Value *, unsigned>, 16> Work{{Root, Level}};
  SmallPtrSet<const Value *, 32> Seen[2];
  int Where = Nowhere;
  // Kept in what argument \p Arg points to (-1: anywhere else). Returns
  // false once the answer is Elsewhere.
  auto KeptInArgument = [&](int Arg) {
    if (Arg < 0 || (Where != Nowhere && Where != Arg))
      Where = Elsewhere;
    else
      Where = Arg;
    return Where != Elsewhere;
  };
  // The level-0 pointer is now in memory at \p Into: a temporary of this
  // frame is followed (loads from it give the pointer back), an argument's
  // object is reported to the caller, anything else keeps it.
  auto StoredInto = [&](const Value *Into, unsigned StoredLevel) {
    if (StoredLevel == 0 && isOwnAlloca(Into)) {
      Work.push_back({baseObject(Into), 1});
      return true;
    }
    return KeptInArgument(StoredLevel == 0 ? argumentBehind(Into) : -1);
  };
  while (!Work.empty()) {
    auto [V, L] = Work.pop_back_val();
    if (L > 1 || !Seen[L].insert(V).second)
      continue;
    for (const User *U : V->users()) {
      if (const auto *SI = dyn_cast<StoreInst>(U)) {
        if (SI->getValueOperand() != V)
          continue; // a store through it
        if (!isOwnAlloca(SI->getPointerOperand())) {
          if (!StoredInto(SI->getPointerOperand(), L))
            return Elsewhere; // into an object, the heap, a global
          continue;
        }
        // Spilled to a local: what is loaded back is the same value, and
        // the local's address points to it (`push_back(o)` of a parameter
        // passes the address of its spill slot).
        const Value *Slot = baseObject(SI->getPointerOperand());
        for (const User *AU : Slot->users())
          if (const auto *LI = dyn_cast<LoadInst>(AU))
            Work.push_back({LI, L});
        if (L == 0)
          Work.push_back({Slot, 1});
      } else if (const auto *LI = dyn_cast<LoadInst>(U)) {
        if (L == 1 && LI->getPointerOperand() == V &&
            LI->getType()->isPointerTy())
          Work.push_back({LI, 0}); // the pointer it points to
      } else if (const auto *Copy = dyn_cast<MemTransferInst>(U)) {
        // Copying what it points to: the pointers inside go with the copy.
        if (L == 1 && Copy->getRawSource() == V &&
            !isOwnAlloca(Copy->getRawDest()) &&
            !StoredInto(Copy->getRawDest(), 0))
          return Elsewhere;
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
        // Given a pointer to the pointer, what a call returns may be the
        // pointer read from it (vector::data(), ranges::data, begin()).
        if (L == 1 && Call->getType()->isPointerTy())
          Work.push_back({Call, 0});
        for (unsigned A = 0; A < Call->arg_size(); ++A) {
          if (Call->getArgOperand(A) != V)
            continue;
          int In = keptWhere(*G, A, L);
          if (In == Nowhere)
            continue;
          if (In == Elsewhere || unsigned(In) >= Call->arg_size() ||
              !StoredInto(Call->getArgOperand(In), 0))
            return Elsewhere;
        }
      } else if (isa<GetElementPtrInst>(U) || isa<BitCastInst>(U) ||
                 isa<PHINode>(U) || isa<SelectInst>(U) ||
                 isa<AddrSpaceCastInst>(U)) {
        Work.push_back({U, L});
      }
    }
  }
  return Where;
}

} // namespace borrowscope
