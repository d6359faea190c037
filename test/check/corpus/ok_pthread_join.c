// ok_pthread_join.c
// What: pthreads receive pointers to per-thread argument structs that are
//   locals of main, and a mutex-protected shared counter; main joins every
//   thread before returning.
// Written from: "threads joined before their borrowed locals die", C.
// Shape: everyday POSIX C.
// Correct: the argument structs outlive the threads. No EXPECT lines.
#include <pthread.h>
#include <stdio.h>

struct shared {
  pthread_mutex_t lock;
  long total;
};

struct task {
  struct shared *sh;
  int from, to;
};

static void *run(void *arg) {
  struct task *t = arg;
  long s = 0;
  for (int i = t->from; i < t->to; ++i)
    s += i;
  pthread_mutex_lock(&t->sh->lock);
  t->sh->total += s;
  pthread_mutex_unlock(&t->sh->lock);
  return NULL;
}

int main(void) {
  struct shared sh = {PTHREAD_MUTEX_INITIALIZER, 0};
  struct task tasks[3];
  pthread_t th[3];
  for (int i = 0; i < 3; ++i) {
    tasks[i] = (struct task){&sh, i * 100, (i + 1) * 100};
    pthread_create(&th[i], NULL, run, &tasks[i]);
  }
  for (int i = 0; i < 3; ++i)
    pthread_join(th[i], NULL);
  printf("total %ld\n", sh.total);
  return 0;
}
