"""Update handles and update-with-start (Client.start_update, Client.get_update_handle,
UpdateHandle, Client.update_with_start_workflow), the Go SDK client's UpdateWorkflow with a
wait stage, GetWorkflowUpdateHandle, WorkflowUpdateHandle.Get and UpdateWithStartWorkflow,
against the dev server and the Go test worker (modelled on tests/c/test_update.c).

The worker's Counter(start) workflow keeps a total: update "add" (n) adds n and returns the
total (its validator rejects a negative n, the handler fails for 13), update "held" returns the
total only after signal "release" (so ACCEPTED and COMPLETED differ), signal "done" ends it
with the total. Every workflow a test starts is terminated after it.
"""

import asyncio
import re
import threading
import time

import pytest

import temporal_ffi
from temporal_ffi import (
    AlreadyStartedError,
    Client,
    DeadlineExceededError,
    InvalidArgumentError,
    NotFoundError,
    UpdateFailedError,
    UpdateHandle,
    UpdateStage,
    WorkflowIdConflictPolicy,
    WorkflowRun,
)

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# How long a wait must stay pending to show that it waits for the release.
PENDING_S = 1.5


@pytest.fixture
def started(client):
    """Workflow IDs to terminate after the test, pass or fail."""
    ids = []
    yield ids
    for workflow_id in ids:
        try:
            client.terminate_workflow(workflow_id, reason="test_update done")
        except temporal_ffi.TemporalError:
            pass  # already closed


@pytest.fixture
def counter(client, task_queue, wf_id, started):
    """Starts Counter(start) as ``wf_id`` (or ``wf_id-suffix``) and returns its run."""

    def start(start=0, suffix=""):
        workflow_id = wf_id + suffix
        started.append(workflow_id)
        return client.execute_workflow(
            "Counter", start, id=workflow_id, task_queue=task_queue, execution_timeout=300
        )

    return start


class _InThread:
    """Runs ``fn`` on a thread, to see whether a blocking call is still waiting."""

    def __init__(self, fn):
        self.value = self.error = None
        self._thread = threading.Thread(target=self._run, args=(fn,), daemon=True)
        self._thread.start()

    def _run(self, fn):
        try:
            self.value = fn()
        except BaseException as e:  # handed to the test by outcome()
            self.error = e

    def pending_after(self, seconds):
        self._thread.join(seconds)
        return self._thread.is_alive()

    def outcome(self, timeout=30):
        self._thread.join(timeout)
        assert not self._thread.is_alive(), "the call did not finish"
        if self.error is not None:
            raise self.error
        return self.value


# ---------------------------------------------------------------------------------------------
# start_update and the handle
# ---------------------------------------------------------------------------------------------


def test_accepted_then_result_waits_for_completion(client, counter):
    run = counter(7)
    handle = client.start_update(run.id, "held", wait_for_stage=UpdateStage.ACCEPTED, update_id="held-1")
    assert isinstance(handle, UpdateHandle)
    assert (handle.id, handle.workflow_id, handle.run_id) == ("held-1", run.id, run.run_id)
    assert "held-1" in repr(handle)

    # Accepted but still running: the result wait goes on until the release.
    waiting = _InThread(handle.result)
    assert waiting.pending_after(PENDING_S), f"the result came before the release: {waiting.value!r}"
    client.signal_workflow(run.id, "release")
    assert waiting.outcome() == 7
    assert handle.result() == 7  # again: the same outcome
    handle.close()


def test_completed_gives_the_result_at_once(client, counter):
    run = counter(1)
    with client.start_update(run.id, "add", 4, wait_for_stage=UpdateStage.COMPLETED) as handle:
        assert UUID.fullmatch(handle.id), handle.id
        assert handle.run_id == run.run_id
        assert handle.result() == 5
        assert handle.result(timeout=1) == 5  # no wait on the server: a short timeout is enough
    assert handle.closed

    # COMPLETED on the held update: the start itself waits for the release.
    starting = _InThread(
        lambda: client.start_update(run.id, "held", wait_for_stage=UpdateStage.COMPLETED, update_id="held-c")
    )
    assert starting.pending_after(PENDING_S), "the COMPLETED start returned before the release"
    client.signal_workflow(run.id, "release")
    held = starting.outcome()
    assert held.id == "held-c"
    assert held.result() == 5


def test_handle_by_id_from_another_client(address, client, counter):
    run = counter(10)
    client.start_update(run.id, "held", wait_for_stage=UpdateStage.ACCEPTED, update_id="by-id-held").close()

    # The "second process": a new client, and only the IDs.
    other = Client.connect(address)
    by_id = other.get_update_handle(run.id, "by-id-held")
    by_run = other.get_update_handle(run.id, "by-id-held", run_id=run.run_id)
    other.close()  # the handles keep the connection
    assert (by_id.id, by_id.workflow_id, by_id.run_id) == ("by-id-held", run.id, "")
    assert by_run.run_id == run.run_id

    waits = [_InThread(by_id.result), _InThread(by_run.result)]
    client.signal_workflow(run.id, "release")
    assert [w.outcome() for w in waits] == [10, 10]


def test_rejected_by_the_validator_is_the_results_error(client, counter):
    run = counter(0)
    for stage in (UpdateStage.ACCEPTED, UpdateStage.COMPLETED):
        # As in Go, the rejection is not the start's error: the handle's result raises it.
        handle = client.start_update(run.id, "add", -1, wait_for_stage=stage)
        with pytest.raises(UpdateFailedError) as rejected:
            handle.result()
        error = rejected.value
        assert "n must not be negative" in error.message, error
        assert "update add" in error.message and handle.id in error.message, error
        assert error.details["update_id"] == handle.id
        assert error.failure is not None
    # The handler's own failure, too.
    handle = client.start_update(run.id, "add", 13, wait_for_stage=UpdateStage.ACCEPTED)
    with pytest.raises(UpdateFailedError, match="unlucky number"):
        handle.result()
    # Neither changed the total.
    assert client.query_workflow(run.id, "count") == 0


def test_unknown_update_or_workflow_and_refused_stages(client, counter):
    run = counter(0)
    unknown = client.get_update_handle(run.id, "no-such-update")
    with pytest.raises(NotFoundError):
        unknown.result()
    with pytest.raises(NotFoundError):
        client.start_update("update-no-such-workflow", "add", 1, wait_for_stage=UpdateStage.COMPLETED)

    # The stage is required, as in Go; ADMITTED is refused as in Go.
    with pytest.raises(InvalidArgumentError, match="wait_for_stage must be specified"):
        client.start_update(run.id, "add", 1, wait_for_stage=UpdateStage.UNSPECIFIED)
    with pytest.raises(InvalidArgumentError, match="not supported"):
        client.start_update(run.id, "add", 1, wait_for_stage=UpdateStage.ADMITTED)
    with pytest.raises(TypeError, match="wait_for_stage"):
        client.start_update(run.id, "add", 1)
    with pytest.raises(InvalidArgumentError, match="wait_for_stage must be an UpdateStage"):
        client.start_update(run.id, "add", 1, wait_for_stage="completed")
    with pytest.raises(InvalidArgumentError, match="update ID is required"):
        client.get_update_handle(run.id, "")
    with pytest.raises(InvalidArgumentError, match="NUL"):
        client.get_update_handle(run.id, "a\0b")
    # None of them ran.
    assert client.query_workflow(run.id, "count") == 0


def test_result_with_a_short_timeout_leaves_the_update_running(client, counter):
    run = counter(3)
    handle = client.start_update(run.id, "held", wait_for_stage=UpdateStage.ACCEPTED, update_id="held-timeout")
    t0 = time.monotonic()
    with pytest.raises(DeadlineExceededError):
        handle.result(timeout=0.8)
    took = time.monotonic() - t0
    assert 0.7 < took < 5.0, f"the timeout took {took:.2f} s"
    client.signal_workflow(run.id, "release")
    assert handle.result(timeout=30) == 3


def test_closed_handle_is_refused(client, counter):
    run = counter(0)
    handle = client.get_update_handle(run.id, "some-update", run_id=run.run_id)
    handle.close()
    handle.close()  # idempotent
    assert handle.closed
    with pytest.raises(InvalidArgumentError, match="update handle is closed"):
        handle.result()
    assert handle.id == "some-update"  # the IDs were read at creation


# ---------------------------------------------------------------------------------------------
# update-with-start
# ---------------------------------------------------------------------------------------------


def test_update_with_start_starts_a_workflow(client, task_queue, wf_id, started):
    started.append(wf_id)
    handle, run = client.update_with_start_workflow(
        "add", 5,
        workflow_type="Counter", workflow_args=[100],
        wait_for_stage=UpdateStage.COMPLETED, update_id="uws-1",
        id=wf_id, task_queue=task_queue, id_conflict_policy=WorkflowIdConflictPolicy.FAIL,
        execution_timeout=300,
    )
    assert isinstance(run, WorkflowRun) and isinstance(handle, UpdateHandle)
    assert run.id == wf_id and UUID.fullmatch(run.run_id), run
    assert (handle.id, handle.workflow_id, handle.run_id) == ("uws-1", wf_id, run.run_id)
    assert handle.result() == 105

    # With FAIL, a second update-with-start on the running workflow is refused by the start.
    with pytest.raises(AlreadyStartedError, match="failed workflow start") as refused:
        client.update_with_start_workflow(
            "add", 1, workflow_type="Counter", workflow_args=[0],
            wait_for_stage=UpdateStage.COMPLETED,
            id=wf_id, task_queue=task_queue, id_conflict_policy=WorkflowIdConflictPolicy.FAIL,
        )
    assert refused.value.details["run_id"] == run.run_id

    # The workflow ends with the total the update made.
    client.signal_workflow(wf_id, "done")
    assert run.result(timeout=30) == 105


def test_update_with_start_uses_the_running_workflow(client, task_queue, counter, started):
    existing = counter(20)
    handle, run = client.update_with_start_workflow(
        "add", 2, workflow_type="Counter", workflow_args=[0],
        wait_for_stage=UpdateStage.ACCEPTED,
        id=existing.id, task_queue=task_queue,
        id_conflict_policy=WorkflowIdConflictPolicy.USE_EXISTING,
    )
    assert run.run_id == existing.run_id and handle.run_id == existing.run_id
    assert handle.result() == 22

    # No Workflow ID: one is generated, and the workflow is new.
    handle, run = client.update_with_start_workflow(
        "add", 1, workflow_type="Counter", workflow_args=[0],
        wait_for_stage=UpdateStage.COMPLETED,
        task_queue=task_queue, id_conflict_policy=WorkflowIdConflictPolicy.USE_EXISTING,
        execution_timeout=300,
    )
    started.append(run.id)
    assert UUID.fullmatch(run.id), run.id
    assert handle.workflow_id == run.id
    assert handle.result() == 1


def test_update_with_start_requires_a_conflict_policy(client, task_queue, wf_id, started):
    started.append(wf_id)
    with pytest.raises(InvalidArgumentError, match="id_conflict_policy must be set"):
        client.update_with_start_workflow(
            "add", 1, workflow_type="Counter", workflow_args=[0],
            wait_for_stage=UpdateStage.COMPLETED,
            id=wf_id, task_queue=task_queue, id_conflict_policy=WorkflowIdConflictPolicy.UNSPECIFIED,
        )
    with pytest.raises(TypeError, match="id_conflict_policy"):
        client.update_with_start_workflow(
            "add", 1, workflow_type="Counter", wait_for_stage=UpdateStage.COMPLETED,
            id=wf_id, task_queue=task_queue,
        )
    with pytest.raises(InvalidArgumentError, match="wait_for_stage must be specified"):
        client.update_with_start_workflow(
            "add", 1, workflow_type="Counter", workflow_args=[0],
            wait_for_stage=UpdateStage.UNSPECIFIED,
            id=wf_id, task_queue=task_queue, id_conflict_policy=WorkflowIdConflictPolicy.USE_EXISTING,
        )
    # Nothing was started.
    with pytest.raises(NotFoundError):
        client.describe_workflow_execution(wf_id)


# ---------------------------------------------------------------------------------------------
# asyncio
# ---------------------------------------------------------------------------------------------


def test_async_update_handles_and_update_with_start(client, task_queue, wf_id, started):
    started.append(wf_id)

    async def main():
        handle, run = await client.update_with_start_workflow_async(
            "add", 3, workflow_type="Counter", workflow_args=[1],
            wait_for_stage=UpdateStage.COMPLETED,
            id=wf_id, task_queue=task_queue,
            id_conflict_policy=WorkflowIdConflictPolicy.USE_EXISTING, execution_timeout=300,
        )
        assert await handle.result_async() == 4
        assert run.id == wf_id and handle.run_id == run.run_id

        held = await client.start_update_async(
            wf_id, "held", wait_for_stage=UpdateStage.ACCEPTED, update_id="held-async"
        )
        assert held.id == "held-async"
        waiting = asyncio.ensure_future(held.result_async())
        abandoned = asyncio.ensure_future(held.result_async())
        await asyncio.sleep(PENDING_S)
        assert not waiting.done() and not abandoned.done(), "the result came before the release"
        # A cancelled result wait ends that wait only: the update and the other wait go on.
        abandoned.cancel()
        with pytest.raises(asyncio.CancelledError):
            await abandoned
        with pytest.raises(DeadlineExceededError):
            await held.result_async(timeout=0.5)
        await client.signal_workflow_async(wf_id, "release")
        assert await waiting == 4

        by_id = client.get_update_handle(wf_id, "held-async")
        assert await by_id.result_async() == 4
        rejected = await client.start_update_async(wf_id, "add", -5, wait_for_stage=UpdateStage.ACCEPTED)
        with pytest.raises(UpdateFailedError, match="n must not be negative"):
            await rejected.result_async()

    asyncio.run(main())
    assert temporal_ffi.pending_calls() == 0
