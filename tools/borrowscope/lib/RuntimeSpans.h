// When the runtime held a thread up (Flush events: writing out a full
// window, waiting for check mode's checker), kept per thread so that views
// can show those spans and take them out of the durations they print.
#ifndef BORROWSCOPE_TOOL_RUNTIMESPANS_H
#define BORROWSCOPE_TOOL_RUNTIMESPANS_H

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace borrowscope {

class RuntimeSpans {
public:
  struct Span {
    uint64_t start = 0, end = 0; ///< ns
  };
  /// A span of thread \p thread (its id), in time order per thread.
  void add(uint64_t thread, uint64_t start, uint64_t duration);
  /// ns of thread \p thread's spans that lie within [from, to].
  uint64_t within(uint64_t thread, uint64_t from, uint64_t to) const;
  /// The spans of thread \p thread, in time order.
  const std::vector<Span> &of(uint64_t thread) const;
  uint64_t count() const { return count_; }
  uint64_t total() const { return total_; } ///< ns, all threads

private:
  struct Thread {
    std::vector<Span> spans;
    std::vector<uint64_t> before; ///< ns of the spans before each one
  };
  /// ns of the spans of \p t up to time \p at.
  static uint64_t up_to(const Thread &t, uint64_t at);
  std::unordered_map<uint64_t, Thread> threads_;
  uint64_t count_ = 0, total_ = 0;
};

} // namespace borrowscope

#endif
