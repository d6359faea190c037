// An output that blocks never blocks the program for long: a FIFO nobody
// opens for reading (1 s, then no trace and one line), a pipe whose reader
// never reads (its blocks wait 1 s in all, a block once started 1 s more,
// then nothing more is written and what was not written is counted lost).
// The program's output and exit status are the plain program's.
// And the tool reading a FIFO nobody writes gives up in one line.
//
// RUN: %bsclang -O2 %s -o %t && %clang -O2 %s -o %t.plain
// RUN: rm -f %t.fifo && mkfifo %t.fifo
//
// RUN: %fault-run %t.plain %t %t.fifo --no-trace --stderr %t.err --max-seconds 4 -- | FileCheck %s
// CHECK: ended: exit 0, as plain
// CHECK-NEXT: output: as plain
// CHECK-NEXT: time: within 4 s
// RUN: FileCheck %s --check-prefix=NOREADER < %t.err
// RUN: count 1 < %t.err
// NOREADER: borrowscope: cannot write the trace to '{{.*}}.fifo': no reader on the FIFO after 1000 ms
//
// A reader that opens the FIFO and never reads.
// RUN: sh -c 'sleep 60 > /dev/null 2>&1 < %t.fifo & r=$!; BORROWSCOPE_VERBOSE=1 %fault-run %t.plain %t %t.fifo --no-trace --stderr %t.err2 --max-seconds 4 -- > %t.out2; s=$?; kill $r; exit $s'
// RUN: FileCheck %s < %t.out2
// RUN: FileCheck %s --check-prefix=STALLED < %t.err2
// STALLED: borrowscope: the trace reader of '{{.*}}.fifo' stopped reading for 1 s; nothing more is written
// STALLED-NEXT: borrowscope: wrote 0 records to {{.*}}.fifo (1500000 lost)
//
// The tool on a FIFO nobody writes (it waits 10 s for a writer).
// RUN: not %borrowscope report %t.fifo 2> %t.err3
// RUN: FileCheck %s --check-prefix=TOOL < %t.err3
// RUN: count 1 < %t.err3
// TOOL: borrowscope: {{.*}}.fifo: no program wrote to this FIFO within 10 s

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
