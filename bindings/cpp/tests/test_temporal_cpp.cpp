// GoogleTest suite of the C++ binding, against a real Temporal dev server and the Go test
// worker (tests/harness/with-dev-server.sh sets TEMPORAL_ADDRESS and TEMPORAL_TEST_TASK_QUEUE).
// Without TEMPORAL_ADDRESS the tests that need a server are skipped.

// Double include on purpose: the C header first, then the C++ header twice.
#include "temporal.h"
#include "temporal.hpp"
#include "temporal.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

using namespace std::chrono_literals;

// Defined in double_include.cpp, a second translation unit that includes the headers in the
// other order (catches non-inline definitions: they would not link).
std::string double_include_version();
bool double_include_error_is_error();

namespace {

std::string env(const char* name, const char* fallback = "") {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? v : fallback;
}

std::string task_queue() { return env("TEMPORAL_TEST_TASK_QUEUE", "temporal-ffi-test"); }

// A Workflow ID no other test (or earlier run against the same server) uses.
std::string unique_id(const std::string& prefix) {
  static std::atomic<unsigned> counter{0};
  static const auto seed = std::random_device{}();
  return "cpp-" + prefix + "-" + std::to_string(seed) + "-" + std::to_string(++counter);
}

temporal::StartWorkflowOptions opts(const std::string& prefix) {
  temporal::StartWorkflowOptions o;
  o.id = unique_id(prefix);
  o.task_queue = task_queue();
  // Keeps blocked workflows from outliving the test run by much.
  o.execution_timeout = 120s;
  return o;
}

class Server : public ::testing::Test {
 protected:
  void SetUp() override {
    if (env("TEMPORAL_ADDRESS").empty()) GTEST_SKIP() << "TEMPORAL_ADDRESS is not set";
    temporal::ClientOptions options;
    options.address = env("TEMPORAL_ADDRESS");
    client_.emplace(temporal::Client::connect(options));
  }
  const temporal::Client& client() const { return *client_; }

 private:
  std::optional<temporal::Client> client_;
};

// ----------------------------------------------------------------------------------------------
// No server needed

TEST(Basics, Version) {
  EXPECT_EQ(temporal::version(), TEMPORAL_FFI_VERSION);
  EXPECT_STREQ(temporal::header_version, TEMPORAL_FFI_VERSION);
}

TEST(Basics, DoubleIncludeInAnotherTranslationUnit) {
  EXPECT_EQ(double_include_version(), temporal::version());
  EXPECT_TRUE(double_include_error_is_error());
}

TEST(Basics, TypeTraits) {
  static_assert(!std::is_copy_constructible_v<temporal::Client>);
  static_assert(!std::is_copy_assignable_v<temporal::Client>);
  static_assert(std::is_nothrow_move_constructible_v<temporal::Client>);
  static_assert(std::is_nothrow_move_assignable_v<temporal::Client>);
  static_assert(!std::is_copy_constructible_v<temporal::WorkflowRun>);
  static_assert(std::is_nothrow_move_constructible_v<temporal::WorkflowRun>);
  static_assert(std::is_nothrow_move_assignable_v<temporal::WorkflowRun>);
  static_assert(std::is_base_of_v<std::runtime_error, temporal::Error>);
  static_assert(std::is_base_of_v<temporal::WorkflowExecutionError, temporal::WorkflowFailedError>);
  static_assert(std::is_nothrow_copy_constructible_v<temporal::Error>);
  static_assert(static_cast<int>(temporal::WorkflowIdConflictPolicy::UseExisting) ==
                TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING);
  static_assert(static_cast<int>(temporal::WorkflowIdReusePolicy::RejectDuplicate) ==
                TEMPORAL_WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE);
  SUCCEED();
}

TEST(Basics, ThrowIfErrorNullIsNoop) { EXPECT_NO_THROW(temporal::throw_if_error(nullptr)); }

TEST(Basics, ThrowErrorMapsCodes) {
  EXPECT_THROW(temporal::throw_error(temporal::ErrorCode::NotFound, "x"), temporal::NotFoundError);
  EXPECT_THROW(temporal::throw_error(temporal::ErrorCode::Payload, "x"), temporal::PayloadError);
  EXPECT_THROW(temporal::throw_error(temporal::ErrorCode::WorkflowCanceled, "x"),
               temporal::WorkflowCanceledError);
  try {
    temporal::throw_error(temporal::ErrorCode::Internal, "boom", R"({"k":1})");
    FAIL() << "no throw";
  } catch (const temporal::Error& e) {
    EXPECT_EQ(e.code(), temporal::ErrorCode::Internal);
    EXPECT_EQ(e.message(), "boom");
    EXPECT_STREQ(e.what(), "INTERNAL: boom");
    EXPECT_EQ(e.details_json(), R"({"k":1})");
  }
}

TEST(Basics, NullHandlesThrowInvalidArgument) {
  temporal::Client empty(nullptr);
  EXPECT_FALSE(empty);
  temporal::StartWorkflowOptions o;
  o.task_queue = "q";
  EXPECT_THROW(empty.execute_workflow("Echo", o), temporal::InvalidArgumentError);
  EXPECT_THROW(empty.get_workflow("some-id"), temporal::InvalidArgumentError);
  temporal::WorkflowRun no_run(nullptr);
  EXPECT_FALSE(no_run);
  EXPECT_EQ(no_run.id(), "");
  EXPECT_THROW(no_run.get(), temporal::InvalidArgumentError);
}

TEST(Basics, NegativeDurationIsInvalidArgument) {
  temporal::Client empty(nullptr);
  temporal::StartWorkflowOptions o;
  o.task_queue = "q";
  o.run_timeout = -1ms;
  EXPECT_THROW(empty.execute_workflow("Echo", o), temporal::InvalidArgumentError);
}

TEST(Basics, ConnectToNothingFails) {
  temporal::ClientOptions options;
  options.address = "127.0.0.1:1";  // nothing listens on port 1
  options.connect_timeout = 3s;
  try {
    temporal::Client::connect(options);
    FAIL() << "connected to 127.0.0.1:1";
  } catch (const temporal::Error& e) {
    EXPECT_TRUE(e.code() == temporal::ErrorCode::Unavailable ||
                e.code() == temporal::ErrorCode::DeadlineExceeded)
        << e.what();
  }
}

TEST(Basics, BadGrpcMetadataIsEncodedAsJson) {
  // Keys and values with characters that need JSON escaping must reach the library intact;
  // an address that cannot be parsed makes the call fail fast either way.
  temporal::ClientOptions options;
  options.address = "not a valid address::";
  options.grpc_metadata = {{"x-quote", "a\"b\\c\n"}};
  options.connect_timeout = 2s;
  EXPECT_THROW(temporal::Client::connect(options), temporal::Error);
}

// ----------------------------------------------------------------------------------------------
// Against the server

TEST_F(Server, ExecuteAndGetGreeting) {
  auto o = opts("greeting");
  temporal::WorkflowRun run = client().execute_workflow("GreetingWorkflow", o, R"(["World"])");
  EXPECT_TRUE(run);
  EXPECT_EQ(run.id(), o.id);
  EXPECT_FALSE(run.run_id().empty());
  EXPECT_EQ(run.get(), "\"Hello World!\"");
  // A second get returns the same result.
  EXPECT_EQ(run.get(30s), "\"Hello World!\"");
}

TEST_F(Server, GetAsyncFuture) {
  auto o = opts("async");
  std::future<std::string> future;
  {
    temporal::WorkflowRun run = client().execute_workflow("Sleep", o, "[300]");
    future = run.get_async();
    // `run` is destroyed here; the background call keeps the C run alive.
  }
  ASSERT_EQ(future.wait_for(60s), std::future_status::ready);
  EXPECT_EQ(future.get(), "\"slept\"");
}

TEST_F(Server, GetAsyncManyWaiters) {
  temporal::WorkflowRun run =
      client().execute_workflow("GreetingWorkflow", opts("async-many"), R"(["Async"])");
  std::vector<std::future<std::string>> futures;
  for (int i = 0; i < 4; ++i) futures.push_back(run.get_async());
  for (auto& f : futures) EXPECT_EQ(f.get(), "\"Hello Async!\"");
}

TEST_F(Server, GetAsyncPropagatesErrors) {
  temporal::WorkflowRun run = client().execute_workflow("Block", opts("async-timeout"));
  auto future = run.get_async(200ms);
  EXPECT_THROW(future.get(), temporal::DeadlineExceededError);
}

TEST_F(Server, ReattachById) {
  auto o = opts("reattach");
  std::string run_id;
  {
    temporal::WorkflowRun run = client().execute_workflow("Sleep", o, "[500]");
    run_id = run.run_id();
  }
  // Another client, as another process would do it.
  temporal::ClientOptions co;
  co.address = env("TEMPORAL_ADDRESS");
  temporal::Client other = temporal::Client::connect(co);
  temporal::WorkflowRun latest = other.get_workflow(o.id);
  EXPECT_EQ(latest.id(), o.id);
  EXPECT_EQ(latest.get(), "\"slept\"");
  EXPECT_EQ(latest.run_id(), run_id);
  temporal::WorkflowRun exact = other.get_workflow(o.id, run_id);
  EXPECT_EQ(exact.run_id(), run_id);
  EXPECT_EQ(exact.get(), "\"slept\"");
}

TEST_F(Server, AlreadyStartedReattachesByDefault) {
  auto o = opts("already");
  temporal::WorkflowRun first = client().execute_workflow("Block", o);
  temporal::WorkflowRun second = client().execute_workflow("Block", o);
  EXPECT_EQ(second.id(), first.id());
  EXPECT_EQ(second.run_id(), first.run_id());
}

TEST_F(Server, AlreadyStartedErrorWithFlag) {
  auto o = opts("already-flag");
  temporal::WorkflowRun first = client().execute_workflow("Block", o);
  o.error_when_already_started = true;
  try {
    client().execute_workflow("Block", o);
    FAIL() << "no AlreadyStartedError";
  } catch (const temporal::AlreadyStartedError& e) {
    EXPECT_EQ(e.code(), temporal::ErrorCode::AlreadyStarted);
    EXPECT_NE(e.details_json().find(first.run_id()), std::string::npos) << e.details_json();
    EXPECT_NE(e.details_json().find(o.id), std::string::npos) << e.details_json();
#if TEMPORAL_FFI_HAS_NLOHMANN_JSON
    EXPECT_EQ(e.details().at("run_id").get<std::string>(), first.run_id());
#endif
  }
}

TEST_F(Server, FailIsWorkflowFailedError) {
  temporal::WorkflowRun run =
      client().execute_workflow("Fail", opts("fail"), R"(["it broke", "MyError", true])");
  try {
    run.get();
    FAIL() << "no WorkflowFailedError";
  } catch (const temporal::WorkflowFailedError& e) {
    EXPECT_EQ(e.code(), temporal::ErrorCode::WorkflowFailed);
    EXPECT_NE(e.details_json().find("MyError"), std::string::npos) << e.details_json();
    EXPECT_NE(std::string(e.what()).find("WORKFLOW_FAILED"), std::string::npos) << e.what();
  }
  // Also catchable as the families it belongs to.
  EXPECT_THROW(run.get(), temporal::WorkflowExecutionError);
  EXPECT_THROW(run.get(), temporal::Error);
  EXPECT_THROW(run.get(), std::runtime_error);
}

TEST_F(Server, GetTimeoutIsDeadlineExceeded) {
  temporal::WorkflowRun run = client().execute_workflow("Block", opts("block"));
  const auto start = std::chrono::steady_clock::now();
  EXPECT_THROW(run.get(300ms), temporal::DeadlineExceededError);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_GE(elapsed, 250ms);
  EXPECT_LT(elapsed, 10s);
}

TEST_F(Server, MissingTaskQueueIsInvalidArgument) {
  temporal::StartWorkflowOptions o;
  o.id = unique_id("no-queue");
  EXPECT_THROW(client().execute_workflow("Echo", o, R"(["x"])"), temporal::InvalidArgumentError);
}

TEST_F(Server, NotFound) {
  temporal::WorkflowRun run = client().get_workflow(unique_id("never-started"));
  EXPECT_THROW(run.get(10s), temporal::NotFoundError);
}

TEST_F(Server, UnknownEncodingIsPayloadError) {
  temporal::WorkflowRun run = client().execute_workflow("CustomEncoding", opts("payload"));
  EXPECT_THROW(run.get(), temporal::PayloadError);
}

TEST_F(Server, TerminatedAndTimedOut) {
  auto o = opts("terminate");
  temporal::WorkflowRun first = client().execute_workflow("Block", o);
  o.id_conflict_policy = temporal::WorkflowIdConflictPolicy::TerminateExisting;
  o.execution_timeout = 1s;
  temporal::WorkflowRun second = client().execute_workflow("Block", o);
  EXPECT_NE(second.run_id(), first.run_id());
  EXPECT_THROW(first.get(30s), temporal::WorkflowTerminatedError);
  EXPECT_THROW(second.get(30s), temporal::WorkflowTimedOutError);
}

TEST_F(Server, RetryPolicyAndNoResult) {
  auto o = opts("retry");
  temporal::RetryPolicy retry;
  retry.initial_interval = 100ms;
  retry.maximum_attempts = 3;
  retry.non_retryable_error_types = {"Fatal", "Other \"quoted\""};
  o.retry_policy = retry;
  EXPECT_EQ(client().execute_workflow("FailFirstAttempt", o).get(),
            "\"succeeded on attempt 2\"");
  EXPECT_EQ(client().execute_workflow("NoResult", opts("no-result")).get(), "null");
}

TEST_F(Server, MemoAndStartOptions) {
  auto o = opts("memo");
  o.memo_json = R"({"note":"from C++"})";
  const std::string result = client().execute_workflow("GetMemoAndSearchInfo", o).get();
  EXPECT_NE(result.find("from C++"), std::string::npos) << result;
}

#if TEMPORAL_FFI_HAS_NLOHMANN_JSON
TEST_F(Server, NlohmannJsonArgsAndGetAs) {
  auto run = client().execute_workflow(
      "Concat", opts("json"),
      nlohmann::json::array({"x", 7, true, nlohmann::json{{"k", "v"}}}));
  const auto result = run.get_as<nlohmann::json>();
  EXPECT_EQ(result.at("a"), "x");
  EXPECT_EQ(result.at("b"), 7);
  EXPECT_EQ(result.at("c"), true);
  EXPECT_EQ(result.at("d").at("k"), "v");
  auto echo = client().execute_workflow("Echo", opts("json-echo"), nlohmann::json::array({"hi"}));
  EXPECT_EQ(echo.get_as<std::string>(), "hi");
}
#endif

TEST_F(Server, MoveSemantics) {
  temporal::ClientOptions co;
  co.address = env("TEMPORAL_ADDRESS");
  temporal::Client a = temporal::Client::connect(co);
  temporal::Client b = std::move(a);
  EXPECT_FALSE(a);  // NOLINT(bugprone-use-after-move): moved-from state is specified
  EXPECT_TRUE(b);
  EXPECT_THROW(a.execute_workflow("Echo", opts("moved"), R"(["x"])"),
               temporal::InvalidArgumentError);

  temporal::WorkflowRun run = b.execute_workflow("Echo", opts("move"), R"(["moved"])");
  temporal::WorkflowRun run2 = std::move(run);
  EXPECT_FALSE(run);  // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(run.id(), "");
  EXPECT_THROW(run.get(), temporal::InvalidArgumentError);

  // Move-assign over live objects frees what they held.
  temporal::Client c = temporal::Client::connect(co);
  c = std::move(b);
  EXPECT_TRUE(c);
  temporal::WorkflowRun run3 = c.execute_workflow("Echo", opts("move3"), R"(["three"])");
  run3 = std::move(run2);
  EXPECT_EQ(run3.get(), "\"moved\"");

  // Runs outlive their client.
  temporal::WorkflowRun survivor = c.execute_workflow("Echo", opts("survivor"), R"(["alive"])");
  { temporal::Client sink = std::move(c); }
  EXPECT_EQ(survivor.get(), "\"alive\"");
  // a, b, c, run, run2 are moved-from here and are destroyed safely at scope exit.
}

TEST_F(Server, ConcurrentUseOfOneClient) {
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      const std::string arg = "[\"t" + std::to_string(i) + "\"]";
      if (client().execute_workflow("Echo", opts("threads"), arg).get() ==
          "\"t" + std::to_string(i) + "\"") {
        ++ok;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 8);
}

// ----------------------------------------------------------------------------------------------
// Workflow operations (Counter and Block in tests/worker/workflows.go)

TEST(Basics, NewErrorCodesMap) {
  EXPECT_THROW(temporal::throw_error(temporal::ErrorCode::UpdateFailed, "x"),
               temporal::UpdateFailedError);
  EXPECT_THROW(temporal::throw_error(temporal::ErrorCode::QueryFailed, "x"),
               temporal::QueryFailedError);
  EXPECT_THROW(temporal::throw_error(temporal::ErrorCode::Shutdown, "x"), temporal::ShutdownError);
  EXPECT_THROW(temporal::throw_error(temporal::ErrorCode::Canceled, "x"), temporal::CanceledError);
  static_assert(!std::is_copy_constructible_v<temporal::Call>);
  static_assert(std::is_nothrow_move_constructible_v<temporal::Call>);
  static_assert(std::is_nothrow_move_assignable_v<temporal::Call>);
}

TEST(Basics, AsyncWithNullHandles) {
  temporal::Client empty(nullptr);
  // Future forms: every error goes into the future.
  auto f = empty.query_workflow_async("x", "", "count");
  EXPECT_THROW(f.get(), temporal::InvalidArgumentError);
  temporal::WorkflowRun no_run(nullptr);
  EXPECT_THROW(no_run.get_async().get(), temporal::InvalidArgumentError);
  // Callback forms: thrown at once, callback never called.
  std::atomic<int> calls{0};
  EXPECT_THROW(empty.cancel_workflow_async("x", "", 0ms, [&](std::exception_ptr) { ++calls; }),
               temporal::InvalidArgumentError);
  EXPECT_THROW(empty.count_workflow_async("", 0ms, temporal::Callback<std::int64_t>{}),
               temporal::InvalidArgumentError);
  EXPECT_EQ(calls.load(), 0);
}

// Starts Counter(start) and waits until it answers queries.
temporal::WorkflowRun start_counter(const temporal::Client& client, const std::string& prefix,
                                    int start = 0) {
  return client.execute_workflow("Counter", opts(prefix), "[" + std::to_string(start) + "]");
}

TEST_F(Server, SignalQueryUpdateCounter) {
  auto run = start_counter(client(), "counter", 5);
  EXPECT_EQ(client().query_workflow(run.id(), "", "count"), "5");
  EXPECT_EQ(client().update_workflow(run.id(), run.run_id(), "add", "[3]"), "8");
  EXPECT_EQ(client().update_workflow(run.id(), "", "add", "[2]", "my-update-id", 30s), "10");
  // The same update ID again is deduplicated by the server: same result, no second add.
  EXPECT_EQ(client().update_workflow(run.id(), "", "add", "[2]", "my-update-id"), "10");
  EXPECT_EQ(client().query_workflow(run.id(), run.run_id(), "count", "[]", 10s), "10");
  try {
    client().update_workflow(run.id(), "", "add", "[-1]");
    FAIL() << "negative add accepted";
  } catch (const temporal::UpdateFailedError& e) {
    EXPECT_EQ(e.code(), temporal::ErrorCode::UpdateFailed);
    EXPECT_NE(e.details_json().find("negative"), std::string::npos) << e.details_json();
  }
  try {
    client().update_workflow(run.id(), "", "add", "[13]");
    FAIL() << "13 accepted";
  } catch (const temporal::UpdateFailedError& e) {
    EXPECT_NE(e.details_json().find("Unlucky"), std::string::npos) << e.details_json();
  }
  EXPECT_THROW(client().query_workflow(run.id(), "", "fail"), temporal::QueryFailedError);
  client().signal_workflow(run.id(), "", "done");
  EXPECT_EQ(run.get(30s), "10");
}

TEST_F(Server, SignalUnblocksBlock) {
  auto run = client().execute_workflow("Block", opts("signal-block"));
  client().signal_workflow(run.id(), run.run_id(), "unblock", R"(["go"])", 10s);
  EXPECT_EQ(run.get(30s), "\"unblocked: go\"");
  EXPECT_THROW(client().signal_workflow(unique_id("missing"), "", "unblock", R"(["x"])"),
               temporal::NotFoundError);
}

TEST_F(Server, SignalWithStart) {
  auto o = opts("sws");
  auto run = client().signal_with_start_workflow("unblock", R"(["first"])", "Block", o);
  EXPECT_EQ(run.id(), o.id);
  EXPECT_FALSE(run.run_id().empty());
  EXPECT_EQ(run.get(30s), "\"unblocked: first\"");

  // Already running: signals the running execution.
  auto o2 = opts("sws-running");
  auto counter = client().execute_workflow("Counter", o2, "[1]");
  auto same = client().signal_with_start_workflow("done", "[]", "Counter", o2, "[100]", 10s);
  EXPECT_EQ(same.run_id(), counter.run_id());
  EXPECT_EQ(counter.get(30s), "1");
}

TEST_F(Server, CancelAndTerminate) {
  auto blocked = client().execute_workflow("Block", opts("cancel"));
  client().cancel_workflow(blocked.id());
  EXPECT_THROW(blocked.get(30s), temporal::WorkflowCanceledError);

  auto other = client().execute_workflow("Block", opts("terminate-op"));
  client().terminate_workflow(other.id(), other.run_id(), "enough", R"(["d"])", 10s);
  try {
    other.get(30s);
    FAIL() << "not terminated";
  } catch (const temporal::WorkflowTerminatedError& e) {
    EXPECT_NE(e.details_json().find("enough"), std::string::npos) << e.details_json();
  }
  EXPECT_THROW(client().cancel_workflow(unique_id("missing")), temporal::NotFoundError);
}

TEST_F(Server, DescribeHistoryListCount) {
  auto run = start_counter(client(), "describe", 2);
  client().query_workflow(run.id(), "", "count");  // the worker has run it
  const std::string description = client().describe_workflow_execution(run.id());
  EXPECT_NE(description.find("\"RUNNING\""), std::string::npos) << description;
  EXPECT_NE(description.find(run.run_id()), std::string::npos) << description;
  EXPECT_NE(description.find("Counter"), std::string::npos) << description;
  client().signal_workflow(run.id(), "", "done");
  run.get(30s);
  const std::string closed = client().describe_workflow_execution(run.id(), run.run_id(), 10s);
  EXPECT_NE(closed.find("\"COMPLETED\""), std::string::npos) << closed;

  const std::string history = client().get_workflow_history(run.id(), run.run_id());
  EXPECT_EQ(history.rfind("{\"events\"", 0), 0u) << history.substr(0, 200);
  EXPECT_NE(history.find("done"), std::string::npos);
  EXPECT_THROW(client().describe_workflow_execution(unique_id("missing")), temporal::NotFoundError);

  // Visibility is eventually consistent: poll.
  const std::string query = "WorkflowId = '" + run.id() + "'";
  std::int64_t count = 0;
  std::string list;
  for (int i = 0; i < 50; ++i) {
    count = client().count_workflow(query);
    list = client().list_workflow(query, 10);
    if (count == 1 && list.find(run.run_id()) != std::string::npos) break;
    std::this_thread::sleep_for(200ms);
  }
  EXPECT_EQ(count, 1);
  EXPECT_NE(list.find(run.run_id()), std::string::npos) << list;
  EXPECT_NE(list.find("next_page_token"), std::string::npos) << list;
  EXPECT_GE(client().count_workflow(), 1);
  EXPECT_THROW(client().list_workflow("this is not a query"), temporal::Error);
}

// ----------------------------------------------------------------------------------------------
// Futures

TEST_F(Server, FutureForms) {
  auto o = opts("future-counter");
  std::future<temporal::WorkflowRun> started = client().execute_workflow_async("Counter", o, "[1]");
  ASSERT_EQ(started.wait_for(30s), std::future_status::ready);
  temporal::WorkflowRun run = started.get();
  EXPECT_EQ(run.id(), o.id);
  std::future<std::string> result = run.get_async();

  EXPECT_EQ(client().query_workflow_async(run.id(), "", "count").get(), "1");
  EXPECT_EQ(client().update_workflow_async(run.id(), "", "add", "[4]").get(), "5");
  EXPECT_THROW(client().update_workflow_async(run.id(), "", "add", "[-4]").get(),
               temporal::UpdateFailedError);
  EXPECT_THROW(client().query_workflow_async(run.id(), "", "fail").get(),
               temporal::QueryFailedError);
  const std::string description = client().describe_workflow_execution_async(run.id()).get();
  EXPECT_NE(description.find("RUNNING"), std::string::npos) << description;
  client().signal_workflow_async(run.id(), "", "done").get();
  ASSERT_EQ(result.wait_for(30s), std::future_status::ready);
  EXPECT_EQ(result.get(), "5");
  EXPECT_NE(client().get_workflow_history_async(run.id()).get().find("\"events\""),
            std::string::npos);

  const std::string query = "WorkflowId = '" + run.id() + "'";
  std::int64_t count = 0;
  for (int i = 0; i < 50 && count != 1; ++i) {
    if (i) std::this_thread::sleep_for(200ms);
    count = client().count_workflow_async(query).get();
  }
  EXPECT_EQ(count, 1);
  EXPECT_NE(client().list_workflow_async(query, 5).get().find(run.run_id()), std::string::npos);

  auto sws = client().signal_with_start_workflow_async("unblock", R"(["f"])", "Block",
                                                       opts("future-sws"));
  temporal::WorkflowRun sws_run = sws.get();
  EXPECT_EQ(sws_run.get_async(30s).get(), "\"unblocked: f\"");

  auto to_cancel = client().execute_workflow("Block", opts("future-cancel"));
  client().cancel_workflow_async(to_cancel.id()).get();
  EXPECT_THROW(to_cancel.get_async(30s).get(), temporal::WorkflowCanceledError);
  auto to_terminate = client().execute_workflow("Block", opts("future-terminate"));
  client().terminate_workflow_async(to_terminate.id(), "", "bye").get();
  EXPECT_THROW(to_terminate.get_async(30s).get(), temporal::WorkflowTerminatedError);
  EXPECT_THROW(client().signal_workflow_async(unique_id("missing"), "", "x").get(),
               temporal::NotFoundError);
}

// ----------------------------------------------------------------------------------------------
// Callbacks

// Collects callback deliveries.
template <class T>
struct Inbox {
  std::mutex mutex;
  std::condition_variable cv;
  std::vector<std::pair<std::exception_ptr, T>> items;

  temporal::Callback<T> callback() {
    return [this](std::exception_ptr e, T value) {
      std::lock_guard<std::mutex> lock(mutex);
      items.emplace_back(e, std::move(value));
      cv.notify_all();
    };
  }
  bool wait(std::size_t n, std::chrono::milliseconds timeout = 30s) {
    std::unique_lock<std::mutex> lock(mutex);
    return cv.wait_for(lock, timeout, [&] { return items.size() >= n; });
  }
  std::size_t size() {
    std::lock_guard<std::mutex> lock(mutex);
    return items.size();
  }
};

template <class E>
bool holds(std::exception_ptr e) {
  try {
    if (e) std::rethrow_exception(e);
  } catch (const E&) {
    return true;
  } catch (...) {
  }
  return false;
}

TEST_F(Server, CallbackForms) {
  Inbox<temporal::WorkflowRun> runs;
  temporal::Call start =
      client().execute_workflow_async("Counter", opts("cb-counter"), "[2]", runs.callback());
  EXPECT_TRUE(start);
  ASSERT_TRUE(runs.wait(1));
  ASSERT_FALSE(runs.items[0].first);
  const std::string id = runs.items[0].second.id();

  Inbox<std::string> strings;
  {
    // Destroying the Call does not cancel: the callback still runs.
    temporal::Call q = client().query_workflow_async(id, "", "count", "[]", 0ms, strings.callback());
  }
  ASSERT_TRUE(strings.wait(1));
  EXPECT_EQ(strings.items[0].second, "2");
  auto u = client().update_workflow_async(id, "", "add", "[13]", "", 0ms, strings.callback());
  ASSERT_TRUE(strings.wait(2));
  EXPECT_TRUE(holds<temporal::UpdateFailedError>(strings.items[1].first));
  EXPECT_EQ(strings.items[1].second, "");
  auto d = client().describe_workflow_execution_async(id, "", 0ms, strings.callback());
  ASSERT_TRUE(strings.wait(3));
  EXPECT_NE(strings.items[2].second.find("RUNNING"), std::string::npos);

  std::vector<std::exception_ptr> void_errors;
  std::mutex m;
  std::condition_variable cv;
  auto void_cb = [&](std::exception_ptr e) {
    std::lock_guard<std::mutex> lock(m);
    void_errors.push_back(e);
    cv.notify_all();
  };
  auto wait_voids = [&](std::size_t n) {
    std::unique_lock<std::mutex> lock(m);
    return cv.wait_for(lock, 30s, [&] { return void_errors.size() >= n; });
  };
  auto s = client().signal_workflow_async(id, "", "done", "[]", 0ms, void_cb);
  ASSERT_TRUE(wait_voids(1));
  EXPECT_FALSE(void_errors[0]);

  auto r = runs.items[0].second.get_async(30s, strings.callback());
  ASSERT_TRUE(strings.wait(4));
  EXPECT_EQ(strings.items[3].second, "2");
  auto h = client().get_workflow_history_async(id, "", 0ms, strings.callback());
  ASSERT_TRUE(strings.wait(5));
  EXPECT_NE(strings.items[4].second.find("\"events\""), std::string::npos);
  auto l = client().list_workflow_async("WorkflowId = '" + id + "'", 1, "", 0ms, strings.callback());
  ASSERT_TRUE(strings.wait(6));
  EXPECT_FALSE(strings.items[5].first);
  EXPECT_NE(strings.items[5].second.find("executions"), std::string::npos);

  Inbox<std::int64_t> counts;
  auto c = client().count_workflow_async("", 0ms, counts.callback());
  ASSERT_TRUE(counts.wait(1));
  EXPECT_FALSE(counts.items[0].first);
  EXPECT_GE(counts.items[0].second, 1);

  auto sws = client().signal_with_start_workflow_async("unblock", R"(["cb"])", "Block",
                                                       opts("cb-sws"), "[]", 0ms, runs.callback());
  ASSERT_TRUE(runs.wait(2));
  ASSERT_FALSE(runs.items[1].first);
  EXPECT_EQ(runs.items[1].second.get(30s), "\"unblocked: cb\"");

  auto blocked = client().execute_workflow("Block", opts("cb-cancel-wf"));
  auto cw = client().cancel_workflow_async(blocked.id(), "", 0ms, void_cb);
  ASSERT_TRUE(wait_voids(2));
  EXPECT_FALSE(void_errors[1]);
  EXPECT_THROW(blocked.get(30s), temporal::WorkflowCanceledError);
  auto blocked2 = client().execute_workflow("Block", opts("cb-terminate-wf"));
  auto tw = client().terminate_workflow_async(blocked2.id(), "", "cb", "", 0ms, void_cb);
  ASSERT_TRUE(wait_voids(3));
  EXPECT_FALSE(void_errors[2]);
  EXPECT_THROW(blocked2.get(30s), temporal::WorkflowTerminatedError);
}

TEST_F(Server, CallbackCanceledBeforeCompletion) {
  auto run = client().execute_workflow("Block", opts("cb-cancel"));
  Inbox<std::string> inbox;
  temporal::Call call = run.get_async(0ms, inbox.callback());
  EXPECT_FALSE(inbox.wait(1, 300ms)) << "delivered before the cancel";
  call.cancel();
  ASSERT_TRUE(inbox.wait(1, 10s));
  call.cancel();  // idempotent, no second callback
  temporal::Call moved = std::move(call);
  moved.cancel();
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(inbox.size(), 1u);
  EXPECT_TRUE(holds<temporal::CanceledError>(inbox.items[0].first));
  EXPECT_EQ(inbox.items[0].second, "");
  // The workflow is not affected.
  EXPECT_EQ(client().describe_workflow_execution(run.id()).find("\"RUNNING\"") != std::string::npos,
            true);
}

TEST_F(Server, CallbackCallsBackIntoTheLibrary) {
  // From the start callback: start another async call (get the result) and check that a
  // blocking call is refused instead of deadlocking.
  std::promise<std::string> result;
  std::promise<bool> blocking_refused;
  std::mutex mutex;
  std::optional<temporal::Call> inner;
  const temporal::Client& c = client();
  temporal::Call outer = c.execute_workflow_async(
      "GreetingWorkflow", opts("reenter"), R"(["Reentry"])",
      [&](std::exception_ptr e, temporal::WorkflowRun run) {
        if (e) {
          result.set_exception(e);
          blocking_refused.set_value(false);
          return;
        }
        try {
          c.query_workflow(run.id(), "", "anything");
          blocking_refused.set_value(false);
        } catch (const temporal::InvalidArgumentError&) {
          blocking_refused.set_value(true);
        } catch (...) {
          blocking_refused.set_value(false);
        }
        std::lock_guard<std::mutex> lock(mutex);
        inner = run.get_async(30s, [&](std::exception_ptr e2, std::string value) {
          if (e2) {
            result.set_exception(e2);
          } else {
            result.set_value(value);
          }
        });
        // `run` is destroyed when this callback returns; the inner call keeps what it needs.
      });
  auto f = result.get_future();
  ASSERT_EQ(f.wait_for(60s), std::future_status::ready);
  EXPECT_EQ(f.get(), "\"Hello Reentry!\"");
  EXPECT_TRUE(blocking_refused.get_future().get());
  std::lock_guard<std::mutex> lock(mutex);
  EXPECT_TRUE(inner.has_value());
}

TEST_F(Server, RuntimeInitAfterUseIsRefused) {
  temporal::RuntimeOptions o;
  o.worker_threads = 2;
  o.log_level = temporal::LogLevel::Info;
  o.log_callback = [](temporal::LogLevel, const std::string&, const std::string&) {};
  EXPECT_THROW(temporal::Runtime::init(o), temporal::InvalidArgumentError);
  // Still usable afterwards.
  EXPECT_EQ(client().execute_workflow("Echo", opts("after-init"), R"(["ok"])").get(), "\"ok\"");
}

}  // namespace
