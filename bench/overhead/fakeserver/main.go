// fakeserver: a tiny Temporal frontend that answers at once, for measuring the C ABI's own
// overhead (bench/overhead). It is the only place in the benchmarks where a fake server belongs:
// every other benchmark runs against a real dev server.
//
//	fakeserver [-listen 127.0.0.1:0] [-procs 1]
//
// Prints the address it listens on as the first line of stdout, then serves until killed.
// Implements only what temporal-ffi's connect and start need:
//   - GetSystemInfo: a dev server's version and capabilities (temporalio-client's
//     Connection::connect calls it once; nothing else is called at connect);
//   - StartWorkflowExecution: a fixed run ID, Started=true, status RUNNING.
//
// Everything else is UNIMPLEMENTED. GOMAXPROCS is 1 by default (-procs) so the server competes
// as little as possible with the client being measured on a small machine.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"runtime"

	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/workflowservice/v1"
	"google.golang.org/grpc"
	// temporalio-client gzip-compresses requests by default; the real frontend accepts gzip
	// and answers in kind, so register the codec here too.
	_ "google.golang.org/grpc/encoding/gzip"
)

const runID = "00000000-0000-4000-8000-000000000001"

type server struct {
	workflowservice.UnimplementedWorkflowServiceServer
}

var systemInfo = &workflowservice.GetSystemInfoResponse{
	ServerVersion: "1.29.1",
	Capabilities: &workflowservice.GetSystemInfoResponse_Capabilities{
		SignalAndQueryHeader:            true,
		InternalErrorDifferentiation:    true,
		ActivityFailureIncludeHeartbeat: true,
		SupportsSchedules:               true,
		EncodedFailureAttributes:        true,
		BuildIdBasedVersioning:          true,
		UpsertMemo:                      true,
		EagerWorkflowStart:              true,
		SdkMetadata:                     true,
		CountGroupByExecutionStatus:     true,
		Nexus:                           true,
	},
}

func (server) GetSystemInfo(context.Context, *workflowservice.GetSystemInfoRequest) (*workflowservice.GetSystemInfoResponse, error) {
	return systemInfo, nil
}

var started = &workflowservice.StartWorkflowExecutionResponse{
	RunId:   runID,
	Started: true,
	Status:  enumspb.WORKFLOW_EXECUTION_STATUS_RUNNING,
}

func (server) StartWorkflowExecution(context.Context, *workflowservice.StartWorkflowExecutionRequest) (*workflowservice.StartWorkflowExecutionResponse, error) {
	return started, nil
}

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "address to listen on (port 0: any free port)")
	procs := flag.Int("procs", 1, "GOMAXPROCS for the server (small: leave the CPUs to the client measured)")
	flag.Parse()
	if *procs > 0 {
		runtime.GOMAXPROCS(*procs)
	}
	lis, err := net.Listen("tcp", *listen)
	if err != nil {
		log.Fatalf("fakeserver: listen %s: %v", *listen, err)
	}
	s := grpc.NewServer()
	workflowservice.RegisterWorkflowServiceServer(s, server{})
	fmt.Fprintln(os.Stdout, lis.Addr().String())
	if err := s.Serve(lis); err != nil {
		log.Fatalf("fakeserver: %v", err)
	}
}
