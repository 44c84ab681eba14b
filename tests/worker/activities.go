package main

import (
	"context"
	"fmt"
)

// ComposeGreeting is the activity of the hello-world template.
func ComposeGreeting(ctx context.Context, name string) (string, error) {
	return fmt.Sprintf("Hello %s!", name), nil
}

// Withdraw pretends to take money out of data.FromAccount; it always
// succeeds and returns "<ReferenceID>-withdrawal" as the transaction ID.
func Withdraw(ctx context.Context, data TransferDetails) (string, error) {
	return fmt.Sprintf("%s-withdrawal", data.ReferenceID), nil
}

// Deposit pretends to put money into data.ToAccount; it always succeeds and
// returns "<ReferenceID>-deposit" as the transaction ID.
func Deposit(ctx context.Context, data TransferDetails) (string, error) {
	return fmt.Sprintf("%s-deposit", data.ReferenceID), nil
}
