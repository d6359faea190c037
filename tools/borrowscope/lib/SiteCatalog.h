// The sites of a binary trace (its MODULE blocks): what every record's site
// number means. Strings are owned here; Events point into them.
#ifndef BORROWSCOPE_TOOL_SITE_CATALOG_H
#define BORROWSCOPE_TOOL_SITE_CATALOG_H

#include "Event.h"

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace borrowscope {

struct Site {
  uint32_t number = 0; ///< process-wide: module base + index
  uint8_t kind = 0;    ///< enum bs_site_kind
  uint8_t mutability = 0;
  uint8_t borrower_kind = 0;
  uint32_t flags = 0; ///< BS_SITE_FLAG_*
  uint32_t line = 0, column = 0, size = 0;
  /// Site numbers (not indices) of the variable's New, the call's first
  /// borrow, the owner's New; 0 when none.
  uint32_t decl = 0, call = 0, owner_decl = 0;
  std::string_view file, function, name, type_name, owner, through;
  std::string_view location; ///< "file:line:column"
  EventType type = EventType::New;
  BorrowerKind kind_of_borrower = BorrowerKind::Unknown;
  Mutability kind_of_borrow = Mutability::Unknown;
};

class SiteCatalog {
public:
  /// Adds the sites of one MODULE block payload; throws TraceError (Shape)
  /// naming \p where when it is malformed.
  void add_module(std::string_view payload, const std::string &where);
  /// The site numbered \p number, or null.
  const Site *find(uint32_t number) const;
  /// The function of a site at \p location ("file:line:column"), or ""
  /// (a scan over all sites: for findings, not for events).
  std::string_view function_at(std::string_view location) const;
  uint64_t variables_untraced() const { return untraced_; }
  uint64_t variables_total() const { return total_; }

private:
  struct Module {
    uint32_t base, count;
    size_t first; ///< index of its first site in sites_
  };
  std::string_view keep(std::string_view s);

  std::vector<Module> modules_; ///< by base
  mutable size_t last_ = SIZE_MAX; ///< the module find() found last
  std::deque<Site> sites_;
  std::deque<std::string> strings_;
  uint64_t untraced_ = 0, total_ = 0;
};

} // namespace borrowscope

#endif
