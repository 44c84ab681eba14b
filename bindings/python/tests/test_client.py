"""Tests of the Python binding against a real Temporal dev server and the Go test worker.

They run the installed wheel (conftest.py checks): `make python-tests`.
"""

import asyncio
import ctypes
import gc
import math
import os
import re
import shutil
import socket
import subprocess
import sys
import textwrap
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest

import temporal_ffi
from temporal_ffi import (
    AlreadyStartedError,
    Client,
    DeadlineExceededError,
    EnvconfigMode,
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

REPO_ROOT = Path(__file__).resolve().parents[3]


# ---------------------------------------------------------------------------------------------
# Library, version, ABI
# ---------------------------------------------------------------------------------------------


def _header():
    return (REPO_ROOT / "include" / "temporal.h").read_text()


def _cc():
    cc = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    assert cc, "a C compiler is needed to check the ABI against the header"
    return cc


def test_version_matches_header():
    header = _header()
    expected = re.search(r'#define TEMPORAL_FFI_VERSION "([^"]+)"', header).group(1)
    assert temporal_ffi.version() == expected
    assert temporal_ffi.__version__ == expected
    major = re.search(r"#define TEMPORAL_FFI_VERSION_MAJOR (\d+)", header).group(1)
    minor = re.search(r"#define TEMPORAL_FFI_VERSION_MINOR (\d+)", header).group(1)
    assert _native.ABI_VERSION == f"{major}.{minor}"


@pytest.mark.parametrize(
    "library, written_for, ok",
    [
        ("0.2.0", "0.2", True),
        ("0.2.7", "0.2", True),
        ("0.2.0-dev", "0.2", True),
        ("0.3.0", "0.2", False),  # 0.x: every minor may break the ABI
        ("0.1.9", "0.2", False),
        ("1.2.0", "0.2", False),
        ("1.2.0", "1.2", True),
        ("1.5.1", "1.2", True),  # from 1.0: a newer minor only adds
        ("1.1.0", "1.2", False),
        ("2.2.0", "1.2", False),
        ("", "0.2", False),
        ("garbage", "0.2", False),
    ],
)
def test_version_check_rule(library, written_for, ok):
    if ok:
        _native.check_version(library, written_for)
    else:
        with pytest.raises(ImportError) as info:
            _native.check_version(library, written_for)
        assert repr(library) in str(info.value) and f"{written_for}.x" in str(info.value)


@pytest.mark.parametrize("library_version", ["0.3.0", "0.1.0", "1.2.0"])
def test_import_refuses_another_library_version(tmp_path, library_version):
    """A library reporting another version fails the import, naming both versions."""
    src = tmp_path / "fake.c"
    src.write_text(f'const char *temporal_version(void) {{ return "{library_version}"; }}\n')
    fake = tmp_path / "libfake.so"
    subprocess.run([_cc(), "-shared", "-fPIC", str(src), "-o", str(fake)], check=True)
    done = subprocess.run(
        [sys.executable, "-c", "import temporal_ffi"],
        cwd=str(tmp_path),
        env={**os.environ, "TEMPORAL_FFI_LIB": str(fake)},
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode != 0
    assert "ImportError" in done.stderr, done.stderr
    assert f"'{library_version}'" in done.stderr and "0.2.x" in done.stderr, done.stderr


def test_error_codes_and_classes_match_library():
    name_of = lambda code: _native.borrowed_str(_native.lib.temporal_error_code_name(code))  # noqa: E731
    assert name_of(99) == "UNKNOWN"
    header_codes = {
        name[len("TEMPORAL_ERROR_CODE_"):]: int(value)
        for name, value in re.findall(r"^\s*(TEMPORAL_ERROR_CODE_\w+) = (\d+),", _header(), re.M)
    }
    # The enum is the library's names over the ABI's values: every code of the header.
    assert {c.name: int(c) for c in ErrorCode} == header_codes
    for code in ErrorCode:
        assert name_of(int(code)) == code.name
    assert set(temporal_ffi._ERROR_CLASSES) == set(header_codes.values()) - {0}
    for value, cls in temporal_ffi._ERROR_CLASSES.items():
        assert issubclass(cls, TemporalError)
        # InvalidArgumentError <-> INVALID_ARGUMENT, WorkflowTimedOutError <-> WORKFLOW_TIMED_OUT
        assert cls.__name__.lower().replace("error", "") == name_of(value).lower().replace("_", "")
    err = temporal_ffi._ERROR_CLASSES[ErrorCode.NOT_FOUND](2, "gone")
    assert str(err) == "NOT_FOUND: gone" and err.code is ErrorCode.NOT_FOUND
    unknown = TemporalError(250, "from a newer library")
    assert unknown.code == 250 and unknown.code_name == "UNKNOWN"


@pytest.mark.parametrize(
    "enum_type, prefix",
    [
        (ErrorCode, "TEMPORAL_ERROR_CODE_"),
        (WorkflowIdReusePolicy, "TEMPORAL_WORKFLOW_ID_REUSE_POLICY_"),
        (temporal_ffi.WorkflowIdConflictPolicy, "TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_"),
        (EnvconfigMode, "TEMPORAL_ENVCONFIG_MODE_"),
        (temporal_ffi.LogLevel, "TEMPORAL_LOG_LEVEL_"),
        (temporal_ffi.ActivityOutcome, "TEMPORAL_ACTIVITY_OUTCOME_"),
        (temporal_ffi.UpdateStage, "TEMPORAL_UPDATE_STAGE_"),
        (temporal_ffi.ScheduleOverlapPolicy, "TEMPORAL_SCHEDULE_OVERLAP_POLICY_"),
        (temporal_ffi.IndexedValueType, "TEMPORAL_INDEXED_VALUE_TYPE_"),
    ],
)
def test_enums_name_every_constant(enum_type, prefix):
    """The enums are written out (for type checkers): each has a member for every constant of
    _native (which the header test below checks), with its value."""
    assert {m.name: int(m) for m in enum_type} == _native.constants(prefix)


def test_struct_layouts_and_constants_match_c_header(tmp_path):
    """Compiles a C program against include/temporal.h and compares sizeof/offsetof of every
    struct with the ctypes structures, and every constant and enum value the binding mirrors,
    so a header change cannot silently break the binding."""
    header = _header()
    header_structs = set(re.findall(r"^typedef struct (temporal_\w+) \{", header, re.M))
    assert header_structs == set(_native.STRUCTS), "a struct of the header is not mirrored"
    header_values = set(re.findall(r"^\s*(TEMPORAL_[A-Z0-9_]+) = \d+,", header, re.M))
    header_values |= set(re.findall(
        r"^#define (TEMPORAL_(?:TIMEOUT|MAX|HISTORY_EVENT_FILTER|QUERY_REJECT_CONDITION|TASK_QUEUE_TYPE|SCHEDULE_OVERLAP_POLICY)_\w+) ",
        header,
        re.M,
    ))
    constants = {n: v for n, v in vars(_native).items() if n.startswith("TEMPORAL_") and isinstance(v, int)}
    assert set(constants) == header_values, "the header's constants and the binding's differ"

    lines = ["#include <stdio.h>", "#include <stddef.h>", '#include "temporal.h"', "int main(void) {"]
    expected = []
    for cname, pytype in _native.STRUCTS.items():
        lines.append(f'printf("%zu\\n", sizeof(struct {cname}));')
        expected.append(ctypes.sizeof(pytype))
        for fname, ftype in pytype._fields_:
            lines.append(f'printf("%zu\\n", offsetof(struct {cname}, {fname}));')
            expected.append(getattr(pytype, fname).offset)
            lines.append(f'printf("%zu\\n", sizeof(((struct {cname} *)0)->{fname}));')
            expected.append(ctypes.sizeof(ftype))
    for name, value in constants.items():
        lines.append(f'printf("%llu\\n", (unsigned long long)({name}));')
        expected.append(value)
    lines.append("return 0; }")
    src = tmp_path / "layout.c"
    src.write_text("\n".join(lines))
    exe = tmp_path / "layout"
    subprocess.run([_cc(), "-I", str(REPO_ROOT / "include"), str(src), "-o", str(exe)], check=True)
    got = [int(x) for x in subprocess.run([str(exe)], check=True, capture_output=True, text=True).stdout.split()]
    assert got == expected

    # The _default functions set `size` to the struct's size (and every other field to zero);
    # a struct without `size` (temporal_metric_attribute: the library fills it) has none.
    for pytype in _native.STRUCTS.values():
        if pytype._fields_[0][0] != "size":
            continue
        opts = _native.new_options(pytype)
        assert opts.size == ctypes.sizeof(pytype)
        raw = bytes(opts)[ctypes.sizeof(ctypes.c_size_t):]
        assert raw == bytes(len(raw)), pytype


def _ctypes_kind(t):
    if t is None:
        return "void"
    if t is ctypes.c_bool:
        return "bool"
    if t in (ctypes.c_void_p, ctypes.c_char_p) or issubclass(t, (ctypes._Pointer, ctypes._CFuncPtr)):
        return "pointer"
    return ("int", ctypes.sizeof(t), t(-1).value < 0)


_C_KINDS = {
    "void": "void",
    "bool": "bool",
    "uint64_t": ("int", 8, False),
    "int64_t": ("int", 8, True),
    "uint32_t": ("int", 4, False),
    "int32_t": ("int", 4, True),
    "size_t": ("int", ctypes.sizeof(ctypes.c_size_t), False),
    "enum temporal_error_code": ("int", 4, True),
}


def _c_kind(c_type: str):
    return "pointer" if "*" in c_type else _C_KINDS[c_type.replace("const ", "").strip()]


def test_function_signatures_match_c_header():
    """Every function of the header is declared in _native with as many arguments, of the
    same kinds (pointer, bool, integer width and sign), and the same kind of result."""
    text = re.sub(r"/\*.*?\*/", "", _header(), flags=re.S)
    prototypes = re.findall(r"^([A-Za-z_][\w \*]*?)\b(temporal_\w+)\s*\(([^;{]*?)\)\s*;", text, re.M)
    assert len(prototypes) > 40
    for result, name, params in prototypes:
        fn = getattr(_native.lib, name)
        assert fn.argtypes is not None, f"{name} is not declared in _native"
        c_params = [] if params.strip() == "void" else [
            re.match(r"(.*?)\w+$", " ".join(p.split())).group(1) for p in params.split(",")
        ]
        assert [_c_kind(p) for p in c_params] == [_ctypes_kind(t) for t in fn.argtypes], name
        assert _c_kind(result) == _ctypes_kind(fn.restype), name


# ---------------------------------------------------------------------------------------------
# Connecting
# ---------------------------------------------------------------------------------------------


def test_connect_and_close(address):
    with Client.connect(address, namespace="default", identity="py-test", connect_timeout=5) as c:
        assert not c.closed
    with Client.connect(address, connect_timeout=math.inf):  # TEMPORAL_TIMEOUT_NONE
        pass
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


def test_connect_envconfig_auto_loads_the_environment_without_an_address(address, monkeypatch):
    monkeypatch.setenv("TEMPORAL_ADDRESS", address)
    monkeypatch.setenv("TEMPORAL_CONFIG_FILE", "/nonexistent/temporal.toml")
    with Client.connect(connect_timeout=timedelta(seconds=5)):  # AUTO, the default
        pass
    with Client.connect(envconfig=EnvconfigMode.ON, connect_timeout=5):
        pass


def test_connect_envconfig_modes_are_passed_through(address, monkeypatch, tmp_path):
    """The library's rule, not the binding's: a broken config file shows which modes load it."""
    broken = tmp_path / "temporal.toml"
    broken.write_text("this is [[[ not toml")
    monkeypatch.setenv("TEMPORAL_CONFIG_FILE", str(broken))
    with Client.connect(address, connect_timeout=5):  # AUTO with an address: not loaded
        pass
    with Client.connect(address, envconfig=EnvconfigMode.OFF, connect_timeout=5):
        pass
    with pytest.raises(InvalidArgumentError, match="configuration"):
        Client.connect(address, envconfig=EnvconfigMode.ON, connect_timeout=5)
    with pytest.raises(InvalidArgumentError, match="configuration"):
        Client.connect(envconfig=EnvconfigMode.AUTO, connect_timeout=5)  # no address: loaded
    with pytest.raises(InvalidArgumentError):
        Client.connect(address, envconfig=7)  # the library checks the value
    with pytest.raises(InvalidArgumentError, match="EnvconfigMode"):
        Client.connect(address, envconfig=False)  # would silently read as AUTO


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


def test_connect_async(address, task_queue):
    async def main():
        client = await Client.connect_async(address, connect_timeout=5)
        with client:
            run = await client.execute_workflow_async("Echo", "async", task_queue=task_queue)
            return await run.result_async(timeout=30)

    assert asyncio.run(main()) == "async"


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


def _describe_request(workflow_id: str, run_id: str) -> bytes:
    """A DescribeWorkflowExecutionRequest's protobuf bytes, by hand (no protobuf package)."""

    def field(number: int, value: bytes) -> bytes:
        assert len(value) < 128
        return bytes([number << 3 | 2, len(value)]) + value

    execution = field(1, workflow_id.encode()) + field(2, run_id.encode())
    return field(1, b"default") + field(2, execution)


def test_static_summary_details_and_priority(client, task_queue):
    from temporal_ffi import Priority

    run = client.execute_workflow(
        "Echo", "x", task_queue=task_queue, static_summary="**nightly** report",
        static_details="line one\nline two",
        priority=Priority(priority_key=2, fairness_key="tenant-a", fairness_weight=2.5),
    )
    assert run.result(timeout=30) == "x"
    described = client.raw_rpc("WorkflowService", "DescribeWorkflowExecution",
                               _describe_request(run.id, run.run_id))
    assert b'"**nightly** report"' in described
    assert b'"line one\\nline two"' in described
    assert b"tenant-a" in described
    with pytest.raises(InvalidArgumentError, match="fairness weight"):
        client.execute_workflow("Echo", task_queue=task_queue, priority=Priority(fairness_weight=-1.0))
    with pytest.raises(InvalidArgumentError, match="priority"):
        client.execute_workflow("Echo", task_queue=task_queue, priority=Priority(priority_key=-1))


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
        assert run.run_id == ""  # never blocks: not pinned yet
        assert run.resolve_run_id() == run_id
        assert run.run_id == run_id
        assert run.result(timeout=30) == "slept"
        # With an explicit Run ID too: known at once.
        pinned = other.get_workflow(wf_id, run_id)
        assert pinned.run_id == run_id
        assert pinned.resolve_run_id() == run_id
        assert pinned.result() == "slept"
        # A result wait pins the current run as well.
        waited = other.get_workflow(wf_id)
        assert waited.result() == "slept"
        assert waited.run_id == run_id

        async def resolve():
            return await other.get_workflow(wf_id).resolve_run_id_async()

        assert asyncio.run(resolve()) == run_id


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
    assert err.failure == failure
    # The Go SDK's Error() text, from the library: no formatting of the binding's own.
    assert failure["display"] == "boom (type: MyError, retryable: false): root cause: boom"
    assert failure["cause"]["display"] == "root cause: boom"
    assert err.display == failure["display"]
    assert failure["display"] in str(err)


def test_workflow_canceled(client, task_queue, wf_id, cli):
    run = client.execute_workflow("Block", id=wf_id, task_queue=task_queue)
    cli("cancel", wf_id)
    with pytest.raises(WorkflowCanceledError) as info:
        run.result(timeout=30)
    assert info.value.details["workflow_id"] == wf_id
    assert info.value.display == "canceled"


def test_workflow_terminated(client, task_queue, wf_id, cli):
    run = client.execute_workflow("Block", id=wf_id, task_queue=task_queue)
    cli("terminate", wf_id, "--reason", "stopped by the python test")
    with pytest.raises(WorkflowTerminatedError) as info:
        run.result(timeout=30)
    assert info.value.details["reason"] == "stopped by the python test"
    assert info.value.details["workflow_id"] == wf_id
    assert info.value.display == "terminated"


def test_workflow_signal_unblocks(client, task_queue, wf_id, cli):
    run = client.execute_workflow("Block", id=wf_id, task_queue=task_queue)
    cli("signal", wf_id, "--name", "unblock", "--input", '"go"')
    assert run.result(timeout=30) == "unblocked: go"


def test_workflow_timed_out(client, task_queue):
    run = client.execute_workflow("Block", task_queue=task_queue, execution_timeout=1)
    with pytest.raises(WorkflowTimedOutError) as info:
        run.result(timeout=30)
    assert info.value.display == "Workflow timeout (type: StartToClose)"
    assert NotFoundError(2, "x").display is None


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


def test_zero_timeout_is_refused_not_one_millisecond(client, task_queue, wf_id, cli):
    run = client.execute_workflow("Block", id=wf_id, task_queue=task_queue)
    try:
        for bad in (0, 0.0, -1, timedelta(0), float("nan")):
            with pytest.raises(ValueError):
                run.result(timeout=bad)
            with pytest.raises(InvalidArgumentError):
                client.describe_workflow_execution(wf_id, timeout=bad)
        with pytest.raises(InvalidArgumentError):
            run.result(timeout=200 * 365 * 86400)  # over TEMPORAL_MAX_DURATION_MS: the library's
        with pytest.raises(InvalidArgumentError):
            run.result(timeout=2**64)  # would not fit in uint64_t
        start = time.monotonic()
        with pytest.raises(DeadlineExceededError):
            run.result(timeout=0.0001)  # rounded up to 1 ms
        assert time.monotonic() - start < 3
        assert client.describe_workflow_execution(wf_id, timeout=math.inf)["status"] == "RUNNING"
    finally:
        cli("terminate", wf_id)


@pytest.mark.parametrize(
    "value, ms",
    [
        (None, 0),  # TEMPORAL_TIMEOUT_DEFAULT
        (1, 1000),
        (1.5, 1500),
        (0.007, 7),  # the decimal value, not the binary one just above it
        (0.0001, 1),  # rounded up, never to 0 (the default)
        (1.0001, 1001),
        (timedelta(microseconds=1), 1),
        (timedelta(days=1, milliseconds=2), 86400002),
        (math.inf, 2**64 - 1),  # TEMPORAL_TIMEOUT_NONE
    ],
)
def test_timeout_vocabulary(value, ms):
    assert temporal_ffi._ms(value, "timeout", unlimited=True) == ms


def test_infinite_duration_only_where_c_has_no_limit():
    with pytest.raises(InvalidArgumentError):
        temporal_ffi._ms(math.inf, "execution_timeout")
    with pytest.raises(InvalidArgumentError):
        temporal_ffi._ms(True, "timeout")


def test_query_timeout_is_deadline_exceeded(client):
    """A workflow no worker polls never answers a query: the call timeout ends it, always as
    DEADLINE_EXCEEDED (never CANCELED, whichever side notices the deadline first: repeated,
    because the server's and the client's expiry race)."""
    no_worker = f"py-no-worker-{os.urandom(4).hex()}"
    run = client.execute_workflow("Block", task_queue=no_worker)
    codes = []
    try:
        for _ in range(8):
            start = time.monotonic()
            with pytest.raises(TemporalError) as info:
                client.query_workflow(run.id, "count", timeout=0.3)
            assert 0.25 <= time.monotonic() - start < 5
            codes.append((info.value.code_name, info.value.message))

        async def main():
            for _ in range(8):
                with pytest.raises(TemporalError) as info:
                    await client.query_workflow_async(run.id, "count", timeout=0.3)
                codes.append((info.value.code_name, info.value.message))

        asyncio.run(main())
    finally:
        client.terminate_workflow(run.id)
    assert [code for code, _ in codes] == ["DEADLINE_EXCEEDED"] * 16, codes


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
        client.execute_workflow("Echo", 1, task_queue=task_queue, start_delay=0)
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
    entered, returned = [], []  # monotonic times around each result() call
    lock = threading.Lock()

    def wait(run):
        try:
            t0 = time.monotonic()
            value = run.result(timeout=60)
            t1 = time.monotonic()
            with lock:
                results.append(value)
                entered.append(t0)
                returned.append(t1)
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
    # Concurrent, not serial: every wait was already inside the library before the first one
    # returned (an order, not a duration, so a loaded machine cannot fail it).
    assert max(entered) < min(returned), (max(entered) - start, min(returned) - start, elapsed)
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


def test_ctrl_c_stops_a_blocking_wait_and_cancels_the_call(address, task_queue):
    """On the main thread a blocking wait is interruptible (KeyboardInterrupt) and the
    interrupted call is canceled; in a child process, where a stray interrupt cannot stop pytest."""
    script = textwrap.dedent(
        """
        import _thread, sys, threading, time
        import temporal_ffi as t
        canceled = []
        real_cancel = t._lib.temporal_call_cancel
        t._lib.temporal_call_cancel = lambda call: (canceled.append(call), real_cancel(call))
        client = t.Client.connect(sys.argv[1])
        run = client.execute_workflow("Block", task_queue=sys.argv[2])
        threading.Timer(0.5, _thread.interrupt_main).start()
        start = time.monotonic()
        try:
            run.result()
            raise SystemExit("the wait ended without the interrupt")
        except KeyboardInterrupt:
            elapsed = time.monotonic() - start
        assert 0.4 < elapsed < 2, elapsed
        assert len(canceled) == 1, canceled
        client.terminate_workflow(run.id)
        print("ok")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script, address, task_queue],
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok", (done.stdout, done.stderr)


# ---------------------------------------------------------------------------------------------
# Example
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("example", ["hello_world.py", "hello_world_asyncio.py"])
@pytest.mark.parametrize("address_from", ["argument", "environment"])
def test_hello_world_examples(address, example, address_from):
    path = REPO_ROOT / "bindings" / "python" / "examples" / example
    argv = [address] if address_from == "argument" else []
    # Without an argument the library finds the server in TEMPORAL_ADDRESS (envconfig AUTO).
    env = {**os.environ, "TEMPORAL_ADDRESS": address}
    out = subprocess.run(
        [os.environ.get("PYTHON", sys.executable), str(path), *argv],
        check=True, capture_output=True, text=True, timeout=60, env=env,
    ).stdout
    assert "WorkflowID: greeting-workflow RunID: " in out
    assert "\nHello World!\n" in out
