// The time the runtime holds a thread up (writing out a full window) is a
// Flush event: the report says how often and how long and takes it out of
// the durations it prints (--count-runtime keeps it in), the JSON export
// carries each span with its duration (and reads it back), the Chrome
// export shows a "runtime" slice per span. No program event is lost or
// changed by it.
//
// RUN: %bsclang -O1 -g %s -o %t
// RUN: rm -rf %t.dir && mkdir -p %t.dir && cd %t.dir
// Small windows: a flush every ~128 records.
// RUN: env BORROWSCOPE_OUTPUT=small.trace BORROWSCOPE_BUFFER_EVENTS=128 %t | FileCheck %s --check-prefix=OUT
// OUT: 1999000
// RUN: %borrowscope report small.trace > report.txt
// RUN: %python %S/Inputs/flush_spans.py small.trace >> report.txt
// RUN: FileCheck %s --check-prefix=SMALL < report.txt
// SMALL: trace small.{{trace|json}}: 6003 events on 1 thread over {{.*}}, 0 lost
// SMALL-NEXT: the runtime held threads up [[N:[0-9]+]] times for {{[0-9.]+ (ns|µs|ms|s)}} (writing the trace): not counted in the durations below (--count-runtime counts it)
// SMALL: total  int  57:7
// SMALL: run() → total  mut  call  58:3
// SMALL: x  int  51:9  ×2000
// SMALL: use() → x  shared  call  52:15  ×2000
// SMALL: Totals: 2001 variable instances, 2001 borrows (2000 shared, 1 mut), 0 moves, 0 never dropped
// SMALL-NEXT: Checks: no findings
// SMALL-NEXT: json flushes: [[N]]
// SMALL-NEXT: every flush has a duration > 0: yes
// SMALL-NEXT: chrome runtime slices: [[N]]
// SMALL-NEXT: spans inside total's lifetime: all
// SMALL-NEXT: report: total's lifetime without the spans: yes
// SMALL-NEXT: report --count-runtime: with them: yes
//
// RUN: %borrowscope report --count-runtime small.trace | FileCheck %s --check-prefix=COUNTED
// COUNTED: the runtime held threads up {{[0-9]+}} times for {{.*}}: counted in the durations below
//
// The JSON export reads back with its spans.
// RUN: %borrowscope export small.trace -f json -o small.json
// RUN: %borrowscope report small.json > report2.txt
// RUN: %python %S/Inputs/flush_spans.py small.json >> report2.txt
// RUN: FileCheck %s --check-prefix=SMALL < report2.txt
//
// The default window: the same events.
// RUN: env BORROWSCOPE_OUTPUT=default.trace %t > /dev/null
// RUN: %borrowscope report default.trace | FileCheck %s --check-prefix=DEFAULT
// DEFAULT: 6003 events on 1 thread over {{.*}}, 0 lost
// DEFAULT: Totals: 2001 variable instances, 2001 borrows (2000 shared, 1 mut), 0 moves, 0 never dropped
#include <stdio.h>

static int __attribute__((noinline)) use(const int *p) { return *p; }

static void __attribute__((noinline)) run(int *total) {
  for (int i = 0; i < 2000; ++i) {
    int x = i;
    *total += use(&x);
  }
}

int main(void) {
  int total = 0; // lives across every flush
  run(&total);
  printf("%d\n", total);
  return 0;
}
