// A C++ consumer of an installed temporal-ffi (temporal.hpp through find_package): runs
// Echo(["hi"]) on $TEMPORAL_TEST_TASK_QUEUE at $TEMPORAL_ADDRESS and checks the result.
#include <temporal.hpp>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <string>

#include <unistd.h>

int main(int argc, char** argv) {
  const std::string label = argc > 1 ? argv[1] : "cpp-consumer";
  const char* address = std::getenv("TEMPORAL_ADDRESS");
  const char* queue = std::getenv("TEMPORAL_TEST_TASK_QUEUE");
  if (address == nullptr || queue == nullptr) {
    std::cerr << label << ": TEMPORAL_ADDRESS and TEMPORAL_TEST_TASK_QUEUE must be set\n";
    return 2;
  }
  try {
    temporal::ClientOptions client_options;
    client_options.address = address;
    const temporal::Client client = temporal::Client::connect(client_options);
    temporal::StartWorkflowOptions options;
    options.id = "consumer-" + label + "-" + std::to_string(getpid()) + "-" +
                 std::to_string(std::time(nullptr));
    options.task_queue = queue;
    const std::string result =
        client.execute_workflow("Echo", options, R"(["hi"])").get(std::chrono::seconds(60));
    std::cout << label << ": temporal-ffi " << temporal::version() << ": Echo -> " << result << "\n";
    return result == "\"hi\"" ? 0 : 1;
  } catch (const temporal::Error& e) {
    std::cerr << label << ": " << e.what() << "\n";
    return 1;
  }
}
