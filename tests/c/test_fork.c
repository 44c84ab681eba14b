/*
 * test_fork.c: a fresh runtime after fork(), as a preforking server (gunicorn, uWSGI, PHP-FPM)
 * uses the library: the parent connects and has calls in flight, then forks four children.
 * Each child finds what it inherited dead (SHUTDOWN at once, never a hang), calls
 * temporal_runtime_init, connects its own client, starts a workflow and gets its result, while
 * the parent keeps working and its in-flight call completes. Run under
 * tests/harness/with-dev-server.sh.
 */
#define _POSIX_C_SOURCE 200809L
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "temporal.h"

#define CHILDREN 4

static const char *g_address;
static const char *g_task_queue;
static temporal_client *g_client;        /* the parent's */
static temporal_call *g_pending;         /* a Sleep workflow's result, in flight at the fork */
static temporal_completion_queue *g_queue; /* where g_pending is posted */
static temporal_workflow_run *g_sleep_run;

static bool connect_client(temporal_client **out) {
  temporal_client_options co;
  temporal_client_options_default(&co, sizeof co);
  co.address = g_address;
  temporal_error *e = temporal_client_connect(&co, out);
  CHECK_OK(e);
  return true;
}

/* Starts Echo(arg) with a business ID and checks that its result is `arg`. */
static bool echo(temporal_client *client, const char *id, const char *arg) {
  temporal_start_workflow_options o;
  temporal_start_workflow_options_default(&o, sizeof o);
  o.task_queue = g_task_queue;
  o.id = id;
  char args[64];
  snprintf(args, sizeof args, "[%s]", arg);
  temporal_workflow_run *run = NULL;
  temporal_error *e = temporal_execute_workflow(client, "Echo", args, &o, &run);
  CHECK_OK(e);
  char *result = NULL;
  e = temporal_get_result(run, 30000, &result);
  temporal_workflow_run_free(run);
  CHECK_OK(e);
  bool same = strcmp(result, arg) == 0;
  temporal_string_free(result);
  CHECK(same, "Echo(%s) returned something else", arg);
  return true;
}

/* The error must be SHUTDOWN and its message must say why (fork). Frees it. */
static bool check_inherited_error(temporal_error *e, const char *what) {
  CHECK(e != NULL, "%s: an inherited object worked in the child", what);
  int code = temporal_error_get_code(e);
  bool says_fork = strstr(temporal_error_get_message(e), "fork") != NULL;
  char message[512];
  snprintf(message, sizeof message, "%s", temporal_error_get_message(e));
  temporal_error_free(e);
  CHECK(code == TEMPORAL_ERROR_CODE_SHUTDOWN, "%s: expected SHUTDOWN, got %s: %s", what,
        temporal_error_code_name(code), message);
  CHECK(says_fork, "%s: the message does not say fork: %s", what, message);
  return true;
}

static bool child(int n) {
  temporal_start_workflow_options o;
  temporal_start_workflow_options_default(&o, sizeof o);
  o.task_queue = g_task_queue;
  temporal_workflow_run *run = NULL;

  /* Before re-initialising: everything fails at once, naming fork. */
  CHECK(check_inherited_error(temporal_execute_workflow(g_client, "Echo", "[0]", &o, &run), "start before init"),
        "%s", g_msg);
  CHECK(run == NULL, "a failed start wrote a run");
  CHECK(check_inherited_error(temporal_call_wait(g_pending, TEMPORAL_TIMEOUT_NONE), "wait before init"), "%s", g_msg);
  temporal_completion_queue *q = NULL;
  CHECK(check_inherited_error(temporal_completion_queue_new(&q), "queue before init"), "%s", g_msg);

  /* A fresh runtime of the child's own. */
  CHECK_OK(temporal_runtime_init(NULL));

  /* What the child inherited stays dead, and says so. */
  CHECK(check_inherited_error(temporal_execute_workflow(g_client, "Echo", "[0]", &o, &run), "inherited client"),
        "%s", g_msg);
  CHECK(check_inherited_error(temporal_call_wait(g_pending, 1000), "inherited call"), "%s", g_msg);
  CHECK(temporal_completion_queue_next(g_queue) == NULL, "an inherited queue returned a call");
  char *result = NULL;
  CHECK(check_inherited_error(temporal_get_result(g_sleep_run, 1000, &result), "inherited run"), "%s", g_msg);

  /* The child's own client works end to end. */
  temporal_client *mine = NULL;
  CHECK(connect_client(&mine), "%s", g_msg);
  char id[96], arg[32];
  snprintf(id, sizeof id, "fork-child-%ld-%d", (long)getpid(), n);
  snprintf(arg, sizeof arg, "%d", 100 + n);
  CHECK(echo(mine, id, arg), "%s", g_msg);

  /* Its own completion queue works too. */
  CHECK_OK(temporal_completion_queue_new(&q));
  temporal_completion_queue_free(q);

  /* Once the child's runtime runs, init is refused as in any process. */
  temporal_error *again = temporal_runtime_init(NULL);
  CHECK_CODE(again, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  temporal_error_free(again);

  /* Freeing what was inherited never touches it (and never hangs). */
  temporal_call_free(g_pending);
  temporal_completion_queue_free(g_queue);
  temporal_workflow_run_free(g_sleep_run);
  temporal_client_free(g_client);
  temporal_client_free(mine);
  return true;
}

int main(void) {
  g_address = getenv("TEMPORAL_ADDRESS");
  g_task_queue = getenv("TEMPORAL_TEST_TASK_QUEUE");
  if (!g_address || !*g_address || !g_task_queue || !*g_task_queue) {
    fprintf(stderr, "test_fork: TEMPORAL_ADDRESS and TEMPORAL_TEST_TASK_QUEUE must be set; "
                    "run it with tests/harness/with-dev-server.sh\n");
    return 2;
  }
  if (!connect_client(&g_client) || !echo(g_client, "fork-parent-before", "1")) {
    fprintf(stderr, "FAIL parent setup: %s\n", g_msg);
    return 1;
  }

  /* A call in flight across the fork: a 3 s Sleep's result, posted to a completion queue. */
  temporal_start_workflow_options o;
  temporal_start_workflow_options_default(&o, sizeof o);
  o.task_queue = g_task_queue;
  temporal_error *e = temporal_execute_workflow(g_client, "Sleep", "[3000]", &o, &g_sleep_run);
  if (!e) e = temporal_completion_queue_new(&g_queue);
  if (!e) {
    temporal_call_options c;
    temporal_call_options_default(&c, sizeof c);
    c.completion_queue = g_queue;
    e = temporal_get_result_async(g_sleep_run, &c, &g_pending);
  }
  if (e) {
    fprintf(stderr, "FAIL parent setup: %s: %s\n", code_name(e), temporal_error_get_message(e));
    return 1;
  }

  pid_t pids[CHILDREN];
  for (int i = 0; i < CHILDREN; i++) {
    fflush(NULL);
    pids[i] = fork();
    if (pids[i] < 0) {
      perror("fork");
      return 1;
    }
    if (pids[i] == 0) {
      alarm(60); /* a hang ends the child with SIGALRM, which the parent reports */
      bool ok = child(i);
      if (!ok) fprintf(stderr, "FAIL child %d: %s\n", i, g_msg);
      fflush(NULL);
      _exit(ok ? 0 : 1);
    }
  }

  int failed = 0;
  /* The parent keeps working while its children do. */
  for (int i = 0; i < 3; i++) {
    char id[64], arg[16];
    snprintf(id, sizeof id, "fork-parent-during-%ld-%d", (long)getpid(), i);
    snprintf(arg, sizeof arg, "%d", 10 + i);
    if (!echo(g_client, id, arg)) {
      fprintf(stderr, "FAIL parent during the children: %s\n", g_msg);
      failed++;
    }
  }
  for (int i = 0; i < CHILDREN; i++) {
    int status = 0;
    if (waitpid(pids[i], &status, 0) != pids[i]) {
      perror("waitpid");
      failed++;
    } else if (WIFSIGNALED(status)) {
      fprintf(stderr, "FAIL child %d died of signal %d%s\n", i, WTERMSIG(status),
              WTERMSIG(status) == SIGALRM ? " (it hung)" : "");
      failed++;
    } else if (WEXITSTATUS(status) != 0) {
      failed++;
    } else {
      printf("PASS child %d: re-initialised, its own client ran Echo\n", i);
    }
  }

  /* The call in flight at the fork completes in the parent, through its queue (the descriptor
   * becomes readable once the call is posted, which is just after a waiter would wake). */
  struct pollfd pfd = {.fd = temporal_completion_queue_fd(g_queue), .events = POLLIN};
  if (poll(&pfd, 1, 30000) != 1) {
    fprintf(stderr, "FAIL parent's in-flight call: not posted to its queue within 30 s\n");
    failed++;
  } else {
    temporal_call *taken = temporal_completion_queue_next(g_queue);
    const char *json = taken ? temporal_call_get_json(taken) : NULL;
    if (taken != g_pending || !json || strstr(json, "slept") == NULL) {
      fprintf(stderr, "FAIL parent's in-flight call: queue gave %p (want %p), result %s\n", (void *)taken,
              (void *)g_pending, json ? json : "(none)");
      failed++;
    } else {
      printf("PASS parent: the call in flight at the fork completed through its queue\n");
    }
  }
  temporal_call_free(g_pending);
  temporal_completion_queue_free(g_queue);
  temporal_workflow_run_free(g_sleep_run);
  if (!echo(g_client, "fork-parent-after", "2")) {
    fprintf(stderr, "FAIL parent after the children: %s\n", g_msg);
    failed++;
  }
  temporal_client_free(g_client);
  printf("test_fork: %s\n", failed ? "FAILED" : "all passed");
  return failed ? 1 : 0;
}
