/*
 * test_completion_queue: temporal_completion_queue driven by an epoll loop, as a host event
 * loop drives it, against a real Temporal server.
 *
 * Run it inside tests/harness/with-dev-server.sh (TEMPORAL_ADDRESS, TEMPORAL_TEST_TASK_QUEUE).
 *
 *   test_completion_queue [NAME_SUBSTRING]   runs every test, or those whose name contains it
 *
 * The load is describe calls on one finished workflow: cheap for the dev server, so that ten
 * thousand of them take seconds. Every call carries its slot as user_data; a slot counts how
 * often its call came out of the queue, which must be exactly once. The last line is
 * "completion queue: N passed, M failed".
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "temporal.h"

static temporal_client *g_client;
static const char *g_task_queue;
static char g_finished_id[128]; /* a finished workflow, the target of the describe calls */
static char g_blocked_id[128];  /* a running Block workflow, for calls that must stay in flight */
static temporal_workflow_run *g_blocked_run;

/* ---------------------------------------------------------------- the loop */

/* A queue and the epoll instance that watches its descriptor (level-triggered). */
struct loop {
  temporal_completion_queue *queue;
  int epfd;
};

static bool loop_open(struct loop *l) {
  l->queue = NULL;
  l->epfd = -1;
  temporal_error *e = temporal_completion_queue_new(&l->queue);
  if (e) {
    fail_at(__LINE__, "queue_new", "%s: %s", code_name(e), temporal_error_get_message(e));
    temporal_error_free(e);
    return false;
  }
  l->epfd = epoll_create1(EPOLL_CLOEXEC);
  struct epoll_event ev;
  memset(&ev, 0, sizeof ev);
  ev.events = EPOLLIN;
  int fd = temporal_completion_queue_fd(l->queue);
  CHECK(fd >= 0, "queue fd %d", fd);
  CHECK(l->epfd >= 0 && epoll_ctl(l->epfd, EPOLL_CTL_ADD, fd, &ev) == 0, "epoll: %s", strerror(errno));
  return true;
}

static void loop_close(struct loop *l) {
  if (l->epfd >= 0) close(l->epfd);
  temporal_completion_queue_free(l->queue);
}

/* Whether the queue's descriptor became readable within timeout_ms (0: is it now). */
static bool loop_wait(const struct loop *l, int timeout_ms) {
  struct epoll_event ev;
  int n;
  do n = epoll_wait(l->epfd, &ev, 1, timeout_ms); while (n < 0 && errno == EINTR);
  return n > 0;
}

/* Call options that post to the loop's queue, with `user_data`. */
static temporal_call_options queue_options(const struct loop *l, void *user_data) {
  temporal_call_options co;
  temporal_call_options_default(&co, sizeof co);
  co.completion_queue = l->queue;
  co.user_data = user_data;
  return co;
}

/* ---------------------------------------------------------------- load */

/* One call of a load test; its address is the call's user_data. */
struct slot {
  temporal_call *call; /* while in flight */
  int outcomes;        /* times it came out of the queue */
  bool canceled;       /* temporal_call_cancel was called on it */
  bool done_first;     /* it had completed (and sat in the queue) when it was canceled */
};

struct load {
  struct loop loop;
  struct slot *slots;
  int total, in_flight_limit;
  int started, completed;
  int succeeded, canceled_outcomes;
  int cancel_lost; /* canceled calls that came back with their result: the cancel came too late */
  int canceled_when_done; /* calls 0 canceled after they completed, before they were taken */
  /* cancel_mode 0: never. 1: every call is canceled, by index modulo 3: calls 1 right after
     their start; calls 2 from the loop, each time a result comes out, the oldest call 2 still in
     flight (it started about when that result's call did, so it is likely completing at that
     very moment); calls 0 when the descriptor wakes the loop, if they have completed and wait in
     the queue (such a cancel must not take their result away), else at the next wake-up. A call
     not canceled by the time it comes out is canceled then, which must not change it either. */
  int cancel_mode;
  int oldest_late; /* the next "calls 2" index the loop cancels */
  int oldest_zero; /* no "calls 0" before it is still uncanceled */
};

/* Cancels the calls 0 still in flight: those completed are in the queue, not yet taken. */
static void cancel_waiting_zeros(struct load *t) {
  for (int i = t->oldest_zero; i < t->started; i += 3) {
    struct slot *s = &t->slots[i];
    if (!s->call || s->canceled) {
      if (i == t->oldest_zero) t->oldest_zero += 3;
      continue;
    }
    if (!temporal_call_is_done(s->call)) continue; /* not yet: at a later wake-up */
    s->done_first = true;
    s->canceled = true;
    temporal_call_cancel(s->call);
    t->canceled_when_done++;
  }
}

static bool load_start_one(struct load *t) {
  int i = t->started;
  struct slot *s = &t->slots[i];
  temporal_call_options co = queue_options(&t->loop, s);
  temporal_error *e = temporal_describe_workflow_execution_async(g_client, g_finished_id, NULL, &co, &s->call);
  if (e) {
    fail_at(__LINE__, "describe_async", "call %d: %s: %s", i, code_name(e), temporal_error_get_message(e));
    temporal_error_free(e);
    return false;
  }
  t->started++;
  if (t->cancel_mode && i % 3 == 1) {
    s->canceled = true;
    temporal_call_cancel(s->call);
  }
  return true;
}

/* Takes one completed call off the queue and checks it: it is a call of this test, in flight,
   seen for the first time, and its outcome is the describe result or (if canceled) CANCELED. */
static bool load_take(struct load *t, temporal_call *call) {
  struct slot *s = (struct slot *)temporal_call_get_user_data(call);
  CHECK(s >= t->slots && s < t->slots + t->started, "a call with user_data %p", (void *)s);
  int i = (int)(s - t->slots);
  CHECK(s->outcomes == 0, "call %d came out %d times", i, s->outcomes + 1);
  CHECK(s->call == call, "call %d came out as %p, started as %p", i, (void *)call, (void *)s->call);
  CHECK(temporal_call_is_done(call), "call %d came out before it completed", i);
  s->outcomes++;
  if (t->cancel_mode && !s->canceled) {
    /* Not canceled yet (it completed and came out within one drain): cancel it now, once it is
       out of the queue; that must not change its outcome either. */
    s->done_first = true;
    s->canceled = true;
    temporal_call_cancel(call);
  }
  const temporal_error *e = temporal_call_get_error(call);
  const char *json = temporal_call_get_json(call);
  if (e) {
    CHECK(!s->done_first, "call %d was canceled after it completed, and lost its result: %s", i, code_name(e));
    CHECK(s->canceled && temporal_error_get_code(e) == TEMPORAL_ERROR_CODE_CANCELED,
          "call %d (%s): %s: %s", i, s->canceled ? "canceled" : "not canceled", code_name(e),
          temporal_error_get_message(e));
    CHECK(json == NULL, "call %d: CANCELED with a result", i);
    t->canceled_outcomes++;
  } else {
    CHECK(json && strstr(json, g_finished_id), "call %d: result %s", i, json ? json : "(null)");
    t->succeeded++;
    if (s->canceled && !s->done_first) t->cancel_lost++;
  }
  temporal_call_free(call);
  s->call = NULL;
  t->completed++;
  if (t->cancel_mode && !e) {
    while (t->oldest_late < t->started && !t->slots[t->oldest_late].call) t->oldest_late += 3;
    if (t->oldest_late < t->started) {
      t->slots[t->oldest_late].canceled = true;
      temporal_call_cancel(t->slots[t->oldest_late].call);
      t->oldest_late += 3;
    }
  }
  return true;
}

/* Runs `total` calls through one queue, at most `in_flight_limit` at a time. */
static bool run_load(int total, int in_flight_limit, int cancel_mode, struct load *t) {
  memset(t, 0, sizeof *t);
  t->total = total;
  t->in_flight_limit = in_flight_limit;
  t->cancel_mode = cancel_mode;
  t->oldest_late = 2;
  t->oldest_zero = 0;
  t->slots = (struct slot *)calloc((size_t)total, sizeof *t->slots);
  if (!t->slots) abort();
  if (!loop_open(&t->loop)) return false;
  while (t->completed < total) {
    while (t->started < total && t->started - t->completed < in_flight_limit)
      if (!load_start_one(t)) return false;
    CHECK(loop_wait(&t->loop, 30000), "no completion for 30 s: %d started, %d completed", t->started,
          t->completed);
    if (t->cancel_mode) cancel_waiting_zeros(t);
    for (temporal_call *call; (call = temporal_completion_queue_next(t->loop.queue)) != NULL;)
      if (!load_take(t, call)) return false;
  }
  /* Drained: nothing more comes out, and the descriptor is quiet. */
  CHECK(!loop_wait(&t->loop, 200), "the descriptor is readable after every call came out");
  CHECK(temporal_completion_queue_next(t->loop.queue) == NULL, "a call after every call came out");
  for (int i = 0; i < total; i++) CHECK(t->slots[i].outcomes == 1, "call %d came out %d times", i, t->slots[i].outcomes);
  CHECK(t->succeeded + t->canceled_outcomes == total, "%d + %d outcomes for %d calls", t->succeeded,
        t->canceled_outcomes, total);
  return true;
}

static void load_free(struct load *t) {
  /* After a failure some calls may still be in flight: free them (they go on, unreported). */
  if (t->slots)
    for (int i = 0; i < t->started; i++) temporal_call_free(t->slots[i].call);
  free(t->slots);
  loop_close(&t->loop);
}

/* ---------------------------------------------------------------- tests */

static bool test_ten_thousand_completions(void) {
  struct load t;
  double t0 = now_s();
  bool ok = run_load(10000, 200, 0, &t);
  double elapsed = now_s() - t0;
  if (ok) printf("     10000 describe calls, 200 in flight: %.2f s\n", elapsed);
  if (ok && t.succeeded != 10000) ok = fail_at(__LINE__, "succeeded == 10000", "%d succeeded", t.succeeded);
  load_free(&t);
  return ok;
}

static bool test_cancel_races_completion(void) {
  struct load t;
  double t0 = now_s();
  bool ok = run_load(10000, 200, 1, &t);
  double elapsed = now_s() - t0;
  if (ok)
    printf("     10000 calls, each canceled (after its start, about when it completes, or once it waits in "
           "the queue): %d CANCELED, %d results (%d of them canceled too late, %d canceled while waiting in "
           "the queue), %.2f s\n",
           t.canceled_outcomes, t.succeeded, t.cancel_lost, t.canceled_when_done, elapsed);
  /* A cancel right after the start finds the call in flight (a describe takes a round trip), so
     nearly all of those 3,333 end CANCELED. */
  if (ok && t.canceled_outcomes < 3000)
    ok = fail_at(__LINE__, "canceled_outcomes >= 3000", "only %d calls ended CANCELED", t.canceled_outcomes);
  for (int i = 0; ok && i < t.started; i++)
    if (!t.slots[i].canceled) ok = fail_at(__LINE__, "every call canceled", "call %d was never canceled", i);
  load_free(&t);
  return ok;
}

static bool test_empty_queue_is_not_readable(void) {
  struct loop l;
  bool ok = loop_open(&l);
  if (ok && loop_wait(&l, 0)) ok = fail_at(__LINE__, "!readable", "a new queue's descriptor is readable");
  if (ok && temporal_completion_queue_next(l.queue) != NULL) ok = fail_at(__LINE__, "next == NULL", "a new queue gave a call");
  loop_close(&l);
  return ok;
}

/* Runs the loop for `ms` (or until `until` came out, if not NULL): every call that comes out
   goes into out[] (at most max; *n counts them all). */
static void drain_for(const struct loop *l, int ms, const temporal_call *until, temporal_call **out,
                      int max, int *n) {
  double end = now_s() + ms / 1000.0;
  for (double left = ms / 1000.0; left > 0; left = end - now_s()) {
    if (!loop_wait(l, (int)(left * 1000) + 1)) continue;
    for (temporal_call *call; (call = temporal_completion_queue_next(l->queue)) != NULL; ++*n)
      if (*n < max) out[*n] = call;
    for (int i = 0; until && i < *n && i < max; i++)
      if (out[i] == until) return;
  }
}

static bool test_freed_call_never_comes_out(void) {
  struct loop l;
  if (!loop_open(&l)) return false;
  bool ok = false;
  int freed_marker = 0, kept_marker = 0;
  temporal_call *freed = NULL, *kept = NULL;
  /* Two result waits on the running Block workflow, bounded at 300 and 600 ms: the first,
     freed at once, completes (DEADLINE_EXCEEDED) while the second is still in flight. */
  temporal_call_options co = queue_options(&l, &freed_marker);
  co.timeout_ms = 300;
  temporal_error *e = temporal_get_result_async(g_blocked_run, &co, &freed);
  if (!e) {
    temporal_call_free(freed);
    co = queue_options(&l, &kept_marker);
    co.timeout_ms = 600;
    e = temporal_get_result_async(g_blocked_run, &co, &kept);
  }
  temporal_call *out[8];
  int n = 0;
  if (e) {
    fail_at(__LINE__, "get_result_async", "%s: %s", code_name(e), temporal_error_get_message(e));
    temporal_error_free(e);
  } else {
    /* The descriptor may wake the loop for the freed call too; next() never returns it. */
    drain_for(&l, 10000, kept, out, 8, &n);
    drain_for(&l, 300, NULL, out, 8, &n);
    if (n != 1 || out[0] != kept) {
      fail_at(__LINE__, "only the kept call", "%d calls came out, the first %p (user_data %p); kept %p", n,
              n ? (void *)out[0] : NULL, n ? temporal_call_get_user_data(out[0]) : NULL, (void *)kept);
    } else if (temporal_error_get_code(temporal_call_get_error(kept)) != TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED) {
      fail_at(__LINE__, "DEADLINE_EXCEEDED", "the kept call: %s", code_name(temporal_call_get_error(kept)));
    } else if (loop_wait(&l, 0)) {
      fail_at(__LINE__, "!readable", "the descriptor is readable after the queue was drained");
    } else {
      ok = true;
    }
  }
  temporal_call_free(kept);
  loop_close(&l);
  return ok;
}

/* Must never run: a call with both a queue and a callback is refused before it starts. */
static void count_callback(void *user_data, temporal_call *call) {
  (void)call;
  ++*(int *)user_data;
}

static bool test_queue_and_callback_is_invalid(void) {
  struct loop l;
  if (!loop_open(&l)) return false;
  int callbacks = 0;
  temporal_call_options co = queue_options(&l, &callbacks);
  co.callback = count_callback;
  temporal_call *sentinel = (temporal_call *)(void *)&co;
  temporal_call *call = sentinel;
  temporal_error *e = temporal_count_workflow_async(g_client, NULL, &co, &call);
  bool ok = false;
  if (temporal_error_get_code(e) != TEMPORAL_ERROR_CODE_INVALID_ARGUMENT)
    fail_at(__LINE__, "INVALID_ARGUMENT", "got %s: %s", code_name(e), temporal_error_get_message(e));
  else if (!strstr(temporal_error_get_message(e), "callback"))
    fail_at(__LINE__, "message names the callback", "%s", temporal_error_get_message(e));
  else if (call != sentinel)
    fail_at(__LINE__, "call_out untouched", "call_out written on failure");
  else if (loop_wait(&l, 300) || callbacks != 0)
    fail_at(__LINE__, "nothing delivered", "a refused call was delivered");
  else
    ok = true;
  temporal_error_free(e);
  loop_close(&l);
  return ok;
}

static bool test_each_call_goes_to_its_own_queue(void) {
  struct loop a, b;
  if (!loop_open(&a)) return false;
  if (!loop_open(&b)) {
    loop_close(&a);
    return false;
  }
  temporal_call *on_a = NULL, *on_b = NULL;
  temporal_call_options co_a = queue_options(&a, NULL), co_b = queue_options(&b, NULL);
  temporal_error *e = temporal_count_workflow_async(g_client, NULL, &co_a, &on_a);
  if (!e) e = temporal_count_workflow_async(g_client, NULL, &co_b, &on_b);
  bool ok = false;
  if (e) {
    fail_at(__LINE__, "count_async", "%s: %s", code_name(e), temporal_error_get_message(e));
    temporal_error_free(e);
  } else if (!loop_wait(&a, 10000) || !loop_wait(&b, 10000)) {
    fail_at(__LINE__, "readable", "a queue stayed quiet");
  } else {
    temporal_call *from_a = temporal_completion_queue_next(a.queue);
    temporal_call *from_b = temporal_completion_queue_next(b.queue);
    bool drained = temporal_completion_queue_next(a.queue) == NULL && temporal_completion_queue_next(b.queue) == NULL;
    if (from_a != on_a || from_b != on_b || !drained)
      fail_at(__LINE__, "own queue", "a gave %p (started %p), b gave %p (started %p)", (void *)from_a,
              (void *)on_a, (void *)from_b, (void *)on_b);
    else
      ok = true;
  }
  temporal_call_free(on_a);
  temporal_call_free(on_b);
  loop_close(&a);
  loop_close(&b);
  return ok;
}

static bool test_queue_freed_with_a_call_in_flight(void) {
  struct loop l;
  if (!loop_open(&l)) return false;
  temporal_call_options co = queue_options(&l, NULL);
  co.timeout_ms = 300;
  temporal_call *call = NULL;
  temporal_error *e = temporal_get_result_async(g_blocked_run, &co, &call);
  loop_close(&l); /* the call goes on, posted nowhere */
  CHECK(e == NULL, "get_result_async: %s: %s", code_name(e), temporal_error_get_message(e));
  e = temporal_call_wait(call, 10000);
  bool ok = e == NULL &&
            temporal_error_get_code(temporal_call_get_error(call)) == TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED;
  if (!ok)
    fail_at(__LINE__, "completes", "wait: %s; outcome: %s", code_name(e), code_name(temporal_call_get_error(call)));
  temporal_error_free(e);
  temporal_call_free(call);
  return ok;
}

/* ---------------------------------------------------------------- runner */

struct test_case {
  const char *name;
  bool (*fn)(void);
};

static const struct test_case TESTS[] = {
    {"empty_queue_is_not_readable", test_empty_queue_is_not_readable},
    {"queue_and_callback_is_invalid", test_queue_and_callback_is_invalid},
    {"each_call_goes_to_its_own_queue", test_each_call_goes_to_its_own_queue},
    {"freed_call_never_comes_out", test_freed_call_never_comes_out},
    {"queue_freed_with_a_call_in_flight", test_queue_freed_with_a_call_in_flight},
    {"ten_thousand_completions", test_ten_thousand_completions},
    {"cancel_races_completion", test_cancel_races_completion},
};

/* Starts the two workflows the tests use: a finished Echo and a running Block. */
static bool setup(void) {
  temporal_start_workflow_options o;
  temporal_start_workflow_options_default(&o, sizeof o);
  o.task_queue = g_task_queue;
  snprintf(g_finished_id, sizeof g_finished_id, "c-queue-finished-%ld", (long)getpid());
  snprintf(g_blocked_id, sizeof g_blocked_id, "c-queue-blocked-%ld", (long)getpid());
  o.id = g_finished_id;
  temporal_workflow_run *run = NULL;
  temporal_error *e = temporal_execute_workflow(g_client, "Echo", "[1]", &o, &run);
  char *out = NULL;
  if (!e) e = temporal_get_result(run, 30000, &out);
  temporal_string_free(out);
  temporal_workflow_run_free(run);
  if (!e) {
    o.id = g_blocked_id;
    e = temporal_execute_workflow(g_client, "Block", NULL, &o, &g_blocked_run);
  }
  if (e) {
    fprintf(stderr, "test_completion_queue: setup: %s: %s\n", code_name(e), temporal_error_get_message(e));
    temporal_error_free(e);
    return false;
  }
  return true;
}

static void teardown(void) {
  if (!g_blocked_run) return;
  temporal_call *call = NULL;
  temporal_error *e = temporal_terminate_workflow_async(g_client, g_blocked_id, NULL, "test done", NULL, NULL, &call);
  if (!e) e = temporal_call_wait(call, 10000);
  if (e || temporal_call_get_error(call))
    fprintf(stderr, "test_completion_queue: could not terminate %s\n", g_blocked_id);
  temporal_error_free(e);
  temporal_call_free(call);
  temporal_workflow_run_free(g_blocked_run);
}

int main(int argc, char **argv) {
  const char *filter = argc > 1 ? argv[1] : NULL;
  const char *address = getenv("TEMPORAL_ADDRESS");
  g_task_queue = getenv("TEMPORAL_TEST_TASK_QUEUE");
  if (!address || !*address || !g_task_queue || !*g_task_queue) {
    fprintf(stderr, "test_completion_queue: TEMPORAL_ADDRESS and TEMPORAL_TEST_TASK_QUEUE must be set; "
                    "run it with tests/harness/with-dev-server.sh\n");
    return 2;
  }
  temporal_client_options co;
  temporal_client_options_default(&co, sizeof co);
  co.address = address;
  temporal_error *e = temporal_client_connect(&co, &g_client);
  if (e) {
    fprintf(stderr, "test_completion_queue: cannot connect to %s: %s: %s\n", address, code_name(e),
            temporal_error_get_message(e));
    temporal_error_free(e);
    return 1;
  }
  if (!setup()) return 1;

  int passed = 0, failed = 0;
  for (size_t i = 0; i < sizeof TESTS / sizeof TESTS[0]; i++) {
    if (filter && !strstr(TESTS[i].name, filter)) continue;
    g_msg[0] = '\0';
    double t0 = now_s();
    bool ok = TESTS[i].fn();
    double elapsed = now_s() - t0;
    if (ok) {
      passed++;
      printf("PASS %-36s (%.2f s)\n", TESTS[i].name, elapsed);
    } else {
      failed++;
      printf("FAIL %-36s (%.2f s) %s\n", TESTS[i].name, elapsed, g_msg);
    }
    fflush(stdout);
  }
  teardown();
  temporal_client_free(g_client);
  printf("completion queue: %d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
