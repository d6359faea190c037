#!/bin/sh
# Measures `borrowscope check` on a large trace: time and peak memory, which
# must not grow with the number of events (docs/semantics.md).
#
#   bench/check_stream.sh [BUILD_DIR] [ITERATIONS]
#
# Each iteration of the generated program records 8 events; the default
# 2 000 000 iterations make a 16-million-event trace (about 2.8 GB of JSON,
# written to a temporary directory and removed afterwards).
set -eu
build=${1:-build}
iterations=${2:-2000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/gen.c" <<EOC
#include <stdio.h>
__attribute__((noinline)) static void use(const int *p) { (void)p; }
int main(void) {
  long total = 0;
  for (int i = 0; i < $iterations; ++i) {
    int x = i;         /* New (with its address) */
    const int *p = &x; /* New, Borrow */
    total += *p;
    use(p);            /* New, Reborrow, Drop in use() */
  }                    /* Drop p, Drop x */
  printf("%ld\n", total);
  return 0;
}
EOC
"$build/bin/borrowscope-clang" -O2 "$work/gen.c" -o "$work/gen"
BORROWSCOPE_OUTPUT="$work/trace.json" "$work/gen" > /dev/null
events=$(tail -c 200 "$work/trace.json" | sed -n 's/.*"event_count":\([0-9]*\).*/\1/p')
bytes=$(wc -c < "$work/trace.json")
for run in 1 2 3; do
  /usr/bin/time -f "%e %M" "$build/bin/borrowscope" check "$work/trace.json" \
    2>> "$work/times" > /dev/null
done
sort -n "$work/times" | sed -n 2p | {
  read seconds kilobytes
  echo "events $events, trace $bytes bytes"
  echo "check: median of 3 runs ${seconds} s, peak memory ${kilobytes} KB"
}
