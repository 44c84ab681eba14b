/*
 * test_schedule: schedules from C (temporal_schedule_*), the Go SDK's ScheduleClient.Create,
 * ListSchedules and ScheduleHandle Describe, Update, Pause, Unpause, Trigger, Backfill and
 * Delete, against a real Temporal server and the Go SDK test worker.
 *
 * Run it inside tests/harness/with-dev-server.sh (TEMPORAL_ADDRESS, TEMPORAL_TEST_TASK_QUEUE;
 * the server has the search attribute CustomKeywordField).
 *
 *   test_schedule [NAME_SUBSTRING]   runs every test, or those whose name contains it
 *
 * The actions start the worker's Echo workflow, which returns its argument at once. Every
 * schedule a test creates is deleted at the end. The last line is
 * "schedule: N passed, M failed".
 */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>

#include "server_test.h"

static char g_schedules[32][96];
static int g_nschedules;

/* A new schedule ID, deleted at the end of the run. */
static const char *new_schedule_id(const char *what) {
  if (g_nschedules >= (int)(sizeof g_schedules / sizeof g_schedules[0])) abort();
  char *id = g_schedules[g_nschedules++];
  snprintf(id, sizeof g_schedules[0], "schedule-%s-%ld-%d", what, (long)getpid(), g_nschedules);
  return id;
}

static int64_t now_unix_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Options with an Echo("scheduled") action on the test queue and a yearly cron (so no action
   runs on its own during the test), unpaused. `wf` is filled and must outlive the options. */
static temporal_schedule_options echo_options(temporal_start_workflow_options *wf, const char *workflow_id) {
  static const char *const yearly[] = {"0 0 1 1 *"};
  temporal_start_workflow_options_default(wf, sizeof *wf);
  wf->id = workflow_id;
  wf->task_queue = g_queue;
  temporal_schedule_options o;
  temporal_schedule_options_default(&o, sizeof o);
  o.cron_strings = yearly;
  o.cron_strings_len = 1;
  o.workflow_type = "Echo";
  o.args_json = "[\"scheduled\"]";
  o.workflow_options = wf;
  return o;
}

static bool create(const char *id, const temporal_schedule_options *o) {
  temporal_call *call;
  RUN(call, temporal_schedule_create_async(g_client, id, o, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  CHECK(temporal_call_get_json(call) == NULL, "create has no result");
  return true;
}

/* Describes `id` into `json` (a copy, at most `cap` bytes). */
static bool describe(const char *id, char *json, size_t cap) {
  temporal_call *call;
  RUN(call, temporal_schedule_describe_async(g_client, id, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  const char *text = temporal_call_get_json(call);
  CHECK(text != NULL && strlen(text) < cap, "describe JSON missing or too long");
  strcpy(json, text);
  const uint8_t *bytes = NULL;
  size_t len = 0;
  CHECK(temporal_call_get_bytes(call, &bytes, &len) && len > 0, "describe has no DescribeScheduleResponse bytes");
  drop_last_call();
  return true;
}

/* The string value after `key` (e.g. "\"conflict_token\":\"") in `json`, copied to `out`. */
static bool string_after(const char *json, const char *key, char *out, size_t cap) {
  const char *at = strstr(json, key);
  CHECK(at != NULL, "'%s' not in %s", key, json);
  at += strlen(key);
  const char *end = strchr(at, '"');
  CHECK(end != NULL && (size_t)(end - at) < cap, "bad value after %s", key);
  memcpy(out, at, (size_t)(end - at));
  out[end - at] = '\0';
  return true;
}

/* ---------------------------------------------------------------- the tests */

/* Every field given at create comes back from describe; the same ID again is ALREADY_EXISTS. */
static bool test_create_describe_round_trip_and_already_exists(void) {
  const char *id = new_schedule_id("roundtrip");
  static const char *const crons[] = {"15 8 * * *"};
  temporal_schedule_interval intervals[] = {{3600000, 300000}};
  temporal_schedule_calendar calendars[] = {{"0", "30", "9", NULL, NULL, "1-5", NULL, "weekday mornings"}};
  temporal_schedule_calendar excludes[] = {{NULL, NULL, NULL, "25", "12", NULL, NULL, "christmas"}};
  temporal_start_workflow_options wf;
  temporal_schedule_options o = echo_options(&wf, "roundtrip-wf");
  wf.memo_json = "{\"team\":\"ffi\"}";
  wf.search_attributes_json = "{\"CustomKeywordField\":\"scheduled-run\"}";
  wf.execution_timeout_ms = 60000;
  o.cron_strings = crons;
  o.intervals = intervals;
  o.intervals_len = 1;
  o.calendars = calendars;
  o.calendars_len = 1;
  o.exclude_calendars = excludes;
  o.exclude_calendars_len = 1;
  o.start_time_unix_ms = 1893456000000; /* 2030-01-01T00:00:00Z */
  o.end_time_unix_ms = 4102444800000;   /* 2100-01-01T00:00:00Z */
  o.jitter_ms = 2000;
  o.time_zone_name = "UTC";
  o.args_json = "[\"hello\",{\"n\":1}]";
  o.overlap_policy = TEMPORAL_SCHEDULE_OVERLAP_POLICY_BUFFER_ONE;
  o.catchup_window_ms = 120000;
  o.pause_on_failure = true;
  o.keep_original_workflow_id = true;
  o.paused = true;
  o.note = "created paused";
  o.remaining_actions = 5;
  o.memo_json = "{\"owner\":\"c-test\"}";
  o.search_attributes_json = "{\"CustomKeywordField\":\"schedule-own\"}";
  if (!create(id, &o)) return false;

  static char json[16384];
  if (!describe(id, json, sizeof json)) return false;
  const char *expected[] = {
      "\"schedule_id\":\"", "\"intervals\":[{\"every_ms\":3600000,\"offset_ms\":300000}]",
      /* the cron and the calendar come back as structured calendars */
      "\"hour\":\"8\"", "\"minute\":\"15\"", "\"hour\":\"9\"", "\"minute\":\"30\"", "\"day_of_week\":\"1-5\"",
      "\"comment\":\"weekday mornings\"", "\"exclude_calendars\":[{", "\"day_of_month\":\"25\"", "\"month\":\"12\"",
      "\"start_time\":\"2030-01-01T00:00:00Z\"", "\"end_time\":\"2100-01-01T00:00:00Z\"", "\"jitter_ms\":2000",
      "\"time_zone_name\":\"UTC\"", "\"workflow_type\":\"Echo\"", "\"workflow_id\":\"roundtrip-wf\"",
      "\"args\":[\"hello\",{\"n\":1}]", "\"execution_timeout_ms\":60000", "\"memo\":{\"team\":\"ffi\"}",
      "\"search_attributes\":{\"CustomKeywordField\":\"scheduled-run\"}", "\"overlap_policy\":\"BUFFER_ONE\"",
      "\"catchup_window_ms\":120000", "\"pause_on_failure\":true", "\"keep_original_workflow_id\":true",
      "\"paused\":true", "\"note\":\"created paused\"", "\"remaining_actions\":5", "\"limited_actions\":true",
      "\"memo\":{\"owner\":\"c-test\"}", "\"CustomKeywordField\":\"schedule-own\"", "\"conflict_token\":\"",
      "\"create_time\":\"20",
  };
  for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) CHECK_CONTAINS(json, expected[i]);
  CHECK_CONTAINS(json, g_queue);

  temporal_call *call;
  RUN(call, temporal_schedule_create_async(g_client, id, &o, NULL, &call));
  CHECK_CODE(temporal_call_get_error(call), TEMPORAL_ERROR_CODE_ALREADY_EXISTS);
  CHECK_CONTAINS(temporal_error_get_details(temporal_call_get_error(call)), id);
  return true;
}

/* Polls describe until `needle` shows (at most `ms`). */
static bool describe_until(const char *id, const char *needle, long ms, char *json, size_t cap) {
  double deadline = now_s() + (double)ms / 1000.0;
  for (;;) {
    if (!describe(id, json, cap)) return false;
    if (strstr(json, needle)) return true;
    CHECK(now_s() < deadline, "'%s' never showed in %s", needle, json);
    sleep_ms(200);
  }
}

/* Trigger runs the action now: describe shows it, and its workflow's result is the action's
   argument. */
static bool test_trigger_runs_the_workflow(void) {
  const char *id = new_schedule_id("trigger");
  temporal_start_workflow_options wf;
  temporal_schedule_options o = echo_options(&wf, new_id("trigger-wf"));
  if (!create(id, &o)) return false;
  temporal_call *call;
  RUN(call, temporal_schedule_trigger_async(g_client, id, TEMPORAL_SCHEDULE_OVERLAP_POLICY_ALLOW_ALL, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  static char json[16384];
  if (!describe_until(id, "\"recent_actions\":[{", 10000, json, sizeof json)) return false;
  CHECK_CONTAINS(json, "\"action_count\":1");
  const char *recent = strstr(json, "\"recent_actions\":[{");
  char workflow_id[128], run_id[64];
  if (!string_after(recent, "\"workflow_id\":\"", workflow_id, sizeof workflow_id)) return false;
  if (!string_after(recent, "\"run_id\":\"", run_id, sizeof run_id)) return false;
  CHECK(strncmp(workflow_id, wf.id, strlen(wf.id)) == 0, "action workflow %s is not %s plus the time", workflow_id, wf.id);
  temporal_workflow_run *run;
  CHECK_OK(keep_err(temporal_get_workflow(g_client, workflow_id, run_id, &run)));
  keep_run(run);
  char *result = NULL;
  CHECK_OK(keep_err(temporal_get_result(run, 10000, &result)));
  bool same = strcmp(result, "\"scheduled\"") == 0;
  temporal_string_free(result);
  CHECK(same, "the scheduled workflow's result is not \"scheduled\"");
  return true;
}

/* Pause and unpause with a note, and without one (the Go SDK's default notes). */
static bool test_pause_and_unpause_with_notes(void) {
  const char *id = new_schedule_id("pause");
  temporal_start_workflow_options wf;
  temporal_schedule_options o = echo_options(&wf, "pause-wf");
  if (!create(id, &o)) return false;
  static char json[16384];
  temporal_call *call;
  RUN(call, temporal_schedule_pause_async(g_client, id, "maintenance", NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  if (!describe(id, json, sizeof json)) return false;
  CHECK_CONTAINS(json, "\"paused\":true,\"remaining_actions\"");
  CHECK_CONTAINS(json, "\"note\":\"maintenance\"");
  RUN(call, temporal_schedule_unpause_async(g_client, id, NULL, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  if (!describe(id, json, sizeof json)) return false;
  CHECK_CONTAINS(json, "\"paused\":false");
  CHECK_CONTAINS(json, "\"note\":\"Unpaused via Go SDK\"");
  RUN(call, temporal_schedule_pause_async(g_client, id, NULL, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  if (!describe(id, json, sizeof json)) return false;
  CHECK_CONTAINS(json, "\"note\":\"Paused via Go SDK\"");
  return true;
}

/* The conflict token describe gives, as a number (the dev server's is a big-endian int64 that
   each applied change increments). */
static bool token_of(const char *json, char *token, size_t cap, unsigned long long *value) {
  if (!string_after(json, "\"conflict_token\":\"", token, cap)) return false;
  CHECK(token[0] != '\0', "no conflict token in %s", json);
  *value = strtoull(token, NULL, 16);
  return true;
}

/* Update replaces the schedule; with the conflict token describe gave it is applied. With that
   token again (stale after the update) the dev server answers OK but drops the update (its
   scheduler workflow ignores a change with a stale token), so describe still shows the
   first update; an update without a token (as the Go SDK sends) is applied. */
static bool test_update_with_and_without_a_stale_conflict_token(void) {
  const char *id = new_schedule_id("update");
  temporal_start_workflow_options wf;
  temporal_schedule_options o = echo_options(&wf, "update-wf");
  if (!create(id, &o)) return false;
  static char json[16384];
  if (!describe(id, json, sizeof json)) return false;
  char token[256], later[256];
  unsigned long long created, updated, last;
  if (!token_of(json, token, sizeof token, &created)) return false;

  static const char *const daily[] = {"45 6 * * *"};
  o.cron_strings = daily;
  o.paused = true;
  o.note = "updated";
  temporal_call *call;
  RUN(call, temporal_schedule_update_async(g_client, id, &o, token, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  if (!describe(id, json, sizeof json)) return false;
  CHECK_CONTAINS(json, "\"hour\":\"6\"");
  CHECK_CONTAINS(json, "\"minute\":\"45\"");
  CHECK_CONTAINS(json, "\"note\":\"updated\"");
  CHECK_CONTAINS(json, "\"paused\":true");
  CHECK(strstr(json, "\"month\":\"1\"") == NULL, "the old yearly cron is still there: %s", json);
  if (!token_of(json, later, sizeof later, &updated)) return false;
  CHECK(updated == created + 1, "the token went from %llu to %llu", created, updated);

  /* The token from before the update is stale now. */
  o.note = "stale";
  RUN(call, temporal_schedule_update_async(g_client, id, &o, token, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  /* Without a token: applied, after the stale one (the server handles them in order). */
  o.note = "no token";
  RUN(call, temporal_schedule_update_async(g_client, id, &o, NULL, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  if (!describe(id, json, sizeof json)) return false;
  CHECK_CONTAINS(json, "\"note\":\"no token\"");
  if (!token_of(json, later, sizeof later, &last)) return false;
  CHECK(last == updated + 1, "the stale update was applied: the token went from %llu to %llu", updated, last);
  return true;
}

/* A backfill of the past hour with an interval of 10 minutes runs its six actions. */
static bool test_backfill_a_past_hour(void) {
  const char *id = new_schedule_id("backfill");
  temporal_start_workflow_options wf;
  temporal_schedule_options o = echo_options(&wf, new_id("backfill-wf"));
  temporal_schedule_interval every_10_minutes[] = {{600000, 0}};
  o.cron_strings = NULL;
  o.cron_strings_len = 0;
  o.intervals = every_10_minutes;
  o.intervals_len = 1;
  if (!create(id, &o)) return false;
  int64_t now = now_unix_ms();
  /* Whole 10-minute marks: (now - 1 h, now] holds exactly six of them. */
  int64_t end = now - now % 600000;
  temporal_schedule_backfill past_hour[] = {{end - 3600000 + 1, end, TEMPORAL_SCHEDULE_OVERLAP_POLICY_ALLOW_ALL}};
  temporal_call *call;
  RUN(call, temporal_schedule_backfill_async(g_client, id, past_hour, 1, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  static char json[32768];
  if (!describe_until(id, "\"action_count\":6", 15000, json, sizeof json)) return false;
  int recent = 0;
  for (const char *at = strstr(json, "\"recent_actions\":["); (at = strstr(at, "\"actual_time\"")) != NULL; at++) recent++;
  CHECK(recent == 6, "%d recent actions, not 6: %s", recent, json);
  return true;
}

/* List finds the schedule, one per page with page_size 1, and gives the readable fields. */
static bool test_list_finds_it_page_by_page(void) {
  const char *id = new_schedule_id("list");
  temporal_start_workflow_options wf;
  temporal_schedule_options o = echo_options(&wf, "list-wf");
  o.memo_json = "{\"listed\":true}";
  o.note = "to be listed";
  if (!create(id, &o)) return false;
  char needle[128];
  snprintf(needle, sizeof needle, "\"schedule_id\":\"%s\"", id);
  double deadline = now_s() + 10.0;
  for (;;) {
    char token[512] = "";
    bool found = false;
    int pages = 0;
    do {
      temporal_call *call;
      RUN(call, temporal_schedule_list_async(g_client, NULL, 1, token, NULL, &call));
      CHECK_OK(temporal_call_get_error(call));
      const char *json = temporal_call_get_json(call);
      const uint8_t *bytes = NULL;
      size_t len = 0;
      CHECK(temporal_call_get_bytes(call, &bytes, &len), "list has no ListSchedulesResponse bytes");
      const char *first = strstr(json, "\"schedule_id\"");
      CHECK(first == NULL || strstr(first + 1, "\"schedule_id\"") == NULL, "more than one schedule on a page of 1: %s", json);
      if (strstr(json, needle)) {
        found = true;
        CHECK_CONTAINS(json, "\"workflow_type\":\"Echo\"");
        CHECK_CONTAINS(json, "\"note\":\"to be listed\"");
        CHECK_CONTAINS(json, "\"memo\":{\"listed\":true}");
      }
      if (!string_after(json, "\"next_page_token\":\"", token, sizeof token)) return false;
      drop_last_call();
      pages++;
    } while (!found && token[0] != '\0' && pages < 100);
    if (found) break;
    CHECK(now_s() < deadline, "the schedule %s never showed in the list", id);
    sleep_ms(300);
  }
  return true;
}

/* Delete, then describe and delete are NOT_FOUND. */
static bool test_delete_then_not_found(void) {
  const char *id = new_schedule_id("delete");
  temporal_start_workflow_options wf;
  temporal_schedule_options o = echo_options(&wf, "delete-wf");
  if (!create(id, &o)) return false;
  temporal_call *call;
  RUN(call, temporal_schedule_delete_async(g_client, id, NULL, &call));
  CHECK_OK(temporal_call_get_error(call));
  RUN(call, temporal_schedule_describe_async(g_client, id, NULL, &call));
  CHECK_CODE(temporal_call_get_error(call), TEMPORAL_ERROR_CODE_NOT_FOUND);
  CHECK_CONTAINS(temporal_error_get_details(temporal_call_get_error(call)), id);
  RUN(call, temporal_schedule_delete_async(g_client, id, NULL, &call));
  CHECK_CODE(temporal_call_get_error(call), TEMPORAL_ERROR_CODE_NOT_FOUND);
  return true;
}

/* ---- a hand-written protobuf encoding of a temporal.api.schedule.v1.Schedule */

struct pb {
  uint8_t data[1024];
  size_t len;
};

static void pb_varint(struct pb *b, uint64_t v) {
  do {
    uint8_t byte = v & 0x7f;
    v >>= 7;
    b->data[b->len++] = (uint8_t)(byte | (v ? 0x80 : 0));
  } while (v);
}

static void pb_bytes(struct pb *b, unsigned field, const void *data, size_t len) {
  pb_varint(b, (uint64_t)(field << 3 | 2));
  pb_varint(b, len);
  memcpy(b->data + b->len, data, len);
  b->len += len;
}

static void pb_string(struct pb *b, unsigned field, const char *s) { pb_bytes(b, field, s, strlen(s)); }
static void pb_message(struct pb *b, unsigned field, const struct pb *m) { pb_bytes(b, field, m->data, m->len); }
static void pb_uint(struct pb *b, unsigned field, uint64_t v) {
  pb_varint(b, (uint64_t)(field << 3));
  pb_varint(b, v);
}

/* A schedule given as its protobuf encoding: an hourly interval starting Echo, paused. */
static bool test_create_from_a_schedule_proto(void) {
  const char *id = new_schedule_id("proto");
  struct pb duration, interval, spec, type, queue, start, action, state, schedule;
  struct pb *all[] = {&duration, &interval, &spec, &type, &queue, &start, &action, &state, &schedule};
  for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) all[i]->len = 0;
  pb_uint(&duration, 1, 3600);            /* Duration.seconds */
  pb_message(&interval, 1, &duration);    /* IntervalSpec.interval */
  pb_message(&spec, 2, &interval);        /* ScheduleSpec.interval */
  pb_string(&type, 1, "Echo");            /* WorkflowType.name */
  pb_string(&queue, 1, g_queue);          /* TaskQueue.name */
  pb_string(&start, 1, "proto-wf");       /* NewWorkflowExecutionInfo.workflow_id */
  pb_message(&start, 2, &type);
  pb_message(&start, 3, &queue);
  pb_message(&action, 1, &start);         /* ScheduleAction.start_workflow */
  pb_string(&state, 1, "from a proto");   /* ScheduleState.notes */
  pb_uint(&state, 2, 1);                  /* ScheduleState.paused */
  pb_message(&schedule, 1, &spec);
  pb_message(&schedule, 2, &action);
  pb_message(&schedule, 4, &state);
  temporal_schedule_options o;
  temporal_schedule_options_default(&o, sizeof o);
  o.schedule_proto = schedule.data;
  o.schedule_proto_len = schedule.len;
  o.memo_json = "{\"via\":\"proto\"}";
  if (!create(id, &o)) return false;
  static char json[16384];
  if (!describe(id, json, sizeof json)) return false;
  CHECK_CONTAINS(json, "\"intervals\":[{\"every_ms\":3600000,\"offset_ms\":0}]");
  CHECK_CONTAINS(json, "\"workflow_type\":\"Echo\"");
  CHECK_CONTAINS(json, "\"workflow_id\":\"proto-wf\"");
  CHECK_CONTAINS(json, "\"note\":\"from a proto\"");
  CHECK_CONTAINS(json, "\"paused\":true");
  CHECK_CONTAINS(json, "\"memo\":{\"via\":\"proto\"}");
  return true;
}

/* Bad options are refused at once, with INVALID_ARGUMENT naming the problem. */
static bool test_bad_options_are_refused_at_once(void) {
  temporal_start_workflow_options wf;
  temporal_schedule_options o = echo_options(&wf, "bad-wf");
  temporal_call *call;
  o.overlap_policy = 7;
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "overlap_policy is 7", call,
          temporal_schedule_create_async(g_client, "bad", &o, NULL, &call));
  o.overlap_policy = 0;
  o.schedule_proto = (const uint8_t *)"\x0a\x00"; /* an empty spec */
  o.schedule_proto_len = 2;
  AT_ONCE(TEMPORAL_ERROR_CODE_INVALID_ARGUMENT, "both set", call,
          temporal_schedule_create_async(g_client, "bad", &o, NULL, &call));
  return true;
}

static const struct server_test TESTS[] = {
    {"create_describe_round_trip_and_already_exists", test_create_describe_round_trip_and_already_exists},
    {"trigger_runs_the_workflow", test_trigger_runs_the_workflow},
    {"pause_and_unpause_with_notes", test_pause_and_unpause_with_notes},
    {"update_with_and_without_a_stale_conflict_token", test_update_with_and_without_a_stale_conflict_token},
    {"backfill_a_past_hour", test_backfill_a_past_hour},
    {"list_finds_it_page_by_page", test_list_finds_it_page_by_page},
    {"delete_then_not_found", test_delete_then_not_found},
    {"create_from_a_schedule_proto", test_create_from_a_schedule_proto},
    {"bad_options_are_refused_at_once", test_bad_options_are_refused_at_once},
};

int main(int argc, char **argv) {
  int status = run_server_tests("test_schedule", "schedule", TESTS, sizeof TESTS / sizeof TESTS[0], argc, argv);
  /* The runner freed the client: delete the schedules with a new one. */
  temporal_client_options co;
  temporal_client_options_default(&co, sizeof co);
  co.address = getenv("TEMPORAL_ADDRESS");
  temporal_client *client = NULL;
  if (co.address && temporal_client_connect(&co, &client) == NULL) {
    for (int i = 0; i < g_nschedules; i++) {
      temporal_call *call = NULL;
      temporal_error *e = temporal_schedule_delete_async(client, g_schedules[i], NULL, &call);
      if (!e) e = temporal_call_wait(call, 10000);
      temporal_error_free(e);
      temporal_call_free(call);
    }
    temporal_client_free(client);
  }
  return status;
}
