#!/bin/sh
# BorrowScope quick start: installs what is missing (Debian 12), builds
# everything into build/, instruments the bundled example and writes its trace.
#
#   tools/quickstart.sh            then: ctest --test-dir build --output-on-failure
#
# BUILD_DIR (default build) and CMAKE_BUILD_TYPE (default Release) may be set.
set -eu

cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}

packages="clang-19 llvm-19-dev llvm-19-tools libclang-rt-19-dev
  libboost-json1.81-dev libboost1.81-dev libgtest-dev libbenchmark-dev
  cmake ninja-build python3 chromium"

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

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-Release}" >/dev/null
cmake --build "$build"

example="$build/example"
"$build/bin/borrowscope-clang++" -O1 -pthread examples/library.cpp -o "$example"
BORROWSCOPE_OUTPUT="$build/example-trace.json" "$example"
echo
echo "Trace of the bundled example: $build/example-trace.json"
if [ -x "$build/bin/borrowscope" ]; then
  "$build/bin/borrowscope" report "$build/example-trace.json" | head -40
  "$build/bin/borrowscope" export "$build/example-trace.json" --format html -o "$build/example-report.html"
  echo "HTML report: $build/example-report.html"
fi
