package main

import (
	"context"
	"encoding/hex"
	"errors"
	"time"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// Async activity completion (the client's CompleteActivity, CompleteActivityByID,
// RecordActivityHeartbeat, RecordActivityHeartbeatByID): AsyncActivity runs PendingActivity,
// which publishes its task token and IDs to its workflow and returns activity.ErrResultPending,
// so that a test completes, fails, cancels or heartbeats it from outside this worker.

// AsyncActivityInput is AsyncActivity's argument.
type AsyncActivityInput struct {
	// ActivityID is the activity's ID; "" means "async".
	ActivityID string `json:"activity_id"`
	// MaxAttempts bounds the activity's attempts (100 ms apart); 0 means 1, no retries.
	MaxAttempts int32 `json:"max_attempts"`
}

// PendingPayload is one heartbeat detail as the activity received it.
type PendingPayload struct {
	Encoding string `json:"encoding"`
	Data     string `json:"data"`
}

// PendingActivityInfo is what PendingActivity publishes at each attempt, and what the
// workflow's "activity_started" query returns (null until the first attempt published).
type PendingActivityInfo struct {
	// TaskToken is activity.GetInfo(ctx).TaskToken, in hex.
	TaskToken  string `json:"task_token"`
	WorkflowID string `json:"workflow_id"`
	RunID      string `json:"run_id"`
	ActivityID string `json:"activity_id"`
	Attempt    int32  `json:"attempt"`
	// HeartbeatDetails are the details of the last heartbeat of an earlier attempt, decoded
	// (null if there were none), and HeartbeatPayloads the same payloads as received.
	HeartbeatDetails  []interface{}    `json:"heartbeat_details"`
	HeartbeatPayloads []PendingPayload `json:"heartbeat_payloads"`
}

// AsyncActivities holds the client PendingActivity publishes its task token with.
type AsyncActivities struct {
	Client client.Client
}

// maxDetails is how many heartbeat or cancellation details the test programs send at most.
const maxDetails = 8

// decodeRaw decodes the payloads FromPayloads put into raws, up to the first one left empty.
func decodeRaw(raws []converter.RawValue) ([]interface{}, []PendingPayload, error) {
	var values []interface{}
	var payloads []PendingPayload
	for _, raw := range raws {
		p := raw.Payload()
		if p == nil {
			break
		}
		var v interface{}
		if err := converter.GetDefaultDataConverter().FromPayload(p, &v); err != nil {
			return nil, nil, err
		}
		values = append(values, v)
		payloads = append(payloads, PendingPayload{Encoding: string(p.GetMetadata()[converter.MetadataEncoding]), Data: string(p.GetData())})
	}
	return values, payloads, nil
}

// rawPointers is a slice of pointers into raws, for the variadic Get functions.
func rawPointers(raws []converter.RawValue) []interface{} {
	ptrs := make([]interface{}, len(raws))
	for i := range raws {
		ptrs[i] = &raws[i]
	}
	return ptrs
}

// PendingActivity publishes its task token, IDs, attempt and the previous attempt's heartbeat
// details to its workflow (signal "activity_started"), then leaves itself pending.
func (a *AsyncActivities) PendingActivity(ctx context.Context) (interface{}, error) {
	info := activity.GetInfo(ctx)
	published := PendingActivityInfo{
		TaskToken:  hex.EncodeToString(info.TaskToken),
		WorkflowID: info.WorkflowExecution.ID,
		RunID:      info.WorkflowExecution.RunID,
		ActivityID: info.ActivityID,
		Attempt:    info.Attempt,
	}
	if activity.HasHeartbeatDetails(ctx) {
		raws := make([]converter.RawValue, maxDetails)
		if err := activity.GetHeartbeatDetails(ctx, rawPointers(raws)...); err != nil {
			return nil, err
		}
		values, payloads, err := decodeRaw(raws)
		if err != nil {
			return nil, err
		}
		published.HeartbeatDetails, published.HeartbeatPayloads = values, payloads
	}
	if err := a.Client.SignalWorkflow(ctx, info.WorkflowExecution.ID, info.WorkflowExecution.RunID, "activity_started", published); err != nil {
		return nil, err
	}
	return nil, activity.ErrResultPending
}

// AsyncActivity runs PendingActivity and returns what it was completed with: its result (the
// payload as the completing client sent it), its failure as the workflow's error, or, when it
// was reported canceled, {"canceled": true, "details": [...]}. Query "activity_started": the
// latest PendingActivityInfo. Signal "cancel_activity": requests the activity's cancellation
// (the workflow waits until the activity reports it).
func AsyncActivity(ctx workflow.Context, in AsyncActivityInput) (converter.RawValue, error) {
	var started *PendingActivityInfo
	if err := workflow.SetQueryHandler(ctx, "activity_started", func() (*PendingActivityInfo, error) { return started, nil }); err != nil {
		return converter.RawValue{}, err
	}
	if in.ActivityID == "" {
		in.ActivityID = "async"
	}
	if in.MaxAttempts == 0 {
		in.MaxAttempts = 1
	}
	activityCtx, cancelActivity := workflow.WithCancel(ctx)
	activityCtx = workflow.WithActivityOptions(activityCtx, workflow.ActivityOptions{
		ActivityID:          in.ActivityID,
		StartToCloseTimeout: 10 * time.Minute,
		WaitForCancellation: true,
		RetryPolicy:         &temporal.RetryPolicy{InitialInterval: 100 * time.Millisecond, MaximumAttempts: in.MaxAttempts},
	})
	future := workflow.ExecuteActivity(activityCtx, "PendingActivity")
	startedCh := workflow.GetSignalChannel(ctx, "activity_started")
	cancelCh := workflow.GetSignalChannel(ctx, "cancel_activity")
	var result converter.RawValue
	var activityErr error
	for done := false; !done; {
		selector := workflow.NewSelector(ctx)
		selector.AddFuture(future, func(f workflow.Future) {
			activityErr = f.Get(ctx, &result)
			done = true
		})
		selector.AddReceive(startedCh, func(c workflow.ReceiveChannel, _ bool) {
			var info PendingActivityInfo
			c.Receive(ctx, &info)
			started = &info
		})
		selector.AddReceive(cancelCh, func(c workflow.ReceiveChannel, _ bool) {
			c.Receive(ctx, nil)
			cancelActivity()
		})
		selector.Select(ctx)
	}
	var canceled *temporal.CanceledError
	if errors.As(activityErr, &canceled) {
		raws := make([]converter.RawValue, maxDetails)
		if canceled.HasDetails() {
			if err := canceled.Details(rawPointers(raws)...); err != nil {
				return converter.RawValue{}, err
			}
		}
		values, _, err := decodeRaw(raws)
		if err != nil {
			return converter.RawValue{}, err
		}
		payload, err := converter.GetDefaultDataConverter().ToPayload(map[string]interface{}{"canceled": true, "details": values})
		if err != nil {
			return converter.RawValue{}, err
		}
		return converter.NewRawValue(payload), nil
	}
	if activityErr != nil {
		return converter.RawValue{}, activityErr
	}
	if result.Payload() == nil {
		// Completed with no result: the workflow returns null.
		payload, err := converter.GetDefaultDataConverter().ToPayload(nil)
		if err != nil {
			return converter.RawValue{}, err
		}
		return converter.NewRawValue(payload), nil
	}
	return result, nil
}
