package client

/*
#include <stdint.h>
#include <stdlib.h>
#include "temporal.h"
*/
import "C"

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"
	"unsafe"

	"github.com/google/uuid"
	commonpb "go.temporal.io/api/common/v1"
	enumspb "go.temporal.io/api/enums/v1"
	historypb "go.temporal.io/api/history/v1"
	querypb "go.temporal.io/api/query/v1"
	"go.temporal.io/api/workflowservice/v1"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	"github.com/temporal-ffi/temporal-ffi/bindings/go/converter"
	"github.com/temporal-ffi/temporal-ffi/bindings/go/temporal"
)

// The per-workflow surface with the Go SDK's signatures and go.temporal.io/api types: describe,
// list, count, history, query with options, search attributes, task queues, reset, the
// deprecated list/scan RPCs and the health check. The library builds each request and returns
// the response message's protobuf bytes (temporal_call_get_bytes), which are decoded here into
// the go.temporal.io/api type the Go SDK returns. The calls the library has no function for go
// through the raw RPC (WorkflowService()), as the Go SDK makes them over its WorkflowService.
//
// Their errors are the raw RPC's (rpcError): the binding's *Error (errors.Is(err, ErrNotFound))
// that is also the go.temporal.io/api/serviceerror type of its gRPC status
// (errors.As(err, &*serviceerror.NotFound)), which is what the Go SDK documents for them.

// WorkflowExecution is the Go SDK's workflow.Execution, as WorkflowExecutionMetadata holds it.
type WorkflowExecution struct {
	// ID is the identifier of the workflow execution.
	ID string
	// RunID is the run identifier of the workflow execution.
	RunID string
}

// WorkflowType is the Go SDK's workflow.Type, as WorkflowExecutionMetadata holds it.
type WorkflowType struct {
	// Name is the name of the workflow type.
	Name string
}

// WorkflowExecutionMetadata is the Go SDK's client.WorkflowExecutionMetadata, without its
// TypedSearchAttributes (the binding has no typed search attributes yet: read them from
// WorkflowExecutionDescription.RawResponse).
type WorkflowExecutionMetadata struct {
	// WorkflowExecution is the unique identifier for the workflow execution
	WorkflowExecution WorkflowExecution
	// WorkflowType is the type of the workflow execution
	WorkflowType WorkflowType
	// TaskQueueName is the name of the task queue
	TaskQueueName string
	// Status is the status of the workflow execution
	Status enumspb.WorkflowExecutionStatus
	// Memo is the current memo of the workflow execution (decoded by the client's payload
	// codecs); GetMemoValue decodes a value.
	Memo *commonpb.Memo
	// ParentWorkflowExecution is the parent workflow execution, only set for a child workflow.
	ParentWorkflowExecution *WorkflowExecution
	// RootWorkflowExecution is the root workflow execution
	RootWorkflowExecution *WorkflowExecution
	// WorkflowStartTime is the time when the workflow execution started
	WorkflowStartTime time.Time
	// WorkflowCloseTime is the time when the workflow execution closed; nil while it is open.
	WorkflowCloseTime *time.Time
	// ExecutionTime is the time when the workflow execution started or should start
	ExecutionTime *time.Time
	// HistoryLength is the number of history events in the workflow execution
	HistoryLength int
}

// WorkflowExecutionDescription is the Go SDK's client.WorkflowExecutionDescription, the
// result of DescribeWorkflow.
type WorkflowExecutionDescription struct {
	WorkflowExecutionMetadata
	// Raw server response this struct was built from.
	RawResponse          *workflowservice.DescribeWorkflowExecutionResponse
	staticSummaryPayload *commonpb.Payload
	staticDetailsPayload *commonpb.Payload
	staticSummary        string
	staticDetails        string
}

// GetStaticSummary returns the summary set on workflow start ("" when none).
func (w *WorkflowExecutionDescription) GetStaticSummary() (string, error) {
	return decodeStatic(&w.staticSummary, w.staticSummaryPayload)
}

// GetStaticDetails returns the details set on workflow start ("" when none).
func (w *WorkflowExecutionDescription) GetStaticDetails() (string, error) {
	return decodeStatic(&w.staticDetails, w.staticDetailsPayload)
}

// decodeStatic decodes a user metadata payload once, caching it in *cached as the Go SDK does.
func decodeStatic(cached *string, payload *commonpb.Payload) (string, error) {
	if *cached != "" || payload == nil {
		return *cached, nil
	}
	var s string
	if err := converter.GetDefaultDataConverter().FromPayload(payload, &s); err != nil {
		return "", err
	}
	*cached = s
	return s, nil
}

// GetMemoValue decodes a memo value by key into valuePtr; temporal.ErrNoData when the memo
// is nil or has no such key.
func (w *WorkflowExecutionDescription) GetMemoValue(key string, valuePtr any) error {
	if w.Memo == nil {
		return temporal.ErrNoData
	}
	payload, ok := w.Memo.Fields[key]
	if !ok {
		return temporal.ErrNoData
	}
	return converter.GetDefaultDataConverter().FromPayload(payload, valuePtr)
}

// HistoryEventIterator is the Go SDK's client.HistoryEventIterator.
type HistoryEventIterator interface {
	// HasNext return whether this iterator has next value
	HasNext() bool
	// Next returns the next history events and error
	// The errors it can return:
	//	- serviceerror.NotFound
	//	- serviceerror.InvalidArgument
	//	- serviceerror.Internal
	//	- serviceerror.Unavailable
	Next() (*historypb.HistoryEvent, error)
}

// QueryWorkflowWithOptionsRequest is the Go SDK's client.QueryWorkflowWithOptionsRequest.
type QueryWorkflowWithOptionsRequest struct {
	// WorkflowID is a required field indicating the workflow which should be queried.
	WorkflowID string
	// RunID is an optional field used to identify a specific run of the queried workflow.
	// If RunID is not provided the latest run will be used.
	RunID string
	// QueryType is a required field which specifies the query you want to run.
	QueryType string
	// Args is an optional field used to identify the arguments passed to the query
	// (JSON-encoded, one payload each).
	Args []any
	// QueryRejectCondition is an optional field used to reject queries based on workflow state.
	// QUERY_REJECT_CONDITION_NONE indicates that query should not be rejected.
	// QUERY_REJECT_CONDITION_NOT_OPEN indicates that query should be rejected if workflow is not open.
	// QUERY_REJECT_CONDITION_NOT_COMPLETED_CLEANLY indicates that query should be rejected if workflow did not complete cleanly.
	QueryRejectCondition enumspb.QueryRejectCondition
	// Header is an optional header to include with the query. The library sends header
	// values as JSON: each field must be a json/plain (or binary/null) payload, as the Go
	// SDK's default converter makes them; another encoding is refused with ErrInvalidArgument.
	Header *commonpb.Header
}

// QueryWorkflowWithOptionsResponse is the Go SDK's client.QueryWorkflowWithOptionsResponse.
type QueryWorkflowWithOptionsResponse struct {
	// QueryResult contains the result of executing the query.
	// This will only be set if the query was completed successfully and not rejected.
	QueryResult EncodedValue
	// QueryRejected contains information about the query rejection.
	QueryRejected *querypb.QueryRejected
}

// CheckHealthRequest is the Go SDK's client.CheckHealthRequest.
type CheckHealthRequest struct{}

// CheckHealthResponse is the Go SDK's client.CheckHealthResponse.
type CheckHealthResponse struct{}

// maxListArchivedWorkflowTimeout and minRPCTimeout are the Go SDK's bounds of
// ListArchivedWorkflow's timeout.
const (
	maxListArchivedWorkflowTimeout = 3 * time.Minute
	minRPCTimeout                  = time.Second
)

// readBytes reads the protobuf bytes of a completed call into *out (copied: they are the
// call's); *ok says whether it had any.
func readBytes(out *[]byte, ok *bool) func(*C.temporal_call) {
	return func(call *C.temporal_call) {
		var b *C.uint8_t
		var n C.size_t
		if C.temporal_call_get_bytes(call, &b, &n) {
			*ok = true
			if n > 0 {
				*out = C.GoBytes(unsafe.Pointer(b), C.int(n))
			}
		}
	}
}

// callProto runs one call whose result is the response message m (named `what`), decoded from
// the call's bytes. Its error is an rpcError.
func (c *clientImpl) callProto(ctx context.Context, what string, m proto.Message,
	start func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error) error {
	var b []byte
	var ok bool
	if err := c.do(ctx, start, readBytes(&b, &ok)); err != nil {
		return rpcError(err)
	}
	if !ok {
		return rpcError(missingOutput(what))
	}
	if err := proto.Unmarshal(b, m); err != nil {
		return rpcError(&Error{Code: ErrInternal, Message: "temporal-ffi: decoding the " + what + ": " + err.Error()})
	}
	return nil
}

// invalidRequest is the error of a nil request, which the Go SDK would dereference.
func invalidRequest(method string) error {
	return rpcError(&Error{Code: ErrInvalidArgument, Message: "temporal-ffi: " + method + " needs a request, not nil"})
}

// fillNamespace sets an empty request namespace to the client's, as the Go SDK does.
func (c *clientImpl) fillNamespace(namespace *string) {
	if *namespace == "" {
		*namespace = c.namespace
	}
}

// ownNamespace reports whether a request for namespace goes to the client's own namespace,
// which the library's functions use ("" is the client's).
func (c *clientImpl) ownNamespace(namespace string) bool {
	return namespace == "" || namespace == c.namespace
}

func (c *clientImpl) DescribeWorkflowExecution(ctx context.Context, workflowID, runID string) (*workflowservice.DescribeWorkflowExecutionResponse, error) {
	resp := &workflowservice.DescribeWorkflowExecutionResponse{}
	err := c.callProto(ctx, "DescribeWorkflowExecutionResponse", resp, func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
		return C.temporal_describe_workflow_execution_async(h, cs.str(workflowID), cs.str(runID), co, call)
	})
	if err != nil {
		return nil, err
	}
	return resp, nil
}

func (c *clientImpl) DescribeWorkflow(ctx context.Context, workflowID, runID string) (*WorkflowExecutionDescription, error) {
	resp, err := c.DescribeWorkflowExecution(ctx, workflowID, runID)
	if err != nil {
		return nil, err
	}
	return describeWorkflow(resp), nil
}

// describeWorkflow is the Go SDK's conversion of a DescribeWorkflowExecutionResponse
// (workflowClientInterceptor.DescribeWorkflow).
func describeWorkflow(resp *workflowservice.DescribeWorkflowExecutionResponse) *WorkflowExecutionDescription {
	info := resp.GetWorkflowExecutionInfo()
	var closeTime *time.Time
	if info.GetCloseTime().IsValid() {
		t := info.GetCloseTime().AsTime()
		closeTime = &t
	}
	var executionTime *time.Time
	if info.GetExecutionTime().IsValid() {
		t := info.GetExecutionTime().AsTime()
		executionTime = &t
	}
	var parent *WorkflowExecution
	if info.GetParentExecution() != nil {
		parent = &WorkflowExecution{ID: info.GetParentExecution().GetWorkflowId(), RunID: info.GetParentExecution().GetRunId()}
	}
	var root *WorkflowExecution
	if info.GetRootExecution() != nil {
		root = &WorkflowExecution{ID: info.GetRootExecution().GetWorkflowId(), RunID: info.GetRootExecution().GetRunId()}
	}
	return &WorkflowExecutionDescription{
		WorkflowExecutionMetadata: WorkflowExecutionMetadata{
			WorkflowExecution:       WorkflowExecution{ID: info.GetExecution().GetWorkflowId(), RunID: info.GetExecution().GetRunId()},
			WorkflowType:            WorkflowType{Name: info.GetType().GetName()},
			TaskQueueName:           info.GetTaskQueue(),
			Memo:                    info.GetMemo(),
			Status:                  info.GetStatus(),
			ParentWorkflowExecution: parent,
			RootWorkflowExecution:   root,
			WorkflowStartTime:       info.GetStartTime().AsTime(),
			ExecutionTime:           executionTime,
			WorkflowCloseTime:       closeTime,
			HistoryLength:           int(info.GetHistoryLength()),
		},
		RawResponse:          resp,
		staticSummaryPayload: resp.GetExecutionConfig().GetUserMetadata().GetSummary(),
		staticDetailsPayload: resp.GetExecutionConfig().GetUserMetadata().GetDetails(),
	}
}

func (c *clientImpl) ListWorkflow(ctx context.Context, request *workflowservice.ListWorkflowExecutionsRequest) (*workflowservice.ListWorkflowExecutionsResponse, error) {
	if request == nil {
		return nil, invalidRequest("ListWorkflow")
	}
	if !c.ownNamespace(request.GetNamespace()) {
		return c.WorkflowService().ListWorkflowExecutions(ctx, request)
	}
	if c.namespace != "" {
		request.Namespace = c.namespace
	}
	resp := &workflowservice.ListWorkflowExecutionsResponse{}
	err := c.callProto(ctx, "ListWorkflowExecutionsResponse", resp, func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
		return C.temporal_list_workflow_async(h, cs.str(request.GetQuery()), C.int32_t(request.GetPageSize()),
			cs.str(hex.EncodeToString(request.GetNextPageToken())), co, call)
	})
	if err != nil {
		return nil, err
	}
	return resp, nil
}

func (c *clientImpl) CountWorkflow(ctx context.Context, request *workflowservice.CountWorkflowExecutionsRequest) (*workflowservice.CountWorkflowExecutionsResponse, error) {
	if request == nil {
		return nil, invalidRequest("CountWorkflow")
	}
	if !c.ownNamespace(request.GetNamespace()) {
		return c.WorkflowService().CountWorkflowExecutions(ctx, request)
	}
	if c.namespace != "" {
		request.Namespace = c.namespace
	}
	resp := &workflowservice.CountWorkflowExecutionsResponse{}
	err := c.callProto(ctx, "CountWorkflowExecutionsResponse", resp, func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
		return C.temporal_count_workflow_async(h, cs.str(request.GetQuery()), co, call)
	})
	if err != nil {
		return nil, err
	}
	return resp, nil
}

func (c *clientImpl) GetSearchAttributes(ctx context.Context) (*workflowservice.GetSearchAttributesResponse, error) {
	resp := &workflowservice.GetSearchAttributesResponse{}
	err := c.callProto(ctx, "GetSearchAttributesResponse", resp, func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
		return C.temporal_get_search_attributes_async(h, co, call)
	})
	if err != nil {
		return nil, err
	}
	return resp, nil
}

func (c *clientImpl) DescribeTaskQueue(ctx context.Context, taskQueue string, taskQueueType enumspb.TaskQueueType) (*workflowservice.DescribeTaskQueueResponse, error) {
	resp := &workflowservice.DescribeTaskQueueResponse{}
	err := c.callProto(ctx, "DescribeTaskQueueResponse", resp, func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
		return C.temporal_describe_task_queue_async(h, cs.str(taskQueue), C.int32_t(taskQueueType), co, call)
	})
	if err != nil {
		return nil, err
	}
	return resp, nil
}

// ResetWorkflowExecution passes the request through, as the Go SDK does: a new RequestId when
// it has none (so the server de-duplicates the call's retries), the client's namespace when it
// names none.
func (c *clientImpl) ResetWorkflowExecution(ctx context.Context, request *workflowservice.ResetWorkflowExecutionRequest) (*workflowservice.ResetWorkflowExecutionResponse, error) {
	if request == nil {
		return nil, invalidRequest("ResetWorkflowExecution")
	}
	if request.GetRequestId() == "" {
		request.RequestId = uuid.NewString()
	}
	c.fillNamespace(&request.Namespace)
	return c.WorkflowService().ResetWorkflowExecution(ctx, request)
}

func (c *clientImpl) ListOpenWorkflow(ctx context.Context, request *workflowservice.ListOpenWorkflowExecutionsRequest) (*workflowservice.ListOpenWorkflowExecutionsResponse, error) {
	if request == nil {
		return nil, invalidRequest("ListOpenWorkflow")
	}
	c.fillNamespace(&request.Namespace)
	return c.WorkflowService().ListOpenWorkflowExecutions(ctx, request)
}

func (c *clientImpl) ListClosedWorkflow(ctx context.Context, request *workflowservice.ListClosedWorkflowExecutionsRequest) (*workflowservice.ListClosedWorkflowExecutionsResponse, error) {
	if request == nil {
		return nil, invalidRequest("ListClosedWorkflow")
	}
	c.fillNamespace(&request.Namespace)
	return c.WorkflowService().ListClosedWorkflowExecutions(ctx, request)
}

// ListArchivedWorkflow has the Go SDK's timeout: 3 min at most (archival reads are slow; the
// other raw calls default to 10 s), never past ctx's deadline.
func (c *clientImpl) ListArchivedWorkflow(ctx context.Context, request *workflowservice.ListArchivedWorkflowExecutionsRequest) (*workflowservice.ListArchivedWorkflowExecutionsResponse, error) {
	if request == nil {
		return nil, invalidRequest("ListArchivedWorkflow")
	}
	c.fillNamespace(&request.Namespace)
	timeout := maxListArchivedWorkflowTimeout
	if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) > 0 {
		timeout = min(max(time.Until(deadline), minRPCTimeout), maxListArchivedWorkflowTimeout)
	}
	// As the Go SDK's grpcTimeout, a timeout under ctx: it never outlives ctx's deadline.
	callCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	return c.WorkflowService().ListArchivedWorkflowExecutions(callCtx, request)
}

//lint:ignore SA1019 the Go SDK's signature: the server API was deprecated.
func (c *clientImpl) ScanWorkflow(ctx context.Context, request *workflowservice.ScanWorkflowExecutionsRequest) (*workflowservice.ScanWorkflowExecutionsResponse, error) {
	if request == nil {
		return nil, invalidRequest("ScanWorkflow")
	}
	c.fillNamespace(&request.Namespace)
	//lint:ignore SA1019 the server API was deprecated.
	return c.WorkflowService().ScanWorkflowExecutions(ctx, request)
}

// CheckHealth is the gRPC health check of the WorkflowService (temporal_check_health_async):
// an error unless the server says SERVING, worded as the Go SDK's.
func (c *clientImpl) CheckHealth(ctx context.Context, request *CheckHealthRequest) (*CheckHealthResponse, error) {
	err := c.do(ctx, func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
		return C.temporal_check_health_async(h, co, call)
	}, nil)
	if err != nil {
		return nil, fmt.Errorf("health check error: %w", err)
	}
	return &CheckHealthResponse{}, nil
}

func (c *clientImpl) QueryWorkflowWithOptions(ctx context.Context, request *QueryWorkflowWithOptionsRequest) (*QueryWorkflowWithOptionsResponse, error) {
	if request == nil {
		return nil, &Error{Code: ErrInvalidArgument, Message: "temporal-ffi: QueryWorkflowWithOptions needs a request, not nil"}
	}
	argsJSON, err := encodeArgs(request.Args)
	if err != nil {
		return nil, err
	}
	headerJSON, err := headerText(request.Header)
	if err != nil {
		return nil, err
	}
	var result string
	err = c.do(ctx, func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
		co.header_json = cs.str(headerJSON)
		// C memory: a struct passed to C must not point to Go memory.
		o := (*C.temporal_query_options)(cs.alloc(C.size_t(unsafe.Sizeof(C.temporal_query_options{}))))
		C.temporal_query_options_default(o, C.size_t(unsafe.Sizeof(*o)))
		o.workflow_id = cs.str(request.WorkflowID)
		o.run_id = cs.str(request.RunID)
		o.query_type = cs.str(request.QueryType)
		o.args_json = cs.str(argsJSON)
		o.query_reject_condition = C.int32_t(request.QueryRejectCondition)
		return C.temporal_query_workflow_with_options_async(h, o, co, call)
	}, readJSON(&result))
	if rejected, ok := queryRejected(err); ok {
		// As the Go SDK: a rejection is the response's QueryRejected, not an error.
		return &QueryWorkflowWithOptionsResponse{QueryRejected: rejected}, nil
	}
	if err != nil {
		return nil, err
	}
	return &QueryWorkflowWithOptionsResponse{QueryResult: encodedValue{result}}, nil
}

// queryRejected is the QueryRejected of a QUERY_REJECTED error, from its details
// {"status": "COMPLETED"} (the status as the describe JSON names it).
func queryRejected(err error) (*querypb.QueryRejected, bool) {
	var e *Error
	if !errors.As(err, &e) || e.Code != ErrQueryRejected {
		return nil, false
	}
	var d struct {
		Status string `json:"status"`
	}
	_ = json.Unmarshal(e.Details, &d) // an unknown status stays UNSPECIFIED
	status, ok := enumspb.WorkflowExecutionStatus_value["WORKFLOW_EXECUTION_STATUS_"+d.Status]
	if !ok {
		s, _ := enumspb.WorkflowExecutionStatusFromString(d.Status)
		status = int32(s)
	}
	return &querypb.QueryRejected{Status: enumspb.WorkflowExecutionStatus(status)}, true
}

// headerText is a Temporal header as the call options' header_json takes it: a JSON object
// of each field's JSON value ("" for no fields).
func headerText(header *commonpb.Header) (string, error) {
	if len(header.GetFields()) == 0 {
		return "", nil
	}
	fields := make(map[string]json.RawMessage, len(header.GetFields()))
	for key, p := range header.GetFields() {
		switch encoding := string(p.GetMetadata()[converter.MetadataEncoding]); encoding {
		case converter.MetadataEncodingJSON:
			if !json.Valid(p.GetData()) {
				return "", &Error{Code: ErrInvalidArgument, Message: fmt.Sprintf("temporal-ffi: the header field %q is not valid JSON", key)}
			}
			fields[key] = p.GetData()
		case converter.MetadataEncodingNil:
			fields[key] = json.RawMessage("null")
		default:
			return "", &Error{Code: ErrInvalidArgument, Message: fmt.Sprintf(
				"temporal-ffi: the header field %q is a %q payload: the library sends header values as JSON, so only %s and %s payloads can be sent",
				key, encoding, converter.MetadataEncodingJSON, converter.MetadataEncodingNil)}
		}
	}
	b, err := json.Marshal(fields)
	return string(b), err
}

func (c *clientImpl) GetWorkflowHistory(ctx context.Context, workflowID string, runID string, isLongPoll bool,
	filterType enumspb.HistoryEventFilterType) HistoryEventIterator {
	return &historyEventIterator{c: c, ctx: ctx, workflowID: workflowID, runID: runID, longPoll: isLongPoll, filter: filterType}
}

// historyEventIterator is the Go SDK's historyEventIteratorImpl over
// temporal_get_workflow_history_page_async: one page per call, fetched when HasNext runs out
// of events; with long poll, an empty page with a token (the server's poll interval ended) is
// polled again, so iteration ends only with the workflow's close.
type historyEventIterator struct {
	c                 *clientImpl
	ctx               context.Context
	workflowID, runID string
	longPoll          bool
	filter            enumspb.HistoryEventFilterType
	initialized       bool
	events            []*historypb.HistoryEvent
	nextEventIndex    int
	nextToken         []byte
	err               error
}

func (it *historyEventIterator) HasNext() bool {
	if it.nextEventIndex < len(it.events) || it.err != nil {
		return true
	}
	if it.initialized && len(it.nextToken) == 0 {
		return false
	}
	it.initialized = true
	resp, err := it.page(it.nextToken)
	it.nextEventIndex = 0
	if err != nil {
		it.events, it.nextToken, it.err = nil, nil, err
		return true
	}
	it.events, it.nextToken = resp.GetHistory().GetEvents(), resp.GetNextPageToken()
	return len(it.events) > 0
}

// Next returns the next history event; it panics when HasNext would say false, as the Go
// SDK's does.
func (it *historyEventIterator) Next() (*historypb.HistoryEvent, error) {
	if !it.HasNext() {
		panic("HistoryEventIterator Next() called without checking HasNext()")
	}
	if it.nextEventIndex < len(it.events) {
		event := it.events[it.nextEventIndex]
		it.nextEventIndex++
		return event, nil
	}
	err := it.err
	it.err = nil
	return nil, err
}

// page fetches the page at token, as the Go SDK's paginate: a long poll that ends with no
// event but a token polls again with that token.
func (it *historyEventIterator) page(token []byte) (*workflowservice.GetWorkflowExecutionHistoryResponse, error) {
	for {
		resp := &workflowservice.GetWorkflowExecutionHistoryResponse{}
		err := it.c.callProto(it.ctx, "GetWorkflowExecutionHistoryResponse", resp, func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
			return C.temporal_get_workflow_history_page_async(h, cs.str(it.workflowID), cs.str(it.runID), cs.str(hex.EncodeToString(token)),
				C.int32_t(it.filter), C.bool(it.longPoll), co, call)
		})
		if err != nil {
			return nil, err
		}
		if resp.RawHistory != nil {
			history, err := rawHistoryEvents(resp.RawHistory, it.filter)
			if err != nil {
				return nil, err
			}
			resp.History = history
		}
		if it.longPoll && len(resp.GetHistory().GetEvents()) == 0 && len(resp.GetNextPageToken()) != 0 {
			token = resp.GetNextPageToken()
			continue
		}
		return resp, nil
	}
}

// rawHistoryEvents is the Go SDK's serializer.DeserializeBlobDataToHistoryEvents: the events of
// a page the server sent as raw history batches (a frontend with sendRawWorkflowHistory), the
// last one only for the close-event filter.
func rawHistoryEvents(batches []*commonpb.DataBlob, filter enumspb.HistoryEventFilterType) (*historypb.History, error) {
	var events []*historypb.HistoryEvent
	for _, batch := range batches {
		if len(batch.GetData()) == 0 {
			return nil, rpcError(&Error{Code: ErrInternal, Message: "corrupted history event batch, empty events"})
		}
		history := &historypb.History{}
		var err error
		switch batch.GetEncodingType() {
		case enumspb.ENCODING_TYPE_PROTO3:
			err = proto.Unmarshal(batch.GetData(), history)
		case enumspb.ENCODING_TYPE_JSON:
			err = protojson.Unmarshal(batch.GetData(), history)
		default:
			err = fmt.Errorf("invalid encoding %v", batch.GetEncodingType())
		}
		if err != nil {
			return nil, rpcError(&Error{Code: ErrInternal, Message: "temporal-ffi: decoding a raw history batch: " + err.Error()})
		}
		if len(history.GetEvents()) == 0 {
			return nil, rpcError(&Error{Code: ErrInternal, Message: "corrupted history event batch, empty events"})
		}
		events = append(events, history.GetEvents()...)
	}
	if filter == enumspb.HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT && len(events) > 0 {
		events = events[len(events)-1:]
	}
	return &historypb.History{Events: events}, nil
}
