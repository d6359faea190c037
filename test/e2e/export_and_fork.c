// borrowscope_export_json() writes a complete snapshot while recording goes
// on; a forked child writes its own trace; the parent's is unaffected.
//
// RUN: env BORROWSCOPE_VARIABLES=all %bsclang -O0 %s -o %t
// RUN: rm -rf %t.dir && mkdir -p %t.dir && cd %t.dir
// RUN: env BORROWSCOPE_OUTPUT=main.trace %t snap.json > out.txt 2> err.txt
// RUN: FileCheck %s --check-prefix=OUT < out.txt
// RUN: FileCheck %s --check-prefix=ERR < err.txt
// RUN: FileCheck %s --check-prefix=SNAP --input-file=snap.json
// RUN: %borrowscope export main.trace -f json -o - | FileCheck %s --check-prefix=MAIN
// The child's trace: the path without %%p gets the child's pid appended.
// RUN: ls | grep -E '^main[.]trace[.][0-9]+$' | count 1
// RUN: %borrowscope export main.trace.* -f json -o - | FileCheck %s --check-prefix=CHILD
// RUN: %trace-summary --check snap.json
// RUN: %trace-summary --check main.trace

#include "borrowscope/borrowscope.h"
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

__attribute__((noinline)) static void touch(int *p) { *p += 1; }

int main(int argc, char **argv) {
  (void)argc;
  int before = 1;
  touch(&before);
  printf("export %d\n", borrowscope_export_json(argv[1]));
  printf("export to the trace itself %d\n", borrowscope_export_json("main.trace"));
  fflush(stdout);
  pid_t child = fork();
  if (child == 0) {
    int in_child = 3;
    touch(&in_child);
    return 0;
  }
  waitpid(child, 0, 0);
  int after = 2;
  touch(&after);
  return 0;
}

// OUT: export 0
// OUT-NEXT: export to the trace itself -1
// ERR: borrowscope: cannot export to 'main.trace': it is the trace being written

// The snapshot has what happened before the call, and is valid JSON.
// SNAP: "var_name":"argc"
// SNAP: "var_name":"before"
// SNAP: "borrower_name":"touch",{{.*}}"owner_name":"before"
// SNAP-NOT: "after"
// SNAP: ],"threads":[
// SNAP-NEXT: {"id":1,{{.*}}"events":8}],"event_count":8,"lost_events":0,"complete":true,

// The final trace has everything of the parent, nothing of the child.
// MAIN: "var_name":"before"
// MAIN-NOT: in_child
// MAIN: "var_name":"after"
// MAIN: "event_count":19,

// The child's trace starts at the fork: instances created before it (main's
// locals) are in the parent's trace, with the same ids; the child drops them.
// CHILD: "pid":[[CHILDPID:[0-9]+]]
// CHILD-NOT: "var_name":"before"
// CHILD: "type":"New",{{.*}}"var_name":"in_child"
// CHILD: "type":"Borrow",{{.*}}"owner_name":"in_child"
// CHILD: "type":"Drop",{{.*}}"var_id":1,{{.*}}"var_name":"argc"
// CHILD-NOT: "var_name":"after"
// CHILD: ],"threads":[
// CHILD-NEXT: {"id":1,"os_tid":[[CHILDPID]],
