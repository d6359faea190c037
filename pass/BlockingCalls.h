//===- BlockingCalls.h - Calls after which the clock must be read again ---===//
#ifndef BORROWSCOPE_BLOCKINGCALLS_H
#define BORROWSCOPE_BLOCKINGCALLS_H

#include "llvm/IR/InstrTypes.h"

namespace borrowscope {

/// True when \p Call may take an unbounded time (sleep, I/O, a lock, code in
/// another file): the hot path's reused clock value must not be used across
/// it. Calls to functions defined in this module are not (their own blocking
/// calls say so), nor intrinsics, nor the C library's memory, string,
/// character and math functions, nor allocation.
bool mayBlock(const llvm::CallBase &Call);

} // namespace borrowscope

#endif // BORROWSCOPE_BLOCKINGCALLS_H
