package client_test

import (
	"context"
	"errors"
	"io"
	"net"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	commonpb "go.temporal.io/api/common/v1"
	enumspb "go.temporal.io/api/enums/v1"
	filterpb "go.temporal.io/api/filter/v1"
	historypb "go.temporal.io/api/history/v1"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/api/workflowservice/v1"
	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/temporal-ffi/temporal-ffi/bindings/go/client"
	"github.com/temporal-ffi/temporal-ffi/bindings/go/converter"
	"github.com/temporal-ffi/temporal-ffi/bindings/go/temporal"
)

// The per-workflow surface with the Go SDK's signatures, written as a Go SDK user writes
// them: DescribeWorkflow(Execution), the history iterator, QueryWorkflowWithOptions,
// GetSearchAttributes, DescribeTaskQueue, ResetWorkflowExecution, the deprecated list calls,
// CheckHealth and NewLazyClient.

// jsonPayload is a json/plain payload, as the Go SDK's default converter makes it.
func jsonPayload(t *testing.T, v any) *commonpb.Payload {
	t.Helper()
	p, err := converter.GetDefaultDataConverter().ToPayload(v)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// allEvents reads a run's history with the iterator (no long poll).
func allEvents(t *testing.T, c client.Client, ctx context.Context, id, runID string, filter enumspb.HistoryEventFilterType) []*historypb.HistoryEvent {
	t.Helper()
	var events []*historypb.HistoryEvent
	for it := c.GetWorkflowHistory(ctx, id, runID, false, filter); it.HasNext(); {
		event, err := it.Next()
		if err != nil {
			t.Fatalf("GetWorkflowHistory(%s): %v", id, err)
		}
		events = append(events, event)
	}
	return events
}

func TestDescribeWorkflow(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 30*time.Second)
	o := opts(t)
	o.Memo = map[string]interface{}{"owner": "ops", "n": 7}
	o.StaticSummary = "nightly **report**"
	o.StaticDetails = "details"
	run := startCounterWith(t, c, o, 3)

	raw, err := c.DescribeWorkflowExecution(ctx, o.ID, "")
	if err != nil {
		t.Fatalf("DescribeWorkflowExecution: %v", err)
	}
	info := raw.GetWorkflowExecutionInfo()
	if info.GetExecution().GetRunId() != run.GetRunID() || info.GetType().GetName() != "Counter" ||
		info.GetStatus() != enumspb.WORKFLOW_EXECUTION_STATUS_RUNNING || raw.GetExecutionConfig().GetTaskQueue().GetName() != taskQueue() {
		t.Errorf("DescribeWorkflowExecution = %v", raw)
	}

	d, err := c.DescribeWorkflow(ctx, o.ID, run.GetRunID())
	if err != nil {
		t.Fatalf("DescribeWorkflow: %v", err)
	}
	if d.WorkflowExecution != (client.WorkflowExecution{ID: o.ID, RunID: run.GetRunID()}) || d.WorkflowType.Name != "Counter" ||
		d.TaskQueueName != taskQueue() || d.Status != enumspb.WORKFLOW_EXECUTION_STATUS_RUNNING || d.WorkflowStartTime.IsZero() ||
		d.ExecutionTime == nil || d.WorkflowCloseTime != nil || d.ParentWorkflowExecution != nil || d.HistoryLength < 2 ||
		d.RawResponse.GetWorkflowExecutionInfo().GetExecution().GetRunId() != run.GetRunID() {
		t.Errorf("DescribeWorkflow = %+v", d.WorkflowExecutionMetadata)
	}
	var owner string
	if err := d.GetMemoValue("owner", &owner); err != nil || owner != "ops" {
		t.Errorf("GetMemoValue(owner) = %q, %v", owner, err)
	}
	if err := d.GetMemoValue("missing", &owner); !errors.Is(err, temporal.ErrNoData) {
		t.Errorf("GetMemoValue(missing) = %v, want temporal.ErrNoData", err)
	}
	if s, err := d.GetStaticSummary(); err != nil || s != o.StaticSummary {
		t.Errorf("GetStaticSummary = %q, %v", s, err)
	}
	if s, err := d.GetStaticDetails(); err != nil || s != o.StaticDetails {
		t.Errorf("GetStaticDetails = %q, %v", s, err)
	}

	if err := c.SignalWorkflow(ctx, o.ID, "", "done", nil); err != nil {
		t.Fatal(err)
	}
	if err := run.Get(ctx, nil); err != nil {
		t.Fatal(err)
	}
	d, err = c.DescribeWorkflow(ctx, o.ID, "")
	if err != nil || d.Status != enumspb.WORKFLOW_EXECUTION_STATUS_COMPLETED || d.WorkflowCloseTime == nil || d.WorkflowCloseTime.Before(d.WorkflowStartTime) {
		t.Fatalf("DescribeWorkflow after done = %+v, %v", d, err)
	}

	// A missing workflow: the Go SDK's *serviceerror.NotFound, also the binding's ErrNotFound.
	var notFound *serviceerror.NotFound
	_, err = c.DescribeWorkflow(ctx, uniqueID(t), "")
	if !errors.As(err, &notFound) || !errors.Is(err, client.ErrNotFound) {
		t.Errorf("DescribeWorkflow of a missing workflow: %v (%T), want *serviceerror.NotFound", err, err)
	}
	if _, err := c.DescribeWorkflowExecution(ctx, uniqueID(t), ""); !errors.As(err, &notFound) {
		t.Errorf("DescribeWorkflowExecution of a missing workflow: %v (%T), want *serviceerror.NotFound", err, err)
	}
}

// startCounterWith starts Counter(start) with the given options, terminated at the test's end.
func startCounterWith(t *testing.T, c client.Client, o client.StartWorkflowOptions, start int) client.WorkflowRun {
	t.Helper()
	terminateAtEnd(t, o.ID)
	run, err := c.ExecuteWorkflow(ctxTimeout(t, 30*time.Second), o, "Counter", start)
	if err != nil {
		t.Fatal(err)
	}
	return run
}

func TestGetWorkflowHistoryIterator(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 60*time.Second)
	o := opts(t)
	run, err := c.ExecuteWorkflow(ctx, o, "Echo", "hi")
	if err != nil {
		t.Fatal(err)
	}
	if err := run.Get(ctx, nil); err != nil {
		t.Fatal(err)
	}
	events := allEvents(t, c, ctx, o.ID, run.GetRunID(), enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
	if len(events) < 5 || events[0].GetEventType() != enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED ||
		events[len(events)-1].GetEventType() != enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED {
		t.Fatalf("history: %d events: %v", len(events), events)
	}
	for i, e := range events {
		if e.GetEventId() != int64(i+1) {
			t.Fatalf("event %d has ID %d", i, e.GetEventId())
		}
	}
	var input string
	if err := converter.GetDefaultDataConverter().FromPayloads(events[0].GetWorkflowExecutionStartedEventAttributes().GetInput(), &input); err != nil || input != "hi" {
		t.Errorf("the started event's input = %q, %v", input, err)
	}
	// The close-event filter (runID "": the current run).
	closing := allEvents(t, c, ctx, o.ID, "", enumspb.HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT)
	if len(closing) != 1 || closing[0].GetEventType() != enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED {
		t.Fatalf("close event filter: %v", closing)
	}

	// A long poll follows a running workflow until it closes: Block is unblocked while the
	// iterator waits.
	b := opts(t)
	terminateAtEnd(t, b.ID)
	if _, err := c.ExecuteWorkflow(ctx, b, "Block"); err != nil {
		t.Fatal(err)
	}
	type result struct {
		events []*historypb.HistoryEvent
		err    error
	}
	done := make(chan result, 1)
	go func() {
		var r result
		it := c.GetWorkflowHistory(ctx, b.ID, "", true, enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
		for it.HasNext() {
			e, err := it.Next()
			if err != nil {
				r.err = err
				break
			}
			r.events = append(r.events, e)
		}
		done <- r
	}()
	time.Sleep(1500 * time.Millisecond)
	select {
	case r := <-done:
		t.Fatalf("the long poll ended while the workflow runs: %d events, %v", len(r.events), r.err)
	default:
	}
	if err := c.SignalWorkflow(ctx, b.ID, "", "unblock", "now"); err != nil {
		t.Fatal(err)
	}
	r := <-done
	if r.err != nil || len(r.events) < 5 || r.events[len(r.events)-1].GetEventType() != enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED {
		t.Fatalf("long poll: %d events, %v", len(r.events), r.err)
	}
	var signaled bool
	for _, e := range r.events {
		signaled = signaled || e.GetEventType() == enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED
	}
	if !signaled {
		t.Error("the long poll did not see the signal event")
	}

	// A long poll with the close-event filter gives only the close event, once it comes.
	b2 := opts(t)
	terminateAtEnd(t, b2.ID)
	if _, err := c.ExecuteWorkflow(ctx, b2, "Block"); err != nil {
		t.Fatal(err)
	}
	time.AfterFunc(500*time.Millisecond, func() { _ = c.SignalWorkflow(context.Background(), b2.ID, "", "unblock", "x") })
	it := c.GetWorkflowHistory(ctx, b2.ID, "", true, enumspb.HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT)
	if !it.HasNext() {
		t.Fatal("close-event long poll: no event")
	}
	if e, err := it.Next(); err != nil || e.GetEventType() != enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED {
		t.Fatalf("close-event long poll: %v, %v", e, err)
	}
	if it.HasNext() {
		t.Error("close-event long poll: more than the close event")
	}

	// A missing workflow: HasNext says true once, Next gives the error, then the iterator ends.
	it = c.GetWorkflowHistory(ctx, uniqueID(t), "", false, enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
	var notFound *serviceerror.NotFound
	if !it.HasNext() {
		t.Fatal("HasNext of a missing workflow's history: false, want the error")
	}
	if e, err := it.Next(); e != nil || !errors.As(err, &notFound) {
		t.Fatalf("Next of a missing workflow's history: %v, %v (%T), want *serviceerror.NotFound", e, err, err)
	}
	if it.HasNext() {
		t.Error("HasNext after the error: true")
	}
	// A ctx that is done ends the long poll with its error.
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	it = c.GetWorkflowHistory(canceled, b.ID, "", true, enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
	if !it.HasNext() {
		t.Fatal("HasNext with a canceled ctx: false")
	}
	if _, err := it.Next(); !errors.Is(err, context.Canceled) {
		t.Errorf("Next with a canceled ctx: %v", err)
	}
}

func TestQueryWorkflowWithOptions(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 60*time.Second)
	o := opts(t)
	run := startCounterWith(t, c, o, 21)
	header := &commonpb.Header{Fields: map[string]*commonpb.Payload{"tenant": jsonPayload(t, "acme")}}
	resp, err := c.QueryWorkflowWithOptions(ctx, &client.QueryWorkflowWithOptionsRequest{
		WorkflowID: o.ID, QueryType: "count", QueryRejectCondition: enumspb.QUERY_REJECT_CONDITION_NOT_OPEN, Header: header,
	})
	if err != nil || resp.QueryRejected != nil || resp.QueryResult == nil {
		t.Fatalf("query of a running workflow = %+v, %v", resp, err)
	}
	var n int
	if err := resp.QueryResult.Get(&n); err != nil || n != 21 {
		t.Fatalf("query result = %d, %v", n, err)
	}
	// The header reached the worker's query handler.
	var records []struct {
		Kind   string                       `json:"kind"`
		Name   string                       `json:"name"`
		Fields map[string]map[string]string `json:"fields"`
	}
	workerTraces(t, "/headers?workflow_id="+o.ID, &records)
	found := false
	for _, r := range records {
		if r.Kind == "query" && r.Name == "count" {
			found = r.Fields["tenant"]["data"] == `"acme"` && r.Fields["tenant"]["encoding"] == "json/plain"
		}
	}
	if !found {
		t.Errorf("the worker saw no query with header tenant=\"acme\": %+v", records)
	}

	if err := c.SignalWorkflow(ctx, o.ID, "", "done", nil); err != nil {
		t.Fatal(err)
	}
	if err := run.Get(ctx, nil); err != nil {
		t.Fatal(err)
	}
	// Closed: NOT_OPEN rejects it, as a response, not an error (as the Go SDK).
	resp, err = c.QueryWorkflowWithOptions(ctx, &client.QueryWorkflowWithOptionsRequest{
		WorkflowID: o.ID, RunID: run.GetRunID(), QueryType: "count", QueryRejectCondition: enumspb.QUERY_REJECT_CONDITION_NOT_OPEN,
	})
	if err != nil || resp.QueryResult != nil || resp.QueryRejected.GetStatus() != enumspb.WORKFLOW_EXECUTION_STATUS_COMPLETED {
		t.Fatalf("NOT_OPEN query of a completed workflow = %+v, %v; want QueryRejected with status COMPLETED", resp, err)
	}
	// It completed cleanly, so NOT_COMPLETED_CLEANLY and NONE answer it.
	for _, condition := range []enumspb.QueryRejectCondition{enumspb.QUERY_REJECT_CONDITION_NOT_COMPLETED_CLEANLY, enumspb.QUERY_REJECT_CONDITION_NONE} {
		resp, err = c.QueryWorkflowWithOptions(ctx, &client.QueryWorkflowWithOptionsRequest{WorkflowID: o.ID, QueryType: "count", QueryRejectCondition: condition})
		n = 0
		if err != nil || resp.QueryRejected != nil || resp.QueryResult.Get(&n) != nil || n != 21 {
			t.Fatalf("%v query of a completed workflow = %+v, %v (%d)", condition, resp, err, n)
		}
	}

	// Errors: a failing handler, a missing workflow, a header the library cannot send.
	var qf *client.QueryFailedError
	if _, err := c.QueryWorkflowWithOptions(ctx, &client.QueryWorkflowWithOptionsRequest{WorkflowID: o.ID, QueryType: "fail"}); !errors.As(err, &qf) {
		t.Errorf("failing query: %v (%T), want *QueryFailedError", err, err)
	}
	if _, err := c.QueryWorkflowWithOptions(ctx, &client.QueryWorkflowWithOptionsRequest{WorkflowID: uniqueID(t), QueryType: "count"}); !errors.Is(err, client.ErrNotFound) {
		t.Errorf("query of a missing workflow: %v", err)
	}
	binary := &commonpb.Header{Fields: map[string]*commonpb.Payload{"raw": {
		Metadata: map[string][]byte{converter.MetadataEncoding: []byte(converter.MetadataEncodingBinary)}, Data: []byte{1, 2},
	}}}
	_, err = c.QueryWorkflowWithOptions(ctx, &client.QueryWorkflowWithOptionsRequest{WorkflowID: o.ID, QueryType: "count", Header: binary})
	if !errors.Is(err, client.ErrInvalidArgument) || !strings.Contains(err.Error(), "binary/plain") {
		t.Errorf("a binary/plain header field: %v", err)
	}
	if _, err := c.QueryWorkflowWithOptions(ctx, &client.QueryWorkflowWithOptionsRequest{WorkflowID: o.ID, QueryType: "count", QueryRejectCondition: 9}); !errors.Is(err, client.ErrInvalidArgument) {
		t.Errorf("reject condition 9: %v", err)
	}
}

func TestGetSearchAttributesAndDescribeTaskQueue(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 30*time.Second)
	sa, err := c.GetSearchAttributes(ctx)
	if err != nil {
		t.Fatalf("GetSearchAttributes: %v", err)
	}
	// The server's own attributes (the dev server lists no namespace custom ones here).
	if sa.GetKeys()["WorkflowType"] != enumspb.INDEXED_VALUE_TYPE_KEYWORD || sa.GetKeys()["CloseTime"] != enumspb.INDEXED_VALUE_TYPE_DATETIME ||
		sa.GetKeys()["HistoryLength"] != enumspb.INDEXED_VALUE_TYPE_INT {
		t.Errorf("GetSearchAttributes = %v", sa.GetKeys())
	}
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.GetSearchAttributes(canceled); !errors.Is(err, context.Canceled) {
		t.Errorf("GetSearchAttributes with a canceled ctx: %v", err)
	}

	// The test worker polls both queues of its task queue.
	for _, queueType := range []enumspb.TaskQueueType{enumspb.TASK_QUEUE_TYPE_WORKFLOW, enumspb.TASK_QUEUE_TYPE_ACTIVITY} {
		tq, err := c.DescribeTaskQueue(ctx, taskQueue(), queueType)
		if err != nil {
			t.Fatalf("DescribeTaskQueue(%v): %v", queueType, err)
		}
		if len(tq.GetPollers()) == 0 || tq.GetPollers()[0].GetIdentity() == "" || tq.GetPollers()[0].GetLastAccessTime() == nil {
			t.Errorf("DescribeTaskQueue(%v): pollers %v", queueType, tq.GetPollers())
		}
	}
	tq, err := c.DescribeTaskQueue(ctx, "nobody-polls-"+uniqueID(t), enumspb.TASK_QUEUE_TYPE_WORKFLOW)
	if err != nil || len(tq.GetPollers()) != 0 {
		t.Errorf("DescribeTaskQueue of an unpolled queue = %v, %v", tq, err)
	}
	var invalid *serviceerror.InvalidArgument
	if _, err := c.DescribeTaskQueue(ctx, "", enumspb.TASK_QUEUE_TYPE_WORKFLOW); !errors.Is(err, client.ErrInvalidArgument) {
		t.Errorf("DescribeTaskQueue(\"\"): %v", err)
	}
	if _, err := c.DescribeTaskQueue(ctx, taskQueue(), 42); !errors.As(err, &invalid) {
		t.Errorf("DescribeTaskQueue of type 42: %v (%T)", err, err)
	}
}

func TestResetWorkflowExecution(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 60*time.Second)
	o := opts(t)
	run, err := c.ExecuteWorkflow(ctx, o, "Echo", "reset me")
	if err != nil {
		t.Fatal(err)
	}
	if err := run.Get(ctx, nil); err != nil {
		t.Fatal(err)
	}
	var taskCompleted int64
	for _, e := range allEvents(t, c, ctx, o.ID, run.GetRunID(), enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT) {
		if e.GetEventType() == enumspb.EVENT_TYPE_WORKFLOW_TASK_COMPLETED {
			taskCompleted = e.GetEventId()
			break
		}
	}
	if taskCompleted == 0 {
		t.Fatal("no workflow task completed event")
	}
	request := &workflowservice.ResetWorkflowExecutionRequest{
		WorkflowExecution:         &commonpb.WorkflowExecution{WorkflowId: o.ID, RunId: run.GetRunID()},
		Reason:                    "test reset",
		WorkflowTaskFinishEventId: taskCompleted,
	}
	resp, err := c.ResetWorkflowExecution(ctx, request)
	if err != nil {
		t.Fatalf("ResetWorkflowExecution: %v", err)
	}
	if resp.GetRunId() == "" || resp.GetRunId() == run.GetRunID() {
		t.Fatalf("reset run ID = %q (old %q)", resp.GetRunId(), run.GetRunID())
	}
	// As the Go SDK, the request was completed in place.
	if request.GetRequestId() == "" || request.GetNamespace() != "default" {
		t.Errorf("request after the call: request ID %q, namespace %q", request.GetRequestId(), request.GetNamespace())
	}
	var got string
	if err := c.GetWorkflow(ctx, o.ID, resp.GetRunId()).Get(ctx, &got); err != nil || got != "reset me" {
		t.Fatalf("the reset run's result = %q, %v", got, err)
	}
	d, err := c.DescribeWorkflow(ctx, o.ID, "")
	if err != nil || d.WorkflowExecution.RunID != resp.GetRunId() {
		t.Fatalf("the current run after the reset = %+v, %v", d, err)
	}

	// Errors: a missing workflow; an event ID that is no workflow task's end.
	var notFound *serviceerror.NotFound
	_, err = c.ResetWorkflowExecution(ctx, &workflowservice.ResetWorkflowExecutionRequest{
		WorkflowExecution: &commonpb.WorkflowExecution{WorkflowId: uniqueID(t)}, Reason: "x", WorkflowTaskFinishEventId: 3,
	})
	if !errors.As(err, &notFound) || !errors.Is(err, client.ErrNotFound) {
		t.Errorf("reset of a missing workflow: %v (%T)", err, err)
	}
	var invalid *serviceerror.InvalidArgument
	_, err = c.ResetWorkflowExecution(ctx, &workflowservice.ResetWorkflowExecutionRequest{
		WorkflowExecution: &commonpb.WorkflowExecution{WorkflowId: o.ID}, Reason: "x", WorkflowTaskFinishEventId: 1,
	})
	if !errors.As(err, &invalid) {
		t.Errorf("reset to the started event: %v (%T), want *serviceerror.InvalidArgument", err, err)
	}
	if _, err := c.ResetWorkflowExecution(ctx, nil); !errors.Is(err, client.ErrInvalidArgument) {
		t.Errorf("ResetWorkflowExecution(nil): %v", err)
	}
}

// ListOpenWorkflow, ListClosedWorkflow, ScanWorkflow and ListArchivedWorkflow go through the
// raw RPC with the client's namespace filled in.
func TestListOpenClosedScanArchived(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 60*time.Second)
	open := opts(t)
	terminateAtEnd(t, open.ID)
	if _, err := c.ExecuteWorkflow(ctx, open, "Block"); err != nil {
		t.Fatal(err)
	}
	closed := opts(t)
	run, err := c.ExecuteWorkflow(ctx, closed, "Echo", 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := run.Get(ctx, nil); err != nil {
		t.Fatal(err)
	}
	window := &filterpb.StartTimeFilter{EarliestTime: timestamppb.New(time.Now().Add(-time.Hour)), LatestTime: timestamppb.New(time.Now().Add(time.Hour))}
	for start := time.Now(); ; time.Sleep(200 * time.Millisecond) {
		openResp, err := c.ListOpenWorkflow(ctx, &workflowservice.ListOpenWorkflowExecutionsRequest{
			MaximumPageSize: 10, StartTimeFilter: window,
			Filters: &workflowservice.ListOpenWorkflowExecutionsRequest_ExecutionFilter{ExecutionFilter: &filterpb.WorkflowExecutionFilter{WorkflowId: open.ID}},
		})
		if err != nil {
			t.Fatalf("ListOpenWorkflow: %v", err)
		}
		closedResp, err := c.ListClosedWorkflow(ctx, &workflowservice.ListClosedWorkflowExecutionsRequest{
			MaximumPageSize: 10, StartTimeFilter: window,
			Filters: &workflowservice.ListClosedWorkflowExecutionsRequest_ExecutionFilter{ExecutionFilter: &filterpb.WorkflowExecutionFilter{WorkflowId: closed.ID}},
		})
		if err != nil {
			t.Fatalf("ListClosedWorkflow: %v", err)
		}
		if len(openResp.GetExecutions()) == 1 && len(closedResp.GetExecutions()) == 1 {
			if openResp.GetExecutions()[0].GetStatus() != enumspb.WORKFLOW_EXECUTION_STATUS_RUNNING ||
				closedResp.GetExecutions()[0].GetStatus() != enumspb.WORKFLOW_EXECUTION_STATUS_COMPLETED {
				t.Errorf("open %v, closed %v", openResp.GetExecutions(), closedResp.GetExecutions())
			}
			break
		}
		if time.Since(start) > 20*time.Second {
			t.Fatalf("ListOpenWorkflow %v, ListClosedWorkflow %v", openResp.GetExecutions(), closedResp.GetExecutions())
		}
	}
	//lint:ignore SA1019 the Go SDK's deprecated ScanWorkflow is part of the surface.
	scan, err := c.ScanWorkflow(ctx, &workflowservice.ScanWorkflowExecutionsRequest{Query: "WorkflowId = '" + closed.ID + "'"})
	if err != nil || len(scan.GetExecutions()) != 1 {
		t.Fatalf("ScanWorkflow = %v, %v", scan, err)
	}
	// The dev server has no visibility archival: the server's error, promptly.
	start := time.Now()
	if _, err := c.ListArchivedWorkflow(ctx, &workflowservice.ListArchivedWorkflowExecutionsRequest{Query: "WorkflowId = 'x'"}); err == nil || time.Since(start) > 10*time.Second {
		t.Errorf("ListArchivedWorkflow without archival: %v after %v, want an error", err, time.Since(start))
	} else {
		t.Logf("ListArchivedWorkflow: %v", err)
	}
	if _, err := c.ListOpenWorkflow(ctx, nil); !errors.Is(err, client.ErrInvalidArgument) {
		t.Errorf("ListOpenWorkflow(nil): %v", err)
	}
	var nsNotFound *serviceerror.NamespaceNotFound
	if _, err := c.ListClosedWorkflow(ctx, &workflowservice.ListClosedWorkflowExecutionsRequest{Namespace: "no-such-namespace-" + closed.ID, StartTimeFilter: window}); !errors.As(err, &nsNotFound) && !errors.Is(err, client.ErrNotFound) {
		t.Errorf("ListClosedWorkflow in a missing namespace: %v (%T)", err, err)
	}
}

// A client whose namespace the environment configuration chose (Options{} under the test
// harness, which exports TEMPORAL_ADDRESS): the library's functions use that namespace, and
// the raw calls fill a request's empty namespace with it, as the Go SDK does
// (temporal_client_get_namespace tells the binding which one it is).
func TestEnvConfigNamespaceAndRawCalls(t *testing.T) {
	serverAddress(t)
	c, err := client.Dial(client.Options{})
	if err != nil {
		t.Fatalf("Dial(Options{}): %v", err)
	}
	defer c.Close()
	ctx := ctxTimeout(t, 30*time.Second)
	if _, err := c.CountWorkflow(ctx, &workflowservice.CountWorkflowExecutionsRequest{}); err != nil {
		t.Fatalf("CountWorkflow: %v", err)
	}
	window := &filterpb.StartTimeFilter{EarliestTime: timestamppb.New(time.Now().Add(-time.Hour)), LatestTime: timestamppb.New(time.Now())}
	request := &workflowservice.ListOpenWorkflowExecutionsRequest{MaximumPageSize: 1, StartTimeFilter: window}
	if _, err := c.ListOpenWorkflow(ctx, request); err != nil {
		t.Fatalf("ListOpenWorkflow without a namespace: %v", err)
	}
	ns := os.Getenv("TEMPORAL_NAMESPACE")
	if ns == "" {
		ns = "default"
	}
	if request.Namespace != ns {
		t.Fatalf("the request's namespace was filled with %q, want the environment's %q", request.Namespace, ns)
	}
}

func TestCheckHealth(t *testing.T) {
	c := newTestClient(t)
	if resp, err := c.CheckHealth(ctxTimeout(t, 10*time.Second), &client.CheckHealthRequest{}); err != nil || resp == nil {
		t.Fatalf("CheckHealth = %v, %v", resp, err)
	}
	dead, err := client.NewLazyClient(client.Options{HostPort: deadAddress(t)})
	if err != nil {
		t.Fatalf("NewLazyClient: %v", err)
	}
	defer dead.Close()
	start := time.Now()
	_, err = dead.CheckHealth(ctxTimeout(t, 5*time.Second), &client.CheckHealthRequest{})
	if !errors.Is(err, client.ErrUnavailable) || !strings.HasPrefix(err.Error(), "health check error: ") || time.Since(start) > 5*time.Second {
		t.Fatalf("CheckHealth of a closed port: %v after %v, want UNAVAILABLE", err, time.Since(start))
	}
}

// deadAddress is a local address nothing listens on.
func deadAddress(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

// forward listens on addr and forwards every connection to target, until the test ends.
func forward(t *testing.T, addr, target string) {
	t.Helper()
	l, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatalf("listen %s: %v", addr, err)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var conns []net.Conn
	t.Cleanup(func() {
		l.Close()
		mu.Lock()
		for _, c := range conns {
			c.Close()
		}
		mu.Unlock()
		wg.Wait()
	})
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			in, err := l.Accept()
			if err != nil {
				return
			}
			out, err := net.Dial("tcp", target)
			if err != nil {
				in.Close()
				continue
			}
			mu.Lock()
			conns = append(conns, in, out)
			mu.Unlock()
			wg.Add(2)
			go func() { defer wg.Done(); _, _ = io.Copy(out, in); out.Close() }()
			go func() { defer wg.Done(); _, _ = io.Copy(in, out); in.Close() }()
		}
	}()
}

// The Go SDK's NewLazyClient: nothing is dialled until the first call; a call while the server
// is down is UNAVAILABLE, and once it is up the next call connects.
func TestNewLazyClient(t *testing.T) {
	target := serverAddress(t)
	addr := deadAddress(t)
	start := time.Now()
	c, err := client.NewLazyClient(client.Options{HostPort: addr})
	if err != nil {
		t.Fatalf("NewLazyClient to a closed port: %v", err)
	}
	defer c.Close()
	if elapsed := time.Since(start); elapsed > time.Second {
		t.Errorf("NewLazyClient took %v: it must not dial", elapsed)
	}
	start = time.Now()
	_, err = c.DescribeWorkflow(ctxTimeout(t, 5*time.Second), "lazy-"+uniqueID(t), "")
	if !errors.Is(err, client.ErrUnavailable) || time.Since(start) > 5*time.Second {
		t.Fatalf("DescribeWorkflow with the server down: %v after %v, want UNAVAILABLE", err, time.Since(start))
	}
	var unavailable *serviceerror.Unavailable
	if !errors.As(err, &unavailable) {
		t.Errorf("the error is not *serviceerror.Unavailable: %T", err)
	}

	forward(t, addr, target)
	ctx := ctxTimeout(t, 30*time.Second)
	if _, err := c.DescribeWorkflow(ctx, "lazy-"+uniqueID(t), ""); !errors.Is(err, client.ErrNotFound) {
		t.Fatalf("DescribeWorkflow once the server is up: %v, want NOT_FOUND (connected)", err)
	}
	run, err := c.ExecuteWorkflow(ctx, opts(t), "Echo", "lazy")
	if err != nil {
		t.Fatalf("ExecuteWorkflow: %v", err)
	}
	var got string
	if err := run.Get(ctx, &got); err != nil || got != "lazy" {
		t.Fatalf("Get = %q, %v", got, err)
	}

	// Bad options are refused at once, as by Dial.
	if _, err := client.NewLazyClient(client.Options{HostPort: addr, GrpcCompression: 9}); !errors.Is(err, client.ErrInvalidArgument) {
		t.Errorf("NewLazyClient with bad options: %v", err)
	}
}
