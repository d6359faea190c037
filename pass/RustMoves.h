//===- RustMoves.h - Moves out of Rust variables, as the IR shows them ----===//
#ifndef BORROWSCOPE_RUSTMOVES_H
#define BORROWSCOPE_RUSTMOVES_H

#include "Borrows.h"
#include "DerivedPointers.h"
#include "llvm/IR/IntrinsicInst.h"
#include <optional>

namespace borrowscope {

/// rustc moves a value by copying its bytes: `let t = s;`, `f(s)`,
/// `v.push(s)` and `Box::new(s)` are, at opt-level 0, a memcpy of the whole
/// variable (into the other variable, or into a temporary the callee is
/// given). A Copy type is copied the same way; the two differ in what
/// follows: the compiler lets nothing read a moved-from variable again. So
/// a copy of all of \p Copy's source variable after which no path uses it
/// (drops and lifetime ends are no uses) is a move. One written again
/// before a later move (a loop's binding at opt-level 0, one instance per
/// call) is left out: the checks would see two moves of one value. Its borrower: the variable copied into, the call the temporary is
/// passed to, "<return>" or "<memory>".
std::optional<Borrow> rustMoveOf(llvm::MemTransferInst &Copy,
                                 const DerivedPointers &Derived);

/// `core::ptr::read(&x)` copies x's bits out without ending x: in unsafe
/// code the one way to move out of a place the compiler still considers
/// initialized, and what Miri calls a use after free when x is used next.
/// A move of the whole variable given to it, into the result (its sret
/// variable, or what it is written into).
std::optional<Borrow> rustPtrReadMove(llvm::CallBase &Call,
                                      const DerivedPointers &Derived);

} // namespace borrowscope

#endif // BORROWSCOPE_RUSTMOVES_H
