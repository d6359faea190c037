//===- AccessesAfterEnd.h - Storage used where its lifetime has ended -----===//
#ifndef BORROWSCOPE_ACCESSESAFTEREND_H
#define BORROWSCOPE_ACCESSESAFTEREND_H

#include "Borrows.h"
#include "DerivedPointers.h"
#include "Variables.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <vector>

namespace borrowscope {

/// The variables of \p Vars (lifetime markers only) whose storage the
/// function loads, stores or passes to a call at a point that a path reaches
/// from one of their lifetime ends without a new start: a use of a dead
/// local. rustc never emits one for code the borrow checker accepted; it
/// does for unsafe code that keeps a raw pointer to a local past its scope,
/// because its MIR optimizations replace the pointer with the local's own
/// address (`p = &x as *const i32; } read(p)` reads `x` itself). Clang
/// never emits one at all.
/// Walks forward from just after each lifetime end of \p V (and from the
/// function's entry when \p FromEntry) until a lifetime start of it, each
/// block at most once from its top; true as soon as \p Found holds on the
/// way.
bool foundBeforeStart(
    const TrackedVariable &V, bool FromEntry,
    llvm::function_ref<bool(const llvm::Instruction &)> Found);

llvm::DenseSet<const TrackedVariable *>
variablesAccessedAfterEnd(const std::vector<TrackedVariable> &Vars,
                          const DerivedPointers &Derived);

/// The borrows of such variables that another variable receives (`p = &x`)
/// are held until that holder drops or is assigned again, not until its
/// last use: the use that dangles is the dead local's own access, which
/// stands for the holder's (the checks then see the local drop while the
/// holder still holds it).
void holdBorrowsOfLocalsUsedAfterEnd(std::vector<Borrow> &Borrows,
                                     const std::vector<TrackedVariable> &Vars,
                                     const DerivedPointers &Derived);

} // namespace borrowscope

#endif // BORROWSCOPE_ACCESSESAFTEREND_H
