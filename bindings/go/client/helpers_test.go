package client_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"sync/atomic"
	"testing"
	"time"

	"github.com/temporal-ffi/temporal-ffi/bindings/go/client"
)

// The integration tests need a Temporal server and the test worker: run them under
// tests/harness/with-dev-server.sh, which exports TEMPORAL_ADDRESS,
// TEMPORAL_TEST_TASK_QUEUE and TEMPORAL_CLI.

func serverAddress(t *testing.T) string {
	t.Helper()
	addr := os.Getenv("TEMPORAL_ADDRESS")
	if addr == "" {
		t.Skip("TEMPORAL_ADDRESS is not set: run under tests/harness/with-dev-server.sh")
	}
	return addr
}

func taskQueue() string {
	if q := os.Getenv("TEMPORAL_TEST_TASK_QUEUE"); q != "" {
		return q
	}
	return "temporal-ffi-test"
}

func newTestClient(t *testing.T) client.Client {
	t.Helper()
	c, err := client.Dial(client.Options{HostPort: serverAddress(t)})
	if err != nil {
		t.Fatalf("Dial: %v", err)
	}
	t.Cleanup(c.Close)
	return c
}

var idCounter atomic.Int64

func uniqueID(t *testing.T) string {
	return fmt.Sprintf("go-%s-%d-%d", t.Name(), time.Now().UnixNano(), idCounter.Add(1))
}

func opts(t *testing.T) client.StartWorkflowOptions {
	return client.StartWorkflowOptions{ID: uniqueID(t), TaskQueue: taskQueue()}
}

func ctxTimeout(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

// cli runs the temporal CLI against the test server: `temporal workflow <args...>`.
func cli(t *testing.T, args ...string) {
	t.Helper()
	bin := os.Getenv("TEMPORAL_CLI")
	if bin == "" {
		bin = "temporal"
	}
	full := append([]string{"workflow"}, args...)
	full = append(full, "--address", serverAddress(t))
	out, err := exec.Command(bin, full...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", bin, full, err, out)
	}
}

// terminateAtEnd terminates a workflow (ignoring errors: it may have closed already) when
// the test ends, so no Block workflow outlives its test.
func terminateAtEnd(t *testing.T, id string) {
	t.Cleanup(func() {
		bin := os.Getenv("TEMPORAL_CLI")
		if bin == "" {
			bin = "temporal"
		}
		_ = exec.Command(bin, "workflow", "terminate", "--address", os.Getenv("TEMPORAL_ADDRESS"),
			"-w", id, "--reason", "test cleanup").Run()
	})
}
