//===- Borrows.h - Where the address of a variable goes -------------------===//
#ifndef BORROWSCOPE_BORROWS_H
#define BORROWSCOPE_BORROWS_H

#include "DerivedPointers.h"
#include "KeptArguments.h"
#include "ReturnedArguments.h"
#include "WrittenArguments.h"
#include "Variables.h"
#include "borrowscope/abi.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/IR/DebugLoc.h"
#include <string>
#include <vector>

namespace borrowscope {

/// Where the recorded address of a borrow comes from.
enum class AddressSource {
  Storage,  ///< inside the owner: the owner is found from the address
  Accessor, ///< returned by a call on the owner: the owner is named by id
  Unknown,  ///< from elsewhere (a reborrow): found from the address, if any
};

/// One place where an address leaves a variable or is passed on: stored,
/// passed to a call, returned, kept by an object, or moved from.
struct Borrow {
  llvm::Instruction *At = nullptr; ///< The store, call or return.
  /// Recorded after At rather than before (an accessor's result exists only
  /// once the call returned).
  bool After = false;
  /// The variable whose address (or an address inside it) is taken; null for
  /// a reborrow, whose owner is found at run time from the address.
  const TrackedVariable *Owner = nullptr;
  /// The reference variable the address was read through (`int &r = x;
  /// f(r);`): the borrow is r's, passed on, not a new one.
  const TrackedVariable *Through = nullptr;
  AddressSource Source = AddressSource::Unknown;
  /// The address recorded. Null with LoadFrom set: loaded from there at the
  /// call (the pointer held in a temporary or in a pointer variable).
  llvm::Value *Address = nullptr;
  llvm::Value *LoadFrom = nullptr;
  /// A borrow held in memory (a field, the heap, a global, an object a call
  /// keeps it in): where, so that a later store there can end it.
  llvm::Value *Destination = nullptr;
  bs_borrower_kind Kind = BS_BORROWER_NONE;
  /// The variable that receives the address, when there is one (for a kept
  /// borrow: the object that keeps it).
  const TrackedVariable *Borrower = nullptr;
  /// Borrower variable, callee, global, "<return>" or "<memory>".
  std::string BorrowerName;
  bs_mutability Mutability = BS_MUT_UNKNOWN;
  uint32_t Size = 0; ///< bytes borrowed; 0: the whole owner or unknown
  /// A move out of Owner (into Borrower, or into a call's parameter or a
  /// temporary when IntoCall) rather than a borrow: a Move event.
  bool IsMove = false;
  bool IntoCall = false;
  /// The callee keeps the pointer in Borrower (or at Destination).
  bool Kept = false;
  /// What is kept is the owner's contents (the pointers inside it), not its
  /// storage: `std::span s(vec)`.
  bool Contents = false;
  /// The borrower holds it until it drops or is assigned again, whatever
  /// its last use (AccessesAfterEnd.h).
  bool HeldUntilHolderEnds = false;
  /// Index in BorrowAnalysis::Borrows of the first borrow of the same call,
  /// or -1: the arguments of one call are borrowed together.
  int CallGroup = -1;
  /// Where to report it: the statement (the return, not the closing brace).
  llvm::DebugLoc Loc;
};

struct BorrowAnalysis {
  /// In instruction order.
  std::vector<Borrow> Borrows;
  /// Variables whose address escapes (stored, passed, returned, or flowing
  /// through a PHI, select or integer cast): their New records their address
  /// so that addresses can be resolved to them. The others keep their
  /// address to themselves and stay promotable to registers.
  llvm::DenseSet<const TrackedVariable *> AddressTaken;
};

/// The borrows of \p Vars (all of one function). \p Kept, \p Written and
/// \p Returned answer what a callee does with what it is given: keeps it,
/// writes through it, returns it (shared by the module's functions).
BorrowAnalysis findBorrows(const std::vector<TrackedVariable> &Vars,
                           KeptArguments &Kept, WrittenArguments &Written,
                           ReturnedArguments &Returned);

} // namespace borrowscope

#endif // BORROWSCOPE_BORROWS_H
