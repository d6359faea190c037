// bug_move_rvalue_method.cpp
// What: a QueryBuilder has an rvalue-qualified build() && that moves its
//   parts out; the caller calls std::move(builder).build() and then adds
//   another clause to the moved-from builder.
// Written from: "calling a &&-qualified member through std::move(x) and
//   then using x" (clang-tidy bugprone-use-after-move treats
//   std::move(x).f() as a move of x).
// Shape: use after move (Rust E0382: `self` taken by value).
// Seeded bug: one use_after_move, at the member call after build().
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

class QueryBuilder {
public:
  QueryBuilder &where(std::string clause) {
    clauses_.push_back(std::move(clause));
    return *this;
  }
  std::vector<std::string> build() && { return std::move(clauses_); }
  std::size_t size() const { return clauses_.size(); }

private:
  std::vector<std::string> clauses_;
};

int main() {
  QueryBuilder builder;
  builder.where("age > 30").where("city = 'Oslo'");
  std::vector<std::string> query = std::move(builder).build();
  builder.where("active = 1"); // EXPECT: use_after_move
  std::printf("query %zu, leftover %zu\n", query.size(), builder.size());
  return 0;
}
