package client

/*
#include "temporal.h"
*/
import "C"

import "github.com/temporal-ffi/temporal-ffi/bindings/go/worker"

const (
	versioningOverridePinned      = C.TEMPORAL_VERSIONING_OVERRIDE_PINNED
	versioningOverrideAutoUpgrade = C.TEMPORAL_VERSIONING_OVERRIDE_AUTO_UPGRADE
)

// VersioningOverride is the Go SDK's client.VersioningOverride (StartWorkflowOptions'): it
// sets the versioning behaviour of one workflow execution, over the one its worker declares.
// The implementations are *PinnedVersioningOverride and *AutoUpgradeVersioningOverride (the Go
// SDK's OneTimeVersioningOverride has no counterpart in the C ABI yet).
//
// NOTE: Experimental in the Go SDK.
type VersioningOverride interface {
	// versioningBehavior keeps the interface closed, as in the Go SDK.
	versioningBehavior() int32
}

// PinnedVersioningOverride means the workflow will be pinned to a specific deployment
// version (both DeploymentName and BuildID are required).
type PinnedVersioningOverride struct {
	Version worker.WorkerDeploymentVersion
}

// AutoUpgradeVersioningOverride means the workflow will auto-upgrade to the current
// deployment version on the next workflow task.
type AutoUpgradeVersioningOverride struct{}

func (*PinnedVersioningOverride) versioningBehavior() int32 { return versioningOverridePinned }

func (*AutoUpgradeVersioningOverride) versioningBehavior() int32 {
	return versioningOverrideAutoUpgrade
}
