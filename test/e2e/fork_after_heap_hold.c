// A forked child of a program that has stored a local's address into the heap
// runs on. Once such a store is seen, the runtime records every free(); the
// child's fork handler unmapped the parent's windows and then freed their
// bookkeeping, and that free() recorded into the window just unmapped: the
// child died of SIGSEGV before it ran a line of its own (seen as Tcl's `exec`
// failing, "child killed: segmentation violation", in SQLite's testfixture).
//
// RUN: %bsclang -O0 -g %s -o %t0
// RUN: rm -rf %t.d0 && mkdir -p %t.d0
// RUN: env BORROWSCOPE_OUTPUT=%t.d0/%%p.trace %t0 | FileCheck %s
// RUN: ls %t.d0 | count 2
// RUN: sh -c 'for f in %t.d0/*.trace; do %borrowscope report $f > /dev/null || exit 1; done'
// RUN: %bsclang -O2 -g %s -o %t2
// RUN: rm -rf %t.d2 && mkdir -p %t.d2
// RUN: env BORROWSCOPE_OUTPUT=%t.d2/%%p.trace %t2 | FileCheck %s
// RUN: ls %t.d2 | count 2
// CHECK: child exited 0
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

struct holder { int *p; };

int main(void) {
  int x = 1;
  struct holder *h = malloc(sizeof *h);
  h->p = &x; // from now on free() is recorded
  pid_t pid = fork();
  if (pid == 0) {
    free(malloc(16)); // the child's own free is recorded too
    _exit(*h->p == 1 ? 0 : 3);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  free(h);
  if (WIFSIGNALED(status))
    printf("child killed by signal %d\n", WTERMSIG(status));
  else
    printf("child exited %d\n", WEXITSTATUS(status));
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}
