// The other side of call_result_not_from_local_arg.c: calls whose result
// does point into the local they were given must still carry the borrow,
// or a real dangling pointer is missed. A function of the module that
// returns its argument advanced (read from its body), and C library
// functions that return a pointer into their first argument (from their
// prototypes), each returned after the buffer's scope ends.
//
// RUN: %bsclang -O0 -w %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.json %t0 > /dev/null
// RUN: %corpus-check %s %t0.json
// RUN: %bsclang -O2 -w %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.json %t2 > /dev/null
// RUN: %corpus-check %s %t2.json
#include <stdio.h>
#include <string.h>

static volatile char sink;

__attribute__((noinline)) static char *skip_blanks(char *s) {
  while (*s == ' ')
    ++s;
  return s;
}

__attribute__((noinline)) static const char *first_word(const char *text) {
  char copy[32];
  strncpy(copy, text, sizeof copy - 1);
  copy[sizeof copy - 1] = '\0';
  return skip_blanks(copy); // EXPECT: dangling_borrow
}

__attribute__((noinline)) static const char *value_of(const char *text) {
  char copy[32];
  strcpy(copy, text);
  return strchr(copy, '='); // EXPECT: dangling_borrow
}

int main(void) {
  const char *w = first_word("   word");
  sink = *w;
  const char *v = value_of("key=value");
  sink = *v;
  printf("done\n");
  return 0;
}
