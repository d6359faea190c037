//===- Borrows.h - Where the address of a variable is taken ---------------===//
#ifndef BORROWSCOPE_BORROWS_H
#define BORROWSCOPE_BORROWS_H

#include "Variables.h"
#include "borrowscope/abi.h"
#include <string>
#include <vector>

namespace borrowscope {

/// One place where the address of a tracked variable (or of a field or
/// element inside it) leaves the variable: stored to memory, passed to a
/// call, or returned.
struct Borrow {
  llvm::Instruction *At = nullptr; ///< The store, call or return.
  const TrackedVariable *Owner = nullptr;
  bs_borrower_kind Kind = BS_BORROWER_NONE;
  /// The variable that receives the address (Kind == Variable), else null.
  const TrackedVariable *Borrower = nullptr;
  /// Borrower variable, callee, global or "<return>" as shown to the user.
  std::string BorrowerName;
  bs_mutability Mutability = BS_MUT_UNKNOWN;
};

/// The borrows of \p Vars (all of one function), in instruction order.
std::vector<Borrow> findBorrows(const std::vector<TrackedVariable> &Vars);

} // namespace borrowscope

#endif // BORROWSCOPE_BORROWS_H
