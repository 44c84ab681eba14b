// temporal.hpp must compile (and work) without nlohmann/json: built with
// TEMPORAL_FFI_NO_NLOHMANN_JSON, as on a system without the package.
#include "temporal.hpp"

#include <chrono>
#include <cstdio>
#include <stdexcept>

#if TEMPORAL_FFI_HAS_NLOHMANN_JSON
#error "TEMPORAL_FFI_NO_NLOHMANN_JSON did not disable nlohmann/json"
#endif

using namespace std::chrono_literals;

int main() {
  if (temporal::version() != TEMPORAL_FFI_VERSION) {
    std::fprintf(stderr, "version mismatch: %s\n", temporal::version().c_str());
    return 1;
  }
  try {
    temporal::check_library_version();
  } catch (const temporal::VersionMismatchError& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  try {
    temporal::WorkflowRun(nullptr).get(0ms);
    std::fprintf(stderr, "get(0ms) accepted\n");
    return 1;
  } catch (const std::invalid_argument&) {
  }
  try {
    temporal::Client(nullptr).get_workflow("x");
  } catch (const temporal::InvalidArgumentError& e) {
    std::printf("ok: %s\n", e.what());
    return 0;
  }
  return 1;
}
