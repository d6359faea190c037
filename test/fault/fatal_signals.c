// Fatal signals, without a handler of the program's: real faults (SIGSEGV,
// SIGBUS, SIGFPE, SIGILL, SIGTRAP) and signals sent (SIGTERM, SIGINT,
// SIGQUIT, SIGHUP, SIGPIPE from a write into a pipe nobody reads). The
// process dies of the signal as the plain one does; the trace has every
// event before it and says which signal.
//
// RUN: %bsclang -O1 -pthread %s -o %t && %clang -O1 -pthread %s -o %t.plain
// RUN: rm -f %t.*trace*
// RUN: env BORROWSCOPE_OUTPUT=%t.ref.trace %t exit
// RUN: %fault-run %t.plain %t %t.segv.trace --reference %t.ref.trace -- segv | FileCheck %s -DSIG=11 -DNAME=SIGSEGV
// RUN: %fault-run %t.plain %t %t.bus.trace --reference %t.ref.trace -- bus | FileCheck %s -DSIG=7 -DNAME=SIGBUS
// RUN: %fault-run %t.plain %t %t.fpe.trace --reference %t.ref.trace -- fpe | FileCheck %s -DSIG=8 -DNAME=SIGFPE
// RUN: %fault-run %t.plain %t %t.ill.trace --reference %t.ref.trace -- ill | FileCheck %s -DSIG=4 -DNAME=SIGILL
// RUN: %fault-run %t.plain %t %t.trap.trace --reference %t.ref.trace -- trap | FileCheck %s -DSIG=5 -DNAME=SIGTRAP
// RUN: %fault-run %t.plain %t %t.term.trace --reference %t.ref.trace -- term | FileCheck %s -DSIG=15 -DNAME=SIGTERM
// RUN: %fault-run %t.plain %t %t.int.trace --reference %t.ref.trace -- int | FileCheck %s -DSIG=2 -DNAME=SIGINT
// RUN: %fault-run %t.plain %t %t.quit.trace --reference %t.ref.trace -- quit | FileCheck %s -DSIG=3 -DNAME=SIGQUIT
// RUN: %fault-run %t.plain %t %t.hup.trace --reference %t.ref.trace -- hup | FileCheck %s -DSIG=1 -DNAME=SIGHUP
// RUN: %fault-run %t.plain %t %t.pipe.trace --reference %t.ref.trace -- pipe | FileCheck %s -DSIG=13 -DNAME=SIGPIPE
// CHECK: ended: signal [[SIG]] ([[NAME]]), as plain
// CHECK-NEXT: output: as plain
// CHECK-NEXT: trace: the process was killed by signal [[SIG]] ([[NAME]])
// CHECK-NEXT: events: 9303 (thread 1: 9003, thread 2: 300), as the reference

#include "Inputs/work.h"
#include <signal.h>
#include <stdlib.h>
#include <sys/mman.h>

static volatile int zero = 0, hundred = 100;
static int *volatile null_pointer;
// Globals, not locals, and no pointer stored into memory: the faulting
// code records no events of its own.
static int fds[2];

static void fault(int argc, char **argv) {
  if (mode_is(argc, argv, "segv"))
    *null_pointer = 1;
  if (mode_is(argc, argv, "bus")) {
    // A mapping of an empty file: touching it is SIGBUS.
    printf("%d\n", *(volatile char *)mmap(0, 4096, PROT_READ, MAP_SHARED,
                                          fileno(tmpfile()), 0));
  }
  if (mode_is(argc, argv, "fpe"))
    printf("%d\n", hundred / zero);
  if (mode_is(argc, argv, "ill"))
    __builtin_trap(); // ud2
  if (mode_is(argc, argv, "trap"))
    __builtin_debugtrap(); // int3
  if (mode_is(argc, argv, "term"))
    kill(getpid(), SIGTERM);
  // A shell starts background jobs with SIGINT and SIGQUIT ignored (lit's
  // may, too): the program asks for the default first (the runtime
  // watches the signal again from then on).
  if (mode_is(argc, argv, "int")) {
    signal(SIGINT, SIG_DFL);
    raise(SIGINT);
  }
  if (mode_is(argc, argv, "quit")) {
    signal(SIGQUIT, SIG_DFL);
    raise(SIGQUIT);
  }
  if (mode_is(argc, argv, "hup"))
    kill(getpid(), SIGHUP);
  if (mode_is(argc, argv, "pipe")) {
    if (pipe(fds) == 0 && close(fds[0]) == 0)
      write(fds[1], "x", 1);
  }
}

int main(int argc, char **argv) {
  work();
  printf("before the end\n");
  fflush(stdout);
  fault(argc, argv);
  exit(0);
}
