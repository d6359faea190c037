//===- LastUse.h - Where a holder's value is used for the last time -------===//
#ifndef BORROWSCOPE_LASTUSE_H
#define BORROWSCOPE_LASTUSE_H

#include "Variables.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include <vector>

namespace borrowscope {

/// Non-lexical lifetimes, as Rust has them since 2018: a borrow held by a
/// pointer or reference variable ends where the value it holds is used for
/// the last time on each path, not where the variable's scope ends.
struct LastUses {
  struct Release {
    llvm::Instruction *Before; ///< where the Release goes
    const TrackedVariable *Holder;
    const llvm::Instruction *Use; ///< the last use, for its location
  };
  std::vector<Release> Releases;
  /// Stores whose value is never loaded: the borrow ends at once.
  llvm::DenseSet<const llvm::StoreInst *> DeadStores;
};

/// True when \p V can be followed this way: only loaded and stored whole,
/// never its own address taken.
bool followsLastUse(const TrackedVariable &V);

/// Liveness of each of \p Holders (which must satisfy followsLastUse) over
/// the CFG of their function, and where each one's value dies: after the
/// last use in a block (after the last instruction that uses the loaded
/// value), or at the start of a successor where it is no longer live.
LastUses findLastUses(llvm::Function &F,
                      const std::vector<const TrackedVariable *> &Holders);

} // namespace borrowscope

#endif // BORROWSCOPE_LASTUSE_H
