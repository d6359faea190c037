// What the runtime's other parts (heap_hooks.cpp) need of its core.
#ifndef BORROWSCOPE_RUNTIME_RUNTIME_H
#define BORROWSCOPE_RUNTIME_RUNTIME_H

#include "borrowscope/abi.h"

namespace borrowscope {

/// Creates the runtime if it does not exist yet (idempotent).
void start_runtime();
/// True while the calling thread is inside the runtime.
bool runtime_busy();
/// Room for one record in the calling thread's window (the sink if none).
bs_event *reserve_record();

} // namespace borrowscope

#endif
