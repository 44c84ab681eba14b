/*
 * Stress: FAULT_THREADS (16) threads share one client and each makes at least FAULT_CALLS
 * (1000) library calls, in a mix:
 *   - temporal_execute_workflow Echo with a unique per-call value, temporal_get_result, and a
 *     check that the echoed value is exactly the one sent (plus get_id / get_run_id);
 *   - a reattach to a workflow completed earlier by any thread: temporal_get_workflow by ID
 *     alone, temporal_workflow_run_get_run_id (must be the recorded Run ID), temporal_get_result
 *     (must be that workflow's value), get_id;
 *   - invalid calls in between (NULL arguments, bad JSON, a handle of the wrong kind), which must
 *     fail with INVALID_ARGUMENT (or PAYLOAD for bad JSON) and leave outputs untouched.
 * Everything is freed. "Calls" counts every library call except the *_free and *_default ones.
 *
 * Leak check: process RSS (/proc/self/statm) after the warm-up (the first FAULT_WARMUP_PCT %,
 * default 20, of every thread's calls) and at the end, with glibc's malloc_trim before each
 * reading; growth must stay below FAULT_RSS_MAX_KB (default 10240 = 10 MB: after warm-up
 * the runtime, connection pool and malloc arenas are in place, so steady state should not grow;
 * 10 MB over ~1100 measured workflows catches a leak of ~9 kB per workflow, ~0.7 kB per call).
 *
 * Env: TEMPORAL_ADDRESS, TEMPORAL_TEST_TASK_QUEUE (from tests/harness/with-dev-server.sh).
 */
#include "common.h"

#include <stdatomic.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#define MAX_ID 96
#define MAX_VAL 160

typedef struct {
  char id[MAX_ID];
  char run_id[64];
  char result[MAX_VAL];
} done_wf;

static temporal_client *client;
static const char *task_queue;
static long nthreads, calls_per_thread, warmup_calls;
static char prefix[64];

static pthread_mutex_t done_mu = PTHREAD_MUTEX_INITIALIZER;
static done_wf *done_list;
static size_t done_len, done_cap;

static pthread_barrier_t warm_a, warm_b;
static atomic_long total_calls, total_workflows, total_reattach, total_invalid, total_failures;

static void fail(long tid, const char *fmt, ...) {
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (atomic_fetch_add(&total_failures, 1) < 20) fprintf(stderr, "stress: FAIL thread %ld: %s\n", tid, msg);
}

static long rss_kb(void) {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
  FILE *f = fopen("/proc/self/statm", "r");
  long size = 0, resident = 0;
  if (!f || fscanf(f, "%ld %ld", &size, &resident) != 2) { if (f) fclose(f); return -1; }
  fclose(f);
  return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

/* xorshift per thread */
static uint64_t rnd(uint64_t *s) {
  uint64_t x = *s;
  x ^= x << 13; x ^= x >> 7; x ^= x << 17;
  return *s = x;
}

static void expect_invalid(long tid, temporal_error *e, const char *what, temporal_error_code alt) {
  if (!e) { fail(tid, "%s: succeeded, want INVALID_ARGUMENT", what); return; }
  temporal_error_code c = temporal_error_get_code(e);
  const char *m = temporal_error_get_message(e);
  if (c != TEMPORAL_ERROR_CODE_INVALID_ARGUMENT && c != alt)
    fail(tid, "%s: %s: %s, want INVALID_ARGUMENT", what, temporal_error_code_name(c), m);
  else if (!m || !*m)
    fail(tid, "%s: empty message", what);
  temporal_error_free(e);
}

/* One invalid call out of a rotating list; returns the number of library calls made. */
static long invalid_call(long tid, int which, temporal_workflow_run *live_run) {
  temporal_start_workflow_options o;
  temporal_start_workflow_options_default(&o);
  o.task_queue = task_queue;
  temporal_workflow_run *sentinel = (temporal_workflow_run *)(uintptr_t)0x1;
  temporal_workflow_run *r = sentinel;
  char *s = (char *)(uintptr_t)0x1;
  if (!live_run && (which == 9 || which == 11 || which == 12)) which = 10; /* need a live run */
  switch (which) {
    case 0:
      expect_invalid(tid, temporal_execute_workflow(NULL, "Echo", "[1]", &o, &r), "execute(NULL client)", 0);
      break;
    case 1:
      expect_invalid(tid, temporal_execute_workflow(client, NULL, "[1]", &o, &r), "execute(NULL type)", 0);
      break;
    case 2:
      expect_invalid(tid, temporal_execute_workflow(client, "Echo", "[1,", &o, &r), "execute(bad JSON)",
                     TEMPORAL_ERROR_CODE_PAYLOAD);
      break;
    case 3:
      expect_invalid(tid, temporal_execute_workflow(client, "Echo", "[1]", NULL, &r), "execute(NULL options)", 0);
      break;
    case 4:
      o.task_queue = NULL;
      expect_invalid(tid, temporal_execute_workflow(client, "Echo", "[1]", &o, &r), "execute(no task queue)", 0);
      break;
    case 5:
      expect_invalid(tid, temporal_execute_workflow(client, "Echo", "[1]", &o, NULL), "execute(NULL out)", 0);
      break;
    case 6:
      expect_invalid(tid, temporal_get_workflow(client, NULL, NULL, &r), "get_workflow(NULL id)", 0);
      break;
    case 7:
      expect_invalid(tid, temporal_get_workflow(NULL, "x", NULL, &r), "get_workflow(NULL client)", 0);
      break;
    case 8:
      expect_invalid(tid, temporal_get_result(NULL, 0, &s), "get_result(NULL run)", 0);
      break;
    case 9:
      expect_invalid(tid, temporal_get_result(live_run, 0, NULL), "get_result(NULL out)", 0);
      break;
    case 10: /* a handle of the wrong kind: a client passed as a run */
      expect_invalid(tid, temporal_get_result((const temporal_workflow_run *)client, 1000, &s),
                     "get_result(client as run)", 0);
      break;
    case 11: /* a run passed as a client */
      expect_invalid(tid, temporal_get_workflow((const temporal_client *)live_run, "x", NULL, &r),
                     "get_workflow(run as client)", 0);
      break;
    case 12:
      if (temporal_workflow_run_get_id(NULL) != NULL || temporal_workflow_run_get_run_id(NULL) != NULL)
        fail(tid, "get_id/get_run_id(NULL) not NULL");
      if (temporal_workflow_run_get_id((const temporal_workflow_run *)client) != NULL)
        fail(tid, "get_id(client as run) not NULL");
      if (temporal_error_get_code((const temporal_error *)live_run) != TEMPORAL_ERROR_CODE_INVALID_ARGUMENT)
        fail(tid, "error_get_code(run as error) not INVALID_ARGUMENT");
      atomic_fetch_add(&total_invalid, 3);
      return 4;
  }
  if (r != sentinel) fail(tid, "invalid call %d wrote its run output", which);
  if (s != (char *)(uintptr_t)0x1) fail(tid, "invalid call %d wrote its result output", which);
  atomic_fetch_add(&total_invalid, 1);
  return 1;
}
#define N_INVALID 13

static long do_execute(long tid, long k, uint64_t *seed) {
  char id[MAX_ID], value[MAX_VAL], args[MAX_VAL + 8], expect[MAX_VAL + 8], buf[1024];
  long calls = 0;
  snprintf(id, sizeof id, "%s-%ld-%ld", prefix, tid, k);
  snprintf(value, sizeof value, "v-%ld-%ld-%016llx", tid, k, (unsigned long long)rnd(seed));
  snprintf(args, sizeof args, "[\"%s\"]", value);
  snprintf(expect, sizeof expect, "\"%s\"", value);
  temporal_start_workflow_options o;
  temporal_start_workflow_options_default(&o);
  o.id = id;
  o.task_queue = task_queue;
  temporal_workflow_run *run = NULL;
  temporal_error *e = temporal_execute_workflow(client, "Echo", args, &o, &run);
  calls++;
  if (e) { fail(tid, "execute %s: %s", id, err_text(e, buf, sizeof buf)); temporal_error_free(e); return calls; }
  atomic_fetch_add(&total_workflows, 1);
  const char *gid = temporal_workflow_run_get_id(run);
  const char *rid = temporal_workflow_run_get_run_id(run);
  calls += 2;
  if (!gid || strcmp(gid, id) != 0) fail(tid, "get_id %s != %s", gid ? gid : "NULL", id);
  if (!rid || strlen(rid) < 10) fail(tid, "run id of %s is '%s'", id, rid ? rid : "NULL");
  char *result = NULL;
  e = temporal_get_result(run, 60000, &result);
  calls++;
  if (e) {
    fail(tid, "get_result %s: %s", id, err_text(e, buf, sizeof buf));
    temporal_error_free(e);
  } else if (strcmp(result, expect) != 0) {
    fail(tid, "get_result %s: got %s, want %s", id, result, expect);
  } else {
    pthread_mutex_lock(&done_mu);
    if (done_len == done_cap) {
      done_cap = done_cap ? done_cap * 2 : 1024;
      done_list = realloc(done_list, done_cap * sizeof *done_list);
    }
    done_wf *d = &done_list[done_len++];
    snprintf(d->id, sizeof d->id, "%s", id);
    snprintf(d->run_id, sizeof d->run_id, "%s", rid);
    snprintf(d->result, sizeof d->result, "%s", result);
    pthread_mutex_unlock(&done_mu);
  }
  /* one invalid call with a live run at hand */
  calls += invalid_call(tid, (int)(rnd(seed) % N_INVALID), run);
  temporal_string_free(result);
  temporal_workflow_run_free(run);
  return calls;
}

static long do_reattach(long tid, uint64_t *seed) {
  done_wf d;
  char buf[1024];
  pthread_mutex_lock(&done_mu);
  if (done_len == 0) { pthread_mutex_unlock(&done_mu); return 0; }
  d = done_list[rnd(seed) % done_len];
  pthread_mutex_unlock(&done_mu);
  long calls = 0;
  temporal_workflow_run *run = NULL;
  temporal_error *e = temporal_get_workflow(client, d.id, NULL, &run);
  calls++;
  if (e) { fail(tid, "get_workflow %s: %s", d.id, err_text(e, buf, sizeof buf)); temporal_error_free(e); return calls; }
  const char *rid = temporal_workflow_run_get_run_id(run);
  const char *gid = temporal_workflow_run_get_id(run);
  calls += 2;
  if (!rid || strcmp(rid, d.run_id) != 0) fail(tid, "reattach %s: run id '%s', want '%s'", d.id, rid ? rid : "NULL", d.run_id);
  if (!gid || strcmp(gid, d.id) != 0) fail(tid, "reattach %s: id '%s'", d.id, gid ? gid : "NULL");
  char *result = NULL;
  e = temporal_get_result(run, 60000, &result);
  calls++;
  if (e) { fail(tid, "reattach get_result %s: %s", d.id, err_text(e, buf, sizeof buf)); temporal_error_free(e); }
  else if (strcmp(result, d.result) != 0) fail(tid, "reattach %s: got %s, want %s", d.id, result, d.result);
  temporal_string_free(result);
  calls += invalid_call(tid, (int)(rnd(seed) % N_INVALID), run);
  temporal_workflow_run_free(run);
  atomic_fetch_add(&total_reattach, 1);
  return calls;
}

static void *thread_main(void *arg) {
  long tid = (long)(intptr_t)arg;
  uint64_t seed = 0x9E3779B97F4A7C15ull ^ ((uint64_t)tid * 0x100000001B3ull) ^ (uint64_t)wall_ms();
  long calls = 0, k = 0;
  int warmed = 0;
  while (calls < calls_per_thread) {
    if (!warmed && calls >= warmup_calls) {
      warmed = 1;
      pthread_barrier_wait(&warm_a);
      pthread_barrier_wait(&warm_b);
    }
    calls += do_execute(tid, k++, &seed);
    calls += do_reattach(tid, &seed);
    calls += invalid_call(tid, (int)(rnd(&seed) % N_INVALID), NULL);
  }
  if (!warmed) { pthread_barrier_wait(&warm_a); pthread_barrier_wait(&warm_b); }
  atomic_fetch_add(&total_calls, calls);
  return NULL;
}

int main(void) {
  const char *address = getenv("TEMPORAL_ADDRESS");
  task_queue = env_str("TEMPORAL_TEST_TASK_QUEUE", "temporal-ffi-test");
  nthreads = env_long("FAULT_THREADS", 16);
  calls_per_thread = env_long("FAULT_CALLS", 1000);
  long warm_pct = env_long("FAULT_WARMUP_PCT", 20);
  long rss_max_kb = env_long("FAULT_RSS_MAX_KB", 10240);
  warmup_calls = calls_per_thread * warm_pct / 100;
  snprintf(prefix, sizeof prefix, "faults-stress-%ld-%lld", (long)getpid(), (long long)wall_ms());
  if (!address) { fprintf(stderr, "stress: TEMPORAL_ADDRESS is required\n"); return 2; }
  char buf[1024];

  long rss_start = rss_kb();
  temporal_client_options copts;
  temporal_client_options_default(&copts);
  copts.address = address;
  temporal_error *e = temporal_client_connect(&copts, &client);
  if (e) { fprintf(stderr, "stress: FAIL connect: %s\n", err_text(e, buf, sizeof buf)); temporal_error_free(e); return 1; }

  pthread_barrier_init(&warm_a, NULL, (unsigned)nthreads + 1);
  pthread_barrier_init(&warm_b, NULL, (unsigned)nthreads + 1);
  pthread_t *th = calloc((size_t)nthreads, sizeof *th);
  double t0 = now_s();
  for (long i = 0; i < nthreads; i++) pthread_create(&th[i], NULL, thread_main, (void *)(intptr_t)i);
  pthread_barrier_wait(&warm_a);
  double t_warm = now_s();
  long workflows_warm = atomic_load(&total_workflows);
  long rss_warm = rss_kb();
  pthread_barrier_wait(&warm_b);
  for (long i = 0; i < nthreads; i++) pthread_join(th[i], NULL);
  double t1 = now_s();
  long rss_end = rss_kb();
  long workflows = atomic_load(&total_workflows);

  printf("stress: %ld threads x %ld calls: %ld calls in %.2f s (%.0f calls/s): %ld workflows executed "
         "and checked, %ld reattaches checked, %ld invalid calls\n",
         nthreads, calls_per_thread, atomic_load(&total_calls), t1 - t0, atomic_load(&total_calls) / (t1 - t0),
         workflows, atomic_load(&total_reattach), atomic_load(&total_invalid));
  long growth = rss_end - rss_warm;
  long measured_workflows = workflows - workflows_warm;
  printf("stress: RSS %ld kB at start, %ld kB after warm-up (%.1f s, %ld workflows), %ld kB at the end: "
         "growth %ld kB over %ld workflows (%.2f kB/workflow); limit %ld kB\n",
         rss_start, rss_warm, t_warm - t0, workflows_warm, rss_end, growth, measured_workflows,
         measured_workflows ? (double)growth / (double)measured_workflows : 0.0, rss_max_kb);
  int failures = (int)atomic_load(&total_failures);
  if (growth >= rss_max_kb) {
    fprintf(stderr, "stress: FAIL RSS grew by %ld kB after warm-up (limit %ld kB)\n", growth, rss_max_kb);
    failures++;
  }
  long expect_min = nthreads * calls_per_thread;
  if (atomic_load(&total_calls) < expect_min) { fprintf(stderr, "stress: FAIL only %ld calls\n", atomic_load(&total_calls)); failures++; }
  temporal_client_free(client);
  free(th);
  free(done_list);
  printf("stress: %s (%d failures)\n", failures ? "FAIL" : "PASS", failures);
  return failures ? 1 : 0;
}
