// ok_setjmp_errors.c
// What: a recursive-descent evaluator reports errors with longjmp to a
//   jmp_buf owned by the caller; locals that must survive the jump are
//   volatile, and the jmp_buf is only jumped to while its frame is active.
// Written from: "setjmp/longjmp error handling".
// Shape: real-project C (libpng, Lua, expression parsers).
// Correct: longjmp targets only live frames; no pointer to a dead frame is
//   used. No EXPECT lines.
#include <setjmp.h>
#include <stdio.h>

struct ctx {
  const char *p;
  jmp_buf on_error;
};

static int expr(struct ctx *c);

static int atom(struct ctx *c) {
  if (*c->p >= '0' && *c->p <= '9')
    return *c->p++ - '0';
  if (*c->p == '(') {
    c->p++;
    int v = expr(c);
    if (*c->p++ != ')')
      longjmp(c->on_error, 2);
    return v;
  }
  longjmp(c->on_error, 1);
}

static int expr(struct ctx *c) {
  int v = atom(c);
  while (*c->p == '+') {
    c->p++;
    v += atom(c);
  }
  return v;
}

static int evaluate(const char *src, int *out) {
  struct ctx c;
  c.p = src;
  volatile int err = setjmp(c.on_error);
  if (err)
    return err;
  *out = expr(&c);
  return 0;
}

int main(void) {
  int a = 0, b = 0;
  int e1 = evaluate("1+(2+3)+4", &a);
  int e2 = evaluate("1+(2+x)", &b);
  printf("%d %d %d %d\n", e1, a, e2, b);
  return 0;
}
