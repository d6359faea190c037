// ok_strtok_r.c
// What: strtok_r splits a local, writable copy of a line; the tokens and
//   the save pointer point into that copy and are used while it lives;
//   counts are returned by value.
// Written from: "tokenising with strtok_r (save pointer as a
//   pointer-to-pointer out-parameter)".
// Shape: everyday POSIX C.
// Correct: nothing points into the buffer after the function returns.
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <string.h>

static int count_fields(const char *line, char sep, int *longest) {
  char buf[64];
  char delim[2] = {sep, '\0'};
  strncpy(buf, line, sizeof buf - 1);
  buf[sizeof buf - 1] = '\0';
  int n = 0;
  *longest = 0;
  char *save = NULL;
  for (char *tok = strtok_r(buf, delim, &save); tok; tok = strtok_r(NULL, delim, &save)) {
    int len = (int)strlen(tok);
    if (len > *longest)
      *longest = len;
    ++n;
  }
  return n;
}

int main(void) {
  int longest;
  int n = count_fields("name,address,city,zip", ',', &longest);
  printf("%d fields, longest %d\n", n, longest);
  return 0;
}
