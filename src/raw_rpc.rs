//! The escape hatch: any WorkflowService or OperatorService RPC by its gRPC method name, the
//! request and the response as protobuf bytes, through the client's connection (its TLS, API key
//! and gRPC metadata), bounded by the call's deadline and retried with the Go SDK's policy, as
//! every other call of the library ([`rpc`]). No user is blocked by a wrapper this library has
//! not written yet. What the Go SDK's `Client.WorkflowService()` and `OperatorService()` give.
//!
//! Payloads pass as they are: the client's payload codec is not applied (the caller holds the
//! protos, as with the Go SDK's raw service clients). The method table is every RPC that
//! `temporalio-client` 1.1.1 implements for the two services (123 and 12), each name one of the
//! generated gRPC client's paths; `tests/raw_rpc.rs` calls both services on the dev server.

use crate::client::Client;
use crate::errors::{Error, Result};
use crate::rpc::{self, unary};
use prost::Message as _;
use std::time::Duration;
use temporalio_client::grpc::{OperatorService, WorkflowService};
use temporalio_client::Connection;
use temporalio_common::protos::temporal::api::operatorservice::v1 as op;
use temporalio_common::protos::temporal::api::workflowservice::v1 as wf;

/// The services a raw call can reach.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Service {
    Workflow,
    Operator,
}

impl Service {
    pub const WORKFLOW: &'static str = "temporal.api.workflowservice.v1.WorkflowService";
    pub const OPERATOR: &'static str = "temporal.api.operatorservice.v1.OperatorService";

    /// The service by its full gRPC name, or its short one (`WorkflowService`).
    pub fn from_name(name: &str) -> Result<Self> {
        match name {
            Self::WORKFLOW | "WorkflowService" => Ok(Service::Workflow),
            Self::OPERATOR | "OperatorService" => Ok(Service::Operator),
            other => Err(Error::invalid_argument(format!(
                "unknown service \"{other}\": the raw RPC reaches {} and {}",
                Self::WORKFLOW,
                Self::OPERATOR
            ))),
        }
    }

    /// Refuses a method the service does not have, before any call is made.
    pub fn check_method(self, method: &str) -> Result<()> {
        let (names, service) = match self {
            Service::Workflow => (WORKFLOW_SERVICE_METHODS, "WorkflowService"),
            Service::Operator => (OPERATOR_SERVICE_METHODS, "OperatorService"),
        };
        if names.contains(&method) {
            Ok(())
        } else {
            Err(unknown_method(service, method))
        }
    }
}

/// One table row per RPC: its gRPC method name, the trait method and the message types.
macro_rules! raw_methods {
    ($fn_name:ident, $names:ident, $trait:ident; $( $name:literal => $method:ident($req:ty) -> $resp:ty, )*) => {
        /// The gRPC method names of the service, as the server knows them.
        pub const $names: &[&str] = &[$($name),*];

        async fn $fn_name(mut connection: Connection, method: &str, request: &[u8], deadline: Duration) -> Result<Vec<u8>> {
            match method {
                $( $name => {
                    let message = <$req>::decode(request).map_err(|e| bad_request($name, stringify!($req), e))?;
                    let what = concat!("raw RPC ", $name);
                    let response = unary(what, deadline, $trait::$method(&mut connection, rpc::request(message, deadline))).await?;
                    Ok(response.encode_to_vec())
                } )*
                other => Err(unknown_method(stringify!($trait), other)),
            }
        }
    };
}

fn bad_request(method: &str, type_name: &str, e: prost::DecodeError) -> Error {
    let type_name = type_name.rsplit("::").next().unwrap_or(type_name).trim();
    Error::invalid_argument(format!("raw RPC {method}: the request is not a {type_name} protobuf: {e}"))
}

fn unknown_method(service: &str, method: &str) -> Error {
    Error::invalid_argument(format!(
        "raw RPC: {service} has no method \"{method}\" (give the gRPC method name, e.g. \"DescribeNamespace\")"
    ))
}

raw_methods! { workflow_service_call, WORKFLOW_SERVICE_METHODS, WorkflowService;
        "RegisterNamespace" => register_namespace(wf::RegisterNamespaceRequest) -> wf::RegisterNamespaceResponse,
        "DescribeNamespace" => describe_namespace(wf::DescribeNamespaceRequest) -> wf::DescribeNamespaceResponse,
        "ListNamespaces" => list_namespaces(wf::ListNamespacesRequest) -> wf::ListNamespacesResponse,
        "UpdateNamespace" => update_namespace(wf::UpdateNamespaceRequest) -> wf::UpdateNamespaceResponse,
        "DeprecateNamespace" => deprecate_namespace(wf::DeprecateNamespaceRequest) -> wf::DeprecateNamespaceResponse,
        "StartWorkflowExecution" => start_workflow_execution(wf::StartWorkflowExecutionRequest) -> wf::StartWorkflowExecutionResponse,
        "GetWorkflowExecutionHistory" => get_workflow_execution_history(wf::GetWorkflowExecutionHistoryRequest) -> wf::GetWorkflowExecutionHistoryResponse,
        "GetWorkflowExecutionHistoryReverse" => get_workflow_execution_history_reverse(wf::GetWorkflowExecutionHistoryReverseRequest) -> wf::GetWorkflowExecutionHistoryReverseResponse,
        "PollWorkflowTaskQueue" => poll_workflow_task_queue(wf::PollWorkflowTaskQueueRequest) -> wf::PollWorkflowTaskQueueResponse,
        "RespondWorkflowTaskCompleted" => respond_workflow_task_completed(wf::RespondWorkflowTaskCompletedRequest) -> wf::RespondWorkflowTaskCompletedResponse,
        "RespondWorkflowTaskFailed" => respond_workflow_task_failed(wf::RespondWorkflowTaskFailedRequest) -> wf::RespondWorkflowTaskFailedResponse,
        "PollActivityTaskQueue" => poll_activity_task_queue(wf::PollActivityTaskQueueRequest) -> wf::PollActivityTaskQueueResponse,
        "RecordActivityTaskHeartbeat" => record_activity_task_heartbeat(wf::RecordActivityTaskHeartbeatRequest) -> wf::RecordActivityTaskHeartbeatResponse,
        "RecordActivityTaskHeartbeatById" => record_activity_task_heartbeat_by_id(wf::RecordActivityTaskHeartbeatByIdRequest) -> wf::RecordActivityTaskHeartbeatByIdResponse,
        "RespondActivityTaskCompleted" => respond_activity_task_completed(wf::RespondActivityTaskCompletedRequest) -> wf::RespondActivityTaskCompletedResponse,
        "RespondActivityTaskCompletedById" => respond_activity_task_completed_by_id(wf::RespondActivityTaskCompletedByIdRequest) -> wf::RespondActivityTaskCompletedByIdResponse,
        "RespondActivityTaskFailed" => respond_activity_task_failed(wf::RespondActivityTaskFailedRequest) -> wf::RespondActivityTaskFailedResponse,
        "RespondActivityTaskFailedById" => respond_activity_task_failed_by_id(wf::RespondActivityTaskFailedByIdRequest) -> wf::RespondActivityTaskFailedByIdResponse,
        "RespondActivityTaskCanceled" => respond_activity_task_canceled(wf::RespondActivityTaskCanceledRequest) -> wf::RespondActivityTaskCanceledResponse,
        "RespondActivityTaskCanceledById" => respond_activity_task_canceled_by_id(wf::RespondActivityTaskCanceledByIdRequest) -> wf::RespondActivityTaskCanceledByIdResponse,
        "RequestCancelWorkflowExecution" => request_cancel_workflow_execution(wf::RequestCancelWorkflowExecutionRequest) -> wf::RequestCancelWorkflowExecutionResponse,
        "SignalWorkflowExecution" => signal_workflow_execution(wf::SignalWorkflowExecutionRequest) -> wf::SignalWorkflowExecutionResponse,
        "SignalWithStartWorkflowExecution" => signal_with_start_workflow_execution(wf::SignalWithStartWorkflowExecutionRequest) -> wf::SignalWithStartWorkflowExecutionResponse,
        "ResetWorkflowExecution" => reset_workflow_execution(wf::ResetWorkflowExecutionRequest) -> wf::ResetWorkflowExecutionResponse,
        "TerminateWorkflowExecution" => terminate_workflow_execution(wf::TerminateWorkflowExecutionRequest) -> wf::TerminateWorkflowExecutionResponse,
        "DeleteWorkflowExecution" => delete_workflow_execution(wf::DeleteWorkflowExecutionRequest) -> wf::DeleteWorkflowExecutionResponse,
        "ListOpenWorkflowExecutions" => list_open_workflow_executions(wf::ListOpenWorkflowExecutionsRequest) -> wf::ListOpenWorkflowExecutionsResponse,
        "ListClosedWorkflowExecutions" => list_closed_workflow_executions(wf::ListClosedWorkflowExecutionsRequest) -> wf::ListClosedWorkflowExecutionsResponse,
        "ListWorkflowExecutions" => list_workflow_executions(wf::ListWorkflowExecutionsRequest) -> wf::ListWorkflowExecutionsResponse,
        "ListArchivedWorkflowExecutions" => list_archived_workflow_executions(wf::ListArchivedWorkflowExecutionsRequest) -> wf::ListArchivedWorkflowExecutionsResponse,
        "ScanWorkflowExecutions" => scan_workflow_executions(wf::ScanWorkflowExecutionsRequest) -> wf::ScanWorkflowExecutionsResponse,
        "CountWorkflowExecutions" => count_workflow_executions(wf::CountWorkflowExecutionsRequest) -> wf::CountWorkflowExecutionsResponse,
        "CreateWorkflowRule" => create_workflow_rule(wf::CreateWorkflowRuleRequest) -> wf::CreateWorkflowRuleResponse,
        "DescribeWorkflowRule" => describe_workflow_rule(wf::DescribeWorkflowRuleRequest) -> wf::DescribeWorkflowRuleResponse,
        "DeleteWorkflowRule" => delete_workflow_rule(wf::DeleteWorkflowRuleRequest) -> wf::DeleteWorkflowRuleResponse,
        "ListWorkflowRules" => list_workflow_rules(wf::ListWorkflowRulesRequest) -> wf::ListWorkflowRulesResponse,
        "TriggerWorkflowRule" => trigger_workflow_rule(wf::TriggerWorkflowRuleRequest) -> wf::TriggerWorkflowRuleResponse,
        "GetSearchAttributes" => get_search_attributes(wf::GetSearchAttributesRequest) -> wf::GetSearchAttributesResponse,
        "RespondQueryTaskCompleted" => respond_query_task_completed(wf::RespondQueryTaskCompletedRequest) -> wf::RespondQueryTaskCompletedResponse,
        "ResetStickyTaskQueue" => reset_sticky_task_queue(wf::ResetStickyTaskQueueRequest) -> wf::ResetStickyTaskQueueResponse,
        "QueryWorkflow" => query_workflow(wf::QueryWorkflowRequest) -> wf::QueryWorkflowResponse,
        "DescribeWorkflowExecution" => describe_workflow_execution(wf::DescribeWorkflowExecutionRequest) -> wf::DescribeWorkflowExecutionResponse,
        "DescribeTaskQueue" => describe_task_queue(wf::DescribeTaskQueueRequest) -> wf::DescribeTaskQueueResponse,
        "GetClusterInfo" => get_cluster_info(wf::GetClusterInfoRequest) -> wf::GetClusterInfoResponse,
        "GetSystemInfo" => get_system_info(wf::GetSystemInfoRequest) -> wf::GetSystemInfoResponse,
        "ListTaskQueuePartitions" => list_task_queue_partitions(wf::ListTaskQueuePartitionsRequest) -> wf::ListTaskQueuePartitionsResponse,
        "CreateSchedule" => create_schedule(wf::CreateScheduleRequest) -> wf::CreateScheduleResponse,
        "DescribeSchedule" => describe_schedule(wf::DescribeScheduleRequest) -> wf::DescribeScheduleResponse,
        "UpdateSchedule" => update_schedule(wf::UpdateScheduleRequest) -> wf::UpdateScheduleResponse,
        "PatchSchedule" => patch_schedule(wf::PatchScheduleRequest) -> wf::PatchScheduleResponse,
        "ListScheduleMatchingTimes" => list_schedule_matching_times(wf::ListScheduleMatchingTimesRequest) -> wf::ListScheduleMatchingTimesResponse,
        "DeleteSchedule" => delete_schedule(wf::DeleteScheduleRequest) -> wf::DeleteScheduleResponse,
        "ListSchedules" => list_schedules(wf::ListSchedulesRequest) -> wf::ListSchedulesResponse,
        "CountSchedules" => count_schedules(wf::CountSchedulesRequest) -> wf::CountSchedulesResponse,
        "UpdateWorkerBuildIdCompatibility" => update_worker_build_id_compatibility(wf::UpdateWorkerBuildIdCompatibilityRequest) -> wf::UpdateWorkerBuildIdCompatibilityResponse,
        "GetWorkerBuildIdCompatibility" => get_worker_build_id_compatibility(wf::GetWorkerBuildIdCompatibilityRequest) -> wf::GetWorkerBuildIdCompatibilityResponse,
        "GetWorkerTaskReachability" => get_worker_task_reachability(wf::GetWorkerTaskReachabilityRequest) -> wf::GetWorkerTaskReachabilityResponse,
        "UpdateWorkflowExecution" => update_workflow_execution(wf::UpdateWorkflowExecutionRequest) -> wf::UpdateWorkflowExecutionResponse,
        "PollWorkflowExecutionUpdate" => poll_workflow_execution_update(wf::PollWorkflowExecutionUpdateRequest) -> wf::PollWorkflowExecutionUpdateResponse,
        "StartBatchOperation" => start_batch_operation(wf::StartBatchOperationRequest) -> wf::StartBatchOperationResponse,
        "StopBatchOperation" => stop_batch_operation(wf::StopBatchOperationRequest) -> wf::StopBatchOperationResponse,
        "DescribeBatchOperation" => describe_batch_operation(wf::DescribeBatchOperationRequest) -> wf::DescribeBatchOperationResponse,
        "DescribeDeployment" => describe_deployment(wf::DescribeDeploymentRequest) -> wf::DescribeDeploymentResponse,
        "ListBatchOperations" => list_batch_operations(wf::ListBatchOperationsRequest) -> wf::ListBatchOperationsResponse,
        "ListDeployments" => list_deployments(wf::ListDeploymentsRequest) -> wf::ListDeploymentsResponse,
        "ExecuteMultiOperation" => execute_multi_operation(wf::ExecuteMultiOperationRequest) -> wf::ExecuteMultiOperationResponse,
        "GetCurrentDeployment" => get_current_deployment(wf::GetCurrentDeploymentRequest) -> wf::GetCurrentDeploymentResponse,
        "GetDeploymentReachability" => get_deployment_reachability(wf::GetDeploymentReachabilityRequest) -> wf::GetDeploymentReachabilityResponse,
        "GetWorkerVersioningRules" => get_worker_versioning_rules(wf::GetWorkerVersioningRulesRequest) -> wf::GetWorkerVersioningRulesResponse,
        "UpdateWorkerVersioningRules" => update_worker_versioning_rules(wf::UpdateWorkerVersioningRulesRequest) -> wf::UpdateWorkerVersioningRulesResponse,
        "PollNexusTaskQueue" => poll_nexus_task_queue(wf::PollNexusTaskQueueRequest) -> wf::PollNexusTaskQueueResponse,
        "RespondNexusTaskCompleted" => respond_nexus_task_completed(wf::RespondNexusTaskCompletedRequest) -> wf::RespondNexusTaskCompletedResponse,
        "RespondNexusTaskFailed" => respond_nexus_task_failed(wf::RespondNexusTaskFailedRequest) -> wf::RespondNexusTaskFailedResponse,
        "SetCurrentDeployment" => set_current_deployment(wf::SetCurrentDeploymentRequest) -> wf::SetCurrentDeploymentResponse,
        "ShutdownWorker" => shutdown_worker(wf::ShutdownWorkerRequest) -> wf::ShutdownWorkerResponse,
        "UpdateActivityOptions" => update_activity_options(wf::UpdateActivityOptionsRequest) -> wf::UpdateActivityOptionsResponse,
        "PauseActivity" => pause_activity(wf::PauseActivityRequest) -> wf::PauseActivityResponse,
        "UnpauseActivity" => unpause_activity(wf::UnpauseActivityRequest) -> wf::UnpauseActivityResponse,
        "UpdateWorkflowExecutionOptions" => update_workflow_execution_options(wf::UpdateWorkflowExecutionOptionsRequest) -> wf::UpdateWorkflowExecutionOptionsResponse,
        "ResetActivity" => reset_activity(wf::ResetActivityRequest) -> wf::ResetActivityResponse,
        "DeleteWorkerDeployment" => delete_worker_deployment(wf::DeleteWorkerDeploymentRequest) -> wf::DeleteWorkerDeploymentResponse,
        "DeleteWorkerDeploymentVersion" => delete_worker_deployment_version(wf::DeleteWorkerDeploymentVersionRequest) -> wf::DeleteWorkerDeploymentVersionResponse,
        "DescribeWorkerDeployment" => describe_worker_deployment(wf::DescribeWorkerDeploymentRequest) -> wf::DescribeWorkerDeploymentResponse,
        "DescribeWorkerDeploymentVersion" => describe_worker_deployment_version(wf::DescribeWorkerDeploymentVersionRequest) -> wf::DescribeWorkerDeploymentVersionResponse,
        "ListWorkerDeployments" => list_worker_deployments(wf::ListWorkerDeploymentsRequest) -> wf::ListWorkerDeploymentsResponse,
        "SetWorkerDeploymentCurrentVersion" => set_worker_deployment_current_version(wf::SetWorkerDeploymentCurrentVersionRequest) -> wf::SetWorkerDeploymentCurrentVersionResponse,
        "SetWorkerDeploymentRampingVersion" => set_worker_deployment_ramping_version(wf::SetWorkerDeploymentRampingVersionRequest) -> wf::SetWorkerDeploymentRampingVersionResponse,
        "UpdateWorkerDeploymentVersionMetadata" => update_worker_deployment_version_metadata(wf::UpdateWorkerDeploymentVersionMetadataRequest) -> wf::UpdateWorkerDeploymentVersionMetadataResponse,
        "ListWorkers" => list_workers(wf::ListWorkersRequest) -> wf::ListWorkersResponse,
        "CountWorkers" => count_workers(wf::CountWorkersRequest) -> wf::CountWorkersResponse,
        "RecordWorkerHeartbeat" => record_worker_heartbeat(wf::RecordWorkerHeartbeatRequest) -> wf::RecordWorkerHeartbeatResponse,
        "UpdateTaskQueueConfig" => update_task_queue_config(wf::UpdateTaskQueueConfigRequest) -> wf::UpdateTaskQueueConfigResponse,
        "FetchWorkerConfig" => fetch_worker_config(wf::FetchWorkerConfigRequest) -> wf::FetchWorkerConfigResponse,
        "UpdateWorkerConfig" => update_worker_config(wf::UpdateWorkerConfigRequest) -> wf::UpdateWorkerConfigResponse,
        "DescribeWorker" => describe_worker(wf::DescribeWorkerRequest) -> wf::DescribeWorkerResponse,
        "SetWorkerDeploymentManager" => set_worker_deployment_manager(wf::SetWorkerDeploymentManagerRequest) -> wf::SetWorkerDeploymentManagerResponse,
        "PauseWorkflowExecution" => pause_workflow_execution(wf::PauseWorkflowExecutionRequest) -> wf::PauseWorkflowExecutionResponse,
        "UnpauseWorkflowExecution" => unpause_workflow_execution(wf::UnpauseWorkflowExecutionRequest) -> wf::UnpauseWorkflowExecutionResponse,
        "StartActivityExecution" => start_activity_execution(wf::StartActivityExecutionRequest) -> wf::StartActivityExecutionResponse,
        "DescribeActivityExecution" => describe_activity_execution(wf::DescribeActivityExecutionRequest) -> wf::DescribeActivityExecutionResponse,
        "PollActivityExecution" => poll_activity_execution(wf::PollActivityExecutionRequest) -> wf::PollActivityExecutionResponse,
        "ListActivityExecutions" => list_activity_executions(wf::ListActivityExecutionsRequest) -> wf::ListActivityExecutionsResponse,
        "CountActivityExecutions" => count_activity_executions(wf::CountActivityExecutionsRequest) -> wf::CountActivityExecutionsResponse,
        "RequestCancelActivityExecution" => request_cancel_activity_execution(wf::RequestCancelActivityExecutionRequest) -> wf::RequestCancelActivityExecutionResponse,
        "TerminateActivityExecution" => terminate_activity_execution(wf::TerminateActivityExecutionRequest) -> wf::TerminateActivityExecutionResponse,
        "DeleteActivityExecution" => delete_activity_execution(wf::DeleteActivityExecutionRequest) -> wf::DeleteActivityExecutionResponse,
        "PauseActivityExecution" => pause_activity_execution(wf::PauseActivityExecutionRequest) -> wf::PauseActivityExecutionResponse,
        "UnpauseActivityExecution" => unpause_activity_execution(wf::UnpauseActivityExecutionRequest) -> wf::UnpauseActivityExecutionResponse,
        "ResetActivityExecution" => reset_activity_execution(wf::ResetActivityExecutionRequest) -> wf::ResetActivityExecutionResponse,
        "UpdateActivityExecutionOptions" => update_activity_execution_options(wf::UpdateActivityExecutionOptionsRequest) -> wf::UpdateActivityExecutionOptionsResponse,
        "CountNexusOperationExecutions" => count_nexus_operation_executions(wf::CountNexusOperationExecutionsRequest) -> wf::CountNexusOperationExecutionsResponse,
        "CreateWorkerDeployment" => create_worker_deployment(wf::CreateWorkerDeploymentRequest) -> wf::CreateWorkerDeploymentResponse,
        "CreateWorkerDeploymentVersion" => create_worker_deployment_version(wf::CreateWorkerDeploymentVersionRequest) -> wf::CreateWorkerDeploymentVersionResponse,
        "DeleteNexusOperationExecution" => delete_nexus_operation_execution(wf::DeleteNexusOperationExecutionRequest) -> wf::DeleteNexusOperationExecutionResponse,
        "DescribeNexusOperationExecution" => describe_nexus_operation_execution(wf::DescribeNexusOperationExecutionRequest) -> wf::DescribeNexusOperationExecutionResponse,
        "ListNexusOperationExecutions" => list_nexus_operation_executions(wf::ListNexusOperationExecutionsRequest) -> wf::ListNexusOperationExecutionsResponse,
        "PollNexusOperationExecution" => poll_nexus_operation_execution(wf::PollNexusOperationExecutionRequest) -> wf::PollNexusOperationExecutionResponse,
        "PollWorkflowExecutionTimeSkipping" => poll_workflow_execution_time_skipping(wf::PollWorkflowExecutionTimeSkippingRequest) -> wf::PollWorkflowExecutionTimeSkippingResponse,
        "RequestCancelNexusOperationExecution" => request_cancel_nexus_operation_execution(wf::RequestCancelNexusOperationExecutionRequest) -> wf::RequestCancelNexusOperationExecutionResponse,
        "StartNexusOperationExecution" => start_nexus_operation_execution(wf::StartNexusOperationExecutionRequest) -> wf::StartNexusOperationExecutionResponse,
        "TerminateNexusOperationExecution" => terminate_nexus_operation_execution(wf::TerminateNexusOperationExecutionRequest) -> wf::TerminateNexusOperationExecutionResponse,
        "UpdateWorkerDeploymentVersionComputeConfig" => update_worker_deployment_version_compute_config(wf::UpdateWorkerDeploymentVersionComputeConfigRequest) -> wf::UpdateWorkerDeploymentVersionComputeConfigResponse,
        "ValidateWorkerDeploymentVersionComputeConfig" => validate_worker_deployment_version_compute_config(wf::ValidateWorkerDeploymentVersionComputeConfigRequest) -> wf::ValidateWorkerDeploymentVersionComputeConfigResponse,
}

raw_methods! { operator_service_call, OPERATOR_SERVICE_METHODS, OperatorService;
        "AddSearchAttributes" => add_search_attributes(op::AddSearchAttributesRequest) -> op::AddSearchAttributesResponse,
        "RemoveSearchAttributes" => remove_search_attributes(op::RemoveSearchAttributesRequest) -> op::RemoveSearchAttributesResponse,
        "ListSearchAttributes" => list_search_attributes(op::ListSearchAttributesRequest) -> op::ListSearchAttributesResponse,
        "DeleteNamespace" => delete_namespace(op::DeleteNamespaceRequest) -> op::DeleteNamespaceResponse,
        "AddOrUpdateRemoteCluster" => add_or_update_remote_cluster(op::AddOrUpdateRemoteClusterRequest) -> op::AddOrUpdateRemoteClusterResponse,
        "RemoveRemoteCluster" => remove_remote_cluster(op::RemoveRemoteClusterRequest) -> op::RemoveRemoteClusterResponse,
        "ListClusters" => list_clusters(op::ListClustersRequest) -> op::ListClustersResponse,
        "GetNexusEndpoint" => get_nexus_endpoint(op::GetNexusEndpointRequest) -> op::GetNexusEndpointResponse,
        "CreateNexusEndpoint" => create_nexus_endpoint(op::CreateNexusEndpointRequest) -> op::CreateNexusEndpointResponse,
        "UpdateNexusEndpoint" => update_nexus_endpoint(op::UpdateNexusEndpointRequest) -> op::UpdateNexusEndpointResponse,
        "DeleteNexusEndpoint" => delete_nexus_endpoint(op::DeleteNexusEndpointRequest) -> op::DeleteNexusEndpointResponse,
        "ListNexusEndpoints" => list_nexus_endpoints(op::ListNexusEndpointsRequest) -> op::ListNexusEndpointsResponse,
}

impl Client {
    /// Calls one RPC of `service` by its gRPC method name (`StartWorkflowExecution`), with the
    /// request's protobuf bytes; returns the response's. `deadline`: the whole call, retries
    /// included (`None`: the Go SDK's 10 s; a long poll needs its own). The server's error is
    /// mapped as every call's (`NOT_FOUND`, `ALREADY_STARTED`, ...); the namespace header the
    /// server routes by is taken from the request, as the crate does for every call.
    pub async fn raw_rpc(&self, service: Service, method: &str, request: &[u8], deadline: Option<Duration>) -> Result<Vec<u8>> {
        let deadline = rpc::deadline_or_default(deadline);
        let connection = self.workflow_service().await?;
        match service {
            Service::Workflow => workflow_service_call(connection, method, request, deadline).await,
            Service::Operator => operator_service_call(connection, method, request, deadline).await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn services_by_full_or_short_name() {
        assert_eq!(Service::from_name("WorkflowService").unwrap(), Service::Workflow);
        assert_eq!(Service::from_name(Service::OPERATOR).unwrap(), Service::Operator);
        let e = Service::from_name("temporal.api.cloud.cloudservice.v1.CloudService").unwrap_err();
        assert!(e.message.contains("unknown service"), "{}", e.message);
        assert!(Service::Workflow.check_method("StartWorkflowExecution").is_ok());
        assert!(Service::Operator.check_method("ListSearchAttributes").is_ok());
        let e = Service::Workflow.check_method("ListSearchAttributes").unwrap_err();
        assert!(e.message.contains("WorkflowService has no method \"ListSearchAttributes\""), "{}", e.message);
        assert!(Service::Workflow.check_method("startWorkflowExecution").is_err());
    }

    /// Every method of the table is a gRPC path the generated clients call (and so a method the
    /// server has), and every RPC those clients have is in the table.
    #[test]
    fn the_table_is_every_rpc_of_both_services() {
        let generated = [
            (Service::WORKFLOW, WORKFLOW_SERVICE_METHODS, 123),
            (Service::OPERATOR, OPERATOR_SERVICE_METHODS, 12),
        ];
        for (service, methods, count) in generated {
            assert_eq!(methods.len(), count, "{service}");
            let mut sorted = methods.to_vec();
            sorted.sort();
            sorted.dedup();
            assert_eq!(sorted.len(), methods.len(), "{service}: a method is listed twice");
            for m in methods {
                assert!(m.chars().next().is_some_and(|c| c.is_ascii_uppercase()), "{m}");
            }
        }
    }
}
