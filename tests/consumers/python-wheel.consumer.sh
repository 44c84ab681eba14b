#!/usr/bin/env bash
# Consumer: the Python wheel (bindings/python/pyproject.toml) built from the *installed* library
# ($TEMPORAL_FFI_LIBDIR) the way a packager would (`pip wheel`, build isolation: pip gets the
# pinned hatchling itself), pip-installed into a fresh venv, and hello_world.py run from it with
# a clean environment: no PYTHONPATH, no TEMPORAL_FFI_LIB, no LD_LIBRARY_PATH, outside the
# source tree. The package must load the library its wheel bundles.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$TEMPORAL_FFI_CONSUMER_WORK"
python="${PYTHON:-python3}"

"$python" -m venv "$work/venv"
venv_python="$work/venv/bin/python"
TEMPORAL_FFI_BUILD_DIR="$TEMPORAL_FFI_LIBDIR" \
  "$venv_python" -m pip wheel --quiet --no-deps -w "$work/dist" "$root/bindings/python"

wheels=("$work"/dist/*.whl)
[ "${#wheels[@]}" -eq 1 ] || { echo "expected one wheel in $work/dist, found: ${wheels[*]}"; exit 1; }
wheel="${wheels[0]}"
# ctypes, no CPython ABI: py3-none and a platform tag (never "any": it holds a native library).
if ! [[ "$(basename "$wheel")" =~ ^temporal_ffi-[0-9][^-]*-py3-none-linux_[a-z0-9_]+\.whl$ ]]; then
  echo "the wheel's name has no py3-none-linux_<arch> tag: $(basename "$wheel")"; exit 1
fi

# The bundled library is the installed one, the shipped build: no test hooks.
"$venv_python" - "$wheel" "$work/bundled.so" <<'EOF'
import shutil, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as wheel, wheel.open("temporal_ffi/libtemporal_ffi.so") as lib:
    with open(sys.argv[2], "wb") as out:
        shutil.copyfileobj(lib, out)
EOF
cmp "$work/bundled.so" "$TEMPORAL_FFI_LIBDIR/libtemporal_ffi.so" || {
  echo "the wheel's library is not the installed $TEMPORAL_FFI_LIBDIR/libtemporal_ffi.so"; exit 1; }
exports="$(nm -D --defined-only "$work/bundled.so")"
if grep -q 'temporal_testing_' <<<"$exports"; then
  echo "the wheel's library exports test hooks:"; grep 'temporal_testing_' <<<"$exports"; exit 1
fi
grep -q ' T temporal_execute_workflow$' <<<"$exports" || { echo "the wheel's library has no temporal_execute_workflow"; exit 1; }

"$venv_python" -m pip install --quiet --no-deps --no-index "$wheel"

# A clean environment, run from the scratch directory (no source tree on sys.path).
clean_env=(env -i "PATH=/usr/local/bin:/usr/bin:/bin" "HOME=$work" "LANG=C.UTF-8")
(cd "$work" && "${clean_env[@]}" "$venv_python" -c '
import pathlib, sysconfig, temporal_ffi, temporal_ffi._native as n
site = pathlib.Path(sysconfig.get_paths()["platlib"]).resolve()
package = pathlib.Path(temporal_ffi.__file__).resolve().parent
assert package == site / "temporal_ffi", f"temporal_ffi imported from {package}, not {site}"
assert n.LIBRARY_PATH == str(package / "libtemporal_ffi.so"), f"loaded {n.LIBRARY_PATH}, not the bundled library"
print("python-wheel: temporal_ffi", temporal_ffi.__version__, "loads", n.LIBRARY_PATH)
')

out="$(cd "$work" && "${clean_env[@]}" "$venv_python" "$root/bindings/python/examples/hello_world.py" "$TEMPORAL_ADDRESS")"
echo "$out"
grep -q "^WorkflowID: greeting-workflow RunID: [0-9a-f-]\{36\}$" <<<"$out"
grep -q "^Hello World!$" <<<"$out"
