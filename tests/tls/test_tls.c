/*
 * test_tls: the library's TLS, mTLS and API key options against a real TLS-terminating gRPC
 * proxy (nginx) in front of the dev server, and a check that secrets never leak into errors.
 *
 * Driven by tests/tls/run.sh (which makes the certificates, starts nginx and sets):
 *   TEMPORAL_TEST_TASK_QUEUE   the Go test worker's task queue (Echo returns its argument)
 *   TLS_TLS_PORT               TLS only (server certificate for localhost / 127.0.0.1)
 *   TLS_MTLS_PORT              TLS, client certificate required (signed by the client CA)
 *   TLS_APIKEY_PORT            TLS, `authorization: Bearer good-key-123` required (else 401)
 *   TLS_GRPC_APIKEY_PORT       TLS, same API key check, answering gRPC UNAUTHENTICATED (not 401)
 *   TLS_PLAIN_APIKEY_PORT      plaintext HTTP/2, the 401 API key check
 *   TLS_CA_PEM, TLS_OTHER_CA_PEM, TLS_CLIENT_CERT_PEM, TLS_CLIENT_KEY_PEM,
 *   TLS_OTHER_CLIENT_KEY_PEM   PEM file paths; the program passes their text in the options
 *
 * Each case connects and, where success is expected, runs Echo ["tls"] and checks the result
 * "\"tls\"" (every other case through the call forms: temporal_client_connect_async with a
 * completion queue, the start and the result wait with temporal_call_wait). Where failure is expected it checks the code, the message and the time taken,
 * and for every error, that neither API key text nor any piece of a private key appears in
 * the message or the details. One line per case, then "tls: N passed, M failed".
 * Everything goes to stdout, every line starting with "ok   ", "FAIL ", "     " or "tls: ":
 * run.sh checks that nothing else is printed (RUST_LOG=trace is set).
 */
#define _POSIX_C_SOURCE 200809L

#include <ctype.h>
#include <poll.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "temporal.h"

#define GOOD_KEY "good-key-123"
#define WRONG_KEY "wrong-key-456"
#define FAIL_TIMEOUT_MS 5000u /* connect timeout for the cases that must fail */
#define WINDOW 16             /* private key pieces this long must never appear */

static const char *g_queue;
static char *g_ca, *g_other_ca, *g_client_cert, *g_client_key, *g_other_client_key;
static char *g_garbled_key, *g_bad_base64_key;
static char g_tls_localhost[64], g_tls_ip[64], g_mtls[64], g_apikey[64], g_grpc_apikey[64],
    g_plain_ip[64], g_plain_http[80];
static int g_passed, g_failed;

static void die(const char *what, const char *detail) {
  printf("FAIL setup: %s %s\n", what, detail ? detail : "");
  printf("tls: %d passed, %d failed\n", g_passed, g_failed + 1);
  exit(1);
}

static const char *env(const char *name) {
  const char *v = getenv(name);
  if (!v || !*v) die("environment variable not set:", name);
  return v;
}

static char *read_pem(const char *env_name) {
  const char *path = env(env_name);
  FILE *f = fopen(path, "rb");
  if (!f) die("cannot open", path);
  size_t cap = 1024, len = 0;
  char *buf = (char *)malloc(cap);
  if (!buf) abort();
  size_t n;
  while ((n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
    len += n;
    if (cap - len - 1 == 0) {
      cap *= 2;
      buf = (char *)realloc(buf, cap);
      if (!buf) abort();
    }
  }
  fclose(f);
  buf[len] = '\0';
  if (!strstr(buf, "-----BEGIN ")) die("not PEM:", path);
  return buf;
}

/* ---------------------------------------------------------------- secrets */

/* The base64 body of a PEM text, lines joined (headers and newlines dropped). */
static char *pem_body(const char *pem) {
  char *out = (char *)malloc(strlen(pem) + 1);
  if (!out) abort();
  size_t o = 0;
  const char *p = pem;
  while (*p) {
    const char *eol = strchr(p, '\n');
    size_t len = eol ? (size_t)(eol - p) : strlen(p);
    if (len > 0 && p[0] != '-') {
      for (size_t i = 0; i < len; i++)
        if (!isspace((unsigned char)p[i])) out[o++] = p[i];
    }
    p += len + (eol ? 1 : 0);
  }
  out[o] = '\0';
  return out;
}

static char *g_key_bodies[2];

/* What secret `text` holds, or NULL. */
static const char *leaked_secret(const char *text) {
  if (!text) return NULL;
  if (strstr(text, GOOD_KEY)) return "the API key " GOOD_KEY;
  if (strstr(text, WRONG_KEY)) return "the API key " WRONG_KEY;
  if (strstr(text, "PRIVATE KEY-----")) return "a private key PEM header";
  for (int k = 0; k < 2; k++) {
    const char *body = g_key_bodies[k];
    size_t len = strlen(body);
    char piece[WINDOW + 1];
    for (size_t i = 0; i + WINDOW <= len; i++) {
      memcpy(piece, body + i, WINDOW);
      piece[WINDOW] = '\0';
      if (strstr(text, piece)) return k == 0 ? "a piece of the client private key" : "a piece of the other private key";
    }
  }
  return NULL;
}

/* ---------------------------------------------------------------- cases */

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static bool contains_ci(const char *haystack, const char *needle) {
  size_t n = strlen(needle);
  for (const char *h = haystack; *h; h++) {
    size_t i = 0;
    while (i < n && h[i] && tolower((unsigned char)h[i]) == tolower((unsigned char)needle[i])) i++;
    if (i == n) return true;
  }
  return n == 0;
}

enum { ANY_CODE = -1 };

struct expect {
  bool ok;                   /* connect + Echo ["tls"] must succeed */
  int code;                  /* otherwise: this code, or ANY_CODE */
  int code2;                 /* or this one (ANY_CODE: no second choice) */
  const char *const *words;  /* NULL, or NULL-terminated: the message must hold one of them */
};

#define WORDS(...) ((const char *const[]){__VA_ARGS__, NULL})
#define EXPECT_OK ((struct expect){true, ANY_CODE, ANY_CODE, NULL})

/* The error of one step, copied: an error the library returns is freed at once, and one that a
   call lends lives only as long as the call. */
struct failure {
  int code;
  char *msg, *details;
};

static bool take_error(struct failure *f, temporal_error *e) {
  if (!e) return false;
  const char *d = temporal_error_get_details(e);
  f->code = (int)temporal_error_get_code(e);
  f->msg = strdup(temporal_error_get_message(e));
  f->details = d ? strdup(d) : NULL;
  temporal_error_free(e);
  return true;
}

/* The outcome of an _async start in the wait form: its own error, or the completed call's. */
static bool take_call_error(struct failure *f, temporal_error *started, const temporal_call *call) {
  if (take_error(f, started) || take_error(f, temporal_call_wait(call, TEMPORAL_TIMEOUT_NONE))) return true;
  const temporal_error *e = temporal_call_get_error(call);
  if (!e) return false;
  const char *d = temporal_error_get_details(e);
  f->code = (int)temporal_error_get_code(e);
  f->msg = strdup(temporal_error_get_message(e));
  f->details = d ? strdup(d) : NULL;
  return true;
}

static temporal_completion_queue *g_cq;
static int g_cases;

/* Connects with `o`: the blocking wrapper, or (`async`) temporal_client_connect_async with a
   completion queue. */
static bool connect_failed(temporal_client_options *o, bool async, struct failure *f, temporal_client **client) {
  if (!async) return take_error(f, temporal_client_connect(o, client));
  temporal_call_options co;
  temporal_call_options_default(&co, sizeof co);
  co.completion_queue = g_cq;
  temporal_call *call = NULL;
  temporal_error *started = temporal_client_connect_async(o, &co, &call);
  bool failed = take_error(f, started);
  if (!failed) {
    struct pollfd p = {temporal_completion_queue_fd(g_cq), POLLIN, 0};
    temporal_call *got = poll(&p, 1, 60000) == 1 ? temporal_completion_queue_next(g_cq) : NULL;
    if (got != call) {
      f->code = TEMPORAL_ERROR_CODE_INTERNAL;
      f->msg = strdup(got ? "the queue gave another call" : "the connect did not complete within 60 s");
      f->details = NULL;
      temporal_call_cancel(call);
      temporal_error_free(temporal_call_wait(call, 10000));
      failed = true;
    } else {
      failed = take_call_error(f, NULL, call);
      if (!failed) *client = temporal_call_take_client(call);
    }
  }
  temporal_call_free(call);
  return failed;
}

/* Runs one case: connect with `o`, then Echo ["tls"] when connected. Every other case uses the
   call forms (connect_async with a completion queue, execute and result waits with
   temporal_call_wait) instead of the blocking wrappers. */
static void run_case(const char *id, const char *what, temporal_client_options *o, struct expect x) {
  char why[1536] = "";
  bool async = g_cases++ % 2 == 1;
  if (!x.ok) o->connect_timeout_ms = FAIL_TIMEOUT_MS;
  double t0 = now_ms();
  temporal_client *client = NULL;
  struct failure f = {0, NULL, NULL};
  bool err = connect_failed(o, async, &f, &client);
  double connect_ms = now_ms() - t0;
  const char *stage = "connect";
  if (!err) {
    char wid[96];
    snprintf(wid, sizeof wid, "tls-%s-%ld-%ld", id, (long)getpid(), (long)time(NULL));
    temporal_start_workflow_options so;
    temporal_start_workflow_options_default(&so, sizeof so);
    so.id = wid;
    so.task_queue = g_queue;
    temporal_workflow_run *run = NULL;
    char *out = NULL;
    stage = "start Echo";
    if (!async) {
      err = take_error(&f, temporal_execute_workflow(client, "Echo", "[\"tls\"]", &so, &run));
      if (!err) {
        stage = "get result";
        err = take_error(&f, temporal_get_result(run, 30000, &out));
      }
    } else {
      temporal_call *call = NULL;
      temporal_error *started = temporal_execute_workflow_async(client, "Echo", "[\"tls\"]", &so, NULL, &call);
      err = take_call_error(&f, started, call);
      if (!err) run = temporal_call_take_run(call);
      temporal_call_free(call);
      call = NULL;
      if (!err) {
        stage = "get result";
        temporal_call_options co;
        temporal_call_options_default(&co, sizeof co);
        co.timeout_ms = 30000;
        started = temporal_get_result_async(run, &co, &call);
        err = take_call_error(&f, started, call);
        if (!err) out = strdup(temporal_call_get_json(call));
        temporal_call_free(call);
      }
    }
    if (!err && strcmp(out, "\"tls\"") != 0)
      snprintf(why, sizeof why, "Echo [\"tls\"] returned %s, want \"tls\"", out);
    if (async) free(out);
    else temporal_string_free(out);
    temporal_workflow_run_free(run);
    temporal_client_free(client);
  }
  double total_ms = now_ms() - t0;

  const char *msg = err ? f.msg : NULL;
  const char *details = err ? f.details : NULL;
  int code = err ? f.code : 0;
  const char *leak = leaked_secret(msg);
  if (!leak) leak = leaked_secret(details);

  if (leak) {
    snprintf(why, sizeof why, "the error (%s) holds %s", temporal_error_code_name(code), leak);
  } else if (x.ok) {
    if (err && !*why)
      snprintf(why, sizeof why, "%s failed: %s: %s", stage, temporal_error_code_name(code), msg);
  } else if (!err) {
    snprintf(why, sizeof why, "connected and ran Echo; expected a refusal");
  } else if (strcmp(stage, "connect") != 0) {
    snprintf(why, sizeof why, "refused only at %s, not at connect", stage);
  } else if (x.code != ANY_CODE && code != x.code && (x.code2 == ANY_CODE || code != x.code2)) {
    snprintf(why, sizeof why, "code %s, want %s%s%s", temporal_error_code_name(code),
             temporal_error_code_name(x.code), x.code2 == ANY_CODE ? "" : " or ",
             x.code2 == ANY_CODE ? "" : temporal_error_code_name(x.code2));
  } else if (connect_ms > FAIL_TIMEOUT_MS + 1000.0) {
    snprintf(why, sizeof why, "refused after %.0f ms, past the %u ms connect timeout", connect_ms,
             FAIL_TIMEOUT_MS);
  } else if (x.words) {
    bool found = false;
    for (const char *const *w = x.words; *w && !found; w++) found = contains_ci(msg, *w);
    if (!found) {
      size_t n = (size_t)snprintf(why, sizeof why, "the message names none of:");
      for (const char *const *w = x.words; *w && n < sizeof why; w++)
        n += (size_t)snprintf(why + n, sizeof why - n, " '%s'", *w);
    }
  }

  if (*why) {
    g_failed++;
    printf("FAIL %s %s: %s\n", id, what, why);
  } else {
    g_passed++;
    printf("ok   %s %s (%.0f ms)\n", id, what, total_ms);
  }
  if (err) {
    if (leak) {
      printf("     (the message and details are not printed: they hold a secret)\n");
    } else {
      printf("     %s: %s\n", temporal_error_code_name(code), msg);
      printf("     details: %s\n", details ? details : "(none)");
    }
  }
  fflush(stdout);
  free(f.msg);
  free(f.details);
}

static temporal_client_options opts(const char *address) {
  temporal_client_options o;
  temporal_client_options_default(&o, sizeof o);
  o.address = address;
  return o;
}

/* A copy of `pem` with `n` base64 characters in the middle of its body set to `c`. */
static char *garble(const char *pem, char c, size_t n) {
  char *g = strdup(pem);
  if (!g) abort();
  char *body = strchr(g, '\n');
  if (!body) abort();
  body += 1 + 2 * 65; /* the third line of the body */
  for (size_t i = 0; i < n && body[i] && body[i] != '-'; i++)
    if (body[i] != '\n') body[i] = c;
  return g;
}

int main(void) {
  g_queue = env("TEMPORAL_TEST_TASK_QUEUE");
  const char *tls_port = env("TLS_TLS_PORT"), *mtls_port = env("TLS_MTLS_PORT");
  const char *key_port = env("TLS_APIKEY_PORT"), *plain_port = env("TLS_PLAIN_APIKEY_PORT");
  const char *grpc_key_port = env("TLS_GRPC_APIKEY_PORT");
  snprintf(g_tls_localhost, sizeof g_tls_localhost, "localhost:%s", tls_port);
  snprintf(g_tls_ip, sizeof g_tls_ip, "127.0.0.1:%s", tls_port);
  snprintf(g_mtls, sizeof g_mtls, "localhost:%s", mtls_port);
  snprintf(g_apikey, sizeof g_apikey, "localhost:%s", key_port);
  snprintf(g_grpc_apikey, sizeof g_grpc_apikey, "localhost:%s", grpc_key_port);
  snprintf(g_plain_ip, sizeof g_plain_ip, "127.0.0.1:%s", plain_port);
  snprintf(g_plain_http, sizeof g_plain_http, "http://127.0.0.1:%s", plain_port);
  g_ca = read_pem("TLS_CA_PEM");
  g_other_ca = read_pem("TLS_OTHER_CA_PEM");
  g_client_cert = read_pem("TLS_CLIENT_CERT_PEM");
  g_client_key = read_pem("TLS_CLIENT_KEY_PEM");
  g_other_client_key = read_pem("TLS_OTHER_CLIENT_KEY_PEM");
  g_key_bodies[0] = pem_body(g_client_key);
  g_key_bodies[1] = pem_body(g_other_client_key);
  if (strlen(g_key_bodies[0]) < 200 || strlen(g_key_bodies[1]) < 200) die("private keys too short", NULL);
  g_garbled_key = garble(g_client_key, 'A', 48);   /* valid base64, corrupt key */
  g_bad_base64_key = garble(g_client_key, '*', 8); /* not base64 */

  temporal_client_options o;
  temporal_error *qe = temporal_completion_queue_new(&g_cq);
  if (qe) die("temporal_completion_queue_new:", temporal_error_get_message(qe));

  /* 7a. The leak detector itself: it must find the secrets, and only them. (Not tried on the
     client certificate: it holds the key's public modulus, whose base64 may match.) */
  {
    char text[160];
    snprintf(text, sizeof text, "error: ...%.*s...", WINDOW, g_key_bodies[0] + 300);
    const char *other_text = "failed reaching server https://localhost:1/: UnknownIssuer";
    if (leaked_secret(text) && leaked_secret("x " GOOD_KEY " y") && leaked_secret(g_other_client_key) &&
        !leaked_secret(other_text) && !leaked_secret(g_ca) && !leaked_secret(g_other_ca)) {
      g_passed++;
      printf("ok   7a the leak detector finds key pieces and API keys, and nothing else\n");
    } else {
      g_failed++;
      printf("FAIL 7a the leak detector is broken\n");
    }
  }

  /* 1. TLS with the custom CA. */
  o = opts(g_tls_localhost);
  o.tls_server_ca_cert_pem = g_ca;
  run_case("1", "TLS, custom CA, localhost:PORT", &o, EXPECT_OK);

  /* 2. The wrong CA, and no CA (system roots): refused at the handshake. Secrets ride along. */
  o = opts(g_tls_localhost);
  o.tls_server_ca_cert_pem = g_other_ca;
  o.api_key = GOOD_KEY;
  o.tls_client_cert_pem = g_client_cert;
  o.tls_client_key_pem = g_client_key;
  run_case("2a", "TLS, wrong CA: refused", &o,
           (struct expect){false, TEMPORAL_ERROR_CODE_UNAVAILABLE, ANY_CODE, WORDS("issuer", "certificate")});
  o = opts(g_tls_localhost);
  o.tls = true;
  o.api_key = GOOD_KEY;
  o.tls_client_cert_pem = g_client_cert;
  o.tls_client_key_pem = g_client_key;
  run_case("2b", "TLS, system roots only: refused", &o,
           (struct expect){false, TEMPORAL_ERROR_CODE_UNAVAILABLE, ANY_CODE, WORDS("issuer", "certificate")});

  /* 3. Host verification off. */
  o = opts(g_tls_localhost);
  o.tls_disable_host_verification = true;
  run_case("3a", "TLS, host verification off, no CA", &o, EXPECT_OK);
  o.tls_server_name = "wrong.example";
  run_case("3b", "TLS, host verification off, server name wrong.example", &o, EXPECT_OK);
  o = opts(g_tls_ip);
  o.tls_disable_host_verification = true;
  o.tls_server_ca_cert_pem = g_other_ca;
  run_case("3c", "TLS, host verification off, wrong CA, 127.0.0.1:PORT", &o, EXPECT_OK);

  /* 4. Server name. */
  o = opts(g_tls_ip);
  o.tls_server_ca_cert_pem = g_ca;
  o.tls_server_name = "localhost";
  run_case("4a", "TLS, 127.0.0.1:PORT, server name localhost", &o, EXPECT_OK);
  o.tls_server_name = NULL;
  run_case("4b", "TLS, 127.0.0.1:PORT, no server name (IP SAN)", &o, EXPECT_OK);
  o.tls_server_name = "wrong.example";
  o.api_key = GOOD_KEY;
  o.tls_client_cert_pem = g_client_cert;
  o.tls_client_key_pem = g_client_key;
  run_case("4c", "TLS, 127.0.0.1:PORT, server name wrong.example: refused", &o,
           (struct expect){false, TEMPORAL_ERROR_CODE_UNAVAILABLE, ANY_CODE,
                           WORDS("name", "certificate")});

  /* 5. mTLS. */
  o = opts(g_mtls);
  o.tls_server_ca_cert_pem = g_ca;
  o.tls_client_cert_pem = g_client_cert;
  o.tls_client_key_pem = g_client_key;
  run_case("5a", "mTLS, client certificate and key", &o, EXPECT_OK);
  o = opts(g_mtls);
  o.tls_server_ca_cert_pem = g_ca;
  o.api_key = GOOD_KEY;
  /* nginx completes the handshake and answers HTTP 400 "No required SSL certificate was sent". */
  run_case("5b", "mTLS port without a client certificate: refused (HTTP 400)", &o,
           (struct expect){false, TEMPORAL_ERROR_CODE_UNAVAILABLE, TEMPORAL_ERROR_CODE_PERMISSION_DENIED,
                           WORDS("certificate", "400")});
  o.tls_client_cert_pem = g_client_cert;
  o.tls_client_key_pem = g_other_client_key;
  run_case("5c", "mTLS, client certificate with a key that is not its own: refused", &o,
           (struct expect){false, ANY_CODE, ANY_CODE, NULL});
  o.tls_client_cert_pem = NULL;
  o.tls_client_key_pem = g_client_key;
  run_case("5d", "client key without a certificate: INVALID_ARGUMENT", &o,
           (struct expect){false, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, ANY_CODE, NULL});
  o.tls_client_cert_pem = g_client_cert;
  o.tls_client_key_pem = g_garbled_key;
  run_case("5e", "client key PEM with a corrupt body: refused", &o,
           (struct expect){false, ANY_CODE, ANY_CODE, NULL});
  o.tls_client_key_pem = g_bad_base64_key;
  run_case("5f", "client key PEM that is not base64: refused", &o,
           (struct expect){false, ANY_CODE, ANY_CODE, NULL});

  /* 6. API key. */
  o = opts(g_apikey);
  o.tls_server_ca_cert_pem = g_ca;
  o.api_key = GOOD_KEY;
  run_case("6a", "TLS + API key, right key", &o, EXPECT_OK);
  o.api_key = WRONG_KEY;
  o.tls_client_cert_pem = g_client_cert;
  o.tls_client_key_pem = g_client_key;
  run_case("6b", "TLS + API key, wrong key: refused (HTTP 401)", &o,
           (struct expect){false, TEMPORAL_ERROR_CODE_PERMISSION_DENIED, ANY_CODE, NULL});
  o.api_key = NULL;
  run_case("6c", "TLS + API key port, no key: refused (HTTP 401)", &o,
           (struct expect){false, TEMPORAL_ERROR_CODE_PERMISSION_DENIED, ANY_CODE, NULL});
  /* The same refusal as a gRPC server gives it: a trailers-only grpc-status 16. */
  o = opts(g_grpc_apikey);
  o.tls_server_ca_cert_pem = g_ca;
  o.api_key = GOOD_KEY;
  run_case("6d", "TLS + API key (gRPC status port), right key", &o, EXPECT_OK);
  o.api_key = WRONG_KEY;
  o.tls_client_cert_pem = g_client_cert;
  o.tls_client_key_pem = g_client_key;
  run_case("6e", "TLS + API key, wrong key: refused (gRPC UNAUTHENTICATED)", &o,
           (struct expect){false, TEMPORAL_ERROR_CODE_PERMISSION_DENIED, ANY_CODE, WORDS("API key refused")});
  /* An API key with no TLS option turns TLS on (system roots), as the official SDKs: a
     plaintext server is then refused at the handshake, and the key is never sent. */
  o = opts(g_plain_ip);
  o.api_key = GOOD_KEY;
  run_case("6f", "API key, tls=false, plaintext 127.0.0.1:PORT: TLS turned on, refused", &o,
           (struct expect){false, TEMPORAL_ERROR_CODE_UNAVAILABLE, ANY_CODE, NULL});
  /* An explicit http:// address asks for plaintext. */
  o = opts(g_plain_http);
  o.api_key = GOOD_KEY;
  run_case("6g", "API key over plaintext, address http://127.0.0.1:PORT, right key", &o, EXPECT_OK);
  o.api_key = WRONG_KEY;
  run_case("6h", "API key over plaintext, address http://127.0.0.1:PORT, wrong key: refused", &o,
           (struct expect){false, TEMPORAL_ERROR_CODE_PERMISSION_DENIED, ANY_CODE, NULL});
  /* TLS asked for explicitly (a CA, or tls=true) with an http:// address: the library must not
     quietly connect in plaintext (and send the API key in clear). */
  o = opts(g_plain_http);
  o.api_key = GOOD_KEY;
  o.tls_server_ca_cert_pem = g_ca;
  run_case("6i", "API key + TLS CA option, address http://: no silent plaintext", &o,
           (struct expect){false, ANY_CODE, ANY_CODE, NULL});
  o.tls_server_ca_cert_pem = NULL;
  o.tls = true;
  run_case("6j", "API key + tls=true, address http://: no silent plaintext", &o,
           (struct expect){false, ANY_CODE, ANY_CODE, NULL});

  printf("tls: %d passed, %d failed\n", g_passed, g_failed);
  temporal_completion_queue_free(g_cq);
  free(g_ca);
  free(g_other_ca);
  free(g_client_cert);
  free(g_client_key);
  free(g_other_client_key);
  free(g_garbled_key);
  free(g_bad_base64_key);
  free(g_key_bodies[0]);
  free(g_key_bodies[1]);
  return g_failed == 0 ? 0 : 1;
}
