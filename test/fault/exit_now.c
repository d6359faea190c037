// _exit, _Exit and quick_exit end the process without exit() and its
// handlers: the trace still has every event (also those of at_quick_exit
// handlers) and says how the process ended and with which code.
//
// RUN: %bsclang -O1 -pthread %s -o %t && %clang -O1 -pthread %s -o %t.plain
// RUN: rm -f %t.*trace*
// RUN: env BORROWSCOPE_OUTPUT=%t.ref.trace %t exit
// RUN: %fault-run %t.plain %t %t.1.trace --reference %t.ref.trace -- _exit | FileCheck %s --check-prefix=EXIT
// EXIT: ended: exit 3, as plain
// EXIT-NEXT: output: as plain
// EXIT-NEXT: trace: the process ended by _exit, _Exit or quick_exit with 3
// EXIT-NEXT: events: 9306 (thread 1: 9006, thread 2: 300), as the reference
// RUN: %fault-run %t.plain %t %t.2.trace --reference %t.ref.trace -- _Exit | FileCheck %s --check-prefix=UEXIT
// UEXIT: ended: exit 4, as plain
// UEXIT: trace: the process ended by _exit, _Exit or quick_exit with 4
// UEXIT-NEXT: events: 9306 (thread 1: 9006, thread 2: 300), as the reference
// RUN: %fault-run %t.plain %t %t.3.trace --reference %t.ref.trace -- quick_exit | FileCheck %s --check-prefix=QUICK
// QUICK: ended: exit 5, as plain
// QUICK-NEXT: output: as plain
// QUICK-NEXT: trace: the process ended by _exit, _Exit or quick_exit with 5
// QUICK-NEXT: events: 9306 (thread 1: 9006, thread 2: 300), as the reference
//
// An atexit handler does not run on these paths (in either build).
// RUN: not %t _exit > %t.out
// RUN: FileCheck %s --check-prefix=OUT < %t.out
// OUT: before the end
// OUT-NOT: atexit

#include "Inputs/work.h"
#include <stdlib.h>

static void at_exit_handler(void) { printf("atexit\n"); }

// Runs after quick_exit() was called: its events are in the trace. The
// other modes (and the reference) run the same code before they end.
static void last_words(void) {
  int late = 7;
  touch(&late);
}

int main(int argc, char **argv) {
  atexit(at_exit_handler);
  at_quick_exit(last_words);
  work();
  printf("before the end\n");
  fflush(stdout);
  if (mode_is(argc, argv, "quick_exit"))
    quick_exit(5);
  last_words();
  if (mode_is(argc, argv, "_exit"))
    _exit(3);
  if (mode_is(argc, argv, "_Exit"))
    _Exit(4);
  exit(0);
}
