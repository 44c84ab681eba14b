package client

import (
	"errors"
	"strings"
	"testing"
)

type greeter struct{}

func (greeter) Hello(ctx interface{}) (string, error) { return "", nil }

func MyWorkflow(ctx interface{}, s string) (string, error) { return s, nil }

func TestWorkflowName(t *testing.T) {
	for _, tc := range []struct {
		in   interface{}
		want string
	}{
		{"Named", "Named"},
		{MyWorkflow, "MyWorkflow"},
		{greeter{}.Hello, "Hello"},
	} {
		got, err := workflowName(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("workflowName(%T) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []interface{}{nil, "", 3} {
		if _, err := workflowName(bad); err == nil {
			t.Errorf("workflowName(%#v) succeeded", bad)
		}
	}
}

func TestEncodeArgs(t *testing.T) {
	s, err := encodeArgs([]interface{}{"a", 1, nil, struct{ X int }{2}, []byte("hi")})
	if err != nil || s != `["a",1,null,{"X":2},"aGk="]` {
		t.Errorf("encodeArgs = %s, %v", s, err)
	}
	if s, _ := encodeArgs(nil); s != "" {
		t.Errorf("encodeArgs(nil) = %q", s)
	}
}

func TestNewErrorMapping(t *testing.T) {
	err := newError(ErrWorkflowFailed, "workflow execution error (type: Fail, workflowID: w, runID: r): boom",
		`{"workflow_id":"w","run_id":"r","workflow_type":"Fail","failure":{"message":"boom","kind":"application","type":"MyError","non_retryable":true,"details":[{"n":1}],
		"cause":{"message":"act","kind":"activity","activity_type":"A","activity_id":"1","retry_state":"MaximumAttemptsReached","cause":{"message":"t","kind":"timeout","timeout_type":"StartToClose"}}}}`)
	var wee *WorkflowExecutionError
	var app *ApplicationError
	var act *ActivityError
	var to *TimeoutError
	if !errors.As(err, &wee) || !errors.As(err, &app) || !errors.As(err, &act) || !errors.As(err, &to) {
		t.Fatalf("chain: %#v", err)
	}
	if wee.RunID != "r" || wee.WorkflowType != "Fail" || app.Type != "MyError" || to.TimeoutType != "StartToClose" {
		t.Errorf("fields: %+v %+v %+v", wee, app, to)
	}
	var n struct{ N int }
	if err := app.DetailsInto(&n); err != nil || n.N != 1 {
		t.Errorf("details: %v %v", n, err)
	}
	if !strings.Contains(app.Error(), "activity error (type: A") {
		t.Errorf("app.Error() = %q", app.Error())
	}

	err = newError(ErrAlreadyStarted, "already", `{"workflow_id":"w","run_id":"r"}`)
	var as *WorkflowExecutionAlreadyStartedError
	if !errors.As(err, &as) || as.RunID != "r" || as.WorkflowID != "w" {
		t.Errorf("already started: %#v", err)
	}

	err = newError(ErrRPC, "rpc", `{"grpc_code":13}`)
	var e *Error
	if !errors.As(err, &e) || e.Code != ErrRPC || string(e.Details) != `{"grpc_code":13}` || !errors.Is(err, ErrRPC) || errors.Is(err, ErrNotFound) {
		t.Errorf("rpc: %#v", err)
	}
	if ErrNotFound.String() != "NOT_FOUND" || ErrorCode(99).String() != "UNKNOWN(99)" {
		t.Error("code names")
	}
}

func TestNewErrorMappingOperations(t *testing.T) {
	err := newError(ErrUpdateFailed, "update failed: unlucky number",
		`{"failure":{"message":"unlucky number","kind":"application","type":"Unlucky","non_retryable":false}}`)
	var uf *UpdateFailedError
	var app *ApplicationError
	if !errors.As(err, &uf) || !errors.As(err, &app) || app.Type != "Unlucky" || !errors.Is(err, ErrUpdateFailed) {
		t.Errorf("update failed: %#v", err)
	}
	err = newError(ErrQueryFailed, "query failed", "")
	var qf *QueryFailedError
	if !errors.As(err, &qf) || qf.Message != "query failed" || !errors.Is(err, ErrQueryFailed) {
		t.Errorf("query failed: %#v", err)
	}
	err = newError(ErrShutdown, "shut down", "")
	if !errors.Is(err, ErrShutdown) || ErrShutdown.String() != "SHUTDOWN" {
		t.Errorf("shutdown: %#v", err)
	}
	if u := newUUID(); len(u) != 36 || u[14] != '4' {
		t.Errorf("uuid %q", u)
	}
}
