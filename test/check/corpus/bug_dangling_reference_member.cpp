// bug_dangling_reference_member.cpp
// What: a Parser holds `const Config&`; make_parser() builds the Config as a
//   local and returns a Parser bound to it.
// Written from: "a class with a reference member bound to a local of the
//   function that returns the object".
// Shape: CWE-562 through a reference member (a common C++ review finding);
//   Rust E0515 (returns a value referencing data owned by the function).
// Seeded bug: one dangling_borrow, at the return statement.
#include <cstdio>

struct Config {
  int max_depth;
  bool strict;
};

struct Parser {
  const Config &cfg;
  int depth_limit() const { return cfg.max_depth; }
};

static volatile int sink;

static Parser make_parser(bool strict) {
  Config cfg{strict ? 8 : 64, strict};
  return Parser{cfg}; // EXPECT: dangling_borrow
}

int main() {
  Parser p = make_parser(true);
  sink = p.depth_limit(); // USE: dangling_borrow
  std::printf("parser ready\n");
  return 0;
}
