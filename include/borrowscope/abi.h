/*
 * The binary interface between instrumented code and the BorrowScope runtime.
 *
 * Three parties agree on it:
 *   - pass/ emits per-module site tables (struct bs_site) and calls the hot path,
 *   - runtime/hot_path.h is the inlined fast path that appends struct bs_event
 *     records to a thread-local buffer,
 *   - runtime/ is the out-of-line slow path (buffer refill, registration) and
 *     the trace writer that turns records back into JSON.
 *
 * Static facts (names, types, source locations) live in the site table, once
 * per instrumentation point; an event record is 16 bytes of dynamic data only.
 * Changing anything here is an ABI change: bump BORROWSCOPE_ABI_VERSION and the
 * versioned symbol names below, so that mismatched objects fail to link
 * instead of producing garbage.
 */
#ifndef BORROWSCOPE_ABI_H
#define BORROWSCOPE_ABI_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define BORROWSCOPE_ABI_VERSION 1

/* What a site records. Values are stored in bs_site.kind. */
enum bs_site_kind {
  BS_SITE_NEW = 1,    /* a variable instance is created        */
  BS_SITE_BORROW = 2, /* the address of a variable is taken     */
  BS_SITE_MOVE = 3,   /* a variable is moved into another       */
  BS_SITE_DROP = 4    /* a variable instance ends               */
};

/* How a borrow may use the owner. Stored in bs_site.mutability. */
enum bs_mutability {
  BS_MUT_UNKNOWN = 0, /* the declared types do not tell */
  BS_MUT_SHARED = 1,  /* const T&, const T*, const member function */
  BS_MUT_MUTABLE = 2, /* T&, T*, non-const member function */
  BS_MUT_MOVE = 3     /* bound to T&& (std::move into a parameter) */
};

/* Who holds a borrowed address. Stored in bs_site.borrower_kind. */
enum bs_borrower_kind {
  BS_BORROWER_NONE = 0,     /* not a borrow site */
  BS_BORROWER_VARIABLE = 1, /* a tracked local variable (borrower id known) */
  BS_BORROWER_CALL = 2,     /* a call argument; the callee is the borrower */
  BS_BORROWER_RETURN = 3,   /* returned to the caller */
  BS_BORROWER_ESCAPE = 4    /* stored into a field, the heap or a global */
};

/* The names the trace uses for these (docs/trace-format.md). */
static inline const char *bs_mutability_name(unsigned m) {
  switch (m) {
  case BS_MUT_SHARED:
    return "shared";
  case BS_MUT_MUTABLE:
    return "mutable";
  case BS_MUT_MOVE:
    return "move";
  default:
    return "unknown";
  }
}

static inline const char *bs_borrower_kind_name(unsigned k) {
  switch (k) {
  case BS_BORROWER_VARIABLE:
    return "variable";
  case BS_BORROWER_CALL:
    return "call";
  case BS_BORROWER_RETURN:
    return "return";
  case BS_BORROWER_ESCAPE:
    return "escape";
  default:
    return "unknown";
  }
}

/* Bits of bs_site.flags. */
#define BS_SITE_FLAG_UNWIND 1u /* a Drop on the exception unwind path */
/* The record is followed by an extension record (struct bs_event_ext):
   New: the variable's address and size; Borrow: the borrowed address (for a
   reborrow) and where the address was stored (for a borrow held in memory). */
#define BS_SITE_FLAG_WIDE 2u
/* A Borrow whose owner is not known statically: the owner is whatever live
   variable contains the borrowed address (extension `p0`). Owner id is 0. */
#define BS_SITE_FLAG_REBORROW 4u

/* One instrumentation point; one table of these per module. */
struct bs_site {
  uint8_t kind;          /* enum bs_site_kind */
  uint8_t mutability;    /* enum bs_mutability (borrow and move sites) */
  uint8_t borrower_kind; /* enum bs_borrower_kind (borrow sites) */
  uint8_t flags;         /* BS_SITE_FLAG_* */
  uint32_t line;         /* 1-based; 0 when unknown */
  uint32_t column;       /* 1-based; 0 when unknown */
  uint32_t reserved;     /* 0 */
  const char *file;      /* source file as given to the compiler */
  const char *function;  /* demangled name of the enclosing function */
  const char *name;      /* New/Drop: the variable; Borrow: the borrower;
                            Move: the destination variable */
  const char *type_name; /* New: the variable's declared type */
  const char *owner;     /* Borrow/Move: the owner (source) variable */
  const char *through;   /* Borrow: the reference the address was read
                            through (`int &r = x; f(r);`), or null */
};

/*
 * One event, 16 bytes. `site` is a process-wide site number: the module's
 * base (assigned at registration) plus the site's index in its table.
 *   New:    a = new instance id
 *   Borrow: a = owner id, b = borrower id (0 when the borrower is no variable)
 *   Move:   a = from id,  b = to id
 *   Drop:   a = instance id
 * Sites with BS_SITE_FLAG_WIDE are followed by a struct bs_event_ext.
 * Instance ids are per thread; the writer makes them process-wide.
 * `clock` is the low half of the cycle counter; a record with site ==
 * BS_SITE_CLOCK_HIGH sets the high half (in `a`) for the records after it.
 */
struct bs_event {
  uint32_t clock;
  uint32_t site;
  uint32_t a;
  uint32_t b;
};

/* The second record of a wide event (BS_SITE_FLAG_WIDE). */
struct bs_event_ext {
  uint64_t p0; /* New: address; Borrow: borrowed address (reborrow) or 0 */
  uint64_t p1; /* New: size in bytes; Borrow: destination address or 0 */
};

#define BS_SITE_CLOCK_HIGH 0xffffffffu
/* A module's base before its constructor registered it. Sites numbered from
   here are reported as unknown rather than misattributed. */
#define BS_SITE_UNREGISTERED_BASE 0x80000000u

/* Per-thread hot state. initial-exec TLS: no __tls_get_addr per event. */
struct bs_thread_state {
  struct bs_event *cur;  /* next free record */
  struct bs_event *end;  /* one past the buffer */
  uint32_t next_id;      /* last instance id handed out on this thread */
  uint32_t clock_high;   /* high half of the clock as last recorded */
  uint32_t clock_last;   /* low half of the last clock read */
  uint32_t clock_reuse;  /* groups that may still use clock_last */
};

/* How many groups of events may reuse one clock read (BORROWSCOPE_CLOCK:
   "exact", the default, 0; "fast" 15). Set by the runtime at start-up. */
extern uint32_t __borrowscope_clock_reuse_v1;

extern __thread struct bs_thread_state __borrowscope_thread
    __attribute__((tls_model("initial-exec")));

/* The most records one group of events reserves at once; the pass splits
   longer groups. The slow path guarantees this much room (plus a clock
   record), so buffers hold at least 2 * BS_MAX_GROUP records. */
#define BS_MAX_GROUP 32

/* Slow path, out of line in the runtime library: makes room for n records
   (writing out the full buffer), and records the clock's high half if it
   changed. Afterwards end - cur >= n. */
void __borrowscope_slow_v1(uint64_t now, uint32_t n);

/* Called from each instrumented module's constructor and destructor. */
void __borrowscope_register_module_v1(const struct bs_site *sites,
                                      uint32_t count, uint32_t *base);
void __borrowscope_unregister_module_v1(const struct bs_site *sites);

#ifdef __cplusplus
}
#endif

#endif /* BORROWSCOPE_ABI_H */
