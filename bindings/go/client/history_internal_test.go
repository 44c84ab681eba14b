package client

import (
	"errors"
	"testing"

	commonpb "go.temporal.io/api/common/v1"
	enumspb "go.temporal.io/api/enums/v1"
	historypb "go.temporal.io/api/history/v1"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
)

// A history page sent as raw batches (a frontend with sendRawWorkflowHistory, which the dev
// server of the integration tests does not enable) decodes as the Go SDK decodes it.
func TestRawHistoryEvents(t *testing.T) {
	event := func(id int64, eventType enumspb.EventType) *historypb.HistoryEvent {
		return &historypb.HistoryEvent{EventId: id, EventType: eventType}
	}
	first, _ := proto.Marshal(&historypb.History{Events: []*historypb.HistoryEvent{
		event(1, enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED), event(2, enumspb.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED)}})
	second, _ := protojson.Marshal(&historypb.History{Events: []*historypb.HistoryEvent{event(3, enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED)}})
	batches := []*commonpb.DataBlob{
		{EncodingType: enumspb.ENCODING_TYPE_PROTO3, Data: first},
		{EncodingType: enumspb.ENCODING_TYPE_JSON, Data: second},
	}
	all, err := rawHistoryEvents(batches, enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
	if err != nil || len(all.GetEvents()) != 3 || all.GetEvents()[2].GetEventId() != 3 {
		t.Fatalf("all events = %v, %v", all, err)
	}
	closing, err := rawHistoryEvents(batches, enumspb.HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT)
	if err != nil || len(closing.GetEvents()) != 1 || closing.GetEvents()[0].GetEventType() != enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED {
		t.Fatalf("close event = %v, %v", closing, err)
	}
	for name, bad := range map[string]*commonpb.DataBlob{
		"empty":    {EncodingType: enumspb.ENCODING_TYPE_PROTO3},
		"encoding": {EncodingType: enumspb.ENCODING_TYPE_UNSPECIFIED, Data: first},
		"garbage":  {EncodingType: enumspb.ENCODING_TYPE_PROTO3, Data: []byte{0xff, 0xff}},
	} {
		if _, err := rawHistoryEvents([]*commonpb.DataBlob{bad}, enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT); !errors.Is(err, ErrInternal) {
			t.Errorf("%s batch: %v, want ErrInternal", name, err)
		}
	}
}
