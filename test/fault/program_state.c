// The runtime leaves the program's state as it found it, also across its
// slow paths (windows refilled and written, thread exits, heap frees that
// end borrows, a pipe as output): errno, the floating-point exception flags
// (FE_INEXACT included) and rounding mode, the signal mask, the descriptors
// open() hands out, stdout's buffering. Instrumented output equals plain.
//
// RUN: %bsclang -O1 -pthread %s -o %t -lm && %clang -O1 -pthread %s -o %t.plain -lm
// RUN: rm -f %t.*trace*
// Small windows: every 128 records the slow path runs.
// RUN: env BORROWSCOPE_BUFFER_EVENTS=128 %fault-run %t.plain %t %t.trace -- | FileCheck %s
// CHECK: ended: exit 0, as plain
// CHECK-NEXT: output: as plain
// CHECK-NEXT: trace: ended by exit 0
// RUN: %t.plain | FileCheck %s --check-prefix=STATE
// STATE: errno 33 flags 0 rounding upward
// STATE-NEXT: blocked SIGUSR1 1 SIGPIPE 1 SIGUSR2 0
// STATE-NEXT: first descriptor 3
// STATE-NEXT: errno 33 flags 0 rounding upward
// STATE-NEXT: blocked SIGUSR1 1 SIGPIPE 1 SIGUSR2 0
//
// The same into a pipe (writes that block SIGPIPE around themselves).
// RUN: rm -f %t.fifo && mkfifo %t.fifo
// RUN: sh -c 'cat %t.fifo > %t.piped.trace & env BORROWSCOPE_BUFFER_EVENTS=128 %fault-run %t.plain %t %t.fifo --no-trace -- > %t.out; s=$?; wait; exit $s'
// RUN: FileCheck %s --check-prefix=PIPE < %t.out
// PIPE: ended: exit 0, as plain
// PIPE-NEXT: output: as plain
// RUN: %trace-summary --threads %t.piped.trace | FileCheck %s --check-prefix=COUNTS
// RUN: %trace-summary --threads %t.trace | FileCheck %s --check-prefix=COUNTS
// COUNTS: thread 1: New=4006 Borrow=4015 Drop=4006 Move=0 listed=12028
// COUNTS-NEXT: thread 2: New=1000 Borrow=1000 Drop=1000 Move=0 listed=3000
// COUNTS-NEXT: total 15028 event_count=15028 lost=0

#include <errno.h>
#include <fcntl.h>
#include <fenv.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

__attribute__((noinline)) static void touch(int *p) { *p += 1; }

static void *worker(void *arg) {
  (void)arg;
  for (int i = 0; i < 1000; ++i) {
    int tick = i;
    touch(&tick);
  }
  return 0;
}

static int *volatile *held; // heap memory that holds a stack address

static void show(void) {
  // Read everything before printing changes any of it.
  int e = errno;
  int flags = fetestexcept(FE_ALL_EXCEPT);
  int round = fegetround();
  sigset_t mask;
  pthread_sigmask(SIG_BLOCK, 0, &mask);
  printf("errno %d flags %d rounding %s\n", e, flags,
         round == FE_UPWARD ? "upward" : "changed");
  printf("blocked SIGUSR1 %d SIGPIPE %d SIGUSR2 %d\n",
         sigismember(&mask, SIGUSR1), sigismember(&mask, SIGPIPE),
         sigismember(&mask, SIGUSR2));
}

int main(void) {
  setvbuf(stdout, 0, _IOFBF, 1 << 16);
  sigset_t block;
  sigemptyset(&block);
  sigaddset(&block, SIGUSR1);
  sigaddset(&block, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &block, 0);
  feclearexcept(FE_ALL_EXCEPT);
  fesetround(FE_UPWARD);
  errno = EDOM;
  show();

  int fd = open("/dev/null", O_RDONLY);
  printf("first descriptor %d\n", fd);
  close(fd);
  feclearexcept(FE_ALL_EXCEPT);
  errno = EDOM;

  pthread_t t;
  pthread_create(&t, 0, worker, 0);
  for (int i = 0; i < 4000; ++i) {
    int x = i;
    touch(&x);
  }
  pthread_join(t, 0);
  int local = 1;
  held = malloc(sizeof *held);
  *held = &local;
  free((void *)held); // ends the borrow: a Free record through the slow path
  for (int i = 0; i < 1; ++i) {
    int y = i;
    touch(&y);
  }
  show();
  return 0;
}
