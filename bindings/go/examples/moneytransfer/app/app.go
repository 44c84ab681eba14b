// Package app holds what the money-transfer starter needs from the money-transfer project
// template: the task queue name, the input type and the workflow function, used only for
// its name (the workflow itself runs in a Go SDK worker: tests/worker).
package app

import "context"

// TransferMoneyTaskQueue is the task queue the worker polls.
const TransferMoneyTaskQueue = "TRANSFER_MONEY_TASK_QUEUE"

// TransferDetails is the workflow's input. Without json tags its JSON keys are the field
// names, as the Go SDK's converter writes them.
type TransferDetails struct {
	Amount      float32
	FromAccount string
	ToAccount   string
	ReferenceID string
}

// Context stands in for go.temporal.io/sdk/workflow.Context so that this package needs no
// SDK import; TransferMoney is never called here.
type Context = context.Context

// TransferMoney has the template's signature; only its name ("TransferMoney") is used by
// ExecuteWorkflow.
func TransferMoney(ctx Context, transferDetails TransferDetails) (string, error) {
	panic("TransferMoney runs in a Temporal worker, not in this process")
}
