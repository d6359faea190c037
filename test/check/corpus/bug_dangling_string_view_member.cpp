// bug_dangling_string_view_member.cpp
// What: a tokenizer stores std::string_view tokens in a vector that lives in
//   main, but each token views a std::string built inside the loop body.
// Written from: "a std::string_view over a local std::string kept in a
//   struct that outlives it".
// Shape: CWE-416-like use after the viewed string died; Rust E0597.
// Seeded bug: one dangling_borrow, where the struct takes the view.
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

struct Token {
  std::string_view text;
  int line;
};

static volatile char sink;

int main() {
  std::vector<Token> tokens;
  const char *words[] = {"identifier_with_a_long_name", "another_quite_long_word"};
  for (int i = 0; i < 2; ++i) {
    std::string word = std::string(words[i]) + "_suffix";
    Token tok;
    tok.text = word; // EXPECT: dangling_borrow
    tok.line = i + 1;
    tokens.push_back(tok);
  }
  for (const Token &t : tokens)
    sink = t.text[0]; // USE: dangling_borrow
  std::printf("%zu tokens\n", tokens.size());
  return 0;
}
