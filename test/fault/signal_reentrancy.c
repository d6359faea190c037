// A signal handler that runs instrumented code while its thread is in the
// middle of recording: a timer fires every 20 us during a loop of events, so
// that handlers land between a group's reservation and its commit. The
// handler's events go to a stream of their own ("... (signal handlers)"),
// the interrupted group is untouched: every event of both is in the trace,
// exactly. A handler interrupted by another signal (SIGUSR1 raised inside
// the SIGALRM handler, with SA_NODEFER-free masks letting it in) records
// into the sink: its events are lost, and only those, and the trace counts
// them as lost (200 x 3 records).
//
// RUN: %bsclang -O1 %s -o %t && %clang -O1 %s -o %t.plain
// RUN: rm -f %t.*trace*
// RUN: %t.plain > %t.plain.out
// RUN: env BORROWSCOPE_OUTPUT=%t.trace %t > %t.out
// RUN: %trace-summary --threads %t.trace >> %t.out
// RUN: FileCheck %s < %t.out
// CHECK: loop: 3000000 events, 200 nested
// CHECK-NEXT: handled: [[H:[1-9][0-9]*]]
// The loop's events and the ones around it (before, after, act, every,
// stop and the calls they are passed to): exact.
// CHECK-NEXT: thread 1: New=1000005 Borrow=1000008 Drop=1000005 Move=0 listed=3000019
// Every handler's three events, on the handler stream; the nested ones'
// 200 x 3 are lost.
// CHECK-NEXT: thread 2: New=[[H]] Borrow=[[H]] Drop=[[H]] Move=0
// CHECK-NEXT: total
// RUN: %borrowscope export %t.trace -f json -o %t.json
// RUN: %python -c "import json,sys; t=json.load(open(sys.argv[1]))['threads']; print(t[1]['name'])" %t.json | FileCheck %s --check-prefix=NAME
// The kernel's name of the thread (15 characters), and what the stream is.
// NAME: signal_reentran (signal handlers)
// RUN: %borrowscope check %t.trace | count 0
// RUN: %borrowscope report %t.trace | FileCheck %s --check-prefix=LOST
// LOST: trace {{.*}}: {{[0-9]+}} events on 2 threads over {{.*}}, 600 lost
//
// Plain and instrumented print the same.
// RUN: head -1 %t.plain.out > %t.plain.first
// RUN: head -1 %t.out | diff %t.plain.first -

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

__attribute__((noinline)) static void touch(int *p) { *p += 1; }

static volatile sig_atomic_t handled, nested;

static void on_usr1(int sig) {
  (void)sig;
  int lost = 1; // recorded into the sink: a handler inside a handler
  touch(&lost);
  nested = nested + 1;
}

static void on_alarm(int sig) {
  (void)sig;
  int seen = handled;
  touch(&seen);
  handled = handled + 1;
  if (nested < 200)
    raise(SIGUSR1); // SIGUSR1 is not blocked here: it runs at once
}

int main(void) {
  int before = 0;
  touch(&before);
  struct sigaction act;
  memset(&act, 0, sizeof act);
  act.sa_handler = on_alarm;
  sigaction(SIGALRM, &act, 0);
  act.sa_handler = on_usr1;
  sigaction(SIGUSR1, &act, 0);
  struct itimerval every = {{0, 20}, {0, 20}};
  setitimer(ITIMER_REAL, &every, 0);
  long events = 0;
  for (int i = 0; i < 1000000 || nested < 200; ++i) {
    if (i >= 1000000) {
      pause(); // more signals, no more loop events
      continue;
    }
    int x = i;
    touch(&x);
    events += 3;
  }
  struct itimerval stop = {{0, 0}, {0, 0}};
  setitimer(ITIMER_REAL, &stop, 0);
  signal(SIGALRM, SIG_IGN);
  int after = 0;
  touch(&after);
  printf("loop: %ld events, %d nested\n", events, (int)nested);
  printf("handled: %d\n", (int)handled);
  return 0;
}
