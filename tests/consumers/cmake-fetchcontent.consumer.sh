#!/usr/bin/env bash
# Consumer: temporal-ffi built from source by its own CMake build (the top-level CMakeLists.txt)
# inside a C/C++ project, no installed tree involved: tests/consumers/cmake-fetchcontent, once
# through FetchContent (SOURCE_DIR this repository) and once through add_subdirectory. For each:
#   cpp_echo       C++ (temporal.hpp) on TemporalFFI::TemporalFFI: needs the SONAME and finds it
#                  through the build RPATH, in the cargo output directory
#   c_echo_static  C on TemporalFFI::static: no libtemporal_ffi NEEDED
#   installed      `cmake --install`: cpp_echo in bin/, the library under its SONAME in lib/
# each run with LD_LIBRARY_PATH unset against the dev server (Echo(["hi"]) must return "hi").
#
#   tests/harness/with-dev-server.sh tests/consumers/run.sh      (with the other consumers)
#   tests/harness/with-dev-server.sh tests/consumers/cmake-fetchcontent.consumer.sh
#
# The cargo target directory is the repository's target/: cargo's cache, nothing more (cargo
# still runs from the CMake build, and the programs link what the CMake targets name).
# consumer-tests runs right after `make ship`, which has built exactly what this build asks for
# (`cargo build --release --locked`, no features) into target/release, so cargo finds it up to
# date instead of compiling the dependency tree a second time. This script fails if cargo
# compiles anything, and refuses to start when target/release holds the other build (the test
# build of `make build`): building over it would flip it for every other suite.
#
# Environment: TEMPORAL_FFI_SOURCE_BUILD_FEATURES (cargo features, default none; `testing` only
# for trying this script against the test build in target/release), TEMPORAL_FFI_CONSUMER_WORK
# (scratch directory; default a temporary one), CMAKE_GENERATOR as usual.
set -euo pipefail
started=$SECONDS

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
project="$root/tests/consumers/cmake-fetchcontent"
features="${TEMPORAL_FFI_SOURCE_BUILD_FEATURES:-}"
cargo_target_dir="$root/target"
cargo_out="$cargo_target_dir/release"
if [ -n "${TEMPORAL_FFI_CONSUMER_WORK:-}" ]; then
  work="$TEMPORAL_FFI_CONSUMER_WORK"
  mkdir -p "$work"
else
  work="$(mktemp -d "${TMPDIR:-/tmp}/temporal-ffi-cmake-fetchcontent.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
fi

fail() { echo "cmake-fetchcontent: $*" >&2; exit 1; }
[ -n "${TEMPORAL_ADDRESS:-}" ] && [ -n "${TEMPORAL_TEST_TASK_QUEUE:-}" ] ||
  fail "TEMPORAL_ADDRESS and TEMPORAL_TEST_TASK_QUEUE must be set (run under tests/harness/with-dev-server.sh)"
soname="$(sed -n 's/^#define TEMPORAL_FFI_SONAME "\(.*\)"$/\1/p' "$root/include/temporal.h")"
[ -n "$soname" ] || fail "no TEMPORAL_FFI_SONAME in include/temporal.h"

# The build in target/release must be the one asked for: test hooks exactly when `testing` is on.
[ -f "$cargo_out/libtemporal_ffi.so" ] ||
  fail "$cargo_out/libtemporal_ffi.so is missing: run 'make ship' first (make consumer-tests does)"
exports="$(nm -D --defined-only "$cargo_out/libtemporal_ffi.so")"
if grep -q ' T temporal_testing_' <<<"$exports"; then built_testing=1; else built_testing=0; fi
case ",$features," in *,testing,*) want_testing=1 ;; *) want_testing=0 ;; esac
if [ "$built_testing" != "$want_testing" ]; then
  if [ "$built_testing" = 1 ]; then
    fail "$cargo_out holds the test build (make build), not the shipped one this build asks for;" \
      "run 'make consumer-tests' (it runs 'make ship' first), or set TEMPORAL_FFI_SOURCE_BUILD_FEATURES=testing"
  fi
  fail "$cargo_out holds the shipped build but TEMPORAL_FFI_SOURCE_BUILD_FEATURES='$features' asks for the test hooks"
fi

# Plain cargo output, for the check that it compiled nothing (not part of cargo's fingerprints).
export CARGO_TERM_COLOR=never

build() {  # INCLUSION: configure and build the consumer project into $work/INCLUSION
  local build_dir="$work/$1" log="$work/$1.log"
  # No installed tree may be found: this consumer has only the source tree.
  env -u CMAKE_PREFIX_PATH cmake -S "$project" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release \
    -DTEMPORAL_FFI_SOURCE_DIR="$root" -DTEMPORAL_FFI_INCLUSION="$1" \
    -DTEMPORAL_FFI_CARGO_TARGET_DIR="$cargo_target_dir" -DTEMPORAL_FFI_CARGO_FEATURES="$features" \
    >"$log" 2>&1 &&
  cmake --build "$build_dir" >>"$log" 2>&1 || { cat "$log"; fail "$1: the build failed"; }
  grep -q "TemporalFFI .* ($1) from $root/include" "$log" || { cat "$log"; fail "$1: not built from $root"; }
  if grep -E '^ *Compiling ' "$log"; then
    fail "$1: cargo compiled the crates above: it did not find make ship's build in $cargo_out up to date"
  fi
}

needs_soname_from() {  # BINARY DIR: needs the SONAME and, without LD_LIBRARY_PATH, loads it from DIR
  local dynamic libs loaded
  dynamic="$(readelf -d "$1")"
  grep -q "NEEDED.*\[$soname\]" <<<"$dynamic" || { echo "$dynamic" | grep NEEDED; fail "$1 does not need $soname"; }
  # ldd's output is taken whole first: `ldd | grep -q` under pipefail can fail at random.
  libs="$(env -u LD_LIBRARY_PATH ldd "$1")"
  loaded="$(sed -n "s/^[[:space:]]*${soname//./\\.} => \(.*\) (0x[0-9a-f]*)$/\1/p" <<<"$libs")"
  [ -n "$loaded" ] && [ "$(realpath -- "$(dirname -- "$loaded")")" = "$(realpath -- "$2")" ] ||
    { echo "$libs"; fail "$1 does not load $2/$soname"; }
}

run_echo() {  # BINARY LABEL
  local out
  out="$(env -u LD_LIBRARY_PATH "$1" "$2")" || { echo "$out"; fail "$2: $1 failed"; }
  echo "$out"
  grep -q "^$2: temporal-ffi .*: Echo -> \"hi\"$" <<<"$out" || fail "$2: unexpected output"
}

for inclusion in fetchcontent add_subdirectory; do
  build "$inclusion"
  bin="$work/$inclusion"
  needs_soname_from "$bin/cpp_echo" "$cargo_out"
  run_echo "$bin/cpp_echo" "cmake-$inclusion-cpp"
  if grep -q 'NEEDED.*libtemporal_ffi' <<<"$(readelf -d "$bin/c_echo_static")"; then
    fail "$bin/c_echo_static needs the shared library"
  fi
  run_echo "$bin/c_echo_static" "cmake-$inclusion-c-static"

  app="$work/$inclusion-installed"
  cmake --install "$bin" --prefix "$app" >>"$work/$inclusion.log" 2>&1 || { cat "$work/$inclusion.log"; fail "$inclusion: install failed"; }
  needs_soname_from "$app/bin/cpp_echo" "$app/lib"
  run_echo "$app/bin/cpp_echo" "cmake-$inclusion-installed"
done
echo "cmake-fetchcontent: FetchContent and add_subdirectory builds passed in $((SECONDS - started)) s"
