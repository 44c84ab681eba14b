#!/usr/bin/env bash
# Consumer builds against an installed temporal-ffi tree.
#
#   tests/harness/with-dev-server.sh tests/consumers/run.sh
#
# Installs target/release into a temporary prefix with packaging/install.sh, then builds and
# runs (each program runs Echo(["hi"]) on $TEMPORAL_TEST_TASK_QUEUE and checks "hi"):
#   c-pkgconfig-shared    cc echo.c $(pkg-config --cflags --libs temporal-ffi)
#   c-pkgconfig-static    cc echo.c against libtemporal_ffi.a + pkg-config --static libs
#   cpp-header-pkgconfig  temporal.hpp compiles with the pkg-config flags alone
#   cpp-cmake-shared      find_package(TemporalFFI) + TemporalFFI::TemporalFFI, temporal.hpp
#   c-cmake-static        find_package(TemporalFFI) + TemporalFFI::static
#   cmake-relocated       the CMake package still works after the tree is moved
#   <name>                every tests/consumers/<name>.consumer.sh (hook for other bindings)
#
# Hook: each *.consumer.sh runs with TEMPORAL_FFI_PREFIX, TEMPORAL_FFI_LIBDIR, PKG_CONFIG_PATH,
# LD_LIBRARY_PATH, CMAKE_PREFIX_PATH and TEMPORAL_FFI_CONSUMER_WORK (a scratch directory)
# exported; the same exports are written to $TEMPORAL_FFI_CONSUMER_WORK/../env.sh.
# Environment: TEMPORAL_FFI_CONSUMERS_KEEP=1 keeps the prefix and build trees (and prints
# where); CC, CXX, CMAKE_GENERATOR as usual.
# Ends with "consumers: N passed, M failed"; exits non-zero if any failed.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/tests/consumers"
CC="${CC:-cc}"
CXX="${CXX:-c++}"

if [ -z "${TEMPORAL_ADDRESS:-}" ] || [ -z "${TEMPORAL_TEST_TASK_QUEUE:-}" ]; then
  echo "consumers: TEMPORAL_ADDRESS and TEMPORAL_TEST_TASK_QUEUE must be set (run under tests/harness/with-dev-server.sh)" >&2
  exit 2
fi
for tool in pkg-config cmake readelf "$CC" "$CXX"; do
  command -v "$tool" >/dev/null 2>&1 || { echo "consumers: $tool is missing" >&2; exit 2; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/temporal-ffi-consumers.XXXXXX")"
if [ "${TEMPORAL_FFI_CONSUMERS_KEEP:-0}" = 1 ]; then
  trap 'echo "consumers: kept $work (env: $work/env.sh)" >&2' EXIT
else
  trap 'rm -rf "$work"' EXIT
fi

prefix="$work/prefix"
libdir="$prefix/lib"
"$root/packaging/install.sh" "$prefix" lib || { echo "consumers: install failed" >&2; exit 1; }

export TEMPORAL_FFI_PREFIX="$prefix"
export TEMPORAL_FFI_LIBDIR="$libdir"
export PKG_CONFIG_PATH="$libdir/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
export LD_LIBRARY_PATH="$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export CMAKE_PREFIX_PATH="$prefix${CMAKE_PREFIX_PATH:+:$CMAKE_PREFIX_PATH}"
{
  for v in TEMPORAL_FFI_PREFIX TEMPORAL_FFI_LIBDIR PKG_CONFIG_PATH LD_LIBRARY_PATH CMAKE_PREFIX_PATH; do
    printf 'export %s=%q\n' "$v" "${!v}"
  done
} >"$work/env.sh"
echo "consumers: prefix $prefix; PKG_CONFIG_PATH=$PKG_CONFIG_PATH (env: $work/env.sh)"

soname="$(sed -n 's/^#define TEMPORAL_FFI_SONAME "\(.*\)"$/\1/p' "$prefix/include/temporal.h")"

passed=0
failed=0
failed_names=()
run_consumer() {  # NAME COMMAND...
  local name="$1"; shift
  echo "=== consumer $name"
  if "$@"; then
    echo "--- PASS $name"; passed=$((passed + 1))
  else
    echo "--- FAIL $name"; failed=$((failed + 1)); failed_names+=("$name")
  fi
}

# The installed library is the shipped build: no test hooks.
shipped_library() {
  local exports
  exports="$(nm -D --defined-only "$libdir/$soname")" || return 1
  if grep -q 'temporal_testing_' <<<"$exports"; then
    echo "the installed library exports test hooks:"; grep 'temporal_testing_' <<<"$exports"; return 1
  fi
  grep -q ' T temporal_execute_workflow$' <<<"$exports"
}
run_consumer shipped-library shipped_library

needs_shared() {  # BINARY: linked against the SONAME, not the unversioned name
  grep -q "NEEDED.*\[$soname\]" <<<"$(readelf -d "$1")" || {
    echo "$1 does not need $soname:"; readelf -d "$1" | grep NEEDED; return 1; }
}
no_shared() {  # BINARY: statically linked, so no libtemporal_ffi NEEDED at all
  ! grep -q 'NEEDED.*libtemporal_ffi' <<<"$(readelf -d "$1")" || {
    echo "$1 still needs the shared library"; return 1; }
}

c_pkgconfig_shared() {
  local bin="$work/c-pkgconfig-shared"
  # shellcheck disable=SC2046
  "$CC" -std=c11 -Wall -Wextra -Werror -o "$bin" "$here/c/echo.c" \
    $(pkg-config --cflags --libs temporal-ffi) \
    -Wl,-rpath,"$(pkg-config --variable=libdir temporal-ffi)" &&
  needs_shared "$bin" &&
  env -u LD_LIBRARY_PATH "$bin" c-pkgconfig-shared
}

c_pkgconfig_static() {
  local bin="$work/c-pkgconfig-static" lib_dir
  lib_dir="$(pkg-config --variable=libdir temporal-ffi)"
  # shellcheck disable=SC2046
  "$CC" -std=c11 -Wall -Wextra -Werror -o "$bin" "$here/c/echo.c" \
    $(pkg-config --cflags temporal-ffi) "$lib_dir/libtemporal_ffi.a" \
    $(pkg-config --static --libs-only-l temporal-ffi | sed 's/-ltemporal_ffi//') &&
  no_shared "$bin" &&
  env -u LD_LIBRARY_PATH "$bin" c-pkgconfig-static
}

cpp_header_pkgconfig() {
  # shellcheck disable=SC2046
  printf '#include <temporal.hpp>\n#include <temporal.h>\nint main() { return temporal::version().empty(); }\n' |
    "$CXX" -std=c++17 -Wall -Wextra -Wpedantic -Werror -x c++ -o "$work/cpp-header" - \
      $(pkg-config --cflags --libs temporal-ffi) -Wl,-rpath,"$libdir" &&
  "$work/cpp-header"
}

cmake_build() {  # SOURCE BUILD PREFIX
  cmake -S "$1" -B "$2" -DCMAKE_PREFIX_PATH="$3" -DCMAKE_BUILD_TYPE=Release >"$2.log" 2>&1 &&
  cmake --build "$2" >>"$2.log" 2>&1 || { cat "$2.log"; return 1; }
}

cmake_configured=0
cmake_consumer() {  # TARGET LABEL CHECK
  if [ "$cmake_configured" = 0 ]; then
    cmake_build "$here/cmake" "$work/cmake-build" "$prefix" || { cmake_configured=2; return 1; }
    cmake_configured=1
  fi
  [ "$cmake_configured" = 1 ] || return 1
  local bin="$work/cmake-build/$1"
  "$3" "$bin" && env -u LD_LIBRARY_PATH "$bin" "$2"
}

cmake_relocated() {
  # The pkg-config file names its prefix; the CMake package finds its files relative to itself.
  local moved="$work/moved-prefix"
  cp -a "$prefix" "$moved" &&
  cmake_build "$here/cmake" "$work/cmake-relocated" "$moved" &&
  grep -q "TemporalFFI .* from $moved/include" "$work/cmake-relocated.log" &&
  grep -q "RUNPATH.*$moved/lib" <<<"$(readelf -d "$work/cmake-relocated/cpp_echo")" &&
  env -u LD_LIBRARY_PATH "$work/cmake-relocated/cpp_echo" cmake-relocated
}

run_consumer c-pkgconfig-shared c_pkgconfig_shared
run_consumer c-pkgconfig-static c_pkgconfig_static
run_consumer cpp-header-pkgconfig cpp_header_pkgconfig
run_consumer cpp-cmake-shared cmake_consumer cpp_echo cpp-cmake-shared needs_shared
run_consumer c-cmake-static cmake_consumer c_echo_static c-cmake-static no_shared
run_consumer cmake-relocated cmake_relocated

# Hook: consumers of other bindings (e.g. the Go module through pkg-config).
shopt -s nullglob
for hook in "$here"/*.consumer.sh; do
  name="$(basename "$hook" .consumer.sh)"
  mkdir -p "$work/$name"
  run_consumer "$name" env TEMPORAL_FFI_CONSUMER_WORK="$work/$name" bash "$hook"
done

if [ "$failed" -gt 0 ]; then echo "consumers failed: ${failed_names[*]}"; fi
echo "consumers: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
