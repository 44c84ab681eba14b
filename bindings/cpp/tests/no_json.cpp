// temporal.hpp must compile (and work) without nlohmann/json: built with
// TEMPORAL_FFI_NO_NLOHMANN_JSON, as on a system without the package.
#include "temporal.hpp"

#include <cstdio>
#include <cstring>

#if TEMPORAL_FFI_HAS_NLOHMANN_JSON
#error "TEMPORAL_FFI_NO_NLOHMANN_JSON did not disable nlohmann/json"
#endif

int main() {
  if (temporal::version() != TEMPORAL_FFI_VERSION) {
    std::fprintf(stderr, "version mismatch: %s\n", temporal::version().c_str());
    return 1;
  }
  // count_workflow's minimal {"count": N} reader (without nlohmann/json).
  if (temporal::detail::parse_count(R"({"count": 42})") != 42 ||
      temporal::detail::parse_count(R"({"count":-7})") != -7) {
    std::fprintf(stderr, "parse_count\n");
    return 1;
  }
  try {
    temporal::detail::parse_count("{}");
    std::fprintf(stderr, "parse_count accepted {}\n");
    return 1;
  } catch (const temporal::Error&) {
  }
  try {
    temporal::Client(nullptr).get_workflow("x");
  } catch (const temporal::InvalidArgumentError& e) {
    std::printf("ok: %s\n", e.what());
    return 0;
  }
  return 1;
}
