#include "Settings.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

using namespace llvm;

namespace borrowscope {

bool switchFromEnvironment(const char *Name, bool Default) {
  const char *Env = std::getenv(Name);
  if (!Env || !*Env)
    return Default;
  StringRef V(Env);
  for (StringRef On : {"1", "on", "true", "yes"})
    if (V.equals_insensitive(On))
      return true;
  for (StringRef Off : {"0", "off", "false", "no"})
    if (V.equals_insensitive(Off))
      return false;
  errs() << "borrowscope: ignoring " << Name << "='" << V
         << "' (accepted: 1, on, true, yes, 0, off, false, no)\n";
  return Default;
}

} // namespace borrowscope
