// For long_types.test: a range-for over a map whose type is thousands of
// characters long (the __range1 of the loop has it too).
#include <cstdio>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

using Inner = std::unordered_map<int, std::pair<std::string, std::vector<std::map<std::string, std::wstring>>>>;

int main() {
  std::map<std::string, std::vector<std::pair<std::string, Inner>>> table;
  table["a"].push_back({"b", Inner{}});
  std::size_t n = 0;
  for (const auto &entry : table)
    n += entry.second.size();
  std::printf("%zu\n", n);
  return 0;
}
