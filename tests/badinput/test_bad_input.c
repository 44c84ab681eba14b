/*
 * test_bad_input: a table-driven test of every function in temporal.h with bad input.
 *
 * Run it inside tests/harness/with-dev-server.sh (TEMPORAL_ADDRESS, TEMPORAL_TEST_TASK_QUEUE),
 * from the repository root (it reads include/temporal.h; TEMPORAL_HEADER names another path).
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
 *   - the other getters: code OK and a short rendering ("true", "-1", "a run of ID"...);
 *   - void functions: OK and "" (the *_default rows: "defaults" when every field was reset);
 *   - `_async` functions: an error returned at once is reduced as above, and the call must
 *     then never complete (no callback ~100 ms later, nothing on the queue); on NULL the call
 *     must complete exactly once, in the form its call options chose, and the outcome is what
 *     the completed call holds: its error's code and message, or OK and its JSON. A row's
 *     `later` says an error is expected from the completed call (server-side errors);
 *     otherwise an error must come at once. The baseline's completion form rotates with the
 *     row's index (callback, completion queue, temporal_call_wait), so every function is
 *     seen in all three; the form used is shown after the row's text.
 *   - `special` rows run a scenario of their own (blocking inside a callback, a call freed
 *     inside its callback or before it completed, a lent error freed, queue corner cases, a
 *     host meter or a payload codec at connect).
 *   - payload list functions: a fresh list per row (row_list); a refused call must leave it
 *     reading exactly as before; a success is rendered as "{key=value,...} data <bytes>".
 * temporal_runtime_shutdown is not called here (it would end the library for the whole process):
 * it is covered by tests/runtime_control.rs and listed in NOT_RUN_HERE for the coverage check.
 * Coverage: every function the header declares must be in FN_NAMES (checked by reading the
 * header), and every one in FN_NAMES must have a row. Every failing call must also leave its
 * output untouched, and every message and details text must be valid UTF-8. The last line is
 * exactly "bad input: N passed, M failed".
 * Compiles as C11 (GCC and Clang: offsetof of nested members is used).
 */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <poll.h>
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

/* Not in the header: the test build's hook (cargo feature `testing`). */
void temporal_testing_panic_next_call(void);

/* ---------------------------------------------------------------- the call being made */

enum fn {
  F_VERSION,
  F_CODE_NAME,
  F_STRING_FREE,
  F_CALL_OPTIONS_DEFAULT,
  F_CALL_WAIT,
  F_CALL_IS_DONE,
  F_CALL_GET_ERROR,
  F_CALL_GET_JSON,
  F_CALL_TAKE_RUN,
  F_CALL_TAKE_CLIENT,
  F_CALL_GET_COUNT,
  F_CALL_GET_UPDATE_ID,
  F_CALL_GET_USER_DATA,
  F_CALL_CANCEL,
  F_CALL_FREE,
  F_CLIENT_OPTIONS_DEFAULT,
  F_CONNECT_ASYNC,
  F_CONNECT,
  F_CLIENT_FREE,
  F_CLIENT_SET_API_KEY,
  F_CLIENT_SET_GRPC_METADATA,
  F_CLIENT_NEW_FROM_EXISTING,
  F_QUEUE_NEW,
  F_QUEUE_FD,
  F_QUEUE_NEXT,
  F_QUEUE_FREE,
  F_ERROR_GET_CODE,
  F_ERROR_GET_MESSAGE,
  F_ERROR_GET_DETAILS,
  F_ERROR_FREE,
  F_HOST_METER_DEFAULT,
  F_METRICS_ADDRESS,
  F_SIGNAL_ASYNC,
  F_SWS_ASYNC,
  F_QUERY_ASYNC,
  F_UPDATE_ASYNC,
  F_CANCEL_ASYNC,
  F_TERMINATE_ASYNC,
  F_TARGET_OPTIONS_DEFAULT,
  F_CANCEL_WITH_OPTIONS_ASYNC,
  F_TERMINATE_WITH_OPTIONS_ASYNC,
  F_DESCRIBE_ASYNC,
  F_LIST_ASYNC,
  F_COUNT_ASYNC,
  F_HISTORY_ASYNC,
  F_PAYLOADS_NEW,
  F_PAYLOADS_FREE,
  F_PAYLOADS_LEN,
  F_PAYLOADS_PUSH,
  F_PAYLOADS_PUSH_JSON,
  F_PAYLOADS_PUSH_PROTO,
  F_PAYLOADS_SET_METADATA,
  F_PAYLOADS_GET_DATA,
  F_PAYLOADS_METADATA_LEN,
  F_PAYLOADS_GET_METADATA_AT,
  F_PAYLOADS_GET_METADATA,
  F_PAYLOADS_GET_JSON,
  F_PAYLOADS_GET_PROTO,
  F_BYTES_FREE,
  F_PAYLOADS_SET_ERROR,
  F_PAYLOAD_CODEC_DEFAULT,
  F_RAW_RPC_ASYNC,
  F_RUNTIME_OPTIONS_DEFAULT,
  F_RUNTIME_INIT,
  F_RUNTIME_SHUTDOWN, /* NOT_RUN_HERE */
  F_START_OPTIONS_DEFAULT,
  F_RETRY_POLICY_DEFAULT,
  F_EXECUTE_ASYNC,
  F_EXECUTE,
  F_GET_WORKFLOW,
  F_GET_RESULT_ASYNC,
  F_GET_RESULT,
  F_RESOLVE_ASYNC,
  F_RUN_GET_ID,
  F_RUN_GET_RUN_ID,
  F_RUN_FREE,
  F_ACTIVITY_COMPLETION_DEFAULT,
  F_COMPLETE_ACTIVITY_ASYNC,
  F_COMPLETE_ACTIVITY_BY_ID_ASYNC,
  F_HEARTBEAT_ASYNC,
  F_HEARTBEAT_BY_ID_ASYNC,
  F_UPDATE_OPTIONS_DEFAULT,
  F_START_UPDATE_ASYNC,
  F_GET_UPDATE_HANDLE,
  F_UPDATE_HANDLE_GET_RESULT_ASYNC,
  F_UPDATE_HANDLE_GET_ID,
  F_UPDATE_HANDLE_GET_WORKFLOW_ID,
  F_UPDATE_HANDLE_GET_RUN_ID,
  F_UPDATE_HANDLE_FREE,
  F_UWS_ASYNC,
  F_CALL_TAKE_UPDATE_HANDLE,
  F_CALL_TAKE_PAYLOADS,
  F_CALL_GET_BYTES,
  F_HISTORY_PAGE_ASYNC,
  F_QUERY_OPTIONS_DEFAULT,
  F_QUERY_WITH_OPTIONS_ASYNC,
  F_SEARCH_ATTRIBUTES_ASYNC,
  F_DESCRIBE_TASK_QUEUE_ASYNC,
  F_RESET_ASYNC,
  F_CHECK_HEALTH_ASYNC,
  F_SCHED_OPTIONS_DEFAULT,
  F_SCHED_CREATE_ASYNC,
  F_SCHED_DESCRIBE_ASYNC,
  F_SCHED_UPDATE_ASYNC,
  F_SCHED_PAUSE_ASYNC,
  F_SCHED_UNPAUSE_ASYNC,
  F_SCHED_TRIGGER_ASYNC,
  F_SCHED_BACKFILL_ASYNC,
  F_SCHED_DELETE_ASYNC,
  F_SCHED_LIST_ASYNC,
  F_CLIENT_GET_NAMESPACE,
  F_TESTING_PANIC, /* NOT_IN_HEADER */
};

/* In the header's order; main() checks this list against the header's declarations. */
static const char *const FN_NAMES[] = {
    "temporal_version", "temporal_error_code_name", "temporal_string_free",
    "temporal_call_options_default", "temporal_call_wait", "temporal_call_is_done",
    "temporal_call_get_error", "temporal_call_get_json", "temporal_call_take_run",
    "temporal_call_take_client", "temporal_call_get_count", "temporal_call_get_update_id",
    "temporal_call_get_user_data", "temporal_call_cancel", "temporal_call_free",
    "temporal_client_options_default", "temporal_client_connect_async", "temporal_client_connect",
    "temporal_client_free", "temporal_client_set_api_key", "temporal_client_set_grpc_metadata",
    "temporal_client_new_from_existing", "temporal_completion_queue_new", "temporal_completion_queue_fd",
    "temporal_completion_queue_next", "temporal_completion_queue_free", "temporal_error_get_code",
    "temporal_error_get_message", "temporal_error_get_details", "temporal_error_free",
    "temporal_host_meter_default", "temporal_runtime_metrics_address",
    "temporal_signal_workflow_async", "temporal_signal_with_start_workflow_async",
    "temporal_query_workflow_async", "temporal_update_workflow_async",
    "temporal_cancel_workflow_async", "temporal_terminate_workflow_async",
    "temporal_workflow_target_options_default", "temporal_cancel_workflow_with_options_async",
    "temporal_terminate_workflow_with_options_async",
    "temporal_describe_workflow_execution_async", "temporal_list_workflow_async",
    "temporal_count_workflow_async", "temporal_get_workflow_history_async",
    "temporal_payloads_new", "temporal_payloads_free", "temporal_payloads_len", "temporal_payloads_push",
    "temporal_payloads_push_json", "temporal_payloads_push_proto", "temporal_payloads_set_metadata",
    "temporal_payloads_get_data", "temporal_payloads_metadata_len", "temporal_payloads_get_metadata_at",
    "temporal_payloads_get_metadata", "temporal_payloads_get_json", "temporal_payloads_get_proto",
    "temporal_bytes_free", "temporal_payloads_set_error", "temporal_payload_codec_default",
    "temporal_raw_rpc_async",
    "temporal_runtime_options_default", "temporal_runtime_init", "temporal_runtime_shutdown",
    "temporal_start_workflow_options_default", "temporal_retry_policy_default",
    "temporal_execute_workflow_async", "temporal_execute_workflow", "temporal_get_workflow",
    "temporal_get_result_async", "temporal_get_result",
    "temporal_workflow_run_resolve_run_id_async", "temporal_workflow_run_get_id",
    "temporal_workflow_run_get_run_id", "temporal_workflow_run_free",
    "temporal_activity_completion_default", "temporal_complete_activity_async",
    "temporal_complete_activity_by_id_async", "temporal_record_activity_heartbeat_async",
    "temporal_record_activity_heartbeat_by_id_async",
    "temporal_update_options_default", "temporal_start_update_async", "temporal_get_workflow_update_handle",
    "temporal_update_handle_get_result_async", "temporal_update_handle_get_id",
    "temporal_update_handle_get_workflow_id", "temporal_update_handle_get_run_id", "temporal_update_handle_free",
    "temporal_update_with_start_workflow_async", "temporal_call_take_update_handle",
    "temporal_call_take_payloads", "temporal_call_get_bytes",
    "temporal_get_workflow_history_page_async", "temporal_query_options_default",
    "temporal_query_workflow_with_options_async", "temporal_get_search_attributes_async",
    "temporal_describe_task_queue_async", "temporal_reset_workflow_execution_async",
    "temporal_check_health_async",
    "temporal_schedule_options_default", "temporal_schedule_create_async", "temporal_schedule_describe_async",
    "temporal_schedule_update_async", "temporal_schedule_pause_async", "temporal_schedule_unpause_async",
    "temporal_schedule_trigger_async", "temporal_schedule_backfill_async", "temporal_schedule_delete_async",
    "temporal_schedule_list_async", "temporal_client_get_namespace", "temporal_testing_panic_next_call",
};
_Static_assert(sizeof FN_NAMES / sizeof FN_NAMES[0] == F_TESTING_PANIC + 1, "FN_NAMES and enum fn differ");
#define N_FN (sizeof FN_NAMES / sizeof FN_NAMES[0])

/* Exported functions deliberately not called by this program (the coverage check skips them):
   temporal_runtime_shutdown ends the library for the whole process; tests/runtime_control.rs
   covers it (pending calls CANCELED, later calls SHUTDOWN, twice a no-op, from a callback). */
static const enum fn NOT_RUN_HERE[] = {F_RUNTIME_SHUTDOWN};
/* Functions of FN_NAMES that the header does not declare, on purpose: the test build's hook. */
static const enum fn NOT_IN_HEADER[] = {F_TESTING_PANIC};

static bool is_async(enum fn fn) {
  switch (fn) {
    case F_SIGNAL_ASYNC: case F_SWS_ASYNC: case F_QUERY_ASYNC: case F_UPDATE_ASYNC:
    case F_CANCEL_ASYNC: case F_TERMINATE_ASYNC: case F_DESCRIBE_ASYNC: case F_LIST_ASYNC:
    case F_CANCEL_WITH_OPTIONS_ASYNC: case F_TERMINATE_WITH_OPTIONS_ASYNC:
    case F_COUNT_ASYNC: case F_HISTORY_ASYNC: case F_EXECUTE_ASYNC: case F_GET_RESULT_ASYNC:
    case F_CONNECT_ASYNC: case F_RESOLVE_ASYNC:
    case F_COMPLETE_ACTIVITY_ASYNC: case F_COMPLETE_ACTIVITY_BY_ID_ASYNC: case F_HEARTBEAT_ASYNC:
    case F_HEARTBEAT_BY_ID_ASYNC:
    case F_START_UPDATE_ASYNC: case F_UPDATE_HANDLE_GET_RESULT_ASYNC: case F_UWS_ASYNC:
    case F_RAW_RPC_ASYNC:
    case F_HISTORY_PAGE_ASYNC: case F_QUERY_WITH_OPTIONS_ASYNC: case F_SEARCH_ATTRIBUTES_ASYNC:
    case F_DESCRIBE_TASK_QUEUE_ASYNC: case F_RESET_ASYNC: case F_CHECK_HEALTH_ASYNC:
    case F_SCHED_CREATE_ASYNC: case F_SCHED_DESCRIBE_ASYNC: case F_SCHED_UPDATE_ASYNC: case F_SCHED_PAUSE_ASYNC:
    case F_SCHED_UNPAUSE_ASYNC: case F_SCHED_TRIGGER_ASYNC: case F_SCHED_BACKFILL_ASYNC: case F_SCHED_DELETE_ASYNC:
    case F_SCHED_LIST_ASYNC:
      return true;
    default: return false;
  }
}

/* Every parameter of every function, plus the structs the option pointers point to. Each
   options struct is followed by a tail of bytes, so that a row can declare a larger struct
   (from a "newer header") whose unknown fields are zero or not. */
struct call {
  /* parameters */
  int32_t code;
  temporal_client_options *client_options; /* also the *_default target */
  temporal_client **client_out;
  temporal_client *client;
  const char *workflow_type;
  const char *args_json;
  temporal_start_workflow_options *start_options; /* also the *_default target */
  temporal_retry_policy *retry_policy;            /* the *_default target */
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
  temporal_workflow_target_options *target_options; /* also the *_default target */
  const char *query;
  int32_t page_size;
  const char *page_token;
  temporal_call_options *call_options; /* also the *_default target */
  temporal_call **call_out;
  temporal_call *call;
  int64_t *count_out;
  temporal_completion_queue **queue_out;
  temporal_completion_queue *queue;
  temporal_runtime_options *runtime_options; /* also the *_default target */
  const uint8_t *task_token;
  size_t task_token_len;
  const char *namespace_name;
  const char *activity_id;
  temporal_activity_completion *completion; /* also the *_default target */
  temporal_update_options *update_options;  /* also the *_default target */
  temporal_update_handle *update_handle;
  temporal_update_handle **update_handle_out;
  const char *update_args_json;
  const char *api_key;
  const char *metadata_json;
  const char *identity;
  temporal_host_meter *host_meter;           /* the *_default target */
  char *buffer;                              /* temporal_runtime_metrics_address's */
  size_t buffer_size;
  size_t default_size;                       /* the *_default functions' size */
  /* the payload list functions (`bytes`: push's data, push_proto's bytes, set_metadata's value;
     `data_out`/`data_len_out`: get_data's, and the value of get_metadata(_at)) */
  temporal_payloads *payloads;
  temporal_payloads **payloads_out;
  const uint8_t *bytes;
  size_t bytes_len;
  const char *json_value;
  size_t index;
  size_t entry;
  const char *key;
  const char *message;
  const uint8_t **data_out;
  size_t *data_len_out;
  const char **key_out;
  uint8_t **bytes_out;
  size_t *len_out;
  uint8_t *owned_bytes; /* temporal_bytes_free's */
  size_t owned_len;
  temporal_payload_codec *codec; /* the *_default target */
  /* temporal_raw_rpc_async (its request is `bytes`); temporal_call_get_bytes writes to
     data_out/data_len_out */
  const char *service;
  const char *method;
  /* the history page, query with options, describe task queue and reset */
  int32_t filter_type;
  bool wait_new_event;
  temporal_query_options *query_options; /* also the *_default target */
  const char *task_queue;
  int32_t task_queue_type;
  int64_t event_id;
  /* the schedule functions (`query`, `page_size`, `page_token`: list's, as list_workflow's) */
  const char *schedule_id;
  temporal_schedule_options *schedule_options; /* also the *_default target */
  const char *conflict_token;
  const char *note;
  int32_t overlap_policy;
  const temporal_schedule_backfill *backfills;
  size_t backfills_len;
  /* what the schedule options' arrays and action point to */
  const char *crons[2];
  temporal_schedule_interval iv[1];
  temporal_schedule_calendar cal[1];
  temporal_schedule_backfill bf[1];
  temporal_start_workflow_options sso;
  /* what the option pointers point to, each with its tail */
  temporal_client_options co;
  unsigned char co_tail[16]; /* TAIL_BYTES */
  temporal_start_workflow_options so;
  unsigned char so_tail[16];
  temporal_retry_policy rp;
  unsigned char rp_tail[16];
  temporal_runtime_options ro;
  unsigned char ro_tail[16];
  temporal_call_options cpo;
  unsigned char cpo_tail[16];
  temporal_activity_completion ac;
  unsigned char ac_tail[16];
  temporal_update_options uo;
  unsigned char uo_tail[16];
  temporal_host_meter hm;
  unsigned char hm_tail[16];
  temporal_payload_codec pc;
  unsigned char pc_tail[16];
  temporal_workflow_target_options wto;
  unsigned char wto_tail[16];
  temporal_query_options qo;
  unsigned char qo_tail[16];
  temporal_schedule_options sco;
  unsigned char sco_tail[16];
  temporal_search_attribute tsa[2]; /* typed_search_attributes, attached by a patch inside */
  char buffer_space[64];
  /* outputs (initialised to a sentinel to prove they are untouched on failure) */
  temporal_client *client_result;
  temporal_workflow_run *run_result;
  char *result_json;
  temporal_call *call_result;
  temporal_completion_queue *queue_result;
  int64_t count_result;
  temporal_update_handle *update_handle_result;
  temporal_payloads *payloads_result;
  const uint8_t *data_result;
  size_t data_len_result;
  const char *key_result;
  uint8_t *bytes_result;
  size_t len_result;
};
#define TAIL_FOLLOWS(s, t) \
  _Static_assert(offsetof(struct call, t) == offsetof(struct call, s) + sizeof(((struct call *)0)->s), #t " does not follow " #s)
TAIL_FOLLOWS(co, co_tail);
TAIL_FOLLOWS(so, so_tail);
TAIL_FOLLOWS(rp, rp_tail);
TAIL_FOLLOWS(ro, ro_tail);
TAIL_FOLLOWS(cpo, cpo_tail);
TAIL_FOLLOWS(ac, ac_tail);
TAIL_FOLLOWS(uo, uo_tail);
TAIL_FOLLOWS(hm, hm_tail);
TAIL_FOLLOWS(pc, pc_tail);
TAIL_FOLLOWS(wto, wto_tail);
TAIL_FOLLOWS(qo, qo_tail);
TAIL_FOLLOWS(sco, sco_tail);

/* ---------------------------------------------------------------- patches and rows */

enum kind { V_NONE, V_STR, V_NULL, V_U64, V_U32, V_I32, V_F64, V_SIZE, V_U8, V_HANDLE, V_GEN, V_CALLBACK };
/* H_FRESH_BLOCK: the ID of a Block workflow started for the row (cancel/terminate targets);
   H_PENDING_CALL / H_DONE_CALL: see the call_cancel rows; H_CALL_*: see the call getter rows;
   H_REATTACHED(_MISSING): a run from temporal_get_workflow without a Run ID, of the completed
   fixture (of a workflow never started); H_BLOCK_RUN / H_BLOCK_ID: the running Block fixture;
   H_FRESH_ASYNC: the ID of an AsyncActivity workflow started for the row, its activity "async"
   pending; H_DONE_TOKEN: the task token of an activity already completed (its length goes into
   task_token_len too); H_UPDATE_HANDLE: a handle of a completed "add" update of the Counter
   fixture (its result is known); H_CALL_UPDATE_HANDLE: a completed start_update call, its handle
   untaken. Payload lists, each made for the row and freed after it: H_LIST the fixture list
   (see row_list), H_EMPTY_LIST an empty one, H_ARGS_LIST one argument (json/plain 1);
   H_FREED_LIST: what a freed list looks like (see g_freed_list); H_PROTO_BYTES: the bytes
   temporal_payloads_get_proto returned for the fixture's payload 0 (their length goes into
   owned_len); H_CALL_PAYLOADS: a completed get_result call made with result_as_payloads;
   H_CALL_BYTES: a completed raw RPC (GetSystemInfo). */
enum handle {
  H_CLIENT, H_RUN, H_ERROR, H_QUEUE, H_FRESH_BLOCK, H_PENDING_CALL, H_DONE_CALL, H_BLOCK_RUN, H_BLOCK_ID,
  H_REATTACHED, H_REATTACHED_MISSING, H_CALL_PENDING, H_CALL_JSON, H_CALL_ERROR, H_CALL_RUN,
  H_CALL_CLIENT, H_CALL_COUNT, H_CALL_UPDATE, H_FRESH_ASYNC, H_DONE_TOKEN, H_UPDATE_HANDLE,
  H_CALL_UPDATE_HANDLE, H_LIST, H_EMPTY_LIST, H_ARGS_LIST, H_FREED_LIST, H_PROTO_BYTES, H_CALL_PAYLOADS,
  H_CALL_BYTES,
};

struct patch {
  size_t offset;
  enum kind kind;
  union {
    const char *s;
    uint64_t u64;
    uint32_t u32;
    int32_t i32;
    double f64;
    size_t size;
    unsigned char u8;
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
#define SIZE(field, val) {AT(field), V_SIZE, {.size = (val)}}
/* One byte written through a char pointer: a bool field's byte set to 2, or a tail byte. */
#define U8(field, val) {AT(field), V_U8, {.u8 = (val)}}
#define HANDLE(field, val) {AT(field), V_HANDLE, {.h = (val)}}
#define GEN(field, fn) {AT(field), V_GEN, {.gen = (fn)}}
/* The counting callback, into call options. */
#define CALLBACK(field) {AT(field), V_CALLBACK, {.u64 = 0}}

/* A scenario that does not fit the patch model: returns the code, writes the text. */
typedef temporal_error_code (*special_fn)(char *text, size_t cap, char *problem, size_t pcap, int arg);

struct row {
  const char *desc;
  enum fn fn;
  struct patch p[3];
  temporal_error_code code; /* expected */
  const char *text;         /* expected substring of the message / rendered value; NULL: any */
  bool or_ok;               /* success is accepted too (e.g. "a clear error or success") */
  bool panic;               /* temporal_testing_panic_next_call() right before the call */
  bool later;               /* _async: the error is expected from the completed call, not at once */
  special_fn special;       /* NULL, or the scenario to run instead of a patched call */
  int arg;                  /* passed to `special` */
};

static temporal_error_code special_blocking_in_callback(char *, size_t, char *, size_t, int);
static temporal_error_code special_free_lent_error(char *, size_t, char *, size_t, int);
static temporal_error_code special_free_lent_error_in_callback(char *, size_t, char *, size_t, int);
static temporal_error_code special_free_before_completion(char *, size_t, char *, size_t, int);
static temporal_error_code special_free_in_callback(char *, size_t, char *, size_t, int);
static temporal_error_code special_queue_freed_call(char *, size_t, char *, size_t, int);
static temporal_error_code special_queue_cancel(char *, size_t, char *, size_t, int);
static temporal_error_code special_queue_freed_in_flight(char *, size_t, char *, size_t, int);
static temporal_error_code special_connect_host_meter(char *, size_t, char *, size_t, int);
static temporal_error_code special_connect_codec(char *, size_t, char *, size_t, int);

/* Invalid UTF-8: a lone continuation byte, an overlong encoding, a truncated sequence. */
#define BAD "bad-\xff\xfe-\xc0\xaf-\xe2\x82"
#define HUNDRED_YEARS_MS (100ULL * 365 * 24 * 3600 * 1000)
/* A temporal.api.common.v1.Payload protobuf: metadata {"encoding": "json/plain"} (field 1, a map
   entry of key 1 and value 2), data "1" (field 2). */
#define PAYLOAD_PROTO "\x0a\x16" "\x0a\x08" "encoding" "\x12\x0a" "json/plain" "\x12\x01" "1"
_Static_assert(sizeof PAYLOAD_PROTO - 1 == 27, "PAYLOAD_PROTO is 27 bytes");
_Static_assert(HUNDRED_YEARS_MS == TEMPORAL_MAX_DURATION_MS, "the header's longest duration is 100 years");

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

/* The running Block fixture's Run ID: the first execution of another chain (defined below). */
static const char *block_run_id(void);
/* The schedule fixture's ID (paused, yearly, an Echo action), and a schedule created for the
   row (defined below). */
static const char *fixture_schedule(void);
static const char *fresh_schedule(void);

/* clang-format off */
static const struct row ROWS[] = {
  /* ---- temporal_version, temporal_error_code_name */
  {"version is the header's", F_VERSION, {{0}}, TEMPORAL_ERROR_CODE_OK, "\"" TEMPORAL_FFI_VERSION "\"", false, false, false, NULL, 0},
  {"code_name(-1)", F_CODE_NAME, {I32(code, -1)}, TEMPORAL_ERROR_CODE_OK, "\"UNKNOWN\"", false, false, false, NULL, 0},
  {"code_name(1000)", F_CODE_NAME, {I32(code, 1000)}, TEMPORAL_ERROR_CODE_OK, "\"UNKNOWN\"", false, false, false, NULL, 0},
  {"code_name(INT32_MIN)", F_CODE_NAME, {I32(code, INT32_MIN)}, TEMPORAL_ERROR_CODE_OK, "\"UNKNOWN\"", false, false, false, NULL, 0},
  {"code_name(INT32_MAX)", F_CODE_NAME, {I32(code, INT32_MAX)}, TEMPORAL_ERROR_CODE_OK, "\"UNKNOWN\"", false, false, false, NULL, 0},
  {"code_name(14)", F_CODE_NAME, {I32(code, 14)}, TEMPORAL_ERROR_CODE_OK, "\"INTERNAL\"", false, false, false, NULL, 0},

  /* ---- temporal_client_options_default */
  {"client_options_default(NULL) is false", F_CLIENT_OPTIONS_DEFAULT, {NUL(client_options)}, TEMPORAL_ERROR_CODE_OK, "false", false, false, false, NULL, 0},
  {"client_options_default resets a garbage struct", F_CLIENT_OPTIONS_DEFAULT, {{0}}, TEMPORAL_ERROR_CODE_OK, "defaults (", false, false, false, NULL, 0},
  {"client_options_default with size 0: false, nothing written", F_CLIENT_OPTIONS_DEFAULT, {SIZE(default_size, 0)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"client_options_default with size 7: false, nothing written", F_CLIENT_OPTIONS_DEFAULT, {SIZE(default_size, 7)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"client_options_default with size 20 (not a multiple of 8): false", F_CLIENT_OPTIONS_DEFAULT, {SIZE(default_size, 20)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"client_options_default with size 4104 (over 4096): false", F_CLIENT_OPTIONS_DEFAULT, {SIZE(default_size, 4104)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"client_options_default with an older header's size 16: writes 16 bytes only", F_CLIENT_OPTIONS_DEFAULT, {SIZE(default_size, 16)}, TEMPORAL_ERROR_CODE_OK, "defaults (16 bytes)", false, false, false, NULL, 0},
  {"client_options_default with a newer header's larger size: zeroes it all", F_CLIENT_OPTIONS_DEFAULT, {SIZE(default_size, sizeof(temporal_client_options) + 16)}, TEMPORAL_ERROR_CODE_OK, "defaults (", false, false, false, NULL, 0},

  /* ---- temporal_call_options_default, temporal_retry_policy_default */
  {"call_options_default(NULL) is false", F_CALL_OPTIONS_DEFAULT, {NUL(call_options)}, TEMPORAL_ERROR_CODE_OK, "false", false, false, false, NULL, 0},
  {"call_options_default resets a garbage struct", F_CALL_OPTIONS_DEFAULT, {{0}}, TEMPORAL_ERROR_CODE_OK, "defaults (", false, false, false, NULL, 0},
  {"call_options_default with size 0: false, nothing written", F_CALL_OPTIONS_DEFAULT, {SIZE(default_size, 0)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"call_options_default with size 7: false, nothing written", F_CALL_OPTIONS_DEFAULT, {SIZE(default_size, 7)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"call_options_default with size 20 (not a multiple of 8): false", F_CALL_OPTIONS_DEFAULT, {SIZE(default_size, 20)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"call_options_default with size 4104 (over 4096): false", F_CALL_OPTIONS_DEFAULT, {SIZE(default_size, 4104)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"call_options_default with an older header's size 16: writes 16 bytes only", F_CALL_OPTIONS_DEFAULT, {SIZE(default_size, 16)}, TEMPORAL_ERROR_CODE_OK, "defaults (16 bytes)", false, false, false, NULL, 0},
  {"call_options_default with a newer header's larger size: zeroes it all", F_CALL_OPTIONS_DEFAULT, {SIZE(default_size, sizeof(temporal_call_options) + 16)}, TEMPORAL_ERROR_CODE_OK, "defaults (", false, false, false, NULL, 0},
  {"retry_policy_default(NULL) is false", F_RETRY_POLICY_DEFAULT, {NUL(retry_policy)}, TEMPORAL_ERROR_CODE_OK, "false", false, false, false, NULL, 0},
  {"retry_policy_default resets a garbage struct", F_RETRY_POLICY_DEFAULT, {{0}}, TEMPORAL_ERROR_CODE_OK, "defaults (", false, false, false, NULL, 0},
  {"retry_policy_default with size 0: false, nothing written", F_RETRY_POLICY_DEFAULT, {SIZE(default_size, 0)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"retry_policy_default with size 7: false, nothing written", F_RETRY_POLICY_DEFAULT, {SIZE(default_size, 7)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"retry_policy_default with size 20 (not a multiple of 8): false", F_RETRY_POLICY_DEFAULT, {SIZE(default_size, 20)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"retry_policy_default with size 4104 (over 4096): false", F_RETRY_POLICY_DEFAULT, {SIZE(default_size, 4104)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"retry_policy_default with an older header's size 16: writes 16 bytes only", F_RETRY_POLICY_DEFAULT, {SIZE(default_size, 16)}, TEMPORAL_ERROR_CODE_OK, "defaults (16 bytes)", false, false, false, NULL, 0},
  {"retry_policy_default with a newer header's larger size: zeroes it all", F_RETRY_POLICY_DEFAULT, {SIZE(default_size, sizeof(temporal_retry_policy) + 16)}, TEMPORAL_ERROR_CODE_OK, "defaults (", false, false, false, NULL, 0},
  {"activity_completion_default(NULL) is false", F_ACTIVITY_COMPLETION_DEFAULT, {NUL(completion)}, TEMPORAL_ERROR_CODE_OK, "false", false, false, false, NULL, 0},
  {"activity_completion_default resets a garbage struct", F_ACTIVITY_COMPLETION_DEFAULT, {{0}}, TEMPORAL_ERROR_CODE_OK, "defaults (", false, false, false, NULL, 0},
  {"activity_completion_default with size 0: false, nothing written", F_ACTIVITY_COMPLETION_DEFAULT, {SIZE(default_size, 0)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"activity_completion_default with size 7: false, nothing written", F_ACTIVITY_COMPLETION_DEFAULT, {SIZE(default_size, 7)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"activity_completion_default with size 20 (not a multiple of 8): false", F_ACTIVITY_COMPLETION_DEFAULT, {SIZE(default_size, 20)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"activity_completion_default with size 4104 (over 4096): false", F_ACTIVITY_COMPLETION_DEFAULT, {SIZE(default_size, 4104)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"activity_completion_default with an older header's size 16: writes 16 bytes only", F_ACTIVITY_COMPLETION_DEFAULT, {SIZE(default_size, 16)}, TEMPORAL_ERROR_CODE_OK, "defaults (16 bytes)", false, false, false, NULL, 0},
  {"activity_completion_default with a newer header's larger size: zeroes it all", F_ACTIVITY_COMPLETION_DEFAULT, {SIZE(default_size, sizeof(temporal_activity_completion) + 16)}, TEMPORAL_ERROR_CODE_OK, "defaults (", false, false, false, NULL, 0},

  /* ---- temporal_client_connect */
  {"connect: NULL client_out", F_CONNECT, {NUL(client_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client_out must not be NULL", false, false, false, NULL, 0},
  {"connect: NULL options and NULL client_out", F_CONNECT, {NUL(client_options), NUL(client_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client_out", false, false, false, NULL, 0},
  {"connect: invalid UTF-8 address", F_CONNECT, {STR(co.address, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "address is not valid UTF-8", false, false, false, NULL, 0},
  {"connect: invalid UTF-8 namespace_name", F_CONNECT, {STR(co.namespace_name, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "namespace_name is not valid UTF-8", false, false, false, NULL, 0},
  {"connect: invalid UTF-8 identity", F_CONNECT, {STR(co.identity, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "identity is not valid UTF-8", false, false, false, NULL, 0},
  {"connect: invalid UTF-8 api_key", F_CONNECT, {STR(co.api_key, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "api_key is not valid UTF-8", false, false, false, NULL, 0},
  {"connect: invalid UTF-8 tls_server_ca_cert_pem", F_CONNECT, {STR(co.tls_server_ca_cert_pem, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "tls_server_ca_cert_pem is not valid UTF-8", false, false, false, NULL, 0},
  {"connect: invalid UTF-8 tls_client_cert_pem", F_CONNECT, {STR(co.tls_client_cert_pem, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "tls_client_cert_pem is not valid UTF-8", false, false, false, NULL, 0},
  {"connect: invalid UTF-8 tls_client_key_pem", F_CONNECT, {STR(co.tls_client_key_pem, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "tls_client_key_pem is not valid UTF-8", false, false, false, NULL, 0},
  {"connect: invalid UTF-8 tls_server_name", F_CONNECT, {STR(co.tls_server_name, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "tls_server_name is not valid UTF-8", false, false, false, NULL, 0},
  {"connect: invalid UTF-8 grpc_metadata_json", F_CONNECT, {STR(co.grpc_metadata_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json is not valid UTF-8", false, false, false, NULL, 0},
  {"connect: invalid UTF-8 envconfig_profile", F_CONNECT, {STR(co.envconfig_profile, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "envconfig_profile is not valid UTF-8", false, false, false, NULL, 0},
  {"connect: invalid UTF-8 envconfig_file", F_CONNECT, {STR(co.envconfig_file, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "envconfig_file is not valid UTF-8", false, false, false, NULL, 0},
  {"connect: grpc_compression 2", F_CONNECT, {I32(co.grpc_compression, 2)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown gRPC compression 2", false, false, false, NULL, 0},
  {"connect: grpc_compression -1", F_CONNECT, {I32(co.grpc_compression, -1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown gRPC compression -1", false, false, false, NULL, 0},
  {"connect: invalid UTF-8 inside a grpc_metadata_json string", F_CONNECT, {STR(co.grpc_metadata_json, "{\"k\": \"" BAD "\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json is not valid UTF-8", false, false, false, NULL, 0},
  {"connect: grpc_metadata_json not JSON", F_CONNECT, {STR(co.grpc_metadata_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json must be a JSON object of strings", false, false, false, NULL, 0},
  {"connect: grpc_metadata_json truncated", F_CONNECT, {STR(co.grpc_metadata_json, "{\"k\": \"v\"")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json must be a JSON object of strings", false, false, false, NULL, 0},
  {"connect: grpc_metadata_json an array", F_CONNECT, {STR(co.grpc_metadata_json, "[\"k\", \"v\"]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json must be a JSON object of strings", false, false, false, NULL, 0},
  {"connect: grpc_metadata_json a string", F_CONNECT, {STR(co.grpc_metadata_json, "\"k\"")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json must be a JSON object of strings", false, false, false, NULL, 0},
  {"connect: grpc_metadata_json null", F_CONNECT, {STR(co.grpc_metadata_json, "null")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json must be a JSON object of strings", false, false, false, NULL, 0},
  {"connect: grpc_metadata_json number value", F_CONNECT, {STR(co.grpc_metadata_json, "{\"k\": 1}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json must be a JSON object of strings", false, false, false, NULL, 0},
  {"connect: grpc_metadata_json object value", F_CONNECT, {STR(co.grpc_metadata_json, "{\"k\": {\"a\": \"b\"}}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json must be a JSON object of strings", false, false, false, NULL, 0},
  {"connect: grpc_metadata_json null value", F_CONNECT, {STR(co.grpc_metadata_json, "{\"k\": null}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json must be a JSON object of strings", false, false, false, NULL, 0},
  {"connect: grpc_metadata_json 10000 '['", F_CONNECT, {GEN(co.grpc_metadata_json, deep_open)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json must be a JSON object of strings", false, false, false, NULL, 0},
  {"connect: grpc_metadata binary key", F_CONNECT, {STR(co.grpc_metadata_json, "{\"k-bin\": \"x\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "binary (-bin) metadata is not supported", false, false, false, NULL, 0},
  {"connect: grpc_metadata key with a space", F_CONNECT, {STR(co.grpc_metadata_json, "{\"bad key\": \"v\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "is not a valid header name", false, false, false, NULL, 0},
  {"connect: grpc_metadata empty key", F_CONNECT, {STR(co.grpc_metadata_json, "{\"\": \"v\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "is not a valid header name", false, false, false, NULL, 0},
  {"connect: grpc_metadata value with a newline", F_CONNECT, {STR(co.grpc_metadata_json, "{\"k\": \"a\\nb\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "is not valid header text", false, false, false, NULL, 0},
  {"connect: grpc_metadata value with a NUL escape", F_CONNECT, {STR(co.grpc_metadata_json, "{\"k\": \"a\\u0000b\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "is not valid header text", false, false, false, NULL, 0},
  {"connect: connect_timeout_ms TEMPORAL_TIMEOUT_NONE: no limit", F_CONNECT, {U64(co.connect_timeout_ms, TEMPORAL_TIMEOUT_NONE)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"connect: connect_timeout_ms 100 years + 1 ms", F_CONNECT, {U64(co.connect_timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "connect_timeout_ms", false, false, false, NULL, 0},
  {"connect: address not host:port", F_CONNECT, {STR(co.address, "::not an address::")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "invalid server address", false, false, false, NULL, 0},
  {"connect: NULL options: the environment's address (envconfig AUTO)", F_CONNECT, {NUL(client_options)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"connect: options size 0", F_CONNECT, {SIZE(co.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_client_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"connect: options size 7 (less than the size field)", F_CONNECT, {SIZE(co.size, 7)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_client_options: size is 7", false, false, false, NULL, 0},
  {"connect: options size 20 (not a multiple of 8)", F_CONNECT, {SIZE(co.size, 20)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_client_options: size is 20", false, false, false, NULL, 0},
  {"connect: options size 4097", F_CONNECT, {SIZE(co.size, 4097)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_client_options: size is 4097", false, false, false, NULL, 0},
  {"connect: options size SIZE_MAX", F_CONNECT, {SIZE(co.size, SIZE_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_client_options: size is 18446744073709551615", false, false, false, NULL, 0},
  {"connect: options larger, unknown tail set", F_CONNECT, {SIZE(co.size, sizeof(temporal_client_options) + 16), U8(co_tail[9], 0x80)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"connect: options larger, unknown tail zero", F_CONNECT, {SIZE(co.size, sizeof(temporal_client_options) + 16)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"connect: options ending before grpc_compression: its bad value is not read", F_CONNECT, {SIZE(co.size, offsetof(temporal_client_options, grpc_compression)), I32(co.grpc_compression, 7)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"connect: tls = 2 (a bool byte that is neither 0 nor 1)", F_CONNECT, {U8(co.tls, 2)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_client_options: tls must be true or false", false, false, false, NULL, 0},
  {"connect: tls_disable_host_verification = 2", F_CONNECT, {U8(co.tls_disable_host_verification, 2)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_client_options: tls_disable_host_verification must be true or false", false, false, false, NULL, 0},
  {"connect: tls = 0xff", F_CONNECT, {U8(co.tls, 0xff)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "tls must be true or false", false, false, false, NULL, 0},
  {"connect: envconfig 3", F_CONNECT, {I32(co.envconfig, 3)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown envconfig mode 3", false, false, false, NULL, 0},
  {"connect: envconfig -1", F_CONNECT, {I32(co.envconfig, -1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown envconfig mode -1", false, false, false, NULL, 0},
  {"connect: envconfig OFF with the address set", F_CONNECT, {I32(co.envconfig, TEMPORAL_ENVCONFIG_MODE_OFF)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"connect: after a panic", F_CONNECT, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"connect: works after the panic", F_CONNECT, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},

  /* ---- temporal_client_connect_async */
  {"connect_async: baseline works", F_CONNECT_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"connect_async: NULL options: the environment's address", F_CONNECT_ASYNC, {NUL(client_options)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"connect_async: NULL call_out", F_CONNECT_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"connect_async: NULL call options: wait form, default timeout", F_CONNECT_ASYNC, {NUL(call_options)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"connect_async: call options size 0", F_CONNECT_ASYNC, {SIZE(cpo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"connect_async: call options size 4097", F_CONNECT_ASYNC, {SIZE(cpo.size, 4097)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 4097", false, false, false, NULL, 0},
  {"connect_async: call options larger, unknown tail set", F_CONNECT_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8), U8(cpo_tail[7], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"connect_async: call options with a callback and a queue", F_CONNECT_ASYNC, {CALLBACK(cpo.callback), HANDLE(cpo.completion_queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "set a callback or a completion queue, not both", false, false, false, NULL, 0},
  {"connect_async: options size 0", F_CONNECT_ASYNC, {SIZE(co.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_client_options: size is 0", false, false, false, NULL, 0},
  {"connect_async: options larger, unknown tail set", F_CONNECT_ASYNC, {SIZE(co.size, sizeof(temporal_client_options) + 16), U8(co_tail[0], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"connect_async: tls = 2", F_CONNECT_ASYNC, {U8(co.tls, 2)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "tls must be true or false", false, false, false, NULL, 0},
  {"connect_async: invalid UTF-8 address", F_CONNECT_ASYNC, {STR(co.address, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "address is not valid UTF-8", false, false, false, NULL, 0},
  {"connect_async: grpc_metadata_json not JSON", F_CONNECT_ASYNC, {STR(co.grpc_metadata_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "grpc_metadata_json must be a JSON object of strings", false, false, false, NULL, 0},
  {"connect_async: connect_timeout_ms TEMPORAL_TIMEOUT_NONE: no limit", F_CONNECT_ASYNC, {U64(co.connect_timeout_ms, TEMPORAL_TIMEOUT_NONE)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"connect_async: connect_timeout_ms 100 years + 1 ms", F_CONNECT_ASYNC, {U64(co.connect_timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "connect_timeout_ms of 3153600000001 ms is out of range", false, false, false, NULL, 0},
  {"connect_async: envconfig 3", F_CONNECT_ASYNC, {I32(co.envconfig, 3)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown envconfig mode 3", false, false, false, NULL, 0},
  {"connect_async: after a panic (at once, no completion)", F_CONNECT_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"connect_async: works after the panic", F_CONNECT_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},

  /* ---- temporal_client_free */
  {"client_free(NULL) is a no-op", F_CLIENT_FREE, {NUL(client)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"client_free(an error) is refused", F_CLIENT_FREE, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"client_free(a run) is refused", F_CLIENT_FREE, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"client_free(a queue) is refused", F_CLIENT_FREE, {HANDLE(client, H_QUEUE)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"client_free(a call) is refused", F_CLIENT_FREE, {HANDLE(client, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},

  /* ---- temporal_client_set_api_key / temporal_client_set_grpc_metadata */
  {"set_api_key: baseline works", F_CLIENT_SET_API_KEY, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"set_api_key: NULL client", F_CLIENT_SET_API_KEY, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"set_api_key: a run as the client", F_CLIENT_SET_API_KEY, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"set_api_key: invalid UTF-8 key", F_CLIENT_SET_API_KEY, {STR(api_key, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "api_key is not valid UTF-8", false, false, false, NULL, 0},
  {"set_api_key: a key with a newline, not shown", F_CLIENT_SET_API_KEY, {STR(api_key, "sekrit\nkey")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "the API key is not valid header text", false, false, false, NULL, 0},
  {"set_api_key: after a panic", F_CLIENT_SET_API_KEY, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"set_api_key: NULL removes the key", F_CLIENT_SET_API_KEY, {NUL(api_key)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"set_grpc_metadata: NULL removes it", F_CLIENT_SET_GRPC_METADATA, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"set_grpc_metadata: a JSON object", F_CLIENT_SET_GRPC_METADATA, {STR(metadata_json, "{\"x-badinput\": \"1\"}")}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"set_grpc_metadata: NULL client", F_CLIENT_SET_GRPC_METADATA, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"set_grpc_metadata: a queue as the client", F_CLIENT_SET_GRPC_METADATA, {HANDLE(client, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"set_grpc_metadata: invalid UTF-8", F_CLIENT_SET_GRPC_METADATA, {STR(metadata_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "metadata_json is not valid UTF-8", false, false, false, NULL, 0},
  {"set_grpc_metadata: not JSON", F_CLIENT_SET_GRPC_METADATA, {STR(metadata_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "metadata_json must be a JSON object of strings", false, false, false, NULL, 0},
  {"set_grpc_metadata: binary key", F_CLIENT_SET_GRPC_METADATA, {STR(metadata_json, "{\"k-bin\": \"x\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "binary (-bin) metadata is not supported", false, false, false, NULL, 0},
  {"set_grpc_metadata: value with a newline", F_CLIENT_SET_GRPC_METADATA, {STR(metadata_json, "{\"k\": \"a\\nb\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "is not valid header text", false, false, false, NULL, 0},
  {"set_grpc_metadata: {} removes it", F_CLIENT_SET_GRPC_METADATA, {STR(metadata_json, "{}")}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"new_from_existing: baseline works", F_CLIENT_NEW_FROM_EXISTING, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"new_from_existing: a namespace and an identity", F_CLIENT_NEW_FROM_EXISTING, {STR(namespace_name, "other"), STR(identity, "badinput-identity")}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"new_from_existing: NULL client", F_CLIENT_NEW_FROM_EXISTING, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"new_from_existing: a call as the client", F_CLIENT_NEW_FROM_EXISTING, {HANDLE(client, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"new_from_existing: NULL client_out", F_CLIENT_NEW_FROM_EXISTING, {NUL(client_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client_out must not be NULL", false, false, false, NULL, 0},
  {"new_from_existing: invalid UTF-8 namespace_name", F_CLIENT_NEW_FROM_EXISTING, {STR(namespace_name, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "namespace_name is not valid UTF-8", false, false, false, NULL, 0},
  {"new_from_existing: invalid UTF-8 identity", F_CLIENT_NEW_FROM_EXISTING, {STR(identity, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "identity is not valid UTF-8", false, false, false, NULL, 0},
  {"new_from_existing: after a panic", F_CLIENT_NEW_FROM_EXISTING, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},

  /* ---- temporal_client_options: keep-alive and proxy */
  {"connect: keep_alive_interval_ms 100 years + 1 ms", F_CONNECT, {U64(co.keep_alive_interval_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "keep_alive_interval_ms of 3153600000001 ms is out of range", false, false, false, NULL, 0},
  {"connect: keep_alive_timeout_ms TEMPORAL_TIMEOUT_NONE", F_CONNECT, {U64(co.keep_alive_timeout_ms, TEMPORAL_TIMEOUT_NONE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "keep_alive_timeout_ms", false, false, false, NULL, 0},
  {"connect: keep_alive_disabled = 2", F_CONNECT, {U8(co.keep_alive_disabled, 2)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "keep_alive_disabled must be true or false", false, false, false, NULL, 0},
  {"connect: keep_alive_interval_ms 500, timeout 2000", F_CONNECT, {U64(co.keep_alive_interval_ms, 500), U64(co.keep_alive_timeout_ms, 2000)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"connect: keep_alive_disabled", F_CONNECT, {U8(co.keep_alive_disabled, 1)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"connect: invalid UTF-8 proxy_address", F_CONNECT, {STR(co.proxy_address, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "proxy_address is not valid UTF-8", false, false, false, NULL, 0},
  {"connect: proxy_address without a port", F_CONNECT, {STR(co.proxy_address, "proxy")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "invalid proxy address \"proxy\"", false, false, false, NULL, 0},
  {"connect: proxy user without proxy_address", F_CONNECT, {STR(co.proxy_basic_auth_user, "u")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "proxy_basic_auth_user is set without proxy_address", false, false, false, NULL, 0},
  {"connect: proxy password without a user, not shown", F_CONNECT, {STR(co.proxy_address, "127.0.0.1:9"), STR(co.proxy_basic_auth_password, "sekrit")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "proxy_basic_auth_password is set without proxy_basic_auth_user", false, false, false, NULL, 0},
  {"connect: invalid UTF-8 proxy password", F_CONNECT, {STR(co.proxy_address, "127.0.0.1:9"), STR(co.proxy_basic_auth_user, "u"), STR(co.proxy_basic_auth_password, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "proxy_basic_auth_password is not valid UTF-8", false, false, false, NULL, 0},
  {"connect: options ending before the keep-alive fields: their bad values are not read", F_CONNECT, {SIZE(co.size, offsetof(temporal_client_options, keep_alive_interval_ms)), U64(co.keep_alive_interval_ms, TEMPORAL_TIMEOUT_NONE)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},

  /* ---- temporal_start_workflow_options_default */
  {"start_options_default(NULL) is false", F_START_OPTIONS_DEFAULT, {NUL(start_options)}, TEMPORAL_ERROR_CODE_OK, "false", false, false, false, NULL, 0},
  {"start_options_default resets a garbage struct", F_START_OPTIONS_DEFAULT, {{0}}, TEMPORAL_ERROR_CODE_OK, "defaults (", false, false, false, NULL, 0},
  {"start_options_default with size 0: false, nothing written", F_START_OPTIONS_DEFAULT, {SIZE(default_size, 0)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"start_options_default with size 7: false, nothing written", F_START_OPTIONS_DEFAULT, {SIZE(default_size, 7)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"start_options_default with size 20 (not a multiple of 8): false", F_START_OPTIONS_DEFAULT, {SIZE(default_size, 20)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"start_options_default with size 4104 (over 4096): false", F_START_OPTIONS_DEFAULT, {SIZE(default_size, 4104)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"start_options_default with an older header's size 16: writes 16 bytes only", F_START_OPTIONS_DEFAULT, {SIZE(default_size, 16)}, TEMPORAL_ERROR_CODE_OK, "defaults (16 bytes)", false, false, false, NULL, 0},
  {"start_options_default with a newer header's larger size: zeroes it all", F_START_OPTIONS_DEFAULT, {SIZE(default_size, sizeof(temporal_start_workflow_options) + 16)}, TEMPORAL_ERROR_CODE_OK, "defaults (", false, false, false, NULL, 0},

  /* ---- temporal_execute_workflow: pointers and handles */
  {"execute: baseline works", F_EXECUTE, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"execute: NULL client", F_EXECUTE, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"execute: an error as the client", F_EXECUTE, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"execute: a run as the client", F_EXECUTE, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"execute: NULL workflow_type", F_EXECUTE, {NUL(workflow_type)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_type must not be NULL", false, false, false, NULL, 0},
  {"execute: NULL args_json means no arguments", F_EXECUTE, {NUL(args_json)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"execute: NULL options", F_EXECUTE, {NUL(start_options)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options must not be NULL", false, false, false, NULL, 0},
  {"execute: NULL run_out", F_EXECUTE, {NUL(run_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_out must not be NULL", false, false, false, NULL, 0},
  /* invalid UTF-8 in every string */
  {"execute: invalid UTF-8 workflow_type", F_EXECUTE, {STR(workflow_type, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_type is not valid UTF-8", false, false, false, NULL, 0},
  {"execute: invalid UTF-8 args_json", F_EXECUTE, {STR(args_json, "[\"" BAD "\"]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "args_json is not valid UTF-8", false, false, false, NULL, 0},
  {"execute: invalid UTF-8 options.id", F_EXECUTE, {STR(so.id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.id is not valid UTF-8", false, false, false, NULL, 0},
  {"execute: invalid UTF-8 options.task_queue", F_EXECUTE, {STR(so.task_queue, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.task_queue is not valid UTF-8", false, false, false, NULL, 0},
  {"execute: invalid UTF-8 options.cron_schedule", F_EXECUTE, {STR(so.cron_schedule, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.cron_schedule is not valid UTF-8", false, false, false, NULL, 0},
  {"execute: invalid UTF-8 options.memo_json", F_EXECUTE, {STR(so.memo_json, "{\"m\": \"" BAD "\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.memo_json is not valid UTF-8", false, false, false, NULL, 0},
  {"execute: invalid UTF-8 options.search_attributes_json", F_EXECUTE, {STR(so.search_attributes_json, "{\"CustomKeywordField\": \"" BAD "\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.search_attributes_json is not valid UTF-8", false, false, false, NULL, 0},
  {"execute: invalid UTF-8 retry_policy.non_retryable_error_types_json", F_EXECUTE, {STR(rp.non_retryable_error_types_json, "[\"" BAD "\"]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "non_retryable_error_types_json is not valid UTF-8", false, false, false, NULL, 0},
  {"execute: empty workflow_type", F_EXECUTE, {STR(workflow_type, "")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow type is required", false, false, false, NULL, 0},
  {"execute: empty task_queue", F_EXECUTE, {STR(so.task_queue, "")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "task queue is required", false, false, false, NULL, 0},
  /* args_json */
  {"execute: args_json not JSON", F_EXECUTE, {STR(args_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", false, false, false, NULL, 0},
  {"execute: args_json an object", F_EXECUTE, {STR(args_json, "{\"a\": 1}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", false, false, false, NULL, 0},
  {"execute: args_json a string", F_EXECUTE, {STR(args_json, "\"x\"")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", false, false, false, NULL, 0},
  {"execute: args_json a number", F_EXECUTE, {STR(args_json, "1")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", false, false, false, NULL, 0},
  {"execute: args_json null", F_EXECUTE, {STR(args_json, "null")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", false, false, false, NULL, 0},
  {"execute: args_json truncated", F_EXECUTE, {STR(args_json, "[1, {\"a\": ")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", false, false, false, NULL, 0},
  {"execute: args_json truncated string", F_EXECUTE, {STR(args_json, "[\"abc")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", false, false, false, NULL, 0},
  {"execute: args_json trailing garbage", F_EXECUTE, {STR(args_json, "[1]]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", false, false, false, NULL, 0},
  {"execute: args_json bad escape", F_EXECUTE, {STR(args_json, "[\"\\x\"]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", false, false, false, NULL, 0},
  {"execute: args_json 10000 '['", F_EXECUTE, {GEN(args_json, deep_open)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", true, false, false, NULL, 0},
  {"execute: args_json 10000 nested arrays, balanced", F_EXECUTE, {GEN(args_json, deep_balanced)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", true, false, false, NULL, 0},
  {"execute: args_json over the server's blob size limit (3 MiB string)", F_EXECUTE, {GEN(args_json, huge_payload)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "Blob data size exceeds limit", false, false, false, NULL, 0},
  {"execute: args_json with an escaped lone surrogate", F_EXECUTE, {STR(args_json, "[\"\\ud800\"]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", true, false, false, NULL, 0},
  {"execute: args_json \"\" means no arguments", F_EXECUTE, {STR(args_json, "")}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  /* memo / search attributes */
  {"execute: memo_json an array", F_EXECUTE, {STR(so.memo_json, "[1]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "memo must be a JSON object", false, false, false, NULL, 0},
  {"execute: memo_json a string", F_EXECUTE, {STR(so.memo_json, "\"m\"")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "memo must be a JSON object", false, false, false, NULL, 0},
  {"execute: memo_json null", F_EXECUTE, {STR(so.memo_json, "null")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "memo must be a JSON object", false, false, false, NULL, 0},
  {"execute: memo_json not JSON", F_EXECUTE, {STR(so.memo_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "memo must be a JSON object", false, false, false, NULL, 0},
  {"execute: memo_json truncated", F_EXECUTE, {STR(so.memo_json, "{\"m\": ")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "memo must be a JSON object", false, false, false, NULL, 0},
  {"execute: memo_json 10000 '[' inside", F_EXECUTE, {GEN(so.memo_json, deep_object)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "memo must be a JSON object", false, false, false, NULL, 0},
  {"execute: search_attributes_json an array", F_EXECUTE, {STR(so.search_attributes_json, "[\"CustomKeywordField\"]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "search attributes must be a JSON object", false, false, false, NULL, 0},
  {"execute: search_attributes_json truncated", F_EXECUTE, {STR(so.search_attributes_json, "{")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "search attributes must be a JSON object", false, false, false, NULL, 0},
  {"execute: search_attributes_json a number", F_EXECUTE, {STR(so.search_attributes_json, "42")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "search attributes must be a JSON object", false, false, false, NULL, 0},
  {"execute: search attribute not registered", F_EXECUTE, {STR(so.search_attributes_json, "{\"NoSuchAttribute\": \"x\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "NoSuchAttribute", false, false, false, NULL, 0},
  {"execute: search attribute of the wrong type", F_EXECUTE, {STR(so.search_attributes_json, "{\"CustomIntField\": \"not an int\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "CustomIntField", false, false, false, NULL, 0},
  /* retry policy */
  {"execute: non_retryable_error_types_json an object", F_EXECUTE, {STR(rp.non_retryable_error_types_json, "{}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "non_retryable_error_types_json must be a JSON array of strings", false, false, false, NULL, 0},
  {"execute: non_retryable_error_types_json of numbers", F_EXECUTE, {STR(rp.non_retryable_error_types_json, "[1, 2]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "non_retryable_error_types_json must be a JSON array of strings", false, false, false, NULL, 0},
  {"execute: non_retryable_error_types_json nested", F_EXECUTE, {STR(rp.non_retryable_error_types_json, "[[\"a\"]]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "non_retryable_error_types_json must be a JSON array of strings", false, false, false, NULL, 0},
  {"execute: non_retryable_error_types_json with null", F_EXECUTE, {STR(rp.non_retryable_error_types_json, "[null]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "non_retryable_error_types_json must be a JSON array of strings", false, false, false, NULL, 0},
  {"execute: non_retryable_error_types_json a string", F_EXECUTE, {STR(rp.non_retryable_error_types_json, "\"MyError\"")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "non_retryable_error_types_json must be a JSON array of strings", false, false, false, NULL, 0},
  {"execute: non_retryable_error_types_json truncated", F_EXECUTE, {STR(rp.non_retryable_error_types_json, "[\"a\"")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "non_retryable_error_types_json must be a JSON array of strings", false, false, false, NULL, 0},
  {"execute: backoff_coefficient 0.5", F_EXECUTE, {F64(rp.backoff_coefficient, 0.5)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "backoff coefficient must be 0 (server default) or at least 1", false, false, false, NULL, 0},
  {"execute: backoff_coefficient NaN", F_EXECUTE, {F64(rp.backoff_coefficient, NAN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "backoff coefficient", false, false, false, NULL, 0},
  {"execute: backoff_coefficient INFINITY", F_EXECUTE, {F64(rp.backoff_coefficient, INFINITY)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "backoff coefficient", false, false, false, NULL, 0},
  {"execute: backoff_coefficient -INFINITY", F_EXECUTE, {F64(rp.backoff_coefficient, -INFINITY)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "backoff coefficient", false, false, false, NULL, 0},
  {"execute: backoff_coefficient -1", F_EXECUTE, {F64(rp.backoff_coefficient, -1.0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "backoff coefficient", false, false, false, NULL, 0},
  {"execute: maximum_attempts -1", F_EXECUTE, {I32(rp.maximum_attempts, -1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "maximum attempts must not be negative", false, false, false, NULL, 0},
  {"execute: maximum_attempts INT32_MIN", F_EXECUTE, {I32(rp.maximum_attempts, INT32_MIN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "maximum attempts must not be negative", false, false, false, NULL, 0},
  {"execute: retry initial_interval_ms UINT64_MAX", F_EXECUTE, {U64(rp.initial_interval_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "initial_interval_ms of 18446744073709551615 ms is out of range", false, false, false, NULL, 0},
  {"execute: retry maximum_interval_ms UINT64_MAX", F_EXECUTE, {U64(rp.maximum_interval_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "maximum_interval_ms of 18446744073709551615 ms is out of range", false, false, false, NULL, 0},
  /* enums */
  {"execute: id_reuse_policy 99", F_EXECUTE, {I32(so.id_reuse_policy, 99)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown workflow ID reuse policy 99", false, false, false, NULL, 0},
  {"execute: id_reuse_policy -1", F_EXECUTE, {I32(so.id_reuse_policy, -1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown workflow ID reuse policy -1", false, false, false, NULL, 0},
  {"execute: id_reuse_policy 5", F_EXECUTE, {I32(so.id_reuse_policy, 5)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown workflow ID reuse policy 5", false, false, false, NULL, 0},
  {"execute: id_reuse_policy INT32_MIN", F_EXECUTE, {I32(so.id_reuse_policy, INT32_MIN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown workflow ID reuse policy", false, false, false, NULL, 0},
  {"execute: id_conflict_policy 4", F_EXECUTE, {I32(so.id_conflict_policy, 4)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown workflow ID conflict policy 4", false, false, false, NULL, 0},
  {"execute: id_conflict_policy -1", F_EXECUTE, {I32(so.id_conflict_policy, -1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown workflow ID conflict policy -1", false, false, false, NULL, 0},
  {"execute: id_conflict_policy 99", F_EXECUTE, {I32(so.id_conflict_policy, 99)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown workflow ID conflict policy 99", false, false, false, NULL, 0},
  /* durations */
  {"execute: execution_timeout_ms UINT64_MAX", F_EXECUTE, {U64(so.execution_timeout_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "execution_timeout_ms of 18446744073709551615 ms is out of range", false, false, false, NULL, 0},
  {"execute: run_timeout_ms UINT64_MAX", F_EXECUTE, {U64(so.run_timeout_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_timeout_ms of 18446744073709551615 ms is out of range", false, false, false, NULL, 0},
  {"execute: task_timeout_ms UINT64_MAX", F_EXECUTE, {U64(so.task_timeout_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "task_timeout_ms of 18446744073709551615 ms is out of range", false, false, false, NULL, 0},
  {"execute: start_delay_ms UINT64_MAX", F_EXECUTE, {U64(so.start_delay_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "start_delay_ms of 18446744073709551615 ms is out of range", false, false, false, NULL, 0},
  {"execute: execution_timeout_ms 100 years + 1 ms", F_EXECUTE, {U64(so.execution_timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "execution_timeout_ms", false, false, false, NULL, 0},
  {"execute: cron_schedule not a cron", F_EXECUTE, {STR(so.cron_schedule, "not a cron")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "invalid CronSchedule", false, false, false, NULL, 0},
  {"execute: priority_key -1", F_EXECUTE, {I32(so.priority_key, -1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "priority key must be 0 (the default) or positive, not -1", false, false, false, NULL, 0},
  {"execute: priority_key INT32_MIN", F_EXECUTE, {I32(so.priority_key, INT32_MIN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "priority key must be 0", false, false, false, NULL, 0},
  {"execute: fairness_weight NaN", F_EXECUTE, {U32(so.fairness_weight, 0x7fc00000u)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "fairness weight must be 0 (the default) or a positive finite number", false, false, false, NULL, 0},
  {"execute: fairness_weight -1", F_EXECUTE, {U32(so.fairness_weight, 0xbf800000u)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "fairness weight", false, false, false, NULL, 0},
  {"execute: fairness_weight +infinity", F_EXECUTE, {U32(so.fairness_weight, 0x7f800000u)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "fairness weight", false, false, false, NULL, 0},
  {"execute: priority 2, fairness key and weight 2.5 work", F_EXECUTE, {I32(so.priority_key, 2), STR(so.fairness_key, "tenant-a"), U32(so.fairness_weight, 0x40200000u)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"execute: invalid UTF-8 options.fairness_key", F_EXECUTE, {STR(so.fairness_key, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.fairness_key is not valid UTF-8", false, false, false, NULL, 0},
  {"execute: static summary and details work", F_EXECUTE, {STR(so.static_summary, "**summary**"), STR(so.static_details, "line 1\nline 2")}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"execute: invalid UTF-8 options.static_summary", F_EXECUTE, {STR(so.static_summary, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.static_summary is not valid UTF-8", false, false, false, NULL, 0},
  {"execute: invalid UTF-8 options.static_details", F_EXECUTE, {STR(so.static_details, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.static_details is not valid UTF-8", false, false, false, NULL, 0},
  {"execute: options ending before static_summary: its bad values are not read", F_EXECUTE, {SIZE(so.size, offsetof(temporal_start_workflow_options, static_summary)), STR(so.static_summary, BAD), I32(so.priority_key, -1)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  /* typed search attributes and the versioning override */
  {"execute: typed search attributes (keyword, int) work", F_EXECUTE, {STR(tsa[0].value_json, "\"kw-2\""), SIZE(so.typed_search_attributes_len, 2)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"execute: typed keyword of the wrong type", F_EXECUTE, {STR(tsa[0].value_json, "42")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "typed search attribute \"CustomKeywordField\" of type Keyword: the value must be a JSON string, not 42", false, false, false, NULL, 0},
  {"execute: typed int given a float", F_EXECUTE, {STR(tsa[1].value_json, "1.5"), SIZE(so.typed_search_attributes_len, 2)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of type Int: the value must be a JSON integer (64-bit), not 1.5", false, false, false, NULL, 0},
  {"execute: typed datetime not RFC 3339", F_EXECUTE, {I32(tsa[0].type, TEMPORAL_INDEXED_VALUE_TYPE_DATETIME), STR(tsa[0].value_json, "\"2026-01-02\"")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of type Datetime: the value must be an RFC 3339 date-time string", false, false, false, NULL, 0},
  {"execute: typed keyword list with a number", F_EXECUTE, {I32(tsa[0].type, TEMPORAL_INDEXED_VALUE_TYPE_KEYWORD_LIST), STR(tsa[0].value_json, "[\"a\", 1]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of type KeywordList: the value must be a JSON array of strings", false, false, false, NULL, 0},
  {"execute: typed value not JSON", F_EXECUTE, {STR(tsa[0].value_json, "{")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "value_json is not JSON", false, false, false, NULL, 0},
  {"execute: typed search attribute NULL name", F_EXECUTE, {NUL(tsa[0].name)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.typed_search_attributes[0].name is NULL or empty", false, false, false, NULL, 0},
  {"execute: typed search attribute empty name", F_EXECUTE, {STR(tsa[1].name, ""), SIZE(so.typed_search_attributes_len, 2)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.typed_search_attributes[1].name is NULL or empty", false, false, false, NULL, 0},
  {"execute: typed search attribute invalid UTF-8 name", F_EXECUTE, {STR(tsa[0].name, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "is not valid UTF-8", false, false, false, NULL, 0},
  {"execute: typed search attribute NULL value_json", F_EXECUTE, {NUL(tsa[0].value_json)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "typed search attribute \"CustomKeywordField\": value_json is NULL or empty", false, false, false, NULL, 0},
  {"execute: typed search attribute type 0", F_EXECUTE, {I32(tsa[0].type, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown indexed value type 0", false, false, false, NULL, 0},
  {"execute: typed search attribute type 8", F_EXECUTE, {I32(tsa[0].type, 8)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown indexed value type 8", false, false, false, NULL, 0},
  {"execute: typed_search_attributes NULL with a length", F_EXECUTE, {SIZE(so.typed_search_attributes_len, 3)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.typed_search_attributes is NULL but options.typed_search_attributes_len is 3", false, false, false, NULL, 0},
  {"execute: typed_search_attributes_len SIZE_MAX", F_EXECUTE, {STR(tsa[0].value_json, "\"kw\""), SIZE(so.typed_search_attributes_len, SIZE_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "more than any array can hold", false, false, false, NULL, 0},
  {"execute: typed search attribute given twice", F_EXECUTE, {STR(tsa[1].name, "CustomKeywordField"), SIZE(so.typed_search_attributes_len, 2)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "typed search attribute \"CustomKeywordField\" is given twice", false, false, false, NULL, 0},
  {"execute: typed search attribute also in search_attributes_json", F_EXECUTE, {STR(so.search_attributes_json, "{\"CustomKeywordField\": \"x\"}"), STR(tsa[0].value_json, "\"kw\"")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "is both in search_attributes_json and a typed search attribute", false, false, false, NULL, 0},
  {"execute: versioning_behavior 3", F_EXECUTE, {I32(so.versioning_behavior, 3)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown versioning behavior 3", false, false, false, NULL, 0},
  {"execute: versioning_behavior -1", F_EXECUTE, {I32(so.versioning_behavior, -1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown versioning behavior -1", false, false, false, NULL, 0},
  {"execute: PINNED without a build ID", F_EXECUTE, {I32(so.versioning_behavior, TEMPORAL_VERSIONING_OVERRIDE_PINNED), STR(so.versioning_deployment_name, "deployment")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "versioning override: PINNED needs both the deployment name and the build ID", false, false, false, NULL, 0},
  {"execute: PINNED without a deployment name", F_EXECUTE, {I32(so.versioning_behavior, TEMPORAL_VERSIONING_OVERRIDE_PINNED), STR(so.versioning_build_id, "b1")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "PINNED needs both", false, false, false, NULL, 0},
  {"execute: AUTO_UPGRADE with a build ID", F_EXECUTE, {I32(so.versioning_behavior, TEMPORAL_VERSIONING_OVERRIDE_AUTO_UPGRADE), STR(so.versioning_build_id, "b1")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "a deployment name or build ID is only for the PINNED behavior", false, false, false, NULL, 0},
  {"execute: no override with a deployment name", F_EXECUTE, {STR(so.versioning_deployment_name, "deployment")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "only for the PINNED behavior", false, false, false, NULL, 0},
  {"execute: invalid UTF-8 options.versioning_build_id", F_EXECUTE, {I32(so.versioning_behavior, TEMPORAL_VERSIONING_OVERRIDE_PINNED), STR(so.versioning_build_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.versioning_build_id is not valid UTF-8", false, false, false, NULL, 0},
  {"execute: AUTO_UPGRADE works", F_EXECUTE, {I32(so.versioning_behavior, TEMPORAL_VERSIONING_OVERRIDE_AUTO_UPGRADE)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"execute: options ending before typed_search_attributes: its bad values are not read", F_EXECUTE, {SIZE(so.size, offsetof(temporal_start_workflow_options, typed_search_attributes)), SIZE(so.typed_search_attributes_len, 3), I32(so.versioning_behavior, 9)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  /* extensible structs: size, unknown tail, bool bytes */
  {"execute: options size 0", F_EXECUTE, {SIZE(so.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_start_workflow_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"execute: options size 4097", F_EXECUTE, {SIZE(so.size, 4097)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_start_workflow_options: size is 4097", false, false, false, NULL, 0},
  {"execute: options larger, unknown tail set", F_EXECUTE, {SIZE(so.size, sizeof(temporal_start_workflow_options) + 8), U8(so_tail[0], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"execute: options larger, unknown tail zero", F_EXECUTE, {SIZE(so.size, sizeof(temporal_start_workflow_options) + 8)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"execute: options ending before start_delay_ms: its bad value is not read", F_EXECUTE, {SIZE(so.size, offsetof(temporal_start_workflow_options, start_delay_ms)), U64(so.start_delay_ms, UINT64_MAX)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"execute: error_when_already_started = 2", F_EXECUTE, {U8(so.error_when_already_started, 2)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_start_workflow_options: error_when_already_started must be true or false", false, false, false, NULL, 0},
  {"execute: retry policy size 0", F_EXECUTE, {SIZE(rp.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_retry_policy: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"execute: retry policy size 4097", F_EXECUTE, {SIZE(rp.size, 4097)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_retry_policy: size is 4097", false, false, false, NULL, 0},
  {"execute: retry policy larger, unknown tail set", F_EXECUTE, {SIZE(rp.size, sizeof(temporal_retry_policy) + 8), U8(rp_tail[5], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_retry_policy: size is", false, false, false, NULL, 0},
  {"execute: retry policy larger, unknown tail zero", F_EXECUTE, {SIZE(rp.size, sizeof(temporal_retry_policy) + 8)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"execute: a retry policy from its _default", F_EXECUTE, {I32(rp.maximum_attempts, 0)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  /* panic */
  {"execute: after a panic", F_EXECUTE, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"execute: works after the panic", F_EXECUTE, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},

  /* ---- temporal_get_workflow */
  {"get_workflow: baseline works", F_GET_WORKFLOW, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"get_workflow: NULL client", F_GET_WORKFLOW, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"get_workflow: an error as the client", F_GET_WORKFLOW, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"get_workflow: a run as the client", F_GET_WORKFLOW, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"get_workflow: NULL workflow_id", F_GET_WORKFLOW, {NUL(workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id must not be NULL", false, false, false, NULL, 0},
  {"get_workflow: empty workflow_id", F_GET_WORKFLOW, {STR(workflow_id, "")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow ID is required", false, false, false, NULL, 0},
  {"get_workflow: NULL run_id means the latest run", F_GET_WORKFLOW, {NUL(run_id)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"get_workflow: NULL run_out", F_GET_WORKFLOW, {NUL(run_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_out must not be NULL", false, false, false, NULL, 0},
  {"get_workflow: invalid UTF-8 workflow_id", F_GET_WORKFLOW, {STR(workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id is not valid UTF-8", false, false, false, NULL, 0},
  {"get_workflow: invalid UTF-8 run_id", F_GET_WORKFLOW, {STR(run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_id is not valid UTF-8", false, false, false, NULL, 0},
  {"get_workflow: after a panic", F_GET_WORKFLOW, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"get_workflow: works after the panic", F_GET_WORKFLOW, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},

  /* ---- temporal_get_result */
  {"get_result: baseline works", F_GET_RESULT, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"get_result: NULL run", F_GET_RESULT, {NUL(run)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run must not be NULL", false, false, false, NULL, 0},
  {"get_result: an error as the run", F_GET_RESULT, {HANDLE(run, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run is not a handle of the right kind", false, false, false, NULL, 0},
  {"get_result: a client as the run", F_GET_RESULT, {HANDLE(run, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run is not a handle of the right kind", false, false, false, NULL, 0},
  {"get_result: NULL result_json_out", F_GET_RESULT, {NUL(result_json_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "result_json_out must not be NULL", false, false, false, NULL, 0},
  {"get_result: timeout_ms TEMPORAL_TIMEOUT_NONE is accepted", F_GET_RESULT, {U64(timeout_ms, TEMPORAL_TIMEOUT_NONE)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"get_result: 300 ms on a running workflow: DEADLINE_EXCEEDED, not CANCELED", F_GET_RESULT, {HANDLE(run, H_BLOCK_RUN), U64(timeout_ms, 300)}, TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED, NULL, false, false, false, NULL, 0},
  {"get_result: a run from get_workflow without a Run ID", F_GET_RESULT, {HANDLE(run, H_REATTACHED)}, TEMPORAL_ERROR_CODE_OK, "\"fixture\"", false, false, false, NULL, 0},
  {"get_result: a run of a workflow never started: NOT_FOUND", F_GET_RESULT, {HANDLE(run, H_REATTACHED_MISSING)}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, false, NULL, 0},
  {"get_result: timeout_ms 100 years + 1 ms", F_GET_RESULT, {U64(timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "timeout_ms", false, false, false, NULL, 0},
  {"get_result: timeout_ms 100 years is accepted", F_GET_RESULT, {U64(timeout_ms, HUNDRED_YEARS_MS)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"get_result: after a panic", F_GET_RESULT, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"get_result: works after the panic", F_GET_RESULT, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},

  /* ---- run getters and free */
  {"run_get_id(NULL)", F_RUN_GET_ID, {NUL(run)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"run_get_id(an error)", F_RUN_GET_ID, {HANDLE(run, H_ERROR)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"run_get_id(a client)", F_RUN_GET_ID, {HANDLE(run, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"run_get_run_id(NULL)", F_RUN_GET_RUN_ID, {NUL(run)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"run_get_run_id(an error)", F_RUN_GET_RUN_ID, {HANDLE(run, H_ERROR)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"run_get_run_id(a client)", F_RUN_GET_RUN_ID, {HANDLE(run, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"run_free(NULL) is a no-op", F_RUN_FREE, {NUL(run)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"run_free(an error) is refused", F_RUN_FREE, {HANDLE(run, H_ERROR)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"run_free(a client) is refused", F_RUN_FREE, {HANDLE(run, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"run_get_id(a queue)", F_RUN_GET_ID, {HANDLE(run, H_QUEUE)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"run_get_run_id(a call)", F_RUN_GET_RUN_ID, {HANDLE(run, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"run_get_run_id of a run from get_workflow without a Run ID is \"\" (never blocks)", F_RUN_GET_RUN_ID, {HANDLE(run, H_REATTACHED)}, TEMPORAL_ERROR_CODE_OK, "\"\"", false, false, false, NULL, 0},
  {"run_free(a queue) is refused", F_RUN_FREE, {HANDLE(run, H_QUEUE)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"run_free(a call) is refused", F_RUN_FREE, {HANDLE(run, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},

  /* ---- temporal_workflow_run_resolve_run_id_async (text: the run's Run ID afterwards) */
  {"resolve_run_id_async: a run whose Run ID is known completes at once", F_RESOLVE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "-", false, false, false, NULL, 0},
  {"resolve_run_id_async: a run from get_workflow without a Run ID gets it", F_RESOLVE_ASYNC, {HANDLE(run, H_REATTACHED)}, TEMPORAL_ERROR_CODE_OK, "-", false, false, false, NULL, 0},
  {"resolve_run_id_async: a workflow never started: completes, Run ID \"\"", F_RESOLVE_ASYNC, {HANDLE(run, H_REATTACHED_MISSING)}, TEMPORAL_ERROR_CODE_OK, "run_id \"\"", false, false, false, NULL, 0},
  {"resolve_run_id_async: NULL run", F_RESOLVE_ASYNC, {NUL(run)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run must not be NULL", false, false, false, NULL, 0},
  {"resolve_run_id_async: an error as the run", F_RESOLVE_ASYNC, {HANDLE(run, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run is not a handle of the right kind", false, false, false, NULL, 0},
  {"resolve_run_id_async: a client as the run", F_RESOLVE_ASYNC, {HANDLE(run, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run is not a handle of the right kind", false, false, false, NULL, 0},
  {"resolve_run_id_async: NULL call_out", F_RESOLVE_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"resolve_run_id_async: NULL call options: wait form", F_RESOLVE_ASYNC, {NUL(call_options), HANDLE(run, H_REATTACHED)}, TEMPORAL_ERROR_CODE_OK, "-", false, false, false, NULL, 0},
  {"resolve_run_id_async: call options size 0", F_RESOLVE_ASYNC, {SIZE(cpo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 0", false, false, false, NULL, 0},
  {"resolve_run_id_async: call options with a callback and a queue", F_RESOLVE_ASYNC, {CALLBACK(cpo.callback), HANDLE(cpo.completion_queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "set a callback or a completion queue, not both", false, false, false, NULL, 0},
  {"resolve_run_id_async: call options larger, unknown tail set", F_RESOLVE_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8), U8(cpo_tail[0], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"resolve_run_id_async: after a panic (at once, no completion)", F_RESOLVE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"resolve_run_id_async: works after the panic", F_RESOLVE_ASYNC, {HANDLE(run, H_REATTACHED)}, TEMPORAL_ERROR_CODE_OK, "-", false, false, false, NULL, 0},

  /* ---- error getters and free */
  {"error_get_code(NULL) is OK", F_ERROR_GET_CODE, {NUL(error)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"error_get_code(a run)", F_ERROR_GET_CODE, {HANDLE(error, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "", false, false, false, NULL, 0},
  {"error_get_code(a client)", F_ERROR_GET_CODE, {HANDLE(error, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "", false, false, false, NULL, 0},
  {"error_get_message(NULL)", F_ERROR_GET_MESSAGE, {NUL(error)}, TEMPORAL_ERROR_CODE_OK, "\"\"", false, false, false, NULL, 0},
  {"error_get_message(a run)", F_ERROR_GET_MESSAGE, {HANDLE(error, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "\"\"", false, false, false, NULL, 0},
  {"error_get_message(a client)", F_ERROR_GET_MESSAGE, {HANDLE(error, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "\"\"", false, false, false, NULL, 0},
  {"error_get_details(NULL)", F_ERROR_GET_DETAILS, {NUL(error)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"error_get_details(a run)", F_ERROR_GET_DETAILS, {HANDLE(error, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"error_get_details(a client)", F_ERROR_GET_DETAILS, {HANDLE(error, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"error_free(NULL) is a no-op", F_ERROR_FREE, {NUL(error)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"error_free(a run) is refused", F_ERROR_FREE, {HANDLE(error, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"error_free(a client) is refused", F_ERROR_FREE, {HANDLE(error, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"error_get_code(a call)", F_ERROR_GET_CODE, {HANDLE(error, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "", false, false, false, NULL, 0},
  {"error_get_code(a queue)", F_ERROR_GET_CODE, {HANDLE(error, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "", false, false, false, NULL, 0},
  {"error_get_message(a call)", F_ERROR_GET_MESSAGE, {HANDLE(error, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_OK, "\"\"", false, false, false, NULL, 0},
  {"error_get_details(a queue)", F_ERROR_GET_DETAILS, {HANDLE(error, H_QUEUE)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"error_free(a call) is refused", F_ERROR_FREE, {HANDLE(error, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"error_free(a queue) is refused", F_ERROR_FREE, {HANDLE(error, H_QUEUE)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"error_free of the error a call lends is a no-op (no double free)", F_ERROR_FREE, {{0}}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, false, special_free_lent_error, 0},
  {"error_free of a lent error inside the callback is a no-op", F_ERROR_FREE, {{0}}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, false, special_free_lent_error_in_callback, 0},

  /* ---- temporal_host_meter_default, temporal_runtime_metrics_address, a host meter at connect */
  {"host_meter_default(NULL) is false", F_HOST_METER_DEFAULT, {NUL(host_meter)}, TEMPORAL_ERROR_CODE_OK, "false", false, false, false, NULL, 0},
  {"host_meter_default resets a garbage struct", F_HOST_METER_DEFAULT, {{0}}, TEMPORAL_ERROR_CODE_OK, "defaults (", false, false, false, NULL, 0},
  {"host_meter_default with size 0: false, nothing written", F_HOST_METER_DEFAULT, {SIZE(default_size, 0)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"host_meter_default with size 7: false, nothing written", F_HOST_METER_DEFAULT, {SIZE(default_size, 7)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"host_meter_default with size 4104 (over 4096): false", F_HOST_METER_DEFAULT, {SIZE(default_size, 4104)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"host_meter_default with an older header's size 16: writes 16 bytes only", F_HOST_METER_DEFAULT, {SIZE(default_size, 16)}, TEMPORAL_ERROR_CODE_OK, "defaults (16 bytes)", false, false, false, NULL, 0},
  {"host_meter_default with a newer header's larger size: zeroes it all", F_HOST_METER_DEFAULT, {SIZE(default_size, sizeof(temporal_host_meter) + 16)}, TEMPORAL_ERROR_CODE_OK, "defaults (", false, false, false, NULL, 0},
  {"metrics_address with no endpoint: 0 and \"\"", F_METRICS_ADDRESS, {{0}}, TEMPORAL_ERROR_CODE_OK, "0 \"\"", false, false, false, NULL, 0},
  {"metrics_address(NULL, 0): 0", F_METRICS_ADDRESS, {NUL(buffer), SIZE(buffer_size, 0)}, TEMPORAL_ERROR_CODE_OK, "0 \"(none)\"", false, false, false, NULL, 0},
  {"metrics_address(NULL, 64): 0, no write", F_METRICS_ADDRESS, {NUL(buffer)}, TEMPORAL_ERROR_CODE_OK, "0 \"(none)\"", false, false, false, NULL, 0},
  {"metrics_address into 1 byte: \"\"", F_METRICS_ADDRESS, {SIZE(buffer_size, 1)}, TEMPORAL_ERROR_CODE_OK, "0 \"\"", false, false, false, NULL, 0},
  {"connect: a host meter without record_duration", F_CONNECT, {{0}}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_host_meter.record_duration is required", false, false, false, special_connect_host_meter, 0},
  {"connect: a host meter without metric_new", F_CONNECT, {{0}}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_host_meter.metric_new is required", false, false, false, special_connect_host_meter, 1},
  {"connect: a host meter of size 0", F_CONNECT, {{0}}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_host_meter: size is 0", false, false, false, special_connect_host_meter, 2},
  {"connect: a host meter larger, unknown tail set", F_CONNECT, {{0}}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, special_connect_host_meter, 3},
  {"string_free(NULL) is a no-op", F_STRING_FREE, {NUL(string)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},

  /* ---- the handles passed to the wrong free functions above are intact */
  {"the error survived client_free/run_free", F_ERROR_GET_MESSAGE, {HANDLE(error, H_ERROR)}, TEMPORAL_ERROR_CODE_OK, "\"workflow_id must not be NULL\"", false, false, false, NULL, 0},
  {"the error's code survived", F_ERROR_GET_CODE, {HANDLE(error, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "", false, false, false, NULL, 0},
  {"the run survived client_free/error_free", F_RUN_GET_ID, {HANDLE(run, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "\"badinput-fixture-", false, false, false, NULL, 0},
  {"the run's run ID survived", F_RUN_GET_RUN_ID, {HANDLE(run, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "-", false, false, false, NULL, 0},
  {"the client survived run_free/error_free", F_EXECUTE, {HANDLE(client, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},

  /* ---- the other operations (each one _async function: the call options decide the form) */
  {"signal_async: baseline works", F_SIGNAL_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"signal_async: NULL call_out", F_SIGNAL_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"signal_async: NULL call options: wait form, default timeout", F_SIGNAL_ASYNC, {NUL(call_options)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"signal_async: call options size 0", F_SIGNAL_ASYNC, {SIZE(cpo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"signal_async: call options size 4097", F_SIGNAL_ASYNC, {SIZE(cpo.size, 4097)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 4097", false, false, false, NULL, 0},
  {"signal_async: call options larger, unknown tail set", F_SIGNAL_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8), U8(cpo_tail[3], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"signal_async: call options larger, unknown tail zero", F_SIGNAL_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"signal_async: call options with a callback and a queue", F_SIGNAL_ASYNC, {CALLBACK(cpo.callback), HANDLE(cpo.completion_queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "set a callback or a completion queue, not both", false, false, false, NULL, 0},
  {"signal_async: call options of an older header (size 40, no trace fields)", F_SIGNAL_ASYNC, {SIZE(cpo.size, 40)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"signal_async: a trace context and header fields", F_SIGNAL_ASYNC, {STR(cpo.trace_parent, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"), STR(cpo.baggage, "user=alice"), STR(cpo.header_json, "{\"tenant\": \"acme\"}")}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"signal_async: invalid UTF-8 trace_parent", F_SIGNAL_ASYNC, {STR(cpo.trace_parent, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.trace_parent is not valid UTF-8", false, false, false, NULL, 0},
  {"signal_async: trace_parent not a traceparent", F_SIGNAL_ASYNC, {STR(cpo.trace_parent, "abc")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "is not a W3C traceparent", false, false, false, NULL, 0},
  {"signal_async: trace_parent with upper-case hex", F_SIGNAL_ASYNC, {STR(cpo.trace_parent, "00-0AF7651916CD43DD8448EB211C80319C-B7AD6B7169203331-01")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "not lowercase hex", false, false, false, NULL, 0},
  {"signal_async: trace_parent with an all-zero trace ID", F_SIGNAL_ASYNC, {STR(cpo.trace_parent, "00-00000000000000000000000000000000-b7ad6b7169203331-01")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "all-zero", false, false, false, NULL, 0},
  {"signal_async: trace_state without trace_parent", F_SIGNAL_ASYNC, {STR(cpo.trace_state, "k=v")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "trace_state needs a trace_parent", false, false, false, NULL, 0},
  {"signal_async: invalid UTF-8 trace_state", F_SIGNAL_ASYNC, {STR(cpo.trace_parent, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"), STR(cpo.trace_state, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "trace_state is not valid UTF-8", false, false, false, NULL, 0},
  {"signal_async: baggage with a control character", F_SIGNAL_ASYNC, {STR(cpo.trace_parent, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"), STR(cpo.baggage, "user=\x01")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "baggage must be printable ASCII", false, false, false, NULL, 0},
  {"signal_async: invalid UTF-8 header_json", F_SIGNAL_ASYNC, {STR(cpo.header_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "header_json is not valid UTF-8", false, false, false, NULL, 0},
  {"signal_async: header_json an array", F_SIGNAL_ASYNC, {STR(cpo.header_json, "[1]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "header_json must be a JSON object", false, false, false, NULL, 0},
  {"signal_async: header_json with _tracer-data and a trace_parent", F_SIGNAL_ASYNC, {STR(cpo.trace_parent, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"), STR(cpo.header_json, "{\"_tracer-data\": {}}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "give one or the other", false, false, false, NULL, 0},
  {"execute_async: a trace context", F_EXECUTE_ASYNC, {STR(cpo.trace_parent, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"query_async: trace_parent not a traceparent", F_QUERY_ASYNC, {STR(cpo.trace_parent, "00-x")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "is not a W3C traceparent", false, false, false, NULL, 0},
  {"signal_async: call options queue is a client", F_SIGNAL_ASYNC, {NUL(cpo.callback), HANDLE(cpo.completion_queue, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "completion queue is not a handle of the right kind", false, false, false, NULL, 0},
  {"signal_async: NULL client", F_SIGNAL_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"signal_async: an error as the client", F_SIGNAL_ASYNC, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"signal_async: a run as the client", F_SIGNAL_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"signal_async: NULL workflow_id", F_SIGNAL_ASYNC, {NUL(workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id must not be NULL", false, false, false, NULL, 0},
  {"signal_async: NULL signal_name", F_SIGNAL_ASYNC, {NUL(signal_name)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "signal_name must not be NULL", false, false, false, NULL, 0},
  {"signal_async: invalid UTF-8 workflow_id", F_SIGNAL_ASYNC, {STR(workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id is not valid UTF-8", false, false, false, NULL, 0},
  {"signal_async: invalid UTF-8 run_id", F_SIGNAL_ASYNC, {STR(run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_id is not valid UTF-8", false, false, false, NULL, 0},
  {"signal_async: invalid UTF-8 signal_name", F_SIGNAL_ASYNC, {STR(signal_name, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "signal_name is not valid UTF-8", false, false, false, NULL, 0},
  {"signal_async: invalid UTF-8 args_json", F_SIGNAL_ASYNC, {STR(args_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "args_json is not valid UTF-8", false, false, false, NULL, 0},
  {"signal_async: args_json not JSON", F_SIGNAL_ASYNC, {STR(args_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false, NULL, 0},
  {"signal_async: args_json {}", F_SIGNAL_ASYNC, {STR(args_json, "{}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false, NULL, 0},
  {"signal_async: call timeout_ms 100 years + 1 ms", F_SIGNAL_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.timeout_ms of 3153600000001 ms is out of range", false, false, false, NULL, 0},
  {"signal_async: call timeout_ms TEMPORAL_TIMEOUT_NONE is accepted", F_SIGNAL_ASYNC, {U64(cpo.timeout_ms, TEMPORAL_TIMEOUT_NONE)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"signal_async: call timeout_ms 100 years is accepted", F_SIGNAL_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"signal_async: unknown workflow ID", F_SIGNAL_ASYNC, {STR(workflow_id, "badinput-no-such-workflow")}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"signal_async: after a panic (at once, no completion)", F_SIGNAL_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"signal_async: works after the panic", F_SIGNAL_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"signal_with_start_async: baseline works", F_SWS_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"signal_with_start_async: NULL call_out", F_SWS_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"signal_with_start_async: NULL call options: wait form, default timeout", F_SWS_ASYNC, {NUL(call_options)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"signal_with_start_async: call options size 0", F_SWS_ASYNC, {SIZE(cpo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"signal_with_start_async: call options size 4097", F_SWS_ASYNC, {SIZE(cpo.size, 4097)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 4097", false, false, false, NULL, 0},
  {"signal_with_start_async: call options larger, unknown tail set", F_SWS_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8), U8(cpo_tail[3], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"signal_with_start_async: call options larger, unknown tail zero", F_SWS_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"signal_with_start_async: call options with a callback and a queue", F_SWS_ASYNC, {CALLBACK(cpo.callback), HANDLE(cpo.completion_queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "set a callback or a completion queue, not both", false, false, false, NULL, 0},
  {"signal_with_start_async: call options queue is a client", F_SWS_ASYNC, {NUL(cpo.callback), HANDLE(cpo.completion_queue, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "completion queue is not a handle of the right kind", false, false, false, NULL, 0},
  {"signal_with_start_async: NULL client", F_SWS_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"signal_with_start_async: an error as the client", F_SWS_ASYNC, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"signal_with_start_async: a run as the client", F_SWS_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"signal_with_start_async: NULL signal_name", F_SWS_ASYNC, {NUL(signal_name)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "signal_name must not be NULL", false, false, false, NULL, 0},
  {"signal_with_start_async: NULL workflow_type", F_SWS_ASYNC, {NUL(workflow_type)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_type must not be NULL", false, false, false, NULL, 0},
  {"signal_with_start_async: NULL options", F_SWS_ASYNC, {NUL(start_options)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options must not be NULL", false, false, false, NULL, 0},
  {"signal_with_start_async: invalid UTF-8 signal_name", F_SWS_ASYNC, {STR(signal_name, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "signal_name is not valid UTF-8", false, false, false, NULL, 0},
  {"signal_with_start_async: invalid UTF-8 signal_args_json", F_SWS_ASYNC, {STR(signal_args_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "signal_args_json is not valid UTF-8", false, false, false, NULL, 0},
  {"signal_with_start_async: invalid UTF-8 workflow_type", F_SWS_ASYNC, {STR(workflow_type, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_type is not valid UTF-8", false, false, false, NULL, 0},
  {"signal_with_start_async: invalid UTF-8 args_json", F_SWS_ASYNC, {STR(args_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "args_json is not valid UTF-8", false, false, false, NULL, 0},
  {"signal_with_start_async: invalid UTF-8 options.id", F_SWS_ASYNC, {STR(so.id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.id is not valid UTF-8", false, false, false, NULL, 0},
  {"signal_with_start_async: invalid UTF-8 options.task_queue", F_SWS_ASYNC, {STR(so.task_queue, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.task_queue is not valid UTF-8", false, false, false, NULL, 0},
  {"signal_with_start_async: signal_args_json not JSON", F_SWS_ASYNC, {STR(signal_args_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false, NULL, 0},
  {"signal_with_start_async: signal_args_json {}", F_SWS_ASYNC, {STR(signal_args_json, "{}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false, NULL, 0},
  {"signal_with_start_async: args_json not JSON", F_SWS_ASYNC, {STR(args_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false, NULL, 0},
  {"signal_with_start_async: args_json {}", F_SWS_ASYNC, {STR(args_json, "{}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false, NULL, 0},
  {"signal_with_start_async: call timeout_ms 100 years + 1 ms", F_SWS_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.timeout_ms of 3153600000001 ms is out of range", false, false, false, NULL, 0},
  {"signal_with_start_async: call timeout_ms TEMPORAL_TIMEOUT_NONE is accepted", F_SWS_ASYNC, {U64(cpo.timeout_ms, TEMPORAL_TIMEOUT_NONE)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"signal_with_start_async: call timeout_ms 100 years is accepted", F_SWS_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"signal_with_start_async: after a panic (at once, no completion)", F_SWS_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"signal_with_start_async: works after the panic", F_SWS_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"query_async: baseline works", F_QUERY_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"query_async: NULL call_out", F_QUERY_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"query_async: NULL call options: wait form, default timeout", F_QUERY_ASYNC, {NUL(call_options)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"query_async: call options size 0", F_QUERY_ASYNC, {SIZE(cpo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"query_async: call options size 4097", F_QUERY_ASYNC, {SIZE(cpo.size, 4097)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 4097", false, false, false, NULL, 0},
  {"query_async: call options larger, unknown tail set", F_QUERY_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8), U8(cpo_tail[3], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"query_async: call options larger, unknown tail zero", F_QUERY_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"query_async: call options with a callback and a queue", F_QUERY_ASYNC, {CALLBACK(cpo.callback), HANDLE(cpo.completion_queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "set a callback or a completion queue, not both", false, false, false, NULL, 0},
  {"query_async: call options queue is a client", F_QUERY_ASYNC, {NUL(cpo.callback), HANDLE(cpo.completion_queue, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "completion queue is not a handle of the right kind", false, false, false, NULL, 0},
  {"query_async: NULL client", F_QUERY_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"query_async: an error as the client", F_QUERY_ASYNC, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"query_async: a run as the client", F_QUERY_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"query_async: NULL workflow_id", F_QUERY_ASYNC, {NUL(workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id must not be NULL", false, false, false, NULL, 0},
  {"query_async: NULL query_type", F_QUERY_ASYNC, {NUL(query_type)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "query_type must not be NULL", false, false, false, NULL, 0},
  {"query_async: invalid UTF-8 workflow_id", F_QUERY_ASYNC, {STR(workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id is not valid UTF-8", false, false, false, NULL, 0},
  {"query_async: invalid UTF-8 run_id", F_QUERY_ASYNC, {STR(run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_id is not valid UTF-8", false, false, false, NULL, 0},
  {"query_async: invalid UTF-8 query_type", F_QUERY_ASYNC, {STR(query_type, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "query_type is not valid UTF-8", false, false, false, NULL, 0},
  {"query_async: invalid UTF-8 args_json", F_QUERY_ASYNC, {STR(args_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "args_json is not valid UTF-8", false, false, false, NULL, 0},
  {"query_async: args_json not JSON", F_QUERY_ASYNC, {STR(args_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false, NULL, 0},
  {"query_async: args_json {}", F_QUERY_ASYNC, {STR(args_json, "{}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false, NULL, 0},
  {"query_async: call timeout_ms 100 years + 1 ms", F_QUERY_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.timeout_ms of 3153600000001 ms is out of range", false, false, false, NULL, 0},
  {"query_async: call timeout_ms TEMPORAL_TIMEOUT_NONE is accepted", F_QUERY_ASYNC, {U64(cpo.timeout_ms, TEMPORAL_TIMEOUT_NONE)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"query_async: call timeout_ms 100 years is accepted", F_QUERY_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"query_async: unknown workflow ID", F_QUERY_ASYNC, {STR(workflow_id, "badinput-no-such-workflow")}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"query_async: unknown query type on a running Counter", F_QUERY_ASYNC, {STR(query_type, "no-such-query")}, TEMPORAL_ERROR_CODE_QUERY_FAILED, NULL, false, false, true, NULL, 0},
  {"query_async: after a panic (at once, no completion)", F_QUERY_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"query_async: works after the panic", F_QUERY_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"update_async: baseline works", F_UPDATE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"update_async: NULL call_out", F_UPDATE_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"update_async: NULL call options: wait form, default timeout", F_UPDATE_ASYNC, {NUL(call_options)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"update_async: call options size 0", F_UPDATE_ASYNC, {SIZE(cpo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"update_async: call options size 4097", F_UPDATE_ASYNC, {SIZE(cpo.size, 4097)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 4097", false, false, false, NULL, 0},
  {"update_async: call options larger, unknown tail set", F_UPDATE_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8), U8(cpo_tail[3], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"update_async: call options larger, unknown tail zero", F_UPDATE_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"update_async: call options with a callback and a queue", F_UPDATE_ASYNC, {CALLBACK(cpo.callback), HANDLE(cpo.completion_queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "set a callback or a completion queue, not both", false, false, false, NULL, 0},
  {"update_async: call options queue is a client", F_UPDATE_ASYNC, {NUL(cpo.callback), HANDLE(cpo.completion_queue, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "completion queue is not a handle of the right kind", false, false, false, NULL, 0},
  {"update_async: NULL client", F_UPDATE_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"update_async: an error as the client", F_UPDATE_ASYNC, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"update_async: a run as the client", F_UPDATE_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"update_async: NULL workflow_id", F_UPDATE_ASYNC, {NUL(workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id must not be NULL", false, false, false, NULL, 0},
  {"update_async: NULL update_name", F_UPDATE_ASYNC, {NUL(update_name)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "update_name must not be NULL", false, false, false, NULL, 0},
  {"update_async: invalid UTF-8 workflow_id", F_UPDATE_ASYNC, {STR(workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id is not valid UTF-8", false, false, false, NULL, 0},
  {"update_async: invalid UTF-8 run_id", F_UPDATE_ASYNC, {STR(run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_id is not valid UTF-8", false, false, false, NULL, 0},
  {"update_async: invalid UTF-8 update_name", F_UPDATE_ASYNC, {STR(update_name, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "update_name is not valid UTF-8", false, false, false, NULL, 0},
  {"update_async: invalid UTF-8 update_id", F_UPDATE_ASYNC, {STR(update_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "update_id is not valid UTF-8", false, false, false, NULL, 0},
  {"update_async: invalid UTF-8 args_json", F_UPDATE_ASYNC, {STR(args_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "args_json is not valid UTF-8", false, false, false, NULL, 0},
  {"update_async: args_json not JSON", F_UPDATE_ASYNC, {STR(args_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false, NULL, 0},
  {"update_async: args_json {}", F_UPDATE_ASYNC, {STR(args_json, "{}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false, NULL, 0},
  {"update_async: call timeout_ms 100 years + 1 ms", F_UPDATE_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.timeout_ms of 3153600000001 ms is out of range", false, false, false, NULL, 0},
  {"update_async: call timeout_ms TEMPORAL_TIMEOUT_NONE is accepted", F_UPDATE_ASYNC, {U64(cpo.timeout_ms, TEMPORAL_TIMEOUT_NONE)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"update_async: call timeout_ms 100 years is accepted", F_UPDATE_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"update_async: unknown workflow ID", F_UPDATE_ASYNC, {STR(workflow_id, "badinput-no-such-workflow")}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"update_async: unknown update name", F_UPDATE_ASYNC, {STR(update_name, "no-such-update")}, TEMPORAL_ERROR_CODE_UPDATE_FAILED, NULL, false, false, true, NULL, 0},
  {"update_async: the update ID given is the one the call reports", F_UPDATE_ASYNC, {STR(update_id, "badinput-given-update-id")}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"update_async: a failed update reports the update ID given", F_UPDATE_ASYNC, {STR(update_id, "badinput-given-failing-update-id"), STR(args_json, "[13]")}, TEMPORAL_ERROR_CODE_UPDATE_FAILED, NULL, false, false, true, NULL, 0},
  {"update_async: rejected by the validator (n = -1)", F_UPDATE_ASYNC, {STR(args_json, "[-1]")}, TEMPORAL_ERROR_CODE_UPDATE_FAILED, NULL, false, false, true, NULL, 0},
  {"update_async: failed in the handler (n = 13)", F_UPDATE_ASYNC, {STR(args_json, "[13]")}, TEMPORAL_ERROR_CODE_UPDATE_FAILED, NULL, false, false, true, NULL, 0},
  {"update_async: after a panic (at once, no completion)", F_UPDATE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"update_async: works after the panic", F_UPDATE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"cancel_async: baseline works", F_CANCEL_ASYNC, {HANDLE(workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"cancel_async: NULL call_out", F_CANCEL_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"cancel_async: NULL call options: wait form, default timeout", F_CANCEL_ASYNC, {NUL(call_options), HANDLE(workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"cancel_async: call options size 0", F_CANCEL_ASYNC, {SIZE(cpo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"cancel_async: call options size 4097", F_CANCEL_ASYNC, {SIZE(cpo.size, 4097)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 4097", false, false, false, NULL, 0},
  {"cancel_async: call options larger, unknown tail set", F_CANCEL_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8), U8(cpo_tail[3], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"cancel_async: call options larger, unknown tail zero", F_CANCEL_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8), HANDLE(workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"cancel_async: call options with a callback and a queue", F_CANCEL_ASYNC, {CALLBACK(cpo.callback), HANDLE(cpo.completion_queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "set a callback or a completion queue, not both", false, false, false, NULL, 0},
  {"cancel_async: call options queue is a client", F_CANCEL_ASYNC, {NUL(cpo.callback), HANDLE(cpo.completion_queue, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "completion queue is not a handle of the right kind", false, false, false, NULL, 0},
  {"cancel_async: NULL client", F_CANCEL_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"cancel_async: an error as the client", F_CANCEL_ASYNC, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"cancel_async: a run as the client", F_CANCEL_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"cancel_async: NULL workflow_id", F_CANCEL_ASYNC, {NUL(workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id must not be NULL", false, false, false, NULL, 0},
  {"cancel_async: invalid UTF-8 workflow_id", F_CANCEL_ASYNC, {STR(workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id is not valid UTF-8", false, false, false, NULL, 0},
  {"cancel_async: invalid UTF-8 run_id", F_CANCEL_ASYNC, {STR(run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_id is not valid UTF-8", false, false, false, NULL, 0},
  {"cancel_async: call timeout_ms 100 years + 1 ms", F_CANCEL_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.timeout_ms of 3153600000001 ms is out of range", false, false, false, NULL, 0},
  {"cancel_async: call timeout_ms TEMPORAL_TIMEOUT_NONE is accepted", F_CANCEL_ASYNC, {U64(cpo.timeout_ms, TEMPORAL_TIMEOUT_NONE), HANDLE(workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"cancel_async: call timeout_ms 100 years is accepted", F_CANCEL_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS), HANDLE(workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"cancel_async: unknown workflow ID", F_CANCEL_ASYNC, {STR(workflow_id, "badinput-no-such-workflow")}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"cancel_async: after a panic (at once, no completion)", F_CANCEL_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"cancel_async: works after the panic", F_CANCEL_ASYNC, {HANDLE(workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"terminate_async: baseline works", F_TERMINATE_ASYNC, {HANDLE(workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"terminate_async: NULL call_out", F_TERMINATE_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"terminate_async: NULL call options: wait form, default timeout", F_TERMINATE_ASYNC, {NUL(call_options), HANDLE(workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"terminate_async: call options size 0", F_TERMINATE_ASYNC, {SIZE(cpo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"terminate_async: call options size 4097", F_TERMINATE_ASYNC, {SIZE(cpo.size, 4097)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 4097", false, false, false, NULL, 0},
  {"terminate_async: call options larger, unknown tail set", F_TERMINATE_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8), U8(cpo_tail[3], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"terminate_async: call options larger, unknown tail zero", F_TERMINATE_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8), HANDLE(workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"terminate_async: call options with a callback and a queue", F_TERMINATE_ASYNC, {CALLBACK(cpo.callback), HANDLE(cpo.completion_queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "set a callback or a completion queue, not both", false, false, false, NULL, 0},
  {"terminate_async: call options queue is a client", F_TERMINATE_ASYNC, {NUL(cpo.callback), HANDLE(cpo.completion_queue, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "completion queue is not a handle of the right kind", false, false, false, NULL, 0},
  {"terminate_async: NULL client", F_TERMINATE_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"terminate_async: an error as the client", F_TERMINATE_ASYNC, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"terminate_async: a run as the client", F_TERMINATE_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"terminate_async: NULL workflow_id", F_TERMINATE_ASYNC, {NUL(workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id must not be NULL", false, false, false, NULL, 0},
  {"terminate_async: invalid UTF-8 workflow_id", F_TERMINATE_ASYNC, {STR(workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id is not valid UTF-8", false, false, false, NULL, 0},
  {"terminate_async: invalid UTF-8 run_id", F_TERMINATE_ASYNC, {STR(run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_id is not valid UTF-8", false, false, false, NULL, 0},
  {"terminate_async: invalid UTF-8 reason", F_TERMINATE_ASYNC, {STR(reason, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "reason is not valid UTF-8", false, false, false, NULL, 0},
  {"terminate_async: invalid UTF-8 details_json", F_TERMINATE_ASYNC, {STR(details_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "details_json is not valid UTF-8", false, false, false, NULL, 0},
  {"terminate_async: details_json not JSON", F_TERMINATE_ASYNC, {STR(details_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false, NULL, 0},
  {"terminate_async: details_json {}", F_TERMINATE_ASYNC, {STR(details_json, "{}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false, NULL, 0},
  {"terminate_async: call timeout_ms 100 years + 1 ms", F_TERMINATE_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.timeout_ms of 3153600000001 ms is out of range", false, false, false, NULL, 0},
  {"terminate_async: call timeout_ms TEMPORAL_TIMEOUT_NONE is accepted", F_TERMINATE_ASYNC, {U64(cpo.timeout_ms, TEMPORAL_TIMEOUT_NONE), HANDLE(workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"terminate_async: call timeout_ms 100 years is accepted", F_TERMINATE_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS), HANDLE(workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"terminate_async: unknown workflow ID", F_TERMINATE_ASYNC, {STR(workflow_id, "badinput-no-such-workflow")}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"terminate_async: after a panic (at once, no completion)", F_TERMINATE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"terminate_async: works after the panic", F_TERMINATE_ASYNC, {HANDLE(workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  /* ---- temporal_workflow_target_options_default */
  {"workflow_target_options_default(NULL) is false", F_TARGET_OPTIONS_DEFAULT, {NUL(target_options)}, TEMPORAL_ERROR_CODE_OK, "false", false, false, false, NULL, 0},
  {"workflow_target_options_default resets a garbage struct", F_TARGET_OPTIONS_DEFAULT, {{0}}, TEMPORAL_ERROR_CODE_OK, "defaults (", false, false, false, NULL, 0},
  {"workflow_target_options_default with size 0: false, nothing written", F_TARGET_OPTIONS_DEFAULT, {SIZE(default_size, 0)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"workflow_target_options_default with size 7: false, nothing written", F_TARGET_OPTIONS_DEFAULT, {SIZE(default_size, 7)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"workflow_target_options_default with size 20 (not a multiple of 8): false", F_TARGET_OPTIONS_DEFAULT, {SIZE(default_size, 20)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"workflow_target_options_default with size 4104 (over 4096): false", F_TARGET_OPTIONS_DEFAULT, {SIZE(default_size, 4104)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"workflow_target_options_default with an older header's size 16: writes 16 bytes only", F_TARGET_OPTIONS_DEFAULT, {SIZE(default_size, 16)}, TEMPORAL_ERROR_CODE_OK, "defaults (16 bytes)", false, false, false, NULL, 0},
  {"workflow_target_options_default with a newer header's larger size: zeroes it all", F_TARGET_OPTIONS_DEFAULT, {SIZE(default_size, sizeof(temporal_workflow_target_options) + 16)}, TEMPORAL_ERROR_CODE_OK, "defaults (", false, false, false, NULL, 0},
  /* ---- temporal_cancel_workflow_with_options_async: targets as cancel_async's (a fresh Block where it must succeed) */
  {"cancel_with_options_async: baseline works", F_CANCEL_WITH_OPTIONS_ASYNC, {HANDLE(wto.workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"cancel_with_options_async: a reason, run_id and first_execution_run_id \"\" (any) work", F_CANCEL_WITH_OPTIONS_ASYNC, {HANDLE(wto.workflow_id, H_FRESH_BLOCK), STR(wto.reason, "badinput reason"), STR(wto.first_execution_run_id, "")}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"cancel_with_options_async: NULL call_out", F_CANCEL_WITH_OPTIONS_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"cancel_with_options_async: NULL call options: wait form, default timeout", F_CANCEL_WITH_OPTIONS_ASYNC, {NUL(call_options), HANDLE(wto.workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"cancel_with_options_async: call options size 0", F_CANCEL_WITH_OPTIONS_ASYNC, {SIZE(cpo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"cancel_with_options_async: call options size 4097", F_CANCEL_WITH_OPTIONS_ASYNC, {SIZE(cpo.size, 4097)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 4097", false, false, false, NULL, 0},
  {"cancel_with_options_async: call options larger, unknown tail set", F_CANCEL_WITH_OPTIONS_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8), U8(cpo_tail[3], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"cancel_with_options_async: call options with a callback and a queue", F_CANCEL_WITH_OPTIONS_ASYNC, {CALLBACK(cpo.callback), HANDLE(cpo.completion_queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "set a callback or a completion queue, not both", false, false, false, NULL, 0},
  {"cancel_with_options_async: call options queue is a client", F_CANCEL_WITH_OPTIONS_ASYNC, {NUL(cpo.callback), HANDLE(cpo.completion_queue, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "completion queue is not a handle of the right kind", false, false, false, NULL, 0},
  {"cancel_with_options_async: args_payloads (it takes no arguments)", F_CANCEL_WITH_OPTIONS_ASYNC, {HANDLE(cpo.args_payloads, H_ARGS_LIST)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.args_payloads is set, but this operation does not take it", false, false, false, NULL, 0},
  {"cancel_with_options_async: call timeout_ms 100 years + 1 ms", F_CANCEL_WITH_OPTIONS_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.timeout_ms of 3153600000001 ms is out of range", false, false, false, NULL, 0},
  {"cancel_with_options_async: call timeout_ms TEMPORAL_TIMEOUT_NONE is accepted", F_CANCEL_WITH_OPTIONS_ASYNC, {U64(cpo.timeout_ms, TEMPORAL_TIMEOUT_NONE), HANDLE(wto.workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"cancel_with_options_async: NULL client", F_CANCEL_WITH_OPTIONS_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"cancel_with_options_async: an error as the client", F_CANCEL_WITH_OPTIONS_ASYNC, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"cancel_with_options_async: a run as the client", F_CANCEL_WITH_OPTIONS_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"cancel_with_options_async: a queue as the client", F_CANCEL_WITH_OPTIONS_ASYNC, {HANDLE(client, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"cancel_with_options_async: NULL options", F_CANCEL_WITH_OPTIONS_ASYNC, {NUL(target_options)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options must not be NULL (workflow_id is required)", false, false, false, NULL, 0},
  {"cancel_with_options_async: NULL options.workflow_id", F_CANCEL_WITH_OPTIONS_ASYNC, {NUL(wto.workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.workflow_id must not be NULL", false, false, false, NULL, 0},
  {"cancel_with_options_async: invalid UTF-8 options.workflow_id", F_CANCEL_WITH_OPTIONS_ASYNC, {STR(wto.workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.workflow_id is not valid UTF-8", false, false, false, NULL, 0},
  {"cancel_with_options_async: invalid UTF-8 options.run_id", F_CANCEL_WITH_OPTIONS_ASYNC, {STR(wto.run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.run_id is not valid UTF-8", false, false, false, NULL, 0},
  {"cancel_with_options_async: invalid UTF-8 options.first_execution_run_id", F_CANCEL_WITH_OPTIONS_ASYNC, {STR(wto.first_execution_run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.first_execution_run_id is not valid UTF-8", false, false, false, NULL, 0},
  {"cancel_with_options_async: invalid UTF-8 options.reason", F_CANCEL_WITH_OPTIONS_ASYNC, {STR(wto.reason, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.reason is not valid UTF-8", false, false, false, NULL, 0},
  {"cancel_with_options_async: invalid UTF-8 options.details_json", F_CANCEL_WITH_OPTIONS_ASYNC, {STR(wto.details_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.details_json is not valid UTF-8", false, false, false, NULL, 0},
  {"cancel_with_options_async: options size 0", F_CANCEL_WITH_OPTIONS_ASYNC, {SIZE(wto.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_workflow_target_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"cancel_with_options_async: options size 4097", F_CANCEL_WITH_OPTIONS_ASYNC, {SIZE(wto.size, 4097)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_workflow_target_options: size is 4097", false, false, false, NULL, 0},
  {"cancel_with_options_async: options larger, unknown tail set", F_CANCEL_WITH_OPTIONS_ASYNC, {SIZE(wto.size, sizeof(temporal_workflow_target_options) + 16), U8(wto_tail[11], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"cancel_with_options_async: options larger, unknown tail zero", F_CANCEL_WITH_OPTIONS_ASYNC, {SIZE(wto.size, sizeof(temporal_workflow_target_options) + 16), HANDLE(wto.workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"cancel_with_options_async: an older header's options end before first_execution_run_id: its bad value is not read", F_CANCEL_WITH_OPTIONS_ASYNC, {SIZE(wto.size, offsetof(temporal_workflow_target_options, first_execution_run_id)), STR(wto.first_execution_run_id, BAD), HANDLE(wto.workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"cancel_with_options_async: options.details_json [1] refused (a cancel has no details)", F_CANCEL_WITH_OPTIONS_ASYNC, {STR(wto.details_json, "[1]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.details_json: a cancel request has no details", false, false, false, NULL, 0},
  {"cancel_with_options_async: options.details_json \"\" is none: accepted", F_CANCEL_WITH_OPTIONS_ASYNC, {HANDLE(wto.workflow_id, H_FRESH_BLOCK), STR(wto.details_json, "")}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"cancel_with_options_async: first_execution_run_id of another chain", F_CANCEL_WITH_OPTIONS_ASYNC, {HANDLE(wto.workflow_id, H_FRESH_BLOCK), GEN(wto.first_execution_run_id, block_run_id)}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"cancel_with_options_async: unknown workflow ID", F_CANCEL_WITH_OPTIONS_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"cancel_with_options_async: after a panic (at once, no completion)", F_CANCEL_WITH_OPTIONS_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"cancel_with_options_async: works after the panic", F_CANCEL_WITH_OPTIONS_ASYNC, {HANDLE(wto.workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  /* ---- temporal_terminate_workflow_with_options_async: targets as cancel_async's (a fresh Block where it must succeed) */
  {"terminate_with_options_async: baseline works", F_TERMINATE_WITH_OPTIONS_ASYNC, {HANDLE(wto.workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"terminate_with_options_async: a reason, run_id and first_execution_run_id \"\" (any) work", F_TERMINATE_WITH_OPTIONS_ASYNC, {HANDLE(wto.workflow_id, H_FRESH_BLOCK), STR(wto.reason, "badinput reason"), STR(wto.first_execution_run_id, "")}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"terminate_with_options_async: NULL call_out", F_TERMINATE_WITH_OPTIONS_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"terminate_with_options_async: NULL call options: wait form, default timeout", F_TERMINATE_WITH_OPTIONS_ASYNC, {NUL(call_options), HANDLE(wto.workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"terminate_with_options_async: call options size 0", F_TERMINATE_WITH_OPTIONS_ASYNC, {SIZE(cpo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"terminate_with_options_async: call options size 4097", F_TERMINATE_WITH_OPTIONS_ASYNC, {SIZE(cpo.size, 4097)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 4097", false, false, false, NULL, 0},
  {"terminate_with_options_async: call options larger, unknown tail set", F_TERMINATE_WITH_OPTIONS_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8), U8(cpo_tail[3], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"terminate_with_options_async: call options with a callback and a queue", F_TERMINATE_WITH_OPTIONS_ASYNC, {CALLBACK(cpo.callback), HANDLE(cpo.completion_queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "set a callback or a completion queue, not both", false, false, false, NULL, 0},
  {"terminate_with_options_async: call options queue is a client", F_TERMINATE_WITH_OPTIONS_ASYNC, {NUL(cpo.callback), HANDLE(cpo.completion_queue, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "completion queue is not a handle of the right kind", false, false, false, NULL, 0},
  {"terminate_with_options_async: args_payloads (it takes no arguments)", F_TERMINATE_WITH_OPTIONS_ASYNC, {HANDLE(cpo.args_payloads, H_ARGS_LIST)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.args_payloads is set, but this operation does not take it", false, false, false, NULL, 0},
  {"terminate_with_options_async: call timeout_ms 100 years + 1 ms", F_TERMINATE_WITH_OPTIONS_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.timeout_ms of 3153600000001 ms is out of range", false, false, false, NULL, 0},
  {"terminate_with_options_async: call timeout_ms TEMPORAL_TIMEOUT_NONE is accepted", F_TERMINATE_WITH_OPTIONS_ASYNC, {U64(cpo.timeout_ms, TEMPORAL_TIMEOUT_NONE), HANDLE(wto.workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"terminate_with_options_async: NULL client", F_TERMINATE_WITH_OPTIONS_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"terminate_with_options_async: an error as the client", F_TERMINATE_WITH_OPTIONS_ASYNC, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"terminate_with_options_async: a run as the client", F_TERMINATE_WITH_OPTIONS_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"terminate_with_options_async: a queue as the client", F_TERMINATE_WITH_OPTIONS_ASYNC, {HANDLE(client, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"terminate_with_options_async: NULL options", F_TERMINATE_WITH_OPTIONS_ASYNC, {NUL(target_options)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options must not be NULL (workflow_id is required)", false, false, false, NULL, 0},
  {"terminate_with_options_async: NULL options.workflow_id", F_TERMINATE_WITH_OPTIONS_ASYNC, {NUL(wto.workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.workflow_id must not be NULL", false, false, false, NULL, 0},
  {"terminate_with_options_async: invalid UTF-8 options.workflow_id", F_TERMINATE_WITH_OPTIONS_ASYNC, {STR(wto.workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.workflow_id is not valid UTF-8", false, false, false, NULL, 0},
  {"terminate_with_options_async: invalid UTF-8 options.run_id", F_TERMINATE_WITH_OPTIONS_ASYNC, {STR(wto.run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.run_id is not valid UTF-8", false, false, false, NULL, 0},
  {"terminate_with_options_async: invalid UTF-8 options.first_execution_run_id", F_TERMINATE_WITH_OPTIONS_ASYNC, {STR(wto.first_execution_run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.first_execution_run_id is not valid UTF-8", false, false, false, NULL, 0},
  {"terminate_with_options_async: invalid UTF-8 options.reason", F_TERMINATE_WITH_OPTIONS_ASYNC, {STR(wto.reason, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.reason is not valid UTF-8", false, false, false, NULL, 0},
  {"terminate_with_options_async: invalid UTF-8 options.details_json", F_TERMINATE_WITH_OPTIONS_ASYNC, {STR(wto.details_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.details_json is not valid UTF-8", false, false, false, NULL, 0},
  {"terminate_with_options_async: options size 0", F_TERMINATE_WITH_OPTIONS_ASYNC, {SIZE(wto.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_workflow_target_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"terminate_with_options_async: options size 4097", F_TERMINATE_WITH_OPTIONS_ASYNC, {SIZE(wto.size, 4097)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_workflow_target_options: size is 4097", false, false, false, NULL, 0},
  {"terminate_with_options_async: options larger, unknown tail set", F_TERMINATE_WITH_OPTIONS_ASYNC, {SIZE(wto.size, sizeof(temporal_workflow_target_options) + 16), U8(wto_tail[11], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"terminate_with_options_async: options larger, unknown tail zero", F_TERMINATE_WITH_OPTIONS_ASYNC, {SIZE(wto.size, sizeof(temporal_workflow_target_options) + 16), HANDLE(wto.workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"terminate_with_options_async: an older header's options end before first_execution_run_id: its bad value is not read", F_TERMINATE_WITH_OPTIONS_ASYNC, {SIZE(wto.size, offsetof(temporal_workflow_target_options, first_execution_run_id)), STR(wto.first_execution_run_id, BAD), HANDLE(wto.workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"terminate_with_options_async: options.details_json not JSON", F_TERMINATE_WITH_OPTIONS_ASYNC, {STR(wto.details_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.details_json: arguments must be a JSON array", false, false, false, NULL, 0},
  {"terminate_with_options_async: options.details_json {} (not an array)", F_TERMINATE_WITH_OPTIONS_ASYNC, {STR(wto.details_json, "{}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.details_json: arguments must be a JSON array", false, false, false, NULL, 0},
  {"terminate_with_options_async: options.details_json an array of two works", F_TERMINATE_WITH_OPTIONS_ASYNC, {HANDLE(wto.workflow_id, H_FRESH_BLOCK), STR(wto.details_json, "[1, \"x\"]"), STR(wto.reason, "badinput reason")}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"terminate_with_options_async: first_execution_run_id of another chain", F_TERMINATE_WITH_OPTIONS_ASYNC, {HANDLE(wto.workflow_id, H_FRESH_BLOCK), GEN(wto.first_execution_run_id, block_run_id)}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"terminate_with_options_async: unknown workflow ID", F_TERMINATE_WITH_OPTIONS_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"terminate_with_options_async: after a panic (at once, no completion)", F_TERMINATE_WITH_OPTIONS_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"terminate_with_options_async: works after the panic", F_TERMINATE_WITH_OPTIONS_ASYNC, {HANDLE(wto.workflow_id, H_FRESH_BLOCK)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"describe_async: baseline works", F_DESCRIBE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"describe_async: NULL call_out", F_DESCRIBE_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"describe_async: NULL call options: wait form, default timeout", F_DESCRIBE_ASYNC, {NUL(call_options)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"describe_async: call options size 0", F_DESCRIBE_ASYNC, {SIZE(cpo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"describe_async: call options size 4097", F_DESCRIBE_ASYNC, {SIZE(cpo.size, 4097)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 4097", false, false, false, NULL, 0},
  {"describe_async: call options larger, unknown tail set", F_DESCRIBE_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8), U8(cpo_tail[3], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"describe_async: call options larger, unknown tail zero", F_DESCRIBE_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"describe_async: call options with a callback and a queue", F_DESCRIBE_ASYNC, {CALLBACK(cpo.callback), HANDLE(cpo.completion_queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "set a callback or a completion queue, not both", false, false, false, NULL, 0},
  {"describe_async: call options queue is a client", F_DESCRIBE_ASYNC, {NUL(cpo.callback), HANDLE(cpo.completion_queue, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "completion queue is not a handle of the right kind", false, false, false, NULL, 0},
  {"describe_async: NULL client", F_DESCRIBE_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"describe_async: an error as the client", F_DESCRIBE_ASYNC, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"describe_async: a run as the client", F_DESCRIBE_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"describe_async: NULL workflow_id", F_DESCRIBE_ASYNC, {NUL(workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id must not be NULL", false, false, false, NULL, 0},
  {"describe_async: invalid UTF-8 workflow_id", F_DESCRIBE_ASYNC, {STR(workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id is not valid UTF-8", false, false, false, NULL, 0},
  {"describe_async: invalid UTF-8 run_id", F_DESCRIBE_ASYNC, {STR(run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_id is not valid UTF-8", false, false, false, NULL, 0},
  {"describe_async: call timeout_ms 100 years + 1 ms", F_DESCRIBE_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.timeout_ms of 3153600000001 ms is out of range", false, false, false, NULL, 0},
  {"describe_async: call timeout_ms TEMPORAL_TIMEOUT_NONE is accepted", F_DESCRIBE_ASYNC, {U64(cpo.timeout_ms, TEMPORAL_TIMEOUT_NONE)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"describe_async: call timeout_ms 100 years is accepted", F_DESCRIBE_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"describe_async: unknown workflow ID", F_DESCRIBE_ASYNC, {STR(workflow_id, "badinput-no-such-workflow")}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"describe_async: after a panic (at once, no completion)", F_DESCRIBE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"describe_async: works after the panic", F_DESCRIBE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"list_async: baseline works", F_LIST_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"list_async: NULL call_out", F_LIST_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"list_async: NULL call options: wait form, default timeout", F_LIST_ASYNC, {NUL(call_options)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"list_async: call options size 0", F_LIST_ASYNC, {SIZE(cpo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"list_async: call options size 4097", F_LIST_ASYNC, {SIZE(cpo.size, 4097)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 4097", false, false, false, NULL, 0},
  {"list_async: call options larger, unknown tail set", F_LIST_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8), U8(cpo_tail[3], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"list_async: call options larger, unknown tail zero", F_LIST_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"list_async: call options with a callback and a queue", F_LIST_ASYNC, {CALLBACK(cpo.callback), HANDLE(cpo.completion_queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "set a callback or a completion queue, not both", false, false, false, NULL, 0},
  {"list_async: call options queue is a client", F_LIST_ASYNC, {NUL(cpo.callback), HANDLE(cpo.completion_queue, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "completion queue is not a handle of the right kind", false, false, false, NULL, 0},
  {"list_async: NULL client", F_LIST_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"list_async: an error as the client", F_LIST_ASYNC, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"list_async: a run as the client", F_LIST_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"list_async: invalid UTF-8 query", F_LIST_ASYNC, {STR(query, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "query is not valid UTF-8", false, false, false, NULL, 0},
  {"list_async: invalid UTF-8 page_token", F_LIST_ASYNC, {STR(page_token, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "page_token is not valid UTF-8", false, false, false, NULL, 0},
  {"list_async: call timeout_ms 100 years + 1 ms", F_LIST_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.timeout_ms of 3153600000001 ms is out of range", false, false, false, NULL, 0},
  {"list_async: call timeout_ms TEMPORAL_TIMEOUT_NONE is accepted", F_LIST_ASYNC, {U64(cpo.timeout_ms, TEMPORAL_TIMEOUT_NONE)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"list_async: call timeout_ms 100 years is accepted", F_LIST_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"list_async: page_size -1", F_LIST_ASYNC, {I32(page_size, -1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "page size must not be negative", false, false, false, NULL, 0},
  {"list_async: page_size INT32_MIN", F_LIST_ASYNC, {I32(page_size, INT32_MIN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "page size must not be negative", false, false, false, NULL, 0},
  {"list_async: page_token zz", F_LIST_ASYNC, {STR(page_token, "zz")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "page token is not one this library returned", false, false, false, NULL, 0},
  {"list_async: page_token odd length", F_LIST_ASYNC, {STR(page_token, "abc")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "page token is not one this library returned", false, false, false, NULL, 0},
  {"list_async: query not a visibility query", F_LIST_ASYNC, {STR(query, "this is (not a query")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, NULL, false, false, true, NULL, 0},
  {"list_async: after a panic (at once, no completion)", F_LIST_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"list_async: works after the panic", F_LIST_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"count_async: baseline works", F_COUNT_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"count_async: NULL call_out", F_COUNT_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"count_async: NULL call options: wait form, default timeout", F_COUNT_ASYNC, {NUL(call_options)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"count_async: call options size 0", F_COUNT_ASYNC, {SIZE(cpo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"count_async: call options size 4097", F_COUNT_ASYNC, {SIZE(cpo.size, 4097)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 4097", false, false, false, NULL, 0},
  {"count_async: call options larger, unknown tail set", F_COUNT_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8), U8(cpo_tail[3], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"count_async: call options larger, unknown tail zero", F_COUNT_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"count_async: call options with a callback and a queue", F_COUNT_ASYNC, {CALLBACK(cpo.callback), HANDLE(cpo.completion_queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "set a callback or a completion queue, not both", false, false, false, NULL, 0},
  {"count_async: call options queue is a client", F_COUNT_ASYNC, {NUL(cpo.callback), HANDLE(cpo.completion_queue, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "completion queue is not a handle of the right kind", false, false, false, NULL, 0},
  {"count_async: NULL client", F_COUNT_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"count_async: an error as the client", F_COUNT_ASYNC, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"count_async: a run as the client", F_COUNT_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"count_async: invalid UTF-8 query", F_COUNT_ASYNC, {STR(query, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "query is not valid UTF-8", false, false, false, NULL, 0},
  {"count_async: call timeout_ms 100 years + 1 ms", F_COUNT_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.timeout_ms of 3153600000001 ms is out of range", false, false, false, NULL, 0},
  {"count_async: call timeout_ms TEMPORAL_TIMEOUT_NONE is accepted", F_COUNT_ASYNC, {U64(cpo.timeout_ms, TEMPORAL_TIMEOUT_NONE)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"count_async: call timeout_ms 100 years is accepted", F_COUNT_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"count_async: query not a visibility query", F_COUNT_ASYNC, {STR(query, "this is (not a query")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, NULL, false, false, true, NULL, 0},
  {"count_async: after a panic (at once, no completion)", F_COUNT_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"count_async: works after the panic", F_COUNT_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"history_async: baseline works", F_HISTORY_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"history_async: NULL call_out", F_HISTORY_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"history_async: NULL call options: wait form, default timeout", F_HISTORY_ASYNC, {NUL(call_options)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"history_async: call options size 0", F_HISTORY_ASYNC, {SIZE(cpo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"history_async: call options size 4097", F_HISTORY_ASYNC, {SIZE(cpo.size, 4097)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 4097", false, false, false, NULL, 0},
  {"history_async: call options larger, unknown tail set", F_HISTORY_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8), U8(cpo_tail[3], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"history_async: call options larger, unknown tail zero", F_HISTORY_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"history_async: call options with a callback and a queue", F_HISTORY_ASYNC, {CALLBACK(cpo.callback), HANDLE(cpo.completion_queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "set a callback or a completion queue, not both", false, false, false, NULL, 0},
  {"history_async: call options queue is a client", F_HISTORY_ASYNC, {NUL(cpo.callback), HANDLE(cpo.completion_queue, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "completion queue is not a handle of the right kind", false, false, false, NULL, 0},
  {"history_async: NULL client", F_HISTORY_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"history_async: an error as the client", F_HISTORY_ASYNC, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"history_async: a run as the client", F_HISTORY_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"history_async: NULL workflow_id", F_HISTORY_ASYNC, {NUL(workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id must not be NULL", false, false, false, NULL, 0},
  {"history_async: invalid UTF-8 workflow_id", F_HISTORY_ASYNC, {STR(workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id is not valid UTF-8", false, false, false, NULL, 0},
  {"history_async: invalid UTF-8 run_id", F_HISTORY_ASYNC, {STR(run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_id is not valid UTF-8", false, false, false, NULL, 0},
  {"history_async: call timeout_ms 100 years + 1 ms", F_HISTORY_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.timeout_ms of 3153600000001 ms is out of range", false, false, false, NULL, 0},
  {"history_async: call timeout_ms TEMPORAL_TIMEOUT_NONE is accepted", F_HISTORY_ASYNC, {U64(cpo.timeout_ms, TEMPORAL_TIMEOUT_NONE)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"history_async: call timeout_ms 100 years is accepted", F_HISTORY_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"history_async: unknown workflow ID", F_HISTORY_ASYNC, {STR(workflow_id, "badinput-no-such-workflow")}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"history_async: after a panic (at once, no completion)", F_HISTORY_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"history_async: works after the panic", F_HISTORY_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  /* ---- async activity completion */
  {"complete_activity_async: an activity already completed", F_COMPLETE_ACTIVITY_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_NOT_FOUND, "complete activity: ", false, false, true, NULL, 0},
  {"complete_activity_async: NULL call_out", F_COMPLETE_ACTIVITY_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"complete_activity_async: NULL call options: wait form, default timeout", F_COMPLETE_ACTIVITY_ASYNC, {NUL(call_options)}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"complete_activity_async: call options size 0", F_COMPLETE_ACTIVITY_ASYNC, {SIZE(cpo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"complete_activity_async: call options larger, unknown tail set", F_COMPLETE_ACTIVITY_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8), U8(cpo_tail[3], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"complete_activity_async: call options with a callback and a queue", F_COMPLETE_ACTIVITY_ASYNC, {CALLBACK(cpo.callback), HANDLE(cpo.completion_queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "set a callback or a completion queue, not both", false, false, false, NULL, 0},
  {"complete_activity_async: NULL client", F_COMPLETE_ACTIVITY_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"complete_activity_async: a run as the client", F_COMPLETE_ACTIVITY_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"complete_activity_async: call timeout_ms 100 years + 1 ms", F_COMPLETE_ACTIVITY_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.timeout_ms of 3153600000001 ms is out of range", false, false, false, NULL, 0},
  {"complete_activity_async: call timeout_ms TEMPORAL_TIMEOUT_NONE is accepted", F_COMPLETE_ACTIVITY_ASYNC, {U64(cpo.timeout_ms, TEMPORAL_TIMEOUT_NONE)}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"complete_activity_async: NULL task_token", F_COMPLETE_ACTIVITY_ASYNC, {NUL(task_token)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "task_token must not be NULL", false, false, false, NULL, 0},
  {"complete_activity_async: NULL task_token with length 0", F_COMPLETE_ACTIVITY_ASYNC, {NUL(task_token), SIZE(task_token_len, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "task_token must not be NULL", false, false, false, NULL, 0},
  {"complete_activity_async: task_token_len 0", F_COMPLETE_ACTIVITY_ASYNC, {SIZE(task_token_len, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "task_token_len is 0", false, false, false, NULL, 0},
  {"complete_activity_async: task_token_len 1 TiB (refused before a byte is read)", F_COMPLETE_ACTIVITY_ASYNC, {SIZE(task_token_len, (size_t)1 << 40)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "is longer than any task token", false, false, false, NULL, 0},
  {"complete_activity_async: task_token_len SIZE_MAX", F_COMPLETE_ACTIVITY_ASYNC, {SIZE(task_token_len, SIZE_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "is longer than any task token", false, false, false, NULL, 0},
  {"complete_activity_async: bytes that are not a task token", F_COMPLETE_ACTIVITY_ASYNC, {STR(task_token, "not a task token"), SIZE(task_token_len, 16)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "Error deserializing task token", false, false, true, NULL, 0},
  {"complete_activity_async: NULL completion (completed, no result) is accepted", F_COMPLETE_ACTIVITY_ASYNC, {NUL(completion)}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"complete_activity_async: completion size 0", F_COMPLETE_ACTIVITY_ASYNC, {SIZE(ac.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_activity_completion: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"complete_activity_async: completion size 4097", F_COMPLETE_ACTIVITY_ASYNC, {SIZE(ac.size, 4097)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_activity_completion: size is 4097", false, false, false, NULL, 0},
  {"complete_activity_async: completion larger, unknown tail set", F_COMPLETE_ACTIVITY_ASYNC, {SIZE(ac.size, sizeof(temporal_activity_completion) + 8), U8(ac_tail[5], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"complete_activity_async: completion larger, unknown tail zero", F_COMPLETE_ACTIVITY_ASYNC, {SIZE(ac.size, sizeof(temporal_activity_completion) + 8)}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"complete_activity_async: an older header's completion (size and outcome only)", F_COMPLETE_ACTIVITY_ASYNC, {SIZE(ac.size, 16)}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"complete_activity_async: outcome 3", F_COMPLETE_ACTIVITY_ASYNC, {I32(ac.outcome, 3)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown activity outcome 3", false, false, false, NULL, 0},
  {"complete_activity_async: outcome -1", F_COMPLETE_ACTIVITY_ASYNC, {I32(ac.outcome, -1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown activity outcome -1", false, false, false, NULL, 0},
  {"complete_activity_async: failure_non_retryable byte 2", F_COMPLETE_ACTIVITY_ASYNC, {I32(ac.outcome, TEMPORAL_ACTIVITY_OUTCOME_FAILED), NUL(ac.result_json), U8(ac.failure_non_retryable, 2)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "failure_non_retryable must be true or false", false, false, false, NULL, 0},
  {"complete_activity_async: invalid UTF-8 result_json", F_COMPLETE_ACTIVITY_ASYNC, {STR(ac.result_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "result_json is not valid UTF-8", false, false, false, NULL, 0},
  {"complete_activity_async: result_json not JSON", F_COMPLETE_ACTIVITY_ASYNC, {STR(ac.result_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "result_json must be one JSON value", false, false, false, NULL, 0},
  {"complete_activity_async: result_json two values", F_COMPLETE_ACTIVITY_ASYNC, {STR(ac.result_json, "1 2")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "result_json must be one JSON value", false, false, false, NULL, 0},
  {"complete_activity_async: result_json 10000 nested [ (unbalanced)", F_COMPLETE_ACTIVITY_ASYNC, {GEN(ac.result_json, deep_open)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "result_json must be one JSON value", false, false, false, NULL, 0},
  {"complete_activity_async: invalid UTF-8 failure_message", F_COMPLETE_ACTIVITY_ASYNC, {I32(ac.outcome, TEMPORAL_ACTIVITY_OUTCOME_FAILED), NUL(ac.result_json), STR(ac.failure_message, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "failure_message is not valid UTF-8", false, false, false, NULL, 0},
  {"complete_activity_async: invalid UTF-8 failure_type", F_COMPLETE_ACTIVITY_ASYNC, {I32(ac.outcome, TEMPORAL_ACTIVITY_OUTCOME_FAILED), NUL(ac.result_json), STR(ac.failure_type, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "failure_type is not valid UTF-8", false, false, false, NULL, 0},
  {"complete_activity_async: FAILED details_json not an array", F_COMPLETE_ACTIVITY_ASYNC, {I32(ac.outcome, TEMPORAL_ACTIVITY_OUTCOME_FAILED), NUL(ac.result_json), STR(ac.details_json, "{}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "details_json: arguments must be a JSON array", false, false, false, NULL, 0},
  {"complete_activity_async: CANCELED invalid UTF-8 details_json", F_COMPLETE_ACTIVITY_ASYNC, {I32(ac.outcome, TEMPORAL_ACTIVITY_OUTCOME_CANCELED), NUL(ac.result_json), STR(ac.details_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "details_json is not valid UTF-8", false, false, false, NULL, 0},
  {"complete_activity_async: FAILED with a result_json", F_COMPLETE_ACTIVITY_ASYNC, {I32(ac.outcome, TEMPORAL_ACTIVITY_OUTCOME_FAILED)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "result_json is set but the outcome is FAILED", false, false, false, NULL, 0},
  {"complete_activity_async: COMPLETED with details_json", F_COMPLETE_ACTIVITY_ASYNC, {STR(ac.details_json, "[1]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "details_json is set but the outcome is COMPLETED", false, false, false, NULL, 0},
  {"complete_activity_async: COMPLETED with failure_non_retryable", F_COMPLETE_ACTIVITY_ASYNC, {U8(ac.failure_non_retryable, 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "failure_non_retryable is set but the outcome is COMPLETED", false, false, false, NULL, 0},
  {"complete_activity_async: CANCELED with a failure_type", F_COMPLETE_ACTIVITY_ASYNC, {I32(ac.outcome, TEMPORAL_ACTIVITY_OUTCOME_CANCELED), NUL(ac.result_json), STR(ac.failure_type, "T")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "failure_type is set but the outcome is CANCELED", false, false, false, NULL, 0},
  {"complete_activity_async: FAILED for an activity already completed", F_COMPLETE_ACTIVITY_ASYNC, {I32(ac.outcome, TEMPORAL_ACTIVITY_OUTCOME_FAILED), NUL(ac.result_json), STR(ac.failure_message, "late")}, TEMPORAL_ERROR_CODE_NOT_FOUND, "fail activity: ", false, false, true, NULL, 0},
  {"complete_activity_async: CANCELED for an activity already completed", F_COMPLETE_ACTIVITY_ASYNC, {I32(ac.outcome, TEMPORAL_ACTIVITY_OUTCOME_CANCELED), NUL(ac.result_json)}, TEMPORAL_ERROR_CODE_NOT_FOUND, "report activity canceled: ", false, false, true, NULL, 0},
  {"complete_activity_async: after a panic (at once, no completion)", F_COMPLETE_ACTIVITY_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"complete_activity_async: works after the panic", F_COMPLETE_ACTIVITY_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_NOT_FOUND, "complete activity: ", false, false, true, NULL, 0},
  {"complete_activity_by_id_async: an activity the workflow does not have", F_COMPLETE_ACTIVITY_BY_ID_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_NOT_FOUND, "complete activity: ", false, false, true, NULL, 0},
  {"complete_activity_by_id_async: completes a pending activity", F_COMPLETE_ACTIVITY_BY_ID_ASYNC, {HANDLE(workflow_id, H_FRESH_ASYNC), STR(activity_id, "async")}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"complete_activity_by_id_async: NULL call_out", F_COMPLETE_ACTIVITY_BY_ID_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"complete_activity_by_id_async: NULL call options: wait form, default timeout", F_COMPLETE_ACTIVITY_BY_ID_ASYNC, {NUL(call_options)}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"complete_activity_by_id_async: call options size 0", F_COMPLETE_ACTIVITY_BY_ID_ASYNC, {SIZE(cpo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"complete_activity_by_id_async: call options larger, unknown tail set", F_COMPLETE_ACTIVITY_BY_ID_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8), U8(cpo_tail[3], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"complete_activity_by_id_async: call options with a callback and a queue", F_COMPLETE_ACTIVITY_BY_ID_ASYNC, {CALLBACK(cpo.callback), HANDLE(cpo.completion_queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "set a callback or a completion queue, not both", false, false, false, NULL, 0},
  {"complete_activity_by_id_async: NULL client", F_COMPLETE_ACTIVITY_BY_ID_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"complete_activity_by_id_async: a run as the client", F_COMPLETE_ACTIVITY_BY_ID_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"complete_activity_by_id_async: call timeout_ms 100 years + 1 ms", F_COMPLETE_ACTIVITY_BY_ID_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.timeout_ms of 3153600000001 ms is out of range", false, false, false, NULL, 0},
  {"complete_activity_by_id_async: call timeout_ms TEMPORAL_TIMEOUT_NONE is accepted", F_COMPLETE_ACTIVITY_BY_ID_ASYNC, {U64(cpo.timeout_ms, TEMPORAL_TIMEOUT_NONE)}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"complete_activity_by_id_async: NULL workflow_id", F_COMPLETE_ACTIVITY_BY_ID_ASYNC, {NUL(workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id must not be NULL", false, false, false, NULL, 0},
  {"complete_activity_by_id_async: NULL activity_id", F_COMPLETE_ACTIVITY_BY_ID_ASYNC, {NUL(activity_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "activity_id must not be NULL", false, false, false, NULL, 0},
  {"complete_activity_by_id_async: empty workflow_id", F_COMPLETE_ACTIVITY_BY_ID_ASYNC, {STR(workflow_id, "")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow ID and activity ID are required", false, false, false, NULL, 0},
  {"complete_activity_by_id_async: empty activity_id", F_COMPLETE_ACTIVITY_BY_ID_ASYNC, {STR(activity_id, "")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow ID and activity ID are required", false, false, false, NULL, 0},
  {"complete_activity_by_id_async: invalid UTF-8 namespace_name", F_COMPLETE_ACTIVITY_BY_ID_ASYNC, {STR(namespace_name, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "namespace_name is not valid UTF-8", false, false, false, NULL, 0},
  {"complete_activity_by_id_async: invalid UTF-8 workflow_id", F_COMPLETE_ACTIVITY_BY_ID_ASYNC, {STR(workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id is not valid UTF-8", false, false, false, NULL, 0},
  {"complete_activity_by_id_async: invalid UTF-8 run_id", F_COMPLETE_ACTIVITY_BY_ID_ASYNC, {STR(run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_id is not valid UTF-8", false, false, false, NULL, 0},
  {"complete_activity_by_id_async: invalid UTF-8 activity_id", F_COMPLETE_ACTIVITY_BY_ID_ASYNC, {STR(activity_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "activity_id is not valid UTF-8", false, false, false, NULL, 0},
  {"complete_activity_by_id_async: a workflow never started", F_COMPLETE_ACTIVITY_BY_ID_ASYNC, {STR(workflow_id, "badinput-no-such-workflow"), STR(activity_id, "async")}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"complete_activity_by_id_async: a namespace that does not exist", F_COMPLETE_ACTIVITY_BY_ID_ASYNC, {STR(namespace_name, "badinput-no-such-namespace")}, TEMPORAL_ERROR_CODE_NOT_FOUND, "Namespace badinput-no-such-namespace is not found", false, false, true, NULL, 0},
  {"complete_activity_by_id_async: NULL completion (completed, no result) is accepted", F_COMPLETE_ACTIVITY_BY_ID_ASYNC, {NUL(completion)}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"complete_activity_by_id_async: completion size 0", F_COMPLETE_ACTIVITY_BY_ID_ASYNC, {SIZE(ac.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_activity_completion: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"complete_activity_by_id_async: outcome 3", F_COMPLETE_ACTIVITY_BY_ID_ASYNC, {I32(ac.outcome, 3)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown activity outcome 3", false, false, false, NULL, 0},
  {"complete_activity_by_id_async: after a panic (at once, no completion)", F_COMPLETE_ACTIVITY_BY_ID_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"complete_activity_by_id_async: works after the panic", F_COMPLETE_ACTIVITY_BY_ID_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_NOT_FOUND, "complete activity: ", false, false, true, NULL, 0},
  {"record_activity_heartbeat_async: baseline works", F_HEARTBEAT_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "\"cancel_requested\":false", false, false, false, NULL, 0},
  {"record_activity_heartbeat_async: with details", F_HEARTBEAT_ASYNC, {STR(details_json, "[\"progress\", {\"step\": 1}]")}, TEMPORAL_ERROR_CODE_OK, "\"cancel_requested\":false", false, false, false, NULL, 0},
  {"record_activity_heartbeat_async: NULL call_out", F_HEARTBEAT_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"record_activity_heartbeat_async: NULL call options: wait form, default timeout", F_HEARTBEAT_ASYNC, {NUL(call_options)}, TEMPORAL_ERROR_CODE_OK, "\"cancel_requested\":false", false, false, false, NULL, 0},
  {"record_activity_heartbeat_async: call options size 0", F_HEARTBEAT_ASYNC, {SIZE(cpo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"record_activity_heartbeat_async: call options larger, unknown tail set", F_HEARTBEAT_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8), U8(cpo_tail[3], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"record_activity_heartbeat_async: call options with a callback and a queue", F_HEARTBEAT_ASYNC, {CALLBACK(cpo.callback), HANDLE(cpo.completion_queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "set a callback or a completion queue, not both", false, false, false, NULL, 0},
  {"record_activity_heartbeat_async: NULL client", F_HEARTBEAT_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"record_activity_heartbeat_async: a run as the client", F_HEARTBEAT_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"record_activity_heartbeat_async: call timeout_ms 100 years + 1 ms", F_HEARTBEAT_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.timeout_ms of 3153600000001 ms is out of range", false, false, false, NULL, 0},
  {"record_activity_heartbeat_async: call timeout_ms TEMPORAL_TIMEOUT_NONE is accepted", F_HEARTBEAT_ASYNC, {U64(cpo.timeout_ms, TEMPORAL_TIMEOUT_NONE)}, TEMPORAL_ERROR_CODE_OK, "\"cancel_requested\":false", false, false, false, NULL, 0},
  {"record_activity_heartbeat_async: NULL task_token", F_HEARTBEAT_ASYNC, {NUL(task_token)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "task_token must not be NULL", false, false, false, NULL, 0},
  {"record_activity_heartbeat_async: NULL task_token with length 0", F_HEARTBEAT_ASYNC, {NUL(task_token), SIZE(task_token_len, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "task_token must not be NULL", false, false, false, NULL, 0},
  {"record_activity_heartbeat_async: task_token_len 0", F_HEARTBEAT_ASYNC, {SIZE(task_token_len, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "task_token_len is 0", false, false, false, NULL, 0},
  {"record_activity_heartbeat_async: task_token_len 1 TiB (refused before a byte is read)", F_HEARTBEAT_ASYNC, {SIZE(task_token_len, (size_t)1 << 40)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "is longer than any task token", false, false, false, NULL, 0},
  {"record_activity_heartbeat_async: task_token_len SIZE_MAX", F_HEARTBEAT_ASYNC, {SIZE(task_token_len, SIZE_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "is longer than any task token", false, false, false, NULL, 0},
  {"record_activity_heartbeat_async: bytes that are not a task token", F_HEARTBEAT_ASYNC, {STR(task_token, "not a task token"), SIZE(task_token_len, 16)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "Error deserializing task token", false, false, true, NULL, 0},
  {"record_activity_heartbeat_async: an activity already completed", F_HEARTBEAT_ASYNC, {HANDLE(task_token, H_DONE_TOKEN)}, TEMPORAL_ERROR_CODE_NOT_FOUND, "record activity heartbeat: ", false, false, true, NULL, 0},
  {"record_activity_heartbeat_async: invalid UTF-8 details_json", F_HEARTBEAT_ASYNC, {STR(details_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "details_json is not valid UTF-8", false, false, false, NULL, 0},
  {"record_activity_heartbeat_async: details_json not JSON", F_HEARTBEAT_ASYNC, {STR(details_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false, NULL, 0},
  {"record_activity_heartbeat_async: details_json {}", F_HEARTBEAT_ASYNC, {STR(details_json, "{}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false, NULL, 0},
  {"record_activity_heartbeat_async: details_json 10000 nested [ (unbalanced)", F_HEARTBEAT_ASYNC, {GEN(details_json, deep_open)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false, NULL, 0},
  {"record_activity_heartbeat_async: after a panic (at once, no completion)", F_HEARTBEAT_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"record_activity_heartbeat_async: works after the panic", F_HEARTBEAT_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "\"cancel_requested\":false", false, false, false, NULL, 0},
  {"record_activity_heartbeat_by_id_async: baseline works", F_HEARTBEAT_BY_ID_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "\"cancel_requested\":false", false, false, false, NULL, 0},
  {"record_activity_heartbeat_by_id_async: with details, namespace and run ID empty", F_HEARTBEAT_BY_ID_ASYNC, {STR(details_json, "[7]"), STR(namespace_name, ""), STR(run_id, "")}, TEMPORAL_ERROR_CODE_OK, "\"cancel_requested\":false", false, false, false, NULL, 0},
  {"record_activity_heartbeat_by_id_async: NULL call_out", F_HEARTBEAT_BY_ID_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"record_activity_heartbeat_by_id_async: NULL call options: wait form, default timeout", F_HEARTBEAT_BY_ID_ASYNC, {NUL(call_options)}, TEMPORAL_ERROR_CODE_OK, "\"cancel_requested\":false", false, false, false, NULL, 0},
  {"record_activity_heartbeat_by_id_async: call options size 0", F_HEARTBEAT_BY_ID_ASYNC, {SIZE(cpo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"record_activity_heartbeat_by_id_async: call options larger, unknown tail set", F_HEARTBEAT_BY_ID_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8), U8(cpo_tail[3], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"record_activity_heartbeat_by_id_async: call options with a callback and a queue", F_HEARTBEAT_BY_ID_ASYNC, {CALLBACK(cpo.callback), HANDLE(cpo.completion_queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "set a callback or a completion queue, not both", false, false, false, NULL, 0},
  {"record_activity_heartbeat_by_id_async: NULL client", F_HEARTBEAT_BY_ID_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"record_activity_heartbeat_by_id_async: a run as the client", F_HEARTBEAT_BY_ID_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"record_activity_heartbeat_by_id_async: call timeout_ms 100 years + 1 ms", F_HEARTBEAT_BY_ID_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.timeout_ms of 3153600000001 ms is out of range", false, false, false, NULL, 0},
  {"record_activity_heartbeat_by_id_async: call timeout_ms TEMPORAL_TIMEOUT_NONE is accepted", F_HEARTBEAT_BY_ID_ASYNC, {U64(cpo.timeout_ms, TEMPORAL_TIMEOUT_NONE)}, TEMPORAL_ERROR_CODE_OK, "\"cancel_requested\":false", false, false, false, NULL, 0},
  {"record_activity_heartbeat_by_id_async: NULL workflow_id", F_HEARTBEAT_BY_ID_ASYNC, {NUL(workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id must not be NULL", false, false, false, NULL, 0},
  {"record_activity_heartbeat_by_id_async: NULL activity_id", F_HEARTBEAT_BY_ID_ASYNC, {NUL(activity_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "activity_id must not be NULL", false, false, false, NULL, 0},
  {"record_activity_heartbeat_by_id_async: empty workflow_id", F_HEARTBEAT_BY_ID_ASYNC, {STR(workflow_id, "")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow ID and activity ID are required", false, false, false, NULL, 0},
  {"record_activity_heartbeat_by_id_async: empty activity_id", F_HEARTBEAT_BY_ID_ASYNC, {STR(activity_id, "")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow ID and activity ID are required", false, false, false, NULL, 0},
  {"record_activity_heartbeat_by_id_async: invalid UTF-8 namespace_name", F_HEARTBEAT_BY_ID_ASYNC, {STR(namespace_name, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "namespace_name is not valid UTF-8", false, false, false, NULL, 0},
  {"record_activity_heartbeat_by_id_async: invalid UTF-8 workflow_id", F_HEARTBEAT_BY_ID_ASYNC, {STR(workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id is not valid UTF-8", false, false, false, NULL, 0},
  {"record_activity_heartbeat_by_id_async: invalid UTF-8 run_id", F_HEARTBEAT_BY_ID_ASYNC, {STR(run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_id is not valid UTF-8", false, false, false, NULL, 0},
  {"record_activity_heartbeat_by_id_async: invalid UTF-8 activity_id", F_HEARTBEAT_BY_ID_ASYNC, {STR(activity_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "activity_id is not valid UTF-8", false, false, false, NULL, 0},
  {"record_activity_heartbeat_by_id_async: a workflow never started", F_HEARTBEAT_BY_ID_ASYNC, {STR(workflow_id, "badinput-no-such-workflow"), STR(activity_id, "async")}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"record_activity_heartbeat_by_id_async: a namespace that does not exist", F_HEARTBEAT_BY_ID_ASYNC, {STR(namespace_name, "badinput-no-such-namespace")}, TEMPORAL_ERROR_CODE_NOT_FOUND, "Namespace badinput-no-such-namespace is not found", false, false, true, NULL, 0},
  {"record_activity_heartbeat_by_id_async: an activity the workflow does not have", F_HEARTBEAT_BY_ID_ASYNC, {STR(activity_id, "badinput-no-such-activity")}, TEMPORAL_ERROR_CODE_NOT_FOUND, "record activity heartbeat: ", false, false, true, NULL, 0},
  {"record_activity_heartbeat_by_id_async: invalid UTF-8 details_json", F_HEARTBEAT_BY_ID_ASYNC, {STR(details_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "details_json is not valid UTF-8", false, false, false, NULL, 0},
  {"record_activity_heartbeat_by_id_async: details_json not JSON", F_HEARTBEAT_BY_ID_ASYNC, {STR(details_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false, NULL, 0},
  {"record_activity_heartbeat_by_id_async: after a panic (at once, no completion)", F_HEARTBEAT_BY_ID_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"record_activity_heartbeat_by_id_async: works after the panic", F_HEARTBEAT_BY_ID_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "\"cancel_requested\":false", false, false, false, NULL, 0},
  /* ---- update handles and update-with-start */
  {"update_options_default(NULL) is false", F_UPDATE_OPTIONS_DEFAULT, {NUL(update_options)}, TEMPORAL_ERROR_CODE_OK, "false", false, false, false, NULL, 0},
  {"update_options_default resets a garbage struct", F_UPDATE_OPTIONS_DEFAULT, {{0}}, TEMPORAL_ERROR_CODE_OK, "defaults (", false, false, false, NULL, 0},
  {"update_options_default with size 0: false, nothing written", F_UPDATE_OPTIONS_DEFAULT, {SIZE(default_size, 0)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"update_options_default with size 7: false, nothing written", F_UPDATE_OPTIONS_DEFAULT, {SIZE(default_size, 7)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"update_options_default with size 20 (not a multiple of 8): false", F_UPDATE_OPTIONS_DEFAULT, {SIZE(default_size, 20)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"update_options_default with size 4104 (over 4096): false", F_UPDATE_OPTIONS_DEFAULT, {SIZE(default_size, 4104)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"update_options_default with an older header's size 16: writes 16 bytes only", F_UPDATE_OPTIONS_DEFAULT, {SIZE(default_size, 16)}, TEMPORAL_ERROR_CODE_OK, "defaults (16 bytes)", false, false, false, NULL, 0},
  {"update_options_default with a newer header's larger size: zeroes it all", F_UPDATE_OPTIONS_DEFAULT, {SIZE(default_size, sizeof(temporal_update_options) + 16)}, TEMPORAL_ERROR_CODE_OK, "defaults (", false, false, false, NULL, 0},
  {"start_update_async: baseline works", F_START_UPDATE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"start_update_async: NULL call_out", F_START_UPDATE_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"start_update_async: NULL call options: wait form, default timeout", F_START_UPDATE_ASYNC, {NUL(call_options)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"start_update_async: call options size 0", F_START_UPDATE_ASYNC, {SIZE(cpo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"start_update_async: call options larger, unknown tail set", F_START_UPDATE_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8), U8(cpo_tail[3], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"start_update_async: call options with a callback and a queue", F_START_UPDATE_ASYNC, {CALLBACK(cpo.callback), HANDLE(cpo.completion_queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "set a callback or a completion queue, not both", false, false, false, NULL, 0},
  {"start_update_async: call timeout_ms 100 years + 1 ms", F_START_UPDATE_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.timeout_ms of 3153600000001 ms is out of range", false, false, false, NULL, 0},
  {"start_update_async: call timeout_ms TEMPORAL_TIMEOUT_NONE is accepted", F_START_UPDATE_ASYNC, {U64(cpo.timeout_ms, TEMPORAL_TIMEOUT_NONE)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"start_update_async: NULL client", F_START_UPDATE_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"start_update_async: a run as the client", F_START_UPDATE_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"start_update_async: an update handle as the client", F_START_UPDATE_ASYNC, {HANDLE(client, H_UPDATE_HANDLE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"start_update_async: NULL workflow_id", F_START_UPDATE_ASYNC, {NUL(workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id must not be NULL", false, false, false, NULL, 0},
  {"start_update_async: empty workflow_id", F_START_UPDATE_ASYNC, {STR(workflow_id, "")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow ID is required", false, false, false, NULL, 0},
  {"start_update_async: NULL update_name", F_START_UPDATE_ASYNC, {NUL(update_name)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "update_name must not be NULL", false, false, false, NULL, 0},
  {"start_update_async: empty update_name", F_START_UPDATE_ASYNC, {STR(update_name, "")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "update name is required", false, false, false, NULL, 0},
  {"start_update_async: invalid UTF-8 workflow_id", F_START_UPDATE_ASYNC, {STR(workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id is not valid UTF-8", false, false, false, NULL, 0},
  {"start_update_async: invalid UTF-8 run_id", F_START_UPDATE_ASYNC, {STR(run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_id is not valid UTF-8", false, false, false, NULL, 0},
  {"start_update_async: invalid UTF-8 update_name", F_START_UPDATE_ASYNC, {STR(update_name, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "update_name is not valid UTF-8", false, false, false, NULL, 0},
  {"start_update_async: invalid UTF-8 args_json", F_START_UPDATE_ASYNC, {STR(args_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "args_json is not valid UTF-8", false, false, false, NULL, 0},
  {"start_update_async: args_json not JSON", F_START_UPDATE_ASYNC, {STR(args_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false, NULL, 0},
  {"start_update_async: NULL update options (the stage is required, as in Go)", F_START_UPDATE_ASYNC, {NUL(update_options)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "wait_for_stage must be specified", false, false, false, NULL, 0},
  {"start_update_async: wait_for_stage UNSPECIFIED", F_START_UPDATE_ASYNC, {I32(uo.wait_for_stage, TEMPORAL_UPDATE_STAGE_UNSPECIFIED)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "wait_for_stage must be specified", false, false, false, NULL, 0},
  {"start_update_async: wait_for_stage ADMITTED (not supported, as in Go)", F_START_UPDATE_ASYNC, {I32(uo.wait_for_stage, TEMPORAL_UPDATE_STAGE_ADMITTED)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "wait_for_stage ADMITTED is not supported", false, false, false, NULL, 0},
  {"start_update_async: wait_for_stage 4", F_START_UPDATE_ASYNC, {I32(uo.wait_for_stage, 4)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown wait_for_stage 4", false, false, false, NULL, 0},
  {"start_update_async: wait_for_stage -1", F_START_UPDATE_ASYNC, {I32(uo.wait_for_stage, -1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown wait_for_stage -1", false, false, false, NULL, 0},
  {"start_update_async: wait_for_stage ACCEPTED works", F_START_UPDATE_ASYNC, {I32(uo.wait_for_stage, TEMPORAL_UPDATE_STAGE_ACCEPTED)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"start_update_async: update options size 0", F_START_UPDATE_ASYNC, {SIZE(uo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_update_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"start_update_async: update options size 4097", F_START_UPDATE_ASYNC, {SIZE(uo.size, 4097)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_update_options: size is 4097", false, false, false, NULL, 0},
  {"start_update_async: update options larger, unknown tail set", F_START_UPDATE_ASYNC, {SIZE(uo.size, sizeof(temporal_update_options) + 8), U8(uo_tail[2], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"start_update_async: update options larger, unknown tail zero", F_START_UPDATE_ASYNC, {SIZE(uo.size, sizeof(temporal_update_options) + 8)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"start_update_async: an older header's update options without the stage", F_START_UPDATE_ASYNC, {SIZE(uo.size, 16)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "wait_for_stage must be specified", false, false, false, NULL, 0},
  {"start_update_async: invalid UTF-8 update_id", F_START_UPDATE_ASYNC, {STR(uo.update_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "update_options.update_id is not valid UTF-8", false, false, false, NULL, 0},
  {"start_update_async: invalid UTF-8 first_execution_run_id", F_START_UPDATE_ASYNC, {STR(uo.first_execution_run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "update_options.first_execution_run_id is not valid UTF-8", false, false, false, NULL, 0},
  {"start_update_async: the update ID given is the one the call reports", F_START_UPDATE_ASYNC, {STR(uo.update_id, "badinput-given-start-update-id")}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"start_update_async: unknown workflow ID", F_START_UPDATE_ASYNC, {STR(workflow_id, "badinput-no-such-workflow")}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"start_update_async: rejected by the validator: a handle (the rejection is its result, as in Go)", F_START_UPDATE_ASYNC, {STR(args_json, "[-1]")}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"start_update_async: unknown update name: a handle (the rejection is its result, as in Go)", F_START_UPDATE_ASYNC, {STR(update_name, "no-such-update")}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"start_update_async: after a panic (at once, no completion)", F_START_UPDATE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"start_update_async: works after the panic", F_START_UPDATE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"get_workflow_update_handle: baseline works (no RPC)", F_GET_UPDATE_HANDLE, {{0}}, TEMPORAL_ERROR_CODE_OK, "a handle of badinput-some-update", false, false, false, NULL, 0},
  {"get_workflow_update_handle: NULL client", F_GET_UPDATE_HANDLE, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"get_workflow_update_handle: a run as the client", F_GET_UPDATE_HANDLE, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"get_workflow_update_handle: an update handle as the client", F_GET_UPDATE_HANDLE, {HANDLE(client, H_UPDATE_HANDLE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"get_workflow_update_handle: NULL workflow_id", F_GET_UPDATE_HANDLE, {NUL(workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id must not be NULL", false, false, false, NULL, 0},
  {"get_workflow_update_handle: empty workflow_id", F_GET_UPDATE_HANDLE, {STR(workflow_id, "")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow ID is required", false, false, false, NULL, 0},
  {"get_workflow_update_handle: NULL update_id", F_GET_UPDATE_HANDLE, {NUL(update_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "update_id must not be NULL", false, false, false, NULL, 0},
  {"get_workflow_update_handle: empty update_id", F_GET_UPDATE_HANDLE, {STR(update_id, "")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "update ID is required", false, false, false, NULL, 0},
  {"get_workflow_update_handle: NULL run_id means the current run", F_GET_UPDATE_HANDLE, {NUL(run_id)}, TEMPORAL_ERROR_CODE_OK, "a handle of", false, false, false, NULL, 0},
  {"get_workflow_update_handle: NULL handle_out", F_GET_UPDATE_HANDLE, {NUL(update_handle_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "handle_out must not be NULL", false, false, false, NULL, 0},
  {"get_workflow_update_handle: invalid UTF-8 workflow_id", F_GET_UPDATE_HANDLE, {STR(workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id is not valid UTF-8", false, false, false, NULL, 0},
  {"get_workflow_update_handle: invalid UTF-8 run_id", F_GET_UPDATE_HANDLE, {STR(run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_id is not valid UTF-8", false, false, false, NULL, 0},
  {"get_workflow_update_handle: invalid UTF-8 update_id", F_GET_UPDATE_HANDLE, {STR(update_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "update_id is not valid UTF-8", false, false, false, NULL, 0},
  {"get_workflow_update_handle: after a panic", F_GET_UPDATE_HANDLE, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"get_workflow_update_handle: works after the panic", F_GET_UPDATE_HANDLE, {{0}}, TEMPORAL_ERROR_CODE_OK, "a handle of", false, false, false, NULL, 0},
  {"update_handle_get_result_async: baseline works (the known result)", F_UPDATE_HANDLE_GET_RESULT_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "0", false, false, false, NULL, 0},
  {"update_handle_get_result_async: NULL call_out", F_UPDATE_HANDLE_GET_RESULT_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"update_handle_get_result_async: NULL call options: wait form, default timeout", F_UPDATE_HANDLE_GET_RESULT_ASYNC, {NUL(call_options)}, TEMPORAL_ERROR_CODE_OK, "0", false, false, false, NULL, 0},
  {"update_handle_get_result_async: call options size 0", F_UPDATE_HANDLE_GET_RESULT_ASYNC, {SIZE(cpo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"update_handle_get_result_async: call options larger, unknown tail set", F_UPDATE_HANDLE_GET_RESULT_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8), U8(cpo_tail[3], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"update_handle_get_result_async: call options with a callback and a queue", F_UPDATE_HANDLE_GET_RESULT_ASYNC, {CALLBACK(cpo.callback), HANDLE(cpo.completion_queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "set a callback or a completion queue, not both", false, false, false, NULL, 0},
  {"update_handle_get_result_async: call timeout_ms 100 years + 1 ms", F_UPDATE_HANDLE_GET_RESULT_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.timeout_ms of 3153600000001 ms is out of range", false, false, false, NULL, 0},
  {"update_handle_get_result_async: call timeout_ms TEMPORAL_TIMEOUT_NONE is accepted", F_UPDATE_HANDLE_GET_RESULT_ASYNC, {U64(cpo.timeout_ms, TEMPORAL_TIMEOUT_NONE)}, TEMPORAL_ERROR_CODE_OK, "0", false, false, false, NULL, 0},
  {"update_handle_get_result_async: NULL handle", F_UPDATE_HANDLE_GET_RESULT_ASYNC, {NUL(update_handle)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "update handle must not be NULL", false, false, false, NULL, 0},
  {"update_handle_get_result_async: a run as the handle", F_UPDATE_HANDLE_GET_RESULT_ASYNC, {HANDLE(update_handle, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "update handle is not a handle of the right kind", false, false, false, NULL, 0},
  {"update_handle_get_result_async: a client as the handle", F_UPDATE_HANDLE_GET_RESULT_ASYNC, {HANDLE(update_handle, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "update handle is not a handle of the right kind", false, false, false, NULL, 0},
  {"update_handle_get_result_async: a call as the handle", F_UPDATE_HANDLE_GET_RESULT_ASYNC, {HANDLE(update_handle, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "update handle is not a handle of the right kind", false, false, false, NULL, 0},
  {"update_handle_get_result_async: an error as the handle", F_UPDATE_HANDLE_GET_RESULT_ASYNC, {HANDLE(update_handle, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "update handle is not a handle of the right kind", false, false, false, NULL, 0},
  {"update_handle_get_result_async: after a panic (at once, no completion)", F_UPDATE_HANDLE_GET_RESULT_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"update_handle_get_result_async: works after the panic", F_UPDATE_HANDLE_GET_RESULT_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "0", false, false, false, NULL, 0},
  {"update_handle_get_id(NULL)", F_UPDATE_HANDLE_GET_ID, {NUL(update_handle)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"update_handle_get_id(a run)", F_UPDATE_HANDLE_GET_ID, {HANDLE(update_handle, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"update_handle_get_id(a client)", F_UPDATE_HANDLE_GET_ID, {HANDLE(update_handle, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"update_handle_get_id(a call)", F_UPDATE_HANDLE_GET_ID, {HANDLE(update_handle, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"update_handle_get_id of the fixture", F_UPDATE_HANDLE_GET_ID, {{0}}, TEMPORAL_ERROR_CODE_OK, "\"badinput-fixture-update\"", false, false, false, NULL, 0},
  {"update_handle_get_workflow_id(NULL)", F_UPDATE_HANDLE_GET_WORKFLOW_ID, {NUL(update_handle)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"update_handle_get_workflow_id(a run)", F_UPDATE_HANDLE_GET_WORKFLOW_ID, {HANDLE(update_handle, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"update_handle_get_workflow_id(a client)", F_UPDATE_HANDLE_GET_WORKFLOW_ID, {HANDLE(update_handle, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"update_handle_get_workflow_id(a call)", F_UPDATE_HANDLE_GET_WORKFLOW_ID, {HANDLE(update_handle, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"update_handle_get_workflow_id of the fixture", F_UPDATE_HANDLE_GET_WORKFLOW_ID, {{0}}, TEMPORAL_ERROR_CODE_OK, "\"badinput-counter-", false, false, false, NULL, 0},
  {"update_handle_get_run_id(NULL)", F_UPDATE_HANDLE_GET_RUN_ID, {NUL(update_handle)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"update_handle_get_run_id(a run)", F_UPDATE_HANDLE_GET_RUN_ID, {HANDLE(update_handle, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"update_handle_get_run_id(a client)", F_UPDATE_HANDLE_GET_RUN_ID, {HANDLE(update_handle, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"update_handle_get_run_id(a call)", F_UPDATE_HANDLE_GET_RUN_ID, {HANDLE(update_handle, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"update_handle_get_run_id of the fixture", F_UPDATE_HANDLE_GET_RUN_ID, {{0}}, TEMPORAL_ERROR_CODE_OK, NULL, false, false, false, NULL, 0},
  {"update_handle_free(NULL) is a no-op", F_UPDATE_HANDLE_FREE, {NUL(update_handle)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"update_handle_free(a run) is refused", F_UPDATE_HANDLE_FREE, {HANDLE(update_handle, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"update_handle_free(a client) is refused", F_UPDATE_HANDLE_FREE, {HANDLE(update_handle, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"update_handle_free(an error) is refused", F_UPDATE_HANDLE_FREE, {HANDLE(update_handle, H_ERROR)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"update_handle_free(a call) is refused", F_UPDATE_HANDLE_FREE, {HANDLE(update_handle, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"update_handle_free(a queue) is refused", F_UPDATE_HANDLE_FREE, {HANDLE(update_handle, H_QUEUE)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"the update handle survived the wrong free functions", F_UPDATE_HANDLE_GET_ID, {{0}}, TEMPORAL_ERROR_CODE_OK, "\"badinput-fixture-update\"", false, false, false, NULL, 0},
  {"the run survived update_handle_free", F_RUN_GET_ID, {HANDLE(run, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "\"badinput-fixture-", false, false, false, NULL, 0},
  {"update_with_start_workflow_async: baseline works (USE_EXISTING on the running Counter)", F_UWS_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"update_with_start_workflow_async: NULL call_out", F_UWS_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"update_with_start_workflow_async: NULL call options: wait form, default timeout", F_UWS_ASYNC, {NUL(call_options)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"update_with_start_workflow_async: call options size 0", F_UWS_ASYNC, {SIZE(cpo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"update_with_start_workflow_async: call options with a callback and a queue", F_UWS_ASYNC, {CALLBACK(cpo.callback), HANDLE(cpo.completion_queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "set a callback or a completion queue, not both", false, false, false, NULL, 0},
  {"update_with_start_workflow_async: call timeout_ms 100 years + 1 ms", F_UWS_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.timeout_ms of 3153600000001 ms is out of range", false, false, false, NULL, 0},
  {"update_with_start_workflow_async: NULL client", F_UWS_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"update_with_start_workflow_async: a run as the client", F_UWS_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"update_with_start_workflow_async: NULL update_name", F_UWS_ASYNC, {NUL(update_name)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "update_name must not be NULL", false, false, false, NULL, 0},
  {"update_with_start_workflow_async: empty update_name", F_UWS_ASYNC, {STR(update_name, "")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "update name is required", false, false, false, NULL, 0},
  {"update_with_start_workflow_async: NULL workflow_type", F_UWS_ASYNC, {NUL(workflow_type)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_type must not be NULL", false, false, false, NULL, 0},
  {"update_with_start_workflow_async: empty workflow_type", F_UWS_ASYNC, {STR(workflow_type, "")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow type is required", false, false, false, NULL, 0},
  {"update_with_start_workflow_async: invalid UTF-8 update_name", F_UWS_ASYNC, {STR(update_name, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "update_name is not valid UTF-8", false, false, false, NULL, 0},
  {"update_with_start_workflow_async: invalid UTF-8 update_args_json", F_UWS_ASYNC, {STR(update_args_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "update_args_json is not valid UTF-8", false, false, false, NULL, 0},
  {"update_with_start_workflow_async: update_args_json not JSON", F_UWS_ASYNC, {STR(update_args_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false, NULL, 0},
  {"update_with_start_workflow_async: invalid UTF-8 workflow_type", F_UWS_ASYNC, {STR(workflow_type, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_type is not valid UTF-8", false, false, false, NULL, 0},
  {"update_with_start_workflow_async: invalid UTF-8 args_json", F_UWS_ASYNC, {STR(args_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "args_json is not valid UTF-8", false, false, false, NULL, 0},
  {"update_with_start_workflow_async: NULL update options (the stage is required, as in Go)", F_UWS_ASYNC, {NUL(update_options)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "wait_for_stage must be specified", false, false, false, NULL, 0},
  {"update_with_start_workflow_async: wait_for_stage ADMITTED", F_UWS_ASYNC, {I32(uo.wait_for_stage, TEMPORAL_UPDATE_STAGE_ADMITTED)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "not supported", false, false, false, NULL, 0},
  {"update_with_start_workflow_async: update options size 0", F_UWS_ASYNC, {SIZE(uo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_update_options: size is 0", false, false, false, NULL, 0},
  {"update_with_start_workflow_async: NULL start options", F_UWS_ASYNC, {NUL(start_options)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options must not be NULL", false, false, false, NULL, 0},
  {"update_with_start_workflow_async: no conflict policy (required, as in Go)", F_UWS_ASYNC, {I32(so.id_conflict_policy, TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_UNSPECIFIED)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "id_conflict_policy must be set", false, false, false, NULL, 0},
  {"update_with_start_workflow_async: conflict policy 9", F_UWS_ASYNC, {I32(so.id_conflict_policy, 9)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown workflow ID conflict policy 9", false, false, false, NULL, 0},
  {"update_with_start_workflow_async: NULL task_queue", F_UWS_ASYNC, {NUL(so.task_queue)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "task queue is required", false, false, false, NULL, 0},
  {"update_with_start_workflow_async: start options size 0", F_UWS_ASYNC, {SIZE(so.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_start_workflow_options: size is 0", false, false, false, NULL, 0},
  {"update_with_start_workflow_async: FAIL on the running Counter: the start is refused", F_UWS_ASYNC, {I32(so.id_conflict_policy, TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_FAIL)}, TEMPORAL_ERROR_CODE_ALREADY_STARTED, "failed workflow start", false, false, true, NULL, 0},
  {"update_with_start_workflow_async: the update ID given is the one the call reports", F_UWS_ASYNC, {STR(uo.update_id, "badinput-given-uws-update-id")}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"update_with_start_workflow_async: after a panic (at once, no completion)", F_UWS_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"update_with_start_workflow_async: works after the panic", F_UWS_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"call_take_update_handle(NULL)", F_CALL_TAKE_UPDATE_HANDLE, {NUL(call)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_take_update_handle of a start_update: a handle, then NULL", F_CALL_TAKE_UPDATE_HANDLE, {HANDLE(call, H_CALL_UPDATE_HANDLE)}, TEMPORAL_ERROR_CODE_OK, "an update handle of badinput-call-update-handle, then NULL", false, false, false, NULL, 0},
  {"call_take_update_handle of a workflow start", F_CALL_TAKE_UPDATE_HANDLE, {HANDLE(call, H_CALL_RUN)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_take_update_handle of an update_workflow call", F_CALL_TAKE_UPDATE_HANDLE, {HANDLE(call, H_CALL_UPDATE)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_take_update_handle of a call in flight", F_CALL_TAKE_UPDATE_HANDLE, {HANDLE(call, H_CALL_PENDING)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_take_update_handle(a run)", F_CALL_TAKE_UPDATE_HANDLE, {HANDLE(call, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_take_update_handle(an update handle)", F_CALL_TAKE_UPDATE_HANDLE, {HANDLE(call, H_UPDATE_HANDLE)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"execute_async: baseline works", F_EXECUTE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"execute_async: NULL call_out", F_EXECUTE_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"execute_async: NULL call options: wait form, default timeout", F_EXECUTE_ASYNC, {NUL(call_options)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"execute_async: call options size 0", F_EXECUTE_ASYNC, {SIZE(cpo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"execute_async: call options size 4097", F_EXECUTE_ASYNC, {SIZE(cpo.size, 4097)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 4097", false, false, false, NULL, 0},
  {"execute_async: call options larger, unknown tail set", F_EXECUTE_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8), U8(cpo_tail[3], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"execute_async: call options larger, unknown tail zero", F_EXECUTE_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"execute_async: call options with a callback and a queue", F_EXECUTE_ASYNC, {CALLBACK(cpo.callback), HANDLE(cpo.completion_queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "set a callback or a completion queue, not both", false, false, false, NULL, 0},
  {"execute_async: call options queue is a client", F_EXECUTE_ASYNC, {NUL(cpo.callback), HANDLE(cpo.completion_queue, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "completion queue is not a handle of the right kind", false, false, false, NULL, 0},
  {"execute_async: NULL client", F_EXECUTE_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"execute_async: an error as the client", F_EXECUTE_ASYNC, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"execute_async: a run as the client", F_EXECUTE_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"execute_async: NULL workflow_type", F_EXECUTE_ASYNC, {NUL(workflow_type)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_type must not be NULL", false, false, false, NULL, 0},
  {"execute_async: NULL options", F_EXECUTE_ASYNC, {NUL(start_options)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options must not be NULL", false, false, false, NULL, 0},
  {"execute_async: invalid UTF-8 workflow_type", F_EXECUTE_ASYNC, {STR(workflow_type, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_type is not valid UTF-8", false, false, false, NULL, 0},
  {"execute_async: invalid UTF-8 args_json", F_EXECUTE_ASYNC, {STR(args_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "args_json is not valid UTF-8", false, false, false, NULL, 0},
  {"execute_async: invalid UTF-8 options.id", F_EXECUTE_ASYNC, {STR(so.id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.id is not valid UTF-8", false, false, false, NULL, 0},
  {"execute_async: invalid UTF-8 options.task_queue", F_EXECUTE_ASYNC, {STR(so.task_queue, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.task_queue is not valid UTF-8", false, false, false, NULL, 0},
  {"execute_async: args_json not JSON", F_EXECUTE_ASYNC, {STR(args_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false, NULL, 0},
  {"execute_async: args_json {}", F_EXECUTE_ASYNC, {STR(args_json, "{}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false, NULL, 0},
  {"execute_async: call timeout_ms 100 years + 1 ms", F_EXECUTE_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.timeout_ms of 3153600000001 ms is out of range", false, false, false, NULL, 0},
  {"execute_async: call timeout_ms TEMPORAL_TIMEOUT_NONE is accepted", F_EXECUTE_ASYNC, {U64(cpo.timeout_ms, TEMPORAL_TIMEOUT_NONE)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"execute_async: options size 0", F_EXECUTE_ASYNC, {SIZE(so.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_start_workflow_options: size is 0", false, false, false, NULL, 0},
  {"execute_async: options larger, unknown tail set", F_EXECUTE_ASYNC, {SIZE(so.size, sizeof(temporal_start_workflow_options) + 16), U8(so_tail[15], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"execute_async: error_when_already_started = 2", F_EXECUTE_ASYNC, {U8(so.error_when_already_started, 2)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "error_when_already_started must be true or false", false, false, false, NULL, 0},
  {"execute_async: retry policy size 0", F_EXECUTE_ASYNC, {SIZE(rp.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_retry_policy: size is 0", false, false, false, NULL, 0},
  {"execute_async: already running, error_when_already_started: ALREADY_STARTED", F_EXECUTE_ASYNC, {HANDLE(so.id, H_BLOCK_ID), U8(so.error_when_already_started, 1), I32(so.id_conflict_policy, 0)}, TEMPORAL_ERROR_CODE_ALREADY_STARTED, NULL, false, false, true, NULL, 0},
  {"execute_async: after a panic (at once, no completion)", F_EXECUTE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"execute_async: works after the panic", F_EXECUTE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"get_result_async: baseline works", F_GET_RESULT_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"get_result_async: NULL call_out", F_GET_RESULT_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"get_result_async: NULL call options: wait form, default timeout", F_GET_RESULT_ASYNC, {NUL(call_options)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"get_result_async: call options size 0", F_GET_RESULT_ASYNC, {SIZE(cpo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"get_result_async: call options size 4097", F_GET_RESULT_ASYNC, {SIZE(cpo.size, 4097)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 4097", false, false, false, NULL, 0},
  {"get_result_async: call options larger, unknown tail set", F_GET_RESULT_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8), U8(cpo_tail[3], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"get_result_async: call options larger, unknown tail zero", F_GET_RESULT_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"get_result_async: call options with a callback and a queue", F_GET_RESULT_ASYNC, {CALLBACK(cpo.callback), HANDLE(cpo.completion_queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "set a callback or a completion queue, not both", false, false, false, NULL, 0},
  {"get_result_async: call options queue is a client", F_GET_RESULT_ASYNC, {NUL(cpo.callback), HANDLE(cpo.completion_queue, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "completion queue is not a handle of the right kind", false, false, false, NULL, 0},
  {"get_result_async: NULL run", F_GET_RESULT_ASYNC, {NUL(run)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run must not be NULL", false, false, false, NULL, 0},
  {"get_result_async: an error as the run", F_GET_RESULT_ASYNC, {HANDLE(run, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run is not a handle of the right kind", false, false, false, NULL, 0},
  {"get_result_async: a client as the run", F_GET_RESULT_ASYNC, {HANDLE(run, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run is not a handle of the right kind", false, false, false, NULL, 0},
  {"get_result_async: call timeout_ms 100 years + 1 ms", F_GET_RESULT_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.timeout_ms of 3153600000001 ms is out of range", false, false, false, NULL, 0},
  {"get_result_async: call timeout_ms TEMPORAL_TIMEOUT_NONE is accepted", F_GET_RESULT_ASYNC, {U64(cpo.timeout_ms, TEMPORAL_TIMEOUT_NONE)}, TEMPORAL_ERROR_CODE_OK, "\"fixture\"", false, false, false, NULL, 0},
  {"get_result_async: a run from get_workflow without a Run ID", F_GET_RESULT_ASYNC, {HANDLE(run, H_REATTACHED)}, TEMPORAL_ERROR_CODE_OK, "\"fixture\"", false, false, false, NULL, 0},
  {"get_result_async: a run of a workflow never started: NOT_FOUND", F_GET_RESULT_ASYNC, {HANDLE(run, H_REATTACHED_MISSING)}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"get_result_async: after a panic (at once, no completion)", F_GET_RESULT_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"get_result_async: works after the panic", F_GET_RESULT_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},

  /* ---- payload lists (H_LIST, the fixture: [0] json/plain "badinput", [1] "raw" of encoding
     badinput/unknown, [2] empty; a refused call must leave the list as it was) */
  {"payloads_new: an empty list", F_PAYLOADS_NEW, {{0}}, TEMPORAL_ERROR_CODE_OK, "a list of 0", false, false, false, NULL, 0},
  {"payloads_new: NULL payloads_out", F_PAYLOADS_NEW, {NUL(payloads_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads_out must not be NULL", false, false, false, NULL, 0},
  {"payloads_new: after a panic", F_PAYLOADS_NEW, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"payloads_new: works after the panic", F_PAYLOADS_NEW, {{0}}, TEMPORAL_ERROR_CODE_OK, "a list of 0", false, false, false, NULL, 0},
  {"payloads_free(NULL) is a no-op", F_PAYLOADS_FREE, {NUL(payloads)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"payloads_free of a list", F_PAYLOADS_FREE, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"payloads_free(a run) is refused", F_PAYLOADS_FREE, {HANDLE(payloads, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"payloads_free(a client) is refused", F_PAYLOADS_FREE, {HANDLE(payloads, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"payloads_free(a call) is refused", F_PAYLOADS_FREE, {HANDLE(payloads, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"payloads_free of a freed list is a no-op", F_PAYLOADS_FREE, {HANDLE(payloads, H_FREED_LIST)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"payloads_len of the fixture list is 3", F_PAYLOADS_LEN, {{0}}, TEMPORAL_ERROR_CODE_OK, "3", false, false, false, NULL, 0},
  {"payloads_len(NULL) is 0", F_PAYLOADS_LEN, {NUL(payloads)}, TEMPORAL_ERROR_CODE_OK, "0", false, false, false, NULL, 0},
  {"payloads_len(a run) is 0", F_PAYLOADS_LEN, {HANDLE(payloads, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "0", false, false, false, NULL, 0},
  {"payloads_len(a client) is 0", F_PAYLOADS_LEN, {HANDLE(payloads, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "0", false, false, false, NULL, 0},
  {"payloads_len(a call) is 0", F_PAYLOADS_LEN, {HANDLE(payloads, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_OK, "0", false, false, false, NULL, 0},
  {"payloads_len of a freed list is 0", F_PAYLOADS_LEN, {HANDLE(payloads, H_FREED_LIST)}, TEMPORAL_ERROR_CODE_OK, "0", false, false, false, NULL, 0},
  {"payloads_len of an empty list is 0", F_PAYLOADS_LEN, {HANDLE(payloads, H_EMPTY_LIST)}, TEMPORAL_ERROR_CODE_OK, "0", false, false, false, NULL, 0},
  {"payloads_push: appends a payload without metadata", F_PAYLOADS_PUSH, {{0}}, TEMPORAL_ERROR_CODE_OK, "4 payloads, last {} data raw2", false, false, false, NULL, 0},
  {"payloads_push to an empty list", F_PAYLOADS_PUSH, {HANDLE(payloads, H_EMPTY_LIST)}, TEMPORAL_ERROR_CODE_OK, "1 payloads, last {} data raw2", false, false, false, NULL, 0},
  {"payloads_push: NULL data with length 0: an empty payload", F_PAYLOADS_PUSH, {NUL(bytes), SIZE(bytes_len, 0)}, TEMPORAL_ERROR_CODE_OK, "4 payloads, last {} data (empty)", false, false, false, NULL, 0},
  {"payloads_push: NULL data with length 5", F_PAYLOADS_PUSH, {NUL(bytes), SIZE(bytes_len, 5)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "data is NULL but its length is 5", false, false, false, NULL, 0},
  {"payloads_push: binary data (a NUL, not UTF-8) is kept as it is", F_PAYLOADS_PUSH, {STR(bytes, "a\0\xff"), SIZE(bytes_len, 3)}, TEMPORAL_ERROR_CODE_OK, "4 payloads, last {} data a\\x00\\xff", false, false, false, NULL, 0},
  {"payloads_push: NULL list", F_PAYLOADS_PUSH, {NUL(payloads)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads must not be NULL", false, false, false, NULL, 0},
  {"payloads_push: a run as the list", F_PAYLOADS_PUSH, {HANDLE(payloads, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"payloads_push: a client as the list", F_PAYLOADS_PUSH, {HANDLE(payloads, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"payloads_push: a call as the list", F_PAYLOADS_PUSH, {HANDLE(payloads, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"payloads_push: a freed list", F_PAYLOADS_PUSH, {HANDLE(payloads, H_FREED_LIST)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads was already freed", false, false, false, NULL, 0},
  {"payloads_push_json: json/plain, compact", F_PAYLOADS_PUSH_JSON, {{0}}, TEMPORAL_ERROR_CODE_OK, "4 payloads, last {encoding=json/plain} data {\"a\":[1,2]}", false, false, false, NULL, 0},
  {"payloads_push_json: null is binary/null, no data", F_PAYLOADS_PUSH_JSON, {STR(json_value, "null")}, TEMPORAL_ERROR_CODE_OK, "4 payloads, last {encoding=binary/null} data (empty)", false, false, false, NULL, 0},
  {"payloads_push_json: a string with a NUL escape", F_PAYLOADS_PUSH_JSON, {STR(json_value, "\"a\\u0000b\"")}, TEMPORAL_ERROR_CODE_OK, "last {encoding=json/plain} data \"a\\u0000b\"", false, false, false, NULL, 0},
  {"payloads_push_json: NULL json_value", F_PAYLOADS_PUSH_JSON, {NUL(json_value)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "json_value must not be NULL", false, false, false, NULL, 0},
  {"payloads_push_json: invalid UTF-8 json_value", F_PAYLOADS_PUSH_JSON, {STR(json_value, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "json_value is not valid UTF-8", false, false, false, NULL, 0},
  {"payloads_push_json: invalid UTF-8 inside a JSON string", F_PAYLOADS_PUSH_JSON, {STR(json_value, "\"" BAD "\"")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "json_value is not valid UTF-8", false, false, false, NULL, 0},
  {"payloads_push_json: not JSON", F_PAYLOADS_PUSH_JSON, {STR(json_value, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "json_value must be one JSON value", false, false, false, NULL, 0},
  {"payloads_push_json: two values", F_PAYLOADS_PUSH_JSON, {STR(json_value, "1 2")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "json_value must be one JSON value", false, false, false, NULL, 0},
  {"payloads_push_json: empty text", F_PAYLOADS_PUSH_JSON, {STR(json_value, "")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "json_value must be one JSON value", false, false, false, NULL, 0},
  {"payloads_push_json: truncated", F_PAYLOADS_PUSH_JSON, {STR(json_value, "{\"a\": [1,")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "json_value must be one JSON value", false, false, false, NULL, 0},
  {"payloads_push_json: 10000 '[' (unbalanced)", F_PAYLOADS_PUSH_JSON, {GEN(json_value, deep_open)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "json_value must be one JSON value", false, false, false, NULL, 0},
  {"payloads_push_json: NULL list", F_PAYLOADS_PUSH_JSON, {NUL(payloads)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads must not be NULL", false, false, false, NULL, 0},
  {"payloads_push_json: a run as the list", F_PAYLOADS_PUSH_JSON, {HANDLE(payloads, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"payloads_push_json: a client as the list", F_PAYLOADS_PUSH_JSON, {HANDLE(payloads, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"payloads_push_json: a call as the list", F_PAYLOADS_PUSH_JSON, {HANDLE(payloads, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"payloads_push_json: after a panic (nothing appended)", F_PAYLOADS_PUSH_JSON, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"payloads_push_json: works after the panic", F_PAYLOADS_PUSH_JSON, {{0}}, TEMPORAL_ERROR_CODE_OK, "4 payloads, last {encoding=json/plain}", false, false, false, NULL, 0},
  {"payloads_push_proto: a Payload protobuf", F_PAYLOADS_PUSH_PROTO, {{0}}, TEMPORAL_ERROR_CODE_OK, "4 payloads, last {encoding=json/plain} data 1", false, false, false, NULL, 0},
  {"payloads_push_proto: NULL bytes with length 0: an empty Payload", F_PAYLOADS_PUSH_PROTO, {NUL(bytes), SIZE(bytes_len, 0)}, TEMPORAL_ERROR_CODE_OK, "4 payloads, last {} data (empty)", false, false, false, NULL, 0},
  {"payloads_push_proto: NULL bytes with length 5", F_PAYLOADS_PUSH_PROTO, {NUL(bytes), SIZE(bytes_len, 5)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "bytes is NULL but its length is 5", false, false, false, NULL, 0},
  {"payloads_push_proto: bytes that are not a Payload", F_PAYLOADS_PUSH_PROTO, {STR(bytes, "not a protobuf"), SIZE(bytes_len, 14)}, TEMPORAL_ERROR_CODE_PAYLOAD, "bytes are not a temporal.api.common.v1.Payload protobuf", false, false, false, NULL, 0},
  {"payloads_push_proto: a Payload cut short (10 of 27 bytes)", F_PAYLOADS_PUSH_PROTO, {SIZE(bytes_len, 10)}, TEMPORAL_ERROR_CODE_PAYLOAD, "bytes are not a temporal.api.common.v1.Payload protobuf", false, false, false, NULL, 0},
  {"payloads_push_proto: a metadata key that is not UTF-8", F_PAYLOADS_PUSH_PROTO, {STR(bytes, "\x0a\x05\x0a\x03\xff\xfe\xfd"), SIZE(bytes_len, 7)}, TEMPORAL_ERROR_CODE_PAYLOAD, "bytes are not a temporal.api.common.v1.Payload protobuf", false, false, false, NULL, 0},
  {"payloads_push_proto: NULL list", F_PAYLOADS_PUSH_PROTO, {NUL(payloads)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads must not be NULL", false, false, false, NULL, 0},
  {"payloads_push_proto: a run as the list", F_PAYLOADS_PUSH_PROTO, {HANDLE(payloads, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"payloads_push_proto: a client as the list", F_PAYLOADS_PUSH_PROTO, {HANDLE(payloads, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"payloads_push_proto: a call as the list", F_PAYLOADS_PUSH_PROTO, {HANDLE(payloads, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"payloads_set_metadata: a new key (entries in key order)", F_PAYLOADS_SET_METADATA, {{0}}, TEMPORAL_ERROR_CODE_OK, "{badinput-key=v,encoding=json/plain} data \"badinput\"", false, false, false, NULL, 0},
  {"payloads_set_metadata: replaces a key", F_PAYLOADS_SET_METADATA, {STR(key, "encoding"), STR(bytes, "binary/plain"), SIZE(bytes_len, 12)}, TEMPORAL_ERROR_CODE_OK, "{encoding=binary/plain} data \"badinput\"", false, false, false, NULL, 0},
  {"payloads_set_metadata: NULL value with length 0: an empty value", F_PAYLOADS_SET_METADATA, {NUL(bytes), SIZE(bytes_len, 0)}, TEMPORAL_ERROR_CODE_OK, "{badinput-key=,encoding=json/plain}", false, false, false, NULL, 0},
  {"payloads_set_metadata: NULL value with length 5", F_PAYLOADS_SET_METADATA, {NUL(bytes), SIZE(bytes_len, 5)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "value is NULL but its length is 5", false, false, false, NULL, 0},
  {"payloads_set_metadata: a binary value (not UTF-8) is kept as it is", F_PAYLOADS_SET_METADATA, {STR(bytes, BAD), SIZE(bytes_len, sizeof BAD - 1)}, TEMPORAL_ERROR_CODE_OK, "{badinput-key=bad-\\xff\\xfe-\\xc0\\xaf-\\xe2\\x82,encoding=json/plain}", false, false, false, NULL, 0},
  {"payloads_set_metadata: on the empty payload", F_PAYLOADS_SET_METADATA, {SIZE(index, 2)}, TEMPORAL_ERROR_CODE_OK, "{badinput-key=v} data (empty)", false, false, false, NULL, 0},
  {"payloads_set_metadata: NULL key", F_PAYLOADS_SET_METADATA, {NUL(key)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "key must not be NULL", false, false, false, NULL, 0},
  {"payloads_set_metadata: empty key", F_PAYLOADS_SET_METADATA, {STR(key, "")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "key must not be empty", false, false, false, NULL, 0},
  {"payloads_set_metadata: invalid UTF-8 key", F_PAYLOADS_SET_METADATA, {STR(key, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "key is not valid UTF-8", false, false, false, NULL, 0},
  {"payloads_set_metadata: index 3 (out of range)", F_PAYLOADS_SET_METADATA, {SIZE(index, 3)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payload index 3 is out of range: the list holds 3", false, false, false, NULL, 0},
  {"payloads_set_metadata: index SIZE_MAX", F_PAYLOADS_SET_METADATA, {SIZE(index, SIZE_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payload index 18446744073709551615 is out of range", false, false, false, NULL, 0},
  {"payloads_set_metadata: index 0 of an empty list", F_PAYLOADS_SET_METADATA, {HANDLE(payloads, H_EMPTY_LIST)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payload index 0 is out of range: the list holds 0", false, false, false, NULL, 0},
  {"payloads_set_metadata: NULL list", F_PAYLOADS_SET_METADATA, {NUL(payloads)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads must not be NULL", false, false, false, NULL, 0},
  {"payloads_set_metadata: a run as the list", F_PAYLOADS_SET_METADATA, {HANDLE(payloads, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"payloads_set_metadata: a client as the list", F_PAYLOADS_SET_METADATA, {HANDLE(payloads, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"payloads_set_metadata: a call as the list", F_PAYLOADS_SET_METADATA, {HANDLE(payloads, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"payloads_get_data: payload 0", F_PAYLOADS_GET_DATA, {{0}}, TEMPORAL_ERROR_CODE_OK, "10 bytes \"badinput\"", false, false, false, NULL, 0},
  {"payloads_get_data: payload 1", F_PAYLOADS_GET_DATA, {SIZE(index, 1)}, TEMPORAL_ERROR_CODE_OK, "3 bytes raw", false, false, false, NULL, 0},
  {"payloads_get_data: the empty payload: NULL, 0", F_PAYLOADS_GET_DATA, {SIZE(index, 2)}, TEMPORAL_ERROR_CODE_OK, "0 bytes (NULL)", false, false, false, NULL, 0},
  {"payloads_get_data: index 3 (out of range)", F_PAYLOADS_GET_DATA, {SIZE(index, 3)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payload index 3 is out of range: the list holds 3", false, false, false, NULL, 0},
  {"payloads_get_data: index SIZE_MAX", F_PAYLOADS_GET_DATA, {SIZE(index, SIZE_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payload index 18446744073709551615 is out of range", false, false, false, NULL, 0},
  {"payloads_get_data: NULL data_out", F_PAYLOADS_GET_DATA, {NUL(data_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "data_out must not be NULL", false, false, false, NULL, 0},
  {"payloads_get_data: NULL data_len_out", F_PAYLOADS_GET_DATA, {NUL(data_len_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "data_len_out must not be NULL", false, false, false, NULL, 0},
  {"payloads_get_data: NULL list", F_PAYLOADS_GET_DATA, {NUL(payloads)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads must not be NULL", false, false, false, NULL, 0},
  {"payloads_get_data: a run as the list", F_PAYLOADS_GET_DATA, {HANDLE(payloads, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"payloads_get_data: a client as the list", F_PAYLOADS_GET_DATA, {HANDLE(payloads, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"payloads_get_data: a call as the list", F_PAYLOADS_GET_DATA, {HANDLE(payloads, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"payloads_metadata_len: payload 0 has 1", F_PAYLOADS_METADATA_LEN, {{0}}, TEMPORAL_ERROR_CODE_OK, "1", false, false, false, NULL, 0},
  {"payloads_metadata_len: the empty payload has 0", F_PAYLOADS_METADATA_LEN, {SIZE(index, 2)}, TEMPORAL_ERROR_CODE_OK, "0", false, false, false, NULL, 0},
  {"payloads_metadata_len: index 3 (out of range) is 0", F_PAYLOADS_METADATA_LEN, {SIZE(index, 3)}, TEMPORAL_ERROR_CODE_OK, "0", false, false, false, NULL, 0},
  {"payloads_metadata_len: index SIZE_MAX is 0", F_PAYLOADS_METADATA_LEN, {SIZE(index, SIZE_MAX)}, TEMPORAL_ERROR_CODE_OK, "0", false, false, false, NULL, 0},
  {"payloads_metadata_len(NULL) is 0", F_PAYLOADS_METADATA_LEN, {NUL(payloads)}, TEMPORAL_ERROR_CODE_OK, "0", false, false, false, NULL, 0},
  {"payloads_metadata_len(a run) is 0", F_PAYLOADS_METADATA_LEN, {HANDLE(payloads, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "0", false, false, false, NULL, 0},
  {"payloads_metadata_len(a client) is 0", F_PAYLOADS_METADATA_LEN, {HANDLE(payloads, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "0", false, false, false, NULL, 0},
  {"payloads_metadata_len(a call) is 0", F_PAYLOADS_METADATA_LEN, {HANDLE(payloads, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_OK, "0", false, false, false, NULL, 0},
  {"payloads_get_metadata_at: entry 0 of payload 0", F_PAYLOADS_GET_METADATA_AT, {{0}}, TEMPORAL_ERROR_CODE_OK, "key \"encoding\" value json/plain", false, false, false, NULL, 0},
  {"payloads_get_metadata_at: entry 0 of payload 1", F_PAYLOADS_GET_METADATA_AT, {SIZE(index, 1)}, TEMPORAL_ERROR_CODE_OK, "key \"encoding\" value badinput/unknown", false, false, false, NULL, 0},
  {"payloads_get_metadata_at: entry 1 (out of range)", F_PAYLOADS_GET_METADATA_AT, {SIZE(entry, 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "metadata entry 1 is out of range: payload 0 has 1", false, false, false, NULL, 0},
  {"payloads_get_metadata_at: entry SIZE_MAX", F_PAYLOADS_GET_METADATA_AT, {SIZE(entry, SIZE_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "metadata entry 18446744073709551615 is out of range", false, false, false, NULL, 0},
  {"payloads_get_metadata_at: entry 0 of the empty payload", F_PAYLOADS_GET_METADATA_AT, {SIZE(index, 2)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "metadata entry 0 is out of range: payload 2 has 0", false, false, false, NULL, 0},
  {"payloads_get_metadata_at: index 3 (out of range)", F_PAYLOADS_GET_METADATA_AT, {SIZE(index, 3)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payload index 3 is out of range: the list holds 3", false, false, false, NULL, 0},
  {"payloads_get_metadata_at: NULL key_out", F_PAYLOADS_GET_METADATA_AT, {NUL(key_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "key_out must not be NULL", false, false, false, NULL, 0},
  {"payloads_get_metadata_at: NULL value_out", F_PAYLOADS_GET_METADATA_AT, {NUL(data_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "value_out must not be NULL", false, false, false, NULL, 0},
  {"payloads_get_metadata_at: NULL value_len_out", F_PAYLOADS_GET_METADATA_AT, {NUL(data_len_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "value_len_out must not be NULL", false, false, false, NULL, 0},
  {"payloads_get_metadata_at: NULL list", F_PAYLOADS_GET_METADATA_AT, {NUL(payloads)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads must not be NULL", false, false, false, NULL, 0},
  {"payloads_get_metadata_at: a run as the list", F_PAYLOADS_GET_METADATA_AT, {HANDLE(payloads, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"payloads_get_metadata_at: a client as the list", F_PAYLOADS_GET_METADATA_AT, {HANDLE(payloads, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"payloads_get_metadata_at: a call as the list", F_PAYLOADS_GET_METADATA_AT, {HANDLE(payloads, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"payloads_get_metadata: encoding of payload 0", F_PAYLOADS_GET_METADATA, {{0}}, TEMPORAL_ERROR_CODE_OK, "value json/plain", false, false, false, NULL, 0},
  {"payloads_get_metadata: a missing key is NOT_FOUND", F_PAYLOADS_GET_METADATA, {STR(key, "badinput-missing")}, TEMPORAL_ERROR_CODE_NOT_FOUND, "payload 0 has no metadata \"badinput-missing\"", false, false, false, NULL, 0},
  {"payloads_get_metadata: encoding of the empty payload is NOT_FOUND", F_PAYLOADS_GET_METADATA, {SIZE(index, 2)}, TEMPORAL_ERROR_CODE_NOT_FOUND, "payload 2 has no metadata \"encoding\"", false, false, false, NULL, 0},
  {"payloads_get_metadata: empty key is NOT_FOUND", F_PAYLOADS_GET_METADATA, {STR(key, "")}, TEMPORAL_ERROR_CODE_NOT_FOUND, "payload 0 has no metadata \"\"", false, false, false, NULL, 0},
  {"payloads_get_metadata: NULL key", F_PAYLOADS_GET_METADATA, {NUL(key)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "key must not be NULL", false, false, false, NULL, 0},
  {"payloads_get_metadata: invalid UTF-8 key", F_PAYLOADS_GET_METADATA, {STR(key, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "key is not valid UTF-8", false, false, false, NULL, 0},
  {"payloads_get_metadata: index 3 (out of range)", F_PAYLOADS_GET_METADATA, {SIZE(index, 3)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payload index 3 is out of range: the list holds 3", false, false, false, NULL, 0},
  {"payloads_get_metadata: NULL value_out", F_PAYLOADS_GET_METADATA, {NUL(data_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "value_out must not be NULL", false, false, false, NULL, 0},
  {"payloads_get_metadata: NULL value_len_out", F_PAYLOADS_GET_METADATA, {NUL(data_len_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "value_len_out must not be NULL", false, false, false, NULL, 0},
  {"payloads_get_metadata: NULL list", F_PAYLOADS_GET_METADATA, {NUL(payloads)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads must not be NULL", false, false, false, NULL, 0},
  {"payloads_get_metadata: a run as the list", F_PAYLOADS_GET_METADATA, {HANDLE(payloads, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"payloads_get_metadata: a client as the list", F_PAYLOADS_GET_METADATA, {HANDLE(payloads, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"payloads_get_metadata: a call as the list", F_PAYLOADS_GET_METADATA, {HANDLE(payloads, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"payloads_get_json: a json/plain payload", F_PAYLOADS_GET_JSON, {{0}}, TEMPORAL_ERROR_CODE_OK, "\"badinput\"", false, false, false, NULL, 0},
  {"payloads_get_json: an unknown encoding is PAYLOAD, naming it", F_PAYLOADS_GET_JSON, {SIZE(index, 1)}, TEMPORAL_ERROR_CODE_PAYLOAD, "payload encoding \"badinput/unknown\" is not supported", false, false, false, NULL, 0},
  {"payloads_get_json: no encoding is PAYLOAD", F_PAYLOADS_GET_JSON, {SIZE(index, 2)}, TEMPORAL_ERROR_CODE_PAYLOAD, "payload has no encoding metadata", false, false, false, NULL, 0},
  {"payloads_get_json: index 3 (out of range)", F_PAYLOADS_GET_JSON, {SIZE(index, 3)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payload index 3 is out of range: the list holds 3", false, false, false, NULL, 0},
  {"payloads_get_json: NULL json_out", F_PAYLOADS_GET_JSON, {NUL(result_json_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "json_out must not be NULL", false, false, false, NULL, 0},
  {"payloads_get_json: NULL list", F_PAYLOADS_GET_JSON, {NUL(payloads)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads must not be NULL", false, false, false, NULL, 0},
  {"payloads_get_json: a run as the list", F_PAYLOADS_GET_JSON, {HANDLE(payloads, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"payloads_get_json: a client as the list", F_PAYLOADS_GET_JSON, {HANDLE(payloads, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"payloads_get_json: a call as the list", F_PAYLOADS_GET_JSON, {HANDLE(payloads, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"payloads_get_proto: reads back as the same payload", F_PAYLOADS_GET_PROTO, {{0}}, TEMPORAL_ERROR_CODE_OK, "bytes, read back {encoding=json/plain} data \"badinput\"", false, false, false, NULL, 0},
  {"payloads_get_proto: the empty payload is 0 bytes", F_PAYLOADS_GET_PROTO, {SIZE(index, 2)}, TEMPORAL_ERROR_CODE_OK, "0 bytes, read back {} data (empty)", false, false, false, NULL, 0},
  {"payloads_get_proto: index 3 (out of range)", F_PAYLOADS_GET_PROTO, {SIZE(index, 3)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payload index 3 is out of range: the list holds 3", false, false, false, NULL, 0},
  {"payloads_get_proto: NULL bytes_out", F_PAYLOADS_GET_PROTO, {NUL(bytes_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "bytes_out must not be NULL", false, false, false, NULL, 0},
  {"payloads_get_proto: NULL len_out", F_PAYLOADS_GET_PROTO, {NUL(len_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "len_out must not be NULL", false, false, false, NULL, 0},
  {"payloads_get_proto: NULL list", F_PAYLOADS_GET_PROTO, {NUL(payloads)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads must not be NULL", false, false, false, NULL, 0},
  {"payloads_get_proto: a run as the list", F_PAYLOADS_GET_PROTO, {HANDLE(payloads, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"payloads_get_proto: a client as the list", F_PAYLOADS_GET_PROTO, {HANDLE(payloads, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"payloads_get_proto: a call as the list", F_PAYLOADS_GET_PROTO, {HANDLE(payloads, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"bytes_free(NULL, 5) is a no-op", F_BYTES_FREE, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"bytes_free(NULL, 0) is a no-op", F_BYTES_FREE, {SIZE(owned_len, 0)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"bytes_free of the bytes get_proto returned", F_BYTES_FREE, {HANDLE(owned_bytes, H_PROTO_BYTES)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"payloads_set_error outside a codec callback: kept, harmless", F_PAYLOADS_SET_ERROR, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"payloads_set_error: NULL message", F_PAYLOADS_SET_ERROR, {NUL(message)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "message must not be NULL", false, false, false, NULL, 0},
  {"payloads_set_error: invalid UTF-8 message", F_PAYLOADS_SET_ERROR, {STR(message, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "message is not valid UTF-8", false, false, false, NULL, 0},
  {"payloads_set_error: NULL list", F_PAYLOADS_SET_ERROR, {NUL(payloads)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads must not be NULL", false, false, false, NULL, 0},
  {"payloads_set_error: a run as the list", F_PAYLOADS_SET_ERROR, {HANDLE(payloads, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"payloads_set_error: a client as the list", F_PAYLOADS_SET_ERROR, {HANDLE(payloads, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"payloads_set_error: a call as the list", F_PAYLOADS_SET_ERROR, {HANDLE(payloads, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"payload_codec_default(NULL) is false", F_PAYLOAD_CODEC_DEFAULT, {NUL(codec)}, TEMPORAL_ERROR_CODE_OK, "false", false, false, false, NULL, 0},
  {"payload_codec_default resets a garbage struct", F_PAYLOAD_CODEC_DEFAULT, {{0}}, TEMPORAL_ERROR_CODE_OK, "defaults (", false, false, false, NULL, 0},
  {"payload_codec_default with size 0: false, nothing written", F_PAYLOAD_CODEC_DEFAULT, {SIZE(default_size, 0)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"payload_codec_default with size 7: false, nothing written", F_PAYLOAD_CODEC_DEFAULT, {SIZE(default_size, 7)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"payload_codec_default with size 20 (not a multiple of 8): false", F_PAYLOAD_CODEC_DEFAULT, {SIZE(default_size, 20)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"payload_codec_default with size 4104 (over 4096): false", F_PAYLOAD_CODEC_DEFAULT, {SIZE(default_size, 4104)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"payload_codec_default with an older header's size 16: writes 16 bytes only", F_PAYLOAD_CODEC_DEFAULT, {SIZE(default_size, 16)}, TEMPORAL_ERROR_CODE_OK, "defaults (16 bytes)", false, false, false, NULL, 0},
  {"payload_codec_default with a newer header's larger size: zeroes it all", F_PAYLOAD_CODEC_DEFAULT, {SIZE(default_size, sizeof(temporal_payload_codec) + 16)}, TEMPORAL_ERROR_CODE_OK, "defaults (", false, false, false, NULL, 0},
  {"the run survived payloads_free", F_RUN_GET_ID, {HANDLE(run, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "\"badinput-fixture-", false, false, false, NULL, 0},
  {"the client survived payloads_free", F_EXECUTE, {HANDLE(client, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"run_get_id(a payload list)", F_RUN_GET_ID, {HANDLE(run, H_LIST)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_wait(a payload list)", F_CALL_WAIT, {HANDLE(call, H_LIST)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call is not a handle of the right kind", false, false, false, NULL, 0},
  {"client_free(a payload list) is refused", F_CLIENT_FREE, {HANDLE(client, H_LIST)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},

  /* ---- temporal_client_options.payload_codec (see special_connect_codec) */
  {"connect: a payload codec of size 0 (release not called)", F_CONNECT, {{0}}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_payload_codec: size is 0", false, false, false, special_connect_codec, 0},
  {"connect: a payload codec without encode (release not called)", F_CONNECT, {{0}}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_payload_codec.encode is required", false, false, false, special_connect_codec, 1},
  {"connect: a payload codec without decode (release not called)", F_CONNECT, {{0}}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_payload_codec.decode is required", false, false, false, special_connect_codec, 2},
  {"connect: a payload codec larger, unknown tail set (release not called)", F_CONNECT, {{0}}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, special_connect_codec, 3},
  {"connect: a pass-through codec: a workflow round-trips, release once after client_free", F_CONNECT, {{0}}, TEMPORAL_ERROR_CODE_OK, "release once, after the client was freed", false, false, false, special_connect_codec, 4},
  {"connect: a codec whose encode fails: the start fails with PAYLOAD and the reason", F_CONNECT, {{0}}, TEMPORAL_ERROR_CODE_PAYLOAD, "payload codec encode failed: badinput refuses", false, false, false, special_connect_codec, 5},
  {"connect: a codec whose encode returns no payloads: PAYLOAD", F_CONNECT, {{0}}, TEMPORAL_ERROR_CODE_PAYLOAD, "payload codec encode returned 0 payloads for 1", false, false, false, special_connect_codec, 6},
  {"connect: a client made from one with a codec shares it: release after both are freed", F_CONNECT, {{0}}, TEMPORAL_ERROR_CODE_OK, "release once, after the two clients were freed", false, false, false, special_connect_codec, 7},
  {"connect: options of an older header end before payload_codec: a run there is not read", F_CONNECT, {SIZE(co.size, offsetof(temporal_client_options, payload_codec)), HANDLE(co.payload_codec, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},

  /* ---- temporal_call_options.args_payloads / workflow_args_payloads / result_as_payloads */
  {"signal_async: args_payloads and args_json both set", F_SIGNAL_ASYNC, {HANDLE(cpo.args_payloads, H_ARGS_LIST)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.args_payloads and args_json are both set", false, false, false, NULL, 0},
  {"signal_async: args_payloads instead of args_json", F_SIGNAL_ASYNC, {HANDLE(cpo.args_payloads, H_ARGS_LIST), NUL(args_json)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"signal_async: an empty args_payloads: no arguments", F_SIGNAL_ASYNC, {HANDLE(cpo.args_payloads, H_EMPTY_LIST), NUL(args_json)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"signal_async: workflow_args_payloads (a signal starts no workflow)", F_SIGNAL_ASYNC, {HANDLE(cpo.workflow_args_payloads, H_ARGS_LIST)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.workflow_args_payloads is set, but this operation does not take it", false, false, false, NULL, 0},
  {"signal_async: result_as_payloads (a signal has no result)", F_SIGNAL_ASYNC, {U8(cpo.result_as_payloads, 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.result_as_payloads is set, but this operation does not take it", false, false, false, NULL, 0},
  {"signal_async: result_as_payloads byte 2", F_SIGNAL_ASYNC, {U8(cpo.result_as_payloads, 2)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: result_as_payloads must be true or false", false, false, false, NULL, 0},
  {"signal_async: a run as args_payloads", F_SIGNAL_ASYNC, {HANDLE(cpo.args_payloads, H_RUN), NUL(args_json)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.args_payloads: payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"signal_async: a freed list as args_payloads", F_SIGNAL_ASYNC, {HANDLE(cpo.args_payloads, H_FREED_LIST), NUL(args_json)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.args_payloads: payloads was already freed", false, false, false, NULL, 0},
  {"signal_async: a client as workflow_args_payloads", F_SIGNAL_ASYNC, {HANDLE(cpo.workflow_args_payloads, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.workflow_args_payloads: payloads is not a handle of the right kind", false, false, false, NULL, 0},
  {"signal_async: call options of an older header end before args_payloads: a run there is not read", F_SIGNAL_ASYNC, {SIZE(cpo.size, offsetof(temporal_call_options, args_payloads)), HANDLE(cpo.args_payloads, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"cancel_async: args_payloads (cancel takes no arguments)", F_CANCEL_ASYNC, {HANDLE(cpo.args_payloads, H_ARGS_LIST)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.args_payloads is set, but this operation does not take it", false, false, false, NULL, 0},
  {"describe_async: args_payloads (describe takes no arguments)", F_DESCRIBE_ASYNC, {HANDLE(cpo.args_payloads, H_ARGS_LIST)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.args_payloads is set, but this operation does not take it", false, false, false, NULL, 0},
  {"describe_async: result_as_payloads", F_DESCRIBE_ASYNC, {U8(cpo.result_as_payloads, 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.result_as_payloads is set, but this operation does not take it", false, false, false, NULL, 0},
  {"connect_async: args_payloads", F_CONNECT_ASYNC, {HANDLE(cpo.args_payloads, H_ARGS_LIST)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.args_payloads is set, but this operation does not take it", false, false, false, NULL, 0},
  {"resolve_run_id_async: args_payloads", F_RESOLVE_ASYNC, {HANDLE(cpo.args_payloads, H_ARGS_LIST)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.args_payloads is set, but this operation does not take it", false, false, false, NULL, 0},
  {"start_update_async: result_as_payloads (its handle gives the result)", F_START_UPDATE_ASYNC, {U8(cpo.result_as_payloads, 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.result_as_payloads is set, but this operation does not take it", false, false, false, NULL, 0},
  {"query_async: result_as_payloads: the answer as payloads, no JSON", F_QUERY_ASYNC, {U8(cpo.result_as_payloads, 1)}, TEMPORAL_ERROR_CODE_OK, "payloads: 1, first as JSON: ", false, false, false, NULL, 0},
  {"query_async: an empty args_payloads and result_as_payloads", F_QUERY_ASYNC, {HANDLE(cpo.args_payloads, H_EMPTY_LIST), U8(cpo.result_as_payloads, 1)}, TEMPORAL_ERROR_CODE_OK, "payloads: 1", false, false, false, NULL, 0},
  {"query_async: args_payloads and args_json both set", F_QUERY_ASYNC, {HANDLE(cpo.args_payloads, H_EMPTY_LIST), STR(args_json, "[]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.args_payloads and args_json are both set", false, false, false, NULL, 0},
  {"get_result_async: result_as_payloads: the result as payloads, no JSON", F_GET_RESULT_ASYNC, {U8(cpo.result_as_payloads, 1)}, TEMPORAL_ERROR_CODE_OK, "payloads: 1, first as JSON: \"fixture\"", false, false, false, NULL, 0},
  {"get_result_async: result_as_payloads byte 2", F_GET_RESULT_ASYNC, {U8(cpo.result_as_payloads, 2)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: result_as_payloads must be true or false", false, false, false, NULL, 0},
  {"get_result_async: args_payloads", F_GET_RESULT_ASYNC, {HANDLE(cpo.args_payloads, H_ARGS_LIST)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.args_payloads is set, but this operation does not take it", false, false, false, NULL, 0},
  {"get_result_async: result_as_payloads outside an older header's options: JSON", F_GET_RESULT_ASYNC, {SIZE(cpo.size, offsetof(temporal_call_options, args_payloads)), U8(cpo.result_as_payloads, 1)}, TEMPORAL_ERROR_CODE_OK, "\"fixture\"", false, false, false, NULL, 0},
  {"update_async: result_as_payloads", F_UPDATE_ASYNC, {U8(cpo.result_as_payloads, 1)}, TEMPORAL_ERROR_CODE_OK, "payloads: 1", false, false, false, NULL, 0},
  {"update_handle_get_result_async: result_as_payloads", F_UPDATE_HANDLE_GET_RESULT_ASYNC, {U8(cpo.result_as_payloads, 1)}, TEMPORAL_ERROR_CODE_OK, "payloads: 1, first as JSON: 0", false, false, false, NULL, 0},
  {"sws_async: args_payloads and signal_args_json both set", F_SWS_ASYNC, {HANDLE(cpo.args_payloads, H_ARGS_LIST)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.args_payloads and signal_args_json are both set", false, false, false, NULL, 0},
  {"sws_async: workflow_args_payloads and args_json both set", F_SWS_ASYNC, {HANDLE(cpo.workflow_args_payloads, H_ARGS_LIST)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.workflow_args_payloads and args_json are both set", false, false, false, NULL, 0},
  {"sws_async: workflow_args_payloads instead of args_json", F_SWS_ASYNC, {HANDLE(cpo.workflow_args_payloads, H_ARGS_LIST), NUL(args_json)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"sws_async: result_as_payloads", F_SWS_ASYNC, {U8(cpo.result_as_payloads, 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.result_as_payloads is set, but this operation does not take it", false, false, false, NULL, 0},
  {"execute_async: args_payloads instead of args_json", F_EXECUTE_ASYNC, {HANDLE(cpo.args_payloads, H_ARGS_LIST), NUL(args_json)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"execute_async: workflow_args_payloads", F_EXECUTE_ASYNC, {HANDLE(cpo.workflow_args_payloads, H_ARGS_LIST)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.workflow_args_payloads is set, but this operation does not take it", false, false, false, NULL, 0},
  {"uws_async: args_payloads and update_args_json both set", F_UWS_ASYNC, {HANDLE(cpo.args_payloads, H_ARGS_LIST)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.args_payloads and update_args_json are both set", false, false, false, NULL, 0},

  /* ---- temporal_call_take_payloads (H_CALL_PAYLOADS: a completed result wait with result_as_payloads) */
  {"call_take_payloads(NULL)", F_CALL_TAKE_PAYLOADS, {NUL(call)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_take_payloads(a run)", F_CALL_TAKE_PAYLOADS, {HANDLE(call, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_take_payloads(a payload list)", F_CALL_TAKE_PAYLOADS, {HANDLE(call, H_LIST)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_take_payloads of a call in flight", F_CALL_TAKE_PAYLOADS, {HANDLE(call, H_CALL_PENDING)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_take_payloads of a JSON result wait (no payloads)", F_CALL_TAKE_PAYLOADS, {HANDLE(call, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_take_payloads of a failed call", F_CALL_TAKE_PAYLOADS, {HANDLE(call, H_CALL_ERROR)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_take_payloads of a result_as_payloads wait: payloads, then NULL", F_CALL_TAKE_PAYLOADS, {HANDLE(call, H_CALL_PAYLOADS)}, TEMPORAL_ERROR_CODE_OK, "payloads: 1, then NULL", false, false, false, NULL, 0},
  {"call_get_json of a result_as_payloads wait is NULL", F_CALL_GET_JSON, {HANDLE(call, H_CALL_PAYLOADS)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},


  /* ---- temporal_raw_rpc_async (baseline: WorkflowService GetSystemInfo, an empty request) and
     temporal_call_get_bytes (H_CALL_BYTES: a completed raw RPC) */
  {"raw_rpc_async: baseline works", F_RAW_RPC_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "response: ", false, false, false, NULL, 0},
  {"raw_rpc_async: the full service name", F_RAW_RPC_ASYNC, {STR(service, "temporal.api.workflowservice.v1.WorkflowService")}, TEMPORAL_ERROR_CODE_OK, "response: ", false, false, false, NULL, 0},
  {"raw_rpc_async: DescribeNamespace with its request", F_RAW_RPC_ASYNC, {STR(method, "DescribeNamespace"), STR(bytes, "\x0a\x07" "default"), SIZE(bytes_len, 9)}, TEMPORAL_ERROR_CODE_OK, "response: ", false, false, false, NULL, 0},
  {"raw_rpc_async: OperatorService ListClusters", F_RAW_RPC_ASYNC, {STR(service, "OperatorService"), STR(method, "ListClusters")}, TEMPORAL_ERROR_CODE_OK, "response: ", false, false, false, NULL, 0},
  {"raw_rpc_async: NULL call_out", F_RAW_RPC_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"raw_rpc_async: NULL call options: wait form, default timeout", F_RAW_RPC_ASYNC, {NUL(call_options)}, TEMPORAL_ERROR_CODE_OK, "response: ", false, false, false, NULL, 0},
  {"raw_rpc_async: call options size 0", F_RAW_RPC_ASYNC, {SIZE(cpo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 0", false, false, false, NULL, 0},
  {"raw_rpc_async: call options larger, unknown tail set", F_RAW_RPC_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8), U8(cpo_tail[2], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"raw_rpc_async: call options with a callback and a queue", F_RAW_RPC_ASYNC, {CALLBACK(cpo.callback), HANDLE(cpo.completion_queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "set a callback or a completion queue, not both", false, false, false, NULL, 0},
  {"raw_rpc_async: args_payloads", F_RAW_RPC_ASYNC, {HANDLE(cpo.args_payloads, H_ARGS_LIST)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.args_payloads is set, but this operation does not take it", false, false, false, NULL, 0},
  {"raw_rpc_async: result_as_payloads", F_RAW_RPC_ASYNC, {U8(cpo.result_as_payloads, 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.result_as_payloads is set, but this operation does not take it", false, false, false, NULL, 0},
  {"raw_rpc_async: NULL client", F_RAW_RPC_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"raw_rpc_async: a run as the client", F_RAW_RPC_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"raw_rpc_async: a payload list as the client", F_RAW_RPC_ASYNC, {HANDLE(client, H_LIST)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"raw_rpc_async: NULL service", F_RAW_RPC_ASYNC, {NUL(service)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "service must not be NULL", false, false, false, NULL, 0},
  {"raw_rpc_async: invalid UTF-8 service", F_RAW_RPC_ASYNC, {STR(service, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "service is not valid UTF-8", false, false, false, NULL, 0},
  {"raw_rpc_async: unknown service", F_RAW_RPC_ASYNC, {STR(service, "HistoryService")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown service \"HistoryService\"", false, false, false, NULL, 0},
  {"raw_rpc_async: empty service", F_RAW_RPC_ASYNC, {STR(service, "")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown service \"\"", false, false, false, NULL, 0},
  {"raw_rpc_async: NULL method", F_RAW_RPC_ASYNC, {NUL(method)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "method must not be NULL", false, false, false, NULL, 0},
  {"raw_rpc_async: invalid UTF-8 method", F_RAW_RPC_ASYNC, {STR(method, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "method is not valid UTF-8", false, false, false, NULL, 0},
  {"raw_rpc_async: unknown method", F_RAW_RPC_ASYNC, {STR(method, "NoSuchMethod")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "WorkflowService has no method \"NoSuchMethod\"", false, false, false, NULL, 0},
  {"raw_rpc_async: empty method", F_RAW_RPC_ASYNC, {STR(method, "")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "WorkflowService has no method \"\"", false, false, false, NULL, 0},
  {"raw_rpc_async: a method of the other service", F_RAW_RPC_ASYNC, {STR(method, "ListClusters")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "WorkflowService has no method \"ListClusters\"", false, false, false, NULL, 0},
  {"raw_rpc_async: a method's full path is not its name", F_RAW_RPC_ASYNC, {STR(method, "/temporal.api.workflowservice.v1.WorkflowService/GetSystemInfo")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "has no method", false, false, false, NULL, 0},
  {"raw_rpc_async: NULL request with length 5", F_RAW_RPC_ASYNC, {NUL(bytes), SIZE(bytes_len, 5)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "request is NULL but request_len is 5", false, false, false, NULL, 0},
  {"raw_rpc_async: bytes that are not the request message (the completed call's error)", F_RAW_RPC_ASYNC, {STR(method, "DescribeNamespace"), STR(bytes, "not a protobuf"), SIZE(bytes_len, 14)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "the request is not a DescribeNamespaceRequest protobuf", false, false, true, NULL, 0},
  {"raw_rpc_async: call timeout_ms 100 years + 1 ms", F_RAW_RPC_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.timeout_ms of 3153600000001 ms is out of range", false, false, false, NULL, 0},
  {"raw_rpc_async: after a panic (at once, no completion)", F_RAW_RPC_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"raw_rpc_async: works after the panic", F_RAW_RPC_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "response: ", false, false, false, NULL, 0},
  /* ---- temporal_get_workflow_history_page_async: the completed fixture's first page */
  {"history_page_async: baseline works", F_HISTORY_PAGE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"history_page_async: NULL call_out", F_HISTORY_PAGE_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"history_page_async: NULL call options: wait form, default timeout", F_HISTORY_PAGE_ASYNC, {NUL(call_options)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"history_page_async: call options size 0", F_HISTORY_PAGE_ASYNC, {SIZE(cpo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"history_page_async: call options size 4097", F_HISTORY_PAGE_ASYNC, {SIZE(cpo.size, 4097)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 4097", false, false, false, NULL, 0},
  {"history_page_async: call options larger, unknown tail set", F_HISTORY_PAGE_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8), U8(cpo_tail[3], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"history_page_async: call options larger, unknown tail zero", F_HISTORY_PAGE_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"history_page_async: call options with a callback and a queue", F_HISTORY_PAGE_ASYNC, {CALLBACK(cpo.callback), HANDLE(cpo.completion_queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "set a callback or a completion queue, not both", false, false, false, NULL, 0},
  {"history_page_async: call options queue is a client", F_HISTORY_PAGE_ASYNC, {NUL(cpo.callback), HANDLE(cpo.completion_queue, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "completion queue is not a handle of the right kind", false, false, false, NULL, 0},
  {"history_page_async: NULL client", F_HISTORY_PAGE_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"history_page_async: an error as the client", F_HISTORY_PAGE_ASYNC, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"history_page_async: a run as the client", F_HISTORY_PAGE_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"history_page_async: call timeout_ms 100 years + 1 ms", F_HISTORY_PAGE_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.timeout_ms of 3153600000001 ms is out of range", false, false, false, NULL, 0},
  {"history_page_async: call timeout_ms TEMPORAL_TIMEOUT_NONE is accepted", F_HISTORY_PAGE_ASYNC, {U64(cpo.timeout_ms, TEMPORAL_TIMEOUT_NONE)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"history_page_async: args_payloads (it takes no arguments)", F_HISTORY_PAGE_ASYNC, {HANDLE(cpo.args_payloads, H_ARGS_LIST)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.args_payloads is set, but this operation does not take it", false, false, false, NULL, 0},
  {"history_page_async: after a panic (at once, no completion)", F_HISTORY_PAGE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"history_page_async: works after the panic", F_HISTORY_PAGE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"history_page_async: NULL workflow_id", F_HISTORY_PAGE_ASYNC, {NUL(workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id must not be NULL", false, false, false, NULL, 0},
  {"history_page_async: invalid UTF-8 workflow_id", F_HISTORY_PAGE_ASYNC, {STR(workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id is not valid UTF-8", false, false, false, NULL, 0},
  {"history_page_async: invalid UTF-8 run_id", F_HISTORY_PAGE_ASYNC, {STR(run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_id is not valid UTF-8", false, false, false, NULL, 0},
  {"history_page_async: invalid UTF-8 page_token", F_HISTORY_PAGE_ASYNC, {STR(page_token, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "page_token is not valid UTF-8", false, false, false, NULL, 0},
  {"history_page_async: page_token not hex", F_HISTORY_PAGE_ASYNC, {STR(page_token, "zz")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "page token is not one this library returned", false, false, false, NULL, 0},
  {"history_page_async: page_token of odd length", F_HISTORY_PAGE_ASYNC, {STR(page_token, "abc")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "page token is not one this library returned", false, false, false, NULL, 0},
  {"history_page_async: page_token \"\" is the first page", F_HISTORY_PAGE_ASYNC, {STR(page_token, "")}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"history_page_async: filter_type 0 is every event", F_HISTORY_PAGE_ASYNC, {I32(filter_type, 0)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"history_page_async: filter_type CLOSE_EVENT", F_HISTORY_PAGE_ASYNC, {I32(filter_type, TEMPORAL_HISTORY_EVENT_FILTER_CLOSE_EVENT)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"history_page_async: filter_type 3", F_HISTORY_PAGE_ASYNC, {I32(filter_type, 3)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown history event filter type 3", false, false, false, NULL, 0},
  {"history_page_async: filter_type -1", F_HISTORY_PAGE_ASYNC, {I32(filter_type, -1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown history event filter type -1", false, false, false, NULL, 0},
  {"history_page_async: a long poll on a closed run answers at once", F_HISTORY_PAGE_ASYNC, {U8(wait_new_event, 1)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"history_page_async: unknown workflow ID", F_HISTORY_PAGE_ASYNC, {STR(workflow_id, "badinput-no-such-workflow")}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  /* ---- temporal_query_options_default */
  {"query_options_default(NULL) is false", F_QUERY_OPTIONS_DEFAULT, {NUL(query_options)}, TEMPORAL_ERROR_CODE_OK, "false", false, false, false, NULL, 0},
  {"query_options_default resets a garbage struct", F_QUERY_OPTIONS_DEFAULT, {{0}}, TEMPORAL_ERROR_CODE_OK, "defaults (", false, false, false, NULL, 0},
  {"query_options_default with size 0: false, nothing written", F_QUERY_OPTIONS_DEFAULT, {SIZE(default_size, 0)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"query_options_default with size 7: false, nothing written", F_QUERY_OPTIONS_DEFAULT, {SIZE(default_size, 7)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"query_options_default with size 20 (not a multiple of 8): false", F_QUERY_OPTIONS_DEFAULT, {SIZE(default_size, 20)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"query_options_default with size 4104 (over 4096): false", F_QUERY_OPTIONS_DEFAULT, {SIZE(default_size, 4104)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"query_options_default with an older header's size 16: writes 16 bytes only", F_QUERY_OPTIONS_DEFAULT, {SIZE(default_size, 16)}, TEMPORAL_ERROR_CODE_OK, "defaults (16 bytes)", false, false, false, NULL, 0},
  {"query_options_default with a newer header's larger size: zeroes it all", F_QUERY_OPTIONS_DEFAULT, {SIZE(default_size, sizeof(temporal_query_options) + 16)}, TEMPORAL_ERROR_CODE_OK, "defaults (", false, false, false, NULL, 0},
  /* ---- temporal_query_workflow_with_options_async: "count" of the running Counter, NOT_OPEN */
  {"query_with_options_async: baseline works", F_QUERY_WITH_OPTIONS_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"query_with_options_async: NULL call_out", F_QUERY_WITH_OPTIONS_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"query_with_options_async: NULL call options: wait form, default timeout", F_QUERY_WITH_OPTIONS_ASYNC, {NUL(call_options)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"query_with_options_async: call options size 0", F_QUERY_WITH_OPTIONS_ASYNC, {SIZE(cpo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"query_with_options_async: call options size 4097", F_QUERY_WITH_OPTIONS_ASYNC, {SIZE(cpo.size, 4097)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 4097", false, false, false, NULL, 0},
  {"query_with_options_async: call options larger, unknown tail set", F_QUERY_WITH_OPTIONS_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8), U8(cpo_tail[3], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"query_with_options_async: call options larger, unknown tail zero", F_QUERY_WITH_OPTIONS_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"query_with_options_async: call options with a callback and a queue", F_QUERY_WITH_OPTIONS_ASYNC, {CALLBACK(cpo.callback), HANDLE(cpo.completion_queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "set a callback or a completion queue, not both", false, false, false, NULL, 0},
  {"query_with_options_async: call options queue is a client", F_QUERY_WITH_OPTIONS_ASYNC, {NUL(cpo.callback), HANDLE(cpo.completion_queue, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "completion queue is not a handle of the right kind", false, false, false, NULL, 0},
  {"query_with_options_async: NULL client", F_QUERY_WITH_OPTIONS_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"query_with_options_async: an error as the client", F_QUERY_WITH_OPTIONS_ASYNC, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"query_with_options_async: a run as the client", F_QUERY_WITH_OPTIONS_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"query_with_options_async: call timeout_ms 100 years + 1 ms", F_QUERY_WITH_OPTIONS_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.timeout_ms of 3153600000001 ms is out of range", false, false, false, NULL, 0},
  {"query_with_options_async: call timeout_ms TEMPORAL_TIMEOUT_NONE is accepted", F_QUERY_WITH_OPTIONS_ASYNC, {U64(cpo.timeout_ms, TEMPORAL_TIMEOUT_NONE)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"query_with_options_async: after a panic (at once, no completion)", F_QUERY_WITH_OPTIONS_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"query_with_options_async: works after the panic", F_QUERY_WITH_OPTIONS_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"query_with_options_async: NULL options", F_QUERY_WITH_OPTIONS_ASYNC, {NUL(query_options)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options must not be NULL", false, false, false, NULL, 0},
  {"query_with_options_async: options size 0", F_QUERY_WITH_OPTIONS_ASYNC, {SIZE(qo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_query_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"query_with_options_async: options size 4097", F_QUERY_WITH_OPTIONS_ASYNC, {SIZE(qo.size, 4097)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_query_options: size is 4097", false, false, false, NULL, 0},
  {"query_with_options_async: options larger, unknown tail set", F_QUERY_WITH_OPTIONS_ASYNC, {SIZE(qo.size, sizeof(temporal_query_options) + 16), U8(qo_tail[11], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"query_with_options_async: options larger, unknown tail zero", F_QUERY_WITH_OPTIONS_ASYNC, {SIZE(qo.size, sizeof(temporal_query_options) + 16)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"query_with_options_async: an older header's options end before query_reject_condition: NONE", F_QUERY_WITH_OPTIONS_ASYNC, {SIZE(qo.size, offsetof(temporal_query_options, query_reject_condition)), I32(qo.query_reject_condition, 99)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"query_with_options_async: NULL options.workflow_id", F_QUERY_WITH_OPTIONS_ASYNC, {NUL(qo.workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.workflow_id must not be NULL", false, false, false, NULL, 0},
  {"query_with_options_async: NULL options.query_type", F_QUERY_WITH_OPTIONS_ASYNC, {NUL(qo.query_type)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.query_type must not be NULL", false, false, false, NULL, 0},
  {"query_with_options_async: invalid UTF-8 options.workflow_id", F_QUERY_WITH_OPTIONS_ASYNC, {STR(qo.workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.workflow_id is not valid UTF-8", false, false, false, NULL, 0},
  {"query_with_options_async: invalid UTF-8 options.run_id", F_QUERY_WITH_OPTIONS_ASYNC, {STR(qo.run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.run_id is not valid UTF-8", false, false, false, NULL, 0},
  {"query_with_options_async: invalid UTF-8 options.query_type", F_QUERY_WITH_OPTIONS_ASYNC, {STR(qo.query_type, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.query_type is not valid UTF-8", false, false, false, NULL, 0},
  {"query_with_options_async: invalid UTF-8 options.args_json", F_QUERY_WITH_OPTIONS_ASYNC, {STR(qo.args_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.args_json is not valid UTF-8", false, false, false, NULL, 0},
  {"query_with_options_async: options.args_json not JSON", F_QUERY_WITH_OPTIONS_ASYNC, {STR(qo.args_json, "not json")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "JSON array", false, false, false, NULL, 0},
  {"query_with_options_async: options.args_json and args_payloads both", F_QUERY_WITH_OPTIONS_ASYNC, {STR(qo.args_json, "[]"), HANDLE(cpo.args_payloads, H_ARGS_LIST)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "are both set", false, false, false, NULL, 0},
  {"query_with_options_async: query_reject_condition 0 is NONE", F_QUERY_WITH_OPTIONS_ASYNC, {I32(qo.query_reject_condition, 0)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"query_with_options_async: query_reject_condition NOT_COMPLETED_CLEANLY", F_QUERY_WITH_OPTIONS_ASYNC, {I32(qo.query_reject_condition, TEMPORAL_QUERY_REJECT_CONDITION_NOT_COMPLETED_CLEANLY)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"query_with_options_async: query_reject_condition 4", F_QUERY_WITH_OPTIONS_ASYNC, {I32(qo.query_reject_condition, 4)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.query_reject_condition: unknown value 4", false, false, false, NULL, 0},
  {"query_with_options_async: query_reject_condition -1", F_QUERY_WITH_OPTIONS_ASYNC, {I32(qo.query_reject_condition, -1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.query_reject_condition: unknown value -1", false, false, false, NULL, 0},
  {"query_with_options_async: result_as_payloads", F_QUERY_WITH_OPTIONS_ASYNC, {U8(cpo.result_as_payloads, 1)}, TEMPORAL_ERROR_CODE_OK, NULL, false, false, false, NULL, 0},
  {"query_with_options_async: unknown workflow ID", F_QUERY_WITH_OPTIONS_ASYNC, {STR(qo.workflow_id, "badinput-no-such-workflow")}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"query_with_options_async: unknown query type on a running Counter", F_QUERY_WITH_OPTIONS_ASYNC, {STR(qo.query_type, "no-such-query")}, TEMPORAL_ERROR_CODE_QUERY_FAILED, NULL, false, false, true, NULL, 0},
  /* ---- temporal_get_search_attributes_async */
  {"search_attributes_async: baseline works", F_SEARCH_ATTRIBUTES_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"search_attributes_async: NULL call_out", F_SEARCH_ATTRIBUTES_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"search_attributes_async: NULL call options: wait form, default timeout", F_SEARCH_ATTRIBUTES_ASYNC, {NUL(call_options)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"search_attributes_async: call options size 0", F_SEARCH_ATTRIBUTES_ASYNC, {SIZE(cpo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"search_attributes_async: call options size 4097", F_SEARCH_ATTRIBUTES_ASYNC, {SIZE(cpo.size, 4097)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 4097", false, false, false, NULL, 0},
  {"search_attributes_async: call options larger, unknown tail set", F_SEARCH_ATTRIBUTES_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8), U8(cpo_tail[3], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"search_attributes_async: call options larger, unknown tail zero", F_SEARCH_ATTRIBUTES_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"search_attributes_async: call options with a callback and a queue", F_SEARCH_ATTRIBUTES_ASYNC, {CALLBACK(cpo.callback), HANDLE(cpo.completion_queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "set a callback or a completion queue, not both", false, false, false, NULL, 0},
  {"search_attributes_async: call options queue is a client", F_SEARCH_ATTRIBUTES_ASYNC, {NUL(cpo.callback), HANDLE(cpo.completion_queue, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "completion queue is not a handle of the right kind", false, false, false, NULL, 0},
  {"search_attributes_async: NULL client", F_SEARCH_ATTRIBUTES_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"search_attributes_async: an error as the client", F_SEARCH_ATTRIBUTES_ASYNC, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"search_attributes_async: a run as the client", F_SEARCH_ATTRIBUTES_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"search_attributes_async: call timeout_ms 100 years + 1 ms", F_SEARCH_ATTRIBUTES_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.timeout_ms of 3153600000001 ms is out of range", false, false, false, NULL, 0},
  {"search_attributes_async: call timeout_ms TEMPORAL_TIMEOUT_NONE is accepted", F_SEARCH_ATTRIBUTES_ASYNC, {U64(cpo.timeout_ms, TEMPORAL_TIMEOUT_NONE)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"search_attributes_async: args_payloads (it takes no arguments)", F_SEARCH_ATTRIBUTES_ASYNC, {HANDLE(cpo.args_payloads, H_ARGS_LIST)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.args_payloads is set, but this operation does not take it", false, false, false, NULL, 0},
  {"search_attributes_async: after a panic (at once, no completion)", F_SEARCH_ATTRIBUTES_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"search_attributes_async: works after the panic", F_SEARCH_ATTRIBUTES_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  /* ---- temporal_describe_task_queue_async: the worker's workflow task queue */
  {"describe_task_queue_async: baseline works", F_DESCRIBE_TASK_QUEUE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"describe_task_queue_async: NULL call_out", F_DESCRIBE_TASK_QUEUE_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"describe_task_queue_async: NULL call options: wait form, default timeout", F_DESCRIBE_TASK_QUEUE_ASYNC, {NUL(call_options)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"describe_task_queue_async: call options size 0", F_DESCRIBE_TASK_QUEUE_ASYNC, {SIZE(cpo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"describe_task_queue_async: call options size 4097", F_DESCRIBE_TASK_QUEUE_ASYNC, {SIZE(cpo.size, 4097)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 4097", false, false, false, NULL, 0},
  {"describe_task_queue_async: call options larger, unknown tail set", F_DESCRIBE_TASK_QUEUE_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8), U8(cpo_tail[3], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"describe_task_queue_async: call options larger, unknown tail zero", F_DESCRIBE_TASK_QUEUE_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"describe_task_queue_async: call options with a callback and a queue", F_DESCRIBE_TASK_QUEUE_ASYNC, {CALLBACK(cpo.callback), HANDLE(cpo.completion_queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "set a callback or a completion queue, not both", false, false, false, NULL, 0},
  {"describe_task_queue_async: call options queue is a client", F_DESCRIBE_TASK_QUEUE_ASYNC, {NUL(cpo.callback), HANDLE(cpo.completion_queue, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "completion queue is not a handle of the right kind", false, false, false, NULL, 0},
  {"describe_task_queue_async: NULL client", F_DESCRIBE_TASK_QUEUE_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"describe_task_queue_async: an error as the client", F_DESCRIBE_TASK_QUEUE_ASYNC, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"describe_task_queue_async: a run as the client", F_DESCRIBE_TASK_QUEUE_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"describe_task_queue_async: call timeout_ms 100 years + 1 ms", F_DESCRIBE_TASK_QUEUE_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.timeout_ms of 3153600000001 ms is out of range", false, false, false, NULL, 0},
  {"describe_task_queue_async: call timeout_ms TEMPORAL_TIMEOUT_NONE is accepted", F_DESCRIBE_TASK_QUEUE_ASYNC, {U64(cpo.timeout_ms, TEMPORAL_TIMEOUT_NONE)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"describe_task_queue_async: args_payloads (it takes no arguments)", F_DESCRIBE_TASK_QUEUE_ASYNC, {HANDLE(cpo.args_payloads, H_ARGS_LIST)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.args_payloads is set, but this operation does not take it", false, false, false, NULL, 0},
  {"describe_task_queue_async: after a panic (at once, no completion)", F_DESCRIBE_TASK_QUEUE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"describe_task_queue_async: works after the panic", F_DESCRIBE_TASK_QUEUE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"describe_task_queue_async: NULL task_queue", F_DESCRIBE_TASK_QUEUE_ASYNC, {NUL(task_queue)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "task_queue must not be NULL", false, false, false, NULL, 0},
  {"describe_task_queue_async: empty task_queue", F_DESCRIBE_TASK_QUEUE_ASYNC, {STR(task_queue, "")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "task queue is required", false, false, false, NULL, 0},
  {"describe_task_queue_async: invalid UTF-8 task_queue", F_DESCRIBE_TASK_QUEUE_ASYNC, {STR(task_queue, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "task_queue is not valid UTF-8", false, false, false, NULL, 0},
  {"describe_task_queue_async: task_queue_type 0 is WORKFLOW", F_DESCRIBE_TASK_QUEUE_ASYNC, {I32(task_queue_type, 0)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"describe_task_queue_async: task_queue_type ACTIVITY", F_DESCRIBE_TASK_QUEUE_ASYNC, {I32(task_queue_type, TEMPORAL_TASK_QUEUE_TYPE_ACTIVITY)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"describe_task_queue_async: task_queue_type NEXUS", F_DESCRIBE_TASK_QUEUE_ASYNC, {I32(task_queue_type, TEMPORAL_TASK_QUEUE_TYPE_NEXUS)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"describe_task_queue_async: task_queue_type 4", F_DESCRIBE_TASK_QUEUE_ASYNC, {I32(task_queue_type, 4)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown task queue type 4", false, false, false, NULL, 0},
  {"describe_task_queue_async: task_queue_type INT32_MIN", F_DESCRIBE_TASK_QUEUE_ASYNC, {I32(task_queue_type, INT32_MIN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown task queue type", false, false, false, NULL, 0},
  /* ---- temporal_reset_workflow_execution_async: an ID never started (NOT_FOUND from the server) */
  {"reset_async: baseline reaches the server", F_RESET_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"reset_async: NULL call_out", F_RESET_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"reset_async: NULL call options: wait form, default timeout", F_RESET_ASYNC, {NUL(call_options)}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"reset_async: call options size 0", F_RESET_ASYNC, {SIZE(cpo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"reset_async: call options size 4097", F_RESET_ASYNC, {SIZE(cpo.size, 4097)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 4097", false, false, false, NULL, 0},
  {"reset_async: call options larger, unknown tail set", F_RESET_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8), U8(cpo_tail[3], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"reset_async: call options larger, unknown tail zero", F_RESET_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8)}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"reset_async: call options with a callback and a queue", F_RESET_ASYNC, {CALLBACK(cpo.callback), HANDLE(cpo.completion_queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "set a callback or a completion queue, not both", false, false, false, NULL, 0},
  {"reset_async: call options queue is a client", F_RESET_ASYNC, {NUL(cpo.callback), HANDLE(cpo.completion_queue, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "completion queue is not a handle of the right kind", false, false, false, NULL, 0},
  {"reset_async: NULL client", F_RESET_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"reset_async: an error as the client", F_RESET_ASYNC, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"reset_async: a run as the client", F_RESET_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"reset_async: call timeout_ms 100 years + 1 ms", F_RESET_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.timeout_ms of 3153600000001 ms is out of range", false, false, false, NULL, 0},
  {"reset_async: call timeout_ms TEMPORAL_TIMEOUT_NONE is accepted", F_RESET_ASYNC, {U64(cpo.timeout_ms, TEMPORAL_TIMEOUT_NONE)}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"reset_async: args_payloads (it takes no arguments)", F_RESET_ASYNC, {HANDLE(cpo.args_payloads, H_ARGS_LIST)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.args_payloads is set, but this operation does not take it", false, false, false, NULL, 0},
  {"reset_async: after a panic (at once, no completion)", F_RESET_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"reset_async: works after the panic", F_RESET_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"reset_async: NULL workflow_id", F_RESET_ASYNC, {NUL(workflow_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id must not be NULL", false, false, false, NULL, 0},
  {"reset_async: invalid UTF-8 workflow_id", F_RESET_ASYNC, {STR(workflow_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id is not valid UTF-8", false, false, false, NULL, 0},
  {"reset_async: invalid UTF-8 run_id", F_RESET_ASYNC, {STR(run_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_id is not valid UTF-8", false, false, false, NULL, 0},
  {"reset_async: invalid UTF-8 reason", F_RESET_ASYNC, {STR(reason, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "reason is not valid UTF-8", false, false, false, NULL, 0},
  {"reset_async: NULL reason is none", F_RESET_ASYNC, {NUL(reason)}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"reset_async: event ID 0", F_RESET_ASYNC, {U64(event_id, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_task_finish_event_id must be positive", false, false, false, NULL, 0},
  {"reset_async: event ID -1", F_RESET_ASYNC, {U64(event_id, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_task_finish_event_id must be positive", false, false, false, NULL, 0},
  {"reset_async: event ID INT64_MIN", F_RESET_ASYNC, {U64(event_id, (uint64_t)INT64_MIN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_task_finish_event_id must be positive", false, false, false, NULL, 0},
  /* ---- temporal_check_health_async */
  {"client_get_namespace(NULL)", F_CLIENT_GET_NAMESPACE, {NUL(client)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"client_get_namespace(an error)", F_CLIENT_GET_NAMESPACE, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"client_get_namespace(a run)", F_CLIENT_GET_NAMESPACE, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"client_get_namespace(the client): its namespace, owned", F_CLIENT_GET_NAMESPACE, {HANDLE(client, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "\"default\"", false, false, false, NULL, 0},
  {"check_health_async: baseline works", F_CHECK_HEALTH_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"check_health_async: NULL call_out", F_CHECK_HEALTH_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"check_health_async: NULL call options: wait form, default timeout", F_CHECK_HEALTH_ASYNC, {NUL(call_options)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"check_health_async: call options size 0", F_CHECK_HEALTH_ASYNC, {SIZE(cpo.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"check_health_async: call options size 4097", F_CHECK_HEALTH_ASYNC, {SIZE(cpo.size, 4097)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options: size is 4097", false, false, false, NULL, 0},
  {"check_health_async: call options larger, unknown tail set", F_CHECK_HEALTH_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8), U8(cpo_tail[3], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"check_health_async: call options larger, unknown tail zero", F_CHECK_HEALTH_ASYNC, {SIZE(cpo.size, sizeof(temporal_call_options) + 8)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"check_health_async: call options with a callback and a queue", F_CHECK_HEALTH_ASYNC, {CALLBACK(cpo.callback), HANDLE(cpo.completion_queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "set a callback or a completion queue, not both", false, false, false, NULL, 0},
  {"check_health_async: call options queue is a client", F_CHECK_HEALTH_ASYNC, {NUL(cpo.callback), HANDLE(cpo.completion_queue, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "completion queue is not a handle of the right kind", false, false, false, NULL, 0},
  {"check_health_async: NULL client", F_CHECK_HEALTH_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"check_health_async: an error as the client", F_CHECK_HEALTH_ASYNC, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"check_health_async: a run as the client", F_CHECK_HEALTH_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"check_health_async: call timeout_ms 100 years + 1 ms", F_CHECK_HEALTH_ASYNC, {U64(cpo.timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.timeout_ms of 3153600000001 ms is out of range", false, false, false, NULL, 0},
  {"check_health_async: call timeout_ms TEMPORAL_TIMEOUT_NONE is accepted", F_CHECK_HEALTH_ASYNC, {U64(cpo.timeout_ms, TEMPORAL_TIMEOUT_NONE)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"check_health_async: args_payloads (it takes no arguments)", F_CHECK_HEALTH_ASYNC, {HANDLE(cpo.args_payloads, H_ARGS_LIST)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.args_payloads is set, but this operation does not take it", false, false, false, NULL, 0},
  {"check_health_async: after a panic (at once, no completion)", F_CHECK_HEALTH_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},
  {"check_health_async: works after the panic", F_CHECK_HEALTH_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  /* ---- temporal_client_options.lazy */
  {"connect: lazy = 2", F_CONNECT, {U8(co.lazy, 2)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_client_options: lazy must be true or false", false, false, false, NULL, 0},
  {"connect: lazy to a port nothing listens on succeeds at once", F_CONNECT, {U8(co.lazy, 1), STR(co.address, "127.0.0.1:1")}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"connect: lazy still refuses bad options at once", F_CONNECT, {U8(co.lazy, 1), STR(co.grpc_metadata_json, "{\"x-bin\": \"v\"}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "binary (-bin) metadata is not supported", false, false, false, NULL, 0},
  {"connect_async: lazy to a port nothing listens on succeeds", F_CONNECT_ASYNC, {U8(co.lazy, 1), STR(co.address, "127.0.0.1:1")}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"connect_async: an older header's options end before lazy: it is not read", F_CONNECT_ASYNC, {SIZE(co.size, offsetof(temporal_client_options, lazy)), U8(co.lazy, 2)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"call_get_bytes(NULL) is false", F_CALL_GET_BYTES, {NUL(call)}, TEMPORAL_ERROR_CODE_OK, "false", false, false, false, NULL, 0},
  {"call_get_bytes(a run) is false", F_CALL_GET_BYTES, {HANDLE(call, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "false", false, false, false, NULL, 0},
  {"call_get_bytes(a payload list) is false", F_CALL_GET_BYTES, {HANDLE(call, H_LIST)}, TEMPORAL_ERROR_CODE_OK, "false", false, false, false, NULL, 0},
  {"call_get_bytes of a call in flight is false", F_CALL_GET_BYTES, {HANDLE(call, H_CALL_PENDING)}, TEMPORAL_ERROR_CODE_OK, "false", false, false, false, NULL, 0},
  {"call_get_bytes of a JSON result wait is false", F_CALL_GET_BYTES, {HANDLE(call, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_OK, "false", false, false, false, NULL, 0},
  {"call_get_bytes of a failed call is false", F_CALL_GET_BYTES, {HANDLE(call, H_CALL_ERROR)}, TEMPORAL_ERROR_CODE_OK, "false", false, false, false, NULL, 0},
  {"call_get_bytes of a result_as_payloads wait is false", F_CALL_GET_BYTES, {HANDLE(call, H_CALL_PAYLOADS)}, TEMPORAL_ERROR_CODE_OK, "false", false, false, false, NULL, 0},
  {"call_get_bytes of a raw RPC: its response", F_CALL_GET_BYTES, {HANDLE(call, H_CALL_BYTES)}, TEMPORAL_ERROR_CODE_OK, "true, ", false, false, false, NULL, 0},
  {"call_get_bytes of a raw RPC, NULL bytes_out: false", F_CALL_GET_BYTES, {HANDLE(call, H_CALL_BYTES), NUL(data_out)}, TEMPORAL_ERROR_CODE_OK, "false", false, false, false, NULL, 0},
  {"call_get_bytes of a raw RPC, NULL len_out: false", F_CALL_GET_BYTES, {HANDLE(call, H_CALL_BYTES), NUL(data_len_out)}, TEMPORAL_ERROR_CODE_OK, "false", false, false, false, NULL, 0},
  {"call_get_json of a raw RPC is NULL", F_CALL_GET_JSON, {HANDLE(call, H_CALL_BYTES)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_take_payloads of a raw RPC is NULL", F_CALL_TAKE_PAYLOADS, {HANDLE(call, H_CALL_BYTES)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},


  /* ---- the call's getters (H_CALL_PENDING: a result wait on the running Block, still in
     flight; H_CALL_JSON / _ERROR / _RUN / _CLIENT / _COUNT / _UPDATE: completed calls of
     each kind of outcome; every one in the wait form, with user_data &g_marker) */
  {"call_wait(NULL)", F_CALL_WAIT, {NUL(call)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call must not be NULL", false, false, false, NULL, 0},
  {"call_wait(a client)", F_CALL_WAIT, {HANDLE(call, H_CLIENT)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call is not a handle of the right kind", false, false, false, NULL, 0},
  {"call_wait(a run)", F_CALL_WAIT, {HANDLE(call, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call is not a handle of the right kind", false, false, false, NULL, 0},
  {"call_wait(an error)", F_CALL_WAIT, {HANDLE(call, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call is not a handle of the right kind", false, false, false, NULL, 0},
  {"call_wait(a queue)", F_CALL_WAIT, {HANDLE(call, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call is not a handle of the right kind", false, false, false, NULL, 0},
  {"call_wait: 200 ms on a call in flight: DEADLINE_EXCEEDED", F_CALL_WAIT, {HANDLE(call, H_CALL_PENDING), U64(timeout_ms, 200)}, TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED, "still in flight after 200 ms", false, false, false, NULL, 0},
  {"call_wait: a completed call", F_CALL_WAIT, {HANDLE(call, H_CALL_JSON), U64(timeout_ms, 0)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"call_wait: a completed call, TEMPORAL_TIMEOUT_NONE", F_CALL_WAIT, {HANDLE(call, H_CALL_ERROR), U64(timeout_ms, TEMPORAL_TIMEOUT_NONE)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"call_wait: timeout_ms 100 years + 1 ms", F_CALL_WAIT, {HANDLE(call, H_CALL_JSON), U64(timeout_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "timeout_ms of 3153600000001 ms is out of range", false, false, false, NULL, 0},
  {"call_is_done(NULL) is false", F_CALL_IS_DONE, {NUL(call)}, TEMPORAL_ERROR_CODE_OK, "false", false, false, false, NULL, 0},
  {"call_is_done(a client) is false", F_CALL_IS_DONE, {HANDLE(call, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "false", false, false, false, NULL, 0},
  {"call_is_done of a call in flight is false", F_CALL_IS_DONE, {HANDLE(call, H_CALL_PENDING)}, TEMPORAL_ERROR_CODE_OK, "false", false, false, false, NULL, 0},
  {"call_is_done of a completed call is true", F_CALL_IS_DONE, {HANDLE(call, H_CALL_ERROR)}, TEMPORAL_ERROR_CODE_OK, "true", false, false, false, NULL, 0},
  {"call_get_error(NULL)", F_CALL_GET_ERROR, {NUL(call)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_get_error(a run)", F_CALL_GET_ERROR, {HANDLE(call, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_get_error(an error)", F_CALL_GET_ERROR, {HANDLE(call, H_ERROR)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_get_error of a call in flight", F_CALL_GET_ERROR, {HANDLE(call, H_CALL_PENDING)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_get_error of a call that succeeded", F_CALL_GET_ERROR, {HANDLE(call, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_get_error of a call that failed", F_CALL_GET_ERROR, {HANDLE(call, H_CALL_ERROR)}, TEMPORAL_ERROR_CODE_OK, "NOT_FOUND", false, false, false, NULL, 0},
  {"call_get_json(NULL)", F_CALL_GET_JSON, {NUL(call)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_get_json(a client)", F_CALL_GET_JSON, {HANDLE(call, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_get_json of a call in flight", F_CALL_GET_JSON, {HANDLE(call, H_CALL_PENDING)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_get_json of a result wait", F_CALL_GET_JSON, {HANDLE(call, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_OK, "\"\"fixture\"\"", false, false, false, NULL, 0},
  {"call_get_json of a failed call", F_CALL_GET_JSON, {HANDLE(call, H_CALL_ERROR)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_get_json of a start (no JSON)", F_CALL_GET_JSON, {HANDLE(call, H_CALL_RUN)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_get_json of a count", F_CALL_GET_JSON, {HANDLE(call, H_CALL_COUNT)}, TEMPORAL_ERROR_CODE_OK, "{\"count\":1,\"groups\":[]}", false, false, false, NULL, 0},
  {"call_take_run(NULL)", F_CALL_TAKE_RUN, {NUL(call)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_take_run(a run)", F_CALL_TAKE_RUN, {HANDLE(call, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_take_run of a call in flight", F_CALL_TAKE_RUN, {HANDLE(call, H_CALL_PENDING)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_take_run of a start: a run, then NULL", F_CALL_TAKE_RUN, {HANDLE(call, H_CALL_RUN)}, TEMPORAL_ERROR_CODE_OK, "a run of badinput-", false, false, false, NULL, 0},
  {"call_take_run of a result wait", F_CALL_TAKE_RUN, {HANDLE(call, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_take_client(NULL)", F_CALL_TAKE_CLIENT, {NUL(call)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_take_client(a client)", F_CALL_TAKE_CLIENT, {HANDLE(call, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_take_client of a call in flight", F_CALL_TAKE_CLIENT, {HANDLE(call, H_CALL_PENDING)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_take_client of a connect: a client, then NULL", F_CALL_TAKE_CLIENT, {HANDLE(call, H_CALL_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "a client, then NULL", false, false, false, NULL, 0},
  {"call_take_client of a start", F_CALL_TAKE_CLIENT, {HANDLE(call, H_CALL_RUN)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_get_count(NULL)", F_CALL_GET_COUNT, {NUL(call)}, TEMPORAL_ERROR_CODE_OK, "false", false, false, false, NULL, 0},
  {"call_get_count(an error)", F_CALL_GET_COUNT, {HANDLE(call, H_ERROR)}, TEMPORAL_ERROR_CODE_OK, "false", false, false, false, NULL, 0},
  {"call_get_count of a call in flight", F_CALL_GET_COUNT, {HANDLE(call, H_CALL_PENDING)}, TEMPORAL_ERROR_CODE_OK, "false", false, false, false, NULL, 0},
  {"call_get_count of a count", F_CALL_GET_COUNT, {HANDLE(call, H_CALL_COUNT)}, TEMPORAL_ERROR_CODE_OK, "true 1", false, false, false, NULL, 0},
  {"call_get_count of a count, NULL count_out", F_CALL_GET_COUNT, {HANDLE(call, H_CALL_COUNT), NUL(count_out)}, TEMPORAL_ERROR_CODE_OK, "false", false, false, false, NULL, 0},
  {"call_get_count of a result wait", F_CALL_GET_COUNT, {HANDLE(call, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_OK, "false", false, false, false, NULL, 0},
  {"call_get_update_id(NULL)", F_CALL_GET_UPDATE_ID, {NUL(call)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_get_update_id(a queue)", F_CALL_GET_UPDATE_ID, {HANDLE(call, H_QUEUE)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_get_update_id of a call in flight", F_CALL_GET_UPDATE_ID, {HANDLE(call, H_CALL_PENDING)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_get_update_id of an update (the ID generated)", F_CALL_GET_UPDATE_ID, {HANDLE(call, H_CALL_UPDATE)}, TEMPORAL_ERROR_CODE_OK, "-", false, false, false, NULL, 0},
  {"call_get_update_id of a result wait", F_CALL_GET_UPDATE_ID, {HANDLE(call, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_get_user_data(NULL)", F_CALL_GET_USER_DATA, {NUL(call)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_get_user_data(a run)", F_CALL_GET_USER_DATA, {HANDLE(call, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"call_get_user_data of a call in flight", F_CALL_GET_USER_DATA, {HANDLE(call, H_CALL_PENDING)}, TEMPORAL_ERROR_CODE_OK, "the call's user_data", false, false, false, NULL, 0},
  {"call_get_user_data of a completed call", F_CALL_GET_USER_DATA, {HANDLE(call, H_CALL_ERROR)}, TEMPORAL_ERROR_CODE_OK, "the call's user_data", false, false, false, NULL, 0},

  /* ---- blocking inside a library callback: refused with INVALID_ARGUMENT, never a deadlock */
  {"call_wait inside a callback, on another call in flight: refused", F_CALL_WAIT, {{0}}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "inside a callback", false, false, false, special_blocking_in_callback, 0},
  {"call_wait inside a callback, on its own (completed) call: does not block", F_CALL_WAIT, {{0}}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, NULL, true, false, false, special_blocking_in_callback, 1},
  {"execute_workflow (blocking) inside a callback: refused", F_EXECUTE, {{0}}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "inside a callback", false, false, false, special_blocking_in_callback, 2},
  {"get_result (blocking) inside a callback: refused", F_GET_RESULT, {{0}}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "inside a callback", false, false, false, special_blocking_in_callback, 3},
  {"client_connect (blocking) inside a callback: refused", F_CONNECT, {{0}}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "inside a callback", false, false, false, special_blocking_in_callback, 4},
  {"an _async call inside a callback is fine", F_DESCRIBE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, special_blocking_in_callback, 5},

  /* ---- temporal_call_cancel, temporal_call_free (H_PENDING_CALL / H_DONE_CALL: a result wait
     in the callback form on the running Block / on the completed fixture; the H_CALL_* calls
     are in the wait form) */
  {"call_cancel(NULL) is a no-op", F_CALL_CANCEL, {NUL(call)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"call_cancel(a client) is ignored", F_CALL_CANCEL, {HANDLE(call, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"call_cancel(a run) is ignored", F_CALL_CANCEL, {HANDLE(call, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"call_cancel(an error) is ignored", F_CALL_CANCEL, {HANDLE(call, H_ERROR)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"call_cancel(a queue) is ignored", F_CALL_CANCEL, {HANDLE(call, H_QUEUE)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"call_cancel of a pending call: callback once with CANCELED", F_CALL_CANCEL, {HANDLE(call, H_PENDING_CALL)}, TEMPORAL_ERROR_CODE_CANCELED, "canceled by temporal_call_cancel", false, false, true, NULL, 0},
  {"call_cancel of a finished call changes nothing", F_CALL_CANCEL, {HANDLE(call, H_DONE_CALL)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"call_cancel of a pending call in the wait form: CANCELED", F_CALL_CANCEL, {HANDLE(call, H_CALL_PENDING)}, TEMPORAL_ERROR_CODE_CANCELED, "canceled by temporal_call_cancel", false, false, true, NULL, 0},
  {"call_cancel of a failed call keeps its error", F_CALL_CANCEL, {HANDLE(call, H_CALL_ERROR)}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"call_free(NULL) is a no-op", F_CALL_FREE, {NUL(call)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"call_free(a client) is ignored", F_CALL_FREE, {HANDLE(call, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"call_free(a run) is ignored", F_CALL_FREE, {HANDLE(call, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"call_free(an error) is ignored", F_CALL_FREE, {HANDLE(call, H_ERROR)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"call_free(a queue) is ignored", F_CALL_FREE, {HANDLE(call, H_QUEUE)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"call_free before the callback ran: it still runs once", F_CALL_FREE, {HANDLE(call, H_DONE_CALL)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"call_free of a call in flight (wait form): it goes on", F_CALL_FREE, {HANDLE(call, H_CALL_PENDING)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"call_free of a completed call with its run untaken", F_CALL_FREE, {HANDLE(call, H_CALL_RUN)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"call_free of a completed connect with its client untaken", F_CALL_FREE, {HANDLE(call, H_CALL_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"call_free before completion: the callback gets NULL, once", F_CALL_FREE, {{0}}, TEMPORAL_ERROR_CODE_OK, "with NULL", false, false, false, special_free_before_completion, 0},
  {"call_free inside its own callback: later use is refused, a second free is a no-op", F_CALL_FREE, {{0}}, TEMPORAL_ERROR_CODE_OK, "refused after the free", false, false, false, special_free_in_callback, 0},
  {"a deadline is DEADLINE_EXCEEDED, never CANCELED (get_result_async, 300 ms)", F_GET_RESULT_ASYNC, {HANDLE(run, H_BLOCK_RUN), U64(cpo.timeout_ms, 300)}, TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED, NULL, false, false, true, NULL, 0},

  /* ---- the completion queue (H_QUEUE: the queue the queue-form rows use, empty between rows) */
  {"queue_new(NULL)", F_QUEUE_NEW, {NUL(queue_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "queue_out must not be NULL", false, false, false, NULL, 0},
  {"queue_new works", F_QUEUE_NEW, {{0}}, TEMPORAL_ERROR_CODE_OK, "a queue with a descriptor", false, false, false, NULL, 0},
  {"queue_fd(NULL) is -1", F_QUEUE_FD, {NUL(queue)}, TEMPORAL_ERROR_CODE_OK, "-1", false, false, false, NULL, 0},
  {"queue_fd(a client) is -1", F_QUEUE_FD, {HANDLE(queue, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "-1", false, false, false, NULL, 0},
  {"queue_fd(a run) is -1", F_QUEUE_FD, {HANDLE(queue, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "-1", false, false, false, NULL, 0},
  {"queue_fd(an error) is -1", F_QUEUE_FD, {HANDLE(queue, H_ERROR)}, TEMPORAL_ERROR_CODE_OK, "-1", false, false, false, NULL, 0},
  {"queue_fd(a call) is -1", F_QUEUE_FD, {HANDLE(queue, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_OK, "-1", false, false, false, NULL, 0},
  {"queue_fd of a queue: a descriptor, not readable while empty", F_QUEUE_FD, {HANDLE(queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_OK, "a descriptor, not readable", false, false, false, NULL, 0},
  {"queue_next(NULL) is NULL", F_QUEUE_NEXT, {NUL(queue)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"queue_next(a client) is NULL", F_QUEUE_NEXT, {HANDLE(queue, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"queue_next(a run) is NULL", F_QUEUE_NEXT, {HANDLE(queue, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"queue_next(a call) is NULL", F_QUEUE_NEXT, {HANDLE(queue, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"queue_next of an empty queue is NULL", F_QUEUE_NEXT, {HANDLE(queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},
  {"queue: a call freed before it was taken is never returned", F_QUEUE_NEXT, {{0}}, TEMPORAL_ERROR_CODE_OK, "only the call still owned", false, false, false, special_queue_freed_call, 0},
  {"queue: a canceled call is posted with CANCELED", F_QUEUE_NEXT, {{0}}, TEMPORAL_ERROR_CODE_CANCELED, "canceled by temporal_call_cancel", false, false, false, special_queue_cancel, 0},
  {"queue: freed while a call is in flight: the call completes, posted nowhere", F_QUEUE_FREE, {{0}}, TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED, NULL, false, false, false, special_queue_freed_in_flight, 0},
  {"queue_free(NULL) is a no-op", F_QUEUE_FREE, {NUL(queue)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"queue_free(a client) is refused", F_QUEUE_FREE, {HANDLE(queue, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"queue_free(a run) is refused", F_QUEUE_FREE, {HANDLE(queue, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"queue_free(an error) is refused", F_QUEUE_FREE, {HANDLE(queue, H_ERROR)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"queue_free(a call) is refused", F_QUEUE_FREE, {HANDLE(queue, H_CALL_JSON)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"the queue survived the wrong free functions", F_QUEUE_FD, {HANDLE(queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_OK, "a descriptor, not readable", false, false, false, NULL, 0},

  /* ---- temporal_runtime_options_default, temporal_runtime_init. temporal_runtime_shutdown
     ends the library for the whole process: it is covered by tests/runtime_control.rs and is
     in NOT_RUN_HERE below, not in this table. */
  {"runtime_options_default(NULL) is false", F_RUNTIME_OPTIONS_DEFAULT, {NUL(runtime_options)}, TEMPORAL_ERROR_CODE_OK, "false", false, false, false, NULL, 0},
  {"runtime_options_default resets a garbage struct", F_RUNTIME_OPTIONS_DEFAULT, {{0}}, TEMPORAL_ERROR_CODE_OK, "defaults (", false, false, false, NULL, 0},
  {"runtime_options_default with size 0: false, nothing written", F_RUNTIME_OPTIONS_DEFAULT, {SIZE(default_size, 0)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"runtime_options_default with size 7: false, nothing written", F_RUNTIME_OPTIONS_DEFAULT, {SIZE(default_size, 7)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"runtime_options_default with size 20 (not a multiple of 8): false", F_RUNTIME_OPTIONS_DEFAULT, {SIZE(default_size, 20)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"runtime_options_default with size 4104 (over 4096): false", F_RUNTIME_OPTIONS_DEFAULT, {SIZE(default_size, 4104)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"runtime_options_default with an older header's size 16: writes 16 bytes only", F_RUNTIME_OPTIONS_DEFAULT, {SIZE(default_size, 16)}, TEMPORAL_ERROR_CODE_OK, "defaults (16 bytes)", false, false, false, NULL, 0},
  {"runtime_options_default with a newer header's larger size: zeroes it all", F_RUNTIME_OPTIONS_DEFAULT, {SIZE(default_size, sizeof(temporal_runtime_options) + 16)}, TEMPORAL_ERROR_CODE_OK, "defaults (", false, false, false, NULL, 0},
  {"runtime_init after the library started", F_RUNTIME_INIT, {{0}}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "already running", false, false, false, NULL, 0},
  {"runtime_init(NULL) after the library started", F_RUNTIME_INIT, {NUL(runtime_options)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "already running", false, false, false, NULL, 0},
  {"runtime_init: log_level 99", F_RUNTIME_INIT, {I32(ro.log_level, 99)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown log level 99", false, false, false, NULL, 0},
  {"runtime_init: log_level -1", F_RUNTIME_INIT, {I32(ro.log_level, -1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown log level -1", false, false, false, NULL, 0},
  {"runtime_init: worker_threads UINT32_MAX", F_RUNTIME_INIT, {U32(ro.worker_threads, UINT32_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, NULL, false, false, false, NULL, 0},
  {"runtime_init: options size 0", F_RUNTIME_INIT, {SIZE(ro.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_runtime_options: size is 0; initialise the struct with its _default function", false, false, false, NULL, 0},
  {"runtime_init: options size 4097", F_RUNTIME_INIT, {SIZE(ro.size, 4097)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_runtime_options: size is 4097", false, false, false, NULL, 0},
  {"runtime_init: options larger, unknown tail set", F_RUNTIME_INIT, {SIZE(ro.size, sizeof(temporal_runtime_options) + 8), U8(ro_tail[1], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"runtime_init: options larger, unknown tail zero (read, then already running)", F_RUNTIME_INIT, {SIZE(ro.size, sizeof(temporal_runtime_options) + 8)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "already running", false, false, false, NULL, 0},
  {"runtime_init: invalid UTF-8 metrics_otlp_url", F_RUNTIME_INIT, {STR(ro.metrics_otlp_url, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "metrics_otlp_url is not valid UTF-8", false, false, false, NULL, 0},
  {"runtime_init: metrics_otlp_url not a URL", F_RUNTIME_INIT, {STR(ro.metrics_otlp_url, "collector:4317")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "expected http:// or https://", false, false, false, NULL, 0},
  {"runtime_init: metrics_otlp_url relative", F_RUNTIME_INIT, {STR(ro.metrics_otlp_url, "/v1/metrics")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "is not a URL", false, false, false, NULL, 0},
  {"runtime_init: metrics_otlp_protocol 2", F_RUNTIME_INIT, {STR(ro.metrics_otlp_url, "http://127.0.0.1:4317"), I32(ro.metrics_otlp_protocol, 2)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown metrics_otlp_protocol 2", false, false, false, NULL, 0},
  {"runtime_init: metrics_otlp_headers_json not an object of strings (the value never shown)", F_RUNTIME_INIT, {STR(ro.metrics_otlp_url, "http://127.0.0.1:4317"), STR(ro.metrics_otlp_headers_json, "{\"authorization\": 7}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "metrics_otlp_headers_json must be a JSON object of strings", false, false, false, NULL, 0},
  {"runtime_init: metrics_otlp_period_ms 100 years + 1 ms", F_RUNTIME_INIT, {STR(ro.metrics_otlp_url, "http://127.0.0.1:4317"), U64(ro.metrics_otlp_period_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "metrics_otlp_period_ms", false, false, false, NULL, 0},
  {"runtime_init: both a Prometheus endpoint and an OTLP collector", F_RUNTIME_INIT, {STR(ro.metrics_otlp_url, "http://127.0.0.1:4317"), STR(ro.metrics_prometheus_address, "127.0.0.1:0")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "not both", false, false, false, NULL, 0},
  {"runtime_init: after a panic", F_RUNTIME_INIT, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},

  /* ---- temporal_schedule_options_default */
  {"schedule_options_default(NULL) is false", F_SCHED_OPTIONS_DEFAULT, {NUL(schedule_options)}, TEMPORAL_ERROR_CODE_OK, "false", false, false, false, NULL, 0},
  {"schedule_options_default resets a garbage struct", F_SCHED_OPTIONS_DEFAULT, {{0}}, TEMPORAL_ERROR_CODE_OK, "defaults (", false, false, false, NULL, 0},
  {"schedule_options_default with size 0: false, nothing written", F_SCHED_OPTIONS_DEFAULT, {SIZE(default_size, 0)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"schedule_options_default with size 20 (not a multiple of 8): false", F_SCHED_OPTIONS_DEFAULT, {SIZE(default_size, 20)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"schedule_options_default with size 4104 (over 4096): false", F_SCHED_OPTIONS_DEFAULT, {SIZE(default_size, 4104)}, TEMPORAL_ERROR_CODE_OK, "false, untouched", false, false, false, NULL, 0},
  {"schedule_options_default with an older header's size 16: writes 16 bytes only", F_SCHED_OPTIONS_DEFAULT, {SIZE(default_size, 16)}, TEMPORAL_ERROR_CODE_OK, "defaults (16 bytes)", false, false, false, NULL, 0},
  {"schedule_options_default with a newer header's larger size: zeroes it all", F_SCHED_OPTIONS_DEFAULT, {SIZE(default_size, sizeof(temporal_schedule_options) + 16)}, TEMPORAL_ERROR_CODE_OK, "defaults (", false, false, false, NULL, 0},

  /* ---- temporal_schedule_create_async (baseline: a new paused schedule with a yearly cron) */
  {"schedule_create_async: baseline works", F_SCHED_CREATE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"schedule_create_async: NULL call options: wait form, default timeout", F_SCHED_CREATE_ASYNC, {NUL(call_options)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"schedule_create_async: an interval, a calendar and a backfill", F_SCHED_CREATE_ASYNC, {SIZE(sco.intervals_len, 1), U64(iv[0].every_ms, 3600000), SIZE(sco.calendars_len, 1)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"schedule_create_async: arguments as args_payloads", F_SCHED_CREATE_ASYNC, {NUL(sco.args_json), HANDLE(cpo.args_payloads, H_ARGS_LIST)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"schedule_create_async: the fixture's ID: ALREADY_EXISTS", F_SCHED_CREATE_ASYNC, {GEN(schedule_id, fixture_schedule)}, TEMPORAL_ERROR_CODE_ALREADY_EXISTS, "already registered", false, false, true, NULL, 0},
  {"schedule_create_async: NULL call_out", F_SCHED_CREATE_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"schedule_create_async: NULL client", F_SCHED_CREATE_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"schedule_create_async: a run as the client", F_SCHED_CREATE_ASYNC, {HANDLE(client, H_RUN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"schedule_create_async: NULL schedule_id", F_SCHED_CREATE_ASYNC, {NUL(schedule_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "schedule_id must not be NULL", false, false, false, NULL, 0},
  {"schedule_create_async: empty schedule_id", F_SCHED_CREATE_ASYNC, {STR(schedule_id, "")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "schedule_id must not be empty", false, false, false, NULL, 0},
  {"schedule_create_async: invalid UTF-8 schedule_id", F_SCHED_CREATE_ASYNC, {STR(schedule_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "schedule_id is not valid UTF-8", false, false, false, NULL, 0},
  {"schedule_create_async: NULL options", F_SCHED_CREATE_ASYNC, {NUL(schedule_options)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options must not be NULL", false, false, false, NULL, 0},
  {"schedule_create_async: options size 0", F_SCHED_CREATE_ASYNC, {SIZE(sco.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_schedule_options: size is 0", false, false, false, NULL, 0},
  {"schedule_create_async: options larger, unknown tail set", F_SCHED_CREATE_ASYNC, {SIZE(sco.size, sizeof(temporal_schedule_options) + 8), U8(sco_tail[3], 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "of the unknown fields is set", false, false, false, NULL, 0},
  {"schedule_create_async: options larger, unknown tail zero", F_SCHED_CREATE_ASYNC, {SIZE(sco.size, sizeof(temporal_schedule_options) + 8)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"schedule_create_async: paused is 2", F_SCHED_CREATE_ASYNC, {U8(sco.paused, 2)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "paused must be true or false", false, false, false, NULL, 0},
  {"schedule_create_async: trigger_immediately is 2", F_SCHED_CREATE_ASYNC, {U8(sco.trigger_immediately, 2)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "trigger_immediately must be true or false", false, false, false, NULL, 0},
  {"schedule_create_async: no spec (and no proto)", F_SCHED_CREATE_ASYNC, {SIZE(sco.cron_strings_len, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "give at least one cron string, interval or calendar", false, false, false, NULL, 0},
  {"schedule_create_async: NULL cron_strings with a length", F_SCHED_CREATE_ASYNC, {NUL(sco.cron_strings), SIZE(sco.cron_strings_len, 2)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.cron_strings is NULL but options.cron_strings_len is 2", false, false, false, NULL, 0},
  {"schedule_create_async: a NULL cron string", F_SCHED_CREATE_ASYNC, {NUL(crons[1]), SIZE(sco.cron_strings_len, 2)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.cron_strings[1] must not be NULL", false, false, false, NULL, 0},
  {"schedule_create_async: an empty cron string", F_SCHED_CREATE_ASYNC, {STR(crons[0], "")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "cron_strings[0] is empty", false, false, false, NULL, 0},
  {"schedule_create_async: invalid UTF-8 cron string", F_SCHED_CREATE_ASYNC, {STR(crons[0], BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.cron_strings[0] is not valid UTF-8", false, false, false, NULL, 0},
  {"schedule_create_async: a cron string the server cannot parse", F_SCHED_CREATE_ASYNC, {STR(crons[0], "every blue moon")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, NULL, false, false, true, NULL, 0},
  {"schedule_create_async: NULL intervals with a length", F_SCHED_CREATE_ASYNC, {NUL(sco.intervals), SIZE(sco.intervals_len, 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.intervals is NULL but options.intervals_len is 1", false, false, false, NULL, 0},
  {"schedule_create_async: an interval of 0", F_SCHED_CREATE_ASYNC, {SIZE(sco.intervals_len, 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "intervals[0].every_ms must not be 0", false, false, false, NULL, 0},
  {"schedule_create_async: an interval of 100 years + 1 ms", F_SCHED_CREATE_ASYNC, {SIZE(sco.intervals_len, 1), U64(iv[0].every_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.intervals[0].every_ms of", false, false, false, NULL, 0},
  {"schedule_create_async: NULL calendars with a length", F_SCHED_CREATE_ASYNC, {NUL(sco.calendars), SIZE(sco.calendars_len, 3)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.calendars is NULL but options.calendars_len is 3", false, false, false, NULL, 0},
  {"schedule_create_async: invalid UTF-8 calendar hour", F_SCHED_CREATE_ASYNC, {SIZE(sco.calendars_len, 1), STR(cal[0].hour, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.calendars[0].hour is not valid UTF-8", false, false, false, NULL, 0},
  {"schedule_create_async: a calendar hour the server cannot parse", F_SCHED_CREATE_ASYNC, {SIZE(sco.calendars_len, 1), STR(cal[0].hour, "25-99")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, NULL, false, false, true, NULL, 0},
  {"schedule_create_async: NULL exclude_calendars with a length", F_SCHED_CREATE_ASYNC, {NUL(sco.exclude_calendars), SIZE(sco.exclude_calendars_len, 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.exclude_calendars is NULL but options.exclude_calendars_len is 1", false, false, false, NULL, 0},
  {"schedule_create_async: start after end", F_SCHED_CREATE_ASYNC, {U64(sco.start_time_unix_ms, 2000), U64(sco.end_time_unix_ms, 1000)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "the start time (2000 ms) is after the end time (1000 ms)", false, false, false, NULL, 0},
  {"schedule_create_async: jitter of 100 years + 1 ms", F_SCHED_CREATE_ASYNC, {U64(sco.jitter_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.jitter_ms of", false, false, false, NULL, 0},
  {"schedule_create_async: catch-up window of 100 years + 1 ms", F_SCHED_CREATE_ASYNC, {U64(sco.catchup_window_ms, HUNDRED_YEARS_MS + 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.catchup_window_ms of", false, false, false, NULL, 0},
  {"schedule_create_async: invalid UTF-8 time_zone_name", F_SCHED_CREATE_ASYNC, {STR(sco.time_zone_name, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.time_zone_name is not valid UTF-8", false, false, false, NULL, 0},
  {"schedule_create_async: overlap_policy 7", F_SCHED_CREATE_ASYNC, {I32(sco.overlap_policy, 7)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "overlap_policy is 7", false, false, false, NULL, 0},
  {"schedule_create_async: overlap_policy -1", F_SCHED_CREATE_ASYNC, {I32(sco.overlap_policy, -1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "overlap_policy is -1", false, false, false, NULL, 0},
  {"schedule_create_async: negative remaining_actions", F_SCHED_CREATE_ASYNC, {U64(sco.remaining_actions, UINT64_MAX)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "remaining_actions must not be negative", false, false, false, NULL, 0},
  {"schedule_create_async: invalid UTF-8 note", F_SCHED_CREATE_ASYNC, {STR(sco.note, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.note is not valid UTF-8", false, false, false, NULL, 0},
  {"schedule_create_async: NULL workflow_type", F_SCHED_CREATE_ASYNC, {NUL(sco.workflow_type)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_type is required", false, false, false, NULL, 0},
  {"schedule_create_async: invalid UTF-8 workflow_type", F_SCHED_CREATE_ASYNC, {STR(sco.workflow_type, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.workflow_type is not valid UTF-8", false, false, false, NULL, 0},
  {"schedule_create_async: args_json not an array", F_SCHED_CREATE_ASYNC, {STR(sco.args_json, "{")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "must be a JSON array", false, false, false, NULL, 0},
  {"schedule_create_async: args_json and args_payloads", F_SCHED_CREATE_ASYNC, {HANDLE(cpo.args_payloads, H_ARGS_LIST)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.args_payloads and options.args_json are both set", false, false, false, NULL, 0},
  {"schedule_create_async: result_as_payloads", F_SCHED_CREATE_ASYNC, {U8(cpo.result_as_payloads, 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.result_as_payloads is set, but this operation does not take it", false, false, false, NULL, 0},
  {"schedule_create_async: NULL workflow_options", F_SCHED_CREATE_ASYNC, {NUL(sco.workflow_options)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.workflow_options must not be NULL", false, false, false, NULL, 0},
  {"schedule_create_async: workflow_options without an ID", F_SCHED_CREATE_ASYNC, {NUL(sso.id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_options.id is required", false, false, false, NULL, 0},
  {"schedule_create_async: workflow_options without a task queue", F_SCHED_CREATE_ASYNC, {NUL(sso.task_queue)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "task queue is required", false, false, false, NULL, 0},
  {"schedule_create_async: workflow_options size 0", F_SCHED_CREATE_ASYNC, {SIZE(sso.size, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_start_workflow_options: size is 0", false, false, false, NULL, 0},
  {"schedule_create_async: an ID reuse policy", F_SCHED_CREATE_ASYNC, {I32(sso.id_reuse_policy, 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_options.id_reuse_policy has no meaning for a scheduled start", false, false, false, NULL, 0},
  {"schedule_create_async: an ID conflict policy", F_SCHED_CREATE_ASYNC, {I32(sso.id_conflict_policy, 2)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_options.id_conflict_policy has no meaning", false, false, false, NULL, 0},
  {"schedule_create_async: an unknown ID conflict policy", F_SCHED_CREATE_ASYNC, {I32(sso.id_conflict_policy, 9)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown workflow ID conflict policy 9", false, false, false, NULL, 0},
  {"schedule_create_async: error_when_already_started", F_SCHED_CREATE_ASYNC, {U8(sso.error_when_already_started, 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_options.error_when_already_started has no meaning", false, false, false, NULL, 0},
  {"schedule_create_async: a start delay", F_SCHED_CREATE_ASYNC, {U64(sso.start_delay_ms, 1000)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_options.start_delay_ms has no meaning", false, false, false, NULL, 0},
  {"schedule_create_async: a cron schedule in the start options", F_SCHED_CREATE_ASYNC, {STR(sso.cron_schedule, "* * * * *")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_options.cron_schedule has no meaning", false, false, false, NULL, 0},
  {"schedule_create_async: NULL backfills with a length", F_SCHED_CREATE_ASYNC, {NUL(sco.backfills), SIZE(sco.backfills_len, 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.backfills is NULL but options.backfills_len is 1", false, false, false, NULL, 0},
  {"schedule_create_async: a backfill that starts after it ends", F_SCHED_CREATE_ASYNC, {SIZE(sco.backfills_len, 1), U64(bf[0].start_time_unix_ms, 2000), U64(bf[0].end_time_unix_ms, 1000)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "backfills[0]: the start time (2000 ms) is after the end time (1000 ms)", false, false, false, NULL, 0},
  {"schedule_create_async: a backfill with overlap_policy 9", F_SCHED_CREATE_ASYNC, {SIZE(sco.backfills_len, 1), I32(bf[0].overlap_policy, 9)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "backfills[0].overlap_policy is 9", false, false, false, NULL, 0},
  {"schedule_create_async: memo_json not an object", F_SCHED_CREATE_ASYNC, {STR(sco.memo_json, "[1]")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "memo must be a JSON object", false, false, false, NULL, 0},
  {"schedule_create_async: invalid UTF-8 search_attributes_json", F_SCHED_CREATE_ASYNC, {STR(sco.search_attributes_json, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.search_attributes_json is not valid UTF-8", false, false, false, NULL, 0},
  {"schedule_create_async: an unregistered search attribute", F_SCHED_CREATE_ASYNC, {STR(sco.search_attributes_json, "{\"BadinputNoSuchAttribute\": 1}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, NULL, false, false, true, NULL, 0},
  {"schedule_create_async: schedule_proto NULL with a length", F_SCHED_CREATE_ASYNC, {SIZE(sco.schedule_proto_len, 3)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.schedule_proto is NULL but schedule_proto_len is 3", false, false, false, NULL, 0},
  {"schedule_create_async: schedule_proto that does not decode", F_SCHED_CREATE_ASYNC, {STR(sco.schedule_proto, "\xff\xff\xff"), SIZE(sco.schedule_proto_len, 3)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "schedule_proto is not a temporal.api.schedule.v1.Schedule", false, false, false, NULL, 0},
  {"schedule_create_async: schedule_proto and the fields both", F_SCHED_CREATE_ASYNC, {STR(sco.schedule_proto, "\x0a\x00"), SIZE(sco.schedule_proto_len, 2)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options.schedule_proto and options.cron_strings are both set", false, false, false, NULL, 0},
  {"schedule_create_async: after a panic (at once, no completion)", F_SCHED_CREATE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},

  /* ---- temporal_schedule_describe_async (baseline: a schedule never created) */
  {"schedule_describe_async: the fixture", F_SCHED_DESCRIBE_ASYNC, {GEN(schedule_id, fixture_schedule)}, TEMPORAL_ERROR_CODE_OK, "\"workflow_type\":\"Echo\"", false, false, false, NULL, 0},
  {"schedule_describe_async: no such schedule", F_SCHED_DESCRIBE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"schedule_describe_async: NULL call_out", F_SCHED_DESCRIBE_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"schedule_describe_async: NULL client", F_SCHED_DESCRIBE_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"schedule_describe_async: an error as the client", F_SCHED_DESCRIBE_ASYNC, {HANDLE(client, H_ERROR)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},
  {"schedule_describe_async: NULL schedule_id", F_SCHED_DESCRIBE_ASYNC, {NUL(schedule_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "schedule_id must not be NULL", false, false, false, NULL, 0},
  {"schedule_describe_async: empty schedule_id", F_SCHED_DESCRIBE_ASYNC, {STR(schedule_id, "")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "schedule_id must not be empty", false, false, false, NULL, 0},
  {"schedule_describe_async: invalid UTF-8 schedule_id", F_SCHED_DESCRIBE_ASYNC, {STR(schedule_id, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "schedule_id is not valid UTF-8", false, false, false, NULL, 0},
  {"schedule_describe_async: args_payloads", F_SCHED_DESCRIBE_ASYNC, {HANDLE(cpo.args_payloads, H_ARGS_LIST)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_call_options.args_payloads is set, but this operation does not take it", false, false, false, NULL, 0},
  {"schedule_describe_async: after a panic (at once, no completion)", F_SCHED_DESCRIBE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},

  /* ---- temporal_schedule_update_async (baseline: the create baseline's options) */
  {"schedule_update_async: the fixture, with its own options", F_SCHED_UPDATE_ASYNC, {GEN(schedule_id, fixture_schedule)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"schedule_update_async: no such schedule", F_SCHED_UPDATE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"schedule_update_async: NULL client", F_SCHED_UPDATE_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"schedule_update_async: NULL schedule_id", F_SCHED_UPDATE_ASYNC, {NUL(schedule_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "schedule_id must not be NULL", false, false, false, NULL, 0},
  {"schedule_update_async: NULL options", F_SCHED_UPDATE_ASYNC, {NUL(schedule_options)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "options must not be NULL", false, false, false, NULL, 0},
  {"schedule_update_async: no spec", F_SCHED_UPDATE_ASYNC, {SIZE(sco.cron_strings_len, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "give at least one cron string", false, false, false, NULL, 0},
  {"schedule_update_async: trigger_immediately (create only)", F_SCHED_UPDATE_ASYNC, {U8(sco.trigger_immediately, 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "trigger_immediately is create only", false, false, false, NULL, 0},
  {"schedule_update_async: backfills (create only)", F_SCHED_UPDATE_ASYNC, {SIZE(sco.backfills_len, 1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "backfills is create only", false, false, false, NULL, 0},
  {"schedule_update_async: memo_json (create only)", F_SCHED_UPDATE_ASYNC, {STR(sco.memo_json, "{\"a\": 1}")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "memo_json is create only", false, false, false, NULL, 0},
  {"schedule_update_async: overlap_policy 7", F_SCHED_UPDATE_ASYNC, {I32(sco.overlap_policy, 7)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "overlap_policy is 7", false, false, false, NULL, 0},
  {"schedule_update_async: a conflict token that is not hex", F_SCHED_UPDATE_ASYNC, {STR(conflict_token, "zz")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "conflict_token is not one this library returned", false, false, false, NULL, 0},
  {"schedule_update_async: a conflict token of odd length", F_SCHED_UPDATE_ASYNC, {STR(conflict_token, "abc")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "conflict_token is not one this library returned", false, false, false, NULL, 0},
  {"schedule_update_async: invalid UTF-8 conflict token", F_SCHED_UPDATE_ASYNC, {STR(conflict_token, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "conflict_token is not valid UTF-8", false, false, false, NULL, 0},
  {"schedule_update_async: after a panic (at once, no completion)", F_SCHED_UPDATE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},

  /* ---- temporal_schedule_pause_async / unpause_async (baseline: a schedule never created) */
  {"schedule_pause_async: the fixture", F_SCHED_PAUSE_ASYNC, {GEN(schedule_id, fixture_schedule)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"schedule_pause_async: the fixture, NULL note", F_SCHED_PAUSE_ASYNC, {GEN(schedule_id, fixture_schedule), NUL(note)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"schedule_pause_async: no such schedule", F_SCHED_PAUSE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"schedule_pause_async: NULL schedule_id", F_SCHED_PAUSE_ASYNC, {NUL(schedule_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "schedule_id must not be NULL", false, false, false, NULL, 0},
  {"schedule_pause_async: invalid UTF-8 note", F_SCHED_PAUSE_ASYNC, {STR(note, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "note is not valid UTF-8", false, false, false, NULL, 0},
  {"schedule_pause_async: NULL client", F_SCHED_PAUSE_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"schedule_unpause_async: the fixture", F_SCHED_UNPAUSE_ASYNC, {GEN(schedule_id, fixture_schedule)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"schedule_unpause_async: no such schedule", F_SCHED_UNPAUSE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"schedule_unpause_async: NULL schedule_id", F_SCHED_UNPAUSE_ASYNC, {NUL(schedule_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "schedule_id must not be NULL", false, false, false, NULL, 0},
  {"schedule_unpause_async: invalid UTF-8 note", F_SCHED_UNPAUSE_ASYNC, {STR(note, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "note is not valid UTF-8", false, false, false, NULL, 0},
  {"schedule_unpause_async: NULL call_out", F_SCHED_UNPAUSE_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"schedule_pause_async: the fixture paused again (it stays paused)", F_SCHED_PAUSE_ASYNC, {GEN(schedule_id, fixture_schedule)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},

  /* ---- temporal_schedule_trigger_async (baseline: a schedule never created) */
  {"schedule_trigger_async: the fixture", F_SCHED_TRIGGER_ASYNC, {GEN(schedule_id, fixture_schedule)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"schedule_trigger_async: the fixture, ALLOW_ALL", F_SCHED_TRIGGER_ASYNC, {GEN(schedule_id, fixture_schedule), I32(overlap_policy, TEMPORAL_SCHEDULE_OVERLAP_POLICY_ALLOW_ALL)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"schedule_trigger_async: no such schedule", F_SCHED_TRIGGER_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"schedule_trigger_async: overlap_policy 7", F_SCHED_TRIGGER_ASYNC, {I32(overlap_policy, 7)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "overlap_policy is 7", false, false, false, NULL, 0},
  {"schedule_trigger_async: overlap_policy INT32_MIN", F_SCHED_TRIGGER_ASYNC, {I32(overlap_policy, INT32_MIN)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "overlap_policy is -2147483648", false, false, false, NULL, 0},
  {"schedule_trigger_async: NULL schedule_id", F_SCHED_TRIGGER_ASYNC, {NUL(schedule_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "schedule_id must not be NULL", false, false, false, NULL, 0},
  {"schedule_trigger_async: NULL client", F_SCHED_TRIGGER_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},

  /* ---- temporal_schedule_backfill_async (baseline: the past hour, ALLOW_ALL, a schedule never created) */
  {"schedule_backfill_async: the fixture", F_SCHED_BACKFILL_ASYNC, {GEN(schedule_id, fixture_schedule)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"schedule_backfill_async: no such schedule", F_SCHED_BACKFILL_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"schedule_backfill_async: NULL backfills with a length", F_SCHED_BACKFILL_ASYNC, {NUL(backfills)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "backfills is NULL but backfills_len is 1", false, false, false, NULL, 0},
  {"schedule_backfill_async: no backfill", F_SCHED_BACKFILL_ASYNC, {SIZE(backfills_len, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "backfills: give at least one", false, false, false, NULL, 0},
  {"schedule_backfill_async: no start time", F_SCHED_BACKFILL_ASYNC, {U64(bf[0].start_time_unix_ms, 0)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "backfills[0]: both a start and an end time are required", false, false, false, NULL, 0},
  {"schedule_backfill_async: start after end", F_SCHED_BACKFILL_ASYNC, {U64(bf[0].start_time_unix_ms, 2000), U64(bf[0].end_time_unix_ms, 1000)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "backfills[0]: the start time (2000 ms) is after the end time (1000 ms)", false, false, false, NULL, 0},
  {"schedule_backfill_async: overlap_policy 7", F_SCHED_BACKFILL_ASYNC, {I32(bf[0].overlap_policy, 7)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "backfills[0].overlap_policy is 7", false, false, false, NULL, 0},
  {"schedule_backfill_async: NULL schedule_id", F_SCHED_BACKFILL_ASYNC, {NUL(schedule_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "schedule_id must not be NULL", false, false, false, NULL, 0},
  {"schedule_backfill_async: NULL client", F_SCHED_BACKFILL_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},

  /* ---- temporal_schedule_delete_async (baseline: a schedule never created) */
  {"schedule_delete_async: a fresh schedule", F_SCHED_DELETE_ASYNC, {GEN(schedule_id, fresh_schedule)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"schedule_delete_async: no such schedule", F_SCHED_DELETE_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_NOT_FOUND, NULL, false, false, true, NULL, 0},
  {"schedule_delete_async: NULL schedule_id", F_SCHED_DELETE_ASYNC, {NUL(schedule_id)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "schedule_id must not be NULL", false, false, false, NULL, 0},
  {"schedule_delete_async: empty schedule_id", F_SCHED_DELETE_ASYNC, {STR(schedule_id, "")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "schedule_id must not be empty", false, false, false, NULL, 0},
  {"schedule_delete_async: NULL client", F_SCHED_DELETE_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"schedule_delete_async: a queue as the client", F_SCHED_DELETE_ASYNC, {HANDLE(client, H_QUEUE)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client is not a handle of the right kind", false, false, false, NULL, 0},

  /* ---- temporal_schedule_list_async (baseline: every schedule, pages of 10) */
  {"schedule_list_async: baseline works", F_SCHED_LIST_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_OK, "\"schedules\":", false, false, false, NULL, 0},
  {"schedule_list_async: page_size 1", F_SCHED_LIST_ASYNC, {I32(page_size, 1)}, TEMPORAL_ERROR_CODE_OK, "\"next_page_token\":", false, false, false, NULL, 0},
  {"schedule_list_async: negative page_size", F_SCHED_LIST_ASYNC, {I32(page_size, -1)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "page_size must not be negative", false, false, false, NULL, 0},
  {"schedule_list_async: a page token that is not hex", F_SCHED_LIST_ASYNC, {STR(page_token, "zz")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "page_token is not one this library returned", false, false, false, NULL, 0},
  {"schedule_list_async: invalid UTF-8 query", F_SCHED_LIST_ASYNC, {STR(query, BAD)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "query is not valid UTF-8", false, false, false, NULL, 0},
  {"schedule_list_async: a query the server cannot parse", F_SCHED_LIST_ASYNC, {STR(query, "WorkflowId = = 'x'")}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, NULL, false, false, true, NULL, 0},
  {"schedule_list_async: NULL client", F_SCHED_LIST_ASYNC, {NUL(client)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", false, false, false, NULL, 0},
  {"schedule_list_async: NULL call_out", F_SCHED_LIST_ASYNC, {NUL(call_out)}, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "call_out must not be NULL", false, false, false, NULL, 0},
  {"schedule_list_async: after a panic (at once, no completion)", F_SCHED_LIST_ASYNC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "panic", false, true, false, NULL, 0},

  /* ---- temporal_testing_panic_next_call: survives a call that returns no error, then fires */
  {"testing_panic_next_call: next error-returning call panics", F_TESTING_PANIC, {{0}}, TEMPORAL_ERROR_CODE_INTERNAL, "forced by temporal_testing_panic_next_call", false, false, false, NULL, 0},
  {"testing_panic_next_call: fires only once", F_GET_WORKFLOW, {{0}}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},

  /* ---- the handles passed to call_cancel/call_free above are intact */
  {"the client survived call_cancel/call_free", F_EXECUTE, {HANDLE(client, H_CLIENT)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"the run survived call_cancel/call_free", F_GET_RESULT, {HANDLE(run, H_RUN)}, TEMPORAL_ERROR_CODE_OK, "", false, false, false, NULL, 0},
  {"the queue survived call_cancel/call_free", F_QUEUE_NEXT, {HANDLE(queue, H_QUEUE)}, TEMPORAL_ERROR_CODE_OK, "NULL", false, false, false, NULL, 0},

};
/* clang-format on */

/* ---------------------------------------------------------------- fixtures */

static const char *g_address;
static const char *g_queue;
static temporal_client *g_client;   /* H_CLIENT */
static temporal_workflow_run *g_run; /* H_RUN: a completed Echo workflow */
static temporal_error *g_err;       /* H_ERROR: "workflow_id must not be NULL" */
static temporal_completion_queue *g_cq; /* H_QUEUE: the queue of the queue-form rows */
static char g_fixture_id[96];
static char g_counter_id[96];         /* a running Counter(0) */
static temporal_update_handle *g_update_handle; /* H_UPDATE_HANDLE */
static char g_block_id[96];           /* a running Block: never unblocked until the end */
static temporal_workflow_run *g_block_run; /* H_BLOCK_RUN */
static char g_missing_id[96];         /* never started */
static char g_visibility[160];        /* WorkflowId = '<fixture>' */
static char g_fresh_ids[48][96];      /* workflows started for rows (H_FRESH_BLOCK, H_FRESH_ASYNC) */
static int g_nfresh;
static int g_marker; /* the user_data of the H_CALL_* calls */
/* An AsyncActivity workflow whose activity "async" stays pending (the heartbeat rows), and the
   task token of one already completed (the completion rows must never complete the first). */
static char g_async_id[96];
static uint8_t g_async_token[1024], g_done_token[1024];
static size_t g_async_token_len, g_done_token_len;

static const char *block_run_id(void) { return temporal_workflow_run_get_run_id(g_block_run); }

static char g_schedule_id[96];         /* paused, a yearly cron, an Echo action */
static char g_missing_schedule_id[96]; /* never created */
static const char *fixture_schedule(void) { return g_schedule_id; }

/* Creates a schedule like the fixture for the row (delete's good rows) and gives its ID. */
static const char *fresh_schedule(void) {
  static char ids[8][96];
  static int n;
  char *id = ids[n++ % 8];
  snprintf(id, sizeof ids[0], "badinput-schedule-fresh-%ld-%d", (long)getpid(), n);
  static const char *const yearly[] = {"0 0 1 1 *"};
  temporal_start_workflow_options wf;
  temporal_start_workflow_options_default(&wf, sizeof wf);
  wf.id = "badinput-scheduled";
  wf.task_queue = g_queue;
  temporal_schedule_options o;
  temporal_schedule_options_default(&o, sizeof o);
  o.cron_strings = yearly;
  o.cron_strings_len = 1;
  o.workflow_type = "Echo";
  o.workflow_options = &wf;
  o.paused = true;
  temporal_call *call = NULL;
  temporal_error *e = temporal_schedule_create_async(g_client, id, &o, NULL, &call);
  if (!e) e = temporal_call_wait(call, 10000);
  if (!e && temporal_call_get_error(call)) {
    fprintf(stderr, "test_bad_input: fresh schedule: %s\n", temporal_error_get_message(temporal_call_get_error(call)));
    abort();
  }
  if (e) {
    fprintf(stderr, "test_bad_input: fresh schedule: %s\n", temporal_error_get_message(e));
    abort();
  }
  temporal_call_free(call);
  return id;
}

static void sleep_ms(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  while (nanosleep(&ts, &ts) != 0) {}
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

/* "CODE: message" of an error (for diagnostics), and frees it. */
static const char *describe_and_free(temporal_error *e, char *buf, size_t n) {
  snprintf(buf, n, "%s: %s", temporal_error_code_name((int32_t)temporal_error_get_code(e)),
           temporal_error_get_message(e));
  temporal_error_free(e);
  return buf;
}

/* What a completed call holds, read through its getters (the run and client are taken and
   freed: only whether there was one is kept). */
struct outcome {
  temporal_error_code code;
  char text[1024];
  bool json, run, client, count, update_id, update_handle, payloads, bytes, bad_utf8;
  bool bad_bytes; /* get_bytes lent NULL with a length, or a pointer for an empty response */
  char update_id_text[128];
  void *user_data;
};

static void read_outcome(const temporal_call *call, struct outcome *o) {
  const temporal_error *e = temporal_call_get_error(call);
  const char *json = temporal_call_get_json(call);
  o->code = temporal_error_get_code(e);
  o->text[0] = '\0';
  o->bad_utf8 = false;
  if (e) {
    const char *m = temporal_error_get_message(e), *d = temporal_error_get_details(e);
    snprintf(o->text, sizeof o->text, "%s", m);
    o->bad_utf8 = !utf8_valid(m) || (d && !utf8_valid(d));
  } else if (json) {
    snprintf(o->text, sizeof o->text, "%s", json);
    o->bad_utf8 = !utf8_valid(json);
  }
  o->json = json != NULL;
  temporal_workflow_run *run = temporal_call_take_run(call);
  o->run = run != NULL;
  temporal_workflow_run_free(run);
  temporal_client *client = temporal_call_take_client(call);
  o->client = client != NULL;
  temporal_client_free(client);
  temporal_update_handle *handle = temporal_call_take_update_handle(call);
  o->update_handle = handle != NULL;
  temporal_update_handle_free(handle);
  /* result_as_payloads: the text is "payloads: N" and the first one read as JSON. */
  temporal_payloads *payloads = temporal_call_take_payloads(call);
  o->payloads = payloads != NULL;
  if (payloads && !e && !json) {
    char *first = NULL;
    temporal_error *fe = temporal_payloads_len(payloads) ? temporal_payloads_get_json(payloads, 0, &first) : NULL;
    snprintf(o->text, sizeof o->text, "payloads: %zu%s%s", temporal_payloads_len(payloads), first ? ", first as JSON: " : "",
             first ? first : "");
    if (first && !utf8_valid(first)) o->bad_utf8 = true;
    temporal_string_free(first);
    temporal_error_free(fe);
  }
  temporal_payloads_free(payloads);
  /* A raw RPC: the text is "response: N bytes". */
  const uint8_t *bytes = NULL;
  size_t bytes_len = 0;
  o->bytes = temporal_call_get_bytes(call, &bytes, &bytes_len);
  if (o->bytes && !e && !json) snprintf(o->text, sizeof o->text, "response: %zu bytes", bytes_len);
  o->bad_bytes = o->bytes && (bytes == NULL) != (bytes_len == 0);
  int64_t n = 0;
  o->count = temporal_call_get_count(call, &n);
  const char *u = temporal_call_get_update_id(call);
  o->update_id = u != NULL;
  snprintf(o->update_id_text, sizeof o->update_id_text, "%s", u ? u : "");
  if (u && (!*u || !utf8_valid(u))) o->bad_utf8 = true;
  o->user_data = temporal_call_get_user_data(call);
}

/* What the counting callback saw. Written by the callback before it bumps `count`. */
struct async_ctx {
  atomic_int count;
  temporal_call *seen; /* the call the callback got (NULL if it was freed before) */
  bool done_inside;    /* temporal_call_is_done was true inside the callback */
  struct outcome o;
};

static void counting_callback(void *user_data, temporal_call *call) {
  struct async_ctx *x = (struct async_ctx *)user_data;
  if (atomic_load(&x->count) == 0) {
    x->seen = call;
    if (call) {
      x->done_inside = temporal_call_is_done(call);
      read_outcome(call, &x->o);
    }
  }
  atomic_fetch_add(&x->count, 1);
}

/* Contexts of async calls that returned an error at once: never freed (see finish_async). */
/* External linkage, so the compiler keeps the stores: leak checkers must find the pointers. */
struct async_ctx *g_parked_async_ctx[4096];
size_t g_nparked_async_ctx;
static void park(struct async_ctx *x) {
  if (g_nparked_async_ctx < sizeof g_parked_async_ctx / sizeof g_parked_async_ctx[0])
    g_parked_async_ctx[g_nparked_async_ctx++] = x;
}

/* Waits up to `ms` for a callback counter; true if it moved. */
static bool wait_count(atomic_int *count, long ms) {
  for (long waited = 0; atomic_load(count) == 0 && waited < ms; waited += 5) sleep_ms(5);
  return atomic_load(count) > 0;
}
static bool wait_callback(struct async_ctx *x, long ms) { return wait_count(&x->count, ms); }

/* Waits up to `ms` for the queue's descriptor to be readable. */
static bool queue_readable(const temporal_completion_queue *q, int ms) {
  struct pollfd p = {temporal_completion_queue_fd(q), POLLIN, 0};
  return p.fd >= 0 && poll(&p, 1, ms) == 1 && (p.revents & POLLIN);
}

/* H_PENDING_CALL / H_DONE_CALL: the live call of the current row and what its callback got. */
static temporal_call *g_live_call;
static struct async_ctx *g_live_ctx;
static bool g_live_pending; /* H_PENDING_CALL (on the running Block) rather than H_DONE_CALL */

/* H_CALL_* calls and H_REATTACHED runs made for the current row, released after it. */
static temporal_call *g_row_calls[8];
static int g_nrow_calls;
static temporal_workflow_run *g_row_runs[8];
static int g_nrow_runs;

/* Payload lists made for the current row (H_LIST...) and get_proto bytes (H_PROTO_BYTES),
   freed after it unless the row freed them itself. */
static temporal_payloads *g_row_lists[8];
static int g_nrow_lists;
static uint8_t *g_row_bytes;
static size_t g_row_bytes_len;
/* H_FREED_LIST. Reading a list really freed would be a use after free (valgrind's memcheck runs
   this program), so this is a block that begins as the library leaves a freed handle: its tag
   overwritten with FREED_TAG (src/ffi/mod.rs), which it recognises as "already freed". */
static uint64_t g_freed_list[4] = {0xdeaddeaddeaddeadULL, 0, 0, 0};

static bool is_row_list(const temporal_payloads *list) {
  for (int i = 0; i < g_nrow_lists; i++)
    if (list && g_row_lists[i] == list) return true;
  return false;
}
static void forget_row_list(const temporal_payloads *list) {
  for (int i = 0; i < g_nrow_lists; i++)
    if (g_row_lists[i] == list) g_row_lists[i] = g_row_lists[--g_nrow_lists];
}

static bool is_row_call(const temporal_call *call) {
  for (int i = 0; i < g_nrow_calls; i++)
    if (call && g_row_calls[i] == call) return true;
  return false;
}
static void forget_row_call(const temporal_call *call) {
  for (int i = 0; i < g_nrow_calls; i++)
    if (g_row_calls[i] == call) g_row_calls[i] = g_row_calls[--g_nrow_calls];
}
static void release_row_handles(void) {
  char buf[512];
  for (int i = 0; i < g_nrow_calls; i++) {
    temporal_call_cancel(g_row_calls[i]);
    temporal_error *e = temporal_call_wait(g_row_calls[i], 30000);
    if (e) fprintf(stderr, "test_bad_input: a row's call did not end: %s\n", describe_and_free(e, buf, sizeof buf));
    temporal_call_free(g_row_calls[i]);
  }
  g_nrow_calls = 0;
  for (int i = 0; i < g_nrow_runs; i++) temporal_workflow_run_free(g_row_runs[i]);
  g_nrow_runs = 0;
  for (int i = 0; i < g_nrow_lists; i++) temporal_payloads_free(g_row_lists[i]);
  g_nrow_lists = 0;
  temporal_bytes_free(g_row_bytes, g_row_bytes_len);
  g_row_bytes = NULL;
}

/* Starts an AsyncActivity workflow `id` and waits (30 s) until its activity published its task
   token (the workflow's "activity_started" query), which is copied to `token`. */
static bool start_pending_activity(const char *id, uint8_t *token, size_t cap, size_t *len) {
  char buf[512];
  temporal_start_workflow_options so;
  temporal_start_workflow_options_default(&so, sizeof so);
  so.id = id;
  so.task_queue = g_queue;
  temporal_workflow_run *run = NULL;
  temporal_error *e = temporal_execute_workflow(g_client, "AsyncActivity", "[{}]", &so, &run);
  temporal_workflow_run_free(run);
  if (e) {
    fprintf(stderr, "test_bad_input: cannot start AsyncActivity %s: %s\n", id, describe_and_free(e, buf, sizeof buf));
    return false;
  }
  for (int i = 0; i < 600; i++) {
    temporal_call *call = NULL;
    e = temporal_query_workflow_async(g_client, id, NULL, "activity_started", NULL, NULL, &call);
    if (!e) e = temporal_call_wait(call, 10000);
    const char *json = e ? NULL : temporal_call_get_json(call);
    const char *hex = json ? strstr(json, "\"task_token\":\"") : NULL;
    size_t n = 0;
    if (hex) {
      hex += strlen("\"task_token\":\"");
      for (; hex[2 * n] && hex[2 * n] != '"' && n < cap; n++) {
        unsigned v;
        if (sscanf(hex + 2 * n, "%2x", &v) != 1) break;
        token[n] = (uint8_t)v;
      }
    }
    temporal_error_free(e);
    temporal_call_free(call);
    if (n > 0) {
      *len = n;
      return true;
    }
    sleep_ms(50);
  }
  fprintf(stderr, "test_bad_input: the activity of %s published no task token within 30 s\n", id);
  return false;
}

static const char *fresh_async(void) {
  if (g_nfresh >= (int)(sizeof g_fresh_ids / sizeof g_fresh_ids[0])) abort();
  char *id = g_fresh_ids[g_nfresh++];
  snprintf(id, 96, "badinput-async-%ld-%d", (long)getpid(), g_nfresh);
  uint8_t token[1024];
  size_t len = 0;
  (void)start_pending_activity(id, token, sizeof token, &len);
  return id;
}

static const char *fresh_block(void) {
  if (g_nfresh >= (int)(sizeof g_fresh_ids / sizeof g_fresh_ids[0])) abort();
  char *id = g_fresh_ids[g_nfresh++];
  snprintf(id, 96, "badinput-block-%ld-%d", (long)getpid(), g_nfresh);
  temporal_start_workflow_options so;
  temporal_start_workflow_options_default(&so, sizeof so);
  so.id = id;
  so.task_queue = g_queue;
  temporal_workflow_run *run = NULL;
  temporal_error *e = temporal_execute_workflow(g_client, "Block", NULL, &so, &run);
  if (e) {
    char buf[512];
    fprintf(stderr, "test_bad_input: cannot start a Block: %s\n", describe_and_free(e, buf, sizeof buf));
  }
  temporal_workflow_run_free(run);
  return id;
}

/* A call in the wait form (user_data &g_marker) with the outcome `h` names, completed unless
   H_CALL_PENDING. */
static temporal_call *row_call(enum handle h) {
  static int n;
  char id[96], buf[512];
  temporal_call_options o;
  temporal_call_options_default(&o, sizeof o);
  o.user_data = &g_marker;
  temporal_call *call = NULL;
  temporal_error *e = NULL;
  switch (h) {
    case H_CALL_PENDING: e = temporal_get_result_async(g_block_run, &o, &call); break;
    case H_CALL_JSON: e = temporal_get_result_async(g_run, &o, &call); break;
    case H_CALL_PAYLOADS:
      o.result_as_payloads = true;
      e = temporal_get_result_async(g_run, &o, &call);
      break;
    case H_CALL_BYTES: e = temporal_raw_rpc_async(g_client, "WorkflowService", "GetSystemInfo", NULL, 0, &o, &call); break;
    case H_CALL_ERROR:
      e = temporal_describe_workflow_execution_async(g_client, g_missing_id, NULL, &o, &call);
      break;
    case H_CALL_RUN: {
      temporal_start_workflow_options so;
      temporal_start_workflow_options_default(&so, sizeof so);
      snprintf(id, sizeof id, "badinput-%ld-call-run-%d", (long)getpid(), ++n);
      so.id = id;
      so.task_queue = g_queue;
      e = temporal_execute_workflow_async(g_client, "Echo", "[\"call\"]", &so, &o, &call);
      break;
    }
    case H_CALL_CLIENT: {
      temporal_client_options co;
      temporal_client_options_default(&co, sizeof co);
      co.address = g_address;
      e = temporal_client_connect_async(&co, &o, &call);
      break;
    }
    case H_CALL_COUNT: e = temporal_count_workflow_async(g_client, g_visibility, &o, &call); break;
    case H_CALL_UPDATE:
      e = temporal_update_workflow_async(g_client, g_counter_id, NULL, "add", NULL, "[1]", &o, &call);
      break;
    case H_CALL_UPDATE_HANDLE: {
      temporal_update_options uo;
      temporal_update_options_default(&uo, sizeof uo);
      uo.wait_for_stage = TEMPORAL_UPDATE_STAGE_COMPLETED;
      uo.update_id = "badinput-call-update-handle";
      e = temporal_start_update_async(g_client, g_counter_id, NULL, "add", "[0]", &uo, &o, &call);
      break;
    }
    default: abort();
  }
  if (!e && h != H_CALL_PENDING) e = temporal_call_wait(call, 60000);
  if (e) fprintf(stderr, "test_bad_input: fixture call %d: %s\n", (int)h, describe_and_free(e, buf, sizeof buf));
  if (call && g_nrow_calls < (int)(sizeof g_row_calls / sizeof g_row_calls[0])) g_row_calls[g_nrow_calls++] = call;
  return call;
}

static temporal_workflow_run *reattached(const char *workflow_id) {
  temporal_workflow_run *run = NULL;
  char buf[512];
  temporal_error *e = temporal_get_workflow(g_client, workflow_id, NULL, &run);
  if (e) fprintf(stderr, "test_bad_input: get_workflow: %s\n", describe_and_free(e, buf, sizeof buf));
  if (run && g_nrow_runs < (int)(sizeof g_row_runs / sizeof g_row_runs[0])) g_row_runs[g_nrow_runs++] = run;
  return run;
}

/* A payload list for the row. LIST_FIXTURE holds three payloads: [0] json/plain "badinput"
   (pushed as JSON), [1] data "raw" with encoding "badinput/unknown", [2] empty, no metadata. */
enum list_kind { LIST_FIXTURE, LIST_EMPTY, LIST_ARGS };
static temporal_payloads *row_list(enum list_kind kind) {
  temporal_payloads *l = NULL;
  char buf[512];
  temporal_error *e = temporal_payloads_new(&l);
  if (!e && kind == LIST_ARGS) e = temporal_payloads_push_json(l, "1");
  if (!e && kind == LIST_FIXTURE) e = temporal_payloads_push_json(l, "\"badinput\"");
  if (!e && kind == LIST_FIXTURE) e = temporal_payloads_push(l, (const uint8_t *)"raw", 3);
  if (!e && kind == LIST_FIXTURE)
    e = temporal_payloads_set_metadata(l, 1, "encoding", (const uint8_t *)"badinput/unknown", 16);
  if (!e && kind == LIST_FIXTURE) e = temporal_payloads_push(l, NULL, 0);
  if (e) fprintf(stderr, "test_bad_input: fixture payload list: %s\n", describe_and_free(e, buf, sizeof buf));
  if (l && g_nrow_lists < (int)(sizeof g_row_lists / sizeof g_row_lists[0])) g_row_lists[g_nrow_lists++] = l;
  return l;
}

/* H_PROTO_BYTES: the protobuf of the fixture list's payload 0, as get_proto returns it. */
static uint8_t *row_proto_bytes(void) {
  temporal_payloads *l = row_list(LIST_FIXTURE);
  char buf[512];
  temporal_bytes_free(g_row_bytes, g_row_bytes_len);
  g_row_bytes = NULL;
  g_row_bytes_len = 0;
  temporal_error *e = temporal_payloads_get_proto(l, 0, &g_row_bytes, &g_row_bytes_len);
  if (e) fprintf(stderr, "test_bad_input: get_proto of the fixture: %s\n", describe_and_free(e, buf, sizeof buf));
  return g_row_bytes;
}

static void *handle_ptr(enum handle h) {
  switch (h) {
    case H_CLIENT: return g_client;
    case H_RUN: return g_run;
    case H_ERROR: return g_err;
    case H_QUEUE: return g_cq;
    case H_BLOCK_RUN: return g_block_run;
    case H_BLOCK_ID: return g_block_id;
    case H_FRESH_BLOCK: return (void *)fresh_block();
    case H_FRESH_ASYNC: return (void *)fresh_async();
    case H_DONE_TOKEN: return g_done_token;
    case H_REATTACHED: return reattached(g_fixture_id);
    case H_REATTACHED_MISSING: return reattached(g_missing_id);
    case H_PENDING_CALL:
    case H_DONE_CALL: {
      g_live_ctx = (struct async_ctx *)calloc(1, sizeof *g_live_ctx);
      if (!g_live_ctx) abort();
      g_live_call = NULL;
      g_live_pending = h == H_PENDING_CALL;
      temporal_call_options o;
      temporal_call_options_default(&o, sizeof o);
      o.callback = counting_callback;
      o.user_data = g_live_ctx;
      temporal_error *e = temporal_get_result_async(h == H_PENDING_CALL ? g_block_run : g_run, &o, &g_live_call);
      if (e) {
        char buf[512];
        fprintf(stderr, "test_bad_input: get_result_async: %s\n", describe_and_free(e, buf, sizeof buf));
      }
      return g_live_call;
    }
    case H_CALL_PENDING: case H_CALL_JSON: case H_CALL_ERROR: case H_CALL_RUN:
    case H_CALL_CLIENT: case H_CALL_COUNT: case H_CALL_UPDATE: case H_CALL_UPDATE_HANDLE:
      return row_call(h);
    case H_UPDATE_HANDLE: return g_update_handle;
    case H_LIST: return row_list(LIST_FIXTURE);
    case H_EMPTY_LIST: return row_list(LIST_EMPTY);
    case H_ARGS_LIST: return row_list(LIST_ARGS);
    case H_FREED_LIST: return g_freed_list;
    case H_PROTO_BYTES: return row_proto_bytes();
    case H_CALL_PAYLOADS: case H_CALL_BYTES: return row_call(h);
  }
  return NULL;
}

/* How an _async row's call completes: by its call options, as far as their size goes. */
enum form { FORM_WAIT, FORM_CALLBACK, FORM_QUEUE };
static const char *const FORM_NAMES[] = {"wait", "callback", "queue"};

#define FIELD_END(type, field) (offsetof(type, field) + sizeof(((type *)0)->field))

static enum form effective_form(const struct call *c) {
  if (!c->call_options) return FORM_WAIT;
  size_t size = c->cpo.size;
  if (size >= FIELD_END(temporal_call_options, callback) && c->cpo.callback) return FORM_CALLBACK;
  if (size >= FIELD_END(temporal_call_options, completion_queue) && c->cpo.completion_queue) return FORM_QUEUE;
  return FORM_WAIT;
}

/* The good baseline every row patches. */
static void baseline(struct call *c, int row_index, enum fn fn) {
  static char id[96];
  memset(c, 0, sizeof *c);
  temporal_client_options_default(&c->co, sizeof c->co);
  c->co.address = g_address;
  c->co.connect_timeout_ms = 5000;
  temporal_start_workflow_options_default(&c->so, sizeof c->so);
  snprintf(id, sizeof id, "badinput-%ld-row%d", (long)getpid(), row_index);
  c->so.id = id;
  c->so.task_queue = g_queue;
  c->so.id_conflict_policy = TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING;
  temporal_retry_policy_default(&c->rp, sizeof c->rp);
  c->tsa[0] = (temporal_search_attribute){"CustomKeywordField", TEMPORAL_INDEXED_VALUE_TYPE_KEYWORD, "\"kw\""};
  c->tsa[1] = (temporal_search_attribute){"CustomIntField", TEMPORAL_INDEXED_VALUE_TYPE_INT, "7"};
  c->client_options = &c->co;
  c->start_options = &c->so;
  c->retry_policy = &c->rp;
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
  /* The operations: harmless good calls (a signal nobody handles, a query, an update that adds
     1 to the running Counter; cancel/terminate of an ID never started, the good rows patch in
     a fresh Block; signal-with-start of an Echo, which completes at once). */
  c->signal_name = "badinput-noop";
  c->signal_args_json = "[1]";
  c->query_type = "count";
  c->update_name = "add";
  c->update_id = NULL;
  c->reason = "badinput";
  c->details_json = NULL;
  /* Live connection settings of the shared client (the dev server ignores both). */
  c->api_key = "badinput-key";
  c->metadata_json = NULL;
  c->identity = NULL;
  c->query = g_visibility;
  c->page_size = 10;
  c->page_token = NULL;
  /* The completion form rotates with the row, so that every function is seen in each. */
  temporal_call_options_default(&c->cpo, sizeof c->cpo);
  c->cpo.timeout_ms = 30000;
  if (row_index % 3 == 0) c->cpo.callback = counting_callback;
  else if (row_index % 3 == 1) c->cpo.completion_queue = g_cq;
  c->call_options = &c->cpo;
  c->call_out = &c->call_result;
  c->call = NULL;
  c->count_out = &c->count_result;
  c->queue_out = &c->queue_result;
  c->queue = g_cq;
  temporal_runtime_options_default(&c->ro, sizeof c->ro);
  c->runtime_options = &c->ro;
  /* Async completion: heartbeats of the pending fixture activity; completions by token of the
     one already completed (NOT_FOUND), by ID of an activity the fixture workflow does not have
     (NOT_FOUND): a row that completes an activity patches in a fresh one. */
  c->task_token = g_async_token;
  c->task_token_len = g_async_token_len;
  c->namespace_name = NULL;
  c->activity_id = "async";
  temporal_activity_completion_default(&c->ac, sizeof c->ac);
  c->ac.result_json = "\"badinput\"";
  c->completion = &c->ac;
  /* Update handles: a COMPLETED "add" of 0 to the Counter fixture; the handle rows read the
     fixture handle; update-with-start finds the running Counter (USE_EXISTING). */
  temporal_update_options_default(&c->uo, sizeof c->uo);
  c->uo.wait_for_stage = TEMPORAL_UPDATE_STAGE_COMPLETED;
  c->update_options = &c->uo;
  c->update_handle = g_update_handle;
  c->update_handle_out = &c->update_handle_result;
  c->update_args_json = "[1]";
  temporal_host_meter_default(&c->hm, sizeof c->hm);
  c->host_meter = &c->hm;
  /* The payload list functions: the fixture list (row_list), its payload 0 and its first
     metadata entry; push appends "raw2", push_json {"a": [1, 2]}, push_proto PAYLOAD_PROTO;
     set_metadata sets "badinput-key" to "v"; get_metadata reads "encoding". */
  if (fn >= F_PAYLOADS_FREE && fn <= F_PAYLOADS_SET_ERROR && fn != F_BYTES_FREE) c->payloads = row_list(LIST_FIXTURE);
  c->payloads_out = &c->payloads_result;
  c->bytes = (const uint8_t *)"raw2";
  c->bytes_len = 4;
  if (fn == F_PAYLOADS_PUSH_PROTO) {
    c->bytes = (const uint8_t *)PAYLOAD_PROTO;
    c->bytes_len = sizeof PAYLOAD_PROTO - 1;
  } else if (fn == F_PAYLOADS_SET_METADATA) {
    c->bytes = (const uint8_t *)"v";
    c->bytes_len = 1;
  }
  c->json_value = "{\"a\": [1, 2]}";
  c->index = 0;
  c->entry = 0;
  c->key = fn == F_PAYLOADS_SET_METADATA ? "badinput-key" : "encoding";
  c->message = "badinput refuses";
  c->data_out = &c->data_result;
  c->data_len_out = &c->data_len_result;
  c->key_out = &c->key_result;
  c->bytes_out = &c->bytes_result;
  c->len_out = &c->len_result;
  c->owned_bytes = NULL;
  c->owned_len = 5;
  temporal_payload_codec_default(&c->pc, sizeof c->pc);
  c->codec = &c->pc;
  /* The cancel/terminate "with options" target: as cancel_async's, a workflow never started,
     so a row that must succeed patches in a fresh Block. */
  temporal_workflow_target_options_default(&c->wto, sizeof c->wto);
  c->wto.workflow_id = g_missing_id;
  c->target_options = &c->wto;
  /* The raw RPC: GetSystemInfo, whose request is the empty message. */
  c->service = "WorkflowService";
  c->method = "GetSystemInfo";
  if (fn == F_RAW_RPC_ASYNC) {
    c->bytes = NULL;
    c->bytes_len = 0;
  }
  /* The history page: the completed fixture's first page, every event, no long poll. The query
     with options: "count" of the running Counter, NOT_OPEN (it is open). Describe task queue:
     the worker's workflow queue. Reset: an ID never started (NOT_FOUND; the C test
     test_workflow_surface resets for real), to event 4. */
  c->filter_type = TEMPORAL_HISTORY_EVENT_FILTER_ALL_EVENT;
  c->wait_new_event = false;
  temporal_query_options_default(&c->qo, sizeof c->qo);
  c->qo.workflow_id = g_counter_id;
  c->qo.query_type = "count";
  c->qo.query_reject_condition = TEMPORAL_QUERY_REJECT_CONDITION_NOT_OPEN;
  c->query_options = &c->qo;
  c->task_queue = g_queue;
  c->task_queue_type = TEMPORAL_TASK_QUEUE_TYPE_WORKFLOW;
  c->event_id = 4;
  if (fn == F_RESET_ASYNC) c->workflow_id = g_missing_id;
  /* Schedules: create makes a new schedule per row (paused, a yearly cron, an Echo action);
     the others target one never created (NOT_FOUND) and the good rows patch in the fixture
     (fixture_schedule) or a fresh one. The arrays point to one element each with length 0 (a
     row sets the length), except the cron, and a backfill of the past hour for backfill. */
  {
    static char sched_id[96];
    snprintf(sched_id, sizeof sched_id, "badinput-schedule-%ld-row%d", (long)getpid(), row_index);
    c->schedule_id = fn == F_SCHED_CREATE_ASYNC ? sched_id : g_missing_schedule_id;
  }
  temporal_start_workflow_options_default(&c->sso, sizeof c->sso);
  c->sso.id = "badinput-scheduled";
  c->sso.task_queue = g_queue;
  c->crons[0] = "0 0 1 1 *";
  c->crons[1] = "0 0 2 1 *";
  c->iv[0].every_ms = 0;
  c->iv[0].offset_ms = 0;
  memset(c->cal, 0, sizeof c->cal);
  {
    int64_t now_ms = (int64_t)time(NULL) * 1000;
    c->bf[0].start_time_unix_ms = now_ms - 3600000;
    c->bf[0].end_time_unix_ms = now_ms;
    c->bf[0].overlap_policy = TEMPORAL_SCHEDULE_OVERLAP_POLICY_ALLOW_ALL;
  }
  temporal_schedule_options_default(&c->sco, sizeof c->sco);
  c->sco.cron_strings = c->crons;
  c->sco.cron_strings_len = 1;
  c->sco.intervals = c->iv;
  c->sco.calendars = c->cal;
  c->sco.backfills = c->bf;
  c->sco.workflow_type = "Echo";
  c->sco.args_json = "[1]";
  c->sco.workflow_options = &c->sso;
  c->sco.paused = true;
  c->schedule_options = &c->sco;
  c->conflict_token = NULL;
  c->note = "badinput";
  c->overlap_policy = 0;
  c->backfills = c->bf;
  c->backfills_len = 1;
  if (fn == F_SCHED_LIST_ASYNC) c->query = NULL;
  c->buffer = c->buffer_space;
  c->buffer_size = sizeof c->buffer_space;
  switch (fn) {
    case F_CALL_OPTIONS_DEFAULT: c->default_size = sizeof c->cpo; break;
    case F_CLIENT_OPTIONS_DEFAULT: c->default_size = sizeof c->co; break;
    case F_START_OPTIONS_DEFAULT: c->default_size = sizeof c->so; break;
    case F_RETRY_POLICY_DEFAULT: c->default_size = sizeof c->rp; break;
    case F_RUNTIME_OPTIONS_DEFAULT: c->default_size = sizeof c->ro; break;
    case F_ACTIVITY_COMPLETION_DEFAULT: c->default_size = sizeof c->ac; break;
    case F_UPDATE_OPTIONS_DEFAULT: c->default_size = sizeof c->uo; break;
    case F_HOST_METER_DEFAULT: c->default_size = sizeof c->hm; break;
    case F_PAYLOAD_CODEC_DEFAULT: c->default_size = sizeof c->pc; break;
    case F_TARGET_OPTIONS_DEFAULT: c->default_size = sizeof c->wto; break;
    case F_QUERY_OPTIONS_DEFAULT: c->default_size = sizeof c->qo; break;
    case F_SCHED_OPTIONS_DEFAULT: c->default_size = sizeof c->sco; break;
    default: break;
  }
  switch (fn) {
    case F_SIGNAL_ASYNC: c->workflow_id = g_counter_id; break;
    case F_QUERY_ASYNC: c->workflow_id = g_counter_id; c->args_json = NULL; break;
    case F_UPDATE_ASYNC: c->workflow_id = g_counter_id; break;
    case F_CANCEL_ASYNC: case F_TERMINATE_ASYNC: c->workflow_id = g_missing_id; break;
    case F_COMPLETE_ACTIVITY_ASYNC: c->task_token = g_done_token; c->task_token_len = g_done_token_len; break;
    case F_COMPLETE_ACTIVITY_BY_ID_ASYNC: c->workflow_id = g_async_id; c->activity_id = "badinput-no-such-activity"; break;
    case F_HEARTBEAT_BY_ID_ASYNC: c->workflow_id = g_async_id; break;
    case F_START_UPDATE_ASYNC: c->workflow_id = g_counter_id; c->args_json = "[0]"; break;
    case F_GET_UPDATE_HANDLE: c->workflow_id = g_counter_id; c->update_id = "badinput-some-update"; break;
    case F_UWS_ASYNC: c->so.id = g_counter_id; c->workflow_type = "Counter"; c->args_json = "[0]"; break;
    default: break;
  }
  /* Sentinels: a failing call must leave its outputs untouched. */
  c->call_result = (temporal_call *)(void *)c;
  c->client_result = (temporal_client *)(void *)c;
  c->run_result = (temporal_workflow_run *)(void *)c;
  c->result_json = (char *)(void *)c;
  c->queue_result = (temporal_completion_queue *)(void *)c;
  c->count_result = -7;
  c->update_handle_result = (temporal_update_handle *)(void *)c;
  c->payloads_result = (temporal_payloads *)(void *)c;
  c->data_result = (const uint8_t *)(void *)c;
  c->data_len_result = 7777;
  c->key_result = (const char *)(void *)c;
  c->bytes_result = (uint8_t *)(void *)c;
  c->len_result = 7777;
}

static void apply(struct call *c, const struct patch *p) {
  char *at = (char *)c + p->offset;
  void *null = NULL;
  const char *s;
  temporal_call_callback cb = counting_callback;
  switch (p->kind) {
    case V_NONE: return;
    case V_STR: memcpy(at, &p->v.s, sizeof p->v.s); break;
    case V_NULL: memcpy(at, &null, sizeof null); break;
    case V_U64: memcpy(at, &p->v.u64, sizeof p->v.u64); break;
    case V_U32: memcpy(at, &p->v.u32, sizeof p->v.u32); break;
    case V_I32: memcpy(at, &p->v.i32, sizeof p->v.i32); break;
    case V_F64: memcpy(at, &p->v.f64, sizeof p->v.f64); break;
    case V_SIZE: memcpy(at, &p->v.size, sizeof p->v.size); break;
    case V_U8: *(unsigned char *)at = p->v.u8; break;
    case V_CALLBACK: memcpy(at, &cb, sizeof cb); break;
    case V_HANDLE: {
      void *h = handle_ptr(p->v.h);
      memcpy(at, &h, sizeof h);
      if (p->v.h == H_DONE_TOKEN) c->task_token_len = g_done_token_len;
      if (p->v.h == H_PROTO_BYTES) c->owned_len = g_row_bytes_len;
      break;
    }
    case V_GEN: s = p->v.gen(); memcpy(at, &s, sizeof s); break;
  }
  /* A patch inside the retry policy attaches it to the start options. */
  if (p->offset >= AT(rp) && p->offset < AT(rp_tail) + sizeof c->rp_tail) c->so.retry_policy = &c->rp;
  /* A patch inside the typed search attributes attaches them (one, unless a length is set). */
  if (p->offset >= AT(tsa) && p->offset < AT(tsa) + sizeof c->tsa) {
    c->so.typed_search_attributes = c->tsa;
    if (c->so.typed_search_attributes_len == 0) c->so.typed_search_attributes_len = 1;
  }
}

/* The outcome of an _async function: an error at once (then the call must never complete), or
   a call that completes exactly once in its form. */
static temporal_error_code finish_async(struct call *c, enum fn fn, temporal_error *e, struct async_ctx *x,
                                        enum form form, char *text, size_t cap, char *problem,
                                        size_t pcap, int *via) {
  bool has_json = fn == F_QUERY_ASYNC || fn == F_UPDATE_ASYNC || fn == F_DESCRIBE_ASYNC ||
                  fn == F_LIST_ASYNC || fn == F_COUNT_ASYNC || fn == F_HISTORY_ASYNC ||
                  fn == F_GET_RESULT_ASYNC || fn == F_HEARTBEAT_ASYNC || fn == F_HEARTBEAT_BY_ID_ASYNC ||
                  fn == F_UPDATE_HANDLE_GET_RESULT_ASYNC || fn == F_HISTORY_PAGE_ASYNC ||
                  fn == F_QUERY_WITH_OPTIONS_ASYNC || fn == F_SEARCH_ATTRIBUTES_ASYNC ||
                  fn == F_DESCRIBE_TASK_QUEUE_ASYNC || fn == F_RESET_ASYNC || fn == F_SCHED_DESCRIBE_ASYNC || fn == F_SCHED_LIST_ASYNC;
  bool has_run = fn == F_EXECUTE_ASYNC || fn == F_SWS_ASYNC || fn == F_UWS_ASYNC;
  bool has_client = fn == F_CONNECT_ASYNC, has_count = fn == F_COUNT_ASYNC;
  bool has_update_id = fn == F_UPDATE_ASYNC || fn == F_START_UPDATE_ASYNC || fn == F_UPDATE_HANDLE_GET_RESULT_ASYNC ||
                       fn == F_UWS_ASYNC;
  bool has_handle = fn == F_START_UPDATE_ASYNC || fn == F_UWS_ASYNC;
  /* The response message of the raw RPC and of the typed reads that name one. */
  bool has_bytes = fn == F_RAW_RPC_ASYNC || fn == F_DESCRIBE_ASYNC || fn == F_LIST_ASYNC || fn == F_COUNT_ASYNC ||
                   fn == F_HISTORY_PAGE_ASYNC || fn == F_SEARCH_ATTRIBUTES_ASYNC || fn == F_DESCRIBE_TASK_QUEUE_ASYNC ||
                   fn == F_RESET_ASYNC || fn == F_SCHED_DESCRIBE_ASYNC || fn == F_SCHED_LIST_ASYNC;
  /* result_as_payloads (as far as the options' size goes): payloads instead of JSON. Read as a
     byte: the rows that set it to 2 make it an invalid bool, which C may not load. */
  bool has_payloads = has_json && c->call_options &&
                      c->cpo.size >= FIELD_END(temporal_call_options, result_as_payloads) &&
                      *(const unsigned char *)&c->cpo.result_as_payloads == 1;
  if (has_payloads) has_json = false;
  temporal_call *const sentinel = (temporal_call *)(void *)c;
  if (e) {
    *via = 1;
    temporal_error_code code = temporal_error_get_code(e);
    const char *m = temporal_error_get_message(e);
    snprintf(text, cap, "%s", m);
    if (!utf8_valid(m)) snprintf(problem, pcap, "error message is not valid UTF-8");
    if (c->call_result != sentinel) snprintf(problem, pcap, "call_out was written on failure");
    temporal_error_free(e);
    sleep_ms(100);
    temporal_call *stray = temporal_completion_queue_next(g_cq);
    if (stray) {
      snprintf(problem, pcap, "a call was posted to the queue after an error returned at once");
      temporal_call_free(stray);
    }
    if (atomic_load(&x->count) != 0) {
      snprintf(problem, pcap, "the callback ran (%d times) after an error returned at once",
               atomic_load(&x->count));
      free(x);
    } else if (form == FORM_CALLBACK) {
      /* Not freed: that is safe only if the callback never comes, so keep it reachable
         (parked) instead, which also keeps leak checkers quiet about a deliberate choice. */
      park(x);
    } else {
      free(x);
    }
    return code;
  }
  *via = 2;
  temporal_call *call = c->call_result;
  if (call == sentinel || !call) {
    snprintf(problem, pcap, "no call handle written");
    park(x);
    return TEMPORAL_ERROR_CODE_INTERNAL;
  }
  struct outcome o;
  memset(&o, 0, sizeof o);
  char buf[512];
  switch (form) {
    case FORM_CALLBACK:
      if (!wait_callback(x, 60000)) {
        snprintf(problem, pcap, "the callback did not run within 60 s");
        temporal_call_cancel(call);
        temporal_call_free(call);
        park(x); /* the callback may still come */
        return TEMPORAL_ERROR_CODE_INTERNAL;
      }
      e = temporal_call_wait(call, 10000);
      if (e) snprintf(problem, pcap, "call_wait after the callback: %.200s", describe_and_free(e, buf, sizeof buf));
      sleep_ms(100);
      o = x->o;
      if (atomic_load(&x->count) != 1)
        snprintf(problem, pcap, "the callback ran %d times", atomic_load(&x->count));
      else if (x->seen != call)
        snprintf(problem, pcap, "the callback got call %p, not the caller's %p", (void *)x->seen, (void *)call);
      else if (!x->done_inside)
        snprintf(problem, pcap, "call_is_done was false inside the callback");
      else if (temporal_error_get_code(temporal_call_get_error(call)) != o.code)
        snprintf(problem, pcap, "the getters disagree with what the callback read");
      break;
    case FORM_QUEUE: {
      if (!queue_readable(g_cq, 60000)) {
        snprintf(problem, pcap, "the queue's descriptor did not become readable within 60 s");
        temporal_call_cancel(call);
        e = temporal_call_wait(call, 10000);
        temporal_error_free(e);
        while ((c->call = temporal_completion_queue_next(g_cq)) != NULL)
          if (c->call != call) temporal_call_free(c->call);
        temporal_call_free(call);
        free(x);
        return TEMPORAL_ERROR_CODE_INTERNAL;
      }
      temporal_call *got = temporal_completion_queue_next(g_cq);
      temporal_call *more = temporal_completion_queue_next(g_cq);
      if (got != call)
        snprintf(problem, pcap, "queue_next returned %p, not the caller's call %p", (void *)got, (void *)call);
      else if (more)
        snprintf(problem, pcap, "queue_next returned a second call");
      else if (queue_readable(g_cq, 0))
        snprintf(problem, pcap, "the descriptor is still readable after the queue was drained");
      if (more && more != call) temporal_call_free(more);
      if (got && got != call) temporal_call_free(got);
      e = temporal_call_wait(call, 10000);
      if (e) snprintf(problem, pcap, "call_wait after the queue: %.200s", describe_and_free(e, buf, sizeof buf));
      read_outcome(call, &o);
      break;
    }
    case FORM_WAIT:
      e = temporal_call_wait(call, 60000);
      if (e) {
        snprintf(problem, pcap, "call_wait: %.200s", describe_and_free(e, buf, sizeof buf));
        temporal_call_cancel(call);
        temporal_error_free(temporal_call_wait(call, 10000));
      } else if (!temporal_call_is_done(call)) {
        snprintf(problem, pcap, "call_is_done is false after call_wait returned");
      }
      read_outcome(call, &o);
      break;
  }
  if (!problem[0]) {
    bool ud_inside = c->call_options && c->cpo.size >= FIELD_END(temporal_call_options, user_data);
    if (o.user_data != (ud_inside ? (void *)x : NULL))
      snprintf(problem, pcap, "call_get_user_data is %p, want %p", o.user_data, ud_inside ? (void *)x : NULL);
    else if (o.bad_utf8)
      snprintf(problem, pcap, "the completed call holds invalid UTF-8 (or an empty update ID)");
    else if (o.bad_bytes)
      snprintf(problem, pcap, "call_get_bytes lent NULL with a length, or a pointer for an empty response");
    else if (o.code != TEMPORAL_ERROR_CODE_OK &&
             (o.json || o.run || o.client || o.count || o.update_handle || o.payloads || o.bytes))
      snprintf(problem, pcap, "the completed call has an error and an output");
    else if (o.code != TEMPORAL_ERROR_CODE_OK && o.update_id != (has_update_id && o.code != TEMPORAL_ERROR_CODE_CANCELED))
      snprintf(problem, pcap, "update ID %s for a failed call (an update has one unless canceled)",
               o.update_id ? "set" : "NULL");
    else if (o.code == TEMPORAL_ERROR_CODE_OK &&
             (o.json != has_json || o.run != has_run || o.client != has_client || o.count != has_count ||
              o.update_id != has_update_id || o.update_handle != has_handle || o.payloads != has_payloads ||
              o.bytes != has_bytes))
      snprintf(problem, pcap,
               "the completed call has json %d run %d client %d count %d update_id %d handle %d payloads %d bytes %d",
               o.json, o.run, o.client, o.count, o.update_id, o.update_handle, o.payloads, o.bytes);
    else if (fn == F_UPDATE_ASYNC && o.update_id && c->update_id && *c->update_id &&
             strcmp(o.update_id_text, c->update_id) != 0)
      snprintf(problem, pcap, "update ID %s, but the call gave %s", o.update_id_text, c->update_id);
    else if ((fn == F_START_UPDATE_ASYNC || fn == F_UWS_ASYNC) && o.update_id && c->uo.update_id &&
             *c->uo.update_id && strcmp(o.update_id_text, c->uo.update_id) != 0)
      snprintf(problem, pcap, "update ID %s, but the options gave %s", o.update_id_text, c->uo.update_id);
    else if (temporal_call_take_run(call) || temporal_call_take_client(call) || temporal_call_take_update_handle(call) ||
             temporal_call_take_payloads(call))
      snprintf(problem, pcap, "a run, client, update handle or payloads could be taken twice");
  }
  if (fn == F_RESOLVE_ASYNC && o.code == TEMPORAL_ERROR_CODE_OK) {
    const char *rid = temporal_workflow_run_get_run_id(c->run);
    snprintf(o.text, sizeof o.text, "run_id \"%s\"", rid ? rid : "(NULL)");
  }
  snprintf(text, cap, "%s", o.text);
  temporal_call_free(call);
  free(x); /* the callback (if any) ran: the library no longer has it */
  return o.code;
}

/* The *_default rows: the struct and its tail are filled with 0xab first; a _default that
   accepts `size` must write exactly `size` bytes (zeros, then `size` in the size field) and
   nothing past them; one that refuses it must write nothing. */
#define TAIL_BYTES 16
static void fill_garbage(void *ptr, size_t struct_size) {
  if (ptr) memset(ptr, 0xab, struct_size + TAIL_BYTES);
}
static temporal_error_code check_default(const void *ptr, size_t struct_size, size_t size, bool written,
                                         char *text, size_t cap) {
  const unsigned char *b = (const unsigned char *)ptr;
  size_t span = struct_size + TAIL_BYTES;
  if (!written) {
    bool untouched = true;
    for (size_t i = 0; b && i < span; i++) untouched = untouched && b[i] == 0xab;
    snprintf(text, cap, "false%s", !b ? "" : untouched ? ", untouched" : ", but it wrote");
    return TEMPORAL_ERROR_CODE_OK;
  }
  if (!b) {
    snprintf(text, cap, "true for NULL");
    return TEMPORAL_ERROR_CODE_OK;
  }
  size_t got;
  memcpy(&got, b, sizeof got);
  bool zeros = true, beyond = true;
  for (size_t i = sizeof got; i < size && i < span; i++) zeros = zeros && b[i] == 0;
  for (size_t i = size; i < span; i++) beyond = beyond && b[i] == 0xab;
  if (got == size && zeros && beyond) snprintf(text, cap, "defaults (%zu bytes)", size);
  else snprintf(text, cap, "not defaults: size field %zu for %zu, fields zero %d, bytes past size untouched %d",
                got, size, zeros, beyond);
  return TEMPORAL_ERROR_CODE_OK;
}

/* Payload bytes as text: printable ASCII as is, other bytes as \xNN, "(empty)" for none. */
static void render_bytes(char *buf, size_t cap, const uint8_t *p, size_t n) {
  size_t at = 0;
  buf[0] = '\0';
  if (n == 0) snprintf(buf, cap, "(empty)");
  for (size_t i = 0; i < n && at + 5 < cap; i++)
    at += (size_t)snprintf(buf + at, cap - at, p[i] >= 0x20 && p[i] < 0x7f ? "%c" : "\\x%02x", p[i]);
}

/* Payload `i` of a list as "{key=value,...} data <bytes>", read through the getters. */
static void render_payload(const temporal_payloads *l, size_t i, char *buf, size_t cap) {
  size_t at = (size_t)snprintf(buf, cap, "{");
  char bytes[256], ebuf[512];
  for (size_t k = 0; k < temporal_payloads_metadata_len(l, i) && at < cap; k++) {
    const char *key = NULL;
    const uint8_t *value = NULL;
    size_t len = 0;
    temporal_error *e = temporal_payloads_get_metadata_at(l, i, k, &key, &value, &len);
    if (e) {
      at += (size_t)snprintf(buf + at, cap - at, "(%s)", describe_and_free(e, ebuf, sizeof ebuf));
      continue;
    }
    render_bytes(bytes, sizeof bytes, value, len);
    at += (size_t)snprintf(buf + at, cap - at, "%s%s=%s", k ? "," : "", key, len ? bytes : "");
  }
  const uint8_t *data = NULL;
  size_t len = 0;
  temporal_error *e = temporal_payloads_get_data(l, i, &data, &len);
  if (at >= cap) return;
  if (e) {
    snprintf(buf + at, cap - at, "} (%s)", describe_and_free(e, ebuf, sizeof ebuf));
    return;
  }
  render_bytes(bytes, sizeof bytes, data, len);
  snprintf(buf + at, cap - at, "} data %s", bytes);
}

/* Every payload of a list (to see that a refused call changed nothing). */
static void render_list(const temporal_payloads *l, char *buf, size_t cap) {
  size_t at = (size_t)snprintf(buf, cap, "%zu:", temporal_payloads_len(l));
  for (size_t i = 0; i < temporal_payloads_len(l) && at + 1 < cap; i++) {
    render_payload(l, i, buf + at, cap - at);
    at += strlen(buf + at);
  }
}

/* After an append: "N payloads, last <the last one>". */
static void render_appended(const temporal_payloads *l, char *text, size_t cap) {
  char one[1024];
  size_t n = temporal_payloads_len(l);
  if (n) render_payload(l, n - 1, one, sizeof one);
  snprintf(text, cap, "%zu payloads, last %s", n, n ? one : "(none)");
}

/* A row's own payload list must read the same after a refused call: what it read before, taken
   before a panic row arms the hook (reading it is a library call too). */
static char g_list_before[4096];
static bool g_own_list;
static void snapshot_row_list(const struct call *c, enum fn fn) {
  g_own_list = is_row_list(c->payloads) && fn != F_PAYLOADS_FREE;
  if (g_own_list) render_list(c->payloads, g_list_before, sizeof g_list_before);
}

/* Makes the call and reduces its outcome to (code, text). `problem` gets any breach of the
   conventions (output written on failure, invalid UTF-8 in a message). `via`: 1 if an error
   came at once, 2 if from the completed call (an _async function), 0 otherwise. */
static temporal_error_code dispatch(struct call *c, enum fn fn, char *text, size_t cap,
                                    char *problem, size_t pcap, int *via) {
  temporal_error *e = NULL;
  const char *s = NULL;
  bool returns_string = false;
  struct async_ctx *x = NULL;
  enum form form = effective_form(c);
  char buf[512];
  text[0] = problem[0] = '\0';
  *via = 0;
  static char list_after[4096];
  bool own_list = g_own_list;
  if (is_async(fn)) {
    x = (struct async_ctx *)calloc(1, sizeof *x);
    if (!x) abort();
    c->cpo.user_data = x;
  }
  switch (fn) {
    case F_VERSION: s = temporal_version(); returns_string = true; break;
    case F_CODE_NAME: s = temporal_error_code_name(c->code); returns_string = true; break;
    case F_CALL_OPTIONS_DEFAULT: {
      fill_garbage(c->call_options, sizeof(temporal_call_options));
      bool written = temporal_call_options_default(c->call_options, c->default_size);
      return check_default(c->call_options, sizeof(temporal_call_options), c->default_size, written, text, cap);
    }
    case F_CLIENT_OPTIONS_DEFAULT: {
      fill_garbage(c->client_options, sizeof(temporal_client_options));
      bool written = temporal_client_options_default(c->client_options, c->default_size);
      return check_default(c->client_options, sizeof(temporal_client_options), c->default_size, written, text, cap);
    }
    case F_START_OPTIONS_DEFAULT: {
      fill_garbage(c->start_options, sizeof(temporal_start_workflow_options));
      bool written = temporal_start_workflow_options_default(c->start_options, c->default_size);
      return check_default(c->start_options, sizeof(temporal_start_workflow_options), c->default_size, written, text, cap);
    }
    case F_RETRY_POLICY_DEFAULT: {
      fill_garbage(c->retry_policy, sizeof(temporal_retry_policy));
      bool written = temporal_retry_policy_default(c->retry_policy, c->default_size);
      return check_default(c->retry_policy, sizeof(temporal_retry_policy), c->default_size, written, text, cap);
    }
    case F_RUNTIME_OPTIONS_DEFAULT: {
      fill_garbage(c->runtime_options, sizeof(temporal_runtime_options));
      bool written = temporal_runtime_options_default(c->runtime_options, c->default_size);
      return check_default(c->runtime_options, sizeof(temporal_runtime_options), c->default_size, written, text, cap);
    }
    case F_ACTIVITY_COMPLETION_DEFAULT: {
      fill_garbage(c->completion, sizeof(temporal_activity_completion));
      bool written = temporal_activity_completion_default(c->completion, c->default_size);
      return check_default(c->completion, sizeof(temporal_activity_completion), c->default_size, written, text, cap);
    }
    case F_COMPLETE_ACTIVITY_ASYNC:
      e = temporal_complete_activity_async(c->client, c->task_token, c->task_token_len, c->completion,
                                           c->call_options, c->call_out);
      break;
    case F_COMPLETE_ACTIVITY_BY_ID_ASYNC:
      e = temporal_complete_activity_by_id_async(c->client, c->namespace_name, c->workflow_id, c->run_id,
                                                 c->activity_id, c->completion, c->call_options, c->call_out);
      break;
    case F_HEARTBEAT_ASYNC:
      e = temporal_record_activity_heartbeat_async(c->client, c->task_token, c->task_token_len, c->details_json,
                                                   c->call_options, c->call_out);
      break;
    case F_HEARTBEAT_BY_ID_ASYNC:
      e = temporal_record_activity_heartbeat_by_id_async(c->client, c->namespace_name, c->workflow_id, c->run_id,
                                                         c->activity_id, c->details_json, c->call_options,
                                                         c->call_out);
      break;
    case F_UPDATE_OPTIONS_DEFAULT: {
      fill_garbage(c->update_options, sizeof(temporal_update_options));
      bool written = temporal_update_options_default(c->update_options, c->default_size);
      return check_default(c->update_options, sizeof(temporal_update_options), c->default_size, written, text, cap);
    }
    case F_START_UPDATE_ASYNC:
      e = temporal_start_update_async(c->client, c->workflow_id, c->run_id, c->update_name, c->args_json,
                                      c->update_options, c->call_options, c->call_out);
      break;
    case F_GET_UPDATE_HANDLE:
      e = temporal_get_workflow_update_handle(c->client, c->workflow_id, c->run_id, c->update_id,
                                              c->update_handle_out);
      break;
    case F_UPDATE_HANDLE_GET_RESULT_ASYNC:
      e = temporal_update_handle_get_result_async(c->update_handle, c->call_options, c->call_out);
      break;
    case F_UPDATE_HANDLE_GET_ID: s = temporal_update_handle_get_id(c->update_handle); returns_string = true; break;
    case F_UPDATE_HANDLE_GET_WORKFLOW_ID:
      s = temporal_update_handle_get_workflow_id(c->update_handle);
      returns_string = true;
      break;
    case F_UPDATE_HANDLE_GET_RUN_ID: s = temporal_update_handle_get_run_id(c->update_handle); returns_string = true; break;
    case F_UPDATE_HANDLE_FREE: temporal_update_handle_free(c->update_handle); return TEMPORAL_ERROR_CODE_OK;
    case F_UWS_ASYNC:
      e = temporal_update_with_start_workflow_async(c->client, c->update_name, c->update_args_json, c->update_options,
                                                    c->workflow_type, c->args_json, c->start_options,
                                                    c->call_options, c->call_out);
      break;
    case F_CALL_TAKE_UPDATE_HANDLE: {
      temporal_update_handle *h = temporal_call_take_update_handle(c->call);
      if (!h) { snprintf(text, cap, "NULL"); return TEMPORAL_ERROR_CODE_OK; }
      temporal_update_handle *again = temporal_call_take_update_handle(c->call);
      snprintf(text, cap, "an update handle of %s, then %s", temporal_update_handle_get_id(h), again ? "another" : "NULL");
      temporal_update_handle_free(again);
      temporal_update_handle_free(h);
      return TEMPORAL_ERROR_CODE_OK;
    }
    case F_CONNECT: e = temporal_client_connect(c->client_options, c->client_out); break;
    case F_CONNECT_ASYNC: e = temporal_client_connect_async(c->client_options, c->call_options, c->call_out); break;
    case F_CLIENT_FREE: temporal_client_free(c->client); return TEMPORAL_ERROR_CODE_OK;
    case F_CLIENT_SET_API_KEY: e = temporal_client_set_api_key(c->client, c->api_key); break;
    case F_CLIENT_SET_GRPC_METADATA: e = temporal_client_set_grpc_metadata(c->client, c->metadata_json); break;
    case F_CLIENT_NEW_FROM_EXISTING:
      e = temporal_client_new_from_existing(c->client, c->namespace_name, c->identity, c->client_out);
      break;
    case F_EXECUTE:
      e = temporal_execute_workflow(c->client, c->workflow_type, c->args_json, c->start_options, c->run_out);
      break;
    case F_EXECUTE_ASYNC:
      e = temporal_execute_workflow_async(c->client, c->workflow_type, c->args_json, c->start_options,
                                          c->call_options, c->call_out);
      break;
    case F_GET_WORKFLOW: e = temporal_get_workflow(c->client, c->workflow_id, c->run_id, c->run_out); break;
    case F_GET_RESULT: e = temporal_get_result(c->run, c->timeout_ms, c->result_json_out); break;
    case F_GET_RESULT_ASYNC: e = temporal_get_result_async(c->run, c->call_options, c->call_out); break;
    case F_RESOLVE_ASYNC:
      e = temporal_workflow_run_resolve_run_id_async(c->run, c->call_options, c->call_out);
      break;
    case F_RUN_GET_ID: s = temporal_workflow_run_get_id(c->run); returns_string = true; break;
    case F_RUN_GET_RUN_ID: s = temporal_workflow_run_get_run_id(c->run); returns_string = true; break;
    case F_RUN_FREE: temporal_workflow_run_free(c->run); return TEMPORAL_ERROR_CODE_OK;
    case F_ERROR_GET_CODE: return temporal_error_get_code(c->error);
    case F_ERROR_GET_MESSAGE: s = temporal_error_get_message(c->error); returns_string = true; break;
    case F_ERROR_GET_DETAILS: s = temporal_error_get_details(c->error); returns_string = true; break;
    case F_ERROR_FREE: temporal_error_free(c->error); return TEMPORAL_ERROR_CODE_OK;
    case F_HOST_METER_DEFAULT: {
      fill_garbage(c->host_meter, sizeof(temporal_host_meter));
      bool written = temporal_host_meter_default(c->host_meter, c->default_size);
      return check_default(c->host_meter, sizeof(temporal_host_meter), c->default_size, written, text, cap);
    }
    case F_METRICS_ADDRESS: {
      /* No endpoint runs in this program: the length is 0 and a buffer gets "". */
      if (c->buffer) memset(c->buffer, 'x', c->buffer_size);
      size_t n = temporal_runtime_metrics_address(c->buffer, c->buffer_size);
      snprintf(text, cap, "%zu \"%s\"", n, c->buffer && c->buffer_size ? c->buffer : "(none)");
      return TEMPORAL_ERROR_CODE_OK;
    }
    case F_STRING_FREE: temporal_string_free(c->string); return TEMPORAL_ERROR_CODE_OK;
    case F_CLIENT_GET_NAMESPACE: {
      /* Owned, unlike the borrowed getters: freed here, so valgrind sees a leak if it is not. */
      char *ns = temporal_client_get_namespace(c->client);
      if (ns) snprintf(text, cap, "\"%s\"", ns);
      else snprintf(text, cap, "NULL");
      temporal_string_free(ns);
      return TEMPORAL_ERROR_CODE_OK;
    }
    case F_SIGNAL_ASYNC:
      e = temporal_signal_workflow_async(c->client, c->workflow_id, c->run_id, c->signal_name, c->args_json,
                                         c->call_options, c->call_out);
      break;
    case F_SWS_ASYNC:
      e = temporal_signal_with_start_workflow_async(c->client, c->signal_name, c->signal_args_json,
                                                    c->workflow_type, c->args_json, c->start_options,
                                                    c->call_options, c->call_out);
      break;
    case F_QUERY_ASYNC:
      e = temporal_query_workflow_async(c->client, c->workflow_id, c->run_id, c->query_type, c->args_json,
                                        c->call_options, c->call_out);
      break;
    case F_UPDATE_ASYNC:
      e = temporal_update_workflow_async(c->client, c->workflow_id, c->run_id, c->update_name, c->update_id,
                                         c->args_json, c->call_options, c->call_out);
      break;
    case F_CANCEL_ASYNC:
      e = temporal_cancel_workflow_async(c->client, c->workflow_id, c->run_id, c->call_options, c->call_out);
      break;
    case F_TERMINATE_ASYNC:
      e = temporal_terminate_workflow_async(c->client, c->workflow_id, c->run_id, c->reason, c->details_json,
                                            c->call_options, c->call_out);
      break;
    case F_TARGET_OPTIONS_DEFAULT: {
      fill_garbage(c->target_options, sizeof(temporal_workflow_target_options));
      bool written = temporal_workflow_target_options_default(c->target_options, c->default_size);
      return check_default(c->target_options, sizeof(temporal_workflow_target_options), c->default_size, written, text, cap);
    }
    case F_CANCEL_WITH_OPTIONS_ASYNC:
      e = temporal_cancel_workflow_with_options_async(c->client, c->target_options, c->call_options, c->call_out);
      break;
    case F_TERMINATE_WITH_OPTIONS_ASYNC:
      e = temporal_terminate_workflow_with_options_async(c->client, c->target_options, c->call_options, c->call_out);
      break;
    case F_DESCRIBE_ASYNC:
      e = temporal_describe_workflow_execution_async(c->client, c->workflow_id, c->run_id, c->call_options,
                                                     c->call_out);
      break;
    case F_LIST_ASYNC:
      e = temporal_list_workflow_async(c->client, c->query, c->page_size, c->page_token, c->call_options,
                                       c->call_out);
      break;
    case F_COUNT_ASYNC: e = temporal_count_workflow_async(c->client, c->query, c->call_options, c->call_out); break;
    case F_HISTORY_ASYNC:
      e = temporal_get_workflow_history_async(c->client, c->workflow_id, c->run_id, c->call_options, c->call_out);
      break;
    case F_SCHED_OPTIONS_DEFAULT: {
      fill_garbage(c->schedule_options, sizeof(temporal_schedule_options));
      bool written = temporal_schedule_options_default(c->schedule_options, c->default_size);
      return check_default(c->schedule_options, sizeof(temporal_schedule_options), c->default_size, written, text, cap);
    }
    case F_SCHED_CREATE_ASYNC:
      e = temporal_schedule_create_async(c->client, c->schedule_id, c->schedule_options, c->call_options, c->call_out);
      break;
    case F_SCHED_DESCRIBE_ASYNC:
      e = temporal_schedule_describe_async(c->client, c->schedule_id, c->call_options, c->call_out);
      break;
    case F_SCHED_UPDATE_ASYNC:
      e = temporal_schedule_update_async(c->client, c->schedule_id, c->schedule_options, c->conflict_token,
                                         c->call_options, c->call_out);
      break;
    case F_SCHED_PAUSE_ASYNC:
      e = temporal_schedule_pause_async(c->client, c->schedule_id, c->note, c->call_options, c->call_out);
      break;
    case F_SCHED_UNPAUSE_ASYNC:
      e = temporal_schedule_unpause_async(c->client, c->schedule_id, c->note, c->call_options, c->call_out);
      break;
    case F_SCHED_TRIGGER_ASYNC:
      e = temporal_schedule_trigger_async(c->client, c->schedule_id, c->overlap_policy, c->call_options, c->call_out);
      break;
    case F_SCHED_BACKFILL_ASYNC:
      e = temporal_schedule_backfill_async(c->client, c->schedule_id, c->backfills, c->backfills_len, c->call_options,
                                           c->call_out);
      break;
    case F_SCHED_DELETE_ASYNC:
      e = temporal_schedule_delete_async(c->client, c->schedule_id, c->call_options, c->call_out);
      break;
    case F_SCHED_LIST_ASYNC:
      e = temporal_schedule_list_async(c->client, c->query, c->page_size, c->page_token, c->call_options, c->call_out);
      break;
    case F_CALL_WAIT: e = temporal_call_wait(c->call, c->timeout_ms); break;
    case F_CALL_IS_DONE: snprintf(text, cap, "%s", temporal_call_is_done(c->call) ? "true" : "false"); return TEMPORAL_ERROR_CODE_OK;
    case F_CALL_GET_ERROR: {
      const temporal_error *le = temporal_call_get_error(c->call);
      if (le && !utf8_valid(temporal_error_get_message(le))) snprintf(problem, pcap, "lent error message is not valid UTF-8");
      snprintf(text, cap, "%s", le ? temporal_error_code_name((int32_t)temporal_error_get_code(le)) : "NULL");
      return TEMPORAL_ERROR_CODE_OK;
    }
    case F_CALL_GET_JSON: s = temporal_call_get_json(c->call); returns_string = true; break;
    case F_CALL_GET_UPDATE_ID: s = temporal_call_get_update_id(c->call); returns_string = true; break;
    case F_CALL_TAKE_RUN: {
      temporal_workflow_run *r = temporal_call_take_run(c->call);
      if (!r) { snprintf(text, cap, "NULL"); return TEMPORAL_ERROR_CODE_OK; }
      temporal_workflow_run *again = temporal_call_take_run(c->call);
      snprintf(text, cap, "a run of %s, then %s", temporal_workflow_run_get_id(r), again ? "another" : "NULL");
      temporal_workflow_run_free(again);
      temporal_workflow_run_free(r);
      return TEMPORAL_ERROR_CODE_OK;
    }
    case F_CALL_TAKE_CLIENT: {
      temporal_client *cl = temporal_call_take_client(c->call);
      if (!cl) { snprintf(text, cap, "NULL"); return TEMPORAL_ERROR_CODE_OK; }
      temporal_client *again = temporal_call_take_client(c->call);
      snprintf(text, cap, "a client, then %s", again ? "another" : "NULL");
      temporal_client_free(again);
      temporal_client_free(cl);
      return TEMPORAL_ERROR_CODE_OK;
    }
    case F_CALL_GET_COUNT: {
      bool got = temporal_call_get_count(c->call, c->count_out);
      if (got) snprintf(text, cap, "true %lld", (long long)c->count_result);
      else snprintf(text, cap, "false");
      if (!got && c->count_result != -7) snprintf(problem, pcap, "count_out was written though it returned false");
      return TEMPORAL_ERROR_CODE_OK;
    }
    case F_CALL_GET_USER_DATA: {
      void *ud = temporal_call_get_user_data(c->call);
      if (!ud) snprintf(text, cap, "NULL");
      else if (ud == &g_marker) snprintf(text, cap, "the call's user_data");
      else snprintf(text, cap, "another pointer %p", ud);
      return TEMPORAL_ERROR_CODE_OK;
    }
    case F_CALL_CANCEL:
    case F_CALL_FREE: {
      if (is_row_call(c->call)) {
        /* A wait-form call: freeing needs nothing more; a cancel must complete it. */
        if (fn == F_CALL_FREE) {
          forget_row_call(c->call);
          temporal_call_free(c->call);
          return TEMPORAL_ERROR_CODE_OK;
        }
        temporal_call_cancel(c->call);
        e = temporal_call_wait(c->call, 10000);
        if (e) snprintf(problem, pcap, "not completed 10 s after the cancel: %.200s", describe_and_free(e, buf, sizeof buf));
        temporal_call_cancel(c->call); /* idempotent, also once completed */
        const temporal_error *le = temporal_call_get_error(c->call);
        snprintf(text, cap, "%s", temporal_error_get_message(le));
        *via = 2;
        return temporal_error_get_code(le);
      }
      bool live = c->call && c->call == g_live_call;
      /* H_DONE_CALL with cancel: let it finish first, so this cancels a finished call. */
      if (live && fn == F_CALL_CANCEL && !g_live_pending) (void)wait_callback(g_live_ctx, 30000);
      if (fn == F_CALL_CANCEL) temporal_call_cancel(c->call);
      else temporal_call_free(c->call);
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
      else if (lx->o.bad_utf8)
        snprintf(problem, pcap, "the callback got invalid UTF-8");
      else if (fn == F_CALL_CANCEL && lx->seen != lc)
        snprintf(problem, pcap, "the callback got call %p, not %p", (void *)lx->seen, (void *)lc);
      snprintf(text, cap, "%s", lx->o.text);
      *via = 2;
      temporal_error_code code = lx->o.code;
      free(lx);
      return code;
    }
    case F_QUEUE_NEW:
      e = temporal_completion_queue_new(c->queue_out);
      if (!e) {
        temporal_completion_queue *q = c->queue_result;
        if (q == (temporal_completion_queue *)(void *)c) {
          snprintf(problem, pcap, "no queue written");
          return TEMPORAL_ERROR_CODE_OK;
        }
        int fd = temporal_completion_queue_fd(q);
        snprintf(text, cap, "%s", fd >= 0 ? "a queue with a descriptor" : "a queue without a descriptor");
        if (temporal_completion_queue_next(q)) snprintf(problem, pcap, "a new queue is not empty");
        temporal_completion_queue_free(q);
        return TEMPORAL_ERROR_CODE_OK;
      }
      break;
    case F_QUEUE_FD: {
      int fd = temporal_completion_queue_fd(c->queue);
      if (fd < 0) snprintf(text, cap, "%d", fd);
      else snprintf(text, cap, "a descriptor, %s", queue_readable(c->queue, 0) ? "readable" : "not readable");
      return TEMPORAL_ERROR_CODE_OK;
    }
    case F_QUEUE_NEXT: {
      temporal_call *got = temporal_completion_queue_next(c->queue);
      snprintf(text, cap, "%s", got ? "a call" : "NULL");
      temporal_call_free(got);
      return TEMPORAL_ERROR_CODE_OK;
    }
    case F_QUEUE_FREE: temporal_completion_queue_free(c->queue); return TEMPORAL_ERROR_CODE_OK;
    case F_RUNTIME_INIT: e = temporal_runtime_init(c->runtime_options); break;
    case F_RUNTIME_SHUTDOWN: return TEMPORAL_ERROR_CODE_INTERNAL; /* never: see NOT_RUN_HERE */
    case F_PAYLOADS_NEW:
      e = temporal_payloads_new(c->payloads_out);
      if (!e) {
        temporal_payloads *l = c->payloads_result;
        if (l == (temporal_payloads *)(void *)c) {
          snprintf(problem, pcap, "no list written");
          return TEMPORAL_ERROR_CODE_OK;
        }
        snprintf(text, cap, "a list of %zu", temporal_payloads_len(l));
        temporal_payloads_free(l);
        return TEMPORAL_ERROR_CODE_OK;
      }
      break;
    case F_PAYLOADS_FREE:
      forget_row_list(c->payloads);
      temporal_payloads_free(c->payloads);
      return TEMPORAL_ERROR_CODE_OK;
    case F_PAYLOADS_LEN: snprintf(text, cap, "%zu", temporal_payloads_len(c->payloads)); return TEMPORAL_ERROR_CODE_OK;
    case F_PAYLOADS_PUSH:
      e = temporal_payloads_push(c->payloads, c->bytes, c->bytes_len);
      if (!e) render_appended(c->payloads, text, cap);
      break;
    case F_PAYLOADS_PUSH_JSON:
      e = temporal_payloads_push_json(c->payloads, c->json_value);
      if (!e) render_appended(c->payloads, text, cap);
      break;
    case F_PAYLOADS_PUSH_PROTO:
      e = temporal_payloads_push_proto(c->payloads, c->bytes, c->bytes_len);
      if (!e) render_appended(c->payloads, text, cap);
      break;
    case F_PAYLOADS_SET_METADATA:
      e = temporal_payloads_set_metadata(c->payloads, c->index, c->key, c->bytes, c->bytes_len);
      if (!e) render_payload(c->payloads, c->index, text, cap);
      break;
    case F_PAYLOADS_GET_DATA:
      e = temporal_payloads_get_data(c->payloads, c->index, c->data_out, c->data_len_out);
      if (!e) {
        render_bytes(buf, sizeof buf, c->data_result, c->data_len_result);
        snprintf(text, cap, "%zu bytes %s", c->data_len_result, c->data_result ? buf : "(NULL)");
        if ((c->data_result == NULL) != (c->data_len_result == 0))
          snprintf(problem, pcap, "data %p with length %zu (NULL exactly when empty)", (const void *)c->data_result,
                   c->data_len_result);
      }
      break;
    case F_PAYLOADS_METADATA_LEN:
      snprintf(text, cap, "%zu", temporal_payloads_metadata_len(c->payloads, c->index));
      return TEMPORAL_ERROR_CODE_OK;
    case F_PAYLOADS_GET_METADATA_AT:
      e = temporal_payloads_get_metadata_at(c->payloads, c->index, c->entry, c->key_out, c->data_out, c->data_len_out);
      if (!e) {
        render_bytes(buf, sizeof buf, c->data_result, c->data_len_result);
        snprintf(text, cap, "key \"%s\" value %s", c->key_result, buf);
        if (!utf8_valid(c->key_result)) snprintf(problem, pcap, "the key is not valid UTF-8");
      }
      break;
    case F_PAYLOADS_GET_METADATA:
      e = temporal_payloads_get_metadata(c->payloads, c->index, c->key, c->data_out, c->data_len_out);
      if (!e) {
        render_bytes(buf, sizeof buf, c->data_result, c->data_len_result);
        snprintf(text, cap, "value %s", buf);
      }
      break;
    case F_PAYLOADS_GET_JSON:
      e = temporal_payloads_get_json(c->payloads, c->index, c->result_json_out);
      if (!e && c->result_json == (char *)(void *)c) {
        snprintf(problem, pcap, "no JSON written");
      } else if (!e) {
        snprintf(text, cap, "%s", c->result_json);
        if (!utf8_valid(c->result_json)) snprintf(problem, pcap, "the JSON is not valid UTF-8");
        temporal_string_free(c->result_json);
      }
      break;
    case F_PAYLOADS_GET_PROTO:
      e = temporal_payloads_get_proto(c->payloads, c->index, c->bytes_out, c->len_out);
      if (!e) {
        /* What a codec that wraps whole payloads does: the bytes read back as the same payload. */
        temporal_payloads *back = NULL;
        char one[1024], orig[1024];
        temporal_error *be = temporal_payloads_new(&back);
        if (!be) be = temporal_payloads_push_proto(back, c->bytes_result, c->len_result);
        if (be) {
          snprintf(problem, pcap, "the bytes do not read back: %.200s", describe_and_free(be, buf, sizeof buf));
        } else {
          render_payload(back, 0, one, sizeof one);
          render_payload(c->payloads, c->index, orig, sizeof orig);
          snprintf(text, cap, "%zu bytes, read back %s", c->len_result, one);
          if (strcmp(one, orig) != 0) snprintf(problem, pcap, "read back %.100s, not %.100s", one, orig);
        }
        temporal_payloads_free(back);
        temporal_bytes_free(c->bytes_result, c->len_result);
      }
      break;
    case F_BYTES_FREE:
      if (c->owned_bytes && c->owned_bytes == g_row_bytes) g_row_bytes = NULL;
      temporal_bytes_free(c->owned_bytes, c->owned_len);
      return TEMPORAL_ERROR_CODE_OK;
    case F_PAYLOADS_SET_ERROR: e = temporal_payloads_set_error(c->payloads, c->message); break;
    case F_PAYLOAD_CODEC_DEFAULT: {
      fill_garbage(c->codec, sizeof(temporal_payload_codec));
      bool written = temporal_payload_codec_default(c->codec, c->default_size);
      return check_default(c->codec, sizeof(temporal_payload_codec), c->default_size, written, text, cap);
    }
    case F_RAW_RPC_ASYNC:
      e = temporal_raw_rpc_async(c->client, c->service, c->method, c->bytes, c->bytes_len, c->call_options, c->call_out);
      break;
    case F_HISTORY_PAGE_ASYNC:
      e = temporal_get_workflow_history_page_async(c->client, c->workflow_id, c->run_id, c->page_token, c->filter_type,
                                                   c->wait_new_event, c->call_options, c->call_out);
      break;
    case F_QUERY_OPTIONS_DEFAULT: {
      fill_garbage(c->query_options, sizeof(temporal_query_options));
      bool written = temporal_query_options_default(c->query_options, c->default_size);
      return check_default(c->query_options, sizeof(temporal_query_options), c->default_size, written, text, cap);
    }
    case F_QUERY_WITH_OPTIONS_ASYNC:
      e = temporal_query_workflow_with_options_async(c->client, c->query_options, c->call_options, c->call_out);
      break;
    case F_SEARCH_ATTRIBUTES_ASYNC: e = temporal_get_search_attributes_async(c->client, c->call_options, c->call_out); break;
    case F_DESCRIBE_TASK_QUEUE_ASYNC:
      e = temporal_describe_task_queue_async(c->client, c->task_queue, c->task_queue_type, c->call_options, c->call_out);
      break;
    case F_RESET_ASYNC:
      e = temporal_reset_workflow_execution_async(c->client, c->workflow_id, c->run_id, c->reason, c->event_id,
                                                  c->call_options, c->call_out);
      break;
    case F_CHECK_HEALTH_ASYNC: e = temporal_check_health_async(c->client, c->call_options, c->call_out); break;
    case F_CALL_GET_BYTES: {
      bool got = temporal_call_get_bytes(c->call, c->data_out, c->data_len_out);
      if (got) snprintf(text, cap, "true, %zu bytes", c->data_len_result);
      else snprintf(text, cap, "false");
      if (!got && (c->data_result != (const uint8_t *)(void *)c || c->data_len_result != 7777))
        snprintf(problem, pcap, "an output was written though it returned false");
      else if (got && (c->data_result == NULL) != (c->data_len_result == 0))
        snprintf(problem, pcap, "bytes %p with length %zu (NULL exactly when empty)", (const void *)c->data_result,
                 c->data_len_result);
      return TEMPORAL_ERROR_CODE_OK;
    }
    case F_CALL_TAKE_PAYLOADS: {
      temporal_payloads *l = temporal_call_take_payloads(c->call);
      if (!l) { snprintf(text, cap, "NULL"); return TEMPORAL_ERROR_CODE_OK; }
      temporal_payloads *again = temporal_call_take_payloads(c->call);
      snprintf(text, cap, "payloads: %zu, then %s", temporal_payloads_len(l), again ? "more" : "NULL");
      temporal_payloads_free(again);
      temporal_payloads_free(l);
      return TEMPORAL_ERROR_CODE_OK;
    }
    case F_TESTING_PANIC:
      /* Armed, then a call that returns no error (it must not consume it), then one that does. */
      temporal_testing_panic_next_call();
      (void)temporal_version();
      e = temporal_get_workflow(c->client, c->workflow_id, c->run_id, c->run_out);
      break;
  }
  if (x) return finish_async(c, fn, e, x, form, text, cap, problem, pcap, via);
  if (returns_string) {
    if (s) snprintf(text, cap, "\"%s\"", s);
    else snprintf(text, cap, "NULL");
    if (s && !utf8_valid(s)) snprintf(problem, pcap, "returned text is not valid UTF-8");
    return TEMPORAL_ERROR_CODE_OK;
  }
  temporal_error_code code = temporal_error_get_code(e);
  if (e) {
    const char *m = temporal_error_get_message(e), *d = temporal_error_get_details(e);
    snprintf(text, cap, "%s", m);
    if (!*m) snprintf(problem, pcap, "empty error message");
    else if (!utf8_valid(m)) snprintf(problem, pcap, "error message is not valid UTF-8");
    else if (d && !utf8_valid(d)) snprintf(problem, pcap, "error details are not valid UTF-8");
    if (c->client_result != (temporal_client *)(void *)c ||
        c->run_result != (temporal_workflow_run *)(void *)c ||
        c->result_json != (char *)(void *)c ||
        c->queue_result != (temporal_completion_queue *)(void *)c ||
        c->update_handle_result != (temporal_update_handle *)(void *)c ||
        c->payloads_result != (temporal_payloads *)(void *)c || c->data_result != (const uint8_t *)(void *)c ||
        c->data_len_result != 7777 || c->key_result != (const char *)(void *)c ||
        c->bytes_result != (uint8_t *)(void *)c || c->len_result != 7777)
      snprintf(problem, pcap, "an output was written on failure");
    if (own_list && (render_list(c->payloads, list_after, sizeof list_after), strcmp(g_list_before, list_after) != 0))
      snprintf(problem, pcap, "the list changed on failure: %.100s became %.100s", g_list_before, list_after);
    temporal_error_free(e);
  } else {
    /* Success: free what was produced. */
    if (fn == F_CONNECT || fn == F_CLIENT_NEW_FROM_EXISTING) {
      if (c->client_result == (temporal_client *)(void *)c) snprintf(problem, pcap, "no client written");
      else temporal_client_free(c->client_result);
    } else if (fn == F_EXECUTE || fn == F_GET_WORKFLOW) {
      if (c->run_result == (temporal_workflow_run *)(void *)c) snprintf(problem, pcap, "no run written");
      else temporal_workflow_run_free(c->run_result);
    } else if (fn == F_GET_UPDATE_HANDLE) {
      if (c->update_handle_result == (temporal_update_handle *)(void *)c) snprintf(problem, pcap, "no handle written");
      else {
        snprintf(text, cap, "a handle of %s", temporal_update_handle_get_id(c->update_handle_result));
        temporal_update_handle_free(c->update_handle_result);
      }
    } else if (fn == F_GET_RESULT) {
      if (c->result_json == (char *)(void *)c) snprintf(problem, pcap, "no result written");
      else {
        snprintf(text, cap, "%s", c->result_json);
        if (!utf8_valid(c->result_json)) snprintf(problem, pcap, "result is not valid UTF-8");
        temporal_string_free(c->result_json);
      }
    }
  }
  return code;
}

/* ---------------------------------------------------------------- special rows */

/* Starts a call for a scenario; NULL (and a problem) if it was refused. */
static temporal_call *scenario_call(const temporal_workflow_run *run, uint64_t timeout_ms, temporal_call_callback cb,
                                    void *user_data, temporal_completion_queue *q, char *problem, size_t pcap) {
  temporal_call_options o;
  temporal_call_options_default(&o, sizeof o);
  o.timeout_ms = timeout_ms;
  o.callback = cb;
  o.user_data = user_data;
  o.completion_queue = q;
  temporal_call *call = NULL;
  char buf[512];
  temporal_error *e = temporal_get_result_async(run, &o, &call);
  if (e) {
    snprintf(problem, pcap, "get_result_async: %s", describe_and_free(e, buf, sizeof buf));
    return NULL;
  }
  return call;
}

struct blocking_ctx {
  atomic_int count;
  int arg;
  const temporal_call *other; /* a call in flight (arg 0) */
  temporal_call *inner;       /* the call started inside the callback (arg 5) */
  bool wrote_output;
  temporal_error_code code;
  char text[512];
};

/* Makes, inside a library callback, the call `arg` says and records its outcome. */
static void blocking_callback(void *user_data, temporal_call *call) {
  struct blocking_ctx *b = (struct blocking_ctx *)user_data;
  temporal_error *e = NULL;
  switch (b->arg) {
    case 0: e = temporal_call_wait(b->other, 1000); break;
    case 1: e = temporal_call_wait(call, 1000); break;
    case 2: {
      temporal_start_workflow_options so;
      temporal_start_workflow_options_default(&so, sizeof so);
      so.task_queue = g_queue;
      temporal_workflow_run *sentinel = (temporal_workflow_run *)(void *)b, *r = sentinel;
      e = temporal_execute_workflow(g_client, "Echo", "[1]", &so, &r);
      if (r != sentinel) {
        b->wrote_output = true;
        temporal_workflow_run_free(r);
      }
      break;
    }
    case 3: {
      char *sentinel = (char *)(void *)b, *out = sentinel;
      e = temporal_get_result(g_run, 1000, &out);
      if (out != sentinel) {
        b->wrote_output = true;
        temporal_string_free(out);
      }
      break;
    }
    case 4: {
      temporal_client_options co;
      temporal_client_options_default(&co, sizeof co);
      co.address = g_address;
      temporal_client *sentinel = (temporal_client *)(void *)b, *cl = sentinel;
      e = temporal_client_connect(&co, &cl);
      if (cl != sentinel) {
        b->wrote_output = true;
        temporal_client_free(cl);
      }
      break;
    }
    case 5: e = temporal_describe_workflow_execution_async(g_client, g_fixture_id, NULL, NULL, &b->inner); break;
  }
  b->code = temporal_error_get_code(e);
  snprintf(b->text, sizeof b->text, "%s", temporal_error_get_message(e));
  temporal_error_free(e);
  atomic_fetch_add(&b->count, 1);
}

static temporal_error_code special_blocking_in_callback(char *text, size_t cap, char *problem, size_t pcap, int arg) {
  struct blocking_ctx *b = (struct blocking_ctx *)calloc(1, sizeof *b);
  if (!b) abort();
  b->arg = arg;
  temporal_call *other = NULL;
  if (arg == 0 && !(other = scenario_call(g_block_run, TEMPORAL_TIMEOUT_DEFAULT, NULL, NULL, NULL, problem, pcap))) {
    free(b);
    return TEMPORAL_ERROR_CODE_INTERNAL;
  }
  b->other = other;
  temporal_call *outer = scenario_call(g_run, 30000, blocking_callback, b, NULL, problem, pcap);
  if (!outer || !wait_count(&b->count, 30000)) {
    if (outer) snprintf(problem, pcap, "the callback did not run within 30 s (a deadlock?)");
    temporal_call_cancel(other);
    temporal_call_free(other);
    temporal_call_free(outer);
    return TEMPORAL_ERROR_CODE_INTERNAL; /* b is leaked: the callback may still come */
  }
  char buf[512];
  temporal_error *e = temporal_call_wait(outer, 10000);
  if (e) snprintf(problem, pcap, "the outer call: %s", describe_and_free(e, buf, sizeof buf));
  if (b->wrote_output) snprintf(problem, pcap, "the refused blocking call wrote its output");
  if (b->inner) {
    e = temporal_call_wait(b->inner, 30000);
    if (e)
      snprintf(problem, pcap, "the call started in the callback: %s", describe_and_free(e, buf, sizeof buf));
    else if (temporal_call_get_error(b->inner))
      snprintf(problem, pcap, "the call started in the callback failed: %s",
               temporal_error_get_message(temporal_call_get_error(b->inner)));
    temporal_call_free(b->inner);
  } else if (arg == 5 && b->code == TEMPORAL_ERROR_CODE_OK) {
    snprintf(problem, pcap, "no call written by the _async function inside the callback");
  }
  if (other) {
    temporal_call_cancel(other);
    temporal_error_free(temporal_call_wait(other, 10000));
    temporal_call_free(other);
  }
  temporal_call_free(outer);
  snprintf(text, cap, "%s", b->text);
  temporal_error_code code = b->code;
  free(b);
  return code;
}

/* A call that fails (describe of a workflow never started), in the wait form. */
static temporal_call *failed_call(temporal_call_callback cb, void *user_data, char *problem, size_t pcap) {
  temporal_call_options o;
  temporal_call_options_default(&o, sizeof o);
  o.callback = cb;
  o.user_data = user_data;
  temporal_call *call = NULL;
  char buf[512];
  temporal_error *e = temporal_describe_workflow_execution_async(g_client, g_missing_id, NULL, &o, &call);
  if (!e) e = temporal_call_wait(call, 30000);
  if (e) {
    snprintf(problem, pcap, "describe_async: %s", describe_and_free(e, buf, sizeof buf));
    temporal_call_free(call);
    return NULL;
  }
  return call;
}

/* Frees a lent error twice; the error must still read the same afterwards. */
static void free_lent_twice(const temporal_call *call, char *text, size_t cap, char *problem, size_t pcap,
                            temporal_error_code *code) {
  const temporal_error *le = temporal_call_get_error(call);
  if (!le) {
    snprintf(problem, pcap, "the call has no error");
    return;
  }
  *code = temporal_error_get_code(le);
  char before[512];
  snprintf(before, sizeof before, "%s", temporal_error_get_message(le));
  temporal_error_free((temporal_error *)le);
  temporal_error_free((temporal_error *)le);
  if (temporal_call_get_error(call) != le || temporal_error_get_code(le) != *code ||
      strcmp(temporal_error_get_message(le), before) != 0)
    snprintf(problem, pcap, "temporal_error_free changed the error a call lends");
  snprintf(text, cap, "%s", temporal_error_get_message(le));
}

/* Connect with a bad host meter (arg 0: no record_duration, 1: no metric_new, 2: size 0,
   3: a larger table whose unknown tail is set): refused before anything is dialled, and the
   table's meter_free is never called (it was not taken). */
static void hm_free_count(void *ud) { ++*(int *)ud; }
static void *hm_new(void *ud, const char *n, const char *d, const char *u, int32_t k) {
  (void)ud, (void)n, (void)d, (void)u, (void)k;
  return NULL;
}
static void *hm_attrs(void *ud, void *from, const temporal_metric_attribute *a, size_t n) {
  (void)ud, (void)from, (void)a, (void)n;
  return NULL;
}
static void hm_int(void *ud, void *m, uint64_t v, void *a) { (void)ud, (void)m, (void)v, (void)a; }
static void hm_float(void *ud, void *m, double v, void *a) { (void)ud, (void)m, (void)v, (void)a; }
static temporal_error_code special_connect_host_meter(char *text, size_t cap, char *problem, size_t pcap, int arg) {
  struct {
    temporal_host_meter m;
    unsigned char tail[16];
  } big;
  memset(&big, 0, sizeof big);
  int freed = 0;
  temporal_host_meter_default(&big.m, sizeof big.m);
  big.m.user_data = &freed;
  big.m.metric_new = hm_new;
  big.m.attributes_new = hm_attrs;
  big.m.record_integer = hm_int;
  big.m.record_float = hm_float;
  big.m.record_duration = hm_int;
  big.m.meter_free = hm_free_count;
  if (arg == 0) big.m.record_duration = NULL;
  if (arg == 1) big.m.metric_new = NULL;
  if (arg == 2) big.m.size = 0;
  if (arg == 3) {
    big.m.size = sizeof big;
    big.tail[5] = 1;
  }
  temporal_client_options co;
  temporal_client_options_default(&co, sizeof co);
  co.metrics_host_meter = &big.m;
  temporal_client *client = (temporal_client *)(uintptr_t)0x1;
  temporal_error *e = temporal_client_connect(&co, &client);
  temporal_error_code code = e ? temporal_error_get_code(e) : TEMPORAL_ERROR_CODE_OK;
  snprintf(text, cap, "%s", e ? temporal_error_get_message(e) : "");
  temporal_error_free(e);
  if (client != (temporal_client *)(uintptr_t)0x1) snprintf(problem, pcap, "the client output was written");
  else if (freed != 0) snprintf(problem, pcap, "meter_free was called for a table that was not taken");
  if (!e && client != (temporal_client *)(uintptr_t)0x1) temporal_client_free(client);
  return code;
}

/* Connect with a payload codec. arg 0: size 0, 1: no encode, 2: no decode, 3: a larger table
   whose unknown tail is set: all refused before anything is dialled, and release is never
   called (the table was not taken). arg 4: a pass-through codec (each payload through get_proto
   and push_proto, as an encrypting codec wraps whole payloads): an Echo workflow round-trips
   through it, and release runs exactly once, after the run and the client are freed. arg 5: an
   encode that fails with temporal_payloads_set_error; arg 6: an encode that returns no
   payloads: the start fails with PAYLOAD. arg 7: a client from temporal_client_new_from_existing
   shares the codec: release waits for both clients. The contexts are never freed: a release
   that came late (or wrongly) must still find its counter. */
struct codec_ctx {
  atomic_int encodes, decodes, releases;
  int mode; /* 0: pass through, 1: encode fails with a reason, 2: encode returns nothing */
};
static struct codec_ctx g_codec_ctx[8];
static int32_t codec_apply(struct codec_ctx *x, const temporal_payloads *in, temporal_payloads *out) {
  for (size_t i = 0; i < temporal_payloads_len(in); i++) {
    uint8_t *bytes = NULL;
    size_t len = 0;
    temporal_error *e = temporal_payloads_get_proto(in, i, &bytes, &len);
    if (!e) e = temporal_payloads_push_proto(out, bytes, len);
    temporal_bytes_free(bytes, len);
    if (e) {
      temporal_error_free(temporal_payloads_set_error(out, temporal_error_get_message(e)));
      temporal_error_free(e);
      return 1;
    }
  }
  (void)x;
  return 0;
}
static int32_t codec_encode(void *ud, const temporal_payloads *in, temporal_payloads *out) {
  struct codec_ctx *x = (struct codec_ctx *)ud;
  atomic_fetch_add(&x->encodes, 1);
  if (x->mode == 1) {
    temporal_error_free(temporal_payloads_set_error(out, "badinput refuses"));
    return 1;
  }
  if (x->mode == 2) return 0;
  return codec_apply(x, in, out);
}
static int32_t codec_decode(void *ud, const temporal_payloads *in, temporal_payloads *out) {
  struct codec_ctx *x = (struct codec_ctx *)ud;
  atomic_fetch_add(&x->decodes, 1);
  return codec_apply(x, in, out);
}
static void codec_release(void *ud) { atomic_fetch_add(&((struct codec_ctx *)ud)->releases, 1); }

/* How long a release may take after the last user is freed (it runs when the library drops its
   last reference, possibly on a runtime thread). */
static long codec_release_wait_ms(void) {
  const char *v = getenv("BADINPUT_CODEC_RELEASE_WAIT_MS");
  return v && *v ? atol(v) : 10000;
}

static temporal_error_code special_connect_codec(char *text, size_t cap, char *problem, size_t pcap, int arg) {
  struct {
    temporal_payload_codec pc;
    unsigned char tail[16];
  } big;
  memset(&big, 0, sizeof big);
  struct codec_ctx *x = &g_codec_ctx[arg];
  x->mode = arg == 5 ? 1 : arg == 6 ? 2 : 0;
  temporal_payload_codec_default(&big.pc, sizeof big.pc);
  big.pc.encode = codec_encode;
  big.pc.decode = codec_decode;
  big.pc.user_data = x;
  big.pc.release = codec_release;
  if (arg == 0) big.pc.size = 0;
  if (arg == 1) big.pc.encode = NULL;
  if (arg == 2) big.pc.decode = NULL;
  if (arg == 3) {
    big.pc.size = sizeof big;
    big.tail[5] = 1;
  }
  temporal_client_options co;
  temporal_client_options_default(&co, sizeof co);
  co.address = g_address;
  co.payload_codec = &big.pc;
  temporal_client *const sentinel = (temporal_client *)(uintptr_t)0x1;
  temporal_client *client = sentinel;
  char buf[512];
  temporal_error *e = temporal_client_connect(&co, &client);
  /* The table was copied at connect: the caller's may go now. */
  memset(&big, 0xab, sizeof big);
  if (e) {
    temporal_error_code code = temporal_error_get_code(e);
    snprintf(text, cap, "%s", temporal_error_get_message(e));
    temporal_error_free(e);
    sleep_ms(100);
    if (client != sentinel) snprintf(problem, pcap, "the client output was written");
    else if (atomic_load(&x->releases) != 0) snprintf(problem, pcap, "release was called for a table that was not taken");
    else if (arg == 4 || arg == 5 || arg == 6 || arg == 7) snprintf(problem, pcap, "a good codec was refused");
    return code;
  }
  temporal_error_code code = TEMPORAL_ERROR_CODE_OK;
  temporal_client *derived = NULL;
  if (arg == 7) {
    e = temporal_client_new_from_existing(client, NULL, NULL, &derived);
    if (e) snprintf(problem, pcap, "new_from_existing: %s", describe_and_free(e, buf, sizeof buf));
  } else {
    temporal_start_workflow_options so;
    temporal_start_workflow_options_default(&so, sizeof so);
    char id[96];
    snprintf(id, sizeof id, "badinput-codec-%ld-%d", (long)getpid(), arg);
    so.id = id;
    so.task_queue = g_queue;
    temporal_workflow_run *run = NULL;
    char *result = NULL;
    e = temporal_execute_workflow(client, "Echo", "[\"codec\"]", &so, &run);
    if (!e) e = temporal_get_result(run, 60000, &result);
    if (e) {
      code = temporal_error_get_code(e);
      snprintf(text, cap, "%s", temporal_error_get_message(e));
      temporal_error_free(e);
      if (arg == 4) snprintf(problem, pcap, "the round trip through the codec failed: %s", text);
    } else {
      snprintf(text, cap, "result %s, encode %d, decode %d", result, atomic_load(&x->encodes), atomic_load(&x->decodes));
      if (atomic_load(&x->encodes) < 1 || atomic_load(&x->decodes) < 1)
        snprintf(problem, pcap, "the codec was not applied (encode %d, decode %d)", atomic_load(&x->encodes),
                 atomic_load(&x->decodes));
    }
    temporal_string_free(result);
    temporal_workflow_run_free(run);
  }
  sleep_ms(100);
  int before = atomic_load(&x->releases);
  temporal_client_free(client);
  if (derived) {
    sleep_ms(200);
    if (atomic_load(&x->releases) != 0 && !problem[0])
      snprintf(problem, pcap, "release ran while a client made from the first one still used the codec");
    temporal_client_free(derived);
  }
  (void)wait_count(&x->releases, codec_release_wait_ms());
  sleep_ms(100);
  int after = atomic_load(&x->releases);
  if (!problem[0] && before != 0) snprintf(problem, pcap, "release ran %d times before the client was freed", before);
  else if (!problem[0] && after != 1) snprintf(problem, pcap, "release ran %d times after the client was freed (want 1)", after);
  size_t at = strlen(text);
  snprintf(text + at, cap - at, "%srelease once, after the %s freed", at ? "; " : "",
           derived ? "two clients were" : "client was");
  return code;
}

static temporal_error_code special_free_lent_error(char *text, size_t cap, char *problem, size_t pcap, int arg) {
  (void)arg;
  temporal_call *call = failed_call(NULL, NULL, problem, pcap);
  if (!call) return TEMPORAL_ERROR_CODE_INTERNAL;
  temporal_error_code code = TEMPORAL_ERROR_CODE_OK;
  free_lent_twice(call, text, cap, problem, pcap, &code);
  temporal_call_free(call); /* frees the error, once */
  return code;
}

struct lent_ctx {
  atomic_int count;
  temporal_error_code code;
  char text[512], problem[256];
};

static void free_lent_callback(void *user_data, temporal_call *call) {
  struct lent_ctx *l = (struct lent_ctx *)user_data;
  free_lent_twice(call, l->text, sizeof l->text, l->problem, sizeof l->problem, &l->code);
  atomic_fetch_add(&l->count, 1);
}

static temporal_error_code special_free_lent_error_in_callback(char *text, size_t cap, char *problem, size_t pcap,
                                                               int arg) {
  (void)arg;
  struct lent_ctx *l = (struct lent_ctx *)calloc(1, sizeof *l);
  if (!l) abort();
  temporal_call *call = failed_call(free_lent_callback, l, problem, pcap);
  if (!call || !wait_count(&l->count, 30000)) {
    if (call) snprintf(problem, pcap, "the callback did not run within 30 s");
    temporal_call_free(call);
    return TEMPORAL_ERROR_CODE_INTERNAL; /* l is leaked: the callback may still come */
  }
  snprintf(problem, pcap, "%s", l->problem);
  snprintf(text, cap, "%s", l->text);
  if (!problem[0] && temporal_error_get_code(temporal_call_get_error(call)) != l->code)
    snprintf(problem, pcap, "the lent error changed after the callback freed it");
  temporal_call_free(call);
  temporal_error_code code = l->code;
  free(l);
  return code;
}

static temporal_error_code special_free_before_completion(char *text, size_t cap, char *problem, size_t pcap,
                                                          int arg) {
  (void)arg;
  struct async_ctx *x = (struct async_ctx *)calloc(1, sizeof *x);
  if (!x) abort();
  /* 300 ms: long enough to free it first, short enough to see the completion. */
  temporal_call *call = scenario_call(g_block_run, 300, counting_callback, x, NULL, problem, pcap);
  if (!call) {
    free(x);
    return TEMPORAL_ERROR_CODE_INTERNAL;
  }
  temporal_call_free(call);
  if (!wait_callback(x, 10000)) {
    snprintf(problem, pcap, "the callback did not run within 10 s");
    return TEMPORAL_ERROR_CODE_INTERNAL; /* x is leaked: the callback may still come */
  }
  sleep_ms(100);
  if (atomic_load(&x->count) != 1) snprintf(problem, pcap, "the callback ran %d times", atomic_load(&x->count));
  else if (x->seen) snprintf(problem, pcap, "the callback got the freed call %p, not NULL", (void *)x->seen);
  snprintf(text, cap, "the callback ran once, with %s", x->seen ? "the call" : "NULL");
  free(x);
  return TEMPORAL_ERROR_CODE_OK;
}

struct free_ctx {
  atomic_int count;
  bool done_before, json_after, done_after, ud_after, twice_ok;
  temporal_error_code wait_code;
  char wait_text[256];
};

/* Frees its own call, then uses the freed pointer: the library keeps the handle allocated
   until the callback returns, so every later use must be refused (and be memory-safe). */
static void free_in_callback(void *user_data, temporal_call *call) {
  struct free_ctx *f = (struct free_ctx *)user_data;
  f->done_before = temporal_call_is_done(call);
  temporal_call_free(call);
  f->json_after = temporal_call_get_json(call) != NULL;
  f->done_after = temporal_call_is_done(call);
  f->ud_after = temporal_call_get_user_data(call) != NULL;
  temporal_error *e = temporal_call_wait(call, 0);
  f->wait_code = temporal_error_get_code(e);
  snprintf(f->wait_text, sizeof f->wait_text, "%s", temporal_error_get_message(e));
  temporal_error_free(e);
  temporal_call_free(call); /* a second free: a no-op */
  f->twice_ok = true;
  atomic_fetch_add(&f->count, 1);
}

static temporal_error_code special_free_in_callback(char *text, size_t cap, char *problem, size_t pcap, int arg) {
  (void)arg;
  struct free_ctx *f = (struct free_ctx *)calloc(1, sizeof *f);
  if (!f) abort();
  temporal_call *call = scenario_call(g_run, 30000, free_in_callback, f, NULL, problem, pcap);
  if (!call || !wait_count(&f->count, 30000)) {
    if (call) snprintf(problem, pcap, "the callback did not run within 30 s");
    return TEMPORAL_ERROR_CODE_INTERNAL; /* f is leaked: the callback may still come */
  }
  if (!f->done_before) snprintf(problem, pcap, "call_is_done was false in the callback, before the free");
  else if (f->json_after || f->done_after || f->ud_after)
    snprintf(problem, pcap, "getters still answered after the free (json %d done %d user_data %d)", f->json_after,
             f->done_after, f->ud_after);
  else if (f->wait_code != TEMPORAL_ERROR_CODE_INVALID_ARGUMENT || !strstr(f->wait_text, "already freed"))
    snprintf(problem, pcap, "call_wait after the free: %s: %s", temporal_error_code_name((int32_t)f->wait_code),
             f->wait_text);
  snprintf(text, cap, "%s", problem[0] ? "" : "getters and call_wait refused after the free; the second free did nothing");
  free(f);
  return TEMPORAL_ERROR_CODE_OK;
}

static temporal_completion_queue *new_queue(char *problem, size_t pcap) {
  temporal_completion_queue *q = NULL;
  char buf[512];
  temporal_error *e = temporal_completion_queue_new(&q);
  if (e) snprintf(problem, pcap, "queue_new: %s", describe_and_free(e, buf, sizeof buf));
  return q;
}

static temporal_error_code special_queue_freed_call(char *text, size_t cap, char *problem, size_t pcap, int arg) {
  (void)arg;
  temporal_completion_queue *q = new_queue(problem, pcap);
  if (!q) return TEMPORAL_ERROR_CODE_INTERNAL;
  temporal_call *freed = scenario_call(g_block_run, 300, NULL, NULL, q, problem, pcap);
  temporal_call *kept = scenario_call(g_block_run, 300, NULL, NULL, q, problem, pcap);
  temporal_call_free(freed);
  char buf[512];
  temporal_error *e = kept ? temporal_call_wait(kept, 10000) : NULL;
  if (e) snprintf(problem, pcap, "call_wait: %s", describe_and_free(e, buf, sizeof buf));
  sleep_ms(100); /* the freed one completes at about the same time */
  if (kept && !problem[0]) {
    temporal_call *first = queue_readable(q, 5000) ? temporal_completion_queue_next(q) : NULL;
    temporal_call *second = temporal_completion_queue_next(q);
    if (first != kept) snprintf(problem, pcap, "queue_next returned %p, want the call still owned %p", (void *)first, (void *)kept);
    else if (second) snprintf(problem, pcap, "queue_next returned a second call (the freed one?)");
    else if (queue_readable(q, 0)) snprintf(problem, pcap, "the descriptor is readable on an empty queue");
    else snprintf(text, cap, "only the call still owned came off the queue");
  }
  temporal_call_free(kept);
  temporal_completion_queue_free(q);
  return TEMPORAL_ERROR_CODE_OK;
}

static temporal_error_code special_queue_cancel(char *text, size_t cap, char *problem, size_t pcap, int arg) {
  (void)arg;
  temporal_completion_queue *q = new_queue(problem, pcap);
  if (!q) return TEMPORAL_ERROR_CODE_INTERNAL;
  temporal_call *call = scenario_call(g_block_run, TEMPORAL_TIMEOUT_DEFAULT, NULL, NULL, q, problem, pcap);
  temporal_error_code code = TEMPORAL_ERROR_CODE_INTERNAL;
  if (call) {
    sleep_ms(50);
    if (temporal_completion_queue_next(q)) snprintf(problem, pcap, "a call in flight was on the queue");
    temporal_call_cancel(call);
    temporal_call *got = queue_readable(q, 10000) ? temporal_completion_queue_next(q) : NULL;
    if (got != call) {
      snprintf(problem, pcap, "after the cancel, queue_next returned %p, want %p", (void *)got, (void *)call);
      temporal_error_free(temporal_call_wait(call, 10000));
    }
    code = temporal_error_get_code(temporal_call_get_error(call));
    snprintf(text, cap, "%s", temporal_error_get_message(temporal_call_get_error(call)));
    temporal_call_free(call);
  }
  temporal_completion_queue_free(q);
  return code;
}

static temporal_error_code special_queue_freed_in_flight(char *text, size_t cap, char *problem, size_t pcap, int arg) {
  (void)arg;
  temporal_completion_queue *q = new_queue(problem, pcap);
  if (!q) return TEMPORAL_ERROR_CODE_INTERNAL;
  temporal_call *call = scenario_call(g_block_run, 300, NULL, NULL, q, problem, pcap);
  temporal_completion_queue_free(q);
  if (!call) return TEMPORAL_ERROR_CODE_INTERNAL;
  char buf[512];
  temporal_error *e = temporal_call_wait(call, 10000);
  temporal_error_code code = TEMPORAL_ERROR_CODE_INTERNAL;
  if (e) {
    snprintf(problem, pcap, "call_wait: %s", describe_and_free(e, buf, sizeof buf));
  } else {
    code = temporal_error_get_code(temporal_call_get_error(call));
    snprintf(text, cap, "%s", temporal_error_get_message(temporal_call_get_error(call)));
  }
  temporal_call_free(call);
  return code;
}

/* ---------------------------------------------------------------- coverage of the header */

/* The functions temporal.h declares (identifiers `temporal_...` followed by '(' outside
   comments), each checked against FN_NAMES; returns the number of failures. */
static int check_header_coverage(void) {
  const char *path = getenv("TEMPORAL_HEADER");
  char derived[1024] = "include/temporal.h";
  const char *at = strstr(__FILE__, "tests/badinput/");
  if (!path && access(derived, R_OK) != 0 && at)
    snprintf(derived, sizeof derived, "%.*sinclude/temporal.h", (int)(at - __FILE__), __FILE__);
  if (!path) path = derived;
  FILE *f = fopen(path, "rb");
  if (!f) {
    printf("FAIL cannot read the header %s to check that every function has rows (run from the repository "
           "root or set TEMPORAL_HEADER)\n", path);
    return 1;
  }
  char *h = NULL;
  size_t len = 0, capacity = 0, n;
  char chunk[4096];
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
    if (len + n + 1 > capacity) {
      capacity = (len + n + 1) * 2;
      h = (char *)realloc(h, capacity);
      if (!h) abort();
    }
    memcpy(h + len, chunk, n);
    len += n;
  }
  fclose(f);
  if (!h) return printf("FAIL the header %s is empty\n", path), 1;
  h[len] = '\0';
  /* Comments become spaces. */
  for (size_t i = 0; i < len; i++) {
    if (h[i] == '/' && h[i + 1] == '*') {
      size_t j = i;
      while (j < len && !(h[j] == '*' && h[j + 1] == '/')) h[j++] = ' ';
      if (j < len) h[j] = h[j + 1] = ' ';
      i = j + 1;
    } else if (h[i] == '/' && h[i + 1] == '/') {
      while (i < len && h[i] != '\n') h[i++] = ' ';
    }
  }
  int failures = 0, declared = 0;
  bool in_header[N_FN] = {false};
  for (size_t i = 0; i + 9 < len; i++) {
    if (strncmp(h + i, "temporal_", 9) != 0) continue;
    if (i > 0 && (h[i - 1] == '_' || (h[i - 1] >= 'a' && h[i - 1] <= 'z') || (h[i - 1] >= 'A' && h[i - 1] <= 'Z') ||
                  (h[i - 1] >= '0' && h[i - 1] <= '9')))
      continue;
    size_t j = i;
    while (h[j] == '_' || (h[j] >= 'a' && h[j] <= 'z') || (h[j] >= '0' && h[j] <= '9')) j++;
    size_t k = j;
    while (h[k] == ' ' || h[k] == '\n' || h[k] == '\t') k++;
    if (h[k] != '(') { i = j; continue; }
    declared++;
    bool known = false;
    for (size_t fn = 0; fn < N_FN; fn++)
      if (strlen(FN_NAMES[fn]) == j - i && strncmp(FN_NAMES[fn], h + i, j - i) == 0) known = in_header[fn] = true;
    if (!known) {
      failures++;
      printf("FAIL the header declares %.*s, which this test does not know (add it to enum fn, FN_NAMES, "
             "dispatch and ROWS)\n", (int)(j - i), h + i);
    }
    i = j;
  }
  for (size_t fn = 0; fn < N_FN; fn++) {
    bool expected_absent = false;
    for (size_t k = 0; k < sizeof NOT_IN_HEADER / sizeof NOT_IN_HEADER[0]; k++)
      if (NOT_IN_HEADER[k] == (enum fn)fn) expected_absent = true;
    if (in_header[fn] == expected_absent) {
      failures++;
      printf("FAIL %s is %s the header, but FN_NAMES says otherwise\n", FN_NAMES[fn],
             in_header[fn] ? "in" : "not in");
    }
  }
  if (failures) printf("FAIL the header %s declares %d functions; FN_NAMES does not match it (above)\n", path, declared);
  else printf("PASS the header %s declares %d functions; every one is in FN_NAMES\n", path, declared);
  free(h);
  return failures;
}

/* ---------------------------------------------------------------- setup and main */

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Waits for a setup/teardown call (wait form) and returns its error as an owned one's text
   in `buf` ("" when it succeeded); the call is freed. */
static const char *finish_setup_call(temporal_error *e, temporal_call *call, char *buf, size_t n) {
  buf[0] = '\0';
  if (!e) e = temporal_call_wait(call, 60000);
  if (e) {
    describe_and_free(e, buf, n);
  } else if (temporal_call_get_error(call)) {
    const temporal_error *le = temporal_call_get_error(call);
    snprintf(buf, n, "%s: %s", temporal_error_code_name((int32_t)temporal_error_get_code(le)),
             temporal_error_get_message(le));
  }
  temporal_call_free(call);
  return buf;
}

static int setup(void) {
  char buf[1024];
  temporal_client_options co;
  temporal_client_options_default(&co, sizeof co);
  co.address = g_address;
  temporal_error *e = temporal_client_connect(&co, &g_client);
  if (e) {
    fprintf(stderr, "test_bad_input: cannot connect to %s: %s\n", g_address, describe_and_free(e, buf, sizeof buf));
    return 1;
  }
  if ((e = temporal_completion_queue_new(&g_cq))) {
    fprintf(stderr, "test_bad_input: completion queue: %s\n", describe_and_free(e, buf, sizeof buf));
    return 1;
  }
  snprintf(g_fixture_id, sizeof g_fixture_id, "badinput-fixture-%ld", (long)getpid());
  snprintf(g_visibility, sizeof g_visibility, "WorkflowId = '%s'", g_fixture_id);
  temporal_start_workflow_options so;
  temporal_start_workflow_options_default(&so, sizeof so);
  so.id = g_fixture_id;
  so.task_queue = g_queue;
  char *out = NULL;
  e = temporal_execute_workflow(g_client, "Echo", "[\"fixture\"]", &so, &g_run);
  if (!e) e = temporal_get_result(g_run, 60000, &out);
  if (e) {
    fprintf(stderr, "test_bad_input: fixture workflow: %s\n", describe_and_free(e, buf, sizeof buf));
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
  snprintf(g_missing_schedule_id, sizeof g_missing_schedule_id, "badinput-schedule-never-created-%ld", (long)getpid());
  snprintf(g_schedule_id, sizeof g_schedule_id, "%s", fresh_schedule());
  temporal_workflow_run *counter = NULL;
  so.id = g_counter_id;
  e = temporal_execute_workflow(g_client, "Counter", "[0]", &so, &counter);
  if (!e) {
    temporal_workflow_run_free(counter);
    so.id = g_block_id;
    e = temporal_execute_workflow(g_client, "Block", NULL, &so, &g_block_run);
  }
  if (e) {
    fprintf(stderr, "test_bad_input: Counter/Block fixtures: %s\n", describe_and_free(e, buf, sizeof buf));
    return 1;
  }
  /* Wait until the Counter ran its first task, so that queries have a handler. */
  temporal_call_options qo;
  temporal_call_options_default(&qo, sizeof qo);
  qo.timeout_ms = 30000;
  temporal_call *call = NULL;
  e = temporal_query_workflow_async(g_client, g_counter_id, NULL, "count", NULL, &qo, &call);
  if (*finish_setup_call(e, call, buf, sizeof buf)) {
    fprintf(stderr, "test_bad_input: query of the Counter fixture: %s\n", buf);
    return 1;
  }
  /* The update handle fixture: a COMPLETED "add" of 0, so its result is known ("0"). */
  temporal_update_options uo;
  temporal_update_options_default(&uo, sizeof uo);
  uo.wait_for_stage = TEMPORAL_UPDATE_STAGE_COMPLETED;
  uo.update_id = "badinput-fixture-update";
  e = temporal_start_update_async(g_client, g_counter_id, NULL, "add", "[0]", &uo, &qo, &call);
  if (!e) e = temporal_call_wait(call, 30000);
  if (!e) g_update_handle = temporal_call_take_update_handle(call);
  temporal_call_free(call);
  if (e || !g_update_handle) {
    fprintf(stderr, "test_bad_input: update handle fixture: %s\n", e ? describe_and_free(e, buf, sizeof buf) : "no handle");
    return 1;
  }
  /* The async completion fixtures: a pending activity, and one completed. */
  snprintf(g_async_id, sizeof g_async_id, "badinput-async-pending-%ld", (long)getpid());
  char done_id[96];
  snprintf(done_id, sizeof done_id, "badinput-async-done-%ld", (long)getpid());
  if (!start_pending_activity(g_async_id, g_async_token, sizeof g_async_token, &g_async_token_len) ||
      !start_pending_activity(done_id, g_done_token, sizeof g_done_token, &g_done_token_len))
    return 1;
  e = temporal_complete_activity_async(g_client, g_done_token, g_done_token_len, NULL, NULL, &call);
  if (*finish_setup_call(e, call, buf, sizeof buf)) {
    fprintf(stderr, "test_bad_input: completing the activity of %s: %s\n", done_id, buf);
    return 1;
  }
  /* The visibility store is eventually consistent: the count and list rows need the fixture. */
  for (int i = 0; i < 100; i++) {
    int64_t n = 0;
    e = temporal_count_workflow_async(g_client, g_visibility, NULL, &call);
    if (!e) e = temporal_call_wait(call, 10000);
    bool got = !e && temporal_call_get_count(call, &n) && n == 1;
    temporal_error_free(e);
    temporal_call_free(call);
    if (got) break;
    sleep_ms(100);
  }
  return 0;
}

/* Ends the workflows this program left running (errors ignored: most are closed already). */
static void teardown(void) {
  char buf[512];
  temporal_call *call = NULL;
  temporal_error *e = temporal_signal_workflow_async(g_client, g_counter_id, NULL, "done", NULL, NULL, &call);
  (void)finish_setup_call(e, call, buf, sizeof buf);
  e = temporal_terminate_workflow_async(g_client, g_block_id, NULL, "badinput done", NULL, NULL, &call);
  (void)finish_setup_call(e, call, buf, sizeof buf);
  e = temporal_terminate_workflow_async(g_client, g_async_id, NULL, "badinput done", NULL, NULL, &call);
  (void)finish_setup_call(e, call, buf, sizeof buf);
  for (int i = 0; i < g_nfresh; i++) {
    e = temporal_terminate_workflow_async(g_client, g_fresh_ids[i], NULL, "badinput done", NULL, NULL, &call);
    (void)finish_setup_call(e, call, buf, sizeof buf);
  }
  temporal_workflow_run_free(g_block_run);
  temporal_update_handle_free(g_update_handle);
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
  int passed = 0, failed = 0;
  if (!filter) {
    int f = check_header_coverage();
    failed += f;
    passed += f == 0;
  }
  if (setup() != 0) return 1;

  bool covered[N_FN] = {false};
  for (size_t i = 0; i < sizeof ROWS / sizeof ROWS[0]; i++) {
    const struct row *r = &ROWS[i];
    if (filter && !strstr(r->desc, filter) && !strstr(FN_NAMES[r->fn], filter)) continue;
    covered[r->fn] = true;
    static char text[4096], problem[256];
    char label[200];
    text[0] = problem[0] = '\0';
    double t0 = now_s();
    int via = 0;
    temporal_error_code code;
    if (r->special) {
      snprintf(label, sizeof label, "%s", r->desc);
      code = r->special(text, sizeof text, problem, sizeof problem, r->arg);
    } else {
      struct call c;
      baseline(&c, (int)i, r->fn);
      for (size_t k = 0; k < sizeof r->p / sizeof r->p[0]; k++) apply(&c, &r->p[k]);
      if (is_async(r->fn)) snprintf(label, sizeof label, "%s [%s]", r->desc, FORM_NAMES[effective_form(&c)]);
      else snprintf(label, sizeof label, "%s", r->desc);
      snapshot_row_list(&c, r->fn);
      if (r->panic) temporal_testing_panic_next_call();
      code = dispatch(&c, r->fn, text, sizeof text, problem, sizeof problem, &via);
    }
    if (!problem[0] && code != TEMPORAL_ERROR_CODE_OK && via == 2 && !r->later)
      snprintf(problem, sizeof problem, "the error came from the completed call, not at once");
    else if (!problem[0] && code != TEMPORAL_ERROR_CODE_OK && via == 1 && r->later)
      snprintf(problem, sizeof problem, "the error came at once, not from the completed call");
    release_row_handles();
    temporal_call *stray = temporal_completion_queue_next(g_cq);
    if (stray && !problem[0]) snprintf(problem, sizeof problem, "a call was left on the queue");
    while (stray) {
      temporal_call_free(stray);
      stray = temporal_completion_queue_next(g_cq);
    }
    double elapsed = now_s() - t0;
    bool code_ok = code == r->code || (r->or_ok && code == TEMPORAL_ERROR_CODE_OK);
    bool text_ok = code == TEMPORAL_ERROR_CODE_OK && r->or_ok ? true
                   : !r->text || strstr(text, r->text) != NULL;
    bool ok = code_ok && text_ok && !problem[0];
    if (ok) {
      passed++;
      printf("PASS %-80s (%.2f s) %s%s%s\n", label, elapsed,
             temporal_error_code_name((int32_t)code), text[0] ? ": " : "",
             strlen(text) > 160 ? "(long text)" : text);
    } else {
      failed++;
      printf("FAIL %-80s (%.2f s) want %s \"%s\"%s, got %s: %.600s%s%s\n", label, elapsed,
             temporal_error_code_name((int32_t)r->code), r->text ? r->text : "",
             r->or_ok ? " (or OK)" : "", temporal_error_code_name((int32_t)code), text,
             problem[0] ? " -- " : "", problem);
    }
    fflush(stdout);
  }
  if (!filter) {
    for (size_t f = 0; f < N_FN; f++) {
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
  temporal_completion_queue_free(g_cq);
  temporal_client_free(g_client);
  for (size_t i = 0; i < g_ngenerated; i++) free(g_generated[i]);
  printf("bad input: %d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
