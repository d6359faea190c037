/* For run.test: prints its arguments to stdout and a line to stderr, then
   exits with the status given as its first argument. "abort" writes the
   events so far and aborts (the runtime still ends the trace); "kill"
   writes them and is killed by SIGKILL, leaving a trace that was cut
   short. */
#ifdef __BORROWSCOPE__ /* set by borrowscope-clang */
#include <borrowscope/borrowscope.h>
#else
static void borrowscope_flush(void) {}
#endif
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static int parse(const char *text, int *out) {
  *out = atoi(text);
  return 1;
}

int main(int argc, char **argv) {
  int status = 0;
  for (int i = 1; i < argc; ++i)
    printf("arg %d: %s\n", i, argv[i]);
  fprintf(stderr, "to stderr\n");
  if (argc > 1 && strcmp(argv[1], "abort") == 0) {
    fflush(stdout);
    borrowscope_flush();
    abort();
  }
  if (argc > 1 && strcmp(argv[1], "kill") == 0) {
    fflush(stdout);
    borrowscope_flush();
    raise(SIGKILL);
  }
  if (argc > 1)
    parse(argv[1], &status);
  return status;
}
