//===- Borrows.h - Where the address of a variable goes -------------------===//
#ifndef BORROWSCOPE_BORROWS_H
#define BORROWSCOPE_BORROWS_H

#include "Variables.h"
#include "borrowscope/abi.h"
#include "llvm/ADT/DenseSet.h"
#include <string>
#include <vector>

namespace borrowscope {

/// One place where an address leaves a variable or is passed on: stored,
/// passed to a call, returned, or moved from.
struct Borrow {
  llvm::Instruction *At = nullptr; ///< The store, call or return.
  /// The variable whose address (or an address inside it) is taken; null for
  /// a reborrow, whose owner is found at run time from \c Address.
  const TrackedVariable *Owner = nullptr;
  /// The reference variable the address was read through (`int &r = x;
  /// f(r);`): the borrow is r's, passed on, not a new one.
  const TrackedVariable *Through = nullptr;
  /// Reborrow: the stored pointer, whatever it points to (possibly nothing).
  llvm::Value *Address = nullptr;
  /// A borrow held in memory (a field, the heap, a global): where the address
  /// is stored, so that a later store there can end it.
  llvm::Value *Destination = nullptr;
  bs_borrower_kind Kind = BS_BORROWER_NONE;
  /// The variable that receives the address, when there is one.
  const TrackedVariable *Borrower = nullptr;
  /// Borrower variable, callee, global, "<return>" or "<memory>".
  std::string BorrowerName;
  bs_mutability Mutability = BS_MUT_UNKNOWN;
  /// A move into \c Borrower (move constructor or assignment) rather than a
  /// borrow: recorded as a Move event.
  bool IsMove = false;
};

struct BorrowAnalysis {
  /// In instruction order.
  std::vector<Borrow> Borrows;
  /// Variables whose address escapes (stored, passed, returned, or flowing
  /// through a PHI, select or integer cast): their New records their address
  /// and size, so that reborrowed addresses can be resolved to them. The
  /// others keep their address to themselves and stay promotable to
  /// registers.
  llvm::DenseSet<const TrackedVariable *> AddressTaken;
};

/// The borrows of \p Vars (all of one function).
BorrowAnalysis findBorrows(const std::vector<TrackedVariable> &Vars);

} // namespace borrowscope

#endif // BORROWSCOPE_BORROWS_H
