// ok_small_buffer.c
// What: a C byte buffer whose `data` pointer starts at its own inline
//   storage and moves to the heap when it grows; init/append/free are
//   called on a local buffer that is freed before it goes out of scope.
// Written from: "a struct whose pointer member points at its own inline
//   buffer (small-buffer optimisation)", C flavour.
// Shape: real-project code (e.g. stack-first string builders in C tools).
// Correct: the self-pointer never outlives the struct. No EXPECT lines.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sbuf {
  char *data;
  size_t len, cap;
  char inline_buf[16];
};

static void sbuf_init(struct sbuf *b) {
  b->data = b->inline_buf;
  b->len = 0;
  b->cap = sizeof b->inline_buf;
  b->data[0] = '\0';
}

static void sbuf_append(struct sbuf *b, const char *s) {
  size_t n = strlen(s);
  if (b->len + n + 1 > b->cap) {
    size_t cap = (b->len + n + 1) * 2;
    char *heap = malloc(cap);
    if (!heap)
      exit(0);
    memcpy(heap, b->data, b->len + 1);
    if (b->data != b->inline_buf)
      free(b->data);
    b->data = heap;
    b->cap = cap;
  }
  memcpy(b->data + b->len, s, n + 1);
  b->len += n;
}

static void sbuf_free(struct sbuf *b) {
  if (b->data != b->inline_buf)
    free(b->data);
  sbuf_init(b);
}

int main(void) {
  struct sbuf b;
  sbuf_init(&b);
  sbuf_append(&b, "tiny");
  int was_inline = b.data == b.inline_buf;
  sbuf_append(&b, " and then something much longer");
  printf("%d %d %zu\n", was_inline, b.data == b.inline_buf, b.len);
  sbuf_free(&b);
  return 0;
}
