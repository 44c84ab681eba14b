#!/usr/bin/env bash
# Consumer: a Go program outside the repository built against the *installed* library with
# PKG_CONFIG_PATH alone (the binding says `#cgo pkg-config: temporal-ffi`): no CGO_CFLAGS or
# CGO_LDFLAGS, nothing of temporal-ffi under /usr/local or on pkg-config's default path. Its
# go.mod is made as bindings/go/README.md tells users to (`go mod edit -replace` to a checkout,
# `go mod tidy`); the program is the hello-world seed program, unmodified but for its import.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$TEMPORAL_FFI_CONSUMER_WORK"
module=github.com/temporal-ffi/temporal-ffi/bindings/go

unset CGO_CFLAGS CGO_CPPFLAGS CGO_CXXFLAGS CGO_LDFLAGS
for var in CGO_CFLAGS CGO_CPPFLAGS CGO_LDFLAGS; do  # what `go env -w` may still set
  case " $(go env "$var") " in *" -I"*|*" -L"*|*" -l"*|*" -Wl,"*|*" -isystem"*)
    echo "go env $var is '$(go env "$var")': the build must get its flags from pkg-config alone" >&2
    exit 1 ;;
  esac
done
# A temporal-ffi the compiler, linker or pkg-config find by default would make the test pass
# without the installed tree (`make install` writes to /usr/local by default).
strays="$(find /usr/local \( -name 'temporal.h' -o -name 'temporal.hpp' -o -name 'libtemporal_ffi*' \
  -o -name 'temporal-ffi*.pc' -o -name 'TemporalFFI*' \) -print 2>/dev/null || true)"
[ -z "$strays" ] || { echo "temporal-ffi is installed under /usr/local; remove it first:"; echo "$strays"; exit 1; }
if env -u PKG_CONFIG_PATH pkg-config --exists temporal-ffi; then
  echo "pkg-config finds temporal-ffi without PKG_CONFIG_PATH: $(env -u PKG_CONFIG_PATH pkg-config --path temporal-ffi)"
  exit 1
fi

# The binding from a checkout of its own: Go's build cache does not key a cgo package on
# pkg-config's output (golang/go#24544), so the binding as last compiled in the repository
# (against the in-tree .pc) would be reused; a package in another directory is compiled afresh.
checkout="$work/temporal-ffi-go"
cp -R "$root/bindings/go" "$checkout"
app="$work/hello"
mkdir -p "$app"
cp "$root/bindings/go/examples/helloworld/start/main.go" "$app/main.go"
bin="$work/go-helloworld"
(cd "$app" && go mod init example.com/hello && go mod edit -replace "$module=$checkout" && go mod tidy &&
  go build -o "$bin" .)

# The binary must load the installed library, not the build tree's: no run path but the
# prefix's (an installed .pc gives none), and no copy the loader finds on its own. ldd's output
# is taken whole first: `ldd | grep -q` under pipefail fails at random when grep exits early.
soname="$(sed -n 's/^#define TEMPORAL_FFI_SONAME "\(.*\)"$/\1/p' "$TEMPORAL_FFI_PREFIX/include/temporal.h")"
runpath="$(readelf -d "$bin" | sed -n 's/.*(R\(UN\)\{0,1\}PATH).*\[\(.*\)\]/\2/p')"
[ -z "$runpath" ] || [ "$runpath" = "$TEMPORAL_FFI_LIBDIR" ] || { echo "$bin has the run path $runpath"; exit 1; }
libs="$(ldd "$bin")"
grep -q "$soname => $TEMPORAL_FFI_LIBDIR/$soname " <<<"$libs" || { echo "$bin loads:"; echo "$libs"; exit 1; }
if [ -z "$runpath" ]; then
  libs="$(env -u LD_LIBRARY_PATH ldd "$bin" || true)"
  grep -q "$soname => not found" <<<"$libs" || { echo "without LD_LIBRARY_PATH $bin loads:"; echo "$libs"; exit 1; }
fi
out="$("$bin")"
echo "$out"
grep -q "Hello World!" <<<"$out"
