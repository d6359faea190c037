// A trace written into a pipe whose reader goes away early: the program is
// neither killed by SIGPIPE nor blocked, says so in one line, and exits as it
// would without BorrowScope. A FIFO is opened write-only (never read back).
//
// RUN: env BORROWSCOPE_VARIABLES=all %bsclang -O2 %s -o %t
// RUN: rm -f %t.fifo && mkfifo %t.fifo
// RUN: sh -c 'head -c 100 < %t.fifo > /dev/null & BORROWSCOPE_OUTPUT=%t.fifo timeout 60 %t > %t.out 2> %t.err; echo "exit $?" >> %t.out'
// RUN: FileCheck %s < %t.out
// RUN: FileCheck %s --check-prefix=ERR < %t.err
// RUN: count 1 < %t.err
// CHECK: 44999850000
// CHECK-NEXT: exit 0
// ERR: borrowscope: the trace reader of '{{.*}}.fifo' went away; nothing more is written

#include <stdio.h>

int main(void) {
  long sum = 0;
  for (int i = 0; i < 300000; ++i) { // about 1.5 million events: megabytes
    int x = i;
    int *p = &x;
    sum += *p;
  }
  printf("%ld\n", sum);
  return 0;
}
