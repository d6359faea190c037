//===- DerivedPointers.h - Which pointers point into which variable -------===//
#ifndef BORROWSCOPE_DERIVEDPOINTERS_H
#define BORROWSCOPE_DERIVEDPOINTERS_H

#include "ReturnedArguments.h"
#include "Variables.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Instructions.h"
#include <vector>

namespace borrowscope {

/// Where a pointer value comes from.
struct Derivation {
  const TrackedVariable *Owner = nullptr;
  /// The reference variable it was read through (`int &r = x; f(r);`).
  const TrackedVariable *Through = nullptr;
  /// True when the pointer came back from a call on the owner (`v.front()`,
  /// `s.c_str()`): it need not point into the owner's own storage (a
  /// vector's elements are on the heap), so the owner is named by id.
  bool Accessor = false;
  /// Bytes it points to, when the types say (an element, a field); 0: the
  /// whole owner or unknown.
  uint32_t Size = 0;
};

/// A derived pointer stored into a compiler temporary (an argument being
/// prepared, a lambda's closure, an aggregate passed by value).
struct TempSlot {
  uint64_t Offset = 0;
  Derivation From;
};

/// Maps every pointer derived from a tracked variable to it: address
/// arithmetic (GEP, casts), std::move/std::forward/std::addressof (casts in
/// disguise), references bound once, pointers passed through compiler
/// temporaries (stored, copied with memcpy, loaded back), and the pointer a
/// call returns when it received exactly one borrowed pointer (an accessor,
/// as in Rust's lifetime elision). PHIs and selects are not followed: on
/// each path the address comes from a different owner.
class DerivedPointers {
public:
  DerivedPointers(llvm::Function &F, const std::vector<TrackedVariable> &Vars,
                  ReturnedArguments &Returned);

  const Derivation *of(const llvm::Value *V) const;
  /// The tracked variable whose alloca \p V is, if any.
  const TrackedVariable *variable(const llvm::Value *V) const;
  /// An alloca that is no tracked variable: a compiler temporary.
  bool isTemporary(const llvm::Value *V) const;
  /// What temporary \p Temp holds (null if nothing derived).
  const llvm::SmallVector<TempSlot, 2> *contents(const llvm::Value *Temp) const;
  /// Calls whose pointer result is derived from their one borrowed argument.
  bool isAccessor(const llvm::CallBase &Call) const {
    return Accessors.contains(&Call);
  }
  /// The derived pointer argument of an accessor call.
  const llvm::Value *accessorArgument(const llvm::CallBase &Call) const;

private:
  void derive(llvm::Value *Root, Derivation D);
  void bindReferences();
  bool forwardTemporaries();
  bool findAccessors();
  bool mayReturn(const llvm::CallBase &Call, const llvm::Value *Arg,
                 const TrackedVariable &Owner);
  const TrackedVariable *boundReferent(const TrackedVariable &V) const;
  /// The one borrowed source of a call's arguments (direct, or inside a
  /// temporary passed to it), or null when none or several.
  const Derivation *soleSource(const llvm::CallBase &Call,
                               const llvm::Value **Arg) const;

  llvm::Function &F;
  ReturnedArguments &Returned;
  const bool IsRust;
  llvm::DenseMap<const llvm::Value *, const TrackedVariable *> ByAlloca;
  llvm::DenseMap<const llvm::Value *, Derivation> Derived;
  llvm::DenseMap<const llvm::Value *, llvm::SmallVector<TempSlot, 2>> Temps;
  llvm::DenseSet<const llvm::CallBase *> Accessors;
  llvm::DenseMap<const llvm::CallBase *, const llvm::Value *> AccessorArgs;
};

/// Strips address arithmetic: the alloca, global or argument a pointer
/// points into.
const llvm::Value *baseObject(const llvm::Value *V);

/// True when \p V points into an alloca of the function it is in: the
/// callee's own frame, when the pass reads a callee's body.
inline bool isOwnAlloca(const llvm::Value *V) {
  return llvm::isa<llvm::AllocaInst>(baseObject(V));
}

/// Calls that are not the program's: debug and lifetime markers, memcpy and
/// other intrinsics (the compiler's copies), and BorrowScope's own runtime.
bool isIgnoredCall(const llvm::CallBase &Call);

/// std::move, std::forward, std::addressof, std::to_address: casts, not
/// uses.
bool isTransparentCall(const llvm::CallBase &Call);

/// Itanium names of constructors: C1/C2, followed by E (the parameters) or
/// I (a constructor template's arguments).
inline bool isConstructorName(llvm::StringRef N) {
  return N.starts_with("_ZN") &&
         (N.contains("C1E") || N.contains("C2E") || N.contains("C1I") ||
          N.contains("C2I"));
}

/// Itanium names of destructors (D0 deleting, D1 complete, D2 base).
inline bool isDestructorName(llvm::StringRef N) {
  return N.starts_with("_ZN") &&
         (N.contains("D0E") || N.contains("D1E") || N.contains("D2E"));
}

/// Rust's drop glue, core::ptr::drop_in_place::<T>: what runs a Rust
/// value's destructor and its fields'. v0-mangled (borrowscope-rustc's
/// RUSTC_BOOTSTRAP makes it the default) or legacy (stable rustc's).
inline bool isRustDropInPlace(llvm::StringRef N) {
  return (N.starts_with("_R") && N.contains("4core3ptr13drop_in_place")) ||
         (N.starts_with("_ZN4core3ptr") && N.contains("drop_in_place"));
}

/// True when a C++ destructor runs on the object \p Object is in: an owner
/// (RAII), not a view. Rust's drop glue does not count: at opt-level 0 a
/// reference variable printed (`println!("{}", r)` takes `&r`) holds its
/// borrow for the whole call, so a Vec's elements borrowed by it would
/// conflict with every later push.
bool isDestroyed(const llvm::Value *Object);

/// A body the pass may read for what a callee does with its arguments: one
/// the module defines at every optimization level. An available_externally
/// body (an extern template's, such as std::string's members, at -O1 and
/// above) is not one: reading it would make -O0 and -O2 traces differ.
inline bool hasAnalysableBody(const llvm::Function &F) {
  return !F.isDeclaration() && !F.hasAvailableExternallyLinkage();
}

} // namespace borrowscope

#endif // BORROWSCOPE_DERIVEDPOINTERS_H
