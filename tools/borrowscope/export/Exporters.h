// The export formats of `borrowscope export` (docs/tool.md): Chrome trace
// events for Perfetto, Graphviz dot, a self-contained HTML report, and JSON
// (the trace plus the ownership graph).
#ifndef BORROWSCOPE_TOOL_EXPORTERS_H
#define BORROWSCOPE_TOOL_EXPORTERS_H

#include "Findings.h"
#include "OwnershipModel.h"
#include "Output.h"
#include "TraceReader.h"

#include <string>

namespace borrowscope {

/// Chrome Trace Event JSON: a track per thread, lifetimes and borrows as
/// slices (async where they do not nest), flows from borrows to owners, and
/// an instant event per finding on the track of its thread.
void export_chrome(const OwnershipModel &model, Output &out,
                   const CheckResults &checks = {});

/// The ownership graph for Graphviz.
void export_dot(const OwnershipModel &model, Output &out);

struct HtmlOptions {
  HtmlOptions() = default;
  HtmlOptions(std::string name) : trace_name(std::move(name)) {}
  std::string trace_name; ///< shown in the page header
  /// Instances: a bar per variable instance (the page embeds them all);
  /// Aggregate: a row per declaration, instances loaded in chunks when
  /// zoomed in (HtmlAggregate.h); Auto: Aggregate above aggregate_above
  /// variable instances.
  enum class Detail { Auto, Instances, Aggregate } detail = Detail::Auto;
  size_t aggregate_above = 20000;
  /// Aggregated pages: where the instance chunks go (a directory, created
  /// or emptied of old chunks), and how the page names it (relative to the
  /// page). Empty: no chunks (the page then shows the aggregates only).
  std::string chunk_dir, chunk_href;
};

/// One self-contained HTML file with an interactive timeline.
void export_html(const OwnershipModel &model, const CheckResults &checks,
                 const HtmlOptions &options, Output &out);

/// The trace plus its ownership graph. A sink: it copies the events while
/// the trace is read (in a TeeSink with a ModelBuilder), then finish() adds
/// nodes, edges and metadata from the model.
class JsonExporter : public TraceSink {
public:
  explicit JsonExporter(Output &out) : out_(out) {}
  void on_header(const TraceHeader &h) override;
  void on_event(const Event &e) override;
  void on_trailer(const TraceTrailer &t) override;
  /// With \p checks, the findings follow the graph (docs/tool.md).
  void finish(const OwnershipModel &model,
              const CheckResults *checks = nullptr);

private:
  void write_findings(const OwnershipModel &model, const CheckResults &checks);
  Output &out_;
  std::string line_;
  bool header_written_ = false;
  uint64_t events_ = 0;
};

/// Appends one event as the trace format writes it.
void append_event_json(std::string &out, const Event &e);

} // namespace borrowscope

#endif
