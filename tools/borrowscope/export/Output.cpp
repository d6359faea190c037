#include "Output.h"

#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace borrowscope {

Output::Output(std::string path) : path_(std::move(path)) {
  if (path_ == "-") {
    file_ = stdout;
    return;
  }
  // A device or a FIFO (/dev/null, /dev/stdout) is written as it is: a
  // file renamed over it would replace it.
  struct stat st;
  if (::stat(path_.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    file_ = std::fopen(path_.c_str(), "wb");
    if (!file_)
      throw OutputError("cannot write " + path_ + ": " + std::strerror(errno));
    return;
  }
  temp_path_ = path_ + ".tmp-" + std::to_string(::getpid());
  file_ = std::fopen(temp_path_.c_str(), "wb");
  if (!file_)
    throw OutputError("cannot write " + path_ + ": " + std::strerror(errno));
}

Output::~Output() {
  if (closed_ || !file_)
    return;
  // Abandoned (an error elsewhere): leave nothing behind.
  if (file_ != stdout) {
    std::fclose(file_);
    if (!temp_path_.empty())
      std::remove(temp_path_.c_str());
  }
}

void Output::flush() {
  if (memory_) {
    memory_->append(buffer_);
    buffer_.clear();
    return;
  }
  if (!buffer_.empty() &&
      std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size())
    throw OutputError("cannot write " + path_ + ": " + std::strerror(errno));
  buffer_.clear();
}

void Output::close() {
  flush();
  closed_ = true;
  if (memory_)
    return;
  if (file_ == stdout) {
    if (std::fflush(stdout) != 0)
      throw OutputError("cannot write to stdout: " +
                        std::string(std::strerror(errno)));
    return;
  }
  bool ok = std::fclose(file_) == 0;
  file_ = nullptr;
  if (temp_path_.empty()) {
    if (!ok)
      throw OutputError("cannot write " + path_ + ": " + std::strerror(errno));
    return;
  }
  if (!ok || std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    std::string why = std::strerror(errno);
    std::remove(temp_path_.c_str());
    throw OutputError("cannot write " + path_ + ": " + why);
  }
}

} // namespace borrowscope
