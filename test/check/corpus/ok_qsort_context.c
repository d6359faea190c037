// ok_qsort_context.c
// What: an array of indices is sorted by the values of a separate local
//   array that the comparator reaches through a file-static pointer set
//   just for the duration of the sort and cleared afterwards.
// Written from: "qsort with context through a static pointer, reset after
//   use" (pre-qsort_r idiom).
// Shape: everyday C.
// Correct: the static pointer is cleared while its target is alive.
#include <stdio.h>
#include <stdlib.h>

static const int *g_keys;

static int by_key(const void *a, const void *b) {
  int x = g_keys[*(const int *)a], y = g_keys[*(const int *)b];
  return (x > y) - (x < y);
}

static void argsort(const int *keys, int *idx, int n) {
  for (int i = 0; i < n; ++i)
    idx[i] = i;
  g_keys = keys;
  qsort(idx, (size_t)n, sizeof *idx, by_key);
  g_keys = NULL;
}

int main(void) {
  int keys[5] = {40, 10, 50, 20, 30};
  int idx[5];
  argsort(keys, idx, 5);
  for (int i = 0; i < 5; ++i)
    printf("%d ", idx[i]);
  printf("\n");
  return 0;
}
