// A trace file (binary or JSON) written as a JSON trace with its ownership
// graph: what `borrowscope export --format json` and the runtime's
// borrowscope_export_json() both do.
#ifndef BORROWSCOPE_TOOL_JSON_TRACE_FILE_H
#define BORROWSCOPE_TOOL_JSON_TRACE_FILE_H

#include "TraceReader.h"

#include <string>

namespace borrowscope {

/// Reads \p trace and writes it to \p out ("-": stdout) as JSON. Throws
/// TraceError for a trace that cannot be read, OutputError for an output
/// that cannot be written (which is then not left half-written).
/// \p snapshot: the trace of a running program, whose end is still to
/// come: the JSON says it is complete as far as it goes.
void write_json_trace(const std::string &trace, const std::string &out,
                      ReadOptions options = {}, bool snapshot = false);

} // namespace borrowscope

#endif
