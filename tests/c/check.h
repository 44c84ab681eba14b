/*
 * check.h: the assertion helpers of the C test programs (test_temporal.c,
 * test_completion_queue.c, test_async_activity.c, test_update.c).
 *
 * A test is a `static bool test_x(void)`; CHECK(cond, fmt, ...) returns false from it with the
 * line, the condition and a message in g_msg, which the runner prints.
 */
#ifndef TEMPORAL_FFI_TESTS_CHECK_H
#define TEMPORAL_FFI_TESTS_CHECK_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "temporal.h"

/* The failure message of the test that ran last. */
static char g_msg[2048];

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static inline bool fail_at(int line, const char *cond, const char *fmt, ...) {
  int n = snprintf(g_msg, sizeof g_msg, "line %d: (%s) ", line, cond);
  if (n < 0 || (size_t)n >= sizeof g_msg) return false;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(g_msg + n, sizeof g_msg - (size_t)n, fmt, ap);
  va_end(ap);
  return false;
}

#define CHECK(cond, ...)                                           \
  do {                                                             \
    if (!(cond)) return fail_at(__LINE__, #cond, __VA_ARGS__);     \
  } while (0)

static inline const char *code_name(const temporal_error *e) {
  return temporal_error_code_name(temporal_error_get_code(e));
}

/* The error must be NULL (success). */
#define CHECK_OK(err)                                                                     \
  do {                                                                                    \
    const temporal_error *e_ = (err);                                                     \
    CHECK(e_ == NULL, "unexpected error %s: %s (details %s)", code_name(e_),              \
          temporal_error_get_message(e_),                                                 \
          temporal_error_get_details(e_) ? temporal_error_get_details(e_) : "none");      \
  } while (0)

/* The error must be non-NULL with this code. */
#define CHECK_CODE(err, code)                                                             \
  do {                                                                                    \
    const temporal_error *e_ = (err);                                                     \
    CHECK(e_ != NULL, "expected error %s, got success", temporal_error_code_name(code));  \
    CHECK(temporal_error_get_code(e_) == (code), "expected %s, got %s: %s (details %s)",  \
          temporal_error_code_name(code), code_name(e_), temporal_error_get_message(e_),  \
          temporal_error_get_details(e_) ? temporal_error_get_details(e_) : "none");      \
  } while (0)

#define CHECK_STREQ(actual, expected)                                                     \
  do {                                                                                    \
    const char *a_ = (actual), *x_ = (expected);                                          \
    CHECK(a_ != NULL && strcmp(a_, x_) == 0, "got '%s', want '%s'", a_ ? a_ : "(null)", x_); \
  } while (0)

#define CHECK_CONTAINS(haystack, needle)                                                  \
  do {                                                                                    \
    const char *h_ = (haystack), *n_ = (needle);                                          \
    CHECK(h_ != NULL && strstr(h_, n_) != NULL, "'%s' does not contain '%s'",             \
          h_ ? h_ : "(null)", n_);                                                        \
  } while (0)

/* Seconds on the monotonic clock. */
static inline double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

#endif /* TEMPORAL_FFI_TESTS_CHECK_H */
