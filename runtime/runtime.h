// What the runtime's other parts (heap_hooks.cpp) need of its core.
#ifndef BORROWSCOPE_RUNTIME_RUNTIME_H
#define BORROWSCOPE_RUNTIME_RUNTIME_H

#include "borrowscope/abi.h"

#include <csignal>

namespace borrowscope {

struct ThreadRecord;

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

/// The calling thread's recording: its hot-path state and its thread record
/// (signal handlers record into a stream of their own: handlers.cpp).
struct Recording {
  bs_thread_state hot;
  ThreadRecord *record;
};
Recording current_recording();
void set_recording(const Recording &r);
/// The stream of the calling thread's signal handlers with a window, or
/// null (none made yet, the thread is inside the runtime, or exited).
ThreadRecord *handler_stream();
/// A program's signal handler is installed: each thread gets a handler
/// stream at its next refill, the calling thread now. Not from a handler.
void note_program_handler();
/// While set, the calling thread's refills give the sink (a handler that
/// interrupted another, or ran before its thread had a stream).
void set_refills_to_sink(bool on);
/// Points the calling thread at the sink: what it records is dropped.
void record_into_sink();
/// Whether the calling thread runs a signal handler (handlers.cpp).
bool in_signal_handler();

/// The calling thread gets an alternate signal stack if it has none
/// (alt_stack.cpp): a stack overflow's SIGSEGV then still ends the trace.
/// Outside any handler; dropped when the thread ends.
void give_thread_alt_stack();
void drop_thread_alt_stack();
/// The calling thread's alternate stack as the kernel has it (not as the
/// program is told).
bool current_alt_stack(stack_t &now);

/// Installs the handlers of fatal signals and the program's views of them
/// (process_end.cpp); called once tracing is on.
void watch_process_end();

} // namespace borrowscope

#endif
