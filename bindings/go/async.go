package client

/*
#include <stdint.h>
#include "temporal.h"

extern void goTemporalCallback(void *user_data, temporal_error *error, char *result_json, temporal_workflow_run *run);

// The callback as a C function pointer, and a cgo.Handle as user_data: an integer, never
// a Go pointer.
static inline temporal_callback temporal_go_callback(void) { return goTemporalCallback; }
static inline void *temporal_go_user_data(uintptr_t h) { return (void *)h; }
*/
import "C"

import (
	"context"
	"errors"
	"runtime/cgo"
	"time"
	"unsafe"
)

// outcome is what an async call's callback received, already converted: the error and
// the result string are freed in the callback; run is owned by the receiver.
type outcome struct {
	err  error
	json string
	run  *C.temporal_workflow_run
}

// goTemporalCallback is the one temporal_callback of the binding. user_data is a
// cgo.Handle of the waiting call's buffered channel; the callback runs exactly once, so
// the send never blocks.
//
//export goTemporalCallback
func goTemporalCallback(userData unsafe.Pointer, cerr *C.temporal_error, resultJSON *C.char, run *C.temporal_workflow_run) {
	o := outcome{run: run}
	if cerr != nil {
		o.err = takeError(cerr)
	}
	if resultJSON != nil {
		o.json = C.GoString(resultJSON)
		C.temporal_string_free(resultJSON)
	}
	cgo.Handle(uintptr(userData)).Value().(chan outcome) <- o
}

// asyncStart starts one native async call with the given deadline (ms, 0: none given),
// callback, user_data and call_out. It returns the error of a call that was refused (the
// callback then never runs).
type asyncStart func(deadlineMS C.uint64_t, cb C.temporal_callback, userData unsafe.Pointer, call **C.temporal_call) error

// await runs a native async call and waits for its callback in the calling goroutine.
//
// ctx's deadline becomes the native deadline. When ctx is done first, the native call is
// canceled (temporal_call_cancel), its callback (which then fires promptly with CANCELED)
// is waited for so nothing is left behind, a run it may still have delivered is freed,
// and ctx.Err() is returned.
func await(ctx context.Context, start asyncStart) (outcome, error) {
	if err := ctx.Err(); err != nil {
		return outcome{}, err
	}
	var deadlineMS C.uint64_t
	if deadline, ok := ctx.Deadline(); ok {
		left := time.Until(deadline)
		if left <= 0 {
			return outcome{}, context.DeadlineExceeded
		}
		deadlineMS = durationMS(left)
	}
	ch := make(chan outcome, 1)
	h := cgo.NewHandle(ch)
	defer h.Delete()
	var call *C.temporal_call
	if err := start(deadlineMS, C.temporal_go_callback(), C.temporal_go_user_data(C.uintptr_t(h)), &call); err != nil {
		C.temporal_call_free(call) // NULL unless the library wrote one anyway
		return outcome{}, err
	}
	defer C.temporal_call_free(call)
	select {
	case o := <-ch:
		if o.err != nil && ctx.Err() != nil &&
			(errors.Is(o.err, context.DeadlineExceeded) || errors.Is(o.err, context.Canceled)) {
			return outcome{}, ctx.Err()
		}
		return o, o.err
	case <-ctx.Done():
		C.temporal_call_cancel(call)
		o := <-ch
		if o.run != nil {
			C.temporal_workflow_run_free(o.run)
		}
		return outcome{}, ctx.Err()
	}
}

// do runs an async client call: start is called with the client's handle (under the read
// lock, so Close waits for it) and a cstrings freed when start returns.
func (c *clientImpl) do(ctx context.Context, start func(h *C.temporal_client, cs *cstrings, deadlineMS C.uint64_t, cb C.temporal_callback, userData unsafe.Pointer, call **C.temporal_call) *C.temporal_error) (outcome, error) {
	return await(ctx, func(deadlineMS C.uint64_t, cb C.temporal_callback, userData unsafe.Pointer, call **C.temporal_call) error {
		c.mu.RLock()
		defer c.mu.RUnlock()
		if c.handle == nil {
			return errClosed
		}
		var cs cstrings
		defer cs.free()
		if cerr := start(c.handle, &cs, deadlineMS, cb, userData, call); cerr != nil {
			return takeError(cerr)
		}
		return nil
	})
}
