// bug_dangling_switch_case.c
// What: an error-code translator declares the message buffer inside a
//   `case` block and points the outer `msg` at it; the message is used after
//   the switch.
// Written from: "a pointer assigned inside a braced case of a switch to a
//   variable declared in that case's block".
// Shape: CWE-416-like use of stack memory after its scope; Rust E0597.
// Seeded bug: one dangling_borrow, at the assignment of `msg`.
#include <stdio.h>

static volatile char sink;

static void report(int code) {
  const char *msg = "ok";
  switch (code) {
  case 0:
    break;
  case 404: {
    char buf[32];
    snprintf(buf, sizeof buf, "not found (%d)", code);
    msg = buf; // EXPECT: dangling_borrow
    break;
  }
  default:
    msg = "error";
    break;
  }
  sink = msg[0]; // USE: dangling_borrow
  printf("reported %d\n", code);
}

int main(void) {
  report(0);
  report(404);
  return 0;
}
