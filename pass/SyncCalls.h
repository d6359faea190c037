//===- SyncCalls.h - Calls that order threads: clock them -----------------===//
#ifndef BORROWSCOPE_SYNCCALLS_H
#define BORROWSCOPE_SYNCCALLS_H

#include "llvm/ADT/DenseSet.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Module.h"

namespace borrowscope {

/// Which calls synchronise threads or wait (locks, condition variables,
/// thread start and join, sleeps, I/O): the hot path records the clock
/// before and after them, so that events on either side are ordered across
/// threads. Records carry no time of their own (hot_path.h). Found by name
/// in the C library, POSIX threads, C11 threads and the C++ standard
/// library's thread support, and over the module's call graph (a helper that
/// locks a mutex, std::mutex::lock in a header). Indirect calls and calls
/// into other files are not clocked: documented in docs/trace-format.md.
class SyncCalls {
public:
  explicit SyncCalls(const llvm::Module &M);
  bool synchronises(const llvm::CallBase &Call) const;

private:
  /// A call to a function that synchronises by itself.
  static bool byName(const llvm::CallBase &Call);
  llvm::DenseSet<const llvm::Function *> Syncing;
};

} // namespace borrowscope

#endif // BORROWSCOPE_SYNCCALLS_H
