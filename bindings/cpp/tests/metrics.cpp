// Client metrics from C++: RuntimeOptions::metrics_prometheus_address serves the Go SDK's
// request metrics as Prometheus text, scraped here with a real HTTP GET; the counts equal the
// calls made, failures included. Its own executable (and CTest test): the runtime options are
// process-wide. Exit 77 (skipped) without TEMPORAL_ADDRESS.
#include "temporal.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

namespace {

int failures = 0;

void check(bool ok, const std::string& what) {
  std::printf("%s: %s\n", ok ? "ok" : "FAILED", what.c_str());
  if (!ok) ++failures;
}

std::string env(const char* name, const char* fallback = "") {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? v : fallback;
}

std::string scrape(const std::string& hostport) {
  const auto colon = hostport.rfind(':');
  sockaddr_in sa{};
  sa.sin_family = AF_INET;
  sa.sin_port = htons(static_cast<std::uint16_t>(std::stoi(hostport.substr(colon + 1))));
  if (inet_pton(AF_INET, hostport.substr(0, colon).c_str(), &sa.sin_addr) != 1) return "";
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return "";
  std::string text;
  if (connect(fd, reinterpret_cast<sockaddr*>(&sa), sizeof sa) == 0) {
    const std::string request =
        "GET /metrics HTTP/1.1\r\nHost: " + hostport + "\r\nConnection: close\r\n\r\n";
    if (write(fd, request.data(), request.size()) == static_cast<ssize_t>(request.size())) {
      char buffer[65536];
      ssize_t n;
      while ((n = read(fd, buffer, sizeof buffer)) > 0) text.append(buffer, static_cast<std::size_t>(n));
    }
  }
  close(fd);
  return text;
}

// The sum of the samples of `name` whose labels contain every one of `labels`; -1: none.
double sample(const std::string& text, const std::string& name, const std::vector<std::string>& labels) {
  double sum = -1;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(name + "{", 0) != 0) continue;
    const auto end = line.find('}');
    if (end == std::string::npos) continue;
    const std::string head = line.substr(0, end);
    bool all = true;
    for (const auto& l : labels) all = all && head.find(l) != std::string::npos;
    if (all) sum = (sum < 0 ? 0 : sum) + std::stod(line.substr(end + 1));
  }
  return sum;
}

}  // namespace

int main() {
  if (env("TEMPORAL_ADDRESS").empty()) {
    std::printf("TEMPORAL_ADDRESS is not set: skipped\n");
    return 77;
  }
  temporal::RuntimeOptions bad;
  bad.metrics_prometheus_address = "localhost";
  bool refused = false;
  try {
    temporal::Runtime::init(bad);
  } catch (const temporal::InvalidArgumentError&) {
    refused = true;
  }
  check(refused, "a metrics address that is not ip:port is refused");
  check(temporal::Runtime::metrics_address().empty(), "no endpoint after a refused init");

  temporal::RuntimeOptions o;
  o.metrics_prometheus_address = "127.0.0.1:0";
  o.metrics_global_tags = {{"suite", "cpp"}};
  temporal::Runtime::init(o);
  const std::string address = temporal::Runtime::metrics_address();
  check(address.rfind("127.0.0.1:", 0) == 0, "the endpoint listens on 127.0.0.1: " + address);

  temporal::ClientOptions co;
  co.address = env("TEMPORAL_ADDRESS");
  temporal::Client client = temporal::Client::connect(co);
  const auto stamp = std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
  for (int i = 0; i < 2; ++i) {
    temporal::StartWorkflowOptions so;
    so.id = "cpp-metrics-" + stamp + "-" + std::to_string(i);
    so.task_queue = env("TEMPORAL_TEST_TASK_QUEUE", "temporal-ffi-test");
    client.execute_workflow("Echo", so, "[1]").get();
  }
  bool not_found = false;
  try {
    client.describe_workflow_execution("cpp-metrics-no-such-workflow");
  } catch (const temporal::NotFoundError&) {
    not_found = true;
  }
  check(not_found, "describing a missing workflow throws NotFoundError");

  const std::string text = scrape(address);
  check(text.rfind("HTTP/1.1 200", 0) == 0, "the endpoint answers 200");
  const std::string start = "operation=\"StartWorkflowExecution\"";
  double v = sample(text, "temporal_request", {start, "namespace=\"default\"", "suite=\"cpp\""});
  check(v == 2, "temporal_request{StartWorkflowExecution} = " + std::to_string(v) + ", want 2");
  v = sample(text, "temporal_request_failure",
             {"operation=\"DescribeWorkflowExecution\"", "status_code=\"NOT_FOUND\""});
  check(v == 1, "temporal_request_failure{Describe,NOT_FOUND} = " + std::to_string(v) + ", want 1");
  v = sample(text, "temporal_request_latency_count", {start});
  check(v == 2, "temporal_request_latency_count{StartWorkflowExecution} = " + std::to_string(v));

  if (failures == 0) std::printf("ALL PASSED\n");
  return failures == 0 ? 0 : 1;
}
