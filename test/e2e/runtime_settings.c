// Runtime settings and bad input: the program always runs unharmed, bad
// values get one clear line on stderr, a normal run prints nothing.
//
// RUN: env BORROWSCOPE_VARIABLES=all %bsclang -O1 %s -o %t
// RUN: rm -rf %t.dir && mkdir -p %t.dir && cd %t.dir
//
// Default: borrowscope-<pid>.trace in the working directory, silence.
// RUN: %t > out.txt 2> err.txt
// RUN: FileCheck %s --check-prefix=OUT < out.txt
// RUN: count 0 < err.txt
// RUN: ls borrowscope-*.trace | count 1
// RUN: %borrowscope export borrowscope-*.trace -f json -o - | FileCheck %s --check-prefix=TRACE
//
// %p expands to the pid, %% to a percent sign.
// (lit needs %% for each % in a RUN line.)
// RUN: env BORROWSCOPE_OUTPUT=%t.dir/t-%%p-%%%%.trace %t > /dev/null
// RUN: ls %t.dir | grep -E '^t-[0-9]+-%%.trace$' | count 1
//
// Unwritable path: one line, same output, exit code 0.
// RUN: env BORROWSCOPE_OUTPUT=/nonexistent-dir/t.trace %t > out2.txt 2> err2.txt
// RUN: diff out.txt out2.txt
// RUN: FileCheck %s --check-prefix=UNWRITABLE < err2.txt
// RUN: count 1 < err2.txt
// UNWRITABLE: borrowscope: cannot write the trace to '/nonexistent-dir/t.trace': No such file or directory
//
// A directory as the path.
// RUN: env BORROWSCOPE_OUTPUT=%t.dir %t > /dev/null 2> err3.txt
// RUN: FileCheck %s --check-prefix=DIR < err3.txt
// DIR: borrowscope: cannot write the trace to '{{.*}}': Is a directory
//
// Invalid values: one line each, defaults used, trace still written.
// Words are case-insensitive; the line lists what is accepted.
// RUN: env BORROWSCOPE_OUTPUT=bad.trace BORROWSCOPE_BUFFER_EVENTS=lots BORROWSCOPE_VERBOSE=sure BORROWSCOPE_CLOCK=Exact %t > /dev/null 2> err4.txt
// RUN: FileCheck %s --check-prefix=INVALID < err4.txt
// RUN: count 2 < err4.txt
// RUN: %borrowscope export bad.trace -f json -o - | FileCheck %s --check-prefix=TRACE
// INVALID: borrowscope: ignoring BORROWSCOPE_VERBOSE='sure' (accepted: 1, on, true, yes, 0, off, false, no)
// INVALID-NEXT: borrowscope: ignoring BORROWSCOPE_BUFFER_EVENTS='lots' (accepted: a number from 128 to 16777216)
//
// Every word in any case; a value that is none of them gets one line each
// naming what is accepted (as docs/usage.md lists them), and the default.
// RUN: env BORROWSCOPE_VERBOSE=YES BORROWSCOPE_OUTPUT=w.trace %t > /dev/null 2> err7.txt
// RUN: FileCheck %s --check-prefix=YES < err7.txt
// YES: borrowscope: wrote 6 records to w.trace
// RUN: env BORROWSCOPE=maybe BORROWSCOPE_CLOCK=fast BORROWSCOPE_BUFFER_EVENTS=64 BORROWSCOPE_VERBOSE=True BORROWSCOPE_OUTPUT=m.trace %t > /dev/null 2> err8.txt
// RUN: FileCheck %s --check-prefix=REJECT < err8.txt
// RUN: count 4 < err8.txt
// REJECT: borrowscope: ignoring BORROWSCOPE='maybe' (accepted: 1, on, true, yes, 0, off, false, no)
// REJECT-NEXT: borrowscope: ignoring BORROWSCOPE_CLOCK='fast' (accepted: sync, exact)
// REJECT-NEXT: borrowscope: ignoring BORROWSCOPE_BUFFER_EVENTS='64' (accepted: a number from 128 to 16777216)
// REJECT-NEXT: borrowscope: wrote {{[0-9]+}} records to m.trace
//
// The compiler wrappers take the same words for BORROWSCOPE.
// RUN: env BORROWSCOPE=Off %bsclang -c %s -o plain.o 2> err9.txt
// RUN: count 0 < err9.txt
// RUN: llvm-nm plain.o | not grep __borrowscope
// RUN: env BORROWSCOPE=sometimes %bsclang -c %s -o traced.o 2> err10.txt
// RUN: FileCheck %s --check-prefix=WRAPPER < err10.txt
// RUN: count 1 < err10.txt
// RUN: llvm-nm traced.o | grep -c __borrowscope_register_module_v2
// WRAPPER: borrowscope: ignoring BORROWSCOPE='sometimes' (accepted: 1, on, true, yes, 0, off, false, no)
//
// BORROWSCOPE=off at run time: no trace, nothing printed.
// RUN: rm -f borrowscope-*.trace
// RUN: env BORROWSCOPE=OFF %t > /dev/null 2> err5.txt
// RUN: count 0 < err5.txt
// RUN: not ls borrowscope-*.trace
//
// Verbose: one line saying where the trace went.
// RUN: env BORROWSCOPE_VERBOSE=1 BORROWSCOPE_OUTPUT=v.trace %t > /dev/null 2> err6.txt
// RUN: FileCheck %s --check-prefix=VERBOSE < err6.txt
// VERBOSE: borrowscope: wrote {{[0-9]+}} records to v.trace

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
// p is read for the last time for the printf: its borrow ends there.
// TRACE-NEXT: "type":"Release",{{.*}}"var_name":"p"
// TRACE-NEXT: "type":"Drop",{{.*}}"var_name":"p"
// TRACE-NEXT: "type":"Drop",{{.*}}"var_name":"answer"
// TRACE-NEXT: ],"threads"
