// ok_small_buffer.cpp
// What: a SmallString with a pointer member that points at its own inline
//   buffer while the text is short (small-buffer optimisation), at the heap
//   otherwise; copy and move re-point the pointer at the new object's buffer.
// Written from: "a struct whose pointer member points at its own inline
//   buffer (small-buffer optimisation)".
// Shape: real-project code (std::string SSO, LLVM SmallVector, folly).
// Correct: the self-pointer lives exactly as long as the buffer; copies get
//   their own. No EXPECT lines.
#include <cstdio>
#include <cstring>

class SmallString {
public:
  explicit SmallString(const char *s) : len_(std::strlen(s)) {
    data_ = len_ < sizeof inline_ ? inline_ : new char[len_ + 1];
    std::memcpy(data_, s, len_ + 1);
  }
  SmallString(const SmallString &o) : SmallString(o.data_) {}
  SmallString &operator=(const SmallString &) = delete;
  ~SmallString() {
    if (data_ != inline_)
      delete[] data_;
  }
  bool is_inline() const { return data_ == inline_; }
  const char *c_str() const { return data_; }

private:
  char inline_[16];
  char *data_;
  std::size_t len_;
};

int main() {
  SmallString a("short");
  SmallString b("this one is too long for the inline buffer");
  SmallString c(a);
  std::printf("%s/%d %d %s/%d\n", a.c_str(), a.is_inline(), b.is_inline(), c.c_str(),
              c.is_inline());
  return 0;
}
