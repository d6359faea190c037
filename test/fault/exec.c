// exec*: the trace is written and ended (exec) before the process image is
// replaced; the new image keeps the pid, and with it the trace's name, so it
// writes <trace>.exec1 and leaves the old trace whole. A failed exec goes on
// recording. A vfork child (which shares the parent's memory) that execs or
// _exits leaves the parent's trace alone. A forked child that aborts ends
// its own trace (<trace>.<pid>).
//
// RUN: %bsclang -O1 -pthread %s -o %t && %clang -O1 -pthread %s -o %t.plain
// RUN: rm -f %t.*trace*
// RUN: env BORROWSCOPE_OUTPUT=%t.ref.trace %t exit
//
// RUN: %fault-run %t.plain %t %t.self.trace --reference %t.ref.trace -- self | FileCheck %s --check-prefix=SELF
// SELF: ended: exit 0, as plain
// SELF-NEXT: output: as plain
// SELF-NEXT: trace: the process replaced itself (exec)
// SELF-NEXT: events: 9306 (thread 1: 9006, thread 2: 300), as the reference
// The new image (the same program, in the reference's mode):
// RUN: %borrowscope report --color=never %t.self.trace.exec1 | FileCheck %s --check-prefix=IMAGE
// IMAGE: trace {{.*}}.self.trace.exec1: 9306 events on 2 threads
// IMAGE-NOT: warning
// RUN: %trace-summary --threads %t.self.trace.exec1 > %t.image.counts
// RUN: %trace-summary --threads %t.ref.trace > %t.ref.counts
// RUN: diff %t.ref.counts %t.image.counts
//
// RUN: %fault-run %t.plain %t %t.vp.trace --reference %t.ref.trace -- execvp | FileCheck %s --check-prefix=VP
// VP: ended: exit 0, as plain
// VP: trace: the process replaced itself (exec)
// VP-NEXT: events: 9306 (thread 1: 9006, thread 2: 300), as the reference
//
// RUN: %fault-run %t.plain %t %t.fail.trace --reference %t.ref.trace -- fail | FileCheck %s --check-prefix=FAIL
// FAIL: ended: exit 0, as plain
// FAIL-NEXT: output: as plain
// FAIL-NEXT: trace: ended by exit 0
// FAIL-NEXT: events: 9306 (thread 1: 9006, thread 2: 300), as the reference
//
// RUN: %fault-run %t.plain %t %t.vfork.trace --reference %t.ref.trace -- vfork | FileCheck %s --check-prefix=VFORK
// RUN: %fault-run %t.plain %t %t.vfork_exit.trace --reference %t.ref.trace -- vfork_exit | FileCheck %s --check-prefix=VFORK
// VFORK: ended: exit 0, as plain
// VFORK-NEXT: output: as plain
// VFORK-NEXT: trace: ended by exit 0
// VFORK-NEXT: events: 9306 (thread 1: 9006, thread 2: 300), as the reference
//
// RUN: %fault-run %t.plain %t %t.fork.trace --reference %t.ref.trace -- fork_abort | FileCheck %s --check-prefix=FORK
// FORK: ended: exit 0, as plain
// FORK-NEXT: output: as plain
// FORK-NEXT: trace: ended by exit 0
// FORK-NEXT: events: 9306 (thread 1: 9006, thread 2: 300), as the reference
// RUN: %borrowscope report --color=never %t.fork.trace.* | FileCheck %s --check-prefix=CHILD
// CHILD: trace {{.*}}: 3 events on 1 thread
// CHILD-NEXT: the process was killed by signal 6 (SIGABRT)

#include "Inputs/work.h"
#include <stdlib.h>
#include <sys/wait.h>

static char *const true_argv[] = {"true", 0}; // not a local: no events

__attribute__((noinline)) static void last_words(void) {
  int late = 7;
  touch(&late);
}

int main(int argc, char **argv) {
  work();
  last_words();
  printf("before the end\n");
  fflush(stdout);
  if (mode_is(argc, argv, "self"))
    execl(argv[0], argv[0], "exit", (char *)0);
  if (mode_is(argc, argv, "execvp"))
    execvp("true", true_argv);
  if (mode_is(argc, argv, "fail") &&
      execl("/nonexistent/program", "program", (char *)0) != 0)
    perror("exec");
  if (mode_is(argc, argv, "vfork")) {
    pid_t child = vfork();
    if (child == 0) {
      execl("/bin/true", "true", (char *)0);
      _exit(127);
    }
    waitpid(child, 0, 0);
  }
  if (mode_is(argc, argv, "vfork_exit")) {
    pid_t child = vfork();
    if (child == 0)
      _exit(3);
    waitpid(child, 0, 0);
  }
  if (mode_is(argc, argv, "fork_abort")) {
    pid_t child = fork();
    if (child == 0) {
      last_words();
      abort();
    }
    waitpid(child, 0, 0);
  }
  exit(0);
}
