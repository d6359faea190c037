// The checker's open borrows and their indexes (by owner, by holder, by
// destination), and the address ranges they cover (BorrowChecker.h).
#include "BorrowChecker.h"

namespace borrowscope {

// --- Open borrows ---------------------------------------------------------

uint64_t BorrowChecker::open(Open o) {
  uint64_t key = next_open_++;
  by_owner_[o.owner].push_back(key);
  if (o.holder)
    by_holder_[o.holder].push_back(key);
  if (o.destination)
    by_destination_[o.destination] = key;
  open_[key] = std::move(o);
  return key;
}

void BorrowChecker::close(uint64_t key) {
  const Open *o = open_.find(key);
  if (!o)
    return;
  auto drop_key = [key](FlatMap<SmallIds> &map, uint64_t at) {
    SmallIds *ids = map.find(at);
    if (!ids)
      return;
    ids->erase(key);
    if (ids->empty())
      map.erase(at);
  };
  drop_key(by_owner_, o->owner);
  if (o->holder)
    drop_key(by_holder_, o->holder);
  if (o->destination)
    if (auto it = by_destination_.find(o->destination);
        it != by_destination_.end() && it->second == key)
      by_destination_.erase(it);
  open_.erase(key);
}

/// What a variable holds ends: its value's last use (a pointer's, or an
/// object's: an iterator, a view, a guard), or a new value.
void BorrowChecker::release_variable(uint64_t holder, bool whole_only) {
  const SmallIds *held = by_holder_.find(holder);
  if (!held)
    return;
  keys_.assign(held->begin(), held->end());
  for (uint64_t key : keys_)
    if (!whole_only || open_.at(key).whole_holder)
      close(key);
}

void BorrowChecker::release_destination(uint64_t destination) {
  if (auto it = by_destination_.find(destination); it != by_destination_.end())
    close(it->second);
}

void BorrowChecker::release_kept(uint64_t object) {
  const SmallIds *held = by_holder_.find(object);
  if (!held)
    return;
  keys_.assign(held->begin(), held->end());
  for (uint64_t key : keys_)
    if (open_.at(key).kept)
      close(key);
}

/// Memory [start, start + size) is gone (freed, or a variable's storage):
/// what is stored in it lets go.
void BorrowChecker::release_memory_in(uint64_t start, uint64_t size) {
  auto it = by_destination_.lower_bound(start);
  keys_.clear();
  for (; it != by_destination_.end() && it->first - start < size; ++it)
    keys_.push_back(it->second);
  for (uint64_t key : keys_)
    close(key);
}

// --- Ranges ---------------------------------------------------------------

bool BorrowChecker::inside(const Range &r, const Instance &owner) const {
  if (!r.bits)
    return !r.contents; // no address: the owner itself, or its contents
  if (!owner.size)
    return false;
  uint64_t mask = r.bits == 64 ? ~uint64_t(0) : 0xffffffffu;
  return ((r.address - owner.address) & mask) < owner.size;
}

bool BorrowChecker::overlap(const Range &a, const Range &b) {
  if (!a.bits || !b.bits || !a.size || !b.size)
    return true; // the whole owner, or an unknown extent
  // Compared in the low 32 bits, all that accessor results keep.
  uint32_t x = uint32_t(a.address), y = uint32_t(b.address);
  uint32_t d = y - x;
  return d < a.size || uint32_t(x - y) < b.size;
}

/// Where the borrowed places are: inside the owner's own storage (the
/// variable, a field, an element of an array) or outside it (the elements of
/// a vector or string, reached through an accessor).
bool BorrowChecker::inside_owner(const Open &o) const {
  // A range-for's hidden reference to the range stands for the loop's
  // iterators, which point at the contents.
  if (o.borrower.starts_with("__range"))
    return false;
  const Instance *owner = live_.find(o.owner);
  return owner && inside(o.range, *owner);
}

} // namespace borrowscope
