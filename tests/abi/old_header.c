/*
 * A program built with an older header runs against this library: its option structs are
 * smaller, the library reads only what their `size` covers, and the fields it lacks take their
 * defaults. Built twice (Makefile `abi-tests`): with tests/abi/headers/0.2.0 (the 0.2.0 header
 * as released) and with tests/abi/headers/trimmed (the same header with every options struct
 * ended before its last fields, as an older minor version's header would have them).
 *
 * Each struct sits at the start of a buffer whose remaining bytes are 0xA5: the library must
 * neither write past the struct (the _default functions get the program's own sizeof) nor read
 * past it (a pointer made of 0xA5 bytes would be refused or crash).
 *
 * Needs TEMPORAL_ADDRESS and TEMPORAL_TEST_TASK_QUEUE (tests/harness/with-dev-server.sh).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "temporal.h"

static int passed, failed;

#define CHECK(cond, ...)                                             \
  do {                                                               \
    if (cond) {                                                      \
      passed++;                                                      \
    } else {                                                         \
      failed++;                                                      \
      fprintf(stderr, "old header: FAIL %s:%d: ", __FILE__, __LINE__); \
      fprintf(stderr, __VA_ARGS__);                                  \
      fprintf(stderr, "\n");                                         \
    }                                                                \
  } while (0)

/* A struct followed by bytes the library must not touch. */
#define PADDED(type) \
  union {            \
    type s;          \
    unsigned char bytes[sizeof(type) + 256]; \
  }

static int untouched_after(const unsigned char *bytes, size_t from, size_t to) {
  for (size_t i = from; i < to; i++)
    if (bytes[i] != 0xA5) return 0;
  return 1;
}

static const char *message(const temporal_error *e) { return e ? temporal_error_get_message(e) : ""; }

int main(void) {
  const char *address = getenv("TEMPORAL_ADDRESS");
  const char *task_queue = getenv("TEMPORAL_TEST_TASK_QUEUE");
  if (!address || !task_queue) {
    fprintf(stderr, "old header: run under tests/harness/with-dev-server.sh\n");
    return 2;
  }
  printf("old header: built with %s structs: client %zu, start %zu, call %zu, runtime %zu bytes\n",
         TEMPORAL_FFI_VERSION, sizeof(temporal_client_options), sizeof(temporal_start_workflow_options),
         sizeof(temporal_call_options), sizeof(temporal_runtime_options));

  PADDED(temporal_runtime_options) rt;
  memset(rt.bytes, 0xA5, sizeof rt.bytes);
  CHECK(temporal_runtime_options_default(&rt.s, sizeof rt.s), "runtime options default");
  CHECK(rt.s.size == sizeof rt.s, "the size written is the program's: %zu", rt.s.size);
  CHECK(untouched_after(rt.bytes, sizeof rt.s, sizeof rt.bytes), "nothing written past the runtime options");
  rt.s.worker_threads = 2;
  temporal_error *err = temporal_runtime_init(&rt.s);
  CHECK(err == NULL, "runtime init: %s", message(err));
  temporal_error_free(err);

  PADDED(temporal_client_options) copts;
  memset(copts.bytes, 0xA5, sizeof copts.bytes);
  CHECK(temporal_client_options_default(&copts.s, sizeof copts.s), "client options default");
  CHECK(untouched_after(copts.bytes, sizeof copts.s, sizeof copts.bytes), "nothing written past the client options");
  copts.s.address = address;
  temporal_client *client = NULL;
  err = temporal_client_connect(&copts.s, &client);
  CHECK(err == NULL && client, "connect: %s", message(err));
  temporal_error_free(err);
  if (!client) goto done;

  PADDED(temporal_start_workflow_options) sopts;
  memset(sopts.bytes, 0xA5, sizeof sopts.bytes);
  CHECK(temporal_start_workflow_options_default(&sopts.s, sizeof sopts.s), "start options default");
  CHECK(untouched_after(sopts.bytes, sizeof sopts.s, sizeof sopts.bytes), "nothing written past the start options");
  sopts.s.task_queue = task_queue;
  char id[96];
  snprintf(id, sizeof id, "old-header-%s-%ld", TEMPORAL_FFI_VERSION, (long)sizeof(temporal_start_workflow_options));
  sopts.s.id = id;
  sopts.s.id_conflict_policy = TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING;
  temporal_workflow_run *run = NULL;
  err = temporal_execute_workflow(client, "Echo", "[\"from an older header\"]", &sopts.s, &run);
  CHECK(err == NULL && run, "start: %s", message(err));
  temporal_error_free(err);

  if (run) {
    PADDED(temporal_call_options) call_opts;
    memset(call_opts.bytes, 0xA5, sizeof call_opts.bytes);
    CHECK(temporal_call_options_default(&call_opts.s, sizeof call_opts.s), "call options default");
    CHECK(untouched_after(call_opts.bytes, sizeof call_opts.s, sizeof call_opts.bytes), "nothing written past the call options");
    call_opts.s.timeout_ms = 30000;
    temporal_call *call = NULL;
    err = temporal_get_result_async(run, &call_opts.s, &call);
    CHECK(err == NULL && call, "result wait: %s", message(err));
    temporal_error_free(err);
    if (call) {
      err = temporal_call_wait(call, TEMPORAL_TIMEOUT_NONE);
      CHECK(err == NULL, "wait: %s", message(err));
      temporal_error_free(err);
      const temporal_error *failure = temporal_call_get_error(call);
      const char *json = temporal_call_get_json(call);
      CHECK(failure == NULL && json && strcmp(json, "\"from an older header\"") == 0, "result %s (%s)", json ? json : "NULL",
            message(failure));
      temporal_call_free(call);
    }

    /* The fields past the program's struct took their defaults: no memo, no cron schedule. */
    call = NULL;
    err = temporal_describe_workflow_execution_async(client, id, NULL, &call_opts.s, &call);
    CHECK(err == NULL && call, "describe: %s", message(err));
    temporal_error_free(err);
    if (call) {
      err = temporal_call_wait(call, TEMPORAL_TIMEOUT_NONE);
      temporal_error_free(err);
      const char *json = temporal_call_get_json(call);
      CHECK(json && strstr(json, "\"memo\":{}") && strstr(json, "\"status\":\"COMPLETED\""), "described: %s", json ? json : "NULL");
      temporal_call_free(call);
    }
    temporal_workflow_run_free(run);
  }

  temporal_client_free(client);

done:
  printf("old header: %d passed, %d failed\n", passed, failed);
  return failed != 0;
}
