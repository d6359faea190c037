// False positive (correct code), idiom A of docs/real-projects.md in its C++
// member form (fmt's base.h:2845, compile.h:543): a local buffer object
// wraps the caller's output pointer; its member out() returns that pointer
// (a field), which points into the caller's array, not into the object.
// Returned after the object dies: nothing dangles. In C++ what a member
// loads through `this` counts as the object's contents (a vector's
// elements end with the vector); an object without a destructor owns no
// contents. Beside it, the real bug of that shape (a member returning the
// address of the object's own array) stays found.
//
// Fixed: an object without a destructor owns nothing it points to; what its
// member returns is a part of it only if it is a field's or element's
// address (pass/ReturnedArguments.h, mayReturnPart).
// RUN: %bsclangxx -O0 -w %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.json %t0 > /dev/null
// RUN: %corpus-check %s %t0.json
// RUN: %bsclangxx -O2 -w %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.json %t2 > /dev/null
// RUN: %corpus-check %s %t2.json
#include <cstdio>
#include <cstring>

class bounded_buffer {
  char *out_;
  size_t limit_, count_ = 0;
 public:
  bounded_buffer(char *out, size_t limit) : out_(out), limit_(limit) {}
  __attribute__((noinline)) void append(const char *s) {
    for (; *s; ++s, ++count_)
      if (count_ < limit_) *out_++ = *s;
  }
  __attribute__((noinline)) char *out() { return out_; }
  size_t count() const { return count_; }
};

struct write_result { char *out; size_t size; };

__attribute__((noinline)) write_result write_n(char *out, size_t n, const char *s) {
  bounded_buffer buf(out, n);
  buf.append(s);
  return {buf.out(), buf.count()};
}

// The real bug of the same shape: the member returns a part of the object
// (its own array), which dies with it.
class inline_buffer {
  char data_[16] = {};
 public:
  __attribute__((noinline)) char *data() { return data_; }
};

__attribute__((noinline)) char *dangling_data() {
  inline_buffer local;
  return local.data(); // EXPECT: dangling_borrow
}

int main() {
  volatile char *stale = dangling_data();
  (void)stale;
  char text[8] = {};
  write_result r = write_n(text, sizeof text - 1, "hello, world");
  *r.out = 0;
  std::printf("%s (%zu)\n", text, r.size);
  return 0;
}
