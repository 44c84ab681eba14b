// Update handles and update-with-start from C++ (Client::start_update,
// Client::get_workflow_update_handle, UpdateHandle, Client::update_with_start_workflow): the Go
// SDK client's UpdateWorkflow with a wait stage, GetWorkflowUpdateHandle,
// WorkflowUpdateHandle.Get and UpdateWithStartWorkflow, against a real Temporal dev server and
// the Go test worker, as tests/c/test_update.c does from C.
//
// The worker's Counter(start) workflow keeps a total: update "add" (n) adds n and returns the
// total (its validator rejects a negative n, its handler fails for 13), update "held" returns
// the total only after signal "release" (so Accepted and Completed differ), signal "done" ends
// the workflow with the total. Without TEMPORAL_ADDRESS the server tests are skipped.
#include "temporal.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <optional>
#include <random>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

using namespace std::chrono_literals;

namespace {

std::string env_or_empty(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr ? v : "";
}

temporal::UpdateOptions stage(temporal::UpdateStage wait_for_stage,
                              const std::string& update_id = "") {
  temporal::UpdateOptions u;
  u.wait_for_stage = wait_for_stage;
  u.update_id = update_id;
  return u;
}

// Expects `f()` to throw exactly E with a message containing `text`; returns the error.
template <class E, class F>
std::optional<E> expect_throw(F&& f, const std::string& text) {
  try {
    f();
  } catch (const E& e) {
    EXPECT_NE(e.message().find(text), std::string::npos) << e.what();
    return e;
  } catch (const std::exception& e) {
    ADD_FAILURE() << "threw another error: " << e.what();
    return std::nullopt;
  }
  ADD_FAILURE() << "did not throw (expected a message containing \"" << text << "\")";
  return std::nullopt;
}

TEST(UpdateBasics, TypesAndStages) {
  static_assert(!std::is_copy_constructible_v<temporal::UpdateHandle>);
  static_assert(!std::is_copy_assignable_v<temporal::UpdateHandle>);
  static_assert(std::is_nothrow_move_constructible_v<temporal::UpdateHandle>);
  static_assert(std::is_nothrow_move_assignable_v<temporal::UpdateHandle>);
  static_assert(!std::is_copy_constructible_v<temporal::UpdateWithStartResult>);
  static_assert(std::is_nothrow_move_constructible_v<temporal::Call<temporal::UpdateHandle>>);
  static_assert(static_cast<int>(temporal::UpdateStage::Unspecified) ==
                TEMPORAL_UPDATE_STAGE_UNSPECIFIED);
  static_assert(static_cast<int>(temporal::UpdateStage::Admitted) ==
                TEMPORAL_UPDATE_STAGE_ADMITTED);
  static_assert(static_cast<int>(temporal::UpdateStage::Accepted) ==
                TEMPORAL_UPDATE_STAGE_ACCEPTED);
  static_assert(static_cast<int>(temporal::UpdateStage::Completed) ==
                TEMPORAL_UPDATE_STAGE_COMPLETED);
  using Client = temporal::Client;
  static_assert(std::is_same_v<decltype(std::declval<Client&>().start_update(
                                   "", "", "", "", temporal::UpdateOptions{})),
                               temporal::UpdateHandle>);
  static_assert(std::is_same_v<decltype(std::declval<Client&>().start_update_async(
                                   "", "", "", "", temporal::UpdateOptions{})),
                               temporal::Call<temporal::UpdateHandle>>);
  static_assert(
      std::is_same_v<decltype(std::declval<Client&>().update_with_start_workflow(
                         "", "", temporal::UpdateOptions{}, "", temporal::StartWorkflowOptions{})),
                     temporal::UpdateWithStartResult>);
  static_assert(std::is_same_v<decltype(std::declval<temporal::UpdateHandle&>().get_result_async()),
                               temporal::Call<std::string>>);
  EXPECT_EQ(temporal::UpdateOptions{}.wait_for_stage, temporal::UpdateStage::Unspecified);
}

// Empty handles are the library's to refuse, with InvalidArgumentError; nothing crashes.
TEST(UpdateBasics, EmptyHandlesThrowInvalidArgument) {
  temporal::UpdateHandle empty(nullptr);
  EXPECT_FALSE(empty);
  EXPECT_EQ(empty.id(), "");
  EXPECT_EQ(empty.workflow_id(), "");
  EXPECT_EQ(empty.run_id(), "");
  EXPECT_THROW(empty.get_result_async(), temporal::InvalidArgumentError);
  EXPECT_THROW(empty.get(1s), temporal::InvalidArgumentError);
  const temporal::Client no_client(nullptr);
  EXPECT_THROW(no_client.get_workflow_update_handle("wf", "", "u"), temporal::InvalidArgumentError);
  EXPECT_THROW(no_client.start_update_async("wf", "", "add", "[1]",
                                            stage(temporal::UpdateStage::Completed)),
               temporal::InvalidArgumentError);
}

class Update : public ::testing::Test {
 protected:
  void SetUp() override {
    if (env_or_empty("TEMPORAL_ADDRESS").empty()) GTEST_SKIP() << "TEMPORAL_ADDRESS is not set";
    client_.emplace(connect());
  }

  // Ends the workflows a test started (errors ignored: some completed).
  void TearDown() override {
    if (!client_) return;
    for (const std::string& id : started_) {
      try {
        client_->terminate_workflow(id, "", "test_update done");
      } catch (const temporal::Error&) {
      }
    }
  }

  static temporal::Client connect() {
    temporal::ClientOptions options;
    options.address = env_or_empty("TEMPORAL_ADDRESS");
    return temporal::Client::connect(options);
  }

  const temporal::Client& client() const { return *client_; }

  // Start options for a new Workflow ID (remembered for TearDown).
  temporal::StartWorkflowOptions options(const std::string& what) {
    static const auto seed = std::random_device{}();
    temporal::StartWorkflowOptions o;
    o.id = "cpp-update-" + what + "-" + std::to_string(seed) + "-" +
           std::to_string(started_.size());
    const std::string queue = env_or_empty("TEMPORAL_TEST_TASK_QUEUE");
    o.task_queue = queue.empty() ? "temporal-ffi-test" : queue;
    o.execution_timeout = 5min;
    started_.push_back(o.id);
    return o;
  }

  temporal::WorkflowRun start_counter(const std::string& what, int start) {
    return client().execute_workflow("Counter", options(what), "[" + std::to_string(start) + "]");
  }

  void release(const std::string& workflow_id) {
    client().signal_workflow(workflow_id, "", "release", "[]");
  }

  std::vector<std::string> started_;

 private:
  std::optional<temporal::Client> client_;
};

// Accepted completes while the handler still runs; the handle's result waits for it.
TEST_F(Update, AcceptedThenGetWaitsForCompletion) {
  const temporal::WorkflowRun run = start_counter("accepted", 7);
  temporal::Call<temporal::UpdateHandle> start = client().start_update_async(
      run.id(), "", "held", "[]", stage(temporal::UpdateStage::Accepted, "held-1"));
  const temporal::UpdateHandle h = start.get();
  // The handle is taken out of the call: a second get() is refused, not a second handle.
  expect_throw<temporal::InvalidArgumentError>([&] { start.get(); }, "already taken");
  EXPECT_EQ(h.id(), "held-1");
  EXPECT_EQ(h.workflow_id(), run.id());
  EXPECT_EQ(h.run_id(), run.run_id());

  // Still running: the result wait is in flight until the release.
  temporal::Call<std::string> get = h.get_result_async();
  EXPECT_FALSE(get.wait_for(1500ms)) << "the result came before the release";
  EXPECT_FALSE(get.is_done());
  release(run.id());
  EXPECT_EQ(get.get(), "7");
}

// Completed completes with the outcome: the handle's result needs no further wait.
TEST_F(Update, CompletedGivesTheResultAtOnce) {
  const temporal::WorkflowRun run = start_counter("completed", 1);
  const temporal::UpdateHandle h = client().start_update(
      run.id(), "", "add", "[4]", stage(temporal::UpdateStage::Completed), 30s);
  EXPECT_EQ(h.id().size(), 36u) << "generated update ID '" << h.id() << "' is not a UUID";
  EXPECT_EQ(h.run_id(), run.run_id());
  EXPECT_EQ(h.get(30s), "5");
  // A second result wait gives the same; the nlohmann/json form too.
  EXPECT_EQ(h.get(), "5");
  EXPECT_EQ(h.get_as<int>(), 5);

  // Completed on the held update waits for the release.
  temporal::Call<temporal::UpdateHandle> held = client().start_update_async(
      run.id(), "", "held", "[]", stage(temporal::UpdateStage::Completed, "held-c"));
  EXPECT_FALSE(held.wait_for(1500ms)) << "a Completed start returned before the release";
  release(run.id());
  const temporal::UpdateHandle held_handle = held.get();
  EXPECT_EQ(held_handle.id(), "held-c");
  EXPECT_EQ(held_handle.get(), "5");
  // The existing one-call update API still works next to the handles.
  EXPECT_EQ(client().update_workflow(run.id(), "", "add", "[2]").result_json, "7");
}

// Another process knows only the IDs: a handle by ID gets the result, without a Run ID too, and
// outlives the client it came from.
TEST_F(Update, HandleByIdFromAnotherClient) {
  const temporal::WorkflowRun run = start_counter("by-id", 10);
  client().start_update(run.id(), "", "held", "[]",
                        stage(temporal::UpdateStage::Accepted, "by-id-held"));

  std::optional<temporal::UpdateHandle> by_id, by_run;
  {
    const temporal::Client other = connect();
    by_id.emplace(other.get_workflow_update_handle(run.id(), "", "by-id-held"));
    by_run.emplace(other.get_workflow_update_handle(run.id(), run.run_id(), "by-id-held"));
  }
  EXPECT_EQ(by_id->id(), "by-id-held");
  EXPECT_EQ(by_id->workflow_id(), run.id());
  EXPECT_EQ(by_id->run_id(), "");
  EXPECT_EQ(by_run->run_id(), run.run_id());

  // Moving a handle moves its ownership; the moved-from one is empty and refused.
  temporal::UpdateHandle moved = std::move(*by_run);
  EXPECT_FALSE(*by_run);
  EXPECT_THROW(by_run->get_result_async(), temporal::InvalidArgumentError);

  temporal::Call<std::string> get_a = by_id->get_result_async();
  temporal::Call<std::string> get_b = moved.get_result_async(30s);
  release(run.id());
  EXPECT_EQ(get_a.get(), "10");
  EXPECT_EQ(get_b.get(), "10");
}

// The validator's rejection is the handle's result (as in Go, not the start's error).
TEST_F(Update, RejectedByTheValidatorIsTheResultsError) {
  const temporal::WorkflowRun run = start_counter("rejected", 0);
  for (const auto wait_for :
       {temporal::UpdateStage::Accepted, temporal::UpdateStage::Completed}) {
    SCOPED_TRACE(static_cast<int>(wait_for));
    const temporal::UpdateHandle h =
        client().start_update(run.id(), "", "add", "[-1]", stage(wait_for));
    ASSERT_TRUE(h) << "no handle for a rejected update";
    const auto e =
        expect_throw<temporal::UpdateFailedError>([&] { h.get(30s); }, "n must not be negative");
    ASSERT_TRUE(e);
    EXPECT_EQ(e->code(), temporal::ErrorCode::UpdateFailed);
    EXPECT_NE(e->message().find("update add"), std::string::npos) << e->message();
    EXPECT_NE(e->message().find(h.id()), std::string::npos) << e->message();
    EXPECT_EQ(e->details().at("update_id"), h.id()) << e->details_json();
    EXPECT_TRUE(e->details().contains("failure")) << e->details_json();
    EXPECT_NE(e->failure_display().find("n must not be negative"), std::string::npos)
        << e->details_json();
  }
  // The handler's own failure, too.
  const temporal::UpdateHandle h =
      client().start_update(run.id(), "", "add", "[13]", stage(temporal::UpdateStage::Accepted));
  expect_throw<temporal::UpdateFailedError>([&] { h.get(); }, "unlucky number");
}

// Unknown updates and workflows; the stages Go refuses.
TEST_F(Update, NotFoundAndRefusedStages) {
  const temporal::WorkflowRun run = start_counter("unknown", 0);
  const temporal::UpdateHandle unknown =
      client().get_workflow_update_handle(run.id(), "", "no-such-update");
  expect_throw<temporal::NotFoundError>([&] { unknown.get(30s); }, "");

  // An update to a workflow that does not exist: the start's error, no handle.
  expect_throw<temporal::NotFoundError>(
      [&] {
        client().start_update("cpp-update-no-such-workflow", "", "add", "[1]",
                              stage(temporal::UpdateStage::Completed));
      },
      "");

  // The stage is required, as in Go (refused before anything is started); so is an update ID
  // for a handle by ID.
  expect_throw<temporal::InvalidArgumentError>(
      [&] { client().start_update_async(run.id(), "", "add", "[1]", temporal::UpdateOptions{}); },
      "wait_for_stage must be specified");
  expect_throw<temporal::InvalidArgumentError>(
      [&] {
        client().start_update_async(run.id(), "", "add", "[1]",
                                    stage(temporal::UpdateStage::Admitted));
      },
      "not supported");
  EXPECT_THROW(client().get_workflow_update_handle(run.id(), "", ""),
               temporal::InvalidArgumentError);
  // Nothing was added by the refused starts.
  EXPECT_EQ(client().query_workflow(run.id(), "", "count"), "0");
}

// first_execution_run_id pins the workflow's chain: its own first Run ID is accepted, another
// chain's is refused by the server as an execution it does not know (and adds nothing).
TEST_F(Update, FirstExecutionRunIdMustMatch) {
  const temporal::WorkflowRun run = start_counter("first-run", 1);
  temporal::UpdateOptions u = stage(temporal::UpdateStage::Completed);
  u.first_execution_run_id = run.run_id();
  EXPECT_EQ(client().start_update(run.id(), "", "add", "[1]", u).get(), "2");

  u.first_execution_run_id = "00000000-0000-4000-8000-000000000000";
  expect_throw<temporal::NotFoundError>(
      [&] { client().start_update(run.id(), "", "add", "[1]", u); },
      "workflow execution not found");
  EXPECT_EQ(client().query_workflow(run.id(), "", "count"), "2");
}

// A result wait with a short timeout on an update still running: DeadlineExceededError (never
// CanceledError), and the update goes on.
TEST_F(Update, GetWithAShortTimeoutIsDeadlineExceeded) {
  const temporal::WorkflowRun run = start_counter("timeout", 3);
  const temporal::UpdateHandle h = client().start_update(
      run.id(), "", "held", "[]", stage(temporal::UpdateStage::Accepted, "held-timeout"));
  const auto t0 = std::chrono::steady_clock::now();
  expect_throw<temporal::DeadlineExceededError>([&] { h.get(800ms); }, "");
  const auto took = std::chrono::steady_clock::now() - t0;
  EXPECT_GT(took, 700ms);
  EXPECT_LT(took, 5s);
  release(run.id());
  EXPECT_EQ(h.get(30s), "3");
}

// Update-with-start that starts the workflow: the run and the handle both come back.
TEST_F(Update, UpdateWithStartStartsAWorkflow) {
  temporal::StartWorkflowOptions o = options("uws-new");
  o.id_conflict_policy = temporal::WorkflowIdConflictPolicy::Fail;
  temporal::Call<temporal::UpdateWithStartResult> call = client().update_with_start_workflow_async(
      "add", "[5]", stage(temporal::UpdateStage::Completed, "uws-1"), "Counter", o, "[100]");
  temporal::UpdateWithStartResult started = call.get();
  expect_throw<temporal::InvalidArgumentError>([&] { call.get(); }, "already taken");
  EXPECT_EQ(started.run.id(), o.id);
  EXPECT_EQ(started.run.run_id().size(), 36u) << started.run.run_id();
  EXPECT_EQ(started.update_handle.workflow_id(), o.id);
  EXPECT_EQ(started.update_handle.run_id(), started.run.run_id());
  EXPECT_EQ(started.update_handle.id(), "uws-1");
  EXPECT_EQ(started.update_handle.get(), "105");

  // With Fail, a second update-with-start on the running workflow is refused by the start.
  const auto e = expect_throw<temporal::AlreadyStartedError>(
      [&] {
        client().update_with_start_workflow("add", "[1]", stage(temporal::UpdateStage::Completed),
                                            "Counter", o, "[0]");
      },
      "failed workflow start");
  if (e) {
    EXPECT_EQ(e->details().at("run_id"), started.run.run_id()) << e->details_json();
  }

  // The workflow ends with the total the update made.
  client().signal_workflow(o.id, "", "done", "[]");
  EXPECT_EQ(started.run.get(30s), "105");
}

// UseExisting on a running workflow: the same run gets the update; Accepted then get. Without a
// Workflow ID one is generated.
TEST_F(Update, UpdateWithStartUsesTheRunningWorkflow) {
  const temporal::WorkflowRun existing = start_counter("uws-existing", 20);
  temporal::StartWorkflowOptions o = options("uws-existing-again");
  o.id = existing.id();
  o.id_conflict_policy = temporal::WorkflowIdConflictPolicy::UseExisting;
  const temporal::UpdateWithStartResult r = client().update_with_start_workflow(
      "add", "[2]", stage(temporal::UpdateStage::Accepted), "Counter", o, "[0]", 30s);
  EXPECT_EQ(r.run.id(), existing.id());
  EXPECT_EQ(r.run.run_id(), existing.run_id());
  EXPECT_EQ(r.update_handle.run_id(), existing.run_id());
  EXPECT_EQ(r.update_handle.get(30s), "22");

  temporal::StartWorkflowOptions anonymous = options("uws-anonymous");
  anonymous.id.clear();
  anonymous.id_conflict_policy = temporal::WorkflowIdConflictPolicy::UseExisting;
  const temporal::UpdateWithStartResult fresh = client().update_with_start_workflow(
      "add", "[1]", stage(temporal::UpdateStage::Completed), "Counter", anonymous, "[0]");
  started_.push_back(fresh.run.id());
  EXPECT_EQ(fresh.run.id().size(), 36u) << "generated ID '" << fresh.run.id() << "'";
  EXPECT_EQ(fresh.update_handle.workflow_id(), fresh.run.id());
  EXPECT_EQ(fresh.update_handle.get(), "1");
}

// Without a conflict policy, or a stage, the call is refused before any request, as Go refuses it.
TEST_F(Update, UpdateWithStartRequiresAConflictPolicy) {
  temporal::StartWorkflowOptions o = options("uws-no-policy");
  expect_throw<temporal::InvalidArgumentError>(
      [&] {
        client().update_with_start_workflow_async(
            "add", "[1]", stage(temporal::UpdateStage::Completed), "Counter", o, "[0]");
      },
      "id_conflict_policy must be set");
  o.id_conflict_policy = temporal::WorkflowIdConflictPolicy::UseExisting;
  expect_throw<temporal::InvalidArgumentError>(
      [&] {
        client().update_with_start_workflow_async("add", "[1]", temporal::UpdateOptions{},
                                                  "Counter", o, "[0]");
      },
      "wait_for_stage must be specified");
  // Nothing was started.
  EXPECT_THROW(client().describe_workflow_execution(o.id), temporal::NotFoundError);
}

}  // namespace
