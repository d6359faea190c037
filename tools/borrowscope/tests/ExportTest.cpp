// The exporters on small models: Chrome trace structure (nesting, async
// fallback, flows), JSON graph, DOT styles, HTML escaping and the summary
// of large traces (declarations, sites, chunks); and the time
// formats they use.
#include "DotGraph.h"
#include "Exporters.h"
#include "JsonText.h"
#include "TimeFormat.h"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

using namespace borrowscope;
namespace json = boost::json;

namespace {

const char *const kTrace =
    R"({"version":1,"program":"./demo","pid":77,"timestamp_unit":"ns","events":[
{"type":"New","timestamp":1000,"thread":1,"var_id":1,"location":"d.c:3:7","function":"main","var_name":"x","type_name":"int"},
{"type":"New","timestamp":1000,"thread":1,"var_id":2,"location":"d.c:4:8","function":"main","var_name":"p","type_name":"int *"},
{"type":"Borrow","timestamp":1000,"thread":1,"owner_id":1,"borrower_id":2,"location":"d.c:4:8","function":"main","borrower_name":"p","borrower_kind":"variable","owner_name":"x","mutable":true},
{"type":"New","timestamp":1500,"thread":1,"var_id":3,"location":"d.c:5:14","function":"main","var_name":"q","type_name":"const int *"},
{"type":"Borrow","timestamp":1500,"thread":1,"owner_id":1,"borrower_id":3,"location":"d.c:5:14","function":"main","borrower_name":"q","borrower_kind":"variable","owner_name":"x","mutable":false},
{"type":"Borrow","timestamp":2000,"thread":1,"owner_id":1,"borrower_id":null,"location":"d.c:6:3","function":"main","borrower_name":"show","borrower_kind":"call","owner_name":"x","mutable":false},
{"type":"New","timestamp":2100,"thread":1,"var_id":4,"location":"d.c:1:20","function":"show","var_name":"v","type_name":"const int *"},
{"type":"Drop","timestamp":2300,"thread":1,"var_id":4,"location":"d.c:1:40","function":"show","var_name":"v","type_name":"const int *"},
{"type":"Drop","timestamp":2600,"thread":1,"var_id":2,"location":"d.c:8:1","function":"main","var_name":"p","type_name":"int *"},
{"type":"New","timestamp":2700,"thread":2,"var_id":4294967297,"location":"d.c:12:7","function":"worker","var_name":"item","type_name":"int"},
{"type":"Drop","timestamp":2900,"thread":2,"var_id":4294967297,"location":"d.c:14:1","function":"worker","var_name":"item","type_name":"int"},
{"type":"Drop","timestamp":3000,"thread":1,"var_id":1,"location":"d.c:8:1","function":"main","var_name":"x","type_name":"int"}
],"threads":[{"id":1,"os_tid":77,"name":"demo","events":10},{"id":2,"os_tid":78,"name":"worker","events":2}],"event_count":12,"lost_events":0}
)";

OwnershipModel model_of(const std::string &text) {
  ModelBuilder b;
  read_trace_buffer(text, b);
  return b.take();
}

std::string chrome(const OwnershipModel &m) {
  std::string text;
  Output out(&text);
  export_chrome(m, out);
  out.close();
  return text;
}

double num(const json::value &v) {
  return v.is_double() ? v.as_double() : double(v.to_number<int64_t>());
}

} // namespace

TEST(TimeFormat, Durations) {
  EXPECT_EQ(format_duration(0), "0 ns");
  EXPECT_EQ(format_duration(999), "999 ns");
  EXPECT_EQ(format_duration(1000), "1.00 µs");
  EXPECT_EQ(format_duration(57739), "57.7 µs");
  EXPECT_EQ(format_duration(999400), "999 µs");
  EXPECT_EQ(format_duration(999949), "1.00 ms");
  EXPECT_EQ(format_duration(99960), "100 µs");
  EXPECT_EQ(format_duration(999999), "1.00 ms");
  EXPECT_EQ(format_duration(1234567890), "1.23 s");
  EXPECT_EQ(format_microseconds(57739), "57.739");
  EXPECT_EQ(format_microseconds(5), "0.005");
}

TEST(JsonText, EscapesForJsonAndHtml) {
  std::string s;
  append_json_string(s, "a\"b\\c\n\x01</script>&\xe2\x80\xa8");
  // U+2028 is escaped for JSON too: it acts on terminals and old JavaScript.
  EXPECT_EQ(s, "\"a\\\"b\\\\c\\n\\u0001</script>&\\u2028\"");
  s.clear();
  append_json_string(s, "a\"b\\c\n\x01</script>&\xe2\x80\xa8", true);
  EXPECT_EQ(s, "\"a\\\"b\\\\c\\n\\u0001\\u003c/script\\u003e\\u0026\\u2028\"");
}

TEST(ChromeExport, StructureOpensInPerfetto) {
  OwnershipModel m = model_of(kTrace);
  json::value doc = json::parse(chrome(m));
  const json::array &events = doc.at("traceEvents").as_array();

  std::map<std::string, std::string> thread_names;
  std::map<std::pair<int64_t, int64_t>, double> last_ts; // per track
  std::map<uint64_t, int> flow_out, flow_in;
  std::map<std::string, int> async_open;
  std::set<std::string> async_names;
  int complete = 0;
  std::set<std::string> names;
  for (const json::value &v : events) {
    const json::object &e = v.as_object();
    std::string ph(e.at("ph").as_string());
    if (ph == "M") {
      if (e.at("name") == "thread_name")
        thread_names[std::to_string(e.at("tid").to_number<int64_t>())] =
            std::string(e.at("args").at("name").as_string());
      continue;
    }
    double ts = num(e.at("ts"));
    auto track = std::make_pair(e.at("pid").to_number<int64_t>(),
                                e.at("tid").to_number<int64_t>());
    if (ph == "X") {
      ++complete;
      ASSERT_TRUE(e.contains("dur")) << json::serialize(e);
      EXPECT_GE(num(e.at("dur")), 0);
      auto it = last_ts.find(track);
      if (it != last_ts.end())
        EXPECT_LE(it->second, ts) << json::serialize(e);
      last_ts[track] = ts;
    } else if (ph == "b" || ph == "e") {
      std::string key = std::string(e.at("cat").as_string()) + "/" +
                        std::to_string(e.at("id").to_number<int64_t>());
      async_open[key] += ph == "b" ? 1 : -1;
      async_names.insert(std::string(e.at("name").as_string()));
      EXPECT_GE(async_open[key], 0) << "end before begin: " << key;
    }
    if (e.contains("name"))
      names.insert(std::string(e.at("name").as_string()));
    if (e.contains("bind_id")) {
      uint64_t id = e.at("bind_id").to_number<uint64_t>();
      if (e.contains("flow_out")) {
        ++flow_out[id];
        EXPECT_EQ(flow_in.count(id), 0u) << "flow end before its start";
      }
      if (e.contains("flow_in"))
        ++flow_in[id];
    }
  }
  EXPECT_EQ(thread_names["1"], "demo (thread 1)");
  EXPECT_EQ(thread_names["2"], "worker (thread 2)");
  for (auto &[key, open] : async_open)
    EXPECT_EQ(open, 0) << key;
  EXPECT_EQ(flow_out.size(), 3u);
  EXPECT_EQ(flow_out, flow_in);
  for (auto &[id, n] : flow_out)
    EXPECT_EQ(n, 1) << id;
  EXPECT_TRUE(names.count("p = &mut x"));
  EXPECT_TRUE(names.count("q = &x"));
  EXPECT_TRUE(names.count("show(&x)"));
  EXPECT_TRUE(names.count("item"));
  // q lives from 1500 to the end (never dropped) and p from 1000 to 2600:
  // q overlaps p without nesting, so q and its borrow are async slices; the
  // other 4 lifetimes, 2 borrows and 3 owner marks nest on their tracks.
  EXPECT_EQ(async_names, (std::set<std::string>{"q", "q = &x"}));
  EXPECT_EQ(complete, 9);
}

TEST(ChromeExport, OverlapsThatDoNotNestBecomeAsync) {
  // a: 10..30, b: 20..40 on one thread: b cannot nest in a.
  OwnershipModel m = model_of(
      R"({"version":1,"events":[
{"type":"New","timestamp":10,"thread":1,"var_id":1,"location":"l","function":"f","var_name":"a","type_name":"int"},
{"type":"New","timestamp":20,"thread":1,"var_id":2,"location":"l","function":"f","var_name":"b","type_name":"int"},
{"type":"Drop","timestamp":30,"thread":1,"var_id":1,"location":"l","function":"f","var_name":"a","type_name":"int"},
{"type":"Drop","timestamp":40,"thread":1,"var_id":2,"location":"l","function":"f","var_name":"b","type_name":"int"}]})");
  std::string text = chrome(m);
  EXPECT_NE(text.find(R"({"ph":"X","pid":1,"tid":1,"ts":0.0005,"dur":0.0205,"cat":"variable","name":"a")"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(R"({"ph":"b","pid":1,"tid":1,"ts":0.0105,"cat":"variable","id":1,"name":"b")"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(R"({"ph":"e","pid":1,"tid":1,"ts":0.0305,"cat":"variable","id":1,"name":"b"})"),
            std::string::npos)
      << text;
}

TEST(ChromeExport, MicrosecondsSurviveTruncationToNanoseconds) {
  // Perfetto computes ns as (int64)(us * 1000.0); check every ns of a range.
  for (uint64_t ns = 0; ns < 200000; ++ns) {
    std::string text = format_microseconds(ns) + "5";
    double us = std::stod(text);
    ASSERT_EQ(int64_t(us * 1000.0), int64_t(ns)) << text;
  }
}

TEST(JsonExport, GraphHasNodesEdgesAndMetadata) {
  std::string text;
  {
    Output out(&text);
    JsonExporter exporter(out);
    ModelBuilder builder;
    TeeSink tee{&builder, &exporter};
    read_trace_buffer(kTrace, tee);
    exporter.finish(builder.take());
    out.close();
  }
  json::value doc = json::parse(text);
  EXPECT_EQ(doc.at("version"), 1);
  EXPECT_EQ(doc.at("events").as_array().size(), 12u);
  EXPECT_EQ(doc.at("event_count"), 12);
  const json::array &nodes = doc.at("nodes").as_array();
  ASSERT_EQ(nodes.size(), 5u);
  EXPECT_EQ(nodes[0].at("name"), "x");
  EXPECT_EQ(nodes[0].at("created_at"), 1000);
  EXPECT_EQ(nodes[0].at("dropped_at"), 3000);
  EXPECT_EQ(nodes[4].at("id"), 4294967297u);
  const json::array &edges = doc.at("edges").as_array();
  ASSERT_EQ(edges.size(), 3u);
  EXPECT_EQ(edges[0].at("from"), 2);
  EXPECT_EQ(edges[0].at("to"), 1);
  EXPECT_EQ(edges[0].at("relationship"), "borrows_mut");
  EXPECT_EQ(edges[0].at("start"), 1000);
  EXPECT_EQ(edges[0].at("end"), 2600);
  EXPECT_EQ(edges[1].at("relationship"), "borrows_immut");
  EXPECT_TRUE(edges[2].at("from").is_null());
  EXPECT_EQ(edges[2].at("borrower_kind"), "call");
  EXPECT_EQ(edges[2].at("end"), 2300);
  const json::object &meta = doc.at("metadata").as_object();
  EXPECT_EQ(meta.at("total_variables"), 5);
  EXPECT_EQ(meta.at("total_relationships"), 3);
  EXPECT_EQ(meta.at("immutable_borrows"), 2);
  EXPECT_EQ(meta.at("mutable_borrows"), 1);
  EXPECT_EQ(meta.at("total_events"), 12);

  // The export is itself a trace the reader accepts.
  OwnershipModel again = model_of(text);
  EXPECT_EQ(again.events, 12u);
  EXPECT_EQ(again.borrows.size(), 3u);
}

TEST(DotExport, StylesByKind) {
  std::string text;
  Output out(&text);
  export_dot(model_of(kTrace), out);
  out.close();
  EXPECT_NE(text.find("v1 -> v0 [color=\"#dc2626\""), std::string::npos) << text;
  EXPECT_NE(text.find("v2 -> v0 [color=\"#2563eb\""), std::string::npos) << text;
  EXPECT_NE(text.find("o0 [label=\"show()\", shape=oval"), std::string::npos) << text;
  EXPECT_NE(text.find("o0 -> v0 [color=\"#2563eb\""), std::string::npos) << text;
  // x is dropped: grey; q never is: bold.
  EXPECT_NE(text.find("v2 [label=\"q\\nconst int *  :5\", penwidth=2];"),
            std::string::npos);
  EXPECT_NE(text.find("v0 [label=\"x\\nint  :3\\n2.00 µs\", color=\"#9ca3af\""),
            std::string::npos)
      << text;
}

TEST(HtmlExport, NamesCannotBreakOutOfTheDataScript) {
  std::string trace = R"({"version":1,"program":"</script><script>bsPwned=1</script>","events":[
{"type":"New","timestamp":1,"thread":1,"var_id":1,"location":"<img src=x onerror=alert(1)>.c:1:1","function":"<b>f</b>","var_name":"</script><script>alert(1)</script>","type_name":"@DATA@"}]})";
  std::string text;
  Output out(&text);
  export_html(model_of(trace), CheckResults{}, {"t.json"}, out);
  out.close();
  // Exactly the page's own script elements, and no raw name anywhere.
  size_t scripts = 0;
  for (size_t at = text.find("<script"); at != std::string::npos;
       at = text.find("<script", at + 1))
    ++scripts;
  EXPECT_EQ(scripts, 2u);
  EXPECT_EQ(text.find("<img"), std::string::npos);
  EXPECT_EQ(text.find("<b>f"), std::string::npos);
  EXPECT_NE(text.find("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)"),
            std::string::npos);
  EXPECT_NE(text.find("<title>BorrowScope: &lt;/script&gt;&lt;script&gt;"),
            std::string::npos);
  EXPECT_EQ(text.find("http://"), std::string::npos);
  EXPECT_EQ(text.find("https://"), std::string::npos);
}

namespace {
// A loop of five iterations: x and p declared, p borrowing x, both dropped.
std::string loop_trace() {
  std::string t = R"({"version":1,"program":"./loop","events":[)";
  for (int i = 0; i < 5; ++i) {
    auto at = [&](int k) { return std::to_string(1000 + 100 * i + 10 * k); };
    std::string x = std::to_string(2 * i + 1), p = std::to_string(2 * i + 2);
    t += std::string(i ? "," : "") + "\n" +
         R"({"type":"New","timestamp":)" + at(0) + R"(,"thread":1,"var_id":)" + x +
         R"(,"location":"l.c:3:9","function":"main","var_name":"x","type_name":"int"},
{"type":"New","timestamp":)" + at(1) + R"(,"thread":1,"var_id":)" + p +
         R"(,"location":"l.c:4:10","function":"main","var_name":"p","type_name":"int *"},
{"type":"Borrow","timestamp":)" + at(1) + R"(,"thread":1,"owner_id":)" + x +
         R"(,"borrower_id":)" + p +
         R"(,"location":"l.c:4:10","function":"main","borrower_name":"p","borrower_kind":"variable","owner_name":"x","mutable":true},
{"type":"Drop","timestamp":)" + at(5) + R"(,"thread":1,"var_id":)" + p +
         R"(,"location":"l.c:6:3","function":"main","var_name":"p","type_name":"int *"},
{"type":"Drop","timestamp":)" + at(6) + R"(,"thread":1,"var_id":)" + x +
         R"(,"location":"l.c:6:3","function":"main","var_name":"x","type_name":"int"})";
  }
  return t + "]}";
}

json::value page_data(const std::string &page) {
  const std::string open = "<script type=\"application/json\" id=\"bs-data\">";
  size_t from = page.find(open);
  EXPECT_NE(from, std::string::npos);
  from += open.size();
  return json::parse(page.substr(from, page.find("</script>", from) - from));
}
} // namespace

TEST(HtmlExport, LargeTracesAreSummarisedByDeclaration) {
  OwnershipModel m = model_of(loop_trace());
  ASSERT_EQ(m.variables.size(), 10u);
  auto page = [&](HtmlOptions options) {
    std::string text;
    Output out(&text);
    export_html(m, CheckResults{}, options, out);
    out.close();
    return text;
  };
  HtmlOptions options("loop.json");
  // Up to the threshold, a bar per instance; past it, the summary.
  options.aggregate_above = 10;
  EXPECT_FALSE(page_data(page(options)).as_object().contains("agg"));
  options.aggregate_above = 9;
  json::value d = page_data(page(options));
  ASSERT_TRUE(d.as_object().contains("agg"));
  const json::object &agg = d.at("agg").as_object();
  const json::value &decls = agg.at("decls");
  const json::array &strings = d.at("strings").as_array();
  ASSERT_EQ(decls.at("n").as_array().size(), 2u);
  EXPECT_EQ(strings[size_t(decls.at("name").at(0).as_int64())].as_string(), "x");
  EXPECT_EQ(strings[size_t(decls.at("name").at(1).as_int64())].as_string(), "p");
  EXPECT_EQ(decls.at("n").at(0).as_int64(), 5);
  EXPECT_EQ(decls.at("n").at(1).as_int64(), 5);
  // x lives 60 ns each time, p 40 ns.
  EXPECT_EQ(decls.at("min").at(0).as_int64(), 60);
  EXPECT_EQ(decls.at("max").at(1).as_int64(), 40);
  // One borrow site: p -> x, mutable, five times, 40 ns each.
  const json::value &sites = agg.at("sites");
  ASSERT_EQ(sites.at("n").as_array().size(), 1u);
  EXPECT_EQ(sites.at("n").at(0).as_int64(), 5);
  EXPECT_EQ(sites.at("owner").at(0).as_int64(), 0);
  EXPECT_EQ(sites.at("by").at(0).as_int64(), 1);
  EXPECT_EQ(sites.at("med").at(0).as_int64(), 40);
  // Density: every bin of x's strip between its first start and last end
  // has at most one alive.
  int64_t alive = 0;
  for (const json::value &n : agg.at("heat").at("real").at(0).as_array())
    alive = std::max(alive, n.as_int64());
  EXPECT_EQ(alive, 1);
  // Without a chunk directory: no chunks named, no instances in the page.
  EXPECT_EQ(agg.at("chunks").at("href").as_string(), "");
  EXPECT_TRUE(agg.at("base").at("vars").at("g").as_array().empty());
  EXPECT_TRUE(d.as_object().contains("findings"));
  EXPECT_FALSE(d.as_object().contains("vars"));
}

TEST(HtmlExport, AggregatedPagesWriteTheirInstancesInChunks) {
  OwnershipModel m = model_of(loop_trace());
  HtmlOptions options("loop.json");
  options.detail = HtmlOptions::Detail::Aggregate;
  std::string dir = testing::TempDir() + "/bs-chunks.d";
  options.chunk_dir = dir;
  options.chunk_href = "bs-chunks.d";
  std::string text;
  Output out(&text);
  export_html(m, CheckResults{}, options, out);
  out.close();
  json::value d = page_data(text);
  EXPECT_EQ(d.at("agg").at("chunks").at("n").as_int64(), 1);
  std::FILE *f = std::fopen((dir + "/c00000.js").c_str(), "rb");
  ASSERT_NE(f, nullptr);
  char head[64] = {};
  size_t got = std::fread(head, 1, sizeof head - 1, f);
  std::fclose(f);
  std::string token(d.at("agg").at("chunks").at("token").as_string());
  EXPECT_EQ(std::string(head, got).substr(0, 19 + token.size()),
            "borrowscopeChunk(\"" + token + "\"");
  // The page's own policy lets it load scripts from beside it.
  EXPECT_NE(text.find("script-src 'unsafe-inline' 'self'"), std::string::npos);
  std::remove((dir + "/c00000.js").c_str());
  std::remove(dir.c_str());
}

namespace {
std::string dot_graph_of(const std::string &trace, DotLimits limits = {}) {
  DotGraphBuilder graph(limits);
  read_trace_buffer(trace, graph);
  std::string text;
  Output out(&text);
  graph.write(out);
  out.close();
  return text;
}

// Two iterations of a loop: x (at 0x100, 4 bytes) and p, which reborrows x
// by address; a call borrows x twice, then a reborrow of no variable.
const char *const kLoop =
    R"({"version":1,"program":"./loop","timestamp_unit":"ns","events":[
{"type":"New","timestamp":1,"thread":1,"var_id":1,"location":"l.c:3:7","function":"main","var_name":"x","type_name":"int","address":"0x100","size":4},
{"type":"New","timestamp":2,"thread":1,"var_id":2,"location":"l.c:4:8","function":"main","var_name":"p","type_name":"int *"},
{"type":"Borrow","timestamp":3,"thread":1,"owner_id":null,"address":"0x102","borrower_id":2,"location":"l.c:4:8","function":"main","borrower_name":"p","borrower_kind":"variable","owner_name":"","kind":"mutable"},
{"type":"Borrow","timestamp":4,"thread":1,"owner_id":1,"borrower_id":null,"location":"l.c:5:3","function":"main","borrower_name":"f","borrower_kind":"call","owner_name":"x","kind":"shared"},
{"type":"Drop","timestamp":5,"thread":1,"var_id":2,"location":"l.c:6:1","function":"main","var_name":"p","type_name":"int *"},
{"type":"Drop","timestamp":6,"thread":1,"var_id":1,"location":"l.c:6:1","function":"main","var_name":"x","type_name":"int"},
{"type":"New","timestamp":7,"thread":1,"var_id":3,"location":"l.c:3:7","function":"main","var_name":"x","type_name":"int","address":"0x100","size":4},
{"type":"New","timestamp":8,"thread":1,"var_id":4,"location":"l.c:4:8","function":"main","var_name":"p","type_name":"int *"},
{"type":"Borrow","timestamp":9,"thread":1,"owner_id":null,"address":"0x100","borrower_id":4,"location":"l.c:4:8","function":"main","borrower_name":"p","borrower_kind":"variable","owner_name":"","kind":"mutable"},
{"type":"Borrow","timestamp":10,"thread":1,"owner_id":3,"borrower_id":null,"location":"l.c:5:3","function":"main","borrower_name":"f","borrower_kind":"call","owner_name":"x","kind":"shared"},
{"type":"Drop","timestamp":11,"thread":1,"var_id":4,"location":"l.c:6:1","function":"main","var_name":"p","type_name":"int *"},
{"type":"Drop","timestamp":12,"thread":1,"var_id":3,"location":"l.c:6:1","function":"main","var_name":"x","type_name":"int"},
{"type":"Borrow","timestamp":13,"thread":1,"owner_id":null,"address":"0x100","borrower_id":null,"location":"l.c:7:3","function":"main","borrower_name":"g","borrower_kind":"call","owner_name":"","kind":"shared"}
],"threads":[{"id":1,"os_tid":1,"name":"loop","events":13}],"event_count":13}
)";
} // namespace

TEST(DotGraph, OneNodePerDeclarationAndCountedEdges) {
  std::string text = dot_graph_of(kLoop);
  EXPECT_NE(text.find("label=\"./loop: 2 declarations (4 instances), 5 borrows, 0 moves\""),
            std::string::npos) << text;
  EXPECT_NE(text.find("n0 [label=\"x\\nint  :3\\nin main\\n×2 instances\", color="),
            std::string::npos) << text;
  // Both reborrows found x by address (the second after x's slot was reused);
  // the one after x dropped found nothing and draws nothing.
  EXPECT_NE(text.find("n1 -> n0 [color=\"#dc2626\", fontcolor=\"#dc2626\", penwidth=1.5, label=\"&mut ×2\"];"),
            std::string::npos) << text;
  EXPECT_NE(text.find("n2 -> n0 [color=\"#2563eb\""), std::string::npos) << text;
  EXPECT_EQ(text.find("g()"), std::string::npos) << text;
}

TEST(DotGraph, CapsKeepTheHeaviest) {
  std::string text = dot_graph_of(kLoop, {2, 1});
  // x (2 instances + 4 borrows) and p (2 + 2) stay, f() (2) goes; of the
  // edge between them, one is left.
  EXPECT_NE(text.find("left out (the lightest): 1 of 3 nodes, 1 of 2 edges"),
            std::string::npos) << text;
  EXPECT_EQ(text.find("f()"), std::string::npos) << text;
  EXPECT_NE(text.find("n1 -> n0"), std::string::npos) << text;
}
