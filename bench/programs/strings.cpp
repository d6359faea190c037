// String processing: generates text from syllables, splits it into words,
// counts them in an unordered_map, ranks the most frequent, and rewrites the
// text (capitalize, reverse words, replace a pattern); several rounds.
// Usage: strings [SCALE_PERCENT]   Prints the top words and a checksum.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace {

uint32_t seed = 7;
uint32_t next_random() {
  seed = seed * 22695477u + 1u;
  return seed >> 10;
}

std::string make_text(size_t words) {
  static const char *const syllables[] = {"an", "be", "co", "de", "el", "fa",
                                          "gi", "ho", "in", "ju", "ka", "lu"};
  std::string text;
  for (size_t i = 0; i < words; ++i) {
    int length = 1 + int(next_random() % 3);
    for (int s = 0; s < length; ++s)
      text += syllables[next_random() % 12];
    text += (i % 17 == 16) ? ".\n" : " ";
  }
  return text;
}

std::vector<std::string_view> split(std::string_view text) {
  std::vector<std::string_view> words;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    bool boundary = i == text.size() || text[i] == ' ' || text[i] == '.' || text[i] == '\n';
    if (boundary) {
      if (i > start)
        words.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  return words;
}

std::string capitalize(std::string_view word) {
  std::string out(word);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z')
    out[0] = char(out[0] - 'a' + 'A');
  return out;
}

std::string replace_all(const std::string &text, std::string_view from, std::string_view to) {
  std::string out;
  out.reserve(text.size());
  size_t at = 0;
  for (size_t hit; (hit = text.find(from, at)) != std::string::npos; at = hit + from.size()) {
    out.append(text, at, hit - at);
    out.append(to);
  }
  out.append(text, at, std::string::npos);
  return out;
}

uint64_t hash(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (char c : s)
    h = (h ^ uint8_t(c)) * 1099511628211ull;
  return h;
}

} // namespace

int main(int argc, char **argv) {
  int scale = argc > 1 ? std::atoi(argv[1]) : 100;
  size_t words = size_t(60000) * size_t(scale) / 100 + 1;
  uint64_t checksum = 0;
  std::vector<std::pair<std::string, int>> ranked;
  for (int round = 0; round < 48; ++round) {
    std::string text = make_text(words);
    std::vector<std::string_view> list = split(text);
    std::unordered_map<std::string, int> counts;
    for (std::string_view w : list)
      ++counts[std::string(w)];
    ranked.assign(counts.begin(), counts.end());
    size_t top = std::min<size_t>(5, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + long(top), ranked.end(),
                      [](const auto &a, const auto &b) {
                        return a.second > b.second || (a.second == b.second && a.first < b.first);
                      });
    std::string rewritten;
    for (std::string_view w : list) {
      std::string c = capitalize(w);
      std::reverse(c.begin(), c.end());
      rewritten += c;
      rewritten += ' ';
    }
    std::string replaced = replace_all(rewritten, "ak", "<ak>");
    checksum = checksum * 31 + hash(replaced) + list.size();
  }
  std::printf("top:");
  for (size_t i = 0; i < std::min<size_t>(5, ranked.size()); ++i)
    std::printf(" %s=%d", ranked[i].first.c_str(), ranked[i].second);
  std::printf("\nchecksum %llu\n", (unsigned long long)checksum);
  return 0;
}
