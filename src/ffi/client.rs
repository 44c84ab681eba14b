//! Connecting: `temporal_client_options`, `temporal_client_connect`, `temporal_client_free`.

use super::{boundary, check_out, error_boundary, handle_ref, into_handle, optional_str, take_handle, temporal_error, Handle};
use crate::client::Client;
use crate::errors::{Error, Result};
use crate::options::{duration_from_millis, ClientOptions, EnvConfig, GrpcCompression, TlsOptions};
use crate::runtime::block_on;
use std::collections::HashMap;
use std::ffi::c_char;
use std::sync::Arc;

/// Options for `temporal_client_connect`, the Go SDK's `client.Options`.
///
/// Initialise with `temporal_client_options_default` and set what you need. Every string is
/// NUL-terminated UTF-8, borrowed only for the duration of the connect call; NULL or "" means
/// "not set".
#[repr(C)]
pub struct temporal_client_options {
    /// `host:port` (or a URL with `http://` / `https://`). Not set: `localhost:7233`, or the
    /// envconfig address when `envconfig` is on.
    pub address: *const c_char,
    /// Not set: `default` (or the envconfig namespace).
    pub namespace_name: *const c_char,
    /// Not set: `pid@hostname@`, as the Go SDK.
    pub identity: *const c_char,
    /// API key, sent as `authorization: Bearer <key>`. Turns TLS on (system roots) unless TLS is
    /// configured. Never appears in an error message or a log.
    pub api_key: *const c_char,
    /// Use TLS even when none of the `tls_*` fields below is set (system root certificates).
    pub tls: bool,
    /// PEM text of the CA that signed the server's certificate.
    pub tls_server_ca_cert_pem: *const c_char,
    /// PEM text of the client certificate for mTLS (with `tls_client_key_pem`).
    pub tls_client_cert_pem: *const c_char,
    /// PEM text of the client private key for mTLS. Never appears in an error message or a log.
    pub tls_client_key_pem: *const c_char,
    /// Server name to verify the certificate against (and to send as SNI).
    pub tls_server_name: *const c_char,
    /// Do not verify the server's certificate chain or name (the Go SDK's InsecureSkipVerify).
    pub tls_disable_host_verification: bool,
    /// Extra gRPC metadata for every call, as a JSON object of strings: `{"key": "value"}`.
    /// Keys and values must be valid HTTP/2 header text; binary (`-bin`) keys are refused.
    pub grpc_metadata_json: *const c_char,
    /// Connect (dial + server check) timeout in milliseconds; 0: 10000.
    pub connect_timeout_ms: u64,
    /// Load `TEMPORAL_ADDRESS`, `TEMPORAL_NAMESPACE`, `TEMPORAL_API_KEY`, `TEMPORAL_TLS*`,
    /// `TEMPORAL_GRPC_META_*`, `TEMPORAL_CONFIG_FILE` and `TEMPORAL_PROFILE` (and the TOML config
    /// file) as the official SDKs do. Fields set above win over what is loaded.
    pub envconfig: bool,
    /// Profile to load (implies `envconfig`); not set: `TEMPORAL_PROFILE` or `default`.
    pub envconfig_profile: *const c_char,
    /// Config file to load (implies `envconfig`); not set: `TEMPORAL_CONFIG_FILE` or the
    /// platform's default path.
    pub envconfig_file: *const c_char,
    /// A `temporal_grpc_compression` value; 0: none. Unlike the Go SDK, requests are not
    /// compressed by default: gzip costs about 5x the client CPU of a small call (see
    /// `TEMPORAL_GRPC_COMPRESSION_GZIP`).
    pub grpc_compression: i32,
}

/// A connected client. Thread-safe: share one per process between any number of threads.
/// Opaque; free with `temporal_client_free`.
pub struct temporal_client {
    _private: [u8; 0],
}

impl Handle for temporal_client {
    type Target = Arc<Client>;
    const TAG: u64 = 0x7465_6d70_636c_6e74; // "tempclnt"
    const NAME: &'static str = "client";
}

/// Fills `options` with the defaults (every field unset). NULL is a no-op.
///
/// # Safety
/// `options` is NULL or valid for writes.
#[no_mangle]
pub unsafe extern "C" fn temporal_client_options_default(options: *mut temporal_client_options) {
    boundary(|_| (), || {
        if options.is_null() {
            return;
        }
        let defaults = temporal_client_options {
            address: std::ptr::null(),
            namespace_name: std::ptr::null(),
            identity: std::ptr::null(),
            api_key: std::ptr::null(),
            tls: false,
            tls_server_ca_cert_pem: std::ptr::null(),
            tls_client_cert_pem: std::ptr::null(),
            tls_client_key_pem: std::ptr::null(),
            tls_server_name: std::ptr::null(),
            tls_disable_host_verification: false,
            grpc_metadata_json: std::ptr::null(),
            connect_timeout_ms: 0,
            envconfig: false,
            envconfig_profile: std::ptr::null(),
            envconfig_file: std::ptr::null(),
            grpc_compression: 0,
        };
        // SAFETY: non-NULL and valid for writes per the contract.
        unsafe { options.write(defaults) };
    })
}

/// Converts the C options to the safe Rust ones.
///
/// # Safety
/// Every non-NULL string in `o` is NUL-terminated and valid.
pub(crate) unsafe fn client_options_from_c(o: &temporal_client_options) -> Result<ClientOptions> {
    let s = |p, name| unsafe { optional_str(p, name) }.map(|v| v.map(str::to_owned));
    let pem = |p, name| unsafe { optional_str(p, name) }.map(|v| v.map(|t| t.as_bytes().to_vec()));
    let tls = TlsOptions {
        server_ca_cert_pem: pem(o.tls_server_ca_cert_pem, "tls_server_ca_cert_pem")?,
        client_cert_pem: pem(o.tls_client_cert_pem, "tls_client_cert_pem")?,
        client_key_pem: pem(o.tls_client_key_pem, "tls_client_key_pem")?,
        server_name: s(o.tls_server_name, "tls_server_name")?,
        disable_host_verification: o.tls_disable_host_verification,
    };
    let tls_set = o.tls
        || tls.server_ca_cert_pem.is_some()
        || tls.client_cert_pem.is_some()
        || tls.client_key_pem.is_some()
        || tls.server_name.is_some()
        || tls.disable_host_verification;
    let grpc_metadata = match s(o.grpc_metadata_json, "grpc_metadata_json")? {
        None => HashMap::new(),
        Some(text) => serde_json::from_str::<HashMap<String, String>>(&text).map_err(|e| {
            Error::invalid_argument(format!("grpc_metadata_json must be a JSON object of strings: {e}"))
        })?,
    };
    let profile = s(o.envconfig_profile, "envconfig_profile")?;
    let config_file = s(o.envconfig_file, "envconfig_file")?;
    let envconfig = (o.envconfig || profile.is_some() || config_file.is_some())
        .then_some(EnvConfig { profile, config_file });
    Ok(ClientOptions {
        address: s(o.address, "address")?.unwrap_or_default(),
        namespace: s(o.namespace_name, "namespace_name")?.unwrap_or_default(),
        identity: s(o.identity, "identity")?.unwrap_or_default(),
        api_key: s(o.api_key, "api_key")?,
        tls: tls_set.then_some(tls),
        grpc_metadata,
        connect_timeout: duration_from_millis("connect_timeout_ms", o.connect_timeout_ms)?,
        envconfig,
        grpc_compression: GrpcCompression::from_i32(o.grpc_compression)?,
    })
}

/// Connects to a Temporal server and checks that it answers (GetSystemInfo), as the Go SDK's
/// `client.Dial`. Blocks the calling thread until connected, or until the connect timeout.
///
/// `options` may be NULL for all defaults. On success writes a new client to `*client_out`
/// and returns NULL; the caller owns the client and must free it with `temporal_client_free`.
/// On failure returns an error (caller owns it: `temporal_error_free`) and leaves
/// `*client_out` untouched. Errors: `INVALID_ARGUMENT` (bad options), `UNAVAILABLE` (server
/// unreachable), `DEADLINE_EXCEEDED` (no answer within the timeout), `PERMISSION_DENIED`.
///
/// # Safety
/// `options` is NULL or a valid options struct; `client_out` is valid for a write.
#[no_mangle]
pub unsafe extern "C" fn temporal_client_connect(
    options: *const temporal_client_options,
    client_out: *mut *mut temporal_client,
) -> *mut temporal_error {
    error_boundary(|| {
        unsafe { check_out(client_out, "client_out") }?;
        let opts = if options.is_null() {
            ClientOptions::default()
        } else {
            // SAFETY: non-NULL and valid per the contract.
            unsafe { client_options_from_c(&*options) }?
        };
        let client = block_on(Client::connect(opts))?;
        // SAFETY: checked non-NULL above.
        unsafe { client_out.write(into_handle::<temporal_client>(client)) };
        Ok(())
    })
}

/// Frees a client. NULL is a no-op. Workflow runs obtained from it, and async calls already
/// started with it, stay valid (they keep the connection alive until they are done too). Free it only when no other thread is inside a
/// call that takes this client.
///
/// # Safety
/// `client` is NULL or a client from `temporal_client_connect` not yet freed.
#[no_mangle]
pub unsafe extern "C" fn temporal_client_free(client: *mut temporal_client) {
    boundary(|_| (), || drop(unsafe { take_handle(client) }))
}

/// Borrows the client behind a handle argument.
///
/// # Safety
/// As `handle_ref`.
pub(crate) unsafe fn client_arg<'a>(client: *const temporal_client) -> Result<&'a Arc<Client>> {
    unsafe { handle_ref(client) }
}
