package client_test

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/temporal-ffi/temporal-ffi/bindings/go/client"
)

// recordingHandler is a MetricsHandler as a Go SDK user writes one (the shape of tally's or
// OpenTelemetry's): it keeps every counter increment and timer record by name and tags.
type recordingHandler struct {
	tags map[string]string
	rec  *recordings
}

type recordings struct {
	mu       sync.Mutex
	counters map[string]int64           // "name{k=v,...}" -> sum
	timers   map[string][]time.Duration // same key -> records
}

func newRecordingHandler() *recordingHandler {
	return &recordingHandler{tags: map[string]string{}, rec: &recordings{
		counters: map[string]int64{}, timers: map[string][]time.Duration{},
	}}
}

func (h *recordingHandler) WithTags(tags map[string]string) client.MetricsHandler {
	merged := map[string]string{}
	for k, v := range h.tags {
		merged[k] = v
	}
	for k, v := range tags {
		merged[k] = v
	}
	return &recordingHandler{tags: merged, rec: h.rec}
}

func (h *recordingHandler) key(name string) string {
	var parts []string
	for k, v := range h.tags {
		parts = append(parts, k+"="+v)
	}
	sort.Strings(parts)
	return name + "{" + strings.Join(parts, ",") + "}"
}

type counterFunc func(int64)

func (f counterFunc) Inc(n int64) { f(n) }

type gaugeFunc func(float64)

func (f gaugeFunc) Update(v float64) { f(v) }

type timerFunc func(time.Duration)

func (f timerFunc) Record(d time.Duration) { f(d) }

func (h *recordingHandler) Counter(name string) client.MetricsCounter {
	key := h.key(name)
	return counterFunc(func(n int64) {
		h.rec.mu.Lock()
		defer h.rec.mu.Unlock()
		h.rec.counters[key] += n
	})
}

func (h *recordingHandler) Gauge(name string) client.MetricsGauge { return gaugeFunc(func(float64) {}) }

func (h *recordingHandler) Timer(name string) client.MetricsTimer {
	key := h.key(name)
	return timerFunc(func(d time.Duration) {
		h.rec.mu.Lock()
		defer h.rec.mu.Unlock()
		h.rec.timers[key] = append(h.rec.timers[key], d)
	})
}

// counter sums the counters of name whose tags include every "k=v" given.
func (r *recordings) counter(name string, tags ...string) int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	var sum int64
	for key, v := range r.counters {
		if matches(key, name, tags) {
			sum += v
		}
	}
	return sum
}

func (r *recordings) timer(name string, tags ...string) []time.Duration {
	r.mu.Lock()
	defer r.mu.Unlock()
	var all []time.Duration
	for key, v := range r.timers {
		if matches(key, name, tags) {
			all = append(all, v...)
		}
	}
	return all
}

func matches(key, name string, tags []string) bool {
	if !strings.HasPrefix(key, name+"{") {
		return false
	}
	for _, t := range tags {
		if !strings.Contains(key, t) {
			return false
		}
	}
	return true
}

func (r *recordings) String() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return fmt.Sprint(r.counters)
}

// TestMetricsHandler: Options.MetricsHandler receives the Go SDK's request metrics for exactly
// the calls made, failures with their status code, and the latencies as timers.
func TestMetricsHandler(t *testing.T) {
	handler := newRecordingHandler()
	root := handler.WithTags(map[string]string{"app": "metrics-test"})
	c, err := client.Dial(client.Options{HostPort: serverAddress(t), MetricsHandler: root})
	if err != nil {
		t.Fatalf("Dial: %v", err)
	}
	defer c.Close()
	ctx := ctxTimeout(t, 60*time.Second)
	for i := 0; i < 3; i++ {
		run, err := c.ExecuteWorkflow(ctx, opts(t), "Echo", i)
		if err != nil {
			t.Fatalf("ExecuteWorkflow: %v", err)
		}
		var got int
		if err := run.Get(ctx, &got); err != nil || got != i {
			t.Fatalf("Get = %d, %v; want %d", got, err, i)
		}
	}
	for i := 0; i < 2; i++ {
		_, err := c.DescribeWorkflowExecution(ctx, "go-metrics-no-such-workflow", "")
		if !errors.Is(err, client.ErrNotFound) {
			t.Fatalf("DescribeWorkflowExecution of a missing workflow: %v, want a NotFoundError", err)
		}
	}

	rec := handler.rec
	if n := rec.counter("temporal_request", "operation=StartWorkflowExecution", "namespace=default", "app=metrics-test"); n != 3 {
		t.Errorf("temporal_request{StartWorkflowExecution} = %d, want 3; all: %v", n, rec)
	}
	if n := rec.counter("temporal_request_failure", "operation=DescribeWorkflowExecution", "status_code=NOT_FOUND"); n != 2 {
		t.Errorf("temporal_request_failure{DescribeWorkflowExecution,NOT_FOUND} = %d, want 2; all: %v", n, rec)
	}
	if n := rec.counter("temporal_request_failure", "operation=StartWorkflowExecution"); n != 0 {
		t.Errorf("temporal_request_failure{StartWorkflowExecution} = %d, want 0", n)
	}
	if n := rec.counter("temporal_long_request", "operation=GetWorkflowExecutionHistory"); n < 3 {
		t.Errorf("temporal_long_request{GetWorkflowExecutionHistory} = %d, want at least 3", n)
	}
	latencies := rec.timer("temporal_request_latency", "operation=StartWorkflowExecution")
	if len(latencies) != 3 {
		t.Fatalf("temporal_request_latency{StartWorkflowExecution}: %d records, want 3", len(latencies))
	}
	for _, d := range latencies {
		if d <= 0 || d > time.Minute {
			t.Errorf("a start's latency is %v", d)
		}
	}
}

// panickyHandler panics in every instrument: the library's threads must survive it.
type panickyHandler struct{}

func (panickyHandler) WithTags(map[string]string) client.MetricsHandler { return panickyHandler{} }
func (panickyHandler) Counter(string) client.MetricsCounter             { panic("counter") }
func (panickyHandler) Gauge(string) client.MetricsGauge                 { panic("gauge") }
func (panickyHandler) Timer(string) client.MetricsTimer                 { panic("timer") }

func TestMetricsHandlerThatPanicsDoesNotBreakCalls(t *testing.T) {
	c, err := client.Dial(client.Options{HostPort: serverAddress(t), MetricsHandler: panickyHandler{}})
	if err != nil {
		t.Fatalf("Dial: %v", err)
	}
	defer c.Close()
	ctx := ctxTimeout(t, 30*time.Second)
	run, err := c.ExecuteWorkflow(ctx, opts(t), "Echo", "still works")
	if err != nil {
		t.Fatalf("ExecuteWorkflow: %v", err)
	}
	var got string
	if err := run.Get(ctx, &got); err != nil || got != "still works" {
		t.Fatalf("Get = %q, %v", got, err)
	}
}
