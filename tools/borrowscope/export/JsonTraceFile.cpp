// A trace file written as a JSON trace (JsonTraceFile.h).
#include "JsonTraceFile.h"
#include "Exporters.h"

namespace borrowscope {

void write_json_trace(const std::string &trace, const std::string &out,
                      ReadOptions options, bool snapshot) {
  // Events are copied while the trace is read; the graph follows.
  Output output(out);
  JsonExporter json(output);
  ModelBuilder builder;
  TeeSink tee{&builder, &json};
  read_trace_file(trace, tee, options);
  OwnershipModel model = builder.take();
  if (snapshot)
    model.complete = true;
  json.finish(model);
  output.close();
}

} // namespace borrowscope
