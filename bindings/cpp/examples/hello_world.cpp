// hello_world: the Temporal hello-world template's starter, in C++ with temporal.hpp.
//
// Starts GreetingWorkflow("World") on task queue GREETING_TASK_QUEUE, waits for the result and
// prints it. A worker for that task queue must be running (tests/worker does it).
//
//   hello_world [ADDRESS]     ADDRESS: host:port; default $TEMPORAL_ADDRESS, else localhost:7233
#include <iostream>

#include "temporal.hpp"

int main(int argc, char** argv) {
  try {
    // Create the client object just once per process. Without an address the library loads
    // the environment configuration (TEMPORAL_ADDRESS...; EnvconfigMode::Auto, the default).
    temporal::ClientOptions client_options;
    if (argc > 1) client_options.address = argv[1];
    temporal::Client client = temporal::Client::connect(client_options);

    temporal::StartWorkflowOptions options;
    options.id = "greeting-workflow-cpp";
    options.task_queue = "GREETING_TASK_QUEUE";

    // The arguments are a JSON array: GreetingWorkflow(name string).
    temporal::WorkflowRun run = client.execute_workflow("GreetingWorkflow", options, R"(["World"])");
    // Waits as long as the workflow takes (the default Timeout); JSON text: "\"Hello World!\""
    const std::string result = run.get();

    std::cout << "\nWorkflowID: " << run.id() << " RunID: " << run.run_id() << "\n";
#if TEMPORAL_FFI_HAS_NLOHMANN_JSON
    std::cout << "\n" << nlohmann::json::parse(result).get<std::string>() << "\n\n";
#else
    std::cout << "\n" << result << "\n\n";
#endif
    return 0;
  } catch (const temporal::Error& e) {
    // e.what() is "<CODE>: <message>"; e.details_json() has the structured details.
    std::cerr << "hello_world: " << e.what() << "\n";
#if TEMPORAL_FFI_HAS_NLOHMANN_JSON
    // A failed workflow: the failure as the Go SDK prints it (the library's `display`).
    if (const std::string failure = e.failure_display(); !failure.empty()) {
      std::cerr << "failure: " << failure << "\n";
    }
#endif
    if (!e.details_json().empty()) std::cerr << "details: " << e.details_json() << "\n";
    return 1;
  } catch (const std::exception& e) {
    // VersionMismatchError: the loaded library is not one temporal.hpp works with.
    std::cerr << "hello_world: " << e.what() << "\n";
    return 1;
  }
}
