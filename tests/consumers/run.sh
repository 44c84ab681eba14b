#!/usr/bin/env bash
# Consumer builds against an installed temporal-ffi tree.
#
#   tests/harness/with-dev-server.sh tests/consumers/run.sh
#   TEMPORAL_FFI_CONSUMER_ARCHIVE=DIR/temporal-ffi-V-linux-ARCH.tar.gz \
#     tests/harness/with-dev-server.sh tests/consumers/run.sh
#
# The prefix: by default, $TEMPORAL_FFI_BUILD_DIR (default target/release) installed into a
# temporary directory with packaging/install.sh. With TEMPORAL_FFI_CONSUMER_ARCHIVE, a release
# archive (packaging/dist-archive.sh) instead: its checksum (the .sha256 beside it) is
# verified, it is unpacked into the temporary directory, and its one top directory is the
# prefix. Then builds and runs (each program runs Echo(["hi"]) on $TEMPORAL_TEST_TASK_QUEUE
# and checks "hi"):
#   c-pkgconfig-shared    cc echo.c $(pkg-config --cflags --libs temporal-ffi)
#   c-pkgconfig-static    cc echo.c against libtemporal_ffi.a + pkg-config --static libs
#   cpp-header-pkgconfig  temporal.hpp compiles with the pkg-config flags alone
#   cpp-cmake-shared      find_package(TemporalFFI) + TemporalFFI::TemporalFFI, temporal.hpp
#   c-cmake-static        find_package(TemporalFFI) + TemporalFFI::static
#   cmake-relocated       the CMake package still works after the tree is moved
#   archive-layout        (archive only) the files and links a prefix needs; no absolute path
#                         in its pkg-config and CMake files
#   pkgconfig-relocated   (archive only) the pkg-config file still works after the tree is moved
#   <name>                every tests/consumers/<name>.consumer.sh (hook for other bindings)
#
# Hook: each *.consumer.sh runs with TEMPORAL_FFI_PREFIX, TEMPORAL_FFI_LIBDIR, PKG_CONFIG_PATH,
# LD_LIBRARY_PATH, CMAKE_PREFIX_PATH and TEMPORAL_FFI_CONSUMER_WORK (a scratch directory)
# exported; the same exports are written to $TEMPORAL_FFI_CONSUMER_WORK/../env.sh.
# Environment: TEMPORAL_FFI_CONSUMERS="NAME..." runs only the consumers named (a name that
# matches none is an error); TEMPORAL_FFI_CONSUMERS_KEEP=1 keeps the prefix and build trees
# (and prints where); CC, CXX, CMAKE_GENERATOR as usual.
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
for tool in pkg-config cmake readelf tar sha256sum "$CC" "$CXX"; do
  command -v "$tool" >/dev/null 2>&1 || { echo "consumers: $tool is missing" >&2; exit 2; }
done
archive="${TEMPORAL_FFI_CONSUMER_ARCHIVE:-}"
if [ -n "$archive" ]; then
  case "$archive" in *.tar.gz) ;; *) echo "consumers: $archive is not a .tar.gz archive" >&2; exit 2 ;; esac
  [ -f "$archive" ] || { echo "consumers: no archive $archive (make dist-archive writes it)" >&2; exit 2; }
  archive="$(realpath -- "$archive")"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/temporal-ffi-consumers.XXXXXX")"
if [ "${TEMPORAL_FFI_CONSUMERS_KEEP:-0}" = 1 ]; then
  trap 'echo "consumers: kept $work (env: $work/env.sh)" >&2' EXIT
else
  trap 'rm -rf "$work"' EXIT
fi

if [ -z "$archive" ]; then
  prefix="$work/prefix"
  "$root/packaging/install.sh" "$prefix" lib || { echo "consumers: install failed" >&2; exit 1; }
else
  # The checksum first, as a user would: the .sha256 beside the archive must name the archive
  # itself (sha256sum -c checks whatever file the list names).
  sums="$archive.sha256"
  [ -f "$sums" ] || { echo "consumers: no checksum file $sums beside the archive" >&2; exit 1; }
  read -r _ listed <"$sums" || true
  [ "${listed#\*}" = "$(basename "$archive")" ] && [ "$(wc -l <"$sums")" -eq 1 ] ||
    { echo "consumers: $sums does not list exactly $(basename "$archive"):" >&2; cat "$sums" >&2; exit 1; }
  (cd "$(dirname "$archive")" && sha256sum --strict -c "$(basename "$sums")") ||
    { echo "consumers: the archive does not match its checksum" >&2; exit 1; }
  mkdir "$work/unpacked"
  tar -xzf "$archive" -C "$work/unpacked" || { echo "consumers: cannot unpack $archive" >&2; exit 1; }
  top="$(basename "$archive" .tar.gz)"
  entries="$(ls -A "$work/unpacked")"
  [ "$entries" = "$top" ] && [ -d "$work/unpacked/$top" ] ||
    { echo "consumers: the archive must hold one directory, $top; it holds: $entries" >&2; exit 1; }
  prefix="$work/unpacked/$top"
fi
libdir="$prefix/lib"

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
echo "consumers: prefix $prefix${archive:+ (unpacked from $archive)}; PKG_CONFIG_PATH=$PKG_CONFIG_PATH (env: $work/env.sh)"

soname="$(sed -n 's/^#define TEMPORAL_FFI_SONAME "\(.*\)"$/\1/p' "$prefix/include/temporal.h")"

selected="${TEMPORAL_FFI_CONSUMERS:-}"
ran_names=()
passed=0
failed=0
failed_names=()
run_consumer() {  # NAME COMMAND...
  local name="$1"; shift
  if [ -n "$selected" ] && ! [[ " $selected " == *" $name "* ]]; then return 0; fi
  ran_names+=("$name")
  echo "=== consumer $name"
  if "$@"; then
    echo "--- PASS $name"; passed=$((passed + 1))
  else
    echo "--- FAIL $name"; failed=$((failed + 1)); failed_names+=("$name")
  fi
}

# The installed library is the shipped build: no test hooks, and every function the installed
# header declares, no more (a library from another build than the header would link and then
# fail, or not link, in a consumer).
shipped_library() {
  local exports declared exported
  exports="$(nm -D --defined-only "$libdir/$soname")" || return 1
  if grep -q 'temporal_testing_' <<<"$exports"; then
    echo "the installed library exports test hooks:"; grep 'temporal_testing_' <<<"$exports"; return 1
  fi
  declared="$(sed -n 's/^[a-z][^(]*[ *]\(temporal_[a-z0-9_]*\)(.*/\1/p' "$prefix/include/temporal.h" | sort -u)"
  exported="$(awk '$2 == "T" && $3 ~ /^temporal_/ { print $3 }' <<<"$exports" | sort -u)"
  [ -n "$declared" ] || { echo "no function declarations found in $prefix/include/temporal.h"; return 1; }
  if [ "$declared" != "$exported" ]; then
    echo "the library and include/temporal.h are from different builds:"
    comm -3 <(echo "$declared") <(echo "$exported") | sed 's/^\t/  exported, not declared: /; t; s/^/  declared, not exported: /'
    return 1
  fi
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

# What an unpacked archive must hold to be a prefix, and that its pkg-config and CMake files
# name no absolute path (they would point at the machine the archive was made on).
archive_layout() {
  local version real f pc
  version="$(sed -n 's/^#define TEMPORAL_FFI_VERSION "\(.*\)"$/\1/p' "$prefix/include/temporal.h")"
  real="libtemporal_ffi.so.$version"
  for f in "lib/$real" lib/libtemporal_ffi.a include/temporal.h include/temporal.hpp \
      lib/pkgconfig/temporal-ffi.pc lib/cmake/TemporalFFI/TemporalFFIConfig.cmake \
      lib/cmake/TemporalFFI/TemporalFFIConfigVersion.cmake \
      share/doc/temporal-ffi/README.md share/doc/temporal-ffi/LICENSE; do
    [ -f "$prefix/$f" ] && ! [ -L "$prefix/$f" ] || { echo "missing file $f"; return 1; }
  done
  [ "$(readlink "$libdir/$soname")" = "$real" ] || { echo "lib/$soname is not a link to $real"; return 1; }
  [ "$(readlink "$libdir/libtemporal_ffi.so")" = "$soname" ] ||
    { echo "lib/libtemporal_ffi.so is not a link to $soname"; return 1; }
  pc="$libdir/pkgconfig/temporal-ffi.pc"
  grep -qxF 'prefix=${pcfiledir}/../..' "$pc" ||
    { echo "$pc does not find its prefix from its own location:"; cat "$pc"; return 1; }
  if grep -nE '(^|[=" (;])/[A-Za-z]' "$pc" "$libdir"/cmake/TemporalFFI/*.cmake; then
    echo "(an absolute path, above)"; return 1
  fi
  grep -q '^MIT License' "$prefix/share/doc/temporal-ffi/LICENSE"
}

pkgconfig_relocated() {
  # The tree moved after unpacking: pkg-config must follow it (${pcfiledir}).
  local moved="$work/moved-pkgconfig" bin="$work/pkgconfig-relocated" lib_dir libs loaded
  cp -a "$prefix" "$moved" || return 1
  lib_dir="$(PKG_CONFIG_PATH="$moved/lib/pkgconfig" pkg-config --variable=libdir temporal-ffi)" || return 1
  [ "$(realpath -- "$lib_dir")" = "$(realpath -- "$moved/lib")" ] || { echo "pkg-config gives libdir $lib_dir, not $moved/lib"; return 1; }
  # shellcheck disable=SC2046
  "$CC" -std=c11 -Wall -Wextra -Werror -o "$bin" "$here/c/echo.c" \
    $(PKG_CONFIG_PATH="$moved/lib/pkgconfig" pkg-config --cflags --libs temporal-ffi) -Wl,-rpath,"$lib_dir" &&
  needs_shared "$bin" || return 1
  # ldd's output is taken whole first: `ldd | grep -q` under pipefail can fail at random.
  libs="$(env -u LD_LIBRARY_PATH ldd "$bin")"
  loaded="$(sed -n "s/^[[:space:]]*${soname//./\\.} => \(.*\) (0x[0-9a-f]*)$/\1/p" <<<"$libs")"
  [ -n "$loaded" ] && [ "$(realpath -- "$(dirname -- "$loaded")")" = "$(realpath -- "$moved/lib")" ] ||
    { echo "$bin does not load $moved/lib/$soname:"; echo "$libs"; return 1; }
  env -u LD_LIBRARY_PATH "$bin" pkgconfig-relocated
}

[ -z "$archive" ] || run_consumer archive-layout archive_layout
run_consumer c-pkgconfig-shared c_pkgconfig_shared
run_consumer c-pkgconfig-static c_pkgconfig_static
run_consumer cpp-header-pkgconfig cpp_header_pkgconfig
run_consumer cpp-cmake-shared cmake_consumer cpp_echo cpp-cmake-shared needs_shared
run_consumer c-cmake-static cmake_consumer c_echo_static c-cmake-static no_shared
run_consumer cmake-relocated cmake_relocated
[ -z "$archive" ] || run_consumer pkgconfig-relocated pkgconfig_relocated

# Hook: consumers of other bindings (e.g. the Go module through pkg-config).
shopt -s nullglob
for hook in "$here"/*.consumer.sh; do
  name="$(basename "$hook" .consumer.sh)"
  mkdir -p "$work/$name"
  run_consumer "$name" env TEMPORAL_FFI_CONSUMER_WORK="$work/$name" bash "$hook"
done

for name in $selected; do
  if ! [[ " ${ran_names[*]} " == *" $name "* ]]; then
    echo "consumers: TEMPORAL_FFI_CONSUMERS names $name, which is no consumer here"
    failed=$((failed + 1)); failed_names+=("$name")
  fi
done
if [ "$failed" -gt 0 ]; then echo "consumers failed: ${failed_names[*]}"; fi
echo "consumers: $passed passed, $failed failed${archive:+ (against $(basename "$archive"))}"
[ "$failed" -eq 0 ]
