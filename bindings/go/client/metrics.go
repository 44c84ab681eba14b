package client

/*
#include <stdint.h>
#include "temporal.h"

// The host meter's callbacks, implemented in Go below. The trampolines give them the exact C
// signatures temporal_host_meter declares; Go handles travel as uintptr_t.
extern uintptr_t goMetricNew(uintptr_t meter, char *name, int32_t kind);
extern void goHandleFree(uintptr_t handle);
extern uintptr_t goAttributesNew(uintptr_t meter, uintptr_t from, temporal_metric_attribute *attrs, size_t n);
extern void goRecordInteger(uintptr_t meter, uintptr_t metric, uint64_t value, uintptr_t attrs);
extern void goRecordFloat(uintptr_t meter, uintptr_t metric, double value, uintptr_t attrs);
extern void goRecordDuration(uintptr_t meter, uintptr_t metric, uint64_t nanos, uintptr_t attrs);

static void *tr_metric_new(void *ud, const char *name, const char *description, const char *unit, int32_t kind) {
	(void)description;
	(void)unit;
	return (void *)goMetricNew((uintptr_t)ud, (char *)name, kind);
}
static void tr_free(void *ud, void *object) { (void)ud; goHandleFree((uintptr_t)object); }
static void *tr_attributes_new(void *ud, void *from, const temporal_metric_attribute *attrs, size_t n) {
	return (void *)goAttributesNew((uintptr_t)ud, (uintptr_t)from, (temporal_metric_attribute *)attrs, n);
}
static void tr_record_integer(void *ud, void *metric, uint64_t value, void *attrs) {
	goRecordInteger((uintptr_t)ud, (uintptr_t)metric, value, (uintptr_t)attrs);
}
static void tr_record_float(void *ud, void *metric, double value, void *attrs) {
	goRecordFloat((uintptr_t)ud, (uintptr_t)metric, value, (uintptr_t)attrs);
}
static void tr_record_duration(void *ud, void *metric, uint64_t nanos, void *attrs) {
	goRecordDuration((uintptr_t)ud, (uintptr_t)metric, nanos, (uintptr_t)attrs);
}
static void tr_meter_free(void *ud) { goHandleFree((uintptr_t)ud); }

static void fill_host_meter(temporal_host_meter *m, uintptr_t meter) {
	temporal_host_meter_default(m, sizeof *m);
	m->user_data = (void *)meter;
	m->metric_new = tr_metric_new;
	m->metric_free = tr_free;
	m->attributes_new = tr_attributes_new;
	m->attributes_free = tr_free;
	m->record_integer = tr_record_integer;
	m->record_float = tr_record_float;
	m->record_duration = tr_record_duration;
	m->meter_free = tr_meter_free;
}
*/
import "C"

import (
	"runtime/cgo"
	"strconv"
	"time"
	"unsafe"
)

// MetricsHandler receives the client's metrics: the Go SDK's client.MetricsHandler, with the
// same methods, names and tags (temporal_request, temporal_request_failure,
// temporal_request_latency, the temporal_long_request ones and
// temporal_request_resource_exhausted; tags namespace, operation and status_code). Set it in
// Options.MetricsHandler. Its methods are called from the library's threads, concurrently.
//
// The Go SDK's contrib handlers (tally, OpenTelemetry) implement the SDK's interface, whose
// methods return the SDK's own types: wrap one in a few lines (see the README) to use it here.
type MetricsHandler interface {
	// WithTags returns a handler that adds the given tags (replacing those of the same key).
	WithTags(map[string]string) MetricsHandler
	// Counter obtains a counter for the given name.
	Counter(name string) MetricsCounter
	// Gauge obtains a gauge for the given name.
	Gauge(name string) MetricsGauge
	// Timer obtains a timer for the given name.
	Timer(name string) MetricsTimer
}

// MetricsCounter is the Go SDK's client.MetricsCounter.
type MetricsCounter interface {
	// Inc increments the counter value.
	Inc(int64)
}

// MetricsGauge is the Go SDK's client.MetricsGauge.
type MetricsGauge interface {
	// Update updates the gauge value.
	Update(float64)
}

// MetricsTimer is the Go SDK's client.MetricsTimer.
type MetricsTimer interface {
	// Record sets the timer value.
	Record(time.Duration)
}

// hostMetric is an instrument the library made: its name and what a record means.
type hostMetric struct {
	name string
	kind C.int32_t
}

// newHostMeter fills m so that the library records into handler; the table holds a handle
// that the library releases (meter_free) when it is done with the client.
func newHostMeter(handler MetricsHandler, m *C.temporal_host_meter) {
	C.fill_host_meter(m, C.uintptr_t(cgo.NewHandle(handler)))
}

// guard keeps a panic in the host's handler from unwinding into the library's C frames.
func guard() { _ = recover() }

//export goMetricNew
func goMetricNew(meter C.uintptr_t, name *C.char, kind C.int32_t) C.uintptr_t {
	defer guard()
	switch kind {
	case C.TEMPORAL_METRIC_KIND_COUNTER, C.TEMPORAL_METRIC_KIND_GAUGE, C.TEMPORAL_METRIC_KIND_GAUGE_FLOAT,
		C.TEMPORAL_METRIC_KIND_HISTOGRAM_DURATION:
		return C.uintptr_t(cgo.NewHandle(&hostMetric{name: C.GoString(name), kind: kind}))
	}
	return 0 // a kind MetricsHandler has no instrument for: its values are dropped
}

//export goHandleFree
func goHandleFree(handle C.uintptr_t) {
	defer guard()
	if handle != 0 {
		cgo.Handle(handle).Delete()
	}
}

//export goAttributesNew
func goAttributesNew(meter, from C.uintptr_t, attrs *C.temporal_metric_attribute, n C.size_t) C.uintptr_t {
	defer guard()
	base := cgo.Handle(meter).Value().(MetricsHandler)
	if from != 0 {
		base = cgo.Handle(from).Value().(MetricsHandler)
	}
	tags := make(map[string]string, int(n))
	for _, a := range unsafe.Slice(attrs, int(n)) {
		key := C.GoString(a.key)
		switch a.value_type {
		case C.TEMPORAL_METRIC_VALUE_TYPE_STRING:
			tags[key] = C.GoString(a.string_value)
		case C.TEMPORAL_METRIC_VALUE_TYPE_INT:
			tags[key] = strconv.FormatInt(int64(a.int_value), 10)
		case C.TEMPORAL_METRIC_VALUE_TYPE_FLOAT:
			tags[key] = strconv.FormatFloat(float64(a.float_value), 'g', -1, 64)
		case C.TEMPORAL_METRIC_VALUE_TYPE_BOOL:
			tags[key] = strconv.FormatBool(bool(a.bool_value))
		}
	}
	return C.uintptr_t(cgo.NewHandle(base.WithTags(tags)))
}

// tagged is the handler of an attribute set (or the root one for none) and the instrument.
func tagged(meter, metric, attrs C.uintptr_t) (MetricsHandler, *hostMetric) {
	h := cgo.Handle(meter).Value().(MetricsHandler)
	if attrs != 0 {
		h = cgo.Handle(attrs).Value().(MetricsHandler)
	}
	return h, cgo.Handle(metric).Value().(*hostMetric)
}

//export goRecordInteger
func goRecordInteger(meter, metric C.uintptr_t, value C.uint64_t, attrs C.uintptr_t) {
	defer guard()
	h, m := tagged(meter, metric, attrs)
	switch m.kind {
	case C.TEMPORAL_METRIC_KIND_COUNTER:
		h.Counter(m.name).Inc(int64(value))
	case C.TEMPORAL_METRIC_KIND_GAUGE:
		h.Gauge(m.name).Update(float64(value))
	}
}

//export goRecordFloat
func goRecordFloat(meter, metric C.uintptr_t, value C.double, attrs C.uintptr_t) {
	defer guard()
	if h, m := tagged(meter, metric, attrs); m.kind == C.TEMPORAL_METRIC_KIND_GAUGE_FLOAT {
		h.Gauge(m.name).Update(float64(value))
	}
}

//export goRecordDuration
func goRecordDuration(meter, metric C.uintptr_t, nanos C.uint64_t, attrs C.uintptr_t) {
	defer guard()
	if h, m := tagged(meter, metric, attrs); m.kind == C.TEMPORAL_METRIC_KIND_HISTOGRAM_DURATION {
		h.Timer(m.name).Record(time.Duration(nanos))
	}
}
