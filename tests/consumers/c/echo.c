/*
 * A consumer of an installed temporal-ffi: runs Echo(["hi"]) on $TEMPORAL_TEST_TASK_QUEUE at
 * $TEMPORAL_ADDRESS and checks that the result is "hi". Built by tests/consumers/run.sh
 * through pkg-config and through CMake, linked against the shared and the static library.
 *
 *   echo LABEL     LABEL goes into the Workflow ID and the output
 */
#define _POSIX_C_SOURCE 200809L /* getpid */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <temporal.h>

static int fail(const char *label, const char *what, temporal_error *err) {
  fprintf(stderr, "%s: %s: %s: %s\n", label, what,
          temporal_error_code_name(temporal_error_get_code(err)), temporal_error_get_message(err));
  temporal_error_free(err);
  return 1;
}

int main(int argc, char **argv) {
  const char *label = argc > 1 ? argv[1] : "c-consumer";
  const char *address = getenv("TEMPORAL_ADDRESS");
  const char *queue = getenv("TEMPORAL_TEST_TASK_QUEUE");
  if (!address || !queue) {
    fprintf(stderr, "%s: TEMPORAL_ADDRESS and TEMPORAL_TEST_TASK_QUEUE must be set\n", label);
    return 2;
  }
  if (strcmp(temporal_version(), TEMPORAL_FFI_VERSION) != 0) {
    fprintf(stderr, "%s: header %s but library %s\n", label, TEMPORAL_FFI_VERSION, temporal_version());
    return 1;
  }

  temporal_client_options client_options;
  temporal_client_options_default(&client_options, sizeof client_options);
  client_options.address = address;
  temporal_client *client = NULL;
  temporal_error *err = temporal_client_connect(&client_options, &client);
  if (err) return fail(label, "connect", err);

  char id[128];
  snprintf(id, sizeof id, "consumer-%s-%ld-%ld", label, (long)getpid(), (long)time(NULL));
  temporal_start_workflow_options options;
  temporal_start_workflow_options_default(&options, sizeof options);
  options.id = id;
  options.task_queue = queue;
  temporal_workflow_run *run = NULL;
  err = temporal_execute_workflow(client, "Echo", "[\"hi\"]", &options, &run);
  if (err) {
    temporal_client_free(client);
    return fail(label, "execute", err);
  }
  char *result = NULL;
  err = temporal_get_result(run, 60000, &result);
  temporal_workflow_run_free(run);
  temporal_client_free(client);
  if (err) return fail(label, "get result", err);

  int ok = strcmp(result, "\"hi\"") == 0;
  printf("%s: temporal-ffi %s: Echo -> %s%s\n", label, temporal_version(), result, ok ? "" : " (expected \"hi\")");
  temporal_string_free(result);
  return ok ? 0 : 1;
}
