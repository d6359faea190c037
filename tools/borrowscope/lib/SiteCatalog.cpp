// The sites of a binary trace (SiteCatalog.h).
#include "SiteCatalog.h"
#include "TraceReader.h"
#include "borrowscope/abi.h"
#include "borrowscope/trace_format.h"

#include <algorithm>
#include <cstring>

namespace borrowscope {

namespace {

EventType type_of(uint8_t kind) {
  switch (kind) {
  case BS_SITE_NEW:
    return EventType::New;
  case BS_SITE_BORROW:
    return EventType::Borrow;
  case BS_SITE_MOVE:
    return EventType::Move;
  case BS_SITE_DROP:
    return EventType::Drop;
  default:
    return EventType::Release;
  }
}

BorrowerKind borrower_of(uint8_t k) {
  switch (k) {
  case BS_BORROWER_VARIABLE:
    return BorrowerKind::Variable;
  case BS_BORROWER_CALL:
    return BorrowerKind::Call;
  case BS_BORROWER_RETURN:
    return BorrowerKind::Return;
  case BS_BORROWER_ESCAPE:
    return BorrowerKind::Escape;
  default:
    return BorrowerKind::Unknown;
  }
}

Mutability mutability_of(uint8_t m) {
  switch (m) {
  case BS_MUT_SHARED:
    return Mutability::Shared;
  case BS_MUT_MUTABLE:
    return Mutability::Mutable;
  case BS_MUT_MOVE:
    return Mutability::Move;
  default:
    return Mutability::Unknown;
  }
}

} // namespace

std::string_view SiteCatalog::keep(std::string_view s) {
  return strings_.emplace_back(s);
}

void SiteCatalog::add_module(std::string_view payload,
                             const std::string &where) {
  auto bad = [&](const std::string &what) {
    throw TraceError(TraceError::Kind::Shape, where + ": " + what);
  };
  bs_module_record m;
  if (payload.size() < sizeof m)
    bad("a module block shorter than its header");
  std::memcpy(&m, payload.data(), sizeof m);
  uint64_t sites_bytes = uint64_t(m.site_count) * sizeof(bs_site_record);
  if (sizeof m + sites_bytes + m.strings_size != payload.size())
    bad("a module block whose sizes do not add up");
  if (m.base == 0 || uint64_t(m.base) + m.site_count > BS_SITE_SPECIAL)
    bad("a module with site numbers out of range");
  for (const Module &other : modules_)
    if (m.base < other.base + other.count && other.base < m.base + m.site_count)
      bad("two modules with overlapping site numbers");
  std::string_view strings =
      payload.substr(sizeof m + size_t(sites_bytes), m.strings_size);
  auto text = [&](uint32_t offset) -> std::string_view {
    if (offset == BS_NO_STRING)
      return {};
    if (offset >= strings.size())
      bad("a string offset out of range");
    std::string_view rest = strings.substr(offset);
    size_t end = rest.find('\0');
    if (end == std::string_view::npos)
      bad("a string without its end");
    return keep(rest.substr(0, end));
  };
  auto number = [&](uint32_t index) -> uint32_t {
    if (index == ~0u)
      return 0;
    if (index >= m.site_count)
      bad("a site refers to a site out of range");
    return m.base + index;
  };

  Module mod{m.base, m.site_count, sites_.size()};
  for (uint32_t i = 0; i < m.site_count; ++i) {
    bs_site_record r;
    std::memcpy(&r, payload.data() + sizeof m + i * sizeof r, sizeof r);
    if (r.kind < BS_SITE_NEW || r.kind > BS_SITE_RELEASE)
      bad("site " + std::to_string(i) + " has an unknown kind " +
          std::to_string(r.kind));
    Site s;
    s.number = m.base + i;
    s.kind = r.kind;
    s.mutability = r.mutability;
    s.borrower_kind = r.borrower_kind;
    s.flags = r.flags;
    s.line = r.line;
    s.column = r.column;
    s.size = r.size;
    s.decl = number(r.decl);
    s.call = number(r.call);
    s.owner_decl = number(r.owner_decl);
    s.file = text(r.file);
    s.function = text(r.function);
    s.name = text(r.name);
    s.type_name = text(r.type_name);
    s.owner = text(r.owner);
    s.through = text(r.through);
    s.location = keep(std::string(s.file.empty() ? "?" : s.file) + ":" +
                      std::to_string(s.line) + ":" + std::to_string(s.column));
    s.type = type_of(r.kind);
    s.kind_of_borrower = borrower_of(r.borrower_kind);
    s.kind_of_borrow = mutability_of(r.mutability);
    sites_.push_back(s);
  }
  modules_.insert(std::upper_bound(modules_.begin(), modules_.end(), mod,
                                   [](const Module &a, const Module &b) {
                                     return a.base < b.base;
                                   }),
                  mod);
  untraced_ += m.variables_untraced;
  total_ += m.variables_total;
}

const Site *SiteCatalog::find(uint32_t number) const {
  // Most records are of the module of the record before.
  if (last_ < modules_.size()) {
    const Module &m = modules_[last_];
    if (number >= m.base && number - m.base < m.count)
      return &sites_[m.first + (number - m.base)];
  }
  auto it = std::upper_bound(
      modules_.begin(), modules_.end(), number,
      [](uint32_t n, const Module &m) { return n < m.base; });
  if (it == modules_.begin())
    return nullptr;
  --it;
  if (number - it->base >= it->count)
    return nullptr;
  last_ = size_t(it - modules_.begin());
  return &sites_[it->first + (number - it->base)];
}

std::string_view SiteCatalog::function_at(std::string_view location) const {
  for (const Site &s : sites_)
    if (s.location == location && !s.function.empty())
      return s.function;
  return {};
}

} // namespace borrowscope
