// ok_callback_unregister.c
// What: a function registers a progress callback whose context is its own
//   local struct, runs the work that fires the callback, and unregisters
//   before returning.
// Written from: "register a callback with a pointer to a stack context,
//   then unregister before the frame ends".
// Shape: everyday C (progress hooks, signal-like handlers in libraries).
// Correct: the global never holds the context after the function returns.
#include <stdio.h>

struct hook {
  void (*fn)(void *, int);
  void *ctx;
};

static struct hook g_hook;

static void work(int steps) {
  for (int i = 1; i <= steps; ++i)
    if (g_hook.fn)
      g_hook.fn(g_hook.ctx, i);
}

struct progress {
  int last;
  int calls;
};

static void on_progress(void *ctx, int step) {
  struct progress *p = ctx;
  p->last = step;
  p->calls++;
}

static int run(int steps) {
  struct progress prog = {0, 0};
  g_hook = (struct hook){on_progress, &prog};
  work(steps);
  g_hook = (struct hook){NULL, NULL};
  return prog.calls * 100 + prog.last;
}

int main(void) {
  int a = run(3);
  work(2); /* no hook installed now */
  printf("%d %d\n", a, run(1));
  return 0;
}
