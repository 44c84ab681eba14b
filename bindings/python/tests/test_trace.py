"""Trace context: `temporal_ffi.trace_context` puts a W3C trace context in the Temporal header of
the calls made in its block, and the Go SDK worker's OpenTelemetry tracing interceptor
continues the trace (tests/worker/tracing.go serves its spans and the headers it received)."""

import asyncio
import json
import os
import time
import urllib.request
import uuid

import pytest

import temporal_ffi
from temporal_ffi import InvalidArgumentError


def worker_get(path):
    addr = os.environ.get("TEMPORAL_TEST_TRACES_ADDRESS")
    if not addr:
        pytest.fail("TEMPORAL_TEST_TRACES_ADDRESS is not set: run under tests/harness/with-dev-server.sh")
    with urllib.request.urlopen(f"http://{addr}{path}", timeout=10) as answer:
        return json.load(answer)


def tracer_data(record):
    field = record["fields"]["_tracer-data"]
    assert field["encoding"] == "json/plain"
    return json.loads(field["data"])


def spans_under(trace_id, span_id, want):
    """Names of the worker's spans whose parent is the caller's span, once `want` are there."""
    deadline = time.monotonic() + 10
    while True:
        names = {s["name"].split(":")[0] for s in worker_get(f"/spans?trace_id={trace_id}")
                 if s["parent_span_id"] == span_id}
        if want <= names or time.monotonic() > deadline:
            return names
        time.sleep(0.1)


def test_calls_in_the_block_carry_the_trace_context(client, task_queue, wf_id):
    trace_id, span_id = uuid.uuid4().hex, uuid.uuid4().hex[:16]
    carrier = {"traceparent": f"00-{trace_id}-{span_id}-01", "baggage": "user=alice"}
    with temporal_ffi.trace_context(carrier, headers={"tenant": "acme"}):
        run = client.execute_workflow("Counter", 2, task_queue=task_queue, id=wf_id)
        client.signal_workflow(wf_id, "done")
    assert run.result(timeout=30) == 2
    # Outside the block: no header.
    run2 = client.execute_workflow("Echo", 1, task_queue=task_queue, id=wf_id + "-plain")
    assert run2.result(timeout=30) == 1

    records = worker_get(f"/headers?workflow_id={wf_id}")
    kinds = {r["kind"]: r for r in records}
    for kind in ("workflow", "signal"):
        assert tracer_data(kinds[kind]) == carrier, kind
        assert kinds[kind]["fields"]["tenant"] == {"encoding": "json/plain", "data": '"acme"'}
    assert spans_under(trace_id, span_id, {"RunWorkflow", "HandleSignal"}) >= {"RunWorkflow", "HandleSignal"}
    plain = worker_get(f"/headers?workflow_id={wf_id}-plain")
    assert plain and all("_tracer-data" not in r["fields"] for r in plain)


def test_each_asyncio_task_has_its_own_trace_context(client, task_queue, wf_id):
    ids = [uuid.uuid4().hex for _ in range(2)]

    async def start(i):
        with temporal_ffi.trace_context(traceparent=f"00-{ids[i]}-{'ab' * 8}-01"):
            await asyncio.sleep(0)  # the other task runs in between
            run = await client.execute_workflow_async("Echo", i, task_queue=task_queue, id=f"{wf_id}-{i}")
        return await run.result_async(timeout=30)

    async def both():
        return await asyncio.gather(start(0), start(1))

    assert asyncio.run(both()) == [0, 1]
    for i in range(2):
        record = worker_get(f"/headers?workflow_id={wf_id}-{i}")[0]
        assert tracer_data(record)["traceparent"] == f"00-{ids[i]}-{'ab' * 8}-01"


def test_a_bad_trace_context_is_refused(client, task_queue, wf_id):
    with temporal_ffi.trace_context(traceparent="not-a-traceparent"):
        with pytest.raises(InvalidArgumentError) as info:
            client.execute_workflow("Echo", 1, task_queue=task_queue, id=wf_id)
    assert "traceparent" in str(info.value)
    with pytest.raises(InvalidArgumentError):
        with temporal_ffi.trace_context(headers={"x": object()}):
            pass
