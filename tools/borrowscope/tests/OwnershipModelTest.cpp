// Events to lifetimes, borrow intervals (each end rule), moves, threads and
// anomalies.
#include "OwnershipModel.h"

#include <gtest/gtest.h>

#include <cstdio>

using namespace borrowscope;

namespace {

/// Builds traces event by event.
class TraceText {
public:
  TraceText &add(const std::string &fields) {
    events_ += (events_.empty() ? "" : ",\n") + std::string("{") + fields + "}";
    return *this;
  }
  TraceText &new_var(uint64_t t, uint64_t id, const std::string &name,
                     const std::string &function = "main", uint64_t thread = 1) {
    return add(common("New", t, function, thread) + ",\"var_id\":" +
               std::to_string(id) + ",\"var_name\":\"" + name +
               "\",\"type_name\":\"int\"");
  }
  TraceText &drop(uint64_t t, uint64_t id, const std::string &name,
                  const std::string &function = "main", uint64_t thread = 1) {
    return add(common("Drop", t, function, thread) + ",\"var_id\":" +
               std::to_string(id) + ",\"var_name\":\"" + name +
               "\",\"type_name\":\"int\"");
  }
  TraceText &borrow(uint64_t t, uint64_t owner, const std::string &owner_name,
                    const std::string &kind, const std::string &borrower_name,
                    std::optional<uint64_t> borrower, const char *mut,
                    const std::string &function = "main", uint64_t thread = 1) {
    return add(common("Borrow", t, function, thread) + ",\"owner_id\":" +
               std::to_string(owner) + ",\"borrower_id\":" +
               (borrower ? std::to_string(*borrower) : "null") +
               ",\"borrower_name\":\"" + borrower_name +
               "\",\"borrower_kind\":\"" + kind + "\",\"owner_name\":\"" +
               owner_name + "\",\"mutable\":" + mut);
  }
  TraceText &new_at(uint64_t t, uint64_t id, const std::string &name,
                    uint64_t address, uint64_t size,
                    const std::string &function = "main", uint64_t thread = 1) {
    return add(common("New", t, function, thread) + ",\"var_id\":" +
               std::to_string(id) + ",\"address\":\"" + hex(address) +
               "\",\"size\":" + std::to_string(size) + ",\"var_name\":\"" +
               name + "\",\"type_name\":\"int\"");
  }
  TraceText &reborrow(uint64_t t, uint64_t address, const std::string &borrower,
                      uint64_t borrower_id, const char *kind,
                      const std::string &function = "main", uint64_t thread = 1) {
    return add(common("Borrow", t, function, thread) +
               ",\"owner_id\":null,\"borrower_id\":" + std::to_string(borrower_id) +
               ",\"address\":\"" + hex(address) + "\",\"borrower_name\":\"" +
               borrower + "\",\"borrower_kind\":\"variable\",\"owner_name\":null," +
               "\"kind\":\"" + kind + "\",\"reborrow\":true");
  }
  TraceText &store(uint64_t t, uint64_t owner, const std::string &owner_name,
                   const std::string &borrower, uint64_t borrower_id,
                   uint64_t destination) {
    return add(common("Borrow", t, "main", 1) + ",\"owner_id\":" +
               std::to_string(owner) + ",\"borrower_id\":" +
               std::to_string(borrower_id) + ",\"destination\":\"" +
               hex(destination) + "\",\"borrower_name\":\"" + borrower +
               "\",\"borrower_kind\":\"variable\",\"owner_name\":\"" +
               owner_name + "\",\"kind\":\"mutable\"");
  }
  TraceText &move(uint64_t t, uint64_t from, std::optional<uint64_t> to) {
    return add(common("Move", t, "main", 1) + ",\"from_id\":" +
               std::to_string(from) + ",\"to_id\":" +
               (to ? std::to_string(*to) : "null") +
               ",\"from_name\":\"a\",\"to_name\":\"b\"");
  }
  std::string text(const std::string &trailer = "") const {
    return "{\"version\":1,\"program\":\"p\",\"events\":[" + events_ + "]" +
           trailer + "}";
  }
  OwnershipModel model(const std::string &trailer = "") const {
    ModelBuilder b;
    read_trace_buffer(text(trailer), b);
    return b.take();
  }

private:
  static std::string hex(uint64_t v) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
    return buf;
  }
  static std::string common(const char *type, uint64_t t,
                            const std::string &function, uint64_t thread) {
    return std::string("\"type\":\"") + type + "\",\"timestamp\":" +
           std::to_string(t) + ",\"thread\":" + std::to_string(thread) +
           ",\"location\":\"m.c:" + std::to_string(t) + ":1\",\"function\":\"" +
           function + "\"";
  }
  std::string events_;
};

const Variable &var(const OwnershipModel &m, uint64_t id) {
  uint32_t i = m.find_variable(id);
  EXPECT_NE(i, no_index) << "no variable " << id;
  return m.variables.at(i);
}

} // namespace

TEST(OwnershipModel, LifetimesAndCounts) {
  OwnershipModel m = TraceText()
                         .new_var(10, 1, "x")
                         .new_var(12, 2, "y")
                         .drop(30, 2, "y")
                         .model();
  ASSERT_EQ(m.variables.size(), 2u);
  const Variable &x = var(m, 1), &y = var(m, 2);
  EXPECT_EQ(m.str(x.name), "x");
  EXPECT_EQ(m.str(x.type), "int");
  EXPECT_EQ(m.str(x.function), "main");
  EXPECT_EQ(m.str(x.location), "m.c:10:1");
  EXPECT_TRUE(x.has(Variable::Created));
  EXPECT_FALSE(x.has(Variable::Dropped));
  EXPECT_EQ(m.lifetime_end(x), 30u); // never dropped: to the thread's end
  EXPECT_TRUE(y.has(Variable::Dropped));
  EXPECT_EQ(y.created, 12u);
  EXPECT_EQ(y.dropped, 30u);
  EXPECT_EQ(m.str(y.drop_location), "m.c:30:1");
  EXPECT_EQ(m.events, 3u);
  EXPECT_EQ(m.events_by_type[size_t(EventType::New)], 2u);
  EXPECT_EQ(m.events_by_type[size_t(EventType::Drop)], 1u);
  EXPECT_EQ(m.first_time, 10u);
  EXPECT_EQ(m.last_time, 30u);
  EXPECT_EQ(m.anomalies.total(), 0u);
}

TEST(OwnershipModel, BorrowByVariableEndsWhenTheBorrowerDrops) {
  OwnershipModel m = TraceText()
                         .new_var(10, 1, "x")
                         .new_var(10, 2, "p")
                         .borrow(11, 1, "x", "variable", "p", 2, "true")
                         .drop(50, 2, "p")
                         .drop(60, 1, "x")
                         .model();
  ASSERT_EQ(m.borrows.size(), 1u);
  const Borrow &b = m.borrows[0];
  EXPECT_EQ(b.start, 11u);
  EXPECT_EQ(b.end, 50u);
  EXPECT_EQ(b.end_rule, BorrowEnd::BorrowerDropped);
  EXPECT_EQ(b.mutability, Mutability::Mutable);
  EXPECT_EQ(b.kind, BorrowerKind::Variable);
  EXPECT_EQ(m.variables[b.owner].id, 1u);
  EXPECT_EQ(m.variables[b.borrower].id, 2u);
}

TEST(OwnershipModel, ALaterBorrowIntoTheSameBorrowerReplacesTheFirst) {
  OwnershipModel m = TraceText()
                         .new_var(10, 1, "x")
                         .new_var(10, 2, "y")
                         .new_var(10, 3, "p")
                         .borrow(20, 1, "x", "variable", "p", 3, "false")
                         .borrow(35, 2, "y", "variable", "p", 3, "false")
                         .drop(50, 3, "p")
                         .model();
  ASSERT_EQ(m.borrows.size(), 2u);
  EXPECT_EQ(m.borrows[0].end, 35u);
  EXPECT_EQ(m.borrows[0].end_rule, BorrowEnd::Replaced);
  EXPECT_EQ(m.borrows[1].end, 50u);
  EXPECT_EQ(m.borrows[1].end_rule, BorrowEnd::BorrowerDropped);
}

TEST(OwnershipModel, CallBorrowLastsWhileTheCalleeRuns) {
  OwnershipModel m = TraceText()
                         .new_var(10, 1, "x")
                         .borrow(20, 1, "x", "call", "bump", std::nullopt, "true")
                         .new_var(22, 2, "v", "bump")
                         .new_var(23, 3, "w", "helper") // bump's callee
                         .drop(24, 3, "w", "helper")
                         .drop(26, 2, "v", "bump")
                         .new_var(40, 4, "y", "main") // back in main
                         .new_var(45, 5, "v", "bump") // a later call: not ours
                         .model();
  const Borrow &b = m.borrows[0];
  EXPECT_EQ(b.start, 20u);
  EXPECT_EQ(b.end, 26u);
  EXPECT_EQ(b.end_rule, BorrowEnd::CallReturned);
  EXPECT_EQ(b.borrower, no_index);
  EXPECT_EQ(m.str(b.borrower_name), "bump");
}

TEST(OwnershipModel, CallWithoutCalleeEventsIsAnInstant) {
  OwnershipModel m = TraceText()
                         .new_var(10, 1, "x")
                         .borrow(20, 1, "x", "call", "strlen", std::nullopt, "false")
                         .new_var(30, 2, "y")
                         .model();
  EXPECT_EQ(m.borrows[0].end, 20u);
  EXPECT_EQ(m.borrows[0].end_rule, BorrowEnd::Instant);
}

TEST(OwnershipModel, RecursiveCallIsAnInstant) {
  OwnershipModel m = TraceText()
                         .new_var(10, 1, "x", "f")
                         .borrow(20, 1, "x", "call", "f", std::nullopt, "true", "f")
                         .new_var(22, 2, "x", "f")
                         .model();
  EXPECT_EQ(m.borrows[0].end_rule, BorrowEnd::Instant);
  EXPECT_EQ(m.borrows[0].end, 20u);
}

TEST(OwnershipModel, EscapesAndReturnsLastUntilTheOwnerDrops) {
  OwnershipModel m = TraceText()
                         .new_var(10, 1, "x")
                         .new_var(10, 2, "z")
                         .borrow(15, 1, "x", "escape", "<memory>", std::nullopt, "null")
                         .borrow(16, 2, "z", "return", "<return>", std::nullopt, "false")
                         .drop(70, 1, "x")
                         .new_var(80, 3, "late")
                         .model();
  EXPECT_EQ(m.borrows[0].end, 70u);
  EXPECT_EQ(m.borrows[0].end_rule, BorrowEnd::OwnerDropped);
  EXPECT_EQ(m.borrows[0].mutability, Mutability::Unknown);
  // z never drops: open until the end of its thread.
  EXPECT_EQ(m.borrows[1].end_rule, BorrowEnd::Open);
  EXPECT_EQ(m.borrows[1].end, 80u);
}

TEST(OwnershipModel, MovesMarkTheSource) {
  OwnershipModel m = TraceText()
                         .new_var(10, 1, "a")
                         .new_var(10, 2, "b")
                         .move(20, 1, 2)
                         .move(21, 2, std::nullopt)
                         .model();
  ASSERT_EQ(m.moves.size(), 2u);
  EXPECT_EQ(m.moves[0].time, 20u);
  EXPECT_EQ(m.variables[m.moves[0].from].id, 1u);
  EXPECT_EQ(m.variables[m.moves[0].to].id, 2u);
  EXPECT_EQ(m.moves[1].to, no_index);
  EXPECT_FALSE(m.moves[1].has_to_id);
  EXPECT_TRUE(var(m, 1).has(Variable::MovedOut));
  EXPECT_TRUE(var(m, 2).has(Variable::MovedOut));
}

TEST(OwnershipModel, ThreadsFromEventsAndTrailer) {
  OwnershipModel m =
      TraceText()
          .new_var(10, 1, "x", "main", 1)
          .new_var(12, 4294967297, "item", "worker", 2)
          .drop(19, 4294967297, "item", "worker", 2)
          .drop(20, 1, "x", "main", 1)
          .model(R"(,"threads":[{"id":1,"os_tid":100,"name":"app","events":2},)"
                 R"({"id":2,"os_tid":101,"name":"worker-1","events":2},)"
                 R"({"id":3,"os_tid":102,"name":"idle","events":0}],)"
                 R"("event_count":4,"lost_events":0)");
  ASSERT_EQ(m.threads.size(), 3u);
  EXPECT_EQ(m.threads[0].name, "app");
  EXPECT_EQ(m.threads[0].os_tid, 100u);
  EXPECT_EQ(m.threads[0].events, 2u);
  EXPECT_EQ(m.threads[1].name, "worker-1");
  EXPECT_EQ(m.threads[1].first, 12u);
  EXPECT_EQ(m.threads[1].last, 19u);
  EXPECT_EQ(m.threads[2].name, "idle");
  EXPECT_EQ(m.threads[2].events, 0u);
  EXPECT_EQ(var(m, 4294967297).thread_index, 1u);
  EXPECT_EQ(m.event_count, 4u);
  EXPECT_TRUE(m.complete);
}

TEST(OwnershipModel, AnomaliesAreCountedAndSurvived) {
  OwnershipModel m = TraceText()
                         .drop(5, 9, "ghost")
                         .new_var(10, 1, "x")
                         .new_var(11, 1, "x")
                         .drop(12, 1, "x")
                         .drop(13, 1, "x")
                         .borrow(14, 7, "nobody", "call", "f", std::nullopt, "true")
                         .new_var(3, 2, "early")
                         .model();
  EXPECT_EQ(m.anomalies.unknown_ids, 2u);
  EXPECT_EQ(m.anomalies.created_twice, 1u);
  EXPECT_EQ(m.anomalies.dropped_twice, 1u);
  EXPECT_EQ(m.anomalies.time_backwards, 1u);
  ASSERT_EQ(m.anomalies.examples.size(), 5u);
  EXPECT_EQ(m.anomalies.examples[0],
            "events[0]: Drop refers to id 9, which the trace never created");
  EXPECT_EQ(m.anomalies.examples[1], "events[2]: id 1 is created twice");
  // The ghost exists (dropped, never created) so its Drop is kept.
  const Variable &ghost = var(m, 9);
  EXPECT_FALSE(ghost.has(Variable::Created));
  EXPECT_TRUE(ghost.has(Variable::Dropped));
  // The borrow of an unknown owner still has an owner to point to.
  EXPECT_EQ(m.str(m.variables[m.borrows[0].owner].name), "nobody");
}

TEST(OwnershipModel, TruncatedTraceIsMarked) {
  std::string text = TraceText().new_var(10, 1, "x").text();
  text.resize(text.size() - 2); // drop "]}"
  ModelBuilder b;
  ReadOptions partial;
  partial.allow_truncated = true;
  read_trace_buffer(text, b, partial);
  OwnershipModel m = b.take();
  EXPECT_FALSE(m.complete);
  EXPECT_EQ(m.variables.size(), 1u);
}

TEST(OwnershipModel, ReborrowsFindTheLiveVariableHoldingTheAddress) {
  // Two instances reuse one stack slot (a loop); a struct holds a field.
  OwnershipModel m = TraceText()
                         .new_at(10, 1, "slot", 0x1000, 8)
                         .drop(20, 1, "slot")
                         .new_at(30, 2, "slot", 0x1000, 8)
                         .new_at(30, 3, "rec", 0x2000, 64)
                         .new_var(31, 4, "p", "f")
                         .reborrow(32, 0x1004, "p", 4, "shared", "f")
                         .new_var(33, 5, "q", "f")
                         .reborrow(34, 0x2030, "q", 5, "mutable", "f")
                         .new_var(35, 6, "r", "f")
                         .reborrow(36, 0x9999, "r", 6, "shared", "f") // heap
                         .drop(40, 4, "p", "f")
                         .drop(41, 5, "q", "f")
                         .drop(42, 6, "r", "f")
                         .drop(50, 2, "slot")
                         .drop(50, 3, "rec")
                         .model();
  ASSERT_EQ(m.borrows.size(), 2u); // the heap one is not a borrow
  const Borrow &p = m.borrows[0];
  EXPECT_TRUE(p.reborrow);
  EXPECT_EQ(p.owner_id, 2u); // the second instance: alive at 32
  EXPECT_EQ(m.str(p.owner_name), "slot");
  EXPECT_EQ(p.end, 40u);
  EXPECT_EQ(p.end_rule, BorrowEnd::BorrowerDropped);
  EXPECT_EQ(p.mutability, Mutability::Shared);
  const Borrow &q = m.borrows[1];
  EXPECT_EQ(q.owner_id, 3u); // a field inside rec
  EXPECT_EQ(q.mutability, Mutability::Mutable);
  EXPECT_EQ(m.anomalies.reborrows_of_no_variable, 1u);
  EXPECT_EQ(m.anomalies.total(), 0u);
}

TEST(OwnershipModel, AReborrowOfNoVariableReleasesWhatTheBorrowerHeld) {
  OwnershipModel m = TraceText()
                         .new_at(10, 1, "x", 0x1000, 4)
                         .new_var(10, 2, "p")
                         .borrow(11, 1, "x", "variable", "p", 2, "true")
                         .reborrow(15, 0x0, "p", 2, "mutable") // p = NULL
                         .drop(30, 2, "p")
                         .model();
  ASSERT_EQ(m.borrows.size(), 1u);
  EXPECT_EQ(m.borrows[0].end, 15u);
  EXPECT_EQ(m.borrows[0].end_rule, BorrowEnd::Replaced);
}

TEST(OwnershipModel, StoresIntoDestinationsReplaceByDestination) {
  // s.a = &x; s.b = &y; s.a = &z: only the first is replaced.
  OwnershipModel m = TraceText()
                         .new_var(10, 1, "x")
                         .new_var(10, 2, "y")
                         .new_var(10, 3, "z")
                         .new_var(10, 4, "s")
                         .store(11, 1, "x", "s", 4, 0x500)
                         .store(12, 2, "y", "s", 4, 0x508)
                         .store(13, 3, "z", "s", 4, 0x500)
                         .drop(20, 4, "s")
                         .model();
  ASSERT_EQ(m.borrows.size(), 3u);
  EXPECT_EQ(m.borrows[0].end, 13u);
  EXPECT_EQ(m.borrows[0].end_rule, BorrowEnd::Replaced);
  EXPECT_EQ(m.borrows[1].end, 20u);
  EXPECT_EQ(m.borrows[1].end_rule, BorrowEnd::BorrowerDropped);
  EXPECT_EQ(m.borrows[2].end, 20u);
}

TEST(OwnershipModel, RuntimeSpansAreTakenOutOfDurations) {
  TraceText t;
  t.new_var(10, 1, "x")
      .borrow(20, 1, "x", "variable", "p", 2, "false")
      .add("\"type\":\"Flush\",\"timestamp\":30,\"thread\":1,\"duration\":40,"
           "\"location\":\"\",\"function\":\"\"")
      .add("\"type\":\"Flush\",\"timestamp\":90,\"thread\":2,\"duration\":5,"
           "\"location\":\"\",\"function\":\"\"")
      .drop(100, 1, "x");
  OwnershipModel m = t.model();
  EXPECT_EQ(m.events, 3u); // Flush events are no program events
  EXPECT_EQ(m.events_by_type[size_t(EventType::Flush)], 2u);
  EXPECT_EQ(m.runtime.count(), 2u);
  EXPECT_EQ(m.runtime.total(), 45u);
  const Variable &x = var(m, 1);
  EXPECT_EQ(m.lifetime(x), 90u - 40u); // thread 2's span is not x's
  ASSERT_EQ(m.borrows.size(), 1u);
  uint64_t whole = m.borrows[0].end - m.borrows[0].start;
  EXPECT_EQ(m.duration(m.borrows[0]), whole - 40u);
  m.count_runtime = true;
  EXPECT_EQ(m.lifetime(x), 90u);
  EXPECT_EQ(m.duration(m.borrows[0]), whole);
}
