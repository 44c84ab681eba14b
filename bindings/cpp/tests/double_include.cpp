// A second translation unit of test_temporal_cpp: the C++ header first, then the C header,
// then both again. Every definition in temporal.hpp must be inline for this to link.
#include "temporal.hpp"
#include "temporal.h"
#include "temporal.hpp"
#include "temporal.h"

#include <string>

std::string double_include_version() { return temporal::version(); }

bool double_include_error_is_error() {
  try {
    temporal::throw_error(temporal::ErrorCode::Unavailable, "from the other translation unit");
  } catch (const temporal::UnavailableError& e) {
    return e.code() == temporal::ErrorCode::Unavailable;
  } catch (...) {
  }
  return false;
}
