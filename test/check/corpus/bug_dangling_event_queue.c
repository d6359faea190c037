// bug_dangling_event_queue.c
// What: a function schedules a deferred callback in a global event queue
//   and passes the address of its own local context as the callback's
//   argument; the main loop runs the queue after that function returned.
// Written from: "deferred callback (timer, idle handler, atexit-like
//   queue) registered with a pointer to a stack context" (common in event
//   loops such as libuv/glib users).
// Shape: CWE-562/CWE-416-like stack address stored into a global; Rust
//   E0597 ('static bound on the callback's data).
// Seeded bug: one dangling_borrow, where the queue entry takes the address.
#include <stdio.h>

struct event {
  void (*fn)(void *);
  void *arg;
};

struct flush_ctx {
  int fd;
  int bytes;
};

static struct event g_queue[8];
static int g_len;
static volatile int sink;

static void on_flush(void *arg) {
  struct flush_ctx *ctx = arg;
  sink = ctx->bytes; // USE: dangling_borrow
}

static void schedule_flush(int fd) {
  struct flush_ctx ctx = {fd, 512};
  g_queue[g_len++] = (struct event){on_flush, &ctx}; // EXPECT: dangling_borrow
}

static int run_queue(void) {
  int ran = 0;
  for (int i = 0; i < g_len; ++i, ++ran)
    g_queue[i].fn(g_queue[i].arg);
  g_len = 0;
  return ran;
}

int main(void) {
  schedule_flush(3);
  printf("ran %d events\n", run_queue());
  return 0;
}
