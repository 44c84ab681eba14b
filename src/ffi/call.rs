//! The call object: every operation of the C API starts one, and it completes exactly once.
//!
//! The caller picks how it learns of the completion, in `temporal_call_options`:
//! * **wait**: `temporal_call_wait` blocks the calling thread (with a timeout) until the call is
//!   done; this works for every call, whatever else was chosen;
//! * **callback**: `callback(user_data, call)` runs exactly once, on a library thread;
//! * **completion queue**: the call is posted to a `temporal_completion_queue`, whose file
//!   descriptor becomes readable, and the host's own event loop takes it with
//!   `temporal_completion_queue_next` on its own thread.
//!
//! Whatever the form, the outcome is read from the completed call with the
//! `temporal_call_get_*` / `temporal_call_take_*` functions, and `temporal_call_cancel` works
//! the same way for all three.

use super::completion_queue::{temporal_completion_queue, QueueInner};
use super::{
    boundary, check_out, error_boundary, handle_ref, optional_str, optional_string, read_struct, temporal_error, to_c_string, write_default,
    ExtensibleStruct, Handle, Tagged, FREED_TAG,
};
use crate::client::Client;
use crate::errors::{Error, ErrorCode, Result};
use crate::headers::{self, TraceContext};
use temporalio_common::protos::temporal::api::common::v1::Header;
use crate::ffi::client::temporal_client;
use crate::ffi::workflow::temporal_workflow_run;
use crate::ffi::update::temporal_update_handle;
use crate::ffi::payloads::{payloads_arg, temporal_payloads};
use crate::payloads::{args_to_payloads, ResultForm, ResultValue};
use temporalio_common::protos::temporal::api::common::v1::Payloads;
use crate::operations::{UpdateResult, WorkflowCount};
use crate::update::{UpdateHandle, UpdateWithStart};
use crate::options::{duration_from_millis, Timeout};
use crate::runtime;
use crate::workflow_run::WorkflowRun;
use std::ffi::{c_char, c_void, CString};
use std::future::Future;
use std::pin::Pin;
use crate::completion::{CallCell, Delivery};
use std::sync::Arc;

/// `timeout_ms` value: the operation's own default, which each function documents (10 s for
/// one request to the server, as the Go SDK; no limit for waiting on a workflow or an update).
pub const TEMPORAL_TIMEOUT_DEFAULT: u64 = 0;
/// `timeout_ms` value: no limit.
pub const TEMPORAL_TIMEOUT_NONE: u64 = u64::MAX;
/// The longest duration, in milliseconds, accepted by any `_ms` field or argument other than
/// `TEMPORAL_TIMEOUT_NONE`: 100 years. Larger values are refused with `INVALID_ARGUMENT`.
pub const TEMPORAL_MAX_DURATION_MS: u64 = 3_153_600_000_000;

/// A `timeout_ms` from the C API in the one vocabulary: `TEMPORAL_TIMEOUT_DEFAULT`,
/// `TEMPORAL_TIMEOUT_NONE`, or milliseconds.
pub(crate) fn timeout_from_millis(what: &str, ms: u64) -> Result<Timeout> {
    Ok(match ms {
        TEMPORAL_TIMEOUT_DEFAULT => Timeout::Default,
        TEMPORAL_TIMEOUT_NONE => Timeout::None,
        ms => Timeout::After(duration_from_millis(what, ms)?),
    })
}

/// Runs exactly once when a call completes, on a library thread, with the `user_data` of the
/// call's options and the call (the same pointer `call_out` received; NULL if the caller already
/// freed it). Read the outcome from `call`; it stays valid until the caller frees it, which it
/// may do here. The callback may call any function that does not block and start other calls;
/// a blocking call from inside it (`temporal_call_wait`, the blocking wrappers) fails with
/// `INVALID_ARGUMENT` instead of deadlocking. Keep it short: it runs on one of the library's
/// few threads.
pub type temporal_call_callback = Option<unsafe extern "C" fn(user_data: *mut c_void, call: *mut temporal_call)>;

/// How a call reports its completion, and how long it may take. Initialise with
/// `temporal_call_options_default`; a NULL `temporal_call_options *` means all defaults (wait
/// only, the operation's default timeout).
///
/// Extensible: `size` is set by `temporal_call_options_default`, and the library reads only the
/// fields inside it; fields a newer header adds take their defaults (zero).
#[repr(C)]
pub struct temporal_call_options {
    /// `sizeof(temporal_call_options)`, set by `temporal_call_options_default`.
    pub size: usize,
    /// How long the operation may take before it ends with `DEADLINE_EXCEEDED`, retries
    /// included: `TEMPORAL_TIMEOUT_DEFAULT` (0) for the operation's default (each function says
    /// which), `TEMPORAL_TIMEOUT_NONE` for no limit, otherwise milliseconds (at most
    /// `TEMPORAL_MAX_DURATION_MS`).
    pub timeout_ms: u64,
    /// Called once when the call completes. NULL: no callback.
    pub callback: temporal_call_callback,
    /// Passed to `callback`, and returned by `temporal_call_get_user_data`; the library never
    /// reads it. It may be used from a library thread.
    pub user_data: *mut c_void,
    /// The queue to post the completed call to. NULL: none. Not together with `callback`.
    pub completion_queue: *mut temporal_completion_queue,
    /// The caller's W3C trace context, sent with every request of the call that reaches a
    /// workflow (start, signal-with-start, signal, query, update, update-with-start; ignored by
    /// the others) in the Temporal header under `_tracer-data`, as a `json/plain` payload
    /// `{"traceparent": ..., "tracestate": ..., "baggage": ...}`: exactly what the Go, Python
    /// and TypeScript SDKs' OpenTelemetry interceptors write, so a worker with one of them
    /// continues the caller's trace. `trace_parent`: a `traceparent` header value
    /// (`"00-<32 hex trace ID>-<16 hex parent span ID>-<2 hex flags>"`); NULL: no trace context.
    /// Copied before the function returns.
    pub trace_parent: *const c_char,
    /// The `tracestate` header value (at most 512 bytes; needs `trace_parent`), or NULL.
    pub trace_state: *const c_char,
    /// The W3C `baggage` header value (at most 8192 bytes), or NULL.
    pub baggage: *const c_char,
    /// More Temporal header fields for the same requests, as a JSON object: each value is sent
    /// as one payload under its key (`json/plain`; `null` as `binary/null`), for a worker's own
    /// interceptors. NULL: none. It may not hold `_tracer-data` together with `trace_parent`.
    pub header_json: *const c_char,
    /// The call's arguments as payloads, instead of its `args_json` (which must then be NULL):
    /// the arguments of a start, signal, query, update or update start; the signal's of
    /// signal-with-start and the update's of update-with-start. Sent as they are (after the
    /// client's payload codec), so a host can send `binary/plain` bytes or protobuf. An empty
    /// list is no arguments. Copied before the function returns. NULL: `args_json` is used.
    /// Refused by an operation that takes no arguments.
    pub args_payloads: *const temporal_payloads,
    /// The workflow's arguments of signal-with-start and update-with-start as payloads, instead
    /// of their `args_json` (which must then be NULL). As `args_payloads`.
    pub workflow_args_payloads: *const temporal_payloads,
    /// The result stays payloads (after the client's codec): the call has no JSON, and
    /// `temporal_call_take_payloads` gives them. For `temporal_get_result_async`,
    /// `temporal_query_workflow_async`, `temporal_update_workflow_async` and
    /// `temporal_update_handle_get_result_async`; refused by other operations. A workflow that
    /// returned nothing gives an empty list.
    pub result_as_payloads: bool,
}

// SAFETY: repr(C), starts with size, every field is valid as zero (NULL pointers, None).
unsafe impl ExtensibleStruct for temporal_call_options {
    const NAME: &'static str = "temporal_call_options";
    const BOOL_FIELDS: &'static [(usize, &'static str)] =
        &[(std::mem::offset_of!(temporal_call_options, result_as_payloads), "result_as_payloads")];
}

/// Fills `options` with the defaults (every field zero) and sets its `size`.
///
/// `size` is `sizeof(temporal_call_options)` as the caller's header defines it: the library writes exactly that
/// many bytes, so a program built with an older, smaller header is safe. Returns false and
/// writes nothing for NULL or a size that cannot be the struct's.
///
/// # Safety
/// `options` is NULL or valid for writes of `size` bytes.
#[no_mangle]
pub unsafe extern "C" fn temporal_call_options_default(options: *mut temporal_call_options, size: usize) -> bool {
    boundary(|| unsafe { write_default(options, size) })
}

/// A call to the server in flight or completed. Opaque; the caller owns it and frees it with
/// `temporal_call_free` (before, during or after its completion; freeing does not cancel).
pub struct temporal_call {
    _private: [u8; 0],
}

/// `user_data` crosses to a library thread; the host promised it may (see the options).
#[derive(Clone, Copy)]
struct UserData(*mut c_void);
// SAFETY: the library only hands it back to the host.
unsafe impl Send for UserData {}
unsafe impl Sync for UserData {}

/// What an operation produces.
pub(crate) enum Output {
    Unit,
    Json(String),
    Run(WorkflowRun),
    Client(Arc<Client>),
    Count(WorkflowCount),
    Update(UpdateResult),
    UpdateHandle(UpdateHandle),
    UpdateWithStart(UpdateWithStart),
    Payloads(Payloads),
    /// A raw RPC's response, protobuf bytes.
    Bytes(Vec<u8>),
    /// A typed read's answer twice: readable JSON for C hosts, and the server's response
    /// message as protobuf bytes (after the codec's decode) for hosts with the generated
    /// types, such as the Go binding returning `go.temporal.io/api` responses.
    JsonAndProto(String, Vec<u8>),
}

impl From<ResultValue> for Output {
    fn from(value: ResultValue) -> Self {
        match value {
            ResultValue::Json(json) => Output::Json(json),
            ResultValue::Payloads(payloads) => Output::Payloads(payloads),
        }
    }
}

pub(crate) type OpFuture = Pin<Box<dyn Future<Output = Result<Output>> + Send>>;

/// An owned error handle kept in a completed call and lent by `temporal_call_get_error`.
struct OwnedError(*mut temporal_error);
// SAFETY: an error object is immutable data.
unsafe impl Send for OwnedError {}

impl Drop for OwnedError {
    fn drop(&mut self) {
        // SAFETY: created by temporal_error::into_lent and owned here.
        drop(unsafe { super::error::take_lent(self.0) });
    }
}

/// A completed call's outcome. Fixed once written: getters lend pointers into it.
#[derive(Default)]
struct Completed {
    error: Option<OwnedError>,
    json: Option<CString>,
    run: Option<WorkflowRun>,
    client: Option<Arc<Client>>,
    count: Option<i64>,
    update_id: Option<CString>,
    update_handle: Option<UpdateHandle>,
    payloads: Option<Payloads>,
    bytes: Option<Vec<u8>>,
}

impl Completed {
    fn new(outcome: Result<Output>) -> Self {
        let mut c = Completed::default();
        match outcome {
            Err(e) => {
                // A failed update still names the update it was.
                let update_id = e.details.as_ref().and_then(|d| d.get("update_id")).and_then(|u| u.as_str());
                c.update_id = update_id.map(to_c_string);
                c.error = Some(OwnedError(temporal_error::into_lent(e)));
            }
            Ok(Output::Unit) => {}
            Ok(Output::Json(text)) => c.json = Some(to_c_string(text)),
            Ok(Output::Run(run)) => c.run = Some(run),
            Ok(Output::Client(client)) => c.client = Some(client),
            Ok(Output::Count(count)) => {
                c.count = Some(count.count);
                c.json = Some(to_c_string(count.to_json()));
                c.bytes = Some(count.response);
            }
            Ok(Output::Update(update)) => {
                c.update_id = Some(to_c_string(update.update_id));
                match update.result {
                    ResultValue::Json(json) => c.json = Some(to_c_string(json)),
                    ResultValue::Payloads(payloads) => c.payloads = Some(payloads),
                }
            }
            Ok(Output::Payloads(payloads)) => c.payloads = Some(payloads),
            Ok(Output::Bytes(bytes)) => c.bytes = Some(bytes),
            Ok(Output::JsonAndProto(json, proto)) => {
                c.json = Some(to_c_string(json));
                c.bytes = Some(proto);
            }
            Ok(Output::UpdateHandle(handle)) => {
                c.update_id = Some(to_c_string(handle.update_id()));
                c.update_handle = Some(handle);
            }
            Ok(Output::UpdateWithStart(both)) => {
                c.update_id = Some(to_c_string(both.handle.update_id()));
                c.update_handle = Some(both.handle);
                c.run = Some(both.run);
            }
        }
        c
    }
}

/// How the completion is reported, besides waking waiters.
enum Notify {
    Nothing,
    Callback(unsafe extern "C" fn(*mut c_void, *mut temporal_call)),
    Queue(Arc<QueueInner>),
}

/// The shared state of one call: the handle, the task and a completion queue each hold it.
/// The rules (complete once, wake waiters, release the handle once, never under its callback,
/// cancel only in flight) are `CallCell`'s, model-checked in `tests/loom/model.rs`.
pub(crate) struct CallState {
    /// The host's handle is the allocation behind `temporal_call *` (none for the library's own
    /// blocking wrappers); released by `temporal_call_free`, or after the callback returns when
    /// the host freed it during its own callback.
    cell: CallCell<Completed, *mut temporal_call, tokio::sync::oneshot::Sender<()>>,
    user_data: UserData,
    /// The process generation it was started in: a call a forked child inherited never
    /// completes there (its task was on the parent's threads).
    made_in: u64,
}

// SAFETY: the handle pointer is only dereferenced by the host or under `CallCell`'s rules.
unsafe impl Send for CallState {}
unsafe impl Sync for CallState {}

impl Handle for temporal_call {
    type Target = Arc<CallState>;
    const TAG: u64 = 0x7465_6d70_6361_6c6c; // "tempcall"
    const NAME: &'static str = "call";
}

impl CallState {
    /// The host's handle if it still has it (for the completion queue).
    pub(crate) fn live_handle(&self) -> Option<*mut temporal_call> {
        self.cell.live_handle()
    }

    /// Moves the outcome out, for the blocking wrappers (which own the call alone).
    fn take_outcome(&self) -> Result<Completed> {
        let mut completed =
            self.cell.take_completed().ok_or_else(|| Error::internal("call taken before it completed"))?;
        if let Some(error) = completed.error.take() {
            let raw = error.0;
            std::mem::forget(error);
            // SAFETY: an owned error handle created by into_raw; read back and freed here.
            let owned = unsafe { super::error::take_lent(raw) }
                .ok_or_else(|| Error::internal("call error was not an error handle"))?;
            return Err(owned.into_error());
        }
        Ok(completed)
    }
}

/// Delivers the outcome exactly once: if the task is dropped unfinished (runtime shutdown, or
/// a panic inside the operation), it reports that instead.
struct Completion {
    state: Arc<CallState>,
    notify: Notify,
    done: bool,
}

impl Completion {
    fn deliver(&mut self, outcome: Result<Output>) {
        if std::mem::replace(&mut self.done, true) {
            return;
        }
        let callback = matches!(self.notify, Notify::Callback(_));
        let Delivery::Report(handle) = self.state.cell.complete(Completed::new(outcome), callback) else {
            return;
        };
        match &self.notify {
            Notify::Nothing => {}
            Notify::Queue(queue) => queue.push(self.state.clone()),
            Notify::Callback(callback) => {
                // SAFETY: the host gave this function pointer and user_data for exactly this call;
                // the handle stays allocated until the callback returns (`callback_returned`).
                unsafe { callback(self.state.user_data.0, handle.unwrap_or(std::ptr::null_mut())) };
                if let Some(release) = self.state.cell.callback_returned() {
                    // SAFETY: the host freed the handle during its callback; it is released now.
                    unsafe { release_handle(release) };
                }
            }
        }
    }
}

impl Drop for Completion {
    fn drop(&mut self) {
        let outcome = if std::thread::panicking() {
            Error::internal("internal error: a panic inside the library ended this call")
        } else {
            Error::new(ErrorCode::Canceled, "canceled: the library was shut down")
        };
        self.deliver(Err(outcome));
    }
}

/// Frees the allocation behind a call handle. NULL is a no-op.
///
/// # Safety
/// `handle` is NULL or a call handle that nobody uses any more.
unsafe fn release_handle(handle: *mut temporal_call) {
    if !handle.is_null() {
        // SAFETY: allocated by into_handle::<temporal_call>; the tag was already overwritten.
        drop(unsafe { Box::from_raw(handle as *mut Tagged<Arc<CallState>>) });
    }
}

/// The completion form and timeout of a call, read from the host's options.
pub(crate) struct CallOptions {
    notify: Notify,
    user_data: UserData,
    /// The Temporal header of the requests that reach a workflow (`crate::headers`).
    header: Option<Header>,
    /// What the operation takes from the options besides the completion form.
    pub input: CallInput,
}

impl CallOptions {
    /// For the blocking wrappers: wait only, with this timeout.
    pub(crate) fn blocking(timeout: Timeout) -> Self {
        CallOptions {
            notify: Notify::Nothing,
            user_data: UserData(std::ptr::null_mut()),
            header: None,
            input: CallInput::new(timeout),
        }
    }
}

/// What an operation reads from its call options as it prepares: the timeout, arguments given
/// as payloads, and the form of its result. An option the operation did not read is refused
/// ([`CallInput::check_all_used`]), so none is ever silently ignored.
pub(crate) struct CallInput {
    pub timeout: Timeout,
    args_payloads: Option<Payloads>,
    workflow_args_payloads: Option<Payloads>,
    result_as_payloads: bool,
    result_form_read: bool,
}

impl CallInput {
    fn new(timeout: Timeout) -> Self {
        CallInput { timeout, args_payloads: None, workflow_args_payloads: None, result_as_payloads: false, result_form_read: false }
    }

    /// The operation's arguments: `args_payloads` when the options give them (then `args_json`
    /// must be NULL), else `args_json` converted as the default converter does.
    ///
    /// # Safety
    /// `args_json` is NULL or NUL-terminated.
    pub(crate) unsafe fn args(&mut self, args_json: *const c_char, name: &str) -> Result<Option<Payloads>> {
        unsafe { Self::either(self.args_payloads.take(), "args_payloads", args_json, name) }
    }

    /// The workflow's arguments of a with-start operation: `workflow_args_payloads`, or
    /// `args_json`.
    ///
    /// # Safety
    /// `args_json` is NULL or NUL-terminated.
    pub(crate) unsafe fn workflow_args(&mut self, args_json: *const c_char, name: &str) -> Result<Option<Payloads>> {
        unsafe { Self::either(self.workflow_args_payloads.take(), "workflow_args_payloads", args_json, name) }
    }

    unsafe fn either(payloads: Option<Payloads>, field: &str, args_json: *const c_char, name: &str) -> Result<Option<Payloads>> {
        let json = unsafe { optional_str(args_json, name) }?;
        match (payloads, json) {
            (Some(_), Some(_)) => Err(Error::invalid_argument(format!(
                "temporal_call_options.{field} and {name} are both set: give the arguments once"
            ))),
            (Some(p), None) => Ok((!p.payloads.is_empty()).then_some(p)),
            (None, json) => args_to_payloads(json),
        }
    }

    /// The form the caller wants the result in.
    pub(crate) fn result_form(&mut self) -> ResultForm {
        self.result_form_read = true;
        if self.result_as_payloads { ResultForm::Payloads } else { ResultForm::Json }
    }

    /// Refuses the payload options an operation has no use for.
    pub(crate) fn check_all_used(&self) -> Result<()> {
        let unused = [
            ("args_payloads", self.args_payloads.is_some()),
            ("workflow_args_payloads", self.workflow_args_payloads.is_some()),
            ("result_as_payloads", self.result_as_payloads && !self.result_form_read),
        ];
        match unused.iter().find(|(_, set)| *set) {
            Some((field, _)) => Err(Error::invalid_argument(format!(
                "temporal_call_options.{field} is set, but this operation does not take it"
            ))),
            None => Ok(()),
        }
    }
}

/// Reads the host's call options (NULL: defaults).
///
/// # Safety
/// `options` is NULL or a valid `temporal_call_options` of its declared size.
pub(crate) unsafe fn read_call_options(options: *const temporal_call_options) -> Result<CallOptions> {
    let Some(o) = (unsafe { read_struct(options) })? else {
        return Ok(CallOptions::blocking(Timeout::Default));
    };
    let notify = match (o.callback, o.completion_queue.is_null()) {
        (Some(_), false) => {
            return Err(Error::invalid_argument(
                "temporal_call_options: set a callback or a completion queue, not both",
            ))
        }
        (Some(callback), true) => Notify::Callback(callback),
        (None, false) => Notify::Queue(unsafe { handle_ref(o.completion_queue as *const temporal_completion_queue) }?.clone()),
        (None, true) => Notify::Nothing,
    };
    let trace = TraceContext {
        traceparent: unsafe { optional_string(o.trace_parent, "temporal_call_options.trace_parent") }?,
        tracestate: unsafe { optional_string(o.trace_state, "temporal_call_options.trace_state") }?,
        baggage: unsafe { optional_string(o.baggage, "temporal_call_options.baggage") }?,
    };
    let header_json = unsafe { optional_str(o.header_json, "temporal_call_options.header_json") }?;
    let timeout = timeout_from_millis("temporal_call_options.timeout_ms", o.timeout_ms)?;
    let mut input = CallInput::new(timeout);
    input.args_payloads = unsafe { payloads_arg(o.args_payloads, "temporal_call_options.args_payloads") }?;
    input.workflow_args_payloads =
        unsafe { payloads_arg(o.workflow_args_payloads, "temporal_call_options.workflow_args_payloads") }?;
    input.result_as_payloads = o.result_as_payloads;
    Ok(CallOptions { notify, user_data: UserData(o.user_data), header: headers::build(&trace, header_json)?, input })
}

/// Reads the call options, prepares the operation with what they give it (its timeout, payload
/// arguments, result form), refuses an option it did not take, and starts the call.
///
/// # Safety
/// `call_opts` is NULL or valid.
pub(crate) unsafe fn prepare_and_start(
    call_opts: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
    prepare: impl FnOnce(&mut CallInput) -> Result<OpFuture>,
) -> Result<()> {
    let mut options = unsafe { read_call_options(call_opts) }?;
    let future = prepare(&mut options.input)?;
    start(future, options, call_out)
}

/// Starts `future` on the runtime as a call reported as `options` say. With `call_out`, the
/// host's handle is written there before the task starts, so a callback or a queue consumer on
/// another thread can never see the call before its caller has it.
fn spawn(future: OpFuture, options: CallOptions, call_out: Option<*mut *mut temporal_call>) -> Result<Arc<CallState>> {
    let runtime = runtime::handle()?;
    let (cancel_tx, mut cancel_rx) = tokio::sync::oneshot::channel::<()>();
    let state = Arc::new(CallState {
        cell: CallCell::new(Some(cancel_tx)),
        user_data: options.user_data,
        made_in: runtime::generation(),
    });
    if let Some(call_out) = call_out {
        let handle = super::into_handle::<temporal_call>(state.clone());
        state.cell.set_handle(handle);
        // SAFETY: checked non-NULL by `start`; valid for a write per every operation's contract.
        unsafe { call_out.write(handle) };
    }
    let mut completion = Completion { state: state.clone(), notify: options.notify, done: false };
    // Only a call with a header pays for the scope (a parked result wait has none).
    let future: OpFuture = match options.header {
        Some(header) => Box::pin(headers::scope(Some(header), future)),
        None => future,
    };
    runtime.spawn(async move {
        let mut future = future;
        let outcome = tokio::select! {
            outcome = &mut future => outcome,
            Ok(()) = &mut cancel_rx => Err(Error::new(ErrorCode::Canceled, "canceled by temporal_call_cancel")),
        };
        completion.deliver(outcome);
    });
    Ok(state)
}

/// Starts a call for the host and writes its handle to `call_out`.
/// Refuses a payload option the operation did not take.
pub(crate) fn start(future: OpFuture, options: CallOptions, call_out: *mut *mut temporal_call) -> Result<()> {
    check_out(call_out, "call_out")?;
    options.input.check_all_used()?;
    spawn(future, options, Some(call_out)).map(drop)
}

/// The blocking wrappers: the same call, waited for on the calling thread.
pub(crate) fn run_blocking(future: OpFuture, timeout: Timeout) -> Result<BlockingOutcome> {
    if runtime::on_runtime_thread() {
        return Err(runtime::blocking_refused());
    }
    let state = spawn(future, CallOptions::blocking(timeout), None)?;
    state.cell.wait(None);
    state.take_outcome().map(BlockingOutcome)
}

/// A completed call's outcome, owned by a blocking wrapper.
pub(crate) struct BlockingOutcome(Completed);

impl BlockingOutcome {
    pub(crate) fn into_json(self) -> Result<CString> {
        self.0.json.ok_or_else(|| Error::internal("operation returned no JSON"))
    }
    pub(crate) fn into_run(self) -> Result<WorkflowRun> {
        self.0.run.ok_or_else(|| Error::internal("operation returned no run"))
    }
    pub(crate) fn into_client(self) -> Result<Arc<Client>> {
        self.0.client.ok_or_else(|| Error::internal("operation returned no client"))
    }
}

unsafe fn state_arg<'a>(call: *const temporal_call) -> Result<&'a Arc<CallState>> {
    unsafe { handle_ref(call) }
}

/// Reads a completed call's outcome; `None` while it is in flight or for a bad handle.
unsafe fn with_completed<T>(call: *const temporal_call, f: impl FnOnce(&mut Completed) -> T) -> Option<T> {
    unsafe { state_arg(call) }.ok()?.cell.with_completed(f)
}

/// Waits until the call completed: returns NULL once it has (read its outcome with the getters),
/// or `TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED` if it is still in flight after `timeout_ms`
/// (the call goes on; wait again or cancel it). `timeout_ms`: `TEMPORAL_TIMEOUT_DEFAULT` (0)
/// or `TEMPORAL_TIMEOUT_NONE` wait as long as the call takes (its own timeout bounds it);
/// otherwise milliseconds. Works whatever completion form the call has. From inside a library
/// callback it returns at once for a call that has completed (the callback's own, for one) and
/// fails with `INVALID_ARGUMENT` for one still in flight (it would block a library thread).
///
/// # Safety
/// `call` is NULL or a live call.
#[no_mangle]
pub unsafe extern "C" fn temporal_call_wait(call: *const temporal_call, timeout_ms: u64) -> *mut temporal_error {
    error_boundary(|| {
        let state = unsafe { state_arg(call) }?.clone();
        let limit = timeout_from_millis("timeout_ms", timeout_ms)?.limit(None);
        if runtime::inherited(state.made_in) {
            return Err(runtime::inherited_error("call"));
        }
        if state.cell.is_done() {
            return Ok(());
        }
        if runtime::on_runtime_thread() {
            return Err(runtime::blocking_refused());
        }
        if state.cell.wait(limit) {
            Ok(())
        } else {
            Err(Error::new(ErrorCode::DeadlineExceeded, format!("the call is still in flight after {timeout_ms} ms")))
        }
    })
}

/// Whether the call completed. Never blocks. false for NULL or a handle of another kind.
///
/// # Safety
/// `call` is NULL or a live call.
#[no_mangle]
pub unsafe extern "C" fn temporal_call_is_done(call: *const temporal_call) -> bool {
    boundary(|| unsafe { state_arg(call) }.is_ok_and(|s| s.cell.is_done()))
}

/// The error the completed call ended with, or NULL if it succeeded (or is still in flight).
/// Borrowed: valid until the call is freed; do not free it.
///
/// # Safety
/// `call` is NULL or a live call.
#[no_mangle]
pub unsafe extern "C" fn temporal_call_get_error(call: *const temporal_call) -> *const temporal_error {
    boundary(|| {
        unsafe { with_completed(call, |c| c.error.as_ref().map_or(std::ptr::null(), |e| e.0 as *const temporal_error)) }
            .unwrap_or(std::ptr::null())
    })
}

/// The completed call's result as JSON text, for operations that have one (each says what it
/// is), else NULL. Borrowed: valid until the call is freed; do not free it.
///
/// # Safety
/// `call` is NULL or a live call.
#[no_mangle]
pub unsafe extern "C" fn temporal_call_get_json(call: *const temporal_call) -> *const c_char {
    boundary(|| {
        unsafe { with_completed(call, |c| c.json.as_ref().map_or(std::ptr::null(), |j| j.as_ptr())) }
            .unwrap_or(std::ptr::null())
    })
}

/// Takes the run a completed call produced (`temporal_execute_workflow_async`,
/// `temporal_signal_with_start_workflow_async`, `temporal_update_with_start_workflow_async`). The caller owns it: `temporal_workflow_run_free`.
/// NULL if there is none, or it was taken already.
///
/// # Safety
/// `call` is NULL or a live call.
#[no_mangle]
pub unsafe extern "C" fn temporal_call_take_run(call: *const temporal_call) -> *mut temporal_workflow_run {
    boundary(|| {
        unsafe { with_completed(call, |c| c.run.take()) }
            .flatten()
            .map_or(std::ptr::null_mut(), temporal_workflow_run::into_raw)
    })
}

/// Takes the client a completed `temporal_client_connect_async` produced. The caller owns it:
/// `temporal_client_free`. NULL if there is none, or it was taken already.
///
/// # Safety
/// `call` is NULL or a live call.
#[no_mangle]
pub unsafe extern "C" fn temporal_call_take_client(call: *const temporal_call) -> *mut temporal_client {
    boundary(|| {
        unsafe { with_completed(call, |c| c.client.take()) }
            .flatten()
            .map_or(std::ptr::null_mut(), super::client::client_into_raw)
    })
}

/// Takes the update handle a completed call produced (`temporal_start_update_async`,
/// `temporal_update_with_start_workflow_async`). The caller owns it:
/// `temporal_update_handle_free`. NULL if there is none, or it was taken already.
///
/// # Safety
/// `call` is NULL or a live call.
#[no_mangle]
pub unsafe extern "C" fn temporal_call_take_update_handle(call: *const temporal_call) -> *mut temporal_update_handle {
    boundary(|| {
        unsafe { with_completed(call, |c| c.update_handle.take()) }
            .flatten()
            .map_or(std::ptr::null_mut(), temporal_update_handle::into_raw)
    })
}

/// Takes the result payloads of a completed call made with
/// `temporal_call_options.result_as_payloads`. The caller owns them: `temporal_payloads_free`.
/// NULL if there are none (no such option, a failed call) or they were taken already.
///
/// # Safety
/// `call` is NULL or a live call.
#[no_mangle]
pub unsafe extern "C" fn temporal_call_take_payloads(call: *const temporal_call) -> *mut temporal_payloads {
    boundary(|| {
        unsafe { with_completed(call, |c| c.payloads.take()) }
            .flatten()
            .map_or(std::ptr::null_mut(), temporal_payloads::into_raw)
    })
}

/// Lends the response bytes of a completed call: the response message's protobuf encoding, of
/// `temporal_raw_rpc_async` and of the typed reads whose documentation names a response message
/// (those also have JSON). Writes `*bytes_out` (NULL for an empty response) and `*len_out`,
/// valid until the call is freed, and returns true; false (outputs untouched) if the call has
/// no bytes (in flight, failed, another operation).
///
/// # Safety
/// `call` is NULL or a live call; the out-pointers are NULL or valid for writes.
#[no_mangle]
pub unsafe extern "C" fn temporal_call_get_bytes(call: *const temporal_call, bytes_out: *mut *const u8, len_out: *mut usize) -> bool {
    boundary(|| {
        if bytes_out.is_null() || len_out.is_null() {
            return false;
        }
        let lent = unsafe { with_completed(call, |c| c.bytes.as_ref().map(|b| (b.as_ptr(), b.len()))) }.flatten();
        match lent {
            Some((ptr, len)) => {
                // SAFETY: both checked non-NULL above; the bytes live as long as the call.
                unsafe {
                    bytes_out.write(if len == 0 { std::ptr::null() } else { ptr });
                    len_out.write(len);
                }
                true
            }
            None => false,
        }
    })
}

/// The count of a completed `temporal_count_workflow`: writes it to `*count_out` and returns
/// true; false (and `*count_out` untouched) if the call has no count.
///
/// # Safety
/// `call` is NULL or a live call; `count_out` is NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn temporal_call_get_count(call: *const temporal_call, count_out: *mut i64) -> bool {
    boundary(|| {
        if count_out.is_null() {
            return false;
        }
        match unsafe { with_completed(call, |c| c.count) }.flatten() {
            Some(n) => {
                // SAFETY: non-NULL and valid for a write per the contract.
                unsafe { count_out.write(n) };
                true
            }
            None => false,
        }
    })
}

/// The update ID of a completed `temporal_update_workflow_async`, `temporal_start_update_async`,
/// `temporal_update_handle_get_result_async` or `temporal_update_with_start_workflow_async` (the
/// one given, or the one the library generated), whether the update succeeded or failed (`UPDATE_FAILED`, a timeout, the
/// server's error; not after `temporal_call_cancel`); else NULL.
/// Borrowed: valid until the call is freed.
///
/// # Safety
/// `call` is NULL or a live call.
#[no_mangle]
pub unsafe extern "C" fn temporal_call_get_update_id(call: *const temporal_call) -> *const c_char {
    boundary(|| {
        unsafe { with_completed(call, |c| c.update_id.as_ref().map_or(std::ptr::null(), |u| u.as_ptr())) }
            .unwrap_or(std::ptr::null())
    })
}

/// The `user_data` of the call's options (NULL if none, or for a bad handle).
///
/// # Safety
/// `call` is NULL or a live call.
#[no_mangle]
pub unsafe extern "C" fn temporal_call_get_user_data(call: *const temporal_call) -> *mut c_void {
    boundary(|| unsafe { state_arg(call) }.map_or(std::ptr::null_mut(), |s| s.user_data.0))
}

/// Cancels a call: unless it already completed, it completes promptly with
/// `TEMPORAL_ERROR_CODE_CANCELED` (through its callback or queue, as chosen) and the work is
/// abandoned; what already reached the server, such as a start, stays done. Idempotent; NULL is
/// a no-op.
///
/// # Safety
/// `call` is NULL or a live call.
#[no_mangle]
pub unsafe extern "C" fn temporal_call_cancel(call: *const temporal_call) {
    boundary(|| {
        if let Ok(state) = unsafe { state_arg(call) } {
            if let Some(tx) = state.cell.take_cancel() {
                let _ = tx.send(());
            }
        }
    })
}

/// Frees a call, at any time: before it completed (it goes on; its callback then receives NULL
/// for the call, and a completion queue never returns it), from inside its own callback, or after.
/// It does not cancel. NULL is a no-op.
///
/// # Safety
/// `call` is NULL or a call not yet freed; no other thread uses it.
#[no_mangle]
pub unsafe extern "C" fn temporal_call_free(call: *mut temporal_call) {
    boundary(|| {
        let Ok(state) = (unsafe { state_arg(call) }) else { return };
        if runtime::inherited(state.made_in) {
            // Inherited through fork(): its lock may have been held by a parent thread at the
            // fork, so it is not taken; the handle is marked freed and its memory leaked.
            // SAFETY: the tag is the first field of the live allocation.
            unsafe { *(call as *mut u64) = FREED_TAG };
            return;
        }
        let state = state.clone();
        // SAFETY: the tag is the first field of the live allocation; marking it refuses later use.
        let release = state.cell.host_free(|| unsafe { *(call as *mut u64) = FREED_TAG });
        if let Some(release) = release {
            // SAFETY: not in use by a callback; the host gave it up.
            unsafe { release_handle(release) };
        }
    })
}
