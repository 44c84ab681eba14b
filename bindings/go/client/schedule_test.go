package client_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	commonpb "go.temporal.io/api/common/v1"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/workflowservice/v1"

	"github.com/temporal-ffi/temporal-ffi/bindings/go/client"
	"github.com/temporal-ffi/temporal-ffi/bindings/go/converter"
	"github.com/temporal-ffi/temporal-ffi/bindings/go/temporal"
)

// The schedule tests use the ScheduleClient as a Go SDK program does, against the dev server
// and the test worker (GreetingWorkflow returns "Hello <name>!"). Their specs fire about 12
// hours from now, so no action is taken but the ones a test asks for.

// farHour is an hour of the day (UTC) about 12 hours from now.
func farHour() int { return (time.Now().UTC().Hour() + 12) % 24 }

// deleteAtEnd deletes a schedule when the test ends (it may be gone already).
func deleteAtEnd(t *testing.T, h client.ScheduleHandle) {
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = h.Delete(ctx)
	})
}

// payloadValue decodes a payload the server returned with the default data converter.
func payloadValue[T any](t *testing.T, p *commonpb.Payload) T {
	t.Helper()
	var v T
	if p == nil {
		t.Fatalf("no payload")
	}
	if err := converter.GetDefaultDataConverter().FromPayload(p, &v); err != nil {
		t.Fatalf("decoding payload %v: %v", p, err)
	}
	return v
}

// normalized is a range list as the server matches it: End < Start is Start, Step 0 is 1.
func normalized(ranges []client.ScheduleRange) []client.ScheduleRange {
	out := make([]client.ScheduleRange, len(ranges))
	for i, r := range ranges {
		if r.End < r.Start {
			r.End = r.Start
		}
		if r.Step == 0 {
			r.Step = 1
		}
		out[i] = r
	}
	return out
}

// sameCalendar compares two calendars field by field, ranges normalized.
func sameCalendar(t *testing.T, got, want client.ScheduleCalendarSpec) {
	t.Helper()
	fields := []struct {
		name      string
		got, want []client.ScheduleRange
	}{
		{"Second", got.Second, want.Second}, {"Minute", got.Minute, want.Minute}, {"Hour", got.Hour, want.Hour},
		{"DayOfMonth", got.DayOfMonth, want.DayOfMonth}, {"Month", got.Month, want.Month},
		{"Year", got.Year, want.Year}, {"DayOfWeek", got.DayOfWeek, want.DayOfWeek},
	}
	for _, f := range fields {
		if !reflect.DeepEqual(normalized(f.got), normalized(f.want)) {
			t.Errorf("calendar %q %s = %+v, want %+v", want.Comment, f.name, f.got, f.want)
		}
	}
	if got.Comment != want.Comment {
		t.Errorf("calendar comment = %q, want %q", got.Comment, want.Comment)
	}
}

// calendarByComment finds the calendar with the comment.
func calendarByComment(t *testing.T, calendars []client.ScheduleCalendarSpec, comment string) client.ScheduleCalendarSpec {
	t.Helper()
	for _, c := range calendars {
		if c.Comment == comment {
			return c
		}
	}
	t.Fatalf("no calendar with comment %q in %+v", comment, calendars)
	return client.ScheduleCalendarSpec{}
}

// waitDescription describes the schedule until ok accepts the description (or fails the test
// after 20 s).
func waitDescription(ctx context.Context, t *testing.T, h client.ScheduleHandle, what string, ok func(*client.ScheduleDescription) bool) *client.ScheduleDescription {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		d, err := h.Describe(ctx)
		if err != nil {
			t.Fatalf("Describe: %v", err)
		}
		if ok(d) {
			return d
		}
		if time.Now().After(deadline) {
			t.Fatalf("waiting for %s: last description %+v", what, d.Info)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func TestScheduleCreateDescribeAlreadyRunning(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 60*time.Second)
	id, workflowID := uniqueID(t), uniqueID(t)
	hour := farHour()
	now := time.Now().UTC()
	offset := (time.Duration(now.Add(12*time.Hour).Unix()%86400) * time.Second).Truncate(time.Minute)
	endAt := now.Add(30 * 24 * time.Hour).Truncate(time.Second)
	calendar := client.ScheduleCalendarSpec{
		Hour:      []client.ScheduleRange{{Start: hour}},
		Minute:    []client.ScheduleRange{{Start: 15}, {Start: 45}},
		DayOfWeek: []client.ScheduleRange{{Start: 1, End: 5}},
		Comment:   "weekdays twice an hour",
	}
	saPayload, err := converter.GetDefaultDataConverter().ToPayload("action-sa")
	if err != nil {
		t.Fatal(err)
	}
	skip := client.ScheduleCalendarSpec{Month: []client.ScheduleRange{{Start: 12}}, DayOfMonth: []client.ScheduleRange{{Start: 25}}, Comment: "not at Christmas"}
	action := &client.ScheduleWorkflowAction{
		ID:                       workflowID,
		Workflow:                 "GreetingWorkflow",
		Args:                     []any{"Schedule"},
		TaskQueue:                taskQueue(),
		WorkflowExecutionTimeout: time.Minute,
		WorkflowRunTimeout:       50 * time.Second,
		WorkflowTaskTimeout:      5 * time.Second,
		RetryPolicy:              &temporal.RetryPolicy{InitialInterval: time.Second, BackoffCoefficient: 2, MaximumInterval: 10 * time.Second, MaximumAttempts: 3, NonRetryableErrorTypes: []string{"Fatal"}},
		Memo:                     map[string]any{"step": 7},
		UntypedSearchAttributes:  map[string]*commonpb.Payload{"CustomKeywordField": saPayload},
		StaticSummary:            "greets on schedule",
		StaticDetails:            "details\nof the action",
		Priority:                 temporal.Priority{PriorityKey: 2},
	}
	options := client.ScheduleOptions{
		ID: id,
		Spec: client.ScheduleSpec{
			CronExpressions: []string{fmt.Sprintf("30 %d * * *", hour)},
			Intervals:       []client.ScheduleIntervalSpec{{Every: 24 * time.Hour, Offset: offset}},
			Calendars:       []client.ScheduleCalendarSpec{calendar},
			Skip:            []client.ScheduleCalendarSpec{skip},
			EndAt:           endAt,
			Jitter:          2 * time.Second,
			TimeZoneName:    "UTC",
		},
		Action:           action,
		Overlap:          enumspb.SCHEDULE_OVERLAP_POLICY_BUFFER_ONE,
		CatchupWindow:    10 * time.Minute,
		PauseOnFailure:   true,
		Note:             "created by the Go test",
		RemainingActions: 5,
		Memo:             map[string]any{"owner": "go-test"},
		SearchAttributes: map[string]any{"CustomKeywordField": "sched-go"},
	}
	sc := c.ScheduleClient()
	h, err := sc.Create(ctx, options)
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	deleteAtEnd(t, h)
	if h.GetID() != id {
		t.Fatalf("GetID = %q, want %q", h.GetID(), id)
	}

	d, err := sc.GetHandle(ctx, id).Describe(ctx)
	if err != nil {
		t.Fatalf("Describe: %v", err)
	}
	spec := d.Schedule.Spec
	// The server keeps our calendar (with the Go SDK's defaults for the fields left nil) and
	// turns the cron line into a calendar of its own.
	if len(spec.Calendars) != 2 {
		t.Fatalf("Calendars = %+v, want ours and the cron line's", spec.Calendars)
	}
	withDefaults := calendar
	withDefaults.Second = []client.ScheduleRange{{Start: 0}}
	withDefaults.DayOfMonth = []client.ScheduleRange{{Start: 1, End: 31}}
	withDefaults.Month = []client.ScheduleRange{{Start: 1, End: 12}}
	sameCalendar(t, calendarByComment(t, spec.Calendars, calendar.Comment), withDefaults)
	sameCalendar(t, calendarByComment(t, spec.Calendars, ""), client.ScheduleCalendarSpec{
		Second: []client.ScheduleRange{{Start: 0}}, Minute: []client.ScheduleRange{{Start: 30}},
		Hour: []client.ScheduleRange{{Start: hour}}, DayOfMonth: []client.ScheduleRange{{Start: 1, End: 31}},
		Month: []client.ScheduleRange{{Start: 1, End: 12}}, DayOfWeek: []client.ScheduleRange{{Start: 0, End: 6}},
	})
	if len(spec.CronExpressions) != 0 {
		t.Errorf("CronExpressions = %v: the server returns them as calendars", spec.CronExpressions)
	}
	if want := []client.ScheduleIntervalSpec{{Every: 24 * time.Hour, Offset: offset}}; !reflect.DeepEqual(spec.Intervals, want) {
		t.Errorf("Intervals = %+v, want %+v", spec.Intervals, want)
	}
	if len(spec.Skip) != 1 {
		t.Fatalf("Skip = %+v", spec.Skip)
	}
	skipWithDefaults := skip
	skipWithDefaults.Second, skipWithDefaults.Minute, skipWithDefaults.Hour = []client.ScheduleRange{{}}, []client.ScheduleRange{{}}, []client.ScheduleRange{{}}
	skipWithDefaults.DayOfWeek = []client.ScheduleRange{{Start: 0, End: 6}}
	sameCalendar(t, spec.Skip[0], skipWithDefaults)
	if !spec.StartAt.IsZero() || !spec.EndAt.Equal(endAt) || spec.Jitter != 2*time.Second || spec.TimeZoneName != "UTC" {
		t.Errorf("StartAt %v EndAt %v (want %v) Jitter %v TimeZoneName %q", spec.StartAt, spec.EndAt, endAt, spec.Jitter, spec.TimeZoneName)
	}

	got, ok := d.Schedule.Action.(*client.ScheduleWorkflowAction)
	if !ok {
		t.Fatalf("Action is %T", d.Schedule.Action)
	}
	if got.ID != workflowID || got.Workflow != "GreetingWorkflow" || got.TaskQueue != taskQueue() {
		t.Errorf("action ID %q Workflow %v TaskQueue %q", got.ID, got.Workflow, got.TaskQueue)
	}
	if len(got.Args) != 1 {
		t.Fatalf("Args = %v", got.Args)
	}
	if arg := payloadValue[string](t, got.Args[0].(*commonpb.Payload)); arg != "Schedule" {
		t.Errorf("Args[0] = %q", arg)
	}
	if got.WorkflowExecutionTimeout != time.Minute || got.WorkflowRunTimeout != 50*time.Second || got.WorkflowTaskTimeout != 5*time.Second {
		t.Errorf("timeouts %v %v %v", got.WorkflowExecutionTimeout, got.WorkflowRunTimeout, got.WorkflowTaskTimeout)
	}
	if !reflect.DeepEqual(got.RetryPolicy, action.RetryPolicy) {
		t.Errorf("RetryPolicy = %+v, want %+v", got.RetryPolicy, action.RetryPolicy)
	}
	if step := payloadValue[int](t, got.Memo["step"].(*commonpb.Payload)); step != 7 || len(got.Memo) != 1 {
		t.Errorf("action Memo = %v", got.Memo)
	}
	if sa := payloadValue[string](t, got.UntypedSearchAttributes["CustomKeywordField"]); sa != "action-sa" || len(got.UntypedSearchAttributes) != 1 {
		t.Errorf("action UntypedSearchAttributes = %v", got.UntypedSearchAttributes)
	}
	if got.StaticSummary != action.StaticSummary || got.StaticDetails != action.StaticDetails || got.Priority != action.Priority {
		t.Errorf("StaticSummary %q StaticDetails %q Priority %+v", got.StaticSummary, got.StaticDetails, got.Priority)
	}
	if want := (client.SchedulePolicies{Overlap: enumspb.SCHEDULE_OVERLAP_POLICY_BUFFER_ONE, CatchupWindow: 10 * time.Minute, PauseOnFailure: true}); *d.Schedule.Policy != want {
		t.Errorf("Policy = %+v, want %+v", *d.Schedule.Policy, want)
	}
	if want := (client.ScheduleState{Note: "created by the Go test", LimitedActions: true, RemainingActions: 5}); *d.Schedule.State != want {
		t.Errorf("State = %+v, want %+v", *d.Schedule.State, want)
	}
	if owner := payloadValue[string](t, d.Memo.GetFields()["owner"]); owner != "go-test" {
		t.Errorf("Memo owner = %q", owner)
	}
	if sa := payloadValue[string](t, d.SearchAttributes.GetIndexedFields()["CustomKeywordField"]); sa != "sched-go" {
		t.Errorf("CustomKeywordField = %q", sa)
	}
	info := d.Info
	if info.NumActions != 0 || len(info.RunningWorkflows) != 0 || len(info.RecentActions) != 0 {
		t.Errorf("a new schedule has done something: %+v", info)
	}
	if len(info.NextActionTimes) == 0 || !info.NextActionTimes[0].After(now.Add(time.Hour)) {
		t.Errorf("NextActionTimes = %v, want times about 12 h from now", info.NextActionTimes)
	}
	if time.Since(info.CreatedAt) > time.Minute || info.CreatedAt.After(time.Now().Add(5*time.Second)) {
		t.Errorf("CreatedAt = %v", info.CreatedAt)
	}

	// The ID is taken: the Go SDK's sentinel error, itself.
	options.Note = "second"
	if _, err := sc.Create(ctx, options); err != temporal.ErrScheduleAlreadyRunning || !errors.Is(err, client.ErrScheduleAlreadyRunning) {
		t.Fatalf("Create with an ID in use: %v (%T), want ErrScheduleAlreadyRunning", err, err)
	}
	if _, err := sc.Create(ctx, client.ScheduleOptions{ID: uniqueID(t)}); err == nil {
		t.Fatalf("Create without an action succeeded")
	}
	if _, err := sc.Create(ctx, client.ScheduleOptions{Action: action}); err == nil {
		t.Fatalf("Create without an ID succeeded")
	}
}

func TestScheduleTriggerPauseUpdateBackfillDelete(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 90*time.Second)
	id, workflowID := uniqueID(t), uniqueID(t)
	h, err := c.ScheduleClient().Create(ctx, client.ScheduleOptions{
		ID:   id,
		Spec: client.ScheduleSpec{Calendars: []client.ScheduleCalendarSpec{{Hour: []client.ScheduleRange{{Start: farHour()}}, Comment: "daily"}}},
		Action: &client.ScheduleWorkflowAction{
			ID: workflowID, Workflow: "GreetingWorkflow", Args: []any{"Trigger"}, TaskQueue: taskQueue(),
			Memo: map[string]any{"kept": true}, StaticSummary: "kept too",
		},
	})
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	deleteAtEnd(t, h)

	// Trigger: one action now; its workflow runs on the test worker.
	if err := h.Trigger(ctx, client.ScheduleTriggerOptions{Overlap: enumspb.SCHEDULE_OVERLAP_POLICY_ALLOW_ALL}); err != nil {
		t.Fatalf("Trigger: %v", err)
	}
	d := waitDescription(ctx, t, h, "the triggered action", func(d *client.ScheduleDescription) bool { return len(d.Info.RecentActions) == 1 })
	started := d.Info.RecentActions[0].StartWorkflowResult
	if started == nil || started.FirstExecutionRunID == "" || len(started.WorkflowID) <= len(workflowID) || started.WorkflowID[:len(workflowID)] != workflowID {
		t.Fatalf("recent action %+v: want a workflow %q-<time>", started, workflowID)
	}
	terminateAtEnd(t, started.WorkflowID)
	var greeting string
	if err := c.GetWorkflow(ctx, started.WorkflowID, started.FirstExecutionRunID).Get(ctx, &greeting); err != nil || greeting != "Hello Trigger!" {
		t.Fatalf("the triggered workflow: %q, %v", greeting, err)
	}
	if d.Info.NumActions != 1 {
		t.Errorf("NumActions = %d after a trigger", d.Info.NumActions)
	}

	// Pause and unpause, with a note and with the default note.
	if err := h.Pause(ctx, client.SchedulePauseOptions{Note: "paused by the test"}); err != nil {
		t.Fatalf("Pause: %v", err)
	}
	if d, err = h.Describe(ctx); err != nil || !d.Schedule.State.Paused || d.Schedule.State.Note != "paused by the test" {
		t.Fatalf("after Pause: %+v, %v", d.Schedule.State, err)
	}
	if err := h.Unpause(ctx, client.ScheduleUnpauseOptions{}); err != nil {
		t.Fatalf("Unpause: %v", err)
	}
	if d, err = h.Describe(ctx); err != nil || d.Schedule.State.Paused || d.Schedule.State.Note != "Unpaused via Go SDK" {
		t.Fatalf("after Unpause: %+v, %v", d.Schedule.State, err)
	}
	if err := h.Pause(ctx, client.SchedulePauseOptions{}); err != nil {
		t.Fatalf("Pause: %v", err)
	}
	if d, err = h.Describe(ctx); err != nil || d.Schedule.State.Note != "Paused via Go SDK" {
		t.Fatalf("after Pause without a note: %+v, %v", d.Schedule.State, err)
	}
	if err := h.Unpause(ctx, client.ScheduleUnpauseOptions{Note: "back"}); err != nil {
		t.Fatalf("Unpause: %v", err)
	}

	// Update: DoUpdate gets the description and returns the new schedule, here the same one
	// with another spec (every 10 minutes), paused. The action is sent back as Describe
	// returned it (payloads as they are).
	everyTen := client.ScheduleSpec{Intervals: []client.ScheduleIntervalSpec{{Every: 10 * time.Minute}}}
	err = h.Update(ctx, client.ScheduleUpdateOptions{DoUpdate: func(in client.ScheduleUpdateInput) (*client.ScheduleUpdate, error) {
		if in.Description.Schedule.State.Note != "back" || in.Description.Info.NumActions != 1 {
			return nil, fmt.Errorf("DoUpdate got %+v %+v", in.Description.Schedule.State, in.Description.Info)
		}
		s := in.Description.Schedule
		s.Spec = &everyTen
		s.State.Paused = true
		s.State.Note = "paused by Update"
		return &client.ScheduleUpdate{Schedule: &s}, nil
	}})
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	d, err = h.Describe(ctx)
	if err != nil {
		t.Fatalf("Describe: %v", err)
	}
	if len(d.Schedule.Spec.Calendars) != 0 || !reflect.DeepEqual(d.Schedule.Spec.Intervals, everyTen.Intervals) {
		t.Errorf("spec after Update: %+v", d.Schedule.Spec)
	}
	if !d.Schedule.State.Paused || d.Schedule.State.Note != "paused by Update" {
		t.Errorf("state after Update: %+v", d.Schedule.State)
	}
	action := d.Schedule.Action.(*client.ScheduleWorkflowAction)
	if arg := payloadValue[string](t, action.Args[0].(*commonpb.Payload)); arg != "Trigger" || action.ID != workflowID || action.StaticSummary != "kept too" {
		t.Errorf("action after Update: %+v (arg %q)", action, arg)
	}
	if kept := payloadValue[bool](t, action.Memo["kept"].(*commonpb.Payload)); !kept {
		t.Errorf("action memo after Update: %v", action.Memo)
	}
	updatedAt := d.Info.LastUpdateAt

	// ErrSkipScheduleUpdate changes nothing; another error is Update's.
	if err := h.Update(ctx, client.ScheduleUpdateOptions{DoUpdate: func(client.ScheduleUpdateInput) (*client.ScheduleUpdate, error) {
		return nil, temporal.ErrSkipScheduleUpdate
	}}); err != nil {
		t.Fatalf("Update skipped: %v", err)
	}
	if err := h.Update(ctx, client.ScheduleUpdateOptions{DoUpdate: func(client.ScheduleUpdateInput) (*client.ScheduleUpdate, error) {
		return &client.ScheduleUpdate{}, nil
	}}); !errors.Is(err, client.ErrInvalidArgument) {
		t.Fatalf("Update whose DoUpdate returned no schedule: %v", err)
	}
	errNo := errors.New("no update today")
	if err := h.Update(ctx, client.ScheduleUpdateOptions{DoUpdate: func(client.ScheduleUpdateInput) (*client.ScheduleUpdate, error) {
		return nil, errNo
	}}); !errors.Is(err, errNo) {
		t.Fatalf("Update whose DoUpdate failed: %v", err)
	}
	if d, err = h.Describe(ctx); err != nil || !d.Info.LastUpdateAt.Equal(updatedAt) || !d.Schedule.State.Paused {
		t.Fatalf("a skipped update changed the schedule: %v %+v, %v", d.Info.LastUpdateAt, d.Schedule.State, err)
	}

	// A schedule changed between Update's describe and its update: as in the Go SDK (no
	// conflict token), the update replaces it all the same, last writer wins.
	err = h.Update(ctx, client.ScheduleUpdateOptions{DoUpdate: func(in client.ScheduleUpdateInput) (*client.ScheduleUpdate, error) {
		if err := h.Unpause(ctx, client.ScheduleUnpauseOptions{Note: "changed meanwhile"}); err != nil {
			return nil, err
		}
		s := in.Description.Schedule
		s.State.Note = "last writer"
		return &client.ScheduleUpdate{Schedule: &s}, nil
	}})
	if err != nil {
		t.Fatalf("Update over a change made meanwhile: %v", err)
	}
	if d, err = h.Describe(ctx); err != nil || !d.Schedule.State.Paused || d.Schedule.State.Note != "last writer" {
		t.Fatalf("after the last writer's update: %+v, %v", d.Schedule.State, err)
	}
	if err := h.Pause(ctx, client.SchedulePauseOptions{Note: "paused by Update"}); err != nil {
		t.Fatalf("Pause: %v", err)
	}

	// Backfill a past half hour (paused or not, a backfill takes its actions): the spec's
	// times A, A+10m, A+20m, whatever the range's ends include.
	a := time.Now().UTC().Add(-2 * time.Hour).Truncate(10 * time.Minute)
	err = h.Backfill(ctx, client.ScheduleBackfillOptions{Backfill: []client.ScheduleBackfill{
		{Start: a.Add(-time.Minute), End: a.Add(21 * time.Minute), Overlap: enumspb.SCHEDULE_OVERLAP_POLICY_ALLOW_ALL},
	}})
	if err != nil {
		t.Fatalf("Backfill: %v", err)
	}
	d = waitDescription(ctx, t, h, "the backfilled actions", func(d *client.ScheduleDescription) bool { return d.Info.NumActions >= 4 })
	if d.Info.NumActions != 4 || len(d.Info.RecentActions) != 4 {
		t.Fatalf("after the backfill: %d actions, recent %+v", d.Info.NumActions, d.Info.RecentActions)
	}
	for i, r := range d.Info.RecentActions[1:] {
		if want := a.Add(time.Duration(i) * 10 * time.Minute); !r.ScheduleTime.Equal(want) || r.StartWorkflowResult == nil {
			t.Errorf("backfilled action %d: %+v, want the time %v", i, r, want)
		} else {
			terminateAtEnd(t, r.StartWorkflowResult.WorkflowID)
		}
	}

	// Delete; then the schedule is NOT_FOUND.
	if err := h.Delete(ctx); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if _, err := h.Describe(ctx); !errors.Is(err, client.ErrNotFound) {
		t.Fatalf("Describe after Delete: %v, want NOT_FOUND", err)
	}
	if err := h.Trigger(ctx, client.ScheduleTriggerOptions{}); !errors.Is(err, client.ErrNotFound) {
		t.Fatalf("Trigger after Delete: %v, want NOT_FOUND", err)
	}
	if err := h.Update(ctx, client.ScheduleUpdateOptions{DoUpdate: func(in client.ScheduleUpdateInput) (*client.ScheduleUpdate, error) {
		t.Errorf("DoUpdate called for a deleted schedule")
		return nil, temporal.ErrSkipScheduleUpdate
	}}); !errors.Is(err, client.ErrNotFound) {
		t.Fatalf("Update after Delete: %v, want NOT_FOUND", err)
	}
}

func TestScheduleCreateTriggersAndBackfillsAndList(t *testing.T) {
	c := newTestClient(t)
	ctx := ctxTimeout(t, 60*time.Second)
	sc := c.ScheduleClient()
	a := time.Now().UTC().Add(-3 * time.Hour).Truncate(time.Hour)
	ids := []string{uniqueID(t), uniqueID(t)}
	tag := uniqueID(t)
	for i, id := range ids {
		h, err := sc.Create(ctx, client.ScheduleOptions{
			ID:     id,
			Spec:   client.ScheduleSpec{Intervals: []client.ScheduleIntervalSpec{{Every: time.Hour, Offset: 7 * time.Minute}}},
			Action: &client.ScheduleWorkflowAction{Workflow: "GreetingWorkflow", Args: []any{"List"}, TaskQueue: taskQueue()},
			Paused: true, Note: fmt.Sprintf("schedule %d", i),
			Memo:             map[string]any{"index": i},
			SearchAttributes: map[string]any{"CustomKeywordField": tag},
			// Create's initial patch: one action now, and the interval's time in a past hour.
			TriggerImmediately: true,
			ScheduleBackfill:   []client.ScheduleBackfill{{Start: a, End: a.Add(time.Hour), Overlap: enumspb.SCHEDULE_OVERLAP_POLICY_ALLOW_ALL}},
		})
		if err != nil {
			t.Fatalf("Create: %v", err)
		}
		deleteAtEnd(t, h)
		d := waitDescription(ctx, t, h, "the initial patch's actions", func(d *client.ScheduleDescription) bool { return d.Info.NumActions >= 2 })
		if d.Info.NumActions != 2 {
			t.Fatalf("NumActions = %d, want the trigger's and the backfill's", d.Info.NumActions)
		}
		backfilled := false
		for _, r := range d.Info.RecentActions {
			backfilled = backfilled || r.ScheduleTime.Equal(a.Add(7*time.Minute))
			if r.StartWorkflowResult != nil {
				terminateAtEnd(t, r.StartWorkflowResult.WorkflowID)
			}
		}
		if !backfilled {
			t.Errorf("no action at %v in %+v", a.Add(7*time.Minute), d.Info.RecentActions)
		}
	}

	// List one schedule a page until both show up (visibility is eventually consistent).
	deadline := time.Now().Add(20 * time.Second)
	for {
		found := map[string]*client.ScheduleListEntry{}
		iter, err := sc.List(ctx, client.ScheduleListOptions{PageSize: 1})
		if err != nil {
			t.Fatalf("List: %v", err)
		}
		for iter.HasNext() {
			entry, err := iter.Next()
			if err != nil {
				t.Fatalf("Next: %v", err)
			}
			found[entry.ID] = entry
		}
		if found[ids[0]] != nil && found[ids[1]] != nil {
			for i, id := range ids {
				e := found[id]
				if e.WorkflowType.Name != "GreetingWorkflow" || !e.Paused || e.Note != fmt.Sprintf("schedule %d", i) {
					t.Errorf("entry %+v", e)
				}
				if index := payloadValue[int](t, e.Memo.GetFields()["index"]); index != i {
					t.Errorf("entry memo index = %d, want %d", index, i)
				}
				if e.Spec == nil || len(e.Spec.Intervals) != 1 || e.Spec.Intervals[0].Every != time.Hour {
					t.Errorf("entry spec %+v", e.Spec)
				}
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("List did not return both schedules: %d entries", len(found))
		}
		time.Sleep(300 * time.Millisecond)
	}

	// A query finds exactly the two (and the iterator goes through its one-entry pages).
	iter, err := sc.List(ctx, client.ScheduleListOptions{PageSize: 1, Query: fmt.Sprintf("CustomKeywordField = '%s'", tag)})
	if err != nil {
		t.Fatalf("List with a query: %v", err)
	}
	var queried []string
	for iter.HasNext() {
		entry, err := iter.Next()
		if err != nil {
			t.Fatalf("Next: %v", err)
		}
		queried = append(queried, entry.ID)
	}
	if len(queried) != 2 || !slices.Contains(queried, ids[0]) || !slices.Contains(queried, ids[1]) {
		t.Fatalf("List with a query: %v, want %v", queried, ids)
	}

	// A ctx that is done is the iterator's error, from Next.
	done, cancel := context.WithCancel(ctx)
	cancel()
	iter, err = sc.List(done, client.ScheduleListOptions{})
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	if !iter.HasNext() {
		t.Fatalf("HasNext is false with a page error")
	}
	if _, err := iter.Next(); !errors.Is(err, context.Canceled) {
		t.Fatalf("Next with a canceled ctx: %v", err)
	}
}

// With Options.DataConverter's codec, the schedule's payloads (the action's arguments and
// memo, the schedule's memo) are stored encoded, Describe decodes them, and the action's
// workflow (on the codec worker) gets its argument back.
func TestScheduleThroughThePayloadCodec(t *testing.T) {
	codec := &Codec{KeyID: codecTestKeyID}
	c := dialWithCodecs(t, codec)
	ctx := codecCtx(t)
	id := uniqueID(t)
	h, err := c.ScheduleClient().Create(ctx, client.ScheduleOptions{
		ID:   id,
		Spec: client.ScheduleSpec{Calendars: []client.ScheduleCalendarSpec{{Hour: []client.ScheduleRange{{Start: farHour()}}}}},
		Action: &client.ScheduleWorkflowAction{
			ID: uniqueID(t), Workflow: "Echo", Args: []any{"secret argument"}, TaskQueue: codecTaskQueue(),
			Memo: map[string]any{"action": "secret action memo"},
		},
		Memo: map[string]any{"schedule": "secret schedule memo"},
	})
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	deleteAtEnd(t, h)

	// As stored: encrypted (the raw service bypasses the codec).
	raw, err := c.WorkflowService().DescribeSchedule(ctx, &workflowservice.DescribeScheduleRequest{Namespace: "default", ScheduleId: id})
	if err != nil {
		t.Fatalf("raw DescribeSchedule: %v", err)
	}
	start := raw.GetSchedule().GetAction().GetStartWorkflow()
	for name, p := range map[string]*commonpb.Payload{
		"argument": start.GetInput().GetPayloads()[0], "action memo": start.GetMemo().GetFields()["action"],
		"schedule memo": raw.GetMemo().GetFields()["schedule"],
	} {
		if enc := string(p.GetMetadata()[converter.MetadataEncoding]); enc != MetadataEncodingEncrypted {
			t.Errorf("the stored %s is %q, not encrypted", name, enc)
		}
	}

	d, err := h.Describe(ctx)
	if err != nil {
		t.Fatalf("Describe: %v", err)
	}
	action := d.Schedule.Action.(*client.ScheduleWorkflowAction)
	if arg := payloadValue[string](t, action.Args[0].(*commonpb.Payload)); arg != "secret argument" {
		t.Errorf("described argument %q", arg)
	}
	if m := payloadValue[string](t, action.Memo["action"].(*commonpb.Payload)); m != "secret action memo" {
		t.Errorf("described action memo %q", m)
	}
	if m := payloadValue[string](t, d.Memo.GetFields()["schedule"]); m != "secret schedule memo" {
		t.Errorf("described schedule memo %q", m)
	}

	// Update sends the decoded action back: encoded once more, not twice.
	if err := h.Update(ctx, client.ScheduleUpdateOptions{DoUpdate: func(in client.ScheduleUpdateInput) (*client.ScheduleUpdate, error) {
		return &client.ScheduleUpdate{Schedule: &in.Description.Schedule}, nil
	}}); err != nil {
		t.Fatalf("Update: %v", err)
	}
	if err := h.Trigger(ctx, client.ScheduleTriggerOptions{}); err != nil {
		t.Fatalf("Trigger: %v", err)
	}
	d = waitDescription(ctx, t, h, "the triggered action", func(d *client.ScheduleDescription) bool { return len(d.Info.RecentActions) == 1 })
	started := d.Info.RecentActions[0].StartWorkflowResult
	terminateAtEnd(t, started.WorkflowID)
	var echoed string
	if err := c.GetWorkflow(ctx, started.WorkflowID, started.FirstExecutionRunID).Get(ctx, &echoed); err != nil || echoed != "secret argument" {
		t.Fatalf("the triggered Echo: %q, %v", echoed, err)
	}
}
