// BORROWSCOPE_LOG sends check mode's report to a file (%p the pid) and
// leaves stderr to the program; settings take their words in any case, and
// a bad value is one line naming the accepted ones.
//
// RUN: rm -rf %t.dir && mkdir %t.dir && cd %t.dir
// RUN: %bsclang -O0 %s -o prog
// RUN: env BORROWSCOPE_MODE=check BORROWSCOPE_LOG=%t.dir/report.%%p ./prog 2> err
// RUN: count 0 < err
// RUN: cat report.* | FileCheck %s --check-prefixes=LOG,SUMMARY
// RUN: ls | FileCheck %s --check-prefix=FILES --implicit-check-not=trace
// A log that cannot be written: the report comes on stderr after a line.
// RUN: env BORROWSCOPE_MODE=check BORROWSCOPE_LOG=%t.dir/missing/report ./prog 2> err
// RUN: FileCheck %s --check-prefix=NOLOG < err
// Words in any case; an unknown mode keeps the default (a trace).
// RUN: env BORROWSCOPE_MODE=Check ./prog 2> err
// RUN: FileCheck %s --check-prefixes=LOG,SUMMARY < err
// RUN: env BORROWSCOPE_MODE=sanitize BORROWSCOPE_OUTPUT=%t.dir/bad.trace ./prog 2> err
// RUN: FileCheck %s --check-prefix=BADMODE --implicit-check-not=dangling < err
// RUN: not %borrowscope check bad.trace > bad.check
// RUN: FileCheck %s --check-prefix=LOG < bad.check
// RUN: env BORROWSCOPE_MODE=check BORROWSCOPE_HALT_ON_ERROR=maybe ./prog 2> err
// RUN: FileCheck %s --check-prefix=BADHALT < err
// Clean runs say nothing, unless BORROWSCOPE_VERBOSE=1.
// RUN: env BORROWSCOPE_MODE=check ./prog clean 2> err
// RUN: count 0 < err
// RUN: env BORROWSCOPE_MODE=check BORROWSCOPE_VERBOSE=1 ./prog clean 2> err
// RUN: FileCheck %s --check-prefix=CLEAN < err

#include <stdio.h>

static const char *name;

__attribute__((noinline)) static void label(void) {
  char buffer[8] = "local";
  name = buffer;
}

int main(int argc, char **argv) {
  (void)argv;
  if (argc == 1)
    label();
  return 0;
}

// LOG: log_and_settings.c:35:8: dangling_borrow: 'buffer' (declared at {{.*}}log_and_settings.c:34:8) is dropped at {{.*}}log_and_settings.c:36:1 while 'name' still holds the address stored here
// SUMMARY-NEXT: borrowscope: 1 finding (1 dangling_borrow; 1 case) in ./prog (pid {{[0-9]+}}), 3 events checked

// FILES: err
// FILES-NEXT: prog
// FILES-NEXT: report.{{[0-9]+$}}

// NOLOG: borrowscope: cannot write the report to '{{.*}}missing/report': No such file or directory; it follows here
// NOLOG-NEXT: log_and_settings.c:35:8: dangling_borrow: 'buffer'
// NOLOG-NEXT: borrowscope: 1 finding (1 dangling_borrow; 1 case) in ./prog (pid {{[0-9]+}}), 3 events checked

// BADMODE: borrowscope: ignoring BORROWSCOPE_MODE='sanitize' (accepted: trace, check, both)
// BADHALT: borrowscope: ignoring BORROWSCOPE_HALT_ON_ERROR='maybe' (accepted: 1, on, true, yes, 0, off, false, no)
// BADHALT-NEXT: log_and_settings.c:35:8: dangling_borrow

// CLEAN: borrowscope: no findings in ./prog (pid {{[0-9]+}}), 0 events checked
