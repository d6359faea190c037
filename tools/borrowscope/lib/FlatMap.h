// Live state by 64-bit id (the checker's, the decoder's), without a node
// allocation per entry: chained buckets whose nodes live in one vector,
// reused last freed first. Instances, open borrows and their indexes come and go with nearly
// every event; std::unordered_map's malloc and free per insertion and
// erasure were a large share of check mode's cost per event.
//
// Ids come in order (a thread's instances are numbered 1, 2, ...) and most
// die young, so the bucket is the id's low bits (threads and counter wraps
// folded in): consecutive ids fall in consecutive buckets, and a node just
// freed is the next one used, both still in the cache. Open addressing
// with a mixing hash was slower on a real program's tens of thousands of
// live instances: every insertion wrote to a random place in a big table.
//
// Nodes move when the map grows: a pointer from find() is valid until the
// map changes. No iteration (nothing needs an order).
#ifndef BORROWSCOPE_TOOL_FLAT_MAP_H
#define BORROWSCOPE_TOOL_FLAT_MAP_H

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <utility>
#include <vector>

namespace borrowscope {

template <class V> class FlatMap {
public:
  /// The value of \p key, or null.
  V *find(uint64_t key) {
    if (heads_.empty())
      return nullptr;
    for (uint32_t i = heads_[bucket(key)]; i != none; i = nodes_[i].next)
      if (nodes_[i].key == key)
        return &nodes_[i].value;
    return nullptr;
  }
  const V *find(uint64_t key) const {
    return const_cast<FlatMap *>(this)->find(key);
  }
  bool contains(uint64_t key) const { return find(key) != nullptr; }
  V &at(uint64_t key) {
    if (V *v = find(key))
      return *v;
    throw std::out_of_range("FlatMap::at");
  }
  const V &at(uint64_t key) const { return const_cast<FlatMap *>(this)->at(key); }

  /// The value of \p key, made (value-initialised) when missing.
  V &operator[](uint64_t key) {
    if (V *v = find(key))
      return *v;
    if (size_ + 1 > heads_.size())
      grow();
    uint32_t i;
    if (free_ != none) {
      i = free_;
      free_ = nodes_[i].next;
    } else {
      i = uint32_t(nodes_.size());
      nodes_.emplace_back();
    }
    uint32_t &head = heads_[bucket(key)];
    nodes_[i].key = key;
    nodes_[i].next = head;
    head = i;
    ++size_;
    return nodes_[i].value;
  }

  /// Removes \p key (if there).
  void erase(uint64_t key) {
    if (heads_.empty())
      return;
    for (uint32_t *link = &heads_[bucket(key)]; *link != none;
         link = &nodes_[*link].next) {
      uint32_t i = *link;
      if (nodes_[i].key != key)
        continue;
      *link = nodes_[i].next;
      nodes_[i].value = V{}; // what it held goes now
      nodes_[i].next = free_;
      free_ = i;
      --size_;
      return;
    }
  }

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

private:
  static constexpr uint32_t none = UINT32_MAX;
  size_t bucket(uint64_t key) const {
    return size_t(key ^ (key >> 29) ^ (key >> 43)) & (heads_.size() - 1);
  }
  void grow() {
    std::vector<uint32_t> old = std::move(heads_);
    heads_.assign(old.empty() ? 64 : old.size() * 2, none);
    for (uint32_t first : old)
      for (uint32_t i = first, next; i != none; i = next) {
        next = nodes_[i].next;
        uint32_t &head = heads_[bucket(nodes_[i].key)];
        nodes_[i].next = head;
        head = i;
      }
  }
  struct Node {
    uint64_t key = 0;
    uint32_t next = none;
    V value{};
  };
  std::vector<Node> nodes_;
  std::vector<uint32_t> heads_; ///< a power of two of them, or none yet
  uint32_t free_ = none;        ///< the node freed last, chained by next
  size_t size_ = 0;
};

/// A short list of ids (the open borrows of one owner or holder: nearly
/// always one or two), in order, without allocating until it grows past
/// two.
class SmallIds {
public:
  const uint64_t *begin() const { return heap_.empty() ? inline_ : heap_.data(); }
  const uint64_t *end() const { return begin() + size(); }
  size_t size() const { return heap_.empty() ? n_ : heap_.size(); }
  bool empty() const { return size() == 0; }
  void push_back(uint64_t id) {
    if (heap_.empty() && n_ < 2) {
      inline_[n_++] = id;
      return;
    }
    if (heap_.empty())
      heap_.assign(inline_, inline_ + n_);
    heap_.push_back(id);
  }
  /// Removes every \p id, keeping the others' order.
  void erase(uint64_t id) {
    if (!heap_.empty()) {
      std::erase(heap_, id);
      if (!heap_.empty())
        return;
      n_ = 0; // back to inline, empty
      return;
    }
    uint8_t k = 0;
    for (uint8_t i = 0; i < n_; ++i)
      if (inline_[i] != id)
        inline_[k++] = inline_[i];
    n_ = k;
  }

private:
  uint64_t inline_[2] = {0, 0};
  uint8_t n_ = 0;
  std::vector<uint64_t> heap_;
};

} // namespace borrowscope

#endif
