// Fatal signals the program handles itself. The runtime's handler calls the
// program's (which sees its own disposition when it asks), and what the
// handler does decides, as in the plain program: re-raise with the default
// action, _exit, return from SA_RESETHAND (the fault repeats, fatal now),
// siglongjmp out and go on, return from abort()'s SIGABRT.
//
// RUN: %bsclang -O1 -pthread %s -o %t && %clang -O1 -pthread %s -o %t.plain
// RUN: rm -f %t.*trace*
// RUN: env BORROWSCOPE_OUTPUT=%t.ref.trace %t exit > /dev/null
// RUN: %fault-run %t.plain %t %t.1.trace --reference %t.ref.trace -- reraise | FileCheck %s --check-prefix=RERAISE
// RERAISE: ended: signal 11 (SIGSEGV), as plain
// RERAISE-NEXT: output: as plain
// RERAISE-NEXT: trace: the process was killed by signal 11 (SIGSEGV)
// RERAISE-NEXT: events: 9306 (thread 1: 9003, thread 2: 300, thread 3: 3), as the reference
// RUN: %fault-run %t.plain %t %t.2.trace --reference %t.ref.trace -- exit_in_handler | FileCheck %s --check-prefix=EXIT
// EXIT: ended: exit 42, as plain
// EXIT-NEXT: output: as plain
// EXIT-NEXT: trace: the process ended by _exit, _Exit or quick_exit with 42
// EXIT-NEXT: events: 9306 (thread 1: 9003, thread 2: 300, thread 3: 3), as the reference
// RUN: %fault-run %t.plain %t %t.3.trace --reference %t.ref.trace -- resethand | FileCheck %s --check-prefix=RESET
// RESET: ended: signal 11 (SIGSEGV), as plain
// RESET-NEXT: output: as plain
// RESET-NEXT: trace: the process was killed by signal 11 (SIGSEGV)
// RESET-NEXT: events: 9306 (thread 1: 9003, thread 2: 300, thread 3: 3), as the reference
// RUN: %fault-run %t.plain %t %t.4.trace --reference %t.ref.trace -- longjmp | FileCheck %s --check-prefix=JUMP
// JUMP: ended: exit 0, as plain
// JUMP-NEXT: output: as plain
// JUMP-NEXT: trace: ended by exit 0
// JUMP-NEXT: events: 9306 (thread 1: 9003, thread 2: 300, thread 3: 3), as the reference
// RUN: %fault-run %t.plain %t %t.5.trace --reference %t.ref.trace -- abort_returns | FileCheck %s --check-prefix=ABORT
// ABORT: ended: signal 6 (SIGABRT), as plain
// ABORT-NEXT: output: as plain
// ABORT-NEXT: trace: the process was killed by signal 6 (SIGABRT)
// ABORT-NEXT: events: 9306 (thread 1: 9003, thread 2: 300, thread 3: 3), as the reference
//
// What the program sees of its dispositions is what it set.
// RUN: %t.plain query > %t.plain.out
// RUN: env BORROWSCOPE_OUTPUT=%t.q.trace %t query > %t.out
// RUN: diff %t.plain.out %t.out
// RUN: FileCheck %s --check-prefix=QUERY < %t.out
// QUERY: SIGSEGV before: default
// QUERY-NEXT: SIGSEGV after: on_segv siginfo
// QUERY-NEXT: signal() gave back: on_segv
// QUERY-NEXT: SIGTERM ignored: ignored
// QUERY-NEXT: signal() gave back: ignored

#include "Inputs/work.h"
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>

static int *volatile null_pointer;
static sigjmp_buf back;
static struct sigaction act; // not a local: the same events in every mode

// Events in a signal handler (and in the reference run, before it ends).
__attribute__((noinline)) static void last_words(void) {
  int late = 7;
  touch(&late);
}

static void say(const char *text) { write(1, text, strlen(text)); }

static void reraise(int sig) {
  say("handled, raising again\n");
  last_words();
  signal(sig, SIG_DFL);
  raise(sig);
}

static void exit_in_handler(int sig) {
  (void)sig;
  say("handled, _exit\n");
  last_words();
  _exit(42);
}

static void returns(int sig) {
  (void)sig;
  say("handled, returning\n");
  last_words();
}

static void on_segv(int sig, siginfo_t *info, void *context) {
  (void)sig;
  (void)context;
  say(info->si_addr == 0 ? "fault at null\n" : "fault elsewhere\n");
  last_words();
  siglongjmp(back, 1);
}

static const char *name(void (*h)(int)) {
  return h == SIG_DFL ? "default"
         : h == SIG_IGN ? "ignored"
         : h == (void (*)(int))on_segv ? "on_segv"
                                       : "other";
}

static void query(void) {
  struct sigaction old, act;
  sigaction(SIGSEGV, 0, &old);
  printf("SIGSEGV before: %s\n", name(old.sa_handler));
  memset(&act, 0, sizeof act);
  act.sa_sigaction = on_segv;
  act.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &act, 0);
  sigaction(SIGSEGV, 0, &old);
  printf("SIGSEGV after: %s%s\n", name(old.sa_handler),
         old.sa_flags & SA_SIGINFO ? " siginfo" : "");
  printf("signal() gave back: %s\n", name(signal(SIGSEGV, SIG_DFL)));
  signal(SIGTERM, SIG_IGN);
  sigaction(SIGTERM, 0, &old);
  printf("SIGTERM ignored: %s\n", name(old.sa_handler));
  printf("signal() gave back: %s\n", name(signal(SIGTERM, SIG_DFL)));
}

int main(int argc, char **argv) {
  work();
  printf("before the end\n");
  fflush(stdout);
  if (mode_is(argc, argv, "reraise")) {
    signal(SIGSEGV, reraise);
    *null_pointer = 1;
  }
  if (mode_is(argc, argv, "exit_in_handler")) {
    act.sa_handler = exit_in_handler;
    sigaction(SIGSEGV, &act, 0);
    *null_pointer = 1;
  }
  if (mode_is(argc, argv, "resethand")) {
    act.sa_handler = returns;
    act.sa_flags = SA_RESETHAND;
    sigaction(SIGSEGV, &act, 0);
    *null_pointer = 1;
  }
  if (mode_is(argc, argv, "longjmp")) {
    act.sa_sigaction = on_segv;
    act.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &act, 0);
    if (sigsetjmp(back, 1) == 0)
      *null_pointer = 1;
    say("went on\n");
    exit(0);
  }
  if (mode_is(argc, argv, "abort_returns")) {
    signal(SIGABRT, returns);
    abort();
  }
  if (mode_is(argc, argv, "query")) {
    query();
    exit(0);
  }
  last_words();
  exit(0);
}
