package client_test

import (
	"context"
	"errors"
	"net"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/temporal-ffi/temporal-ffi/bindings/go/client"
	hello "github.com/temporal-ffi/temporal-ffi/bindings/go/examples/helloworld/app"
	money "github.com/temporal-ffi/temporal-ffi/bindings/go/examples/moneytransfer/app"
)

func TestVersion(t *testing.T) {
	if v := client.Version(); !strings.HasPrefix(v, "0.2.") {
		t.Fatalf("Version() = %q, want the 0.2.x library the binding is written for", v)
	}
}

func TestStartAndGet(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 30*time.Second)
	o := opts(t)
	run, err := c.ExecuteWorkflow(ctx, o, "GreetingWorkflow", "World")
	if err != nil {
		t.Fatalf("ExecuteWorkflow: %v", err)
	}
	if run.GetID() != o.ID {
		t.Errorf("GetID = %q, want %q", run.GetID(), o.ID)
	}
	if run.GetRunID() == "" {
		t.Error("empty RunID")
	}
	var greeting string
	if err := run.Get(ctx, &greeting); err != nil {
		t.Fatalf("Get: %v", err)
	}
	if greeting != "Hello World!" {
		t.Errorf("greeting = %q", greeting)
	}
}

func TestGzipCompression(t *testing.T) {
	c, err := client.Dial(client.Options{HostPort: serverAddress(t), GrpcCompression: client.GrpcCompressionGzip})
	if err != nil {
		t.Fatalf("Dial: %v", err)
	}
	defer c.Close()
	ctx := ctxTimeout(t, 30*time.Second)
	run, err := c.ExecuteWorkflow(ctx, opts(t), "GreetingWorkflow", "gzip")
	if err != nil {
		t.Fatalf("ExecuteWorkflow: %v", err)
	}
	var greeting string
	if err := run.Get(ctx, &greeting); err != nil || greeting != "Hello gzip!" {
		t.Fatalf("Get = %q, %v", greeting, err)
	}
	if _, err := client.Dial(client.Options{HostPort: serverAddress(t), GrpcCompression: 9}); !errors.Is(err, client.ErrInvalidArgument) {
		t.Fatalf("Dial with GrpcCompression 9: %v, want ErrInvalidArgument", err)
	}
}

func TestFunctionValueWorkflowName(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 30*time.Second)
	run, err := c.ExecuteWorkflow(ctx, opts(t), hello.GreetingWorkflow, "Gopher")
	if err != nil {
		t.Fatalf("ExecuteWorkflow: %v", err)
	}
	var greeting string
	if err := run.Get(ctx, &greeting); err != nil {
		t.Fatalf("Get: %v", err)
	}
	if greeting != "Hello Gopher!" {
		t.Errorf("greeting = %q", greeting)
	}
}

func TestRandomWorkflowID(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 30*time.Second)
	run, err := c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{TaskQueue: taskQueue()}, "NoResult")
	if err != nil {
		t.Fatalf("ExecuteWorkflow: %v", err)
	}
	if run.GetID() == "" {
		t.Error("no generated workflow ID")
	}
	if err := run.Get(ctx, nil); err != nil {
		t.Fatalf("Get: %v", err)
	}
}

func TestStructArgument(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 30*time.Second)
	details := money.TransferDetails{Amount: 54.99, FromAccount: "001-001", ToAccount: "002-002", ReferenceID: "ref-1"}
	run, err := c.ExecuteWorkflow(ctx, opts(t), money.TransferMoney, details)
	if err != nil {
		t.Fatalf("ExecuteWorkflow: %v", err)
	}
	var out string
	if err := run.Get(ctx, &out); err != nil {
		t.Fatalf("Get: %v", err)
	}
	if !strings.HasPrefix(out, "Transfer complete (transaction IDs: ") {
		t.Errorf("result = %q", out)
	}

	// The struct goes through as JSON with the Go field names: Echo gives it back.
	run, err = c.ExecuteWorkflow(ctx, opts(t), "Echo", details)
	if err != nil {
		t.Fatalf("ExecuteWorkflow(Echo): %v", err)
	}
	var back money.TransferDetails
	if err := run.Get(ctx, &back); err != nil {
		t.Fatalf("Get(Echo): %v", err)
	}
	if back != details {
		t.Errorf("Echo = %+v, want %+v", back, details)
	}
}

func TestGetIntoTypes(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 30*time.Second)

	// int, following continue-as-new.
	run, err := c.ExecuteWorkflow(ctx, opts(t), "ContinueAsNew", 3, 0)
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := run.Get(ctx, &n); err != nil || n != 3 {
		t.Errorf("ContinueAsNew: %d, %v; want 3", n, err)
	}

	// struct, from several typed arguments.
	run, err = c.ExecuteWorkflow(ctx, opts(t), "Concat", "x", 2, true, map[string]interface{}{"k": "v"})
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		A string            `json:"a"`
		B int               `json:"b"`
		C bool              `json:"c"`
		D map[string]string `json:"d"`
	}
	if err := run.Get(ctx, &got); err != nil {
		t.Fatal(err)
	}
	if got.A != "x" || got.B != 2 || !got.C || got.D["k"] != "v" {
		t.Errorf("Concat = %+v", got)
	}

	// nil valuePtr ignores the result; a non-pointer is refused.
	if err := run.Get(ctx, nil); err != nil {
		t.Errorf("Get(nil): %v", err)
	}
	if err := run.Get(ctx, got); err == nil {
		t.Error("Get(non-pointer) succeeded")
	}

	// nil argument and null result.
	run, err = c.ExecuteWorkflow(ctx, opts(t), "Echo", nil)
	if err != nil {
		t.Fatal(err)
	}
	p := new(string)
	if err := run.Get(ctx, &p); err != nil || p != nil {
		t.Errorf("Echo(nil) = %v, %v; want nil pointer", p, err)
	}

	// []byte results arrive as binary/plain, decoded as the Go SDK does.
	run, err = c.ExecuteWorkflow(ctx, opts(t), "ReturnBytes")
	if err != nil {
		t.Fatal(err)
	}
	var b []byte
	if err := run.Get(ctx, &b); err != nil || string(b) != "raw bytes" {
		t.Errorf("ReturnBytes = %q, %v", b, err)
	}

	// interface{} result.
	run, err = c.ExecuteWorkflow(ctx, opts(t), "Sleep", 10)
	if err != nil {
		t.Fatal(err)
	}
	var v interface{}
	if err := run.Get(ctx, &v); err != nil || v != "slept" {
		t.Errorf("Sleep = %v, %v", v, err)
	}
}

func TestUndecodableResult(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 30*time.Second)
	run, err := c.ExecuteWorkflow(ctx, opts(t), "CustomEncoding")
	if err != nil {
		t.Fatal(err)
	}
	var s string
	err = run.Get(ctx, &s)
	var e *client.Error
	if !errors.As(err, &e) || e.Code != client.ErrPayload || !errors.Is(err, client.ErrPayload) {
		t.Fatalf("Get = %v (%T), want a PAYLOAD *client.Error", err, err)
	}
}

func TestOptions(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 30*time.Second)
	o := opts(t)
	o.Memo = map[string]interface{}{"note": "hi", "n": 7}
	o.SearchAttributes = map[string]interface{}{"CustomKeywordField": "kw"}
	o.WorkflowExecutionTimeout = time.Minute
	o.WorkflowRunTimeout = 30 * time.Second
	o.WorkflowTaskTimeout = 5 * time.Second
	run, err := c.ExecuteWorkflow(ctx, o, "GetMemoAndSearchInfo")
	if err != nil {
		t.Fatal(err)
	}
	var info struct {
		Memo             map[string]interface{} `json:"memo"`
		SearchAttributes map[string]interface{} `json:"searchAttributes"`
		TaskQueue        string                 `json:"taskQueue"`
		WorkflowType     string                 `json:"workflowType"`
	}
	if err := run.Get(ctx, &info); err != nil {
		t.Fatal(err)
	}
	if info.Memo["note"] != "hi" || info.Memo["n"] != float64(7) {
		t.Errorf("memo = %v", info.Memo)
	}
	if info.SearchAttributes["CustomKeywordField"] != "kw" {
		t.Errorf("search attributes = %v", info.SearchAttributes)
	}
	if info.TaskQueue != taskQueue() || info.WorkflowType != "GetMemoAndSearchInfo" {
		t.Errorf("info = %+v", info)
	}
}

func TestRetryPolicy(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 60*time.Second)
	o := opts(t)
	o.RetryPolicy = &client.RetryPolicy{
		InitialInterval:        100 * time.Millisecond,
		BackoffCoefficient:     2,
		MaximumInterval:        time.Second,
		MaximumAttempts:        3,
		NonRetryableErrorTypes: []string{"Fatal"},
	}
	run, err := c.ExecuteWorkflow(ctx, o, "FailFirstAttempt")
	if err != nil {
		t.Fatal(err)
	}
	var s string
	if err := run.Get(ctx, &s); err != nil || s != "succeeded on attempt 2" {
		t.Errorf("FailFirstAttempt = %q, %v", s, err)
	}
}

func TestGetWorkflowReattach(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 30*time.Second)
	o := opts(t)
	run, err := c.ExecuteWorkflow(ctx, o, "Sleep", 1000)
	if err != nil {
		t.Fatal(err)
	}
	// Another client, knowing only the Workflow ID.
	other := newTestClient(t)
	again := other.GetWorkflow(ctx, o.ID, "")
	if again.GetID() != o.ID {
		t.Errorf("GetID = %q", again.GetID())
	}
	var s string
	if err := again.Get(ctx, &s); err != nil || s != "slept" {
		t.Fatalf("Get = %q, %v", s, err)
	}
	if again.GetRunID() != run.GetRunID() {
		t.Errorf("GetRunID = %q, want %q", again.GetRunID(), run.GetRunID())
	}
	// GetRunID before any Get resolves the current run, as the Go SDK's does.
	if id := other.GetWorkflow(ctx, o.ID, "").GetRunID(); id != run.GetRunID() {
		t.Errorf("GetRunID before Get = %q, want %q", id, run.GetRunID())
	}
	// With an explicit Run ID too.
	byRun := other.GetWorkflow(ctx, o.ID, run.GetRunID())
	if err := byRun.Get(ctx, &s); err != nil || s != "slept" {
		t.Fatalf("Get(by run) = %q, %v", s, err)
	}
}

func TestGetWorkflowNotFound(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 30*time.Second)
	run := c.GetWorkflow(ctx, uniqueID(t), "")
	err := run.Get(ctx, nil)
	var e *client.Error
	if !errors.As(err, &e) || e.Code != client.ErrNotFound || !errors.Is(err, client.ErrNotFound) {
		t.Fatalf("Get = %v (%T), want NOT_FOUND", err, err)
	}
	if run.GetRunID() != "" {
		t.Errorf("GetRunID = %q, want \"\"", run.GetRunID())
	}
}

func TestAlreadyStarted(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 30*time.Second)
	o := opts(t)
	terminateAtEnd(t, o.ID)
	first, err := c.ExecuteWorkflow(ctx, o, "Block")
	if err != nil {
		t.Fatal(err)
	}
	// Default: reattach to the running execution.
	second, err := c.ExecuteWorkflow(ctx, o, "Block")
	if err != nil {
		t.Fatalf("second ExecuteWorkflow: %v", err)
	}
	if second.GetRunID() != first.GetRunID() {
		t.Errorf("reattached RunID = %q, want %q", second.GetRunID(), first.GetRunID())
	}
	// With the flag: an error naming the running execution.
	o.WorkflowExecutionErrorWhenAlreadyStarted = true
	_, err = c.ExecuteWorkflow(ctx, o, "Block")
	var already *client.WorkflowExecutionAlreadyStartedError
	if !errors.As(err, &already) {
		t.Fatalf("err = %v (%T), want *WorkflowExecutionAlreadyStartedError", err, err)
	}
	if already.RunID != first.GetRunID() || !errors.Is(err, client.ErrAlreadyStarted) || err.Error() == "" {
		t.Errorf("already = %+v", already)
	}
}

func TestWorkflowFailed(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 30*time.Second)
	o := opts(t)
	run, err := c.ExecuteWorkflow(ctx, o, "Fail", "boom", "MyError", true)
	if err != nil {
		t.Fatal(err)
	}
	err = run.Get(ctx, nil)
	var wee *client.WorkflowExecutionError
	if !errors.As(err, &wee) {
		t.Fatalf("err = %v (%T), want *WorkflowExecutionError", err, err)
	}
	if wee.WorkflowID != o.ID || wee.RunID != run.GetRunID() || wee.WorkflowType != "Fail" {
		t.Errorf("WorkflowExecutionError = %+v", wee)
	}
	if !strings.HasPrefix(err.Error(), "workflow execution error (type: Fail, workflowID: "+o.ID) {
		t.Errorf("Error() = %q", err.Error())
	}
	if !errors.Is(err, client.ErrWorkflowFailed) {
		t.Error("errors.Is(err, ErrWorkflowFailed) = false")
	}
	var app *client.ApplicationError
	if !errors.As(err, &app) {
		t.Fatalf("no *ApplicationError in %v", err)
	}
	if app.Type != "MyError" || app.Message != "boom" || !app.NonRetryable {
		t.Errorf("ApplicationError = %+v", app)
	}
	var d struct {
		Detail string `json:"detail"`
		N      int    `json:"n"`
	}
	if !app.HasDetails() {
		t.Error("no details")
	} else if err := app.DetailsInto(&d); err != nil || d.Detail != "some detail" || d.N != 42 {
		t.Errorf("details = %+v, %v", d, err)
	}
	if app.Cause == nil || !strings.Contains(app.Cause.Error(), "root cause: boom") {
		t.Errorf("cause = %v", app.Cause)
	}
	if !strings.HasPrefix(app.Error(), "boom (type: MyError, retryable: false)") {
		t.Errorf("ApplicationError.Error() = %q", app.Error())
	}
}

func TestWorkflowCanceled(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 30*time.Second)
	o := opts(t)
	terminateAtEnd(t, o.ID)
	run, err := c.ExecuteWorkflow(ctx, o, "Block")
	if err != nil {
		t.Fatal(err)
	}
	cli(t, "cancel", "-w", o.ID)
	err = run.Get(ctx, nil)
	var wee *client.WorkflowExecutionError
	var canceled *client.CanceledError
	if !errors.As(err, &wee) || !errors.As(err, &canceled) || !errors.Is(err, client.ErrWorkflowCanceled) {
		t.Fatalf("err = %v (%T), want *WorkflowExecutionError wrapping *CanceledError", err, err)
	}
}

func TestWorkflowTerminated(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 30*time.Second)
	o := opts(t)
	run, err := c.ExecuteWorkflow(ctx, o, "Block")
	if err != nil {
		t.Fatal(err)
	}
	cli(t, "terminate", "-w", o.ID, "--reason", "go test says bye")
	err = run.Get(ctx, nil)
	var wee *client.WorkflowExecutionError
	var term *client.TerminatedError
	if !errors.As(err, &wee) || !errors.As(err, &term) {
		t.Fatalf("err = %v (%T), want *WorkflowExecutionError wrapping *TerminatedError", err, err)
	}
	if term.Reason != "go test says bye" {
		t.Errorf("Reason = %q", term.Reason)
	}
}

func TestWorkflowTimedOut(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 30*time.Second)
	o := opts(t)
	o.WorkflowExecutionTimeout = 2 * time.Second
	run, err := c.ExecuteWorkflow(ctx, o, "Block")
	if err != nil {
		t.Fatal(err)
	}
	err = run.Get(ctx, nil)
	var wee *client.WorkflowExecutionError
	var timeout *client.TimeoutError
	if !errors.As(err, &wee) || !errors.As(err, &timeout) || !errors.Is(err, client.ErrWorkflowTimedOut) {
		t.Fatalf("err = %v (%T), want *WorkflowExecutionError wrapping *TimeoutError", err, err)
	}
}

func TestGetContextDeadline(t *testing.T) {
	c := newTestClient(t)
	o := opts(t)
	terminateAtEnd(t, o.ID)
	run, err := c.ExecuteWorkflow(context.Background(), o, "Block")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	start := time.Now()
	err = run.Get(ctx, nil)
	if elapsed := time.Since(start); elapsed > 3*time.Second {
		t.Errorf("Get took %v", elapsed)
	}
	if !errors.Is(err, context.DeadlineExceeded) || !errors.Is(err, client.ErrDeadlineExceeded) ||
		errors.Is(err, client.ErrCanceled) || errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v (%T), want DEADLINE_EXCEEDED, not CANCELED", err, err)
	}
	// The run is still usable after a timed-out Get.
	ctx2, cancel2 := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel2()
	if err := run.Get(ctx2, nil); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("second Get: %v", err)
	}
}

// deadlineOnly has a deadline but is never done: only the native call's timeout can end a
// call made with it.
type deadlineOnly struct {
	context.Context
	deadline time.Time
}

func (c deadlineOnly) Deadline() (time.Time, bool) { return c.deadline, true }

// ctx's deadline is the native call's timeout (not only a Go timer that cancels it).
func TestContextDeadlineIsTheCallTimeout(t *testing.T) {
	c := newTestClient(t)
	o := opts(t)
	terminateAtEnd(t, o.ID)
	run, err := c.ExecuteWorkflow(context.Background(), o, "Block")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	err = run.Get(deadlineOnly{context.Background(), start.Add(300 * time.Millisecond)}, nil)
	if elapsed := time.Since(start); elapsed < 250*time.Millisecond || elapsed > 3*time.Second {
		t.Errorf("Get took %v, want about 300ms", elapsed)
	}
	if !errors.Is(err, client.ErrDeadlineExceeded) {
		t.Fatalf("err = %v (%T), want DEADLINE_EXCEEDED", err, err)
	}
}

func TestGetContextCancel(t *testing.T) {
	c := newTestClient(t)
	o := opts(t)
	terminateAtEnd(t, o.ID)
	run, err := c.ExecuteWorkflow(context.Background(), o, "Block")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	start := time.Now()
	err = run.Get(ctx, nil)
	if elapsed := time.Since(start); elapsed > 3*time.Second {
		t.Errorf("Get took %v", elapsed)
	}
	if !errors.Is(err, context.Canceled) || !errors.Is(err, client.ErrCanceled) || errors.Is(err, client.ErrDeadlineExceeded) {
		t.Fatalf("err = %v, want CANCELED", err)
	}
	// Already canceled: returns at once.
	if err := run.Get(ctx, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("Get(canceled ctx) = %v", err)
	}
	if _, err := c.ExecuteWorkflow(ctx, opts(t), "Block"); !errors.Is(err, context.Canceled) {
		t.Fatalf("ExecuteWorkflow(canceled ctx) = %v", err)
	}
}

func TestConcurrentGets(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 30*time.Second)
	run, err := c.ExecuteWorkflow(ctx, opts(t), "Sleep", 500)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for i := 0; i < 8; i++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			var s string
			if err := run.Get(ctx, &s); err != nil || s != "slept" {
				errs <- errors.New("bad result " + s)
			}
		}()
		go func() {
			defer wg.Done()
			r, err := c.ExecuteWorkflow(ctx, opts(t), "GreetingWorkflow", "x")
			if err != nil {
				errs <- err
				return
			}
			var s string
			if err := r.Get(ctx, &s); err != nil || s != "Hello x!" {
				errs <- errors.New("bad greeting " + s)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestRunOutlivesClient(t *testing.T) {
	addr := serverAddress(t)
	c, err := client.NewClient(client.Options{HostPort: addr})
	if err != nil {
		t.Fatal(err)
	}
	ctx := ctxTimeout(t, 30*time.Second)
	run, err := c.ExecuteWorkflow(ctx, opts(t), "Sleep", 200)
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	c.Close() // idempotent
	var s string
	if err := run.Get(ctx, &s); err != nil || s != "slept" {
		t.Errorf("Get after Close = %q, %v", s, err)
	}
	if _, err := c.ExecuteWorkflow(ctx, opts(t), "Sleep", 1); err == nil {
		t.Error("ExecuteWorkflow after Close succeeded")
	}
	if err := c.GetWorkflow(ctx, "x", "").Get(ctx, nil); err == nil {
		t.Error("GetWorkflow after Close succeeded")
	}
}

func TestEnvConfigWhenNoHostPort(t *testing.T) {
	serverAddress(t) // TEMPORAL_ADDRESS is set: the library's Auto mode reads it
	c, err := client.NewClient(client.Options{})
	if err != nil {
		t.Fatalf("NewClient(Options{}) with TEMPORAL_ADDRESS=%s: %v", os.Getenv("TEMPORAL_ADDRESS"), err)
	}
	c.Close()
}

// EnvConfig is passed through: with a HostPort, Auto and Off do not load the configuration
// and On does, here TEMPORAL_TLS=true, which fails against the plaintext dev server.
func TestEnvConfigModes(t *testing.T) {
	addr := serverAddress(t)
	t.Setenv("TEMPORAL_TLS", "true")
	for _, mode := range []client.EnvConfigMode{client.EnvConfigAuto, client.EnvConfigOff} {
		c, err := client.Dial(client.Options{HostPort: addr, EnvConfig: mode})
		if err != nil {
			t.Fatalf("EnvConfig %d: %v", mode, err)
		}
		c.Close()
	}
	if _, err := client.Dial(client.Options{HostPort: addr, EnvConfig: client.EnvConfigOn}); !errors.Is(err, client.ErrUnavailable) {
		t.Fatalf("EnvConfigOn with TEMPORAL_TLS=true: %v, want UNAVAILABLE (TLS to a plaintext server)", err)
	}
}

func TestDialContextCanceled(t *testing.T) {
	serverAddress(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := client.DialContext(ctx, client.Options{HostPort: serverAddress(t)}); !errors.Is(err, client.ErrCanceled) {
		t.Fatalf("DialContext(canceled) = %v, want CANCELED", err)
	}
	// A server that never answers (a listener that accepts no connection): the connect
	// waits until ctx's deadline ends it.
	silent, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	ctx, cancel = context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = client.DialContext(ctx, client.Options{HostPort: silent.Addr().String(), ConnectTimeout: 10 * time.Second})
	if !errors.Is(err, client.ErrDeadlineExceeded) || time.Since(start) > 3*time.Second {
		t.Fatalf("DialContext(deadline) = %v after %v, want DEADLINE_EXCEEDED", err, time.Since(start))
	}
}

func TestConnectErrors(t *testing.T) {
	serverAddress(t)
	_, err := client.NewClient(client.Options{HostPort: "127.0.0.1:1", ConnectTimeout: 3 * time.Second})
	var e *client.Error
	if !errors.As(err, &e) || (e.Code != client.ErrUnavailable && e.Code != client.ErrDeadlineExceeded) {
		t.Fatalf("err = %v (%T), want UNAVAILABLE", err, err)
	}
	_, err = client.NewClient(client.Options{HostPort: serverAddress(t), GRPCMetadata: map[string]string{"x-test": "1"}, Namespace: "default", Identity: "go-test"})
	if err != nil {
		t.Fatalf("NewClient with metadata: %v", err)
	}
}

func TestInvalidArguments(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 10*time.Second)
	_, err := c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: uniqueID(t)}, "GreetingWorkflow", "x")
	if !errors.Is(err, client.ErrInvalidArgument) {
		t.Errorf("no task queue: %v (%T)", err, err)
	}
	if _, err := c.ExecuteWorkflow(ctx, opts(t), 42); err == nil {
		t.Error("int workflow accepted")
	}
	if _, err := c.ExecuteWorkflow(ctx, opts(t), "Echo", make(chan int)); err == nil {
		t.Error("unencodable argument accepted")
	}
}
