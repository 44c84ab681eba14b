#!/usr/bin/env bash
# Consumer: the Go module (bindings/go) built against the *installed* library through
# pkg-config, running the hello-world seed program unmodified but for its import.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export CGO_CFLAGS="$(pkg-config --cflags temporal-ffi)"
export CGO_LDFLAGS="$(pkg-config --libs temporal-ffi) -Wl,-rpath,$TEMPORAL_FFI_LIBDIR"
bin="$TEMPORAL_FFI_CONSUMER_WORK/go-helloworld"
(cd "$root/bindings/go" && go build -o "$bin" ./examples/helloworld/start)
# The binary must load the installed library, not the build tree's. ldd's output is taken whole
# first: `ldd | grep -q` under pipefail fails at random when grep exits before ldd's last write.
libs="$(ldd "$bin")"
soname="$(sed -n 's/^#define TEMPORAL_FFI_SONAME "\(.*\)"$/\1/p' "$TEMPORAL_FFI_PREFIX/include/temporal.h")"
grep -q "$soname => $TEMPORAL_FFI_LIBDIR/$soname " <<<"$libs" || { echo "$bin loads:"; echo "$libs"; exit 1; }
out="$("$bin")"
echo "$out"
grep -q "Hello World!" <<<"$out"
