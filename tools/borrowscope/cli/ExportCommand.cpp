// borrowscope export TRACE --format FORMAT -o OUT
#include "Args.h"
#include "BorrowChecker.h"
#include "Commands.h"
#include "DotGraph.h"
#include "Exporters.h"
#include "Findings.h"
#include "Names.h"

#include <cstdio>
#include <cstring>
#include <sys/stat.h>

namespace borrowscope {

namespace {
const char *const help =
    "usage: borrowscope export TRACE --format FORMAT [-o OUT]\n\n"
    "formats:\n"
    "  chrome  Chrome Trace Event JSON: open it in https://ui.perfetto.dev or\n"
    "          chrome://tracing. A track per thread; variable lifetimes and\n"
    "          borrows as slices; flow arrows from each borrow to its owner.\n"
    "  dot     the ownership graph for Graphviz (dot -Tsvg OUT > graph.svg):\n"
    "          a node per declaration (\"×N instances\"), an edge per borrower,\n"
    "          owner and kind with its count; shared borrows blue, mutable\n"
    "          red, moves bold, dropped grey. Past 150 nodes or 250 edges the\n"
    "          lightest are left out (the graph's label says how many).\n"
    "  html    one self-contained page (no network): a zoomable timeline per\n"
    "          thread and function; click a variable to see its events.\n"
    "          Past 20 000 variable instances it summarises: a row per\n"
    "          declaration (instance count, lifetimes, a density strip\n"
    "          over time) and borrows per site; zoomed in, it shows instances,\n"
    "          which it loads from OUT.d/ (written beside OUT).\n"
    "  json    the trace plus the ownership graph: nodes, edges, metadata.\n\n"
    "options:\n"
    "  -f, --format FORMAT  chrome, dot, html or json (required)\n"
    "  -o, --output OUT     where to write; '-' is stdout. Default: the trace's\n"
    "                       name with .chrome.json, .dot, .html or .graph.json\n"
    "  --instances          dot: a node per variable instance, an edge per\n"
    "                       borrow and move (small traces only); html: a bar\n"
    "                       per instance at any size, all in the page\n"
    "  --aggregate          html: summarise by declaration at any size\n"
    "  --partial            read a trace that was cut short (program killed)\n"
    "  --count-runtime      durations include the time the runtime held a\n"
    "                       thread up (writing the trace); by default it is\n"
    "                       taken out (the spans show on chrome's tracks)\n"
    "  -h, --help           this help\n";

enum class Format { Chrome, Dot, Html, Json };

bool parse_format(const std::string &text, Format &format) {
  if (text == "chrome" || text == "perfetto")
    format = Format::Chrome;
  else if (text == "dot" || text == "graphviz")
    format = Format::Dot;
  else if (text == "html")
    format = Format::Html;
  else if (text == "json")
    format = Format::Json;
  else
    return false;
  return true;
}

std::string default_output(const std::string &trace, Format format) {
  std::string base = trace;
  size_t slash = base.rfind('/');
  if (slash != std::string::npos)
    base = base.substr(slash + 1);
  for (const char *ext : {".json", ".trace"})
    if (base.size() > std::strlen(ext) && base.ends_with(ext))
      base.resize(base.size() - std::strlen(ext));
  switch (format) {
  case Format::Chrome:
    return base + ".chrome.json";
  case Format::Dot:
    return base + ".dot";
  case Format::Html:
    return base + ".html";
  case Format::Json:
    return base + ".graph.json";
  }
  return base;
}

std::string file_name(const std::string &path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}
} // namespace

int export_main(const std::vector<std::string> &args) {
  std::string format_text, output;
  bool partial = false, instances = false, aggregate = false,
       count_runtime = false;
  ParsedArgs parsed;
  Format format = Format::Html;
  try {
    parsed = parse_args(args, {{"format", 'f', &format_text, nullptr},
                               {"output", 'o', &output, nullptr},
                               {"partial", 0, nullptr, &partial},
                               {"instances", 0, nullptr, &instances},
                               {"aggregate", 0, nullptr, &aggregate},
                               {"count-runtime", 0, nullptr, &count_runtime}});
    if (parsed.help) {
      std::fputs(help, stdout);
      return exit_ok;
    }
    if (parsed.positional.size() + parsed.rest.size() != 1)
      throw UsageError("export needs one trace file");
    if (format_text.empty())
      throw UsageError("--format is required (chrome, dot, html or json)");
    if (!parse_format(format_text, format))
      throw UsageError("unknown format '" + format_text +
                       "' (chrome, dot, html or json)");
    if (instances && format != Format::Dot && format != Format::Html)
      throw UsageError("--instances is for --format dot or html");
    if (aggregate && format != Format::Html)
      throw UsageError("--aggregate is for --format html");
    if (aggregate && instances)
      throw UsageError("--aggregate and --instances exclude each other");
  } catch (const UsageError &e) {
    print_error(std::string("export: ") + e.what() +
                " (see borrowscope export --help)");
    return exit_bad_input;
  }
  std::string path = parsed.positional.empty() ? parsed.rest[0]
                                               : parsed.positional[0];
  if (output.empty())
    output = default_output(path, format);

  TrailerSink end; // what the trace says of its end, for the warnings
  try {
    OwnershipModel model;
    if (format == Format::Dot && !instances) {
      // Folded as the trace is read: memory does not grow with the events.
      ReadOptions options;
      options.allow_truncated = partial;
      try {
        DotGraphBuilder graph;
        TeeSink tee{&graph, &end};
        read_trace_file(path, tee, options);
        Output out(output);
        graph.write(out);
        out.close();
      } catch (const TraceError &e) {
        report_trace_error(path, e, partial);
        return exit_bad_input;
      }
    } else if (format == Format::Json) {
      // The events are copied as the trace is read, the checker runs beside
      // them; the graph and the findings follow.
      ReadOptions options;
      options.allow_truncated = partial;
      try {
        Output out(output);
        JsonExporter json(out);
        ModelBuilder builder;
        BorrowChecker checker;
        TeeSink tee{&builder, &checker, &json, &end};
        read_trace_file(path, tee, options);
        model = builder.take();
        CheckResults checks = findings_of(checker, model);
        json.finish(model, &checks);
        out.close();
      } catch (const TraceError &e) {
        report_trace_error(path, e, partial);
        return exit_bad_input;
      }
    } else {
      BorrowChecker checker;
      TeeSink extra{&checker, &end};
      if (!load_trace(path, partial, model, &extra))
        return exit_bad_input;
      model.count_runtime = count_runtime;
      Output out(output);
      switch (format) {
      case Format::Chrome:
        export_chrome(model, out, findings_of(checker, model));
        break;
      case Format::Dot:
        export_dot(model, out);
        break;
      case Format::Html: {
        HtmlOptions options;
        options.trace_name = file_name(path);
        options.detail = instances   ? HtmlOptions::Detail::Instances
                         : aggregate ? HtmlOptions::Detail::Aggregate
                                     : HtmlOptions::Detail::Auto;
        // Instance chunks beside a page written to a file (not to stdout,
        // a FIFO or a device).
        struct stat st;
        if (output != "-" &&
            (::stat(output.c_str(), &st) != 0 || S_ISREG(st.st_mode))) {
          options.chunk_dir = output + ".d";
          options.chunk_href = file_name(output) + ".d";
        }
        export_html(model, findings_of(checker, model), options, out);
        break;
      }
      case Format::Json:
        break;
      }
      out.close();
    }
  } catch (const OutputError &e) {
    print_error(e.what());
    return exit_bad_input;
  }
  if (output != "-")
    std::fprintf(stderr, "borrowscope: wrote %s\n", visible(output).c_str());
  // As check and report say it: what was exported is not the whole run.
  warn_incomplete(path, end.trailer, "the export has the events it has",
                  "the export lacks them");
  return exit_ok;
}

} // namespace borrowscope
