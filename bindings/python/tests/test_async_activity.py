"""Async activity completion (complete_activity, complete_activity_by_id,
record_activity_heartbeat, record_activity_heartbeat_by_id and their asyncio forms), the Go
SDK client's CompleteActivity, CompleteActivityByID, RecordActivityHeartbeat and
RecordActivityHeartbeatByID, against the Go test worker (modelled on
tests/c/test_async_activity.c).

The worker's AsyncActivity workflow runs PendingActivity, which publishes its task token
(hex), IDs, attempt and the previous attempt's heartbeat details through the workflow's
"activity_started" query, then leaves itself pending; the workflow returns what the activity
was completed with (the result, its failure as the workflow's error, or
{"canceled": true, "details": [...]}) and cancels the activity on the signal
"cancel_activity".
"""

import asyncio
import time

import pytest

import temporal_ffi
from temporal_ffi import (
    ActivityCanceledError,
    ActivityPausedError,
    ActivityResetError,
    ApplicationError,
    InvalidArgumentError,
    NotFoundError,
    WorkflowFailedError,
)


@pytest.fixture
def started(client):
    """Workflow IDs a test started, terminated after it (most have completed by then)."""
    ids = []
    yield ids
    for workflow_id in ids:
        try:
            client.terminate_workflow(workflow_id, reason="test_async_activity done")
        except temporal_ffi.TemporalError:
            pass


def _start(client, task_queue, started, workflow_id, **workflow_input):
    started.append(workflow_id)
    return client.execute_workflow(
        "AsyncActivity", workflow_input, id=workflow_id, task_queue=task_queue, execution_timeout=120
    )


def _pending_of(info, workflow_id, attempt):
    assert info["attempt"] == attempt, info
    assert info["workflow_id"] == workflow_id
    return dict(info, task_token=bytes.fromhex(info["task_token"]))


def _wait_pending(client, workflow_id, attempt=1, timeout=30.0):
    """What PendingActivity published for ``attempt`` (its task token as bytes)."""
    deadline = time.monotonic() + timeout
    while True:
        info = client.query_workflow(workflow_id, "activity_started")
        if info is not None and info["attempt"] >= attempt:
            return _pending_of(info, workflow_id, attempt)
        assert time.monotonic() < deadline, f"attempt {attempt} not published within {timeout} s: {info}"
        time.sleep(0.05)


def _wait_cancel_requested(heartbeat, timeout=10.0):
    """Heartbeats until one raises ActivityCanceledError (the workflow's cancel arrived)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            heartbeat()
        except ActivityCanceledError as canceled:
            return canceled
        assert time.monotonic() < deadline, "no cancel request within 10 s of the workflow's cancel"
        time.sleep(0.05)


# ---------------------------------------------------------------------------------------------
# Completing
# ---------------------------------------------------------------------------------------------


def test_complete_by_token_returns_the_result(client, task_queue, started, wf_id):
    run = _start(client, task_queue, started, wf_id)
    pending = _wait_pending(client, wf_id)
    assert pending["activity_id"] == "async"
    result = {"b": 1, "a": "<x> & y", "n": 12345678901234567890}
    assert client.complete_activity(pending["task_token"], result) is None
    assert run.result(timeout=30) == result


def test_complete_by_id_returns_the_result(client, task_queue, started, wf_id):
    run = _start(client, task_queue, started, wf_id, activity_id="charge-card")
    assert _wait_pending(client, wf_id)["activity_id"] == "charge-card"
    # No namespace and no run ID: the client's namespace and the current run.
    client.complete_activity_by_id(wf_id, "charge-card", "done by ID")
    assert run.result(timeout=30) == "done by ID"


def test_complete_with_no_result(client, task_queue, started, wf_id):
    run = _start(client, task_queue, started, wf_id)
    # A bytearray token works as bytes do; no result is Go's nil.
    client.complete_activity(bytearray(_wait_pending(client, wf_id)["task_token"]))
    assert run.result(timeout=30) is None


def test_application_error_fails_the_workflow(client, task_queue, started, wf_id):
    run = _start(client, task_queue, started, wf_id)
    token = _wait_pending(client, wf_id)["task_token"]
    error = ApplicationError("card declined", "visa", {"code": 51}, type="CardDeclined", non_retryable=True)
    client.complete_activity(token, error=error)
    with pytest.raises(WorkflowFailedError) as info:
        run.result(timeout=30)
    # The workflow got an activity error caused by the application error sent here.
    assert "activity error (type: PendingActivity" in info.value.message
    assert "card declined (type: CardDeclined, retryable: false)" in info.value.message
    failure = info.value.failure
    assert failure["kind"] == "activity" and failure["activity_id"] == "async", failure
    cause = failure["cause"]
    assert cause["message"] == "card declined"
    assert cause["type"] == "CardDeclined"
    assert cause["non_retryable"] is True
    assert cause["details"] == ["visa", {"code": 51}]


def test_other_exception_fails_with_its_class_name(client, task_queue, started, wf_id):
    run = _start(client, task_queue, started, wf_id, activity_id="parse")
    _wait_pending(client, wf_id)
    # As the Go SDK sends any other error: its text, its type's name, retryable.
    client.complete_activity_by_id(wf_id, "parse", error=KeyError("no such field"))
    with pytest.raises(WorkflowFailedError) as info:
        run.result(timeout=30)
    cause = info.value.failure["cause"]
    assert cause["message"] == "'no such field'"
    assert cause["type"] == "KeyError"
    assert cause["non_retryable"] is False


# ---------------------------------------------------------------------------------------------
# Heartbeats, retries, cancellation
# ---------------------------------------------------------------------------------------------


def test_retries_carry_heartbeat_details(client, task_queue, started, wf_id):
    """A retryable failure is retried; the last heartbeat's details reach the next attempt, by
    token and by ID; a token of an earlier attempt is no longer valid."""
    run = _start(client, task_queue, started, wf_id, max_attempts=3)
    first = _wait_pending(client, wf_id, 1)
    assert first["heartbeat_details"] is None
    assert client.record_activity_heartbeat(first["task_token"], "progress", {"step": 1, "of": 3}) is None
    retry = ApplicationError("try again", type="Transient")
    client.complete_activity(first["task_token"], error=retry)

    second = _wait_pending(client, wf_id, 2)
    assert second["heartbeat_details"] == ["progress", {"step": 1, "of": 3}]
    assert second["task_token"] != first["task_token"]
    with pytest.raises(NotFoundError, match="activity already timed out"):
        client.record_activity_heartbeat(first["task_token"])

    # By ID, with the namespace and run ID spelled out.
    client.record_activity_heartbeat_by_id(wf_id, "async", 2, run_id=second["run_id"], namespace="default")
    client.complete_activity_by_id(wf_id, "async", error=retry, run_id=second["run_id"], namespace="default")

    third = _wait_pending(client, wf_id, 3)
    assert third["heartbeat_details"] == [2]
    client.complete_activity(third["task_token"], "third time")
    assert run.result(timeout=30) == "third time"


def test_cancel_after_the_workflow_requested_it(client, task_queue, started, wf_id):
    run = _start(client, task_queue, started, wf_id)
    token = _wait_pending(client, wf_id)["task_token"]
    client.record_activity_heartbeat(token, "working")
    # The server accepts a cancellation only once the workflow requested it.
    with pytest.raises(InvalidArgumentError, match="without activity being request canceled"):
        client.complete_activity(token, error=ActivityCanceledError("cleaned up", 3))

    client.signal_workflow(wf_id, "cancel_activity")
    canceled = _wait_cancel_requested(lambda: client.record_activity_heartbeat(token))
    assert canceled.details == () and str(canceled) == "canceled"
    _wait_cancel_requested(lambda: client.record_activity_heartbeat_by_id(wf_id, "async"))
    client.complete_activity(token, error=ActivityCanceledError("cleaned up", 3))
    assert run.result(timeout=30) == {"canceled": True, "details": ["cleaned up", 3]}


def test_cancel_by_id(client, task_queue, started, wf_id):
    run = _start(client, task_queue, started, wf_id, activity_id="stoppable")
    pending = _wait_pending(client, wf_id)
    client.signal_workflow(wf_id, "cancel_activity")
    _wait_cancel_requested(lambda: client.record_activity_heartbeat_by_id(wf_id, "stoppable"))
    client.complete_activity_by_id(wf_id, "stoppable", error=ActivityCanceledError(), run_id=pending["run_id"])
    assert run.result(timeout=30) == {"canceled": True, "details": None}


def test_heartbeat_flags_raise_as_the_go_sdk_returns_errors(monkeypatch):
    """The heartbeat's flags become the Go SDK's errors: canceled first, then paused, reset
    (by task token only; the by-ID form checks only cancellation, as the Go SDK's)."""
    by_token, by_id = temporal_ffi._heartbeat_of(by_id=False), temporal_ffi._heartbeat_of(by_id=True)

    def flags(paused=False, reset=False, canceled=False):
        value = {"activity_paused": paused, "activity_reset": reset, "cancel_requested": canceled}
        monkeypatch.setattr(temporal_ffi, "_json_of", lambda call: value)

    flags()
    assert by_token(0) is None and by_id(0) is None
    flags(paused=True, reset=True, canceled=True)
    pytest.raises(ActivityCanceledError, by_token, 0)
    pytest.raises(ActivityCanceledError, by_id, 0)
    flags(paused=True, reset=True)
    pytest.raises(ActivityPausedError, by_token, 0)
    assert by_id(0) is None
    flags(reset=True)
    with pytest.raises(ActivityResetError, match="activity reset"):
        by_token(0)
    assert by_id(0) is None
    monkeypatch.setattr(temporal_ffi, "_json_of", lambda call: None)
    pytest.raises(temporal_ffi.InternalError, by_token, 0)


# ---------------------------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------------------------


def test_completed_or_unknown_activity_is_not_found(client, task_queue, started, wf_id):
    run = _start(client, task_queue, started, wf_id)
    token = _wait_pending(client, wf_id)["task_token"]
    client.complete_activity(token, 1)
    assert run.result(timeout=30) == 1

    with pytest.raises(NotFoundError, match="complete activity: workflow execution already completed") as info:
        client.complete_activity(token, 1)
    assert info.value.details["grpc_code"] == "NOT_FOUND"
    with pytest.raises(NotFoundError) as info:
        client.complete_activity_by_id(wf_id, "async", 1)
    assert info.value.details["activity_id"] == "async"
    assert info.value.details["workflow_id"] == wf_id
    with pytest.raises(NotFoundError, match="fail activity: "):
        client.complete_activity(token, error=ApplicationError("late"))
    with pytest.raises(NotFoundError, match="record activity heartbeat: "):
        client.record_activity_heartbeat(token)
    with pytest.raises(NotFoundError):
        client.record_activity_heartbeat_by_id(wf_id, "async")
    with pytest.raises(NotFoundError):
        client.record_activity_heartbeat_by_id(f"{wf_id}-never-started", "async")


def test_bad_task_tokens(client):
    garbage = b"not a task token"
    # Bytes that are not a token: the server refuses them.
    with pytest.raises(InvalidArgumentError, match="complete activity: Error deserializing task token"):
        client.complete_activity(garbage, 1)
    with pytest.raises(InvalidArgumentError):
        client.record_activity_heartbeat(garbage)
    # Refused at once, before any request.
    with pytest.raises(InvalidArgumentError, match="task_token_len is 0"):
        client.complete_activity(b"", 1)
    with pytest.raises(InvalidArgumentError, match="task_token_len is 0"):
        client.record_activity_heartbeat(b"")
    with pytest.raises(InvalidArgumentError, match="task_token must be bytes, not str"):
        client.complete_activity(garbage.hex(), 1)
    with pytest.raises(InvalidArgumentError, match="task_token must be bytes, not NoneType"):
        client.record_activity_heartbeat(None)


def test_bad_arguments_are_refused_at_once(client):
    token = b"any token"
    with pytest.raises(InvalidArgumentError, match="result and error are exclusive"):
        client.complete_activity(token, "done", error=ApplicationError("failed"))
    with pytest.raises(InvalidArgumentError, match="error must be an exception or None, not str"):
        client.complete_activity(token, error="failed")
    with pytest.raises(InvalidArgumentError, match="result is not JSON-serializable"):
        client.complete_activity(token, object())
    with pytest.raises(InvalidArgumentError, match="details is not JSON-serializable"):
        client.record_activity_heartbeat(token, {1, 2})
    with pytest.raises(InvalidArgumentError, match="details is not JSON-serializable"):
        client.complete_activity(token, error=ActivityCanceledError(object()))
    with pytest.raises(InvalidArgumentError, match="workflow ID and activity ID are required"):
        client.complete_activity_by_id("", "a", 1)
    with pytest.raises(InvalidArgumentError, match="workflow ID and activity ID are required"):
        client.record_activity_heartbeat_by_id("w", "")
    with pytest.raises(InvalidArgumentError, match="workflow_id must not be NULL"):
        client.complete_activity_by_id(None, "a")
    with pytest.raises(InvalidArgumentError, match="error.message must not contain a NUL"):
        client.complete_activity(token, error=ApplicationError("bad\0message"))
    with pytest.raises(InvalidArgumentError, match="timeout must be positive"):
        client.record_activity_heartbeat(token, timeout=0)


# ---------------------------------------------------------------------------------------------
# asyncio
# ---------------------------------------------------------------------------------------------


def test_asyncio_forms(client, task_queue, started, wf_id):
    async def wait_pending(attempt):
        while True:
            info = await client.query_workflow_async(wf_id, "activity_started")
            if info is not None and info["attempt"] >= attempt:
                return _pending_of(info, wf_id, attempt)
            await asyncio.sleep(0.05)

    async def main():
        run = await client.execute_workflow_async(
            "AsyncActivity", {"max_attempts": 2}, id=wf_id, task_queue=task_queue, execution_timeout=120
        )
        started.append(wf_id)
        first = await asyncio.wait_for(wait_pending(1), 30)
        await client.record_activity_heartbeat_async(first["task_token"], "a")
        await client.record_activity_heartbeat_by_id_async(wf_id, "async", "b", run_id=first["run_id"])
        await client.complete_activity_async(first["task_token"], error=ApplicationError("again"))
        second = await asyncio.wait_for(wait_pending(2), 30)
        assert second["heartbeat_details"] == ["b"]
        with pytest.raises(NotFoundError):
            await client.record_activity_heartbeat_async(first["task_token"])

        await client.signal_workflow_async(wf_id, "cancel_activity")
        deadline = time.monotonic() + 10
        while True:
            try:
                await client.record_activity_heartbeat_async(second["task_token"])
            except ActivityCanceledError:
                break
            assert time.monotonic() < deadline, "no cancel request within 10 s"
            await asyncio.sleep(0.05)
        with pytest.raises(ActivityCanceledError):
            await client.record_activity_heartbeat_by_id_async(wf_id, "async")
        await client.complete_activity_by_id_async(wf_id, "async", error=ActivityCanceledError("bye"))
        assert await run.result_async(timeout=30) == {"canceled": True, "details": ["bye"]}
        with pytest.raises(NotFoundError):
            await client.complete_activity_async(second["task_token"], "late")

    asyncio.run(main())
    assert temporal_ffi.pending_calls() == 0
