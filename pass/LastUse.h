//===- LastUse.h - Where a holder's value is used for the last time -------===//
#ifndef BORROWSCOPE_LASTUSE_H
#define BORROWSCOPE_LASTUSE_H

#include "KeptArguments.h"
#include "Variables.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <vector>

namespace borrowscope {

/// Non-lexical lifetimes, as Rust has them since 2018: a borrow held by a
/// pointer or reference variable, or by an object (an iterator, a view, a
/// guard, a closure), ends where the value it holds is used for
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

/// How an instruction touches a holder's value.
enum class HolderAccess {
  Use,     ///< reads it: a load, a copy from it, a call given its address
  Def,     ///< replaces all of it: a store or copy over the whole variable
  Partial, ///< writes part of it (a field)
};
using HolderAccesses =
    std::vector<std::pair<const llvm::Instruction *, HolderAccess>>;

/// Every access to \p V's value, or nullopt when its address escapes: it is
/// stored, merged by a PHI or select, called, or kept by a callee.
std::optional<HolderAccesses> findHolderAccesses(const TrackedVariable &V,
                                                 KeptArguments &Kept);

/// True when \p V can be followed this way: findHolderAccesses knows every
/// access.
bool followsLastUse(const TrackedVariable &V, KeptArguments &Kept);

/// Liveness of each of \p Holders (which must satisfy followsLastUse) over
/// the CFG of their function, and where each one's value dies: after the
/// last use in a block (after the last instruction that uses the loaded
/// value), or at the start of a successor where it is no longer live.
LastUses findLastUses(llvm::Function &F,
                      const std::vector<const TrackedVariable *> &Holders,
                      KeptArguments &Kept);

} // namespace borrowscope

#endif // BORROWSCOPE_LASTUSE_H
