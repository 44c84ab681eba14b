//! The raw RPC export: any WorkflowService or OperatorService method by name, protobuf bytes in
//! and out (`crate::raw_rpc`).

use super::call::{self, temporal_call, temporal_call_options, CallInput, OpFuture, Output};
use super::client::client_arg;
use super::client::temporal_client;
use super::operations::rpc_deadline;
use super::{bytes_arg, error_boundary, required_str, temporal_error};
use crate::errors::Result;
use crate::raw_rpc::Service;
use std::ffi::c_char;

/// Calls one RPC by its gRPC method name, the escape hatch for what this library has no function
/// for: the Go SDK's `Client.WorkflowService()` / `OperatorService()`. `service`:
/// `"temporal.api.workflowservice.v1.WorkflowService"` (or `"WorkflowService"`) or
/// `"temporal.api.operatorservice.v1.OperatorService"` (`"OperatorService"`). `method`: the gRPC
/// method name, e.g. `"DescribeNamespace"`. `request` / `request_len`: the request message's
/// protobuf encoding (NULL allowed when the length is 0: an empty message). An unknown service
/// or method is `INVALID_ARGUMENT` at once; bytes that are not the method's request message are
/// the completed call's `INVALID_ARGUMENT`, and nothing is sent.
///
/// The call goes through the client's connection (TLS, API key, gRPC metadata) with the
/// library's retry policy for transient errors; timeout `TEMPORAL_TIMEOUT_DEFAULT`: 10 s (give a
/// long poll its own). Server errors map to the usual codes. Payloads go as they are: the
/// client's payload codec is not applied. On success the completed call holds the response's
/// protobuf bytes: `temporal_call_get_bytes`.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated; `request` valid for `request_len` bytes.
#[no_mangle]
pub unsafe extern "C" fn temporal_raw_rpc_async(
    client: *const temporal_client,
    service: *const c_char,
    method: *const c_char,
    request: *const u8,
    request_len: usize,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| {
        let prepare = |input: &mut CallInput| -> Result<OpFuture> {
            let client = unsafe { client_arg(client) }?.clone();
            let service = Service::from_name(unsafe { required_str(service, "service") }?)?;
            let method = unsafe { required_str(method, "method") }?.to_owned();
            service.check_method(&method)?;
            let request = unsafe { bytes_arg(request, request_len, "request", "request_len") }?.to_vec();
            let d = rpc_deadline(input.timeout);
            Ok(Box::pin(async move { client.raw_rpc(service, &method, &request, d).await.map(Output::Bytes) }))
        };
        unsafe { call::prepare_and_start(call_options, call_out, prepare) }
    })
}
