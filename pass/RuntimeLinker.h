//===- RuntimeLinker.h - Link the inlined hot path into a module ----------===//
#ifndef BORROWSCOPE_RUNTIMELINKER_H
#define BORROWSCOPE_RUNTIMELINKER_H

#include "llvm/IR/Module.h"
#include <optional>
#include <string>

namespace borrowscope {

/// The hot-path functions as they exist in the instrumented module: internal
/// and always_inline, so that no event costs a call.
struct HotPath {
  llvm::Function *Begin = nullptr;   ///< opens a group: clock + room for n
  llvm::Function *Reserve = nullptr; ///< room for n more in an open group
  llvm::Function *Stale = nullptr;   ///< after a call that may block
  llvm::Function *New = nullptr;
  llvm::Function *NewAt = nullptr;    ///< New with address and size
  llvm::Function *Borrow = nullptr;
  llvm::Function *BorrowAt = nullptr; ///< Borrow held in memory
  llvm::Function *Reborrow = nullptr; ///< owner found by address
  llvm::Function *Move = nullptr;
  llvm::Function *Drop = nullptr;
};

/// Links the hot path (runtime/hot_path.h, compiled to bitcode and embedded
/// in the plugin) into \p M. On failure returns nullopt and sets \p Error.
std::optional<HotPath> linkHotPath(llvm::Module &M, std::string &Error);

} // namespace borrowscope

#endif // BORROWSCOPE_RUNTIMELINKER_H
