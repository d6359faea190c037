// ok_c_str_refetch.cpp
// What: a path builder calls a C function with path.c_str() after each
//   append, always fetching c_str() anew instead of keeping the old pointer.
// Written from: "a pointer into a std::string re-taken after every
//   modification" (the fix for c_str invalidation).
// Shape: everyday C++ at a C API boundary.
// Correct: no pointer from c_str() is used after the string changes.
#include <cstdio>
#include <cstring>
#include <string>

static std::size_t c_api_length(const char *s) { return std::strlen(s); }

int main() {
  std::string path = "/var";
  std::size_t total = c_api_length(path.c_str());
  const char *parts[] = {"/lib", "/borrowscope", "/traces", "/2024-06-01-long-name"};
  for (const char *part : parts) {
    path += part;
    const char *p = path.c_str();
    total += c_api_length(p);
  }
  std::printf("%zu %zu\n", total, path.size());
  return 0;
}
