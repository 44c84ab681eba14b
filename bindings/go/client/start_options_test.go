package client_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/temporal-ffi/temporal-ffi/bindings/go/client"
	"github.com/temporal-ffi/temporal-ffi/bindings/go/temporal"
	"github.com/temporal-ffi/temporal-ffi/bindings/go/worker"
	commonpb "go.temporal.io/api/common/v1"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/workflowservice/v1"
)

// The keys of the dev server's custom attributes of each type (tests/harness/with-dev-server.sh).
var (
	keywordKey     = temporal.NewSearchAttributeKeyKeyword("CustomKeywordField")
	textKey        = temporal.NewSearchAttributeKeyString("CustomTextField")
	intKey         = temporal.NewSearchAttributeKeyInt64("CustomIntField")
	doubleKey      = temporal.NewSearchAttributeKeyFloat64("CustomDoubleField")
	boolKey        = temporal.NewSearchAttributeKeyBool("CustomBoolField")
	datetimeKey    = temporal.NewSearchAttributeKeyTime("CustomDatetimeField")
	keywordListKey = temporal.NewSearchAttributeKeyKeywordList("CustomKeywordListField")
)

func describe(t *testing.T, c client.Client, id, runID string) *workflowservice.DescribeWorkflowExecutionResponse {
	t.Helper()
	described, err := c.WorkflowService().DescribeWorkflowExecution(ctxTimeout(t, 10*time.Second), &workflowservice.DescribeWorkflowExecutionRequest{
		Namespace: "default", Execution: &commonpb.WorkflowExecution{WorkflowId: id, RunId: runID},
	})
	if err != nil {
		t.Fatalf("DescribeWorkflowExecution: %v", err)
	}
	return described
}

// checkTypedAttributes compares what the server holds with what the Go SDK sends for the
// attributes of typedAttributes(): the JSON and the "type" metadata.
func checkTypedAttributes(t *testing.T, described *workflowservice.DescribeWorkflowExecutionResponse) {
	t.Helper()
	fields := described.GetWorkflowExecutionInfo().GetSearchAttributes().GetIndexedFields()
	want := map[string][2]string{
		"CustomKeywordField":     {`"kw-go"`, "Keyword"},
		"CustomTextField":        {`"some text"`, "Text"},
		"CustomIntField":         {`-42`, "Int"},
		"CustomDoubleField":      {`2.5`, "Double"},
		"CustomBoolField":        {`true`, "Bool"},
		"CustomDatetimeField":    {`"2026-01-02T03:04:05.5Z"`, "Datetime"},
		"CustomKeywordListField": {`["a","b"]`, "KeywordList"},
	}
	for name, w := range want {
		p := fields[name]
		if got, typ := string(p.GetData()), string(p.GetMetadata()["type"]); got != w[0] || typ != w[1] {
			t.Errorf("%s = %s (type %q), want %s (type %q)", name, got, typ, w[0], w[1])
		}
	}
	if _, ok := fields["CustomUnsetField"]; ok {
		t.Errorf("an unset attribute was sent")
	}
}

func typedAttributes() temporal.SearchAttributes {
	list := []string{"a", "b"}
	sa := temporal.NewSearchAttributes(
		keywordKey.ValueSet("kw-go"),
		textKey.ValueSet("some text"),
		intKey.ValueSet(-42),
		doubleKey.ValueSet(2.5),
		boolKey.ValueSet(true),
		datetimeKey.ValueSet(time.Date(2026, 1, 2, 3, 4, 5, 500_000_000, time.UTC)),
		keywordListKey.ValueSet(list),
		temporal.NewSearchAttributeKeyKeyword("CustomUnsetField").ValueUnset(),
	)
	list[0] = "changed after ValueSet"
	return sa
}

// TypedSearchAttributes of every type reach the server with their types, through
// ExecuteWorkflow, SignalWithStartWorkflow and UpdateWithStartWorkflow; a value the server's
// type refuses, both kinds of search attributes together, and one name with two types are
// ErrInvalidArgument.
func TestTypedSearchAttributes(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 60*time.Second)
	sa := typedAttributes()
	if v, ok := sa.GetKeywordList(keywordListKey); !ok || v[0] != "a" || sa.Size() != 7 || sa.ContainsKey(temporal.NewSearchAttributeKeyKeyword("CustomUnsetField")) {
		t.Fatalf("the collection: %v %v size %d", v, ok, sa.Size())
	}
	options := client.StartWorkflowOptions{ID: uniqueID(t), TaskQueue: taskQueue(), TypedSearchAttributes: sa}
	run, err := c.ExecuteWorkflow(ctx, options, "Echo", "x")
	if err != nil {
		t.Fatalf("ExecuteWorkflow: %v", err)
	}
	var got string
	if err := run.Get(ctx, &got); err != nil || got != "x" {
		t.Fatalf("Get = %q, %v", got, err)
	}
	checkTypedAttributes(t, describe(t, c, run.GetID(), run.GetRunID()))

	options.ID = uniqueID(t)
	terminateAtEnd(t, options.ID)
	run, err = c.SignalWithStartWorkflow(ctx, options.ID, "unblock", "go", options, "Block")
	if err != nil {
		t.Fatalf("SignalWithStartWorkflow: %v", err)
	}
	checkTypedAttributes(t, describe(t, c, run.GetID(), run.GetRunID()))

	options.ID = uniqueID(t)
	terminateAtEnd(t, options.ID)
	options.WorkflowIDConflictPolicy = enumspb.WORKFLOW_ID_CONFLICT_POLICY_FAIL
	startOp := client.NewWithStartWorkflowOperation(options, "Counter", 1)
	h, err := c.UpdateWithStartWorkflow(ctx, client.UpdateWithStartWorkflowOptions{
		StartWorkflowOperation: startOp,
		UpdateOptions:          client.UpdateWorkflowOptions{UpdateName: "add", Args: []interface{}{2}, WaitForStage: client.WorkflowUpdateStageCompleted},
	})
	if err != nil {
		t.Fatalf("UpdateWithStartWorkflow: %v", err)
	}
	checkTypedAttributes(t, describe(t, c, h.WorkflowID(), h.RunID()))

	for name, bad := range map[string]client.StartWorkflowOptions{
		"both kinds": {TaskQueue: taskQueue(), TypedSearchAttributes: sa, SearchAttributes: map[string]interface{}{"CustomKeywordField": "x"}},
		"one name, two types": {TaskQueue: taskQueue(), TypedSearchAttributes: temporal.NewSearchAttributes(
			keywordKey.ValueSet("x"), temporal.NewSearchAttributeKeyInt64("CustomKeywordField").ValueSet(1))},
	} {
		if _, err := c.ExecuteWorkflow(ctx, bad, "Echo", "x"); !errors.Is(err, client.ErrInvalidArgument) {
			t.Errorf("%s: %v, want ErrInvalidArgument", name, err)
		}
	}
	// A key of the wrong type for the registered attribute: refused by the server.
	wrong := client.StartWorkflowOptions{TaskQueue: taskQueue(), TypedSearchAttributes: temporal.NewSearchAttributes(
		temporal.NewSearchAttributeKeyBool("CustomIntField").ValueSet(true))}
	if _, err := c.ExecuteWorkflow(ctx, wrong, "Echo", "x"); !errors.Is(err, client.ErrInvalidArgument) || !strings.Contains(err.Error(), "CustomIntField") {
		t.Errorf("a bool for an int attribute: %v, want ErrInvalidArgument naming it", err)
	}
}

// VersioningOverride as the Go SDK's: AutoUpgrade read back from the versioning info; Pinned
// to a version no worker has is refused by the dev server with FAILED_PRECONDITION; Pinned
// without a build ID is ErrInvalidArgument.
func TestVersioningOverride(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 60*time.Second)
	options := client.StartWorkflowOptions{ID: uniqueID(t), TaskQueue: taskQueue(), WorkflowExecutionTimeout: 10 * time.Second,
		VersioningOverride: &client.AutoUpgradeVersioningOverride{}}
	terminateAtEnd(t, options.ID)
	run, err := c.ExecuteWorkflow(ctx, options, "Echo", "x")
	if err != nil {
		t.Fatalf("ExecuteWorkflow: %v", err)
	}
	override := describe(t, c, run.GetID(), run.GetRunID()).GetWorkflowExecutionInfo().GetVersioningInfo().GetVersioningOverride()
	if !override.GetAutoUpgrade() {
		t.Errorf("versioning override = %v, want auto-upgrade", override)
	}

	options.ID = uniqueID(t)
	options.VersioningOverride = &client.PinnedVersioningOverride{Version: worker.WorkerDeploymentVersion{DeploymentName: "go-deployment", BuildID: "build-1"}}
	_, err = c.ExecuteWorkflow(ctx, options, "Echo", "x")
	var e *client.Error
	if !errors.As(err, &e) || e.Code != client.ErrRPC || !strings.Contains(e.Message, "go-deployment") || !strings.Contains(string(e.Details), "FAILED_PRECONDITION") {
		t.Errorf("pinned to an unknown version: %v, want the server's FAILED_PRECONDITION", err)
	}

	options.VersioningOverride = &client.PinnedVersioningOverride{Version: worker.WorkerDeploymentVersion{DeploymentName: "go-deployment"}}
	if _, err := c.ExecuteWorkflow(ctx, options, "Echo", "x"); !errors.Is(err, client.ErrInvalidArgument) || !strings.Contains(err.Error(), "PINNED needs") {
		t.Errorf("pinned without a build ID: %v, want ErrInvalidArgument", err)
	}
}
