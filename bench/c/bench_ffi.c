/* Benchmark client: temporal-ffi from C. Usage:
 *   bench_ffi ADDRESS start-seq N | start-and-wait-seq N | start-concurrent N C | block-waits N
 * Prints one JSON line. block-waits: starts N `Block` workflows, parks N temporal_get_result_async
 * waits on them, signals "unblock" to each, and times until every wait returned. */
#include <malloc.h>
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
static temporal_client *client;
static atomic_long seq, issued, done_n, errors, res_err[32], sig_err[32];
static long total;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9; }
static void die(temporal_error *e, const char *what) {
  fprintf(stderr, "%s: %s: %s\n", what, temporal_error_code_name(temporal_error_get_code(e)), temporal_error_get_message(e));
  exit(1);
}
static void opts_for(temporal_start_workflow_options *o, char *id, size_t idlen, const char *prefix) {
  temporal_start_workflow_options_default(o);
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
static void launch(void);
static void count_err(atomic_long *by_code, temporal_error *e, const char *what);
static void on_start(void *ud, temporal_error *e, char *res, temporal_workflow_run *run) {
  (void)ud; (void)res;
  if (e) { atomic_fetch_add(&errors, 1); temporal_error_free(e); }
  temporal_workflow_run_free(run);
  launch();            /* keep C in flight: the callback starts the next one */
  finish_one();
}
static void launch(void) {
  if (atomic_fetch_add(&issued, 1) >= total) return;
  char id[96]; temporal_start_workflow_options o; opts_for(&o, id, sizeof id, "c");
  temporal_error *e = temporal_execute_workflow_async(client, "Echo", "[\"hi\"]", &o, on_start, NULL, NULL);
  if (e) die(e, "execute_async");
}

/* block-waits: starts and signals go out 100 at a time (each callback issues the next one) */
static temporal_workflow_run **runs;
static char (*ids)[96];
static atomic_long sig_issued;
static void block_launch(void);
static void on_block_start(void *ud, temporal_error *e, char *res, temporal_workflow_run *run) {
  (void)res;
  if (e) die(e, "start Block");
  runs[(long)ud] = run;
  block_launch();
  finish_one();
}
static void block_launch(void) {
  long i = atomic_fetch_add(&issued, 1);
  if (i >= total) return;
  temporal_start_workflow_options o; opts_for(&o, ids[i], 96, "blk");
  temporal_error *e = temporal_execute_workflow_async(client, "Block", NULL, &o, on_block_start, (void *)i, NULL);
  if (e) die(e, "start");
}
static void signal_launch(void);
static void on_signal(void *ud, temporal_error *e, char *res, temporal_workflow_run *run) {
  (void)ud; (void)res; (void)run;
  if (e) count_err(sig_err, e, "signal");
  signal_launch();
}
static void signal_launch(void) {
  long i = atomic_fetch_add(&sig_issued, 1);
  if (i >= total) return;
  temporal_error *e = temporal_signal_workflow_async(client, ids[i], NULL, "unblock", "[\"go\"]", 0, on_signal, NULL, NULL);
  if (e) die(e, "signal");
}
static void count_err(atomic_long *by_code, temporal_error *e, const char *what) {
  int c = temporal_error_get_code(e) & 31;
  if (atomic_fetch_add(&by_code[c], 1) == 0) /* first of its kind: say what it was */
    fprintf(stderr, "%s: %s: %s\n", what, temporal_error_code_name(c), temporal_error_get_message(e));
  atomic_fetch_add(&errors, 1);
  temporal_error_free(e);
}
static atomic_long delivered; /* results with the expected value */
static void on_result(void *ud, temporal_error *e, char *res, temporal_workflow_run *run) {
  (void)ud; (void)run;
  if (e) count_err(res_err, e, "get_result");
  else if (res && !strcmp(res, "\"unblocked: go\"")) atomic_fetch_add(&delivered, 1);
  temporal_string_free(res);
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
  if (getenv("BENCH_WORKERS")) { /* diagnostics: the runtime's thread count */
    temporal_runtime_options ro; temporal_runtime_options_default(&ro);
    ro.worker_threads = (uint32_t)atoi(getenv("BENCH_WORKERS"));
    temporal_error *re = temporal_runtime_init(&ro);
    if (re) die(re, "runtime_init");
  }
  temporal_client_options copts; temporal_client_options_default(&copts);
  copts.address = argv[1];
  /* BENCH_GZIP=1: gzip request compression, the Go SDK's default (label c-ffi-gzip) */
  int gzip = getenv("BENCH_GZIP") && *getenv("BENCH_GZIP") == '1';
  if (gzip) copts.grpc_compression = TEMPORAL_GRPC_COMPRESSION_GZIP;
  temporal_error *e = temporal_client_connect(&copts, &client);
  if (e) die(e, "connect");
  double *lat = calloc(n, sizeof *lat), extra = 0;
  long rss_parked_kb = 0, heap_parked_kb = 0;
  int seqmode = !strcmp(mode, "start-seq") || !strcmp(mode, "start-and-wait-seq");
  double t0 = now();
  if (seqmode) {
    int wait = !strcmp(mode, "start-and-wait-seq");
    for (long i = 0; i < n; i++) {
      char id[96]; temporal_start_workflow_options o; opts_for(&o, id, sizeof id, "s");
      double t = now();
      temporal_workflow_run *run = NULL; char *res = NULL;
      if ((e = temporal_execute_workflow(client, "Echo", "[\"hi\"]", &o, &run))) die(e, "execute");
      if (wait && (e = temporal_get_result(run, 0, &res))) die(e, "get_result");
      lat[i] = (now() - t) * 1000;
      temporal_string_free(res); temporal_workflow_run_free(run);
    }
  } else if (!strcmp(mode, "start-concurrent")) {
    total = n;
    for (long i = 0; i < conc && i < n; i++) launch();
    wait_all();
  } else if (!strcmp(mode, "block-waits")) {
    runs = calloc(n, sizeof *runs);
    ids = calloc(n, 96);
    total = n; /* phase 1: start n Block workflows */
    for (long i = 0; i < 100 && i < n; i++) block_launch();
    wait_all();
    atomic_store(&done_n, 0); /* phase 2: n parked waits, then signal each */
    /* BENCH_WAIT_BATCH=K (diagnostics): park K waits every 100 ms instead of all at once */
    long batch = getenv("BENCH_WAIT_BATCH") ? atol(getenv("BENCH_WAIT_BATCH")) : 0;
    for (long i = 0; i < n; i++) {
      if ((e = temporal_get_result_async(runs[i], 0, on_result, NULL, NULL))) die(e, "get_result_async");
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
  printf("{\"client\":\"%s\",\"mode\":\"%s\",\"n\":%ld,\"concurrency\":%ld,\"wall_s\":%.6f,\"latencies_ms\":[",
         gzip ? "c-ffi-gzip" : "c-ffi", mode, n,
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
  temporal_client_free(client);
  return 0;
}
