#include "TimeFormat.h"

#include <cstdio>

namespace borrowscope {

std::string format_duration(uint64_t ns) {
  if (ns < 1000)
    return std::to_string(ns) + " ns";
  static const char *const units[] = {"µs", "ms", "s"};
  double value = double(ns) / 1000.0;
  int unit = 0;
  // 999.5 would print as "1000": that is the next unit's 1.00.
  while (unit < 2 && value >= 999.5) {
    value /= 1000.0;
    ++unit;
  }
  char buf[32];
  int decimals = value < 9.995 ? 2 : value < 99.95 ? 1 : 0;
  std::snprintf(buf, sizeof buf, "%.*f %s", decimals, value, units[unit]);
  return buf;
}

std::string format_microseconds(uint64_t ns) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%llu.%03llu",
                static_cast<unsigned long long>(ns / 1000),
                static_cast<unsigned long long>(ns % 1000));
  return buf;
}

} // namespace borrowscope
