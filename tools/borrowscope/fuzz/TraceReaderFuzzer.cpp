// libFuzzer target: any bytes through the trace reader, the ownership model,
// the exporters and the text report. The reader must either deliver a trace or throw
// TraceError: never crash, hang, leak or read out of bounds.
//
// ctest runs it as tool.fuzz.trace_reader for BORROWSCOPE_FUZZ_SECONDS; by
// hand: build-tool/bin/trace_reader_fuzzer -dict=fuzz/trace.dict CORPUS fuzz/corpus
#include "DotGraph.h"
#include "Exporters.h"
#include "OwnershipModel.h"
#include "Report.h"
#include "TraceReader.h"

#include <cstddef>
#include <cstdint>

using namespace borrowscope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  // The first byte picks the options, so both modes get explored.
  ReadOptions options;
  if (size > 0) {
    options.allow_truncated = data[0] & 1;
    ++data;
    --size;
  }
  std::string_view text(reinterpret_cast<const char *>(data), size);
  ModelBuilder builder;
  std::string json_text;
  Output json_out(&json_text);
  JsonExporter json(json_out);
  DotGraphBuilder graph({4, 8}); // small caps: the cutting gets explored
  TeeSink tee{&builder, &json, &graph};
  try {
    read_trace_buffer(text, tee, options);
  } catch (const TraceError &) {
    return 0;
  }
  OwnershipModel model = builder.take();
  json.finish(model);
  std::string sink;
  Output out(&sink);
  export_chrome(model, out);
  export_dot(model, out);
  graph.write(out);
  export_html(model, CheckResults{}, {"fuzz.json"}, out);
  out.close();
  ReportOptions report;
  report.trace_name = "fuzz.json";
  report.color = size & 1;
  sink = render_report(model, CheckResults{}, report) +
         render_summary(model, report);
  return 0;
}
