/*
 * Server restart under load: N workflows Sleep[SLEEP_MS] are started, and N result waits are
 * parked on them; the driver (tests/faults/run.sh) kill -9's the dev server while they wait and
 * restarts it on the same port and database file. Every result must arrive ("slept"), none
 * lost, no wait left hanging.
 *
 * The waits use every completion form, by the thread's index modulo 4: the blocking wrapper
 * temporal_get_result; temporal_get_result_async with temporal_call_wait; a callback; and a
 * completion queue drained by one poller thread. Each thread starts its workflow with the
 * blocking temporal_execute_workflow (even indices) or temporal_execute_workflow_async +
 * temporal_call_wait (odd ones). The waits' timeout is FAULT_GET_TIMEOUT_MS (the call options'
 * timeout_ms for the call forms): a wait that runs out must say DEADLINE_EXCEEDED, never
 * CANCELED.
 *
 * Coordination with the driver, through files:
 *   - this program writes FAULT_READY_FILE once every wait is parked (plus FAULT_SETTLE_MS,
 *     default 1000);
 *   - the driver kills the server, restarts it, and writes FAULT_RESTARTED_FILE with three
 *     wall-clock times in ms since the epoch: "<killed> <relaunched> <healthy>".
 *
 * Env: FAULT_ADDRESS (required), FAULT_TASK_QUEUE (temporal-ffi-test), FAULT_COUNT (100),
 *      FAULT_SLEEP_MS (4000), FAULT_GET_TIMEOUT_MS (120000), FAULT_DEADLINE_S (100).
 */


#include "common.h"

#include <poll.h>

enum form { FORM_BLOCKING, FORM_WAIT, FORM_CALLBACK, FORM_QUEUE };
static const char *const FORM_NAMES[] = {"blocking", "wait", "callback", "queue"};

typedef struct {
  int index;
  enum form form;     /* how its result wait completes */
  temporal_workflow_run *run;
  temporal_call *call; /* the result wait, for the call forms */
  char id[128];
  int started;        /* execute succeeded */
  int ok;             /* result == "slept" */
  int done;
  int64_t done_wall_ms;
  char detail[512];
} slot;

static temporal_client *client;
static const char *task_queue;
static long sleep_ms_arg, get_timeout_ms;
static slot *slots;
static long count;
static temporal_completion_queue *queue; /* FORM_QUEUE's */

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static long waiting, finished;

/* Records a slot's outcome (the thread, the callback or the queue poller). */
static void finish(slot *s) {
  pthread_mutex_lock(&mu);
  s->done = 1;
  s->done_wall_ms = wall_ms();
  finished++;
  pthread_cond_broadcast(&cv);
  pthread_mutex_unlock(&mu);
}

/* Reads a completed result wait into its slot. */
static void record_call(slot *s, const temporal_call *call) {
  char buf[512];
  const temporal_error *e = temporal_call_get_error(call);
  const char *json = temporal_call_get_json(call);
  if (e) {
    const char *d = temporal_error_get_details(e);
    snprintf(s->detail, sizeof s->detail, "get_result_async (%s): %s (details %s)", FORM_NAMES[s->form],
             err_text(e, buf, sizeof buf), d ? d : "none");
  } else if (!json || strcmp(json, "\"slept\"") != 0) {
    snprintf(s->detail, sizeof s->detail, "get_result_async (%s): unexpected result %s", FORM_NAMES[s->form],
             json ? json : "(none)");
  } else {
    s->ok = 1;
  }
}

static void on_result(void *user_data, temporal_call *call) {
  slot *s = user_data;
  record_call(s, call);
  finish(s);
}

/* Drains the completion queue until every FORM_QUEUE slot is done (or `stop`). */
static volatile int stop_polling;
static void *queue_poller(void *arg) {
  (void)arg;
  struct pollfd p = {temporal_completion_queue_fd(queue), POLLIN, 0};
  while (!stop_polling) {
    if (poll(&p, 1, 200) != 1) continue;
    temporal_call *call;
    while ((call = temporal_completion_queue_next(queue)) != NULL) {
      slot *s = temporal_call_get_user_data(call);
      pthread_mutex_lock(&mu); /* s->call is written under it (see worker) */
      int same = s->call == call;
      pthread_mutex_unlock(&mu);
      if (!same) snprintf(s->detail, sizeof s->detail, "queue_next returned another call than the slot's");
      else record_call(s, call);
      finish(s);
    }
  }
  return NULL;
}

/* Starts the slot's workflow: the blocking wrapper, or the call form with temporal_call_wait. */
static temporal_error *start(slot *s, const char *args) {
  temporal_start_workflow_options o;
  temporal_start_workflow_options_default(&o, sizeof o);
  o.id = s->id;
  o.task_queue = task_queue;
  if (s->index % 2 == 0) return temporal_execute_workflow(client, "Sleep", args, &o, &s->run);
  temporal_call *call = NULL;
  temporal_error *e = temporal_execute_workflow_async(client, "Sleep", args, &o, NULL, &call);
  if (!e) e = temporal_call_wait(call, TEMPORAL_TIMEOUT_NONE);
  if (!e && temporal_call_get_error(call)) {
    const temporal_error *le = temporal_call_get_error(call);
    snprintf(s->detail, sizeof s->detail, "execute_async: %s: %s", temporal_error_code_name(temporal_error_get_code(le)),
             temporal_error_get_message(le));
  } else if (!e) {
    s->run = temporal_call_take_run(call);
  }
  temporal_call_free(call);
  return e;
}

static void *worker(void *arg) {
  slot *s = arg;
  char args[64], buf[512];
  snprintf(args, sizeof args, "[%ld]", sleep_ms_arg);
  temporal_error *e = start(s, args);
  if (e) {
    snprintf(s->detail, sizeof s->detail, "execute: %s", err_text(e, buf, sizeof buf));
    temporal_error_free(e);
  } else if (s->run) {
    s->started = 1;
  }
  /* The call forms park their wait before the thread counts itself as waiting. */
  temporal_call_options co;
  temporal_call_options_default(&co, sizeof co);
  co.timeout_ms = (uint64_t)get_timeout_ms;
  co.user_data = s;
  if (s->form == FORM_CALLBACK) co.callback = on_result;
  if (s->form == FORM_QUEUE) co.completion_queue = queue;
  int parked = 0;
  if (s->started && s->form != FORM_BLOCKING) {
    /* Under the mutex: the queue poller reads s->call under it too, and a completion may in
       principle be posted before call_out is written. */
    pthread_mutex_lock(&mu);
    e = temporal_get_result_async(s->run, &co, &s->call);
    pthread_mutex_unlock(&mu);
    if (e) {
      snprintf(s->detail, sizeof s->detail, "get_result_async: %s", err_text(e, buf, sizeof buf));
      temporal_error_free(e);
    } else {
      parked = 1;
    }
  }
  pthread_mutex_lock(&mu);
  waiting++;
  pthread_cond_broadcast(&cv);
  pthread_mutex_unlock(&mu);

  if (!s->started || (s->form != FORM_BLOCKING && !parked)) {
    finish(s);
    return NULL;
  }
  if (s->form == FORM_BLOCKING) {
    char *result = NULL;
    e = temporal_get_result(s->run, (uint64_t)get_timeout_ms, &result);
    if (e) {
      const char *d = temporal_error_get_details(e);
      snprintf(s->detail, sizeof s->detail, "get_result: %s (details %s)", err_text(e, buf, sizeof buf),
               d ? d : "none");
      temporal_error_free(e);
    } else if (strcmp(result, "\"slept\"") != 0) {
      snprintf(s->detail, sizeof s->detail, "get_result: unexpected result %s", result);
    } else {
      s->ok = 1;
    }
    temporal_string_free(result);
    finish(s);
  } else if (s->form == FORM_WAIT) {
    e = temporal_call_wait(s->call, TEMPORAL_TIMEOUT_NONE); /* bounded by the call's own timeout */
    if (e) {
      snprintf(s->detail, sizeof s->detail, "call_wait: %s", err_text(e, buf, sizeof buf));
      temporal_error_free(e);
    } else {
      record_call(s, s->call);
    }
    finish(s);
  }
  /* FORM_CALLBACK and FORM_QUEUE finish from on_result / queue_poller. */
  return NULL;
}

/* Diagnostic: a fresh reattach + get_result for a wait that failed. done = 2 when "slept". */
static void *recover_thread(void *arg) {
  slot *s = arg;
  temporal_workflow_run *r = NULL;
  char *res = NULL, buf[512];
  temporal_error *e = temporal_get_workflow(client, s->id, NULL, &r);
  if (!e) e = temporal_get_result(r, 60000, &res);
  if (e) snprintf(s->detail, sizeof s->detail, "reattach: %s", err_text(e, buf, sizeof buf));
  s->done = (!e && strcmp(res, "\"slept\"") == 0) ? 2 : 1;
  s->done_wall_ms = wall_ms();
  temporal_error_free(e);
  temporal_string_free(res);
  temporal_workflow_run_free(r);
  return NULL;
}

static int cmp_i64(const void *a, const void *b) {
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return (x > y) - (x < y);
}

int main(void) {
  const char *address = getenv("FAULT_ADDRESS");
  const char *ready_file = getenv("FAULT_READY_FILE");
  const char *restarted_file = getenv("FAULT_RESTARTED_FILE");
  if (!address || !ready_file || !restarted_file) {
    fprintf(stderr, "restart: FAULT_ADDRESS, FAULT_READY_FILE and FAULT_RESTARTED_FILE are required\n");
    return 2;
  }
  task_queue = env_str("FAULT_TASK_QUEUE", "temporal-ffi-test");
  count = env_long("FAULT_COUNT", 100);
  sleep_ms_arg = env_long("FAULT_SLEEP_MS", 4000);
  get_timeout_ms = env_long("FAULT_GET_TIMEOUT_MS", 120000);
  long settle_ms = env_long("FAULT_SETTLE_MS", 1000);
  double deadline_s = (double)env_long("FAULT_DEADLINE_S", 100);
  double t0 = now_s();
  char buf[512];
  double t_conn;

  temporal_client_options copts;
  temporal_client_options_default(&copts, sizeof copts);
  copts.address = address;
  temporal_error *e = temporal_client_connect(&copts, &client);
  if (e) {
    fprintf(stderr, "restart: FAIL connect: %s\n", err_text(e, buf, sizeof buf));
    temporal_error_free(e);
    return 1;
  }

  t_conn = now_s() - t0;
  if ((e = temporal_completion_queue_new(&queue))) {
    fprintf(stderr, "restart: FAIL queue_new: %s\n", err_text(e, buf, sizeof buf));
    temporal_error_free(e);
    return 1;
  }
  pthread_t poller;
  pthread_create(&poller, NULL, queue_poller, NULL);
  slots = calloc((size_t)count, sizeof *slots);
  pthread_t *th = calloc((size_t)count, sizeof *th);
  for (long i = 0; i < count; i++) {
    slots[i].index = (int)i;
    slots[i].form = (enum form)(i % 4);
    snprintf(slots[i].id, sizeof slots[i].id, "faults-restart-%ld-%lld-%ld", (long)getpid(),
             (long long)wall_ms(), i);
    if (pthread_create(&th[i], NULL, worker, &slots[i]) != 0) {
      fprintf(stderr, "restart: FAIL pthread_create %ld\n", i);
      return 1;
    }
  }

  /* Wait until every thread has started its workflow and is about to block in get_result. */
  pthread_mutex_lock(&mu);
  while (waiting < count) pthread_cond_wait(&cv, &mu);
  long finished_before_kill = finished;
  pthread_mutex_unlock(&mu);
  double t_waiting = now_s();
  sleep_ms(settle_ms);
  pthread_mutex_lock(&mu);
  finished_before_kill = finished;
  pthread_mutex_unlock(&mu);
  printf("restart: connected in %.2f s; %ld workflows started (one per thread) and waited on after %.2f s; "
         "%ld finished before the kill\n", t_conn, count, t_waiting - t0, finished_before_kill);
  fflush(stdout);

  FILE *f = fopen(ready_file, "w");
  if (!f) { perror("restart: ready file"); return 1; }
  fprintf(f, "%lld\n", (long long)wall_ms());
  fclose(f);

  /* Wait for every thread to finish, with an overall deadline (no join on a hung thread). */
  struct timespec abs;
  clock_gettime(CLOCK_REALTIME, &abs);
  double remaining = deadline_s - (now_s() - t0);
  if (remaining < 1) remaining = 1;
  abs.tv_sec += (time_t)remaining;
  pthread_mutex_lock(&mu);
  int timed_out = 0;
  while (finished < count) {
    /* pthread_cond_timedwait uses CLOCK_REALTIME by default. */
    if (pthread_cond_timedwait(&cv, &mu, &abs) != 0) { timed_out = 1; break; }
  }
  long finished_now = finished;
  pthread_mutex_unlock(&mu);

  int failures = 0;
  if (timed_out) {
    fprintf(stderr, "restart: FAIL %ld of %ld threads still blocked after the %.0f s deadline:\n",
            count - finished_now, count, deadline_s);
    pthread_mutex_lock(&mu);
    for (long i = 0, shown = 0; i < count && shown < 10; i++)
      if (!slots[i].done) { fprintf(stderr, "  hanging: %s\n", slots[i].id); shown++; }
    pthread_mutex_unlock(&mu);
    printf("restart: FAIL\n");
    fflush(stdout);
    _exit(1); /* the hung threads cannot be joined */
  }
  for (long i = 0; i < count; i++) pthread_join(th[i], NULL);

  /* Times the driver recorded: killed, relaunched, healthy (wait for the driver to finish the
     restart even when every thread returned early). */
  long long killed = 0, relaunched = 0, healthy = 0;
  for (double tw = now_s(); access(restarted_file, F_OK) != 0 && now_s() - tw < 60;) sleep_ms(100);
  f = fopen(restarted_file, "r");
  if (!f || fscanf(f, "%lld %lld %lld", &killed, &relaunched, &healthy) != 3) {
    fprintf(stderr, "restart: FAIL the driver never wrote %s (was the server restarted?)\n", restarted_file);
    failures++;
  }
  if (f) fclose(f);

  long ok = 0;
  int64_t *after = calloc((size_t)count, sizeof *after);
  long n_after = 0, before_kill = 0;
  for (long i = 0; i < count; i++) {
    if (slots[i].ok) ok++;
    else {
      if (failures < 10) fprintf(stderr, "restart: FAIL %s: %s\n", slots[i].id, slots[i].detail);
      failures++;
    }
    if (killed && slots[i].done_wall_ms < killed) before_kill++;
    if (relaunched && slots[i].ok) after[n_after++] = slots[i].done_wall_ms - relaunched;
  }
  printf("restart: %ld/%ld results \"slept\"; %ld delivered before the kill\n", ok, count, before_kill);
  if (relaunched && n_after > 0) {
    qsort(after, (size_t)n_after, sizeof *after, cmp_i64);
    printf("restart: server down for %.2f s (kill -> relaunch), healthy %.2f s after relaunch\n",
           (double)(relaunched - killed) / 1000.0, (double)(healthy - relaunched) / 1000.0);
    printf("restart: the %ld results, counted from the relaunch: first %.2f s, median %.2f s, last %.2f s "
           "(after healthy: last %.2f s)\n", n_after,
           (double)after[0] / 1000.0, (double)after[n_after / 2] / 1000.0,
           (double)after[n_after - 1] / 1000.0,
           (double)(after[n_after - 1] - (healthy - relaunched)) / 1000.0);
  }
  if (before_kill > 0) {
    fprintf(stderr, "restart: FAIL %ld results arrived before the kill: the fault did not hit them "
            "(raise FAULT_SLEEP_MS)\n", before_kill);
    failures++;
  }
  /* Diagnostic only (the test has already failed if any get_result failed): can a fresh
     reattach get the lost results now that the server is back? Tells a client-side loss from
     a server / worker one. */
  if (ok < count && relaunched) {
    long lost = 0;
    double tr = now_s();
    for (long i = 0; i < count; i++) {
      if (slots[i].ok || !slots[i].started) continue;
      slots[i].done = 0;
      lost++;
      pthread_create(&th[i], NULL, recover_thread, &slots[i]);
    }
    long recovered = 0;
    int64_t last = 0;
    for (long i = 0; i < count; i++) {
      if (slots[i].ok || !slots[i].started) continue;
      pthread_join(th[i], NULL);
      if (slots[i].done == 2) { recovered++; if (slots[i].done_wall_ms > last) last = slots[i].done_wall_ms; }
      else if (recovered == 0) fprintf(stderr, "restart: reattach %s: %s\n", slots[i].id, slots[i].detail);
    }
    printf("restart: diagnostic: %ld of the %ld failed waits get \"slept\" from a fresh reattach after the "
           "restart (in %.2f s; the last result %.2f s after the relaunch): the workflows survived and "
           "the worker completed them, only the waits were lost\n",
           recovered, lost, now_s() - tr, last ? (double)(last - relaunched) / 1000.0 : -1.0);
  }
  printf("restart: total %.2f s\n", now_s() - t0);

  stop_polling = 1;
  pthread_join(poller, NULL);
  long forms_ok[4] = {0}, forms_n[4] = {0};
  for (long i = 0; i < count; i++) {
    forms_n[slots[i].form]++;
    forms_ok[slots[i].form] += slots[i].ok;
  }
  printf("restart: results by completion form: blocking %ld/%ld, wait %ld/%ld, callback %ld/%ld, queue %ld/%ld\n",
         forms_ok[0], forms_n[0], forms_ok[1], forms_n[1], forms_ok[2], forms_n[2], forms_ok[3], forms_n[3]);
  for (long i = 0; i < count; i++) {
    temporal_call_free(slots[i].call);
    temporal_workflow_run_free(slots[i].run);
  }
  temporal_completion_queue_free(queue);
  temporal_client_free(client);
  free(after);
  free(slots);
  free(th);
  printf("restart: %s\n", failures ? "FAIL" : "PASS");
  return failures ? 1 : 0;
}
