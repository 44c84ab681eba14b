// The rest of the per-workflow surface from C++: describe's counts and response bytes,
// history pages (filter, long poll), queries with a reject condition (QueryOptions), search
// attributes, task queues, reset, the health check and lazy clients (ClientOptions::lazy),
// against a real Temporal dev server and the Go test worker, as
// tests/c/test_workflow_surface.c does from C.
//
// The worker's Counter(start) workflow answers query "count" with its total and ends on signal
// "done"; GreetingWorkflow(name) completes at once with "Hello <name>!". Without
// TEMPORAL_ADDRESS the server tests are skipped.
#include "temporal.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <optional>
#include <random>
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

// A TCP port on 127.0.0.1 that nothing listens on (bound, then closed).
int unused_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  EXPECT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  EXPECT_EQ(getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len), 0);
  close(fd);
  return ntohs(addr.sin_port);
}

// The name of an event's attributes, e.g. "WorkflowTaskCompletedEventAttributes".
std::string event_kind(const json& event) { return event.at("attributes").begin().key(); }

TEST(WorkflowSurfaceBasics, EnumsAreTheHeaders) {
  static_assert(static_cast<int>(temporal::HistoryEventFilter::AllEvent) ==
                TEMPORAL_HISTORY_EVENT_FILTER_ALL_EVENT);
  static_assert(static_cast<int>(temporal::HistoryEventFilter::CloseEvent) ==
                TEMPORAL_HISTORY_EVENT_FILTER_CLOSE_EVENT);
  static_assert(static_cast<int>(temporal::QueryRejectCondition::None) ==
                TEMPORAL_QUERY_REJECT_CONDITION_NONE);
  static_assert(static_cast<int>(temporal::QueryRejectCondition::NotOpen) ==
                TEMPORAL_QUERY_REJECT_CONDITION_NOT_OPEN);
  static_assert(static_cast<int>(temporal::QueryRejectCondition::NotCompletedCleanly) ==
                TEMPORAL_QUERY_REJECT_CONDITION_NOT_COMPLETED_CLEANLY);
  static_assert(static_cast<int>(temporal::TaskQueueType::Workflow) ==
                TEMPORAL_TASK_QUEUE_TYPE_WORKFLOW);
  static_assert(static_cast<int>(temporal::TaskQueueType::Activity) ==
                TEMPORAL_TASK_QUEUE_TYPE_ACTIVITY);
  static_assert(static_cast<int>(temporal::TaskQueueType::Nexus) ==
                TEMPORAL_TASK_QUEUE_TYPE_NEXUS);
  using Client = temporal::Client;
  static_assert(std::is_same_v<decltype(std::declval<Client&>().check_health_async()),
                               temporal::Call<void>>);
  static_assert(std::is_same_v<decltype(std::declval<Client&>().reset_workflow_execution(
                                   "", "", "", 1)),
                               std::string>);
  static_assert(std::is_same_v<decltype(std::declval<temporal::Call<std::string>&>().proto_bytes()),
                               std::vector<std::uint8_t>>);
  EXPECT_FALSE(temporal::ClientOptions{}.lazy);
  EXPECT_EQ(temporal::QueryOptions{}.reject_condition, temporal::QueryRejectCondition::None);
  EXPECT_EQ(temporal::QueryOptions{}.args_json, "[]");
}

// An empty client is the library's to refuse, with InvalidArgumentError; nothing crashes.
TEST(WorkflowSurfaceBasics, EmptyClientThrowsInvalidArgument) {
  const temporal::Client no_client(nullptr);
  EXPECT_THROW(no_client.check_health_async(), temporal::InvalidArgumentError);
  EXPECT_THROW(no_client.get_search_attributes_async(), temporal::InvalidArgumentError);
  EXPECT_THROW(no_client.describe_task_queue_async("q"), temporal::InvalidArgumentError);
  EXPECT_THROW(no_client.get_workflow_history_page_async("wf"), temporal::InvalidArgumentError);
  EXPECT_THROW(no_client.reset_workflow_execution_async("wf", "", "", 3),
               temporal::InvalidArgumentError);
  temporal::QueryOptions q;
  q.workflow_id = "wf";
  q.query_type = "count";
  EXPECT_THROW(no_client.query_workflow_async(q), temporal::InvalidArgumentError);
}

class WorkflowSurface : public ::testing::Test {
 protected:
  void SetUp() override {
    address_ = env_or_empty("TEMPORAL_ADDRESS");
    if (address_.empty()) GTEST_SKIP() << "TEMPORAL_ADDRESS is not set";
    temporal::ClientOptions options;
    options.address = address_;
    client_.emplace(temporal::Client::connect(options));
  }

  // Ends the workflows a test started (errors ignored: most completed).
  void TearDown() override {
    if (!client_) return;
    for (const std::string& id : started_) {
      try {
        client_->terminate_workflow(id, "", "test_workflow_surface done");
      } catch (const temporal::Error&) {
      }
    }
  }

  const temporal::Client& client() const { return *client_; }

  static std::string task_queue() {
    const std::string queue = env_or_empty("TEMPORAL_TEST_TASK_QUEUE");
    return queue.empty() ? "temporal-ffi-test" : queue;
  }

  // Start options for a new Workflow ID (remembered for TearDown).
  temporal::StartWorkflowOptions options(const std::string& what) {
    static const auto seed = std::random_device{}();
    temporal::StartWorkflowOptions o;
    o.id = "cpp-surface-" + what + "-" + std::to_string(seed) + "-" +
           std::to_string(started_.size());
    o.task_queue = task_queue();
    o.execution_timeout = 5min;
    started_.push_back(o.id);
    return o;
  }

  temporal::WorkflowRun completed_greeting(const std::string& what) {
    temporal::WorkflowRun run =
        client().execute_workflow("GreetingWorkflow", options(what), "[\"Surface\"]");
    EXPECT_EQ(run.get(20s), "\"Hello Surface!\"");
    return run;
  }

  std::string address_;
  std::vector<std::string> started_;

 private:
  std::optional<temporal::Client> client_;
};

TEST_F(WorkflowSurface, DescribeHasTheCountsAndTheResponseBytes) {
  const temporal::WorkflowRun run = completed_greeting("describe");
  temporal::Call<std::string> call = client().describe_workflow_execution_async(run.id());
  const json d = json::parse(call.get());
  EXPECT_EQ(d.at("run_id"), run.run_id());
  EXPECT_EQ(d.at("status"), "COMPLETED");
  EXPECT_EQ(d.at("pending_children"), 0);
  EXPECT_EQ(d.at("callbacks"), 0);
  EXPECT_TRUE(d.at("parent_workflow_id").is_null());
  EXPECT_TRUE(d.at("parent_run_id").is_null());
  // The DescribeWorkflowExecutionResponse: its protobuf holds the IDs and type as strings.
  const std::vector<std::uint8_t> bytes = call.proto_bytes();
  const std::string text(bytes.begin(), bytes.end());
  EXPECT_NE(text.find(run.run_id()), std::string::npos);
  EXPECT_NE(text.find("GreetingWorkflow"), std::string::npos);
  // A call with no response message (check_health) says so.
  temporal::Call<void> health = client().check_health_async();
  EXPECT_THROW(health.proto_bytes(), temporal::InvalidArgumentError);
}

TEST_F(WorkflowSurface, HistoryPagesAndTheCloseFilter) {
  const temporal::WorkflowRun run = completed_greeting("history");
  const json page = json::parse(client().get_workflow_history_page(run.id()));
  EXPECT_EQ(page.at("next_page_token"), "");
  const json& events = page.at("events");
  ASSERT_GE(events.size(), 3u);
  EXPECT_EQ(event_kind(events.front()), "WorkflowExecutionStartedEventAttributes");
  EXPECT_EQ(event_kind(events.back()), "WorkflowExecutionCompletedEventAttributes");
  EXPECT_EQ(events, json::parse(client().get_workflow_history(run.id())).at("events"));

  const json closing = json::parse(client().get_workflow_history_page(
      run.id(), run.run_id(), "", temporal::HistoryEventFilter::CloseEvent));
  ASSERT_EQ(closing.at("events").size(), 1u);
  EXPECT_EQ(event_kind(closing.at("events")[0]), "WorkflowExecutionCompletedEventAttributes");

  EXPECT_THROW(client().get_workflow_history_page_async(run.id(), "", "not hex"),
               temporal::InvalidArgumentError);
  EXPECT_THROW(client().get_workflow_history_page_async(
                   run.id(), "", "", static_cast<temporal::HistoryEventFilter>(3)),
               temporal::InvalidArgumentError);
}

TEST_F(WorkflowSurface, HistoryLongPollWaitsForTheNextEvent) {
  const temporal::WorkflowRun run = client().execute_workflow("Counter", options("poll"), "[2]");
  json page;
  for (int i = 0;; i++) {
    page = json::parse(client().get_workflow_history_page(run.id(), "", "",
                                                           temporal::HistoryEventFilter::AllEvent,
                                                           true));
    if (event_kind(page.at("events").back()) == "WorkflowTaskCompletedEventAttributes") break;
    ASSERT_LT(i, 100) << "the first workflow task never completed: " << page.dump();
    std::this_thread::sleep_for(100ms);
  }
  const std::string token = page.at("next_page_token");
  ASSERT_FALSE(token.empty()) << "a running workflow's long-poll page has a token";
  const auto started = std::chrono::steady_clock::now();
  temporal::Call<std::string> poll = client().get_workflow_history_page_async(
      run.id(), "", token, temporal::HistoryEventFilter::AllEvent, true);
  EXPECT_FALSE(poll.wait_for(700ms)) << "the long poll answered before any new event";
  client().signal_workflow(run.id(), "", "done", "[]");
  ASSERT_TRUE(poll.wait_for(15s));
  const json next = json::parse(poll.get());
  bool signaled = false;
  for (const json& e : next.at("events")) {
    signaled = signaled || event_kind(e) == "WorkflowExecutionSignaledEventAttributes";
  }
  EXPECT_TRUE(signaled) << next.dump();
  EXPECT_LT(std::chrono::steady_clock::now() - started, 10s);
}

TEST_F(WorkflowSurface, QueryRejectConditions) {
  const temporal::WorkflowRun run = client().execute_workflow("Counter", options("query"), "[5]");
  temporal::QueryOptions q;
  q.workflow_id = run.id();
  q.query_type = "count";
  q.reject_condition = temporal::QueryRejectCondition::NotOpen;
  EXPECT_EQ(client().query_workflow(q), "5");  // running: NOT_OPEN answers
  client().signal_workflow(run.id(), "", "done", "[]");
  EXPECT_EQ(run.get(20s), "5");

  try {
    client().query_workflow(q);
    ADD_FAILURE() << "a completed workflow answered a NOT_OPEN query";
  } catch (const temporal::QueryRejectedError& e) {
    EXPECT_EQ(e.code(), temporal::ErrorCode::QueryRejected);
    EXPECT_EQ(e.details(), json({{"status", "COMPLETED"}}));
  }
  for (const auto condition : {temporal::QueryRejectCondition::NotCompletedCleanly,
                               temporal::QueryRejectCondition::None}) {
    q.reject_condition = condition;
    q.run_id = run.run_id();
    EXPECT_EQ(client().query_workflow(q), "5");
  }
  // Payloads out, as a plain query.
  temporal::CallOptions as_payloads;
  as_payloads.result_as_payloads = true;
  const std::vector<temporal::Payload> payloads =
      client().query_workflow_async(q, as_payloads).payloads();
  ASSERT_EQ(payloads.size(), 1u);
  EXPECT_EQ(payloads[0].to_json(), "5");

  q.reject_condition = static_cast<temporal::QueryRejectCondition>(4);
  EXPECT_THROW(client().query_workflow_async(q), temporal::InvalidArgumentError);
}

TEST_F(WorkflowSurface, SearchAttributesTaskQueueAndHealth) {
  const json keys = json::parse(client().get_search_attributes()).at("keys");
  EXPECT_EQ(keys.at("WorkflowId"), "KEYWORD");
  EXPECT_EQ(keys.at("StartTime"), "DATETIME");
  EXPECT_EQ(keys.at("HistoryLength"), "INT");
  EXPECT_NO_THROW(client().check_health());
  EXPECT_NO_THROW(client().check_health(5s));

  for (const auto type : {temporal::TaskQueueType::Workflow, temporal::TaskQueueType::Activity}) {
    const json queue = json::parse(client().describe_task_queue(task_queue(), type));
    ASSERT_FALSE(queue.at("pollers").empty()) << queue.dump();
    const json& poller = queue.at("pollers")[0];
    EXPECT_FALSE(poller.at("identity").get<std::string>().empty());
    EXPECT_TRUE(poller.at("last_access_time").is_string());
    EXPECT_GT(poller.at("rate_per_second").get<double>(), 0);
    EXPECT_TRUE(queue.contains("backlog_count_hint"));
  }
  EXPECT_TRUE(json::parse(client().describe_task_queue(task_queue() + "-nobody-polls"))
                  .at("pollers")
                  .empty());
  EXPECT_THROW(client().describe_task_queue_async(task_queue(),
                                                  static_cast<temporal::TaskQueueType>(9)),
               temporal::InvalidArgumentError);
}

TEST_F(WorkflowSurface, ResetACompletedWorkflow) {
  const temporal::WorkflowRun run = completed_greeting("reset");
  const json events = json::parse(client().get_workflow_history_page(run.id())).at("events");
  std::int64_t first_task_done = 0;
  for (const json& e : events) {
    if (event_kind(e) == "WorkflowTaskCompletedEventAttributes") {
      first_task_done = e.at("event_id").get<std::int64_t>();
      break;
    }
  }
  ASSERT_GT(first_task_done, 0) << events.dump();
  const std::string new_run =
      client().reset_workflow_execution(run.id(), run.run_id(), "cpp reset", first_task_done);
  EXPECT_FALSE(new_run.empty());
  EXPECT_NE(new_run, run.run_id());
  EXPECT_EQ(json::parse(client().describe_workflow_execution(run.id())).at("run_id"), new_run);
  EXPECT_EQ(client().get_workflow(run.id(), new_run).get(20s), "\"Hello Surface!\"");

  EXPECT_THROW(client().reset_workflow_execution_async(run.id(), "", "", 0),
               temporal::InvalidArgumentError);
  EXPECT_THROW(client().reset_workflow_execution(run.id() + "-never-started", "", "",
                                                 first_task_done),
               temporal::NotFoundError);
}

TEST_F(WorkflowSurface, LazyClientDialsOnFirstUse) {
  temporal::ClientOptions dead;
  dead.address = "127.0.0.1:" + std::to_string(unused_port());
  dead.lazy = true;
  dead.connect_timeout = 3s;
  auto started = std::chrono::steady_clock::now();
  const temporal::Client lazy = temporal::Client::connect(dead);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 1s) << "a lazy connect dialed";
  // Nothing listens: each call dials and fails.
  EXPECT_THROW(lazy.describe_workflow_execution("lazy-nothing-there", "", 5s),
               temporal::UnavailableError);
  EXPECT_THROW(lazy.check_health(5s), temporal::UnavailableError);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 12s);

  // A lazy client of the real server dials at its first call.
  temporal::ClientOptions live;
  live.address = address_;
  live.lazy = true;
  const temporal::Client lazy_live = temporal::Client::connect(live);
  EXPECT_NO_THROW(lazy_live.check_health(10s));
  EXPECT_EQ(json::parse(lazy_live.get_search_attributes()).at("keys").at("WorkflowId"), "KEYWORD");

  // Bad options are still refused at once.
  temporal::ClientOptions bad = dead;
  bad.grpc_metadata = {{"bad key\n", "x"}};
  EXPECT_THROW(temporal::Client::connect(bad), temporal::InvalidArgumentError);
}

}  // namespace
