// ok_sentinel_list.c
// What: a circular doubly linked list with a sentinel head on the stack
//   (head.next = head.prev = &head), stack-allocated elements inserted and
//   all unlinked again before the function returns.
// Written from: "a struct pointing to itself: the sentinel of a circular
//   list" (Linux list_head style).
// Shape: real-project C (kernel lists, allocators).
// Correct: every pointer into the stack nodes dies with them. No EXPECT.
#include <stdio.h>

struct link {
  struct link *prev, *next;
  int v;
};

static void insert_after(struct link *pos, struct link *n) {
  n->prev = pos;
  n->next = pos->next;
  pos->next->prev = n;
  pos->next = n;
}

static void unlink_node(struct link *n) {
  n->prev->next = n->next;
  n->next->prev = n->prev;
  n->next = n->prev = n;
}

static int run(void) {
  struct link head = {&head, &head, 0};
  struct link a = {0, 0, 1}, b = {0, 0, 2}, c = {0, 0, 3};
  insert_after(&head, &a);
  insert_after(&a, &b);
  insert_after(&b, &c);
  int sum = 0;
  for (struct link *l = head.next; l != &head; l = l->next)
    sum = sum * 10 + l->v;
  unlink_node(&b);
  unlink_node(&a);
  unlink_node(&c);
  return sum * 10 + (head.next == &head);
}

int main(void) {
  printf("%d\n", run());
  return 0;
}
