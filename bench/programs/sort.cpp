// Sorting: records sorted by key with std::sort, by name then key with
// std::sort, the top of the scores with std::partial_sort, and a
// hand-written merge sort on integers; several rounds.
// Usage: sort [SCALE_PERCENT]   Prints checksums.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

struct Record {
  std::string name;
  uint32_t key;
  double score;
};

uint32_t seed = 42;
uint32_t next_random() {
  seed = seed * 1664525u + 1013904223u;
  return seed >> 4;
}

std::vector<Record> make_records(size_t n) {
  static const char *const syllables[] = {"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi"};
  std::vector<Record> records;
  records.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    std::string name;
    for (int s = 0; s < 3; ++s)
      name += syllables[next_random() % 8];
    uint32_t key = next_random() % 100000;
    double score = double(next_random() % 1000000) / 997.0;
    records.push_back({std::move(name), key, score});
  }
  return records;
}

void merge_sort(std::vector<int> &v, std::vector<int> &tmp, size_t lo, size_t hi) {
  if (hi - lo < 2)
    return;
  size_t mid = lo + (hi - lo) / 2;
  merge_sort(v, tmp, lo, mid);
  merge_sort(v, tmp, mid, hi);
  size_t i = lo, j = mid, k = lo;
  while (i < mid && j < hi)
    tmp[k++] = v[j] < v[i] ? v[j++] : v[i++];
  while (i < mid)
    tmp[k++] = v[i++];
  while (j < hi)
    tmp[k++] = v[j++];
  std::copy(tmp.begin() + long(lo), tmp.begin() + long(hi), v.begin() + long(lo));
}

} // namespace

int main(int argc, char **argv) {
  int scale = argc > 1 ? std::atoi(argv[1]) : 100;
  size_t n = size_t(80000) * size_t(scale) / 100 + 1;
  uint64_t checksum = 0;
  for (int round = 0; round < 6; ++round) {
    std::vector<Record> records = make_records(n);
    std::sort(records.begin(), records.end(),
              [](const Record &a, const Record &b) { return a.key < b.key; });
    checksum = checksum * 31 + records[n / 2].key;
    std::sort(records.begin(), records.end(), [](const Record &a, const Record &b) {
      int order = a.name.compare(b.name);
      return order < 0 || (order == 0 && a.key < b.key);
    });
    checksum = checksum * 31 + records[n / 3].key;
    size_t top = std::min<size_t>(100, n);
    std::partial_sort(records.begin(), records.begin() + long(top), records.end(),
                      [](const Record &a, const Record &b) { return a.score > b.score; });
    checksum = checksum * 31 + uint64_t(records[0].score * 1000);

    std::vector<int> values(n * 8), tmp(n * 8);
    for (int &v : values)
      v = int(next_random() % 1000000);
    merge_sort(values, tmp, 0, values.size());
    for (size_t i = 0; i < values.size(); i += values.size() / 16 + 1)
      checksum = checksum * 31 + uint64_t(values[i]);
  }
  std::printf("sorted %zu records, checksum %llu\n", n, (unsigned long long)checksum);
  return 0;
}
