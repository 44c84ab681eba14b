package client

import (
	"errors"
	"strings"
	"testing"
	"time"
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
	// Each link's Error() is its "display" (made up here, to tell it from any formatting).
	err := newError(ErrWorkflowFailed, "workflow execution error (type: Fail, workflowID: w, runID: r): boom",
		`{"workflow_id":"w","run_id":"r","workflow_type":"Fail","failure":{"message":"boom","kind":"application","type":"MyError","non_retryable":true,"details":[{"n":1}],"display":"app display",
		"cause":{"message":"act","kind":"activity","activity_type":"A","activity_id":"1","retry_state":"MaximumAttemptsReached","display":"activity display",
		"cause":{"message":"t","kind":"timeout","timeout_type":"StartToClose","display":"timeout display"}}}}`)
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
	if app.Error() != "app display" || act.Error() != "activity display" || to.Error() != "timeout display" {
		t.Errorf("Error() = %q, %q, %q; want the displays", app.Error(), act.Error(), to.Error())
	}
	if !strings.HasSuffix(err.Error(), "): boom") {
		t.Errorf("err.Error() = %q, want the library's message", err.Error())
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
	if ErrNotFound.String() != "NOT_FOUND" || ErrorCode(99).String() != "UNKNOWN" || ErrNotFound.Error() != "temporal-ffi: NOT_FOUND" {
		t.Errorf("code names: %q %q %q", ErrNotFound, ErrorCode(99), ErrNotFound.Error())
	}
}

func TestNewErrorMappingOperations(t *testing.T) {
	err := newError(ErrUpdateFailed, "update failed: unlucky number",
		`{"update_id":"u1","failure":{"message":"unlucky number","kind":"application","type":"Unlucky","non_retryable":false}}`)
	var uf *UpdateFailedError
	var app *ApplicationError
	if !errors.As(err, &uf) || !errors.As(err, &app) || app.Type != "Unlucky" || !errors.Is(err, ErrUpdateFailed) || uf.UpdateID != "u1" {
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
}

// Every code in the header has a name from the library.
func TestErrorCodeNames(t *testing.T) {
	for code := ErrInvalidArgument; code <= ErrShutdown; code++ {
		if n := code.String(); n == "" || n == "UNKNOWN" || strings.ToUpper(n) != n {
			t.Errorf("ErrorCode(%d).String() = %q", int32(code), n)
		}
	}
}

func TestCheckVersion(t *testing.T) {
	for _, v := range []string{"0.2.0", "0.2.7", "0.2.0-rc1"} {
		if err := checkVersion(v); err != nil {
			t.Errorf("checkVersion(%q) = %v", v, err)
		}
	}
	for _, v := range []string{"0.1.0", "0.3.0", "1.2.0", "2.0.0", "", "garbage"} {
		err := checkVersion(v)
		if err == nil || !strings.Contains(err.Error(), "0.2") || !strings.Contains(err.Error(), `"`+v+`"`) {
			t.Errorf("checkVersion(%q) = %v, want an error naming both versions", v, err)
		}
	}
	if err := checkVersion(Version()); err != nil {
		t.Errorf("the loaded library: %v", err)
	}
}

func TestTimeoutMS(t *testing.T) {
	for _, tc := range []struct {
		in   time.Duration
		want uint64
	}{
		{time.Nanosecond, 1},
		{time.Millisecond, 1},
		{time.Millisecond + 1, 2},
		{1500 * time.Millisecond, 1500},
		{200 * 365 * 24 * time.Hour, 3153600000000}, // more than TEMPORAL_MAX_DURATION_MS (100 years)
	} {
		if got := uint64(timeoutMS(tc.in)); got != tc.want {
			t.Errorf("timeoutMS(%v) = %d, want %d", tc.in, got, tc.want)
		}
	}
}
