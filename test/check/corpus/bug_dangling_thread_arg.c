// bug_dangling_thread_arg.c
// What: start_worker() creates a thread and hands it the address of its own
//   local settings, then returns; the worker reads the settings after a
//   "go" signal that main gives only once start_worker has returned.
// Written from: "pthread_create with a pointer to a local of a function that
//   returns before the thread is done with it".
// Shape: CWE-562-like (stack address handed to a thread that outlives the
//   frame); Rust E0373 / E0597 (thread::spawn requires 'static).
// Seeded bug: one dangling_borrow, at the pthread_create call.
#include <pthread.h>
#include <stdio.h>

struct settings {
  int retries;
  int delay;
};

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_go_cv = PTHREAD_COND_INITIALIZER;
static int g_go;
static volatile int sink;

static void *worker(void *arg) {
  pthread_mutex_lock(&g_lock);
  while (!g_go)
    pthread_cond_wait(&g_go_cv, &g_lock);
  pthread_mutex_unlock(&g_lock);
  const struct settings *s = arg;
  sink = s->retries; // USE: dangling_borrow
  return NULL;
}

static pthread_t start_worker(void) {
  struct settings s = {3, 10};
  pthread_t t;
  pthread_create(&t, NULL, worker, &s); // EXPECT: dangling_borrow
  return t;
}

int main(void) {
  pthread_t t = start_worker();
  pthread_mutex_lock(&g_lock);
  g_go = 1;
  pthread_cond_signal(&g_go_cv);
  pthread_mutex_unlock(&g_lock);
  pthread_join(t, NULL);
  printf("worker done\n");
  return 0;
}
