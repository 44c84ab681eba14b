package main

import (
	"errors"
	"fmt"
	"time"

	commonpb "go.temporal.io/api/common/v1"
	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// TransferDetails is the input of TransferMoney (money-transfer template).
// The fields have no json tags, so their JSON keys are the Go field names.
type TransferDetails struct {
	Amount      float32
	FromAccount string
	ToAccount   string
	ReferenceID string
}

func activityCtx(ctx workflow.Context) workflow.Context {
	return workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: 10 * time.Second,
	})
}

// GreetingWorkflow runs ComposeGreeting(name) and returns "Hello <name>!".
func GreetingWorkflow(ctx workflow.Context, name string) (string, error) {
	var result string
	err := workflow.ExecuteActivity(activityCtx(ctx), ComposeGreeting, name).Get(ctx, &result)
	return result, err
}

// TransferMoney runs Withdraw then Deposit and reports both transaction IDs.
func TransferMoney(ctx workflow.Context, input TransferDetails) (string, error) {
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: 10 * time.Second,
		RetryPolicy: &temporal.RetryPolicy{
			InitialInterval:    time.Second,
			BackoffCoefficient: 2.0,
			MaximumInterval:    time.Minute,
			MaximumAttempts:    5,
		},
	})
	var withdrawOutput string
	if err := workflow.ExecuteActivity(ctx, Withdraw, input).Get(ctx, &withdrawOutput); err != nil {
		return "", err
	}
	var depositOutput string
	if err := workflow.ExecuteActivity(ctx, Deposit, input).Get(ctx, &depositOutput); err != nil {
		return "", err
	}
	return fmt.Sprintf("Transfer complete (transaction IDs: %s, %s)", withdrawOutput, depositOutput), nil
}

// Echo returns its argument unchanged. A null argument (JSON null or
// binary/null) comes back as a binary/null payload. (Returning a plain nil
// interface would make the Go SDK complete the workflow with no result payload
// at all, which is what NoResult is for.)
func Echo(ctx workflow.Context, v interface{}) (interface{}, error) {
	if v == nil {
		return converter.NewRawValue(&commonpb.Payload{
			Metadata: map[string][]byte{"encoding": []byte("binary/null")},
		}), nil
	}
	return v, nil
}

// Concat proves that several typed arguments arrive: it returns them in a map
// under the keys "a", "b", "c" and "d".
func Concat(ctx workflow.Context, a string, b int, c bool, d map[string]interface{}) (map[string]interface{}, error) {
	return map[string]interface{}{"a": a, "b": b, "c": c, "d": d}, nil
}

// Fail fails the workflow with an ApplicationError of type errType whose
// cause is a plain error "root cause: <message>" and whose details are one
// object {"detail": "some detail", "n": 42}.
func Fail(ctx workflow.Context, message string, errType string, nonRetryable bool) error {
	return temporal.NewApplicationErrorWithOptions(message, errType, temporal.ApplicationErrorOptions{
		NonRetryable: nonRetryable,
		Cause:        errors.New("root cause: " + message),
		Details:      []interface{}{map[string]interface{}{"detail": "some detail", "n": 42}},
	})
}

// Sleep sleeps (on a workflow timer) for millis milliseconds and returns
// "slept".
func Sleep(ctx workflow.Context, millis int) (string, error) {
	if err := workflow.Sleep(ctx, time.Duration(millis)*time.Millisecond); err != nil {
		return "", err
	}
	return "slept", nil
}

// Block waits for a string on signal channel "unblock" and returns
// "unblocked: <value>". If the workflow is canceled first it returns the
// context's error, so the execution ends as CANCELED.
func Block(ctx workflow.Context) (string, error) {
	var value string
	ch := workflow.GetSignalChannel(ctx, "unblock")
	sel := workflow.NewSelector(ctx)
	received := false
	sel.AddReceive(ch, func(c workflow.ReceiveChannel, more bool) {
		c.Receive(ctx, &value)
		received = true
	})
	sel.AddReceive(ctx.Done(), func(c workflow.ReceiveChannel, more bool) {})
	sel.Select(ctx)
	if !received {
		return "", ctx.Err()
	}
	return "unblocked: " + value, nil
}

// ContinueAsNew continues as new n times, adding one to total each time, and
// finally returns total; so ContinueAsNew(3, 0) returns 3.
func ContinueAsNew(ctx workflow.Context, n int, total int) (int, error) {
	if n > 0 {
		return 0, workflow.NewContinueAsNewError(ctx, ContinueAsNew, n-1, total+1)
	}
	return total, nil
}

// FailFirstAttempt fails with a retryable ApplicationError of type "Flaky" on
// its first attempt and succeeds on any later one. Start it with a workflow
// retry policy.
func FailFirstAttempt(ctx workflow.Context) (string, error) {
	attempt := workflow.GetInfo(ctx).Attempt
	if attempt == 1 {
		return "", temporal.NewApplicationError("first attempt fails", "Flaky")
	}
	return fmt.Sprintf("succeeded on attempt %d", attempt), nil
}

// NoResult completes without a result payload.
func NoResult(ctx workflow.Context) error {
	return nil
}

// ReturnBytes returns []byte("raw bytes"), which the SDK encodes as a
// binary/plain payload.
func ReturnBytes(ctx workflow.Context) ([]byte, error) {
	return []byte("raw bytes"), nil
}

// CustomEncoding returns a payload with metadata encoding "binary/custom" and
// data "xyz", which no standard converter understands.
func CustomEncoding(ctx workflow.Context) (converter.RawValue, error) {
	return converter.NewRawValue(&commonpb.Payload{
		Metadata: map[string][]byte{"encoding": []byte("binary/custom")},
		Data:     []byte("xyz"),
	}), nil
}

// GetMemoAndSearchInfo reports what the workflow was started with: its memo
// (each field decoded), search attributes (each indexed field decoded), cron
// schedule, attempt, task queue and workflow type.
func GetMemoAndSearchInfo(ctx workflow.Context) (map[string]interface{}, error) {
	info := workflow.GetInfo(ctx)
	dc := converter.GetDefaultDataConverter()

	memo := map[string]interface{}{}
	if info.Memo != nil {
		for k, p := range info.Memo.GetFields() {
			var v interface{}
			if err := dc.FromPayload(p, &v); err != nil {
				v = fmt.Sprintf("<undecodable: %v>", err)
			}
			memo[k] = v
		}
	}

	searchAttributes := map[string]interface{}{}
	if info.SearchAttributes != nil {
		for k, p := range info.SearchAttributes.GetIndexedFields() {
			var v interface{}
			if err := dc.FromPayload(p, &v); err != nil {
				v = fmt.Sprintf("<undecodable: %v>", err)
			}
			searchAttributes[k] = v
		}
	}

	return map[string]interface{}{
		"memo":             memo,
		"searchAttributes": searchAttributes,
		"cron":             info.CronSchedule,
		"attempt":          info.Attempt,
		"taskQueue":        info.TaskQueueName,
		"workflowType":     info.WorkflowType.Name,
	}, nil
}

// Counter keeps a running total for the client-surface tests: query "count" returns it,
// update "add" (n int) adds n and returns the new total (negative n is rejected by the
// validator; n == 13 fails in the handler), update "held" waits for signal "release", signal
// "done" ends the workflow with the total.
func Counter(ctx workflow.Context, start int) (int, error) {
	total := start
	if err := workflow.SetQueryHandler(ctx, "count", func() (int, error) { return total, nil }); err != nil {
		return 0, err
	}
	if err := workflow.SetQueryHandler(ctx, "fail", func() (int, error) {
		return 0, errors.New("query handler failed on purpose")
	}); err != nil {
		return 0, err
	}
	err := workflow.SetUpdateHandlerWithOptions(ctx, "add", func(ctx workflow.Context, n int) (int, error) {
		if n == 13 {
			return 0, temporal.NewApplicationError("unlucky number", "Unlucky")
		}
		total += n
		return total, nil
	}, workflow.UpdateHandlerOptions{Validator: func(ctx workflow.Context, n int) error {
		if n < 0 {
			return errors.New("n must not be negative")
		}
		return nil
	}})
	if err != nil {
		return 0, err
	}
	// Update "held" (no arguments) is accepted at once and completes with the total only once
	// signal "release" came: the update-handle tests tell ACCEPTED from COMPLETED with it.
	released := false
	workflow.Go(ctx, func(ctx workflow.Context) {
		workflow.GetSignalChannel(ctx, "release").Receive(ctx, nil)
		released = true
	})
	if err := workflow.SetUpdateHandler(ctx, "held", func(ctx workflow.Context) (int, error) {
		if err := workflow.Await(ctx, func() bool { return released }); err != nil {
			return 0, err
		}
		return total, nil
	}); err != nil {
		return 0, err
	}
	workflow.GetSignalChannel(ctx, "done").Receive(ctx, nil)
	// Let updates accepted before the signal finish.
	_ = workflow.Await(ctx, func() bool { return workflow.AllHandlersFinished(ctx) })
	return total, nil
}
