// Package temporal holds the types of the Go SDK's go.temporal.io/sdk/temporal package that
// this binding's client options use, with the same names and fields.
package temporal

// Priority is the Go SDK's temporal.Priority: how the task queue orders a workflow's tasks.
// The zero value is the default priority.
type Priority struct {
	// PriorityKey is 1 (highest) to the server's maximum (5 by default); 0 is the default,
	// the middle priority.
	PriorityKey int
	// FairnessKey balances dispatch between keys of one task queue (a tenant ID, say) in
	// proportion to their FairnessWeight; "" is none.
	FairnessKey string
	// FairnessWeight is the key's weight; 0 is the default, 1.0.
	FairnessWeight float32
}
