// bug_conflict_c_dynarray_push.c
// What: a hand-written C dynamic array (data/len/cap, grown with realloc);
//   the caller keeps `int *slot = &arr.data[0]`, pushes (which reallocates)
//   and then reads through slot.
// Written from: "a pointer into a realloc'd buffer kept across the call that
//   grows it" (common in C vectors, string builders, stb-style arrays).
// Shape: CWE-416 on the old buffer after realloc; Rust E0502.
// Seeded bug: one borrow_conflict, at the push call.
#include <stdio.h>
#include <stdlib.h>

struct intvec {
  int *data;
  size_t len, cap;
};

static void vec_push(struct intvec *v, int x) {
  if (v->len == v->cap) {
    size_t cap = v->cap ? v->cap * 4 : 2;
    int *data = realloc(v->data, cap * sizeof *data);
    if (!data)
      exit(0);
    v->data = data;
    v->cap = cap;
  }
  v->data[v->len++] = x;
}

static volatile int sink;

int main(void) {
  struct intvec arr = {NULL, 0, 0};
  vec_push(&arr, 11);
  vec_push(&arr, 22);
  int *slot = &arr.data[0];
  vec_push(&arr, 33); // EXPECT: borrow_conflict
  sink = *slot; // USE: borrow_conflict
  printf("len %zu\n", arr.len);
  free(arr.data);
  return 0;
}
