//! Connecting: `temporal_client_options`, `temporal_client_connect_async` (and its blocking
//! wrapper `temporal_client_connect`), `temporal_client_free`.

use super::call::{self, read_call_options, temporal_call, temporal_call_options, OpFuture, Output};
use super::{
    boundary, check_out, error_boundary, handle_ref, into_handle, optional_str, read_struct, take_handle, temporal_error,
    write_default, ExtensibleStruct, Handle,
};
use crate::client::Client;
use crate::errors::{Error, Result};
use crate::options::{
    duration_from_millis, ClientOptions, EnvConfig, GrpcCompression, HttpConnectProxy, KeepAliveOptions, Timeout,
    TlsOptions,
};
use std::collections::HashMap;
use std::ffi::c_char;
use std::mem::offset_of;
use std::sync::Arc;

/// When `temporal_client_options` loads the environment configuration (`TEMPORAL_ADDRESS`,
/// `TEMPORAL_NAMESPACE`, `TEMPORAL_API_KEY`, `TEMPORAL_TLS*`, `TEMPORAL_GRPC_META_*`,
/// `TEMPORAL_CONFIG_FILE`, `TEMPORAL_PROFILE` and the TOML config file, as the official SDKs
/// read them). The same rule in every binding.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EnvconfigMode {
    /// Load it when `address` is not set (the default): a program that names no server goes
    /// where the environment says, and one that names a server goes there.
    Auto = 0,
    /// Always load it (fields set in the options still win).
    On = 1,
    /// Never load it.
    Off = 2,
}

/// Options for `temporal_client_connect`, the Go SDK's `client.Options`.
///
/// Initialise with `temporal_client_options_default` and set what you need. Every string is
/// NUL-terminated UTF-8, borrowed only for the duration of the connect call; NULL or "" means
/// "not set". Extensible: the library reads only the fields inside `size`, and every field's
/// default is its zero value.
#[repr(C)]
pub struct temporal_client_options {
    /// `sizeof(temporal_client_options)`, set by `temporal_client_options_default`.
    pub size: usize,
    /// `host:port` (or a URL with `http://` / `https://`). Not set: the environment
    /// configuration's address (see `envconfig`), else `localhost:7233`.
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
    /// Connect (dial + server check) timeout in milliseconds; 0 (`TEMPORAL_TIMEOUT_DEFAULT`):
    /// 10 s; `TEMPORAL_TIMEOUT_NONE`: no limit. At most `TEMPORAL_MAX_DURATION_MS`.
    pub connect_timeout_ms: u64,
    /// A `temporal_envconfig_mode`: when to load the environment configuration.
    /// `TEMPORAL_ENVCONFIG_MODE_AUTO` (0, the default): when `address` is not set. Fields set
    /// in these options win over what is loaded.
    pub envconfig: i32,
    /// Profile to load (setting it loads the configuration unless envconfig is `OFF`); not set:
    /// `TEMPORAL_PROFILE` or `default`.
    pub envconfig_profile: *const c_char,
    /// Config file to load (as the profile); not set: `TEMPORAL_CONFIG_FILE` or the platform's
    /// default path.
    pub envconfig_file: *const c_char,
    /// A `temporal_grpc_compression` value; 0: none. Unlike the Go SDK, requests are not
    /// compressed by default: gzip costs about 5x the client CPU of a small call (see
    /// `TEMPORAL_GRPC_COMPRESSION_GZIP`).
    pub grpc_compression: i32,
    /// Where this client's metrics go, as the Go SDK's `client.Options.MetricsHandler`: a
    /// table of host callbacks, copied at connect (see `temporal_host_meter`). NULL: the
    /// runtime's Prometheus endpoint when it serves one (`temporal_runtime_options`), else
    /// no metrics.
    pub metrics_host_meter: *const super::metrics::temporal_host_meter,
    /// Time between HTTP/2 keep-alive pings in milliseconds (the Go SDK's
    /// `ConnectionOptions.KeepAliveTime`); 0: 30 s, the Go SDK's default. At most
    /// `TEMPORAL_MAX_DURATION_MS` (`TEMPORAL_TIMEOUT_NONE` is refused: to send no pings, set
    /// `keep_alive_disabled`). Pings are sent while no call is in flight too (as Go's default
    /// `PermitWithoutStream`).
    pub keep_alive_interval_ms: u64,
    /// How long a keep-alive ping may go unanswered before the connection is closed and
    /// reconnected, in milliseconds (`KeepAliveTimeout`); 0: 15 s, the Go SDK's default. At most
    /// `TEMPORAL_MAX_DURATION_MS`.
    pub keep_alive_timeout_ms: u64,
    /// Send no keep-alive pings (the Go SDK's `DisableKeepAliveCheck`); the two fields above
    /// are then not used.
    pub keep_alive_disabled: bool,
    /// Connect through this HTTP CONNECT proxy: `host:port`, or `unix:/path` for a proxy on a
    /// Unix socket. Not set: connect directly (`HTTPS_PROXY` and the like are not read). TLS
    /// to the server, when on, runs inside the tunnel.
    pub proxy_address: *const c_char,
    /// User for the proxy's HTTP basic auth (`Proxy-Authorization`); needs `proxy_address`.
    pub proxy_basic_auth_user: *const c_char,
    /// Password for the proxy's basic auth (needs `proxy_basic_auth_user`). Never appears in an
    /// error message or a log.
    pub proxy_basic_auth_password: *const c_char,
    /// The payload codec every call of this client applies (the Go SDK's
    /// `converter.NewCodecDataConverter`); see `temporal_payload_codec`. NULL: none.
    pub payload_codec: *const super::payloads::temporal_payload_codec,
    /// The Go SDK's `NewLazyClient`: connect dials nothing and succeeds at once (bad options
    /// are still refused at once); the first call that needs the server dials (bounded by
    /// `connect_timeout_ms`), and a failed dial fails that call (`UNAVAILABLE`, or
    /// `DEADLINE_EXCEEDED`) while the next call dials again.
    pub lazy: bool,
}

// SAFETY: repr(C), starts with size, every field is valid as zero; the bools are listed.
unsafe impl ExtensibleStruct for temporal_client_options {
    const NAME: &'static str = "temporal_client_options";
    const BOOL_FIELDS: &'static [(usize, &'static str)] = &[
        (offset_of!(temporal_client_options, tls), "tls"),
        (offset_of!(temporal_client_options, tls_disable_host_verification), "tls_disable_host_verification"),
        (offset_of!(temporal_client_options, keep_alive_disabled), "keep_alive_disabled"),
        (offset_of!(temporal_client_options, lazy), "lazy"),
    ];
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

pub(crate) fn client_into_raw(client: Arc<Client>) -> *mut temporal_client {
    into_handle::<temporal_client>(client)
}

/// Fills `options` with the defaults (every field unset) and sets its `size`.
///
/// `size` is `sizeof(temporal_client_options)` as the caller's header defines it: the library writes exactly that
/// many bytes, so a program built with an older, smaller header is safe. Returns false and
/// writes nothing for NULL or a size that cannot be the struct's.
///
/// # Safety
/// `options` is NULL or valid for writes of `size` bytes.
#[no_mangle]
pub unsafe extern "C" fn temporal_client_options_default(options: *mut temporal_client_options, size: usize) -> bool {
    boundary(|| unsafe { write_default(options, size) })
}

/// Converts the C options to the safe Rust ones.
///
/// # Safety
/// Every non-NULL string in `o` is NUL-terminated and valid; `metrics_host_meter` is NULL or
/// a valid table.
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
    let grpc_metadata = unsafe { metadata_from_c(o.grpc_metadata_json, "grpc_metadata_json") }?;
    let profile = s(o.envconfig_profile, "envconfig_profile")?;
    let config_file = s(o.envconfig_file, "envconfig_file")?;
    let address = s(o.address, "address")?.unwrap_or_default();
    let load = match o.envconfig {
        0 => address.is_empty() || profile.is_some() || config_file.is_some(),
        1 => true,
        2 => false,
        other => return Err(Error::invalid_argument(format!("unknown envconfig mode {other}"))),
    };
    let envconfig = load.then_some(EnvConfig { profile, config_file });
    Ok(ClientOptions {
        address,
        namespace: s(o.namespace_name, "namespace_name")?.unwrap_or_default(),
        identity: s(o.identity, "identity")?.unwrap_or_default(),
        api_key: s(o.api_key, "api_key")?,
        tls: tls_set.then_some(tls),
        grpc_metadata,
        connect_timeout: super::call::timeout_from_millis("connect_timeout_ms", o.connect_timeout_ms)?
            .duration_or(crate::options::DEFAULT_CONNECT_TIMEOUT),
        envconfig,
        grpc_compression: GrpcCompression::from_i32(o.grpc_compression)?,
        metrics_meter: unsafe { super::metrics::host_meter_from_c(o.metrics_host_meter) }?,
        keep_alive: KeepAliveOptions {
            disabled: o.keep_alive_disabled,
            interval: duration_from_millis("keep_alive_interval_ms", o.keep_alive_interval_ms)?,
            timeout: duration_from_millis("keep_alive_timeout_ms", o.keep_alive_timeout_ms)?,
        },
        http_connect_proxy: unsafe { proxy_from_c(o) }?,
        lazy: o.lazy,
        // Last: once taken, the table is released when the options are dropped.
        payload_codec: unsafe { super::payloads::codec_from_c(o.payload_codec) }?,
    })
}

/// The proxy fields: an address, and basic auth only with it.
///
/// # Safety
/// As [`client_options_from_c`].
unsafe fn proxy_from_c(o: &temporal_client_options) -> Result<Option<HttpConnectProxy>> {
    let address = unsafe { optional_str(o.proxy_address, "proxy_address") }?;
    let user = unsafe { optional_str(o.proxy_basic_auth_user, "proxy_basic_auth_user") }?;
    let password = unsafe { optional_str(o.proxy_basic_auth_password, "proxy_basic_auth_password") }?;
    let basic_auth = match (user, password) {
        (Some(u), p) => Some((u.to_owned(), p.unwrap_or_default().to_owned())),
        (None, Some(_)) => {
            return Err(Error::invalid_argument("proxy_basic_auth_password is set without proxy_basic_auth_user"))
        }
        (None, None) => None,
    };
    match address {
        Some(a) => Ok(Some(HttpConnectProxy { address: a.to_owned(), basic_auth })),
        None if basic_auth.is_some() => {
            Err(Error::invalid_argument("proxy_basic_auth_user is set without proxy_address"))
        }
        None => Ok(None),
    }
}

/// A JSON object of strings (gRPC metadata); NULL or "": empty.
///
/// # Safety
/// `json` is NULL or a NUL-terminated string.
unsafe fn metadata_from_c(json: *const c_char, name: &str) -> Result<HashMap<String, String>> {
    match unsafe { optional_str(json, name) }? {
        None => Ok(HashMap::new()),
        Some(text) => serde_json::from_str::<HashMap<String, String>>(text)
            .map_err(|e| Error::invalid_argument(format!("{name} must be a JSON object of strings: {e}"))),
    }
}

/// Reads the connect options (NULL: all defaults) into the connect operation.
unsafe fn prepare_connect(options: *const temporal_client_options) -> Result<OpFuture> {
    let opts = match unsafe { read_struct(options) }? {
        None => unsafe { client_options_from_c(&super::default_struct()) }?,
        Some(o) => unsafe { client_options_from_c(&o) }?,
    };
    Ok(Box::pin(async move { Client::connect(opts).await.map(Output::Client) }))
}

/// Connects to a Temporal server and checks that it answers (GetSystemInfo), as the Go SDK's
/// `client.Dial`; the completed call lends nothing: take the client with
/// `temporal_call_take_client` (the caller owns it: `temporal_client_free`).
///
/// With `options->lazy`, nothing is dialed: the call completes at once with the client (see
/// `lazy`).
///
/// `options` may be NULL for all defaults. The connect is bounded by `connect_timeout_ms`
/// (`temporal_call_options.timeout_ms` is not used). Errors: `INVALID_ARGUMENT` (bad options),
/// `UNAVAILABLE` (server unreachable), `DEADLINE_EXCEEDED` (no answer within the connect
/// timeout), `PERMISSION_DENIED`.
///
/// Every operation has this shape: arguments are checked and copied before it returns (the
/// caller may free its strings and structs at once); a bad argument is returned as the error and
/// no call is started; otherwise it returns NULL and writes a new call to `*call_out`, which
/// completes as `call_options` says (NULL: only `temporal_call_wait`).
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_client_connect_async(
    options: *const temporal_client_options,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| unsafe { call::start(prepare_connect(options)?, read_call_options(call_options)?, call_out) })
}

/// Blocking wrapper of `temporal_client_connect_async`: connects and writes a new client to
/// `*client_out` (the caller owns it: `temporal_client_free`). Blocks the calling thread until
/// connected, or until the connect timeout. On failure returns an error (caller owns it:
/// `temporal_error_free`) and leaves `*client_out` untouched.
///
/// # Safety
/// `options` is NULL or a valid options struct; `client_out` is valid for a write.
#[no_mangle]
pub unsafe extern "C" fn temporal_client_connect(
    options: *const temporal_client_options,
    client_out: *mut *mut temporal_client,
) -> *mut temporal_error {
    error_boundary(|| {
        check_out(client_out, "client_out")?;
        let client = call::run_blocking(unsafe { prepare_connect(options) }?, Timeout::Default)?.into_client()?;
        // SAFETY: checked non-NULL above.
        unsafe { client_out.write(client_into_raw(client)) };
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
    boundary(|| drop(unsafe { take_handle(client) }))
}

/// The namespace the client's calls go to (`temporal_client_options.namespace_name`, the
/// environment configuration's, or `"default"`): what a host needs to fill the namespace of a
/// request it sends through `temporal_raw_rpc_async`. The caller owns the string:
/// `temporal_string_free`. NULL if `client` is NULL or not a client.
///
/// # Safety
/// `client` is NULL or a live client.
#[no_mangle]
pub unsafe extern "C" fn temporal_client_get_namespace(client: *const temporal_client) -> *mut c_char {
    boundary(|| match unsafe { client_arg(client) } {
        Ok(c) => super::to_c_string(c.namespace()).into_raw(),
        Err(_) => std::ptr::null_mut(),
    })
}

/// Replaces the API key of a connected client, without reconnecting (key rotation): every
/// later call of this client, and of every client that shares its connection, sends
/// `authorization: Bearer <api_key>`; calls already sent keep the key they went with. NULL or
/// "" removes the key (no `authorization` header). TLS stays as connect chose it (an API key
/// given only here does not turn TLS on).
///
/// Where the Go SDK's `NewAPIKeyDynamicCredentials` calls back for the key on every call, this
/// is a push: call it when the key changes. Safe to call from any thread, also while calls are
/// in flight. The key is copied; it never appears in an error message or a log.
///
/// Returns NULL on success; otherwise an error the caller owns (`temporal_error_free`) and the
/// previous key stays: `INVALID_ARGUMENT` (NULL or wrong-kind client, a key that is not
/// printable ASCII), `SHUTDOWN` (a client inherited through fork()).
///
/// # Safety
/// `client` is a live client; `api_key` is NULL or a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn temporal_client_set_api_key(
    client: *const temporal_client,
    api_key: *const c_char,
) -> *mut temporal_error {
    error_boundary(|| {
        let client = unsafe { client_arg(client) }?;
        let key = unsafe { optional_str(api_key, "api_key") }?;
        client.set_api_key(key)
    })
}

/// Replaces the extra gRPC metadata sent on every later call of this client (and of every
/// client that shares its connection), without reconnecting: `metadata_json` is a JSON object
/// of strings, checked as `temporal_client_options.grpc_metadata_json` is (keys lower-cased,
/// valid HTTP/2 header text, no binary `-bin` keys). It replaces all of the metadata set at
/// connect, the environment configuration's included; NULL, "" or `{}` removes it. The API
/// key is separate (`temporal_client_set_api_key`). Calls already sent are not changed.
///
/// Returns NULL on success; otherwise an error the caller owns (`temporal_error_free`) and the
/// previous metadata stays: `INVALID_ARGUMENT` (NULL or wrong-kind client, bad JSON, a bad key
/// or value), `SHUTDOWN` (a client inherited through fork()). The text is copied.
///
/// # Safety
/// `client` is a live client; `metadata_json` is NULL or a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn temporal_client_set_grpc_metadata(
    client: *const temporal_client,
    metadata_json: *const c_char,
) -> *mut temporal_error {
    error_boundary(|| {
        let client = unsafe { client_arg(client) }?;
        let metadata = unsafe { metadata_from_c(metadata_json, "metadata_json") }?;
        client.set_grpc_metadata(&metadata)
    })
}

/// The Go SDK's `NewClientFromExisting`: writes to `*client_out` a new client that uses the
/// connection of `client` for another namespace and identity (the caller owns it:
/// `temporal_client_free`). No RPC, never blocks. `namespace_name` NULL or "": `default`;
/// `identity` NULL or "": `pid@hostname@` (the defaults of a new client, as in Go). The two
/// clients share the connection and what is set on it: `temporal_client_set_api_key` or
/// `temporal_client_set_grpc_metadata` on either applies to both. Either may be freed first;
/// the connection closes when the last client, run and call that uses it is gone.
///
/// Returns NULL on success; otherwise an error the caller owns (`temporal_error_free`) and
/// `*client_out` is untouched: `INVALID_ARGUMENT` (NULL or wrong-kind client, NULL
/// `client_out`, invalid UTF-8), `SHUTDOWN` (a client inherited through fork()).
///
/// # Safety
/// `client` is a live client; the strings are NULL or NUL-terminated; `client_out` is valid
/// for a write.
#[no_mangle]
pub unsafe extern "C" fn temporal_client_new_from_existing(
    client: *const temporal_client,
    namespace_name: *const c_char,
    identity: *const c_char,
    client_out: *mut *mut temporal_client,
) -> *mut temporal_error {
    error_boundary(|| {
        let existing = unsafe { client_arg(client) }?;
        let namespace = unsafe { optional_str(namespace_name, "namespace_name") }?.unwrap_or_default();
        let identity = unsafe { optional_str(identity, "identity") }?.unwrap_or_default();
        check_out(client_out, "client_out")?;
        let new = existing.new_from_existing(namespace, identity)?;
        // SAFETY: checked non-NULL above.
        unsafe { client_out.write(client_into_raw(new)) };
        Ok(())
    })
}

/// Borrows the client behind a handle argument.
///
/// # Safety
/// As `handle_ref`.
pub(crate) unsafe fn client_arg<'a>(client: *const temporal_client) -> Result<&'a Arc<Client>> {
    unsafe { handle_ref(client) }
}
