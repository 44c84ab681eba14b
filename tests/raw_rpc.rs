//! The raw RPC escape hatch (`temporal_raw_rpc_async`) against the dev server and the Go SDK
//! worker: both services, the request and response as protobuf bytes, the usual error codes,
//! and a workflow started through it that the typed API then reads.

mod common;

use common::*;
use prost::Message as _;
use std::ffi::CString;
use std::ptr;
use temporal_ffi::errors::ErrorCode;
use temporal_ffi::ffi::call::*;
use temporal_ffi::ffi::raw_rpc::temporal_raw_rpc_async;
use temporalio_common::protos::temporal::api::common::v1::{Payload, Payloads, WorkflowExecution, WorkflowType};
use temporalio_common::protos::temporal::api::operatorservice::v1 as op;
use temporalio_common::protos::temporal::api::taskqueue::v1::TaskQueue;
use temporalio_common::protos::temporal::api::workflowservice::v1 as wf;

/// Makes one raw call and waits for it: the response bytes, or the error.
fn raw(client: &Client, service: &str, method: &str, request: &[u8], timeout_ms: u64) -> Result<Vec<u8>, HostError> {
    let service = CString::new(service).unwrap();
    let method = CString::new(method).unwrap();
    let options = call_options(timeout_ms);
    let mut out = ptr::null_mut();
    take_error(unsafe {
        temporal_raw_rpc_async(client.0, service.as_ptr(), method.as_ptr(), request.as_ptr(), request.len(), &options, &mut out)
    })?;
    let call = Call(out);
    take_error(unsafe { temporal_call_wait(call.0, TEMPORAL_TIMEOUT_NONE) }).unwrap();
    let error = unsafe { temporal_call_get_error(call.0) };
    if !error.is_null() {
        return Err(read_error(error));
    }
    let (mut bytes, mut len) = (ptr::null(), 0usize);
    assert!(unsafe { temporal_call_get_bytes(call.0, &mut bytes, &mut len) }, "a completed raw call has bytes");
    assert!(unsafe { temporal_call_get_json(call.0) }.is_null(), "and no JSON");
    Ok(if len == 0 { Vec::new() } else { unsafe { std::slice::from_raw_parts(bytes, len) }.to_vec() })
}

const WORKFLOW: &str = "temporal.api.workflowservice.v1.WorkflowService";

#[test]
fn describe_namespace_and_system_info() {
    let client = connect();
    let request = wf::DescribeNamespaceRequest { namespace: "default".into(), ..Default::default() }.encode_to_vec();
    let bytes = raw(&client, WORKFLOW, "DescribeNamespace", &request, 0).unwrap();
    let response = wf::DescribeNamespaceResponse::decode(bytes.as_slice()).unwrap();
    assert_eq!(response.namespace_info.unwrap().name, "default");

    // The short service name, and an empty request (NULL, 0) for a message with no fields.
    let service = CString::new("WorkflowService").unwrap();
    let method = CString::new("GetSystemInfo").unwrap();
    let options = call_options(0);
    let mut out = ptr::null_mut();
    take_error(unsafe { temporal_raw_rpc_async(client.0, service.as_ptr(), method.as_ptr(), ptr::null(), 0, &options, &mut out) })
        .unwrap();
    let call = Call(out);
    take_error(unsafe { temporal_call_wait(call.0, TEMPORAL_TIMEOUT_NONE) }).unwrap();
    let (mut bytes, mut len) = (ptr::null(), 0usize);
    assert!(unsafe { temporal_call_get_bytes(call.0, &mut bytes, &mut len) });
    let info = wf::GetSystemInfoResponse::decode(unsafe { std::slice::from_raw_parts(bytes, len) }).unwrap();
    assert!(!info.server_version.is_empty(), "{info:?}");
}

#[test]
fn operator_service_lists_search_attributes() {
    let client = connect();
    let request = op::ListSearchAttributesRequest { namespace: "default".into() }.encode_to_vec();
    let bytes = raw(&client, "OperatorService", "ListSearchAttributes", &request, 0).unwrap();
    let response = op::ListSearchAttributesResponse::decode(bytes.as_slice()).unwrap();
    assert!(response.system_attributes.contains_key("WorkflowId"), "{:?}", response.system_attributes.keys());
}

#[test]
fn a_workflow_started_raw_is_read_by_the_typed_api() {
    let client = connect();
    let id = unique_id("raw-start");
    let input = Payload {
        metadata: [("encoding".to_owned(), b"json/plain".to_vec())].into(),
        data: br#""raw hello""#.to_vec(),
        ..Default::default()
    };
    let request = wf::StartWorkflowExecutionRequest {
        namespace: "default".into(),
        workflow_id: id.clone(),
        workflow_type: Some(WorkflowType { name: "Echo".into() }),
        task_queue: Some(TaskQueue { name: task_queue().to_str().unwrap().into(), ..Default::default() }),
        input: Some(Payloads { payloads: vec![input] }),
        identity: "raw-rpc-test".into(),
        request_id: uuid::Uuid::new_v4().to_string(),
        ..Default::default()
    };
    let bytes = raw(&client, WORKFLOW, "StartWorkflowExecution", &request.encode_to_vec(), 0).unwrap();
    let started = wf::StartWorkflowExecutionResponse::decode(bytes.as_slice()).unwrap();
    let run = get_workflow(&client, &id, Some(&started.run_id));
    assert_eq!(run.result(30_000).unwrap(), r#""raw hello""#);

    // The same request again is the same start (the request ID), as every retried start.
    let again = raw(&client, WORKFLOW, "StartWorkflowExecution", &request.encode_to_vec(), 0).unwrap();
    assert_eq!(wf::StartWorkflowExecutionResponse::decode(again.as_slice()).unwrap().run_id, started.run_id);
}

#[test]
fn errors_keep_their_codes() {
    let client = connect();
    // A server error is mapped as every call's.
    let request = wf::DescribeWorkflowExecutionRequest {
        namespace: "default".into(),
        execution: Some(WorkflowExecution { workflow_id: unique_id("raw-missing"), run_id: String::new() }),
    };
    let e = raw(&client, WORKFLOW, "DescribeWorkflowExecution", &request.encode_to_vec(), 0).unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound, "{e:?}");

    // Unknown service and method: refused at once, no call.
    let e = raw(&client, "temporal.api.cloud.cloudservice.v1.CloudService", "GetUsers", &[], 0).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArgument);
    assert!(e.message.contains("unknown service"), "{}", e.message);
    let e = raw(&client, WORKFLOW, "NoSuchMethod", &[], 0).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArgument);
    assert!(e.message.contains("WorkflowService has no method \"NoSuchMethod\""), "{}", e.message);

    // Bytes that are not the request message: the completed call's INVALID_ARGUMENT.
    let e = raw(&client, WORKFLOW, "DescribeNamespace", &[0xff, 0xff, 0xff], 0).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArgument);
    assert!(e.message.contains("not a DescribeNamespaceRequest protobuf"), "{}", e.message);
}

/// The Go SDK's `StaticSummary`, `StaticDetails` and `Priority` start options reach the server
/// (read back through the raw DescribeWorkflowExecution, whose typed form this library does not
/// expose yet).
#[test]
fn start_options_summary_details_and_priority() {
    let client = connect();
    let summary = CString::new("**nightly** report").unwrap();
    let details = CString::new("line one\nline two").unwrap();
    let fairness = CString::new("tenant-a").unwrap();
    let run = start(&client, "Echo", Some(r#"["x"]"#), None, |o| {
        o.static_summary = summary.as_ptr();
        o.static_details = details.as_ptr();
        o.priority_key = 2;
        o.fairness_key = fairness.as_ptr();
        o.fairness_weight = 2.5;
    })
    .unwrap();
    assert_eq!(run.result(30_000).unwrap(), r#""x""#);
    let request = wf::DescribeWorkflowExecutionRequest {
        namespace: "default".into(),
        execution: Some(WorkflowExecution { workflow_id: run.id(), run_id: run.run_id() }),
    };
    let bytes = raw(&client, WORKFLOW, "DescribeWorkflowExecution", &request.encode_to_vec(), 0).unwrap();
    let described = wf::DescribeWorkflowExecutionResponse::decode(bytes.as_slice()).unwrap();
    let metadata = described.execution_config.unwrap().user_metadata.unwrap();
    assert_eq!(metadata.summary.unwrap().data, br#""**nightly** report""#);
    assert_eq!(metadata.details.unwrap().data, br#""line one\nline two""#);
    let priority = described.workflow_execution_info.unwrap().priority.unwrap();
    assert_eq!((priority.priority_key, priority.fairness_key.as_str(), priority.fairness_weight), (2, "tenant-a", 2.5));

    // Out of range: refused before anything is sent.
    let e = start(&client, "Echo", None, None, |o| o.priority_key = -1).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArgument);
    assert!(e.message.contains("priority key"), "{}", e.message);
    let e = start(&client, "Echo", None, None, |o| o.fairness_weight = f32::NAN).unwrap_err();
    assert!(e.message.contains("fairness weight"), "{}", e.message);
}
