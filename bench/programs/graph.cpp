// Graphs and trees: a random weighted graph searched with Dijkstra
// (std::priority_queue) and BFS from several sources, and a binary search
// tree of unique_ptr nodes filled, queried and measured recursively.
// Usage: graph [SCALE_PERCENT]   Prints distances and tree facts.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <limits>
#include <memory>
#include <queue>
#include <utility>
#include <vector>

namespace {

uint32_t seed = 99;
uint32_t next_random() {
  seed = seed * 1103515245u + 12345u;
  return (seed >> 8) & 0xffffff;
}

struct Edge {
  uint32_t to;
  uint32_t weight;
};

using Graph = std::vector<std::vector<Edge>>;

Graph make_graph(uint32_t nodes, uint32_t degree) {
  Graph g(nodes);
  for (uint32_t from = 0; from < nodes; ++from)
    for (uint32_t k = 0; k < degree; ++k) {
      Edge e{next_random() % nodes, 1 + next_random() % 100};
      g[from].push_back(e);
    }
  return g;
}

uint64_t dijkstra(const Graph &g, uint32_t source) {
  const uint64_t infinity = std::numeric_limits<uint64_t>::max();
  std::vector<uint64_t> dist(g.size(), infinity);
  using Item = std::pair<uint64_t, uint32_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<Item>> queue;
  dist[source] = 0;
  queue.push({0, source});
  while (!queue.empty()) {
    auto [d, node] = queue.top();
    queue.pop();
    if (d != dist[node])
      continue;
    for (const Edge &e : g[node]) {
      uint64_t candidate = d + e.weight;
      if (candidate < dist[e.to]) {
        dist[e.to] = candidate;
        queue.push({candidate, e.to});
      }
    }
  }
  uint64_t sum = 0;
  for (uint64_t d : dist)
    if (d != infinity)
      sum += d;
  return sum;
}

uint32_t bfs_depth(const Graph &g, uint32_t source) {
  std::vector<uint32_t> level(g.size(), 0);
  std::vector<bool> seen(g.size(), false);
  std::queue<uint32_t> queue;
  queue.push(source);
  seen[source] = true;
  uint32_t deepest = 0;
  while (!queue.empty()) {
    uint32_t node = queue.front();
    queue.pop();
    for (const Edge &e : g[node])
      if (!seen[e.to]) {
        seen[e.to] = true;
        level[e.to] = level[node] + 1;
        deepest = std::max(deepest, level[e.to]);
        queue.push(e.to);
      }
  }
  return deepest;
}

struct Node {
  uint32_t key;
  std::unique_ptr<Node> left, right;
  explicit Node(uint32_t k) : key(k) {}
};

void insert(std::unique_ptr<Node> &root, uint32_t key) {
  std::unique_ptr<Node> *slot = &root;
  while (*slot) {
    Node &n = **slot;
    if (key == n.key)
      return;
    slot = key < n.key ? &n.left : &n.right;
  }
  *slot = std::make_unique<Node>(key);
}

bool contains(const Node *n, uint32_t key) {
  while (n && n->key != key)
    n = key < n->key ? n->left.get() : n->right.get();
  return n != nullptr;
}

uint32_t height(const Node *n) {
  if (!n)
    return 0;
  uint32_t l = height(n->left.get()), r = height(n->right.get());
  return 1 + (l > r ? l : r);
}

} // namespace

int main(int argc, char **argv) {
  int scale = argc > 1 ? std::atoi(argv[1]) : 100;
  uint32_t nodes = uint32_t(60000 * scale / 100 + 10);
  Graph g = make_graph(nodes, 6);
  uint64_t distances = 0;
  uint32_t depth = 0;
  for (uint32_t s = 0; s < 8; ++s) {
    distances += dijkstra(g, s * 7 % nodes);
    depth = std::max(depth, bfs_depth(g, s * 13 % nodes));
  }
  std::unique_ptr<Node> root;
  for (uint32_t i = 0; i < nodes * 10; ++i)
    insert(root, next_random() % (nodes * 20));
  uint32_t found = 0;
  for (uint32_t i = 0; i < nodes * 10; ++i)
    found += contains(root.get(), next_random() % (nodes * 20));
  std::printf("distances %llu depth %u tree height %u found %u\n",
              (unsigned long long)distances, depth, height(root.get()), found);
  return 0;
}
