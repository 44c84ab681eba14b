#!/usr/bin/env bash
# Faults on the wire (Toxiproxy between the library and the dev server) and exactly one workflow
# per ID under connection resets and a server kill (issue 17).
#
#   tests/faults/wire.sh           # from anywhere; needs the built library, Go and the temporal CLI
#
# Layout: dev server (--db-filename on /dev/shm, so it survives its kill -9) <- Toxiproxy <- the
# library; the Go SDK test worker connects to the server directly, so faults hit only the
# library's connection. tests/faults/wire.c places each fault through Toxiproxy's HTTP API, and
# runs one case per process:
#   latency bandwidth reset halfopen down deadup slowclose unique   (see wire.c for what each checks)
# The unique case writes FAULT_WIRE_KILL_FILE when a third of its starts are done; this script
# then kill -9's the dev server, restarts it on the same port and database after
# FAULT_WIRE_DOWN_S, and writes FAULT_WIRE_RESTARTED_FILE ("<killed> <relaunched> <healthy>" ms).
# Ends with "wire: N passed, M failed"; exits non-zero when any case failed.
#
# Env (defaults): FAULT_WIRE_CASES (all eight, in the order above), FAULT_WIRE_DOWN_S (1),
#   FAULT_WIRE_DRY (0; 1: the unique case runs with no reset pulses and no kill, to show the
#   counts without faults), FAULT_DB_DIR (a fresh /dev/shm directory), TOXIPROXY_LOG_LEVEL
#   (warn), CC (cc), TEMPORAL_CLI (.venv/bin/temporal); every bound of wire.c (FAULT_WIRE_*)
#   is passed through.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
harness_name=wire
source "$root/tests/harness/lib.sh"
bindir="$root/target/faults"
toxi_bin="$root/target/toxiproxy-server"
cases="${FAULT_WIRE_CASES:-latency bandwidth reset halfopen down deadup slowclose unique}"

work="$(mktemp -d "${TMPDIR:-/tmp}/temporal-ffi-wire.XXXXXX")"
# The server is kill -9'd and restarted on its database.
new_db_dir wire
toxi_pid=""
prog_pid=""
cleanup() {
  local status=$?
  for pid in "$prog_pid" "$worker_pid" "$toxi_pid" "$server_pid"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for pid in "$prog_pid" "$worker_pid" "$toxi_pid" "$server_pid"; do
    [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
  [ "$own_db_dir" = 1 ] && rm -rf "$db_dir"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- build (each step skipped when up to date) ----
if [ ! -x "$toxi_bin" ] || [ -n "$(find tests/faults/toxiproxy -newer "$toxi_bin" -type f 2>/dev/null)" ]; then
  (cd tests/faults/toxiproxy && go build -o "$toxi_bin" github.com/Shopify/toxiproxy/v2/cmd/server) ||
    { echo "wire: cannot build toxiproxy-server" >&2; exit 2; }
fi
if [ ! -x "$bindir/wire" ] || [ tests/faults/wire.c -nt "$bindir/wire" ] || [ tests/faults/common.h -nt "$bindir/wire" ] ||
   [ include/temporal.h -nt "$bindir/wire" ] || [ target/release/libtemporal_ffi.so -nt "$bindir/wire" ]; then
  build_c_program tests/faults/wire.c "$bindir/wire" || { echo "wire: 0 passed, 1 failed"; exit 1; }
fi
build_worker || exit 2

# ---- the server, the worker (direct) and Toxiproxy ----
server_port="$(free_port)"; server="127.0.0.1:$server_port"
toxi_port="$(free_port)"; toxi="127.0.0.1:$toxi_port"
proxy_port="$(free_port)"; proxy="127.0.0.1:$proxy_port"
db="$db_dir/wire.db"
slog="$work/server.log"; wlog="$work/worker.log"; tlog="$work/toxiproxy.log"

suite_start=$(date +%s)
start_server "$server_port" "$slog" "$db"
wait_healthy "$server" || { show_logs "$slog"; exit 2; }
start_worker "$server" "$wlog" || { show_logs "$slog" "$wlog"; exit 2; }
LOG_LEVEL="${TOXIPROXY_LOG_LEVEL:-warn}" "$toxi_bin" -host 127.0.0.1 -port "$toxi_port" >"$tlog" 2>&1 &
toxi_pid=$!
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$toxi_port") 2>/dev/null && break
  kill -0 "$toxi_pid" 2>/dev/null || { echo "wire: toxiproxy-server exited" >&2; show_logs "$tlog"; exit 2; }
  sleep 0.1
done
echo "wire: dev server $server (db $db), worker direct, Toxiproxy API $toxi, proxy $proxy -> $server ($(( $(date +%s) - suite_start )) s to start)"
export FAULT_WIRE_TOXI="$toxi" FAULT_WIRE_PROXY="$proxy" FAULT_WIRE_UPSTREAM="$server"

# ---- the unique case: the program asks for the kill through a file ----
run_unique() {
  local kill_file="$work/unique.kill" restarted="$work/unique.restarted" status t
  rm -f "$kill_file" "$restarted"
  FAULT_WIRE_KILL_FILE="$kill_file" FAULT_WIRE_RESTARTED_FILE="$restarted" "$bindir/wire" unique &
  prog_pid=$!
  while [ ! -s "$kill_file" ] && kill -0 "$prog_pid" 2>/dev/null; do sleep 0.05; done
  if [ -s "$kill_file" ]; then
    if [ "${FAULT_WIRE_DRY:-0}" = 1 ]; then
      echo "wire: unique: FAULT_WIRE_DRY=1: the server is NOT killed"
      t="$(now_ms)"; echo "$t $t $t" >"$restarted"
    else
      kill_and_restart_server "$server_port" "$slog" "$db" "${FAULT_WIRE_DOWN_S:-1}"
      echo "$restart_times" >"$restarted.tmp" && mv "$restarted.tmp" "$restarted"
    fi
  fi
  wait "$prog_pid"; status=$?; prog_pid=""
  if ! kill -0 "$worker_pid" 2>/dev/null; then echo "wire: unique: the worker died" >&2; status=1; fi
  return "$status"
}

passed=0
failed=0
failed_names=()
for c in $cases; do
  start=$(date +%s)
  echo "wire: === $c ==="
  case "$c" in
    latency|bandwidth|reset|halfopen|down|deadup|slowclose) "$bindir/wire" "$c" ;;
    unique) run_unique ;;
    *) echo "wire: unknown case $c" >&2; false ;;
  esac
  status=$?
  secs=$(( $(date +%s) - start ))
  if [ "$status" -eq 0 ]; then passed=$((passed + 1)); echo "wire: PASS $c (${secs}s)"
  else
    failed=$((failed + 1)); failed_names+=("$c"); echo "wire: FAIL $c (status $status, ${secs}s)"
    show_logs "$slog" "$wlog" "$tlog"
  fi
  kill -0 "$server_pid" 2>/dev/null || { echo "wire: the dev server is gone; stopping" >&2; break; }
done

echo "wire: total $(( $(date +%s) - suite_start )) s${failed_names[*]:+; failed: ${failed_names[*]}}"
echo "wire: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
