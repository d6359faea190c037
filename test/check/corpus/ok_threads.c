// Correct: each thread borrows its own locals; the main thread's data is
// shared read-only by the workers and outlives them.
//
// RUN: %bsclang -O0 -pthread -w %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.json %t0 > /dev/null
// RUN: %corpus-check %s %t0.json
// RUN: %bsclang -O2 -pthread -w %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.json %t2 > /dev/null
// RUN: %corpus-check %s %t2.json
#include <pthread.h>
#include <stdio.h>

static int table[4] = {1, 2, 3, 4};

static void *worker(void *arg) {
  const int *row = &table[*(const int *)arg];
  int local = *row;
  int *mine = &local;
  *mine += 1;
  return (void *)(long)local;
}

int main(void) {
  pthread_t t[2];
  int index[2] = {0, 3};
  for (int i = 0; i < 2; ++i)
    pthread_create(&t[i], NULL, worker, &index[i]);
  long sum = 0;
  for (int i = 0; i < 2; ++i) {
    void *r;
    pthread_join(t[i], &r);
    sum += (long)r;
  }
  printf("%ld\n", sum);
  return 0;
}
