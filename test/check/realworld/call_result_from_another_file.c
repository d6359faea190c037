// Calls whose callee is in another file: whether the result points into the
// local whose address was passed is seen at run time, from the address.
//
// From Lua (github:lua/lua 53b41d0) and SQLite 3.49.2, where most of the
// "call result" false positives of docs/real-projects.md (idiom A) call a
// function of another file: `mainpositionTV(t, &key)` returns a node of the
// table, `sqlite3StrAccumFinish(&x)` the accumulated heap string,
// `luaS_newlstr(L, buff, tl)` a new string. Those must not be borrows of the
// local; a result that does point into it (skip_blanks) still is.
//
// RUN: %bsclang -O0 -w -c %S/Inputs/lookup_lib.c -o %t0.lib.o
// RUN: %bsclang -O0 -w %s %t0.lib.o -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.json %t0 > /dev/null
// RUN: %corpus-check %s %t0.json
// RUN: %bsclang -O2 -w -c %S/Inputs/lookup_lib.c -o %t2.lib.o
// RUN: %bsclang -O2 -w %s %t2.lib.o -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.json %t2 > /dev/null
// RUN: %corpus-check %s %t2.json
#include <stdio.h>
#include <string.h>

int *slot_for(const int *key);
const char *intern(const char *s);
const char *skip_blanks(const char *s);

const char *last_word; // what the program reports at the end

__attribute__((noinline)) int *lookup(int k) {
  int key = k * 3;
  return slot_for(&key); // correct: a slot of the table
}

__attribute__((noinline)) const char *name_of(int n) {
  char buf[16];
  snprintf(buf, sizeof buf, "%s", n == 1 ? "one" : "two");
  return intern(buf); // correct: the interned copy
}

__attribute__((noinline)) void remember(const char *line) {
  char copy[32];
  strncpy(copy, line, sizeof copy - 1);
  copy[sizeof copy - 1] = 0;
  last_word = skip_blanks(copy); // EXPECT: dangling_borrow
}

int main(void) {
  *lookup(5) = 1;
  const char *a = name_of(1);
  const char *b = name_of(2);
  remember("   tail");
  printf("%d %s %s %.1s\n", *lookup(5), a, b, last_word); // reads a dead frame

  return 0;
}
