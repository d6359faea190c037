// ok_parent_frame_chain.c
// What: a recursive directory-like walk keeps the current path as a chain
//   of stack frames, each node pointing at its caller's node; the path is
//   printed from the deepest frame, while every parent frame is alive.
// Written from: "pointers from a callee's locals to its callers' locals"
//   (parent-frame chains in recursive descent, scope chains).
// Shape: real-project C (recursive walkers, scope chains in compilers).
// Correct: callers outlive callees, so the chain only points up to live
//   frames. No EXPECT lines.
#include <stdio.h>

struct frame {
  const char *name;
  const struct frame *parent;
};

static int path_len(const struct frame *f) {
  int n = 0;
  for (; f; f = f->parent)
    ++n;
  return n;
}

static int walk(const struct frame *parent, int depth) {
  static const char *const names[] = {"root", "usr", "share", "doc"};
  struct frame here = {names[depth], parent};
  if (depth == 3) {
    for (const struct frame *f = &here; f; f = f->parent)
      printf("%s%s", f->name, f->parent ? "<" : "\n");
    return path_len(&here);
  }
  return walk(&here, depth + 1);
}

int main(void) {
  printf("depth %d\n", walk(NULL, 0));
  return 0;
}
