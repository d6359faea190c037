// bug_dangling_temporary_view.cpp
// What: a std::string_view is initialised from the result of a string
//   concatenation (a temporary std::string) and read on the next line.
// Written from: "string_view bound to a temporary std::string that is
//   destroyed at the end of the full-expression".
// Shape: CWE-416-like; clang -Wdangling-gsl and clang-tidy
//   bugprone-dangling-handle document exactly this; Rust E0716 (temporary
//   value dropped while borrowed).
// Seeded bug: one dangling_borrow, at the declaration of the view.
#include <cstdio>
#include <string>
#include <string_view>

static volatile char sink;

int main(int argc, char **) {
  std::string base = "configuration_directory_for_the_application";
  std::string_view full = base + "/settings" + std::to_string(argc); // EXPECT: dangling_borrow
  if (!full.empty())
    sink = full[0]; // USE: dangling_borrow
  std::printf("path built\n");
  return 0;
}
