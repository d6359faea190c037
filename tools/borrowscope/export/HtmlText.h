// Helpers shared by the HTML exporter's parts (HtmlExport.cpp, the page;
// HtmlAggregate.cpp, the aggregated data of large traces): columnar JSON.
#ifndef BORROWSCOPE_TOOL_HTML_TEXT_H
#define BORROWSCOPE_TOOL_HTML_TEXT_H

#include "JsonText.h"

#include <cstdint>
#include <string>

namespace borrowscope::html {

/// Numbers JavaScript holds exactly; larger ids go as strings.
inline void append_id(std::string &s, uint64_t id) {
  constexpr uint64_t max_exact = (uint64_t(1) << 53) - 1;
  if (id <= max_exact) {
    append_number(s, id);
    return;
  }
  s += '"';
  append_number(s, id);
  s += '"';
}

inline void append_signed(std::string &s, int64_t v) {
  if (v < 0) {
    s += '-';
    append_number(s, uint64_t(-(v + 1)) + 1);
  } else {
    append_number(s, uint64_t(v));
  }
}

/// Writes {"name":[v0,v1,...],...}: one array per field.
class Columns {
public:
  explicit Columns(std::string &out) : out_(out) {}
  template <typename F> void column(const char *name, size_t n, F value) {
    out_ += first_ ? "\"" : ",\"";
    first_ = false;
    out_ += name;
    out_ += "\":[";
    for (size_t i = 0; i < n; ++i) {
      if (i)
        out_ += ',';
      value(i);
    }
    out_ += ']';
  }

private:
  std::string &out_;
  bool first_ = true;
};

} // namespace borrowscope::html

#endif
