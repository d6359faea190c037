// ok_reference_member_scoped.cpp
// What: a Parser object holding `const Config&` and a Writer holding
//   `std::string&` are declared after the objects they refer to, in the
//   same scope, and destroyed first.
// Written from: "a class with a reference member bound to a local that
//   outlives the object" (the correct version of reference-member bugs).
// Shape: everyday C++ (dependency injection by reference).
// Correct: the reference members never outlive their referents.
#include <cstdio>
#include <string>

struct Config {
  int indent;
};

class Writer {
public:
  Writer(const Config &cfg, std::string &out) : cfg_(cfg), out_(out) {}
  void line(const char *text) {
    out_.append(static_cast<std::size_t>(cfg_.indent), ' ');
    out_ += text;
    out_ += '\n';
  }

private:
  const Config &cfg_;
  std::string &out_;
};

int main() {
  Config cfg{2};
  std::string out;
  {
    Writer w(cfg, out);
    w.line("first");
    w.line("second");
  }
  std::printf("%zu bytes\n%s", out.size(), out.c_str());
  return 0;
}
