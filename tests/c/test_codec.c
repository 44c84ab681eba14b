/*
 * test_codec: payload codecs (temporal_client_options.payload_codec, temporal_payloads_*,
 * args_payloads / result_as_payloads) against a real Temporal server and a Go SDK worker whose
 * client has the AES-GCM codec of Temporal's Go samples (tests/worker/codec.go, task queue
 * temporal-ffi-codec). The C side is the same codec (bindings/c/examples/encryption_codec.h):
 * each side reads what the other wrote, and the server stores only ciphertext.
 *
 * Run it inside tests/harness/with-dev-server.sh (TEMPORAL_ADDRESS, TEMPORAL_TEST_TASK_QUEUE).
 *
 *   test_codec [NAME_SUBSTRING]   runs every test, or those whose name contains it
 *
 * The cases: an Echo round trip whose history holds only binary/encrypted payloads; a client
 * without the codec (its plain arguments pass, the worker's encrypted results are a PAYLOAD
 * error naming binary/encrypted); failure details decoded; signal-with-start, update, query,
 * signal and update-with-start arguments and results through the codec (the workflow
 * CodecProbe reports what it received); args_payloads / workflow_args_payloads /
 * result_as_payloads with raw binary/plain bytes; codecs that fail, write too many or too few
 * payloads, or do not know the key ID (PAYLOAD, nothing started); release() exactly once after
 * the last client, run, update handle and call; NULL callbacks refused at connect (no release);
 * the payload list's refusals.
 *
 * Environment (bounds, with their defaults):
 *   TEMPORAL_TEST_CODEC_TASK_QUEUE  the codec worker's task queue (temporal-ffi-codec)
 *   TEMPORAL_TEST_CODEC_KEY         the 32-byte key, as the worker reads it (the samples' key)
 *   TEMPORAL_TEST_CODEC_WAIT_MS     how long one wait (result, history, query poll) may take
 *                                   (30000)
 *   TEMPORAL_TEST_CODEC_RELEASE_MS  how long release() may take to come after the last free
 *                                   (2000)
 * It prints "codec: N passed, M failed", then an ok or FAIL line for the shared codec's
 * release (once, after its client is freed); the exit status is 1 on any FAIL.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdatomic.h>
#include <stdint.h>

#include "server_test.h"
#include "../../bindings/c/examples/encryption_codec.h"

/* ---------------------------------------------------------------- a codec that counts */

enum codec_mode {
  CODEC_NORMAL,
  CODEC_ENCODE_FAILS,     /* encode: temporal_payloads_set_error("no key"), return 1 */
  CODEC_ENCODE_ONE_EXTRA, /* encode: one payload more than the input */
  CODEC_ENCODE_NOTHING,   /* encode: return 0 with no payload written */
};

/* The encryption codec, counting its calls; `mode` breaks it on purpose. */
typedef struct counting_codec {
  encryption_codec inner;
  int mode;
  atomic_int encodes;
  atomic_int decodes;
  atomic_int releases;
} counting_codec;

static int32_t counting_encode(void *user_data, const temporal_payloads *input, temporal_payloads *output) {
  counting_codec *c = (counting_codec *)user_data;
  atomic_fetch_add(&c->encodes, 1);
  switch (c->mode) {
    case CODEC_ENCODE_FAILS:
      return encryption_codec_fail(output, "no key");
    case CODEC_ENCODE_NOTHING:
      return 0;
    case CODEC_ENCODE_ONE_EXTRA: {
      int32_t rc = encryption_codec_encode(&c->inner, input, output);
      temporal_error_free(temporal_payloads_push(output, (const uint8_t *)"x", 1));
      return rc;
    }
    default:
      return encryption_codec_encode(&c->inner, input, output);
  }
}

static int32_t counting_decode(void *user_data, const temporal_payloads *input, temporal_payloads *output) {
  counting_codec *c = (counting_codec *)user_data;
  atomic_fetch_add(&c->decodes, 1);
  return encryption_codec_decode(&c->inner, input, output);
}

static void counting_release(void *user_data) {
  atomic_fetch_add(&((counting_codec *)user_data)->releases, 1);
}

static const char *g_codec_queue;
static const char *g_key;
static long g_wait_ms;
static long g_release_ms;

static long env_ms(const char *name, long fallback) {
  const char *v = getenv(name);
  if (!v || !*v) return fallback;
  char *end = NULL;
  long n = strtol(v, &end, 10);
  if (*end || n <= 0) {
    fprintf(stderr, "test_codec: %s must be a positive number of milliseconds, not '%s'\n", name, v);
    exit(2);
  }
  return n;
}

static bool codec_init(counting_codec *c, const char *key_id, int mode) {
  memset(c, 0, sizeof *c);
  c->mode = mode;
  atomic_init(&c->encodes, 0);
  atomic_init(&c->decodes, 0);
  atomic_init(&c->releases, 0);
  return encryption_codec_init(&c->inner, key_id, g_key, strlen(g_key));
}

static temporal_payload_codec codec_table(counting_codec *c) {
  temporal_payload_codec t;
  if (!temporal_payload_codec_default(&t, sizeof t)) abort();
  t.encode = counting_encode;
  t.decode = counting_decode;
  t.user_data = c;
  t.release = counting_release;
  return t;
}

/* Connects to $TEMPORAL_ADDRESS with `table` as the payload codec (NULL: none). */
static temporal_error *connect_with(const temporal_payload_codec *table, temporal_client **client_out) {
  temporal_client_options co;
  temporal_client_options_default(&co, sizeof co);
  co.address = getenv("TEMPORAL_ADDRESS");
  co.payload_codec = table;
  return temporal_client_connect(&co, client_out);
}

/* The client every test shares, with g_codec (released once, after the runner: checked in
   main). */
static counting_codec g_codec;
static temporal_client *g_codec_client;

/* ---------------------------------------------------------------- helpers */

static temporal_start_workflow_options start_options(const char *id, const char *queue) {
  temporal_start_workflow_options o;
  temporal_start_workflow_options_default(&o, sizeof o);
  o.id = id;
  o.task_queue = queue;
  o.execution_timeout_ms = 5 * 60 * 1000;
  return o;
}

/* Standard base64 of data, as the proto JSON of a history writes bytes. */
static void base64(const void *data, size_t len, char *out, size_t out_size) {
  static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const unsigned char *p = (const unsigned char *)data;
  size_t need = (len + 2) / 3 * 4 + 1;
  if (need > out_size) abort();
  char *w = out;
  for (size_t i = 0; i < len; i += 3) {
    unsigned v = (unsigned)p[i] << 16 | (i + 1 < len ? (unsigned)p[i + 1] << 8 : 0) | (i + 2 < len ? p[i + 2] : 0);
    *w++ = digits[v >> 18 & 63];
    *w++ = digits[v >> 12 & 63];
    *w++ = i + 1 < len ? digits[v >> 6 & 63] : '=';
    *w++ = i + 2 < len ? digits[v & 63] : '=';
  }
  *w = '\0';
}

/* The history of `id` (current run) as JSON, fetched WITHOUT a codec: what the server stores.
   Borrowed from a call the runner frees after the test. */
static const char *history_of(const char *id) {
  temporal_call *call = NULL;
  if (keep_err(temporal_get_workflow_history_async(g_client, id, NULL, NULL, &call))) return NULL;
  g_calls[g_ncalls++] = call;
  if (keep_err(temporal_call_wait(call, (uint64_t)g_wait_ms))) return NULL;
  if (temporal_call_get_error(call)) return NULL;
  return temporal_call_get_json(call);
}

/* The string value of the first `"field"` after the first event attributes named `camel`
   (or `snake`, or `camel` in PascalCase, as the history JSON writes a oneof) in json, into
   out; NULL if there is none. */
static const char *value_after(const char *json, const char *camel, const char *snake, const char *field,
                               char *out, size_t out_size) {
  const char *at = strstr(json, camel);
  if (!at && snake) at = strstr(json, snake);
  if (!at) {
    /* The proto JSON's oneof form names the attributes in PascalCase. */
    char pascal[128];
    snprintf(pascal, sizeof pascal, "%s", camel);
    if (pascal[0] >= 'a' && pascal[0] <= 'z') pascal[0] = (char)(pascal[0] - 'a' + 'A');
    at = strstr(json, pascal);
  }
  if (!at) return NULL;
  char quoted[64];
  snprintf(quoted, sizeof quoted, "\"%s\"", field);
  at = strstr(at, quoted);
  if (!at) return NULL;
  at += strlen(quoted);
  while (*at == ' ' || *at == ':') at++;
  if (*at != '"') return NULL;
  at++;
  size_t n = 0;
  while (at[n] && at[n] != '"' && n + 1 < out_size) n++;
  memcpy(out, at, n);
  out[n] = '\0';
  return out;
}

/* The history must not hold `json_value` (a payload's JSON data) in the clear, nor as the
   base64 that a json/plain payload's data would be there. */
#define CHECK_NOT_IN_HISTORY(history, json_value)                                          \
  do {                                                                                     \
    char b64_[256];                                                                        \
    base64((json_value), strlen(json_value), b64_, sizeof b64_);                           \
    CHECK(strstr((history), (json_value)) == NULL, "plaintext %s in the history", (json_value)); \
    CHECK(strstr((history), b64_) == NULL, "the payload %s (base64 %s) in the history", (json_value), b64_); \
  } while (0)

/* The event's first payload's metadata is encoding binary/encrypted with key ID test-key. */
#define CHECK_ENCRYPTED_AT(history, camel, snake)                                          \
  do {                                                                                     \
    char enc_[128], want_[64], kid_[128], want_kid_[64];                                   \
    base64(ENCRYPTION_CODEC_ENCODING, strlen(ENCRYPTION_CODEC_ENCODING), want_, sizeof want_); \
    base64("test-key", 8, want_kid_, sizeof want_kid_);                                    \
    CHECK(value_after((history), (camel), (snake), "encoding", enc_, sizeof enc_) != NULL, \
          "no %s with an encoding in the history: %.600s", (camel), (history));            \
    CHECK(strcmp(enc_, want_) == 0, "%s: encoding %s, want %s (base64 of binary/encrypted)", (camel), enc_, want_); \
    CHECK(value_after((history), (camel), (snake), ENCRYPTION_CODEC_KEY_ID_KEY, kid_, sizeof kid_) != NULL, \
          "no encryption-key-id after %s", (camel));                                       \
    CHECK(strcmp(kid_, want_kid_) == 0, "%s: key ID %s, want %s", (camel), kid_, want_kid_); \
  } while (0)

/* Waits for run's result (JSON, borrowed from a kept call) with these call options. */
static temporal_call *result_of(temporal_workflow_run *run, const temporal_call_options *co) {
  temporal_call *call = NULL;
  if (keep_err(temporal_get_result_async(run, co, &call))) return NULL;
  g_calls[g_ncalls++] = call;
  if (keep_err(temporal_call_wait(call, (uint64_t)g_wait_ms))) return NULL;
  return call;
}

static bool signal_with(temporal_client *client, const char *id, const char *name, const char *args) {
  temporal_call *call;
  RUN(call, temporal_signal_workflow_async(client, id, NULL, name, args, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  return true;
}

/* Queries CodecProbe's "seen" (tag) through the codec until the answer holds `want` (a query
   that comes before the first workflow task is answered may fail), within the wait bound. The
   last answer (borrowed from a kept call), or NULL. */
static const char *seen_once(const char *id, const char *tag, const char *want) {
  char args[128];
  snprintf(args, sizeof args, "[\"%s\"]", tag);
  for (double t0 = now_s(); now_s() - t0 < g_wait_ms / 1000.0; sleep_ms(50)) {
    temporal_call *call = NULL;
    if (keep_err(temporal_query_workflow_async(g_codec_client, id, NULL, "seen", args, NULL, &call))) return NULL;
    g_calls[g_ncalls++] = call;
    if (keep_err(temporal_call_wait(call, (uint64_t)g_wait_ms))) return NULL;
    const char *seen = temporal_call_get_error(call) ? NULL : temporal_call_get_json(call);
    if (seen && strstr(seen, want)) return seen;
    drop_last_call();
  }
  return NULL;
}

/* ---------------------------------------------------------------- the tests */

/* 1. The codec'd round trip, and the server stores ciphertext only. */
static bool test_echo_round_trip_and_history_is_encrypted(void) {
  const char *id = new_id("echo");
  temporal_start_workflow_options o = start_options(id, g_codec_queue);
  o.memo_json = "{\"note\": \"memo-secret\"}";
  int encodes = atomic_load(&g_codec.encodes), decodes = atomic_load(&g_codec.decodes);
  temporal_workflow_run *run = NULL;
  CHECK_OK(keep_err(temporal_execute_workflow(g_codec_client, "Echo", "[\"secret value\"]", &o, &run)));
  keep_run(run);
  temporal_call *get = result_of(run, NULL);
  CHECK(get != NULL, "no result call");
  CHECK_OK(temporal_call_get_error(get));
  CHECK_STREQ(temporal_call_get_json(get), "\"secret value\"");
  CHECK(atomic_load(&g_codec.encodes) > encodes, "the codec's encode was not called");
  CHECK(atomic_load(&g_codec.decodes) > decodes, "the codec's decode was not called");

  const char *history = history_of(id);
  CHECK(history != NULL, "no history");
  CHECK_ENCRYPTED_AT(history, "workflowExecutionStartedEventAttributes", "workflow_execution_started_event_attributes");
  CHECK_ENCRYPTED_AT(history, "workflowExecutionCompletedEventAttributes",
                     "workflow_execution_completed_event_attributes");
  CHECK_NOT_IN_HISTORY(history, "\"secret value\"");
  CHECK(strstr(history, "secret value") == NULL, "plaintext in the history");
  /* The memo is encoded too (the first "encoding" after "memo"), and decoded by describe. */
  CHECK_ENCRYPTED_AT(history, "\"memo\"", NULL);
  CHECK_NOT_IN_HISTORY(history, "\"memo-secret\"");
  temporal_call *describe;
  RUN(describe, temporal_describe_workflow_execution_async(g_codec_client, id, NULL, NULL, &describe));
  CHECK_OK(temporal_call_get_error(describe));
  CHECK_CONTAINS(temporal_call_get_json(describe), "memo-secret");
  return true;
}

/* 2. A client without the codec: its plain argument passes the Go codec's decode, but the
   worker's encrypted result is unreadable to it (PAYLOAD, naming the encoding), and readable
   to the codec client by ID. */
static bool test_client_without_codec(void) {
  const char *id = new_id("plain");
  temporal_start_workflow_options o = start_options(id, g_codec_queue);
  temporal_workflow_run *plain_run = NULL;
  CHECK_OK(keep_err(temporal_execute_workflow(g_client, "Echo", "[\"plain value\"]", &o, &plain_run)));
  keep_run(plain_run);

  temporal_workflow_run *by_id = NULL;
  CHECK_OK(keep_err(temporal_get_workflow(g_codec_client, id, NULL, &by_id)));
  keep_run(by_id);
  temporal_call *get = result_of(by_id, NULL);
  CHECK(get != NULL, "no result call");
  CHECK_OK(temporal_call_get_error(get));
  CHECK_STREQ(temporal_call_get_json(get), "\"plain value\"");

  get = result_of(plain_run, NULL);
  CHECK(get != NULL, "no result call");
  CHECK_CODE(temporal_call_get_error(get), TEMPORAL_ERROR_CODE_PAYLOAD);
  CHECK_CONTAINS(temporal_error_get_message(temporal_call_get_error(get)), "binary/encrypted");

  /* A workflow the codec client started, read by ID without the codec. */
  const char *cid = new_id("codec-by-id");
  temporal_start_workflow_options co = start_options(cid, g_codec_queue);
  temporal_workflow_run *codec_run = NULL;
  CHECK_OK(keep_err(temporal_execute_workflow(g_codec_client, "Echo", "[\"secret value\"]", &co, &codec_run)));
  keep_run(codec_run);
  get = result_of(codec_run, NULL);
  CHECK(get != NULL, "no result call");
  CHECK_STREQ(temporal_call_get_json(get), "\"secret value\"");
  temporal_workflow_run *plain_by_id = NULL;
  CHECK_OK(keep_err(temporal_get_workflow(g_client, cid, NULL, &plain_by_id)));
  keep_run(plain_by_id);
  get = result_of(plain_by_id, NULL);
  CHECK(get != NULL, "no result call");
  CHECK_CODE(temporal_call_get_error(get), TEMPORAL_ERROR_CODE_PAYLOAD);
  CHECK_CONTAINS(temporal_error_get_message(temporal_call_get_error(get)), "binary/encrypted");
  return true;
}

/* 3. A failure's details, encrypted by the worker, come back decoded. */
static bool test_failure_details_are_decoded(void) {
  const char *id = new_id("fail");
  temporal_start_workflow_options o = start_options(id, g_codec_queue);
  temporal_workflow_run *run = NULL;
  CHECK_OK(keep_err(temporal_execute_workflow(g_codec_client, "Fail", "[\"boom\", \"CodecError\", true]", &o, &run)));
  keep_run(run);
  temporal_call *get = result_of(run, NULL);
  CHECK(get != NULL, "no result call");
  const temporal_error *e = temporal_call_get_error(get);
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_WORKFLOW_FAILED);
  CHECK_CONTAINS(temporal_error_get_message(e), "boom");
  const char *d = temporal_error_get_details(e);
  CHECK_CONTAINS(d, "\"details\":[{\"detail\":\"some detail\",\"n\":42}]");
  CHECK(strstr(d, "binary/encrypted") == NULL, "undecoded details: %s", d);

  const char *history = history_of(id);
  CHECK(history != NULL, "no history");
  CHECK_ENCRYPTED_AT(history, "workflowExecutionFailedEventAttributes", "workflow_execution_failed_event_attributes");
  CHECK(strstr(history, "some detail") == NULL, "plaintext details in the history");
  CHECK_NOT_IN_HISTORY(history, "{\"detail\":\"some detail\",\"n\":42}");
  return true;
}

/* 4. Signal-with-start, update, query, signal and update-with-start: their arguments reach the
   workflow decoded (it reports what it saw) and their results come back decoded. */
static bool test_signal_query_update_through_the_codec(void) {
  const char *id = new_id("probe");
  temporal_start_workflow_options o = start_options(id, g_codec_queue);
  temporal_call *call;
  RUN(call, temporal_signal_with_start_workflow_async(g_codec_client, "note", "[\"sig-secret\"]", "CodecProbe",
                                                      "[\"start-secret\"]", &o, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  temporal_workflow_run *run = keep_run(temporal_call_take_run(call));
  CHECK(run != NULL, "no run");

  /* The Go SDK runs an update handler as soon as the update arrives, while the signal may still
     wait in its channel: the update is sent once the workflow reports the signal. */
  const char *seen = seen_once(id, "qry-secret", "signal:sig-secret");
  CHECK_STREQ(seen, "\"qry-secret,start:start-secret,signal:sig-secret\"");

  RUN(call, temporal_update_workflow_async(g_codec_client, id, NULL, "note", NULL, "[\"upd-secret\"]", NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  CHECK_STREQ(temporal_call_get_json(call), "[\"start:start-secret\",\"signal:sig-secret\",\"update:upd-secret\"]");

  RUN(call, temporal_query_workflow_async(g_codec_client, id, NULL, "seen", "[\"qry-secret\"]", NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  CHECK_STREQ(temporal_call_get_json(call), "\"qry-secret,start:start-secret,signal:sig-secret,update:upd-secret\"");

  /* Without the codec the query's answer is ciphertext. */
  RUN(call, temporal_query_workflow_async(g_client, id, NULL, "seen", "[\"x\"]", NULL, &call));
  CHECK_CODE(temporal_call_get_error(call), TEMPORAL_ERROR_CODE_PAYLOAD);
  CHECK_CONTAINS(temporal_error_get_message(temporal_call_get_error(call)), "binary/encrypted");

  if (!signal_with(g_codec_client, id, "note", "[\"sig2-secret\"]")) return false;
  if (!signal_with(g_codec_client, id, "done", NULL)) return false;
  temporal_call *get = result_of(run, NULL);
  CHECK(get != NULL, "no result call");
  CHECK_OK(temporal_call_get_error(get));
  CHECK_STREQ(temporal_call_get_json(get),
              "[\"start:start-secret\",\"signal:sig-secret\",\"update:upd-secret\",\"signal:sig2-secret\"]");

  const char *history = history_of(id);
  CHECK(history != NULL, "no history");
  CHECK_ENCRYPTED_AT(history, "workflowExecutionStartedEventAttributes", "workflow_execution_started_event_attributes");
  CHECK_ENCRYPTED_AT(history, "workflowExecutionSignaledEventAttributes", "workflow_execution_signaled_event_attributes");
  CHECK_ENCRYPTED_AT(history, "workflowExecutionUpdateAcceptedEventAttributes",
                     "workflow_execution_update_accepted_event_attributes");
  CHECK_ENCRYPTED_AT(history, "workflowExecutionUpdateCompletedEventAttributes",
                     "workflow_execution_update_completed_event_attributes");
  CHECK(strstr(history, "secret") == NULL, "plaintext in the history");
  CHECK_NOT_IN_HISTORY(history, "\"start-secret\"");
  CHECK_NOT_IN_HISTORY(history, "\"sig-secret\"");
  CHECK_NOT_IN_HISTORY(history, "\"upd-secret\"");
  CHECK_NOT_IN_HISTORY(history, "\"sig2-secret\"");

  /* Update-with-start: the workflow's and the update's arguments, the update's result. */
  const char *uws = new_id("probe-uws");
  temporal_start_workflow_options uo = start_options(uws, g_codec_queue);
  uo.id_conflict_policy = TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_FAIL;
  temporal_update_options u;
  temporal_update_options_default(&u, sizeof u);
  u.wait_for_stage = TEMPORAL_UPDATE_STAGE_COMPLETED;
  RUN(call, temporal_update_with_start_workflow_async(g_codec_client, "note", "[\"uws-upd-secret\"]", &u, "CodecProbe",
                                                      "[\"uws-start-secret\"]", &uo, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  temporal_workflow_run *uws_run = keep_run(temporal_call_take_run(call));
  temporal_update_handle *h = keep_update_handle(temporal_call_take_update_handle(call));
  CHECK(uws_run != NULL && h != NULL, "run %p, handle %p", (void *)uws_run, (void *)h);
  RUN(get, temporal_update_handle_get_result_async(h, NULL, &get));
  CHECK_OK(temporal_call_get_error(get));
  CHECK_STREQ(temporal_call_get_json(get), "[\"start:uws-start-secret\",\"update:uws-upd-secret\"]");
  if (!signal_with(g_codec_client, uws, "done", NULL)) return false;
  get = result_of(uws_run, NULL);
  CHECK(get != NULL, "no result call");
  CHECK_STREQ(temporal_call_get_json(get), "[\"start:uws-start-secret\",\"update:uws-upd-secret\"]");
  history = history_of(uws);
  CHECK(history != NULL, "no history");
  CHECK_ENCRYPTED_AT(history, "workflowExecutionStartedEventAttributes", "workflow_execution_started_event_attributes");
  CHECK_ENCRYPTED_AT(history, "workflowExecutionUpdateAcceptedEventAttributes",
                     "workflow_execution_update_accepted_event_attributes");
  CHECK(strstr(history, "secret") == NULL, "plaintext in the history");
  CHECK_NOT_IN_HISTORY(history, "\"uws-start-secret\"");
  CHECK_NOT_IN_HISTORY(history, "\"uws-upd-secret\"");
  return true;
}

/* 5. The payload-level API: raw binary/plain bytes in, the result as payloads; the codec still
   encrypts them on the wire. */
static bool test_payload_level_arguments_and_result(void) {
  static const uint8_t raw[] = {0x00, 0xff, 'r', 'a', 'w', 0x80};
  temporal_payloads *args = NULL;
  CHECK_OK(keep_err(temporal_payloads_new(&args)));
  temporal_error *e = temporal_payloads_push(args, raw, sizeof raw);
  if (!e) e = temporal_payloads_set_metadata(args, 0, "encoding", (const uint8_t *)"binary/plain", 12);
  size_t args_len = temporal_payloads_len(args);

  const char *id = new_id("bytes");
  temporal_start_workflow_options o = start_options(id, g_codec_queue);
  temporal_call_options with_args;
  temporal_call_options_default(&with_args, sizeof with_args);
  with_args.args_payloads = args;
  /* args_json and args_payloads together are refused (before or when the call runs). */
  temporal_call *mixed = NULL, *call = NULL;
  temporal_error *mixed_e = NULL;
  if (!e) mixed_e = keep_err(temporal_execute_workflow_async(g_codec_client, "EchoBytes", "[\"x\"]", &o, &with_args, &mixed));
  if (!e && !mixed_e) g_calls[g_ncalls++] = mixed;
  int encodes = atomic_load(&g_codec.encodes);
  if (!e) e = temporal_execute_workflow_async(g_codec_client, "EchoBytes", NULL, &o, &with_args, &call);
  if (!e) g_calls[g_ncalls++] = call;
  /* The calls copied the list: freeing it now must not matter. */
  temporal_payloads_free(args);
  CHECK_OK(keep_err(e));
  CHECK(args_len == 1, "%zu payloads", args_len);
  if (mixed_e) {
    CHECK_CODE(mixed_e, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  } else {
    CHECK_OK(keep_err(temporal_call_wait(mixed, (uint64_t)g_wait_ms)));
    CHECK_CODE(temporal_call_get_error(mixed), TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  }
  CHECK_OK(keep_err(temporal_call_wait(call, (uint64_t)g_wait_ms)));
  CHECK_OK(temporal_call_get_error(call));
  temporal_workflow_run *run = keep_run(temporal_call_take_run(call));
  CHECK(run != NULL, "no run");
  CHECK(atomic_load(&g_codec.encodes) > encodes, "the codec did not encode the payload arguments");

  temporal_call_options as_payloads;
  temporal_call_options_default(&as_payloads, sizeof as_payloads);
  as_payloads.result_as_payloads = true;
  temporal_call *get = result_of(run, &as_payloads);
  CHECK(get != NULL, "no result call");
  CHECK_OK(temporal_call_get_error(get));
  CHECK(temporal_call_get_json(get) == NULL, "a payloads result has JSON too: %s", temporal_call_get_json(get));
  temporal_payloads *result = temporal_call_take_payloads(get);
  CHECK(result != NULL, "no payloads");
  CHECK(temporal_call_take_payloads(get) == NULL, "the payloads were given twice");
  /* Checked into a verdict first, so that the list is freed on every path. */
  char problem[256] = "";
  const uint8_t *data = NULL, *value = NULL;
  size_t data_len = 0, value_len = 0;
  const char *key = NULL;
  static const uint8_t want[] = {'g', 'o', 't', ':', 0x00, 0xff, 'r', 'a', 'w', 0x80};
  temporal_error *pe = NULL;
  if (temporal_payloads_len(result) != 1) {
    snprintf(problem, sizeof problem, "%zu result payloads", temporal_payloads_len(result));
  } else if ((pe = temporal_payloads_get_data(result, 0, &data, &data_len)) != NULL) {
    snprintf(problem, sizeof problem, "get_data: %s", temporal_error_get_message(pe));
  } else if (data_len != sizeof want || memcmp(data, want, sizeof want) != 0) {
    snprintf(problem, sizeof problem, "data of %zu bytes, not got:<the raw bytes>", data_len);
  } else if (temporal_payloads_metadata_len(result, 0) != 1) {
    snprintf(problem, sizeof problem, "%zu metadata entries after decode, want 1 (encoding)",
             temporal_payloads_metadata_len(result, 0));
  } else if ((pe = temporal_payloads_get_metadata_at(result, 0, 0, &key, &value, &value_len)) != NULL) {
    snprintf(problem, sizeof problem, "get_metadata_at: %s", temporal_error_get_message(pe));
  } else if (strcmp(key, "encoding") != 0 || value_len != 12 || memcmp(value, "binary/plain", 12) != 0) {
    snprintf(problem, sizeof problem, "metadata %s = %.*s", key, (int)value_len, (const char *)value);
  } else if ((pe = temporal_payloads_get_metadata(result, 0, ENCRYPTION_CODEC_KEY_ID_KEY, &value, &value_len)) == NULL ||
             temporal_error_get_code(pe) != TEMPORAL_ERROR_CODE_NOT_FOUND) {
    snprintf(problem, sizeof problem, "encryption-key-id left after decode, or not NOT_FOUND");
  }
  temporal_error_free(pe);
  temporal_payloads_free(result);
  CHECK(problem[0] == '\0', "%s", problem);

  const char *history = history_of(id);
  CHECK(history != NULL, "no history");
  CHECK_ENCRYPTED_AT(history, "workflowExecutionStartedEventAttributes", "workflow_execution_started_event_attributes");
  CHECK_ENCRYPTED_AT(history, "workflowExecutionCompletedEventAttributes",
                     "workflow_execution_completed_event_attributes");
  char b64_raw[32], b64_enc[32];
  base64(raw, sizeof raw, b64_raw, sizeof b64_raw);
  base64("binary/plain", 12, b64_enc, sizeof b64_enc);
  CHECK(strstr(history, b64_raw) == NULL, "the raw bytes (%s) in the history", b64_raw);
  CHECK(strstr(history, b64_enc) == NULL, "a binary/plain payload in the history");

  /* Signal-with-start with both argument lists as payloads; the query's answer as payloads. */
  const char *probe = new_id("probe-payloads");
  temporal_start_workflow_options po = start_options(probe, g_codec_queue);
  temporal_payloads *signal_args = NULL, *workflow_args = NULL;
  e = temporal_payloads_new(&signal_args);
  if (!e) e = temporal_payloads_new(&workflow_args);
  if (!e) e = temporal_payloads_push_json(signal_args, "\"sp\"");
  if (!e) e = temporal_payloads_push_json(workflow_args, "\"wp\"");
  temporal_call_options sws;
  temporal_call_options_default(&sws, sizeof sws);
  sws.args_payloads = signal_args;
  sws.workflow_args_payloads = workflow_args;
  if (!e) e = temporal_signal_with_start_workflow_async(g_codec_client, "note", NULL, "CodecProbe", NULL, &po, &sws, &call);
  if (!e) g_calls[g_ncalls++] = call;
  temporal_payloads_free(signal_args);
  temporal_payloads_free(workflow_args);
  CHECK_OK(keep_err(e));
  CHECK_OK(keep_err(temporal_call_wait(call, (uint64_t)g_wait_ms)));
  CHECK_OK(temporal_call_get_error(call));
  CHECK_STREQ(seen_once(probe, "q", "signal:sp"), "\"q,start:wp,signal:sp\"");
  RUN(call, temporal_query_workflow_async(g_codec_client, probe, NULL, "seen", "[\"q\"]", &as_payloads, &call));
  CHECK_OK(temporal_call_get_error(call));
  CHECK(temporal_call_get_json(call) == NULL, "a payloads answer has JSON too");
  result = temporal_call_take_payloads(call);
  CHECK(result != NULL, "no payloads");
  char *answer = NULL;
  size_t answers = temporal_payloads_len(result);
  bool json_plain = encryption_codec_metadata_is(result, 0, "encoding", "json/plain");
  pe = temporal_payloads_get_json(result, 0, &answer);
  temporal_payloads_free(result);
  keep_err(pe);
  CHECK(answers == 1, "%zu answer payloads", answers);
  CHECK(json_plain, "the decoded answer is not json/plain");
  CHECK_OK(pe);
  bool right = answer && strcmp(answer, "\"q,start:wp,signal:sp\"") == 0;
  snprintf(problem, sizeof problem, "%.200s", answer ? answer : "(null)");
  temporal_string_free(answer);
  CHECK(right, "the answer's JSON is %s", problem);
  history = history_of(probe);
  CHECK(history != NULL, "no history");
  CHECK_ENCRYPTED_AT(history, "workflowExecutionStartedEventAttributes", "workflow_execution_started_event_attributes");
  CHECK_ENCRYPTED_AT(history, "workflowExecutionSignaledEventAttributes", "workflow_execution_signaled_event_attributes");
  CHECK_NOT_IN_HISTORY(history, "\"wp\"");
  CHECK_NOT_IN_HISTORY(history, "\"sp\"");
  return true;
}

/* 6a. An encode that fails, or writes the wrong number of payloads: the start fails with
   PAYLOAD and nothing was started. */
static bool start_must_fail(temporal_client *client, const char *id, const char *text) {
  temporal_start_workflow_options o = start_options(id, g_codec_queue);
  temporal_workflow_run *run = NULL;
  temporal_error *e = keep_err(temporal_execute_workflow(client, "Echo", "[\"secret value\"]", &o, &run));
  if (run) keep_run(run);
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_PAYLOAD);
  if (text) CHECK_CONTAINS(temporal_error_get_message(e), text);
  CHECK(run == NULL, "a run for a failed start");
  temporal_call *call;
  RUN(call, temporal_describe_workflow_execution_async(g_client, id, NULL, NULL, &call));
  CHECK_CODE(temporal_call_get_error(call), TEMPORAL_ERROR_CODE_NOT_FOUND);
  return true;
}

static bool test_broken_codecs_fail_with_payload(void) {
  static counting_codec failing, extra, nothing, other_key;
  CHECK(codec_init(&failing, "test-key", CODEC_ENCODE_FAILS), "bad key");
  CHECK(codec_init(&extra, "test-key", CODEC_ENCODE_ONE_EXTRA), "bad key");
  CHECK(codec_init(&nothing, "test-key", CODEC_ENCODE_NOTHING), "bad key");
  CHECK(codec_init(&other_key, "other-key", CODEC_NORMAL), "bad key");
  counting_codec *all[] = {&failing, &extra, &nothing, &other_key};
  temporal_client *clients[4] = {NULL, NULL, NULL, NULL};
  bool ok = true;
  for (int i = 0; i < 4 && ok; i++) {
    temporal_payload_codec t = codec_table(all[i]);
    temporal_error *e = connect_with(&t, &clients[i]);
    if (e) {
      ok = fail_at(__LINE__, "connect", "%s: %s", code_name(e), temporal_error_get_message(e));
      temporal_error_free(e);
    }
  }
  if (ok) ok = start_must_fail(clients[0], new_id("encode-fails"), "no key");
  if (ok) ok = start_must_fail(clients[0], new_id("encode-fails-msg"), "payload codec encode failed");
  if (ok) ok = start_must_fail(clients[1], new_id("encode-extra"), NULL);
  if (ok) ok = start_must_fail(clients[2], new_id("encode-nothing"), NULL);
  /* A decode that fails: the worker sealed the result with key ID test-key, which this codec
     does not know. */
  if (ok) {
    const char *id = new_id("unknown-key");
    temporal_start_workflow_options o = start_options(id, g_codec_queue);
    temporal_workflow_run *run = NULL;
    temporal_error *e = keep_err(temporal_execute_workflow(clients[3], "Echo", "[\"secret value\"]", &o, &run));
    keep_run(run);
    temporal_call *get = e ? NULL : result_of(run, NULL);
    const temporal_error *ge = get ? temporal_call_get_error(get) : NULL;
    if (e) ok = fail_at(__LINE__, "start", "%s", temporal_error_get_message(e));
    else if (!get) ok = fail_at(__LINE__, "get", "no result call");
    else if (temporal_error_get_code(ge) != TEMPORAL_ERROR_CODE_PAYLOAD ||
             !strstr(temporal_error_get_message(ge), "unknown encryption key ID 'test-key'"))
      ok = fail_at(__LINE__, "decode", "want PAYLOAD naming the unknown key, got %s: %s", code_name(ge),
                   temporal_error_get_message(ge));
  }
  for (int i = 0; i < 4; i++) temporal_client_free(clients[i]);
  if (!ok) return false;
  CHECK(atomic_load(&failing.encodes) > 0, "the failing encode was never called");
  CHECK(atomic_load(&other_key.decodes) > 0, "the other key's decode was never called");
  return true;
}

/* 6b. release() runs once, only after the last client, run, update handle and call that uses
   the codec is gone. */
static bool release_count_is(counting_codec *c, int want, long within_ms) {
  for (long waited = 0; atomic_load(&c->releases) != want && waited < within_ms; waited += 20) sleep_ms(20);
  return atomic_load(&c->releases) == want;
}

static bool test_release_once_after_the_last_user(void) {
  static counting_codec c;
  CHECK(codec_init(&c, "test-key", CODEC_NORMAL), "bad key");
  temporal_payload_codec t = codec_table(&c);
  temporal_client *a = NULL, *b = NULL;
  CHECK_OK(keep_err(connect_with(&t, &a)));
  temporal_error *e = temporal_client_new_from_existing(a, NULL, NULL, &b);
  if (e) temporal_client_free(a);
  CHECK_OK(keep_err(e));

  /* b shares a's codec: an Echo through b round-trips. Then a Block whose result wait stays
     in flight until the signal below. */
  const char *echo_id = new_id("release-echo");
  const char *id = new_id("release");
  temporal_start_workflow_options eo = start_options(echo_id, g_codec_queue);
  temporal_start_workflow_options o = start_options(id, g_codec_queue);
  temporal_workflow_run *echo = NULL, *run = NULL;
  temporal_update_handle *h = NULL;
  temporal_call *get = NULL;
  char *echoed = NULL;
  e = temporal_execute_workflow(b, "Echo", "[\"secret value\"]", &eo, &echo);
  if (!e) e = temporal_get_result(echo, (uint64_t)g_wait_ms, &echoed);
  if (!e) e = temporal_execute_workflow(b, "Block", NULL, &o, &run);
  if (!e) e = temporal_get_workflow_update_handle(b, id, NULL, "no-such-update", &h);
  if (!e) e = temporal_get_result_async(run, NULL, &get);
  temporal_workflow_run_free(echo);
  temporal_client_free(a);
  temporal_client_free(b);
  /* Checked into a verdict first, so that everything is freed on every path. */
  char problem[256] = "";
  if (e) snprintf(problem, sizeof problem, "%s: %s", code_name(e), temporal_error_get_message(e));
  temporal_error_free(e);
  if (!problem[0] && (!echoed || strcmp(echoed, "\"secret value\"") != 0))
    snprintf(problem, sizeof problem, "the shared client's Echo gave %s", echoed ? echoed : "(none)");
  temporal_string_free(echoed);
  sleep_ms(100);
  if (!problem[0] && atomic_load(&c.releases) != 0)
    snprintf(problem, sizeof problem, "released with a run, a handle and a call left");
  temporal_workflow_run_free(run);
  sleep_ms(100);
  if (!problem[0] && atomic_load(&c.releases) != 0)
    snprintf(problem, sizeof problem, "released with a handle and a call left");
  temporal_update_handle_free(h);
  sleep_ms(100);
  if (!problem[0] && atomic_load(&c.releases) != 0)
    snprintf(problem, sizeof problem, "released with a call in flight");
  /* The call in flight still decodes its result: the worker encrypted "unblocked: go". */
  if (!problem[0] && !signal_with(g_client, id, "unblock", "[\"go\"]"))
    snprintf(problem, sizeof problem, "signal: %.200s", g_msg);
  temporal_error *we = get && !problem[0] ? temporal_call_wait(get, (uint64_t)g_wait_ms) : NULL;
  if (!problem[0] && we) snprintf(problem, sizeof problem, "wait: %s", temporal_error_get_message(we));
  temporal_error_free(we);
  if (!problem[0] && temporal_call_get_error(get))
    snprintf(problem, sizeof problem, "result: %s", temporal_error_get_message(temporal_call_get_error(get)));
  if (!problem[0] && (!temporal_call_get_json(get) || strcmp(temporal_call_get_json(get), "\"unblocked: go\"")))
    snprintf(problem, sizeof problem, "result %s", temporal_call_get_json(get) ? temporal_call_get_json(get) : "(none)");
  temporal_call_free(get);
  CHECK(problem[0] == '\0', "%s", problem);
  CHECK(release_count_is(&c, 1, g_release_ms), "release() ran %d times within %ld ms of the last free, want 1",
        atomic_load(&c.releases), g_release_ms);
  sleep_ms(200);
  CHECK(atomic_load(&c.releases) == 1, "release() ran %d times", atomic_load(&c.releases));
  return true;
}

/* 7. A codec table without its callbacks is refused at connect, and not released; one a
   connect took and then failed with is released once. */
static bool test_null_callbacks_are_refused(void) {
  static counting_codec c;
  CHECK(codec_init(&c, "test-key", CODEC_NORMAL), "bad key");
  for (int missing = 0; missing < 3; missing++) {
    temporal_payload_codec t = codec_table(&c);
    if (missing == 0 || missing == 2) t.encode = NULL;
    if (missing == 1 || missing == 2) t.decode = NULL;
    temporal_client *client = (temporal_client *)(void *)&c;
    temporal_error *e = keep_err(connect_with(&t, &client));
    CHECK_CODE(e, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
    CHECK_CONTAINS(temporal_error_get_message(e), missing == 1 ? "decode" : "encode");
    CHECK(client == (temporal_client *)(void *)&c, "client_out written on failure");
  }
  /* The default table (no callbacks) too. */
  temporal_payload_codec empty;
  CHECK(temporal_payload_codec_default(&empty, sizeof empty), "the default table was refused");
  empty.release = counting_release;
  empty.user_data = &c;
  temporal_client *client = NULL;
  CHECK_CODE(keep_err(connect_with(&empty, &client)), TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK(client == NULL, "a client from a refused codec");
  sleep_ms(100);
  CHECK(atomic_load(&c.releases) == 0, "release() ran %d times for a refused codec", atomic_load(&c.releases));
  CHECK(atomic_load(&c.encodes) == 0 && atomic_load(&c.decodes) == 0, "a refused codec was called");

  /* A table that was taken, by a connect that then fails (nothing listens on port 1): it is
     released, once. */
  static counting_codec taken;
  CHECK(codec_init(&taken, "test-key", CODEC_NORMAL), "bad key");
  temporal_payload_codec t = codec_table(&taken);
  temporal_client_options co;
  temporal_client_options_default(&co, sizeof co);
  co.address = "127.0.0.1:1";
  co.connect_timeout_ms = 2000;
  co.payload_codec = &t;
  client = NULL;
  temporal_error *e = keep_err(temporal_client_connect(&co, &client));
  CHECK(e != NULL && client == NULL, "connected to 127.0.0.1:1");
  CHECK(temporal_error_get_code(e) == TEMPORAL_ERROR_CODE_UNAVAILABLE ||
            temporal_error_get_code(e) == TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED,
        "a failed connect gave %s: %s", code_name(e), temporal_error_get_message(e));
  CHECK(release_count_is(&taken, 1, g_release_ms), "release() ran %d times after a failed connect, want 1",
        atomic_load(&taken.releases));
  return true;
}

/* The payload list's own checks: what push_proto refuses, what a missing key gives. */
static bool test_payloads_api_bad_input(void) {
  temporal_payloads *p = NULL;
  CHECK_OK(keep_err(temporal_payloads_new(&p)));
  /* 0x0a = field 1 (metadata), length-delimited, then a length far past the end. */
  static const uint8_t not_a_payload[] = {0x0a, 0x7f, 0x01};
  temporal_error *e = temporal_payloads_push_proto(p, not_a_payload, sizeof not_a_payload);
  size_t len = temporal_payloads_len(p);
  const uint8_t *v = NULL;
  size_t vlen = 0;
  temporal_error *e2 = temporal_payloads_push_json(p, "{\"a\": 1}");
  temporal_error *e3 = e2 ? NULL : temporal_payloads_get_metadata(p, 0, "no-such-key", &v, &vlen);
  char *json = NULL;
  temporal_error *e4 = e2 ? NULL : temporal_payloads_get_json(p, 0, &json);
  temporal_payloads_free(p);
  keep_err(e);
  keep_err(e2);
  keep_err(e3);
  keep_err(e4);
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_PAYLOAD);
  CHECK(len == 0, "a refused payload was appended (%zu)", len);
  CHECK_OK(e2);
  CHECK_CODE(e3, TEMPORAL_ERROR_CODE_NOT_FOUND);
  CHECK_OK(e4);
  bool same = json && (strcmp(json, "{\"a\":1}") == 0 || strcmp(json, "{\"a\": 1}") == 0);
  char shown[64];
  snprintf(shown, sizeof shown, "%s", json ? json : "(null)");
  temporal_string_free(json);
  CHECK(same, "get_json gave %s", shown);
  return true;
}

static const struct server_test TESTS[] = {
    {"echo_round_trip_and_history_is_encrypted", test_echo_round_trip_and_history_is_encrypted},
    {"client_without_codec", test_client_without_codec},
    {"failure_details_are_decoded", test_failure_details_are_decoded},
    {"signal_query_update_through_the_codec", test_signal_query_update_through_the_codec},
    {"payload_level_arguments_and_result", test_payload_level_arguments_and_result},
    {"broken_codecs_fail_with_payload", test_broken_codecs_fail_with_payload},
    {"release_once_after_the_last_user", test_release_once_after_the_last_user},
    {"null_callbacks_are_refused", test_null_callbacks_are_refused},
    {"payloads_api_bad_input", test_payloads_api_bad_input},
};

int main(int argc, char **argv) {
  g_codec_queue = getenv("TEMPORAL_TEST_CODEC_TASK_QUEUE");
  if (!g_codec_queue || !*g_codec_queue) g_codec_queue = "temporal-ffi-codec";
  g_key = getenv("TEMPORAL_TEST_CODEC_KEY");
  if (!g_key || !*g_key) g_key = "test-key-test-key-test-key-test!";
  g_wait_ms = env_ms("TEMPORAL_TEST_CODEC_WAIT_MS", 30000);
  g_release_ms = env_ms("TEMPORAL_TEST_CODEC_RELEASE_MS", 2000);
  if (!codec_init(&g_codec, "test-key", CODEC_NORMAL)) {
    fprintf(stderr, "test_codec: TEMPORAL_TEST_CODEC_KEY must be %d bytes\n", ENCRYPTION_CODEC_KEY_LEN);
    return 2;
  }
  /* Without an address the runner says what is missing. */
  if (getenv("TEMPORAL_ADDRESS") && *getenv("TEMPORAL_ADDRESS")) {
    temporal_payload_codec t = codec_table(&g_codec);
    temporal_error *e = connect_with(&t, &g_codec_client);
    if (e) {
      fprintf(stderr, "test_codec: cannot connect with the codec: %s: %s\n", code_name(e), temporal_error_get_message(e));
      temporal_error_free(e);
      return 1;
    }
  }
  int status = run_server_tests("test_codec", "codec", TESTS, sizeof TESTS / sizeof TESTS[0], argc, argv);
  if (!g_codec_client) return status;
  temporal_client_free(g_codec_client);
  bool released = release_count_is(&g_codec, 1, g_release_ms);
  sleep_ms(100);
  if (!released || atomic_load(&g_codec.releases) != 1) {
    printf("FAIL the shared codec was released %d times after its client was freed, want 1\n",
           atomic_load(&g_codec.releases));
    return 1;
  }
  printf("ok the shared codec was released once, after its client was freed\n");
  return status;
}
