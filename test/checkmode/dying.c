// A process that dies (abort, a fatal signal) still reports what the
// checker saw up to then, and dies of its signal as the plain program would;
// _exit reports as exit does.
//
// RUN: %bsclang -O0 %s -o %t
// RUN: not --crash env BORROWSCOPE_MODE=check %t abort 2> %t.err
// RUN: FileCheck %s --check-prefix=DIED < %t.err
// RUN: not --crash env BORROWSCOPE_MODE=check %t segv 2> %t.err
// RUN: FileCheck %s --check-prefix=DIED < %t.err
// RUN: env BORROWSCOPE_MODE=check %t _exit 2> %t.err
// RUN: FileCheck %s --check-prefix=EXIT < %t.err

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int *held;

__attribute__((noinline)) static void hold(void) {
  int n = 3;
  held = &n;
}

int main(int argc, char **argv) {
  hold();
  if (argc > 1 && strcmp(argv[1], "abort") == 0)
    abort();
  if (argc > 1 && strcmp(argv[1], "segv") == 0)
    raise(SIGSEGV);
  _exit(0);
}

// DIED: dying.c:22:8: dangling_borrow: 'n'
// DIED-NEXT: borrowscope: 1 finding (1 dangling_borrow; 1 case) in {{.*}}, 3 events checked; the process died, the check has the events up to then
// EXIT: dying.c:22:8: dangling_borrow: 'n'
// EXIT-NEXT: borrowscope: 1 finding (1 dangling_borrow; 1 case) in {{.*}}, 3 events checked{{$}}
