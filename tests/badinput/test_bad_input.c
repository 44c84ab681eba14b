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
 *     reset).
 * Every failing call must also leave its output untouched, and every message and details text
 * must be valid UTF-8. The last line is exactly "bad input: N passed, M failed".
 * Compiles as C11 (GCC and Clang: offsetof of nested members is used).
 */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
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
};

static const char *const FN_NAMES[] = {
    "temporal_version", "temporal_error_code_name", "temporal_client_options_default",
    "temporal_client_connect", "temporal_client_free", "temporal_start_workflow_options_default",
    "temporal_execute_workflow", "temporal_get_workflow", "temporal_get_result",
    "temporal_workflow_run_get_id", "temporal_workflow_run_get_run_id",
    "temporal_workflow_run_free", "temporal_error_get_code", "temporal_error_get_message",
    "temporal_error_get_details", "temporal_error_free", "temporal_string_free",
};

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
  /* what the option pointers point to */
  temporal_client_options co;
  temporal_start_workflow_options so;
  temporal_retry_policy rp;
  /* outputs (initialised to a sentinel to prove they are untouched on failure) */
  temporal_client *client_result;
  temporal_workflow_run *run_result;
  char *result_json;
};

/* ---------------------------------------------------------------- patches and rows */

enum kind { V_NONE, V_STR, V_NULL, V_U64, V_I32, V_F64, V_HANDLE, V_GEN };
enum handle { H_CLIENT, H_RUN, H_ERROR };

struct patch {
  size_t offset;
  enum kind kind;
  union {
    const char *s;
    uint64_t u64;
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
  {"version is the header's", F_VERSION, {{0}}, TEMPORAL_ERROR_CODE_OK, "\"" TEMPORAL_FFI_VERSION "\"", false, false},
  {"code_name(-1)", F_CODE_NAME, {I32(code, -1)}, TEMPORAL_ERROR_CODE_OK, "\"UNKNOWN\"", false, false},
  {"code_name(1000)", F_CODE_NAME, {I32(code, 1000)}, TEMPORAL_ERROR_CODE_OK, "\"UNKNOWN\"", false, false},
  {"code_name(INT32_MIN)", F_CODE_NAME, {I32(code, INT32_MIN)}, TEMPORAL_ERROR_CODE_OK, "\"UNKNOWN\"", false, false},
  {"code_name(INT32_MAX)", F_CODE_NAME, {I32(code, INT32_MAX)}, TEMPORAL_ERROR_CODE_OK, "\"UNKNOWN\"", false, false},
  {"code_name(14)", F_CODE_NAME, {I32(code, 14)}, TEMPORAL_ERROR_CODE_OK, "\"INTERNAL\"", false, false},

  /* ---- temporal_client_options_default */
  {"client_options_default(NULL) is a no-op", F_CLIENT_OPTIONS_DEFAULT, {NUL(client_options)}, TEMPORAL_ERROR_CODE_OK, "", false, false},
  {"client_options_default resets a garbage struct", F_CLIENT_OPTIONS_DEFAULT, {{0}}, TEMPORAL_ERROR_CODE_OK, "defaults", false, false},

  /* ---- temporal_client_connect */
  {"connect: NULL client_out", F_CONNECT, {NUL(client_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client_out must not be NULL", false, false},
  {"connect: NULL options and NULL client_out", F_CONNECT, {NUL(client_options), NUL(client_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client_out", false, false},
  {"connect: invalid UTF-8 address", F_CONNECT, {STR(co.address, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "address is not valid UTF-8", false, false},
  {"connect: invalid UTF-8 namespace_name", F_CONNECT, {STR(co.namespace_name, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "namespace_name is not valid UTF-8", false, false},
  {"connect: invalid UTF-8 identity", F_CONNECT, {STR(co.identity, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "identity is not valid UTF-8", false, false},
  {"connect: invalid UTF-8 api_key", F_CONNECT, {STR(co.api_key, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "api_key is not valid UTF-8", false, false},
  {"connect: invalid UTF-8 tls_server_ca_cert_pem", F_CONNECT, {STR(co.tls_server_ca_cert_pem, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "tls_server_ca_cert_pem is not valid UTF-8", false, false},
  {"connect: invalid UTF-8 tls_client_cert_pem", F_CONNECT, {STR(co.tls_client_cert_pem, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "tls_client_cert_pem is not valid UTF-8", false, false},
  {"connect: invalid UTF-8 tls_client_key_pem", F_CONNECT, {STR(co.tls_client_key_pem, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "tls_client_key_pem is not valid UTF-8", false, false},
  {"connect: invalid UTF-8 tls_server_name", F_CONNECT, {STR(co.tls_server_name, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "tls_server_name is not valid UTF-8", false, false},
  {"connect: invalid UTF-8 grpc_metadata_json", F_CONNECT, {STR(co.grpc_metadata_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json is not valid UTF-8", false, false},
  {"connect: invalid UTF-8 envconfig_profile", F_CONNECT, {STR(co.envconfig_profile, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "envconfig_profile is not valid UTF-8", false, false},
  {"connect: invalid UTF-8 envconfig_file", F_CONNECT, {STR(co.envconfig_file, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "envconfig_file is not valid UTF-8", false, false},
  {"connect: invalid UTF-8 inside a grpc_metadata_json string", F_CONNECT, {STR(co.grpc_metadata_json, "{\"k\": \"" BAD "\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json is not valid UTF-8", false, false},
  {"connect: grpc_metadata_json not JSON", F_CONNECT, {STR(co.grpc_metadata_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json must be a JSON object of strings", false, false},
  {"connect: grpc_metadata_json truncated", F_CONNECT, {STR(co.grpc_metadata_json, "{\"k\": \"v\"")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json must be a JSON object of strings", false, false},
  {"connect: grpc_metadata_json an array", F_CONNECT, {STR(co.grpc_metadata_json, "[\"k\", \"v\"]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json must be a JSON object of strings", false, false},
  {"connect: grpc_metadata_json a string", F_CONNECT, {STR(co.grpc_metadata_json, "\"k\"")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json must be a JSON object of strings", false, false},
  {"connect: grpc_metadata_json null", F_CONNECT, {STR(co.grpc_metadata_json, "null")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json must be a JSON object of strings", false, false},
  {"connect: grpc_metadata_json number value", F_CONNECT, {STR(co.grpc_metadata_json, "{\"k\": 1}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json must be a JSON object of strings", false, false},
  {"connect: grpc_metadata_json object value", F_CONNECT, {STR(co.grpc_metadata_json, "{\"k\": {\"a\": \"b\"}}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json must be a JSON object of strings", false, false},
  {"connect: grpc_metadata_json null value", F_CONNECT, {STR(co.grpc_metadata_json, "{\"k\": null}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json must be a JSON object of strings", false, false},
  {"connect: grpc_metadata_json 10000 '['", F_CONNECT, {GEN(co.grpc_metadata_json, deep_open)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json must be a JSON object of strings", false, false},
  {"connect: grpc_metadata binary key", F_CONNECT, {STR(co.grpc_metadata_json, "{\"k-bin\": \"x\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "binary (-bin) metadata is not supported", false, false},
  {"connect: grpc_metadata key with a space", F_CONNECT, {STR(co.grpc_metadata_json, "{\"bad key\": \"v\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "is not a valid header name", false, false},
  {"connect: grpc_metadata empty key", F_CONNECT, {STR(co.grpc_metadata_json, "{\"\": \"v\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "is not a valid header name", false, false},
  {"connect: grpc_metadata value with a newline", F_CONNECT, {STR(co.grpc_metadata_json, "{\"k\": \"a\\nb\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "is not valid header text", false, false},
  {"connect: grpc_metadata value with a NUL escape", F_CONNECT, {STR(co.grpc_metadata_json, "{\"k\": \"a\\u0000b\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "is not valid header text", false, false},
  {"connect: connect_timeout_ms UINT64_MAX", F_CONNECT, {U64(co.connect_timeout_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "connect_timeout_ms of 18446744073709551615 ms is out of range", false, false},
  {"connect: connect_timeout_ms 100 years + 1 ms", F_CONNECT, {U64(co.connect_timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "connect_timeout_ms", false, false},
  {"connect: address not host:port", F_CONNECT, {STR(co.address, "::not an address::")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "invalid server address", false, false},
  {"connect: after a panic", F_CONNECT, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true},
  {"connect: works after the panic", F_CONNECT, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false},

  /* ---- temporal_client_free */
  {"client_free(NULL) is a no-op", F_CLIENT_FREE, {NUL(client)}, TEMPORAL_ERROR_CODE_OK, "", false, false},
  {"client_free(an error) is refused", F_CLIENT_FREE, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_OK, "", false, false},
  {"client_free(a run) is refused", F_CLIENT_FREE, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "", false, false},

  /* ---- temporal_start_workflow_options_default */
  {"start_options_default(NULL) is a no-op", F_START_OPTIONS_DEFAULT, {NUL(start_options)}, TEMPORAL_ERROR_CODE_OK, "", false, false},
  {"start_options_default resets a garbage struct", F_START_OPTIONS_DEFAULT, {{0}}, TEMPORAL_ERROR_CODE_OK, "defaults", false, false},

  /* ---- temporal_execute_workflow: pointers and handles */
  {"execute: baseline works", F_EXECUTE, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false},
  {"execute: NULL client", F_EXECUTE, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false},
  {"execute: an error as the client", F_EXECUTE, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false},
  {"execute: a run as the client", F_EXECUTE, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false},
  {"execute: NULL workflow_type", F_EXECUTE, {NUL(workflow_type)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_type must not be NULL", false, false},
  {"execute: NULL args_json means no arguments", F_EXECUTE, {NUL(args_json)}, TEMPORAL_ERROR_CODE_OK, "", false, false},
  {"execute: NULL options", F_EXECUTE, {NUL(start_options)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options must not be NULL", false, false},
  {"execute: NULL run_out", F_EXECUTE, {NUL(run_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_out must not be NULL", false, false},
  /* invalid UTF-8 in every string */
  {"execute: invalid UTF-8 workflow_type", F_EXECUTE, {STR(workflow_type, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_type is not valid UTF-8", false, false},
  {"execute: invalid UTF-8 args_json", F_EXECUTE, {STR(args_json, "[\"" BAD "\"]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "args_json is not valid UTF-8", false, false},
  {"execute: invalid UTF-8 options.id", F_EXECUTE, {STR(so.id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.id is not valid UTF-8", false, false},
  {"execute: invalid UTF-8 options.task_queue", F_EXECUTE, {STR(so.task_queue, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.task_queue is not valid UTF-8", false, false},
  {"execute: invalid UTF-8 options.cron_schedule", F_EXECUTE, {STR(so.cron_schedule, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.cron_schedule is not valid UTF-8", false, false},
  {"execute: invalid UTF-8 options.memo_json", F_EXECUTE, {STR(so.memo_json, "{\"m\": \"" BAD "\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.memo_json is not valid UTF-8", false, false},
  {"execute: invalid UTF-8 options.search_attributes_json", F_EXECUTE, {STR(so.search_attributes_json, "{\"CustomKeywordField\": \"" BAD "\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.search_attributes_json is not valid UTF-8", false, false},
  {"execute: invalid UTF-8 retry_policy.non_retryable_error_types_json", F_EXECUTE, {STR(rp.non_retryable_error_types_json, "[\"" BAD "\"]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "non_retryable_error_types_json is not valid UTF-8", false, false},
  {"execute: empty workflow_type", F_EXECUTE, {STR(workflow_type, "")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow type is required", false, false},
  {"execute: empty task_queue", F_EXECUTE, {STR(so.task_queue, "")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "task queue is required", false, false},
  /* args_json */
  {"execute: args_json not JSON", F_EXECUTE, {STR(args_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", false, false},
  {"execute: args_json an object", F_EXECUTE, {STR(args_json, "{\"a\": 1}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", false, false},
  {"execute: args_json a string", F_EXECUTE, {STR(args_json, "\"x\"")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", false, false},
  {"execute: args_json a number", F_EXECUTE, {STR(args_json, "1")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", false, false},
  {"execute: args_json null", F_EXECUTE, {STR(args_json, "null")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", false, false},
  {"execute: args_json truncated", F_EXECUTE, {STR(args_json, "[1, {\"a\": ")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", false, false},
  {"execute: args_json truncated string", F_EXECUTE, {STR(args_json, "[\"abc")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", false, false},
  {"execute: args_json trailing garbage", F_EXECUTE, {STR(args_json, "[1]]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", false, false},
  {"execute: args_json bad escape", F_EXECUTE, {STR(args_json, "[\"\\x\"]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", false, false},
  {"execute: args_json 10000 '['", F_EXECUTE, {GEN(args_json, deep_open)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", true, false},
  {"execute: args_json 10000 nested arrays, balanced", F_EXECUTE, {GEN(args_json, deep_balanced)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", true, false},
  {"execute: args_json over the server's blob size limit (3 MiB string)", F_EXECUTE, {GEN(args_json, huge_payload)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "Blob data size exceeds limit", false, false},
  {"execute: args_json with an escaped lone surrogate", F_EXECUTE, {STR(args_json, "[\"\\ud800\"]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", true, false},
  {"execute: args_json \"\" means no arguments", F_EXECUTE, {STR(args_json, "")}, TEMPORAL_ERROR_CODE_OK, "", false, false},
  /* memo / search attributes */
  {"execute: memo_json an array", F_EXECUTE, {STR(so.memo_json, "[1]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "memo must be a JSON object", false, false},
  {"execute: memo_json a string", F_EXECUTE, {STR(so.memo_json, "\"m\"")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "memo must be a JSON object", false, false},
  {"execute: memo_json null", F_EXECUTE, {STR(so.memo_json, "null")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "memo must be a JSON object", false, false},
  {"execute: memo_json not JSON", F_EXECUTE, {STR(so.memo_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "memo must be a JSON object", false, false},
  {"execute: memo_json truncated", F_EXECUTE, {STR(so.memo_json, "{\"m\": ")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "memo must be a JSON object", false, false},
  {"execute: memo_json 10000 '[' inside", F_EXECUTE, {GEN(so.memo_json, deep_object)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "memo must be a JSON object", false, false},
  {"execute: search_attributes_json an array", F_EXECUTE, {STR(so.search_attributes_json, "[\"CustomKeywordField\"]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "search attributes must be a JSON object", false, false},
  {"execute: search_attributes_json truncated", F_EXECUTE, {STR(so.search_attributes_json, "{")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "search attributes must be a JSON object", false, false},
  {"execute: search_attributes_json a number", F_EXECUTE, {STR(so.search_attributes_json, "42")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "search attributes must be a JSON object", false, false},
  {"execute: search attribute not registered", F_EXECUTE, {STR(so.search_attributes_json, "{\"NoSuchAttribute\": \"x\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "NoSuchAttribute", false, false},
  {"execute: search attribute of the wrong type", F_EXECUTE, {STR(so.search_attributes_json, "{\"CustomIntField\": \"not an int\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "CustomIntField", false, false},
  /* retry policy */
  {"execute: non_retryable_error_types_json an object", F_EXECUTE, {STR(rp.non_retryable_error_types_json, "{}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "non_retryable_error_types_json must be a JSON array of strings", false, false},
  {"execute: non_retryable_error_types_json of numbers", F_EXECUTE, {STR(rp.non_retryable_error_types_json, "[1, 2]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "non_retryable_error_types_json must be a JSON array of strings", false, false},
  {"execute: non_retryable_error_types_json nested", F_EXECUTE, {STR(rp.non_retryable_error_types_json, "[[\"a\"]]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "non_retryable_error_types_json must be a JSON array of strings", false, false},
  {"execute: non_retryable_error_types_json with null", F_EXECUTE, {STR(rp.non_retryable_error_types_json, "[null]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "non_retryable_error_types_json must be a JSON array of strings", false, false},
  {"execute: non_retryable_error_types_json a string", F_EXECUTE, {STR(rp.non_retryable_error_types_json, "\"MyError\"")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "non_retryable_error_types_json must be a JSON array of strings", false, false},
  {"execute: non_retryable_error_types_json truncated", F_EXECUTE, {STR(rp.non_retryable_error_types_json, "[\"a\"")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "non_retryable_error_types_json must be a JSON array of strings", false, false},
  {"execute: backoff_coefficient 0.5", F_EXECUTE, {F64(rp.backoff_coefficient, 0.5)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "backoff coefficient must be 0 (server default) or at least 1", false, false},
  {"execute: backoff_coefficient NaN", F_EXECUTE, {F64(rp.backoff_coefficient, NAN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "backoff coefficient", false, false},
  {"execute: backoff_coefficient INFINITY", F_EXECUTE, {F64(rp.backoff_coefficient, INFINITY)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "backoff coefficient", false, false},
  {"execute: backoff_coefficient -INFINITY", F_EXECUTE, {F64(rp.backoff_coefficient, -INFINITY)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "backoff coefficient", false, false},
  {"execute: backoff_coefficient -1", F_EXECUTE, {F64(rp.backoff_coefficient, -1.0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "backoff coefficient", false, false},
  {"execute: maximum_attempts -1", F_EXECUTE, {I32(rp.maximum_attempts, -1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "maximum attempts must not be negative", false, false},
  {"execute: maximum_attempts INT32_MIN", F_EXECUTE, {I32(rp.maximum_attempts, INT32_MIN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "maximum attempts must not be negative", false, false},
  {"execute: retry initial_interval_ms UINT64_MAX", F_EXECUTE, {U64(rp.initial_interval_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "initial_interval_ms of 18446744073709551615 ms is out of range", false, false},
  {"execute: retry maximum_interval_ms UINT64_MAX", F_EXECUTE, {U64(rp.maximum_interval_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "maximum_interval_ms of 18446744073709551615 ms is out of range", false, false},
  /* enums */
  {"execute: id_reuse_policy 99", F_EXECUTE, {I32(so.id_reuse_policy, 99)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown workflow ID reuse policy 99", false, false},
  {"execute: id_reuse_policy -1", F_EXECUTE, {I32(so.id_reuse_policy, -1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown workflow ID reuse policy -1", false, false},
  {"execute: id_reuse_policy 5", F_EXECUTE, {I32(so.id_reuse_policy, 5)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown workflow ID reuse policy 5", false, false},
  {"execute: id_reuse_policy INT32_MIN", F_EXECUTE, {I32(so.id_reuse_policy, INT32_MIN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown workflow ID reuse policy", false, false},
  {"execute: id_conflict_policy 4", F_EXECUTE, {I32(so.id_conflict_policy, 4)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown workflow ID conflict policy 4", false, false},
  {"execute: id_conflict_policy -1", F_EXECUTE, {I32(so.id_conflict_policy, -1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown workflow ID conflict policy -1", false, false},
  {"execute: id_conflict_policy 99", F_EXECUTE, {I32(so.id_conflict_policy, 99)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown workflow ID conflict policy 99", false, false},
  /* durations */
  {"execute: execution_timeout_ms UINT64_MAX", F_EXECUTE, {U64(so.execution_timeout_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "execution_timeout_ms of 18446744073709551615 ms is out of range", false, false},
  {"execute: run_timeout_ms UINT64_MAX", F_EXECUTE, {U64(so.run_timeout_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_timeout_ms of 18446744073709551615 ms is out of range", false, false},
  {"execute: task_timeout_ms UINT64_MAX", F_EXECUTE, {U64(so.task_timeout_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "task_timeout_ms of 18446744073709551615 ms is out of range", false, false},
  {"execute: start_delay_ms UINT64_MAX", F_EXECUTE, {U64(so.start_delay_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "start_delay_ms of 18446744073709551615 ms is out of range", false, false},
  {"execute: execution_timeout_ms 100 years + 1 ms", F_EXECUTE, {U64(so.execution_timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "execution_timeout_ms", false, false},
  {"execute: cron_schedule not a cron", F_EXECUTE, {STR(so.cron_schedule, "not a cron")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "invalid CronSchedule", false, false},
  /* panic */
  {"execute: after a panic", F_EXECUTE, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true},
  {"execute: works after the panic", F_EXECUTE, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false},

  /* ---- temporal_get_workflow */
  {"get_workflow: baseline works", F_GET_WORKFLOW, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false},
  {"get_workflow: NULL client", F_GET_WORKFLOW, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false},
  {"get_workflow: an error as the client", F_GET_WORKFLOW, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false},
  {"get_workflow: a run as the client", F_GET_WORKFLOW, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false},
  {"get_workflow: NULL workflow_id", F_GET_WORKFLOW, {NUL(workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id must not be NULL", false, false},
  {"get_workflow: empty workflow_id", F_GET_WORKFLOW, {STR(workflow_id, "")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow ID is required", false, false},
  {"get_workflow: NULL run_id means the latest run", F_GET_WORKFLOW, {NUL(run_id)}, TEMPORAL_ERROR_CODE_OK, "", false, false},
  {"get_workflow: NULL run_out", F_GET_WORKFLOW, {NUL(run_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_out must not be NULL", false, false},
  {"get_workflow: invalid UTF-8 workflow_id", F_GET_WORKFLOW, {STR(workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id is not valid UTF-8", false, false},
  {"get_workflow: invalid UTF-8 run_id", F_GET_WORKFLOW, {STR(run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_id is not valid UTF-8", false, false},
  {"get_workflow: after a panic", F_GET_WORKFLOW, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true},
  {"get_workflow: works after the panic", F_GET_WORKFLOW, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false},

  /* ---- temporal_get_result */
  {"get_result: baseline works", F_GET_RESULT, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false},
  {"get_result: NULL run", F_GET_RESULT, {NUL(run)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run must not be NULL", false, false},
  {"get_result: an error as the run", F_GET_RESULT, {HANDLE(run, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run is not a handle of the right kind", false, false},
  {"get_result: a client as the run", F_GET_RESULT, {HANDLE(run, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run is not a handle of the right kind", false, false},
  {"get_result: NULL result_json_out", F_GET_RESULT, {NUL(result_json_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "result_json_out must not be NULL", false, false},
  {"get_result: timeout_ms UINT64_MAX", F_GET_RESULT, {U64(timeout_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "timeout_ms of 18446744073709551615 ms is out of range", false, false},
  {"get_result: timeout_ms 100 years + 1 ms", F_GET_RESULT, {U64(timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "timeout_ms", false, false},
  {"get_result: timeout_ms 100 years is accepted", F_GET_RESULT, {U64(timeout_ms, HUNDRED_YEARS_MS)}, TEMPORAL_ERROR_CODE_OK, "", false, false},
  {"get_result: after a panic", F_GET_RESULT, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true},
  {"get_result: works after the panic", F_GET_RESULT, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false},

  /* ---- run getters and free */
  {"run_get_id(NULL)", F_RUN_GET_ID, {NUL(run)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false},
  {"run_get_id(an error)", F_RUN_GET_ID, {HANDLE(run, H_ERROR)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false},
  {"run_get_id(a client)", F_RUN_GET_ID, {HANDLE(run, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false},
  {"run_get_run_id(NULL)", F_RUN_GET_RUN_ID, {NUL(run)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false},
  {"run_get_run_id(an error)", F_RUN_GET_RUN_ID, {HANDLE(run, H_ERROR)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false},
  {"run_get_run_id(a client)", F_RUN_GET_RUN_ID, {HANDLE(run, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false},
  {"run_free(NULL) is a no-op", F_RUN_FREE, {NUL(run)}, TEMPORAL_ERROR_CODE_OK, "", false, false},
  {"run_free(an error) is refused", F_RUN_FREE, {HANDLE(run, H_ERROR)}, TEMPORAL_ERROR_CODE_OK, "", false, false},
  {"run_free(a client) is refused", F_RUN_FREE, {HANDLE(run, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "", false, false},

  /* ---- error getters and free */
  {"error_get_code(NULL) is OK", F_ERROR_GET_CODE, {NUL(error)}, TEMPORAL_ERROR_CODE_OK, "", false, false},
  {"error_get_code(a run)", F_ERROR_GET_CODE, {HANDLE(error, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "", false, false},
  {"error_get_code(a client)", F_ERROR_GET_CODE, {HANDLE(error, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "", false, false},
  {"error_get_message(NULL)", F_ERROR_GET_MESSAGE, {NUL(error)}, TEMPORAL_ERROR_CODE_OK, "\"\"", false, false},
  {"error_get_message(a run)", F_ERROR_GET_MESSAGE, {HANDLE(error, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "\"\"", false, false},
  {"error_get_message(a client)", F_ERROR_GET_MESSAGE, {HANDLE(error, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "\"\"", false, false},
  {"error_get_details(NULL)", F_ERROR_GET_DETAILS, {NUL(error)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false},
  {"error_get_details(a run)", F_ERROR_GET_DETAILS, {HANDLE(error, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false},
  {"error_get_details(a client)", F_ERROR_GET_DETAILS, {HANDLE(error, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false},
  {"error_free(NULL) is a no-op", F_ERROR_FREE, {NUL(error)}, TEMPORAL_ERROR_CODE_OK, "", false, false},
  {"error_free(a run) is refused", F_ERROR_FREE, {HANDLE(error, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "", false, false},
  {"error_free(a client) is refused", F_ERROR_FREE, {HANDLE(error, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "", false, false},
  {"string_free(NULL) is a no-op", F_STRING_FREE, {NUL(string)}, TEMPORAL_ERROR_CODE_OK, "", false, false},

  /* ---- the handles passed to the wrong free functions above are intact */
  {"the error survived client_free/run_free", F_ERROR_GET_MESSAGE, {HANDLE(error, H_ERROR)}, TEMPORAL_ERROR_CODE_OK, "\"workflow_id must not be NULL\"", false, false},
  {"the error's code survived", F_ERROR_GET_CODE, {HANDLE(error, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "", false, false},
  {"the run survived client_free/error_free", F_RUN_GET_ID, {HANDLE(run, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "\"badinput-fixture-", false, false},
  {"the run's run ID survived", F_RUN_GET_RUN_ID, {HANDLE(run, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "-", false, false},
  {"the client survived run_free/error_free", F_EXECUTE, {HANDLE(client, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "", false, false},
};
/* clang-format on */

/* ---------------------------------------------------------------- fixtures */

static const char *g_address;
static const char *g_queue;
static temporal_client *g_client;   /* H_CLIENT */
static temporal_workflow_run *g_run; /* H_RUN: a completed Echo workflow */
static temporal_error *g_err;       /* H_ERROR: "workflow_id must not be NULL" */
static char g_fixture_id[96];

static void *handle_ptr(enum handle h) {
  switch (h) {
    case H_CLIENT: return g_client;
    case H_RUN: return g_run;
    case H_ERROR: return g_err;
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
static void baseline(struct call *c, int row_index) {
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
                                    char *problem, size_t pcap) {
  temporal_error *e = NULL;
  const char *s = NULL;
  bool returns_error = false, returns_string = false;
  text[0] = problem[0] = '\0';
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
    } else if (fn == F_EXECUTE || fn == F_GET_WORKFLOW) {
      if (c->run_result == (temporal_workflow_run *)(void *)c) snprintf(problem, pcap, "no run written");
      else temporal_workflow_run_free(c->run_result);
    } else if (fn == F_GET_RESULT) {
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
  return 0;
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
    baseline(&c, (int)i);
    for (size_t k = 0; k < sizeof r->p / sizeof r->p[0]; k++) apply(&c, &r->p[k]);
    static char text[4096], problem[256];
    double t0 = now_s();
    if (r->panic) temporal_testing_panic_next_call();
    temporal_error_code code = dispatch(&c, r->fn, text, sizeof text, problem, sizeof problem);
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
      if (!covered[f]) {
        failed++;
        printf("FAIL no row covers %s\n", FN_NAMES[f]);
      }
    }
  }

  temporal_error_free(g_err);
  temporal_workflow_run_free(g_run);
  temporal_client_free(g_client);
  for (size_t i = 0; i < g_ngenerated; i++) free(g_generated[i]);
  printf("bad input: %d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
