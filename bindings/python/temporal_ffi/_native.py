"""Low-level ctypes declarations for libtemporal_ffi (include/temporal.h).

Everything here mirrors the C header one to one: structures with the same field order and
types, and argtypes/restype for every exported function. The high-level API is in
``temporal_ffi/__init__.py``.

Ownership rules the declarations encode:
  * functions returning ``temporal_error *`` use ``c_void_p`` so the caller gets the raw
    pointer and can free it with ``temporal_error_free``;
  * owned ``char **`` outputs are ``POINTER(c_void_p)`` (read with ``ctypes.string_at`` and
    free with ``temporal_string_free``), never ``c_char_p``, which would copy and leak;
  * borrowed ``const char *`` returns are also ``c_void_p`` and read with ``string_at``
    while their owner is alive.

The library is loaded with ``ctypes.CDLL`` (not ``PyDLL``), so every call releases the GIL
while it runs: blocking calls such as ``temporal_get_result`` block only their own thread.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from ctypes import (
    POINTER,
    Structure,
    c_bool,
    c_char_p,
    c_double,
    c_int,
    c_int32,
    c_uint32,
    c_uint64,
    c_void_p,
)
from pathlib import Path

__all__ = [
    "lib",
    "LIBRARY_PATH",
    "TemporalClientOptions",
    "TemporalRetryPolicy",
    "TemporalStartWorkflowOptions",
    "TemporalRuntimeOptions",
    "CALLBACK_TYPE",
    "LOG_CALLBACK_TYPE",
]

# ---------------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------------

if sys.platform == "win32":
    _LIB_FILE = "temporal_ffi.dll"
elif sys.platform == "darwin":
    _LIB_FILE = "libtemporal_ffi.dylib"
else:
    _LIB_FILE = "libtemporal_ffi.so"


def _candidates() -> list[str]:
    found = []
    env = os.environ.get("TEMPORAL_FFI_LIB")
    if env:
        return [env]  # explicit choice: no fallback that could hide a typo
    # bindings/python/temporal_ffi/_native.py -> repository root is three levels up.
    root = Path(__file__).resolve().parent.parent.parent.parent
    local = root / "target" / "release" / _LIB_FILE
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
        f"cannot load the temporal-ffi library ({hint}). Set TEMPORAL_FFI_LIB to the path of "
        f"{_LIB_FILE}, or run `cargo build --release` in the repository root."
    )


lib, LIBRARY_PATH = _load()

# ---------------------------------------------------------------------------------------------
# Structures (field order and types exactly as in include/temporal.h)
# ---------------------------------------------------------------------------------------------


class TemporalClientOptions(Structure):
    """``struct temporal_client_options``."""

    _fields_ = [
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
        ("envconfig", c_bool),
        ("envconfig_profile", c_char_p),
        ("envconfig_file", c_char_p),
        ("grpc_compression", c_int32),
    ]


class TemporalRetryPolicy(Structure):
    """``struct temporal_retry_policy``."""

    _fields_ = [
        ("initial_interval_ms", c_uint64),
        ("backoff_coefficient", c_double),
        ("maximum_interval_ms", c_uint64),
        ("maximum_attempts", c_int32),
        ("non_retryable_error_types_json", c_char_p),
    ]


class TemporalStartWorkflowOptions(Structure):
    """``struct temporal_start_workflow_options``."""

    _fields_ = [
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
    ]


# Callbacks. Every pointer argument is c_void_p: the completion callback owns `error`,
# `result_json` and `run` and must free them (a c_char_p would copy and leak the string).
# void (*temporal_callback)(void *user_data, temporal_error *error, char *result_json,
#                           temporal_workflow_run *run)
CALLBACK_TYPE = ctypes.CFUNCTYPE(None, c_void_p, c_void_p, c_void_p, c_void_p)
# void (*temporal_log_callback)(void *user_data, int32_t level, const char *target,
#                               const char *message)  -- strings borrowed for the call only
LOG_CALLBACK_TYPE = ctypes.CFUNCTYPE(None, c_void_p, c_int32, c_void_p, c_void_p)


class TemporalRuntimeOptions(Structure):
    """``struct temporal_runtime_options``."""

    _fields_ = [
        ("worker_threads", c_uint32),
        ("log_level", c_int32),
        ("log_callback", LOG_CALLBACK_TYPE),
        ("log_user_data", c_void_p),
    ]


# ---------------------------------------------------------------------------------------------
# Functions (every function of include/temporal.h)
# ---------------------------------------------------------------------------------------------

_c_error_p = c_void_p  # temporal_error * (opaque)
_c_client_p = c_void_p  # temporal_client * (opaque)
_c_run_p = c_void_p  # temporal_workflow_run * (opaque)


def _declare(name, restype, *argtypes):
    fn = getattr(lib, name)
    fn.restype = restype
    fn.argtypes = list(argtypes)
    return fn


# Strings
_declare("temporal_string_free", None, c_void_p)
_declare("temporal_version", c_void_p)  # static, borrowed

# Client
_declare("temporal_client_options_default", None, POINTER(TemporalClientOptions))
_declare(
    "temporal_client_connect",
    _c_error_p,
    POINTER(TemporalClientOptions),
    POINTER(_c_client_p),
)
_declare("temporal_client_free", None, _c_client_p)

# Errors
_declare("temporal_error_get_code", c_int, _c_error_p)
_declare("temporal_error_get_message", c_void_p, _c_error_p)  # borrowed
_declare("temporal_error_get_details", c_void_p, _c_error_p)  # borrowed, may be NULL
_declare("temporal_error_code_name", c_void_p, c_int32)  # static
_declare("temporal_error_free", None, _c_error_p)

# Workflows
_declare("temporal_start_workflow_options_default", None, POINTER(TemporalStartWorkflowOptions))
_declare(
    "temporal_execute_workflow",
    _c_error_p,
    _c_client_p,
    c_char_p,
    c_char_p,
    POINTER(TemporalStartWorkflowOptions),
    POINTER(_c_run_p),
)
_declare(
    "temporal_get_workflow",
    _c_error_p,
    _c_client_p,
    c_char_p,
    c_char_p,
    POINTER(_c_run_p),
)
_declare("temporal_get_result", _c_error_p, _c_run_p, c_uint64, POINTER(c_void_p))
_declare("temporal_workflow_run_get_id", c_void_p, _c_run_p)  # borrowed
_declare("temporal_workflow_run_get_run_id", c_void_p, _c_run_p)  # borrowed
_declare("temporal_workflow_run_free", None, _c_run_p)

# Async calls
_c_call_p = c_void_p  # temporal_call * (opaque)
_ASYNC_TAIL = (CALLBACK_TYPE, c_void_p, POINTER(_c_call_p))
_declare("temporal_call_cancel", None, _c_call_p)
_declare("temporal_call_free", None, _c_call_p)
_declare(
    "temporal_execute_workflow_async",
    _c_error_p,
    _c_client_p,
    c_char_p,
    c_char_p,
    POINTER(TemporalStartWorkflowOptions),
    *_ASYNC_TAIL,
)
_declare("temporal_get_result_async", _c_error_p, _c_run_p, c_uint64, *_ASYNC_TAIL)

# Client operations: (name, argtypes between the client and the tail, has a char** output)
_OPERATIONS = {
    # client, workflow_id, run_id, signal_name, args_json, deadline_ms
    "temporal_signal_workflow": ((c_char_p, c_char_p, c_char_p, c_char_p, c_uint64), None),
    # client, signal_name, signal_args_json, workflow_type, args_json, options, deadline_ms
    "temporal_signal_with_start_workflow": (
        (c_char_p, c_char_p, c_char_p, c_char_p, POINTER(TemporalStartWorkflowOptions), c_uint64),
        POINTER(_c_run_p),
    ),
    # client, workflow_id, run_id, query_type, args_json, deadline_ms
    "temporal_query_workflow": ((c_char_p, c_char_p, c_char_p, c_char_p, c_uint64), POINTER(c_void_p)),
    # client, workflow_id, run_id, update_name, update_id, args_json, deadline_ms
    "temporal_update_workflow": (
        (c_char_p, c_char_p, c_char_p, c_char_p, c_char_p, c_uint64),
        POINTER(c_void_p),
    ),
    # client, workflow_id, run_id, deadline_ms
    "temporal_cancel_workflow": ((c_char_p, c_char_p, c_uint64), None),
    # client, workflow_id, run_id, reason, details_json, deadline_ms
    "temporal_terminate_workflow": ((c_char_p, c_char_p, c_char_p, c_char_p, c_uint64), None),
    # client, workflow_id, run_id, deadline_ms
    "temporal_describe_workflow_execution": ((c_char_p, c_char_p, c_uint64), POINTER(c_void_p)),
    # client, query, page_size, page_token, deadline_ms
    "temporal_list_workflow": ((c_char_p, c_int32, c_char_p, c_uint64), POINTER(c_void_p)),
    # client, query, deadline_ms
    "temporal_count_workflow": ((c_char_p, c_uint64), POINTER(c_void_p)),
    # client, workflow_id, run_id, deadline_ms
    "temporal_get_workflow_history": ((c_char_p, c_char_p, c_uint64), POINTER(c_void_p)),
}
for _name, (_args, _out) in _OPERATIONS.items():
    _declare(_name, _c_error_p, _c_client_p, *_args, *((_out,) if _out is not None else ()))
    _declare(_name + "_async", _c_error_p, _c_client_p, *_args, *_ASYNC_TAIL)

# Runtime
_declare("temporal_runtime_options_default", None, POINTER(TemporalRuntimeOptions))
_declare("temporal_runtime_init", _c_error_p, POINTER(TemporalRuntimeOptions))
_declare("temporal_runtime_shutdown", _c_error_p, c_uint64)


def borrowed_str(ptr) -> str | None:
    """Copies a borrowed ``const char *`` (an int address or None) into a Python str."""
    if not ptr:
        return None
    return ctypes.string_at(ptr).decode("utf-8", errors="replace")
