// A suite of processes: `borrowscope run --check` runs a command whose
// processes (forked children, exec'd programs, several runs of one program)
// each check themselves; the run ends with their findings merged, each once
// with its count and the number of processes that had it. The command's
// exit status is the run's. Forked children write their own traces in
// trace mode too (the child lets go of the parent's windows first).
//
// RUN: rm -rf %t.dir && mkdir %t.dir && cd %t.dir
// RUN: %bsclang -O0 %s -o prog
// RUN: sh -c '%borrowscope run --check -- sh -c "./prog 2; ./prog 1 exec; exit 7" > out 2> err; test $? -eq 7'
// RUN: FileCheck %s --check-prefix=SUITE < err
// RUN: ls | FileCheck %s --check-prefix=FILES --implicit-check-not=trace
// BORROWSCOPE_MODE=check in the environment does the same.
// RUN: env BORROWSCOPE_MODE=check %borrowscope run -- ./prog 1 > out 2> err
// RUN: FileCheck %s --check-prefix=ENV < err
// A clean command, and one whose programs are not instrumented.
// RUN: %borrowscope run --check -- ./prog 0 > out 2> err
// RUN: FileCheck %s --check-prefix=CLEAN < err
// RUN: %borrowscope run --check -- true 2> err
// RUN: FileCheck %s --check-prefix=NONE < err
// RUN: not %borrowscope run --check -o x.trace -- ./prog 2> err
// RUN: FileCheck %s --check-prefix=USAGE < err
// Trace mode: one trace per process.
// RUN: env BORROWSCOPE_OUTPUT=%t.dir/fork.%%p.trace ./prog 2
// RUN: ls | FileCheck %s --check-prefix=TRACES

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int *keep;

__attribute__((noinline)) static void parent_bug(void) {
  int local = 42;
  keep = &local;
}

__attribute__((noinline)) static void child_bug(void) {
  int other = 7;
  keep = &other;
}

int main(int argc, char **argv) {
  int children = argc > 1 ? atoi(argv[1]) : 0;
  if (children == 0)
    return 0;
  parent_bug(); // before the forks: the parent's, not the children's
  for (int i = 0; i < children; ++i) {
    pid_t pid = fork();
    if (pid == 0) {
      child_bug();
      if (argc > 2 && strcmp(argv[2], "exec") == 0)
        execl(argv[0], argv[0], "0", (char *)0); // a clean image
      return 0;
    }
    waitpid(pid, 0, 0);
  }
  return 0;
}

// SUITE: multi_process.c:37:8: dangling_borrow: 'local' (declared at {{.*}}) is dropped at {{.*}} while 'keep' still holds the address stored here (2 times, in 2 processes)
// SUITE-NEXT: multi_process.c:42:8: dangling_borrow: 'other' (declared at {{.*}}) is dropped at {{.*}} while 'keep' still holds the address stored here (3 times, in 3 processes)
// SUITE-NEXT: borrowscope: 2 findings (2 dangling_borrow; 5 cases) in 5 of 6 processes checked ({{[0-9]+}} events)

// FILES: err
// FILES-NEXT: out
// FILES-NEXT: prog

// Each process's own report, then the merged one.
// ENV: borrowscope: 1 finding (1 dangling_borrow; 1 case) in ./prog
// ENV: borrowscope: 1 finding (1 dangling_borrow; 1 case) in ./prog
// ENV-NEXT: multi_process.c:37:8: dangling_borrow: 'local' {{.*}}here{{$}}
// ENV-NEXT: multi_process.c:42:8: dangling_borrow: 'other' {{.*}}here{{$}}
// ENV-NEXT: borrowscope: 2 findings (2 dangling_borrow; 2 cases) in 2 of 2 processes checked (6 events)

// CLEAN: borrowscope: no findings in 0 of 1 process checked (0 events)
// NONE: borrowscope: no process of 'true' was checked; were its programs built with borrowscope-clang?
// USAGE: borrowscope: run: --check writes no trace: -o has no use with it (BORROWSCOPE_MODE=both writes one and checks)

// TRACES: fork.[[PARENT:[0-9]+]].trace
// TRACES-NEXT: fork.{{[0-9]+}}.trace
// TRACES-NEXT: fork.{{[0-9]+}}.trace
