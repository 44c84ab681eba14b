#!/usr/bin/env bash
# Runs the C examples (target/c/{hello_world,money_transfer,reattach,epoll_loop,encryption_codec}, from
# `make c-examples`) against $TEMPORAL_ADDRESS as a test; run it inside
# tests/harness/with-dev-server.sh.
# The reattach step runs in a separate process from the one that started the workflow.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bin="$root/target/c"
: "${TEMPORAL_ADDRESS:?run this inside tests/harness/with-dev-server.sh}"

passed=0
failed=0
pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1: $2"; failed=$((failed + 1)); }

# Prints the value after "RunID: " in the given output.
run_id_of() { sed -n 's/.*RunID: \([^ ]*\)$/\1/p' <<<"$1" | head -n 1; }

# 1. hello_world: synchronous start and wait.
if out="$("$bin/hello_world" 2>&1)"; then
  if ! grep -qx 'Hello World!' <<<"$out"; then
    fail hello_world "no 'Hello World!' line in: $out"
  elif [ -z "$(run_id_of "$out")" ]; then
    fail hello_world "no RunID in: $out"
  else
    pass hello_world
  fi
else
  fail hello_world "exit status $?: $out"
fi

# 2. money_transfer: asynchronous start, exits without waiting.
workflow_id="transfer-money-test-$$-$(date +%s%N)"
start_run_id=""
reference_id=""
if out="$("$bin/money_transfer" "$workflow_id" 2>&1)"; then
  start_run_id="$(run_id_of "$out")"
  reference_id="$(sed -n 's/.*is processing\. ReferenceID: \(.*\)$/\1/p' <<<"$out")"
  if ! grep -q "^Transfer of \$54.99 from account 001-001 to account 002-002 is processing. ReferenceID: " <<<"$out"; then
    fail money_transfer "unexpected output: $out"
  elif ! grep -q "^WorkflowID: $workflow_id RunID: " <<<"$out" || [ -z "$start_run_id" ]; then
    fail money_transfer "no WorkflowID/RunID line for $workflow_id in: $out"
  else
    pass money_transfer
  fi
else
  fail money_transfer "exit status $?: $out"
fi

# 3. reattach, in another process, knowing only the Workflow ID.
if out="$("$bin/reattach" "$workflow_id" 2>&1)"; then
  expected="Result: \"Transfer complete (transaction IDs: $reference_id-withdrawal, $reference_id-deposit)\""
  if [ -z "$reference_id" ]; then
    fail reattach "money_transfer printed no ReferenceID"
  elif ! grep -qxF "$expected" <<<"$out"; then
    fail reattach "expected '$expected' in: $out"
  elif [ "$(run_id_of "$out")" != "$start_run_id" ]; then
    fail reattach "RunID '$(run_id_of "$out")' differs from money_transfer's '$start_run_id'"
  else
    pass reattach
  fi
else
  fail reattach "exit status $?: $out"
fi

# 4. epoll_loop: three starts and three result waits driven by one epoll loop.
if out="$("$bin/epoll_loop" 2>&1)"; then
  problem=""
  for name in Alice Bob Carol; do
    if ! grep -qE "^Started WorkflowID: epoll-greeting-$name RunID: [^ ]+\$" <<<"$out"; then
      problem="no 'Started' line with a RunID for $name"
    elif [ "$(grep -cxF "Result of epoll-greeting-$name: \"Hello $name!\"" <<<"$out")" != 1 ]; then
      problem="not exactly one result line 'Hello $name!'"
    fi
    [ -n "$problem" ] && break
  done
  if [ -n "$problem" ]; then
    fail epoll_loop "$problem in: $out"
  elif [ "$(grep -c '^Result of ' <<<"$out")" != 3 ]; then
    fail epoll_loop "not three results in: $out"
  else
    pass epoll_loop
  fi
else
  fail epoll_loop "exit status $?: $out"
fi

# 5. encryption_codec: Echo through the AES-GCM payload codec; the Go worker on
#    temporal-ffi-codec has the same codec (tests/worker/codec.go).
if out="$("$bin/encryption_codec" "$TEMPORAL_ADDRESS" "encryption-codec-test-$$-$(date +%s%N)" 2>&1)"; then
  if ! grep -qxF 'Result: "secret value"' <<<"$out"; then
    fail encryption_codec "no 'Result: \"secret value\"' line in: $out"
  elif [ -z "$(run_id_of "$out")" ]; then
    fail encryption_codec "no RunID in: $out"
  else
    pass encryption_codec
  fi
else
  fail encryption_codec "exit status $?: $out"
fi

echo "examples: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
