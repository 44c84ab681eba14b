/*
 * threads: a small multi-threaded host of the temporal-ffi C API, run under valgrind's
 * helgrind by tests/sanitizers/run.sh (also usable on its own, inside
 * tests/harness/with-dev-server.sh).
 *
 *   threads [STARTERS [ITERATIONS [WAITERS]]]     defaults: 4 20 4
 *
 * Phase 1: STARTERS threads, each ITERATIONS times: temporal_execute_workflow on the one shared
 *          client, then temporal_get_result, the run's getters, and frees.
 * Phase 2: WAITERS threads share one run from temporal_get_workflow by ID only (so the first
 *          temporal_workflow_run_get_run_id resolves it, racing with the others) and all call
 *          temporal_get_result on it while the workflow (Sleep 1500 ms) is still running.
 * Prints "threads: N ok, M failed" and exits non-zero on a failure.
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "temporal.h"

static temporal_client *g_client;
static const char *g_queue;
static int g_iterations = 20;

struct job {
  int index;
  int ok, failed;
  char detail[256];
  const temporal_workflow_run *shared;
};

static void failure(struct job *j, const char *what, temporal_error *e) {
  j->failed++;
  snprintf(j->detail, sizeof j->detail, "%s: %s: %s", what,
           temporal_error_code_name(temporal_error_get_code(e)), temporal_error_get_message(e));
  temporal_error_free(e);
}

static void *starter(void *arg) {
  struct job *j = (struct job *)arg;
  for (int i = 0; i < g_iterations; i++) {
    char id[96], args[64], want[64];
    snprintf(id, sizeof id, "threads-%ld-%d-%d", (long)getpid(), j->index, i);
    snprintf(args, sizeof args, "[\"T%d.%d\"]", j->index, i);
    snprintf(want, sizeof want, "\"T%d.%d\"", j->index, i);
    temporal_start_workflow_options o;
    temporal_start_workflow_options_default(&o);
    o.id = id;
    o.task_queue = g_queue;
    temporal_workflow_run *run = NULL;
    temporal_error *e = temporal_execute_workflow(g_client, "Echo", args, &o, &run);
    if (e) { failure(j, "execute", e); continue; }
    char *out = NULL;
    e = temporal_get_result(run, 120000, &out);
    if (e) {
      failure(j, "get_result", e);
    } else if (strcmp(out, want) != 0 || strcmp(temporal_workflow_run_get_id(run), id) != 0 ||
               !*temporal_workflow_run_get_run_id(run)) {
      j->failed++;
      snprintf(j->detail, sizeof j->detail, "got %s, want %s", out, want);
    } else {
      j->ok++;
    }
    temporal_string_free(out);
    temporal_workflow_run_free(run);
  }
  return NULL;
}

static void *waiter(void *arg) {
  struct job *j = (struct job *)arg;
  const char *run_id = temporal_workflow_run_get_run_id(j->shared);
  char *out = NULL;
  temporal_error *e = temporal_get_result(j->shared, 120000, &out);
  if (e) {
    failure(j, "shared get_result", e);
  } else if (!run_id || !*run_id || strcmp(out, "\"slept\"") != 0) {
    j->failed++;
    snprintf(j->detail, sizeof j->detail, "run id '%s', result %s", run_id ? run_id : "(null)", out);
  } else {
    j->ok++;
  }
  temporal_string_free(out);
  return NULL;
}

static int run_threads(void *(*fn)(void *), struct job *jobs, int n) {
  pthread_t *t = (pthread_t *)calloc((size_t)n, sizeof *t);
  int started = 0;
  if (!t) abort();
  for (int i = 0; i < n; i++, started++)
    if (pthread_create(&t[i], NULL, fn, &jobs[i]) != 0) break;
  for (int i = 0; i < started; i++) pthread_join(t[i], NULL);
  free(t);
  return started;
}

int main(int argc, char **argv) {
  int starters = argc > 1 ? atoi(argv[1]) : 4;
  g_iterations = argc > 2 ? atoi(argv[2]) : 20;
  int waiters = argc > 3 ? atoi(argv[3]) : 4;
  const char *address = getenv("TEMPORAL_ADDRESS");
  g_queue = getenv("TEMPORAL_TEST_TASK_QUEUE");
  if (!address || !*address || !g_queue || !*g_queue || starters < 1 || waiters < 1 ||
      starters > 64 || waiters > 64) {
    fprintf(stderr, "threads: run inside tests/harness/with-dev-server.sh; counts 1..64\n");
    return 2;
  }
  temporal_client_options co;
  temporal_client_options_default(&co);
  co.address = address;
  temporal_error *e = temporal_client_connect(&co, &g_client);
  if (e) {
    fprintf(stderr, "threads: connect: %s\n", temporal_error_get_message(e));
    temporal_error_free(e);
    return 1;
  }

  int ok = 0, failed = 0;
  struct job *jobs = (struct job *)calloc((size_t)(starters > waiters ? starters : waiters), sizeof *jobs);
  if (!jobs) abort();

  /* Phase 1: starters on one shared client. */
  for (int i = 0; i < starters; i++) jobs[i].index = i;
  if (run_threads(starter, jobs, starters) != starters) failed++;
  for (int i = 0; i < starters; i++) {
    ok += jobs[i].ok;
    failed += jobs[i].failed;
    if (jobs[i].failed) printf("threads: starter %d: %s\n", i, jobs[i].detail);
  }

  /* Phase 2: waiters on one shared run, resolved lazily by ID. */
  char id[96];
  snprintf(id, sizeof id, "threads-%ld-shared", (long)getpid());
  temporal_start_workflow_options o;
  temporal_start_workflow_options_default(&o);
  o.id = id;
  o.task_queue = g_queue;
  temporal_workflow_run *started = NULL, *shared = NULL;
  e = temporal_execute_workflow(g_client, "Sleep", "[1500]", &o, &started);
  if (!e) e = temporal_get_workflow(g_client, id, NULL, &shared);
  if (e) {
    printf("threads: shared run: %s\n", temporal_error_get_message(e));
    temporal_error_free(e);
    failed++;
  } else {
    memset(jobs, 0, sizeof *jobs * (size_t)waiters);
    for (int i = 0; i < waiters; i++) jobs[i].shared = shared;
    if (run_threads(waiter, jobs, waiters) != waiters) failed++;
    for (int i = 0; i < waiters; i++) {
      ok += jobs[i].ok;
      failed += jobs[i].failed;
      if (jobs[i].failed) printf("threads: waiter %d: %s\n", i, jobs[i].detail);
    }
    if (strcmp(temporal_workflow_run_get_run_id(shared), temporal_workflow_run_get_run_id(started)) != 0) {
      printf("threads: shared run resolved to %s, started %s\n",
             temporal_workflow_run_get_run_id(shared), temporal_workflow_run_get_run_id(started));
      failed++;
    }
  }
  temporal_workflow_run_free(shared);
  temporal_workflow_run_free(started);
  temporal_client_free(g_client);
  free(jobs);
  printf("threads: %d ok, %d failed\n", ok, failed);
  return failed ? 1 : 0;
}
