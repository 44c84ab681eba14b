// Runtime::init with a log callback, then Runtime::shutdown with calls in flight (a future, a
// Call, a Call on a completion queue, a blocking wait). Its own executable (and CTest test): the
// runtime is process-wide and shutdown ends the library for the process. Exit 77 (skipped)
// without TEMPORAL_ADDRESS.
#include "temporal.hpp"

#include <poll.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace std::chrono_literals;

namespace {

int failures = 0;

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "FAILED: %s\n", what);
    ++failures;
  } else {
    std::printf("ok: %s\n", what);
  }
}

template <class E, class F>
bool throws(F&& f) {
  try {
    f();
  } catch (const E&) {
    return true;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "  unexpected exception: %s\n", e.what());
    return false;
  }
  return false;
}

std::string env(const char* name, const char* fallback = "") {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? v : fallback;
}

}  // namespace

int main() {
  if (env("TEMPORAL_ADDRESS").empty()) {
    std::printf("TEMPORAL_ADDRESS is not set: skipped\n");
    return 77;
  }
  std::mutex logs_mutex;
  std::vector<std::string> logs;

  temporal::RuntimeOptions bad;
  bad.log_level = static_cast<temporal::LogLevel>(99);
  check(throws<temporal::InvalidArgumentError>([&] { temporal::Runtime::init(bad); }),
        "init with a bad log level is refused");

  temporal::RuntimeOptions o;
  o.worker_threads = 2;
  o.log_level = temporal::LogLevel::Info;
  o.log_callback = [&](temporal::LogLevel level, const std::string& target,
                       const std::string& message) {
    std::lock_guard<std::mutex> lock(logs_mutex);
    logs.push_back(std::to_string(static_cast<int>(level)) + " " + target + " " + message);
  };
  temporal::Runtime::init(o);

  temporal::ClientOptions co;
  co.address = env("TEMPORAL_ADDRESS");
  temporal::Client client = temporal::Client::connect(co);
  {
    std::lock_guard<std::mutex> lock(logs_mutex);
    bool connected = false;
    for (const auto& l : logs) connected = connected || l.find("connected") != std::string::npos;
    check(connected, "the log callback received the connect event");
  }
  check(throws<temporal::InvalidArgumentError>([&] { temporal::Runtime::init(o); }),
        "init after use is refused");

  temporal::StartWorkflowOptions so;
  so.id = "cpp-shutdown-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
  so.task_queue = env("TEMPORAL_TEST_TASK_QUEUE", "temporal-ffi-test");
  so.execution_timeout = 60s;
  temporal::WorkflowRun run = client.execute_workflow("Block", so);

  // In flight: a future, a call, a call on a completion queue and a blocking wait on another
  // thread.
  std::future<std::string> future = run.get_async();
  temporal::Call<std::string> call = run.get_call();
  temporal::CompletionQueue queue;
  temporal::Call<std::string> queued =
      run.get_call(temporal::CallOptions(temporal::Timeout(), &queue));
  std::future<void> blocking = std::async(std::launch::async, [&] { run.get(); });
  std::this_thread::sleep_for(300ms);
  check(!call.is_done() && !queued.is_done(), "the calls are in flight before the shutdown");

  const auto t0 = std::chrono::steady_clock::now();
  temporal::Runtime::shutdown(2000ms);
  check(std::chrono::steady_clock::now() - t0 < 3s, "shutdown returns promptly");

  check(future.wait_for(5s) == std::future_status::ready &&
            throws<temporal::CanceledError>([&] { future.get(); }),
        "the future ends with CanceledError");
  check(call.wait_for(5s) && throws<temporal::CanceledError>([&] { call.get(); }),
        "the call ends with CanceledError");
  pollfd p{queue.fd(), POLLIN, 0};
  check(::poll(&p, 1, 5000) == 1 && queue.next() == queued.native_handle() &&
            queue.next() == nullptr && throws<temporal::CanceledError>([&] { queued.get(); }),
        "the queued call is posted, with CanceledError");
  check(blocking.wait_for(5s) == std::future_status::ready &&
            throws<temporal::CanceledError>([&] { blocking.get(); }),
        "the blocking wait ends with CanceledError");

  check(throws<temporal::ShutdownError>([&] { client.execute_workflow("Echo", so, "[1]"); }),
        "later calls throw ShutdownError");
  check(throws<temporal::ShutdownError>([&] { run.get_async().get(); }),
        "later futures hold ShutdownError");
  check(throws<temporal::ShutdownError>([&] { client.query_workflow(so.id, "", "x"); }),
        "later query throws ShutdownError");
  check(throws<temporal::ShutdownError>([&] { run.get_call(); }),
        "later calls are refused with ShutdownError");
  temporal::Runtime::shutdown();  // a second shutdown is a no-op
  // The handles stay valid to read and destroy.
  check(throws<temporal::CanceledError>([&] { call.get(); }), "a completed call stays readable");

  std::printf(failures == 0 ? "ALL PASSED\n" : "%d FAILURE(S)\n", failures);
  return failures == 0 ? 0 : 1;
}
