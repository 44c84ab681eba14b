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
 *
 * The start and result helpers take turns through the four ways of completing a call (the
 * blocking wrapper, temporal_call_wait, a callback, a completion queue), so every case that
 * starts a workflow or waits for one runs on each form in turn; a failure names the form. The
 * tests of the other operations go through the forms explicitly.
 * Compiles as C11 and as C++17.
 */
#define _POSIX_C_SOURCE 200809L

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "temporal.h"

/* ---------------------------------------------------------------- framework */

/* A failure of the completion machinery itself (a call that never completed, or came back as
   another call): it fails the test whatever the test checked. Guarded by g_mu. */
static char g_harness_msg[1024];
static temporal_client *g_client;
static const char *g_address;
static const char *g_queue;
static const char *g_cli;

/* A callback's record of what it received (see on_complete). */
struct delivery {
  pthread_mutex_t mu;
  pthread_cond_t cv;
  int count;                 /* callbacks run so far */
  temporal_call *call;       /* the call the last one received */
  bool free_in_callback;     /* free the call inside the callback, after reading it */
  int code;                  /* with free_in_callback: the call's error code */
  char json[2048];           /* with free_in_callback: the call's JSON ("" if none) */
  const temporal_workflow_run *block_on; /* non-NULL: try a blocking call inside the callback */
  int blocking_code;         /* ... and the code it returned */
  bool abandoned;            /* a callback is overdue: never free this record */
};

/* Resources freed after each test. Guarded by a mutex: the threads test registers too. */
enum kept_kind { KEPT_ERROR, KEPT_STRING, KEPT_RUN, KEPT_MALLOC, KEPT_CALL, KEPT_QUEUE, KEPT_DELIVERY };
struct kept {
  enum kept_kind kind;
  void *ptr;
};
static struct kept g_kept[1024];
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
      case KEPT_CALL: temporal_call_free((temporal_call *)k.ptr); break;
      case KEPT_QUEUE: temporal_completion_queue_free((temporal_completion_queue *)k.ptr); break;
      case KEPT_DELIVERY: {
        struct delivery *d = (struct delivery *)k.ptr;
        /* A callback that is still to come would write into it: leak it instead. */
        if (!d->abandoned) {
          pthread_mutex_destroy(&d->mu);
          pthread_cond_destroy(&d->cv);
          free(d);
        }
        break;
      }
    }
  }
  pthread_mutex_unlock(&g_mu);
}

static temporal_error *keep_err(temporal_error *e) {
  keep(KEPT_ERROR, e);
  return e;
}

#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
static void harness_failure(const char *fmt, ...) {
  pthread_mutex_lock(&g_mu);
  if (!g_harness_msg[0]) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(g_harness_msg, sizeof g_harness_msg, fmt, ap);
    va_end(ap);
  }
  pthread_mutex_unlock(&g_mu);
}

/* An error object for a helper to return after a harness failure, so that the test stops at
   its next check (the runner reports the harness failure first). */
static const temporal_error *harness_error(void) {
  return keep_err(temporal_get_workflow(NULL, NULL, NULL, NULL));
}

/* ---------------------------------------------------------------- completion forms */

enum form { FORM_BLOCKING, FORM_WAIT, FORM_CALLBACK, FORM_QUEUE, FORM_COUNT };
static const char *const FORM_NAMES[FORM_COUNT] = {"blocking wrapper", "temporal_call_wait",
                                                    "callback", "completion queue"};

/* How long a helper waits for any call before it calls it lost: longer than every operation
   the tests start (each is bounded by its own timeout). */
enum { COMPLETION_LIMIT_MS = 120000 };

/* The next form in turn; `first` is where the cycle starts (FORM_WAIT for operations that have
   no blocking wrapper). */
static enum form next_form(enum form first) {
  static unsigned turn;
  pthread_mutex_lock(&g_mu);
  unsigned n = turn++;
  pthread_mutex_unlock(&g_mu);
  return (enum form)((unsigned)first + n % (unsigned)(FORM_COUNT - first));
}

static void on_complete(void *user_data, temporal_call *call) {
  struct delivery *d = (struct delivery *)user_data;
  pthread_mutex_lock(&d->mu);
  d->count++;
  d->call = call;
  if (call && d->block_on) {
    char *out = NULL;
    temporal_error *e = temporal_get_result(d->block_on, 1000, &out);
    d->blocking_code = (int)temporal_error_get_code(e);
    temporal_error_free(e);
    temporal_string_free(out);
  }
  if (call && d->free_in_callback) {
    d->code = (int)temporal_error_get_code(temporal_call_get_error(call));
    const char *json = temporal_call_get_json(call);
    snprintf(d->json, sizeof d->json, "%s", json ? json : "");
    temporal_call_free(call);
  }
  pthread_cond_broadcast(&d->cv);
  pthread_mutex_unlock(&d->mu);
}

/* A callback record, freed after the test. */
static struct delivery *new_delivery(void) {
  struct delivery *d = (struct delivery *)calloc(1, sizeof *d);
  if (!d) abort();
  pthread_mutex_init(&d->mu, NULL);
  pthread_cond_init(&d->cv, NULL);
  keep(KEPT_DELIVERY, d);
  return d;
}

/* Waits until `count` callbacks ran, at most `limit_ms`. Returns whether they did. */
static bool await_delivery(struct delivery *d, int count, long limit_ms) {
  struct timespec until;
  clock_gettime(CLOCK_REALTIME, &until);
  until.tv_sec += limit_ms / 1000;
  until.tv_nsec += (limit_ms % 1000) * 1000000L;
  if (until.tv_nsec >= 1000000000L) {
    until.tv_sec++;
    until.tv_nsec -= 1000000000L;
  }
  pthread_mutex_lock(&d->mu);
  int rc = 0;
  while (d->count < count && rc != ETIMEDOUT) rc = pthread_cond_timedwait(&d->cv, &d->mu, &until);
  bool reached = d->count >= count;
  if (!reached) d->abandoned = true;
  pthread_mutex_unlock(&d->mu);
  return reached;
}

static int delivered(struct delivery *d) {
  pthread_mutex_lock(&d->mu);
  int n = d->count;
  pthread_mutex_unlock(&d->mu);
  return n;
}

/* A call about to start in one form: its options, and the callback record or the queue. */
struct pending {
  enum form form;
  temporal_call_options options;
  struct delivery *delivery;
  temporal_completion_queue *queue;
};

/* Call options for `form` with this timeout (FORM_BLOCKING: plain options, for the wrapper). */
static void pending_init(struct pending *p, enum form form, uint64_t timeout_ms) {
  memset(p, 0, sizeof *p);
  p->form = form;
  temporal_call_options_default(&p->options, sizeof p->options);
  p->options.timeout_ms = timeout_ms;
  if (form == FORM_CALLBACK) {
    p->delivery = new_delivery();
    p->options.callback = on_complete;
    p->options.user_data = p->delivery;
  } else if (form == FORM_QUEUE) {
    /* One queue per call: the helpers also run on several threads at once, and a queue is
       drained from one thread (tests/c/test_completion_queue.c shares one queue). */
    temporal_error *e = temporal_completion_queue_new(&p->queue);
    if (e) {
      harness_failure("temporal_completion_queue_new: %s: %s", code_name(e), temporal_error_get_message(e));
      temporal_error_free(e);
    }
    keep(KEPT_QUEUE, p->queue);
    p->options.completion_queue = p->queue;
  }
}

/* Whether the queue's descriptor is readable within `timeout_ms`. */
static bool fd_readable(int fd, int timeout_ms) {
  struct pollfd pfd;
  pfd.fd = fd;
  pfd.events = POLLIN;
  pfd.revents = 0;
  int n;
  do n = poll(&pfd, 1, timeout_ms); while (n < 0 && errno == EINTR);
  return n > 0 && (pfd.revents & POLLIN);
}

/* Waits for a started call in its form and checks that it completed exactly once, as itself. */
static bool pending_complete(struct pending *p, temporal_call *call) {
  const char *form = FORM_NAMES[p->form];
  switch (p->form) {
    case FORM_BLOCKING:
    case FORM_WAIT: {
      temporal_error *e = temporal_call_wait(call, COMPLETION_LIMIT_MS);
      if (e) {
        harness_failure("%s: %s: %s", form, code_name(e), temporal_error_get_message(e));
        temporal_error_free(e);
        return false;
      }
      break;
    }
    case FORM_CALLBACK:
      if (!await_delivery(p->delivery, 1, COMPLETION_LIMIT_MS)) {
        harness_failure("%s: no callback within %d ms", form, COMPLETION_LIMIT_MS);
        return false;
      }
      if (p->delivery->call != call) {
        harness_failure("%s: the callback received %p, not the call %p", form,
                        (void *)p->delivery->call, (void *)call);
        return false;
      }
      break;
    case FORM_QUEUE: {
      int fd = temporal_completion_queue_fd(p->queue);
      if (!fd_readable(fd, COMPLETION_LIMIT_MS)) {
        harness_failure("%s: descriptor %d not readable within %d ms", form, fd, COMPLETION_LIMIT_MS);
        return false;
      }
      temporal_call *next = temporal_completion_queue_next(p->queue);
      temporal_call *extra = temporal_completion_queue_next(p->queue);
      if (next != call || extra != NULL) {
        harness_failure("%s: the queue gave %p then %p, not the call %p alone", form, (void *)next,
                        (void *)extra, (void *)call);
        return false;
      }
      if (fd_readable(fd, 0)) {
        harness_failure("%s: descriptor still readable after the queue was drained", form);
        return false;
      }
      break;
    }
    case FORM_COUNT: break;
  }
  if (!temporal_call_is_done(call)) {
    harness_failure("%s: completed but temporal_call_is_done is false", form);
    return false;
  }
  return true;
}

/*
 * Completes the call an _async operation started: `start_error` is what the operation returned
 * (a refused argument: no call started; the error is kept and returned), else the call in
 * `*call` is kept, completed in the pending form, and its error returned (NULL on success;
 * borrowed from the call, which lives until the end of the test).
 */
static const temporal_error *finish(struct pending *p, temporal_error *start_error, temporal_call **call) {
  if (start_error) {
    if (*call) harness_failure("%s: call_out written by a refused operation", FORM_NAMES[p->form]);
    return keep_err(start_error);
  }
  if (!*call) {
    harness_failure("%s: no error and no call", FORM_NAMES[p->form]);
    return harness_error();
  }
  keep(KEPT_CALL, *call);
  if (!pending_complete(p, *call)) return harness_error();
  return temporal_call_get_error(*call);
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
  temporal_start_workflow_options_default(o, sizeof *o);
  o->id = id;
  o->task_queue = g_queue;
}

/* Starts a workflow on the shared client, in the next completion form; the run and the error
   are kept. */
static const temporal_error *start(const char *type, const char *args,
                                   const temporal_start_workflow_options *o,
                                   temporal_workflow_run **run) {
  enum form form = next_form(FORM_BLOCKING);
  if (form == FORM_BLOCKING) {
    temporal_error *e = keep_err(temporal_execute_workflow(g_client, type, args, o, run));
    if (!e) keep(KEPT_RUN, *run);
    return e;
  }
  struct pending p;
  pending_init(&p, form, TEMPORAL_TIMEOUT_DEFAULT);
  temporal_call *call = NULL;
  const temporal_error *e =
      finish(&p, temporal_execute_workflow_async(g_client, type, args, o, &p.options, &call), &call);
  if (!e) {
    *run = temporal_call_take_run(call);
    if (!*run) {
      harness_failure("%s: a start without a run", FORM_NAMES[form]);
      return harness_error();
    }
    keep(KEPT_RUN, *run);
  }
  return e;
}

/* Waits for a run's result in the next completion form; the result (borrowed from its call or
   owned) and the error are kept. */
static const temporal_error *result(const temporal_workflow_run *run, uint64_t timeout_ms,
                                    const char **out) {
  enum form form = next_form(FORM_BLOCKING);
  if (form == FORM_BLOCKING) {
    char *owned = NULL;
    temporal_error *e = keep_err(temporal_get_result(run, timeout_ms, &owned));
    if (!e) {
      keep(KEPT_STRING, owned);
      *out = owned;
    }
    return e;
  }
  struct pending p;
  pending_init(&p, form, timeout_ms);
  temporal_call *call = NULL;
  const temporal_error *e = finish(&p, temporal_get_result_async(run, &p.options, &call), &call);
  if (!e) {
    *out = temporal_call_get_json(call);
    if (!*out) {
      harness_failure("%s: a result without JSON", FORM_NAMES[form]);
      return harness_error();
    }
  }
  return e;
}

/* temporal_get_workflow; the run and the error are kept. */
static const temporal_error *get_wf(const char *id, const char *run_id, temporal_workflow_run **run) {
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

static void sleep_ms(long ms) {
  struct timespec ts;
  ts.tv_sec = ms / 1000;
  ts.tv_nsec = (ms % 1000) * 1000000L;
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
  }
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

static int occurrences(const char *haystack, const char *needle) {
  int n = 0;
  for (const char *p = haystack ? strstr(haystack, needle) : NULL; p; p = strstr(p + 1, needle)) n++;
  return n;
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
    const char *out_ = NULL;                                    \
    *(err_out) = result(r_, 0, &out_);                          \
    CHECK(out_ == NULL, "result written on failure: %s", out_); \
  } while (0)

/* One operation on the shared client in `form`: `err` is the error it completed with (or was
   refused with), `call` the completed call (NULL if refused). Arguments after the operation's
   name are its own, without the call options and call_out. */
#define OP(form, timeout_ms, err, call, fn, ...)                                      \
  do {                                                                                \
    struct pending p_;                                                                \
    pending_init(&p_, (form), (timeout_ms));                                          \
    (call) = NULL;                                                                    \
    (err) = finish(&p_, fn(__VA_ARGS__, &p_.options, &(call)), &(call));             \
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
  const char *out = NULL;
  CHECK_OK(result(run, 0, &out));
  CHECK_STREQ(out, "\"Hello World!\"");
  /* A second wait on the same run gives the same result. */
  const char *again = NULL;
  CHECK_OK(result(run, 0, &again));
  CHECK_STREQ(again, "\"Hello World!\"");
  CHECK_STREQ(temporal_workflow_run_get_run_id(run), run_id);
  return true;
}

static bool test_structured_args(void) {
  const char *out = NULL;
  RUN_TO_RESULT("Concat", "[\"x\", 7, true, {\"k\": [1, 2]}]", new_id("concat"), &out);
  const char *c = compact(out);
  CHECK_CONTAINS(c, "\"a\":\"x\"");
  CHECK_CONTAINS(c, "\"b\":7");
  CHECK_CONTAINS(c, "\"c\":true");
  CHECK_CONTAINS(c, "\"d\":{\"k\":[1,2]}");
  return true;
}

static bool test_unicode_args(void) {
  const char *out = NULL;
  RUN_TO_RESULT("Echo", "[\"h\\u00e9llo \\\"w\\u00f6rld\\\" \xe2\x9c\x93 <&>\"]", new_id("utf8"),
                &out);
  /* Any valid JSON encoding of the same string is fine; compare the decoded characters. */
  CHECK(strstr(out, "h\xc3\xa9llo") || strstr(out, "h\\u00e9llo"), "got %s", out);
  CHECK(strstr(out, "\xe2\x9c\x93") || strstr(out, "\\u2713"), "got %s", out);
  CHECK_CONTAINS(out, "\\\"w");
  return true;
}

static bool test_echo_null(void) {
  const char *out = NULL;
  RUN_TO_RESULT("Echo", "[null]", new_id("echo-null"), &out);
  CHECK_STREQ(out, "null");
  return true;
}

static bool test_no_result(void) {
  const char *out = NULL;
  RUN_TO_RESULT("NoResult", NULL, new_id("noresult"), &out);
  CHECK_STREQ(out, "null");
  const char *out2 = NULL;
  RUN_TO_RESULT("NoResult", "[]", new_id("noresult"), &out2);
  CHECK_STREQ(out2, "null");
  return true;
}

static bool test_return_bytes(void) {
  const char *out = NULL;
  RUN_TO_RESULT("ReturnBytes", NULL, new_id("bytes"), &out);
  CHECK_STREQ(out, "\"cmF3IGJ5dGVz\"");
  return true;
}

static bool test_custom_encoding(void) {
  temporal_start_workflow_options o;
  opts_for(&o, new_id("custom-enc"));
  const temporal_error *e = NULL;
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
  const char *out = NULL;
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
  temporal_start_workflow_options_default(&o, sizeof o);
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
  /* The call form refuses it before starting a call. */
  temporal_call *call_sentinel = (temporal_call *)(void *)&o;
  temporal_call *call = call_sentinel;
  e = keep_err(temporal_execute_workflow_async(g_client, "Echo", "[1]", &o, NULL, &call));
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK_CONTAINS(temporal_error_get_message(e), "task queue");
  CHECK(call == call_sentinel, "call_out written on failure");
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
  const temporal_error *e = start("Block", NULL, &o, &second);
  if (!e) {
    CHECK_STREQ(temporal_workflow_run_get_id(second), id);
    CHECK_STREQ(temporal_workflow_run_get_run_id(second), run_id);
  }
  o.error_when_already_started = true;
  temporal_workflow_run *third = NULL;
  const temporal_error *e2 = start("Block", NULL, &o, &third);
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
  const char *out = NULL;
  CHECK_OK(result(first, 0, &out));
  const char *first_run_id = temporal_workflow_run_get_run_id(first);

  o.id_reuse_policy = TEMPORAL_WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE;
  o.error_when_already_started = true;
  temporal_workflow_run *second = NULL;
  const temporal_error *e = start("Echo", "[\"second\"]", &o, &second);
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_ALREADY_STARTED);
  CHECK_CONTAINS(temporal_error_get_details(e), first_run_id);

  o.error_when_already_started = false;
  temporal_workflow_run *third = NULL;
  CHECK_OK(start("Echo", "[\"third\"]", &o, &third));
  CHECK_STREQ(temporal_workflow_run_get_run_id(third), first_run_id);
  const char *out3 = NULL;
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
  const temporal_error *e_existing = start("Block", NULL, &o, &existing);

  o.id_conflict_policy = TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING;
  temporal_workflow_run *fresh = NULL;
  const temporal_error *e_fresh = start("Block", NULL, &o, &fresh);

  bool cleaned = terminate(id, NULL, "done");
  CHECK_OK(e_existing);
  CHECK_STREQ(temporal_workflow_run_get_run_id(existing), run1);
  CHECK_OK(e_fresh);
  const char *run2 = temporal_workflow_run_get_run_id(fresh);
  CHECK(run2 && *run2 && strcmp(run2, run1) != 0, "TERMINATE_EXISTING kept run %s", run1);

  temporal_workflow_run *old = NULL;
  CHECK_OK(get_wf(id, run1, &old));
  CHECK_STREQ(temporal_workflow_run_get_run_id(old), run1);
  const char *out = NULL;
  CHECK_CODE(result(old, 0, &out), TEMPORAL_ERROR_CODE_WORKFLOW_TERMINATED);
  CHECK(out == NULL, "result written on failure");
  CHECK(cleaned, "temporal workflow terminate failed");
  return true;
}

static bool test_workflow_failed(void) {
  temporal_start_workflow_options o;
  opts_for(&o, new_id("fail"));
  const temporal_error *e = NULL;
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
  /* "display" at each level of the chain: the Go SDK's Error() text there, causes included; the
     outcome's own "display" is the chain's text. */
  CHECK_CONTAINS(d, "\"display\":\"boom (type: MyError, retryable: false): root cause: boom\"");
  CHECK_CONTAINS(d, "\"cause\":{");
  CHECK_CONTAINS(d, "\"display\":\"root cause: boom\"");
  CHECK(occurrences(d, "\"display\":") == occurrences(d, "\"message\":") + 1,
        "%d levels with a message, %d displays (one of them the outcome's): %s",
        occurrences(d, "\"message\":"), occurrences(d, "\"display\":"), d);
  CHECK(occurrences(d, "\"display\":\"boom (type: MyError, retryable: false): root cause: boom\"") == 2,
        "the outcome's display is not the chain's text: %s", d);
  return true;
}

static bool test_workflow_canceled(void) {
  const char *id = new_id("cancel");
  temporal_start_workflow_options o;
  opts_for(&o, id);
  temporal_workflow_run *run = NULL;
  CHECK_OK(start("Block", NULL, &o, &run));
  CHECK(cli("cancel", id, NULL, NULL), "temporal workflow cancel failed");
  const char *out = NULL;
  const temporal_error *e = result(run, 30000, &out);
  if (temporal_error_get_code(e) != TEMPORAL_ERROR_CODE_WORKFLOW_CANCELED) terminate(id, NULL, "cleanup");
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_WORKFLOW_CANCELED);
  CHECK_CONTAINS(temporal_error_get_details(e), temporal_workflow_run_get_run_id(run));
  CHECK_CONTAINS(compact(temporal_error_get_details(e)), "\"display\":\"canceled\"");
  return true;
}

static bool test_workflow_terminated(void) {
  const char *id = new_id("terminate");
  temporal_start_workflow_options o;
  opts_for(&o, id);
  temporal_workflow_run *run = NULL;
  CHECK_OK(start("Block", NULL, &o, &run));
  CHECK(terminate(id, NULL, "because"), "temporal workflow terminate failed");
  const char *out = NULL;
  const temporal_error *e = result(run, 30000, &out);
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_WORKFLOW_TERMINATED);
  CHECK_CONTAINS(compact(temporal_error_get_details(e)), "\"reason\":\"because\"");
  CHECK_CONTAINS(compact(temporal_error_get_details(e)), "\"display\":\"terminated\"");
  return true;
}

static bool test_workflow_timed_out(void) {
  temporal_start_workflow_options o;
  opts_for(&o, new_id("timeout"));
  o.execution_timeout_ms = 1000;
  const temporal_error *e = NULL;
  RUN_TO_ERROR("Sleep", "[60000]", &o, &e);
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_WORKFLOW_TIMED_OUT);
  CHECK_CONTAINS(compact(temporal_error_get_details(e)), "\"display\":\"Workflow timeout (type: StartToClose)\"");
  return true;
}

static bool test_continue_as_new(void) {
  const char *out = NULL;
  RUN_TO_RESULT("ContinueAsNew", "[3, 0]", new_id("can"), &out);
  CHECK_STREQ(out, "3");
  return true;
}

static bool test_retry_followed(void) {
  temporal_retry_policy rp;
  temporal_retry_policy_default(&rp, sizeof rp);
  rp.initial_interval_ms = 100;
  rp.maximum_attempts = 3;
  temporal_start_workflow_options o;
  opts_for(&o, new_id("retry"));
  o.retry_policy = &rp;
  temporal_workflow_run *run = NULL;
  CHECK_OK(start("FailFirstAttempt", NULL, &o, &run));
  const char *out = NULL;
  CHECK_OK(result(run, 0, &out));
  CHECK_STREQ(out, "\"succeeded on attempt 2\"");

  /* Without a retry policy the first failure is final. */
  temporal_start_workflow_options o2;
  opts_for(&o2, new_id("no-retry"));
  const temporal_error *e = NULL;
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
  const char *out = NULL;
  double t0 = now_s();
  const temporal_error *e = result(run, 300, &out);
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
  const char *out = NULL;
  CHECK_OK(result(run, 0, &out));

  /* By ID only: the latest run. */
  temporal_workflow_run *by_id = NULL;
  CHECK_OK(get_wf(id, NULL, &by_id));
  CHECK_STREQ(temporal_workflow_run_get_id(by_id), id);
  const char *out2 = NULL;
  CHECK_OK(result(by_id, 0, &out2));
  CHECK_STREQ(out2, "\"reattached\"");
  CHECK_STREQ(temporal_workflow_run_get_run_id(by_id), temporal_workflow_run_get_run_id(run));

  /* "" as "not set". Before a result wait the Run ID is not known yet (get_run_id never
     blocks); resolving it asks the server once. */
  temporal_workflow_run *by_id2 = NULL;
  CHECK_OK(get_wf(id, "", &by_id2));
  CHECK_STREQ(temporal_workflow_run_get_run_id(by_id2), "");
  temporal_call *call = NULL;
  const temporal_error *e = NULL;
  OP(next_form(FORM_WAIT), TEMPORAL_TIMEOUT_DEFAULT, e, call, temporal_workflow_run_resolve_run_id_async, by_id2);
  CHECK_OK(e);
  CHECK_STREQ(temporal_workflow_run_get_run_id(by_id2), temporal_workflow_run_get_run_id(run));

  /* By ID and run ID. */
  temporal_workflow_run *by_run = NULL;
  CHECK_OK(get_wf(id, temporal_workflow_run_get_run_id(run), &by_run));
  CHECK_STREQ(temporal_workflow_run_get_run_id(by_run), temporal_workflow_run_get_run_id(run));
  const char *out3 = NULL;
  CHECK_OK(result(by_run, 0, &out3));
  CHECK_STREQ(out3, "\"reattached\"");
  return true;
}

static bool test_get_workflow_not_found(void) {
  temporal_workflow_run *run = NULL;
  CHECK_OK(get_wf(new_id("never-started"), NULL, &run));
  const char *out = NULL;
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
  const char *out = NULL;
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
  const temporal_error *e = start("GetMemoAndSearchInfo", NULL, &o, &run);
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
  temporal_client_options_default(&co, sizeof co);
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
  temporal_client_options_default(&co, sizeof co);
  co.address = g_address;
  co.grpc_metadata_json = "not json";
  temporal_client *client = NULL;
  temporal_error *e = keep_err(temporal_client_connect(&co, &client));
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK(client == NULL, "client_out written on failure");

  /* A second client on the same server works and is independent of the shared one. */
  temporal_client_options_default(&co, sizeof co);
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
    const temporal_error *e = start("Echo", bad_args[i], &o, &run);
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
  temporal_retry_policy_default(&rp, sizeof rp);
  rp.backoff_coefficient = 0.5; /* documented: otherwise at least 1 */
  bad = o;
  bad.retry_policy = &rp;
  /* Checked by message too: a struct without its size would be refused as well. */
  const temporal_error *bad_backoff = start("Echo", "[1]", &bad, &run);
  CHECK_CODE(bad_backoff, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK_CONTAINS(temporal_error_get_message(bad_backoff), "backoff");
  temporal_retry_policy_default(&rp, sizeof rp);
  rp.non_retryable_error_types_json = "{";
  const temporal_error *bad_types = start("Echo", "[1]", &bad, &run);
  CHECK_CODE(bad_types, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK_CONTAINS(temporal_error_get_message(bad_types), "non_retryable_error_types");
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

  /* Calls and queues. */
  temporal_call *call = NULL;
  CHECK_NULL_ARG(temporal_count_workflow_async(NULL, NULL, NULL, &call), "client");
  CHECK_NULL_ARG(temporal_count_workflow_async(g_client, NULL, NULL, NULL), "call_out");
  CHECK_NULL_ARG(temporal_get_result_async(NULL, NULL, &call), "run");
  CHECK_NULL_ARG(temporal_workflow_run_resolve_run_id_async(NULL, NULL, &call), "run");
  CHECK_NULL_ARG(temporal_client_connect_async(NULL, NULL, NULL), "call_out");
  CHECK_NULL_ARG(temporal_completion_queue_new(NULL), "queue_out");
  CHECK(call == NULL, "call_out written on failure");
  CHECK_NULL_ARG(temporal_call_wait(NULL, 0), "call");
  int64_t count = 42;
  CHECK(!temporal_call_is_done(NULL), "is_done(NULL)");
  CHECK(temporal_call_get_error(NULL) == NULL, "get_error(NULL) not NULL");
  CHECK(temporal_call_get_json(NULL) == NULL, "get_json(NULL) not NULL");
  CHECK(temporal_call_take_run(NULL) == NULL, "take_run(NULL) not NULL");
  CHECK(temporal_call_take_client(NULL) == NULL, "take_client(NULL) not NULL");
  CHECK(!temporal_call_get_count(NULL, &count) && count == 42, "get_count(NULL)");
  CHECK(temporal_call_get_update_id(NULL) == NULL, "get_update_id(NULL) not NULL");
  CHECK(temporal_call_get_user_data(NULL) == NULL, "get_user_data(NULL) not NULL");
  CHECK(temporal_completion_queue_fd(NULL) == -1, "queue_fd(NULL) not -1");
  CHECK(temporal_completion_queue_next(NULL) == NULL, "queue_next(NULL) not NULL");

  CHECK(!temporal_client_options_default(NULL, sizeof(temporal_client_options)), "client_options_default(NULL)");
  CHECK(!temporal_start_workflow_options_default(NULL, sizeof(temporal_start_workflow_options)),
        "start_workflow_options_default(NULL)");
  CHECK(!temporal_retry_policy_default(NULL, sizeof(temporal_retry_policy)), "retry_policy_default(NULL)");
  CHECK(!temporal_call_options_default(NULL, sizeof(temporal_call_options)), "call_options_default(NULL)");
  CHECK(!temporal_runtime_options_default(NULL, sizeof(temporal_runtime_options)), "runtime_options_default(NULL)");
  temporal_string_free(NULL);
  temporal_client_free(NULL);
  temporal_error_free(NULL);
  temporal_workflow_run_free(NULL);
  temporal_call_cancel(NULL);
  temporal_call_free(NULL);
  temporal_completion_queue_free(NULL);
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

  /* An error passed as a call, and a run passed as a completion queue. */
  const temporal_call *not_call = (const temporal_call *)(const void *)err;
  CHECK_CODE(keep_err(temporal_call_wait(not_call, 0)), TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK(!temporal_call_is_done(not_call), "is_done of a non-call");
  CHECK(temporal_call_get_json(not_call) == NULL, "get_json of a non-call not NULL");
  CHECK(temporal_call_get_user_data(not_call) == NULL, "get_user_data of a non-call not NULL");
  temporal_call_options co;
  temporal_call_options_default(&co, sizeof co);
  co.completion_queue = (temporal_completion_queue *)(void *)run;
  temporal_call *call = NULL;
  CHECK_CODE(keep_err(temporal_count_workflow_async(g_client, NULL, &co, &call)),
             TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK(call == NULL, "call_out written on failure");
  CHECK(temporal_completion_queue_fd((const temporal_completion_queue *)(const void *)run) == -1,
        "queue_fd of a non-queue not -1");
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
  const temporal_error *e = start("GreetingWorkflow", args, &o, &run);
  const char *out = NULL;
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
  const char *out = NULL;
  const temporal_error *e = result(w->run, 60000, &out);
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


/* ---------------------------------------------------------------- the call ABI */

/* Terminates a workflow through the library (cleanup of the tests of the call ABI). */
static bool api_terminate(const char *id) {
  temporal_call *call = NULL;
  const temporal_error *e = NULL;
  OP(FORM_WAIT, TEMPORAL_TIMEOUT_DEFAULT, e, call, temporal_terminate_workflow_async, g_client, id,
     NULL, "test cleanup", NULL);
  return e == NULL;
}

/* Starts a workflow and waits for its result: a finished run for the tests that need one. */
#define FINISHED_RUN(type, args, id, run_out)                   \
  do {                                                          \
    temporal_start_workflow_options o_;                         \
    opts_for(&o_, (id));                                        \
    CHECK_OK(start((type), (args), &o_, (run_out)));            \
    const char *out_ = NULL;                                    \
    CHECK_OK(result(*(run_out), 0, &out_));                     \
  } while (0)

static bool test_struct_size_rules(void) {
  temporal_call *call = NULL;
  const temporal_error *e = NULL;
  struct pending wait_only; /* for the calls below that bring their own call options */
  pending_init(&wait_only, FORM_WAIT, TEMPORAL_TIMEOUT_DEFAULT);

  /* size 0: a struct that was not initialised with its _default function. */
  temporal_call_options zero_call;
  memset(&zero_call, 0, sizeof zero_call);
  e = keep_err(temporal_count_workflow_async(g_client, NULL, &zero_call, &call));
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK_CONTAINS(temporal_error_get_message(e), "_default");
  CHECK(call == NULL, "call_out written on failure");

  temporal_start_workflow_options zero_start;
  memset(&zero_start, 0, sizeof zero_start);
  zero_start.task_queue = g_queue;
  e = keep_err(temporal_execute_workflow_async(g_client, "Echo", "[1]", &zero_start, NULL, &call));
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK_CONTAINS(temporal_error_get_message(e), "_default");

  temporal_client_options zero_client;
  memset(&zero_client, 0, sizeof zero_client);
  zero_client.address = g_address;
  temporal_client *client = NULL;
  e = keep_err(temporal_client_connect(&zero_client, &client));
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK_CONTAINS(temporal_error_get_message(e), "_default");
  CHECK(client == NULL, "client_out written on failure");

  temporal_retry_policy zero_policy;
  memset(&zero_policy, 0, sizeof zero_policy);
  zero_policy.maximum_attempts = 2;
  temporal_start_workflow_options o;
  opts_for(&o, new_id("size-rules"));
  o.retry_policy = &zero_policy;
  temporal_workflow_run *run = NULL;
  e = start("Echo", "[1]", &o, &run);
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK_CONTAINS(temporal_error_get_message(e), "_default");
  o.retry_policy = NULL;

  /* A size smaller than the size field itself, or absurdly large: the _default functions
     refuse it and write nothing, the operations refuse it. */
  temporal_call_options co;
  memset(&co, 0xab, sizeof co);
  CHECK(!temporal_call_options_default(&co, 4), "default with size 4");
  CHECK(!temporal_call_options_default(&co, sizeof co + 1), "default with a misaligned size");
  CHECK(!temporal_call_options_default(&co, (size_t)1 << 40), "default with a huge size");
  CHECK(((const unsigned char *)&co)[0] == 0xab, "a refused default wrote");
  CHECK(temporal_call_options_default(&co, sizeof co), "default");
  CHECK(co.size == sizeof co, "call options size %zu, want %zu", co.size, sizeof co);
  co.size = 4;
  CHECK_CODE(keep_err(temporal_count_workflow_async(g_client, NULL, &co, &call)),
             TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  co.size = (size_t)1 << 40;
  CHECK_CODE(keep_err(temporal_count_workflow_async(g_client, NULL, &co, &call)),
             TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK(call == NULL, "call_out written on failure");

  /* A program built with an older, smaller header: the fields past its size are not read (here
     a completion queue that is not one, which the library would refuse if it read it). */
  const size_t older_size = offsetof(temporal_call_options, callback);
  temporal_call_options older;
  memset(&older, 0xab, sizeof older);
  CHECK(temporal_call_options_default(&older, older_size), "default with an older size");
  CHECK(older.size == older_size && older.timeout_ms == 0, "size %zu, timeout %llu", older.size,
        (unsigned long long)older.timeout_ms);
  CHECK(((const unsigned char *)&older)[older_size] == 0xab, "default wrote past the size it was given");
  older.timeout_ms = 5000;
  older.callback = NULL;
  older.completion_queue = (temporal_completion_queue *)(void *)&older;
  e = finish(&wait_only, temporal_count_workflow_async(g_client, NULL, &older, &call), &call);
  CHECK_OK(e);

  /* A program built with a newer, larger header: unknown fields left zero are accepted, a set
     one is refused (the library cannot honour an option it does not know). */
  struct newer_call_options {
    temporal_call_options known;
    uint64_t added;
  } newer_call;
  CHECK(temporal_call_options_default(&newer_call.known, sizeof newer_call), "default of a larger struct");
  CHECK(newer_call.known.size == sizeof newer_call && newer_call.added == 0, "size %zu, added %llu",
        newer_call.known.size, (unsigned long long)newer_call.added);
  e = finish(&wait_only, temporal_count_workflow_async(g_client, NULL, &newer_call.known, &call), &call);
  CHECK_OK(e);
  newer_call.added = 1;
  call = NULL;
  e = keep_err(temporal_count_workflow_async(g_client, NULL, &newer_call.known, &call));
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK_CONTAINS(temporal_error_get_message(e), "unknown fields");
  CHECK(call == NULL, "call_out written on failure");

  struct newer_start_options {
    temporal_start_workflow_options known;
    uint64_t added;
  } newer_start;
  CHECK(temporal_start_workflow_options_default(&newer_start.known, sizeof newer_start),
        "default of a larger struct");
  newer_start.known.id = new_id("size-rules-newer");
  newer_start.known.task_queue = g_queue;
  CHECK_OK(start("Echo", "[1]", &newer_start.known, &run));
  newer_start.added = 1;
  e = start("Echo", "[1]", &newer_start.known, &run);
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK_CONTAINS(temporal_error_get_message(e), "unknown fields");

  struct newer_retry_policy {
    temporal_retry_policy known;
    uint64_t added;
  } newer_policy;
  CHECK(temporal_retry_policy_default(&newer_policy.known, sizeof newer_policy), "default of a larger struct");
  opts_for(&o, new_id("size-rules-policy"));
  o.retry_policy = &newer_policy.known;
  CHECK_OK(start("Echo", "[1]", &o, &run));
  newer_policy.added = 1;
  CHECK_CODE(start("Echo", "[1]", &o, &run), TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);

  struct newer_client_options {
    temporal_client_options known;
    uint64_t added;
  } newer_client;
  CHECK(temporal_client_options_default(&newer_client.known, sizeof newer_client), "default of a larger struct");
  newer_client.known.address = g_address;
  CHECK_OK(keep_err(temporal_client_connect(&newer_client.known, &client)));
  temporal_client_free(client);
  client = NULL;
  newer_client.added = 1;
  CHECK_CODE(keep_err(temporal_client_connect(&newer_client.known, &client)),
             TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK(client == NULL, "client_out written on failure");

  /* A bool field is 0 or 1. */
  opts_for(&o, new_id("size-rules-bool"));
  memset(&o.error_when_already_started, 2, 1);
  e = start("Echo", "[1]", &o, &run);
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK_CONTAINS(temporal_error_get_message(e), "error_when_already_started");
  return true;
}

static bool test_timeout_vocabulary(void) {
  temporal_workflow_run *run = NULL;
  FINISHED_RUN("Echo", "[\"t\"]", new_id("timeouts"), &run);
  temporal_call *call = NULL;
  const temporal_error *e = NULL;

  /* No limit, and the longest limit, are accepted. */
  OP(next_form(FORM_WAIT), TEMPORAL_TIMEOUT_NONE, e, call, temporal_count_workflow_async, g_client, NULL);
  CHECK_OK(e);
  OP(next_form(FORM_WAIT), TEMPORAL_MAX_DURATION_MS, e, call, temporal_count_workflow_async, g_client, NULL);
  CHECK_OK(e);
  OP(next_form(FORM_WAIT), TEMPORAL_TIMEOUT_NONE, e, call, temporal_get_result_async, run);
  CHECK_OK(e);
  CHECK_STREQ(temporal_call_get_json(call), "\"t\"");
  char *out = NULL;
  CHECK_OK(keep_err(temporal_get_result(run, TEMPORAL_TIMEOUT_NONE, &out)));
  keep(KEPT_STRING, out);
  CHECK_OK(keep_err(temporal_call_wait(call, TEMPORAL_TIMEOUT_NONE)));

  /* One past the longest is refused, wherever a duration goes in. */
  const uint64_t too_long = (uint64_t)TEMPORAL_MAX_DURATION_MS + 1;
  temporal_call_options co;
  temporal_call_options_default(&co, sizeof co);
  co.timeout_ms = too_long;
  temporal_call *refused = NULL;
  e = keep_err(temporal_count_workflow_async(g_client, NULL, &co, &refused));
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK_CONTAINS(temporal_error_get_message(e), "timeout_ms");
  CHECK(refused == NULL, "call_out written on failure");
  char *none = NULL;
  CHECK_CODE(keep_err(temporal_get_result(run, too_long, &none)), TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK(none == NULL, "result written on failure");
  CHECK_CODE(keep_err(temporal_call_wait(call, too_long)), TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);

  temporal_start_workflow_options o;
  opts_for(&o, new_id("timeouts-start"));
  o.execution_timeout_ms = too_long;
  temporal_workflow_run *never = NULL;
  e = start("Echo", "[1]", &o, &never);
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK_CONTAINS(temporal_error_get_message(e), "execution_timeout_ms");
  opts_for(&o, new_id("timeouts-start"));
  o.start_delay_ms = too_long;
  CHECK_CODE(start("Echo", "[1]", &o, &never), TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  temporal_retry_policy rp;
  temporal_retry_policy_default(&rp, sizeof rp);
  rp.initial_interval_ms = too_long;
  opts_for(&o, new_id("timeouts-start"));
  o.retry_policy = &rp;
  CHECK_CODE(start("Echo", "[1]", &o, &never), TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK(never == NULL, "run_out written on failure");

  temporal_client_options cl;
  temporal_client_options_default(&cl, sizeof cl);
  cl.address = g_address;
  cl.connect_timeout_ms = too_long;
  temporal_client *client = NULL;
  e = keep_err(temporal_client_connect(&cl, &client));
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK_CONTAINS(temporal_error_get_message(e), "connect_timeout_ms");
  return true;
}

static bool test_call_wait_timeout_leaves_call_running(void) {
  const char *id = new_id("wait-timeout");
  temporal_start_workflow_options o;
  opts_for(&o, id);
  temporal_workflow_run *run = NULL;
  CHECK_OK(start("Block", NULL, &o, &run));
  temporal_call *call = NULL;
  CHECK_OK(keep_err(temporal_get_result_async(run, NULL, &call)));
  keep(KEPT_CALL, call);

  double t0 = now_s();
  temporal_error *e = keep_err(temporal_call_wait(call, 300));
  double elapsed = now_s() - t0;
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED);
  CHECK(elapsed >= 0.25 && elapsed < 5.0, "waited %.2f s", elapsed);
  CHECK(!temporal_call_is_done(call), "done after a wait timeout");
  CHECK(temporal_call_get_error(call) == NULL, "an error on a call in flight");
  CHECK(temporal_call_get_json(call) == NULL, "a result on a call in flight");

  /* The call went on: once the workflow ends, it completes with the result. */
  temporal_call *signal = NULL;
  const temporal_error *se = NULL;
  OP(next_form(FORM_WAIT), TEMPORAL_TIMEOUT_DEFAULT, se, signal, temporal_signal_workflow_async,
     g_client, id, NULL, "unblock", "[\"go\"]");
  if (se) api_terminate(id);
  CHECK_OK(se);
  CHECK_OK(keep_err(temporal_call_wait(call, 30000)));
  CHECK(temporal_call_is_done(call), "not done after the wait");
  CHECK_OK(temporal_call_get_error(call));
  CHECK_STREQ(temporal_call_get_json(call), "\"unblocked: go\"");
  return true;
}

static bool test_unanswered_query_is_deadline_exceeded(void) {
  /* A workflow on a task queue no worker polls: its query can never be answered. */
  const char *id = new_id("unanswered-query");
  temporal_start_workflow_options o;
  opts_for(&o, id);
  o.task_queue = new_id("queue-nobody-polls");
  temporal_workflow_run *run = NULL;
  CHECK_OK(start("Echo", "[1]", &o, &run));

  /* Once per form: whichever side notices the deadline first (the client's timer, or the server
     cancelling the stream at the gRPC timeout it was sent), it is DEADLINE_EXCEEDED. */
  bool ok = true;
  for (int f = FORM_WAIT; f < FORM_COUNT && ok; f++) {
    temporal_call *call = NULL;
    const temporal_error *e = NULL;
    double t0 = now_s();
    OP((enum form)f, 2000, e, call, temporal_query_workflow_async, g_client, id, NULL, "anything", NULL);
    double elapsed = now_s() - t0;
    if (temporal_error_get_code(e) != TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED) {
      ok = fail_at(__LINE__, "code == DEADLINE_EXCEEDED", "%s: got %s: %s (details %s)", FORM_NAMES[f],
                   code_name(e), temporal_error_get_message(e),
                   temporal_error_get_details(e) ? temporal_error_get_details(e) : "none");
    } else if (elapsed < 1.5 || elapsed >= 10.0) {
      ok = fail_at(__LINE__, "1.5 <= elapsed < 10", "%s: the 2 s query ended after %.2f s",
                   FORM_NAMES[f], elapsed);
    }
  }
  bool cleaned = api_terminate(id);
  if (!ok) return false;
  CHECK(cleaned, "terminate failed");
  return true;
}

static bool test_cancel_call(void) {
  const char *id = new_id("cancel-call");
  temporal_start_workflow_options o;
  opts_for(&o, id);
  temporal_workflow_run *run = NULL;
  CHECK_OK(start("Block", NULL, &o, &run));

  /* A result wait in each form, canceled: it completes promptly with CANCELED. */
  for (int f = FORM_WAIT; f < FORM_COUNT; f++) {
    struct pending p;
    pending_init(&p, (enum form)f, TEMPORAL_TIMEOUT_DEFAULT);
    temporal_call *call = NULL;
    temporal_error *se = temporal_get_result_async(run, &p.options, &call);
    if (!se) temporal_call_cancel(call);
    double t0 = now_s();
    const temporal_error *e = finish(&p, se, &call);
    double elapsed = now_s() - t0;
    CHECK(temporal_error_get_code(e) == TEMPORAL_ERROR_CODE_CANCELED, "%s: got %s: %s",
          FORM_NAMES[f], code_name(e), temporal_error_get_message(e));
    CHECK(elapsed < 2.0, "%s: the cancel took %.2f s", FORM_NAMES[f], elapsed);
    CHECK(temporal_call_get_json(call) == NULL, "%s: a result after a cancel", FORM_NAMES[f]);
    /* Idempotent, and a completed call stays as it completed. */
    temporal_call_cancel(call);
    CHECK(temporal_error_get_code(temporal_call_get_error(call)) == TEMPORAL_ERROR_CODE_CANCELED,
          "%s: a second cancel changed the outcome", FORM_NAMES[f]);
  }

  /* Only the wait was canceled, not the workflow. */
  temporal_call *call = NULL;
  const temporal_error *e = NULL;
  OP(FORM_WAIT, TEMPORAL_TIMEOUT_DEFAULT, e, call, temporal_describe_workflow_execution_async,
     g_client, id, NULL);
  CHECK_OK(e);
  CHECK_CONTAINS(compact(temporal_call_get_json(call)), "\"status\":\"RUNNING\"");
  /* A cancel after completion changes nothing. */
  temporal_call_cancel(call);
  CHECK(temporal_call_get_error(call) == NULL, "a cancel after completion set an error");
  CHECK(temporal_call_get_json(call) != NULL, "a cancel after completion dropped the result");
  CHECK(api_terminate(id), "terminate failed");
  return true;
}

static bool test_callback_may_free_its_call(void) {
  const char *id = new_id("free-in-callback");
  temporal_workflow_run *run = NULL;
  FINISHED_RUN("Echo", "[1]", id, &run);

  struct delivery *d = new_delivery();
  d->free_in_callback = true;
  temporal_call_options co;
  temporal_call_options_default(&co, sizeof co);
  co.callback = on_complete;
  co.user_data = d;
  temporal_call *call = NULL;
  CHECK_OK(keep_err(temporal_describe_workflow_execution_async(g_client, id, NULL, &co, &call)));
  CHECK(await_delivery(d, 1, 30000), "no callback");
  CHECK(d->call == call, "the callback received %p, not the call %p", (void *)d->call, (void *)call);
  CHECK(d->code == TEMPORAL_ERROR_CODE_OK, "describe failed: %s", temporal_error_code_name(d->code));
  CHECK_CONTAINS(d->json, id);

  /* The same with an error outcome: the error is borrowed from the call and read before the free. */
  struct delivery *d2 = new_delivery();
  d2->free_in_callback = true;
  co.user_data = d2;
  const char *missing = new_id("free-in-callback-missing");
  CHECK_OK(keep_err(temporal_describe_workflow_execution_async(g_client, missing, NULL, &co, &call)));
  CHECK(await_delivery(d2, 1, 30000), "no callback");
  CHECK(d2->code == TEMPORAL_ERROR_CODE_NOT_FOUND, "got %s", temporal_error_code_name(d2->code));
  sleep_ms(100);
  CHECK(delivered(d) == 1 && delivered(d2) == 1, "callbacks ran %d and %d times", delivered(d), delivered(d2));
  return true;
}

static bool test_callback_after_free_gets_null(void) {
  const char *id = new_id("free-before-completion");
  temporal_start_workflow_options o;
  opts_for(&o, id);
  temporal_workflow_run *run = NULL;
  CHECK_OK(start("Block", NULL, &o, &run));

  struct delivery *d = new_delivery();
  temporal_call_options co;
  temporal_call_options_default(&co, sizeof co);
  co.callback = on_complete;
  co.user_data = d;
  temporal_call *call = NULL;
  CHECK_OK(keep_err(temporal_get_result_async(run, &co, &call)));
  temporal_call_free(call); /* before completion: the workflow is blocked */

  temporal_call *signal = NULL;
  const temporal_error *e = NULL;
  OP(next_form(FORM_WAIT), TEMPORAL_TIMEOUT_DEFAULT, e, signal, temporal_signal_workflow_async,
     g_client, id, NULL, "unblock", "[\"x\"]");
  if (e) api_terminate(id);
  CHECK_OK(e);
  CHECK(await_delivery(d, 1, 30000), "no callback after the workflow ended");
  CHECK(d->call == NULL, "the callback of a freed call received %p", (void *)d->call);
  sleep_ms(200);
  CHECK(delivered(d) == 1, "the callback ran %d times", delivered(d));
  return true;
}

static bool test_callback_refuses_blocking_calls(void) {
  const char *id = new_id("block-in-callback");
  temporal_workflow_run *run = NULL;
  FINISHED_RUN("Echo", "[1]", id, &run);
  struct delivery *d = new_delivery();
  d->block_on = run;
  temporal_call_options co;
  temporal_call_options_default(&co, sizeof co);
  co.callback = on_complete;
  co.user_data = d;
  temporal_call *call = NULL;
  CHECK_OK(keep_err(temporal_describe_workflow_execution_async(g_client, id, NULL, &co, &call)));
  keep(KEPT_CALL, call);
  CHECK(await_delivery(d, 1, 30000), "no callback");
  CHECK(d->blocking_code == TEMPORAL_ERROR_CODE_INVALID_ARGUMENT,
        "temporal_get_result inside a callback: %s", temporal_error_code_name(d->blocking_code));
  CHECK(temporal_call_get_user_data(call) == (void *)d, "user_data not returned");
  return true;
}

/* Counter(10) answers queries, updates and signals; each operation in each form. */
static bool test_operations_in_every_form(void) {
  const char *id = new_id("counter");
  temporal_start_workflow_options o;
  opts_for(&o, id);
  temporal_workflow_run *run = NULL;
  CHECK_OK(start("Counter", "[10]", &o, &run));
  temporal_call *call = NULL;
  const temporal_error *e = NULL;
  int total = 10;
  for (int f = FORM_WAIT; f < FORM_COUNT; f++) {
    enum form form = (enum form)f;
    const char *name = FORM_NAMES[f];
    char want[32];

    OP(form, TEMPORAL_TIMEOUT_DEFAULT, e, call, temporal_update_workflow_async, g_client, id, NULL,
       "add", NULL, "[1]");
    CHECK(e == NULL, "%s: update: %s: %s", name, code_name(e), temporal_error_get_message(e));
    total++;
    snprintf(want, sizeof want, "%d", total);
    CHECK_STREQ(temporal_call_get_json(call), want);

    OP(form, TEMPORAL_TIMEOUT_DEFAULT, e, call, temporal_query_workflow_async, g_client, id, NULL,
       "count", NULL);
    CHECK(e == NULL, "%s: query: %s: %s", name, code_name(e), temporal_error_get_message(e));
    CHECK_STREQ(temporal_call_get_json(call), want);

    /* A signal nobody reads is still accepted (it waits in the workflow's channel). */
    OP(form, TEMPORAL_TIMEOUT_DEFAULT, e, call, temporal_signal_workflow_async, g_client, id, NULL,
       "unread", "[\"x\"]");
    CHECK(e == NULL, "%s: signal: %s: %s", name, code_name(e), temporal_error_get_message(e));
    CHECK(temporal_call_get_json(call) == NULL, "%s: a signal with a result", name);

    OP(form, TEMPORAL_TIMEOUT_DEFAULT, e, call, temporal_describe_workflow_execution_async,
       g_client, id, NULL);
    CHECK(e == NULL, "%s: describe: %s: %s", name, code_name(e), temporal_error_get_message(e));
    const char *described = compact(temporal_call_get_json(call));
    CHECK_CONTAINS(described, "\"status\":\"RUNNING\"");
    CHECK_CONTAINS(described, "\"workflow_type\":\"Counter\"");
    CHECK_CONTAINS(described, id);

    OP(form, TEMPORAL_TIMEOUT_DEFAULT, e, call, temporal_get_workflow_history_async, g_client, id,
       NULL);
    CHECK(e == NULL, "%s: history: %s: %s", name, code_name(e), temporal_error_get_message(e));
    const char *history = compact(temporal_call_get_json(call));
    CHECK_CONTAINS(history, "\"events\":[");
    CHECK_CONTAINS(history, "Counter");
    CHECK_CONTAINS(history, "unread");
  }

  OP(next_form(FORM_WAIT), TEMPORAL_TIMEOUT_DEFAULT, e, call, temporal_signal_workflow_async,
     g_client, id, NULL, "done", NULL);
  if (e) api_terminate(id);
  CHECK_OK(e);
  const char *out = NULL;
  CHECK_OK(result(run, 30000, &out));
  CHECK_STREQ(out, "13");

  /* Operations on a workflow that does not exist. */
  const char *missing = new_id("nobody");
  OP(next_form(FORM_WAIT), TEMPORAL_TIMEOUT_DEFAULT, e, call, temporal_signal_workflow_async,
     g_client, missing, NULL, "x", NULL);
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_NOT_FOUND);
  OP(next_form(FORM_WAIT), TEMPORAL_TIMEOUT_DEFAULT, e, call, temporal_query_workflow_async,
     g_client, missing, NULL, "count", NULL);
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_NOT_FOUND);
  return true;
}

static bool test_update_id_and_failures(void) {
  const char *id = new_id("update-id");
  temporal_start_workflow_options o;
  opts_for(&o, id);
  temporal_workflow_run *run = NULL;
  CHECK_OK(start("Counter", "[0]", &o, &run));
  temporal_call *call = NULL;
  const temporal_error *e = NULL;

  /* No update ID given: the library generates one and the call gives it. */
  OP(next_form(FORM_WAIT), TEMPORAL_TIMEOUT_DEFAULT, e, call, temporal_update_workflow_async,
     g_client, id, NULL, "add", NULL, "[2]");
  CHECK_OK(e);
  const char *generated = temporal_call_get_update_id(call);
  CHECK(looks_like_uuid(generated), "generated update ID '%s' is not a UUID", generated ? generated : "(null)");
  CHECK_STREQ(temporal_call_get_json(call), "2");
  temporal_call *first = call;

  OP(next_form(FORM_WAIT), TEMPORAL_TIMEOUT_DEFAULT, e, call, temporal_update_workflow_async,
     g_client, id, NULL, "add", "", "[3]");
  CHECK_OK(e);
  CHECK(looks_like_uuid(temporal_call_get_update_id(call)), "'' did not generate an ID");
  CHECK(strcmp(temporal_call_get_update_id(call), temporal_call_get_update_id(first)) != 0,
        "the same update ID twice");

  /* A given ID comes back as given. */
  const char *given = new_id("my-update");
  OP(next_form(FORM_WAIT), TEMPORAL_TIMEOUT_DEFAULT, e, call, temporal_update_workflow_async,
     g_client, id, NULL, "add", given, "[4]");
  CHECK_OK(e);
  CHECK_STREQ(temporal_call_get_update_id(call), given);
  CHECK_STREQ(temporal_call_get_json(call), "9");

  /* Rejected by the validator, and failed in the handler: the details name the update ID. */
  OP(next_form(FORM_WAIT), TEMPORAL_TIMEOUT_DEFAULT, e, call, temporal_update_workflow_async,
     g_client, id, NULL, "add", NULL, "[-1]");
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_UPDATE_FAILED);
  CHECK_CONTAINS(temporal_error_get_details(e), "\"update_id\"");
  CHECK_CONTAINS(temporal_error_get_details(e), "n must not be negative");
  /* A failed update still gives its (generated) ID, the one the details name. */
  CHECK(looks_like_uuid(temporal_call_get_update_id(call)), "no generated update ID on a rejected update");
  CHECK_CONTAINS(temporal_error_get_details(e), temporal_call_get_update_id(call));
  const char *failed_update_id = new_id("failed-update");
  OP(next_form(FORM_WAIT), TEMPORAL_TIMEOUT_DEFAULT, e, call, temporal_update_workflow_async,
     g_client, id, NULL, "add", failed_update_id, "[13]");
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_UPDATE_FAILED);
  CHECK_CONTAINS(temporal_error_get_details(e), failed_update_id);
  CHECK_STREQ(temporal_call_get_update_id(call), failed_update_id);
  CHECK_CONTAINS(temporal_error_get_message(e), "unlucky number");
  CHECK_CONTAINS(compact(temporal_error_get_details(e)), "\"display\":");

  /* A query whose handler fails. */
  OP(next_form(FORM_WAIT), TEMPORAL_TIMEOUT_DEFAULT, e, call, temporal_query_workflow_async,
     g_client, id, NULL, "fail", NULL);
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_QUERY_FAILED);
  CHECK_CONTAINS(temporal_error_get_message(e), "query handler failed on purpose");

  OP(next_form(FORM_WAIT), TEMPORAL_TIMEOUT_DEFAULT, e, call, temporal_signal_workflow_async,
     g_client, id, NULL, "done", NULL);
  if (e) api_terminate(id);
  CHECK_OK(e);
  const char *out = NULL;
  CHECK_OK(result(run, 30000, &out));
  CHECK_STREQ(out, "9");
  return true;
}

static bool test_cancel_and_terminate_workflow(void) {
  temporal_call *call = NULL;
  const temporal_error *e = NULL;
  const char *id = new_id("api-cancel");
  temporal_start_workflow_options o;
  opts_for(&o, id);
  temporal_workflow_run *run = NULL;
  CHECK_OK(start("Block", NULL, &o, &run));
  OP(next_form(FORM_WAIT), TEMPORAL_TIMEOUT_DEFAULT, e, call, temporal_cancel_workflow_async,
     g_client, id, NULL);
  if (e) api_terminate(id);
  CHECK_OK(e);
  const char *out = NULL;
  e = result(run, 30000, &out);
  if (temporal_error_get_code(e) != TEMPORAL_ERROR_CODE_WORKFLOW_CANCELED) api_terminate(id);
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_WORKFLOW_CANCELED);

  const char *id2 = new_id("api-terminate");
  opts_for(&o, id2);
  temporal_workflow_run *run2 = NULL;
  CHECK_OK(start("Block", NULL, &o, &run2));
  OP(next_form(FORM_WAIT), TEMPORAL_TIMEOUT_DEFAULT, e, call, temporal_terminate_workflow_async,
     g_client, id2, temporal_workflow_run_get_run_id(run2), "by the api", "[\"d1\"]");
  CHECK_OK(e);
  e = result(run2, 30000, &out);
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_WORKFLOW_TERMINATED);
  CHECK_CONTAINS(compact(temporal_error_get_details(e)), "\"reason\":\"by the api\"");
  return true;
}

static bool test_signal_with_start(void) {
  const char *id = new_id("signal-with-start");
  temporal_start_workflow_options o;
  opts_for(&o, id);
  temporal_call *call = NULL;
  const temporal_error *e = NULL;
  OP(next_form(FORM_WAIT), TEMPORAL_TIMEOUT_DEFAULT, e, call, temporal_signal_with_start_workflow_async,
     g_client, "unblock", "[\"sws\"]", "Block", NULL, &o);
  CHECK_OK(e);
  temporal_workflow_run *run = temporal_call_take_run(call);
  keep(KEPT_RUN, run);
  CHECK(run != NULL, "no run");
  CHECK(temporal_call_take_run(call) == NULL, "the run was taken twice");
  CHECK_STREQ(temporal_workflow_run_get_id(run), id);
  CHECK(*temporal_workflow_run_get_run_id(run), "empty run id");
  const char *out = NULL;
  CHECK_OK(result(run, 30000, &out));
  CHECK_STREQ(out, "\"unblocked: sws\"");
  return true;
}

/* Visibility is eventually consistent: counts until `query` counts `want` (at most 10 s). */
static bool count_until(const char *query, int64_t want, temporal_call **call_out) {
  for (int attempt = 0;; attempt++) {
    const temporal_error *e = NULL;
    temporal_call *call = NULL;
    OP(next_form(FORM_WAIT), TEMPORAL_TIMEOUT_DEFAULT, e, call, temporal_count_workflow_async,
       g_client, query);
    CHECK_OK(e);
    int64_t n = -1;
    CHECK(temporal_call_get_count(call, &n), "a count call without a count");
    *call_out = call;
    if (n == want) return true;
    CHECK(attempt < 100, "count of %s is %lld, want %lld", query, (long long)n, (long long)want);
    sleep_ms(100);
  }
}

/* The value of "next_page_token" in a list page (kept), "" for none. */
static const char *page_token(const char *page) {
  const char *key = "\"next_page_token\":\"";
  const char *at = page ? strstr(page, key) : NULL;
  size_t n = 0;
  if (at) {
    at += strlen(key);
    while (at[n] && at[n] != '"') n++;
  }
  char *token = (char *)malloc(n + 1);
  if (!token) abort();
  if (n) memcpy(token, at, n);
  token[n] = '\0';
  keep(KEPT_MALLOC, token);
  return token;
}

static bool test_visibility_count_and_list(void) {
  const char *keyword = new_id("keyword");
  char search_attributes[256];
  snprintf(search_attributes, sizeof search_attributes, "{\"CustomKeywordField\": \"%s\"}", keyword);
  for (int i = 0; i < 3; i++) {
    temporal_start_workflow_options o;
    opts_for(&o, new_id("visible"));
    o.search_attributes_json = search_attributes;
    temporal_workflow_run *run = NULL;
    CHECK_OK(start("Echo", "[1]", &o, &run));
    const char *out = NULL;
    CHECK_OK(result(run, 0, &out));
  }
  char query[256];
  snprintf(query, sizeof query, "CustomKeywordField = '%s'", keyword);

  /* The count is typed; the JSON has it too. */
  temporal_call *call = NULL;
  if (!count_until(query, 3, &call)) return false;
  CHECK_CONTAINS(compact(temporal_call_get_json(call)), "\"count\":3");
  char grouped[320];
  snprintf(grouped, sizeof grouped, "%s GROUP BY ExecutionStatus", query);
  if (!count_until(grouped, 3, &call)) return false;
  const char *groups = compact(temporal_call_get_json(call));
  CHECK_CONTAINS(groups, "\"group_values\":[\"Completed\"]");
  CHECK_CONTAINS(groups, "\"count\":3");

  /* Two pages of two. */
  const temporal_error *e = NULL;
  OP(next_form(FORM_WAIT), TEMPORAL_TIMEOUT_DEFAULT, e, call, temporal_list_workflow_async, g_client,
     query, 2, NULL);
  CHECK_OK(e);
  const char *page1 = compact(temporal_call_get_json(call));
  CHECK(occurrences(page1, "\"workflow_type\":\"Echo\"") == 2, "page 1: %s", page1);
  const char *token = page_token(page1);
  CHECK(*token, "no next page token: %s", page1);
  int64_t untouched = 7;
  CHECK(!temporal_call_get_count(call, &untouched) && untouched == 7, "a list call with a count");
  OP(next_form(FORM_WAIT), TEMPORAL_TIMEOUT_DEFAULT, e, call, temporal_list_workflow_async, g_client,
     query, 2, token);
  CHECK_OK(e);
  const char *page2 = compact(temporal_call_get_json(call));
  CHECK(occurrences(page2, "\"workflow_type\":\"Echo\"") == 1, "page 2: %s", page2);
  CHECK_STREQ(page_token(page2), "");
  return true;
}

static bool test_resolve_run_id(void) {
  const char *id = new_id("resolve");
  temporal_workflow_run *started = NULL;
  FINISHED_RUN("Echo", "[1]", id, &started);
  const char *real = temporal_workflow_run_get_run_id(started);

  /* By ID only: "" until resolved, never blocking. */
  temporal_workflow_run *run = NULL;
  CHECK_OK(get_wf(id, NULL, &run));
  CHECK_STREQ(temporal_workflow_run_get_run_id(run), "");
  temporal_call *call = NULL;
  const temporal_error *e = NULL;
  OP(next_form(FORM_WAIT), TEMPORAL_TIMEOUT_DEFAULT, e, call, temporal_workflow_run_resolve_run_id_async, run);
  CHECK_OK(e);
  CHECK_STREQ(temporal_workflow_run_get_run_id(run), real);

  /* A run whose Run ID is known: at once, unchanged. */
  temporal_workflow_run *known = NULL;
  CHECK_OK(get_wf(id, real, &known));
  OP(next_form(FORM_WAIT), TEMPORAL_TIMEOUT_DEFAULT, e, call, temporal_workflow_run_resolve_run_id_async, known);
  CHECK_OK(e);
  CHECK_STREQ(temporal_workflow_run_get_run_id(known), real);
  return true;
}

static bool test_connect_async(void) {
  temporal_client_options co;
  temporal_client_options_default(&co, sizeof co);
  co.address = g_address;
  temporal_call *call = NULL;
  const temporal_error *e = NULL;
  OP(next_form(FORM_WAIT), TEMPORAL_TIMEOUT_DEFAULT, e, call, temporal_client_connect_async, &co);
  CHECK_OK(e);
  temporal_client *client = temporal_call_take_client(call);
  CHECK(client != NULL, "no client");
  CHECK(temporal_call_take_client(call) == NULL, "the client was taken twice");
  temporal_call *count = NULL;
  OP(next_form(FORM_WAIT), TEMPORAL_TIMEOUT_DEFAULT, e, count, temporal_count_workflow_async, client, NULL);
  temporal_client_free(client);
  CHECK_OK(e);
  return true;
}

static bool test_call_outcome_getters(void) {
  const char *id = new_id("getters");
  temporal_start_workflow_options o;
  opts_for(&o, id);
  int marker = 0;
  temporal_call_options co;
  temporal_call_options_default(&co, sizeof co);
  co.user_data = &marker;
  temporal_call *call = NULL;
  CHECK_OK(keep_err(temporal_execute_workflow_async(g_client, "Echo", "[5]", &o, &co, &call)));
  keep(KEPT_CALL, call);
  CHECK(temporal_call_get_user_data(call) == (void *)&marker, "user_data not returned");
  CHECK_OK(keep_err(temporal_call_wait(call, 30000)));
  CHECK_OK(temporal_call_get_error(call));
  temporal_workflow_run *run = temporal_call_take_run(call);
  keep(KEPT_RUN, run);
  CHECK(run != NULL, "no run");
  CHECK(temporal_call_take_run(call) == NULL, "the run was taken twice");
  int64_t n = 7;
  CHECK(!temporal_call_get_count(call, &n) && n == 7, "a start with a count");
  CHECK(temporal_call_get_update_id(call) == NULL, "a start with an update ID");
  CHECK(temporal_call_take_client(call) == NULL, "a start with a client");
  CHECK(temporal_call_get_user_data(call) == (void *)&marker, "user_data lost on completion");

  /* The borrowed error stays valid until the call is freed. */
  temporal_call *failed = NULL;
  const temporal_error *e = NULL;
  OP(FORM_WAIT, TEMPORAL_TIMEOUT_DEFAULT, e, failed, temporal_describe_workflow_execution_async,
     g_client, new_id("getters-missing"), NULL);
  CHECK(e == temporal_call_get_error(failed), "get_error is not stable");
  CHECK_CODE(temporal_call_get_error(failed), TEMPORAL_ERROR_CODE_NOT_FOUND);
  CHECK(temporal_call_get_json(failed) == NULL, "a failed call with a result");
  const char *out = NULL;
  CHECK_OK(result(run, 0, &out));
  CHECK_STREQ(out, "5");
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
    {"struct_size_rules", test_struct_size_rules},
    {"timeout_vocabulary", test_timeout_vocabulary},
    {"call_wait_timeout_leaves_call_running", test_call_wait_timeout_leaves_call_running},
    {"unanswered_query_is_deadline_exceeded", test_unanswered_query_is_deadline_exceeded},
    {"cancel_call", test_cancel_call},
    {"callback_may_free_its_call", test_callback_may_free_its_call},
    {"callback_after_free_gets_null", test_callback_after_free_gets_null},
    {"callback_refuses_blocking_calls", test_callback_refuses_blocking_calls},
    {"operations_in_every_form", test_operations_in_every_form},
    {"update_id_and_failures", test_update_id_and_failures},
    {"cancel_and_terminate_workflow", test_cancel_and_terminate_workflow},
    {"signal_with_start", test_signal_with_start},
    {"visibility_count_and_list", test_visibility_count_and_list},
    {"resolve_run_id", test_resolve_run_id},
    {"connect_async", test_connect_async},
    {"call_outcome_getters", test_call_outcome_getters},
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
  temporal_client_options_default(&co, sizeof co);
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
    g_harness_msg[0] = '\0';
    double t0 = now_s();
    bool ok = TESTS[i].fn();
    double elapsed = now_s() - t0;
    free_kept();
    if (ok && !g_harness_msg[0]) {
      passed++;
      printf("PASS %-40s (%.2f s)\n", TESTS[i].name, elapsed);
    } else {
      failed++;
      printf("FAIL %-40s (%.2f s) %s%s%s\n", TESTS[i].name, elapsed,
             g_harness_msg[0] ? "completion: " : "", g_harness_msg, g_harness_msg[0] ? "; " : "");
      if (!ok) printf("     %s\n", g_msg);
    }
    fflush(stdout);
  }
  temporal_client_free(g_client);
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
