// bug_dangling_outparam.c
// What: a parser reports the field it found through an out-parameter
//   (`const struct field **out`) but points it at a local copy.
// Written from: "a lookup function that returns its result through a
//   pointer-to-pointer out-parameter, set to the address of a local".
// Shape: CWE-562 (the stack address escapes through an out-parameter
//   instead of a return); Rust E0515/E0597.
// Seeded bug: one dangling_borrow, where *out receives the local's address.
#include <stdio.h>
#include <string.h>

struct field {
  char name[16];
  int width;
};

static volatile int sink;

static int find_field(const char *spec, const struct field **out) {
  struct field found;
  if (sscanf(spec, "%15[a-z]:%d", found.name, &found.width) != 2)
    return -1;
  *out = &found; // EXPECT: dangling_borrow
  return 0;
}

int main(void) {
  const struct field *f = NULL;
  if (find_field("price:8", &f) == 0)
    sink = f->width; // USE: dangling_borrow
  printf("parsed: %s\n", f ? "yes" : "no");
  return 0;
}
