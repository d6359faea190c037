// Runtime settings and bad input: the program always runs unharmed, bad
// values get one clear line on stderr, a normal run prints nothing.
//
// RUN: %bsclang -O1 %s -o %t
// RUN: rm -rf %t.dir && mkdir -p %t.dir && cd %t.dir
//
// Default: borrowscope-<pid>.json in the working directory, silence.
// RUN: %t > out.txt 2> err.txt
// RUN: FileCheck %s --check-prefix=OUT < out.txt
// RUN: count 0 < err.txt
// RUN: ls borrowscope-*.json | count 1
// RUN: cat borrowscope-*.json | FileCheck %s --check-prefix=TRACE
//
// %p expands to the pid, %% to a percent sign.
// (lit needs %% for each % in a RUN line.)
// RUN: env BORROWSCOPE_OUTPUT=%t.dir/t-%%p-%%%%.json %t > /dev/null
// RUN: ls %t.dir | grep -E '^t-[0-9]+-%%.json$' | count 1
//
// Unwritable path: one line, same output, exit code 0.
// RUN: env BORROWSCOPE_OUTPUT=/nonexistent-dir/t.json %t > out2.txt 2> err2.txt
// RUN: diff out.txt out2.txt
// RUN: FileCheck %s --check-prefix=UNWRITABLE < err2.txt
// RUN: count 1 < err2.txt
// UNWRITABLE: borrowscope: cannot write the trace to '/nonexistent-dir/t.json': No such file or directory
//
// A directory as the path.
// RUN: env BORROWSCOPE_OUTPUT=%t.dir %t > /dev/null 2> err3.txt
// RUN: FileCheck %s --check-prefix=DIR < err3.txt
// DIR: borrowscope: cannot write the trace to '{{.*}}': Is a directory
//
// Invalid values: one line each, defaults used, trace still written.
// RUN: env BORROWSCOPE_OUTPUT=bad.json BORROWSCOPE_BUFFER_EVENTS=lots BORROWSCOPE_VERBOSE=sure %t > /dev/null 2> err4.txt
// RUN: FileCheck %s --check-prefix=INVALID < err4.txt
// RUN: count 2 < err4.txt
// RUN: FileCheck %s --check-prefix=TRACE --input-file=bad.json
// INVALID: borrowscope: ignoring BORROWSCOPE_VERBOSE='sure' (expected 1 or 0)
// INVALID-NEXT: borrowscope: ignoring BORROWSCOPE_BUFFER_EVENTS='lots' (expected a number from 64 to 16777216)
//
// BORROWSCOPE=off at run time: no trace, nothing printed.
// RUN: rm -f borrowscope-*.json
// RUN: env BORROWSCOPE=off %t > /dev/null 2> err5.txt
// RUN: count 0 < err5.txt
// RUN: not ls borrowscope-*.json
//
// Verbose: one line saying where the trace went.
// RUN: env BORROWSCOPE_VERBOSE=1 BORROWSCOPE_OUTPUT=v.json %t > /dev/null 2> err6.txt
// RUN: FileCheck %s --check-prefix=VERBOSE < err6.txt
// VERBOSE: borrowscope: wrote 5 events to v.json

#include <stdio.h>

int main(void) {
  int answer = 42;
  int *p = &answer;
  printf("answer %d\n", *p);
  return 0;
}

// OUT: answer 42
// TRACE: "events":[
// TRACE-NEXT: "type":"New",{{.*}}"var_name":"answer"
// TRACE-NEXT: "type":"New",{{.*}}"var_name":"p"
// TRACE-NEXT: "type":"Borrow",{{.*}}"borrower_name":"p",{{.*}}"owner_name":"answer","kind":"mutable","mutable":true}
// TRACE-NEXT: "type":"Drop",{{.*}}"var_name":"p"
// TRACE-NEXT: "type":"Drop",{{.*}}"var_name":"answer"
// TRACE-NEXT: ],"threads"
