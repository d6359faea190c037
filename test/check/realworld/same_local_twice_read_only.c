// False positive (correct code): the same local passed twice to a C function
// whose pointer parameters are not const-qualified but are only read.
//
// From Lua (github:lua/lua 53b41d0), lcode.c:592 stringK():
// `TValue o; setsvalue(.., &o, s); return k2proto(fs, &o, &o);` ("use string
// itself as key"); k2proto(FuncState *fs, TValue *key, TValue *v) only reads
// both (lcode.c:565). Same at lcode.c:602, 648, 658: 4 locations, ~59 000
// findings in the test suite. Reported as "'o' is passed to 'k2proto' twice,
// and at least once mutably". k2proto passes both on to functions of another
// file (luaH_get, luaH_set, addk), whose parameter types the trace does not
// know; the reproducer calls through pointers for the same effect. With
// direct calls to functions of the same file the finding does not appear.
// Fixed: a C callee whose only possible writes are such hand-ons gives an
// unknown borrow, not a mutable one (pass/WrittenArguments.cpp). Second
// half: the same local passed twice to a function that writes one and reads
// the other in its own body stays found.
//
// RUN: %bsclang -O0 -w %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.json %t0 > /dev/null
// RUN: %corpus-check %s %t0.json
// RUN: %bsclang -O2 -w %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.json %t2 > /dev/null
// RUN: %corpus-check %s %t2.json
#include <stdio.h>

struct value { int tag; long v; };
static struct value consts[16];
static int nconsts;

// Not const-correct, like Lua's luaH_get(Table *t, const TValue *key, ..)
// callers that pass TValue * on: the pointers are only read.
__attribute__((noinline)) static int find(struct value *key) {
  for (int i = 0; i < nconsts; i++)
    if (consts[i].tag == key->tag && consts[i].v == key->v)
      return i;
  return -1;
}

__attribute__((noinline)) static void store(struct value *dst, struct value *src) {
  *dst = *src;
}

// Called through pointers, as calls into another file are: no parameter types.
static int (*volatile findfn)(struct value *) = find;
static void (*volatile storefn)(struct value *, struct value *) = store;

__attribute__((noinline)) static int addk(struct value *key, struct value *v) {
  int i = findfn(key);
  if (i >= 0)
    return i;
  storefn(&consts[nconsts], v);
  return nconsts++;
}

__attribute__((noinline)) static int intK(long n) {
  struct value o;
  o.tag = 1;
  o.v = n;
  return addk(&o, &o); // like lcode.c:592
}

__attribute__((noinline)) static void accumulate(struct value *dst,
                                                 struct value *src) {
  dst->v += src->v;
  dst->tag = src->tag;
}

__attribute__((noinline)) static long doubled(long n) {
  struct value o = {1, n};
  accumulate(&o, &o); // EXPECT: borrow_conflict
  return o.v;
}

int main(void) {
  printf("%d %d %d\n", intK(7), intK(8), intK(7));
  printf("%ld\n", doubled(21));
  return 0;
}
