// bug_dangling_return_array.c
// What: a formatting helper writes "key=value" into a local char array and
//   returns the array (it decays to a pointer to the dead frame).
// Written from: "a to_string helper that forgot `static` on its buffer, or
//   should have taken the buffer from the caller".
// Shape: CWE-562 Return of Stack Variable Address (the classic local buffer
//   return, e.g. CERT DCL30-C); Rust E0515.
// Seeded bug: one dangling_borrow, at the return statement.
#include <stdio.h>

static volatile char sink;

static const char *format_pair(const char *key, int value) {
  char buf[32];
  snprintf(buf, sizeof buf, "%s=%d", key, value);
  return buf; // EXPECT: dangling_borrow
}

int main(void) {
  const char *s = format_pair("width", 640);
  sink = s[0]; // USE: dangling_borrow
  printf("formatted\n");
  return 0;
}
