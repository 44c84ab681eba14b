"""Tests of the Python binding against a real Temporal dev server and the Go test worker.

Run from the repository root:
    tests/harness/with-dev-server.sh python3 -m pytest -q bindings/python/tests
"""

import ctypes
import gc
import os
import re
import shutil
import socket
import subprocess
import threading
import time
from datetime import timedelta

import pytest

import temporal_ffi
from temporal_ffi import (
    AlreadyStartedError,
    Client,
    DeadlineExceededError,
    ErrorCode,
    InvalidArgumentError,
    NotFoundError,
    PayloadError,
    RetryPolicy,
    TemporalError,
    UnavailableError,
    WorkflowCanceledError,
    WorkflowFailedError,
    WorkflowIdReusePolicy,
    WorkflowRun,
    WorkflowTerminatedError,
    WorkflowTimedOutError,
)
from temporal_ffi import _native

from conftest import REPO_ROOT


# ---------------------------------------------------------------------------------------------
# Library, version, ABI
# ---------------------------------------------------------------------------------------------


def test_version_matches_header():
    header = (REPO_ROOT / "include" / "temporal.h").read_text()
    expected = re.search(r'#define TEMPORAL_FFI_VERSION "([^"]+)"', header).group(1)
    assert temporal_ffi.version() == expected
    assert temporal_ffi.__version__ == expected


def test_error_codes_and_classes_match_library():
    assert _native.borrowed_str(_native.lib.temporal_error_code_name(99)) == "UNKNOWN"
    for code in ErrorCode:
        name = _native.borrowed_str(_native.lib.temporal_error_code_name(int(code)))
        assert name == code.name
        if code == ErrorCode.OK:
            continue
        cls = temporal_ffi._ERROR_CLASSES[code]
        assert issubclass(cls, TemporalError)
        # InvalidArgumentError <-> INVALID_ARGUMENT, WorkflowTimedOutError <-> WORKFLOW_TIMED_OUT
        assert cls.__name__.lower().replace("error", "") == code.name.lower().replace("_", "")


def test_struct_layout_matches_c_header(tmp_path):
    """Compiles a C program against include/temporal.h and compares sizeof/offsetof with the
    ctypes structures, so a header change cannot silently break the binding."""
    cc = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    assert cc, "a C compiler is needed to check the ABI layout"
    structs = {
        "temporal_client_options": _native.TemporalClientOptions,
        "temporal_retry_policy": _native.TemporalRetryPolicy,
        "temporal_start_workflow_options": _native.TemporalStartWorkflowOptions,
        "temporal_runtime_options": _native.TemporalRuntimeOptions,
    }
    lines = ["#include <stdio.h>", "#include <stddef.h>", '#include "temporal.h"', "int main(void) {"]
    expected = []
    for cname, pytype in structs.items():
        lines.append(f'printf("%zu\\n", sizeof(struct {cname}));')
        expected.append(ctypes.sizeof(pytype))
        for fname, _ in pytype._fields_:
            lines.append(f'printf("%zu\\n", offsetof(struct {cname}, {fname}));')
            expected.append(getattr(pytype, fname).offset)
    lines.append("return 0; }")
    src = tmp_path / "layout.c"
    src.write_text("\n".join(lines))
    exe = tmp_path / "layout"
    subprocess.run([cc, "-I", str(REPO_ROOT / "include"), str(src), "-o", str(exe)], check=True)
    got = [int(x) for x in subprocess.run([str(exe)], check=True, capture_output=True, text=True).stdout.split()]
    assert got == expected


# ---------------------------------------------------------------------------------------------
# Connecting
# ---------------------------------------------------------------------------------------------


def test_connect_and_close(address):
    with Client.connect(address, namespace="default", identity="py-test", connect_timeout=5) as c:
        assert not c.closed
    assert c.closed
    c.close()  # idempotent
    with pytest.raises(InvalidArgumentError):
        c.get_workflow("x")


def test_connect_with_gzip_compression(address, task_queue):
    with Client.connect(address, grpc_compression="gzip") as c:
        run = c.execute_workflow("Echo", "zipped " * 1000, task_queue=task_queue)
        assert run.result() == "zipped " * 1000
    with pytest.raises(InvalidArgumentError, match="grpc_compression"):
        Client.connect(address, grpc_compression="zstd")


def test_connect_envconfig(address, monkeypatch):
    monkeypatch.setenv("TEMPORAL_ADDRESS", address)
    monkeypatch.setenv("TEMPORAL_CONFIG_FILE", "/nonexistent/temporal.toml")
    with Client.connect(envconfig=True, connect_timeout=timedelta(seconds=5)):
        pass


def test_connect_dead_port_is_unavailable():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    start = time.monotonic()
    with pytest.raises(UnavailableError) as info:
        Client.connect(f"127.0.0.1:{port}", connect_timeout=5)
    assert time.monotonic() - start < 5
    assert info.value.code == ErrorCode.UNAVAILABLE
    assert info.value.message


def test_connect_metadata(address):
    with Client.connect(address, grpc_metadata={"x-test-header": "python"}):
        pass
    with pytest.raises(InvalidArgumentError):
        Client.connect(address, grpc_metadata={"bad key\n": "v"}, connect_timeout=5)


# ---------------------------------------------------------------------------------------------
# Executing workflows and getting results
# ---------------------------------------------------------------------------------------------


def test_execute_greeting(client, task_queue, wf_id):
    run = client.execute_workflow("GreetingWorkflow", "World", id=wf_id, task_queue=task_queue)
    assert isinstance(run, WorkflowRun)
    assert run.id == wf_id
    assert re.fullmatch(r"[0-9a-f-]{36}", run.run_id)
    assert run.result() == "Hello World!"
    assert run.result(timeout=5) == "Hello World!"  # a closed workflow can be read again
    run.close()
    assert run.closed
    run.close()
    with pytest.raises(InvalidArgumentError):
        run.result()


def test_random_id_when_none_given(client, task_queue):
    with client.execute_workflow("GreetingWorkflow", "Ünïcode ✓", task_queue=task_queue) as run:
        assert run.id
        assert run.result() == "Hello Ünïcode ✓!"


def test_transfer_money_with_dict_argument(client, task_queue, wf_id):
    details = {"Amount": 250.5, "FromAccount": "85-150", "ToAccount": "43-812", "ReferenceID": "ref-1"}
    run = client.execute_workflow("TransferMoney", details, id=wf_id, task_queue=task_queue)
    assert run.result() == "Transfer complete (transaction IDs: ref-1-withdrawal, ref-1-deposit)"


def test_several_typed_arguments(client, task_queue):
    run = client.execute_workflow("Concat", "x", 7, True, {"k": [1, 2]}, task_queue=task_queue)
    assert run.result() == {"a": "x", "b": 7, "c": True, "d": {"k": [1, 2]}}


def test_echo_and_null_results(client, task_queue):
    value = {"nested": [1, 2.5, "three", None, {"ok": True}]}
    assert client.execute_workflow("Echo", value, task_queue=task_queue).result() == value
    assert client.execute_workflow("Echo", None, task_queue=task_queue).result() is None
    assert client.execute_workflow("NoResult", task_queue=task_queue).result() is None


def test_bytes_result_is_base64_json_string(client, task_queue):
    import base64

    result = client.execute_workflow("ReturnBytes", task_queue=task_queue).result(timeout=30)
    assert base64.b64decode(result) == b"raw bytes"


def test_continue_as_new_is_followed(client, task_queue):
    assert client.execute_workflow("ContinueAsNew", 3, 0, task_queue=task_queue).result() == 3


def test_retry_policy(client, task_queue):
    policy = RetryPolicy(initial_interval=0.1, backoff_coefficient=1.0, maximum_attempts=2)
    run = client.execute_workflow("FailFirstAttempt", task_queue=task_queue, retry_policy=policy)
    assert run.result(timeout=30) == "succeeded on attempt 2"


def test_memo_and_search_attributes(client, task_queue):
    run = client.execute_workflow(
        "GetMemoAndSearchInfo",
        task_queue=task_queue,
        memo={"owner": "python", "n": 3},
        search_attributes={"CustomKeywordField": "py-kw", "CustomIntField": 42},
        execution_timeout=60,
        run_timeout=timedelta(seconds=60),
        task_timeout=10,
    )
    info = run.result(timeout=30)
    assert info["memo"] == {"owner": "python", "n": 3}
    assert info["searchAttributes"]["CustomKeywordField"] == "py-kw"
    assert info["searchAttributes"]["CustomIntField"] == 42
    assert info["taskQueue"] == task_queue
    assert info["workflowType"] == "GetMemoAndSearchInfo"


def test_start_delay(client, task_queue):
    start = time.monotonic()
    run = client.execute_workflow("Echo", 1, task_queue=task_queue, start_delay=1.5)
    assert run.result(timeout=30) == 1
    assert time.monotonic() - start >= 1.4


def test_undecodable_result_is_payload_error(client, task_queue):
    with pytest.raises(PayloadError):
        client.execute_workflow("CustomEncoding", task_queue=task_queue).result(timeout=30)


# ---------------------------------------------------------------------------------------------
# Reattaching
# ---------------------------------------------------------------------------------------------


def test_reattach_by_id_only(address, client, task_queue, wf_id):
    first = client.execute_workflow("Sleep", 1000, id=wf_id, task_queue=task_queue)
    run_id = first.run_id
    del first
    gc.collect()  # the first handle is freed by __del__

    # Another client, as another process would: only the Workflow ID is known.
    with Client.connect(address) as other:
        run = other.get_workflow(wf_id)
        assert run.id == wf_id
        assert run.run_id == run_id
        assert run.result(timeout=30) == "slept"
        # With an explicit Run ID too.
        assert other.get_workflow(wf_id, run_id).result() == "slept"


def test_get_workflow_unknown_id_is_not_found(client):
    run = client.get_workflow("py-does-not-exist-" + os.urandom(4).hex())
    with pytest.raises(NotFoundError):
        run.result(timeout=10)
    assert run.run_id == ""


def test_already_started_reattaches_or_raises(client, task_queue, wf_id, cli):
    first = client.execute_workflow("Block", id=wf_id, task_queue=task_queue)
    try:
        again = client.execute_workflow("Block", id=wf_id, task_queue=task_queue)
        assert again.id == wf_id
        assert again.run_id == first.run_id

        with pytest.raises(AlreadyStartedError) as info:
            client.execute_workflow(
                "Block", id=wf_id, task_queue=task_queue, error_when_already_started=True
            )
        assert info.value.code == ErrorCode.ALREADY_STARTED
        assert info.value.details["workflow_id"] == wf_id
        assert info.value.details["run_id"] == first.run_id
    finally:
        cli("terminate", wf_id, "--reason", "test cleanup")


def test_reject_duplicate_reuse_policy(client, task_queue, wf_id):
    first = client.execute_workflow("Echo", 1, id=wf_id, task_queue=task_queue)
    assert first.result(timeout=30) == 1
    with pytest.raises(AlreadyStartedError) as info:
        client.execute_workflow(
            "Echo", 2, id=wf_id, task_queue=task_queue,
            id_reuse_policy=WorkflowIdReusePolicy.REJECT_DUPLICATE,
            error_when_already_started=True,
        )
    assert info.value.details["run_id"] == first.run_id


# ---------------------------------------------------------------------------------------------
# Workflow outcomes as errors
# ---------------------------------------------------------------------------------------------


def test_workflow_failed(client, task_queue, wf_id):
    run = client.execute_workflow("Fail", "boom", "MyError", True, id=wf_id, task_queue=task_queue)
    with pytest.raises(WorkflowFailedError) as info:
        run.result(timeout=30)
    err = info.value
    assert err.code == ErrorCode.WORKFLOW_FAILED
    assert err.details["workflow_id"] == wf_id
    assert err.details["run_id"] == run.run_id
    failure = err.details["failure"]
    assert failure["type"] == "MyError"
    assert failure["message"] == "boom"
    assert failure["non_retryable"] is True
    assert "root cause: boom" in str(failure.get("cause"))
    assert "boom" in str(err)


def test_workflow_canceled(client, task_queue, wf_id, cli):
    run = client.execute_workflow("Block", id=wf_id, task_queue=task_queue)
    cli("cancel", wf_id)
    with pytest.raises(WorkflowCanceledError) as info:
        run.result(timeout=30)
    assert info.value.details["workflow_id"] == wf_id


def test_workflow_terminated(client, task_queue, wf_id, cli):
    run = client.execute_workflow("Block", id=wf_id, task_queue=task_queue)
    cli("terminate", wf_id, "--reason", "stopped by the python test")
    with pytest.raises(WorkflowTerminatedError) as info:
        run.result(timeout=30)
    assert info.value.details["reason"] == "stopped by the python test"
    assert info.value.details["workflow_id"] == wf_id


def test_workflow_signal_unblocks(client, task_queue, wf_id, cli):
    run = client.execute_workflow("Block", id=wf_id, task_queue=task_queue)
    cli("signal", wf_id, "--name", "unblock", "--input", '"go"')
    assert run.result(timeout=30) == "unblocked: go"


def test_workflow_timed_out(client, task_queue):
    run = client.execute_workflow("Block", task_queue=task_queue, execution_timeout=1)
    with pytest.raises(WorkflowTimedOutError):
        run.result(timeout=30)


def test_result_timeout_is_deadline_exceeded(client, task_queue, wf_id, cli):
    run = client.execute_workflow("Block", id=wf_id, task_queue=task_queue)
    try:
        start = time.monotonic()
        with pytest.raises(DeadlineExceededError) as info:
            run.result(timeout=0.5)
        elapsed = time.monotonic() - start
        assert 0.4 <= elapsed < 3, elapsed
        assert isinstance(info.value, TimeoutError)
    finally:
        cli("terminate", wf_id)


# ---------------------------------------------------------------------------------------------
# Invalid arguments
# ---------------------------------------------------------------------------------------------


def test_missing_task_queue_is_invalid_argument(client):
    with pytest.raises(InvalidArgumentError) as info:
        client.execute_workflow("GreetingWorkflow", "World", task_queue="")
    assert info.value.code == ErrorCode.INVALID_ARGUMENT
    assert isinstance(info.value, ValueError)
    with pytest.raises(InvalidArgumentError):
        client.execute_workflow("GreetingWorkflow", "World", task_queue=None)


def test_invalid_arguments_are_rejected(client, task_queue):
    with pytest.raises(InvalidArgumentError):
        client.execute_workflow("", task_queue=task_queue)
    with pytest.raises(InvalidArgumentError):
        client.execute_workflow("Echo", object(), task_queue=task_queue)  # not JSON
    with pytest.raises(InvalidArgumentError):
        client.execute_workflow("Echo", 1, task_queue="a\0b")
    with pytest.raises(InvalidArgumentError):
        client.execute_workflow("Echo", 1, task_queue=task_queue, execution_timeout=-1)
    with pytest.raises(InvalidArgumentError):
        client.get_workflow("")


# ---------------------------------------------------------------------------------------------
# Threads: blocking calls release the GIL
# ---------------------------------------------------------------------------------------------


def test_threads_wait_concurrently(client, task_queue):
    sleep_ms = 2000
    n = 8
    runs = [client.execute_workflow("Sleep", sleep_ms, task_queue=task_queue) for _ in range(n)]
    shared = runs[0]
    results, errors = [], []
    lock = threading.Lock()

    def wait(run):
        try:
            value = run.result(timeout=60)
            with lock:
                results.append(value)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=wait, args=(r,)) for r in runs]
    threads += [threading.Thread(target=wait, args=(shared,)) for _ in range(n)]  # 8 on one run
    start = time.monotonic()
    for t in threads:
        t.start()

    # While they all block inside the library, this thread still runs Python code: the GIL is free.
    spins = 0
    while any(t.is_alive() for t in threads) and time.monotonic() - start < 60:
        spins += 1
    elapsed = time.monotonic() - start
    for t in threads:
        t.join()

    assert not errors, errors
    assert results == ["slept"] * (2 * n)
    # Serially this would take n * 2 s = 16 s; concurrently about one sleep (the bound leaves
    # room for a loaded CI machine while staying far from serial).
    assert elapsed < sleep_ms / 1000 * n / 2, elapsed
    assert spins > 10000, spins


def test_close_while_other_thread_waits_is_safe(address, task_queue, wf_id, cli):
    """close() while another thread is inside result() defers the free until it returns."""
    c = Client.connect(address)
    run = c.execute_workflow("Block", id=wf_id, task_queue=task_queue)
    box = {}

    def wait():
        try:
            box["value"] = run.result(timeout=30)
        except Exception as exc:
            box["error"] = exc

    t = threading.Thread(target=wait)
    t.start()
    time.sleep(0.3)
    run.close()
    c.close()
    assert t.is_alive()
    cli("signal", wf_id, "--name", "unblock", "--input", '"late"')
    t.join(30)
    assert box == {"value": "unblocked: late"}


# ---------------------------------------------------------------------------------------------
# Example
# ---------------------------------------------------------------------------------------------


def test_hello_world_example(address):
    example = REPO_ROOT / "bindings" / "python" / "examples" / "hello_world.py"
    out = subprocess.run(
        [os.environ.get("PYTHON", "python3"), str(example), address],
        check=True, capture_output=True, text=True, timeout=60,
    ).stdout
    assert "WorkflowID: greeting-workflow RunID: " in out
    assert "\nHello World!\n" in out
