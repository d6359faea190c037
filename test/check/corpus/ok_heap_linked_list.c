// ok_heap_linked_list.c
// What: a singly linked list of heap nodes built with a pointer-to-pointer
//   tail cursor (`struct node **tail`), reversed in place, summed and freed.
// Written from: "linked list with a pointer-to-pointer cursor" (Linus's
//   "good taste" idiom).
// Shape: everyday C.
// Correct: the cursor points at the local head or at heap nodes that are
//   alive; everything is freed once. No EXPECT lines.
#include <stdio.h>
#include <stdlib.h>

struct node {
  int v;
  struct node *next;
};

int main(void) {
  struct node *head = NULL;
  struct node **tail = &head;
  for (int i = 1; i <= 5; ++i) {
    struct node *n = malloc(sizeof *n);
    if (!n)
      return 0;
    n->v = i;
    n->next = NULL;
    *tail = n;
    tail = &n->next;
  }
  struct node *prev = NULL;
  while (head) {
    struct node *next = head->next;
    head->next = prev;
    prev = head;
    head = next;
  }
  head = prev;
  int first = head->v, sum = 0;
  while (head) {
    struct node *next = head->next;
    sum += head->v;
    free(head);
    head = next;
  }
  printf("first %d sum %d\n", first, sum);
  return 0;
}
