package client

/*
#include "temporal.h"
*/
import "C"

import (
	"context"
	"fmt"
	"runtime"
	"sync/atomic"
	"unsafe"
)

// Workflow updates: UpdateWorkflow with a wait stage, GetWorkflowUpdateHandle, and
// UpdateWithStartWorkflow with a NewWithStartWorkflowOperation, as the Go SDK's client has
// them. Every handle owns a native temporal_update_handle, freed when it is garbage collected.

// WorkflowUpdateStage is the Go SDK's client.WorkflowUpdateStage, with its numbers
// (temporal_update_stage).
type WorkflowUpdateStage int

const (
	// WorkflowUpdateStageUnspecified (the zero value) is refused, as the Go SDK refuses an
	// unset WaitForStage.
	WorkflowUpdateStageUnspecified WorkflowUpdateStage = C.TEMPORAL_UPDATE_STAGE_UNSPECIFIED
	// WorkflowUpdateStageAdmitted is refused, as in the Go SDK ("not supported").
	WorkflowUpdateStageAdmitted WorkflowUpdateStage = C.TEMPORAL_UPDATE_STAGE_ADMITTED
	// WorkflowUpdateStageAccepted: UpdateWorkflow returns once the workflow's validator
	// accepted the update (or rejected it); the handle's Get waits for the outcome.
	WorkflowUpdateStageAccepted WorkflowUpdateStage = C.TEMPORAL_UPDATE_STAGE_ACCEPTED
	// WorkflowUpdateStageCompleted: UpdateWorkflow returns once the update finished; the
	// handle's Get gives the outcome at once.
	WorkflowUpdateStageCompleted WorkflowUpdateStage = C.TEMPORAL_UPDATE_STAGE_COMPLETED
)

// UpdateWorkflowOptions is the Go SDK's client.UpdateWorkflowOptions.
type UpdateWorkflowOptions struct {
	// UpdateID makes the update idempotent; empty: the library generates one (a UUID, which
	// the handle's UpdateID gives).
	UpdateID   string
	WorkflowID string
	// RunID; empty: the current run.
	RunID      string
	UpdateName string
	// Args are JSON-encoded, one payload each.
	Args []interface{}
	// WaitForStage is required: WorkflowUpdateStageAccepted or WorkflowUpdateStageCompleted.
	WaitForStage WorkflowUpdateStage
	// FirstExecutionRunID, when set, refuses the update if the Workflow ID now names a chain
	// that did not start with this run.
	FirstExecutionRunID string
}

// GetWorkflowUpdateHandleOptions is the Go SDK's client.GetWorkflowUpdateHandleOptions.
type GetWorkflowUpdateHandleOptions struct {
	WorkflowID string
	// RunID; empty: the current run.
	RunID    string
	UpdateID string
}

// WorkflowUpdateHandle is the Go SDK's client.WorkflowUpdateHandle. It is safe for
// concurrent use; its native handle is freed when it is garbage collected.
type WorkflowUpdateHandle interface {
	WorkflowID() string
	// RunID is the run the server named when the update started; for a handle from
	// GetWorkflowUpdateHandle, the RunID given.
	RunID() string
	UpdateID() string
	// Get waits for the update's outcome and decodes its result into valuePtr with
	// encoding/json (nil: the result is ignored). A rejected or failed update gives
	// *UpdateFailedError (unwrapping to *ApplicationError...), an unknown update a NOT_FOUND
	// *Error. ctx as for WorkflowRun.Get: a deadline that passes gives DEADLINE_EXCEEDED and
	// leaves the update running.
	Get(ctx context.Context, valuePtr interface{}) error
}

type updateHandle struct {
	handle                      *C.temporal_update_handle
	workflowID, runID, updateID string
}

func newUpdateHandle(h *C.temporal_update_handle) *updateHandle {
	u := &updateHandle{
		handle:     h,
		workflowID: C.GoString(C.temporal_update_handle_get_workflow_id(h)),
		runID:      C.GoString(C.temporal_update_handle_get_run_id(h)),
		updateID:   C.GoString(C.temporal_update_handle_get_id(h)),
	}
	// Get keeps u reachable until its C call returns (runtime.KeepAlive), so the handle is
	// never freed while a call uses it.
	runtime.AddCleanup(u, func(h *C.temporal_update_handle) { C.temporal_update_handle_free(h) }, h)
	return u
}

func (u *updateHandle) WorkflowID() string { return u.workflowID }
func (u *updateHandle) RunID() string      { return u.runID }
func (u *updateHandle) UpdateID() string   { return u.updateID }

func (u *updateHandle) Get(ctx context.Context, valuePtr interface{}) error {
	err := getResultInto(ctx, valuePtr, "update", func(co callOptions, call callOut) error {
		return takeError(C.temporal_update_handle_get_result_async(u.handle, co, call))
	})
	runtime.KeepAlive(u)
	return err
}

// errorUpdateHandle is what GetWorkflowUpdateHandle returns when the library refused the
// arguments: the Go SDK's GetWorkflowUpdateHandle cannot fail, so Get returns the error.
type errorUpdateHandle struct {
	options GetWorkflowUpdateHandleOptions
	err     error
}

func (u *errorUpdateHandle) WorkflowID() string                     { return u.options.WorkflowID }
func (u *errorUpdateHandle) RunID() string                          { return u.options.RunID }
func (u *errorUpdateHandle) UpdateID() string                       { return u.options.UpdateID }
func (u *errorUpdateHandle) Get(context.Context, interface{}) error { return u.err }

// takeUpdateHandle reads the update handle of a completed call into *h (owned by the caller).
func takeUpdateHandle(h **C.temporal_update_handle) func(*C.temporal_call) {
	return func(call *C.temporal_call) { *h = C.temporal_call_take_update_handle(call) }
}

// fillUpdateOptions sets o (initialised here) from options; the C strings are in cs.
func fillUpdateOptions(o *C.temporal_update_options, options *UpdateWorkflowOptions, cs *cstrings) {
	C.temporal_update_options_default(o, C.size_t(unsafe.Sizeof(*o)))
	o.update_id = cs.str(options.UpdateID)
	o.wait_for_stage = C.int32_t(options.WaitForStage)
	o.first_execution_run_id = cs.str(options.FirstExecutionRunID)
}

func encodeUpdateArgs(args []interface{}) (string, error) {
	s, err := encodeArgs(args)
	if err != nil {
		return "", fmt.Errorf("temporal-ffi: the update's arguments: %w", err)
	}
	return s, nil
}

func (c *clientImpl) UpdateWorkflow(ctx context.Context, options UpdateWorkflowOptions) (WorkflowUpdateHandle, error) {
	argsJSON, err := encodeUpdateArgs(options.Args)
	if err != nil {
		return nil, err
	}
	var h *C.temporal_update_handle
	err = c.do(ctx, func(client *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
		var o C.temporal_update_options
		fillUpdateOptions(&o, &options, cs)
		return C.temporal_start_update_async(client, cs.str(options.WorkflowID), cs.str(options.RunID), cs.str(options.UpdateName),
			cs.str(argsJSON), &o, co, call)
	}, takeUpdateHandle(&h))
	if err != nil {
		return nil, err
	}
	if h == nil {
		return nil, missingOutput("update handle")
	}
	return newUpdateHandle(h), nil
}

func (c *clientImpl) GetWorkflowUpdateHandle(options GetWorkflowUpdateHandleOptions) WorkflowUpdateHandle {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if c.handle == nil {
		return &errorUpdateHandle{options: options, err: errClosed}
	}
	var cs cstrings
	defer cs.free()
	var h *C.temporal_update_handle
	if cerr := C.temporal_get_workflow_update_handle(c.handle, cs.str(options.WorkflowID), cs.str(options.RunID),
		cs.str(options.UpdateID), &h); cerr != nil {
		return &errorUpdateHandle{options: options, err: takeError(cerr)}
	}
	return newUpdateHandle(h)
}

// WithStartWorkflowOperation is the Go SDK's client.WithStartWorkflowOperation: the workflow
// start of an UpdateWithStartWorkflow, made by NewWithStartWorkflowOperation. It can be
// executed once.
type WithStartWorkflowOperation interface {
	// Get waits until an UpdateWithStartWorkflow executed the operation and returns the
	// workflow's run (the one started, or with WorkflowIDConflictPolicyUseExisting the one
	// already running), or that call's error. When ctx is done first it returns a CANCELED
	// or DEADLINE_EXCEEDED *Error.
	Get(ctx context.Context) (WorkflowRun, error)
	isWithStartWorkflowOperation()
}

type withStartWorkflowOperation struct {
	options      *startOptions
	workflowType string
	argsJSON     string
	// err is NewWithStartWorkflowOperation's own failure, which UpdateWithStartWorkflow
	// returns.
	err      error
	executed atomic.Bool
	// done is closed when run and runErr are set.
	done   chan struct{}
	run    WorkflowRun
	runErr error
}

// NewWithStartWorkflowOperation is the Go SDK's client.NewWithStartWorkflowOperation: the
// start of workflow (a type name or a function, as for ExecuteWorkflow) with options and
// args, for UpdateWithStartWorkflow. options.WorkflowIDConflictPolicy must be set;
// WorkflowExecutionErrorWhenAlreadyStarted is ignored, as in the Go SDK. An operation whose
// workflow or arguments cannot be encoded is done at once with that error.
func NewWithStartWorkflowOperation(options StartWorkflowOptions, workflow interface{}, args ...interface{}) WithStartWorkflowOperation {
	op := &withStartWorkflowOperation{done: make(chan struct{})}
	op.workflowType, op.err = workflowName(workflow)
	if op.err == nil {
		op.argsJSON, op.err = encodeArgs(args)
	}
	if op.err == nil {
		op.options, op.err = prepareStartOptions(options)
	}
	if op.err != nil {
		op.executed.Store(true)
		op.finish(nil, op.err)
	}
	return op
}

func (op *withStartWorkflowOperation) isWithStartWorkflowOperation() {}

func (op *withStartWorkflowOperation) finish(run WorkflowRun, err error) {
	op.run, op.runErr = run, err
	close(op.done)
}

func (op *withStartWorkflowOperation) Get(ctx context.Context) (WorkflowRun, error) {
	select {
	case <-op.done:
		return op.run, op.runErr
	default:
	}
	select {
	case <-op.done:
		return op.run, op.runErr
	case <-ctx.Done():
		return nil, contextError(ctx)
	}
}

// UpdateWithStartWorkflowOptions is the Go SDK's client.UpdateWithStartWorkflowOptions.
type UpdateWithStartWorkflowOptions struct {
	// StartWorkflowOperation is made by NewWithStartWorkflowOperation.
	StartWorkflowOperation WithStartWorkflowOperation
	// UpdateOptions: WaitForStage is required; WorkflowID empty or the start's ID; RunID and
	// FirstExecutionRunID must be empty (the workflow may not be running yet).
	UpdateOptions UpdateWorkflowOptions
}

func invalidArgument(message string) error {
	return &Error{Code: ErrInvalidArgument, Message: "temporal-ffi: " + message}
}

// UpdateWithStartWorkflow is the Go SDK's: it sends an update to a workflow, starting the
// workflow first if needed, in one request, and returns once the update reached
// UpdateOptions.WaitForStage. The operation's Get then gives the run, or this call's error.
func (c *clientImpl) UpdateWithStartWorkflow(ctx context.Context, options UpdateWithStartWorkflowOptions) (WorkflowUpdateHandle, error) {
	op, ok := options.StartWorkflowOperation.(*withStartWorkflowOperation)
	if !ok {
		return nil, invalidArgument("UpdateWithStartWorkflow: StartWorkflowOperation must be made by NewWithStartWorkflowOperation")
	}
	if op.err != nil {
		return nil, op.err
	}
	update := options.UpdateOptions
	if update.RunID != "" || update.FirstExecutionRunID != "" {
		return nil, invalidArgument("UpdateWithStartWorkflow: UpdateOptions.RunID and FirstExecutionRunID cannot be set, because the workflow might not be running")
	}
	start := *op.options
	if start.ID == "" {
		start.ID = update.WorkflowID
	} else if update.WorkflowID != "" && update.WorkflowID != start.ID {
		return nil, invalidArgument(fmt.Sprintf("UpdateWithStartWorkflow: UpdateOptions.WorkflowID %q differs from the start's ID %q",
			update.WorkflowID, start.ID))
	}
	argsJSON, err := encodeUpdateArgs(update.Args)
	if err != nil {
		return nil, err
	}
	if !op.executed.CompareAndSwap(false, true) {
		return nil, invalidArgument("UpdateWithStartWorkflow: the WithStartWorkflowOperation was already executed")
	}
	var nativeRun *C.temporal_workflow_run
	var nativeHandle *C.temporal_update_handle
	err = c.do(ctx, func(client *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
		var uo C.temporal_update_options
		fillUpdateOptions(&uo, &update, cs)
		var so C.temporal_start_workflow_options
		start.fill(&so, cs)
		return C.temporal_update_with_start_workflow_async(client, cs.str(update.UpdateName), cs.str(argsJSON), &uo,
			cs.str(op.workflowType), cs.str(op.argsJSON), &so, co, call)
	}, func(call *C.temporal_call) {
		nativeRun = C.temporal_call_take_run(call)
		nativeHandle = C.temporal_call_take_update_handle(call)
	})
	// Wrapped at once, so that whatever the call gave is freed by the collector.
	var run WorkflowRun
	var handle WorkflowUpdateHandle
	if nativeRun != nil {
		run = newRun(nativeRun, nil)
	}
	if nativeHandle != nil {
		handle = newUpdateHandle(nativeHandle)
	}
	if err == nil && run == nil {
		err = missingOutput("run")
	} else if err == nil && handle == nil {
		err = missingOutput("update handle")
	}
	if err != nil {
		op.finish(nil, err)
		return nil, err
	}
	op.finish(run, nil)
	return handle, nil
}
