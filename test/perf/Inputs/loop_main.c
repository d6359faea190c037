// Uninstrumented main for the shared-library case: all events come from work()
// in the instrumented library.
#include <stdio.h>
#include <stdlib.h>
int work(int n);
int main(int argc, char **argv) {
  printf("%d\n", work(argc > 1 ? atoi(argv[1]) : 1000));
  return 0;
}
