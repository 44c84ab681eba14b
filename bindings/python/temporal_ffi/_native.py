"""Low-level ctypes declarations for libtemporal_ffi (include/temporal.h).

Everything here mirrors the C header one to one: constants and enum values with the header's
numbers, structures with the same field order and types, and argtypes/restype for every
exported function. tests/test_client.py compiles a C program against the header and checks
every layout and value below, so a header change cannot silently break the binding. The
high-level API is in ``temporal_ffi/__init__.py``.

Ownership rules the declarations encode:
  * functions returning ``temporal_error *`` use ``c_void_p`` so the caller gets the raw
    pointer and can free it with ``temporal_error_free`` (except the error
    ``temporal_call_get_error`` lends, which belongs to its call);
  * owned ``char **`` outputs are ``POINTER(c_void_p)`` (read with ``ctypes.string_at`` and
    free with ``temporal_string_free``), never ``c_char_p``, which would copy and leak;
  * borrowed ``const char *`` returns are also ``c_void_p`` and read with ``string_at``
    while their owner is alive.

The library is loaded with ``ctypes.CDLL`` (not ``PyDLL``), so every call releases the GIL
while it runs: ``temporal_call_wait`` blocks only its own thread.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import re
import sys
from ctypes import (
    POINTER,
    Structure,
    c_bool,
    c_char_p,
    c_double,
    c_float,
    c_int32,
    c_int64,
    c_size_t,
    c_uint32,
    c_uint64,
    c_void_p,
)
from pathlib import Path
from typing import Any, Optional, TypeVar

__all__ = [
    "lib",
    "LIBRARY_PATH",
    "BUNDLED_LIBRARY",
    "LIBRARY_VERSION",
    "ABI_VERSION",
    "check_version",
    "new_options",
    "TemporalCallOptions",
    "TemporalClientOptions",
    "TemporalRetryPolicy",
    "TemporalStartWorkflowOptions",
    "TemporalRuntimeOptions",
    "TemporalActivityCompletion",
    "TemporalUpdateOptions",
    "TemporalPayloadCodec",
    "TemporalScheduleInterval",
    "TemporalScheduleCalendar",
    "TemporalScheduleBackfill",
    "TemporalScheduleOptions",
    "CALL_CALLBACK_TYPE",
    "LOG_CALLBACK_TYPE",
    "PAYLOAD_CODEC_FN_TYPE",
    "PAYLOAD_CODEC_RELEASE_TYPE",
]

# The library version this binding is written for (major.minor; see check_version).
ABI_VERSION = "0.2"

# ---------------------------------------------------------------------------------------------
# Constants and enum values (the header's numbers; checked against it by the tests)
# ---------------------------------------------------------------------------------------------

TEMPORAL_TIMEOUT_DEFAULT = 0
TEMPORAL_TIMEOUT_NONE = 2**64 - 1
TEMPORAL_MAX_DURATION_MS = 3153600000000

# temporal_activity_outcome
TEMPORAL_ACTIVITY_OUTCOME_COMPLETED = 0
TEMPORAL_ACTIVITY_OUTCOME_FAILED = 1
TEMPORAL_ACTIVITY_OUTCOME_CANCELED = 2

# temporal_envconfig_mode
TEMPORAL_ENVCONFIG_MODE_AUTO = 0
TEMPORAL_ENVCONFIG_MODE_ON = 1
TEMPORAL_ENVCONFIG_MODE_OFF = 2

# temporal_otlp_protocol
TEMPORAL_OTLP_PROTOCOL_GRPC = 0
TEMPORAL_OTLP_PROTOCOL_HTTP = 1

# temporal_grpc_compression
TEMPORAL_GRPC_COMPRESSION_NONE = 0
TEMPORAL_GRPC_COMPRESSION_GZIP = 1

# temporal_error_code: the values the binding names (its exception classes are keyed by them);
# the names of the codes come from temporal_error_code_name().
TEMPORAL_ERROR_CODE_OK = 0
TEMPORAL_ERROR_CODE_INVALID_ARGUMENT = 1
TEMPORAL_ERROR_CODE_NOT_FOUND = 2
TEMPORAL_ERROR_CODE_ALREADY_STARTED = 3
TEMPORAL_ERROR_CODE_WORKFLOW_FAILED = 4
TEMPORAL_ERROR_CODE_WORKFLOW_CANCELED = 5
TEMPORAL_ERROR_CODE_WORKFLOW_TERMINATED = 6
TEMPORAL_ERROR_CODE_WORKFLOW_TIMED_OUT = 7
TEMPORAL_ERROR_CODE_UNAVAILABLE = 8
TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED = 9
TEMPORAL_ERROR_CODE_PERMISSION_DENIED = 10
TEMPORAL_ERROR_CODE_PAYLOAD = 11
TEMPORAL_ERROR_CODE_CANCELED = 12
TEMPORAL_ERROR_CODE_RPC = 13
TEMPORAL_ERROR_CODE_INTERNAL = 14
TEMPORAL_ERROR_CODE_UPDATE_FAILED = 15
TEMPORAL_ERROR_CODE_QUERY_FAILED = 16
TEMPORAL_ERROR_CODE_SHUTDOWN = 17
TEMPORAL_ERROR_CODE_QUERY_REJECTED = 18
TEMPORAL_ERROR_CODE_ALREADY_EXISTS = 19

# temporal_schedule_options.overlap_policy and the trigger's and backfills' (the proto's
# ScheduleOverlapPolicy numbers; 0: the server's default, or the schedule's own policy)
TEMPORAL_SCHEDULE_OVERLAP_POLICY_UNSPECIFIED = 0
TEMPORAL_SCHEDULE_OVERLAP_POLICY_SKIP = 1
TEMPORAL_SCHEDULE_OVERLAP_POLICY_BUFFER_ONE = 2
TEMPORAL_SCHEDULE_OVERLAP_POLICY_BUFFER_ALL = 3
TEMPORAL_SCHEDULE_OVERLAP_POLICY_CANCEL_OTHER = 4
TEMPORAL_SCHEDULE_OVERLAP_POLICY_TERMINATE_OTHER = 5
TEMPORAL_SCHEDULE_OVERLAP_POLICY_ALLOW_ALL = 6

# temporal_log_level
TEMPORAL_LOG_LEVEL_OFF = 0
TEMPORAL_LOG_LEVEL_ERROR = 1
TEMPORAL_LOG_LEVEL_WARN = 2
TEMPORAL_LOG_LEVEL_INFO = 3
TEMPORAL_LOG_LEVEL_DEBUG = 4
TEMPORAL_LOG_LEVEL_TRACE = 5

# temporal_update_stage (the Go SDK's WorkflowUpdateStage numbers)
TEMPORAL_UPDATE_STAGE_UNSPECIFIED = 0
TEMPORAL_UPDATE_STAGE_ADMITTED = 1
TEMPORAL_UPDATE_STAGE_ACCEPTED = 2
TEMPORAL_UPDATE_STAGE_COMPLETED = 3

# temporal_get_workflow_history_page_async's filter_type (the proto's numbers; 0 = ALL_EVENT)
TEMPORAL_HISTORY_EVENT_FILTER_ALL_EVENT = 1
TEMPORAL_HISTORY_EVENT_FILTER_CLOSE_EVENT = 2

# temporal_query_options.query_reject_condition (the proto's numbers; 0 = NONE)
TEMPORAL_QUERY_REJECT_CONDITION_NONE = 1
TEMPORAL_QUERY_REJECT_CONDITION_NOT_OPEN = 2
TEMPORAL_QUERY_REJECT_CONDITION_NOT_COMPLETED_CLEANLY = 3

# temporal_describe_task_queue_async's task_queue_type (the proto's numbers; 0 = WORKFLOW)
TEMPORAL_TASK_QUEUE_TYPE_WORKFLOW = 1
TEMPORAL_TASK_QUEUE_TYPE_ACTIVITY = 2
TEMPORAL_TASK_QUEUE_TYPE_NEXUS = 3

TEMPORAL_METRIC_KIND_COUNTER = 0
TEMPORAL_METRIC_KIND_HISTOGRAM = 1
TEMPORAL_METRIC_KIND_HISTOGRAM_FLOAT = 2
TEMPORAL_METRIC_KIND_HISTOGRAM_DURATION = 3
TEMPORAL_METRIC_KIND_GAUGE = 4
TEMPORAL_METRIC_KIND_GAUGE_FLOAT = 5
TEMPORAL_METRIC_KIND_UP_DOWN_COUNTER = 6

TEMPORAL_METRIC_VALUE_TYPE_STRING = 0
TEMPORAL_METRIC_VALUE_TYPE_INT = 1
TEMPORAL_METRIC_VALUE_TYPE_FLOAT = 2
TEMPORAL_METRIC_VALUE_TYPE_BOOL = 3

# temporal_workflow_id_reuse_policy
TEMPORAL_WORKFLOW_ID_REUSE_POLICY_UNSPECIFIED = 0
TEMPORAL_WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE = 1
TEMPORAL_WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY = 2
TEMPORAL_WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE = 3
TEMPORAL_WORKFLOW_ID_REUSE_POLICY_TERMINATE_IF_RUNNING = 4

# temporal_workflow_id_conflict_policy
TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_UNSPECIFIED = 0
TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_FAIL = 1
TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING = 2
TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING = 3

# temporal_indexed_value_type (the proto's IndexedValueType numbers)
TEMPORAL_INDEXED_VALUE_TYPE_TEXT = 1
TEMPORAL_INDEXED_VALUE_TYPE_KEYWORD = 2
TEMPORAL_INDEXED_VALUE_TYPE_INT = 3
TEMPORAL_INDEXED_VALUE_TYPE_DOUBLE = 4
TEMPORAL_INDEXED_VALUE_TYPE_BOOL = 5
TEMPORAL_INDEXED_VALUE_TYPE_DATETIME = 6
TEMPORAL_INDEXED_VALUE_TYPE_KEYWORD_LIST = 7

# temporal_versioning_override
TEMPORAL_VERSIONING_OVERRIDE_NONE = 0
TEMPORAL_VERSIONING_OVERRIDE_PINNED = 1
TEMPORAL_VERSIONING_OVERRIDE_AUTO_UPGRADE = 2


def constants(prefix: str) -> dict[str, int]:
    """The constants above whose name starts with ``prefix``, without it: ``{"OFF": 0, ...}``."""
    return {
        name[len(prefix):]: value
        for name, value in globals().items()
        if name.startswith(prefix) and isinstance(value, int)
    }


# ---------------------------------------------------------------------------------------------
# Loading and the version check
# ---------------------------------------------------------------------------------------------

if sys.platform == "win32":
    _LIB_FILE = "temporal_ffi.dll"
elif sys.platform == "darwin":
    _LIB_FILE = "libtemporal_ffi.dylib"
else:
    _LIB_FILE = "libtemporal_ffi.so"

# The copy a wheel bundles beside this file (bindings/python/hatch_build.py puts it there).
BUNDLED_LIBRARY = Path(__file__).resolve().parent / _LIB_FILE


def _candidates() -> list[str]:
    env = os.environ.get("TEMPORAL_FFI_LIB")
    if env:
        return [env]  # explicit choice: no fallback that could hide a typo
    found = []
    if BUNDLED_LIBRARY.exists():
        found.append(str(BUNDLED_LIBRARY))
    # Used from a checkout (bindings/python/temporal_ffi/_native.py): the repository's build.
    here = Path(__file__).resolve().parents
    if len(here) > 3 and (here[3] / "include" / "temporal.h").exists():
        local = here[3] / "target" / "release" / _LIB_FILE
        if local.exists():
            found.append(str(local))
    system = ctypes.util.find_library("temporal_ffi")
    if system:
        found.append(system)
    return found


def _load() -> tuple[ctypes.CDLL, str]:
    candidates = _candidates()
    errors = []
    for path in candidates:
        try:
            return ctypes.CDLL(path), path
        except OSError as exc:  # pragma: no cover - depends on the machine
            errors.append(f"{path}: {exc}")
    hint = "; ".join(errors) if errors else "not found"
    raise OSError(
        f"cannot load the temporal-ffi library ({hint}). Install the temporal-ffi wheel, which "
        f"bundles it, set TEMPORAL_FFI_LIB to the path of {_LIB_FILE}, or in a checkout of the "
        f"repository run `make build`."
    )


def check_version(library_version: str, written_for: str = ABI_VERSION, where: str = "") -> None:
    """Raises ImportError unless a library of ``library_version`` ("0.2.1") serves a binding
    written for ``written_for`` ("0.2"): while 0.x, major and minor must be equal (every 0.x
    minor may break the ABI); from 1.0, the same major and a library minor at least as new."""
    got = re.match(r"(\d+)\.(\d+)", library_version or "")
    want = re.match(r"(\d+)\.(\d+)", written_for)
    assert want, written_for
    compatible = False
    if got:
        major, minor = int(got.group(1)), int(got.group(2))
        want_major, want_minor = int(want.group(1)), int(want.group(2))
        if major == want_major:
            compatible = minor == want_minor if major == 0 else minor >= want_minor
    if not compatible:
        raise ImportError(
            f"temporal_ffi (Python) is written for libtemporal_ffi {written_for}.x, but the "
            f"library{' at ' + where if where else ''} is version {library_version!r}: "
            f"install a {written_for}.x library or the binding matching it"
        )


lib, LIBRARY_PATH = _load()

# Checked before anything else is declared: a library of another version may lack them.
lib.temporal_version.restype = c_void_p  # static, borrowed
lib.temporal_version.argtypes = []
LIBRARY_VERSION = ctypes.string_at(lib.temporal_version()).decode("utf-8", errors="replace")
check_version(LIBRARY_VERSION, ABI_VERSION, LIBRARY_PATH)

# ---------------------------------------------------------------------------------------------
# Structures (field order and types exactly as in include/temporal.h)
# ---------------------------------------------------------------------------------------------

# void (*temporal_call_callback)(void *user_data, temporal_call *call). The binding never sets
# one (it waits, or uses a completion queue), but the field is part of the struct.
CALL_CALLBACK_TYPE = ctypes.CFUNCTYPE(None, c_void_p, c_void_p)
# void (*temporal_log_callback)(void *user_data, int32_t level, const char *target,
#                               const char *message)  -- strings borrowed for the call only
LOG_CALLBACK_TYPE = ctypes.CFUNCTYPE(None, c_void_p, c_int32, c_void_p, c_void_p)


# int32_t (*temporal_payload_codec_fn)(void *user_data, const temporal_payloads *input,
#                                      temporal_payloads *output)  -- input borrowed for the call
PAYLOAD_CODEC_FN_TYPE = ctypes.CFUNCTYPE(c_int32, c_void_p, c_void_p, c_void_p)
# void (*release)(void *user_data)
PAYLOAD_CODEC_RELEASE_TYPE = ctypes.CFUNCTYPE(None, c_void_p)


class TemporalPayloadCodec(Structure):
    """``struct temporal_payload_codec``."""

    _fields_ = [
        ("size", c_size_t),
        ("encode", PAYLOAD_CODEC_FN_TYPE),
        ("decode", PAYLOAD_CODEC_FN_TYPE),
        ("user_data", c_void_p),
        ("release", PAYLOAD_CODEC_RELEASE_TYPE),
    ]


class TemporalCallOptions(Structure):
    """``struct temporal_call_options``."""

    _fields_ = [
        ("size", c_size_t),
        ("timeout_ms", c_uint64),
        ("callback", CALL_CALLBACK_TYPE),
        ("user_data", c_void_p),
        ("completion_queue", c_void_p),
        ("trace_parent", c_char_p),
        ("trace_state", c_char_p),
        ("baggage", c_char_p),
        ("header_json", c_char_p),
        ("args_payloads", c_void_p),  # const temporal_payloads *
        ("workflow_args_payloads", c_void_p),  # const temporal_payloads *
        ("result_as_payloads", c_bool),
    ]


class TemporalMetricAttribute(Structure):
    """``struct temporal_metric_attribute``."""

    _fields_ = [
        ("key", c_void_p),
        ("value_type", c_int32),
        ("string_value", c_void_p),
        ("int_value", ctypes.c_int64),
        ("float_value", c_double),
        ("bool_value", c_bool),
    ]


METRIC_NEW_TYPE = ctypes.CFUNCTYPE(c_void_p, c_void_p, c_void_p, c_void_p, c_void_p, c_int32)
METRIC_FREE_TYPE = ctypes.CFUNCTYPE(None, c_void_p, c_void_p)
ATTRIBUTES_NEW_TYPE = ctypes.CFUNCTYPE(c_void_p, c_void_p, c_void_p, POINTER(TemporalMetricAttribute), c_size_t)
RECORD_INTEGER_TYPE = ctypes.CFUNCTYPE(None, c_void_p, c_void_p, c_uint64, c_void_p)
RECORD_FLOAT_TYPE = ctypes.CFUNCTYPE(None, c_void_p, c_void_p, c_double, c_void_p)
RECORD_SIGNED_TYPE = ctypes.CFUNCTYPE(None, c_void_p, c_void_p, ctypes.c_int64, c_void_p)
METER_FREE_TYPE = ctypes.CFUNCTYPE(None, c_void_p)


class TemporalHostMeter(Structure):
    """``struct temporal_host_meter``."""

    _fields_ = [
        ("size", c_size_t),
        ("user_data", c_void_p),
        ("metric_new", METRIC_NEW_TYPE),
        ("metric_free", METRIC_FREE_TYPE),
        ("attributes_new", ATTRIBUTES_NEW_TYPE),
        ("attributes_free", METRIC_FREE_TYPE),
        ("record_integer", RECORD_INTEGER_TYPE),
        ("record_float", RECORD_FLOAT_TYPE),
        ("record_duration", RECORD_INTEGER_TYPE),
        ("record_signed", RECORD_SIGNED_TYPE),
        ("meter_free", METER_FREE_TYPE),
    ]


class TemporalClientOptions(Structure):
    """``struct temporal_client_options``."""

    _fields_ = [
        ("size", c_size_t),
        ("address", c_char_p),
        ("namespace_name", c_char_p),
        ("identity", c_char_p),
        ("api_key", c_char_p),
        ("tls", c_bool),
        ("tls_server_ca_cert_pem", c_char_p),
        ("tls_client_cert_pem", c_char_p),
        ("tls_client_key_pem", c_char_p),
        ("tls_server_name", c_char_p),
        ("tls_disable_host_verification", c_bool),
        ("grpc_metadata_json", c_char_p),
        ("connect_timeout_ms", c_uint64),
        ("envconfig", c_int32),
        ("envconfig_profile", c_char_p),
        ("envconfig_file", c_char_p),
        ("grpc_compression", c_int32),
        ("metrics_host_meter", POINTER(TemporalHostMeter)),
        ("keep_alive_interval_ms", c_uint64),
        ("keep_alive_timeout_ms", c_uint64),
        ("keep_alive_disabled", c_bool),
        ("proxy_address", c_char_p),
        ("proxy_basic_auth_user", c_char_p),
        ("proxy_basic_auth_password", c_char_p),
        ("payload_codec", POINTER(TemporalPayloadCodec)),
        ("lazy", c_bool),
    ]


class TemporalRetryPolicy(Structure):
    """``struct temporal_retry_policy``."""

    _fields_ = [
        ("size", c_size_t),
        ("initial_interval_ms", c_uint64),
        ("backoff_coefficient", c_double),
        ("maximum_interval_ms", c_uint64),
        ("maximum_attempts", c_int32),
        ("non_retryable_error_types_json", c_char_p),
    ]


class TemporalSearchAttribute(Structure):
    """``struct temporal_search_attribute``."""

    _fields_ = [
        ("name", c_char_p),
        ("type", c_int32),
        ("value_json", c_char_p),
    ]


class TemporalStartWorkflowOptions(Structure):
    """``struct temporal_start_workflow_options``."""

    _fields_ = [
        ("size", c_size_t),
        ("id", c_char_p),
        ("task_queue", c_char_p),
        ("execution_timeout_ms", c_uint64),
        ("run_timeout_ms", c_uint64),
        ("task_timeout_ms", c_uint64),
        ("id_reuse_policy", c_int32),
        ("id_conflict_policy", c_int32),
        ("error_when_already_started", c_bool),
        ("retry_policy", POINTER(TemporalRetryPolicy)),
        ("cron_schedule", c_char_p),
        ("memo_json", c_char_p),
        ("search_attributes_json", c_char_p),
        ("start_delay_ms", c_uint64),
        ("static_summary", c_char_p),
        ("static_details", c_char_p),
        ("priority_key", c_int32),
        ("fairness_key", c_char_p),
        ("fairness_weight", c_float),
        ("typed_search_attributes", POINTER(TemporalSearchAttribute)),
        ("typed_search_attributes_len", c_size_t),
        ("versioning_behavior", c_int32),
        ("versioning_deployment_name", c_char_p),
        ("versioning_build_id", c_char_p),
    ]


class TemporalRuntimeOptions(Structure):
    """``struct temporal_runtime_options``."""

    _fields_ = [
        ("size", c_size_t),
        ("worker_threads", c_uint32),
        ("log_level", c_int32),
        ("log_callback", LOG_CALLBACK_TYPE),
        ("log_user_data", c_void_p),
        ("metrics_prometheus_address", c_char_p),
        ("metrics_prefix", c_char_p),
        ("metrics_global_tags_json", c_char_p),
        ("metrics_durations_in_seconds", c_bool),
        ("metrics_otlp_url", c_char_p),
        ("metrics_otlp_protocol", c_int32),
        ("metrics_otlp_headers_json", c_char_p),
        ("metrics_otlp_period_ms", c_uint64),
    ]


class TemporalActivityCompletion(Structure):
    """``struct temporal_activity_completion``."""

    _fields_ = [
        ("size", c_size_t),
        ("outcome", c_int32),
        ("result_json", c_char_p),
        ("failure_message", c_char_p),
        ("failure_type", c_char_p),
        ("failure_non_retryable", c_bool),
        ("details_json", c_char_p),
    ]


class TemporalUpdateOptions(Structure):
    """``struct temporal_update_options``."""

    _fields_ = [
        ("size", c_size_t),
        ("update_id", c_char_p),
        ("wait_for_stage", c_int32),
        ("first_execution_run_id", c_char_p),
    ]


class TemporalWorkflowTargetOptions(Structure):
    """``struct temporal_workflow_target_options``."""

    _fields_ = [
        ("size", c_size_t),
        ("workflow_id", c_char_p),
        ("run_id", c_char_p),
        ("first_execution_run_id", c_char_p),
        ("reason", c_char_p),
        ("details_json", c_char_p),
    ]


class TemporalQueryOptions(Structure):
    """``struct temporal_query_options``."""

    _fields_ = [
        ("size", c_size_t),
        ("workflow_id", c_char_p),
        ("run_id", c_char_p),
        ("query_type", c_char_p),
        ("args_json", c_char_p),
        ("query_reject_condition", c_int32),
    ]


class TemporalScheduleInterval(Structure):
    """``struct temporal_schedule_interval``."""

    _fields_ = [
        ("every_ms", c_uint64),
        ("offset_ms", c_uint64),
    ]


class TemporalScheduleCalendar(Structure):
    """``struct temporal_schedule_calendar``: range strings; NULL or "": the server's default."""

    _fields_ = [
        ("second", c_char_p),
        ("minute", c_char_p),
        ("hour", c_char_p),
        ("day_of_month", c_char_p),
        ("month", c_char_p),
        ("day_of_week", c_char_p),
        ("year", c_char_p),
        ("comment", c_char_p),
    ]


class TemporalScheduleBackfill(Structure):
    """``struct temporal_schedule_backfill``."""

    _fields_ = [
        ("start_time_unix_ms", c_int64),
        ("end_time_unix_ms", c_int64),
        ("overlap_policy", c_int32),
    ]


class TemporalScheduleOptions(Structure):
    """``struct temporal_schedule_options``."""

    _fields_ = [
        ("size", c_size_t),
        ("cron_strings", POINTER(c_char_p)),
        ("cron_strings_len", c_size_t),
        ("intervals", POINTER(TemporalScheduleInterval)),
        ("intervals_len", c_size_t),
        ("calendars", POINTER(TemporalScheduleCalendar)),
        ("calendars_len", c_size_t),
        ("exclude_calendars", POINTER(TemporalScheduleCalendar)),
        ("exclude_calendars_len", c_size_t),
        ("start_time_unix_ms", c_int64),
        ("end_time_unix_ms", c_int64),
        ("jitter_ms", c_uint64),
        ("time_zone_name", c_char_p),
        ("workflow_type", c_char_p),
        ("args_json", c_char_p),
        ("workflow_options", POINTER(TemporalStartWorkflowOptions)),
        ("overlap_policy", c_int32),
        ("catchup_window_ms", c_uint64),
        ("pause_on_failure", c_bool),
        ("keep_original_workflow_id", c_bool),
        ("paused", c_bool),
        ("note", c_char_p),
        ("remaining_actions", c_int64),
        ("trigger_immediately", c_bool),
        ("backfills", POINTER(TemporalScheduleBackfill)),
        ("backfills_len", c_size_t),
        ("memo_json", c_char_p),
        ("search_attributes_json", c_char_p),
        # `const uint8_t *` + length: c_char_p from bytes (NUL bytes inside are fine)
        ("schedule_proto", c_char_p),
        ("schedule_proto_len", c_size_t),
    ]


STRUCTS = {
    "temporal_call_options": TemporalCallOptions,
    "temporal_workflow_target_options": TemporalWorkflowTargetOptions,
    "temporal_query_options": TemporalQueryOptions,
    "temporal_client_options": TemporalClientOptions,
    "temporal_retry_policy": TemporalRetryPolicy,
    "temporal_search_attribute": TemporalSearchAttribute,
    "temporal_start_workflow_options": TemporalStartWorkflowOptions,
    "temporal_runtime_options": TemporalRuntimeOptions,
    "temporal_metric_attribute": TemporalMetricAttribute,
    "temporal_host_meter": TemporalHostMeter,
    "temporal_activity_completion": TemporalActivityCompletion,
    "temporal_update_options": TemporalUpdateOptions,
    "temporal_payload_codec": TemporalPayloadCodec,
    "temporal_schedule_interval": TemporalScheduleInterval,
    "temporal_schedule_calendar": TemporalScheduleCalendar,
    "temporal_schedule_backfill": TemporalScheduleBackfill,
    "temporal_schedule_options": TemporalScheduleOptions,
}

# ---------------------------------------------------------------------------------------------
# Functions (every function of include/temporal.h)
# ---------------------------------------------------------------------------------------------

_c_error_p = c_void_p  # temporal_error * (opaque)
_c_client_p = c_void_p  # temporal_client * (opaque)
_c_run_p = c_void_p  # temporal_workflow_run * (opaque)
_c_call_p = c_void_p  # temporal_call * (opaque)
_c_queue_p = c_void_p  # temporal_completion_queue * (opaque)
_c_update_handle_p = c_void_p  # temporal_update_handle * (opaque)
_c_payloads_p = c_void_p  # temporal_payloads * (opaque)


def _declare(name: str, restype: Any, *argtypes: Any) -> None:
    fn = getattr(lib, name)
    fn.restype = restype
    fn.argtypes = list(argtypes)


# Strings
_declare("temporal_string_free", None, c_void_p)

# Calls
_declare("temporal_call_options_default", c_bool, POINTER(TemporalCallOptions), c_size_t)
_declare("temporal_call_wait", _c_error_p, _c_call_p, c_uint64)  # owned error
_declare("temporal_call_is_done", c_bool, _c_call_p)
_declare("temporal_call_get_error", _c_error_p, _c_call_p)  # BORROWED from the call
_declare("temporal_call_get_json", c_void_p, _c_call_p)  # borrowed
_declare("temporal_call_take_run", _c_run_p, _c_call_p)  # owned
_declare("temporal_call_take_client", _c_client_p, _c_call_p)  # owned
_declare("temporal_call_take_update_handle", _c_update_handle_p, _c_call_p)  # owned
_declare("temporal_call_take_payloads", _c_payloads_p, _c_call_p)  # owned
_declare("temporal_call_get_count", c_bool, _c_call_p, POINTER(c_int64))
_declare("temporal_call_get_update_id", c_void_p, _c_call_p)  # borrowed
# call, bytes_out (borrowed from the call, NULL for an empty response), len_out
_declare("temporal_call_get_bytes", c_bool, _c_call_p, POINTER(c_void_p), POINTER(c_size_t))
_declare("temporal_call_get_user_data", c_void_p, _c_call_p)
_declare("temporal_call_cancel", None, _c_call_p)
_declare("temporal_call_free", None, _c_call_p)

# Every operation ends with (const temporal_call_options *, temporal_call **call_out).
_CALL_TAIL = (POINTER(TemporalCallOptions), POINTER(_c_call_p))

# Client
_declare("temporal_client_options_default", c_bool, POINTER(TemporalClientOptions), c_size_t)
_declare("temporal_client_connect_async", _c_error_p, POINTER(TemporalClientOptions), *_CALL_TAIL)
_declare(
    "temporal_client_connect", _c_error_p, POINTER(TemporalClientOptions), POINTER(_c_client_p)
)
_declare("temporal_client_free", None, _c_client_p)
_declare("temporal_client_get_namespace", c_void_p, _c_client_p)  # owned: temporal_string_free
_declare("temporal_client_set_api_key", _c_error_p, _c_client_p, c_char_p)
_declare("temporal_client_set_grpc_metadata", _c_error_p, _c_client_p, c_char_p)
_declare(
    "temporal_client_new_from_existing",
    _c_error_p,
    _c_client_p,
    c_char_p,
    c_char_p,
    POINTER(_c_client_p),
)

# Completion queues
_declare("temporal_completion_queue_new", _c_error_p, POINTER(_c_queue_p))
_declare("temporal_completion_queue_fd", c_int32, _c_queue_p)
_declare("temporal_completion_queue_next", _c_call_p, _c_queue_p)
_declare("temporal_completion_queue_free", None, _c_queue_p)

# Errors
_declare("temporal_error_get_code", c_int32, _c_error_p)
_declare("temporal_error_get_message", c_void_p, _c_error_p)  # borrowed
_declare("temporal_error_get_details", c_void_p, _c_error_p)  # borrowed, may be NULL
_declare("temporal_error_code_name", c_void_p, c_int32)  # static
_declare("temporal_error_free", None, _c_error_p)

# Client operations: argtypes between the client and the call tail.
_OPERATIONS = {
    # client, workflow_id, run_id, signal_name, args_json
    "temporal_signal_workflow_async": (c_char_p, c_char_p, c_char_p, c_char_p),
    # client, signal_name, signal_args_json, workflow_type, args_json, options
    "temporal_signal_with_start_workflow_async": (
        c_char_p, c_char_p, c_char_p, c_char_p, POINTER(TemporalStartWorkflowOptions)
    ),
    # client, workflow_id, run_id, query_type, args_json
    "temporal_query_workflow_async": (c_char_p, c_char_p, c_char_p, c_char_p),
    # client, workflow_id, run_id, update_name, update_id, args_json
    "temporal_update_workflow_async": (c_char_p, c_char_p, c_char_p, c_char_p, c_char_p),
    # client, workflow_id, run_id, update_name, args_json, options
    "temporal_start_update_async": (
        c_char_p, c_char_p, c_char_p, c_char_p, POINTER(TemporalUpdateOptions)
    ),
    # client, update_name, update_args_json, update_options, workflow_type, args_json,
    # start_options
    "temporal_update_with_start_workflow_async": (
        c_char_p, c_char_p, POINTER(TemporalUpdateOptions), c_char_p, c_char_p,
        POINTER(TemporalStartWorkflowOptions),
    ),
    # client, workflow_id, run_id
    "temporal_cancel_workflow_async": (c_char_p, c_char_p),
    # client, options
    "temporal_cancel_workflow_with_options_async": (POINTER(TemporalWorkflowTargetOptions),),
    "temporal_terminate_workflow_with_options_async": (POINTER(TemporalWorkflowTargetOptions),),
    # client, workflow_id, run_id, reason, details_json
    "temporal_terminate_workflow_async": (c_char_p, c_char_p, c_char_p, c_char_p),
    # client, workflow_id, run_id
    "temporal_describe_workflow_execution_async": (c_char_p, c_char_p),
    # client, query, page_size, page_token
    "temporal_list_workflow_async": (c_char_p, c_int32, c_char_p),
    # client, query
    "temporal_count_workflow_async": (c_char_p,),
    # client, workflow_id, run_id
    "temporal_get_workflow_history_async": (c_char_p, c_char_p),
    # client, workflow_id, run_id, page_token, filter_type, wait_new_event
    "temporal_get_workflow_history_page_async": (c_char_p, c_char_p, c_char_p, c_int32, c_bool),
    # client, options
    "temporal_query_workflow_with_options_async": (POINTER(TemporalQueryOptions),),
    # client
    "temporal_get_search_attributes_async": (),
    # client, task_queue, task_queue_type
    "temporal_describe_task_queue_async": (c_char_p, c_int32),
    # client, workflow_id, run_id, reason, workflow_task_finish_event_id
    "temporal_reset_workflow_execution_async": (c_char_p, c_char_p, c_char_p, c_int64),
    # client
    "temporal_check_health_async": (),
    # client, workflow_type, args_json, options
    "temporal_execute_workflow_async": (c_char_p, c_char_p, POINTER(TemporalStartWorkflowOptions)),
    # client, service, method, request, request_len: the request's protobuf bytes as c_char_p
    # from bytes (the length is given, so NUL bytes inside are fine)
    "temporal_raw_rpc_async": (c_char_p, c_char_p, c_char_p, c_size_t),
    # Async activity completion. A task token is `const uint8_t *` + `size_t`: passed as
    # c_char_p from bytes (its length is given, so NUL bytes inside are fine).
    # client, task_token, task_token_len, completion
    "temporal_complete_activity_async": (c_char_p, c_size_t, POINTER(TemporalActivityCompletion)),
    # client, namespace_name, workflow_id, run_id, activity_id, completion
    "temporal_complete_activity_by_id_async": (
        c_char_p, c_char_p, c_char_p, c_char_p, POINTER(TemporalActivityCompletion)
    ),
    # client, task_token, task_token_len, details_json
    "temporal_record_activity_heartbeat_async": (c_char_p, c_size_t, c_char_p),
    # client, namespace_name, workflow_id, run_id, activity_id, details_json
    "temporal_record_activity_heartbeat_by_id_async": (c_char_p, c_char_p, c_char_p, c_char_p, c_char_p),
    # Schedules. client, schedule_id, options
    "temporal_schedule_create_async": (c_char_p, POINTER(TemporalScheduleOptions)),
    # client, schedule_id
    "temporal_schedule_describe_async": (c_char_p,),
    # client, schedule_id, options, conflict_token
    "temporal_schedule_update_async": (c_char_p, POINTER(TemporalScheduleOptions), c_char_p),
    # client, schedule_id, note
    "temporal_schedule_pause_async": (c_char_p, c_char_p),
    "temporal_schedule_unpause_async": (c_char_p, c_char_p),
    # client, schedule_id, overlap_policy
    "temporal_schedule_trigger_async": (c_char_p, c_int32),
    # client, schedule_id, backfills, backfills_len
    "temporal_schedule_backfill_async": (c_char_p, POINTER(TemporalScheduleBackfill), c_size_t),
    # client, schedule_id
    "temporal_schedule_delete_async": (c_char_p,),
    # client, query, page_size, page_token
    "temporal_schedule_list_async": (c_char_p, c_int32, c_char_p),
}
for _name, _args in _OPERATIONS.items():
    _declare(_name, _c_error_p, _c_client_p, *_args, *_CALL_TAIL)

_declare("temporal_query_options_default", c_bool, POINTER(TemporalQueryOptions), c_size_t)

# Updates
_declare("temporal_update_options_default", c_bool, POINTER(TemporalUpdateOptions), c_size_t)
_declare(
    "temporal_workflow_target_options_default", c_bool, POINTER(TemporalWorkflowTargetOptions), c_size_t
)
_declare(
    "temporal_get_workflow_update_handle",
    _c_error_p,
    _c_client_p,
    c_char_p,
    c_char_p,
    c_char_p,
    POINTER(_c_update_handle_p),
)
_declare("temporal_update_handle_get_result_async", _c_error_p, _c_update_handle_p, *_CALL_TAIL)
_declare("temporal_update_handle_get_id", c_void_p, _c_update_handle_p)  # borrowed
_declare("temporal_update_handle_get_workflow_id", c_void_p, _c_update_handle_p)  # borrowed
_declare("temporal_update_handle_get_run_id", c_void_p, _c_update_handle_p)  # borrowed
_declare("temporal_update_handle_free", None, _c_update_handle_p)

_declare("temporal_schedule_options_default", c_bool, POINTER(TemporalScheduleOptions), c_size_t)

# Activities
_declare(
    "temporal_activity_completion_default", c_bool, POINTER(TemporalActivityCompletion), c_size_t
)

# Payloads. Data and metadata values are `const uint8_t *` + `size_t`: passed as c_char_p from
# bytes (the length is given, so NUL bytes inside are fine); the borrowed views the getters
# write are c_void_p, read with ctypes.string_at(ptr, len) while the list is unchanged.
_declare("temporal_payloads_new", _c_error_p, POINTER(_c_payloads_p))  # owned
_declare("temporal_payloads_free", None, _c_payloads_p)
_declare("temporal_payloads_len", c_size_t, _c_payloads_p)
_declare("temporal_payloads_push", _c_error_p, _c_payloads_p, c_char_p, c_size_t)
_declare("temporal_payloads_push_json", _c_error_p, _c_payloads_p, c_char_p)
_declare("temporal_payloads_push_proto", _c_error_p, _c_payloads_p, c_char_p, c_size_t)
_declare(
    "temporal_payloads_set_metadata", _c_error_p, _c_payloads_p, c_size_t, c_char_p, c_char_p, c_size_t
)
_declare(
    "temporal_payloads_get_data",
    _c_error_p,
    _c_payloads_p,
    c_size_t,
    POINTER(c_void_p),  # borrowed
    POINTER(c_size_t),
)
_declare("temporal_payloads_metadata_len", c_size_t, _c_payloads_p, c_size_t)
_declare(
    "temporal_payloads_get_metadata_at",
    _c_error_p,
    _c_payloads_p,
    c_size_t,
    c_size_t,
    POINTER(c_void_p),  # key, borrowed
    POINTER(c_void_p),  # value, borrowed
    POINTER(c_size_t),
)
_declare(
    "temporal_payloads_get_metadata",
    _c_error_p,
    _c_payloads_p,
    c_size_t,
    c_char_p,
    POINTER(c_void_p),  # borrowed
    POINTER(c_size_t),
)
_declare("temporal_payloads_get_json", _c_error_p, _c_payloads_p, c_size_t, POINTER(c_void_p))  # owned
_declare(
    "temporal_payloads_get_proto",
    _c_error_p,
    _c_payloads_p,
    c_size_t,
    POINTER(c_void_p),  # owned: temporal_bytes_free(bytes, len)
    POINTER(c_size_t),
)
_declare("temporal_bytes_free", None, c_void_p, c_size_t)
_declare("temporal_payloads_set_error", _c_error_p, _c_payloads_p, c_char_p)
_declare("temporal_payload_codec_default", c_bool, POINTER(TemporalPayloadCodec), c_size_t)

# Runtime
_declare("temporal_runtime_options_default", c_bool, POINTER(TemporalRuntimeOptions), c_size_t)
_declare("temporal_runtime_init", _c_error_p, POINTER(TemporalRuntimeOptions))
_declare("temporal_runtime_metrics_address", c_size_t, ctypes.c_char_p, c_size_t)
_declare("temporal_host_meter_default", c_bool, POINTER(TemporalHostMeter), c_size_t)
_declare("temporal_runtime_shutdown", _c_error_p, c_uint64)

# Workflows
_declare("temporal_start_workflow_options_default", c_bool, POINTER(TemporalStartWorkflowOptions), c_size_t)
_declare("temporal_retry_policy_default", c_bool, POINTER(TemporalRetryPolicy), c_size_t)
_declare(
    "temporal_execute_workflow",
    _c_error_p,
    _c_client_p,
    c_char_p,
    c_char_p,
    POINTER(TemporalStartWorkflowOptions),
    POINTER(_c_run_p),
)
_declare("temporal_get_workflow", _c_error_p, _c_client_p, c_char_p, c_char_p, POINTER(_c_run_p))
_declare("temporal_get_result_async", _c_error_p, _c_run_p, *_CALL_TAIL)
_declare("temporal_get_result", _c_error_p, _c_run_p, c_uint64, POINTER(c_void_p))
_declare("temporal_workflow_run_resolve_run_id_async", _c_error_p, _c_run_p, *_CALL_TAIL)
_declare("temporal_workflow_run_get_id", c_void_p, _c_run_p)  # borrowed
_declare("temporal_workflow_run_get_run_id", c_void_p, _c_run_p)  # borrowed, never blocks
_declare("temporal_workflow_run_free", None, _c_run_p)


# Every options struct: the _default function of its C name.
_DEFAULTS: dict[type[Structure], Any] = {
    TemporalCallOptions: lib.temporal_call_options_default,
    TemporalClientOptions: lib.temporal_client_options_default,
    TemporalRetryPolicy: lib.temporal_retry_policy_default,
    TemporalStartWorkflowOptions: lib.temporal_start_workflow_options_default,
    TemporalRuntimeOptions: lib.temporal_runtime_options_default,
    TemporalActivityCompletion: lib.temporal_activity_completion_default,
    TemporalUpdateOptions: lib.temporal_update_options_default,
    TemporalWorkflowTargetOptions: lib.temporal_workflow_target_options_default,
    TemporalQueryOptions: lib.temporal_query_options_default,
    TemporalHostMeter: lib.temporal_host_meter_default,
    TemporalPayloadCodec: lib.temporal_payload_codec_default,
    TemporalScheduleOptions: lib.temporal_schedule_options_default,
}


_Options = TypeVar("_Options", bound=Structure)


def new_options(struct_type: type[_Options]) -> _Options:
    """A ``struct_type`` initialised by its ``_default`` function, which sets ``size`` (always
    use this: a struct whose ``size`` is 0 is refused)."""
    opts = struct_type()
    if not _DEFAULTS[struct_type](ctypes.byref(opts), ctypes.sizeof(opts)):
        raise RuntimeError(f"{struct_type.__name__}: the library refused size {ctypes.sizeof(opts)}")
    return opts


def borrowed_str(ptr: Optional[int]) -> Optional[str]:
    """Copies a borrowed ``const char *`` (an int address or None) into a Python str."""
    if not ptr:
        return None
    return ctypes.string_at(ptr).decode("utf-8", errors="replace")
