// The compiler-side switches take the words the wrappers and the runtime
// take, in any case; another value gets one line listing them and the
// default. Off means the plugin registers nothing.
//
// RUN: env BORROWSCOPE=OFF %clang -O1 -g -fpass-plugin=%plugin -c %s -o %t.o 2>&1 | count 0
// RUN: nm %t.o | not grep borrowscope
// RUN: env BORROWSCOPE=Off %clang -O1 -g -fpass-plugin=%plugin -c %s -o %t.o 2>&1 | count 0
// RUN: nm %t.o | not grep borrowscope
// RUN: env BORROWSCOPE=no %clang -O1 -g -fpass-plugin=%plugin -c %s -o %t.o 2>&1 | count 0
// RUN: nm %t.o | not grep borrowscope
// RUN: env BORROWSCOPE=FALSE %clang -O1 -g -fpass-plugin=%plugin -c %s -o %t.o 2>&1 | count 0
// RUN: nm %t.o | not grep borrowscope
// RUN: env BORROWSCOPE=0 %clang -O1 -g -fpass-plugin=%plugin -c %s -o %t.o 2>&1 | count 0
// RUN: nm %t.o | not grep borrowscope
// RUN: env BORROWSCOPE=ON %clang -O1 -g -fpass-plugin=%plugin -c %s -o %t.o 2>&1 | count 0
// RUN: nm %t.o | grep -q __borrowscope_site_base
// RUN: env BORROWSCOPE=yes %clang -O1 -g -fpass-plugin=%plugin -c %s -o %t.o 2>&1 | count 0
// RUN: nm %t.o | grep -q __borrowscope_site_base
// RUN: env BORROWSCOPE=True %clang -O1 -g -fpass-plugin=%plugin -c %s -o %t.o 2>&1 | count 0
// RUN: nm %t.o | grep -q __borrowscope_site_base
// RUN: env BORROWSCOPE=1 %clang -O1 -g -fpass-plugin=%plugin -c %s -o %t.o 2>&1 | count 0
// RUN: nm %t.o | grep -q __borrowscope_site_base
// RUN: env BORROWSCOPE=maybe %clang -O1 -g -fpass-plugin=%plugin -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=BAD --match-full-lines
// RUN: nm %t.o | grep -q __borrowscope_site_base
// BAD: borrowscope: ignoring BORROWSCOPE='maybe' (accepted: 1, on, true, yes, 0, off, false, no)
//
// RUN: env BORROWSCOPE_SYSTEM_HEADERS=2 %clang -O1 -g -fpass-plugin=%plugin -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=HEADERS --match-full-lines
// HEADERS: borrowscope: ignoring BORROWSCOPE_SYSTEM_HEADERS='2' (accepted: 1, on, true, yes, 0, off, false, no)
// RUN: env BORROWSCOPE_SYSTEM_HEADERS=Yes %clang -O1 -g -fpass-plugin=%plugin -c %s -o %t.o 2>&1 | count 0

void use(int *p);

int f(void) {
  int x = 1;
  use(&x);
  return x;
}
