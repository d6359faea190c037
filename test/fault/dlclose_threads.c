// dlclose of an instrumented library while other threads record: two
// threads of the program record all the time while the main thread loads an
// instrumented library, calls it and unloads it, 40 times. Every event is
// kept (exact counts per thread), the library's events keep their names
// after the unload, and the run ends as the plain one does.
//
// RUN: rm -rf %t.d && mkdir %t.d
// RUN: %bsclang -O1 -fPIC -shared %S/Inputs/unloaded_lib.c -o %t.d/lib.so
// RUN: %clang -O1 -fPIC -shared %S/Inputs/unloaded_lib.c -o %t.d/lib.plain.so
// RUN: %bsclang -O1 -pthread %s -ldl -o %t && %clang -O1 -pthread %s -ldl -o %t.plain
// The program picks the library built as it was: lib.so or lib.plain.so.
// RUN: %fault-run %t.plain %t %t.d/main.trace -- %t.d | FileCheck %s --check-prefix=ENDED
// ENDED: ended: exit 0, as plain
// ENDED-NEXT: output: as plain
// RUN: %t %t.d | FileCheck %s --check-prefix=OUT
// OUT: sum 2600, unloaded 40 times
// ENDED-NEXT: trace: ended by exit 0
//
// Threads 2 and 3: 5 000 x (New, Borrow, Drop) each. Thread 1 (main): per
// load 10 x the same of `step` in the library, 40 x 30 in all (its own
// locals vary with what the model makes of dlopen and dlsym).
// RUN: %trace-summary --threads %t.d/main.trace | FileCheck %s --check-prefix=COUNTS
// COUNTS: thread 1:
// COUNTS-NEXT: thread 2: New=5000 Borrow=5000 Drop=5000 Move=0 listed=15000
// COUNTS-NEXT: thread 3: New=5000 Borrow=5000 Drop=5000 Move=0 listed=15000
// COUNTS-NEXT: total [[#]] event_count=[[#]] lost=0
// RUN: %trace-summary %t.d/main.trace > %t.d/events.txt
// RUN: grep -c '^New step .* in unloaded_work at-address$' %t.d/events.txt | grep -x 400
// RUN: grep -c '^Borrow step .* by bump - (call, mutable) line 8$' %t.d/events.txt | grep -x 400
// RUN: grep -c '^Drop step .* in unloaded_work$' %t.d/events.txt | grep -x 400
// RUN: %trace-summary --check %t.d/main.trace | FileCheck %s --check-prefix=CHECK
// CHECK: ok: [[#]] events, 0 never dropped
//
// The unloaded library's variable is named, with its function and file.
// RUN: %borrowscope report %t.d/main.trace | FileCheck %s --check-prefix=REPORT
// REPORT: unloaded_work  {{.*}}Inputs/unloaded_lib.c
// REPORT-NEXT: variables
// REPORT-NEXT: step  int  7:9  ×400

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

__attribute__((noinline)) static void touch(int *p) { *p += 1; }

static int rounds = 0; // loads and unloads done by the main thread

// Batch k of 125 iterations waits for round k: the recording overlaps the
// loads and unloads, whatever the scheduler does.
static void *recorder(void *arg) {
  (void)arg;
  for (int i = 0; i < 5000; ++i) {
    while (__atomic_load_n(&rounds, __ATOMIC_ACQUIRE) < i / 125)
      ;
    int tick = i;
    touch(&tick);
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
#ifdef __BORROWSCOPE__
  const char *name = "lib.so";
#else
  const char *name = "lib.plain.so";
#endif
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", argv[1], name);
  pthread_t t[2];
  for (int i = 0; i < 2; ++i)
    pthread_create(&t[i], 0, recorder, 0);
  long sum = 0;
  int unloaded = 0;
  for (int round = 0; round < 40; ++round) {
    void *lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
      printf("dlopen: %s\n", dlerror());
      return 1;
    }
    int (*work)(int) = (int (*)(int))dlsym(lib, "unloaded_work");
    sum += work(10);
    dlclose(lib);
    void *again = dlopen(path, RTLD_NOW | RTLD_NOLOAD);
    if (again)
      dlclose(again);
    else
      ++unloaded; // really gone from the process
    __atomic_store_n(&rounds, round + 1, __ATOMIC_RELEASE);
  }
  for (int i = 0; i < 2; ++i)
    pthread_join(t[i], 0);
  printf("sum %ld, unloaded %d times\n", sum, unloaded);
  return 0;
}
