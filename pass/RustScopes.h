//===- RustScopes.h - Lifetime markers from debug scopes (Rust, -O0) ------===//
#ifndef BORROWSCOPE_RUSTSCOPES_H
#define BORROWSCOPE_RUSTSCOPES_H

#include "Variables.h"
#include "llvm/IR/Function.h"
#include <vector>

namespace borrowscope {

/// rustc emits lifetime markers only when optimizing. At opt-level 0 every
/// variable of \p F declared in a block (a `let` inside braces or a loop
/// body: its debug scope is not the function's) gets markers made from its
/// debug scope, as rustc's MIR has them (StorageLive, StorageDead):
///  - a start before the `let` statement's first write of it (the
///    initializer is located in the enclosing scope), else where control
///    enters its scope;
///  - an end where control leaves its scope, after its drop glue
///    (`drop_in_place(&x)` at the closing brace) when that follows.
/// A variable whose storage is written, or dropped, or used from inside its
/// scope, outside what the markers cover keeps no markers (one instance for
/// the whole call, as before): the scopes did not say where it lives. Its
/// Starts, Ends and Mode are set and MadeMarkers is true; the markers are
/// erased by eraseMadeMarkers once the function is instrumented (they must
/// not reach an optimizer that trusts them).
void addMarkersFromScopes(llvm::Function &F,
                          std::vector<TrackedVariable> &Vars);

void eraseMadeMarkers(std::vector<TrackedVariable> &Vars);

/// Whether \p F has any llvm.lifetime.start (rustc at opt-level 1 and up).
bool hasLifetimeMarkers(const llvm::Function &F);

} // namespace borrowscope

#endif // BORROWSCOPE_RUSTSCOPES_H
