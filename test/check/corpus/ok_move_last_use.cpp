// ok_move_last_use.cpp
// What: std::move used as the last use of each variable: into a by-value
//   parameter, into a container, into a return value, and as a member
//   initialiser; the moved-from variables then just go out of scope.
// Written from: "std::move on the last use" (what clang-tidy's
//   use-after-move accepts).
// Shape: everyday C++.
// Correct: nothing touches a moved-from object.
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

class Document {
public:
  explicit Document(std::string title) : title_(std::move(title)) {}
  std::size_t length() const { return title_.size(); }

private:
  std::string title_;
};

static std::string decorate(std::string s) {
  s.insert(0, "** ");
  return s;
}

int main() {
  std::string raw = "a title long enough to live on the heap";
  std::string fancy = decorate(std::move(raw));
  Document doc(std::move(fancy));
  std::vector<std::string> list;
  std::string item = "an item that is also rather long, for the heap";
  list.push_back(std::move(item));
  std::printf("%zu %zu\n", doc.length(), list.size());
  return 0;
}
