// Connection settings from C++: Client::set_api_key and Client::set_grpc_metadata against the
// Go test worker's recorder (a fake frontend whose queries answer with the call's gRPC
// metadata, tests/worker/recorder.go), keep-alive and the HTTP CONNECT proxy options against
// the dev server and the harness's proxy (tests/harness/connect_proxy.py). Without the
// harness's variables the tests are skipped.
#include "temporal.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

using namespace std::chrono_literals;

namespace {

std::string getenv_or_empty(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr ? v : "";
}

nlohmann::json seen(const temporal::Client& client) {
  return nlohmann::json::parse(client.query_workflow("any", "", "metadata", "[]", 10s));
}

temporal::Client recorder(temporal::ClientOptions options) {
  options.address = "http://" + getenv_or_empty("TEMPORAL_TEST_RECORDER_ADDRESS");
  return temporal::Client::connect(options);
}

std::vector<std::string> proxy_log_for(const std::string& user) {
  std::ifstream in(getenv_or_empty("TEMPORAL_TEST_PROXY_LOG"));
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (line.find(" user=" + user + " ") != std::string::npos) lines.push_back(line);
  }
  return lines;
}

// A client of the harness's dev server (TEMPORAL_ADDRESS).
temporal::Client dev_server_client() {
  temporal::ClientOptions options;
  options.address = getenv_or_empty("TEMPORAL_ADDRESS");
  return temporal::Client::connect(options);
}

// Start options on the test worker's task queue.
temporal::StartWorkflowOptions test_start_options() {
  temporal::StartWorkflowOptions so;
  const std::string queue = getenv_or_empty("TEMPORAL_TEST_TASK_QUEUE");
  so.task_queue = queue.empty() ? "temporal-ffi-test" : queue;
  return so;
}

}  // namespace

TEST(Connection, SetApiKeyRotatesTheKey) {
  if (getenv_or_empty("TEMPORAL_TEST_RECORDER_ADDRESS").empty()) GTEST_SKIP() << "no recorder";
  temporal::ClientOptions options;
  options.api_key = "key-A";
  const temporal::Client client = recorder(options);
  EXPECT_EQ(seen(client)["authorization"], "Bearer key-A");
  client.set_api_key("key-B");
  EXPECT_EQ(seen(client)["authorization"], "Bearer key-B");
  try {
    client.set_api_key("sekrit\nkey");
    ADD_FAILURE() << "a bad key was accepted";
  } catch (const temporal::InvalidArgumentError& e) {
    EXPECT_EQ(std::string(e.what()).find("sekrit"), std::string::npos) << e.what();
  }
  EXPECT_EQ(seen(client)["authorization"], "Bearer key-B");
  client.set_api_key("");
  EXPECT_FALSE(seen(client).contains("authorization"));
}

TEST(Connection, NewFromExistingSharesTheConnection) {
  if (getenv_or_empty("TEMPORAL_TEST_RECORDER_ADDRESS").empty()) GTEST_SKIP() << "no recorder";
  temporal::ClientOptions options;
  options.api_key = "key-A";
  std::optional<temporal::Client> first(recorder(options));
  const temporal::Client second = first->new_from_existing("other-ns", "second");
  EXPECT_EQ(seen(second)["@namespace"], "other-ns");
  EXPECT_EQ(seen(second)["authorization"], "Bearer key-A");
  first->set_api_key("key-B");
  first.reset();
  EXPECT_EQ(seen(second)["authorization"], "Bearer key-B");
  EXPECT_EQ(seen(second.new_from_existing())["@namespace"], "default");
}

TEST(Connection, SetGrpcMetadataReplacesIt) {
  if (getenv_or_empty("TEMPORAL_TEST_RECORDER_ADDRESS").empty()) GTEST_SKIP() << "no recorder";
  temporal::ClientOptions options;
  options.grpc_metadata = {{"x-first", "1"}};
  const temporal::Client client = recorder(options);
  EXPECT_EQ(seen(client)["x-first"], "1");
  client.set_grpc_metadata({{"x-second", "2"}});
  auto md = seen(client);
  EXPECT_EQ(md["x-second"], "2");
  EXPECT_FALSE(md.contains("x-first"));
  EXPECT_THROW(client.set_grpc_metadata({{"x-bin", "v"}}), temporal::InvalidArgumentError);
  client.set_grpc_metadata({});
  EXPECT_FALSE(seen(client).contains("x-second"));
}

TEST(Connection, KeepAliveAndProxy) {
  const std::string address = getenv_or_empty("TEMPORAL_ADDRESS");
  const std::string proxy = getenv_or_empty("TEMPORAL_TEST_PROXY_ADDRESS");
  if (address.empty() || proxy.empty()) GTEST_SKIP() << "no server or proxy";
  temporal::StartWorkflowOptions start;
  start.task_queue = getenv_or_empty("TEMPORAL_TEST_TASK_QUEUE");

  temporal::ClientOptions too_long;
  too_long.address = address;
  too_long.keep_alive_timeout = std::chrono::hours(24 * 365 * 200);
  EXPECT_THROW(temporal::Client::connect(too_long), temporal::InvalidArgumentError);

  const std::string user = "cpp-user-" + std::to_string(std::random_device{}());
  temporal::ClientOptions options;
  options.address = address;
  options.keep_alive_interval = 300ms;
  options.keep_alive_timeout = 1s;
  options.proxy_address = proxy;
  options.proxy_basic_auth_user = user;
  options.proxy_basic_auth_password = "proxy-test-password";
  const temporal::Client client = temporal::Client::connect(options);
  temporal::WorkflowRun run = client.execute_workflow("GreetingWorkflow", start, R"(["cpp"])");
  std::this_thread::sleep_for(1s);  // idle: keep-alive pings go through the tunnel
  EXPECT_EQ(run.get(30s), "\"Hello cpp!\"");
  EXPECT_EQ(proxy_log_for(user),
            std::vector<std::string>{"CONNECT " + address + " user=" + user + " status=200"});

  options.proxy_basic_auth_user = user + "-bad";
  options.proxy_basic_auth_password = "wrong-sekrit";
  try {
    temporal::Client::connect(options);
    ADD_FAILURE() << "connected with a wrong proxy password";
  } catch (const temporal::UnavailableError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find(proxy), std::string::npos) << what;
    EXPECT_NE(what.find("407"), std::string::npos) << what;
    EXPECT_EQ(what.find("sekrit"), std::string::npos) << what;
  }
}

// The raw RPC escape hatch: the request and response are protobuf bytes, written by hand here
// (a DescribeNamespaceRequest is field 1, the namespace; its response's NamespaceInfo, field 1,
// holds the name), so the test needs no protobuf library.
TEST(Connection, RawRpcReachesBothServices) {
  if (getenv_or_empty("TEMPORAL_ADDRESS").empty()) GTEST_SKIP() << "no dev server";
  const temporal::Client client = dev_server_client();
  const std::string ns = "default";
  std::vector<std::uint8_t> request{0x0a, static_cast<std::uint8_t>(ns.size())};
  request.insert(request.end(), ns.begin(), ns.end());
  const std::vector<std::uint8_t> response =
      client.raw_rpc("temporal.api.workflowservice.v1.WorkflowService", "DescribeNamespace", request);
  const std::string text(response.begin(), response.end());
  EXPECT_NE(text.find("default"), std::string::npos);
  // ListSearchAttributesRequest has the namespace as field 1 too.
  const std::vector<std::uint8_t> attributes = client.raw_rpc("OperatorService", "ListSearchAttributes", request);
  const std::string attributes_text(attributes.begin(), attributes.end());
  EXPECT_NE(attributes_text.find("WorkflowId"), std::string::npos);
  EXPECT_THROW(client.raw_rpc("WorkflowService", "NoSuchMethod", {}), temporal::InvalidArgumentError);
  EXPECT_THROW(client.raw_rpc("WorkflowService", "DescribeNamespace", {0xff, 0xff}),
               temporal::InvalidArgumentError);
  // DescribeWorkflowExecution of an ID never started: NotFoundError, as every call's.
  const std::string id = "raw-rpc-missing-" + std::to_string(std::random_device{}());
  std::vector<std::uint8_t> describe{0x0a, static_cast<std::uint8_t>(ns.size())};
  describe.insert(describe.end(), ns.begin(), ns.end());
  describe.push_back(0x12);  // field 2: WorkflowExecution { workflow_id = 1 }
  describe.push_back(static_cast<std::uint8_t>(id.size() + 2));
  describe.push_back(0x0a);
  describe.push_back(static_cast<std::uint8_t>(id.size()));
  describe.insert(describe.end(), id.begin(), id.end());
  EXPECT_THROW(client.raw_rpc("WorkflowService", "DescribeWorkflowExecution", describe), temporal::NotFoundError);
}

// StaticSummary, StaticDetails and Priority reach the server: read back as the raw
// DescribeWorkflowExecution's bytes, which hold the summary payload and the fairness key.
TEST(Connection, StartOptionsSummaryDetailsAndPriority) {
  if (getenv_or_empty("TEMPORAL_ADDRESS").empty()) GTEST_SKIP() << "no dev server";
  const temporal::Client client = dev_server_client();
  temporal::StartWorkflowOptions so = test_start_options();
  so.static_summary = "**nightly** report";
  so.static_details = "line two";
  so.priority_key = 2;
  so.fairness_key = "tenant-a";
  so.fairness_weight = 2.5F;
  temporal::WorkflowRun run = client.execute_workflow("Echo", so, R"(["x"])");
  EXPECT_EQ(run.get(30s), "\"x\"");
  const std::string ns = "default";
  const std::string id = run.id();
  const std::string run_id = run.run_id();
  std::vector<std::uint8_t> execution{0x0a, static_cast<std::uint8_t>(id.size())};
  execution.insert(execution.end(), id.begin(), id.end());
  execution.push_back(0x12);
  execution.push_back(static_cast<std::uint8_t>(run_id.size()));
  execution.insert(execution.end(), run_id.begin(), run_id.end());
  std::vector<std::uint8_t> request{0x0a, static_cast<std::uint8_t>(ns.size())};
  request.insert(request.end(), ns.begin(), ns.end());
  request.push_back(0x12);
  request.push_back(static_cast<std::uint8_t>(execution.size()));
  request.insert(request.end(), execution.begin(), execution.end());
  const std::vector<std::uint8_t> described = client.raw_rpc("WorkflowService", "DescribeWorkflowExecution", request);
  const std::string text(described.begin(), described.end());
  EXPECT_NE(text.find("\"**nightly** report\""), std::string::npos);
  EXPECT_NE(text.find("\"line two\""), std::string::npos);
  EXPECT_NE(text.find("tenant-a"), std::string::npos);
  so.priority_key = -1;
  EXPECT_THROW(client.execute_workflow("Echo", so, "[]"), temporal::InvalidArgumentError);
}

// The Go SDK's CancelWorkflowWithOptions / TerminateWorkflowWithOptions.
TEST(Connection, CancelAndTerminateWithOptions) {
  if (getenv_or_empty("TEMPORAL_ADDRESS").empty()) GTEST_SKIP() << "no dev server";
  const temporal::Client client = dev_server_client();
  temporal::StartWorkflowOptions so = test_start_options();
  temporal::WorkflowRun run = client.execute_workflow("Block", so, "[]");
  temporal::WorkflowTargetOptions target;
  target.workflow_id = run.id();
  target.first_execution_run_id = "00000000-0000-4000-8000-000000000000";
  target.reason = "the operator asked";
  EXPECT_THROW(client.cancel_workflow(target), temporal::NotFoundError);
  target.first_execution_run_id = run.run_id();
  client.cancel_workflow(target);
  EXPECT_THROW(run.get(30s), temporal::WorkflowCanceledError);

  temporal::WorkflowRun other = client.execute_workflow("Block", so, "[]");
  temporal::WorkflowTargetOptions terminate;
  terminate.workflow_id = other.id();
  terminate.reason = "done";
  terminate.details_json = R"([{"ticket": 42}])";
  client.terminate_workflow(terminate);
  EXPECT_THROW(other.get(30s), temporal::WorkflowTerminatedError);
}

// The Go SDK's TypedSearchAttributes and VersioningOverride start options: the attributes read
// back from describe with their values and (in the raw response) their "type" metadata; a value
// of the wrong type is InvalidArgumentError; a pin to a version no worker has is refused by the
// dev server (FAILED_PRECONDITION), a pin without a build ID by the library.
TEST(Connection, TypedSearchAttributesAndVersioningOverride) {
  const std::string address = getenv_or_empty("TEMPORAL_ADDRESS");
  if (address.empty()) GTEST_SKIP() << "no dev server";
  temporal::ClientOptions options;
  options.address = address;
  const temporal::Client client = temporal::Client::connect(options);
  temporal::StartWorkflowOptions so;
  const std::string queue = getenv_or_empty("TEMPORAL_TEST_TASK_QUEUE");
  so.task_queue = queue.empty() ? "temporal-ffi-test" : queue;
  using T = temporal::IndexedValueType;
  so.typed_search_attributes = {
      {"CustomKeywordField", T::Keyword, R"("kw-cpp")"},
      {"CustomTextField", T::Text, R"("some text")"},
      {"CustomIntField", T::Int, "-42"},
      {"CustomDoubleField", T::Double, "2.5"},
      {"CustomBoolField", T::Bool, "true"},
      {"CustomDatetimeField", T::Datetime, R"("2026-01-02T03:04:05Z")"},
      {"CustomKeywordListField", T::KeywordList, R"(["a","b"])"},
  };
  temporal::WorkflowRun run = client.execute_workflow("Echo", so, R"(["x"])");
  EXPECT_EQ(run.get(30s), "\"x\"");
  const std::string json = client.describe_workflow_execution(run.id(), run.run_id());
  for (const char* want : {R"("CustomKeywordField":"kw-cpp")", R"("CustomIntField":-42)", R"("CustomDoubleField":2.5)",
                           R"("CustomBoolField":true)", R"("CustomDatetimeField":"2026-01-02T03:04:05Z")",
                           R"("CustomKeywordListField":["a","b"])", R"("CustomTextField":"some text")"}) {
    EXPECT_NE(json.find(want), std::string::npos) << want << " in " << json;
  }
  const std::string ns = "default";
  const std::string id = run.id();
  const std::string run_id = run.run_id();
  std::vector<std::uint8_t> execution{0x0a, static_cast<std::uint8_t>(id.size())};
  execution.insert(execution.end(), id.begin(), id.end());
  execution.push_back(0x12);
  execution.push_back(static_cast<std::uint8_t>(run_id.size()));
  execution.insert(execution.end(), run_id.begin(), run_id.end());
  std::vector<std::uint8_t> request{0x0a, static_cast<std::uint8_t>(ns.size())};
  request.insert(request.end(), ns.begin(), ns.end());
  request.push_back(0x12);
  request.push_back(static_cast<std::uint8_t>(execution.size()));
  request.insert(request.end(), execution.begin(), execution.end());
  const std::vector<std::uint8_t> described = client.raw_rpc("WorkflowService", "DescribeWorkflowExecution", request);
  const std::string text(described.begin(), described.end());
  EXPECT_NE(text.find("\x04type\x12\x0bKeywordList"), std::string::npos);
  EXPECT_NE(text.find("\x04type\x12\x08" "Datetime"), std::string::npos);

  temporal::StartWorkflowOptions bad = so;
  bad.typed_search_attributes = {{"CustomIntField", T::Int, R"("not an int")"}};
  EXPECT_THROW(client.execute_workflow("Echo", bad, "[]"), temporal::InvalidArgumentError);

  temporal::StartWorkflowOptions versioned;
  versioned.task_queue = so.task_queue;
  versioned.execution_timeout = 10s;
  versioned.versioning_override = temporal::VersioningOverride::auto_upgrade();
  EXPECT_NO_THROW(client.execute_workflow("Echo", versioned, R"(["x"])"));
  versioned.versioning_override = temporal::VersioningOverride::pinned({"cpp-deployment", "build-1"});
  try {
    client.execute_workflow("Echo", versioned, "[]");
    ADD_FAILURE() << "a pin to an unknown version was accepted";
  } catch (const temporal::Error& e) {
    EXPECT_EQ(e.code(), temporal::ErrorCode::Rpc) << e.what();
    EXPECT_NE(std::string(e.what()).find("cpp-deployment"), std::string::npos) << e.what();
  }
  versioned.versioning_override = temporal::VersioningOverride::pinned({"cpp-deployment", ""});
  EXPECT_THROW(client.execute_workflow("Echo", versioned, "[]"), temporal::InvalidArgumentError);
}
