package client

/*
#include <stdlib.h>
#include "temporal.h"
*/
import "C"

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"
	"unsafe"

	commonpb "go.temporal.io/api/common/v1"
	enumspb "go.temporal.io/api/enums/v1"
	schedulepb "go.temporal.io/api/schedule/v1"
	sdkpb "go.temporal.io/api/sdk/v1"
	taskqueuepb "go.temporal.io/api/taskqueue/v1"
	workflowpb "go.temporal.io/api/workflow/v1"
	"go.temporal.io/api/workflowservice/v1"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/durationpb"
	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/google/uuid"

	"github.com/temporal-ffi/temporal-ffi/bindings/go/converter"
	"github.com/temporal-ffi/temporal-ffi/bindings/go/temporal"
)

// Schedules: the Go SDK's ScheduleClient (go.temporal.io/sdk/client, internal/schedule_client.go
// and internal_schedule_client.go of v1.51), type for type. The binding builds the
// temporal.api.schedule.v1.Schedule proto in Go with the Go SDK's conversion code and gives its
// encoding to the library (temporal_schedule_options.schedule_proto), which adds namespace,
// identity and request ID, runs the payload codec and makes the RPC; Describe and List read the
// response protos the library hands back (temporal_call_get_bytes) and convert them back with
// the Go SDK's code.
//
// Not here (the binding has no type for them yet): the TypedSearchAttributes fields of
// ScheduleOptions, ScheduleWorkflowAction, ScheduleDescription and ScheduleUpdate, and
// ScheduleWorkflowAction.VersioningOverride. ScheduleOptions.SearchAttributes (untyped) and
// ScheduleWorkflowAction.UntypedSearchAttributes are.

// ErrScheduleAlreadyRunning is temporal.ErrScheduleAlreadyRunning (the Go SDK has it in its
// temporal package only; it is here too for convenience).
var ErrScheduleAlreadyRunning = temporal.ErrScheduleAlreadyRunning

// ErrSkipScheduleUpdate is temporal.ErrSkipScheduleUpdate.
var ErrSkipScheduleUpdate = temporal.ErrSkipScheduleUpdate

type (
	// ScheduleRange is the Go SDK's client.ScheduleRange: a set of integers matching a field
	// of a calendar time. End < Start means End = Start; Step 0 means 1.
	ScheduleRange struct {
		// Start of the range (inclusive).
		Start int
		// End of the range (inclusive); defaulted to Start.
		End int
		// Step between values; defaulted to 1.
		Step int
	}

	// ScheduleCalendarSpec is the Go SDK's client.ScheduleCalendarSpec: times relative to
	// the calendar, like a cron line. A nil field gets the Go SDK's default when sent: Second,
	// Minute and Hour match 0; DayOfMonth, Month and DayOfWeek match all; Year (nil) all years.
	ScheduleCalendarSpec struct {
		// Second range to match (0-59); default: 0.
		Second []ScheduleRange
		// Minute range to match (0-59); default: 0.
		Minute []ScheduleRange
		// Hour range to match (0-23); default: 0.
		Hour []ScheduleRange
		// DayOfMonth range to match (1-31); default: all days.
		DayOfMonth []ScheduleRange
		// Month range to match (1-12); default: all months.
		Month []ScheduleRange
		// Year range to match; default: all years.
		Year []ScheduleRange
		// DayOfWeek range to match (0-6, 0 is Sunday); default: all days of the week.
		DayOfWeek []ScheduleRange
		// Comment describes the intention of this calendar.
		Comment string
	}

	// ScheduleBackfill is the Go SDK's client.ScheduleBackfill: a time range whose actions
	// are taken now, all at once, as if that time passed by.
	ScheduleBackfill struct {
		// Start of the range to evaluate the schedule in.
		Start time.Time
		// End of the range to evaluate the schedule in.
		End time.Time
		// Overlap overrides the schedule's overlap policy for this backfill.
		Overlap enumspb.ScheduleOverlapPolicy
	}

	// ScheduleIntervalSpec is the Go SDK's client.ScheduleIntervalSpec: the times
	// Epoch + n*Every + Offset for all n >= 0.
	ScheduleIntervalSpec struct {
		// Every is the period.
		Every time.Duration
		// Offset is added to each period's time; default 0.
		Offset time.Duration
	}

	// ScheduleSpec is the Go SDK's client.ScheduleSpec: the union of Calendars, Intervals and
	// CronExpressions, minus Skip, between StartAt and EndAt.
	ScheduleSpec struct {
		// Calendars are calendar-based specifications of times.
		Calendars []ScheduleCalendarSpec
		// Intervals are interval-based specifications of times.
		Intervals []ScheduleIntervalSpec
		// CronExpressions are cron lines ("0 12 * * MON-FRI", "@daily", "@every 1h"...),
		// which the server translates to Calendars (or Intervals): Describe returns them
		// there, never here.
		CronExpressions []string
		// Skip: any time matching one of these calendars (all fields, seconds included) is
		// skipped.
		Skip []ScheduleCalendarSpec
		// StartAt: times before it are skipped; zero: the beginning of time.
		StartAt time.Time
		// EndAt: times after it are skipped; zero: the end of time.
		EndAt time.Time
		// Jitter: each time is delayed by a random amount up to this.
		Jitter time.Duration
		// TimeZoneName is the IANA time zone of the calendars, e.g. "US/Pacific"; "": UTC.
		TimeZoneName string
	}

	// ScheduleAction is the Go SDK's client.ScheduleAction: what a schedule does. The one
	// implementation is *ScheduleWorkflowAction.
	ScheduleAction interface {
		isScheduleAction()
	}

	// ScheduleWorkflowAction is the Go SDK's client.ScheduleWorkflowAction: start a workflow.
	// Its TypedSearchAttributes and VersioningOverride fields are not in this binding.
	ScheduleWorkflowAction struct {
		// ID is the workflow ID (the server appends the action's time to it); "": a UUID.
		ID string
		// Workflow is the workflow type name (a string) or the workflow function. Describe
		// returns the type name.
		Workflow any
		// Args are the workflow's arguments, JSON-encoded as ExecuteWorkflow encodes them; a
		// *commonpb.Payload is sent as it is (Describe returns the arguments that way, so a
		// description's action can be sent back by Update).
		Args []any
		// TaskQueue of the workflow.
		TaskQueue string
		// WorkflowExecutionTimeout, WorkflowRunTimeout and WorkflowTaskTimeout as in
		// StartWorkflowOptions.
		WorkflowExecutionTimeout time.Duration
		WorkflowRunTimeout       time.Duration
		WorkflowTaskTimeout      time.Duration
		// RetryPolicy of the workflow; nil: none.
		RetryPolicy *RetryPolicy
		// Memo of the workflow; values are JSON-encoded, a *commonpb.Payload is sent as is
		// (Describe returns *commonpb.Payload values).
		Memo map[string]any
		// UntypedSearchAttributes are the workflow's search attributes as payloads. The Go SDK
		// keeps here, on Describe, only the attributes without a type; this binding (without
		// TypedSearchAttributes) keeps all of them here, so that Update sends them back.
		UntypedSearchAttributes map[string]*commonpb.Payload
		// StaticSummary is a single-line summary shown in the UI; StaticDetails a longer one.
		StaticSummary string
		StaticDetails string
		// Priority of the workflow's tasks; the zero value is the default.
		Priority temporal.Priority
	}

	// ScheduleOptions is the Go SDK's client.ScheduleOptions: a new schedule. Its
	// TypedSearchAttributes field is not in this binding (SearchAttributes is).
	ScheduleOptions struct {
		// ID of the schedule (required).
		ID string
		// Spec says when the action is taken.
		Spec ScheduleSpec
		// Action is what is done (required): a *ScheduleWorkflowAction.
		Action ScheduleAction
		// Overlap says what happens when an action is due while an earlier one still runs;
		// UNSPECIFIED: the server's default (SKIP).
		Overlap enumspb.ScheduleOverlapPolicy
		// CatchupWindow: how late a missed action (the server was down) may still be taken;
		// 0: the server's default (one year).
		CatchupWindow time.Duration
		// PauseOnFailure pauses the schedule when an action's workflow fails or times out.
		PauseOnFailure bool
		// Note is a human-readable note, e.g. why it is paused.
		Note string
		// Paused creates the schedule paused.
		Paused bool
		// RemainingActions limits the number of actions; 0: no limit.
		RemainingActions int
		// TriggerImmediately takes one action at once on creation.
		TriggerImmediately bool
		// ScheduleBackfill ranges are taken at once on creation.
		ScheduleBackfill []ScheduleBackfill
		// Memo of the schedule; values are JSON-encoded.
		Memo map[string]any
		// SearchAttributes of the schedule (registered on the namespace); values are
		// JSON-encoded. Deprecated in the Go SDK for TypedSearchAttributes, which this binding
		// does not have.
		SearchAttributes map[string]any
	}

	// ScheduleWorkflowExecution is the Go SDK's client.ScheduleWorkflowExecution: a workflow
	// a schedule started.
	ScheduleWorkflowExecution struct {
		// WorkflowID of the execution.
		WorkflowID string
		// FirstExecutionRunID is the run ID of the execution the schedule started.
		FirstExecutionRunID string
	}

	// ScheduleInfo is the Go SDK's client.ScheduleInfo: what the schedule has done.
	ScheduleInfo struct {
		// NumActions is the number of actions taken.
		NumActions int
		// NumActionsMissedCatchupWindow is the number of actions skipped for being later than
		// the catch-up window.
		NumActionsMissedCatchupWindow int
		// NumActionsSkippedOverlap is the number of actions skipped by the overlap policy.
		NumActionsSkippedOverlap int
		// RunningWorkflows are the workflows it started that still run.
		RunningWorkflows []ScheduleWorkflowExecution
		// RecentActions are the latest actions (up to 10), oldest first.
		RecentActions []ScheduleActionResult
		// NextActionTimes are the next (up to 10) action times.
		NextActionTimes []time.Time
		// CreatedAt is when the schedule was created.
		CreatedAt time.Time
		// LastUpdateAt is when it was last updated.
		LastUpdateAt time.Time
	}

	// ScheduleDescription is the Go SDK's client.ScheduleDescription (ScheduleHandle.Describe).
	// Its TypedSearchAttributes field is not in this binding (SearchAttributes is).
	ScheduleDescription struct {
		// Schedule is the schedule's modifiable part.
		Schedule Schedule
		// Info is what the schedule has done.
		Info ScheduleInfo
		// Memo of the schedule, decoded by the payload codec.
		Memo *commonpb.Memo
		// SearchAttributes of the schedule.
		SearchAttributes *commonpb.SearchAttributes
	}

	// SchedulePolicies is the Go SDK's client.SchedulePolicies.
	SchedulePolicies struct {
		// Overlap policy (ScheduleOptions.Overlap).
		Overlap enumspb.ScheduleOverlapPolicy
		// CatchupWindow (ScheduleOptions.CatchupWindow).
		CatchupWindow time.Duration
		// PauseOnFailure (ScheduleOptions.PauseOnFailure).
		PauseOnFailure bool
	}

	// ScheduleState is the Go SDK's client.ScheduleState.
	ScheduleState struct {
		// Note is the schedule's note.
		Note string
		// Paused is true while the schedule is paused.
		Paused bool
		// LimitedActions: RemainingActions is decremented for each action taken.
		LimitedActions bool
		// RemainingActions is the number of actions left (with LimitedActions).
		RemainingActions int
	}

	// Schedule is the Go SDK's client.Schedule: a schedule's modifiable part.
	Schedule struct {
		// Action is what is done.
		Action ScheduleAction
		// Spec says when.
		Spec *ScheduleSpec
		// Policy is the schedule's policies.
		Policy *SchedulePolicies
		// State is the schedule's state.
		State *ScheduleState
	}

	// ScheduleUpdate is the Go SDK's client.ScheduleUpdate: what DoUpdate returns. Its
	// TypedSearchAttributes field is not in this binding: Update leaves the schedule's search
	// attributes as they are.
	ScheduleUpdate struct {
		// Schedule replaces the schedule's spec, action, policies and state.
		Schedule *Schedule
	}

	// ScheduleUpdateInput is the Go SDK's client.ScheduleUpdateInput: what DoUpdate gets.
	ScheduleUpdateInput struct {
		// Description is the schedule as Describe returns it.
		Description ScheduleDescription
	}

	// ScheduleUpdateOptions is the Go SDK's client.ScheduleUpdateOptions.
	ScheduleUpdateOptions struct {
		// DoUpdate takes the schedule's description and returns the new schedule. Returning
		// ErrSkipScheduleUpdate makes Update change nothing and return nil; another error is
		// Update's.
		DoUpdate func(ScheduleUpdateInput) (*ScheduleUpdate, error)
	}

	// ScheduleTriggerOptions is the Go SDK's client.ScheduleTriggerOptions.
	ScheduleTriggerOptions struct {
		// Overlap overrides the schedule's overlap policy; UNSPECIFIED: the schedule's.
		Overlap enumspb.ScheduleOverlapPolicy
	}

	// SchedulePauseOptions is the Go SDK's client.SchedulePauseOptions.
	SchedulePauseOptions struct {
		// Note replaces the schedule's note; "": "Paused via Go SDK".
		Note string
	}

	// ScheduleUnpauseOptions is the Go SDK's client.ScheduleUnpauseOptions.
	ScheduleUnpauseOptions struct {
		// Note replaces the schedule's note; "": "Unpaused via Go SDK".
		Note string
	}

	// ScheduleBackfillOptions is the Go SDK's client.ScheduleBackfillOptions.
	ScheduleBackfillOptions struct {
		// Backfill are the time ranges to take the actions of, now.
		Backfill []ScheduleBackfill
	}

	// ScheduleHandle is the Go SDK's client.ScheduleHandle: one schedule, by ID. Each method
	// is one call: ctx's deadline is its timeout (none: 10 s) and canceling ctx cancels it.
	// An unknown schedule is a NOT_FOUND *Error (errors.Is(err, ErrNotFound)).
	ScheduleHandle interface {
		// GetID returns the schedule ID.
		GetID() string
		// Delete deletes the schedule (the workflows it started keep running).
		Delete(ctx context.Context) error
		// Backfill takes the actions of the given time ranges now, all at once.
		Backfill(ctx context.Context, options ScheduleBackfillOptions) error
		// Update describes the schedule, calls options.DoUpdate with the description and
		// sends the schedule it returns, replacing the whole schedule. As in the Go SDK, no
		// conflict token is sent: the last writer wins, and a change made in between is
		// overwritten (with a token the dev server would answer OK and silently drop the
		// update, which no caller could tell from success).
		Update(ctx context.Context, options ScheduleUpdateOptions) error
		// Describe fetches the schedule's description.
		Describe(ctx context.Context) (*ScheduleDescription, error)
		// Trigger takes an action now, with options.Overlap (UNSPECIFIED: the schedule's).
		Trigger(ctx context.Context, options ScheduleTriggerOptions) error
		// Pause pauses the schedule and replaces its note.
		Pause(ctx context.Context, options SchedulePauseOptions) error
		// Unpause unpauses the schedule and replaces its note.
		Unpause(ctx context.Context, options ScheduleUnpauseOptions) error
	}

	// ScheduleActionResult is the Go SDK's client.ScheduleActionResult: an action taken.
	ScheduleActionResult struct {
		// ScheduleTime is when the action was due (jitter included).
		ScheduleTime time.Time
		// ActualTime is when it was taken.
		ActualTime time.Time
		// StartWorkflowResult is the workflow it started.
		StartWorkflowResult *ScheduleWorkflowExecution
	}

	// ScheduleListEntry is the Go SDK's client.ScheduleListEntry: one schedule of List.
	ScheduleListEntry struct {
		// ID of the schedule.
		ID string
		// Spec says when actions are taken.
		Spec *ScheduleSpec
		// Note is the schedule's note.
		Note string
		// Paused is true while the schedule is paused.
		Paused bool
		// WorkflowType is the type of the workflow the action starts.
		WorkflowType WorkflowType
		// RecentActions are the latest actions (up to 5), oldest first.
		RecentActions []ScheduleActionResult
		// NextActionTimes are the next (up to 5) action times.
		NextActionTimes []time.Time
		// Memo of the schedule.
		Memo *commonpb.Memo
		// SearchAttributes of the schedule.
		SearchAttributes *commonpb.SearchAttributes
	}

	// ScheduleListOptions is the Go SDK's client.ScheduleListOptions.
	ScheduleListOptions struct {
		// PageSize is the number of schedules fetched per call; 0: the server's default.
		PageSize int
		// Query filters the schedules (a visibility query); "": all.
		Query string
	}

	// ScheduleListIterator is the Go SDK's client.ScheduleListIterator.
	ScheduleListIterator interface {
		// HasNext reports whether Next has a schedule (or an error) to return; it fetches the
		// next page when the current one is used up.
		HasNext() bool
		// Next returns the next schedule, or the error of fetching its page. It panics when
		// HasNext is false, as the Go SDK's.
		Next() (*ScheduleListEntry, error)
	}

	// ScheduleClient is the Go SDK's client.ScheduleClient (Client.ScheduleClient).
	ScheduleClient interface {
		// Create creates a schedule. An ID in use gives ErrScheduleAlreadyRunning itself.
		Create(ctx context.Context, options ScheduleOptions) (ScheduleHandle, error)
		// List returns an iterator over the schedules; each page is fetched with List's ctx
		// when the iterator needs it. With advanced visibility the list is eventually
		// consistent.
		List(ctx context.Context, options ScheduleListOptions) (ScheduleListIterator, error)
		// GetHandle returns a handle for a schedule ID, without a call to the server.
		GetHandle(ctx context.Context, scheduleID string) ScheduleHandle
	}
)

func (*ScheduleWorkflowAction) isScheduleAction() {}

type scheduleClient struct{ c *clientImpl }

type scheduleHandle struct {
	c  *clientImpl
	id string
}

// ScheduleClient returns the schedule client of this client's connection.
func (c *clientImpl) ScheduleClient() ScheduleClient { return scheduleClient{c} }

func (sc scheduleClient) GetHandle(_ context.Context, scheduleID string) ScheduleHandle {
	return &scheduleHandle{c: sc.c, id: scheduleID}
}

func (sc scheduleClient) Create(ctx context.Context, options ScheduleOptions) (ScheduleHandle, error) {
	if options.ID == "" {
		return nil, errors.New("no schedule ID in options")
	}
	if options.Action == nil {
		return nil, errors.New("no schedule action in options")
	}
	action, err := convertToPBScheduleAction(options.Action)
	if err != nil {
		return nil, err
	}
	var catchupWindow *durationpb.Duration
	if options.CatchupWindow != 0 {
		// Zero stays unset, so the server applies its default catch-up window.
		catchupWindow = durationpb.New(options.CatchupWindow)
	}
	schedule := &schedulepb.Schedule{
		Spec:   convertToPBScheduleSpec(&options.Spec),
		Action: action,
		Policies: &schedulepb.SchedulePolicies{
			OverlapPolicy:  options.Overlap,
			CatchupWindow:  catchupWindow,
			PauseOnFailure: options.PauseOnFailure,
		},
		State: &schedulepb.ScheduleState{
			Notes:            options.Note,
			Paused:           options.Paused,
			LimitedActions:   options.RemainingActions != 0,
			RemainingActions: int64(options.RemainingActions),
		},
	}
	encoded, err := proto.Marshal(schedule)
	if err != nil {
		return nil, fmt.Errorf("temporal-ffi: encoding the schedule: %w", err)
	}
	memoJSON, err := jsonObject("the schedule memo", options.Memo)
	if err != nil {
		return nil, err
	}
	saJSON, err := jsonObject("the schedule search attributes", options.SearchAttributes)
	if err != nil {
		return nil, err
	}
	err = sc.c.do(ctx, func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
		var o C.temporal_schedule_options
		C.temporal_schedule_options_default(&o, C.size_t(unsafe.Sizeof(o)))
		o.schedule_proto, o.schedule_proto_len = cs.bytes(encoded)
		o.memo_json = cs.str(memoJSON)
		o.search_attributes_json = cs.str(saJSON)
		o.trigger_immediately = C.bool(options.TriggerImmediately)
		o.backfills, o.backfills_len = cBackfills(cs, options.ScheduleBackfill)
		return C.temporal_schedule_create_async(h, cs.str(options.ID), &o, co, call)
	}, nil)
	if errors.Is(err, ErrAlreadyExists) {
		// The Go SDK returns the sentinel itself (from the server's AlreadyStarted error).
		return nil, ErrScheduleAlreadyRunning
	}
	if err != nil {
		return nil, err
	}
	return &scheduleHandle{c: sc.c, id: options.ID}, nil
}

func (sc scheduleClient) List(ctx context.Context, options ScheduleListOptions) (ScheduleListIterator, error) {
	paginate := func(nextToken []byte) (*workflowservice.ListSchedulesResponse, error) {
		resp := &workflowservice.ListSchedulesResponse{}
		var readErr error
		err := sc.c.do(ctx, func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
			return C.temporal_schedule_list_async(h, cs.str(options.Query), C.int32_t(options.PageSize),
				cs.str(hex.EncodeToString(nextToken)), co, call)
		}, readProto("schedule list", resp, &readErr))
		if err == nil {
			err = readErr
		}
		if err != nil {
			return nil, err
		}
		return resp, nil
	}
	return &scheduleListIterator{paginate: paginate}, nil
}

// scheduleListIterator is the Go SDK's scheduleListIteratorImpl.
type scheduleListIterator struct {
	nextScheduleIndex int
	err               error
	response          *workflowservice.ListSchedulesResponse
	paginate          func(nextToken []byte) (*workflowservice.ListSchedulesResponse, error)
}

func (iter *scheduleListIterator) HasNext() bool {
	if iter.err == nil {
		if iter.response == nil ||
			(iter.nextScheduleIndex >= len(iter.response.Schedules) && len(iter.response.NextPageToken) > 0) {
			iter.response, iter.err = iter.paginate(iter.response.GetNextPageToken())
			iter.nextScheduleIndex = 0
		}
	}
	return iter.nextScheduleIndex < len(iter.response.GetSchedules()) || iter.err != nil
}

func (iter *scheduleListIterator) Next() (*ScheduleListEntry, error) {
	if !iter.HasNext() {
		panic("ScheduleListIterator Next() called without checking HasNext()")
	} else if iter.err != nil {
		return nil, iter.err
	}
	schedule := iter.response.Schedules[iter.nextScheduleIndex]
	iter.nextScheduleIndex++
	return convertFromPBScheduleListEntry(schedule), nil
}

func (sh *scheduleHandle) GetID() string { return sh.id }

func (sh *scheduleHandle) Delete(ctx context.Context) error {
	return sh.c.do(ctx, func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
		return C.temporal_schedule_delete_async(h, cs.str(sh.id), co, call)
	}, nil)
}

func (sh *scheduleHandle) Backfill(ctx context.Context, options ScheduleBackfillOptions) error {
	return sh.c.do(ctx, func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
		backfills, n := cBackfills(cs, options.Backfill)
		return C.temporal_schedule_backfill_async(h, cs.str(sh.id), backfills, n, co, call)
	}, nil)
}

func (sh *scheduleHandle) Trigger(ctx context.Context, options ScheduleTriggerOptions) error {
	return sh.c.do(ctx, func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
		return C.temporal_schedule_trigger_async(h, cs.str(sh.id), C.int32_t(options.Overlap), co, call)
	}, nil)
}

// Pause and Unpause leave the note "" to the library, which writes the Go SDK's default.
func (sh *scheduleHandle) Pause(ctx context.Context, options SchedulePauseOptions) error {
	return sh.c.do(ctx, func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
		return C.temporal_schedule_pause_async(h, cs.str(sh.id), cs.str(options.Note), co, call)
	}, nil)
}

func (sh *scheduleHandle) Unpause(ctx context.Context, options ScheduleUnpauseOptions) error {
	return sh.c.do(ctx, func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
		return C.temporal_schedule_unpause_async(h, cs.str(sh.id), cs.str(options.Note), co, call)
	}, nil)
}

func (sh *scheduleHandle) Describe(ctx context.Context) (*ScheduleDescription, error) {
	resp := &workflowservice.DescribeScheduleResponse{}
	var readErr error
	err := sh.c.do(ctx, func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
		return C.temporal_schedule_describe_async(h, cs.str(sh.id), co, call)
	}, readProto("schedule description", resp, &readErr))
	if err == nil {
		err = readErr
	}
	if err != nil {
		return nil, err
	}
	return scheduleDescriptionFromPB(resp)
}

func (sh *scheduleHandle) Update(ctx context.Context, options ScheduleUpdateOptions) error {
	description, err := sh.Describe(ctx)
	if err != nil {
		return err
	}
	newSchedule, err := options.DoUpdate(ScheduleUpdateInput{Description: *description})
	if err != nil {
		if errors.Is(err, ErrSkipScheduleUpdate) {
			return nil
		}
		return err
	}
	if newSchedule == nil || newSchedule.Schedule == nil {
		return &Error{Code: ErrInvalidArgument, Message: "temporal-ffi: DoUpdate returned no schedule (a ScheduleUpdate with a Schedule, or ErrSkipScheduleUpdate)"}
	}
	newSchedulePB, err := convertToPBSchedule(newSchedule.Schedule)
	if err != nil {
		return err
	}
	encoded, err := proto.Marshal(newSchedulePB)
	if err != nil {
		return fmt.Errorf("temporal-ffi: encoding the schedule: %w", err)
	}
	return sh.c.do(ctx, func(h *C.temporal_client, cs *cstrings, co callOptions, call callOut) *C.temporal_error {
		var o C.temporal_schedule_options
		C.temporal_schedule_options_default(&o, C.size_t(unsafe.Sizeof(o)))
		o.schedule_proto, o.schedule_proto_len = cs.bytes(encoded)
		return C.temporal_schedule_update_async(h, cs.str(sh.id), &o, nil, co, call)
	}, nil)
}

// readProto reads a completed call's response protobuf (temporal_call_get_bytes) into m, or
// sets *readErr: the bytes are the call's, so they are decoded before await frees the call.
func readProto(what string, m proto.Message, readErr *error) func(*C.temporal_call) {
	return func(call *C.temporal_call) {
		var b *C.uint8_t
		var n C.size_t
		if !C.temporal_call_get_bytes(call, &b, &n) {
			*readErr = missingOutput(what)
			return
		}
		if err := proto.Unmarshal(C.GoBytes(unsafe.Pointer(b), C.int(n)), m); err != nil {
			*readErr = &Error{Code: ErrInternal, Message: "temporal-ffi: decoding the " + what + ": " + err.Error()}
		}
	}
}

// jsonObject is a map as the library's JSON object fields take it ("" for none).
func jsonObject(what string, m map[string]any) (string, error) {
	if len(m) == 0 {
		return "", nil
	}
	b, err := json.Marshal(m)
	if err != nil {
		return "", fmt.Errorf("temporal-ffi: encoding %s: %w", what, err)
	}
	return string(b), nil
}

// cBackfills is backfills as a C array (freed with cs).
func cBackfills(cs *cstrings, backfills []ScheduleBackfill) (*C.temporal_schedule_backfill, C.size_t) {
	if len(backfills) == 0 {
		return nil, 0
	}
	size := C.size_t(unsafe.Sizeof(C.temporal_schedule_backfill{}))
	p := (*C.temporal_schedule_backfill)(cs.alloc(size * C.size_t(len(backfills))))
	items := unsafe.Slice(p, len(backfills))
	for i, b := range backfills {
		items[i].start_time_unix_ms = C.int64_t(b.Start.UnixMilli())
		items[i].end_time_unix_ms = C.int64_t(b.End.UnixMilli())
		items[i].overlap_policy = C.int32_t(b.Overlap)
	}
	return p, C.size_t(len(backfills))
}

// bytes returns a C copy of b (NULL, 0 for none), freed with the strings.
func (cs *cstrings) bytes(b []byte) (*C.uint8_t, C.size_t) {
	if len(b) == 0 {
		return nil, 0
	}
	p := C.CBytes(b)
	*cs = append(*cs, (*C.char)(p))
	return (*C.uint8_t)(p), C.size_t(len(b))
}

// The conversions below are the Go SDK's (internal_schedule_client.go), with the binding's
// payload encoding (converter.GetDefaultDataConverter: what the library writes for
// ExecuteWorkflow's arguments) and no data converter: the library runs the payload codec.

func convertToPBSchedule(schedule *Schedule) (*schedulepb.Schedule, error) {
	if schedule == nil {
		return nil, nil
	}
	action, err := convertToPBScheduleAction(schedule.Action)
	if err != nil {
		return nil, err
	}
	// The Go SDK dereferences Policy and State; nil is their zero value here.
	policy, state := schedule.Policy, schedule.State
	if policy == nil {
		policy = &SchedulePolicies{}
	}
	if state == nil {
		state = &ScheduleState{}
	}
	var catchupWindow *durationpb.Duration
	if policy.CatchupWindow != 0 {
		// Only a non-zero window is sent, so the server applies its default for 0.
		catchupWindow = durationpb.New(policy.CatchupWindow)
	}
	return &schedulepb.Schedule{
		Spec:   convertToPBScheduleSpec(schedule.Spec),
		Action: action,
		Policies: &schedulepb.SchedulePolicies{
			OverlapPolicy:  policy.Overlap,
			CatchupWindow:  catchupWindow,
			PauseOnFailure: policy.PauseOnFailure,
		},
		State: &schedulepb.ScheduleState{
			Notes:            state.Note,
			Paused:           state.Paused,
			LimitedActions:   state.LimitedActions,
			RemainingActions: int64(state.RemainingActions),
		},
	}, nil
}

func convertToPBScheduleSpec(scheduleSpec *ScheduleSpec) *schedulepb.ScheduleSpec {
	if scheduleSpec == nil {
		return nil
	}
	intervals := make([]*schedulepb.IntervalSpec, len(scheduleSpec.Intervals))
	for i, interval := range scheduleSpec.Intervals {
		intervals[i] = &schedulepb.IntervalSpec{
			Interval: durationpb.New(interval.Every),
			Phase:    durationpb.New(interval.Offset),
		}
	}
	var startTime, endTime *timestamppb.Timestamp
	if !scheduleSpec.StartAt.IsZero() {
		startTime = timestamppb.New(scheduleSpec.StartAt)
	}
	if !scheduleSpec.EndAt.IsZero() {
		endTime = timestamppb.New(scheduleSpec.EndAt)
	}
	return &schedulepb.ScheduleSpec{
		StructuredCalendar:        convertToPBScheduleCalendarSpecList(scheduleSpec.Calendars),
		Interval:                  intervals,
		CronString:                scheduleSpec.CronExpressions,
		ExcludeStructuredCalendar: convertToPBScheduleCalendarSpecList(scheduleSpec.Skip),
		StartTime:                 startTime,
		EndTime:                   endTime,
		Jitter:                    durationpb.New(scheduleSpec.Jitter),
		TimezoneName:              scheduleSpec.TimeZoneName,
	}
}

func convertFromPBScheduleSpec(scheduleSpec *schedulepb.ScheduleSpec) *ScheduleSpec {
	if scheduleSpec == nil {
		return nil
	}
	intervals := make([]ScheduleIntervalSpec, len(scheduleSpec.GetInterval()))
	for i, s := range scheduleSpec.GetInterval() {
		intervals[i] = ScheduleIntervalSpec{Every: s.Interval.AsDuration(), Offset: s.Phase.AsDuration()}
	}
	var startAt, endAt time.Time
	if scheduleSpec.GetStartTime() != nil {
		startAt = scheduleSpec.GetStartTime().AsTime()
	}
	if scheduleSpec.GetEndTime() != nil {
		endAt = scheduleSpec.GetEndTime().AsTime()
	}
	return &ScheduleSpec{
		Calendars:    convertFromPBScheduleCalendarSpecList(scheduleSpec.GetStructuredCalendar()),
		Intervals:    intervals,
		Skip:         convertFromPBScheduleCalendarSpecList(scheduleSpec.GetExcludeStructuredCalendar()),
		StartAt:      startAt,
		EndAt:        endAt,
		Jitter:       scheduleSpec.GetJitter().AsDuration(),
		TimeZoneName: scheduleSpec.GetTimezoneName(),
	}
}

func scheduleDescriptionFromPB(describeResponse *workflowservice.DescribeScheduleResponse) (*ScheduleDescription, error) {
	if describeResponse.GetSchedule() == nil {
		return nil, missingOutput("schedule description")
	}
	info := describeResponse.GetInfo()
	runningWorkflows := make([]ScheduleWorkflowExecution, len(info.GetRunningWorkflows()))
	for i, s := range info.GetRunningWorkflows() {
		runningWorkflows[i] = ScheduleWorkflowExecution{WorkflowID: s.GetWorkflowId(), FirstExecutionRunID: s.GetRunId()}
	}
	nextActionTimes := make([]time.Time, len(info.GetFutureActionTimes()))
	for i, t := range info.GetFutureActionTimes() {
		nextActionTimes[i] = t.AsTime()
	}
	schedule := describeResponse.Schedule
	actionDescription, err := convertFromPBScheduleAction(schedule.Action)
	if err != nil {
		return nil, err
	}
	return &ScheduleDescription{
		Schedule: Schedule{
			Action: actionDescription,
			Spec:   convertFromPBScheduleSpec(schedule.Spec),
			Policy: &SchedulePolicies{
				Overlap:        schedule.Policies.GetOverlapPolicy(),
				CatchupWindow:  schedule.Policies.GetCatchupWindow().AsDuration(),
				PauseOnFailure: schedule.Policies.GetPauseOnFailure(),
			},
			State: &ScheduleState{
				Note:             schedule.State.GetNotes(),
				Paused:           schedule.State.GetPaused(),
				LimitedActions:   schedule.State.GetLimitedActions(),
				RemainingActions: int(schedule.State.GetRemainingActions()),
			},
		},
		Info: ScheduleInfo{
			NumActions:                    int(info.GetActionCount()),
			NumActionsMissedCatchupWindow: int(info.GetMissedCatchupWindow()),
			NumActionsSkippedOverlap:      int(info.GetOverlapSkipped()),
			RunningWorkflows:              runningWorkflows,
			RecentActions:                 convertFromPBScheduleActionResultList(info.GetRecentActions()),
			NextActionTimes:               nextActionTimes,
			CreatedAt:                     info.GetCreateTime().AsTime(),
			LastUpdateAt:                  info.GetUpdateTime().AsTime(),
		},
		Memo:             describeResponse.Memo,
		SearchAttributes: describeResponse.SearchAttributes,
	}, nil
}

func convertFromPBScheduleListEntry(schedule *schedulepb.ScheduleListEntry) *ScheduleListEntry {
	scheduleInfo := schedule.GetInfo()
	nextActionTimes := make([]time.Time, len(scheduleInfo.GetFutureActionTimes()))
	for i, t := range scheduleInfo.GetFutureActionTimes() {
		nextActionTimes[i] = t.AsTime()
	}
	return &ScheduleListEntry{
		ID:               schedule.GetScheduleId(),
		Spec:             convertFromPBScheduleSpec(scheduleInfo.GetSpec()),
		Note:             scheduleInfo.GetNotes(),
		Paused:           scheduleInfo.GetPaused(),
		WorkflowType:     WorkflowType{Name: scheduleInfo.GetWorkflowType().GetName()},
		RecentActions:    convertFromPBScheduleActionResultList(scheduleInfo.GetRecentActions()),
		NextActionTimes:  nextActionTimes,
		Memo:             schedule.GetMemo(),
		SearchAttributes: schedule.GetSearchAttributes(),
	}
}

func convertToPBScheduleAction(scheduleAction ScheduleAction) (*schedulepb.ScheduleAction, error) {
	action, ok := scheduleAction.(*ScheduleWorkflowAction)
	if !ok || action == nil {
		return nil, errors.New("could not parse ScheduleAction")
	}
	id := action.ID
	if id == "" {
		id = uuid.NewString()
	}
	workflowType, err := workflowName(action.Workflow)
	if err != nil {
		return nil, err
	}
	input, err := encodeScheduleWorkflowArgs(action.Args)
	if err != nil {
		return nil, err
	}
	memo, err := encodeScheduleWorkflowMemo(action.Memo)
	if err != nil {
		return nil, err
	}
	var searchAttrs *commonpb.SearchAttributes
	if len(action.UntypedSearchAttributes) > 0 {
		searchAttrs = &commonpb.SearchAttributes{IndexedFields: map[string]*commonpb.Payload{}}
		for k, v := range action.UntypedSearchAttributes {
			searchAttrs.IndexedFields[k] = v
		}
	}
	userMetadata, err := buildUserMetadata(action.StaticSummary, action.StaticDetails)
	if err != nil {
		return nil, err
	}
	return &schedulepb.ScheduleAction{
		Action: &schedulepb.ScheduleAction_StartWorkflow{
			StartWorkflow: &workflowpb.NewWorkflowExecutionInfo{
				WorkflowId:               id,
				WorkflowType:             &commonpb.WorkflowType{Name: workflowType},
				TaskQueue:                &taskqueuepb.TaskQueue{Name: action.TaskQueue, Kind: enumspb.TASK_QUEUE_KIND_NORMAL},
				Input:                    input,
				WorkflowExecutionTimeout: durationpb.New(action.WorkflowExecutionTimeout),
				WorkflowRunTimeout:       durationpb.New(action.WorkflowRunTimeout),
				WorkflowTaskTimeout:      durationpb.New(action.WorkflowTaskTimeout),
				RetryPolicy:              convertToPBRetryPolicy(action.RetryPolicy),
				Memo:                     memo,
				SearchAttributes:         searchAttrs,
				UserMetadata:             userMetadata,
				Priority:                 convertToPBPriority(action.Priority),
			},
		},
	}, nil
}

func convertFromPBScheduleAction(action *schedulepb.ScheduleAction) (ScheduleAction, error) {
	start, ok := action.GetAction().(*schedulepb.ScheduleAction_StartWorkflow)
	if !ok {
		return nil, errors.New("could not parse ScheduleAction")
	}
	workflow := start.StartWorkflow
	args := make([]any, len(workflow.GetInput().GetPayloads()))
	for i, p := range workflow.GetInput().GetPayloads() {
		args[i] = p
	}
	memos := make(map[string]any)
	for key, element := range workflow.GetMemo().GetFields() {
		memos[key] = element
	}
	untypedSearchAttrs := map[string]*commonpb.Payload{}
	for k, v := range workflow.GetSearchAttributes().GetIndexedFields() {
		untypedSearchAttrs[k] = v
	}
	var summary, details string
	dc := converter.GetDefaultDataConverter()
	if p := workflow.GetUserMetadata().GetSummary(); p != nil {
		if err := dc.FromPayload(p, &summary); err != nil {
			return nil, fmt.Errorf("could not decode user metadata summary: %w", err)
		}
	}
	if p := workflow.GetUserMetadata().GetDetails(); p != nil {
		if err := dc.FromPayload(p, &details); err != nil {
			return nil, fmt.Errorf("could not decode user metadata details: %w", err)
		}
	}
	return &ScheduleWorkflowAction{
		ID:                       workflow.GetWorkflowId(),
		Workflow:                 workflow.GetWorkflowType().GetName(),
		Args:                     args,
		TaskQueue:                workflow.GetTaskQueue().GetName(),
		WorkflowExecutionTimeout: workflow.GetWorkflowExecutionTimeout().AsDuration(),
		WorkflowRunTimeout:       workflow.GetWorkflowRunTimeout().AsDuration(),
		WorkflowTaskTimeout:      workflow.GetWorkflowTaskTimeout().AsDuration(),
		RetryPolicy:              convertFromPBRetryPolicy(workflow.GetRetryPolicy()),
		Memo:                     memos,
		UntypedSearchAttributes:  untypedSearchAttrs,
		StaticSummary:            summary,
		StaticDetails:            details,
		Priority:                 convertFromPBPriority(workflow.GetPriority()),
	}, nil
}

func convertToPBRetryPolicy(retryPolicy *RetryPolicy) *commonpb.RetryPolicy {
	if retryPolicy == nil {
		return nil
	}
	return &commonpb.RetryPolicy{
		MaximumInterval:        durationpb.New(retryPolicy.MaximumInterval),
		InitialInterval:        durationpb.New(retryPolicy.InitialInterval),
		BackoffCoefficient:     retryPolicy.BackoffCoefficient,
		MaximumAttempts:        retryPolicy.MaximumAttempts,
		NonRetryableErrorTypes: retryPolicy.NonRetryableErrorTypes,
	}
}

func convertFromPBRetryPolicy(retryPolicy *commonpb.RetryPolicy) *RetryPolicy {
	if retryPolicy == nil {
		return nil
	}
	return &RetryPolicy{
		BackoffCoefficient:     retryPolicy.BackoffCoefficient,
		MaximumAttempts:        retryPolicy.MaximumAttempts,
		NonRetryableErrorTypes: retryPolicy.NonRetryableErrorTypes,
		MaximumInterval:        retryPolicy.MaximumInterval.AsDuration(),
		InitialInterval:        retryPolicy.InitialInterval.AsDuration(),
	}
}

func convertToPBPriority(priority temporal.Priority) *commonpb.Priority {
	// The default priority is not sent.
	if priority == (temporal.Priority{}) {
		return nil
	}
	return &commonpb.Priority{
		PriorityKey:    int32(priority.PriorityKey),
		FairnessKey:    priority.FairnessKey,
		FairnessWeight: priority.FairnessWeight,
	}
}

func convertFromPBPriority(priority *commonpb.Priority) temporal.Priority {
	if priority == nil {
		return temporal.Priority{}
	}
	return temporal.Priority{
		PriorityKey:    int(priority.PriorityKey),
		FairnessKey:    priority.FairnessKey,
		FairnessWeight: priority.FairnessWeight,
	}
}

// buildUserMetadata is the Go SDK's BuildUserMetadata: the summary and details as json/plain
// string payloads, nil when both are empty.
func buildUserMetadata(summary, details string) (*sdkpb.UserMetadata, error) {
	if summary == "" && details == "" {
		return nil, nil
	}
	dc := converter.GetDefaultDataConverter()
	ret := &sdkpb.UserMetadata{}
	var err error
	if summary != "" {
		if ret.Summary, err = dc.ToPayload(summary); err != nil {
			return nil, fmt.Errorf("failed converting summary to payload: %w", err)
		}
	}
	if details != "" {
		if ret.Details, err = dc.ToPayload(details); err != nil {
			return nil, fmt.Errorf("failed converting details to payload: %w", err)
		}
	}
	return ret, nil
}

func convertToPBRangeList(scheduleRange []ScheduleRange) []*schedulepb.Range {
	rangesPB := make([]*schedulepb.Range, len(scheduleRange))
	for i, r := range scheduleRange {
		rangesPB[i] = &schedulepb.Range{Start: int32(r.Start), End: int32(r.End), Step: int32(r.Step)}
	}
	return rangesPB
}

func convertFromPBRangeList(scheduleRangePB []*schedulepb.Range) []ScheduleRange {
	scheduleRange := make([]ScheduleRange, len(scheduleRangePB))
	for i, r := range scheduleRangePB {
		if r == nil {
			continue
		}
		scheduleRange[i] = ScheduleRange{Start: int(r.Start), End: int(r.End), Step: int(r.Step)}
	}
	return scheduleRange
}

func convertFromPBScheduleCalendarSpecList(calendarSpecPB []*schedulepb.StructuredCalendarSpec) []ScheduleCalendarSpec {
	calendarSpec := make([]ScheduleCalendarSpec, len(calendarSpecPB))
	for i, e := range calendarSpecPB {
		calendarSpec[i] = ScheduleCalendarSpec{
			Second:     convertFromPBRangeList(e.Second),
			Minute:     convertFromPBRangeList(e.Minute),
			Hour:       convertFromPBRangeList(e.Hour),
			DayOfMonth: convertFromPBRangeList(e.DayOfMonth),
			Month:      convertFromPBRangeList(e.Month),
			Year:       convertFromPBRangeList(e.Year),
			DayOfWeek:  convertFromPBRangeList(e.DayOfWeek),
			Comment:    e.Comment,
		}
	}
	return calendarSpec
}

// applyScheduleCalendarSpecDefault is the Go SDK's: a nil field matches what its documentation
// says (0 for the time fields, everything for the day and month fields).
func applyScheduleCalendarSpecDefault(calendarSpec *ScheduleCalendarSpec) {
	if calendarSpec.Second == nil {
		calendarSpec.Second = []ScheduleRange{{Start: 0}}
	}
	if calendarSpec.Minute == nil {
		calendarSpec.Minute = []ScheduleRange{{Start: 0}}
	}
	if calendarSpec.Hour == nil {
		calendarSpec.Hour = []ScheduleRange{{Start: 0}}
	}
	if calendarSpec.DayOfMonth == nil {
		calendarSpec.DayOfMonth = []ScheduleRange{{Start: 1, End: 31}}
	}
	if calendarSpec.Month == nil {
		calendarSpec.Month = []ScheduleRange{{Start: 1, End: 12}}
	}
	if calendarSpec.DayOfWeek == nil {
		calendarSpec.DayOfWeek = []ScheduleRange{{Start: 0, End: 6}}
	}
}

func convertToPBScheduleCalendarSpecList(calendarSpec []ScheduleCalendarSpec) []*schedulepb.StructuredCalendarSpec {
	calendarSpecPB := make([]*schedulepb.StructuredCalendarSpec, len(calendarSpec))
	for i, e := range calendarSpec {
		applyScheduleCalendarSpecDefault(&e)
		calendarSpecPB[i] = &schedulepb.StructuredCalendarSpec{
			Second:     convertToPBRangeList(e.Second),
			Minute:     convertToPBRangeList(e.Minute),
			Hour:       convertToPBRangeList(e.Hour),
			DayOfMonth: convertToPBRangeList(e.DayOfMonth),
			Month:      convertToPBRangeList(e.Month),
			Year:       convertToPBRangeList(e.Year),
			DayOfWeek:  convertToPBRangeList(e.DayOfWeek),
			Comment:    e.Comment,
		}
	}
	return calendarSpecPB
}

func convertFromPBScheduleActionResultList(aa []*schedulepb.ScheduleActionResult) []ScheduleActionResult {
	recentActions := make([]ScheduleActionResult, len(aa))
	for i, a := range aa {
		var workflowExecution *ScheduleWorkflowExecution
		if a.GetStartWorkflowResult() != nil {
			workflowExecution = &ScheduleWorkflowExecution{
				WorkflowID:          a.GetStartWorkflowResult().GetWorkflowId(),
				FirstExecutionRunID: a.GetStartWorkflowResult().GetRunId(),
			}
		}
		recentActions[i] = ScheduleActionResult{
			ScheduleTime:        a.GetScheduleTime().AsTime(),
			ActualTime:          a.GetActualTime().AsTime(),
			StartWorkflowResult: workflowExecution,
		}
	}
	return recentActions
}

// encodeScheduleWorkflowArgs encodes the arguments as ExecuteWorkflow does (one payload each:
// json/plain, nil as binary/null), keeping a *commonpb.Payload as it is.
func encodeScheduleWorkflowArgs(args []any) (*commonpb.Payloads, error) {
	dc := converter.GetDefaultDataConverter()
	payloads := make([]*commonpb.Payload, len(args))
	for i, arg := range args {
		if enc, ok := arg.(*commonpb.Payload); ok {
			payloads[i] = enc
			continue
		}
		payload, err := dc.ToPayload(arg)
		if err != nil {
			return nil, fmt.Errorf("temporal-ffi: encoding workflow argument %d: %w", i, err)
		}
		payloads[i] = payload
	}
	return &commonpb.Payloads{Payloads: payloads}, nil
}

// encodeScheduleWorkflowMemo encodes the memo as ExecuteWorkflow does, keeping a
// *commonpb.Payload as it is; nil for a nil map.
func encodeScheduleWorkflowMemo(input map[string]any) (*commonpb.Memo, error) {
	if input == nil {
		return nil, nil
	}
	dc := converter.GetDefaultDataConverter()
	memo := make(map[string]*commonpb.Payload, len(input))
	for k, v := range input {
		if enc, ok := v.(*commonpb.Payload); ok {
			memo[k] = enc
			continue
		}
		payload, err := dc.ToPayload(v)
		if err != nil {
			return nil, fmt.Errorf("encode workflow memo error: %v", err.Error())
		}
		memo[k] = payload
	}
	return &commonpb.Memo{Fields: memo}, nil
}
