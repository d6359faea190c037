// Uninstrumented main for the shared-library case: all events come from work()
// in the instrumented library.
#include <stdio.h>
int work(int n);
int main(void) {
  printf("%d\n", work(1000));
  return 0;
}
