//===- WrittenArguments.h - Which calls write what a pointer points to ----===//
#ifndef BORROWSCOPE_WRITTENARGUMENTS_H
#define BORROWSCOPE_WRITTENARGUMENTS_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/IR/Function.h"
#include <optional>
#include <utility>

namespace borrowscope {

/// Whether a callee may write the memory a pointer argument points to (the
/// object itself: its fields, not what its own pointers point to), directly
/// or through the functions of the module it passes the pointer to. A
/// non-const parameter that is only read (`addk(fs, &o, &o)`), a non-const
/// member that changes nothing (`begin()`, `operator[]`) is a shared borrow;
/// `push_back`, `insert`, `append` write their object.
/// Unknown when the only uses that might write are calls whose callees say
/// nothing (through a pointer, or declared without const information): a
/// C function passing its parameters on to another file's functions.
/// nullopt when the callee has no body in the module: the declared type is
/// all there is.
enum class Access { Read, Unknown, Written };

class WrittenArguments {
public:
  std::optional<Access> writes(const llvm::Function &Callee, unsigned ArgNo);

private:
  Access writesThrough(const llvm::Function &F, const llvm::Value *Arg);
  using Key = std::pair<const llvm::Function *, unsigned>;
  llvm::DenseMap<Key, Access> Memo;
};

} // namespace borrowscope

#endif // BORROWSCOPE_WRITTENARGUMENTS_H
