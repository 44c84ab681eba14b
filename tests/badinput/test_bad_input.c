/*
 * test_bad_input: a table-driven test of every function in temporal.h with bad input.
 *
 * Run it inside tests/harness/with-dev-server.sh (TEMPORAL_ADDRESS, TEMPORAL_TEST_TASK_QUEUE).
 *
 *   test_bad_input [DESCRIPTION_SUBSTRING]   runs every row, or those whose text matches
 *
 * How it works: every row names one exported function, a few "patches" applied to a good
 * baseline call (the parameters and the option structs they point to all live in one
 * `struct call`, so a patch is just an offset, a kind and a value), the expected code and an
 * expected substring. The outcome of any call is reduced to (code, text):
 *   - functions returning `temporal_error *`: the error's code (OK for success) and message;
 *   - functions returning a string: code OK and the string in double quotes, or NULL;
 *   - temporal_error_get_code: the code it returned, text "";
 *   - void functions: OK and "" (the *_options_default rows: "defaults" when every field was
 *     reset);
 *   - `_async` functions: an error returned at once is reduced as above, and the callback must
 *     then never run (checked ~100 ms later); on NULL the callback must run exactly once (waited
 *     for, then ~100 ms more to catch a second call) and the outcome is what it received: the
 *     error's code and message, or OK and the result JSON. A row's `later` says an error is
 *     expected through the callback (server-side errors); otherwise an error must come at once.
 * temporal_runtime_shutdown is not called here (it would end the library for the whole process):
 * it is covered by tests/runtime_control.rs and listed in NOT_RUN_HERE for the coverage check.
 * Every failing call must also leave its output untouched, and every message and details text
 * must be valid UTF-8. The last line is exactly "bad input: N passed, M failed".
 * Compiles as C11 (GCC and Clang: offsetof of nested members is used).
 */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "temporal.h"

/* ---------------------------------------------------------------- the call being made */

enum fn {
  F_VERSION,
  F_CODE_NAME,
  F_CLIENT_OPTIONS_DEFAULT,
  F_CONNECT,
  F_CLIENT_FREE,
  F_START_OPTIONS_DEFAULT,
  F_EXECUTE,
  F_GET_WORKFLOW,
  F_GET_RESULT,
  F_RUN_GET_ID,
  F_RUN_GET_RUN_ID,
  F_RUN_FREE,
  F_ERROR_GET_CODE,
  F_ERROR_GET_MESSAGE,
  F_ERROR_GET_DETAILS,
  F_ERROR_FREE,
  F_STRING_FREE,
  F_SIGNAL, F_SIGNAL_ASYNC,
  F_SWS, F_SWS_ASYNC,
  F_QUERY, F_QUERY_ASYNC,
  F_UPDATE, F_UPDATE_ASYNC,
  F_CANCEL, F_CANCEL_ASYNC,
  F_TERMINATE, F_TERMINATE_ASYNC,
  F_DESCRIBE, F_DESCRIBE_ASYNC,
  F_LIST, F_LIST_ASYNC,
  F_COUNT, F_COUNT_ASYNC,
  F_HISTORY, F_HISTORY_ASYNC,
  F_EXECUTE_ASYNC,
  F_GET_RESULT_ASYNC,
  F_CALL_CANCEL,
  F_CALL_FREE,
  F_RUNTIME_OPTIONS_DEFAULT,
  F_RUNTIME_INIT,
  F_RUNTIME_SHUTDOWN, /* NOT_RUN_HERE */
  F_TESTING_PANIC,
};

static const char *const FN_NAMES[] = {
    "temporal_version", "temporal_error_code_name", "temporal_client_options_default",
    "temporal_client_connect", "temporal_client_free", "temporal_start_workflow_options_default",
    "temporal_execute_workflow", "temporal_get_workflow", "temporal_get_result",
    "temporal_workflow_run_get_id", "temporal_workflow_run_get_run_id",
    "temporal_workflow_run_free", "temporal_error_get_code", "temporal_error_get_message",
    "temporal_error_get_details", "temporal_error_free", "temporal_string_free",
    "temporal_signal_workflow", "temporal_signal_workflow_async",
    "temporal_signal_with_start_workflow", "temporal_signal_with_start_workflow_async",
    "temporal_query_workflow", "temporal_query_workflow_async",
    "temporal_update_workflow", "temporal_update_workflow_async",
    "temporal_cancel_workflow", "temporal_cancel_workflow_async",
    "temporal_terminate_workflow", "temporal_terminate_workflow_async",
    "temporal_describe_workflow_execution", "temporal_describe_workflow_execution_async",
    "temporal_list_workflow", "temporal_list_workflow_async",
    "temporal_count_workflow", "temporal_count_workflow_async",
    "temporal_get_workflow_history", "temporal_get_workflow_history_async",
    "temporal_execute_workflow_async", "temporal_get_result_async",
    "temporal_call_cancel", "temporal_call_free",
    "temporal_runtime_options_default", "temporal_runtime_init", "temporal_runtime_shutdown",
    "temporal_testing_panic_next_call",
};
_Static_assert(sizeof FN_NAMES / sizeof FN_NAMES[0] == F_TESTING_PANIC + 1, "FN_NAMES and enum fn differ");

/* Exported functions deliberately not called by this program (the coverage check skips them):
   temporal_runtime_shutdown ends the library for the whole process; tests/runtime_control.rs
   covers it (pending calls CANCELED, later calls SHUTDOWN, twice a no-op, from a callback). */
static const enum fn NOT_RUN_HERE[] = {F_RUNTIME_SHUTDOWN};

static bool is_async(enum fn fn) {
  switch (fn) {
    case F_SIGNAL_ASYNC: case F_SWS_ASYNC: case F_QUERY_ASYNC: case F_UPDATE_ASYNC:
    case F_CANCEL_ASYNC: case F_TERMINATE_ASYNC: case F_DESCRIBE_ASYNC: case F_LIST_ASYNC:
    case F_COUNT_ASYNC: case F_HISTORY_ASYNC: case F_EXECUTE_ASYNC: case F_GET_RESULT_ASYNC:
      return true;
    default: return false;
  }
}

/* Every parameter of every function, plus the structs the option pointers point to. */
struct call {
  /* parameters */
  int32_t code;
  temporal_client_options *client_options; /* also the *_default target */
  temporal_client **client_out;
  temporal_client *client;
  const char *workflow_type;
  const char *args_json;
  temporal_start_workflow_options *start_options; /* also the *_default target */
  temporal_workflow_run **run_out;
  const char *workflow_id;
  const char *run_id;
  temporal_workflow_run *run;
  uint64_t timeout_ms;
  char **result_json_out;
  temporal_error *error;
  char *string;
  const char *signal_name;
  const char *signal_args_json;
  const char *query_type;
  const char *update_name;
  const char *update_id;
  const char *reason;
  const char *details_json;
  const char *query;
  int32_t page_size;
  const char *page_token;
  uint64_t deadline_ms;
  temporal_callback callback;
  temporal_call **call_out;
  temporal_call *call;
  temporal_runtime_options *runtime_options; /* also the *_default target */
  /* what the option pointers point to */
  temporal_client_options co;
  temporal_start_workflow_options so;
  temporal_retry_policy rp;
  temporal_runtime_options ro;
  /* outputs (initialised to a sentinel to prove they are untouched on failure) */
  temporal_client *client_result;
  temporal_workflow_run *run_result;
  char *result_json;
  temporal_call *call_result;
};

/* ---------------------------------------------------------------- patches and rows */

enum kind { V_NONE, V_STR, V_NULL, V_U64, V_U32, V_I32, V_F64, V_HANDLE, V_GEN };
/* H_FRESH_BLOCK: the ID of a Block workflow started for the row (cancel/terminate targets);
   H_PENDING_CALL / H_DONE_CALL: see the call_cancel rows. */
enum handle { H_CLIENT, H_RUN, H_ERROR, H_FRESH_BLOCK, H_PENDING_CALL, H_DONE_CALL };

struct patch {
  size_t offset;
  enum kind kind;
  union {
    const char *s;
    uint64_t u64;
    uint32_t u32;
    int32_t i32;
    double f64;
    enum handle h;
    const char *(*gen)(void);
  } v;
};

#define AT(field) offsetof(struct call, field)
#define STR(field, val) {AT(field), V_STR, {.s = (val)}}
#define NUL(field) {AT(field), V_NULL, {.s = NULL}}
#define U64(field, val) {AT(field), V_U64, {.u64 = (val)}}
#define U32(field, val) {AT(field), V_U32, {.u32 = (val)}}
#define I32(field, val) {AT(field), V_I32, {.i32 = (val)}}
#define F64(field, val) {AT(field), V_F64, {.f64 = (val)}}
#define HANDLE(field, val) {AT(field), V_HANDLE, {.h = (val)}}
#define GEN(field, fn) {AT(field), V_GEN, {.gen = (fn)}}

struct row {
  const char *desc;
  enum fn fn;
  struct patch p[3];
  temporal_error_code code; /* expected */
  const char *text;         /* expected substring of the message / rendered value; NULL: any */
  bool or_ok;               /* success is accepted too (e.g. "a clear error or success") */
  bool panic;               /* temporal_testing_panic_next_call() right before the call */
  bool later;               /* _async: the error is expected through the callback, not at once */
};

/* Invalid UTF-8: a lone continuation byte, an overlong encoding, a truncated sequence. */
#define BAD "bad-\xff\xfe-\xc0\xaf-\xe2\x82"
#define HUNDRED_YEARS_MS (100ULL * 365 * 24 * 3600 * 1000)

/* Large inputs, built once at run time and freed at exit. */
static char *g_generated[8];
static size_t g_ngenerated;
static char *remember(char *s) {
  if (!s) abort();
  g_generated[g_ngenerated++] = s;
  return s;
}
static char *repeat(const char *prefix, char c, size_t n, const char *suffix) {
  size_t lp = strlen(prefix), ls = strlen(suffix);
  char *s = (char *)malloc(lp + n + ls + 1);
  if (!s) abort();
  memcpy(s, prefix, lp);
  memset(s + lp, c, n);
  memcpy(s + lp + n, suffix, ls + 1);
  return s;
}
static const char *deep_open(void) { /* 10000 '[' */
  static char *s;
  if (!s) s = remember(repeat("", '[', 10000, ""));
  return s;
}
static const char *deep_balanced(void) { /* 10000 '[' then 10000 ']' */
  static char *s;
  if (!s) {
    s = remember(repeat("", '[', 20000, ""));
    memset(s + 10000, ']', 10000);
  }
  return s;
}
static const char *deep_object(void) { /* {"a": [[[[... (10000) */
  static char *s;
  if (!s) s = remember(repeat("{\"a\":", '[', 10000, ""));
  return s;
}
static const char *huge_payload(void) { /* ["aaaa...(3 MiB)"] */
  static char *s;
  if (!s) s = remember(repeat("[\"", 'a', 3u * 1024 * 1024, "\"]"));
  return s;
}

/* clang-format off */
static const struct row ROWS[] = {
  /* ---- temporal_version, temporal_error_code_name */
  {"version is the header's", F_VERSION, {{0}}, TEMPORAL_ERROR_CODE_OK, "\"" TEMPORAL_FFI_VERSION "\"", false, false, false},
  {"code_name(-1)", F_CODE_NAME, {I32(code, -1)}, TEMPORAL_ERROR_CODE_OK, "\"UNKNOWN\"", false, false, false},
  {"code_name(1000)", F_CODE_NAME, {I32(code, 1000)}, TEMPORAL_ERROR_CODE_OK, "\"UNKNOWN\"", false, false, false},
  {"code_name(INT32_MIN)", F_CODE_NAME, {I32(code, INT32_MIN)}, TEMPORAL_ERROR_CODE_OK, "\"UNKNOWN\"", false, false, false},
  {"code_name(INT32_MAX)", F_CODE_NAME, {I32(code, INT32_MAX)}, TEMPORAL_ERROR_CODE_OK, "\"UNKNOWN\"", false, false, false},
  {"code_name(14)", F_CODE_NAME, {I32(code, 14)}, TEMPORAL_ERROR_CODE_OK, "\"INTERNAL\"", false, false, false},

  /* ---- temporal_client_options_default */
  {"client_options_default(NULL) is a no-op", F_CLIENT_OPTIONS_DEFAULT, {NUL(client_options)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"client_options_default resets a garbage struct", F_CLIENT_OPTIONS_DEFAULT, {{0}}, TEMPORAL_ERROR_CODE_OK, "defaults", false, false, false},

  /* ---- temporal_client_connect */
  {"connect: NULL client_out", F_CONNECT, {NUL(client_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client_out must not be NULL", false, false, false},
  {"connect: NULL options and NULL client_out", F_CONNECT, {NUL(client_options), NUL(client_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client_out", false, false, false},
  {"connect: invalid UTF-8 address", F_CONNECT, {STR(co.address, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "address is not valid UTF-8", false, false, false},
  {"connect: invalid UTF-8 namespace_name", F_CONNECT, {STR(co.namespace_name, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "namespace_name is not valid UTF-8", false, false, false},
  {"connect: invalid UTF-8 identity", F_CONNECT, {STR(co.identity, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "identity is not valid UTF-8", false, false, false},
  {"connect: invalid UTF-8 api_key", F_CONNECT, {STR(co.api_key, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "api_key is not valid UTF-8", false, false, false},
  {"connect: invalid UTF-8 tls_server_ca_cert_pem", F_CONNECT, {STR(co.tls_server_ca_cert_pem, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "tls_server_ca_cert_pem is not valid UTF-8", false, false, false},
  {"connect: invalid UTF-8 tls_client_cert_pem", F_CONNECT, {STR(co.tls_client_cert_pem, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "tls_client_cert_pem is not valid UTF-8", false, false, false},
  {"connect: invalid UTF-8 tls_client_key_pem", F_CONNECT, {STR(co.tls_client_key_pem, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "tls_client_key_pem is not valid UTF-8", false, false, false},
  {"connect: invalid UTF-8 tls_server_name", F_CONNECT, {STR(co.tls_server_name, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "tls_server_name is not valid UTF-8", false, false, false},
  {"connect: invalid UTF-8 grpc_metadata_json", F_CONNECT, {STR(co.grpc_metadata_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json is not valid UTF-8", false, false, false},
  {"connect: invalid UTF-8 envconfig_profile", F_CONNECT, {STR(co.envconfig_profile, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "envconfig_profile is not valid UTF-8", false, false, false},
  {"connect: invalid UTF-8 envconfig_file", F_CONNECT, {STR(co.envconfig_file, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "envconfig_file is not valid UTF-8", false, false, false},
  {"connect: grpc_compression 2", F_CONNECT, {I32(co.grpc_compression, 2)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown gRPC compression 2", false, false, false},
  {"connect: grpc_compression -1", F_CONNECT, {I32(co.grpc_compression, -1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown gRPC compression -1", false, false, false},
  {"connect: invalid UTF-8 inside a grpc_metadata_json string", F_CONNECT, {STR(co.grpc_metadata_json, "{\"k\": \"" BAD "\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json is not valid UTF-8", false, false, false},
  {"connect: grpc_metadata_json not JSON", F_CONNECT, {STR(co.grpc_metadata_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json must be a JSON object of strings", false, false, false},
  {"connect: grpc_metadata_json truncated", F_CONNECT, {STR(co.grpc_metadata_json, "{\"k\": \"v\"")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json must be a JSON object of strings", false, false, false},
  {"connect: grpc_metadata_json an array", F_CONNECT, {STR(co.grpc_metadata_json, "[\"k\", \"v\"]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json must be a JSON object of strings", false, false, false},
  {"connect: grpc_metadata_json a string", F_CONNECT, {STR(co.grpc_metadata_json, "\"k\"")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json must be a JSON object of strings", false, false, false},
  {"connect: grpc_metadata_json null", F_CONNECT, {STR(co.grpc_metadata_json, "null")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json must be a JSON object of strings", false, false, false},
  {"connect: grpc_metadata_json number value", F_CONNECT, {STR(co.grpc_metadata_json, "{\"k\": 1}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json must be a JSON object of strings", false, false, false},
  {"connect: grpc_metadata_json object value", F_CONNECT, {STR(co.grpc_metadata_json, "{\"k\": {\"a\": \"b\"}}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json must be a JSON object of strings", false, false, false},
  {"connect: grpc_metadata_json null value", F_CONNECT, {STR(co.grpc_metadata_json, "{\"k\": null}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json must be a JSON object of strings", false, false, false},
  {"connect: grpc_metadata_json 10000 '['", F_CONNECT, {GEN(co.grpc_metadata_json, deep_open)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json must be a JSON object of strings", false, false, false},
  {"connect: grpc_metadata binary key", F_CONNECT, {STR(co.grpc_metadata_json, "{\"k-bin\": \"x\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "binary (-bin) metadata is not supported", false, false, false},
  {"connect: grpc_metadata key with a space", F_CONNECT, {STR(co.grpc_metadata_json, "{\"bad key\": \"v\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "is not a valid header name", false, false, false},
  {"connect: grpc_metadata empty key", F_CONNECT, {STR(co.grpc_metadata_json, "{\"\": \"v\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "is not a valid header name", false, false, false},
  {"connect: grpc_metadata value with a newline", F_CONNECT, {STR(co.grpc_metadata_json, "{\"k\": \"a\\nb\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "is not valid header text", false, false, false},
  {"connect: grpc_metadata value with a NUL escape", F_CONNECT, {STR(co.grpc_metadata_json, "{\"k\": \"a\\u0000b\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "is not valid header text", false, false, false},
  {"connect: connect_timeout_ms UINT64_MAX", F_CONNECT, {U64(co.connect_timeout_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "connect_timeout_ms of 18446744073709551615 ms is out of range", false, false, false},
  {"connect: connect_timeout_ms 100 years + 1 ms", F_CONNECT, {U64(co.connect_timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "connect_timeout_ms", false, false, false},
  {"connect: address not host:port", F_CONNECT, {STR(co.address, "::not an address::")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "invalid server address", false, false, false},
  {"connect: after a panic", F_CONNECT, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false},
  {"connect: works after the panic", F_CONNECT, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},

  /* ---- temporal_client_free */
  {"client_free(NULL) is a no-op", F_CLIENT_FREE, {NUL(client)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"client_free(an error) is refused", F_CLIENT_FREE, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"client_free(a run) is refused", F_CLIENT_FREE, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},

  /* ---- temporal_start_workflow_options_default */
  {"start_options_default(NULL) is a no-op", F_START_OPTIONS_DEFAULT, {NUL(start_options)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"start_options_default resets a garbage struct", F_START_OPTIONS_DEFAULT, {{0}}, TEMPORAL_ERROR_CODE_OK, "defaults", false, false, false},

  /* ---- temporal_execute_workflow: pointers and handles */
  {"execute: baseline works", F_EXECUTE, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"execute: NULL client", F_EXECUTE, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false},
  {"execute: an error as the client", F_EXECUTE, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"execute: a run as the client", F_EXECUTE, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"execute: NULL workflow_type", F_EXECUTE, {NUL(workflow_type)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_type must not be NULL", false, false, false},
  {"execute: NULL args_json means no arguments", F_EXECUTE, {NUL(args_json)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"execute: NULL options", F_EXECUTE, {NUL(start_options)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options must not be NULL", false, false, false},
  {"execute: NULL run_out", F_EXECUTE, {NUL(run_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_out must not be NULL", false, false, false},
  /* invalid UTF-8 in every string */
  {"execute: invalid UTF-8 workflow_type", F_EXECUTE, {STR(workflow_type, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_type is not valid UTF-8", false, false, false},
  {"execute: invalid UTF-8 args_json", F_EXECUTE, {STR(args_json, "[\"" BAD "\"]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "args_json is not valid UTF-8", false, false, false},
  {"execute: invalid UTF-8 options.id", F_EXECUTE, {STR(so.id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.id is not valid UTF-8", false, false, false},
  {"execute: invalid UTF-8 options.task_queue", F_EXECUTE, {STR(so.task_queue, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.task_queue is not valid UTF-8", false, false, false},
  {"execute: invalid UTF-8 options.cron_schedule", F_EXECUTE, {STR(so.cron_schedule, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.cron_schedule is not valid UTF-8", false, false, false},
  {"execute: invalid UTF-8 options.memo_json", F_EXECUTE, {STR(so.memo_json, "{\"m\": \"" BAD "\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.memo_json is not valid UTF-8", false, false, false},
  {"execute: invalid UTF-8 options.search_attributes_json", F_EXECUTE, {STR(so.search_attributes_json, "{\"CustomKeywordField\": \"" BAD "\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.search_attributes_json is not valid UTF-8", false, false, false},
  {"execute: invalid UTF-8 retry_policy.non_retryable_error_types_json", F_EXECUTE, {STR(rp.non_retryable_error_types_json, "[\"" BAD "\"]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "non_retryable_error_types_json is not valid UTF-8", false, false, false},
  {"execute: empty workflow_type", F_EXECUTE, {STR(workflow_type, "")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow type is required", false, false, false},
  {"execute: empty task_queue", F_EXECUTE, {STR(so.task_queue, "")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "task queue is required", false, false, false},
  /* args_json */
  {"execute: args_json not JSON", F_EXECUTE, {STR(args_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", false, false, false},
  {"execute: args_json an object", F_EXECUTE, {STR(args_json, "{\"a\": 1}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", false, false, false},
  {"execute: args_json a string", F_EXECUTE, {STR(args_json, "\"x\"")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", false, false, false},
  {"execute: args_json a number", F_EXECUTE, {STR(args_json, "1")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", false, false, false},
  {"execute: args_json null", F_EXECUTE, {STR(args_json, "null")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", false, false, false},
  {"execute: args_json truncated", F_EXECUTE, {STR(args_json, "[1, {\"a\": ")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", false, false, false},
  {"execute: args_json truncated string", F_EXECUTE, {STR(args_json, "[\"abc")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", false, false, false},
  {"execute: args_json trailing garbage", F_EXECUTE, {STR(args_json, "[1]]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", false, false, false},
  {"execute: args_json bad escape", F_EXECUTE, {STR(args_json, "[\"\\x\"]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", false, false, false},
  {"execute: args_json 10000 '['", F_EXECUTE, {GEN(args_json, deep_open)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", true, false, false},
  {"execute: args_json 10000 nested arrays, balanced", F_EXECUTE, {GEN(args_json, deep_balanced)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", true, false, false},
  {"execute: args_json over the server's blob size limit (3 MiB string)", F_EXECUTE, {GEN(args_json, huge_payload)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "Blob data size exceeds limit", false, false, false},
  {"execute: args_json with an escaped lone surrogate", F_EXECUTE, {STR(args_json, "[\"\\ud800\"]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", true, false, false},
  {"execute: args_json \"\" means no arguments", F_EXECUTE, {STR(args_json, "")}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  /* memo / search attributes */
  {"execute: memo_json an array", F_EXECUTE, {STR(so.memo_json, "[1]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "memo must be a JSON object", false, false, false},
  {"execute: memo_json a string", F_EXECUTE, {STR(so.memo_json, "\"m\"")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "memo must be a JSON object", false, false, false},
  {"execute: memo_json null", F_EXECUTE, {STR(so.memo_json, "null")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "memo must be a JSON object", false, false, false},
  {"execute: memo_json not JSON", F_EXECUTE, {STR(so.memo_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "memo must be a JSON object", false, false, false},
  {"execute: memo_json truncated", F_EXECUTE, {STR(so.memo_json, "{\"m\": ")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "memo must be a JSON object", false, false, false},
  {"execute: memo_json 10000 '[' inside", F_EXECUTE, {GEN(so.memo_json, deep_object)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "memo must be a JSON object", false, false, false},
  {"execute: search_attributes_json an array", F_EXECUTE, {STR(so.search_attributes_json, "[\"CustomKeywordField\"]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "search attributes must be a JSON object", false, false, false},
  {"execute: search_attributes_json truncated", F_EXECUTE, {STR(so.search_attributes_json, "{")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "search attributes must be a JSON object", false, false, false},
  {"execute: search_attributes_json a number", F_EXECUTE, {STR(so.search_attributes_json, "42")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "search attributes must be a JSON object", false, false, false},
  {"execute: search attribute not registered", F_EXECUTE, {STR(so.search_attributes_json, "{\"NoSuchAttribute\": \"x\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "NoSuchAttribute", false, false, false},
  {"execute: search attribute of the wrong type", F_EXECUTE, {STR(so.search_attributes_json, "{\"CustomIntField\": \"not an int\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "CustomIntField", false, false, false},
  /* retry policy */
  {"execute: non_retryable_error_types_json an object", F_EXECUTE, {STR(rp.non_retryable_error_types_json, "{}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "non_retryable_error_types_json must be a JSON array of strings", false, false, false},
  {"execute: non_retryable_error_types_json of numbers", F_EXECUTE, {STR(rp.non_retryable_error_types_json, "[1, 2]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "non_retryable_error_types_json must be a JSON array of strings", false, false, false},
  {"execute: non_retryable_error_types_json nested", F_EXECUTE, {STR(rp.non_retryable_error_types_json, "[[\"a\"]]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "non_retryable_error_types_json must be a JSON array of strings", false, false, false},
  {"execute: non_retryable_error_types_json with null", F_EXECUTE, {STR(rp.non_retryable_error_types_json, "[null]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "non_retryable_error_types_json must be a JSON array of strings", false, false, false},
  {"execute: non_retryable_error_types_json a string", F_EXECUTE, {STR(rp.non_retryable_error_types_json, "\"MyError\"")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "non_retryable_error_types_json must be a JSON array of strings", false, false, false},
  {"execute: non_retryable_error_types_json truncated", F_EXECUTE, {STR(rp.non_retryable_error_types_json, "[\"a\"")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "non_retryable_error_types_json must be a JSON array of strings", false, false, false},
  {"execute: backoff_coefficient 0.5", F_EXECUTE, {F64(rp.backoff_coefficient, 0.5)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "backoff coefficient must be 0 (server default) or at least 1", false, false, false},
  {"execute: backoff_coefficient NaN", F_EXECUTE, {F64(rp.backoff_coefficient, NAN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "backoff coefficient", false, false, false},
  {"execute: backoff_coefficient INFINITY", F_EXECUTE, {F64(rp.backoff_coefficient, INFINITY)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "backoff coefficient", false, false, false},
  {"execute: backoff_coefficient -INFINITY", F_EXECUTE, {F64(rp.backoff_coefficient, -INFINITY)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "backoff coefficient", false, false, false},
  {"execute: backoff_coefficient -1", F_EXECUTE, {F64(rp.backoff_coefficient, -1.0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "backoff coefficient", false, false, false},
  {"execute: maximum_attempts -1", F_EXECUTE, {I32(rp.maximum_attempts, -1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "maximum attempts must not be negative", false, false, false},
  {"execute: maximum_attempts INT32_MIN", F_EXECUTE, {I32(rp.maximum_attempts, INT32_MIN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "maximum attempts must not be negative", false, false, false},
  {"execute: retry initial_interval_ms UINT64_MAX", F_EXECUTE, {U64(rp.initial_interval_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "initial_interval_ms of 18446744073709551615 ms is out of range", false, false, false},
  {"execute: retry maximum_interval_ms UINT64_MAX", F_EXECUTE, {U64(rp.maximum_interval_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "maximum_interval_ms of 18446744073709551615 ms is out of range", false, false, false},
  /* enums */
  {"execute: id_reuse_policy 99", F_EXECUTE, {I32(so.id_reuse_policy, 99)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown workflow ID reuse policy 99", false, false, false},
  {"execute: id_reuse_policy -1", F_EXECUTE, {I32(so.id_reuse_policy, -1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown workflow ID reuse policy -1", false, false, false},
  {"execute: id_reuse_policy 5", F_EXECUTE, {I32(so.id_reuse_policy, 5)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown workflow ID reuse policy 5", false, false, false},
  {"execute: id_reuse_policy INT32_MIN", F_EXECUTE, {I32(so.id_reuse_policy, INT32_MIN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown workflow ID reuse policy", false, false, false},
  {"execute: id_conflict_policy 4", F_EXECUTE, {I32(so.id_conflict_policy, 4)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown workflow ID conflict policy 4", false, false, false},
  {"execute: id_conflict_policy -1", F_EXECUTE, {I32(so.id_conflict_policy, -1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown workflow ID conflict policy -1", false, false, false},
  {"execute: id_conflict_policy 99", F_EXECUTE, {I32(so.id_conflict_policy, 99)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown workflow ID conflict policy 99", false, false, false},
  /* durations */
  {"execute: execution_timeout_ms UINT64_MAX", F_EXECUTE, {U64(so.execution_timeout_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "execution_timeout_ms of 18446744073709551615 ms is out of range", false, false, false},
  {"execute: run_timeout_ms UINT64_MAX", F_EXECUTE, {U64(so.run_timeout_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_timeout_ms of 18446744073709551615 ms is out of range", false, false, false},
  {"execute: task_timeout_ms UINT64_MAX", F_EXECUTE, {U64(so.task_timeout_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "task_timeout_ms of 18446744073709551615 ms is out of range", false, false, false},
  {"execute: start_delay_ms UINT64_MAX", F_EXECUTE, {U64(so.start_delay_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "start_delay_ms of 18446744073709551615 ms is out of range", false, false, false},
  {"execute: execution_timeout_ms 100 years + 1 ms", F_EXECUTE, {U64(so.execution_timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "execution_timeout_ms", false, false, false},
  {"execute: cron_schedule not a cron", F_EXECUTE, {STR(so.cron_schedule, "not a cron")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "invalid CronSchedule", false, false, false},
  /* panic */
  {"execute: after a panic", F_EXECUTE, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false},
  {"execute: works after the panic", F_EXECUTE, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},

  /* ---- temporal_get_workflow */
  {"get_workflow: baseline works", F_GET_WORKFLOW, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"get_workflow: NULL client", F_GET_WORKFLOW, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false},
  {"get_workflow: an error as the client", F_GET_WORKFLOW, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"get_workflow: a run as the client", F_GET_WORKFLOW, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"get_workflow: NULL workflow_id", F_GET_WORKFLOW, {NUL(workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id must not be NULL", false, false, false},
  {"get_workflow: empty workflow_id", F_GET_WORKFLOW, {STR(workflow_id, "")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow ID is required", false, false, false},
  {"get_workflow: NULL run_id means the latest run", F_GET_WORKFLOW, {NUL(run_id)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"get_workflow: NULL run_out", F_GET_WORKFLOW, {NUL(run_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_out must not be NULL", false, false, false},
  {"get_workflow: invalid UTF-8 workflow_id", F_GET_WORKFLOW, {STR(workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id is not valid UTF-8", false, false, false},
  {"get_workflow: invalid UTF-8 run_id", F_GET_WORKFLOW, {STR(run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_id is not valid UTF-8", false, false, false},
  {"get_workflow: after a panic", F_GET_WORKFLOW, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false},
  {"get_workflow: works after the panic", F_GET_WORKFLOW, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},

  /* ---- temporal_get_result */
  {"get_result: baseline works", F_GET_RESULT, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"get_result: NULL run", F_GET_RESULT, {NUL(run)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run must not be NULL", false, false, false},
  {"get_result: an error as the run", F_GET_RESULT, {HANDLE(run, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run is not a handle of the right kind", false, false, false},
  {"get_result: a client as the run", F_GET_RESULT, {HANDLE(run, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run is not a handle of the right kind", false, false, false},
  {"get_result: NULL result_json_out", F_GET_RESULT, {NUL(result_json_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "result_json_out must not be NULL", false, false, false},
  {"get_result: timeout_ms UINT64_MAX", F_GET_RESULT, {U64(timeout_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "timeout_ms of 18446744073709551615 ms is out of range", false, false, false},
  {"get_result: timeout_ms 100 years + 1 ms", F_GET_RESULT, {U64(timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "timeout_ms", false, false, false},
  {"get_result: timeout_ms 100 years is accepted", F_GET_RESULT, {U64(timeout_ms, HUNDRED_YEARS_MS)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"get_result: after a panic", F_GET_RESULT, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false},
  {"get_result: works after the panic", F_GET_RESULT, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},

  /* ---- run getters and free */
  {"run_get_id(NULL)", F_RUN_GET_ID, {NUL(run)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false},
  {"run_get_id(an error)", F_RUN_GET_ID, {HANDLE(run, H_ERROR)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false},
  {"run_get_id(a client)", F_RUN_GET_ID, {HANDLE(run, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false},
  {"run_get_run_id(NULL)", F_RUN_GET_RUN_ID, {NUL(run)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false},
  {"run_get_run_id(an error)", F_RUN_GET_RUN_ID, {HANDLE(run, H_ERROR)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false},
  {"run_get_run_id(a client)", F_RUN_GET_RUN_ID, {HANDLE(run, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false},
  {"run_free(NULL) is a no-op", F_RUN_FREE, {NUL(run)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"run_free(an error) is refused", F_RUN_FREE, {HANDLE(run, H_ERROR)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"run_free(a client) is refused", F_RUN_FREE, {HANDLE(run, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},

  /* ---- error getters and free */
  {"error_get_code(NULL) is OK", F_ERROR_GET_CODE, {NUL(error)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"error_get_code(a run)", F_ERROR_GET_CODE, {HANDLE(error, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "", false, false, false},
  {"error_get_code(a client)", F_ERROR_GET_CODE, {HANDLE(error, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "", false, false, false},
  {"error_get_message(NULL)", F_ERROR_GET_MESSAGE, {NUL(error)}, TEMPORAL_ERROR_CODE_OK, "\"\"", false, false, false},
  {"error_get_message(a run)", F_ERROR_GET_MESSAGE, {HANDLE(error, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "\"\"", false, false, false},
  {"error_get_message(a client)", F_ERROR_GET_MESSAGE, {HANDLE(error, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "\"\"", false, false, false},
  {"error_get_details(NULL)", F_ERROR_GET_DETAILS, {NUL(error)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false},
  {"error_get_details(a run)", F_ERROR_GET_DETAILS, {HANDLE(error, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false},
  {"error_get_details(a client)", F_ERROR_GET_DETAILS, {HANDLE(error, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false},
  {"error_free(NULL) is a no-op", F_ERROR_FREE, {NUL(error)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"error_free(a run) is refused", F_ERROR_FREE, {HANDLE(error, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"error_free(a client) is refused", F_ERROR_FREE, {HANDLE(error, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"string_free(NULL) is a no-op", F_STRING_FREE, {NUL(string)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},

  /* ---- the handles passed to the wrong free functions above are intact */
  {"the error survived client_free/run_free", F_ERROR_GET_MESSAGE, {HANDLE(error, H_ERROR)}, TEMPORAL_ERROR_CODE_OK, "\"workflow_id must not be NULL\"", false, false, false},
  {"the error's code survived", F_ERROR_GET_CODE, {HANDLE(error, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "", false, false, false},
  {"the run survived client_free/error_free", F_RUN_GET_ID, {HANDLE(run, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "\"badinput-fixture-", false, false, false},
  {"the run's run ID survived", F_RUN_GET_RUN_ID, {HANDLE(run, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "-", false, false, false},
  {"the client survived run_free/error_free", F_EXECUTE, {HANDLE(client, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},

  /* ---- the operations added with the async API (one block per function, then its _async) */
  {"signal: baseline works", F_SIGNAL, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"signal: NULL client", F_SIGNAL, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false},
  {"signal: an error as the client", F_SIGNAL, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"signal: a run as the client", F_SIGNAL, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"signal: NULL workflow_id", F_SIGNAL, {NUL(workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id must not be NULL", false, false, false},
  {"signal: NULL signal_name", F_SIGNAL, {NUL(signal_name)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "signal_name must not be NULL", false, false, false},
  {"signal: invalid UTF-8 workflow_id", F_SIGNAL, {STR(workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id is not valid UTF-8", false, false, false},
  {"signal: invalid UTF-8 run_id", F_SIGNAL, {STR(run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_id is not valid UTF-8", false, false, false},
  {"signal: invalid UTF-8 signal_name", F_SIGNAL, {STR(signal_name, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "signal_name is not valid UTF-8", false, false, false},
  {"signal: invalid UTF-8 args_json", F_SIGNAL, {STR(args_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "args_json is not valid UTF-8", false, false, false},
  {"signal: args_json not JSON", F_SIGNAL, {STR(args_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false},
  {"signal: args_json {}", F_SIGNAL, {STR(args_json, "{}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false},
  {"signal: deadline_ms UINT64_MAX", F_SIGNAL, {U64(deadline_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "deadline_ms of 18446744073709551615 ms is out of range", false, false, false},
  {"signal: unknown workflow ID", F_SIGNAL, {STR(workflow_id, "badinput-no-such-workflow")}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, false},
  {"signal: after a panic", F_SIGNAL, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false},
  {"signal: works after the panic", F_SIGNAL, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"signal_async: baseline works", F_SIGNAL_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"signal_async: NULL call_out is allowed", F_SIGNAL_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"signal_async: NULL callback", F_SIGNAL_ASYNC, {NUL(callback)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "callback must not be NULL", false, false, false},
  {"signal_async: NULL client", F_SIGNAL_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false},
  {"signal_async: an error as the client", F_SIGNAL_ASYNC, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"signal_async: a run as the client", F_SIGNAL_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"signal_async: NULL workflow_id", F_SIGNAL_ASYNC, {NUL(workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id must not be NULL", false, false, false},
  {"signal_async: NULL signal_name", F_SIGNAL_ASYNC, {NUL(signal_name)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "signal_name must not be NULL", false, false, false},
  {"signal_async: invalid UTF-8 workflow_id", F_SIGNAL_ASYNC, {STR(workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id is not valid UTF-8", false, false, false},
  {"signal_async: invalid UTF-8 run_id", F_SIGNAL_ASYNC, {STR(run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_id is not valid UTF-8", false, false, false},
  {"signal_async: invalid UTF-8 signal_name", F_SIGNAL_ASYNC, {STR(signal_name, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "signal_name is not valid UTF-8", false, false, false},
  {"signal_async: invalid UTF-8 args_json", F_SIGNAL_ASYNC, {STR(args_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "args_json is not valid UTF-8", false, false, false},
  {"signal_async: args_json not JSON", F_SIGNAL_ASYNC, {STR(args_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false},
  {"signal_async: args_json {}", F_SIGNAL_ASYNC, {STR(args_json, "{}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false},
  {"signal_async: deadline_ms UINT64_MAX", F_SIGNAL_ASYNC, {U64(deadline_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "deadline_ms of 18446744073709551615 ms is out of range", false, false, false},
  {"signal_async: unknown workflow ID", F_SIGNAL_ASYNC, {STR(workflow_id, "badinput-no-such-workflow")}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true},
  {"signal_async: after a panic (at once, no callback)", F_SIGNAL_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false},
  {"signal_async: works after the panic", F_SIGNAL_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"signal_with_start: baseline works", F_SWS, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"signal_with_start: NULL client", F_SWS, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false},
  {"signal_with_start: an error as the client", F_SWS, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"signal_with_start: a run as the client", F_SWS, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"signal_with_start: NULL signal_name", F_SWS, {NUL(signal_name)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "signal_name must not be NULL", false, false, false},
  {"signal_with_start: NULL workflow_type", F_SWS, {NUL(workflow_type)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_type must not be NULL", false, false, false},
  {"signal_with_start: NULL options", F_SWS, {NUL(start_options)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options must not be NULL", false, false, false},
  {"signal_with_start: NULL run_out", F_SWS, {NUL(run_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_out must not be NULL", false, false, false},
  {"signal_with_start: invalid UTF-8 signal_name", F_SWS, {STR(signal_name, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "signal_name is not valid UTF-8", false, false, false},
  {"signal_with_start: invalid UTF-8 signal_args_json", F_SWS, {STR(signal_args_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "signal_args_json is not valid UTF-8", false, false, false},
  {"signal_with_start: invalid UTF-8 workflow_type", F_SWS, {STR(workflow_type, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_type is not valid UTF-8", false, false, false},
  {"signal_with_start: invalid UTF-8 args_json", F_SWS, {STR(args_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "args_json is not valid UTF-8", false, false, false},
  {"signal_with_start: invalid UTF-8 options.id", F_SWS, {STR(so.id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.id is not valid UTF-8", false, false, false},
  {"signal_with_start: invalid UTF-8 options.task_queue", F_SWS, {STR(so.task_queue, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.task_queue is not valid UTF-8", false, false, false},
  {"signal_with_start: signal_args_json not JSON", F_SWS, {STR(signal_args_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false},
  {"signal_with_start: signal_args_json {}", F_SWS, {STR(signal_args_json, "{}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false},
  {"signal_with_start: args_json not JSON", F_SWS, {STR(args_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false},
  {"signal_with_start: args_json {}", F_SWS, {STR(args_json, "{}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false},
  {"signal_with_start: deadline_ms UINT64_MAX", F_SWS, {U64(deadline_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "deadline_ms of 18446744073709551615 ms is out of range", false, false, false},
  {"signal_with_start: after a panic", F_SWS, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false},
  {"signal_with_start: works after the panic", F_SWS, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"signal_with_start_async: baseline works", F_SWS_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"signal_with_start_async: NULL call_out is allowed", F_SWS_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"signal_with_start_async: NULL callback", F_SWS_ASYNC, {NUL(callback)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "callback must not be NULL", false, false, false},
  {"signal_with_start_async: NULL client", F_SWS_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false},
  {"signal_with_start_async: an error as the client", F_SWS_ASYNC, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"signal_with_start_async: a run as the client", F_SWS_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"signal_with_start_async: NULL signal_name", F_SWS_ASYNC, {NUL(signal_name)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "signal_name must not be NULL", false, false, false},
  {"signal_with_start_async: NULL workflow_type", F_SWS_ASYNC, {NUL(workflow_type)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_type must not be NULL", false, false, false},
  {"signal_with_start_async: NULL options", F_SWS_ASYNC, {NUL(start_options)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options must not be NULL", false, false, false},
  {"signal_with_start_async: invalid UTF-8 signal_name", F_SWS_ASYNC, {STR(signal_name, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "signal_name is not valid UTF-8", false, false, false},
  {"signal_with_start_async: invalid UTF-8 signal_args_json", F_SWS_ASYNC, {STR(signal_args_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "signal_args_json is not valid UTF-8", false, false, false},
  {"signal_with_start_async: invalid UTF-8 workflow_type", F_SWS_ASYNC, {STR(workflow_type, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_type is not valid UTF-8", false, false, false},
  {"signal_with_start_async: invalid UTF-8 args_json", F_SWS_ASYNC, {STR(args_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "args_json is not valid UTF-8", false, false, false},
  {"signal_with_start_async: invalid UTF-8 options.id", F_SWS_ASYNC, {STR(so.id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.id is not valid UTF-8", false, false, false},
  {"signal_with_start_async: invalid UTF-8 options.task_queue", F_SWS_ASYNC, {STR(so.task_queue, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.task_queue is not valid UTF-8", false, false, false},
  {"signal_with_start_async: signal_args_json not JSON", F_SWS_ASYNC, {STR(signal_args_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false},
  {"signal_with_start_async: signal_args_json {}", F_SWS_ASYNC, {STR(signal_args_json, "{}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false},
  {"signal_with_start_async: args_json not JSON", F_SWS_ASYNC, {STR(args_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false},
  {"signal_with_start_async: args_json {}", F_SWS_ASYNC, {STR(args_json, "{}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false},
  {"signal_with_start_async: deadline_ms UINT64_MAX", F_SWS_ASYNC, {U64(deadline_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "deadline_ms of 18446744073709551615 ms is out of range", false, false, false},
  {"signal_with_start_async: after a panic (at once, no callback)", F_SWS_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false},
  {"signal_with_start_async: works after the panic", F_SWS_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"query: baseline works", F_QUERY, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"query: NULL client", F_QUERY, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false},
  {"query: an error as the client", F_QUERY, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"query: a run as the client", F_QUERY, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"query: NULL workflow_id", F_QUERY, {NUL(workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id must not be NULL", false, false, false},
  {"query: NULL query_type", F_QUERY, {NUL(query_type)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "query_type must not be NULL", false, false, false},
  {"query: NULL result_json_out", F_QUERY, {NUL(result_json_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "result_json_out must not be NULL", false, false, false},
  {"query: invalid UTF-8 workflow_id", F_QUERY, {STR(workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id is not valid UTF-8", false, false, false},
  {"query: invalid UTF-8 run_id", F_QUERY, {STR(run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_id is not valid UTF-8", false, false, false},
  {"query: invalid UTF-8 query_type", F_QUERY, {STR(query_type, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "query_type is not valid UTF-8", false, false, false},
  {"query: invalid UTF-8 args_json", F_QUERY, {STR(args_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "args_json is not valid UTF-8", false, false, false},
  {"query: args_json not JSON", F_QUERY, {STR(args_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false},
  {"query: args_json {}", F_QUERY, {STR(args_json, "{}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false},
  {"query: deadline_ms UINT64_MAX", F_QUERY, {U64(deadline_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "deadline_ms of 18446744073709551615 ms is out of range", false, false, false},
  {"query: unknown workflow ID", F_QUERY, {STR(workflow_id, "badinput-no-such-workflow")}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, false},
  {"query: unknown query type on a running Counter", F_QUERY, {STR(query_type, "no-such-query")}, TEMPORAL_ERROR_CODE_QUERY_FAILED, NULL, false, false, false},
  {"query: after a panic", F_QUERY, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false},
  {"query: works after the panic", F_QUERY, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"query_async: baseline works", F_QUERY_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"query_async: NULL call_out is allowed", F_QUERY_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"query_async: NULL callback", F_QUERY_ASYNC, {NUL(callback)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "callback must not be NULL", false, false, false},
  {"query_async: NULL client", F_QUERY_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false},
  {"query_async: an error as the client", F_QUERY_ASYNC, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"query_async: a run as the client", F_QUERY_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"query_async: NULL workflow_id", F_QUERY_ASYNC, {NUL(workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id must not be NULL", false, false, false},
  {"query_async: NULL query_type", F_QUERY_ASYNC, {NUL(query_type)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "query_type must not be NULL", false, false, false},
  {"query_async: invalid UTF-8 workflow_id", F_QUERY_ASYNC, {STR(workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id is not valid UTF-8", false, false, false},
  {"query_async: invalid UTF-8 run_id", F_QUERY_ASYNC, {STR(run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_id is not valid UTF-8", false, false, false},
  {"query_async: invalid UTF-8 query_type", F_QUERY_ASYNC, {STR(query_type, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "query_type is not valid UTF-8", false, false, false},
  {"query_async: invalid UTF-8 args_json", F_QUERY_ASYNC, {STR(args_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "args_json is not valid UTF-8", false, false, false},
  {"query_async: args_json not JSON", F_QUERY_ASYNC, {STR(args_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false},
  {"query_async: args_json {}", F_QUERY_ASYNC, {STR(args_json, "{}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false},
  {"query_async: deadline_ms UINT64_MAX", F_QUERY_ASYNC, {U64(deadline_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "deadline_ms of 18446744073709551615 ms is out of range", false, false, false},
  {"query_async: unknown workflow ID", F_QUERY_ASYNC, {STR(workflow_id, "badinput-no-such-workflow")}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true},
  {"query_async: unknown query type on a running Counter", F_QUERY_ASYNC, {STR(query_type, "no-such-query")}, TEMPORAL_ERROR_CODE_QUERY_FAILED, NULL, false, false, true},
  {"query_async: after a panic (at once, no callback)", F_QUERY_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false},
  {"query_async: works after the panic", F_QUERY_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"update: baseline works", F_UPDATE, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"update: NULL client", F_UPDATE, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false},
  {"update: an error as the client", F_UPDATE, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"update: a run as the client", F_UPDATE, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"update: NULL workflow_id", F_UPDATE, {NUL(workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id must not be NULL", false, false, false},
  {"update: NULL update_name", F_UPDATE, {NUL(update_name)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "update_name must not be NULL", false, false, false},
  {"update: NULL result_json_out", F_UPDATE, {NUL(result_json_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "result_json_out must not be NULL", false, false, false},
  {"update: invalid UTF-8 workflow_id", F_UPDATE, {STR(workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id is not valid UTF-8", false, false, false},
  {"update: invalid UTF-8 run_id", F_UPDATE, {STR(run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_id is not valid UTF-8", false, false, false},
  {"update: invalid UTF-8 update_name", F_UPDATE, {STR(update_name, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "update_name is not valid UTF-8", false, false, false},
  {"update: invalid UTF-8 update_id", F_UPDATE, {STR(update_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "update_id is not valid UTF-8", false, false, false},
  {"update: invalid UTF-8 args_json", F_UPDATE, {STR(args_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "args_json is not valid UTF-8", false, false, false},
  {"update: args_json not JSON", F_UPDATE, {STR(args_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false},
  {"update: args_json {}", F_UPDATE, {STR(args_json, "{}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false},
  {"update: deadline_ms UINT64_MAX", F_UPDATE, {U64(deadline_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "deadline_ms of 18446744073709551615 ms is out of range", false, false, false},
  {"update: unknown workflow ID", F_UPDATE, {STR(workflow_id, "badinput-no-such-workflow")}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, false},
  {"update: unknown update name", F_UPDATE, {STR(update_name, "no-such-update")}, TEMPORAL_ERROR_CODE_UPDATE_FAILED, NULL, false, false, false},
  {"update: rejected by the validator (n = -1)", F_UPDATE, {STR(args_json, "[-1]")}, TEMPORAL_ERROR_CODE_UPDATE_FAILED, NULL, false, false, false},
  {"update: failed in the handler (n = 13)", F_UPDATE, {STR(args_json, "[13]")}, TEMPORAL_ERROR_CODE_UPDATE_FAILED, NULL, false, false, false},
  {"update: after a panic", F_UPDATE, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false},
  {"update: works after the panic", F_UPDATE, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"update_async: baseline works", F_UPDATE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"update_async: NULL call_out is allowed", F_UPDATE_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"update_async: NULL callback", F_UPDATE_ASYNC, {NUL(callback)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "callback must not be NULL", false, false, false},
  {"update_async: NULL client", F_UPDATE_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false},
  {"update_async: an error as the client", F_UPDATE_ASYNC, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"update_async: a run as the client", F_UPDATE_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"update_async: NULL workflow_id", F_UPDATE_ASYNC, {NUL(workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id must not be NULL", false, false, false},
  {"update_async: NULL update_name", F_UPDATE_ASYNC, {NUL(update_name)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "update_name must not be NULL", false, false, false},
  {"update_async: invalid UTF-8 workflow_id", F_UPDATE_ASYNC, {STR(workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id is not valid UTF-8", false, false, false},
  {"update_async: invalid UTF-8 run_id", F_UPDATE_ASYNC, {STR(run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_id is not valid UTF-8", false, false, false},
  {"update_async: invalid UTF-8 update_name", F_UPDATE_ASYNC, {STR(update_name, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "update_name is not valid UTF-8", false, false, false},
  {"update_async: invalid UTF-8 update_id", F_UPDATE_ASYNC, {STR(update_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "update_id is not valid UTF-8", false, false, false},
  {"update_async: invalid UTF-8 args_json", F_UPDATE_ASYNC, {STR(args_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "args_json is not valid UTF-8", false, false, false},
  {"update_async: args_json not JSON", F_UPDATE_ASYNC, {STR(args_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false},
  {"update_async: args_json {}", F_UPDATE_ASYNC, {STR(args_json, "{}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false},
  {"update_async: deadline_ms UINT64_MAX", F_UPDATE_ASYNC, {U64(deadline_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "deadline_ms of 18446744073709551615 ms is out of range", false, false, false},
  {"update_async: unknown workflow ID", F_UPDATE_ASYNC, {STR(workflow_id, "badinput-no-such-workflow")}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true},
  {"update_async: unknown update name", F_UPDATE_ASYNC, {STR(update_name, "no-such-update")}, TEMPORAL_ERROR_CODE_UPDATE_FAILED, NULL, false, false, true},
  {"update_async: rejected by the validator (n = -1)", F_UPDATE_ASYNC, {STR(args_json, "[-1]")}, TEMPORAL_ERROR_CODE_UPDATE_FAILED, NULL, false, false, true},
  {"update_async: failed in the handler (n = 13)", F_UPDATE_ASYNC, {STR(args_json, "[13]")}, TEMPORAL_ERROR_CODE_UPDATE_FAILED, NULL, false, false, true},
  {"update_async: after a panic (at once, no callback)", F_UPDATE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false},
  {"update_async: works after the panic", F_UPDATE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"cancel: baseline works", F_CANCEL, {HANDLE(workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"cancel: NULL client", F_CANCEL, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false},
  {"cancel: an error as the client", F_CANCEL, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"cancel: a run as the client", F_CANCEL, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"cancel: NULL workflow_id", F_CANCEL, {NUL(workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id must not be NULL", false, false, false},
  {"cancel: invalid UTF-8 workflow_id", F_CANCEL, {STR(workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id is not valid UTF-8", false, false, false},
  {"cancel: invalid UTF-8 run_id", F_CANCEL, {STR(run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_id is not valid UTF-8", false, false, false},
  {"cancel: deadline_ms UINT64_MAX", F_CANCEL, {U64(deadline_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "deadline_ms of 18446744073709551615 ms is out of range", false, false, false},
  {"cancel: unknown workflow ID", F_CANCEL, {STR(workflow_id, "badinput-no-such-workflow")}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, false},
  {"cancel: after a panic", F_CANCEL, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false},
  {"cancel: works after the panic", F_CANCEL, {HANDLE(workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"cancel_async: baseline works", F_CANCEL_ASYNC, {HANDLE(workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"cancel_async: NULL call_out is allowed", F_CANCEL_ASYNC, {HANDLE(workflow_id, H_FRESH_BLOCK), NUL(call_out)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"cancel_async: NULL callback", F_CANCEL_ASYNC, {NUL(callback)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "callback must not be NULL", false, false, false},
  {"cancel_async: NULL client", F_CANCEL_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false},
  {"cancel_async: an error as the client", F_CANCEL_ASYNC, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"cancel_async: a run as the client", F_CANCEL_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"cancel_async: NULL workflow_id", F_CANCEL_ASYNC, {NUL(workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id must not be NULL", false, false, false},
  {"cancel_async: invalid UTF-8 workflow_id", F_CANCEL_ASYNC, {STR(workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id is not valid UTF-8", false, false, false},
  {"cancel_async: invalid UTF-8 run_id", F_CANCEL_ASYNC, {STR(run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_id is not valid UTF-8", false, false, false},
  {"cancel_async: deadline_ms UINT64_MAX", F_CANCEL_ASYNC, {U64(deadline_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "deadline_ms of 18446744073709551615 ms is out of range", false, false, false},
  {"cancel_async: unknown workflow ID", F_CANCEL_ASYNC, {STR(workflow_id, "badinput-no-such-workflow")}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true},
  {"cancel_async: after a panic (at once, no callback)", F_CANCEL_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false},
  {"cancel_async: works after the panic", F_CANCEL_ASYNC, {HANDLE(workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"terminate: baseline works", F_TERMINATE, {HANDLE(workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"terminate: NULL client", F_TERMINATE, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false},
  {"terminate: an error as the client", F_TERMINATE, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"terminate: a run as the client", F_TERMINATE, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"terminate: NULL workflow_id", F_TERMINATE, {NUL(workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id must not be NULL", false, false, false},
  {"terminate: invalid UTF-8 workflow_id", F_TERMINATE, {STR(workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id is not valid UTF-8", false, false, false},
  {"terminate: invalid UTF-8 run_id", F_TERMINATE, {STR(run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_id is not valid UTF-8", false, false, false},
  {"terminate: invalid UTF-8 reason", F_TERMINATE, {STR(reason, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "reason is not valid UTF-8", false, false, false},
  {"terminate: invalid UTF-8 details_json", F_TERMINATE, {STR(details_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "details_json is not valid UTF-8", false, false, false},
  {"terminate: details_json not JSON", F_TERMINATE, {STR(details_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false},
  {"terminate: details_json {}", F_TERMINATE, {STR(details_json, "{}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false},
  {"terminate: deadline_ms UINT64_MAX", F_TERMINATE, {U64(deadline_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "deadline_ms of 18446744073709551615 ms is out of range", false, false, false},
  {"terminate: unknown workflow ID", F_TERMINATE, {STR(workflow_id, "badinput-no-such-workflow")}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, false},
  {"terminate: after a panic", F_TERMINATE, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false},
  {"terminate: works after the panic", F_TERMINATE, {HANDLE(workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"terminate_async: baseline works", F_TERMINATE_ASYNC, {HANDLE(workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"terminate_async: NULL call_out is allowed", F_TERMINATE_ASYNC, {HANDLE(workflow_id, H_FRESH_BLOCK), NUL(call_out)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"terminate_async: NULL callback", F_TERMINATE_ASYNC, {NUL(callback)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "callback must not be NULL", false, false, false},
  {"terminate_async: NULL client", F_TERMINATE_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false},
  {"terminate_async: an error as the client", F_TERMINATE_ASYNC, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"terminate_async: a run as the client", F_TERMINATE_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"terminate_async: NULL workflow_id", F_TERMINATE_ASYNC, {NUL(workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id must not be NULL", false, false, false},
  {"terminate_async: invalid UTF-8 workflow_id", F_TERMINATE_ASYNC, {STR(workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id is not valid UTF-8", false, false, false},
  {"terminate_async: invalid UTF-8 run_id", F_TERMINATE_ASYNC, {STR(run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_id is not valid UTF-8", false, false, false},
  {"terminate_async: invalid UTF-8 reason", F_TERMINATE_ASYNC, {STR(reason, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "reason is not valid UTF-8", false, false, false},
  {"terminate_async: invalid UTF-8 details_json", F_TERMINATE_ASYNC, {STR(details_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "details_json is not valid UTF-8", false, false, false},
  {"terminate_async: details_json not JSON", F_TERMINATE_ASYNC, {STR(details_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false},
  {"terminate_async: details_json {}", F_TERMINATE_ASYNC, {STR(details_json, "{}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false},
  {"terminate_async: deadline_ms UINT64_MAX", F_TERMINATE_ASYNC, {U64(deadline_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "deadline_ms of 18446744073709551615 ms is out of range", false, false, false},
  {"terminate_async: unknown workflow ID", F_TERMINATE_ASYNC, {STR(workflow_id, "badinput-no-such-workflow")}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true},
  {"terminate_async: after a panic (at once, no callback)", F_TERMINATE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false},
  {"terminate_async: works after the panic", F_TERMINATE_ASYNC, {HANDLE(workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"describe: baseline works", F_DESCRIBE, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"describe: NULL client", F_DESCRIBE, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false},
  {"describe: an error as the client", F_DESCRIBE, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"describe: a run as the client", F_DESCRIBE, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"describe: NULL workflow_id", F_DESCRIBE, {NUL(workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id must not be NULL", false, false, false},
  {"describe: NULL result_json_out", F_DESCRIBE, {NUL(result_json_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "result_json_out must not be NULL", false, false, false},
  {"describe: invalid UTF-8 workflow_id", F_DESCRIBE, {STR(workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id is not valid UTF-8", false, false, false},
  {"describe: invalid UTF-8 run_id", F_DESCRIBE, {STR(run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_id is not valid UTF-8", false, false, false},
  {"describe: deadline_ms UINT64_MAX", F_DESCRIBE, {U64(deadline_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "deadline_ms of 18446744073709551615 ms is out of range", false, false, false},
  {"describe: unknown workflow ID", F_DESCRIBE, {STR(workflow_id, "badinput-no-such-workflow")}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, false},
  {"describe: after a panic", F_DESCRIBE, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false},
  {"describe: works after the panic", F_DESCRIBE, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"describe_async: baseline works", F_DESCRIBE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"describe_async: NULL call_out is allowed", F_DESCRIBE_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"describe_async: NULL callback", F_DESCRIBE_ASYNC, {NUL(callback)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "callback must not be NULL", false, false, false},
  {"describe_async: NULL client", F_DESCRIBE_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false},
  {"describe_async: an error as the client", F_DESCRIBE_ASYNC, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"describe_async: a run as the client", F_DESCRIBE_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"describe_async: NULL workflow_id", F_DESCRIBE_ASYNC, {NUL(workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id must not be NULL", false, false, false},
  {"describe_async: invalid UTF-8 workflow_id", F_DESCRIBE_ASYNC, {STR(workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id is not valid UTF-8", false, false, false},
  {"describe_async: invalid UTF-8 run_id", F_DESCRIBE_ASYNC, {STR(run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_id is not valid UTF-8", false, false, false},
  {"describe_async: deadline_ms UINT64_MAX", F_DESCRIBE_ASYNC, {U64(deadline_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "deadline_ms of 18446744073709551615 ms is out of range", false, false, false},
  {"describe_async: unknown workflow ID", F_DESCRIBE_ASYNC, {STR(workflow_id, "badinput-no-such-workflow")}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true},
  {"describe_async: after a panic (at once, no callback)", F_DESCRIBE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false},
  {"describe_async: works after the panic", F_DESCRIBE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"list: baseline works", F_LIST, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"list: NULL client", F_LIST, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false},
  {"list: an error as the client", F_LIST, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"list: a run as the client", F_LIST, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"list: NULL result_json_out", F_LIST, {NUL(result_json_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "result_json_out must not be NULL", false, false, false},
  {"list: invalid UTF-8 query", F_LIST, {STR(query, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "query is not valid UTF-8", false, false, false},
  {"list: invalid UTF-8 page_token", F_LIST, {STR(page_token, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "page_token is not valid UTF-8", false, false, false},
  {"list: deadline_ms UINT64_MAX", F_LIST, {U64(deadline_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "deadline_ms of 18446744073709551615 ms is out of range", false, false, false},
  {"list: page_size -1", F_LIST, {I32(page_size, -1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "page size must not be negative", false, false, false},
  {"list: page_size INT32_MIN", F_LIST, {I32(page_size, INT32_MIN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "page size must not be negative", false, false, false},
  {"list: page_token zz", F_LIST, {STR(page_token, "zz")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "page token is not one this library returned", false, false, false},
  {"list: page_token odd length", F_LIST, {STR(page_token, "abc")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "page token is not one this library returned", false, false, false},
  {"list: query not a visibility query", F_LIST, {STR(query, "this is (not a query")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, NULL, false, false, false},
  {"list: after a panic", F_LIST, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false},
  {"list: works after the panic", F_LIST, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"list_async: baseline works", F_LIST_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"list_async: NULL call_out is allowed", F_LIST_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"list_async: NULL callback", F_LIST_ASYNC, {NUL(callback)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "callback must not be NULL", false, false, false},
  {"list_async: NULL client", F_LIST_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false},
  {"list_async: an error as the client", F_LIST_ASYNC, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"list_async: a run as the client", F_LIST_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"list_async: invalid UTF-8 query", F_LIST_ASYNC, {STR(query, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "query is not valid UTF-8", false, false, false},
  {"list_async: invalid UTF-8 page_token", F_LIST_ASYNC, {STR(page_token, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "page_token is not valid UTF-8", false, false, false},
  {"list_async: deadline_ms UINT64_MAX", F_LIST_ASYNC, {U64(deadline_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "deadline_ms of 18446744073709551615 ms is out of range", false, false, false},
  {"list_async: page_size -1", F_LIST_ASYNC, {I32(page_size, -1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "page size must not be negative", false, false, false},
  {"list_async: page_size INT32_MIN", F_LIST_ASYNC, {I32(page_size, INT32_MIN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "page size must not be negative", false, false, false},
  {"list_async: page_token zz", F_LIST_ASYNC, {STR(page_token, "zz")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "page token is not one this library returned", false, false, false},
  {"list_async: page_token odd length", F_LIST_ASYNC, {STR(page_token, "abc")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "page token is not one this library returned", false, false, false},
  {"list_async: query not a visibility query", F_LIST_ASYNC, {STR(query, "this is (not a query")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, NULL, false, false, true},
  {"list_async: after a panic (at once, no callback)", F_LIST_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false},
  {"list_async: works after the panic", F_LIST_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"count: baseline works", F_COUNT, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"count: NULL client", F_COUNT, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false},
  {"count: an error as the client", F_COUNT, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"count: a run as the client", F_COUNT, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"count: NULL result_json_out", F_COUNT, {NUL(result_json_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "result_json_out must not be NULL", false, false, false},
  {"count: invalid UTF-8 query", F_COUNT, {STR(query, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "query is not valid UTF-8", false, false, false},
  {"count: deadline_ms UINT64_MAX", F_COUNT, {U64(deadline_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "deadline_ms of 18446744073709551615 ms is out of range", false, false, false},
  {"count: query not a visibility query", F_COUNT, {STR(query, "this is (not a query")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, NULL, false, false, false},
  {"count: after a panic", F_COUNT, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false},
  {"count: works after the panic", F_COUNT, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"count_async: baseline works", F_COUNT_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"count_async: NULL call_out is allowed", F_COUNT_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"count_async: NULL callback", F_COUNT_ASYNC, {NUL(callback)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "callback must not be NULL", false, false, false},
  {"count_async: NULL client", F_COUNT_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false},
  {"count_async: an error as the client", F_COUNT_ASYNC, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"count_async: a run as the client", F_COUNT_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"count_async: invalid UTF-8 query", F_COUNT_ASYNC, {STR(query, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "query is not valid UTF-8", false, false, false},
  {"count_async: deadline_ms UINT64_MAX", F_COUNT_ASYNC, {U64(deadline_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "deadline_ms of 18446744073709551615 ms is out of range", false, false, false},
  {"count_async: query not a visibility query", F_COUNT_ASYNC, {STR(query, "this is (not a query")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, NULL, false, false, true},
  {"count_async: after a panic (at once, no callback)", F_COUNT_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false},
  {"count_async: works after the panic", F_COUNT_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"history: baseline works", F_HISTORY, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"history: NULL client", F_HISTORY, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false},
  {"history: an error as the client", F_HISTORY, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"history: a run as the client", F_HISTORY, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"history: NULL workflow_id", F_HISTORY, {NUL(workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id must not be NULL", false, false, false},
  {"history: NULL result_json_out", F_HISTORY, {NUL(result_json_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "result_json_out must not be NULL", false, false, false},
  {"history: invalid UTF-8 workflow_id", F_HISTORY, {STR(workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id is not valid UTF-8", false, false, false},
  {"history: invalid UTF-8 run_id", F_HISTORY, {STR(run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_id is not valid UTF-8", false, false, false},
  {"history: deadline_ms UINT64_MAX", F_HISTORY, {U64(deadline_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "deadline_ms of 18446744073709551615 ms is out of range", false, false, false},
  {"history: unknown workflow ID", F_HISTORY, {STR(workflow_id, "badinput-no-such-workflow")}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, false},
  {"history: after a panic", F_HISTORY, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false},
  {"history: works after the panic", F_HISTORY, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"history_async: baseline works", F_HISTORY_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"history_async: NULL call_out is allowed", F_HISTORY_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"history_async: NULL callback", F_HISTORY_ASYNC, {NUL(callback)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "callback must not be NULL", false, false, false},
  {"history_async: NULL client", F_HISTORY_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false},
  {"history_async: an error as the client", F_HISTORY_ASYNC, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"history_async: a run as the client", F_HISTORY_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"history_async: NULL workflow_id", F_HISTORY_ASYNC, {NUL(workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id must not be NULL", false, false, false},
  {"history_async: invalid UTF-8 workflow_id", F_HISTORY_ASYNC, {STR(workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id is not valid UTF-8", false, false, false},
  {"history_async: invalid UTF-8 run_id", F_HISTORY_ASYNC, {STR(run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_id is not valid UTF-8", false, false, false},
  {"history_async: deadline_ms UINT64_MAX", F_HISTORY_ASYNC, {U64(deadline_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "deadline_ms of 18446744073709551615 ms is out of range", false, false, false},
  {"history_async: unknown workflow ID", F_HISTORY_ASYNC, {STR(workflow_id, "badinput-no-such-workflow")}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true},
  {"history_async: after a panic (at once, no callback)", F_HISTORY_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false},
  {"history_async: works after the panic", F_HISTORY_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"execute_async: baseline works", F_EXECUTE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"execute_async: NULL call_out is allowed", F_EXECUTE_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"execute_async: NULL callback", F_EXECUTE_ASYNC, {NUL(callback)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "callback must not be NULL", false, false, false},
  {"execute_async: NULL client", F_EXECUTE_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false},
  {"execute_async: an error as the client", F_EXECUTE_ASYNC, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"execute_async: a run as the client", F_EXECUTE_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false},
  {"execute_async: NULL workflow_type", F_EXECUTE_ASYNC, {NUL(workflow_type)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_type must not be NULL", false, false, false},
  {"execute_async: NULL options", F_EXECUTE_ASYNC, {NUL(start_options)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options must not be NULL", false, false, false},
  {"execute_async: invalid UTF-8 workflow_type", F_EXECUTE_ASYNC, {STR(workflow_type, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_type is not valid UTF-8", false, false, false},
  {"execute_async: invalid UTF-8 args_json", F_EXECUTE_ASYNC, {STR(args_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "args_json is not valid UTF-8", false, false, false},
  {"execute_async: invalid UTF-8 options.id", F_EXECUTE_ASYNC, {STR(so.id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.id is not valid UTF-8", false, false, false},
  {"execute_async: invalid UTF-8 options.task_queue", F_EXECUTE_ASYNC, {STR(so.task_queue, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.task_queue is not valid UTF-8", false, false, false},
  {"execute_async: args_json not JSON", F_EXECUTE_ASYNC, {STR(args_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false},
  {"execute_async: args_json {}", F_EXECUTE_ASYNC, {STR(args_json, "{}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false},
  {"execute_async: after a panic (at once, no callback)", F_EXECUTE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false},
  {"execute_async: works after the panic", F_EXECUTE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"get_result_async: baseline works", F_GET_RESULT_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"get_result_async: NULL call_out is allowed", F_GET_RESULT_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"get_result_async: NULL callback", F_GET_RESULT_ASYNC, {NUL(callback)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "callback must not be NULL", false, false, false},
  {"get_result_async: NULL run", F_GET_RESULT_ASYNC, {NUL(run)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run must not be NULL", false, false, false},
  {"get_result_async: an error as the run", F_GET_RESULT_ASYNC, {HANDLE(run, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run is not a handle of the right kind", false, false, false},
  {"get_result_async: a client as the run", F_GET_RESULT_ASYNC, {HANDLE(run, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run is not a handle of the right kind", false, false, false},
  {"get_result_async: timeout_ms UINT64_MAX", F_GET_RESULT_ASYNC, {U64(timeout_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "timeout_ms of 18446744073709551615 ms is out of range", false, false, false},
  {"get_result_async: after a panic (at once, no callback)", F_GET_RESULT_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false},
  {"get_result_async: works after the panic", F_GET_RESULT_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},

  /* ---- temporal_call_cancel, temporal_call_free (H_PENDING_CALL: a get_result_async on the
     running Block fixture; H_DONE_CALL: a get_result_async on the completed fixture) */
  {"call_cancel(NULL) is a no-op", F_CALL_CANCEL, {NUL(call)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"call_cancel(a client) is ignored", F_CALL_CANCEL, {HANDLE(call, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"call_cancel(a run) is ignored", F_CALL_CANCEL, {HANDLE(call, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"call_cancel(an error) is ignored", F_CALL_CANCEL, {HANDLE(call, H_ERROR)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"call_cancel of a pending call: callback once with CANCELED", F_CALL_CANCEL, {HANDLE(call, H_PENDING_CALL)}, TEMPORAL_ERROR_CODE_CANCELED, "canceled by temporal_call_cancel", false, false, true},
  {"call_cancel of a finished call changes nothing", F_CALL_CANCEL, {HANDLE(call, H_DONE_CALL)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"call_free(NULL) is a no-op", F_CALL_FREE, {NUL(call)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"call_free(a client) is ignored", F_CALL_FREE, {HANDLE(call, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"call_free(a run) is ignored", F_CALL_FREE, {HANDLE(call, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"call_free(an error) is ignored", F_CALL_FREE, {HANDLE(call, H_ERROR)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"call_free before the callback ran: it still runs once", F_CALL_FREE, {HANDLE(call, H_DONE_CALL)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},

  /* ---- temporal_runtime_options_default, temporal_runtime_init. temporal_runtime_shutdown
     ends the library for the whole process: it is covered by tests/runtime_control.rs and is
     in NOT_RUN_HERE below, not in this table. */
  {"runtime_options_default(NULL) is a no-op", F_RUNTIME_OPTIONS_DEFAULT, {NUL(runtime_options)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"runtime_options_default resets a garbage struct", F_RUNTIME_OPTIONS_DEFAULT, {{0}}, TEMPORAL_ERROR_CODE_OK, "defaults", false, false, false},
  {"runtime_init after the library started", F_RUNTIME_INIT, {{0}}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "already running", false, false, false},
  {"runtime_init(NULL) after the library started", F_RUNTIME_INIT, {NUL(runtime_options)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "already running", false, false, false},
  {"runtime_init: log_level 99", F_RUNTIME_INIT, {I32(ro.log_level, 99)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown log level 99", false, false, false},
  {"runtime_init: log_level -1", F_RUNTIME_INIT, {I32(ro.log_level, -1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown log level -1", false, false, false},
  {"runtime_init: worker_threads UINT32_MAX", F_RUNTIME_INIT, {U32(ro.worker_threads, UINT32_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, NULL, false, false, false},
  {"runtime_init: after a panic", F_RUNTIME_INIT, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false},

  /* ---- temporal_testing_panic_next_call: survives a call that returns no error, then fires */
  {"testing_panic_next_call: next error-returning call panics", F_TESTING_PANIC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "forced by temporal_testing_panic_next_call", false, false, false},
  {"testing_panic_next_call: fires only once", F_GET_WORKFLOW, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},

  /* ---- the handles passed to call_cancel/call_free above are intact */
  {"the client survived call_cancel/call_free", F_EXECUTE, {HANDLE(client, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
  {"the run survived call_cancel/call_free", F_GET_RESULT, {HANDLE(run, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false},
};
/* clang-format on */

/* ---------------------------------------------------------------- fixtures */

static const char *g_address;
static const char *g_queue;
static temporal_client *g_client;   /* H_CLIENT */
static temporal_workflow_run *g_run; /* H_RUN: a completed Echo workflow */
static temporal_error *g_err;       /* H_ERROR: "workflow_id must not be NULL" */
static char g_fixture_id[96];
static char g_counter_id[96];         /* a running Counter(0) */
static char g_block_id[96];           /* a running Block: never unblocked until the end */
static temporal_workflow_run *g_block_run;
static char g_missing_id[96];         /* never started */
static char g_fresh_ids[16][96];      /* Block workflows started for rows (H_FRESH_BLOCK) */
static int g_nfresh;

static void sleep_ms(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  while (nanosleep(&ts, &ts) != 0) {}
}

static bool utf8_valid(const char *s);

/* What an async callback received. Written by the callback before it bumps `count`. */
struct async_ctx {
  atomic_int count;
  temporal_error_code code;
  char text[1024];
  bool json, run, bad_utf8;
};

static void counting_callback(void *user_data, temporal_error *error, char *result_json,
                              temporal_workflow_run *run) {
  struct async_ctx *x = (struct async_ctx *)user_data;
  if (atomic_load(&x->count) == 0) {
    x->code = temporal_error_get_code(error);
    x->json = result_json != NULL;
    x->run = run != NULL;
    x->text[0] = '\0';
    if (error) {
      const char *m = temporal_error_get_message(error), *d = temporal_error_get_details(error);
      snprintf(x->text, sizeof x->text, "%s", m);
      x->bad_utf8 = !utf8_valid(m) || (d && !utf8_valid(d));
    } else if (result_json) {
      snprintf(x->text, sizeof x->text, "%s", result_json);
      x->bad_utf8 = !utf8_valid(result_json);
    }
  }
  temporal_error_free(error);
  temporal_string_free(result_json);
  temporal_workflow_run_free(run);
  atomic_fetch_add(&x->count, 1);
}

/* Contexts of async calls that returned an error at once: never freed (see dispatch). */
/* External linkage, so the compiler keeps the stores: leak checkers must find the pointers. */
struct async_ctx *g_parked_async_ctx[4096];
size_t g_nparked_async_ctx;
static void park(struct async_ctx *x) {
  if (g_nparked_async_ctx < sizeof g_parked_async_ctx / sizeof g_parked_async_ctx[0])
    g_parked_async_ctx[g_nparked_async_ctx++] = x;
}

/* Waits up to `ms` for the callback; true if it ran. */
static bool wait_callback(struct async_ctx *x, long ms) {
  for (long waited = 0; atomic_load(&x->count) == 0 && waited < ms; waited += 5) sleep_ms(5);
  return atomic_load(&x->count) > 0;
}

/* H_PENDING_CALL / H_DONE_CALL: the live call of the current row and what its callback got. */
static temporal_call *g_live_call;
static struct async_ctx *g_live_ctx;
static bool g_live_pending; /* H_PENDING_CALL (on the running Block) rather than H_DONE_CALL */

static const char *fresh_block(void) {
  if (g_nfresh >= (int)(sizeof g_fresh_ids / sizeof g_fresh_ids[0])) abort();
  char *id = g_fresh_ids[g_nfresh++];
  snprintf(id, 96, "badinput-block-%ld-%d", (long)getpid(), g_nfresh);
  temporal_start_workflow_options so;
  temporal_start_workflow_options_default(&so);
  so.id = id;
  so.task_queue = g_queue;
  temporal_workflow_run *run = NULL;
  temporal_error *e = temporal_execute_workflow(g_client, "Block", NULL, &so, &run);
  if (e) {
    fprintf(stderr, "test_bad_input: cannot start a Block: %s\n", temporal_error_get_message(e));
    temporal_error_free(e);
  }
  temporal_workflow_run_free(run);
  return id;
}

static void *handle_ptr(enum handle h) {
  switch (h) {
    case H_CLIENT: return g_client;
    case H_RUN: return g_run;
    case H_ERROR: return g_err;
    case H_FRESH_BLOCK: return (void *)fresh_block();
    case H_PENDING_CALL:
    case H_DONE_CALL: {
      g_live_ctx = (struct async_ctx *)calloc(1, sizeof *g_live_ctx);
      if (!g_live_ctx) abort();
      g_live_call = NULL;
      g_live_pending = h == H_PENDING_CALL;
      temporal_error *e = temporal_get_result_async(h == H_PENDING_CALL ? g_block_run : g_run, 0,
                                                    counting_callback, g_live_ctx, &g_live_call);
      if (e) {
        fprintf(stderr, "test_bad_input: get_result_async: %s\n", temporal_error_get_message(e));
        temporal_error_free(e);
      }
      return g_live_call;
    }
  }
  return NULL;
}

static bool utf8_valid(const char *s) {
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    unsigned c = *p, n;
    uint32_t cp;
    if (c < 0x80) { p++; continue; }
    else if ((c & 0xe0) == 0xc0) { n = 1; cp = c & 0x1f; }
    else if ((c & 0xf0) == 0xe0) { n = 2; cp = c & 0x0f; }
    else if ((c & 0xf8) == 0xf0) { n = 3; cp = c & 0x07; }
    else return false;
    for (unsigned i = 1; i <= n; i++) {
      if ((p[i] & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3f);
    }
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
        cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
      return false;
    p += n + 1;
  }
  return true;
}

/* The good baseline every row patches. */
static void baseline(struct call *c, int row_index, enum fn fn) {
  static char id[96];
  memset(c, 0, sizeof *c);
  temporal_client_options_default(&c->co);
  c->co.address = g_address;
  c->co.connect_timeout_ms = 5000;
  temporal_start_workflow_options_default(&c->so);
  snprintf(id, sizeof id, "badinput-%ld-row%d", (long)getpid(), row_index);
  c->so.id = id;
  c->so.task_queue = g_queue;
  c->so.id_conflict_policy = TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING;
  c->client_options = &c->co;
  c->start_options = &c->so;
  c->client_out = &c->client_result;
  c->run_out = &c->run_result;
  c->result_json_out = &c->result_json;
  c->client = g_client;
  c->run = g_run;
  c->error = g_err;
  c->workflow_type = "Echo";
  c->args_json = "[1]";
  c->workflow_id = g_fixture_id;
  c->run_id = NULL;
  c->timeout_ms = 30000;
  /* The added operations: harmless good calls (a signal nobody handles, a query, an update
     that adds 1 to the running Counter; cancel/terminate of an ID never started, the good rows
     patch in a fresh Block; signal-with-start of an Echo, which completes at once). */
  static char visibility[160];
  snprintf(visibility, sizeof visibility, "WorkflowId = '%s'", g_fixture_id);
  c->signal_name = "badinput-noop";
  c->signal_args_json = "[1]";
  c->query_type = "count";
  c->update_name = "add";
  c->update_id = NULL;
  c->reason = "badinput";
  c->details_json = NULL;
  c->query = visibility;
  c->page_size = 10;
  c->page_token = NULL;
  c->deadline_ms = 30000;
  c->callback = counting_callback;
  c->call_out = &c->call_result;
  c->call = NULL;
  temporal_runtime_options_default(&c->ro);
  c->runtime_options = &c->ro;
  switch (fn) {
    case F_SIGNAL: case F_SIGNAL_ASYNC: c->workflow_id = g_counter_id; break;
    case F_QUERY: case F_QUERY_ASYNC: c->workflow_id = g_counter_id; c->args_json = NULL; break;
    case F_UPDATE: case F_UPDATE_ASYNC: c->workflow_id = g_counter_id; break;
    case F_CANCEL: case F_CANCEL_ASYNC: case F_TERMINATE: case F_TERMINATE_ASYNC:
      c->workflow_id = g_missing_id;
      break;
    default: break;
  }
  c->call_result = (temporal_call *)(void *)c;
  /* Sentinels: a failing call must leave its outputs untouched. */
  c->client_result = (temporal_client *)(void *)c;
  c->run_result = (temporal_workflow_run *)(void *)c;
  c->result_json = (char *)(void *)c;
}

static void apply(struct call *c, const struct patch *p) {
  char *at = (char *)c + p->offset;
  void *null = NULL;
  const char *s;
  switch (p->kind) {
    case V_NONE: return;
    case V_STR: memcpy(at, &p->v.s, sizeof p->v.s); break;
    case V_NULL: memcpy(at, &null, sizeof null); break;
    case V_U64: memcpy(at, &p->v.u64, sizeof p->v.u64); break;
    case V_U32: memcpy(at, &p->v.u32, sizeof p->v.u32); break;
    case V_I32: memcpy(at, &p->v.i32, sizeof p->v.i32); break;
    case V_F64: memcpy(at, &p->v.f64, sizeof p->v.f64); break;
    case V_HANDLE: {
      void *h = handle_ptr(p->v.h);
      memcpy(at, &h, sizeof h);
      break;
    }
    case V_GEN: s = p->v.gen(); memcpy(at, &s, sizeof s); break;
  }
  /* A patch inside the retry policy attaches it to the start options. */
  if (p->offset >= AT(rp) && p->offset < AT(rp) + sizeof(temporal_retry_policy))
    c->so.retry_policy = &c->rp;
}

/* Makes the call and reduces its outcome to (code, text). `problem` gets any breach of the
   conventions (output written on failure, invalid UTF-8 in a message). */
static temporal_error_code dispatch(struct call *c, enum fn fn, char *text, size_t cap,
                                    char *problem, size_t pcap, int *via) {
  temporal_error *e = NULL;
  const char *s = NULL;
  bool returns_error = false, returns_string = false;
  struct async_ctx *x = NULL;
  text[0] = problem[0] = '\0';
  *via = 0;
  if (is_async(fn)) {
    x = (struct async_ctx *)calloc(1, sizeof *x);
    if (!x) abort();
  }
  switch (fn) {
    case F_VERSION: s = temporal_version(); returns_string = true; break;
    case F_CODE_NAME: s = temporal_error_code_name(c->code); returns_string = true; break;
    case F_CLIENT_OPTIONS_DEFAULT:
      if (c->client_options) {
        memset(c->client_options, 0xab, sizeof *c->client_options);
        temporal_client_options_default(c->client_options);
        /* Every field is NULL, false or 0: compare field by field (padding is not ours). */
        temporal_client_options *o = c->client_options;
        bool d = !o->address && !o->namespace_name && !o->identity && !o->api_key && !o->tls &&
                 !o->tls_server_ca_cert_pem && !o->tls_client_cert_pem && !o->tls_client_key_pem &&
                 !o->tls_server_name && !o->tls_disable_host_verification &&
                 !o->grpc_metadata_json && !o->connect_timeout_ms && !o->envconfig &&
                 !o->envconfig_profile && !o->envconfig_file;
        snprintf(text, cap, "%s", d ? "defaults" : "not defaults");
      } else {
        temporal_client_options_default(NULL);
      }
      return TEMPORAL_ERROR_CODE_OK;
    case F_START_OPTIONS_DEFAULT:
      if (c->start_options) {
        memset(c->start_options, 0xab, sizeof *c->start_options);
        temporal_start_workflow_options_default(c->start_options);
        temporal_start_workflow_options *o = c->start_options;
        bool d = !o->id && !o->task_queue && !o->execution_timeout_ms && !o->run_timeout_ms &&
                 !o->task_timeout_ms && !o->id_reuse_policy && !o->id_conflict_policy &&
                 !o->error_when_already_started && !o->retry_policy && !o->cron_schedule &&
                 !o->memo_json && !o->search_attributes_json && !o->start_delay_ms;
        snprintf(text, cap, "%s", d ? "defaults" : "not defaults");
      } else {
        temporal_start_workflow_options_default(NULL);
      }
      return TEMPORAL_ERROR_CODE_OK;
    case F_CONNECT:
      e = temporal_client_connect(c->client_options, c->client_out);
      returns_error = true;
      break;
    case F_CLIENT_FREE: temporal_client_free(c->client); return TEMPORAL_ERROR_CODE_OK;
    case F_EXECUTE:
      e = temporal_execute_workflow(c->client, c->workflow_type, c->args_json, c->start_options,
                                    c->run_out);
      returns_error = true;
      break;
    case F_GET_WORKFLOW:
      e = temporal_get_workflow(c->client, c->workflow_id, c->run_id, c->run_out);
      returns_error = true;
      break;
    case F_GET_RESULT:
      e = temporal_get_result(c->run, c->timeout_ms, c->result_json_out);
      returns_error = true;
      break;
    case F_RUN_GET_ID: s = temporal_workflow_run_get_id(c->run); returns_string = true; break;
    case F_RUN_GET_RUN_ID: s = temporal_workflow_run_get_run_id(c->run); returns_string = true; break;
    case F_RUN_FREE: temporal_workflow_run_free(c->run); return TEMPORAL_ERROR_CODE_OK;
    case F_ERROR_GET_CODE: return temporal_error_get_code(c->error);
    case F_ERROR_GET_MESSAGE: s = temporal_error_get_message(c->error); returns_string = true; break;
    case F_ERROR_GET_DETAILS: s = temporal_error_get_details(c->error); returns_string = true; break;
    case F_ERROR_FREE: temporal_error_free(c->error); return TEMPORAL_ERROR_CODE_OK;
    case F_STRING_FREE: temporal_string_free(c->string); return TEMPORAL_ERROR_CODE_OK;
    case F_SIGNAL:
      e = temporal_signal_workflow(c->client, c->workflow_id, c->run_id, c->signal_name,
                                   c->args_json, c->deadline_ms);
      break;
    case F_SIGNAL_ASYNC:
      e = temporal_signal_workflow_async(c->client, c->workflow_id, c->run_id, c->signal_name,
                                         c->args_json, c->deadline_ms, c->callback, x, c->call_out);
      break;
    case F_SWS:
      e = temporal_signal_with_start_workflow(c->client, c->signal_name, c->signal_args_json,
                                              c->workflow_type, c->args_json, c->start_options,
                                              c->deadline_ms, c->run_out);
      break;
    case F_SWS_ASYNC:
      e = temporal_signal_with_start_workflow_async(
          c->client, c->signal_name, c->signal_args_json, c->workflow_type, c->args_json,
          c->start_options, c->deadline_ms, c->callback, x, c->call_out);
      break;
    case F_QUERY:
      e = temporal_query_workflow(c->client, c->workflow_id, c->run_id, c->query_type,
                                  c->args_json, c->deadline_ms, c->result_json_out);
      break;
    case F_QUERY_ASYNC:
      e = temporal_query_workflow_async(c->client, c->workflow_id, c->run_id, c->query_type,
                                        c->args_json, c->deadline_ms, c->callback, x, c->call_out);
      break;
    case F_UPDATE:
      e = temporal_update_workflow(c->client, c->workflow_id, c->run_id, c->update_name,
                                   c->update_id, c->args_json, c->deadline_ms, c->result_json_out);
      break;
    case F_UPDATE_ASYNC:
      e = temporal_update_workflow_async(c->client, c->workflow_id, c->run_id, c->update_name,
                                         c->update_id, c->args_json, c->deadline_ms, c->callback,
                                         x, c->call_out);
      break;
    case F_CANCEL:
      e = temporal_cancel_workflow(c->client, c->workflow_id, c->run_id, c->deadline_ms);
      break;
    case F_CANCEL_ASYNC:
      e = temporal_cancel_workflow_async(c->client, c->workflow_id, c->run_id, c->deadline_ms,
                                         c->callback, x, c->call_out);
      break;
    case F_TERMINATE:
      e = temporal_terminate_workflow(c->client, c->workflow_id, c->run_id, c->reason,
                                      c->details_json, c->deadline_ms);
      break;
    case F_TERMINATE_ASYNC:
      e = temporal_terminate_workflow_async(c->client, c->workflow_id, c->run_id, c->reason,
                                            c->details_json, c->deadline_ms, c->callback, x,
                                            c->call_out);
      break;
    case F_DESCRIBE:
      e = temporal_describe_workflow_execution(c->client, c->workflow_id, c->run_id,
                                               c->deadline_ms, c->result_json_out);
      break;
    case F_DESCRIBE_ASYNC:
      e = temporal_describe_workflow_execution_async(c->client, c->workflow_id, c->run_id,
                                                     c->deadline_ms, c->callback, x, c->call_out);
      break;
    case F_LIST:
      e = temporal_list_workflow(c->client, c->query, c->page_size, c->page_token, c->deadline_ms,
                                 c->result_json_out);
      break;
    case F_LIST_ASYNC:
      e = temporal_list_workflow_async(c->client, c->query, c->page_size, c->page_token,
                                       c->deadline_ms, c->callback, x, c->call_out);
      break;
    case F_COUNT:
      e = temporal_count_workflow(c->client, c->query, c->deadline_ms, c->result_json_out);
      break;
    case F_COUNT_ASYNC:
      e = temporal_count_workflow_async(c->client, c->query, c->deadline_ms, c->callback, x,
                                        c->call_out);
      break;
    case F_HISTORY:
      e = temporal_get_workflow_history(c->client, c->workflow_id, c->run_id, c->deadline_ms,
                                        c->result_json_out);
      break;
    case F_HISTORY_ASYNC:
      e = temporal_get_workflow_history_async(c->client, c->workflow_id, c->run_id,
                                              c->deadline_ms, c->callback, x, c->call_out);
      break;
    case F_EXECUTE_ASYNC:
      e = temporal_execute_workflow_async(c->client, c->workflow_type, c->args_json,
                                          c->start_options, c->callback, x, c->call_out);
      break;
    case F_GET_RESULT_ASYNC:
      e = temporal_get_result_async(c->run, c->timeout_ms, c->callback, x, c->call_out);
      break;
    case F_CALL_CANCEL:
    case F_CALL_FREE: {
      bool live = c->call && c->call == g_live_call;
      /* H_DONE_CALL with cancel: let it finish first, so this cancels a finished call. */
      if (live && fn == F_CALL_CANCEL && !g_live_pending) (void)wait_callback(g_live_ctx, 30000);
      if (fn == F_CALL_CANCEL) {
        temporal_call_cancel(c->call);
      } else {
        temporal_call_free(c->call);
      }
      if (!live) return TEMPORAL_ERROR_CODE_OK;
      struct async_ctx *lx = g_live_ctx;
      temporal_call *lc = g_live_call;
      g_live_call = NULL;
      g_live_ctx = NULL;
      if (!wait_callback(lx, 30000)) {
        snprintf(problem, pcap, "the callback did not run within 30 s");
        if (fn == F_CALL_CANCEL) temporal_call_free(lc);
        return TEMPORAL_ERROR_CODE_INTERNAL; /* lx is leaked: the callback may still come */
      }
      if (fn == F_CALL_CANCEL) {
        temporal_call_cancel(lc); /* idempotent, also after the callback ran */
        temporal_call_free(lc);
      }
      sleep_ms(100);
      if (atomic_load(&lx->count) != 1)
        snprintf(problem, pcap, "the callback ran %d times", atomic_load(&lx->count));
      else if (lx->bad_utf8)
        snprintf(problem, pcap, "the callback got invalid UTF-8");
      snprintf(text, cap, "%s", lx->text);
      *via = 2;
      temporal_error_code code = lx->code;
      free(lx);
      return code;
    }
    case F_RUNTIME_OPTIONS_DEFAULT:
      if (c->runtime_options) {
        memset(c->runtime_options, 0xab, sizeof *c->runtime_options);
        temporal_runtime_options_default(c->runtime_options);
        temporal_runtime_options *o = c->runtime_options;
        bool d = !o->worker_threads && o->log_level == TEMPORAL_LOG_LEVEL_OFF && !o->log_callback &&
                 !o->log_user_data;
        snprintf(text, cap, "%s", d ? "defaults" : "not defaults");
      } else {
        temporal_runtime_options_default(NULL);
      }
      return TEMPORAL_ERROR_CODE_OK;
    case F_RUNTIME_INIT: e = temporal_runtime_init(c->runtime_options); break;
    case F_RUNTIME_SHUTDOWN: return TEMPORAL_ERROR_CODE_INTERNAL; /* never: see NOT_RUN_HERE */
    case F_TESTING_PANIC:
      /* Armed, then a call that returns no error (it must not consume it), then one that does. */
      temporal_testing_panic_next_call();
      (void)temporal_version();
      e = temporal_get_workflow(c->client, c->workflow_id, c->run_id, c->run_out);
      break;
  }
  if (x) {
    /* An _async function: an error at once (and then no callback), or exactly one callback. */
    bool has_json = fn == F_QUERY_ASYNC || fn == F_UPDATE_ASYNC || fn == F_DESCRIBE_ASYNC ||
                    fn == F_LIST_ASYNC || fn == F_COUNT_ASYNC || fn == F_HISTORY_ASYNC ||
                    fn == F_GET_RESULT_ASYNC;
    bool has_run = fn == F_EXECUTE_ASYNC || fn == F_SWS_ASYNC;
    if (e) {
      *via = 1;
      temporal_error_code code = temporal_error_get_code(e);
      const char *m = temporal_error_get_message(e);
      snprintf(text, cap, "%s", m);
      if (!utf8_valid(m)) snprintf(problem, pcap, "error message is not valid UTF-8");
      if (c->call_result != (temporal_call *)(void *)c)
        snprintf(problem, pcap, "call_out was written on failure");
      temporal_error_free(e);
      sleep_ms(100);
      if (atomic_load(&x->count) != 0) {
        snprintf(problem, pcap, "the callback ran (%d times) after an error returned at once",
                 atomic_load(&x->count));
        free(x);
      } else {
        /* Not freed: that is safe only if the callback never comes, so keep it reachable
           (parked) instead, which also keeps leak checkers quiet about a deliberate choice. */
        park(x);
      }
      return code;
    }
    *via = 2;
    if (c->call_out && c->call_result == (temporal_call *)(void *)c)
      snprintf(problem, pcap, "no call handle written");
    if (!wait_callback(x, 60000)) {
      snprintf(problem, pcap, "the callback did not run within 60 s");
      return TEMPORAL_ERROR_CODE_INTERNAL;
    }
    sleep_ms(100);
    temporal_error_code code = x->code;
    snprintf(text, cap, "%s", x->text);
    if (atomic_load(&x->count) != 1)
      snprintf(problem, pcap, "the callback ran %d times", atomic_load(&x->count));
    else if (x->bad_utf8)
      snprintf(problem, pcap, "the callback got invalid UTF-8");
    else if (code != TEMPORAL_ERROR_CODE_OK && (x->json || x->run))
      snprintf(problem, pcap, "the callback got an error and an output");
    else if (code == TEMPORAL_ERROR_CODE_OK && (x->json != has_json || x->run != has_run))
      snprintf(problem, pcap, "the callback got result_json %s and run %s", x->json ? "set" : "NULL",
               x->run ? "set" : "NULL");
    if (c->call_out && c->call_result != (temporal_call *)(void *)c) temporal_call_free(c->call_result);
    free(x);
    return code;
  }
  if (returns_string) {
    if (s) snprintf(text, cap, "\"%s\"", s);
    else snprintf(text, cap, "NULL");
    if (s && !utf8_valid(s)) snprintf(problem, pcap, "returned text is not valid UTF-8");
    return TEMPORAL_ERROR_CODE_OK;
  }
  (void)returns_error;
  temporal_error_code code = temporal_error_get_code(e);
  if (e) {
    const char *m = temporal_error_get_message(e), *d = temporal_error_get_details(e);
    snprintf(text, cap, "%s", m);
    if (!*m) snprintf(problem, pcap, "empty error message");
    else if (!utf8_valid(m)) snprintf(problem, pcap, "error message is not valid UTF-8");
    else if (d && !utf8_valid(d)) snprintf(problem, pcap, "error details are not valid UTF-8");
    if (c->client_result != (temporal_client *)(void *)c ||
        c->run_result != (temporal_workflow_run *)(void *)c ||
        c->result_json != (char *)(void *)c)
      snprintf(problem, pcap, "an output was written on failure");
    temporal_error_free(e);
  } else {
    /* Success: free what was produced. */
    if (fn == F_CONNECT) {
      if (c->client_result == (temporal_client *)(void *)c) snprintf(problem, pcap, "no client written");
      else temporal_client_free(c->client_result);
    } else if (fn == F_EXECUTE || fn == F_GET_WORKFLOW || fn == F_SWS) {
      if (c->run_result == (temporal_workflow_run *)(void *)c) snprintf(problem, pcap, "no run written");
      else temporal_workflow_run_free(c->run_result);
    } else if (fn == F_GET_RESULT || fn == F_QUERY || fn == F_UPDATE || fn == F_DESCRIBE ||
               fn == F_LIST || fn == F_COUNT || fn == F_HISTORY) {
      if (c->result_json == (char *)(void *)c) snprintf(problem, pcap, "no result written");
      else {
        if (!utf8_valid(c->result_json)) snprintf(problem, pcap, "result is not valid UTF-8");
        temporal_string_free(c->result_json);
      }
    }
  }
  return code;
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int setup(void) {
  temporal_client_options co;
  temporal_client_options_default(&co);
  co.address = g_address;
  temporal_error *e = temporal_client_connect(&co, &g_client);
  if (e) {
    fprintf(stderr, "test_bad_input: cannot connect to %s: %s: %s\n", g_address,
            temporal_error_code_name(temporal_error_get_code(e)), temporal_error_get_message(e));
    temporal_error_free(e);
    return 1;
  }
  snprintf(g_fixture_id, sizeof g_fixture_id, "badinput-fixture-%ld", (long)getpid());
  temporal_start_workflow_options so;
  temporal_start_workflow_options_default(&so);
  so.id = g_fixture_id;
  so.task_queue = g_queue;
  char *out = NULL;
  e = temporal_execute_workflow(g_client, "Echo", "[\"fixture\"]", &so, &g_run);
  if (!e) e = temporal_get_result(g_run, 60000, &out);
  if (e) {
    fprintf(stderr, "test_bad_input: fixture workflow: %s: %s\n",
            temporal_error_code_name(temporal_error_get_code(e)), temporal_error_get_message(e));
    temporal_error_free(e);
    return 1;
  }
  temporal_string_free(out);
  g_err = temporal_get_workflow(g_client, NULL, NULL, NULL);
  if (!g_err) {
    fprintf(stderr, "test_bad_input: no fixture error\n");
    return 1;
  }
  /* A running Counter(0) and a running Block, for the operations on live workflows. */
  snprintf(g_counter_id, sizeof g_counter_id, "badinput-counter-%ld", (long)getpid());
  snprintf(g_block_id, sizeof g_block_id, "badinput-blocked-%ld", (long)getpid());
  snprintf(g_missing_id, sizeof g_missing_id, "badinput-never-started-%ld", (long)getpid());
  temporal_workflow_run *counter = NULL;
  so.id = g_counter_id;
  e = temporal_execute_workflow(g_client, "Counter", "[0]", &so, &counter);
  if (!e) {
    temporal_workflow_run_free(counter);
    so.id = g_block_id;
    e = temporal_execute_workflow(g_client, "Block", NULL, &so, &g_block_run);
  }
  if (!e) { /* wait until the Counter runs its first task, so queries have a handler */
    e = temporal_query_workflow(g_client, g_counter_id, NULL, "count", NULL, 30000, &out);
    if (!e) temporal_string_free(out);
  }
  if (e) {
    fprintf(stderr, "test_bad_input: Counter/Block fixtures: %s: %s\n",
            temporal_error_code_name(temporal_error_get_code(e)), temporal_error_get_message(e));
    temporal_error_free(e);
    return 1;
  }
  return 0;
}

/* Ends the workflows this program left running (errors ignored: most are closed already). */
static void teardown(void) {
  temporal_error_free(temporal_signal_workflow(g_client, g_counter_id, NULL, "done", NULL, 10000));
  temporal_error_free(
      temporal_terminate_workflow(g_client, g_block_id, NULL, "badinput done", NULL, 10000));
  for (int i = 0; i < g_nfresh; i++)
    temporal_error_free(
        temporal_terminate_workflow(g_client, g_fresh_ids[i], NULL, "badinput done", NULL, 10000));
  temporal_workflow_run_free(g_block_run);
}

int main(int argc, char **argv) {
  const char *filter = argc > 1 ? argv[1] : NULL;
  g_address = getenv("TEMPORAL_ADDRESS");
  g_queue = getenv("TEMPORAL_TEST_TASK_QUEUE");
  if (!g_address || !*g_address || !g_queue || !*g_queue) {
    fprintf(stderr, "test_bad_input: TEMPORAL_ADDRESS and TEMPORAL_TEST_TASK_QUEUE must be set; "
                    "run it with tests/harness/with-dev-server.sh\n");
    return 2;
  }
  if (setup() != 0) return 1;

  int passed = 0, failed = 0;
  bool covered[sizeof FN_NAMES / sizeof FN_NAMES[0]] = {false};
  for (size_t i = 0; i < sizeof ROWS / sizeof ROWS[0]; i++) {
    const struct row *r = &ROWS[i];
    char label[160];
    snprintf(label, sizeof label, "%s", r->desc);
    if (filter && !strstr(r->desc, filter) && !strstr(FN_NAMES[r->fn], filter)) continue;
    covered[r->fn] = true;
    struct call c;
    baseline(&c, (int)i, r->fn);
    for (size_t k = 0; k < sizeof r->p / sizeof r->p[0]; k++) apply(&c, &r->p[k]);
    static char text[4096], problem[256];
    double t0 = now_s();
    if (r->panic) temporal_testing_panic_next_call();
    int via;
    temporal_error_code code =
        dispatch(&c, r->fn, text, sizeof text, problem, sizeof problem, &via);
    if (!problem[0] && code != TEMPORAL_ERROR_CODE_OK && via == 2 && !r->later)
      snprintf(problem, sizeof problem, "the error came through the callback, not at once");
    else if (!problem[0] && code != TEMPORAL_ERROR_CODE_OK && via == 1 && r->later)
      snprintf(problem, sizeof problem, "the error came at once, not through the callback");
    double elapsed = now_s() - t0;
    bool code_ok = code == r->code || (r->or_ok && code == TEMPORAL_ERROR_CODE_OK);
    bool text_ok = code == TEMPORAL_ERROR_CODE_OK && r->or_ok ? true
                   : !r->text || strstr(text, r->text) != NULL;
    bool ok = code_ok && text_ok && !problem[0];
    if (ok) {
      passed++;
      printf("PASS %-70s (%.2f s) %s%s%s\n", label, elapsed,
             temporal_error_code_name((int32_t)code), text[0] ? ": " : "",
             strlen(text) > 160 ? "(long text)" : text);
    } else {
      failed++;
      printf("FAIL %-70s (%.2f s) want %s \"%s\"%s, got %s: %.600s%s%s\n", label, elapsed,
             temporal_error_code_name((int32_t)r->code), r->text ? r->text : "",
             r->or_ok ? " (or OK)" : "", temporal_error_code_name((int32_t)code), text,
             problem[0] ? " -- " : "", problem);
    }
    fflush(stdout);
  }
  if (!filter) {
    for (size_t f = 0; f < sizeof FN_NAMES / sizeof FN_NAMES[0]; f++) {
      bool not_run_here = false;
      for (size_t k = 0; k < sizeof NOT_RUN_HERE / sizeof NOT_RUN_HERE[0]; k++)
        if (NOT_RUN_HERE[k] == (enum fn)f) not_run_here = true;
      if (!covered[f] && !not_run_here) {
        failed++;
        printf("FAIL no row covers %s\n", FN_NAMES[f]);
      }
    }
  }

  teardown();
  temporal_error_free(g_err);
  temporal_workflow_run_free(g_run);
  temporal_client_free(g_client);
  for (size_t i = 0; i < g_ngenerated; i++) free(g_generated[i]);
  printf("bad input: %d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
