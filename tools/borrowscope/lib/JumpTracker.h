// What a longjmp abandons: the instances a thread created since the setjmp
// of the jmp_buf it jumps to, and still has (docs/semantics.md, "longjmp").
// The frames the jump skips never run their Drops; the reader ends those
// instances at the jump instead. Instances are followed only from the
// thread's first setjmp on: none before it can be abandoned.
#ifndef BORROWSCOPE_TOOL_JUMP_TRACKER_H
#define BORROWSCOPE_TOOL_JUMP_TRACKER_H

#include "FlatMap.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace borrowscope {

class JumpTracker {
public:
  /// An instance the thread abandons: its id and its New's site number.
  struct Instance {
    uint64_t id = 0;
    uint32_t new_site = 0;
  };

  void created(uint64_t id, uint32_t new_site);
  void dropped(uint64_t id);
  /// setjmp saves a context in the jmp_buf at \p buffer.
  void saved(uint64_t buffer);
  /// longjmp to \p buffer: the instances it abandons, latest first (none if
  /// no setjmp of this thread saved that buffer).
  std::vector<Instance> jumped(uint64_t buffer);

private:
  struct Mark {
    uint64_t buffer;
    size_t depth; ///< live_.size() when it was saved
  };
  void trim();

  bool active_ = false;
  std::vector<Instance> live_; ///< in creation order; id 0: dropped since
  FlatMap<size_t> where_;
  std::vector<Mark> marks_;
};

} // namespace borrowscope

#endif
