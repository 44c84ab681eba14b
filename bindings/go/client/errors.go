package client

/*
#include "temporal.h"
*/
import "C"

import (
	"context"
	"encoding/json"
	"fmt"
)

// ErrorCode is a temporal-ffi error code (temporal_error_code in temporal.h, whose values
// these constants are). An ErrorCode is itself an error, so that
// errors.Is(err, client.ErrNotFound) works on every error this package returns.
type ErrorCode int32

const (
	ErrInvalidArgument    ErrorCode = C.TEMPORAL_ERROR_CODE_INVALID_ARGUMENT
	ErrNotFound           ErrorCode = C.TEMPORAL_ERROR_CODE_NOT_FOUND
	ErrAlreadyStarted     ErrorCode = C.TEMPORAL_ERROR_CODE_ALREADY_STARTED
	ErrWorkflowFailed     ErrorCode = C.TEMPORAL_ERROR_CODE_WORKFLOW_FAILED
	ErrWorkflowCanceled   ErrorCode = C.TEMPORAL_ERROR_CODE_WORKFLOW_CANCELED
	ErrWorkflowTerminated ErrorCode = C.TEMPORAL_ERROR_CODE_WORKFLOW_TERMINATED
	ErrWorkflowTimedOut   ErrorCode = C.TEMPORAL_ERROR_CODE_WORKFLOW_TIMED_OUT
	ErrUnavailable        ErrorCode = C.TEMPORAL_ERROR_CODE_UNAVAILABLE
	ErrDeadlineExceeded   ErrorCode = C.TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED
	ErrPermissionDenied   ErrorCode = C.TEMPORAL_ERROR_CODE_PERMISSION_DENIED
	ErrPayload            ErrorCode = C.TEMPORAL_ERROR_CODE_PAYLOAD
	ErrCanceled           ErrorCode = C.TEMPORAL_ERROR_CODE_CANCELED
	ErrRPC                ErrorCode = C.TEMPORAL_ERROR_CODE_RPC
	ErrInternal           ErrorCode = C.TEMPORAL_ERROR_CODE_INTERNAL
	ErrUpdateFailed       ErrorCode = C.TEMPORAL_ERROR_CODE_UPDATE_FAILED
	ErrQueryFailed        ErrorCode = C.TEMPORAL_ERROR_CODE_QUERY_FAILED
	ErrShutdown           ErrorCode = C.TEMPORAL_ERROR_CODE_SHUTDOWN
	ErrQueryRejected      ErrorCode = C.TEMPORAL_ERROR_CODE_QUERY_REJECTED
	ErrAlreadyExists      ErrorCode = C.TEMPORAL_ERROR_CODE_ALREADY_EXISTS
)

// String is the code's name from the library (temporal_error_code_name), e.g. "NOT_FOUND";
// "UNKNOWN" for a value that is not a code.
func (c ErrorCode) String() string { return C.GoString(C.temporal_error_code_name(C.int32_t(c))) }

// Error makes an ErrorCode usable as an errors.Is target.
func (c ErrorCode) Error() string { return "temporal-ffi: " + c.String() }

// Error is a library error that is not a workflow outcome: a bad argument, an unreachable
// server, a missing workflow, a deadline... Error() is the library's message.
type Error struct {
	Code    ErrorCode
	Message string
	// Details is the library's details JSON object (e.g. {"grpc_code": 5}), or nil.
	Details json.RawMessage
}

func (e *Error) Error() string { return e.Message }

// Is matches the error's ErrorCode, and context.DeadlineExceeded / context.Canceled for
// DEADLINE_EXCEEDED / CANCELED.
func (e *Error) Is(target error) bool {
	switch target {
	case e.Code:
		return true
	case context.DeadlineExceeded:
		return e.Code == ErrDeadlineExceeded
	case context.Canceled:
		return e.Code == ErrCanceled
	}
	return false
}

// WorkflowExecutionAlreadyStartedError is returned by ExecuteWorkflow when the ID is in use
// (or refused by the reuse policy) and WorkflowExecutionErrorWhenAlreadyStarted is set: the
// Go SDK's serviceerror.WorkflowExecutionAlreadyStarted.
type WorkflowExecutionAlreadyStartedError struct {
	Message    string
	WorkflowID string
	// RunID is the run that holds the ID.
	RunID string
}

func (e *WorkflowExecutionAlreadyStartedError) Error() string { return e.Message }

// Is matches ErrAlreadyStarted.
func (e *WorkflowExecutionAlreadyStartedError) Is(target error) bool {
	return target == ErrAlreadyStarted
}

// WorkflowExecutionError is returned by WorkflowRun.Get when the workflow did not complete:
// it names the workflow and the run it ended in, and unwraps to *ApplicationError (or
// another failure type), *CanceledError, *TerminatedError or *TimeoutError.
type WorkflowExecutionError struct {
	WorkflowID   string
	RunID        string
	WorkflowType string
	code         ErrorCode
	message      string
	cause        error
}

func (e *WorkflowExecutionError) Error() string { return e.message }

// Unwrap returns the cause.
func (e *WorkflowExecutionError) Unwrap() error { return e.cause }

// Is matches the library code (ErrWorkflowFailed, ErrWorkflowCanceled, ...).
func (e *WorkflowExecutionError) Is(target error) bool { return target == e.code }

// The failure types below are the links of a failure chain. Error() is the library's
// "display" text for that link: what the Go SDK's Error() prints for it, its causes included.

// ApplicationError is a failure raised by workflow (or activity) code: the Go SDK's
// temporal.ApplicationError.
type ApplicationError struct {
	Message      string
	Type         string
	NonRetryable bool
	// Details is the JSON array of the error's details, one element per detail.
	Details json.RawMessage
	Cause   error
	display string
	// encodeErr is NewApplicationError's failure to encode the details, which
	// CompleteActivity returns.
	encodeErr error
}

func (e *ApplicationError) Error() string { return orMessage(e.display, e.Message) }
func (e *ApplicationError) Unwrap() error { return e.Cause }

// HasDetails reports whether the error carries details.
func (e *ApplicationError) HasDetails() bool {
	var d []json.RawMessage
	return json.Unmarshal(e.Details, &d) == nil && len(d) > 0
}

// DetailsInto decodes the details into the given pointers, one per detail, like the Go
// SDK's ApplicationError.Details(d ...interface{}).
func (e *ApplicationError) DetailsInto(d ...interface{}) error {
	return decodeDetails(e.Details, d)
}

// CanceledError: the workflow (or an operation in it) was canceled.
type CanceledError struct {
	// Details is the JSON array of the cancellation's details, one element per detail.
	Details json.RawMessage
	Cause   error
	display string
	// encodeErr is NewCanceledError's failure to encode the details, which CompleteActivity
	// returns.
	encodeErr error
}

// Error is "canceled", as the Go SDK's CanceledError prints, with the causes of a link of
// a failure chain.
func (e *CanceledError) Error() string { return orMessage(e.display, "canceled") }
func (e *CanceledError) Unwrap() error { return e.Cause }

// HasDetails reports whether the cancellation carries details.
func (e *CanceledError) HasDetails() bool {
	var d []json.RawMessage
	return json.Unmarshal(e.Details, &d) == nil && len(d) > 0
}

// TerminatedError: the workflow was terminated. Reason is the reason given to terminate
// (the Go SDK drops it; temporal-ffi keeps it).
type TerminatedError struct {
	Reason  string
	display string
}

// Error is "terminated", as the Go SDK's TerminatedError prints.
func (e *TerminatedError) Error() string { return orMessage(e.display, "terminated") }

// TimeoutError: the workflow (or an operation in it) timed out.
type TimeoutError struct {
	Message string
	// TimeoutType as Go prints the enum: "StartToClose", "ScheduleToClose", "Heartbeat"...
	TimeoutType string
	Cause       error
	display     string
}

func (e *TimeoutError) Error() string { return orMessage(e.display, e.Message) }
func (e *TimeoutError) Unwrap() error { return e.Cause }

// ActivityError: an activity failed; Cause says why.
type ActivityError struct {
	ActivityType string
	ActivityID   string
	RetryState   string
	Cause        error
	display      string
}

func (e *ActivityError) Error() string { return orMessage(e.display, "activity error") }
func (e *ActivityError) Unwrap() error { return e.Cause }

// FailureError is any other failure in a failure chain (server, child workflow, nexus...).
// Kind is the library's failure kind; Failure is the failure's JSON object.
type FailureError struct {
	Kind    string
	Message string
	Failure json.RawMessage
	Cause   error
	display string
}

func (e *FailureError) Error() string { return orMessage(e.display, e.Message) }
func (e *FailureError) Unwrap() error { return e.Cause }

// orMessage is the library's display text, or for an error made in Go (not from a failure
// the library described) its plain message.
func orMessage(display, message string) string {
	if display != "" {
		return display
	}
	return message
}

func decodeDetails(raw json.RawMessage, d []interface{}) error {
	var items []json.RawMessage
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &items); err != nil {
			return err
		}
	}
	if len(d) > len(items) {
		return fmt.Errorf("temporal-ffi: %d details requested, %d available", len(d), len(items))
	}
	for i, p := range d {
		if err := json.Unmarshal(items[i], p); err != nil {
			return err
		}
	}
	return nil
}

// failureJSON is one link of the library's failure chain.
type failureJSON struct {
	Message      string          `json:"message"`
	Kind         string          `json:"kind"`
	Display      string          `json:"display"`
	Type         string          `json:"type"`
	NonRetryable bool            `json:"non_retryable"`
	Details      json.RawMessage `json:"details"`
	TimeoutType  string          `json:"timeout_type"`
	ActivityType string          `json:"activity_type"`
	ActivityID   string          `json:"activity_id"`
	RetryState   string          `json:"retry_state"`
	Cause        json.RawMessage `json:"cause"`
}

// failureToError converts the library's failure JSON (recursively) to Go SDK-like errors.
func failureToError(raw json.RawMessage) error {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	var f failureJSON
	if err := json.Unmarshal(raw, &f); err != nil {
		return &FailureError{Kind: "undecodable", Message: string(raw)}
	}
	cause := failureToError(f.Cause)
	switch f.Kind {
	case "application", "generic":
		return &ApplicationError{Message: f.Message, Type: f.Type, NonRetryable: f.NonRetryable, Details: f.Details, Cause: cause, display: f.Display}
	case "timeout":
		return &TimeoutError{Message: f.Message, TimeoutType: f.TimeoutType, Cause: cause, display: f.Display}
	case "canceled":
		return &CanceledError{Details: f.Details, Cause: cause, display: f.Display}
	case "terminated":
		return &TerminatedError{display: f.Display}
	case "activity":
		return &ActivityError{ActivityType: f.ActivityType, ActivityID: f.ActivityID, RetryState: f.RetryState, Cause: cause, display: f.Display}
	default:
		return &FailureError{Kind: f.Kind, Message: f.Message, Failure: raw, Cause: cause, display: f.Display}
	}
}

// outcomeDetails are the details the library attaches to errors.
type outcomeDetails struct {
	WorkflowID   string          `json:"workflow_id"`
	RunID        string          `json:"run_id"`
	WorkflowType string          `json:"workflow_type"`
	Failure      json.RawMessage `json:"failure"`
	Reason       string          `json:"reason"`
	UpdateID     string          `json:"update_id"`
	Details      json.RawMessage `json:"details"`
	TimeoutType  string          `json:"timeout_type"`
	Display      string          `json:"display"`
}

// newError maps a library error (code, message, details JSON or "") to a Go error.
func newError(code ErrorCode, message, details string) error {
	var raw json.RawMessage
	var d outcomeDetails
	if details != "" {
		raw = json.RawMessage(details)
		_ = json.Unmarshal(raw, &d) // best effort: the message is always there
	}
	switch code {
	case ErrAlreadyStarted:
		return &WorkflowExecutionAlreadyStartedError{Message: message, WorkflowID: d.WorkflowID, RunID: d.RunID}
	case ErrWorkflowFailed, ErrWorkflowCanceled, ErrWorkflowTerminated, ErrWorkflowTimedOut:
		// Only a failed workflow has a failure chain; for the other outcomes the details'
		// "display" is the cause's text as the Go SDK prints it.
		var cause error
		switch code {
		case ErrWorkflowFailed:
			cause = failureToError(d.Failure)
		case ErrWorkflowCanceled:
			cause = &CanceledError{Details: d.Details, display: d.Display}
		case ErrWorkflowTerminated:
			cause = &TerminatedError{Reason: d.Reason, display: d.Display}
		case ErrWorkflowTimedOut:
			cause = &TimeoutError{Message: "Workflow timeout", TimeoutType: d.TimeoutType, display: d.Display}
		}
		return &WorkflowExecutionError{
			WorkflowID: d.WorkflowID, RunID: d.RunID, WorkflowType: d.WorkflowType,
			code: code, message: message, cause: cause,
		}
	case ErrUpdateFailed:
		return &UpdateFailedError{Message: message, UpdateID: d.UpdateID, Cause: failureToError(d.Failure)}
	case ErrQueryFailed:
		return &QueryFailedError{Message: message}
	}
	return &Error{Code: code, Message: message, Details: raw}
}

// UpdateFailedError is the outcome of an update that was rejected (by its validator) or
// whose handler failed: it unwraps to the failure (*ApplicationError...), which is what the
// Go SDK's WorkflowUpdateHandle.Get returns itself. It matches ErrUpdateFailed.
type UpdateFailedError struct {
	Message string
	// UpdateID is the ID of the update (the one given, or the one the library generated).
	UpdateID string
	Cause    error
}

func (e *UpdateFailedError) Error() string { return e.Message }

// Unwrap returns the failure.
func (e *UpdateFailedError) Unwrap() error { return e.Cause }

// Is matches ErrUpdateFailed.
func (e *UpdateFailedError) Is(target error) bool { return target == ErrUpdateFailed }

// QueryFailedError is a query that failed in the workflow's handler or was rejected: the Go
// SDK's serviceerror.QueryFailed. It matches ErrQueryFailed.
type QueryFailedError struct {
	Message string
}

func (e *QueryFailedError) Error() string { return e.Message }

// Is matches ErrQueryFailed.
func (e *QueryFailedError) Is(target error) bool { return target == ErrQueryFailed }
