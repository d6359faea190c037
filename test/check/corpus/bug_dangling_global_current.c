// bug_dangling_global_current.c
// What: a request handler publishes "the current request" in a global so
//   that a logging helper can reach it, and forgets to clear it on return;
//   a later log call reads the stale request.
// Written from: "a global current-context pointer (interpreters, servers,
//   loggers) set to a local and not reset before the function returns".
// Shape: CWE-562/CWE-416-like stack address stored in a global; Rust E0597
//   ('static requirement).
// Seeded bug: one dangling_borrow, at the store into the global.
#include <stdio.h>

struct request {
  int id;
  int status;
};

static const struct request *g_current;
static volatile int sink;

static void log_line(const char *msg) {
  if (g_current)
    sink = g_current->id; // USE: dangling_borrow
  printf("%s\n", msg);
}

static int handle(int id) {
  struct request req = {id, 200};
  g_current = &req; // EXPECT: dangling_borrow
  log_line("handling");
  return req.status;
}

int main(void) {
  int status = handle(17);
  log_line("idle");
  printf("status %d\n", status);
  return 0;
}
