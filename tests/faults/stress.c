/*
 * Stress: FAULT_THREADS (16) threads share one client and each makes at least FAULT_CALLS
 * (2000: about 35 per workflow, counting every getter and completion call) library calls, in a
 * mix:
 *   - a start of Echo with a unique per-call value, a wait for its result, and a check that the
 *     echoed value is exactly the one sent (plus get_id / get_run_id);
 *   - a reattach to a workflow completed earlier by any thread: temporal_get_workflow by ID
 *     alone, temporal_workflow_run_get_run_id (must be "" before, never blocking),
 *     temporal_workflow_run_resolve_run_id_async (then the recorded Run ID), a result wait
 *     (must be that workflow's value), get_id;
 *   - invalid calls in between (NULL arguments, bad JSON, a handle of the wrong kind, call
 *     options of size 0 or with both a callback and a queue, a NULL call_out), which must fail
 *     with INVALID_ARGUMENT (or PAYLOAD for bad JSON) and leave outputs untouched.
 * Every start and wait rotates over the completion forms: the blocking wrapper (where there is
 * one), the _async call with temporal_call_wait, a callback (the thread sleeps on a condition
 * variable until it ran), and the thread's own completion queue (poll on its descriptor, then
 * temporal_completion_queue_next). Everything is freed. "Calls" counts every library call except
 * the *_free and *_default ones.
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

#include <poll.h>
#include <stdatomic.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#define MAX_ID 96
#define MAX_VAL 160
/* Every call here is given this long: a completion that takes longer is a failure. */
#define CALL_TIMEOUT_MS 60000

typedef struct {
  char id[MAX_ID];
  char run_id[64];
  char result[MAX_VAL + 8];
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
static atomic_long by_form[4];

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

/* ---- completion forms ---- */

enum form { FORM_BLOCKING, FORM_WAIT, FORM_CALLBACK, FORM_QUEUE };
static const char *const FORM_NAMES[] = {"blocking", "wait", "callback", "queue"};

typedef struct {
  long tid;
  uint64_t seed;
  temporal_completion_queue *queue; /* this thread's own */
  pthread_mutex_t mu;               /* the callback form's hand-over */
  pthread_cond_t cv;
  int completed;
  temporal_call *completed_call;
} thread_ctx;

static void on_complete(void *user_data, temporal_call *call) {
  thread_ctx *t = user_data;
  pthread_mutex_lock(&t->mu);
  t->completed = 1;
  t->completed_call = call;
  pthread_cond_signal(&t->cv);
  pthread_mutex_unlock(&t->mu);
  /* The thread may free the call from here on, while this callback is still returning. */
}

/* Call options for `f` (FORM_BLOCKING has none: the caller uses the wrapper). */
static void form_options(thread_ctx *t, enum form f, temporal_call_options *o) {
  temporal_call_options_default(o, sizeof *o);
  o->timeout_ms = CALL_TIMEOUT_MS;
  o->user_data = t;
  if (f == FORM_CALLBACK) o->callback = on_complete;
  if (f == FORM_QUEUE) o->completion_queue = t->queue;
  if (f == FORM_CALLBACK) {
    pthread_mutex_lock(&t->mu);
    t->completed = 0;
    t->completed_call = NULL;
    pthread_mutex_unlock(&t->mu);
  }
}

/* Waits until `call` (started with form_options) completed, in its form; 0 when it did, else
   -1 with the reason in `why`. Counts the library calls it makes. */
static int await_call(thread_ctx *t, enum form f, temporal_call *call, long *calls, char *why, size_t n) {
  char buf[512];
  switch (f) {
    case FORM_BLOCKING:
    case FORM_WAIT: {
      temporal_error *e = temporal_call_wait(call, TEMPORAL_TIMEOUT_NONE); /* bounded by the call's timeout */
      (*calls)++;
      if (e) { snprintf(why, n, "call_wait: %s", err_text(e, buf, sizeof buf)); temporal_error_free(e); return -1; }
      break;
    }
    case FORM_CALLBACK: {
      struct timespec until;
      clock_gettime(CLOCK_REALTIME, &until);
      until.tv_sec += CALL_TIMEOUT_MS / 1000 + 10;
      pthread_mutex_lock(&t->mu);
      while (!t->completed && pthread_cond_timedwait(&t->cv, &t->mu, &until) == 0) {}
      int completed = t->completed;
      temporal_call *got = t->completed_call;
      pthread_mutex_unlock(&t->mu);
      if (!completed) { snprintf(why, n, "the callback did not run"); return -1; }
      if (got != call) { snprintf(why, n, "the callback got %p, not the call %p", (void *)got, (void *)call); return -1; }
      break;
    }
    case FORM_QUEUE: {
      struct pollfd p = {temporal_completion_queue_fd(t->queue), POLLIN, 0};
      int ready = poll(&p, 1, CALL_TIMEOUT_MS + 10000);
      temporal_call *got = ready == 1 ? temporal_completion_queue_next(t->queue) : NULL;
      temporal_call *more = got ? temporal_completion_queue_next(t->queue) : NULL;
      *calls += 3;
      if (!got) { snprintf(why, n, "nothing came off the queue (poll %d)", ready); return -1; }
      if (got != call || more) {
        snprintf(why, n, "queue_next gave %p then %p, want %p then NULL", (void *)got, (void *)more, (void *)call);
        return -1;
      }
      break;
    }
  }
  if (!temporal_call_is_done(call) || temporal_call_get_user_data(call) != t) {
    snprintf(why, n, "completed call: is_done %d, user_data %p", temporal_call_is_done(call),
             temporal_call_get_user_data(call));
    return -1;
  }
  *calls += 2;
  return 0;
}

/* The completed call's error as "CODE: message" in `why`; 0 if it has none. */
static int call_failed(const temporal_call *call, char *why, size_t n) {
  const temporal_error *e = temporal_call_get_error(call);
  if (!e) return 0;
  err_text(e, why, n);
  return 1;
}

/* Starts Echo in form `f`: the run, or NULL after a failure was reported. */
static temporal_workflow_run *start_echo(thread_ctx *t, enum form f, const char *id, const char *args, long *calls) {
  temporal_start_workflow_options o;
  temporal_start_workflow_options_default(&o, sizeof o);
  o.id = id;
  o.task_queue = task_queue;
  temporal_workflow_run *run = NULL;
  char why[1024];
  if (f == FORM_BLOCKING) {
    temporal_error *e = temporal_execute_workflow(client, "Echo", args, &o, &run);
    (*calls)++;
    if (e) { fail(t->tid, "execute %s: %s", id, err_text(e, why, sizeof why)); temporal_error_free(e); }
    return run;
  }
  temporal_call_options co;
  form_options(t, f, &co);
  temporal_call *call = NULL;
  temporal_error *e = temporal_execute_workflow_async(client, "Echo", args, &o, &co, &call);
  (*calls)++;
  if (e) { fail(t->tid, "execute_async %s: %s", id, err_text(e, why, sizeof why)); temporal_error_free(e); return NULL; }
  if (await_call(t, f, call, calls, why, sizeof why) != 0) fail(t->tid, "execute_async %s (%s): %s", id, FORM_NAMES[f], why);
  else if (call_failed(call, why, sizeof why)) fail(t->tid, "execute_async %s (%s): %s", id, FORM_NAMES[f], why);
  else if (!(run = temporal_call_take_run(call))) fail(t->tid, "execute_async %s: no run", id);
  else if (temporal_call_take_run(call) || temporal_call_get_json(call)) fail(t->tid, "execute_async %s: a second run, or JSON", id);
  *calls += 3;
  temporal_call_free(call);
  return run;
}

/* Waits for the result in form `f`; returns 0 and copies it, or -1 after reporting. */
static int wait_result(thread_ctx *t, enum form f, const temporal_workflow_run *run, const char *what, char *out, size_t n,
                       long *calls) {
  char why[1024];
  if (f == FORM_BLOCKING) {
    char *result = NULL;
    temporal_error *e = temporal_get_result(run, CALL_TIMEOUT_MS, &result);
    (*calls)++;
    if (e) { fail(t->tid, "get_result %s: %s", what, err_text(e, why, sizeof why)); temporal_error_free(e); return -1; }
    snprintf(out, n, "%s", result);
    temporal_string_free(result);
    return 0;
  }
  temporal_call_options co;
  form_options(t, f, &co);
  temporal_call *call = NULL;
  temporal_error *e = temporal_get_result_async(run, &co, &call);
  (*calls)++;
  if (e) { fail(t->tid, "get_result_async %s: %s", what, err_text(e, why, sizeof why)); temporal_error_free(e); return -1; }
  int status = -1;
  const char *json = NULL;
  if (await_call(t, f, call, calls, why, sizeof why) != 0) fail(t->tid, "get_result_async %s (%s): %s", what, FORM_NAMES[f], why);
  else if (call_failed(call, why, sizeof why)) fail(t->tid, "get_result_async %s (%s): %s", what, FORM_NAMES[f], why);
  else if (!(json = temporal_call_get_json(call))) fail(t->tid, "get_result_async %s: no JSON", what);
  else { snprintf(out, n, "%s", json); status = 0; }
  *calls += 2;
  temporal_call_free(call);
  return status;
}

/* ---- invalid calls ---- */

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
static long invalid_call(thread_ctx *t, int which, temporal_workflow_run *live_run) {
  long tid = t->tid;
  temporal_start_workflow_options o;
  temporal_start_workflow_options_default(&o, sizeof o);
  o.task_queue = task_queue;
  temporal_call_options co;
  temporal_call_options_default(&co, sizeof co);
  temporal_workflow_run *sentinel = (temporal_workflow_run *)(uintptr_t)0x1;
  temporal_workflow_run *r = sentinel;
  char *s = (char *)(uintptr_t)0x1;
  temporal_call *const call_sentinel = (temporal_call *)(uintptr_t)0x1;
  temporal_call *call = call_sentinel;
  if (!live_run && (which == 9 || which == 11 || which == 12 || which == 14)) which = 10; /* need a live run */
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
    case 13: /* call options not initialised: size 0 */
      co.size = 0;
      expect_invalid(tid, temporal_execute_workflow_async(client, "Echo", "[1]", &o, &co, &call),
                     "execute_async(call options size 0)", 0);
      break;
    case 14: /* a callback and a queue */
      co.callback = on_complete;
      co.completion_queue = t->queue;
      expect_invalid(tid, temporal_get_result_async(live_run, &co, &call), "get_result_async(callback and queue)", 0);
      break;
    case 15:
      expect_invalid(tid, temporal_signal_workflow_async(client, "x", NULL, "s", NULL, &co, NULL),
                     "signal_async(NULL call_out)", 0);
      break;
    case 16:
      expect_invalid(tid, temporal_call_wait(NULL, 0), "call_wait(NULL)", 0);
      break;
    case 17: /* a client passed as a run, in the call form */
      expect_invalid(tid, temporal_get_result_async((const temporal_workflow_run *)client, &co, &call),
                     "get_result_async(client as run)", 0);
      break;
    case 18:
      if (temporal_call_get_json(NULL) || temporal_call_is_done((const temporal_call *)client) ||
          temporal_call_get_error((const temporal_call *)client) || temporal_completion_queue_next(NULL) ||
          temporal_completion_queue_fd((const temporal_completion_queue *)client) != -1)
        fail(tid, "call/queue getters on NULL or a client did not give NULL/false/-1");
      atomic_fetch_add(&total_invalid, 5);
      return 5;
  }
  if (r != sentinel) fail(tid, "invalid call %d wrote its run output", which);
  if (s != (char *)(uintptr_t)0x1) fail(tid, "invalid call %d wrote its result output", which);
  if (call != call_sentinel) fail(tid, "invalid call %d wrote its call output", which);
  atomic_fetch_add(&total_invalid, 1);
  return 1;
}
#define N_INVALID 19

static long do_execute(thread_ctx *t, long k) {
  char id[MAX_ID], value[MAX_VAL], args[MAX_VAL + 8], expect[MAX_VAL + 8], result[MAX_VAL + 8];
  long calls = 0;
  enum form f = (enum form)(rnd(&t->seed) % 4), g = (enum form)(rnd(&t->seed) % 4);
  atomic_fetch_add(&by_form[f], 1);
  atomic_fetch_add(&by_form[g], 1);
  snprintf(id, sizeof id, "%s-%ld-%ld", prefix, t->tid, k);
  snprintf(value, sizeof value, "v-%ld-%ld-%016llx", t->tid, k, (unsigned long long)rnd(&t->seed));
  snprintf(args, sizeof args, "[\"%s\"]", value);
  snprintf(expect, sizeof expect, "\"%s\"", value);
  temporal_workflow_run *run = start_echo(t, f, id, args, &calls);
  if (!run) return calls;
  atomic_fetch_add(&total_workflows, 1);
  const char *gid = temporal_workflow_run_get_id(run);
  const char *rid = temporal_workflow_run_get_run_id(run);
  calls += 2;
  if (!gid || strcmp(gid, id) != 0) fail(t->tid, "get_id %s != %s", gid ? gid : "NULL", id);
  if (!rid || strlen(rid) < 10) fail(t->tid, "run id of %s is '%s'", id, rid ? rid : "NULL");
  if (wait_result(t, g, run, id, result, sizeof result, &calls) == 0) {
    if (strcmp(result, expect) != 0) {
      fail(t->tid, "result of %s (%s): got %s, want %s", id, FORM_NAMES[g], result, expect);
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
  }
  /* one invalid call with a live run at hand */
  calls += invalid_call(t, (int)(rnd(&t->seed) % N_INVALID), run);
  temporal_workflow_run_free(run);
  return calls;
}

static long do_reattach(thread_ctx *t) {
  done_wf d;
  char buf[1024], result[MAX_VAL + 8];
  pthread_mutex_lock(&done_mu);
  if (done_len == 0) { pthread_mutex_unlock(&done_mu); return 0; }
  d = done_list[rnd(&t->seed) % done_len];
  pthread_mutex_unlock(&done_mu);
  long calls = 0;
  temporal_workflow_run *run = NULL;
  temporal_error *e = temporal_get_workflow(client, d.id, NULL, &run);
  calls++;
  if (e) { fail(t->tid, "get_workflow %s: %s", d.id, err_text(e, buf, sizeof buf)); temporal_error_free(e); return calls; }
  /* No Run ID yet, and asking never blocks. */
  const char *rid = temporal_workflow_run_get_run_id(run);
  calls++;
  if (!rid || *rid) fail(t->tid, "reattach %s: run id '%s' before it was resolved, want \"\"", d.id, rid ? rid : "NULL");
  /* Resolve it (blocking form: the _async call and temporal_call_wait; there is no wrapper). */
  enum form f = (enum form)(1 + rnd(&t->seed) % 3);
  temporal_call_options co;
  form_options(t, f, &co);
  temporal_call *call = NULL;
  e = temporal_workflow_run_resolve_run_id_async(run, &co, &call);
  calls++;
  if (e) {
    fail(t->tid, "resolve_run_id_async %s: %s", d.id, err_text(e, buf, sizeof buf));
    temporal_error_free(e);
  } else {
    if (await_call(t, f, call, &calls, buf, sizeof buf) != 0) fail(t->tid, "resolve_run_id_async %s (%s): %s", d.id, FORM_NAMES[f], buf);
    else if (call_failed(call, buf, sizeof buf)) fail(t->tid, "resolve_run_id_async %s: %s", d.id, buf);
    temporal_call_free(call);
  }
  rid = temporal_workflow_run_get_run_id(run);
  const char *gid = temporal_workflow_run_get_id(run);
  calls += 2;
  if (!rid || strcmp(rid, d.run_id) != 0) fail(t->tid, "reattach %s: run id '%s', want '%s'", d.id, rid ? rid : "NULL", d.run_id);
  if (!gid || strcmp(gid, d.id) != 0) fail(t->tid, "reattach %s: id '%s'", d.id, gid ? gid : "NULL");
  enum form g = (enum form)(rnd(&t->seed) % 4);
  if (wait_result(t, g, run, d.id, result, sizeof result, &calls) == 0 && strcmp(result, d.result) != 0)
    fail(t->tid, "reattach %s (%s): got %s, want %s", d.id, FORM_NAMES[g], result, d.result);
  calls += invalid_call(t, (int)(rnd(&t->seed) % N_INVALID), run);
  temporal_workflow_run_free(run);
  atomic_fetch_add(&total_reattach, 1);
  return calls;
}

static void *thread_main(void *arg) {
  thread_ctx *t = arg;
  t->seed = 0x9E3779B97F4A7C15ull ^ ((uint64_t)t->tid * 0x100000001B3ull) ^ (uint64_t)wall_ms();
  long calls = 0, k = 0;
  int warmed = 0;
  while (calls < calls_per_thread) {
    if (!warmed && calls >= warmup_calls) {
      warmed = 1;
      pthread_barrier_wait(&warm_a);
      pthread_barrier_wait(&warm_b);
    }
    calls += do_execute(t, k++);
    calls += do_reattach(t);
    calls += invalid_call(t, (int)(rnd(&t->seed) % N_INVALID), NULL);
  }
  if (!warmed) { pthread_barrier_wait(&warm_a); pthread_barrier_wait(&warm_b); }
  atomic_fetch_add(&total_calls, calls);
  return NULL;
}

int main(void) {
  const char *address = getenv("TEMPORAL_ADDRESS");
  task_queue = env_str("TEMPORAL_TEST_TASK_QUEUE", "temporal-ffi-test");
  nthreads = env_long("FAULT_THREADS", 16);
  calls_per_thread = env_long("FAULT_CALLS", 2000);
  long warm_pct = env_long("FAULT_WARMUP_PCT", 20);
  long rss_max_kb = env_long("FAULT_RSS_MAX_KB", 10240);
  warmup_calls = calls_per_thread * warm_pct / 100;
  snprintf(prefix, sizeof prefix, "faults-stress-%ld-%lld", (long)getpid(), (long long)wall_ms());
  if (!address) { fprintf(stderr, "stress: TEMPORAL_ADDRESS is required\n"); return 2; }
  char buf[1024];

  long rss_start = rss_kb();
  temporal_client_options copts;
  temporal_client_options_default(&copts, sizeof copts);
  copts.address = address;
  temporal_error *e = temporal_client_connect(&copts, &client);
  if (e) { fprintf(stderr, "stress: FAIL connect: %s\n", err_text(e, buf, sizeof buf)); temporal_error_free(e); return 1; }

  pthread_barrier_init(&warm_a, NULL, (unsigned)nthreads + 1);
  pthread_barrier_init(&warm_b, NULL, (unsigned)nthreads + 1);
  pthread_t *th = calloc((size_t)nthreads, sizeof *th);
  thread_ctx *ctx = calloc((size_t)nthreads, sizeof *ctx);
  for (long i = 0; i < nthreads; i++) {
    ctx[i].tid = i;
    pthread_mutex_init(&ctx[i].mu, NULL);
    pthread_cond_init(&ctx[i].cv, NULL);
    if ((e = temporal_completion_queue_new(&ctx[i].queue))) {
      fprintf(stderr, "stress: FAIL queue_new: %s\n", err_text(e, buf, sizeof buf));
      temporal_error_free(e);
      return 1;
    }
  }
  double t0 = now_s();
  for (long i = 0; i < nthreads; i++) pthread_create(&th[i], NULL, thread_main, &ctx[i]);
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
  printf("stress: starts and result waits by completion form: blocking %ld, wait %ld, callback %ld, queue %ld\n",
         atomic_load(&by_form[FORM_BLOCKING]), atomic_load(&by_form[FORM_WAIT]), atomic_load(&by_form[FORM_CALLBACK]),
         atomic_load(&by_form[FORM_QUEUE]));
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
  for (long i = 0; i < nthreads; i++) {
    if (temporal_completion_queue_next(ctx[i].queue)) { fprintf(stderr, "stress: FAIL a call left on queue %ld\n", i); failures++; }
    temporal_completion_queue_free(ctx[i].queue);
    pthread_mutex_destroy(&ctx[i].mu);
    pthread_cond_destroy(&ctx[i].cv);
  }
  temporal_client_free(client);
  free(th);
  free(ctx);
  free(done_list);
  printf("stress: %s (%d failures)\n", failures ? "FAIL" : "PASS", failures);
  return failures ? 1 : 0;
}
