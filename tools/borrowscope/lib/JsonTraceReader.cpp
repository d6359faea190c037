// Streaming reader of JSON traces (version 1, and what `borrowscope export
// --format json` writes): a Boost.JSON SAX handler that walks the document
// with a small stack of frames (top object, events array, one event, ...),
// fills one reusable Event and checks every field's type as it goes.
#include "TraceReader.h"

#include <boost/json/basic_parser_impl.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <deque>
#include <vector>

namespace borrowscope {

// A named namespace rather than an anonymous one: Boost reads the Handler's
// static limits in ways clang's unused-constant warning does not see.
namespace reader_detail {

namespace json = boost::json;

// What the value of the current key is, per kind of object.
enum class TopField {
  Version, Program, Pid, Unit, Events, Threads, EventCount, LostEvents,
  ExactClock, Untraced, TotalVariables, Complete, Other
};

enum class EventField : uint8_t {
  Type, Timestamp, Thread, Location, Function, VarId, VarName, TypeName,
  Unwind, OwnerId, BorrowerId, OwnerName, BorrowerName, BorrowerKindF,
  Mutable, FromId, ToId, FromName, ToName, Kind, Reborrow, Address, Size,
  Destination, Through, BorrowId, Dead, Lexical, Kept, IntoCall, Call,
  AddressBits, Site, Contents, Abandoned, Duration, Other
};

enum class ThreadField { Id, OsTid, Name, Events, Other };

TopField top_field(std::string_view k) {
  if (k == "version") return TopField::Version;
  if (k == "program") return TopField::Program;
  if (k == "pid") return TopField::Pid;
  if (k == "timestamp_unit") return TopField::Unit;
  if (k == "events") return TopField::Events;
  if (k == "threads") return TopField::Threads;
  if (k == "event_count") return TopField::EventCount;
  if (k == "lost_events") return TopField::LostEvents;
  if (k == "exact_clock") return TopField::ExactClock;
  if (k == "variables_untraced") return TopField::Untraced;
  if (k == "variables_total") return TopField::TotalVariables;
  if (k == "complete") return TopField::Complete;
  return TopField::Other;
}

EventField event_field(std::string_view k) {
  // Dispatch on the length first: this runs for every key of every event.
  switch (k.size()) {
  case 4:
    if (k == "type") return EventField::Type;
    if (k == "kind") return EventField::Kind;
    if (k == "size") return EventField::Size;
    if (k == "dead") return EventField::Dead;
    if (k == "kept") return EventField::Kept;
    if (k == "call") return EventField::Call;
    if (k == "site") return EventField::Site;
    break;
  case 5:
    if (k == "to_id") return EventField::ToId;
    break;
  case 6:
    if (k == "thread") return EventField::Thread;
    if (k == "var_id") return EventField::VarId;
    if (k == "unwind") return EventField::Unwind;
    break;
  case 7:
    if (k == "through") return EventField::Through;
    if (k == "mutable") return EventField::Mutable;
    if (k == "from_id") return EventField::FromId;
    if (k == "to_name") return EventField::ToName;
    if (k == "address") return EventField::Address;
    if (k == "lexical") return EventField::Lexical;
    break;
  case 8:
    if (k == "location") return EventField::Location;
    if (k == "function") return EventField::Function;
    if (k == "var_name") return EventField::VarName;
    if (k == "owner_id") return EventField::OwnerId;
    if (k == "reborrow") return EventField::Reborrow;
    if (k == "contents") return EventField::Contents;
    if (k == "duration") return EventField::Duration;
    break;
  case 9:
    if (k == "timestamp") return EventField::Timestamp;
    if (k == "type_name") return EventField::TypeName;
    if (k == "from_name") return EventField::FromName;
    if (k == "borrow_id") return EventField::BorrowId;
    if (k == "into_call") return EventField::IntoCall;
    if (k == "abandoned") return EventField::Abandoned;
    break;
  case 10:
    if (k == "owner_name") return EventField::OwnerName;
    break;
  case 11:
    if (k == "borrower_id") return EventField::BorrowerId;
    if (k == "destination") return EventField::Destination;
    break;
  case 12:
    if (k == "address_bits") return EventField::AddressBits;
    break;
  case 13:
    if (k == "borrower_name") return EventField::BorrowerName;
    if (k == "borrower_kind") return EventField::BorrowerKindF;
    break;
  }
  return EventField::Other;
}

ThreadField thread_field(std::string_view k) {
  if (k == "id") return ThreadField::Id;
  if (k == "os_tid") return ThreadField::OsTid;
  if (k == "name") return ThreadField::Name;
  if (k == "events") return ThreadField::Events;
  return ThreadField::Other;
}

std::string_view event_field_name(EventField f) {
  static constexpr std::string_view names[] = {
      "type", "timestamp", "thread", "location", "function", "var_id",
      "var_name", "type_name", "unwind", "owner_id", "borrower_id",
      "owner_name", "borrower_name", "borrower_kind", "mutable", "from_id",
      "to_id", "from_name", "to_name", "kind", "reborrow", "address", "size",
      "destination", "through", "borrow_id", "dead", "lexical", "kept",
      "into_call", "call", "address_bits", "site", "contents", "abandoned",
      "duration", "?"};
  return names[size_t(f)];
}

uint64_t bit(EventField f) { return uint64_t(1) << unsigned(f); }

// Fields every event has, and those each type adds.
constexpr EventField common_fields[] = {EventField::Type, EventField::Timestamp,
                                        EventField::Thread, EventField::Location,
                                        EventField::Function};
constexpr EventField new_drop_fields[] = {EventField::VarId, EventField::VarName,
                                          EventField::TypeName};
// A Borrow's kind comes from `kind` or, in older traces, `mutable`.
constexpr EventField borrow_fields[] = {
    EventField::OwnerId, EventField::BorrowerId, EventField::OwnerName,
    EventField::BorrowerName, EventField::BorrowerKindF};
constexpr EventField move_fields[] = {EventField::FromId, EventField::ToId,
                                      EventField::FromName, EventField::ToName};
constexpr EventField release_fields[] = {EventField::VarId, EventField::VarName};
constexpr EventField free_fields[] = {EventField::Address, EventField::Size};
constexpr EventField flush_fields[] = {EventField::Duration};

/// A JSON value's kind for messages: "found a string".
enum class ValueKind { String, Integer, Negative, Fraction, Bool, Null, Object, Array };

std::string describe(ValueKind k) {
  switch (k) {
  case ValueKind::String: return "a string";
  case ValueKind::Integer: return "a number";
  case ValueKind::Negative: return "a number";
  case ValueKind::Fraction: return "a number";
  case ValueKind::Bool: return "a boolean";
  case ValueKind::Null: return "null";
  case ValueKind::Object: return "an object";
  case ValueKind::Array: return "an array";
  }
  return "?";
}

std::string quote(std::string_view s) {
  // Keeps messages one line and short whatever the input holds.
  std::string out = "\"";
  size_t n = 0;
  for (unsigned char c : s) {
    if (++n > 40) {
      out += "...";
      break;
    }
    if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += char(c);
    }
  }
  return out + "\"";
}

/// "0x7ffd619046bc" -> its value; nullopt for anything else.
std::optional<uint64_t> parse_address(std::string_view s) {
  if (s.size() < 3 || s.size() > 18 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X'))
    return std::nullopt;
  uint64_t v = 0;
  for (char c : s.substr(2)) {
    int d = c >= '0' && c <= '9'   ? c - '0'
            : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                   : -1;
    if (d < 0)
      return std::nullopt;
    v = v << 4 | uint64_t(d);
  }
  return v;
}

class Handler {
public:
  // Our own limits (max_trace_string) give better messages; these only
  // keep Boost from refusing first.
  static constexpr size_t max_object_size = size_t(-1);
  static constexpr size_t max_array_size = size_t(-1);
  static constexpr size_t max_key_size = size_t(-1);
  static constexpr size_t max_string_size = size_t(-1);

  explicit Handler(TraceSink &sink) : sink_(sink) {}

  // The first error, set when a callback returns false.
  std::string error;
  TraceError::Kind error_kind = TraceError::Kind::Shape;

  bool on_document_begin(json::error_code &) { return true; }
  bool on_document_end(json::error_code &) { return true; }

  bool on_object_begin(json::error_code &ec) {
    return open(Frame::Object, ValueKind::Object, ec);
  }
  bool on_array_begin(json::error_code &ec) {
    return open(Frame::Array, ValueKind::Array, ec);
  }
  bool on_object_end(size_t, json::error_code &ec) { return close(ec); }
  bool on_array_end(size_t, json::error_code &ec) { return close(ec); }

  bool on_key_part(json::string_view s, size_t, json::error_code &ec) {
    return append(key_, s, ec);
  }
  bool on_key(json::string_view s, size_t, json::error_code &ec) {
    if (!append(key_, s, ec))
      return false;
    Frame &f = stack_.back();
    if (f.kind == Frame::Top)
      top_key_ = top_field(key_);
    else if (f.kind == Frame::Event)
      event_key_ = event_field(key_);
    else if (f.kind == Frame::Thread)
      thread_key_ = thread_field(key_);
    key_.clear();
    return true;
  }

  bool on_string_part(json::string_view s, size_t, json::error_code &ec) {
    if (!wants_string())
      return true;
    return append(str_, s, ec);
  }
  bool on_string(json::string_view s, size_t, json::error_code &ec) {
    if (!wants_string())
      return scalar(ValueKind::String, ec);
    if (!append(str_, s, ec))
      return false;
    bool ok = string_value(ec);
    str_.clear();
    return ok;
  }

  bool on_number_part(json::string_view, json::error_code &) { return true; }
  bool on_int64(int64_t v, json::string_view text, json::error_code &ec) {
    if (v < 0) {
      number_text_ = text;
      return scalar(ValueKind::Negative, ec);
    }
    return unsigned_value(uint64_t(v), ec);
  }
  bool on_uint64(uint64_t v, json::string_view, json::error_code &ec) {
    return unsigned_value(v, ec);
  }
  bool on_double(double, json::string_view text, json::error_code &ec) {
    // Fractions, exponents and integers beyond 64 bits all arrive here.
    number_text_ = text;
    return scalar(ValueKind::Fraction, ec);
  }
  bool on_bool(bool b, json::error_code &ec) {
    bool_ = b;
    return scalar(ValueKind::Bool, ec);
  }
  bool on_null(json::error_code &ec) { return scalar(ValueKind::Null, ec); }
  bool on_comment_part(json::string_view, json::error_code &) { return true; }
  bool on_comment(json::string_view, json::error_code &) { return true; }

  /// At the end of input: what was read, for truncated traces.
  bool in_events() const {
    return stack_.size() >= 2 && stack_[1].kind == Frame::Events;
  }
  bool events_done() const { return events_done_; }
  bool header_sent() const { return header_sent_; }
  uint64_t events_read() const { return events_read_; }

  /// Delivers what a cut-short trace has (ReadOptions::allow_truncated).
  void deliver_truncated() {
    send_header();
    trailer_.complete = false;
    trailer_.missing = "the trace was cut short (the program was killed or "
                       "called _exit): the events after that point are missing";
    trailer_.events_read = events_read_;
    sink_.on_trailer(trailer_);
  }

private:
  struct Frame {
    enum Kind { Top, Events, Event, Threads, Thread, Skip, Object, Array };
    Kind kind;
  };

  bool fail(json::error_code &ec, std::string message,
            TraceError::Kind kind = TraceError::Kind::Shape) {
    if (error.empty()) {
      error = std::move(message);
      error_kind = kind;
    }
    ec = json::error::syntax; // any code: the message above is what counts
    return false;
  }

  bool append(std::string &to, json::string_view s, json::error_code &ec) {
    if (to.size() + s.size() > max_trace_string)
      return fail(ec, where() + "a string longer than " +
                          std::to_string(max_trace_string >> 20) + " MiB");
    to.append(s.data(), s.size());
    return true;
  }

  /// "events[3]: " or "threads[0]: " or "" for messages.
  std::string where() const {
    if (!stack_.empty() && stack_.back().kind == Frame::Event)
      return "events[" + std::to_string(events_read_) + "]: ";
    if (!stack_.empty() && stack_.back().kind == Frame::Thread)
      return "threads[" + std::to_string(trailer_.threads.size()) + "]: ";
    return "";
  }

  bool wants_string() const {
    if (stack_.empty())
      return false;
    switch (stack_.back().kind) {
    case Frame::Top:
      return top_key_ == TopField::Program || top_key_ == TopField::Unit;
    case Frame::Event:
      switch (event_key_) {
      case EventField::Type: case EventField::Location:
      case EventField::Function: case EventField::VarName:
      case EventField::TypeName: case EventField::OwnerName:
      case EventField::BorrowerName: case EventField::BorrowerKindF:
      case EventField::FromName: case EventField::ToName:
      case EventField::Kind: case EventField::Address:
      case EventField::Destination: case EventField::Through:
        return true;
      default:
        return false;
      }
    case Frame::Thread:
      return thread_key_ == ThreadField::Name;
    default:
      return false;
    }
  }

  // A container starts: decide what it is from where it is.
  bool open(Frame::Kind container, ValueKind kind, json::error_code &ec) {
    if (stack_.empty()) {
      if (container != Frame::Object)
        return fail(ec, "the top level is " + describe(kind) +
                            ", not a BorrowScope trace (expected an object)");
      stack_.push_back({Frame::Top});
      return true;
    }
    Frame &f = stack_.back();
    switch (f.kind) {
    case Frame::Skip:
      stack_.push_back({Frame::Skip});
      return true;
    case Frame::Top:
      if (top_key_ == TopField::Events && container == Frame::Array) {
        if (!version_seen_)
          return fail(ec, "no \"version\" before \"events\": not a "
                          "BorrowScope trace");
        if (events_seen_)
          return fail(ec, "\"events\" appears twice");
        events_seen_ = true;
        send_header();
        stack_.push_back({Frame::Events});
        return true;
      }
      if (top_key_ == TopField::Threads && container == Frame::Array) {
        trailer_.threads.clear();
        stack_.push_back({Frame::Threads});
        return true;
      }
      if (top_key_ != TopField::Other)
        return wrong_top_type(kind, ec);
      stack_.push_back({Frame::Skip});
      return true;
    case Frame::Events:
      if (container != Frame::Object)
        return fail(ec, "events[" + std::to_string(events_read_) + "] is " +
                            describe(kind) + ", expected an object");
      start_event();
      stack_.push_back({Frame::Event});
      return true;
    case Frame::Threads:
      if (container != Frame::Object)
        return fail(ec, "threads[" + std::to_string(trailer_.threads.size()) +
                            "] is " + describe(kind) + ", expected an object");
      thread_ = ThreadInfo{};
      thread_seen_id_ = false;
      stack_.push_back({Frame::Thread});
      return true;
    case Frame::Event:
      if (event_key_ != EventField::Other)
        return wrong_event_type(kind, ec);
      stack_.push_back({Frame::Skip});
      return true;
    case Frame::Thread:
      if (thread_key_ != ThreadField::Other)
        return fail(ec, where() + "\"" + key_name(thread_key_) + "\" is " +
                            describe(kind));
      stack_.push_back({Frame::Skip});
      return true;
    default:
      stack_.push_back({Frame::Skip});
      return true;
    }
  }

  bool close(json::error_code &ec) {
    Frame::Kind kind = stack_.back().kind;
    if (kind == Frame::Thread && !thread_seen_id_)
      return fail(ec, where() + "no \"id\"");
    stack_.pop_back();
    switch (kind) {
    case Frame::Event:
      if (!finish_event(ec))
        return false;
      break;
    case Frame::Events:
      events_done_ = true;
      break;
    case Frame::Thread:
      trailer_.threads.push_back(std::move(thread_));
      break;
    case Frame::Top:
      return finish_document(ec);
    default:
      break;
    }
    return true;
  }

  bool finish_document(json::error_code &ec) {
    if (!version_seen_)
      return fail(ec, "no \"version\": not a BorrowScope trace");
    if (!events_seen_)
      return fail(ec, "no \"events\" array: not a BorrowScope trace");
    if (trailer_.event_count && *trailer_.event_count != events_read_)
      return fail(ec, "\"event_count\" is " +
                          std::to_string(*trailer_.event_count) +
                          " but \"events\" has " +
                          std::to_string(events_read_) +
                          (events_read_ == 1 ? " entry" : " entries"));
    trailer_.complete = written_complete_;
    if (!written_complete_)
      trailer_.missing = "the trace it was exported from was incomplete";
    trailer_.events_read = events_read_;
    sink_.on_trailer(trailer_);
    return true;
  }

  void send_header() {
    if (header_sent_)
      return;
    header_sent_ = true;
    sink_.on_header(header_);
  }

  std::string key_name(ThreadField f) const {
    switch (f) {
    case ThreadField::Id: return "id";
    case ThreadField::OsTid: return "os_tid";
    case ThreadField::Name: return "name";
    case ThreadField::Events: return "events";
    default: return "?";
    }
  }

  std::string top_key_name() const {
    switch (top_key_) {
    case TopField::Version: return "version";
    case TopField::Program: return "program";
    case TopField::Pid: return "pid";
    case TopField::Unit: return "timestamp_unit";
    case TopField::Events: return "events";
    case TopField::Threads: return "threads";
    case TopField::EventCount: return "event_count";
    case TopField::LostEvents: return "lost_events";
    default: return "?";
    }
  }

  // What was found instead: the number itself when it is one that does not
  // fit (negative, fractional, exponent, beyond 64 bits).
  std::string found(ValueKind kind) const {
    if (kind == ValueKind::Negative || kind == ValueKind::Fraction)
      return std::string(number_text_.substr(0, 40));
    return describe(kind);
  }

  bool wrong_top_type(ValueKind kind, json::error_code &ec) {
    std::string expected;
    switch (top_key_) {
    case TopField::Program: case TopField::Unit:
      expected = "a string"; break;
    case TopField::Events: case TopField::Threads:
      expected = "an array"; break;
    default:
      expected = "a non-negative integer"; break;
    }
    return fail(ec, "\"" + top_key_name() + "\" is " + found(kind) +
                        ", expected " + expected);
  }

  bool wrong_event_type(ValueKind kind, json::error_code &ec) {
    std::string expected;
    switch (event_key_) {
    case EventField::Timestamp: case EventField::Thread: case EventField::VarId:
    case EventField::FromId: case EventField::Size: case EventField::Duration:
      expected = "a non-negative integer"; break;
    case EventField::BorrowerId: case EventField::ToId: case EventField::OwnerId:
      expected = "a non-negative integer or null"; break;
    case EventField::Mutable:
      expected = "true, false or null"; break;
    case EventField::Unwind: case EventField::Reborrow:
    case EventField::Dead: case EventField::Lexical: case EventField::Kept:
    case EventField::IntoCall: case EventField::Contents:
    case EventField::Abandoned:
      expected = "a boolean"; break;
    case EventField::BorrowId: case EventField::Call: case EventField::Site:
    case EventField::AddressBits:
      expected = "a non-negative integer"; break;
    case EventField::OwnerName:
      expected = "a string or null"; break;
    case EventField::Address: case EventField::Destination:
      expected = "an address string like \"0x7ffd619046bc\""; break;
    default:
      expected = "a string"; break;
    }
    return fail(ec, where() + "\"" + std::string(event_field_name(event_key_)) +
                        "\" is " + found(kind) + ", expected " + expected);
  }

  // A scalar that is not a string we keep and not a non-negative integer.
  bool scalar(ValueKind kind, json::error_code &ec) {
    if (stack_.empty())
      return fail(ec, "the top level is " + describe(kind) +
                          ", not a BorrowScope trace (expected an object)");
    switch (stack_.back().kind) {
    case Frame::Top:
      if (top_key_ == TopField::Other)
        return true;
      if (top_key_ == TopField::Pid && kind == ValueKind::Null)
        return true;
      if ((top_key_ == TopField::ExactClock || top_key_ == TopField::Complete) &&
          kind == ValueKind::Bool) {
        if (top_key_ == TopField::ExactClock)
          header_.exact_clock = bool_;
        else
          written_complete_ = bool_;
        return true;
      }
      return wrong_top_type(kind, ec);
    case Frame::Events:
      return fail(ec, "events[" + std::to_string(events_read_) + "] is " +
                          describe(kind) + ", expected an object");
    case Frame::Threads:
      return fail(ec, "threads[" + std::to_string(trailer_.threads.size()) +
                          "] is " + describe(kind) + ", expected an object");
    case Frame::Event:
      return event_scalar(kind, ec);
    case Frame::Thread:
      if (thread_key_ == ThreadField::Other)
        return true;
      return fail(ec, where() + "\"" + key_name(thread_key_) + "\" is " +
                          found(kind));
    default:
      return true;
    }
  }

  bool event_scalar(ValueKind kind, json::error_code &ec) {
    switch (event_key_) {
    case EventField::Other:
      return true;
    case EventField::BorrowerId:
    case EventField::ToId:
    case EventField::OwnerId:
    case EventField::OwnerName:
      if (kind != ValueKind::Null)
        return wrong_event_type(kind, ec);
      seen_ |= bit(event_key_);
      return true;
    case EventField::Mutable: {
      Mutability m;
      if (kind == ValueKind::Null)
        m = Mutability::Unknown;
      else if (kind == ValueKind::Bool)
        m = bool_ ? Mutability::Mutable : Mutability::Shared;
      else
        return wrong_event_type(kind, ec);
      if (!(seen_ & bit(EventField::Kind))) // `kind` says more (move)
        ev_.mutability = m;
      seen_ |= bit(event_key_);
      return true;
    }
    case EventField::Unwind:
      if (kind != ValueKind::Bool)
        return wrong_event_type(kind, ec);
      ev_.unwind = bool_;
      return true;
    case EventField::Reborrow:
    case EventField::Dead:
    case EventField::Lexical:
    case EventField::Kept:
    case EventField::IntoCall:
    case EventField::Contents:
    case EventField::Abandoned:
      if (kind != ValueKind::Bool)
        return wrong_event_type(kind, ec);
      (event_key_ == EventField::Reborrow  ? ev_.reborrow
       : event_key_ == EventField::Abandoned ? ev_.abandoned
       : event_key_ == EventField::Dead    ? ev_.dead
       : event_key_ == EventField::Lexical ? ev_.lexical
       : event_key_ == EventField::Kept    ? ev_.kept
       : event_key_ == EventField::Contents ? ev_.contents
                                            : ev_.into_call) = bool_;
      return true;
    default:
      return wrong_event_type(kind, ec);
    }
  }

  bool unsigned_value(uint64_t v, json::error_code &ec) {
    if (stack_.empty())
      return scalar(ValueKind::Integer, ec);
    switch (stack_.back().kind) {
    case Frame::Top:
      switch (top_key_) {
      case TopField::Version:
        if (v != 1)
          return fail(ec, "trace format version " + std::to_string(v) +
                              " is not supported (this borrowscope reads "
                              "version 1)");
        header_.version = v;
        version_seen_ = true;
        return true;
      case TopField::Pid:
        header_.pid = v;
        return true;
      case TopField::EventCount:
        trailer_.event_count = v;
        return true;
      case TopField::LostEvents:
        trailer_.lost_events = v;
        return true;
      case TopField::Untraced:
        header_.variables_untraced = v;
        return true;
      case TopField::TotalVariables:
        header_.variables_total = v;
        return true;
      case TopField::Other:
        return true;
      default:
        return wrong_top_type(ValueKind::Integer, ec);
      }
    case Frame::Event:
      return event_number(v, ec);
    case Frame::Thread:
      switch (thread_key_) {
      case ThreadField::Id:
        thread_.id = v;
        thread_seen_id_ = true;
        return true;
      case ThreadField::OsTid:
        thread_.os_tid = v;
        return true;
      case ThreadField::Events:
        thread_.events = v;
        return true;
      case ThreadField::Other:
        return true;
      default:
        return fail(ec, where() + "\"" + key_name(thread_key_) +
                            "\" is a number, expected a string");
      }
    default:
      return scalar(ValueKind::Integer, ec);
    }
  }

  bool event_number(uint64_t v, json::error_code &ec) {
    switch (event_key_) {
    case EventField::Timestamp:
      if (v >= max_trace_timestamp)
        return fail(ec, where() + "timestamp " + std::to_string(v) +
                            " is out of range (at most 2^62 ns)");
      ev_.timestamp = v;
      break;
    case EventField::Thread:
      ev_.thread = v;
      break;
    case EventField::VarId:
      ev_.var_id = v;
      break;
    case EventField::OwnerId:
      ev_.owner_id = v;
      break;
    case EventField::BorrowerId:
      ev_.borrower_id = v;
      break;
    case EventField::FromId:
      ev_.from_id = v;
      break;
    case EventField::ToId:
      ev_.to_id = v;
      break;
    case EventField::Size:
    case EventField::Duration: // a Flush's: kept in size, as decoded
      ev_.size = v;
      break;
    case EventField::BorrowId:
      ev_.borrow_id = v;
      break;
    case EventField::Call:
      ev_.call = v;
      break;
    case EventField::Site:
      ev_.site = v;
      break;
    case EventField::AddressBits:
      if (v != 32 && v != 64)
        return fail(ec, where() + "\"address_bits\" is " + std::to_string(v) +
                            ", expected 32 or 64");
      ev_.address_bits = uint8_t(v);
      break;
    case EventField::Other:
      return true;
    default:
      return wrong_event_type(ValueKind::Integer, ec);
    }
    seen_ |= bit(event_key_);
    return true;
  }

  bool string_value(json::error_code &ec) {
    Frame &f = stack_.back();
    if (f.kind == Frame::Top) {
      if (top_key_ == TopField::Program) {
        header_.program = str_;
      } else {
        if (str_ != "ns")
          return fail(ec, "\"timestamp_unit\" is " + quote(str_) +
                              ", only \"ns\" is supported");
        header_.timestamp_unit = str_;
      }
      return true;
    }
    if (f.kind == Frame::Thread) {
      thread_.name = str_;
      return true;
    }
    switch (event_key_) {
    case EventField::Type:
      if (str_ == "New")
        ev_.type = EventType::New;
      else if (str_ == "Borrow")
        ev_.type = EventType::Borrow;
      else if (str_ == "Move")
        ev_.type = EventType::Move;
      else if (str_ == "Drop")
        ev_.type = EventType::Drop;
      else if (str_ == "Release")
        ev_.type = EventType::Release;
      else if (str_ == "Free")
        ev_.type = EventType::Free;
      else if (str_ == "Flush")
        ev_.type = EventType::Flush;
      else
        return fail(ec, where() + "unknown event type " + quote(str_) +
                            " (expected New, Borrow, Move, Drop, Release, "
                            "Free or Flush)");
      break;
    case EventField::Location: ev_.location = keep(); break;
    case EventField::Function: ev_.function = keep(); break;
    case EventField::VarName: ev_.var_name = keep(); break;
    case EventField::TypeName: ev_.type_name = keep(); break;
    case EventField::OwnerName: ev_.owner_name = keep(); break;
    case EventField::BorrowerName: ev_.borrower_name = keep(); break;
    case EventField::FromName: ev_.from_name = keep(); break;
    case EventField::ToName: ev_.to_name = keep(); break;
    case EventField::Through: ev_.through = keep(); break;
    case EventField::BorrowerKindF:
      if (str_ == "variable")
        ev_.borrower_kind = BorrowerKind::Variable;
      else if (str_ == "call")
        ev_.borrower_kind = BorrowerKind::Call;
      else if (str_ == "return")
        ev_.borrower_kind = BorrowerKind::Return;
      else if (str_ == "escape")
        ev_.borrower_kind = BorrowerKind::Escape;
      else if (str_ == "unknown") // what the writer says for a kind it lacks
        ev_.borrower_kind = BorrowerKind::Unknown;
      else
        return fail(ec, where() + "unknown borrower_kind " + quote(str_));
      break;
    case EventField::Kind:
      if (str_ == "shared")
        ev_.mutability = Mutability::Shared;
      else if (str_ == "mutable")
        ev_.mutability = Mutability::Mutable;
      else if (str_ == "move")
        ev_.mutability = Mutability::Move;
      else if (str_ == "unknown")
        ev_.mutability = Mutability::Unknown;
      else
        return fail(ec, where() + "unknown borrow kind " + quote(str_) +
                            " (expected shared, mutable, move or unknown)");
      break;
    case EventField::Address:
    case EventField::Destination: {
      std::optional<uint64_t> a = parse_address(str_);
      if (!a)
        return fail(ec, where() + "\"" +
                            std::string(event_field_name(event_key_)) + "\" is " +
                            quote(str_) + ", expected an address string like "
                                          "\"0x7ffd619046bc\"");
      (event_key_ == EventField::Address ? ev_.address : ev_.destination) = a;
      break;
    }
    default:
      return true;
    }
    seen_ |= bit(event_key_);
    return true;
  }

  void start_event() {
    seen_ = 0;
    ev_.index = events_read_;
    ev_.timestamp = ev_.thread = 0;
    ev_.var_id = ev_.from_id = 0;
    ev_.owner_id.reset();
    ev_.borrower_id.reset();
    ev_.to_id.reset();
    ev_.size.reset();
    ev_.address.reset();
    ev_.destination.reset();
    ev_.unwind = ev_.abandoned = false;
    ev_.reborrow = false;
    ev_.borrower_kind = BorrowerKind::Unknown;
    ev_.mutability = Mutability::Unknown;
    ev_.borrow_id = ev_.call = ev_.site = 0;
    ev_.address_bits = 64;
    ev_.dead = ev_.lexical = ev_.kept = ev_.into_call = ev_.contents = false;
    for (std::string_view *s : {&ev_.location, &ev_.function, &ev_.var_name,
                                &ev_.type_name, &ev_.owner_name,
                                &ev_.borrower_name, &ev_.from_name,
                                &ev_.to_name, &ev_.through})
      *s = {};
    texts_used_ = 0;
  }

  template <size_t N>
  bool require(const EventField (&fields)[N], json::error_code &ec) {
    for (EventField f : fields)
      if (!(seen_ & bit(f)))
        return fail(ec, "events[" + std::to_string(events_read_) + "]" +
                            ((seen_ & bit(EventField::Type))
                                 ? " (" + std::string(event_type_name(ev_.type)) + ")"
                                 : std::string()) +
                            ": no \"" + std::string(event_field_name(f)) + "\"");
    return true;
  }

  bool finish_event(json::error_code &ec) {
    if (!require(common_fields, ec))
      return false;
    bool ok = true;
    switch (ev_.type) {
    case EventType::New:
    case EventType::Drop:
      ok = require(new_drop_fields, ec);
      break;
    case EventType::Borrow:
      ok = require(borrow_fields, ec);
      if (ok && !(seen_ & (bit(EventField::Kind) | bit(EventField::Mutable))))
        return fail(ec, "events[" + std::to_string(events_read_) +
                            "] (Borrow): no \"kind\" (or \"mutable\")");
      break;
    case EventType::Move:
      ok = require(move_fields, ec);
      break;
    case EventType::Release:
      ok = require(release_fields, ec);
      break;
    case EventType::Free:
      ok = require(free_fields, ec);
      break;
    case EventType::Flush:
      ok = require(flush_fields, ec);
      break;
    }
    if (!ok)
      return false;
    sink_.on_event(ev_);
    ++events_read_;
    return true;
  }

  /// The current string, kept for the Event (its text fields point here
  /// until the next event).
  std::string_view keep() {
    if (texts_used_ == texts_.size())
      texts_.emplace_back();
    std::string &t = texts_[texts_used_++];
    t = str_;
    return t;
  }

  TraceSink &sink_;
  std::deque<std::string> texts_;
  size_t texts_used_ = 0;
  bool written_complete_ = true;
  std::vector<Frame> stack_;
  std::string key_, str_;
  json::string_view number_text_;
  bool bool_ = false;
  TopField top_key_ = TopField::Other;
  EventField event_key_ = EventField::Other;
  ThreadField thread_key_ = ThreadField::Other;

  TraceHeader header_;
  TraceTrailer trailer_;
  Event ev_;
  uint64_t seen_ = 0;
  ThreadInfo thread_;
  bool thread_seen_id_ = false;
  uint64_t events_read_ = 0;
  bool version_seen_ = false, events_seen_ = false, events_done_ = false;
  bool header_sent_ = false;
};

json::parse_options parse_options() {
  json::parse_options o;
  o.max_depth = 64; // deeper is never a trace; bounds the skip stack
  return o;
}

} // namespace reader_detail

using namespace reader_detail;

struct TraceReader::Impl {
  Impl(TraceSink &sink, ReadOptions options)
      : options(options), parser(parse_options(), sink) {}

  ReadOptions options;
  json::basic_parser<Handler> parser;
  uint64_t bytes = 0;
  uint64_t line = 1, column = 1;
  bool only_space = true;

  /// Advances line and column over consumed text, for syntax errors.
  void count(std::string_view text) {
    if (only_space)
      only_space = text.find_first_not_of(" \t\r\n") == std::string_view::npos;
    size_t start = 0;
    for (;;) {
      const void *nl = std::memchr(text.data() + start, '\n', text.size() - start);
      if (!nl)
        break;
      ++line;
      column = 1;
      start = size_t(static_cast<const char *>(nl) - text.data()) + 1;
    }
    column += text.size() - start;
  }

  /// \p rest: the input from where the parser stopped (may be empty).
  [[noreturn]] void raise(const json::error_code &ec, std::string_view rest = {}) {
    Handler &h = parser.handler();
    if (!h.error.empty())
      throw TraceError(h.error_kind, h.error);
    std::string what = ec.message();
    auto byte = [&](size_t i) { return static_cast<unsigned char>(rest[i]); };
    if (bytes == 0 && rest.size() >= 3 && byte(0) == 0xef && byte(1) == 0xbb &&
        byte(2) == 0xbf)
      what = "the file starts with a UTF-8 byte order mark (EF BB BF), which "
             "JSON does not allow; remove those 3 bytes";
    else if (!rest.empty() && byte(0) >= 0x80) {
      static const char hex[] = "0123456789abcdef";
      what = std::string("byte 0x") + hex[byte(0) >> 4] + hex[byte(0) & 15] +
             " is not UTF-8 (a JSON trace must be UTF-8 throughout; is it "
             "another encoding, or not a trace?)";
    }
    throw TraceError(TraceError::Kind::Syntax,
                     "invalid JSON at line " + std::to_string(line) +
                         ", column " + std::to_string(column) + ": " + what);
  }
};

TraceReader::TraceReader(TraceSink &sink, ReadOptions options)
    : impl_(std::make_unique<Impl>(sink, options)) {}

TraceReader::~TraceReader() = default;

void TraceReader::feed(std::string_view bytes) {
  Impl &m = *impl_;
  while (!bytes.empty()) {
    if (m.parser.done()) {
      // After the document only white space may follow; the parser would
      // otherwise start on a second document.
      size_t text = bytes.find_first_not_of(" \t\r\n");
      m.count(bytes.substr(0, text));
      if (text != std::string_view::npos)
        throw TraceError(TraceError::Kind::Syntax,
                         "invalid JSON at line " + std::to_string(m.line) +
                             ", column " + std::to_string(m.column) +
                             ": more data after the trace");
      return;
    }
    json::error_code ec;
    size_t n = m.parser.write_some(true, bytes.data(), bytes.size(), ec);
    m.count(bytes.substr(0, n));
    m.bytes += n;
    if (ec)
      m.raise(ec, bytes.substr(n));
    if (n == 0) // cannot happen without an error; never spin
      break;
    bytes.remove_prefix(n);
  }
}

void TraceReader::finish() {
  Impl &m = *impl_;
  Handler &h = m.parser.handler();
  if (m.parser.done())
    return;
  if (m.only_space)
    throw TraceError(TraceError::Kind::Shape,
                     m.bytes == 0 ? "empty file, not a trace"
                                  : "only white space, not a trace");
  json::error_code ec;
  m.parser.write_some(false, nullptr, 0, ec);
  if (!ec && m.parser.done())
    return;
  if (!h.error.empty())
    m.raise(ec);
  // The input ends inside the document: a trace cut short, or not JSON.
  if (h.events_done() || h.in_events()) {
    if (m.options.allow_truncated) {
      h.deliver_truncated();
      return;
    }
    throw TraceError(
        TraceError::Kind::Truncated,
        h.events_done()
            ? "truncated after the events: the trace has no end"
            : "truncated after " + std::to_string(h.events_read()) +
                  (h.events_read() == 1 ? " event" : " events") +
                  ": the trace has no end (the program was killed "
                  "or called _exit before it finished)");
  }
  throw TraceError(TraceError::Kind::Truncated,
                   "truncated at line " + std::to_string(m.line) +
                       ", before any event");
}

} // namespace borrowscope
