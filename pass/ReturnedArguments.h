//===- ReturnedArguments.h - Whether a call's result points into an argument ===//
#ifndef BORROWSCOPE_RETURNEDARGUMENTS_H
#define BORROWSCOPE_RETURNEDARGUMENTS_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/IR/InstrTypes.h"
#include <map>
#include <tuple>

namespace borrowscope {

/// Whether the pointer a call returns may point into what one of its
/// pointer arguments points to (`strchr(buf, c)`, `v.front()`,
/// `getformat(fmt, form)` returning `fmt + n`), or certainly does not
/// (`slot_for(&key)` returning `&table[...]`, `dlopen(path, ...)`,
/// `strdup(s)`). Without this, a call's result counts as a borrow of the one
/// local whose address it was given, which real C code contradicts as often
/// as not (docs/semantics.md, "Calls").
///
/// Answered from the callee's body when the module has one it may read
/// (hasAnalysableBody), else from the C library's prototypes; a C callee
/// known to neither does not (where its result is stored it is a reborrow,
/// resolved at run time from the address); a C++ one may.
class ReturnedArguments {
public:
  bool mayReturn(const llvm::CallBase &Call, unsigned ArgNo) {
    return mayReturn(Call, ArgNo, /*Contents=*/true);
  }
  /// Whether it may return a part of the object the argument points to
  /// (the pointer itself, a field's or element's address), not only a
  /// pointer the object holds (C++ contents: a vector's elements).
  bool mayReturnPart(const llvm::CallBase &Call, unsigned ArgNo) {
    return mayReturn(Call, ArgNo, /*Contents=*/false);
  }

private:
  bool mayReturn(const llvm::CallBase &Call, unsigned ArgNo, bool Contents);
  bool mayReturn(const llvm::Function &F, unsigned ArgNo, bool Contents);
  bool reachesReturn(const llvm::Value *Root, bool Contents);
  using Key = std::tuple<const llvm::Function *, unsigned, bool>;
  std::map<Key, bool> Memo;
};

} // namespace borrowscope

#endif // BORROWSCOPE_RETURNEDARGUMENTS_H
