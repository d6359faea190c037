// ok_vla_in_scope.c
// What: a variable-length array sized at run time holds a histogram; a
//   pointer to it is passed to helpers and read only inside the VLA's block;
//   the result is copied out as a plain int.
// Written from: "VLA used only within its scope" (contrast of the VLA
//   dangling bug).
// Shape: everyday C99/C11.
// Correct: nothing refers to the VLA after its block.
#include <stdio.h>

static void histogram(const int *data, int n, int *bins, int nbins) {
  for (int i = 0; i < nbins; ++i)
    bins[i] = 0;
  for (int i = 0; i < n; ++i)
    bins[data[i] % nbins]++;
}

static int argmax(const int *v, int n) {
  int m = 0;
  for (int i = 1; i < n; ++i)
    if (v[i] > v[m])
      m = i;
  return m;
}

int main(int argc, char **argv) {
  (void)argv;
  const int data[] = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5};
  int best;
  {
    int nbins = argc + 4;
    int bins[nbins];
    histogram(data, 11, bins, nbins);
    best = argmax(bins, nbins);
  }
  printf("most common residue %d\n", best);
  return 0;
}
