// The ownership graph for Graphviz by declaration (`export -f dot`, the
// default): a sink that folds the events into one node per declaration and
// one edge per (borrower, owner, kind) with a count, as the trace is read.
// It keeps only the live instances (to find owners by id and by address), so
// its memory does not grow with the trace; the per-instance graph
// (`--instances`) is export_dot on the whole model.
#ifndef BORROWSCOPE_TOOL_DOT_GRAPH_H
#define BORROWSCOPE_TOOL_DOT_GRAPH_H

#include "Output.h"
#include "StringTable.h"
#include "TraceReader.h"

#include <array>
#include <cstdint>
#include <map>
#include <unordered_map>
#include <vector>

namespace borrowscope {

/// Past these, the lightest nodes and edges are left out (the graph label
/// says how many) so that Graphviz always lays the graph out in seconds.
/// Random edges across clusters cost dot 2.42 most: 400 among 200 nodes took
/// 22 s, 250 among 150 (these caps) 2.5 s at worst of three seeds.
struct DotLimits {
  size_t max_nodes = 150;
  size_t max_edges = 250;
};

class DotGraphBuilder : public TraceSink {
public:
  explicit DotGraphBuilder(DotLimits limits = {}) : limits_(limits) {}
  void on_header(const TraceHeader &h) override { program_ = h.program; }
  void on_event(const Event &e) override;
  void on_trailer(const TraceTrailer &) override {}
  void write(Output &out) const;

private:
  /// A declaration (thread, function, name, location), or a borrower that is
  /// not a variable (kind, name): a call, a return, memory.
  struct Node {
    uint64_t thread = 0;
    StrId function = 0, name = 0, type = 0, location = 0;
    uint64_t instances = 0, dropped = 0;
    bool other = false;
    BorrowerKind kind = BorrowerKind::Unknown;
  };
  /// Edge kinds: the four borrow kinds (Mutability), then moves.
  static constexpr size_t edge_kinds = 5, move_edge = 4;
  struct Live {
    uint64_t id, size;
    uint32_t node;
  };
  using Key = std::array<uint64_t, 5>;
  struct KeyHash {
    size_t operator()(const Key &k) const;
  };

  uint32_t node(const Key &key, const Node &init);
  uint32_t declaration(const Event &e, std::string_view name);
  uint32_t instance(uint64_t id, const Event &e, std::string_view name);
  uint32_t owner_at(uint64_t address) const;
  void add_edge(uint32_t from, uint32_t to, size_t kind);

  DotLimits limits_;
  std::string program_;
  StringTable strings_;
  std::vector<Node> nodes_; ///< in order of first appearance
  std::unordered_map<Key, uint32_t, KeyHash> node_by_key_;
  struct LiveId {
    uint32_t node;
    bool addressed;
    uint64_t address;
  };
  std::unordered_map<uint64_t, LiveId> live_; ///< live instance id -> node
  std::map<uint64_t, Live> by_address_; ///< live instances, by start address
  std::unordered_map<uint64_t, std::array<uint64_t, edge_kinds>> edges_;
  uint64_t borrows_ = 0, moves_ = 0, unresolved_ = 0;
};

} // namespace borrowscope

#endif
