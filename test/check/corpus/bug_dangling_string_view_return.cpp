// bug_dangling_string_view_return.cpp
// What: a helper builds a file extension in a local std::string and returns
//   a std::string_view over it.
// Written from: "string_view returned from a function, viewing a local
//   std::string" (the canonical string_view pitfall).
// Shape: CWE-562 via a view type; clang-tidy bugprone-dangling-handle;
//   Rust E0515 (returning &str borrowed from a local String).
// Seeded bug: one dangling_borrow, at the return statement.
#include <cctype>
#include <cstdio>
#include <string>
#include <string_view>

static volatile char sink;

static std::string_view lower_extension(std::string_view path) {
  std::string ext(path.substr(path.rfind('.') + 1));
  for (char &c : ext)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext; // EXPECT: dangling_borrow
}

int main() {
  std::string_view ext = lower_extension("Report.PDF");
  if (!ext.empty())
    sink = ext[0]; // USE: dangling_borrow
  std::printf("extension computed\n");
  return 0;
}
