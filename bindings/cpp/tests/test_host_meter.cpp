// The host meter from C++ (temporal::MetricMeter in ClientOptions::metric_meter) against a real
// Temporal dev server, as tests/c/test_metrics.c does from C: the client's request metrics
// (the Go SDK's temporal_request, temporal_request_failure, temporal_request_latency) are
// recorded into a meter that collects them. Without TEMPORAL_ADDRESS the tests are skipped.
//
// Bounds (environment, with defaults):
//   TEMPORAL_TEST_METER_STARTS       workflow starts (3)
//   TEMPORAL_TEST_METER_DESCRIBES    describes of a missing workflow ID (2)
//   TEMPORAL_TEST_METER_RELEASE_MS   how long the library may take to drop its copy of the
//                                    meter once the client is gone (5000)
#include "temporal.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace std::chrono_literals;

namespace {

std::string env_or(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && v[0] != '\0' ? v : fallback;
}

long env_long(const char* name, long fallback) {
  const std::string v = env_or(name, "");
  if (v.empty()) return fallback;
  char* end = nullptr;
  const long n = std::strtol(v.c_str(), &end, 10);
  if (*end != '\0' || n <= 0) throw std::invalid_argument(std::string(name) + " must be positive: " + v);
  return n;
}

struct Record {
  std::string name;
  temporal::MetricKind kind;
  std::int64_t integer = 0;
  double real = 0;
  std::chrono::nanoseconds duration{0};
  temporal::MetricAttributes attributes;
};

// Keeps every record; thread-safe, as the library records from its threads.
class CollectingMeter : public temporal::MetricMeter {
 public:
  class Instrument : public temporal::Metric {
   public:
    Instrument(CollectingMeter& meter, std::string name, temporal::MetricKind kind)
        : meter_(meter), name_(std::move(name)), kind_(kind) {}
    void record(std::int64_t value, const temporal::MetricAttributes& a) override {
      Record r{name_, kind_, value, 0, {}, a};
      meter_.add(std::move(r));
    }
    void record(double value, const temporal::MetricAttributes& a) override {
      Record r{name_, kind_, 0, value, {}, a};
      meter_.add(std::move(r));
    }
    void record(std::chrono::nanoseconds value, const temporal::MetricAttributes& a) override {
      Record r{name_, kind_, 0, 0, value, a};
      meter_.add(std::move(r));
    }

   private:
    CollectingMeter& meter_;
    std::string name_;
    temporal::MetricKind kind_;
  };

  std::shared_ptr<temporal::Metric> create_metric(const std::string& name, const std::string&,
                                                  const std::string&,
                                                  temporal::MetricKind kind) override {
    if (name == refused_name) throw std::runtime_error("create refused by the test");
    {
      std::lock_guard<std::mutex> lock(mu_);
      kinds_[name] = kind;
    }
    return std::make_shared<Instrument>(*this, name, kind);
  }

  void add(Record r) {
    if (r.name == throwing_name) throw std::runtime_error("record refused by the test");
    std::lock_guard<std::mutex> lock(mu_);
    threads_.insert(std::this_thread::get_id());
    records_.push_back(std::move(r));
  }

  // The sum of a counter's records whose tags include every string tag of `tags`.
  std::int64_t total(const std::string& name, const temporal::MetricAttributes& tags) const {
    std::int64_t sum = 0;
    for (const Record& r : matching(name, tags)) sum += r.integer;
    return sum;
  }

  std::vector<Record> matching(const std::string& name,
                               const temporal::MetricAttributes& tags) const {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<Record> out;
    for (const Record& r : records_) {
      if (r.name != name) continue;
      bool all = true;
      for (const auto& [key, value] : tags) {
        const auto it = r.attributes.find(key);
        if (it == r.attributes.end() || it->second != value) all = false;
      }
      if (all) out.push_back(r);
    }
    return out;
  }

  std::string dump() const {
    std::lock_guard<std::mutex> lock(mu_);
    std::string out;
    for (const Record& r : records_) {
      out += r.name + "{";
      for (const auto& [key, value] : r.attributes) {
        out += key + "=" + (std::holds_alternative<std::string>(value) ? std::get<std::string>(value) : "?") + ",";
      }
      out += "} ";
    }
    return out;
  }

  bool kind_is(const std::string& name, temporal::MetricKind kind) const {
    std::lock_guard<std::mutex> lock(mu_);
    const auto it = kinds_.find(name);
    return it != kinds_.end() && it->second == kind;
  }

  bool recorded_on(std::thread::id id) const {
    std::lock_guard<std::mutex> lock(mu_);
    return threads_.count(id) != 0;
  }

  std::string refused_name;
  std::string throwing_name;

 private:
  mutable std::mutex mu_;
  std::vector<Record> records_;
  std::map<std::string, temporal::MetricKind> kinds_;
  std::set<std::thread::id> threads_;
};

// Whether the library dropped its copy of the meter within the bound.
bool released(const std::weak_ptr<CollectingMeter>& meter) {
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(env_long("TEMPORAL_TEST_METER_RELEASE_MS", 5000));
  while (!meter.expired() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(20ms);
  }
  return meter.expired();
}

std::string unique(const std::string& what) {
  static const auto seed = std::random_device{}();
  static int n = 0;
  return "cpp-meter-" + what + "-" + std::to_string(seed) + "-" + std::to_string(n++);
}

class HostMeter : public ::testing::Test {
 protected:
  void SetUp() override {
    if (env_or("TEMPORAL_ADDRESS", "").empty()) GTEST_SKIP() << "TEMPORAL_ADDRESS is not set";
  }

  static temporal::ClientOptions options(std::shared_ptr<temporal::MetricMeter> meter) {
    temporal::ClientOptions o;
    o.address = env_or("TEMPORAL_ADDRESS", "");
    o.metric_meter = std::move(meter);
    return o;
  }

  static void describe_missing(const temporal::Client& client, long count) {
    const std::string id = unique("missing");
    for (long i = 0; i < count; ++i) {
      EXPECT_THROW(client.describe_workflow_execution(id), temporal::NotFoundError);
    }
  }
};

TEST_F(HostMeter, RequestCountsReachTheMeter) {
  const long starts = env_long("TEMPORAL_TEST_METER_STARTS", 3);
  const long describes = env_long("TEMPORAL_TEST_METER_DESCRIBES", 2);
  auto meter = std::make_shared<CollectingMeter>();
  const std::weak_ptr<CollectingMeter> weak = meter;
  {
    const temporal::Client client = temporal::Client::connect(options(meter));
    for (long i = 0; i < starts; ++i) {
      temporal::StartWorkflowOptions o;
      o.id = unique("start");
      o.task_queue = env_or("TEMPORAL_TEST_TASK_QUEUE", "temporal-ffi-test");
      o.execution_timeout = 30s;
      client.execute_workflow("Sleep", o, "[1]");
    }
    describe_missing(client, describes);
  }
  EXPECT_EQ(meter->total("temporal_request", {{"operation", std::string("StartWorkflowExecution")},
                                              {"namespace", std::string("default")}}),
            starts)
      << meter->dump();
  EXPECT_EQ(meter->total("temporal_request", {{"operation", std::string("DescribeWorkflowExecution")}}),
            describes)
      << meter->dump();
  EXPECT_EQ(meter->total("temporal_request_failure",
                         {{"operation", std::string("DescribeWorkflowExecution")},
                          {"status_code", std::string("NOT_FOUND")}}),
            describes)
      << meter->dump();
  EXPECT_EQ(meter->total("temporal_request_failure", {{"operation", std::string("StartWorkflowExecution")}}), 0);
  EXPECT_TRUE(meter->kind_is("temporal_request", temporal::MetricKind::Counter));
  EXPECT_TRUE(meter->kind_is("temporal_request_latency", temporal::MetricKind::HistogramDuration));
  const std::vector<Record> latencies =
      meter->matching("temporal_request_latency", {{"operation", std::string("StartWorkflowExecution")}});
  EXPECT_EQ(static_cast<long>(latencies.size()), starts);
  for (const Record& r : latencies) {
    EXPECT_GT(r.duration, 0ns);
    EXPECT_LT(r.duration, 30s);
  }
  EXPECT_FALSE(meter->recorded_on(std::this_thread::get_id())) << "recorded on the caller's thread";

  meter.reset();
  EXPECT_TRUE(released(weak)) << "the library did not release the meter";
}

TEST_F(HostMeter, ExceptionsAreCaught) {
  const long describes = env_long("TEMPORAL_TEST_METER_DESCRIBES", 2);
  auto meter = std::make_shared<CollectingMeter>();
  meter->refused_name = "temporal_request_latency";
  meter->throwing_name = "temporal_request";
  const std::weak_ptr<CollectingMeter> weak = meter;
  const std::uint64_t before = temporal::metric_meter_errors();
  {
    const temporal::Client client = temporal::Client::connect(options(meter));
    describe_missing(client, describes);
  }
  // The refused latency histogram, and every throwing temporal_request record (the connect's
  // GetSystemInfo at least).
  EXPECT_GE(temporal::metric_meter_errors() - before, static_cast<std::uint64_t>(2));
  EXPECT_EQ(meter->total("temporal_request_failure",
                         {{"operation", std::string("DescribeWorkflowExecution")},
                          {"status_code", std::string("NOT_FOUND")}}),
            describes);
  meter.reset();
  EXPECT_TRUE(released(weak));
}

TEST_F(HostMeter, RefusedConnectReleasesTheMeter) {
  auto meter = std::make_shared<CollectingMeter>();
  const std::weak_ptr<CollectingMeter> weak = meter;
  temporal::ClientOptions dead = options(meter);
  dead.address = "127.0.0.1:1";
  dead.connect_timeout = temporal::Timeout(1s);
  EXPECT_THROW(temporal::Client::connect(dead), temporal::Error);

  temporal::ClientOptions both = options(meter);
  temporal_host_meter raw = temporal::detail::c_defaults(&temporal_host_meter_default);
  both.metrics_host_meter = &raw;
  EXPECT_THROW(temporal::Client::connect(both), temporal::InvalidArgumentError);

  meter.reset();
  dead.metric_meter.reset();
  both.metric_meter.reset();
  EXPECT_TRUE(released(weak));
}

}  // namespace
