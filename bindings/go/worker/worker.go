// Package worker holds the types of the Go SDK's go.temporal.io/sdk/worker package that this
// binding's client options use, with the same names and fields. This binding has no worker:
// workers are Go SDK (or other SDK) programs.
package worker

// WorkerDeploymentVersion represents a specific version of a worker in a deployment, as the
// Go SDK's worker.WorkerDeploymentVersion (client.PinnedVersioningOverride names one).
type WorkerDeploymentVersion struct {
	// The name of the deployment this worker version belongs to
	DeploymentName string
	// The build id specific to this worker
	BuildID string
}
