// A program and its instrumented shared libraries share one runtime and write
// one trace: a library linked at build time, and one loaded with dlopen and
// unloaded with dlclose before exit (its names must survive the unload).
//
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: env BORROWSCOPE_VARIABLES=all %bsclang -O2 -fPIC -shared %S/Inputs/counter_lib.c -o %t.dir/libcounter.so
// RUN: env BORROWSCOPE_VARIABLES=all %bsclang -O2 -fPIC -shared -DRENAME %S/Inputs/counter_lib.c -Dlib_sum=plugin_sum -o %t.dir/plugin.so
// RUN: env BORROWSCOPE_VARIABLES=all %bsclang -O2 %s -L%t.dir -lcounter -Wl,-rpath,%t.dir -ldl -o %t.dir/main
// RUN: env BORROWSCOPE_OUTPUT=%t.dir/trace.trace %t.dir/main %t.dir/plugin.so | FileCheck %s --check-prefix=OUT
// RUN: %borrowscope export %t.dir/trace.trace -f json -o - | FileCheck %s
// RUN: %trace-summary --check %t.dir/trace.trace
// One runtime in the process.
// RUN: ldd %t.dir/main | grep -c libborrowscope_rt | FileCheck %s --check-prefix=ONE
// ONE: 1

#include <dlfcn.h>
#include <stdio.h>

int lib_sum(int n);

int main(int argc, char **argv) {
  (void)argc;
  int linked = lib_sum(3);
  void *handle = dlopen(argv[1], RTLD_NOW);
  if (!handle) {
    printf("dlopen failed: %s\n", dlerror());
    return 1;
  }
  int (*plugin)(int) = (int (*)(int))dlsym(handle, "plugin_sum");
  int loaded = plugin(2);
  dlclose(handle);
  printf("%d %d\n", linked, loaded);
  return 0;
}

// OUT: 6 3
// CHECK: "events":[
// CHECK: "type":"New",{{.*}}"function":"main","var_name":"linked"
// CHECK: "type":"New",{{.*}}"location":"{{.*}}counter_lib.c:5:7","function":"lib_sum","var_name":"total","type_name":"int"}
// CHECK: "type":"Borrow",{{.*}}"function":"lib_sum","borrower_name":"add","borrower_kind":"call","owner_name":"total"
// CHECK: "type":"New",{{.*}}"function":"plugin_sum","var_name":"total","type_name":"int"}
// CHECK: "type":"Drop",{{.*}}"function":"plugin_sum","var_name":"total"
// CHECK: "type":"Drop",{{.*}}"function":"main","var_name":"linked"
// CHECK: "lost_events":0,"complete":true,
