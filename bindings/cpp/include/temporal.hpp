// temporal.hpp: header-only C++17 wrapper over temporal.h, the C API of temporal-ffi.
//
// A thin layer: every operation is one C call; all Temporal behaviour lives in the library.
// What it adds is C++ ownership, error handling and std::chrono:
//  - `temporal::Client`, `temporal::WorkflowRun`, `temporal::UpdateHandle`,
//    `temporal::Call<T>` and `temporal::CompletionQueue` are move-only RAII handles (freed with
//    their C _free function in the destructor). A moved-from object holds no handle:
//    destroying or assigning to it is safe, and calling a method that needs the handle throws
//    `InvalidArgumentError` (the library's answer to a NULL handle).
//  - `temporal::ScheduleHandle` (Client::create_schedule / get_schedule_handle) is a copyable
//    schedule ID with its Client's handle, not an owner: use it while that Client lives.
//  - Every C error becomes an exception derived from `temporal::Error` (itself a
//    std::runtime_error); its what() is "<CODE_NAME>: <message>", the name coming from
//    temporal_error_code_name.
//  - Results and arguments are JSON text (std::string), exactly as in the C API. When
//    <nlohmann/json.hpp> is available (and TEMPORAL_FFI_NO_NLOHMANN_JSON is not defined),
//    `WorkflowRun::get_as<T>()`, an `execute_workflow` overload taking nlohmann::json arguments,
//    `ActivityCompletion` and `record_activity_heartbeat` overloads taking nlohmann::json
//    results and details, `Error::details()` and `Error::failure_display()` are available too.
//  - Where JSON does not fit, arguments and results can be payloads instead
//    (`temporal::Payload`: metadata and bytes, e.g. "binary/plain"): CallOptions::args_payloads,
//    workflow_args_payloads and result_as_payloads (read with Call::payloads()). A
//    `temporal::PayloadCodec` in ClientOptions::payload_codec encodes every payload a call
//    sends and decodes every one it reads (the Go SDK's CodecDataConverter), e.g. encryption.
//
// Calls: every operation that talks to the server starts one C call, `temporal::Call<T>`
// (a temporal_call). `op_async(..., CallOptions)` returns it: wait() / wait_for() for it,
// cancel() it, get() its typed result (or the exception). The blocking `op(..., Timeout)` is
// exactly `op_async(..., timeout).get()`. `WorkflowRun::get_async()` gives a std::future,
// completed from the same call by the library (no thread waits for it). A `CompletionQueue`
// in the CallOptions lets an event loop poll one file descriptor for many calls.
//
// Timeouts (`temporal::Timeout`), one vocabulary for every operation and wait:
//  - `Timeout()` (or `{}`, the default argument): the operation's own default, which temporal.h
//    documents per operation (10 s for one request to the server; no limit for waiting on a
//    workflow's result or an update);
//  - `Timeout::none()`: no limit;
//  - a positive std::chrono duration (e.g. `30s`, `250ms`), rounded up to whole milliseconds.
//  A zero or negative duration is refused with std::invalid_argument when the Timeout is made
//  (at the call site, before anything is started): zero is not "no limit" and not "return at
//  once". A timeout that passes is DeadlineExceededError, never CanceledError (that is only
//  Call::cancel or Runtime::shutdown).
//
// Version: the first Client::connect (and Runtime::init) compares temporal_version() with the
// version this header was written for (`binding_version`, "0.2") and throws
// VersionMismatchError naming both if they are incompatible (0.x: same major and minor).
//
// Thread safety is the C API's: a Client and a WorkflowRun may be used from any number of
// threads at once (all their methods are const); destroy them only when no other thread is
// inside one of their calls. A Call may be waited on and canceled from several threads at once;
// destroy it only when no other thread uses it. Calls in flight do not need the Client or
// WorkflowRun they were started from: either may be destroyed before the call completes.
//
// Runtime: temporal::Runtime::init (before the first other call) and Runtime::shutdown.
//
// Build: add the directory of this file and of temporal.h to the include path (they are
// installed side by side) and link libtemporal_ffi.
#ifndef TEMPORAL_FFI_HPP
#define TEMPORAL_FFI_HPP

#pragma once

#include "temporal.h"

#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#if !defined(TEMPORAL_FFI_NO_NLOHMANN_JSON) && defined(__has_include)
#if __has_include(<nlohmann/json.hpp>)
#include <nlohmann/json.hpp>
#define TEMPORAL_FFI_HAS_NLOHMANN_JSON 1
#endif
#endif
#ifndef TEMPORAL_FFI_HAS_NLOHMANN_JSON
#define TEMPORAL_FFI_HAS_NLOHMANN_JSON 0
#endif

namespace temporal {

// ---------------------------------------------------------------------------------------------
// Version

/// The version of the library loaded at run time, e.g. "0.2.0" (compare with
/// `header_version`, the version of the headers compiled in).
inline std::string version() { return temporal_version(); }

/// The version of temporal.h this program was compiled against.
inline constexpr const char* header_version = TEMPORAL_FFI_VERSION;

/// The library version this header was written for (MAJOR.MINOR). A 0.x library must have
/// the same major and minor; from 1.0, the same major and at least this minor.
inline constexpr const char* binding_version = "0.2";

/// The loaded library is not a version this header works with.
class VersionMismatchError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

namespace detail {

// "MAJOR.MINOR" followed by nothing or by a non-digit (".PATCH", "-rc1"...).
inline bool parse_major_minor(const char* text, unsigned long& major, unsigned long& minor) {
  if (text == nullptr || !std::isdigit(static_cast<unsigned char>(text[0]))) return false;
  char* end = nullptr;
  major = std::strtoul(text, &end, 10);
  if (*end != '.' || !std::isdigit(static_cast<unsigned char>(end[1]))) return false;
  minor = std::strtoul(end + 1, &end, 10);
  return !std::isdigit(static_cast<unsigned char>(*end));
}

// Throws VersionMismatchError unless a library of version `library` serves a binding written
// for `binding`.
inline void check_version(const char* library, const char* binding) {
  unsigned long library_major = 0, library_minor = 0, binding_major = 0, binding_minor = 0;
  bool compatible = parse_major_minor(library, library_major, library_minor) &&
                    parse_major_minor(binding, binding_major, binding_minor);
  if (compatible) {
    compatible = binding_major == 0
                     ? library_major == 0 && library_minor == binding_minor
                     : library_major == binding_major && library_minor >= binding_minor;
  }
  if (compatible) return;
  const std::string wanted = binding != nullptr ? binding : "?";
  const std::string rule = binding_major == 0 ? "a " + wanted + ".x library"
                                              : "a " + std::to_string(binding_major) +
                                                    ".y library with y >= " +
                                                    std::to_string(binding_minor);
  throw VersionMismatchError("temporal.hpp was written for temporal-ffi " + wanted +
                             " and needs " + rule + ", but the loaded libtemporal_ffi is " +
                             (library != nullptr ? library : "(no version)"));
}

}  // namespace detail

/// Throws VersionMismatchError if the loaded library (temporal_version()) is not one this
/// header works with. Client::connect and Runtime::init call it; call it yourself to check
/// earlier.
inline void check_library_version() {
  detail::check_version(temporal_version(), binding_version);
}

namespace detail {
// check_library_version once per process: a function-local static, so a failed check (which
// leaves it uninitialised) throws again at the next attempt.
inline void ensure_library_version() {
  static const bool checked = (check_library_version(), true);
  (void)checked;
}
}  // namespace detail

// ---------------------------------------------------------------------------------------------
// Errors

/// temporal_error_code, with the same numeric values.
enum class ErrorCode : std::int32_t {
  Ok = TEMPORAL_ERROR_CODE_OK,
  InvalidArgument = TEMPORAL_ERROR_CODE_INVALID_ARGUMENT,
  NotFound = TEMPORAL_ERROR_CODE_NOT_FOUND,
  AlreadyStarted = TEMPORAL_ERROR_CODE_ALREADY_STARTED,
  WorkflowFailed = TEMPORAL_ERROR_CODE_WORKFLOW_FAILED,
  WorkflowCanceled = TEMPORAL_ERROR_CODE_WORKFLOW_CANCELED,
  WorkflowTerminated = TEMPORAL_ERROR_CODE_WORKFLOW_TERMINATED,
  WorkflowTimedOut = TEMPORAL_ERROR_CODE_WORKFLOW_TIMED_OUT,
  Unavailable = TEMPORAL_ERROR_CODE_UNAVAILABLE,
  DeadlineExceeded = TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED,
  PermissionDenied = TEMPORAL_ERROR_CODE_PERMISSION_DENIED,
  Payload = TEMPORAL_ERROR_CODE_PAYLOAD,
  Canceled = TEMPORAL_ERROR_CODE_CANCELED,
  Rpc = TEMPORAL_ERROR_CODE_RPC,
  Internal = TEMPORAL_ERROR_CODE_INTERNAL,
  UpdateFailed = TEMPORAL_ERROR_CODE_UPDATE_FAILED,
  QueryFailed = TEMPORAL_ERROR_CODE_QUERY_FAILED,
  Shutdown = TEMPORAL_ERROR_CODE_SHUTDOWN,
  QueryRejected = TEMPORAL_ERROR_CODE_QUERY_REJECTED,
  AlreadyExists = TEMPORAL_ERROR_CODE_ALREADY_EXISTS,
};

/// The code's name without prefix, e.g. "NOT_FOUND" ("UNKNOWN" for a value that is no code),
/// from temporal_error_code_name.
inline std::string error_code_name(ErrorCode code) {
  return temporal_error_code_name(static_cast<std::int32_t>(code));
}

/// Any error from the library. what() is "<CODE_NAME>: <message>".
class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message, std::string details_json = {})
      : std::runtime_error(error_code_name(code) + ": " + message),
        code_(code),
        message_(std::make_shared<const std::string>(message)),
        details_(std::make_shared<const std::string>(std::move(details_json))) {}

  /// The error code (temporal_error_get_code).
  ErrorCode code() const noexcept { return code_; }
  /// The library's message, without the code name (temporal_error_get_message). For a failed
  /// workflow or update it already ends with the failure's text, as the Go SDK prints it.
  const std::string& message() const noexcept { return *message_; }
  /// The details as JSON object text, or "" when the error has none
  /// (temporal_error_get_details; temporal.h lists the keys per code).
  const std::string& details_json() const noexcept { return *details_; }

#if TEMPORAL_FFI_HAS_NLOHMANN_JSON
  /// The details parsed; an empty object when there are none.
  nlohmann::json details() const {
    return details_->empty() ? nlohmann::json::object() : nlohmann::json::parse(*details_);
  }
  /// The failure's text, as the Go SDK's Error() prints it (cause chain included): the
  /// details' `failure.display`, else their `display` (a workflow that was canceled, terminated
  /// or timed out has no failure); "" when the error has neither.
  std::string failure_display() const {
    const nlohmann::json d = details();
    const auto failure = d.find("failure");
    if (failure != d.end() && failure->is_object() && failure->contains("display")) {
      return failure->value("display", std::string());
    }
    return d.value("display", std::string());
  }
#endif

 private:
  ErrorCode code_;
  // shared_ptr: exception objects must copy without throwing.
  std::shared_ptr<const std::string> message_;
  std::shared_ptr<const std::string> details_;
};

#define TEMPORAL_FFI_DEFINE_ERROR(Name, Base)                                 \
  class Name : public Base {                                                  \
   public:                                                                    \
    using Base::Base;                                                         \
  };

TEMPORAL_FFI_DEFINE_ERROR(InvalidArgumentError, Error)
TEMPORAL_FFI_DEFINE_ERROR(NotFoundError, Error)
TEMPORAL_FFI_DEFINE_ERROR(AlreadyStartedError, Error)
/// Base of the four ways a workflow execution can end unsuccessfully.
TEMPORAL_FFI_DEFINE_ERROR(WorkflowExecutionError, Error)
TEMPORAL_FFI_DEFINE_ERROR(WorkflowFailedError, WorkflowExecutionError)
TEMPORAL_FFI_DEFINE_ERROR(WorkflowCanceledError, WorkflowExecutionError)
TEMPORAL_FFI_DEFINE_ERROR(WorkflowTerminatedError, WorkflowExecutionError)
TEMPORAL_FFI_DEFINE_ERROR(WorkflowTimedOutError, WorkflowExecutionError)
TEMPORAL_FFI_DEFINE_ERROR(UnavailableError, Error)
/// A timeout passed: the call's own, or the wait's.
TEMPORAL_FFI_DEFINE_ERROR(DeadlineExceededError, Error)
TEMPORAL_FFI_DEFINE_ERROR(PayloadError, Error)
/// The call was canceled (Call::cancel, or Runtime::shutdown with the call in flight); never
/// a timeout.
TEMPORAL_FFI_DEFINE_ERROR(CanceledError, Error)
/// A workflow update was rejected by its validator or its handler failed (details: `failure`).
TEMPORAL_FFI_DEFINE_ERROR(UpdateFailedError, Error)
/// A query failed in the workflow's handler.
TEMPORAL_FFI_DEFINE_ERROR(QueryFailedError, Error)
/// A query refused by its reject condition (QueryOptions::reject_condition); details:
/// `{"status": "COMPLETED"}`, the workflow's status.
TEMPORAL_FFI_DEFINE_ERROR(QueryRejectedError, Error)
/// The library was shut down (Runtime::shutdown), or is used in a child after fork().
TEMPORAL_FFI_DEFINE_ERROR(ShutdownError, Error)
/// What the call would create exists already: a schedule with this ID (details: `schedule_id`).
TEMPORAL_FFI_DEFINE_ERROR(AlreadyExistsError, Error)

#undef TEMPORAL_FFI_DEFINE_ERROR

/// Throws the exception class that matches `code` (PERMISSION_DENIED, RPC, INTERNAL and
/// unknown codes: plain `Error`).
[[noreturn]] inline void throw_error(ErrorCode code, const std::string& message,
                                     std::string details_json = {}) {
  switch (code) {
    case ErrorCode::InvalidArgument:
      throw InvalidArgumentError(code, message, std::move(details_json));
    case ErrorCode::NotFound:
      throw NotFoundError(code, message, std::move(details_json));
    case ErrorCode::AlreadyStarted:
      throw AlreadyStartedError(code, message, std::move(details_json));
    case ErrorCode::WorkflowFailed:
      throw WorkflowFailedError(code, message, std::move(details_json));
    case ErrorCode::WorkflowCanceled:
      throw WorkflowCanceledError(code, message, std::move(details_json));
    case ErrorCode::WorkflowTerminated:
      throw WorkflowTerminatedError(code, message, std::move(details_json));
    case ErrorCode::WorkflowTimedOut:
      throw WorkflowTimedOutError(code, message, std::move(details_json));
    case ErrorCode::Unavailable:
      throw UnavailableError(code, message, std::move(details_json));
    case ErrorCode::DeadlineExceeded:
      throw DeadlineExceededError(code, message, std::move(details_json));
    case ErrorCode::Payload:
      throw PayloadError(code, message, std::move(details_json));
    case ErrorCode::Canceled:
      throw CanceledError(code, message, std::move(details_json));
    case ErrorCode::UpdateFailed:
      throw UpdateFailedError(code, message, std::move(details_json));
    case ErrorCode::QueryFailed:
      throw QueryFailedError(code, message, std::move(details_json));
    case ErrorCode::QueryRejected:
      throw QueryRejectedError(code, message, std::move(details_json));
    case ErrorCode::Shutdown:
      throw ShutdownError(code, message, std::move(details_json));
    case ErrorCode::AlreadyExists:
      throw AlreadyExistsError(code, message, std::move(details_json));
    default:
      throw Error(code, message, std::move(details_json));
  }
}

/// Throws the `temporal::Error` subclass for a C error the caller does not own (the one
/// temporal_call_get_error lends). `error` must not be NULL.
[[noreturn]] inline void throw_error_from(const temporal_error* error) {
  const char* details = temporal_error_get_details(error);
  throw_error(static_cast<ErrorCode>(temporal_error_get_code(error)),
              temporal_error_get_message(error), details != nullptr ? details : "");
}

/// Does nothing for NULL; otherwise frees `error` (always, even if building the exception
/// throws) and throws the matching `temporal::Error` subclass.
inline void throw_if_error(temporal_error* error) {
  if (error == nullptr) return;
  struct Free {
    void operator()(temporal_error* e) const noexcept { temporal_error_free(e); }
  };
  // The exception copies what it needs before the unwinding frees the error.
  std::unique_ptr<temporal_error, Free> owned(error);
  throw_error_from(error);
}

// ---------------------------------------------------------------------------------------------
// Timeouts

/// A timeout: the operation's default (`Timeout()`), no limit (`Timeout::none()`) or a positive
/// duration. See the top of this file.
class Timeout {
 public:
  /// The operation's default (TEMPORAL_TIMEOUT_DEFAULT), as temporal.h documents it for each
  /// operation.
  constexpr Timeout() noexcept = default;

  /// A positive duration, rounded up to whole milliseconds (so 1us is 1 ms, never "default").
  /// Zero, negative (or NaN): std::invalid_argument. Longer than TEMPORAL_MAX_DURATION_MS
  /// (100 years): passed on as too long, so the operation refuses it with InvalidArgumentError.
  /// Implicit, so that `run.get(30s)` reads as it should.
  template <class Rep, class Period>
  Timeout(std::chrono::duration<Rep, Period> duration)  // NOLINT(google-explicit-constructor)
      : ms_(to_c_ms(duration)) {}

  /// No limit (TEMPORAL_TIMEOUT_NONE).
  static constexpr Timeout none() noexcept { return Timeout(TEMPORAL_TIMEOUT_NONE, Raw{}); }

  /// The C `timeout_ms` value.
  constexpr std::uint64_t ms() const noexcept { return ms_; }

  friend constexpr bool operator==(Timeout a, Timeout b) noexcept { return a.ms_ == b.ms_; }
  friend constexpr bool operator!=(Timeout a, Timeout b) noexcept { return a.ms_ != b.ms_; }

 private:
  struct Raw {};
  constexpr Timeout(std::uint64_t ms, Raw) noexcept : ms_(ms) {}

  template <class Rep, class Period>
  static std::uint64_t to_c_ms(std::chrono::duration<Rep, Period> d) {
    if (!(d > std::chrono::duration<Rep, Period>::zero())) {
      throw std::invalid_argument(
          "temporal::Timeout: a timeout must be a positive duration (temporal::Timeout() is the "
          "operation's default, temporal::Timeout::none() is no limit)");
    }
    // Compared in floating point: converting a huge duration to milliseconds could overflow.
    if (std::chrono::duration<long double, std::milli>(d).count() >
        static_cast<long double>(TEMPORAL_MAX_DURATION_MS)) {
      return TEMPORAL_MAX_DURATION_MS + 1;
    }
    return static_cast<std::uint64_t>(
        std::chrono::ceil<std::chrono::milliseconds>(d).count());
  }

  std::uint64_t ms_ = TEMPORAL_TIMEOUT_DEFAULT;
};

// ---------------------------------------------------------------------------------------------
// Options

namespace detail {

// A C options struct filled with its defaults by its _default function, which also sets `size`
// to this header's sizeof (so the library reads exactly the fields this header knows).
template <class T>
T c_defaults(bool (*fill)(T*, std::size_t)) {
  T c;
  if (!fill(&c, sizeof c)) {
    throw_error(ErrorCode::Internal,
                "an options struct _default function refused this header's struct size");
  }
  return c;
}

// Option durations (workflow timeouts, retry intervals): 0 means "not set".
inline std::uint64_t to_ms(std::chrono::milliseconds d, const char* what) {
  if (d.count() < 0) {
    throw_error(ErrorCode::InvalidArgument, std::string(what) + " must not be negative");
  }
  return static_cast<std::uint64_t>(d.count());
}

// NULL for "" (the C API treats both as "not set").
inline const char* c_str_or_null(const std::string& s) { return s.empty() ? nullptr : s.c_str(); }

// A JSON string literal (for the few C fields that take JSON built from C++ containers).
inline void append_json_string(std::string& out, const std::string& s) {
  out += '"';
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

inline std::string json_string_array(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    append_json_string(out, items[i]);
  }
  return out + "]";
}

inline std::string json_string_object(const std::map<std::string, std::string>& items) {
  std::string out = "{";
  bool first = true;
  for (const auto& [key, value] : items) {
    if (!first) out += ',';
    first = false;
    append_json_string(out, key);
    out += ':';
    append_json_string(out, value);
  }
  return out + "}";
}

}  // namespace detail

// ---------------------------------------------------------------------------------------------
// Payloads

struct Payload;

namespace detail {

struct PayloadsFree {
  void operator()(temporal_payloads* p) const noexcept { temporal_payloads_free(p); }
};
using PayloadsPtr = std::unique_ptr<temporal_payloads, PayloadsFree>;

inline PayloadsPtr new_payloads() {
  temporal_payloads* list = nullptr;
  throw_if_error(temporal_payloads_new(&list));
  return PayloadsPtr(list);
}

inline void append_payload(temporal_payloads* list, const Payload& payload);
inline Payload payload_at(const temporal_payloads* list, std::size_t index);

}  // namespace detail

/// One payload (temporal.api.common.v1.Payload): metadata (name -> bytes, e.g. "encoding" ->
/// "json/plain") and data bytes. A plain value; its conversions are the library's
/// (temporal_payloads_*), so they read and write exactly what the Go SDK's default converter
/// does. Used by PayloadCodec, CallOptions::args_payloads and Call::payloads().
struct Payload {
  std::map<std::string, std::vector<std::uint8_t>> metadata;
  std::vector<std::uint8_t> data;

  /// One JSON value as the default converter writes it: "json/plain" holding its compact JSON,
  /// "binary/null" for null (temporal_payloads_push_json). Not one JSON value:
  /// InvalidArgumentError.
  static Payload from_json(const std::string& json_value) {
    detail::PayloadsPtr list = detail::new_payloads();
    throw_if_error(temporal_payloads_push_json(list.get(), json_value.c_str()));
    return detail::payload_at(list.get(), 0);
  }

  /// The payload read as the default converter reads it (json/plain, json/protobuf,
  /// binary/null, binary/plain as a base64 JSON string), as JSON text
  /// (temporal_payloads_get_json). Another encoding: PayloadError naming it.
  std::string to_json() const {
    detail::PayloadsPtr list = detail::new_payloads();
    detail::append_payload(list.get(), *this);
    char* json = nullptr;
    throw_if_error(temporal_payloads_get_json(list.get(), 0, &json));
    struct Free {
      void operator()(char* s) const noexcept { temporal_string_free(s); }
    };
    const std::unique_ptr<char, Free> owned(json);
    return json != nullptr ? json : "";
  }

  /// The protobuf encoding, metadata included (temporal_payloads_get_proto): what a codec that
  /// wraps whole payloads (encryption, compression) seals.
  std::vector<std::uint8_t> to_proto() const {
    detail::PayloadsPtr list = detail::new_payloads();
    detail::append_payload(list.get(), *this);
    std::uint8_t* bytes = nullptr;
    std::size_t size = 0;
    throw_if_error(temporal_payloads_get_proto(list.get(), 0, &bytes, &size));
    std::vector<std::uint8_t> out;
    try {
      out.assign(bytes, bytes + size);
    } catch (...) {
      temporal_bytes_free(bytes, size);
      throw;
    }
    temporal_bytes_free(bytes, size);
    return out;
  }

  /// The payload whose protobuf encoding is `bytes` (temporal_payloads_push_proto): how such a
  /// codec reads back what it unsealed. Bytes that are not one: PayloadError.
  static Payload from_proto(const std::uint8_t* bytes, std::size_t size) {
    detail::PayloadsPtr list = detail::new_payloads();
    throw_if_error(temporal_payloads_push_proto(list.get(), bytes, size));
    return detail::payload_at(list.get(), 0);
  }
  static Payload from_proto(const std::vector<std::uint8_t>& bytes) {
    return from_proto(bytes.data(), bytes.size());
  }

  friend bool operator==(const Payload& a, const Payload& b) {
    return a.metadata == b.metadata && a.data == b.data;
  }
  friend bool operator!=(const Payload& a, const Payload& b) { return !(a == b); }
};

namespace detail {

inline void append_payload(temporal_payloads* list, const Payload& payload) {
  throw_if_error(temporal_payloads_push(list, payload.data.data(), payload.data.size()));
  // The payload just pushed is the last one of the list.
  const std::size_t index = temporal_payloads_len(list) - 1;
  for (const auto& [key, value] : payload.metadata) {
    // The C key is NUL-terminated: a key with a NUL in it would be sent cut short.
    if (key.find('\0') != std::string::npos) {
      throw_error(ErrorCode::InvalidArgument, "a payload metadata key contains a NUL byte");
    }
    throw_if_error(
        temporal_payloads_set_metadata(list, index, key.c_str(), value.data(), value.size()));
  }
}

inline Payload payload_at(const temporal_payloads* list, std::size_t index) {
  Payload p;
  const std::uint8_t* data = nullptr;
  std::size_t size = 0;
  throw_if_error(temporal_payloads_get_data(list, index, &data, &size));
  if (size != 0) p.data.assign(data, data + size);
  const std::size_t entries = temporal_payloads_metadata_len(list, index);
  for (std::size_t e = 0; e < entries; ++e) {
    const char* key = nullptr;
    const std::uint8_t* value = nullptr;
    std::size_t value_size = 0;
    throw_if_error(temporal_payloads_get_metadata_at(list, index, e, &key, &value, &value_size));
    p.metadata.emplace(key != nullptr ? key : "",
                       value_size != 0 ? std::vector<std::uint8_t>(value, value + value_size)
                                       : std::vector<std::uint8_t>());
  }
  return p;
}

// The C list of `payloads` (the library copies it where it takes one).
inline PayloadsPtr payloads_to_c(const std::vector<Payload>& payloads) {
  PayloadsPtr list = new_payloads();
  for (const Payload& p : payloads) append_payload(list.get(), p);
  return list;
}

inline std::vector<Payload> payloads_from_c(const temporal_payloads* list) {
  std::vector<Payload> out;
  const std::size_t count = temporal_payloads_len(list);
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) out.push_back(payload_at(list, i));
  return out;
}

}  // namespace detail

/// A payload codec: the Go SDK's converter.PayloadCodec, applied as its CodecDataConverter
/// applies one (see temporal_payload_codec in temporal.h). Give it in
/// ClientOptions::payload_codec. `encode` runs on every payload a call sends (workflow,
/// signal, query and update arguments, memo, activity results, heartbeat, failure and
/// terminate details), `decode` on every payload a call reads back (results, failure details,
/// memo). Search attributes and the Temporal header never pass through it.
///
/// Both are called on library threads, possibly several at once: they must be thread-safe,
/// and must not call a blocking library function (Client operations' blocking forms,
/// Call::get or wait: refused there). A thrown exception fails the operation with
/// PayloadError "payload codec encode failed: <what()>" (or "decode"); it never reaches the
/// library. Returning another number of payloads than given fails it too.
class PayloadCodec {
 public:
  virtual ~PayloadCodec() = default;

  /// Exactly one payload for each of `payloads`, in order.
  virtual std::vector<Payload> encode(const std::vector<Payload>& payloads) = 0;

  /// Exactly one payload for each of `payloads`, in order; a payload it does not recognise
  /// (one sent without the codec) passes through unchanged, as the Go samples' codecs do.
  virtual std::vector<Payload> decode(const std::vector<Payload>& payloads) = 0;
};

namespace detail {

// What the library's codec table points to: a copy of the shared_ptr, owned jointly by the
// library (until it calls `release`) and by the connect that hands it over (until that
// returns), so that it is freed exactly once whether the connect takes the table or not.
struct CodecBridge {
  std::shared_ptr<PayloadCodec> codec;
  std::atomic<int> owners{2};
};

// Drops `references` of the owners' references; the last one frees the bridge.
inline void codec_bridge_unref(CodecBridge* bridge, int references = 1) noexcept {
  if (bridge->owners.fetch_sub(references, std::memory_order_acq_rel) == references) {
    delete bridge;
  }
}

inline void codec_bridge_release(void* user_data) noexcept {
  codec_bridge_unref(static_cast<CodecBridge*>(user_data));
}

inline std::int32_t codec_bridge_fail(temporal_payloads* output, const char* message) noexcept {
  temporal_error_free(temporal_payloads_set_error(output, message));
  return 1;
}

// Nothing may unwind into the library: every exception becomes the failure's reason.
template <bool Encode>
std::int32_t codec_bridge_run(void* user_data, const temporal_payloads* input,
                              temporal_payloads* output) noexcept {
  try {
    PayloadCodec& codec = *static_cast<CodecBridge*>(user_data)->codec;
    const std::vector<Payload> in = payloads_from_c(input);
    const std::vector<Payload> out = Encode ? codec.encode(in) : codec.decode(in);
    for (const Payload& p : out) append_payload(output, p);
    return 0;
  } catch (const std::exception& e) {
    return codec_bridge_fail(output, e.what());
  } catch (...) {
    return codec_bridge_fail(output, "the payload codec threw a non-std::exception");
  }
}

}  // namespace detail

/// temporal_metric_kind: the instrument MetricMeter::create_metric makes, and what a record
/// into it means (a counter adds, a histogram observes, a gauge is set).
enum class MetricKind : std::int32_t {
  Counter = TEMPORAL_METRIC_KIND_COUNTER,                      ///< record(int64) adds
  Histogram = TEMPORAL_METRIC_KIND_HISTOGRAM,                  ///< record(int64) observes
  HistogramFloat = TEMPORAL_METRIC_KIND_HISTOGRAM_FLOAT,       ///< record(double) observes
  HistogramDuration = TEMPORAL_METRIC_KIND_HISTOGRAM_DURATION, ///< record(nanoseconds) observes
  Gauge = TEMPORAL_METRIC_KIND_GAUGE,                          ///< record(int64) sets
  GaugeFloat = TEMPORAL_METRIC_KIND_GAUGE_FLOAT,               ///< record(double) sets
  UpDownCounter = TEMPORAL_METRIC_KIND_UP_DOWN_COUNTER,        ///< record(int64) adds, signed
};

/// One tag value (temporal_metric_attribute): text, integer, float or bool.
using MetricAttributeValue = std::variant<std::string, std::int64_t, double, bool>;
/// The tags of a record, e.g. {"namespace": "default", "operation": "StartWorkflowExecution"}.
using MetricAttributes = std::map<std::string, MetricAttributeValue>;

/// An instrument made by MetricMeter::create_metric. Only the record of its kind is called
/// (see MetricKind); an unsigned value above INT64_MAX is given as INT64_MAX.
class Metric {
 public:
  virtual ~Metric() = default;
  virtual void record(std::int64_t value, const MetricAttributes& attributes) = 0;
  virtual void record(double value, const MetricAttributes& attributes) = 0;
  virtual void record(std::chrono::nanoseconds value, const MetricAttributes& attributes) = 0;
};

/// A host's metrics library (the Go SDK's MetricsHandler; see temporal_host_meter in
/// temporal.h). Give it in ClientOptions::metric_meter: the client's metrics are recorded
/// into it (temporal_request, temporal_request_failure, temporal_request_latency,
/// temporal_long_request*, tagged namespace, operation, status_code).
///
/// Called on library threads, possibly several at once: create_metric and every record must
/// be thread-safe and quick, and must not call the library. An exception they throw is
/// caught (the instrument is dropped, or the value), counted in metric_meter_errors() and
/// never reaches the library.
class MetricMeter {
 public:
  virtual ~MetricMeter() = default;
  /// The instrument `name` (prefixed, e.g. "temporal_request"); `unit` is "ns" for durations,
  /// `description` and `unit` may be "". nullptr: its values are dropped.
  virtual std::shared_ptr<Metric> create_metric(const std::string& name,
                                                const std::string& description,
                                                const std::string& unit, MetricKind kind) = 0;
};

namespace detail {

inline std::atomic<std::uint64_t> metric_meter_error_count{0};

// What the library's meter table points to: owned jointly by the library (until it calls
// `meter_free`) and by the connect that hands it over (until that returns), as CodecBridge.
struct MeterBridge {
  std::shared_ptr<MetricMeter> meter;
  std::atomic<int> owners{2};
};

inline void meter_bridge_unref(MeterBridge* bridge, int references = 1) noexcept {
  if (bridge->owners.fetch_sub(references, std::memory_order_acq_rel) == references) {
    delete bridge;
  }
}

inline void meter_bridge_free(void* user_data) noexcept {
  meter_bridge_unref(static_cast<MeterBridge*>(user_data));
}

inline std::string meter_text(const char* s) { return s != nullptr ? s : ""; }

// Nothing may unwind into the library: every callback catches everything.
inline void* meter_metric_new(void* user_data, const char* name, const char* description,
                              const char* unit, std::int32_t kind) noexcept {
  try {
    std::shared_ptr<Metric> metric = static_cast<MeterBridge*>(user_data)->meter->create_metric(
        meter_text(name), meter_text(description), meter_text(unit), static_cast<MetricKind>(kind));
    if (!metric) return nullptr;
    return new std::shared_ptr<Metric>(std::move(metric));
  } catch (...) {
    metric_meter_error_count.fetch_add(1, std::memory_order_relaxed);
    return nullptr;  // the instrument's values are dropped
  }
}

inline void meter_metric_free(void*, void* metric) noexcept {
  // A host's Metric destructor that throws would terminate: destructors are noexcept.
  delete static_cast<std::shared_ptr<Metric>*>(metric);
}

inline void* meter_attributes_new(void*, void* append_from,
                                  const temporal_metric_attribute* attributes,
                                  std::size_t count) noexcept {
  try {
    auto* tags = append_from != nullptr
                     ? new MetricAttributes(*static_cast<const MetricAttributes*>(append_from))
                     : new MetricAttributes();
    std::unique_ptr<MetricAttributes> owned(tags);
    for (std::size_t i = 0; i < count; ++i) {
      const temporal_metric_attribute& a = attributes[i];
      MetricAttributeValue value;
      switch (a.value_type) {
        case TEMPORAL_METRIC_VALUE_TYPE_STRING: value = meter_text(a.string_value); break;
        case TEMPORAL_METRIC_VALUE_TYPE_INT: value = a.int_value; break;
        case TEMPORAL_METRIC_VALUE_TYPE_FLOAT: value = a.float_value; break;
        case TEMPORAL_METRIC_VALUE_TYPE_BOOL: value = a.bool_value; break;
        default: continue;  // a value type newer than this header
      }
      (*tags)[meter_text(a.key)] = std::move(value);
    }
    return owned.release();
  } catch (...) {
    metric_meter_error_count.fetch_add(1, std::memory_order_relaxed);
    return nullptr;  // allowed: recorded without tags
  }
}

inline void meter_attributes_free(void*, void* attributes) noexcept {
  delete static_cast<MetricAttributes*>(attributes);
}

template <typename Value>
void meter_record(void* metric, Value value, void* attributes) noexcept {
  try {
    static const MetricAttributes no_tags;
    const MetricAttributes& tags =
        attributes != nullptr ? *static_cast<const MetricAttributes*>(attributes) : no_tags;
    (*static_cast<std::shared_ptr<Metric>*>(metric))->record(value, tags);
  } catch (...) {
    metric_meter_error_count.fetch_add(1, std::memory_order_relaxed);
  }
}

inline void meter_record_integer(void*, void* metric, std::uint64_t value,
                                 void* attributes) noexcept {
  const std::uint64_t top = static_cast<std::uint64_t>(INT64_MAX);
  meter_record(metric, static_cast<std::int64_t>(value > top ? top : value), attributes);
}

inline void meter_record_float(void*, void* metric, double value, void* attributes) noexcept {
  meter_record(metric, value, attributes);
}

inline void meter_record_duration(void*, void* metric, std::uint64_t nanoseconds,
                                  void* attributes) noexcept {
  const std::uint64_t top = static_cast<std::uint64_t>(INT64_MAX);
  meter_record(metric,
               std::chrono::nanoseconds(static_cast<std::int64_t>(nanoseconds > top ? top : nanoseconds)),
               attributes);
}

inline void meter_record_signed(void*, void* metric, std::int64_t value, void* attributes) noexcept {
  meter_record(metric, value, attributes);
}

}  // namespace detail

/// How many exceptions the MetricMeters of this process threw (each caught; the instrument
/// or the value dropped).
inline std::uint64_t metric_meter_errors() noexcept {
  return detail::metric_meter_error_count.load(std::memory_order_relaxed);
}

/// temporal_grpc_compression: request compression (gzip is the Go SDK's default, not ours).
enum class GrpcCompression : std::int32_t {
  None = TEMPORAL_GRPC_COMPRESSION_NONE,
  Gzip = TEMPORAL_GRPC_COMPRESSION_GZIP,
};

/// temporal_envconfig_mode: when connect loads the environment configuration (TEMPORAL_*
/// variables and the config file). The rule is the library's, the same in every binding.
enum class EnvconfigMode : std::int32_t {
  Auto = TEMPORAL_ENVCONFIG_MODE_AUTO,  ///< when `address` is not set (the default)
  On = TEMPORAL_ENVCONFIG_MODE_ON,      ///< always (fields set in the options still win)
  Off = TEMPORAL_ENVCONFIG_MODE_OFF,    ///< never
};

/// temporal_client_options. Empty strings mean "not set"; see temporal.h for each field.
struct ClientOptions {
  std::string address;  ///< host:port; not set: the envconfig address, else localhost:7233
  std::string namespace_name;
  std::string identity;
  std::string api_key;
  bool tls = false;
  std::string tls_server_ca_cert_pem;
  std::string tls_client_cert_pem;
  std::string tls_client_key_pem;
  std::string tls_server_name;
  bool tls_disable_host_verification = false;
  /// Extra gRPC metadata for every call.
  std::map<std::string, std::string> grpc_metadata;
  /// Dial + server check; default: 10 s (temporal.h's connect_timeout_ms).
  Timeout connect_timeout;
  EnvconfigMode envconfig = EnvconfigMode::Auto;
  std::optional<std::string> envconfig_profile;
  std::optional<std::string> envconfig_file;
  GrpcCompression grpc_compression = GrpcCompression::None;
  /// Where this client's metrics go (the Go SDK's MetricsHandler): a table of the host's
  /// callbacks, copied at connect; see temporal_host_meter in temporal.h. nullptr: the
  /// runtime's Prometheus endpoint (RuntimeOptions::metrics_prometheus_address), else none.
  /// For C++ hosts, metric_meter below; setting both is an InvalidArgumentError.
  const temporal_host_meter* metrics_host_meter = nullptr;
  /// Time between HTTP/2 keep-alive pings; 0: 30 s (the Go SDK's KeepAliveTime default).
  std::chrono::milliseconds keep_alive_interval{0};
  /// How long a ping may go unanswered before the connection is closed; 0: 15 s.
  std::chrono::milliseconds keep_alive_timeout{0};
  /// No keep-alive pings (the Go SDK's DisableKeepAliveCheck).
  bool keep_alive_disabled = false;
  /// An HTTP CONNECT proxy, host:port or unix:/path; "": connect directly (HTTPS_PROXY is not
  /// read).
  std::string proxy_address;
  /// The proxy's HTTP basic auth; the password never appears in an error.
  std::string proxy_basic_auth_user;
  std::string proxy_basic_auth_password;
  /// The payload codec of every call of this client and of the clients made from it
  /// (new_from_existing): the Go SDK's converter.NewCodecDataConverter; see PayloadCodec.
  /// The library holds a copy of the shared_ptr until the last client, run, update handle and
  /// call that uses the codec is gone (its `release`), so the last copy may be dropped, and
  /// the codec destroyed, on a library thread. nullptr: none.
  std::shared_ptr<PayloadCodec> payload_codec;
  /// Where this client's metrics go, as a C++ object (see MetricMeter): bridged to a
  /// temporal_host_meter. The library holds a copy of the shared_ptr until the last client
  /// using it (this one and those from new_from_existing) is gone and its calls are over
  /// (`meter_free`), so the last copy may be dropped on a library thread. nullptr: as
  /// metrics_host_meter says.
  std::shared_ptr<MetricMeter> metric_meter;
  /// The Go SDK's NewLazyClient (temporal_client_options.lazy): connect dials nothing and
  /// returns the Client at once (bad options are still refused at once); the first call that
  /// needs the server dials (within connect_timeout), and a dial that fails fails that call
  /// (UnavailableError or DeadlineExceededError) while the next call dials again.
  bool lazy = false;
};

/// temporal_workflow_id_reuse_policy.
enum class WorkflowIdReusePolicy : std::int32_t {
  Unspecified = TEMPORAL_WORKFLOW_ID_REUSE_POLICY_UNSPECIFIED,
  AllowDuplicate = TEMPORAL_WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE,
  AllowDuplicateFailedOnly = TEMPORAL_WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY,
  RejectDuplicate = TEMPORAL_WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE,
  TerminateIfRunning = TEMPORAL_WORKFLOW_ID_REUSE_POLICY_TERMINATE_IF_RUNNING,
};

/// temporal_workflow_id_conflict_policy.
enum class WorkflowIdConflictPolicy : std::int32_t {
  Unspecified = TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_UNSPECIFIED,
  Fail = TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_FAIL,
  UseExisting = TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING,
  TerminateExisting = TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING,
};

/// temporal_indexed_value_type: a typed search attribute's registered type.
enum class IndexedValueType : std::int32_t {
  Text = TEMPORAL_INDEXED_VALUE_TYPE_TEXT,
  Keyword = TEMPORAL_INDEXED_VALUE_TYPE_KEYWORD,
  Int = TEMPORAL_INDEXED_VALUE_TYPE_INT,
  Double = TEMPORAL_INDEXED_VALUE_TYPE_DOUBLE,
  Bool = TEMPORAL_INDEXED_VALUE_TYPE_BOOL,
  Datetime = TEMPORAL_INDEXED_VALUE_TYPE_DATETIME,
  KeywordList = TEMPORAL_INDEXED_VALUE_TYPE_KEYWORD_LIST,
};

/// temporal_search_attribute: one of the Go SDK's TypedSearchAttributes. `value_json` is the
/// value as JSON: a string for Text and Keyword, an integer for Int, a number for Double,
/// true/false for Bool, an RFC 3339 string for Datetime ("2026-01-02T03:04:05Z"), an array of
/// strings for KeywordList; another value is InvalidArgumentError, nothing sent.
struct SearchAttribute {
  std::string name;
  IndexedValueType type = IndexedValueType::Keyword;
  std::string value_json;
};

/// The Go SDK's worker.WorkerDeploymentVersion.
struct WorkerDeploymentVersion {
  std::string deployment_name;
  std::string build_id;
};

/// temporal_versioning_override: the kind of the Go SDK's VersioningOverride.
enum class VersioningOverrideKind : std::int32_t {
  None = TEMPORAL_VERSIONING_OVERRIDE_NONE,
  Pinned = TEMPORAL_VERSIONING_OVERRIDE_PINNED,            ///< PinnedVersioningOverride
  AutoUpgrade = TEMPORAL_VERSIONING_OVERRIDE_AUTO_UPGRADE,  ///< AutoUpgradeVersioningOverride
};

/// The Go SDK's VersioningOverride start option: VersioningOverride::pinned({"deployment",
/// "build-id"}) or VersioningOverride::auto_upgrade(); the default is none.
struct VersioningOverride {
  VersioningOverrideKind kind = VersioningOverrideKind::None;
  WorkerDeploymentVersion version;  ///< Pinned only (both fields required there)

  static VersioningOverride pinned(WorkerDeploymentVersion version) {
    return VersioningOverride{VersioningOverrideKind::Pinned, std::move(version)};
  }
  static VersioningOverride auto_upgrade() {
    return VersioningOverride{VersioningOverrideKind::AutoUpgrade, {}};
  }
};

/// temporal_retry_policy. Zero values mean "server default".
struct RetryPolicy {
  std::chrono::milliseconds initial_interval{0};
  double backoff_coefficient = 0.0;
  std::chrono::milliseconds maximum_interval{0};
  std::int32_t maximum_attempts = 0;  ///< 0: unlimited
  std::vector<std::string> non_retryable_error_types;
};

/// temporal_start_workflow_options. Empty strings and zero durations mean "not set" (these
/// are settings of the workflow, not timeouts of the call: see Timeout for those).
struct StartWorkflowOptions {
  std::string id;          ///< not set: a random UUID
  std::string task_queue;  ///< required
  std::chrono::milliseconds execution_timeout{0};
  std::chrono::milliseconds run_timeout{0};
  std::chrono::milliseconds task_timeout{0};
  WorkflowIdReusePolicy id_reuse_policy = WorkflowIdReusePolicy::Unspecified;
  WorkflowIdConflictPolicy id_conflict_policy = WorkflowIdConflictPolicy::Unspecified;
  /// false: starting an ID that is already running returns the running execution's run.
  /// true: it throws AlreadyStartedError.
  bool error_when_already_started = false;
  std::optional<RetryPolicy> retry_policy;
  std::string cron_schedule;
  std::string memo_json;               ///< a JSON object
  std::string search_attributes_json;  ///< a JSON object
  std::chrono::milliseconds start_delay{0};
  /// The Go SDK's StaticSummary (one line, Markdown allowed) and StaticDetails, shown in the UI.
  std::string static_summary;
  std::string static_details;
  /// The Go SDK's Priority: 1 (highest) to the server's maximum; 0 the default.
  std::int32_t priority_key = 0;
  /// Fairness between the keys of one task queue, in proportion to their weights (0: 1.0).
  std::string fairness_key;
  float fairness_weight = 0.0F;
  /// The Go SDK's TypedSearchAttributes: each value sent with its type (no name twice, nor in
  /// search_attributes_json too).
  std::vector<SearchAttribute> typed_search_attributes;
  /// The Go SDK's VersioningOverride; default: none.
  VersioningOverride versioning_override;
};

/// temporal_workflow_target_options: the Go SDK's CancelWorkflowOptions and
/// TerminateWorkflowOptions. Empty strings mean "not set".
struct WorkflowTargetOptions {
  std::string workflow_id;             ///< required
  std::string run_id;                  ///< not set: the current run
  std::string first_execution_run_id;  ///< the chain the current run must belong to
  std::string reason;
  std::string details_json;  ///< terminate only: a JSON array
};

/// temporal_update_stage (the Go SDK's WorkflowUpdateStage): what an update start waits for.
enum class UpdateStage : std::int32_t {
  /// Not set: refused with InvalidArgumentError, as the Go SDK refuses an unset WaitForStage.
  Unspecified = TEMPORAL_UPDATE_STAGE_UNSPECIFIED,
  /// Refused (InvalidArgumentError), as the Go SDK refuses it.
  Admitted = TEMPORAL_UPDATE_STAGE_ADMITTED,
  /// The validator accepted the update; UpdateHandle::get waits for the handler.
  Accepted = TEMPORAL_UPDATE_STAGE_ACCEPTED,
  /// The handler finished; UpdateHandle::get gives the outcome at once.
  Completed = TEMPORAL_UPDATE_STAGE_COMPLETED,
};

/// temporal_update_options (the Go SDK's UpdateWorkflowOptions, less the target, name and
/// arguments, which are the operation's own arguments). Empty strings mean "not set".
struct UpdateOptions {
  /// Makes the update idempotent (a second start with the same ID gets the same update).
  /// Not set: a new UUID, which UpdateHandle::id() gives.
  std::string update_id;
  /// Required, as in the Go SDK: Accepted or Completed.
  UpdateStage wait_for_stage = UpdateStage::Unspecified;
  /// The Run ID the workflow's chain must start with (Go's FirstExecutionRunID). Not set: any.
  std::string first_execution_run_id;
};

/// The `filter_type` of Client::get_workflow_history_page (TEMPORAL_HISTORY_EVENT_FILTER_*, the
/// Go SDK's enumspb.HistoryEventFilterType).
enum class HistoryEventFilter : std::int32_t {
  AllEvent = TEMPORAL_HISTORY_EVENT_FILTER_ALL_EVENT,      ///< every event (the default)
  CloseEvent = TEMPORAL_HISTORY_EVENT_FILTER_CLOSE_EVENT,  ///< only the closing event
};

/// When the server refuses a query instead of answering it (TEMPORAL_QUERY_REJECT_CONDITION_*,
/// the Go SDK's enumspb.QueryRejectCondition). A refused query is QueryRejectedError, whose
/// details() are `{"status": "COMPLETED"}` (the workflow's status).
enum class QueryRejectCondition : std::int32_t {
  None = TEMPORAL_QUERY_REJECT_CONDITION_NONE,        ///< never (the default)
  NotOpen = TEMPORAL_QUERY_REJECT_CONDITION_NOT_OPEN,  ///< unless the workflow is running
  /// Unless the workflow is running or completed successfully.
  NotCompletedCleanly = TEMPORAL_QUERY_REJECT_CONDITION_NOT_COMPLETED_CLEANLY,
};

/// The kind of task queue Client::describe_task_queue describes (TEMPORAL_TASK_QUEUE_TYPE_*).
enum class TaskQueueType : std::int32_t {
  Workflow = TEMPORAL_TASK_QUEUE_TYPE_WORKFLOW,  ///< the default
  Activity = TEMPORAL_TASK_QUEUE_TYPE_ACTIVITY,
  Nexus = TEMPORAL_TASK_QUEUE_TYPE_NEXUS,
};

/// temporal_query_options: the Go SDK's QueryWorkflowWithOptionsRequest. Empty strings mean
/// "not set".
struct QueryOptions {
  std::string workflow_id;  ///< required
  std::string run_id;       ///< not set: the current run
  std::string query_type;   ///< required
  /// The query's arguments as a JSON array (or CallOptions::args_payloads).
  std::string args_json = "[]";
  QueryRejectCondition reject_condition = QueryRejectCondition::None;
};

// ---------------------------------------------------------------------------------------------
// Schedules (options)

/// TEMPORAL_SCHEDULE_OVERLAP_POLICY_* (the proto's numbers): what a schedule does when an
/// action is due while an earlier action's workflow still runs. Unspecified: the server's
/// default (Skip); for a trigger or a backfill, the schedule's own policy.
enum class ScheduleOverlapPolicy : std::int32_t {
  Unspecified = TEMPORAL_SCHEDULE_OVERLAP_POLICY_UNSPECIFIED,
  Skip = TEMPORAL_SCHEDULE_OVERLAP_POLICY_SKIP,
  BufferOne = TEMPORAL_SCHEDULE_OVERLAP_POLICY_BUFFER_ONE,
  BufferAll = TEMPORAL_SCHEDULE_OVERLAP_POLICY_BUFFER_ALL,
  CancelOther = TEMPORAL_SCHEDULE_OVERLAP_POLICY_CANCEL_OTHER,
  TerminateOther = TEMPORAL_SCHEDULE_OVERLAP_POLICY_TERMINATE_OTHER,
  AllowAll = TEMPORAL_SCHEDULE_OVERLAP_POLICY_ALLOW_ALL,
};

/// temporal_schedule_interval: an action every `every` (not 0), shifted by `offset` from the
/// Unix epoch's multiples of it.
struct ScheduleIntervalSpec {
  std::chrono::milliseconds every{0};
  std::chrono::milliseconds offset{0};
};

/// temporal_schedule_calendar: range strings as the server parses them ("0", "*", "1-5",
/// "*/15", "MON-FRI", "1,15"). "": the server's default for the field ("0" for second, minute
/// and hour; "*" for the others). `comment` is free text.
struct ScheduleCalendarSpec {
  std::string second;
  std::string minute;
  std::string hour;
  std::string day_of_month;
  std::string month;
  std::string day_of_week;
  std::string year;
  std::string comment;
};

/// The spec part of temporal_schedule_options (the Go SDK's ScheduleSpec): the union of the
/// cron strings, intervals and calendars, less the times `exclude_calendars` match (Go's
/// Skip), between `start_at` and `end_at` (not set: unbounded).
struct ScheduleSpec {
  std::vector<std::string> cron_strings;  ///< "0 12 * * MON-FRI", "@every 1h"...
  std::vector<ScheduleIntervalSpec> intervals;
  std::vector<ScheduleCalendarSpec> calendars;
  std::vector<ScheduleCalendarSpec> exclude_calendars;
  std::optional<std::chrono::system_clock::time_point> start_at;
  std::optional<std::chrono::system_clock::time_point> end_at;
  std::chrono::milliseconds jitter{0};  ///< each action delayed by a random time up to this
  std::string time_zone_name;           ///< IANA name; "": UTC
};

/// temporal_schedule_backfill (the Go SDK's ScheduleBackfill): run the actions the spec would
/// have run between the two times (start not after end).
struct ScheduleBackfill {
  std::chrono::system_clock::time_point start_at;
  std::chrono::system_clock::time_point end_at;
  ScheduleOverlapPolicy overlap = ScheduleOverlapPolicy::Unspecified;  ///< the schedule's
};

/// temporal_schedule_options: the Go SDK's ScheduleOptions (create) and Schedule (update).
/// Empty strings, zero durations and empty vectors mean "not set". A schedule is given by
/// the spec, action, policies and state fields, or by `schedule_proto`; not both.
struct ScheduleOptions {
  ScheduleSpec spec;
  /// Action: the type of the workflow each action starts (required).
  std::string workflow_type;
  /// Action: the workflow's arguments as a JSON array ("": none), or as
  /// CallOptions::args_payloads.
  std::string args_json;
  /// Action: the start options; `id` (each run's ID is it plus the scheduled time, unless
  /// keep_original_workflow_id) and `task_queue` required. The library refuses the ones that
  /// mean nothing for a scheduled start (ID policies, cron_schedule, start_delay).
  StartWorkflowOptions workflow_options;
  /// Policies.
  ScheduleOverlapPolicy overlap_policy = ScheduleOverlapPolicy::Unspecified;
  std::chrono::milliseconds catchup_window{0};  ///< 0: the server's default (one year)
  bool pause_on_failure = false;
  bool keep_original_workflow_id = false;
  /// State.
  bool paused = false;
  std::string note;
  std::int64_t remaining_actions = 0;  ///< 0: unlimited
  /// Create only (update refuses them): one action at once; backfills run after the create.
  bool trigger_immediately = false;
  std::vector<ScheduleBackfill> backfills;
  /// The schedule's own memo (create only) and search attributes (update: replaces them), as
  /// JSON objects.
  std::string memo_json;
  std::string search_attributes_json;
  /// Instead of the spec, action, policies and state above: the schedule as its
  /// temporal.api.schedule.v1.Schedule protobuf encoding.
  std::vector<std::uint8_t> schedule_proto;
};

namespace detail {

inline std::int64_t unix_ms(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

// The C calendars of `calendars`, valid while `calendars` lives.
inline std::vector<temporal_schedule_calendar> c_calendars(
    const std::vector<ScheduleCalendarSpec>& calendars) {
  std::vector<temporal_schedule_calendar> c;
  c.reserve(calendars.size());
  for (const ScheduleCalendarSpec& s : calendars) {
    c.push_back({c_str_or_null(s.second), c_str_or_null(s.minute), c_str_or_null(s.hour),
                 c_str_or_null(s.day_of_month), c_str_or_null(s.month),
                 c_str_or_null(s.day_of_week), c_str_or_null(s.year), c_str_or_null(s.comment)});
  }
  return c;
}

inline std::vector<temporal_schedule_backfill> c_backfills(
    const std::vector<ScheduleBackfill>& backfills) {
  std::vector<temporal_schedule_backfill> c;
  c.reserve(backfills.size());
  for (const ScheduleBackfill& b : backfills) {
    c.push_back({unix_ms(b.start_at), unix_ms(b.end_at), static_cast<std::int32_t>(b.overlap)});
  }
  return c;
}

}  // namespace detail

// ---------------------------------------------------------------------------------------------
// Async activity completion

/// The task token of one activity attempt (the Go SDK's `activity.GetInfo(ctx).TaskToken`, a
/// `[]byte`): opaque bytes, which may contain NUL bytes, so never read as a C string. A view:
/// the bytes are borrowed only while the operation starts (the library copies them), so a
/// temporary is fine. Converts from std::string, std::string_view, std::vector<std::uint8_t>,
/// or a pointer and a length.
class TaskTokenView {
 public:
  // NOLINTBEGIN(google-explicit-constructor): a view converts from what holds the bytes.
  TaskTokenView(std::string_view bytes) noexcept
      : data_(reinterpret_cast<const std::uint8_t*>(bytes.data())), size_(bytes.size()) {}
  TaskTokenView(const std::string& bytes) noexcept
      : TaskTokenView(std::string_view(bytes)) {}
  TaskTokenView(const std::vector<std::uint8_t>& bytes) noexcept
      : data_(bytes.data()), size_(bytes.size()) {}
  // NOLINTEND(google-explicit-constructor)
  TaskTokenView(const std::uint8_t* data, std::size_t size) noexcept : data_(data), size_(size) {}

  const std::uint8_t* data() const noexcept { return data_; }
  std::size_t size() const noexcept { return size_; }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
};

/// temporal_activity_outcome: how an asynchronously completed activity ends.
enum class ActivityOutcome : std::int32_t {
  Completed = TEMPORAL_ACTIVITY_OUTCOME_COMPLETED,  ///< Go: `err` nil
  Failed = TEMPORAL_ACTIVITY_OUTCOME_FAILED,        ///< Go: an ApplicationError (or any error)
  Canceled = TEMPORAL_ACTIVITY_OUTCOME_CANCELED,    ///< Go: a *temporal.CanceledError
};

/// How Client::complete_activity ends an activity: the Go SDK's `result` and `err` arguments
/// of CompleteActivity in one value (temporal_activity_completion). Made by its named
/// constructors; a default-constructed one is `completed()` (Go's `nil, nil`). JSON arguments
/// are JSON text, "" meaning none.
class ActivityCompletion {
 public:
  /// Completed with no result (the workflow's activity result is nil / null).
  ActivityCompletion() = default;

  /// Completed with a result: one JSON value, e.g. R"("done")" or R"({"n": 1})"; "": no
  /// result. Go: `CompleteActivity(ctx, token, result, nil)`.
  static ActivityCompletion completed(std::string result_json = "") {
    ActivityCompletion c;
    c.result_json_ = std::move(result_json);
    return c;
  }

  /// Failed with an application error (Go: `temporal.NewApplicationErrorWithOptions(message,
  /// type, {NonRetryable, Details})`): the workflow sees `message`; `type` ("": none) is what
  /// a retry policy's non-retryable error types match; `non_retryable` true stops the server
  /// retrying the activity. `details_json`: a JSON array, one payload per element ("": none).
  static ActivityCompletion failed(std::string message, std::string type = "",
                                   bool non_retryable = false, std::string details_json = "") {
    ActivityCompletion c;
    c.outcome_ = ActivityOutcome::Failed;
    c.failure_message_ = std::move(message);
    c.failure_type_ = std::move(type);
    c.non_retryable_ = non_retryable;
    c.details_json_ = std::move(details_json);
    return c;
  }

  /// Canceled (Go: `temporal.NewCanceledError(details...)`); the server accepts it only once
  /// the workflow requested the activity's cancellation (before that: InvalidArgumentError).
  /// `details_json`: a JSON array, one payload per element ("": none).
  static ActivityCompletion canceled(std::string details_json = "") {
    ActivityCompletion c;
    c.outcome_ = ActivityOutcome::Canceled;
    c.details_json_ = std::move(details_json);
    return c;
  }

#if TEMPORAL_FFI_HAS_NLOHMANN_JSON
  // Templates taking exactly nlohmann::json, so that a string literal still picks the JSON
  // text overloads above (an overload on const nlohmann::json& would be ambiguous with them).

  /// completed() with the result as a nlohmann::json value (serialised with dump()).
  template <class Json, std::enable_if_t<std::is_same_v<Json, nlohmann::json>, int> = 0>
  static ActivityCompletion completed(const Json& result) {
    return completed(result.dump());
  }
  /// failed() with the details as a nlohmann::json array.
  template <class Json, std::enable_if_t<std::is_same_v<Json, nlohmann::json>, int> = 0>
  static ActivityCompletion failed(std::string message, std::string type, bool non_retryable,
                                   const Json& details) {
    return failed(std::move(message), std::move(type), non_retryable, details.dump());
  }
  /// canceled() with the details as a nlohmann::json array.
  template <class Json, std::enable_if_t<std::is_same_v<Json, nlohmann::json>, int> = 0>
  static ActivityCompletion canceled(const Json& details) {
    return canceled(details.dump());
  }
#endif

  ActivityOutcome outcome() const noexcept { return outcome_; }
  /// Completed: the result JSON ("": none).
  const std::string& result_json() const noexcept { return result_json_; }
  /// Failed: the message, the type ("": none) and whether it is non-retryable.
  const std::string& failure_message() const noexcept { return failure_message_; }
  const std::string& failure_type() const noexcept { return failure_type_; }
  bool non_retryable() const noexcept { return non_retryable_; }
  /// Failed or canceled: the details, a JSON array ("": none).
  const std::string& details_json() const noexcept { return details_json_; }

 private:
  ActivityOutcome outcome_ = ActivityOutcome::Completed;
  std::string result_json_;
  std::string failure_message_;
  std::string failure_type_;
  bool non_retryable_ = false;
  std::string details_json_;
};

/// What the server answered a heartbeat (Client::record_activity_heartbeat). The Go SDK's
/// RecordActivityHeartbeat returns these as errors (a *temporal.CanceledError for
/// cancel_requested, ErrActivityPaused for a paused activity); here they are the result, and
/// CanceledError stays what it is everywhere in this header: the call itself was canceled.
struct ActivityHeartbeat {
  /// The workflow requested the activity's cancellation: stop, and report it with
  /// ActivityCompletion::canceled().
  bool cancel_requested = false;
  /// The activity was paused (the server's pause API).
  bool activity_paused = false;
  /// The activity was reset (the server's reset API).
  bool activity_reset = false;
};

namespace detail {

// The C struct for `c`, valid while `c` lives.
inline temporal_activity_completion c_activity_completion(const ActivityCompletion& c) {
  temporal_activity_completion out = c_defaults(&temporal_activity_completion_default);
  out.outcome = static_cast<std::int32_t>(c.outcome());
  switch (c.outcome()) {
    case ActivityOutcome::Completed:
      out.result_json = c_str_or_null(c.result_json());
      break;
    case ActivityOutcome::Failed:
      out.failure_message = c_str_or_null(c.failure_message());
      out.failure_type = c_str_or_null(c.failure_type());
      out.failure_non_retryable = c.non_retryable();
      out.details_json = c_str_or_null(c.details_json());
      break;
    case ActivityOutcome::Canceled:
      out.details_json = c_str_or_null(c.details_json());
      break;
  }
  return out;
}

// The boolean `"key":true|false` in the library's heartbeat JSON (a flat object it writes
// itself); INTERNAL if the key is missing, so that a changed answer is not read as false.
inline bool heartbeat_flag(const std::string& json, const char* key) {
  const std::string quoted = std::string("\"") + key + "\"";
  std::size_t at = json.find(quoted);
  if (at != std::string::npos) {
    at = json.find_first_not_of(" \t\r\n", at + quoted.size());
    if (at != std::string::npos && json[at] == ':') {
      at = json.find_first_not_of(" \t\r\n", at + 1);
      if (at != std::string::npos && json.compare(at, 4, "true") == 0) return true;
      if (at != std::string::npos && json.compare(at, 5, "false") == 0) return false;
    }
  }
  throw_error(ErrorCode::Internal,
              std::string("the heartbeat's JSON has no boolean \"") + key + "\": " + json);
}

inline ActivityHeartbeat parse_activity_heartbeat(const std::string& json) {
  ActivityHeartbeat h;
  h.cancel_requested = heartbeat_flag(json, "cancel_requested");
  h.activity_paused = heartbeat_flag(json, "activity_paused");
  h.activity_reset = heartbeat_flag(json, "activity_reset");
  return h;
}

}  // namespace detail

// ---------------------------------------------------------------------------------------------
// Calls

/// A queue of completed calls with a pollable file descriptor (temporal_completion_queue), for
/// an event loop that waits on many calls at once: name it in the CallOptions of the calls,
/// poll fd() for readability, then drain next() until it returns NULL. Move-only.
class CompletionQueue {
 public:
  /// Creates a queue (temporal_completion_queue_new).
  CompletionQueue() { throw_if_error(temporal_completion_queue_new(&queue_)); }
  CompletionQueue(CompletionQueue&& other) noexcept
      : queue_(std::exchange(other.queue_, nullptr)) {}
  CompletionQueue& operator=(CompletionQueue&& other) noexcept {
    if (this != &other) {
      temporal_completion_queue_free(queue_);
      queue_ = std::exchange(other.queue_, nullptr);
    }
    return *this;
  }
  CompletionQueue(const CompletionQueue&) = delete;
  CompletionQueue& operator=(const CompletionQueue&) = delete;
  /// Calls in flight that name the queue still complete (and can be waited on); they are
  /// posted nowhere.
  ~CompletionQueue() { temporal_completion_queue_free(queue_); }

  /// Readable (POLLIN, level-triggered) while the queue holds a completed call. Owned by the
  /// queue: do not read, write or close it. -1 when moved from.
  int fd() const noexcept { return temporal_completion_queue_fd(queue_); }

  /// The next completed call, or NULL when there is none (never blocks). The pointer is the
  /// `native_handle()` of the Call you started: that Call still owns it; find it by this
  /// pointer and get() it. Calls destroyed before they were taken are never returned. Take
  /// calls off one queue from one thread at a time.
  const temporal_call* next() const noexcept { return temporal_completion_queue_next(queue_); }

  /// The C handle, still owned by this object (NULL when moved from).
  temporal_completion_queue* native_handle() const noexcept { return queue_; }

 private:
  temporal_completion_queue* queue_ = nullptr;
};

/// How a call reports its completion and how long it may take (temporal_call_options).
/// Converts from a Timeout or a duration, so `op_async(..., 5s)` works.
struct CallOptions {
  /// How long the operation may take, retries included (DeadlineExceededError after that).
  Timeout timeout;
  /// Also post the completed call to this queue. NULL: none (wait() / get() only).
  const CompletionQueue* completion_queue = nullptr;
  /// The caller's W3C trace context (`traceparent`, `tracestate`, `baggage` header values),
  /// sent in the Temporal header of the calls that reach a workflow, where a worker's
  /// OpenTelemetry tracing interceptor continues the trace (temporal_call_options.trace_parent).
  /// Empty: none.
  std::string trace_parent;
  std::string trace_state;
  std::string baggage;
  /// More Temporal header fields, as a JSON object (temporal_call_options.header_json). Empty:
  /// none.
  std::string header_json;
  /// The call's arguments as payloads, sent as they are (after the client's codec), e.g.
  /// "binary/plain" bytes (temporal_call_options.args_payloads): of a start, signal, query,
  /// update or update start; the signal's of signal-with-start, the update's of
  /// update-with-start. The operation's JSON arguments must then be "" or "[]" (anything else:
  /// InvalidArgumentError); an empty vector is no arguments. Refused by an operation that
  /// takes no arguments. Not set: the JSON arguments are used.
  std::optional<std::vector<Payload>> args_payloads;
  /// The workflow's arguments of signal-with-start and update-with-start as payloads, instead
  /// of their JSON `args_json` (temporal_call_options.workflow_args_payloads). As args_payloads.
  std::optional<std::vector<Payload>> workflow_args_payloads;
  /// The result stays payloads (after the client's codec), read with Call::payloads()
  /// (temporal_call_options.result_as_payloads): for WorkflowRun::get_call, query_workflow,
  /// update_workflow (UpdateResult::result_payloads) and UpdateHandle::get_result_async; the
  /// call then has no JSON. Refused by other operations.
  bool result_as_payloads = false;

  CallOptions() = default;
  // NOLINTNEXTLINE(google-explicit-constructor)
  CallOptions(Timeout t, const CompletionQueue* queue = nullptr)
      : timeout(t), completion_queue(queue) {}
  template <class Rep, class Period>
  CallOptions(std::chrono::duration<Rep, Period> t)  // NOLINT(google-explicit-constructor)
      : timeout(t) {}
};

/// The result of Client::update_workflow.
struct UpdateResult {
  std::string result_json;  ///< the handler's result, as JSON ("" with result_payloads)
  std::string update_id;    ///< the update ID used: the one given, or the one the library generated
  /// With CallOptions::result_as_payloads: the handler's result as payloads, after the codec.
  std::optional<std::vector<Payload>> result_payloads;
};

class WorkflowRun;
class Client;
class UpdateHandle;
struct UpdateWithStartResult;

namespace detail {
// The C struct for `options` and the payload lists it points to; get() is valid while both
// this object and `options` live.
class CCallOptions {
 public:
  explicit CCallOptions(const CallOptions& options)
      : c_(c_defaults(&temporal_call_options_default)) {
    c_.timeout_ms = options.timeout.ms();
    c_.completion_queue =
        options.completion_queue != nullptr ? options.completion_queue->native_handle() : nullptr;
    c_.trace_parent = c_str_or_null(options.trace_parent);
    c_.trace_state = c_str_or_null(options.trace_state);
    c_.baggage = c_str_or_null(options.baggage);
    c_.header_json = c_str_or_null(options.header_json);
    if (options.args_payloads) {
      args_ = payloads_to_c(*options.args_payloads);
      c_.args_payloads = args_.get();
    }
    if (options.workflow_args_payloads) {
      workflow_args_ = payloads_to_c(*options.workflow_args_payloads);
      c_.workflow_args_payloads = workflow_args_.get();
    }
    c_.result_as_payloads = options.result_as_payloads;
  }
  CCallOptions(const CCallOptions&) = delete;
  CCallOptions& operator=(const CCallOptions&) = delete;

  const temporal_call_options* get() const noexcept { return &c_; }

 private:
  temporal_call_options c_;
  PayloadsPtr args_;
  PayloadsPtr workflow_args_;
};

// The C `args_json` of an operation: NULL when its arguments are payloads and the JSON ones
// are the default ("" or "[]"), so that the library refuses only a real mix of both.
inline const char* c_args(const char* json, const std::optional<std::vector<Payload>>& payloads) {
  if (payloads && (json == nullptr || json[0] == '\0' || std::string_view(json) == "[]")) {
    return nullptr;
  }
  return json;
}
inline const char* c_args(const std::string& json,
                          const std::optional<std::vector<Payload>>& payloads) {
  return c_args(json.c_str(), payloads);
}

// The C struct for `o`, valid while `o` lives.
inline temporal_workflow_target_options c_target_options(const WorkflowTargetOptions& o) {
  temporal_workflow_target_options c = c_defaults(&temporal_workflow_target_options_default);
  c.workflow_id = o.workflow_id.c_str();
  c.run_id = c_str_or_null(o.run_id);
  c.first_execution_run_id = c_str_or_null(o.first_execution_run_id);
  c.reason = c_str_or_null(o.reason);
  c.details_json = c_str_or_null(o.details_json);
  return c;
}

// The C struct for `o`, valid while `o` lives.
inline temporal_update_options c_update_options(const UpdateOptions& o) {
  temporal_update_options c = c_defaults(&temporal_update_options_default);
  c.update_id = c_str_or_null(o.update_id);
  c.wait_for_stage = static_cast<std::int32_t>(o.wait_for_stage);
  c.first_execution_run_id = c_str_or_null(o.first_execution_run_id);
  return c;
}

// The C struct for `o` (its arguments as `args_payloads` says), valid while `o` lives.
inline temporal_query_options c_query_options(const QueryOptions& o,
                                              const std::optional<std::vector<Payload>>& payloads) {
  temporal_query_options c = c_defaults(&temporal_query_options_default);
  c.workflow_id = o.workflow_id.c_str();
  c.run_id = c_str_or_null(o.run_id);
  c.query_type = o.query_type.c_str();
  c.args_json = c_args(o.args_json, payloads);
  c.query_reject_condition = static_cast<std::int32_t>(o.reject_condition);
  return c;
}

// The string value of `"key": "..."` in a flat JSON object the library wrote (no escapes in
// the values it is used for: Run IDs); INTERNAL if it is missing.
inline std::string json_string_field(const std::string& json, const char* key) {
  const std::string quoted = std::string("\"") + key + "\"";
  std::size_t at = json.find(quoted);
  if (at != std::string::npos) {
    at = json.find_first_not_of(" \t\r\n", at + quoted.size());
    if (at != std::string::npos && json[at] == ':') {
      at = json.find_first_not_of(" \t\r\n", at + 1);
      if (at != std::string::npos && json[at] == '"') {
        const std::size_t end = json.find('"', at + 1);
        if (end != std::string::npos) return json.substr(at + 1, end - at - 1);
      }
    }
  }
  throw_error(ErrorCode::Internal, std::string("the JSON has no string \"") + key + "\": " + json);
}
}  // namespace detail

/// One call to the server (temporal_call), in flight or completed, whose result is a T:
/// void, std::string (JSON), std::int64_t (a count), std::vector<std::uint8_t> (a raw RPC's
/// response), UpdateResult, ActivityHeartbeat,
/// WorkflowRun, Client, UpdateHandle or UpdateWithStartResult.
/// Move-only; the destructor frees the handle, which does NOT cancel the call (the work goes
/// on; its result is dropped).
template <class T>
class Call {
 public:
  using value_type = T;

  Call() noexcept = default;
  /// Takes ownership of `call` (NULL gives an empty object).
  explicit Call(temporal_call* call) noexcept : call_(call) {}
  Call(Call&& other) noexcept : call_(std::exchange(other.call_, nullptr)) {}
  Call& operator=(Call&& other) noexcept {
    if (this != &other) {
      temporal_call_free(call_);
      call_ = std::exchange(other.call_, nullptr);
    }
    return *this;
  }
  Call(const Call&) = delete;
  Call& operator=(const Call&) = delete;
  ~Call() { temporal_call_free(call_); }

  /// False for a moved-from or default-constructed object.
  explicit operator bool() const noexcept { return call_ != nullptr; }
  /// The C handle, still owned by this object (what CompletionQueue::next() returns).
  temporal_call* native_handle() const noexcept { return call_; }
  /// Gives up ownership of the C handle (the caller frees it with temporal_call_free).
  temporal_call* release() noexcept { return std::exchange(call_, nullptr); }

  /// Whether the call completed (temporal_call_is_done). Never blocks.
  bool is_done() const noexcept { return temporal_call_is_done(call_); }

  /// Waits until the call completed, however long it takes (the call's own timeout bounds
  /// it). Throws only if it cannot wait (InvalidArgumentError: an empty Call, or from inside a
  /// library callback); the call's own error is for get().
  void wait() const { throw_if_error(temporal_call_wait(call_, TEMPORAL_TIMEOUT_NONE)); }

  /// Waits at most `timeout`: true once the call completed, false if it is still in flight
  /// after that (the call goes on: wait again, or cancel it). `Timeout()` and
  /// `Timeout::none()` wait as long as the call takes.
  bool wait_for(Timeout timeout) const {
    temporal_error* error = temporal_call_wait(call_, timeout.ms());
    if (error != nullptr &&
        temporal_error_get_code(error) == TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED) {
      temporal_error_free(error);
      return false;
    }
    throw_if_error(error);
    return true;
  }

  /// Cancels the call (temporal_call_cancel): unless it already completed, it completes
  /// promptly with CanceledError. What already reached the server (a start, a signal) stays
  /// done. Idempotent; a no-op on an empty object; may be called from any thread while
  /// another waits.
  void cancel() const noexcept { temporal_call_cancel(call_); }

  /// Waits for the call, then returns its result or throws its error (the Error subclass of
  /// its code). A WorkflowRun, Client, UpdateHandle or UpdateWithStartResult result is taken
  /// out of the call: get() it once.
  T get() {
    wait();
    if (const temporal_error* error = temporal_call_get_error(call_)) throw_error_from(error);
    if constexpr (std::is_void_v<T>) {
      return;
    } else if constexpr (std::is_same_v<T, std::string>) {
      return json_or("null");
    } else if constexpr (std::is_same_v<T, std::int64_t>) {
      std::int64_t count = 0;
      if (!temporal_call_get_count(call_, &count)) {
        throw_error(ErrorCode::Internal, "the call has no count");
      }
      return count;
    } else if constexpr (std::is_same_v<T, UpdateResult>) {
      const char* update_id = temporal_call_get_update_id(call_);
      UpdateResult result{"", update_id != nullptr ? update_id : "", std::nullopt};
      if (detail::PayloadsPtr payloads{temporal_call_take_payloads(call_)}) {
        result.result_payloads = detail::payloads_from_c(payloads.get());
      } else {
        result.result_json = json_or("null");
      }
      return result;
    } else if constexpr (std::is_same_v<T, ActivityHeartbeat>) {
      return detail::parse_activity_heartbeat(json_or(""));
    } else if constexpr (std::is_same_v<T, std::vector<std::uint8_t>>) {
      const std::uint8_t* bytes = nullptr;
      std::size_t len = 0;
      if (!temporal_call_get_bytes(call_, &bytes, &len)) {
        throw_error(ErrorCode::Internal, "the call has no response bytes");
      }
      return std::vector<std::uint8_t>(bytes, bytes + len);
    } else if constexpr (std::is_same_v<T, UpdateWithStartResult>) {
      // Both owned before either is checked, so that neither leaks.
      T both{UpdateHandle(temporal_call_take_update_handle(call_)),
             WorkflowRun(temporal_call_take_run(call_))};
      if (!both.update_handle || !both.run) {
        throw_error(ErrorCode::InvalidArgument, "the call's result was already taken");
      }
      return both;
    } else {
      static_assert(std::is_same_v<T, WorkflowRun> || std::is_same_v<T, Client> ||
                        std::is_same_v<T, UpdateHandle>,
                    "no such call result");
      auto* handle = take_handle(static_cast<T*>(nullptr));
      if (handle == nullptr) {
        throw_error(ErrorCode::InvalidArgument, "the call's result was already taken");
      }
      return T(handle);
    }
  }

  /// Waits for the call, then returns its result payloads (temporal_call_take_payloads) or
  /// throws its error: for a call made with CallOptions::result_as_payloads, which has no
  /// JSON (get() would give "null"). Taken out of the call: a second payloads() throws
  /// InvalidArgumentError, as does a call made without the option.
  std::vector<Payload> payloads() {
    wait();
    if (const temporal_error* error = temporal_call_get_error(call_)) throw_error_from(error);
    const detail::PayloadsPtr payloads(temporal_call_take_payloads(call_));
    if (!payloads) {
      throw_error(ErrorCode::InvalidArgument,
                  "the call has no result payloads (made without result_as_payloads, or "
                  "already taken)");
    }
    return detail::payloads_from_c(payloads.get());
  }

  /// Waits for the call, then returns its JSON text ("" for an operation without one) or
  /// throws its error. For a count, the JSON also has the `groups` of a GROUP BY query.
  std::string json() const {
    wait();
    if (const temporal_error* error = temporal_call_get_error(call_)) throw_error_from(error);
    return json_or("");
  }

  /// Waits for the call, then returns the response message of a typed read as protobuf bytes
  /// (temporal_call_get_bytes), or throws its error: e.g. the
  /// DescribeWorkflowExecutionResponse of describe_workflow_execution_async, for a protobuf
  /// library of the caller's own. Which message each operation gives is in temporal.h. A call
  /// without response bytes: InvalidArgumentError. get() and json() still work after it.
  std::vector<std::uint8_t> proto_bytes() const {
    wait();
    if (const temporal_error* error = temporal_call_get_error(call_)) throw_error_from(error);
    const std::uint8_t* bytes = nullptr;
    std::size_t len = 0;
    if (!temporal_call_get_bytes(call_, &bytes, &len)) {
      throw_error(ErrorCode::InvalidArgument, "the call has no response bytes");
    }
    return len == 0 ? std::vector<std::uint8_t>() : std::vector<std::uint8_t>(bytes, bytes + len);
  }

 private:
  std::string json_or(const char* fallback) const {
    const char* json = temporal_call_get_json(call_);
    return json != nullptr ? json : fallback;
  }
  temporal_workflow_run* take_handle(WorkflowRun*) const { return temporal_call_take_run(call_); }
  temporal_client* take_handle(Client*) const { return temporal_call_take_client(call_); }
  temporal_update_handle* take_handle(UpdateHandle*) const {
    return temporal_call_take_update_handle(call_);
  }

  temporal_call* call_ = nullptr;
};

namespace detail {

// The callback of the future form: user_data is a heap std::promise<T>. It owns the call from
// here (the starter released it) and frees it with the promise.
template <class T>
void fulfil_promise(void* user_data, temporal_call* call) noexcept {
  std::unique_ptr<std::promise<T>> promise(static_cast<std::promise<T>*>(user_data));
  Call<T> owned(call);
  try {
    if constexpr (std::is_void_v<T>) {
      owned.get();
      promise->set_value();
    } else {
      promise->set_value(owned.get());
    }
  } catch (...) {
    promise->set_exception(std::current_exception());
  }
}

// A std::future for a call: `start(const temporal_call_options&)` is the operation's one start
// (it returns the Call); this adds the callback that completes the future. Every error,
// including an immediate refusal, ends up in the future.
template <class T, class Start>
std::future<T> start_future(Timeout timeout, Start&& start) {
  auto promise = std::make_unique<std::promise<T>>();
  std::future<T> future = promise->get_future();
  const CCallOptions c_options{CallOptions(timeout)};
  temporal_call_options options = *c_options.get();
  options.callback = &fulfil_promise<T>;
  options.user_data = promise.get();
  try {
    Call<T> call = start(options);
    // The callback owns both now, and may have run already: touch neither.
    promise.release();
    call.release();
  } catch (...) {
    promise->set_exception(std::current_exception());
  }
  return future;
}

struct RunFree {
  void operator()(temporal_workflow_run* r) const noexcept { temporal_workflow_run_free(r); }
};

struct UpdateHandleFree {
  void operator()(temporal_update_handle* h) const noexcept { temporal_update_handle_free(h); }
};

}  // namespace detail

// ---------------------------------------------------------------------------------------------
// WorkflowRun

/// A workflow run (temporal_workflow_run): a Workflow ID and a Run ID. Move-only.
class WorkflowRun {
 public:
  /// Takes ownership of `run` (NULL gives an empty object).
  explicit WorkflowRun(temporal_workflow_run* run) noexcept : run_(run) {}

  /// False for a moved-from object.
  explicit operator bool() const noexcept { return static_cast<bool>(run_); }
  /// The C handle, still owned by this object (NULL when moved from).
  const temporal_workflow_run* native_handle() const noexcept { return run_.get(); }

  /// The Workflow ID ("" when moved from).
  std::string id() const {
    const char* s = temporal_workflow_run_get_id(run_.get());
    return s != nullptr ? s : "";
  }

  /// The Run ID; never blocks. For a run from Client::get_workflow without a Run ID it is ""
  /// until the first result wait or resolve_run_id() pinned the current run.
  std::string run_id() const {
    const char* s = temporal_workflow_run_get_run_id(run_.get());
    return s != nullptr ? s : "";
  }

  /// Asks the server for the current run of a run without a Run ID
  /// (temporal_workflow_run_resolve_run_id_async); afterwards run_id() has it ("" if the server
  /// could not say). Bounded by the library's 10 s (the timeout in `options` is not used).
  Call<void> resolve_run_id_async(const CallOptions& options = {}) const {
    const detail::CCallOptions c(options);
    temporal_call* call = nullptr;
    throw_if_error(temporal_workflow_run_resolve_run_id_async(run_.get(), c.get(), &call));
    return Call<void>(call);
  }
  /// resolve_run_id_async, waited for; returns run_id().
  std::string resolve_run_id() const {
    resolve_run_id_async().get();
    return run_id();
  }

  /// Waits for the workflow to close (temporal_get_result_async): the call's result is the
  /// workflow's result as JSON text ("null" when it returned nothing). `options.timeout`: give
  /// up with DeadlineExceededError (the workflow is not affected); default: no limit. Errors:
  /// WorkflowFailedError, WorkflowCanceledError, WorkflowTerminatedError,
  /// WorkflowTimedOutError, NotFoundError, PayloadError...
  /// With `options.result_as_payloads`, read the result with the call's payloads().
  Call<std::string> get_call(const CallOptions& options = {}) const {
    const detail::CCallOptions c(options);
    return start_get(*c.get());
  }

  /// The result as payloads, after the client's codec: get_call with
  /// CallOptions::result_as_payloads, then Call::payloads(). A workflow that returned nothing
  /// gives none.
  std::vector<Payload> get_payloads(Timeout timeout = {}) const {
    CallOptions options(timeout);
    options.result_as_payloads = true;
    return get_call(options).payloads();
  }

  /// get_call(timeout).get(): blocks until the result (or the error).
  std::string get(Timeout timeout = {}) const { return get_call(timeout).get(); }

  /// The same call as a std::future, completed by the library (no thread waits): the future
  /// receives the result or the exception get() would throw (every error, including invalid
  /// arguments, goes into the future; a bad Timeout throws here, when it is made). This object
  /// may be destroyed before the future is ready; destroying the future does not block. The
  /// call cannot be canceled: use get_call() for that.
  std::future<std::string> get_async(Timeout timeout = {}) const {
    return detail::start_future<std::string>(
        timeout, [this](const temporal_call_options& c) { return start_get(c); });
  }

#if TEMPORAL_FFI_HAS_NLOHMANN_JSON
  /// get(), parsed and converted with nlohmann::json (T = nlohmann::json for the raw value).
  template <class T>
  T get_as(Timeout timeout = {}) const {
    return nlohmann::json::parse(get(timeout)).template get<T>();
  }
#endif

 private:
  // The one start of a result wait; get_call and get_async differ only in the options.
  Call<std::string> start_get(const temporal_call_options& options) const {
    temporal_call* call = nullptr;
    throw_if_error(temporal_get_result_async(run_.get(), &options, &call));
    return Call<std::string>(call);
  }

  std::unique_ptr<temporal_workflow_run, detail::RunFree> run_;
};

// ---------------------------------------------------------------------------------------------
// UpdateHandle

/// An update of a workflow (temporal_update_handle), the Go SDK's WorkflowUpdateHandle: its
/// update ID, Workflow ID and Run ID, and its result on demand. Move-only; thread-safe (any
/// number of result waits may run at once). From Client::start_update,
/// Client::update_with_start_workflow or Client::get_workflow_update_handle; it stays valid
/// after the Client is destroyed.
class UpdateHandle {
 public:
  /// Takes ownership of `handle` (NULL gives an empty object).
  explicit UpdateHandle(temporal_update_handle* handle) noexcept : handle_(handle) {}

  /// False for a moved-from object.
  explicit operator bool() const noexcept { return static_cast<bool>(handle_); }
  /// The C handle, still owned by this object (NULL when moved from).
  const temporal_update_handle* native_handle() const noexcept { return handle_.get(); }

  /// The update ID: the one given, or the one the library generated ("" when moved from).
  std::string id() const { return or_empty(temporal_update_handle_get_id(handle_.get())); }
  /// The Workflow ID ("" when moved from).
  std::string workflow_id() const {
    return or_empty(temporal_update_handle_get_workflow_id(handle_.get()));
  }
  /// The Run ID the server named when the update started; for a handle by ID, the Run ID given
  /// ("" if none, or when moved from).
  std::string run_id() const {
    return or_empty(temporal_update_handle_get_run_id(handle_.get()));
  }

  /// Waits for the update's result (temporal_update_handle_get_result_async; Go's
  /// WorkflowUpdateHandle.Get): the handler's result as JSON text ("null" when it returned
  /// nothing). At once, with no request, for a start that waited for UpdateStage::Completed.
  /// Default timeout: no limit; one that passes is DeadlineExceededError and leaves the update
  /// running. Errors: UpdateFailedError (rejected by the validator, or the handler failed;
  /// details: `workflow_id`, `update_id`, `failure`), NotFoundError (no such update)...
  Call<std::string> get_result_async(const CallOptions& options = {}) const {
    const detail::CCallOptions c(options);
    temporal_call* call = nullptr;
    throw_if_error(temporal_update_handle_get_result_async(handle_.get(), c.get(), &call));
    return Call<std::string>(call);
  }

  /// The result as payloads, after the client's codec: get_result_async with
  /// CallOptions::result_as_payloads, then Call::payloads().
  std::vector<Payload> get_payloads(Timeout timeout = {}) const {
    CallOptions options(timeout);
    options.result_as_payloads = true;
    return get_result_async(options).payloads();
  }

  /// get_result_async(timeout).get(): blocks until the result (or the error).
  std::string get(Timeout timeout = {}) const { return get_result_async(timeout).get(); }

#if TEMPORAL_FFI_HAS_NLOHMANN_JSON
  /// get(), parsed and converted with nlohmann::json (T = nlohmann::json for the raw value).
  template <class T>
  T get_as(Timeout timeout = {}) const {
    return nlohmann::json::parse(get(timeout)).template get<T>();
  }
#endif

 private:
  static std::string or_empty(const char* s) { return s != nullptr ? s : ""; }

  std::unique_ptr<temporal_update_handle, detail::UpdateHandleFree> handle_;
};

/// The result of Client::update_with_start_workflow: the update's handle and the run that got
/// it (the one started, or with WorkflowIdConflictPolicy::UseExisting the one already running).
struct UpdateWithStartResult {
  UpdateHandle update_handle;
  WorkflowRun run;
};

// ---------------------------------------------------------------------------------------------
// ScheduleHandle

/// A schedule by its ID (the Go SDK's ScheduleHandle): from Client::create_schedule or
/// Client::get_schedule_handle. Copyable; holds no handle of its own, only its Client's: use
/// it while that Client lives (as a reference to it). Each method is one call, as
/// `op_async(..., CallOptions)` and the blocking `op(..., Timeout)`; default timeout 10 s.
/// No such schedule: NotFoundError.
class ScheduleHandle {
 public:
  ScheduleHandle() = default;
  ScheduleHandle(const temporal_client* client, std::string id) noexcept
      : client_(client), id_(std::move(id)) {}

  const std::string& id() const noexcept { return id_; }

  /// temporal_schedule_describe_async: the schedule as JSON (`schedule_id`, `spec`, `action`,
  /// `policies`, `state`, `info`, `memo`, `search_attributes`, `conflict_token`; temporal.h
  /// documents every key). Cron strings come back as `calendars` of range strings.
  Call<std::string> describe_async(const CallOptions& call_options = {}) const {
    const detail::CCallOptions co(call_options);
    temporal_call* call = nullptr;
    throw_if_error(temporal_schedule_describe_async(client_, id_.c_str(), co.get(), &call));
    return Call<std::string>(call);
  }
  std::string describe(Timeout timeout = {}) const { return describe_async(timeout).get(); }

  /// temporal_schedule_update_async (the Go SDK's ScheduleHandle.Update, which sends the whole
  /// schedule): replaces the spec, action, policies and state with `options`;
  /// `options.search_attributes_json`, if set, replaces the search attributes.
  /// `conflict_token`: describe's, to have the server drop the update if the schedule changed
  /// since ("": none). The dev server answers a stale token with OK and drops the update (a
  /// server that refuses it: Error RPC, FAILED_PRECONDITION).
  inline Call<void> update_async(const ScheduleOptions& options,
                                 const std::string& conflict_token = "",
                                 const CallOptions& call_options = {}) const;
  void update(const ScheduleOptions& options, const std::string& conflict_token = "",
              Timeout timeout = {}) const {
    update_async(options, conflict_token, timeout).get();
  }

  /// temporal_schedule_pause_async; `note` "": the Go SDK's "Paused via Go SDK".
  Call<void> pause_async(const std::string& note = "", const CallOptions& call_options = {}) const {
    const detail::CCallOptions co(call_options);
    temporal_call* call = nullptr;
    throw_if_error(temporal_schedule_pause_async(client_, id_.c_str(), detail::c_str_or_null(note),
                                                 co.get(), &call));
    return Call<void>(call);
  }
  void pause(const std::string& note = "", Timeout timeout = {}) const {
    pause_async(note, timeout).get();
  }

  /// temporal_schedule_unpause_async; `note` "": the Go SDK's "Unpaused via Go SDK".
  Call<void> unpause_async(const std::string& note = "",
                           const CallOptions& call_options = {}) const {
    const detail::CCallOptions co(call_options);
    temporal_call* call = nullptr;
    throw_if_error(temporal_schedule_unpause_async(
        client_, id_.c_str(), detail::c_str_or_null(note), co.get(), &call));
    return Call<void>(call);
  }
  void unpause(const std::string& note = "", Timeout timeout = {}) const {
    unpause_async(note, timeout).get();
  }

  /// temporal_schedule_trigger_async: the action once, now (the workflow starts a moment
  /// later; describe's info.recent_actions shows it). Unspecified: the schedule's policy.
  Call<void> trigger_async(ScheduleOverlapPolicy overlap = ScheduleOverlapPolicy::Unspecified,
                           const CallOptions& call_options = {}) const {
    const detail::CCallOptions co(call_options);
    temporal_call* call = nullptr;
    throw_if_error(temporal_schedule_trigger_async(
        client_, id_.c_str(), static_cast<std::int32_t>(overlap), co.get(), &call));
    return Call<void>(call);
  }
  void trigger(ScheduleOverlapPolicy overlap = ScheduleOverlapPolicy::Unspecified,
               Timeout timeout = {}) const {
    trigger_async(overlap, timeout).get();
  }

  /// temporal_schedule_backfill_async: at least one range.
  Call<void> backfill_async(const std::vector<ScheduleBackfill>& backfills,
                            const CallOptions& call_options = {}) const {
    const detail::CCallOptions co(call_options);
    const std::vector<temporal_schedule_backfill> c = detail::c_backfills(backfills);
    temporal_call* call = nullptr;
    throw_if_error(temporal_schedule_backfill_async(client_, id_.c_str(),
                                                    c.empty() ? nullptr : c.data(), c.size(),
                                                    co.get(), &call));
    return Call<void>(call);
  }
  void backfill(const std::vector<ScheduleBackfill>& backfills, Timeout timeout = {}) const {
    backfill_async(backfills, timeout).get();
  }

  /// temporal_schedule_delete_async (the workflows it started keep running).
  Call<void> delete_async(const CallOptions& call_options = {}) const {
    const detail::CCallOptions co(call_options);
    temporal_call* call = nullptr;
    throw_if_error(temporal_schedule_delete_async(client_, id_.c_str(), co.get(), &call));
    return Call<void>(call);
  }
  /// `delete` is a keyword: the Go SDK's Delete.
  void delete_schedule(Timeout timeout = {}) const { delete_async(timeout).get(); }

 private:
  const temporal_client* client_ = nullptr;
  std::string id_;
};

// ---------------------------------------------------------------------------------------------
// Client

/// A connected client (temporal_client). Move-only; thread-safe. Runs obtained from it stay
/// valid after it is destroyed.
///
/// Every operation on workflow executions comes as `op_async(..., CallOptions = {})`, which
/// starts the call and returns it (it throws, and starts nothing, only for invalid arguments),
/// and the blocking `op(..., Timeout = {})`, which is `op_async(..., timeout).get()`. `run_id`
/// "": the current run. Arguments are JSON arrays. Default timeouts are the library's: 10 s for
/// one request, no limit for an update.
class Client {
  // Builds the C options (valid only during the call) and calls f(const options*).
  template <class F>
  static auto with_c_options(const StartWorkflowOptions& o, F&& f) {
    temporal_start_workflow_options c =
        detail::c_defaults(&temporal_start_workflow_options_default);
    c.id = detail::c_str_or_null(o.id);
    c.task_queue = detail::c_str_or_null(o.task_queue);
    c.execution_timeout_ms = detail::to_ms(o.execution_timeout, "execution_timeout");
    c.run_timeout_ms = detail::to_ms(o.run_timeout, "run_timeout");
    c.task_timeout_ms = detail::to_ms(o.task_timeout, "task_timeout");
    c.id_reuse_policy = static_cast<std::int32_t>(o.id_reuse_policy);
    c.id_conflict_policy = static_cast<std::int32_t>(o.id_conflict_policy);
    c.error_when_already_started = o.error_when_already_started;
    temporal_retry_policy retry = detail::c_defaults(&temporal_retry_policy_default);
    std::string non_retryable;
    if (o.retry_policy) {
      const RetryPolicy& r = *o.retry_policy;
      retry.initial_interval_ms = detail::to_ms(r.initial_interval, "retry initial_interval");
      retry.backoff_coefficient = r.backoff_coefficient;
      retry.maximum_interval_ms = detail::to_ms(r.maximum_interval, "retry maximum_interval");
      retry.maximum_attempts = r.maximum_attempts;
      if (!r.non_retryable_error_types.empty()) {
        non_retryable = detail::json_string_array(r.non_retryable_error_types);
        retry.non_retryable_error_types_json = non_retryable.c_str();
      }
      c.retry_policy = &retry;
    }
    c.cron_schedule = detail::c_str_or_null(o.cron_schedule);
    c.memo_json = detail::c_str_or_null(o.memo_json);
    c.search_attributes_json = detail::c_str_or_null(o.search_attributes_json);
    c.start_delay_ms = detail::to_ms(o.start_delay, "start_delay");
    c.static_summary = detail::c_str_or_null(o.static_summary);
    c.static_details = detail::c_str_or_null(o.static_details);
    c.priority_key = o.priority_key;
    c.fairness_key = detail::c_str_or_null(o.fairness_key);
    c.fairness_weight = o.fairness_weight;
    std::vector<temporal_search_attribute> typed;
    typed.reserve(o.typed_search_attributes.size());
    for (const SearchAttribute& a : o.typed_search_attributes) {
      typed.push_back(temporal_search_attribute{detail::c_str_or_null(a.name),
                                                static_cast<std::int32_t>(a.type),
                                                detail::c_str_or_null(a.value_json)});
    }
    c.typed_search_attributes = typed.empty() ? nullptr : typed.data();
    c.typed_search_attributes_len = typed.size();
    c.versioning_behavior = static_cast<std::int32_t>(o.versioning_override.kind);
    c.versioning_deployment_name = detail::c_str_or_null(o.versioning_override.version.deployment_name);
    c.versioning_build_id = detail::c_str_or_null(o.versioning_override.version.build_id);
    return f(static_cast<const temporal_start_workflow_options*>(&c));
  }

  // The one start of a workflow start (every execute_workflow overload).
  Call<WorkflowRun> start_execute(const std::string& workflow_type, const StartWorkflowOptions& o,
                                  const char* args_json, const CallOptions& options) const {
    const detail::CCallOptions call_options(options);
    const char* args = detail::c_args(args_json, options.args_payloads);
    return with_c_options(o, [&](const temporal_start_workflow_options* c) {
      temporal_call* call = nullptr;
      throw_if_error(temporal_execute_workflow_async(client_, workflow_type.c_str(), args, c,
                                                     call_options.get(), &call));
      return Call<WorkflowRun>(call);
    });
  }

  // Builds the C schedule options (valid only during the call) and calls f(const options*).
  template <class F>
  static auto with_c_schedule_options(const ScheduleOptions& o, F&& f) {
    temporal_schedule_options c = detail::c_defaults(&temporal_schedule_options_default);
    std::vector<const char*> crons;
    crons.reserve(o.spec.cron_strings.size());
    for (const std::string& cron : o.spec.cron_strings) crons.push_back(cron.c_str());
    c.cron_strings = crons.empty() ? nullptr : crons.data();
    c.cron_strings_len = crons.size();
    std::vector<temporal_schedule_interval> intervals;
    intervals.reserve(o.spec.intervals.size());
    for (const ScheduleIntervalSpec& i : o.spec.intervals) {
      intervals.push_back({detail::to_ms(i.every, "interval every"),
                           detail::to_ms(i.offset, "interval offset")});
    }
    c.intervals = intervals.empty() ? nullptr : intervals.data();
    c.intervals_len = intervals.size();
    const std::vector<temporal_schedule_calendar> calendars = detail::c_calendars(o.spec.calendars);
    c.calendars = calendars.empty() ? nullptr : calendars.data();
    c.calendars_len = calendars.size();
    const std::vector<temporal_schedule_calendar> excluded =
        detail::c_calendars(o.spec.exclude_calendars);
    c.exclude_calendars = excluded.empty() ? nullptr : excluded.data();
    c.exclude_calendars_len = excluded.size();
    c.start_time_unix_ms = o.spec.start_at ? detail::unix_ms(*o.spec.start_at) : 0;
    c.end_time_unix_ms = o.spec.end_at ? detail::unix_ms(*o.spec.end_at) : 0;
    c.jitter_ms = detail::to_ms(o.spec.jitter, "jitter");
    c.time_zone_name = detail::c_str_or_null(o.spec.time_zone_name);
    c.workflow_type = detail::c_str_or_null(o.workflow_type);
    c.args_json = detail::c_str_or_null(o.args_json);
    c.overlap_policy = static_cast<std::int32_t>(o.overlap_policy);
    c.catchup_window_ms = detail::to_ms(o.catchup_window, "catchup_window");
    c.pause_on_failure = o.pause_on_failure;
    c.keep_original_workflow_id = o.keep_original_workflow_id;
    c.paused = o.paused;
    c.note = detail::c_str_or_null(o.note);
    c.remaining_actions = o.remaining_actions;
    c.trigger_immediately = o.trigger_immediately;
    const std::vector<temporal_schedule_backfill> backfills = detail::c_backfills(o.backfills);
    c.backfills = backfills.empty() ? nullptr : backfills.data();
    c.backfills_len = backfills.size();
    c.memo_json = detail::c_str_or_null(o.memo_json);
    c.search_attributes_json = detail::c_str_or_null(o.search_attributes_json);
    c.schedule_proto = o.schedule_proto.empty() ? nullptr : o.schedule_proto.data();
    c.schedule_proto_len = o.schedule_proto.size();
    // With a proto, start options left empty are "not set" (the library refuses both ways).
    const StartWorkflowOptions& w = o.workflow_options;
    if (!o.schedule_proto.empty() && w.id.empty() && w.task_queue.empty()) {
      return f(static_cast<const temporal_schedule_options*>(&c));
    }
    return with_c_options(w, [&](const temporal_start_workflow_options* start) {
      c.workflow_options = start;
      return f(static_cast<const temporal_schedule_options*>(&c));
    });
  }

  friend class ScheduleHandle;

 public:
  /// Connects and checks that the server answers (temporal_client_connect_async); the call's
  /// result is the Client. Bounded by `options.connect_timeout` (the timeout in
  /// `call_options` is not used). Errors: InvalidArgumentError, UnavailableError,
  /// DeadlineExceededError, Error (PERMISSION_DENIED). With `options.lazy` nothing is dialed:
  /// the call completes at once (see ClientOptions::lazy). Checks the library version first
  /// (VersionMismatchError).
  static Call<Client> connect_async(const ClientOptions& options = {},
                                    const CallOptions& call_options = {}) {
    detail::ensure_library_version();
    temporal_client_options c = detail::c_defaults(&temporal_client_options_default);
    c.address = detail::c_str_or_null(options.address);
    c.namespace_name = detail::c_str_or_null(options.namespace_name);
    c.identity = detail::c_str_or_null(options.identity);
    c.api_key = detail::c_str_or_null(options.api_key);
    c.tls = options.tls;
    c.tls_server_ca_cert_pem = detail::c_str_or_null(options.tls_server_ca_cert_pem);
    c.tls_client_cert_pem = detail::c_str_or_null(options.tls_client_cert_pem);
    c.tls_client_key_pem = detail::c_str_or_null(options.tls_client_key_pem);
    c.tls_server_name = detail::c_str_or_null(options.tls_server_name);
    c.tls_disable_host_verification = options.tls_disable_host_verification;
    std::string metadata;
    if (!options.grpc_metadata.empty()) {
      metadata = detail::json_string_object(options.grpc_metadata);
      c.grpc_metadata_json = metadata.c_str();
    }
    c.connect_timeout_ms = options.connect_timeout.ms();
    c.envconfig = static_cast<std::int32_t>(options.envconfig);
    c.envconfig_profile = options.envconfig_profile ? options.envconfig_profile->c_str() : nullptr;
    c.envconfig_file = options.envconfig_file ? options.envconfig_file->c_str() : nullptr;
    c.grpc_compression = static_cast<std::int32_t>(options.grpc_compression);
    c.metrics_host_meter = options.metrics_host_meter;
    if (options.metric_meter && options.metrics_host_meter != nullptr) {
      throw_error(ErrorCode::InvalidArgument,
                  "metric_meter and metrics_host_meter are both set: give one");
    }
    c.keep_alive_interval_ms = detail::to_ms(options.keep_alive_interval, "keep_alive_interval");
    c.keep_alive_timeout_ms = detail::to_ms(options.keep_alive_timeout, "keep_alive_timeout");
    c.keep_alive_disabled = options.keep_alive_disabled;
    c.proxy_address = detail::c_str_or_null(options.proxy_address);
    c.proxy_basic_auth_user = detail::c_str_or_null(options.proxy_basic_auth_user);
    c.proxy_basic_auth_password = detail::c_str_or_null(options.proxy_basic_auth_password);
    c.lazy = options.lazy;

    const detail::CCallOptions co(call_options);
    // Last, when nothing can throw before the connect: the bridge is the library's once the
    // connect takes the table.
    temporal_payload_codec codec = detail::c_defaults(&temporal_payload_codec_default);
    detail::CodecBridge* bridge = nullptr;
    if (options.payload_codec) {
      bridge = new detail::CodecBridge{options.payload_codec};
      codec.encode = &detail::codec_bridge_run<true>;
      codec.decode = &detail::codec_bridge_run<false>;
      codec.user_data = bridge;
      codec.release = &detail::codec_bridge_release;
      c.payload_codec = &codec;
    }
    temporal_host_meter meter = detail::c_defaults(&temporal_host_meter_default);
    detail::MeterBridge* meter_bridge = nullptr;
    if (options.metric_meter) {
      meter_bridge = new detail::MeterBridge{options.metric_meter};
      meter.user_data = meter_bridge;
      meter.metric_new = &detail::meter_metric_new;
      meter.metric_free = &detail::meter_metric_free;
      meter.attributes_new = &detail::meter_attributes_new;
      meter.attributes_free = &detail::meter_attributes_free;
      meter.record_integer = &detail::meter_record_integer;
      meter.record_float = &detail::meter_record_float;
      meter.record_duration = &detail::meter_record_duration;
      meter.record_signed = &detail::meter_record_signed;
      meter.meter_free = &detail::meter_bridge_free;
      c.metrics_host_meter = &meter;
    }
    temporal_call* call = nullptr;
    temporal_error* error = temporal_client_connect_async(&c, co.get(), &call);
    if (meter_bridge != nullptr) {
      // As the codec's below: released already if the connect took the table, else never.
      const bool never_taken =
          error != nullptr && meter_bridge->owners.load(std::memory_order_acquire) == 2;
      detail::meter_bridge_unref(meter_bridge, never_taken ? 2 : 1);
    }
    if (bridge != nullptr) {
      // A connect that returns an error has dropped the table before returning: released
      // already if it took it (one owner left), never to be if it did not (two: drop the
      // library's too).
      const bool never_taken =
          error != nullptr && bridge->owners.load(std::memory_order_acquire) == 2;
      detail::codec_bridge_unref(bridge, never_taken ? 2 : 1);
    }
    throw_if_error(error);
    return Call<Client>(call);
  }

  /// connect_async(options).get().
  static Client connect(const ClientOptions& options = {}) { return connect_async(options).get(); }

  /// Takes ownership of `client` (NULL gives an empty object).
  explicit Client(temporal_client* client) noexcept : client_(client) {}

  Client(Client&& other) noexcept : client_(std::exchange(other.client_, nullptr)) {}
  Client& operator=(Client&& other) noexcept {
    if (this != &other) {
      temporal_client_free(client_);
      client_ = std::exchange(other.client_, nullptr);
    }
    return *this;
  }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;
  ~Client() { temporal_client_free(client_); }

  /// False for a moved-from object.
  explicit operator bool() const noexcept { return client_ != nullptr; }
  /// The C handle, still owned by this object (NULL when moved from).
  const temporal_client* native_handle() const noexcept { return client_; }

  // -------------------------------------------------------------------------------------------
  // Connection settings of a connected client

  /// The Go SDK's NewClientFromExisting (temporal_client_new_from_existing): a new client on
  /// this client's connection for `namespace_name` and `identity` ("": `default` and
  /// `pid@hostname@`, as for a new client). No call to the server. The two share what is set on
  /// the connection (set_api_key, set_grpc_metadata); either may be destroyed first.
  Client new_from_existing(const std::string& namespace_name = {},
                           const std::string& identity = {}) const {
    temporal_client* out = nullptr;
    throw_if_error(temporal_client_new_from_existing(client_, detail::c_str_or_null(namespace_name),
                                                     detail::c_str_or_null(identity), &out));
    return Client(out);
  }

  /// Replaces the API key without reconnecting (temporal_client_set_api_key): every later call
  /// sends `authorization: Bearer <api_key>`; "" sends none. Calls already sent keep their
  /// key; TLS stays as connect chose it. Throws InvalidArgumentError (without the key in it)
  /// for a key that is not printable ASCII; the previous key then stays.
  void set_api_key(const std::string& api_key) const {
    throw_if_error(temporal_client_set_api_key(client_, detail::c_str_or_null(api_key)));
  }

  /// Replaces the extra gRPC metadata of every later call, connect's and the environment
  /// configuration's included (temporal_client_set_grpc_metadata); empty removes it. Checked
  /// as at connect (InvalidArgumentError); on an error nothing changes.
  void set_grpc_metadata(const std::map<std::string, std::string>& metadata) const {
    const std::string json = detail::json_string_object(metadata);
    throw_if_error(temporal_client_set_grpc_metadata(client_, json.c_str()));
  }

  // -------------------------------------------------------------------------------------------
  // Starting workflows

  /// Starts a workflow (temporal_execute_workflow_async); the call's result is its run, once
  /// the server accepted the start (get() the run to wait for the workflow's result).
  /// `args_json`: the arguments as a JSON array, one element per workflow parameter, e.g.
  /// R"(["World"])". Default timeout: 10 s, retries of transient errors included.
  Call<WorkflowRun> execute_workflow_async(const std::string& workflow_type,
                                           const StartWorkflowOptions& options,
                                           const std::string& args_json = "[]",
                                           const CallOptions& call_options = {}) const {
    return start_execute(workflow_type, options, args_json.c_str(), call_options);
  }
  /// The same, for a string literal (and NULL: no arguments).
  Call<WorkflowRun> execute_workflow_async(const std::string& workflow_type,
                                           const StartWorkflowOptions& options,
                                           const char* args_json,
                                           const CallOptions& call_options = {}) const {
    return start_execute(workflow_type, options, args_json, call_options);
  }

  /// execute_workflow_async(...).get(): the run, once the server accepted the start.
  WorkflowRun execute_workflow(const std::string& workflow_type,
                               const StartWorkflowOptions& options,
                               const std::string& args_json = "[]", Timeout timeout = {}) const {
    return execute_workflow_async(workflow_type, options, args_json, timeout).get();
  }
  /// The same, for a string literal (and NULL: no arguments).
  WorkflowRun execute_workflow(const std::string& workflow_type,
                               const StartWorkflowOptions& options, const char* args_json,
                               Timeout timeout = {}) const {
    return execute_workflow_async(workflow_type, options, args_json, timeout).get();
  }

#if TEMPORAL_FFI_HAS_NLOHMANN_JSON
  /// The same with the arguments as a JSON array, e.g. nlohmann::json::array({"World"}).
  Call<WorkflowRun> execute_workflow_async(const std::string& workflow_type,
                                           const StartWorkflowOptions& options,
                                           const nlohmann::json& args,
                                           const CallOptions& call_options = {}) const {
    const std::string args_json = args.dump();
    return start_execute(workflow_type, options, args_json.c_str(), call_options);
  }
  WorkflowRun execute_workflow(const std::string& workflow_type,
                               const StartWorkflowOptions& options, const nlohmann::json& args,
                               Timeout timeout = {}) const {
    return execute_workflow_async(workflow_type, options, args, timeout).get();
  }
#endif

  /// A run for an existing workflow (temporal_get_workflow); makes no call to the server.
  /// `run_id` "": the latest run (run_id() is "" until it is resolved).
  WorkflowRun get_workflow(const std::string& workflow_id, const std::string& run_id = "") const {
    temporal_workflow_run* run = nullptr;
    throw_if_error(temporal_get_workflow(client_, workflow_id.c_str(),
                                         detail::c_str_or_null(run_id), &run));
    return WorkflowRun(run);
  }

  /// Signals a workflow, starting it first if it is not running
  /// (temporal_signal_with_start_workflow_async); the call's result is the run that got the
  /// signal. The Workflow ID is `options.id`.
  Call<WorkflowRun> signal_with_start_workflow_async(const std::string& signal_name,
                                                     const std::string& signal_args_json,
                                                     const std::string& workflow_type,
                                                     const StartWorkflowOptions& options,
                                                     const std::string& args_json = "[]",
                                                     const CallOptions& call_options = {}) const {
    const detail::CCallOptions co(call_options);
    return with_c_options(options, [&](const temporal_start_workflow_options* c) {
      temporal_call* call = nullptr;
      throw_if_error(temporal_signal_with_start_workflow_async(
          client_, signal_name.c_str(),
          detail::c_args(signal_args_json, call_options.args_payloads),
          workflow_type.c_str(),
          detail::c_args(args_json, call_options.workflow_args_payloads), c, co.get(),
          &call));
      return Call<WorkflowRun>(call);
    });
  }
  WorkflowRun signal_with_start_workflow(const std::string& signal_name,
                                         const std::string& signal_args_json,
                                         const std::string& workflow_type,
                                         const StartWorkflowOptions& options,
                                         const std::string& args_json = "[]",
                                         Timeout timeout = {}) const {
    return signal_with_start_workflow_async(signal_name, signal_args_json, workflow_type,
                                            options, args_json, timeout)
        .get();
  }

  // -------------------------------------------------------------------------------------------
  // Operations on workflow executions

  /// Sends a signal (temporal_signal_workflow_async). No result.
  Call<void> signal_workflow_async(const std::string& workflow_id, const std::string& run_id,
                                   const std::string& signal_name,
                                   const std::string& args_json = "[]",
                                   const CallOptions& call_options = {}) const {
    const detail::CCallOptions co(call_options);
    temporal_call* call = nullptr;
    throw_if_error(temporal_signal_workflow_async(
        client_, workflow_id.c_str(), detail::c_str_or_null(run_id), signal_name.c_str(),
        detail::c_args(args_json, call_options.args_payloads), co.get(), &call));
    return Call<void>(call);
  }
  void signal_workflow(const std::string& workflow_id, const std::string& run_id,
                       const std::string& signal_name, const std::string& args_json = "[]",
                       Timeout timeout = {}) const {
    signal_workflow_async(workflow_id, run_id, signal_name, args_json, timeout).get();
  }

  /// Queries a workflow (temporal_query_workflow_async); the result is the handler's answer as
  /// JSON. A failing query: QueryFailedError; no answer within the timeout (for
  /// example no worker polls the workflow's task queue): DeadlineExceededError.
  Call<std::string> query_workflow_async(const std::string& workflow_id,
                                         const std::string& run_id,
                                         const std::string& query_type,
                                         const std::string& args_json = "[]",
                                         const CallOptions& call_options = {}) const {
    const detail::CCallOptions co(call_options);
    temporal_call* call = nullptr;
    throw_if_error(temporal_query_workflow_async(
        client_, workflow_id.c_str(), detail::c_str_or_null(run_id), query_type.c_str(),
        detail::c_args(args_json, call_options.args_payloads), co.get(), &call));
    return Call<std::string>(call);
  }
  std::string query_workflow(const std::string& workflow_id, const std::string& run_id,
                             const std::string& query_type, const std::string& args_json = "[]",
                             Timeout timeout = {}) const {
    return query_workflow_async(workflow_id, run_id, query_type, args_json, timeout).get();
  }

  /// The Go SDK's QueryWorkflowWithOptions (temporal_query_workflow_with_options_async): as
  /// query_workflow_async, plus `options.reject_condition`. A query the condition refuses is
  /// QueryRejectedError (details: `{"status": "COMPLETED"}`, the workflow's status).
  Call<std::string> query_workflow_async(const QueryOptions& options,
                                         const CallOptions& call_options = {}) const {
    const detail::CCallOptions co(call_options);
    const temporal_query_options c = detail::c_query_options(options, call_options.args_payloads);
    temporal_call* call = nullptr;
    throw_if_error(temporal_query_workflow_with_options_async(client_, &c, co.get(), &call));
    return Call<std::string>(call);
  }
  std::string query_workflow(const QueryOptions& options, Timeout timeout = {}) const {
    return query_workflow_async(options, timeout).get();
  }

  /// Sends an update and waits for its result (temporal_update_workflow_async); the result is
  /// the handler's result and the update ID. `update_id` "": the library generates one.
  /// Default timeout: no limit. A rejected or failed update: UpdateFailedError (details:
  /// `update_id`, `failure`).
  Call<UpdateResult> update_workflow_async(const std::string& workflow_id,
                                           const std::string& run_id,
                                           const std::string& update_name,
                                           const std::string& args_json = "[]",
                                           const std::string& update_id = "",
                                           const CallOptions& call_options = {}) const {
    const detail::CCallOptions co(call_options);
    temporal_call* call = nullptr;
    throw_if_error(temporal_update_workflow_async(
        client_, workflow_id.c_str(), detail::c_str_or_null(run_id), update_name.c_str(),
        detail::c_str_or_null(update_id),
        detail::c_args(args_json, call_options.args_payloads), co.get(), &call));
    return Call<UpdateResult>(call);
  }
  UpdateResult update_workflow(const std::string& workflow_id, const std::string& run_id,
                               const std::string& update_name, const std::string& args_json = "[]",
                               const std::string& update_id = "", Timeout timeout = {}) const {
    return update_workflow_async(workflow_id, run_id, update_name, args_json, update_id, timeout)
        .get();
  }

  /// Sends an update and completes once it reached `options.wait_for_stage`
  /// (temporal_start_update_async; Go's UpdateWorkflow); the result is the update's handle,
  /// whose get() gives the outcome. `options.wait_for_stage` is required (Unspecified and
  /// Admitted: InvalidArgumentError, as in Go). As in Go, an update the validator rejects is
  /// not this call's error: the handle's get() throws UpdateFailedError. This call's errors
  /// are the server's (NotFoundError for a workflow that is not running, ...). Default
  /// timeout: no limit.
  Call<UpdateHandle> start_update_async(const std::string& workflow_id, const std::string& run_id,
                                        const std::string& update_name,
                                        const std::string& args_json, const UpdateOptions& options,
                                        const CallOptions& call_options = {}) const {
    const temporal_update_options u = detail::c_update_options(options);
    const detail::CCallOptions co(call_options);
    temporal_call* call = nullptr;
    throw_if_error(temporal_start_update_async(
        client_, workflow_id.c_str(), detail::c_str_or_null(run_id), update_name.c_str(),
        detail::c_args(args_json, call_options.args_payloads), &u, co.get(), &call));
    return Call<UpdateHandle>(call);
  }
  UpdateHandle start_update(const std::string& workflow_id, const std::string& run_id,
                            const std::string& update_name, const std::string& args_json,
                            const UpdateOptions& options, Timeout timeout = {}) const {
    return start_update_async(workflow_id, run_id, update_name, args_json, options, timeout).get();
  }

  /// A handle for an update started elsewhere, by its IDs (temporal_get_workflow_update_handle;
  /// Go's GetWorkflowUpdateHandle). Makes no call to the server: an unknown update is found
  /// out by the handle's get() (NotFoundError). `run_id` "": the current run.
  UpdateHandle get_workflow_update_handle(const std::string& workflow_id,
                                          const std::string& run_id,
                                          const std::string& update_id) const {
    temporal_update_handle* handle = nullptr;
    throw_if_error(temporal_get_workflow_update_handle(
        client_, workflow_id.c_str(), detail::c_str_or_null(run_id), update_id.c_str(), &handle));
    return UpdateHandle(handle);
  }

  /// Sends an update to a workflow, starting the workflow first if needed, in one request
  /// (temporal_update_with_start_workflow_async; Go's UpdateWithStartWorkflow with a
  /// NewWithStartWorkflowOperation); completes once the update reached
  /// `update_options.wait_for_stage`, with the update's handle and the run. The update goes to
  /// `start_options.id` (not set: a UUID). `start_options.id_conflict_policy` is required
  /// (InvalidArgumentError before any request otherwise, as in Go);
  /// `error_when_already_started` is ignored. A refused start or update is the server's error,
  /// its message starting "failed workflow start" or "failed workflow update" (Fail on a
  /// running workflow: AlreadyStartedError, `run_id` in the details). Default timeout: no
  /// limit.
  Call<UpdateWithStartResult> update_with_start_workflow_async(
      const std::string& update_name, const std::string& update_args_json,
      const UpdateOptions& update_options, const std::string& workflow_type,
      const StartWorkflowOptions& start_options, const std::string& args_json = "[]",
      const CallOptions& call_options = {}) const {
    const temporal_update_options u = detail::c_update_options(update_options);
    const detail::CCallOptions co(call_options);
    return with_c_options(start_options, [&](const temporal_start_workflow_options* c) {
      temporal_call* call = nullptr;
      throw_if_error(temporal_update_with_start_workflow_async(
          client_, update_name.c_str(),
          detail::c_args(update_args_json, call_options.args_payloads), &u,
          workflow_type.c_str(),
          detail::c_args(args_json, call_options.workflow_args_payloads), c, co.get(),
          &call));
      return Call<UpdateWithStartResult>(call);
    });
  }
  UpdateWithStartResult update_with_start_workflow(const std::string& update_name,
                                                   const std::string& update_args_json,
                                                   const UpdateOptions& update_options,
                                                   const std::string& workflow_type,
                                                   const StartWorkflowOptions& start_options,
                                                   const std::string& args_json = "[]",
                                                   Timeout timeout = {}) const {
    return update_with_start_workflow_async(update_name, update_args_json, update_options,
                                            workflow_type, start_options, args_json, timeout)
        .get();
  }

  /// Requests cancellation (temporal_cancel_workflow_async); the workflow decides how to stop.
  /// No result.
  Call<void> cancel_workflow_async(const std::string& workflow_id, const std::string& run_id = "",
                                   const CallOptions& call_options = {}) const {
    const detail::CCallOptions co(call_options);
    temporal_call* call = nullptr;
    throw_if_error(temporal_cancel_workflow_async(client_, workflow_id.c_str(),
                                                  detail::c_str_or_null(run_id), co.get(), &call));
    return Call<void>(call);
  }
  void cancel_workflow(const std::string& workflow_id, const std::string& run_id = "",
                       Timeout timeout = {}) const {
    cancel_workflow_async(workflow_id, run_id, timeout).get();
  }

  /// Terminates a workflow (temporal_terminate_workflow_async). `reason` "": none;
  /// `details_json`: a JSON array, "" for none. No result.
  Call<void> terminate_workflow_async(const std::string& workflow_id,
                                      const std::string& run_id = "",
                                      const std::string& reason = "",
                                      const std::string& details_json = "",
                                      const CallOptions& call_options = {}) const {
    const detail::CCallOptions co(call_options);
    temporal_call* call = nullptr;
    throw_if_error(temporal_terminate_workflow_async(
        client_, workflow_id.c_str(), detail::c_str_or_null(run_id), detail::c_str_or_null(reason),
        detail::c_str_or_null(details_json), co.get(), &call));
    return Call<void>(call);
  }
  void terminate_workflow(const std::string& workflow_id, const std::string& run_id = "",
                          const std::string& reason = "", const std::string& details_json = "",
                          Timeout timeout = {}) const {
    terminate_workflow_async(workflow_id, run_id, reason, details_json, timeout).get();
  }

  /// The Go SDK's CancelWorkflowWithOptions (temporal_cancel_workflow_with_options_async): a
  /// reason, and a first execution Run ID the current run's chain must start with
  /// (NotFoundError otherwise). `details_json` must be empty for a cancel.
  Call<void> cancel_workflow_async(const WorkflowTargetOptions& options,
                                   const CallOptions& call_options = {}) const {
    const detail::CCallOptions co(call_options);
    const temporal_workflow_target_options c = detail::c_target_options(options);
    temporal_call* call = nullptr;
    throw_if_error(temporal_cancel_workflow_with_options_async(client_, &c, co.get(), &call));
    return Call<void>(call);
  }
  void cancel_workflow(const WorkflowTargetOptions& options, Timeout timeout = {}) const {
    cancel_workflow_async(options, timeout).get();
  }

  /// The Go SDK's TerminateWorkflowWithOptions (temporal_terminate_workflow_with_options_async).
  Call<void> terminate_workflow_async(const WorkflowTargetOptions& options,
                                      const CallOptions& call_options = {}) const {
    const detail::CCallOptions co(call_options);
    const temporal_workflow_target_options c = detail::c_target_options(options);
    temporal_call* call = nullptr;
    throw_if_error(temporal_terminate_workflow_with_options_async(client_, &c, co.get(), &call));
    return Call<void>(call);
  }
  void terminate_workflow(const WorkflowTargetOptions& options, Timeout timeout = {}) const {
    terminate_workflow_async(options, timeout).get();
  }

  /// Describes an execution (temporal_describe_workflow_execution_async); the result is a JSON
  /// object (`workflow_id`, `run_id`, `workflow_type`, `status`, ..., `parent_workflow_id`,
  /// `pending_children`, `callbacks`; see temporal.h); the call's proto_bytes() gives the
  /// DescribeWorkflowExecutionResponse.
  Call<std::string> describe_workflow_execution_async(const std::string& workflow_id,
                                                      const std::string& run_id = "",
                                                      const CallOptions& call_options = {}) const {
    const detail::CCallOptions co(call_options);
    temporal_call* call = nullptr;
    throw_if_error(temporal_describe_workflow_execution_async(
        client_, workflow_id.c_str(), detail::c_str_or_null(run_id), co.get(), &call));
    return Call<std::string>(call);
  }
  std::string describe_workflow_execution(const std::string& workflow_id,
                                          const std::string& run_id = "",
                                          Timeout timeout = {}) const {
    return describe_workflow_execution_async(workflow_id, run_id, timeout).get();
  }

  /// One page of the executions matching a visibility query (temporal_list_workflow_async),
  /// as `{"executions": [...], "next_page_token": "..."}`. `query` "": all; `page_size` 0: the
  /// server's default; `page_token` "": the first page. The call's proto_bytes() gives the
  /// ListWorkflowExecutionsResponse.
  Call<std::string> list_workflow_async(const std::string& query = "", std::int32_t page_size = 0,
                                        const std::string& page_token = "",
                                        const CallOptions& call_options = {}) const {
    const detail::CCallOptions co(call_options);
    temporal_call* call = nullptr;
    throw_if_error(temporal_list_workflow_async(client_, detail::c_str_or_null(query), page_size,
                                                detail::c_str_or_null(page_token), co.get(),
                                                &call));
    return Call<std::string>(call);
  }
  std::string list_workflow(const std::string& query = "", std::int32_t page_size = 0,
                            const std::string& page_token = "", Timeout timeout = {}) const {
    return list_workflow_async(query, page_size, page_token, timeout).get();
  }

  /// Calls any WorkflowService or OperatorService RPC by its gRPC method name, the request and
  /// the response as protobuf bytes (temporal_raw_rpc_async): the Go SDK's WorkflowService() /
  /// OperatorService() escape hatch, through this client's connection, deadline and retries.
  /// `service`: "temporal.api.workflowservice.v1.WorkflowService" (or "WorkflowService") or
  /// "temporal.api.operatorservice.v1.OperatorService" ("OperatorService"); `method`, e.g.
  /// "DescribeNamespace". The payload codec is not applied.
  Call<std::vector<std::uint8_t>> raw_rpc_async(const std::string& service, const std::string& method,
                                                const std::vector<std::uint8_t>& request,
                                                const CallOptions& call_options = {}) const {
    const detail::CCallOptions co(call_options);
    temporal_call* call = nullptr;
    throw_if_error(temporal_raw_rpc_async(client_, service.c_str(), method.c_str(),
                                          request.empty() ? nullptr : request.data(), request.size(),
                                          co.get(), &call));
    return Call<std::vector<std::uint8_t>>(call);
  }
  std::vector<std::uint8_t> raw_rpc(const std::string& service, const std::string& method,
                                    const std::vector<std::uint8_t>& request, Timeout timeout = {}) const {
    return raw_rpc_async(service, method, request, timeout).get();
  }

  /// The number of executions matching a visibility query (temporal_count_workflow_async);
  /// "": all. The call's json() also has the `groups` of a GROUP BY query; its proto_bytes()
  /// gives the CountWorkflowExecutionsResponse.
  Call<std::int64_t> count_workflow_async(const std::string& query = "",
                                          const CallOptions& call_options = {}) const {
    const detail::CCallOptions co(call_options);
    temporal_call* call = nullptr;
    throw_if_error(temporal_count_workflow_async(client_, detail::c_str_or_null(query), co.get(),
                                                 &call));
    return Call<std::int64_t>(call);
  }
  std::int64_t count_workflow(const std::string& query = "", Timeout timeout = {}) const {
    return count_workflow_async(query, timeout).get();
  }

  /// The whole event history of a run (temporal_get_workflow_history_async) as
  /// `{"events": [...]}`. The timeout bounds the whole fetch (default: 10 s).
  Call<std::string> get_workflow_history_async(const std::string& workflow_id,
                                               const std::string& run_id = "",
                                               const CallOptions& call_options = {}) const {
    const detail::CCallOptions co(call_options);
    temporal_call* call = nullptr;
    throw_if_error(temporal_get_workflow_history_async(
        client_, workflow_id.c_str(), detail::c_str_or_null(run_id), co.get(), &call));
    return Call<std::string>(call);
  }
  std::string get_workflow_history(const std::string& workflow_id, const std::string& run_id = "",
                                   Timeout timeout = {}) const {
    return get_workflow_history_async(workflow_id, run_id, timeout).get();
  }

  /// One page of a run's event history (temporal_get_workflow_history_page_async; the Go
  /// SDK's GetWorkflowHistory iterator reads these) as `{"events": [...], "next_page_token":
  /// "hex"}` ("" after the last page); proto_bytes() gives the
  /// GetWorkflowExecutionHistoryResponse. `run_id` "": the current run; `page_token` "": the
  /// first page, else the previous page's token. `wait_new_event`: a long poll, held by the
  /// server until a new event comes (or, after its own ~20 s interval, answered with no events
  /// and a token to poll again with). Default timeout: 10 s, 65 s for a long poll.
  Call<std::string> get_workflow_history_page_async(
      const std::string& workflow_id, const std::string& run_id = "",
      const std::string& page_token = "", HistoryEventFilter filter = HistoryEventFilter::AllEvent,
      bool wait_new_event = false, const CallOptions& call_options = {}) const {
    const detail::CCallOptions co(call_options);
    temporal_call* call = nullptr;
    throw_if_error(temporal_get_workflow_history_page_async(
        client_, workflow_id.c_str(), detail::c_str_or_null(run_id),
        detail::c_str_or_null(page_token), static_cast<std::int32_t>(filter), wait_new_event,
        co.get(), &call));
    return Call<std::string>(call);
  }
  std::string get_workflow_history_page(const std::string& workflow_id,
                                        const std::string& run_id = "",
                                        const std::string& page_token = "",
                                        HistoryEventFilter filter = HistoryEventFilter::AllEvent,
                                        bool wait_new_event = false, Timeout timeout = {}) const {
    return get_workflow_history_page_async(workflow_id, run_id, page_token, filter,
                                           wait_new_event, timeout)
        .get();
  }

  /// The namespace's search attributes (temporal_get_search_attributes_async, the Go SDK's
  /// GetSearchAttributes) as `{"keys": {"WorkflowId": "KEYWORD", ...}}`; proto_bytes() gives
  /// the GetSearchAttributesResponse.
  Call<std::string> get_search_attributes_async(const CallOptions& call_options = {}) const {
    const detail::CCallOptions co(call_options);
    temporal_call* call = nullptr;
    throw_if_error(temporal_get_search_attributes_async(client_, co.get(), &call));
    return Call<std::string>(call);
  }
  std::string get_search_attributes(Timeout timeout = {}) const {
    return get_search_attributes_async(timeout).get();
  }

  /// Describes a task queue (temporal_describe_task_queue_async, the Go SDK's
  /// DescribeTaskQueue) as `{"pollers": [{"identity", "last_access_time",
  /// "rate_per_second"}, ...], "backlog_count_hint": N or null}`; proto_bytes() gives the
  /// DescribeTaskQueueResponse.
  Call<std::string> describe_task_queue_async(const std::string& task_queue,
                                              TaskQueueType type = TaskQueueType::Workflow,
                                              const CallOptions& call_options = {}) const {
    const detail::CCallOptions co(call_options);
    temporal_call* call = nullptr;
    throw_if_error(temporal_describe_task_queue_async(
        client_, task_queue.c_str(), static_cast<std::int32_t>(type), co.get(), &call));
    return Call<std::string>(call);
  }
  std::string describe_task_queue(const std::string& task_queue,
                                  TaskQueueType type = TaskQueueType::Workflow,
                                  Timeout timeout = {}) const {
    return describe_task_queue_async(task_queue, type, timeout).get();
  }

  /// Resets a workflow (temporal_reset_workflow_execution_async, the Go SDK's
  /// ResetWorkflowExecution): a new run replays the history of `run_id` ("": the current run)
  /// up to `workflow_task_finish_event_id` (a workflow task's completed, failed or timed-out
  /// event; positive), and the old run, if running, is terminated. The call's result is
  /// `{"run_id": "<the new run>"}`; proto_bytes() gives the ResetWorkflowExecutionResponse.
  Call<std::string> reset_workflow_execution_async(const std::string& workflow_id,
                                                   const std::string& run_id,
                                                   const std::string& reason,
                                                   std::int64_t workflow_task_finish_event_id,
                                                   const CallOptions& call_options = {}) const {
    const detail::CCallOptions co(call_options);
    temporal_call* call = nullptr;
    throw_if_error(temporal_reset_workflow_execution_async(
        client_, workflow_id.c_str(), detail::c_str_or_null(run_id), detail::c_str_or_null(reason),
        workflow_task_finish_event_id, co.get(), &call));
    return Call<std::string>(call);
  }
  /// reset_workflow_execution_async(...).get(), returning the new run's Run ID.
  std::string reset_workflow_execution(const std::string& workflow_id, const std::string& run_id,
                                       const std::string& reason,
                                       std::int64_t workflow_task_finish_event_id,
                                       Timeout timeout = {}) const {
    return detail::json_string_field(
        reset_workflow_execution_async(workflow_id, run_id, reason, workflow_task_finish_event_id,
                                       timeout)
            .get(),
        "run_id");
  }

  /// Checks the server's health (temporal_check_health_async, the Go SDK's CheckHealth):
  /// completes when the WorkflowService is SERVING; any other status, or a server that cannot
  /// be reached: UnavailableError.
  Call<void> check_health_async(const CallOptions& call_options = {}) const {
    const detail::CCallOptions co(call_options);
    temporal_call* call = nullptr;
    throw_if_error(temporal_check_health_async(client_, co.get(), &call));
    return Call<void>(call);
  }
  void check_health(Timeout timeout = {}) const { check_health_async(timeout).get(); }

  /// Creates a schedule (temporal_schedule_create_async, the Go SDK's ScheduleClient.Create)
  /// and returns its handle (valid while this Client lives). An ID in use: AlreadyExistsError
  /// (details: schedule_id). The action's arguments as payloads: CallOptions::args_payloads.
  Call<void> create_schedule_async(const std::string& schedule_id, const ScheduleOptions& options,
                                   const CallOptions& call_options = {}) const {
    const detail::CCallOptions co(call_options);
    return with_c_schedule_options(options, [&](const temporal_schedule_options* c) {
      temporal_call* call = nullptr;
      throw_if_error(
          temporal_schedule_create_async(client_, schedule_id.c_str(), c, co.get(), &call));
      return Call<void>(call);
    });
  }
  ScheduleHandle create_schedule(const std::string& schedule_id, const ScheduleOptions& options,
                                 Timeout timeout = {}) const {
    create_schedule_async(schedule_id, options, timeout).get();
    return get_schedule_handle(schedule_id);
  }

  /// The handle of a schedule by its ID (the Go SDK's ScheduleClient.GetHandle). No call to
  /// the server: a missing schedule shows at the first call (NotFoundError).
  ScheduleHandle get_schedule_handle(const std::string& schedule_id) const {
    return ScheduleHandle(client_, schedule_id);
  }

  /// One page of the schedules (temporal_schedule_list_async) as `{"schedules": [...],
  /// "next_page_token": "..."}` ("" on the last page). `query`: a visibility query over the
  /// schedules' search attributes, "": all; `page_size` 0: the server's default.
  /// Eventually consistent: a schedule just created may show a moment later.
  Call<std::string> list_schedules_page_async(const std::string& query = "",
                                              std::int32_t page_size = 0,
                                              const std::string& page_token = "",
                                              const CallOptions& call_options = {}) const {
    const detail::CCallOptions co(call_options);
    temporal_call* call = nullptr;
    throw_if_error(temporal_schedule_list_async(client_, detail::c_str_or_null(query), page_size,
                                                detail::c_str_or_null(page_token), co.get(),
                                                &call));
    return Call<std::string>(call);
  }
  std::string list_schedules_page(const std::string& query = "", std::int32_t page_size = 0,
                                  const std::string& page_token = "", Timeout timeout = {}) const {
    return list_schedules_page_async(query, page_size, page_token, timeout).get();
  }

#if TEMPORAL_FFI_HAS_NLOHMANN_JSON
  /// Every schedule matching `query` (all its pages, each bounded by `timeout`): the
  /// `schedules` entries of list_schedules_page.
  std::vector<nlohmann::json> list_schedules(const std::string& query = "",
                                             std::int32_t page_size = 0,
                                             Timeout timeout = {}) const {
    std::vector<nlohmann::json> all;
    std::string token;
    do {
      const nlohmann::json page =
          nlohmann::json::parse(list_schedules_page(query, page_size, token, timeout));
      for (const auto& schedule : page.at("schedules")) all.push_back(schedule);
      token = page.value("next_page_token", "");
    } while (!token.empty());
    return all;
  }
#endif

  // -------------------------------------------------------------------------------------------
  // Async activity completion: activities a worker left pending (the Go SDK's
  // activity.ErrResultPending), completed or heartbeated from here. By task token, or by IDs
  // (`namespace_name` "": the client's; `run_id` "": the workflow's current run). Default
  // timeout: 10 s. An activity that is no longer pending (completed, timed out, an earlier
  // attempt's token, its workflow closed) or never was: NotFoundError; a token the server
  // cannot read: InvalidArgumentError. By ID, the error's details have `workflow_id`,
  // `run_id` and `activity_id`.

  /// Completes, fails or cancels an activity by its task token
  /// (temporal_complete_activity_async): the Go SDK's CompleteActivity(ctx, taskToken, result,
  /// err), with `completion` for `result` and `err`. No result.
  Call<void> complete_activity_async(TaskTokenView task_token,
                                     const ActivityCompletion& completion = {},
                                     const CallOptions& call_options = {}) const {
    const detail::CCallOptions co(call_options);
    const temporal_activity_completion c = detail::c_activity_completion(completion);
    temporal_call* call = nullptr;
    throw_if_error(temporal_complete_activity_async(client_, task_token.data(), task_token.size(),
                                                    &c, co.get(), &call));
    return Call<void>(call);
  }
  void complete_activity(TaskTokenView task_token, const ActivityCompletion& completion = {},
                         Timeout timeout = {}) const {
    complete_activity_async(task_token, completion, timeout).get();
  }

  /// The same by IDs (temporal_complete_activity_by_id_async): the Go SDK's
  /// CompleteActivityByID(ctx, namespace, workflowID, runID, activityID, result, err).
  /// `workflow_id` and `activity_id` are required.
  Call<void> complete_activity_by_id_async(const std::string& namespace_name,
                                           const std::string& workflow_id,
                                           const std::string& run_id,
                                           const std::string& activity_id,
                                           const ActivityCompletion& completion = {},
                                           const CallOptions& call_options = {}) const {
    const detail::CCallOptions co(call_options);
    const temporal_activity_completion c = detail::c_activity_completion(completion);
    temporal_call* call = nullptr;
    throw_if_error(temporal_complete_activity_by_id_async(
        client_, detail::c_str_or_null(namespace_name), workflow_id.c_str(),
        detail::c_str_or_null(run_id), activity_id.c_str(), &c, co.get(), &call));
    return Call<void>(call);
  }
  void complete_activity_by_id(const std::string& namespace_name, const std::string& workflow_id,
                               const std::string& run_id, const std::string& activity_id,
                               const ActivityCompletion& completion = {},
                               Timeout timeout = {}) const {
    complete_activity_by_id_async(namespace_name, workflow_id, run_id, activity_id, completion,
                                  timeout)
        .get();
  }

  /// Records a heartbeat of a pending activity by its task token
  /// (temporal_record_activity_heartbeat_async): the Go SDK's RecordActivityHeartbeat(ctx,
  /// taskToken, details...). `details_json`: a JSON array, one payload per element ("": none);
  /// the activity's next attempt reads the last ones recorded. The result says whether the
  /// workflow requested cancellation (where Go returns a *CanceledError; see
  /// ActivityHeartbeat); the call's json() is the library's JSON.
  Call<ActivityHeartbeat> record_activity_heartbeat_async(
      TaskTokenView task_token, const std::string& details_json = "",
      const CallOptions& call_options = {}) const {
    const detail::CCallOptions co(call_options);
    temporal_call* call = nullptr;
    throw_if_error(temporal_record_activity_heartbeat_async(
        client_, task_token.data(), task_token.size(), detail::c_str_or_null(details_json),
        co.get(), &call));
    return Call<ActivityHeartbeat>(call);
  }
  ActivityHeartbeat record_activity_heartbeat(TaskTokenView task_token,
                                              const std::string& details_json = "",
                                              Timeout timeout = {}) const {
    return record_activity_heartbeat_async(task_token, details_json, timeout).get();
  }

  /// The same by IDs (temporal_record_activity_heartbeat_by_id_async): the Go SDK's
  /// RecordActivityHeartbeatByID(ctx, namespace, workflowID, runID, activityID, details...).
  Call<ActivityHeartbeat> record_activity_heartbeat_by_id_async(
      const std::string& namespace_name, const std::string& workflow_id,
      const std::string& run_id, const std::string& activity_id,
      const std::string& details_json = "", const CallOptions& call_options = {}) const {
    const detail::CCallOptions co(call_options);
    temporal_call* call = nullptr;
    throw_if_error(temporal_record_activity_heartbeat_by_id_async(
        client_, detail::c_str_or_null(namespace_name), workflow_id.c_str(),
        detail::c_str_or_null(run_id), activity_id.c_str(), detail::c_str_or_null(details_json),
        co.get(), &call));
    return Call<ActivityHeartbeat>(call);
  }
  ActivityHeartbeat record_activity_heartbeat_by_id(const std::string& namespace_name,
                                                    const std::string& workflow_id,
                                                    const std::string& run_id,
                                                    const std::string& activity_id,
                                                    const std::string& details_json = "",
                                                    Timeout timeout = {}) const {
    return record_activity_heartbeat_by_id_async(namespace_name, workflow_id, run_id,
                                                 activity_id, details_json, timeout)
        .get();
  }

#if TEMPORAL_FFI_HAS_NLOHMANN_JSON
  /// The heartbeats with the details as a nlohmann::json array (templates on exactly
  /// nlohmann::json, so that a string literal still picks the JSON text overloads).
  template <class Json, std::enable_if_t<std::is_same_v<Json, nlohmann::json>, int> = 0>
  ActivityHeartbeat record_activity_heartbeat(TaskTokenView task_token, const Json& details,
                                              Timeout timeout = {}) const {
    return record_activity_heartbeat(task_token, details.dump(), timeout);
  }
  template <class Json, std::enable_if_t<std::is_same_v<Json, nlohmann::json>, int> = 0>
  ActivityHeartbeat record_activity_heartbeat_by_id(const std::string& namespace_name,
                                                    const std::string& workflow_id,
                                                    const std::string& run_id,
                                                    const std::string& activity_id,
                                                    const Json& details,
                                                    Timeout timeout = {}) const {
    return record_activity_heartbeat_by_id(namespace_name, workflow_id, run_id, activity_id,
                                           details.dump(), timeout);
  }
#endif

 private:
  temporal_client* client_ = nullptr;
};

inline Call<void> ScheduleHandle::update_async(const ScheduleOptions& options,
                                               const std::string& conflict_token,
                                               const CallOptions& call_options) const {
  const detail::CCallOptions co(call_options);
  return Client::with_c_schedule_options(options, [&](const temporal_schedule_options* c) {
    temporal_call* call = nullptr;
    throw_if_error(temporal_schedule_update_async(
        client_, id_.c_str(), c, detail::c_str_or_null(conflict_token), co.get(), &call));
    return Call<void>(call);
  });
}

// ---------------------------------------------------------------------------------------------
// Runtime

/// temporal_log_level.
enum class LogLevel : std::int32_t {
  Off = TEMPORAL_LOG_LEVEL_OFF,
  Error = TEMPORAL_LOG_LEVEL_ERROR,
  Warn = TEMPORAL_LOG_LEVEL_WARN,
  Info = TEMPORAL_LOG_LEVEL_INFO,
  Debug = TEMPORAL_LOG_LEVEL_DEBUG,
  Trace = TEMPORAL_LOG_LEVEL_TRACE,
};

/// Receives one log event: level, target (the library module) and message. Called on any
/// library thread, possibly several at once; must not block for long. Exceptions it throws are
/// swallowed.
using LogCallback =
    std::function<void(LogLevel level, const std::string& target, const std::string& message)>;

/// temporal_runtime_options.
struct RuntimeOptions {
  std::uint32_t worker_threads = 0;  ///< 0: the number of CPUs, at most 4
  LogLevel log_level = LogLevel::Off;  ///< events at this level and more severe are logged
  LogCallback log_callback;            ///< empty: no logging
  /// Serve the client metrics as Prometheus text on http://<ip:port>/metrics (port 0: a free
  /// one, see Runtime::metrics_address); starts the runtime at once. Empty: no endpoint.
  std::string metrics_prometheus_address;
  std::optional<std::string> metrics_prefix;  ///< not set: "temporal_", as the Go SDK
  std::map<std::string, std::string> metrics_global_tags;  ///< tags on every metric
  bool metrics_durations_in_seconds = false;  ///< Prometheus and OTLP latencies in s, not ms
  /// Push the client metrics to an OpenTelemetry collector over OTLP instead:
  /// "http://host:4317" (OTLP/gRPC) or, with metrics_otlp_http, "http://host:4318/v1/metrics".
  /// Starts the runtime at once. Empty: no OTLP.
  std::string metrics_otlp_url;
  bool metrics_otlp_http = false;                         ///< OTLP/HTTP, not OTLP/gRPC
  std::map<std::string, std::string> metrics_otlp_headers;  ///< sent with every export
  std::chrono::milliseconds metrics_otlp_period{0};         ///< 0: every second
};

/// The library's process-wide runtime.
class Runtime {
 public:
  /// Configures the runtime (temporal_runtime_init). Only before the first other call of the
  /// library: afterwards it throws InvalidArgumentError and changes nothing. The log callback,
  /// once installed, stays for the life of the process. Checks the library version first
  /// (VersionMismatchError).
  static void init(const RuntimeOptions& options) {
    detail::ensure_library_version();
    temporal_runtime_options c = detail::c_defaults(&temporal_runtime_options_default);
    c.worker_threads = options.worker_threads;
    c.log_level = static_cast<std::int32_t>(options.log_level);
    c.metrics_prometheus_address = detail::c_str_or_null(options.metrics_prometheus_address);
    c.metrics_prefix = options.metrics_prefix ? options.metrics_prefix->c_str() : nullptr;
    std::string tags;
    if (!options.metrics_global_tags.empty()) {
      tags = detail::json_string_object(options.metrics_global_tags);
      c.metrics_global_tags_json = tags.c_str();
    }
    c.metrics_durations_in_seconds = options.metrics_durations_in_seconds;
    c.metrics_otlp_url = detail::c_str_or_null(options.metrics_otlp_url);
    c.metrics_otlp_protocol = options.metrics_otlp_http ? TEMPORAL_OTLP_PROTOCOL_HTTP
                                                        : TEMPORAL_OTLP_PROTOCOL_GRPC;
    std::string otlp_headers;
    if (!options.metrics_otlp_headers.empty()) {
      otlp_headers = detail::json_string_object(options.metrics_otlp_headers);
      c.metrics_otlp_headers_json = otlp_headers.c_str();
    }
    c.metrics_otlp_period_ms = detail::to_ms(options.metrics_otlp_period, "metrics_otlp_period");
    // The library may call the callback for the rest of the process: it is never freed once
    // installed (kept reachable from a static), and freed right away if init fails.
    std::unique_ptr<LogCallback> callback;
    if (options.log_callback) {
      callback = std::make_unique<LogCallback>(options.log_callback);
      c.log_callback = &log_trampoline;
      c.log_user_data = callback.get();
    }
    throw_if_error(temporal_runtime_init(&c));
    if (callback) installed_log_callback() = callback.release();
  }

  /// Shuts the library down (temporal_runtime_shutdown): pending calls end with CanceledError
  /// (futures included), the runtime's threads are joined (waiting at most `timeout`; default:
  /// 5 s), and every later call throws ShutdownError. Objects stay valid to destroy. Refused
  /// (InvalidArgumentError) from inside a library callback; a second call is a no-op.
  static void shutdown(Timeout timeout = {}) {
    throw_if_error(temporal_runtime_shutdown(timeout.ms()));
  }

  /// The "host:port" the Prometheus endpoint listens on (temporal_runtime_metrics_address);
  /// empty when none runs.
  static std::string metrics_address() {
    char buffer[128];
    const std::size_t n = temporal_runtime_metrics_address(buffer, sizeof buffer);
    return n < sizeof buffer ? std::string(buffer, n) : std::string();
  }

 private:
  static LogCallback*& installed_log_callback() noexcept {
    static LogCallback* callback = nullptr;
    return callback;
  }

  static void log_trampoline(void* user_data, std::int32_t level, const char* target,
                             const char* message) noexcept {
    try {
      (*static_cast<LogCallback*>(user_data))(static_cast<LogLevel>(level),
                                              target != nullptr ? target : "",
                                              message != nullptr ? message : "");
    } catch (...) {
      // Nothing may unwind into the library.
    }
  }
};

}  // namespace temporal

#endif  // TEMPORAL_FFI_HPP
