// False positive (correct code), idiom S of docs/real-projects.md (SQLite's
// `db->init.azInit = argv` then `= sqlite3StdType`, and
// `pNew->u.btree.pIndex = &sPk` then another index): a heap object's field
// is pointed at a local for a while, then at static or heap memory, before
// the local's frame returns. Nothing dangles. Reported while the store of a
// pointer into no stack was not recorded (only null and stack pointers
// were), so the field still seemed to hold the local. The runtime now
// remembers memory that has held a stack address (a bitmap, hashed by
// address) and records what is stored there later. Second half: the real
// bug of the same shape, the field left pointing at the local, stays found.
//
// RUN: %bsclang -O0 -w %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.json %t0 > /dev/null
// RUN: %corpus-check %s %t0.json
// RUN: %bsclang -O2 -w %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.json %t2 > /dev/null
// RUN: %corpus-check %s %t2.json
#include <stdio.h>
#include <stdlib.h>

struct init { const char *const *names; int n; };
struct db { struct init init; const char *const *stale; };

static const char *const standard_names[] = {"any", "blob", "int", "real"};

__attribute__((noinline)) static int count_names(struct db *d) {
  int n = 0;
  while (n < d->init.n && d->init.names[n])
    ++n;
  return n;
}

/* Points the heap object at a local array for one call, then at the static
   table (what SQLite does: "any array of string pointers will do"). */
__attribute__((noinline)) static int with_local_names(struct db *d) {
  const char *argv[3] = {"main", "temp", 0};
  d->init.names = argv;
  d->init.n = 3;
  int n = count_names(d);
  d->init.names = standard_names;
  d->init.n = 4;
  return n;
}

/* The same, but the heap object keeps the local array after the frame
   returns, and the caller reads through it. */
__attribute__((noinline)) static void leave_local_names(struct db *d) {
  const char *argv[2] = {"main", 0};
  d->stale = argv; // EXPECT: dangling_borrow
}

int main(void) {
  struct db *d = calloc(1, sizeof *d);
  int n = with_local_names(d);
  n += count_names(d);
  leave_local_names(d);
  printf("%d %p\n", n, (void *)d->stale);
  free(d);
  return 0;
}
