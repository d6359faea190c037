// The dot graph by declaration (DotGraph.h): events folded as they are read,
// the graph written at the end, heaviest nodes and edges first past the caps.
#include "DotGraph.h"
#include "DotText.h"
#include "Names.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>

namespace borrowscope {

using namespace dot;

namespace {
constexpr uint32_t no_node = UINT32_MAX;
constexpr uint64_t declaration_key = 0, other_key = 1;

// Thicker with the count, but slowly: a loop's million borrows must not
// swallow the picture.
std::string penwidth(double base, uint64_t count) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f",
                std::min(base + 1.5 * std::log10(double(count)), 12.0));
  return buf;
}

std::string times(uint64_t n) { return n > 1 ? " ×" + std::to_string(n) : ""; }
} // namespace

size_t DotGraphBuilder::KeyHash::operator()(const Key &k) const {
  uint64_t h = 0xcbf29ce484222325u;
  for (uint64_t v : k) {
    h ^= v;
    h *= 0x100000001b3u;
    h ^= h >> 29;
  }
  return size_t(h);
}

uint32_t DotGraphBuilder::node(const Key &key, const Node &init) {
  auto [it, inserted] = node_by_key_.try_emplace(key, uint32_t(nodes_.size()));
  if (inserted)
    nodes_.push_back(init);
  return it->second;
}

// One more instance of the declaration of \p name in the event's function;
// at the event's location for a New, at none for an id seen without one.
uint32_t DotGraphBuilder::declaration(const Event &e, std::string_view name) {
  Node n;
  n.thread = e.thread;
  n.function = strings_.intern(e.function);
  n.name = strings_.intern(name);
  if (e.type == EventType::New)
    n.location = strings_.intern(e.location);
  uint32_t i =
      node({declaration_key, n.thread, n.function, n.name, n.location}, n);
  Node &d = nodes_[i];
  if (!d.type && !e.type_name.empty())
    d.type = strings_.intern(e.type_name);
  ++d.instances;
  return i;
}

// The node of a live instance; an id the trace never created counts as an
// instance of its own (as the model does).
uint32_t DotGraphBuilder::instance(uint64_t id, const Event &e,
                                   std::string_view name) {
  auto it = live_.find(id);
  if (it != live_.end())
    return it->second.node;
  uint32_t n = declaration(e, name);
  live_.emplace(id, LiveId{n, false, 0});
  return n;
}

// A reborrow's owner: the live instance whose [address, address + size)
// holds the address (the model's rule, with only the live ones kept).
uint32_t DotGraphBuilder::owner_at(uint64_t address) const {
  auto it = by_address_.upper_bound(address);
  for (int starts = 0; starts < 8 && it != by_address_.begin(); ++starts) {
    --it;
    if (address - it->first < it->second.size)
      return it->second.node;
  }
  return no_node;
}

void DotGraphBuilder::add_edge(uint32_t from, uint32_t to, size_t kind) {
  ++edges_[uint64_t(from) << 32 | to][kind];
}

void DotGraphBuilder::on_event(const Event &e) {
  switch (e.type) {
  case EventType::New: {
    uint32_t n = declaration(e, e.var_name);
    bool addressed = e.address && e.size && *e.size;
    live_[e.var_id] = LiveId{n, addressed, addressed ? *e.address : 0};
    if (addressed)
      by_address_[*e.address] = Live{e.var_id, *e.size, n};
    break;
  }
  case EventType::Drop: {
    uint32_t n = instance(e.var_id, e, e.var_name);
    ++nodes_[n].dropped;
    auto it = live_.find(e.var_id);
    if (it->second.addressed) {
      auto at = by_address_.find(it->second.address);
      if (at != by_address_.end() && at->second.id == e.var_id)
        by_address_.erase(at);
    }
    live_.erase(it);
    break;
  }
  case EventType::Borrow: {
    ++borrows_;
    uint32_t owner = e.owner_id  ? instance(*e.owner_id, e, e.owner_name)
                     : e.address ? owner_at(*e.address)
                                 : no_node;
    if (owner == no_node) {
      ++unresolved_; // heap memory, a literal, null: no variable
      break;
    }
    uint32_t from;
    if (e.borrower_id) {
      from = instance(*e.borrower_id, e, e.borrower_name);
    } else {
      Node n;
      n.other = true;
      n.kind = e.borrower_kind;
      n.name = strings_.intern(e.borrower_name);
      from = node({other_key, uint64_t(n.kind), n.name, 0, 0}, n);
    }
    add_edge(from, owner, size_t(e.mutability));
    break;
  }
  case EventType::Move: {
    ++moves_;
    uint32_t from = instance(e.from_id, e, e.from_name);
    if (e.to_id)
      add_edge(from, instance(*e.to_id, e, e.to_name), move_edge);
    break;
  }
  case EventType::Release:
  case EventType::Free:
  case EventType::Flush:
    break;
  }
}

void DotGraphBuilder::write(Output &out) const {
  struct Edge {
    uint64_t count;
    uint32_t from, to;
    size_t kind;
  };
  std::vector<Edge> edges;
  std::vector<uint64_t> weight(nodes_.size());
  uint64_t declarations = 0, instances = 0;
  for (size_t i = 0; i < nodes_.size(); ++i) {
    weight[i] = nodes_[i].instances;
    if (!nodes_[i].other) {
      ++declarations;
      instances += nodes_[i].instances;
    }
  }
  for (const auto &[ends, counts] : edges_)
    for (size_t k = 0; k < edge_kinds; ++k)
      if (counts[k]) {
        Edge edge{counts[k], uint32_t(ends >> 32), uint32_t(ends), k};
        weight[edge.from] += edge.count;
        weight[edge.to] += edge.count;
        edges.push_back(edge);
      }
  size_t all_edges = edges.size();

  // Past the caps, the heaviest nodes, then the heaviest edges between them.
  std::vector<bool> kept(nodes_.size(), true);
  if (nodes_.size() > limits_.max_nodes) {
    std::vector<uint32_t> order(nodes_.size());
    for (uint32_t i = 0; i < order.size(); ++i)
      order[i] = i;
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      return std::tie(weight[b], a) < std::tie(weight[a], b);
    });
    for (size_t i = limits_.max_nodes; i < order.size(); ++i)
      kept[order[i]] = false;
  }
  std::erase_if(edges,
                [&](const Edge &e) { return !kept[e.from] || !kept[e.to]; });
  auto key = [](const Edge &e) { return std::tie(e.from, e.to, e.kind); };
  if (edges.size() > limits_.max_edges) {
    std::sort(edges.begin(), edges.end(), [&](const Edge &a, const Edge &b) {
      return a.count != b.count ? a.count > b.count : key(a) < key(b);
    });
    edges.resize(limits_.max_edges);
  }
  std::sort(edges.begin(), edges.end(),
            [&](const Edge &a, const Edge &b) { return key(a) < key(b); });
  size_t kept_nodes = size_t(std::count(kept.begin(), kept.end(), true));

  std::string label = text(program_) + ": " +
                      count(declarations, "declaration", "declarations") +
                      " (" + count(instances, "instance", "instances") + "), " +
                      count(borrows_, "borrow", "borrows") + ", " +
                      count(moves_, "move", "moves");
  if (kept_nodes < nodes_.size() || edges.size() < all_edges)
    label += "\nleft out (the lightest): " +
             std::to_string(nodes_.size() - kept_nodes) + " of " +
             count(nodes_.size(), "node", "nodes") + ", " +
             std::to_string(all_edges - edges.size()) + " of " +
             count(all_edges, "edge", "edges");
  // newrank: dot 2.42 fails with "trouble in init_rank" on dense edges
  // between clusters without it.
  out << "digraph borrowscope {\n"
         "  graph [rankdir=LR, newrank=true, fontname=\"Helvetica\", "
         "labelloc=t, label="
      << quoted(label) << "];\n"
      << graph_defaults;

  // Clusters: (thread, function), threads in order of their ids, functions
  // in order of first appearance.
  auto clusters = clusters_in_order(
      uint32_t(nodes_.size()),
      [&](uint32_t i) -> std::optional<std::pair<uint64_t, StrId>> {
        if (nodes_[i].other || !kept[i])
          return std::nullopt;
        return std::make_pair(nodes_[i].thread, nodes_[i].function);
      });
  for (size_t c = 0; c < clusters.size(); ++c) {
    const auto &[cluster_key, members] = clusters[c];
    std::string function = text(short_name(strings_[cluster_key.second]));
    out << "  subgraph cluster_" << std::to_string(c) << " {\n"
        << "    label="
        << quoted(function + "  (thread " + std::to_string(cluster_key.first) +
                  ")")
        << "; style=rounded; color=\"#94a3b8\";\n";
    for (uint32_t i : members) {
      const Node &d = nodes_[i];
      std::string node_label =
          text(strings_[d.name]) + "\n" + text(strings_[d.type]) + "  " +
          text(line_of(strings_[d.location])) + "\nin " + function;
      if (d.instances > 1)
        node_label += "\n×" + std::to_string(d.instances) + " instances";
      if (d.dropped < d.instances && d.instances > 1)
        node_label +=
            ", " + std::to_string(d.instances - d.dropped) + " not dropped";
      out << "    n" << std::to_string(i) << " [label=" << quoted(node_label)
          << (d.dropped >= d.instances ? dropped_style : ", penwidth=2")
          << "];\n";
    }
    out << "  }\n";
  }

  // Borrowers that are not variables: calls, returns, memory, globals.
  for (uint32_t i = 0; i < nodes_.size(); ++i) {
    const Node &n = nodes_[i];
    if (!n.other || !kept[i])
      continue;
    bool call = n.kind == BorrowerKind::Call;
    out << "  n" << std::to_string(i) << " [label="
        << quoted(call ? text(callee_label(strings_[n.name]))
                       : text(strings_[n.name]))
        << ", shape=" << (call ? "oval" : "note") << ", style=\"dashed\"];\n";
  }

  for (const Edge &e : edges) {
    out << "  n" << std::to_string(e.from) << " -> n" << std::to_string(e.to);
    if (e.kind == move_edge) {
      out << " [style=bold, penwidth=" << penwidth(2.5, e.count) << ", color=\""
          << move_color << "\", label=" << quoted("move" + times(e.count))
          << "];\n";
      continue;
    }
    Mutability m = Mutability(e.kind);
    out << " [color=\"" << borrow_color(m) << "\", fontcolor=\""
        << borrow_color(m) << "\", "
        << (m == Mutability::Unknown ? "style=dashed, " : "")
        << "penwidth=" << penwidth(1, e.count)
        << ", label=" << quoted(borrow_label(m) + times(e.count)) << "];\n";
  }
  out << "}\n";
}

} // namespace borrowscope
