// ok_optional.cpp
// What: std::optional as a return value, value_or(), emplace(), reset(),
//   and a reference to the contained value used while the optional lives.
// Written from: "std::optional".
// Shape: everyday C++17.
// Correct: every access to the contained value happens while the optional
//   is engaged and alive. No EXPECT lines.
#include <cstdio>
#include <optional>
#include <string>

static std::optional<int> parse_port(const std::string &s) {
  if (s.empty() || s.size() > 5)
    return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9')
      return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

int main() {
  std::optional<int> a = parse_port("8080");
  std::optional<int> b = parse_port("http");
  std::optional<std::string> host;
  host.emplace("localhost");
  std::string &h = *host;
  h += ":";
  h += std::to_string(a.value_or(80));
  std::printf("%s %d\n", host->c_str(), b.value_or(-1));
  host.reset();
  std::printf("engaged %d\n", host.has_value());
  return 0;
}
