/* Shared helpers for the fault tests (tests/faults). C11 + POSIX. */
#ifndef FAULTS_COMMON_H
#define FAULTS_COMMON_H

#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "temporal.h"

static inline double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Wall clock in ms since the epoch (comparable with `date +%s%3N` in the driver). */
static inline int64_t wall_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static inline long env_long(const char *name, long dflt) {
  const char *v = getenv(name);
  if (!v || !*v) return dflt;
  return strtol(v, NULL, 10);
}

static inline const char *env_str(const char *name, const char *dflt) {
  const char *v = getenv(name);
  return (v && *v) ? v : dflt;
}

static inline void sleep_ms(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  while (nanosleep(&ts, &ts) != 0) {
  }
}

/* The ok/FAIL lines of a fault program's checks, counted; main exits non-zero if any failed. */
static struct { int passed, failed; } checks;

static inline void check(int cond, const char *name, const char *fmt, ...) {
  char msg[1536];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (cond) { checks.passed++; printf("  ok   %s: %s\n", name, msg); }
  else { checks.failed++; printf("  FAIL %s: %s\n", name, msg); }
  fflush(stdout);
}

/* "CODE: message" of an error, into buf (for diagnostics). */
static inline const char *err_text(const temporal_error *e, char *buf, size_t n) {
  snprintf(buf, n, "%s: %s", temporal_error_code_name(temporal_error_get_code(e)),
           temporal_error_get_message(e));
  return buf;
}

#endif
