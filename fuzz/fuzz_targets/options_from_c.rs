//! Options conversion at the C ABI: `temporal_start_workflow_options` and
//! `temporal_client_options` filled with fuzzed values (strings as C strings, invalid UTF-8
//! included; enum ints; u64 milliseconds; the f64 backoff coefficient), converted as
//! `temporal_execute_workflow` and `temporal_client_connect` do, without any network.
//!
//! The library's own conversions run (`temporal_ffi::fuzzing`): the start options exactly as
//! `temporal_execute_workflow` reads them (by their `size`, with a fuzzed size and tail bytes,
//! then converted, memo and search attributes included, and validated), and
//! `client_options_from_c` + `connection_options` (envconfig loading left out: it reads files
//! and the environment). Checks: never panics; errors are INVALID_ARGUMENT; the size rule
//! holds (too small or absurd: refused; larger with a non-zero tail: refused); accepted options
//! respect the documented limits; no error message or Debug output shows the API key or the
//! client private key.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use std::ffi::{c_char, CString};
use std::time::Duration;
use temporal_ffi::errors::{Error, ErrorCode};
use temporal_ffi::ffi::client::temporal_client_options;
use temporal_ffi::ffi::workflow::{temporal_retry_policy, temporal_search_attribute, temporal_start_workflow_options};
use temporal_ffi::options::MAX_DURATION;
use temporal_ffi_fuzz::c_string;

/// NULL, or a C string made of these bytes (cut at the first NUL).
#[derive(Arbitrary, Debug)]
struct Str(Option<Vec<u8>>);

impl Str {
    fn c(&self) -> Option<CString> {
        self.0.as_deref().map(c_string)
    }
}

fn ptr(s: &Option<CString>) -> *const c_char {
    s.as_ref().map_or(std::ptr::null(), |c| c.as_ptr())
}

/// Milliseconds: mostly small, sometimes anything (around the 100-year limit and u64::MAX).
#[derive(Arbitrary, Debug)]
enum Millis {
    Small(u16),
    Any(u64),
    NearMax(u16),
}

impl Millis {
    fn get(&self) -> u64 {
        match *self {
            Millis::Small(v) => u64::from(v),
            Millis::Any(v) => v,
            Millis::NearMax(v) => (MAX_DURATION.as_millis() as u64).wrapping_add(u64::from(v)).wrapping_sub(32768),
        }
    }
}

#[derive(Arbitrary, Debug)]
struct RetryIn {
    initial_interval: Millis,
    backoff_coefficient: f64,
    maximum_interval: Millis,
    maximum_attempts: i32,
    non_retryable_error_types_json: Str,
}

#[derive(Arbitrary, Debug)]
struct StartIn {
    id: Str,
    task_queue: Str,
    execution_timeout: Millis,
    run_timeout: Millis,
    task_timeout: Millis,
    id_reuse_policy: i32,
    id_conflict_policy: i32,
    error_when_already_started: bool,
    retry_policy: Option<RetryIn>,
    /// How the caller's `size` differs from this library's struct (an older or newer header).
    size_delta: i8,
    /// The bytes after the struct a larger `size` covers.
    tail: [u8; 16],
    cron_schedule: Str,
    memo_json: Str,
    search_attributes_json: Str,
    start_delay: Millis,
    args_json: Str,
    static_summary: Str,
    static_details: Str,
    priority_key: i32,
    fairness_key: Str,
    fairness_weight: f32,
    /// At most 4 are used; `typed_null_with_length`: the array NULL with their count as length.
    typed_search_attributes: Vec<TypedIn>,
    typed_null_with_length: bool,
    versioning_behavior: i32,
    versioning_deployment_name: Str,
    versioning_build_id: Str,
}

#[derive(Arbitrary, Debug)]
struct TypedIn {
    name: Str,
    value_type: i32,
    value_json: Str,
}

#[derive(Arbitrary, Debug)]
struct ClientIn {
    address: Str,
    namespace_name: Str,
    identity: Str,
    api_key: Str,
    tls: bool,
    tls_server_ca_cert_pem: Str,
    tls_client_cert_pem: Str,
    tls_client_key_pem: Str,
    tls_server_name: Str,
    tls_disable_host_verification: bool,
    grpc_metadata_json: Str,
    connect_timeout: Millis,
    envconfig: i32,
    envconfig_profile: Str,
    envconfig_file: Str,
}

#[derive(Arbitrary, Debug)]
struct Input {
    start: StartIn,
    client: ClientIn,
    error_code: i32,
}

fn check_err(e: &Error) {
    assert_eq!(e.code, ErrorCode::InvalidArgument, "{e}");
}

fn fuzz_start(s: &StartIn) {
    let (id, tq, cron, memo, sa, args) =
        (s.id.c(), s.task_queue.c(), s.cron_schedule.c(), s.memo_json.c(), s.search_attributes_json.c(), s.args_json.c());
    let (summary, details, fairness) = (s.static_summary.c(), s.static_details.c(), s.fairness_key.c());
    let nret = s.retry_policy.as_ref().and_then(|r| r.non_retryable_error_types_json.c());
    let rp = s.retry_policy.as_ref().map(|r| temporal_retry_policy {
        size: std::mem::size_of::<temporal_retry_policy>(),
        initial_interval_ms: r.initial_interval.get(),
        backoff_coefficient: r.backoff_coefficient,
        maximum_interval_ms: r.maximum_interval.get(),
        maximum_attempts: r.maximum_attempts,
        non_retryable_error_types_json: ptr(&nret),
    });
    let typed_strings: Vec<_> = s.typed_search_attributes.iter().take(4).map(|t| (t.name.c(), t.value_json.c())).collect();
    let typed: Vec<temporal_search_attribute> = s
        .typed_search_attributes
        .iter()
        .zip(&typed_strings)
        .map(|(t, (name, value))| temporal_search_attribute { name: ptr(name), value_type: t.value_type, value_json: ptr(value) })
        .collect();
    let (deployment, build_id) = (s.versioning_deployment_name.c(), s.versioning_build_id.c());
    let known = std::mem::size_of::<temporal_start_workflow_options>();
    let c = temporal_start_workflow_options {
        // At most the 16 tail bytes past the struct, never before its start.
        size: (known as isize + isize::from(s.size_delta).clamp(-(known as isize), 16)) as usize,
        id: ptr(&id),
        task_queue: ptr(&tq),
        execution_timeout_ms: s.execution_timeout.get(),
        run_timeout_ms: s.run_timeout.get(),
        task_timeout_ms: s.task_timeout.get(),
        id_reuse_policy: s.id_reuse_policy,
        id_conflict_policy: s.id_conflict_policy,
        error_when_already_started: s.error_when_already_started,
        retry_policy: rp.as_ref().map_or(std::ptr::null(), |r| r as *const _),
        cron_schedule: ptr(&cron),
        memo_json: ptr(&memo),
        search_attributes_json: ptr(&sa),
        start_delay_ms: s.start_delay.get(),
        static_summary: ptr(&summary),
        static_details: ptr(&details),
        priority_key: s.priority_key,
        fairness_key: ptr(&fairness),
        fairness_weight: s.fairness_weight,
        typed_search_attributes: if s.typed_null_with_length || typed.is_empty() { std::ptr::null() } else { typed.as_ptr() },
        typed_search_attributes_len: typed.len(),
        versioning_behavior: s.versioning_behavior,
        versioning_deployment_name: ptr(&deployment),
        versioning_build_id: ptr(&build_id),
    };
    // The struct as the caller laid it out, followed by the bytes a larger size covers.
    #[repr(C)]
    struct Laid {
        options: temporal_start_workflow_options,
        tail: [u8; 16],
    }
    let laid = Laid { options: c, tail: s.tail };
    let c = &laid.options;
    // Without a client the exported call stops at the client check: it must not touch options.
    let mut run = std::ptr::null_mut();
    let err = unsafe { temporal_ffi::ffi::workflow::temporal_execute_workflow(std::ptr::null(), c"Wf".as_ptr(), ptr(&args), c, &mut run) };
    assert!(!err.is_null() && run.is_null());
    unsafe {
        assert_eq!(temporal_ffi::ffi::error::temporal_error_get_code(err), ErrorCode::InvalidArgument);
        temporal_ffi::ffi::error::temporal_error_free(err);
    }

    let result = unsafe { temporal_ffi::fuzzing::start_options_from_c(c) };
    let tail_set = c.size > known && s.tail[..(c.size - known).min(16)].iter().any(|&b| b != 0);
    if c.size < std::mem::size_of::<usize>() || c.size % std::mem::align_of::<temporal_start_workflow_options>() != 0 || tail_set {
        return check_err(&result.expect_err("a bad size or a set unknown field is refused"));
    }
    let opts = match result {
        Ok(o) => o,
        Err(e) => return check_err(&e),
    };
    // Validated already: the conversion ran it.
    for d in [opts.workflow_execution_timeout, opts.workflow_run_timeout, opts.workflow_task_timeout, opts.start_delay] {
        assert!(d <= MAX_DURATION);
    }
    if let Some(rp) = &opts.retry_policy {
        assert!(rp.initial_interval <= MAX_DURATION && rp.maximum_interval <= MAX_DURATION);
    }
    assert!(!opts.task_queue.is_empty());
    assert!(opts.priority.priority_key >= 0, "priority key {} accepted", opts.priority.priority_key);
    let w = opts.priority.fairness_weight;
    assert!(w >= 0.0 && w.is_finite(), "fairness weight {w} accepted");
    // Inside the size, typed search attributes that were accepted are in the one map, typed.
    let typed_read = c.size >= std::mem::offset_of!(temporal_start_workflow_options, typed_search_attributes_len) + 8;
    if typed_read {
        assert!(!(s.typed_null_with_length && !typed.is_empty()), "a NULL array with a length was accepted");
        for (name, _) in &typed_strings {
            let name = name.as_ref().expect("accepted: every name is set").to_str().unwrap();
            let p = &opts.search_attributes.as_ref().expect("typed attributes give the map")[name];
            assert!(p.metadata.contains_key("type"), "{name} sent without its type");
        }
    }
    use temporal_ffi::options::VersioningOverrideKind;
    let v = &opts.versioning_override;
    match v.kind {
        VersioningOverrideKind::Pinned => assert!(!v.deployment_name.is_empty() && !v.build_id.is_empty()),
        _ => assert!(v.deployment_name.is_empty() && v.build_id.is_empty()),
    }
    if let Some(rp) = &opts.retry_policy {
        let b = rp.backoff_coefficient;
        assert!(b == 0.0 || (b >= 1.0 && b.is_finite()), "backoff {b} accepted");
        assert!(rp.maximum_attempts >= 0);
    }
    if let Some(a) = args.as_ref().and_then(|a| a.to_str().ok()).filter(|a| !a.is_empty()) {
        if let Err(e) = temporal_ffi::payloads::args_to_payloads(Some(a)) {
            check_err(&e);
        }
    }
}

/// The secret with every visible ASCII character swapped for another one: same length, same
/// emptiness, same UTF-8 and header-value validity, so the conversion takes the same path.
fn stand_in(secret: &[u8]) -> Vec<u8> {
    secret.iter().map(|&b| if b.is_ascii_graphic() { if b == b'X' { b'Y' } else { b'X' } } else { b }).collect()
}

/// Secrets must not show in what the conversion says. Differential, so that a secret made of
/// text the output holds anyway (another field's value with its Debug quote, "<redacted>"...)
/// is no false alarm: a secret shows when it occurs more often in `text` than in `baseline`,
/// the same conversion's output with the secrets replaced by their stand-ins. Only secrets of
/// 8+ bytes that their stand-in changes are checked.
fn assert_no_secret(text: &str, baseline: &str, secrets: &[&str]) {
    for s in secrets.iter().filter(|s| s.len() >= 8 && stand_in(s.as_bytes()) != s.as_bytes()) {
        let shown = text.matches(*s).count();
        assert!(shown <= baseline.matches(*s).count(), "secret {s:?} shows in {text:?} (baseline {baseline:?})");
    }
}

fn fuzz_client(ci: &ClientIn) {
    let f = [
        ci.address.c(), ci.namespace_name.c(), ci.identity.c(), ci.api_key.c(), ci.tls_server_ca_cert_pem.c(),
        ci.tls_client_cert_pem.c(), ci.tls_client_key_pem.c(), ci.tls_server_name.c(), ci.grpc_metadata_json.c(),
        ci.envconfig_profile.c(), ci.envconfig_file.c(),
    ];
    let text = |i: usize| f[i].as_ref().and_then(|s| s.to_str().ok()).unwrap_or("").to_owned();
    let secrets = [text(3), text(6)];
    let secrets: Vec<&str> = secrets.iter().map(String::as_str).collect();
    let said = client_options(&c_options(ci, &f));
    // The same options with the API key and the client key swapped for their stand-ins.
    let mut g = f.clone();
    for i in [3, 6] {
        g[i] = g[i].as_ref().map(|s| CString::new(stand_in(s.as_bytes())).expect("no NUL was added"));
    }
    let baseline = client_options(&c_options(ci, &g));
    assert_eq!(said.len(), baseline.len(), "the secrets' stand-ins took another path: {said:?} / {baseline:?}");
    for (t, b) in said.iter().zip(&baseline) {
        assert_no_secret(t, b, &secrets);
    }
}

/// `temporal_client_options` over the C strings in `f` (kept alive by the caller).
fn c_options(ci: &ClientIn, f: &[Option<CString>; 11]) -> temporal_client_options {
    let mut c = unsafe { std::mem::zeroed::<temporal_client_options>() };
    unsafe { temporal_ffi::ffi::client::temporal_client_options_default(&mut c, std::mem::size_of::<temporal_client_options>()) };
    c.address = ptr(&f[0]);
    c.namespace_name = ptr(&f[1]);
    c.identity = ptr(&f[2]);
    c.api_key = ptr(&f[3]);
    c.tls = ci.tls;
    c.tls_server_ca_cert_pem = ptr(&f[4]);
    c.tls_client_cert_pem = ptr(&f[5]);
    c.tls_client_key_pem = ptr(&f[6]);
    c.tls_server_name = ptr(&f[7]);
    c.tls_disable_host_verification = ci.tls_disable_host_verification;
    c.grpc_metadata_json = ptr(&f[8]);
    c.connect_timeout_ms = ci.connect_timeout.get();
    c.envconfig = ci.envconfig;
    c.envconfig_profile = ptr(&f[9]);
    c.envconfig_file = ptr(&f[10]);
    c
}

/// Converts and checks the options; returns what the conversion said (error messages, the
/// options' Debug text), in order, for the secrets check.
fn client_options(c: &temporal_client_options) -> Vec<String> {
    let mut opts = match unsafe { temporal_ffi::fuzzing::client_options_from_c(c) } {
        Ok(o) => o,
        Err(e) => {
            check_err(&e);
            return vec![e.message];
        }
    };
    assert!(opts.connect_timeout <= MAX_DURATION);
    let mut said = vec![format!("{opts:?}")];
    // envconfig reads the environment and files: not this target's business (see envconfig.rs).
    opts.envconfig = None;
    match temporal_ffi::fuzzing::connection_options(&opts) {
        Ok((conn, namespace)) => {
            assert!(!namespace.is_empty());
            assert!(conn.target.has_host(), "no host in {}", conn.target);
            assert!(conn.connect_timeout.unwrap_or_default() > Duration::ZERO);
            if opts.tls.is_some() || opts.api_key.is_some() {
                assert!(conn.tls_options.is_some());
            }
        }
        Err(e) => {
            check_err(&e);
            said.push(e.message);
        }
    }
    said
}

fuzz_target!(|input: Input| {
    fuzz_start(&input.start);
    fuzz_client(&input.client);
    let name = temporal_ffi::ffi::error::temporal_error_code_name(input.error_code);
    assert!(!name.is_null());
});
