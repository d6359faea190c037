/*
 * The binary interface between instrumented code and the BorrowScope runtime,
 * and the record layout of the trace (docs/trace-format.md, version 2).
 *
 * Three parties agree on it:
 *   - pass/ emits one module descriptor (struct bs_module) with its site table
 *     (struct bs_site) per module, and calls the hot path,
 *   - runtime/hot_path.h is the inlined fast path that appends 16-byte
 *     records (struct bs_event) to a thread's window,
 *   - runtime/ is the out-of-line slow path (refill, registration) and the
 *     writer, which copies windows into the trace as they are.
 * The `borrowscope` tool reads the same records back (tools/borrowscope/lib).
 *
 * Static facts (names, types, source locations, kinds) live in the site
 * table, once per instrumentation point; a record holds dynamic data only and
 * no time: timestamps come from clock records (see BS_SITE_CLOCK).
 * Changing anything here is an ABI change: bump BORROWSCOPE_ABI_VERSION and
 * the versioned symbol names below, so that mismatched objects fail to link
 * instead of producing garbage.
 */
#ifndef BORROWSCOPE_ABI_H
#define BORROWSCOPE_ABI_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define BORROWSCOPE_ABI_VERSION 2

/* What a site records. Values are stored in bs_site.kind. */
enum bs_site_kind {
  BS_SITE_NEW = 1,    /* a variable instance is created                   */
  BS_SITE_BORROW = 2, /* an address is taken, stored, passed or returned  */
  BS_SITE_MOVE = 3,   /* a variable is moved into another (or a call)     */
  BS_SITE_DROP = 4,   /* a variable instance ends                         */
  BS_SITE_RELEASE = 5 /* a holder's value is used for the last time: the
                         borrow it holds ends here (non-lexical lifetimes) */
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

/* Bits of bs_site.flags. Together with the kind they say how a record's
   words a, b, c are to be read (the table below struct bs_event). */
#define BS_SITE_FLAG_UNWIND 0x1u   /* Drop: on the exception unwind path */
#define BS_SITE_FLAG_ADDRESS 0x2u  /* New: the record carries the address */
/* Borrow: the owner is not known statically: the stored address came from
   elsewhere (a parameter, memory, a call's result). Found at run time as the
   live variable containing the address, if any. */
#define BS_SITE_FLAG_REBORROW 0x4u
/* Borrow: held in memory at a destination address (a field of a local
   object, the heap, a global) rather than by a whole variable. */
#define BS_SITE_FLAG_MEMORY 0x8u
/* Borrow: the owner is named by id (the pointer came back from a call on
   the owner, e.g. v.front(), and need not point into the owner's storage). */
#define BS_SITE_FLAG_OWNER_ID 0x10u
/* Borrow: the holder never uses the stored value: the borrow ends at once. */
#define BS_SITE_FLAG_DEAD 0x20u
/* Borrow: the holder keeps it until the holder drops or is reassigned; it
   is not released at a last use (an object holding it in a field, a
   variable whose own address is taken). */
#define BS_SITE_FLAG_LEXICAL 0x40u
/* New: the size is not static (a VLA): a BS_SITE_EXT record with the size
   follows. */
#define BS_SITE_FLAG_DYNAMIC_SIZE 0x80u
/* Borrow by a call whose callee keeps the argument in an object: the holder
   is the object (the record's holder id), e.g. a guard's constructor, a
   std::function or std::string_view built from it, push_back of a pointer. */
#define BS_SITE_FLAG_KEPT 0x100u
/* Move: from a variable into a call's parameter or a temporary. */
#define BS_SITE_FLAG_INTO_CALL 0x200u
/* Borrow (with OWNER_ID): of the owner's contents, what its own pointers
   point to (a std::span or string_view built from a vector or string keeps
   its elements); the record's address says nothing. */
#define BS_SITE_FLAG_CONTENTS 0x400u
/* Drop: the site of a setjmp or longjmp call, named by BS_SITE_SETJMP and
   BS_SITE_LONGJMP records (never by a record of its own): a longjmp's site
   is where the instances it abandons end. */
#define BS_SITE_FLAG_JUMP 0x800u

/* One instrumentation point; one table of these per module. */
struct bs_site {
  uint8_t kind;          /* enum bs_site_kind */
  uint8_t mutability;    /* enum bs_mutability (borrow and move sites) */
  uint8_t borrower_kind; /* enum bs_borrower_kind (borrow sites) */
  uint8_t reserved0;     /* 0 */
  uint32_t flags;        /* BS_SITE_FLAG_* */
  uint32_t line;         /* 1-based; 0 when unknown */
  uint32_t column;       /* 1-based; 0 when unknown */
  /* New: the variable's size in bytes; Borrow: how many bytes from the
     address are borrowed (0: the whole owner). */
  uint32_t size;
  /* Index in this table of the variable's New site: New, Drop, Release (the
     variable), Borrow (the holder variable), Move (the source); else ~0u. */
  uint32_t decl;
  /* Borrow by a call: index of the first borrow site of the same call (the
     arguments of one call are consecutive records); else ~0u. */
  uint32_t call;
  /* Borrow, Move: index of the owner's (source's) New site; else ~0u. */
  uint32_t owner_decl;
  const char *file;      /* source file as given to the compiler */
  const char *function;  /* demangled name of the enclosing function */
  const char *name;      /* New/Drop/Release: the variable; Borrow: the
                            borrower; Move: the destination */
  const char *type_name; /* New: the variable's declared type */
  const char *owner;     /* Borrow/Move: the owner (source) variable */
  const char *through;   /* Borrow: the reference the address was read
                            through (`int &r = x; f(r);`), or null */
};

/* What a module tells the runtime about itself. */
struct bs_module {
  uint32_t abi_version;      /* BORROWSCOPE_ABI_VERSION */
  uint32_t site_count;
  const struct bs_site *sites;
  uint32_t *base;            /* set by the runtime: this table's first number */
  const char *source_file;   /* the module's main source file */
  /* Source variables the pass left out (BORROWSCOPE_VARIABLES=ownership:
     never borrowed, moved or holding a borrow), and all of them. */
  uint32_t variables_untraced;
  uint32_t variables_total;
};

/*
 * One record, 16 bytes. `site` is a process-wide site number: the module's
 * base (assigned at registration) plus the site's index in its table; numbers
 * from BS_SITE_SPECIAL up are the runtime's own records. 0 is never a site.
 * Addresses are user-space addresses of at most 48 bits; `lo`/`hi` split a
 * 64-bit value, `pack` two 48-bit addresses into 96 bits.
 *
 *   kind / flags                  a              b, c
 *   New                           id             address (0 without ADDRESS)
 *   Drop, Release                 id             -
 *   Borrow                        holder id | 0  address (owner: the live
 *                                                variable containing it)
 *   Borrow  MEMORY                pack(address, destination)
 *   Borrow  OWNER_ID              owner id       b: holder id | 0, c: low 32
 *                                                bits of the address
 *   Borrow  OWNER_ID|MEMORY       owner id       destination
 *   Move                          from id        b: to id | 0
 *   BS_SITE_CLOCK                 kind           the cycle counter
 *   BS_SITE_EXT                   0              a 64-bit value (VLA size)
 *   BS_SITE_FREE                  pack(address, size): heap memory freed
 *   BS_SITE_SETJMP, _LONGJMP      pack(jmp_buf address, site of the call | 0)
 * pack(x, y): a = x & 0xffffffff, b = (x >> 32) | (y << 16), c = y >> 16.
 */
struct bs_event {
  uint32_t site;
  uint32_t a;
  uint32_t b;
  uint32_t c;
};

#define BS_SITE_SPECIAL 0xffffff00u
#define BS_SITE_CLOCK 0xffffff01u  /* a clock reading (timestamps) */
/* Kinds of clock records (their `a`): around a synchronising call; opening
   a group (BORROWSCOPE_CLOCK=exact): the group's events share its time. */
#define BS_CLOCK_SYNC 0u
#define BS_CLOCK_GROUP 1u
#define BS_SITE_EXT 0xffffff02u    /* the extension of the record before */
#define BS_SITE_FREE 0xffffff03u   /* free/realloc/delete of heap memory */
/* setjmp (sigsetjmp, _setjmp) is about to save a context in a jmp_buf;
   longjmp (siglongjmp, _longjmp) jumps back to one: the instances this
   thread created since that setjmp and still has end there (abandoned). */
#define BS_SITE_SETJMP 0xffffff04u
#define BS_SITE_LONGJMP 0xffffff05u
/* The runtime's slow path held this thread up (writing out a full window,
   waiting for check mode's checker): `a` is how many cycles it took
   (0xffffffff: that many or more), `b | c << 32` the cycle counter when it
   began. It precedes the thread's first record after the stall. */
#define BS_SITE_FLUSH 0xffffff06u
/* A module's base before its constructor registered it. Sites numbered from
   here are reported as unknown rather than misattributed. */
#define BS_SITE_UNREGISTERED_BASE 0x80000000u

/* Per-thread hot state. initial-exec TLS: no __tls_get_addr per event. */
struct bs_thread_state {
  struct bs_event *cur;     /* next free record */
  struct bs_event *end;     /* one past the window */
  struct bs_event **commit; /* where cur is published for crash recovery:
                               the window's header in the trace mapping */
  uint32_t next_id;         /* last instance id handed out on this thread */
  uint32_t scratch;         /* written instead of shared flags (hot_path.h) */
};

extern __thread struct bs_thread_state __borrowscope_thread
    __attribute__((tls_model("initial-exec")));

/* BORROWSCOPE_CLOCK=exact: a clock record opens every group of events
   (1, else 0). Set by the runtime at start-up. */
extern uint32_t __borrowscope_clock_exact_v2;
/* The address range of the process's thread stacks: lo and hi - lo. An
   address outside it is no variable's: a reborrow of it records nothing. */
extern uint64_t __borrowscope_stack_lo_v2;
extern uint64_t __borrowscope_stack_span_v2;
/* Set once a stack address has been stored into memory outside the stacks:
   from then on frees are recorded (BS_SITE_FREE), so that a borrow held in
   freed memory ends. */
extern uint32_t __borrowscope_heap_holds_v2;
/* Memory outside the stacks that has held a stack address: a bit per
   8-byte word, hashed by address (bit (d >> 3) mod BS_HOLDER_BITS), never
   cleared. A pointer that points into no stack, stored there, is recorded
   (the memory lets go of the borrow it held); stored elsewhere, it says
   nothing. */
#define BS_HOLDER_BITS (1u << 18)
extern uint32_t __borrowscope_holders_v2[BS_HOLDER_BITS / 32];

/* The most records one group of events reserves at once; the pass splits
   longer groups. The slow path guarantees this much room (plus a clock
   record), so windows hold at least 2 * BS_MAX_GROUP records. */
#define BS_MAX_GROUP 32

/* Slow path, out of line in the runtime library: writes out the full window
   and returns the calling thread's new cur, with end - cur >= n records.
   Called from the hot path through __borrowscope_refill_stub_v2, which
   preserves every register but the result's (rax) so that the room check
   needs no branch of the compiler's own. */
struct bs_event *__borrowscope_refill_v2(uint64_t n);
void __borrowscope_refill_stub_v2(void);

/* Called from each instrumented module's constructor and destructor. */
void __borrowscope_register_module_v2(const struct bs_module *module);
void __borrowscope_unregister_module_v2(const struct bs_module *module);

/* Called before each setjmp and longjmp of instrumented code (out of line:
   they are rare): a BS_SITE_SETJMP or BS_SITE_LONGJMP record of the jmp_buf
   and the call's site number. The runtime also sees longjmp calls of code
   that is not instrumented (site 0). */
void __borrowscope_jump_v2(uint32_t kind, const void *jmp_buf, uint32_t site);

#ifdef __cplusplus
}
#endif

#endif /* BORROWSCOPE_ABI_H */
