//===- Ownership.h - Which variables take part in ownership ---------------===//
#ifndef BORROWSCOPE_OWNERSHIP_H
#define BORROWSCOPE_OWNERSHIP_H

#include "Borrows.h"
#include "LastUse.h"
#include "Variables.h"
#include "llvm/ADT/DenseSet.h"
#include <vector>

namespace borrowscope {

/// BORROWSCOPE_VARIABLES: which variables are traced.
enum class VariableSelection {
  /// The default: those that take part in ownership (docs/semantics.md).
  Ownership,
  /// Every source variable, for teaching small programs.
  All,
};

struct TracedVariables {
  /// Variables with New and Drop events.
  llvm::DenseSet<const TrackedVariable *> Traced;
  /// Traced variables whose New records their address: those whose address
  /// is taken, and objects that hold borrows in their fields (a reader finds
  /// the holder of a borrow stored at an address from it).
  llvm::DenseSet<const TrackedVariable *> AtAddress;
  /// Traced holders whose borrow ends at the last use of their value.
  std::vector<const TrackedVariable *> FollowLastUse;
  unsigned Untraced = 0;
};

/// Decides, statically, which of \p Vars are traced: in Ownership mode a
/// variable whose address is taken (borrowed by a variable, a call, a store
/// or a return), that is moved from or into, or that holds a borrow (a
/// pointer or reference variable, an object a borrow is stored in or kept
/// by). Removes from \p Analysis the borrows nobody needs: a pointer from
/// elsewhere stored into a variable, in a function none of whose variables
/// has its address taken, or into a parameter, cannot point into this frame
/// and so changes no finding while the frame lives.
TracedVariables selectVariables(const std::vector<TrackedVariable> &Vars,
                                BorrowAnalysis &Analysis,
                                VariableSelection Selection,
                                KeptArguments &Kept);

} // namespace borrowscope

#endif // BORROWSCOPE_OWNERSHIP_H
