#!/usr/bin/env bash
# The ABI gate (abi/README.md): compares the ABI of include/temporal.h with the committed
# baseline abi/temporal-ffi.abi and fails on an incompatible change without a SONAME bump.
#
#   tests/abi/check.sh             check (CI)
#   tests/abi/check.sh --update    write the baseline for the current header (after a SONAME
#                                  bump, or to record compatible additions)
#   tests/abi/check.sh --self-test prove the gate fails on breaking edits of the header and
#                                  passes on compatible ones
#
# The header's ABI is read by libabigail from a probe library (tests/abi/gen_probe.py) built
# with debug info from the header alone. Allowed without a SONAME bump: new functions, new
# enumerators, and new fields at the end of an options struct (they start with `size`, see
# the header). Anything else that abidiff reports is a break: a removed or changed function,
# a field that moved, changed type or went away, an enumerator removed or renumbered.
# It also checks that the built library exports exactly the header's functions.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
baseline=abi/temporal-ffi.abi
work=target/abi
mkdir -p "$work"

for tool in abidw abidiff; do
  command -v "$tool" >/dev/null || { echo "abi: $tool is missing (Debian package abigail-tools)" >&2; exit 2; }
done

soname_of() { sed -n 's/^#define TEMPORAL_FFI_SONAME "\(.*\)"/\1/p' "$1"; }

# Builds the probe for a header and writes its ABI to $2.
abi_of() {
  local header="$1" out="$2" dir
  dir="$(mktemp -d "$work/probe.XXXXXX")"
  cp "$header" "$dir/temporal.h"
  python3 tests/abi/gen_probe.py "$dir/temporal.h" >"$dir/probe.c"
  cc -std=c11 -g -O0 -shared -fPIC -I"$dir" -Wl,-soname,"$(soname_of "$header")" -o "$dir/libprobe.so" "$dir/probe.c"
  abidw --no-corpus-path --out-file "$out" "$dir/libprobe.so"
  rm -rf "$dir"
}

# Compares an ABI file with the baseline: 0 if compatible, 1 if not (the report says why).
compare() {
  local old="$1" new="$2" report="$3" status=0
  abidiff --no-show-locs --harmless "$old" "$new" >"$report" 2>&1 || status=$?
  if (( status & 1 )); then echo "abi: abidiff failed:"; cat "$report"; return 2; fi
  local old_soname new_soname
  old_soname="$(sed -n "s/.*soname='\([^']*\)'.*/\1/p" "$old" | head -n 1)"
  new_soname="$(sed -n "s/.*soname='\([^']*\)'.*/\1/p" "$new" | head -n 1)"
  if [ "$old_soname" != "$new_soname" ]; then
    echo "abi: the SONAME changed ($old_soname -> $new_soname): write the new baseline in the same change (tests/abi/check.sh --update)"
    return 1
  fi
  if (( status & 8 )); then
    echo "abi: incompatible change without a SONAME bump (abidiff):"; cat "$report"; return 1
  fi
  # Changes abidiff calls possibly compatible that break callers of this library.
  local breaking='deletion|offset changed|type name changed|return type changed|value changed|parameter [0-9]+ .*(removed|deleted)|size changed from [0-9]+ to [0-9]+ \(in bits\)$'
  if (( status & 4 )); then
    # A struct that only grew at its end reports "type size changed" with an insertion at an
    # offset at or past the old size: allowed. Any other size change is a break.
    if grep -E "$breaking" "$report" | grep -v -E "^ *type size changed" >/dev/null; then
      echo "abi: incompatible change without a SONAME bump:"; cat "$report"; return 1
    fi
    if grep -q "type size changed" "$report" && ! grep -q "data member insertion" "$report"; then
      echo "abi: a type changed size without a field added at its end:"; cat "$report"; return 1
    fi
    while read -r old_bits new_bits; do
      # Every insertion must sit at or past the old size of the struct it grew.
      awk -v old="$old_bits" '/data member insertion/ {on=1; next} on && /at offset/ {
          match($0, /at offset [0-9]+/); off=substr($0, RSTART+10, RLENGTH-10)+0;
          if (off < old) { print "abi: a field was inserted inside a struct (offset " off " < old size " old ")"; bad=1 } }
          /^ *[0-9]+ data member/ && !/insertion/ {on=0} END {exit bad}' "$report" || return 1
    done < <(sed -n 's/.*type size changed from \([0-9]*\) to \([0-9]*\) (in bits).*/\1 \2/p' "$report")
    echo "abi: compatible additions since the baseline (record them with --update when you like):"
    sed -n '/^Functions changes summary/,/^$/p;/Added/p;/insertion/,+1p' "$report" | head -n 20
  fi
  return 0
}

case "${1:-}" in
  --update)
    abi_of include/temporal.h "$baseline"
    echo "abi: wrote $baseline for $(soname_of include/temporal.h)"
    exit 0
    ;;
  --self-test)
    passed=0; failed=0
    expect() { # expect pass|fail NAME SED-EXPRESSION
      local want="$1" name="$2" expr="$3" got
      sed -E "$expr" include/temporal.h >"$work/mutated.h"
      cmp -s include/temporal.h "$work/mutated.h" && { echo "abi self-test: '$name' did not change the header"; failed=$((failed + 1)); return; }
      abi_of "$work/mutated.h" "$work/mutated.abi"
      local rc=0
      compare "$work/current.abi" "$work/mutated.abi" "$work/mutated.report" >"$work/mutated.out" 2>&1 || rc=$?
      case "$rc" in 0) got=pass ;; 1) got=fail ;; *) got="an error of the gate itself" ;; esac
      if [ "$got" = "$want" ]; then passed=$((passed + 1)); echo "abi self-test: $name: $got, as it should"
      else failed=$((failed + 1)); echo "abi self-test: $name: $got, expected $want"; cat "$work/mutated.out"; fi
    }
    abi_of include/temporal.h "$work/current.abi"
    expect fail "a function removed" '/^struct temporal_error \*temporal_signal_workflow_async\(/,/\);/d'
    expect fail "a parameter's type changed" 's/^(struct temporal_error \*temporal_get_result\(const struct temporal_workflow_run \*run,)$/\1/; /temporal_get_result\(const/,/\);/ s/uint64_t timeout_ms/uint32_t timeout_ms/'
    expect fail "two fields swapped" '/^typedef struct temporal_call_options \{/,/\}/ { s/^  uint64_t timeout_ms;/  void *user_data_moved;/; s/^  void \*user_data;/  uint64_t timeout_ms;/ }'
    expect fail "a field's type changed" '/^typedef struct temporal_start_workflow_options \{/,/\}/ s/^  int32_t id_reuse_policy;/  int64_t id_reuse_policy;/'
    expect fail "an enumerator renumbered" 's/^  TEMPORAL_ERROR_CODE_SHUTDOWN = 17,/  TEMPORAL_ERROR_CODE_SHUTDOWN = 18,/'
    expect fail "the SONAME changed without a new baseline" 's/^#define TEMPORAL_FFI_SONAME "(.*)"/#define TEMPORAL_FFI_SONAME "\1.9"/'
    expect pass "a field added at the end of an options struct" '/^typedef struct temporal_call_options \{/,/^\} temporal_call_options;/ s/^\} temporal_call_options;/  uint64_t added_later;\n} temporal_call_options;/'
    expect pass "a function added" 's/^(void temporal_call_free\(struct temporal_call \*call\);)/\1\nvoid temporal_added_later(void);/'
    echo "abi self-test: $passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    exit
    ;;
  "") ;;
  *) echo "usage: $0 [--update|--self-test]" >&2; exit 2 ;;
esac

[ -f "$baseline" ] || { echo "abi: no baseline $baseline (tests/abi/check.sh --update)"; exit 1; }
abi_of include/temporal.h "$work/current.abi"
compare "$baseline" "$work/current.abi" "$work/report.txt"

# The library exports exactly the header's functions (the test build adds the test hook).
lib=target/release/libtemporal_ffi.so
if [ -f "$lib" ]; then
  exported="$(nm -D --defined-only "$lib" | awk '$2 == "T" && $3 ~ /^temporal_/ {print $3}' | grep -v '^temporal_testing_' | sort)"
  declared="$(sed -n 's/^[A-Za-z_][A-Za-z0-9_ *]*\b\(temporal_[a-z0-9_]*\)(.*/\1/p' include/temporal.h | sort -u)"
  if [ "$exported" != "$declared" ]; then
    echo "abi: the library's exports and the header's functions differ:"
    diff <(echo "$declared") <(echo "$exported") || true
    exit 1
  fi
  soname="$(readelf -d "$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')"
  [ "$soname" = "$(soname_of include/temporal.h)" ] || { echo "abi: the library's SONAME $soname is not the header's"; exit 1; }
  echo "abi: $(echo "$declared" | wc -l) functions, all exported by $lib ($soname)"
fi
echo "abi: compatible with the baseline"
