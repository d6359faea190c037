// False positive (correct code), idiom A of docs/real-projects.md in the form
// left after the cross-file fix: a function of the same file, given a local
// struct's address, returns a pointer the struct holds (a field loaded from
// it: a heap string), not a part of the struct. From SQLite's
// sqlite3StrAccumFinish and allocSpace, Lua's ltable.c:229 (31 + 3
// locations in round 4). In C what is loaded through the argument is no
// borrow of it (pass/ReturnedArguments.cpp); stored at the call site it is a
// reborrow, resolved at run time: the second half is the real bug of the
// same shape, a held pointer to a local that dies, and stays found.
//
// RUN: %bsclang -O0 -w %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.json %t0 > /dev/null
// RUN: %corpus-check %s %t0.json
// RUN: %bsclang -O2 -w %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.json %t2 > /dev/null
// RUN: %corpus-check %s %t2.json
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct acc { char *text; size_t n, cap; };

__attribute__((noinline)) static void acc_append(struct acc *a, const char *s) {
  size_t k = strlen(s);
  if (a->n + k + 1 > a->cap) {
    a->cap = 2 * (a->n + k + 1);
    a->text = realloc(a->text, a->cap);
  }
  memcpy(a->text + a->n, s, k + 1);
  a->n += k;
}

__attribute__((noinline)) static char *acc_finish(struct acc *a) {
  return a->text; /* the heap string, handed to the caller */
}

__attribute__((noinline)) static char *describe(int v) {
  struct acc x = {0, 0, 0};
  char num[16];
  snprintf(num, sizeof num, "%d", v);
  acc_append(&x, "value ");
  acc_append(&x, num);
  return acc_finish(&x);
}

struct holder { int *held; };

__attribute__((noinline)) static int *held_by(struct holder *h) {
  return h->held;
}

static int *volatile kept;

__attribute__((noinline)) static void keep_stale(void) {
  struct holder h;
  {
    int inner = 7;
    h.held = &inner;
    int *p = held_by(&h);
    kept = p; // EXPECT: dangling_borrow
  }
}

int main(void) {
  keep_stale();
  char *s = describe(42);
  puts(s);
  free(s);
  return 0;
}
