package client

import (
	"context"
	"encoding/json"
	"fmt"
)

// ErrorCode is a temporal-ffi error code (temporal_error_code in temporal.h); the values
// are part of the C ABI. An ErrorCode is itself an error, so that
// errors.Is(err, client.ErrNotFound) works on every error this package returns.
type ErrorCode int32

const (
	ErrInvalidArgument    ErrorCode = 1
	ErrNotFound           ErrorCode = 2
	ErrAlreadyStarted     ErrorCode = 3
	ErrWorkflowFailed     ErrorCode = 4
	ErrWorkflowCanceled   ErrorCode = 5
	ErrWorkflowTerminated ErrorCode = 6
	ErrWorkflowTimedOut   ErrorCode = 7
	ErrUnavailable        ErrorCode = 8
	ErrDeadlineExceeded   ErrorCode = 9
	ErrPermissionDenied   ErrorCode = 10
	ErrPayload            ErrorCode = 11
	ErrCanceled           ErrorCode = 12
	ErrRPC                ErrorCode = 13
	ErrInternal           ErrorCode = 14
	ErrUpdateFailed       ErrorCode = 15
	ErrQueryFailed        ErrorCode = 16
	ErrShutdown           ErrorCode = 17
)

var codeNames = map[ErrorCode]string{
	ErrInvalidArgument:    "INVALID_ARGUMENT",
	ErrNotFound:           "NOT_FOUND",
	ErrAlreadyStarted:     "ALREADY_STARTED",
	ErrWorkflowFailed:     "WORKFLOW_FAILED",
	ErrWorkflowCanceled:   "WORKFLOW_CANCELED",
	ErrWorkflowTerminated: "WORKFLOW_TERMINATED",
	ErrWorkflowTimedOut:   "WORKFLOW_TIMED_OUT",
	ErrUnavailable:        "UNAVAILABLE",
	ErrDeadlineExceeded:   "DEADLINE_EXCEEDED",
	ErrPermissionDenied:   "PERMISSION_DENIED",
	ErrPayload:            "PAYLOAD",
	ErrCanceled:           "CANCELED",
	ErrRPC:                "RPC",
	ErrInternal:           "INTERNAL",
	ErrUpdateFailed:       "UPDATE_FAILED",
	ErrQueryFailed:        "QUERY_FAILED",
	ErrShutdown:           "SHUTDOWN",
}

// String is the code's name as in temporal.h without its prefix, e.g. "NOT_FOUND".
func (c ErrorCode) String() string {
	if n, ok := codeNames[c]; ok {
		return n
	}
	return fmt.Sprintf("UNKNOWN(%d)", int32(c))
}

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

// ApplicationError is a failure raised by workflow (or activity) code: the Go SDK's
// temporal.ApplicationError.
type ApplicationError struct {
	Message      string
	Type         string
	NonRetryable bool
	// Details is the JSON array of the error's details, one element per detail.
	Details json.RawMessage
	Cause   error
}

func (e *ApplicationError) Error() string {
	msg := e.Message
	if e.Type != "" {
		msg = fmt.Sprintf("%s (type: %s, retryable: %v)", e.Message, e.Type, !e.NonRetryable)
	}
	return withCause(msg, e.Cause)
}

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
	Details json.RawMessage
	Cause   error
}

func (e *CanceledError) Error() string { return withCause("canceled", e.Cause) }
func (e *CanceledError) Unwrap() error { return e.Cause }

// HasDetails reports whether the cancellation carries details.
func (e *CanceledError) HasDetails() bool {
	var d []json.RawMessage
	return json.Unmarshal(e.Details, &d) == nil && len(d) > 0
}

// TerminatedError: the workflow was terminated. Reason is the reason given to terminate
// (the Go SDK drops it; temporal-ffi keeps it).
type TerminatedError struct {
	Reason string
}

func (e *TerminatedError) Error() string { return "terminated" }

// TimeoutError: the workflow (or an operation in it) timed out.
type TimeoutError struct {
	Message string
	// TimeoutType as Go prints the enum: "StartToClose", "ScheduleToClose", "Heartbeat"...
	TimeoutType string
	Cause       error
}

func (e *TimeoutError) Error() string {
	return withCause(fmt.Sprintf("%s (type: %s)", e.Message, e.TimeoutType), e.Cause)
}
func (e *TimeoutError) Unwrap() error { return e.Cause }

// ActivityError: an activity failed; Cause says why.
type ActivityError struct {
	ActivityType string
	ActivityID   string
	RetryState   string
	Cause        error
}

func (e *ActivityError) Error() string {
	return withCause(fmt.Sprintf("activity error (type: %s, activityID: %s, retryState: %s)",
		e.ActivityType, e.ActivityID, e.RetryState), e.Cause)
}
func (e *ActivityError) Unwrap() error { return e.Cause }

// FailureError is any other failure in a failure chain (server, child workflow, nexus...).
// Kind is the library's failure kind; Failure is the failure's JSON object.
type FailureError struct {
	Kind    string
	Message string
	Failure json.RawMessage
	Cause   error
}

func (e *FailureError) Error() string { return withCause(e.Message, e.Cause) }
func (e *FailureError) Unwrap() error { return e.Cause }

func withCause(msg string, cause error) string {
	if cause == nil {
		return msg
	}
	return msg + ": " + cause.Error()
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
		return &ApplicationError{Message: f.Message, Type: f.Type, NonRetryable: f.NonRetryable, Details: f.Details, Cause: cause}
	case "timeout":
		return &TimeoutError{Message: f.Message, TimeoutType: f.TimeoutType, Cause: cause}
	case "canceled":
		return &CanceledError{Details: f.Details, Cause: cause}
	case "terminated":
		return &TerminatedError{}
	case "activity":
		return &ActivityError{ActivityType: f.ActivityType, ActivityID: f.ActivityID, RetryState: f.RetryState, Cause: cause}
	default:
		return &FailureError{Kind: f.Kind, Message: f.Message, Failure: raw, Cause: cause}
	}
}

// outcomeDetails are the details the library attaches to errors.
type outcomeDetails struct {
	WorkflowID   string          `json:"workflow_id"`
	RunID        string          `json:"run_id"`
	WorkflowType string          `json:"workflow_type"`
	Failure      json.RawMessage `json:"failure"`
	Reason       string          `json:"reason"`
	Details      json.RawMessage `json:"details"`
	TimeoutType  string          `json:"timeout_type"`
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
		var cause error
		switch code {
		case ErrWorkflowFailed:
			cause = failureToError(d.Failure)
		case ErrWorkflowCanceled:
			cause = &CanceledError{Details: d.Details}
		case ErrWorkflowTerminated:
			cause = &TerminatedError{Reason: d.Reason}
		case ErrWorkflowTimedOut:
			tt := d.TimeoutType
			if tt == "" {
				tt = "StartToClose"
			}
			cause = &TimeoutError{Message: "Workflow timeout", TimeoutType: tt}
		}
		return &WorkflowExecutionError{
			WorkflowID: d.WorkflowID, RunID: d.RunID, WorkflowType: d.WorkflowType,
			code: code, message: message, cause: cause,
		}
	case ErrUpdateFailed:
		return &UpdateFailedError{Message: message, Cause: failureToError(d.Failure)}
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
	Cause   error
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
