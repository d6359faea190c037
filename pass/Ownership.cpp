//===- Ownership.cpp - Which variables take part in ownership -------------===//
#include "Ownership.h"
#include "llvm/ADT/StringRef.h"

using namespace llvm;

namespace borrowscope {

namespace {

/// A reborrow into a variable that nothing in this frame can be the owner
/// of: see selectVariables.
bool isIdleReborrow(const Borrow &B, bool FrameHasAddressTaken) {
  return B.Source == AddressSource::Unknown && !B.IsMove && B.Borrower &&
         !B.Kept && !B.Destination &&
         (!FrameHasAddressTaken || B.Borrower->IsParameter);
}

} // namespace

TracedVariables selectVariables(const std::vector<TrackedVariable> &Vars,
                                BorrowAnalysis &Analysis,
                                VariableSelection Selection,
                                KeptArguments &Kept) {
  TracedVariables Result;
  bool All = Selection == VariableSelection::All;
  if (!All) {
    bool FrameHasAddressTaken = !Analysis.AddressTaken.empty();
    std::erase_if(Analysis.Borrows, [&](const Borrow &B) {
      return isIdleReborrow(B, FrameHasAddressTaken);
    });
  }
  for (const TrackedVariable *V : Analysis.AddressTaken) {
    Result.Traced.insert(V);
    Result.AtAddress.insert(V);
  }
  for (const Borrow &B : Analysis.Borrows) {
    if (B.Owner && B.IsMove)
      Result.Traced.insert(B.Owner);
    if (B.Borrower)
      Result.Traced.insert(B.Borrower);
    if (B.Borrower && B.Destination)
      Result.AtAddress.insert(B.Borrower);
  }
  for (const TrackedVariable &V : Vars) {
    if (All)
      Result.Traced.insert(&V);
    if (!Result.Traced.contains(&V))
      ++Result.Untraced;
  }
  // Holders whose every access the pass sees: pointer variables, and
  // objects that hold borrows in their fields or keep them (iterators,
  // views, guards, containers of pointers). A range-for's hidden reference
  // stands for the loop's iterators, which hold the borrow until the loop
  // ends: it keeps its lexical lifetime.
  DenseSet<const TrackedVariable *> Seen;
  for (const Borrow &B : Analysis.Borrows) {
    const TrackedVariable *H = B.Borrower;
    if (!H || B.IsMove || !Seen.insert(H).second)
      continue;
    if (!StringRef(H->Name).starts_with("__range") && followsLastUse(*H, Kept))
      Result.FollowLastUse.push_back(H);
  }
  return Result;
}

} // namespace borrowscope
