/*
 * reattach: waits for the result of a workflow that another process started, knowing only
 * its Workflow ID (and optionally its Run ID): the Go SDK's client.GetWorkflow + Get.
 *
 *   reattach WORKFLOW_ID [RUN_ID]    without RUN_ID: the latest run of WORKFLOW_ID
 *
 * For example, after `money_transfer`:  reattach transfer-money-workflow
 * The server address comes from the environment configuration ($TEMPORAL_ADDRESS...), else
 * localhost:7233.
 */
#include <stdio.h>
#include <stdlib.h>

#include "temporal.h"

static void fail(const char *what, temporal_error *err) {
  fprintf(stderr, "%s: %s: %s\n", what, temporal_error_code_name(temporal_error_get_code(err)),
          temporal_error_get_message(err));
  temporal_error_free(err);
  exit(1);
}

int main(int argc, char **argv) {
  if (argc < 2 || argc > 3) {
    fprintf(stderr, "usage: %s WORKFLOW_ID [RUN_ID]\n", argv[0]);
    return 2;
  }
  const char *workflow_id = argv[1];
  const char *run_id = argc > 2 ? argv[2] : NULL;

  temporal_client_options client_options;
  temporal_client_options_default(&client_options, sizeof client_options); /* address: from the environment */

  temporal_client *client = NULL;
  temporal_error *err = temporal_client_connect(&client_options, &client);
  if (err) fail("unable to create Temporal client", err);

  /* No server call here: the latest run is pinned by the result wait. */
  temporal_workflow_run *we = NULL;
  err = temporal_get_workflow(client, workflow_id, run_id, &we);
  if (err) {
    temporal_client_free(client);
    fail("unable to get Workflow", err);
  }

  char *result_json = NULL;
  err = temporal_get_result(we, TEMPORAL_TIMEOUT_NONE, &result_json);
  if (err) {
    temporal_workflow_run_free(we);
    temporal_client_free(client);
    fail("unable to get Workflow result", err);
  }

  printf("WorkflowID: %s RunID: %s\nResult: %s\n", temporal_workflow_run_get_id(we),
         temporal_workflow_run_get_run_id(we), result_json);

  temporal_string_free(result_json);
  temporal_workflow_run_free(we);
  temporal_client_free(client);
  return 0;
}
