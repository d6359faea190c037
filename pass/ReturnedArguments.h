//===- ReturnedArguments.h - Whether a call's result points into an argument ===//
#ifndef BORROWSCOPE_RETURNEDARGUMENTS_H
#define BORROWSCOPE_RETURNEDARGUMENTS_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/IR/InstrTypes.h"
#include <utility>

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
  bool mayReturn(const llvm::CallBase &Call, unsigned ArgNo);

private:
  bool mayReturn(const llvm::Function &F, unsigned ArgNo);
  bool reachesReturn(const llvm::Function &F, const llvm::Value *Root);
  using Key = std::pair<const llvm::Function *, unsigned>;
  llvm::DenseMap<Key, bool> Memo;
};

} // namespace borrowscope

#endif // BORROWSCOPE_RETURNEDARGUMENTS_H
