// Async activity completion from C++ (Client::complete_activity, complete_activity_by_id,
// record_activity_heartbeat, record_activity_heartbeat_by_id), against a real Temporal dev
// server and the Go test worker, as tests/c/test_async_activity.c does from C.
//
// The worker's AsyncActivity workflow runs PendingActivity, which publishes its task token
// (hex), IDs and attempt, and the previous attempt's heartbeat details, through the workflow's
// "activity_started" query, then leaves itself pending (activity.ErrResultPending). The
// workflow returns what the activity was completed with (the result payload as sent, its
// failure as the workflow's error, or {"canceled": true, "details": [...]}) and cancels the
// activity on the signal "cancel_activity". Without TEMPORAL_ADDRESS the server tests are
// skipped.
#include "temporal.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

using namespace std::chrono_literals;

namespace {

std::string env_or_empty(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr ? v : "";
}

constexpr const char* kNotPausedNotCanceled =
    R"({"activity_paused":false,"activity_reset":false,"cancel_requested":false})";

// The bytes of a hex string (the worker publishes the token in hex).
std::string unhex(const std::string& hex) {
  if (hex.empty() || hex.size() % 2 != 0) throw std::invalid_argument("not hex: " + hex);
  std::string out;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  }
  return out;
}

// What PendingActivity published for one attempt.
struct Pending {
  nlohmann::json info;
  std::string token;  // binary
  std::string run_id;
  std::string activity_id;
};

class AsyncActivity : public ::testing::Test {
 protected:
  void SetUp() override {
    if (env_or_empty("TEMPORAL_ADDRESS").empty()) GTEST_SKIP() << "TEMPORAL_ADDRESS is not set";
    temporal::ClientOptions options;
    options.address = env_or_empty("TEMPORAL_ADDRESS");
    client_.emplace(temporal::Client::connect(options));
  }

  // Ends the workflows a test left running (errors ignored: most completed).
  void TearDown() override {
    if (!client_) return;
    for (const std::string& id : started_) {
      try {
        client_->terminate_workflow(id, "", "test_async_activity done");
      } catch (const temporal::Error&) {
      }
    }
  }

  const temporal::Client& client() const { return *client_; }

  // Starts AsyncActivity with `input_json` (its one argument); returns the Workflow ID.
  std::string start(const std::string& what, const std::string& input_json = "{}") {
    static const auto seed = std::random_device{}();
    temporal::StartWorkflowOptions o;
    o.id = "cpp-async-activity-" + what + "-" + std::to_string(seed) + "-" +
           std::to_string(started_.size());
    std::string queue = env_or_empty("TEMPORAL_TEST_TASK_QUEUE");
    o.task_queue = queue.empty() ? "temporal-ffi-test" : queue;
    o.execution_timeout = 120s;
    client().execute_workflow("AsyncActivity", o, "[" + input_json + "]");
    started_.push_back(o.id);
    return o.id;
  }

  // Waits (up to 30 s) until the activity of workflow `id` published attempt `attempt`.
  Pending wait_pending(const std::string& id, int attempt) {
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    for (;;) {
      const nlohmann::json info =
          nlohmann::json::parse(client().query_workflow(id, "", "activity_started"));
      if (!info.is_null() && info.at("attempt").get<int>() >= attempt) {
        EXPECT_EQ(info.at("attempt").get<int>(), attempt) << info.dump();
        EXPECT_EQ(info.at("workflow_id").get<std::string>(), id);
        Pending p;
        p.info = info;
        p.token = unhex(info.at("task_token").get<std::string>());
        p.run_id = info.at("run_id").get<std::string>();
        p.activity_id = info.at("activity_id").get<std::string>();
        return p;
      }
      if (std::chrono::steady_clock::now() > deadline) {
        throw std::runtime_error("attempt " + std::to_string(attempt) + " of the activity of " +
                                 id + " was not published within 30 s: " + info.dump());
      }
      std::this_thread::sleep_for(50ms);
    }
  }

  std::string result(const std::string& id) { return client().get_workflow(id).get(30s); }

  // Heartbeats (by token, or by IDs) until the server says cancel_requested (10 s).
  void wait_cancel_requested(const Pending& p, const std::string& id, bool by_id) {
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    for (;;) {
      const temporal::ActivityHeartbeat h =
          by_id ? client().record_activity_heartbeat_by_id("", id, "", p.activity_id)
                : client().record_activity_heartbeat(p.token);
      EXPECT_FALSE(h.activity_paused);
      EXPECT_FALSE(h.activity_reset);
      if (h.cancel_requested) return;
      ASSERT_LT(std::chrono::steady_clock::now(), deadline)
          << "no cancel_requested within 10 s of the workflow's cancel";
      std::this_thread::sleep_for(50ms);
    }
  }

 private:
  std::optional<temporal::Client> client_;
  std::vector<std::string> started_;
};

// ---------------------------------------------------------------------------------------------
// No server needed

TEST(AsyncActivityBasics, CompletionNamedConstructors) {
  using temporal::ActivityCompletion;
  using temporal::ActivityOutcome;
  static_assert(static_cast<int>(ActivityOutcome::Canceled) == TEMPORAL_ACTIVITY_OUTCOME_CANCELED);
  static_assert(static_cast<int>(ActivityOutcome::Failed) == TEMPORAL_ACTIVITY_OUTCOME_FAILED);

  const ActivityCompletion none;
  EXPECT_EQ(none.outcome(), ActivityOutcome::Completed);
  temporal_activity_completion c = temporal::detail::c_activity_completion(none);
  EXPECT_EQ(c.size, sizeof(temporal_activity_completion));
  EXPECT_EQ(c.outcome, TEMPORAL_ACTIVITY_OUTCOME_COMPLETED);
  EXPECT_EQ(c.result_json, nullptr);

  const ActivityCompletion done = ActivityCompletion::completed(R"("done")");
  c = temporal::detail::c_activity_completion(done);
  EXPECT_STREQ(c.result_json, R"("done")");

  const ActivityCompletion fail = ActivityCompletion::failed("m", "T", true, "[1]");
  c = temporal::detail::c_activity_completion(fail);
  EXPECT_EQ(c.outcome, TEMPORAL_ACTIVITY_OUTCOME_FAILED);
  EXPECT_STREQ(c.failure_message, "m");
  EXPECT_STREQ(c.failure_type, "T");
  EXPECT_TRUE(c.failure_non_retryable);
  EXPECT_STREQ(c.details_json, "[1]");
  EXPECT_EQ(c.result_json, nullptr);
  // "" is "not set" (NULL), as everywhere in the header.
  c = temporal::detail::c_activity_completion(ActivityCompletion::failed("m"));
  EXPECT_EQ(c.failure_type, nullptr);
  EXPECT_EQ(c.details_json, nullptr);
  EXPECT_FALSE(c.failure_non_retryable);

  c = temporal::detail::c_activity_completion(ActivityCompletion::canceled(R"(["x"])"));
  EXPECT_EQ(c.outcome, TEMPORAL_ACTIVITY_OUTCOME_CANCELED);
  EXPECT_STREQ(c.details_json, R"(["x"])");
  EXPECT_EQ(c.failure_message, nullptr);

  // The nlohmann::json forms serialise; a string literal still means JSON text.
  EXPECT_EQ(ActivityCompletion::completed(nlohmann::json{{"n", 1}}).result_json(), R"({"n":1})");
  EXPECT_EQ(ActivityCompletion::completed(nlohmann::json("done")).result_json(), R"("done")");
  EXPECT_EQ(ActivityCompletion::completed("1").result_json(), "1");
  EXPECT_EQ(ActivityCompletion::failed("m", "T", false, nlohmann::json::array({"a", 2}))
                .details_json(),
            R"(["a",2])");
  EXPECT_EQ(ActivityCompletion::canceled(nlohmann::json::array({3})).details_json(), "[3]");
}

TEST(AsyncActivityBasics, TaskTokenKeepsNulBytes) {
  const std::string bytes("a\0b\0", 4);
  const temporal::TaskTokenView from_string = bytes;
  EXPECT_EQ(from_string.size(), 4u);
  EXPECT_EQ(from_string.data(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
  const std::vector<std::uint8_t> vec{0, 1, 0};
  const temporal::TaskTokenView from_vector = vec;
  EXPECT_EQ(from_vector.size(), 3u);
  EXPECT_EQ(from_vector.data(), vec.data());
  const temporal::TaskTokenView from_view = std::string_view(bytes);
  EXPECT_EQ(from_view.size(), 4u);
}

TEST(AsyncActivityBasics, HeartbeatJsonIsReadStrictly) {
  using temporal::detail::parse_activity_heartbeat;
  const temporal::ActivityHeartbeat none = parse_activity_heartbeat(kNotPausedNotCanceled);
  EXPECT_FALSE(none.cancel_requested);
  EXPECT_FALSE(none.activity_paused);
  EXPECT_FALSE(none.activity_reset);
  const temporal::ActivityHeartbeat each = parse_activity_heartbeat(
      R"({"activity_paused": true, "activity_reset" :false, "cancel_requested":true})");
  EXPECT_TRUE(each.cancel_requested);
  EXPECT_TRUE(each.activity_paused);
  EXPECT_FALSE(each.activity_reset);
  // A missing or non-boolean flag is the library's mistake, not "false".
  try {
    parse_activity_heartbeat(R"({"activity_paused":false,"activity_reset":false})");
    FAIL() << "no throw";
  } catch (const temporal::Error& e) {
    EXPECT_EQ(e.code(), temporal::ErrorCode::Internal);
    EXPECT_NE(e.message().find("cancel_requested"), std::string::npos) << e.message();
  }
  EXPECT_THROW(parse_activity_heartbeat(
                   R"({"activity_paused":1,"activity_reset":false,"cancel_requested":false})"),
               temporal::Error);
  EXPECT_THROW(parse_activity_heartbeat(""), temporal::Error);
}

// ---------------------------------------------------------------------------------------------
// Against the server

TEST_F(AsyncActivity, CompleteByTokenReturnsTheResult) {
  const std::string id = start("token");
  const Pending p = wait_pending(id, 1);
  EXPECT_EQ(p.activity_id, "async");
  // The token is bytes, not a C string: with a NUL and more after it, it is another token
  // (one the server cannot read), so nothing may cut it at the NUL.
  const std::string longer = p.token + std::string("\0junk", 5);
  try {
    client().complete_activity(longer, temporal::ActivityCompletion::completed("0"));
    FAIL() << "a token with trailing bytes was accepted";
  } catch (const temporal::InvalidArgumentError& e) {
    EXPECT_NE(e.message().find("task token"), std::string::npos) << e.what();
  }
  // As a std::vector<std::uint8_t>, the Go SDK's []byte.
  const std::vector<std::uint8_t> token(p.token.begin(), p.token.end());
  client().complete_activity(
      token, temporal::ActivityCompletion::completed(R"({"b": 1, "a": "<x> & y", "n": 12345678901234567890})"));
  // The workflow returns the payload as it arrived: compact, keys in the caller's order, HTML
  // characters escaped and the number exact, as the Go SDK's json.Marshal writes a result.
  EXPECT_EQ(result(id), R"({"b":1,"a":"\u003cx\u003e \u0026 y","n":12345678901234567890})");
}

TEST_F(AsyncActivity, CompleteByIdReturnsTheResult) {
  const std::string id = start("by-id", R"({"activity_id": "charge-card"})");
  const Pending p = wait_pending(id, 1);
  EXPECT_EQ(p.activity_id, "charge-card");
  // No namespace and no Run ID: the client's namespace and the current run.
  client().complete_activity_by_id(
      "", id, "", "charge-card",
      temporal::ActivityCompletion::completed(nlohmann::json{{"done", "by ID"}}));
  EXPECT_EQ(result(id), R"({"done":"by ID"})");
}

TEST_F(AsyncActivity, CompleteWithNoResultAsync) {
  const std::string id = start("no-result");
  const Pending p = wait_pending(id, 1);
  // The default completion: Go's CompleteActivity(ctx, token, nil, nil).
  temporal::Call<void> call = client().complete_activity_async(p.token, {}, 10s);
  ASSERT_TRUE(call.wait_for(30s));
  EXPECT_NO_THROW(call.get());
  EXPECT_EQ(call.json(), "");  // a completion has no result JSON
  EXPECT_EQ(result(id), "null");
}

TEST_F(AsyncActivity, FailByTokenFailsTheWorkflow) {
  const std::string id = start("fail");
  const Pending p = wait_pending(id, 1);
  client().complete_activity(p.token,
                             temporal::ActivityCompletion::failed(
                                 "card declined", "CardDeclined", true,
                                 nlohmann::json::array({"visa", {{"code", 51}}})));
  try {
    result(id);
    FAIL() << "the workflow did not fail";
  } catch (const temporal::WorkflowFailedError& e) {
    // The workflow got an ActivityError caused by the ApplicationError sent from here.
    EXPECT_NE(e.message().find("activity error (type: PendingActivity"), std::string::npos)
        << e.what();
    EXPECT_NE(e.message().find("card declined (type: CardDeclined, retryable: false)"),
              std::string::npos)
        << e.what();
    const std::string& d = e.details_json();
    for (const char* part : {R"("kind":"activity")", R"("activity_id":"async")",
                             R"("message":"card declined")", R"("type":"CardDeclined")",
                             R"("non_retryable":true)", R"("details":["visa",{"code":51}])"}) {
      EXPECT_NE(d.find(part), std::string::npos) << part << " not in " << d;
    }
  }
}

// A retryable failure is retried; the last heartbeat's details reach the next attempt, by
// token and by IDs; the earlier attempt's token is no longer valid.
TEST_F(AsyncActivity, RetriesCarryHeartbeatDetails) {
  const std::string id = start("retry", R"({"max_attempts": 3})");
  const Pending p1 = wait_pending(id, 1);
  EXPECT_TRUE(p1.info.at("heartbeat_details").is_null()) << p1.info.dump();
  const temporal::ActivityHeartbeat h = client().record_activity_heartbeat(
      p1.token, nlohmann::json::array({"progress", {{"step", 1}}}));
  EXPECT_FALSE(h.cancel_requested);
  const auto retry = temporal::ActivityCompletion::failed("try again", "Transient");
  client().complete_activity(p1.token, retry);

  const Pending p2 = wait_pending(id, 2);
  EXPECT_EQ(p2.info.at("heartbeat_details"), nlohmann::json::array({"progress", {{"step", 1}}}))
      << p2.info.dump();
  EXPECT_NE(p2.token, p1.token);
  try {
    client().record_activity_heartbeat(p1.token);
    FAIL() << "the first attempt's token still heartbeats";
  } catch (const temporal::NotFoundError& e) {
    EXPECT_NE(e.message().find("activity already timed out"), std::string::npos) << e.what();
  }

  // By IDs, with the namespace and Run ID spelled out; the async form's json() is the
  // library's JSON.
  temporal::Call<temporal::ActivityHeartbeat> beat =
      client().record_activity_heartbeat_by_id_async("default", id, p2.run_id, "async", "[2]");
  EXPECT_EQ(beat.json(), kNotPausedNotCanceled);
  EXPECT_FALSE(beat.get().cancel_requested);
  client().complete_activity_by_id("default", id, p2.run_id, "async", retry);

  const Pending p3 = wait_pending(id, 3);
  EXPECT_EQ(p3.info.at("heartbeat_details"), nlohmann::json::array({2})) << p3.info.dump();
  client().complete_activity(p3.token, temporal::ActivityCompletion::completed(R"("third time")"));
  EXPECT_EQ(result(id), R"("third time")");
}

TEST_F(AsyncActivity, CancelByTokenAfterTheWorkflowCancels) {
  const std::string id = start("cancel");
  const Pending p = wait_pending(id, 1);
  const temporal::ActivityHeartbeat h = client().record_activity_heartbeat(p.token, R"(["working"])");
  EXPECT_FALSE(h.cancel_requested);
  EXPECT_FALSE(h.activity_paused);
  EXPECT_FALSE(h.activity_reset);
  // The server accepts a cancellation only once the workflow requested it.
  const auto canceled = temporal::ActivityCompletion::canceled(R"(["cleaned up", 3])");
  try {
    client().complete_activity(p.token, canceled);
    FAIL() << "canceled before the workflow requested it was accepted";
  } catch (const temporal::InvalidArgumentError& e) {
    EXPECT_NE(e.message().find("without activity being request canceled"), std::string::npos)
        << e.what();
  }

  client().signal_workflow(id, "", "cancel_activity");
  wait_cancel_requested(p, id, false);
  wait_cancel_requested(p, id, true);
  client().complete_activity(p.token, canceled);
  EXPECT_EQ(result(id), R"({"canceled":true,"details":["cleaned up",3]})");
}

TEST_F(AsyncActivity, CancelById) {
  const std::string id = start("cancel-by-id", R"({"activity_id": "stoppable"})");
  const Pending p = wait_pending(id, 1);
  client().signal_workflow(id, "", "cancel_activity");
  wait_cancel_requested(p, id, true);
  client().complete_activity_by_id("", id, p.run_id, "stoppable",
                                   temporal::ActivityCompletion::canceled());
  EXPECT_EQ(result(id), R"({"canceled":true,"details":null})");
}

// An activity that is no longer pending, or never was: NotFoundError, as the server says.
TEST_F(AsyncActivity, CompletedOrUnknownActivityIsNotFound) {
  const std::string id = start("twice");
  const Pending p = wait_pending(id, 1);
  const auto one = temporal::ActivityCompletion::completed("1");
  client().complete_activity(p.token, one);
  EXPECT_EQ(result(id), "1");

  try {
    client().complete_activity(p.token, one);
    FAIL() << "a completed activity completed again";
  } catch (const temporal::NotFoundError& e) {
    EXPECT_EQ(e.code(), temporal::ErrorCode::NotFound);
    EXPECT_NE(e.message().find("complete activity: workflow execution already completed"),
              std::string::npos)
        << e.what();
    EXPECT_EQ(e.details().value("grpc_code", ""), "NOT_FOUND") << e.details_json();
  }
  try {
    client().complete_activity_by_id("", id, "", "async", one);
    FAIL() << "a completed activity completed again by ID";
  } catch (const temporal::NotFoundError& e) {
    EXPECT_EQ(e.details().value("activity_id", ""), "async") << e.details_json();
    EXPECT_EQ(e.details().value("workflow_id", ""), id) << e.details_json();
  }
  EXPECT_THROW(client().complete_activity(p.token, temporal::ActivityCompletion::failed("late")),
               temporal::NotFoundError);
  EXPECT_THROW(client().record_activity_heartbeat(p.token), temporal::NotFoundError);
  EXPECT_THROW(client().record_activity_heartbeat_by_id("", id, "", "async"),
               temporal::NotFoundError);

  // A running workflow without that activity, a workflow never started, a namespace that
  // does not exist; the running workflow's activity is untouched by all that.
  const std::string running = start("running");
  const Pending q = wait_pending(running, 1);
  EXPECT_THROW(client().complete_activity_by_id("", running, "", "no-such-activity", one),
               temporal::NotFoundError);
  EXPECT_THROW(client().record_activity_heartbeat_by_id("", "cpp-async-activity-never-started",
                                                        "", "async"),
               temporal::NotFoundError);
  try {
    client().complete_activity_by_id("no-such-namespace", running, "", "async", one);
    FAIL() << "an unknown namespace was accepted";
  } catch (const temporal::NotFoundError& e) {
    EXPECT_NE(e.message().find("Namespace no-such-namespace is not found"), std::string::npos)
        << e.what();
  }
  client().complete_activity(q.token, one);
  EXPECT_EQ(result(running), "1");
}

TEST_F(AsyncActivity, BadTaskTokens) {
  // Refused when the call starts, before any request: no Call is returned.
  try {
    client().complete_activity_async(std::string());
    FAIL() << "an empty token was accepted";
  } catch (const temporal::InvalidArgumentError& e) {
    EXPECT_NE(e.message().find("task_token"), std::string::npos) << e.what();
  }
  EXPECT_THROW(client().record_activity_heartbeat_async(std::vector<std::uint8_t>()),
               temporal::InvalidArgumentError);
  // Bytes that are no token: the server refuses them.
  const std::string garbage = "not a task token";
  try {
    client().complete_activity(garbage, temporal::ActivityCompletion::completed("1"));
    FAIL() << "a garbage token was accepted";
  } catch (const temporal::InvalidArgumentError& e) {
    EXPECT_NE(e.message().find("complete activity: Error deserializing task token"),
              std::string::npos)
        << e.what();
  }
  EXPECT_THROW(client().record_activity_heartbeat(garbage), temporal::InvalidArgumentError);
}

TEST_F(AsyncActivity, BadArgumentsAreRefusedAtOnce) {
  const std::string token = "any token";
  const auto expect_refused = [](auto&& start, const std::string& text) {
    try {
      start();
      ADD_FAILURE() << "no InvalidArgumentError (" << text << ")";
    } catch (const temporal::InvalidArgumentError& e) {
      EXPECT_NE(e.message().find(text), std::string::npos) << e.what();
    }
  };
  expect_refused([&] { client().complete_activity_by_id_async("", "", "", "a"); },
                 "workflow ID and activity ID are required");
  expect_refused([&] { client().record_activity_heartbeat_by_id_async("", "w", "", ""); },
                 "workflow ID and activity ID are required");
  expect_refused([&] { client().record_activity_heartbeat_async(token, R"({"not": "an array"})"); },
                 "arguments must be a JSON array");
  expect_refused(
      [&] {
        client().complete_activity_async(token,
                                         temporal::ActivityCompletion::completed("1 2"));
      },
      "result_json must be one JSON value");
  expect_refused(
      [&] {
        client().complete_activity_async(
            token, temporal::ActivityCompletion::failed("m", "", false, R"("not an array")"));
      },
      "details_json: arguments must be a JSON array");
  expect_refused(
      [&] {
        client().complete_activity_async(token, temporal::ActivityCompletion::canceled("["));
      },
      "details_json: arguments must be a JSON array");
  expect_refused(
      [&] {
        client().complete_activity_async(token,
                                         temporal::ActivityCompletion::failed("bad \xe2\x82"));
      },
      "failure_message is not valid UTF-8");
  // A moved-from Client has no handle.
  temporal::Client moved = temporal::Client::connect([] {
    temporal::ClientOptions o;
    o.address = env_or_empty("TEMPORAL_ADDRESS");
    return o;
  }());
  temporal::Client taker = std::move(moved);
  expect_refused([&] { moved.complete_activity_async(token); }, "client must not be NULL");
}

}  // namespace
