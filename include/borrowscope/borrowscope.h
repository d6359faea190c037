/*
 * BorrowScope's public API for instrumented programs. Nothing here is needed
 * for tracing: compiling with the plugin is enough. These calls give a program
 * control over when its trace is written.
 */
#ifndef BORROWSCOPE_BORROWSCOPE_H
#define BORROWSCOPE_BORROWSCOPE_H

#ifdef __cplusplus
extern "C" {
#endif

/* Writes the complete trace recorded so far (every thread's events) to
   `path` as a JSON document. Recording goes on, and the trace written at exit
   still contains everything. Returns 0 on success, -1 on failure (one line on
   stderr says why). */
int borrowscope_export_json(const char *path);

/* Writes every thread's buffered events to the trace file now. */
void borrowscope_flush(void);

#ifdef __cplusplus
}
#endif

#endif /* BORROWSCOPE_BORROWSCOPE_H */
