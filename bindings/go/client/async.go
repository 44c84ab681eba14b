package client

/*
#include <stdint.h>
#include "temporal.h"

extern void goTemporalCallback(void *user_data, temporal_call *call);

// The callback as a C function pointer, and a cgo.Handle as user_data: an integer, never
// a Go pointer.
static inline temporal_call_callback temporal_go_callback(void) { return goTemporalCallback; }
static inline void *temporal_go_user_data(uintptr_t h) { return (void *)h; }
*/
import "C"

import (
	"context"
	"errors"
	"runtime/cgo"
	"time"
	"unsafe"

	"go.opentelemetry.io/otel/propagation"
)

// goTemporalCallback is the one temporal_call_callback of the binding. user_data is a
// cgo.Handle of the waiting goroutine's channel; the callback runs exactly once, so closing
// it is safe. The outcome is read by the waiting goroutine, not here: that goroutine owns
// the call (it may still be inside temporal_call_cancel on it), so only it may free it.
//
//export goTemporalCallback
func goTemporalCallback(userData unsafe.Pointer, _ *C.temporal_call) {
	close(cgo.Handle(uintptr(userData)).Value().(chan struct{}))
}

// callOptions and callOut are the last two parameters of every _async function.
type (
	callOptions = *C.temporal_call_options
	callOut     = **C.temporal_call
)

// startCall starts one native call with the given call options, writing it to call. It
// returns the error of a call that was refused (no call started, the callback never runs).
type startCall func(co callOptions, call callOut) error

// w3cPropagator writes an OpenTelemetry span context and baggage as their W3C headers: what the
// library's trace fields take, and what the Go SDK's tracing interceptor propagates by default.
var w3cPropagator = propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{})

// setTraceContext gives the call ctx's OpenTelemetry span and baggage: the library sends them
// in the Temporal header of every request that reaches a workflow, where a worker's tracing
// interceptor (the Go SDK's contrib/opentelemetry) continues the trace. Nothing without a span.
func setTraceContext(ctx context.Context, opts *C.temporal_call_options, cs *cstrings) {
	carrier := propagation.MapCarrier{}
	w3cPropagator.Inject(ctx, carrier)
	if carrier.Get("traceparent") == "" {
		return
	}
	opts.trace_parent = cs.str(carrier.Get("traceparent"))
	opts.trace_state = cs.str(carrier.Get("tracestate"))
	opts.baggage = cs.str(carrier.Get("baggage"))
}

// await runs one native call: it starts it with ctx's deadline as the call's timeout, ctx's
// OpenTelemetry trace context (setTraceContext) and the binding's callback, waits for the callback in the calling goroutine, and returns the call's
// error, or nil after read (which may be nil) got the completed call to take its outcome
// from. The call is freed when await returns.
//
// When ctx is done first, the call is canceled (temporal_call_cancel) and its callback,
// which then fires promptly, is waited for, so nothing is left behind. A call that ends as
// CANCELED because ctx's deadline passed is reported as DEADLINE_EXCEEDED: CANCELED means
// only that ctx was canceled.
func await(ctx context.Context, start startCall, read func(call *C.temporal_call)) error {
	var opts C.temporal_call_options
	C.temporal_call_options_default(&opts, C.size_t(unsafe.Sizeof(opts)))
	if ctx.Err() != nil {
		return contextError(ctx)
	}
	if deadline, ok := ctx.Deadline(); ok {
		left := time.Until(deadline)
		if left <= 0 {
			return contextError(ctx)
		}
		opts.timeout_ms = timeoutMS(left)
	}
	var cs cstrings
	defer cs.free()
	setTraceContext(ctx, &opts, &cs)
	done := make(chan struct{})
	h := cgo.NewHandle(done)
	defer h.Delete()
	opts.callback = C.temporal_go_callback()
	opts.user_data = C.temporal_go_user_data(C.uintptr_t(h))
	var call *C.temporal_call
	if err := start(&opts, &call); err != nil {
		return err
	}
	defer C.temporal_call_free(call)
	select {
	case <-done:
	case <-ctx.Done():
		C.temporal_call_cancel(call)
		<-done
	}
	if cerr := C.temporal_call_get_error(call); cerr != nil {
		err := convertError(cerr)
		if errors.Is(err, ErrCanceled) && errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return contextError(ctx)
		}
		return err
	}
	if read != nil {
		read(call)
	}
	return nil
}

// contextError is the error of an operation that ctx ended: CANCELED when ctx was canceled,
// else DEADLINE_EXCEEDED (its deadline passed, which ctx.Err() may not say yet when it just
// did). Both match their context error with errors.Is.
func contextError(ctx context.Context) error {
	if errors.Is(ctx.Err(), context.Canceled) {
		return &Error{Code: ErrCanceled, Message: "temporal-ffi: " + context.Cause(ctx).Error()}
	}
	cause := context.Cause(ctx)
	if cause == nil {
		cause = context.DeadlineExceeded
	}
	return &Error{Code: ErrDeadlineExceeded, Message: "temporal-ffi: " + cause.Error()}
}

// timeoutMS is the call timeout for a ctx with time left: milliseconds rounded up (so at
// least 1, never TEMPORAL_TIMEOUT_DEFAULT), at most the longest timeout the library accepts.
func timeoutMS(left time.Duration) C.uint64_t {
	ms := uint64((left + time.Millisecond - 1) / time.Millisecond)
	return C.uint64_t(min(max(ms, 1), uint64(C.TEMPORAL_MAX_DURATION_MS)))
}

// withHandle calls f with the client's handle (under the read lock, so Close waits for it)
// and a cstrings freed when f returns; after Close it is errClosed.
func (c *clientImpl) withHandle(f func(h *C.temporal_client, cs *cstrings) *C.temporal_error) error {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if c.handle == nil {
		return errClosed
	}
	var cs cstrings
	defer cs.free()
	return takeError(f(c.handle, &cs))
}

// do runs a client call through await, its start under withHandle.
func (c *clientImpl) do(ctx context.Context, start func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error, read func(call *C.temporal_call)) error {
	return await(ctx, func(co callOptions, call callOut) error {
		return c.withHandle(func(h *C.temporal_client, cs *cstrings) *C.temporal_error { return start(h, cs, co, call) })
	}, read)
}
