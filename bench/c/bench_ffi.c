/* Benchmark client: temporal-ffi from C. Usage:
 *   bench_ffi ADDRESS start-seq N | start-and-wait-seq N | start-concurrent N C | block-waits N
 * Prints one JSON line. The seq modes use the blocking wrappers (temporal_execute_workflow,
 * temporal_get_result); start-concurrent keeps C starts in flight with callbacks (each callback
 * starts the next one); block-waits: starts N `Block` workflows, parks N result waits on them
 * (callbacks), signals "unblock" to each, and times until every wait returned.
 * BENCH_FORM=wait|callback|queue (label c-ffi-FORM): the seq modes and start-concurrent complete
 * every call in that form instead: temporal_call_wait (start-concurrent: C threads, each with
 * one call in flight), a callback, or a completion queue (start-concurrent: one thread drains
 * it and starts the next). block-waits always uses callbacks. */
#include <malloc.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>
#include "temporal.h"

#define TQ "temporal-ffi-test"
enum form { FORM_BLOCKING, FORM_WAIT, FORM_CALLBACK, FORM_QUEUE };
static enum form form = FORM_BLOCKING;
static temporal_client *client;
static temporal_completion_queue *queue;
static atomic_long seq, issued, done_n, errors, res_err[32], sig_err[32];
static long total;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9; }
static void die(const temporal_error *e, const char *what) {
  fprintf(stderr, "%s: %s: %s\n", what, temporal_error_code_name(temporal_error_get_code(e)), temporal_error_get_message(e));
  exit(1);
}
static void opts_for(temporal_start_workflow_options *o, char *id, size_t idlen, const char *prefix) {
  temporal_start_workflow_options_default(o, sizeof *o);
  snprintf(id, idlen, "bench-c-%s-%d-%ld", prefix, (int)getpid(), atomic_fetch_add(&seq, 1));
  o->id = id;
  o->task_queue = TQ;
}
static void finish_one(void) {
  if (atomic_fetch_add(&done_n, 1) + 1 == total) {
    pthread_mutex_lock(&mu); pthread_cond_signal(&cv); pthread_mutex_unlock(&mu);
  }
}
static void wait_all(void) {
  pthread_mutex_lock(&mu);
  while (atomic_load(&done_n) < total) pthread_cond_wait(&cv, &mu);
  pthread_mutex_unlock(&mu);
}
static void count_err(atomic_long *by_code, const temporal_error *e, const char *what) {
  int c = temporal_error_get_code(e) & 31;
  if (atomic_fetch_add(&by_code[c], 1) == 0) /* first of its kind: say what it was */
    fprintf(stderr, "%s: %s: %s\n", what, temporal_error_code_name(c), temporal_error_get_message(e));
  atomic_fetch_add(&errors, 1);
}
static temporal_call_options call_opts(temporal_call_callback cb, void *ud) {
  temporal_call_options co; temporal_call_options_default(&co, sizeof co);
  co.callback = cb; co.user_data = ud;
  return co;
}

/* ---- one call at a time, in `form` (the seq modes with BENCH_FORM) */
static int seq_done; /* the callback form's hand-over, under mu */
static void on_seq(void *ud, temporal_call *call) {
  (void)ud; (void)call;
  pthread_mutex_lock(&mu); seq_done = 1; pthread_cond_signal(&cv); pthread_mutex_unlock(&mu);
}
static temporal_call_options form_opts(void) {
  temporal_call_options co = call_opts(form == FORM_CALLBACK ? on_seq : NULL, NULL);
  if (form == FORM_QUEUE) co.completion_queue = queue;
  seq_done = 0;
  return co;
}
static void await_form(temporal_call *call, const char *what) {
  temporal_error *e = NULL;
  if (form == FORM_WAIT) e = temporal_call_wait(call, TEMPORAL_TIMEOUT_NONE);
  else if (form == FORM_CALLBACK) {
    pthread_mutex_lock(&mu); while (!seq_done) pthread_cond_wait(&cv, &mu); pthread_mutex_unlock(&mu);
  } else {
    struct pollfd p = {temporal_completion_queue_fd(queue), POLLIN, 0};
    while (poll(&p, 1, -1) != 1) {}
    if (temporal_completion_queue_next(queue) != call) { fprintf(stderr, "%s: the queue gave another call\n", what); exit(1); }
  }
  if (e) die(e, what);
  if (temporal_call_get_error(call)) die(temporal_call_get_error(call), what);
}

/* ---- start-concurrent: callbacks (default), a queue drained by this thread, or C threads */
static void launch(void);
static void on_start(void *ud, temporal_call *call) {
  (void)ud;
  if (temporal_call_get_error(call)) atomic_fetch_add(&errors, 1);
  temporal_workflow_run_free(temporal_call_take_run(call));
  temporal_call_free(call);
  launch();            /* keep C in flight: the callback starts the next one */
  finish_one();
}
static void launch(void) {
  if (atomic_fetch_add(&issued, 1) >= total) return;
  char id[96]; temporal_start_workflow_options o; opts_for(&o, id, sizeof id, "c");
  temporal_call_options co = call_opts(form == FORM_QUEUE ? NULL : on_start, NULL);
  if (form == FORM_QUEUE) co.completion_queue = queue;
  temporal_call *call = NULL;
  temporal_error *e = temporal_execute_workflow_async(client, "Echo", "[\"hi\"]", &o, &co, &call);
  if (e) die(e, "execute_async");
}
static void drain_queue(void) {
  struct pollfd p = {temporal_completion_queue_fd(queue), POLLIN, 0};
  while (atomic_load(&done_n) < total) {
    if (poll(&p, 1, -1) != 1) continue;
    temporal_call *call;
    while ((call = temporal_completion_queue_next(queue)) != NULL) {
      if (temporal_call_get_error(call)) atomic_fetch_add(&errors, 1);
      temporal_workflow_run_free(temporal_call_take_run(call));
      temporal_call_free(call);
      launch();
      atomic_fetch_add(&done_n, 1);
    }
  }
}
static void *wait_loop(void *arg) { /* one call in flight per thread */
  (void)arg;
  while (atomic_fetch_add(&issued, 1) < total) {
    char id[96]; temporal_start_workflow_options o; opts_for(&o, id, sizeof id, "c");
    temporal_call *call = NULL;
    temporal_error *e = temporal_execute_workflow_async(client, "Echo", "[\"hi\"]", &o, NULL, &call);
    if (!e) e = temporal_call_wait(call, TEMPORAL_TIMEOUT_NONE);
    if (e) die(e, "execute_async");
    if (temporal_call_get_error(call)) atomic_fetch_add(&errors, 1);
    temporal_workflow_run_free(temporal_call_take_run(call));
    temporal_call_free(call);
    atomic_fetch_add(&done_n, 1);
  }
  return NULL;
}

/* block-waits: starts and signals go out 100 at a time (each callback issues the next one) */
static temporal_workflow_run **runs;
static char (*ids)[96];
static atomic_long sig_issued;
static void block_launch(void);
static void on_block_start(void *ud, temporal_call *call) {
  if (temporal_call_get_error(call)) die(temporal_call_get_error(call), "start Block");
  runs[(long)ud] = temporal_call_take_run(call);
  temporal_call_free(call);
  block_launch();
  finish_one();
}
static void block_launch(void) {
  long i = atomic_fetch_add(&issued, 1);
  if (i >= total) return;
  temporal_start_workflow_options o; opts_for(&o, ids[i], 96, "blk");
  temporal_call_options co = call_opts(on_block_start, (void *)i);
  temporal_call *call = NULL;
  temporal_error *e = temporal_execute_workflow_async(client, "Block", NULL, &o, &co, &call);
  if (e) die(e, "start");
}
static void signal_launch(void);
static void on_signal(void *ud, temporal_call *call) {
  (void)ud;
  if (temporal_call_get_error(call)) count_err(sig_err, temporal_call_get_error(call), "signal");
  temporal_call_free(call);
  signal_launch();
}
static void signal_launch(void) {
  long i = atomic_fetch_add(&sig_issued, 1);
  if (i >= total) return;
  temporal_call_options co = call_opts(on_signal, NULL);
  temporal_call *call = NULL;
  temporal_error *e = temporal_signal_workflow_async(client, ids[i], NULL, "unblock", "[\"go\"]", &co, &call);
  if (e) die(e, "signal");
}
static atomic_long delivered; /* results with the expected value */
static void on_result(void *ud, temporal_call *call) {
  (void)ud;
  const char *res = temporal_call_get_json(call);
  if (temporal_call_get_error(call)) count_err(res_err, temporal_call_get_error(call), "get_result");
  else if (res && !strcmp(res, "\"unblocked: go\"")) atomic_fetch_add(&delivered, 1);
  temporal_call_free(call);
  finish_one();
}
static long rss_now_kb(void) { /* VmRSS from /proc: the resident size at this moment */
  FILE *f = fopen("/proc/self/status", "r");
  char line[256]; long kb = -1;
  while (f && fgets(line, sizeof line, f)) if (!strncmp(line, "VmRSS:", 6)) kb = atol(line + 6);
  if (f) fclose(f);
  return kb;
}

int main(int argc, char **argv) {
  if (argc < 4) { fprintf(stderr, "usage: %s ADDRESS MODE N [C]\n", argv[0]); return 2; }
  const char *mode = argv[2];
  long n = atol(argv[3]), conc = argc > 4 ? atol(argv[4]) : 1;
  const char *form_name = getenv("BENCH_FORM");
  if (form_name && *form_name) {
    if (!strcmp(form_name, "wait")) form = FORM_WAIT;
    else if (!strcmp(form_name, "callback")) form = FORM_CALLBACK;
    else if (!strcmp(form_name, "queue")) form = FORM_QUEUE;
    else { fprintf(stderr, "BENCH_FORM must be wait, callback or queue\n"); return 2; }
  }
  if (getenv("BENCH_WORKERS")) { /* diagnostics: the runtime's thread count */
    temporal_runtime_options ro; temporal_runtime_options_default(&ro, sizeof ro);
    ro.worker_threads = (uint32_t)atoi(getenv("BENCH_WORKERS"));
    temporal_error *re = temporal_runtime_init(&ro);
    if (re) die(re, "runtime_init");
  }
  temporal_client_options copts; temporal_client_options_default(&copts, sizeof copts);
  copts.address = argv[1];
  /* BENCH_GZIP=1: gzip request compression, the Go SDK's default (label c-ffi-gzip) */
  int gzip = getenv("BENCH_GZIP") && *getenv("BENCH_GZIP") == '1';
  if (gzip) copts.grpc_compression = TEMPORAL_GRPC_COMPRESSION_GZIP;
  temporal_error *e = temporal_client_connect(&copts, &client);
  if (e) die(e, "connect");
  if (form == FORM_QUEUE && (e = temporal_completion_queue_new(&queue))) die(e, "completion_queue_new");
  double *lat = calloc(n, sizeof *lat), extra = 0;
  long rss_parked_kb = 0, heap_parked_kb = 0;
  int seqmode = !strcmp(mode, "start-seq") || !strcmp(mode, "start-and-wait-seq");
  double t0 = now();
  if (seqmode) {
    int wait = !strcmp(mode, "start-and-wait-seq");
    for (long i = 0; i < n; i++) {
      char id[96]; temporal_start_workflow_options o; opts_for(&o, id, sizeof id, "s");
      double t = now();
      temporal_workflow_run *run = NULL;
      if (form == FORM_BLOCKING) { /* the blocking wrappers */
        char *res = NULL;
        if ((e = temporal_execute_workflow(client, "Echo", "[\"hi\"]", &o, &run))) die(e, "execute");
        if (wait && (e = temporal_get_result(run, 0, &res))) die(e, "get_result");
        temporal_string_free(res);
      } else {
        temporal_call_options co = form_opts();
        temporal_call *call = NULL;
        if ((e = temporal_execute_workflow_async(client, "Echo", "[\"hi\"]", &o, &co, &call))) die(e, "execute_async");
        await_form(call, "execute_async");
        run = temporal_call_take_run(call);
        temporal_call_free(call);
        if (wait) {
          co = form_opts();
          if ((e = temporal_get_result_async(run, &co, &call))) die(e, "get_result_async");
          await_form(call, "get_result_async");
          temporal_call_free(call);
        }
      }
      lat[i] = (now() - t) * 1000;
      temporal_workflow_run_free(run);
    }
  } else if (!strcmp(mode, "start-concurrent")) {
    total = n;
    if (form == FORM_WAIT) {
      pthread_t *th = calloc(conc, sizeof *th);
      for (long i = 0; i < conc; i++) pthread_create(&th[i], NULL, wait_loop, NULL);
      for (long i = 0; i < conc; i++) pthread_join(th[i], NULL);
      free(th);
    } else {
      for (long i = 0; i < conc && i < n; i++) launch();
      if (form == FORM_QUEUE) drain_queue();
      else wait_all();
    }
  } else if (!strcmp(mode, "block-waits")) {
    runs = calloc(n, sizeof *runs);
    ids = calloc(n, 96);
    total = n; /* phase 1: start n Block workflows */
    for (long i = 0; i < 100 && i < n; i++) block_launch();
    wait_all();
    atomic_store(&done_n, 0); /* phase 2: n parked waits, then signal each */
    /* BENCH_WAIT_BATCH=K (diagnostics): park K waits every 100 ms instead of all at once */
    long batch = getenv("BENCH_WAIT_BATCH") ? atol(getenv("BENCH_WAIT_BATCH")) : 0;
    temporal_call_options co = call_opts(on_result, NULL);
    for (long i = 0; i < n; i++) {
      temporal_call *call = NULL;
      if ((e = temporal_get_result_async(runs[i], &co, &call))) die(e, "get_result_async");
      if (batch > 0 && (i + 1) % batch == 0) usleep(100000);
    }
    sleep(5); /* every wait is now a long poll parked on the server */
    rss_parked_kb = rss_now_kb();
    { struct mallinfo2 mi = mallinfo2(); heap_parked_kb = (long)((mi.uordblks + mi.hblkhd) / 1024); } /* live malloc bytes */
    double ts = now();
    for (long i = 0; i < 100 && i < n; i++) signal_launch();
    wait_all();
    extra = now() - ts;
  } else { fprintf(stderr, "unknown mode %s\n", mode); return 2; }
  double wall = now() - t0;
  struct rusage ru; getrusage(RUSAGE_SELF, &ru);
  static const char *const FORM_LABELS[] = {"", "-wait", "-callback", "-queue"};
  printf("{\"client\":\"c-ffi%s%s\",\"mode\":\"%s\",\"n\":%ld,\"concurrency\":%ld,\"wall_s\":%.6f,\"latencies_ms\":[",
         gzip ? "-gzip" : "", FORM_LABELS[form], mode, n,
         seqmode ? 1 : conc, wall);
  for (long i = 0; seqmode && i < n; i++) printf("%s%.3f", i ? "," : "", lat[i]);
  printf("],\"user_cpu_s\":%.6f,\"sys_cpu_s\":%.6f,\"max_rss_kb\":%ld,\"errors\":%ld",
         ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6, ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6, ru.ru_maxrss,
         atomic_load(&errors));
  if (extra > 0) {
    printf(",\"signal_to_all_results_s\":%.6f,\"rss_parked_kb\":%ld,\"heap_parked_kb\":%ld,\"delivered\":%ld,\"errors_by_code\":{", extra,
           rss_parked_kb, heap_parked_kb, atomic_load(&delivered));
    int first = 1;
    for (int c = 0; c < 32; c++) {
      if (atomic_load(&res_err[c])) { printf("%s\"get_result %s\":%ld", first ? "" : ",", temporal_error_code_name(c), atomic_load(&res_err[c])); first = 0; }
      if (atomic_load(&sig_err[c])) { printf("%s\"signal %s\":%ld", first ? "" : ",", temporal_error_code_name(c), atomic_load(&sig_err[c])); first = 0; }
    }
    printf("}");
  }
  printf("}\n");
  fflush(stdout);
  temporal_completion_queue_free(queue);
  temporal_client_free(client);
  return 0;
}
