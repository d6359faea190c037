//===- KeptArguments.h - Which calls keep a pointer they are given --------===//
#ifndef BORROWSCOPE_KEPTARGUMENTS_H
#define BORROWSCOPE_KEPTARGUMENTS_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/IR/Function.h"
#include <tuple>

namespace borrowscope {

/// Whether a callee keeps a pointer argument beyond the call: stores it into
/// memory that is not its own frame (an object's field, the heap), directly
/// or through the functions of the module it passes it to. Level 0 asks
/// about the pointer itself (`std::string_view(const char *)` keeps it,
/// `std::string(const char *)` copies what it points to); level 1 about the
/// pointer that the argument points to (`push_back(T *const &)` keeps the
/// T *, a std::function constructor keeps the closure's contents).
/// A callee without a body in the module keeps nothing: its answer is
/// unknown, and a guess would be a false finding.
class KeptArguments {
public:
  bool keeps(const llvm::Function &Callee, unsigned ArgNo, unsigned Level) {
    return keptWhere(Callee, ArgNo, Level) != Nowhere;
  }

  /// Where the pointer is kept: Nowhere, Elsewhere (the heap, a global, an
  /// object reached otherwise), or an argument's number when it is kept
  /// only in what that argument points to (a `this`, an sret result): the
  /// caller then knows whether that is a temporary of its own.
  enum : int { Nowhere = -2, Elsewhere = -1 };
  int keptWhere(const llvm::Function &Callee, unsigned ArgNo, unsigned Level);

private:
  int keptIn(const llvm::Function &F, const llvm::Value *V, unsigned Level);
  using Key = std::tuple<const llvm::Function *, unsigned, unsigned>;
  llvm::DenseMap<Key, int> Memo;
};

} // namespace borrowscope

#endif // BORROWSCOPE_KEPTARGUMENTS_H
