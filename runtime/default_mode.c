/* The mode of a program linked by borrowscope-clang -fborrowscope=MODE when
 * BORROWSCOPE_MODE is not set: built once per mode into
 * lib/borrowscope_mode_MODE.o (runtime/CMakeLists.txt), which the wrapper
 * links in. The runtime reads it through a weak reference (options.cpp),
 * so the executable exports it. */
#define BORROWSCOPE_STRING2(x) #x
#define BORROWSCOPE_STRING(x) BORROWSCOPE_STRING2(x)
__attribute__((visibility("default"))) const char
    __borrowscope_default_mode_v2[] = BORROWSCOPE_STRING(BORROWSCOPE_MODE_NAME);
