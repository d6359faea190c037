// Which live variable an address lies in: the owner of a borrow recorded by
// address (a pointer into a variable's storage, or a reborrow), the holder
// of a borrow stored into memory inside a variable. Keeps only live
// instances, so memory follows the program's live state, not the trace.
#ifndef BORROWSCOPE_TOOL_ADDRESS_RESOLVER_H
#define BORROWSCOPE_TOOL_ADDRESS_RESOLVER_H

#include "FlatMap.h"
#include "TraceReader.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace borrowscope {

class AddressResolver {
public:
  struct Range {
    uint64_t start = 0, size = 0;
    std::string name; ///< the variable's
  };
  /// An instance at [address, address + size). Stack memory is reused: an
  /// instance recorded there before is gone, even if its drop was never seen
  /// (a frame left by longjmp).
  void add(uint64_t id, uint64_t address, uint64_t size,
           std::string_view name = {});
  void remove(uint64_t id);
  /// The live instance containing \p address, or 0.
  uint64_t find(uint64_t address) const;
  /// Where instance \p id lives, if its address is known.
  const Range *range(uint64_t id) const;
  size_t live() const { return ranges_.size(); }

private:
  std::map<uint64_t, uint64_t> by_start_; ///< start address -> id
  FlatMap<Range> ranges_;
};

/// What every reader does with an event before the sink sees it: owners
/// and holders found by address, events and borrows numbered (when the trace
/// did not number them). One instance per trace, events in order.
class EventResolver {
public:
  void resolve(Event &e);
  /// After the sink has seen \p e (a Drop ends an instance).
  void done(const Event &e);

private:
  AddressResolver addresses_;
  uint64_t events_ = 0, borrows_ = 0;
};

/// A TraceSink that resolves events before passing them on.
class ResolvingSink : public TraceSink {
public:
  explicit ResolvingSink(TraceSink &next) : next_(next) {}
  void on_header(const TraceHeader &h) override { next_.on_header(h); }
  void on_event(const Event &e) override;
  void on_trailer(const TraceTrailer &t) override { next_.on_trailer(t); }

private:
  TraceSink &next_;
  EventResolver resolver_;
  Event copy_;
};

} // namespace borrowscope

#endif
