package client

import "time"

// Options configures NewClient / Dial: the subset of go.temporal.io/sdk/client.Options that
// temporal-ffi supports, plus the connection settings the Go SDK keeps in
// ConnectionOptions and envconfig.
type Options struct {
	// HostPort is the frontend address, "host:port". Empty: see NewClient (envconfig is
	// loaded, falling back to the library default localhost:7233).
	HostPort string
	// Namespace; empty: "default" (or the envconfig namespace).
	Namespace string
	// Identity of this client; empty: "pid@hostname@" as the Go SDK.
	Identity string
	// APIKey is sent as "authorization: Bearer <key>" and turns TLS on.
	APIKey string
	// TLS turns TLS on when non-nil (system roots unless ServerCACertPEM is set).
	TLS *TLSOptions
	// GRPCMetadata is sent with every call.
	GRPCMetadata map[string]string
	// ConnectTimeout bounds the dial and the server check; 0: 10 s.
	ConnectTimeout time.Duration
	// LoadEnvConfig loads TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_API_KEY,
	// TEMPORAL_TLS*, TEMPORAL_GRPC_META_*, TEMPORAL_PROFILE and the TOML config file, as
	// the Go SDK's envconfig package does. Fields set above win over what is loaded.
	LoadEnvConfig bool
	// EnvConfigProfile selects the envconfig profile (implies LoadEnvConfig).
	EnvConfigProfile string
	// EnvConfigFile selects the envconfig TOML file (implies LoadEnvConfig).
	EnvConfigFile string
	// GrpcCompression of request bodies; zero: GrpcCompressionNone. Unlike the Go SDK,
	// requests are not compressed by default (see temporal_grpc_compression in temporal.h).
	GrpcCompression GrpcCompression
}

// GrpcCompression is the go.temporal.io/sdk/client ConnectionOptions.GrpcCompression setting.
type GrpcCompression int32

const (
	// GrpcCompressionNone sends requests uncompressed (the temporal-ffi default).
	GrpcCompressionNone GrpcCompression = 0
	// GrpcCompressionGzip gzips requests and accepts gzipped answers (the Go SDK default):
	// worth it for large payloads over slow links, about 5x the client CPU of a small call.
	GrpcCompressionGzip GrpcCompression = 1
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

// WorkflowIDReusePolicy is enums.v1.WorkflowIdReusePolicy, with the proto's numbers.
type WorkflowIDReusePolicy int32

const (
	WorkflowIDReusePolicyUnspecified              WorkflowIDReusePolicy = 0
	WorkflowIDReusePolicyAllowDuplicate           WorkflowIDReusePolicy = 1
	WorkflowIDReusePolicyAllowDuplicateFailedOnly WorkflowIDReusePolicy = 2
	WorkflowIDReusePolicyRejectDuplicate          WorkflowIDReusePolicy = 3
	WorkflowIDReusePolicyTerminateIfRunning       WorkflowIDReusePolicy = 4 // deprecated by the server
)

// WorkflowIDConflictPolicy is enums.v1.WorkflowIdConflictPolicy, with the proto's numbers.
type WorkflowIDConflictPolicy int32

const (
	WorkflowIDConflictPolicyUnspecified       WorkflowIDConflictPolicy = 0
	WorkflowIDConflictPolicyFail              WorkflowIDConflictPolicy = 1
	WorkflowIDConflictPolicyUseExisting       WorkflowIDConflictPolicy = 2
	WorkflowIDConflictPolicyTerminateExisting WorkflowIDConflictPolicy = 3
)

// RetryPolicy is the Go SDK's temporal.RetryPolicy for a workflow. Zero fields mean
// "server default".
type RetryPolicy struct {
	InitialInterval        time.Duration
	BackoffCoefficient     float64
	MaximumInterval        time.Duration
	MaximumAttempts        int32
	NonRetryableErrorTypes []string
}

// StartWorkflowOptions is the Go SDK's client.StartWorkflowOptions (the supported fields).
type StartWorkflowOptions struct {
	// ID is the Workflow ID; empty: a random UUID.
	ID string
	// TaskQueue is required.
	TaskQueue string

	WorkflowExecutionTimeout time.Duration
	WorkflowRunTimeout       time.Duration
	WorkflowTaskTimeout      time.Duration

	WorkflowIDReusePolicy    WorkflowIDReusePolicy
	WorkflowIDConflictPolicy WorkflowIDConflictPolicy
	// WorkflowExecutionErrorWhenAlreadyStarted: false (default) makes ExecuteWorkflow on a
	// running ID return a run for that execution; true makes it fail with
	// *WorkflowExecutionAlreadyStartedError.
	WorkflowExecutionErrorWhenAlreadyStarted bool

	RetryPolicy  *RetryPolicy
	CronSchedule string
	// Memo values are JSON-encoded, one json/plain payload per field.
	Memo map[string]interface{}
	// SearchAttributes must be registered on the namespace.
	SearchAttributes map[string]interface{}
	StartDelay       time.Duration
}
