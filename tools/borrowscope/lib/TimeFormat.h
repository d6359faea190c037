// Durations and trace times for people: "850 ns", "57.7 µs", "1.20 ms".
#ifndef BORROWSCOPE_TOOL_TIME_FORMAT_H
#define BORROWSCOPE_TOOL_TIME_FORMAT_H

#include <cstdint>
#include <string>

namespace borrowscope {

/// Three significant digits, unit chosen by magnitude.
std::string format_duration(uint64_t ns);

/// Exact microseconds with three decimals ("57.739"), for formats that count
/// in microseconds (Chrome trace events).
std::string format_microseconds(uint64_t ns);

} // namespace borrowscope

#endif
