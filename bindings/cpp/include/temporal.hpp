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
// inside one of their calls. `WorkflowRun::get_async` shares ownership of the run with the
// background call, so the WorkflowRun object itself may be destroyed while it runs.
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
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
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

#undef TEMPORAL_FFI_DEFINE_ERROR

/// Throws the exception class that matches `code` (PERMISSION_DENIED, CANCELED, RPC, INTERNAL
/// and unknown codes: plain `Error`).
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

  /// get() on another thread (std::launch::async). The background call shares ownership of the
  /// run, so this object may be destroyed before the future is ready. Note that, as for any
  /// std::async future, destroying the future blocks until the call returns: pass a timeout if
  /// the workflow may never close.
  std::future<std::string> get_async(
      std::chrono::milliseconds timeout = std::chrono::milliseconds{0}) const {
    std::shared_ptr<temporal_workflow_run> run = run_;
    return std::async(std::launch::async,
                      [run = std::move(run), timeout] { return get_result(run.get(), timeout); });
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

// ---------------------------------------------------------------------------------------------
// Client

/// A connected client (temporal_client). Move-only; thread-safe. Runs obtained from it stay
/// valid after it is destroyed.
class Client {
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

 private:
  WorkflowRun execute(const std::string& workflow_type, const StartWorkflowOptions& o,
                      const char* args_json) const {
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

    temporal_workflow_run* run = nullptr;
    throw_if_error(temporal_execute_workflow(client_, workflow_type.c_str(), args_json, &c, &run));
    return WorkflowRun(run);
  }

  temporal_client* client_ = nullptr;
};

}  // namespace temporal

#endif  // TEMPORAL_FFI_HPP
