// False positive (correct code), idiom J of docs/real-projects.md (Lua's
// ldo.c:167, a coroutine closing itself): a heap state points at the
// innermost handler record, a local of the frame that called setjmp; to
// jump to the outermost one the code first walks the chain (state->top =
// state->top->previous), then longjmps. The state then points at the live
// target, nothing dangles. Reported while the pass left functions with no
// variable of their own to trace as they were: the walk's stores that
// re-point the state were not recorded, so the checker still saw the state
// holding a record the jump abandoned. A function that stores pointers into
// memory is now instrumented for those stores alone.
//
// RUN: %bsclang -O0 -w %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.json %t0 > /dev/null
// RUN: %corpus-check %s %t0.json
// RUN: %bsclang -O2 -w %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.json %t2 > /dev/null
// RUN: %corpus-check %s %t2.json
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

struct handler { jmp_buf b; struct handler *previous; int status; };
struct state { struct handler *top; };

typedef void (*pfunc)(struct state *, void *);

static int protected_call(struct state *s, pfunc f, void *ud) {
  struct handler h;
  h.status = 0;
  h.previous = s->top;
  s->top = &h;
  if (setjmp(h.b) == 0)
    f(s, ud);
  s->top = h.previous; /* restore the outer handler */
  return h.status;
}

static void throw_to_base(struct state *s, int code) {
  while (s->top->previous != NULL) /* unroll to the first level */
    s->top = s->top->previous;
  s->top->status = code;
  longjmp(s->top->b, 1);
}

static void nothing(struct state *s, void *ud) { (void)s; (void)ud; }

static void inner(struct state *s, void *ud) {
  (void)ud;
  protected_call(s, nothing, NULL); /* returns: s->top restored to this level's record */
  throw_to_base(s, 7);
}

static void middle(struct state *s, void *ud) { protected_call(s, inner, ud); }

int main(void) {
  struct state *s = calloc(1, sizeof *s);
  int st = protected_call(s, middle, NULL);
  printf("status %d, top %p\n", st, (void *)s->top);
  free(s);
  return 0;
}
