// bug_dangling_return_view_struct.c
// What: a trimming helper copies its input into a local array, trims it and
//   returns a {pointer, length} view struct by value whose pointer points
//   into that local array.
// Written from: "return a slice/view struct (ptr + len) that refers to a
//   local buffer"; the struct is returned by value, the bytes are not.
// Shape: CWE-562 hidden inside a returned struct (no compiler warning
//   covers it); Rust E0515 (returns a value referencing data owned by the
//   current function).
// Seeded bug: one dangling_borrow, at the return statement.
#include <ctype.h>
#include <stdio.h>
#include <string.h>

struct slice {
  const char *ptr;
  size_t len;
};

static volatile char sink;

static struct slice trimmed(const char *in) {
  char copy[32];
  strncpy(copy, in, sizeof copy - 1);
  copy[sizeof copy - 1] = '\0';
  size_t b = 0, e = strlen(copy);
  while (b < e && isspace((unsigned char)copy[b]))
    ++b;
  while (e > b && isspace((unsigned char)copy[e - 1]))
    --e;
  struct slice s = {copy + b, e - b};
  return s; // EXPECT: dangling_borrow
}

int main(void) {
  struct slice s = trimmed("   token  ");
  if (s.len > 0)
    sink = s.ptr[0]; // USE: dangling_borrow
  printf("length %zu\n", s.len);
  return 0;
}
