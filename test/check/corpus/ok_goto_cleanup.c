// ok_goto_cleanup.c
// What: a loader with the goto-cleanup idiom: heap buffers and a pointer to
//   a local header struct; every exit path goes through the cleanup label,
//   which frees the heap memory; the header pointer never leaves the function.
// Written from: "goto cleanup error handling" (Linux kernel style).
// Shape: real-project C.
// Correct: no pointer to a local escapes; frees happen once. No EXPECT.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct header {
  int version;
  int count;
};

static int load(const char *input, int *out_sum) {
  int rc = -1;
  struct header hdr = {0, 0};
  struct header *h = &hdr;
  int *values = NULL;
  char *copy = malloc(strlen(input) + 1);
  if (!copy)
    goto out;
  strcpy(copy, input);
  if (sscanf(copy, "%d %d", &h->version, &h->count) != 2 || h->count <= 0)
    goto out;
  values = calloc((size_t)h->count, sizeof *values);
  if (!values)
    goto out;
  for (int i = 0; i < h->count; ++i)
    values[i] = h->version * (i + 1);
  *out_sum = 0;
  for (int i = 0; i < h->count; ++i)
    *out_sum += values[i];
  rc = 0;
out:
  free(values);
  free(copy);
  return rc;
}

int main(void) {
  int sum = 0;
  int a = load("2 4", &sum);
  int b = load("bad", &sum);
  printf("%d %d %d\n", a, b, sum);
  return 0;
}
