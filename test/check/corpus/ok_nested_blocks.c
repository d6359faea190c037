// ok_nested_blocks.c
// What: pointers to variables of nested blocks (if, for, plain braces) are
//   taken and used only inside those blocks; the outer pointer is reset to
//   an outer variable before the inner one dies.
// Written from: "a pointer to a block-local that is used only inside the
//   block" (looks like the dangling-scope bug, but is not).
// Shape: everyday C.
// Correct: no pointer is used after its target's block ended.
#include <stdio.h>

int main(void) {
  int outer = 1;
  int *p = &outer;
  int total = 0;
  {
    int inner = 10;
    p = &inner;
    total += *p;
    p = &outer;
  }
  for (int i = 0; i < 3; ++i) {
    int sq = i * i;
    int *q = &sq;
    total += *q;
  }
  if (total > 5) {
    char tag[8] = "big";
    const char *t = tag;
    printf("%s ", t);
  }
  total += *p;
  printf("%d\n", total);
  return 0;
}
