// For raw_plugin_docs.test and install.test: a pointer borrows a local.
#include <stdio.h>

int main(void) {
  int x = 42;
  int *p = &x;
  printf("%d\n", *p);
  return 0;
}
