//! Client and start options in safe Rust, named after the Go SDK's `client.Options` and
//! `client.StartWorkflowOptions`. The FFI layer fills these from the C structs; everything here
//! is plain data plus validation.

use crate::errors::{Error, Result};
use std::collections::HashMap;
use std::time::Duration;
use temporalio_common::protos::temporal::api::common::v1::Payload;

/// Default server address, as the Go SDK's `client.DefaultHostPort`.
pub const DEFAULT_ADDRESS: &str = "localhost:7233";
/// Default namespace, as the Go SDK's `client.DefaultNamespace`.
pub const DEFAULT_NAMESPACE: &str = "default";
/// How long connecting (dial + the GetSystemInfo check) may take when no timeout is given.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// The Go SDK's `client.Options`, for what a client of this library needs.
#[derive(Clone, Default)]
pub struct ClientOptions {
    /// `host:port`, or a URL with `http://` / `https://`. Empty: `localhost:7233`.
    pub address: String,
    /// Empty: `default`.
    pub namespace: String,
    /// Empty: `pid@hostname@` exactly as the Go SDK makes it.
    pub identity: String,
    /// Sent as `authorization: Bearer <key>`; turns TLS on unless TLS is configured otherwise.
    pub api_key: Option<String>,
    pub tls: Option<TlsOptions>,
    /// Extra gRPC metadata sent on every call.
    pub grpc_metadata: HashMap<String, String>,
    /// Zero: [`DEFAULT_CONNECT_TIMEOUT`].
    pub connect_timeout: Duration,
    /// Load `TEMPORAL_*` environment variables and the TOML config file the way the official
    /// SDKs do; explicit fields above win over what is loaded. `None`: do not load.
    pub envconfig: Option<EnvConfig>,
    /// Compression of request bodies; see [`GrpcCompression`].
    pub grpc_compression: GrpcCompression,
    /// Where this client's metrics go (the Go SDK's `MetricsHandler`); `None`: the process's
    /// Prometheus endpoint if the runtime serves one, else nowhere.
    pub metrics_meter: Option<std::sync::Arc<dyn temporalio_common::telemetry::metrics::CoreMeter>>,
    /// HTTP/2 keep-alive pings; the default is the Go SDK's (30 s, 15 s).
    pub keep_alive: KeepAliveOptions,
    /// Connect through an HTTP CONNECT proxy; `None`: directly.
    pub http_connect_proxy: Option<HttpConnectProxy>,
    /// The payload codec (the Go SDK's `CodecDataConverter`): see [`crate::codec`].
    pub payload_codec: Option<crate::codec::Codec>,
    /// The Go SDK's `NewLazyClient`: connect dials nothing; the first call dials.
    pub lazy: bool,
}

/// The Go SDK's default `ConnectionOptions.KeepAliveTime` (grpc_dialer.go `defaultKeepAliveTime`).
pub const DEFAULT_KEEP_ALIVE_INTERVAL: Duration = Duration::from_secs(30);
/// The Go SDK's default `ConnectionOptions.KeepAliveTimeout`.
pub const DEFAULT_KEEP_ALIVE_TIMEOUT: Duration = Duration::from_secs(15);

/// HTTP/2 keep-alive pings on the connection: the Go SDK's `ConnectionOptions`
/// `KeepAliveTime`, `KeepAliveTimeout` and `DisableKeepAliveCheck`. Pings are also sent while no
/// call is in flight (the Go SDK's default, `PermitWithoutStream`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeepAliveOptions {
    /// No keep-alive pings at all.
    pub disabled: bool,
    /// Time between pings; zero: [`DEFAULT_KEEP_ALIVE_INTERVAL`].
    pub interval: Duration,
    /// How long a ping may go unanswered before the connection is closed; zero:
    /// [`DEFAULT_KEEP_ALIVE_TIMEOUT`].
    pub timeout: Duration,
}

/// An HTTP CONNECT proxy between the client and the server.
#[derive(Clone, Default)]
pub struct HttpConnectProxy {
    /// `host:port`, or `unix:/path` for a proxy on a Unix socket.
    pub address: String,
    /// HTTP basic auth (`Proxy-Authorization`) as user and password. The password never
    /// appears in an error message or a log.
    pub basic_auth: Option<(String, String)>,
}

impl std::fmt::Debug for HttpConnectProxy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpConnectProxy")
            .field("address", &self.address)
            .field("basic_auth_user", &self.basic_auth.as_ref().map(|(user, _)| user))
            .finish()
    }
}

/// gRPC compression of request bodies (the Go SDK's `ConnectionOptions.GrpcCompression`).
///
/// Off by default, where the Go SDK defaults to gzip: the gRPC stack underneath (tonic) builds
/// and zeroes a fresh ~300 KB deflate state for every message and a fresh inflate state for
/// every compressed answer. Measured with callgrind on sequential starts against the dev
/// server: about 860,000 instructions per start with gzip against 175,000 without, for a
/// start request of a few hundred bytes that gzip barely shrinks. Turn gzip on for large
/// payloads over slow links.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum GrpcCompression {
    /// Requests are sent uncompressed and uncompressed answers are asked for.
    #[default]
    None = 0,
    /// Requests are gzip-compressed and compressed answers are accepted (the Go SDK default).
    Gzip = 1,
}

impl GrpcCompression {
    pub fn from_i32(v: i32) -> Result<Self> {
        Ok(match v {
            0 => Self::None,
            1 => Self::Gzip,
            _ => return Err(Error::invalid_argument(format!("unknown gRPC compression {v}"))),
        })
    }
}

/// Which envconfig profile to load.
#[derive(Clone, Debug, Default)]
pub struct EnvConfig {
    /// Profile name; `None`: `TEMPORAL_PROFILE` or `default`.
    pub profile: Option<String>,
    /// Config file path; `None`: `TEMPORAL_CONFIG_FILE` or the platform default path.
    pub config_file: Option<String>,
}

#[derive(Clone, Default)]
pub struct TlsOptions {
    pub server_ca_cert_pem: Option<Vec<u8>>,
    pub client_cert_pem: Option<Vec<u8>>,
    pub client_key_pem: Option<Vec<u8>>,
    pub server_name: Option<String>,
    pub disable_host_verification: bool,
}

/// Redacts secrets: an API key or a private key must never reach a log or an error message.
impl std::fmt::Debug for ClientOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientOptions")
            .field("address", &self.address)
            .field("namespace", &self.namespace)
            .field("identity", &self.identity)
            .field("api_key", &self.api_key.as_ref().map(|_| "<redacted>"))
            .field("tls", &self.tls)
            .field("grpc_metadata_keys", &self.grpc_metadata.keys().collect::<Vec<_>>())
            .field("connect_timeout", &self.connect_timeout)
            .field("envconfig", &self.envconfig)
            .field("grpc_compression", &self.grpc_compression)
            .field("keep_alive", &self.keep_alive)
            .field("http_connect_proxy", &self.http_connect_proxy)
            .field("payload_codec", &self.payload_codec.is_some())
            .field("lazy", &self.lazy)
            .finish()
    }
}

impl std::fmt::Debug for TlsOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TlsOptions")
            .field("server_ca_cert", &self.server_ca_cert_pem.is_some())
            .field("client_cert", &self.client_cert_pem.is_some())
            .field("client_key", &self.client_key_pem.as_ref().map(|_| "<redacted>"))
            .field("server_name", &self.server_name)
            .field("disable_host_verification", &self.disable_host_verification)
            .finish()
    }
}

/// `enums.v1.WorkflowIdReusePolicy`, with the proto's numbers.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WorkflowIdReusePolicy {
    /// Server default (allow duplicate).
    #[default]
    Unspecified = 0,
    /// A new run may reuse the ID of a closed run, whatever way that run closed.
    AllowDuplicate = 1,
    /// A new run may reuse the ID only if the last run with it failed, timed out, was canceled
    /// or was terminated (not if it completed).
    AllowDuplicateFailedOnly = 2,
    /// The ID may not be reused while a closed run with it is still retained by the server.
    RejectDuplicate = 3,
    /// A running run with the ID is terminated and a new one started; the ID of a closed run is
    /// reused as with ALLOW_DUPLICATE. Deprecated by the server: prefer the TERMINATE_EXISTING
    /// conflict policy.
    TerminateIfRunning = 4,
}

/// `enums.v1.WorkflowIdConflictPolicy`, with the proto's numbers.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WorkflowIdConflictPolicy {
    /// Server default (fail).
    #[default]
    Unspecified = 0,
    /// The start is refused while a run with the ID is running (this library then gives that
    /// run, or `ALREADY_STARTED` with `error_when_already_started`).
    Fail = 1,
    /// The start gives the run that is already running instead of starting one.
    UseExisting = 2,
    /// The running run is terminated and a new one is started.
    TerminateExisting = 3,
}

impl WorkflowIdReusePolicy {
    pub fn from_i32(v: i32) -> Result<Self> {
        Ok(match v {
            0 => Self::Unspecified,
            1 => Self::AllowDuplicate,
            2 => Self::AllowDuplicateFailedOnly,
            3 => Self::RejectDuplicate,
            4 => Self::TerminateIfRunning,
            _ => return Err(Error::invalid_argument(format!("unknown workflow ID reuse policy {v}"))),
        })
    }
}

impl WorkflowIdConflictPolicy {
    pub fn from_i32(v: i32) -> Result<Self> {
        Ok(match v {
            0 => Self::Unspecified,
            1 => Self::Fail,
            2 => Self::UseExisting,
            3 => Self::TerminateExisting,
            _ => {
                return Err(Error::invalid_argument(format!("unknown workflow ID conflict policy {v}")))
            }
        })
    }
}

/// The Go SDK's `temporal.RetryPolicy`. Zero values mean "server default".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RetryPolicy {
    pub initial_interval: Duration,
    pub backoff_coefficient: f64,
    pub maximum_interval: Duration,
    /// 0: unlimited.
    pub maximum_attempts: i32,
    pub non_retryable_error_types: Vec<String>,
}

/// The Go SDK's `client.StartWorkflowOptions`.
#[derive(Clone, Debug, Default)]
pub struct StartWorkflowOptions {
    /// Empty: a UUIDv4 is generated, as the Go SDK does.
    pub id: String,
    /// Required.
    pub task_queue: String,
    /// Zero: unlimited.
    pub workflow_execution_timeout: Duration,
    /// Zero: the execution timeout.
    pub workflow_run_timeout: Duration,
    /// Zero: 10 s, applied by the server.
    pub workflow_task_timeout: Duration,
    pub workflow_id_reuse_policy: WorkflowIdReusePolicy,
    pub workflow_id_conflict_policy: WorkflowIdConflictPolicy,
    /// False (the default): starting an ID that is already running (or that the reuse policy
    /// refuses) returns a run for the existing execution instead of an error.
    pub workflow_execution_error_when_already_started: bool,
    pub retry_policy: Option<RetryPolicy>,
    pub cron_schedule: String,
    /// Memo fields, already converted (`payloads::object_to_payload_map`): each one payload.
    pub memo: Option<HashMap<String, Payload>>,
    /// Search attributes, already converted like the memo.
    pub search_attributes: Option<HashMap<String, Payload>>,
    /// Zero: start at once.
    pub start_delay: Duration,
    /// The Go SDK's `StaticSummary` and `StaticDetails` (the UI's user metadata).
    pub static_summary: Option<String>,
    pub static_details: Option<String>,
    /// The Go SDK's `Priority`; all zero: the defaults (none is sent).
    pub priority: Priority,
    /// The Go SDK's `TypedSearchAttributes`: each value sent with its type. Sent together with
    /// `search_attributes` (no name in both); [`StartWorkflowOptions::validated`] merges them.
    pub typed_search_attributes: Vec<TypedSearchAttribute>,
    /// The Go SDK's `VersioningOverride`; kind `None`: no override.
    pub versioning_override: VersioningOverride,
}

/// `enums.v1.IndexedValueType`, with the proto's numbers: the type of a typed search attribute.
/// (The proto's 0, unspecified, is not a type one can give.)
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IndexedValueType {
    /// Full-text searchable string: a JSON string.
    Text = 1,
    /// Exact-match string: a JSON string.
    Keyword = 2,
    /// 64-bit integer: a JSON integer.
    Int = 3,
    /// 64-bit float: a JSON number.
    Double = 4,
    /// A JSON `true` or `false`.
    Bool = 5,
    /// A point in time: a JSON string in RFC 3339, e.g. "2026-01-02T03:04:05.5Z" (sent in UTC,
    /// as Go's RFC3339Nano writes it).
    Datetime = 6,
    /// A list of exact-match strings: a JSON array of strings.
    KeywordList = 7,
}

impl IndexedValueType {
    pub fn from_i32(v: i32) -> Result<Self> {
        Ok(match v {
            1 => Self::Text,
            2 => Self::Keyword,
            3 => Self::Int,
            4 => Self::Double,
            5 => Self::Bool,
            6 => Self::Datetime,
            7 => Self::KeywordList,
            _ => return Err(Error::invalid_argument(format!("unknown indexed value type {v} (1 to 7)"))),
        })
    }

    /// The payload's "type" metadata, as the Go SDK writes it (`enumspb.IndexedValueType.String()`).
    pub fn metadata_name(self) -> &'static str {
        match self {
            Self::Text => "Text",
            Self::Keyword => "Keyword",
            Self::Int => "Int",
            Self::Double => "Double",
            Self::Bool => "Bool",
            Self::Datetime => "Datetime",
            Self::KeywordList => "KeywordList",
        }
    }
}

/// One of the Go SDK's typed search attributes: a name, its type and its value as JSON.
#[derive(Clone, Debug, PartialEq)]
pub struct TypedSearchAttribute {
    pub name: String,
    pub value_type: IndexedValueType,
    pub value_json: String,
}

impl TypedSearchAttribute {
    /// The payload the Go SDK sends for it: the value as `json/plain` with the "type" metadata
    /// (datetimes in RFC 3339, in UTC). A value that is not of the type is refused.
    pub fn to_payload(&self) -> Result<Payload> {
        let bad = |what: &str| {
            Error::invalid_argument(format!(
                "typed search attribute {:?} of type {}: the value must be {what}, not {}",
                self.name,
                self.value_type.metadata_name(),
                self.value_json
            ))
        };
        let value: serde_json::Value = serde_json::from_str(&self.value_json).map_err(|e| {
            Error::invalid_argument(format!("typed search attribute {:?}: value_json is not JSON: {e}", self.name))
        })?;
        let value = match self.value_type {
            IndexedValueType::Text | IndexedValueType::Keyword if value.is_string() => value,
            IndexedValueType::Text | IndexedValueType::Keyword => return Err(bad("a JSON string")),
            IndexedValueType::Int if value.is_i64() => value,
            IndexedValueType::Int => return Err(bad("a JSON integer (64-bit)")),
            IndexedValueType::Double if value.is_number() => value,
            IndexedValueType::Double => return Err(bad("a JSON number")),
            IndexedValueType::Bool if value.is_boolean() => value,
            IndexedValueType::Bool => return Err(bad("true or false")),
            IndexedValueType::Datetime => match value.as_str().and_then(rfc3339_to_utc) {
                Some(utc) => serde_json::Value::String(utc),
                None => return Err(bad("an RFC 3339 date-time string such as \"2026-01-02T03:04:05Z\"")),
            },
            IndexedValueType::KeywordList
                if value.as_array().is_some_and(|items| items.iter().all(serde_json::Value::is_string)) =>
            {
                value
            }
            IndexedValueType::KeywordList => return Err(bad("a JSON array of strings")),
        };
        let mut payload = crate::payloads::json_to_payload(&value.to_string());
        payload.metadata.insert("type".to_owned(), self.value_type.metadata_name().as_bytes().to_vec());
        Ok(payload)
    }
}

/// An RFC 3339 date-time (`YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)`, the form Go's
/// `time.Time` is sent in) as the same instant in UTC; `None` for anything else, including the
/// looser forms the timestamp parser also takes (a date alone, no offset).
fn rfc3339_to_utc(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| b.get(range).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let shape = b.len() >= 20
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && matches!(b[10], b'T' | b't')
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19);
    if !shape {
        return None;
    }
    let mut rest = &b[19..];
    if rest.first() == Some(&b'.') {
        let n = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 || n > 9 {
            return None;
        }
        rest = &rest[1 + n..];
    }
    let offset_ok = matches!(rest, [b'Z' | b'z'])
        || matches!(rest, [b'+' | b'-', h1, h2, b':', m1, m2] if [h1, h2, m1, m2].iter().all(|c| c.is_ascii_digit()));
    if !offset_ok {
        return None;
    }
    let utc = text.parse::<prost_wkt_types::Timestamp>().ok()?.to_string();
    // Go's RFC3339Nano, as the Go SDK sends a time.Time: no trailing zeros in the fraction
    // (the timestamp's Display pads it to 3, 6 or 9 digits).
    Some(match utc.strip_suffix('Z').and_then(|t| t.split_once('.')) {
        Some((seconds, fraction)) => match fraction.trim_end_matches('0') {
            "" => format!("{seconds}Z"),
            fraction => format!("{seconds}.{fraction}Z"),
        },
        None => utc,
    })
}

/// `temporal_versioning_override`: the kind of the Go SDK's `VersioningOverride`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum VersioningOverrideKind {
    /// No override: the worker's versioning behaviour applies.
    #[default]
    None = 0,
    /// The Go SDK's `PinnedVersioningOverride`: the workflow runs on the given worker deployment
    /// version (deployment name and build ID both required).
    Pinned = 1,
    /// The Go SDK's `AutoUpgradeVersioningOverride`: the workflow moves to the deployment's
    /// current version on its next workflow task.
    AutoUpgrade = 2,
}

impl VersioningOverrideKind {
    pub fn from_i32(v: i32) -> Result<Self> {
        Ok(match v {
            0 => Self::None,
            1 => Self::Pinned,
            2 => Self::AutoUpgrade,
            _ => return Err(Error::invalid_argument(format!("unknown versioning behavior {v} (0 none, 1 pinned, 2 auto-upgrade)"))),
        })
    }
}

/// The Go SDK's `VersioningOverride` start option.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VersioningOverride {
    pub kind: VersioningOverrideKind,
    /// `WorkerDeploymentVersion.DeploymentName`: only with `Pinned`, and required there.
    pub deployment_name: String,
    /// `WorkerDeploymentVersion.BuildID`: only with `Pinned`, and required there.
    pub build_id: String,
}

/// The Go SDK's `temporal.Priority`: how the task queue orders this workflow's tasks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Priority {
    /// 1 (highest) to the server's maximum; 0: the default.
    pub priority_key: i32,
    /// Fairness between keys of one task queue; "": none.
    pub fairness_key: String,
    /// The key's weight; 0: the default (1.0).
    pub fairness_weight: f32,
}

impl Priority {
    pub fn is_default(&self) -> bool {
        *self == Priority::default()
    }
}

/// Longest duration accepted anywhere: 100 years (`TEMPORAL_MAX_DURATION_MS` in the header).
/// Anything larger is a mistake (or a negative number seen as unsigned) and is refused rather
/// than silently wrapped.
pub const MAX_DURATION: Duration = Duration::from_secs(100 * 365 * 24 * 3600);

/// Milliseconds from the C ABI to a `Duration`, refusing absurd values.
pub fn duration_from_millis(what: &str, millis: u64) -> Result<Duration> {
    let d = Duration::from_millis(millis);
    if d > MAX_DURATION {
        return Err(Error::invalid_argument(format!(
            "{what} of {millis} ms is out of range (at most {} ms, 100 years)",
            MAX_DURATION.as_millis()
        )));
    }
    Ok(d)
}

/// How long an operation may take: its own default, no limit, or a given duration. The C ABI's
/// one timeout vocabulary (`TEMPORAL_TIMEOUT_DEFAULT`, `TEMPORAL_TIMEOUT_NONE`, or milliseconds).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Timeout {
    /// The operation's documented default: 10 s for one RPC, no limit for waits.
    #[default]
    Default,
    /// No limit.
    None,
    /// At most this long.
    After(Duration),
}

impl Timeout {
    /// The limit to apply, given the operation's default (`None`: no limit).
    pub fn limit(self, default: Option<Duration>) -> Option<Duration> {
        match self {
            Timeout::Default => default,
            Timeout::None => None,
            Timeout::After(d) => Some(d),
        }
    }

    /// A duration for settings that need one: no limit becomes [`MAX_DURATION`] (as good as no
    /// limit, and still a number a timer or a connection can be given).
    pub fn duration_or(self, default: Duration) -> Duration {
        self.limit(Some(default)).unwrap_or(MAX_DURATION)
    }
}

/// Start options that passed [`StartWorkflowOptions::validate`]: what the start operations take,
/// so options are checked exactly once (the C ABI checks them on the calling thread, where a bad
/// option is reported at once, and the operation does not check them again).
#[derive(Clone, Debug)]
pub struct ValidStartWorkflowOptions(StartWorkflowOptions);

impl std::ops::Deref for ValidStartWorkflowOptions {
    type Target = StartWorkflowOptions;
    fn deref(&self) -> &StartWorkflowOptions {
        &self.0
    }
}

impl StartWorkflowOptions {
    /// Validates the options, once, for the start operations.
    /// The typed search attributes become payloads in `search_attributes` here, so the start
    /// operations read one map.
    pub fn validated(mut self) -> Result<ValidStartWorkflowOptions> {
        self.validate()?;
        let typed = std::mem::take(&mut self.typed_search_attributes);
        if !typed.is_empty() {
            let map = self.search_attributes.get_or_insert_with(HashMap::new);
            for attribute in typed {
                let payload = attribute.to_payload()?;
                map.insert(attribute.name, payload);
            }
        }
        Ok(ValidStartWorkflowOptions(self))
    }

    /// Checks what the server would otherwise reject less clearly.
    pub fn validate(&self) -> Result<()> {
        if self.task_queue.is_empty() {
            return Err(Error::invalid_argument("start workflow options: task queue is required"));
        }
        if let Some(rp) = &self.retry_policy {
            if rp.backoff_coefficient != 0.0 && !(rp.backoff_coefficient >= 1.0 && rp.backoff_coefficient.is_finite()) {
                return Err(Error::invalid_argument(
                    "retry policy: backoff coefficient must be 0 (server default) or at least 1",
                ));
            }
            if rp.maximum_attempts < 0 {
                return Err(Error::invalid_argument("retry policy: maximum attempts must not be negative"));
            }
        }
        if self.priority.priority_key < 0 {
            return Err(Error::invalid_argument(format!(
                "priority: priority key must be 0 (the default) or positive, not {}",
                self.priority.priority_key
            )));
        }
        let weight = self.priority.fairness_weight;
        if !(weight >= 0.0 && weight.is_finite()) {
            return Err(Error::invalid_argument(format!(
                "priority: fairness weight must be 0 (the default) or a positive finite number, not {weight}"
            )));
        }
        let mut names = std::collections::HashSet::new();
        for attribute in &self.typed_search_attributes {
            if attribute.name.is_empty() {
                return Err(Error::invalid_argument("typed search attribute: name is required"));
            }
            if !names.insert(attribute.name.as_str()) {
                return Err(Error::invalid_argument(format!(
                    "typed search attribute {:?} is given twice",
                    attribute.name
                )));
            }
            if self.search_attributes.as_ref().is_some_and(|m| m.contains_key(&attribute.name)) {
                return Err(Error::invalid_argument(format!(
                    "search attribute {:?} is both in search_attributes_json and a typed search attribute",
                    attribute.name
                )));
            }
            attribute.to_payload()?;
        }
        let v = &self.versioning_override;
        match v.kind {
            VersioningOverrideKind::Pinned if v.deployment_name.is_empty() || v.build_id.is_empty() => {
                return Err(Error::invalid_argument(
                    "versioning override: PINNED needs both the deployment name and the build ID",
                ));
            }
            VersioningOverrideKind::None | VersioningOverrideKind::AutoUpgrade
                if !v.deployment_name.is_empty() || !v.build_id.is_empty() =>
            {
                return Err(Error::invalid_argument(
                    "versioning override: a deployment name or build ID is only for the PINNED behavior",
                ));
            }
            _ => {}
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn priority_is_checked() {
        let base = StartWorkflowOptions { task_queue: "q".into(), ..Default::default() };
        let with = |p: Priority| StartWorkflowOptions { priority: p, ..base.clone() }.validate();
        assert!(with(Priority { priority_key: 1, fairness_key: "tenant-a".into(), fairness_weight: 2.5 }).is_ok());
        assert!(with(Priority::default()).is_ok());
        assert!(with(Priority { priority_key: -1, ..Default::default() }).unwrap_err().message.contains("priority key"));
        for w in [-1.0, f32::NAN, f32::INFINITY] {
            let e = with(Priority { fairness_weight: w, ..Default::default() }).unwrap_err();
            assert!(e.message.contains("fairness weight"), "{}", e.message);
        }
    }

    #[test]
    fn typed_search_attributes_are_checked_and_typed() {
        let attr = |name: &str, value_type, value_json: &str| TypedSearchAttribute {
            name: name.into(),
            value_type,
            value_json: value_json.into(),
        };
        let payload = |a: TypedSearchAttribute| a.to_payload();
        let p = payload(attr("k", IndexedValueType::KeywordList, r#"["a", "b"]"#)).unwrap();
        assert_eq!(p.data, br#"["a","b"]"#);
        assert_eq!(p.metadata["type"], b"KeywordList");
        assert_eq!(p.metadata["encoding"], b"json/plain");
        let p = payload(attr("t", IndexedValueType::Datetime, r#""2026-01-02T05:04:05.25+02:00""#)).unwrap();
        assert_eq!(p.data, br#""2026-01-02T03:04:05.25Z""#);
        let p = payload(attr("t", IndexedValueType::Datetime, r#""2026-01-02T03:04:05.000Z""#)).unwrap();
        assert_eq!(p.data, br#""2026-01-02T03:04:05Z""#);
        assert_eq!(p.metadata["type"], b"Datetime");
        assert_eq!(payload(attr("i", IndexedValueType::Int, "-7")).unwrap().metadata["type"], b"Int");
        assert!(payload(attr("d", IndexedValueType::Double, "3")).is_ok());
        for (t, v) in [
            (IndexedValueType::Keyword, "1"),
            (IndexedValueType::Text, "null"),
            (IndexedValueType::Int, "1.5"),
            (IndexedValueType::Int, "18446744073709551615"),
            (IndexedValueType::Double, r#""1""#),
            (IndexedValueType::Bool, "0"),
            (IndexedValueType::Datetime, r#""2026-01-02""#),
            (IndexedValueType::Datetime, r#""2026-01-02T03:04:05""#),
            (IndexedValueType::Datetime, r#""2026-02-30T03:04:05Z""#),
            (IndexedValueType::KeywordList, r#"["a", 1]"#),
            (IndexedValueType::KeywordList, r#""a""#),
        ] {
            let e = payload(attr("x", t, v)).unwrap_err();
            assert_eq!(e.code, crate::errors::ErrorCode::InvalidArgument);
            assert!(e.message.contains("must be"), "{}", e.message);
        }
        assert!(IndexedValueType::from_i32(0).is_err() && IndexedValueType::from_i32(8).is_err());

        let base = StartWorkflowOptions { task_queue: "q".into(), ..Default::default() };
        let twice = StartWorkflowOptions {
            typed_search_attributes: vec![attr("a", IndexedValueType::Bool, "true"), attr("a", IndexedValueType::Bool, "false")],
            ..base.clone()
        };
        assert!(twice.validate().unwrap_err().message.contains("twice"));
        let both = StartWorkflowOptions {
            search_attributes: Some(HashMap::from([("a".into(), Payload::default())])),
            typed_search_attributes: vec![attr("a", IndexedValueType::Bool, "true")],
            ..base.clone()
        };
        assert!(both.validate().unwrap_err().message.contains("both"));
        let merged = StartWorkflowOptions {
            search_attributes: Some(HashMap::from([("u".into(), Payload::default())])),
            typed_search_attributes: vec![attr("a", IndexedValueType::Bool, "true")],
            ..base.clone()
        }
        .validated()
        .unwrap();
        let map = merged.search_attributes.as_ref().unwrap();
        assert_eq!((map.len(), map["a"].data.as_slice()), (2, b"true".as_slice()));
        let unnamed = StartWorkflowOptions { typed_search_attributes: vec![attr("", IndexedValueType::Bool, "true")], ..base };
        assert!(unnamed.validate().unwrap_err().message.contains("name is required"));
    }

    #[test]
    fn versioning_override_is_checked() {
        let with = |kind, deployment_name: &str, build_id: &str| {
            StartWorkflowOptions {
                task_queue: "q".into(),
                versioning_override: VersioningOverride { kind, deployment_name: deployment_name.into(), build_id: build_id.into() },
                ..Default::default()
            }
            .validate()
        };
        assert!(with(VersioningOverrideKind::Pinned, "d", "b1").is_ok());
        assert!(with(VersioningOverrideKind::AutoUpgrade, "", "").is_ok());
        assert!(with(VersioningOverrideKind::Pinned, "d", "").unwrap_err().message.contains("PINNED needs"));
        assert!(with(VersioningOverrideKind::Pinned, "", "b1").is_err());
        assert!(with(VersioningOverrideKind::AutoUpgrade, "d", "").unwrap_err().message.contains("only for the PINNED"));
        assert!(with(VersioningOverrideKind::None, "", "b1").is_err());
        assert!(VersioningOverrideKind::from_i32(3).is_err());
    }

    #[test]
    fn task_queue_is_required() {
        let e = StartWorkflowOptions::default().validate().unwrap_err();
        assert_eq!(e.code, crate::errors::ErrorCode::InvalidArgument);
        assert!(e.message.contains("task queue"));
    }

    #[test]
    fn unknown_enum_values_and_absurd_durations_are_refused() {
        assert!(WorkflowIdReusePolicy::from_i32(5).is_err());
        assert!(WorkflowIdConflictPolicy::from_i32(-1).is_err());
        assert_eq!(WorkflowIdConflictPolicy::from_i32(2).unwrap(), WorkflowIdConflictPolicy::UseExisting);
        assert!(duration_from_millis("timeout", u64::MAX).is_err());
        assert_eq!(duration_from_millis("timeout", 1500).unwrap(), Duration::from_millis(1500));
    }

    #[test]
    fn debug_output_redacts_secrets() {
        let o = ClientOptions {
            api_key: Some("sekrit-api-key".into()),
            tls: Some(TlsOptions { client_key_pem: Some(b"PRIVATE KEY".to_vec()), ..Default::default() }),
            http_connect_proxy: Some(HttpConnectProxy {
                address: "proxy:3128".into(),
                basic_auth: Some(("proxy-user".into(), "sekrit-proxy-password".into())),
            }),
            ..Default::default()
        };
        let s = format!("{o:?}");
        assert!(!s.contains("sekrit") && !s.contains("PRIVATE"), "{s}");
        assert!(s.contains("proxy:3128") && s.contains("proxy-user"), "{s}");
    }
}
