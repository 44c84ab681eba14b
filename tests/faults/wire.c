/*
 * Faults on the wire: Toxiproxy sits between the library and the dev server (the Go SDK worker
 * connects to the server directly), and this program places each fault exactly between calls
 * through Toxiproxy's HTTP API (a tiny HTTP/1.1 client below). Driven by tests/faults/wire.sh.
 *
 *   wire latency    100 ms of latency: starts and results succeed, and take >= 100 ms (which
 *                   proves the traffic goes through the proxy); 2 s of latency: a 1 s timeout
 *                   gives DEADLINE_EXCEEDED at ~1 s, a 10 s one succeeds
 *   wire bandwidth  a result of FAULT_WIRE_BW_KB KB over FAULT_WIRE_BW_KBPS KB/s arrives intact
 *                   and no faster than the link allows; with a 1.5 s timeout it ends with
 *                   DEADLINE_EXCEEDED at 1.5 s; after the limit is lifted, calls are fast again
 *   wire reset      connections reset under parked result waits (callback and queue forms):
 *                   reset_peer upstream, then limit_data on the downstream cutting responses
 *                   mid-way while the results are delivered; every wait delivers; starts made
 *                   under the fault return the run or a clear error
 *   wire halfopen   `timeout` toxic (data dropped, nothing closed): calls end at their deadline
 *                   with DEADLINE_EXCEEDED; a client with a short keep-alive drops the dead
 *                   connection by itself; once the toxic is removed new calls succeed
 *   wire down       the proxy disabled for FAULT_WIRE_OUTAGE_MS and re-enabled: parked waits
 *                   deliver after; starts during the outage succeed within their deadline or
 *                   fail clearly by it
 *   wire deadup     the dev server gone behind a live proxy (its upstream pointed at a closed
 *                   port: each connection is accepted and closed at once, as a load balancer
 *                   with no backend does): short calls end with UNAVAILABLE/DEADLINE_EXCEEDED
 *                   by their deadline, never CANCELED; a start outlives it; waits deliver
 *   wire slowclose  limit_data + slow_close (connections cut, their close delayed): nothing
 *                   hangs, every call completes by its deadline; freeing a client is prompt
 *   wire unique     issue 17: FAULT_WIRE_UNIQ_THREADS threads start FAULT_WIRE_UNIQ_N workflows
 *                   with business IDs and error_when_already_started, while reset_peer pulses
 *                   cut connections and the driver kill -9's and restarts the dev server once;
 *                   then for every ID exactly one run exists (visibility list + describe), it
 *                   is the run its start returned, and no start said ALREADY_STARTED
 *
 * Every call completes exactly once: the callback and queue forms count their deliveries per
 * call (atomics), checked at the end of each case after a grace period; a call still in flight
 * at the end of a case is a hang. A deadline that passes is DEADLINE_EXCEEDED, never CANCELED.
 *
 * The library's own metrics (a host meter counting failed request attempts per operation)
 * show that each fault hit: the number of retried starts and re-issued history polls is
 * printed per case, and the reset, down, slowclose and unique cases require it to be > 0.
 *
 * Env: FAULT_WIRE_TOXI (Toxiproxy API host:port), FAULT_WIRE_PROXY (the proxy's listen
 * address, which the library connects to), FAULT_WIRE_UPSTREAM (the dev server, also used for
 * the direct client that checks the outcome), FAULT_TASK_QUEUE (temporal-ffi-test).
 * Bounds (defaults): FAULT_WIRE_SLACK_S (0.6: how late a deadline may fire), FAULT_WIRE_GRACE_MS
 *   (300: the wait for a second delivery), FAULT_WIRE_HEAL_S (15: waits deliver within this of
 *   the fault's end), FAULT_WIRE_WAIT_TIMEOUT_MS (60000: the parked waits' own timeout);
 *   latency: FAULT_WIRE_LAT_N (12), FAULT_WIRE_LAT_MS (100), FAULT_WIRE_LAT_BIG_MS (2000),
 *   FAULT_WIRE_LAT_SHORT_MS (1000);
 *   bandwidth: FAULT_WIRE_BW_KB (256), FAULT_WIRE_BW_KBPS (64: 4 s for the result; 16 KB/s
 *   works too but costs 16 s), FAULT_WIRE_BW_TIMEOUT_MS (60000), FAULT_WIRE_BW_SHORT_MS (1500);
 *   reset: FAULT_WIRE_RESET_N (12 waits), FAULT_WIRE_RESET_SLEEP_MS (4000),
 *   FAULT_WIRE_RESET_STARTS (6), FAULT_WIRE_LIMIT_BYTES (1500), FAULT_WIRE_LIMIT_HOLD_MS (3000);
 *   halfopen: FAULT_WIRE_HALFOPEN_TIMEOUT_MS (2000), FAULT_WIRE_KA_INTERVAL_MS (1000),
 *   FAULT_WIRE_KA_TIMEOUT_MS (1000), FAULT_WIRE_KA_SLACK_S (3), FAULT_WIRE_RECOVER_S (3);
 *   down: FAULT_WIRE_DOWN_N (10), FAULT_WIRE_DOWN_SLEEP_MS (2000), FAULT_WIRE_OUTAGE_MS (5000),
 *   FAULT_WIRE_DOWN_SHORT_MS (2000);
 *   deadup: FAULT_WIRE_DEADUP_N (8 waits), FAULT_WIRE_DEADUP_MS (4000), FAULT_WIRE_DEADUP_CALLS
 *   (18 describes and signals), FAULT_WIRE_DEADUP_SHORT_MS (1500);
 *   slowclose: FAULT_WIRE_SLOWCLOSE_N (8), FAULT_WIRE_SLOWCLOSE_BYTES (1000),
 *   FAULT_WIRE_SLOWCLOSE_MS (2000), FAULT_WIRE_SLOWCLOSE_HOLD_MS (4000), FAULT_WIRE_FREE_S (2);
 *   unique: FAULT_WIRE_UNIQ_N (200), FAULT_WIRE_UNIQ_THREADS (8), FAULT_WIRE_UNIQ_TIMEOUT_MS
 *   (10000), FAULT_WIRE_UNIQ_PACE_MS (100: each thread's pause between starts, so that the kill
 *   finds starts in flight), FAULT_WIRE_UNIQ_SLEEP_MS (30000: the runs outlive the test, so a
 *   duplicate start would meet a running one), FAULT_WIRE_UNIQ_RESET_EVERY_MS (400),
 *   FAULT_WIRE_UNIQ_RESET_HOLD_MS (60), FAULT_WIRE_UNIQ_FRESH_ID (0; 1: see case_unique),
 *   FAULT_WIRE_KILL_FILE (written here when the driver should kill the server),
 *   FAULT_WIRE_RESTARTED_FILE (the driver writes "<killed> <relaunched> <healthy>" wall-clock
 *   ms), FAULT_WIRE_DRY (1: no resets and no kill, to see the counts without faults).
 */
#include "common.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <sys/socket.h>
#include <sys/types.h>

static double env_double(const char *name, double dflt) {
  const char *v = getenv(name);
  return (v && *v) ? strtod(v, NULL) : dflt;
}

static const char *toxi_addr, *proxy_addr, *upstream_addr, *task_queue;
static const char *const PROXY = "temporal";

/* ---- a tiny HTTP/1.1 client for Toxiproxy's API ---- */

static int tcp_connect(const char *address) {
  char host[64];
  const char *colon = strrchr(address, ':');
  if (!colon) return -1;
  snprintf(host, sizeof host, "%.*s", (int)(colon - address), address);
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_port = htons((uint16_t)atoi(colon + 1));
  if (inet_pton(AF_INET, host, &a.sin_addr) != 1) return -1;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) { close(fd); return -1; }
  return fd;
}

/* One request with Connection: close; returns the HTTP status (-1: no answer) and copies the
   body into resp. */
static int toxi(const char *method, const char *path, const char *body, char *resp, size_t n) {
  char req[2048], in[16384];
  size_t blen = body ? strlen(body) : 0;
  int len = snprintf(req, sizeof req,
                     "%s %s HTTP/1.1\r\nHost: toxiproxy\r\nContent-Type: application/json\r\n"
                     "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
                     method, path, blen, body ? body : "");
  int fd = tcp_connect(toxi_addr);
  if (fd < 0) return -1;
  for (int off = 0; off < len;) {
    ssize_t w = send(fd, req + off, (size_t)(len - off), MSG_NOSIGNAL);
    if (w <= 0) { close(fd); return -1; }
    off += (int)w;
  }
  size_t got = 0;
  struct pollfd p = {fd, POLLIN, 0};
  while (got < sizeof in - 1 && poll(&p, 1, 5000) == 1) {
    ssize_t r = read(fd, in + got, sizeof in - 1 - got);
    if (r <= 0) break;
    got += (size_t)r;
  }
  close(fd);
  in[got] = 0;
  int status = -1;
  if (sscanf(in, "HTTP/1.%*d %d", &status) != 1) status = -1;
  if (resp && n) {
    const char *b = strstr(in, "\r\n\r\n");
    snprintf(resp, n, "%s", b ? b + 4 : "");
  }
  return status;
}

/* A Toxiproxy call that must succeed (2xx, or `also` e.g. 409 for "exists"): a failure fails
   the case, since the fault it places would be missing. */
static int toxi_ok(const char *what, const char *method, const char *path, const char *body, int also) {
  char resp[1024];
  int st = toxi(method, path, body, resp, sizeof resp);
  if ((st >= 200 && st < 300) || st == also) return 1;
  check(0, "toxiproxy", "%s: %s %s -> HTTP %d %s", what, method, path, st, resp);
  return 0;
}

static void proxy_setup(void) {
  char body[512];
  toxi_ok("reset", "POST", "/reset", NULL, 0);
  snprintf(body, sizeof body, "{\"name\":\"%s\",\"listen\":\"%s\",\"upstream\":\"%s\",\"enabled\":true}", PROXY,
           proxy_addr, upstream_addr);
  toxi_ok("create proxy", "POST", "/proxies", body, 409);
}

/* attrs: the inside of the attributes object, e.g. "\"latency\":100". */
static int toxic_add(const char *name, const char *type, const char *stream, double toxicity, const char *attrs) {
  char body[512], path[128];
  snprintf(body, sizeof body, "{\"name\":\"%s\",\"type\":\"%s\",\"stream\":\"%s\",\"toxicity\":%.2f,\"attributes\":{%s}}",
           name, type, stream, toxicity, attrs);
  snprintf(path, sizeof path, "/proxies/%s/toxics", PROXY);
  return toxi_ok("add toxic", "POST", path, body, 0);
}

static int toxic_update(const char *name, const char *attrs) {
  char body[512], path[128];
  snprintf(body, sizeof body, "{\"attributes\":{%s}}", attrs);
  snprintf(path, sizeof path, "/proxies/%s/toxics/%s", PROXY, name);
  return toxi_ok("update toxic", "POST", path, body, 0);
}

static int toxic_del(const char *name) {
  char path[128];
  snprintf(path, sizeof path, "/proxies/%s/toxics/%s", PROXY, name);
  return toxi_ok("remove toxic", "DELETE", path, NULL, 0);
}

static int proxy_enable(bool on) {
  char path[128];
  snprintf(path, sizeof path, "/proxies/%s", PROXY);
  return toxi_ok(on ? "enable proxy" : "disable proxy", "POST", path, on ? "{\"enabled\":true}" : "{\"enabled\":false}",
                 0);
}

/* ---- calls tracked to completion, exactly once ---- */

enum form { FORM_WAIT, FORM_CALLBACK, FORM_QUEUE };
static const char *const FORM_NAMES[] = {"wait", "callback", "queue"};

typedef struct tcall {
  char what[96];
  enum form form;
  temporal_call *call;             /* NULL when the _async function refused to start it */
  temporal_error *refused;         /* that refusal */
  _Atomic(temporal_call *) delivered; /* the call the callback / queue handed over */
  atomic_int fired;                /* callback runs / queue deliveries: must end at 1 */
  atomic_llong done_ns;            /* first completion (monotonic ns); 0: not yet */
  int64_t start_ns;
  pthread_t waiter;                /* FORM_WAIT: the thread in temporal_call_wait */
  int has_waiter;
} tcall;

#define MAX_TRACKED 4096
static tcall *tracked[MAX_TRACKED];
static atomic_int n_tracked;
static temporal_completion_queue *queue;

static int64_t mono_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void delivered(tcall *t, temporal_call *call) {
  atomic_store(&t->delivered, call);
  if (atomic_fetch_add(&t->fired, 1) == 0) atomic_store(&t->done_ns, mono_ns());
}

static void on_done(void *user_data, temporal_call *call) { delivered(user_data, call); }

static atomic_int stop_poller;
static void *queue_poller(void *arg) {
  (void)arg;
  struct pollfd p = {temporal_completion_queue_fd(queue), POLLIN, 0};
  while (!atomic_load(&stop_poller)) {
    if (poll(&p, 1, 100) != 1) continue;
    temporal_call *call;
    while ((call = temporal_completion_queue_next(queue)) != NULL) delivered(temporal_call_get_user_data(call), call);
  }
  return NULL;
}

/* A tracked call about to start: fills *co for its form and timeout. */
static tcall *tc_new(const char *what, enum form f, uint64_t timeout_ms, temporal_call_options *co) {
  tcall *t = calloc(1, sizeof *t);
  snprintf(t->what, sizeof t->what, "%s", what);
  t->form = f;
  t->start_ns = mono_ns();
  temporal_call_options_default(co, sizeof *co);
  co->timeout_ms = timeout_ms;
  co->user_data = t;
  if (f == FORM_CALLBACK) co->callback = on_done;
  if (f == FORM_QUEUE) co->completion_queue = queue;
  int i = atomic_fetch_add(&n_tracked, 1);
  if (i < MAX_TRACKED) tracked[i] = t;
  else { fprintf(stderr, "wire: more than %d tracked calls\n", MAX_TRACKED); exit(2); }
  return t;
}

/* The wait form's completion time, taken by a thread of its own blocked in temporal_call_wait
   (so that awaiting several calls one after another does not skew their times). */
static void *waiter_thread(void *arg) {
  tcall *t = arg;
  temporal_error *e = temporal_call_wait(t->call, TEMPORAL_TIMEOUT_NONE); /* bounded by the call's timeout */
  if (e) {
    char buf[256];
    fprintf(stderr, "wire: temporal_call_wait (%s): %s\n", t->what, err_text(e, buf, sizeof buf));
    temporal_error_free(e);
  }
  atomic_store(&t->done_ns, mono_ns());
  return NULL;
}

/* The _async function's own return: a refusal is the call's outcome. */
static tcall *tc_started(tcall *t, temporal_error *e) {
  if (e) {
    t->refused = e;
    atomic_store(&t->done_ns, mono_ns());
  } else if (t->form == FORM_WAIT) {
    t->has_waiter = pthread_create(&t->waiter, NULL, waiter_thread, t) == 0;
  }
  return t;
}

static int tc_done(const tcall *t) {
  if (t->refused) return 1;
  if (t->form == FORM_WAIT) return atomic_load(&t->done_ns) != 0 && temporal_call_is_done(t->call);
  return atomic_load(&t->fired) > 0;
}

/* Waits at most limit_s (from now) for the call to complete in its form; 1 if it did. */
static int tc_await(tcall *t, double limit_s) {
  for (double s = now_s(); !tc_done(t) && now_s() - s < limit_s;) sleep_ms(2);
  return tc_done(t);
}

static const temporal_error *tc_error(const tcall *t) {
  return t->refused ? t->refused : temporal_call_get_error(t->call);
}
static temporal_error_code tc_code(const tcall *t) { return temporal_error_get_code(tc_error(t)); }
static const char *tc_text(const tcall *t, char *buf, size_t n) {
  if (!tc_done(t)) { snprintf(buf, n, "not completed yet"); return buf; }
  const temporal_error *e = tc_error(t);
  if (!e) { snprintf(buf, n, "OK"); return buf; }
  return err_text(e, buf, n);
}
/* Seconds from the start to the first completion (-1: not completed). */
static double tc_secs(const tcall *t) {
  long long d = atomic_load(&t->done_ns);
  return d ? (double)(d - t->start_ns) / 1e9 : -1.0;
}

static int is_clear_failure(temporal_error_code c) {
  return c == TEMPORAL_ERROR_CODE_UNAVAILABLE || c == TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED;
}

/* End of a case: every tracked call completed, the callback / queue ones exactly once and
   with the call they were given. Frees them all. */
static void verify_once(const char *name) {
  sleep_ms(env_long("FAULT_WIRE_GRACE_MS", 300)); /* lets a second, wrong delivery show up */
  int n = atomic_load(&n_tracked), counted = 0, bad = 0, hung = 0;
  char first[512] = "";
  for (int i = 0; i < n; i++) {
    tcall *t = tracked[i];
    if (t->refused) continue;
    counted++;
    int fired = atomic_load(&t->fired);
    if (!tc_done(t)) {
      hung++;
      if (!*first) snprintf(first, sizeof first, "%s (%s form) never completed", t->what, FORM_NAMES[t->form]);
    } else if (t->form != FORM_WAIT && (fired != 1 || atomic_load(&t->delivered) != t->call)) {
      bad++;
      if (!*first)
        snprintf(first, sizeof first, "%s (%s form) delivered %d times%s", t->what, FORM_NAMES[t->form], fired,
                 atomic_load(&t->delivered) != t->call ? ", with another call pointer" : "");
    }
  }
  char label[64];
  snprintf(label, sizeof label, "%s.exactly-once", name);
  check(bad == 0 && hung == 0, label, "%d calls: %d never completed, %d completed other than exactly once%s%s", counted,
        hung, bad, *first ? "; first: " : "", first);
  for (int i = 0; i < n; i++) {
    tcall *t = tracked[i];
    if (!tc_done(t)) temporal_call_cancel(t->call); /* a hang already failed; do not leak it on */
  }
  if (hung) sleep_ms(500);
  for (int i = 0; i < n; i++) {
    tcall *t = tracked[i];
    if (t->has_waiter) pthread_join(t->waiter, NULL);
    temporal_workflow_run_free(temporal_call_take_run(t->call));
    temporal_call_free(t->call);
    temporal_error_free(t->refused);
    free(t);
    tracked[i] = NULL;
  }
  atomic_store(&n_tracked, 0);
}

/* ---- the library ---- */

/* Per-attempt request counts of the library's metrics, for StartWorkflowExecution: the number
   of attempts beyond the number of start calls is how many the library retried. */
typedef struct { char name[64]; } metric;
typedef struct { char operation[64]; } attrs;
static atomic_long start_attempts, start_attempt_failures;

static void *m_new(void *u, const char *name, const char *d, const char *unit, int32_t kind) {
  (void)u; (void)d; (void)unit; (void)kind;
  metric *m = calloc(1, sizeof *m);
  snprintf(m->name, sizeof m->name, "%s", name);
  return m;
}
static void m_free(void *u, void *m) { (void)u; free(m); }
static void *a_new(void *u, void *from, const temporal_metric_attribute *a, size_t count) {
  (void)u;
  attrs *s = calloc(1, sizeof *s);
  if (from) *s = *(attrs *)from;
  for (size_t i = 0; i < count; i++)
    if (strcmp(a[i].key, "operation") == 0 && a[i].value_type == TEMPORAL_METRIC_VALUE_TYPE_STRING)
      snprintf(s->operation, sizeof s->operation, "%s", a[i].string_value);
  return s;
}
static void a_free(void *u, void *a) { (void)u; free(a); }
/* Failed attempts per operation and metric (e.g. temporal_long_request_failure for the result
   waits' history polls), printed at the end of each case: how often the fault made the library
   retry or re-issue. */
#define MAX_OPS 48
static struct { char key[128]; atomic_long n; } op_failures[MAX_OPS];
static atomic_int n_ops;
static pthread_mutex_t ops_mu = PTHREAD_MUTEX_INITIALIZER;

static void count_failure(const char *metric_name, const char *operation, long v) {
  char key[128];
  snprintf(key, sizeof key, "%s %s", operation, metric_name);
  pthread_mutex_lock(&ops_mu);
  int i, n = atomic_load(&n_ops);
  for (i = 0; i < n && strcmp(op_failures[i].key, key) != 0; i++) {
  }
  if (i == n && n < MAX_OPS) { snprintf(op_failures[i].key, sizeof op_failures[i].key, "%s", key); atomic_store(&n_ops, n + 1); }
  if (i < MAX_OPS) atomic_fetch_add(&op_failures[i].n, v);
  pthread_mutex_unlock(&ops_mu);
}

static void print_failures(const char *mode) {
  pthread_mutex_lock(&ops_mu);
  int n = atomic_load(&n_ops);
  printf("  (library metrics, failed request attempts in this case:");
  if (n == 0) printf(" none");
  for (int i = 0; i < n; i++) printf("%s %s = %ld", i ? ";" : "", op_failures[i].key, atomic_load(&op_failures[i].n));
  printf(") [%s]\n", mode);
  pthread_mutex_unlock(&ops_mu);
}

/* Failed attempts so far of operations whose key contains `what`. */
static long failures_of(const char *what) {
  long total = 0;
  pthread_mutex_lock(&ops_mu);
  for (int i = 0; i < atomic_load(&n_ops); i++)
    if (strstr(op_failures[i].key, what)) total += atomic_load(&op_failures[i].n);
  pthread_mutex_unlock(&ops_mu);
  return total;
}

static void rec_int(void *u, void *m, uint64_t v, void *a) {
  (void)u;
  if (!m || !a) return;
  const char *name = ((metric *)m)->name, *op = ((attrs *)a)->operation;
  size_t len = strlen(name);
  int failure = len >= 8 && strcmp(name + len - 8, "_failure") == 0;
  if (failure) count_failure(name, op, (long)v);
  if (strcmp(op, "StartWorkflowExecution") != 0) return;
  if (len >= 8 && strcmp(name + len - 8, "_request") == 0) atomic_fetch_add(&start_attempts, (long)v);
  else if (len >= 16 && strcmp(name + len - 16, "_request_failure") == 0)
    atomic_fetch_add(&start_attempt_failures, (long)v);
}
static void rec_float(void *u, void *m, double v, void *a) { (void)u; (void)m; (void)v; (void)a; }
static void rec_dur(void *u, void *m, uint64_t v, void *a) { (void)u; (void)m; (void)v; (void)a; }

static temporal_client *connect_to(const char *address, uint64_t ka_interval_ms, uint64_t ka_timeout_ms) {
  static temporal_host_meter meter;
  temporal_host_meter_default(&meter, sizeof meter);
  meter.metric_new = m_new;
  meter.metric_free = m_free;
  meter.attributes_new = a_new;
  meter.attributes_free = a_free;
  meter.record_integer = rec_int;
  meter.record_float = rec_float;
  meter.record_duration = rec_dur;
  temporal_client_options o;
  temporal_client_options_default(&o, sizeof o);
  o.address = address;
  o.envconfig = TEMPORAL_ENVCONFIG_MODE_OFF;
  o.keep_alive_interval_ms = ka_interval_ms;
  o.keep_alive_timeout_ms = ka_timeout_ms;
  o.metrics_host_meter = &meter;
  temporal_client *c = NULL;
  char buf[512];
  temporal_error *e = temporal_client_connect(&o, &c);
  if (e) {
    check(0, "connect", "%s: %s", address, err_text(e, buf, sizeof buf));
    temporal_error_free(e);
    return NULL;
  }
  return c;
}

static char id_prefix[96];
static void make_id(char *buf, size_t n, const char *tag, long i) {
  snprintf(buf, n, "%s-%s-%ld", id_prefix, tag, i);
}

static tcall *start_wf(temporal_client *c, const char *type, const char *args, const char *id, enum form f,
                       uint64_t timeout_ms, bool error_when_started) {
  char what[96];
  snprintf(what, sizeof what, "start %s %s", type, id);
  temporal_call_options co;
  tcall *t = tc_new(what, f, timeout_ms, &co);
  temporal_start_workflow_options so;
  temporal_start_workflow_options_default(&so, sizeof so);
  so.id = id;
  so.task_queue = task_queue;
  so.error_when_already_started = error_when_started;
  return tc_started(t, temporal_execute_workflow_async(c, type, args, &so, &co, &t->call));
}

static tcall *result_wf(const temporal_workflow_run *run, enum form f, uint64_t timeout_ms) {
  char what[96];
  snprintf(what, sizeof what, "result %s", temporal_workflow_run_get_id(run));
  temporal_call_options co;
  tcall *t = tc_new(what, f, timeout_ms, &co);
  return tc_started(t, temporal_get_result_async(run, &co, &t->call));
}

static tcall *describe_wf(temporal_client *c, const char *id, enum form f, uint64_t timeout_ms) {
  char what[96];
  snprintf(what, sizeof what, "describe %s", id);
  temporal_call_options co;
  tcall *t = tc_new(what, f, timeout_ms, &co);
  return tc_started(t, temporal_describe_workflow_execution_async(c, id, NULL, &co, &t->call));
}

/* Starts a workflow and waits for its run (wait form); NULL on failure (checked). */
static temporal_workflow_run *start_run(temporal_client *c, const char *type, const char *args, const char *id,
                                        const char *label) {
  tcall *t = start_wf(c, type, args, id, FORM_WAIT, 10000, false);
  char buf[512];
  if (!tc_await(t, 15) || tc_error(t)) {
    check(0, label, "setup start %s %s: %s", type, id, tc_done(t) ? tc_text(t, buf, sizeof buf) : "no answer in 15 s");
    return NULL;
  }
  return temporal_call_take_run(t->call);
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* ---- 1. latency ---- */
static void case_latency(temporal_client *c) {
  long n = env_long("FAULT_WIRE_LAT_N", 12);
  long lat = env_long("FAULT_WIRE_LAT_MS", 100);
  long big = env_long("FAULT_WIRE_LAT_BIG_MS", 2000);
  long short_to = env_long("FAULT_WIRE_LAT_SHORT_MS", 1000);
  double slack = env_double("FAULT_WIRE_SLACK_S", 0.6);
  char attrs[128], id[160], args[32], buf[512];
  snprintf(attrs, sizeof attrs, "\"latency\":%ld,\"jitter\":0", lat);
  if (!toxic_add("lat", "latency", "downstream", 1.0, attrs)) return;

  tcall **st = calloc((size_t)n, sizeof *st), **rs = calloc((size_t)n, sizeof *rs);
  temporal_workflow_run **runs = calloc((size_t)n, sizeof *runs);
  double *secs = calloc((size_t)n * 2, sizeof *secs);
  for (long i = 0; i < n; i++) {
    make_id(id, sizeof id, "lat", i);
    snprintf(args, sizeof args, "[%ld]", i);
    st[i] = start_wf(c, "Echo", args, id, (enum form)(i % 3), 10000, false);
  }
  int ok = 0, nsecs = 0;
  for (long i = 0; i < n; i++) {
    if (tc_await(st[i], 15) && !tc_error(st[i])) {
      runs[i] = temporal_call_take_run(st[i]->call);
      secs[nsecs++] = tc_secs(st[i]);
      ok++;
    } else if (ok == i) { /* the first failure only */
      printf("    start %ld: %s\n", i, tc_done(st[i]) ? tc_text(st[i], buf, sizeof buf) : "no answer in 15 s");
    }
  }
  for (long i = 0; i < n; i++) if (runs[i]) rs[i] = result_wf(runs[i], (enum form)((i + 1) % 3), 10000);
  int rok = 0, shown = 0;
  for (long i = 0; i < n; i++) {
    if (!rs[i]) continue;
    snprintf(args, sizeof args, "%ld", i);
    const char *json = NULL;
    if (tc_await(rs[i], 15) && !tc_error(rs[i]) && (json = temporal_call_get_json(rs[i]->call)) && !strcmp(json, args)) {
      rok++;
      secs[nsecs++] = tc_secs(rs[i]);
    } else if (!shown++) {
      printf("    result %ld: %s (json %s)\n", i, tc_done(rs[i]) ? tc_text(rs[i], buf, sizeof buf) : "no answer",
             json ? json : "none");
    }
  }
  qsort(secs, (size_t)nsecs, sizeof *secs, cmp_double);
  check(ok == n && rok == n, "latency.calls", "%ld ms downstream latency: %d/%ld starts and %d/%ld results (Echo) succeeded",
        lat, ok, n, rok, n);
  if (nsecs)
    check(secs[0] >= (double)lat * 0.9 / 1000.0, "latency.through-proxy",
          "%d calls: fastest %.3f s, median %.3f s, slowest %.3f s (want >= %.3f s: the toxic is in the path)", nsecs,
          secs[0], secs[nsecs / 2], secs[nsecs - 1], (double)lat * 0.9 / 1000.0);

  /* 2 s of latency: a 1 s timeout runs out, a 10 s one does not. */
  snprintf(attrs, sizeof attrs, "\"latency\":%ld,\"jitter\":0", big);
  if (!toxic_update("lat", attrs)) return;
  const char *first_id = runs[0] ? temporal_workflow_run_get_id(runs[0]) : "none";
  tcall *d_short = describe_wf(c, first_id, FORM_CALLBACK, (uint64_t)short_to);
  make_id(id, sizeof id, "lat-short", 0);
  tcall *s_short = start_wf(c, "Echo", "[1]", id, FORM_QUEUE, (uint64_t)short_to, false);
  tcall *r_short = runs[1] ? result_wf(runs[1], FORM_WAIT, (uint64_t)short_to) : NULL;
  tcall *d_long = describe_wf(c, first_id, FORM_QUEUE, 10000);
  make_id(id, sizeof id, "lat-long", 0);
  tcall *s_long = start_wf(c, "Echo", "[2]", id, FORM_CALLBACK, 10000, false);
  tcall *shorts[] = {d_short, s_short, r_short};
  const char *short_names[] = {"describe (callback)", "start (queue)", "result (wait)"};
  double lo = (double)short_to / 1000.0 * 0.9, hi = (double)short_to / 1000.0 + slack;
  for (int k = 0; k < 3; k++) {
    if (!shorts[k]) continue;
    tc_await(shorts[k], (double)short_to / 1000.0 + 5);
    double el = tc_secs(shorts[k]);
    check(tc_code(shorts[k]) == TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED && el >= lo && el < hi, "latency.short-timeout",
          "%ld ms latency, %s with a %ld ms timeout: %s in %.3f s (want DEADLINE_EXCEEDED, %.2f s <= t < %.2f s)", big,
          short_names[k], short_to, tc_text(shorts[k], buf, sizeof buf), el, lo, hi);
  }
  tcall *longs[] = {d_long, s_long};
  const char *long_names[] = {"describe (queue)", "start (callback)"};
  for (int k = 0; k < 2; k++) {
    tc_await(longs[k], 15);
    double el = tc_secs(longs[k]);
    check(!tc_error(longs[k]) && tc_done(longs[k]) && el >= (double)big / 1000.0 * 0.9 && el < 10, "latency.long-timeout",
          "%ld ms latency, %s with a 10 s timeout: %s in %.3f s (want OK, >= %.2f s)", big, long_names[k],
          tc_text(longs[k], buf, sizeof buf), el, (double)big / 1000.0 * 0.9);
  }
  toxic_del("lat");
  verify_once("latency");
  for (long i = 0; i < n; i++) temporal_workflow_run_free(runs[i]);
  free(st); free(rs); free(runs); free(secs);
}

/* ---- 2. bandwidth ---- */
static void case_bandwidth(temporal_client *c) {
  long kb = env_long("FAULT_WIRE_BW_KB", 256);
  long rate = env_long("FAULT_WIRE_BW_KBPS", 64);
  long big_to = env_long("FAULT_WIRE_BW_TIMEOUT_MS", 60000);
  long short_to = env_long("FAULT_WIRE_BW_SHORT_MS", 1500);
  double slack = env_double("FAULT_WIRE_SLACK_S", 0.6);
  char id[160], buf[512], attrs[64];
  size_t len = (size_t)kb * 1024;
  char *payload = malloc(len + 1);
  for (size_t i = 0; i < len; i++) payload[i] = (char)('a' + (i * 7 + i / 26) % 26);
  payload[len] = 0;
  char *args = malloc(len + 8), *want = malloc(len + 8);
  snprintf(args, len + 8, "[\"%s\"]", payload);
  snprintf(want, len + 8, "\"%s\"", payload);
  make_id(id, sizeof id, "bw", 0);
  temporal_workflow_run *run = start_run(c, "Echo", args, id, "bandwidth.setup");
  if (!run) goto out;
  /* Let it complete before the limit is placed (describe until COMPLETED), so that the limit
     hits the result's delivery, not the workflow. */
  int completed = 0;
  for (double t = now_s(); !completed && now_s() - t < 15; sleep_ms(100)) {
    tcall *d = describe_wf(c, id, FORM_WAIT, 5000);
    const char *json = tc_await(d, 6) && !tc_error(d) ? temporal_call_get_json(d->call) : NULL;
    completed = json && strstr(json, "COMPLETED") != NULL;
  }
  check(completed, "bandwidth.setup", "Echo of a %ld KB string completed", kb);
  snprintf(attrs, sizeof attrs, "\"rate\":%ld", rate);
  if (!toxic_add("bw", "bandwidth", "downstream", 1.0, attrs)) goto out;
  double expect = (double)kb / (double)rate;
  tcall *r = result_wf(run, FORM_CALLBACK, (uint64_t)big_to);
  tc_await(r, (double)big_to / 1000.0 + 5);
  const char *json = tc_done(r) && !tc_error(r) ? temporal_call_get_json(r->call) : NULL;
  double el = tc_secs(r);
  check(json && strcmp(json, want) == 0 && el >= expect * 0.7, "bandwidth.intact",
        "%ld KB result over %ld KB/s (callback form, %ld ms timeout): %s, %zu bytes %s, in %.2f s (want intact, "
        ">= %.2f s: 70%% of %.2f s at that rate)", kb, rate, big_to, tc_text(r, buf, sizeof buf), json ? strlen(json) : 0,
        json ? (strcmp(json, want) == 0 ? "intact" : "DIFFERENT") : "", el, expect * 0.7, expect);
  tcall *r2 = result_wf(run, FORM_QUEUE, (uint64_t)short_to);
  tc_await(r2, (double)short_to / 1000.0 + 5);
  el = tc_secs(r2);
  double lo = (double)short_to / 1000.0 * 0.9, hi = (double)short_to / 1000.0 + slack;
  check(tc_code(r2) == TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED && el >= lo && el < hi, "bandwidth.deadline",
        "the same result with a %ld ms timeout (queue form): %s in %.3f s (want DEADLINE_EXCEEDED, %.2f s <= t < %.2f s)",
        short_to, tc_text(r2, buf, sizeof buf), el, lo, hi);
  toxic_del("bw");
  tcall *r3 = result_wf(run, FORM_WAIT, 10000);
  tc_await(r3, 15);
  json = tc_done(r3) && !tc_error(r3) ? temporal_call_get_json(r3->call) : NULL;
  el = tc_secs(r3);
  check(json && strcmp(json, want) == 0 && el < 2.0, "bandwidth.lifted",
        "limit lifted: the result again (wait form): %s, %s, in %.3f s (want intact < 2 s)", tc_text(r3, buf, sizeof buf),
        json ? (strcmp(json, want) == 0 ? "intact" : "DIFFERENT") : "none", el);
  verify_once("bandwidth");
out:
  temporal_workflow_run_free(run);
  free(payload); free(args); free(want);
}

/* Parks a result wait on every run (callback and queue forms alternating). */
static void park_waits(temporal_workflow_run **runs, long n, tcall **waits, uint64_t timeout_ms) {
  for (long i = 0; i < n; i++)
    waits[i] = runs[i] ? result_wf(runs[i], i % 2 ? FORM_QUEUE : FORM_CALLBACK, timeout_ms) : NULL;
}

/* Checks every parked wait delivered "slept"; `after_s` (monotonic, 0: none): each was
   delivered after that time (the fault hit it). */
static void check_waits(const char *label, tcall **waits, long n, double limit_s, double after_s, double ref_s) {
  int ok = 0, after = 0;
  char buf[512], first[600] = "";
  double last = 0;
  for (long i = 0; i < n; i++) {
    if (!waits[i]) continue;
    double left = limit_s - (now_s() - ref_s);
    tc_await(waits[i], left > 0 ? left : 0.01);
    const char *json = tc_done(waits[i]) && !tc_error(waits[i]) ? temporal_call_get_json(waits[i]->call) : NULL;
    if (json && strcmp(json, "\"slept\"") == 0) {
      ok++;
      double at = (double)atomic_load(&waits[i]->done_ns) / 1e9;
      if (at >= after_s) after++;
      if (at - ref_s > last) last = at - ref_s;
    } else if (!*first) {
      snprintf(first, sizeof first, "; first failure: %s (%s form): %s", waits[i]->what, FORM_NAMES[waits[i]->form],
               tc_done(waits[i]) ? tc_text(waits[i], buf, sizeof buf) : "not delivered");
    }
  }
  check(ok == n, label, "%d/%ld parked result waits delivered \"slept\" (the last %.2f s after the fault began; %d "
        "delivered after it)%s", ok, n, last, after, first);
}

/* ---- 3. connection reset mid-call ---- */
static void case_reset(temporal_client *c, temporal_client *direct) {
  long n = env_long("FAULT_WIRE_RESET_N", 12);
  long sleep_arg = env_long("FAULT_WIRE_RESET_SLEEP_MS", 4000);
  long limit_bytes = env_long("FAULT_WIRE_LIMIT_BYTES", 1500);
  long limit_hold = env_long("FAULT_WIRE_LIMIT_HOLD_MS", 3000);
  long wait_to = env_long("FAULT_WIRE_WAIT_TIMEOUT_MS", 60000);
  long heal_s = env_long("FAULT_WIRE_HEAL_S", 15);
  char id[160], args[32], buf[512], attrs[64];
  temporal_workflow_run **runs = calloc((size_t)n, sizeof *runs);
  tcall **waits = calloc((size_t)n, sizeof *waits);
  snprintf(args, sizeof args, "[%ld]", sleep_arg);
  for (long i = 0; i < n; i++) {
    make_id(id, sizeof id, "reset", i);
    runs[i] = start_run(c, "Sleep", args, id, "reset.setup");
  }
  double t0 = now_s();
  park_waits(runs, n, waits, (uint64_t)wait_to);
  sleep_ms(500);

  /* A: reset_peer on the upstream; the next bytes the client sends (a describe and a start)
     make Toxiproxy reset the connection under every parked wait. */
  if (!toxic_add("rst", "reset_peer", "upstream", 1.0, "\"timeout\":0")) return;
  tcall *d = describe_wf(c, runs[0] ? temporal_workflow_run_get_id(runs[0]) : "none", FORM_WAIT, 5000);
  make_id(id, sizeof id, "reset-start", 0);
  tcall *s = start_wf(c, "Echo", "[1]", id, FORM_CALLBACK, 5000, false);
  sleep_ms(300);
  toxic_del("rst");
  tcall *ends[] = {d, s};
  const char *names[] = {"describe (wait form, 5 s)", "start (callback form, 5 s)"};
  for (int k = 0; k < 2; k++) {
    tc_await(ends[k], 8);
    temporal_error_code code = tc_code(ends[k]);
    check(tc_done(ends[k]) && (code == TEMPORAL_ERROR_CODE_OK || is_clear_failure(code)) && tc_secs(ends[k]) < 5.6,
          "reset.upstream", "%s across the reset: %s in %.3f s (want OK, or UNAVAILABLE/DEADLINE_EXCEEDED, < 5.6 s)",
          names[k], tc_text(ends[k], buf, sizeof buf), tc_secs(ends[k]));
  }
  if (tc_code(s) != TEMPORAL_ERROR_CODE_OK) {
    tcall *dd = describe_wf(direct, id, FORM_WAIT, 5000);
    tc_await(dd, 6);
    printf("    the start that failed %s reach the server (direct describe: %s)\n",
           tc_error(dd) ? "did not" : "did", tc_text(dd, buf, sizeof buf));
  }

  /* B: limit_data on the downstream while the Sleeps complete: each connection carries
     FAULT_WIRE_LIMIT_BYTES of answers and is then closed, mid-response; starts made then too. */
  double until = t0 + (double)sleep_arg / 1000.0 - 0.8;
  if (now_s() < until) sleep_ms((long)((until - now_s()) * 1000));
  snprintf(attrs, sizeof attrs, "\"bytes\":%ld", limit_bytes);
  double t_cut = now_s();
  if (!toxic_add("cut", "limit_data", "downstream", 1.0, attrs)) return;
  long ns = env_long("FAULT_WIRE_RESET_STARTS", 6);
  tcall **cut_starts = calloc((size_t)ns, sizeof *cut_starts);
  for (long i = 0; i < ns; i++) {
    make_id(id, sizeof id, "cut-start", i);
    cut_starts[i] = start_wf(c, "Echo", "[1]", id, (enum form)(i % 3), 10000, false);
  }
  sleep_ms(limit_hold);
  toxic_del("cut");
  double t_heal = now_s();
  int s_ok = 0, s_clear = 0, s_bad = 0;
  for (long i = 0; i < ns; i++) {
    tc_await(cut_starts[i], 12);
    temporal_error_code code = tc_code(cut_starts[i]);
    if (!tc_done(cut_starts[i]) || tc_secs(cut_starts[i]) > 10.6) s_bad++;
    else if (code == TEMPORAL_ERROR_CODE_OK) s_ok++;
    else if (is_clear_failure(code)) s_clear++;
    else { s_bad++; printf("    %s: %s\n", cut_starts[i]->what, tc_text(cut_starts[i], buf, sizeof buf)); }
  }
  check(s_bad == 0, "reset.cut-starts", "%ld starts (10 s) while answers were cut every %ld bytes for %ld ms: %d "
        "returned the run, %d a clear error, %d neither or late", ns, limit_bytes, limit_hold, s_ok, s_clear, s_bad);
  check_waits("reset.waits", waits, n, (double)heal_s + (t_heal - t0), t_cut, t0);
  long polls = failures_of("GetWorkflowExecutionHistory");
  check(polls > 0, "reset.reissued", "%ld history polls of the parked waits failed and were re-issued by the library "
        "(library metrics; want > 0: the resets hit the waits)", polls);
  printf("    (the cut began %.2f s and was lifted %.2f s after the waits were parked)\n", t_cut - t0, t_heal - t0);
  verify_once("reset");
  for (long i = 0; i < n; i++) temporal_workflow_run_free(runs[i]);
  free(runs); free(waits); free(cut_starts);
}

/* ---- 4. half-open connection ---- */

/* Local ports of this process's established TCP connections to `port` (from /proc/net/tcp;
   the namespace is this test's own loopback, and Toxiproxy's side has the port as its local
   one, so only client ends match). */
static int client_ports(int port, int *out, int max) {
  FILE *f = fopen("/proc/net/tcp", "r");
  if (!f) return -1;
  char line[512];
  int n = 0;
  if (!fgets(line, sizeof line, f)) { fclose(f); return -1; }
  while (fgets(line, sizeof line, f) && n < max) {
    unsigned lport, rport, st;
    if (sscanf(line, " %*d: %*8x:%x %*8x:%x %x", &lport, &rport, &st) == 3 && (int)rport == port && st == 1)
      out[n++] = (int)lport;
  }
  fclose(f);
  return n;
}
static int has_port(const int *ports, int n, int p) {
  for (int i = 0; i < n; i++) if (ports[i] == p) return 1;
  return 0;
}

/* Watches one client port from the moment the data stops: when it leaves ESTABLISHED. */
typedef struct { int proxy_port, port; double t0, limit_s, gone_s; } ka_watch;
static void *ka_watcher(void *arg) {
  ka_watch *w = arg;
  int now[64];
  w->gone_s = -1;
  while (now_s() - w->t0 < w->limit_s) {
    int n = client_ports(w->proxy_port, now, 64);
    if (!has_port(now, n, w->port)) { w->gone_s = now_s() - w->t0; break; }
    sleep_ms(20);
  }
  return NULL;
}

static void case_halfopen(temporal_client *c) {
  long to = env_long("FAULT_WIRE_HALFOPEN_TIMEOUT_MS", 2000);
  long ka_int = env_long("FAULT_WIRE_KA_INTERVAL_MS", 1000), ka_to = env_long("FAULT_WIRE_KA_TIMEOUT_MS", 1000);
  double ka_slack = env_double("FAULT_WIRE_KA_SLACK_S", 3.0);
  double recover = env_double("FAULT_WIRE_RECOVER_S", 3.0);
  double slack = env_double("FAULT_WIRE_SLACK_S", 0.6);
  char id[160], buf[512];
  int proxy_port = atoi(strrchr(proxy_addr, ':') + 1);
  make_id(id, sizeof id, "halfopen-block", 0);
  temporal_workflow_run *run = start_run(c, "Block", NULL, id, "halfopen.setup");
  if (!run) return;
  /* A second client with a short keep-alive: it must notice the dead connection by itself. */
  int before[64], after[64];
  int nb = client_ports(proxy_port, before, 64);
  temporal_client *ka = connect_to(proxy_addr, (uint64_t)ka_int, (uint64_t)ka_to);
  if (!ka) { temporal_workflow_run_free(run); return; }
  tcall *warm = describe_wf(ka, id, FORM_WAIT, 5000);
  tc_await(warm, 6);
  int na = client_ports(proxy_port, after, 64), ka_port = 0;
  for (int i = 0; i < na; i++) if (!has_port(before, nb, after[i])) ka_port = after[i];
  if (nb < 0) printf("    (no /proc/net/tcp: the keep-alive check is skipped)\n");

  if (!toxic_add("hole", "timeout", "downstream", 1.0, "\"timeout\":0")) { temporal_client_free(ka); return; }
  double t_hole = now_s();
  ka_watch watch = {proxy_port, ka_port, t_hole, (double)(ka_int + ka_to) / 1000.0 + ka_slack, -1};
  pthread_t watcher;
  int watching = ka_port && nb >= 0 && pthread_create(&watcher, NULL, ka_watcher, &watch) == 0;
  tcall *calls[4];
  const char *names[4] = {"describe (callback)", "result wait (queue)", "start (wait)", "signal (callback)"};
  calls[0] = describe_wf(c, id, FORM_CALLBACK, (uint64_t)to);
  calls[1] = result_wf(run, FORM_QUEUE, (uint64_t)to);
  char id2[160];
  make_id(id2, sizeof id2, "halfopen-start", 0);
  calls[2] = start_wf(c, "Echo", "[1]", id2, FORM_WAIT, (uint64_t)to, false);
  {
    temporal_call_options co;
    calls[3] = tc_new("signal", FORM_CALLBACK, (uint64_t)to, &co);
    tc_started(calls[3], temporal_signal_workflow_async(c, id, NULL, "nothing", NULL, &co, &calls[3]->call));
  }
  double lo = (double)to / 1000.0 * 0.9, hi = (double)to / 1000.0 + slack;
  for (int k = 0; k < 4; k++) {
    tc_await(calls[k], (double)to / 1000.0 + 10); /* long enough to see when a late one ends */
    double el = tc_secs(calls[k]);
    check(tc_code(calls[k]) == TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED && el >= lo && el < hi, "halfopen.deadline",
          "%s with a %ld ms timeout on a connection that went silent: %s in %.3f s (want DEADLINE_EXCEEDED, "
          "%.2f s <= t < %.2f s)", names[k], to,
          tc_done(calls[k]) ? tc_text(calls[k], buf, sizeof buf) : "not completed", el, lo, hi);
  }
  if (watching) {
    /* The keep-alive client gets its interval + timeout (+ slack) to close its dead connection. */
    pthread_join(watcher, NULL);
    check(watch.gone_s >= 0, "halfopen.keepalive",
          "client with keep-alive %ld ms / %ld ms: its silent connection (local port %d) %s (want closed < %.1f s)",
          ka_int, ka_to, ka_port, watch.gone_s >= 0 ? "closed by the library" : "still ESTABLISHED", watch.limit_s);
    if (watch.gone_s >= 0) printf("    (closed %.2f s after the data stopped)\n", watch.gone_s);
  }
  /* Removing a `timeout` toxic closes the connections it held (Toxiproxy's Cleanup), so what
     follows checks the reconnect; noticing the dead connection without that close is the
     keep-alive check above. */
  toxic_del("hole");
  double t_heal = now_s();
  tcall *d = describe_wf(c, id, FORM_CALLBACK, 10000);
  tcall *d2 = describe_wf(ka, id, FORM_QUEUE, 10000);
  tc_await(d, 12);
  tc_await(d2, 12);
  check(!tc_error(d) && tc_done(d) && now_s() - t_heal < 12 && tc_secs(d) < recover, "halfopen.recovered",
        "toxic removed: describe (default keep-alive client, 10 s): %s in %.3f s (want OK < %.1f s)",
        tc_text(d, buf, sizeof buf), tc_secs(d), recover);
  check(!tc_error(d2) && tc_done(d2) && tc_secs(d2) < recover, "halfopen.recovered",
        "toxic removed: describe (short keep-alive client, 10 s): %s in %.3f s (want OK < %.1f s)",
        tc_text(d2, buf, sizeof buf), tc_secs(d2), recover);
  make_id(id2, sizeof id2, "halfopen-after", 0);
  tcall *s = start_wf(c, "Echo", "[7]", id2, FORM_QUEUE, 10000, false);
  tc_await(s, 12);
  temporal_workflow_run *r2 = tc_error(s) || !tc_done(s) ? NULL : temporal_call_take_run(s->call);
  tcall *res = r2 ? result_wf(r2, FORM_CALLBACK, 10000) : NULL;
  if (res) tc_await(res, 12);
  const char *json = res && tc_done(res) && !tc_error(res) ? temporal_call_get_json(res->call) : NULL;
  check(json && strcmp(json, "7") == 0, "halfopen.after", "start + result after the fault: %s, result %s",
        tc_text(s, buf, sizeof buf), json ? json : "none");
  /* The Block workflow is left to the dev server (it has no worker of its own to cancel for). */
  verify_once("halfopen");
  temporal_workflow_run_free(r2);
  temporal_workflow_run_free(run);
  temporal_client_free(ka);
}

/* ---- 5. proxy down and back ---- */
static void case_down(temporal_client *c) {
  long n = env_long("FAULT_WIRE_DOWN_N", 10);
  long sleep_arg = env_long("FAULT_WIRE_DOWN_SLEEP_MS", 2000);
  long outage = env_long("FAULT_WIRE_OUTAGE_MS", 5000);
  long short_to = env_long("FAULT_WIRE_DOWN_SHORT_MS", 2000);
  long heal_s = env_long("FAULT_WIRE_HEAL_S", 15);
  double slack = env_double("FAULT_WIRE_SLACK_S", 0.6);
  char id[160], args[32], buf[512];
  temporal_workflow_run **runs = calloc((size_t)n, sizeof *runs);
  tcall **waits = calloc((size_t)n, sizeof *waits);
  snprintf(args, sizeof args, "[%ld]", sleep_arg);
  for (long i = 0; i < n; i++) {
    make_id(id, sizeof id, "down", i);
    runs[i] = start_run(c, "Sleep", args, id, "down.setup");
  }
  double t0 = now_s();
  park_waits(runs, n, waits, 60000);
  sleep_ms(300);
  if (!proxy_enable(false)) return;
  double t_down = now_s();
  /* Starts during the outage: the default 10 s one outlives it (it must succeed after
     retrying, or fail clearly by its deadline); the short ones end by their deadline. */
  make_id(id, sizeof id, "down-long", 0);
  tcall *s_long = start_wf(c, "Echo", "[1]", id, FORM_CALLBACK, TEMPORAL_TIMEOUT_DEFAULT, true);
  make_id(id, sizeof id, "down-short", 0);
  tcall *s_short = start_wf(c, "Echo", "[1]", id, FORM_QUEUE, (uint64_t)short_to, true);
  tcall *d_short = describe_wf(c, runs[0] ? temporal_workflow_run_get_id(runs[0]) : "none", FORM_WAIT, (uint64_t)short_to);
  sleep_ms(outage - (long)((now_s() - t_down) * 1000));
  if (!proxy_enable(true)) return;
  double t_up = now_s();
  tcall *shorts[] = {s_short, d_short};
  const char *snames[] = {"start (queue)", "describe (wait)"};
  for (int k = 0; k < 2; k++) {
    tc_await(shorts[k], 5);
    temporal_error_code code = tc_code(shorts[k]);
    check(tc_done(shorts[k]) && is_clear_failure(code) && tc_secs(shorts[k]) < (double)short_to / 1000.0 + slack,
          "down.short", "%s with a %ld ms timeout, proxy down: %s in %.3f s (want UNAVAILABLE/DEADLINE_EXCEEDED < %.2f s)",
          snames[k], short_to, tc_text(shorts[k], buf, sizeof buf), tc_secs(shorts[k]),
          (double)short_to / 1000.0 + slack);
  }
  tc_await(s_long, 12);
  temporal_error_code code = tc_code(s_long);
  check(tc_done(s_long) && (code == TEMPORAL_ERROR_CODE_OK || is_clear_failure(code)) && tc_secs(s_long) < 10 + slack,
        "down.start", "start (callback, default 10 s) made during a %ld ms outage: %s in %.3f s (want the run after "
        "retrying, or UNAVAILABLE/DEADLINE_EXCEEDED, < %.1f s)", outage, tc_text(s_long, buf, sizeof buf),
        tc_secs(s_long), 10 + slack);
  if (code == TEMPORAL_ERROR_CODE_OK)
    printf("    (the start succeeded %.2f s after the proxy came back)\n", tc_secs(s_long) - (t_up - t_down));
  check_waits("down.waits", waits, n, (double)heal_s + (t_up - t0), t_up, t_up);
  long polls = failures_of("GetWorkflowExecutionHistory");
  check(polls > 0, "down.reissued", "%ld history polls of the parked waits failed and were re-issued by the library "
        "(library metrics; want > 0: the outage hit the waits)", polls);
  verify_once("down");
  for (long i = 0; i < n; i++) temporal_workflow_run_free(runs[i]);
  free(runs); free(waits);
}

/* ---- 5b. the server gone behind a live proxy ---- */

/* A loopback port with nothing listening (bound, then closed). */
static int closed_port(void) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) != 0 || getsockname(fd, (struct sockaddr *)&a, &len) != 0) {
    perror("wire: closed_port");
    exit(2);
  }
  close(fd);
  return ntohs(a.sin_port);
}

static int proxy_upstream(const char *upstream) {
  char path[128], body[256];
  snprintf(path, sizeof path, "/proxies/%s", PROXY);
  snprintf(body, sizeof body, "{\"upstream\":\"%s\",\"enabled\":true}", upstream);
  return toxi_ok("set upstream", "POST", path, body, 0);
}

/* What a load balancer does with its backend gone: it accepts each connection and closes it at
   once (Toxiproxy cannot reach its upstream). Calls that end during it must end with
   UNAVAILABLE or DEADLINE_EXCEEDED: nobody canceled them, so never CANCELED. */
static void case_deadup(temporal_client *c) {
  long n = env_long("FAULT_WIRE_DEADUP_N", 8);
  long dead_ms = env_long("FAULT_WIRE_DEADUP_MS", 4000);
  long short_to = env_long("FAULT_WIRE_DEADUP_SHORT_MS", 1500);
  long heal_s = env_long("FAULT_WIRE_HEAL_S", 15);
  double slack = env_double("FAULT_WIRE_SLACK_S", 0.6);
  char id[160], buf[512], dead[64];
  temporal_workflow_run **runs = calloc((size_t)n, sizeof *runs);
  tcall **waits = calloc((size_t)n, sizeof *waits);
  for (long i = 0; i < n; i++) {
    make_id(id, sizeof id, "deadup", i);
    runs[i] = start_run(c, "Sleep", "[1500]", id, "deadup.setup");
  }
  double t0 = now_s();
  park_waits(runs, n, waits, 60000);
  sleep_ms(200);
  snprintf(dead, sizeof dead, "127.0.0.1:%d", closed_port());
  if (!proxy_upstream(dead)) return;
  double t_dead = now_s();
  /* Calls that end while the backend is gone, in every form; and a start that outlives it. */
  int K = (int)env_long("FAULT_WIRE_DEADUP_CALLS", 18);
  if (K < 1 || K > 64) K = 18;
  tcall *shorts[64];
  const char *wid = runs[0] ? temporal_workflow_run_get_id(runs[0]) : "none";
  for (int k = 0; k < K; k++) {
    enum form f = (enum form)(k % 3);
    if (k % 2 == 0) {
      shorts[k] = describe_wf(c, wid, f, (uint64_t)short_to);
    } else {
      temporal_call_options co;
      shorts[k] = tc_new("signal", f, (uint64_t)short_to, &co);
      tc_started(shorts[k], temporal_signal_workflow_async(c, wid, NULL, "nothing", NULL, &co, &shorts[k]->call));
    }
    sleep_ms(dead_ms / (2 * K)); /* spread over the first half of the outage */
  }
  make_id(id, sizeof id, "deadup-start", 0);
  tcall *s = start_wf(c, "Echo", "[1]", id, FORM_CALLBACK, TEMPORAL_TIMEOUT_DEFAULT, true);
  sleep_ms(dead_ms - (long)((now_s() - t_dead) * 1000));
  if (!proxy_upstream(upstream_addr)) return;
  double t_up = now_s();
  int clear = 0, canceled = 0, other = 0;
  char first[700] = "";
  for (int k = 0; k < K; k++) {
    tc_await(shorts[k], (double)short_to / 1000.0 + 5);
    temporal_error_code code = tc_code(shorts[k]);
    int late = tc_secs(shorts[k]) < 0 || tc_secs(shorts[k]) > (double)short_to / 1000.0 + slack;
    if (is_clear_failure(code) && !late) clear++;
    else {
      if (code == TEMPORAL_ERROR_CODE_CANCELED) canceled++;
      else other++;
      if (!*first)
        snprintf(first, sizeof first, "; first: %s (%s form, %ld ms): %s in %.3f s", shorts[k]->what,
                 FORM_NAMES[shorts[k]->form], short_to, tc_text(shorts[k], buf, sizeof buf), tc_secs(shorts[k]));
    }
  }
  check(clear == K, "deadup.short", "%d describes and signals (%ld ms) with the backend gone behind the proxy: %d "
        "UNAVAILABLE/DEADLINE_EXCEEDED in time, %d CANCELED, %d other or late%s", K, short_to, clear, canceled, other,
        first);
  tc_await(s, 12);
  temporal_error_code code = tc_code(s);
  check(tc_done(s) && (code == TEMPORAL_ERROR_CODE_OK || is_clear_failure(code)) && tc_secs(s) < 10 + slack,
        "deadup.start", "start (callback, default 10 s) made during a %ld ms backend outage: %s in %.3f s (want the "
        "run after retrying, or UNAVAILABLE/DEADLINE_EXCEEDED, < %.1f s)", dead_ms, tc_text(s, buf, sizeof buf),
        tc_secs(s), 10 + slack);
  check_waits("deadup.waits", waits, n, (double)heal_s + (t_up - t0), t_up, t0);
  verify_once("deadup");
  for (long i = 0; i < n; i++) temporal_workflow_run_free(runs[i]);
  free(runs); free(waits);
}

/* ---- 6. slow_close ---- */
static void case_slowclose(temporal_client *c) {
  long delay = env_long("FAULT_WIRE_SLOWCLOSE_MS", 2000);
  long bytes = env_long("FAULT_WIRE_SLOWCLOSE_BYTES", 1000);
  long hold = env_long("FAULT_WIRE_SLOWCLOSE_HOLD_MS", 4000);
  long n = env_long("FAULT_WIRE_SLOWCLOSE_N", 8);
  double free_s = env_double("FAULT_WIRE_FREE_S", 2.0);
  double slack = env_double("FAULT_WIRE_SLACK_S", 0.6);
  char id[160], attrs[64], buf[512];
  temporal_workflow_run **runs = calloc((size_t)n, sizeof *runs);
  tcall **waits = calloc((size_t)n, sizeof *waits), **starts = calloc((size_t)n, sizeof *starts);
  for (long i = 0; i < n; i++) {
    make_id(id, sizeof id, "slowclose", i);
    runs[i] = start_run(c, "Sleep", "[1500]", id, "slowclose.setup");
  }
  double t0 = now_s();
  park_waits(runs, n, waits, 60000);
  /* limit_data first, then slow_close: each connection is cut after `bytes` of answers, and
     the cut's close reaches the client only `delay` ms later (data stopped, not closed yet). */
  snprintf(attrs, sizeof attrs, "\"bytes\":%ld", bytes);
  if (!toxic_add("cut", "limit_data", "downstream", 1.0, attrs)) return;
  snprintf(attrs, sizeof attrs, "\"delay\":%ld", delay);
  if (!toxic_add("slow", "slow_close", "downstream", 1.0, attrs)) return;
  for (long i = 0; i < n; i++) {
    make_id(id, sizeof id, "slowclose-start", i);
    starts[i] = start_wf(c, "Echo", "[3]", id, (enum form)(i % 3), 10000, false);
  }
  /* A client freed while its connection closes slowly. */
  temporal_client *c2 = connect_to(proxy_addr, 0, 0);
  double t_free = 0;
  if (c2) {
    tcall *d = describe_wf(c2, id, FORM_WAIT, 5000);
    tc_await(d, 6);
    double t = now_s();
    temporal_client_free(c2);
    t_free = now_s() - t;
    check(t_free < free_s, "slowclose.free", "temporal_client_free with a slow-closing connection: %.3f s (want < %.1f s)",
          t_free, free_s);
  }
  sleep_ms(hold - (long)((now_s() - t0) * 1000));
  toxi_ok("remove toxics", "POST", "/reset", NULL, 0);
  double t_heal = now_s();
  int ok = 0, clear = 0, bad = 0;
  for (long i = 0; i < n; i++) {
    tc_await(starts[i], 12);
    temporal_error_code code = tc_code(starts[i]);
    if (!tc_done(starts[i]) || tc_secs(starts[i]) > 10 + slack) bad++;
    else if (code == TEMPORAL_ERROR_CODE_OK) ok++;
    else if (is_clear_failure(code)) clear++;
    else { bad++; printf("    %s: %s\n", starts[i]->what, tc_text(starts[i], buf, sizeof buf)); }
  }
  check(bad == 0, "slowclose.starts", "%ld starts (10 s) under limit_data %ld + slow_close %ld ms: %d returned the run, "
        "%d a clear error, %d neither or late", n, bytes, delay, ok, clear, bad);
  check_waits("slowclose.waits", waits, n, 15 + (t_heal - t0), t0, t0);
  long failed = failures_of(" ");
  check(failed > 0, "slowclose.hit", "%ld request attempts failed and were retried or re-issued by the library "
        "(library metrics; want > 0: the cuts hit the calls)", failed);
  verify_once("slowclose");
  for (long i = 0; i < n; i++) temporal_workflow_run_free(runs[i]);
  free(runs); free(waits); free(starts);
}

/* ---- 7. exactly one workflow per ID (issue 17) ---- */

/* Why this holds: the library creates the start request, and with it its request ID, once per
   start call (src/client.rs, start_request), and its retries (temporalio-client's retrying
   connection, within the call's deadline) resend that same request. The server de-duplicates
   a start by request ID: a retry of a start it already applied returns that same run. A retry
   with a fresh request ID would instead get "already started" while the run is going (or, once
   it closed, start a second run under the default reuse policy). FAULT_WIRE_UNIQ_FRESH_ID=1
   shows that this test would see it: every ID is then started a second time as a new call (a
   new request ID, as a retry without the reuse would send), and each of those must come back
   ALREADY_STARTED naming the one run. */
typedef struct {
  char id[160];
  temporal_error_code code;
  char run_id[64];            /* the run the start returned */
  char msg[256];
  temporal_error_code fresh_code; /* FAULT_WIRE_UNIQ_FRESH_ID: the second start's outcome */
  char fresh_run_id[64];      /* its ALREADY_STARTED details' run_id */
  int64_t begin_wall, end_wall;
  double secs;
} uslot;

static uslot *uslots;
static long u_n;
static atomic_long u_next, u_done;
static temporal_client *u_client;
static long u_timeout, u_pace, u_sleep;
static int u_fresh;
static const char *u_kill_file;
static atomic_int u_kill_written, u_stop_pulses;
static atomic_long u_pulses;

static void write_file(const char *path) {
  char tmp[512];
  snprintf(tmp, sizeof tmp, "%s.tmp", path);
  FILE *f = fopen(tmp, "w");
  if (!f) { perror(path); return; }
  fprintf(f, "%lld\n", (long long)wall_ms());
  fclose(f);
  rename(tmp, path);
}

/* One start with error_when_already_started; returns its code, the run's ID (or the running
   one's, for ALREADY_STARTED) and the error text. */
static temporal_error_code u_start(uslot *s, const char *args, enum form f, char *run_id, size_t n, char *msg,
                                   size_t mn) {
  tcall *c = start_wf(u_client, "Sleep", args, s->id, f, (uint64_t)u_timeout, true);
  tc_await(c, (double)u_timeout / 1000.0 + 15); /* 15: room to see a start that overruns its timeout */
  if (!tc_done(c)) { snprintf(msg, mn, "no answer %.0f s after its timeout", 15.0); return TEMPORAL_ERROR_CODE_INTERNAL; }
  temporal_error_code code = tc_code(c);
  if (code == TEMPORAL_ERROR_CODE_OK) {
    temporal_workflow_run *r = temporal_call_take_run(c->call);
    snprintf(run_id, n, "%s", temporal_workflow_run_get_run_id(r));
    temporal_workflow_run_free(r);
    return code;
  }
  tc_text(c, msg, mn);
  const char *d = temporal_error_get_details(tc_error(c));
  const char *p = d ? strstr(d, "\"run_id\"") : NULL;
  if (code == TEMPORAL_ERROR_CODE_ALREADY_STARTED && p && (p = strchr(p + 8, '"'))) sscanf(p + 1, "%63[^\"]", run_id);
  return code;
}

static void *u_thread(void *arg) {
  long k = (long)(intptr_t)arg;
  char args[32], ignored[256];
  snprintf(args, sizeof args, "[%ld]", u_sleep);
  long i;
  while ((i = atomic_fetch_add(&u_next, 1)) < u_n) {
    uslot *s = &uslots[i];
    s->begin_wall = wall_ms();
    double t = now_s();
    s->code = u_start(s, args, (enum form)((i + k) % 3), s->run_id, sizeof s->run_id, s->msg, sizeof s->msg);
    s->secs = now_s() - t;
    s->end_wall = wall_ms();
    if (u_fresh && s->code == TEMPORAL_ERROR_CODE_OK)
      s->fresh_code = u_start(s, args, (enum form)((i + k + 1) % 3), s->fresh_run_id, sizeof s->fresh_run_id, ignored,
                              sizeof ignored);
    long done = atomic_fetch_add(&u_done, 1) + 1;
    if (u_kill_file && done >= u_n / 3 && !atomic_exchange(&u_kill_written, 1)) write_file(u_kill_file);
    if (u_pace) sleep_ms(u_pace);
  }
  return NULL;
}

static void *u_pulser(void *arg) {
  (void)arg;
  long every = env_long("FAULT_WIRE_UNIQ_RESET_EVERY_MS", 400), hold = env_long("FAULT_WIRE_UNIQ_RESET_HOLD_MS", 60);
  for (long k = 0; !atomic_load(&u_stop_pulses); k++) {
    sleep_ms(every);
    /* Mostly downstream: there the answer to a start the server already applied is lost, and
       the library's retry must get that same run back. */
    if (toxic_add("pulse", "reset_peer", k % 3 == 2 ? "upstream" : "downstream", 1.0, "\"timeout\":0")) {
      sleep_ms(hold);
      toxic_del("pulse");
      atomic_fetch_add(&u_pulses, 1);
    }
  }
  return NULL;
}

/* Counts `"run_id":"` occurrences in a list answer, copying the first run ID. */
static int count_runs(const char *json, char *first, size_t n) {
  int count = 0;
  for (const char *p = json; p && (p = strstr(p, "\"run_id\":")); p += 9) {
    const char *q = p + 9;
    while (*q == ' ') q++;
    if (*q != '"') continue;
    if (count == 0 && first) snprintf(first, n, "%.*s", (int)(strcspn(q + 1, "\"")), q + 1);
    count++;
  }
  return count;
}

static void case_unique(temporal_client *c, temporal_client *direct) {
  u_n = env_long("FAULT_WIRE_UNIQ_N", 200);
  long threads = env_long("FAULT_WIRE_UNIQ_THREADS", 8);
  u_timeout = env_long("FAULT_WIRE_UNIQ_TIMEOUT_MS", 10000);
  u_pace = env_long("FAULT_WIRE_UNIQ_PACE_MS", 100);
  u_sleep = env_long("FAULT_WIRE_UNIQ_SLEEP_MS", 30000);
  u_fresh = (int)env_long("FAULT_WIRE_UNIQ_FRESH_ID", 0);
  int dry = (int)env_long("FAULT_WIRE_DRY", 0);
  u_kill_file = getenv("FAULT_WIRE_KILL_FILE");
  const char *restarted_file = getenv("FAULT_WIRE_RESTARTED_FILE");
  if (!u_kill_file || !restarted_file) {
    fprintf(stderr, "wire unique: FAULT_WIRE_KILL_FILE and FAULT_WIRE_RESTARTED_FILE are required\n");
    exit(2);
  }
  u_client = c;
  uslots = calloc((size_t)u_n, sizeof *uslots);
  for (long i = 0; i < u_n; i++) make_id(uslots[i].id, sizeof uslots[i].id, "uniq", i);
  long attempts0 = atomic_load(&start_attempts), afail0 = atomic_load(&start_attempt_failures);
  double t0 = now_s();
  pthread_t pulser, *th = calloc((size_t)threads, sizeof *th);
  if (!dry) pthread_create(&pulser, NULL, u_pulser, NULL);
  for (long k = 0; k < threads; k++) pthread_create(&th[k], NULL, u_thread, (void *)(intptr_t)k);
  for (long k = 0; k < threads; k++) pthread_join(th[k], NULL);
  double t_starts = now_s() - t0;
  atomic_store(&u_stop_pulses, 1);
  if (!dry) pthread_join(pulser, NULL);
  toxi_ok("remove toxics", "POST", "/reset", NULL, 0);
  long attempts = atomic_load(&start_attempts) - attempts0, afail = atomic_load(&start_attempt_failures) - afail0;

  long long killed = 0, relaunched = 0, healthy = 0;
  for (double tw = now_s(); access(restarted_file, F_OK) != 0 && now_s() - tw < 60;) sleep_ms(100);
  FILE *f = fopen(restarted_file, "r");
  int got = f ? fscanf(f, "%lld %lld %lld", &killed, &relaunched, &healthy) : 0;
  if (f) fclose(f);
  check(got == 3, "unique.restart", "the driver %s (%s)", got == 3 ? "wrote its restart times" : "never restarted the server",
        dry ? "FAULT_WIRE_DRY=1: no kill" : "kill -9, same --db-filename");

  long n_ok = 0, n_unavail = 0, n_deadline = 0, n_already = 0, n_other = 0, hit = 0, shown = 0;
  long fresh_already = 0, fresh_same = 0, fresh_tried = 0;
  double *secs = calloc((size_t)u_n, sizeof *secs);
  for (long i = 0; i < u_n; i++) {
    uslot *s = &uslots[i];
    secs[i] = s->secs;
    /* Started before the server came back and ended after it died: it lived through the outage. */
    if (killed && s->begin_wall <= healthy && s->end_wall >= killed) hit++;
    switch (s->code) {
      case TEMPORAL_ERROR_CODE_OK: n_ok++; break;
      case TEMPORAL_ERROR_CODE_UNAVAILABLE: n_unavail++; break;
      case TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED: n_deadline++; break;
      case TEMPORAL_ERROR_CODE_ALREADY_STARTED: n_already++; break;
      default: n_other++; break;
    }
    if (s->code != TEMPORAL_ERROR_CODE_OK && shown++ < 5) printf("    %s: %s (after %.2f s)\n", s->id, s->msg, s->secs);
    if (u_fresh && s->code == TEMPORAL_ERROR_CODE_OK) {
      fresh_tried++;
      if (s->fresh_code == TEMPORAL_ERROR_CODE_ALREADY_STARTED) fresh_already++;
      if (s->fresh_code == TEMPORAL_ERROR_CODE_ALREADY_STARTED && strcmp(s->fresh_run_id, s->run_id) == 0) fresh_same++;
    }
  }
  qsort(secs, (size_t)u_n, sizeof *secs, cmp_double);
  printf("    %ld starts by %ld threads in %.2f s (%s): %ld returned a run, %ld UNAVAILABLE, %ld DEADLINE_EXCEEDED, "
         "%ld ALREADY_STARTED, %ld other; start latency median %.3f s, p95 %.3f s, max %.3f s\n",
         u_n, threads, t_starts, dry ? "dry: no fault" : "reset pulses + server kill", n_ok, n_unavail, n_deadline,
         n_already, n_other, secs[u_n / 2], secs[(u_n * 95) / 100], secs[u_n - 1]);
  printf("    library metrics: %ld StartWorkflowExecution attempts for %ld start calls (%ld retried attempts, each with "
         "its call's request ID), %ld attempts failed; %ld reset pulses",
         attempts, u_n + fresh_tried, attempts - u_n - fresh_tried, afail, atomic_load(&u_pulses));
  if (killed && !dry)
    printf("; server down %.2f s (kill -> relaunch), healthy %.2f s after; %ld starts lived through the outage",
           (double)(relaunched - killed) / 1000.0, (double)(healthy - relaunched) / 1000.0, hit);
  printf("\n");
  if (!dry) {
    check(hit > 0, "unique.fault-hit", "%ld starts were in flight during the server's outage (want > 0, else the kill "
          "missed them)", hit);
    check(atomic_load(&u_pulses) > 0 && attempts - u_n - fresh_tried > 0, "unique.fault-hit",
          "%ld reset pulses placed while the starts ran; the library retried %ld start attempts (want both > 0)",
          atomic_load(&u_pulses), attempts - u_n - fresh_tried);
  }
  check(n_already == 0, "unique.no-already-started", "%ld starts said ALREADY_STARTED (a retry with a fresh request "
        "ID would)", n_already);
  check(n_other == 0, "unique.errors", "%ld starts ended with an error other than UNAVAILABLE / DEADLINE_EXCEEDED (%ld "
        "UNAVAILABLE, %ld DEADLINE_EXCEEDED, allowed)", n_other, n_unavail, n_deadline);
  if (u_fresh)
    check(fresh_tried > 0 && fresh_same == fresh_tried, "unique.fresh-request-id",
          "FAULT_WIRE_UNIQ_FRESH_ID=1: each started ID started again as a new call (a fresh request ID): %ld of %ld "
          "got ALREADY_STARTED, %ld of them naming the same run (want all)", fresh_already, fresh_tried, fresh_same);

  /* Every ID: its runs in visibility (exactly one if its start returned a run; at most one
     otherwise), and describe names the same run. */
  long one = 0, zero = 0, many = 0, mismatch = 0, err_reached = 0, listed_bad = 0;
  char q[256], first_run[64], buf[512], detail[700] = "";
  for (long i = 0; i < u_n; i++) {
    uslot *s = &uslots[i];
    int runs = -1;
    for (double tl = now_s(); now_s() - tl < 5; sleep_ms(200)) {
      snprintf(q, sizeof q, "WorkflowId = \"%s\"", s->id);
      temporal_call_options co;
      tcall *l = tc_new("list", FORM_CALLBACK, 10000, &co);
      tc_started(l, temporal_list_workflow_async(direct, q, 0, NULL, &co, &l->call));
      if (!tc_await(l, 12) || tc_error(l)) {
        if (!*detail) snprintf(detail, sizeof detail, "list %s: %s", s->id, tc_text(l, buf, sizeof buf));
        runs = -1;
        break;
      }
      runs = count_runs(temporal_call_get_json(l->call), first_run, sizeof first_run);
      /* Visibility may trail the start by a moment: look again for a run that must be there. */
      if (runs > 0 || s->code != TEMPORAL_ERROR_CODE_OK) break;
    }
    if (runs < 0) { listed_bad++; continue; }
    if (runs == 0) zero++;
    else if (runs == 1) one++;
    else many++;
    int bad = (s->code == TEMPORAL_ERROR_CODE_OK && runs != 1) || runs > 1;
    if (s->code == TEMPORAL_ERROR_CODE_OK && runs == 1 && strcmp(first_run, s->run_id) != 0) bad = 1;
    if (s->code != TEMPORAL_ERROR_CODE_OK && runs == 1) err_reached++;
    if (runs >= 1) {
      tcall *d = describe_wf(direct, s->id, FORM_QUEUE, 10000);
      const char *json = tc_await(d, 12) && !tc_error(d) ? temporal_call_get_json(d->call) : NULL;
      char drun[64] = "";
      if (json) count_runs(json, drun, sizeof drun);
      if (!json || strcmp(drun, first_run) != 0) bad = 1;
      if (bad && !*detail)
        snprintf(detail, sizeof detail, "%s: start %s run %s; %d run(s) listed, first %s; describe: %s", s->id,
                 temporal_error_code_name(s->code), s->run_id, runs, first_run, json ? drun : tc_text(d, buf, sizeof buf));
    } else if (bad && !*detail) {
      snprintf(detail, sizeof detail, "%s: start %s run %s; no run listed", s->id, temporal_error_code_name(s->code),
               s->run_id);
    }
    if (bad) mismatch++;
    if (atomic_load(&n_tracked) > MAX_TRACKED - 64) verify_once("unique.checks");
  }
  check(mismatch == 0 && many == 0 && listed_bad == 0, "unique.one-run-per-id",
        "%ld IDs (list `WorkflowId = \"...\"` + describe): %ld with exactly one run, %ld with none, %ld with more; %ld "
        "not as their start said; %ld lists failed (%ld of the %ld failed starts reached the server anyway)%s%s",
        u_n, one, zero, many, mismatch, listed_bad, err_reached, u_n - n_ok, *detail ? "; first: " : "", detail);
  printf("    (verification %.2f s)\n", now_s() - t0 - t_starts);
  /* The Sleeps are left to finish on the dev server (it is discarded with the run). */
  verify_once("unique");
  free(uslots); free(th); free(secs);
}

int main(int argc, char **argv) {
  signal(SIGPIPE, SIG_IGN);
  const char *mode = argc > 1 ? argv[1] : "";
  toxi_addr = getenv("FAULT_WIRE_TOXI");
  proxy_addr = getenv("FAULT_WIRE_PROXY");
  upstream_addr = getenv("FAULT_WIRE_UPSTREAM");
  task_queue = env_str("FAULT_TASK_QUEUE", "temporal-ffi-test");
  if (!toxi_addr || !proxy_addr || !upstream_addr) {
    fprintf(stderr, "wire: FAULT_WIRE_TOXI, FAULT_WIRE_PROXY and FAULT_WIRE_UPSTREAM are required\n");
    return 2;
  }
  snprintf(id_prefix, sizeof id_prefix, "wire-%ld-%lld", (long)getpid(), (long long)wall_ms());
  printf("wire %s:\n", mode);
  fflush(stdout);
  temporal_error *e = temporal_completion_queue_new(&queue);
  if (e) { char b[256]; fprintf(stderr, "wire: queue_new: %s\n", err_text(e, b, sizeof b)); return 2; }
  pthread_t poller;
  pthread_create(&poller, NULL, queue_poller, NULL);
  double t0 = now_s();
  proxy_setup();
  temporal_client *c = connect_to(proxy_addr, 0, 0);
  temporal_client *direct = connect_to(upstream_addr, 0, 0);
  if (c && direct && !checks.failed) {
    if (!strcmp(mode, "latency")) case_latency(c);
    else if (!strcmp(mode, "bandwidth")) case_bandwidth(c);
    else if (!strcmp(mode, "reset")) case_reset(c, direct);
    else if (!strcmp(mode, "halfopen")) case_halfopen(c);
    else if (!strcmp(mode, "down")) case_down(c);
    else if (!strcmp(mode, "deadup")) case_deadup(c);
    else if (!strcmp(mode, "slowclose")) case_slowclose(c);
    else if (!strcmp(mode, "unique")) case_unique(c, direct);
    else { fprintf(stderr, "usage: wire latency|bandwidth|reset|halfopen|down|deadup|slowclose|unique\n"); return 2; }
  }
  if (atomic_load(&n_tracked)) verify_once(mode);
  print_failures(mode);
  toxi("POST", "/reset", NULL, NULL, 0);
  temporal_client_free(c);
  temporal_client_free(direct);
  atomic_store(&stop_poller, 1);
  pthread_join(poller, NULL);
  temporal_completion_queue_free(queue);
  printf("wire %s: %d passed, %d failed (%.1f s)\n", mode, checks.passed, checks.failed, now_s() - t0);
  return checks.failed ? 1 : 0;
}
