// abort(): the trace has every event before it and says the process died of
// SIGABRT; the process dies of it as the plain program does.
//
// RUN: %bsclang -O1 -pthread %s -o %t && %clang -O1 -pthread %s -o %t.plain
// RUN: rm -f %t.*trace*
// RUN: env BORROWSCOPE_OUTPUT=%t.ref.trace %t exit
// RUN: %fault-run %t.plain %t %t.trace --reference %t.ref.trace -- abort | FileCheck %s
// CHECK: ended: signal 6 (SIGABRT), as plain
// CHECK-NEXT: output: as plain
// CHECK-NEXT: trace: the process was killed by signal 6 (SIGABRT)
// Thread 1: 3000 x (New x, its borrow by touch, Drop x) and main's t, its
// borrow and work's i... (9003); thread 2: 100 x 3. Exactly the events of
// the exit() reference run.
// CHECK-NEXT: events: 9303 (thread 1: 9003, thread 2: 300), as the reference

#include "Inputs/work.h"
#include <stdlib.h>

int main(int argc, char **argv) {
  work();
  printf("before the end\n");
  fflush(stdout);
  if (mode_is(argc, argv, "abort"))
    abort();
  exit(0);
}
