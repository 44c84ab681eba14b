//! Helpers shared by the integration tests: the C functions called as a C host would.
#![allow(dead_code)]

use std::ffi::{c_char, CStr, CString};
use std::ptr;
use std::sync::atomic::{AtomicU32, Ordering};
use temporal_ffi::errors::ErrorCode;
use temporal_ffi::ffi::call::*;
use temporal_ffi::ffi::client::*;
use temporal_ffi::ffi::error::*;
use temporal_ffi::ffi::workflow::*;
use temporal_ffi::ffi::*;

pub fn address() -> String {
    std::env::var("TEMPORAL_ADDRESS").expect("run under tests/harness/with-dev-server.sh (TEMPORAL_ADDRESS)")
}

pub fn task_queue() -> CString {
    CString::new(std::env::var("TEMPORAL_TEST_TASK_QUEUE").unwrap_or_else(|_| "temporal-ffi-test".into())).unwrap()
}

pub fn unique_id(prefix: &str) -> String {
    static N: AtomicU32 = AtomicU32::new(0);
    format!("{prefix}-{}-{}-{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed), nanos())
}

pub fn nanos() -> u128 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos()
}

/// An error as the host sees it, copied out and freed.
#[derive(Debug)]
pub struct HostError {
    pub code: ErrorCode,
    pub message: String,
    pub details: Option<serde_json::Value>,
}

pub fn take_error(e: *mut temporal_error) -> Result<(), HostError> {
    if e.is_null() {
        return Ok(());
    }
    let copied = read_error(e);
    unsafe { temporal_error_free(e) };
    Err(copied)
}

/// Copies an error the host does not own (lent by a call).
pub fn read_error(e: *const temporal_error) -> HostError {
    unsafe {
        let code = temporal_error_get_code(e);
        let message = CStr::from_ptr(temporal_error_get_message(e)).to_str().unwrap().to_owned();
        let d = temporal_error_get_details(e);
        let details = (!d.is_null()).then(|| serde_json::from_str(CStr::from_ptr(d).to_str().unwrap()).unwrap());
        HostError { code, message, details }
    }
}

/// Call options with a timeout and no callback or queue (wait only).
pub fn call_options(timeout_ms: u64) -> temporal_call_options {
    let mut o = std::mem::MaybeUninit::<temporal_call_options>::uninit();
    let mut o = unsafe {
        temporal_call_options_default(o.as_mut_ptr(), std::mem::size_of::<temporal_call_options>());
        o.assume_init()
    };
    o.timeout_ms = timeout_ms;
    o
}

/// A call the host owns; freed on drop.
pub struct Call(pub *mut temporal_call);
unsafe impl Send for Call {}
impl Drop for Call {
    fn drop(&mut self) {
        unsafe { temporal_call_free(self.0) }
    }
}

/// What a completed call holds, copied out (the run taken).
#[derive(Debug, Default)]
pub struct Outcome {
    pub json: Option<String>,
    pub run: Option<Run>,
    pub count: Option<i64>,
    pub update_id: Option<String>,
}

impl Outcome {
    pub fn json_value(&self) -> serde_json::Value {
        serde_json::from_str(self.json.as_deref().expect("a JSON result")).unwrap()
    }
}

/// Reads a completed call's outcome.
pub fn outcome(call: *const temporal_call) -> Result<Outcome, HostError> {
    unsafe {
        assert!(temporal_call_is_done(call), "the call has completed");
        let e = temporal_call_get_error(call);
        if !e.is_null() {
            return Err(read_error(e));
        }
        let text = |p: *const c_char| (!p.is_null()).then(|| CStr::from_ptr(p).to_str().unwrap().to_owned());
        let run = temporal_call_take_run(call);
        let mut count = 0i64;
        Ok(Outcome {
            json: text(temporal_call_get_json(call)),
            run: (!run.is_null()).then(|| Run(run)),
            count: temporal_call_get_count(call, &mut count).then_some(count),
            update_id: text(temporal_call_get_update_id(call)),
        })
    }
}

/// Starts an operation (`f` gets the call options and `call_out`), waits for it and reads it.
pub fn wait_call(
    timeout_ms: u64,
    f: impl FnOnce(*const temporal_call_options, *mut *mut temporal_call) -> *mut temporal_error,
) -> Result<Outcome, HostError> {
    let options = call_options(timeout_ms);
    let mut raw = ptr::null_mut();
    take_error(f(&options, &mut raw))?;
    let call = Call(raw);
    take_error(unsafe { temporal_call_wait(call.0, TEMPORAL_TIMEOUT_NONE) }).expect("wait without a limit");
    outcome(call.0)
}

pub struct Client(pub *mut temporal_client);
unsafe impl Send for Client {}
unsafe impl Sync for Client {}
impl Drop for Client {
    fn drop(&mut self) {
        unsafe { temporal_client_free(self.0) }
    }
}

#[derive(Debug)]
pub struct Run(pub *mut temporal_workflow_run);
unsafe impl Send for Run {}
unsafe impl Sync for Run {}
impl Drop for Run {
    fn drop(&mut self) {
        unsafe { temporal_workflow_run_free(self.0) }
    }
}

impl Run {
    pub fn id(&self) -> String {
        unsafe { CStr::from_ptr(temporal_workflow_run_get_id(self.0)).to_str().unwrap().to_owned() }
    }
    /// The Run ID as known now (never blocks: "" for an ID-only run not resolved yet).
    pub fn run_id(&self) -> String {
        unsafe { CStr::from_ptr(temporal_workflow_run_get_run_id(self.0)).to_str().unwrap().to_owned() }
    }
    /// The Go SDK's `GetRunID`: resolves an ID-only run's current run first.
    pub fn resolved_run_id(&self) -> String {
        wait_call(0, |o, out| unsafe { temporal_workflow_run_resolve_run_id_async(self.0, o, out) }).unwrap();
        self.run_id()
    }
    pub fn result(&self, timeout_ms: u64) -> Result<String, HostError> {
        let mut out: *mut c_char = ptr::null_mut();
        take_error(unsafe { temporal_get_result(self.0, timeout_ms, &mut out) })?;
        assert!(!out.is_null());
        let text = unsafe { CStr::from_ptr(out) }.to_str().unwrap().to_owned();
        unsafe { temporal_string_free(out) };
        Ok(text)
    }
}

pub fn connect_with(f: impl FnOnce(&mut temporal_client_options)) -> Result<Client, HostError> {
    let mut opts = std::mem::MaybeUninit::<temporal_client_options>::uninit();
    let mut opts = unsafe {
        temporal_client_options_default(opts.as_mut_ptr(), std::mem::size_of::<temporal_client_options>());
        opts.assume_init()
    };
    let addr = CString::new(address()).unwrap();
    opts.address = addr.as_ptr();
    f(&mut opts);
    let mut client = ptr::null_mut();
    take_error(unsafe { temporal_client_connect(&opts, &mut client) })?;
    Ok(Client(client))
}

pub fn connect() -> Client {
    connect_with(|_| {}).expect("connect to the dev server")
}

pub fn default_start_options() -> temporal_start_workflow_options {
    let mut o = std::mem::MaybeUninit::<temporal_start_workflow_options>::uninit();
    unsafe {
        temporal_start_workflow_options_default(o.as_mut_ptr(), std::mem::size_of::<temporal_start_workflow_options>());
        o.assume_init()
    }
}

/// Starts `workflow_type` with `args` and the given ID; `f` adjusts the options.
pub fn start(
    client: &Client,
    workflow_type: &str,
    args: Option<&str>,
    id: Option<&str>,
    f: impl FnOnce(&mut temporal_start_workflow_options),
) -> Result<Run, HostError> {
    let tq = task_queue();
    let id = id.map(|i| CString::new(i).unwrap());
    let ty = CString::new(workflow_type).unwrap();
    let args = args.map(|a| CString::new(a).unwrap());
    let mut o = default_start_options();
    o.task_queue = tq.as_ptr();
    o.id = id.as_ref().map_or(ptr::null(), |i| i.as_ptr());
    f(&mut o);
    let mut run = ptr::null_mut();
    take_error(unsafe {
        temporal_execute_workflow(client.0, ty.as_ptr(), args.as_ref().map_or(ptr::null(), |a| a.as_ptr()), &o, &mut run)
    })?;
    Ok(Run(run))
}

pub fn get_workflow(client: &Client, id: &str, run_id: Option<&str>) -> Run {
    let id = CString::new(id).unwrap();
    let run_id = run_id.map(|r| CString::new(r).unwrap());
    let mut run = ptr::null_mut();
    take_error(unsafe {
        temporal_get_workflow(client.0, id.as_ptr(), run_id.as_ref().map_or(ptr::null(), |r| r.as_ptr()), &mut run)
    })
    .expect("get_workflow");
    Run(run)
}

/// Ends a workflow with the CLI the harness provides (a client-side action we do not offer yet).
pub fn cli(args: &[&str]) {
    let cli = std::env::var("TEMPORAL_CLI").unwrap_or_else(|_| "temporal".into());
    let status = std::process::Command::new(cli)
        .args(args)
        .args(["--address", &address()])
        .stdout(std::process::Stdio::null())
        .status()
        .expect("run the temporal CLI");
    assert!(status.success(), "temporal {args:?} failed");
}


/// GET on the test worker's trace server (tests/worker/tracing.go: its spans, the Temporal
/// headers its workflows received, the OTLP metrics its receiver got), as JSON. HTTP/1.0, so
/// the answer ends at the close.
pub fn worker_get(path_and_query: &str) -> serde_json::Value {
    use std::io::{Read, Write};
    let address = std::env::var("TEMPORAL_TEST_TRACES_ADDRESS")
        .expect("run under tests/harness/with-dev-server.sh (TEMPORAL_TEST_TRACES_ADDRESS)");
    let mut s = std::net::TcpStream::connect(&address).unwrap();
    write!(s, "GET {path_and_query} HTTP/1.0\r\nHost: {address}\r\n\r\n").unwrap();
    let mut answer = String::new();
    s.read_to_string(&mut answer).unwrap();
    let body = answer.split_once("\r\n\r\n").expect("an HTTP answer").1;
    serde_json::from_str(body).unwrap()
}
