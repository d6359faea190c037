// The streaming reader: exact fields of every event type, any chunking,
// the trailer, truncated traces, and one exact message per kind of bad input.
#include "TraceReader.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace borrowscope;

namespace {

struct Collected : TraceSink {
  int headers = 0, trailers = 0;
  TraceHeader header;
  std::vector<StoredEvent> events;
  TraceTrailer trailer;
  void on_header(const TraceHeader &h) override {
    ++headers;
    header = h;
  }
  void on_event(const Event &e) override { events.push_back(e); }
  void on_trailer(const TraceTrailer &t) override {
    ++trailers;
    trailer = t;
  }
};

const std::string kTrace =
    R"({"version":1,"program":"./example","pid":4242,"timestamp_unit":"ns","events":[
{"type":"New","timestamp":9705,"thread":1,"var_id":1,"location":"example.c:5:7","function":"main","var_name":"x","type_name":"int"},
{"type":"New","timestamp":9705,"thread":1,"var_id":2,"location":"example.c:6:8","function":"main","var_name":"p","type_name":"int *"},
{"type":"Borrow","timestamp":9705,"thread":1,"owner_id":1,"borrower_id":2,"location":"example.c:6:8","function":"main","borrower_name":"p","borrower_kind":"variable","owner_name":"x","mutable":true},
{"type":"Borrow","timestamp":42846,"thread":1,"owner_id":1,"borrower_id":null,"location":"example.c:9:3","function":"main","borrower_name":"show","borrower_kind":"call","owner_name":"x","mutable":false},
{"type":"Move","timestamp":50000,"thread":1,"from_id":1,"to_id":null,"location":"example.c:10:3","function":"main","from_name":"x","to_name":"y"},
{"type":"Drop","timestamp":57739,"thread":1,"var_id":2,"location":"example.c:15:1","function":"main","var_name":"p","type_name":"int *","unwind":true},
{"type":"Drop","timestamp":57739,"thread":1,"var_id":1,"location":"example.c:15:1","function":"main","var_name":"x","type_name":"int"}
],"threads":[{"id":1,"os_tid":4242,"name":"example","events":7}],"event_count":7,"lost_events":0}
)";

Collected read(const std::string &text, ReadOptions options = {}) {
  Collected c;
  read_trace_buffer(text, c, options);
  return c;
}

/// The message of the TraceError that reading \p text throws.
std::string error_of(const std::string &text,
                     TraceError::Kind *kind = nullptr) {
  try {
    read(text);
  } catch (const TraceError &e) {
    if (kind)
      *kind = e.kind();
    return e.what();
  }
  return "(no error)";
}

std::string event(const std::string &fields) {
  return R"({"version":1,"events":[{)" + fields + "}]}";
}

const std::string kNewFields =
    R"("type":"New","timestamp":1,"thread":1,"var_id":1,"location":"a.c:1:1","function":"f","var_name":"x","type_name":"int")";

} // namespace

TEST(TraceReader, ReadsEveryField) {
  Collected c = read(kTrace);
  EXPECT_EQ(c.headers, 1);
  EXPECT_EQ(c.header.version, 1u);
  EXPECT_EQ(c.header.program, "./example");
  EXPECT_EQ(c.header.pid, 4242u);
  EXPECT_EQ(c.header.timestamp_unit, "ns");
  ASSERT_EQ(c.events.size(), 7u);

  const Event &x = c.events[0];
  EXPECT_EQ(x.type, EventType::New);
  EXPECT_EQ(x.index, 0u);
  EXPECT_EQ(x.timestamp, 9705u);
  EXPECT_EQ(x.thread, 1u);
  EXPECT_EQ(x.var_id, 1u);
  EXPECT_EQ(x.location, "example.c:5:7");
  EXPECT_EQ(x.function, "main");
  EXPECT_EQ(x.var_name, "x");
  EXPECT_EQ(x.type_name, "int");
  EXPECT_FALSE(x.unwind);

  const Event &b = c.events[2];
  EXPECT_EQ(b.type, EventType::Borrow);
  EXPECT_EQ(b.owner_id, 1u);
  EXPECT_EQ(b.borrower_id, std::optional<uint64_t>(2));
  EXPECT_EQ(b.borrower_name, "p");
  EXPECT_EQ(b.borrower_kind, BorrowerKind::Variable);
  EXPECT_EQ(b.owner_name, "x");
  EXPECT_EQ(b.mutability, Mutability::Mutable);

  const Event &call = c.events[3];
  EXPECT_EQ(call.borrower_id, std::nullopt);
  EXPECT_EQ(call.borrower_kind, BorrowerKind::Call);
  EXPECT_EQ(call.mutability, Mutability::Shared);
  EXPECT_EQ(call.index, 3u);

  const Event &mv = c.events[4];
  EXPECT_EQ(mv.type, EventType::Move);
  EXPECT_EQ(mv.from_id, 1u);
  EXPECT_EQ(mv.to_id, std::nullopt);
  EXPECT_EQ(mv.from_name, "x");
  EXPECT_EQ(mv.to_name, "y");

  EXPECT_TRUE(c.events[5]->unwind);
  EXPECT_EQ(c.events[6]->type, EventType::Drop);

  EXPECT_EQ(c.trailers, 1);
  EXPECT_TRUE(c.trailer.complete);
  EXPECT_EQ(c.trailer.event_count, 7u);
  EXPECT_EQ(c.trailer.lost_events, 0u);
  EXPECT_EQ(c.trailer.events_read, 7u);
  ASSERT_EQ(c.trailer.threads.size(), 1u);
  EXPECT_EQ(c.trailer.threads[0].id, 1u);
  EXPECT_EQ(c.trailer.threads[0].os_tid, 4242u);
  EXPECT_EQ(c.trailer.threads[0].name, "example");
  EXPECT_EQ(c.trailer.threads[0].events, 7u);
}

TEST(TraceReader, ReadsReborrowsKindsAndAddresses) {
  Collected c = read(R"({"version":1,"events":[
{"type":"New","timestamp":1,"thread":1,"var_id":1,"address":"0x7ffd619046bc","size":48,"location":"a.c:1:1","function":"main","var_name":"x","type_name":"int"},
{"type":"Borrow","timestamp":2,"thread":1,"owner_id":null,"borrower_id":2,"address":"0x7ffd619046c0","location":"a.c:2:1","function":"f","borrower_name":"p","borrower_kind":"variable","owner_name":null,"kind":"mutable","mutable":true,"reborrow":true},
{"type":"Borrow","timestamp":3,"thread":1,"owner_id":1,"borrower_id":3,"destination":"0xABCDEF","location":"a.c:3:1","function":"main","borrower_name":"s","borrower_kind":"variable","owner_name":"x","kind":"move","mutable":true},
{"type":"Borrow","timestamp":4,"thread":1,"owner_id":1,"borrower_id":null,"location":"a.c:4:1","function":"main","borrower_name":"g","borrower_kind":"call","owner_name":"x","kind":"shared"}
]})");
  ASSERT_EQ(c.events.size(), 4u);
  EXPECT_EQ(c.events[0]->address, 0x7ffd619046bcu);
  EXPECT_EQ(c.events[0]->size, 48u);
  // A reborrow's owner is found as it is read: the live variable whose
  // address range holds the address (x: 48 bytes from ...6bc).
  const Event &r = c.events[1];
  EXPECT_TRUE(r.reborrow);
  EXPECT_EQ(r.owner_id, 1u);
  EXPECT_EQ(r.owner_name, "x");
  EXPECT_EQ(r.address, 0x7ffd619046c0u);
  EXPECT_EQ(r.mutability, Mutability::Mutable);
  // `kind` wins over `mutable`, whatever their order.
  EXPECT_EQ(c.events[2]->mutability, Mutability::Move);
  EXPECT_EQ(c.events[2]->destination, 0xabcdefu);
  EXPECT_FALSE(c.events[2]->reborrow);
  EXPECT_EQ(c.events[3]->mutability, Mutability::Shared);
  EXPECT_EQ(c.events[3]->address, std::nullopt);
}

TEST(TraceReader, AnyChunkingGivesTheSameEvents) {
  Collected whole = read(kTrace);
  for (size_t chunk : {1u, 2u, 3u, 7u, 64u, 1000u}) {
    Collected c;
    TraceReader reader(c);
    for (size_t i = 0; i < kTrace.size(); i += chunk)
      reader.feed(std::string_view(kTrace).substr(i, chunk));
    reader.finish();
    ASSERT_EQ(c.events.size(), whole.events.size()) << "chunk " << chunk;
    for (size_t i = 0; i < c.events.size(); ++i) {
      EXPECT_EQ(c.events[i]->location, whole.events[i]->location);
      EXPECT_EQ(c.events[i]->var_name, whole.events[i]->var_name);
      EXPECT_EQ(c.events[i]->timestamp, whole.events[i]->timestamp);
    }
    EXPECT_EQ(c.trailer.threads.size(), 1u);
  }
}

TEST(TraceReader, WhitespaceAndFieldOrderDoNotMatter) {
  Collected c = read(
      " \n{ \"version\" : 1 ,\n \"events\" : [ { \"function\":\"f\", "
      "\"type_name\":\"int\", \"var_name\":\"x\", \"location\":\"l\", "
      "\"var_id\":5, \"thread\":2, \"timestamp\":3, \"type\":\"New\" } ]\n}\n ");
  ASSERT_EQ(c.events.size(), 1u);
  EXPECT_EQ(c.events[0]->var_id, 5u);
  EXPECT_EQ(c.events[0]->thread, 2u);
  EXPECT_EQ(c.events[0]->timestamp, 3u);
}

TEST(TraceReader, SkipsUnknownFieldsOfAnyShape) {
  Collected c = read(R"({"version":1,"future":{"a":[1,{"b":null}],"c":"d"},"events":[{)" +
                     kNewFields + R"(,"extra":[1,2,{"x":true}],"more":{"y":[]}}],"note":"hi"})");
  ASSERT_EQ(c.events.size(), 1u);
  EXPECT_EQ(c.events[0]->var_name, "x");
  EXPECT_TRUE(c.trailer.complete);
  EXPECT_EQ(c.trailer.event_count, std::nullopt);
}

TEST(TraceReader, StringsWithEscapesAndUnicode) {
  Collected c = read(event(
      R"("type":"New","timestamp":1,"thread":1,"var_id":1,"location":"d\u00e9j\u00e0.c:1:1","function":"ns::f<\"q\">","var_name":"<script>","type_name":"std::map<int, int>")"));
  ASSERT_EQ(c.events.size(), 1u);
  EXPECT_EQ(c.events[0]->location, "d\xc3\xa9j\xc3\xa0.c:1:1");
  EXPECT_EQ(c.events[0]->function, "ns::f<\"q\">");
  EXPECT_EQ(c.events[0]->var_name, "<script>");
}

TEST(TraceReader, ReusedEventIsClearedBetweenEvents) {
  Collected c = read(R"({"version":1,"events":[{)" + kNewFields +
                     R"(,"unwind":true},{"type":"Borrow","timestamp":2,"thread":1,"owner_id":1,"borrower_id":null,"location":"l","function":"f","borrower_name":"g","borrower_kind":"escape","owner_name":"x","mutable":null}]})");
  ASSERT_EQ(c.events.size(), 2u);
  EXPECT_TRUE(c.events[0]->unwind);
  EXPECT_FALSE(c.events[1]->unwind);
  EXPECT_EQ(c.events[1]->var_name, "");
  EXPECT_EQ(c.events[1]->mutability, Mutability::Unknown);
  EXPECT_EQ(c.events[1]->borrower_kind, BorrowerKind::Escape);
}

TEST(TraceReader, TruncatedTraceIsAnErrorUnlessAllowed) {
  std::string cut = kTrace.substr(0, kTrace.find("{\"type\":\"Move\""));
  TraceError::Kind kind{};
  EXPECT_EQ(error_of(cut, &kind),
            "truncated after 4 events: the trace has no end (the program was "
            "killed or called _exit before it finished)");
  EXPECT_EQ(kind, TraceError::Kind::Truncated);

  ReadOptions partial;
  partial.allow_truncated = true;
  Collected c = read(cut, partial);
  EXPECT_EQ(c.events.size(), 4u);
  EXPECT_EQ(c.headers, 1);
  EXPECT_EQ(c.trailers, 1);
  EXPECT_FALSE(c.trailer.complete);
  EXPECT_EQ(c.trailer.events_read, 4u);

  // Cut inside an event: that event is not delivered.
  Collected mid = read(kTrace.substr(0, kTrace.find("\"Move\"") + 10), partial);
  EXPECT_EQ(mid.events.size(), 4u);
}

TEST(TraceReader, TruncatedBeforeEventsIsAnErrorEvenWhenAllowed) {
  ReadOptions partial;
  partial.allow_truncated = true;
  Collected c;
  try {
    read_trace_buffer(R"({"version":1,"progr)", c, partial);
    FAIL() << "no error";
  } catch (const TraceError &e) {
    EXPECT_STREQ(e.what(), "truncated at line 1, before any event");
  }
}

TEST(TraceReader, EmptyAndBlankInput) {
  EXPECT_EQ(error_of(""), "empty file, not a trace");
  EXPECT_EQ(error_of(" \n\t "), "only white space, not a trace");
}

TEST(TraceReader, SyntaxErrorsSayWhere) {
  TraceError::Kind kind{};
  EXPECT_EQ(error_of("{\"version\":1,\n\"events\":[}\n", &kind),
            "invalid JSON at line 2, column 11: syntax error");
  EXPECT_EQ(kind, TraceError::Kind::Syntax);
  EXPECT_EQ(error_of(R"({"version":1,"events":[]} trailing)"),
            "invalid JSON at line 1, column 27: more data after the trace");
  EXPECT_EQ(error_of("{\"version\":1,\"events\":[]}\n\n {}"),
            "invalid JSON at line 3, column 2: more data after the trace");
  // White space after the trace is fine.
  EXPECT_EQ(read("{\"version\":1,\"events\":[]}\n \n").trailers, 1);
  EXPECT_EQ(error_of("\xff"),
            "invalid JSON at line 1, column 1: byte 0xff is not UTF-8 (a JSON "
            "trace must be UTF-8 throughout; is it another encoding, or not a "
            "trace?)");
}

TEST(TraceReader, ByteOrderMarkAndNonUtf8SaySo) {
  EXPECT_EQ(error_of("\xef\xbb\xbf{\"version\":1,\"events\":[]}"),
            "invalid JSON at line 1, column 1: the file starts with a UTF-8 "
            "byte order mark (EF BB BF), which JSON does not allow; remove "
            "those 3 bytes");
  // Latin-1 in a name: where, and which byte.
  std::string error = error_of("{\"version\":1,\"program\":\"caf\xe9\",\"events\":[]}");
  EXPECT_EQ(error, "invalid JSON at line 1, column 28: byte 0xe9 is not UTF-8 "
                   "(a JSON trace must be UTF-8 throughout; is it another "
                   "encoding, or not a trace?)");
  // UTF-16 (its byte order mark is FF FE).
  EXPECT_NE(error_of(std::string("\xff\xfe{\0", 4)).find("byte 0xff is not UTF-8"),
            std::string::npos);
}

TEST(TraceReader, WrongShapes) {
  EXPECT_EQ(error_of("[1,2]"),
            "the top level is an array, not a BorrowScope trace (expected an object)");
  EXPECT_EQ(error_of("42"),
            "the top level is a number, not a BorrowScope trace (expected an object)");
  EXPECT_EQ(error_of(R"({"events":[]})"),
            "no \"version\" before \"events\": not a BorrowScope trace");
  EXPECT_EQ(error_of(R"({"version":1})"),
            "no \"events\" array: not a BorrowScope trace");
  EXPECT_EQ(error_of(R"({"program":"x"})"),
            "no \"version\": not a BorrowScope trace");
  EXPECT_EQ(error_of(R"({"version":2,"events":[]})"),
            "trace format version 2 is not supported (this borrowscope reads version 1)");
  EXPECT_EQ(error_of(R"({"version":"1","events":[]})"),
            "\"version\" is a string, expected a non-negative integer");
  EXPECT_EQ(error_of(R"({"version":1,"events":{}})"),
            "\"events\" is an object, expected an array");
  EXPECT_EQ(error_of(R"({"version":1,"events":[],"events":[]})"),
            "\"events\" appears twice");
  EXPECT_EQ(error_of(R"({"version":1,"timestamp_unit":"ms","events":[]})"),
            "\"timestamp_unit\" is \"ms\", only \"ns\" is supported");
  EXPECT_EQ(error_of(R"({"version":1,"events":[7]})"),
            "events[0] is a number, expected an object");
  EXPECT_EQ(error_of(R"({"version":1,"events":[[]]})"),
            "events[0] is an array, expected an object");
  EXPECT_EQ(error_of(R"({"version":1,"events":[],"threads":[{"name":"x"}]})"),
            "threads[0]: no \"id\"");
  EXPECT_EQ(error_of(R"({"version":1,"events":[],"threads":[{"id":"x"}]})"),
            "threads[0]: \"id\" is a string");
  EXPECT_EQ(error_of(R"({"version":1,"events":[],"event_count":3})"),
            "\"event_count\" is 3 but \"events\" has 0 entries");
}

TEST(TraceReader, BadEvents) {
  EXPECT_EQ(error_of(event(R"("type":"Foo")")),
            "events[0]: unknown event type \"Foo\" (expected New, Borrow, Move, "
            "Drop, Release, Free or Flush)");
  EXPECT_EQ(error_of(event(R"("timestamp":1)")), "events[0]: no \"type\"");
  EXPECT_EQ(error_of(event(R"("type":"New","timestamp":1,"thread":1,"location":"l","function":"f","var_id":1,"var_name":"x")")),
            "events[0] (New): no \"type_name\"");
  EXPECT_EQ(error_of(event(R"("type":"Borrow","timestamp":1,"thread":1,"location":"l","function":"f","owner_id":1,"owner_name":"x","borrower_name":"p","borrower_kind":"variable","mutable":true)")),
            "events[0] (Borrow): no \"borrower_id\"");
  EXPECT_EQ(error_of(event(kNewFields + R"(,"timestamp":"soon")")),
            "events[0]: \"timestamp\" is a string, expected a non-negative integer");
  EXPECT_EQ(error_of(event(kNewFields + R"(,"var_id":-3)")),
            "events[0]: \"var_id\" is -3, expected a non-negative integer");
  EXPECT_EQ(error_of(event(kNewFields + R"(,"var_id":1.5)")),
            "events[0]: \"var_id\" is 1.5, expected a non-negative integer");
  EXPECT_EQ(error_of(event(kNewFields + R"(,"var_name":7)")),
            "events[0]: \"var_name\" is a number, expected a string");
  EXPECT_EQ(error_of(event(kNewFields + R"(,"location":{"file":"a"})")),
            "events[0]: \"location\" is an object, expected a string");
  EXPECT_EQ(error_of(event(kNewFields + R"(,"unwind":1)")),
            "events[0]: \"unwind\" is a number, expected a boolean");
  EXPECT_EQ(error_of(event(R"("type":"Borrow","mutable":"yes")")),
            "events[0]: \"mutable\" is a string, expected true, false or null");
  EXPECT_EQ(error_of(event(R"("type":"Borrow","borrower_kind":"friend")")),
            "events[0]: unknown borrower_kind \"friend\"");
  EXPECT_EQ(error_of(event(R"("type":"Borrow","borrower_id":"p")")),
            "events[0]: \"borrower_id\" is a string, expected a non-negative integer or null");
  EXPECT_EQ(error_of(event(R"("type":"Borrow","kind":"borrowed")")),
            "events[0]: unknown borrow kind \"borrowed\" (expected shared, mutable, move or unknown)");
  EXPECT_EQ(error_of(event(R"("type":"Borrow","address":"7ffd")")),
            "events[0]: \"address\" is \"7ffd\", expected an address string like \"0x7ffd619046bc\"");
  EXPECT_EQ(error_of(event(R"("type":"Borrow","destination":12)")),
            "events[0]: \"destination\" is a number, expected an address string like \"0x7ffd619046bc\"");
  EXPECT_EQ(error_of(event(R"("type":"Borrow","owner_name":3)")),
            "events[0]: \"owner_name\" is a number, expected a string or null");
  EXPECT_EQ(error_of(event(R"("type":"Borrow","timestamp":1,"thread":1,"location":"l","function":"f","owner_id":1,"borrower_id":null,"owner_name":"x","borrower_name":"p","borrower_kind":"call")")),
            "events[0] (Borrow): no \"kind\" (or \"mutable\")");
}

TEST(TraceReader, HugeNumbers) {
  EXPECT_EQ(error_of(event(kNewFields + R"(,"timestamp":18446744073709551615)")),
            "events[0]: timestamp 18446744073709551615 is out of range (at most 2^62 ns)");
  EXPECT_EQ(error_of(event(kNewFields + R"(,"timestamp":4611686018427387904)")),
            "events[0]: timestamp 4611686018427387904 is out of range (at most 2^62 ns)");
  EXPECT_EQ(error_of(event(kNewFields + R"(,"timestamp":1e400)")),
            "events[0]: \"timestamp\" is 1e400, expected a non-negative integer");
  EXPECT_EQ(error_of(event(kNewFields + R"(,"var_id":99999999999999999999999)")),
            "events[0]: \"var_id\" is 99999999999999999999999, expected a non-negative integer");
  // The largest id is fine: ids are only compared.
  Collected c = read(event(kNewFields + R"(,"var_id":18446744073709551615)"));
  EXPECT_EQ(c.events[0]->var_id, UINT64_MAX);
}

TEST(TraceReader, LongStringsAreRefused) {
  std::string name(max_trace_string + 1, 'a');
  EXPECT_EQ(error_of(event(kNewFields + ",\"var_name\":\"" + name + "\"")),
            "events[0]: a string longer than 1 MiB");
  // Long strings in ignored fields cost nothing and are fine.
  Collected c = read(event(kNewFields + ",\"comment\":\"" + name + "\""));
  EXPECT_EQ(c.events.size(), 1u);
}

TEST(TraceReader, DeepNestingIsRefused) {
  std::string deep = R"({"version":1,"x":)" + std::string(100, '[') +
                     std::string(100, ']') + R"(,"events":[]})";
  TraceError::Kind kind{};
  std::string message = error_of(deep, &kind);
  EXPECT_EQ(kind, TraceError::Kind::Syntax);
  EXPECT_NE(message.find("invalid JSON at line 1"), std::string::npos) << message;
}

TEST(TraceReader, FileErrors) {
  Collected c;
  try {
    read_trace_file("/nonexistent/trace.json", c);
    FAIL();
  } catch (const TraceError &e) {
    EXPECT_EQ(e.kind(), TraceError::Kind::Io);
    EXPECT_STREQ(e.what(), "No such file or directory");
  }
  try {
    read_trace_file("/", c);
    FAIL();
  } catch (const TraceError &e) {
    EXPECT_STREQ(e.what(), "a directory, not a trace");
  }
}

TEST(TraceReader, ReadsFilesInChunks) {
  std::string path = testing::TempDir() + "/reader_chunks.json";
  {
    std::ofstream out(path);
    out << R"({"version":1,"events":[)";
    for (int i = 0; i < 5000; ++i)
      out << (i ? "," : "") << "{" << kNewFields << "}\n";
    out << R"(],"event_count":5000})";
  }
  Collected c;
  read_trace_file(path, c);
  EXPECT_EQ(c.events.size(), 5000u);
  EXPECT_EQ(c.events.back()->index, 4999u);
  std::remove(path.c_str());
}
