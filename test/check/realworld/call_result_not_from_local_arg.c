// False positive (correct code): a C function is given the address of a local
// and returns a pointer that does not point into that local (a pointer into
// another argument, or to a heap/interned object).
//
// From Lua (github:lua/lua 53b41d0), 13 of the 22 finding locations of its
// test suite at -O0, e.g.
//   ltable.c:229   `TValue key; getnodekey(.., &key, nd); return mainpositionTV(t, &key);`
//                  (returns a Node* of the table, reported as "the address of 'key' is returned")
//   lstrlib.c:1304 `strfrmt = getformat(L, strfrmt, form);` (returns strfrmt + n, reported
//                  as 'strfrmt' borrowing 'form'; then addlenmod(form, ..) at 1322/1328/1339
//                  is reported as a conflict with that borrow)
//   lvm.c:714      `char buff[..]; ts = luaS_newlstr(L, buff, tl);` (returns a new string object)
//   also ltable.c:999, lobject.c:658, lgc.c:1354, lundump.c:166, ldebug.c:233, lutf8lib.c:139.
// The pass reads what a callee of the module returns (ReturnedArguments): a
// result that does not come from the argument is no borrow of it. (Callees
// in other files, as in most of Lua's cases, are still assumed to return it.)
//
// RUN: %bsclang -O0 -w %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.json %t0 > /dev/null
// RUN: %corpus-check %s %t0.json
// RUN: %bsclang -O2 -w %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.json %t2 > /dev/null
// RUN: %corpus-check %s %t2.json
#include <stdio.h>
#include <string.h>

static int table[8];

__attribute__((noinline)) static int *slot_for(const int *key) {
  return &table[*key & 7]; // points into the table, not at *key
}

__attribute__((noinline)) static int *lookup(int k) {
  int key = k * 3;
  return slot_for(&key); // like ltable.c:229
}

// Copies the flags of a format into `form` and returns a pointer past them
// in `fmt` (like lstrlib.c's getformat).
__attribute__((noinline)) static const char *getformat(const char *fmt, char *form) {
  size_t n = strspn(fmt, "-+ #0123456789.");
  memcpy(form, fmt, n);
  form[n] = '\0';
  return fmt + n;
}

__attribute__((noinline)) static void addmod(char *form, const char *mod) {
  strcat(form, mod);
}

int main(void) {
  *lookup(5) = 1;
  const char *fmt = "5d and more";
  for (int i = 0; i < 2; i++) {
    char form[32];
    fmt = getformat(fmt, form); // like lstrlib.c:1304
    addmod(form, "l");          // like lstrlib.c:1322
    printf("%s %s\n", form, fmt);
    fmt = "3x";
  }
  return table[7] - 1;
}
