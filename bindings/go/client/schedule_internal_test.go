package client

import (
	"testing"
	"time"

	commonpb "go.temporal.io/api/common/v1"
	enumspb "go.temporal.io/api/enums/v1"
	schedulepb "go.temporal.io/api/schedule/v1"
	sdkpb "go.temporal.io/api/sdk/v1"
	taskqueuepb "go.temporal.io/api/taskqueue/v1"
	workflowpb "go.temporal.io/api/workflow/v1"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/durationpb"
	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/temporal-ffi/temporal-ffi/bindings/go/temporal"
)

// The schedule proto the binding builds is the one the Go SDK v1.51 builds for the same
// options (written out here from its internal_schedule_client.go).

func jsonPayload(text string) *commonpb.Payload {
	return &commonpb.Payload{Metadata: map[string][]byte{"encoding": []byte("json/plain")}, Data: []byte(text)}
}

func TestScheduleSpecProtoIsTheGoSDKs(t *testing.T) {
	start := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	got := convertToPBScheduleSpec(&ScheduleSpec{
		Calendars:       []ScheduleCalendarSpec{{Hour: []ScheduleRange{{Start: 9, End: 17, Step: 2}}, Comment: "c"}},
		Intervals:       []ScheduleIntervalSpec{{Every: time.Hour}},
		CronExpressions: []string{"@daily"},
		Skip:            []ScheduleCalendarSpec{{Year: []ScheduleRange{{Start: 2031}}}},
		StartAt:         start,
		TimeZoneName:    "Europe/Berlin",
	})
	defaults := func(hour []*schedulepb.Range, year []*schedulepb.Range, comment string) *schedulepb.StructuredCalendarSpec {
		return &schedulepb.StructuredCalendarSpec{
			Second: []*schedulepb.Range{{}}, Minute: []*schedulepb.Range{{}}, Hour: hour,
			DayOfMonth: []*schedulepb.Range{{Start: 1, End: 31}}, Month: []*schedulepb.Range{{Start: 1, End: 12}},
			Year: year, DayOfWeek: []*schedulepb.Range{{Start: 0, End: 6}}, Comment: comment,
		}
	}
	want := &schedulepb.ScheduleSpec{
		StructuredCalendar:        []*schedulepb.StructuredCalendarSpec{defaults([]*schedulepb.Range{{Start: 9, End: 17, Step: 2}}, []*schedulepb.Range{}, "c")},
		Interval:                  []*schedulepb.IntervalSpec{{Interval: durationpb.New(time.Hour), Phase: durationpb.New(0)}},
		CronString:                []string{"@daily"},
		ExcludeStructuredCalendar: []*schedulepb.StructuredCalendarSpec{defaults([]*schedulepb.Range{{}}, []*schedulepb.Range{{Start: 2031}}, "")},
		StartTime:                 timestamppb.New(start),
		Jitter:                    durationpb.New(0),
		TimezoneName:              "Europe/Berlin",
	}
	if !proto.Equal(got, want) {
		t.Fatalf("spec proto\n got %v\nwant %v", got, want)
	}
}

func TestScheduleActionProtoIsTheGoSDKsAndRoundTrips(t *testing.T) {
	raw := jsonPayload(`"as is"`)
	action := &ScheduleWorkflowAction{
		ID: "wf", Workflow: "GreetingWorkflow", Args: []any{"x", nil, raw}, TaskQueue: "q",
		WorkflowExecutionTimeout: time.Minute,
		RetryPolicy:              &RetryPolicy{MaximumAttempts: 3},
		Memo:                     map[string]any{"k": 1},
		UntypedSearchAttributes:  map[string]*commonpb.Payload{"CustomKeywordField": jsonPayload(`"v"`)},
		StaticSummary:            "s",
		Priority:                 temporal.Priority{PriorityKey: 1},
	}
	got, err := convertToPBScheduleAction(action)
	if err != nil {
		t.Fatal(err)
	}
	want := &schedulepb.ScheduleAction{Action: &schedulepb.ScheduleAction_StartWorkflow{StartWorkflow: &workflowpb.NewWorkflowExecutionInfo{
		WorkflowId:   "wf",
		WorkflowType: &commonpb.WorkflowType{Name: "GreetingWorkflow"},
		TaskQueue:    &taskqueuepb.TaskQueue{Name: "q", Kind: enumspb.TASK_QUEUE_KIND_NORMAL},
		Input: &commonpb.Payloads{Payloads: []*commonpb.Payload{
			jsonPayload(`"x"`), {Metadata: map[string][]byte{"encoding": []byte("binary/null")}}, raw,
		}},
		WorkflowExecutionTimeout: durationpb.New(time.Minute),
		WorkflowRunTimeout:       durationpb.New(0),
		WorkflowTaskTimeout:      durationpb.New(0),
		RetryPolicy:              &commonpb.RetryPolicy{MaximumAttempts: 3, InitialInterval: durationpb.New(0), MaximumInterval: durationpb.New(0)},
		Memo:                     &commonpb.Memo{Fields: map[string]*commonpb.Payload{"k": jsonPayload("1")}},
		SearchAttributes:         &commonpb.SearchAttributes{IndexedFields: map[string]*commonpb.Payload{"CustomKeywordField": jsonPayload(`"v"`)}},
		UserMetadata:             &sdkpb.UserMetadata{Summary: jsonPayload(`"s"`)},
		Priority:                 &commonpb.Priority{PriorityKey: 1},
	}}}
	if !proto.Equal(got, want) {
		t.Fatalf("action proto\n got %v\nwant %v", got, want)
	}

	// What Describe makes of it is sent back unchanged by Update.
	back, err := convertFromPBScheduleAction(got)
	if err != nil {
		t.Fatal(err)
	}
	again, err := convertToPBScheduleAction(back)
	if err != nil {
		t.Fatal(err)
	}
	if !proto.Equal(again, got) {
		t.Fatalf("round trip\n got %v\nwant %v", again, got)
	}
	if a := back.(*ScheduleWorkflowAction); a.StaticSummary != "s" || a.Priority != action.Priority || a.RetryPolicy.MaximumAttempts != 3 {
		t.Fatalf("described action %+v", a)
	}

	// No ID: a UUID, as the Go SDK; the caller's action is not changed.
	noID := *action
	noID.ID = ""
	p, err := convertToPBScheduleAction(&noID)
	if err != nil || len(p.GetStartWorkflow().GetWorkflowId()) != 36 || noID.ID != "" {
		t.Fatalf("action without ID: %v, %v", p.GetStartWorkflow().GetWorkflowId(), err)
	}
	if _, err := convertToPBScheduleAction(nil); err == nil {
		t.Fatal("a nil action was converted")
	}
}
