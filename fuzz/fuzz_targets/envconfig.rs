//! envconfig: TOML text (a config file's content) -> a profile -> the client crate's connection
//! options, as `temporal_client_connect` with `envconfig` does. Environment variables are off
//! so the run is reproducible. Never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use temporalio_client::envconfig::{DataSource, LoadClientConfigProfileOptions};
use temporalio_client::ConnectionOptions;

fuzz_target!(|data: &[u8]| {
    // First byte: strict mode and which profile to ask for; the rest is the file.
    let Some((&sel, toml)) = data.split_first() else { return };
    let profile_name = match sel % 3 {
        0 => None,
        1 => Some("default".to_owned()),
        _ => Some("prod".to_owned()),
    };
    let options = LoadClientConfigProfileOptions::builder()
        .config_source(DataSource::Data(toml.to_vec()))
        .maybe_config_file_profile(profile_name)
        .config_file_strict(sel & 0x80 != 0)
        .disable_env(true)
        .build();
    let Ok(mut profile) = temporalio_common::envconfig::load_client_config_profile(options, None) else { return };
    // A `*_path` in the file names a file to read: never read what the fuzzer names (it could
    // be /dev/zero); hand the path's text over as the data instead.
    if let Some(tls) = profile.tls.as_mut() {
        for src in [&mut tls.client_cert, &mut tls.client_key, &mut tls.server_ca_cert] {
            if let Some(DataSource::Path(p)) = src {
                *src = Some(DataSource::Data(p.clone().into_bytes()));
            }
        }
    }
    if let Ok(conn) = ConnectionOptions::try_from(profile) {
        let _ = conn.target.as_str();
    }
});
