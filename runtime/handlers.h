// Signal handlers record into a stream of their own (handlers.cpp).
#ifndef BORROWSCOPE_RUNTIME_HANDLERS_H
#define BORROWSCOPE_RUNTIME_HANDLERS_H

#include "runtime.h"

#include <cstdint>

namespace borrowscope {

/// One running program handler, on the handler's own stack.
struct HandlerFrame {
  HandlerFrame *outer;
  Recording saved;   ///< the interrupted recording
  bool recorded;     ///< its events go to the thread's handler stream
  uint64_t entry_sp; ///< the stack at entry: a jump above it leaves
  uint64_t alt_lo, alt_hi; ///< the alternate stack it runs on, if any
};

/// Around a call of the program's handler (process_end.cpp).
void enter_handler(HandlerFrame &f);
void leave_handler(HandlerFrame &f);
/// Before a longjmp to buffer: leaves the handlers the jump leaves.
void leave_handlers_for_jump(const void *buffer);

} // namespace borrowscope

#endif
