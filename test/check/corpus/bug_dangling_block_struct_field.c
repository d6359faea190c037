// bug_dangling_block_struct_field.c
// What: a configuration struct declared at the top of main gets its name
//   field pointed at a char array declared inside an if-block; the name's first
//   letter is read after the block ended.
// Written from: "a struct that outlives a block keeps a pointer to a buffer
//   declared in that block (a default name built only on one path)".
// Shape: CWE-416-like use of stack memory after its scope; Rust E0597
//   (borrowed value does not live long enough).
// Seeded bug: one dangling_borrow, at the store into the struct field.
#include <stdio.h>

struct config {
  const char *name;
  int verbose;
};

static volatile char sink;

int main(int argc, char **argv) {
  struct config cfg = {"default", 0};
  (void)argv;
  if (argc < 5) {
    char generated[24];
    snprintf(generated, sizeof generated, "run-%d", argc);
    cfg.name = generated; // EXPECT: dangling_borrow
    cfg.verbose = 1;
  }
  sink = cfg.name[0]; // USE: dangling_borrow
  printf("verbose=%d\n", cfg.verbose);
  return 0;
}
