/*
 * test_temporal: tests of the temporal-ffi C API against a real Temporal server.
 *
 * Run it inside tests/harness/with-dev-server.sh, which exports TEMPORAL_ADDRESS,
 * TEMPORAL_TEST_TASK_QUEUE (polled by the Go test worker, tests/worker) and TEMPORAL_CLI.
 *
 *   test_temporal [NAME_SUBSTRING]   runs every test, or those whose name contains the text
 *
 * A tiny framework: each test is a function returning true (pass) or false (fail, with a
 * message in g_msg). Everything a test gets from the library is registered with keep_*() and
 * freed after the test, pass or fail, so that a failing CHECK can simply return.
 * Compiles as C11 and as C++17.
 */
#define _POSIX_C_SOURCE 200809L

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "temporal.h"

/* ---------------------------------------------------------------- framework */

static char g_msg[2048];
static temporal_client *g_client;
static const char *g_address;
static const char *g_queue;
static const char *g_cli;

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static bool fail_at(int line, const char *cond, const char *fmt, ...) {
  int n = snprintf(g_msg, sizeof g_msg, "line %d: (%s) ", line, cond);
  if (n < 0 || (size_t)n >= sizeof g_msg) return false;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(g_msg + n, sizeof g_msg - (size_t)n, fmt, ap);
  va_end(ap);
  return false;
}

#define CHECK(cond, ...)                                  \
  do {                                                    \
    if (!(cond)) return fail_at(__LINE__, #cond, __VA_ARGS__); \
  } while (0)

static const char *code_name(const temporal_error *e) {
  return temporal_error_code_name(temporal_error_get_code(e));
}

/* The error must be NULL (success). */
#define CHECK_OK(err)                                                                     \
  do {                                                                                    \
    const temporal_error *e_ = (err);                                                     \
    CHECK(e_ == NULL, "unexpected error %s: %s (details %s)", code_name(e_),              \
          temporal_error_get_message(e_),                                                 \
          temporal_error_get_details(e_) ? temporal_error_get_details(e_) : "none");      \
  } while (0)

/* The error must be non-NULL with this code. */
#define CHECK_CODE(err, code)                                                             \
  do {                                                                                    \
    const temporal_error *e_ = (err);                                                     \
    CHECK(e_ != NULL, "expected error %s, got success", temporal_error_code_name(code));  \
    CHECK(temporal_error_get_code(e_) == (code), "expected %s, got %s: %s (details %s)",  \
          temporal_error_code_name(code), code_name(e_), temporal_error_get_message(e_),  \
          temporal_error_get_details(e_) ? temporal_error_get_details(e_) : "none");      \
  } while (0)

#define CHECK_STREQ(actual, expected)                                                     \
  do {                                                                                    \
    const char *a_ = (actual), *x_ = (expected);                                          \
    CHECK(a_ != NULL && strcmp(a_, x_) == 0, "got '%s', want '%s'", a_ ? a_ : "(null)", x_); \
  } while (0)

#define CHECK_CONTAINS(haystack, needle)                                                  \
  do {                                                                                    \
    const char *h_ = (haystack), *n_ = (needle);                                          \
    CHECK(h_ != NULL && strstr(h_, n_) != NULL, "'%s' does not contain '%s'",             \
          h_ ? h_ : "(null)", n_);                                                        \
  } while (0)

/* Resources freed after each test. Guarded by a mutex: the threads test registers too. */
enum kept_kind { KEPT_ERROR, KEPT_STRING, KEPT_RUN, KEPT_MALLOC };
struct kept {
  enum kept_kind kind;
  void *ptr;
};
static struct kept g_kept[512];
static size_t g_nkept;
static pthread_mutex_t g_mu = PTHREAD_MUTEX_INITIALIZER;

static void keep(enum kept_kind kind, void *ptr) {
  if (!ptr) return;
  pthread_mutex_lock(&g_mu);
  if (g_nkept < sizeof g_kept / sizeof g_kept[0]) {
    g_kept[g_nkept].kind = kind;
    g_kept[g_nkept].ptr = ptr;
    g_nkept++;
  } else {
    fprintf(stderr, "test_temporal: too many kept resources\n");
    abort();
  }
  pthread_mutex_unlock(&g_mu);
}

static void free_kept(void) {
  pthread_mutex_lock(&g_mu);
  while (g_nkept > 0) {
    struct kept k = g_kept[--g_nkept];
    switch (k.kind) {
      case KEPT_ERROR: temporal_error_free((temporal_error *)k.ptr); break;
      case KEPT_STRING: temporal_string_free((char *)k.ptr); break;
      case KEPT_RUN: temporal_workflow_run_free((temporal_workflow_run *)k.ptr); break;
      case KEPT_MALLOC: free(k.ptr); break;
    }
  }
  pthread_mutex_unlock(&g_mu);
}

static temporal_error *keep_err(temporal_error *e) {
  keep(KEPT_ERROR, e);
  return e;
}

/* ---------------------------------------------------------------- helpers */

/* A unique workflow ID: "c-test-<what>-<pid>-<counter>", kept until the end of the test. */
static const char *new_id(const char *what) {
  static unsigned counter;
  pthread_mutex_lock(&g_mu);
  unsigned n = ++counter;
  pthread_mutex_unlock(&g_mu);
  char *id = (char *)malloc(128);
  if (!id) abort();
  snprintf(id, 128, "c-test-%s-%ld-%u", what, (long)getpid(), n);
  keep(KEPT_MALLOC, id);
  return id;
}

/* Start options on the test task queue with the given ID. */
static void opts_for(temporal_start_workflow_options *o, const char *id) {
  temporal_start_workflow_options_default(o);
  o->id = id;
  o->task_queue = g_queue;
}

/* temporal_execute_workflow on the shared client; the run and the error are kept. */
static temporal_error *start(const char *type, const char *args,
                             const temporal_start_workflow_options *o,
                             temporal_workflow_run **run) {
  temporal_error *e = keep_err(temporal_execute_workflow(g_client, type, args, o, run));
  if (!e) keep(KEPT_RUN, *run);
  return e;
}

/* temporal_get_result; the result and the error are kept. */
static temporal_error *result(const temporal_workflow_run *run, uint64_t timeout_ms, char **out) {
  temporal_error *e = keep_err(temporal_get_result(run, timeout_ms, out));
  if (!e) keep(KEPT_STRING, *out);
  return e;
}

/* temporal_get_workflow; the run and the error are kept. */
static temporal_error *get_wf(const char *id, const char *run_id, temporal_workflow_run **run) {
  temporal_error *e = keep_err(temporal_get_workflow(g_client, id, run_id, run));
  if (!e) keep(KEPT_RUN, *run);
  return e;
}

/* Runs the temporal CLI: `temporal workflow VERB --address A -w ID [-r RUN] EXTRA`. */
static bool cli(const char *verb, const char *id, const char *run_id, const char *extra) {
  char cmd[1024];
  snprintf(cmd, sizeof cmd, "'%s' workflow %s --address '%s' -w '%s'%s%s%s %s >/dev/null 2>&1",
           g_cli, verb, g_address, id, run_id ? " -r '" : "", run_id ? run_id : "",
           run_id ? "'" : "", extra ? extra : "");
  return system(cmd) == 0;
}

static bool terminate(const char *id, const char *run_id, const char *reason) {
  char extra[256];
  snprintf(extra, sizeof extra, "--reason '%s'", reason);
  return cli("terminate", id, run_id, extra);
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A copy of JSON text without the whitespace outside strings (kept), so that checks do not
   depend on how the library formats JSON. */
static const char *compact(const char *json) {
  if (!json) return NULL;
  char *out = (char *)malloc(strlen(json) + 1);
  if (!out) abort();
  keep(KEPT_MALLOC, out);
  bool in_string = false, escaped = false;
  char *w = out;
  for (const char *p = json; *p; p++) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (*p == '\\') escaped = true;
      else if (*p == '"') in_string = false;
    } else if (*p == '"') {
      in_string = true;
    } else if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
      continue;
    }
    *w++ = *p;
  }
  *w = '\0';
  return out;
}

static bool looks_like_uuid(const char *s) {
  if (!s || strlen(s) != 36) return false;
  for (int i = 0; i < 36; i++) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (s[i] == '-')) return false;
    if (!dash && !strchr("0123456789abcdefABCDEF", s[i])) return false;
  }
  return true;
}

/* Starts a workflow and waits for its result; the result is kept. */
#define RUN_TO_RESULT(type, args, id, out)                      \
  do {                                                          \
    temporal_start_workflow_options o_;                         \
    opts_for(&o_, (id));                                        \
    temporal_workflow_run *r_ = NULL;                           \
    CHECK_OK(start((type), (args), &o_, &r_));                  \
    CHECK_OK(result(r_, 0, (out)));                             \
  } while (0)

/* Starts a workflow and waits for its error; the error is kept. */
#define RUN_TO_ERROR(type, args, opts, err_out)                 \
  do {                                                          \
    temporal_workflow_run *r_ = NULL;                           \
    CHECK_OK(start((type), (args), (opts), &r_));               \
    char *out_ = NULL;                                          \
    *(err_out) = result(r_, 0, &out_);                          \
    CHECK(out_ == NULL, "result written on failure: %s", out_); \
  } while (0)

/* ---------------------------------------------------------------- tests */

static bool test_version(void) {
  CHECK_STREQ(temporal_version(), TEMPORAL_FFI_VERSION);
  char v[32];
  snprintf(v, sizeof v, "%d.%d.%d", TEMPORAL_FFI_VERSION_MAJOR, TEMPORAL_FFI_VERSION_MINOR,
           TEMPORAL_FFI_VERSION_PATCH);
  CHECK_STREQ(temporal_version(), v);
  return true;
}

static bool test_error_code_names(void) {
  CHECK_STREQ(temporal_error_code_name(TEMPORAL_ERROR_CODE_OK), "OK");
  CHECK_STREQ(temporal_error_code_name(TEMPORAL_ERROR_CODE_NOT_FOUND), "NOT_FOUND");
  CHECK_STREQ(temporal_error_code_name(TEMPORAL_ERROR_CODE_ALREADY_STARTED), "ALREADY_STARTED");
  CHECK_STREQ(temporal_error_code_name(TEMPORAL_ERROR_CODE_INTERNAL), "INTERNAL");
  CHECK_STREQ(temporal_error_code_name(1000), "UNKNOWN");
  CHECK_STREQ(temporal_error_code_name(-1), "UNKNOWN");
  return true;
}

static bool test_start_and_get_result(void) {
  const char *id = new_id("greeting");
  temporal_start_workflow_options o;
  opts_for(&o, id);
  temporal_workflow_run *run = NULL;
  CHECK_OK(start("GreetingWorkflow", "[\"World\"]", &o, &run));
  CHECK(run != NULL, "no run");
  CHECK_STREQ(temporal_workflow_run_get_id(run), id);
  const char *run_id = temporal_workflow_run_get_run_id(run);
  CHECK(run_id && *run_id, "empty run id");
  char *out = NULL;
  CHECK_OK(result(run, 0, &out));
  CHECK_STREQ(out, "\"Hello World!\"");
  /* A second wait on the same run gives the same result. */
  char *again = NULL;
  CHECK_OK(result(run, 0, &again));
  CHECK_STREQ(again, "\"Hello World!\"");
  CHECK_STREQ(temporal_workflow_run_get_run_id(run), run_id);
  return true;
}

static bool test_structured_args(void) {
  char *out = NULL;
  RUN_TO_RESULT("Concat", "[\"x\", 7, true, {\"k\": [1, 2]}]", new_id("concat"), &out);
  const char *c = compact(out);
  CHECK_CONTAINS(c, "\"a\":\"x\"");
  CHECK_CONTAINS(c, "\"b\":7");
  CHECK_CONTAINS(c, "\"c\":true");
  CHECK_CONTAINS(c, "\"d\":{\"k\":[1,2]}");
  return true;
}

static bool test_unicode_args(void) {
  char *out = NULL;
  RUN_TO_RESULT("Echo", "[\"h\\u00e9llo \\\"w\\u00f6rld\\\" \xe2\x9c\x93 <&>\"]", new_id("utf8"),
                &out);
  /* Any valid JSON encoding of the same string is fine; compare the decoded characters. */
  CHECK(strstr(out, "h\xc3\xa9llo") || strstr(out, "h\\u00e9llo"), "got %s", out);
  CHECK(strstr(out, "\xe2\x9c\x93") || strstr(out, "\\u2713"), "got %s", out);
  CHECK_CONTAINS(out, "\\\"w");
  return true;
}

static bool test_echo_null(void) {
  char *out = NULL;
  RUN_TO_RESULT("Echo", "[null]", new_id("echo-null"), &out);
  CHECK_STREQ(out, "null");
  return true;
}

static bool test_no_result(void) {
  char *out = NULL;
  RUN_TO_RESULT("NoResult", NULL, new_id("noresult"), &out);
  CHECK_STREQ(out, "null");
  char *out2 = NULL;
  RUN_TO_RESULT("NoResult", "[]", new_id("noresult"), &out2);
  CHECK_STREQ(out2, "null");
  return true;
}

static bool test_return_bytes(void) {
  char *out = NULL;
  RUN_TO_RESULT("ReturnBytes", NULL, new_id("bytes"), &out);
  CHECK_STREQ(out, "\"cmF3IGJ5dGVz\"");
  return true;
}

static bool test_custom_encoding(void) {
  temporal_start_workflow_options o;
  opts_for(&o, new_id("custom-enc"));
  temporal_error *e = NULL;
  RUN_TO_ERROR("CustomEncoding", NULL, &o, &e);
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_PAYLOAD);
  CHECK_CONTAINS(temporal_error_get_message(e), "binary/custom");
  return true;
}

static bool test_generated_id(void) {
  temporal_start_workflow_options o;
  opts_for(&o, NULL);
  temporal_workflow_run *run = NULL;
  CHECK_OK(start("Echo", "[1]", &o, &run));
  const char *id = temporal_workflow_run_get_id(run);
  const char *run_id = temporal_workflow_run_get_run_id(run);
  CHECK(run_id && *run_id, "empty run id");
  CHECK(looks_like_uuid(id), "workflow id '%s' is not a UUID", id ? id : "(null)");
  CHECK(strcmp(id, run_id) != 0, "workflow id equals run id");
  char *out = NULL;
  CHECK_OK(result(run, 0, &out));
  CHECK_STREQ(out, "1");
  /* "" means "not set" too. */
  o.id = "";
  temporal_workflow_run *run2 = NULL;
  CHECK_OK(start("Echo", "[2]", &o, &run2));
  CHECK(looks_like_uuid(temporal_workflow_run_get_id(run2)), "'%s' is not a UUID",
        temporal_workflow_run_get_id(run2));
  CHECK(strcmp(temporal_workflow_run_get_id(run2), id) != 0, "same generated id twice");
  return true;
}

static bool test_missing_task_queue(void) {
  temporal_start_workflow_options o;
  temporal_start_workflow_options_default(&o);
  o.id = new_id("no-queue");
  temporal_workflow_run *sentinel = (temporal_workflow_run *)(void *)&o;
  temporal_workflow_run *run = sentinel;
  temporal_error *e = keep_err(temporal_execute_workflow(g_client, "Echo", "[1]", &o, &run));
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK_CONTAINS(temporal_error_get_message(e), "task queue");
  CHECK(run == sentinel, "run_out written on failure");
  o.task_queue = "";
  e = keep_err(temporal_execute_workflow(g_client, "Echo", "[1]", &o, &run));
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK_CONTAINS(temporal_error_get_message(e), "task queue");
  e = keep_err(temporal_execute_workflow(g_client, "Echo", "[1]", NULL, &run));
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK_CONTAINS(temporal_error_get_message(e), "options");
  CHECK(run == sentinel, "run_out written on failure");
  return true;
}

static bool test_already_running_reattaches(void) {
  const char *id = new_id("already");
  temporal_start_workflow_options o;
  opts_for(&o, id);
  temporal_workflow_run *first = NULL;
  CHECK_OK(start("Block", NULL, &o, &first));
  const char *run_id = temporal_workflow_run_get_run_id(first);

  temporal_workflow_run *second = NULL;
  temporal_error *e = start("Block", NULL, &o, &second);
  if (!e) {
    CHECK_STREQ(temporal_workflow_run_get_id(second), id);
    CHECK_STREQ(temporal_workflow_run_get_run_id(second), run_id);
  }
  o.error_when_already_started = true;
  temporal_workflow_run *third = NULL;
  temporal_error *e2 = start("Block", NULL, &o, &third);
  bool terminated = terminate(id, NULL, "done");
  CHECK_OK(e);
  CHECK_CODE(e2, TEMPORAL_ERROR_CODE_ALREADY_STARTED);
  CHECK(third == NULL, "run_out written on failure");
  CHECK_CONTAINS(temporal_error_get_details(e2), run_id);
  CHECK_CONTAINS(temporal_error_get_details(e2), id);
  CHECK(terminated, "temporal workflow terminate failed");
  return true;
}

static bool test_reuse_policy_reject_duplicate(void) {
  const char *id = new_id("reject-dup");
  temporal_start_workflow_options o;
  opts_for(&o, id);
  temporal_workflow_run *first = NULL;
  CHECK_OK(start("Echo", "[\"first\"]", &o, &first));
  char *out = NULL;
  CHECK_OK(result(first, 0, &out));
  const char *first_run_id = temporal_workflow_run_get_run_id(first);

  o.id_reuse_policy = TEMPORAL_WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE;
  o.error_when_already_started = true;
  temporal_workflow_run *second = NULL;
  temporal_error *e = start("Echo", "[\"second\"]", &o, &second);
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_ALREADY_STARTED);
  CHECK_CONTAINS(temporal_error_get_details(e), first_run_id);

  o.error_when_already_started = false;
  temporal_workflow_run *third = NULL;
  CHECK_OK(start("Echo", "[\"third\"]", &o, &third));
  CHECK_STREQ(temporal_workflow_run_get_run_id(third), first_run_id);
  char *out3 = NULL;
  CHECK_OK(result(third, 0, &out3));
  CHECK_STREQ(out3, "\"first\"");
  return true;
}

static bool test_conflict_policies(void) {
  const char *id = new_id("conflict");
  temporal_start_workflow_options o;
  opts_for(&o, id);
  temporal_workflow_run *first = NULL;
  CHECK_OK(start("Block", NULL, &o, &first));
  const char *run1 = temporal_workflow_run_get_run_id(first);

  o.id_conflict_policy = TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING;
  temporal_workflow_run *existing = NULL;
  temporal_error *e_existing = start("Block", NULL, &o, &existing);

  o.id_conflict_policy = TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING;
  temporal_workflow_run *fresh = NULL;
  temporal_error *e_fresh = start("Block", NULL, &o, &fresh);

  bool cleaned = terminate(id, NULL, "done");
  CHECK_OK(e_existing);
  CHECK_STREQ(temporal_workflow_run_get_run_id(existing), run1);
  CHECK_OK(e_fresh);
  const char *run2 = temporal_workflow_run_get_run_id(fresh);
  CHECK(run2 && *run2 && strcmp(run2, run1) != 0, "TERMINATE_EXISTING kept run %s", run1);

  temporal_workflow_run *old = NULL;
  CHECK_OK(get_wf(id, run1, &old));
  CHECK_STREQ(temporal_workflow_run_get_run_id(old), run1);
  char *out = NULL;
  CHECK_CODE(result(old, 0, &out), TEMPORAL_ERROR_CODE_WORKFLOW_TERMINATED);
  CHECK(out == NULL, "result written on failure");
  CHECK(cleaned, "temporal workflow terminate failed");
  return true;
}

static bool test_workflow_failed(void) {
  temporal_start_workflow_options o;
  opts_for(&o, new_id("fail"));
  temporal_error *e = NULL;
  RUN_TO_ERROR("Fail", "[\"boom\", \"MyError\", true]", &o, &e);
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_WORKFLOW_FAILED);
  CHECK_CONTAINS(temporal_error_get_message(e), "boom");
  CHECK_CONTAINS(temporal_error_get_message(e), "MyError");
  const char *d = compact(temporal_error_get_details(e));
  CHECK_CONTAINS(d, "\"failure\"");
  CHECK_CONTAINS(d, "\"non_retryable\":true");
  CHECK_CONTAINS(d, "root cause: boom");
  CHECK_CONTAINS(d, o.id);
  CHECK_CONTAINS(d, "\"workflow_type\":\"Fail\"");
  return true;
}

static bool test_workflow_canceled(void) {
  const char *id = new_id("cancel");
  temporal_start_workflow_options o;
  opts_for(&o, id);
  temporal_workflow_run *run = NULL;
  CHECK_OK(start("Block", NULL, &o, &run));
  CHECK(cli("cancel", id, NULL, NULL), "temporal workflow cancel failed");
  char *out = NULL;
  temporal_error *e = result(run, 30000, &out);
  if (temporal_error_get_code(e) != TEMPORAL_ERROR_CODE_WORKFLOW_CANCELED) terminate(id, NULL, "cleanup");
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_WORKFLOW_CANCELED);
  CHECK_CONTAINS(temporal_error_get_details(e), temporal_workflow_run_get_run_id(run));
  return true;
}

static bool test_workflow_terminated(void) {
  const char *id = new_id("terminate");
  temporal_start_workflow_options o;
  opts_for(&o, id);
  temporal_workflow_run *run = NULL;
  CHECK_OK(start("Block", NULL, &o, &run));
  CHECK(terminate(id, NULL, "because"), "temporal workflow terminate failed");
  char *out = NULL;
  temporal_error *e = result(run, 30000, &out);
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_WORKFLOW_TERMINATED);
  CHECK_CONTAINS(compact(temporal_error_get_details(e)), "\"reason\":\"because\"");
  return true;
}

static bool test_workflow_timed_out(void) {
  temporal_start_workflow_options o;
  opts_for(&o, new_id("timeout"));
  o.execution_timeout_ms = 1000;
  temporal_error *e = NULL;
  RUN_TO_ERROR("Sleep", "[60000]", &o, &e);
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_WORKFLOW_TIMED_OUT);
  return true;
}

static bool test_continue_as_new(void) {
  char *out = NULL;
  RUN_TO_RESULT("ContinueAsNew", "[3, 0]", new_id("can"), &out);
  CHECK_STREQ(out, "3");
  return true;
}

static bool test_retry_followed(void) {
  temporal_retry_policy rp;
  memset(&rp, 0, sizeof rp);
  rp.initial_interval_ms = 100;
  rp.maximum_attempts = 3;
  temporal_start_workflow_options o;
  opts_for(&o, new_id("retry"));
  o.retry_policy = &rp;
  temporal_workflow_run *run = NULL;
  CHECK_OK(start("FailFirstAttempt", NULL, &o, &run));
  char *out = NULL;
  CHECK_OK(result(run, 0, &out));
  CHECK_STREQ(out, "\"succeeded on attempt 2\"");

  /* Without a retry policy the first failure is final. */
  temporal_start_workflow_options o2;
  opts_for(&o2, new_id("no-retry"));
  temporal_error *e = NULL;
  RUN_TO_ERROR("FailFirstAttempt", NULL, &o2, &e);
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_WORKFLOW_FAILED);
  CHECK_CONTAINS(temporal_error_get_details(e), "Flaky");
  return true;
}

static bool test_get_result_timeout(void) {
  const char *id = new_id("result-timeout");
  temporal_start_workflow_options o;
  opts_for(&o, id);
  temporal_workflow_run *run = NULL;
  CHECK_OK(start("Block", NULL, &o, &run));
  char *out = NULL;
  double t0 = now_s();
  temporal_error *e = result(run, 300, &out);
  double elapsed = now_s() - t0;
  bool terminated = terminate(id, NULL, "done");
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED);
  CHECK(elapsed < 5.0, "took %.2f s", elapsed);
  CHECK(out == NULL, "result written on failure");
  CHECK(terminated, "temporal workflow terminate failed");
  return true;
}

static bool test_get_workflow(void) {
  const char *id = new_id("get-wf");
  temporal_start_workflow_options o;
  opts_for(&o, id);
  temporal_workflow_run *run = NULL;
  CHECK_OK(start("Echo", "[\"reattached\"]", &o, &run));
  char *out = NULL;
  CHECK_OK(result(run, 0, &out));

  /* By ID only: the latest run. */
  temporal_workflow_run *by_id = NULL;
  CHECK_OK(get_wf(id, NULL, &by_id));
  CHECK_STREQ(temporal_workflow_run_get_id(by_id), id);
  char *out2 = NULL;
  CHECK_OK(result(by_id, 0, &out2));
  CHECK_STREQ(out2, "\"reattached\"");
  CHECK_STREQ(temporal_workflow_run_get_run_id(by_id), temporal_workflow_run_get_run_id(run));

  /* Run ID asked before the result, "" as "not set". */
  temporal_workflow_run *by_id2 = NULL;
  CHECK_OK(get_wf(id, "", &by_id2));
  CHECK_STREQ(temporal_workflow_run_get_run_id(by_id2), temporal_workflow_run_get_run_id(run));

  /* By ID and run ID. */
  temporal_workflow_run *by_run = NULL;
  CHECK_OK(get_wf(id, temporal_workflow_run_get_run_id(run), &by_run));
  CHECK_STREQ(temporal_workflow_run_get_run_id(by_run), temporal_workflow_run_get_run_id(run));
  char *out3 = NULL;
  CHECK_OK(result(by_run, 0, &out3));
  CHECK_STREQ(out3, "\"reattached\"");
  return true;
}

static bool test_get_workflow_not_found(void) {
  temporal_workflow_run *run = NULL;
  CHECK_OK(get_wf(new_id("never-started"), NULL, &run));
  char *out = NULL;
  CHECK_CODE(result(run, 10000, &out), TEMPORAL_ERROR_CODE_NOT_FOUND);
  CHECK(out == NULL, "result written on failure");
  CHECK_STREQ(temporal_workflow_run_get_run_id(run), "");
  return true;
}

static bool test_memo_and_search_attributes(void) {
  temporal_start_workflow_options o;
  opts_for(&o, new_id("memo"));
  o.memo_json = "{\"m1\": \"v1\", \"m2\": {\"n\": 2}}";
  o.search_attributes_json = "{\"CustomKeywordField\": \"kw\", \"CustomIntField\": 5}";
  temporal_workflow_run *run = NULL;
  CHECK_OK(start("GetMemoAndSearchInfo", NULL, &o, &run));
  char *out = NULL;
  CHECK_OK(result(run, 0, &out));
  const char *c = compact(out);
  CHECK_CONTAINS(c, "\"m1\":\"v1\"");
  CHECK_CONTAINS(c, "\"m2\":{\"n\":2}");
  CHECK_CONTAINS(c, "\"CustomKeywordField\":\"kw\"");
  CHECK_CONTAINS(c, "\"CustomIntField\":5");
  CHECK_CONTAINS(c, "\"workflowType\":\"GetMemoAndSearchInfo\"");
  CHECK_CONTAINS(c, "\"cron\":\"\"");
  return true;
}

static bool test_cron_schedule(void) {
  const char *id = new_id("cron");
  temporal_start_workflow_options o;
  opts_for(&o, id);
  o.cron_schedule = "0 0 1 1 *"; /* once a year: the first run waits, so terminate it */
  temporal_workflow_run *run = NULL;
  temporal_error *e = start("GetMemoAndSearchInfo", NULL, &o, &run);
  bool terminated = !e && terminate(id, NULL, "done");
  CHECK_OK(e);
  CHECK(*temporal_workflow_run_get_run_id(run), "empty run id");
  CHECK(terminated, "temporal workflow terminate failed");

  opts_for(&o, new_id("bad-cron"));
  o.cron_schedule = "not a cron";
  temporal_workflow_run *bad = NULL;
  CHECK_CODE(start("GetMemoAndSearchInfo", NULL, &o, &bad), TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  return true;
}

static bool test_connect_dead_port(void) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  CHECK(s >= 0, "socket failed");
  struct sockaddr_in sa;
  memset(&sa, 0, sizeof sa);
  sa.sin_family = AF_INET;
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof sa;
  int ok = bind(s, (struct sockaddr *)&sa, sizeof sa) == 0 &&
           getsockname(s, (struct sockaddr *)&sa, &len) == 0;
  close(s);
  CHECK(ok, "bind/getsockname failed");
  char address[64];
  snprintf(address, sizeof address, "127.0.0.1:%d", (int)ntohs(sa.sin_port));

  temporal_client_options co;
  temporal_client_options_default(&co);
  co.address = address;
  co.connect_timeout_ms = 3000;
  temporal_client *sentinel = (temporal_client *)(void *)&co;
  temporal_client *client = sentinel;
  double t0 = now_s();
  temporal_error *e = keep_err(temporal_client_connect(&co, &client));
  double elapsed = now_s() - t0;
  CHECK(e != NULL, "connected to a dead port");
  CHECK(temporal_error_get_code(e) == TEMPORAL_ERROR_CODE_UNAVAILABLE ||
            temporal_error_get_code(e) == TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED,
        "got %s: %s", code_name(e), temporal_error_get_message(e));
  CHECK(elapsed < 5.0, "took %.2f s", elapsed);
  CHECK(client == sentinel, "client_out written on failure");
  return true;
}

static bool test_connect_bad_options(void) {
  temporal_client_options co;
  temporal_client_options_default(&co);
  co.address = g_address;
  co.grpc_metadata_json = "not json";
  temporal_client *client = NULL;
  temporal_error *e = keep_err(temporal_client_connect(&co, &client));
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK(client == NULL, "client_out written on failure");

  /* A second client on the same server works and is independent of the shared one. */
  temporal_client_options_default(&co);
  co.address = g_address;
  co.namespace_name = "default";
  co.grpc_metadata_json = "{\"x-test\": \"1\"}";
  CHECK_OK(keep_err(temporal_client_connect(&co, &client)));
  temporal_client_free(client);
  return true;
}

static bool test_bad_arguments(void) {
  temporal_start_workflow_options o;
  opts_for(&o, new_id("bad-args"));
  const char *bad_args[] = {"{", "{}", "not json", "[1,", "\"x\""};
  for (size_t i = 0; i < sizeof bad_args / sizeof bad_args[0]; i++) {
    temporal_workflow_run *run = NULL;
    temporal_error *e = start("Echo", bad_args[i], &o, &run);
    CHECK(temporal_error_get_code(e) == TEMPORAL_ERROR_CODE_INVALID_ARGUMENT,
          "args %s: got %s: %s", bad_args[i], code_name(e), temporal_error_get_message(e));
    CHECK(run == NULL, "run_out written on failure");
  }
  temporal_workflow_run *run = NULL;
  CHECK_CODE(start("Ech\xff\xfe", "[1]", &o, &run), TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK_CODE(start("", "[1]", &o, &run), TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);

  temporal_start_workflow_options bad = o;
  bad.id = "bad-\xc3\x28";
  CHECK_CODE(start("Echo", "[1]", &bad, &run), TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  bad = o;
  bad.id_reuse_policy = 99;
  CHECK_CODE(start("Echo", "[1]", &bad, &run), TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  bad = o;
  bad.id_conflict_policy = 99;
  CHECK_CODE(start("Echo", "[1]", &bad, &run), TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  bad = o;
  bad.memo_json = "[1]";
  CHECK_CODE(start("Echo", "[1]", &bad, &run), TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  bad = o;
  bad.search_attributes_json = "{";
  CHECK_CODE(start("Echo", "[1]", &bad, &run), TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  temporal_retry_policy rp;
  memset(&rp, 0, sizeof rp);
  rp.backoff_coefficient = 0.5; /* documented: otherwise at least 1 */
  bad = o;
  bad.retry_policy = &rp;
  CHECK_CODE(start("Echo", "[1]", &bad, &run), TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  memset(&rp, 0, sizeof rp);
  rp.non_retryable_error_types_json = "{";
  CHECK_CODE(start("Echo", "[1]", &bad, &run), TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK(run == NULL, "run_out written on failure");

  /* get_workflow: invalid UTF-8 in the ID. */
  temporal_workflow_run *r2 = NULL;
  CHECK_CODE(get_wf("x\xff", NULL, &r2), TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK_CODE(get_wf("", NULL, &r2), TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK(r2 == NULL, "run_out written on failure");
  return true;
}

#define CHECK_NULL_ARG(call, param)                                    \
  do {                                                                 \
    temporal_error *e2_ = keep_err(call);                              \
    CHECK_CODE(e2_, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);             \
    CHECK_CONTAINS(temporal_error_get_message(e2_), param);            \
  } while (0)

static bool test_null_arguments(void) {
  temporal_start_workflow_options o;
  opts_for(&o, new_id("null-args"));
  temporal_workflow_run *run = NULL;
  char *out = NULL;

  CHECK_NULL_ARG(temporal_client_connect(NULL, NULL), "client_out");
  CHECK_NULL_ARG(temporal_execute_workflow(NULL, "Echo", "[1]", &o, &run), "client");
  CHECK_NULL_ARG(temporal_execute_workflow(g_client, NULL, "[1]", &o, &run), "workflow_type");
  CHECK_NULL_ARG(temporal_execute_workflow(g_client, "Echo", "[1]", NULL, &run), "options");
  CHECK_NULL_ARG(temporal_execute_workflow(g_client, "Echo", "[1]", &o, NULL), "run_out");
  CHECK_NULL_ARG(temporal_get_workflow(NULL, "x", NULL, &run), "client");
  CHECK_NULL_ARG(temporal_get_workflow(g_client, NULL, NULL, &run), "workflow_id");
  CHECK_NULL_ARG(temporal_get_workflow(g_client, "x", NULL, NULL), "run_out");
  CHECK_NULL_ARG(temporal_get_result(NULL, 0, &out), "run");
  CHECK(run == NULL && out == NULL, "output written on failure");

  temporal_workflow_run *real = NULL;
  CHECK_OK(get_wf("x", NULL, &real));
  CHECK_NULL_ARG(temporal_get_result(real, 0, NULL), "result_json_out");

  CHECK(temporal_workflow_run_get_id(NULL) == NULL, "get_id(NULL) not NULL");
  CHECK(temporal_workflow_run_get_run_id(NULL) == NULL, "get_run_id(NULL) not NULL");
  CHECK(temporal_error_get_code(NULL) == TEMPORAL_ERROR_CODE_OK, "get_code(NULL) not OK");
  CHECK_STREQ(temporal_error_get_message(NULL), "");
  CHECK(temporal_error_get_details(NULL) == NULL, "get_details(NULL) not NULL");

  temporal_client_options_default(NULL);
  temporal_start_workflow_options_default(NULL);
  temporal_string_free(NULL);
  temporal_client_free(NULL);
  temporal_error_free(NULL);
  temporal_workflow_run_free(NULL);
  return true;
}

static bool test_wrong_handle_kind(void) {
  /* An error object passed where a run is expected: the library checks a tag. */
  temporal_error *err = keep_err(temporal_get_workflow(g_client, NULL, NULL, NULL));
  CHECK(err != NULL, "no error to use as a fake handle");
  const temporal_workflow_run *fake = (const temporal_workflow_run *)(const void *)err;
  char *out = NULL;
  temporal_error *e = keep_err(temporal_get_result(fake, 0, &out));
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK(out == NULL, "result written on failure");
  CHECK(temporal_workflow_run_get_id(fake) == NULL, "get_id of a non-run not NULL");
  CHECK(temporal_workflow_run_get_run_id(fake) == NULL, "get_run_id of a non-run not NULL");

  /* A run passed where an error is expected. */
  temporal_workflow_run *run = NULL;
  CHECK_OK(get_wf("x", NULL, &run));
  const temporal_error *not_error = (const temporal_error *)(const void *)run;
  CHECK(temporal_error_get_code(not_error) == TEMPORAL_ERROR_CODE_INVALID_ARGUMENT,
        "get_code of a non-error: %d", (int)temporal_error_get_code(not_error));
  CHECK_STREQ(temporal_error_get_message(not_error), "");
  CHECK(temporal_error_get_details(not_error) == NULL, "details of a non-error not NULL");
  return true;
}

struct thread_job {
  int index;
  bool ok;
  char detail[256];
};

static void *greet_thread(void *arg) {
  struct thread_job *job = (struct thread_job *)arg;
  char args[64], want[64];
  snprintf(args, sizeof args, "[\"T%d\"]", job->index);
  snprintf(want, sizeof want, "\"Hello T%d!\"", job->index);
  temporal_start_workflow_options o;
  opts_for(&o, new_id("thread"));
  temporal_workflow_run *run = NULL;
  temporal_error *e = start("GreetingWorkflow", args, &o, &run);
  char *out = NULL;
  if (!e) e = result(run, 60000, &out);
  if (e) {
    snprintf(job->detail, sizeof job->detail, "%s: %s", code_name(e),
             temporal_error_get_message(e));
  } else if (strcmp(out, want) != 0) {
    snprintf(job->detail, sizeof job->detail, "got %s, want %s", out, want);
  } else {
    job->ok = true;
  }
  return NULL;
}

static bool test_many_threads(void) {
  enum { N = 8 };
  pthread_t threads[N];
  struct thread_job jobs[N];
  memset(jobs, 0, sizeof jobs);
  int started = 0;
  for (int i = 0; i < N; i++) {
    jobs[i].index = i;
    if (pthread_create(&threads[i], NULL, greet_thread, &jobs[i]) != 0) break;
    started++;
  }
  for (int i = 0; i < started; i++) pthread_join(threads[i], NULL);
  CHECK(started == N, "only %d threads started", started);
  for (int i = 0; i < N; i++) CHECK(jobs[i].ok, "thread %d: %s", i, jobs[i].detail);
  return true;
}

/* Many threads waiting on one shared run. */
struct shared_wait {
  const temporal_workflow_run *run;
  bool ok;
};

static void *wait_shared(void *arg) {
  struct shared_wait *w = (struct shared_wait *)arg;
  char *out = NULL;
  temporal_error *e = result(w->run, 60000, &out);
  w->ok = !e && strcmp(out, "\"unblocked: go\"") == 0;
  return NULL;
}

static bool test_threads_share_one_run(void) {
  const char *id = new_id("shared-run");
  temporal_start_workflow_options o;
  opts_for(&o, id);
  temporal_workflow_run *run = NULL;
  CHECK_OK(start("Block", NULL, &o, &run));
  enum { N = 4 };
  pthread_t threads[N];
  struct shared_wait waits[N];
  for (int i = 0; i < N; i++) {
    waits[i].run = run;
    waits[i].ok = false;
    if (pthread_create(&threads[i], NULL, wait_shared, &waits[i]) != 0) abort();
  }
  bool signaled = cli("signal", id, NULL, "--name unblock --input '\"go\"'");
  if (!signaled) terminate(id, NULL, "cleanup");
  for (int i = 0; i < N; i++) pthread_join(threads[i], NULL);
  CHECK(signaled, "temporal workflow signal failed");
  for (int i = 0; i < N; i++) CHECK(waits[i].ok, "waiter %d failed", i);
  return true;
}

/* ---------------------------------------------------------------- runner */

struct test_case {
  const char *name;
  bool (*fn)(void);
};

static const struct test_case TESTS[] = {
    {"version", test_version},
    {"error_code_names", test_error_code_names},
    {"start_and_get_result", test_start_and_get_result},
    {"structured_args", test_structured_args},
    {"unicode_args", test_unicode_args},
    {"echo_null", test_echo_null},
    {"no_result", test_no_result},
    {"return_bytes", test_return_bytes},
    {"custom_encoding_is_payload_error", test_custom_encoding},
    {"generated_id", test_generated_id},
    {"missing_task_queue", test_missing_task_queue},
    {"already_running_reattaches", test_already_running_reattaches},
    {"reuse_policy_reject_duplicate", test_reuse_policy_reject_duplicate},
    {"conflict_policies", test_conflict_policies},
    {"workflow_failed", test_workflow_failed},
    {"workflow_canceled", test_workflow_canceled},
    {"workflow_terminated", test_workflow_terminated},
    {"workflow_timed_out", test_workflow_timed_out},
    {"continue_as_new", test_continue_as_new},
    {"retry_followed", test_retry_followed},
    {"get_result_timeout", test_get_result_timeout},
    {"get_workflow", test_get_workflow},
    {"get_workflow_not_found", test_get_workflow_not_found},
    {"memo_and_search_attributes", test_memo_and_search_attributes},
    {"cron_schedule", test_cron_schedule},
    {"connect_dead_port", test_connect_dead_port},
    {"connect_bad_options", test_connect_bad_options},
    {"bad_arguments", test_bad_arguments},
    {"null_arguments", test_null_arguments},
    {"wrong_handle_kind", test_wrong_handle_kind},
    {"many_threads", test_many_threads},
    {"threads_share_one_run", test_threads_share_one_run},
};

int main(int argc, char **argv) {
  const char *filter = argc > 1 ? argv[1] : NULL;
  g_address = getenv("TEMPORAL_ADDRESS");
  g_queue = getenv("TEMPORAL_TEST_TASK_QUEUE");
  g_cli = getenv("TEMPORAL_CLI");
  if (!g_address || !*g_address || !g_queue || !*g_queue) {
    fprintf(stderr, "test_temporal: TEMPORAL_ADDRESS and TEMPORAL_TEST_TASK_QUEUE must be set; "
                    "run it with tests/harness/with-dev-server.sh\n");
    return 2;
  }
  if (!g_cli || !*g_cli) g_cli = "temporal";

  temporal_client_options co;
  temporal_client_options_default(&co);
  co.address = g_address;
  temporal_error *e = temporal_client_connect(&co, &g_client);
  if (e) {
    fprintf(stderr, "test_temporal: cannot connect to %s: %s: %s\n", g_address, code_name(e),
            temporal_error_get_message(e));
    temporal_error_free(e);
    return 1;
  }

  int passed = 0, failed = 0;
  for (size_t i = 0; i < sizeof TESTS / sizeof TESTS[0]; i++) {
    if (filter && !strstr(TESTS[i].name, filter)) continue;
    g_msg[0] = '\0';
    double t0 = now_s();
    bool ok = TESTS[i].fn();
    double elapsed = now_s() - t0;
    free_kept();
    if (ok) {
      passed++;
      printf("PASS %-36s (%.2f s)\n", TESTS[i].name, elapsed);
    } else {
      failed++;
      printf("FAIL %-36s (%.2f s) %s\n", TESTS[i].name, elapsed, g_msg);
    }
    fflush(stdout);
  }
  temporal_client_free(g_client);
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
