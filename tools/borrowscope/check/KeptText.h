// The texts the checker keeps in its live state (names, locations), each
// kept once: events' texts are views into their reader's storage, which may
// change with the next event, and copying them for every instance and
// borrow cost a malloc and a free per event. The same few hundred texts
// (the program's sites) come again and again, from the same storage: a
// small cache by the text's address finds them without hashing the text,
// and compares the characters, so that storage reused for another text
// (a JSON reader's) is never mistaken for the old one.
#ifndef BORROWSCOPE_TOOL_KEPT_TEXT_H
#define BORROWSCOPE_TOOL_KEPT_TEXT_H

#include "StringTable.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace borrowscope {

class KeptText {
public:
  /// \p s, kept as long as this object (equal texts share one copy).
  std::string_view keep(std::string_view s) {
    if (stable_ || s.empty())
      return s;
    Slot &slot = slots_[slot_of(s.data())];
    if (slot.source == s.data() && slot.kept.size() == s.size() &&
        std::memcmp(slot.kept.data(), s.data(), s.size()) == 0)
      return slot.kept;
    std::string_view kept = table_[table_.intern(s)];
    slot = {s.data(), kept};
    return kept;
  }
  /// Distinct texts kept.
  size_t size() const { return table_.size(); }
  /// The events' texts outlive this object and never change (check mode:
  /// they are the site catalog's): they are kept as they are.
  void set_stable(bool stable) { stable_ = stable; }

private:
  static constexpr unsigned bits = 10;
  static size_t slot_of(const char *p) {
    return size_t((uint64_t(reinterpret_cast<uintptr_t>(p)) *
                   0x9e3779b97f4a7c15ull) >>
                  (64 - bits));
  }
  struct Slot {
    const char *source = nullptr;
    std::string_view kept;
  };
  std::array<Slot, size_t(1) << bits> slots_{};
  StringTable table_; ///< a deque: the kept texts never move
  bool stable_ = false;
};

} // namespace borrowscope

#endif
