//===- RuntimeLinker.h - Link the inlined hot path into a module ----------===//
#ifndef BORROWSCOPE_RUNTIMELINKER_H
#define BORROWSCOPE_RUNTIMELINKER_H

#include "llvm/IR/Module.h"
#include <optional>
#include <string>

namespace borrowscope {

/// The hot-path functions as they exist in the instrumented module: internal
/// and always_inline, so that no event costs a call (runtime/hot_path.h).
struct HotPath {
  llvm::Function *Begin = nullptr;   ///< opens a group: room for n records
  llvm::Function *Commit = nullptr;  ///< publishes the group's records
  llvm::Function *Reserve = nullptr; ///< room for n more in an open group
  llvm::Function *Clock = nullptr;   ///< a clock record (synchronising calls)
  llvm::Function *NextId = nullptr;
  llvm::Function *NextIds = nullptr; ///< the first of n consecutive ids
  llvm::Function *New = nullptr;
  llvm::Function *Ext = nullptr;     ///< a VLA's size after its New
  llvm::Function *Drop = nullptr;    ///< also Release: id 0 records nothing
  llvm::Function *Borrow = nullptr;  ///< storage, by variable/call/return
  llvm::Function *Reborrow = nullptr;
  llvm::Function *BorrowMem = nullptr;
  llvm::Function *ReborrowMem = nullptr;
  llvm::Function *BorrowOwner = nullptr;
  llvm::Function *BorrowOwnerMem = nullptr;
  llvm::Function *Move = nullptr;
};

/// Links the hot path (runtime/hot_path.h, compiled to bitcode and embedded
/// in the plugin) into \p M. On failure returns nullopt and sets \p Error.
std::optional<HotPath> linkHotPath(llvm::Module &M, std::string &Error);

} // namespace borrowscope

#endif // BORROWSCOPE_RUNTIMELINKER_H
