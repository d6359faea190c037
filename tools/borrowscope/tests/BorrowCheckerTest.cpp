// The rules of `borrowscope check` (docs/semantics.md), one by one, on
// hand-written traces.
#include "BorrowChecker.h"

#include <gtest/gtest.h>

#include <string>

using namespace borrowscope;

namespace {

/// A trace built event by event; every event is on thread 1 unless said.
class Trace {
public:
  Trace &raw(const std::string &type, const std::string &line,
             const std::string &fields, uint64_t thread = 1) {
    last_ = "{\"type\":\"" + type + "\",\"timestamp\":" +
            std::to_string(++time_) + ",\"thread\":" +
            std::to_string(thread) + ",\"location\":\"t.c:" + line +
            "\",\"function\":\"f\"," + fields + "}";
    return repeat();
  }
  /// The last event once more, at the same time (a second argument of the
  /// same call).
  Trace &repeat() {
    events_ += events_.empty() ? "" : ",\n";
    events_ += last_;
    ++count_;
    return *this;
  }
  Trace &make(uint64_t id, const std::string &name, const std::string &line,
              const std::string &address = "", uint64_t size = 4) {
    std::string fields = "\"var_id\":" + std::to_string(id);
    if (!address.empty())
      fields += ",\"address\":\"" + address + "\",\"size\":" +
                std::to_string(size);
    return raw("New", line, fields + ",\"var_name\":\"" + name +
                                "\",\"type_name\":\"int\"");
  }
  Trace &drop(uint64_t id, const std::string &name, const std::string &line) {
    return raw("Drop", line,
               "\"var_id\":" + std::to_string(id) + ",\"var_name\":\"" + name +
                   "\",\"type_name\":\"int\"");
  }
  /// A borrow of \p owner (0: a reborrow of \p address) by a variable,
  /// a call, memory or a return.
  Trace &borrow(const std::string &line, uint64_t owner,
                const std::string &borrower_kind, const std::string &borrower,
                uint64_t borrower_id, const std::string &kind,
                const std::string &extra = "") {
    std::string f = "\"owner_id\":" +
                    (owner ? std::to_string(owner) : std::string("null")) +
                    ",\"borrower_id\":" +
                    (borrower_id ? std::to_string(borrower_id) : "null") +
                    ",\"borrower_name\":\"" + borrower +
                    "\",\"borrower_kind\":\"" + borrower_kind +
                    "\",\"owner_name\":" + (owner ? "\"o\"" : "null") +
                    ",\"kind\":\"" + kind + "\"" + extra;
    return raw("Borrow", line, f);
  }
  Trace &move(const std::string &line, uint64_t from, uint64_t to) {
    return raw("Move", line,
               "\"from_id\":" + std::to_string(from) + ",\"to_id\":" +
                   std::to_string(to) +
                   ",\"from_name\":\"a\",\"to_name\":\"b\"");
  }
  std::string text() const {
    return "{\"version\":1,\"program\":\"t\",\"pid\":1,\"timestamp_unit\":"
           "\"ns\",\"events\":[\n" +
           events_ + "\n],\"threads\":[],\"event_count\":" +
           std::to_string(count_) + ",\"lost_events\":0}";
  }

private:
  std::string events_, last_;
  uint64_t time_ = 0;
  uint64_t count_ = 0;
};

std::vector<Violation> check(const Trace &t) {
  BorrowChecker checker;
  read_trace_buffer(t.text(), checker);
  return checker.violations();
}

std::string kinds(const std::vector<Violation> &v) {
  std::string s;
  for (const Violation &x : v)
    s += (s.empty() ? "" : " ") + x.kind + "@" + x.location;
  return s;
}

TEST(BorrowChecker, HolderOutlivingItsOwnerDangles) {
  Trace t;
  t.make(1, "p", "1:1").make(2, "x", "3:7").borrow("4:7", 2, "variable", "p", 1,
                                                   "mutable");
  t.drop(2, "x", "5:3").make(3, "y", "6:7"); // the program runs on
  auto v = check(t);
  ASSERT_EQ(kinds(v), "dangling_borrow@t.c:4:7");
  EXPECT_EQ(v[0].owner, "x");
  EXPECT_EQ(v[0].borrower, "p");
  EXPECT_EQ(v[0].owner_location, "t.c:3:7");
  EXPECT_EQ(v[0].message, "'x' (declared at t.c:3:7) is dropped at t.c:5:3 "
                          "while 'p' still holds the borrow taken here");
}

TEST(BorrowChecker, DroppedTogetherAtOneScopeExitIsFine) {
  Trace t; // int *p; int x; p = &x;  at one scope level
  t.make(1, "p", "1:1").make(2, "x", "2:1").borrow("3:5", 2, "variable", "p", 1,
                                                   "mutable");
  t.drop(2, "x", "9:1").drop(1, "p", "9:1");
  EXPECT_EQ(kinds(check(t)), "");
}

TEST(BorrowChecker, HolderDroppedAtALaterScopeExitDangles) {
  Trace t;
  t.make(1, "p", "1:1").make(2, "x", "2:1").borrow("3:5", 2, "variable", "p", 1,
                                                   "mutable");
  t.drop(2, "x", "4:3").drop(1, "p", "9:1");
  EXPECT_EQ(kinds(check(t)), "dangling_borrow@t.c:3:5");
}

TEST(BorrowChecker, StoringAnotherAddressEndsTheBorrow) {
  Trace t;
  t.make(1, "p", "1:1").make(2, "x", "2:1").make(3, "y", "2:8");
  t.borrow("3:5", 2, "variable", "p", 1, "mutable");
  t.borrow("4:5", 3, "variable", "p", 1, "mutable"); // p = &y
  t.drop(2, "x", "5:3").make(4, "z", "6:1");
  EXPECT_EQ(kinds(check(t)), "");
}

TEST(BorrowChecker, ReborrowResolvesByAddressAndCanDangle) {
  Trace t;
  t.make(1, "q", "1:1").make(2, "x", "2:1", "0x1000", 8);
  t.borrow("3:5", 0, "variable", "q", 1, "shared",
           ",\"address\":\"0x1004\",\"reborrow\":true");
  t.drop(2, "x", "4:3").make(3, "z", "5:1");
  auto v = check(t);
  ASSERT_EQ(kinds(v), "dangling_borrow@t.c:3:5");
  EXPECT_EQ(v[0].owner, "x");
}

TEST(BorrowChecker, ReborrowOfNothingLetsGo) {
  Trace t;
  t.make(1, "q", "1:1").make(2, "x", "2:1", "0x1000", 8);
  t.borrow("3:5", 0, "variable", "q", 1, "shared",
           ",\"address\":\"0x1004\",\"reborrow\":true");
  t.borrow("4:5", 0, "variable", "q", 1, "shared",
           ",\"address\":\"0x0\",\"reborrow\":true"); // q = NULL
  t.drop(2, "x", "5:3").make(3, "z", "6:1");
  EXPECT_EQ(kinds(check(t)), "");
}

TEST(BorrowChecker, AnAddressReusedByANewVariableResolvesToIt) {
  Trace t; // x's frame was left by longjmp: no Drop; y reuses its slot
  t.make(1, "x", "1:1", "0x2000", 4).make(2, "y", "2:1", "0x2000", 4);
  t.make(3, "q", "3:1");
  t.borrow("4:5", 0, "variable", "q", 3, "mutable",
           ",\"address\":\"0x2000\",\"reborrow\":true");
  t.drop(2, "y", "5:1").make(4, "z", "6:1");
  auto v = check(t);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].owner, "y");
}

TEST(BorrowChecker, AGlobalHoldingTheAddressDanglesAtOnce) {
  Trace t;
  t.make(1, "x", "1:1").borrow("2:5", 1, "escape", "g", 0, "mutable",
                               ",\"destination\":\"0x5000\"");
  t.drop(1, "x", "3:1");
  auto v = check(t);
  ASSERT_EQ(kinds(v), "dangling_borrow@t.c:2:5");
  EXPECT_EQ(v[0].message, "'x' (declared at t.c:1:1) is dropped at t.c:3:1 "
                          "while 'g' still holds the address stored here");
}

TEST(BorrowChecker, OverwritingTheGlobalEndsTheEscape) {
  Trace t;
  t.make(1, "x", "1:1").borrow("2:5", 1, "escape", "g", 0, "mutable",
                               ",\"destination\":\"0x5000\"");
  t.borrow("3:5", 0, "escape", "g", 0, "mutable",
           ",\"address\":\"0x0\",\"destination\":\"0x5000\",\"reborrow\":true");
  t.drop(1, "x", "4:1");
  EXPECT_EQ(kinds(check(t)), "");
}

TEST(BorrowChecker, ReturningALocalsAddressDangles) {
  Trace t;
  t.make(1, "x", "1:1").borrow("2:3", 1, "return", "<return>", 0, "mutable");
  t.drop(1, "x", "3:1");
  auto v = check(t);
  ASSERT_EQ(kinds(v), "dangling_borrow@t.c:2:3");
}

TEST(BorrowChecker, MutableWhileSharedConflicts) {
  Trace t;
  t.make(1, "x", "1:1").make(2, "r", "2:1").make(3, "w", "3:1");
  t.borrow("2:5", 1, "variable", "r", 2, "shared");
  t.borrow("3:5", 1, "variable", "w", 3, "mutable");
  auto v = check(t);
  ASSERT_EQ(kinds(v), "borrow_conflict@t.c:3:5");
  EXPECT_EQ(v[0].message, "mutable borrow of 'x' by 'w' while 'r' holds a "
                          "shared borrow of it (taken at t.c:2:5)");
}

TEST(BorrowChecker, SharedWithSharedAndUnknownWithAnythingAreFine) {
  Trace t;
  t.make(1, "x", "1:1").make(2, "r", "2:1").make(3, "s", "3:1");
  t.borrow("2:5", 1, "variable", "r", 2, "mutable");
  t.borrow("3:5", 1, "call", "f", 0, "unknown"); // the types do not tell
  t.make(4, "y", "4:1").make(5, "a", "5:1").make(6, "b", "6:1");
  t.borrow("5:5", 4, "variable", "a", 5, "shared");
  t.borrow("6:5", 4, "variable", "b", 6, "shared");
  t.borrow("7:5", 4, "call", "g() const", 0, "shared");
  EXPECT_EQ(kinds(check(t)), "");
}

TEST(BorrowChecker, MutableAgainstAnUnknownHolderConflicts) {
  Trace t; // for (auto &e : v) v.push_back(...)
  t.make(1, "v", "1:1").make(2, "__range1", "2:1");
  t.borrow("2:5", 1, "variable", "__range1", 2, "unknown");
  t.borrow("3:5", 1, "call", "push_back", 0, "mutable");
  EXPECT_EQ(kinds(check(t)), "borrow_conflict@t.c:3:5");
}

TEST(BorrowChecker, ReborrowsAndBorrowsThroughReferencesAreNotNewBorrows) {
  Trace t;
  t.make(1, "x", "1:1", "0x1000", 4).make(2, "r", "2:1").make(3, "q", "3:1");
  t.borrow("2:5", 1, "variable", "r", 2, "mutable");
  t.borrow("3:5", 1, "call", "f", 0, "mutable", ",\"through\":\"r\"");
  t.borrow("4:5", 0, "variable", "q", 3, "mutable",
           ",\"address\":\"0x1000\",\"reborrow\":true");
  EXPECT_EQ(kinds(check(t)), "");
}

TEST(BorrowChecker, TheSameVariableTwiceToOneCallConflictsWhenMutable) {
  Trace t; // widen(&r, &r): same thread, location, callee and time
  t.make(1, "r", "1:1").borrow("2:3", 1, "call", "widen", 0, "mutable").repeat();
  t.make(2, "s", "3:1").borrow("4:3", 2, "call", "show", 0, "shared").repeat();
  auto v = check(t);
  ASSERT_EQ(kinds(v), "borrow_conflict@t.c:2:3");
  EXPECT_EQ(v[0].message,
            "'r' is passed to 'widen' twice, and at least once mutably");
}

TEST(BorrowChecker, DestructorsAreNotConflicts) {
  Trace t;
  t.make(1, "s", "1:1").make(2, "p", "2:1");
  t.borrow("2:5", 1, "variable", "p", 2, "shared");
  t.borrow("9:1", 1, "call", "std::string::~basic_string()", 0, "mutable");
  EXPECT_EQ(kinds(check(t)), "");
}

TEST(BorrowChecker, UseAfterMoveAndWhatIsNotAUse) {
  Trace t;
  t.make(1, "a", "1:1").make(2, "b", "2:1").move("2:5", 1, 2);
  t.borrow("3:5", 1, "call", "std::string::size() const", 0, "shared");
  t.borrow("9:1", 1, "call", "std::string::~basic_string()", 0, "mutable");
  auto v = check(t);
  ASSERT_EQ(kinds(v), "use_after_move@t.c:3:5");
  EXPECT_EQ(v[0].message, "'a' is used by 'std::string::size() const' "
                          "after it was moved at t.c:2:5");
}

TEST(BorrowChecker, AssignedAnewAfterAMoveIsUsable) {
  Trace t;
  t.make(1, "a", "1:1").make(2, "b", "2:1").move("2:5", 1, 2);
  t.borrow("3:5", 1, "call", "std::string::operator=(char const*)", 0,
           "mutable");
  t.borrow("4:5", 1, "call", "std::string::size() const", 0, "shared");
  EXPECT_EQ(kinds(check(t)), "");
}

TEST(BorrowChecker, MovingTwiceIsAUseAfterMove) {
  Trace t;
  t.make(1, "p", "1:1").make(2, "a", "2:1").make(3, "b", "3:1");
  t.move("2:5", 1, 2).move("3:5", 1, 3);
  EXPECT_EQ(kinds(check(t)), "use_after_move@t.c:3:5");
}

TEST(BorrowChecker, OneFindingPerLocationWithACount) {
  Trace t;
  t.make(1, "p", "1:1");
  for (uint64_t i = 0; i < 3; ++i) { // a loop body's variable, kept in p
    t.make(10 + i, "item", "3:9").borrow("4:5", 10 + i, "variable", "p", 1,
                                         "mutable");
    t.drop(10 + i, "item", "5:3");
  }
  t.make(20, "z", "6:1");
  auto v = check(t);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].count, 3u);
  EXPECT_EQ(format_violation(v[0]),
            "t.c:4:5: dangling_borrow: 'item' (declared at t.c:3:9) is dropped "
            "at t.c:5:3 while 'p' still holds the borrow taken here (3 times)");
}

/// The findings of a trace as the views get them (findings_of over the
/// model read from the same events), one line each: check, time, thread,
/// variables with roles, borrows as holder>owner@time.
std::vector<std::string> parties(const Trace &t) {
  BorrowChecker checker;
  ModelBuilder builder;
  TeeSink tee{&builder, &checker};
  read_trace_buffer(t.text(), tee);
  OwnershipModel m = builder.take();
  std::vector<std::string> lines;
  for (const Finding &f : findings_of(checker, m).findings) {
    std::string s = f.check + " t=" + std::to_string(f.time) + " since=" +
                    std::to_string(f.since) + " thread=" +
                    std::to_string(m.threads.at(f.thread).id) + ":";
    for (size_t k = 0; k < f.variables.size(); ++k)
      s += " " + m.str(m.variables.at(f.variables[k]).name) + "(" +
           std::string(f.role_name(k)) + ")";
    for (uint32_t b : f.borrows)
      s += " " + m.str(m.borrows.at(b).borrower_name) + ">" +
           m.str(m.variables.at(m.borrows[b].owner).name) + "@" +
           std::to_string(m.borrows[b].start);
    lines.push_back(s);
  }
  return lines;
}

// Every check names the instances, borrows and times involved: what the
// HTML, Chrome and JSON exports and the report show of a finding.
TEST(BorrowChecker, FindingsNameTheirVariablesBorrowsAndTimes) {
  Trace dangling; // p = &x; x dropped, p lives on
  dangling.make(1, "p", "1:1").make(2, "x", "3:7");
  dangling.borrow("4:7", 2, "variable", "p", 1, "mutable");
  dangling.drop(2, "x", "5:3").make(3, "y", "6:7");
  EXPECT_EQ(parties(dangling),
            std::vector<std::string>{"dangling_borrow t=4 since=3 thread=1: "
                                     "x(owner) p(holder) p>x@3"});
  Trace conflict;
  conflict.make(1, "x", "1:1").make(2, "r", "2:1").make(3, "w", "3:1");
  conflict.borrow("2:5", 1, "variable", "r", 2, "shared");
  conflict.borrow("3:5", 1, "variable", "w", 3, "mutable");
  EXPECT_EQ(parties(conflict),
            std::vector<std::string>{"borrow_conflict t=5 since=4 thread=1: "
                                     "x(owner) w(holder) r(holder) w>x@5 r>x@4"});
  Trace twice; // widen(&r, &r): both arguments' borrows
  twice.make(1, "r", "1:1").borrow("2:3", 1, "call", "widen", 0, "mutable");
  twice.repeat();
  EXPECT_EQ(parties(twice), std::vector<std::string>{
                                "borrow_conflict t=2 since=2 thread=1: "
                                "r(owner) widen>r@2 widen>r@2"});
  Trace moved;
  moved.make(1, "a", "1:1").make(2, "b", "2:1").move("2:5", 1, 2);
  moved.borrow("3:5", 1, "call", "std::string::size() const", 0, "shared");
  EXPECT_EQ(parties(moved),
            std::vector<std::string>{
                "use_after_move t=4 since=3 thread=1: a(owner) b(moved_to) "
                "std::string::size() const>a@4"});
  Trace again; // moved into b, then into c
  again.make(1, "a", "1:1").make(2, "b", "2:1").make(3, "c", "3:1");
  again.move("2:5", 1, 2).move("3:5", 1, 3);
  EXPECT_EQ(parties(again),
            std::vector<std::string>{"use_after_move t=5 since=4 thread=1: "
                                     "a(owner) c(holder) b(moved_to)"});
}

TEST(BorrowChecker, MemoryStaysBoundedByWhatIsLive) {
  Trace t;
  for (uint64_t i = 1; i <= 20000; ++i) {
    t.make(2 * i, "x", "1:1", "0x1000", 4).make(2 * i + 1, "p", "2:1");
    t.borrow("2:5", 2 * i, "variable", "p", 2 * i + 1, "mutable");
    t.drop(2 * i + 1, "p", "3:1").drop(2 * i, "x", "3:1");
  }
  BorrowChecker checker;
  read_trace_buffer(t.text(), checker);
  EXPECT_TRUE(checker.violations().empty());
  EXPECT_LE(checker.peak_live(), 3u); // x, p and p's borrow
}

} // namespace
