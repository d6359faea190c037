// Reading a trace for a subcommand, with the one-line error report.
#include "Commands.h"

namespace borrowscope {

void report_trace_error(const std::string &path, const TraceError &e,
                        bool partial) {
  std::string message = path + ": " + e.what();
  if (e.kind() == TraceError::Kind::Truncated && !partial)
    message += "; --partial reads the events it has";
  print_error(message);
}

void warn_incomplete(const std::string &path, const TraceTrailer &trailer,
                     const std::string &cut_short, const std::string &lost) {
  if (!trailer.complete)
    print_error("warning: " + path + ": " +
                (trailer.missing.empty() ? "the trace is incomplete"
                                         : trailer.missing) +
                "; " + cut_short);
  if (trailer.lost_events.value_or(0))
    print_error("warning: " + path + ": " +
                std::to_string(*trailer.lost_events) +
                " records could not be written; " + lost);
}

bool load_trace(const std::string &path, bool partial, OwnershipModel &model,
                TraceSink *extra) {
  ReadOptions options;
  options.allow_truncated = partial;
  ModelBuilder builder;
  try {
    if (extra) {
      TeeSink tee{&builder, extra};
      read_trace_file(path, tee, options);
    } else {
      read_trace_file(path, builder, options);
    }
  } catch (const TraceError &e) {
    report_trace_error(path, e, partial);
    return false;
  }
  model = builder.take();
  return true;
}

} // namespace borrowscope
