// Interned strings: the model stores names, types, functions and locations as
// small ids, so a million events with a dozen distinct names cost a dozen
// strings.
#ifndef BORROWSCOPE_TOOL_STRING_TABLE_H
#define BORROWSCOPE_TOOL_STRING_TABLE_H

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace borrowscope {

using StrId = uint32_t;

class StringTable {
public:
  StringTable() { intern(""); } // id 0 is the empty string
  // The map holds views into the strings: copies would dangle, moves do not.
  StringTable(const StringTable &) = delete;
  StringTable &operator=(const StringTable &) = delete;
  StringTable(StringTable &&) = default;
  StringTable &operator=(StringTable &&) = default;

  StrId intern(std::string_view s) {
    auto it = ids_.find(s);
    if (it != ids_.end())
      return it->second;
    StrId id = StrId(strings_.size());
    strings_.emplace_back(s);
    ids_.emplace(std::string_view(strings_.back()), id);
    return id;
  }

  /// The id of \p s, or nullopt-like `none` when it was never interned.
  static constexpr StrId none = UINT32_MAX;
  StrId find(std::string_view s) const {
    auto it = ids_.find(s);
    return it == ids_.end() ? none : it->second;
  }

  const std::string &operator[](StrId id) const { return strings_[id]; }
  size_t size() const { return strings_.size(); }

private:
  // A deque keeps the strings in place, so the map can key on views of them.
  std::deque<std::string> strings_;
  std::unordered_map<std::string_view, StrId> ids_;
};

} // namespace borrowscope

#endif
