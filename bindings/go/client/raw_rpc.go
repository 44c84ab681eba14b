package client

/*
#include <stdint.h>
#include "temporal.h"
*/
import "C"

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"unsafe"

	"go.temporal.io/api/operatorservice/v1"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/api/workflowservice/v1"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
)

// The raw RPC escape hatch: WorkflowService() and OperatorService() are the generated gRPC
// clients of go.temporal.io/api over rawConn, a grpc.ClientConnInterface whose Invoke is one
// temporal_raw_rpc_async call. So a request the binding has no method for still goes through
// the library's connection (TLS, API key, metadata, retries) and through await, as every other
// call: ctx's deadline is the call's timeout and canceling ctx cancels it.

func (c *clientImpl) WorkflowService() workflowservice.WorkflowServiceClient {
	return workflowservice.NewWorkflowServiceClient(rawConn{c})
}

func (c *clientImpl) OperatorService() operatorservice.OperatorServiceClient {
	return operatorservice.NewOperatorServiceClient(rawConn{c})
}

// rawConn is the grpc.ClientConnInterface of the generated clients. The grpc.CallOptions
// they pass are ignored, as is outgoing metadata in ctx: the connection's settings
// (Options.GRPCMetadata, SetGRPCMetadata, SetAPIKey) apply to every call.
type rawConn struct{ c *clientImpl }

var _ grpc.ClientConnInterface = rawConn{}

// Invoke calls method, "/temporal.api.workflowservice.v1.WorkflowService/StartWorkflowExecution",
// with args' protobuf encoding and decodes the response into reply. A ctx without a deadline
// gets the library's default timeout (10 s): a long poll needs a ctx deadline of its own.
func (rc rawConn) Invoke(ctx context.Context, method string, args any, reply any, _ ...grpc.CallOption) error {
	service, name, ok := splitMethod(method)
	if !ok {
		return rpcError(&Error{Code: ErrInvalidArgument, Message: "temporal-ffi: not a gRPC method path: " + method})
	}
	in, ok := args.(proto.Message)
	if !ok {
		return rpcError(&Error{Code: ErrInvalidArgument, Message: "temporal-ffi: the request of " + method + " is not a protobuf message"})
	}
	out, ok := reply.(proto.Message)
	if !ok {
		return rpcError(&Error{Code: ErrInvalidArgument, Message: "temporal-ffi: the reply of " + method + " is not a protobuf message"})
	}
	request, err := proto.Marshal(in)
	if err != nil {
		return rpcError(&Error{Code: ErrInvalidArgument, Message: "temporal-ffi: encoding the request of " + method + ": " + err.Error()})
	}
	var response []byte
	var haveResponse bool
	err = rc.c.do(ctx, func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
		// The library copies the request before it returns, so the Go memory is lent only for
		// the call (cgo's rules allow it: the bytes hold no Go pointers).
		var p *C.uint8_t
		if len(request) > 0 {
			p = (*C.uint8_t)(unsafe.Pointer(unsafe.SliceData(request)))
		}
		return C.temporal_raw_rpc_async(h, cs.str(service), cs.str(name), p, C.size_t(len(request)), co, call)
	}, func(call *C.temporal_call) {
		var b *C.uint8_t
		var n C.size_t
		if C.temporal_call_get_bytes(call, &b, &n) {
			haveResponse = true
			// Copied: the bytes are the call's, freed when await returns.
			response = C.GoBytes(unsafe.Pointer(b), C.int(n))
		}
	})
	if err != nil {
		return rpcError(err)
	}
	if !haveResponse {
		return rpcError(missingOutput("response"))
	}
	if err := proto.Unmarshal(response, out); err != nil {
		return rpcError(&Error{Code: ErrInternal, Message: "temporal-ffi: decoding the response of " + method + ": " + err.Error()})
	}
	return nil
}

// NewStream is refused: neither service has a streaming RPC.
func (rawConn) NewStream(_ context.Context, _ *grpc.StreamDesc, method string, _ ...grpc.CallOption) (grpc.ClientStream, error) {
	return nil, rpcError(&Error{Code: ErrInvalidArgument, Message: "temporal-ffi: no streaming RPC: " + method}, codes.Unimplemented)
}

// splitMethod splits "/package.Service/Method" into the service's full name and the method.
func splitMethod(path string) (service, method string, ok bool) {
	rest, found := strings.CutPrefix(path, "/")
	if !found {
		return "", "", false
	}
	service, method, found = strings.Cut(rest, "/")
	return service, method, found && service != "" && method != "" && !strings.Contains(method, "/")
}

// rawRPCError is the error of a WorkflowService() / OperatorService() call. It is the
// binding's error (errors.As(err, &*Error), errors.Is(err, ErrNotFound), Error() its message)
// and also what a gRPC client of the Go SDK returns: status.Code(err) / status.FromError(err)
// give its gRPC status, and errors.As finds the go.temporal.io/api/serviceerror type of that
// status (*serviceerror.NotFound, *serviceerror.InvalidArgument...). The status has the code
// and message only: the library does not pass on the server's status details, so an error the
// SDK would type from them is the code's generic type (ALREADY_EXISTS is
// *serviceerror.AlreadyExists, not WorkflowExecutionAlreadyStarted).
type rawRPCError struct {
	err     error
	status  *status.Status
	service error
}

// rpcError wraps the binding's err; code, if given, replaces the code derived from it.
func rpcError(err error, code ...codes.Code) error {
	c := grpcCode(err)
	if len(code) > 0 {
		c = code[0]
	}
	st := status.New(c, err.Error())
	return &rawRPCError{err: err, status: st, service: serviceerror.FromStatus(st)}
}

func (e *rawRPCError) Error() string { return e.err.Error() }

// Unwrap gives the binding's error and the serviceerror, for errors.Is and errors.As.
func (e *rawRPCError) Unwrap() []error { return []error{e.err, e.service} }

// GRPCStatus is the call's gRPC status, for status.FromError and status.Code.
func (e *rawRPCError) GRPCStatus() *status.Status { return e.status }

// grpcCode is the gRPC code of a binding error: the one its ErrorCode stands for, and for
// ErrRPC (the server's other codes) the server's, from the details' "grpc_code".
func grpcCode(err error) codes.Code {
	server := codes.Unknown
	var e *Error
	if errors.As(err, &e) && len(e.Details) > 0 {
		var d struct {
			GRPCCode json.RawMessage `json:"grpc_code"`
		}
		if json.Unmarshal(e.Details, &d) == nil && len(d.GRPCCode) > 0 {
			// codes.Code reads the names the library writes ("NOT_FOUND", "CANCELLED").
			if server.UnmarshalJSON(d.GRPCCode) != nil || server == codes.OK {
				server = codes.Unknown
			}
		}
	}
	switch {
	case errors.Is(err, ErrInvalidArgument):
		return codes.InvalidArgument
	case errors.Is(err, ErrNotFound):
		return codes.NotFound
	case errors.Is(err, ErrAlreadyStarted):
		return codes.AlreadyExists
	case errors.Is(err, ErrDeadlineExceeded):
		return codes.DeadlineExceeded
	case errors.Is(err, ErrCanceled):
		return codes.Canceled
	case errors.Is(err, ErrUnavailable), errors.Is(err, ErrShutdown):
		return codes.Unavailable
	case errors.Is(err, ErrPermissionDenied):
		if server == codes.Unauthenticated {
			return server
		}
		return codes.PermissionDenied
	case errors.Is(err, ErrInternal):
		return codes.Internal
	}
	return server
}
