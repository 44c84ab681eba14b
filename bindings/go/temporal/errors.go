package temporal

import "errors"

// ErrNoData is the Go SDK's temporal.ErrNoData: there is no value to decode (for example
// WorkflowExecutionDescription.GetMemoValue of a key the memo does not have).
var ErrNoData = errors.New("no data available")

var (
	// ErrScheduleAlreadyRunning is returned by ScheduleClient.Create when a schedule (not
	// deleted) has the ID already: the Go SDK's temporal.ErrScheduleAlreadyRunning, which
	// Create returns itself (err == ErrScheduleAlreadyRunning holds, as errors.Is).
	ErrScheduleAlreadyRunning = errors.New("schedule with this ID is already registered")

	// ErrSkipScheduleUpdate is what a ScheduleUpdateOptions.DoUpdate returns to make
	// ScheduleHandle.Update change nothing (and return nil): the Go SDK's
	// temporal.ErrSkipScheduleUpdate.
	ErrSkipScheduleUpdate = errors.New("skip schedule update")
)
