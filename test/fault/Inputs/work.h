// The work every case of the fault matrix does before it ends: events on the
// main thread (more than a first window holds, so windows are refilled) and
// on a second thread that is still running when the process ends.
#ifndef FAULT_WORK_H
#define FAULT_WORK_H

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

__attribute__((noinline)) static void touch(int *p) { *p += 1; }

static volatile int worker_done = 0;

static void *worker(void *arg) {
  (void)arg;
  for (int i = 0; i < 100; ++i) {
    int tick = i;
    touch(&tick);
  }
  __atomic_store_n(&worker_done, 1, __ATOMIC_RELEASE);
  for (;;)
    pause(); // still running when the process ends
  return 0;
}

// 3 events per iteration on the main thread, 3 per iteration on the worker.
static void work(void) {
  pthread_t t;
  pthread_create(&t, 0, worker, 0);
  for (int i = 0; i < 3000; ++i) {
    int x = i;
    touch(&x);
  }
  while (!__atomic_load_n(&worker_done, __ATOMIC_ACQUIRE))
    usleep(1000);
}

// The mode a case runs in: argv[1], "exit" (the reference run) if none.
static int mode_is(int argc, char **argv, const char *mode) {
  return strcmp(argc > 1 ? argv[1] : "exit", mode) == 0;
}

#endif
