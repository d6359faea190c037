/* borrowscope_bench_child instr|plain EVENTS [SNAPSHOT]
   Records EVENTS events (the borrow8 kernel at -O2, 10 per iteration) with the
   instrumented copy, or runs the same loop plain; with SNAPSHOT, exports the
   trace there at the end (borrowscope_export_json). Prints a checksum and
   its peak RSS (VmHWM). The benchmark runs it to measure whole runs: time,
   peak memory, trace size. VmHWM, not the parent's wait4 ru_maxrss: that one
   inherits the spawning process's peak across exec. */
#include "borrowscope/borrowscope.h"
#include "kernels.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s instr|plain EVENTS [SNAPSHOT]\n", argv[0]);
    return 2;
  }
  int (*kernel)(int) =
      strcmp(argv[1], "instr") == 0 ? bs_borrow8_instr_O2 : bs_borrow8_plain_O2;
  long long iterations = atoll(argv[2]) / 10;
  long long sum = 0;
  while (iterations > 0) {
    int chunk = iterations > 1000000 ? 1000000 : (int)iterations;
    sum += kernel(chunk);
    iterations -= chunk;
  }
  /* Everything recorded goes through the writer before the peak is read;
     what is left for exit is the trailer. */
  borrowscope_flush();
  if (argc > 3 && borrowscope_export_json(argv[3]) != 0)
    return 1;
  printf("sum %lld\n", sum);
  FILE *status = fopen("/proc/self/status", "r");
  char line[256];
  while (status && fgets(line, sizeof line, status))
    if (strncmp(line, "VmHWM:", 6) == 0)
      printf("vmhwm_kib %ld\n", strtol(line + 6, NULL, 10));
  if (status)
    fclose(status);
  return 0;
}
