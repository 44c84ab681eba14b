#!/usr/bin/env bash
# The release archive of temporal-ffi, made from the libraries of a cargo build:
#
#   packaging/dist-archive.sh BUILD_DIR [OUT_DIR]     OUT_DIR: default BUILD_DIR
#   packaging/dist-archive.sh --name BUILD_DIR        prints the archive's file name only
#
# BUILD_DIR holds libtemporal_ffi.so and libtemporal_ffi.a (target/dist from `make dist`, or
# target/ship, the shipped release build). Writes OUT_DIR/temporal-ffi-VERSION-linux-ARCH.tar.gz
# and beside it its checksum, NAME.tar.gz.sha256 (`sha256sum -c NAME.tar.gz.sha256` in OUT_DIR
# verifies it). ARCH is the library's machine (x86_64, aarch64...), read from its ELF header.
#
# The archive holds one directory, temporal-ffi-VERSION-linux-ARCH/, laid out as a prefix by
# packaging/install.sh --relocatable (the one copy of the layout): lib/ (the shared library
# with its SONAME and unversioned links, the static library, pkgconfig/, cmake/TemporalFFI/),
# include/ (temporal.h, temporal.hpp), share/doc/temporal-ffi/ (README.md, LICENSE). No file
# names the directory it was made in: the pkg-config file finds the prefix from its own
# location (${pcfiledir}), the CMake package from its own, so it works wherever it is unpacked:
#
#   tar -xzf temporal-ffi-VERSION-linux-ARCH.tar.gz -C /opt                    (the prefix is
#       /opt/temporal-ffi-VERSION-linux-ARCH), or
#   tar -xzf temporal-ffi-VERSION-linux-ARCH.tar.gz -C ~/.local --strip-components=1
#
# The same libraries give the same archive: names sorted, owner 0, modes without group or
# other write, every time SOURCE_DATE_EPOCH (default: the last commit's time), gzip -n.
set -euo pipefail

usage() { echo "usage: $0 BUILD_DIR [OUT_DIR] | $0 --name BUILD_DIR" >&2; exit 2; }
fail() { echo "dist-archive: $*" >&2; exit 1; }

name_only=0
if [ "${1:-}" = "--name" ]; then name_only=1; shift; [ $# -eq 1 ] || usage; fi
[ $# -ge 1 ] && [ $# -le 2 ] || usage
case "$1" in -*) usage ;; esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="$1"
case "$build_dir" in /*) ;; *) build_dir="$root/$build_dir" ;; esac
out_dir="${2:-$build_dir}"
case "$out_dir" in /*) ;; *) out_dir="$PWD/$out_dir" ;; esac
so="$build_dir/libtemporal_ffi.so"
[ -f "$so" ] || fail "missing $so (make ship, or make dist, builds it)"
command -v readelf >/dev/null 2>&1 || fail "readelf is missing (binutils)"

# install.sh checks that the header's version is Cargo.toml's and the library's SONAME the
# header's; the name only needs the version.
version="$(sed -n 's/^#define TEMPORAL_FFI_VERSION "\(.*\)"$/\1/p' "$root/include/temporal.h")"
[ -n "$version" ] || fail "include/temporal.h has no TEMPORAL_FFI_VERSION"
machine="$(readelf -h "$so" | sed -n 's/^ *Machine: *//p')"
case "$machine" in
  "Advanced Micro Devices X86-64") arch=x86_64 ;;
  AArch64) arch=aarch64 ;;
  "Intel 80386") arch=i686 ;;
  ARM) arch=arm ;;
  "RISC-V") arch=riscv64 ;;
  PowerPC64) arch=ppc64le ;;
  "IBM S/390") arch=s390x ;;
  *) fail "$so: ELF machine '${machine:-?}' has no architecture name here: add it" ;;
esac
name="temporal-ffi-$version-linux-$arch"
if [ "$name_only" = 1 ]; then echo "$name.tar.gz"; exit 0; fi

for tool in tar gzip sha256sum; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing"
done
stage="$(mktemp -d "${TMPDIR:-/tmp}/temporal-ffi-dist.XXXXXX")"
trap 'rm -rf "$stage"' EXIT
TEMPORAL_FFI_BUILD_DIR="$build_dir" "$root/packaging/install.sh" --relocatable "$stage/$name" lib >/dev/null ||
  fail "packaging/install.sh failed"

# Relocatable means no file names where it was staged (the libraries included: a path there
# would be a run path or a baked-in search path).
if named="$(grep -rlF -- "$stage" "$stage/$name")"; then
  fail "these files name the staging directory $stage, so the archive would not be relocatable: $named"
fi

epoch="${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || date +%s)}"
mkdir -p "$out_dir"
archive="$out_dir/$name.tar.gz"
tar --sort=name --owner=0 --group=0 --numeric-owner --mode=go-w --mtime="@$epoch" \
  -C "$stage" -cf - "$name" | gzip -n >"$archive.tmp"
mv -f "$archive.tmp" "$archive"
# The checksum file names the archive without a directory: it is checked where both lie.
(cd "$out_dir" && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256.tmp" &&
  mv -f "$name.tar.gz.sha256.tmp" "$name.tar.gz.sha256" && sha256sum --quiet -c "$name.tar.gz.sha256") ||
  fail "cannot write or verify $archive.sha256"
echo "dist-archive: $archive ($(du -h "$archive" | cut -f1)) and $name.tar.gz.sha256, from $build_dir"
