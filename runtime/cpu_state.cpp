// How much register state the refill stub (refill_stub.S) saves: the XSAVE
// area of the features the OS enabled, or the 512-byte FXSAVE area.
#include <cpuid.h>
#include <cstdint>

extern "C" {
// Read by refill_stub.S. Until the constructor below runs: fxsave, with room
// for the 64-byte alignment.
__attribute__((visibility("hidden"))) uint32_t bs_xsave_size = 512 + 64;
__attribute__((visibility("hidden"))) uint32_t bs_use_xsave = 0;
}

namespace {

__attribute__((constructor(101))) void measure_cpu_state() {
  unsigned eax, ebx, ecx, edx;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx))
    return;
  const unsigned xsave = 1u << 26, osxsave = 1u << 27;
  if (!(ecx & xsave) || !(ecx & osxsave))
    return;
  __cpuid_count(0xd, 0, eax, ebx, ecx, edx);
  if (ebx < 576 || ebx > (1u << 20))
    return;
  bs_xsave_size = ebx + 64;
  bs_use_xsave = 1;
}

} // namespace
