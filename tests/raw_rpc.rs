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
use temporal_ffi::ffi::operations::temporal_signal_with_start_workflow_async;
use temporal_ffi::ffi::raw_rpc::temporal_raw_rpc_async;
use temporal_ffi::ffi::workflow::{temporal_search_attribute, temporal_start_workflow_options};
use temporal_ffi::options::{IndexedValueType, VersioningOverrideKind};
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

/// Typed search attributes of every type reach the server with their type, on the start paths
/// that take start options, read back through DescribeWorkflowExecution (the dev server has one
/// custom attribute of each type: tests/harness/with-dev-server.sh); a value of the wrong type
/// is refused before anything is sent.
#[test]
fn typed_search_attributes_reach_the_server_with_their_types() {
    let client = connect();
    let c = |s: &str| CString::new(s).unwrap();
    let given = [
        ("CustomKeywordField", IndexedValueType::Keyword, r#""kw-1""#, r#""kw-1""#, "Keyword"),
        ("CustomTextField", IndexedValueType::Text, r#""some text""#, r#""some text""#, "Text"),
        ("CustomIntField", IndexedValueType::Int, "-42", "-42", "Int"),
        ("CustomDoubleField", IndexedValueType::Double, "2.5", "2.5", "Double"),
        ("CustomBoolField", IndexedValueType::Bool, "true", "true", "Bool"),
        (
            "CustomDatetimeField",
            IndexedValueType::Datetime,
            r#""2026-01-02T05:04:05+02:00""#,
            r#""2026-01-02T03:04:05Z""#,
            "Datetime",
        ),
        ("CustomKeywordListField", IndexedValueType::KeywordList, r#"["a","b"]"#, r#"["a","b"]"#, "KeywordList"),
    ];
    let strings: Vec<(CString, CString)> = given.iter().map(|g| (c(g.0), c(g.2))).collect();
    let attributes: Vec<temporal_search_attribute> = given
        .iter()
        .zip(&strings)
        .map(|(g, (name, value))| temporal_search_attribute {
            name: name.as_ptr(),
            value_type: g.1 as i32,
            value_json: value.as_ptr(),
        })
        .collect();
    let with_attributes = |o: &mut temporal_start_workflow_options| {
        o.typed_search_attributes = attributes.as_ptr();
        o.typed_search_attributes_len = attributes.len();
    };
    let run = start(&client, "Echo", Some(r#"["x"]"#), None, with_attributes).unwrap();
    assert_eq!(run.result(30_000).unwrap(), r#""x""#);
    let check = |workflow_id: String, run_id: String| {
        let described = describe(&client, workflow_id, run_id);
        let fields = described.workflow_execution_info.unwrap().search_attributes.unwrap().indexed_fields;
        for (name, _, _, data, type_name) in &given {
            let p = &fields[*name];
            assert_eq!(std::str::from_utf8(&p.data).unwrap(), *data, "{name}");
            assert_eq!(p.metadata.get("type").map(Vec::as_slice), Some(type_name.as_bytes()), "{name}");
        }
    };
    check(run.id(), run.run_id());

    // Signal-with-start carries them too.
    let tq = task_queue();
    let id = c(&unique_id("typed-sa-sws"));
    let mut o = default_start_options();
    o.task_queue = tq.as_ptr();
    o.id = id.as_ptr();
    with_attributes(&mut o);
    let run = wait_call(0, |co, out| unsafe {
        temporal_signal_with_start_workflow_async(
            client.0,
            c("unblock").as_ptr(),
            c(r#"["hello"]"#).as_ptr(),
            c("Block").as_ptr(),
            ptr::null(),
            &o,
            co,
            out,
        )
    })
    .unwrap()
    .run
    .expect("signal-with-start gives the run");
    assert_eq!(run.result(10_000).unwrap(), r#""unblocked: hello""#);
    check(run.id(), run.run_id());

    // A wrong type, a NULL array with a length, a duplicate name, and a name also in
    // search_attributes_json: INVALID_ARGUMENT, nothing sent.
    let wrong = [temporal_search_attribute {
        name: strings[2].0.as_ptr(),
        value_type: IndexedValueType::Int as i32,
        value_json: strings[0].1.as_ptr(),
    }];
    let e = start(&client, "Echo", None, None, |o| {
        o.typed_search_attributes = wrong.as_ptr();
        o.typed_search_attributes_len = 1;
    })
    .unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArgument);
    assert!(e.message.contains("CustomIntField") && e.message.contains("integer"), "{}", e.message);
    let e = start(&client, "Echo", None, None, |o| o.typed_search_attributes_len = 2).unwrap_err();
    assert!(e.message.contains("typed_search_attributes is NULL"), "{}", e.message);
    let twice = [0, 0].map(|i| temporal_search_attribute {
        name: strings[i].0.as_ptr(),
        value_type: IndexedValueType::Keyword as i32,
        value_json: strings[i].1.as_ptr(),
    });
    let e = start(&client, "Echo", None, None, |o| {
        o.typed_search_attributes = twice.as_ptr();
        o.typed_search_attributes_len = 2;
    })
    .unwrap_err();
    assert!(e.message.contains("twice"), "{}", e.message);
    let untyped = c(r#"{"CustomKeywordField": "x"}"#);
    let e = start(&client, "Echo", None, None, |o| {
        with_attributes(o);
        o.search_attributes_json = untyped.as_ptr();
    })
    .unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArgument);
    assert!(e.message.contains("both"), "{}", e.message);
}

/// The Go SDK's `VersioningOverride` start option: AUTO_UPGRADE read back from
/// DescribeWorkflowExecution's versioning info; PINNED to a deployment version that no worker
/// of the task queue has is refused by the dev server (FAILED_PRECONDITION, naming the version
/// it read from the request); PINNED without a build ID and an unknown behaviour are refused
/// before anything is sent.
#[test]
fn versioning_override_reaches_the_server() {
    use temporalio_common::protos::temporal::api::workflow::v1::versioning_override::Override;
    let client = connect();
    let deployment = CString::new("ffi-deployment").unwrap();
    let build_id = CString::new("build-1").unwrap();
    let e = start(&client, "Echo", Some(r#"["x"]"#), None, |o| {
        o.versioning_behavior = VersioningOverrideKind::Pinned as i32;
        o.versioning_deployment_name = deployment.as_ptr();
        o.versioning_build_id = build_id.as_ptr();
    })
    .unwrap_err();
    assert_eq!(e.code, ErrorCode::Rpc, "{}", e.message);
    assert_eq!(e.details.as_ref().unwrap()["grpc_code"], "FAILED_PRECONDITION");
    assert!(e.message.contains("ffi-deployment") && e.message.contains("build-1"), "{}", e.message);

    let run = start(&client, "Echo", Some(r#"["x"]"#), None, |o| {
        o.versioning_behavior = VersioningOverrideKind::AutoUpgrade as i32;
        o.execution_timeout_ms = 10_000;
    })
    .unwrap();
    let info = describe(&client, run.id(), run.run_id()).workflow_execution_info.unwrap();
    let over = info.versioning_info.unwrap().versioning_override.unwrap();
    assert_eq!(over.r#override, Some(Override::AutoUpgrade(true)));

    let e = start(&client, "Echo", None, None, |o| {
        o.versioning_behavior = VersioningOverrideKind::Pinned as i32;
        o.versioning_deployment_name = deployment.as_ptr();
    })
    .unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArgument);
    assert!(e.message.contains("PINNED needs"), "{}", e.message);
    let e = start(&client, "Echo", None, None, |o| o.versioning_behavior = 3).unwrap_err();
    assert!(e.message.contains("unknown versioning behavior"), "{}", e.message);
}

fn describe(client: &Client, workflow_id: String, run_id: String) -> wf::DescribeWorkflowExecutionResponse {
    let request = wf::DescribeWorkflowExecutionRequest {
        namespace: "default".into(),
        execution: Some(WorkflowExecution { workflow_id, run_id }),
    };
    let bytes = raw(client, WORKFLOW, "DescribeWorkflowExecution", &request.encode_to_vec(), 0).unwrap();
    wf::DescribeWorkflowExecutionResponse::decode(bytes.as_slice()).unwrap()
}
