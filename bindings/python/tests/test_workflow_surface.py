"""The rest of the per-workflow surface against the dev server and the Go test worker: the
describe counts, history pages (filter, long poll), queries with a reject condition, search
attributes, task queues, reset, the health check and lazy clients.

The worker's Counter(start) workflow answers query "count" with its total and ends on signal
"done"; GreetingWorkflow(name) completes at once with "Hello <name>!".
"""

import asyncio
import contextlib
import socket
import threading
import time

import pytest

import temporal_ffi
from temporal_ffi import (
    Client,
    HistoryEventFilterType,
    InvalidArgumentError,
    QueryRejectCondition,
    QueryRejectedError,
    TaskQueueType,
    UnavailableError,
    _native,
)


def _completed_greeting(client, task_queue, wf_id):
    run = client.execute_workflow("GreetingWorkflow", "Surface", id=wf_id, task_queue=task_queue)
    assert run.result(timeout=20) == "Hello Surface!"
    return run


def _event_kind(event):
    """An event's attributes' name, e.g. "WorkflowTaskCompletedEventAttributes"."""
    (kind,) = event["attributes"]
    return kind


@pytest.mark.parametrize(
    "enum_type, prefix",
    [
        (HistoryEventFilterType, "TEMPORAL_HISTORY_EVENT_FILTER_"),
        (QueryRejectCondition, "TEMPORAL_QUERY_REJECT_CONDITION_"),
        (TaskQueueType, "TEMPORAL_TASK_QUEUE_TYPE_"),
    ],
)
def test_enums_name_every_constant(enum_type, prefix):
    assert {m.name: int(m) for m in enum_type} == _native.constants(prefix)


def test_describe_has_the_counts_and_no_parent(client, task_queue, wf_id):
    run = _completed_greeting(client, task_queue, wf_id)
    d = client.describe_workflow_execution(wf_id)
    assert d["run_id"] == run.run_id and d["status"] == "COMPLETED"
    assert d["pending_activities"] == 0
    assert d["pending_children"] == 0
    assert d["callbacks"] == 0
    assert d["parent_workflow_id"] is None and d["parent_run_id"] is None


def test_history_pages_filter_and_bad_input(client, task_queue, wf_id):
    run = _completed_greeting(client, task_queue, wf_id)
    events, token = client.get_workflow_history_page(wf_id)
    assert token == ""  # one page holds a short history
    kinds = [_event_kind(e) for e in events]
    assert kinds[0] == "WorkflowExecutionStartedEventAttributes"
    assert kinds[-1] == "WorkflowExecutionCompletedEventAttributes"
    assert [e["event_id"] for e in events] == list(range(1, len(events) + 1))
    # The same as the whole-history read.
    assert events == client.get_workflow_history(wf_id)["events"]

    closing, token = client.get_workflow_history_page(
        wf_id, run.run_id, filter_type=HistoryEventFilterType.CLOSE_EVENT
    )
    assert [_event_kind(e) for e in closing] == ["WorkflowExecutionCompletedEventAttributes"]
    assert token == ""

    with pytest.raises(InvalidArgumentError, match="page token"):
        client.get_workflow_history_page(wf_id, next_page_token="not hex")
    with pytest.raises(InvalidArgumentError, match="filter type"):
        client.get_workflow_history_page(wf_id, filter_type=3)
    with pytest.raises(InvalidArgumentError, match="filter_type"):
        client.get_workflow_history_page(wf_id, filter_type=2**40)
    with pytest.raises(InvalidArgumentError):
        client.get_workflow_history_page(wf_id, filter_type="ALL")  # type: ignore[arg-type]


def test_history_long_poll_waits_for_the_next_event(client, task_queue, wf_id):
    client.execute_workflow("Counter", 2, id=wf_id, task_queue=task_queue)
    # The first workflow task done, the history stands still until the signal.
    deadline = time.monotonic() + 10
    while True:
        events, token = client.get_workflow_history_page(wf_id, wait_new_event=True)
        if any(_event_kind(e) == "WorkflowTaskCompletedEventAttributes" for e in events):
            break
        assert time.monotonic() < deadline, "the first workflow task never completed"
        time.sleep(0.1)
    assert token, "a running workflow's long-poll page has a token"

    got = []
    poll = threading.Thread(
        target=lambda: got.append(client.get_workflow_history_page(wf_id, next_page_token=token, wait_new_event=True))
    )
    started = time.monotonic()
    poll.start()
    poll.join(0.7)
    assert poll.is_alive(), f"the long poll answered before any new event: {got}"
    client.signal_workflow(wf_id, "done")
    poll.join(15)
    assert not poll.is_alive()
    new_events, _ = got[0]
    assert "WorkflowExecutionSignaledEventAttributes" in [_event_kind(e) for e in new_events]
    assert time.monotonic() - started < 10


def test_query_reject_conditions(client, task_queue, wf_id):
    run = client.execute_workflow("Counter", 5, id=wf_id, task_queue=task_queue)
    # Running: NOT_OPEN answers.
    assert client.query_workflow(wf_id, "count", reject_condition=QueryRejectCondition.NOT_OPEN) == 5
    client.signal_workflow(wf_id, "done")
    assert run.result(timeout=20) == 5

    with pytest.raises(QueryRejectedError) as rejected:
        client.query_workflow(wf_id, "count", reject_condition=QueryRejectCondition.NOT_OPEN)
    assert rejected.value.code == temporal_ffi.ErrorCode.QUERY_REJECTED
    assert rejected.value.details == {"status": "COMPLETED"}
    # Completed cleanly: NOT_COMPLETED_CLEANLY answers, as do NONE and no condition.
    for condition in (QueryRejectCondition.NOT_COMPLETED_CLEANLY, QueryRejectCondition.NONE, None):
        assert client.query_workflow(wf_id, "count", run_id=run.run_id, reject_condition=condition) == 5
    # Payloads out, as a plain query.
    (payload,) = client.query_workflow(
        wf_id, "count", reject_condition=QueryRejectCondition.NONE, result_as_payloads=True
    )
    assert payload.to_json() == 5

    with pytest.raises(InvalidArgumentError, match="query_reject_condition"):
        client.query_workflow(wf_id, "count", reject_condition=4)
    with pytest.raises(InvalidArgumentError, match="reject_condition"):
        client.query_workflow(wf_id, "count", reject_condition=True)  # a bool is not a condition


def test_search_attributes_and_health(client):
    keys = client.get_search_attributes()
    # The system attributes, and the dev server's SQL visibility's own columns (the custom
    # attributes the harness adds are aliases of these, which only OperatorService's
    # ListSearchAttributes names).
    assert keys["WorkflowId"] == "KEYWORD"
    assert keys["StartTime"] == "DATETIME"
    assert keys["HistoryLength"] == "INT"
    assert keys["Keyword01"] == "KEYWORD" and keys["Text01"] == "TEXT"
    assert keys["Bool01"] == "BOOL" and keys["Double01"] == "DOUBLE"
    assert keys["KeywordList01"] == "KEYWORD_LIST"
    assert client.check_health() is None
    assert client.check_health(timeout=5) is None


def test_describe_task_queue_shows_the_worker(client, task_queue):
    for queue_type in (TaskQueueType.WORKFLOW, TaskQueueType.ACTIVITY):
        described = client.describe_task_queue(task_queue, queue_type)
        assert described["pollers"], f"no {queue_type.name} poller on {task_queue}: {described}"
        poller = described["pollers"][0]
        assert poller["identity"]
        assert poller["last_access_time"]
        assert poller["rate_per_second"] > 0
        assert "backlog_count_hint" in described
    nobody = client.describe_task_queue(f"{task_queue}-nobody-polls")
    assert nobody["pollers"] == []
    with pytest.raises(InvalidArgumentError, match="task queue type 9"):
        client.describe_task_queue(task_queue, 9)


def test_reset_a_completed_workflow(client, task_queue, wf_id):
    run = _completed_greeting(client, task_queue, wf_id)
    events, _ = client.get_workflow_history_page(wf_id)
    first_task_done = next(
        e["event_id"] for e in events if _event_kind(e) == "WorkflowTaskCompletedEventAttributes"
    )
    new_run_id = client.reset_workflow_execution(
        wf_id, first_task_done, run_id=run.run_id, reason="test_reset_a_completed_workflow"
    )
    assert new_run_id and new_run_id != run.run_id
    # The new run is the current one, and it completes again on the worker.
    assert client.describe_workflow_execution(wf_id)["run_id"] == new_run_id
    assert client.get_workflow(wf_id, new_run_id).result(timeout=20) == "Hello Surface!"

    with pytest.raises(InvalidArgumentError, match="workflow_task_finish_event_id"):
        client.reset_workflow_execution(wf_id, 0)
    with pytest.raises(InvalidArgumentError, match="workflow_task_finish_event_id"):
        client.reset_workflow_execution(wf_id, 2**63)
    with pytest.raises(temporal_ffi.NotFoundError):
        client.reset_workflow_execution(f"{wf_id}-never-started", first_task_done)


def _unused_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Forwarder:
    """A TCP forwarder from 127.0.0.1:port to the dev server: a "server" that starts listening
    on a port only when the test says so."""

    def __init__(self, port, target):
        host, target_port = target.rsplit(":", 1)
        self.target = (host, int(target_port))
        self.listener = socket.create_server(("127.0.0.1", port))
        self.listener.settimeout(0.2)
        self.stopped = threading.Event()
        self.sockets = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while not self.stopped.is_set():
            try:
                conn, _ = self.listener.accept()
            except socket.timeout:
                continue
            upstream = socket.create_connection(self.target)
            self.sockets += [conn, upstream]
            for a, b in ((conn, upstream), (upstream, conn)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(src, dst):
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                dst.shutdown(socket.SHUT_WR)

    def close(self):
        self.stopped.set()
        self.thread.join()
        self.listener.close()
        for s in self.sockets:
            s.close()


def test_lazy_client_dials_on_first_use_and_again_after_a_failure(address):
    port = _unused_port()
    started = time.monotonic()
    lazy = Client.connect(f"127.0.0.1:{port}", lazy=True, connect_timeout=3)
    try:
        assert time.monotonic() - started < 1, "a lazy connect dialed"
        # Nothing listens: the first call dials and fails, within the connect timeout.
        with pytest.raises(UnavailableError):
            lazy.describe_workflow_execution("lazy-nothing-there", timeout=5)
        with pytest.raises(UnavailableError):
            lazy.check_health(timeout=5)
        assert time.monotonic() - started < 12
        # A server on the port now: the next call dials again and works.
        forwarder = _Forwarder(port, address)
        try:
            lazy.check_health(timeout=10)
            assert lazy.get_search_attributes(timeout=10)["WorkflowId"] == "KEYWORD"
        finally:
            forwarder.close()
    finally:
        lazy.close()
    # Bad options are still refused at once.
    with pytest.raises(InvalidArgumentError):
        Client.connect(f"127.0.0.1:{port}", lazy=True, grpc_metadata={"bad key\n": "x"})


def test_health_of_a_closed_port_is_unavailable():
    port = _unused_port()
    with Client.connect(f"127.0.0.1:{port}", lazy=True) as lazy:
        started = time.monotonic()
        with pytest.raises(UnavailableError):
            lazy.check_health(timeout=3)
        assert time.monotonic() - started < 5


def test_the_async_forms(client, task_queue, wf_id):
    _completed_greeting(client, task_queue, wf_id)

    async def main():
        events, token = await client.get_workflow_history_page_async(
            wf_id, filter_type=HistoryEventFilterType.CLOSE_EVENT
        )
        assert [_event_kind(e) for e in events] == ["WorkflowExecutionCompletedEventAttributes"]
        with pytest.raises(QueryRejectedError):
            await client.query_workflow_async(
                wf_id, "anything", reject_condition=QueryRejectCondition.NOT_OPEN
            )
        keys, queue, _ = await asyncio.gather(
            client.get_search_attributes_async(),
            client.describe_task_queue_async(task_queue),
            client.check_health_async(),
        )
        assert keys["WorkflowId"] == "KEYWORD"
        assert queue["pollers"]
        all_events, _ = await client.get_workflow_history_page_async(wf_id)
        done = next(e["event_id"] for e in all_events if _event_kind(e) == "WorkflowTaskCompletedEventAttributes")
        new_run = await client.reset_workflow_execution_async(wf_id, done, reason="async")
        assert new_run != all_events[0]["attributes"]["WorkflowExecutionStartedEventAttributes"]["first_execution_run_id"]
        lazy = await Client.connect_async("127.0.0.1:1", lazy=True)
        try:
            with pytest.raises(UnavailableError):
                await lazy.check_health_async(timeout=3)
        finally:
            lazy.close()

    asyncio.run(main())
