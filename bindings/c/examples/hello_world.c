/*
 * hello_world: the Temporal hello-world template's starter (start/main.go), in C.
 *
 * Starts GreetingWorkflow("World") on task queue GREETING_TASK_QUEUE with the Workflow ID
 * "greeting-workflow", waits for its result and prints it. A worker for that task queue must
 * be running (tests/worker does it).
 *
 *   hello_world [ADDRESS]     ADDRESS: host:port; default: the environment configuration
 *                             ($TEMPORAL_ADDRESS...), else localhost:7233
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "temporal.h"

/* Prints what went wrong, frees the error and exits 1 (the Go seed's log.Fatalln). */
static void fail(const char *what, temporal_error *err) {
  fprintf(stderr, "%s: %s: %s\n", what, temporal_error_code_name(temporal_error_get_code(err)),
          temporal_error_get_message(err));
  temporal_error_free(err);
  exit(1);
}

/*
 * Decodes a JSON string result in place: "\"Hello World!\"" becomes "Hello World!".
 * Deliberately tiny: it only strips the quotes, which is enough for GreetingWorkflow's result
 * (a JSON string without escape sequences). A real program would use a JSON parser.
 */
static char *json_string_value(char *json) {
  size_t len = strlen(json);
  if (len >= 2 && json[0] == '"' && json[len - 1] == '"') {
    json[len - 1] = '\0';
    return json + 1;
  }
  return json;
}

int main(int argc, char **argv) {
  /* Create the client object just once per process. */
  temporal_client_options client_options;
  temporal_client_options_default(&client_options, sizeof client_options);
  client_options.address = argc > 1 ? argv[1] : NULL; /* NULL: the environment, else the default */

  temporal_client *client = NULL;
  temporal_error *err = temporal_client_connect(&client_options, &client);
  if (err) fail("unable to create Temporal client", err);

  temporal_start_workflow_options options;
  temporal_start_workflow_options_default(&options, sizeof options);
  options.id = "greeting-workflow";
  options.task_queue = "GREETING_TASK_QUEUE";

  /* The workflow's arguments, as a JSON array: GreetingWorkflow(name string). */
  temporal_workflow_run *we = NULL;
  err = temporal_execute_workflow(client, "GreetingWorkflow", "[\"World\"]", &options, &we);
  if (err) {
    temporal_client_free(client);
    fail("unable to complete Workflow", err);
  }

  char *result_json = NULL;
  err = temporal_get_result(we, TEMPORAL_TIMEOUT_NONE, &result_json);
  if (err) {
    temporal_workflow_run_free(we);
    temporal_client_free(client);
    fail("unable to get Workflow result", err);
  }

  printf("\nWorkflowID: %s RunID: %s\n", temporal_workflow_run_get_id(we),
         temporal_workflow_run_get_run_id(we));
  printf("\n%s\n\n", json_string_value(result_json));

  temporal_string_free(result_json);
  temporal_workflow_run_free(we);
  temporal_client_free(client);
  return 0;
}
