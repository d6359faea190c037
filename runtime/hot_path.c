/*
 * Bitcode form of the hot path, embedded in the plugin. The functions are
 * external here so that the bitcode keeps them; after linking them into a
 * module the plugin makes them internal and always_inline.
 */
#define BS_HOT __attribute__((always_inline, nothrow))
#include "hot_path.h"
