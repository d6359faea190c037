// ok_return_local_by_value.cpp
// What: functions return local std::string / std::vector / a struct by
//   value (NRVO, implicit move) and one returns std::move(local) of a
//   member-wise built object; callers keep the returned values.
// Written from: "return the local by value" (the fix for returning a
//   reference or view to a local).
// Shape: everyday C++.
// Correct: values, not addresses, leave the functions. No EXPECT lines.
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

struct Report {
  std::string title;
  std::vector<int> rows;
};

static std::string greeting(const std::string &name) {
  std::string s = "hello, ";
  s += name;
  return s;
}

static std::vector<int> squares(int n) {
  std::vector<int> v;
  for (int i = 1; i <= n; ++i)
    v.push_back(i * i);
  return v;
}

static Report make_report() {
  Report r;
  r.title = "squares";
  std::vector<int> rows = squares(4);
  r.rows = std::move(rows);
  return r;
}

int main() {
  std::string g = greeting("world");
  Report r = make_report();
  std::printf("%s / %s %zu %d\n", g.c_str(), r.title.c_str(), r.rows.size(), r.rows.back());
  return 0;
}
