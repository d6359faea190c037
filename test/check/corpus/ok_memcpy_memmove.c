// ok_memcpy_memmove.c
// What: memcpy between two distinct local buffers, memmove within one
//   buffer (overlap is allowed for memmove), and a restrict-qualified copy
//   helper called with distinct arrays.
// Written from: "copying between buffers: distinct for memcpy/restrict,
//   memmove for overlap" (the correct version of aliasing bugs).
// Shape: everyday C.
// Correct: restrict/memcpy never see overlapping objects. No EXPECT lines.
#include <stdio.h>
#include <string.h>

static void copy_scaled(int *restrict dst, const int *restrict src, int n, int k) {
  for (int i = 0; i < n; ++i)
    dst[i] = src[i] * k;
}

int main(void) {
  char src[16] = "abcdef", dst[16];
  memcpy(dst, src, sizeof src);
  memmove(dst + 2, dst, 4);
  int a[4] = {1, 2, 3, 4}, b[4];
  copy_scaled(b, a, 4, 3);
  printf("%s %d %d\n", dst, b[0], b[3]);
  return 0;
}
