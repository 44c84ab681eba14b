//! Entry points for the cargo-fuzz targets in `fuzz/` only: the option conversions the C ABI
//! runs, reachable without a connection. Not part of the API; may change at any time.

use crate::errors::Result;
use crate::ffi::client::temporal_client_options;
use crate::ffi::workflow::temporal_start_workflow_options;
use crate::options::{ClientOptions, ValidStartWorkflowOptions};

/// # Safety
/// As `temporal_client_connect`'s `options`.
pub unsafe fn client_options_from_c(o: &temporal_client_options) -> Result<ClientOptions> {
    unsafe { crate::ffi::client::client_options_from_c(o) }
}

/// The start options exactly as `temporal_execute_workflow` reads them: by their `size`,
/// converted (memo and search attributes included) and validated.
///
/// # Safety
/// As `temporal_execute_workflow`'s `options`.
pub unsafe fn start_options_from_c(o: *const temporal_start_workflow_options) -> Result<ValidStartWorkflowOptions> {
    unsafe { crate::ffi::workflow::start_options_arg(o) }
}

/// No network; with `opts.envconfig` set it reads the environment and the config file.
pub fn connection_options(opts: &ClientOptions) -> Result<(temporalio_client::ConnectionOptions, String)> {
    crate::client::connection_options(opts)
}
