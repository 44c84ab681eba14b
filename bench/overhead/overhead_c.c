/* ABI overhead benchmark, C side: N sequential blocking temporal_execute_workflow calls
 * against bench/overhead/fakeserver (a gRPC server that answers at once).
 *
 *   overhead_c ADDRESS N [WARMUP]       (WARMUP default 2000)
 *
 * Prints one JSON line:
 *   {"client":"c-abi","n":N,"wall_us_per_call":..,"cpu_us_per_call":..,"p50_us":..,"p99_us":..,
 *    "user_us_per_call":..,"sys_us_per_call":..}
 * cpu_us_per_call is the whole process's getrusage (user+sys, every thread: the library's
 * runtime threads do most of the work) over the timed loop only, divided by N.
 * The same loop in Rust, without the C ABI, is rust_direct.rs; keep the two in step. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>
#include "temporal.h"

#define TQ "bench-overhead"
#define WORKFLOW_TYPE "Echo"
#define ARGS "[\"hi\"]"

static temporal_client *client;
static long seq;

static int64_t now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}
static int64_t cpu_us(struct rusage *r) {
  return (int64_t)(r->ru_utime.tv_sec + r->ru_stime.tv_sec) * 1000000 + r->ru_utime.tv_usec + r->ru_stime.tv_usec;
}
static void die(temporal_error *e, const char *what) {
  fprintf(stderr, "overhead_c: %s: %s: %s\n", what, temporal_error_code_name(temporal_error_get_code(e)),
          temporal_error_get_message(e));
  exit(1);
}
static int cmp_i64(const void *a, const void *b) {
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return (x > y) - (x < y);
}

/* One start, exactly what an application does: options, a unique ID, the blocking call, free. */
static inline void one_call(void) {
  char id[64];
  temporal_start_workflow_options o;
  temporal_start_workflow_options_default(&o, sizeof o);
  snprintf(id, sizeof id, "ovh-%ld", seq++);
  o.id = id;
  o.task_queue = TQ;
  temporal_workflow_run *run = NULL;
  temporal_error *e = temporal_execute_workflow(client, WORKFLOW_TYPE, ARGS, &o, &run);
  if (e) die(e, "temporal_execute_workflow");
  temporal_workflow_run_free(run);
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s ADDRESS N [WARMUP]\n", argv[0]);
    return 2;
  }
  long n = atol(argv[2]);
  long warmup = argc > 3 ? atol(argv[3]) : 2000;
  if (n <= 0 || warmup < 0) {
    fprintf(stderr, "overhead_c: N must be > 0 and WARMUP >= 0\n");
    return 2;
  }

  temporal_client_options co;
  temporal_client_options_default(&co, sizeof co);
  co.address = argv[1];
  co.connect_timeout_ms = 10000;
  temporal_error *e = temporal_client_connect(&co, &client);
  if (e) die(e, "temporal_client_connect");

  for (long i = 0; i < warmup; i++) one_call();

  int64_t *lat = malloc(sizeof *lat * (size_t)n);
  if (!lat) return 1;
  struct rusage r0, r1;
  getrusage(RUSAGE_SELF, &r0);
  int64_t t0 = now_ns();
  for (long i = 0; i < n; i++) {
    int64_t s = now_ns();
    one_call();
    lat[i] = now_ns() - s;
  }
  int64_t wall = now_ns() - t0;
  getrusage(RUSAGE_SELF, &r1);

  qsort(lat, (size_t)n, sizeof *lat, cmp_i64);
  double user = (double)((int64_t)(r1.ru_utime.tv_sec - r0.ru_utime.tv_sec) * 1000000 + (r1.ru_utime.tv_usec - r0.ru_utime.tv_usec));
  double sys = (double)((int64_t)(r1.ru_stime.tv_sec - r0.ru_stime.tv_sec) * 1000000 + (r1.ru_stime.tv_usec - r0.ru_stime.tv_usec));
  printf("{\"client\":\"c-abi\",\"n\":%ld,\"wall_us_per_call\":%.3f,\"cpu_us_per_call\":%.3f,"
         "\"p50_us\":%.3f,\"p99_us\":%.3f,\"user_us_per_call\":%.3f,\"sys_us_per_call\":%.3f}\n",
         n, wall / 1e3 / n, (double)(cpu_us(&r1) - cpu_us(&r0)) / n, lat[(n - 1) / 2] / 1e3,
         lat[(long)((n - 1) * 0.99)] / 1e3, user / n, sys / n);
  fflush(stdout);
  free(lat);
  temporal_client_free(client);
  return 0;
}
