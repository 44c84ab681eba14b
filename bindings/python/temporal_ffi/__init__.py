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

import asyncio
import ctypes
import datetime as _dt
import enum
import itertools
import json
import threading
from dataclasses import dataclass, field
from typing import Any, AsyncIterator, Iterator, Mapping, Optional, Sequence, Union

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
    "LogLevel",
    "runtime_init",
    "runtime_shutdown",
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
    raise _error_from(err)


def _error_from(err: int) -> TemporalError:
    """The exception for a non-NULL ``temporal_error *``, which it frees."""
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
    return _ERROR_CLASSES.get(code, TemporalError)(code, message, details)


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


def _start_options(
    task_queue: str,
    id: Optional[str] = None,
    execution_timeout: Optional[Duration] = None,
    run_timeout: Optional[Duration] = None,
    task_timeout: Optional[Duration] = None,
    id_reuse_policy: Union["WorkflowIdReusePolicy", int] = 0,
    id_conflict_policy: Union["WorkflowIdConflictPolicy", int] = 0,
    error_when_already_started: bool = False,
    retry_policy: Optional["RetryPolicy"] = None,
    cron_schedule: Optional[str] = None,
    memo: Optional[Mapping[str, Any]] = None,
    search_attributes: Optional[Mapping[str, Any]] = None,
    start_delay: Optional[Duration] = None,
) -> TemporalStartWorkflowOptions:
    """The ``temporal_start_workflow_options`` of :meth:`Client.execute_workflow`'s keyword
    arguments (the struct keeps the retry policy and the strings alive)."""
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

    return opts


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
# Async calls (asyncio)
# ---------------------------------------------------------------------------------------------
#
# Every `*_async` C function takes one module-level callback, `_ON_COMPLETE`, kept referenced
# for the life of the process. Its `user_data` is an integer key into `_pending` (never a
# pointer to a Python object). The callback runs on a library thread (ctypes takes the GIL),
# takes ownership of the error / result string / run it receives, converts them, removes the
# entry and hands the outcome to the future's event loop with `call_soon_threadsafe`.
#
# The coroutine that started the call owns the `temporal_call` handle: it frees it exactly
# once, when it ends. If its task is cancelled it first calls `temporal_call_cancel`; the
# callback then fires with CANCELED, cleans up the entry and the C objects, and drops the
# outcome because the future is already cancelled.


class _Pending:
    __slots__ = ("loop", "future", "convert")

    def __init__(self, loop, future, convert):
        self.loop = loop
        self.future = future
        self.convert = convert


_pending: dict = {}  # int key -> _Pending
_keys = itertools.count(1)  # 0 would arrive as NULL


def pending_calls() -> int:
    """Number of async calls whose completion callback has not run yet (for tests)."""
    return len(_pending)


def _close_quietly(obj) -> None:
    if obj is not None:
        try:
            obj.close()
        except Exception:
            pass


def _deliver(entry: _Pending, value, exc, run) -> None:
    """Runs on the entry's event loop."""
    fut = entry.future
    if fut.done():  # cancelled: nobody wants the outcome
        _close_quietly(run)
        return
    if exc is not None:
        fut.set_exception(exc)
    else:
        fut.set_result(value)


def _on_complete(user_data, err, result, run_ptr) -> None:
    # Never lets an exception escape into the library thread.
    run = None
    try:
        text = None
        exc = None
        try:
            if result:
                text = ctypes.string_at(result).decode("utf-8")
        except Exception as e:  # invalid UTF-8
            exc = e
        finally:
            if result:
                _lib.temporal_string_free(result)
        if err:
            exc = _error_from(err)  # frees it
        if run_ptr:
            run = WorkflowRun(run_ptr)  # owns (and eventually frees) it
        entry = _pending.pop(user_data or 0, None)
        if entry is None:
            _close_quietly(run)
            return
        value = None
        if exc is None:
            try:
                value = entry.convert(text, run)
            except Exception as e:
                exc = e
        if exc is not None:
            _close_quietly(run)
            run = None
        try:
            entry.loop.call_soon_threadsafe(_deliver, entry, value, exc, run)
        except RuntimeError:  # the loop is closed
            _close_quietly(run)
    except BaseException:
        _close_quietly(run)


_ON_COMPLETE = _native.CALLBACK_TYPE(_on_complete)


def _loads(text: Optional[str], run=None) -> Any:
    return json.loads(text) if text is not None else None


def _nothing(text: Optional[str], run=None) -> None:
    return None


def _the_run(text: Optional[str], run) -> "WorkflowRun":
    if run is None:
        raise InternalError(ErrorCode.INTERNAL, "the library completed without a run", None)
    return run


async def _call_async(handle: "_Handle", start, convert) -> Any:
    """Starts one async C call and awaits its callback.

    ``start(ptr, callback, user_data, call_out)`` calls the C ``*_async`` function with the
    handle's pointer and returns its ``temporal_error *``. ``convert(result_text, run)`` makes
    the value of the result (it runs on the library thread).
    """
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    key = next(_keys)
    call = ctypes.c_void_p()
    with _Use(handle) as ptr:  # the handle stays alive until the call ends
        _pending[key] = _Pending(loop, fut, convert)
        try:
            err = start(ptr, _ON_COMPLETE, ctypes.c_void_p(key), ctypes.byref(call))
        except BaseException:
            _pending.pop(key, None)
            raise
        if err:  # the callback will never run
            _pending.pop(key, None)
            _raise_if_error(err)
        try:
            return await fut
        except asyncio.CancelledError:
            _lib.temporal_call_cancel(call)  # the callback fires with CANCELED and cleans up
            raise
        finally:
            _lib.temporal_call_free(call)


def _take_string(ptr: Optional[int]) -> Optional[str]:
    """Copies and frees an owned ``char *`` output."""
    if not ptr:
        return None
    try:
        return ctypes.string_at(ptr).decode("utf-8")
    finally:
        _lib.temporal_string_free(ptr)


# ---------------------------------------------------------------------------------------------
# Runtime
# ---------------------------------------------------------------------------------------------


class LogLevel(enum.IntEnum):
    """``temporal_log_level``."""

    OFF = 0
    ERROR = 1
    WARN = 2
    INFO = 3
    DEBUG = 4
    TRACE = 5


_log_callbacks: list = []  # installed log callbacks, referenced forever (as the library does)


def runtime_init(
    worker_threads: int = 0,
    log_level: Optional[Union[LogLevel, int]] = None,
    log_callback=None,
) -> None:
    """Configures the library's runtime (``temporal_runtime_init``). Only before any other use
    of the library in this process (connect...); afterwards raises
    :class:`InvalidArgumentError` and changes nothing.

    ``worker_threads``: 0 for the number of CPUs, at most 4. ``log_callback(level, target,
    message)`` receives log events at ``log_level`` and more severe (``level`` a
    :class:`LogLevel`, ``target`` and ``message`` str); it is called on library threads, must
    be quick and its exceptions are ignored. ``log_level`` ``None``: ``INFO`` with a callback,
    else ``OFF``. An installed callback stays for the life of the process.
    """
    opts = _native.TemporalRuntimeOptions()
    _lib.temporal_runtime_options_default(ctypes.byref(opts))
    threads = int(worker_threads)
    if not 0 <= threads < 2**32:
        raise _invalid("worker_threads is out of range")
    opts.worker_threads = threads
    if log_level is None:
        log_level = LogLevel.INFO if log_callback is not None else LogLevel.OFF
    opts.log_level = int(log_level)
    c_callback = None
    if log_callback is not None:
        if not callable(log_callback):
            raise _invalid("log_callback must be callable")

        def _on_log(_user_data, level, target, message, _fn=log_callback):
            try:
                try:
                    level = LogLevel(level)
                except ValueError:
                    pass
                _fn(level, borrowed_str(target) or "", borrowed_str(message) or "")
            except BaseException:
                pass

        c_callback = _native.LOG_CALLBACK_TYPE(_on_log)
        opts.log_callback = c_callback
    err = _lib.temporal_runtime_init(ctypes.byref(opts))
    if c_callback is not None:
        _log_callbacks.append(c_callback)  # kept even if refused: cheap and always safe
    _raise_if_error(err)


def runtime_shutdown(timeout: Optional[Duration] = None) -> None:
    """Shuts the library down for this process (``temporal_runtime_shutdown``): pending calls
    end with :class:`CanceledError`, later calls raise :class:`ShutdownError`. Waits at most
    ``timeout`` seconds for the library's threads (``None``: 5). Calling it twice is a no-op.
    """
    _raise_if_error(_lib.temporal_runtime_shutdown(_ms(timeout, "timeout")))


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

    async def result_async(self, timeout: Optional[Duration] = None) -> Any:
        """:meth:`result` for asyncio (``temporal_get_result_async``): holds no thread while it
        waits. Cancelling the awaiting task cancels the wait (not the workflow)."""
        timeout_ms = 0 if timeout is None else max(1, _ms(timeout, "timeout"))
        return await _call_async(
            self._handle,
            lambda ptr, cb, ud, call: _lib.temporal_get_result_async(ptr, timeout_ms, cb, ud, call),
            _loads,
        )

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
        grpc_compression: str = "none",
    ) -> "Client":
        """Connects (``temporal_client_connect``); blocks until connected or timed out.

        ``address``: ``host:port`` (default ``localhost:7233``, or the envconfig address).
        ``tls_*`` PEMs are the certificate/key text, not file names. ``connect_timeout`` in
        seconds (default 10). ``envconfig=True`` loads ``TEMPORAL_*`` environment variables
        and the TOML config file as the official SDKs do; explicit arguments win.
        ``grpc_compression``: ``"none"`` (default) or ``"gzip"`` (the Go SDK's default; worth
        it for large payloads over slow links, about 5x the client CPU of a small call).
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
        try:
            opts.grpc_compression = {"none": 0, "gzip": 1}[grpc_compression]
        except (KeyError, TypeError):
            raise _invalid(
                f"grpc_compression must be 'none' or 'gzip', not {grpc_compression!r}"
            ) from None

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
        opts = _start_options(
            task_queue=task_queue,
            id=id,
            execution_timeout=execution_timeout,
            run_timeout=run_timeout,
            task_timeout=task_timeout,
            id_reuse_policy=id_reuse_policy,
            id_conflict_policy=id_conflict_policy,
            error_when_already_started=error_when_already_started,
            retry_policy=retry_policy,
            cron_schedule=cron_schedule,
            memo=memo,
            search_attributes=search_attributes,
            start_delay=start_delay,
        )
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


    # -- helpers -----------------------------------------------------------------------------

    def _sync_json(self, fn, *args) -> Any:
        out = ctypes.c_void_p()
        with _Use(self._handle) as ptr:
            _raise_if_error(fn(ptr, *args, ctypes.byref(out)))
        text = _take_string(out.value)
        return json.loads(text) if text is not None else None

    def _sync(self, fn, *args) -> None:
        with _Use(self._handle) as ptr:
            _raise_if_error(fn(ptr, *args))

    async def _async(self, fn, args, convert) -> Any:
        return await _call_async(
            self._handle, lambda ptr, cb, ud, call: fn(ptr, *args, cb, ud, call), convert
        )

    # -- starting ----------------------------------------------------------------------------

    async def execute_workflow_async(self, workflow_type: str, *args: Any, **start_options) -> WorkflowRun:
        """:meth:`execute_workflow` for asyncio (``temporal_execute_workflow_async``); takes
        the same keyword arguments (``task_queue`` is required)."""
        opts = _start_options(**start_options)
        c_args = (_cstr(workflow_type, "workflow_type"), _json(list(args), "args"), ctypes.byref(opts))
        return await self._async(_lib.temporal_execute_workflow_async, c_args, _the_run)

    @staticmethod
    def _signal_with_start_args(workflow_type, args, signal_name, signal_args, deadline, start_options):
        opts = _start_options(**start_options)
        return (
            _cstr(signal_name, "signal_name"),
            _json(list(signal_args), "signal_args"),
            _cstr(workflow_type, "workflow_type"),
            _json(list(args), "args"),
            ctypes.byref(opts),
            _ms(deadline, "deadline"),
        )

    def signal_with_start_workflow(
        self,
        workflow_type: str,
        *args: Any,
        signal_name: str,
        signal_args: Sequence[Any] = (),
        deadline: Optional[Duration] = None,
        **start_options,
    ) -> WorkflowRun:
        """Signals a workflow, starting it first if it is not running
        (``temporal_signal_with_start_workflow``). ``args`` are the workflow's arguments (used
        only if it is started), ``signal_args`` the signal's; ``start_options`` are
        :meth:`execute_workflow`'s keyword arguments. Returns the run that got the signal."""
        c_args = self._signal_with_start_args(
            workflow_type, args, signal_name, signal_args, deadline, start_options
        )
        out = ctypes.c_void_p()
        self._sync(_lib.temporal_signal_with_start_workflow, *c_args, ctypes.byref(out))
        return WorkflowRun(out.value)

    async def signal_with_start_workflow_async(
        self,
        workflow_type: str,
        *args: Any,
        signal_name: str,
        signal_args: Sequence[Any] = (),
        deadline: Optional[Duration] = None,
        **start_options,
    ) -> WorkflowRun:
        """:meth:`signal_with_start_workflow` for asyncio."""
        c_args = self._signal_with_start_args(
            workflow_type, args, signal_name, signal_args, deadline, start_options
        )
        return await self._async(_lib.temporal_signal_with_start_workflow_async, c_args, _the_run)

    # -- signals, queries, updates ------------------------------------------------------------

    @staticmethod
    def _signal_args(workflow_id, signal_name, args, run_id, deadline):
        return (
            _cstr(workflow_id, "workflow_id"),
            _cstr(run_id, "run_id"),
            _cstr(signal_name, "signal_name"),
            _json(list(args), "args"),
            _ms(deadline, "deadline"),
        )

    def signal_workflow(
        self,
        workflow_id: str,
        signal_name: str,
        *args: Any,
        run_id: Optional[str] = None,
        deadline: Optional[Duration] = None,
    ) -> None:
        """Sends a signal (``temporal_signal_workflow``); ``args`` are its arguments.
        ``run_id`` ``None``: the current run. ``deadline`` in seconds (``None``: 10)."""
        self._sync(_lib.temporal_signal_workflow, *self._signal_args(workflow_id, signal_name, args, run_id, deadline))

    async def signal_workflow_async(
        self,
        workflow_id: str,
        signal_name: str,
        *args: Any,
        run_id: Optional[str] = None,
        deadline: Optional[Duration] = None,
    ) -> None:
        """:meth:`signal_workflow` for asyncio."""
        c_args = self._signal_args(workflow_id, signal_name, args, run_id, deadline)
        await self._async(_lib.temporal_signal_workflow_async, c_args, _nothing)

    @staticmethod
    def _query_args(workflow_id, query_type, args, run_id, deadline):
        return (
            _cstr(workflow_id, "workflow_id"),
            _cstr(run_id, "run_id"),
            _cstr(query_type, "query_type"),
            _json(list(args), "args"),
            _ms(deadline, "deadline"),
        )

    def query_workflow(
        self,
        workflow_id: str,
        query_type: str,
        *args: Any,
        run_id: Optional[str] = None,
        deadline: Optional[Duration] = None,
    ) -> Any:
        """Queries a workflow (``temporal_query_workflow``) and returns the handler's answer,
        ``json.loads``-ed. A failing or rejected query raises :class:`QueryFailedError`."""
        c_args = self._query_args(workflow_id, query_type, args, run_id, deadline)
        return self._sync_json(_lib.temporal_query_workflow, *c_args)

    async def query_workflow_async(
        self,
        workflow_id: str,
        query_type: str,
        *args: Any,
        run_id: Optional[str] = None,
        deadline: Optional[Duration] = None,
    ) -> Any:
        """:meth:`query_workflow` for asyncio."""
        c_args = self._query_args(workflow_id, query_type, args, run_id, deadline)
        return await self._async(_lib.temporal_query_workflow_async, c_args, _loads)

    @staticmethod
    def _update_args(workflow_id, update_name, args, run_id, update_id, deadline):
        return (
            _cstr(workflow_id, "workflow_id"),
            _cstr(run_id, "run_id"),
            _cstr(update_name, "update_name"),
            _cstr(update_id, "update_id"),
            _json(list(args), "args"),
            _ms(deadline, "deadline"),
        )

    def update_workflow(
        self,
        workflow_id: str,
        update_name: str,
        *args: Any,
        run_id: Optional[str] = None,
        update_id: Optional[str] = None,
        deadline: Optional[Duration] = None,
    ) -> Any:
        """Sends an update and waits for its result (``temporal_update_workflow``), returned
        ``json.loads``-ed. A rejected or failed update raises :class:`UpdateFailedError`
        (``details["failure"]``). ``update_id`` ``None``: a UUID. ``deadline`` ``None``: none."""
        c_args = self._update_args(workflow_id, update_name, args, run_id, update_id, deadline)
        return self._sync_json(_lib.temporal_update_workflow, *c_args)

    async def update_workflow_async(
        self,
        workflow_id: str,
        update_name: str,
        *args: Any,
        run_id: Optional[str] = None,
        update_id: Optional[str] = None,
        deadline: Optional[Duration] = None,
    ) -> Any:
        """:meth:`update_workflow` for asyncio."""
        c_args = self._update_args(workflow_id, update_name, args, run_id, update_id, deadline)
        return await self._async(_lib.temporal_update_workflow_async, c_args, _loads)

    # -- cancel, terminate -------------------------------------------------------------------

    def cancel_workflow(
        self, workflow_id: str, run_id: Optional[str] = None, deadline: Optional[Duration] = None
    ) -> None:
        """Requests cancellation (``temporal_cancel_workflow``); the workflow decides how to
        stop."""
        self._sync(
            _lib.temporal_cancel_workflow,
            _cstr(workflow_id, "workflow_id"), _cstr(run_id, "run_id"), _ms(deadline, "deadline"),
        )

    async def cancel_workflow_async(
        self, workflow_id: str, run_id: Optional[str] = None, deadline: Optional[Duration] = None
    ) -> None:
        """:meth:`cancel_workflow` for asyncio."""
        c_args = (_cstr(workflow_id, "workflow_id"), _cstr(run_id, "run_id"), _ms(deadline, "deadline"))
        await self._async(_lib.temporal_cancel_workflow_async, c_args, _nothing)

    @staticmethod
    def _terminate_args(workflow_id, reason, details, run_id, deadline):
        details = list(details or ())
        return (
            _cstr(workflow_id, "workflow_id"),
            _cstr(run_id, "run_id"),
            _cstr(reason, "reason"),
            _json(details, "details") if details else None,
            _ms(deadline, "deadline"),
        )

    def terminate_workflow(
        self,
        workflow_id: str,
        reason: Optional[str] = None,
        details: Sequence[Any] = (),
        run_id: Optional[str] = None,
        deadline: Optional[Duration] = None,
    ) -> None:
        """Terminates a workflow (``temporal_terminate_workflow``)."""
        self._sync(_lib.temporal_terminate_workflow, *self._terminate_args(workflow_id, reason, details, run_id, deadline))

    async def terminate_workflow_async(
        self,
        workflow_id: str,
        reason: Optional[str] = None,
        details: Sequence[Any] = (),
        run_id: Optional[str] = None,
        deadline: Optional[Duration] = None,
    ) -> None:
        """:meth:`terminate_workflow` for asyncio."""
        c_args = self._terminate_args(workflow_id, reason, details, run_id, deadline)
        await self._async(_lib.temporal_terminate_workflow_async, c_args, _nothing)

    # -- visibility, history -----------------------------------------------------------------

    def describe_workflow_execution(
        self, workflow_id: str, run_id: Optional[str] = None, deadline: Optional[Duration] = None
    ) -> dict:
        """Describes an execution (``temporal_describe_workflow_execution``): a dict with
        ``workflow_id``, ``run_id``, ``workflow_type``, ``task_queue``, ``status``,
        ``start_time``, ``close_time``, ``history_length``, ``memo``... as the C API writes it."""
        return self._sync_json(
            _lib.temporal_describe_workflow_execution,
            _cstr(workflow_id, "workflow_id"), _cstr(run_id, "run_id"), _ms(deadline, "deadline"),
        )

    async def describe_workflow_execution_async(
        self, workflow_id: str, run_id: Optional[str] = None, deadline: Optional[Duration] = None
    ) -> dict:
        """:meth:`describe_workflow_execution` for asyncio."""
        c_args = (_cstr(workflow_id, "workflow_id"), _cstr(run_id, "run_id"), _ms(deadline, "deadline"))
        return await self._async(_lib.temporal_describe_workflow_execution_async, c_args, _loads)

    @staticmethod
    def _list_args(query, page_size, next_page_token, deadline):
        size = int(page_size)
        if not 0 <= size < 2**31:
            raise _invalid("page_size is out of range")
        return (
            _cstr(query or None, "query"),
            size,
            _cstr(next_page_token or None, "next_page_token"),
            _ms(deadline, "deadline"),
        )

    @staticmethod
    def _page(value: dict) -> tuple:
        return list(value.get("executions") or []), value.get("next_page_token") or ""

    def list_workflow_page(
        self,
        query: str = "",
        page_size: int = 0,
        next_page_token: Optional[str] = None,
        deadline: Optional[Duration] = None,
    ) -> tuple:
        """One page of :meth:`list_workflows` (``temporal_list_workflow``):
        ``(executions, next_page_token)``, the token ``""`` on the last page."""
        c_args = self._list_args(query, page_size, next_page_token, deadline)
        return self._page(self._sync_json(_lib.temporal_list_workflow, *c_args))

    async def list_workflow_page_async(
        self,
        query: str = "",
        page_size: int = 0,
        next_page_token: Optional[str] = None,
        deadline: Optional[Duration] = None,
    ) -> tuple:
        """:meth:`list_workflow_page` for asyncio."""
        c_args = self._list_args(query, page_size, next_page_token, deadline)
        return self._page(await self._async(_lib.temporal_list_workflow_async, c_args, _loads))

    def list_workflows(
        self, query: str = "", page_size: int = 0, deadline: Optional[Duration] = None
    ) -> Iterator[dict]:
        """Every execution matching a visibility query (``""``: all), as dicts (as in
        :meth:`describe_workflow_execution`), fetching pages of ``page_size`` lazily
        (0: the server's default)."""
        token = None
        while True:
            executions, token = self.list_workflow_page(query, page_size, token, deadline)
            yield from executions
            if not token:
                return

    async def list_workflows_async(
        self, query: str = "", page_size: int = 0, deadline: Optional[Duration] = None
    ) -> AsyncIterator[dict]:
        """:meth:`list_workflows` for asyncio: ``async for execution in ...``."""
        token = None
        while True:
            executions, token = await self.list_workflow_page_async(query, page_size, token, deadline)
            for execution in executions:
                yield execution
            if not token:
                return

    def count_workflows(self, query: str = "", deadline: Optional[Duration] = None) -> int:
        """How many executions match a visibility query (``temporal_count_workflow``)."""
        value = self._sync_json(
            _lib.temporal_count_workflow, _cstr(query or None, "query"), _ms(deadline, "deadline")
        )
        return int(value["count"])

    async def count_workflows_async(self, query: str = "", deadline: Optional[Duration] = None) -> int:
        """:meth:`count_workflows` for asyncio."""
        c_args = (_cstr(query or None, "query"), _ms(deadline, "deadline"))
        value = await self._async(_lib.temporal_count_workflow_async, c_args, _loads)
        return int(value["count"])

    def get_workflow_history(
        self, workflow_id: str, run_id: Optional[str] = None, deadline: Optional[Duration] = None
    ) -> dict:
        """The whole event history of a run (``None``: the current run) as the dict
        ``{"events": [...]}`` (the proto's JSON form). ``deadline`` bounds the whole fetch
        (``None``: 10 s)."""
        return self._sync_json(
            _lib.temporal_get_workflow_history,
            _cstr(workflow_id, "workflow_id"), _cstr(run_id, "run_id"), _ms(deadline, "deadline"),
        )

    async def get_workflow_history_async(
        self, workflow_id: str, run_id: Optional[str] = None, deadline: Optional[Duration] = None
    ) -> dict:
        """:meth:`get_workflow_history` for asyncio."""
        c_args = (_cstr(workflow_id, "workflow_id"), _cstr(run_id, "run_id"), _ms(deadline, "deadline"))
        return await self._async(_lib.temporal_get_workflow_history_async, c_args, _loads)
