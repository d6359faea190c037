// What the runtime's other parts (heap_hooks.cpp) need of its core.
#ifndef BORROWSCOPE_RUNTIME_RUNTIME_H
#define BORROWSCOPE_RUNTIME_RUNTIME_H

#include "borrowscope/abi.h"

namespace borrowscope {

/// Creates the runtime if it does not exist yet (idempotent).
void start_runtime();
/// True while the calling thread is inside the runtime.
bool runtime_busy();
/// The calling thread is the runtime's own (check mode's checker): its
/// events, if instrumented code runs on it, are not recorded.
void become_runtime_thread();
/// The status a process that exits now with \p status should have
/// (BORROWSCOPE_EXITCODE after findings in check mode).
int exit_status_for(int status);
/// Appends one record of the runtime's own (a free, a jump) to the calling
/// thread's window and commits it; nothing while the thread is inside the
/// runtime.
void append_record(const bs_event &record);

/// Ends the trace of a process that dies now (a fatal signal, _exit,
/// quick_exit): an END block of \p reason and \p status. Async-signal-safe
/// (no allocation), bounded (gives up after 200 ms when another thread holds
/// the runtime), and a no-op in a vfork child or when this thread was inside
/// the runtime. True if the END block was written.
bool finish_dying(uint32_t reason, int32_t status);
/// Before exec*: writes what the windows hold and an END block (exec). True
/// if it did; then exec_failed() must follow if the exec returns.
bool end_before_exec();
void exec_failed();

/// Installs the handlers of fatal signals and the program's views of them
/// (process_end.cpp); called once tracing is on.
void watch_process_end();

} // namespace borrowscope

#endif
