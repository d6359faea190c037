// bug_dangling_return_addr.c
// What: a helper that counts the vowels of a word returns a pointer to its
//   local counter; the caller reads the count through that pointer.
// Written from: "a function computes a result in a local variable and returns
//   its address instead of the value (or a caller-provided slot)".
// Shape: CWE-562 Return of Stack Variable Address; Rust E0515.
// Seeded bug: one dangling_borrow, at the return statement.
#include <stdio.h>
#include <string.h>

static volatile int sink;

static int *count_vowels(const char *word) {
  int count = 0;
  for (size_t i = 0; i < strlen(word); ++i)
    if (strchr("aeiou", word[i]))
      ++count;
  return &count; // EXPECT: dangling_borrow
}

int main(void) {
  const char *words[] = {"borrow", "checker", "lifetime"};
  for (int i = 0; i < 3; ++i) {
    int *n = count_vowels(words[i]);
    sink = *n; // USE: dangling_borrow
  }
  printf("counted %d words\n", 3);
  return 0;
}
