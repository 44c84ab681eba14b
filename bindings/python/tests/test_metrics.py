"""Client metrics from Python: runtime_init serves them as Prometheus text (the Go SDK's names
and tags), scraped with a real HTTP GET; every count equals the calls the script made,
failures included. Each case runs in a fresh interpreter: runtime_init works only before the
library's first use, and the test process has used it already.
"""

import subprocess
import sys
import textwrap

_SCRIPT_HEAD = """
import sys, urllib.request
import temporal_ffi as t

def scrape():
    return urllib.request.urlopen(f"http://{t.runtime_metrics_address()}/metrics", timeout=10).read().decode()

def value(text, name, *labels):
    total = None
    for line in text.splitlines():
        if not line.startswith(name + "{"):
            continue
        head, _, number = line.rpartition(" ")
        if all(label in head for label in labels):
            total = (total or 0) + float(number)
    return total
"""


def _run(body: str, *args: str) -> None:
    script = textwrap.dedent(_SCRIPT_HEAD) + textwrap.dedent(body)
    done = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("ok"), (done.stdout, done.stderr)


def test_prometheus_counts_every_call(address, task_queue):
    _run(
        """
        try:
            t.runtime_init(metrics_prometheus_address="not an address")
            raise SystemExit("a bad address was accepted")
        except t.InvalidArgumentError as e:
            assert "metrics_prometheus_address" in str(e), e
        assert t.runtime_metrics_address() is None
        t.runtime_init(
            metrics_prometheus_address="127.0.0.1:0",
            metrics_global_tags={"suite": "python"},
            metrics_durations_in_seconds=True,
        )
        assert t.runtime_metrics_address().startswith("127.0.0.1:")
        client = t.Client.connect(sys.argv[1])
        for n in range(4):
            assert client.execute_workflow("Echo", n, task_queue=sys.argv[2]).result(timeout=30) == n
        for _ in range(2):
            try:
                client.describe_workflow_execution("metrics-python-no-such-workflow")
                raise SystemExit("describing a missing workflow worked")
            except t.NotFoundError:
                pass
        text = scrape()
        start = 'operation="StartWorkflowExecution"'
        describe = 'operation="DescribeWorkflowExecution"'
        got = value(text, "temporal_request", start, 'namespace="default"', 'suite="python"')
        assert got == 4, (got, text)
        got = value(text, "temporal_request_failure", describe, 'status_code="NOT_FOUND"')
        assert got == 2, (got, text)
        assert value(text, "temporal_request_failure", start) is None, text
        assert value(text, "temporal_request_latency_count", start) == 4, text
        # In seconds: four starts against a local server take well under a minute in all.
        total = value(text, "temporal_request_latency_sum", start)
        assert 0 < total < 60, total
        print("ok")
        """,
        address,
        task_queue,
    )


def test_otlp_export_reaches_a_collector(address, task_queue):
    """The same metrics pushed over OTLP/gRPC to the test worker's receiver
    (tests/worker/otlp.go), read back from its JSON view."""
    import os
    import uuid

    suite = f"python-otlp-{uuid.uuid4().hex[:8]}"
    _run(
        """
        import json, time
        otlp, traces, suite = sys.argv[3], sys.argv[4], sys.argv[5]
        t.runtime_init(metrics_otlp_url=f"http://{otlp}", metrics_otlp_period=0.2,
                       metrics_global_tags={"suite": suite})
        client = t.Client.connect(sys.argv[1])
        for n in range(3):
            assert client.execute_workflow("Echo", n, task_queue=sys.argv[2]).result(timeout=30) == n

        def starts():
            points = json.load(urllib.request.urlopen(f"http://{traces}/otlp", timeout=10))
            return sum(p["value"] for p in points if p["name"] == "temporal_request"
                       and p["attributes"].get("suite") == suite
                       and p["attributes"].get("operation") == "StartWorkflowExecution")

        deadline = time.monotonic() + 15
        while starts() != 3 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert starts() == 3, starts()
        print("ok")
        """,
        address,
        task_queue,
        os.environ["TEMPORAL_TEST_OTLP_ADDRESS"],
        os.environ["TEMPORAL_TEST_TRACES_ADDRESS"],
        suite,
    )
