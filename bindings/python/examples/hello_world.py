#!/usr/bin/env python3
"""hello_world: the Temporal hello-world template's starter (start/main.go), in Python.

Starts GreetingWorkflow("World") on task queue GREETING_TASK_QUEUE with the Workflow ID
"greeting-workflow", waits for its result and prints it. A worker for that task queue must be
running (tests/worker does it). Needs the temporal_ffi package installed (the wheel:
bindings/python/README.md), or PYTHONPATH=bindings/python in a checkout after `make build`.

    python3 bindings/python/examples/hello_world.py [ADDRESS]
        ADDRESS: host:port; default: the environment configuration (TEMPORAL_ADDRESS, the
        TOML config file), else localhost:7233

hello_world_asyncio.py is the same program for asyncio.
"""

import sys

from temporal_ffi import Client, TemporalError


def main() -> int:
    address = sys.argv[1] if len(sys.argv) > 1 else None

    # Create the client object just once per process.
    try:
        # No address: the library loads the environment configuration (EnvconfigMode.AUTO).
        client = Client.connect(address)
    except TemporalError as err:
        print(f"unable to create Temporal client: {err}", file=sys.stderr)
        return 1

    with client:
        try:
            we = client.execute_workflow(
                "GreetingWorkflow", "World",
                id="greeting-workflow", task_queue="GREETING_TASK_QUEUE",
            )
        except TemporalError as err:
            print(f"unable to complete Workflow: {err}", file=sys.stderr)
            return 1

        with we:
            try:
                result = we.result()  # timeout=None: wait as long as it takes
            except TemporalError as err:
                print(f"unable to get Workflow result: {err}", file=sys.stderr)
                return 1
            print(f"\nWorkflowID: {we.id} RunID: {we.run_id}")
            print(f"\n{result}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
