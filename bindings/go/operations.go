package client

/*
#include <stdlib.h>
#include "temporal.h"
*/
import "C"

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"

	"time"
	"unsafe"
)

// The client operations beyond starting and waiting: signal, query, update, cancel,
// terminate, describe, list, count and history. Each is one native async call awaited by
// await (see async.go), so ctx cancels the native call.

type asyncCB = C.temporal_callback
type asyncCall = **C.temporal_call

func (c *clientImpl) SignalWorkflow(ctx context.Context, workflowID string, runID string, signalName string, arg interface{}) error {
	argsJSON, err := signalArgs(arg)
	if err != nil {
		return err
	}
	_, err = c.do(ctx, func(h *C.temporal_client, cs *cstrings, dl C.uint64_t, cb asyncCB, ud unsafe.Pointer, call asyncCall) *C.temporal_error {
		return C.temporal_signal_workflow_async(h, cs.str(workflowID), cs.str(runID), cs.str(signalName), cs.str(argsJSON), dl, cb, ud, call)
	})
	return err
}

// signalArgs encodes a signal's single argument (nil: none).
func signalArgs(arg interface{}) (string, error) {
	if arg == nil {
		return "", nil
	}
	return encodeArgs([]interface{}{arg})
}

func (c *clientImpl) SignalWithStartWorkflow(ctx context.Context, workflowID string, signalName string, signalArg interface{},
	options StartWorkflowOptions, workflow interface{}, workflowArgs ...interface{}) (WorkflowRun, error) {
	name, err := workflowName(workflow)
	if err != nil {
		return nil, err
	}
	sigJSON, err := signalArgs(signalArg)
	if err != nil {
		return nil, err
	}
	argsJSON, err := encodeArgs(workflowArgs)
	if err != nil {
		return nil, err
	}
	if options.ID == "" {
		options.ID = workflowID
	} else if workflowID != "" && workflowID != options.ID {
		return nil, &Error{Code: ErrInvalidArgument, Message: "temporal-ffi: workflowID and options.ID differ"}
	}
	so, err := prepareStartOptions(options)
	if err != nil {
		return nil, err
	}
	out, err := c.do(ctx, func(h *C.temporal_client, cs *cstrings, dl C.uint64_t, cb asyncCB, ud unsafe.Pointer, call asyncCall) *C.temporal_error {
		var o C.temporal_start_workflow_options
		so.fill(&o, cs)
		return C.temporal_signal_with_start_workflow_async(h, cs.str(signalName), cs.str(sigJSON), cs.str(name), cs.str(argsJSON), &o, dl, cb, ud, call)
	})
	if err != nil {
		return nil, err
	}
	return newRun(out.run), nil
}

// EncodedValue is the Go SDK's converter.EncodedValue: a JSON value decoded on demand.
type EncodedValue interface {
	// HasValue reports whether there is a value (JSON null is none).
	HasValue() bool
	// Get decodes the value into valuePtr with encoding/json.
	Get(valuePtr interface{}) error
}

type encodedValue struct{ raw string }

func (v encodedValue) HasValue() bool { return v.raw != "" && v.raw != "null" }

func (v encodedValue) Get(valuePtr interface{}) error {
	if !v.HasValue() {
		return fmt.Errorf("temporal-ffi: no value to decode")
	}
	if err := json.Unmarshal([]byte(v.raw), valuePtr); err != nil {
		return fmt.Errorf("temporal-ffi: decoding the value: %w", err)
	}
	return nil
}

func (c *clientImpl) QueryWorkflow(ctx context.Context, workflowID string, runID string, queryType string, args ...interface{}) (EncodedValue, error) {
	argsJSON, err := encodeArgs(args)
	if err != nil {
		return nil, err
	}
	out, err := c.do(ctx, func(h *C.temporal_client, cs *cstrings, dl C.uint64_t, cb asyncCB, ud unsafe.Pointer, call asyncCall) *C.temporal_error {
		return C.temporal_query_workflow_async(h, cs.str(workflowID), cs.str(runID), cs.str(queryType), cs.str(argsJSON), dl, cb, ud, call)
	})
	if err != nil {
		return nil, err
	}
	return encodedValue{out.json}, nil
}

// WorkflowUpdateStage is the Go SDK's client.WorkflowUpdateStage. Only
// WorkflowUpdateStageCompleted (or unset, which means it here) is supported.
type WorkflowUpdateStage int

const (
	WorkflowUpdateStageUnspecified WorkflowUpdateStage = 0
	WorkflowUpdateStageAdmitted    WorkflowUpdateStage = 1
	WorkflowUpdateStageAccepted    WorkflowUpdateStage = 2
	WorkflowUpdateStageCompleted   WorkflowUpdateStage = 3
)

// UpdateWorkflowOptions is the Go SDK's client.UpdateWorkflowOptions (supported fields).
type UpdateWorkflowOptions struct {
	// UpdateID; empty: a random UUID (available from the handle).
	UpdateID   string
	WorkflowID string
	// RunID; empty: the current run.
	RunID      string
	UpdateName string
	Args       []interface{}
	// WaitForStage must be WorkflowUpdateStageCompleted or unset.
	WaitForStage WorkflowUpdateStage
}

// WorkflowUpdateHandle is the Go SDK's client.WorkflowUpdateHandle, for an update that has
// already completed.
type WorkflowUpdateHandle interface {
	WorkflowID() string
	RunID() string
	UpdateID() string
	// Get decodes the update's result into valuePtr (nil: ignored), or returns its
	// failure: *UpdateFailedError, unwrapping to *ApplicationError etc.
	Get(ctx context.Context, valuePtr interface{}) error
}

type updateHandle struct {
	workflowID, runID, updateID string
	result                      string
	err                         error
}

func (h *updateHandle) WorkflowID() string { return h.workflowID }
func (h *updateHandle) RunID() string      { return h.runID }
func (h *updateHandle) UpdateID() string   { return h.updateID }

func (h *updateHandle) Get(ctx context.Context, valuePtr interface{}) error {
	if h.err != nil {
		return h.err
	}
	if valuePtr == nil {
		return nil
	}
	if err := json.Unmarshal([]byte(h.result), valuePtr); err != nil {
		return fmt.Errorf("temporal-ffi: decoding the update result: %w", err)
	}
	return nil
}

func (c *clientImpl) UpdateWorkflow(ctx context.Context, options UpdateWorkflowOptions) (WorkflowUpdateHandle, error) {
	if s := options.WaitForStage; s != WorkflowUpdateStageUnspecified && s != WorkflowUpdateStageCompleted {
		return nil, &Error{Code: ErrInvalidArgument, Message: "temporal-ffi: UpdateWorkflow supports only WaitForStage Completed"}
	}
	argsJSON, err := encodeArgs(options.Args)
	if err != nil {
		return nil, err
	}
	updateID := options.UpdateID
	if updateID == "" {
		updateID = newUUID()
	}
	out, err := c.do(ctx, func(h *C.temporal_client, cs *cstrings, dl C.uint64_t, cb asyncCB, ud unsafe.Pointer, call asyncCall) *C.temporal_error {
		return C.temporal_update_workflow_async(h, cs.str(options.WorkflowID), cs.str(options.RunID), cs.str(options.UpdateName),
			cs.str(updateID), cs.str(argsJSON), dl, cb, ud, call)
	})
	handle := &updateHandle{workflowID: options.WorkflowID, runID: options.RunID, updateID: updateID, result: out.json}
	if err != nil {
		if _, ok := err.(*UpdateFailedError); !ok {
			return nil, err
		}
		// As in the Go SDK, a rejected or failed update is the handle's outcome.
		handle.err = err
	}
	return handle, nil
}

func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

func (c *clientImpl) CancelWorkflow(ctx context.Context, workflowID string, runID string) error {
	_, err := c.do(ctx, func(h *C.temporal_client, cs *cstrings, dl C.uint64_t, cb asyncCB, ud unsafe.Pointer, call asyncCall) *C.temporal_error {
		return C.temporal_cancel_workflow_async(h, cs.str(workflowID), cs.str(runID), dl, cb, ud, call)
	})
	return err
}

func (c *clientImpl) TerminateWorkflow(ctx context.Context, workflowID string, runID string, reason string, details ...interface{}) error {
	detailsJSON, err := encodeArgs(details)
	if err != nil {
		return err
	}
	_, err = c.do(ctx, func(h *C.temporal_client, cs *cstrings, dl C.uint64_t, cb asyncCB, ud unsafe.Pointer, call asyncCall) *C.temporal_error {
		return C.temporal_terminate_workflow_async(h, cs.str(workflowID), cs.str(runID), cs.str(reason), cs.str(detailsJSON), dl, cb, ud, call)
	})
	return err
}

// WorkflowExecutionDescription describes one execution (DescribeWorkflowExecution, and each
// entry of ListWorkflow): a flattened form of the Go SDK's
// workflowservice.DescribeWorkflowExecutionResponse / WorkflowExecutionInfo.
type WorkflowExecutionDescription struct {
	WorkflowID   string `json:"workflow_id"`
	RunID        string `json:"run_id"`
	WorkflowType string `json:"workflow_type"`
	TaskQueue    string `json:"task_queue"`
	// Status as the proto names it without its prefix: "RUNNING", "COMPLETED", "FAILED",
	// "CANCELED", "TERMINATED", "CONTINUED_AS_NEW", "TIMED_OUT".
	Status        string     `json:"status"`
	StartTime     *time.Time `json:"start_time"`
	ExecutionTime *time.Time `json:"execution_time"`
	CloseTime     *time.Time `json:"close_time"`
	HistoryLength int64      `json:"history_length"`
	// Memo and SearchAttributes with each value decoded from its payload.
	Memo             map[string]interface{} `json:"memo"`
	SearchAttributes map[string]interface{} `json:"search_attributes"`
	// PendingActivities is the number of pending activities (DescribeWorkflowExecution only).
	PendingActivities int `json:"pending_activities"`
}

func (c *clientImpl) DescribeWorkflowExecution(ctx context.Context, workflowID, runID string) (*WorkflowExecutionDescription, error) {
	out, err := c.do(ctx, func(h *C.temporal_client, cs *cstrings, dl C.uint64_t, cb asyncCB, ud unsafe.Pointer, call asyncCall) *C.temporal_error {
		return C.temporal_describe_workflow_execution_async(h, cs.str(workflowID), cs.str(runID), dl, cb, ud, call)
	})
	if err != nil {
		return nil, err
	}
	var d WorkflowExecutionDescription
	if err := json.Unmarshal([]byte(out.json), &d); err != nil {
		return nil, fmt.Errorf("temporal-ffi: decoding the description: %w", err)
	}
	return &d, nil
}

// ListWorkflowRequest is the Go SDK's workflowservice.ListWorkflowExecutionsRequest
// (namespace: the client's).
type ListWorkflowRequest struct {
	// Query is a visibility query; empty: all executions.
	Query string
	// PageSize; 0: the server's default.
	PageSize int32
	// NextPageToken from the previous page; empty for the first page.
	NextPageToken []byte
}

// ListWorkflowResponse is one page of ListWorkflow.
type ListWorkflowResponse struct {
	Executions []*WorkflowExecutionDescription
	// NextPageToken is empty on the last page.
	NextPageToken []byte
}

func (c *clientImpl) ListWorkflow(ctx context.Context, request ListWorkflowRequest) (*ListWorkflowResponse, error) {
	out, err := c.do(ctx, func(h *C.temporal_client, cs *cstrings, dl C.uint64_t, cb asyncCB, ud unsafe.Pointer, call asyncCall) *C.temporal_error {
		return C.temporal_list_workflow_async(h, cs.str(request.Query), C.int32_t(request.PageSize), cs.str(string(request.NextPageToken)), dl, cb, ud, call)
	})
	if err != nil {
		return nil, err
	}
	var page struct {
		Executions    []*WorkflowExecutionDescription `json:"executions"`
		NextPageToken string                          `json:"next_page_token"`
	}
	if err := json.Unmarshal([]byte(out.json), &page); err != nil {
		return nil, fmt.Errorf("temporal-ffi: decoding the list: %w", err)
	}
	resp := &ListWorkflowResponse{Executions: page.Executions}
	if page.NextPageToken != "" {
		resp.NextPageToken = []byte(page.NextPageToken)
	}
	return resp, nil
}

// CountWorkflowRequest is the Go SDK's workflowservice.CountWorkflowExecutionsRequest.
type CountWorkflowRequest struct {
	// Query is a visibility query; empty: all executions.
	Query string
}

func (c *clientImpl) CountWorkflow(ctx context.Context, request CountWorkflowRequest) (int64, error) {
	out, err := c.do(ctx, func(h *C.temporal_client, cs *cstrings, dl C.uint64_t, cb asyncCB, ud unsafe.Pointer, call asyncCall) *C.temporal_error {
		return C.temporal_count_workflow_async(h, cs.str(request.Query), dl, cb, ud, call)
	})
	if err != nil {
		return 0, err
	}
	var n struct {
		Count int64 `json:"count"`
	}
	if err := json.Unmarshal([]byte(out.json), &n); err != nil {
		return 0, fmt.Errorf("temporal-ffi: decoding the count: %w", err)
	}
	return n.Count, nil
}

func (c *clientImpl) GetWorkflowHistory(ctx context.Context, workflowID string, runID string) (json.RawMessage, error) {
	out, err := c.do(ctx, func(h *C.temporal_client, cs *cstrings, dl C.uint64_t, cb asyncCB, ud unsafe.Pointer, call asyncCall) *C.temporal_error {
		return C.temporal_get_workflow_history_async(h, cs.str(workflowID), cs.str(runID), dl, cb, ud, call)
	})
	if err != nil {
		return nil, err
	}
	return json.RawMessage(out.json), nil
}
