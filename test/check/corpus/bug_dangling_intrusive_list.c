// bug_dangling_intrusive_list.c
// What: waiters are kept in an intrusive singly linked list whose nodes live
//   on the waiters' stacks; one function links its node in and returns
//   without unlinking it; a later wake-up reads the list's head.
// Written from: "intrusive list of stack-allocated nodes (wait queues,
//   cleanup handlers) where one path forgets to remove its node".
// Shape: CWE-416-like use of a stack node after its frame ended (a real bug
//   class in kernels and event loops); Rust E0597.
// Seeded bug: one dangling_borrow, where the list head takes the node.
#include <stdio.h>

struct waiter {
  int token;
  struct waiter *next;
};

static struct waiter *g_waiters;
static volatile int sink;

static int try_wait(int token) {
  struct waiter self = {token, g_waiters};
  g_waiters = &self; // EXPECT: dangling_borrow
  if (token % 2)
    return 0; /* early return: forgot to unlink */
  g_waiters = self.next;
  return 1;
}

static int wake_first(void) {
  int n = 0;
  if (g_waiters) { /* only the head: its next field is not trusted */
    sink = g_waiters->token; // USE: dangling_borrow
    ++n;
  }
  g_waiters = NULL;
  return n;
}

int main(void) {
  int got = try_wait(3);
  printf("waited=%d woke=%d\n", got, wake_first() > 0);
  return 0;
}
