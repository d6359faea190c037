// The checker's live state by 64-bit id, without a node allocation per
// entry: open addressing, linear probing, deletion by backward shift (no
// tombstones). Instances, open borrows and their indexes come and go with
// nearly every event; std::unordered_map's malloc and free per insertion
// and erasure were a large share of check mode's cost per event.
//
// Entries move when others are inserted or erased: a pointer from find()
// is valid until the map changes. No iteration (nothing needs an order).
#ifndef BORROWSCOPE_TOOL_FLAT_MAP_H
#define BORROWSCOPE_TOOL_FLAT_MAP_H

#include <algorithm>
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
    if (size_ == 0)
      return nullptr;
    for (size_t i = slot_of(key);; i = (i + 1) & mask_) {
      if (!used_[i])
        return nullptr;
      if (keys_[i] == key)
        return &values_[i];
    }
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
    if (2 * (size_ + 1) > keys_.size())
      grow();
    size_t i = slot_of(key);
    for (; used_[i]; i = (i + 1) & mask_)
      if (keys_[i] == key)
        return values_[i];
    used_[i] = 1;
    keys_[i] = key;
    values_[i] = V{};
    ++size_;
    return values_[i];
  }

  /// Removes \p key (if there); later entries of its run shift back.
  void erase(uint64_t key) {
    if (size_ == 0)
      return;
    size_t i = slot_of(key);
    for (;; i = (i + 1) & mask_) {
      if (!used_[i])
        return;
      if (keys_[i] == key)
        break;
    }
    for (size_t j = (i + 1) & mask_; used_[j]; j = (j + 1) & mask_) {
      // An entry may move to the hole when its home is not in (i, j].
      size_t home = slot_of(keys_[j]);
      if (((j - home) & mask_) >= ((j - i) & mask_)) {
        keys_[i] = keys_[j];
        values_[i] = std::move(values_[j]);
        i = j;
      }
    }
    used_[i] = 0;
    values_[i] = V{}; // what it held goes now
    --size_;
  }

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

private:
  size_t slot_of(uint64_t key) const {
    return size_t((key * 0x9e3779b97f4a7c15ull) >> shift_);
  }
  void grow() {
    std::vector<uint64_t> keys = std::move(keys_);
    std::vector<V> values = std::move(values_);
    std::vector<uint8_t> used = std::move(used_);
    size_t capacity = std::max<size_t>(16, keys.size() * 2);
    keys_.assign(capacity, 0);
    values_.clear();
    values_.resize(capacity);
    used_.assign(capacity, 0);
    mask_ = capacity - 1;
    shift_ = 64;
    for (size_t c = capacity; c > 1; c >>= 1)
      --shift_;
    size_ = 0;
    for (size_t i = 0; i < keys.size(); ++i)
      if (used[i])
        (*this)[keys[i]] = std::move(values[i]);
  }

  std::vector<uint64_t> keys_;
  std::vector<V> values_;
  std::vector<uint8_t> used_;
  size_t size_ = 0, mask_ = 0;
  unsigned shift_ = 64;
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
