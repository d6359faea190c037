#!/bin/sh
# BorrowScope quick start: installs what is missing (Debian 12), builds
# everything into build/, instruments the bundled example and writes its trace.
#
#   tools/quickstart.sh            then: ctest --test-dir build --output-on-failure
#   BORROWSCOPE_LLVM=22 tools/quickstart.sh
#                                  the same against LLVM 22, into build-llvm22/
#
# BORROWSCOPE_LLVM is the LLVM major to build against (default 19; see
# docs/usage.md, "Choosing the LLVM"): its clang-N llvm-N-dev llvm-N-tools
# libclang-rt-N-dev are installed when missing, and the plugin, the wrappers
# and the tests use that LLVM. BUILD_DIR (default build for LLVM 19,
# build-llvmN for another) and CMAKE_BUILD_TYPE (default Release) may be set.
set -eu

cd "$(dirname "$0")/.."
default_llvm=19
llvm=${BORROWSCOPE_LLVM:-$default_llvm}
case "$llvm" in
  ''|*[!0-9]*) echo "quickstart: BORROWSCOPE_LLVM='$llvm' is not an LLVM major (e.g. 19 or 22)" >&2; exit 2 ;;
esac
if [ "$llvm" = "$default_llvm" ]; then
  build=${BUILD_DIR:-build}
else
  build=${BUILD_DIR:-build-llvm$llvm}
fi
llvm_dir=/usr/lib/llvm-$llvm/lib/cmake/llvm

packages="clang-$llvm llvm-$llvm-dev llvm-$llvm-tools libclang-rt-$llvm-dev
  libboost-json1.81-dev libboost1.81-dev libgtest-dev libbenchmark-dev
  cmake ninja-build python3 chromium graphviz"

missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "Installing:$missing"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# A build directory belongs to one LLVM (CMake stops if it was configured for
# another).
echo "Building against LLVM $llvm into $build/"
cmake -S . -B "$build" -G Ninja -DLLVM_DIR="$llvm_dir" \
  -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-Release}" >/dev/null
cmake --build "$build"

example="$build/example"
"$build/bin/borrowscope-clang++" -O1 -pthread examples/library.cpp -o "$example"
BORROWSCOPE_OUTPUT="$build/example.trace" "$example"
echo
echo "Trace of the bundled example: $build/example.trace"
if [ -x "$build/bin/borrowscope" ]; then
  "$build/bin/borrowscope" report "$build/example.trace" | head -40
  "$build/bin/borrowscope" export "$build/example.trace" --format html -o "$build/example-report.html"
  echo "HTML report: $build/example-report.html"
fi
