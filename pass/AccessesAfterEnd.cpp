//===- AccessesAfterEnd.cpp - Storage used where its lifetime has ended ---===//
//
// A forward walk per variable from each lifetime.end: instructions are
// visited until a lifetime.start of the same variable, each block at most
// once from its top. Linear in the function's size per variable with
// markers; only Rust functions ask (Borrows.cpp, RustScopes.cpp).
//
//===----------------------------------------------------------------------===//
#include "AccessesAfterEnd.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/IntrinsicInst.h"

using namespace llvm;

namespace borrowscope {

namespace {

bool isLifetimeMarkerOf(const Instruction &I, const AllocaInst *A) {
  const auto *II = dyn_cast<IntrinsicInst>(&I);
  return II && II->isLifetimeStartOrEnd() &&
         baseObject(II->getArgOperand(II->arg_size() - 1)) == A;
}

bool isStartOf(const Instruction &I, const AllocaInst *A) {
  const auto *II = dyn_cast<IntrinsicInst>(&I);
  return II && II->getIntrinsicID() == Intrinsic::lifetime_start &&
         isLifetimeMarkerOf(I, A);
}

/// A load, store or call that reaches \p V's storage through one of its
/// operands (debug and lifetime markers are no accesses).
bool accesses(const Instruction &I, const TrackedVariable &V,
              const DerivedPointers &Derived) {
  if (isa<DbgInfoIntrinsic>(I) || isLifetimeMarkerOf(I, V.Alloca))
    return false;
  if (!isa<LoadInst>(I) && !isa<StoreInst>(I) && !isa<CallBase>(I))
    return false;
  for (const Use &Op : I.operands()) {
    const Derivation *D = Derived.of(Op.get());
    if (D && D->Owner == &V && !D->Accessor)
      return true;
  }
  return false;
}

/// Walks \p From to its block's end; true when \p Found holds before a
/// start. \p Reached is set when the walk runs off the block's end.
bool walk(BasicBlock::const_iterator From, const BasicBlock &BB,
          const AllocaInst *A, function_ref<bool(const Instruction &)> Found,
          bool &Reached) {
  Reached = false;
  for (auto It = From; It != BB.end(); ++It) {
    if (isStartOf(*It, A))
      return false;
    if (Found(*It))
      return true;
  }
  Reached = true;
  return false;
}

} // namespace

bool foundBeforeStart(const TrackedVariable &V, bool FromEntry,
                      function_ref<bool(const Instruction &)> Found) {
  SmallPtrSet<const BasicBlock *, 16> Visited;
  SmallVector<const BasicBlock *, 16> Work;
  auto Continue = [&](const BasicBlock &BB) {
    for (const BasicBlock *Succ : successors(&BB))
      if (Visited.insert(Succ).second)
        Work.push_back(Succ);
  };
  const Function &F = *V.Alloca->getFunction();
  if (FromEntry && Visited.insert(&F.getEntryBlock()).second)
    Work.push_back(&F.getEntryBlock());
  for (const Instruction *I : V.Ends) {
    bool Reached = false;
    if (walk(std::next(I->getIterator()), *I->getParent(), V.Alloca, Found,
             Reached))
      return true;
    if (Reached)
      Continue(*I->getParent());
  }
  while (!Work.empty()) {
    const BasicBlock *BB = Work.pop_back_val();
    bool Reached = false;
    if (walk(BB->begin(), *BB, V.Alloca, Found, Reached))
      return true;
    if (Reached)
      Continue(*BB);
  }
  return false;
}

DenseSet<const TrackedVariable *>
variablesAccessedAfterEnd(const std::vector<TrackedVariable> &Vars,
                          const DerivedPointers &Derived) {
  DenseSet<const TrackedVariable *> Result;
  for (const TrackedVariable &V : Vars)
    if (V.Mode == LifetimeMode::Markers &&
        foundBeforeStart(V, /*FromEntry=*/false, [&](const Instruction &I) {
          return accesses(I, V, Derived);
        }))
      Result.insert(&V);
  return Result;
}

void holdBorrowsOfLocalsUsedAfterEnd(std::vector<Borrow> &Borrows,
                                     const std::vector<TrackedVariable> &Vars,
                                     const DerivedPointers &Derived) {
  DenseSet<const TrackedVariable *> Dead;
  for (Borrow &B : Borrows) {
    if (B.IsMove || !B.Owner || !B.Borrower || B.Borrower == B.Owner)
      continue;
    if (Dead.empty()) {
      Dead = variablesAccessedAfterEnd(Vars, Derived);
      if (Dead.empty())
        return;
    }
    if (Dead.contains(B.Owner))
      B.HeldUntilHolderEnds = true;
  }
}

} // namespace borrowscope
