/*
 * encryption_codec: a client whose payloads are encrypted end to end, as the Go samples'
 * encryption sample (samples-go encryption/starter), in C.
 *
 * Connects with the AES-GCM payload codec of encryption_codec.h (the Go samples' codec, byte
 * for byte), starts Echo("secret value") on task queue temporal-ffi-codec, waits for its
 * result and prints it. The server only ever stores "binary/encrypted" payloads: the Go worker
 * on that queue (tests/worker, codec.go) has the same codec and key, decrypts the argument
 * and encrypts its result, which this program decrypts.
 *
 *   encryption_codec [ADDRESS [WORKFLOW_ID]]
 *       ADDRESS: host:port; default: the environment configuration ($TEMPORAL_ADDRESS...),
 *       else localhost:7233. WORKFLOW_ID: default "encryption-codec-workflow".
 *
 * The key is the samples' test key; TEMPORAL_TEST_CODEC_KEY (32 bytes) overrides it, as it
 * does for the test worker. A real program fetches its key from a key management service.
 *
 * Build: cc -std=c11 -Iinclude encryption_codec.c -ltemporal_ffi -lcrypto
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "encryption_codec.h"
#include "temporal.h"

/* Prints what went wrong, frees the error and exits 1 (the Go sample's log.Fatalln). */
static void fail(const char *what, temporal_error *err) {
  fprintf(stderr, "%s: %s: %s\n", what, temporal_error_code_name(temporal_error_get_code(err)),
          temporal_error_get_message(err));
  temporal_error_free(err);
  exit(1);
}

/* Outlives every client: the library calls encode and decode with it until the last one is
   freed. */
static encryption_codec g_codec;

int main(int argc, char **argv) {
  const char *key = getenv("TEMPORAL_TEST_CODEC_KEY");
  if (!key || !*key) key = "test-key-test-key-test-key-test!";
  if (!encryption_codec_init(&g_codec, "test-key", key, strlen(key))) {
    fprintf(stderr, "the encryption key must be %d bytes\n", ENCRYPTION_CODEC_KEY_LEN);
    return 1;
  }
  temporal_payload_codec codec;
  if (!encryption_codec_table(&g_codec, &codec)) {
    fprintf(stderr, "this library does not take a payload codec table of %zu bytes\n", sizeof codec);
    return 1;
  }

  temporal_client_options client_options;
  temporal_client_options_default(&client_options, sizeof client_options);
  client_options.address = argc > 1 ? argv[1] : NULL; /* NULL: the environment, else the default */
  /* Every payload this client sends is encoded, every one it receives decoded. */
  client_options.payload_codec = &codec;

  temporal_client *client = NULL;
  temporal_error *err = temporal_client_connect(&client_options, &client);
  if (err) fail("unable to create Temporal client", err);

  temporal_start_workflow_options options;
  temporal_start_workflow_options_default(&options, sizeof options);
  options.id = argc > 2 ? argv[2] : "encryption-codec-workflow";
  options.task_queue = "temporal-ffi-codec";

  temporal_workflow_run *we = NULL;
  err = temporal_execute_workflow(client, "Echo", "[\"secret value\"]", &options, &we);
  if (err) {
    temporal_client_free(client);
    fail("unable to execute Workflow", err);
  }

  char *result_json = NULL;
  err = temporal_get_result(we, TEMPORAL_TIMEOUT_NONE, &result_json);
  if (err) {
    temporal_workflow_run_free(we);
    temporal_client_free(client);
    fail("unable to get Workflow result", err);
  }

  printf("WorkflowID: %s RunID: %s\n", temporal_workflow_run_get_id(we), temporal_workflow_run_get_run_id(we));
  printf("Result: %s\n", result_json);

  temporal_string_free(result_json);
  temporal_workflow_run_free(we);
  temporal_client_free(client);
  return 0;
}
