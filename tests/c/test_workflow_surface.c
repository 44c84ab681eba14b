/*
 * test_workflow_surface: the rest of the Go SDK client's per-workflow surface from C, against a
 * real Temporal server and the Go SDK test worker: describe / list / count with their response
 * bytes, one page of history (GetWorkflowHistory's iterator, with a long poll),
 * QueryWorkflowWithOptions (reject conditions), GetSearchAttributes, DescribeTaskQueue,
 * ResetWorkflowExecution, CheckHealth, the lazy client (NewLazyClient), and
 * ListOpenWorkflowExecutions through the raw RPC.
 *
 * Run it inside tests/harness/with-dev-server.sh (TEMPORAL_ADDRESS, TEMPORAL_TEST_TASK_QUEUE).
 *
 *   test_workflow_surface [NAME_SUBSTRING]   runs every test, or those whose name contains it
 *
 * The worker's Counter(start) workflow answers query "count" with its total and ends with it on
 * signal "done"; GreetingWorkflow(name) completes at once. The last line is
 * "workflow surface: N passed, M failed".
 */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>

#include "server_test.h"

static temporal_start_workflow_options start_options(const char *id) {
  temporal_start_workflow_options o;
  temporal_start_workflow_options_default(&o, sizeof o);
  o.id = id;
  o.task_queue = g_queue;
  o.execution_timeout_ms = 5 * 60 * 1000;
  return o;
}

static bool start_workflow(const char *type, const char *args, const char *id, temporal_workflow_run **run) {
  temporal_start_workflow_options o = start_options(id);
  CHECK_OK(keep_err(temporal_execute_workflow(g_client, type, args, &o, run)));
  keep_run(*run);
  return true;
}

/* Starts GreetingWorkflow and waits until it completed. */
static bool completed_greeting(const char *id, temporal_workflow_run **run) {
  if (!start_workflow("GreetingWorkflow", "[\"surface\"]", id, run)) return false;
  char *result = NULL;
  CHECK_OK(keep_err(temporal_get_result(*run, 20000, &result)));
  temporal_string_free(result);
  return true;
}

static bool signal_done(const char *id) {
  temporal_call *call;
  RUN(call, temporal_signal_workflow_async(g_client, id, NULL, "done", NULL, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  return true;
}

/* The completed call's response bytes (must be there) contain `needle`. */
static bool bytes_contain(temporal_call *call, const char *needle) {
  const uint8_t *bytes = NULL;
  size_t len = 0;
  CHECK(temporal_call_get_bytes(call, &bytes, &len), "the call has no response bytes");
  size_t n = strlen(needle);
  for (size_t i = 0; n <= len && i + n <= len; i++)
    if (memcmp(bytes + i, needle, n) == 0) return true;
  CHECK(false, "the %zu response bytes do not contain '%s'", len, needle);
}

/* The integer after `"key":` in `json`, or -1. */
static long long json_int(const char *json, const char *key) {
  char pattern[64];
  snprintf(pattern, sizeof pattern, "\"%s\":", key);
  const char *at = json ? strstr(json, pattern) : NULL;
  if (!at) return -1;
  at += strlen(pattern);
  while (*at == ' ' || *at == '"') at++;
  return strtoll(at, NULL, 10);
}

/* The string value after `"key":"` in `json`, copied into out. */
static bool json_str(const char *json, const char *key, char *out, size_t size) {
  char pattern[64];
  snprintf(pattern, sizeof pattern, "\"%s\":\"", key);
  const char *at = json ? strstr(json, pattern) : NULL;
  if (!at) return false;
  at += strlen(pattern);
  const char *end = strchr(at, '"');
  if (!end || (size_t)(end - at) >= size) return false;
  memcpy(out, at, (size_t)(end - at));
  out[end - at] = '\0';
  return true;
}

/* ---------------------------------------------------------------- describe, list, count */

static bool test_describe_has_counts_parent_and_bytes(void) {
  const char *id = new_id("describe");
  temporal_workflow_run *run;
  if (!start_workflow("Counter", "[1]", id, &run)) return false;
  temporal_call *call;
  RUN(call, temporal_describe_workflow_execution_async(g_client, id, NULL, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  const char *json = temporal_call_get_json(call);
  CHECK_CONTAINS(json, "\"status\":\"RUNNING\"");
  CHECK_CONTAINS(json, "\"pending_children\":0");
  CHECK_CONTAINS(json, "\"callbacks\":0");
  CHECK_CONTAINS(json, "\"pending_activities\":0");
  CHECK_CONTAINS(json, "\"parent_workflow_id\":null");
  CHECK_CONTAINS(json, "\"parent_run_id\":null");
  /* The DescribeWorkflowExecutionResponse names the execution and its type. */
  if (!bytes_contain(call, id)) return false;
  if (!bytes_contain(call, temporal_workflow_run_get_run_id(run))) return false;
  if (!bytes_contain(call, "Counter")) return false;
  return signal_done(id);
}

static bool test_list_and_count_give_their_responses(void) {
  const char *id = new_id("listed");
  temporal_workflow_run *run;
  if (!completed_greeting(id, &run)) return false;
  char query[160];
  snprintf(query, sizeof query, "WorkflowId = '%s'", id);
  temporal_call *call = NULL;
  /* Visibility is eventually consistent: poll until the run shows. */
  for (int i = 0; i < 50; i++) {
    RUN(call, temporal_list_workflow_async(g_client, query, 10, NULL, NULL, &call));
    CHECK_OK(temporal_call_get_error(call));
    if (strstr(temporal_call_get_json(call), id)) break;
    drop_last_call();
    call = NULL;
    sleep_ms(100);
  }
  CHECK(call != NULL, "the run never showed in the list");
  if (!bytes_contain(call, id)) return false;
  if (!bytes_contain(call, "GreetingWorkflow")) return false;

  RUN(call, temporal_count_workflow_async(g_client, query, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  int64_t count = -1;
  CHECK(temporal_call_get_count(call, &count) && count == 1, "count %lld", (long long)count);
  CHECK_CONTAINS(temporal_call_get_json(call), "\"count\":1");
  const uint8_t *bytes = NULL;
  size_t len = 0;
  CHECK(temporal_call_get_bytes(call, &bytes, &len), "no CountWorkflowExecutionsResponse bytes");
  /* field 1 (count), varint 1 */
  CHECK(len == 2 && bytes[0] == 0x08 && bytes[1] == 0x01, "CountWorkflowExecutionsResponse is %zu bytes", len);
  return true;
}

/* ---------------------------------------------------------------- history pages */

static bool test_history_pages_and_filters(void) {
  const char *id = new_id("history");
  temporal_workflow_run *run;
  if (!completed_greeting(id, &run)) return false;
  temporal_call *call;
  RUN(call, temporal_get_workflow_history_page_async(g_client, id, NULL, NULL, TEMPORAL_HISTORY_EVENT_FILTER_ALL_EVENT,
                                                     false, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  const char *json = temporal_call_get_json(call);
  CHECK_CONTAINS(json, "\"events\":[");
  CHECK_CONTAINS(json, "\"next_page_token\":\"\"");
  CHECK_CONTAINS(json, "WorkflowExecutionStarted");
  CHECK_CONTAINS(json, "WorkflowExecutionCompleted");
  if (!bytes_contain(call, "GreetingWorkflow")) return false;

  /* The close event alone (0 is ALL; 2 is CLOSE). */
  RUN(call, temporal_get_workflow_history_page_async(g_client, id, temporal_workflow_run_get_run_id(run), "",
                                                     TEMPORAL_HISTORY_EVENT_FILTER_CLOSE_EVENT, false, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  json = temporal_call_get_json(call);
  CHECK_CONTAINS(json, "WorkflowExecutionCompleted");
  CHECK(strstr(json, "WorkflowExecutionStarted") == NULL, "the close filter gave the start event: %s", json);

  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "page token", call,
          temporal_get_workflow_history_page_async(g_client, id, NULL, "xyz", 0, false, NULL, &call));
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "history event filter type", call,
          temporal_get_workflow_history_page_async(g_client, id, NULL, NULL, 3, false, NULL, &call));
  return true;
}

/* A long poll with the token of the last page waits for the next event. */
static bool test_history_long_poll_waits_for_a_new_event(void) {
  const char *id = new_id("long-poll");
  temporal_workflow_run *run;
  if (!start_workflow("Counter", "[2]", id, &run)) return false;
  temporal_call *call;
  char token[1024] = "";
  /* The first workflow task done, the history stands still until the signal. */
  for (int i = 0; i < 50; i++) {
    RUN(call, temporal_get_workflow_history_page_async(g_client, id, NULL, NULL, 0, true, NULL, &call));
    CHECK_OK(temporal_call_get_error(call));
    if (strstr(temporal_call_get_json(call), "WorkflowTaskCompleted")) break;
    drop_last_call();
    sleep_ms(100);
  }
  CHECK_CONTAINS(temporal_call_get_json(call), "WorkflowTaskCompleted");
  CHECK(json_str(temporal_call_get_json(call), "next_page_token", token, sizeof token) && token[0],
        "a running workflow's long-poll page has a token: %s", temporal_call_get_json(call));

  temporal_call *poll = NULL;
  double t0 = now_s();
  CHECK_OK(keep_err(temporal_get_workflow_history_page_async(g_client, id, NULL, token, 0, true, NULL, &poll)));
  g_calls[g_ncalls++] = poll;
  sleep_ms(700);
  CHECK(!temporal_call_is_done(poll), "the long poll answered before any new event");
  if (!signal_done(id)) return false;
  CHECK_OK(keep_err(temporal_call_wait(poll, 15000)));
  CHECK_OK(temporal_call_get_error(poll));
  CHECK_CONTAINS(temporal_call_get_json(poll), "WorkflowExecutionSignaled");
  CHECK(now_s() - t0 < 10, "the long poll took %.1f s", now_s() - t0);
  return true;
}

/* ---------------------------------------------------------------- query with options */

static bool test_query_reject_conditions(void) {
  const char *id = new_id("query-reject");
  temporal_workflow_run *run;
  if (!start_workflow("Counter", "[5]", id, &run)) return false;
  temporal_query_options q;
  CHECK(temporal_query_options_default(&q, sizeof q), "default");
  q.workflow_id = id;
  q.query_type = "count";
  q.query_reject_condition = TEMPORAL_QUERY_REJECT_CONDITION_NOT_OPEN;
  temporal_call *call;
  /* Running: NOT_OPEN answers. */
  RUN(call, temporal_query_workflow_with_options_async(g_client, &q, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  CHECK_STREQ(temporal_call_get_json(call), "5");

  if (!signal_done(id)) return false;
  char *result = NULL;
  CHECK_OK(keep_err(temporal_get_result(run, 20000, &result)));
  temporal_string_free(result);

  RUN(call, temporal_query_workflow_with_options_async(g_client, &q, NULL, &call));
  const temporal_error *e = temporal_call_get_error(call);
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_QUERY_REJECTED);
  CHECK_STREQ(temporal_error_get_details(e), "{\"status\":\"COMPLETED\"}");

  /* NOT_COMPLETED_CLEANLY: it completed cleanly, so it answers; so does NONE (0 too). */
  int answering[] = {TEMPORAL_QUERY_REJECT_CONDITION_NOT_COMPLETED_CLEANLY, TEMPORAL_QUERY_REJECT_CONDITION_NONE, 0};
  for (size_t i = 0; i < sizeof answering / sizeof answering[0]; i++) {
    q.query_reject_condition = answering[i];
    RUN(call, temporal_query_workflow_with_options_async(g_client, &q, NULL, &call));
    CHECK_OK(temporal_call_get_error(call));
    CHECK_STREQ(temporal_call_get_json(call), "5");
  }

  /* Payloads out, as temporal_query_workflow_async. */
  temporal_call_options co;
  temporal_call_options_default(&co, sizeof co);
  co.result_as_payloads = true;
  RUN(call, temporal_query_workflow_with_options_async(g_client, &q, &co, &call));
  CHECK_OK(temporal_call_get_error(call));
  temporal_payloads *p = temporal_call_take_payloads(call);
  CHECK(p != NULL && temporal_payloads_len(p) == 1, "one result payload");
  temporal_payloads_free(p);

  q.query_reject_condition = 4;
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "query_reject_condition", call,
          temporal_query_workflow_with_options_async(g_client, &q, NULL, &call));
  return true;
}

/* ---------------------------------------------------------------- namespace and task queue */

static bool test_search_attributes_and_health(void) {
  temporal_call *call;
  RUN(call, temporal_get_search_attributes_async(g_client, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  const char *json = temporal_call_get_json(call);
  CHECK_CONTAINS(json, "\"keys\":{");
  /* The dev server lists its system and pre-allocated attributes here (its custom ones, such
     as CustomKeywordField, are not in this deprecated answer; the Go SDK gets the same). */
  CHECK_CONTAINS(json, "\"WorkflowId\":\"KEYWORD\"");
  CHECK_CONTAINS(json, "\"StartTime\":\"DATETIME\"");
  CHECK_CONTAINS(json, "\"HistoryLength\":\"INT\"");
  if (!bytes_contain(call, "ExecutionStatus")) return false;

  RUN(call, temporal_check_health_async(g_client, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  CHECK(temporal_call_get_json(call) == NULL, "a health check has no result");
  return true;
}

static bool test_describe_task_queue_shows_the_worker(void) {
  temporal_call *call;
  RUN(call, temporal_describe_task_queue_async(g_client, g_queue, TEMPORAL_TASK_QUEUE_TYPE_WORKFLOW, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  const char *json = temporal_call_get_json(call);
  CHECK_CONTAINS(json, "\"pollers\":[{");
  CHECK_CONTAINS(json, "\"identity\":\"");
  CHECK_CONTAINS(json, "\"last_access_time\":\"");
  CHECK_CONTAINS(json, "\"backlog_count_hint\":");
  char identity[256];
  CHECK(json_str(json, "identity", identity, sizeof identity), "no identity in %s", json);
  if (!bytes_contain(call, identity)) return false;
  /* The activity queue of the same name has the worker's activity poller. */
  RUN(call, temporal_describe_task_queue_async(g_client, g_queue, TEMPORAL_TASK_QUEUE_TYPE_ACTIVITY, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  CHECK_CONTAINS(temporal_call_get_json(call), "\"pollers\":[{");
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "task queue type", call,
          temporal_describe_task_queue_async(g_client, g_queue, 4, NULL, &call));
  return true;
}

/* ---------------------------------------------------------------- reset */

static bool test_reset_a_completed_workflow(void) {
  const char *id = new_id("reset");
  temporal_workflow_run *run;
  if (!completed_greeting(id, &run)) return false;
  temporal_call *call;
  RUN(call, temporal_get_workflow_history_page_async(g_client, id, NULL, NULL, 0, false, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  /* The first WorkflowTaskCompleted event's ID: each event's keys are in order, so its
     "event_id" follows its attributes. */
  const char *json = temporal_call_get_json(call);
  const char *completed = strstr(json, "\"WorkflowTaskCompletedEventAttributes\"");
  CHECK(completed != NULL, "no workflow task completed event in %s", json);
  long long event_id = json_int(completed, "event_id");
  CHECK(event_id > 0, "no event ID after the workflow task completed attributes: %s", completed);

  RUN(call, temporal_reset_workflow_execution_async(g_client, id, temporal_workflow_run_get_run_id(run), "surface test",
                                                    event_id, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  char new_run[64];
  CHECK(json_str(temporal_call_get_json(call), "run_id", new_run, sizeof new_run), "%s", temporal_call_get_json(call));
  CHECK(strcmp(new_run, temporal_workflow_run_get_run_id(run)) != 0, "reset gave the same run");
  if (!bytes_contain(call, new_run)) return false;
  /* The new run is the current one, and it completes again. */
  RUN(call, temporal_describe_workflow_execution_async(g_client, id, NULL, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  char current[64];
  CHECK(json_str(temporal_call_get_json(call), "run_id", current, sizeof current), "no run ID");
  CHECK_STREQ(current, new_run);

  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "workflow_task_finish_event_id", call,
          temporal_reset_workflow_execution_async(g_client, id, NULL, NULL, 0, NULL, &call));
  return true;
}

/* ---------------------------------------------------------------- the lazy client */

/* A TCP port nothing listens on (bound to find it, then closed). */
static int unused_port(void) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof a) != 0 || getsockname(s, (struct sockaddr *)&a, &len) != 0)
    return -1;
  close(s);
  return ntohs(a.sin_port);
}

/* Copies between two sockets until either closes. */
static void splice_sockets(int a, int b) {
  char buf[16384];
  struct pollfd fds[2] = {{a, POLLIN, 0}, {b, POLLIN, 0}};
  for (;;) {
    if (poll(fds, 2, -1) < 0) return;
    for (int i = 0; i < 2; i++) {
      if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n <= 0) return;
      for (ssize_t off = 0; off < n;) {
        ssize_t w = write(fds[1 - i].fd, buf + off, (size_t)(n - off));
        if (w <= 0) return;
        off += w;
      }
    }
  }
}

/* Forks a process that listens on 127.0.0.1:port and forwards each connection to the dev
   server: "a server starts on that port". Returns its pid, or -1. The child only uses
   sockets (it never calls into the library, whose threads it does not have). */
static pid_t start_forwarder(int port, int target_port, int *listening) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons((uint16_t)port);
  *listening = s >= 0 && bind(s, (struct sockaddr *)&a, sizeof a) == 0 && listen(s, 16) == 0;
  if (!*listening) return -1;
  pid_t pid = fork();
  if (pid != 0) {
    close(s);
    return pid;
  }
  for (;;) {
    int c = accept(s, NULL, NULL);
    if (c < 0) _exit(0);
    if (fork() == 0) {
      int t = socket(AF_INET, SOCK_STREAM, 0);
      struct sockaddr_in ta;
      memset(&ta, 0, sizeof ta);
      ta.sin_family = AF_INET;
      ta.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      ta.sin_port = htons((uint16_t)target_port);
      if (connect(t, (struct sockaddr *)&ta, sizeof ta) == 0) splice_sockets(c, t);
      _exit(0);
    }
    close(c);
  }
}

static bool test_lazy_client_dials_on_first_use_and_again_after_a_failure(void) {
  const char *address = getenv("TEMPORAL_ADDRESS");
  const char *colon = strrchr(address, ':');
  CHECK(colon != NULL, "TEMPORAL_ADDRESS %s has no port", address);
  int server_port = atoi(colon + 1);
  int port = unused_port();
  CHECK(port > 0, "no free port");
  char lazy_address[64];
  snprintf(lazy_address, sizeof lazy_address, "127.0.0.1:%d", port);

  temporal_client_options co;
  temporal_client_options_default(&co, sizeof co);
  co.address = lazy_address;
  co.lazy = true;
  co.connect_timeout_ms = 3000;
  /* Bad options are refused at once, lazy or not. */
  co.grpc_metadata_json = "{\"x-bin\": \"v\"}";
  temporal_client *bad = NULL;
  temporal_error *e = keep_err(temporal_client_connect(&co, &bad));
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  co.grpc_metadata_json = NULL;

  temporal_client *lazy = NULL;
  double t0 = now_s();
  CHECK_OK(keep_err(temporal_client_connect(&co, &lazy)));
  CHECK(now_s() - t0 < 0.5, "a lazy connect took %.2f s", now_s() - t0);
  bool ok = false;
  pid_t forwarder = -1;
  temporal_call *call;
  do {
    /* Nothing listens: the first call dials and fails, within its timeout. */
    temporal_call_options quick;
    temporal_call_options_default(&quick, sizeof quick);
    quick.timeout_ms = 5000;
    t0 = now_s();
    call = NULL;
    e = keep_err(temporal_describe_workflow_execution_async(lazy, "any", NULL, &quick, &call));
    if (e) break;
    g_calls[g_ncalls++] = call;
    if (keep_err(temporal_call_wait(call, 10000))) break;
    const temporal_error *ce = temporal_call_get_error(call);
    if (!ce || temporal_error_get_code(ce) != TEMPORAL_ERROR_CODE_UNAVAILABLE) {
      fail_at(__LINE__, "describe UNAVAILABLE", "got %s", ce ? code_name(ce) : "success");
      break;
    }
    /* CheckHealth on the closed port: UNAVAILABLE too, within the timeout. */
    call = NULL;
    if (keep_err(temporal_check_health_async(lazy, &quick, &call))) break;
    g_calls[g_ncalls++] = call;
    if (keep_err(temporal_call_wait(call, 10000))) break;
    ce = temporal_call_get_error(call);
    if (!ce || temporal_error_get_code(ce) != TEMPORAL_ERROR_CODE_UNAVAILABLE) {
      fail_at(__LINE__, "health UNAVAILABLE", "got %s", ce ? code_name(ce) : "success");
      break;
    }
    double failed_in = now_s() - t0;
    if (failed_in > 5.5) {
      fail_at(__LINE__, "within the timeout", "the failed dials took %.2f s", failed_in);
      break;
    }

    /* A server on that port now: the next call dials again and works. */
    int listening = 0;
    forwarder = start_forwarder(port, server_port, &listening);
    if (forwarder < 0) {
      fail_at(__LINE__, "forwarder", "cannot listen on %d", port);
      break;
    }
    call = NULL;
    if (keep_err(temporal_check_health_async(lazy, &quick, &call))) break;
    g_calls[g_ncalls++] = call;
    if (keep_err(temporal_call_wait(call, 10000))) break;
    if (temporal_call_get_error(call)) {
      fail_at(__LINE__, "health after the server came", "%s", temporal_error_get_message(temporal_call_get_error(call)));
      break;
    }
    call = NULL;
    if (keep_err(temporal_describe_workflow_execution_async(lazy, "surface-no-such-workflow", NULL, &quick, &call)))
      break;
    g_calls[g_ncalls++] = call;
    if (keep_err(temporal_call_wait(call, 10000))) break;
    ce = temporal_call_get_error(call);
    if (!ce || temporal_error_get_code(ce) != TEMPORAL_ERROR_CODE_NOT_FOUND) {
      fail_at(__LINE__, "describe NOT_FOUND from the server", "got %s", ce ? code_name(ce) : "success");
      break;
    }
    ok = true;
  } while (0);
  release_all();
  temporal_client_free(lazy);
  if (forwarder > 0) {
    kill(forwarder, SIGTERM);
    waitpid(forwarder, NULL, 0);
  }
  return ok;
}

/* ---------------------------------------------------------------- raw RPC */

/* ListOpenWorkflowExecutions has no function of its own: the raw RPC reaches it. */
static bool test_list_open_through_the_raw_rpc(void) {
  const char *id = new_id("list-open");
  temporal_workflow_run *run;
  if (!start_workflow("Counter", "[3]", id, &run)) return false;
  /* ListOpenWorkflowExecutionsRequest{namespace: "default" (1), maximum_page_size: 100 (2),
     execution_filter (5): {workflow_id (1)}} */
  uint8_t request[160];
  size_t n = 0, id_len = strlen(id);
  CHECK(id_len < 100, "id too long");
  request[n++] = 0x0a;
  request[n++] = 7;
  memcpy(request + n, "default", 7);
  n += 7;
  request[n++] = 0x10;
  request[n++] = 100;
  request[n++] = 0x2a;
  request[n++] = (uint8_t)(id_len + 2);
  request[n++] = 0x0a;
  request[n++] = (uint8_t)id_len;
  memcpy(request + n, id, id_len);
  n += id_len;
  temporal_call *call = NULL;
  for (int i = 0; i < 50; i++) {
    RUN(call, temporal_raw_rpc_async(g_client, "WorkflowService", "ListOpenWorkflowExecutions", request, n, NULL, &call));
    CHECK_OK(temporal_call_get_error(call));
    const uint8_t *bytes = NULL;
    size_t len = 0;
    if (temporal_call_get_bytes(call, &bytes, &len) && len > 0) break;
    drop_last_call();
    call = NULL;
    sleep_ms(100);
  }
  CHECK(call != NULL, "the open run never showed");
  if (!bytes_contain(call, id)) return false;
  return signal_done(id);
}

static const struct server_test TESTS[] = {
    {"describe_has_counts_parent_and_bytes", test_describe_has_counts_parent_and_bytes},
    {"list_and_count_give_their_responses", test_list_and_count_give_their_responses},
    {"history_pages_and_filters", test_history_pages_and_filters},
    {"history_long_poll_waits_for_a_new_event", test_history_long_poll_waits_for_a_new_event},
    {"query_reject_conditions", test_query_reject_conditions},
    {"search_attributes_and_health", test_search_attributes_and_health},
    {"describe_task_queue_shows_the_worker", test_describe_task_queue_shows_the_worker},
    {"reset_a_completed_workflow", test_reset_a_completed_workflow},
    {"lazy_client_dials_on_first_use_and_again_after_a_failure", test_lazy_client_dials_on_first_use_and_again_after_a_failure},
    {"list_open_through_the_raw_rpc", test_list_open_through_the_raw_rpc},
};

int main(int argc, char **argv) {
  return run_server_tests("test_workflow_surface", "workflow surface", TESTS, sizeof TESTS / sizeof TESTS[0], argc,
                          argv);
}
