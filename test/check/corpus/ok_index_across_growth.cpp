// ok_index_across_growth.cpp
// What: a graph builder remembers node *indices* (not references) across
//   push_back, and re-takes a reference after the vector stopped growing.
// Written from: "use indices across push_back instead of references" (the
//   standard fix for invalidation bugs).
// Shape: everyday C++ (arena/index-based graphs, as Rust code does too).
// Correct: no reference into the vector lives across a growth.
#include <cstdio>
#include <vector>

struct Node {
  int value;
  std::vector<std::size_t> edges;
};

int main() {
  std::vector<Node> nodes;
  std::size_t root = nodes.size();
  nodes.push_back({1, {}});
  for (int i = 2; i <= 6; ++i) {
    std::size_t child = nodes.size();
    nodes.push_back({i, {}});
    nodes[root].edges.push_back(child);
  }
  const std::vector<Node> &view = nodes;
  const Node &r = view[root];
  int sum = r.value;
  for (std::size_t e : r.edges)
    sum += view[e].value;
  std::printf("%zu nodes, sum %d\n", nodes.size(), sum);
  return 0;
}
