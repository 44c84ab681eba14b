package client_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/uuid"
	commonpb "go.temporal.io/api/common/v1"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/operatorservice/v1"
	"go.temporal.io/api/serviceerror"
	taskqueuepb "go.temporal.io/api/taskqueue/v1"
	"go.temporal.io/api/workflowservice/v1"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/temporal-ffi/temporal-ffi/bindings/go/client"
	"github.com/temporal-ffi/temporal-ffi/bindings/go/temporal"
)

// The raw RPC escape hatch (WorkflowService, OperatorService) against the dev server: the
// generated clients of go.temporal.io/api over temporal_raw_rpc_async.

func TestRawRPCDescribeNamespaceAndSystemInfo(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 30*time.Second)
	ns, err := c.WorkflowService().DescribeNamespace(ctx, &workflowservice.DescribeNamespaceRequest{Namespace: "default"})
	if err != nil {
		t.Fatalf("DescribeNamespace: %v", err)
	}
	if got := ns.GetNamespaceInfo().GetName(); got != "default" {
		t.Errorf("namespace name = %q, want default", got)
	}
	if ns.GetNamespaceInfo().GetId() == "" {
		t.Errorf("namespace has no ID: %v", ns)
	}
	info, err := c.WorkflowService().GetSystemInfo(ctx, &workflowservice.GetSystemInfoRequest{})
	if err != nil {
		t.Fatalf("GetSystemInfo: %v", err)
	}
	if info.GetServerVersion() == "" || info.GetCapabilities() == nil {
		t.Errorf("GetSystemInfo = %v, want a server version and capabilities", info)
	}
}

func TestRawRPCListSearchAttributes(t *testing.T) {
	c := newTestClient(t)
	resp, err := c.OperatorService().ListSearchAttributes(ctxTimeout(t, 30*time.Second),
		&operatorservice.ListSearchAttributesRequest{Namespace: "default"})
	if err != nil {
		t.Fatalf("ListSearchAttributes: %v", err)
	}
	if got := resp.GetSystemAttributes()["WorkflowId"]; got != enumspb.INDEXED_VALUE_TYPE_KEYWORD {
		t.Errorf("system attribute WorkflowId = %v, want KEYWORD (all: %v)", got, resp.GetSystemAttributes())
	}
}

// startRequest is a StartWorkflowExecution of workflowType with one json/plain argument.
func startRequest(id, workflowType string, argJSON string) *workflowservice.StartWorkflowExecutionRequest {
	var input *commonpb.Payloads
	if argJSON != "" {
		input = &commonpb.Payloads{Payloads: []*commonpb.Payload{{
			Metadata: map[string][]byte{"encoding": []byte("json/plain")},
			Data:     []byte(argJSON),
		}}}
	}
	return &workflowservice.StartWorkflowExecutionRequest{
		Namespace:    "default",
		WorkflowId:   id,
		WorkflowType: &commonpb.WorkflowType{Name: workflowType},
		TaskQueue:    &taskqueuepb.TaskQueue{Name: taskQueue()},
		Input:        input,
		Identity:     "raw-rpc-test",
		RequestId:    uuid.NewString(),
	}
}

func TestRawRPCStartWorkflowThenGet(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 60*time.Second)
	id := uniqueID(t)
	terminateAtEnd(t, id)
	resp, err := c.WorkflowService().StartWorkflowExecution(ctx, startRequest(id, "Echo", `"hello raw"`))
	if err != nil {
		t.Fatalf("StartWorkflowExecution: %v", err)
	}
	if resp.GetRunId() == "" {
		t.Fatalf("StartWorkflowExecution gave no run ID: %v", resp)
	}
	var got string
	if err := c.GetWorkflow(ctx, id, resp.GetRunId()).Get(ctx, &got); err != nil || got != "hello raw" {
		t.Fatalf("Get = %q, %v; want \"hello raw\"", got, err)
	}
}

// A server error is the binding's error and the Go SDK's: status code, serviceerror type.
func TestRawRPCErrors(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 60*time.Second)

	_, err := c.WorkflowService().DescribeWorkflowExecution(ctx, &workflowservice.DescribeWorkflowExecutionRequest{
		Namespace: "default", Execution: &commonpb.WorkflowExecution{WorkflowId: uniqueID(t)},
	})
	var notFound *serviceerror.NotFound
	var be *client.Error
	if !errors.Is(err, client.ErrNotFound) || status.Code(err) != codes.NotFound ||
		!errors.As(err, &notFound) || !errors.As(err, &be) || be.Code != client.ErrNotFound {
		t.Fatalf("DescribeWorkflowExecution of a missing ID: %v (%T, gRPC code %v), want NOT_FOUND", err, err, status.Code(err))
	}
	if notFound.Message == "" || notFound.Message != err.Error() {
		t.Errorf("serviceerror message %q, error %q", notFound.Message, err.Error())
	}

	// A request the server refuses: no namespace.
	_, err = c.WorkflowService().DescribeNamespace(ctx, &workflowservice.DescribeNamespaceRequest{Namespace: "no-such-namespace-" + uuid.NewString()})
	if status.Code(err) != codes.NotFound || !errors.Is(err, client.ErrNotFound) || !errors.As(err, &notFound) {
		t.Errorf("DescribeNamespace of a missing namespace: %v (gRPC code %v), want NOT_FOUND", err, status.Code(err))
	}

	// The same workflow ID twice: ALREADY_EXISTS, which the binding calls ALREADY_STARTED.
	id := uniqueID(t)
	terminateAtEnd(t, id)
	if _, err := c.WorkflowService().StartWorkflowExecution(ctx, startRequest(id, "Block", "")); err != nil {
		t.Fatalf("StartWorkflowExecution: %v", err)
	}
	_, err = c.WorkflowService().StartWorkflowExecution(ctx, startRequest(id, "Block", ""))
	var exists *serviceerror.AlreadyExists
	var started *serviceerror.WorkflowExecutionAlreadyStarted
	if !errors.Is(err, client.ErrAlreadyStarted) || status.Code(err) != codes.AlreadyExists ||
		!(errors.As(err, &exists) || errors.As(err, &started)) {
		t.Fatalf("second start of %s: %v (%T, gRPC code %v), want ALREADY_EXISTS", id, err, err, status.Code(err))
	}
}

// The ctx rules of every call: a deadline that passes is DEADLINE_EXCEEDED, a cancel (here
// of a long poll the server holds) is CANCELED.
func TestRawRPCDeadlineAndCancel(t *testing.T) {
	c := newTestClient(t)
	id := uniqueID(t)
	terminateAtEnd(t, id)
	if _, err := c.WorkflowService().StartWorkflowExecution(ctxTimeout(t, 30*time.Second), startRequest(id, "Block", "")); err != nil {
		t.Fatalf("StartWorkflowExecution: %v", err)
	}
	// Waits for the close event of a workflow that does not close, as the Go SDK's
	// WorkflowRun.Get does. The server holds each poll until 1 s before the call's deadline
	// (the library sends ctx's as the gRPC timeout) and answers with an empty page and a token;
	// with less time left it answers at once. So a deadline ends the loop on the client's
	// side, during a call or before the next one: DEADLINE_EXCEEDED either way.
	longPoll := func(ctx context.Context) (time.Duration, error) {
		begin := time.Now()
		req := &workflowservice.GetWorkflowExecutionHistoryRequest{
			Namespace:              "default",
			Execution:              &commonpb.WorkflowExecution{WorkflowId: id},
			WaitNewEvent:           true,
			HistoryEventFilterType: enumspb.HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT,
		}
		for {
			resp, err := c.WorkflowService().GetWorkflowExecutionHistory(ctx, req)
			if err != nil {
				return time.Since(begin), err
			}
			if len(resp.GetHistory().GetEvents()) > 0 || len(resp.GetNextPageToken()) == 0 {
				return time.Since(begin), errors.New("the Block workflow closed")
			}
			req.NextPageToken = resp.GetNextPageToken()
		}
	}
	isDeadline := func(err error) bool {
		var de *serviceerror.DeadlineExceeded
		return errors.Is(err, client.ErrDeadlineExceeded) && errors.Is(err, context.DeadlineExceeded) &&
			status.Code(err) == codes.DeadlineExceeded && errors.As(err, &de)
	}

	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	_, err := longPoll(ctx)
	cancel()
	if !isDeadline(err) {
		t.Errorf("1 ms deadline: %v (%T, gRPC code %v), want DEADLINE_EXCEEDED", err, err, status.Code(err))
	}

	// A deadline that passes after some polls: the loop ends at it.
	const wait = 500 * time.Millisecond
	ctx, cancel = context.WithTimeout(context.Background(), wait)
	took, err := longPoll(ctx)
	cancel()
	if !isDeadline(err) {
		t.Errorf("%v deadline: %v (%T, gRPC code %v), want DEADLINE_EXCEEDED", wait, err, err, status.Code(err))
	}
	// The timeout crosses to the library in whole milliseconds, rounded down.
	if took < wait-20*time.Millisecond || took > wait+5*time.Second {
		t.Errorf("%v deadline: the call took %v", wait, took)
	}

	// No deadline: the library's 10 s, so the server holds the first poll for 9 s and the
	// cancel ends it in flight.
	ctx, cancel = context.WithCancel(context.Background())
	timer := time.AfterFunc(200*time.Millisecond, cancel)
	defer timer.Stop()
	took, err = longPoll(ctx)
	cancel()
	var ce *serviceerror.Canceled
	if !errors.Is(err, client.ErrCanceled) || status.Code(err) != codes.Canceled || !errors.As(err, &ce) {
		t.Errorf("canceled: %v (%T, gRPC code %v), want CANCELED", err, err, status.Code(err))
	}
	if took < 200*time.Millisecond || took > 5*time.Second {
		t.Errorf("canceled at 200ms: the call took %v", took)
	}
}

// Each call is a plain generated-client call: several at once share the connection.
func TestRawRPCConcurrent(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 30*time.Second)
	errs := make(chan error, 8)
	for range cap(errs) {
		go func() {
			resp, err := c.WorkflowService().DescribeNamespace(ctx, &workflowservice.DescribeNamespaceRequest{Namespace: "default"})
			if err == nil && resp.GetNamespaceInfo().GetName() != "default" {
				err = errors.New("wrong namespace: " + resp.GetNamespaceInfo().GetName())
			}
			errs <- err
		}()
	}
	for range cap(errs) {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// StaticSummary, StaticDetails and Priority reach the server, read back through the raw
// DescribeWorkflowExecution (the Go SDK's DescribeWorkflowExecution returns the same response).
func TestStartOptionsSummaryDetailsAndPriority(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 60*time.Second)
	options := client.StartWorkflowOptions{
		ID:            uniqueID(t),
		TaskQueue:     taskQueue(),
		StaticSummary: "**nightly** report",
		StaticDetails: "line one\nline two",
		Priority:      temporal.Priority{PriorityKey: 2, FairnessKey: "tenant-a", FairnessWeight: 2.5},
	}
	run, err := c.ExecuteWorkflow(ctx, options, "Echo", "x")
	if err != nil {
		t.Fatalf("ExecuteWorkflow: %v", err)
	}
	var got string
	if err := run.Get(ctx, &got); err != nil || got != "x" {
		t.Fatalf("Get = %q, %v", got, err)
	}
	described, err := c.WorkflowService().DescribeWorkflowExecution(ctx, &workflowservice.DescribeWorkflowExecutionRequest{
		Namespace: "default", Execution: &commonpb.WorkflowExecution{WorkflowId: run.GetID(), RunId: run.GetRunID()},
	})
	if err != nil {
		t.Fatalf("DescribeWorkflowExecution: %v", err)
	}
	metadata := described.GetExecutionConfig().GetUserMetadata()
	if s, d := string(metadata.GetSummary().GetData()), string(metadata.GetDetails().GetData()); s != `"**nightly** report"` || d != `"line one\nline two"` {
		t.Errorf("user metadata = %q, %q", s, d)
	}
	p := described.GetWorkflowExecutionInfo().GetPriority()
	if p.GetPriorityKey() != 2 || p.GetFairnessKey() != "tenant-a" || p.GetFairnessWeight() != 2.5 {
		t.Errorf("priority = %v", p)
	}
	bad := options
	bad.ID = uniqueID(t)
	bad.Priority = temporal.Priority{PriorityKey: -1}
	if _, err := c.ExecuteWorkflow(ctx, bad, "Echo", "x"); !errors.Is(err, client.ErrInvalidArgument) {
		t.Errorf("a negative priority key: %v, want ErrInvalidArgument", err)
	}
}
