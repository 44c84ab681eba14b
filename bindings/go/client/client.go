// Package client is the Go binding of temporal-ffi: a Temporal client whose logic lives
// in the Rust library libtemporal_ffi, with the API of go.temporal.io/sdk/client for
// starting workflows, waiting for their results and reattaching to them by ID.
//
// The binding is thin: it converts options to the C structs, JSON-encodes arguments,
// JSON-decodes results and maps the library's errors to Go error types.
//
// Building it needs the installed library: cgo asks pkg-config for temporal-ffi's flags, so
// a library under a prefix pkg-config does not search needs PKG_CONFIG_PATH=PREFIX/lib/pkgconfig.
package client

/*
#cgo pkg-config: temporal-ffi
#include <stdlib.h>
#include "temporal.h"
*/
import "C"

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unsafe"

	"github.com/temporal-ffi/temporal-ffi/bindings/go/temporal"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/operatorservice/v1"
	"go.temporal.io/api/workflowservice/v1"
)

// Client is the subset of go.temporal.io/sdk/client.Client that temporal-ffi supports.
// It is safe for concurrent use; create one per process.
type Client interface {
	// ExecuteWorkflow starts a workflow and returns its run as soon as the server accepted
	// it. workflow is the workflow type name (string) or the workflow function, whose
	// name is used as the Go SDK does. args are JSON-encoded, one payload each.
	ExecuteWorkflow(ctx context.Context, options StartWorkflowOptions, workflow interface{}, args ...interface{}) (WorkflowRun, error)
	// GetWorkflow returns a run for an existing workflow; runID "" means the latest run.
	// It makes no call to the server.
	GetWorkflow(ctx context.Context, workflowID string, runID string) WorkflowRun
	// SignalWithStartWorkflow sends a signal to a running workflow, starting it first
	// (with options, workflow and workflowArgs) if it is not running. options.ID is the
	// workflow ID when set; workflowID is used when options.ID is empty.
	SignalWithStartWorkflow(ctx context.Context, workflowID string, signalName string, signalArg interface{},
		options StartWorkflowOptions, workflow interface{}, workflowArgs ...interface{}) (WorkflowRun, error)
	// SignalWorkflow sends a signal; runID "" means the current run. arg nil: no argument.
	SignalWorkflow(ctx context.Context, workflowID string, runID string, signalName string, arg interface{}) error
	// QueryWorkflow queries a workflow; a failing or rejected query gives *QueryFailedError.
	QueryWorkflow(ctx context.Context, workflowID string, runID string, queryType string, args ...interface{}) (EncodedValue, error)
	// UpdateWorkflow sends an update and returns its handle once the update reached
	// options.WaitForStage (required: WorkflowUpdateStageAccepted or
	// WorkflowUpdateStageCompleted). A rejected or failed update is not this call's error: the
	// handle's Get returns it as *UpdateFailedError.
	UpdateWorkflow(ctx context.Context, options UpdateWorkflowOptions) (WorkflowUpdateHandle, error)
	// GetWorkflowUpdateHandle returns a handle for an update by its IDs (one another process
	// may have started). It makes no call to the server; an unknown update is Get's NOT_FOUND.
	GetWorkflowUpdateHandle(options GetWorkflowUpdateHandleOptions) WorkflowUpdateHandle
	// UpdateWithStartWorkflow sends an update to a workflow, starting it first (with
	// options.StartWorkflowOperation, from NewWithStartWorkflowOperation) if it is not
	// running, in one request; the operation's Get gives the run.
	UpdateWithStartWorkflow(ctx context.Context, options UpdateWithStartWorkflowOptions) (WorkflowUpdateHandle, error)
	// CancelWorkflow requests the cancellation of a workflow.
	CancelWorkflow(ctx context.Context, workflowID string, runID string) error
	// TerminateWorkflow terminates a workflow; details are JSON-encoded.
	TerminateWorkflow(ctx context.Context, workflowID string, runID string, reason string, details ...interface{}) error
	// CancelWorkflowWithOptions is CancelWorkflow with a reason and a first execution run ID.
	CancelWorkflowWithOptions(ctx context.Context, options CancelWorkflowOptions) error
	// TerminateWorkflowWithOptions is TerminateWorkflow with a first execution run ID.
	TerminateWorkflowWithOptions(ctx context.Context, options TerminateWorkflowOptions) error
	// GetWorkflowHistory gets history events of a particular workflow, as the Go SDK's:
	// runID "" is the current run; isLongPoll: the iterator follows new events until the
	// workflow closes (each page a long poll of at most 65 s, or ctx's deadline); filterType
	// HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT returns only the close event. It makes no call
	// until HasNext; the pages are read with ctx. Payloads are as stored (not decoded by the
	// client's payload codecs).
	GetWorkflowHistory(ctx context.Context, workflowID string, runID string, isLongPoll bool, filterType enumspb.HistoryEventFilterType) HistoryEventIterator
	// ListClosedWorkflow gets closed workflow executions based on request filters (an empty
	// request Namespace: the client's).
	ListClosedWorkflow(ctx context.Context, request *workflowservice.ListClosedWorkflowExecutionsRequest) (*workflowservice.ListClosedWorkflowExecutionsResponse, error)
	// ListOpenWorkflow gets open workflow executions based on request filters.
	ListOpenWorkflow(ctx context.Context, request *workflowservice.ListOpenWorkflowExecutionsRequest) (*workflowservice.ListOpenWorkflowExecutionsResponse, error)
	// ListWorkflow gets one page of the workflow executions that match request.Query (a
	// visibility query; "" all); request.NextPageToken from the previous page's response.
	ListWorkflow(ctx context.Context, request *workflowservice.ListWorkflowExecutionsRequest) (*workflowservice.ListWorkflowExecutionsResponse, error)
	// ListArchivedWorkflow gets archived workflow executions based on query; an error when the
	// namespace has no visibility archival.
	ListArchivedWorkflow(ctx context.Context, request *workflowservice.ListArchivedWorkflowExecutionsRequest) (*workflowservice.ListArchivedWorkflowExecutionsResponse, error)
	// ScanWorkflow gets workflow executions based on query.
	//
	// Deprecated: Use ListWorkflow instead.
	ScanWorkflow(ctx context.Context, request *workflowservice.ScanWorkflowExecutionsRequest) (*workflowservice.ScanWorkflowExecutionsResponse, error) //lint:ignore SA1019 the server API was deprecated.
	// CountWorkflow gets the number of workflow executions that match request.Query (with
	// one group per value of a GROUP BY query).
	CountWorkflow(ctx context.Context, request *workflowservice.CountWorkflowExecutionsRequest) (*workflowservice.CountWorkflowExecutionsResponse, error)
	// GetSearchAttributes returns valid search attributes keys and value types.
	GetSearchAttributes(ctx context.Context) (*workflowservice.GetSearchAttributesResponse, error)
	// QueryWorkflowWithOptions queries a workflow execution with a reject condition and a
	// header: a rejected query is a response with QueryRejected set (no error); a query that
	// failed is a *QueryFailedError.
	QueryWorkflowWithOptions(ctx context.Context, request *QueryWorkflowWithOptionsRequest) (*QueryWorkflowWithOptionsResponse, error)
	// DescribeWorkflowExecution returns information about the specified workflow execution;
	// runID "" is the current run. (The Go SDK deprecates it for DescribeWorkflow, whose
	// RawResponse is this response.)
	DescribeWorkflowExecution(ctx context.Context, workflowID, runID string) (*workflowservice.DescribeWorkflowExecutionResponse, error)
	// DescribeWorkflow returns information about the specified workflow execution. The
	// response's RawResponse field contains the full server response.
	DescribeWorkflow(ctx context.Context, workflowID, runID string) (*WorkflowExecutionDescription, error)
	// DescribeTaskQueue returns information about the target task queue: the pollers that
	// polled it in the last few minutes.
	DescribeTaskQueue(ctx context.Context, taskqueue string, taskqueueType enumspb.TaskQueueType) (*workflowservice.DescribeTaskQueueResponse, error)
	// ResetWorkflowExecution resets an existing workflow execution to
	// WorkflowTaskFinishEventId (exclusive), terminating the current run. RequestId is
	// generated when empty.
	ResetWorkflowExecution(ctx context.Context, request *workflowservice.ResetWorkflowExecutionRequest) (*workflowservice.ResetWorkflowExecutionResponse, error)
	// CheckHealth performs a server health check using the gRPC health check API. If the
	// check fails, an error is returned.
	CheckHealth(ctx context.Context, request *CheckHealthRequest) (*CheckHealthResponse, error)
	// CompleteActivity completes an activity that returned activity.ErrResultPending, by its
	// task token: err nil completes it with result (JSON-encoded; nil: no result); a
	// *CanceledError (NewCanceledError(details...)) reports it canceled, which the server
	// accepts only once the workflow requested the cancellation; any other error fails it (a
	// *ApplicationError with its message, type, non-retryable flag and details; another error
	// with its message and its Go type's name as type). An activity no longer pending is a
	// NOT_FOUND *Error.
	CompleteActivity(ctx context.Context, taskToken []byte, result interface{}, err error) error
	// CompleteActivityByID is CompleteActivity by IDs: namespace "" is the client's, runID ""
	// the current run.
	CompleteActivityByID(ctx context.Context, namespace, workflowID, runID, activityID string, result interface{}, err error) error
	// RecordActivityHeartbeat records a heartbeat with progress details (JSON-encoded, one
	// payload each), which the activity's next attempt reads. It returns a *CanceledError
	// when the workflow requested the activity's cancellation, ErrActivityPaused or
	// ErrActivityReset when the server paused or reset it, and a NOT_FOUND *Error for an
	// activity no longer pending.
	RecordActivityHeartbeat(ctx context.Context, taskToken []byte, details ...interface{}) error
	// RecordActivityHeartbeatByID is RecordActivityHeartbeat by IDs (namespace and runID as in
	// CompleteActivityByID). As in the Go SDK, only a cancellation request is an error here.
	RecordActivityHeartbeatByID(ctx context.Context, namespace, workflowID, runID, activityID string, details ...interface{}) error
	// CompleteActivityWithOptions, CompleteActivityByIDWithOptions,
	// RecordActivityHeartbeatWithOptions and RecordActivityHeartbeatByIDWithOptions are the
	// calls above with their arguments in the Go SDK's option structs (activity_options.go).
	CompleteActivityWithOptions(ctx context.Context, opts CompleteActivityOptions) error
	CompleteActivityByIDWithOptions(ctx context.Context, opts CompleteActivityByIDOptions) error
	RecordActivityHeartbeatWithOptions(ctx context.Context, opts RecordActivityHeartbeatOptions) error
	RecordActivityHeartbeatByIDWithOptions(ctx context.Context, opts RecordActivityHeartbeatByIDOptions) error
	// SetAPIKey replaces the API key of the connected client without reconnecting (key
	// rotation): every later call sends "authorization: Bearer <apiKey>"; "" sends no
	// authorization header. Calls already sent keep their key; TLS stays as it was chosen at
	// connect. Not in the Go SDK, whose NewAPIKeyDynamicCredentials asks a callback for the
	// key on every call: here the new key is pushed when it changes
	// (temporal_client_set_api_key). A key that is not printable ASCII is refused with an
	// *Error (ErrInvalidArgument) that does not show it, and the previous key stays.
	SetAPIKey(apiKey string) error
	// SetGRPCMetadata replaces the extra gRPC metadata sent on every later call (what
	// Options.GRPCMetadata and the environment configuration set); nil or an empty map removes
	// it. Checked as at connect; on an error nothing changes. Not in the Go SDK
	// (temporal_client_set_grpc_metadata).
	SetGRPCMetadata(metadata map[string]string) error
	// WorkflowService provides access to the underlying gRPC service. This should only be used for advanced use cases
	// that cannot be accomplished via other Client methods. Unlike calls to other Client methods, calls directly to the
	// service are not configured with internal semantics such as automatic retries.
	//
	// Here each call is one temporal_raw_rpc_async through the client's connection (with the
	// library's retries for transient errors): ctx's deadline is its timeout (none: 10 s, so
	// give a long poll a deadline), canceling ctx cancels it, payloads go without the payload
	// codec. Its error is the binding's (*Error...) and carries the gRPC status:
	// status.Code(err), and errors.As to the go.temporal.io/api/serviceerror type.
	WorkflowService() workflowservice.WorkflowServiceClient
	// OperatorService creates a new operator service client with the same gRPC connection as this client.
	//
	// Its calls are made as WorkflowService's.
	OperatorService() operatorservice.OperatorServiceClient
	// ScheduleClient returns the client of schedules (create, list, and handles to describe,
	// update, trigger, pause, backfill and delete one), on this client's connection, as the
	// Go SDK's Client.ScheduleClient (schedule.go).
	ScheduleClient() ScheduleClient
	// Close frees the client. Runs obtained from it stay usable.
	Close()
}

// Version is the version of the loaded temporal-ffi library.
func Version() string { return C.GoString(C.temporal_version()) }

// bindingVersion is the library version this binding is written for: its major.minor.
const bindingVersion = "0.2"

// versionMismatch is checked by the first Dial: a library whose version this binding was not
// written for is refused with an error naming both versions.
var versionMismatch = sync.OnceValue(func() error { return checkVersion(Version()) })

// checkVersion compares a library version with bindingVersion: a 0.x library must have the
// same major and minor (0.x releases may break the ABI); from 1.0, the same major and at
// least the binding's minor.
func checkVersion(loaded string) error {
	wantMajor, wantMinor, _ := majorMinor(bindingVersion)
	major, minor, ok := majorMinor(loaded)
	if ok && major == wantMajor && (minor == wantMinor || (major > 0 && minor > wantMinor)) {
		return nil
	}
	want := bindingVersion + ".x"
	if wantMajor > 0 {
		want = fmt.Sprintf("%d.x with x >= %d", wantMajor, wantMinor)
	}
	return &Error{Code: ErrInvalidArgument, Message: fmt.Sprintf(
		"temporal-ffi: the Go binding is written for library version %s (%s), but the loaded libtemporal_ffi is version %q",
		bindingVersion, want, loaded)}
}

func majorMinor(version string) (major, minor int, ok bool) {
	parts := strings.SplitN(version, ".", 3)
	if len(parts) < 2 {
		return 0, 0, false
	}
	major, err1 := strconv.Atoi(parts[0])
	minor, err2 := strconv.Atoi(parts[1])
	return major, minor, err1 == nil && err2 == nil
}

type clientImpl struct {
	mu      sync.RWMutex // held (read) during every C call; Close takes it to free
	handle  *C.temporal_client
	cleanup runtime.Cleanup
	// namespace is the client's namespace (temporal_client_get_namespace), for the raw calls
	// that fill a request's empty namespace.
	namespace string
}

// NewClient connects to the server, as the Go SDK's client.Dial.
//
// The environment configuration (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_API_KEY,
// the TLS variables and the config file profile) is loaded as options.EnvConfig says; by
// default (EnvConfigAuto) when HostPort is empty, so a program written for the Go SDK with
// client.Options{} goes where TEMPORAL_ADDRESS says. Fields set in options win over what is
// loaded; with nothing set the address is localhost:7233, the Go SDK's default.
func NewClient(options Options) (Client, error) { return DialContext(context.Background(), options) }

// Dial is NewClient.
func Dial(options Options) (Client, error) { return DialContext(context.Background(), options) }

// DialContext is NewClient with a context, as the Go SDK's: the connect ends when ctx is
// canceled, or when ctx's deadline or options.ConnectTimeout (0: 10 s) passes, whichever
// comes first.
func DialContext(ctx context.Context, options Options) (Client, error) {
	return dial(ctx, options, false)
}

// NewLazyClient is the Go SDK's client.NewLazyClient: a client that dials nothing until its
// first call (temporal_client_options.lazy). Bad options are still refused here; an
// unreachable server is the first call's UNAVAILABLE error, and each later call dials again
// until one connects.
func NewLazyClient(options Options) (Client, error) {
	return dial(context.Background(), options, true)
}

func dial(ctx context.Context, options Options, lazy bool) (Client, error) {
	if err := versionMismatch(); err != nil {
		return nil, err
	}
	metadataJSON, err := metadataText(options.GRPCMetadata)
	if err != nil {
		return nil, err
	}
	apiKey := options.APIKey
	if options.Credentials != nil {
		if apiKey != "" {
			return nil, &Error{Code: ErrInvalidArgument, Message: "temporal-ffi: set Options.APIKey or Options.Credentials, not both"}
		}
		apiKey = options.Credentials.staticAPIKey()
	}
	codecs, err := payloadCodecs(options.DataConverter)
	if err != nil {
		return nil, err
	}
	conn := options.ConnectionOptions
	var handle *C.temporal_client
	err = await(ctx, func(co callOptions, call callOut) error {
		var copts C.temporal_client_options
		C.temporal_client_options_default(&copts, C.size_t(unsafe.Sizeof(copts)))
		var cs cstrings
		defer cs.free()
		copts.address = cs.str(options.HostPort)
		copts.namespace_name = cs.str(options.Namespace)
		copts.identity = cs.str(options.Identity)
		copts.api_key = cs.str(apiKey)
		if t := options.TLS; t != nil {
			copts.tls = true
			copts.tls_server_ca_cert_pem = cs.str(string(t.ServerCACertPEM))
			copts.tls_client_cert_pem = cs.str(string(t.ClientCertPEM))
			copts.tls_client_key_pem = cs.str(string(t.ClientKeyPEM))
			copts.tls_server_name = cs.str(t.ServerName)
			copts.tls_disable_host_verification = C.bool(t.DisableHostVerification)
		}
		copts.grpc_metadata_json = cs.str(metadataJSON)
		copts.connect_timeout_ms = durationMS(options.ConnectTimeout)
		copts.envconfig = C.int32_t(options.EnvConfig)
		copts.envconfig_profile = cs.str(options.EnvConfigProfile)
		copts.envconfig_file = cs.str(options.EnvConfigFile)
		copts.grpc_compression = C.int32_t(options.GrpcCompression)
		copts.lazy = C.bool(lazy)
		if options.MetricsHandler != nil {
			// C memory: the options struct points to it (cgo forbids Go pointers there).
			meter := (*C.temporal_host_meter)(C.malloc(C.sizeof_temporal_host_meter))
			defer C.free(unsafe.Pointer(meter))
			newHostMeter(options.MetricsHandler, meter)
			copts.metrics_host_meter = meter
		}
		copts.keep_alive_interval_ms = durationMS(conn.KeepAliveTime)
		copts.keep_alive_timeout_ms = durationMS(conn.KeepAliveTimeout)
		copts.keep_alive_disabled = C.bool(conn.DisableKeepAliveCheck)
		if p := conn.HTTPConnectProxy; p != nil {
			copts.proxy_address = cs.str(p.Address)
			copts.proxy_basic_auth_user = cs.str(p.BasicAuthUser)
			copts.proxy_basic_auth_password = cs.str(p.BasicAuthPassword)
		}
		var codec *codecBridge
		if len(codecs) > 0 {
			// Made here, not before await: a ctx already done never starts the connect.
			table := (*C.temporal_payload_codec)(cs.alloc(C.sizeof_temporal_payload_codec))
			codec = newCodecBridge(codecs, table)
			copts.payload_codec = table
		}
		err := takeError(C.temporal_client_connect_async(&copts, co, call))
		if err != nil && codec != nil {
			codec.connectRefused()
		}
		return err
	}, func(call *C.temporal_call) { handle = C.temporal_call_take_client(call) })
	if err != nil {
		return nil, err
	}
	return newClient(handle)
}

// newClient owns handle, the client a connect or NewClientFromExisting made.
func newClient(handle *C.temporal_client) (Client, error) {
	if handle == nil {
		return nil, missingOutput("client")
	}
	// The library knows the namespace whichever way it was chosen (options, the environment
	// configuration or the default).
	ns := C.temporal_client_get_namespace(handle)
	c := &clientImpl{handle: handle, namespace: C.GoString(ns)}
	C.temporal_string_free(ns)
	// A client dropped without Close is freed by the garbage collector.
	c.cleanup = runtime.AddCleanup(c, func(h *C.temporal_client) { C.temporal_client_free(h) }, handle)
	return c, nil
}

// NewClientFromExisting is the Go SDK's client.NewClientFromExisting: a client on the
// connection of existing (a Client from this package) for options.Namespace and
// options.Identity (empty: "default" and "pid@hostname@", as for a new client). It makes no
// call to the server. Only those two fields are used: the connection is existing's, so the
// connection fields of options (HostPort, TLS, ConnectionOptions...) and DataConverter must be
// zero. The two clients share what is set on the connection: SetAPIKey or SetGRPCMetadata on
// one applies to both, and existing's payload codecs (Options.DataConverter) apply to both.
// Close each; the connection closes with the last one (temporal_client_new_from_existing).
func NewClientFromExisting(existing Client, options Options) (Client, error) {
	e, ok := existing.(*clientImpl)
	if !ok || e == nil {
		return nil, &Error{Code: ErrInvalidArgument, Message: "temporal-ffi: NewClientFromExisting needs a Client of this package"}
	}
	rest := options
	rest.Namespace, rest.Identity = "", ""
	if !reflect.ValueOf(rest).IsZero() {
		return nil, &Error{Code: ErrInvalidArgument, Message: "temporal-ffi: NewClientFromExisting uses only Options.Namespace and Options.Identity (the connection is the existing client's)"}
	}
	var handle *C.temporal_client
	err := e.withHandle(func(h *C.temporal_client, cs *cstrings) *C.temporal_error {
		return C.temporal_client_new_from_existing(h, cs.str(options.Namespace), cs.str(options.Identity), &handle)
	})
	if err != nil {
		return nil, err
	}
	return newClient(handle)
}

func (c *clientImpl) Close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.handle == nil {
		return
	}
	c.cleanup.Stop()
	C.temporal_client_free(c.handle)
	c.handle = nil
}

// metadataText is gRPC metadata as the library takes it: a JSON object ("" for none).
func metadataText(metadata map[string]string) (string, error) {
	if len(metadata) == 0 {
		return "", nil
	}
	b, err := json.Marshal(metadata)
	return string(b), err
}

func (c *clientImpl) SetAPIKey(apiKey string) error {
	return c.withHandle(func(h *C.temporal_client, cs *cstrings) *C.temporal_error {
		return C.temporal_client_set_api_key(h, cs.str(apiKey))
	})
}

func (c *clientImpl) SetGRPCMetadata(metadata map[string]string) error {
	text, err := metadataText(metadata)
	if err != nil {
		return err
	}
	return c.withHandle(func(h *C.temporal_client, cs *cstrings) *C.temporal_error {
		return C.temporal_client_set_grpc_metadata(h, cs.str(text))
	})
}

var errClosed = &Error{Code: ErrInvalidArgument, Message: "temporal-ffi: the client is closed"}

// missingOutput is the error of a call that succeeded without the output it promises (a
// library bug), rather than a nil handle.
func missingOutput(what string) error {
	return &Error{Code: ErrInternal, Message: "temporal-ffi: the completed call has no " + what}
}

func (c *clientImpl) ExecuteWorkflow(ctx context.Context, options StartWorkflowOptions, workflow interface{}, args ...interface{}) (WorkflowRun, error) {
	name, err := workflowName(workflow)
	if err != nil {
		return nil, err
	}
	argsJSON, err := encodeArgs(args)
	if err != nil {
		return nil, err
	}
	so, err := prepareStartOptions(options)
	if err != nil {
		return nil, err
	}
	var run *C.temporal_workflow_run
	err = c.do(ctx, func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
		var o C.temporal_start_workflow_options
		so.fill(&o, cs)
		return C.temporal_execute_workflow_async(h, cs.str(name), cs.str(argsJSON), &o, co, call)
	}, takeRun(&run))
	if err != nil {
		return nil, err
	}
	if run == nil {
		return nil, missingOutput("run")
	}
	return newRun(run, nil), nil
}

// takeRun reads the run of a completed start into *run (owned by the caller).
func takeRun(run **C.temporal_workflow_run) func(*C.temporal_call) {
	return func(call *C.temporal_call) { *run = C.temporal_call_take_run(call) }
}

// readJSON reads the JSON result of a completed call into *s.
func readJSON(s *string) func(*C.temporal_call) {
	return func(call *C.temporal_call) { *s = C.GoString(C.temporal_call_get_json(call)) }
}

// startOptions is StartWorkflowOptions with its JSON fields encoded.
type startOptions struct {
	StartWorkflowOptions
	memoJSON, saJSON, nonRetryable string
	typedSA                        []typedSearchAttribute
}

// typedSearchAttribute is one of TypedSearchAttributes as temporal_search_attribute takes it.
type typedSearchAttribute struct {
	name      string
	valueType int32
	valueJSON string
}

// encodeTypedSearchAttributes gives the values the Go SDK would send: JSON as its default
// converter writes it (a time.Time in RFC 3339), without the unset ones and without empty
// keyword lists (which the Go SDK sends as null, and then drops from a start).
func encodeTypedSearchAttributes(sa temporal.SearchAttributes) ([]typedSearchAttribute, error) {
	values := sa.GetUntypedValues()
	out := make([]typedSearchAttribute, 0, len(values))
	for key, value := range values {
		if list, ok := value.([]string); ok && len(list) == 0 {
			continue
		}
		b, err := json.Marshal(value)
		if err != nil {
			return nil, fmt.Errorf("temporal-ffi: encode search attribute [%s] error: %w", key.GetName(), err)
		}
		out = append(out, typedSearchAttribute{name: key.GetName(), valueType: int32(key.GetValueType()), valueJSON: string(b)})
	}
	// One order for a given set: the library's messages name the first bad one.
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out, nil
}

func prepareStartOptions(options StartWorkflowOptions) (*startOptions, error) {
	so := &startOptions{StartWorkflowOptions: options}
	if len(options.Memo) > 0 {
		b, err := json.Marshal(options.Memo)
		if err != nil {
			return nil, fmt.Errorf("temporal-ffi: encoding the memo: %w", err)
		}
		so.memoJSON = string(b)
	}
	if options.SearchAttributes != nil && options.TypedSearchAttributes.Size() != 0 {
		// The Go SDK's SerializeSearchAttributes refuses the two together.
		return nil, &Error{Code: ErrInvalidArgument, Message: "temporal-ffi: cannot specify both SearchAttributes and TypedSearchAttributes"}
	}
	if options.TypedSearchAttributes.Size() != 0 {
		typed, err := encodeTypedSearchAttributes(options.TypedSearchAttributes)
		if err != nil {
			return nil, err
		}
		so.typedSA = typed
	}
	if len(options.SearchAttributes) > 0 {
		b, err := json.Marshal(options.SearchAttributes)
		if err != nil {
			return nil, fmt.Errorf("temporal-ffi: encoding the search attributes: %w", err)
		}
		so.saJSON = string(b)
	}
	if rp := options.RetryPolicy; rp != nil && len(rp.NonRetryableErrorTypes) > 0 {
		b, _ := json.Marshal(rp.NonRetryableErrorTypes)
		so.nonRetryable = string(b)
	}
	return so, nil
}

// fill sets o (initialised here) from so; the C memory it allocates is in cs.
func (so *startOptions) fill(o *C.temporal_start_workflow_options, cs *cstrings) {
	options := &so.StartWorkflowOptions
	C.temporal_start_workflow_options_default(o, C.size_t(unsafe.Sizeof(*o)))
	o.id = cs.str(options.ID)
	o.task_queue = cs.str(options.TaskQueue)
	o.execution_timeout_ms = durationMS(options.WorkflowExecutionTimeout)
	o.run_timeout_ms = durationMS(options.WorkflowRunTimeout)
	o.task_timeout_ms = durationMS(options.WorkflowTaskTimeout)
	o.id_reuse_policy = C.int32_t(options.WorkflowIDReusePolicy)
	o.id_conflict_policy = C.int32_t(options.WorkflowIDConflictPolicy)
	o.error_when_already_started = C.bool(options.WorkflowExecutionErrorWhenAlreadyStarted)
	if rp := options.RetryPolicy; rp != nil {
		// C memory: a Go struct passed to C must not point to Go memory.
		p := (*C.temporal_retry_policy)(cs.alloc(C.size_t(unsafe.Sizeof(C.temporal_retry_policy{}))))
		C.temporal_retry_policy_default(p, C.size_t(unsafe.Sizeof(*p)))
		p.initial_interval_ms = durationMS(rp.InitialInterval)
		p.backoff_coefficient = C.double(rp.BackoffCoefficient)
		p.maximum_interval_ms = durationMS(rp.MaximumInterval)
		p.maximum_attempts = C.int32_t(rp.MaximumAttempts)
		p.non_retryable_error_types_json = cs.str(so.nonRetryable)
		o.retry_policy = p
	}
	o.cron_schedule = cs.str(options.CronSchedule)
	o.memo_json = cs.str(so.memoJSON)
	o.search_attributes_json = cs.str(so.saJSON)
	o.start_delay_ms = durationMS(options.StartDelay)
	o.static_summary = cs.str(options.StaticSummary)
	o.static_details = cs.str(options.StaticDetails)
	if options.Priority.PriorityKey > math.MaxInt32 {
		// Refused by the library as out of range, not wrapped into another priority.
		o.priority_key = -1
	} else {
		o.priority_key = C.int32_t(options.Priority.PriorityKey)
	}
	o.fairness_key = cs.str(options.Priority.FairnessKey)
	o.fairness_weight = C.float(options.Priority.FairnessWeight)
	if n := len(so.typedSA); n > 0 {
		// C memory, as the retry policy.
		size := C.size_t(unsafe.Sizeof(C.temporal_search_attribute{}))
		array := unsafe.Slice((*C.temporal_search_attribute)(cs.alloc(size*C.size_t(n))), n)
		for i, a := range so.typedSA {
			array[i].name = cs.str(a.name)
			array[i]._type = C.int32_t(a.valueType)
			array[i].value_json = cs.str(a.valueJSON)
		}
		o.typed_search_attributes = &array[0]
		o.typed_search_attributes_len = C.size_t(n)
	}
	switch v := options.VersioningOverride.(type) {
	case *PinnedVersioningOverride:
		o.versioning_behavior = C.int32_t(v.versioningBehavior())
		o.versioning_deployment_name = cs.str(v.Version.DeploymentName)
		o.versioning_build_id = cs.str(v.Version.BuildID)
	case *AutoUpgradeVersioningOverride:
		o.versioning_behavior = C.int32_t(v.versioningBehavior())
	}
}

func (c *clientImpl) GetWorkflow(ctx context.Context, workflowID string, runID string) WorkflowRun {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if c.handle == nil {
		return &errorRun{id: workflowID, runID: runID, err: errClosed}
	}
	var cs cstrings
	defer cs.free()
	var h *C.temporal_workflow_run
	if cerr := C.temporal_get_workflow(c.handle, cs.str(workflowID), cs.str(runID), &h); cerr != nil {
		// The Go SDK's GetWorkflow cannot fail; the error surfaces from Get.
		return &errorRun{id: workflowID, runID: runID, err: takeError(cerr)}
	}
	if runID == "" {
		return newRun(h, ctx)
	}
	return newRun(h, nil)
}

// WorkflowRun is the Go SDK's client.WorkflowRun. It is safe for concurrent use; its
// native handle is freed when the WorkflowRun is garbage collected.
type WorkflowRun interface {
	GetID() string
	// GetRunID is the Run ID. For a run from GetWorkflow without a Run ID it is resolved
	// once, as the Go SDK does: the first call (unless a Get already pinned the run) asks the
	// server for the current run, with GetWorkflow's ctx, and blocks for that request; if
	// the server cannot say, it is "".
	GetRunID() string
	// Get waits for the workflow to close and decodes its result into valuePtr with
	// encoding/json (valuePtr nil: the result is ignored). A workflow that did not
	// complete gives a *WorkflowExecutionError.
	//
	// ctx: a deadline becomes the native wait's timeout; when ctx is done, the native
	// wait is canceled and Get returns a CANCELED or DEADLINE_EXCEEDED *Error (the workflow
	// is not affected).
	Get(ctx context.Context, valuePtr interface{}) error
}

type runImpl struct {
	handle *C.temporal_workflow_run
	id     string
	// resolveCtx is GetWorkflow's ctx for a run it made without a Run ID, which GetRunID
	// resolves with (as the Go SDK describes the workflow with it); nil for other runs.
	resolveCtx context.Context
}

func newRun(h *C.temporal_workflow_run, resolveCtx context.Context) *runImpl {
	r := &runImpl{handle: h, id: C.GoString(C.temporal_workflow_run_get_id(h)), resolveCtx: resolveCtx}
	// Every method keeps r reachable until its C call returns (runtime.KeepAlive), so the
	// handle is never freed while a call uses it.
	runtime.AddCleanup(r, func(h *C.temporal_workflow_run) { C.temporal_workflow_run_free(h) }, h)
	return r
}

func (r *runImpl) GetID() string { return r.id }

func (r *runImpl) GetRunID() string {
	id := r.knownRunID()
	if id == "" && r.resolveCtx != nil {
		// The library asks the server once; later calls complete at once. As in the Go SDK,
		// a failure leaves the Run ID "".
		_ = await(r.resolveCtx, func(co callOptions, call callOut) error {
			return takeError(C.temporal_workflow_run_resolve_run_id_async(r.handle, co, call))
		}, nil)
		id = r.knownRunID()
	}
	runtime.KeepAlive(r)
	return id
}

// knownRunID is the Run ID the library has, never blocking.
func (r *runImpl) knownRunID() string {
	// Borrowed string, valid while the run lives; copied before r may be collected.
	s := C.GoString(C.temporal_workflow_run_get_run_id(r.handle))
	runtime.KeepAlive(r)
	return s
}

func (r *runImpl) Get(ctx context.Context, valuePtr interface{}) error {
	err := getResultInto(ctx, valuePtr, "workflow", func(co callOptions, call callOut) error {
		return takeError(C.temporal_get_result_async(r.handle, co, call))
	})
	runtime.KeepAlive(r)
	return err
}

// getResultInto is the Get of a WorkflowRun and of a WorkflowUpdateHandle: it runs the call
// that waits for the result and JSON-decodes that result into valuePtr (nil: ignored; a
// non-pointer is refused before any call). `what` names the result in a decoding error.
func getResultInto(ctx context.Context, valuePtr interface{}, what string, start startCall) error {
	if valuePtr != nil && reflect.ValueOf(valuePtr).Kind() != reflect.Pointer {
		return errors.New("value parameter is not a pointer")
	}
	var result string
	if err := await(ctx, start, readJSON(&result)); err != nil || valuePtr == nil {
		return err
	}
	if err := json.Unmarshal([]byte(result), valuePtr); err != nil {
		return fmt.Errorf("temporal-ffi: decoding the %s result: %w", what, err)
	}
	return nil
}

// errorRun is what GetWorkflow returns when the library refused the arguments.
type errorRun struct {
	id, runID string
	err       error
}

func (r *errorRun) GetID() string                                       { return r.id }
func (r *errorRun) GetRunID() string                                    { return r.runID }
func (r *errorRun) Get(ctx context.Context, valuePtr interface{}) error { return r.err }

// takeError converts a library error that the caller owns to a Go error and frees it;
// nil for NULL.
func takeError(cerr *C.temporal_error) error {
	if cerr == nil {
		return nil
	}
	defer C.temporal_error_free(cerr)
	return convertError(cerr)
}

// convertError converts a library error to a Go error; cerr is not freed (it may be
// borrowed from a call).
func convertError(cerr *C.temporal_error) error {
	code := ErrorCode(C.temporal_error_get_code(cerr))
	msg := C.GoString(C.temporal_error_get_message(cerr))
	var details string
	if d := C.temporal_error_get_details(cerr); d != nil {
		details = C.GoString(d)
	}
	return newError(code, msg, details)
}

// cstrings allocates C strings for one call and frees them all afterwards.
type cstrings []*C.char

// str returns a C copy of s, or NULL for "" ("not set" for the library).
func (cs *cstrings) str(s string) *C.char {
	if s == "" {
		return nil
	}
	p := C.CString(s)
	*cs = append(*cs, p)
	return p
}

// alloc returns zeroed C memory freed with the strings.
func (cs *cstrings) alloc(size C.size_t) unsafe.Pointer {
	p := C.calloc(1, size)
	*cs = append(*cs, (*C.char)(p))
	return p
}

func (cs *cstrings) free() {
	for _, p := range *cs {
		C.free(unsafe.Pointer(p))
	}
	*cs = nil
}

func durationMS(d time.Duration) C.uint64_t {
	if d <= 0 {
		return 0
	}
	return C.uint64_t((d + time.Millisecond - 1) / time.Millisecond)
}

// workflowName is the workflow type: a string as is, or a function's name as the Go SDK
// computes it (the last element of its qualified name, without a method value's "-fm").
func workflowName(workflow interface{}) (string, error) {
	switch w := workflow.(type) {
	case string:
		if w == "" {
			return "", errors.New("temporal-ffi: empty workflow type name")
		}
		return w, nil
	case nil:
		return "", errors.New("temporal-ffi: workflow is nil")
	}
	v := reflect.ValueOf(workflow)
	if v.Kind() != reflect.Func {
		return "", fmt.Errorf("temporal-ffi: workflow must be a function or a string, not %T", workflow)
	}
	full := runtime.FuncForPC(v.Pointer()).Name()
	elements := strings.Split(full, ".")
	return strings.TrimSuffix(elements[len(elements)-1], "-fm"), nil
}

// encodeArgs JSON-encodes each argument, as the Go SDK's default converter writes
// json/plain payloads, into one JSON array.
func encodeArgs(args []interface{}) (string, error) {
	if len(args) == 0 {
		return "", nil
	}
	items := make([]json.RawMessage, len(args))
	for i, a := range args {
		b, err := json.Marshal(a)
		if err != nil {
			return "", fmt.Errorf("temporal-ffi: encoding workflow argument %d: %w", i, err)
		}
		items[i] = b
	}
	b, err := json.Marshal(items)
	return string(b), err
}
