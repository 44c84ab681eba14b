#!/usr/bin/env bash
# Installs temporal-ffi from the cargo build into PREFIX:
#
#   packaging/install.sh [--relocatable] PREFIX [LIBDIR_NAME]
#                                                  LIBDIR_NAME: default "lib"
#                                                  (e.g. lib64, lib/x86_64-linux-gnu)
#
#   PREFIX/LIBDIR/libtemporal_ffi.so.X.Y.Z, SONAME -> .so.X.Y.Z, libtemporal_ffi.so -> SONAME
#   (SONAME: libtemporal_ffi.so.0.Y while 0.x, libtemporal_ffi.so.X from 1.0)
#   PREFIX/LIBDIR/libtemporal_ffi.a
#   PREFIX/include/temporal.h, PREFIX/include/temporal.hpp
#   PREFIX/LIBDIR/pkgconfig/temporal-ffi.pc
#   PREFIX/LIBDIR/cmake/TemporalFFI/TemporalFFIConfig.cmake, TemporalFFIConfigVersion.cmake
#   PREFIX/share/doc/temporal-ffi/README.md, LICENSE
#
# The CMake package always finds its files relative to itself. The pkg-config file names PREFIX,
# except with --relocatable: then its prefix is relative to the file (${pcfiledir}/../.. for
# lib), so the tree works wherever it is moved or unpacked (the release archive,
# packaging/dist-archive.sh), and no file names PREFIX.
#
# Environment: DESTDIR (staging root, prepended to every path written; the installed files
# still name PREFIX), TEMPORAL_FFI_BUILD_DIR (default target/release; e.g. target/dist).
# Run `cargo build --release` (or --profile dist) first; this script builds nothing.
set -euo pipefail

usage() { echo "usage: $0 [--relocatable] PREFIX [LIBDIR_NAME]" >&2; exit 2; }
relocatable=0
if [ "${1:-}" = "--relocatable" ]; then relocatable=1; shift; fi
case "${1:-}" in -*) usage ;; esac
[ $# -ge 1 ] && [ $# -le 2 ] || usage
prefix="$1"
libdir_name="${2:-lib}"
case "$prefix" in /*) ;; *) prefix="$PWD/$prefix" ;; esac
prefix="$(realpath -m -- "$prefix" 2>/dev/null || echo "${prefix%/}")"
libdir_name="${libdir_name%/}"
case "$libdir_name" in ""|/*|*..*) echo "install.sh: LIBDIR_NAME must be a relative path under PREFIX" >&2; exit 2 ;; esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${TEMPORAL_FFI_BUILD_DIR:-$root/target/release}"
case "$build_dir" in /*) ;; *) build_dir="$root/$build_dir" ;; esac
header="$root/include/temporal.h"
cpp_header="$root/bindings/cpp/include/temporal.hpp"
readme="$root/README.md"
license="$root/LICENSE"
so="$build_dir/libtemporal_ffi.so"
archive="$build_dir/libtemporal_ffi.a"
for f in "$header" "$cpp_header" "$readme" "$license"; do
  [ -f "$f" ] || { echo "install.sh: missing $f" >&2; exit 1; }
done
for f in "$so" "$archive"; do
  [ -f "$f" ] || { echo "install.sh: missing $f (run 'cargo build --release' first)" >&2; exit 1; }
done

# The version: [package] version in Cargo.toml, which must match the header's.
version="$(awk '
  /^\[/ { in_package = ($0 ~ /^\[package\][[:space:]]*$/) ; next }
  in_package && /^version[[:space:]]*=/ { sub(/^version[[:space:]]*=[[:space:]]*"/, ""); sub(/".*$/, ""); print; exit }
' "$root/Cargo.toml")"
header_version="$(sed -n 's/^#define TEMPORAL_FFI_VERSION "\(.*\)"$/\1/p' "$header")"
[ -n "$version" ] || version="$header_version"
if ! [[ "$version" =~ ^([0-9]+)\.([0-9]+)\.([0-9]+) ]]; then
  echo "install.sh: cannot read the version (Cargo.toml: '$version')" >&2; exit 1
fi
if [ -n "$header_version" ] && [ "$header_version" != "$version" ]; then
  echo "install.sh: include/temporal.h is version $header_version but Cargo.toml says $version: rebuild" >&2
  exit 1
fi
major="${BASH_REMATCH[1]}"; minor="${BASH_REMATCH[2]}"
# The SONAME the header names: libtemporal_ffi.so.0.MINOR while 0.x, .so.MAJOR from 1.0 (abi/README.md).
soname="$(sed -n 's/^#define TEMPORAL_FFI_SONAME "\(.*\)"$/\1/p' "$header")"
[ -n "$soname" ] || { echo "install.sh: $header has no TEMPORAL_FFI_SONAME" >&2; exit 1; }
real_name="libtemporal_ffi.so.$version"

# The library must carry the SONAME the symlinks are made for.
if command -v readelf >/dev/null 2>&1; then
  actual_soname="$(readelf -d "$so" | sed -n 's/.*(SONAME).*\[\(.*\)\].*/\1/p')"
  if [ "$actual_soname" != "$soname" ]; then
    echo "install.sh: $so has SONAME '${actual_soname:-<none>}', expected '$soname'." >&2
    echo "  build.rs sets it from the version; the header and the library are from different builds" >&2
    exit 1
  fi
else
  echo "install.sh: warning: readelf not found, SONAME not checked" >&2
fi

# 8 for an ELF64 library, 4 for ELF32 (for the CMake version file).
case "$(od -An -t u1 -j4 -N1 "$so" | tr -d ' ')" in 2) sizeof_void_p=8 ;; 1) sizeof_void_p=4 ;; *) sizeof_void_p="" ;; esac

dest="${DESTDIR:-}$prefix"
libdir="$dest/$libdir_name"
cmakedir="$libdir/cmake/TemporalFFI"
docdir="$dest/share/doc/temporal-ffi"
# From LIBDIR/pkgconfig and LIBDIR/cmake/TemporalFFI back to the prefix: one ".." per
# component of LIBDIR_NAME, + 1 and + 2.
pc_to_prefix=".."
config_to_prefix="../.."
IFS=/ read -r -a parts <<<"$libdir_name"
for part in "${parts[@]}"; do
  if [ -n "$part" ] && [ "$part" != "." ]; then
    pc_to_prefix="$pc_to_prefix/.."; config_to_prefix="$config_to_prefix/.."
  fi
done

substitute() {  # TEMPLATE OUTPUT
  sed -e "s|@PREFIX@|$prefix|g" -e "s|@LIBDIR_NAME@|$libdir_name|g" -e "s|@VERSION@|$version|g" \
      -e "s|@VERSION_MAJOR@|$major|g" -e "s|@VERSION_MINOR@|$minor|g" -e "s|@SONAME@|$soname|g" \
      -e "s|@CONFIG_TO_PREFIX@|$config_to_prefix|g" -e "s|@SIZEOF_VOID_P@|$sizeof_void_p|g" \
      "$1" >"$2.tmp"
  chmod 644 "$2.tmp"
  mv -f "$2.tmp" "$2"
}

install -d "$libdir" "$dest/include" "$libdir/pkgconfig" "$cmakedir" "$docdir"
install -m 755 "$so" "$libdir/$real_name"
ln -sfn "$real_name" "$libdir/$soname"
ln -sfn "$soname" "$libdir/libtemporal_ffi.so"
install -m 644 "$archive" "$libdir/libtemporal_ffi.a"
install -m 644 "$header" "$dest/include/temporal.h"
install -m 644 "$cpp_header" "$dest/include/temporal.hpp"
substitute "$root/packaging/temporal-ffi.pc.in" "$libdir/pkgconfig/temporal-ffi.pc"
if [ "$relocatable" = 1 ]; then
  # pkg-config sets ${pcfiledir} to the directory the .pc file was found in.
  sed -i "s|^prefix=.*|prefix=\${pcfiledir}/$pc_to_prefix|" "$libdir/pkgconfig/temporal-ffi.pc"
  grep -qxF "prefix=\${pcfiledir}/$pc_to_prefix" "$libdir/pkgconfig/temporal-ffi.pc" ||
    { echo "install.sh: packaging/temporal-ffi.pc.in has no prefix= line to make relocatable" >&2; exit 1; }
fi
substitute "$root/packaging/TemporalFFIConfig.cmake.in" "$cmakedir/TemporalFFIConfig.cmake"
substitute "$root/packaging/TemporalFFIConfigVersion.cmake.in" "$cmakedir/TemporalFFIConfigVersion.cmake"
install -m 644 "$readme" "$docdir/README.md"
install -m 644 "$license" "$docdir/LICENSE"

mode=""
[ "$relocatable" = 1 ] && mode=", relocatable"
echo "install.sh: installed temporal-ffi $version into ${DESTDIR:+$DESTDIR}$prefix ($libdir_name$mode)"
