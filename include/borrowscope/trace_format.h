/*
 * The BorrowScope trace file, version 2 (docs/trace-format.md): a file header
 * and a sequence of blocks, each with a length, so that a file cut short is
 * readable up to its last complete block. The runtime writes it; the
 * `borrowscope` tool reads it. Records are the 16-byte struct bs_event of
 * abi.h, copied from the thread windows as they are.
 *
 * Everything is in the writer's native byte order; `byte_order` says which.
 */
#ifndef BORROWSCOPE_TRACE_FORMAT_H
#define BORROWSCOPE_TRACE_FORMAT_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define BS_TRACE_MAGIC "BSTRACE" /* 8 bytes with its NUL */
#define BS_TRACE_VERSION 2
#define BS_TRACE_BYTE_ORDER 0x01020304u
#define BS_BLOCK_MAGIC 0x4b425342u /* "BSBK" in a little-endian file */

/* Bits of bs_file_header.flags. */
#define BS_TRACE_FLAG_CLOCK_EXACT 1u /* a clock record opens every group */

struct bs_file_header {
  char magic[8];              /* BS_TRACE_MAGIC */
  uint32_t byte_order;        /* BS_TRACE_BYTE_ORDER as written */
  uint32_t version;           /* BS_TRACE_VERSION */
  uint32_t header_size;       /* sizeof(struct bs_file_header) */
  uint32_t block_header_size; /* sizeof(struct bs_block_header) */
  uint32_t record_size;       /* sizeof(struct bs_event) */
  uint32_t flags;             /* BS_TRACE_FLAG_* */
  uint64_t pid;
  uint64_t start_tsc;         /* the cycle counter at time zero */
  uint64_t start_ns;          /* CLOCK_MONOTONIC at time zero */
  uint64_t start_realtime_ns; /* CLOCK_REALTIME at time zero */
};

enum bs_block_type {
  BS_BLOCK_PAD = 0,     /* nothing: alignment before a window */
  BS_BLOCK_PROCESS = 1, /* the program: payload is its name (argv[0]) */
  BS_BLOCK_MODULE = 2,  /* a module's site table (struct bs_module_record) */
  BS_BLOCK_THREAD = 3,  /* a thread (struct bs_thread_record) */
  BS_BLOCK_EVENTS = 4,  /* records of one thread, consecutive in its stream */
  BS_BLOCK_WINDOW = 5,  /* a thread's live window in the file mapping
                           (struct bs_window_record): records not yet
                           written as EVENTS, valid up to `cur` */
  BS_BLOCK_END = 6,     /* how the process ended (struct bs_end_record) */
  BS_BLOCK_LOST = 7     /* records that could not be written
                           (struct bs_lost_record) */
};

struct bs_block_header {
  uint32_t magic;     /* BS_BLOCK_MAGIC */
  uint16_t type;      /* enum bs_block_type */
  uint16_t flags;     /* 0 */
  uint32_t size;      /* payload bytes after this header */
  uint32_t thread;    /* EVENTS, WINDOW, THREAD, LOST: thread number, from 1 */
  /* EVENTS, WINDOW: how many records of this thread come before the first
     one of this block (blocks of a thread are placed by it). */
  uint64_t sequence;
  /* EVENTS, WINDOW: the clock when its first record could be written (0:
     not known, for a part of a window written while its thread went on);
     other blocks: when written. */
  uint64_t tsc;
  /* CLOCK_MONOTONIC when written, and the clock then (end_tsc): pairs that
     calibrate the cycle counter. EVENTS: after its last record. */
  uint64_t ns;
  uint64_t end_tsc;
  uint64_t reserved; /* 0 */
};

/* Payload of a MODULE block: this, then site_count struct bs_site_record,
   then the strings they refer to (NUL-terminated, by offset from the start
   of the string area; BS_NO_STRING for none). */
#define BS_NO_STRING 0xffffffffu
struct bs_module_record {
  uint32_t base;       /* the number of its first site */
  uint32_t site_count;
  uint32_t variables_untraced;
  uint32_t variables_total;
  uint32_t source_file; /* string offset */
  uint32_t strings_size;
};

struct bs_site_record {
  uint8_t kind, mutability, borrower_kind, reserved0;
  uint32_t flags, line, column, size, decl, call, owner_decl;
  uint32_t file, function, name, type_name, owner, through; /* strings */
};

/* Payload of a THREAD block: this, then the name (name_size bytes). A later
   THREAD block of the same thread replaces the earlier one (its name at
   exit, its final record count). */
struct bs_thread_record {
  uint64_t os_tid;
  uint64_t records; /* records written so far (at exit: all of them) */
  uint32_t exited;  /* 1 once the thread has ended */
  uint32_t name_size;
};

/* Payload of a WINDOW block. The records follow at `capacity` slots; the
   hot path writes them in place through a shared mapping of the file. */
struct bs_window_record {
  uint64_t base;      /* address of the first record in the writer's memory */
  uint64_t cur;       /* address one past the last committed record */
  uint32_t capacity;  /* records */
  uint32_t active;    /* 0 once the window is retired (all written) */
};

/* How the process ended. */
enum bs_end_reason {
  BS_END_EXIT = 1,   /* exit() or return from main: status is the code */
  BS_END_SIGNAL = 2, /* killed by a signal (abort() included): status is its
                        number */
  BS_END_EXEC = 3,   /* replaced by exec*() (a failed exec is followed by
                        more blocks and another END: the last END counts) */
  BS_END_ABORT = 4   /* _exit, _Exit or quick_exit: status is the code */
};

struct bs_end_record {
  uint32_t reason; /* enum bs_end_reason */
  int32_t status;
  uint64_t records; /* records written, all threads */
  uint64_t lost;    /* records lost, all threads */
};

struct bs_lost_record {
  uint64_t records; /* how many records of the thread were lost here */
};

#ifdef __cplusplus
}
#endif

#endif /* BORROWSCOPE_TRACE_FORMAT_H */
