// Every event of every thread is in the trace, with its thread, and ids are
// unique across threads. Small buffers force many refills while threads run.
//
// RUN: env BORROWSCOPE_VARIABLES=all %bsclang -O2 -pthread %s -o %t
// RUN: env BORROWSCOPE_OUTPUT=%t.json BORROWSCOPE_BUFFER_EVENTS=128 %t
// RUN: %trace-summary --threads %t.json | FileCheck %s
// RUN: %trace-summary --check %t.json | FileCheck %s --check-prefix=VALID
// RUN: env BORROWSCOPE_VARIABLES=all %bsclang -O0 -pthread %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.json %t0
// RUN: %trace-summary --threads %t0.json | FileCheck %s

#include <pthread.h>

enum { kThreads = 4, kIterations = 2000 };

__attribute__((noinline)) static void touch(int *p) { *p += 1; }

static void *worker(void *arg) {
  long sum = 0;
  for (int i = 0; i < kIterations; ++i) {
    int item = i;  // New + Drop per iteration
    touch(&item);  // Borrow by a call, and touch's parameter (New + Drop)
    sum += item;
  }
  return (void *)sum;
}

int main(void) {
  pthread_t threads[kThreads];
  for (int t = 0; t < kThreads; ++t)
    pthread_create(&threads[t], 0, worker, 0);
  for (int t = 0; t < kThreads; ++t)
    pthread_join(threads[t], 0);
  return 0;
}

// main: threads and the two loops' t; &threads[t] borrowed by pthread_create.
// CHECK: thread 1: New=3 Borrow=4 Drop=3 Move=0 listed=10
// Per worker: the parameter arg, sum, i, 2000 x (item, p) created and dropped;
// 2000 borrows of item by touch, 2000 reborrows of it by touch's p (arg is
// NULL: a reborrow of no stack address records nothing).
// CHECK-NEXT: thread 2: New=4003 Borrow=4000 Drop=4003 Move=0 listed=12006
// CHECK-NEXT: thread 3: New=4003 Borrow=4000 Drop=4003 Move=0 listed=12006
// CHECK-NEXT: thread 4: New=4003 Borrow=4000 Drop=4003 Move=0 listed=12006
// CHECK-NEXT: thread 5: New=4003 Borrow=4000 Drop=4003 Move=0 listed=12006
// CHECK-NEXT: total 48034 event_count=48034 lost=0
// VALID: ok: 48034 events, 0 never dropped
