package temporal

import "time"

// RetryPolicy is the Go SDK's temporal.RetryPolicy: how the server retries a workflow that
// failed (client.StartWorkflowOptions.RetryPolicy, client.ScheduleWorkflowAction.RetryPolicy).
// Zero fields mean the server's default.
type RetryPolicy struct {
	// InitialInterval is the backoff before the first retry; 0: 1 s.
	InitialInterval time.Duration
	// BackoffCoefficient multiplies the interval after each retry; 0: 2.0.
	BackoffCoefficient float64
	// MaximumInterval caps the interval; 0: 100 x InitialInterval.
	MaximumInterval time.Duration
	// MaximumAttempts, the first included; 0: unlimited.
	MaximumAttempts int32
	// NonRetryableErrorTypes are the application error types that are not retried.
	NonRetryableErrorTypes []string
}
