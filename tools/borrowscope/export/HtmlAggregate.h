// The HTML report of a large trace (docs/tool.md, "html"): the page shows a
// row per declaration (its instance count, lifetime distribution and a heat
// strip of instances alive over time) and borrows aggregated per site; the
// instances themselves are written in time-window chunks beside the page
// (OUT.d/cNNNNN.js), which the page loads when the view is zoomed in far
// enough. The instances that findings name are in the page itself.
#ifndef BORROWSCOPE_TOOL_HTML_AGGREGATE_H
#define BORROWSCOPE_TOOL_HTML_AGGREGATE_H

#include "Exporters.h"

#include <functional>
#include <string>

namespace borrowscope {

/// Whether the page for \p model aggregates (HtmlOptions::detail).
bool html_aggregates(const OwnershipModel &model, const HtmlOptions &options);

/// The page's data object (JSON) in aggregated form; writes the chunk files
/// into options.chunk_dir when it is set.
std::string aggregate_data_json(const OwnershipModel &model,
                                const CheckResults &checks,
                                const HtmlOptions &options);

/// The parts of the data object both forms share (HtmlExport.cpp): from
/// its opening brace to the threads; and the findings (",\n"findings":[...]"),
/// with, given \p step_of, each time's position in event order too.
void append_page_head(std::string &s, const OwnershipModel &m,
                      const CheckResults &checks, const HtmlOptions &options);
void append_findings(std::string &s, const OwnershipModel &m,
                     const CheckResults &checks,
                     const std::function<uint64_t(uint64_t)> &step_of);

} // namespace borrowscope

#endif
