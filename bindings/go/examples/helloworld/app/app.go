// Package app holds what the hello-world starter needs from the hello-world project
// template: the task queue name and the workflow function, used only for its name (the
// workflow itself runs in a Go SDK worker: tests/worker).
package app

import "context"

// GreetingTaskQueue is the task queue the worker polls.
const GreetingTaskQueue = "GREETING_TASK_QUEUE"

// Context stands in for go.temporal.io/sdk/workflow.Context so that this package needs no
// SDK import; GreetingWorkflow is never called here.
type Context = context.Context

// GreetingWorkflow has the template's signature; only its name ("GreetingWorkflow") is
// used by ExecuteWorkflow.
func GreetingWorkflow(ctx Context, name string) (string, error) {
	panic("GreetingWorkflow runs in a Temporal worker, not in this process")
}
