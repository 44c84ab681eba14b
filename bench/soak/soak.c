/*
 * Soak load (issue 17): a fixed rate of mixed calls on one client for SOAK_SECONDS, every
 * outcome checked, so that bench/soak/run.sh can watch this process's RSS, descriptors and
 * threads for slow leaks that a short test cannot see.
 *
 * One thread (main) paces the load: every 1/SOAK_RATE s it starts exactly one library call
 * that talks to the server. A "job" is a short scenario of such calls; the next call of a job
 * in progress goes first, otherwise a new job starts. Job kinds, in a fixed rotation:
 *   echo     start Echo (business ID) with a unique value, result wait: the value echoed; every
 *            other one is then described: status COMPLETED, the same Workflow ID
 *   signal   start Block (business ID), start the same ID again: the same Run ID (a business
 *            ID never runs twice), a result wait, and while it is parked a signal "unblock" with
 *            a unique value: the wait gives "unblocked: <value>"
 *   sleep    start Sleep(SOAK_SLEEP_MS), result wait: "slept" (the waits parked at any time)
 *   query    query "count" of one of SOAK_COUNTERS long-lived Counter workflows: its start
 *            value; then describe it: RUNNING
 *   cancel   start Block, cancel the workflow, result wait: WORKFLOW_CANCELED
 *   timeout  start Block, result wait with a SOAK_SHORT_TIMEOUT_MS timeout: DEADLINE_EXCEEDED;
 *            result wait canceled at once with temporal_call_cancel: CANCELED; terminate;
 *            result wait: WORKFLOW_TERMINATED
 * Completion forms rotate per call (call ID modulo 3): a pool of SOAK_WAITERS threads blocked
 * in temporal_call_wait, a callback, and a completion queue whose descriptor the main loop
 * polls. Callbacks and waiters hand the call back to the main loop, which owns all bookkeeping.
 *
 * Every call has an ID (user_data) and a delivery count: a second delivery is a duplicate, a
 * call not delivered within its timeout + SOAK_LOST_GRACE_MS, or by the end, is lost; an
 * unexpected outcome is wrong. All bookkeeping memory is allocated and touched before the
 * load starts, so this program's own RSS does not grow with the number of calls.
 *
 * Prints "soak: ok ..." / "soak: FAIL ..." lines and exits non-zero on any failure. Writes a
 * JSON summary to SOAK_SUMMARY_FILE when set.
 *
 * Env (defaults): TEMPORAL_ADDRESS (required), TEMPORAL_TEST_TASK_QUEUE (temporal-ffi-test),
 *   SOAK_SECONDS (1800), SOAK_RATE (20 calls/s), SOAK_WAITERS (16: more than the wait-form
 *   calls in flight at once, about 5 parked Sleep waits, so that none queues for a waiter),
 *   SOAK_COUNTERS (4), SOAK_CALL_TIMEOUT_MS (30000), SOAK_SHORT_TIMEOUT_MS (250),
 *   SOAK_LOST_GRACE_MS (10000), SOAK_SLEEP_MS (10000), SOAK_DRAIN_S (60), SOAK_PROGRESS_S (60),
 *   SOAK_BACKLOG_MAX (200: more calls waiting for their turn than this means the rate is not
 *   sustained), SOAK_SLOW_MS (2000: a "slow call" line for each call slower than this),
 *   SOAK_SUMMARY_FILE, SOAK_PLANT (none; see below).
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "temporal.h"

/* ---- small helpers ---- */

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long env_long(const char *name, long dflt) {
  const char *v = getenv(name);
  if (!v || !*v) return dflt;
  return strtol(v, NULL, 10);
}

static const char *env_str(const char *name, const char *dflt) {
  const char *v = getenv(name);
  return (v && *v) ? v : dflt;
}

static const char *err_text(const temporal_error *e, char *buf, size_t n) {
  snprintf(buf, n, "%s: %s", temporal_error_code_name(temporal_error_get_code(e)),
           temporal_error_get_message(e));
  return buf;
}

static long failures;
static void fail(const char *fmt, ...) {
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  /* The first ones say what went wrong; thousands more would only bury them. */
  if (failures++ < 50) fprintf(stderr, "soak: FAIL %s\n", msg);
}

/* ---- configuration ---- */

static temporal_client *client;
static const char *task_queue;
static long soak_seconds, rate, n_waiters, n_counters, call_timeout_ms, short_timeout_ms;
static long lost_grace_ms, drain_s, progress_s, backlog_max, sleep_ms, slow_ms;
static char tag[64]; /* unique per run: Workflow IDs never collide with an earlier run's */
/* SOAK_PLANT: a bug planted on purpose, to prove that a gate catches it: "rss" (8 kB kept per
   job), "fd" (a descriptor kept every 20 jobs), "thread" (a thread kept every 25 jobs), "lost"
   (the 100th call's callback is dropped), "dup" (the 100th call's callback is delivered twice). */
static const char *plant = "";
static void *leaked; /* the planted RSS leak, a linked list so that it stays reachable */

static void *parked_thread(void *arg) {
  (void)arg;
  for (;;) sleep(3600);
  return NULL;
}

/* ---- jobs ---- */

enum kind { K_ECHO, K_SIGNAL, K_QUERY, K_SLEEP, K_CANCEL, K_TIMEOUT, K_COUNT };
static const char *const KIND_NAMES[] = {"echo", "signal", "query", "sleep", "cancel", "timeout"};
/* Echo most often: it is the common start-and-wait path. */
static const enum kind ROTATION[] = {K_ECHO, K_SIGNAL, K_QUERY, K_SLEEP, K_ECHO, K_CANCEL, K_ECHO, K_TIMEOUT, K_QUERY, K_SLEEP};
#define ROTATION_LEN (sizeof ROTATION / sizeof ROTATION[0])

/* Operation kinds, for the latency figures. */
enum op { OP_START, OP_RESULT, OP_SIGNAL, OP_QUERY, OP_DESCRIBE, OP_CANCEL, OP_TERMINATE, OP_COUNT };
static const char *const OP_NAMES[] = {"start", "result", "signal", "query", "describe", "cancel", "terminate"};

typedef struct job {
  int in_use;
  enum kind kind;
  int step;
  long n;
  char id[96];
  char value[96];
  char run_id[64];
  int counter;
  int pending; /* its calls in flight */
  int queued;  /* in the ready FIFO */
  temporal_workflow_run *run;
} job;

#define MAX_JOBS 2048
static job jobs[MAX_JOBS];
static long jobs_active;
static long jobs_started[K_COUNT], jobs_done[K_COUNT];

/* Jobs whose next call waits for its turn (a FIFO ring). */
static job *ready[MAX_JOBS];
static size_t ready_head, ready_len;

static void ready_push(job *j) {
  if (ready_len == MAX_JOBS) { fail("ready queue overflow"); return; }
  j->queued = 1;
  ready[(ready_head + ready_len++) % MAX_JOBS] = j;
}
static job *ready_pop(void) {
  if (!ready_len) return NULL;
  job *j = ready[ready_head];
  ready_head = (ready_head + 1) % MAX_JOBS;
  ready_len--;
  j->queued = 0;
  return j;
}

/* ---- calls in flight ---- */

enum form { FORM_WAIT, FORM_CALLBACK, FORM_QUEUE, FORM_COUNT };
static const char *const FORM_NAMES[] = {"wait", "callback", "queue"};

typedef struct {
  long cid; /* -1: free */
  job *j;
  int step;
  enum op op;
  enum form form;
  temporal_call *call;
  double started;
  double deadline; /* after this it counts as lost */
  int reported_lost;
} call_rec;

/* Slot = call ID modulo RING: calls in flight at once stay far below it. */
#define RING 8192
static call_rec recs[RING];
static long inflight;

/* Deliveries per call ID: one byte each, allocated and touched before the load. */
static unsigned char *deliveries;
static long max_cid, next_cid;

static long calls_by_form[FORM_COUNT], calls_by_op[OP_COUNT];
static long lost, duplicated, wrong, late_ticks;

/* Latency histograms in ms, per operation, fixed size. */
#define HIST_MS 60001
static uint32_t *hist[OP_COUNT];

static void hist_add(enum op op, double seconds) {
  long ms = (long)(seconds * 1000.0 + 0.5);
  if (ms < 0) ms = 0;
  if (ms >= HIST_MS) ms = HIST_MS - 1;
  hist[op][ms]++;
}
static long hist_pct(enum op op, double p) {
  uint64_t total = 0;
  for (long i = 0; i < HIST_MS; i++) total += hist[op][i];
  if (!total) return -1;
  uint64_t want = (uint64_t)(p / 100.0 * (double)(total - 1)) + 1, seen = 0;
  for (long i = 0; i < HIST_MS; i++) {
    seen += hist[op][i];
    if (seen >= want) return i;
  }
  return HIST_MS - 1;
}

/* ---- the hand-over from callbacks and waiter threads to the main loop ---- */

typedef struct {
  long cid;
  temporal_call *call;
} delivery;

#define DONE_CAP (RING * 2)
static pthread_mutex_t done_mu = PTHREAD_MUTEX_INITIALIZER;
static delivery done_list[DONE_CAP];
static size_t done_head, done_len;
static long done_overflow;
static int notify_pipe[2];

static void deliver(long cid, temporal_call *call) {
  pthread_mutex_lock(&done_mu);
  if (done_len == DONE_CAP) done_overflow++;
  else done_list[(done_head + done_len++) % DONE_CAP] = (delivery){cid, call};
  pthread_mutex_unlock(&done_mu);
  char b = 1;
  /* A full pipe already wakes the main loop: EAGAIN is fine. */
  if (write(notify_pipe[1], &b, 1) < 0 && errno != EAGAIN) {}
}

static void on_complete(void *user_data, temporal_call *call) {
  long cid = (long)(intptr_t)user_data;
  if (cid == 100 && strcmp(plant, "lost") == 0) return;
  deliver(cid, call);
  if (cid == 100 && strcmp(plant, "dup") == 0) deliver(cid, call);
}

/* Waiter pool: FORM_WAIT calls are handed here and waited for with temporal_call_wait. */
static pthread_mutex_t wait_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wait_cv = PTHREAD_COND_INITIALIZER;
static delivery wait_list[RING];
static size_t wait_head, wait_len;
static int waiters_stop;

static void *waiter_main(void *arg) {
  (void)arg;
  for (;;) {
    pthread_mutex_lock(&wait_mu);
    while (!wait_len && !waiters_stop) pthread_cond_wait(&wait_cv, &wait_mu);
    if (!wait_len && waiters_stop) { pthread_mutex_unlock(&wait_mu); return NULL; }
    delivery d = wait_list[wait_head];
    wait_head = (wait_head + 1) % RING;
    wait_len--;
    pthread_mutex_unlock(&wait_mu);
    /* Bounded by the call's own timeout. */
    temporal_error *e = temporal_call_wait(d.call, TEMPORAL_TIMEOUT_NONE);
    if (e) {
      char buf[512];
      fprintf(stderr, "soak: FAIL call %ld: temporal_call_wait: %s\n", d.cid, err_text(e, buf, sizeof buf));
      temporal_error_free(e);
      /* Delivered anyway: the main loop sees it is not done and counts it wrong. */
    }
    deliver(d.cid, d.call);
  }
}

static void wait_push(long cid, temporal_call *call) {
  pthread_mutex_lock(&wait_mu);
  if (wait_len == RING) fail("waiter queue overflow");
  else wait_list[(wait_head + wait_len++) % RING] = (delivery){cid, call};
  pthread_cond_signal(&wait_cv);
  pthread_mutex_unlock(&wait_mu);
}

static temporal_completion_queue *queue;

/* ---- starting one call of a job ---- */

/* Issues the job's current step with `co`; sets *op. */
static temporal_error *issue(job *j, const temporal_call_options *co, temporal_call **call, enum op *op) {
  temporal_start_workflow_options so;
  temporal_start_workflow_options_default(&so, sizeof so);
  so.task_queue = task_queue;
  so.id = j->id;
  char args[160];
  switch (j->kind) {
    case K_ECHO:
      if (j->step == 0) {
        *op = OP_START;
        snprintf(args, sizeof args, "[\"%s\"]", j->value);
        return temporal_execute_workflow_async(client, "Echo", args, &so, co, call);
      }
      if (j->step == 1) { *op = OP_RESULT; return temporal_get_result_async(j->run, co, call); }
      *op = OP_DESCRIBE;
      return temporal_describe_workflow_execution_async(client, j->id, j->run_id, co, call);
    case K_SIGNAL:
      if (j->step <= 1) { *op = OP_START; return temporal_execute_workflow_async(client, "Block", NULL, &so, co, call); }
      if (j->step == 2) { *op = OP_RESULT; return temporal_get_result_async(j->run, co, call); }
      *op = OP_SIGNAL;
      snprintf(args, sizeof args, "[\"%s\"]", j->value);
      return temporal_signal_workflow_async(client, j->id, NULL, "unblock", args, co, call);
    case K_SLEEP:
      if (j->step == 0) {
        *op = OP_START;
        snprintf(args, sizeof args, "[%ld]", sleep_ms);
        return temporal_execute_workflow_async(client, "Sleep", args, &so, co, call);
      }
      *op = OP_RESULT;
      return temporal_get_result_async(j->run, co, call);
    case K_QUERY:
      if (j->step == 0) { *op = OP_QUERY; return temporal_query_workflow_async(client, j->id, NULL, "count", NULL, co, call); }
      *op = OP_DESCRIBE;
      return temporal_describe_workflow_execution_async(client, j->id, NULL, co, call);
    case K_CANCEL:
      if (j->step == 0) { *op = OP_START; return temporal_execute_workflow_async(client, "Block", NULL, &so, co, call); }
      if (j->step == 1) { *op = OP_CANCEL; return temporal_cancel_workflow_async(client, j->id, j->run_id, co, call); }
      *op = OP_RESULT;
      return temporal_get_result_async(j->run, co, call);
    case K_TIMEOUT:
      if (j->step == 0) { *op = OP_START; return temporal_execute_workflow_async(client, "Block", NULL, &so, co, call); }
      if (j->step == 1 || j->step == 2 || j->step == 4) { *op = OP_RESULT; return temporal_get_result_async(j->run, co, call); }
      *op = OP_TERMINATE;
      return temporal_terminate_workflow_async(client, j->id, j->run_id, "soak", NULL, co, call);
    case K_COUNT: break;
  }
  return NULL;
}

/* The timeout the job's current step runs with. */
static uint64_t step_timeout(const job *j) {
  if (j->kind == K_TIMEOUT && j->step == 1) return (uint64_t)short_timeout_ms;
  return (uint64_t)call_timeout_ms;
}

static void finish_job(job *j) {
  if (strcmp(plant, "rss") == 0) {
    void **p = malloc(8192);
    if (p) { memset(p, 1, 8192); *p = leaked; leaked = p; }
  } else if (strcmp(plant, "fd") == 0 && j->n % 20 == 0) {
    if (open("/dev/null", O_RDONLY) < 0) perror("soak: planted fd");
  } else if (strcmp(plant, "thread") == 0 && j->n % 25 == 0) {
    pthread_t t;
    if (pthread_create(&t, NULL, parked_thread, NULL) == 0) pthread_detach(t);
  }
  temporal_workflow_run_free(j->run);
  j->run = NULL;
  jobs_done[j->kind]++;
  j->in_use = 0;
  jobs_active--;
}

static void start_step(job *j, double now) {
  long cid = next_cid++;
  if (cid >= max_cid) { fail("more calls than the bookkeeping was sized for (%ld)", max_cid); return; }
  call_rec *r = &recs[cid % RING];
  if (r->cid != -1) { fail("call slot %ld still busy with call %ld", cid % RING, r->cid); return; }
  enum form f = (enum form)(cid % FORM_COUNT);
  temporal_call_options co;
  temporal_call_options_default(&co, sizeof co);
  co.timeout_ms = step_timeout(j);
  co.user_data = (void *)(intptr_t)cid;
  if (f == FORM_CALLBACK) co.callback = on_complete;
  if (f == FORM_QUEUE) co.completion_queue = queue;
  temporal_call *call = NULL;
  enum op op = OP_START;
  /* The slot is filled before the call exists: a callback may deliver before _async returns. */
  *r = (call_rec){cid, j, j->step, OP_START, f, NULL, now, now + (double)(co.timeout_ms + (uint64_t)lost_grace_ms) / 1000.0, 0};
  inflight++;
  j->pending++;
  temporal_error *e = issue(j, &co, &call, &op);
  r->op = op;
  r->call = call;
  calls_by_form[f]++;
  calls_by_op[op]++;
  if (e) {
    char buf[512];
    fail("job %s %ld step %d: %s refused: %s", KIND_NAMES[j->kind], j->n, j->step, OP_NAMES[op], err_text(e, buf, sizeof buf));
    temporal_error_free(e);
    wrong++;
    deliveries[cid] = 1;
    r->cid = -1;
    inflight--;
    /* The job cannot go on (its workflow may stay open on the dev server); it ends once its
       other calls are in. */
    if (--j->pending == 0 && !j->queued) finish_job(j);
    return;
  }
  if (f == FORM_WAIT) wait_push(cid, call);
  /* A result wait that is canceled at once: it must end CANCELED, never DEADLINE_EXCEEDED. */
  if (j->kind == K_TIMEOUT && j->step == 2) temporal_call_cancel(call);
  /* The signal job parks its result wait first, then signals while the wait is in flight. */
  if (j->kind == K_SIGNAL && j->step == 2) {
    j->step++;
    ready_push(j);
  }
}

static long job_seq;
static void new_job(double now) {
  job *j = NULL;
  for (size_t i = 0; i < MAX_JOBS; i++) {
    size_t k = (size_t)(job_seq + (long)i) % MAX_JOBS;
    if (!jobs[k].in_use) { j = &jobs[k]; break; }
  }
  if (!j) { fail("more than %d jobs in progress", MAX_JOBS); return; }
  memset(j, 0, sizeof *j);
  j->in_use = 1;
  j->n = job_seq;
  j->kind = ROTATION[job_seq % ROTATION_LEN];
  job_seq++;
  jobs_active++;
  jobs_started[j->kind]++;
  snprintf(j->value, sizeof j->value, "v%ld-%lx", j->n, (unsigned long)((uint64_t)j->n * 0x9E3779B97F4A7C15ull >> 20));
  if (j->kind == K_QUERY) {
    j->counter = (int)(j->n % n_counters);
    snprintf(j->id, sizeof j->id, "%s-counter-%d", tag, j->counter);
  } else {
    snprintf(j->id, sizeof j->id, "%s-%s-%ld", tag, KIND_NAMES[j->kind], j->n);
  }
  start_step(j, now);
}

/* ---- checking one completed call; returns 1 if the job has another step ---- */

static int expect_error(job *j, const temporal_call *call, temporal_error_code want, const char *what) {
  const temporal_error *e = temporal_call_get_error(call);
  temporal_error_code got = temporal_error_get_code(e);
  if (got == want) return 1;
  char buf[512];
  fail("job %s %ld (%s) %s: got %s, want %s", KIND_NAMES[j->kind], j->n, j->id, what,
       e ? err_text(e, buf, sizeof buf) : "success", temporal_error_code_name(want));
  return 0;
}

static int expect_json(job *j, const temporal_call *call, const char *want, const char *what) {
  if (!expect_error(j, call, TEMPORAL_ERROR_CODE_OK, what)) return 0;
  const char *json = temporal_call_get_json(call);
  if (json && strcmp(json, want) == 0) return 1;
  fail("job %s %ld (%s) %s: got %s, want %s", KIND_NAMES[j->kind], j->n, j->id, what, json ? json : "NULL", want);
  return 0;
}

static int expect_describe(job *j, const temporal_call *call, const char *status) {
  if (!expect_error(j, call, TEMPORAL_ERROR_CODE_OK, "describe")) return 0;
  const char *json = temporal_call_get_json(call);
  char want_status[64], want_id[128];
  snprintf(want_status, sizeof want_status, "\"status\":\"%s\"", status);
  snprintf(want_id, sizeof want_id, "\"workflow_id\":\"%s\"", j->id);
  if (json && strstr(json, want_status) && strstr(json, want_id)) return 1;
  fail("job %s %ld describe: %.300s, want %s and %s", KIND_NAMES[j->kind], j->n, json ? json : "NULL", want_status, want_id);
  return 0;
}

/* A start: takes the run; the second start of a signal job must give the same run. */
static int took_run(job *j, const temporal_call *call) {
  if (!expect_error(j, call, TEMPORAL_ERROR_CODE_OK, "start")) return 0;
  temporal_workflow_run *run = temporal_call_take_run(call);
  if (!run) { fail("job %s %ld: start gave no run", KIND_NAMES[j->kind], j->n); return 0; }
  const char *id = temporal_workflow_run_get_id(run), *rid = temporal_workflow_run_get_run_id(run);
  int ok = id && strcmp(id, j->id) == 0 && rid && strlen(rid) >= 10;
  if (!ok) fail("job %s %ld: run id '%s' / '%s'", KIND_NAMES[j->kind], j->n, id ? id : "NULL", rid ? rid : "NULL");
  if (ok && j->run) {
    /* The same business ID started again while running: the running execution, not a second one. */
    if (strcmp(rid, j->run_id) != 0) {
      fail("job %s %ld: second start of %s gave run %s, the first gave %s: a duplicate execution", KIND_NAMES[j->kind],
           j->n, j->id, rid, j->run_id);
      ok = 0;
    }
    temporal_workflow_run_free(run);
    return ok;
  }
  if (ok) snprintf(j->run_id, sizeof j->run_id, "%s", rid);
  j->run = run;
  return ok;
}

/* Checks the outcome of the call for step `s` of `j`. */
static int check_step(job *j, int s, const temporal_call *call) {
  char want[160];
  switch (j->kind) {
    case K_ECHO:
      if (s == 0) return took_run(j, call);
      if (s == 1) {
        snprintf(want, sizeof want, "\"%s\"", j->value);
        /* Every other echo is described too. */
        return expect_json(j, call, want, "result") && (j->n / (long)ROTATION_LEN) % 2 == 0;
      }
      expect_describe(j, call, "COMPLETED");
      return 0;
    case K_SIGNAL:
      if (s <= 1) return took_run(j, call);
      if (s == 2) {
        snprintf(want, sizeof want, "\"unblocked: %s\"", j->value);
        expect_json(j, call, want, "result");
        return 0;
      }
      expect_error(j, call, TEMPORAL_ERROR_CODE_OK, "signal");
      return 0;
    case K_SLEEP:
      if (s == 0) return took_run(j, call);
      expect_json(j, call, "\"slept\"", "result");
      return 0;
    case K_QUERY:
      if (s == 0) {
        snprintf(want, sizeof want, "%d", 1000 + j->counter);
        return expect_json(j, call, want, "query count");
      }
      expect_describe(j, call, "RUNNING");
      return 0;
    case K_CANCEL:
      if (s == 0) return took_run(j, call);
      if (s == 1) return expect_error(j, call, TEMPORAL_ERROR_CODE_OK, "cancel");
      expect_error(j, call, TEMPORAL_ERROR_CODE_WORKFLOW_CANCELED, "result after cancel");
      return 0;
    case K_TIMEOUT:
      if (s == 0) return took_run(j, call);
      /* A wait that times out or is canceled leaves the workflow running: go on either way. */
      if (s == 1) { expect_error(j, call, TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED, "short result wait"); return 1; }
      if (s == 2) { expect_error(j, call, TEMPORAL_ERROR_CODE_CANCELED, "canceled result wait"); return 1; }
      if (s == 3) return expect_error(j, call, TEMPORAL_ERROR_CODE_OK, "terminate");
      expect_error(j, call, TEMPORAL_ERROR_CODE_WORKFLOW_TERMINATED, "result after terminate");
      return 0;
    case K_COUNT: break;
  }
  return 0;
}

static void complete(long cid, temporal_call *call, double now) {
  if (cid < 0 || cid >= next_cid) { fail("a completion with an unknown call ID %ld", cid); return; }
  if (deliveries[cid] < 255) deliveries[cid]++;
  call_rec *r = &recs[cid % RING];
  if (deliveries[cid] > 1 || r->cid != cid) {
    duplicated++;
    fail("call %ld delivered %d times", cid, deliveries[cid]);
    return;
  }
  job *j = r->j;
  if (call != r->call) {
    wrong++;
    fail("call %ld (%s) delivered as %p, started as %p", cid, FORM_NAMES[r->form], (void *)call, (void *)r->call);
    call = r->call;
  }
  if (!temporal_call_is_done(call) || temporal_call_get_user_data(call) != (void *)(intptr_t)cid) {
    wrong++;
    fail("call %ld (%s): delivered, but is_done %d, user_data %p", cid, FORM_NAMES[r->form], temporal_call_is_done(call),
         temporal_call_get_user_data(call));
  }
  if (r->reported_lost) fail("call %ld (%s %s) came %.1f s late", cid, FORM_NAMES[r->form], OP_NAMES[r->op], now - r->started);
  /* The waits that are meant to time out or be canceled would only blur the result figures. */
  int s = r->step;
  if (!(j->kind == K_TIMEOUT && (s == 1 || s == 2)) && j->kind != K_SLEEP) {
    hist_add(r->op, now - r->started);
    /* Not a failure (the call completed, correctly), but worth a line: which call, which form. */
    if (now - r->started > (double)slow_ms / 1000.0)
      printf("soak: slow call %ld: %s (step %d of job %s %ld, %s), %.0f ms\n", cid, OP_NAMES[r->op], s, KIND_NAMES[j->kind],
             j->n, FORM_NAMES[r->form], (now - r->started) * 1000.0);
  }
  long before = failures;
  int more = check_step(j, s, call);
  if (failures != before) wrong++;
  temporal_call_free(call);
  r->cid = -1;
  inflight--;
  j->pending--;
  /* Only the job's current step moves it on; a parked wait that comes in later does not. */
  if (more && s == j->step) {
    j->step++;
    ready_push(j);
  } else if (j->pending == 0 && !j->queued) {
    finish_job(j);
  }
}

static void drain_deliveries(double now) {
  char sink[256];
  while (read(notify_pipe[0], sink, sizeof sink) > 0) {}
  for (;;) {
    pthread_mutex_lock(&done_mu);
    if (!done_len) { pthread_mutex_unlock(&done_mu); break; }
    delivery d = done_list[done_head];
    done_head = (done_head + 1) % DONE_CAP;
    done_len--;
    pthread_mutex_unlock(&done_mu);
    complete(d.cid, d.call, now);
  }
  temporal_call *call;
  while ((call = temporal_completion_queue_next(queue))) complete((long)(intptr_t)temporal_call_get_user_data(call), call, now);
}

static void check_lost(double now) {
  for (long i = 0; i < RING; i++) {
    call_rec *r = &recs[i];
    if (r->cid != -1 && !r->reported_lost && now > r->deadline) {
      r->reported_lost = 1;
      lost++;
      fail("call %ld (%s, %s of job %s %ld) not delivered %.1f s after it started (its timeout: %ld ms)", r->cid,
           FORM_NAMES[r->form], OP_NAMES[r->op], KIND_NAMES[r->j->kind], r->j->n, now - r->started,
           (long)step_timeout(r->j));
    }
  }
}

/* ---- the long-lived Counter workflows the query jobs read ---- */

static int counters(int end) {
  char buf[512], id[96], args[32], want[32];
  int ok = 1;
  for (long i = 0; i < n_counters; i++) {
    snprintf(id, sizeof id, "%s-counter-%ld", tag, i);
    if (!end) {
      temporal_start_workflow_options so;
      temporal_start_workflow_options_default(&so, sizeof so);
      so.task_queue = task_queue;
      so.id = id;
      snprintf(args, sizeof args, "[%ld]", 1000 + i);
      temporal_workflow_run *run = NULL;
      temporal_error *e = temporal_execute_workflow(client, "Counter", args, &so, &run);
      if (e) { fail("start %s: %s", id, err_text(e, buf, sizeof buf)); temporal_error_free(e); ok = 0; }
      temporal_workflow_run_free(run);
      continue;
    }
    /* End them, and check that each still had its start value. */
    temporal_call *call = NULL;
    temporal_error *e = temporal_signal_workflow_async(client, id, NULL, "done", NULL, NULL, &call);
    if (!e) e = temporal_call_wait(call, TEMPORAL_TIMEOUT_NONE);
    if (!e && temporal_call_get_error(call)) { fail("signal done %s: %s", id, err_text(temporal_call_get_error(call), buf, sizeof buf)); ok = 0; }
    temporal_call_free(call);
    if (e) { fail("signal done %s: %s", id, err_text(e, buf, sizeof buf)); temporal_error_free(e); ok = 0; continue; }
    temporal_workflow_run *run = NULL;
    char *result = NULL;
    snprintf(want, sizeof want, "%ld", 1000 + i);
    e = temporal_get_workflow(client, id, NULL, &run);
    if (!e) e = temporal_get_result(run, (uint64_t)call_timeout_ms, &result);
    if (e) { fail("result %s: %s", id, err_text(e, buf, sizeof buf)); temporal_error_free(e); ok = 0; }
    else if (strcmp(result, want) != 0) { fail("result %s: %s, want %s", id, result, want); ok = 0; }
    temporal_string_free(result);
    temporal_workflow_run_free(run);
  }
  return ok;
}

/* ---- main ---- */

int main(void) {
  const char *address = getenv("TEMPORAL_ADDRESS");
  task_queue = env_str("TEMPORAL_TEST_TASK_QUEUE", "temporal-ffi-test");
  soak_seconds = env_long("SOAK_SECONDS", 1800);
  rate = env_long("SOAK_RATE", 20);
  n_waiters = env_long("SOAK_WAITERS", 16);
  n_counters = env_long("SOAK_COUNTERS", 4);
  call_timeout_ms = env_long("SOAK_CALL_TIMEOUT_MS", 30000);
  short_timeout_ms = env_long("SOAK_SHORT_TIMEOUT_MS", 250);
  lost_grace_ms = env_long("SOAK_LOST_GRACE_MS", 10000);
  drain_s = env_long("SOAK_DRAIN_S", 60);
  progress_s = env_long("SOAK_PROGRESS_S", 60);
  backlog_max = env_long("SOAK_BACKLOG_MAX", 200);
  sleep_ms = env_long("SOAK_SLEEP_MS", 10000);
  slow_ms = env_long("SOAK_SLOW_MS", 2000);
  plant = env_str("SOAK_PLANT", "");
  if (*plant) printf("soak: SOAK_PLANT=%s: a bug is planted on purpose; this run must FAIL\n", plant);
  const char *summary_file = getenv("SOAK_SUMMARY_FILE");
  if (!address) { fprintf(stderr, "soak: TEMPORAL_ADDRESS is required\n"); return 2; }
  if (rate < 1 || soak_seconds < 1 || n_waiters < 1 || n_counters < 1 || sleep_ms < 0 || sleep_ms + 5000 > call_timeout_ms) {
    fprintf(stderr, "soak: bad settings (SOAK_SLEEP_MS must stay 5 s below SOAK_CALL_TIMEOUT_MS)\n");
    return 2;
  }
  snprintf(tag, sizeof tag, "soak-%ld-%ld", (long)getpid(), (long)time(NULL));

  /* Sized for the whole run (and the drain) up front, and touched now: see the file comment. */
  max_cid = rate * (soak_seconds + drain_s + 10) + 1000;
  deliveries = malloc((size_t)max_cid);
  for (int i = 0; i < OP_COUNT; i++) hist[i] = malloc(HIST_MS * sizeof(uint32_t));
  if (!deliveries) { fprintf(stderr, "soak: out of memory\n"); return 2; }
  memset(deliveries, 0, (size_t)max_cid);
  for (int i = 0; i < OP_COUNT; i++) {
    if (!hist[i]) { fprintf(stderr, "soak: out of memory\n"); return 2; }
    memset(hist[i], 0, HIST_MS * sizeof(uint32_t));
  }
  /* The static rings too: each is walked slot by slot during the run, and a page first touched
     at minute 5 would look like a leak. */
  memset(jobs, 0, sizeof jobs);
  memset(ready, 0, sizeof ready);
  memset(done_list, 0, sizeof done_list);
  memset(wait_list, 0, sizeof wait_list);
  for (long i = 0; i < RING; i++) recs[i] = (call_rec){.cid = -1};
  if (pipe(notify_pipe) != 0) { perror("soak: pipe"); return 2; }
  for (int i = 0; i < 2; i++) fcntl(notify_pipe[i], F_SETFL, fcntl(notify_pipe[i], F_GETFL) | O_NONBLOCK);

  char buf[512];
  temporal_client_options copts;
  temporal_client_options_default(&copts, sizeof copts);
  copts.address = address;
  temporal_error *e = temporal_client_connect(&copts, &client);
  if (e) { fprintf(stderr, "soak: FAIL connect: %s\n", err_text(e, buf, sizeof buf)); temporal_error_free(e); return 1; }
  if ((e = temporal_completion_queue_new(&queue))) {
    fprintf(stderr, "soak: FAIL queue_new: %s\n", err_text(e, buf, sizeof buf));
    temporal_error_free(e);
    return 1;
  }
  pthread_t *waiters = calloc((size_t)n_waiters, sizeof *waiters);
  for (long i = 0; i < n_waiters; i++) pthread_create(&waiters[i], NULL, waiter_main, NULL);
  if (!counters(0)) return 1;

  printf("soak: %ld s at %ld calls/s on %s (task queue %s), IDs %s-*\n", soak_seconds, rate, address, task_queue, tag);
  fflush(stdout);
  double t0 = now_s(), period = 1.0 / (double)rate, next_tick = t0, next_progress = t0 + (double)progress_s;
  double next_lost_check = t0 + 1.0, end = t0 + (double)soak_seconds, drain_end = end + (double)drain_s;
  long max_backlog = 0;
  int backlog_failed = 0;
  struct pollfd fds[2] = {{temporal_completion_queue_fd(queue), POLLIN, 0}, {notify_pipe[0], POLLIN, 0}};
  for (;;) {
    double now = now_s();
    int loading = now < end;
    if (!loading && (jobs_active == 0 || now >= drain_end)) break;
    if (now >= next_tick) {
      /* Behind by more than a second (a stall): skip the missed ticks rather than burst. */
      if (now - next_tick > 1.0) { late_ticks++; next_tick = now; }
      next_tick += period;
      job *j = ready_pop();
      if (j) start_step(j, now);
      else if (loading) new_job(now);
    }
    if ((long)ready_len > max_backlog) max_backlog = (long)ready_len;
    if ((long)ready_len > backlog_max && !backlog_failed) {
      backlog_failed = 1;
      fail("%zu calls wait for their turn (limit %ld): %ld calls/s is not sustained", ready_len, backlog_max, rate);
    }
    if (now >= next_lost_check) { check_lost(now); next_lost_check = now + 1.0; }
    if (now >= next_progress) {
      printf("soak: t=%.0fs calls=%ld in_flight=%ld jobs=%ld backlog=%zu failures=%ld\n", now - t0, next_cid, inflight,
             jobs_active, ready_len, failures);
      fflush(stdout);
      next_progress += (double)progress_s;
    }
    double wait = next_tick - now_s();
    int timeout_ms = wait <= 0 ? 0 : (int)(wait * 1000.0) + 1;
    if (timeout_ms > 100) timeout_ms = 100;
    if (poll(fds, 2, timeout_ms) < 0 && errno != EINTR) { perror("soak: poll"); failures++; break; }
    drain_deliveries(now_s());
  }
  double t1 = now_s();
  check_lost(t1 + 1e9); /* whatever is still in flight now is lost */
  long lost_at_end = inflight;

  pthread_mutex_lock(&wait_mu);
  waiters_stop = 1;
  pthread_cond_broadcast(&wait_cv);
  pthread_mutex_unlock(&wait_mu);
  /* A waiter still blocked in a lost call would never return: only join when none is lost. */
  if (lost_at_end == 0)
    for (long i = 0; i < n_waiters; i++) pthread_join(waiters[i], NULL);
  drain_deliveries(now_s());
  int counters_ok = counters(1);

  long never = 0, twice = 0;
  for (long c = 0; c < next_cid; c++) {
    if (deliveries[c] == 0) never++;
    if (deliveries[c] > 1) twice++;
  }
  if (never != lost_at_end) fail("%ld calls never delivered, %ld still in flight", never, lost_at_end);
  if (done_overflow) fail("%ld deliveries dropped: the hand-over list overflowed", done_overflow);
  long jobs_total = 0, jobs_finished = 0;
  for (int k = 0; k < K_COUNT; k++) { jobs_total += jobs_started[k]; jobs_finished += jobs_done[k]; }

  printf("soak: %ld calls in %.0f s (%.1f calls/s; %ld jobs: ", next_cid, t1 - t0, (double)next_cid / (t1 - t0), jobs_total);
  for (int k = 0; k < K_COUNT; k++) printf("%s%s %ld", k ? ", " : "", KIND_NAMES[k], jobs_done[k]);
  printf("), by form: wait %ld, callback %ld, queue %ld; max backlog %ld, stalls %ld\n", calls_by_form[FORM_WAIT],
         calls_by_form[FORM_CALLBACK], calls_by_form[FORM_QUEUE], max_backlog, late_ticks);
  for (int o = 0; o < OP_COUNT; o++)
    if (calls_by_op[o])
      printf("soak: %-9s %7ld calls, latency p50 %ld ms, p99 %ld ms, max %ld ms\n", OP_NAMES[o], calls_by_op[o],
             hist_pct((enum op)o, 50), hist_pct((enum op)o, 99), hist_pct((enum op)o, 100));
  printf("soak: %s lost %ld, duplicated %ld (never delivered %ld, delivered twice %ld)\n",
         lost || duplicated ? "FAIL" : "ok", lost, duplicated, never, twice);
  printf("soak: %s wrong results %ld\n", wrong ? "FAIL" : "ok", wrong);
  printf("soak: %s every job finished (%ld of %ld)\n", jobs_finished == jobs_total ? "ok" : "FAIL", jobs_finished, jobs_total);
  if (jobs_finished != jobs_total) failures++;
  printf("soak: %s counters kept their values\n", counters_ok ? "ok" : "FAIL");

  if (summary_file) {
    FILE *f = fopen(summary_file, "w");
    if (f) {
      fprintf(f, "{\"seconds\": %.1f, \"rate\": %ld, \"calls\": %ld, \"jobs\": %ld, \"jobs_finished\": %ld, ", t1 - t0, rate,
              next_cid, jobs_total, jobs_finished);
      fprintf(f, "\"lost\": %ld, \"duplicated\": %ld, \"wrong\": %ld, \"failures\": %ld, \"max_backlog\": %ld, ", lost,
              duplicated, wrong, failures, max_backlog);
      fprintf(f, "\"by_form\": {\"wait\": %ld, \"callback\": %ld, \"queue\": %ld}, \"jobs_by_kind\": {",
              calls_by_form[FORM_WAIT], calls_by_form[FORM_CALLBACK], calls_by_form[FORM_QUEUE]);
      for (int k = 0; k < K_COUNT; k++) fprintf(f, "%s\"%s\": %ld", k ? ", " : "", KIND_NAMES[k], jobs_done[k]);
      fprintf(f, "}, \"ops\": {");
      int first = 1;
      for (int o = 0; o < OP_COUNT; o++) {
        if (!calls_by_op[o]) continue;
        fprintf(f, "%s\"%s\": {\"calls\": %ld, \"p50_ms\": %ld, \"p99_ms\": %ld, \"max_ms\": %ld}", first ? "" : ", ",
                OP_NAMES[o], calls_by_op[o], hist_pct((enum op)o, 50), hist_pct((enum op)o, 99), hist_pct((enum op)o, 100));
        first = 0;
      }
      fprintf(f, "}}\n");
      fclose(f);
    }
  }
  if (lost_at_end == 0) {
    temporal_completion_queue_free(queue);
    temporal_client_free(client);
  }
  free(waiters);
  printf("soak: %s (%ld failures)\n", failures ? "FAIL" : "PASS", failures);
  return failures ? 1 : 0;
}
