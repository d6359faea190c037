/* For threads.test: three workers sum slices of an array owned by main.
   Each worker borrows its own accumulator mutably through a call; main
   borrows the array and its per-thread jobs. */
#include <pthread.h>
#include <stdio.h>

enum { kWorkers = 3, kItems = 4 };

struct job {
  const int *data;
  int count;
  long sum;
};

__attribute__((noinline)) static void add_to(long *sum, int value) {
  *sum += value;
}

static void *work(void *arg) {
  struct job *job = arg;
  long local = 0;
  for (int i = 0; i < job->count; ++i) {
    int value = job->data[i];
    add_to(&local, value);
  }
  job->sum = local;
  return 0;
}

int main(void) {
  int data[kWorkers * kItems];
  for (int i = 0; i < kWorkers * kItems; ++i)
    data[i] = i;
  pthread_t threads[kWorkers];
  struct job jobs[kWorkers];
  for (int t = 0; t < kWorkers; ++t) {
    jobs[t].data = &data[t * kItems];
    jobs[t].count = kItems;
    jobs[t].sum = 0;
    pthread_create(&threads[t], 0, work, &jobs[t]);
  }
  long total = 0;
  for (int t = 0; t < kWorkers; ++t) {
    pthread_join(threads[t], 0);
    total += jobs[t].sum;
  }
  printf("total %ld\n", total);
  return 0;
}
