// Where an export goes: a file (written to a temporary name and renamed when
// complete, so a failed export never leaves half a file), stdout ("-"), or a
// string in memory.
// Buffered; errors are thrown as OutputError with a one-line message.
#ifndef BORROWSCOPE_TOOL_OUTPUT_H
#define BORROWSCOPE_TOOL_OUTPUT_H

#include <cstdio>
#include <stdexcept>
#include <string>
#include <string_view>

namespace borrowscope {

class OutputError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

class Output {
public:
  /// Opens \p path for writing ("-" is stdout).
  explicit Output(std::string path);
  /// Appends to *\p text instead (tests, the fuzzer).
  explicit Output(std::string *text) : path_("(memory)"), memory_(text) {}
  ~Output();
  Output(const Output &) = delete;
  Output &operator=(const Output &) = delete;

  void write(std::string_view text) {
    buffer_.append(text.data(), text.size());
    if (buffer_.size() >= flush_size)
      flush();
  }
  Output &operator<<(std::string_view text) {
    write(text);
    return *this;
  }
  /// Writes what is buffered and makes the file appear under its name.
  void close();
  const std::string &path() const { return path_; }

private:
  static constexpr size_t flush_size = 1 << 20;
  void flush();

  std::string path_, temp_path_;
  std::FILE *file_ = nullptr;
  std::string buffer_;
  std::string *memory_ = nullptr;
  bool closed_ = false;
};

} // namespace borrowscope

#endif
