// GoogleTest suite of the C++ binding, against a real Temporal dev server and the Go test
// worker (tests/harness/with-dev-server.sh sets TEMPORAL_ADDRESS and TEMPORAL_TEST_TASK_QUEUE).
// Without TEMPORAL_ADDRESS the tests that need a server are skipped.

// Double include on purpose: the C header first, then the C++ header twice.
#include "temporal.h"
#include "temporal.hpp"
#include "temporal.hpp"

// This suite covers the nlohmann/json overloads: it must never pass having built without them
// (make setup installs the package).
#if !TEMPORAL_FFI_HAS_NLOHMANN_JSON
#error "nlohmann/json.hpp was not found: the suite needs it (apt-get install nlohmann-json3-dev)"
#endif

#include <gtest/gtest.h>

#include <poll.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
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

std::chrono::milliseconds since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                               start);
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
  EXPECT_EQ(std::string(temporal::binding_version),
            std::to_string(TEMPORAL_FFI_VERSION_MAJOR) + "." +
                std::to_string(TEMPORAL_FFI_VERSION_MINOR));
  EXPECT_NO_THROW(temporal::check_library_version());
}

TEST(Basics, VersionCheckRule) {
  using temporal::detail::check_version;
  // 0.x: major and minor equal.
  EXPECT_NO_THROW(check_version("0.2.0", "0.2"));
  EXPECT_NO_THROW(check_version("0.2.17", "0.2"));
  EXPECT_NO_THROW(check_version("0.2.1-rc1", "0.2"));
  EXPECT_THROW(check_version("0.3.0", "0.2"), temporal::VersionMismatchError);
  EXPECT_THROW(check_version("0.1.9", "0.2"), temporal::VersionMismatchError);
  EXPECT_THROW(check_version("0.20.0", "0.2"), temporal::VersionMismatchError);
  EXPECT_THROW(check_version("1.2.0", "0.2"), temporal::VersionMismatchError);
  // From 1.0: same major, library minor at least the binding's.
  EXPECT_NO_THROW(check_version("1.2.0", "1.2"));
  EXPECT_NO_THROW(check_version("1.5.3", "1.2"));
  EXPECT_THROW(check_version("1.1.0", "1.2"), temporal::VersionMismatchError);
  EXPECT_THROW(check_version("2.2.0", "1.2"), temporal::VersionMismatchError);
  // Not a version at all.
  EXPECT_THROW(check_version("", "0.2"), temporal::VersionMismatchError);
  EXPECT_THROW(check_version(nullptr, "0.2"), temporal::VersionMismatchError);
  EXPECT_THROW(check_version("v0.2.0", "0.2"), temporal::VersionMismatchError);
  EXPECT_THROW(check_version("0", "0.2"), temporal::VersionMismatchError);
  // The message names both versions.
  try {
    check_version("0.3.1", "0.2");
    FAIL() << "no throw";
  } catch (const temporal::VersionMismatchError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("0.3.1"), std::string::npos) << what;
    EXPECT_NE(what.find("0.2"), std::string::npos) << what;
    EXPECT_NE(what.find("temporal.hpp"), std::string::npos) << what;
  }
  static_assert(std::is_base_of_v<std::runtime_error, temporal::VersionMismatchError>);
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
  static_assert(!std::is_copy_constructible_v<temporal::Call<std::string>>);
  static_assert(!std::is_copy_assignable_v<temporal::Call<void>>);
  static_assert(std::is_nothrow_move_constructible_v<temporal::Call<temporal::WorkflowRun>>);
  static_assert(std::is_nothrow_move_assignable_v<temporal::Call<std::int64_t>>);
  static_assert(!std::is_copy_constructible_v<temporal::CompletionQueue>);
  static_assert(std::is_nothrow_move_constructible_v<temporal::CompletionQueue>);
  static_assert(std::is_base_of_v<std::runtime_error, temporal::Error>);
  static_assert(std::is_base_of_v<temporal::WorkflowExecutionError, temporal::WorkflowFailedError>);
  static_assert(std::is_nothrow_copy_constructible_v<temporal::Error>);
  static_assert(static_cast<int>(temporal::WorkflowIdConflictPolicy::UseExisting) ==
                TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING);
  static_assert(static_cast<int>(temporal::WorkflowIdReusePolicy::RejectDuplicate) ==
                TEMPORAL_WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE);
  static_assert(static_cast<int>(temporal::EnvconfigMode::Off) == TEMPORAL_ENVCONFIG_MODE_OFF);
  // Typed results.
  using Client = temporal::Client;
  static_assert(std::is_same_v<decltype(std::declval<Client&>().count_workflow()), std::int64_t>);
  static_assert(std::is_same_v<decltype(std::declval<Client&>().count_workflow_async()),
                               temporal::Call<std::int64_t>>);
  static_assert(std::is_same_v<decltype(std::declval<Client&>().update_workflow("", "", "")),
                               temporal::UpdateResult>);
  static_assert(std::is_same_v<decltype(std::declval<temporal::WorkflowRun&>().get_async()),
                               std::future<std::string>>);
  SUCCEED();
}

TEST(Basics, ThrowIfErrorNullIsNoop) { EXPECT_NO_THROW(temporal::throw_if_error(nullptr)); }

TEST(Basics, ThrowErrorMapsCodes) {
  EXPECT_THROW(temporal::throw_error(temporal::ErrorCode::NotFound, "x"), temporal::NotFoundError);
  EXPECT_THROW(temporal::throw_error(temporal::ErrorCode::Payload, "x"), temporal::PayloadError);
  EXPECT_THROW(temporal::throw_error(temporal::ErrorCode::WorkflowCanceled, "x"),
               temporal::WorkflowCanceledError);
  EXPECT_THROW(temporal::throw_error(temporal::ErrorCode::UpdateFailed, "x"),
               temporal::UpdateFailedError);
  EXPECT_THROW(temporal::throw_error(temporal::ErrorCode::QueryFailed, "x"),
               temporal::QueryFailedError);
  EXPECT_THROW(temporal::throw_error(temporal::ErrorCode::Shutdown, "x"), temporal::ShutdownError);
  EXPECT_THROW(temporal::throw_error(temporal::ErrorCode::Canceled, "x"), temporal::CanceledError);
  EXPECT_THROW(temporal::throw_error(temporal::ErrorCode::DeadlineExceeded, "x"),
               temporal::DeadlineExceededError);
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

TEST(Basics, ErrorNamesComeFromTheLibrary) {
  for (std::int32_t code = TEMPORAL_ERROR_CODE_OK; code <= TEMPORAL_ERROR_CODE_SHUTDOWN; ++code) {
    const auto c = static_cast<temporal::ErrorCode>(code);
    EXPECT_EQ(temporal::error_code_name(c), temporal_error_code_name(code));
    try {
      temporal::throw_error(c, "m");
    } catch (const temporal::Error& e) {
      EXPECT_EQ(std::string(e.what()), std::string(temporal_error_code_name(code)) + ": m");
    }
  }
  EXPECT_EQ(temporal::error_code_name(temporal::ErrorCode::QueryFailed), "QUERY_FAILED");
  EXPECT_EQ(temporal::error_code_name(static_cast<temporal::ErrorCode>(999)), "UNKNOWN");
}

TEST(Basics, TimeoutVocabulary) {
  EXPECT_EQ(temporal::Timeout().ms(), static_cast<std::uint64_t>(TEMPORAL_TIMEOUT_DEFAULT));
  EXPECT_EQ(temporal::Timeout::none().ms(), TEMPORAL_TIMEOUT_NONE);
  EXPECT_EQ(temporal::Timeout(250ms).ms(), 250u);
  EXPECT_EQ(temporal::Timeout(30s).ms(), 30000u);
  // Rounded up: a positive duration never becomes 0 ("default").
  EXPECT_EQ(temporal::Timeout(1us).ms(), 1u);
  EXPECT_EQ(temporal::Timeout(1ns).ms(), 1u);
  EXPECT_EQ(temporal::Timeout(std::chrono::duration<double, std::milli>(1.5)).ms(), 2u);
  // Zero and negative are refused: zero is not "forever" (the old get(0ms)).
  EXPECT_THROW(temporal::Timeout(0ms), std::invalid_argument);
  EXPECT_THROW(temporal::Timeout(0ns), std::invalid_argument);
  EXPECT_THROW(temporal::Timeout(-1ms), std::invalid_argument);
  EXPECT_THROW(temporal::Timeout(-5s), std::invalid_argument);
  EXPECT_THROW(temporal::Timeout(std::chrono::duration<double>(
                   std::numeric_limits<double>::quiet_NaN())),
               std::invalid_argument);
  // Longer than the library accepts: passed on as too long (the library refuses it), never
  // wrapped around by an overflow.
  EXPECT_EQ(temporal::Timeout(std::chrono::hours::max()).ms(),
            static_cast<std::uint64_t>(TEMPORAL_MAX_DURATION_MS) + 1);
  EXPECT_EQ(temporal::Timeout(std::chrono::milliseconds(TEMPORAL_MAX_DURATION_MS)).ms(),
            static_cast<std::uint64_t>(TEMPORAL_MAX_DURATION_MS));
  EXPECT_TRUE(temporal::Timeout() == temporal::Timeout());
  EXPECT_TRUE(temporal::Timeout() != temporal::Timeout::none());
  // CallOptions take a Timeout or a duration.
  EXPECT_EQ(temporal::CallOptions(5s).timeout.ms(), 5000u);
  EXPECT_EQ(temporal::CallOptions(temporal::Timeout::none()).timeout, temporal::Timeout::none());
  EXPECT_EQ(temporal::CallOptions().timeout, temporal::Timeout());
  EXPECT_THROW(temporal::CallOptions(0ms), std::invalid_argument);
  // Options default to the library's defaults.
  temporal::ClientOptions co;
  EXPECT_EQ(co.connect_timeout, temporal::Timeout());
  EXPECT_EQ(co.envconfig, temporal::EnvconfigMode::Auto);
}

TEST(Basics, ZeroTimeoutIsRefusedBeforeAnyCall) {
  temporal::WorkflowRun no_run(nullptr);
  // std::invalid_argument, not the library's InvalidArgumentError: nothing was called.
  EXPECT_THROW(no_run.get(0ms), std::invalid_argument);
  EXPECT_THROW(no_run.get_async(0ms), std::invalid_argument);
  EXPECT_THROW(no_run.get_call(-1ms), std::invalid_argument);
  temporal::Client empty(nullptr);
  EXPECT_THROW(empty.query_workflow("x", "", "q", "[]", 0s), std::invalid_argument);
  temporal::Call<void> call;
  EXPECT_THROW(call.wait_for(0ms), std::invalid_argument);
}

TEST(Basics, NullHandlesThrowInvalidArgument) {
  temporal::Client empty(nullptr);
  EXPECT_FALSE(empty);
  temporal::StartWorkflowOptions o;
  o.task_queue = "q";
  EXPECT_THROW(empty.execute_workflow("Echo", o), temporal::InvalidArgumentError);
  EXPECT_THROW(empty.get_workflow("some-id"), temporal::InvalidArgumentError);
  // The _async forms throw at once and start nothing.
  EXPECT_THROW(empty.query_workflow_async("x", "", "count"), temporal::InvalidArgumentError);
  EXPECT_THROW(empty.cancel_workflow_async("x"), temporal::InvalidArgumentError);
  EXPECT_THROW(empty.count_workflow_async(), temporal::InvalidArgumentError);
  temporal::WorkflowRun no_run(nullptr);
  EXPECT_FALSE(no_run);
  EXPECT_EQ(no_run.id(), "");
  EXPECT_EQ(no_run.run_id(), "");
  EXPECT_THROW(no_run.get(), temporal::InvalidArgumentError);
  EXPECT_THROW(no_run.get_call(), temporal::InvalidArgumentError);
  EXPECT_THROW(no_run.resolve_run_id(), temporal::InvalidArgumentError);
  // The future form: every error goes into the future.
  auto f = no_run.get_async();
  EXPECT_THROW(f.get(), temporal::InvalidArgumentError);
}

TEST(Basics, EmptyCall) {
  temporal::Call<std::string> call;
  EXPECT_FALSE(call);
  EXPECT_EQ(call.native_handle(), nullptr);
  EXPECT_FALSE(call.is_done());
  EXPECT_NO_THROW(call.cancel());
  EXPECT_THROW(call.wait(), temporal::InvalidArgumentError);
  EXPECT_THROW(call.wait_for(10ms), temporal::InvalidArgumentError);
  EXPECT_THROW(call.get(), temporal::InvalidArgumentError);
  EXPECT_THROW(call.json(), temporal::InvalidArgumentError);
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

TEST(Basics, TooLongTimeoutIsTheLibrarysToRefuse) {
  temporal::ClientOptions options;
  options.address = "127.0.0.1:1";
  options.connect_timeout = std::chrono::hours(24 * 366 * 101);  // over 100 years
  EXPECT_THROW(temporal::Client::connect_async(options), temporal::InvalidArgumentError);
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

TEST(Basics, EnvconfigModeIsPassedThrough) {
  // A config file that is not TOML: loading it fails, so the error shows whether the mode
  // reached the library (ON loads it even with an address set; OFF never does).
  char path[] = "/tmp/temporal-ffi-cpp-envconfig-XXXXXX";
  const int fd = ::mkstemp(path);
  ASSERT_GE(fd, 0);
  const std::string bad_toml = "this is = = not toml [\n";
  ASSERT_EQ(::write(fd, bad_toml.data(), bad_toml.size()), static_cast<ssize_t>(bad_toml.size()));
  ::close(fd);
  temporal::ClientOptions options;
  options.address = "127.0.0.1:1";
  options.connect_timeout = 2s;
  options.envconfig_file = path;
  options.envconfig = temporal::EnvconfigMode::On;
  try {
    temporal::Client::connect(options);
    ADD_FAILURE() << "connected";
  } catch (const temporal::Error& e) {
    EXPECT_EQ(e.code(), temporal::ErrorCode::InvalidArgument) << e.what();
    EXPECT_NE(e.message().find("configuration"), std::string::npos) << e.what();
  }
  options.envconfig = temporal::EnvconfigMode::Off;
  try {
    temporal::Client::connect(options);
    ADD_FAILURE() << "connected";
  } catch (const temporal::Error& e) {
    EXPECT_EQ(e.message().find("configuration"), std::string::npos) << e.what();
  }
  ::unlink(path);
}

TEST(Basics, CompletionQueueHandle) {
  temporal::CompletionQueue queue;
  EXPECT_GE(queue.fd(), 0);
  EXPECT_EQ(queue.next(), nullptr);
  temporal::CompletionQueue moved = std::move(queue);
  EXPECT_EQ(queue.fd(), -1);  // NOLINT(bugprone-use-after-move): moved-from state is specified
  EXPECT_EQ(queue.next(), nullptr);
  EXPECT_GE(moved.fd(), 0);
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
  EXPECT_EQ(run.get(temporal::Timeout::none()), "\"Hello World!\"");
}

// The trace context goes with the call (tests/trace_context.rs checks what the worker's tracing
// interceptor makes of it); a bad one is refused before anything is sent.
TEST_F(Server, TraceContextInCallOptions) {
  temporal::CallOptions traced(10s);
  traced.trace_parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
  traced.baggage = "user=alice";
  traced.header_json = R"({"tenant": "acme"})";
  auto o = opts("traced");
  temporal::WorkflowRun run = client().execute_workflow_async("Echo", o, R"(["traced"])", traced).get();
  EXPECT_EQ(run.get(30s), R"("traced")");
  temporal::CallOptions bad(10s);
  bad.trace_parent = "00-not-a-trace";
  EXPECT_THROW(client().execute_workflow_async("Echo", opts("traced-bad"), "[1]", bad).get(),
               temporal::InvalidArgumentError);
}

TEST_F(Server, ConnectAsync) {
  temporal::ClientOptions co;
  co.address = env("TEMPORAL_ADDRESS");
  temporal::Call<temporal::Client> call = temporal::Client::connect_async(co);
  ASSERT_TRUE(call.wait_for(30s));
  temporal::Client other = call.get();
  EXPECT_TRUE(other);
  // The client was taken out of the call.
  EXPECT_THROW(call.get(), temporal::InvalidArgumentError);
  EXPECT_EQ(other.execute_workflow("Echo", opts("connect-async"), R"(["c"])").get(), "\"c\"");
}

TEST_F(Server, GetAsyncFuture) {
  auto o = opts("async");
  std::future<std::string> future;
  {
    temporal::WorkflowRun run = client().execute_workflow("Sleep", o, "[300]");
    future = run.get_async();
    // `run` is destroyed here; the call keeps what it needs of the C run.
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
  // Never blocks: not known until resolved.
  EXPECT_EQ(latest.run_id(), "");
  EXPECT_EQ(latest.get(), "\"slept\"");
  EXPECT_EQ(latest.run_id(), run_id);
  temporal::WorkflowRun exact = other.get_workflow(o.id, run_id);
  EXPECT_EQ(exact.run_id(), run_id);
  EXPECT_EQ(exact.get(), "\"slept\"");

  temporal::WorkflowRun resolved = other.get_workflow(o.id);
  EXPECT_EQ(resolved.run_id(), "");
  EXPECT_EQ(resolved.resolve_run_id(), run_id);
  EXPECT_EQ(resolved.run_id(), run_id);
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
  // What the Go SDK's Error() prints for this failure (the library's failure `display`).
  const std::string display = "it broke (type: MyError, retryable: false): root cause: it broke";
  try {
    run.get();
    FAIL() << "no WorkflowFailedError";
  } catch (const temporal::WorkflowFailedError& e) {
    EXPECT_EQ(e.code(), temporal::ErrorCode::WorkflowFailed);
    EXPECT_NE(e.details_json().find("MyError"), std::string::npos) << e.details_json();
    EXPECT_NE(std::string(e.what()).find("WORKFLOW_FAILED"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(display), std::string::npos) << e.what();
#if TEMPORAL_FFI_HAS_NLOHMANN_JSON
    EXPECT_EQ(e.failure_display(), display);
#endif
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
  const auto elapsed = since(start);
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
#if TEMPORAL_FFI_HAS_NLOHMANN_JSON
  try {
    first.get(30s);
  } catch (const temporal::Error& e) {
    EXPECT_EQ(e.failure_display(), "terminated");
  }
#endif
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

  // Calls move too, and keep their handle.
  temporal::Call<std::string> call = run3.get_call();
  const temporal_call* handle = call.native_handle();
  temporal::Call<std::string> call2 = std::move(call);
  EXPECT_FALSE(call);  // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(call2.native_handle(), handle);
  EXPECT_EQ(call2.get(), "\"moved\"");

  // Runs outlive their client.
  temporal::WorkflowRun survivor = c.execute_workflow("Echo", opts("survivor"), R"(["alive"])");
  { temporal::Client sink = std::move(c); }
  EXPECT_EQ(survivor.get(), "\"alive\"");
  // a, b, c, run, run2, call are moved-from here and are destroyed safely at scope exit.
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
// Calls: wait, wait_for, cancel, timeouts

TEST_F(Server, CallCancel) {
  auto run = client().execute_workflow("Block", opts("call-cancel"));
  temporal::Call<std::string> call = run.get_call();
  EXPECT_FALSE(call.is_done());
  // Canceled from another thread while this one waits in get().
  std::thread canceler([&] {
    std::this_thread::sleep_for(300ms);
    call.cancel();
  });
  const auto start = std::chrono::steady_clock::now();
  EXPECT_THROW(call.get(), temporal::CanceledError);
  canceler.join();
  EXPECT_LT(since(start), 5s);
  EXPECT_TRUE(call.is_done());
  call.cancel();  // idempotent
  EXPECT_THROW(call.get(), temporal::CanceledError);
  // Only the wait was canceled: the workflow goes on.
  EXPECT_NE(client().describe_workflow_execution(run.id()).find("\"RUNNING\""), std::string::npos);

  // Canceling a completed call changes nothing.
  auto echo = client().execute_workflow("Echo", opts("cancel-done"), R"(["kept"])");
  temporal::Call<std::string> done = echo.get_call();
  done.wait();
  done.cancel();
  EXPECT_EQ(done.get(), "\"kept\"");
}

TEST_F(Server, WaitForTimeoutIsNotTheCallsDeadline) {
  auto run = client().execute_workflow("Block", opts("wait-for"));
  // A wait that times out leaves the call in flight (DEADLINE_EXCEEDED of the wait only)...
  temporal::Call<std::string> call = run.get_call();
  auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(call.wait_for(300ms));
  EXPECT_GE(since(start), 250ms);
  EXPECT_FALSE(call.is_done());
  EXPECT_FALSE(call.wait_for(50ms));
  // ...and a cancel then ends it with CANCELED.
  call.cancel();
  EXPECT_TRUE(call.wait_for(5s));
  EXPECT_THROW(call.get(), temporal::CanceledError);

  // The call's own timeout that passes is DEADLINE_EXCEEDED, never CANCELED.
  temporal::Call<std::string> bounded = run.get_call(300ms);
  start = std::chrono::steady_clock::now();
  EXPECT_TRUE(bounded.wait_for(10s));
  EXPECT_GE(since(start), 250ms);
  try {
    bounded.get();
    FAIL() << "no error";
  } catch (const temporal::CanceledError& e) {
    FAIL() << "a deadline reported as a cancel: " << e.what();
  } catch (const temporal::DeadlineExceededError& e) {
    EXPECT_EQ(e.code(), temporal::ErrorCode::DeadlineExceeded);
  }
  // No limit at all: still in flight after a while.
  temporal::Call<std::string> unbounded = run.get_call(temporal::Timeout::none());
  EXPECT_FALSE(unbounded.wait_for(200ms));
  client().signal_workflow(run.id(), "", "unblock", R"(["now"])");
  EXPECT_EQ(unbounded.get(), "\"unblocked: now\"");
}

TEST_F(Server, QueryDeadlineWhenNoWorkerAnswers) {
  // Block on a task queue no worker polls: the server holds the query until the deadline.
  // (On the test worker's queue every query is answered, an unknown type with QUERY_FAILED.)
  auto o = opts("query-deadline");
  o.task_queue = unique_id("no-worker-queue");
  auto run = client().execute_workflow("Block", o);
  auto start = std::chrono::steady_clock::now();
  try {
    client().query_workflow(run.id(), "", "count", "[]", 1s);
    FAIL() << "a query nobody answers was answered";
  } catch (const temporal::CanceledError& e) {
    FAIL() << "a deadline reported as a cancel: " << e.what();
  } catch (const temporal::DeadlineExceededError& e) {
    EXPECT_EQ(e.code(), temporal::ErrorCode::DeadlineExceeded);
  }
  auto elapsed = since(start);
  EXPECT_GE(elapsed, 900ms);
  EXPECT_LT(elapsed, 8s);

  // The same through the call form.
  temporal::Call<std::string> call =
      client().query_workflow_async(run.id(), "", "count", "[]", 500ms);
  EXPECT_FALSE(call.wait_for(100ms));
  EXPECT_THROW(call.get(), temporal::DeadlineExceededError);
  client().terminate_workflow(run.id(), "", "test done");
}

TEST_F(Server, DestroyingACallDoesNotCancelIt) {
  auto run = client().execute_workflow("Block", opts("destroy-call"));
  { auto signal = client().signal_workflow_async(run.id(), "", "unblock", R"(["anyway"])"); }
  EXPECT_EQ(run.get(30s), "\"unblocked: anyway\"");
}

// ----------------------------------------------------------------------------------------------
// Workflow operations (Counter and Block in tests/worker/workflows.go)

// Starts Counter(start).
temporal::WorkflowRun start_counter(const temporal::Client& client, const std::string& prefix,
                                    int start = 0) {
  return client.execute_workflow("Counter", opts(prefix), "[" + std::to_string(start) + "]");
}

TEST_F(Server, SignalQueryUpdateCounter) {
  auto run = start_counter(client(), "counter", 5);
  EXPECT_EQ(client().query_workflow(run.id(), "", "count"), "5");
  EXPECT_EQ(client().update_workflow(run.id(), run.run_id(), "add", "[3]").result_json, "8");
  EXPECT_EQ(client().update_workflow(run.id(), "", "add", "[2]", "my-update-id", 30s).result_json,
            "10");
  // The same update ID again is deduplicated by the server: same result, no second add.
  EXPECT_EQ(client().update_workflow(run.id(), "", "add", "[2]", "my-update-id").result_json, "10");
  EXPECT_EQ(client().query_workflow(run.id(), run.run_id(), "count", "[]", 10s), "10");
  try {
    client().update_workflow(run.id(), "", "add", "[-1]");
    FAIL() << "negative add accepted";
  } catch (const temporal::UpdateFailedError& e) {
    EXPECT_EQ(e.code(), temporal::ErrorCode::UpdateFailed);
    EXPECT_NE(e.details_json().find("negative"), std::string::npos) << e.details_json();
  }
  try {
    client().update_workflow(run.id(), "", "add", "[13]", "unlucky-update");
    FAIL() << "13 accepted";
  } catch (const temporal::UpdateFailedError& e) {
    EXPECT_NE(e.details_json().find("Unlucky"), std::string::npos) << e.details_json();
    EXPECT_NE(e.details_json().find("unlucky-update"), std::string::npos) << e.details_json();
#if TEMPORAL_FFI_HAS_NLOHMANN_JSON
    EXPECT_EQ(e.details().at("update_id"), "unlucky-update");
    EXPECT_EQ(e.failure_display(), "unlucky number (type: Unlucky, retryable: true)");
#endif
  }
  EXPECT_THROW(client().query_workflow(run.id(), "", "fail"), temporal::QueryFailedError);
  client().signal_workflow(run.id(), "", "done");
  EXPECT_EQ(run.get(30s), "10");
}

TEST_F(Server, UpdateReturnsTheUpdateId) {
  auto run = start_counter(client(), "update-id", 1);
  // Given: that one.
  const temporal::UpdateResult given =
      client().update_workflow(run.id(), "", "add", "[1]", "cpp-given-id");
  EXPECT_EQ(given.result_json, "2");
  EXPECT_EQ(given.update_id, "cpp-given-id");
  // Not given: the one the library generated, different each time.
  const temporal::UpdateResult first = client().update_workflow(run.id(), "", "add", "[1]");
  const temporal::UpdateResult second = client().update_workflow(run.id(), "", "add", "[1]");
  EXPECT_EQ(first.result_json, "3");
  EXPECT_EQ(second.result_json, "4");
  EXPECT_FALSE(first.update_id.empty());
  EXPECT_NE(first.update_id, second.update_id);
  // Reusing the generated ID is deduplicated by the server: it was the ID actually sent.
  EXPECT_EQ(client().update_workflow(run.id(), "", "add", "[1]", first.update_id).result_json, "3");
  // The call form gives the same.
  temporal::Call<temporal::UpdateResult> call =
      client().update_workflow_async(run.id(), "", "add", "[5]", "cpp-async-id");
  const temporal::UpdateResult async_result = call.get();
  EXPECT_EQ(async_result.result_json, "9");
  EXPECT_EQ(async_result.update_id, "cpp-async-id");
  client().signal_workflow(run.id(), "", "done");
  EXPECT_EQ(run.get(30s), "9");
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

TEST_F(Server, CountIsTyped) {
  const std::string id = unique_id("count");
  const std::string query = "WorkflowId = '" + id + "'";
  // None yet: a typed zero, not JSON.
  const std::int64_t none = client().count_workflow(query);
  EXPECT_EQ(none, 0);
  auto o = opts("count");
  o.id = id;
  client().execute_workflow("Echo", o, R"(["n"])").get(30s);
  std::int64_t count = 0;
  for (int i = 0; i < 50 && count != 1; ++i) {
    if (i) std::this_thread::sleep_for(200ms);
    count = client().count_workflow(query);
  }
  EXPECT_EQ(count, 1);
  // The call's JSON carries the same count (and the groups of a GROUP BY query).
  temporal::Call<std::int64_t> call = client().count_workflow_async(query);
  EXPECT_EQ(call.get(), 1);
  const std::string json = call.json();
  EXPECT_NE(json.find("\"count\":1"), std::string::npos) << json;
  EXPECT_NE(json.find("\"groups\""), std::string::npos) << json;
  EXPECT_THROW(client().count_workflow("this is not a query"), temporal::Error);
}

// ----------------------------------------------------------------------------------------------
// Call forms and the completion queue

TEST_F(Server, AsyncCallForms) {
  auto o = opts("call-counter");
  temporal::Call<temporal::WorkflowRun> started =
      client().execute_workflow_async("Counter", o, "[1]");
  ASSERT_TRUE(started.wait_for(30s));
  temporal::WorkflowRun run = started.get();
  EXPECT_EQ(run.id(), o.id);
  // The run was taken out of the call.
  EXPECT_THROW(started.get(), temporal::InvalidArgumentError);
  std::future<std::string> result = run.get_async();

  EXPECT_EQ(client().query_workflow_async(run.id(), "", "count").get(), "1");
  EXPECT_EQ(client().update_workflow_async(run.id(), "", "add", "[4]").get().result_json, "5");
  EXPECT_THROW(client().update_workflow_async(run.id(), "", "add", "[-4]").get(),
               temporal::UpdateFailedError);
  EXPECT_THROW(client().query_workflow_async(run.id(), "", "fail").get(),
               temporal::QueryFailedError);
  const std::string description = client().describe_workflow_execution_async(run.id()).get();
  EXPECT_NE(description.find("RUNNING"), std::string::npos) << description;
  temporal::Call<void> signal = client().signal_workflow_async(run.id(), "", "done");
  signal.get();
  EXPECT_EQ(signal.json(), "");  // no result
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
                                                       opts("call-sws"));
  temporal::WorkflowRun sws_run = sws.get();
  EXPECT_EQ(sws_run.get_async(30s).get(), "\"unblocked: f\"");

  auto to_cancel = client().execute_workflow("Block", opts("call-cancel-wf"));
  client().cancel_workflow_async(to_cancel.id()).get();
  EXPECT_THROW(to_cancel.get_async(30s).get(), temporal::WorkflowCanceledError);
  auto to_terminate = client().execute_workflow("Block", opts("call-terminate-wf"));
  client().terminate_workflow_async(to_terminate.id(), "", "bye").get();
  EXPECT_THROW(to_terminate.get_call(30s).get(), temporal::WorkflowTerminatedError);
  EXPECT_THROW(client().signal_workflow_async(unique_id("missing"), "", "x").get(),
               temporal::NotFoundError);
}

TEST_F(Server, CompletionQueue) {
  temporal::CompletionQueue queue;
  auto counter = start_counter(client(), "queue", 7);
  auto echo = client().execute_workflow("Echo", opts("queue-echo"), R"(["q"])");
  const temporal::CallOptions on_queue(temporal::Timeout(), &queue);

  temporal::Call<std::string> query =
      client().query_workflow_async(counter.id(), "", "count", "[]", on_queue);
  temporal::Call<std::string> result = echo.get_call(on_queue);
  temporal::Call<void> missing =
      client().signal_workflow_async(unique_id("missing"), "", "x", "[]", on_queue);
  // Started on the queue and destroyed at once: never returned by next().
  { auto dropped = client().describe_workflow_execution_async(counter.id(), "", on_queue); }

  std::map<const temporal_call*, int> seen;
  const auto start = std::chrono::steady_clock::now();
  while (seen.size() < 3 && since(start) < 30s) {
    pollfd p{queue.fd(), POLLIN, 0};
    ASSERT_GE(::poll(&p, 1, 1000), 0);
    if (!(p.revents & POLLIN)) continue;
    while (const temporal_call* done = queue.next()) ++seen[done];
  }
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[query.native_handle()], 1);
  EXPECT_EQ(seen[result.native_handle()], 1);
  EXPECT_EQ(seen[missing.native_handle()], 1);
  EXPECT_EQ(queue.next(), nullptr);
  // Every call taken off the queue is complete: get() does not block.
  EXPECT_TRUE(query.is_done() && result.is_done() && missing.is_done());
  EXPECT_EQ(query.get(), "7");
  EXPECT_EQ(result.get(), "\"q\"");
  EXPECT_THROW(missing.get(), temporal::NotFoundError);
  client().signal_workflow(counter.id(), "", "done");
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
