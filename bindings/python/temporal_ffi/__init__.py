"""temporal_ffi: a thin Python (ctypes) binding of the temporal-ffi C library.

    from temporal_ffi import Client

    with Client.connect("localhost:7233") as client:
        run = client.execute_workflow("GreetingWorkflow", "World",
                                      id="greeting-workflow", task_queue="GREETING_TASK_QUEUE")
        print(run.result())          # "Hello World!"

Workflow arguments are JSON-encoded (``json.dumps``) into a JSON array, one element per
workflow parameter; results are decoded with ``json.loads``. Every C error becomes a
:class:`TemporalError` subclass chosen by its code. Durations are seconds (``int``/``float``)
or :class:`datetime.timedelta`.

All calls release the GIL while they run in the library, so any number of Python threads can
block in :meth:`WorkflowRun.result` at once. Clients and runs are thread-safe.
"""

from __future__ import annotations

import ctypes
import datetime as _dt
import enum
import json
import threading
from dataclasses import dataclass, field
from typing import Any, Mapping, Optional, Sequence, Union

from . import _native
from ._native import (
    LIBRARY_PATH,
    TemporalClientOptions,
    TemporalRetryPolicy,
    TemporalStartWorkflowOptions,
    borrowed_str,
    lib as _lib,
)

__version__ = "0.1.0"

__all__ = [
    "Client",
    "WorkflowRun",
    "RetryPolicy",
    "WorkflowIdReusePolicy",
    "WorkflowIdConflictPolicy",
    "ErrorCode",
    "TemporalError",
    "InvalidArgumentError",
    "NotFoundError",
    "AlreadyStartedError",
    "WorkflowFailedError",
    "WorkflowCanceledError",
    "WorkflowTerminatedError",
    "WorkflowTimedOutError",
    "UnavailableError",
    "DeadlineExceededError",
    "PermissionDeniedError",
    "PayloadError",
    "CanceledError",
    "RpcError",
    "InternalError",
    "UpdateFailedError",
    "QueryFailedError",
    "ShutdownError",
    "version",
    "LIBRARY_PATH",
]

Duration = Union[int, float, _dt.timedelta]


def version() -> str:
    """The version of the loaded C library (``temporal_version()``), e.g. ``"0.1.0"``."""
    return borrowed_str(_lib.temporal_version()) or ""


# ---------------------------------------------------------------------------------------------
# Enums
# ---------------------------------------------------------------------------------------------


class ErrorCode(enum.IntEnum):
    """``temporal_error_code``."""

    OK = 0
    INVALID_ARGUMENT = 1
    NOT_FOUND = 2
    ALREADY_STARTED = 3
    WORKFLOW_FAILED = 4
    WORKFLOW_CANCELED = 5
    WORKFLOW_TERMINATED = 6
    WORKFLOW_TIMED_OUT = 7
    UNAVAILABLE = 8
    DEADLINE_EXCEEDED = 9
    PERMISSION_DENIED = 10
    PAYLOAD = 11
    CANCELED = 12
    RPC = 13
    INTERNAL = 14
    UPDATE_FAILED = 15
    QUERY_FAILED = 16
    SHUTDOWN = 17


class WorkflowIdReusePolicy(enum.IntEnum):
    """``temporal_workflow_id_reuse_policy`` (the proto's numbers)."""

    UNSPECIFIED = 0
    ALLOW_DUPLICATE = 1
    ALLOW_DUPLICATE_FAILED_ONLY = 2
    REJECT_DUPLICATE = 3
    TERMINATE_IF_RUNNING = 4


class WorkflowIdConflictPolicy(enum.IntEnum):
    """``temporal_workflow_id_conflict_policy`` (the proto's numbers)."""

    UNSPECIFIED = 0
    FAIL = 1
    USE_EXISTING = 2
    TERMINATE_EXISTING = 3


# ---------------------------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------------------------


class TemporalError(Exception):
    """An error from the library: ``code`` (an :class:`ErrorCode` or int), ``message`` and
    ``details`` (the parsed ``temporal_error_get_details`` JSON object, or ``None``)."""

    def __init__(self, code: int, message: str, details: Optional[dict] = None):
        try:
            code = ErrorCode(code)
        except ValueError:
            pass
        self.code = code
        self.message = message
        self.details = details
        super().__init__(code, message, details)

    @property
    def code_name(self) -> str:
        """The code's name without prefix, e.g. ``"NOT_FOUND"`` (``temporal_error_code_name``)."""
        return borrowed_str(_lib.temporal_error_code_name(int(self.code))) or "UNKNOWN"

    def __str__(self) -> str:
        return f"{self.code_name}: {self.message}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({int(self.code)!r}, {self.message!r}, {self.details!r})"


class InvalidArgumentError(TemporalError, ValueError):
    """An argument was missing, malformed or out of range (or the server rejected it)."""


class NotFoundError(TemporalError):
    """The workflow execution (or namespace) does not exist."""


class AlreadyStartedError(TemporalError):
    """The workflow ID is already in use; ``details`` has ``workflow_id`` and ``run_id``."""


class WorkflowFailedError(TemporalError):
    """The workflow failed; ``details["failure"]`` is the failure chain."""


class WorkflowCanceledError(TemporalError):
    """The workflow was canceled."""


class WorkflowTerminatedError(TemporalError):
    """The workflow was terminated; ``details["reason"]`` is the reason."""


class WorkflowTimedOutError(TemporalError):
    """The workflow timed out."""


class UnavailableError(TemporalError):
    """The server could not be reached, or the connection failed."""


class DeadlineExceededError(TemporalError, TimeoutError):
    """The call's deadline (or the result timeout) passed before it completed."""


class PermissionDeniedError(TemporalError):
    """The server refused the credentials."""


class PayloadError(TemporalError):
    """A payload could not be encoded or decoded."""


class CanceledError(TemporalError):
    """The call was canceled."""


class RpcError(TemporalError):
    """Another gRPC error; ``details["grpc_code"]`` has its code."""


class InternalError(TemporalError):
    """A bug or unexpected state inside the library."""


class UpdateFailedError(TemporalError):
    """A workflow update was rejected or its handler failed; ``details["failure"]``."""


class QueryFailedError(TemporalError):
    """A query failed in the workflow's handler, or was rejected."""


class ShutdownError(TemporalError):
    """The library was shut down, or is used in a child process after fork()."""


_ERROR_CLASSES: dict[int, type[TemporalError]] = {
    ErrorCode.INVALID_ARGUMENT: InvalidArgumentError,
    ErrorCode.NOT_FOUND: NotFoundError,
    ErrorCode.ALREADY_STARTED: AlreadyStartedError,
    ErrorCode.WORKFLOW_FAILED: WorkflowFailedError,
    ErrorCode.WORKFLOW_CANCELED: WorkflowCanceledError,
    ErrorCode.WORKFLOW_TERMINATED: WorkflowTerminatedError,
    ErrorCode.WORKFLOW_TIMED_OUT: WorkflowTimedOutError,
    ErrorCode.UNAVAILABLE: UnavailableError,
    ErrorCode.DEADLINE_EXCEEDED: DeadlineExceededError,
    ErrorCode.PERMISSION_DENIED: PermissionDeniedError,
    ErrorCode.PAYLOAD: PayloadError,
    ErrorCode.CANCELED: CanceledError,
    ErrorCode.RPC: RpcError,
    ErrorCode.INTERNAL: InternalError,
    ErrorCode.UPDATE_FAILED: UpdateFailedError,
    ErrorCode.QUERY_FAILED: QueryFailedError,
    ErrorCode.SHUTDOWN: ShutdownError,
}


def _raise_if_error(err: Optional[int]) -> None:
    """Turns a ``temporal_error *`` into an exception, always freeing it first."""
    if not err:
        return
    try:
        code = _lib.temporal_error_get_code(err)
        message = borrowed_str(_lib.temporal_error_get_message(err)) or ""
        details_text = borrowed_str(_lib.temporal_error_get_details(err))
    finally:
        _lib.temporal_error_free(err)
    details = None
    if details_text:
        try:
            details = json.loads(details_text)
        except ValueError:
            details = {"raw": details_text}
    raise _ERROR_CLASSES.get(code, TemporalError)(code, message, details)


def _invalid(message: str) -> InvalidArgumentError:
    return InvalidArgumentError(ErrorCode.INVALID_ARGUMENT, message, None)


# ---------------------------------------------------------------------------------------------
# Conversions (Python values -> C fields)
# ---------------------------------------------------------------------------------------------


def _cstr(value: Optional[Union[str, bytes]], name: str) -> Optional[bytes]:
    """NUL-terminated UTF-8 for a borrowed ``const char *``; None stays NULL."""
    if value is None:
        return None
    if isinstance(value, str):
        value = value.encode("utf-8")
    elif not isinstance(value, (bytes, bytearray)):
        raise _invalid(f"{name} must be a str, not {type(value).__name__}")
    if b"\0" in value:
        raise _invalid(f"{name} must not contain a NUL character")
    return bytes(value)


def _json(value: Any, name: str) -> Optional[bytes]:
    if value is None:
        return None
    try:
        text = json.dumps(value)
    except (TypeError, ValueError) as exc:
        raise _invalid(f"{name} is not JSON-serializable: {exc}") from exc
    return text.encode("utf-8")


def _ms(value: Optional[Duration], name: str) -> int:
    """Seconds (or a timedelta) to whole milliseconds; None -> 0 ("not set").

    A positive duration below one millisecond becomes 1 ms, never 0 (which means "not set").
    """
    if value is None:
        return 0
    if isinstance(value, _dt.timedelta):
        seconds = value.total_seconds()
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = float(value)
    else:
        raise _invalid(f"{name} must be seconds (int/float) or a timedelta")
    if seconds != seconds or seconds < 0:  # NaN or negative
        raise _invalid(f"{name} must not be negative")
    ms = round(seconds * 1000)
    if ms == 0 and seconds > 0:
        ms = 1
    if ms >= 2**64:
        raise _invalid(f"{name} is too large")
    return ms


# ---------------------------------------------------------------------------------------------
# Handles
# ---------------------------------------------------------------------------------------------


class _Handle:
    """An owned C handle, freed once: at close() or, if calls are in flight on other threads,
    when the last of them returns. Keeps close() from freeing memory another thread uses."""

    __slots__ = ("_ptr", "_free", "_busy", "_closed", "_lock", "_what")

    def __init__(self, ptr: int, free, what: str):
        self._ptr = ptr
        self._free = free
        self._busy = 0
        self._closed = False
        self._lock = threading.Lock()
        self._what = what

    def acquire(self) -> int:
        with self._lock:
            if self._closed:
                raise _invalid(f"the {self._what} is closed")
            self._busy += 1
            return self._ptr

    def release(self) -> None:
        with self._lock:
            self._busy -= 1
            ptr = self._take_if_done()
        if ptr:
            self._free(ptr)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            ptr = self._take_if_done()
        if ptr:
            self._free(ptr)

    @property
    def closed(self) -> bool:
        return self._closed

    def _take_if_done(self) -> Optional[int]:
        if self._closed and self._busy == 0 and self._ptr:
            ptr, self._ptr = self._ptr, None
            return ptr
        return None


class _Use:
    """``with _Use(handle) as ptr:`` holds the handle alive for one call."""

    __slots__ = ("_handle",)

    def __init__(self, handle: _Handle):
        self._handle = handle

    def __enter__(self) -> int:
        return self._handle.acquire()

    def __exit__(self, *exc) -> None:
        self._handle.release()


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------


@dataclass
class RetryPolicy:
    """A workflow retry policy (``temporal_retry_policy``). ``None``/0 fields: server default.

    Intervals are seconds or timedeltas; ``maximum_attempts`` counts the first attempt
    (0: unlimited).
    """

    initial_interval: Optional[Duration] = None
    backoff_coefficient: Optional[float] = None
    maximum_interval: Optional[Duration] = None
    maximum_attempts: int = 0
    non_retryable_error_types: Sequence[str] = field(default_factory=list)

    def _to_c(self) -> TemporalRetryPolicy:
        c = TemporalRetryPolicy()
        c.initial_interval_ms = _ms(self.initial_interval, "initial_interval")
        c.backoff_coefficient = float(self.backoff_coefficient or 0.0)
        c.maximum_interval_ms = _ms(self.maximum_interval, "maximum_interval")
        attempts = int(self.maximum_attempts or 0)
        if not -(2**31) <= attempts < 2**31:
            raise _invalid("maximum_attempts is out of range")
        c.maximum_attempts = attempts
        types = list(self.non_retryable_error_types or [])
        c.non_retryable_error_types_json = _json(types, "non_retryable_error_types") if types else None
        return c


class _OwnsHandle:
    """Lifetime of a Python object that owns one library handle in ``self._handle``:
    ``close()`` frees it (idempotent, also from ``with`` and the garbage collector)."""

    _handle: "_Handle"

    def close(self) -> None:
        """Frees the library handle (idempotent)."""
        handle = getattr(self, "_handle", None)
        if handle is not None:
            handle.close()

    @property
    def closed(self) -> bool:
        return self._handle.closed

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter shutdown
            pass


class WorkflowRun(_OwnsHandle):
    """A workflow run (``temporal_workflow_run``): a Workflow ID and a Run ID.

    Obtained from :meth:`Client.execute_workflow` or :meth:`Client.get_workflow`. Frees its
    handle on :meth:`close`, on leaving a ``with`` block, or when garbage-collected. It stays
    usable after its client is closed.
    """

    def __init__(self, _ptr: int):
        self._handle = _Handle(_ptr, _lib.temporal_workflow_run_free, "workflow run")
        with _Use(self._handle) as ptr:
            self._id = borrowed_str(_lib.temporal_workflow_run_get_id(ptr)) or ""
        self._run_id: Optional[str] = None

    @property
    def id(self) -> str:
        """The Workflow ID."""
        return self._id

    @property
    def run_id(self) -> str:
        """The Run ID. For a run from :meth:`Client.get_workflow` without a Run ID, the first
        access asks the server for the current run (blocking); "" if that failed."""
        if self._run_id is None:
            with _Use(self._handle) as ptr:
                self._run_id = borrowed_str(_lib.temporal_workflow_run_get_run_id(ptr)) or ""
        return self._run_id

    def result(self, timeout: Optional[Duration] = None) -> Any:
        """Waits for the workflow to close and returns its result, ``json.loads``-ed
        (``None`` when the workflow returned nothing).

        ``timeout``: give up after this many seconds with :class:`DeadlineExceededError`
        (the workflow is not affected); ``None``: wait as long as it takes.
        Raises :class:`WorkflowFailedError`, :class:`WorkflowCanceledError`,
        :class:`WorkflowTerminatedError`, :class:`WorkflowTimedOutError`,
        :class:`NotFoundError`, :class:`PayloadError`, :class:`UnavailableError`...
        """
        timeout_ms = 0 if timeout is None else max(1, _ms(timeout, "timeout"))
        out = ctypes.c_void_p()
        with _Use(self._handle) as ptr:
            _raise_if_error(_lib.temporal_get_result(ptr, timeout_ms, ctypes.byref(out)))
        try:
            text = ctypes.string_at(out.value).decode("utf-8")
        finally:
            _lib.temporal_string_free(out.value)
        return json.loads(text)


    def __repr__(self) -> str:
        return f"WorkflowRun(id={self._id!r}, run_id={self._run_id!r})"


class Client(_OwnsHandle):
    """A connected Temporal client (``temporal_client``). Thread-safe: share one per process.

    Create with :meth:`Client.connect`; free with :meth:`close` or a ``with`` block.
    """

    def __init__(self, _ptr: int):
        self._handle = _Handle(_ptr, _lib.temporal_client_free, "client")

    @classmethod
    def connect(
        cls,
        address: Optional[str] = None,
        namespace: Optional[str] = None,
        identity: Optional[str] = None,
        api_key: Optional[str] = None,
        tls: Optional[bool] = None,
        tls_server_ca_cert: Optional[Union[str, bytes]] = None,
        tls_client_cert: Optional[Union[str, bytes]] = None,
        tls_client_key: Optional[Union[str, bytes]] = None,
        tls_server_name: Optional[str] = None,
        tls_disable_host_verification: bool = False,
        grpc_metadata: Optional[Mapping[str, str]] = None,
        connect_timeout: Optional[Duration] = None,
        envconfig: bool = False,
        envconfig_profile: Optional[str] = None,
        envconfig_file: Optional[str] = None,
    ) -> "Client":
        """Connects (``temporal_client_connect``); blocks until connected or timed out.

        ``address``: ``host:port`` (default ``localhost:7233``, or the envconfig address).
        ``tls_*`` PEMs are the certificate/key text, not file names. ``connect_timeout`` in
        seconds (default 10). ``envconfig=True`` loads ``TEMPORAL_*`` environment variables
        and the TOML config file as the official SDKs do; explicit arguments win.
        Raises :class:`UnavailableError`, :class:`DeadlineExceededError`,
        :class:`InvalidArgumentError`, :class:`PermissionDeniedError`.
        """
        opts = TemporalClientOptions()
        _lib.temporal_client_options_default(ctypes.byref(opts))
        opts.address = _cstr(address, "address")
        opts.namespace_name = _cstr(namespace, "namespace")
        opts.identity = _cstr(identity, "identity")
        opts.api_key = _cstr(api_key, "api_key")
        opts.tls = bool(tls)
        opts.tls_server_ca_cert_pem = _cstr(tls_server_ca_cert, "tls_server_ca_cert")
        opts.tls_client_cert_pem = _cstr(tls_client_cert, "tls_client_cert")
        opts.tls_client_key_pem = _cstr(tls_client_key, "tls_client_key")
        opts.tls_server_name = _cstr(tls_server_name, "tls_server_name")
        opts.tls_disable_host_verification = bool(tls_disable_host_verification)
        opts.grpc_metadata_json = _json(
            dict(grpc_metadata) if grpc_metadata is not None else None, "grpc_metadata"
        )
        opts.connect_timeout_ms = _ms(connect_timeout, "connect_timeout")
        opts.envconfig = bool(envconfig)
        opts.envconfig_profile = _cstr(envconfig_profile, "envconfig_profile")
        opts.envconfig_file = _cstr(envconfig_file, "envconfig_file")

        out = ctypes.c_void_p()
        _raise_if_error(_lib.temporal_client_connect(ctypes.byref(opts), ctypes.byref(out)))
        return cls(out.value)

    def execute_workflow(
        self,
        workflow_type: str,
        *args: Any,
        task_queue: str,
        id: Optional[str] = None,
        execution_timeout: Optional[Duration] = None,
        run_timeout: Optional[Duration] = None,
        task_timeout: Optional[Duration] = None,
        id_reuse_policy: Union[WorkflowIdReusePolicy, int] = WorkflowIdReusePolicy.UNSPECIFIED,
        id_conflict_policy: Union[WorkflowIdConflictPolicy, int] = WorkflowIdConflictPolicy.UNSPECIFIED,
        error_when_already_started: bool = False,
        retry_policy: Optional[RetryPolicy] = None,
        cron_schedule: Optional[str] = None,
        memo: Optional[Mapping[str, Any]] = None,
        search_attributes: Optional[Mapping[str, Any]] = None,
        start_delay: Optional[Duration] = None,
    ) -> WorkflowRun:
        """Starts a workflow (``temporal_execute_workflow``) and returns its run as soon as
        the server accepted the start; call :meth:`WorkflowRun.result` to wait.

        ``args`` are the workflow's arguments, one per parameter, sent as the JSON array
        ``json.dumps(list(args))``. Without ``id`` a random UUID is used. If the ID is already
        running, the run of that execution is returned, unless ``error_when_already_started``
        (then :class:`AlreadyStartedError`).
        """
        opts = TemporalStartWorkflowOptions()
        _lib.temporal_start_workflow_options_default(ctypes.byref(opts))
        opts.id = _cstr(id, "id")
        opts.task_queue = _cstr(task_queue, "task_queue")
        opts.execution_timeout_ms = _ms(execution_timeout, "execution_timeout")
        opts.run_timeout_ms = _ms(run_timeout, "run_timeout")
        opts.task_timeout_ms = _ms(task_timeout, "task_timeout")
        opts.id_reuse_policy = int(id_reuse_policy)
        opts.id_conflict_policy = int(id_conflict_policy)
        opts.error_when_already_started = bool(error_when_already_started)
        if retry_policy is not None:
            c_retry = retry_policy._to_c()  # kept alive by the struct's reference
            opts.retry_policy = ctypes.pointer(c_retry)
        opts.cron_schedule = _cstr(cron_schedule, "cron_schedule")
        opts.memo_json = _json(dict(memo) if memo is not None else None, "memo")
        opts.search_attributes_json = _json(
            dict(search_attributes) if search_attributes is not None else None,
            "search_attributes",
        )
        opts.start_delay_ms = _ms(start_delay, "start_delay")

        c_type = _cstr(workflow_type, "workflow_type")
        c_args = _json(list(args), "args")
        out = ctypes.c_void_p()
        with _Use(self._handle) as ptr:
            _raise_if_error(
                _lib.temporal_execute_workflow(
                    ptr, c_type, c_args, ctypes.byref(opts), ctypes.byref(out)
                )
            )
        return WorkflowRun(out.value)

    def get_workflow(self, workflow_id: str, run_id: Optional[str] = None) -> WorkflowRun:
        """A run for an existing workflow (``temporal_get_workflow``), by ID (and optionally
        Run ID; ``None``: the latest run). Makes no call to the server."""
        c_id = _cstr(workflow_id, "workflow_id")
        c_run_id = _cstr(run_id, "run_id")
        out = ctypes.c_void_p()
        with _Use(self._handle) as ptr:
            _raise_if_error(_lib.temporal_get_workflow(ptr, c_id, c_run_id, ctypes.byref(out)))
        return WorkflowRun(out.value)

