"""The host meter (Client.connect(metric_meter=...)) against the dev server: the client's
request metrics recorded into a Python meter that collects them into dicts.

Bounds: TEMPORAL_TEST_METER_STARTS (workflow starts, default 3), TEMPORAL_TEST_METER_DESCRIBES
(describes of a missing ID, default 2) and TEMPORAL_TEST_METER_RELEASE_TIMEOUT (seconds for
the library to release the meter once its client is closed, default 5).
"""

import datetime
import logging
import os
import threading
import time
import uuid

import pytest

from temporal_ffi import (
    Client,
    NotFoundError,
    metric_meter_errors,
    metric_meters_alive,
)

STARTS = int(os.environ.get("TEMPORAL_TEST_METER_STARTS", "3"))
DESCRIBES = int(os.environ.get("TEMPORAL_TEST_METER_DESCRIBES", "2"))
RELEASE_TIMEOUT = float(os.environ.get("TEMPORAL_TEST_METER_RELEASE_TIMEOUT", "5"))


class _Instrument:
    def __init__(self, meter, name, kind):
        self.meter, self.name, self.kind = meter, name, kind

    def _put(self, value, attributes):
        with self.meter.lock:
            self.meter.records.append((self.name, self.kind, value, dict(attributes or {})))
            self.meter.threads.add(threading.get_ident())

    add = record = set = _put


class CollectingMeter:
    """The shape of temporalio.common.MetricMeter; every record kept as (name, kind, value,
    attributes)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.records = []
        self.created = {}
        self.threads = set()

    def _create(self, kind, name, description=None, unit=None):
        with self.lock:
            self.created[name] = (kind, description, unit)
        return _Instrument(self, name, kind)

    def create_counter(self, name, description=None, unit=None):
        return self._create("counter", name, description, unit)

    def create_histogram(self, name, description=None, unit=None):
        return self._create("histogram", name, description, unit)

    def create_histogram_float(self, name, description=None, unit=None):
        return self._create("histogram_float", name, description, unit)

    def create_histogram_timedelta(self, name, description=None, unit=None):
        return self._create("histogram_timedelta", name, description, unit)

    def create_gauge(self, name, description=None, unit=None):
        return self._create("gauge", name, description, unit)

    def create_gauge_float(self, name, description=None, unit=None):
        return self._create("gauge_float", name, description, unit)

    def total(self, name, **tags):
        """The sum of a counter's records whose attributes include ``tags``."""
        with self.lock:
            return sum(
                v for n, _, v, a in self.records
                if n == name and all(a.get(k) == t for k, t in tags.items())
            )

    def values(self, name, **tags):
        with self.lock:
            return [
                v for n, _, v, a in self.records
                if n == name and all(a.get(k) == t for k, t in tags.items())
            ]


def _wait_released(timeout):
    deadline = time.monotonic() + timeout
    while metric_meters_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    return metric_meters_alive()


def test_request_metrics_reach_the_meter(address, task_queue):
    assert metric_meters_alive() == 0
    meter = CollectingMeter()
    client = Client.connect(address, metric_meter=meter)
    try:
        assert metric_meters_alive() == 1
        for _ in range(STARTS):
            client.execute_workflow(
                "Sleep", 1, task_queue=task_queue, id=f"py-meter-{uuid.uuid4()}",
                execution_timeout=30,
            )
        missing = f"py-meter-no-such-workflow-{uuid.uuid4()}"
        for _ in range(DESCRIBES):
            with pytest.raises(NotFoundError):
                client.describe_workflow_execution(missing)
    finally:
        client.close()

    starts = meter.total("temporal_request", operation="StartWorkflowExecution", namespace="default")
    assert starts == STARTS, meter.records
    describes = meter.total("temporal_request", operation="DescribeWorkflowExecution")
    assert describes == DESCRIBES, meter.records
    failures = meter.total(
        "temporal_request_failure", operation="DescribeWorkflowExecution", status_code="NOT_FOUND"
    )
    assert failures == DESCRIBES, meter.records
    assert meter.total("temporal_request_failure", operation="StartWorkflowExecution") == 0
    assert meter.created["temporal_request"][0] == "counter"
    assert meter.created["temporal_request_latency"][0] == "histogram_timedelta"

    latencies = meter.values("temporal_request_latency", operation="StartWorkflowExecution")
    assert len(latencies) == STARTS, latencies
    for latency in latencies:
        assert isinstance(latency, datetime.timedelta)
        assert datetime.timedelta(0) < latency < datetime.timedelta(seconds=30), latency
    assert threading.get_ident() not in meter.threads, "recorded on the caller's thread"

    assert _wait_released(RELEASE_TIMEOUT) == 0, "the library did not release the meter"


class _RaisingMeter(CollectingMeter):
    def _create(self, kind, name, description=None, unit=None):
        if name == "temporal_request_latency":
            raise RuntimeError("create refused by the test")
        instrument = super()._create(kind, name, description, unit)
        if name == "temporal_request":
            def boom(value, attributes=None):
                raise ValueError("record refused by the test")
            instrument.add = boom
        return instrument


def test_meter_exceptions_are_swallowed_and_logged_once(address, caplog):
    meter = _RaisingMeter()
    errors_before = metric_meter_errors()
    with caplog.at_level(logging.WARNING, logger="temporal_ffi"):
        client = Client.connect(address, metric_meter=meter)
        try:
            missing = f"py-meter-raising-{uuid.uuid4()}"
            for _ in range(DESCRIBES):
                with pytest.raises(NotFoundError):
                    client.describe_workflow_execution(missing)
        finally:
            client.close()
    # Every request raised in temporal_request's add; the latency histogram was refused.
    assert metric_meter_errors() - errors_before >= DESCRIBES + 1
    logged = [r for r in caplog.records if "metric meter raised" in r.getMessage()]
    assert len(logged) == 1, [r.getMessage() for r in logged]
    # The failure counter, unaffected, still counted every describe.
    assert meter.total(
        "temporal_request_failure", operation="DescribeWorkflowExecution", status_code="NOT_FOUND"
    ) == DESCRIBES
    assert _wait_released(RELEASE_TIMEOUT) == 0


def test_connect_refused_releases_the_meter():
    with pytest.raises(Exception):
        Client.connect("127.0.0.1:1", metric_meter=CollectingMeter(), connect_timeout=1)
    assert _wait_released(RELEASE_TIMEOUT) == 0


def test_not_a_meter_is_refused():
    from temporal_ffi import InvalidArgumentError

    with pytest.raises(InvalidArgumentError):
        Client.connect("127.0.0.1:1", metric_meter=object())
    assert metric_meters_alive() == 0
