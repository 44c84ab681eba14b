#!/usr/bin/env bash
# `make demo`: the C examples end to end, against the dev server and Go worker that
# tests/harness/with-dev-server.sh started (it exports TEMPORAL_ADDRESS).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bin="$root/target/c"
: "${TEMPORAL_ADDRESS:?run this inside tests/harness/with-dev-server.sh}"

step() { printf '\n=== %s ===\n$ %s\n' "$1" "$2"; }

echo "Temporal server: $TEMPORAL_ADDRESS (a Go worker polls GREETING_TASK_QUEUE and TRANSFER_MONEY_TASK_QUEUE)"

step "1. hello_world: start GreetingWorkflow(\"World\") and wait for its result" \
  "target/c/hello_world"
"$bin/hello_world"

workflow_id="transfer-money-workflow"  # the seed's ID, money_transfer's default
step "2. money_transfer: start TransferMoney and exit without waiting (async start)" \
  "target/c/money_transfer"
"$bin/money_transfer"

step "3. reattach: another process waits for that workflow, knowing only its Workflow ID" \
  "target/c/reattach $workflow_id"
"$bin/reattach" "$workflow_id"

step "4. epoll_loop: three GreetingWorkflows, their starts and result waits driven by one epoll loop" \
  "target/c/epoll_loop"
"$bin/epoll_loop"

printf '\nDemo complete.\n'
