package client_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/temporal-ffi/temporal-ffi/bindings/go/client"
	enumspb "go.temporal.io/api/enums/v1"
)

// The update-handle and update-with-start tests, as a Go SDK user writes them, against the
// worker's Counter(start) workflow: update "add" (n) adds n and returns the total (its
// validator rejects a negative n, the handler fails for 13), update "held" returns the total
// only after signal "release", so WaitForStage Accepted and Completed differ.

func signal(t *testing.T, c client.Client, workflowID, name string) {
	t.Helper()
	if err := c.SignalWorkflow(ctxTimeout(t, 10*time.Second), workflowID, "", name, nil); err != nil {
		t.Fatalf("signal %s: %v", name, err)
	}
}

// getUpdate runs h.Get in a goroutine: its result, once it is done.
func getUpdate(h client.WorkflowUpdateHandle) <-chan error {
	done := make(chan error, 1)
	go func() {
		var total int
		err := h.Get(context.Background(), &total)
		if err == nil && total == 0 {
			err = errors.New("no total")
		}
		done <- err
	}()
	return done
}

func TestUpdateAcceptedThenGetWaitsForCompletion(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 60*time.Second)
	run := startCounter(t, c, 7)
	h, err := c.UpdateWorkflow(ctx, client.UpdateWorkflowOptions{
		UpdateID:     "held-1",
		WorkflowID:   run.GetID(),
		UpdateName:   "held",
		WaitForStage: client.WorkflowUpdateStageAccepted,
	})
	if err != nil {
		t.Fatalf("UpdateWorkflow: %v", err)
	}
	if h.UpdateID() != "held-1" || h.WorkflowID() != run.GetID() || h.RunID() != run.GetRunID() {
		t.Errorf("handle IDs %q %q %q, want held-1 %q %q", h.UpdateID(), h.WorkflowID(), h.RunID(), run.GetID(), run.GetRunID())
	}

	// Accepted, not completed: Get waits until the release.
	result := make(chan int, 1)
	go func() {
		var total int
		if err := h.Get(ctx, &total); err != nil {
			t.Errorf("Get: %v", err)
		}
		result <- total
	}()
	select {
	case total := <-result:
		t.Fatalf("Get returned %d before the release", total)
	case <-time.After(1500 * time.Millisecond):
	}
	signal(t, c, run.GetID(), "release")
	if total := <-result; total != 7 {
		t.Errorf("held update result = %d, want 7", total)
	}
}

func TestUpdateCompletedGivesTheResultAtOnce(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 60*time.Second)
	run := startCounter(t, c, 1)
	h, err := c.UpdateWorkflow(ctx, client.UpdateWorkflowOptions{
		WorkflowID:   run.GetID(),
		UpdateName:   "add",
		Args:         []interface{}{4},
		WaitForStage: client.WorkflowUpdateStageCompleted,
	})
	if err != nil {
		t.Fatalf("UpdateWorkflow: %v", err)
	}
	if len(h.UpdateID()) != 36 {
		t.Errorf("generated update ID %q is not a UUID", h.UpdateID())
	}
	for i := 0; i < 2; i++ { // a second Get gives the same
		var total int
		if err := h.Get(ctx, &total); err != nil || total != 5 {
			t.Fatalf("Get #%d = %d, %v; want 5", i+1, total, err)
		}
	}
	if err := h.Get(ctx, 5); err == nil || !strings.Contains(err.Error(), "not a pointer") {
		t.Errorf("Get(non-pointer) = %v", err)
	}

	// Completed on the held update waits for the release: with a short deadline it ends in
	// DEADLINE_EXCEEDED; the same update ID after the release gets the outcome.
	held := client.UpdateWorkflowOptions{UpdateID: "held-c", WorkflowID: run.GetID(), UpdateName: "held",
		WaitForStage: client.WorkflowUpdateStageCompleted}
	short, cancel := context.WithTimeout(ctx, 1500*time.Millisecond)
	defer cancel()
	if _, err := c.UpdateWorkflow(short, held); !errors.Is(err, client.ErrDeadlineExceeded) {
		t.Fatalf("Completed on a held update with a 1.5 s deadline: %v, want DEADLINE_EXCEEDED", err)
	}
	signal(t, c, run.GetID(), "release")
	h, err = c.UpdateWorkflow(ctx, held)
	if err != nil {
		t.Fatalf("UpdateWorkflow(held) after the release: %v", err)
	}
	var total int
	if err := h.Get(ctx, &total); err != nil || total != 5 || h.UpdateID() != "held-c" {
		t.Errorf("held update = %d, %v (ID %q); want 5", total, err, h.UpdateID())
	}
}

func TestGetWorkflowUpdateHandleByIDs(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 60*time.Second)
	run := startCounter(t, c, 10)
	if _, err := c.UpdateWorkflow(ctx, client.UpdateWorkflowOptions{UpdateID: "by-id-held", WorkflowID: run.GetID(),
		UpdateName: "held", WaitForStage: client.WorkflowUpdateStageAccepted}); err != nil {
		t.Fatalf("UpdateWorkflow: %v", err)
	}

	// Another process knows only the IDs: a client of its own, closed before the Gets
	// (handles keep their connection, as runs do).
	other, err := client.Dial(client.Options{HostPort: serverAddress(t)})
	if err != nil {
		t.Fatal(err)
	}
	byID := other.GetWorkflowUpdateHandle(client.GetWorkflowUpdateHandleOptions{WorkflowID: run.GetID(), UpdateID: "by-id-held"})
	byRun := other.GetWorkflowUpdateHandle(client.GetWorkflowUpdateHandleOptions{WorkflowID: run.GetID(), RunID: run.GetRunID(),
		UpdateID: "by-id-held"})
	other.Close()
	if byID.UpdateID() != "by-id-held" || byID.WorkflowID() != run.GetID() || byID.RunID() != "" || byRun.RunID() != run.GetRunID() {
		t.Errorf("handles: %q %q %q / %q", byID.UpdateID(), byID.WorkflowID(), byID.RunID(), byRun.RunID())
	}
	a, b := getUpdate(byID), getUpdate(byRun)
	signal(t, c, run.GetID(), "release")
	for _, done := range []<-chan error{a, b} {
		if err := <-done; err != nil {
			t.Errorf("Get by IDs: %v", err)
		}
	}
	var total int
	if err := byID.Get(ctx, &total); err != nil || total != 10 {
		t.Errorf("Get by IDs = %d, %v; want 10", total, err)
	}

	// An unknown update is Get's NOT_FOUND; missing IDs are Get's INVALID_ARGUMENT.
	unknown := c.GetWorkflowUpdateHandle(client.GetWorkflowUpdateHandleOptions{WorkflowID: run.GetID(), UpdateID: "no-such-update"})
	if err := unknown.Get(ctx, nil); !errors.Is(err, client.ErrNotFound) {
		t.Errorf("unknown update: %v", err)
	}
	noID := c.GetWorkflowUpdateHandle(client.GetWorkflowUpdateHandleOptions{WorkflowID: run.GetID()})
	if err := noID.Get(ctx, nil); !errors.Is(err, client.ErrInvalidArgument) || !strings.Contains(err.Error(), "update_id") {
		t.Errorf("handle without an update ID: %v", err)
	}
}

func TestUpdateRejectionIsTheHandlesGetError(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 60*time.Second)
	run := startCounter(t, c, 0)
	for _, stage := range []client.WorkflowUpdateStage{client.WorkflowUpdateStageAccepted, client.WorkflowUpdateStageCompleted} {
		h, err := c.UpdateWorkflow(ctx, client.UpdateWorkflowOptions{WorkflowID: run.GetID(), UpdateName: "add",
			Args: []interface{}{-1}, WaitForStage: stage})
		if err != nil {
			t.Fatalf("stage %d: UpdateWorkflow: %v (a rejection is Get's error, not the start's)", stage, err)
		}
		err = h.Get(ctx, nil)
		var failed *client.UpdateFailedError
		if !errors.As(err, &failed) || !errors.Is(err, client.ErrUpdateFailed) || !strings.Contains(err.Error(), "n must not be negative") {
			t.Fatalf("stage %d: Get: %v (%T)", stage, err, err)
		}
		if failed.UpdateID != h.UpdateID() || h.UpdateID() == "" {
			t.Errorf("stage %d: the failure's update ID %q, the handle's %q", stage, failed.UpdateID, h.UpdateID())
		}
	}
	// The handler's own failure, after an Accepted start.
	h, err := c.UpdateWorkflow(ctx, client.UpdateWorkflowOptions{WorkflowID: run.GetID(), UpdateName: "add",
		Args: []interface{}{13}, WaitForStage: client.WorkflowUpdateStageAccepted})
	if err != nil {
		t.Fatalf("UpdateWorkflow(13): %v", err)
	}
	var app *client.ApplicationError
	if err := h.Get(ctx, nil); !errors.As(err, &app) || app.Type != "Unlucky" || !strings.Contains(err.Error(), "unlucky number") {
		t.Errorf("handler failure: %v (%T)", err, err)
	}
}

func TestUpdateStageIsRequired(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 30*time.Second)
	run := startCounter(t, c, 0)
	options := client.UpdateWorkflowOptions{WorkflowID: run.GetID(), UpdateName: "add", Args: []interface{}{1}}
	if _, err := c.UpdateWorkflow(ctx, options); !errors.Is(err, client.ErrInvalidArgument) || !strings.Contains(err.Error(), "must be specified") {
		t.Errorf("unset WaitForStage: %v", err)
	}
	options.WaitForStage = client.WorkflowUpdateStageAdmitted
	if _, err := c.UpdateWorkflow(ctx, options); !errors.Is(err, client.ErrInvalidArgument) || !strings.Contains(err.Error(), "not supported") {
		t.Errorf("WaitForStage Admitted: %v", err)
	}
	// Nothing was sent: the total is still 0.
	v, err := c.QueryWorkflow(ctx, run.GetID(), "", "count")
	var total int
	if err != nil || v.Get(&total) != nil || total != 0 {
		t.Errorf("count after refused updates = %d, %v", total, err)
	}
	// An update to a workflow that does not exist.
	options.WorkflowID, options.WaitForStage = "go-update-no-such-workflow", client.WorkflowUpdateStageCompleted
	if _, err := c.UpdateWorkflow(ctx, options); !errors.Is(err, client.ErrNotFound) {
		t.Errorf("update of an unknown workflow: %v", err)
	}
}

func TestUpdateGetWithAShortDeadline(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 60*time.Second)
	run := startCounter(t, c, 3)
	h, err := c.UpdateWorkflow(ctx, client.UpdateWorkflowOptions{UpdateID: "held-timeout", WorkflowID: run.GetID(),
		UpdateName: "held", WaitForStage: client.WorkflowUpdateStageAccepted})
	if err != nil {
		t.Fatalf("UpdateWorkflow: %v", err)
	}
	short, cancel := context.WithTimeout(ctx, 800*time.Millisecond)
	defer cancel()
	start := time.Now()
	err = h.Get(short, nil)
	took := time.Since(start)
	if !errors.Is(err, client.ErrDeadlineExceeded) || !errors.Is(err, context.DeadlineExceeded) || errors.Is(err, client.ErrCanceled) {
		t.Errorf("Get with a 0.8 s deadline: %v, want DEADLINE_EXCEEDED", err)
	}
	if took < 700*time.Millisecond || took > 5*time.Second {
		t.Errorf("the deadline took %v", took)
	}
	// The update went on.
	signal(t, c, run.GetID(), "release")
	var total int
	if err := h.Get(ctx, &total); err != nil || total != 3 {
		t.Errorf("Get after the release = %d, %v; want 3", total, err)
	}
}

func TestUpdateWithStartStartsAWorkflow(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 60*time.Second)
	o := opts(t)
	terminateAtEnd(t, o.ID)
	o.WorkflowIDConflictPolicy = enumspb.WORKFLOW_ID_CONFLICT_POLICY_FAIL
	startOp := client.NewWithStartWorkflowOperation(o, "Counter", 100)

	// Not executed yet: its Get waits.
	short, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	if _, err := startOp.Get(short); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Get before the execution: %v", err)
	}

	h, err := c.UpdateWithStartWorkflow(ctx, client.UpdateWithStartWorkflowOptions{
		StartWorkflowOperation: startOp,
		UpdateOptions: client.UpdateWorkflowOptions{UpdateID: "uws-1", UpdateName: "add", Args: []interface{}{5},
			WaitForStage: client.WorkflowUpdateStageCompleted},
	})
	if err != nil {
		t.Fatalf("UpdateWithStartWorkflow: %v", err)
	}
	run, err := startOp.Get(ctx)
	if err != nil {
		t.Fatalf("startOp.Get: %v", err)
	}
	if run.GetID() != o.ID || len(run.GetRunID()) != 36 {
		t.Errorf("run %q %q", run.GetID(), run.GetRunID())
	}
	if h.WorkflowID() != o.ID || h.RunID() != run.GetRunID() || h.UpdateID() != "uws-1" {
		t.Errorf("handle %q %q %q", h.WorkflowID(), h.RunID(), h.UpdateID())
	}
	var total int
	if err := h.Get(ctx, &total); err != nil || total != 105 {
		t.Errorf("update result = %d, %v; want 105", total, err)
	}

	// An operation runs once.
	again := client.UpdateWithStartWorkflowOptions{StartWorkflowOperation: startOp,
		UpdateOptions: client.UpdateWorkflowOptions{UpdateName: "add", Args: []interface{}{1}, WaitForStage: client.WorkflowUpdateStageCompleted}}
	if _, err := c.UpdateWithStartWorkflow(ctx, again); !errors.Is(err, client.ErrInvalidArgument) || !strings.Contains(err.Error(), "already executed") {
		t.Errorf("second execution: %v", err)
	}

	// With Fail, a new operation on the running workflow is refused by the start; its Get
	// gives that error too.
	secondOp := client.NewWithStartWorkflowOperation(o, "Counter", 0)
	again.StartWorkflowOperation = secondOp
	_, err = c.UpdateWithStartWorkflow(ctx, again)
	var already *client.WorkflowExecutionAlreadyStartedError
	if !errors.As(err, &already) || !errors.Is(err, client.ErrAlreadyStarted) || already.RunID != run.GetRunID() ||
		!strings.Contains(err.Error(), "failed workflow start") {
		t.Errorf("Fail on a running workflow: %v (%T)", err, err)
	}
	if r, opErr := secondOp.Get(ctx); r != nil || opErr != err {
		t.Errorf("refused operation's Get = %v, %v; want nil, %v", r, opErr, err)
	}

	// The workflow ends with the total the update made.
	signal(t, c, o.ID, "done")
	if err := run.Get(ctx, &total); err != nil || total != 105 {
		t.Errorf("workflow result = %d, %v; want 105", total, err)
	}
}

func TestUpdateWithStartUsesTheRunningWorkflow(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 60*time.Second)
	existing := startCounter(t, c, 20)
	o := opts(t)
	o.ID = existing.GetID()
	o.WorkflowIDConflictPolicy = enumspb.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING
	startOp := client.NewWithStartWorkflowOperation(o, "Counter", 0)
	h, err := c.UpdateWithStartWorkflow(ctx, client.UpdateWithStartWorkflowOptions{
		StartWorkflowOperation: startOp,
		UpdateOptions: client.UpdateWorkflowOptions{WorkflowID: o.ID, UpdateName: "add", Args: []interface{}{2},
			WaitForStage: client.WorkflowUpdateStageAccepted},
	})
	if err != nil {
		t.Fatalf("UpdateWithStartWorkflow: %v", err)
	}
	run, err := startOp.Get(ctx)
	if err != nil {
		t.Fatalf("startOp.Get: %v", err)
	}
	if run.GetRunID() != existing.GetRunID() || h.RunID() != existing.GetRunID() {
		t.Errorf("run %q, handle's run %q; want the running %q", run.GetRunID(), h.RunID(), existing.GetRunID())
	}
	var total int
	if err := h.Get(ctx, &total); err != nil || total != 22 {
		t.Errorf("update result = %d, %v; want 22", total, err)
	}
}

func TestUpdateWithStartRefusesBadOptions(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 30*time.Second)
	o := opts(t)
	terminateAtEnd(t, o.ID)
	update := client.UpdateWorkflowOptions{UpdateName: "add", Args: []interface{}{1}, WaitForStage: client.WorkflowUpdateStageCompleted}

	// No conflict policy: refused before any request, as the Go SDK refuses it.
	startOp := client.NewWithStartWorkflowOperation(o, "Counter", 0)
	_, err := c.UpdateWithStartWorkflow(ctx, client.UpdateWithStartWorkflowOptions{StartWorkflowOperation: startOp, UpdateOptions: update})
	if !errors.Is(err, client.ErrInvalidArgument) || !strings.Contains(err.Error(), "id_conflict_policy must be set") {
		t.Errorf("no conflict policy: %v", err)
	}
	if _, opErr := startOp.Get(ctx); opErr != err {
		t.Errorf("the operation's Get = %v, want %v", opErr, err)
	}

	o.WorkflowIDConflictPolicy = enumspb.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING
	refused := map[string]client.UpdateWithStartWorkflowOptions{
		"must be specified": {StartWorkflowOperation: client.NewWithStartWorkflowOperation(o, "Counter", 0),
			UpdateOptions: client.UpdateWorkflowOptions{UpdateName: "add", Args: []interface{}{1}}},
		"RunID": {StartWorkflowOperation: client.NewWithStartWorkflowOperation(o, "Counter", 0),
			UpdateOptions: client.UpdateWorkflowOptions{RunID: "x", UpdateName: "add", WaitForStage: client.WorkflowUpdateStageCompleted}},
		"differs": {StartWorkflowOperation: client.NewWithStartWorkflowOperation(o, "Counter", 0),
			UpdateOptions: client.UpdateWorkflowOptions{WorkflowID: "other", UpdateName: "add", WaitForStage: client.WorkflowUpdateStageCompleted}},
		"NewWithStartWorkflowOperation": {UpdateOptions: update},
		"workflow is nil":               {StartWorkflowOperation: client.NewWithStartWorkflowOperation(o, nil), UpdateOptions: update},
	}
	for want, options := range refused {
		if _, err := c.UpdateWithStartWorkflow(ctx, options); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("want an error containing %q, got %v", want, err)
		}
	}

	// Nothing was started.
	if _, err := c.DescribeWorkflowExecution(ctx, o.ID, ""); !errors.Is(err, client.ErrNotFound) {
		t.Errorf("Describe after refused calls: %v, want NOT_FOUND", err)
	}
}
