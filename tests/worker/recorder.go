package main

// A fake Temporal frontend for the tests of live API key and gRPC metadata updates
// (temporal_client_set_api_key, temporal_client_set_grpc_metadata): the dev server ignores the
// authorization header, so this one tells what each call sent. GetSystemInfo answers (connect
// needs it); QueryWorkflow answers with the request's metadata as a JSON object of strings
// (several values of one key joined with ","), plus "@namespace": the request's namespace, a
// json/plain payload. For the test of a result
// above gRPC's default 4 MB message limit (which the dev server cannot store: its own
// messages are limited to 4 MB), GetWorkflowExecutionHistory of a workflow ID "large-N"
// answers with a completed close event whose result is a JSON string of N bytes ("x"...).
// Every other call is Unimplemented.

import (
	"context"
	"encoding/json"
	"net"
	"strconv"
	"strings"

	commonpb "go.temporal.io/api/common/v1"
	enumspb "go.temporal.io/api/enums/v1"
	historypb "go.temporal.io/api/history/v1"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/api/workflowservice/v1"
	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
)

type recorder struct {
	workflowservice.UnimplementedWorkflowServiceServer
}

func (recorder) GetSystemInfo(context.Context, *workflowservice.GetSystemInfoRequest) (*workflowservice.GetSystemInfoResponse, error) {
	return &workflowservice.GetSystemInfoResponse{}, nil
}

func (recorder) QueryWorkflow(ctx context.Context, req *workflowservice.QueryWorkflowRequest) (*workflowservice.QueryWorkflowResponse, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	seen := make(map[string]string, len(md)+1)
	for k, v := range md {
		seen[k] = strings.Join(v, ",")
	}
	seen["@namespace"] = req.GetNamespace() // not a header name, so never metadata
	data, err := json.Marshal(seen)
	if err != nil {
		return nil, err
	}
	payload := &commonpb.Payload{Metadata: map[string][]byte{"encoding": []byte("json/plain")}, Data: data}
	return &workflowservice.QueryWorkflowResponse{QueryResult: &commonpb.Payloads{Payloads: []*commonpb.Payload{payload}}}, nil
}

func (recorder) GetWorkflowExecutionHistory(_ context.Context, req *workflowservice.GetWorkflowExecutionHistoryRequest) (*workflowservice.GetWorkflowExecutionHistoryResponse, error) {
	n, err := strconv.Atoi(strings.TrimPrefix(req.GetExecution().GetWorkflowId(), "large-"))
	if err != nil || n < 0 {
		return nil, serviceerror.NewNotFound("the recorder knows only workflow IDs large-N")
	}
	data, _ := json.Marshal(strings.Repeat("x", n))
	result := &commonpb.Payloads{Payloads: []*commonpb.Payload{{Metadata: map[string][]byte{"encoding": []byte("json/plain")}, Data: data}}}
	event := &historypb.HistoryEvent{
		EventId:   1,
		EventType: enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED,
		Attributes: &historypb.HistoryEvent_WorkflowExecutionCompletedEventAttributes{
			WorkflowExecutionCompletedEventAttributes: &historypb.WorkflowExecutionCompletedEventAttributes{Result: result},
		},
	}
	return &workflowservice.GetWorkflowExecutionHistoryResponse{History: &historypb.History{Events: []*historypb.HistoryEvent{event}}}, nil
}

// startRecorder serves the recorder on a free port of 127.0.0.1 and returns its host:port.
func startRecorder() (string, error) {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	s := grpc.NewServer()
	workflowservice.RegisterWorkflowServiceServer(s, recorder{})
	go func() { _ = s.Serve(lis) }()
	return lis.Addr().String(), nil
}
