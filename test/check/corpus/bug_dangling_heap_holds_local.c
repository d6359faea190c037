// bug_dangling_heap_holds_local.c
// What: a constructor function mallocs a job and points its priority field
//   at a local variable; the job is returned and used after the local died.
// Written from: "a heap object stores a pointer to a stack variable of the
//   function that created it" (should have stored the value or a heap copy).
// Shape: CWE-562/CWE-416-like (stack address stored into the heap); Rust
//   E0597/E0515.
// Seeded bug: one dangling_borrow, at the store into the heap object.
#include <stdio.h>
#include <stdlib.h>

struct job {
  const char *name;
  const int *priority;
};

static volatile int sink;

static struct job *make_job(const char *name, int base) {
  int priority = base + 1;
  struct job *j = malloc(sizeof *j);
  if (!j)
    return NULL;
  j->name = name;
  j->priority = &priority; // EXPECT: dangling_borrow
  return j;
}

int main(void) {
  struct job *j = make_job("compact", 4);
  if (!j)
    return 0;
  sink = *j->priority; // USE: dangling_borrow
  printf("job %s\n", j->name);
  free(j);
  return 0;
}
