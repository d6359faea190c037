/* For hostile_terminal.test: a file name that holds what a terminal would
   act on (an OSC title sequence, a bell, a screen clear, a newline that
   starts a forged line, a right-to-left override, a byte that is not
   UTF-8), and a dangling borrow so that `check` quotes it. */
#line 1 "ev\x1b]0;pwned\x07il\x1b[2J\nFORGED: \xe2\x80\xaetxt\xff.c"
#include <stdio.h>

static int *last_seen;

static void remember(int v) {
  int copy = v;
  last_seen = &copy;
}

int main(void) {
  remember(7);
  printf("%d\n", last_seen != NULL);
  return 0;
}
