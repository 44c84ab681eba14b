//! The client: connecting, starting workflows and getting handles to them, as the Go SDK's
//! `client.Client` does (internal/internal_workflow_client.go).
//!
//! Built on `temporalio-client`'s `Connection` (TLS, API key, envconfig, retries, headers) and
//! its raw workflow-service calls: the crate's high-level start has no memo, no start delay, no
//! generated ID and no Go-style "reattach to the running run", so the start request is built here.

use crate::errors::{Error, ErrorCode, Result};
use crate::options::{
    ClientOptions, GrpcCompression, HttpConnectProxy, StartWorkflowOptions, ValidStartWorkflowOptions, DEFAULT_ADDRESS,
    DEFAULT_CONNECT_TIMEOUT, DEFAULT_KEEP_ALIVE_INTERVAL, DEFAULT_KEEP_ALIVE_TIMEOUT, DEFAULT_NAMESPACE,
};
use crate::rpc::{self, with_deadline};
use crate::workflow_run::WorkflowRun;
use serde_json::json;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use temporalio_client::envconfig::{ClientConfigProfile, DataSource, LoadClientConfigProfileOptions};
use temporalio_client::grpc::WorkflowService as _;
use temporalio_client::{
    ClientKeepAliveOptions, ClientTlsOptions, Connection, ConnectionOptions, HttpConnectProxyOptions, Url,
};
use crate::options::{VersioningOverride, VersioningOverrideKind};
use temporalio_common::protos::temporal::api::{
    deployment::v1::{Deployment, WorkerDeploymentVersion},
    enums::v1::VersioningBehavior,
    workflow::v1::VersioningOverride as ProtoVersioningOverride,
    common::v1::{Memo, Payloads, Priority as ProtoPriority, RetryPolicy as ProtoRetryPolicy, SearchAttributes, WorkflowType},
    sdk::v1::UserMetadata,
    enums::v1::TaskQueueKind,
    errordetails::v1::WorkflowExecutionAlreadyStartedFailure,
    taskqueue::v1::TaskQueue,
    workflowservice::v1::StartWorkflowExecutionRequest,
};
use temporalio_common::protos::utilities::decode_status_detail;
use crate::codec::Codec;

/// A connected client. Cheap to share: every workflow run holds an `Arc` to it.
pub struct Client {
    /// Always `Some`; taken only by `Drop`, which leaks it in a forked child (see below).
    /// Shared with the clients made from this one (`new_from_existing`).
    connection: Option<Arc<LazyConnection>>,
    namespace: String,
    identity: String,
    /// The process generation it was connected in (`runtime::generation`): in a child forked
    /// after that, its connection's tasks ran on threads the child does not have.
    made_in: u64,
    /// Shared with the clients made from this one (`new_from_existing`).
    codec: Option<Codec>,
}

impl Drop for Client {
    fn drop(&mut self) {
        if crate::runtime::inherited(self.made_in) {
            // Dropping the connection would talk to the parent's runtime, whose locks a parent
            // thread may have held at the fork: a client inherited through fork() is leaked.
            std::mem::forget(self.connection.take());
        }
    }
}

/// The connection, dialed at connect, or (a lazy client, the Go SDK's `NewLazyClient`) by the
/// first call that needs it. A failed dial leaves it undialed: the next call dials again.
struct LazyConnection {
    cell: tokio::sync::OnceCell<Connection>,
    /// What a lazy client dials with; the API key and metadata set before the dial go here.
    pending: Option<std::sync::Mutex<ConnectionOptions>>,
}

impl LazyConnection {
    fn dialed(connection: Connection) -> Self {
        LazyConnection { cell: tokio::sync::OnceCell::new_with(Some(connection)), pending: None }
    }

    async fn get(&self) -> Result<&Connection> {
        self.cell
            .get_or_try_init(|| async {
                let pending = self.pending.as_ref().ok_or_else(|| Error::internal("the client's connection is gone"))?;
                let options = pending.lock().unwrap_or_else(|e| e.into_inner()).clone();
                let connection = dial(options).await?;
                // What was set while the dial was under way applies too.
                let now = pending.lock().unwrap_or_else(|e| e.into_inner());
                connection.set_api_key(now.api_key.clone());
                if let Some(headers) = &now.headers {
                    let _ = connection.set_headers(headers.clone());
                }
                Ok(connection)
            })
            .await
    }

    /// Changes what is (or will be) dialed with: on the connection when it is dialed, and in the
    /// pending options of a lazy client (under their lock, so a dial under way re-reads them).
    fn update(&self, apply: impl Fn(&Connection) -> Result<()>, pending: impl FnOnce(&mut ConnectionOptions)) -> Result<()> {
        let lock = self.pending.as_ref().map(|p| p.lock().unwrap_or_else(|e| e.into_inner()));
        if let Some(connection) = self.cell.get() {
            apply(connection)?;
        }
        if let Some(mut options) = lock {
            pending(&mut options);
        }
        Ok(())
    }
}

/// Dials and checks the server with GetSystemInfo, within the connect timeout.
async fn dial(conn_opts: ConnectionOptions) -> Result<Connection> {
    let timeout = conn_opts.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT);
    let mut target = conn_opts.target.to_string();
    if let Some(proxy) = &conn_opts.http_connect_proxy {
        // Every connect error names the proxy too (never its credentials).
        target = format!("{target} through HTTP CONNECT proxy {}", proxy.target_addr);
    }
    with_deadline("connect", Some(timeout), async {
        Connection::connect(conn_opts).await.map_err(|e| connect_error(&target, e))
    })
    .await
    .map_err(|e| match e.code {
        ErrorCode::DeadlineExceeded => Error::new(
            ErrorCode::DeadlineExceeded,
            format!("failed reaching server {target}: no answer within {} ms", timeout.as_millis()),
        ),
        _ => e,
    })
}

/// The Go SDK's default identity: `pid@hostname@` (getWorkerIdentity with no task queue).
pub fn default_identity() -> String {
    format!("{}@{}@", std::process::id(), hostname())
}

fn hostname() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: the buffer is valid for its length; gethostname NUL-terminates on success.
    let rc = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
    if rc != 0 {
        return "Unknown".to_owned();
    }
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    match std::str::from_utf8(&buf[..end]) {
        Ok(h) if !h.is_empty() => h.to_owned(),
        _ => "Unknown".to_owned(),
    }
}

/// Turns `host:port` into a URL with the right scheme; a URL with a scheme is kept.
fn address_to_url(address: &str, tls: bool) -> Result<Url> {
    if address.contains("://") {
        let url = Url::parse(address)
            .map_err(|e| Error::invalid_argument(format!("invalid server address \"{address}\": {e}")))?;
        if !matches!(url.scheme(), "http" | "https") || !url.has_host() {
            return Err(Error::invalid_argument(format!(
                "invalid server address \"{address}\": expected host:port or an http:// or https:// URL"
            )));
        }
        return Ok(url);
    }
    let scheme = if tls { "https" } else { "http" };
    let url = Url::parse(&format!("{scheme}://{address}"))
        .map_err(|e| Error::invalid_argument(format!("invalid server address \"{address}\": {e}")))?;
    if url.port().is_none() || url.path() != "/" {
        return Err(Error::invalid_argument(format!(
            "invalid server address \"{address}\": expected host:port"
        )));
    }
    Ok(url)
}

fn load_profile(env: &crate::options::EnvConfig) -> Result<ClientConfigProfile> {
    let options = LoadClientConfigProfileOptions::builder()
        .maybe_config_source(env.config_file.clone().map(DataSource::Path))
        .maybe_config_file_profile(env.profile.clone())
        .build();
    let mut profile = temporalio_common::envconfig::load_client_config_profile(options, None)
        .map_err(|e| Error::invalid_argument(format!("cannot load the client configuration: {e}")))?;
    // Read the TLS files named in the profile here, so a missing one is reported with its name
    // (the crate's own read says only "No such file or directory").
    if let Some(tls) = &mut profile.tls {
        for (what, source) in [
            ("client_cert", &mut tls.client_cert),
            ("client_key", &mut tls.client_key),
            ("server_ca_cert", &mut tls.server_ca_cert),
        ] {
            if let Some(DataSource::Path(path)) = source {
                let data = std::fs::read(&*path).map_err(|e| {
                    Error::invalid_argument(format!(
                        "cannot load the client configuration: TLS {what} file \"{path}\" cannot be read: {e}"
                    ))
                })?;
                *source = Some(DataSource::Data(data));
            }
        }
    }
    Ok(profile)
}

/// Builds the crate's connection options: envconfig first (when asked), explicit fields on top.
pub(crate) fn connection_options(opts: &ClientOptions) -> Result<(ConnectionOptions, String)> {
    let profile = match &opts.envconfig {
        Some(env) => Some(load_profile(env)?),
        None => None,
    };
    let mut namespace = profile.as_ref().and_then(|p| p.namespace.clone()).unwrap_or_default();
    if !opts.namespace.is_empty() {
        namespace = opts.namespace.clone();
    }
    if namespace.is_empty() {
        namespace = DEFAULT_NAMESPACE.to_owned();
    }

    // Start from what the profile says (TLS files resolved, headers normalised), or from nothing.
    let (mut conn, profile_address) = match profile {
        Some(p) => {
            let address = p.address.clone();
            let conn = ConnectionOptions::try_from(p)
                .map_err(|e| Error::invalid_argument(format!("invalid client configuration: {e}")))?;
            (conn, address)
        }
        None => (ConnectionOptions::new(address_to_url(DEFAULT_ADDRESS, false)?).build(), None),
    };

    if let Some(key) = &opts.api_key {
        validate_api_key(key)?;
        conn.api_key = Some(key.clone());
    }
    if let Some(tls) = &opts.tls {
        let client_tls = match (&tls.client_cert_pem, &tls.client_key_pem) {
            (Some(cert), Some(key)) => Some(
                ClientTlsOptions::builder().client_cert(cert.clone()).client_private_key(key.clone()).build(),
            ),
            (None, None) => None,
            _ => {
                return Err(Error::invalid_argument(
                    "TLS: a client certificate and a client key must be given together",
                ))
            }
        };
        // With host verification off the CA is not used (as Go ignores RootCAs under
        // InsecureSkipVerify); the crate refuses the two together, so drop it.
        let server_ca = if tls.disable_host_verification { None } else { tls.server_ca_cert_pem.clone() };
        let mut crate_tls = temporalio_client::TlsOptions::builder()
            .maybe_server_root_ca_cert(server_ca)
            .maybe_domain(tls.server_name.clone())
            .maybe_client_tls_options(client_tls)
            .build();
        if tls.disable_host_verification {
            crate_tls.server_cert_verifier = Some(crate::tls::SkipHostVerification::new());
        }
        conn.tls_options = Some(crate_tls);
    } else if conn.api_key.is_some() && conn.tls_options.is_none() && opts.envconfig.is_none() {
        // As the official SDKs: an API key without TLS settings means TLS with system roots.
        conn.tls_options = Some(temporalio_client::TlsOptions::default());
    }

    let tls_on = conn.tls_options.is_some();
    let address = if !opts.address.is_empty() {
        Some(opts.address.as_str())
    } else {
        profile_address.as_deref()
    };
    conn.target = address_to_url(address.unwrap_or(DEFAULT_ADDRESS), tls_on)?;
    if tls_on && conn.target.scheme() == "http" {
        if opts.tls.is_some() {
            // Never fall back to plaintext when the caller configured TLS.
            return Err(Error::invalid_argument(format!(
                "address {} uses http:// but TLS is configured: use https:// or host:port",
                conn.target
            )));
        }
        if opts.address.is_empty() {
            let _ = conn.target.set_scheme("https");
        } else {
            // TLS was only implied by the API key, and the caller asked for http:// explicitly.
            conn.tls_options = None;
        }
    }

    conn.identity = if opts.identity.is_empty() { default_identity() } else { opts.identity.clone() };
    if !opts.grpc_metadata.is_empty() {
        let mut headers = conn.headers.take().unwrap_or_default();
        headers.extend(normalized_metadata(&opts.grpc_metadata)?);
        conn.headers = Some(headers);
    }
    let connect_timeout =
        if opts.connect_timeout.is_zero() { DEFAULT_CONNECT_TIMEOUT } else { opts.connect_timeout };
    conn.connect_timeout = Some(connect_timeout);
    conn.retry_options = rpc::go_retry_options(Duration::from_secs(60));
    // One connection, no DNS re-resolution task: the Go SDK dials one target too.
    conn.dns_load_balancing = None;
    conn.grpc_compression = match opts.grpc_compression {
        GrpcCompression::None => temporalio_client::GrpcCompression::None,
        GrpcCompression::Gzip => temporalio_client::GrpcCompression::Gzip,
    };
    conn.metrics_meter = crate::metrics::meter_for_client(opts.metrics_meter.clone());
    conn.keep_alive = (!opts.keep_alive.disabled).then(|| {
        let or = |d: Duration, default| if d.is_zero() { default } else { d };
        ClientKeepAliveOptions::builder()
            .interval(or(opts.keep_alive.interval, DEFAULT_KEEP_ALIVE_INTERVAL))
            .timeout(or(opts.keep_alive.timeout, DEFAULT_KEEP_ALIVE_TIMEOUT))
            .build()
    });
    conn.http_connect_proxy = match &opts.http_connect_proxy {
        Some(proxy) => Some(proxy_options(proxy)?),
        None => None,
    };
    Ok((conn, namespace))
}

/// The crate's proxy options, after checking the address (so that a typo is an
/// `INVALID_ARGUMENT` and not a connection failure).
fn proxy_options(proxy: &HttpConnectProxy) -> Result<HttpConnectProxyOptions> {
    let address = proxy.address.as_str();
    let valid = if let Some(path) = address.strip_prefix("unix:") {
        path.starts_with('/') && cfg!(unix)
    } else {
        // host:port (an IPv6 host in brackets): a URL made of it has exactly that authority.
        // (`Url::port` is None for :80, so the port is read from the text.)
        let port = address.rsplit_once(':').is_some_and(|(_, port)| port.parse::<u16>().is_ok());
        port && !address.contains(['/', '@', '?', '#'])
            && Url::parse(&format!("http://{address}")).is_ok_and(|u| u.has_host() && u.path() == "/")
    };
    if !valid {
        return Err(Error::invalid_argument(format!(
            "invalid proxy address \"{address}\": expected host:port or unix:/path"
        )));
    }
    if let Some((user, password)) = &proxy.basic_auth {
        // Basic auth is "user:password" in base64: a colon in the user would move the split.
        if user.is_empty() || user.contains(':') {
            return Err(Error::invalid_argument(
                "proxy basic auth: the user must be set and must not contain ':' (a password needs a user)",
            ));
        }
        if user.chars().chain(password.chars()).any(char::is_control) {
            return Err(Error::invalid_argument("proxy basic auth: the user and password must not contain control characters"));
        }
    }
    Ok(HttpConnectProxyOptions::new(address.to_owned()).maybe_basic_auth(proxy.basic_auth.clone()).build())
}

/// The API key must make a valid `authorization` header value, or the crate would silently
/// send no header. The error never shows the key.
fn validate_api_key(key: &str) -> Result<()> {
    tonic::metadata::AsciiMetadataValue::try_from(format!("Bearer {key}"))
        .map(|_| ())
        .map_err(|_| Error::invalid_argument("the API key is not valid header text (printable ASCII only)"))
}

/// gRPC metadata as the crate takes it: keys lower-cased, every entry checked.
fn normalized_metadata(metadata: &HashMap<String, String>) -> Result<HashMap<String, String>> {
    let mut headers = HashMap::with_capacity(metadata.len());
    for (k, v) in metadata {
        let key = k.to_ascii_lowercase();
        validate_metadata(&key, v)?;
        headers.insert(key, v.clone());
    }
    Ok(headers)
}

/// Checks one gRPC metadata entry before any connection is made, so a bad option is reported
/// as such and not as a connection failure. Only text (ASCII) metadata is supported.
fn validate_metadata(key: &str, value: &str) -> Result<()> {
    if key.ends_with("-bin") {
        return Err(Error::invalid_argument(format!(
            "gRPC metadata key \"{key}\": binary (-bin) metadata is not supported"
        )));
    }
    tonic::metadata::AsciiMetadataKey::from_bytes(key.as_bytes())
        .map_err(|_| Error::invalid_argument(format!("gRPC metadata key {key:?} is not a valid header name")))?;
    tonic::metadata::AsciiMetadataValue::try_from(value)
        .map_err(|_| Error::invalid_argument(format!("gRPC metadata value for {key:?} is not valid header text")))?;
    Ok(())
}

impl Client {
    /// Connects and checks the server with GetSystemInfo, as the Go SDK's `Dial` does; fails
    /// within the connect timeout. With `opts.lazy` (the Go SDK's `NewLazyClient`) it only
    /// checks the options: the first call dials, and a failed dial fails that call.
    pub async fn connect(opts: ClientOptions) -> Result<Arc<Client>> {
        let (conn_opts, namespace) = connection_options(&opts)?;
        let target = conn_opts.target.to_string();
        let identity = conn_opts.identity.clone();
        let codec = opts.payload_codec.clone();
        let connection = if opts.lazy {
            LazyConnection { cell: tokio::sync::OnceCell::new(), pending: Some(std::sync::Mutex::new(conn_opts)) }
        } else {
            LazyConnection::dialed(dial(conn_opts).await?)
        };
        tracing::info!(target = %target, namespace = %namespace, identity = %identity, lazy = opts.lazy, "connected");
        Ok(Arc::new(Client {
            connection: Some(Arc::new(connection)),
            namespace,
            identity,
            made_in: crate::runtime::generation(),
            codec,
        }))
    }

    pub fn namespace(&self) -> &str {
        &self.namespace
    }

    pub fn identity(&self) -> &str {
        &self.identity
    }

    /// The payload codec every call of this client applies (`None`: payloads as converted).
    pub(crate) fn codec(&self) -> Option<&Codec> {
        self.codec.as_ref()
    }

    /// The workflow service through the connection's retrying caller: `Connection` itself
    /// implements `WorkflowService` with retries, while `Connection::workflow_service()` is the
    /// bare stub underneath that never retries. A lazy client dials here on first use (bounded
    /// by the connect timeout); a failed dial is this call's error (`UNAVAILABLE`).
    ///
    /// The concrete type, not a `Box<dyn WorkflowService>`: a trait object's vtable would keep
    /// every one of the service's RPCs (and their retry wrappers) in the library.
    ///
    /// Fails with `SHUTDOWN` in a child process that inherited this client through fork().
    pub(crate) async fn workflow_service(&self) -> Result<Connection> {
        self.connection()?.get().await.cloned()
    }

    /// The connection, unless this client was inherited through fork() (`SHUTDOWN`).
    fn connection(&self) -> Result<&Arc<LazyConnection>> {
        if crate::runtime::inherited(self.made_in) {
            return Err(crate::runtime::inherited_error("client"));
        }
        self.connection.as_ref().ok_or_else(|| Error::internal("the client's connection is gone"))
    }

    /// The Go SDK's `NewClientFromExisting`: another client on this client's connection, for
    /// another namespace and identity (empty: `default` and `pid@hostname@`, the defaults of a
    /// new client, as in Go). No RPC. Both share everything of the connection: an API key or
    /// metadata set on either applies to both (and a lazy connection is dialed once for both).
    pub fn new_from_existing(&self, namespace: &str, identity: &str) -> Result<Arc<Client>> {
        let connection = self.connection()?.clone();
        Ok(Arc::new(Client {
            connection: Some(connection),
            namespace: if namespace.is_empty() { DEFAULT_NAMESPACE.to_owned() } else { namespace.to_owned() },
            identity: if identity.is_empty() { default_identity() } else { identity.to_owned() },
            made_in: self.made_in,
            codec: self.codec.clone(),
        }))
    }

    /// Replaces the API key sent as `authorization: Bearer <key>` on every later call (`None`:
    /// no `authorization` header), without reconnecting: key rotation. Every client and call
    /// that shares this connection sees it; calls already sent keep the key they were sent
    /// with. TLS is not changed (it was chosen at connect). The key never appears in an error
    /// or a log.
    pub fn set_api_key(&self, api_key: Option<&str>) -> Result<()> {
        let connection = self.connection()?;
        if let Some(key) = api_key {
            validate_api_key(key)?;
        }
        let key = api_key.map(str::to_owned);
        connection.update(
            |c| {
                c.set_api_key(key.clone());
                Ok(())
            },
            |o| o.api_key = key.clone(),
        )?;
        tracing::debug!(set = api_key.is_some(), "API key replaced");
        Ok(())
    }

    /// Replaces the extra gRPC metadata sent on every later call (what connect set, the
    /// environment configuration's included), checked as connect checks it; an empty map
    /// removes it. On an error nothing changes.
    pub fn set_grpc_metadata(&self, metadata: &HashMap<String, String>) -> Result<()> {
        let connection = self.connection()?;
        let headers = normalized_metadata(metadata)?;
        connection.update(
            |c| {
                c.set_headers(headers.clone())
                    .map_err(|_| Error::invalid_argument("gRPC metadata: a key or a value is not valid header text"))
            },
            |o| o.headers = Some(headers.clone()),
        )?;
        tracing::debug!(keys = ?metadata.keys().collect::<Vec<_>>(), "gRPC metadata replaced");
        Ok(())
    }

    /// The Go SDK's `ExecuteWorkflow`: starts a workflow and returns its run as soon as the
    /// server accepted the start. `input`: the arguments, already converted
    /// (`payloads::args_to_payloads`). With `workflow_execution_error_when_already_started`
    /// false (the default), an ID that is already running (or that the reuse policy refuses)
    /// gives the run the server names instead of an error. `deadline`: the whole start,
    /// retries included (`None`: the Go SDK's 10 s).
    pub async fn execute_workflow(
        self: &Arc<Self>,
        workflow_type: &str,
        input: Option<Payloads>,
        options: &ValidStartWorkflowOptions,
        deadline: Option<Duration>,
    ) -> Result<WorkflowRun> {
        if workflow_type.is_empty() {
            return Err(Error::invalid_argument("workflow type is required"));
        }
        let workflow_id =
            if options.id.is_empty() { uuid::Uuid::new_v4().to_string() } else { options.id.clone() };
        let mut request = self.start_request(workflow_type, &workflow_id, input, options);
        crate::codec::encode(self.codec(), &mut request).await?;
        let mut service = self.workflow_service().await?;
        let deadline = rpc::deadline_or_default(deadline);
        let response = rpc::call(
            "start workflow",
            deadline,
            service.start_workflow_execution(rpc::request(request, deadline)),
        )
        .await?;

        let run_id = match response {
            Ok(resp) => resp.run_id,
            Err(status) if status.code() == tonic::Code::AlreadyExists => {
                let existing = decode_status_detail::<WorkflowExecutionAlreadyStartedFailure>(status.details())
                    .map(|d| d.run_id)
                    .unwrap_or_default();
                if options.workflow_execution_error_when_already_started {
                    return Err(Error::new(
                        ErrorCode::AlreadyStarted,
                        format!("start workflow: {} (workflowID: {workflow_id}, runID: {existing})", status.message()),
                    )
                    .with_details(json!({ "workflow_id": workflow_id, "run_id": existing, "grpc_code": "ALREADY_EXISTS" })));
                }
                existing
            }
            Err(status) => return Err(Error::from_status("start workflow", &status)),
        };
        Ok(WorkflowRun::new(self.clone(), workflow_id, Some(run_id), workflow_type.to_owned()))
    }

    pub(crate) fn start_request(
        &self,
        workflow_type: &str,
        workflow_id: &str,
        input: Option<Payloads>,
        o: &StartWorkflowOptions,
    ) -> StartWorkflowExecutionRequest {
        let memo = o.memo.clone().map(|fields| Memo { fields });
        let search_attributes = o.search_attributes.clone().map(|indexed_fields| SearchAttributes { indexed_fields });
        let retry_policy = o.retry_policy.as_ref().map(|rp| ProtoRetryPolicy {
            initial_interval: nonzero_duration(rp.initial_interval),
            backoff_coefficient: rp.backoff_coefficient,
            maximum_interval: nonzero_duration(rp.maximum_interval),
            maximum_attempts: rp.maximum_attempts,
            non_retryable_error_types: rp.non_retryable_error_types.clone(),
        });
        StartWorkflowExecutionRequest {
            namespace: self.namespace.clone(),
            workflow_id: workflow_id.to_owned(),
            workflow_type: Some(WorkflowType { name: workflow_type.to_owned() }),
            task_queue: Some(TaskQueue {
                name: o.task_queue.clone(),
                kind: TaskQueueKind::Normal as i32,
                ..Default::default()
            }),
            input,
            // The Go SDK always sends the three timeouts; zero lets the server apply defaults.
            workflow_execution_timeout: Some(proto_duration(o.workflow_execution_timeout)),
            workflow_run_timeout: Some(proto_duration(o.workflow_run_timeout)),
            workflow_task_timeout: Some(proto_duration(o.workflow_task_timeout)),
            identity: self.identity.clone(),
            // One per call, created before the RPC so retries are de-duplicated by the server.
            request_id: uuid::Uuid::new_v4().to_string(),
            workflow_id_reuse_policy: o.workflow_id_reuse_policy as i32,
            workflow_id_conflict_policy: o.workflow_id_conflict_policy as i32,
            retry_policy,
            cron_schedule: o.cron_schedule.clone(),
            memo,
            search_attributes,
            workflow_start_delay: nonzero_duration(o.start_delay),
            header: crate::headers::current(),
            user_metadata: user_metadata(o),
            priority: (!o.priority.is_default()).then(|| ProtoPriority {
                priority_key: o.priority.priority_key,
                fairness_key: o.priority.fairness_key.clone(),
                fairness_weight: o.priority.fairness_weight,
            }),
            versioning_override: versioning_override(&o.versioning_override),
            ..Default::default()
        }
    }

    /// The Go SDK's `GetWorkflow`: lazy, no RPC. An empty `run_id` means the latest run, pinned
    /// at first use.
    pub fn get_workflow(self: &Arc<Self>, workflow_id: &str, run_id: Option<&str>) -> Result<WorkflowRun> {
        if workflow_id.is_empty() {
            return Err(Error::invalid_argument("workflow ID is required"));
        }
        let run_id = run_id.filter(|r| !r.is_empty()).map(str::to_owned);
        Ok(WorkflowRun::new(self.clone(), workflow_id.to_owned(), run_id, String::new()))
    }
}

/// The Go SDK's `StaticSummary` / `StaticDetails` as the UI reads them: each a string payload of
/// the default converter (the codec encodes it like any other payload).
fn user_metadata(o: &StartWorkflowOptions) -> Option<UserMetadata> {
    let text = |t: &Option<String>| t.as_ref().map(|t| crate::payloads::json_to_payload(&serde_json::Value::from(t.as_str()).to_string()));
    (o.static_summary.is_some() || o.static_details.is_some())
        .then(|| UserMetadata { summary: text(&o.static_summary), details: text(&o.static_details) })
}

/// The Go SDK's `VersioningOverrideToProto` (v1.51): the `override` oneof, and the deprecated
/// fields too (behavior, and for PINNED the deployment and "name.buildID" version) for servers
/// that do not read the oneof.
#[allow(deprecated)]
fn versioning_override(v: &VersioningOverride) -> Option<ProtoVersioningOverride> {
    use temporalio_common::protos::temporal::api::workflow::v1::versioning_override::{
        Override, PinnedOverride, PinnedOverrideBehavior,
    };
    match v.kind {
        VersioningOverrideKind::None => None,
        VersioningOverrideKind::Pinned => Some(ProtoVersioningOverride {
            behavior: VersioningBehavior::Pinned as i32,
            pinned_version: format!("{}.{}", v.deployment_name, v.build_id),
            deployment: Some(Deployment { series_name: v.deployment_name.clone(), build_id: v.build_id.clone() }),
            r#override: Some(Override::Pinned(PinnedOverride {
                behavior: PinnedOverrideBehavior::Pinned as i32,
                version: Some(WorkerDeploymentVersion {
                    deployment_name: v.deployment_name.clone(),
                    build_id: v.build_id.clone(),
                }),
            })),
        }),
        VersioningOverrideKind::AutoUpgrade => Some(ProtoVersioningOverride {
            behavior: VersioningBehavior::AutoUpgrade as i32,
            r#override: Some(Override::AutoUpgrade(true)),
            ..Default::default()
        }),
    }
}

pub(crate) fn proto_duration(d: Duration) -> prost_wkt_types::Duration {
    prost_wkt_types::Duration { seconds: d.as_secs() as i64, nanos: d.subsec_nanos() as i32 }
}

fn nonzero_duration(d: Duration) -> Option<prost_wkt_types::Duration> {
    (!d.is_zero()).then(|| proto_duration(d))
}

fn connect_error(target: &str, e: temporalio_client::errors::ClientConnectError) -> Error {
    use temporalio_client::errors::ClientConnectError as E;
    match e {
        E::SystemInfoCallError(status) => {
            let mut err = Error::from_status(&format!("failed reaching server {target}"), &status);
            if err.code == ErrorCode::Rpc || err.code == ErrorCode::Canceled {
                err.code = ErrorCode::Unavailable;
            }
            err
        }
        E::InvalidUri(e) => Error::invalid_argument(format!("invalid server address {target}: {e}")),
        E::InvalidHeaders(e) => Error::invalid_argument(format!("invalid gRPC metadata: {e}")),
        E::InvalidConfig(msg) => Error::invalid_argument(format!("invalid client configuration: {msg}")),
        E::TonicTransportError(e) => {
            Error::new(ErrorCode::Unavailable, format!("failed reaching server {target}: {}", error_chain(&e)))
        }
        other => Error::new(ErrorCode::Unavailable, format!("failed reaching server {target}: {other}")),
    }
}

/// "a: b: c" from an error and its sources, as Go prints wrapped errors.
pub(crate) fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut src = e.source();
    while let Some(cause) = src {
        let text = cause.to_string();
        if !s.contains(&text) {
            s.push_str(": ");
            s.push_str(&text);
        }
        src = cause.source();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn addresses_get_a_scheme() {
        assert_eq!(address_to_url("localhost:7233", false).unwrap().as_str(), "http://localhost:7233/");
        assert_eq!(address_to_url("x.tmprl.cloud:7233", true).unwrap().scheme(), "https");
        assert_eq!(address_to_url("https://h:1", false).unwrap().scheme(), "https");
        assert!(address_to_url("localhost", false).is_err());
        assert!(address_to_url("bad host:1", false).is_err());
        assert!(address_to_url("qq:///////YY.", false).is_err());
        assert!(address_to_url("ftp://h:1", false).is_err());
    }

    #[test]
    fn identity_matches_go_default() {
        let id = default_identity();
        assert!(id.starts_with(&format!("{}@", std::process::id())) && id.ends_with('@'), "{id}");
    }

    #[test]
    fn bad_metadata_is_refused_before_connecting() {
        for (k, v) in [("bad key\n", "v"), ("x-bin", "v"), ("ok", "bad\nvalue")] {
            let opts = ClientOptions {
                grpc_metadata: HashMap::from([(k.to_owned(), v.to_owned())]),
                ..Default::default()
            };
            let e = connection_options(&opts).err().expect(k);
            assert_eq!(e.code, ErrorCode::InvalidArgument, "{k}: {e:?}");
        }
    }

    #[test]
    fn keep_alive_defaults_are_the_go_sdks_and_can_be_turned_off() {
        use crate::options::KeepAliveOptions;
        let (conn, _) = connection_options(&ClientOptions::default()).unwrap();
        let ka = conn.keep_alive.expect("on by default");
        assert_eq!((ka.interval, ka.timeout), (Duration::from_secs(30), Duration::from_secs(15)));
        let custom = ClientOptions {
            keep_alive: KeepAliveOptions { interval: Duration::from_millis(500), timeout: Duration::from_secs(2), ..Default::default() },
            ..Default::default()
        };
        let ka = connection_options(&custom).unwrap().0.keep_alive.unwrap();
        assert_eq!((ka.interval, ka.timeout), (Duration::from_millis(500), Duration::from_secs(2)));
        let off = ClientOptions { keep_alive: KeepAliveOptions { disabled: true, ..Default::default() }, ..Default::default() };
        assert!(connection_options(&off).unwrap().0.keep_alive.is_none());
    }

    #[test]
    fn proxy_addresses_and_basic_auth_are_checked() {
        let with = |address: &str, auth: Option<(&str, &str)>| {
            let opts = ClientOptions {
                http_connect_proxy: Some(HttpConnectProxy {
                    address: address.into(),
                    basic_auth: auth.map(|(u, p)| (u.to_owned(), p.to_owned())),
                }),
                ..Default::default()
            };
            connection_options(&opts).map(|(c, _)| c.http_connect_proxy.unwrap())
        };
        let p = with("127.0.0.1:3128", Some(("user", "pw"))).unwrap();
        assert_eq!(p.target_addr, "127.0.0.1:3128");
        assert_eq!(p.basic_auth, Some(("user".to_owned(), "pw".to_owned())));
        assert!(with("[::1]:3128", None).is_ok());
        assert!(with("proxy.example:8080", None).is_ok());
        assert!(with("proxy.example:80", None).is_ok());
        assert!(with("unix:/run/proxy.sock", None).is_ok());
        for bad in ["proxy", "http://proxy:1", "proxy:1/x", "user@proxy:1", "unix:relative", "", "bad host:1"] {
            let e = with(bad, None).err().expect(bad);
            assert_eq!(e.code, ErrorCode::InvalidArgument, "{bad}: {e:?}");
            assert!(e.message.contains("proxy address"), "{bad}: {e:?}");
        }
        for (user, password) in [("", "sekrit"), ("a:b", "sekrit"), ("u", "sek\nrit")] {
            let e = with("127.0.0.1:3128", Some((user, password))).err().expect(user);
            assert_eq!(e.code, ErrorCode::InvalidArgument);
            assert!(!e.message.contains("sek"), "no password in {e:?}");
        }
    }

    #[test]
    fn bad_api_keys_are_refused_without_showing_them() {
        let opts = ClientOptions { api_key: Some("sekrit\nkey".into()), ..Default::default() };
        let e = connection_options(&opts).err().unwrap();
        assert_eq!(e.code, ErrorCode::InvalidArgument);
        assert!(!e.message.contains("sekrit"), "{e:?}");
        assert!(validate_api_key("a-good.key_123").is_ok());
    }

    #[test]
    fn grpc_compression_is_off_unless_asked_for() {
        let (conn, _) = connection_options(&ClientOptions::default()).unwrap();
        assert_eq!(conn.grpc_compression, temporalio_client::GrpcCompression::None);
        let gzip = ClientOptions { grpc_compression: GrpcCompression::Gzip, ..Default::default() };
        assert_eq!(connection_options(&gzip).unwrap().0.grpc_compression, temporalio_client::GrpcCompression::Gzip);
        assert!(GrpcCompression::from_i32(2).is_err());
    }

    #[test]
    fn explicit_fields_win_over_defaults() {
        let opts = ClientOptions { namespace: "ns1".into(), address: "127.0.0.1:1234".into(), ..Default::default() };
        let (conn, ns) = connection_options(&opts).unwrap();
        assert_eq!(ns, "ns1");
        assert_eq!(conn.target.as_str(), "http://127.0.0.1:1234/");
        assert!(conn.identity.ends_with('@'));
    }
}
