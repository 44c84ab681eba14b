"""Schedules (Client.create_schedule, get_schedule_handle, list_schedules, ScheduleHandle):
the Go SDK's ScheduleClient and ScheduleHandle in the Python SDK's names, against the dev server
and the Go test worker, whose Echo(v) workflow each action starts."""

import asyncio
import datetime as dt
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

import temporal_ffi
from temporal_ffi import (
    AlreadyExistsError,
    InvalidArgumentError,
    NotFoundError,
    RpcError,
    Schedule,
    ScheduleActionStartWorkflow,
    ScheduleBackfill,
    ScheduleCalendarSpec,
    ScheduleHandle,
    ScheduleIntervalSpec,
    ScheduleOverlapPolicy,
    SchedulePolicy,
    ScheduleSpec,
    ScheduleState,
    _native,
)

UTC = dt.timezone.utc


def _wait_until(predicate, timeout=20.0, interval=0.2):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(interval)


def _sid(name):
    return f"py-sched-{name}-{uuid.uuid4().hex[:8]}"


def _echo_schedule(task_queue, workflow_id, *, spec=None, paused=False, note=None, **policy):
    return Schedule(
        action=ScheduleActionStartWorkflow("Echo", "hi", id=workflow_id, task_queue=task_queue),
        # Hourly: no action of its own while a test runs, unless it crosses the hour.
        spec=spec or ScheduleSpec(intervals=[ScheduleIntervalSpec(every=3600)]),
        policy=SchedulePolicy(**policy),
        state=ScheduleState(paused=paused, note=note),
    )


def _delete_quietly(handle):
    try:
        handle.delete()
    except NotFoundError:
        pass


def test_overlap_policy_names_every_constant():
    assert {m.name: int(m) for m in ScheduleOverlapPolicy} == _native.constants(
        "TEMPORAL_SCHEDULE_OVERLAP_POLICY_"
    )


def test_create_describe_round_trip_and_duplicate(client, task_queue):
    sid = _sid("round-trip")
    start_at = dt.datetime(2026, 1, 1, tzinfo=UTC)
    end_at = dt.datetime(2036, 1, 1, 12, 30, tzinfo=UTC)
    schedule = Schedule(
        action=ScheduleActionStartWorkflow(
            "Echo",
            {"k": [1, 2]},
            id=f"{sid}-wf",
            task_queue=task_queue,
            execution_timeout=60,
            run_timeout=dt.timedelta(seconds=30),
            memo={"action-memo": "m"},
            search_attributes={"CustomKeywordField": "sched-action"},
        ),
        spec=ScheduleSpec(
            cron_strings=["0 12 * * MON-FRI"],
            intervals=[ScheduleIntervalSpec(every=dt.timedelta(hours=2), offset=dt.timedelta(minutes=5))],
            calendars=[ScheduleCalendarSpec(hour="3", minute="30", day_of_week="MON-FRI", comment="early")],
            skip=[ScheduleCalendarSpec(month="12", day_of_month="25")],
            start_at=start_at,
            end_at=end_at,
            jitter=dt.timedelta(seconds=7),
            time_zone_name="America/New_York",
        ),
        policy=SchedulePolicy(
            overlap=ScheduleOverlapPolicy.ALLOW_ALL,
            catchup_window=dt.timedelta(minutes=10),
            pause_on_failure=True,
            keep_original_workflow_id=True,
        ),
        state=ScheduleState(paused=True, note="created paused", remaining_actions=5),
    )
    handle = client.create_schedule(
        sid, schedule, memo={"owner": "py"}, search_attributes={"CustomKeywordField": "sched-own"}
    )
    try:
        assert isinstance(handle, ScheduleHandle) and handle.id == sid
        assert handle == client.get_schedule_handle(sid)
        d = handle.describe()
        assert d["schedule_id"] == sid
        spec = d["spec"]
        # The server keeps cron strings as calendars: one for the cron, one for ours.
        calendars = spec["calendars"]
        assert len(calendars) == 2, calendars
        assert any(c["hour"] == "12" and c["minute"] == "0" for c in calendars), calendars
        ours = [c for c in calendars if c.get("comment") == "early"]
        assert len(ours) == 1 and ours[0]["hour"] == "3" and ours[0]["minute"] == "30", calendars
        assert spec["intervals"] == [{"every_ms": 7_200_000, "offset_ms": 300_000}]
        assert len(spec["exclude_calendars"]) == 1
        assert spec["exclude_calendars"][0]["month"] == "12"
        assert spec["exclude_calendars"][0]["day_of_month"] == "25"
        assert dt.datetime.fromisoformat(spec["start_time"].replace("Z", "+00:00")) == start_at
        assert dt.datetime.fromisoformat(spec["end_time"].replace("Z", "+00:00")) == end_at
        assert spec["jitter_ms"] == 7000
        assert spec["time_zone_name"] == "America/New_York"
        action = d["action"]
        assert action["workflow_type"] == "Echo"
        assert action["workflow_id"] == f"{sid}-wf"
        assert action["task_queue"] == task_queue
        assert action["args"] == [{"k": [1, 2]}]
        assert action["execution_timeout_ms"] == 60_000
        assert action["run_timeout_ms"] == 30_000
        assert action["memo"] == {"action-memo": "m"}
        assert action["search_attributes"] == {"CustomKeywordField": "sched-action"}
        assert d["policies"] == {
            "overlap_policy": "ALLOW_ALL",
            "catchup_window_ms": 600_000,
            "pause_on_failure": True,
            "keep_original_workflow_id": True,
        }
        assert d["state"]["paused"] is True
        assert d["state"]["note"] == "created paused"
        assert d["state"]["remaining_actions"] == 5
        assert d["state"]["limited_actions"] is True
        assert d["memo"] == {"owner": "py"}
        assert d["search_attributes"]["CustomKeywordField"] == "sched-own"
        assert d["info"]["next_action_times"], d["info"]
        assert isinstance(d["conflict_token"], str) and d["conflict_token"]

        # The same ID again: ALREADY_EXISTS, naming the schedule.
        with pytest.raises(AlreadyExistsError) as info:
            client.create_schedule(sid, _echo_schedule(task_queue, f"{sid}-other"))
        assert info.value.code == temporal_ffi.ErrorCode.ALREADY_EXISTS
        assert info.value.details and info.value.details.get("schedule_id") == sid
    finally:
        _delete_quietly(handle)


def test_trigger_pause_update_backfill_list_delete(client, task_queue):
    sid = _sid("life")
    handle = client.create_schedule(sid, _echo_schedule(task_queue, f"{sid}-wf", paused=True, note="paused at create"))
    try:
        assert handle.describe()["state"]["paused"] is True
        handle.unpause(note="running now")
        state = handle.describe()["state"]
        assert state == {**state, "paused": False, "note": "running now"}
        # The default note is the Go SDK's.
        handle.pause()
        assert handle.describe()["state"]["note"] == "Paused via Go SDK"
        handle.unpause()
        assert handle.describe()["state"]["note"] == "Unpaused via Go SDK"

        # Trigger: the action's workflow runs on the worker; its ID is ours plus the time.
        handle.trigger(overlap=ScheduleOverlapPolicy.ALLOW_ALL)
        actions = _wait_until(lambda: handle.describe()["info"]["recent_actions"])
        workflow_id = actions[0]["workflow_id"]
        assert workflow_id.startswith(f"{sid}-wf")
        assert client.get_workflow(workflow_id).result(timeout=30) == "hi"
        assert handle.describe()["info"]["action_count"] >= 1

        # Update with an updater: the description in, a new schedule out, sent with the
        # description's conflict token.
        seen = {}

        def updater(description):
            seen.update(description)
            return _echo_schedule(
                task_queue, f"{sid}-wf",
                spec=ScheduleSpec(cron_strings=["15 4 * * *"]),
                paused=True, note="updated",
            )

        stale = handle.describe()["conflict_token"]
        handle.update(updater)
        assert seen["schedule_id"] == sid
        d = handle.describe()
        assert d["state"]["paused"] is True and d["state"]["note"] == "updated"
        assert d["spec"]["intervals"] == []
        assert [(c["hour"], c["minute"]) for c in d["spec"]["calendars"]] == [("4", "15")]
        # An updater that returns None changes nothing.
        handle.update(lambda description: None)
        assert handle.describe()["conflict_token"] == d["conflict_token"]
        # A stale conflict token: the dev server (1.32) answers OK and drops the update
        # (temporal.h); a server that refuses it answers FAILED_PRECONDITION (an RpcError).
        try:
            handle.update(_echo_schedule(task_queue, f"{sid}-wf", note="stale"), conflict_token=stale)
        except RpcError as exc:
            assert exc.details and exc.details.get("grpc_code") in (9, "FAILED_PRECONDITION"), exc
        after_stale = handle.describe()
        assert after_stale["state"]["note"] == "updated"
        assert after_stale["conflict_token"] == d["conflict_token"]
        # The current token: accepted (back to hourly, unpaused).
        handle.update(_echo_schedule(task_queue, f"{sid}-wf"), conflict_token=d["conflict_token"])
        assert handle.describe()["spec"]["intervals"] == [{"every_ms": 3_600_000, "offset_ms": 0}]

        # Backfill two past hours with ALLOW_ALL: their actions run now.
        before = handle.describe()["info"]["action_count"]
        hour = dt.datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
        start, end = hour - dt.timedelta(hours=3), hour - dt.timedelta(hours=1, minutes=30)
        handle.backfill(ScheduleBackfill(start, end, ScheduleOverlapPolicy.ALLOW_ALL))

        def backfilled():
            info = handle.describe()["info"]
            times = [
                dt.datetime.fromisoformat(a["schedule_time"].replace("Z", "+00:00"))
                for a in info["recent_actions"]
            ]
            return info["action_count"] >= before + 2 and sum(start <= t <= end for t in times) >= 2

        _wait_until(backfilled)

        # List: every page of page_size 1 until ours shows (eventually consistent).
        other = client.create_schedule(_sid("other"), _echo_schedule(task_queue, f"{sid}-other-wf"))
        try:
            def listed():
                pages, token, found = 0, None, {}
                while True:
                    page, token = client.list_schedule_page(page_size=1, next_page_token=token)
                    assert len(page) <= 1
                    pages += 1
                    found.update({s["schedule_id"]: s for s in page})
                    if not token:
                        return (pages, found) if {sid, other.id} <= set(found) else None

            pages, found = _wait_until(listed)
            assert pages >= 2
            assert found[sid]["workflow_type"] == "Echo"
            assert found[sid]["paused"] is False
            assert sid in {s["schedule_id"] for s in client.list_schedules()}
        finally:
            other.delete()

        handle.delete()
        with pytest.raises(NotFoundError):
            handle.describe()
        with pytest.raises(NotFoundError):
            handle.delete()
    finally:
        _delete_quietly(handle)


def _field(number, payload):
    """One length-delimited protobuf field."""
    key, size, out = (number << 3) | 2, len(payload), bytearray()
    for value in (key, size):
        while value > 0x7F:
            out.append(value & 0x7F | 0x80)
            value >>= 7
        out.append(value)
    return bytes(out) + payload


def test_create_from_schedule_proto(client, task_queue):
    sid = _sid("proto")
    # temporal.api.schedule.v1.Schedule{spec{interval{interval: 3600s}}, action{start_workflow{
    # workflow_id, workflow_type{name: "Echo"}, task_queue{name}}}}, written out by hand.
    spec = _field(1, _field(2, _field(1, b"\x08\x90\x1c")))  # Duration{seconds: 3600}
    start = _field(1, f"{sid}-wf".encode()) + _field(2, _field(1, b"Echo")) + _field(3, _field(1, task_queue.encode()))
    proto = spec + _field(2, _field(1, start))
    handle = client.create_schedule(sid, schedule_proto=proto)
    try:
        d = handle.describe()
        assert d["spec"]["intervals"] == [{"every_ms": 3_600_000, "offset_ms": 0}]
        assert d["action"]["workflow_type"] == "Echo" and d["action"]["task_queue"] == task_queue
        # Both ways at once is refused by the library.
        with pytest.raises(InvalidArgumentError):
            handle.update(_echo_schedule(task_queue, f"{sid}-wf"), schedule_proto=proto)
    finally:
        _delete_quietly(handle)


def test_bad_input(client, task_queue, address):
    handle = client.get_schedule_handle(_sid("bad"))
    naive = dt.datetime(2026, 1, 1)
    with pytest.raises(InvalidArgumentError, match="timezone-aware"):
        handle.backfill(ScheduleBackfill(naive, naive))
    with pytest.raises(InvalidArgumentError):  # the library's: at least one
        handle.backfill()
    with pytest.raises(InvalidArgumentError):  # the library's: no such policy
        handle.trigger(overlap=99)
    with pytest.raises(InvalidArgumentError):  # the library's: neither a schedule nor a proto
        client.create_schedule(_sid("empty"))
    with pytest.raises(InvalidArgumentError, match="cron_strings"):
        client.create_schedule(_sid("cron"), _echo_schedule(task_queue, "x", spec=ScheduleSpec(cron_strings="* * * * *")))
    with pytest.raises(InvalidArgumentError):
        client.create_schedule(_sid("every"), _echo_schedule(task_queue, "x", spec=ScheduleSpec(intervals=[ScheduleIntervalSpec(every=0)])))
    with pytest.raises(InvalidArgumentError):
        client.get_schedule_handle("").describe()
    with pytest.raises(NotFoundError):
        handle.describe()
    # A handle uses its client: once that is closed, its calls are refused.
    other = temporal_ffi.Client.connect(address)
    orphan = other.get_schedule_handle(_sid("closed"))
    other.close()
    with pytest.raises(InvalidArgumentError, match="client is closed"):
        orphan.describe()


def test_asyncio(client, task_queue):
    sid = _sid("async")

    async def main():
        handle = await client.create_schedule_async(sid, _echo_schedule(task_queue, f"{sid}-wf"))
        try:
            assert (await handle.describe_async())["schedule_id"] == sid
            await handle.pause_async(note="async pause")
            assert (await handle.describe_async())["state"]["note"] == "async pause"
            await handle.unpause_async()
            await handle.update_async(lambda d: _echo_schedule(task_queue, f"{sid}-wf", note="async update"))
            assert (await handle.describe_async())["state"]["note"] == "async update"
            await handle.trigger_async()
            for _ in range(100):
                if (await handle.describe_async())["info"]["recent_actions"]:
                    break
                await asyncio.sleep(0.2)
            else:
                raise AssertionError("the triggered action never showed")
            found = False
            for _ in range(100):
                found = any([s["schedule_id"] == sid async for s in client.list_schedules_async()])
                if found:
                    break
                await asyncio.sleep(0.2)
            assert found
        finally:
            await handle.delete_async()
        with pytest.raises(NotFoundError):
            await handle.describe_async()

    asyncio.run(main())


def test_schedule_example(address):
    """examples/schedule.py, the Go samples' schedule starter, runs end to end."""
    path = Path(__file__).resolve().parents[1] / "examples" / "schedule.py"
    out = subprocess.run(
        [os.environ.get("PYTHON", sys.executable), str(path), address],
        check=True, capture_output=True, text=True, timeout=60,
    ).stdout
    assert "result: Hello World!" in out, out
    assert "paused: True" in out, out
