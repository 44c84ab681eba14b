package client_test

import (
	"os"
	"os/exec"
	"regexp"
	"testing"
)

// TestSeedExamples builds and runs the two seed programs, unmodified except for their
// imports: client.NewClient(client.Options{}) finds the server through TEMPORAL_ADDRESS.
func TestSeedExamples(t *testing.T) {
	serverAddress(t)
	if testing.Short() {
		t.Skip("builds and runs programs")
	}
	// By import path: the test runs in client/, the examples are the module's examples/.
	const examples = "github.com/temporal-ffi/temporal-ffi/bindings/go/examples"
	run := func(pkg string) string {
		cmd := exec.Command("go", "run", pkg)
		cmd.Env = os.Environ() // TEMPORAL_ADDRESS, PKG_CONFIG_PATH
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go run %s: %v\n%s", pkg, err, out)
		}
		return string(out)
	}

	out := run(examples + "/helloworld/start")
	if !regexp.MustCompile(`(?s)WorkflowID: greeting-workflow RunID: [0-9a-f-]{36}\n\nHello World!\n`).MatchString(out) {
		t.Errorf("helloworld output:\n%s", out)
	}

	out = run(examples + "/moneytransfer/start")
	if !regexp.MustCompile(`(?s)Transfer of \$54\.990002 from account 001-001 to account 002-002 is processing\. ReferenceID: [0-9a-f-]{36}\n\nWorkflowID: transfer-money-workflow RunID: [0-9a-f-]{36}\n`).MatchString(out) {
		t.Errorf("moneytransfer output:\n%s", out)
	}
}
