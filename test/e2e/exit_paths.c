// No event is lost on the ways a process ends: exit() from deep inside,
// atexit handlers, and threads still running when main returns.
//
// RUN: env BORROWSCOPE_VARIABLES=all %bsclang -O2 -pthread %s -o %t
// RUN: not env BORROWSCOPE_OUTPUT=%t.trace %t
// RUN: %borrowscope export %t.trace -f json -o - | FileCheck %s
// RUN: %trace-summary --threads %t.trace | FileCheck %s --check-prefix=COUNTS

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static volatile int spin = 1;

__attribute__((noinline)) static void touch(int *p) { *p += 1; }

static void *busy(void *arg) {
  (void)arg;
  for (int i = 0; i < 100; ++i) { // a few events, then keep running
    int tick = i;
    touch(&tick);
  }
  while (spin)
    usleep(1000);
  return 0;
}

static void at_exit_handler(void) {
  int late = 7; // runs after exit() was called: still recorded
  touch(&late);
}

__attribute__((noinline)) static void leave(int code) {
  int deep = code;
  touch(&deep);
  exit(deep); // main's and leave's variables are never dropped
}

int main(void) {
  atexit(at_exit_handler);
  pthread_t t;
  pthread_create(&t, 0, busy, 0);
  usleep(100 * 1000); // let the thread record its events
  int code = 2;
  leave(code);
}

// CHECK-DAG: "type":"New",{{.*}}"function":"leave","var_name":"deep"
// CHECK-DAG: "type":"New",{{.*}}"function":"at_exit_handler","var_name":"late"
// CHECK-DAG: "type":"Drop",{{.*}}"function":"at_exit_handler","var_name":"late"
// CHECK-DAG: "type":"New",{{.*}}"function":"busy","var_name":"tick"
// CHECK: ],"threads":[
// CHECK-NEXT: {"id":1,{{.*}}},
// CHECK-NEXT: {"id":2,{{.*}}}],"event_count":{{[0-9]+}},"lost_events":0,"complete":true,

// main: t, code; leave: code, deep; touch's p twice; late. Dropped: the two
// p and late. Borrowed: &t, &deep, &late, and reborrowed by the two p.
// COUNTS: thread 1: New=7 Borrow=5 Drop=3 Move=0 listed=15
// The thread: arg, i, 100 x (tick, p); still running: arg is not dropped.
// 100 borrows of tick, 100 reborrows by p (arg is NULL: no reborrow), and
// the Release of arg at its last use.
// COUNTS-NEXT: thread 2: New=202 Borrow=200 Drop=201 Move=0 listed=604
