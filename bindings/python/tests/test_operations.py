"""Client operations (signal, query, update, cancel, terminate, describe, list, count,
history), their asyncio forms, and the runtime functions, against the Go test worker."""

import asyncio
import json
import re
import subprocess
import sys
import textwrap
import threading
import time
import uuid

import pytest

import temporal_ffi
from temporal_ffi import (
    CanceledError,
    InvalidArgumentError,
    NotFoundError,
    QueryFailedError,
    UpdateFailedError,
    WorkflowCanceledError,
    WorkflowRun,
    WorkflowTerminatedError,
)


def _wait_until(predicate, timeout=15.0, interval=0.2):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(interval)


def _counter(client, task_queue, wf_id, start=0):
    return client.execute_workflow("Counter", start, id=wf_id, task_queue=task_queue)


# ---------------------------------------------------------------------------------------------
# Blocking operations
# ---------------------------------------------------------------------------------------------


def test_signal_query_update(client, task_queue, wf_id):
    run = _counter(client, task_queue, wf_id, 5)
    assert client.query_workflow(wf_id, "count") == 5
    assert client.update_workflow(wf_id, "add", 3) == 8
    assert client.update_workflow(wf_id, "add", 2, run_id=run.run_id, update_id="u-1", timeout=30) == 10
    assert client.query_workflow(wf_id, "count", run_id=run.run_id) == 10
    # The update ID: the one given, or the one the library generated (the binding makes none).
    assert client.update_workflow_with_id(wf_id, "add", 1, update_id="u-2") == (11, "u-2")
    result, generated = client.update_workflow_with_id(wf_id, "add", 1)
    assert result == 12
    assert re.fullmatch(r"[0-9a-f-]{36}", generated), generated
    # An update ID already used is the same update: its result comes back, it does not run again.
    assert client.update_workflow_with_id(wf_id, "add", 100, update_id=generated) == (12, generated)
    assert client.query_workflow(wf_id, "count", run_id=run.run_id) == 12

    with pytest.raises(UpdateFailedError) as rejected:
        client.update_workflow(wf_id, "add", -1)
    assert "negative" in str(rejected.value)
    with pytest.raises(UpdateFailedError) as failed:
        client.update_workflow(wf_id, "add", 13, update_id="u-13")
    assert failed.value.details["update_id"] == "u-13"
    assert failed.value.failure["display"] == "unlucky number (type: Unlucky, retryable: true)"
    assert failed.value.display == failed.value.failure["display"]
    with pytest.raises(QueryFailedError):
        client.query_workflow(wf_id, "fail")

    client.signal_workflow(wf_id, "done", run_id=run.run_id, timeout=10)
    assert run.result(timeout=30) == 12


def test_operations_on_unknown_workflow_are_not_found(client):
    missing = f"missing-{uuid.uuid4().hex}"
    with pytest.raises(NotFoundError):
        client.signal_workflow(missing, "done")
    with pytest.raises(NotFoundError):
        client.describe_workflow_execution(missing)
    with pytest.raises(NotFoundError):
        client.terminate_workflow(missing)


def test_signal_with_start(client, task_queue, wf_id):
    run = client.signal_with_start_workflow(
        "Block", signal_name="unblock", signal_args=["hello"], id=wf_id, task_queue=task_queue
    )
    assert isinstance(run, WorkflowRun)
    assert run.id == wf_id
    assert run.result(timeout=30) == "unblocked: hello"


def test_signal_with_start_signals_a_running_workflow(client, task_queue, wf_id):
    first = _counter(client, task_queue, wf_id, 7)
    second = client.signal_with_start_workflow(
        "Counter", 0, signal_name="done", id=wf_id, task_queue=task_queue
    )
    assert second.run_id == first.run_id
    assert first.result(timeout=30) == 7


def test_cancel_workflow(client, task_queue, wf_id):
    run = client.execute_workflow("Block", id=wf_id, task_queue=task_queue)
    client.cancel_workflow(wf_id)
    with pytest.raises(WorkflowCanceledError):
        run.result(timeout=30)


def test_terminate_workflow(client, task_queue, wf_id):
    run = _counter(client, task_queue, wf_id)
    client.terminate_workflow(wf_id, reason="enough", details=["a", 1], run_id=run.run_id)
    with pytest.raises(WorkflowTerminatedError) as info:
        run.result(timeout=30)
    assert info.value.details["reason"] == "enough"


def test_cancel_and_terminate_with_options(client, task_queue, wf_id):
    run = client.execute_workflow("Block", id=wf_id, task_queue=task_queue)
    with pytest.raises(NotFoundError):
        client.cancel_workflow(wf_id, reason="no", first_execution_run_id=str(uuid.uuid4()))
    client.cancel_workflow(wf_id, reason="the operator asked", first_execution_run_id=run.run_id)
    with pytest.raises(WorkflowCanceledError):
        run.result(timeout=30)
    assert "the operator asked" in json.dumps(client.get_workflow_history(wf_id))

    other = client.execute_workflow("Block", id=wf_id + "-t", task_queue=task_queue)
    client.terminate_workflow(other.id, reason="done", details=[{"ticket": 42}],
                              first_execution_run_id=other.run_id)
    with pytest.raises(WorkflowTerminatedError) as info:
        other.result(timeout=30)
    assert info.value.details["reason"] == "done"
    assert info.value.details["details"] == [{"ticket": 42}]


def test_describe_and_history(client, task_queue, wf_id):
    run = _counter(client, task_queue, wf_id, 1)
    client.signal_workflow(wf_id, "done")
    assert run.result(timeout=30) == 1
    described = client.describe_workflow_execution(wf_id)
    assert described["workflow_id"] == wf_id
    assert described["run_id"] == run.run_id
    assert described["workflow_type"] == "Counter"
    assert described["status"] == "COMPLETED"
    history = client.get_workflow_history(wf_id, run_id=run.run_id)
    assert len(history["events"]) >= described["history_length"] > 3


def test_list_and_count(client, task_queue):
    tag = uuid.uuid4().hex[:8]
    ids = [f"py-list-{tag}-{i}" for i in range(5)]
    for wid in ids:
        client.execute_workflow("Echo", wid, id=wid, task_queue=task_queue).result(timeout=30)
    # Visibility is eventually consistent, and a record that changes between two pages (running
    # -> completed) moves in the sort order and can show on both: page only once all are closed.
    query = f"WorkflowId STARTS_WITH 'py-list-{tag}-' AND ExecutionStatus = 'Completed'"
    _wait_until(lambda: client.count_workflows(query) == 5)
    listed = list(client.list_workflows(query, page_size=2))
    assert sorted(e["workflow_id"] for e in listed) == ids
    executions, token = client.list_workflow_page(query, page_size=2)
    assert len(executions) == 2 and token
    executions, token = client.list_workflow_page(query, page_size=10)
    assert len(executions) == 5 and token == ""
    total = client.count_workflows()
    assert type(total) is int and total >= 5


# ---------------------------------------------------------------------------------------------
# asyncio
# ---------------------------------------------------------------------------------------------


def test_async_operations(client, task_queue, wf_id):
    async def main():
        run = await client.execute_workflow_async("Counter", 2, id=wf_id, task_queue=task_queue)
        assert isinstance(run, WorkflowRun) and run.id == wf_id
        assert await client.query_workflow_async(wf_id, "count") == 2
        assert await client.update_workflow_async(wf_id, "add", 4) == 6
        result, update_id = await client.update_workflow_with_id_async(wf_id, "add", 0, update_id="a-0")
        assert (result, update_id) == (6, "a-0")
        with pytest.raises(UpdateFailedError):
            await client.update_workflow_async(wf_id, "add", 13)
        with pytest.raises(QueryFailedError):
            await client.query_workflow_async(wf_id, "fail")
        described = await client.describe_workflow_execution_async(wf_id)
        assert described["status"] == "RUNNING"
        await client.signal_workflow_async(wf_id, "done")
        assert await run.result_async(timeout=30) == 6
        history = await client.get_workflow_history_async(wf_id)
        assert len(history["events"]) > 3

        # Completed only: a record that changes between two pages can show on both.
        query = f"WorkflowId = '{wf_id}' AND ExecutionStatus = 'Completed'"
        for _ in range(75):
            count = await client.count_workflows_async(query)
            assert type(count) is int
            if count == 1:
                break
            await asyncio.sleep(0.2)
        else:
            raise AssertionError("count never reached 1")
        listed = [e async for e in client.list_workflows_async(query, page_size=1)]
        assert [e["workflow_id"] for e in listed] == [wf_id]
        executions, token = await client.list_workflow_page_async(query)
        assert len(executions) == 1 and token == ""

        block_id = wf_id + "-block"
        blocked = await client.signal_with_start_workflow_async(
            "Block", signal_name="unblock", signal_args=["x"], id=block_id, task_queue=task_queue
        )
        assert await blocked.result_async() == "unblocked: x"

        cancel_id = wf_id + "-cancel"
        to_cancel = await client.execute_workflow_async("Block", id=cancel_id, task_queue=task_queue)
        await client.cancel_workflow_async(cancel_id)
        with pytest.raises(WorkflowCanceledError):
            await to_cancel.result_async(timeout=30)

        term_id = wf_id + "-term"
        to_terminate = await client.execute_workflow_async("Block", id=term_id, task_queue=task_queue)
        await client.terminate_workflow_async(term_id, reason="bye")
        with pytest.raises(WorkflowTerminatedError):
            await to_terminate.result_async(timeout=30)

        with pytest.raises(NotFoundError):
            await client.describe_workflow_execution_async(f"missing-{uuid.uuid4().hex}")

    asyncio.run(main())
    assert temporal_ffi.pending_calls() == 0


def test_async_invalid_argument_raises_at_start(client):
    async def main():
        with pytest.raises(InvalidArgumentError):
            await client.execute_workflow_async("Echo", 1, task_queue="")  # missing task queue
        with pytest.raises(InvalidArgumentError):
            await client.signal_workflow_async("", "x")
        with pytest.raises(InvalidArgumentError):
            await client.count_workflows_async(timeout=0)
        assert temporal_ffi.pending_calls() == 0
        assert not temporal_ffi._LoopQueue._by_loop  # the queue made for them is freed

    asyncio.run(main())


def test_cancel_awaiting_result_async(client, task_queue, wf_id, monkeypatch):
    run = client.execute_workflow("Block", id=wf_id, task_queue=task_queue)
    canceled = []
    real_cancel = temporal_ffi._lib.temporal_call_cancel
    monkeypatch.setattr(
        temporal_ffi._lib, "temporal_call_cancel", lambda call: (canceled.append(call), real_cancel(call))
    )

    async def main():
        task = asyncio.ensure_future(run.result_async())
        await asyncio.sleep(0.3)
        assert temporal_ffi.pending_calls() == 1
        started = time.monotonic()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert task.cancelled()
        assert time.monotonic() - started < 2
        # The task ended only once its call came back CANCELED through the queue and was freed.
        assert len(canceled) == 1
        assert temporal_ffi.pending_calls() == 0

    asyncio.run(main())
    # The workflow itself is unaffected.
    client.signal_workflow(wf_id, "unblock", "later")
    assert run.result(timeout=30) == "unblocked: later"


def test_cancel_many_awaits_at_once(client, task_queue, wf_id):
    run = client.execute_workflow("Block", id=wf_id, task_queue=task_queue)

    async def main():
        tasks = [asyncio.ensure_future(run.result_async()) for _ in range(100)]
        await asyncio.sleep(0.2)
        for i, task in enumerate(tasks):
            if i % 2:
                await asyncio.sleep(0)  # some cancelled later than others
            task.cancel()
        results = await asyncio.gather(*tasks, return_exceptions=True)
        assert all(isinstance(r, asyncio.CancelledError) for r in results)
        assert temporal_ffi.pending_calls() == 0

    asyncio.run(main())
    client.terminate_workflow(wf_id)


def test_async_timeout_is_deadline_exceeded(client, task_queue, wf_id):
    run = client.execute_workflow("Block", id=wf_id, task_queue=task_queue)

    async def main():
        with pytest.raises(temporal_ffi.DeadlineExceededError):
            await run.result_async(timeout=0.3)

    asyncio.run(main())
    client.terminate_workflow(wf_id)
    assert temporal_ffi.pending_calls() == 0


def test_many_concurrent_result_async(client, task_queue):
    threads_before = threading.active_count()
    runs = [
        client.execute_workflow("Sleep", 500, task_queue=task_queue) for _ in range(200)
    ]
    peak = [threads_before]

    async def main():
        async def watch():
            while True:
                peak[0] = max(peak[0], threading.active_count())
                await asyncio.sleep(0.05)

        watcher = asyncio.ensure_future(watch())
        try:
            return await asyncio.wait_for(
                asyncio.gather(*(r.result_async(timeout=60) for r in runs)), 90
            )
        finally:
            watcher.cancel()

    results = asyncio.run(main())
    assert len(results) == 200 and all(isinstance(r, str) for r in results)
    assert peak[0] <= threads_before + 2, (threads_before, peak[0])
    assert temporal_ffi.pending_calls() == 0


# ---------------------------------------------------------------------------------------------
# Runtime
# ---------------------------------------------------------------------------------------------


def test_runtime_init_after_use_is_invalid_argument(client):
    client.count_workflows()  # the library is surely in use
    with pytest.raises(InvalidArgumentError):
        temporal_ffi.runtime_init(worker_threads=2)
    with pytest.raises(InvalidArgumentError):
        temporal_ffi.runtime_init(log_level=temporal_ffi.LogLevel.DEBUG, log_callback=lambda *a: None)
    client.count_workflows()  # and still works


def test_runtime_init_logs_and_shutdown_in_subprocess(address, task_queue):
    """runtime_shutdown ends the library for the process: only in a child process."""
    script = textwrap.dedent(
        """
        import asyncio, sys, threading
        import temporal_ffi as t
        events = []
        lock = threading.Lock()
        def on_log(level, target, message):
            with lock:
                events.append((level, target, message))
        try:
            t.runtime_init(log_level=99)
            raise SystemExit("log level 99 was accepted")
        except t.InvalidArgumentError:
            pass
        t.runtime_init(worker_threads=2, log_level=t.LogLevel.DEBUG, log_callback=on_log)
        client = t.Client.connect(sys.argv[1])
        try:
            t.runtime_init()
            raise SystemExit("runtime_init after connect was accepted")
        except t.InvalidArgumentError:
            pass
        assert client.execute_workflow("Echo", 1, task_queue=sys.argv[2]).result(timeout=30) == 1
        with lock:
            assert events, "no log event"
            assert all(isinstance(l, t.LogLevel) and isinstance(m, str) for l, _, m in events)

        async def main():
            run = await client.execute_workflow_async("Block", task_queue=sys.argv[2])
            waiting = asyncio.ensure_future(run.result_async())
            await asyncio.sleep(0.3)
            await asyncio.get_running_loop().run_in_executor(None, t.runtime_shutdown, 5)
            try:
                await asyncio.wait_for(waiting, 5)
                raise SystemExit("the pending wait did not end")
            except t.CanceledError:
                pass
        asyncio.run(main())
        assert t.pending_calls() == 0
        try:
            client.count_workflows()
            raise SystemExit("a call after shutdown succeeded")
        except t.ShutdownError:
            pass
        t.runtime_shutdown()  # twice: no-op
        print("ok")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script, address, task_queue],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("ok"), (done.stdout, done.stderr)


def test_a_forked_child_gets_a_fresh_runtime(address, task_queue):
    """A preforking server: the parent used the library and forks; each child's inherited
    client raises ShutdownError at once, a new client works, and the parent keeps working."""
    script = textwrap.dedent(
        """
        import os, sys
        import temporal_ffi as t
        t.runtime_init(worker_threads=2)
        parent = t.Client.connect(sys.argv[1])
        assert parent.execute_workflow("Echo", 1, task_queue=sys.argv[2]).result(timeout=30) == 1
        pids = []
        for n in range(3):
            pid = os.fork()
            if pid == 0:
                code = 1
                try:
                    try:
                        parent.count_workflows()
                        print("child: the inherited client worked", file=sys.stderr)
                    except t.ShutdownError as e:
                        assert "fork" in str(e), e
                        mine = t.Client.connect(sys.argv[1])
                        result = mine.execute_workflow("Echo", 100 + n, task_queue=sys.argv[2]).result(timeout=30)
                        assert result == 100 + n, result
                        mine.close()
                        code = 0
                except BaseException as e:
                    print(f"child {n}: {e!r}", file=sys.stderr)
                finally:
                    sys.stderr.flush()
                    os._exit(code)
            pids.append(pid)
        assert parent.execute_workflow("Echo", 2, task_queue=sys.argv[2]).result(timeout=30) == 2
        for pid in pids:
            _, status = os.waitpid(pid, 0)
            assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, f"child status {status}"
        assert parent.execute_workflow("Echo", 3, task_queue=sys.argv[2]).result(timeout=30) == 3
        print("ok")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script, address, task_queue],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("ok"), (done.stdout, done.stderr)
