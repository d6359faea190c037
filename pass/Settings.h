// The compiler-side BORROWSCOPE_* switches (docs/usage.md, "Settings"):
// the words the wrappers and the runtime take too, in any case.
#ifndef BORROWSCOPE_SETTINGS_H
#define BORROWSCOPE_SETTINGS_H

namespace borrowscope {

/// The environment variable \p Name as a switch: 1, on, true, yes or 0, off,
/// false, no (any case). Unset or empty gives \p Default; anything else one
/// line on stderr listing the accepted words, and \p Default.
bool switchFromEnvironment(const char *Name, bool Default);

} // namespace borrowscope

#endif // BORROWSCOPE_SETTINGS_H
