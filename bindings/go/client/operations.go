package client

/*
#include <stdlib.h>
#include "temporal.h"
*/
import "C"

import (
	"context"
	"encoding/json"
	"fmt"
	"unsafe"

	"github.com/temporal-ffi/temporal-ffi/bindings/go/converter"
)

// The client operations beyond starting and waiting: signal, query, cancel and terminate
// (updates are in update.go; describe, list, count, history and the rest of the per-workflow
// surface in workflow_surface.go). Each is one native call
// awaited by await (see async.go), so ctx's deadline is the call's timeout and canceling ctx
// cancels it.

func (c *clientImpl) SignalWorkflow(ctx context.Context, workflowID string, runID string, signalName string, arg interface{}) error {
	argsJSON, err := signalArgs(arg)
	if err != nil {
		return err
	}
	return c.do(ctx, func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
		return C.temporal_signal_workflow_async(h, cs.str(workflowID), cs.str(runID), cs.str(signalName), cs.str(argsJSON), co, call)
	}, nil)
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
	var run *C.temporal_workflow_run
	err = c.do(ctx, func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
		var o C.temporal_start_workflow_options
		so.fill(&o, cs)
		return C.temporal_signal_with_start_workflow_async(h, cs.str(signalName), cs.str(sigJSON), cs.str(name), cs.str(argsJSON), &o, co, call)
	}, takeRun(&run))
	if err != nil {
		return nil, err
	}
	if run == nil {
		return nil, missingOutput("run")
	}
	return newRun(run, nil), nil
}

// EncodedValue is converter.EncodedValue, the Go SDK's converter.EncodedValue: a JSON value
// decoded on demand.
type EncodedValue = converter.EncodedValue

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
	var result string
	err = c.do(ctx, func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
		return C.temporal_query_workflow_async(h, cs.str(workflowID), cs.str(runID), cs.str(queryType), cs.str(argsJSON), co, call)
	}, readJSON(&result))
	if err != nil {
		return nil, err
	}
	return encodedValue{result}, nil
}

func (c *clientImpl) CancelWorkflow(ctx context.Context, workflowID string, runID string) error {
	return c.do(ctx, func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
		return C.temporal_cancel_workflow_async(h, cs.str(workflowID), cs.str(runID), co, call)
	}, nil)
}

func (c *clientImpl) TerminateWorkflow(ctx context.Context, workflowID string, runID string, reason string, details ...interface{}) error {
	detailsJSON, err := encodeArgs(details)
	if err != nil {
		return err
	}
	return c.do(ctx, func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
		return C.temporal_terminate_workflow_async(h, cs.str(workflowID), cs.str(runID), cs.str(reason), cs.str(detailsJSON), co, call)
	}, nil)
}

// CancelWorkflowOptions is the Go SDK's client.CancelWorkflowOptions.
type CancelWorkflowOptions struct {
	// WorkflowID is the ID of the workflow execution to cancel.
	WorkflowID string
	// RunID is the run ID of the execution; empty: the current run. The server ignores it
	// when FirstExecutionRunID is set.
	RunID string
	// FirstExecutionRunID is the run ID of the first execution of the chain: the current
	// run must belong to it, or the request fails.
	FirstExecutionRunID string
	// Reason is recorded with the cancellation request.
	Reason string
}

// TerminateWorkflowOptions is the Go SDK's client.TerminateWorkflowOptions.
type TerminateWorkflowOptions struct {
	WorkflowID          string
	RunID               string
	FirstExecutionRunID string
	Reason              string
	// Details are attached to the termination event, JSON-encoded one payload each.
	Details []any
}

// targetOptions fills the library's temporal_workflow_target_options in C memory (a struct
// passed to C must not point to Go memory).
func targetOptions(cs *cstrings, workflowID, runID, firstExecutionRunID, reason, detailsJSON string) *C.temporal_workflow_target_options {
	o := (*C.temporal_workflow_target_options)(cs.alloc(C.size_t(unsafe.Sizeof(C.temporal_workflow_target_options{}))))
	C.temporal_workflow_target_options_default(o, C.size_t(unsafe.Sizeof(*o)))
	o.workflow_id = cs.str(workflowID)
	o.run_id = cs.str(runID)
	o.first_execution_run_id = cs.str(firstExecutionRunID)
	o.reason = cs.str(reason)
	o.details_json = cs.str(detailsJSON)
	return o
}

func (c *clientImpl) CancelWorkflowWithOptions(ctx context.Context, options CancelWorkflowOptions) error {
	return c.do(ctx, func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
		o := targetOptions(cs, options.WorkflowID, options.RunID, options.FirstExecutionRunID, options.Reason, "")
		return C.temporal_cancel_workflow_with_options_async(h, o, co, call)
	}, nil)
}

func (c *clientImpl) TerminateWorkflowWithOptions(ctx context.Context, options TerminateWorkflowOptions) error {
	detailsJSON, err := encodeArgs(options.Details)
	if err != nil {
		return err
	}
	return c.do(ctx, func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
		o := targetOptions(cs, options.WorkflowID, options.RunID, options.FirstExecutionRunID, options.Reason, detailsJSON)
		return C.temporal_terminate_workflow_with_options_async(h, o, co, call)
	}, nil)
}
