package client_test

import (
	"context"
	"log"
	"time"

	enumspb "go.temporal.io/api/enums/v1"

	"github.com/temporal-ffi/temporal-ffi/bindings/go/client"
	"github.com/temporal-ffi/temporal-ffi/bindings/go/temporal"
)

// A Go SDK program's schedule code (the shape of the Go SDK samples' schedule starter): only
// the imports of go.temporal.io/sdk/client and go.temporal.io/sdk/temporal change. Compiled,
// not run (no Output).
func ExampleScheduleClient() {
	ctx := context.Background()
	c, err := client.Dial(client.Options{})
	if err != nil {
		log.Fatalln("Unable to create client", err)
	}
	defer c.Close()

	scheduleHandle, err := c.ScheduleClient().Create(ctx, client.ScheduleOptions{
		ID: "schedule_id",
		Spec: client.ScheduleSpec{
			Intervals: []client.ScheduleIntervalSpec{{Every: time.Hour}},
		},
		Overlap: enumspb.SCHEDULE_OVERLAP_POLICY_SKIP,
		Action: &client.ScheduleWorkflowAction{
			ID:          "schedule_workflow_id",
			Workflow:    "GreetingWorkflow",
			Args:        []any{"World"},
			TaskQueue:   "GREETING_TASK_QUEUE",
			RetryPolicy: &temporal.RetryPolicy{MaximumAttempts: 3},
		},
	})
	if err == temporal.ErrScheduleAlreadyRunning {
		scheduleHandle = c.ScheduleClient().GetHandle(ctx, "schedule_id")
	} else if err != nil {
		log.Fatalln("Unable to create schedule", err)
	}
	defer func() { _ = scheduleHandle.Delete(ctx) }()

	err = scheduleHandle.Update(ctx, client.ScheduleUpdateOptions{
		DoUpdate: func(schedule client.ScheduleUpdateInput) (*client.ScheduleUpdate, error) {
			schedule.Description.Schedule.Spec = &client.ScheduleSpec{CronExpressions: []string{"0 12 * * MON-FRI"}}
			schedule.Description.Schedule.State.Paused = true
			return &client.ScheduleUpdate{Schedule: &schedule.Description.Schedule}, nil
		},
	})
	if err != nil {
		log.Fatalln("Unable to update schedule", err)
	}
	_ = scheduleHandle.Trigger(ctx, client.ScheduleTriggerOptions{Overlap: enumspb.SCHEDULE_OVERLAP_POLICY_ALLOW_ALL})
	description, err := scheduleHandle.Describe(ctx)
	if err != nil {
		log.Fatalln("Unable to describe schedule", err)
	}
	log.Println("Actions taken:", description.Info.NumActions)

	iter, err := c.ScheduleClient().List(ctx, client.ScheduleListOptions{PageSize: 10})
	if err != nil {
		log.Fatalln("Unable to list schedules", err)
	}
	for iter.HasNext() {
		entry, err := iter.Next()
		if err != nil {
			log.Fatalln("Unable to list schedules", err)
		}
		log.Println(entry.ID, entry.WorkflowType.Name, entry.Paused)
	}
}
