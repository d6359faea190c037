// False positive (correct code): a stack sentinel published to a global work
// queue to tell worker threads to quit.
//
// From pigz (github:madler/pigz fe4894f), pigz.c:1627-1661 finish_jobs():
// `struct job job; job.seq = -1; compress_head = &job; compress_tail =
// &(job.next);` wakes every compress thread; each thread sees seq == -1 and
// returns without dequeuing it (pigz.c:1730-1733), and join_all() waits for
// all of them before finish_jobs() returns. The globals still hold &job after
// the return, but nothing reads them until setup_jobs() resets them
// (pigz.c:1611-1612). The pointer value dangles; no access through it does.
// `borrowscope check` reports two dangling_borrow findings, at the two stores
// into the globals (pigz.c:1639:19, 1640:19), at -O0 and -O2.
//
// XFAIL: *
// RUN: %bsclang -O0 -pthread -w %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.json %t0 > /dev/null
// RUN: %corpus-check %s %t0.json
// RUN: %bsclang -O2 -pthread -w %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.json %t2 > /dev/null
// RUN: %corpus-check %s %t2.json
#include <pthread.h>
#include <stdio.h>

struct job { long seq; struct job *next; };

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t have = PTHREAD_COND_INITIALIZER;
static struct job *head, **tail = &head;
static long done;

static void *worker(void *arg) {
  (void)arg;
  for (;;) {
    pthread_mutex_lock(&lock);
    while (head == NULL)
      pthread_cond_wait(&have, &lock);
    struct job *j = head;
    if (j->seq == -1) { // the sentinel: leave it for the other workers
      pthread_mutex_unlock(&lock);
      return NULL;
    }
    head = j->next;
    if (head == NULL)
      tail = &head;
    done += j->seq;
    pthread_mutex_unlock(&lock);
  }
}

static void finish(pthread_t *t, int n) {
  struct job job;
  pthread_mutex_lock(&lock);
  job.seq = -1;
  job.next = NULL;
  head = &job;        // pigz.c:1639
  tail = &(job.next); // pigz.c:1640
  pthread_cond_broadcast(&have);
  pthread_mutex_unlock(&lock);
  for (int i = 0; i < n; i++)
    pthread_join(t[i], NULL); // no thread can read `job` after this
}

int main(void) {
  static struct job jobs[4] = {{1, 0}, {2, 0}, {3, 0}, {4, 0}};
  pthread_t t[2];
  for (int i = 0; i < 2; i++)
    pthread_create(&t[i], NULL, worker, NULL);
  pthread_mutex_lock(&lock);
  for (int i = 0; i < 4; i++) {
    *tail = &jobs[i];
    tail = &jobs[i].next;
  }
  pthread_cond_broadcast(&have);
  pthread_mutex_unlock(&lock);
  for (;;) { // wait until the queue is drained, then send the sentinel
    pthread_mutex_lock(&lock);
    int empty = head == NULL;
    pthread_mutex_unlock(&lock);
    if (empty) break;
  }
  finish(t, 2);
  head = NULL; // reset before any further use, as pigz's setup_jobs() does
  tail = &head;
  printf("%ld\n", done);
  return 0;
}
