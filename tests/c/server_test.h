/*
 * server_test.h: the kit of the C test programs that run one test after another against a dev
 * server (test_async_activity.c, test_update.c; run under tests/harness/with-dev-server.sh).
 *
 * A test registers what it gets from the library (keep_err, keep_run, keep_update_handle, the
 * calls RUN keeps); the runner frees all of it after each test, and terminates every workflow
 * that new_id named at the end. A program defines its tests and calls run_server_tests().
 */
#ifndef TEMPORAL_FFI_TESTS_SERVER_TEST_H
#define TEMPORAL_FFI_TESTS_SERVER_TEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "temporal.h"

static temporal_client *g_client;
static const char *g_queue;

/* ---------------------------------------------------------------- what a test holds */

static temporal_call *g_calls[64];
static int g_ncalls;
static temporal_error *g_errors[64];
static int g_nerrors;
static temporal_workflow_run *g_runs[16];
static int g_nruns;
static temporal_update_handle *g_handles[16];
static int g_nhandles;
/* Every workflow ID new_id gave, terminated at the end (most have completed by then). */
static char g_started[64][96];
static int g_nstarted;
/* The program's name, in new_id's IDs and in the runner's messages. */
static const char *g_program = "test";

static inline temporal_error *keep_err(temporal_error *e) {
  if (e && g_nerrors < (int)(sizeof g_errors / sizeof g_errors[0])) g_errors[g_nerrors++] = e;
  return e;
}

static inline temporal_workflow_run *keep_run(temporal_workflow_run *run) {
  if (run) {
    if (g_nruns == (int)(sizeof g_runs / sizeof g_runs[0])) abort();
    g_runs[g_nruns++] = run;
  }
  return run;
}

static inline temporal_update_handle *keep_update_handle(temporal_update_handle *h) {
  if (h) {
    if (g_nhandles == (int)(sizeof g_handles / sizeof g_handles[0])) abort();
    g_handles[g_nhandles++] = h;
  }
  return h;
}

static inline void release_all(void) {
  for (int i = 0; i < g_ncalls; i++) {
    temporal_call_cancel(g_calls[i]);
    temporal_error_free(temporal_call_wait(g_calls[i], 10000));
    temporal_call_free(g_calls[i]);
  }
  for (int i = 0; i < g_nerrors; i++) temporal_error_free(g_errors[i]);
  for (int i = 0; i < g_nruns; i++) temporal_workflow_run_free(g_runs[i]);
  for (int i = 0; i < g_nhandles; i++) temporal_update_handle_free(g_handles[i]);
  g_ncalls = g_nerrors = g_nruns = g_nhandles = 0;
}

/* A new Workflow ID, "<program>-<what>-<pid>-<n>", terminated at the end of the run. */
static inline const char *new_id(const char *what) {
  if (g_nstarted >= (int)(sizeof g_started / sizeof g_started[0])) abort();
  char *id = g_started[g_nstarted++];
  const char *program = strncmp(g_program, "test_", 5) == 0 ? g_program + 5 : g_program;
  snprintf(id, sizeof g_started[0], "%s-%s-%ld-%d", program, what, (long)getpid(), g_nstarted);
  for (char *c = id; *c; c++)
    if (*c == '_') *c = '-';
  return id;
}

static inline void sleep_ms(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  while (nanosleep(&ts, &ts) != 0) {}
}

/* Starts an operation (`start_expr` writes `call`) and waits for it (at most `wait_ms`),
   leaving the completed call in `call`: its error (or NULL) is temporal_call_get_error(call). */
#define RUN_FOR(wait_ms, call, start_expr)                         \
  do {                                                             \
    (call) = NULL;                                                 \
    CHECK_OK(keep_err(start_expr));                                \
    if (g_ncalls == (int)(sizeof g_calls / sizeof g_calls[0])) abort(); \
    g_calls[g_ncalls++] = (call);                                  \
    CHECK_OK(keep_err(temporal_call_wait((call), (wait_ms))));     \
  } while (0)
#define RUN(call, start_expr) RUN_FOR(30000, call, start_expr)

/* Frees the call RUN kept last (polling loops, which would otherwise keep hundreds). */
static inline void drop_last_call(void) {
  if (g_ncalls > 0) temporal_call_free(g_calls[--g_ncalls]);
}

/* The operation must fail at once with `code` and a message containing `text`, and leave
   call_out untouched. */
#define AT_ONCE(code, text, call, start_expr)                                            \
  do {                                                                                   \
    temporal_call *const sentinel_ = (temporal_call *)(void *)&g_client;                \
    (call) = sentinel_;                                                                  \
    temporal_error *at_once_ = keep_err(start_expr);                                     \
    CHECK_CODE(at_once_, code);                                                          \
    CHECK_CONTAINS(temporal_error_get_message(at_once_), text);                          \
    CHECK((call) == sentinel_, "call_out was written on failure");                       \
  } while (0)

/* ---------------------------------------------------------------- the runner */

struct server_test {
  const char *name;
  bool (*fn)(void);
};

/* Connects to $TEMPORAL_ADDRESS, runs the tests whose name contains argv[1] (all without it),
   one line each, then terminates the workflows new_id named. The last line is
   "<summary>: N passed, M failed". Exit status 0, 1 (a failure) or 2 (no server). */
static inline int run_server_tests(const char *program, const char *summary, const struct server_test *tests,
                                   size_t count, int argc, char **argv) {
  g_program = program;
  const char *filter = argc > 1 ? argv[1] : NULL;
  const char *address = getenv("TEMPORAL_ADDRESS");
  g_queue = getenv("TEMPORAL_TEST_TASK_QUEUE");
  if (!address || !*address || !g_queue || !*g_queue) {
    fprintf(stderr, "%s: TEMPORAL_ADDRESS and TEMPORAL_TEST_TASK_QUEUE must be set; "
                    "run it with tests/harness/with-dev-server.sh\n", program);
    return 2;
  }
  temporal_client_options co;
  temporal_client_options_default(&co, sizeof co);
  co.address = address;
  temporal_error *e = temporal_client_connect(&co, &g_client);
  if (e) {
    fprintf(stderr, "%s: cannot connect to %s: %s: %s\n", program, address, code_name(e),
            temporal_error_get_message(e));
    temporal_error_free(e);
    return 1;
  }
  int passed = 0, failed = 0;
  for (size_t i = 0; i < count; i++) {
    if (filter && !strstr(tests[i].name, filter)) continue;
    g_msg[0] = '\0';
    double t0 = now_s();
    bool ok = tests[i].fn();
    release_all();
    double elapsed = now_s() - t0;
    if (ok) {
      passed++;
      printf("PASS %-44s (%.2f s)\n", tests[i].name, elapsed);
    } else {
      failed++;
      printf("FAIL %-44s (%.2f s) %s\n", tests[i].name, elapsed, g_msg);
    }
    fflush(stdout);
  }
  char reason[128];
  snprintf(reason, sizeof reason, "%s done", program);
  for (int i = 0; i < g_nstarted; i++) {
    temporal_call *call = NULL;
    e = temporal_terminate_workflow_async(g_client, g_started[i], NULL, reason, NULL, NULL, &call);
    if (!e) e = temporal_call_wait(call, 10000);
    temporal_error_free(e);
    temporal_call_free(call);
  }
  temporal_client_free(g_client);
  printf("%s: %d passed, %d failed\n", summary, passed, failed);
  return failed ? 1 : 0;
}

#endif /* TEMPORAL_FFI_TESTS_SERVER_TEST_H */
