// ok_backpointer_heap_freed.c
// What: a parser on the stack allocates a heap lexer state that keeps a
//   back-pointer to the parser (for error reporting); the state is freed
//   before the parser's function returns.
// Written from: "a back-pointer stored into a heap state that is freed
//   (free) before the owner dies".
// Shape: real-project code (C libraries with owner back-pointers).
// Correct: the heap object holding &parser is freed while parser lives.
#include <stdio.h>
#include <stdlib.h>

struct parser;

struct lexer {
  struct parser *owner;
  int pos;
};

struct parser {
  const char *src;
  int errors;
  struct lexer *lex;
};

static void lex_error(struct lexer *l) { l->owner->errors++; }

static int count_bad(const char *src) {
  struct parser p = {src, 0, NULL};
  p.lex = malloc(sizeof *p.lex);
  if (!p.lex)
    return -1;
  p.lex->owner = &p;
  for (p.lex->pos = 0; src[p.lex->pos]; p.lex->pos++)
    if (src[p.lex->pos] == '?')
      lex_error(p.lex);
  free(p.lex);
  p.lex = NULL;
  return p.errors;
}

int main(void) {
  printf("%d %d\n", count_bad("a?b??"), count_bad("clean"));
  return 0;
}
