/*
 * money_transfer: the Temporal money-transfer template's starter (start/main.go), in C.
 *
 * Starts TransferMoney on task queue TRANSFER_MONEY_TASK_QUEUE and exits at once, without
 * waiting for the result: an asynchronous start. The workflow goes on without this process;
 * any other process can wait for its result later with the Workflow ID (see reattach.c).
 *
 *   money_transfer [WORKFLOW_ID]    default ID: transfer-money-workflow
 *
 * The server address comes from the environment configuration ($TEMPORAL_ADDRESS...), else
 * localhost:7233.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "temporal.h"

/* The workflow's input, the template's app.TransferDetails. */
struct transfer_details {
  double amount;
  const char *from_account;
  const char *to_account;
  char reference_id[37];
};

static void fail(const char *what, temporal_error *err) {
  fprintf(stderr, "%s: %s: %s\n", what, temporal_error_code_name(temporal_error_get_code(err)),
          temporal_error_get_message(err));
  temporal_error_free(err);
  exit(1);
}

/* Writes a random (version 4) UUID, like the seed's uuid.New().String(), into out[37]. */
static void new_uuid(char out[37]) {
  unsigned char b[16];
  FILE *f = fopen("/dev/urandom", "rb");
  if (!f || fread(b, 1, sizeof b, f) != sizeof b) {
    srand((unsigned)time(NULL) ^ (unsigned)clock());
    for (size_t i = 0; i < sizeof b; i++) b[i] = (unsigned char)rand();
  }
  if (f) fclose(f);
  b[6] = (unsigned char)((b[6] & 0x0f) | 0x40); /* version 4 */
  b[8] = (unsigned char)((b[8] & 0x3f) | 0x80); /* RFC 4122 variant */
  snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
           b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13],
           b[14], b[15]);
}

int main(int argc, char **argv) {
  temporal_client_options client_options;
  temporal_client_options_default(&client_options, sizeof client_options); /* address: from the environment */

  temporal_client *client = NULL;
  temporal_error *err = temporal_client_connect(&client_options, &client);
  if (err) fail("unable to create Temporal client", err);

  temporal_start_workflow_options options;
  temporal_start_workflow_options_default(&options, sizeof options);
  options.id = argc > 1 ? argv[1] : "transfer-money-workflow";
  options.task_queue = "TRANSFER_MONEY_TASK_QUEUE";

  struct transfer_details details = {54.99, "001-001", "002-002", {0}};
  new_uuid(details.reference_id);

  /* One argument, the TransferDetails object; its JSON keys are the Go field names. */
  char args_json[256];
  snprintf(args_json, sizeof args_json,
           "[{\"Amount\":%.2f,\"FromAccount\":\"%s\",\"ToAccount\":\"%s\",\"ReferenceID\":\"%s\"}]",
           details.amount, details.from_account, details.to_account, details.reference_id);

  temporal_workflow_run *we = NULL;
  err = temporal_execute_workflow(client, "TransferMoney", args_json, &options, &we);
  if (err) {
    temporal_client_free(client);
    fail("error starting TransferMoney workflow", err);
  }

  printf("\nTransfer of $%.2f from account %s to account %s is processing. ReferenceID: %s\n",
         details.amount, details.from_account, details.to_account, details.reference_id);
  printf("\nWorkflowID: %s RunID: %s\n", temporal_workflow_run_get_id(we),
         temporal_workflow_run_get_run_id(we));

  /* No temporal_get_result: the workflow runs on in the server after we exit. */
  temporal_workflow_run_free(we);
  temporal_client_free(client);
  return 0;
}
