#!/usr/bin/env python3
"""schedule: the Go samples' schedule starter (schedule/starter/main.go), in Python.

Creates a schedule that starts GreetingWorkflow("World") on task queue GREETING_TASK_QUEUE every
hour, triggers it once, waits for that run's result, describes and lists the schedule, pauses
it and deletes it. A worker for that task queue must be running (tests/worker does it). Needs
the temporal_ffi package installed (the wheel: bindings/python/README.md), or
PYTHONPATH=bindings/python in a checkout after `make build`.

    python3 bindings/python/examples/schedule.py [ADDRESS]
        ADDRESS: host:port; default: the environment configuration, else localhost:7233
"""

import sys
import time
import uuid
from datetime import timedelta

from temporal_ffi import (
    Client,
    Schedule,
    ScheduleActionStartWorkflow,
    ScheduleIntervalSpec,
    ScheduleSpec,
    TemporalError,
)


def main() -> int:
    address = sys.argv[1] if len(sys.argv) > 1 else None
    try:
        client = Client.connect(address)
    except TemporalError as err:
        print(f"unable to create Temporal client: {err}", file=sys.stderr)
        return 1

    schedule_id = f"schedule_{uuid.uuid4().hex[:8]}"
    with client:
        try:
            handle = client.create_schedule(
                schedule_id,
                Schedule(
                    action=ScheduleActionStartWorkflow(
                        "GreetingWorkflow", "World",
                        id=f"{schedule_id}_workflow", task_queue="GREETING_TASK_QUEUE",
                    ),
                    spec=ScheduleSpec(intervals=[ScheduleIntervalSpec(every=timedelta(hours=1))]),
                ),
            )
        except TemporalError as err:
            print(f"unable to create schedule: {err}", file=sys.stderr)
            return 1
        try:
            handle.trigger()
            # The server starts the triggered workflow a moment later.
            deadline = time.monotonic() + 20
            while not (actions := handle.describe()["info"]["recent_actions"]):
                if time.monotonic() > deadline:
                    print("the triggered action did not start", file=sys.stderr)
                    return 1
                time.sleep(0.2)
            with client.get_workflow(actions[0]["workflow_id"]) as run:
                print(f"ScheduleID: {schedule_id} WorkflowID: {run.id} result: {run.result()}")
            description = handle.describe()
            print(f"next action times: {description['info']['next_action_times']}")
            listed = [s["schedule_id"] for s in client.list_schedules()]
            print(f"listed: {schedule_id in listed}")
            handle.pause(note="paused by the sample")
            print(f"paused: {handle.describe()['state']['paused']}")
        except TemporalError as err:
            print(f"schedule operation failed: {err}", file=sys.stderr)
            return 1
        finally:
            try:
                handle.delete()
            except TemporalError as err:
                print(f"unable to delete schedule: {err}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
