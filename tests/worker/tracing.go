package main

// What the worker saw of its callers' Temporal headers, for the trace-context tests:
//
//   - the Go SDK's OpenTelemetry tracing interceptor (go.temporal.io/sdk/contrib/opentelemetry),
//     exactly as a Go SDK user sets it up, whose spans go to an in-memory exporter: a caller's
//     trace context must make the worker's spans (RunWorkflow, HandleSignal, HandleQuery,
//     HandleUpdate...) children of the caller's span;
//   - a recorder of the raw header fields each workflow execution, signal, query and update
//     arrived with (headerRecorder), for the fields and their encodings.
//
// Both are served as JSON on "traces HOST:PORT" (printed before "worker ready"):
// GET /spans?trace_id=HEX and GET /headers?workflow_id=ID (and GET /otlp, otlp.go).

import (
	"encoding/json"
	"net"
	"net/http"
	"sync"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	temporalotel "go.temporal.io/sdk/contrib/opentelemetry"
	"go.temporal.io/sdk/interceptor"
	"go.temporal.io/sdk/workflow"
)

var spanExporter = tracetest.NewInMemoryExporter()

// newTracingInterceptor is the Go SDK's OpenTelemetry interceptor on a tracer whose spans are
// kept in memory.
func newTracingInterceptor() (interceptor.Interceptor, error) {
	provider := sdktrace.NewTracerProvider(sdktrace.WithSyncer(spanExporter))
	return temporalotel.NewTracingInterceptor(temporalotel.TracerOptions{Tracer: provider.Tracer("testworker")})
}

// headerRecord is one inbound call of a workflow with its header: each field's payload as its
// encoding and its data (as text).
type headerRecord struct {
	Kind   string                       `json:"kind"` // workflow, signal, query, update
	Name   string                       `json:"name"`
	Fields map[string]map[string]string `json:"fields"`
}

var headers = struct {
	sync.Mutex
	byWorkflow map[string][]headerRecord
}{byWorkflow: map[string][]headerRecord{}}

func recordHeader(ctx workflow.Context, kind, name string) {
	fields := map[string]map[string]string{}
	for key, p := range interceptor.WorkflowHeader(ctx) {
		fields[key] = map[string]string{"encoding": string(p.GetMetadata()["encoding"]), "data": string(p.GetData())}
	}
	id := workflow.GetInfo(ctx).WorkflowExecution.ID
	headers.Lock()
	defer headers.Unlock()
	headers.byWorkflow[id] = append(headers.byWorkflow[id], headerRecord{Kind: kind, Name: name, Fields: fields})
}

type headerRecorder struct {
	interceptor.WorkerInterceptorBase
}

func (*headerRecorder) InterceptWorkflow(_ workflow.Context, next interceptor.WorkflowInboundInterceptor) interceptor.WorkflowInboundInterceptor {
	i := &recordingInbound{}
	i.Next = next
	return i
}

type recordingInbound struct {
	interceptor.WorkflowInboundInterceptorBase
}

func (i *recordingInbound) ExecuteWorkflow(ctx workflow.Context, in *interceptor.ExecuteWorkflowInput) (interface{}, error) {
	recordHeader(ctx, "workflow", workflow.GetInfo(ctx).WorkflowType.Name)
	return i.Next.ExecuteWorkflow(ctx, in)
}

func (i *recordingInbound) HandleSignal(ctx workflow.Context, in *interceptor.HandleSignalInput) error {
	recordHeader(ctx, "signal", in.SignalName)
	return i.Next.HandleSignal(ctx, in)
}

func (i *recordingInbound) HandleQuery(ctx workflow.Context, in *interceptor.HandleQueryInput) (interface{}, error) {
	recordHeader(ctx, "query", in.QueryType)
	return i.Next.HandleQuery(ctx, in)
}

func (i *recordingInbound) ExecuteUpdate(ctx workflow.Context, in *interceptor.UpdateInput) (interface{}, error) {
	recordHeader(ctx, "update", in.Name)
	return i.Next.ExecuteUpdate(ctx, in)
}

type spanRecord struct {
	Name         string `json:"name"`
	TraceID      string `json:"trace_id"`
	SpanID       string `json:"span_id"`
	ParentSpanID string `json:"parent_span_id"`
	RemoteParent bool   `json:"remote_parent"`
}

// startTraceServer serves /spans and /headers; returns its address.
func startTraceServer() (string, error) {
	mux := http.NewServeMux()
	mux.HandleFunc("/spans", func(w http.ResponseWriter, r *http.Request) {
		traceID := r.URL.Query().Get("trace_id")
		out := []spanRecord{}
		for _, s := range spanExporter.GetSpans() {
			if traceID != "" && s.SpanContext.TraceID().String() != traceID {
				continue
			}
			out = append(out, spanRecord{
				Name: s.Name, TraceID: s.SpanContext.TraceID().String(), SpanID: s.SpanContext.SpanID().String(),
				ParentSpanID: s.Parent.SpanID().String(), RemoteParent: s.Parent.IsRemote(),
			})
		}
		_ = json.NewEncoder(w).Encode(out)
	})
	mux.HandleFunc("/otlp", func(w http.ResponseWriter, _ *http.Request) {
		_ = json.NewEncoder(w).Encode(otlpSnapshot())
	})
	mux.HandleFunc("/headers", func(w http.ResponseWriter, r *http.Request) {
		headers.Lock()
		records := append([]headerRecord{}, headers.byWorkflow[r.URL.Query().Get("workflow_id")]...)
		headers.Unlock()
		_ = json.NewEncoder(w).Encode(records)
	})
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	go func() { _ = http.Serve(l, mux) }()
	return l.Addr().String(), nil
}
