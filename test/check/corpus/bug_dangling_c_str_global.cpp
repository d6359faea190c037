// bug_dangling_c_str_global.cpp
// What: set_user() builds the user name in a local std::string and saves
//   its c_str() in a global `const char*` used by a C-style API later.
// Written from: "keeping .c_str() of a local std::string after the string
//   is destroyed" (frequent at C/C++ API boundaries).
// Shape: CWE-416 (the string's buffer is freed with it); clang-analyzer
//   cplusplus.InnerPointer; Rust E0597.
// Seeded bug: one dangling_borrow, at the store of c_str() into the global.
#include <cstdio>
#include <string>

static const char *g_user_name;
static volatile char sink;

static void set_user(int id) {
  std::string name = "account-holder-number-" + std::to_string(id);
  g_user_name = name.c_str(); // EXPECT: dangling_borrow
}

int main() {
  set_user(1234);
  if (g_user_name)
    sink = g_user_name[0]; // USE: dangling_borrow
  std::printf("user set\n");
  return 0;
}
