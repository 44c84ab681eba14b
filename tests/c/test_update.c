/*
 * test_update: update handles and update-with-start from C (temporal_start_update_async,
 * temporal_get_workflow_update_handle, temporal_update_handle_*,
 * temporal_update_with_start_workflow_async), the Go SDK client's UpdateWorkflow with a wait
 * stage, GetWorkflowUpdateHandle, WorkflowUpdateHandle.Get and UpdateWithStartWorkflow, against
 * a real Temporal server and the Go SDK test worker.
 *
 * Run it inside tests/harness/with-dev-server.sh (TEMPORAL_ADDRESS, TEMPORAL_TEST_TASK_QUEUE).
 *
 *   test_update [NAME_SUBSTRING]   runs every test, or those whose name contains it
 *
 * The worker's Counter(start) workflow keeps a total: update "add" (n) adds n and returns the
 * total (its validator rejects a negative n), update "held" returns the total only after signal
 * "release" (so ACCEPTED and COMPLETED differ), query "count" reads it. What a test gets from
 * the library is freed after it, pass or fail; every workflow started is terminated at the end.
 * The last line is "update: N passed, M failed".
 */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>

#include "server_test.h"

static temporal_start_workflow_options start_options(const char *id) {
  temporal_start_workflow_options o;
  temporal_start_workflow_options_default(&o, sizeof o);
  o.id = id;
  o.task_queue = g_queue;
  o.execution_timeout_ms = 5 * 60 * 1000;
  return o;
}

static temporal_update_options update_options(int stage, const char *update_id) {
  temporal_update_options u;
  temporal_update_options_default(&u, sizeof u);
  u.wait_for_stage = stage;
  u.update_id = update_id;
  return u;
}

/* Starts Counter(start) as `id` and writes its run. */
static bool start_counter(const char *id, int start, temporal_workflow_run **run) {
  temporal_start_workflow_options o = start_options(id);
  char args[32];
  snprintf(args, sizeof args, "[%d]", start);
  CHECK_OK(keep_err(temporal_execute_workflow(g_client, "Counter", args, &o, run)));
  keep_run(*run);
  return true;
}

static bool signal(const char *id, const char *name) {
  temporal_call *call;
  RUN(call, temporal_signal_workflow_async(g_client, id, NULL, name, NULL, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  return true;
}

/* ---------------------------------------------------------------- the tests */

/* ACCEPTED completes while the handler still runs; the handle's result waits for it. */
static bool test_accepted_then_get_waits_for_completion(void) {
  const char *id = new_id("accepted");
  temporal_workflow_run *run;
  if (!start_counter(id, 7, &run)) return false;
  temporal_update_options u = update_options(TEMPORAL_UPDATE_STAGE_ACCEPTED, "held-1");
  temporal_call *call;
  RUN(call, temporal_start_update_async(g_client, id, NULL, "held", NULL, &u, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  CHECK_STREQ(temporal_call_get_update_id(call), "held-1");
  CHECK(temporal_call_get_json(call) == NULL, "a start has no result JSON");
  temporal_update_handle *h = keep_update_handle(temporal_call_take_update_handle(call));
  CHECK(h != NULL, "no update handle");
  CHECK(temporal_call_take_update_handle(call) == NULL, "the handle was given twice");
  CHECK_STREQ(temporal_update_handle_get_id(h), "held-1");
  CHECK_STREQ(temporal_update_handle_get_workflow_id(h), id);
  CHECK_STREQ(temporal_update_handle_get_run_id(h), temporal_workflow_run_get_run_id(run));

  /* Still running: the result wait is in flight until the release. */
  temporal_call *get = NULL;
  CHECK_OK(keep_err(temporal_update_handle_get_result_async(h, NULL, &get)));
  g_calls[g_ncalls++] = get;
  temporal_error *pending = keep_err(temporal_call_wait(get, 1500));
  CHECK_CODE(pending, TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED);
  CHECK(!temporal_call_is_done(get), "the result came before the release");
  if (!signal(id, "release")) return false;
  CHECK_OK(keep_err(temporal_call_wait(get, 30000)));
  CHECK_OK(temporal_call_get_error(get));
  CHECK_STREQ(temporal_call_get_json(get), "7");
  CHECK_STREQ(temporal_call_get_update_id(get), "held-1");
  return true;
}

/* COMPLETED completes with the outcome: the handle's result needs no further wait. */
static bool test_completed_gives_the_result_at_once(void) {
  const char *id = new_id("completed");
  temporal_workflow_run *run;
  if (!start_counter(id, 1, &run)) return false;
  temporal_update_options u = update_options(TEMPORAL_UPDATE_STAGE_COMPLETED, NULL);
  temporal_call *call;
  RUN(call, temporal_start_update_async(g_client, id, NULL, "add", "[4]", &u, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  temporal_update_handle *h = keep_update_handle(temporal_call_take_update_handle(call));
  CHECK(h != NULL, "no update handle");
  CHECK(strlen(temporal_update_handle_get_id(h)) == 36, "generated update ID '%s' is not a UUID",
        temporal_update_handle_get_id(h));
  CHECK_STREQ(temporal_call_get_update_id(call), temporal_update_handle_get_id(h));
  temporal_call *get;
  RUN(get, temporal_update_handle_get_result_async(h, NULL, &get));
  CHECK_OK(temporal_call_get_error(get));
  CHECK_STREQ(temporal_call_get_json(get), "5");
  /* A second result wait gives the same. */
  RUN(get, temporal_update_handle_get_result_async(h, NULL, &get));
  CHECK_STREQ(temporal_call_get_json(get), "5");

  /* COMPLETED on the held update waits for the release. */
  temporal_update_options held = update_options(TEMPORAL_UPDATE_STAGE_COMPLETED, "held-c");
  temporal_call *start = NULL;
  CHECK_OK(keep_err(temporal_start_update_async(g_client, id, NULL, "held", NULL, &held, NULL, &start)));
  g_calls[g_ncalls++] = start;
  CHECK_CODE(keep_err(temporal_call_wait(start, 1500)), TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED);
  if (!signal(id, "release")) return false;
  CHECK_OK(keep_err(temporal_call_wait(start, 30000)));
  CHECK_OK(temporal_call_get_error(start));
  h = keep_update_handle(temporal_call_take_update_handle(start));
  RUN(get, temporal_update_handle_get_result_async(h, NULL, &get));
  CHECK_STREQ(temporal_call_get_json(get), "5");
  return true;
}

/* Another process knows only the IDs: a handle by ID gets the result, without a Run ID too. */
static bool test_handle_by_id_from_another_process(void) {
  const char *id = new_id("by-id");
  temporal_workflow_run *run;
  if (!start_counter(id, 10, &run)) return false;
  temporal_update_options u = update_options(TEMPORAL_UPDATE_STAGE_ACCEPTED, "by-id-held");
  temporal_call *call;
  RUN(call, temporal_start_update_async(g_client, id, NULL, "held", NULL, &u, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));

  /* The "second process": a new client, and only the IDs. */
  const char *address = getenv("TEMPORAL_ADDRESS");
  temporal_client_options co;
  temporal_client_options_default(&co, sizeof co);
  co.address = address;
  temporal_client *other = NULL;
  CHECK_OK(keep_err(temporal_client_connect(&co, &other)));
  temporal_update_handle *by_id = NULL, *by_run = NULL;
  temporal_error *e = temporal_get_workflow_update_handle(other, id, NULL, "by-id-held", &by_id);
  temporal_error *e2 = temporal_get_workflow_update_handle(other, id, temporal_workflow_run_get_run_id(run),
                                                           "by-id-held", &by_run);
  temporal_client_free(other); /* handles keep the connection */
  CHECK_OK(keep_err(e));
  CHECK_OK(keep_err(e2));
  keep_update_handle(by_id);
  keep_update_handle(by_run);
  CHECK_STREQ(temporal_update_handle_get_id(by_id), "by-id-held");
  CHECK_STREQ(temporal_update_handle_get_workflow_id(by_id), id);
  CHECK_STREQ(temporal_update_handle_get_run_id(by_id), "");
  CHECK_STREQ(temporal_update_handle_get_run_id(by_run), temporal_workflow_run_get_run_id(run));

  temporal_call *get_a = NULL, *get_b = NULL;
  CHECK_OK(keep_err(temporal_update_handle_get_result_async(by_id, NULL, &get_a)));
  g_calls[g_ncalls++] = get_a;
  CHECK_OK(keep_err(temporal_update_handle_get_result_async(by_run, NULL, &get_b)));
  g_calls[g_ncalls++] = get_b;
  if (!signal(id, "release")) return false;
  CHECK_OK(keep_err(temporal_call_wait(get_a, 30000)));
  CHECK_OK(keep_err(temporal_call_wait(get_b, 30000)));
  CHECK_OK(temporal_call_get_error(get_a));
  CHECK_OK(temporal_call_get_error(get_b));
  CHECK_STREQ(temporal_call_get_json(get_a), "10");
  CHECK_STREQ(temporal_call_get_json(get_b), "10");
  return true;
}

/* The validator's rejection is the handle's result (as in Go, not the start's error). */
static bool test_rejected_by_the_validator(void) {
  const char *id = new_id("rejected");
  temporal_workflow_run *run;
  if (!start_counter(id, 0, &run)) return false;
  for (int stage = TEMPORAL_UPDATE_STAGE_ACCEPTED; stage <= TEMPORAL_UPDATE_STAGE_COMPLETED; stage++) {
    temporal_update_options u = update_options(stage, NULL);
    temporal_call *call;
    RUN(call, temporal_start_update_async(g_client, id, NULL, "add", "[-1]", &u, NULL, &call));
    CHECK_OK(temporal_call_get_error(call));
    temporal_update_handle *h = keep_update_handle(temporal_call_take_update_handle(call));
    CHECK(h != NULL, "no handle for a rejected update");
    temporal_call *get;
    RUN(get, temporal_update_handle_get_result_async(h, NULL, &get));
    const temporal_error *e = temporal_call_get_error(get);
    CHECK_CODE(e, TEMPORAL_ERROR_CODE_UPDATE_FAILED);
    CHECK_CONTAINS(temporal_error_get_message(e), "n must not be negative");
    CHECK_CONTAINS(temporal_error_get_message(e), "update add");
    CHECK_CONTAINS(temporal_error_get_message(e), temporal_update_handle_get_id(h));
    CHECK_CONTAINS(temporal_error_get_details(e), "\"failure\"");
    CHECK_CONTAINS(temporal_error_get_details(e), temporal_update_handle_get_id(h));
    CHECK_STREQ(temporal_call_get_update_id(get), temporal_update_handle_get_id(h));
  }
  /* The handler's own failure, too. */
  temporal_update_options u = update_options(TEMPORAL_UPDATE_STAGE_ACCEPTED, NULL);
  temporal_call *call;
  RUN(call, temporal_start_update_async(g_client, id, NULL, "add", "[13]", &u, NULL, &call));
  temporal_update_handle *h = keep_update_handle(temporal_call_take_update_handle(call));
  CHECK(h != NULL, "no handle");
  temporal_call *get;
  RUN(get, temporal_update_handle_get_result_async(h, NULL, &get));
  CHECK_CODE(temporal_call_get_error(get), TEMPORAL_ERROR_CODE_UPDATE_FAILED);
  CHECK_CONTAINS(temporal_error_get_message(temporal_call_get_error(get)), "unlucky number");
  return true;
}

/* Unknown updates, workflows and bad stages. */
static bool test_not_found_and_refused_stages(void) {
  const char *id = new_id("unknown");
  temporal_workflow_run *run;
  if (!start_counter(id, 0, &run)) return false;
  temporal_update_handle *h = NULL;
  CHECK_OK(keep_err(temporal_get_workflow_update_handle(g_client, id, NULL, "no-such-update", &h)));
  keep_update_handle(h);
  temporal_call *get;
  RUN(get, temporal_update_handle_get_result_async(h, NULL, &get));
  CHECK_CODE(temporal_call_get_error(get), TEMPORAL_ERROR_CODE_NOT_FOUND);
  CHECK_STREQ(temporal_call_get_update_id(get), "no-such-update");

  /* An update to a workflow that does not exist. */
  temporal_update_options u = update_options(TEMPORAL_UPDATE_STAGE_COMPLETED, NULL);
  temporal_call *call;
  RUN(call, temporal_start_update_async(g_client, "update-no-such-workflow", NULL, "add", "[1]", &u, NULL, &call));
  CHECK_CODE(temporal_call_get_error(call), TEMPORAL_ERROR_CODE_NOT_FOUND);
  CHECK(temporal_call_take_update_handle(call) == NULL, "a handle for a failed start");

  /* The stage is required, as in Go; ADMITTED is refused as in Go. */
  temporal_update_options unset = update_options(TEMPORAL_UPDATE_STAGE_UNSPECIFIED, NULL);
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "wait_for_stage must be specified", call,
          temporal_start_update_async(g_client, id, NULL, "add", "[1]", &unset, NULL, &call));
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "wait_for_stage must be specified", call,
          temporal_start_update_async(g_client, id, NULL, "add", "[1]", NULL, NULL, &call));
  temporal_update_options admitted = update_options(TEMPORAL_UPDATE_STAGE_ADMITTED, NULL);
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "not supported", call,
          temporal_start_update_async(g_client, id, NULL, "add", "[1]", &admitted, NULL, &call));
  return true;
}

/* A result wait with a short timeout on an update still running: DEADLINE_EXCEEDED, and the
   update goes on. */
static bool test_get_with_a_short_timeout(void) {
  const char *id = new_id("timeout");
  temporal_workflow_run *run;
  if (!start_counter(id, 3, &run)) return false;
  temporal_update_options u = update_options(TEMPORAL_UPDATE_STAGE_ACCEPTED, "held-timeout");
  temporal_call *call;
  RUN(call, temporal_start_update_async(g_client, id, NULL, "held", NULL, &u, NULL, &call));
  temporal_update_handle *h = keep_update_handle(temporal_call_take_update_handle(call));
  CHECK(h != NULL, "no handle");
  temporal_call_options co;
  temporal_call_options_default(&co, sizeof co);
  co.timeout_ms = 800;
  double t0 = now_s();
  temporal_call *get;
  RUN(get, temporal_update_handle_get_result_async(h, &co, &get));
  double took = now_s() - t0;
  CHECK_CODE(temporal_call_get_error(get), TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED);
  CHECK_STREQ(temporal_call_get_update_id(get), "held-timeout");
  CHECK(took > 0.7 && took < 5.0, "the timeout took %.2f s", took);
  if (!signal(id, "release")) return false;
  RUN(get, temporal_update_handle_get_result_async(h, NULL, &get));
  CHECK_OK(temporal_call_get_error(get));
  CHECK_STREQ(temporal_call_get_json(get), "3");
  return true;
}

/* Update-with-start that starts the workflow: the run and the handle both come back. */
static bool test_update_with_start_starts_a_workflow(void) {
  const char *id = new_id("uws-new");
  temporal_start_workflow_options o = start_options(id);
  o.id_conflict_policy = TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_FAIL;
  temporal_update_options u = update_options(TEMPORAL_UPDATE_STAGE_COMPLETED, "uws-1");
  temporal_call *call;
  RUN(call, temporal_update_with_start_workflow_async(g_client, "add", "[5]", &u, "Counter", "[100]", &o, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  temporal_workflow_run *run = keep_run(temporal_call_take_run(call));
  temporal_update_handle *h = keep_update_handle(temporal_call_take_update_handle(call));
  CHECK(run != NULL && h != NULL, "run %p, handle %p", (void *)run, (void *)h);
  CHECK_STREQ(temporal_workflow_run_get_id(run), id);
  CHECK(strlen(temporal_workflow_run_get_run_id(run)) == 36, "run ID '%s'", temporal_workflow_run_get_run_id(run));
  CHECK_STREQ(temporal_update_handle_get_workflow_id(h), id);
  CHECK_STREQ(temporal_update_handle_get_run_id(h), temporal_workflow_run_get_run_id(run));
  CHECK_STREQ(temporal_update_handle_get_id(h), "uws-1");
  CHECK_STREQ(temporal_call_get_update_id(call), "uws-1");
  temporal_call *get;
  RUN(get, temporal_update_handle_get_result_async(h, NULL, &get));
  CHECK_OK(temporal_call_get_error(get));
  CHECK_STREQ(temporal_call_get_json(get), "105");

  /* With FAIL, a second update-with-start on the running workflow is refused by the start. */
  temporal_update_options again = update_options(TEMPORAL_UPDATE_STAGE_COMPLETED, NULL);
  RUN(call, temporal_update_with_start_workflow_async(g_client, "add", "[1]", &again, "Counter", "[0]", &o, NULL, &call));
  const temporal_error *e = temporal_call_get_error(call);
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_ALREADY_STARTED);
  CHECK_CONTAINS(temporal_error_get_message(e), "failed workflow start");
  CHECK_CONTAINS(temporal_error_get_details(e), temporal_workflow_run_get_run_id(run));
  CHECK(temporal_call_take_run(call) == NULL && temporal_call_take_update_handle(call) == NULL,
        "a refused update-with-start gave a run or a handle");

  /* The workflow ends with the total the update made. */
  if (!signal(id, "done")) return false;
  RUN(get, temporal_get_result_async(run, NULL, &get));
  CHECK_OK(temporal_call_get_error(get));
  CHECK_STREQ(temporal_call_get_json(get), "105");
  return true;
}

/* USE_EXISTING on a running workflow: the same run gets the update; ACCEPTED then get. */
static bool test_update_with_start_uses_the_running_workflow(void) {
  const char *id = new_id("uws-existing");
  temporal_workflow_run *existing;
  if (!start_counter(id, 20, &existing)) return false;
  temporal_start_workflow_options o = start_options(id);
  o.id_conflict_policy = TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING;
  temporal_update_options u = update_options(TEMPORAL_UPDATE_STAGE_ACCEPTED, NULL);
  temporal_call *call;
  RUN(call, temporal_update_with_start_workflow_async(g_client, "add", "[2]", &u, "Counter", "[0]", &o, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  temporal_workflow_run *run = keep_run(temporal_call_take_run(call));
  temporal_update_handle *h = keep_update_handle(temporal_call_take_update_handle(call));
  CHECK(run != NULL && h != NULL, "run %p, handle %p", (void *)run, (void *)h);
  CHECK_STREQ(temporal_workflow_run_get_run_id(run), temporal_workflow_run_get_run_id(existing));
  CHECK_STREQ(temporal_update_handle_get_run_id(h), temporal_workflow_run_get_run_id(existing));
  temporal_call *get;
  RUN(get, temporal_update_handle_get_result_async(h, NULL, &get));
  CHECK_OK(temporal_call_get_error(get));
  CHECK_STREQ(temporal_call_get_json(get), "22");

  /* No Workflow ID: one is generated, and the workflow is new. */
  temporal_start_workflow_options anon = start_options(NULL);
  anon.id_conflict_policy = TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING;
  temporal_update_options c = update_options(TEMPORAL_UPDATE_STAGE_COMPLETED, NULL);
  RUN(call, temporal_update_with_start_workflow_async(g_client, "add", "[1]", &c, "Counter", "[0]", &anon, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  run = keep_run(temporal_call_take_run(call));
  h = keep_update_handle(temporal_call_take_update_handle(call));
  CHECK(run != NULL && h != NULL, "no run or handle");
  CHECK(strlen(temporal_workflow_run_get_id(run)) == 36, "generated ID '%s'", temporal_workflow_run_get_id(run));
  CHECK_STREQ(temporal_update_handle_get_workflow_id(h), temporal_workflow_run_get_id(run));
  snprintf(g_started[g_nstarted++], sizeof g_started[0], "%s", temporal_workflow_run_get_id(run));
  RUN(get, temporal_update_handle_get_result_async(h, NULL, &get));
  CHECK_STREQ(temporal_call_get_json(get), "1");
  return true;
}

/* Without a conflict policy the call is refused before any request, as Go refuses it. */
static bool test_update_with_start_requires_a_conflict_policy(void) {
  const char *id = new_id("uws-no-policy");
  temporal_start_workflow_options o = start_options(id);
  temporal_update_options u = update_options(TEMPORAL_UPDATE_STAGE_COMPLETED, NULL);
  temporal_call *call;
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "id_conflict_policy must be set", call,
          temporal_update_with_start_workflow_async(g_client, "add", "[1]", &u, "Counter", "[0]", &o, NULL, &call));
  o.id_conflict_policy = TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING;
  temporal_update_options unset = update_options(TEMPORAL_UPDATE_STAGE_UNSPECIFIED, NULL);
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "wait_for_stage must be specified", call,
          temporal_update_with_start_workflow_async(g_client, "add", "[1]", &unset, "Counter", "[0]", &o, NULL, &call));
  /* Nothing was started. */
  RUN(call, temporal_describe_workflow_execution_async(g_client, id, NULL, NULL, &call));
  CHECK_CODE(temporal_call_get_error(call), TEMPORAL_ERROR_CODE_NOT_FOUND);
  return true;
}

static const struct server_test TESTS[] = {
    {"accepted_then_get_waits_for_completion", test_accepted_then_get_waits_for_completion},
    {"completed_gives_the_result_at_once", test_completed_gives_the_result_at_once},
    {"handle_by_id_from_another_process", test_handle_by_id_from_another_process},
    {"rejected_by_the_validator", test_rejected_by_the_validator},
    {"not_found_and_refused_stages", test_not_found_and_refused_stages},
    {"get_with_a_short_timeout", test_get_with_a_short_timeout},
    {"update_with_start_starts_a_workflow", test_update_with_start_starts_a_workflow},
    {"update_with_start_uses_the_running_workflow", test_update_with_start_uses_the_running_workflow},
    {"update_with_start_requires_a_conflict_policy", test_update_with_start_requires_a_conflict_policy},
};

int main(int argc, char **argv) {
  return run_server_tests("test_update", "update", TESTS, sizeof TESTS / sizeof TESTS[0], argc, argv);
}
