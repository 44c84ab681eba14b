package client

/*
#include "temporal.h"
*/
import "C"

import (
	"time"

	enumspb "go.temporal.io/api/enums/v1"

	"github.com/temporal-ffi/temporal-ffi/bindings/go/converter"
	"github.com/temporal-ffi/temporal-ffi/bindings/go/temporal"
)

// Options configures NewClient / Dial: the subset of go.temporal.io/sdk/client.Options that
// temporal-ffi supports, plus the connection settings the Go SDK keeps in
// ConnectionOptions and envconfig.
type Options struct {
	// HostPort is the frontend address, "host:port". Empty: the envconfig address (with
	// EnvConfig Auto or On), else localhost:7233.
	HostPort string
	// Namespace; empty: "default" (or the envconfig namespace).
	Namespace string
	// Identity of this client; empty: "pid@hostname@" as the Go SDK.
	Identity string
	// APIKey is sent as "authorization: Bearer <key>" and turns TLS on. Credentials is the
	// Go SDK's way to say the same; set one of the two. To rotate the key of a connected
	// client, call its SetAPIKey.
	APIKey string
	// Credentials, as the Go SDK's client.Options.Credentials; only
	// NewAPIKeyStaticCredentials is supported (for a key that changes, see Client.SetAPIKey).
	Credentials Credentials
	// TLS turns TLS on when non-nil (system roots unless ServerCACertPEM is set).
	TLS *TLSOptions
	// GRPCMetadata is sent with every call.
	GRPCMetadata map[string]string
	// ConnectTimeout bounds the dial and the server check; 0: 10 s.
	ConnectTimeout time.Duration
	// EnvConfig says when the environment configuration is loaded: TEMPORAL_ADDRESS,
	// TEMPORAL_NAMESPACE, TEMPORAL_API_KEY, TEMPORAL_TLS*, TEMPORAL_GRPC_META_*,
	// TEMPORAL_PROFILE, TEMPORAL_CONFIG_FILE and the TOML config file, as the Go SDK's
	// envconfig package reads them. Fields set above win over what is loaded. Zero:
	// EnvConfigAuto.
	EnvConfig EnvConfigMode
	// EnvConfigProfile selects the envconfig profile (naming it loads the configuration
	// unless EnvConfig is EnvConfigOff).
	EnvConfigProfile string
	// EnvConfigFile selects the envconfig TOML file (as EnvConfigProfile).
	EnvConfigFile string
	// GrpcCompression of request bodies; zero: GrpcCompressionNone. Unlike the Go SDK,
	// requests are not compressed by default (see temporal_grpc_compression in temporal.h).
	GrpcCompression GrpcCompression
	// MetricsHandler receives this client's metrics, as the Go SDK's: the request counters,
	// failures and latencies, with Go's names and tags. nil: the runtime's Prometheus
	// endpoint when the program started one (see the README), else none.
	MetricsHandler MetricsHandler
	// ConnectionOptions are the Go SDK's client.ConnectionOptions that this binding supports:
	// keep-alive and an HTTP CONNECT proxy.
	ConnectionOptions ConnectionOptions
	// DataConverter, as the Go SDK's: nil or converter.GetDefaultDataConverter() for the
	// default conversion, or converter.NewCodecDataConverter(converter.GetDefaultDataConverter(),
	// codecs...) to run every payload the client sends through the codecs' Encode and every
	// payload it reads back through their Decode (arguments, memo, results, signal, query and
	// update values, failure and heartbeat details; not search attributes or headers). The
	// library converts the values itself, so a custom payload converter is refused by Dial
	// with ErrInvalidArgument. GetWorkflowHistory returns payloads as stored, encoded.
	DataConverter converter.DataConverter
}

// Credentials is the Go SDK's client.Credentials: how the client authenticates. Make one with
// NewAPIKeyStaticCredentials.
type Credentials interface {
	// staticAPIKey keeps the interface closed: the library takes a key, not a callback.
	staticAPIKey() string
}

type apiKeyStaticCredentials string

func (c apiKeyStaticCredentials) staticAPIKey() string { return string(c) }

// NewAPIKeyStaticCredentials is the Go SDK's function of that name: the API key, sent as
// "authorization: Bearer <apiKey>" on every call (it turns TLS on, as Options.APIKey).
//
// The Go SDK's NewAPIKeyDynamicCredentials, a callback asked for the key on every call, has no
// counterpart: the key lives in the library, so a new one is pushed to it with
// Client.SetAPIKey when it changes.
func NewAPIKeyStaticCredentials(apiKey string) Credentials { return apiKeyStaticCredentials(apiKey) }

// ConnectionOptions are the fields of the Go SDK's client.ConnectionOptions that this binding
// supports (GrpcCompression is Options.GrpcCompression here).
type ConnectionOptions struct {
	// KeepAliveTime is the time between HTTP/2 keep-alive pings; 0: 30 s, the Go SDK's
	// default. Pings are sent also while no call is in flight, as the Go SDK does by default
	// (its DisableKeepAlivePermitWithoutStream has no counterpart).
	KeepAliveTime time.Duration
	// KeepAliveTimeout is how long a ping may go unanswered before the connection is closed
	// and made again; 0: 15 s, the Go SDK's default.
	KeepAliveTimeout time.Duration
	// DisableKeepAliveCheck sends no keep-alive pings.
	DisableKeepAliveCheck bool
	// HTTPConnectProxy, when non-nil, makes the connection through an HTTP CONNECT proxy.
	// This field is this library's: the Go SDK does it with DialOptions (a proxy dialer), or
	// with the HTTPS_PROXY environment variable that gRPC-go reads. This binding reads no proxy
	// variable; to honour HTTPS_PROXY, set this field from it.
	HTTPConnectProxy *HTTPConnectProxy
}

// HTTPConnectProxy is an HTTP CONNECT proxy (ConnectionOptions.HTTPConnectProxy).
type HTTPConnectProxy struct {
	// Address is "host:port", or "unix:/path" for a proxy on a Unix socket.
	Address string
	// BasicAuthUser and BasicAuthPassword are sent as HTTP basic auth
	// (Proxy-Authorization) when BasicAuthUser is set. The password never appears in an
	// error or a log.
	BasicAuthUser     string
	BasicAuthPassword string
}

// EnvConfigMode is temporal_envconfig_mode: when NewClient loads the environment
// configuration. The rule is the library's, the same in every binding.
type EnvConfigMode int32

const (
	// EnvConfigAuto (the default) loads it when HostPort is empty (or a profile or config
	// file is named): a program that names no server goes where the environment says.
	EnvConfigAuto EnvConfigMode = C.TEMPORAL_ENVCONFIG_MODE_AUTO
	// EnvConfigOn always loads it.
	EnvConfigOn EnvConfigMode = C.TEMPORAL_ENVCONFIG_MODE_ON
	// EnvConfigOff never loads it.
	EnvConfigOff EnvConfigMode = C.TEMPORAL_ENVCONFIG_MODE_OFF
)

// GrpcCompression is the go.temporal.io/sdk/client ConnectionOptions.GrpcCompression setting.
type GrpcCompression int32

const (
	// GrpcCompressionNone sends requests uncompressed (the temporal-ffi default).
	GrpcCompressionNone GrpcCompression = C.TEMPORAL_GRPC_COMPRESSION_NONE
	// GrpcCompressionGzip gzips requests and accepts gzipped answers (the Go SDK default):
	// worth it for large payloads over slow links, about 5x the client CPU of a small call.
	GrpcCompressionGzip GrpcCompression = C.TEMPORAL_GRPC_COMPRESSION_GZIP
)

// TLSOptions configures TLS. A non-nil *TLSOptions with every field zero means TLS with
// the system root certificates.
type TLSOptions struct {
	// ServerCACertPEM is the PEM of the CA that signed the server certificate.
	ServerCACertPEM []byte
	// ClientCertPEM and ClientKeyPEM are the client certificate and key for mTLS.
	ClientCertPEM []byte
	ClientKeyPEM  []byte
	// ServerName overrides the name the server certificate is checked against (and SNI).
	ServerName string
	// DisableHostVerification skips the certificate check (InsecureSkipVerify).
	DisableHostVerification bool
}

// WorkflowIDReusePolicy is the type of StartWorkflowOptions.WorkflowIDReusePolicy, the Go
// SDK's enumspb.WorkflowIdReusePolicy (go.temporal.io/api/enums/v1): an alias, so the
// enumspb.WORKFLOW_ID_REUSE_POLICY_* values a Go SDK program sets fit as they are. The named
// constants below are the same values under this binding's earlier names.
type WorkflowIDReusePolicy = enumspb.WorkflowIdReusePolicy

const (
	WorkflowIDReusePolicyUnspecified              = enumspb.WORKFLOW_ID_REUSE_POLICY_UNSPECIFIED
	WorkflowIDReusePolicyAllowDuplicate           = enumspb.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE
	WorkflowIDReusePolicyAllowDuplicateFailedOnly = enumspb.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY
	WorkflowIDReusePolicyRejectDuplicate          = enumspb.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE
	// Deprecated by the server (prefer WorkflowIDConflictPolicyTerminateExisting), still honoured.
	//lint:ignore SA1019 the binding's name for a value programs may still set
	WorkflowIDReusePolicyTerminateIfRunning = enumspb.WORKFLOW_ID_REUSE_POLICY_TERMINATE_IF_RUNNING
)

// WorkflowIDConflictPolicy is the type of StartWorkflowOptions.WorkflowIDConflictPolicy, the
// Go SDK's enumspb.WorkflowIdConflictPolicy, an alias as WorkflowIDReusePolicy.
type WorkflowIDConflictPolicy = enumspb.WorkflowIdConflictPolicy

const (
	WorkflowIDConflictPolicyUnspecified       = enumspb.WORKFLOW_ID_CONFLICT_POLICY_UNSPECIFIED
	WorkflowIDConflictPolicyFail              = enumspb.WORKFLOW_ID_CONFLICT_POLICY_FAIL
	WorkflowIDConflictPolicyUseExisting       = enumspb.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING
	WorkflowIDConflictPolicyTerminateExisting = enumspb.WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING
)

// The C header's numbers are the proto's (the library reads the policy as the enum's number).
var (
	_ = [1]struct{}{}[int(WorkflowIDReusePolicyTerminateIfRunning)-C.TEMPORAL_WORKFLOW_ID_REUSE_POLICY_TERMINATE_IF_RUNNING]
	_ = [1]struct{}{}[int(WorkflowIDReusePolicyAllowDuplicateFailedOnly)-C.TEMPORAL_WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY]
	_ = [1]struct{}{}[int(WorkflowIDConflictPolicyTerminateExisting)-C.TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING]
	_ = [1]struct{}{}[int(WorkflowIDConflictPolicyUseExisting)-C.TEMPORAL_WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING]
)

// RetryPolicy is the Go SDK's temporal.RetryPolicy for a workflow (an alias of this binding's
// temporal.RetryPolicy, so code written for the Go SDK's temporal package builds). Zero fields
// mean "server default".
type RetryPolicy = temporal.RetryPolicy

// StartWorkflowOptions is the Go SDK's client.StartWorkflowOptions (the supported fields).
type StartWorkflowOptions struct {
	// ID is the Workflow ID; empty: a random UUID.
	ID string
	// TaskQueue is required.
	TaskQueue string

	WorkflowExecutionTimeout time.Duration
	WorkflowRunTimeout       time.Duration
	WorkflowTaskTimeout      time.Duration

	// WorkflowIDReusePolicy and WorkflowIDConflictPolicy are typed as in the Go SDK:
	// enumspb.WORKFLOW_ID_REUSE_POLICY_* and enumspb.WORKFLOW_ID_CONFLICT_POLICY_* values.
	WorkflowIDReusePolicy    enumspb.WorkflowIdReusePolicy
	WorkflowIDConflictPolicy enumspb.WorkflowIdConflictPolicy
	// WorkflowExecutionErrorWhenAlreadyStarted: false (default) makes ExecuteWorkflow on a
	// running ID return a run for that execution; true makes it fail with
	// *WorkflowExecutionAlreadyStartedError.
	WorkflowExecutionErrorWhenAlreadyStarted bool

	RetryPolicy  *RetryPolicy
	CronSchedule string
	// Memo values are JSON-encoded, one json/plain payload per field.
	Memo map[string]interface{}
	// SearchAttributes must be registered on the namespace; each value is sent as JSON
	// without its type. The Go SDK deprecates it for TypedSearchAttributes, and refuses the two
	// together (as this binding does).
	SearchAttributes map[string]interface{}
	// TypedSearchAttributes, as the Go SDK's: each value sent with its type, made with
	// temporal.NewSearchAttributes(temporal.NewSearchAttributeKeyKeyword("Name").ValueSet(v), ...).
	// A value removed with ValueUnset is not sent.
	TypedSearchAttributes temporal.SearchAttributes
	StartDelay            time.Duration
	// StaticSummary is a single-line summary of the workflow shown in the UI (Markdown
	// allowed); StaticDetails a multi-line description. "": none.
	StaticSummary string
	StaticDetails string
	// Priority orders the workflow's tasks in its task queue; the zero value is the default.
	Priority temporal.Priority
	// VersioningOverride, as the Go SDK's: &PinnedVersioningOverride{Version:
	// worker.WorkerDeploymentVersion{DeploymentName: "d", BuildID: "b"}} or
	// &AutoUpgradeVersioningOverride{}; nil: none.
	VersioningOverride VersioningOverride
}
