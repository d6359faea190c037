// Which live variable an address lies in (AddressResolver.h).
#include "AddressResolver.h"

namespace borrowscope {

void AddressResolver::add(uint64_t id, uint64_t address, uint64_t size,
                          std::string_view name) {
  if (size == 0)
    size = 1;
  auto it = by_start_.lower_bound(address);
  if (it != by_start_.begin())
    --it;
  while (it != by_start_.end() && it->first < address + size) {
    const Range *r = ranges_.find(it->second);
    uint64_t end = r ? it->first + r->size : it->first;
    if (end > address) {
      if (r)
        ranges_.erase(it->second);
      it = by_start_.erase(it);
    } else {
      ++it;
    }
  }
  by_start_[address] = id;
  Range &range = ranges_[id];
  range.start = address;
  range.size = size;
  range.name.assign(name);
}

void AddressResolver::remove(uint64_t id) {
  const Range *r = ranges_.find(id);
  if (!r)
    return;
  if (auto it = by_start_.find(r->start);
      it != by_start_.end() && it->second == id)
    by_start_.erase(it);
  ranges_.erase(id);
}

uint64_t AddressResolver::find(uint64_t address) const {
  auto it = by_start_.upper_bound(address);
  if (it == by_start_.begin())
    return 0;
  --it;
  const Range *r = ranges_.find(it->second);
  if (!r || address - r->start >= r->size)
    return 0;
  return it->second;
}

const AddressResolver::Range *AddressResolver::range(uint64_t id) const {
  return ranges_.find(id);
}

} // namespace borrowscope

namespace borrowscope {

void EventResolver::resolve(Event &e) {
  e.index = events_++;
  switch (e.type) {
  case EventType::New:
    if (e.address)
      addresses_.add(e.var_id, *e.address, e.size.value_or(0), e.var_name);
    break;
  case EventType::Borrow:
    if (e.borrow_id == 0)
      e.borrow_id = ++borrows_;
    else
      borrows_ = e.borrow_id;
    if (!e.owner_id && e.address && e.address_bits == 64)
      if (uint64_t owner = addresses_.find(*e.address)) {
        e.owner_id = owner;
        if (e.owner_name.empty())
          e.owner_name = addresses_.range(owner)->name;
      }
    if (e.destination && !e.borrower_id)
      if (uint64_t holder = addresses_.find(*e.destination))
        e.borrower_id = holder;
    break;
  default:
    break;
  }
}

void EventResolver::done(const Event &e) {
  if (e.type == EventType::Drop)
    addresses_.remove(e.var_id);
}

void ResolvingSink::on_event(const Event &e) {
  copy_ = e;
  resolver_.resolve(copy_);
  next_.on_event(copy_);
  resolver_.done(copy_);
}

} // namespace borrowscope
