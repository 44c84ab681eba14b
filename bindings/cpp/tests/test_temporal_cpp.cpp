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
#include <cstdlib>
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

}  // namespace
