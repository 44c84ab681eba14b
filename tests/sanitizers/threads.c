/*
 * threads: a small multi-threaded host of the temporal-ffi C API, run under valgrind's
 * helgrind by tests/sanitizers/run.sh (also usable on its own, inside
 * tests/harness/with-dev-server.sh).
 *
 *   threads [STARTERS [ITERATIONS [WAITERS [RACES]]]]     defaults: 4 20 4 20
 *
 * Phase 1: STARTERS threads, each ITERATIONS times: a start on the one shared client, then a
 *          result wait, the run's getters, and frees. Each start and each wait rotates over the
 *          completion forms: the blocking wrapper, the _async call with temporal_call_wait, a
 *          callback (handed to the thread through a pthread mutex and condition variable), and
 *          the thread's own completion queue (poll on its descriptor, then _next).
 * Phase 2: WAITERS threads share one run from temporal_get_workflow by ID only (its Run ID is ""
 *          until the first wait pins it) and all wait on it, each in another form, while the
 *          workflow (Sleep 1500 ms) is still running; one more thread resolves its Run ID with
 *          temporal_workflow_run_resolve_run_id_async at the same time.
 * Phase 3: races the library must survive:
 *          a. RACES result waits in the callback form, each freed (and every other one canceled
 *             first) by another thread as soon as it was started, racing its completion: every
 *             callback runs exactly once, with the call or with NULL;
 *          b. RACES calls whose callback frees the call itself;
 *          c. STARTERS threads post RACES result waits each to one shared completion queue,
 *             drained by one consumer thread: every call comes off it exactly once.
 * Every hand-over between the program's threads uses pthread primitives, which helgrind models.
 * Prints "threads: N ok, M failed" and exits non-zero on a failure.
 */
#define _POSIX_C_SOURCE 200809L

#include <poll.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "temporal.h"

#define CALL_TIMEOUT_MS 120000

static temporal_client *g_client;
static const char *g_queue;
static int g_iterations = 20;
static int g_races = 20;
static int g_starters = 4;

enum form { FORM_BLOCKING, FORM_WAIT, FORM_CALLBACK, FORM_QUEUE };
static const char *const FORM_NAMES[] = {"blocking", "wait", "callback", "queue"};

struct job {
  int index;
  int ok, failed;
  char detail[320];
  const temporal_workflow_run *shared;
  temporal_completion_queue *queue; /* this thread's own (FORM_QUEUE) */
  pthread_mutex_t mu;               /* FORM_CALLBACK's hand-over */
  pthread_cond_t cv;
  int completed;
  temporal_call *completed_call;
};

static void note(struct job *j, const char *what, const temporal_error *e) {
  snprintf(j->detail, sizeof j->detail, "%s: %s: %s", what,
           temporal_error_code_name(temporal_error_get_code(e)), temporal_error_get_message(e));
}

static void failure(struct job *j, const char *what, const temporal_error *e) {
  j->failed++;
  note(j, what, e);
}

static void on_complete(void *user_data, temporal_call *call) {
  struct job *j = (struct job *)user_data;
  pthread_mutex_lock(&j->mu);
  j->completed = 1;
  j->completed_call = call;
  pthread_cond_signal(&j->cv);
  pthread_mutex_unlock(&j->mu);
}

static void form_options(struct job *j, enum form f, temporal_call_options *o) {
  temporal_call_options_default(o, sizeof *o);
  o->timeout_ms = CALL_TIMEOUT_MS;
  o->user_data = j;
  if (f == FORM_CALLBACK) {
    o->callback = on_complete;
    pthread_mutex_lock(&j->mu);
    j->completed = 0;
    j->completed_call = NULL;
    pthread_mutex_unlock(&j->mu);
  }
  if (f == FORM_QUEUE) o->completion_queue = j->queue;
}

/* Waits for a call started with form_options; false (and a detail) if it did not complete. */
static bool await_call(struct job *j, enum form f, temporal_call *call) {
  if (f == FORM_CALLBACK) {
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += CALL_TIMEOUT_MS / 1000 + 10;
    pthread_mutex_lock(&j->mu);
    while (!j->completed && pthread_cond_timedwait(&j->cv, &j->mu, &until) == 0) {}
    bool done = j->completed && j->completed_call == call;
    pthread_mutex_unlock(&j->mu);
    if (!done) snprintf(j->detail, sizeof j->detail, "the callback did not run with the call");
    return done;
  }
  if (f == FORM_QUEUE) {
    struct pollfd p = {temporal_completion_queue_fd(j->queue), POLLIN, 0};
    temporal_call *got = poll(&p, 1, CALL_TIMEOUT_MS + 10000) == 1 ? temporal_completion_queue_next(j->queue) : NULL;
    if (got != call) snprintf(j->detail, sizeof j->detail, "queue_next gave %p, want %p", (void *)got, (void *)call);
    return got == call;
  }
  temporal_error *e = temporal_call_wait(call, TEMPORAL_TIMEOUT_NONE);
  if (e) note(j, "call_wait", e);
  temporal_error_free(e);
  return e == NULL;
}

/* A start in form f: the run, or NULL after a recorded failure. */
static temporal_workflow_run *start(struct job *j, enum form f, const char *type, const char *args, const char *id) {
  temporal_start_workflow_options o;
  temporal_start_workflow_options_default(&o, sizeof o);
  o.id = id;
  o.task_queue = g_queue;
  temporal_workflow_run *run = NULL;
  if (f == FORM_BLOCKING) {
    temporal_error *e = temporal_execute_workflow(g_client, type, args, &o, &run);
    if (e) failure(j, "execute", e);
    temporal_error_free(e);
    return run;
  }
  temporal_call_options co;
  form_options(j, f, &co);
  temporal_call *call = NULL;
  temporal_error *e = temporal_execute_workflow_async(g_client, type, args, &o, &co, &call);
  if (e) {
    failure(j, "execute_async", e);
    temporal_error_free(e);
    return NULL;
  }
  if (!await_call(j, f, call)) j->failed++;
  else if (temporal_call_get_error(call)) failure(j, "execute_async", temporal_call_get_error(call));
  else run = temporal_call_take_run(call);
  temporal_call_free(call);
  return run;
}

/* A result wait in form f: the JSON (caller frees), or NULL after a recorded failure. */
static char *result(struct job *j, enum form f, const temporal_workflow_run *run) {
  char *out = NULL;
  if (f == FORM_BLOCKING) {
    temporal_error *e = temporal_get_result(run, CALL_TIMEOUT_MS, &out);
    if (e) failure(j, "get_result", e);
    temporal_error_free(e);
    return out;
  }
  temporal_call_options co;
  form_options(j, f, &co);
  temporal_call *call = NULL;
  temporal_error *e = temporal_get_result_async(run, &co, &call);
  if (e) {
    failure(j, "get_result_async", e);
    temporal_error_free(e);
    return NULL;
  }
  if (!await_call(j, f, call)) j->failed++;
  else if (temporal_call_get_error(call)) failure(j, "get_result_async", temporal_call_get_error(call));
  else if (temporal_call_get_json(call)) out = strdup(temporal_call_get_json(call));
  temporal_call_free(call);
  return out;
}

static void *starter(void *arg) {
  struct job *j = (struct job *)arg;
  for (int i = 0; i < g_iterations; i++) {
    char id[96], args[64], want[64];
    snprintf(id, sizeof id, "threads-%ld-%d-%d", (long)getpid(), j->index, i);
    snprintf(args, sizeof args, "[\"T%d.%d\"]", j->index, i);
    snprintf(want, sizeof want, "\"T%d.%d\"", j->index, i);
    enum form f = (enum form)((i + j->index) % 4), g = (enum form)((i / 4 + j->index) % 4);
    temporal_workflow_run *run = start(j, f, "Echo", args, id);
    if (!run) continue;
    char *out = result(j, g, run);
    if (out && strcmp(out, want) == 0 && strcmp(temporal_workflow_run_get_id(run), id) == 0 &&
        *temporal_workflow_run_get_run_id(run)) {
      j->ok++;
    } else if (out) {
      j->failed++;
      snprintf(j->detail, sizeof j->detail, "start %s, wait %s: got %s, want %s", FORM_NAMES[f], FORM_NAMES[g], out, want);
    }
    free(out);
    temporal_workflow_run_free(run);
  }
  return NULL;
}

static void *waiter(void *arg) {
  struct job *j = (struct job *)arg;
  char *out = result(j, (enum form)(j->index % 4), j->shared);
  if (out && strcmp(out, "\"slept\"") == 0) j->ok++;
  else if (out) {
    j->failed++;
    snprintf(j->detail, sizeof j->detail, "shared run, %s: result %s", FORM_NAMES[j->index % 4], out);
  }
  free(out);
  return NULL;
}

static void *resolver(void *arg) {
  struct job *j = (struct job *)arg;
  temporal_call_options co;
  form_options(j, FORM_QUEUE, &co);
  temporal_call *call = NULL;
  temporal_error *e = temporal_workflow_run_resolve_run_id_async(j->shared, &co, &call);
  if (e) {
    failure(j, "resolve_run_id_async", e);
  } else if (await_call(j, FORM_QUEUE, call)) {
    const char *rid = temporal_workflow_run_get_run_id(j->shared);
    if (temporal_call_get_error(call)) failure(j, "resolve_run_id_async", temporal_call_get_error(call));
    else if (rid && *rid) j->ok++;
    else {
      j->failed++;
      snprintf(j->detail, sizeof j->detail, "no Run ID after resolve_run_id_async");
    }
  } else {
    j->failed++;
  }
  temporal_error_free(e);
  temporal_call_free(call);
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

/* ---- phase 3 ---- */

/* What the race callbacks saw; every field under `mu`. */
static struct {
  pthread_mutex_t mu;
  pthread_cond_t cv;
  int callbacks, with_null, self_freed;
  temporal_call *handed[256]; /* a: calls handed from the starter to the freer */
  int nhanded, nfreed;
  bool starting_done;
} g_race = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0, 0, {NULL}, 0, 0, false};

/* a: only counts, and never touches the call: another thread may be freeing it right now. */
static void race_callback(void *user_data, temporal_call *call) {
  (void)user_data;
  pthread_mutex_lock(&g_race.mu);
  g_race.callbacks++;
  if (!call) g_race.with_null++;
  pthread_cond_broadcast(&g_race.cv);
  pthread_mutex_unlock(&g_race.mu);
}

/* b: the callback frees its own call (allowed), after reading it. */
static void self_free_callback(void *user_data, temporal_call *call) {
  (void)user_data;
  bool done = temporal_call_is_done(call) && temporal_call_get_json(call);
  temporal_call_free(call);
  pthread_mutex_lock(&g_race.mu);
  g_race.callbacks++;
  if (done) g_race.self_freed++;
  pthread_cond_broadcast(&g_race.cv);
  pthread_mutex_unlock(&g_race.mu);
}

static const temporal_workflow_run *g_race_run; /* a completed Echo */

static void *race_starter(void *arg) {
  struct job *j = (struct job *)arg;
  for (int i = 0; i < g_races; i++) {
    temporal_call_options co;
    temporal_call_options_default(&co, sizeof co);
    co.callback = race_callback;
    temporal_call *call = NULL;
    temporal_error *e = temporal_get_result_async(g_race_run, &co, &call);
    if (e) {
      failure(j, "race get_result_async", e);
      temporal_error_free(e);
      continue;
    }
    pthread_mutex_lock(&g_race.mu);
    g_race.handed[g_race.nhanded++] = call;
    pthread_cond_broadcast(&g_race.cv);
    pthread_mutex_unlock(&g_race.mu);
  }
  pthread_mutex_lock(&g_race.mu);
  g_race.starting_done = true;
  pthread_cond_broadcast(&g_race.cv);
  pthread_mutex_unlock(&g_race.mu);
  return NULL;
}

static void *race_freer(void *arg) {
  (void)arg;
  pthread_mutex_lock(&g_race.mu);
  for (;;) {
    while (g_race.nfreed == g_race.nhanded && !g_race.starting_done) pthread_cond_wait(&g_race.cv, &g_race.mu);
    if (g_race.nfreed == g_race.nhanded) break;
    int k = g_race.nfreed++;
    temporal_call *call = g_race.handed[k];
    pthread_mutex_unlock(&g_race.mu);
    /* 0 to 3.5 ms: about the time a result wait on a completed workflow takes, so that some
       frees come before the completion, some during it and some after. */
    struct timespec pause = {0, (k % 8) * 500000L};
    nanosleep(&pause, NULL);
    if (k % 2) temporal_call_cancel(call);
    temporal_call_free(call); /* racing the completion on a library thread */
    pthread_mutex_lock(&g_race.mu);
  }
  pthread_mutex_unlock(&g_race.mu);
  return NULL;
}

/* Waits until `want` callbacks ran (at most 60 s); the count. */
static int wait_callbacks(int want) {
  struct timespec until;
  clock_gettime(CLOCK_REALTIME, &until);
  until.tv_sec += 60;
  pthread_mutex_lock(&g_race.mu);
  while (g_race.callbacks < want && pthread_cond_timedwait(&g_race.cv, &g_race.mu, &until) == 0) {}
  int n = g_race.callbacks;
  pthread_mutex_unlock(&g_race.mu);
  return n;
}

/* c: producers post to one queue; one consumer drains it. */
static temporal_completion_queue *g_shared_queue;
struct posted {
  pthread_mutex_t mu; /* guards `call` and `taken` */
  temporal_call *call;
  int taken;
};
static struct posted *g_posted;

static void *queue_producer(void *arg) {
  struct job *j = (struct job *)arg;
  for (int i = 0; i < g_races; i++) {
    struct posted *p = &g_posted[j->index * g_races + i];
    temporal_call_options co;
    temporal_call_options_default(&co, sizeof co);
    co.completion_queue = g_shared_queue;
    co.user_data = p;
    pthread_mutex_lock(&p->mu); /* call_out is written before the consumer may look at it */
    temporal_error *e = temporal_get_result_async(g_race_run, &co, &p->call);
    pthread_mutex_unlock(&p->mu);
    if (e) {
      failure(j, "queue get_result_async", e);
      temporal_error_free(e);
    }
  }
  return NULL;
}

static void *queue_consumer(void *arg) {
  struct job *j = (struct job *)arg;
  int want = g_starters * g_races, got = 0;
  struct pollfd p = {temporal_completion_queue_fd(g_shared_queue), POLLIN, 0};
  while (got < want) {
    if (poll(&p, 1, CALL_TIMEOUT_MS) != 1) {
      j->failed++;
      snprintf(j->detail, sizeof j->detail, "the shared queue gave %d of %d calls", got, want);
      return NULL;
    }
    temporal_call *call;
    while ((call = temporal_completion_queue_next(g_shared_queue)) != NULL) {
      struct posted *slot = (struct posted *)temporal_call_get_user_data(call);
      pthread_mutex_lock(&slot->mu);
      bool mine = slot->call == call && !slot->taken;
      slot->taken++;
      pthread_mutex_unlock(&slot->mu);
      const char *json = temporal_call_get_json(call);
      if (!mine || !json || strcmp(json, "\"race\"") != 0) {
        j->failed++;
        snprintf(j->detail, sizeof j->detail, "shared queue: call %p of slot %p: mine %d, json %s", (void *)call,
                 (void *)slot, mine, json ? json : "(none)");
      } else {
        j->ok++;
      }
      temporal_call_free(call);
      got++;
    }
  }
  return NULL;
}

static int phase3(struct job *jobs, int *ok) {
  int failed = 0;
  char id[96];
  snprintf(id, sizeof id, "threads-%ld-race", (long)getpid());
  temporal_start_workflow_options o;
  temporal_start_workflow_options_default(&o, sizeof o);
  o.id = id;
  o.task_queue = g_queue;
  temporal_workflow_run *run = NULL;
  char *out = NULL;
  temporal_error *e = temporal_execute_workflow(g_client, "Echo", "[\"race\"]", &o, &run);
  if (!e) e = temporal_get_result(run, CALL_TIMEOUT_MS, &out);
  temporal_string_free(out);
  if (e) {
    printf("threads: race fixture: %s\n", temporal_error_get_message(e));
    temporal_error_free(e);
    temporal_workflow_run_free(run);
    return 1;
  }
  g_race_run = run;
  if (g_races > (int)(sizeof g_race.handed / sizeof g_race.handed[0])) g_races = sizeof g_race.handed / sizeof g_race.handed[0];

  /* a. free racing the completion, from another thread */
  memset(jobs, 0, sizeof *jobs * 2);
  pthread_t s, f;
  pthread_create(&s, NULL, race_starter, &jobs[0]);
  pthread_create(&f, NULL, race_freer, NULL);
  pthread_join(s, NULL);
  pthread_join(f, NULL);
  int n = wait_callbacks(g_race.nhanded);
  sleep(1); /* a second callback for one call would show up now */
  pthread_mutex_lock(&g_race.mu);
  int after = g_race.callbacks, nulls = g_race.with_null, handed = g_race.nhanded;
  g_race.callbacks = 0;
  pthread_mutex_unlock(&g_race.mu);
  if (n != handed || after != handed || jobs[0].failed) {
    failed++;
    printf("threads: free racing completion: %d calls, %d callbacks (%d a second later); %s\n", handed, n, after,
           jobs[0].detail);
  } else {
    *ok += handed;
    printf("threads: free racing completion: %d calls freed by another thread, %d callbacks (%d with NULL: freed "
           "first)\n", handed, after, nulls);
  }

  /* b. free inside the callback */
  int started = 0;
  for (int i = 0; i < g_races; i++) {
    temporal_call_options co;
    temporal_call_options_default(&co, sizeof co);
    co.callback = self_free_callback;
    temporal_call *call = NULL;
    e = temporal_get_result_async(run, &co, &call);
    if (e) {
      printf("threads: self-free get_result_async: %s\n", temporal_error_get_message(e));
      temporal_error_free(e);
      failed++;
    } else {
      started++;
    }
  }
  n = wait_callbacks(started);
  pthread_mutex_lock(&g_race.mu);
  int self_freed = g_race.self_freed;
  g_race.callbacks = 0;
  pthread_mutex_unlock(&g_race.mu);
  if (n != started || self_freed != started) {
    failed++;
    printf("threads: free inside the callback: %d calls, %d callbacks, %d read and freed their call\n", started, n,
           self_freed);
  } else {
    *ok += started;
  }

  /* c. many producers, one shared queue, one consumer */
  e = temporal_completion_queue_new(&g_shared_queue);
  if (e) {
    printf("threads: queue_new: %s\n", temporal_error_get_message(e));
    temporal_error_free(e);
    failed++;
  } else {
    int total = g_starters * g_races;
    g_posted = (struct posted *)calloc((size_t)total, sizeof *g_posted);
    if (!g_posted) abort();
    for (int i = 0; i < total; i++) pthread_mutex_init(&g_posted[i].mu, NULL);
    memset(jobs, 0, sizeof *jobs * (size_t)(g_starters + 1));
    for (int i = 0; i <= g_starters; i++) jobs[i].index = i;
    pthread_t consumer;
    pthread_create(&consumer, NULL, queue_consumer, &jobs[g_starters]);
    if (run_threads(queue_producer, jobs, g_starters) != g_starters) failed++;
    pthread_join(consumer, NULL);
    for (int i = 0; i <= g_starters; i++) {
      *ok += jobs[i].ok;
      failed += jobs[i].failed;
      if (jobs[i].failed) printf("threads: shared queue, thread %d: %s\n", i, jobs[i].detail);
    }
    for (int i = 0; i < total; i++) {
      if (g_posted[i].taken != 1) {
        failed++;
        printf("threads: shared queue: call %d came off it %d times\n", i, g_posted[i].taken);
        break;
      }
    }
    if (temporal_completion_queue_next(g_shared_queue)) {
      failed++;
      printf("threads: the shared queue is not empty\n");
    }
    for (int i = 0; i < total; i++) pthread_mutex_destroy(&g_posted[i].mu);
    free(g_posted);
    temporal_completion_queue_free(g_shared_queue);
  }
  temporal_workflow_run_free(run);
  return failed;
}

int main(int argc, char **argv) {
  int starters = argc > 1 ? atoi(argv[1]) : 4;
  g_iterations = argc > 2 ? atoi(argv[2]) : 20;
  int waiters = argc > 3 ? atoi(argv[3]) : 4;
  g_races = argc > 4 ? atoi(argv[4]) : 20;
  g_starters = starters;
  const char *address = getenv("TEMPORAL_ADDRESS");
  g_queue = getenv("TEMPORAL_TEST_TASK_QUEUE");
  if (!address || !*address || !g_queue || !*g_queue || starters < 1 || waiters < 1 ||
      starters > 64 || waiters > 64 || g_races < 1) {
    fprintf(stderr, "threads: run inside tests/harness/with-dev-server.sh; counts 1..64\n");
    return 2;
  }
  temporal_client_options co;
  temporal_client_options_default(&co, sizeof co);
  co.address = address;
  temporal_error *e = temporal_client_connect(&co, &g_client);
  if (e) {
    fprintf(stderr, "threads: connect: %s\n", temporal_error_get_message(e));
    temporal_error_free(e);
    return 1;
  }

  int ok = 0, failed = 0;
  int njobs = (starters > waiters ? starters : waiters) + 2;
  struct job *jobs = (struct job *)calloc((size_t)njobs, sizeof *jobs);
  if (!jobs) abort();
  for (int i = 0; i < njobs; i++) {
    pthread_mutex_init(&jobs[i].mu, NULL);
    pthread_cond_init(&jobs[i].cv, NULL);
    if ((e = temporal_completion_queue_new(&jobs[i].queue))) {
      fprintf(stderr, "threads: queue_new: %s\n", temporal_error_get_message(e));
      temporal_error_free(e);
      return 1;
    }
  }
  /* Resets the results of jobs[0..n) for the next phase (keeping their queue and hand-over). */
#define RESET_JOBS(n)                                  \
  for (int i_ = 0; i_ < (n); i_++) {                   \
    jobs[i_].index = i_;                               \
    jobs[i_].ok = jobs[i_].failed = 0;                 \
    jobs[i_].detail[0] = '\0';                         \
  }

  /* Phase 1: starters on one shared client. */
  RESET_JOBS(starters);
  if (run_threads(starter, jobs, starters) != starters) failed++;
  for (int i = 0; i < starters; i++) {
    ok += jobs[i].ok;
    failed += jobs[i].failed;
    if (jobs[i].failed) printf("threads: starter %d: %s\n", i, jobs[i].detail);
  }

  /* Phase 2: waiters on one shared run, pinned by the first wait. */
  char id[96];
  snprintf(id, sizeof id, "threads-%ld-shared", (long)getpid());
  temporal_start_workflow_options o;
  temporal_start_workflow_options_default(&o, sizeof o);
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
    if (strcmp(temporal_workflow_run_get_run_id(shared), "") != 0) {
      printf("threads: a run from get_workflow has Run ID '%s' before any wait, want \"\"\n",
             temporal_workflow_run_get_run_id(shared));
      failed++;
    }
    RESET_JOBS(waiters + 1);
    for (int i = 0; i <= waiters; i++) jobs[i].shared = shared;
    pthread_t resolving;
    pthread_create(&resolving, NULL, resolver, &jobs[waiters]);
    if (run_threads(waiter, jobs, waiters) != waiters) failed++;
    pthread_join(resolving, NULL);
    for (int i = 0; i <= waiters; i++) {
      ok += jobs[i].ok;
      failed += jobs[i].failed;
      if (jobs[i].failed) printf("threads: %s %d: %s\n", i < waiters ? "waiter" : "resolver", i, jobs[i].detail);
    }
    if (strcmp(temporal_workflow_run_get_run_id(shared), temporal_workflow_run_get_run_id(started)) != 0) {
      printf("threads: shared run resolved to %s, started %s\n",
             temporal_workflow_run_get_run_id(shared), temporal_workflow_run_get_run_id(started));
      failed++;
    }
  }
  temporal_workflow_run_free(shared);
  temporal_workflow_run_free(started);

  /* Phase 3: races. */
  struct job *race_jobs = (struct job *)calloc((size_t)starters + 2, sizeof *race_jobs);
  if (!race_jobs) abort();
  failed += phase3(race_jobs, &ok);
  free(race_jobs);

  for (int i = 0; i < njobs; i++) {
    if (temporal_completion_queue_next(jobs[i].queue)) {
      failed++;
      printf("threads: queue %d is not empty\n", i);
    }
    temporal_completion_queue_free(jobs[i].queue);
    pthread_mutex_destroy(&jobs[i].mu);
    pthread_cond_destroy(&jobs[i].cv);
  }
  temporal_client_free(g_client);
  free(jobs);
  printf("threads: %d ok, %d failed\n", ok, failed);
  return failed ? 1 : 0;
}
