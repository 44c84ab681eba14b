/*
 * test_async_activity: async activity completion from C (temporal_complete_activity_async,
 * temporal_complete_activity_by_id_async, temporal_record_activity_heartbeat_async,
 * temporal_record_activity_heartbeat_by_id_async), the Go SDK client's CompleteActivity,
 * CompleteActivityByID, RecordActivityHeartbeat and RecordActivityHeartbeatByID, against a
 * real Temporal server and the Go SDK test worker.
 *
 * Run it inside tests/harness/with-dev-server.sh (TEMPORAL_ADDRESS, TEMPORAL_TEST_TASK_QUEUE).
 *
 *   test_async_activity [NAME_SUBSTRING]   runs every test, or those whose name contains it
 *
 * The worker's AsyncActivity workflow runs PendingActivity, which publishes its task token
 * (hex), IDs, attempt and the previous attempt's heartbeat details through the workflow's
 * "activity_started" query, then returns activity.ErrResultPending; the workflow returns what
 * the activity was completed with (the result payload as sent, its failure as the workflow's
 * error, or {"canceled": true, "details": [...]}) and cancels the activity on the signal
 * "cancel_activity". What a test gets from the library is freed after it, pass or fail. The
 * last line is "async activity: N passed, M failed".
 */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>

#include "server_test.h"

/* ---------------------------------------------------------------- the pending activity */

/* What PendingActivity published for one attempt. */
struct pending {
  char json[4096];
  uint8_t token[2048];
  size_t token_len;
  char workflow_id[96];
  char run_id[64];
  char activity_id[64];
  long attempt;
};

/* The string value of "key" in the worker's compact JSON (no escapes in these values). */
static bool json_str(const char *json, const char *key, char *out, size_t cap) {
  char pattern[64];
  snprintf(pattern, sizeof pattern, "\"%s\":\"", key);
  const char *at = strstr(json, pattern);
  if (!at) return false;
  at += strlen(pattern);
  const char *end = strchr(at, '"');
  if (!end || (size_t)(end - at) >= cap) return false;
  memcpy(out, at, (size_t)(end - at));
  out[end - at] = '\0';
  return true;
}

static long json_long(const char *json, const char *key) {
  char pattern[64];
  snprintf(pattern, sizeof pattern, "\"%s\":", key);
  const char *at = strstr(json, pattern);
  return at ? strtol(at + strlen(pattern), NULL, 10) : -1;
}

static int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

static size_t unhex(const char *hex, uint8_t *out, size_t cap) {
  size_t n = strlen(hex) / 2;
  if (n > cap || strlen(hex) % 2) return 0;
  for (size_t i = 0; i < n; i++) {
    int hi = hex_digit(hex[2 * i]), lo = hex_digit(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return 0;
    out[i] = (uint8_t)(hi * 16 + lo);
  }
  return n;
}

static bool start_async(const char *id, const char *input_json) {
  temporal_start_workflow_options o;
  temporal_start_workflow_options_default(&o, sizeof o);
  o.id = id;
  o.task_queue = g_queue;
  o.execution_timeout_ms = 120000;
  char args[256];
  snprintf(args, sizeof args, "[%s]", input_json);
  temporal_workflow_run *run = NULL;
  CHECK_OK(keep_err(temporal_execute_workflow(g_client, "AsyncActivity", args, &o, &run)));
  keep_run(run);
  return true;
}

/* Waits until the activity of workflow `id` published attempt `attempt` (up to 30 s). */
static bool wait_pending(const char *id, long attempt, struct pending *p) {
  memset(p, 0, sizeof *p);
  double deadline = now_s() + 30;
  for (;;) {
    temporal_call *call = NULL;
    RUN(call, temporal_query_workflow_async(g_client, id, NULL, "activity_started", NULL, NULL, &call));
    const char *json = temporal_call_get_json(call);
    if (!temporal_call_get_error(call) && json && strcmp(json, "null") != 0 && json_long(json, "attempt") >= attempt) {
      snprintf(p->json, sizeof p->json, "%s", json);
      break;
    }
    CHECK(now_s() < deadline, "attempt %ld of the activity of %s was not published within 30 s (last: %s)", attempt,
          id, json ? json : temporal_error_get_message(temporal_call_get_error(call)));
    drop_last_call();
    sleep_ms(50);
  }
  char hex[4096];
  CHECK(json_str(p->json, "task_token", hex, sizeof hex), "no task_token in %s", p->json);
  p->token_len = unhex(hex, p->token, sizeof p->token);
  CHECK(p->token_len > 0, "task_token %s is not hex", hex);
  CHECK(json_str(p->json, "workflow_id", p->workflow_id, sizeof p->workflow_id), "%s", p->json);
  CHECK(json_str(p->json, "run_id", p->run_id, sizeof p->run_id), "%s", p->json);
  CHECK(json_str(p->json, "activity_id", p->activity_id, sizeof p->activity_id), "%s", p->json);
  p->attempt = json_long(p->json, "attempt");
  CHECK(p->attempt == attempt, "attempt %ld published, want %ld: %s", p->attempt, attempt, p->json);
  CHECK_STREQ(p->workflow_id, id);
  return true;
}

/* The workflow's result (the error, if it failed, in *err; kept). */
static bool workflow_result(const char *id, char *out, size_t cap, temporal_error **err) {
  temporal_workflow_run *run = NULL;
  CHECK_OK(keep_err(temporal_get_workflow(g_client, id, NULL, &run)));
  keep_run(run);
  char *json = NULL;
  *err = keep_err(temporal_get_result(run, 30000, &json));
  snprintf(out, cap, "%s", json ? json : "");
  temporal_string_free(json);
  return true;
}

#define CHECK_RESULT(id, expected)                                             \
  do {                                                                         \
    char out_[1024];                                                           \
    temporal_error *we_ = NULL;                                                \
    if (!workflow_result((id), out_, sizeof out_, &we_)) return false;         \
    CHECK_OK(we_);                                                             \
    CHECK_STREQ(out_, (expected));                                             \
  } while (0)

static temporal_activity_completion completed(const char *result_json) {
  temporal_activity_completion c;
  temporal_activity_completion_default(&c, sizeof c);
  c.result_json = result_json;
  return c;
}

static temporal_activity_completion failed(const char *message, const char *type, bool non_retryable,
                                           const char *details_json) {
  temporal_activity_completion c;
  temporal_activity_completion_default(&c, sizeof c);
  c.outcome = TEMPORAL_ACTIVITY_OUTCOME_FAILED;
  c.failure_message = message;
  c.failure_type = type;
  c.failure_non_retryable = non_retryable;
  c.details_json = details_json;
  return c;
}

static temporal_activity_completion canceled(const char *details_json) {
  temporal_activity_completion c;
  temporal_activity_completion_default(&c, sizeof c);
  c.outcome = TEMPORAL_ACTIVITY_OUTCOME_CANCELED;
  c.details_json = details_json;
  return c;
}

#define NOT_PAUSED_NOT_CANCELED "{\"activity_paused\":false,\"activity_reset\":false,\"cancel_requested\":false}"

/* ---------------------------------------------------------------- tests */

static bool test_complete_by_token_returns_the_result(void) {
  const char *id = new_id("token");
  struct pending p;
  if (!start_async(id, "{}") || !wait_pending(id, 1, &p)) return false;
  CHECK_STREQ(p.activity_id, "async");
  temporal_activity_completion c = completed("{\"b\": 1, \"a\": \"<x> & y\", \"n\": 12345678901234567890}");
  temporal_call *call;
  RUN(call, temporal_complete_activity_async(g_client, p.token, p.token_len, &c, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  CHECK(temporal_call_get_json(call) == NULL, "a completion has no result JSON: %s", temporal_call_get_json(call));
  /* The workflow returns the payload the activity was completed with, as it arrived: compact,
     keys in the caller's order, HTML characters escaped and the number kept exact, as the Go
     SDK's json.Marshal writes a result. */
  CHECK_RESULT(id, "{\"b\":1,\"a\":\"\\u003cx\\u003e \\u0026 y\",\"n\":12345678901234567890}");
  return true;
}

static bool test_complete_by_id_returns_the_result(void) {
  const char *id = new_id("by-id");
  struct pending p;
  if (!start_async(id, "{\"activity_id\": \"charge-card\"}") || !wait_pending(id, 1, &p)) return false;
  CHECK_STREQ(p.activity_id, "charge-card");
  temporal_activity_completion c = completed("\"done by ID\"");
  temporal_call *call;
  /* No namespace and no run ID: the client's namespace and the current run. */
  RUN(call, temporal_complete_activity_by_id_async(g_client, NULL, id, NULL, "charge-card", &c, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  CHECK_RESULT(id, "\"done by ID\"");
  return true;
}

static bool test_complete_with_no_result(void) {
  const char *id = new_id("no-result");
  struct pending p;
  if (!start_async(id, "{}") || !wait_pending(id, 1, &p)) return false;
  temporal_call *call;
  /* NULL completion: completed with no result, as the Go SDK's CompleteActivity(ctx, token, nil, nil). */
  RUN(call, temporal_complete_activity_async(g_client, p.token, p.token_len, NULL, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  CHECK_RESULT(id, "null");
  return true;
}

static bool test_fail_by_token_fails_the_workflow(void) {
  const char *id = new_id("fail");
  struct pending p;
  if (!start_async(id, "{}") || !wait_pending(id, 1, &p)) return false;
  temporal_activity_completion c = failed("card declined", "CardDeclined", true, "[\"visa\", {\"code\": 51}]");
  temporal_call *call;
  RUN(call, temporal_complete_activity_async(g_client, p.token, p.token_len, &c, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  char out[256];
  temporal_error *we = NULL;
  if (!workflow_result(id, out, sizeof out, &we)) return false;
  CHECK_CODE(we, TEMPORAL_ERROR_CODE_WORKFLOW_FAILED);
  /* The workflow got an ActivityError caused by the ApplicationError the C side sent. */
  CHECK_CONTAINS(temporal_error_get_message(we), "activity error (type: PendingActivity");
  CHECK_CONTAINS(temporal_error_get_message(we), "card declined (type: CardDeclined, retryable: false)");
  const char *d = temporal_error_get_details(we);
  CHECK_CONTAINS(d, "\"kind\":\"activity\"");
  CHECK_CONTAINS(d, "\"activity_id\":\"async\"");
  CHECK_CONTAINS(d, "\"message\":\"card declined\"");
  CHECK_CONTAINS(d, "\"type\":\"CardDeclined\"");
  CHECK_CONTAINS(d, "\"non_retryable\":true");
  CHECK_CONTAINS(d, "\"details\":[\"visa\",{\"code\":51}]");
  return true;
}

/* A retryable failure is retried; the last heartbeat's details reach the next attempt, by
   token and by ID; a token of an earlier attempt is no longer valid. */
static bool test_retries_carry_heartbeat_details(void) {
  const char *id = new_id("retry");
  struct pending p1, p2, p3;
  if (!start_async(id, "{\"max_attempts\": 3}") || !wait_pending(id, 1, &p1)) return false;
  CHECK_CONTAINS(p1.json, "\"heartbeat_details\":null");
  temporal_call *call;
  RUN(call, temporal_record_activity_heartbeat_async(g_client, p1.token, p1.token_len,
                                                      "[\"progress\", {\"step\": 1, \"of\": 3}]", NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  CHECK_STREQ(temporal_call_get_json(call), NOT_PAUSED_NOT_CANCELED);
  temporal_activity_completion retry = failed("try again", "Transient", false, NULL);
  RUN(call, temporal_complete_activity_async(g_client, p1.token, p1.token_len, &retry, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));

  if (!wait_pending(id, 2, &p2)) return false;
  /* The Go activity decoded what C sent, and received the payloads byte for byte (the object's
     keys in the order C wrote them). */
  CHECK_CONTAINS(p2.json, "\"heartbeat_details\":[\"progress\",{\"of\":3,\"step\":1}]");
  CHECK_CONTAINS(p2.json, "{\"encoding\":\"json/plain\",\"data\":\"{\\\"step\\\":1,\\\"of\\\":3}\"}");
  CHECK(memcmp(p1.token, p2.token, p1.token_len < p2.token_len ? p1.token_len : p2.token_len) != 0 ||
            p1.token_len != p2.token_len, "the second attempt has the first one's token");
  /* The first attempt's token is stale now. */
  RUN(call, temporal_record_activity_heartbeat_async(g_client, p1.token, p1.token_len, NULL, NULL, &call));
  CHECK_CODE(temporal_call_get_error(call), TEMPORAL_ERROR_CODE_NOT_FOUND);
  CHECK_CONTAINS(temporal_error_get_message(temporal_call_get_error(call)), "activity already timed out");

  /* By ID, with the namespace and run ID spelled out. */
  RUN(call, temporal_record_activity_heartbeat_by_id_async(g_client, "default", id, p2.run_id, "async", "[2]", NULL,
                                                            &call));
  CHECK_OK(temporal_call_get_error(call));
  CHECK_STREQ(temporal_call_get_json(call), NOT_PAUSED_NOT_CANCELED);
  RUN(call, temporal_complete_activity_by_id_async(g_client, "default", id, p2.run_id, "async", &retry, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));

  if (!wait_pending(id, 3, &p3)) return false;
  CHECK_CONTAINS(p3.json, "\"heartbeat_details\":[2]");
  temporal_activity_completion c = completed("\"third time\"");
  RUN(call, temporal_complete_activity_async(g_client, p3.token, p3.token_len, &c, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  CHECK_RESULT(id, "\"third time\"");
  return true;
}

/* Polls heartbeats (by token, or by ID when token is NULL) until cancel_requested (10 s). */
static bool wait_cancel_requested(const struct pending *p, bool by_id) {
  double deadline = now_s() + 10;
  for (;;) {
    temporal_call *call;
    if (by_id)
      RUN(call, temporal_record_activity_heartbeat_by_id_async(g_client, NULL, p->workflow_id, NULL, p->activity_id,
                                                                NULL, NULL, &call));
    else
      RUN(call, temporal_record_activity_heartbeat_async(g_client, p->token, p->token_len, NULL, NULL, &call));
    CHECK_OK(temporal_call_get_error(call));
    const char *json = temporal_call_get_json(call);
    if (strcmp(json, "{\"activity_paused\":false,\"activity_reset\":false,\"cancel_requested\":true}") == 0) return true;
    CHECK_STREQ(json, NOT_PAUSED_NOT_CANCELED);
    CHECK(now_s() < deadline, "no cancel_requested within 10 s of the workflow's cancel");
    drop_last_call();
    sleep_ms(50);
  }
}

static bool signal_cancel(const char *id) {
  temporal_call *call;
  RUN(call, temporal_signal_workflow_async(g_client, id, NULL, "cancel_activity", NULL, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  return true;
}

static bool test_cancel_by_token_after_the_workflow_cancels(void) {
  const char *id = new_id("cancel");
  struct pending p;
  if (!start_async(id, "{}") || !wait_pending(id, 1, &p)) return false;
  temporal_call *call;
  RUN(call, temporal_record_activity_heartbeat_async(g_client, p.token, p.token_len, "[\"working\"]", NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  CHECK_STREQ(temporal_call_get_json(call), NOT_PAUSED_NOT_CANCELED);
  /* The server accepts a cancellation only once the workflow requested it. */
  temporal_activity_completion c = canceled("[\"cleaned up\", 3]");
  RUN(call, temporal_complete_activity_async(g_client, p.token, p.token_len, &c, NULL, &call));
  CHECK_CODE(temporal_call_get_error(call), TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK_CONTAINS(temporal_error_get_message(temporal_call_get_error(call)),
                 "report activity canceled: unable to mark activity as canceled without activity being request canceled");

  if (!signal_cancel(id) || !wait_cancel_requested(&p, false) || !wait_cancel_requested(&p, true)) return false;
  RUN(call, temporal_complete_activity_async(g_client, p.token, p.token_len, &c, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  CHECK_RESULT(id, "{\"canceled\":true,\"details\":[\"cleaned up\",3]}");
  return true;
}

static bool test_cancel_by_id(void) {
  const char *id = new_id("cancel-by-id");
  struct pending p;
  if (!start_async(id, "{\"activity_id\": \"stoppable\"}") || !wait_pending(id, 1, &p)) return false;
  if (!signal_cancel(id) || !wait_cancel_requested(&p, true)) return false;
  temporal_activity_completion c = canceled(NULL);
  temporal_call *call;
  RUN(call, temporal_complete_activity_by_id_async(g_client, NULL, id, p.run_id, "stoppable", &c, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  CHECK_RESULT(id, "{\"canceled\":true,\"details\":null}");
  return true;
}

/* An activity that is no longer pending, or never was, is NOT_FOUND, as the server says. */
static bool test_completed_or_unknown_activity_is_not_found(void) {
  const char *id = new_id("twice");
  struct pending p;
  if (!start_async(id, "{}") || !wait_pending(id, 1, &p)) return false;
  temporal_activity_completion c = completed("1");
  temporal_call *call;
  RUN(call, temporal_complete_activity_async(g_client, p.token, p.token_len, &c, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  CHECK_RESULT(id, "1");

  RUN(call, temporal_complete_activity_async(g_client, p.token, p.token_len, &c, NULL, &call));
  const temporal_error *e = temporal_call_get_error(call);
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_NOT_FOUND);
  CHECK_CONTAINS(temporal_error_get_message(e), "complete activity: workflow execution already completed");
  CHECK_CONTAINS(temporal_error_get_details(e), "\"grpc_code\":\"NOT_FOUND\"");
  RUN(call, temporal_complete_activity_by_id_async(g_client, NULL, id, NULL, "async", &c, NULL, &call));
  e = temporal_call_get_error(call);
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_NOT_FOUND);
  CHECK_CONTAINS(temporal_error_get_details(e), "\"activity_id\":\"async\"");
  CHECK_CONTAINS(temporal_error_get_details(e), id);
  temporal_activity_completion f = failed("late", NULL, false, NULL);
  RUN(call, temporal_complete_activity_async(g_client, p.token, p.token_len, &f, NULL, &call));
  CHECK_CODE(temporal_call_get_error(call), TEMPORAL_ERROR_CODE_NOT_FOUND);
  CHECK_CONTAINS(temporal_error_get_message(temporal_call_get_error(call)), "fail activity: ");
  RUN(call, temporal_record_activity_heartbeat_async(g_client, p.token, p.token_len, NULL, NULL, &call));
  CHECK_CODE(temporal_call_get_error(call), TEMPORAL_ERROR_CODE_NOT_FOUND);
  CHECK_CONTAINS(temporal_error_get_message(temporal_call_get_error(call)), "record activity heartbeat: ");
  RUN(call, temporal_record_activity_heartbeat_by_id_async(g_client, NULL, id, NULL, "async", NULL, NULL, &call));
  CHECK_CODE(temporal_call_get_error(call), TEMPORAL_ERROR_CODE_NOT_FOUND);

  /* A running workflow without that activity, a workflow never started, a namespace that
     does not exist. */
  const char *running = new_id("running");
  struct pending q;
  if (!start_async(running, "{}") || !wait_pending(running, 1, &q)) return false;
  RUN(call, temporal_complete_activity_by_id_async(g_client, NULL, running, NULL, "no-such-activity", &c, NULL, &call));
  CHECK_CODE(temporal_call_get_error(call), TEMPORAL_ERROR_CODE_NOT_FOUND);
  RUN(call, temporal_record_activity_heartbeat_by_id_async(g_client, NULL, "async-activity-never-started", NULL, "async",
                                                            NULL, NULL, &call));
  CHECK_CODE(temporal_call_get_error(call), TEMPORAL_ERROR_CODE_NOT_FOUND);
  RUN(call, temporal_complete_activity_by_id_async(g_client, "no-such-namespace", running, NULL, "async", &c, NULL, &call));
  CHECK_CODE(temporal_call_get_error(call), TEMPORAL_ERROR_CODE_NOT_FOUND);
  CHECK_CONTAINS(temporal_error_get_message(temporal_call_get_error(call)), "Namespace no-such-namespace is not found");
  /* The activity in the running workflow was untouched by all that. */
  RUN(call, temporal_complete_activity_async(g_client, q.token, q.token_len, &c, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  CHECK_RESULT(running, "1");
  return true;
}

static bool test_bad_task_tokens(void) {
  static const uint8_t garbage[] = "not a task token";
  temporal_activity_completion c = completed("1");
  temporal_call *call;
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "task_token must not be NULL", call,
          temporal_complete_activity_async(g_client, NULL, 10, &c, NULL, &call));
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "task_token_len is 0", call,
          temporal_complete_activity_async(g_client, garbage, 0, &c, NULL, &call));
  /* Refused before a byte is read: the buffer is much shorter than the length. */
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "longer than any task token", call,
          temporal_complete_activity_async(g_client, garbage, (size_t)1 << 40, &c, NULL, &call));
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "task_token must not be NULL", call,
          temporal_record_activity_heartbeat_async(g_client, NULL, 0, NULL, NULL, &call));
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "task_token_len is 0", call,
          temporal_record_activity_heartbeat_async(g_client, garbage, 0, NULL, NULL, &call));
  /* Bytes that are not a token: the server refuses them. */
  RUN(call, temporal_complete_activity_async(g_client, garbage, sizeof garbage - 1, &c, NULL, &call));
  CHECK_CODE(temporal_call_get_error(call), TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK_CONTAINS(temporal_error_get_message(temporal_call_get_error(call)), "complete activity: Error deserializing task token");
  RUN(call, temporal_record_activity_heartbeat_async(g_client, garbage, sizeof garbage - 1, NULL, NULL, &call));
  CHECK_CODE(temporal_call_get_error(call), TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  return true;
}

/* Bad arguments are refused at once, before any request. */
static bool test_bad_arguments_are_refused_at_once(void) {
  static const uint8_t token[] = "any token";
  const size_t n = sizeof token - 1;
  temporal_call *call;
  temporal_activity_completion c = completed("1");
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", call,
          temporal_complete_activity_async(NULL, token, n, &c, NULL, &call));
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "client must not be NULL", call,
          temporal_record_activity_heartbeat_by_id_async(NULL, NULL, "w", NULL, "a", NULL, NULL, &call));
  temporal_error *e = keep_err(temporal_complete_activity_async(g_client, token, n, &c, NULL, NULL));
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK_CONTAINS(temporal_error_get_message(e), "call_out must not be NULL");
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_id must not be NULL", call,
          temporal_complete_activity_by_id_async(g_client, NULL, NULL, NULL, "a", &c, NULL, &call));
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "activity_id must not be NULL", call,
          temporal_record_activity_heartbeat_by_id_async(g_client, NULL, "w", NULL, NULL, NULL, NULL, &call));
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow ID and activity ID are required", call,
          temporal_complete_activity_by_id_async(g_client, NULL, "", NULL, "a", &c, NULL, &call));
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow ID and activity ID are required", call,
          temporal_record_activity_heartbeat_by_id_async(g_client, NULL, "w", NULL, "", NULL, NULL, &call));
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "namespace_name is not valid UTF-8", call,
          temporal_complete_activity_by_id_async(g_client, "ns-\xff", "w", NULL, "a", &c, NULL, &call));
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "run_id is not valid UTF-8", call,
          temporal_record_activity_heartbeat_by_id_async(g_client, NULL, "w", "\xc0\xaf", "a", NULL, NULL, &call));
  /* Bad JSON. */
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", call,
          temporal_record_activity_heartbeat_async(g_client, token, n, "{\"not\": \"an array\"}", NULL, &call));
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "arguments must be a JSON array", call,
          temporal_record_activity_heartbeat_by_id_async(g_client, NULL, "w", NULL, "a", "[1,", NULL, &call));
  c = completed("{\"unterminated\": ");
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "result_json must be one JSON value", call,
          temporal_complete_activity_async(g_client, token, n, &c, NULL, &call));
  c = completed("1 2");
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "result_json must be one JSON value", call,
          temporal_complete_activity_by_id_async(g_client, NULL, "w", NULL, "a", &c, NULL, &call));
  c = failed("m", NULL, false, "\"not an array\"");
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "details_json: arguments must be a JSON array", call,
          temporal_complete_activity_async(g_client, token, n, &c, NULL, &call));
  c = canceled("[");
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "details_json: arguments must be a JSON array", call,
          temporal_complete_activity_async(g_client, token, n, &c, NULL, &call));
  c = failed("bad \xe2\x82", NULL, false, NULL);
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "failure_message is not valid UTF-8", call,
          temporal_complete_activity_async(g_client, token, n, &c, NULL, &call));
  /* The struct itself. */
  c = completed(NULL);
  c.outcome = 3;
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "unknown activity outcome 3", call,
          temporal_complete_activity_async(g_client, token, n, &c, NULL, &call));
  c = completed("1");
  c.failure_message = "why";
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "failure_message is set but the outcome is COMPLETED", call,
          temporal_complete_activity_async(g_client, token, n, &c, NULL, &call));
  c = failed("m", "T", false, NULL);
  c.result_json = "1";
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "result_json is set but the outcome is FAILED", call,
          temporal_complete_activity_async(g_client, token, n, &c, NULL, &call));
  c = canceled(NULL);
  c.failure_non_retryable = true;
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "failure_non_retryable is set but the outcome is CANCELED", call,
          temporal_complete_activity_async(g_client, token, n, &c, NULL, &call));
  c = completed(NULL);
  c.size = 0;
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "temporal_activity_completion: size is 0", call,
          temporal_complete_activity_async(g_client, token, n, &c, NULL, &call));
  c = failed("m", NULL, false, NULL);
  memset(&c.failure_non_retryable, 2, 1);
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "failure_non_retryable must be true or false", call,
          temporal_complete_activity_async(g_client, token, n, &c, NULL, &call));
  return true;
}

/* ---------------------------------------------------------------- runner */

static const struct server_test TESTS[] = {
    {"complete_by_token_returns_the_result", test_complete_by_token_returns_the_result},
    {"complete_by_id_returns_the_result", test_complete_by_id_returns_the_result},
    {"complete_with_no_result", test_complete_with_no_result},
    {"fail_by_token_fails_the_workflow", test_fail_by_token_fails_the_workflow},
    {"retries_carry_heartbeat_details", test_retries_carry_heartbeat_details},
    {"cancel_by_token_after_the_workflow_cancels", test_cancel_by_token_after_the_workflow_cancels},
    {"cancel_by_id", test_cancel_by_id},
    {"completed_or_unknown_activity_is_not_found", test_completed_or_unknown_activity_is_not_found},
    {"bad_task_tokens", test_bad_task_tokens},
    {"bad_arguments_are_refused_at_once", test_bad_arguments_are_refused_at_once},
};

/* Ends the workflows the tests left running (errors ignored: most completed). */
int main(int argc, char **argv) {
  return run_server_tests("test_async_activity", "async activity", TESTS, sizeof TESTS / sizeof TESTS[0], argc,
                          argv);
}
