#!/usr/bin/env bash
# Live API-key rotation through an API-key-checking gRPC proxy (issue 17).
#
#   tests/faults/rotation.sh        # from anywhere; needs the library built (make build) and the temporal CLI
#
# Starts a dev server (its history long polls expire after ROT_POLL_EXPIRY_MS, so that parked
# result waits re-issue their polls during the test), the Go SDK test worker (straight to the
# server), tests/faults/keyproxy in front of the server, and tests/faults/rotation.c through
# the proxy: client A moves from key K1 to K2 under load while the proxy's accepted set goes
# {K1} -> {K1,K2} -> {K2}; client B stays on K1 and must be refused at the end. See
# rotation.c for the timeline and the window. Then checks the proxy's own counts:
#   - K1 was refused exactly once (client B's probe after the removal): client A never sent
#     K1 once it had switched;
#   - no K1 call reached the proxy more than ROT_K1_LAG_MAX_MS after set_api_key returned;
#   - K2 carried starts, describes and history long polls;
#   - the proxy held as many K1 starts as it was told to (their retries came after the removal,
#     and the first check shows none of them carried K1).
# Prints "rotation: N passed, M failed" and exits non-zero on any failure.
#
# Env (defaults): ROT_THREADS (6), ROT_RATE (4 iterations/s per thread), ROT_PARKED (16),
#   ROT_HELD (2), ROT_PRE_MS (2000), ROT_WINDOW_MS (1000), ROT_POST_MS (5000),
#   ROT_POLL_EXPIRY_MS (4000), ROT_K1_LAG_MAX_MS (500), ROT_LOG_LEVEL (5: TRACE),
#   ROT_PROG_TIMEOUT_S (90: the program is killed after this long, and fails),
#   ROT_SKIP_SWITCH (0; 1: client A never switches to K2, which checks the test itself: the run
#   must then FAIL), ROT_PROXY_TESTS (1; 0: skip the proxy's own go test), ROT_KEEP_LOGS (0; 1:
#   keep the work directory and print its path), ROT_BIN_DIR (target/faults: where the program
#   and the proxy are built), ROT_WORKER_BIN (target/testworker, built when missing or older
#   than tests/worker), CC (cc), TEMPORAL_CLI (.venv/bin/temporal); every other ROT_* variable of
#   rotation.c is passed through.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
worker_bin="${ROT_WORKER_BIN:-$root/target/testworker}"
harness_name=rotation
source "$root/tests/harness/lib.sh"
CC="${CC:-cc}"
bindir="${ROT_BIN_DIR:-$root/target/faults}"
proxy_bin="$bindir/keyproxy"
export ROT_POLL_EXPIRY_MS="${ROT_POLL_EXPIRY_MS:-4000}"
k1_lag_max_ms="${ROT_K1_LAG_MAX_MS:-500}"

work="$(mktemp -d "${TMPDIR:-/tmp}/temporal-ffi-rotation.XXXXXX")"
proxy_pid=""
prog_pid=""
cleanup() {
  local status=$?
  for pid in "$prog_pid" "$proxy_pid" "$worker_pid" "$server_pid"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for pid in "$prog_pid" "$proxy_pid" "$worker_pid" "$server_pid"; do
    [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
  done
  if [ "${ROT_KEEP_LOGS:-0}" = 1 ]; then echo "rotation: logs kept in $work"; else rm -rf "$work"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

passed=0
failed=0
result() { # ok|FAIL text
  if [ "$1" = ok ]; then passed=$((passed + 1)); echo "ok   $2"; else failed=$((failed + 1)); echo "FAIL $2"; fi
}
finish() {
  echo "rotation: total $(( $(date +%s) - start_s )) s"
  echo "rotation: $passed passed, $failed failed"
  [ "$failed" -eq 0 ] && exit 0
  exit 1
}
start_s=$(date +%s)

# ---- build: the program, the proxy, the worker (each only when missing or out of date) ----
if ! build_c_program tests/faults/rotation.c "$bindir/rotation"; then
  result FAIL "rotation.c compiles"
  finish
fi
if [ ! -x "$proxy_bin" ] || [ -n "$(find tests/faults/keyproxy -newer "$proxy_bin" -type f 2>/dev/null)" ]; then
  (cd tests/faults/keyproxy && go build -o "$proxy_bin" .) || { echo "rotation: cannot build tests/faults/keyproxy" >&2; exit 2; }
fi
# The proxy's own tests (no Temporal): streams both ways, headers, trailers, statuses,
# deadlines, refusals that name no key, calls in flight across a key removal.
if [ "${ROT_PROXY_TESTS:-1}" = 1 ]; then
  if (cd tests/faults/keyproxy && go test -count=1 . >"$work/proxy-test.log" 2>&1); then
    result ok "keyproxy go test (bidi stream, metadata, trailers, status, deadline, refusals)"
  else
    cat "$work/proxy-test.log" >&2
    result FAIL "keyproxy go test"
  fi
fi
build_worker || exit 2

# ---- dev server, worker, proxy ----
server_port="$(free_port)"; server_address="127.0.0.1:$server_port"
slog="$work/server.log"; wlog="$work/worker.log"; plog="$work/proxy.log"
# The server ends a history long poll after this long with an empty page, and the client polls
# again: how a result wait parked before the switch comes to send a request after it.
start_server "$server_port" "$slog" "" \
  --dynamic-config-value "history.longPollExpirationInterval=\"${ROT_POLL_EXPIRY_MS}ms\""
if ! wait_healthy "$server_address"; then
  show_logs "$slog"; result FAIL "dev server starts"; finish
fi
if ! start_worker "$server_address" "$wlog"; then
  show_logs "$wlog"; result FAIL "worker starts"; finish
fi

proxy_port="$(free_port)"; control_port="$(free_port)"
"$proxy_bin" -listen "127.0.0.1:$proxy_port" -control "127.0.0.1:$control_port" -upstream "$server_address" -v \
  >"$plog.ready" 2>>"$plog" &
proxy_pid=$!
for _ in $(seq 1 100); do
  grep -q "keyproxy ready" "$plog.ready" 2>/dev/null && break
  kill -0 "$proxy_pid" 2>/dev/null || break
  sleep 0.1
done
grep -q "keyproxy ready" "$plog.ready" 2>/dev/null || {
  echo "rotation: the proxy did not start" >&2; show_logs "$plog"; result FAIL "proxy starts"; finish; }

# ---- the program ----
# Fresh random keys each run: nothing can pass by knowing them in advance, and the leak checks
# look for exactly these strings.
rand_hex() { od -An -N12 -tx1 /dev/urandom | tr -d ' \n'; }
export ROT_KEY1="rotk1-$(rand_hex)" ROT_KEY2="rotk2-$(rand_hex)" ROT_KEY_BAD="rotbad-$(rand_hex)"
export ROT_ADDRESS="127.0.0.1:$proxy_port" ROT_CONTROL="127.0.0.1:$control_port"
export ROT_LOG_FILE="$work/library.log" ROT_TIMES_FILE="$work/times"
out="$work/rotation.out"
# A hang is a failure too, not a stuck suite.
timeout -k 5 "${ROT_PROG_TIMEOUT_S:-90}" "$bindir/rotation" >"$out" 2>"$work/rotation.err" &
prog_pid=$!
wait "$prog_pid"; status=$?; prog_pid=""
# The program's own ok/FAIL lines are checks of this suite too.
cat "$out"
[ -s "$work/rotation.err" ] && sed 's/^/rotation.c: /' "$work/rotation.err" >&2
passed=$((passed + $(grep -c '^ok ' "$out")))
failed=$((failed + $(grep -c '^FAIL ' "$out")))
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
  result FAIL "rotation.c finished within ROT_PROG_TIMEOUT_S=${ROT_PROG_TIMEOUT_S:-90} s (killed)"
elif [ "$status" -ne 0 ] && ! grep -q '^FAIL ' "$out"; then
  result FAIL "rotation.c exits 0 (status $status)"
fi

# ---- the proxy's side ----
stats="$work/stats.json"
python3 -c 'import sys,urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1], timeout=5).read().decode())' \
  "http://127.0.0.1:$control_port/stats" >"$stats" 2>>"$plog" || { result FAIL "proxy /stats answers"; finish; }
if [ -s "$ROT_TIMES_FILE" ]; then
  while IFS= read -r line; do
    case "$line" in ok\ *) result ok "${line#ok }" ;; FAIL\ *) result FAIL "${line#FAIL }" ;; *) echo "$line" ;; esac
  done < <(python3 - "$stats" "$ROT_TIMES_FILE" "$k1_lag_max_ms" "${ROT_HELD:-2}" <<'EOF'
import json, sys
stats = json.load(open(sys.argv[1]))["ids"]
switch_start, switch_done, removal = (int(x) for x in open(sys.argv[2]).read().split())
lag_max = int(sys.argv[3])
held_wanted = int(sys.argv[4])
k1, k2 = stats.get("K1", {}), stats.get("K2", {})
def line(ok, text): print(("ok " if ok else "FAIL ") + text)
print("proxy: K1 accepted %d, refused %d; K2 accepted %d, refused %d; unknown key refused %d" % (
    k1.get("accepted", 0), k1.get("rejected", 0), k2.get("accepted", 0), k2.get("rejected", 0),
    stats.get("unknown", {}).get("rejected", 0)))
print("proxy: K1 by method %s" % json.dumps(k1.get("accepted_by_method", {}), sort_keys=True))
print("proxy: K2 by method %s" % json.dumps(k2.get("accepted_by_method", {}), sort_keys=True))
line(k1.get("rejected", -1) == 1,
     "proxy refused K1 exactly once (client B after the removal), so client A never sent it after the switch (%d)"
     % k1.get("rejected", -1))
last_k1 = k1.get("last_accepted_ms", 0)
line(last_k1 - switch_done <= lag_max,
     "the last K1 call reached the proxy %d ms after set_api_key returned (set_api_key took %d ms; bound %d ms)"
     % (last_k1 - switch_done, switch_done - switch_start, lag_max))
first_k2 = k2.get("first_accepted_ms", 0)
line(first_k2 >= switch_start,
     "the first K2 call reached the proxy after the switch began (%s)"
     % ("%d ms after" % (first_k2 - switch_start) if first_k2 else "no K2 call at all"))
failed_at = k1.get("held_failed_ms") or []
line(k1.get("held", 0) == held_wanted and len(failed_at) == held_wanted and all(t > removal for t in failed_at),
     "the proxy held %d of the %d K1 starts it was told to, and failed them UNAVAILABLE %s ms after the removal"
     % (k1.get("held", 0), held_wanted, "/".join(str(t - removal) for t in failed_at) or "-"))
m = k2.get("accepted_by_method", {})
line(all(m.get(x, 0) > 0 for x in ("StartWorkflowExecution", "DescribeWorkflowExecution", "GetWorkflowExecutionHistory")),
     "K2 carried starts (%d), describes (%d) and history long polls (%d)" % (
         m.get("StartWorkflowExecution", 0), m.get("DescribeWorkflowExecution", 0), m.get("GetWorkflowExecutionHistory", 0)))
EOF
)
else
  result FAIL "rotation.c wrote the switch times (it stopped early)"
fi
# The proxy never prints a key either (it logs refusals by key id).
if grep -qF -e "$ROT_KEY1" -e "$ROT_KEY2" -e "$ROT_KEY_BAD" "$plog" "$stats"; then
  result FAIL "the proxy's log and stats contain no key"
else
  result ok "the proxy's log and stats contain no key"
fi
[ "$failed" -eq 0 ] || show_logs "$plog" "$wlog" "$slog" "$work/rotation.err"
finish
