// Schedules from C++ (Client::create_schedule, get_schedule_handle, list_schedules_page,
// ScheduleHandle): the Go SDK's ScheduleClient and ScheduleHandle, against a real Temporal dev
// server and the Go test worker, whose Echo(v) workflow each action starts (as
// tests/c/test_schedule.c does from C). Without TEMPORAL_ADDRESS the server tests are skipped.
#include "temporal.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <functional>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

using namespace std::chrono_literals;
using nlohmann::json;

namespace {

std::string env_or_empty(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr ? v : "";
}

std::string task_queue() {
  const std::string queue = env_or_empty("TEMPORAL_TEST_TASK_QUEUE");
  return queue.empty() ? "temporal-ffi-test" : queue;
}

std::string new_id(const std::string& what) {
  static std::mt19937_64 rng{std::random_device{}()};
  return "cpp-sched-" + what + "-" + std::to_string(rng() % 1000000000ULL);
}

// An hourly schedule that starts Echo("hi"): no action of its own while a test runs, unless it
// crosses the hour.
temporal::ScheduleOptions echo_schedule(const std::string& workflow_id) {
  temporal::ScheduleOptions o;
  o.spec.intervals = {{1h, 0ms}};
  o.workflow_type = "Echo";
  o.args_json = "[\"hi\"]";
  o.workflow_options.id = workflow_id;
  o.workflow_options.task_queue = task_queue();
  return o;
}

// Polls `predicate` until it holds (true) or 20 s passed (false).
bool eventually(const std::function<bool()>& predicate) {
  const auto deadline = std::chrono::steady_clock::now() + 20s;
  while (std::chrono::steady_clock::now() < deadline) {
    if (predicate()) return true;
    std::this_thread::sleep_for(200ms);
  }
  return predicate();
}

std::chrono::system_clock::time_point utc(int year, unsigned month, unsigned day, int hour = 0,
                                          int minute = 0) {
  // Days from civil (Howard Hinnant's algorithm): no timegm, no time zone.
  const int y = year - (month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const long long days = static_cast<long long>(era) * 146097 + static_cast<long long>(doe) - 719468;
  return std::chrono::system_clock::time_point(std::chrono::hours(days * 24 + hour) +
                                               std::chrono::minutes(minute));
}

TEST(ScheduleBasics, Types) {
  static_assert(static_cast<int>(temporal::ScheduleOverlapPolicy::Unspecified) ==
                TEMPORAL_SCHEDULE_OVERLAP_POLICY_UNSPECIFIED);
  static_assert(static_cast<int>(temporal::ScheduleOverlapPolicy::Skip) ==
                TEMPORAL_SCHEDULE_OVERLAP_POLICY_SKIP);
  static_assert(static_cast<int>(temporal::ScheduleOverlapPolicy::BufferOne) ==
                TEMPORAL_SCHEDULE_OVERLAP_POLICY_BUFFER_ONE);
  static_assert(static_cast<int>(temporal::ScheduleOverlapPolicy::BufferAll) ==
                TEMPORAL_SCHEDULE_OVERLAP_POLICY_BUFFER_ALL);
  static_assert(static_cast<int>(temporal::ScheduleOverlapPolicy::CancelOther) ==
                TEMPORAL_SCHEDULE_OVERLAP_POLICY_CANCEL_OTHER);
  static_assert(static_cast<int>(temporal::ScheduleOverlapPolicy::TerminateOther) ==
                TEMPORAL_SCHEDULE_OVERLAP_POLICY_TERMINATE_OTHER);
  static_assert(static_cast<int>(temporal::ScheduleOverlapPolicy::AllowAll) ==
                TEMPORAL_SCHEDULE_OVERLAP_POLICY_ALLOW_ALL);
  using Client = temporal::Client;
  using Handle = temporal::ScheduleHandle;
  static_assert(std::is_same_v<decltype(std::declval<Client&>().create_schedule(
                                   "", temporal::ScheduleOptions{})),
                               Handle>);
  static_assert(std::is_same_v<decltype(std::declval<Client&>().create_schedule_async(
                                   "", temporal::ScheduleOptions{})),
                               temporal::Call<void>>);
  static_assert(std::is_same_v<decltype(std::declval<Handle&>().describe_async()),
                               temporal::Call<std::string>>);
  static_assert(std::is_same_v<decltype(std::declval<Client&>().list_schedules_page_async()),
                               temporal::Call<std::string>>);
  EXPECT_EQ(utc(1970, 1, 1).time_since_epoch().count(), 0);
  EXPECT_EQ(temporal::detail::unix_ms(utc(2026, 1, 1, 12, 30)), 1767270600000LL);
}

// Without a client every method is the library's to refuse: nothing crashes.
TEST(ScheduleBasics, EmptyClientThrowsInvalidArgument) {
  const temporal::Client no_client(nullptr);
  EXPECT_THROW(no_client.create_schedule_async("s", echo_schedule("w")),
               temporal::InvalidArgumentError);
  const temporal::ScheduleHandle handle = no_client.get_schedule_handle("s");
  EXPECT_EQ(handle.id(), "s");
  EXPECT_THROW(handle.describe_async(), temporal::InvalidArgumentError);
  EXPECT_THROW(handle.trigger_async(), temporal::InvalidArgumentError);
  EXPECT_THROW(temporal::ScheduleHandle().delete_async(), temporal::InvalidArgumentError);
}

class Schedule : public ::testing::Test {
 protected:
  void SetUp() override {
    if (env_or_empty("TEMPORAL_ADDRESS").empty()) GTEST_SKIP() << "TEMPORAL_ADDRESS is not set";
    temporal::ClientOptions options;
    options.address = env_or_empty("TEMPORAL_ADDRESS");
    client_.emplace(temporal::Client::connect(options));
  }

  // Deletes the schedules a test created (NotFound ignored: the test deleted it).
  void TearDown() override {
    if (!client_) return;
    for (const std::string& id : created_) {
      try {
        client_->get_schedule_handle(id).delete_schedule();
      } catch (const temporal::NotFoundError&) {
      }
    }
  }

  temporal::ScheduleHandle create(const std::string& id, const temporal::ScheduleOptions& o) {
    temporal::ScheduleHandle handle = client().create_schedule(id, o);
    created_.push_back(id);
    return handle;
  }

  const temporal::Client& client() const { return *client_; }

  std::optional<temporal::Client> client_;
  std::vector<std::string> created_;
};

TEST_F(Schedule, CreateDescribeRoundTripAndDuplicate) {
  const std::string id = new_id("round-trip");
  temporal::ScheduleOptions o = echo_schedule(id + "-wf");
  o.args_json = R"([{"k":[1,2]}])";
  o.spec.cron_strings = {"0 12 * * MON-FRI"};
  o.spec.intervals = {{2h, 5min}};
  temporal::ScheduleCalendarSpec early;
  early.hour = "3";
  early.minute = "30";
  early.day_of_week = "MON-FRI";
  early.comment = "early";
  o.spec.calendars = {early};
  temporal::ScheduleCalendarSpec christmas;
  christmas.month = "12";
  christmas.day_of_month = "25";
  o.spec.exclude_calendars = {christmas};
  o.spec.start_at = utc(2026, 1, 1);
  o.spec.end_at = utc(2036, 1, 1, 12, 30);
  o.spec.jitter = 7s;
  o.spec.time_zone_name = "America/New_York";
  o.workflow_options.execution_timeout = 60s;
  o.workflow_options.memo_json = R"({"action-memo":"m"})";
  o.workflow_options.search_attributes_json = R"({"CustomKeywordField":"sched-action"})";
  o.overlap_policy = temporal::ScheduleOverlapPolicy::AllowAll;
  o.catchup_window = 10min;
  o.pause_on_failure = true;
  o.keep_original_workflow_id = true;
  o.paused = true;
  o.note = "created paused";
  o.remaining_actions = 5;
  o.memo_json = R"({"owner":"cpp"})";
  o.search_attributes_json = R"({"CustomKeywordField":"sched-own"})";
  const temporal::ScheduleHandle handle = create(id, o);
  EXPECT_EQ(handle.id(), id);

  const json d = json::parse(handle.describe());
  EXPECT_EQ(d["schedule_id"], id);
  const json& spec = d["spec"];
  ASSERT_EQ(spec["calendars"].size(), 2U) << spec.dump();
  bool noon = false;
  bool ours = false;
  for (const json& c : spec["calendars"]) {
    noon = noon || (c["hour"] == "12" && c["minute"] == "0");
    ours = ours || (c.value("comment", "") == "early" && c["hour"] == "3" && c["minute"] == "30");
  }
  EXPECT_TRUE(noon && ours) << spec.dump();
  EXPECT_EQ(spec["intervals"], json::parse(R"([{"every_ms":7200000,"offset_ms":300000}])"));
  ASSERT_EQ(spec["exclude_calendars"].size(), 1U);
  EXPECT_EQ(spec["exclude_calendars"][0]["month"], "12");
  EXPECT_EQ(spec["exclude_calendars"][0]["day_of_month"], "25");
  EXPECT_EQ(spec["start_time"], "2026-01-01T00:00:00Z");
  EXPECT_EQ(spec["end_time"], "2036-01-01T12:30:00Z");
  EXPECT_EQ(spec["jitter_ms"], 7000);
  EXPECT_EQ(spec["time_zone_name"], "America/New_York");
  const json& action = d["action"];
  EXPECT_EQ(action["workflow_type"], "Echo");
  EXPECT_EQ(action["workflow_id"], id + "-wf");
  EXPECT_EQ(action["task_queue"], task_queue());
  EXPECT_EQ(action["args"], json::parse(R"([{"k":[1,2]}])"));
  EXPECT_EQ(action["execution_timeout_ms"], 60000);
  EXPECT_EQ(action["memo"], json::parse(R"({"action-memo":"m"})"));
  EXPECT_EQ(action["search_attributes"], json::parse(R"({"CustomKeywordField":"sched-action"})"));
  EXPECT_EQ(d["policies"], json::parse(R"({"overlap_policy":"ALLOW_ALL","catchup_window_ms":600000,
      "pause_on_failure":true,"keep_original_workflow_id":true})"));
  EXPECT_EQ(d["state"]["paused"], true);
  EXPECT_EQ(d["state"]["note"], "created paused");
  EXPECT_EQ(d["state"]["remaining_actions"], 5);
  EXPECT_EQ(d["memo"], json::parse(R"({"owner":"cpp"})"));
  EXPECT_EQ(d["search_attributes"]["CustomKeywordField"], "sched-own");
  EXPECT_FALSE(d["conflict_token"].get<std::string>().empty());

  // The same ID again: ALREADY_EXISTS, naming the schedule.
  try {
    client().create_schedule(id, echo_schedule(id + "-other"));
    ADD_FAILURE() << "a second create with the same ID succeeded";
  } catch (const temporal::AlreadyExistsError& e) {
    EXPECT_EQ(e.code(), temporal::ErrorCode::AlreadyExists);
    EXPECT_EQ(e.details().value("schedule_id", ""), id) << e.details_json();
  }
}

TEST_F(Schedule, TriggerPauseUpdateBackfillListDelete) {
  const std::string id = new_id("life");
  temporal::ScheduleOptions o = echo_schedule(id + "-wf");
  o.paused = true;
  const temporal::ScheduleHandle handle = create(id, o);
  auto describe = [&] { return json::parse(handle.describe()); };
  EXPECT_EQ(describe()["state"]["paused"], true);
  handle.unpause("running now");
  EXPECT_EQ(describe()["state"]["paused"], false);
  EXPECT_EQ(describe()["state"]["note"], "running now");
  handle.pause();
  EXPECT_EQ(describe()["state"]["note"], "Paused via Go SDK");
  handle.unpause();
  EXPECT_EQ(describe()["state"]["note"], "Unpaused via Go SDK");

  // Trigger: the action's workflow runs on the worker; its ID is ours plus the time.
  handle.trigger(temporal::ScheduleOverlapPolicy::AllowAll);
  json actions;
  ASSERT_TRUE(eventually([&] {
    actions = describe()["info"]["recent_actions"];
    return !actions.empty();
  }));
  const std::string workflow_id = actions[0]["workflow_id"];
  EXPECT_EQ(workflow_id.rfind(id + "-wf", 0), 0U) << workflow_id;
  EXPECT_EQ(client().get_workflow(workflow_id).get(30s), "\"hi\"");

  // Update: the whole schedule, with and without a stale conflict token.
  const json before = describe();
  const std::string token = before["conflict_token"];
  temporal::ScheduleOptions daily = echo_schedule(id + "-wf");
  daily.spec.intervals.clear();
  daily.spec.cron_strings = {"15 4 * * *"};
  daily.paused = true;
  daily.note = "updated";
  handle.update(daily, token);
  const json updated = describe();
  EXPECT_EQ(updated["state"]["note"], "updated");
  EXPECT_EQ(updated["state"]["paused"], true);
  EXPECT_EQ(updated["spec"]["intervals"], json::array());
  ASSERT_EQ(updated["spec"]["calendars"].size(), 1U);
  EXPECT_EQ(updated["spec"]["calendars"][0]["hour"], "4");
  EXPECT_EQ(updated["spec"]["calendars"][0]["minute"], "15");
  EXPECT_NE(updated["conflict_token"], token);
  // The stale token: the dev server answers OK and drops the update (temporal.h).
  daily.note = "stale";
  try {
    handle.update(daily, token);
  } catch (const temporal::Error& e) {
    EXPECT_EQ(e.code(), temporal::ErrorCode::Rpc) << e.what();
  }
  EXPECT_EQ(describe()["state"]["note"], "updated");
  EXPECT_EQ(describe()["conflict_token"], updated["conflict_token"]);
  // Create-only fields are refused by update.
  temporal::ScheduleOptions with_trigger = echo_schedule(id + "-wf");
  with_trigger.trigger_immediately = true;
  EXPECT_THROW(handle.update(with_trigger), temporal::InvalidArgumentError);
  // Back to hourly, unpaused, without a token.
  handle.update(echo_schedule(id + "-wf"));
  EXPECT_EQ(describe()["spec"]["intervals"], json::parse(R"([{"every_ms":3600000,"offset_ms":0}])"));

  // Backfill two past hours with AllowAll: their actions run now.
  const std::int64_t count_before = describe()["info"]["action_count"];
  const auto now = std::chrono::system_clock::now();
  const auto hour = std::chrono::floor<std::chrono::hours>(now);
  const auto start = hour - 3h;
  const auto end = hour - 1h - 30min;
  handle.backfill({{start, end, temporal::ScheduleOverlapPolicy::AllowAll}});
  EXPECT_TRUE(eventually([&] {
    return describe()["info"]["action_count"].get<std::int64_t>() >= count_before + 2;
  })) << describe().dump();

  // List: every page of size 1 until ours shows (eventually consistent).
  const std::string other = new_id("other");
  create(other, echo_schedule(other + "-wf"));
  std::size_t pages = 0;
  EXPECT_TRUE(eventually([&] {
    std::set<std::string> found;
    std::string page_token;
    pages = 0;
    do {
      const json page = json::parse(client().list_schedules_page("", 1, page_token));
      EXPECT_LE(page["schedules"].size(), 1U);
      for (const json& s : page["schedules"]) found.insert(s["schedule_id"].get<std::string>());
      page_token = page["next_page_token"];
      ++pages;
    } while (!page_token.empty());
    return found.count(id) == 1 && found.count(other) == 1;
  }));
  EXPECT_GE(pages, 2U);
  bool listed = false;
  for (const json& s : client().list_schedules()) {
    if (s["schedule_id"] == id) {
      listed = true;
      EXPECT_EQ(s["workflow_type"], "Echo");
    }
  }
  EXPECT_TRUE(listed);

  handle.delete_schedule();
  EXPECT_THROW(handle.describe(), temporal::NotFoundError);
  EXPECT_THROW(handle.delete_schedule(), temporal::NotFoundError);
}

// Create from the Schedule protobuf encoding, written out by hand:
// Schedule{spec{interval{interval: 3600s}}, action{start_workflow{workflow_id,
// workflow_type{name: "Echo"}, task_queue{name}}}}.
std::vector<std::uint8_t> field(std::uint32_t number, const std::vector<std::uint8_t>& payload) {
  std::vector<std::uint8_t> out;
  for (std::size_t value : {static_cast<std::size_t>((number << 3) | 2), payload.size()}) {
    while (value > 0x7F) {
      out.push_back(static_cast<std::uint8_t>((value & 0x7F) | 0x80));
      value >>= 7;
    }
    out.push_back(static_cast<std::uint8_t>(value));
  }
  out.insert(out.end(), payload.begin(), payload.end());
  return out;
}
std::vector<std::uint8_t> bytes(const std::string& s) { return {s.begin(), s.end()}; }

TEST_F(Schedule, CreateFromScheduleProto) {
  const std::string id = new_id("proto");
  const std::vector<std::uint8_t> spec = field(1, field(2, field(1, {0x08, 0x90, 0x1c})));
  std::vector<std::uint8_t> start = field(1, bytes(id + "-wf"));
  for (const auto& part : {field(2, field(1, bytes("Echo"))), field(3, field(1, bytes(task_queue())))}) {
    start.insert(start.end(), part.begin(), part.end());
  }
  temporal::ScheduleOptions o;
  o.schedule_proto = spec;
  const std::vector<std::uint8_t> action = field(2, field(1, start));
  o.schedule_proto.insert(o.schedule_proto.end(), action.begin(), action.end());
  const temporal::ScheduleHandle handle = create(id, o);
  const json d = json::parse(handle.describe());
  EXPECT_EQ(d["spec"]["intervals"], json::parse(R"([{"every_ms":3600000,"offset_ms":0}])"));
  EXPECT_EQ(d["action"]["workflow_type"], "Echo");
  EXPECT_EQ(d["action"]["task_queue"], task_queue());
  // Both ways at once: refused.
  temporal::ScheduleOptions both = echo_schedule(id + "-wf");
  both.schedule_proto = o.schedule_proto;
  EXPECT_THROW(handle.update(both), temporal::InvalidArgumentError);
}

TEST_F(Schedule, BadInputAndAsync) {
  const temporal::ScheduleHandle missing = client().get_schedule_handle(new_id("missing"));
  EXPECT_THROW(missing.describe(), temporal::NotFoundError);
  EXPECT_THROW(missing.backfill({}), temporal::InvalidArgumentError);
  EXPECT_THROW(missing.trigger(static_cast<temporal::ScheduleOverlapPolicy>(99)),
               temporal::InvalidArgumentError);
  EXPECT_THROW(client().create_schedule(new_id("empty"), temporal::ScheduleOptions{}),
               temporal::InvalidArgumentError);
  temporal::ScheduleOptions zero = echo_schedule("x");
  zero.spec.intervals = {{0ms, 0ms}};
  EXPECT_THROW(client().create_schedule(new_id("zero"), zero), temporal::InvalidArgumentError);
  temporal::ScheduleOptions negative = echo_schedule("x");
  negative.spec.jitter = -1s;
  EXPECT_THROW(client().create_schedule(new_id("negative"), negative),
               temporal::InvalidArgumentError);
  EXPECT_THROW(client().get_schedule_handle("").describe(), temporal::InvalidArgumentError);

  // The Call forms, waited for together.
  const std::string id = new_id("async");
  temporal::Call<void> created = client().create_schedule_async(id, echo_schedule(id + "-wf"));
  created.get();
  created_.push_back(id);
  const temporal::ScheduleHandle handle = client().get_schedule_handle(id);
  temporal::Call<void> paused = handle.pause_async("async pause");
  paused.get();
  temporal::Call<std::string> described = handle.describe_async(5s);
  EXPECT_EQ(json::parse(described.get())["state"]["note"], "async pause");
  handle.delete_async().get();
  EXPECT_THROW(handle.describe_async().get(), temporal::NotFoundError);
}

}  // namespace
