// bug_dangling_line_buffer.c
// What: lines are split out of a text into a per-iteration local buffer and
//   the *pointer* to that buffer is saved in an outer table instead of a
//   copy (strdup); the table is read after the loop.
// Written from: "save pointers to a reused line buffer instead of copying the
//   lines" (a frequent beginner bug with fgets/strtok loops).
// Shape: CWE-416-like use of stack memory after its scope; Rust E0597.
// Seeded bug: one dangling_borrow, where the table takes the buffer.
#include <stdio.h>
#include <string.h>

static volatile char sink;

int main(void) {
  const char *text = "alpha\nbeta\ngamma\n";
  const char *lines[4];
  int n = 0;
  const char *p = text;
  while (*p && n < 4) {
    char line[16];
    size_t len = strcspn(p, "\n");
    if (len >= sizeof line)
      len = sizeof line - 1;
    memcpy(line, p, len);
    line[len] = '\0';
    lines[n++] = line; // EXPECT: dangling_borrow
    p += len + (p[len] == '\n');
  }
  for (int i = 0; i < n; ++i)
    sink = lines[i][0]; // USE: dangling_borrow
  printf("%d lines\n", n);
  return 0;
}
