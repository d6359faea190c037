// A program's own exit status survives check mode, with findings or
// without, unless BORROWSCOPE_EXITCODE asks for another when there are
// findings (on return from main, exit and _exit alike).
//
// RUN: %bsclang -O0 %s -o %t
// RUN: env BORROWSCOPE_MODE=check sh -c '%t 5 bug; test $? -eq 5'
// RUN: env BORROWSCOPE_MODE=check sh -c '%t 5 clean; test $? -eq 5'
// RUN: env BORROWSCOPE_MODE=check sh -c '%t 0 bug; test $? -eq 0'
// RUN: env BORROWSCOPE_MODE=check BORROWSCOPE_EXITCODE=42 sh -c '%t 5 bug 2>/dev/null; test $? -eq 42'
// RUN: env BORROWSCOPE_MODE=check BORROWSCOPE_EXITCODE=42 sh -c '%t 0 bug 2>/dev/null; test $? -eq 42'
// RUN: env BORROWSCOPE_MODE=check BORROWSCOPE_EXITCODE=42 sh -c '%t 5 bug _exit 2>/dev/null; test $? -eq 42'
// RUN: env BORROWSCOPE_MODE=check BORROWSCOPE_EXITCODE=42 sh -c '%t 5 clean; test $? -eq 5'
// RUN: env BORROWSCOPE_MODE=check BORROWSCOPE_EXITCODE=42 sh -c '%t 5 clean _exit; test $? -eq 5'
// A finding reported before _exit, and stdout flushed before the status
// is changed at exit:
// RUN: env BORROWSCOPE_MODE=check BORROWSCOPE_EXITCODE=42 sh -c '%t 5 bug _exit > %t.out 2> %t.err; true'
// RUN: FileCheck %s --check-prefix=BUG < %t.err
// RUN: env BORROWSCOPE_MODE=check BORROWSCOPE_EXITCODE=42 sh -c '%t 5 bug > %t.out 2>/dev/null; true'
// RUN: FileCheck %s --check-prefix=OUT < %t.out
// Bad values: one line naming what is accepted; the program runs as asked.
// RUN: env BORROWSCOPE_MODE=check BORROWSCOPE_EXITCODE=256 sh -c '%t 5 bug 2> %t.err; test $? -eq 5'
// RUN: FileCheck %s --check-prefix=BAD < %t.err

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int *last;

__attribute__((noinline)) static void keep(void) {
  int value = 1;
  last = &value;
}

int main(int argc, char **argv) {
  int status = argc > 1 ? atoi(argv[1]) : 0;
  if (argc > 2 && strcmp(argv[2], "bug") == 0)
    keep();
  printf("status %d\n", status);
  if (argc > 3 && strcmp(argv[3], "_exit") == 0) {
    fflush(stdout);
    _exit(status);
  }
  return status;
}

// BUG: exit_status.c:33:8: dangling_borrow: 'value'
// BUG: borrowscope: 1 finding

// OUT: status 5

// BAD: borrowscope: ignoring BORROWSCOPE_EXITCODE='256' (accepted: a number from 0 to 255)
// BAD: exit_status.c:33:8: dangling_borrow
