package client

import (
	"context"

	"github.com/temporal-ffi/temporal-ffi/bindings/go/converter"
)

// The Go SDK's *WithOptions forms of async activity completion and heartbeat (v1.51). Their
// extra fields (ActivityType, WorkflowType, TaskQueue, the Nexus context) feed only a
// context-aware data converter, which this binding does not take (Options.DataConverter is a
// codec converter), so they change nothing here, as in the Go SDK with such a converter; the
// calls are the plain ones.

// CompleteActivityOptions is the Go SDK's client.CompleteActivityOptions.
type CompleteActivityOptions struct {
	// TaskToken identifies the activity task to complete (required).
	TaskToken []byte
	// Result completes the activity as successful with this value.
	Result any
	// Err completes the activity as failed or canceled; it takes precedence over Result.
	Err error
	// Namespace is for the serialization context only (the client's namespace is used).
	Namespace string
	// WorkflowID, ActivityType, WorkflowType and TaskQueue are for the serialization context.
	WorkflowID   string
	ActivityType string
	WorkflowType string
	TaskQueue    string
	// NexusSerializationContext is for a context-aware converter.
	NexusSerializationContext *converter.NexusSerializationContext
}

// CompleteActivityByIDOptions is the Go SDK's client.CompleteActivityByIDOptions.
type CompleteActivityByIDOptions struct {
	// Namespace of the workflow ("" is the client's, as in CompleteActivityByID).
	Namespace string
	// WorkflowID (required), RunID ("" the current run) and ActivityID (required).
	WorkflowID string
	RunID      string
	ActivityID string
	// Result and Err as in CompleteActivityOptions.
	Result any
	Err    error
	// ActivityType, WorkflowType and TaskQueue are for the serialization context.
	ActivityType string
	WorkflowType string
	TaskQueue    string
}

// RecordActivityHeartbeatOptions is the Go SDK's client.RecordActivityHeartbeatOptions.
type RecordActivityHeartbeatOptions struct {
	// TaskToken identifies the activity task (required).
	TaskToken []byte
	// Details is the progress recorded with the heartbeat.
	Details []any
	// Namespace, WorkflowID, ActivityType, WorkflowType and TaskQueue are for the
	// serialization context.
	Namespace    string
	WorkflowID   string
	ActivityType string
	WorkflowType string
	TaskQueue    string
	// NexusSerializationContext is for a context-aware converter.
	NexusSerializationContext *converter.NexusSerializationContext
}

// RecordActivityHeartbeatByIDOptions is the Go SDK's client.RecordActivityHeartbeatByIDOptions.
type RecordActivityHeartbeatByIDOptions struct {
	// Namespace, WorkflowID, RunID and ActivityID as in RecordActivityHeartbeatByID.
	Namespace  string
	WorkflowID string
	RunID      string
	ActivityID string
	// Details is the progress recorded with the heartbeat.
	Details []any
	// ActivityType, WorkflowType and TaskQueue are for the serialization context.
	ActivityType string
	WorkflowType string
	TaskQueue    string
}

// CompleteActivityWithOptions is CompleteActivity with its arguments in a struct.
func (c *clientImpl) CompleteActivityWithOptions(ctx context.Context, opts CompleteActivityOptions) error {
	return c.CompleteActivity(ctx, opts.TaskToken, opts.Result, opts.Err)
}

// CompleteActivityByIDWithOptions is CompleteActivityByID with its arguments in a struct.
func (c *clientImpl) CompleteActivityByIDWithOptions(ctx context.Context, opts CompleteActivityByIDOptions) error {
	return c.CompleteActivityByID(ctx, opts.Namespace, opts.WorkflowID, opts.RunID, opts.ActivityID, opts.Result, opts.Err)
}

// RecordActivityHeartbeatWithOptions is RecordActivityHeartbeat with its arguments in a struct.
func (c *clientImpl) RecordActivityHeartbeatWithOptions(ctx context.Context, opts RecordActivityHeartbeatOptions) error {
	return c.RecordActivityHeartbeat(ctx, opts.TaskToken, opts.Details...)
}

// RecordActivityHeartbeatByIDWithOptions is RecordActivityHeartbeatByID with its arguments in
// a struct.
func (c *clientImpl) RecordActivityHeartbeatByIDWithOptions(ctx context.Context, opts RecordActivityHeartbeatByIDOptions) error {
	return c.RecordActivityHeartbeatByID(ctx, opts.Namespace, opts.WorkflowID, opts.RunID, opts.ActivityID, opts.Details...)
}
