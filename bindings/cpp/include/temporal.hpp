// temporal.hpp: header-only C++17 wrapper over temporal.h, the C API of temporal-ffi.
//
// A thin layer: every call is one C call; all Temporal behaviour lives in the library.
// What it adds is C++ ownership and error handling:
//  - `temporal::Client` and `temporal::WorkflowRun` are move-only RAII handles
//    (temporal_client_free / temporal_workflow_run_free in their destructors). A moved-from
//    object holds no handle: destroying or assigning to it is safe, and calling a method that
//    needs the handle throws `InvalidArgumentError` (the library's answer to a NULL handle).
//  - Every C error is turned into an exception derived from `temporal::Error` (itself a
//    std::runtime_error) by `temporal::throw_if_error`, which also frees the C error.
//  - Results and arguments are JSON text (std::string), exactly as in the C API. When
//    <nlohmann/json.hpp> is available (and TEMPORAL_FFI_NO_NLOHMANN_JSON is not defined),
//    `WorkflowRun::get_as<T>()`, an `execute_workflow` overload taking nlohmann::json arguments
//    and `Error::details()` are available too.
//
// Thread safety is the C API's: a Client and a WorkflowRun may be used from any number of
// threads at once (all their methods are const); destroy them only when no other thread is
// inside one of their calls. Async calls in flight do not need the Client or WorkflowRun they
// were started from: either may be destroyed before the call completes.
//
// Async: every operation has, besides the blocking form, a `*_async` form returning a
// std::future and one taking a callback (temporal::Callback) and returning a temporal::Call
// (to cancel). Both use the library's own async calls: no thread is held while waiting.
//
// Runtime: temporal::Runtime::init (before the first other call) and Runtime::shutdown.
//
// Build: add the directory of this file and of temporal.h to the include path (they are
// installed side by side) and link libtemporal_ffi.
#ifndef TEMPORAL_FFI_HPP
#define TEMPORAL_FFI_HPP

#pragma once

#include "temporal.h"

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
#include <type_traits>
#include <utility>
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

/// The version of the library loaded at run time, e.g. "0.1.0" (compare with
/// `header_version`, the version of the headers compiled in).
inline std::string version() { return temporal_version(); }

/// The version of temporal.h this program was compiled against.
inline constexpr const char* header_version = TEMPORAL_FFI_VERSION;

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
};

/// The code's name without prefix, e.g. "NOT_FOUND" ("UNKNOWN" for a value that is no code).
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
  /// The library's message, without the code name (temporal_error_get_message).
  const std::string& message() const noexcept { return *message_; }
  /// The details as JSON object text, or "" when the error has none
  /// (temporal_error_get_details; temporal.h lists the keys per code).
  const std::string& details_json() const noexcept { return *details_; }

#if TEMPORAL_FFI_HAS_NLOHMANN_JSON
  /// The details parsed; an empty object when there are none.
  nlohmann::json details() const {
    return details_->empty() ? nlohmann::json::object() : nlohmann::json::parse(*details_);
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
TEMPORAL_FFI_DEFINE_ERROR(DeadlineExceededError, Error)
TEMPORAL_FFI_DEFINE_ERROR(PayloadError, Error)
/// The call was canceled (Call::cancel, or Runtime::shutdown with the call in flight).
TEMPORAL_FFI_DEFINE_ERROR(CanceledError, Error)
/// A workflow update was rejected by its validator or its handler failed (details: `failure`).
TEMPORAL_FFI_DEFINE_ERROR(UpdateFailedError, Error)
/// A query failed in the workflow's handler, or was rejected.
TEMPORAL_FFI_DEFINE_ERROR(QueryFailedError, Error)
/// The library was shut down (Runtime::shutdown), or is used in a child after fork().
TEMPORAL_FFI_DEFINE_ERROR(ShutdownError, Error)

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
    case ErrorCode::Shutdown:
      throw ShutdownError(code, message, std::move(details_json));
    default:
      throw Error(code, message, std::move(details_json));
  }
}

/// Does nothing for NULL; otherwise frees `error` (always, even if building the exception
/// throws) and throws the matching `temporal::Error` subclass.
inline void throw_if_error(temporal_error* error) {
  if (error == nullptr) return;
  struct Free {
    void operator()(temporal_error* e) const noexcept { temporal_error_free(e); }
  };
  std::unique_ptr<temporal_error, Free> owned(error);
  const auto code = static_cast<ErrorCode>(temporal_error_get_code(error));
  std::string message = temporal_error_get_message(error);
  const char* details = temporal_error_get_details(error);
  std::string details_json = details != nullptr ? details : "";
  owned.reset();
  throw_error(code, message, std::move(details_json));
}

// ---------------------------------------------------------------------------------------------
// Options

namespace detail {

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

/// temporal_grpc_compression: request compression (gzip is the Go SDK's default, not ours).
enum class GrpcCompression : std::int32_t {
  None = TEMPORAL_GRPC_COMPRESSION_NONE,
  Gzip = TEMPORAL_GRPC_COMPRESSION_GZIP,
};

/// temporal_client_options. Empty strings mean "not set"; see temporal.h for each field.
struct ClientOptions {
  std::string address;  ///< host:port; not set: localhost:7233 (or envconfig)
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
  /// 0: the library default (10 s).
  std::chrono::milliseconds connect_timeout{0};
  bool envconfig = false;
  std::optional<std::string> envconfig_profile;
  std::optional<std::string> envconfig_file;
  GrpcCompression grpc_compression = GrpcCompression::None;
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

/// temporal_retry_policy. Zero values mean "server default".
struct RetryPolicy {
  std::chrono::milliseconds initial_interval{0};
  double backoff_coefficient = 0.0;
  std::chrono::milliseconds maximum_interval{0};
  std::int32_t maximum_attempts = 0;  ///< 0: unlimited
  std::vector<std::string> non_retryable_error_types;
};

/// temporal_start_workflow_options. Empty strings and zero durations mean "not set".
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
};

// ---------------------------------------------------------------------------------------------
// Async calls

class WorkflowRun;

/// A handle to an async call in flight (temporal_call), returned by the callback forms of the
/// `*_async` methods. Move-only; the destructor frees the handle, which does NOT cancel the
/// call (the callback still runs exactly once). `cancel()` makes the callback run promptly
/// with CanceledError unless the call already finished.
class Call {
 public:
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

  /// Cancels the call (temporal_call_cancel). Idempotent; a no-op on an empty object.
  void cancel() const noexcept { temporal_call_cancel(call_); }
  /// False for a moved-from or default-constructed object.
  explicit operator bool() const noexcept { return call_ != nullptr; }
  const temporal_call* native_handle() const noexcept { return call_; }

 private:
  temporal_call* call_ = nullptr;
};

/// The callback of the callback forms of the `*_async` methods: an exception_ptr (null on
/// success; rethrow it to get the `temporal::Error` subclass) and the value (empty on error).
/// It runs exactly once, on a library thread; keep it short. It may start other async calls
/// but must not make blocking calls (they fail with InvalidArgumentError) or wait on a future
/// of this library. It must not throw: an exception leaving it calls std::terminate.
template <class T>
using Callback = std::function<void(std::exception_ptr, T)>;
/// The callback of operations without a result.
using VoidCallback = std::function<void(std::exception_ptr)>;

namespace detail {

struct StringFree {
  void operator()(char* s) const noexcept { temporal_string_free(s); }
};
struct RunFree {
  void operator()(temporal_workflow_run* r) const noexcept { temporal_workflow_run_free(r); }
};
using OwnedString = std::unique_ptr<char, StringFree>;
using OwnedRun = std::unique_ptr<temporal_workflow_run, RunFree>;

// The exception throw_if_error would throw (it frees `error`).
inline std::exception_ptr to_exception(temporal_error* error) noexcept {
  try {
    throw_if_error(error);
  } catch (...) {
    return std::current_exception();
  }
  return nullptr;
}

// What a result kind takes from a completion (and gives on error). WorkflowRun's is defined
// after the class.
template <class T>
struct Result;

template <>
struct Result<void> {
  using callback_type = VoidCallback;
};

template <>
struct Result<std::string> {
  using callback_type = Callback<std::string>;
  static std::string take(OwnedString& json, OwnedRun&) {
    return json ? std::string(json.get()) : std::string("null");
  }
  static std::string empty() { return {}; }
};

// {"count": N}, the answer of temporal_count_workflow.
inline std::int64_t parse_count(const char* json) {
#if TEMPORAL_FFI_HAS_NLOHMANN_JSON
  try {
    return nlohmann::json::parse(json).at("count").get<std::int64_t>();
  } catch (const nlohmann::json::exception& e) {
    throw_error(ErrorCode::Internal, std::string("cannot read the count: ") + e.what());
  }
#else
  const std::string s = json != nullptr ? json : "";
  const auto key = s.find("\"count\"");
  const auto colon = key == std::string::npos ? key : s.find(':', key);
  if (colon == std::string::npos) throw_error(ErrorCode::Internal, "cannot read the count: " + s);
  char* end = nullptr;
  const long long n = std::strtoll(s.c_str() + colon + 1, &end, 10);
  if (end == s.c_str() + colon + 1) throw_error(ErrorCode::Internal, "cannot read the count: " + s);
  return static_cast<std::int64_t>(n);
#endif
}

template <>
struct Result<std::int64_t> {
  using callback_type = Callback<std::int64_t>;
  static std::int64_t take(OwnedString& json, OwnedRun&) { return parse_count(json.get()); }
  static std::int64_t empty() { return 0; }
};

// The temporal_callback of the future forms: user_data is a heap std::promise<T>; sets the
// value or the exception, and frees the promise and everything the library passed.
template <class T>
void promise_trampoline(void* user_data, temporal_error* error, char* result_json,
                        temporal_workflow_run* run) noexcept {
  std::unique_ptr<std::promise<T>> promise(static_cast<std::promise<T>*>(user_data));
  OwnedString json(result_json);
  OwnedRun owned_run(run);
  if (error != nullptr) {
    promise->set_exception(to_exception(error));
    return;
  }
  try {
    if constexpr (std::is_void_v<T>) {
      promise->set_value();
    } else {
      promise->set_value(Result<T>::take(json, owned_run));
    }
  } catch (...) {
    promise->set_exception(std::current_exception());
  }
}

// The temporal_callback of the callback forms: user_data is a heap callback_type.
template <class T>
void callback_trampoline(void* user_data, temporal_error* error, char* result_json,
                         temporal_workflow_run* run) noexcept {
  using F = typename Result<T>::callback_type;
  std::unique_ptr<F> callback(static_cast<F*>(user_data));
  OwnedString json(result_json);
  OwnedRun owned_run(run);
  std::exception_ptr exception = error != nullptr ? to_exception(error) : nullptr;
  if constexpr (std::is_void_v<T>) {
    (*callback)(exception);
  } else {
    if (!exception) {
      try {
        T value = Result<T>::take(json, owned_run);
        (*callback)(nullptr, std::move(value));
        return;
      } catch (...) {
        exception = std::current_exception();
      }
    }
    (*callback)(exception, Result<T>::empty());
  }
}

// Starts a C async call for a future. `start(callback, user_data, call_out)` makes the C call.
// Every error, including an immediate refusal, ends up in the future.
template <class T, class Start>
std::future<T> start_future(Start&& start) {
  auto promise = std::make_unique<std::promise<T>>();
  std::future<T> future = promise->get_future();
  try {
    throw_if_error(start(&promise_trampoline<T>, static_cast<void*>(promise.get()),
                         static_cast<temporal_call**>(nullptr)));
    promise.release();  // the trampoline owns it now
  } catch (...) {
    promise->set_exception(std::current_exception());
  }
  return future;
}

// Starts a C async call with a callback. An immediate refusal (invalid arguments) is thrown
// here and the callback is never called.
template <class T, class Start>
Call start_callback(typename Result<T>::callback_type callback, Start&& start) {
  if (!callback) throw_error(ErrorCode::InvalidArgument, "callback must not be empty");
  using F = typename Result<T>::callback_type;
  auto holder = std::make_unique<F>(std::move(callback));
  temporal_call* call = nullptr;
  throw_if_error(start(&callback_trampoline<T>, static_cast<void*>(holder.get()), &call));
  holder.release();  // the trampoline owns it now
  return Call(call);
}

}  // namespace detail

// ---------------------------------------------------------------------------------------------
// WorkflowRun

/// A workflow run (temporal_workflow_run): a Workflow ID and a Run ID. Move-only.
class WorkflowRun {
 public:
  /// Takes ownership of `run` (NULL gives an empty object).
  /// (Allocating the shared state may throw std::bad_alloc; `run` is freed then.)
  explicit WorkflowRun(temporal_workflow_run* run) : run_(run, &temporal_workflow_run_free) {}

  WorkflowRun(WorkflowRun&&) noexcept = default;
  WorkflowRun& operator=(WorkflowRun&&) noexcept = default;
  WorkflowRun(const WorkflowRun&) = delete;
  WorkflowRun& operator=(const WorkflowRun&) = delete;
  ~WorkflowRun() = default;

  /// False for a moved-from object.
  explicit operator bool() const noexcept { return static_cast<bool>(run_); }
  /// The C handle, still owned by this object (NULL when moved from).
  const temporal_workflow_run* native_handle() const noexcept { return run_.get(); }

  /// The Workflow ID ("" when moved from).
  std::string id() const {
    const char* s = temporal_workflow_run_get_id(run_.get());
    return s != nullptr ? s : "";
  }

  /// The Run ID. For a run from Client::get_workflow without a Run ID, the first call asks the
  /// server (blocking) and gives "" if that fails, as the Go SDK does.
  std::string run_id() const {
    const char* s = temporal_workflow_run_get_run_id(run_.get());
    return s != nullptr ? s : "";
  }

  /// Waits for the workflow to close and returns its result as JSON text ("null" when it
  /// returned nothing). `timeout`: give up with DeadlineExceededError (the workflow is not
  /// affected); 0: wait as long as it takes. Throws WorkflowFailedError, WorkflowCanceledError,
  /// WorkflowTerminatedError, WorkflowTimedOutError, NotFoundError, PayloadError...
  std::string get(std::chrono::milliseconds timeout = std::chrono::milliseconds{0}) const {
    return get_result(run_.get(), timeout);
  }

  /// get() without blocking a thread (temporal_get_result_async): the future receives the
  /// result or the exception get() would throw (every error, including invalid arguments,
  /// goes into the future). The library keeps what it needs of the run, so this object may be
  /// destroyed before the future is ready; destroying the future does not block.
  std::future<std::string> get_async(
      std::chrono::milliseconds timeout = std::chrono::milliseconds{0}) const {
    return detail::start_future<std::string>(
        [&](temporal_callback cb, void* user_data, temporal_call** call_out) {
          return temporal_get_result_async(run_.get(), detail::to_ms(timeout, "timeout"), cb,
                                           user_data, call_out);
        });
  }

  /// get() with a callback (see temporal::Callback); returns the call's handle, to cancel it.
  /// Throws (and never calls `callback`) only for invalid arguments.
  Call get_async(std::chrono::milliseconds timeout, Callback<std::string> callback) const {
    const std::uint64_t timeout_ms = detail::to_ms(timeout, "timeout");
    return detail::start_callback<std::string>(
        std::move(callback), [&](temporal_callback cb, void* user_data, temporal_call** call_out) {
          return temporal_get_result_async(run_.get(), timeout_ms, cb, user_data, call_out);
        });
  }

#if TEMPORAL_FFI_HAS_NLOHMANN_JSON
  /// get(), parsed and converted with nlohmann::json (T = nlohmann::json for the raw value).
  template <class T>
  T get_as(std::chrono::milliseconds timeout = std::chrono::milliseconds{0}) const {
    return nlohmann::json::parse(get(timeout)).template get<T>();
  }
#endif

 private:
  static std::string get_result(const temporal_workflow_run* run,
                                std::chrono::milliseconds timeout) {
    const std::uint64_t timeout_ms = detail::to_ms(timeout, "timeout");
    char* out = nullptr;
    throw_if_error(temporal_get_result(run, timeout_ms, &out));
    struct Free {
      void operator()(char* s) const noexcept { temporal_string_free(s); }
    };
    std::unique_ptr<char, Free> owned(out);
    return out != nullptr ? std::string(out) : std::string("null");
  }

  std::shared_ptr<temporal_workflow_run> run_;
};

namespace detail {
template <>
struct Result<WorkflowRun> {
  using callback_type = Callback<WorkflowRun>;
  static WorkflowRun take(OwnedString&, OwnedRun& run) { return WorkflowRun(run.release()); }
  static WorkflowRun empty() { return WorkflowRun(nullptr); }
};
}  // namespace detail

// ---------------------------------------------------------------------------------------------
// Client

/// A connected client (temporal_client). Move-only; thread-safe. Runs obtained from it stay
/// valid after it is destroyed.
class Client {
  using ms = std::chrono::milliseconds;

  // (Private helpers first: their return types are deduced.)
  // Builds the C options (valid only during the call) and calls f(const options*).
  template <class F>
  static auto with_c_options(const StartWorkflowOptions& o, F&& f) {
    temporal_start_workflow_options c;
    temporal_start_workflow_options_default(&c);
    c.id = detail::c_str_or_null(o.id);
    c.task_queue = detail::c_str_or_null(o.task_queue);
    c.execution_timeout_ms = detail::to_ms(o.execution_timeout, "execution_timeout");
    c.run_timeout_ms = detail::to_ms(o.run_timeout, "run_timeout");
    c.task_timeout_ms = detail::to_ms(o.task_timeout, "task_timeout");
    c.id_reuse_policy = static_cast<std::int32_t>(o.id_reuse_policy);
    c.id_conflict_policy = static_cast<std::int32_t>(o.id_conflict_policy);
    c.error_when_already_started = o.error_when_already_started;
    temporal_retry_policy retry{};
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
    return f(static_cast<const temporal_start_workflow_options*>(&c));
  }

  WorkflowRun execute(const std::string& workflow_type, const StartWorkflowOptions& o,
                      const char* args_json) const {
    return with_c_options(o, [&](const temporal_start_workflow_options* c) {
      temporal_workflow_run* run = nullptr;
      throw_if_error(temporal_execute_workflow(client_, workflow_type.c_str(), args_json, c, &run));
      return WorkflowRun(run);
    });
  }

  static std::string take_json(char* out) {
    detail::OwnedString owned(out);
    return owned ? std::string(owned.get()) : std::string("null");
  }


  // The C async call of each operation, as f(callback, user_data, call_out). They capture the
  // caller's arguments by pointer: used only within the public method's call.
  auto signal_fn(const std::string& id, const std::string& run_id, const std::string& name,
                 const std::string& args, ms deadline) const {
    return [this, id = &id, run_id = &run_id, name = &name, args = &args, deadline](
               temporal_callback cb, void* ud, temporal_call** out) {
      return temporal_signal_workflow_async(client_, id->c_str(), detail::c_str_or_null(*run_id),
                                            name->c_str(), args->c_str(),
                                            detail::to_ms(deadline, "deadline"), cb, ud, out);
    };
  }
  auto signal_with_start_fn(const std::string& signal_name, const std::string& signal_args,
                            const std::string& type, const StartWorkflowOptions& options,
                            const std::string& args, ms deadline) const {
    return [this, signal_name = &signal_name, signal_args = &signal_args, type = &type,
            options = &options, args = &args, deadline](temporal_callback cb, void* ud,
                                                        temporal_call** out) {
      const std::uint64_t deadline_ms = detail::to_ms(deadline, "deadline");
      return with_c_options(*options, [&](const temporal_start_workflow_options* c) {
        return temporal_signal_with_start_workflow_async(
            client_, signal_name->c_str(), signal_args->c_str(), type->c_str(), args->c_str(), c,
            deadline_ms, cb, ud, out);
      });
    };
  }
  auto query_fn(const std::string& id, const std::string& run_id, const std::string& type,
                const std::string& args, ms deadline) const {
    return [this, id = &id, run_id = &run_id, type = &type, args = &args, deadline](
               temporal_callback cb, void* ud, temporal_call** out) {
      return temporal_query_workflow_async(client_, id->c_str(), detail::c_str_or_null(*run_id),
                                           type->c_str(), args->c_str(),
                                           detail::to_ms(deadline, "deadline"), cb, ud, out);
    };
  }
  auto update_fn(const std::string& id, const std::string& run_id, const std::string& name,
                 const std::string& args, const std::string& update_id, ms deadline) const {
    return [this, id = &id, run_id = &run_id, name = &name, args = &args, update_id = &update_id,
            deadline](temporal_callback cb, void* ud, temporal_call** out) {
      return temporal_update_workflow_async(
          client_, id->c_str(), detail::c_str_or_null(*run_id), name->c_str(),
          detail::c_str_or_null(*update_id), args->c_str(), detail::to_ms(deadline, "deadline"),
          cb, ud, out);
    };
  }
  auto cancel_fn(const std::string& id, const std::string& run_id, ms deadline) const {
    return [this, id = &id, run_id = &run_id, deadline](temporal_callback cb, void* ud,
                                                        temporal_call** out) {
      return temporal_cancel_workflow_async(client_, id->c_str(), detail::c_str_or_null(*run_id),
                                            detail::to_ms(deadline, "deadline"), cb, ud, out);
    };
  }
  auto terminate_fn(const std::string& id, const std::string& run_id, const std::string& reason,
                    const std::string& details, ms deadline) const {
    return [this, id = &id, run_id = &run_id, reason = &reason, details = &details, deadline](
               temporal_callback cb, void* ud, temporal_call** out) {
      return temporal_terminate_workflow_async(
          client_, id->c_str(), detail::c_str_or_null(*run_id), detail::c_str_or_null(*reason),
          detail::c_str_or_null(*details), detail::to_ms(deadline, "deadline"), cb, ud, out);
    };
  }
  auto describe_fn(const std::string& id, const std::string& run_id, ms deadline) const {
    return [this, id = &id, run_id = &run_id, deadline](temporal_callback cb, void* ud,
                                                        temporal_call** out) {
      return temporal_describe_workflow_execution_async(
          client_, id->c_str(), detail::c_str_or_null(*run_id),
          detail::to_ms(deadline, "deadline"), cb, ud, out);
    };
  }
  auto list_fn(const std::string& query, std::int32_t page_size, const std::string& token,
               ms deadline) const {
    return [this, query = &query, page_size, token = &token, deadline](
               temporal_callback cb, void* ud, temporal_call** out) {
      return temporal_list_workflow_async(client_, detail::c_str_or_null(*query), page_size,
                                          detail::c_str_or_null(*token),
                                          detail::to_ms(deadline, "deadline"), cb, ud, out);
    };
  }
  auto count_fn(const std::string& query, ms deadline) const {
    return [this, query = &query, deadline](temporal_callback cb, void* ud, temporal_call** out) {
      return temporal_count_workflow_async(client_, detail::c_str_or_null(*query),
                                           detail::to_ms(deadline, "deadline"), cb, ud, out);
    };
  }
  auto history_fn(const std::string& id, const std::string& run_id, ms deadline) const {
    return [this, id = &id, run_id = &run_id, deadline](temporal_callback cb, void* ud,
                                                        temporal_call** out) {
      return temporal_get_workflow_history_async(client_, id->c_str(),
                                                 detail::c_str_or_null(*run_id),
                                                 detail::to_ms(deadline, "deadline"), cb, ud, out);
    };
  }

 public:
  /// Connects and checks that the server answers (temporal_client_connect). Throws
  /// InvalidArgumentError, UnavailableError, DeadlineExceededError, Error (PERMISSION_DENIED).
  static Client connect(const ClientOptions& options = {}) {
    temporal_client_options c;
    temporal_client_options_default(&c);
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
    c.connect_timeout_ms = detail::to_ms(options.connect_timeout, "connect_timeout");
    c.envconfig = options.envconfig;
    c.envconfig_profile = options.envconfig_profile ? options.envconfig_profile->c_str() : nullptr;
    c.envconfig_file = options.envconfig_file ? options.envconfig_file->c_str() : nullptr;
    c.grpc_compression = static_cast<std::int32_t>(options.grpc_compression);

    temporal_client* client = nullptr;
    throw_if_error(temporal_client_connect(&c, &client));
    return Client(client);
  }

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

  /// Starts a workflow (temporal_execute_workflow) and returns its run once the server
  /// accepted the start; call get() on it to wait for the result. `args_json`: the arguments
  /// as a JSON array, one element per workflow parameter, e.g. R"(["World"])".
  WorkflowRun execute_workflow(const std::string& workflow_type,
                               const StartWorkflowOptions& options,
                               const std::string& args_json = "[]") const {
    return execute(workflow_type, options, args_json.c_str());
  }

  /// The same, for a string literal (and NULL: no arguments).
  WorkflowRun execute_workflow(const std::string& workflow_type,
                               const StartWorkflowOptions& options,
                               const char* args_json) const {
    return execute(workflow_type, options, args_json);
  }

#if TEMPORAL_FFI_HAS_NLOHMANN_JSON
  /// The same with the arguments as a JSON array, e.g. nlohmann::json::array({"World"}).
  WorkflowRun execute_workflow(const std::string& workflow_type,
                               const StartWorkflowOptions& options,
                               const nlohmann::json& args) const {
    const std::string args_json = args.dump();
    return execute(workflow_type, options, args_json.c_str());
  }
#endif

  /// A run for an existing workflow (temporal_get_workflow); makes no call to the server.
  /// `run_id` "": the latest run.
  WorkflowRun get_workflow(const std::string& workflow_id, const std::string& run_id = "") const {
    temporal_workflow_run* run = nullptr;
    throw_if_error(temporal_get_workflow(client_, workflow_id.c_str(),
                                         detail::c_str_or_null(run_id), &run));
    return WorkflowRun(run);
  }


  // -------------------------------------------------------------------------------------------
  // Async execute

  /// execute_workflow without blocking (temporal_execute_workflow_async): the future receives
  /// the run once the server accepted the start, or the exception execute_workflow would throw.
  std::future<WorkflowRun> execute_workflow_async(const std::string& workflow_type,
                                                  const StartWorkflowOptions& options,
                                                  const std::string& args_json = "[]") const {
    return detail::start_future<WorkflowRun>(
        [&](temporal_callback cb, void* user_data, temporal_call** call_out) {
          return with_c_options(options, [&](const temporal_start_workflow_options* c) {
            return temporal_execute_workflow_async(client_, workflow_type.c_str(),
                                                   args_json.c_str(), c, cb, user_data, call_out);
          });
        });
  }

  /// The same with a callback; returns the call's handle (to cancel). Throws (and never calls
  /// `callback`) only for invalid arguments.
  Call execute_workflow_async(const std::string& workflow_type,
                              const StartWorkflowOptions& options, const std::string& args_json,
                              Callback<WorkflowRun> callback) const {
    return detail::start_callback<WorkflowRun>(
        std::move(callback), [&](temporal_callback cb, void* user_data, temporal_call** call_out) {
          return with_c_options(options, [&](const temporal_start_workflow_options* c) {
            return temporal_execute_workflow_async(client_, workflow_type.c_str(),
                                                   args_json.c_str(), c, cb, user_data, call_out);
          });
        });
  }

  // -------------------------------------------------------------------------------------------
  // Operations on workflow executions. `run_id` "": the current run. `deadline` 0: the
  // library's default for the operation (see temporal.h). Arguments are JSON arrays.
  // Each has a blocking form, a `_async` form returning a std::future (every error goes into
  // the future) and a `_async` form taking a callback and returning a Call (it throws, and
  // never calls the callback, only for invalid arguments).

  /// Sends a signal (temporal_signal_workflow).
  void signal_workflow(const std::string& workflow_id, const std::string& run_id,
                       const std::string& signal_name, const std::string& args_json = "[]",
                       ms deadline = ms{0}) const {
    throw_if_error(temporal_signal_workflow(client_, workflow_id.c_str(),
                                            detail::c_str_or_null(run_id), signal_name.c_str(),
                                            args_json.c_str(), detail::to_ms(deadline, "deadline")));
  }
  std::future<void> signal_workflow_async(const std::string& workflow_id,
                                          const std::string& run_id,
                                          const std::string& signal_name,
                                          const std::string& args_json = "[]",
                                          ms deadline = ms{0}) const {
    return detail::start_future<void>(signal_fn(workflow_id, run_id, signal_name, args_json, deadline));
  }
  Call signal_workflow_async(const std::string& workflow_id, const std::string& run_id,
                             const std::string& signal_name, const std::string& args_json,
                             ms deadline, VoidCallback callback) const {
    return detail::start_callback<void>(std::move(callback),
                                        signal_fn(workflow_id, run_id, signal_name, args_json, deadline));
  }

  /// Signals a workflow, starting it first if it is not running
  /// (temporal_signal_with_start_workflow); returns the run that got the signal. The Workflow
  /// ID is `options.id`.
  WorkflowRun signal_with_start_workflow(const std::string& signal_name,
                                         const std::string& signal_args_json,
                                         const std::string& workflow_type,
                                         const StartWorkflowOptions& options,
                                         const std::string& args_json = "[]",
                                         ms deadline = ms{0}) const {
    const std::uint64_t deadline_ms = detail::to_ms(deadline, "deadline");
    return with_c_options(options, [&](const temporal_start_workflow_options* c) {
      temporal_workflow_run* run = nullptr;
      throw_if_error(temporal_signal_with_start_workflow(
          client_, signal_name.c_str(), signal_args_json.c_str(), workflow_type.c_str(),
          args_json.c_str(), c, deadline_ms, &run));
      return WorkflowRun(run);
    });
  }
  std::future<WorkflowRun> signal_with_start_workflow_async(
      const std::string& signal_name, const std::string& signal_args_json,
      const std::string& workflow_type, const StartWorkflowOptions& options,
      const std::string& args_json = "[]", ms deadline = ms{0}) const {
    return detail::start_future<WorkflowRun>(signal_with_start_fn(
        signal_name, signal_args_json, workflow_type, options, args_json, deadline));
  }
  Call signal_with_start_workflow_async(const std::string& signal_name,
                                        const std::string& signal_args_json,
                                        const std::string& workflow_type,
                                        const StartWorkflowOptions& options,
                                        const std::string& args_json, ms deadline,
                                        Callback<WorkflowRun> callback) const {
    return detail::start_callback<WorkflowRun>(
        std::move(callback), signal_with_start_fn(signal_name, signal_args_json, workflow_type,
                                                  options, args_json, deadline));
  }

  /// Queries a workflow (temporal_query_workflow); returns the handler's answer as JSON.
  /// A failing or rejected query throws QueryFailedError.
  std::string query_workflow(const std::string& workflow_id, const std::string& run_id,
                             const std::string& query_type, const std::string& args_json = "[]",
                             ms deadline = ms{0}) const {
    char* out = nullptr;
    throw_if_error(temporal_query_workflow(client_, workflow_id.c_str(),
                                           detail::c_str_or_null(run_id), query_type.c_str(),
                                           args_json.c_str(), detail::to_ms(deadline, "deadline"),
                                           &out));
    return take_json(out);
  }
  std::future<std::string> query_workflow_async(const std::string& workflow_id,
                                                const std::string& run_id,
                                                const std::string& query_type,
                                                const std::string& args_json = "[]",
                                                ms deadline = ms{0}) const {
    return detail::start_future<std::string>(query_fn(workflow_id, run_id, query_type, args_json, deadline));
  }
  Call query_workflow_async(const std::string& workflow_id, const std::string& run_id,
                            const std::string& query_type, const std::string& args_json,
                            ms deadline, Callback<std::string> callback) const {
    return detail::start_callback<std::string>(
        std::move(callback), query_fn(workflow_id, run_id, query_type, args_json, deadline));
  }

  /// Sends an update and waits for its result (temporal_update_workflow); returns the
  /// handler's result as JSON. `update_id` "": a UUID. `deadline` 0: no limit. A rejected or
  /// failed update throws UpdateFailedError (details: `failure`).
  std::string update_workflow(const std::string& workflow_id, const std::string& run_id,
                              const std::string& update_name, const std::string& args_json = "[]",
                              const std::string& update_id = "", ms deadline = ms{0}) const {
    char* out = nullptr;
    throw_if_error(temporal_update_workflow(
        client_, workflow_id.c_str(), detail::c_str_or_null(run_id), update_name.c_str(),
        detail::c_str_or_null(update_id), args_json.c_str(), detail::to_ms(deadline, "deadline"),
        &out));
    return take_json(out);
  }
  std::future<std::string> update_workflow_async(const std::string& workflow_id,
                                                 const std::string& run_id,
                                                 const std::string& update_name,
                                                 const std::string& args_json = "[]",
                                                 const std::string& update_id = "",
                                                 ms deadline = ms{0}) const {
    return detail::start_future<std::string>(
        update_fn(workflow_id, run_id, update_name, args_json, update_id, deadline));
  }
  Call update_workflow_async(const std::string& workflow_id, const std::string& run_id,
                             const std::string& update_name, const std::string& args_json,
                             const std::string& update_id, ms deadline,
                             Callback<std::string> callback) const {
    return detail::start_callback<std::string>(
        std::move(callback), update_fn(workflow_id, run_id, update_name, args_json, update_id, deadline));
  }

  /// Requests cancellation (temporal_cancel_workflow); the workflow decides how to stop.
  void cancel_workflow(const std::string& workflow_id, const std::string& run_id = "",
                       ms deadline = ms{0}) const {
    throw_if_error(temporal_cancel_workflow(client_, workflow_id.c_str(),
                                            detail::c_str_or_null(run_id),
                                            detail::to_ms(deadline, "deadline")));
  }
  std::future<void> cancel_workflow_async(const std::string& workflow_id,
                                          const std::string& run_id = "",
                                          ms deadline = ms{0}) const {
    return detail::start_future<void>(cancel_fn(workflow_id, run_id, deadline));
  }
  Call cancel_workflow_async(const std::string& workflow_id, const std::string& run_id,
                             ms deadline, VoidCallback callback) const {
    return detail::start_callback<void>(std::move(callback), cancel_fn(workflow_id, run_id, deadline));
  }

  /// Terminates a workflow (temporal_terminate_workflow). `reason` "": none; `details_json`: a
  /// JSON array, "" for none.
  void terminate_workflow(const std::string& workflow_id, const std::string& run_id = "",
                          const std::string& reason = "", const std::string& details_json = "",
                          ms deadline = ms{0}) const {
    throw_if_error(temporal_terminate_workflow(
        client_, workflow_id.c_str(), detail::c_str_or_null(run_id), detail::c_str_or_null(reason),
        detail::c_str_or_null(details_json), detail::to_ms(deadline, "deadline")));
  }
  std::future<void> terminate_workflow_async(const std::string& workflow_id,
                                             const std::string& run_id = "",
                                             const std::string& reason = "",
                                             const std::string& details_json = "",
                                             ms deadline = ms{0}) const {
    return detail::start_future<void>(terminate_fn(workflow_id, run_id, reason, details_json, deadline));
  }
  Call terminate_workflow_async(const std::string& workflow_id, const std::string& run_id,
                                const std::string& reason, const std::string& details_json,
                                ms deadline, VoidCallback callback) const {
    return detail::start_callback<void>(
        std::move(callback), terminate_fn(workflow_id, run_id, reason, details_json, deadline));
  }

  /// Describes an execution (temporal_describe_workflow_execution) as a JSON object
  /// (`workflow_id`, `run_id`, `workflow_type`, `status`, ...; see temporal.h).
  std::string describe_workflow_execution(const std::string& workflow_id,
                                          const std::string& run_id = "",
                                          ms deadline = ms{0}) const {
    char* out = nullptr;
    throw_if_error(temporal_describe_workflow_execution(client_, workflow_id.c_str(),
                                                        detail::c_str_or_null(run_id),
                                                        detail::to_ms(deadline, "deadline"), &out));
    return take_json(out);
  }
  std::future<std::string> describe_workflow_execution_async(const std::string& workflow_id,
                                                             const std::string& run_id = "",
                                                             ms deadline = ms{0}) const {
    return detail::start_future<std::string>(describe_fn(workflow_id, run_id, deadline));
  }
  Call describe_workflow_execution_async(const std::string& workflow_id,
                                         const std::string& run_id, ms deadline,
                                         Callback<std::string> callback) const {
    return detail::start_callback<std::string>(std::move(callback),
                                               describe_fn(workflow_id, run_id, deadline));
  }

  /// One page of the executions matching a visibility query (temporal_list_workflow), as
  /// `{"executions": [...], "next_page_token": "..."}`. `query` "": all; `page_size` 0: the
  /// server's default; `page_token` "": the first page.
  std::string list_workflow(const std::string& query = "", std::int32_t page_size = 0,
                            const std::string& page_token = "", ms deadline = ms{0}) const {
    char* out = nullptr;
    throw_if_error(temporal_list_workflow(client_, detail::c_str_or_null(query), page_size,
                                          detail::c_str_or_null(page_token),
                                          detail::to_ms(deadline, "deadline"), &out));
    return take_json(out);
  }
  std::future<std::string> list_workflow_async(const std::string& query = "",
                                               std::int32_t page_size = 0,
                                               const std::string& page_token = "",
                                               ms deadline = ms{0}) const {
    return detail::start_future<std::string>(list_fn(query, page_size, page_token, deadline));
  }
  Call list_workflow_async(const std::string& query, std::int32_t page_size,
                           const std::string& page_token, ms deadline,
                           Callback<std::string> callback) const {
    return detail::start_callback<std::string>(std::move(callback),
                                               list_fn(query, page_size, page_token, deadline));
  }

  /// The number of executions matching a visibility query (temporal_count_workflow); "": all.
  std::int64_t count_workflow(const std::string& query = "", ms deadline = ms{0}) const {
    char* out = nullptr;
    throw_if_error(temporal_count_workflow(client_, detail::c_str_or_null(query),
                                           detail::to_ms(deadline, "deadline"), &out));
    detail::OwnedString owned(out);
    return detail::parse_count(owned.get());
  }
  std::future<std::int64_t> count_workflow_async(const std::string& query = "",
                                                 ms deadline = ms{0}) const {
    return detail::start_future<std::int64_t>(count_fn(query, deadline));
  }
  Call count_workflow_async(const std::string& query, ms deadline,
                            Callback<std::int64_t> callback) const {
    return detail::start_callback<std::int64_t>(std::move(callback), count_fn(query, deadline));
  }

  /// The whole event history of a run (temporal_get_workflow_history) as `{"events": [...]}`.
  /// `deadline` bounds the whole fetch (0: 10 s).
  std::string get_workflow_history(const std::string& workflow_id, const std::string& run_id = "",
                                   ms deadline = ms{0}) const {
    char* out = nullptr;
    throw_if_error(temporal_get_workflow_history(client_, workflow_id.c_str(),
                                                 detail::c_str_or_null(run_id),
                                                 detail::to_ms(deadline, "deadline"), &out));
    return take_json(out);
  }
  std::future<std::string> get_workflow_history_async(const std::string& workflow_id,
                                                      const std::string& run_id = "",
                                                      ms deadline = ms{0}) const {
    return detail::start_future<std::string>(history_fn(workflow_id, run_id, deadline));
  }
  Call get_workflow_history_async(const std::string& workflow_id, const std::string& run_id,
                                  ms deadline, Callback<std::string> callback) const {
    return detail::start_callback<std::string>(std::move(callback),
                                               history_fn(workflow_id, run_id, deadline));
  }

 private:
  temporal_client* client_ = nullptr;
};

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
};

/// The library's process-wide runtime.
class Runtime {
 public:
  /// Configures the runtime (temporal_runtime_init). Only before the first other call of the
  /// library: afterwards it throws InvalidArgumentError and changes nothing. The log callback,
  /// once installed, stays for the life of the process.
  static void init(const RuntimeOptions& options) {
    temporal_runtime_options c;
    temporal_runtime_options_default(&c);
    c.worker_threads = options.worker_threads;
    c.log_level = static_cast<std::int32_t>(options.log_level);
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
  /// (futures and callbacks included), the runtime's threads are joined (waiting at most
  /// `timeout`; 0: 5 s), and every later call throws ShutdownError. Objects stay valid to
  /// destroy. Refused (InvalidArgumentError) from inside a callback; a second call is a no-op.
  static void shutdown(std::chrono::milliseconds timeout = std::chrono::milliseconds{0}) {
    throw_if_error(temporal_runtime_shutdown(detail::to_ms(timeout, "timeout")));
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
