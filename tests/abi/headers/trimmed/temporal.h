/*
 * temporal.h: the C API of temporal-ffi, a Temporal client library.
 *
 * A copy of the 0.2.0 header whose option structs end before their last fields, as the header
 * of an older minor version with fewer fields would: tests/abi/old_header.c is built with it.
 *
 * Conventions, for every function:
 *  - Every operation that talks to the server is one `_async` function that starts a
 *    temporal_call. The call completes exactly once, in the form the caller picks in its
 *    temporal_call_options: temporal_call_wait() (blocking, with a timeout), a callback on a
 *    library thread, or a temporal_completion_queue whose file descriptor a host event loop
 *    polls. Its outcome is read from the call (temporal_call_get_error, _get_json,
 *    _take_run...). temporal_client_connect, temporal_execute_workflow and
 *    temporal_get_result are blocking wrappers over the same calls.
 *  - Calls that can fail return `temporal_error *`: NULL on success; otherwise an error the
 *    caller owns and frees with temporal_error_free(). Outputs are written only on success.
 *  - Option structs start with `size`, set by their _default function; the library reads only
 *    the fields inside it (so a program built with an older header keeps working and the newer
 *    fields take their defaults) and refuses a larger struct whose unknown fields are not zero.
 *    Every field's default is its zero value.
 *  - Timeouts: TEMPORAL_TIMEOUT_DEFAULT (0) is the operation's default, which each function
 *    states; TEMPORAL_TIMEOUT_NONE is no limit; any other value is milliseconds, at most
 *    TEMPORAL_MAX_DURATION_MS (100 years). A timeout that passes is
 *    TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED; TEMPORAL_ERROR_CODE_CANCELED is only ever a cancel.
 *  - Strings going in are NUL-terminated UTF-8, borrowed only for the duration of the call.
 *    Collections (arguments, memo, metadata...) go in as JSON text.
 *  - `char **` outputs are owned by the caller: free them with temporal_string_free().
 *    `const char *` returns are borrowed: they live as long as the object they came from.
 *  - Handles (temporal_client, temporal_workflow_run, temporal_error) are opaque, created by
 *    this library and freed with their own _free function. Freeing NULL is a no-op.
 *  - Clients and runs are thread-safe. Blocking calls block only the calling thread.
 *  - A panic inside the library never crosses this boundary: it becomes
 *    TEMPORAL_ERROR_CODE_INTERNAL.
 */

#ifndef TEMPORAL_FFI_H
#define TEMPORAL_FFI_H

#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The version of the library this header belongs to; temporal_version() gives the
   version of the library loaded at run time. */
#define TEMPORAL_FFI_VERSION "0.2.0"
#define TEMPORAL_FFI_VERSION_MAJOR 0
#define TEMPORAL_FFI_VERSION_MINOR 2
#define TEMPORAL_FFI_VERSION_PATCH 0
/* The SONAME programs built with this header load. */
#define TEMPORAL_FFI_SONAME "libtemporal_ffi.so.0.2"


/**
 * `timeout_ms` value: the operation's own default, which each function documents (10 s for
 * one request to the server, as the Go SDK; no limit for waiting on a workflow or an update).
 */
#define TEMPORAL_TIMEOUT_DEFAULT 0

/**
 * `timeout_ms` value: no limit.
 */
#define TEMPORAL_TIMEOUT_NONE UINT64_MAX

/**
 * The longest duration, in milliseconds, accepted by any `_ms` field or argument other than
 * `TEMPORAL_TIMEOUT_NONE`: 100 years. Larger values are refused with `INVALID_ARGUMENT`.
 */
#define TEMPORAL_MAX_DURATION_MS 3153600000000

/**
 * When `temporal_client_options` loads the environment configuration (`TEMPORAL_ADDRESS`,
 * `TEMPORAL_NAMESPACE`, `TEMPORAL_API_KEY`, `TEMPORAL_TLS*`, `TEMPORAL_GRPC_META_*`,
 * `TEMPORAL_CONFIG_FILE`, `TEMPORAL_PROFILE` and the TOML config file, as the official SDKs
 * read them). The same rule in every binding.
 */
typedef enum temporal_envconfig_mode {
  /**
   * Load it when `address` is not set (the default): a program that names no server goes
   * where the environment says, and one that names a server goes there.
   */
  TEMPORAL_ENVCONFIG_MODE_AUTO = 0,
  /**
   * Always load it (fields set in the options still win).
   */
  TEMPORAL_ENVCONFIG_MODE_ON = 1,
  /**
   * Never load it.
   */
  TEMPORAL_ENVCONFIG_MODE_OFF = 2,
} temporal_envconfig_mode;

/**
 * Stable error codes. The numeric values are part of the C ABI and never change.
 */
typedef enum temporal_error_code {
  /**
   * No error.
   */
  TEMPORAL_ERROR_CODE_OK = 0,
  /**
   * An argument was missing, malformed or out of range (also: the server rejected a request
   * as invalid).
   */
  TEMPORAL_ERROR_CODE_INVALID_ARGUMENT = 1,
  /**
   * The workflow execution (or namespace) does not exist.
   */
  TEMPORAL_ERROR_CODE_NOT_FOUND = 2,
  /**
   * A workflow with this ID is already running (or the ID reuse policy refused the start) and
   * the caller asked for an error in that case. The details carry `workflow_id` and `run_id`.
   */
  TEMPORAL_ERROR_CODE_ALREADY_STARTED = 3,
  /**
   * The workflow failed. The details carry the failure chain (`failure`).
   */
  TEMPORAL_ERROR_CODE_WORKFLOW_FAILED = 4,
  /**
   * The workflow was canceled.
   */
  TEMPORAL_ERROR_CODE_WORKFLOW_CANCELED = 5,
  /**
   * The workflow was terminated. The details carry the `reason`.
   */
  TEMPORAL_ERROR_CODE_WORKFLOW_TERMINATED = 6,
  /**
   * The workflow timed out.
   */
  TEMPORAL_ERROR_CODE_WORKFLOW_TIMED_OUT = 7,
  /**
   * The server could not be reached, or the connection failed.
   */
  TEMPORAL_ERROR_CODE_UNAVAILABLE = 8,
  /**
   * The call's deadline (or the get-result timeout) passed before it completed.
   */
  TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED = 9,
  /**
   * The server refused the credentials (gRPC UNAUTHENTICATED or PERMISSION_DENIED).
   */
  TEMPORAL_ERROR_CODE_PERMISSION_DENIED = 10,
  /**
   * A payload could not be encoded or decoded (for example an unsupported encoding).
   */
  TEMPORAL_ERROR_CODE_PAYLOAD = 11,
  /**
   * The call was canceled by the caller (`temporal_call_cancel`) or by a shutdown. A deadline
   * that passes is never this code: it is `DEADLINE_EXCEEDED`.
   */
  TEMPORAL_ERROR_CODE_CANCELED = 12,
  /**
   * The server answered with another gRPC error; the details carry `grpc_code`.
   */
  TEMPORAL_ERROR_CODE_RPC = 13,
  /**
   * A bug or an unexpected state inside the library (including a caught panic).
   */
  TEMPORAL_ERROR_CODE_INTERNAL = 14,
  /**
   * A workflow update was rejected or its handler failed. The details carry `failure`.
   */
  TEMPORAL_ERROR_CODE_UPDATE_FAILED = 15,
  /**
   * A query failed in the workflow's handler, or was rejected.
   */
  TEMPORAL_ERROR_CODE_QUERY_FAILED = 16,
  /**
   * The library was shut down (`temporal_runtime_shutdown`), or is used in a child process
   * after `fork()`.
   */
  TEMPORAL_ERROR_CODE_SHUTDOWN = 17,
} temporal_error_code;

/**
 * gRPC compression of request bodies (the Go SDK's `ConnectionOptions.GrpcCompression`).
 *
 * Off by default, where the Go SDK defaults to gzip: the gRPC stack underneath (tonic) builds
 * and zeroes a fresh ~300 KB deflate state for every message and a fresh inflate state for
 * every compressed answer. Measured with callgrind on sequential starts against the dev
 * server: about 860,000 instructions per start with gzip against 175,000 without, for a
 * start request of a few hundred bytes that gzip barely shrinks. Turn gzip on for large
 * payloads over slow links.
 */
typedef enum temporal_grpc_compression {
  /**
   * Requests are sent uncompressed and uncompressed answers are asked for.
   */
  TEMPORAL_GRPC_COMPRESSION_NONE = 0,
  /**
   * Requests are gzip-compressed and compressed answers are accepted (the Go SDK default).
   */
  TEMPORAL_GRPC_COMPRESSION_GZIP = 1,
} temporal_grpc_compression;

/**
 * Log levels for `temporal_runtime_options.log_level` and the log callback.
 */
typedef enum temporal_log_level {
  TEMPORAL_LOG_LEVEL_OFF = 0,
  TEMPORAL_LOG_LEVEL_ERROR = 1,
  TEMPORAL_LOG_LEVEL_WARN = 2,
  TEMPORAL_LOG_LEVEL_INFO = 3,
  TEMPORAL_LOG_LEVEL_DEBUG = 4,
  TEMPORAL_LOG_LEVEL_TRACE = 5,
} temporal_log_level;

/**
 * `enums.v1.WorkflowIdConflictPolicy`, with the proto's numbers.
 */
typedef enum temporal_workflow_id_conflict_policy {
  /**
   * Server default (fail).
   */
  TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_UNSPECIFIED = 0,
  TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_FAIL = 1,
  TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING = 2,
  TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING = 3,
} temporal_workflow_id_conflict_policy;

/**
 * `enums.v1.WorkflowIdReusePolicy`, with the proto's numbers.
 */
typedef enum temporal_workflow_id_reuse_policy {
  /**
   * Server default (allow duplicate).
   */
  TEMPORAL_WORKFLOW_ID_REUSE_POLICY_UNSPECIFIED = 0,
  TEMPORAL_WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE = 1,
  TEMPORAL_WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY = 2,
  TEMPORAL_WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE = 3,
  /**
   * Deprecated by the server: prefer the TERMINATE_EXISTING conflict policy.
   */
  TEMPORAL_WORKFLOW_ID_REUSE_POLICY_TERMINATE_IF_RUNNING = 4,
} temporal_workflow_id_reuse_policy;

/**
 * A call to the server in flight or completed. Opaque; the caller owns it and frees it with
 * `temporal_call_free` (before, during or after its completion; freeing does not cancel).
 */
typedef struct temporal_call temporal_call;

/**
 * A connected client. Thread-safe: share one per process between any number of threads.
 * Opaque; free with `temporal_client_free`.
 */
typedef struct temporal_client temporal_client;

/**
 * A queue of completed calls with a pollable file descriptor. Opaque; create it with
 * `temporal_completion_queue_new`, free it with `temporal_completion_queue_free`.
 */
typedef struct temporal_completion_queue temporal_completion_queue;

/**
 * An error returned by a library call. Opaque; read it with the `temporal_error_get_*`
 * functions and free it with `temporal_error_free`.
 */
typedef struct temporal_error temporal_error;

/**
 * A workflow run: a Workflow ID and a Run ID, the Go SDK's `client.WorkflowRun`.
 * Thread-safe. Opaque; free with `temporal_workflow_run_free`.
 */
typedef struct temporal_workflow_run temporal_workflow_run;

/**
 * Runs exactly once when a call completes, on a library thread, with the `user_data` of the
 * call's options and the call (the same pointer `call_out` received; NULL if the caller already
 * freed it). Read the outcome from `call`; it stays valid until the caller frees it, which it
 * may do here. The callback may call any function that does not block and start other calls;
 * a blocking call from inside it (`temporal_call_wait`, the blocking wrappers) fails with
 * `INVALID_ARGUMENT` instead of deadlocking. Keep it short: it runs on one of the library's
 * few threads.
 */
typedef void (*temporal_call_callback)(void *user_data, struct temporal_call *call);

/**
 * How a call reports its completion, and how long it may take. Initialise with
 * `temporal_call_options_default`; a NULL `temporal_call_options *` means all defaults (wait
 * only, the operation's default timeout).
 *
 * Extensible: `size` is set by `temporal_call_options_default`, and the library reads only the
 * fields inside it; fields a newer header adds take their defaults (zero).
 */
typedef struct temporal_call_options {
  /**
   * `sizeof(temporal_call_options)`, set by `temporal_call_options_default`.
   */
  size_t size;
  /**
   * How long the operation may take before it ends with `DEADLINE_EXCEEDED`, retries
   * included: `TEMPORAL_TIMEOUT_DEFAULT` (0) for the operation's default (each function says
   * which), `TEMPORAL_TIMEOUT_NONE` for no limit, otherwise milliseconds (at most
   * `TEMPORAL_MAX_DURATION_MS`).
   */
  uint64_t timeout_ms;
  /**
   * Called once when the call completes. NULL: no callback.
   */
  temporal_call_callback callback;
  /**
   * Passed to `callback`, and returned by `temporal_call_get_user_data`; the library never
   * reads it. It may be used from a library thread.
   */
  void *user_data;
} temporal_call_options;

/**
 * Options for `temporal_client_connect`, the Go SDK's `client.Options`.
 *
 * Initialise with `temporal_client_options_default` and set what you need. Every string is
 * NUL-terminated UTF-8, borrowed only for the duration of the connect call; NULL or "" means
 * "not set". Extensible: the library reads only the fields inside `size`, and every field's
 * default is its zero value.
 */
typedef struct temporal_client_options {
  /**
   * `sizeof(temporal_client_options)`, set by `temporal_client_options_default`.
   */
  size_t size;
  /**
   * `host:port` (or a URL with `http://` / `https://`). Not set: the environment
   * configuration's address (see `envconfig`), else `localhost:7233`.
   */
  const char *address;
  /**
   * Not set: `default` (or the envconfig namespace).
   */
  const char *namespace_name;
  /**
   * Not set: `pid@hostname@`, as the Go SDK.
   */
  const char *identity;
  /**
   * API key, sent as `authorization: Bearer <key>`. Turns TLS on (system roots) unless TLS is
   * configured. Never appears in an error message or a log.
   */
  const char *api_key;
  /**
   * Use TLS even when none of the `tls_*` fields below is set (system root certificates).
   */
  bool tls;
  /**
   * PEM text of the CA that signed the server's certificate.
   */
  const char *tls_server_ca_cert_pem;
  /**
   * PEM text of the client certificate for mTLS (with `tls_client_key_pem`).
   */
  const char *tls_client_cert_pem;
  /**
   * PEM text of the client private key for mTLS. Never appears in an error message or a log.
   */
  const char *tls_client_key_pem;
  /**
   * Server name to verify the certificate against (and to send as SNI).
   */
  const char *tls_server_name;
  /**
   * Do not verify the server's certificate chain or name (the Go SDK's InsecureSkipVerify).
   */
  bool tls_disable_host_verification;
  /**
   * Extra gRPC metadata for every call, as a JSON object of strings: `{"key": "value"}`.
   * Keys and values must be valid HTTP/2 header text; binary (`-bin`) keys are refused.
   */
  const char *grpc_metadata_json;
} temporal_client_options;

/**
 * A workflow retry policy, the Go SDK's `temporal.RetryPolicy`. Zero fields mean "server
 * default". Extensible like the options structs: initialise with
 * `temporal_retry_policy_default`.
 */
typedef struct temporal_retry_policy {
  /**
   * `sizeof(temporal_retry_policy)`, set by `temporal_retry_policy_default`.
   */
  size_t size;
  /**
   * First retry interval in ms; 0: 1 s.
   */
  uint64_t initial_interval_ms;
  /**
   * Interval multiplier; 0: 2.0. Otherwise at least 1.
   */
  double backoff_coefficient;
  /**
   * Longest retry interval in ms; 0: 100 × the initial interval.
   */
  uint64_t maximum_interval_ms;
  /**
   * Attempts including the first; 0: unlimited.
   */
  int32_t maximum_attempts;
  /**
   * Application error types not to retry, as a JSON array of strings; NULL: none.
   */
  const char *non_retryable_error_types_json;
} temporal_retry_policy;

/**
 * Options for `temporal_execute_workflow`, the Go SDK's `client.StartWorkflowOptions`.
 *
 * Initialise with `temporal_start_workflow_options_default`. Strings are NUL-terminated UTF-8,
 * borrowed only during the call; NULL or "" means "not set". Durations are milliseconds (at
 * most `TEMPORAL_MAX_DURATION_MS`); 0 means "not set". Extensible: the library reads only the
 * fields inside `size`, and every field's default is its zero value.
 */
typedef struct temporal_start_workflow_options {
  /**
   * `sizeof(temporal_start_workflow_options)`, set by `temporal_start_workflow_options_default`.
   */
  size_t size;
  /**
   * Workflow ID. Not set: a random UUID is generated (as the Go SDK). A business ID is
   * recommended: it is what lets another process reattach with `temporal_get_workflow`.
   */
  const char *id;
  /**
   * Task queue the workers poll. Required.
   */
  const char *task_queue;
  /**
   * Whole execution timeout, retries and continue-as-new included. 0: unlimited.
   */
  uint64_t execution_timeout_ms;
  /**
   * Single run timeout. 0: the execution timeout.
   */
  uint64_t run_timeout_ms;
  /**
   * Workflow task timeout. 0: 10 s (server default).
   */
  uint64_t task_timeout_ms;
  /**
   * A `temporal_workflow_id_reuse_policy` value; 0: server default (allow duplicate).
   */
  int32_t id_reuse_policy;
  /**
   * A `temporal_workflow_id_conflict_policy` value; 0: server default (fail, which this
   * library turns into "reattach" unless `error_when_already_started`).
   */
  int32_t id_conflict_policy;
  /**
   * false (default): starting an ID that is already running returns a run for the running
   * execution (and an ID the reuse policy refuses returns its last run), with no error.
   * true: such a start fails with `TEMPORAL_ERROR_CODE_ALREADY_STARTED`.
   */
  bool error_when_already_started;
} temporal_start_workflow_options;

/**
 * Receives one log event: its level (a `temporal_log_level`), its target (the Rust module it
 * comes from) and its message, both valid only during the call. Called on any library thread,
 * possibly several at once; it must not block for long. Secrets are never logged.
 */
typedef void (*temporal_log_callback)(void *user_data,
                                      int32_t level,
                                      const char *target,
                                      const char *message);

/**
 * Options for `temporal_runtime_init`. Initialise with `temporal_runtime_options_default`.
 * Extensible: the library reads only the fields inside `size`; every default is zero.
 */
typedef struct temporal_runtime_options {
  /**
   * `sizeof(temporal_runtime_options)`, set by `temporal_runtime_options_default`.
   */
  size_t size;
  /**
   * Threads of the library's runtime; 0: the number of CPUs, at most 4.
   */
  uint32_t worker_threads;
  /**
   * A `temporal_log_level`: events at this level and more severe go to `log_callback`.
   * Default `TEMPORAL_LOG_LEVEL_OFF` (the library is quiet).
   */
  int32_t log_level;
} temporal_runtime_options;

#ifdef __cplusplus
extern "C" {
#endif // __cplusplus

/**
 * Frees a string that this library returned (`char **` outputs). NULL is a no-op.
 *
 * # Safety
 * `s` is NULL or a string returned by this library that was not freed yet.
 */
void temporal_string_free(char *s);

/**
 * The library version, e.g. "0.2.0" (the same as `TEMPORAL_FFI_VERSION`). A binding compares
 * it with the version it was written for when it loads the library.
 *
 * Returns a static string: never free it.
 */
const char *temporal_version(void);

/**
 * Fills `options` with the defaults (every field zero) and sets its `size`.
 *
 * `size` is `sizeof(temporal_call_options)` as the caller's header defines it: the library writes exactly that
 * many bytes, so a program built with an older, smaller header is safe. Returns false and
 * writes nothing for NULL or a size that cannot be the struct's.
 *
 * # Safety
 * `options` is NULL or valid for writes of `size` bytes.
 */
bool temporal_call_options_default(struct temporal_call_options *options,
                                   size_t size);

/**
 * Waits until the call completed: returns NULL once it has (read its outcome with the getters),
 * or `TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED` if it is still in flight after `timeout_ms`
 * (the call goes on; wait again or cancel it). `timeout_ms`: `TEMPORAL_TIMEOUT_DEFAULT` (0)
 * or `TEMPORAL_TIMEOUT_NONE` wait as long as the call takes (its own timeout bounds it);
 * otherwise milliseconds. Works whatever completion form the call has. From inside a library
 * callback it returns at once for a call that has completed (the callback's own, for one) and
 * fails with `INVALID_ARGUMENT` for one still in flight (it would block a library thread).
 *
 * # Safety
 * `call` is NULL or a live call.
 */
struct temporal_error *temporal_call_wait(const struct temporal_call *call, uint64_t timeout_ms);

/**
 * Whether the call completed. Never blocks. false for NULL or a handle of another kind.
 *
 * # Safety
 * `call` is NULL or a live call.
 */
bool temporal_call_is_done(const struct temporal_call *call);

/**
 * The error the completed call ended with, or NULL if it succeeded (or is still in flight).
 * Borrowed: valid until the call is freed; do not free it.
 *
 * # Safety
 * `call` is NULL or a live call.
 */
const struct temporal_error *temporal_call_get_error(const struct temporal_call *call);

/**
 * The completed call's result as JSON text, for operations that have one (each says what it
 * is), else NULL. Borrowed: valid until the call is freed; do not free it.
 *
 * # Safety
 * `call` is NULL or a live call.
 */
const char *temporal_call_get_json(const struct temporal_call *call);

/**
 * Takes the run a completed call produced (`temporal_execute_workflow_async`,
 * `temporal_signal_with_start_workflow`). The caller owns it: `temporal_workflow_run_free`.
 * NULL if there is none, or it was taken already.
 *
 * # Safety
 * `call` is NULL or a live call.
 */
struct temporal_workflow_run *temporal_call_take_run(const struct temporal_call *call);

/**
 * Takes the client a completed `temporal_client_connect_async` produced. The caller owns it:
 * `temporal_client_free`. NULL if there is none, or it was taken already.
 *
 * # Safety
 * `call` is NULL or a live call.
 */
struct temporal_client *temporal_call_take_client(const struct temporal_call *call);

/**
 * The count of a completed `temporal_count_workflow`: writes it to `*count_out` and returns
 * true; false (and `*count_out` untouched) if the call has no count.
 *
 * # Safety
 * `call` is NULL or a live call; `count_out` is NULL or valid for a write.
 */
bool temporal_call_get_count(const struct temporal_call *call, int64_t *count_out);

/**
 * The update ID of a completed `temporal_update_workflow_async` (the one given, or the one the
 * library generated), whether the update succeeded or failed (`UPDATE_FAILED`, a timeout, the
 * server's error; not after `temporal_call_cancel`); else NULL.
 * Borrowed: valid until the call is freed.
 *
 * # Safety
 * `call` is NULL or a live call.
 */
const char *temporal_call_get_update_id(const struct temporal_call *call);

/**
 * The `user_data` of the call's options (NULL if none, or for a bad handle).
 *
 * # Safety
 * `call` is NULL or a live call.
 */
void *temporal_call_get_user_data(const struct temporal_call *call);

/**
 * Cancels a call: unless it already completed, it completes promptly with
 * `TEMPORAL_ERROR_CODE_CANCELED` (through its callback or queue, as chosen) and the work is
 * abandoned; what already reached the server, such as a start, stays done. Idempotent; NULL is
 * a no-op.
 *
 * # Safety
 * `call` is NULL or a live call.
 */
void temporal_call_cancel(const struct temporal_call *call);

/**
 * Frees a call, at any time: before it completed (it goes on; its callback then receives NULL
 * for the call, and a completion queue never returns it), from inside its own callback, or after.
 * It does not cancel. NULL is a no-op.
 *
 * # Safety
 * `call` is NULL or a call not yet freed; no other thread uses it.
 */
void temporal_call_free(struct temporal_call *call);

/**
 * Fills `options` with the defaults (every field unset) and sets its `size`.
 *
 * `size` is `sizeof(temporal_client_options)` as the caller's header defines it: the library writes exactly that
 * many bytes, so a program built with an older, smaller header is safe. Returns false and
 * writes nothing for NULL or a size that cannot be the struct's.
 *
 * # Safety
 * `options` is NULL or valid for writes of `size` bytes.
 */
bool temporal_client_options_default(struct temporal_client_options *options,
                                     size_t size);

/**
 * Connects to a Temporal server and checks that it answers (GetSystemInfo), as the Go SDK's
 * `client.Dial`; the completed call lends nothing: take the client with
 * `temporal_call_take_client` (the caller owns it: `temporal_client_free`).
 *
 * `options` may be NULL for all defaults. The connect is bounded by `connect_timeout_ms`
 * (`temporal_call_options.timeout_ms` is not used). Errors: `INVALID_ARGUMENT` (bad options),
 * `UNAVAILABLE` (server unreachable), `DEADLINE_EXCEEDED` (no answer within the connect
 * timeout), `PERMISSION_DENIED`.
 *
 * Every operation has this shape: arguments are checked and copied before it returns (the
 * caller may free its strings and structs at once); a bad argument is returned as the error and
 * no call is started; otherwise it returns NULL and writes a new call to `*call_out`, which
 * completes as `call_options` says (NULL: only `temporal_call_wait`).
 *
 * # Safety
 * Pointers are NULL or valid; strings NUL-terminated.
 */
struct temporal_error *temporal_client_connect_async(const struct temporal_client_options *options,
                                                     const struct temporal_call_options *call_options,
                                                     struct temporal_call **call_out);

/**
 * Blocking wrapper of `temporal_client_connect_async`: connects and writes a new client to
 * `*client_out` (the caller owns it: `temporal_client_free`). Blocks the calling thread until
 * connected, or until the connect timeout. On failure returns an error (caller owns it:
 * `temporal_error_free`) and leaves `*client_out` untouched.
 *
 * # Safety
 * `options` is NULL or a valid options struct; `client_out` is valid for a write.
 */
struct temporal_error *temporal_client_connect(const struct temporal_client_options *options,
                                               struct temporal_client **client_out);

/**
 * Frees a client. NULL is a no-op. Workflow runs obtained from it, and async calls already
 * started with it, stay valid (they keep the connection alive until they are done too). Free it only when no other thread is inside a
 * call that takes this client.
 *
 * # Safety
 * `client` is NULL or a client from `temporal_client_connect` not yet freed.
 */
void temporal_client_free(struct temporal_client *client);

/**
 * Creates a completion queue and writes it to `*queue_out` (the caller owns it:
 * `temporal_completion_queue_free`).
 *
 * # Safety
 * `queue_out` is valid for a write.
 */
struct temporal_error *temporal_completion_queue_new(struct temporal_completion_queue **queue_out);

/**
 * The queue's file descriptor: readable while the queue holds a completed call (poll it for
 * `POLLIN` / `EPOLLIN`, level-triggered). A call freed before it was taken may leave it
 * readable with nothing to take: `temporal_completion_queue_next` then returns NULL and the
 * descriptor is quiet again. Do not read, write or close it: it belongs to the
 * queue and is closed by `temporal_completion_queue_free`. -1 for NULL or a bad handle.
 *
 * # Safety
 * `queue` is NULL or a live queue.
 */
int32_t temporal_completion_queue_fd(const struct temporal_completion_queue *queue);

/**
 * Takes the next completed call off the queue without blocking, or returns NULL when there is
 * none. The call returned is the caller's own (the pointer its `call_out` received): read its
 * outcome and free it with `temporal_call_free`. Calls freed before they were taken are never
 * returned. Call it until it returns NULL each time the descriptor is readable.
 *
 * # Safety
 * `queue` is NULL or a live queue. Take calls off one queue from one thread at a time, or
 * make sure a call is not freed while another thread takes it.
 */
struct temporal_call *temporal_completion_queue_next(const struct temporal_completion_queue *queue);

/**
 * Frees a queue. Its descriptor is closed once no call in flight names the queue: such calls
 * complete as usual (waiters and getters work) but are posted nowhere. Calls on it not yet taken
 * are not freed: they stay the caller's. NULL is a no-op.
 *
 * # Safety
 * `queue` is NULL or a queue not yet freed; no other thread uses it.
 */
void temporal_completion_queue_free(struct temporal_completion_queue *queue);

/**
 * The error's code. `TEMPORAL_ERROR_CODE_OK` if `error` is NULL;
 * `TEMPORAL_ERROR_CODE_INVALID_ARGUMENT` if it is not an error object.
 *
 * # Safety
 * `error` is NULL or an error returned by this library and not yet freed.
 */
enum temporal_error_code temporal_error_get_code(const struct temporal_error *error);

/**
 * The error's message (UTF-8, never NULL: "" if `error` is NULL or not an error object).
 *
 * Borrowed: valid until `temporal_error_free(error)` (or, for an error lent by
 * `temporal_call_get_error`, until the call is freed); do not free it.
 *
 * # Safety
 * As `temporal_error_get_code`.
 */
const char *temporal_error_get_message(const struct temporal_error *error);

/**
 * The error's details as a JSON object, or NULL when it has none. Keys by code:
 * `ALREADY_STARTED`: `workflow_id`, `run_id`; `WORKFLOW_FAILED`: `failure`, the failure chain
 * (`message`, `kind`, `display` (what the Go SDK's `Error()` prints at that level, its causes
 * included), `type`, `non_retryable`, `details`, `cause`...); `WORKFLOW_TERMINATED`: `reason`;
 * `UPDATE_FAILED`: `update_id`, `failure`; every workflow outcome: `workflow_id`, `run_id`,
 * `workflow_type` and `display` (the cause as the Go SDK's `Error()` prints it: "canceled",
 * "terminated", "Workflow timeout (type: StartToClose)", or the failure chain's text); errors
 * from the server: `grpc_code`.
 *
 * Borrowed: valid as long as the message; do not free it.
 *
 * # Safety
 * As `temporal_error_get_code`.
 */
const char *temporal_error_get_details(const struct temporal_error *error);

/**
 * The name of an error code without its prefix, e.g. "NOT_FOUND"; "UNKNOWN" for a value that
 * is not a code. The one source of the names: bindings ask it rather than keep a copy.
 * Static: never free it.
 */
const char *temporal_error_code_name(int32_t code);

/**
 * Frees an error. NULL is a no-op. Only errors the caller owns: not the one
 * `temporal_call_get_error` lends.
 *
 * # Safety
 * `error` is NULL or an error returned by this library; it must not be used afterwards.
 */
void temporal_error_free(struct temporal_error *error);

/**
 * Sends a signal: the Go SDK's `SignalWorkflow`. `run_id` NULL or "": the current run.
 * `args_json`: the signal's arguments as a JSON array, or NULL. Timeout
 * `TEMPORAL_TIMEOUT_DEFAULT`: 10 s. The completed call has no result, only an error or none.
 *
 * # Safety
 * Pointers are NULL or valid; strings NUL-terminated.
 */
struct temporal_error *temporal_signal_workflow_async(const struct temporal_client *client,
                                                      const char *workflow_id,
                                                      const char *run_id,
                                                      const char *signal_name,
                                                      const char *args_json,
                                                      const struct temporal_call_options *call_options,
                                                      struct temporal_call **call_out);

/**
 * Signals a workflow, starting it first if it is not running: the Go SDK's
 * `SignalWithStartWorkflow`. Take the run that got the signal with `temporal_call_take_run`.
 * Timeout `TEMPORAL_TIMEOUT_DEFAULT`: 10 s.
 *
 * # Safety
 * Pointers are NULL or valid; strings NUL-terminated.
 */
struct temporal_error *temporal_signal_with_start_workflow_async(const struct temporal_client *client,
                                                                 const char *signal_name,
                                                                 const char *signal_args_json,
                                                                 const char *workflow_type,
                                                                 const char *args_json,
                                                                 const struct temporal_start_workflow_options *options,
                                                                 const struct temporal_call_options *call_options,
                                                                 struct temporal_call **call_out);

/**
 * Queries a workflow: the Go SDK's `QueryWorkflow`. The completed call's JSON is the handler's
 * answer. A failing or rejected query is `TEMPORAL_ERROR_CODE_QUERY_FAILED`; a query that gets
 * no answer within the timeout (`TEMPORAL_TIMEOUT_DEFAULT`: 10 s) is `DEADLINE_EXCEEDED`.
 *
 * # Safety
 * Pointers are NULL or valid; strings NUL-terminated.
 */
struct temporal_error *temporal_query_workflow_async(const struct temporal_client *client,
                                                     const char *workflow_id,
                                                     const char *run_id,
                                                     const char *query_type,
                                                     const char *args_json,
                                                     const struct temporal_call_options *call_options,
                                                     struct temporal_call **call_out);

/**
 * Sends an update and waits for its result: the Go SDK's `UpdateWorkflow` with
 * `WaitForStage: Completed`. `update_id` NULL or "": a new UUID, which the completed call gives
 * with `temporal_call_get_update_id`. The completed call's JSON is the handler's result. A
 * rejected or failed update is `TEMPORAL_ERROR_CODE_UPDATE_FAILED` with `update_id` and
 * `failure` in the details. Timeout `TEMPORAL_TIMEOUT_DEFAULT`: no limit, as waiting for a
 * workflow.
 *
 * # Safety
 * Pointers are NULL or valid; strings NUL-terminated.
 */
struct temporal_error *temporal_update_workflow_async(const struct temporal_client *client,
                                                      const char *workflow_id,
                                                      const char *run_id,
                                                      const char *update_name,
                                                      const char *update_id,
                                                      const char *args_json,
                                                      const struct temporal_call_options *call_options,
                                                      struct temporal_call **call_out);

/**
 * Requests cancellation: the Go SDK's `CancelWorkflow` (the workflow decides how to stop).
 * Timeout `TEMPORAL_TIMEOUT_DEFAULT`: 10 s. The completed call has no result.
 *
 * # Safety
 * Pointers are NULL or valid; strings NUL-terminated.
 */
struct temporal_error *temporal_cancel_workflow_async(const struct temporal_client *client,
                                                      const char *workflow_id,
                                                      const char *run_id,
                                                      const struct temporal_call_options *call_options,
                                                      struct temporal_call **call_out);

/**
 * Terminates a workflow: the Go SDK's `TerminateWorkflow`. `reason` may be NULL;
 * `details_json` is a JSON array or NULL. Timeout `TEMPORAL_TIMEOUT_DEFAULT`: 10 s. The
 * completed call has no result.
 *
 * # Safety
 * Pointers are NULL or valid; strings NUL-terminated.
 */
struct temporal_error *temporal_terminate_workflow_async(const struct temporal_client *client,
                                                         const char *workflow_id,
                                                         const char *run_id,
                                                         const char *reason,
                                                         const char *details_json,
                                                         const struct temporal_call_options *call_options,
                                                         struct temporal_call **call_out);

/**
 * Describes an execution: the Go SDK's `DescribeWorkflowExecution`. The completed call's JSON
 * is an object with `workflow_id`, `run_id`, `workflow_type`, `task_queue`, `status` (e.g.
 * "RUNNING", "COMPLETED"), `start_time`, `execution_time`, `close_time` (RFC 3339 or null),
 * `history_length`, `memo`, `search_attributes`, `pending_activities`. Timeout
 * `TEMPORAL_TIMEOUT_DEFAULT`: 10 s.
 *
 * # Safety
 * Pointers are NULL or valid; strings NUL-terminated.
 */
struct temporal_error *temporal_describe_workflow_execution_async(const struct temporal_client *client,
                                                                  const char *workflow_id,
                                                                  const char *run_id,
                                                                  const struct temporal_call_options *call_options,
                                                                  struct temporal_call **call_out);

/**
 * Lists executions matching a visibility query (NULL or "": all), one page at a time: the
 * Go SDK's `ListWorkflow`. `page_size` 0: the server's default. `page_token` NULL or "" for
 * the first page. The completed call's JSON is `{"executions": [...], "next_page_token":
 * "..."}` (each execution as in `temporal_describe_workflow_execution_async`; an empty token
 * means no more pages). Timeout `TEMPORAL_TIMEOUT_DEFAULT`: 10 s.
 *
 * # Safety
 * Pointers are NULL or valid; strings NUL-terminated.
 */
struct temporal_error *temporal_list_workflow_async(const struct temporal_client *client,
                                                    const char *query,
                                                    int32_t page_size,
                                                    const char *page_token,
                                                    const struct temporal_call_options *call_options,
                                                    struct temporal_call **call_out);

/**
 * Counts executions matching a visibility query (NULL or "": all): the Go SDK's
 * `CountWorkflow`. Read the count with `temporal_call_get_count`; the completed call's JSON is
 * `{"count": N, "groups": [{"group_values": [...], "count": N}, ...]}` (groups only for a
 * `GROUP BY` query). Timeout `TEMPORAL_TIMEOUT_DEFAULT`: 10 s.
 *
 * # Safety
 * Pointers are NULL or valid; strings NUL-terminated.
 */
struct temporal_error *temporal_count_workflow_async(const struct temporal_client *client,
                                                     const char *query,
                                                     const struct temporal_call_options *call_options,
                                                     struct temporal_call **call_out);

/**
 * The whole event history of a run (NULL run ID: the current run): the Go SDK's
 * `GetWorkflowHistory`. The completed call's JSON is `{"events": [...]}`, the proto's JSON
 * form. The timeout bounds the whole fetch (`TEMPORAL_TIMEOUT_DEFAULT`: 10 s).
 *
 * # Safety
 * Pointers are NULL or valid; strings NUL-terminated.
 */
struct temporal_error *temporal_get_workflow_history_async(const struct temporal_client *client,
                                                           const char *workflow_id,
                                                           const char *run_id,
                                                           const struct temporal_call_options *call_options,
                                                           struct temporal_call **call_out);

/**
 * Fills `options` with the defaults and sets its `size`.
 *
 * `size` is `sizeof(temporal_runtime_options)` as the caller's header defines it: the library writes exactly that
 * many bytes, so a program built with an older, smaller header is safe. Returns false and
 * writes nothing for NULL or a size that cannot be the struct's.
 *
 * # Safety
 * `options` is NULL or valid for writes of `size` bytes.
 */
bool temporal_runtime_options_default(struct temporal_runtime_options *options,
                                      size_t size);

/**
 * Configures the runtime. Only before the first other call (connect, ...): afterwards it
 * returns `INVALID_ARGUMENT` and changes nothing; called again before first use, the last
 * options win, log callback included (options without a callback turn logging off). `options`
 * NULL: defaults. The log callback must not call `temporal_runtime_init`.
 *
 * fork(): the runtime's threads and connections exist only in the process that started them.
 * A child forked after the library was used would wait forever on threads it does not have,
 * so every call from such a child fails at once with `TEMPORAL_ERROR_CODE_SHUTDOWN`; a child
 * that needs Temporal should exec a new program.
 *
 * # Safety
 * `options` is NULL or valid; `log_user_data` may be used from any thread.
 */
struct temporal_error *temporal_runtime_init(const struct temporal_runtime_options *options);

/**
 * Shuts the library down: every pending call ends with `TEMPORAL_ERROR_CODE_CANCELED`
 * (blocking wrappers return it; callbacks and queues get it), the runtime's threads are joined
 * (waiting at most `timeout_ms`; `TEMPORAL_TIMEOUT_DEFAULT` (0): 5 s), and every later call
 * fails with `TEMPORAL_ERROR_CODE_SHUTDOWN`. Handles stay valid to read and free. Never hangs.
 * Calling it from a callback is refused with `INVALID_ARGUMENT`; calling it twice is a no-op.
 */
struct temporal_error *temporal_runtime_shutdown(uint64_t timeout_ms);

/**
 * Fills `options` with the defaults (every field unset) and sets its `size`.
 *
 * `size` is `sizeof(temporal_start_workflow_options)` as the caller's header defines it: the library writes exactly that
 * many bytes, so a program built with an older, smaller header is safe. Returns false and
 * writes nothing for NULL or a size that cannot be the struct's.
 *
 * # Safety
 * `options` is NULL or valid for writes of `size` bytes.
 */
bool temporal_start_workflow_options_default(struct temporal_start_workflow_options *options,
                                             size_t size);

/**
 * Fills `policy` with the defaults (every field: server default) and sets its `size`.
 *
 * `size` is `sizeof(temporal_retry_policy)` as the caller's header defines it: the library writes exactly that
 * many bytes, so a program built with an older, smaller header is safe. Returns false and
 * writes nothing for NULL or a size that cannot be the struct's.
 *
 * # Safety
 * `policy` is NULL or valid for writes of `size` bytes.
 */
bool temporal_retry_policy_default(struct temporal_retry_policy *policy,
                                   size_t size);

/**
 * Starts a workflow: the Go SDK's `ExecuteWorkflow`, an async start. The call completes as soon
 * as the server accepted the start; take the run with `temporal_call_take_run` and wait for its
 * result with `temporal_get_result_async`.
 *
 * `workflow_type`: the workflow type name, e.g. "GreetingWorkflow" (required).
 * `args_json`: the arguments as a JSON array, one element per workflow parameter, e.g.
 * `["World"]`; NULL or "[]" for none. Each element is sent as one `json/plain` payload
 * (`null` as `binary/null`), exactly as the Go SDK's default data converter.
 * `options`: required; `task_queue` must be set. Starting an ID that is already running
 * completes with a run for the running execution, unless `error_when_already_started`.
 * `call_options`: the completion form; timeout `TEMPORAL_TIMEOUT_DEFAULT`: 10 s, retries of
 * transient errors included.
 *
 * Shape of every operation (see `temporal_client_connect_async`): a bad argument is returned at
 * once and no call starts; otherwise `*call_out` receives the call, which the caller frees.
 *
 * # Safety
 * Pointers are NULL or valid; strings NUL-terminated.
 */
struct temporal_error *temporal_execute_workflow_async(const struct temporal_client *client,
                                                       const char *workflow_type,
                                                       const char *args_json,
                                                       const struct temporal_start_workflow_options *options,
                                                       const struct temporal_call_options *call_options,
                                                       struct temporal_call **call_out);

/**
 * Blocking wrapper of `temporal_execute_workflow_async` (the same call, waited for): on success
 * writes a new run to `*run_out` (caller owns it: `temporal_workflow_run_free`) and returns NULL.
 * On failure returns an error (caller owns it: `temporal_error_free`) and leaves `*run_out`
 * untouched. Blocks the calling thread for the one start call (retried on transient errors for
 * up to 10 s).
 *
 * # Safety
 * Pointers are NULL or valid; strings NUL-terminated.
 */
struct temporal_error *temporal_execute_workflow(const struct temporal_client *client,
                                                 const char *workflow_type,
                                                 const char *args_json,
                                                 const struct temporal_start_workflow_options *options,
                                                 struct temporal_workflow_run **run_out);

/**
 * Gets a run for an existing workflow: the Go SDK's `GetWorkflow`. Makes no call to the server
 * and never blocks; works from any process that knows the Workflow ID.
 *
 * `workflow_id`: required. `run_id`: NULL or "" for the latest run (pinned at the first
 * result wait, or by `temporal_workflow_run_resolve_run_id_async`). On success writes a new run
 * to `*run_out` (caller owns it: `temporal_workflow_run_free`) and returns NULL; on failure
 * returns an error (caller owns it) and leaves `*run_out` untouched. After
 * `temporal_runtime_shutdown` it fails with `SHUTDOWN`, as every call does.
 *
 * # Safety
 * Pointers are NULL or valid; strings NUL-terminated.
 */
struct temporal_error *temporal_get_workflow(const struct temporal_client *client,
                                             const char *workflow_id,
                                             const char *run_id,
                                             struct temporal_workflow_run **run_out);

/**
 * Waits for the workflow to close: the Go SDK's `WorkflowRun.Get`. Any number of calls may wait
 * at once, on one run or many: a wait holds no thread.
 *
 * Follows the run chain as the Go SDK does: continue-as-new always; a new run started by a
 * retry policy or a cron schedule too; never after a cancel or a terminate.
 *
 * `call_options` timeout: give up after this long with `TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED`
 * (the workflow is not affected); `TEMPORAL_TIMEOUT_DEFAULT` and `TEMPORAL_TIMEOUT_NONE`: wait
 * as long as it takes.
 *
 * The completed call's JSON (`temporal_call_get_json`) is the result. How the result payload
 * becomes JSON: `json/plain` and `json/protobuf` as they are; `binary/null`, or no result at
 * all, as `null`; `binary/plain` (a Go `[]byte`) as a JSON string of the bytes in base64, as
 * Go's `json.Marshal` writes a `[]byte`. Errors: `WORKFLOW_FAILED`, `WORKFLOW_CANCELED`,
 * `WORKFLOW_TERMINATED`, `WORKFLOW_TIMED_OUT` (details: `workflow_id`, `run_id` of the run that
 * ended, `failure` / `reason`), `NOT_FOUND`, `DEADLINE_EXCEEDED`, `PAYLOAD` (a result encoding
 * this library cannot decode), `UNAVAILABLE`.
 *
 * # Safety
 * Pointers are NULL or valid.
 */
struct temporal_error *temporal_get_result_async(const struct temporal_workflow_run *run,
                                                 const struct temporal_call_options *call_options,
                                                 struct temporal_call **call_out);

/**
 * Blocking wrapper of `temporal_get_result_async` (the same call, waited for on the calling
 * thread). `timeout_ms`: as the call options' timeout (`TEMPORAL_TIMEOUT_DEFAULT` (0) or
 * `TEMPORAL_TIMEOUT_NONE`: as long as it takes). On success writes the result as JSON text to
 * `*result_json_out` (caller owns it: `temporal_string_free`) and returns NULL; on failure
 * returns an error (caller owns it) and leaves `*result_json_out` untouched.
 *
 * # Safety
 * `run` is NULL or a live run; `result_json_out` is valid for a write.
 */
struct temporal_error *temporal_get_result(const struct temporal_workflow_run *run,
                                           uint64_t timeout_ms,
                                           char **result_json_out);

/**
 * Asks the server for the current run of a run from `temporal_get_workflow` without a Run ID,
 * once: the blocking part of the Go SDK's `GetRunID`, as an operation. When the call completes,
 * `temporal_workflow_run_get_run_id` returns the Run ID ("" if the server could not say, as in
 * the Go SDK: history calls then address the current run). For a run whose Run ID is known it
 * completes at once. Timeout: 10 s (the call options' timeout is not used).
 *
 * # Safety
 * Pointers are NULL or valid.
 */
struct temporal_error *temporal_workflow_run_resolve_run_id_async(const struct temporal_workflow_run *run,
                                                                  const struct temporal_call_options *call_options,
                                                                  struct temporal_call **call_out);

/**
 * The run's Workflow ID (the Go SDK's `GetID`). Borrowed: valid until the run is freed.
 * NULL if `run` is NULL or not a run.
 *
 * # Safety
 * `run` is NULL or a live run.
 */
const char *temporal_workflow_run_get_id(const struct temporal_workflow_run *run);

/**
 * The run's Run ID (the Go SDK's `GetRunID`), never blocking. Known for a run from a start or
 * from `temporal_get_workflow` with a Run ID; for one without, "" until the current run was
 * pinned (by the first result wait, or by `temporal_workflow_run_resolve_run_id_async`).
 * Borrowed: valid until the run is freed. NULL if `run` is NULL or not a run.
 *
 * # Safety
 * `run` is NULL or a live run.
 */
const char *temporal_workflow_run_get_run_id(const struct temporal_workflow_run *run);

/**
 * Frees a run. NULL is a no-op. Calls already started on it go on. Free it only when no other
 * thread is inside a call that takes this run.
 *
 * # Safety
 * `run` is NULL or a run from this library not yet freed.
 */
void temporal_workflow_run_free(struct temporal_workflow_run *run);

#ifdef __cplusplus
}  // extern "C"
#endif  // __cplusplus

#endif  /* TEMPORAL_FFI_H */
