#!/usr/bin/env python3
"""hello_world_asyncio: hello_world.py for asyncio.

The same starter (GreetingWorkflow("World") on task queue GREETING_TASK_QUEUE, Workflow ID
"greeting-workflow"), with the `_async` methods: each call goes to the completion queue of the
running event loop, so waiting holds no thread and the result is handled on the loop's thread.

    python3 bindings/python/examples/hello_world_asyncio.py [ADDRESS]
        ADDRESS: host:port; default: the environment configuration, else localhost:7233
"""

import asyncio
import sys

from temporal_ffi import Client, TemporalError


async def main() -> int:
    address = sys.argv[1] if len(sys.argv) > 1 else None
    try:
        client = await Client.connect_async(address)
    except TemporalError as err:
        print(f"unable to create Temporal client: {err}", file=sys.stderr)
        return 1

    with client:
        try:
            we = await client.execute_workflow_async(
                "GreetingWorkflow", "World",
                id="greeting-workflow", task_queue="GREETING_TASK_QUEUE",
            )
        except TemporalError as err:
            print(f"unable to complete Workflow: {err}", file=sys.stderr)
            return 1

        with we:
            try:
                # Cancelling this task (Ctrl-C under asyncio.run) cancels the wait, not the workflow.
                result = await we.result_async()
            except TemporalError as err:
                print(f"unable to get Workflow result: {err}", file=sys.stderr)
                return 1
            print(f"\nWorkflowID: {we.id} RunID: {we.run_id}")
            print(f"\n{result}\n")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
