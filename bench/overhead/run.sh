#!/usr/bin/env bash
# The C ABI's own overhead: the same blocking start from C (overhead_c.c, through
# libtemporal_ffi.so) and from Rust directly (rust_direct.rs, the library's safe API), both
# against fakeserver/ (a gRPC frontend that answers at once), in µs per call. Goal: ≤ 5 µs.
#
#   bench/overhead/run.sh [--smoke] [--rounds R] [--n N] [--warmup W] [--out PATH] [--no-crate]
#   bench/overhead/run.sh --callgrind [--out PATH]
#
# --smoke     1 round of N=500 (checks the harness, not the numbers)
# --rounds R  rounds (default 5); each round runs c-abi and rust-direct once each, in an order
#             that alternates between rounds, one fresh process per run
# --n N       timed calls per run (default 20000), after W warm-up calls (default 2000)
# --out PATH  where the JSON lines go (default stdout); progress goes to stderr
# --no-crate  skip the raw temporalio-client bench (target/bench/bench_rust_client,
#             built by bench/run.sh; skipped too when absent). It runs min(N, 5000) calls a round
#             and no warm-up (its CLI has none); it is a reference only: it uses the crate's own
#             defaults (gzip on) and its own request building.
# --no-nice  do not raise the priority of the server and the clients (by default, as root, they
#             run under `nice -n -10` so that other work on a shared machine disturbs them less)
# --callgrind instead of timing, count instructions: each client runs twice under
#             `valgrind --tool=callgrind` (every thread), with 200 and 1000 timed calls after 300
#             warm-up calls; Ir per call = (Ir(1000) - Ir(200)) / 800 cancels start-up, connect
#             and warm-up. Noise-free where the µs are not. Also measures rust-direct-unboxed
#             and the inclusive Ir per call of the boundary's functions (about 20 s).
#
# Timing output, one JSON object a line:
#   {"kind":"run","round":r,"client":..,"n":..,"wall_us_per_call":..,"cpu_us_per_call":..,"p50_us":..,"p99_us":..,
#    "user_us_per_call":..,"sys_us_per_call":..}
#   {"kind":"median","client":..,"rounds":R,"n":N,"wall_us_per_call":..,"cpu_us_per_call":..,"p50_us":..,"p99_us":..,
#    "min_wall_us_per_call":..,"min_cpu_us_per_call":..}
#   {"kind":"overhead","what":"c-abi minus rust-direct","wall_us_per_call":..,"cpu_us_per_call":..,"p50_us":..,
#    "paired_wall_us_per_call":..,"paired_cpu_us_per_call":..,"min_wall_us_per_call":..,"min_cpu_us_per_call":..,
#    "goal_us":5,"within_goal":..}
# "overhead" is the difference of the medians; paired_* the median over rounds of each round's own
# difference (less sensitive to load drifting between rounds); min_* the difference of the
# fastest runs. cpu_us_per_call is the client process's user+sys time (all threads: the library's
# runtime threads do most of the work) over the timed loop only. On a shared 2-core machine the
# load of other processes moves a run by ±100 µs/call: compare the callgrind numbers too.
#
# Builds what is missing or stale first: the library and the bench target with
# `cargo build --release --lib --bench abi_overhead` (a no-op when both are fresh; after a change
# in src/ the library and then the bench binary, about a minute each on 2 cores), the C program
# with gcc, the fake server with go build. Both clients run from copies in target/bench/overhead/
# (the C one against its own copy of libtemporal_ffi.so), so they always measure the same build
# even if target/release is rebuilt meanwhile.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tgt="$root/target"
rounds=5 n=20000 warmup=2000 out="" crate=1 callgrind=0 nice=1
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) rounds=1 n=500 warmup=200 ;;
    --rounds) rounds=$2; shift ;;
    --n) n=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --out) out=$2; shift ;;
    --no-crate) crate=0 ;;
    --callgrind) callgrind=1 ;;
    --no-nice) nice=0 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
log() { echo "overhead: $*" >&2; }
emit() { # JSON lines on stdin -> --out or stdout
  if [ -n "$out" ]; then mkdir -p "$(dirname "$out")"; cat >"$out"; log "wrote $out"; else cat; fi
}

# ---- build -------------------------------------------------------------------------------
bin="$tgt/bench/overhead"
mkdir -p "$bin/lib"
log "building (cargo build --release --lib --bench abi_overhead; gcc; go build)"
rust_direct="$(cd "$root" && cargo build --release --lib --bench abi_overhead --message-format=json-render-diagnostics \
  | jq -r 'select(.reason == "compiler-artifact" and .target.name == "abi_overhead") | .executable // empty' | tail -n 1)"
[ -x "$rust_direct" ] || { echo "overhead: no abi_overhead executable from cargo" >&2; exit 1; }
# overhead_c loads its own copy of the library, taken from the same build as the bench binary: a
# rebuild of target/release by someone else during the run cannot change one side only. The copy
# is named by the library's own SONAME (readelf; the header's TEMPORAL_FFI_SONAME without
# binutils): the name the program looks for at run time.
soname="$(readelf -d "$tgt/release/libtemporal_ffi.so" 2>/dev/null | sed -n 's/.*Library soname: \[\(.*\)\].*/\1/p')"
[ -n "$soname" ] || soname="$(sed -n 's/^#define TEMPORAL_FFI_SONAME "\(.*\)"/\1/p' "$root/include/temporal.h")"
[ -n "$soname" ] || { echo "overhead: cannot tell the library's SONAME" >&2; exit 1; }
cp "$tgt/release/libtemporal_ffi.so" "$bin/lib/$soname.tmp"
mv -f "$bin/lib/$soname.tmp" "$bin/lib/$soname"
ln -sfn "$soname" "$bin/lib/libtemporal_ffi.so"
cp "$rust_direct" "$bin/abi_overhead.tmp" && mv -f "$bin/abi_overhead.tmp" "$bin/abi_overhead"
rust_direct="$bin/abi_overhead"
gcc -O2 -Wall -Wextra -I"$root/include" "$here/overhead_c.c" -L"$bin/lib" -ltemporal_ffi \
  -Wl,-rpath,"$bin/lib" -o "$bin/overhead_c"
(cd "$here/fakeserver" && GOFLAGS=-mod=mod go build -o "$bin/fakeserver" .)
crate_bin="$tgt/bench/bench_rust_client"
if [ "$callgrind" = 0 ] && [ "$crate" = 1 ] && [ ! -x "$crate_bin" ]; then
  log "no $crate_bin (bench/run.sh builds it): skipping the raw crate"
  crate=0
fi

prio=()
if [ "$nice" = 1 ] && [ "$callgrind" = 0 ] && [ "$(id -u)" = 0 ] && nice -n -10 true 2>/dev/null; then prio=(nice -n -10); fi

# ---- fake server -------------------------------------------------------------------------
work="$(mktemp -d "${TMPDIR:-/tmp}/temporal-ffi-overhead.XXXXXX")"
server_pid=""
cleanup() {
  local s=$?
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  [ $s -ne 0 ] && [ -f "$work/server.log" ] && tail -n 20 "$work/server.log" >&2
  rm -rf "$work"
  exit $s
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# GOMAXPROCS=1 (also the server's default): leave the CPUs to the client measured.
GOMAXPROCS=1 "${prio[@]}" "$bin/fakeserver" -listen 127.0.0.1:0 >"$work/server.out" 2>"$work/server.log" &
server_pid=$!
address=""
for _ in $(seq 100); do
  address="$(head -n 1 "$work/server.out" 2>/dev/null || true)"
  [ -n "$address" ] && break
  kill -0 "$server_pid" 2>/dev/null || { echo "overhead: fake server exited" >&2; exit 1; }
  sleep 0.05
done
[ -n "$address" ] || { echo "overhead: fake server printed no address" >&2; exit 1; }

# ---- callgrind ---------------------------------------------------------------------------
if [ "$callgrind" = 1 ]; then
  command -v valgrind >/dev/null || { echo "overhead: valgrind is not installed" >&2; exit 1; }
  n1=200 n2=1000 cg_warmup=300
  log "fake server on $address; callgrind, n=$n1 and n=$n2 (warm-up $cg_warmup)"
  # The boundary's functions (src/ffi), the runtime's block_on and the shared core under them.
  fns='temporal_ffi::(ffi|runtime|client::Client::execute_workflow|payloads::args_to_payloads|options::)|^temporal_[a-z_]+$|^__tls_get_addr$|abi_overhead::one_call'
  : >"$work/cg.jsonl"
  for client in c-abi rust-direct rust-direct-unboxed; do
    extra=()
    case "$client" in
      c-abi) prog="$bin/overhead_c" ;;
      rust-direct) prog="$rust_direct" ;;
      rust-direct-unboxed) prog="$rust_direct" extra=(--unboxed) ;;
    esac
    for k in "$n1" "$n2"; do
      log "callgrind: $client n=$k"
      valgrind --tool=callgrind --callgrind-out-file="$work/$client-$k.cg" "$prog" "$address" "$k" "$cg_warmup" "${extra[@]}" \
        >/dev/null 2>"$work/$client-$k.log" || { tail -n 20 "$work/$client-$k.log" >&2; exit 1; }
    done
    a="$(grep -m1 '^summary:' "$work/$client-$n1.cg" | awk '{print $2}')"
    b="$(grep -m1 '^summary:' "$work/$client-$n2.cg" | awk '{print $2}')"
    # Inclusive Ir per call of the functions above, over the n2 run (n2 + warm-up calls; the
    # connect's share is small there). Function names only: callgrind_annotate's "file:fn [obj]".
    functions="$(callgrind_annotate --inclusive=yes --threshold=100 "$work/$client-$n2.cg" 2>/dev/null \
      | sed -nE 's/^ *([0-9,]+) +\( *[0-9.]+%\) +(\?\?\?|[^ ]*):(.*) \[[^]]*\]$/\1\t\3/p' \
      | awk -F'\t' -v re="$fns" '$2 ~ re' \
      | jq -R -s -c --argjson calls "$((n2 + cg_warmup))" '
          [split("\n")[] | select(length > 0) | split("\t") | {key: .[1], value: ((.[0] | gsub(","; "") | tonumber) / $calls | round)}]
          | map(select(.value >= 20)) | sort_by(-.value) | from_entries')"
    jq -nc --arg c "$client" --argjson a "$a" --argjson b "$b" --argjson n1 "$n1" --argjson n2 "$n2" --argjson f "$functions" \
      '{kind: "callgrind", client: $c, ir_per_call: (($b - $a) / ($n2 - $n1) | round), n1: $n1, ir_n1: $a, n2: $n2, ir_n2: $b,
        inclusive_ir_per_call: $f}' | tee -a "$work/cg.jsonl" | jq -c '{client, ir_per_call}' | sed 's/^/overhead: /' >&2
  done
  # caller_thread_ir_per_call: what the calling thread runs per call, deterministic (the totals
  # move by a few thousand Ir between runs: how many polls and wake-ups a call takes depends on
  # timing, even under valgrind). c-abi: the three exported calls of one iteration (its
  # snprintf, ~450 Ir, is not in it); Rust: one_call (its format! is).
  jq -c -s '
    def caller: .inclusive_ir_per_call as $f
      | if .client == "c-abi" then
          ($f["temporal_execute_workflow"] // 0) + ($f["temporal_workflow_run_free"] // 0) + ($f["temporal_start_workflow_options_default"] // 0)
        elif .client == "rust-direct" then ($f["abi_overhead::one_call"] // 0)
        else ($f["abi_overhead::one_call_unboxed"] // 0) end;
    map(. + {caller_thread_ir_per_call: caller}) as $all
    | ($all | map({(.client): .}) | add) as $m
    | def diff($b): {kind: "callgrind-overhead", what: ("c-abi minus " + $b),
          ir_per_call: ($m["c-abi"].ir_per_call - $m[$b].ir_per_call),
          ratio: (($m["c-abi"].ir_per_call / $m[$b].ir_per_call) * 10000 | round / 10000),
          caller_thread_ir_per_call: ($m["c-abi"].caller_thread_ir_per_call - $m[$b].caller_thread_ir_per_call)};
    $all[], diff("rust-direct"), diff("rust-direct-unboxed")
  ' "$work/cg.jsonl" | tee "$work/cg-summary.jsonl" | emit
  grep '"callgrind-overhead"' "$work/cg-summary.jsonl" | sed 's/^/overhead: /' >&2
  exit 0
fi

# ---- rounds ------------------------------------------------------------------------------
log "fake server on $address; $rounds round(s) of n=$n (warm-up $warmup)${prio:+, under ${prio[*]}}"
crate_n=$(( n < 5000 ? n : 5000 ))
raw="$work/raw.jsonl"
: >"$raw"
run_one() { # round client
  local line
  case "$2" in
    c-abi) line="$("${prio[@]}" "$bin/overhead_c" "$address" "$n" "$warmup")" ;;
    rust-direct) line="$("${prio[@]}" "$rust_direct" "$address" "$n" "$warmup")" ;;
    rust-crate)
      # Its own JSON: wall_s, latencies_ms, user_cpu_s, sys_cpu_s (getrusage of the whole
      # process: connect included, so its CPU is an upper bound).
      line="$("${prio[@]}" "$crate_bin" "$address" start-seq "$crate_n" | jq -c '
        (.latencies_ms | sort) as $l | ($l | length) as $k |
        {client: "rust-crate", n, wall_us_per_call: (.wall_s * 1e6 / .n),
         cpu_us_per_call: ((.user_cpu_s + .sys_cpu_s) * 1e6 / .n),
         p50_us: ($l[(($k - 1) / 2 | floor)] * 1000), p99_us: ($l[(($k - 1) * 0.99 | floor)] * 1000),
         user_us_per_call: (.user_cpu_s * 1e6 / .n), sys_us_per_call: (.sys_cpu_s * 1e6 / .n),
         cpu_includes_connect: true}')" ;;
  esac
  line="$(jq -c --argjson r "$1" '{kind: "run", round: $r} + .' <<<"$line")"
  log "$line"
  echo "$line" >>"$raw"
}
for r in $(seq "$rounds"); do
  if [ $((r % 2)) = 1 ]; then order="c-abi rust-direct"; else order="rust-direct c-abi"; fi
  [ "$crate" = 1 ] && order="$order rust-crate"
  for c in $order; do run_one "$r" "$c"; done
done

# ---- summary -----------------------------------------------------------------------------
jq -c -s --argjson rounds "$rounds" '
  def median: sort | if length == 0 then null
    elif length % 2 == 1 then .[(length - 1) / 2]
    else (.[length / 2 - 1] + .[length / 2]) / 2 end;
  def r3: if . == null then null else (. * 1000 | round) / 1000 end;
  . as $runs
  | ([$runs[].client] | unique) as $clients
  | [ $clients[] as $c | [$runs[] | select(.client == $c)] as $rs
      | {kind: "median", client: $c, rounds: ($rs | length), n: $rs[0].n,
         wall_us_per_call: ([$rs[].wall_us_per_call] | median | r3),
         cpu_us_per_call: ([$rs[].cpu_us_per_call] | median | r3),
         p50_us: ([$rs[].p50_us] | median | r3), p99_us: ([$rs[].p99_us] | median | r3),
         min_wall_us_per_call: ([$rs[].wall_us_per_call] | min | r3),
         min_cpu_us_per_call: ([$rs[].cpu_us_per_call] | min | r3)} ] as $med
  | ($med | map({(.client): .}) | add) as $m
  | [ range(1; $rounds + 1) as $r
      | [$runs[] | select(.round == $r)] as $rr
      | ($rr | map(select(.client == "c-abi"))[0]) as $c
      | ($rr | map(select(.client == "rust-direct"))[0]) as $d
      | select($c != null and $d != null)
      | {wall: ($c.wall_us_per_call - $d.wall_us_per_call), cpu: ($c.cpu_us_per_call - $d.cpu_us_per_call)} ] as $pairs
  | $runs[], $med[],
    ({kind: "overhead", what: "c-abi minus rust-direct", unit: "us/call",
      wall_us_per_call: (($m["c-abi"].wall_us_per_call - $m["rust-direct"].wall_us_per_call) | r3),
      cpu_us_per_call: (($m["c-abi"].cpu_us_per_call - $m["rust-direct"].cpu_us_per_call) | r3),
      p50_us: (($m["c-abi"].p50_us - $m["rust-direct"].p50_us) | r3),
      paired_wall_us_per_call: ([$pairs[].wall] | median | r3),
      paired_cpu_us_per_call: ([$pairs[].cpu] | median | r3),
      min_wall_us_per_call: (($m["c-abi"].min_wall_us_per_call - $m["rust-direct"].min_wall_us_per_call) | r3),
      min_cpu_us_per_call: (($m["c-abi"].min_cpu_us_per_call - $m["rust-direct"].min_cpu_us_per_call) | r3),
      goal_us: 5}
     | .within_goal = (.wall_us_per_call <= 5 and .cpu_us_per_call <= 5))
' "$raw" | tee "$work/summary.jsonl" | emit
grep '"kind":"overhead"' "$work/summary.jsonl" | sed 's/^/overhead: /' >&2
