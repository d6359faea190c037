// ok_pointer_to_pointer_out.c
// What: an allocating constructor returns its object through `T **out`;
//   a tokenizer advances a `const char **cursor` that points into the
//   caller's local buffer, used while the buffer lives.
// Written from: "out-params via pointer-to-pointer".
// Shape: everyday C (int create(opts, T **out); strsep-like cursors).
// Correct: *out receives heap memory (freed by the caller); the cursor
//   points into a buffer that outlives it. No EXPECT lines.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct table {
  int rows;
  int *cells;
};

static int table_create(int rows, struct table **out) {
  struct table *t = malloc(sizeof *t);
  if (!t)
    return -1;
  t->rows = rows;
  t->cells = calloc((size_t)rows, sizeof *t->cells);
  *out = t;
  return 0;
}

static int next_token(const char **cursor, char *tok, size_t cap) {
  const char *p = *cursor;
  while (*p == ' ')
    ++p;
  size_t n = strcspn(p, " ");
  if (n == 0 || n >= cap)
    return 0;
  memcpy(tok, p, n);
  tok[n] = '\0';
  *cursor = p + n;
  return 1;
}

int main(void) {
  struct table *t = NULL;
  if (table_create(3, &t) == 0) {
    t->cells[2] = 7;
    printf("rows %d cell %d\n", t->rows, t->cells[2]);
    free(t->cells);
    free(t);
  }
  char line[] = "  set  width 80";
  const char *cur = line;
  char tok[16];
  int n = 0;
  while (next_token(&cur, tok, sizeof tok))
    ++n;
  printf("%d tokens, last %s\n", n, tok);
  return 0;
}
