//===- BlockingCalls.h - Calls after which the clock must be read again ---===//
#ifndef BORROWSCOPE_BLOCKINGCALLS_H
#define BORROWSCOPE_BLOCKINGCALLS_H

#include "llvm/ADT/DenseSet.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Module.h"

namespace borrowscope {

/// Which calls may take an unbounded time (sleep, I/O, a lock, code in
/// another file): the hot path's reused clock value must not be used across
/// them. Not blocking: intrinsics, the C library's memory, string, character
/// and math functions, allocation, and functions of this module that call
/// nothing blocking (found over the module's call graph, so a helper that
/// sleeps, or a system-header template that does, is blocking).
class BlockingCalls {
public:
  explicit BlockingCalls(const llvm::Module &M);
  bool mayBlock(const llvm::CallBase &Call) const;

private:
  /// A call that blocks whatever this module's functions do.
  static bool blocksByItself(const llvm::CallBase &Call);
  llvm::DenseSet<const llvm::Function *> Blocking;
};

} // namespace borrowscope

#endif // BORROWSCOPE_BLOCKINGCALLS_H
