package client_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/api/workflowservice/v1"

	"github.com/temporal-ffi/temporal-ffi/bindings/go/client"
	"github.com/temporal-ffi/temporal-ffi/bindings/go/converter"
)

func startCounter(t *testing.T, c client.Client, start int) client.WorkflowRun {
	t.Helper()
	o := opts(t)
	terminateAtEnd(t, o.ID)
	run, err := c.ExecuteWorkflow(ctxTimeout(t, 30*time.Second), o, "Counter", start)
	if err != nil {
		t.Fatal(err)
	}
	return run
}

func TestSignalQueryUpdateDescribeHistory(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 60*time.Second)
	run := startCounter(t, c, 10)
	id := run.GetID()

	query := func(name string) (int, error) {
		v, err := c.QueryWorkflow(ctx, id, "", name)
		if err != nil {
			return 0, err
		}
		if !v.HasValue() {
			return 0, errors.New("no value")
		}
		var n int
		return n, v.Get(&n)
	}
	if n, err := query("count"); err != nil || n != 10 {
		t.Fatalf("query count = %d, %v", n, err)
	}

	h, err := c.UpdateWorkflow(ctx, client.UpdateWorkflowOptions{WorkflowID: id, UpdateName: "add", Args: []interface{}{5},
		WaitForStage: client.WorkflowUpdateStageCompleted})
	if err != nil {
		t.Fatalf("UpdateWorkflow: %v", err)
	}
	var total int
	if err := h.Get(ctx, &total); err != nil || total != 15 {
		t.Fatalf("update result = %d, %v", total, err)
	}
	if len(h.UpdateID()) != 36 || h.WorkflowID() != id {
		t.Errorf("handle: %q %q, want the UUID the library generated", h.UpdateID(), h.WorkflowID())
	}
	if n, err := query("count"); err != nil || n != 15 {
		t.Fatalf("query count = %d, %v", n, err)
	}

	// A handler failure: *UpdateFailedError wrapping the *ApplicationError.
	h, err = c.UpdateWorkflow(ctx, client.UpdateWorkflowOptions{WorkflowID: id, UpdateName: "add", Args: []interface{}{13}, UpdateID: "u13",
		WaitForStage: client.WorkflowUpdateStageCompleted})
	if err != nil {
		t.Fatalf("UpdateWorkflow(13): %v", err)
	}
	if h.UpdateID() != "u13" {
		t.Errorf("UpdateID = %q", h.UpdateID())
	}
	err = h.Get(ctx, &total)
	var uf *client.UpdateFailedError
	var app *client.ApplicationError
	if !errors.As(err, &uf) || !errors.As(err, &app) || app.Type != "Unlucky" || !errors.Is(err, client.ErrUpdateFailed) {
		t.Fatalf("update 13: %v (%T)", err, err)
	}
	// A validator rejection.
	h, err = c.UpdateWorkflow(ctx, client.UpdateWorkflowOptions{WorkflowID: id, UpdateName: "add", Args: []interface{}{-1},
		WaitForStage: client.WorkflowUpdateStageCompleted})
	if err != nil {
		t.Fatalf("UpdateWorkflow(-1): %v", err)
	}
	if err := h.Get(ctx, nil); !errors.As(err, &uf) || !strings.Contains(err.Error(), "must not be negative") {
		t.Fatalf("update -1: %v (%T)", err, err)
	}
	if h.UpdateID() == "" || h.UpdateID() != uf.UpdateID {
		t.Errorf("rejected update's ID = %q (error: %q)", h.UpdateID(), uf.UpdateID)
	}
	if _, err := c.UpdateWorkflow(ctx, client.UpdateWorkflowOptions{WorkflowID: id, UpdateName: "add", Args: []interface{}{1},
		WaitForStage: client.WorkflowUpdateStageAdmitted}); !errors.Is(err, client.ErrInvalidArgument) {
		t.Fatalf("WaitForStage Admitted: %v", err)
	}

	_, err = query("fail")
	var qf *client.QueryFailedError
	if !errors.As(err, &qf) || !errors.Is(err, client.ErrQueryFailed) || !strings.Contains(err.Error(), "failed on purpose") {
		t.Fatalf("query fail: %v (%T)", err, err)
	}

	d, err := c.DescribeWorkflow(ctx, id, "")
	if err != nil {
		t.Fatalf("Describe: %v", err)
	}
	if d.Status != enumspb.WORKFLOW_EXECUTION_STATUS_RUNNING || d.WorkflowType.Name != "Counter" || d.WorkflowExecution.RunID != run.GetRunID() ||
		d.WorkflowExecution.ID != id || d.TaskQueueName != taskQueue() || d.WorkflowStartTime.IsZero() || d.WorkflowCloseTime != nil || d.HistoryLength <= 3 {
		t.Fatalf("Describe = %+v", d)
	}

	if err := c.SignalWorkflow(ctx, id, run.GetRunID(), "done", nil); err != nil {
		t.Fatalf("SignalWorkflow: %v", err)
	}
	if err := run.Get(ctx, &total); err != nil || total != 15 {
		t.Fatalf("Get = %d, %v", total, err)
	}
	d, err = c.DescribeWorkflow(ctx, id, run.GetRunID())
	if err != nil || d.Status != enumspb.WORKFLOW_EXECUTION_STATUS_COMPLETED || d.WorkflowCloseTime == nil || d.WorkflowCloseTime.Before(d.WorkflowStartTime) {
		t.Fatalf("Describe after done = %+v, %v", d, err)
	}

	var events int
	for it := c.GetWorkflowHistory(ctx, id, "", false, enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT); it.HasNext(); events++ {
		if _, err := it.Next(); err != nil {
			t.Fatalf("GetWorkflowHistory: %v", err)
		}
	}
	if events < d.HistoryLength {
		t.Fatalf("history: %d events, the description says %d", events, d.HistoryLength)
	}

	// Errors of a missing workflow.
	missing := uniqueID(t)
	if err := c.SignalWorkflow(ctx, missing, "", "done", nil); !errors.Is(err, client.ErrNotFound) {
		t.Errorf("signal missing: %v", err)
	}
	if _, err := c.DescribeWorkflowExecution(ctx, missing, ""); !errors.Is(err, client.ErrNotFound) {
		t.Errorf("describe missing: %v", err)
	}
}

func TestCancelAndTerminateWorkflow(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 30*time.Second)
	o := opts(t)
	terminateAtEnd(t, o.ID)
	run, err := c.ExecuteWorkflow(ctx, o, "Block")
	if err != nil {
		t.Fatal(err)
	}
	if err := c.CancelWorkflow(ctx, o.ID, ""); err != nil {
		t.Fatalf("CancelWorkflow: %v", err)
	}
	var ce *client.CanceledError
	if err := run.Get(ctx, nil); !errors.As(err, &ce) {
		t.Fatalf("Get after cancel: %v (%T)", err, err)
	}

	o = opts(t)
	terminateAtEnd(t, o.ID)
	run, err = c.ExecuteWorkflow(ctx, o, "Block")
	if err != nil {
		t.Fatal(err)
	}
	if err := c.TerminateWorkflow(ctx, o.ID, run.GetRunID(), "enough", map[string]string{"why": "test"}); err != nil {
		t.Fatalf("TerminateWorkflow: %v", err)
	}
	var te *client.TerminatedError
	if err := run.Get(ctx, nil); !errors.As(err, &te) || te.Reason != "enough" {
		t.Fatalf("Get after terminate: %v (%T)", err, err)
	}
	if err := c.CancelWorkflow(ctx, uniqueID(t), ""); !errors.Is(err, client.ErrNotFound) {
		t.Fatalf("cancel missing: %v", err)
	}
}

// The Go SDK's CancelWorkflowWithOptions and TerminateWorkflowWithOptions: a first execution
// run ID of another chain is refused; the reason and details reach the workflow's end.
func TestCancelAndTerminateWorkflowWithOptions(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 30*time.Second)
	o := opts(t)
	terminateAtEnd(t, o.ID)
	run, err := c.ExecuteWorkflow(ctx, o, "Block")
	if err != nil {
		t.Fatal(err)
	}
	err = c.CancelWorkflowWithOptions(ctx, client.CancelWorkflowOptions{WorkflowID: o.ID, FirstExecutionRunID: uuid.NewString(), Reason: "no"})
	if !errors.Is(err, client.ErrNotFound) {
		t.Fatalf("cancel with another chain's first run ID: %v, want NOT_FOUND", err)
	}
	err = c.CancelWorkflowWithOptions(ctx, client.CancelWorkflowOptions{WorkflowID: o.ID, FirstExecutionRunID: run.GetRunID(), Reason: "the operator asked"})
	if err != nil {
		t.Fatalf("CancelWorkflowWithOptions: %v", err)
	}
	var ce *client.CanceledError
	if err := run.Get(ctx, nil); !errors.As(err, &ce) {
		t.Fatalf("Get after cancel: %v (%T)", err, err)
	}

	o = opts(t)
	terminateAtEnd(t, o.ID)
	run, err = c.ExecuteWorkflow(ctx, o, "Block")
	if err != nil {
		t.Fatal(err)
	}
	err = c.TerminateWorkflowWithOptions(ctx, client.TerminateWorkflowOptions{
		WorkflowID: o.ID, FirstExecutionRunID: run.GetRunID(), Reason: "done", Details: []any{map[string]int{"ticket": 42}},
	})
	if err != nil {
		t.Fatalf("TerminateWorkflowWithOptions: %v", err)
	}
	var te *client.TerminatedError
	if err := run.Get(ctx, nil); !errors.As(err, &te) || te.Reason != "done" {
		t.Fatalf("Get after terminate: %v (%T)", err, err)
	}
}

func TestSignalWithStartWorkflow(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 30*time.Second)
	o := opts(t)
	terminateAtEnd(t, o.ID)
	run, err := c.SignalWithStartWorkflow(ctx, o.ID, "unblock", "hello", client.StartWorkflowOptions{TaskQueue: taskQueue()}, "Block")
	if err != nil {
		t.Fatalf("SignalWithStartWorkflow: %v", err)
	}
	if run.GetID() != o.ID || run.GetRunID() == "" {
		t.Errorf("run %q %q", run.GetID(), run.GetRunID())
	}
	var s string
	if err := run.Get(ctx, &s); err != nil || s != "unblocked: hello" {
		t.Fatalf("Get = %q, %v", s, err)
	}

	// On a running workflow it only signals: Counter(7) gets "done" and returns 7.
	counter := startCounter(t, c, 7)
	run, err = c.SignalWithStartWorkflow(ctx, counter.GetID(), "done", nil, client.StartWorkflowOptions{TaskQueue: taskQueue()}, "Counter", 100)
	if err != nil {
		t.Fatalf("SignalWithStartWorkflow(running): %v", err)
	}
	var n int
	if err := counter.Get(ctx, &n); err != nil || n != 7 || run.GetRunID() != counter.GetRunID() {
		t.Fatalf("Counter = %d, %v (runs %q / %q)", n, err, run.GetRunID(), counter.GetRunID())
	}
}

func TestListAndCountWorkflow(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 60*time.Second)
	marker := uniqueID(t)
	for i := 0; i < 3; i++ {
		o := opts(t)
		o.SearchAttributes = map[string]interface{}{"CustomKeywordField": marker}
		run, err := c.ExecuteWorkflow(ctx, o, "Echo", i)
		if err != nil {
			t.Fatal(err)
		}
		if err := run.Get(ctx, nil); err != nil {
			t.Fatal(err)
		}
	}
	query := fmt.Sprintf("CustomKeywordField = '%s' AND ExecutionStatus = 'Completed'", marker)
	// Visibility is eventually consistent.
	for start := time.Now(); ; time.Sleep(200 * time.Millisecond) {
		resp, err := c.CountWorkflow(ctx, &workflowservice.CountWorkflowExecutionsRequest{Query: query})
		if err != nil {
			t.Fatalf("CountWorkflow: %v", err)
		}
		if len(resp.GetGroups()) != 0 {
			t.Errorf("groups without GROUP BY: %+v", resp.GetGroups())
		}
		if resp.GetCount() == 3 {
			break
		}
		if time.Since(start) > 20*time.Second {
			t.Fatalf("count stayed %d", resp.GetCount())
		}
	}
	grouped, err := c.CountWorkflow(ctx, &workflowservice.CountWorkflowExecutionsRequest{
		Query: fmt.Sprintf("CustomKeywordField = '%s' GROUP BY ExecutionStatus", marker)})
	if err != nil {
		t.Fatalf("CountWorkflow(GROUP BY): %v", err)
	}
	var groupValue string
	if grouped.GetCount() != 3 || len(grouped.GetGroups()) != 1 || grouped.GetGroups()[0].GetCount() != 3 || len(grouped.GetGroups()[0].GetGroupValues()) != 1 ||
		converter.GetDefaultDataConverter().FromPayload(grouped.GetGroups()[0].GetGroupValues()[0], &groupValue) != nil || groupValue != "Completed" {
		t.Errorf("CountWorkflow(GROUP BY) = %v (group value %q)", grouped, groupValue)
	}
	seen := map[string]bool{}
	var token []byte
	for pages := 0; ; pages++ {
		request := &workflowservice.ListWorkflowExecutionsRequest{Query: query, PageSize: 2, NextPageToken: token}
		resp, err := c.ListWorkflow(ctx, request)
		if err != nil {
			t.Fatalf("ListWorkflow: %v", err)
		}
		if request.GetNamespace() != "default" {
			t.Errorf("the request's namespace = %q; the Go SDK fills the client's", request.GetNamespace())
		}
		if pages == 0 && len(resp.GetExecutions()) != 2 {
			t.Errorf("the first page has %d executions, want the page size 2", len(resp.GetExecutions()))
		}
		for _, e := range resp.GetExecutions() {
			if e.GetType().GetName() != "Echo" || e.GetStatus() != enumspb.WORKFLOW_EXECUTION_STATUS_COMPLETED || e.GetCloseTime() == nil {
				t.Errorf("execution %v", e)
			}
			var sa string
			if err := converter.GetDefaultDataConverter().FromPayload(e.GetSearchAttributes().GetIndexedFields()["CustomKeywordField"], &sa); err != nil || sa != marker {
				t.Errorf("search attributes %v: %q, %v", e.GetSearchAttributes(), sa, err)
			}
			seen[e.GetExecution().GetWorkflowId()] = true
		}
		token = resp.GetNextPageToken()
		if len(token) == 0 {
			break
		}
		if pages > 5 {
			t.Fatal("too many pages")
		}
	}
	if len(seen) != 3 {
		t.Fatalf("listed %v", seen)
	}
	// A query the server cannot parse.
	var invalid *serviceerror.InvalidArgument
	if _, err := c.CountWorkflow(ctx, &workflowservice.CountWorkflowExecutionsRequest{Query: "NoSuchField = 'x'"}); !errors.As(err, &invalid) {
		t.Fatalf("count with an unknown field: %v (%T), want *serviceerror.InvalidArgument", err, err)
	}
	if _, err := c.ListWorkflow(ctx, nil); !errors.Is(err, client.ErrInvalidArgument) {
		t.Fatalf("ListWorkflow(nil): %v", err)
	}
	// Another namespace than the client's goes as the request says.
	var nsNotFound *serviceerror.NamespaceNotFound
	if _, err := c.ListWorkflow(ctx, &workflowservice.ListWorkflowExecutionsRequest{Namespace: "no-such-namespace-" + marker}); !errors.As(err, &nsNotFound) && !errors.Is(err, client.ErrNotFound) {
		t.Fatalf("ListWorkflow in a missing namespace: %v (%T)", err, err)
	}
}

// A canceled Get cancels the native wait: it returns promptly, the workflow is not
// affected, and 50 canceled Gets leave no goroutine behind.
func TestGetCancelLeavesNothingBehind(t *testing.T) {
	c := newTestClient(t)
	o := opts(t)
	terminateAtEnd(t, o.ID)
	run, err := c.ExecuteWorkflow(context.Background(), o, "Block")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	start := time.Now()
	if err := run.Get(ctx, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("Get = %v, want context.Canceled", err)
	}
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Errorf("canceled Get took %v", elapsed)
	}

	runtime.GC()
	before := runtime.NumGoroutine()
	for i := 0; i < 50; i++ {
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- run.Get(ctx, nil) }()
		time.Sleep(2 * time.Millisecond)
		cancel()
		if err := <-done; !errors.Is(err, context.Canceled) {
			t.Fatalf("Get %d = %v", i, err)
		}
	}
	// Deadlines too.
	for i := 0; i < 10; i++ {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
		if err := run.Get(ctx, nil); !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("Get with deadline %d = %v", i, err)
		}
		cancel()
	}
	time.Sleep(100 * time.Millisecond)
	if after := runtime.NumGoroutine(); after > before+3 {
		t.Errorf("goroutines: %d before, %d after 60 canceled Gets", before, after)
	}

	// The workflow is unaffected.
	d, err := c.DescribeWorkflowExecution(ctxTimeout(t, 10*time.Second), o.ID, "")
	if err != nil || d.GetWorkflowExecutionInfo().GetStatus() != enumspb.WORKFLOW_EXECUTION_STATUS_RUNNING {
		t.Fatalf("Describe = %+v, %v", d, err)
	}
	ctx2 := ctxTimeout(t, 10*time.Second)
	if err := c.SignalWorkflow(ctx2, o.ID, "", "unblock", "go"); err != nil {
		t.Fatal(err)
	}
	var s string
	if err := run.Get(ctx2, &s); err != nil || s != "unblocked: go" {
		t.Fatalf("Get = %q, %v", s, err)
	}
}

// Every operation honours an already-done or expiring ctx.
func TestOperationsHonourContext(t *testing.T) {
	c := newTestClient(t)
	run := startCounter(t, c, 1)
	id := run.GetID()
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	if err := c.SignalWorkflow(canceled, id, "", "done", nil); !errors.Is(err, context.Canceled) {
		t.Errorf("SignalWorkflow: %v", err)
	}
	if _, err := c.QueryWorkflow(canceled, id, "", "count"); !errors.Is(err, context.Canceled) {
		t.Errorf("QueryWorkflow: %v", err)
	}
	if _, err := c.DescribeWorkflowExecution(canceled, id, ""); !errors.Is(err, context.Canceled) {
		t.Errorf("Describe: %v", err)
	}
	expired, cancel2 := context.WithTimeout(context.Background(), time.Nanosecond)
	defer cancel2()
	time.Sleep(time.Millisecond)
	if _, err := c.CountWorkflow(expired, &workflowservice.CountWorkflowExecutionsRequest{}); !errors.Is(err, context.DeadlineExceeded) || !errors.Is(err, client.ErrDeadlineExceeded) {
		t.Errorf("CountWorkflow: %v", err)
	}
	// An update of an unknown name is rejected: the handle's Get says so.
	h, err := c.UpdateWorkflow(ctxTimeout(t, 10*time.Second), client.UpdateWorkflowOptions{WorkflowID: id, UpdateName: "no-such-update",
		WaitForStage: client.WorkflowUpdateStageCompleted})
	if err != nil {
		t.Fatalf("UpdateWorkflow(unknown): %v", err)
	}
	if err := h.Get(context.Background(), nil); !errors.Is(err, client.ErrUpdateFailed) {
		t.Errorf("unknown update: %v (%T)", err, err)
	}

	// A workflow on a task queue nobody polls: its updates and queries wait, so a ctx
	// deadline / cancel ends them (natively canceled) promptly.
	o := client.StartWorkflowOptions{ID: uniqueID(t), TaskQueue: "no-worker-" + uniqueID(t)}
	terminateAtEnd(t, o.ID)
	if _, err := c.ExecuteWorkflow(context.Background(), o, "Counter", 0); err != nil {
		t.Fatal(err)
	}
	ctx, cancel3 := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel3()
	start := time.Now()
	_, err = c.UpdateWorkflow(ctx, client.UpdateWorkflowOptions{WorkflowID: o.ID, UpdateName: "add", Args: []interface{}{1},
		WaitForStage: client.WorkflowUpdateStageCompleted})
	if !errors.Is(err, client.ErrDeadlineExceeded) || errors.Is(err, client.ErrCanceled) || time.Since(start) > 3*time.Second {
		t.Errorf("update with a deadline: %v after %v, want DEADLINE_EXCEEDED", err, time.Since(start))
	}
	ctx4, cancel4 := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel4)
	start = time.Now()
	if _, err := c.QueryWorkflow(ctx4, o.ID, "", "count"); !errors.Is(err, client.ErrCanceled) || time.Since(start) > 3*time.Second {
		t.Errorf("canceled query: %v after %v", err, time.Since(start))
	}
	if err := c.SignalWorkflow(ctxTimeout(t, 10*time.Second), id, "", "done", nil); err != nil {
		t.Fatal(err)
	}
}
