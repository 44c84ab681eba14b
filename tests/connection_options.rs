//! Connection options, driven as a C host would: the live API key and gRPC metadata updates
//! (against the worker's recorder, a fake frontend that reports each call's metadata: the dev
//! server ignores the authorization header), keep-alive, the HTTP CONNECT proxy (the harness's
//! tests/harness/connect_proxy.py in front of the dev server) and a result above gRPC's
//! default 4 MB message limit (from the recorder too).

mod common;

use common::*;
use serde_json::Value;
use std::ffi::{c_char, c_void, CStr, CString};
use std::ptr;
use std::sync::Mutex;
use std::time::Duration;
use temporal_ffi::errors::ErrorCode;
use temporal_ffi::ffi::call::*;
use temporal_ffi::ffi::client::*;
use temporal_ffi::ffi::operations::*;
use temporal_ffi::ffi::runtime::*;

fn c(s: &str) -> CString {
    CString::new(s).unwrap()
}

fn recorder_address() -> String {
    let a = std::env::var("TEMPORAL_TEST_RECORDER_ADDRESS")
        .expect("run under tests/harness/with-dev-server.sh (TEMPORAL_TEST_RECORDER_ADDRESS)");
    // http:// keeps the connection plaintext with an API key (which otherwise turns TLS on).
    format!("http://{a}")
}

/// Connects to the recorder; `f` adjusts the options.
fn connect_recorder(f: impl FnOnce(&mut temporal_client_options)) -> Client {
    let address = c(&recorder_address());
    connect_with(|o| {
        o.address = address.as_ptr();
        f(o)
    })
    .expect("connect to the recorder")
}

/// The gRPC metadata the recorder saw on one call (a query) of `client`.
fn seen_metadata(client: &Client) -> serde_json::Map<String, Value> {
    let outcome = wait_call(10_000, |o, out| unsafe {
        temporal_query_workflow_async(client.0, c("any").as_ptr(), ptr::null(), c("metadata").as_ptr(), ptr::null(), o, out)
    })
    .expect("the recorder answers queries");
    match outcome.json_value() {
        Value::Object(m) => m,
        other => panic!("not an object: {other}"),
    }
}

fn authorization(client: &Client) -> Option<String> {
    seen_metadata(client).get("authorization").map(|v| v.as_str().unwrap().to_owned())
}

fn set_api_key(client: &Client, key: Option<&str>) -> Result<(), HostError> {
    let key = key.map(c);
    take_error(unsafe { temporal_client_set_api_key(client.0, key.as_ref().map_or(ptr::null(), |k| k.as_ptr())) })
}

fn set_metadata(client: &Client, json: Option<&str>) -> Result<(), HostError> {
    let json = json.map(c);
    take_error(unsafe {
        temporal_client_set_grpc_metadata(client.0, json.as_ref().map_or(ptr::null(), |j| j.as_ptr()))
    })
}

#[test]
fn the_api_key_is_replaced_without_reconnecting() {
    log_everything();
    let key = c("key-A");
    let client = connect_recorder(|o| o.api_key = key.as_ptr());
    assert_eq!(authorization(&client).as_deref(), Some("Bearer key-A"));

    set_api_key(&client, Some("key-B")).unwrap();
    assert_eq!(authorization(&client).as_deref(), Some("Bearer key-B"));
    set_api_key(&client, Some("key-C")).unwrap();
    assert_eq!(authorization(&client).as_deref(), Some("Bearer key-C"));

    // A key that cannot be a header is refused, without showing it, and the old key stays.
    let e = set_api_key(&client, Some("sekrit\nkey")).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArgument);
    assert!(!e.message.contains("sekrit"), "{e:?}");
    assert_eq!(authorization(&client).as_deref(), Some("Bearer key-C"));

    set_api_key(&client, None).unwrap();
    assert_eq!(authorization(&client), None, "no key: no authorization header");
    set_api_key(&client, Some("key-D")).unwrap();
    set_api_key(&client, Some("")).unwrap();
    assert_eq!(authorization(&client), None, "\"\" is no key, as in the connect options");

    // A client connected without a key gets one.
    let plain = connect_recorder(|_| {});
    assert_eq!(authorization(&plain), None);
    set_api_key(&plain, Some("late-key")).unwrap();
    assert_eq!(authorization(&plain).as_deref(), Some("Bearer late-key"));
}

#[test]
fn grpc_metadata_is_replaced_without_reconnecting() {
    log_everything();
    let md = c(r#"{"x-first": "1", "X-Shared": "a"}"#);
    let client = connect_recorder(|o| o.grpc_metadata_json = md.as_ptr());
    let seen = seen_metadata(&client);
    assert_eq!((seen["x-first"].as_str(), seen["x-shared"].as_str()), (Some("1"), Some("a")));

    set_metadata(&client, Some(r#"{"x-second": "2", "X-Shared": "b"}"#)).unwrap();
    let seen = seen_metadata(&client);
    assert_eq!((seen["x-second"].as_str(), seen["x-shared"].as_str()), (Some("2"), Some("b")));
    assert!(!seen.contains_key("x-first"), "replaced, not merged: {seen:?}");

    // Refused as connect refuses them; the metadata in place stays.
    for bad in [r#"{"x-bin": "v"}"#, r#"{"bad key": "v"}"#, r#"{"k": "bad\nvalue"}"#, r#"{"k": 1}"#, "[1]", "{"] {
        let e = set_metadata(&client, Some(bad)).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidArgument, "{bad}: {e:?}");
        assert!(e.message.contains("metadata"), "{bad}: {e:?}");
    }
    assert_eq!(seen_metadata(&client)["x-second"], "2");

    // The API key is separate from the metadata.
    set_api_key(&client, Some("key-A")).unwrap();
    set_metadata(&client, None).unwrap();
    let seen = seen_metadata(&client);
    assert!(!seen.contains_key("x-second") && !seen.contains_key("x-shared"), "{seen:?}");
    assert_eq!(seen["authorization"], "Bearer key-A");
    set_metadata(&client, Some(r#"{"x-third": "3"}"#)).unwrap();
    set_metadata(&client, Some("{}")).unwrap();
    assert!(!seen_metadata(&client).contains_key("x-third"));
}

#[test]
fn the_setters_check_their_client() {
    log_everything();
    let e = take_error(unsafe { temporal_client_set_api_key(ptr::null(), c("k").as_ptr()) }).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArgument);
    assert!(e.message.contains("client"), "{e:?}");
    let e = take_error(unsafe { temporal_client_set_grpc_metadata(ptr::null(), ptr::null()) }).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArgument);
    // A handle of another kind is refused, not misused.
    let mut q = ptr::null_mut();
    take_error(unsafe { temporal_ffi::ffi::completion_queue::temporal_completion_queue_new(&mut q) }).unwrap();
    let e = take_error(unsafe { temporal_client_set_api_key(q as *const temporal_client, ptr::null()) }).unwrap_err();
    assert!(e.message.contains("not a handle of the right kind"), "{e:?}");
    unsafe { temporal_ffi::ffi::completion_queue::temporal_completion_queue_free(q) };
    let invalid_utf8 = [0xffu8, 0];
    let client = connect_recorder(|_| {});
    let e = take_error(unsafe { temporal_client_set_api_key(client.0, invalid_utf8.as_ptr().cast()) }).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArgument);
    assert!(e.message.contains("api_key"), "{e:?}");
}

#[test]
fn keep_alive_options_are_checked_and_a_short_interval_works() {
    log_everything();
    for (interval, timeout) in
        [(TEMPORAL_MAX_DURATION_MS + 1, 0), (0, TEMPORAL_MAX_DURATION_MS + 1), (TEMPORAL_TIMEOUT_NONE, 0), (0, TEMPORAL_TIMEOUT_NONE)]
    {
        let e = connect_with(|o| {
            o.keep_alive_interval_ms = interval;
            o.keep_alive_timeout_ms = timeout;
        })
        .err()
        .expect("refused");
        assert_eq!(e.code, ErrorCode::InvalidArgument, "{e:?}");
        assert!(e.message.contains("keep_alive_"), "{e:?}");
    }
    let client = connect_with(|o| {
        o.keep_alive_interval_ms = 300;
        o.keep_alive_timeout_ms = 1_000;
    })
    .unwrap();
    let run = start(&client, "GreetingWorkflow", Some(r#"["World"]"#), Some(&unique_id("keepalive")), |_| {}).unwrap();
    // Idle for several intervals: pings go out and are answered, and the connection still works.
    std::thread::sleep(Duration::from_millis(2_000));
    assert_eq!(run.result(30_000).unwrap(), r#""Hello World!""#);
    let again = start(&client, "GreetingWorkflow", Some(r#"["again"]"#), None, |_| {}).unwrap();
    assert_eq!(again.result(30_000).unwrap(), r#""Hello again!""#);

    let off = connect_with(|o| {
        o.keep_alive_disabled = true;
        o.keep_alive_interval_ms = 1; // not used when disabled
    })
    .unwrap();
    let run = start(&off, "GreetingWorkflow", Some(r#"["off"]"#), None, |_| {}).unwrap();
    assert_eq!(run.result(30_000).unwrap(), r#""Hello off!""#);
}

fn from_existing(client: &Client, namespace: Option<&str>, identity: Option<&str>) -> Result<Client, HostError> {
    let (namespace, identity) = (namespace.map(c), identity.map(c));
    let mut out = ptr::null_mut();
    take_error(unsafe {
        temporal_client_new_from_existing(
            client.0,
            namespace.as_ref().map_or(ptr::null(), |n| n.as_ptr()),
            identity.as_ref().map_or(ptr::null(), |i| i.as_ptr()),
            &mut out,
        )
    })?;
    assert!(!out.is_null());
    Ok(Client(out))
}

#[test]
fn a_client_from_an_existing_one_shares_its_connection() {
    log_everything();
    let key = c("key-A");
    let first = connect_recorder(|o| o.api_key = key.as_ptr());
    let second = from_existing(&first, Some("other-ns"), Some("second")).unwrap();
    assert_eq!(seen_metadata(&second)["@namespace"], "other-ns");
    assert_eq!(seen_metadata(&first)["@namespace"], "default");
    assert_eq!(authorization(&second).as_deref(), Some("Bearer key-A"));
    // What is set on one connection setting is seen by every client on it.
    set_api_key(&first, Some("key-B")).unwrap();
    assert_eq!(authorization(&second).as_deref(), Some("Bearer key-B"));
    set_metadata(&second, Some(r#"{"x-shared": "s"}"#)).unwrap();
    assert_eq!(seen_metadata(&first)["x-shared"], "s");
    // Either may go first: the connection lives while a client uses it.
    drop(first);
    let third = from_existing(&second, None, None).unwrap();
    drop(second);
    let seen = seen_metadata(&third);
    assert_eq!((seen["@namespace"].as_str(), seen["authorization"].as_str()), (Some("default"), Some("Bearer key-B")));

    let mut out = ptr::null_mut();
    let e = take_error(unsafe { temporal_client_new_from_existing(ptr::null(), ptr::null(), ptr::null(), &mut out) }).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArgument);
    let e = take_error(unsafe { temporal_client_new_from_existing(third.0, ptr::null(), ptr::null(), ptr::null_mut()) }).unwrap_err();
    assert!(e.message.contains("client_out"), "{e:?}");
    assert!(out.is_null(), "untouched on failure");
}

#[test]
fn a_client_from_an_existing_one_starts_with_its_own_identity() {
    log_everything();
    let first = connect();
    let second = from_existing(&first, Some("default"), Some("ffi-second-identity")).unwrap();
    drop(first);
    let run = start(&second, "GreetingWorkflow", Some(r#"["second"]"#), None, |_| {}).unwrap();
    assert_eq!(run.result(30_000).unwrap(), r#""Hello second!""#);
    let id = c(&run.id());
    let history = wait_call(10_000, |o, out| unsafe {
        temporal_get_workflow_history_async(second.0, id.as_ptr(), ptr::null(), o, out)
    })
    .unwrap()
    .json_value();
    let started = &history["events"][0];
    // The start's identity, in the started event's attributes (whatever the JSON casing).
    assert!(started.to_string().contains(r#""identity":"ffi-second-identity""#), "{started}");
}

fn proxy_address() -> String {
    std::env::var("TEMPORAL_TEST_PROXY_ADDRESS").expect("run under tests/harness/with-dev-server.sh (TEMPORAL_TEST_PROXY_ADDRESS)")
}

/// The lines the proxy logged for `user` (each connect of a test uses its own user name).
fn proxy_log_for(user: &str) -> Vec<String> {
    let log = std::fs::read_to_string(std::env::var("TEMPORAL_TEST_PROXY_LOG").unwrap()).unwrap();
    log.lines().filter(|l| l.contains(&format!(" user={user} "))).map(str::to_owned).collect()
}

const PROXY_PASSWORD: &str = "proxy-test-password";

fn connect_through_proxy(user: &str, password: &str) -> Result<Client, HostError> {
    let (proxy, user, password) = (c(&proxy_address()), c(user), c(password));
    connect_with(|o| {
        o.proxy_address = proxy.as_ptr();
        o.proxy_basic_auth_user = user.as_ptr();
        o.proxy_basic_auth_password = password.as_ptr();
    })
}

#[test]
fn a_workflow_runs_through_an_http_connect_proxy() {
    log_everything();
    let user = unique_id("proxy-user");
    let client = connect_through_proxy(&user, PROXY_PASSWORD).unwrap();
    let run = start(&client, "GreetingWorkflow", Some(r#"["proxy"]"#), None, |_| {}).unwrap();
    assert_eq!(run.result(30_000).unwrap(), r#""Hello proxy!""#);
    let lines = proxy_log_for(&user);
    let server = address();
    assert!(
        lines.iter().any(|l| l == &format!("CONNECT {server} user={user} status=200")),
        "the proxy tunnelled the connection to {server}: {lines:?}"
    );
}

#[test]
fn a_proxy_that_refuses_the_credentials_fails_the_connect_clearly() {
    log_everything();
    let user = unique_id("proxy-user");
    let e = connect_through_proxy(&user, "wrong-sekrit-password").err().expect("407");
    // The tunnel is never made: a transport failure before any gRPC call, as gRPC-go reports
    // a failed CONNECT (and the Go SDK's Dial then fails with Unavailable).
    assert_eq!(e.code, ErrorCode::Unavailable, "{e:?}");
    let proxy = proxy_address();
    assert!(e.message.contains(&format!("proxy {proxy}")), "names the proxy: {e:?}");
    assert!(e.message.contains("407"), "says what the proxy answered: {e:?}");
    assert!(!e.message.contains("sekrit") && !format!("{:?}", e.details).contains("sekrit"), "{e:?}");
    assert_eq!(proxy_log_for(&user), vec![format!("CONNECT {} user={user} status=407", address())]);

    // Without credentials: the same 407.
    let proxy = c(&proxy_address());
    let e = connect_with(|o| o.proxy_address = proxy.as_ptr()).err().expect("407");
    assert_eq!(e.code, ErrorCode::Unavailable, "{e:?}");
}

#[test]
fn proxy_options_are_checked_before_connecting() {
    log_everything();
    let (bad, user, password) = (c("no-port"), c("u"), c("sekrit-pw"));
    let e = connect_with(|o| o.proxy_address = bad.as_ptr()).err().unwrap();
    assert_eq!(e.code, ErrorCode::InvalidArgument);
    assert!(e.message.contains("proxy address \"no-port\""), "{e:?}");
    let e = connect_with(|o| o.proxy_basic_auth_user = user.as_ptr()).err().unwrap();
    assert_eq!(e.code, ErrorCode::InvalidArgument);
    assert!(e.message.contains("proxy_address"), "{e:?}");
    let proxy = c(&proxy_address());
    let e = connect_with(|o| {
        o.proxy_address = proxy.as_ptr();
        o.proxy_basic_auth_password = password.as_ptr();
    })
    .err()
    .unwrap();
    assert_eq!(e.code, ErrorCode::InvalidArgument);
    assert!(e.message.contains("proxy_basic_auth_user") && !e.message.contains("sekrit"), "{e:?}");
}

#[test]
fn a_result_above_the_default_4_mb_message_limit_is_read() {
    log_everything();
    // gRPC's default receive limit is 4 MB; the crate raises it to 128 MB, the Go SDK's
    // default too. The dev server cannot store such a result (its own messages are limited to
    // 4 MB): the recorder answers the history long poll of "large-N" with a close event whose
    // result is a JSON string of N bytes.
    let client = connect_recorder(|_| {});
    for n in [1024usize, 5 * 1024 * 1024, 12 * 1024 * 1024] {
        let run = get_workflow(&client, &format!("large-{n}"), Some("run-1"));
        let result = run.result(60_000).unwrap_or_else(|e| panic!("{n} bytes: {e:?}"));
        assert_eq!(result.len(), n + 2, "a JSON string of {n} bytes");
        assert!(result.starts_with("\"xxx") && result.ends_with("xxx\""));
    }
}

static LOGS: Mutex<String> = Mutex::new(String::new());

/// Every test of this process logs everything, down to the gRPC stack's trace events, into
/// LOGS (the runtime is configured once, before the first call), which
/// `secrets_never_reach_the_log` checks.
fn log_everything() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let mut o = std::mem::MaybeUninit::<temporal_runtime_options>::uninit();
        let mut o = unsafe {
            temporal_runtime_options_default(o.as_mut_ptr(), std::mem::size_of::<temporal_runtime_options>());
            o.assume_init()
        };
        o.log_level = LogLevel::Trace as i32;
        o.log_callback = Some(log_sink);
        take_error(unsafe { temporal_runtime_init(&o) }).unwrap();
    });
}

unsafe extern "C" fn log_sink(_: *mut c_void, _level: i32, target: *const c_char, message: *const c_char) {
    let target = unsafe { CStr::from_ptr(target) }.to_string_lossy().into_owned();
    let message = unsafe { CStr::from_ptr(message) }.to_string_lossy().into_owned();
    let mut logs = LOGS.lock().unwrap();
    logs.push_str(&format!("{target}: {message}\n"));
}

#[test]
fn secrets_never_reach_the_log() {
    log_everything();
    let key = c("sekrit-key-A");
    let client = connect_recorder(|o| o.api_key = key.as_ptr());
    set_api_key(&client, Some("sekrit-key-B")).unwrap();
    assert_eq!(authorization(&client).as_deref(), Some("Bearer sekrit-key-B"));
    let user = unique_id("log-user");
    assert!(connect_through_proxy(&user, "sekrit-wrong-pw").is_err());
    let through = connect_through_proxy(&format!("{user}-ok"), PROXY_PASSWORD).unwrap();
    let run = start(&through, "GreetingWorkflow", Some(r#"["log"]"#), None, |_| {}).unwrap();
    assert_eq!(run.result(30_000).unwrap(), r#""Hello log!""#);

    let logs = LOGS.lock().unwrap().clone();
    assert!(logs.contains("connected") && logs.contains("proxy"), "the log was captured:\n{logs}");
    // Basic auth is sent as base64 of "user:password": neither form may appear.
    assert_eq!(base64("user:pw"), "dXNlcjpwdw==");
    let basic = |u: &str, p: &str| base64(&format!("{u}:{p}"));
    for secret in [
        "sekrit-key-A".to_owned(),
        "sekrit-key-B".to_owned(),
        "sekrit-wrong-pw".to_owned(),
        PROXY_PASSWORD.to_owned(),
        basic(&user, "sekrit-wrong-pw"),
        basic(&format!("{user}-ok"), PROXY_PASSWORD),
    ] {
        assert!(!logs.contains(&secret), "{secret} is in the log");
    }
}

/// Standard base64 (padded), for the basic-auth check above.
fn base64(text: &str) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in text.as_bytes().chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            out.push(if i <= chunk.len() { A[(n >> (18 - 6 * i)) as usize & 63] as char } else { '=' });
        }
    }
    out
}
