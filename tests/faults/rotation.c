/*
 * Live API-key rotation through an API-key-checking gRPC proxy (issue 17). Driven by
 * tests/faults/rotation.sh, which starts the dev server, the test worker and
 * tests/faults/keyproxy in front of the server; this program sets the proxy's accepted keys
 * itself (POST /keys on its control endpoint), so that each change is timed against the
 * client's own key switch.
 *
 * Timeline (ms from the start of the load):
 *   before            proxy accepts {K1}; ROT_PARKED result waits are parked (temporal_call_wait
 *                     form) on Sleep(ROT_PARKED_SLEEP_MS) workflows.
 *   0                 client A (key K1) runs ROT_THREADS threads at ROT_RATE iterations/s each:
 *                     start a Sleep(ROT_SHORT_SLEEP_MS) workflow, describe it, park a result
 *                     wait on it (callback form).
 *   PRE - HOLD_LEAD   the proxy is told to hold the next ROT_HELD starts that carry K1 for
 *                     ROT_HOLD_LEAD_MS + ROT_WINDOW_MS + 500 ms, then fail them UNAVAILABLE (a
 *                     transient error): the library's retries go out after the removal.
 *   PRE               the switch: proxy accepts {K1,K2} (overlap), then
 *                     temporal_client_set_api_key(A, K2).
 *   PRE + WINDOW      the removal: proxy accepts only {K2}.
 *   + ROT_POST_MS     load stops; every result wait must deliver within ROT_DRAIN_MS.
 *
 * The window: the proxy checks the key when a call arrives and never cuts a call it let
 * through. A call sent before set_api_key returned carries K1 and may still be in flight after
 * the removal, and finishes: a unary call until its answer, a result wait's long poll until the
 * server ends the poll (history.longPollExpirationInterval, ROT_POLL_EXPIRY_MS, which
 * rotation.sh sets short). Every request sent after set_api_key returned carries K2: new calls,
 * long polls re-issued by waits parked before the switch, and retries of calls first sent
 * before it. So the overlap window only has to cover a K1 request already on its way to the
 * proxy when the key changed (rotation.sh checks that the last K1 arrival is within
 * ROT_K1_LAG_MAX_MS of the switch); with ROT_WINDOW_MS=0 such requests are refused.
 *
 * Checks (one "ok"/"FAIL" line each; exits 1 on any FAIL):
 *   - a connect with a key the proxy does not accept fails with PERMISSION_DENIED (the
 *     library's code for UNAUTHENTICATED), its message without the key;
 *   - the proxy passes the server's error details through (ALREADY_STARTED with the run ID);
 *   - no call of client A fails, before, during or after the rotation, the held starts
 *     included (their retries must carry K2); every result wait, load and parked, delivers
 *     "slept";
 *   - the parked waits' K1 long polls are still open at the removal (the proxy's count) and
 *     their workflows end more than one poll expiry later: each one re-issues its poll after K1
 *     is gone, and delivers only if that poll carries K2;
 *   - client B, connected on its own with K1 (no shared connection), works before the switch
 *     and fails with PERMISSION_DENIED after the removal: the proxy really checks;
 *   - no error message and no library log line (runtime log level ROT_LOG_LEVEL, default
 *     TRACE, through the log callback into ROT_LOG_FILE) contains K1, K2 or the refused key.
 * Writes the wall-clock times (ms) of the switch (before and after set_api_key) and of the
 * removal to ROT_TIMES_FILE ("<switch_start> <switch_done> <removal>") for rotation.sh's
 * proxy-side checks.
 *
 * Env: ROT_ADDRESS (proxy host:port, required), ROT_CONTROL (proxy control host:port,
 *      required), ROT_KEY1, ROT_KEY2, ROT_KEY_BAD (required), ROT_TASK_QUEUE
 *      (temporal-ffi-test), ROT_THREADS (6), ROT_RATE (4), ROT_SHORT_SLEEP_MS (300),
 *      ROT_PARKED (16), ROT_PARKED_SLEEP_MS (ROT_PRE_MS + ROT_WINDOW_MS + ROT_POST_MS - 500),
 *      ROT_PRE_MS (2000), ROT_WINDOW_MS (1000), ROT_POST_MS (5000), ROT_DRAIN_MS (20000),
 *      ROT_POLL_EXPIRY_MS (4000), ROT_HELD (2), ROT_HOLD_LEAD_MS (400), ROT_LOG_LEVEL (5),
 *      ROT_RESULT_TIMEOUT_MS (30000: each load result wait), ROT_CONNECT_TIMEOUT_MS (10000),
 *      ROT_LOG_FILE (none: events are still scanned), ROT_TIMES_FILE (none),
 *      ROT_SKIP_SWITCH (0; 1: never call set_api_key, to check that the test then fails).
 */

#include "common.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdatomic.h>
#include <sys/socket.h>

enum phase { PHASE_K1, PHASE_OVERLAP, PHASE_K2, PHASE_COUNT };
static const char *const PHASE_NAMES[] = {"before the switch (K1)", "overlap (K2 sent, K1+K2 accepted)",
                                          "after the removal (K2 only)"};

static const char *key1, *key2, *key_bad, *task_queue;
static long short_sleep_ms, rate, threads_n, result_timeout_ms, connect_timeout_ms;
static temporal_client *client_a;

static atomic_int phase = PHASE_K1;
static atomic_bool stopping;
static atomic_long calls[PHASE_COUNT], failures[PHASE_COUNT];
static atomic_long results_pending, results_ok;
static atomic_long key_leaks; /* key text seen in an error message or a log line */
static int failed;

static pthread_mutex_t report_mu = PTHREAD_MUTEX_INITIALIZER;
static long failure_lines;

/* One "ok"/"FAIL" line, whole even when threads report at once (rotation.sh counts them). */
static void verdict(int ok, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  pthread_mutex_lock(&report_mu);
  printf("%s ", ok ? "ok  " : "FAIL");
  vprintf(fmt, ap);
  printf("\n");
  fflush(stdout);
  pthread_mutex_unlock(&report_mu);
  va_end(ap);
  if (!ok) failed = 1;
}

static int contains_key(const char *text) {
  return text && ((key1 && strstr(text, key1)) || (key2 && strstr(text, key2)) || (key_bad && strstr(text, key_bad)));
}

/* Checks an error's message and details for key text; returns 1 if clean. */
static int error_is_clean(const temporal_error *e) {
  if (contains_key(temporal_error_get_message(e)) || contains_key(temporal_error_get_details(e))) {
    atomic_fetch_add(&key_leaks, 1);
    return 0;
  }
  return 1;
}

/* One failed call of client A: counted, and the first few printed (without any key). */
static void call_failed(int ph, const char *what, const temporal_error *e) {
  atomic_fetch_add(&failures[ph], 1);
  int clean = error_is_clean(e);
  pthread_mutex_lock(&report_mu);
  if (failure_lines++ < 10) {
    char buf[600];
    printf("     %s failed %s: %s\n", what, PHASE_NAMES[ph],
           clean ? err_text(e, buf, sizeof buf) : "(message withheld: it contains a key)");
    fflush(stdout);
  }
  pthread_mutex_unlock(&report_mu);
}

/* ---- the library log, to a file and scanned for keys ---- */
static FILE *log_file;
static pthread_mutex_t log_mu = PTHREAD_MUTEX_INITIALIZER;
static atomic_long log_lines;

static void on_log(void *user_data, int32_t level, const char *target, const char *message) {
  (void)user_data;
  atomic_fetch_add(&log_lines, 1);
  if (contains_key(message) || contains_key(target)) atomic_fetch_add(&key_leaks, 1);
  if (log_file) {
    pthread_mutex_lock(&log_mu);
    fprintf(log_file, "%lld %d %s %s\n", (long long)wall_ms(), (int)level, target, message);
    pthread_mutex_unlock(&log_mu);
  }
}

/* ---- the proxy's control endpoint ---- */
/* POSTs body to http://control/path_query; returns 1 on a 200 answer (its first line in
   answer). */
static int http_post(const char *control, const char *path_query, const char *body, char *answer, size_t answer_len) {
  char host[64];
  const char *colon = strrchr(control, ':');
  if (!colon || (size_t)(colon - control) >= sizeof host) return 0;
  memcpy(host, control, (size_t)(colon - control));
  host[colon - control] = '\0';
  struct sockaddr_in sa = {0};
  sa.sin_family = AF_INET;
  sa.sin_port = htons((uint16_t)atoi(colon + 1));
  if (inet_pton(AF_INET, host, &sa.sin_addr) != 1) return 0;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return 0;
  if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
    close(fd);
    return 0;
  }
  char req[1024];
  int n = snprintf(req, sizeof req,
                   "POST %s HTTP/1.0\r\nHost: %s\r\nContent-Type: text/plain\r\nContent-Length: %zu\r\n\r\n%s",
                   path_query, control, strlen(body), body);
  int ok = n > 0 && (size_t)n < sizeof req && write(fd, req, (size_t)n) == n;
  char resp[2048];
  size_t got = 0;
  while (ok && got < sizeof resp - 1) {
    ssize_t r = read(fd, resp + got, sizeof resp - 1 - got);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    got += (size_t)r;
  }
  close(fd);
  resp[got] = '\0';
  ok = ok && strncmp(resp, "HTTP/1.", 7) == 0 && strncmp(resp + 8, " 200", 4) == 0;
  const char *text = strstr(resp, "\r\n\r\n");
  snprintf(answer, answer_len, "%s", text ? text + 4 : resp);
  answer[strcspn(answer, "\r\n")] = '\0';
  return ok;
}

/* ---- client A's load ---- */
static void on_result(void *user_data, temporal_call *call) {
  int ph = (int)(intptr_t)user_data;
  if (!call) return; /* freed before it completed: never done here */
  const temporal_error *e = temporal_call_get_error(call);
  const char *json = temporal_call_get_json(call);
  if (e) {
    call_failed(ph, "result wait", e);
  } else if (!json || strcmp(json, "\"slept\"") != 0) {
    atomic_fetch_add(&failures[ph], 1);
    fprintf(stderr, "rotation: result wait: unexpected result %s\n", json ? json : "(none)");
  } else {
    atomic_fetch_add(&results_ok, 1);
  }
  temporal_call_free(call);
  atomic_fetch_sub(&results_pending, 1);
}

/* Waits for a call that start_err's _async function started (or counts start_err as its
   failure); returns the call if it succeeded (the caller frees it), else NULL. */
static temporal_call *wait_call(temporal_error *start_err, temporal_call *call, int ph, const char *what) {
  atomic_fetch_add(&calls[ph], 1);
  if (start_err) {
    call_failed(ph, what, start_err);
    temporal_error_free(start_err);
    return NULL;
  }
  temporal_error *w = temporal_call_wait(call, TEMPORAL_TIMEOUT_NONE);
  if (w) { /* cannot happen with no timeout; counted all the same */
    call_failed(ph, what, w);
    temporal_error_free(w);
    temporal_call_free(call);
    return NULL;
  }
  const temporal_error *e = temporal_call_get_error(call);
  if (e) {
    call_failed(ph, what, e);
    temporal_call_free(call);
    return NULL;
  }
  return call;
}

static void *load_thread(void *arg) {
  long index = (long)(intptr_t)arg;
  double period = 1.0 / (double)rate;
  /* Threads are spread over the period, so that calls go out evenly, not in bursts. */
  double next = now_s() + period * (double)index / (double)threads_n;
  sleep_ms((long)(period * 1000 * (double)index / (double)threads_n));
  char args[32];
  snprintf(args, sizeof args, "[%ld]", short_sleep_ms);
  for (long i = 0; !atomic_load(&stopping); i++) {
    char id[96];
    snprintf(id, sizeof id, "rotation-%d-%ld-%ld", (int)getpid(), index, i);
    temporal_start_workflow_options so;
    temporal_start_workflow_options_default(&so, sizeof so);
    so.id = id;
    so.task_queue = task_queue;
    temporal_call *call = NULL;

    int ph = atomic_load(&phase);
    temporal_error *e = temporal_execute_workflow_async(client_a, "Sleep", args, &so, NULL, &call);
    call = wait_call(e, call, ph, "start");
    temporal_workflow_run *run = call ? temporal_call_take_run(call) : NULL;
    temporal_call_free(call);
    if (run) {
      ph = atomic_load(&phase);
      call = NULL;
      e = temporal_describe_workflow_execution_async(client_a, id, temporal_workflow_run_get_run_id(run), NULL, &call);
      call = wait_call(e, call, ph, "describe");
      temporal_call_free(call);

      ph = atomic_load(&phase);
      temporal_call_options co;
      temporal_call_options_default(&co, sizeof co);
      co.callback = on_result;
      co.user_data = (void *)(intptr_t)ph;
      co.timeout_ms = (uint64_t)result_timeout_ms;
      atomic_fetch_add(&results_pending, 1);
      atomic_fetch_add(&calls[ph], 1);
      call = NULL;
      e = temporal_get_result_async(run, &co, &call);
      if (e) {
        atomic_fetch_sub(&results_pending, 1);
        call_failed(ph, "result wait", e);
        temporal_error_free(e);
      }
      /* The call goes on without the run and is freed by its callback. */
      temporal_workflow_run_free(run);
    }
    next += period;
    double wait = next - now_s();
    if (wait > 0) sleep_ms((long)(wait * 1000));
  }
  return NULL;
}

/* ---- helpers ---- */
static temporal_client *connect_with(const char *address, const char *key, temporal_error **err_out) {
  temporal_client_options o;
  temporal_client_options_default(&o, sizeof o);
  o.address = address;
  o.namespace_name = "default";
  o.api_key = key;
  o.envconfig = TEMPORAL_ENVCONFIG_MODE_OFF;
  o.connect_timeout_ms = (uint64_t)connect_timeout_ms;
  temporal_client *c = NULL;
  *err_out = temporal_client_connect(&o, &c);
  return c;
}

/* A describe through client c of a workflow that does not exist: NOT_FOUND means the proxy let
   the call through. Returns the call's error code; its message is checked for keys and kept in
   msg (withheld if it carries one). */
static temporal_error_code probe(temporal_client *c, char *msg, size_t msg_len) {
  temporal_call *call = NULL;
  temporal_error_code code = TEMPORAL_ERROR_CODE_OK;
  snprintf(msg, msg_len, "no error");
  temporal_error *e = temporal_describe_workflow_execution_async(c, "rotation-probe-no-such-workflow", NULL, NULL, &call);
  if (!e) e = temporal_call_wait(call, TEMPORAL_TIMEOUT_NONE);
  const temporal_error *got = e ? e : temporal_call_get_error(call);
  if (got) {
    code = temporal_error_get_code(got);
    if (error_is_clean(got)) err_text(got, msg, msg_len);
    else snprintf(msg, msg_len, "(message withheld: it contains a key)");
  }
  temporal_error_free(e);
  temporal_call_free(call);
  return code;
}

int main(void) {
  const char *address_hp = getenv("ROT_ADDRESS");
  const char *control = getenv("ROT_CONTROL");
  key1 = getenv("ROT_KEY1");
  key2 = getenv("ROT_KEY2");
  key_bad = getenv("ROT_KEY_BAD");
  if (!address_hp || !control || !key1 || !key2 || !key_bad || !*key1 || !*key2 || !*key_bad) {
    fprintf(stderr, "rotation: set ROT_ADDRESS, ROT_CONTROL, ROT_KEY1, ROT_KEY2, ROT_KEY_BAD\n");
    return 2;
  }
  task_queue = env_str("ROT_TASK_QUEUE", "temporal-ffi-test");
  threads_n = env_long("ROT_THREADS", 6);
  rate = env_long("ROT_RATE", 4);
  short_sleep_ms = env_long("ROT_SHORT_SLEEP_MS", 300);
  result_timeout_ms = env_long("ROT_RESULT_TIMEOUT_MS", 30000);
  connect_timeout_ms = env_long("ROT_CONNECT_TIMEOUT_MS", 10000);
  long parked_n = env_long("ROT_PARKED", 16);
  long pre_ms = env_long("ROT_PRE_MS", 2000);
  long window_ms = env_long("ROT_WINDOW_MS", 1000);
  long post_ms = env_long("ROT_POST_MS", 5000);
  long parked_sleep_ms = env_long("ROT_PARKED_SLEEP_MS", pre_ms + window_ms + post_ms - 500);
  long poll_expiry_ms = env_long("ROT_POLL_EXPIRY_MS", 4000);
  long held_n = env_long("ROT_HELD", 2);
  long hold_lead_ms = env_long("ROT_HOLD_LEAD_MS", 400);
  long drain_ms = env_long("ROT_DRAIN_MS", 20000);
  long log_level = env_long("ROT_LOG_LEVEL", TEMPORAL_LOG_LEVEL_TRACE);
  int skip_switch = env_long("ROT_SKIP_SWITCH", 0) == 1;
  const char *log_path = getenv("ROT_LOG_FILE");
  const char *times_path = getenv("ROT_TIMES_FILE");
  if (hold_lead_ms < 0 || hold_lead_ms > pre_ms) hold_lead_ms = pre_ms;
  if (threads_n < 1 || rate < 1 || parked_n < 1 || result_timeout_ms < 1 || connect_timeout_ms < 1) {
    fprintf(stderr, "rotation: ROT_THREADS, ROT_RATE, ROT_PARKED and the timeouts must be >= 1\n");
    return 2;
  }
  /* The parked waits' first long polls (sent with K1 at the start) must still be open at the
     removal, and must expire, and be re-issued, before their workflows end: only then does a
     delivered result prove that the re-issued poll carried K2. */
  if (poll_expiry_ms <= pre_ms + window_ms + 500 || parked_sleep_ms <= poll_expiry_ms + 1000) {
    fprintf(stderr,
            "rotation: need ROT_POLL_EXPIRY_MS (%ld) > ROT_PRE_MS + ROT_WINDOW_MS + 500 (%ld) and "
            "ROT_PARKED_SLEEP_MS (%ld) > ROT_POLL_EXPIRY_MS + 1000\n",
            poll_expiry_ms, pre_ms + window_ms + 500, parked_sleep_ms);
    return 2;
  }
  /* Plain HTTP/2 to the proxy: an API key alone would turn TLS on, an http:// address keeps it
     off (the library's documented rule). */
  char address[128];
  snprintf(address, sizeof address, "http://%s", address_hp);

  if (log_path && *log_path) {
    log_file = fopen(log_path, "w");
    if (!log_file) {
      perror("rotation: ROT_LOG_FILE");
      return 2;
    }
  }
  temporal_runtime_options ro;
  temporal_runtime_options_default(&ro, sizeof ro);
  ro.log_level = (int32_t)log_level;
  ro.log_callback = on_log;
  temporal_error *e = temporal_runtime_init(&ro);
  if (e) {
    char buf[600];
    fprintf(stderr, "rotation: runtime_init: %s\n", err_text(e, buf, sizeof buf));
    return 2;
  }

  char answer[512], body[1024], buf[600];
  snprintf(body, sizeof body, "K1=%s\n", key1);
  verdict(http_post(control, "/keys", body, answer, sizeof answer), "proxy accepts {K1}: %s", answer);

  /* A key the proxy does not accept is refused at connect (its GetSystemInfo). */
  temporal_client *bad = connect_with(address, key_bad, &e);
  verdict(bad == NULL && e && temporal_error_get_code(e) == TEMPORAL_ERROR_CODE_PERMISSION_DENIED,
        "connect with a refused key fails with PERMISSION_DENIED (%s)",
        e ? (error_is_clean(e) ? err_text(e, buf, sizeof buf) : "message withheld: it contains a key") : "no error");
  verdict(e == NULL || error_is_clean(e), "the refused connect's message carries no key");
  temporal_error_free(e);
  temporal_client_free(bad);

  client_a = connect_with(address, key1, &e);
  if (!client_a) {
    fprintf(stderr, "rotation: connect A (K1): %s\n", err_text(e, buf, sizeof buf));
    return 1;
  }
  temporal_client *client_b = connect_with(address, key1, &e);
  if (!client_b) {
    fprintf(stderr, "rotation: connect B (K1): %s\n", err_text(e, buf, sizeof buf));
    return 1;
  }
  temporal_error_code code = probe(client_b, buf, sizeof buf);
  verdict(code == TEMPORAL_ERROR_CODE_NOT_FOUND,
        "client B on K1 gets through the proxy before the rotation (describe of a missing workflow: %s)", buf);

  /* Parked result waits, on workflows that end after the removal. */
  temporal_workflow_run **parked_runs = calloc((size_t)parked_n + 1, sizeof *parked_runs);
  temporal_call **parked_calls = calloc((size_t)parked_n + 1, sizeof *parked_calls);
  long parked_started = 0;
  double t0 = now_s();
  char parked_args[32];
  snprintf(parked_args, sizeof parked_args, "[%ld]", parked_sleep_ms);
  for (long i = 0; i < parked_n; i++) {
    char id[96];
    snprintf(id, sizeof id, "rotation-%d-parked-%ld", (int)getpid(), i);
    temporal_start_workflow_options so;
    temporal_start_workflow_options_default(&so, sizeof so);
    so.id = id;
    so.task_queue = task_queue;
    temporal_call *call = NULL;
    e = temporal_execute_workflow_async(client_a, "Sleep", parked_args, &so, NULL, &call);
    call = wait_call(e, call, PHASE_K1, "parked start");
    parked_runs[i] = call ? temporal_call_take_run(call) : NULL;
    temporal_call_free(call);
    if (!parked_runs[i]) continue;
    temporal_call_options co;
    temporal_call_options_default(&co, sizeof co);
    co.timeout_ms = (uint64_t)(parked_sleep_ms + drain_ms);
    atomic_fetch_add(&calls[PHASE_K1], 1);
    e = temporal_get_result_async(parked_runs[i], &co, &parked_calls[i]);
    if (e) {
      call_failed(PHASE_K1, "parked result wait", e);
      temporal_error_free(e);
      parked_calls[i] = NULL;
    } else {
      parked_started++;
    }
  }
  printf("rotation: %ld parked result waits on Sleep(%ld ms) in %.0f ms\n", parked_started, parked_sleep_ms,
         (now_s() - t0) * 1000);

  /* The proxy passes the server's errors through whole, status details included: a second
     start of a running ID is ALREADY_STARTED with the running run's ID, which the library
     reads from those details. */
  if (parked_runs[0]) {
    temporal_start_workflow_options so;
    temporal_start_workflow_options_default(&so, sizeof so);
    so.id = temporal_workflow_run_get_id(parked_runs[0]);
    so.task_queue = task_queue;
    so.error_when_already_started = true;
    temporal_workflow_run *dup = NULL;
    e = temporal_execute_workflow(client_a, "Sleep", parked_args, &so, &dup);
    const char *details = e ? temporal_error_get_details(e) : NULL;
    verdict(e && temporal_error_get_code(e) == TEMPORAL_ERROR_CODE_ALREADY_STARTED && details &&
              strstr(details, temporal_workflow_run_get_run_id(parked_runs[0])),
          "the server's error details come through the proxy (second start: %s)",
          e ? (error_is_clean(e) ? err_text(e, buf, sizeof buf) : "message withheld: it contains a key") : "no error");
    temporal_error_free(e);
    temporal_workflow_run_free(dup);
  }

  pthread_t *th = calloc((size_t)threads_n, sizeof *th);
  for (long i = 0; i < threads_n; i++) pthread_create(&th[i], NULL, load_thread, (void *)(intptr_t)i);
  double load_start = now_s();
  sleep_ms(pre_ms - hold_lead_ms);

  /* Starts sent with K1 just before the switch are held by the proxy past the removal and then
     failed UNAVAILABLE: the library's retry of each goes out after K1 is gone, and must carry
     K2. */
  if (held_n > 0) {
    char query[160];
    snprintf(query, sizeof query, "/hold?method=StartWorkflowExecution&id=K1&count=%ld&ms=%ld", held_n,
             hold_lead_ms + window_ms + 500);
    verdict(http_post(control, query, "", answer, sizeof answer), "proxy arms a hold: %s", answer);
  }
  sleep_ms(hold_lead_ms);

  /* The switch: the proxy takes both keys first, then the client moves to K2. */
  snprintf(body, sizeof body, "K1=%s\nK2=%s\n", key1, key2);
  verdict(http_post(control, "/keys", body, answer, sizeof answer), "proxy accepts {K1,K2} (overlap): %s", answer);
  int64_t switch_start_ms = wall_ms();
  e = NULL;
  if (skip_switch) printf("rotation: ROT_SKIP_SWITCH=1: client A keeps K1 (checks the test itself: it must FAIL)\n");
  else e = temporal_client_set_api_key(client_a, key2);
  int64_t switch_ms = wall_ms();
  atomic_store(&phase, PHASE_OVERLAP);
  verdict(e == NULL, "temporal_client_set_api_key(A, K2) at %.0f ms into the load", (now_s() - load_start) * 1000);
  temporal_error_free(e);
  sleep_ms(window_ms);

  snprintf(body, sizeof body, "K2=%s\n", key2);
  int removed = http_post(control, "/keys", body, answer, sizeof answer);
  int64_t removal_ms = wall_ms();
  atomic_store(&phase, PHASE_K2);
  verdict(removed, "proxy accepts only {K2}, %lld ms after the switch: %s", (long long)(removal_ms - switch_ms), answer);
  /* The proxy's answer counts the calls in flight per key id just before the change. */
  const char *in_flight = strstr(answer, "in_flight:");
  const char *k1_field = in_flight ? strstr(in_flight, " K1=") : NULL;
  long k1_in_flight = k1_field ? strtol(k1_field + 4, NULL, 10) : -1;
  verdict(k1_in_flight >= parked_started,
        "%ld calls sent with K1 were still in flight at the removal (at least the %ld parked long polls)",
        k1_in_flight, parked_started);
  if (times_path && *times_path) {
    FILE *f = fopen(times_path, "w");
    if (f) {
      fprintf(f, "%lld %lld %lld\n", (long long)switch_start_ms, (long long)switch_ms, (long long)removal_ms);
      fclose(f);
    }
  }
  sleep_ms(post_ms);
  atomic_store(&stopping, true);
  for (long i = 0; i < threads_n; i++) pthread_join(th[i], NULL);
  printf("rotation: load stopped after %.0f ms\n", (now_s() - load_start) * 1000);

  /* Client B never moved: after the removal the proxy must refuse it. */
  code = probe(client_b, buf, sizeof buf);
  verdict(code == TEMPORAL_ERROR_CODE_PERMISSION_DENIED,
        "client B still on K1 is refused after the removal with PERMISSION_DENIED (%s)", buf);

  /* Every result wait delivers. */
  long parked_ok = 0;
  for (long i = 0; i < parked_n; i++) {
    if (!parked_calls[i]) continue;
    e = temporal_call_wait(parked_calls[i], (uint64_t)drain_ms);
    if (e) {
      call_failed(PHASE_K1, "parked result wait (not done)", e);
      temporal_error_free(e);
      continue;
    }
    const temporal_error *ce = temporal_call_get_error(parked_calls[i]);
    const char *json = temporal_call_get_json(parked_calls[i]);
    /* Counted in the phase the wait was sent in, as every call is. */
    if (ce) call_failed(PHASE_K1, "parked result wait", ce);
    else if (json && strcmp(json, "\"slept\"") == 0) parked_ok++;
    else atomic_fetch_add(&failures[PHASE_K1], 1);
  }
  verdict(parked_ok == parked_n, "%ld/%ld result waits parked across the rotation delivered \"slept\"", parked_ok,
        parked_n);
  double drain_end = now_s() + (double)drain_ms / 1000;
  while (atomic_load(&results_pending) > 0 && now_s() < drain_end) sleep_ms(20);
  long pending = atomic_load(&results_pending);
  verdict(pending == 0, "every load result wait completed (%ld still pending after %ld ms)", pending, drain_ms);

  long total = 0, total_failed = 0;
  for (int p = 0; p < PHASE_COUNT; p++) {
    long c = atomic_load(&calls[p]), f = atomic_load(&failures[p]);
    total += c;
    total_failed += f;
    verdict(f == 0, "%ld calls sent %s, %ld failed", c, PHASE_NAMES[p], f);
  }
  verdict(atomic_load(&calls[PHASE_OVERLAP]) > 0 && atomic_load(&calls[PHASE_K2]) > 0,
        "calls were made in every phase");
  printf("rotation: %ld calls by client A (%ld results delivered to the load), %ld failed\n", total,
         atomic_load(&results_ok), total_failed);

  verdict(atomic_load(&key_leaks) == 0, "no error message or library log line contains a key (%ld log lines at level %ld%s%s)",
        atomic_load(&log_lines), log_level, log_path ? ", written to " : "", log_path ? log_path : "");

  for (long i = 0; i < parked_n; i++) {
    temporal_call_free(parked_calls[i]);
    temporal_workflow_run_free(parked_runs[i]);
  }
  free(parked_calls);
  free(parked_runs);
  free(th);
  temporal_client_free(client_b);
  temporal_client_free(client_a);
  e = temporal_runtime_shutdown(0);
  temporal_error_free(e);
  if (log_file) fclose(log_file);
  printf("rotation: %s\n", failed ? "FAILED" : "passed");
  return failed ? 1 : 0;
}
