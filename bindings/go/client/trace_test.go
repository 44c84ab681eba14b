package client_test

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"go.opentelemetry.io/otel/baggage"
	"go.opentelemetry.io/otel/trace"
)

// workerTraces reads the test worker's trace server (tests/worker/tracing.go): the spans of its
// OpenTelemetry tracing interceptor, or the Temporal headers its workflows received.
func workerTraces(t *testing.T, pathAndQuery string, into any) {
	t.Helper()
	addr := os.Getenv("TEMPORAL_TEST_TRACES_ADDRESS")
	if addr == "" {
		t.Skip("TEMPORAL_TEST_TRACES_ADDRESS is not set: run under tests/harness/with-dev-server.sh")
	}
	resp, err := http.Get("http://" + addr + pathAndQuery)
	if err != nil {
		t.Fatalf("GET %s: %v", pathAndQuery, err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(into); err != nil {
		t.Fatalf("GET %s: %v", pathAndQuery, err)
	}
}

type workerSpan struct {
	Name         string `json:"name"`
	TraceID      string `json:"trace_id"`
	ParentSpanID string `json:"parent_span_id"`
}

// A context carrying an OpenTelemetry span (here a remote one, as a server handler gets from
// its caller) and baggage, passed to the calls as a Go SDK program passes it: the worker's
// tracing interceptor continues the trace, as it does behind the Go SDK's own interceptor.
func TestContextSpanReachesTheWorkersTracingInterceptor(t *testing.T) {
	c := newTestClient(t)
	workerTraces(t, "/spans?trace_id=none", &[]workerSpan{}) // skips outside the harness
	spanContext := trace.NewSpanContext(trace.SpanContextConfig{
		TraceID:    trace.TraceID{0x4b, 0xf9, 0x2f, 0x35, 0x77, 0xb3, 0x4d, 0xa6, 0xa3, 0xce, 0x92, 0x9d, 0x0e, 0x0e, byte(time.Now().UnixNano()), byte(time.Now().UnixNano() >> 8)},
		SpanID:     trace.SpanID{0x00, 0xf0, 0x67, 0xaa, 0x0b, 0xa9, 0x02, 0xb7},
		TraceFlags: trace.FlagsSampled,
		Remote:     true,
	})
	member, _ := baggage.NewMember("user", "alice")
	bag, _ := baggage.New(member)
	ctx := baggage.ContextWithBaggage(trace.ContextWithSpanContext(ctxTimeout(t, 30*time.Second), spanContext), bag)

	o := opts(t)
	run, err := c.ExecuteWorkflow(ctx, o, "Counter", 4)
	if err != nil {
		t.Fatalf("ExecuteWorkflow: %v", err)
	}
	if err := c.SignalWorkflow(ctx, o.ID, "", "done", nil); err != nil {
		t.Fatalf("SignalWorkflow: %v", err)
	}
	var total int
	if err := run.Get(context.Background(), &total); err != nil || total != 4 {
		t.Fatalf("Get: %d, %v", total, err)
	}

	var records []struct {
		Kind   string                       `json:"kind"`
		Fields map[string]map[string]string `json:"fields"`
	}
	workerTraces(t, "/headers?workflow_id="+o.ID, &records)
	want := "00-" + spanContext.TraceID().String() + "-" + spanContext.SpanID().String() + "-01"
	for _, kind := range []string{"workflow", "signal"} {
		found := false
		for _, r := range records {
			if r.Kind != kind {
				continue
			}
			found = true
			var data map[string]string
			if err := json.Unmarshal([]byte(r.Fields["_tracer-data"]["data"]), &data); err != nil {
				t.Fatalf("%s: _tracer-data %q: %v", kind, r.Fields["_tracer-data"]["data"], err)
			}
			if data["traceparent"] != want || data["baggage"] != "user=alice" {
				t.Errorf("%s: _tracer-data = %v, want traceparent %s and baggage user=alice", kind, data, want)
			}
		}
		if !found {
			t.Errorf("the worker recorded no %s header: %+v", kind, records)
		}
	}

	var spans []workerSpan
	names := map[string]bool{}
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		workerTraces(t, "/spans?trace_id="+spanContext.TraceID().String(), &spans)
		for _, s := range spans {
			if s.ParentSpanID == spanContext.SpanID().String() {
				names[strings.SplitN(s.Name, ":", 2)[0]] = true
			}
		}
		if names["RunWorkflow"] && names["HandleSignal"] {
			return
		}
	}
	t.Errorf("the worker's spans under the caller's span: %v (all in the trace: %+v), want RunWorkflow and HandleSignal", names, spans)
}
