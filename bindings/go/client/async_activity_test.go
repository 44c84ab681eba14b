package client_test

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/temporal-ffi/temporal-ffi/bindings/go/client"
)

// Async activity completion against the test worker: its AsyncActivity workflow runs
// PendingActivity, which publishes its task token (hex), IDs, attempt and the previous
// attempt's heartbeat details through the "activity_started" query and leaves itself pending;
// the workflow returns what the activity was completed with (its failure as the workflow's
// error; {"canceled": true, "details": [...]} when reported canceled) and requests the
// activity's cancellation on the signal "cancel_activity".

type asyncInput struct {
	ActivityID  string `json:"activity_id,omitempty"`
	MaxAttempts int32  `json:"max_attempts,omitempty"`
}

// pendingActivity is what PendingActivity published for one attempt.
type pendingActivity struct {
	TaskToken        string          `json:"task_token"`
	WorkflowID       string          `json:"workflow_id"`
	RunID            string          `json:"run_id"`
	ActivityID       string          `json:"activity_id"`
	Attempt          int32           `json:"attempt"`
	HeartbeatDetails json.RawMessage `json:"heartbeat_details"`
	token            []byte
}

func startAsyncActivity(t *testing.T, c client.Client, in asyncInput) client.WorkflowRun {
	t.Helper()
	o := opts(t)
	o.WorkflowExecutionTimeout = 2 * time.Minute
	terminateAtEnd(t, o.ID)
	run, err := c.ExecuteWorkflow(ctxTimeout(t, 30*time.Second), o, "AsyncActivity", in)
	if err != nil {
		t.Fatalf("ExecuteWorkflow: %v", err)
	}
	return run
}

// waitPending waits (30 s) until the activity of workflow id published attempt attempt.
func waitPending(t *testing.T, c client.Client, id string, attempt int32) pendingActivity {
	t.Helper()
	ctx := ctxTimeout(t, 30*time.Second)
	for {
		v, err := c.QueryWorkflow(ctx, id, "", "activity_started")
		if ctx.Err() != nil {
			t.Fatalf("attempt %d of the activity of %s was not published within 30 s (last: %v)", attempt, id, err)
		}
		var p pendingActivity
		if err == nil && v.HasValue() {
			if err := v.Get(&p); err != nil {
				t.Fatalf("decoding activity_started: %v", err)
			}
			if p.Attempt >= attempt {
				if p.Attempt != attempt {
					t.Fatalf("attempt %d published, want %d", p.Attempt, attempt)
				}
				if p.token, err = hex.DecodeString(p.TaskToken); err != nil || len(p.token) == 0 {
					t.Fatalf("task token %q is not hex: %v", p.TaskToken, err)
				}
				if p.WorkflowID != id || p.RunID == "" {
					t.Fatalf("published IDs %q %q, want workflow %q", p.WorkflowID, p.RunID, id)
				}
				return p
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestCompleteActivityByTokenReturnsTheResult(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 60*time.Second)
	run := startAsyncActivity(t, c, asyncInput{})
	p := waitPending(t, c, run.GetID(), 1)
	if p.ActivityID != "async" {
		t.Errorf("activity ID %q", p.ActivityID)
	}
	type receipt struct {
		Order string `json:"order"`
		Total int    `json:"total"`
	}
	if err := c.CompleteActivity(ctx, p.token, receipt{Order: "<x> & y", Total: 42}, nil); err != nil {
		t.Fatalf("CompleteActivity: %v", err)
	}
	var got receipt
	if err := run.Get(ctx, &got); err != nil || got != (receipt{Order: "<x> & y", Total: 42}) {
		t.Fatalf("workflow result = %+v, %v", got, err)
	}
}

func TestCompleteActivityWithNoResult(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 60*time.Second)
	run := startAsyncActivity(t, c, asyncInput{})
	p := waitPending(t, c, run.GetID(), 1)
	if err := c.CompleteActivity(ctx, p.token, nil, nil); err != nil {
		t.Fatalf("CompleteActivity: %v", err)
	}
	var got interface{} = "unset"
	if err := run.Get(ctx, &got); err != nil || got != nil {
		t.Fatalf("workflow result = %#v, %v; want null", got, err)
	}
}

func TestCompleteActivityByID(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 60*time.Second)
	run := startAsyncActivity(t, c, asyncInput{ActivityID: "charge-card"})
	p := waitPending(t, c, run.GetID(), 1)
	if p.ActivityID != "charge-card" {
		t.Fatalf("activity ID %q", p.ActivityID)
	}
	// No namespace and no run ID: the client's namespace and the current run.
	if err := c.CompleteActivityByID(ctx, "", run.GetID(), "", "charge-card", "done by ID", nil); err != nil {
		t.Fatalf("CompleteActivityByID: %v", err)
	}
	var got string
	if err := run.Get(ctx, &got); err != nil || got != "done by ID" {
		t.Fatalf("workflow result = %q, %v", got, err)
	}
}

// activityFailure is the *ApplicationError the workflow failed with (through *ActivityError).
func activityFailure(t *testing.T, run client.WorkflowRun) *client.ApplicationError {
	t.Helper()
	err := run.Get(ctxTimeout(t, 30*time.Second), nil)
	var we *client.WorkflowExecutionError
	var ae *client.ActivityError
	var app *client.ApplicationError
	if !errors.As(err, &we) || !errors.As(err, &ae) || !errors.As(err, &app) {
		t.Fatalf("workflow error = %v (%T), want an ActivityError caused by an ApplicationError", err, err)
	}
	if ae.ActivityType != "PendingActivity" {
		t.Errorf("ActivityType = %q", ae.ActivityType)
	}
	return app
}

func TestCompleteActivityWithApplicationErrorFailsIt(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 60*time.Second)
	run := startAsyncActivity(t, c, asyncInput{})
	p := waitPending(t, c, run.GetID(), 1)
	type code struct {
		Code int `json:"code"`
	}
	failure := client.NewNonRetryableApplicationError("card declined", "CardDeclined", nil, "visa", code{51})
	if got := failure.Error(); got != "card declined (type: CardDeclined, retryable: false)" {
		t.Errorf("Error() = %q, want the Go SDK's text", got)
	}
	if err := c.CompleteActivity(ctx, p.token, nil, failure); err != nil {
		t.Fatalf("CompleteActivity: %v", err)
	}
	app := activityFailure(t, run)
	if app.Message != "card declined" || app.Type != "CardDeclined" || !app.NonRetryable {
		t.Errorf("failure = %q %q non-retryable %v", app.Message, app.Type, app.NonRetryable)
	}
	var card string
	var c51 code
	if err := app.DetailsInto(&card, &c51); err != nil || card != "visa" || c51.Code != 51 {
		t.Errorf("details = %q %+v, %v (raw %s)", card, c51, err, app.Details)
	}
}

// declinedError is an error type of the program's own: failed with its type name as the
// failure type, as the Go SDK's converter does.
type declinedError struct{ reason string }

func (e *declinedError) Error() string { return "declined: " + e.reason }

func TestCompleteActivityWithPlainErrorFailsIt(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 60*time.Second)
	for _, tc := range []struct {
		err      error
		wantType string
	}{
		{&declinedError{"no funds"}, "declinedError"},
		{errors.New("plain failure"), ""},
	} {
		run := startAsyncActivity(t, c, asyncInput{})
		p := waitPending(t, c, run.GetID(), 1)
		if err := c.CompleteActivity(ctx, p.token, nil, tc.err); err != nil {
			t.Fatalf("CompleteActivity(%v): %v", tc.err, err)
		}
		app := activityFailure(t, run)
		if app.Message != tc.err.Error() || app.Type != tc.wantType || app.NonRetryable {
			t.Errorf("%v: failure = %q type %q non-retryable %v, want type %q", tc.err, app.Message, app.Type, app.NonRetryable, tc.wantType)
		}
	}
}

// A retryable failure is retried; the last heartbeat's details reach the next attempt, by
// token and by ID; the token of an earlier attempt is no longer valid.
func TestHeartbeatDetailsReachTheNextAttempt(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 90*time.Second)
	run := startAsyncActivity(t, c, asyncInput{MaxAttempts: 3})
	id := run.GetID()
	p1 := waitPending(t, c, id, 1)
	if string(p1.HeartbeatDetails) != "null" {
		t.Errorf("attempt 1 heartbeat details %s", p1.HeartbeatDetails)
	}
	type step struct {
		Step int `json:"step"`
		Of   int `json:"of"`
	}
	if err := c.RecordActivityHeartbeat(ctx, p1.token, "progress", step{1, 3}); err != nil {
		t.Fatalf("RecordActivityHeartbeat: %v", err)
	}
	if err := c.CompleteActivity(ctx, p1.token, nil, client.NewApplicationError("try again", "Transient")); err != nil {
		t.Fatalf("CompleteActivity(retryable failure): %v", err)
	}

	p2 := waitPending(t, c, id, 2)
	if got := string(p2.HeartbeatDetails); got != `["progress",{"of":3,"step":1}]` {
		t.Errorf("attempt 2 heartbeat details %s", got)
	}
	if p2.TaskToken == p1.TaskToken {
		t.Error("attempt 2 has attempt 1's token")
	}
	err := c.RecordActivityHeartbeat(ctx, p1.token)
	var ce *client.Error
	if !errors.Is(err, client.ErrNotFound) || !errors.As(err, &ce) || !strings.Contains(ce.Message, "activity already timed out") {
		t.Errorf("heartbeat with attempt 1's token: %v (%T), want NOT_FOUND", err, err)
	}
	// By ID, with the namespace and run ID spelled out; a plain error is retryable.
	if err := c.RecordActivityHeartbeatByID(ctx, "default", id, p2.RunID, "async", 2); err != nil {
		t.Fatalf("RecordActivityHeartbeatByID: %v", err)
	}
	if err := c.CompleteActivityByID(ctx, "default", id, p2.RunID, "async", nil, errors.New("again")); err != nil {
		t.Fatalf("CompleteActivityByID(failure): %v", err)
	}

	p3 := waitPending(t, c, id, 3)
	if got := string(p3.HeartbeatDetails); got != "[2]" {
		t.Errorf("attempt 3 heartbeat details %s", got)
	}
	if err := c.CompleteActivity(ctx, p3.token, "third time", nil); err != nil {
		t.Fatalf("CompleteActivity: %v", err)
	}
	var got string
	if err := run.Get(ctx, &got); err != nil || got != "third time" {
		t.Fatalf("workflow result = %q, %v", got, err)
	}
}

// waitCancelRequested heartbeats (by token, or by ID) until the heartbeat returns the
// *CanceledError of a cancellation request (10 s).
func waitCancelRequested(t *testing.T, c client.Client, p pendingActivity, byID bool) {
	t.Helper()
	ctx := ctxTimeout(t, 10*time.Second)
	for {
		var err error
		if byID {
			err = c.RecordActivityHeartbeatByID(ctx, "", p.WorkflowID, "", p.ActivityID)
		} else {
			err = c.RecordActivityHeartbeat(ctx, p.token)
		}
		var canceled *client.CanceledError
		if errors.As(err, &canceled) {
			if canceled.Error() != "canceled" {
				t.Errorf("CanceledError.Error() = %q", canceled.Error())
			}
			return
		}
		if err != nil {
			t.Fatalf("heartbeat (by ID %v) before the cancellation request arrived: %v", byID, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestCancelActivityAfterTheWorkflowRequestsIt(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 60*time.Second)
	run := startAsyncActivity(t, c, asyncInput{})
	p := waitPending(t, c, run.GetID(), 1)
	if err := c.RecordActivityHeartbeat(ctx, p.token, "working"); err != nil {
		t.Fatalf("RecordActivityHeartbeat: %v", err)
	}
	// The server accepts a cancellation only once the workflow requested it.
	err := c.CompleteActivity(ctx, p.token, nil, client.NewCanceledError("cleaned up", 3))
	if !errors.Is(err, client.ErrInvalidArgument) || !strings.Contains(err.Error(), "without activity being request canceled") {
		t.Fatalf("cancel before the request: %v (%T), want INVALID_ARGUMENT", err, err)
	}
	if err := c.SignalWorkflow(ctx, run.GetID(), "", "cancel_activity", nil); err != nil {
		t.Fatalf("SignalWorkflow: %v", err)
	}
	waitCancelRequested(t, c, p, false)
	waitCancelRequested(t, c, p, true)
	if err := c.CompleteActivity(ctx, p.token, nil, client.NewCanceledError("cleaned up", 3)); err != nil {
		t.Fatalf("CompleteActivity(canceled): %v", err)
	}
	var got struct {
		Canceled bool          `json:"canceled"`
		Details  []interface{} `json:"details"`
	}
	if err := run.Get(ctx, &got); err != nil || !got.Canceled || len(got.Details) != 2 || got.Details[0] != "cleaned up" || got.Details[1] != 3.0 {
		t.Fatalf("workflow result = %+v, %v", got, err)
	}
}

// context.Canceled as err reports the activity canceled without details, as in the Go SDK.
func TestCancelActivityByIDWithContextCanceled(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 60*time.Second)
	run := startAsyncActivity(t, c, asyncInput{ActivityID: "stoppable"})
	p := waitPending(t, c, run.GetID(), 1)
	if err := c.SignalWorkflow(ctx, run.GetID(), "", "cancel_activity", nil); err != nil {
		t.Fatalf("SignalWorkflow: %v", err)
	}
	waitCancelRequested(t, c, p, true)
	if err := c.CompleteActivityByID(ctx, "", run.GetID(), p.RunID, "stoppable", nil, context.Canceled); err != nil {
		t.Fatalf("CompleteActivityByID(context.Canceled): %v", err)
	}
	var got map[string]interface{}
	if err := run.Get(ctx, &got); err != nil || got["canceled"] != true || got["details"] != nil {
		t.Fatalf("workflow result = %v, %v", got, err)
	}
}

// An activity that is no longer pending, or never was, is NOT_FOUND, as the server says.
func TestCompletedActivityIsNotFound(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 60*time.Second)
	run := startAsyncActivity(t, c, asyncInput{})
	id := run.GetID()
	p := waitPending(t, c, id, 1)
	if err := c.CompleteActivity(ctx, p.token, 1, nil); err != nil {
		t.Fatalf("CompleteActivity: %v", err)
	}
	if err := run.Get(ctx, nil); err != nil {
		t.Fatalf("Get: %v", err)
	}
	notFound := func(what string, err error, text string) {
		t.Helper()
		var ce *client.Error
		if !errors.As(err, &ce) || ce.Code != client.ErrNotFound || !errors.Is(err, client.ErrNotFound) || !strings.Contains(ce.Message, text) {
			t.Errorf("%s: %v (%T), want a NOT_FOUND *Error containing %q", what, err, err, text)
		}
	}
	err := c.CompleteActivity(ctx, p.token, 1, nil)
	notFound("complete again", err, "complete activity: workflow execution already completed")
	if ce := (*client.Error)(nil); errors.As(err, &ce) && !strings.Contains(string(ce.Details), `"grpc_code":"NOT_FOUND"`) {
		t.Errorf("details %s", ce.Details)
	}
	err = c.CompleteActivityByID(ctx, "", id, "", "async", 1, nil)
	notFound("complete by ID again", err, "")
	if ce := (*client.Error)(nil); errors.As(err, &ce) && !strings.Contains(string(ce.Details), `"activity_id":"async"`) {
		t.Errorf("details %s", ce.Details)
	}
	notFound("fail after completion", c.CompleteActivity(ctx, p.token, nil, errors.New("late")), "fail activity: ")
	notFound("heartbeat after completion", c.RecordActivityHeartbeat(ctx, p.token), "record activity heartbeat: ")
	notFound("heartbeat by ID after completion", c.RecordActivityHeartbeatByID(ctx, "", id, "", "async"), "")
	notFound("workflow never started", c.RecordActivityHeartbeatByID(ctx, "", "async-activity-never-started", "", "async"), "")
	notFound("no such namespace", c.CompleteActivityByID(ctx, "no-such-namespace", id, "", "async", 1, nil),
		"Namespace no-such-namespace is not found")
}

func TestCompleteActivityBadTaskToken(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 30*time.Second)
	for _, token := range [][]byte{nil, {}} {
		err := c.CompleteActivity(ctx, token, 1, nil)
		if !errors.Is(err, client.ErrInvalidArgument) || !strings.Contains(err.Error(), "task_token must not be NULL") {
			t.Errorf("CompleteActivity(%#v): %v, want INVALID_ARGUMENT", token, err)
		}
		err = c.RecordActivityHeartbeat(ctx, token)
		if !errors.Is(err, client.ErrInvalidArgument) {
			t.Errorf("RecordActivityHeartbeat(%#v): %v, want INVALID_ARGUMENT", token, err)
		}
	}
	garbage := []byte("not a task token")
	err := c.CompleteActivity(ctx, garbage, 1, nil)
	if !errors.Is(err, client.ErrInvalidArgument) || !strings.Contains(err.Error(), "complete activity: Error deserializing task token") {
		t.Errorf("CompleteActivity(garbage): %v, want INVALID_ARGUMENT", err)
	}
	if err := c.RecordActivityHeartbeat(ctx, garbage, "x"); !errors.Is(err, client.ErrInvalidArgument) {
		t.Errorf("RecordActivityHeartbeat(garbage): %v, want INVALID_ARGUMENT", err)
	}
	// Refused in Go, before any request: what cannot be encoded, and a cause chain.
	if err := c.CompleteActivity(ctx, garbage, make(chan int), nil); err == nil || !strings.Contains(err.Error(), "encoding the activity result") {
		t.Errorf("CompleteActivity(chan result): %v", err)
	}
	if err := c.CompleteActivity(ctx, garbage, nil, client.NewCanceledError(func() {})); err == nil || !strings.Contains(err.Error(), "encoding detail 0") {
		t.Errorf("CompleteActivity(undecodable cancel detail): %v", err)
	}
	if err := c.RecordActivityHeartbeat(ctx, garbage, 1, make(chan int)); err == nil || !strings.Contains(err.Error(), "encoding detail 1") {
		t.Errorf("RecordActivityHeartbeat(chan detail): %v", err)
	}
	withCause := client.NewNonRetryableApplicationError("m", "T", errors.New("root cause"))
	if err := c.CompleteActivity(ctx, garbage, nil, withCause); !errors.Is(err, client.ErrInvalidArgument) || !strings.Contains(err.Error(), "Cause") {
		t.Errorf("CompleteActivity(error with a cause): %v", err)
	}
}

// The Go SDK's *WithOptions forms reach the same activities: a heartbeat by token and by ID,
// then completion by token (one workflow) and by ID (another).
func TestActivityCallsWithOptions(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 60*time.Second)
	run := startAsyncActivity(t, c, asyncInput{})
	p := waitPending(t, c, run.GetID(), 1)
	if err := c.RecordActivityHeartbeatWithOptions(ctx, client.RecordActivityHeartbeatOptions{
		TaskToken: p.token, Details: []any{"half"}, ActivityType: "PendingActivity",
	}); err != nil {
		t.Fatalf("RecordActivityHeartbeatWithOptions: %v", err)
	}
	if err := c.CompleteActivityWithOptions(ctx, client.CompleteActivityOptions{
		TaskToken: p.token, Result: "done with options", WorkflowID: run.GetID(),
	}); err != nil {
		t.Fatalf("CompleteActivityWithOptions: %v", err)
	}
	var got string
	if err := run.Get(ctx, &got); err != nil || got != "done with options" {
		t.Fatalf("workflow result = %q, %v", got, err)
	}
	// The activity is no longer pending: the options form reports it as the plain one does.
	err := c.CompleteActivityWithOptions(ctx, client.CompleteActivityOptions{TaskToken: p.token, Result: "again"})
	if !errors.Is(err, client.ErrNotFound) {
		t.Fatalf("completing a completed activity: %v, want ErrNotFound", err)
	}

	run = startAsyncActivity(t, c, asyncInput{ActivityID: "by-id-options"})
	waitPending(t, c, run.GetID(), 1)
	if err := c.RecordActivityHeartbeatByIDWithOptions(ctx, client.RecordActivityHeartbeatByIDOptions{
		WorkflowID: run.GetID(), ActivityID: "by-id-options", Details: []any{1},
	}); err != nil {
		t.Fatalf("RecordActivityHeartbeatByIDWithOptions: %v", err)
	}
	if err := c.CompleteActivityByIDWithOptions(ctx, client.CompleteActivityByIDOptions{
		WorkflowID: run.GetID(), ActivityID: "by-id-options", Err: client.NewApplicationError("declined", "CardDeclined"),
	}); err != nil {
		t.Fatalf("CompleteActivityByIDWithOptions: %v", err)
	}
	if app := activityFailure(t, run); app.Message != "declined" || app.Type != "CardDeclined" {
		t.Fatalf("failure = %q %q", app.Message, app.Type)
	}
}
