"""temporal_ffi: a thin Python (ctypes) binding of the temporal-ffi C library.

    from temporal_ffi import Client

    with Client.connect("localhost:7233") as client:
        run = client.execute_workflow("GreetingWorkflow", "World",
                                      id="greeting-workflow", task_queue="GREETING_TASK_QUEUE")
        print(run.result())          # "Hello World!"

Workflow arguments are JSON-encoded (``json.dumps``) into a JSON array, one element per
workflow parameter; results are decoded with ``json.loads``. Every C error becomes a
:class:`TemporalError` subclass chosen by its code.

Durations are seconds (``int``/``float``) or :class:`datetime.timedelta`, rounded up to whole
milliseconds. ``None`` means the default the C API documents for that argument (for a call's
``timeout``: 10 s for one request, no limit for a result wait or an update); ``math.inf`` means
no limit where the C API has one (call timeouts); zero and negative durations raise
:class:`InvalidArgumentError` (a ``ValueError``).

Payloads, for values JSON cannot say or a converter of your own: the calls that send arguments
take ``arg_payloads=[Payload(metadata, data), ...]`` instead of them, and the result reads take
``result_as_payloads=True`` (a list of :class:`Payload`). ``Client.connect(payload_codec=...)``
runs every payload through a :class:`PayloadCodec` (encryption, compression), as the Go SDK's
``CodecDataConverter`` does; examples/encryption_codec.py is the Go samples' AES-GCM codec.

Every operation is one C call (``temporal_*_async``). The blocking method waits for it with
``temporal_call_wait``, which releases the GIL, so any number of Python threads can block at
once. The ``_async`` twin posts the same call to a completion queue of the running event loop,
whose file descriptor the loop watches: completions are handled on the loop's own thread.
Clients, runs and update handles are thread-safe.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import ctypes
import datetime as _dt
import decimal
import enum
import itertools
import json
import logging
import math
import os
import threading
from dataclasses import dataclass, field
from typing import (
    TYPE_CHECKING,
    Any,
    AsyncIterator,
    Callable,
    Generic,
    Iterator,
    Mapping,
    Optional,
    Protocol,
    Sequence,
    Tuple,
    TypeVar,
    Union,
)

from . import _native
from ._native import (
    LIBRARY_PATH,
    TemporalActivityCompletion,
    TemporalCallOptions,
    TemporalClientOptions,
    TemporalRetryPolicy,
    TemporalSearchAttribute,
    TemporalStartWorkflowOptions,
    TemporalUpdateOptions,
    borrowed_str,
    lib as _lib,
)

__version__ = "0.2.0"

__all__ = [
    "Client",
    "WorkflowRun",
    "UpdateHandle",
    "UpdateStage",
    "RetryPolicy",
    "Priority",
    "IndexedValueType",
    "SearchAttribute",
    "WorkerDeploymentVersion",
    "PinnedVersioningOverride",
    "AutoUpgradeVersioningOverride",
    "WorkflowIdReusePolicy",
    "WorkflowIdConflictPolicy",
    "ScheduleHandle",
    "Schedule",
    "ScheduleSpec",
    "ScheduleIntervalSpec",
    "ScheduleCalendarSpec",
    "ScheduleActionStartWorkflow",
    "SchedulePolicy",
    "ScheduleState",
    "ScheduleBackfill",
    "ScheduleOverlapPolicy",
    "EnvconfigMode",
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
    "QueryRejectedError",
    "AlreadyExistsError",
    "ShutdownError",
    "ActivityOutcome",
    "HistoryEventFilterType",
    "QueryRejectCondition",
    "TaskQueueType",
    "ApplicationError",
    "ActivityCanceledError",
    "ActivityPausedError",
    "ActivityResetError",
    "LogLevel",
    "runtime_init",
    "runtime_shutdown",
    "runtime_metrics_address",
    "version",
    "pending_calls",
    "trace_context",
    "Payload",
    "PayloadCodec",
    "payload_codecs_alive",
    "MetricMeter",
    "MetricAttributes",
    "metric_meters_alive",
    "metric_meter_errors",
    "LIBRARY_PATH",
]

Duration = Union[int, float, _dt.timedelta]
# A decoded JSON object, as the library writes them (describe, list, history, error details).
JsonObject = dict[str, Any]


def version() -> str:
    """The version of the loaded C library (``temporal_version()``), e.g. ``"0.2.0"``. The
    import already checked that it is a 0.2 library."""
    return _native.LIBRARY_VERSION


# ---------------------------------------------------------------------------------------------
# Enums
# ---------------------------------------------------------------------------------------------


# Written out so that type checkers know the members; the numbers are `_native`'s (checked
# against the header) and tests/test_client.py checks the names against the library's
# (`temporal_error_code_name`) and that every constant of `_native` has its member.


class ErrorCode(enum.IntEnum):
    """``temporal_error_code``: the values of the C ABI, named as ``temporal_error_code_name``
    names them."""

    OK = _native.TEMPORAL_ERROR_CODE_OK
    INVALID_ARGUMENT = _native.TEMPORAL_ERROR_CODE_INVALID_ARGUMENT
    NOT_FOUND = _native.TEMPORAL_ERROR_CODE_NOT_FOUND
    ALREADY_STARTED = _native.TEMPORAL_ERROR_CODE_ALREADY_STARTED
    WORKFLOW_FAILED = _native.TEMPORAL_ERROR_CODE_WORKFLOW_FAILED
    WORKFLOW_CANCELED = _native.TEMPORAL_ERROR_CODE_WORKFLOW_CANCELED
    WORKFLOW_TERMINATED = _native.TEMPORAL_ERROR_CODE_WORKFLOW_TERMINATED
    WORKFLOW_TIMED_OUT = _native.TEMPORAL_ERROR_CODE_WORKFLOW_TIMED_OUT
    UNAVAILABLE = _native.TEMPORAL_ERROR_CODE_UNAVAILABLE
    DEADLINE_EXCEEDED = _native.TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED
    PERMISSION_DENIED = _native.TEMPORAL_ERROR_CODE_PERMISSION_DENIED
    PAYLOAD = _native.TEMPORAL_ERROR_CODE_PAYLOAD
    CANCELED = _native.TEMPORAL_ERROR_CODE_CANCELED
    RPC = _native.TEMPORAL_ERROR_CODE_RPC
    INTERNAL = _native.TEMPORAL_ERROR_CODE_INTERNAL
    UPDATE_FAILED = _native.TEMPORAL_ERROR_CODE_UPDATE_FAILED
    QUERY_FAILED = _native.TEMPORAL_ERROR_CODE_QUERY_FAILED
    SHUTDOWN = _native.TEMPORAL_ERROR_CODE_SHUTDOWN
    QUERY_REJECTED = _native.TEMPORAL_ERROR_CODE_QUERY_REJECTED
    ALREADY_EXISTS = _native.TEMPORAL_ERROR_CODE_ALREADY_EXISTS


class WorkflowIdReusePolicy(enum.IntEnum):
    """``temporal_workflow_id_reuse_policy`` (the proto's numbers)."""

    UNSPECIFIED = _native.TEMPORAL_WORKFLOW_ID_REUSE_POLICY_UNSPECIFIED
    ALLOW_DUPLICATE = _native.TEMPORAL_WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE
    ALLOW_DUPLICATE_FAILED_ONLY = _native.TEMPORAL_WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY
    REJECT_DUPLICATE = _native.TEMPORAL_WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE
    TERMINATE_IF_RUNNING = _native.TEMPORAL_WORKFLOW_ID_REUSE_POLICY_TERMINATE_IF_RUNNING


class WorkflowIdConflictPolicy(enum.IntEnum):
    """``temporal_workflow_id_conflict_policy`` (the proto's numbers)."""

    UNSPECIFIED = _native.TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_UNSPECIFIED
    FAIL = _native.TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_FAIL
    USE_EXISTING = _native.TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING
    TERMINATE_EXISTING = _native.TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING


class ScheduleOverlapPolicy(enum.IntEnum):
    """``TEMPORAL_SCHEDULE_OVERLAP_POLICY_*`` (the proto's numbers), the Python SDK's
    ``ScheduleOverlapPolicy``: what a schedule does when an action is due while the workflow
    of an earlier one is still running. ``UNSPECIFIED``: the server's default (``SKIP``); for
    a trigger or a backfill, the schedule's own policy."""

    UNSPECIFIED = _native.TEMPORAL_SCHEDULE_OVERLAP_POLICY_UNSPECIFIED
    SKIP = _native.TEMPORAL_SCHEDULE_OVERLAP_POLICY_SKIP
    BUFFER_ONE = _native.TEMPORAL_SCHEDULE_OVERLAP_POLICY_BUFFER_ONE
    BUFFER_ALL = _native.TEMPORAL_SCHEDULE_OVERLAP_POLICY_BUFFER_ALL
    CANCEL_OTHER = _native.TEMPORAL_SCHEDULE_OVERLAP_POLICY_CANCEL_OTHER
    TERMINATE_OTHER = _native.TEMPORAL_SCHEDULE_OVERLAP_POLICY_TERMINATE_OTHER
    ALLOW_ALL = _native.TEMPORAL_SCHEDULE_OVERLAP_POLICY_ALLOW_ALL


class UpdateStage(enum.IntEnum):
    """``temporal_update_stage``, the Go SDK's ``WorkflowUpdateStage``: what
    :meth:`Client.start_update` waits for. ``ACCEPTED``: the workflow's validator accepted the
    update (the handle's :meth:`UpdateHandle.result` then waits for the handler);
    ``COMPLETED``: the handler finished (the result is there at once). ``UNSPECIFIED`` and
    ``ADMITTED`` are refused with :class:`InvalidArgumentError`, as in Go."""

    UNSPECIFIED = _native.TEMPORAL_UPDATE_STAGE_UNSPECIFIED
    ADMITTED = _native.TEMPORAL_UPDATE_STAGE_ADMITTED
    ACCEPTED = _native.TEMPORAL_UPDATE_STAGE_ACCEPTED
    COMPLETED = _native.TEMPORAL_UPDATE_STAGE_COMPLETED


class EnvconfigMode(enum.IntEnum):
    """``temporal_envconfig_mode``: when :meth:`Client.connect` loads the environment
    configuration (``TEMPORAL_*`` variables and the TOML config file). ``AUTO`` (the default):
    when no ``address`` is given (or a profile / config file is named); ``ON``: always
    (arguments still win); ``OFF``: never. The rule is the library's, the same in every
    binding."""

    AUTO = _native.TEMPORAL_ENVCONFIG_MODE_AUTO
    ON = _native.TEMPORAL_ENVCONFIG_MODE_ON
    OFF = _native.TEMPORAL_ENVCONFIG_MODE_OFF


class LogLevel(enum.IntEnum):
    """``temporal_log_level``."""

    OFF = _native.TEMPORAL_LOG_LEVEL_OFF
    ERROR = _native.TEMPORAL_LOG_LEVEL_ERROR
    WARN = _native.TEMPORAL_LOG_LEVEL_WARN
    INFO = _native.TEMPORAL_LOG_LEVEL_INFO
    DEBUG = _native.TEMPORAL_LOG_LEVEL_DEBUG
    TRACE = _native.TEMPORAL_LOG_LEVEL_TRACE


class ActivityOutcome(enum.IntEnum):
    """``temporal_activity_outcome``: how an asynchronously completed activity ends. The
    binding picks it from the ``error=`` of :meth:`Client.complete_activity`."""

    COMPLETED = _native.TEMPORAL_ACTIVITY_OUTCOME_COMPLETED
    FAILED = _native.TEMPORAL_ACTIVITY_OUTCOME_FAILED
    CANCELED = _native.TEMPORAL_ACTIVITY_OUTCOME_CANCELED


class HistoryEventFilterType(enum.IntEnum):
    """``filter_type`` of :meth:`Client.get_workflow_history_page` (the Go SDK's
    ``enumspb.HistoryEventFilterType``, ``TEMPORAL_HISTORY_EVENT_FILTER_*``): every event, or
    only the closing one."""

    ALL_EVENT = _native.TEMPORAL_HISTORY_EVENT_FILTER_ALL_EVENT
    CLOSE_EVENT = _native.TEMPORAL_HISTORY_EVENT_FILTER_CLOSE_EVENT


class QueryRejectCondition(enum.IntEnum):
    """``reject_condition`` of :meth:`Client.query_workflow` (the Go SDK's
    ``enumspb.QueryRejectCondition``, ``TEMPORAL_QUERY_REJECT_CONDITION_*``): ``NONE`` never
    rejects; ``NOT_OPEN`` rejects unless the workflow is running; ``NOT_COMPLETED_CLEANLY``
    unless it is running or completed successfully. A rejected query raises
    :class:`QueryRejectedError`."""

    NONE = _native.TEMPORAL_QUERY_REJECT_CONDITION_NONE
    NOT_OPEN = _native.TEMPORAL_QUERY_REJECT_CONDITION_NOT_OPEN
    NOT_COMPLETED_CLEANLY = _native.TEMPORAL_QUERY_REJECT_CONDITION_NOT_COMPLETED_CLEANLY


class TaskQueueType(enum.IntEnum):
    """``task_queue_type`` of :meth:`Client.describe_task_queue` (the Go SDK's
    ``enumspb.TaskQueueType``, ``TEMPORAL_TASK_QUEUE_TYPE_*``)."""

    WORKFLOW = _native.TEMPORAL_TASK_QUEUE_TYPE_WORKFLOW
    ACTIVITY = _native.TEMPORAL_TASK_QUEUE_TYPE_ACTIVITY
    NEXUS = _native.TEMPORAL_TASK_QUEUE_TYPE_NEXUS


# ---------------------------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------------------------


class TemporalError(Exception):
    """An error from the library: ``code`` (an :class:`ErrorCode`, or an int for a code this
    binding does not know), ``message`` and ``details`` (the parsed
    ``temporal_error_get_details`` JSON object, or ``None``). The message is the library's,
    failure chains included (their Go SDK text, as in :attr:`failure` ``["display"]``)."""

    def __init__(self, code: int, message: str, details: Optional[dict[str, Any]] = None):
        self.code: Union[ErrorCode, int] = code
        try:
            self.code = ErrorCode(code)
        except ValueError:
            pass
        self.message = message
        self.details = details
        super().__init__(self.code, message, details)

    @property
    def code_name(self) -> str:
        """The code's name without prefix, e.g. ``"NOT_FOUND"`` (``temporal_error_code_name``)."""
        return borrowed_str(_lib.temporal_error_code_name(int(self.code))) or "UNKNOWN"

    @property
    def failure(self) -> Optional[dict[str, Any]]:
        """The failure chain of a failed workflow or update (``details["failure"]``), else
        ``None``. Its ``"display"`` is the Go SDK's ``Error()`` text, causes included."""
        failure = self.details.get("failure") if isinstance(self.details, dict) else None
        return failure if isinstance(failure, dict) else None

    @property
    def display(self) -> Optional[str]:
        """The Go SDK's ``Error()`` text of what ended a workflow or an update, as the library
        wrote it (``details["display"]``, else :attr:`failure` ``["display"]``): ``"canceled"``,
        ``"terminated"``, ``"Workflow timeout (type: StartToClose)"``, a failure chain...;
        ``None`` for other errors."""
        display = self.details.get("display") if isinstance(self.details, dict) else None
        return display if display is not None else (self.failure or {}).get("display")

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
    """The workflow failed; :attr:`failure` (``details["failure"]``) is the failure chain."""


class WorkflowCanceledError(TemporalError):
    """The workflow was canceled."""


class WorkflowTerminatedError(TemporalError):
    """The workflow was terminated; ``details["reason"]`` is the reason."""


class WorkflowTimedOutError(TemporalError):
    """The workflow timed out."""


class UnavailableError(TemporalError):
    """The server could not be reached, or the connection failed."""


class DeadlineExceededError(TemporalError, TimeoutError):
    """The call's timeout passed before it completed."""


class PermissionDeniedError(TemporalError):
    """The server refused the credentials."""


class PayloadError(TemporalError):
    """A payload could not be encoded or decoded."""


class CanceledError(TemporalError):
    """The call was canceled (``temporal_call_cancel``) or the library shut down."""


class RpcError(TemporalError):
    """Another gRPC error; ``details["grpc_code"]`` has its code."""


class InternalError(TemporalError):
    """A bug or unexpected state inside the library."""


class UpdateFailedError(TemporalError):
    """A workflow update was rejected or its handler failed; :attr:`failure`."""


class QueryFailedError(TemporalError):
    """A query failed in the workflow's handler, or was rejected."""


class ShutdownError(TemporalError):
    """The library was shut down, or is used in a child process after fork()."""


class QueryRejectedError(TemporalError):
    """A query refused by its reject condition; the workflow's ``status`` is in :attr:`details`."""


class AlreadyExistsError(TemporalError):
    """What the call would create exists already (a schedule with this ID)."""


# Keyed by the ABI's numeric values (temporal.h); a code added later raises TemporalError.
_ERROR_CLASSES: dict[int, type[TemporalError]] = {
    _native.TEMPORAL_ERROR_CODE_INVALID_ARGUMENT: InvalidArgumentError,
    _native.TEMPORAL_ERROR_CODE_NOT_FOUND: NotFoundError,
    _native.TEMPORAL_ERROR_CODE_ALREADY_STARTED: AlreadyStartedError,
    _native.TEMPORAL_ERROR_CODE_WORKFLOW_FAILED: WorkflowFailedError,
    _native.TEMPORAL_ERROR_CODE_WORKFLOW_CANCELED: WorkflowCanceledError,
    _native.TEMPORAL_ERROR_CODE_WORKFLOW_TERMINATED: WorkflowTerminatedError,
    _native.TEMPORAL_ERROR_CODE_WORKFLOW_TIMED_OUT: WorkflowTimedOutError,
    _native.TEMPORAL_ERROR_CODE_UNAVAILABLE: UnavailableError,
    _native.TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED: DeadlineExceededError,
    _native.TEMPORAL_ERROR_CODE_PERMISSION_DENIED: PermissionDeniedError,
    _native.TEMPORAL_ERROR_CODE_PAYLOAD: PayloadError,
    _native.TEMPORAL_ERROR_CODE_CANCELED: CanceledError,
    _native.TEMPORAL_ERROR_CODE_RPC: RpcError,
    _native.TEMPORAL_ERROR_CODE_INTERNAL: InternalError,
    _native.TEMPORAL_ERROR_CODE_UPDATE_FAILED: UpdateFailedError,
    _native.TEMPORAL_ERROR_CODE_QUERY_FAILED: QueryFailedError,
    _native.TEMPORAL_ERROR_CODE_SHUTDOWN: ShutdownError,
    _native.TEMPORAL_ERROR_CODE_QUERY_REJECTED: QueryRejectedError,
    _native.TEMPORAL_ERROR_CODE_ALREADY_EXISTS: AlreadyExistsError,
}


# Async activity completion: what the caller reports (ApplicationError, ActivityCanceledError)
# and what a heartbeat raises (ActivityCanceledError, ActivityPausedError, ActivityResetError),
# the Go SDK's `err` argument and `RecordActivityHeartbeat` errors. They are not
# TemporalErrors: they are values of the activity, not failures of a library call.


class ApplicationError(Exception):
    """An activity's failure, the Go SDK's ``temporal.NewApplicationError``: pass it as
    ``error=`` of :meth:`Client.complete_activity` to fail the activity. The workflow sees an
    activity error caused by it, with ``message``, ``type`` (which a retry policy's
    non-retryable types match), ``non_retryable`` (``True``: not retried whatever the policy)
    and ``details`` (JSON-serializable values, one payload each)."""

    def __init__(
        self,
        message: str,
        *details: Any,
        type: Optional[str] = None,
        non_retryable: bool = False,
    ):
        super().__init__(message)
        self.message = message
        self.details = details
        self.type = type
        self.non_retryable = non_retryable

    def __repr__(self) -> str:
        return (
            f"ApplicationError({self.message!r}, *{self.details!r}, type={self.type!r}, "
            f"non_retryable={self.non_retryable!r})"
        )


class ActivityCanceledError(Exception):
    """An activity's cancellation, the Go SDK's ``temporal.CanceledError``. Raised by
    :meth:`Client.record_activity_heartbeat` (and ``_by_id``) when the workflow requested the
    activity's cancellation; pass one as ``error=`` of :meth:`Client.complete_activity` to
    report that the activity stopped, with ``details`` (JSON-serializable values). The server
    accepts that only once the cancellation was requested."""

    def __init__(self, *details: Any):
        super().__init__("canceled")
        self.details = details

    def __repr__(self) -> str:
        return f"ActivityCanceledError(*{self.details!r})"


class ActivityPausedError(Exception):
    """Raised by :meth:`Client.record_activity_heartbeat` when the activity was paused (the Go
    SDK's ``ErrActivityPaused``): the heartbeat was recorded; the activity should stop."""

    def __init__(self) -> None:
        super().__init__("activity paused")


class ActivityResetError(Exception):
    """Raised by :meth:`Client.record_activity_heartbeat` when the activity was reset (the Go
    SDK's ``ErrActivityReset``): the heartbeat was recorded; the activity should stop."""

    def __init__(self) -> None:
        super().__init__("activity reset")


def _raise_if_error(err: Optional[int]) -> None:
    """Turns an owned ``temporal_error *`` into an exception, always freeing it first."""
    if err:
        raise _error_from(err)


def _error_from(err: int, owned: bool = True) -> TemporalError:
    """The exception for a non-NULL ``temporal_error *``; frees it if ``owned`` (not the error
    ``temporal_call_get_error`` lends)."""
    try:
        code: int = _lib.temporal_error_get_code(err)
        message = borrowed_str(_lib.temporal_error_get_message(err)) or ""
        details_text = borrowed_str(_lib.temporal_error_get_details(err))
    finally:
        if owned:
            _lib.temporal_error_free(err)
    details: Optional[dict[str, Any]] = None
    if details_text:
        try:
            parsed = json.loads(details_text)
        except ValueError:
            parsed = None
        # The library writes a JSON object; anything else is kept as it came.
        details = parsed if isinstance(parsed, dict) else {"raw": details_text}
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


def _ms(value: Optional[Duration], name: str, unlimited: bool = False) -> int:
    """A duration in whole milliseconds, rounded up: ``None`` -> 0 (``TEMPORAL_TIMEOUT_DEFAULT``
    or "not set", the C API's default); ``math.inf`` -> ``TEMPORAL_TIMEOUT_NONE`` where
    ``unlimited``. Zero, negative and NaN durations are refused: 0 would silently mean
    "default" in C."""
    if value is None:
        return _native.TEMPORAL_TIMEOUT_DEFAULT
    if isinstance(value, _dt.timedelta):
        micros = (value.days * 86400 + value.seconds) * 1_000_000 + value.microseconds
        ms = -(-micros // 1000)
    elif isinstance(value, int) and not isinstance(value, bool):
        ms = value * 1000
    elif isinstance(value, float):
        if value == math.inf and unlimited:
            return _native.TEMPORAL_TIMEOUT_NONE
        if not math.isfinite(value):
            raise _invalid(f"{name} must be a finite number of seconds")
        # The decimal text, not the binary value: 0.007 s is 7 ms, not 8.
        ms = math.ceil(decimal.Decimal(repr(value)) * 1000)
    else:
        raise _invalid(f"{name} must be seconds (int/float) or a timedelta")
    if ms <= 0:
        raise _invalid(f"{name} must be positive (None for the default), not {value!r}")
    if ms >= _native.TEMPORAL_TIMEOUT_NONE:  # would read as "no limit"
        raise _invalid(f"{name} is too large")
    return ms


def _int32(value: Union[int, enum.IntEnum], name: str) -> int:
    """An ``int32_t`` argument (an enum's number; the library checks the value itself)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise _invalid(f"{name} must be an int, not {value!r}")
    if not -(2**31) <= value < 2**31:
        raise _invalid(f"{name} is out of range")
    return int(value)


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
    static_summary: Optional[str] = None,
    static_details: Optional[str] = None,
    priority: Optional["Priority"] = None,
    typed_search_attributes: Optional[Sequence["SearchAttributeLike"]] = None,
    versioning_override: Optional["VersioningOverride"] = None,
) -> TemporalStartWorkflowOptions:
    """The ``temporal_start_workflow_options`` of :meth:`Client.execute_workflow`'s keyword
    arguments (the struct keeps the retry policy and the strings alive)."""
    opts = _native.new_options(TemporalStartWorkflowOptions)
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
    opts.static_summary = _cstr(static_summary, "static_summary")
    opts.static_details = _cstr(static_details, "static_details")
    if priority is not None:
        if not isinstance(priority, Priority):
            raise _invalid(f"priority must be a Priority, not {type(priority).__name__}")
        key = int(priority.priority_key or 0)
        if not 0 <= key < 2**31:
            raise _invalid("priority_key is out of range")
        opts.priority_key = key
        opts.fairness_key = _cstr(priority.fairness_key, "fairness_key")
        opts.fairness_weight = float(priority.fairness_weight or 0.0)
    if typed_search_attributes:
        items = [_typed_search_attribute(a) for a in typed_search_attributes]
        array = (TemporalSearchAttribute * len(items))(*items)
        # The pointer keeps the array (and so its strings) alive as long as the struct.
        opts.typed_search_attributes = ctypes.cast(array, ctypes.POINTER(TemporalSearchAttribute))
        opts.typed_search_attributes_len = len(items)
    if versioning_override is not None:
        if isinstance(versioning_override, PinnedVersioningOverride):
            opts.versioning_behavior = _native.TEMPORAL_VERSIONING_OVERRIDE_PINNED
            opts.versioning_deployment_name = _cstr(versioning_override.version.deployment_name, "deployment_name")
            opts.versioning_build_id = _cstr(versioning_override.version.build_id, "build_id")
        elif isinstance(versioning_override, AutoUpgradeVersioningOverride):
            opts.versioning_behavior = _native.TEMPORAL_VERSIONING_OVERRIDE_AUTO_UPGRADE
        else:
            raise _invalid(
                "versioning_override must be a PinnedVersioningOverride or an AutoUpgradeVersioningOverride, "
                f"not {type(versioning_override).__name__}"
            )
    return opts


def _typed_search_attribute(attribute: "SearchAttributeLike") -> TemporalSearchAttribute:
    """One ``temporal_search_attribute``: the value as JSON (a datetime in ISO 8601 with its
    offset, which is RFC 3339); the library checks it against the type."""
    value_type: Union[IndexedValueType, int]
    if isinstance(attribute, SearchAttribute):
        name, value_type, value = attribute.name, attribute.type, attribute.value
    elif isinstance(attribute, tuple) and len(attribute) == 3:
        name, value_type, value = attribute
    else:
        raise _invalid(
            "typed_search_attributes takes SearchAttribute(name, type, value) or (name, type, value) "
            f"tuples, not {attribute!r}"
        )
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None:
            raise _invalid(f"search attribute {name!r}: a datetime needs a time zone (e.g. tzinfo=timezone.utc)")
        value = value.isoformat()
    elif isinstance(value, (list, tuple)):
        value = list(value)
    c = TemporalSearchAttribute()
    c.name = _cstr(name, "search attribute name")
    c.type = int(value_type)
    c.value_json = _json(value, f"search attribute {name!r}")
    return c


def _update_options(
    wait_for_stage: Union["UpdateStage", int],
    update_id: Optional[str],
    first_execution_run_id: Optional[str] = None,
) -> TemporalUpdateOptions:
    """The ``temporal_update_options`` of an update start. The stage is passed as given: the
    library refuses an unset or unsupported one with its own message."""
    if isinstance(wait_for_stage, bool) or not isinstance(wait_for_stage, int):
        raise _invalid(f"wait_for_stage must be an UpdateStage, not {wait_for_stage!r}")
    if not -(2**31) <= wait_for_stage < 2**31:
        raise _invalid("wait_for_stage is out of range")
    opts = _native.new_options(TemporalUpdateOptions)
    opts.update_id = _cstr(update_id, "update_id")
    opts.wait_for_stage = int(wait_for_stage)
    opts.first_execution_run_id = _cstr(first_execution_run_id, "first_execution_run_id")
    return opts


def _activity_completion(result: Any, error: Optional[BaseException]) -> TemporalActivityCompletion:
    """The ``temporal_activity_completion`` of the Go SDK's ``(result, err)``: no error,
    completed with ``result`` (``None``: no result, Go's nil); an :class:`ActivityCanceledError`,
    canceled; an :class:`ApplicationError`, failed with its fields; any other exception, failed
    with ``str(error)`` and the exception's class name as the type (as the Go SDK uses the
    error's type name), retryable."""
    completion = _native.new_options(TemporalActivityCompletion)
    if error is None:
        completion.result_json = _json(result, "result")
        return completion
    if result is not None:
        # The Go SDK would drop the result silently; a mistake here is better reported.
        raise _invalid("result and error are exclusive: an activity completes with one or the other")
    if isinstance(error, ActivityCanceledError):
        completion.outcome = int(ActivityOutcome.CANCELED)
        completion.details_json = _json(list(error.details), "details") if error.details else None
    elif isinstance(error, ApplicationError):
        completion.outcome = int(ActivityOutcome.FAILED)
        completion.failure_message = _cstr(error.message, "error.message")
        completion.failure_type = _cstr(error.type, "error.type")
        completion.failure_non_retryable = bool(error.non_retryable)
        completion.details_json = _json(list(error.details), "details") if error.details else None
    elif isinstance(error, BaseException):
        completion.outcome = int(ActivityOutcome.FAILED)
        completion.failure_message = _cstr(str(error), "error message")
        completion.failure_type = _cstr(type(error).__name__, "error type")
    else:
        raise _invalid(f"error must be an exception or None, not {type(error).__name__}")
    return completion


def _task_token(task_token: Union[bytes, bytearray, memoryview]) -> tuple[bytes, int]:
    """The ``task_token`` / ``task_token_len`` pair of an activity's task token (bytes; the
    library refuses an empty one)."""
    if not isinstance(task_token, (bytes, bytearray, memoryview)):
        raise _invalid(f"task_token must be bytes, not {type(task_token).__name__}")
    token = bytes(task_token)
    return token, len(token)


def _details_json(details: tuple[Any, ...]) -> Optional[bytes]:
    return _json(list(details), "details") if details else None


def _heartbeat_of(by_id: bool) -> Callable[[int], None]:
    """Reads a heartbeat's ``{"activity_paused", "activity_reset", "cancel_requested"}`` and
    raises as the Go SDK's ``RecordActivityHeartbeat`` returns errors: canceled first, then
    (by task token only, as the Go SDK's by-ID form checks only cancellation) paused, reset."""

    def convert(call: int) -> None:
        flags = _json_of(call)
        if not isinstance(flags, dict):
            raise InternalError(ErrorCode.INTERNAL, f"the heartbeat completed with {flags!r}", None)
        if flags.get("cancel_requested"):
            raise ActivityCanceledError()
        if not by_id and flags.get("activity_paused"):
            raise ActivityPausedError()
        if not by_id and flags.get("activity_reset"):
            raise ActivityResetError()

    return convert


# ---------------------------------------------------------------------------------------------
# Payloads and the payload codec
# ---------------------------------------------------------------------------------------------


@dataclass
class Payload:
    """One payload (``temporal.api.common.v1.Payload``): ``metadata`` (name -> bytes, e.g.
    ``{"encoding": b"json/plain"}``) and ``data``, the shape of the Python SDK's
    ``temporalio.api.common.v1.Payload``. The binding never interprets them: what a payload
    holds is the library's business (:meth:`from_json` / :meth:`to_json` ask it)."""

    metadata: dict[str, bytes] = field(default_factory=dict)
    data: bytes = b""

    def to_proto(self) -> bytes:
        """The payload's protobuf encoding (``temporal_payloads_get_proto``), what the Go SDK's
        ``Payload.Marshal`` writes."""
        with _CPayloads.of([self]) as c:
            out = ctypes.c_void_p()
            length = ctypes.c_size_t()
            _raise_if_error(_lib.temporal_payloads_get_proto(c.ptr, 0, ctypes.byref(out), ctypes.byref(length)))
            try:
                return _borrowed_bytes(out.value, length.value)
            finally:
                _lib.temporal_bytes_free(out.value, length.value)

    @classmethod
    def from_proto(cls, data: Union[bytes, bytearray, memoryview]) -> "Payload":
        """The payload whose protobuf encoding is ``data`` (``temporal_payloads_push_proto``);
        :class:`PayloadError` if it is not one."""
        raw = _bytes(data, "data")
        with _CPayloads.new() as c:
            _raise_if_error(_lib.temporal_payloads_push_proto(c.ptr, raw, len(raw)))
            return c.read()[0]

    @classmethod
    def from_json(cls, value: Any) -> "Payload":
        """``value`` (JSON-serializable) as the Go SDK's default converter writes it
        (``temporal_payloads_push_json``: ``json/plain``, ``binary/null`` for ``None``)."""
        text = _json(value, "value") or b"null"
        with _CPayloads.new() as c:
            _raise_if_error(_lib.temporal_payloads_push_json(c.ptr, text))
            return c.read()[0]

    def to_json(self) -> Any:
        """The payload read as the default converter reads it (``temporal_payloads_get_json``:
        ``json/plain``, ``binary/null``, ``binary/plain`` as a base64 string...), ``json.loads``-ed;
        :class:`PayloadError` for an encoding it does not know."""
        with _CPayloads.of([self]) as c:
            out = ctypes.c_void_p()
            _raise_if_error(_lib.temporal_payloads_get_json(c.ptr, 0, ctypes.byref(out)))
            try:
                return json.loads(borrowed_str(out.value) or "null")
            finally:
                _lib.temporal_string_free(out.value)


class PayloadCodec(Protocol):
    """The Go SDK's ``converter.PayloadCodec`` (the Python SDK's
    ``temporalio.converter.PayloadCodec``, except that these methods are **synchronous**: the
    library calls them on its own threads, in the middle of a call, and waits for them).

    ``encode`` gets every payload a call sends (workflow, signal, query and update arguments,
    memo, activity results, heartbeat, failure and terminate details) and ``decode`` every one
    that comes back (results, failure details); each returns exactly as many payloads, in
    order. Both may run on several threads at once (thread-safe), must not call blocking
    methods of this binding, and report a failure by raising: the call then fails with
    :class:`PayloadError` ``"payload codec encode failed: <str(exception)>"`` (or decode)."""

    def encode(self, payloads: Sequence[Payload]) -> list[Payload]: ...

    def decode(self, payloads: Sequence[Payload]) -> list[Payload]: ...


def _borrowed_bytes(ptr: Optional[int], length: int) -> bytes:
    """Copies ``length`` bytes the library lends (NULL or any pointer when ``length`` is 0)."""
    return ctypes.string_at(ptr, length) if ptr and length else b""


def _bytes(value: Union[bytes, bytearray, memoryview], name: str) -> bytes:
    if not isinstance(value, (bytes, bytearray, memoryview)):
        raise _invalid(f"{name} must be bytes, not {type(value).__name__}")
    return bytes(value)


def _read_payloads(ptr: int) -> list[Payload]:
    """Copies every payload of a ``temporal_payloads *`` (borrowed) into :class:`Payload`s."""
    payloads = []
    data = ctypes.c_void_p()
    data_len = ctypes.c_size_t()
    key = ctypes.c_void_p()
    value = ctypes.c_void_p()
    value_len = ctypes.c_size_t()
    for index in range(_lib.temporal_payloads_len(ptr)):
        _raise_if_error(_lib.temporal_payloads_get_data(ptr, index, ctypes.byref(data), ctypes.byref(data_len)))
        payload = Payload(data=_borrowed_bytes(data.value, data_len.value))
        for entry in range(_lib.temporal_payloads_metadata_len(ptr, index)):
            _raise_if_error(
                _lib.temporal_payloads_get_metadata_at(
                    ptr, index, entry, ctypes.byref(key), ctypes.byref(value), ctypes.byref(value_len)
                )
            )
            payload.metadata[borrowed_str(key.value) or ""] = _borrowed_bytes(value.value, value_len.value)
        payloads.append(payload)
    return payloads


def _append_payloads(ptr: int, payloads: Sequence[Payload], name: str) -> None:
    """Appends copies of ``payloads`` to a ``temporal_payloads *``."""
    for payload in payloads:
        if not isinstance(payload, Payload):
            raise _invalid(f"{name} must hold Payload objects, not {type(payload).__name__}")
        data = _bytes(payload.data, f"{name} data")
        index = _lib.temporal_payloads_len(ptr)
        _raise_if_error(_lib.temporal_payloads_push(ptr, data, len(data)))
        for key, value in payload.metadata.items():
            c_value = _bytes(value, f"{name} metadata value")
            _raise_if_error(
                _lib.temporal_payloads_set_metadata(
                    ptr, index, _cstr(key, f"{name} metadata key"), c_value, len(c_value)
                )
            )


class _CPayloads:
    """An owned ``temporal_payloads *`` for the length of a ``with`` block."""

    __slots__ = ("ptr",)

    def __init__(self, ptr: int):
        self.ptr: int = ptr

    @classmethod
    def new(cls) -> "_CPayloads":
        out = ctypes.c_void_p()
        _raise_if_error(_lib.temporal_payloads_new(ctypes.byref(out)))
        if not out.value:
            raise InternalError(ErrorCode.INTERNAL, "temporal_payloads_new gave no list and no error", None)
        return cls(out.value)

    @classmethod
    def of(cls, payloads: Sequence[Payload], name: str = "payloads") -> "_CPayloads":
        if isinstance(payloads, (Payload, str, bytes)):
            raise _invalid(f"{name} must be a sequence of Payload objects")
        c = cls.new()
        try:
            _append_payloads(c.ptr, list(payloads), name)
        except BaseException:
            c.free()
            raise
        return c

    def read(self) -> list[Payload]:
        return _read_payloads(self.ptr)

    def free(self) -> None:
        ptr, self.ptr = self.ptr, 0
        _lib.temporal_payloads_free(ptr or None)

    def __enter__(self) -> "_CPayloads":
        return self

    def __exit__(self, *exc: object) -> None:
        self.free()


# The codecs of connected clients, by the `user_data` the library passes back: each is kept
# alive here until the library calls `release` for it (when the last client, run, update
# handle and call using it is gone). The three C callbacks are shared by every codec and live
# as long as the module: a callback's ctypes object must not be freed while the library may
# still be running it, and `release` is itself one of them.
_codecs: dict[int, PayloadCodec] = {}
_codec_ids = itertools.count(1)


def _codec_call(user_data: Optional[int], input_ptr: Optional[int], output_ptr: Optional[int], encode: bool) -> int:
    """One encode or decode of a codec, on a library thread. Never raises into C: a failure
    becomes ``temporal_payloads_set_error(output, str(exception))`` and 1."""
    try:
        codec = _codecs.get(user_data or 0)
        if codec is None:
            raise RuntimeError("the payload codec was already released")
        payloads = _read_payloads(input_ptr or 0)
        result = codec.encode(payloads) if encode else codec.decode(payloads)
        if isinstance(result, (Payload, str, bytes)) or not isinstance(result, Sequence):
            raise TypeError(
                f"PayloadCodec.{'encode' if encode else 'decode'} must return a list of Payload, "
                f"not {type(result).__name__}"
            )
        _append_payloads(output_ptr or 0, result, "the codec's result")
        return 0
    except BaseException as exc:  # also KeyboardInterrupt: nothing may unwind into the library
        try:
            message = (str(exc) or type(exc).__name__).replace("\0", " ")
            err = _lib.temporal_payloads_set_error(output_ptr, message.encode("utf-8", errors="replace"))
            if err:
                _lib.temporal_error_free(err)
        except BaseException:
            pass  # the library reports a codec failure without a message
        return 1


def _codec_release(user_data: Optional[int]) -> None:
    try:
        _codecs.pop(user_data or 0, None)
    except BaseException:
        pass


_CODEC_ENCODE = _native.PAYLOAD_CODEC_FN_TYPE(lambda u, i, o: _codec_call(u, i, o, True))
_CODEC_DECODE = _native.PAYLOAD_CODEC_FN_TYPE(lambda u, i, o: _codec_call(u, i, o, False))
_CODEC_RELEASE = _native.PAYLOAD_CODEC_RELEASE_TYPE(_codec_release)


def _codec_struct(codec: PayloadCodec) -> tuple[_native.TemporalPayloadCodec, int]:
    """The ``temporal_payload_codec`` of a Python codec, registered in ``_codecs`` under the
    returned ID (the struct's ``user_data``)."""
    if not callable(getattr(codec, "encode", None)) or not callable(getattr(codec, "decode", None)):
        raise _invalid("payload_codec must have encode(payloads) and decode(payloads) methods")
    c_codec = _native.new_options(_native.TemporalPayloadCodec)
    codec_id = next(_codec_ids)
    c_codec.encode = _CODEC_ENCODE
    c_codec.decode = _CODEC_DECODE
    c_codec.release = _CODEC_RELEASE
    c_codec.user_data = codec_id
    _codecs[codec_id] = codec
    return c_codec, codec_id


def payload_codecs_alive() -> int:
    """How many payload codecs the library still holds (given to :meth:`Client.connect` and
    not yet released: released when the last client, run, update handle and call that uses
    one is gone)."""
    return len(_codecs)


# ---------------------------------------------------------------------------------------------
# The host meter: the client's metrics recorded into a Python meter
# ---------------------------------------------------------------------------------------------

# The tag values an attribute set holds (the C attribute's typed value).
MetricAttributes = Mapping[str, Union[str, int, float, bool]]


class MetricCounter(Protocol):
    def add(self, value: int, additional_attributes: Optional[MetricAttributes] = None) -> None: ...


class MetricHistogram(Protocol):
    def record(self, value: int, additional_attributes: Optional[MetricAttributes] = None) -> None: ...


class MetricHistogramFloat(Protocol):
    def record(self, value: float, additional_attributes: Optional[MetricAttributes] = None) -> None: ...


class MetricHistogramTimedelta(Protocol):
    def record(
        self, value: _dt.timedelta, additional_attributes: Optional[MetricAttributes] = None
    ) -> None: ...


class MetricGauge(Protocol):
    def set(self, value: int, additional_attributes: Optional[MetricAttributes] = None) -> None: ...


class MetricGaugeFloat(Protocol):
    def set(self, value: float, additional_attributes: Optional[MetricAttributes] = None) -> None: ...


class MetricMeter(Protocol):
    """What ``Client.connect(metric_meter=...)`` records the client's metrics into (the Go SDK's
    ``temporal_request``, ``temporal_request_failure``, ``temporal_request_latency``,
    ``temporal_long_request*``, tagged ``namespace``, ``operation``, ``status_code``): the shape
    of the Python SDK's ``temporalio.common.MetricMeter``, but synchronous and called on the
    library's threads, several at once: every method must be thread-safe and quick, and must
    not call this library. An exception it raises is swallowed (that value is dropped), counted
    in :func:`metric_meter_errors` and logged once per meter on the ``temporal_ffi`` logger.
    ``description`` and ``unit`` may be ``""``; latencies arrive as ``timedelta``. An up-down
    counter is made with ``create_up_down_counter`` if the meter has one, else dropped."""

    def create_counter(self, name: str, description: Optional[str] = None, unit: Optional[str] = None) -> MetricCounter: ...

    def create_histogram(
        self, name: str, description: Optional[str] = None, unit: Optional[str] = None
    ) -> MetricHistogram: ...

    def create_histogram_float(
        self, name: str, description: Optional[str] = None, unit: Optional[str] = None
    ) -> MetricHistogramFloat: ...

    def create_histogram_timedelta(
        self, name: str, description: Optional[str] = None, unit: Optional[str] = None
    ) -> MetricHistogramTimedelta: ...

    def create_gauge(self, name: str, description: Optional[str] = None, unit: Optional[str] = None) -> MetricGauge: ...

    def create_gauge_float(
        self, name: str, description: Optional[str] = None, unit: Optional[str] = None
    ) -> MetricGaugeFloat: ...


# The factory method of each `temporal_metric_kind`, and what a record calls on its instrument.
_METRIC_FACTORIES = {
    _native.TEMPORAL_METRIC_KIND_COUNTER: ("create_counter", "add"),
    _native.TEMPORAL_METRIC_KIND_HISTOGRAM: ("create_histogram", "record"),
    _native.TEMPORAL_METRIC_KIND_HISTOGRAM_FLOAT: ("create_histogram_float", "record"),
    _native.TEMPORAL_METRIC_KIND_HISTOGRAM_DURATION: ("create_histogram_timedelta", "record"),
    _native.TEMPORAL_METRIC_KIND_GAUGE: ("create_gauge", "set"),
    _native.TEMPORAL_METRIC_KIND_GAUGE_FLOAT: ("create_gauge_float", "set"),
    _native.TEMPORAL_METRIC_KIND_UP_DOWN_COUNTER: ("create_up_down_counter", "add"),
}

_meter_logger = logging.getLogger("temporal_ffi")


class _MeterBridge:
    """One meter given to a connect: its instruments and attribute sets by the IDs handed to
    the library as the `void*` it passes back (an ID, not an object address: a stale or
    unknown one is looked up and ignored, never dereferenced)."""

    __slots__ = ("meter", "instruments", "attribute_sets", "logged")

    def __init__(self, meter: MetricMeter):
        self.meter = meter
        self.instruments: dict[int, Callable[..., Any]] = {}  # bound add/record/set
        self.attribute_sets: dict[int, dict[str, Union[str, int, float, bool]]] = {}
        self.logged = False


# The meters of connected clients, by `user_data`, kept until the library calls `meter_free`
# (once the last client using one is gone and its calls are over). Like the codec callbacks,
# the C callbacks below are shared and live as long as the module: the library may run any of
# them until `meter_free` returned, and `meter_free` is one of them.
_meters: dict[int, _MeterBridge] = {}
_meter_ids = itertools.count(1)
_meter_object_ids = itertools.count(1)  # instruments and attribute sets; never 0 (NULL)
_meter_error_count = 0
_meter_error_lock = threading.Lock()  # `+=` from several library threads would lose counts


def metric_meters_alive() -> int:
    """How many meters given to :meth:`Client.connect` the library still holds (released once
    the last client using one is closed and its calls are over)."""
    return len(_meters)


def metric_meter_errors() -> int:
    """How many exceptions the meters of this process raised (each swallowed: the value it
    was given is dropped)."""
    return _meter_error_count


def _meter_failed(bridge: Optional[_MeterBridge], what: str, exc: BaseException) -> None:
    """Counts an exception of a host meter and logs its first one; never raises."""
    global _meter_error_count
    try:
        with _meter_error_lock:
            _meter_error_count += 1
        if bridge is not None and not bridge.logged:
            bridge.logged = True
            _meter_logger.warning(
                "the metric meter raised in %s (later errors of this meter are only counted, "
                "see metric_meter_errors())", what, exc_info=exc,
            )
    except BaseException:
        pass


def _c_text(ptr: Optional[int]) -> str:
    return ctypes.string_at(ptr).decode("utf-8", errors="replace") if ptr else ""


def _meter_metric_new(
    user_data: Optional[int], name: Optional[int], description: Optional[int], unit: Optional[int], kind: int
) -> Optional[int]:
    bridge = None
    try:
        bridge = _meters.get(user_data or 0)
        factory = _METRIC_FACTORIES.get(kind)
        if bridge is None or factory is None:
            return None  # a NULL instrument: its values are dropped
        create = getattr(bridge.meter, factory[0], None)
        if create is None:
            return None  # e.g. no create_up_down_counter
        instrument = create(_c_text(name), _c_text(description), _c_text(unit))
        if instrument is None:
            return None
        metric_id = next(_meter_object_ids)
        bridge.instruments[metric_id] = getattr(instrument, factory[1])
        return metric_id
    except BaseException as exc:  # also KeyboardInterrupt: nothing may unwind into the library
        _meter_failed(bridge, "create_*", exc)
        return None


def _meter_metric_free(user_data: Optional[int], metric: Optional[int]) -> None:
    try:
        bridge = _meters.get(user_data or 0)
        if bridge is not None:
            bridge.instruments.pop(metric or 0, None)
    except BaseException:
        pass


def _meter_attributes_new(
    user_data: Optional[int],
    append_from: Optional[int],
    attributes: Any,  # POINTER(TemporalMetricAttribute)
    count: int,
) -> Optional[int]:
    bridge = None
    try:
        bridge = _meters.get(user_data or 0)
        if bridge is None:
            return None
        tags = dict(bridge.attribute_sets.get(append_from or 0, {}))
        for i in range(count):
            attr = attributes[i]
            value: Union[str, int, float, bool]
            if attr.value_type == _native.TEMPORAL_METRIC_VALUE_TYPE_STRING:
                value = _c_text(attr.string_value)
            elif attr.value_type == _native.TEMPORAL_METRIC_VALUE_TYPE_INT:
                value = int(attr.int_value)
            elif attr.value_type == _native.TEMPORAL_METRIC_VALUE_TYPE_FLOAT:
                value = float(attr.float_value)
            elif attr.value_type == _native.TEMPORAL_METRIC_VALUE_TYPE_BOOL:
                value = bool(attr.bool_value)
            else:
                continue  # a value type newer than this binding
            tags[_c_text(attr.key)] = value
        set_id = next(_meter_object_ids)
        bridge.attribute_sets[set_id] = tags
        return set_id
    except BaseException as exc:
        _meter_failed(bridge, "attributes_new", exc)
        return None  # allowed: recorded without tags


def _meter_attributes_free(user_data: Optional[int], attributes: Optional[int]) -> None:
    try:
        bridge = _meters.get(user_data or 0)
        if bridge is not None:
            bridge.attribute_sets.pop(attributes or 0, None)
    except BaseException:
        pass


def _meter_record(user_data: Optional[int], metric: Optional[int], value: Any, attributes: Optional[int]) -> None:
    bridge = None
    try:
        bridge = _meters.get(user_data or 0)
        if bridge is None:
            return
        record = bridge.instruments.get(metric or 0)
        if record is None:
            return
        # A copy: the host may keep or change what it was given; the set is reused.
        record(value, dict(bridge.attribute_sets.get(attributes or 0, {})))
    except BaseException as exc:
        _meter_failed(bridge, "a record", exc)


def _meter_free(user_data: Optional[int]) -> None:
    try:
        _meters.pop(user_data or 0, None)
    except BaseException:
        pass


_METER_METRIC_NEW = _native.METRIC_NEW_TYPE(_meter_metric_new)
_METER_METRIC_FREE = _native.METRIC_FREE_TYPE(_meter_metric_free)
_METER_ATTRIBUTES_NEW = _native.ATTRIBUTES_NEW_TYPE(_meter_attributes_new)
_METER_ATTRIBUTES_FREE = _native.METRIC_FREE_TYPE(_meter_attributes_free)
_METER_RECORD_INTEGER = _native.RECORD_INTEGER_TYPE(_meter_record)
_METER_RECORD_FLOAT = _native.RECORD_FLOAT_TYPE(_meter_record)
# timedelta has microseconds: a latency is rounded to the nearest one.
_METER_RECORD_DURATION = _native.RECORD_INTEGER_TYPE(
    lambda u, m, ns, a: _meter_record(u, m, _dt.timedelta(microseconds=ns / 1000), a)
)
_METER_RECORD_SIGNED = _native.RECORD_SIGNED_TYPE(_meter_record)
_METER_FREE = _native.METER_FREE_TYPE(_meter_free)


def _meter_struct(meter: MetricMeter) -> tuple[_native.TemporalHostMeter, int]:
    """The ``temporal_host_meter`` of a Python meter, registered in ``_meters`` under the
    returned ID (the table's ``user_data``)."""
    if not callable(getattr(meter, "create_counter", None)):
        raise _invalid("metric_meter must be a MetricMeter (create_counter, create_histogram, ...)")
    c_meter = _native.new_options(_native.TemporalHostMeter)
    meter_id = next(_meter_ids)
    c_meter.user_data = meter_id
    c_meter.metric_new = _METER_METRIC_NEW
    c_meter.metric_free = _METER_METRIC_FREE
    c_meter.attributes_new = _METER_ATTRIBUTES_NEW
    c_meter.attributes_free = _METER_ATTRIBUTES_FREE
    c_meter.record_integer = _METER_RECORD_INTEGER
    c_meter.record_float = _METER_RECORD_FLOAT
    c_meter.record_duration = _METER_RECORD_DURATION
    c_meter.record_signed = _METER_RECORD_SIGNED
    c_meter.meter_free = _METER_FREE
    _meters[meter_id] = _MeterBridge(meter)
    return c_meter, meter_id


# ---------------------------------------------------------------------------------------------
# Handles
# ---------------------------------------------------------------------------------------------


class _Handle:
    """An owned C handle, freed once: at close() or, if another thread is starting a call with
    it, when that start returns. Keeps close() from freeing memory another thread uses.
    (A call, once started, does not need the handle: the library keeps what it uses alive.)"""

    __slots__ = ("_ptr", "_free", "_busy", "_closed", "_lock", "_what")

    def __init__(self, ptr: int, free: Callable[[int], None], what: str):
        self._ptr: Optional[int] = ptr  # None once freed
        self._free = free
        self._busy = 0
        self._closed = False
        self._lock = threading.Lock()
        self._what = what

    def acquire(self) -> int:
        with self._lock:
            if self._closed or self._ptr is None:
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
    """``with _Use(handle) as ptr:`` holds the handle alive for one C function."""

    __slots__ = ("_handle",)

    def __init__(self, handle: _Handle):
        self._handle = handle

    def __enter__(self) -> int:
        return self._handle.acquire()

    def __exit__(self, *exc: object) -> None:
        self._handle.release()


# ---------------------------------------------------------------------------------------------
# Calls: one start per operation, waited for (blocking) or queued (asyncio)
# ---------------------------------------------------------------------------------------------
#
# An operation is an `_Op`: the C `temporal_*_async` function with its arguments, the call
# timeout, and `convert(call)`, which reads the value from the completed call (it runs only if
# the call succeeded). `_Op.start` fills `temporal_call_options` (from
# `temporal_call_options_default`) and starts the call.
#
# Blocking (`_call`): start without a queue, `temporal_call_wait`, read the outcome, free the
# call. ctypes releases the GIL inside `temporal_call_wait` and no Python lock is held there.
#
# asyncio (`_call_async`): start with the completion queue of the running loop (`_LoopQueue`,
# one per loop while it has calls in flight), whose eventfd is registered with
# `loop.add_reader`. The reader, on the loop's thread, drains `temporal_completion_queue_next`
# until NULL, finds each call's entry by its pointer, reads the outcome, frees the call and
# resolves the entry's future. The reader is the only place a queued call is freed, so every
# call ends exactly once. A cancelled task calls `temporal_call_cancel`, then waits (briefly:
# the call completes promptly with CANCELED) until the reader took the call, so no call outlives
# the task that started it.


_T = TypeVar("_T")

# A `temporal_*_async` function of the library (ctypes, declared in _native).
_CFunction = Callable[..., Any]


# The trace context and header fields of the calls made in the current context (thread or
# asyncio task): set by `trace_context`, read by `_Op.start`, as the Go binding reads a
# context.Context's span.
_call_header: contextvars.ContextVar[Optional[tuple[Optional[bytes], ...]]] = contextvars.ContextVar(
    "temporal_ffi_call_header", default=None
)


@contextlib.contextmanager
def trace_context(
    carrier: Optional[Mapping[str, str]] = None,
    *,
    traceparent: Optional[str] = None,
    tracestate: Optional[str] = None,
    baggage: Optional[str] = None,
    headers: Optional[Mapping[str, Any]] = None,
) -> Iterator[None]:
    """Sends a W3C trace context (and other Temporal header fields) with every call made in the
    ``with`` block, on this thread or in this asyncio task, that reaches a workflow (start,
    signal, query, update and their combinations). It goes in the Temporal header under
    ``_tracer-data``, as the SDKs' OpenTelemetry interceptors write it, so a worker with one
    continues the trace. ``carrier``: the W3C headers, e.g. what OpenTelemetry's
    ``opentelemetry.propagate.inject(carrier)`` wrote (its ``traceparent``, ``tracestate`` and
    ``baggage`` keys); or give them by name. ``headers``: more header fields, each JSON value
    sent as one payload. A bad value raises :class:`InvalidArgumentError` at the call."""
    carrier = dict(carrier or {})
    fields = (
        _cstr(traceparent or carrier.get("traceparent"), "traceparent"),
        _cstr(tracestate or carrier.get("tracestate"), "tracestate"),
        _cstr(baggage or carrier.get("baggage"), "baggage"),
        _json(dict(headers), "headers") if headers is not None else None,
    )
    token = _call_header.set(fields)
    try:
        yield
    finally:
        _call_header.reset(token)


class _Op(Generic[_T]):
    __slots__ = (
        "handle", "fn", "args", "timeout_ms", "convert", "arg_payloads", "workflow_arg_payloads",
        "result_as_payloads",
    )

    def __init__(
        self,
        handle: Optional[_Handle],
        fn: _CFunction,
        args: tuple[Any, ...],
        convert: Callable[[int], _T],
        timeout_ms: int = 0,
        *,
        arg_payloads: Optional[Sequence[Payload]] = None,
        workflow_arg_payloads: Optional[Sequence[Payload]] = None,
        result_as_payloads: bool = False,
    ):
        self.handle = handle  # None: fn takes no handle (connect)
        self.fn = fn
        self.args = args
        self.convert = convert
        self.timeout_ms = timeout_ms
        # temporal_call_options.args_payloads / workflow_args_payloads (None: NULL, the
        # call's *_json argument is used) and result_as_payloads.
        self.arg_payloads = arg_payloads
        self.workflow_arg_payloads = workflow_arg_payloads
        self.result_as_payloads = result_as_payloads

    def start(self, queue: Optional[int] = None) -> int:
        """Starts the call (posted to ``queue`` when it completes, if given) and returns it; a
        bad argument raises and starts nothing."""
        opts = _native.new_options(TemporalCallOptions)
        opts.timeout_ms = self.timeout_ms
        opts.completion_queue = queue
        header = _call_header.get()
        if header is not None:
            # Borrowed by the library until the start returns; `header` keeps them alive.
            opts.trace_parent, opts.trace_state, opts.baggage, opts.header_json = header
        opts.result_as_payloads = self.result_as_payloads
        lists: list[_CPayloads] = []  # copied by the start: freed once it returned
        call = ctypes.c_void_p()
        try:
            if self.arg_payloads is not None:
                lists.append(_CPayloads.of(self.arg_payloads, "arg_payloads"))
                opts.args_payloads = lists[-1].ptr
            if self.workflow_arg_payloads is not None:
                lists.append(_CPayloads.of(self.workflow_arg_payloads, "workflow_arg_payloads"))
                opts.workflow_args_payloads = lists[-1].ptr
            if self.handle is None:
                err = self.fn(*self.args, ctypes.byref(opts), ctypes.byref(call))
            else:
                with _Use(self.handle) as ptr:
                    err = self.fn(ptr, *self.args, ctypes.byref(opts), ctypes.byref(call))
        finally:
            for c_list in lists:
                c_list.free()
        _raise_if_error(err)
        if not call.value:
            raise InternalError(ErrorCode.INTERNAL, "the library started no call and gave no error", None)
        return call.value


class _ConnectOp(_Op[_T]):
    """A connect: a start the library refused holds no codec or meter, and may not have
    released the ones it was given (it does not when it refused the table itself): drop them
    here."""

    __slots__ = ("codec_id", "meter_id")

    def __init__(self, *args: Any, codec_id: int = 0, meter_id: int = 0, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.codec_id = codec_id
        self.meter_id = meter_id

    def start(self, queue: Optional[int] = None) -> int:
        try:
            return super().start(queue)
        except BaseException:
            _codecs.pop(self.codec_id, None)
            _meters.pop(self.meter_id, None)
            raise


def _outcome(call: int, convert: Callable[[int], _T]) -> _T:
    """The value of a completed call, or raises its error."""
    err = _lib.temporal_call_get_error(call)
    if err:
        raise _error_from(err, owned=False)  # lent by the call
    return convert(call)


# On the main thread a blocking wait is cut into slices so that Ctrl-C (KeyboardInterrupt,
# which Python raises only between bytecodes of the main thread) stops it; it then cancels the
# call. Other threads cannot receive signals and wait in one piece.
_MAIN_THREAD_WAIT_SLICE_MS = 100


def _wait(call: int) -> None:
    slice_ms = _native.TEMPORAL_TIMEOUT_NONE
    if threading.current_thread() is threading.main_thread():
        slice_ms = _MAIN_THREAD_WAIT_SLICE_MS
    try:
        while True:
            err = _lib.temporal_call_wait(call, slice_ms)  # releases the GIL
            if not err:
                return
            exc = _error_from(err)
            if exc.code != _native.TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED:
                raise exc
    except BaseException:
        _lib.temporal_call_cancel(call)
        raise


def _call(op: _Op[_T]) -> _T:
    """Runs ``op`` on the calling thread: start, wait, read, free."""
    call = op.start()
    try:
        _wait(call)
        return _outcome(call, op.convert)
    finally:
        _lib.temporal_call_free(call)


class _Pending(Generic[_T]):
    __slots__ = ("call", "future", "convert", "done", "waiter")

    def __init__(self, call: int, future: asyncio.Future[_T], convert: Callable[[int], _T]):
        self.call = call
        self.future = future
        self.convert = convert
        self.done = False  # the reader took the call off the queue (and freed it)
        self.waiter: Optional[asyncio.Future[None]] = None  # a cancelled task waiting for that

    def complete(self) -> None:
        """Reads the outcome of the completed call, frees it and resolves the future."""
        outcome: Union[tuple[_T], Exception]  # (value,) or the error
        try:
            outcome = (_outcome(self.call, self.convert),)
        except Exception as e:
            outcome = e
        finally:
            _lib.temporal_call_free(self.call)
            self.done = True
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_result(None)
        if self.future.done():  # cancelled: nobody wants the outcome
            if isinstance(outcome, tuple):
                _discard(outcome[0])
        elif isinstance(outcome, Exception):
            self.future.set_exception(outcome)
        else:
            self.future.set_result(outcome[0])


def _discard(value: object) -> None:
    """Frees what an unwanted outcome owns (a run or a client)."""
    if isinstance(value, tuple):
        for item in value:
            _discard(item)
    elif isinstance(value, _OwnsHandle):
        value.close()


class _LoopQueue:
    """The completion queue of one event loop, while it has calls in flight. Used only on the
    loop's thread."""

    _by_loop: dict[asyncio.AbstractEventLoop, _LoopQueue] = {}

    @classmethod
    def of_running_loop(cls) -> "_LoopQueue":
        loop = asyncio.get_running_loop()
        queue = cls._by_loop.get(loop)
        if queue is None:
            queue = cls._by_loop[loop] = cls(loop)
        return queue

    def __init__(self, loop: asyncio.AbstractEventLoop):
        out = ctypes.c_void_p()
        _raise_if_error(_lib.temporal_completion_queue_new(ctypes.byref(out)))
        self.queue: Optional[int] = out.value  # None once freed
        self.loop = loop
        self.pending: dict[int, _Pending[Any]] = {}  # call pointer -> entry
        self.fd: int = _lib.temporal_completion_queue_fd(self.queue)
        try:
            loop.add_reader(self.fd, self._drain)
        except BaseException:
            _lib.temporal_completion_queue_free(self.queue)
            raise

    def submit(self, op: _Op[_T]) -> _Pending[_T]:
        try:
            call = op.start(self.queue)
        except BaseException:
            self._close_if_idle()
            raise
        entry: _Pending[_T] = _Pending(call, self.loop.create_future(), op.convert)
        # No completion can be taken before this: the reader runs on this thread.
        self.pending[call] = entry
        return entry

    def _drain(self) -> None:
        unknown: list[int] = []
        while True:
            call: Optional[int] = _lib.temporal_completion_queue_next(self.queue)
            if not call:
                break
            entry = self.pending.pop(call, None)
            if entry is None:  # never ours, or returned twice: not ours to free
                unknown.append(call)
                continue
            entry.complete()
        self._close_if_idle()
        if unknown:
            raise InternalError(
                ErrorCode.INTERNAL,
                f"the completion queue returned {len(unknown)} call(s) not in flight on it",
                {"calls": [hex(c) for c in unknown]},
            )

    def _close_if_idle(self) -> None:
        # Idle queues are freed, so a loop that ends leaves no descriptor behind.
        if self.pending or self.queue is None:
            return
        if self._by_loop.get(self.loop) is self:
            del self._by_loop[self.loop]
        try:
            self.loop.remove_reader(self.fd)
        except Exception:  # the loop is closed: its selector is gone already
            pass
        queue, self.queue = self.queue, None
        _lib.temporal_completion_queue_free(queue)


def pending_calls() -> int:
    """Number of asyncio calls started and not yet taken off their completion queue."""
    return sum(len(q.pending) for q in list(_LoopQueue._by_loop.values()))


async def _call_async(op: _Op[_T]) -> _T:
    """Runs ``op`` through the running loop's completion queue."""
    loop = asyncio.get_running_loop()
    entry = _LoopQueue.of_running_loop().submit(op)
    try:
        return await entry.future
    except asyncio.CancelledError:
        if not entry.done:
            _lib.temporal_call_cancel(entry.call)
            while not entry.done:  # a repeated cancel does not skip the wait
                entry.waiter = loop.create_future()
                try:
                    await entry.waiter
                except asyncio.CancelledError:
                    pass
        elif entry.future.done() and not entry.future.cancelled():
            # The outcome arrived just before the cancel: drop it (and mark it retrieved).
            if entry.future.exception() is None:
                _discard(entry.future.result())
        raise


# Readers of a successful call's outcome.


def _json_of(call: int) -> Any:
    text = borrowed_str(_lib.temporal_call_get_json(call))
    return json.loads(text) if text is not None else None


def _nothing(call: int) -> None:
    return None


def _payloads_of(call: int) -> list[Payload]:
    """The result payloads of a call made with ``result_as_payloads`` (after the codec's
    decode)."""
    ptr = _lib.temporal_call_take_payloads(call)
    if not ptr:
        raise InternalError(ErrorCode.INTERNAL, "the call completed without payloads", None)
    with _CPayloads(ptr) as c_list:
        return c_list.read()


def _result_of(as_payloads: bool) -> Callable[[int], Any]:
    """The reader of a call's result: its payloads, or its JSON value."""
    return _payloads_of if as_payloads else _json_of


def _args_json(args: Sequence[Any], arg_payloads: Optional[Sequence[Payload]], name: str) -> Optional[bytes]:
    """A call's ``*_json`` arguments: NULL when its payloads are given instead."""
    if arg_payloads is None:
        return _json(list(args), name)
    if isinstance(arg_payloads, (Payload, str, bytes)):
        raise _invalid(f"{name.rstrip('s')}_payloads must be a sequence of Payload objects")
    if len(args):
        raise _invalid(f"{name} and {name.rstrip('s')}_payloads are exclusive: give the arguments one way")
    return None


def _run_of(call: int) -> "WorkflowRun":
    ptr = _lib.temporal_call_take_run(call)
    if not ptr:
        raise InternalError(ErrorCode.INTERNAL, "the call completed without a run", None)
    return WorkflowRun(ptr)


def _client_of(call: int) -> "Client":
    ptr = _lib.temporal_call_take_client(call)
    if not ptr:
        raise InternalError(ErrorCode.INTERNAL, "the call completed without a client", None)
    return Client(ptr)


def _bytes_of(call: int) -> bytes:
    data = ctypes.c_void_p()
    size = ctypes.c_size_t()
    if not _lib.temporal_call_get_bytes(call, ctypes.byref(data), ctypes.byref(size)):
        raise InternalError(ErrorCode.INTERNAL, "the raw RPC completed without a response", None)
    # Copied: the bytes are the call's, freed with it.
    return ctypes.string_at(data.value, size.value) if data.value else b""


def _count_of(call: int) -> int:
    count = ctypes.c_int64()
    if not _lib.temporal_call_get_count(call, ctypes.byref(count)):
        raise InternalError(ErrorCode.INTERNAL, "the count call completed without a count", None)
    return count.value


def _update_handle_of(call: int) -> "UpdateHandle":
    ptr = _lib.temporal_call_take_update_handle(call)
    if not ptr:
        raise InternalError(ErrorCode.INTERNAL, "the call completed without an update handle", None)
    return UpdateHandle(ptr)


def _update_with_start_of(call: int) -> tuple["UpdateHandle", "WorkflowRun"]:
    run = _run_of(call)  # owned from here: freed by its finalizer if the handle is missing
    return _update_handle_of(call), run


def _update_of(call: int) -> tuple[Any, str]:
    update_id = borrowed_str(_lib.temporal_call_get_update_id(call))
    if update_id is None:
        raise InternalError(ErrorCode.INTERNAL, "the update completed without an update ID", None)
    return _json_of(call), update_id


def _update_payloads_of(call: int) -> tuple[Any, str]:
    update_id = borrowed_str(_lib.temporal_call_get_update_id(call))
    if update_id is None:
        raise InternalError(ErrorCode.INTERNAL, "the update completed without an update ID", None)
    return _payloads_of(call), update_id


# ---------------------------------------------------------------------------------------------
# Runtime
# ---------------------------------------------------------------------------------------------


# The callback the library calls: (level, target, message).
LogCallback = Callable[[Union[LogLevel, int], str, str], None]

_log_callbacks: list[Any] = []  # installed log callbacks, referenced forever (as the library does)
# The arguments of the last accepted runtime_init, which a forked child applies again.
_runtime_args: dict[str, Any] = {}


def runtime_init(
    worker_threads: int = 0,
    log_level: Optional[Union[LogLevel, int]] = None,
    log_callback: Optional[LogCallback] = None,
    *,
    metrics_prometheus_address: Optional[str] = None,
    metrics_prefix: Optional[str] = None,
    metrics_global_tags: Optional[Mapping[str, str]] = None,
    metrics_durations_in_seconds: bool = False,
    metrics_otlp_url: Optional[str] = None,
    metrics_otlp_http: bool = False,
    metrics_otlp_headers: Optional[Mapping[str, str]] = None,
    metrics_otlp_period: Optional[Duration] = None,
) -> None:
    """Configures the library's runtime (``temporal_runtime_init``). Only before any other use
    of the library in this process (connect...); afterwards raises
    :class:`InvalidArgumentError` and changes nothing.

    ``worker_threads``: 0 for the number of CPUs, at most 4. ``log_callback(level, target,
    message)`` receives log events at ``log_level`` and more severe (``level`` a
    :class:`LogLevel`, ``target`` and ``message`` str); it is called on library threads, must
    be quick and its exceptions are ignored. ``log_level`` ``None``: ``INFO`` with a callback,
    else ``OFF``. An installed callback stays for the life of the process.

    Metrics (the Go SDK's names and tags, see the README): ``metrics_prometheus_address``
    (``"ip:port"``; port 0 picks a free one, read it with :func:`runtime_metrics_address`) serves
    them as Prometheus text on ``http://<address>/metrics`` and starts the runtime at once (an
    address that cannot be bound raises :class:`InvalidArgumentError`). ``metrics_prefix``
    (default ``temporal_``), ``metrics_global_tags`` (tags on every metric) and
    ``metrics_durations_in_seconds`` (latency histograms in seconds, not milliseconds) apply to
    every meter. A forked child gets the same options without the endpoint (the parent holds its
    port). ``metrics_otlp_url`` instead pushes them to an OpenTelemetry collector over OTLP/gRPC
    (``"http://host:4317"``), or OTLP/HTTP with ``metrics_otlp_http`` (``".../v1/metrics"``),
    every ``metrics_otlp_period`` (default 1 s), with ``metrics_otlp_headers``; a forked child
    exports on its own.
    """
    opts = _native.new_options(_native.TemporalRuntimeOptions)
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

        def _on_log(
            _user_data: Optional[int],
            level: int,
            target: Optional[int],
            message: Optional[int],
            _fn: LogCallback = log_callback,
        ) -> None:
            try:
                named: Union[LogLevel, int] = level
                try:
                    named = LogLevel(level)
                except ValueError:
                    pass
                _fn(named, borrowed_str(target) or "", borrowed_str(message) or "")
            except BaseException:
                pass

        c_callback = _native.LOG_CALLBACK_TYPE(_on_log)
        opts.log_callback = c_callback
    opts.metrics_prometheus_address = _cstr(metrics_prometheus_address, "metrics_prometheus_address")
    opts.metrics_prefix = _cstr(metrics_prefix, "metrics_prefix")
    opts.metrics_global_tags_json = _json(
        dict(metrics_global_tags) if metrics_global_tags is not None else None, "metrics_global_tags"
    )
    opts.metrics_durations_in_seconds = bool(metrics_durations_in_seconds)
    opts.metrics_otlp_url = _cstr(metrics_otlp_url, "metrics_otlp_url")
    opts.metrics_otlp_protocol = (
        _native.TEMPORAL_OTLP_PROTOCOL_HTTP if metrics_otlp_http else _native.TEMPORAL_OTLP_PROTOCOL_GRPC
    )
    opts.metrics_otlp_headers_json = _json(
        dict(metrics_otlp_headers) if metrics_otlp_headers is not None else None, "metrics_otlp_headers"
    )
    opts.metrics_otlp_period_ms = _ms(metrics_otlp_period, "metrics_otlp_period")
    err = _lib.temporal_runtime_init(ctypes.byref(opts))
    if c_callback is not None:
        _log_callbacks.append(c_callback)  # kept even if refused: cheap and always safe
    _raise_if_error(err)
    global _runtime_args
    _runtime_args = dict(
        worker_threads=threads,
        log_level=log_level,
        log_callback=log_callback,
        metrics_prefix=metrics_prefix,
        metrics_global_tags=metrics_global_tags,
        metrics_durations_in_seconds=metrics_durations_in_seconds,
        metrics_otlp_url=metrics_otlp_url,
        metrics_otlp_http=metrics_otlp_http,
        metrics_otlp_headers=metrics_otlp_headers,
        metrics_otlp_period=metrics_otlp_period,
    )


def runtime_metrics_address() -> Optional[str]:
    """The ``"host:port"`` the Prometheus endpoint listens on (the real port when 0 was asked
    for), or ``None`` when no endpoint runs (``temporal_runtime_metrics_address``)."""
    buffer = ctypes.create_string_buffer(128)
    n = _lib.temporal_runtime_metrics_address(buffer, len(buffer))
    return buffer.value.decode() if n else None


def _after_fork_in_child() -> None:
    """``os.fork()`` child (gunicorn, uWSGI and other preforking servers): gives the child a
    fresh runtime of its own with the options the parent set, so ``Client.connect`` works there.
    What the child inherited (clients, runs, calls in flight) raises :class:`ShutdownError`;
    the library never touches it, not even when it is garbage-collected."""
    _LoopQueue._by_loop.clear()  # the parent's event loops and queues: not the child's
    try:
        runtime_init(**_runtime_args)
    except TemporalError:
        pass  # the parent shut the library down before it was ever used: so is the child


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def runtime_shutdown(timeout: Optional[Duration] = None) -> None:
    """Shuts the library down for this process (``temporal_runtime_shutdown``): pending calls
    end with :class:`CanceledError`, later calls raise :class:`ShutdownError`. Waits at most
    ``timeout`` seconds for the library's threads (``None``: 5). Calling it twice is a no-op.
    """
    _raise_if_error(_lib.temporal_runtime_shutdown(_ms(timeout, "timeout", unlimited=True)))


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------


class IndexedValueType(enum.IntEnum):
    """``temporal_indexed_value_type``: the Python SDK's ``temporalio.common.SearchAttributeIndexedValueType``
    (the proto's numbers), a typed search attribute's registered type."""

    TEXT = _native.TEMPORAL_INDEXED_VALUE_TYPE_TEXT
    KEYWORD = _native.TEMPORAL_INDEXED_VALUE_TYPE_KEYWORD
    INT = _native.TEMPORAL_INDEXED_VALUE_TYPE_INT
    DOUBLE = _native.TEMPORAL_INDEXED_VALUE_TYPE_DOUBLE
    BOOL = _native.TEMPORAL_INDEXED_VALUE_TYPE_BOOL
    DATETIME = _native.TEMPORAL_INDEXED_VALUE_TYPE_DATETIME
    KEYWORD_LIST = _native.TEMPORAL_INDEXED_VALUE_TYPE_KEYWORD_LIST


@dataclass(frozen=True)
class SearchAttribute:
    """One typed search attribute (the Go SDK's ``TypedSearchAttributes`` entry): its name, its
    registered type and its value: a ``str`` for TEXT and KEYWORD, an ``int`` for INT, a number
    for DOUBLE, a ``bool`` for BOOL, a time-zone-aware ``datetime`` (or an RFC 3339 string) for
    DATETIME, a list of ``str`` for KEYWORD_LIST. A value not of the type is refused
    (:class:`InvalidArgumentError`, nothing sent). A ``(name, type, value)`` tuple is the same."""

    name: str
    type: IndexedValueType
    value: Any


SearchAttributeLike = Union[SearchAttribute, Tuple[str, Union[IndexedValueType, int], Any]]


@dataclass(frozen=True)
class WorkerDeploymentVersion:
    """The Python SDK's ``temporalio.common.WorkerDeploymentVersion`` (the Go SDK's
    ``worker.WorkerDeploymentVersion``): a worker deployment's name and a build ID in it."""

    deployment_name: str
    build_id: str


@dataclass(frozen=True)
class PinnedVersioningOverride:
    """The Python SDK's ``PinnedVersioningOverride``: the workflow runs on this deployment
    version (``versioning_override=``)."""

    version: WorkerDeploymentVersion


@dataclass(frozen=True)
class AutoUpgradeVersioningOverride:
    """The Python SDK's ``AutoUpgradeVersioningOverride``: the workflow moves to its deployment's
    current version on its next workflow task (``versioning_override=``)."""


VersioningOverride = Union[PinnedVersioningOverride, AutoUpgradeVersioningOverride]


@dataclass
class Priority:
    """The Python SDK's ``temporalio.common.Priority`` (the Go SDK's ``temporal.Priority``): how
    the task queue orders the workflow's tasks. ``priority_key`` 1 is the highest (``None``: the
    default, the middle one); tasks are dispatched fairly between ``fairness_key`` values in
    proportion to their ``fairness_weight`` (``None``: 1.0). The library checks the values."""

    priority_key: Optional[int] = None
    fairness_key: Optional[str] = None
    fairness_weight: Optional[float] = None


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
        c = _native.new_options(TemporalRetryPolicy)
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


# -- schedules ---------------------------------------------------------------------------------
#
# The Python SDK's (temporalio.client) schedule types, as far as the C API's
# temporal_schedule_options says them: times are timezone-aware datetimes, durations seconds or
# timedeltas, calendars range strings (the server parses them).


@dataclass
class ScheduleIntervalSpec:
    """An action every ``every`` (required, positive), shifted by ``offset`` from the Unix
    epoch's multiples of it (``temporal_schedule_interval``)."""

    every: Duration
    offset: Optional[Duration] = None


@dataclass
class ScheduleCalendarSpec:
    """A calendar of range strings as the server parses them (``"0"``, ``"*"``, ``"1-5"``,
    ``"*/15"``, ``"MON-FRI"``, ``"1,15"``); ``None``: the server's default for the field
    (``"0"`` for second, minute and hour, ``"*"`` for the others). ``comment`` is free text.
    (``temporal_schedule_calendar``; the Python SDK spells the ranges as objects.)"""

    second: Optional[str] = None
    minute: Optional[str] = None
    hour: Optional[str] = None
    day_of_month: Optional[str] = None
    month: Optional[str] = None
    day_of_week: Optional[str] = None
    year: Optional[str] = None
    comment: Optional[str] = None


@dataclass
class ScheduleSpec:
    """When a schedule's actions run: the union of ``cron_strings`` (``"0 12 * * MON-FRI"``,
    ``"@every 1h"``...), ``intervals`` and ``calendars``, less the times matched by ``skip``
    (the C API's ``exclude_calendars``), between ``start_at`` and ``end_at`` (``None``:
    unbounded), each delayed by a random time up to ``jitter``, in the IANA ``time_zone_name``
    (``None``: UTC)."""

    cron_strings: Sequence[str] = field(default_factory=list)
    intervals: Sequence[ScheduleIntervalSpec] = field(default_factory=list)
    calendars: Sequence[ScheduleCalendarSpec] = field(default_factory=list)
    skip: Sequence[ScheduleCalendarSpec] = field(default_factory=list)
    start_at: Optional[_dt.datetime] = None
    end_at: Optional[_dt.datetime] = None
    jitter: Optional[Duration] = None
    time_zone_name: Optional[str] = None


@dataclass(init=False)
class ScheduleActionStartWorkflow:
    """The action of a schedule: start workflow ``workflow`` (its type name) with ``args``
    (JSON values, one per parameter) or ``arg_payloads``, with Workflow ID ``id`` (required:
    each run's ID is it plus the scheduled time, unless
    :attr:`SchedulePolicy.keep_original_workflow_id`) on ``task_queue`` (required). The other
    fields are :meth:`Client.execute_workflow`'s; the ones that mean nothing for a scheduled
    start (ID policies, start delay, cron) are not here."""

    workflow: str
    args: Sequence[Any]
    id: str
    task_queue: str
    execution_timeout: Optional[Duration]
    run_timeout: Optional[Duration]
    task_timeout: Optional[Duration]
    retry_policy: Optional[RetryPolicy]
    memo: Optional[Mapping[str, Any]]
    search_attributes: Optional[Mapping[str, Any]]
    static_summary: Optional[str]
    static_details: Optional[str]
    priority: Optional[Priority]
    arg_payloads: Optional[Sequence[Payload]]

    def __init__(
        self,
        workflow: str,
        *args: Any,
        id: str,
        task_queue: str,
        execution_timeout: Optional[Duration] = None,
        run_timeout: Optional[Duration] = None,
        task_timeout: Optional[Duration] = None,
        retry_policy: Optional[RetryPolicy] = None,
        memo: Optional[Mapping[str, Any]] = None,
        search_attributes: Optional[Mapping[str, Any]] = None,
        static_summary: Optional[str] = None,
        static_details: Optional[str] = None,
        priority: Optional[Priority] = None,
        arg_payloads: Optional[Sequence[Payload]] = None,
    ):
        self.workflow = workflow
        self.args = args
        self.id = id
        self.task_queue = task_queue
        self.execution_timeout = execution_timeout
        self.run_timeout = run_timeout
        self.task_timeout = task_timeout
        self.retry_policy = retry_policy
        self.memo = memo
        self.search_attributes = search_attributes
        self.static_summary = static_summary
        self.static_details = static_details
        self.priority = priority
        self.arg_payloads = arg_payloads


@dataclass
class SchedulePolicy:
    """What a schedule does on overlaps (``overlap``), how late a missed action may still run
    (``catchup_window``, ``None``: the server's default, one year), whether an action's failed
    workflow pauses it (``pause_on_failure``), and whether each workflow keeps the action's ID
    as it is (``keep_original_workflow_id``, without the scheduled time appended)."""

    overlap: Union[ScheduleOverlapPolicy, int] = ScheduleOverlapPolicy.UNSPECIFIED
    catchup_window: Optional[Duration] = None
    pause_on_failure: bool = False
    keep_original_workflow_id: bool = False


@dataclass
class ScheduleState:
    """A schedule's state: ``paused``, a ``note`` about it, and how many more actions it runs
    (``remaining_actions``, 0: unlimited)."""

    note: Optional[str] = None
    paused: bool = False
    remaining_actions: int = 0


@dataclass
class Schedule:
    """A schedule (the Python SDK's ``Schedule``): what it starts, when, and how."""

    action: ScheduleActionStartWorkflow
    spec: ScheduleSpec
    policy: SchedulePolicy = field(default_factory=SchedulePolicy)
    state: ScheduleState = field(default_factory=ScheduleState)


@dataclass
class ScheduleBackfill:
    """Run the actions the spec would have run between ``start_at`` and ``end_at`` (aware
    datetimes, start not after end), with ``overlap`` (``UNSPECIFIED``: the schedule's
    policy)."""

    start_at: _dt.datetime
    end_at: _dt.datetime
    overlap: Union[ScheduleOverlapPolicy, int] = ScheduleOverlapPolicy.UNSPECIFIED


def _unix_ms(value: Optional[_dt.datetime], name: str) -> int:
    """Unix milliseconds of an aware datetime (``None``: 0, the C API's "not set")."""
    if value is None:
        return 0
    if not isinstance(value, _dt.datetime):
        raise _invalid(f"{name} must be a datetime, not {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise _invalid(f"{name} must be timezone-aware (e.g. datetime.now(timezone.utc))")
    epoch = _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)
    return (value - epoch) // _dt.timedelta(milliseconds=1)


def _ms_or_zero(value: Optional[Duration], name: str) -> int:
    """A duration where zero is allowed and means "not set" (an interval's offset)."""
    if value is None or value == 0 or value == _dt.timedelta(0):
        return 0
    return _ms(value, name)


def _overlap(value: Union[ScheduleOverlapPolicy, int], name: str) -> int:
    """An overlap policy as given: the library refuses a value that names none."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise _invalid(f"{name} must be a ScheduleOverlapPolicy, not {value!r}")
    if not -(2**31) <= value < 2**31:
        raise _invalid(f"{name} is out of range")
    return int(value)


def _calendars(
    calendars: Sequence[ScheduleCalendarSpec], name: str
) -> Optional[ctypes.Array[_native.TemporalScheduleCalendar]]:
    items = list(calendars or ())
    if not items:
        return None
    array = (_native.TemporalScheduleCalendar * len(items))()
    for i, calendar in enumerate(items):
        if not isinstance(calendar, ScheduleCalendarSpec):
            raise _invalid(f"{name}[{i}] must be a ScheduleCalendarSpec, not {type(calendar).__name__}")
        c = array[i]  # a view into the array: what it references, the array keeps alive
        for part in ("second", "minute", "hour", "day_of_month", "month", "day_of_week", "year", "comment"):
            setattr(c, part, _cstr(getattr(calendar, part), f"{name}[{i}].{part}"))
    return array


def _backfills(
    backfills: Sequence[ScheduleBackfill], name: str
) -> Optional[ctypes.Array[_native.TemporalScheduleBackfill]]:
    if isinstance(backfills, ScheduleBackfill):
        backfills = [backfills]
    items = list(backfills or ())
    if not items:
        return None
    array = (_native.TemporalScheduleBackfill * len(items))()
    for i, backfill in enumerate(items):
        if not isinstance(backfill, ScheduleBackfill):
            raise _invalid(f"{name}[{i}] must be a ScheduleBackfill, not {type(backfill).__name__}")
        array[i].start_time_unix_ms = _unix_ms(backfill.start_at, f"{name}[{i}].start_at")
        array[i].end_time_unix_ms = _unix_ms(backfill.end_at, f"{name}[{i}].end_at")
        array[i].overlap_policy = _overlap(backfill.overlap, f"{name}[{i}].overlap")
    return array


def _schedule_options(
    schedule: Optional[Schedule],
    schedule_proto: Optional[Union[bytes, bytearray, memoryview]] = None,
    trigger_immediately: bool = False,
    backfill: Sequence[ScheduleBackfill] = (),
    memo: Optional[Mapping[str, Any]] = None,
    search_attributes: Optional[Mapping[str, Any]] = None,
) -> tuple[_native.TemporalScheduleOptions, Optional[Sequence[Payload]]]:
    """The ``temporal_schedule_options`` of a :class:`Schedule` (or its protobuf encoding) and
    the action's argument payloads, if given as payloads (``temporal_call_options``). The
    struct keeps everything it points to alive."""
    opts = _native.new_options(_native.TemporalScheduleOptions)
    arg_payloads: Optional[Sequence[Payload]] = None
    if schedule is not None:
        if not isinstance(schedule, Schedule):
            raise _invalid(f"schedule must be a Schedule, not {type(schedule).__name__}")
        spec, action, policy, state = schedule.spec, schedule.action, schedule.policy, schedule.state
        if not isinstance(spec, ScheduleSpec):
            raise _invalid(f"schedule.spec must be a ScheduleSpec, not {type(spec).__name__}")
        if not isinstance(action, ScheduleActionStartWorkflow):
            raise _invalid(
                f"schedule.action must be a ScheduleActionStartWorkflow, not {type(action).__name__}"
            )
        crons = spec.cron_strings
        if isinstance(crons, (str, bytes)):
            raise _invalid("spec.cron_strings must be a sequence of strings, not one string")
        cron_list = [_cstr(c, f"spec.cron_strings[{i}]") for i, c in enumerate(crons or ())]
        if cron_list:
            opts.cron_strings = (ctypes.c_char_p * len(cron_list))(*cron_list)
            opts.cron_strings_len = len(cron_list)
        intervals = list(spec.intervals or ())
        if intervals:
            c_intervals = (_native.TemporalScheduleInterval * len(intervals))()
            for i, interval in enumerate(intervals):
                if not isinstance(interval, ScheduleIntervalSpec):
                    raise _invalid(
                        f"spec.intervals[{i}] must be a ScheduleIntervalSpec, not {type(interval).__name__}"
                    )
                c_intervals[i].every_ms = _ms(interval.every, f"spec.intervals[{i}].every")
                c_intervals[i].offset_ms = _ms_or_zero(interval.offset, f"spec.intervals[{i}].offset")
            opts.intervals = c_intervals
            opts.intervals_len = len(intervals)
        calendars = _calendars(spec.calendars, "spec.calendars")
        if calendars is not None:
            opts.calendars = calendars
            opts.calendars_len = len(calendars)
        skip = _calendars(spec.skip, "spec.skip")
        if skip is not None:
            opts.exclude_calendars = skip
            opts.exclude_calendars_len = len(skip)
        opts.start_time_unix_ms = _unix_ms(spec.start_at, "spec.start_at")
        opts.end_time_unix_ms = _unix_ms(spec.end_at, "spec.end_at")
        opts.jitter_ms = _ms(spec.jitter, "spec.jitter")
        opts.time_zone_name = _cstr(spec.time_zone_name, "spec.time_zone_name")

        opts.workflow_type = _cstr(action.workflow, "action.workflow")
        opts.args_json = _args_json(action.args, action.arg_payloads, "args")
        arg_payloads = action.arg_payloads
        start = _start_options(
            task_queue=action.task_queue,
            id=action.id,
            execution_timeout=action.execution_timeout,
            run_timeout=action.run_timeout,
            task_timeout=action.task_timeout,
            retry_policy=action.retry_policy,
            memo=action.memo,
            search_attributes=action.search_attributes,
            static_summary=action.static_summary,
            static_details=action.static_details,
            priority=action.priority,
        )
        opts.workflow_options = ctypes.pointer(start)

        if not isinstance(policy, SchedulePolicy):
            raise _invalid(f"schedule.policy must be a SchedulePolicy, not {type(policy).__name__}")
        opts.overlap_policy = _overlap(policy.overlap, "policy.overlap")
        opts.catchup_window_ms = _ms(policy.catchup_window, "policy.catchup_window")
        opts.pause_on_failure = bool(policy.pause_on_failure)
        opts.keep_original_workflow_id = bool(policy.keep_original_workflow_id)

        if not isinstance(state, ScheduleState):
            raise _invalid(f"schedule.state must be a ScheduleState, not {type(state).__name__}")
        opts.paused = bool(state.paused)
        opts.note = _cstr(state.note, "state.note")
        remaining = int(state.remaining_actions or 0)
        if not 0 <= remaining < 2**63:
            raise _invalid("state.remaining_actions must be 0 (unlimited) or positive")
        opts.remaining_actions = remaining
    if schedule_proto is not None:
        proto = _bytes(schedule_proto, "schedule_proto")
        opts.schedule_proto = proto
        opts.schedule_proto_len = len(proto)
    opts.trigger_immediately = bool(trigger_immediately)
    backfills = _backfills(backfill, "backfill")
    if backfills is not None:
        opts.backfills = backfills
        opts.backfills_len = len(backfills)
    opts.memo_json = _json(dict(memo) if memo is not None else None, "memo")
    opts.search_attributes_json = _json(
        dict(search_attributes) if search_attributes is not None else None, "search_attributes"
    )
    return opts, arg_payloads


if TYPE_CHECKING:
    # For type checkers only (typing_extensions is not needed at run time): the keyword
    # arguments the `**options` / `**start_options` methods take.
    from typing_extensions import Required, TypedDict, Unpack

    class StartOptions(TypedDict, total=False):
        """:meth:`Client.execute_workflow`'s keyword arguments."""

        task_queue: Required[str]
        id: Optional[str]
        execution_timeout: Optional[Duration]
        run_timeout: Optional[Duration]
        task_timeout: Optional[Duration]
        id_reuse_policy: Union[WorkflowIdReusePolicy, int]
        id_conflict_policy: Union[WorkflowIdConflictPolicy, int]
        error_when_already_started: bool
        retry_policy: Optional[RetryPolicy]
        cron_schedule: Optional[str]
        memo: Optional[Mapping[str, Any]]
        search_attributes: Optional[Mapping[str, Any]]
        start_delay: Optional[Duration]
        static_summary: Optional[str]
        static_details: Optional[str]
        priority: Optional[Priority]
        typed_search_attributes: Optional[Sequence[SearchAttributeLike]]
        versioning_override: Optional[VersioningOverride]

    class ConnectOptions(TypedDict, total=False):
        """:meth:`Client.connect`'s keyword arguments."""

        namespace: Optional[str]
        identity: Optional[str]
        api_key: Optional[str]
        tls: Optional[bool]
        tls_server_ca_cert: Optional[Union[str, bytes]]
        tls_client_cert: Optional[Union[str, bytes]]
        tls_client_key: Optional[Union[str, bytes]]
        tls_server_name: Optional[str]
        tls_disable_host_verification: bool
        grpc_metadata: Optional[Mapping[str, str]]
        connect_timeout: Optional[Duration]
        envconfig: Union[EnvconfigMode, int]
        envconfig_profile: Optional[str]
        envconfig_file: Optional[str]
        grpc_compression: str
        keep_alive_interval: Optional[Duration]
        keep_alive_timeout: Optional[Duration]
        keep_alive: bool
        proxy_address: Optional[str]
        proxy_basic_auth: Optional[tuple[str, str]]
        payload_codec: Optional[PayloadCodec]
        metric_meter: Optional[MetricMeter]
        lazy: bool


_Owner = TypeVar("_Owner", bound="_OwnsHandle")


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

    def __enter__(self: _Owner) -> _Owner:
        return self

    def __exit__(self, *exc: object) -> None:
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
    usable after its client is closed, and calls started on it go on after it is closed.
    """

    def __init__(self, _ptr: int):
        self._handle = _Handle(_ptr, _lib.temporal_workflow_run_free, "workflow run")
        with _Use(self._handle) as ptr:
            self._id = borrowed_str(_lib.temporal_workflow_run_get_id(ptr)) or ""
        self._run_id = ""  # once known it never changes

    @property
    def id(self) -> str:
        """The Workflow ID."""
        return self._id

    @property
    def run_id(self) -> str:
        """The Run ID, never blocking. Known for a run from a start or from
        :meth:`Client.get_workflow` with a Run ID; for one without, ``""`` until the current run
        was pinned by a result wait or :meth:`resolve_run_id`."""
        if not self._run_id:
            with _Use(self._handle) as ptr:
                self._run_id = borrowed_str(_lib.temporal_workflow_run_get_run_id(ptr)) or ""
        return self._run_id

    def _result_op(self, timeout: Optional[Duration], result_as_payloads: bool = False) -> _Op[Any]:
        return _Op(
            self._handle, _lib.temporal_get_result_async, (), _result_of(result_as_payloads),
            _ms(timeout, "timeout", unlimited=True), result_as_payloads=result_as_payloads,
        )

    def result(self, timeout: Optional[Duration] = None, *, result_as_payloads: bool = False) -> Any:
        """Waits for the workflow to close and returns its result, ``json.loads``-ed
        (``None`` when the workflow returned nothing); with ``result_as_payloads``, the
        result payloads as they came (after the client's payload codec), a list of
        :class:`Payload` (``[]`` when the workflow returned nothing).

        ``timeout``: give up after this many seconds with :class:`DeadlineExceededError`
        (the workflow is not affected); ``None`` (or ``math.inf``): wait as long as it takes.
        Raises :class:`WorkflowFailedError`, :class:`WorkflowCanceledError`,
        :class:`WorkflowTerminatedError`, :class:`WorkflowTimedOutError`,
        :class:`NotFoundError`, :class:`PayloadError`, :class:`UnavailableError`...
        """
        return _call(self._result_op(timeout, result_as_payloads))

    async def result_async(self, timeout: Optional[Duration] = None, *, result_as_payloads: bool = False) -> Any:
        """:meth:`result` for asyncio: holds no thread while it waits. Cancelling the awaiting
        task cancels the wait (not the workflow)."""
        return await _call_async(self._result_op(timeout, result_as_payloads))

    def _resolve_op(self) -> _Op[str]:
        return _Op(
            self._handle, _lib.temporal_workflow_run_resolve_run_id_async, (),
            lambda call: self.run_id,
        )

    def resolve_run_id(self) -> str:
        """Asks the server for the current run of a run from :meth:`Client.get_workflow`
        without a Run ID (``temporal_workflow_run_resolve_run_id_async``; 10 s at most) and
        returns :attr:`run_id` (``""`` if the server could not say). Returns at once for a run
        whose Run ID is known."""
        return _call(self._resolve_op())

    async def resolve_run_id_async(self) -> str:
        """:meth:`resolve_run_id` for asyncio."""
        return await _call_async(self._resolve_op())

    def __repr__(self) -> str:
        return f"WorkflowRun(id={self._id!r}, run_id={self._run_id!r})"


class UpdateHandle(_OwnsHandle):
    """An update of a workflow (``temporal_update_handle``), the Go SDK's
    ``WorkflowUpdateHandle``: its update ID, Workflow ID and Run ID, and its result on demand.

    Obtained from :meth:`Client.start_update`, :meth:`Client.update_with_start_workflow` or
    :meth:`Client.get_update_handle`. Frees its handle on :meth:`close`, on leaving a ``with``
    block, or when garbage-collected; result waits already started on it go on, and the update
    itself is not affected. It stays usable after its client is closed.
    """

    def __init__(self, _ptr: int):
        self._handle = _Handle(_ptr, _lib.temporal_update_handle_free, "update handle")
        with _Use(self._handle) as ptr:
            # Fixed for the handle's life: read once.
            self._id = borrowed_str(_lib.temporal_update_handle_get_id(ptr)) or ""
            self._workflow_id = borrowed_str(_lib.temporal_update_handle_get_workflow_id(ptr)) or ""
            self._run_id = borrowed_str(_lib.temporal_update_handle_get_run_id(ptr)) or ""

    @property
    def id(self) -> str:
        """The update ID (the Go SDK's ``UpdateID()``): the one given, or the UUID the library
        generated."""
        return self._id

    @property
    def workflow_id(self) -> str:
        """The Workflow ID of the update (the Go SDK's ``WorkflowID()``)."""
        return self._workflow_id

    @property
    def run_id(self) -> str:
        """The Run ID (the Go SDK's ``RunID()``): the run the server named when the update
        started; for a handle from :meth:`Client.get_update_handle`, the Run ID given (``""``
        if none)."""
        return self._run_id

    def _result_op(self, timeout: Optional[Duration], result_as_payloads: bool = False) -> _Op[Any]:
        return _Op(
            self._handle, _lib.temporal_update_handle_get_result_async, (),
            _result_of(result_as_payloads), _ms(timeout, "timeout", unlimited=True),
            result_as_payloads=result_as_payloads,
        )

    def result(self, timeout: Optional[Duration] = None, *, result_as_payloads: bool = False) -> Any:
        """Waits for the update's outcome (the Go SDK's ``WorkflowUpdateHandle.Get``;
        ``temporal_update_handle_get_result_async``) and returns the handler's result,
        ``json.loads``-ed. At once for a handle from a start that waited for
        :attr:`UpdateStage.COMPLETED`; otherwise it waits on the server as long as the update
        runs. Can be called any number of times.

        A rejected update (by the workflow's validator) or a failed handler raises
        :class:`UpdateFailedError` (:attr:`~TemporalError.failure`, ``details["update_id"]``);
        an unknown update, :class:`NotFoundError`. ``timeout``: give up after this many seconds
        with :class:`DeadlineExceededError`, leaving the update running; ``None`` (or
        ``math.inf``): no limit. ``result_as_payloads``: the result as a list of
        :class:`Payload` (after the client's payload codec), not decoded.
        """
        return _call(self._result_op(timeout, result_as_payloads))

    async def result_async(self, timeout: Optional[Duration] = None, *, result_as_payloads: bool = False) -> Any:
        """:meth:`result` for asyncio: holds no thread while it waits. Cancelling the awaiting
        task cancels the wait (not the update)."""
        return await _call_async(self._result_op(timeout, result_as_payloads))

    def __repr__(self) -> str:
        return (
            f"UpdateHandle(id={self._id!r}, workflow_id={self._workflow_id!r}, "
            f"run_id={self._run_id!r})"
        )


# A schedule update's `updater`: the schedule's description (as describe gives it) -> the new
# schedule, or None to leave it as it is.
ScheduleUpdater = Callable[[JsonObject], Optional[Schedule]]


class ScheduleHandle:
    """A schedule by its ID (the Python SDK's ``ScheduleHandle``, the Go SDK's
    ``ScheduleHandle``): from :meth:`Client.create_schedule` or
    :meth:`Client.get_schedule_handle`. Holds no library handle: each method is one call with
    its client (closed client: :class:`InvalidArgumentError`). Every method takes ``timeout``
    (``None``: 10 s) and has an ``_async`` twin. No such schedule: :class:`NotFoundError`."""

    def __init__(self, client: "Client", id: str):
        self._client = client
        self._id = id
        self._c_id = _cstr(id, "schedule_id")

    @property
    def id(self) -> str:
        """The schedule ID."""
        return self._id

    @property
    def client(self) -> "Client":
        return self._client

    def _op(self, fn: _CFunction, args: tuple[Any, ...], convert: Callable[[int], _T],
            timeout: Optional[Duration], arg_payloads: Optional[Sequence[Payload]] = None) -> _Op[_T]:
        return _Op(
            self._client._handle, fn, (self._c_id, *args), convert,
            _ms(timeout, "timeout", unlimited=True), arg_payloads=arg_payloads,
        )

    def _describe_op(self, timeout: Optional[Duration]) -> _Op[JsonObject]:
        return self._op(_lib.temporal_schedule_describe_async, (), _json_of, timeout)

    def describe(self, *, timeout: Optional[Duration] = None) -> JsonObject:
        """The schedule (``temporal_schedule_describe_async``) as a dict: ``schedule_id``,
        ``spec`` (cron strings come back as ``calendars`` of range strings), ``action``,
        ``policies`` (``overlap_policy`` as a name, e.g. ``"SKIP"``), ``state``, ``info``
        (``action_count``, ``running_workflows``, ``recent_actions``, ``next_action_times``...),
        ``memo``, ``search_attributes`` and ``conflict_token``; times are RFC 3339 text,
        durations ms (temporal.h documents every key)."""
        return _call(self._describe_op(timeout))

    async def describe_async(self, *, timeout: Optional[Duration] = None) -> JsonObject:
        """:meth:`describe` for asyncio."""
        return await _call_async(self._describe_op(timeout))

    def _update_op(
        self,
        schedule: Optional[Schedule],
        conflict_token: Optional[str],
        search_attributes: Optional[Mapping[str, Any]],
        schedule_proto: Optional[Union[bytes, bytearray, memoryview]],
        timeout: Optional[Duration],
    ) -> _Op[None]:
        opts, arg_payloads = _schedule_options(
            schedule, schedule_proto, search_attributes=search_attributes
        )
        return self._op(
            _lib.temporal_schedule_update_async,
            (ctypes.byref(opts), _cstr(conflict_token or None, "conflict_token")),
            _nothing, timeout, arg_payloads,
        )

    def update(
        self,
        schedule: Union[Schedule, ScheduleUpdater, None] = None,
        *,
        conflict_token: Optional[str] = None,
        search_attributes: Optional[Mapping[str, Any]] = None,
        schedule_proto: Optional[Union[bytes, bytearray, memoryview]] = None,
        timeout: Optional[Duration] = None,
    ) -> None:
        """Replaces the schedule's spec, action, policy and state
        (``temporal_schedule_update_async``, the Go SDK's ``ScheduleHandle.Update``, which sends
        the whole schedule) with ``schedule`` (or its ``temporal.api.schedule.v1.Schedule``
        encoding, ``schedule_proto``); ``search_attributes``, if given, replace the schedule's.

        ``schedule`` may be an updater, as in the SDKs: it gets :meth:`describe`'s dict and
        returns the new :class:`Schedule` (or ``None``: no update), sent with that
        description's conflict token, so that a change made in between wins.
        ``conflict_token``: the same check with a token of your own describe. A stale token is
        the server's to judge: the dev server (1.32) answers OK and drops the update (describe's
        ``conflict_token``, one more per applied change, shows it); a server that refuses it
        answers ``FAILED_PRECONDITION``, an :class:`RpcError`."""
        if callable(schedule) and not isinstance(schedule, Schedule):
            description = self.describe(timeout=timeout)
            new = schedule(description)
            if new is None:
                return
            _call(self._update_op(
                new, conflict_token or description.get("conflict_token"), search_attributes,
                schedule_proto, timeout,
            ))
            return
        _call(self._update_op(schedule, conflict_token, search_attributes, schedule_proto, timeout))

    async def update_async(
        self,
        schedule: Union[Schedule, ScheduleUpdater, None] = None,
        *,
        conflict_token: Optional[str] = None,
        search_attributes: Optional[Mapping[str, Any]] = None,
        schedule_proto: Optional[Union[bytes, bytearray, memoryview]] = None,
        timeout: Optional[Duration] = None,
    ) -> None:
        """:meth:`update` for asyncio (an updater is called on the loop's thread)."""
        if callable(schedule) and not isinstance(schedule, Schedule):
            description = await self.describe_async(timeout=timeout)
            new = schedule(description)
            if new is None:
                return
            await _call_async(self._update_op(
                new, conflict_token or description.get("conflict_token"), search_attributes,
                schedule_proto, timeout,
            ))
            return
        await _call_async(
            self._update_op(schedule, conflict_token, search_attributes, schedule_proto, timeout)
        )

    def _pause_op(self, fn: _CFunction, note: Optional[str], timeout: Optional[Duration]) -> _Op[None]:
        return self._op(fn, (_cstr(note or None, "note"),), _nothing, timeout)

    def pause(self, *, note: Optional[str] = None, timeout: Optional[Duration] = None) -> None:
        """Pauses the schedule (``temporal_schedule_pause_async``); ``note`` ``None``: the Go
        SDK's "Paused via Go SDK"."""
        _call(self._pause_op(_lib.temporal_schedule_pause_async, note, timeout))

    async def pause_async(self, *, note: Optional[str] = None, timeout: Optional[Duration] = None) -> None:
        """:meth:`pause` for asyncio."""
        await _call_async(self._pause_op(_lib.temporal_schedule_pause_async, note, timeout))

    def unpause(self, *, note: Optional[str] = None, timeout: Optional[Duration] = None) -> None:
        """Unpauses the schedule (``temporal_schedule_unpause_async``); ``note`` ``None``: the
        Go SDK's "Unpaused via Go SDK"."""
        _call(self._pause_op(_lib.temporal_schedule_unpause_async, note, timeout))

    async def unpause_async(self, *, note: Optional[str] = None, timeout: Optional[Duration] = None) -> None:
        """:meth:`unpause` for asyncio."""
        await _call_async(self._pause_op(_lib.temporal_schedule_unpause_async, note, timeout))

    def _trigger_op(self, overlap: Union[ScheduleOverlapPolicy, int], timeout: Optional[Duration]) -> _Op[None]:
        return self._op(
            _lib.temporal_schedule_trigger_async, (_overlap(overlap, "overlap"),), _nothing, timeout
        )

    def trigger(
        self,
        *,
        overlap: Union[ScheduleOverlapPolicy, int] = ScheduleOverlapPolicy.UNSPECIFIED,
        timeout: Optional[Duration] = None,
    ) -> None:
        """Runs the action once, now (``temporal_schedule_trigger_async``); ``overlap``
        ``UNSPECIFIED``: the schedule's policy. The server starts the workflow a moment later
        (describe's ``info.recent_actions`` shows it)."""
        _call(self._trigger_op(overlap, timeout))

    async def trigger_async(
        self,
        *,
        overlap: Union[ScheduleOverlapPolicy, int] = ScheduleOverlapPolicy.UNSPECIFIED,
        timeout: Optional[Duration] = None,
    ) -> None:
        """:meth:`trigger` for asyncio."""
        await _call_async(self._trigger_op(overlap, timeout))

    def _backfill_op(self, backfills: tuple[ScheduleBackfill, ...], timeout: Optional[Duration]) -> _Op[None]:
        array = _backfills(backfills, "backfills")
        length = len(array) if array is not None else 0
        return self._op(_lib.temporal_schedule_backfill_async, (array, length), _nothing, timeout)

    def backfill(self, *backfills: ScheduleBackfill, timeout: Optional[Duration] = None) -> None:
        """Runs the actions the spec would have run in these ranges
        (``temporal_schedule_backfill_async``; at least one)."""
        _call(self._backfill_op(backfills, timeout))

    async def backfill_async(self, *backfills: ScheduleBackfill, timeout: Optional[Duration] = None) -> None:
        """:meth:`backfill` for asyncio."""
        await _call_async(self._backfill_op(backfills, timeout))

    def _delete_op(self, timeout: Optional[Duration]) -> _Op[None]:
        return self._op(_lib.temporal_schedule_delete_async, (), _nothing, timeout)

    def delete(self, *, timeout: Optional[Duration] = None) -> None:
        """Deletes the schedule (``temporal_schedule_delete_async``); the workflows it started
        keep running."""
        _call(self._delete_op(timeout))

    async def delete_async(self, *, timeout: Optional[Duration] = None) -> None:
        """:meth:`delete` for asyncio."""
        await _call_async(self._delete_op(timeout))

    def __repr__(self) -> str:
        return f"ScheduleHandle(id={self._id!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ScheduleHandle) and other._client is self._client and other._id == self._id

    def __hash__(self) -> int:
        return hash((id(self._client), self._id))


class Client(_OwnsHandle):
    """A connected Temporal client (``temporal_client``). Thread-safe: share one per process.

    Create with :meth:`Client.connect`; free with :meth:`close` or a ``with`` block. Runs and
    calls started with it stay valid after it is closed.

    Every operation takes ``timeout``: seconds (rounded up to milliseconds) before it fails
    with :class:`DeadlineExceededError`, retries included; ``None``: the C API's default (10 s
    for one request; no limit for an update); ``math.inf``: no limit.
    """

    def __init__(self, _ptr: int):
        self._handle = _Handle(_ptr, _lib.temporal_client_free, "client")

    # -- connecting --------------------------------------------------------------------------

    @staticmethod
    def _connect_op(
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
        envconfig: Union[EnvconfigMode, int] = EnvconfigMode.AUTO,
        envconfig_profile: Optional[str] = None,
        envconfig_file: Optional[str] = None,
        grpc_compression: str = "none",
        keep_alive_interval: Optional[Duration] = None,
        keep_alive_timeout: Optional[Duration] = None,
        keep_alive: bool = True,
        proxy_address: Optional[str] = None,
        proxy_basic_auth: Optional[tuple[str, str]] = None,
        payload_codec: Optional[PayloadCodec] = None,
        metric_meter: Optional[MetricMeter] = None,
        lazy: bool = False,
    ) -> _Op[Client]:
        opts = _native.new_options(TemporalClientOptions)
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
        opts.connect_timeout_ms = _ms(connect_timeout, "connect_timeout", unlimited=True)
        # A bool is refused rather than read as 0/1: False would mean AUTO, not "off".
        if isinstance(envconfig, bool) or not isinstance(envconfig, int):
            raise _invalid(f"envconfig must be an EnvconfigMode, not {envconfig!r}")
        if not -(2**31) <= envconfig < 2**31:
            raise _invalid("envconfig is out of range")
        opts.envconfig = int(envconfig)  # the library checks the value and applies the rule
        opts.envconfig_profile = _cstr(envconfig_profile, "envconfig_profile")
        opts.envconfig_file = _cstr(envconfig_file, "envconfig_file")
        compressions = {
            "none": _native.TEMPORAL_GRPC_COMPRESSION_NONE,
            "gzip": _native.TEMPORAL_GRPC_COMPRESSION_GZIP,
        }
        try:
            opts.grpc_compression = compressions[grpc_compression]
        except (KeyError, TypeError):
            raise _invalid(
                f"grpc_compression must be 'none' or 'gzip', not {grpc_compression!r}"
            ) from None
        opts.keep_alive_interval_ms = _ms(keep_alive_interval, "keep_alive_interval")
        opts.keep_alive_timeout_ms = _ms(keep_alive_timeout, "keep_alive_timeout")
        opts.keep_alive_disabled = not keep_alive
        opts.lazy = bool(lazy)
        opts.proxy_address = _cstr(proxy_address, "proxy_address")
        if proxy_basic_auth is not None:
            if not isinstance(proxy_basic_auth, tuple) or len(proxy_basic_auth) != 2:
                raise _invalid("proxy_basic_auth must be a (user, password) tuple")
            opts.proxy_basic_auth_user = _cstr(proxy_basic_auth[0], "proxy_basic_auth user")
            opts.proxy_basic_auth_password = _cstr(proxy_basic_auth[1], "proxy_basic_auth password")
        if metric_meter is not None and not callable(getattr(metric_meter, "create_counter", None)):
            raise _invalid("metric_meter must be a MetricMeter (create_counter, create_histogram, ...)")
        codec_id = 0
        meter_id = 0
        if payload_codec is not None:
            # Last: nothing after it may refuse the arguments (the codec is registered).
            c_codec, codec_id = _codec_struct(payload_codec)
            opts.payload_codec = ctypes.pointer(c_codec)  # copied at connect
        if metric_meter is not None:
            c_meter, meter_id = _meter_struct(metric_meter)  # checked above: cannot refuse
            opts.metrics_host_meter = ctypes.pointer(c_meter)  # copied at connect
        return _ConnectOp(
            None,
            _lib.temporal_client_connect_async,
            (ctypes.byref(opts),),
            _client_of,
            codec_id=codec_id,
            meter_id=meter_id,
        )

    @classmethod
    def connect(cls, address: Optional[str] = None, **options: Unpack[ConnectOptions]) -> Client:
        """Connects (``temporal_client_connect_async``, waited for) and checks that the server
        answers.

        ``address``: ``host:port`` (not set: the envconfig address, else ``localhost:7233``).
        Keyword options: ``namespace``, ``identity``, ``api_key``, ``tls``,
        ``tls_server_ca_cert`` / ``tls_client_cert`` / ``tls_client_key`` (PEM text, not file
        names), ``tls_server_name``, ``tls_disable_host_verification``, ``grpc_metadata`` (a
        dict of str), ``connect_timeout`` (seconds; ``None``: 10; ``math.inf``: no limit), ``envconfig`` (an
        :class:`EnvconfigMode`; ``AUTO`` by default: the ``TEMPORAL_*`` environment and config
        file are loaded when no ``address`` is given), ``envconfig_profile``,
        ``envconfig_file``, ``grpc_compression`` (``"none"``, the default, or ``"gzip"``, the
        Go SDK's default: worth it for large payloads over slow links, about 5x the client CPU
        of a small call), ``keep_alive_interval`` / ``keep_alive_timeout`` (seconds between
        HTTP/2 keep-alive pings and for their answer; ``None``: 30 and 15, the Go SDK's),
        ``keep_alive`` (``False``: no pings), ``proxy_address`` (an HTTP CONNECT proxy,
        ``host:port`` or ``unix:/path``; ``HTTPS_PROXY`` is not read) and
        ``proxy_basic_auth`` (``(user, password)``; the password never appears in an error) and
        ``payload_codec`` (a :class:`PayloadCodec`, applied as the Go SDK's
        ``CodecDataConverter`` applies one: to every payload the client sends and receives,
        search attributes and headers excepted; clients from :meth:`new_from_existing` share
        it; kept alive until the library releases it, once the last client, run, update
        handle and call that uses it is gone) and ``metric_meter`` (a :class:`MetricMeter`,
        the Python SDK's ``temporalio.common.MetricMeter`` shape: the client's request metrics
        are recorded into it, synchronously on library threads; its exceptions are swallowed,
        see :func:`metric_meter_errors`; clients from :meth:`new_from_existing` share it; kept
        until the library releases it, :func:`metric_meters_alive`) and ``lazy`` (the Go SDK's
        ``NewLazyClient``: nothing is dialed and the connect returns at once, bad options still
        refused; the first call that needs the server dials, within ``connect_timeout``, and
        a dial that fails fails that call with :class:`UnavailableError` or
        :class:`DeadlineExceededError` while the next call dials again).

        Raises :class:`UnavailableError`, :class:`DeadlineExceededError`,
        :class:`InvalidArgumentError`, :class:`PermissionDeniedError`.
        """
        return _call(cls._connect_op(address, **options))

    @classmethod
    async def connect_async(
        cls, address: Optional[str] = None, **options: Unpack[ConnectOptions]
    ) -> Client:
        """:meth:`connect` for asyncio."""
        return await _call_async(cls._connect_op(address, **options))

    # -- connection settings ----------------------------------------------------------------

    def new_from_existing(
        self, namespace: Optional[str] = None, identity: Optional[str] = None
    ) -> Client:
        """The Go SDK's ``NewClientFromExisting`` (``temporal_client_new_from_existing``): a new
        client on this client's connection for ``namespace`` and ``identity`` (``None``:
        ``default`` and ``pid@hostname@``, as for a new client). No call to the server. Both
        share what is set on the connection (:meth:`set_api_key`, :meth:`set_grpc_metadata`);
        close each."""
        ns = _cstr(namespace, "namespace")
        ident = _cstr(identity, "identity")
        out = ctypes.c_void_p()
        with _Use(self._handle) as ptr:
            _raise_if_error(
                _lib.temporal_client_new_from_existing(ptr, ns, ident, ctypes.byref(out))
            )
        if not out.value:
            raise TemporalError(ErrorCode.INTERNAL, "temporal_client_new_from_existing gave no client", None)
        return Client(out.value)

    def set_api_key(self, api_key: Optional[str]) -> None:
        """Replaces the API key of the connected client without reconnecting (key rotation,
        ``temporal_client_set_api_key``): every later call sends ``authorization: Bearer
        <api_key>``; ``None`` or ``""`` sends none. Calls already sent keep their key; TLS stays
        as connect chose it. A key that is not printable ASCII raises
        :class:`InvalidArgumentError` (which does not show it) and the previous key stays."""
        key = _cstr(api_key, "api_key")
        with _Use(self._handle) as ptr:
            _raise_if_error(_lib.temporal_client_set_api_key(ptr, key))

    def set_grpc_metadata(self, metadata: Optional[Mapping[str, str]]) -> None:
        """Replaces the extra gRPC metadata sent on every later call (what ``grpc_metadata``
        and the environment configuration set at connect; ``temporal_client_set_grpc_metadata``);
        ``None`` or ``{}`` removes it. Checked as at connect (:class:`InvalidArgumentError`);
        on an error nothing changes."""
        text = _json(dict(metadata) if metadata is not None else None, "metadata")
        with _Use(self._handle) as ptr:
            _raise_if_error(_lib.temporal_client_set_grpc_metadata(ptr, text))

    # -- starting and reattaching -----------------------------------------------------------

    def _execute_op(
        self,
        workflow_type: str,
        args: tuple[Any, ...],
        start_options: StartOptions,
        arg_payloads: Optional[Sequence[Payload]] = None,
    ) -> _Op[WorkflowRun]:
        opts = _start_options(**start_options)
        c_args = (
            _cstr(workflow_type, "workflow_type"),
            _args_json(args, arg_payloads, "args"),
            ctypes.byref(opts),
        )
        return _Op(
            self._handle, _lib.temporal_execute_workflow_async, c_args, _run_of,
            arg_payloads=arg_payloads,
        )

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
        static_summary: Optional[str] = None,
        static_details: Optional[str] = None,
        priority: Optional[Priority] = None,
        typed_search_attributes: Optional[Sequence[SearchAttributeLike]] = None,
        versioning_override: Optional[VersioningOverride] = None,
        arg_payloads: Optional[Sequence[Payload]] = None,
    ) -> WorkflowRun:
        """Starts a workflow (``temporal_execute_workflow_async``, waited for: 10 s at most,
        retries included) and returns its run as soon as the server accepted the start; call
        :meth:`WorkflowRun.result` to wait.

        ``args`` are the workflow's arguments, one per parameter, sent as the JSON array
        ``json.dumps(list(args))``. Without ``id`` a random UUID is used. If the ID is already
        running, the run of that execution is returned, unless ``error_when_already_started``
        (then :class:`AlreadyStartedError`). Durations: ``None`` for "not set".
        ``arg_payloads``: the arguments as :class:`Payload` objects instead of ``args``, sent
        as they are (through the client's payload codec), one per parameter.
        """
        start_options: StartOptions = {
            "task_queue": task_queue,
            "id": id,
            "execution_timeout": execution_timeout,
            "run_timeout": run_timeout,
            "task_timeout": task_timeout,
            "id_reuse_policy": id_reuse_policy,
            "id_conflict_policy": id_conflict_policy,
            "error_when_already_started": error_when_already_started,
            "retry_policy": retry_policy,
            "cron_schedule": cron_schedule,
            "memo": memo,
            "search_attributes": search_attributes,
            "start_delay": start_delay,
            "static_summary": static_summary,
            "static_details": static_details,
            "priority": priority,
            "typed_search_attributes": typed_search_attributes,
            "versioning_override": versioning_override,
        }
        return _call(self._execute_op(workflow_type, args, start_options, arg_payloads))

    async def execute_workflow_async(
        self,
        workflow_type: str,
        *args: Any,
        arg_payloads: Optional[Sequence[Payload]] = None,
        **start_options: Unpack[StartOptions],
    ) -> WorkflowRun:
        """:meth:`execute_workflow` for asyncio; takes the same keyword arguments
        (``task_queue`` is required)."""
        return await _call_async(self._execute_op(workflow_type, args, start_options, arg_payloads))

    def get_workflow(self, workflow_id: str, run_id: Optional[str] = None) -> WorkflowRun:
        """A run for an existing workflow (``temporal_get_workflow``), by ID (and optionally
        Run ID; ``None``: the latest run, pinned by the first result wait or
        :meth:`WorkflowRun.resolve_run_id`). Makes no call to the server."""
        c_id = _cstr(workflow_id, "workflow_id")
        c_run_id = _cstr(run_id, "run_id")
        out = ctypes.c_void_p()
        with _Use(self._handle) as ptr:
            _raise_if_error(_lib.temporal_get_workflow(ptr, c_id, c_run_id, ctypes.byref(out)))
        if not out.value:
            raise InternalError(ErrorCode.INTERNAL, "temporal_get_workflow gave no run and no error", None)
        return WorkflowRun(out.value)

    def _signal_with_start_op(
        self,
        workflow_type: str,
        args: tuple[Any, ...],
        signal_name: str,
        signal_args: Sequence[Any],
        timeout: Optional[Duration],
        start_options: StartOptions,
        arg_payloads: Optional[Sequence[Payload]] = None,
        signal_arg_payloads: Optional[Sequence[Payload]] = None,
    ) -> _Op[WorkflowRun]:
        opts = _start_options(**start_options)
        c_args = (
            _cstr(signal_name, "signal_name"),
            _args_json(signal_args, signal_arg_payloads, "signal_args"),
            _cstr(workflow_type, "workflow_type"),
            _args_json(args, arg_payloads, "args"),
            ctypes.byref(opts),
        )
        # The C call's args_payloads are the signal's; workflow_args_payloads the workflow's.
        return _Op(
            self._handle, _lib.temporal_signal_with_start_workflow_async, c_args, _run_of,
            _ms(timeout, "timeout", unlimited=True), arg_payloads=signal_arg_payloads,
            workflow_arg_payloads=arg_payloads,
        )

    def signal_with_start_workflow(
        self,
        workflow_type: str,
        *args: Any,
        signal_name: str,
        signal_args: Sequence[Any] = (),
        timeout: Optional[Duration] = None,
        arg_payloads: Optional[Sequence[Payload]] = None,
        signal_arg_payloads: Optional[Sequence[Payload]] = None,
        **start_options: Unpack[StartOptions],
    ) -> WorkflowRun:
        """Signals a workflow, starting it first if it is not running
        (``temporal_signal_with_start_workflow_async``). ``args`` are the workflow's arguments
        (used only if it is started), ``signal_args`` the signal's; ``start_options`` are
        :meth:`execute_workflow`'s keyword arguments. Returns the run that got the signal.
        ``arg_payloads`` / ``signal_arg_payloads``: those arguments as :class:`Payload`
        objects instead."""
        return _call(
            self._signal_with_start_op(
                workflow_type, args, signal_name, signal_args, timeout, start_options,
                arg_payloads, signal_arg_payloads,
            )
        )

    async def signal_with_start_workflow_async(
        self,
        workflow_type: str,
        *args: Any,
        signal_name: str,
        signal_args: Sequence[Any] = (),
        timeout: Optional[Duration] = None,
        arg_payloads: Optional[Sequence[Payload]] = None,
        signal_arg_payloads: Optional[Sequence[Payload]] = None,
        **start_options: Unpack[StartOptions],
    ) -> WorkflowRun:
        """:meth:`signal_with_start_workflow` for asyncio."""
        return await _call_async(
            self._signal_with_start_op(
                workflow_type, args, signal_name, signal_args, timeout, start_options,
                arg_payloads, signal_arg_payloads,
            )
        )

    # -- signals, queries, updates ------------------------------------------------------------

    def _signal_op(
        self,
        workflow_id: str,
        signal_name: str,
        args: tuple[Any, ...],
        run_id: Optional[str],
        timeout: Optional[Duration],
        arg_payloads: Optional[Sequence[Payload]] = None,
    ) -> _Op[None]:
        c_args = (
            _cstr(workflow_id, "workflow_id"),
            _cstr(run_id, "run_id"),
            _cstr(signal_name, "signal_name"),
            _args_json(args, arg_payloads, "args"),
        )
        return _Op(
            self._handle, _lib.temporal_signal_workflow_async, c_args, _nothing,
            _ms(timeout, "timeout", unlimited=True), arg_payloads=arg_payloads,
        )

    def signal_workflow(
        self,
        workflow_id: str,
        signal_name: str,
        *args: Any,
        run_id: Optional[str] = None,
        timeout: Optional[Duration] = None,
        arg_payloads: Optional[Sequence[Payload]] = None,
    ) -> None:
        """Sends a signal (``temporal_signal_workflow_async``); ``args`` are its arguments
        (or ``arg_payloads``, as :class:`Payload` objects). ``run_id`` ``None``: the current
        run."""
        _call(self._signal_op(workflow_id, signal_name, args, run_id, timeout, arg_payloads))

    async def signal_workflow_async(
        self,
        workflow_id: str,
        signal_name: str,
        *args: Any,
        run_id: Optional[str] = None,
        timeout: Optional[Duration] = None,
        arg_payloads: Optional[Sequence[Payload]] = None,
    ) -> None:
        """:meth:`signal_workflow` for asyncio."""
        await _call_async(self._signal_op(workflow_id, signal_name, args, run_id, timeout, arg_payloads))

    def _query_op(
        self,
        workflow_id: str,
        query_type: str,
        args: tuple[Any, ...],
        run_id: Optional[str],
        timeout: Optional[Duration],
        arg_payloads: Optional[Sequence[Payload]] = None,
        result_as_payloads: bool = False,
        reject_condition: Optional[Union[QueryRejectCondition, int]] = None,
    ) -> _Op[Any]:
        fn: _CFunction
        c_args: tuple[Any, ...]
        if reject_condition is None:
            fn = _lib.temporal_query_workflow_async
            c_args = (
                _cstr(workflow_id, "workflow_id"),
                _cstr(run_id, "run_id"),
                _cstr(query_type, "query_type"),
                _args_json(args, arg_payloads, "args"),
            )
        else:
            # The Go SDK's QueryWorkflowWithOptions: the same query, plus when to refuse it.
            opts = _native.new_options(_native.TemporalQueryOptions)
            opts.workflow_id = _cstr(workflow_id, "workflow_id")
            opts.run_id = _cstr(run_id, "run_id")
            opts.query_type = _cstr(query_type, "query_type")
            opts.args_json = _args_json(args, arg_payloads, "args")
            opts.query_reject_condition = _int32(reject_condition, "reject_condition")
            fn = _lib.temporal_query_workflow_with_options_async
            c_args = (ctypes.byref(opts),)
        return _Op(
            self._handle, fn, c_args, _result_of(result_as_payloads),
            _ms(timeout, "timeout", unlimited=True), arg_payloads=arg_payloads,
            result_as_payloads=result_as_payloads,
        )

    def query_workflow(
        self,
        workflow_id: str,
        query_type: str,
        *args: Any,
        run_id: Optional[str] = None,
        timeout: Optional[Duration] = None,
        arg_payloads: Optional[Sequence[Payload]] = None,
        result_as_payloads: bool = False,
        reject_condition: Optional[Union[QueryRejectCondition, int]] = None,
    ) -> Any:
        """Queries a workflow (``temporal_query_workflow_async``) and returns the handler's
        answer, ``json.loads``-ed. A failing query raises :class:`QueryFailedError`; no answer
        within the timeout, :class:`DeadlineExceededError`. ``arg_payloads``: the arguments as
        :class:`Payload` objects instead of ``args``; ``result_as_payloads``: the answer as a
        list of :class:`Payload`. ``reject_condition`` (a :class:`QueryRejectCondition`; the
        Go SDK's ``QueryWorkflowWithOptions``, ``temporal_query_workflow_with_options_async``):
        when the server refuses the query instead of answering it, raising
        :class:`QueryRejectedError` whose ``details["status"]`` is the workflow's status (e.g.
        ``"COMPLETED"``); ``None``: never."""
        return _call(
            self._query_op(
                workflow_id, query_type, args, run_id, timeout, arg_payloads, result_as_payloads,
                reject_condition,
            )
        )

    async def query_workflow_async(
        self,
        workflow_id: str,
        query_type: str,
        *args: Any,
        run_id: Optional[str] = None,
        timeout: Optional[Duration] = None,
        arg_payloads: Optional[Sequence[Payload]] = None,
        result_as_payloads: bool = False,
        reject_condition: Optional[Union[QueryRejectCondition, int]] = None,
    ) -> Any:
        """:meth:`query_workflow` for asyncio."""
        return await _call_async(
            self._query_op(
                workflow_id, query_type, args, run_id, timeout, arg_payloads, result_as_payloads,
                reject_condition,
            )
        )

    def _update_op(
        self,
        workflow_id: str,
        update_name: str,
        args: tuple[Any, ...],
        run_id: Optional[str],
        update_id: Optional[str],
        timeout: Optional[Duration],
        arg_payloads: Optional[Sequence[Payload]] = None,
        result_as_payloads: bool = False,
    ) -> _Op[tuple[Any, str]]:
        c_args = (
            _cstr(workflow_id, "workflow_id"),
            _cstr(run_id, "run_id"),
            _cstr(update_name, "update_name"),
            _cstr(update_id, "update_id"),
            _args_json(args, arg_payloads, "args"),
        )
        return _Op(
            self._handle, _lib.temporal_update_workflow_async, c_args,
            _update_payloads_of if result_as_payloads else _update_of,
            _ms(timeout, "timeout", unlimited=True), arg_payloads=arg_payloads,
            result_as_payloads=result_as_payloads,
        )

    def update_workflow_with_id(
        self,
        workflow_id: str,
        update_name: str,
        *args: Any,
        run_id: Optional[str] = None,
        update_id: Optional[str] = None,
        timeout: Optional[Duration] = None,
        arg_payloads: Optional[Sequence[Payload]] = None,
        result_as_payloads: bool = False,
    ) -> tuple[Any, str]:
        """Sends an update and waits for its result (``temporal_update_workflow_async``):
        returns ``(result, update_id)``, the result ``json.loads``-ed and the update's ID (the
        one given, or the one the library generated when ``update_id`` is ``None``). A rejected
        or failed update raises :class:`UpdateFailedError` (:attr:`~TemporalError.failure`,
        ``details["update_id"]``). ``timeout`` ``None``: no limit. ``arg_payloads``: the
        arguments as :class:`Payload` objects instead of ``args``; ``result_as_payloads``: the
        result as a list of :class:`Payload`."""
        return _call(
            self._update_op(
                workflow_id, update_name, args, run_id, update_id, timeout, arg_payloads, result_as_payloads
            )
        )

    async def update_workflow_with_id_async(
        self,
        workflow_id: str,
        update_name: str,
        *args: Any,
        run_id: Optional[str] = None,
        update_id: Optional[str] = None,
        timeout: Optional[Duration] = None,
        arg_payloads: Optional[Sequence[Payload]] = None,
        result_as_payloads: bool = False,
    ) -> tuple[Any, str]:
        """:meth:`update_workflow_with_id` for asyncio."""
        return await _call_async(
            self._update_op(
                workflow_id, update_name, args, run_id, update_id, timeout, arg_payloads, result_as_payloads
            )
        )

    def update_workflow(
        self,
        workflow_id: str,
        update_name: str,
        *args: Any,
        run_id: Optional[str] = None,
        update_id: Optional[str] = None,
        timeout: Optional[Duration] = None,
        arg_payloads: Optional[Sequence[Payload]] = None,
        result_as_payloads: bool = False,
    ) -> Any:
        """:meth:`update_workflow_with_id` returning only the result."""
        return self.update_workflow_with_id(
            workflow_id, update_name, *args, run_id=run_id, update_id=update_id, timeout=timeout,
            arg_payloads=arg_payloads, result_as_payloads=result_as_payloads,
        )[0]

    async def update_workflow_async(
        self,
        workflow_id: str,
        update_name: str,
        *args: Any,
        run_id: Optional[str] = None,
        update_id: Optional[str] = None,
        timeout: Optional[Duration] = None,
        arg_payloads: Optional[Sequence[Payload]] = None,
        result_as_payloads: bool = False,
    ) -> Any:
        """:meth:`update_workflow` for asyncio."""
        result = await self.update_workflow_with_id_async(
            workflow_id, update_name, *args, run_id=run_id, update_id=update_id, timeout=timeout,
            arg_payloads=arg_payloads, result_as_payloads=result_as_payloads,
        )
        return result[0]

    # -- update handles, update-with-start ---------------------------------------------------

    def _start_update_op(
        self,
        workflow_id: str,
        update_name: str,
        args: tuple[Any, ...],
        wait_for_stage: Union[UpdateStage, int],
        update_id: Optional[str],
        run_id: Optional[str],
        first_execution_run_id: Optional[str],
        timeout: Optional[Duration],
        arg_payloads: Optional[Sequence[Payload]] = None,
    ) -> _Op[UpdateHandle]:
        opts = _update_options(wait_for_stage, update_id, first_execution_run_id)
        c_args = (
            _cstr(workflow_id, "workflow_id"),
            _cstr(run_id, "run_id"),
            _cstr(update_name, "update_name"),
            _args_json(args, arg_payloads, "args"),
            ctypes.byref(opts),
        )
        return _Op(
            self._handle, _lib.temporal_start_update_async, c_args, _update_handle_of,
            _ms(timeout, "timeout", unlimited=True), arg_payloads=arg_payloads,
        )

    def start_update(
        self,
        workflow_id: str,
        update_name: str,
        *args: Any,
        wait_for_stage: Union[UpdateStage, int],
        update_id: Optional[str] = None,
        run_id: Optional[str] = None,
        first_execution_run_id: Optional[str] = None,
        timeout: Optional[Duration] = None,
        arg_payloads: Optional[Sequence[Payload]] = None,
    ) -> UpdateHandle:
        """Sends an update and returns its :class:`UpdateHandle` once it reached
        ``wait_for_stage`` (the Go SDK's ``UpdateWorkflow``; ``temporal_start_update_async``).

        ``wait_for_stage`` is required, as in Go, since the stages differ in what the call
        waits for: :attr:`UpdateStage.ACCEPTED` (the validator accepted it; the handle's
        :meth:`~UpdateHandle.result` waits for the handler) or :attr:`UpdateStage.COMPLETED`
        (the handler finished). ``args`` are the update's arguments. ``update_id`` ``None``: a
        new UUID (:attr:`UpdateHandle.id`); an ID already used is the same update.
        ``run_id`` ``None``: the current run. ``first_execution_run_id``: the update is refused
        unless the Workflow ID's chain starts with that run.

        As in Go, a rejection by the workflow's validator is not this call's error: the
        handle's :meth:`~UpdateHandle.result` raises it (:class:`UpdateFailedError`). This
        call raises the server's errors (:class:`NotFoundError` for a workflow that is not
        running...) and :class:`InvalidArgumentError` for an unset or ``ADMITTED`` stage.
        ``timeout`` ``None``: no limit. ``arg_payloads``: the update's arguments as
        :class:`Payload` objects instead of ``args``.
        """
        return _call(
            self._start_update_op(
                workflow_id, update_name, args, wait_for_stage, update_id, run_id,
                first_execution_run_id, timeout, arg_payloads,
            )
        )

    async def start_update_async(
        self,
        workflow_id: str,
        update_name: str,
        *args: Any,
        wait_for_stage: Union[UpdateStage, int],
        update_id: Optional[str] = None,
        run_id: Optional[str] = None,
        first_execution_run_id: Optional[str] = None,
        timeout: Optional[Duration] = None,
        arg_payloads: Optional[Sequence[Payload]] = None,
    ) -> UpdateHandle:
        """:meth:`start_update` for asyncio."""
        return await _call_async(
            self._start_update_op(
                workflow_id, update_name, args, wait_for_stage, update_id, run_id,
                first_execution_run_id, timeout, arg_payloads,
            )
        )

    def get_update_handle(
        self, workflow_id: str, update_id: str, run_id: Optional[str] = None
    ) -> UpdateHandle:
        """A handle for an update started elsewhere, by its IDs (the Go SDK's
        ``GetWorkflowUpdateHandle``; ``temporal_get_workflow_update_handle``). ``run_id``
        ``None``: the current run. Makes no call to the server: an unknown update is found out
        by :meth:`UpdateHandle.result` (:class:`NotFoundError`)."""
        c_workflow_id = _cstr(workflow_id, "workflow_id")
        c_update_id = _cstr(update_id, "update_id")
        c_run_id = _cstr(run_id, "run_id")
        out = ctypes.c_void_p()
        with _Use(self._handle) as ptr:
            _raise_if_error(
                _lib.temporal_get_workflow_update_handle(
                    ptr, c_workflow_id, c_run_id, c_update_id, ctypes.byref(out)
                )
            )
        if not out.value:
            raise InternalError(
                ErrorCode.INTERNAL, "temporal_get_workflow_update_handle gave no handle and no error", None
            )
        return UpdateHandle(out.value)

    def _update_with_start_op(
        self,
        update_name: str,
        update_args: tuple[Any, ...],
        wait_for_stage: Union[UpdateStage, int],
        update_id: Optional[str],
        workflow_type: str,
        workflow_args: Sequence[Any],
        timeout: Optional[Duration],
        start_options: StartOptions,
        update_arg_payloads: Optional[Sequence[Payload]] = None,
        workflow_arg_payloads: Optional[Sequence[Payload]] = None,
    ) -> _Op[tuple[UpdateHandle, WorkflowRun]]:
        update_opts = _update_options(wait_for_stage, update_id)
        start_opts = _start_options(**start_options)
        c_args = (
            _cstr(update_name, "update_name"),
            _args_json(update_args, update_arg_payloads, "update_args"),
            ctypes.byref(update_opts),
            _cstr(workflow_type, "workflow_type"),
            _args_json(workflow_args, workflow_arg_payloads, "workflow_args"),
            ctypes.byref(start_opts),
        )
        return _Op(
            self._handle, _lib.temporal_update_with_start_workflow_async, c_args,
            _update_with_start_of, _ms(timeout, "timeout", unlimited=True),
            arg_payloads=update_arg_payloads, workflow_arg_payloads=workflow_arg_payloads,
        )

    def update_with_start_workflow(
        self,
        update_name: str,
        *update_args: Any,
        workflow_type: str,
        workflow_args: Sequence[Any] = (),
        wait_for_stage: Union[UpdateStage, int],
        id_conflict_policy: Union[WorkflowIdConflictPolicy, int],
        task_queue: str,
        id: Optional[str] = None,
        update_id: Optional[str] = None,
        execution_timeout: Optional[Duration] = None,
        run_timeout: Optional[Duration] = None,
        task_timeout: Optional[Duration] = None,
        id_reuse_policy: Union[WorkflowIdReusePolicy, int] = WorkflowIdReusePolicy.UNSPECIFIED,
        retry_policy: Optional[RetryPolicy] = None,
        cron_schedule: Optional[str] = None,
        memo: Optional[Mapping[str, Any]] = None,
        search_attributes: Optional[Mapping[str, Any]] = None,
        start_delay: Optional[Duration] = None,
        static_summary: Optional[str] = None,
        static_details: Optional[str] = None,
        priority: Optional[Priority] = None,
        typed_search_attributes: Optional[Sequence[SearchAttributeLike]] = None,
        versioning_override: Optional[VersioningOverride] = None,
        timeout: Optional[Duration] = None,
        update_arg_payloads: Optional[Sequence[Payload]] = None,
        workflow_arg_payloads: Optional[Sequence[Payload]] = None,
    ) -> tuple[UpdateHandle, WorkflowRun]:
        """Sends an update to a workflow, starting the workflow first if needed, in one
        request (the Go SDK's ``UpdateWithStartWorkflow`` with a
        ``NewWithStartWorkflowOperation``; ``temporal_update_with_start_workflow_async``).
        Returns ``(update_handle, run)`` once the update reached ``wait_for_stage``: the run
        started, or with ``USE_EXISTING`` the one already running.

        ``update_name``, ``update_args``, ``wait_for_stage`` (required) and ``update_id`` as in
        :meth:`start_update`; the update goes to the start's Workflow ID. ``workflow_type``,
        ``workflow_args`` (the workflow's arguments, used only if it is started) and the start
        options as in :meth:`execute_workflow`, except: ``id_conflict_policy`` is required, as
        the Go SDK requires it (``UNSPECIFIED`` raises :class:`InvalidArgumentError` before any
        request), and there is no ``error_when_already_started`` (the policy decides, as in
        Go). Without ``id`` a random UUID is the Workflow ID.

        A refused start or update raises the server's error, its message starting "failed
        workflow start" or "failed workflow update" (:class:`AlreadyStartedError` for ``FAIL``
        on a running workflow). ``timeout`` ``None``: no limit. ``update_arg_payloads`` /
        ``workflow_arg_payloads``: those arguments as :class:`Payload` objects instead.
        """
        start_options: StartOptions = {
            "task_queue": task_queue,
            "id": id,
            "execution_timeout": execution_timeout,
            "run_timeout": run_timeout,
            "task_timeout": task_timeout,
            "id_reuse_policy": id_reuse_policy,
            "id_conflict_policy": id_conflict_policy,
            "retry_policy": retry_policy,
            "cron_schedule": cron_schedule,
            "memo": memo,
            "search_attributes": search_attributes,
            "start_delay": start_delay,
            "static_summary": static_summary,
            "static_details": static_details,
            "priority": priority,
            "typed_search_attributes": typed_search_attributes,
            "versioning_override": versioning_override,
        }
        return _call(
            self._update_with_start_op(
                update_name, update_args, wait_for_stage, update_id, workflow_type,
                workflow_args, timeout, start_options, update_arg_payloads, workflow_arg_payloads,
            )
        )

    async def update_with_start_workflow_async(
        self,
        update_name: str,
        *update_args: Any,
        workflow_type: str,
        workflow_args: Sequence[Any] = (),
        wait_for_stage: Union[UpdateStage, int],
        id_conflict_policy: Union[WorkflowIdConflictPolicy, int],
        task_queue: str,
        id: Optional[str] = None,
        update_id: Optional[str] = None,
        execution_timeout: Optional[Duration] = None,
        run_timeout: Optional[Duration] = None,
        task_timeout: Optional[Duration] = None,
        id_reuse_policy: Union[WorkflowIdReusePolicy, int] = WorkflowIdReusePolicy.UNSPECIFIED,
        retry_policy: Optional[RetryPolicy] = None,
        cron_schedule: Optional[str] = None,
        memo: Optional[Mapping[str, Any]] = None,
        search_attributes: Optional[Mapping[str, Any]] = None,
        start_delay: Optional[Duration] = None,
        static_summary: Optional[str] = None,
        static_details: Optional[str] = None,
        priority: Optional[Priority] = None,
        typed_search_attributes: Optional[Sequence[SearchAttributeLike]] = None,
        versioning_override: Optional[VersioningOverride] = None,
        timeout: Optional[Duration] = None,
        update_arg_payloads: Optional[Sequence[Payload]] = None,
        workflow_arg_payloads: Optional[Sequence[Payload]] = None,
    ) -> tuple[UpdateHandle, WorkflowRun]:
        """:meth:`update_with_start_workflow` for asyncio."""
        start_options: StartOptions = {
            "task_queue": task_queue,
            "id": id,
            "execution_timeout": execution_timeout,
            "run_timeout": run_timeout,
            "task_timeout": task_timeout,
            "id_reuse_policy": id_reuse_policy,
            "id_conflict_policy": id_conflict_policy,
            "retry_policy": retry_policy,
            "cron_schedule": cron_schedule,
            "memo": memo,
            "search_attributes": search_attributes,
            "start_delay": start_delay,
            "static_summary": static_summary,
            "static_details": static_details,
            "priority": priority,
            "typed_search_attributes": typed_search_attributes,
            "versioning_override": versioning_override,
        }
        return await _call_async(
            self._update_with_start_op(
                update_name, update_args, wait_for_stage, update_id, workflow_type,
                workflow_args, timeout, start_options, update_arg_payloads, workflow_arg_payloads,
            )
        )

    # -- cancel, terminate -------------------------------------------------------------------

    def _target(
        self,
        workflow_id: str,
        run_id: Optional[str],
        first_execution_run_id: Optional[str],
        reason: Optional[str],
        details: Sequence[Any] = (),
    ) -> "_native.TemporalWorkflowTargetOptions":
        """The ``temporal_workflow_target_options`` of a cancel or a terminate (the Go SDK's
        ``CancelWorkflowOptions`` / ``TerminateWorkflowOptions``)."""
        target = _native.new_options(_native.TemporalWorkflowTargetOptions)
        target.workflow_id = _cstr(workflow_id, "workflow_id")
        target.run_id = _cstr(run_id, "run_id")
        target.first_execution_run_id = _cstr(first_execution_run_id, "first_execution_run_id")
        target.reason = _cstr(reason, "reason")
        details_list = list(details or ())
        target.details_json = _json(details_list, "details") if details_list else None
        return target

    def _cancel_op(
        self,
        workflow_id: str,
        run_id: Optional[str],
        timeout: Optional[Duration],
        reason: Optional[str] = None,
        first_execution_run_id: Optional[str] = None,
    ) -> _Op[None]:
        target = self._target(workflow_id, run_id, first_execution_run_id, reason)
        return _Op(
            self._handle, _lib.temporal_cancel_workflow_with_options_async, (ctypes.byref(target),), _nothing,
            _ms(timeout, "timeout", unlimited=True),
        )

    def cancel_workflow(
        self,
        workflow_id: str,
        run_id: Optional[str] = None,
        timeout: Optional[Duration] = None,
        *,
        reason: Optional[str] = None,
        first_execution_run_id: Optional[str] = None,
    ) -> None:
        """Requests cancellation (``temporal_cancel_workflow_with_options_async``, the Go SDK's
        ``CancelWorkflowWithOptions``); the workflow decides how to stop. ``reason`` is recorded
        in the history; with ``first_execution_run_id`` the current run must belong to the
        chain that run started (else :class:`NotFoundError`)."""
        _call(self._cancel_op(workflow_id, run_id, timeout, reason, first_execution_run_id))

    async def cancel_workflow_async(
        self,
        workflow_id: str,
        run_id: Optional[str] = None,
        timeout: Optional[Duration] = None,
        *,
        reason: Optional[str] = None,
        first_execution_run_id: Optional[str] = None,
    ) -> None:
        """:meth:`cancel_workflow` for asyncio."""
        await _call_async(self._cancel_op(workflow_id, run_id, timeout, reason, first_execution_run_id))

    def _terminate_op(
        self,
        workflow_id: str,
        reason: Optional[str],
        details: Sequence[Any],
        run_id: Optional[str],
        timeout: Optional[Duration],
        first_execution_run_id: Optional[str] = None,
    ) -> _Op[None]:
        target = self._target(workflow_id, run_id, first_execution_run_id, reason, details)
        return _Op(
            self._handle, _lib.temporal_terminate_workflow_with_options_async, (ctypes.byref(target),),
            _nothing, _ms(timeout, "timeout", unlimited=True),
        )

    def terminate_workflow(
        self,
        workflow_id: str,
        reason: Optional[str] = None,
        details: Sequence[Any] = (),
        run_id: Optional[str] = None,
        timeout: Optional[Duration] = None,
        *,
        first_execution_run_id: Optional[str] = None,
    ) -> None:
        """Terminates a workflow (``temporal_terminate_workflow_with_options_async``, the Go
        SDK's ``TerminateWorkflowWithOptions``)."""
        _call(self._terminate_op(workflow_id, reason, details, run_id, timeout, first_execution_run_id))

    async def terminate_workflow_async(
        self,
        workflow_id: str,
        reason: Optional[str] = None,
        details: Sequence[Any] = (),
        run_id: Optional[str] = None,
        timeout: Optional[Duration] = None,
        *,
        first_execution_run_id: Optional[str] = None,
    ) -> None:
        """:meth:`terminate_workflow` for asyncio."""
        await _call_async(self._terminate_op(workflow_id, reason, details, run_id, timeout, first_execution_run_id))

    # -- visibility, history -----------------------------------------------------------------

    def _describe_op(
        self, workflow_id: str, run_id: Optional[str], timeout: Optional[Duration]
    ) -> _Op[JsonObject]:
        c_args = (_cstr(workflow_id, "workflow_id"), _cstr(run_id, "run_id"))
        return _Op(
            self._handle, _lib.temporal_describe_workflow_execution_async, c_args, _json_of,
            _ms(timeout, "timeout", unlimited=True),
        )

    def describe_workflow_execution(
        self, workflow_id: str, run_id: Optional[str] = None, timeout: Optional[Duration] = None
    ) -> JsonObject:
        """Describes an execution (``temporal_describe_workflow_execution_async``): a dict with
        ``workflow_id``, ``run_id``, ``workflow_type``, ``task_queue``, ``status``,
        ``start_time``, ``close_time``, ``history_length``, ``memo``, ``search_attributes``,
        ``parent_workflow_id`` / ``parent_run_id`` (a child's parent, else ``None``) and the
        counts ``pending_activities``, ``pending_children`` and ``callbacks``, as the C API
        writes it."""
        return _call(self._describe_op(workflow_id, run_id, timeout))

    async def describe_workflow_execution_async(
        self, workflow_id: str, run_id: Optional[str] = None, timeout: Optional[Duration] = None
    ) -> JsonObject:
        """:meth:`describe_workflow_execution` for asyncio."""
        return await _call_async(self._describe_op(workflow_id, run_id, timeout))

    def _list_op(
        self,
        query: str,
        page_size: int,
        next_page_token: Optional[str],
        timeout: Optional[Duration],
    ) -> _Op[tuple[list[JsonObject], str]]:
        size = int(page_size)
        if not 0 <= size < 2**31:
            raise _invalid("page_size is out of range")
        c_args = (
            _cstr(query or None, "query"),
            size,
            _cstr(next_page_token or None, "next_page_token"),
        )
        return _Op(
            self._handle, _lib.temporal_list_workflow_async, c_args, _page_of,
            _ms(timeout, "timeout", unlimited=True),
        )

    def list_workflow_page(
        self,
        query: str = "",
        page_size: int = 0,
        next_page_token: Optional[str] = None,
        timeout: Optional[Duration] = None,
    ) -> tuple[list[JsonObject], str]:
        """One page of :meth:`list_workflows` (``temporal_list_workflow_async``):
        ``(executions, next_page_token)``, the token ``""`` on the last page."""
        return _call(self._list_op(query, page_size, next_page_token, timeout))

    async def list_workflow_page_async(
        self,
        query: str = "",
        page_size: int = 0,
        next_page_token: Optional[str] = None,
        timeout: Optional[Duration] = None,
    ) -> tuple[list[JsonObject], str]:
        """:meth:`list_workflow_page` for asyncio."""
        return await _call_async(self._list_op(query, page_size, next_page_token, timeout))

    def list_workflows(
        self, query: str = "", page_size: int = 0, timeout: Optional[Duration] = None
    ) -> Iterator[JsonObject]:
        """Every execution matching a visibility query (``""``: all), as dicts (as in
        :meth:`describe_workflow_execution`), fetching pages of ``page_size`` lazily
        (0: the server's default). ``timeout`` bounds each page."""
        token: Optional[str] = None
        while True:
            executions, token = self.list_workflow_page(query, page_size, token, timeout)
            yield from executions
            if not token:
                return

    async def list_workflows_async(
        self, query: str = "", page_size: int = 0, timeout: Optional[Duration] = None
    ) -> AsyncIterator[JsonObject]:
        """:meth:`list_workflows` for asyncio: ``async for execution in ...``."""
        token: Optional[str] = None
        while True:
            executions, token = await self.list_workflow_page_async(query, page_size, token, timeout)
            for execution in executions:
                yield execution
            if not token:
                return

    def _count_op(self, query: str, timeout: Optional[Duration]) -> _Op[int]:
        return _Op(
            self._handle, _lib.temporal_count_workflow_async, (_cstr(query or None, "query"),),
            _count_of, _ms(timeout, "timeout", unlimited=True),
        )

    def count_workflows(self, query: str = "", timeout: Optional[Duration] = None) -> int:
        """How many executions match a visibility query (``temporal_count_workflow_async``;
        ``""``: all), as an int."""
        return _call(self._count_op(query, timeout))

    async def count_workflows_async(self, query: str = "", timeout: Optional[Duration] = None) -> int:
        """:meth:`count_workflows` for asyncio."""
        return await _call_async(self._count_op(query, timeout))

    def _history_op(
        self, workflow_id: str, run_id: Optional[str], timeout: Optional[Duration]
    ) -> _Op[JsonObject]:
        c_args = (_cstr(workflow_id, "workflow_id"), _cstr(run_id, "run_id"))
        return _Op(
            self._handle, _lib.temporal_get_workflow_history_async, c_args, _json_of,
            _ms(timeout, "timeout", unlimited=True),
        )

    def get_workflow_history(
        self, workflow_id: str, run_id: Optional[str] = None, timeout: Optional[Duration] = None
    ) -> JsonObject:
        """The whole event history of a run (``None``: the current run) as the dict
        ``{"events": [...]}`` (the proto's JSON form). ``timeout`` bounds the whole fetch
        (``None``: 10 s)."""
        return _call(self._history_op(workflow_id, run_id, timeout))

    async def get_workflow_history_async(
        self, workflow_id: str, run_id: Optional[str] = None, timeout: Optional[Duration] = None
    ) -> JsonObject:
        """:meth:`get_workflow_history` for asyncio."""
        return await _call_async(self._history_op(workflow_id, run_id, timeout))

    def _history_page_op(
        self,
        workflow_id: str,
        run_id: Optional[str],
        next_page_token: Optional[str],
        filter_type: Union[HistoryEventFilterType, int],
        wait_new_event: bool,
        timeout: Optional[Duration],
    ) -> _Op[tuple[list[JsonObject], str]]:
        c_args = (
            _cstr(workflow_id, "workflow_id"),
            _cstr(run_id, "run_id"),
            _cstr(next_page_token or None, "next_page_token"),
            _int32(filter_type, "filter_type"),
            bool(wait_new_event),
        )
        return _Op(
            self._handle, _lib.temporal_get_workflow_history_page_async, c_args, _history_page_of,
            _ms(timeout, "timeout", unlimited=True),
        )

    def get_workflow_history_page(
        self,
        workflow_id: str,
        run_id: Optional[str] = None,
        next_page_token: Optional[str] = None,
        *,
        filter_type: Union[HistoryEventFilterType, int] = HistoryEventFilterType.ALL_EVENT,
        wait_new_event: bool = False,
        timeout: Optional[Duration] = None,
    ) -> tuple[list[JsonObject], str]:
        """One page of a run's event history (``temporal_get_workflow_history_page_async``;
        the Go SDK's ``GetWorkflowHistory`` iterator reads these): ``(events,
        next_page_token)``, the events in the proto's JSON form and the token ``""`` after the
        last page. ``run_id`` ``None``: the current run; ``next_page_token``: ``None`` for the
        first page, else the token of the previous one. ``filter_type``: a
        :class:`HistoryEventFilterType` (``CLOSE_EVENT``: only the closing event, once the
        run closed). ``wait_new_event``: a long poll: the server holds the call until a new
        event comes, or answers after its own poll interval (about 20 s) with no events and a
        token to poll again with. ``timeout`` ``None``: 10 s, or 65 s for a long poll."""
        return _call(
            self._history_page_op(workflow_id, run_id, next_page_token, filter_type, wait_new_event, timeout)
        )

    async def get_workflow_history_page_async(
        self,
        workflow_id: str,
        run_id: Optional[str] = None,
        next_page_token: Optional[str] = None,
        *,
        filter_type: Union[HistoryEventFilterType, int] = HistoryEventFilterType.ALL_EVENT,
        wait_new_event: bool = False,
        timeout: Optional[Duration] = None,
    ) -> tuple[list[JsonObject], str]:
        """:meth:`get_workflow_history_page` for asyncio."""
        return await _call_async(
            self._history_page_op(workflow_id, run_id, next_page_token, filter_type, wait_new_event, timeout)
        )

    # -- namespace, task queues, reset, health -----------------------------------------------

    def _search_attributes_op(self, timeout: Optional[Duration]) -> _Op[dict[str, str]]:
        return _Op(
            self._handle, _lib.temporal_get_search_attributes_async, (), _search_attribute_keys_of,
            _ms(timeout, "timeout", unlimited=True),
        )

    def get_search_attributes(self, timeout: Optional[Duration] = None) -> dict[str, str]:
        """The namespace's search attributes (``temporal_get_search_attributes_async``, the Go
        SDK's ``GetSearchAttributes``): each name with its type, e.g.
        ``{"CustomKeywordField": "KEYWORD", "WorkflowId": "KEYWORD", ...}`` (TEXT, KEYWORD,
        INT, DOUBLE, BOOL, DATETIME, KEYWORD_LIST)."""
        return _call(self._search_attributes_op(timeout))

    async def get_search_attributes_async(self, timeout: Optional[Duration] = None) -> dict[str, str]:
        """:meth:`get_search_attributes` for asyncio."""
        return await _call_async(self._search_attributes_op(timeout))

    def _describe_task_queue_op(
        self,
        task_queue: str,
        task_queue_type: Union[TaskQueueType, int],
        timeout: Optional[Duration],
    ) -> _Op[JsonObject]:
        c_args = (_cstr(task_queue, "task_queue"), _int32(task_queue_type, "task_queue_type"))
        return _Op(
            self._handle, _lib.temporal_describe_task_queue_async, c_args, _json_of,
            _ms(timeout, "timeout", unlimited=True),
        )

    def describe_task_queue(
        self,
        task_queue: str,
        task_queue_type: Union[TaskQueueType, int] = TaskQueueType.WORKFLOW,
        timeout: Optional[Duration] = None,
    ) -> JsonObject:
        """Describes a task queue (``temporal_describe_task_queue_async``, the Go SDK's
        ``DescribeTaskQueue``): ``{"pollers": [{"identity", "last_access_time",
        "rate_per_second"}, ...], "backlog_count_hint": N or None}`` for the queue's
        ``task_queue_type`` (a :class:`TaskQueueType`)."""
        return _call(self._describe_task_queue_op(task_queue, task_queue_type, timeout))

    async def describe_task_queue_async(
        self,
        task_queue: str,
        task_queue_type: Union[TaskQueueType, int] = TaskQueueType.WORKFLOW,
        timeout: Optional[Duration] = None,
    ) -> JsonObject:
        """:meth:`describe_task_queue` for asyncio."""
        return await _call_async(self._describe_task_queue_op(task_queue, task_queue_type, timeout))

    def _reset_op(
        self,
        workflow_id: str,
        workflow_task_finish_event_id: int,
        run_id: Optional[str],
        reason: Optional[str],
        timeout: Optional[Duration],
    ) -> _Op[str]:
        event_id = workflow_task_finish_event_id
        if isinstance(event_id, bool) or not isinstance(event_id, int):
            raise _invalid(f"workflow_task_finish_event_id must be an int, not {event_id!r}")
        if not -(2**63) <= event_id < 2**63:
            raise _invalid("workflow_task_finish_event_id is out of range")
        c_args = (
            _cstr(workflow_id, "workflow_id"),
            _cstr(run_id, "run_id"),
            _cstr(reason, "reason"),
            int(event_id),  # the library refuses one that is not positive
        )
        return _Op(
            self._handle, _lib.temporal_reset_workflow_execution_async, c_args, _new_run_id_of,
            _ms(timeout, "timeout", unlimited=True),
        )

    def reset_workflow_execution(
        self,
        workflow_id: str,
        workflow_task_finish_event_id: int,
        *,
        run_id: Optional[str] = None,
        reason: Optional[str] = None,
        timeout: Optional[Duration] = None,
    ) -> str:
        """Resets a workflow (``temporal_reset_workflow_execution_async``, the Go SDK's
        ``ResetWorkflowExecution``) and returns the new run's Run ID. The new run replays the
        history of ``run_id`` (``None``: the current run) up to
        ``workflow_task_finish_event_id``, the event ID of a workflow task's completed, failed
        or timed-out event (see :meth:`get_workflow_history_page`); the old run, if still
        running, is terminated. Each call sends a fresh request ID."""
        return _call(self._reset_op(workflow_id, workflow_task_finish_event_id, run_id, reason, timeout))

    async def reset_workflow_execution_async(
        self,
        workflow_id: str,
        workflow_task_finish_event_id: int,
        *,
        run_id: Optional[str] = None,
        reason: Optional[str] = None,
        timeout: Optional[Duration] = None,
    ) -> str:
        """:meth:`reset_workflow_execution` for asyncio."""
        return await _call_async(
            self._reset_op(workflow_id, workflow_task_finish_event_id, run_id, reason, timeout)
        )

    def _check_health_op(self, timeout: Optional[Duration]) -> _Op[None]:
        return _Op(
            self._handle, _lib.temporal_check_health_async, (), _nothing,
            _ms(timeout, "timeout", unlimited=True),
        )

    def check_health(self, timeout: Optional[Duration] = None) -> None:
        """Checks the server's health (``temporal_check_health_async``, the Go SDK's
        ``CheckHealth``: the gRPC health service's answer for the WorkflowService). Returns
        when it is SERVING; any other status, or a server that cannot be reached, raises
        :class:`UnavailableError`."""
        _call(self._check_health_op(timeout))

    async def check_health_async(self, timeout: Optional[Duration] = None) -> None:
        """:meth:`check_health` for asyncio."""
        await _call_async(self._check_health_op(timeout))

    # -- raw RPC -----------------------------------------------------------------------------

    def _raw_rpc_op(
        self,
        service: str,
        method: str,
        request: Union[bytes, bytearray, memoryview],
        timeout: Optional[Duration],
    ) -> _Op[bytes]:
        data = _bytes(request, "request (the request's protobuf encoding)")
        c_args = (_cstr(service, "service"), _cstr(method, "method"), data, len(data))
        return _Op(
            self._handle, _lib.temporal_raw_rpc_async, c_args, _bytes_of,
            _ms(timeout, "timeout", unlimited=True),
        )

    def raw_rpc(
        self,
        service: str,
        method: str,
        request: Union[bytes, bytearray, memoryview],
        *,
        timeout: Optional[Duration] = None,
    ) -> bytes:
        """Calls one RPC by name (``temporal_raw_rpc_async``), for what this binding has no
        method for: the Python SDK's ``client.workflow_service`` / ``operator_service``.
        ``service``: ``"WorkflowService"`` or ``"OperatorService"`` (or the full names,
        ``"temporal.api.workflowservice.v1.WorkflowService"``...); ``method``: the gRPC method
        name, e.g. ``"DescribeNamespace"``; ``request``: the request message's protobuf
        encoding. Returns the response message's encoding. The binding needs no protobuf
        package; with one, e.g. the ``temporalio`` package's generated classes::

            resp = DescribeNamespaceResponse.FromString(client.raw_rpc(
                "WorkflowService", "DescribeNamespace",
                DescribeNamespaceRequest(namespace="default").SerializeToString()))

        The call uses the client's connection (TLS, API key, gRPC metadata) and the library's
        retries for transient errors; payloads go as they are (no payload codec). An unknown
        service or method, or bytes that are not the method's request, raise
        :class:`InvalidArgumentError`; the server's errors raise as every call's
        (:class:`NotFoundError`...). ``timeout``: the whole call (``None``: 10 s, so give a
        long poll its own)."""
        return _call(self._raw_rpc_op(service, method, request, timeout))

    async def raw_rpc_async(
        self,
        service: str,
        method: str,
        request: Union[bytes, bytearray, memoryview],
        *,
        timeout: Optional[Duration] = None,
    ) -> bytes:
        """:meth:`raw_rpc` for asyncio."""
        return await _call_async(self._raw_rpc_op(service, method, request, timeout))


    # -- async activity completion ----------------------------------------------------------

    def _complete_activity_op(
        self,
        task_token: Union[bytes, bytearray, memoryview],
        result: Any,
        error: Optional[BaseException],
        timeout: Optional[Duration],
    ) -> _Op[None]:
        completion = _activity_completion(result, error)
        c_args = (*_task_token(task_token), ctypes.byref(completion))
        return _Op(
            self._handle, _lib.temporal_complete_activity_async, c_args, _nothing,
            _ms(timeout, "timeout", unlimited=True),
        )

    def complete_activity(
        self,
        task_token: Union[bytes, bytearray, memoryview],
        result: Any = None,
        error: Optional[BaseException] = None,
        timeout: Optional[Duration] = None,
    ) -> None:
        """Completes an activity its worker left pending, by its task token (the Go SDK's
        ``CompleteActivity(ctx, taskToken, result, err)``; ``temporal_complete_activity_async``).

        ``error`` ``None``: completed with ``result`` (JSON-serializable; ``None``: no result).
        An :class:`ActivityCanceledError`: canceled, with its details (accepted only once the
        workflow requested the cancellation). An :class:`ApplicationError`: failed with its
        message, type, non-retryable flag and details. Any other exception: failed with
        ``str(error)``, type its class name, retryable. ``result`` and ``error`` together raise
        :class:`InvalidArgumentError`.

        An activity no longer pending (completed, timed out, its workflow closed) raises
        :class:`NotFoundError`; a token the server cannot read, :class:`InvalidArgumentError`.
        """
        _call(self._complete_activity_op(task_token, result, error, timeout))

    async def complete_activity_async(
        self,
        task_token: Union[bytes, bytearray, memoryview],
        result: Any = None,
        error: Optional[BaseException] = None,
        timeout: Optional[Duration] = None,
    ) -> None:
        """:meth:`complete_activity` for asyncio."""
        await _call_async(self._complete_activity_op(task_token, result, error, timeout))

    def _complete_activity_by_id_op(
        self,
        workflow_id: str,
        activity_id: str,
        result: Any,
        error: Optional[BaseException],
        run_id: Optional[str],
        namespace: Optional[str],
        timeout: Optional[Duration],
    ) -> _Op[None]:
        completion = _activity_completion(result, error)
        c_args = (
            _cstr(namespace, "namespace"),
            _cstr(workflow_id, "workflow_id"),
            _cstr(run_id, "run_id"),
            _cstr(activity_id, "activity_id"),
            ctypes.byref(completion),
        )
        return _Op(
            self._handle, _lib.temporal_complete_activity_by_id_async, c_args, _nothing,
            _ms(timeout, "timeout", unlimited=True),
        )

    def complete_activity_by_id(
        self,
        workflow_id: str,
        activity_id: str,
        result: Any = None,
        error: Optional[BaseException] = None,
        run_id: Optional[str] = None,
        namespace: Optional[str] = None,
        timeout: Optional[Duration] = None,
    ) -> None:
        """:meth:`complete_activity` by the activity's IDs (the Go SDK's
        ``CompleteActivityByID``; ``temporal_complete_activity_by_id_async``): the activity ID
        the workflow set, or the one it generated ("1", "2"...). ``run_id`` ``None``: the
        current run; ``namespace`` ``None``: the client's. Errors have ``workflow_id``,
        ``run_id`` and ``activity_id`` in ``details``."""
        _call(
            self._complete_activity_by_id_op(
                workflow_id, activity_id, result, error, run_id, namespace, timeout
            )
        )

    async def complete_activity_by_id_async(
        self,
        workflow_id: str,
        activity_id: str,
        result: Any = None,
        error: Optional[BaseException] = None,
        run_id: Optional[str] = None,
        namespace: Optional[str] = None,
        timeout: Optional[Duration] = None,
    ) -> None:
        """:meth:`complete_activity_by_id` for asyncio."""
        await _call_async(
            self._complete_activity_by_id_op(
                workflow_id, activity_id, result, error, run_id, namespace, timeout
            )
        )

    def _heartbeat_op(
        self,
        task_token: Union[bytes, bytearray, memoryview],
        details: tuple[Any, ...],
        timeout: Optional[Duration],
    ) -> _Op[None]:
        c_args = (*_task_token(task_token), _details_json(details))
        return _Op(
            self._handle, _lib.temporal_record_activity_heartbeat_async, c_args,
            _heartbeat_of(by_id=False), _ms(timeout, "timeout", unlimited=True),
        )

    def record_activity_heartbeat(
        self,
        task_token: Union[bytes, bytearray, memoryview],
        *details: Any,
        timeout: Optional[Duration] = None,
    ) -> None:
        """Records a heartbeat of a pending activity, by its task token (the Go SDK's
        ``RecordActivityHeartbeat(ctx, taskToken, details...)``;
        ``temporal_record_activity_heartbeat_async``). ``details``: progress (JSON-serializable
        values), which the activity's next attempt reads.

        As the Go SDK returns errors, the recorded heartbeat raises
        :class:`ActivityCanceledError` when the workflow requested the activity's cancellation
        (stop, and report it with ``complete_activity(token, error=ActivityCanceledError(...))``),
        else :class:`ActivityPausedError` when the activity was paused, else
        :class:`ActivityResetError` when it was reset. An activity no longer pending raises
        :class:`NotFoundError`."""
        _call(self._heartbeat_op(task_token, details, timeout))

    async def record_activity_heartbeat_async(
        self,
        task_token: Union[bytes, bytearray, memoryview],
        *details: Any,
        timeout: Optional[Duration] = None,
    ) -> None:
        """:meth:`record_activity_heartbeat` for asyncio."""
        await _call_async(self._heartbeat_op(task_token, details, timeout))

    def _heartbeat_by_id_op(
        self,
        workflow_id: str,
        activity_id: str,
        details: tuple[Any, ...],
        run_id: Optional[str],
        namespace: Optional[str],
        timeout: Optional[Duration],
    ) -> _Op[None]:
        c_args = (
            _cstr(namespace, "namespace"),
            _cstr(workflow_id, "workflow_id"),
            _cstr(run_id, "run_id"),
            _cstr(activity_id, "activity_id"),
            _details_json(details),
        )
        return _Op(
            self._handle, _lib.temporal_record_activity_heartbeat_by_id_async, c_args,
            _heartbeat_of(by_id=True), _ms(timeout, "timeout", unlimited=True),
        )

    def record_activity_heartbeat_by_id(
        self,
        workflow_id: str,
        activity_id: str,
        *details: Any,
        run_id: Optional[str] = None,
        namespace: Optional[str] = None,
        timeout: Optional[Duration] = None,
    ) -> None:
        """:meth:`record_activity_heartbeat` by the activity's IDs (the Go SDK's
        ``RecordActivityHeartbeatByID``; ``temporal_record_activity_heartbeat_by_id_async``),
        the IDs as in :meth:`complete_activity_by_id`. Raises :class:`ActivityCanceledError`
        when the workflow requested the cancellation; like the Go SDK's by-ID form, it does
        not raise for a paused or reset activity."""
        _call(self._heartbeat_by_id_op(workflow_id, activity_id, details, run_id, namespace, timeout))

    async def record_activity_heartbeat_by_id_async(
        self,
        workflow_id: str,
        activity_id: str,
        *details: Any,
        run_id: Optional[str] = None,
        namespace: Optional[str] = None,
        timeout: Optional[Duration] = None,
    ) -> None:
        """:meth:`record_activity_heartbeat_by_id` for asyncio."""
        await _call_async(
            self._heartbeat_by_id_op(workflow_id, activity_id, details, run_id, namespace, timeout)
        )

    # -- schedules ---------------------------------------------------------------------------

    def _create_schedule_op(
        self,
        id: str,
        schedule: Optional[Schedule],
        trigger_immediately: bool,
        backfill: Sequence[ScheduleBackfill],
        memo: Optional[Mapping[str, Any]],
        search_attributes: Optional[Mapping[str, Any]],
        schedule_proto: Optional[Union[bytes, bytearray, memoryview]],
        timeout: Optional[Duration],
    ) -> _Op[ScheduleHandle]:
        handle = ScheduleHandle(self, id)
        opts, arg_payloads = _schedule_options(
            schedule, schedule_proto, trigger_immediately, backfill, memo, search_attributes
        )
        return _Op(
            self._handle, _lib.temporal_schedule_create_async, (handle._c_id, ctypes.byref(opts)),
            lambda call: handle, _ms(timeout, "timeout", unlimited=True), arg_payloads=arg_payloads,
        )

    def create_schedule(
        self,
        id: str,
        schedule: Optional[Schedule] = None,
        *,
        trigger_immediately: bool = False,
        backfill: Sequence[ScheduleBackfill] = (),
        memo: Optional[Mapping[str, Any]] = None,
        search_attributes: Optional[Mapping[str, Any]] = None,
        schedule_proto: Optional[Union[bytes, bytearray, memoryview]] = None,
        timeout: Optional[Duration] = None,
    ) -> ScheduleHandle:
        """Creates a schedule (``temporal_schedule_create_async``, the Go SDK's
        ``ScheduleClient.Create``, the Python SDK's ``create_schedule``) and returns its handle.
        ``schedule``: what it starts and when; or ``schedule_proto``, its
        ``temporal.api.schedule.v1.Schedule`` protobuf encoding (not both).
        ``trigger_immediately``: one action at once; ``backfill``: ranges run right after the
        create. ``memo`` and ``search_attributes`` are the schedule's own (the action's are on
        :class:`ScheduleActionStartWorkflow`). An ID in use: :class:`AlreadyExistsError`
        (``details["schedule_id"]``)."""
        return _call(self._create_schedule_op(
            id, schedule, trigger_immediately, backfill, memo, search_attributes, schedule_proto, timeout
        ))

    async def create_schedule_async(
        self,
        id: str,
        schedule: Optional[Schedule] = None,
        *,
        trigger_immediately: bool = False,
        backfill: Sequence[ScheduleBackfill] = (),
        memo: Optional[Mapping[str, Any]] = None,
        search_attributes: Optional[Mapping[str, Any]] = None,
        schedule_proto: Optional[Union[bytes, bytearray, memoryview]] = None,
        timeout: Optional[Duration] = None,
    ) -> ScheduleHandle:
        """:meth:`create_schedule` for asyncio."""
        return await _call_async(self._create_schedule_op(
            id, schedule, trigger_immediately, backfill, memo, search_attributes, schedule_proto, timeout
        ))

    def get_schedule_handle(self, id: str) -> ScheduleHandle:
        """The handle of an existing schedule by its ID (the Python SDK's
        ``get_schedule_handle``). Makes no call: a missing schedule shows at the first call
        (:class:`NotFoundError`)."""
        return ScheduleHandle(self, id)

    def _list_schedules_op(
        self, query: str, page_size: int, next_page_token: Optional[str], timeout: Optional[Duration]
    ) -> _Op[tuple[list[JsonObject], str]]:
        size = int(page_size)
        if not 0 <= size < 2**31:
            raise _invalid("page_size is out of range")
        c_args = (_cstr(query or None, "query"), size, _cstr(next_page_token or None, "next_page_token"))
        return _Op(
            self._handle, _lib.temporal_schedule_list_async, c_args, _schedule_page_of,
            _ms(timeout, "timeout", unlimited=True),
        )

    def list_schedule_page(
        self,
        query: str = "",
        page_size: int = 0,
        next_page_token: Optional[str] = None,
        *,
        timeout: Optional[Duration] = None,
    ) -> tuple[list[JsonObject], str]:
        """One page of :meth:`list_schedules` (``temporal_schedule_list_async``):
        ``(schedules, next_page_token)``, the token ``""`` on the last page."""
        return _call(self._list_schedules_op(query, page_size, next_page_token, timeout))

    async def list_schedule_page_async(
        self,
        query: str = "",
        page_size: int = 0,
        next_page_token: Optional[str] = None,
        *,
        timeout: Optional[Duration] = None,
    ) -> tuple[list[JsonObject], str]:
        """:meth:`list_schedule_page` for asyncio."""
        return await _call_async(self._list_schedules_op(query, page_size, next_page_token, timeout))

    def list_schedules(
        self, query: str = "", *, page_size: int = 0, timeout: Optional[Duration] = None
    ) -> Iterator[JsonObject]:
        """Every schedule matching a visibility query over the schedules' search attributes
        (``""``: all), as dicts (``schedule_id``, ``workflow_type``, ``paused``, ``note``,
        ``recent_actions``, ``next_action_times``, ``memo``, ``search_attributes``), fetching
        pages of ``page_size`` lazily (0: the server's default). ``timeout`` bounds each page.
        Eventually consistent: a schedule just created may show a moment later."""
        token: Optional[str] = None
        while True:
            schedules, token = self.list_schedule_page(query, page_size, token, timeout=timeout)
            yield from schedules
            if not token:
                return

    async def list_schedules_async(
        self, query: str = "", *, page_size: int = 0, timeout: Optional[Duration] = None
    ) -> AsyncIterator[JsonObject]:
        """:meth:`list_schedules` for asyncio: ``async for schedule in ...``."""
        token: Optional[str] = None
        while True:
            schedules, token = await self.list_schedule_page_async(query, page_size, token, timeout=timeout)
            for schedule in schedules:
                yield schedule
            if not token:
                return


def _page_of(call: int) -> tuple[list[JsonObject], str]:
    value = _json_of(call) or {}
    return list(value.get("executions") or []), value.get("next_page_token") or ""


def _history_page_of(call: int) -> tuple[list[JsonObject], str]:
    value = _json_of(call) or {}
    return list(value.get("events") or []), value.get("next_page_token") or ""


def _search_attribute_keys_of(call: int) -> dict[str, str]:
    value = _json_of(call) or {}
    return dict(value.get("keys") or {})


def _new_run_id_of(call: int) -> str:
    value = _json_of(call) or {}
    run_id = value.get("run_id")
    if not isinstance(run_id, str) or not run_id:
        raise InternalError(ErrorCode.INTERNAL, "the reset completed without a new Run ID", None)
    return run_id

def _schedule_page_of(call: int) -> tuple[list[JsonObject], str]:
    value = _json_of(call) or {}
    return list(value.get("schedules") or []), value.get("next_page_token") or ""
