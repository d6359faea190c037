// SIGKILL (and the OOM killer) run no code in the process: the trace has no
// end. What the threads recorded is in the trace's file mapping, which the
// kernel keeps: every subcommand reads it without flags, with a warning, and
// finds every event committed before the kill (here: all of them).
//
// RUN: %bsclang -O1 -pthread %s -o %t && %clang -O1 -pthread %s -o %t.plain
// RUN: rm -f %t.*trace*
// RUN: env BORROWSCOPE_OUTPUT=%t.ref.trace %t exit
// RUN: %fault-run %t.plain %t %t.trace --reference %t.ref.trace -- kill | FileCheck %s
// CHECK: ended: signal 9 (SIGKILL), as plain
// CHECK-NEXT: output: as plain
// CHECK-NEXT: trace: warning: the trace has no end: the process was killed, or is still running ({{[0-9]+}} records recovered from its thread windows)
// CHECK-NEXT: events: 9303 (thread 1: 9003, thread 2: 300), as the reference
//
// Nothing to report (the variables of frames that never returned are not
// findings), and check says the trace is cut short, on stderr.
// RUN: %borrowscope check %t.trace 2> %t.check.err | count 0
// RUN: FileCheck %s --check-prefix=CUT --input-file %t.check.err
// CUT: borrowscope: warning: {{.*}}.trace: the trace has no end: the process was killed, or is still running ({{[0-9]+}} records recovered from its thread windows); the findings are those of the events it has

#include "Inputs/work.h"
#include <signal.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  work();
  printf("before the end\n");
  fflush(stdout);
  if (mode_is(argc, argv, "kill"))
    kill(getpid(), SIGKILL);
  exit(0);
}
