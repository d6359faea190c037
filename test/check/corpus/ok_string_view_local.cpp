// ok_string_view_local.cpp
// What: std::string_view parameters and locals viewing std::strings that
//   outlive them: splitting a path, comparing prefixes, counting words.
// Written from: "std::string_view over locals used only within scope".
// Shape: everyday C++17.
// Correct: every view dies before (or with) the string it views.
#include <cstdio>
#include <string>
#include <string_view>

static bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

static int count_words(std::string_view s) {
  int n = 0;
  bool in_word = false;
  for (char c : s) {
    if (c == ' ')
      in_word = false;
    else if (!in_word) {
      in_word = true;
      ++n;
    }
  }
  return n;
}

int main() {
  std::string path = "/usr/local/share/doc/readme.txt";
  std::string_view view = path;
  std::string_view file = view.substr(view.rfind('/') + 1);
  std::string sentence = "the quick brown fox";
  std::printf("%.*s %d %d\n", static_cast<int>(file.size()), file.data(), starts_with(path, "/usr"),
              count_words(sentence));
  return 0;
}
