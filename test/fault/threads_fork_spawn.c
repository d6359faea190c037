// Many threads, fork while other threads record, posix_spawn: every event is
// kept. 256 threads start and end at once, each recording 100 x 3 events;
// a thread forks while the others record (the child, with the forking
// thread only, writes its own trace); a posix_spawn'ed copy of the program
// writes its own trace under its own pid.
//
// RUN: %bsclang -O1 -pthread %s -o %t && %clang -O1 -pthread %s -o %t.plain
// RUN: rm -rf %t.d && mkdir %t.d
// RUN: %fault-run %t.plain %t %t.d/main.trace -- threads | FileCheck %s --check-prefix=THREADS
// THREADS: ended: exit 0, as plain
// THREADS-NEXT: output: as plain
// THREADS-NEXT: trace: ended by exit 0
// 256 threads x 300, and main's t[] (New, Drop, borrows by pthread_create
// and pthread_join).
// RUN: %trace-summary --threads %t.d/main.trace | FileCheck %s --check-prefix=COUNTS
// COUNTS-COUNT-256: thread {{[0-9]+}}: New=100 Borrow=100 Drop=100 Move=0 listed=300
// COUNTS: total [[#]] event_count=[[#]] lost=0
//
// RUN: %fault-run %t.plain %t %t.d/fork.trace -- fork | FileCheck %s --check-prefix=FORK
// FORK: ended: exit 0, as plain
// FORK-NEXT: output: as plain
// FORK-NEXT: trace: ended by exit 0
// RUN: %trace-summary --threads %t.d/fork.trace.* | FileCheck %s --check-prefix=CHILD
// The child: only the forking thread, its events after the fork (and the
// Release of `mode` at its last use).
// CHILD: thread 1: New=50 Borrow=50 Drop=50 Move=0 listed=151
// CHILD-NEXT: total 151 event_count=151 lost=0
//
// RUN: env BORROWSCOPE_OUTPUT=%t.d/spawn-%%p.trace %t spawn > %t.out
// RUN: FileCheck %s --check-prefix=SPAWN < %t.out
// SPAWN: spawned: exit 0
// RUN: ls %t.d | grep -c '^spawn-[0-9]*\.trace$' | FileCheck %s --check-prefix=TWO
// TWO: 2

#include <pthread.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

__attribute__((noinline)) static void touch(int *p) { *p += 1; }

static void record(int n) {
  for (int i = 0; i < n; ++i) {
    int x = i;
    touch(&x);
  }
}

static void *worker(void *arg) {
  (void)arg;
  for (int i = 0; i < 100; ++i) {
    int tick = i;
    touch(&tick);
  }
  return 0;
}

static volatile int stop = 0;
static void *busy(void *arg) {
  (void)arg;
  while (!stop) {
    record(10);
    usleep(100);
  }
  return 0;
}

static pthread_t threads[256];

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "";
  if (!strcmp(mode, "threads")) {
    for (int i = 0; i < 256; ++i)
      pthread_create(&threads[i], 0, worker, 0);
    for (int i = 0; i < 256; ++i)
      pthread_join(threads[i], 0);
  }
  if (!strcmp(mode, "fork")) {
    pthread_create(&threads[0], 0, busy, 0);
    pthread_create(&threads[1], 0, busy, 0);
    usleep(10000);
    pid_t child = fork();
    if (child == 0) {
      record(50);
      _exit(0);
    }
    waitpid(child, 0, 0);
    stop = 1;
    pthread_join(threads[0], 0);
    pthread_join(threads[1], 0);
  }
  if (!strcmp(mode, "spawn")) {
    pid_t child;
    char *child_argv[] = {argv[0], "threads", 0};
    int status = -1;
    if (posix_spawn(&child, argv[0], 0, 0, child_argv, environ) == 0)
      waitpid(child, &status, 0);
    printf("spawned: exit %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  }
  printf("done\n");
  return 0;
}
