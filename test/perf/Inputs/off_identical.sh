#!/bin/sh
# Compiles each source with and without the plugin, BORROWSCOPE=off, and
# compares the object files byte for byte. One line per comparison:
#   same|DIFFERENT <form> <source> <flags>
# Usage: off_identical.sh OUTDIR CLANG CLANGXX PLUGIN WRAPPER WRAPPERXX SOURCE...
set -eu
out=$1 cc=$2 cxx=$3 plugin=$4 bscc=$5 bscxx=$6
shift 6
mkdir -p "$out"

compare() { # compare FORM TAG: plain.o against FORM.o
  if cmp -s "$out/plain.o" "$out/$1.o"; then s=same; else s=DIFFERENT; fi
  echo "$s $1 $2"
}

for src in "$@"; do
  case $src in
    *.c) compiler=$cc wrapper=$bscc ;;
    *) compiler=$cxx wrapper=$bscxx ;;
  esac
  name=$(basename "$src")
  for opt in -O0 -O2; do
    for g in -g0 -g; do
      tag="$name $opt $g"
      "$compiler" $opt $g -c "$src" -o "$out/plain.o"
      # The raw plugin flag: the plugin loads, and registers nothing.
      BORROWSCOPE=off "$compiler" $opt $g "-fpass-plugin=$plugin" -c "$src" -o "$out/off.o"
      compare off "$tag"
      BORROWSCOPE=0 "$compiler" $opt $g "-fpass-plugin=$plugin" -c "$src" -o "$out/zero.o"
      compare zero "$tag"
      # The wrapper: it runs the plain compiler.
      BORROWSCOPE=off "$wrapper" $opt $g -c "$src" -o "$out/wrapper.o"
      compare wrapper "$tag"
    done
  done
  # Control: instrumentation on changes the object, so `same` above means
  # something.
  "$compiler" -O2 -g "-fpass-plugin=$plugin" -c "$src" -o "$out/on.o"
  compare on "$name -O2 -g"
done
