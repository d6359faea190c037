// Check mode (BORROWSCOPE_MODE=check or both): the borrow checker of
// `borrowscope check` (tools/borrowscope/check) runs inside the program, on
// a thread of its own. The slow path copies each thread's records into a
// chunk and queues it (no checking, no lock the program can hold); the
// checker thread decodes the chunks as the trace reader decodes a trace
// (LiveDecoder) and keeps only live state. At the end the report is written
// (check_report.h). All functions but start() are called under the
// runtime's lock.
#ifndef BORROWSCOPE_RUNTIME_CHECK_MODE_H
#define BORROWSCOPE_RUNTIME_CHECK_MODE_H

#include "borrowscope/abi.h"
#include "options.h"

#include <cstdint>
#include <string>
#include <sys/types.h>

namespace borrowscope::check_mode {

/// Starts a check of this process (or of the image after a failed exec):
/// the checker thread is created if there is none.
void start(const Options &options, const std::string &program, pid_t pid);
/// A module's sites (SiteRegistry::module_block), before its records.
void add_module(std::string payload);
/// Copies one thread's records [0, count) (its records from \p sequence
/// on). \p start_tsc: when the window began, 0 for a later part of it.
/// Waits while the checker is far behind (memory stays bounded).
void add_records(uint32_t thread, uint64_t sequence, const bs_event *records,
                 uint32_t count, uint64_t start_tsc);
/// The records added since the last batch were cut at one moment: the
/// checker merges them by time.
void end_batch();
/// Ends the check: the report is written (by the checker thread). Waits up
/// to \p wait_ms for it; in a signal handler (\p dying) without blocking
/// calls. False if the report was not written in time.
bool finish(uint32_t reason, int32_t status, int wait_ms, bool dying);
/// After finish(): the exit status the process should have instead of
/// \p status (BORROWSCOPE_EXITCODE with findings), or \p status.
int exit_status_for(int status);
/// The child after fork: the parent's checker thread is gone; the child
/// checks its own events from here on (as its own trace would hold them).
void forget_after_fork();
/// True once start() ran in this process.
bool active();

} // namespace borrowscope::check_mode

#endif
