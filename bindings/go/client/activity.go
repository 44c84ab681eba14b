package client

/*
#include <stdint.h>
#include <stdlib.h>
#include "temporal.h"
*/
import "C"

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"unsafe"
)

// Async activity completion: an activity that returned the Go SDK's
// activity.ErrResultPending is completed, failed, canceled or heartbeated from here, by its
// task token (activity.GetInfo(ctx).TaskToken) or by its workflow and activity IDs.

// ErrActivityPaused is what RecordActivityHeartbeat returns when the server paused the
// activity: the Go SDK's activity.ErrActivityPaused.
var ErrActivityPaused = errors.New("activity paused")

// ErrActivityReset is what RecordActivityHeartbeat returns when the server reset the
// activity: the Go SDK's activity.ErrActivityReset.
var ErrActivityReset = errors.New("activity reset")

func (c *clientImpl) CompleteActivity(ctx context.Context, taskToken []byte, result interface{}, err error) error {
	completion, cerr := newActivityCompletion(result, err)
	if cerr != nil {
		return cerr
	}
	return c.do(ctx, func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
		token, tokenLen := tokenBytes(taskToken)
		var o C.temporal_activity_completion
		completion.fill(&o, cs)
		return C.temporal_complete_activity_async(h, token, tokenLen, &o, co, call)
	}, nil)
}

func (c *clientImpl) CompleteActivityByID(ctx context.Context, namespace, workflowID, runID, activityID string, result interface{}, err error) error {
	completion, cerr := newActivityCompletion(result, err)
	if cerr != nil {
		return cerr
	}
	return c.do(ctx, func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
		var o C.temporal_activity_completion
		completion.fill(&o, cs)
		return C.temporal_complete_activity_by_id_async(h, cs.str(namespace), cs.str(workflowID), cs.str(runID), cs.str(activityID), &o, co, call)
	}, nil)
}

func (c *clientImpl) RecordActivityHeartbeat(ctx context.Context, taskToken []byte, details ...interface{}) error {
	detailsJSON, err := encodeDetails(details)
	if err != nil {
		return err
	}
	var result string
	err = c.do(ctx, func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
		token, tokenLen := tokenBytes(taskToken)
		return C.temporal_record_activity_heartbeat_async(h, token, tokenLen, cs.str(detailsJSON), co, call)
	}, readJSON(&result))
	if err != nil {
		return err
	}
	return heartbeatOutcome(result, true)
}

func (c *clientImpl) RecordActivityHeartbeatByID(ctx context.Context, namespace, workflowID, runID, activityID string, details ...interface{}) error {
	detailsJSON, err := encodeDetails(details)
	if err != nil {
		return err
	}
	var result string
	err = c.do(ctx, func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
		return C.temporal_record_activity_heartbeat_by_id_async(h, cs.str(namespace), cs.str(workflowID), cs.str(runID), cs.str(activityID),
			cs.str(detailsJSON), co, call)
	}, readJSON(&result))
	if err != nil {
		return err
	}
	return heartbeatOutcome(result, false)
}

// tokenBytes is a task token as the library takes it; an empty token is NULL, which the
// library refuses (INVALID_ARGUMENT). The bytes are Go memory without pointers, read only
// during the call.
func tokenBytes(taskToken []byte) (*C.uint8_t, C.size_t) {
	if len(taskToken) == 0 {
		return nil, 0
	}
	return (*C.uint8_t)(unsafe.Pointer(&taskToken[0])), C.size_t(len(taskToken))
}

// heartbeatOutcome turns the heartbeat's response into the Go SDK's error: a *CanceledError
// when the workflow requested the activity's cancellation, and (by token only, as the Go
// SDK's recordActivityHeartbeat checks them and its ByID form does not) ErrActivityPaused or
// ErrActivityReset.
func heartbeatOutcome(result string, pausedAndReset bool) error {
	var r struct {
		ActivityPaused  bool `json:"activity_paused"`
		ActivityReset   bool `json:"activity_reset"`
		CancelRequested bool `json:"cancel_requested"`
	}
	if err := json.Unmarshal([]byte(result), &r); err != nil {
		return fmt.Errorf("temporal-ffi: decoding the heartbeat response: %w", err)
	}
	switch {
	case r.CancelRequested:
		return &CanceledError{}
	case pausedAndReset && r.ActivityPaused:
		return ErrActivityPaused
	case pausedAndReset && r.ActivityReset:
		return ErrActivityReset
	}
	return nil
}

// activityCompletion is CompleteActivity's result and err as the library's
// temporal_activity_completion, its JSON encoded.
type activityCompletion struct {
	outcome                     C.int32_t
	resultJSON, detailsJSON     string
	failureMessage, failureType string
	nonRetryable                bool
}

// newActivityCompletion maps CompleteActivity's arguments as the Go SDK does: err nil is
// completed with result (nil: no result, else its JSON encoding); a *CanceledError (found with errors.As), or an
// error that is context.Canceled, is canceled with the error's details; any other error
// fails the activity: a *ApplicationError with its message, type, non-retryable flag and
// details, another error with its Error() text and, as type, the name of its Go type (""
// for errors.New's), as the Go SDK's failure converter does.
func newActivityCompletion(result interface{}, err error) (*activityCompletion, error) {
	if err == nil {
		c := &activityCompletion{outcome: C.TEMPORAL_ACTIVITY_OUTCOME_COMPLETED}
		if result != nil {
			b, merr := json.Marshal(result)
			if merr != nil {
				return nil, fmt.Errorf("temporal-ffi: encoding the activity result: %w", merr)
			}
			c.resultJSON = string(b)
		}
		return c, nil
	}
	// With an error, result is ignored, as in the Go SDK.
	var canceled *CanceledError
	if errors.As(err, &canceled) {
		if canceled.encodeErr != nil {
			return nil, canceled.encodeErr
		}
		return &activityCompletion{outcome: C.TEMPORAL_ACTIVITY_OUTCOME_CANCELED, detailsJSON: detailsArg(canceled.Details)}, nil
	}
	if errors.Is(err, context.Canceled) {
		return &activityCompletion{outcome: C.TEMPORAL_ACTIVITY_OUTCOME_CANCELED}, nil
	}
	c := &activityCompletion{outcome: C.TEMPORAL_ACTIVITY_OUTCOME_FAILED}
	// Like the Go SDK's converter: only the error itself, not one it wraps, is taken as an
	// ApplicationError.
	if app, ok := err.(*ApplicationError); ok {
		if app.encodeErr != nil {
			return nil, app.encodeErr
		}
		if app.Cause != nil {
			// The library's completion carries one failure, not a chain: refused rather than
			// the cause silently dropped.
			return nil, &Error{Code: ErrInvalidArgument,
				Message: "temporal-ffi: CompleteActivity cannot send an ApplicationError's Cause (no failure chain): put it in the message or details"}
		}
		c.failureMessage, c.failureType, c.nonRetryable = app.Message, app.Type, app.NonRetryable
		c.detailsJSON = detailsArg(app.Details)
		return c, nil
	}
	c.failureMessage, c.failureType = err.Error(), goErrorType(err)
	return c, nil
}

// goErrorType is the Go SDK's getErrType: the name of err's type, pointers dereferenced,
// and "" for errors.New's errorString.
func goErrorType(err error) string {
	t := reflect.TypeOf(err)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Name() == goErrorStringType {
		return ""
	}
	return t.Name()
}

var goErrorStringType = reflect.TypeOf(errors.New("")).Elem().Name()

// fill sets o (initialised here) from c; the C strings are in cs.
func (c *activityCompletion) fill(o *C.temporal_activity_completion, cs *cstrings) {
	C.temporal_activity_completion_default(o, C.size_t(unsafe.Sizeof(*o)))
	o.outcome = c.outcome
	o.result_json = cs.str(c.resultJSON)
	o.details_json = cs.str(c.detailsJSON)
	if c.outcome == C.TEMPORAL_ACTIVITY_OUTCOME_FAILED {
		// An empty message is "" rather than unset, which the library also reads as "".
		o.failure_message = cs.str(c.failureMessage)
		o.failure_type = cs.str(c.failureType)
		o.failure_non_retryable = C.bool(c.nonRetryable)
	}
}

// encodeDetails JSON-encodes details as one JSON array, one element per detail ("" for none).
func encodeDetails(details []interface{}) (string, error) {
	if len(details) == 0 {
		return "", nil
	}
	items := make([]json.RawMessage, len(details))
	for i, d := range details {
		b, err := json.Marshal(d)
		if err != nil {
			return "", fmt.Errorf("temporal-ffi: encoding detail %d: %w", i, err)
		}
		items[i] = b
	}
	b, err := json.Marshal(items)
	return string(b), err
}

// NewApplicationError is the Go SDK's temporal.NewApplicationError: a retryable
// *ApplicationError, e.g. for CompleteActivity. details are JSON-encoded, one element each.
func NewApplicationError(message, errType string, details ...interface{}) error {
	return newApplicationError(message, errType, false, nil, details)
}

// NewNonRetryableApplicationError is the Go SDK's temporal.NewNonRetryableApplicationError.
// CompleteActivity refuses an error with a cause (the library sends no failure chain).
func NewNonRetryableApplicationError(message, errType string, cause error, details ...interface{}) error {
	return newApplicationError(message, errType, true, cause, details)
}

func newApplicationError(message, errType string, nonRetryable bool, cause error, details []interface{}) error {
	e := &ApplicationError{Message: message, Type: errType, NonRetryable: nonRetryable, Cause: cause}
	detailsJSON, err := encodeDetails(details)
	e.Details, e.encodeErr = rawOrNil(detailsJSON), err
	// What the Go SDK's ApplicationError.Error() prints.
	e.display = message
	if errType != "" {
		e.display = fmt.Sprintf("%s (type: %s, retryable: %v)", message, errType, !nonRetryable)
	}
	if cause != nil {
		e.display = fmt.Sprintf("%s: %v", e.display, cause)
	}
	return e
}

// NewCanceledError is the Go SDK's temporal.NewCanceledError: pass it to CompleteActivity to
// report the activity canceled (after its workflow requested it) with details.
func NewCanceledError(details ...interface{}) error {
	e := &CanceledError{}
	detailsJSON, err := encodeDetails(details)
	e.Details, e.encodeErr = rawOrNil(detailsJSON), err
	return e
}

// detailsArg is an error's details JSON as the library takes them: "" (none) for none or null.
func detailsArg(raw json.RawMessage) string {
	if string(raw) == "null" {
		return ""
	}
	return string(raw)
}

func rawOrNil(s string) json.RawMessage {
	if s == "" {
		return nil
	}
	return json.RawMessage(s)
}
