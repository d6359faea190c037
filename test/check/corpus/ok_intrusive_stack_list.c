// ok_intrusive_stack_list.c
// What: a cleanup stack made of nodes that live on the callers' stacks;
//   every function that pushes a node pops it on every path before it
//   returns (the pattern of pthread_cleanup_push/pop, kernel wait queues).
// Written from: "intrusive linked lists of stack nodes cleaned up before
//   return".
// Shape: everyday C (intrusive lists in kernels, interpreters, allocators).
// Correct: the global head never points at a dead node. No EXPECT lines.
#include <stdio.h>

struct cleanup {
  const char *what;
  struct cleanup *next;
};

static struct cleanup *g_top;

static int depth(void) {
  int n = 0;
  for (const struct cleanup *c = g_top; c; c = c->next)
    ++n;
  return n;
}

static int step(int level) {
  struct cleanup node = {"step", g_top};
  g_top = &node;
  int result;
  if (level == 0) {
    result = depth();
    g_top = node.next; /* early path unlinks too */
    return result;
  }
  result = step(level - 1);
  g_top = node.next;
  return result;
}

int main(void) {
  int deepest = step(3);
  printf("deepest %d, after %d\n", deepest, depth());
  return 0;
}
