//! Regenerates include/temporal.h from the `extern "C"` functions and `#[repr(C)]` types with
//! cbindgen. The header is committed; CI rebuilds and fails if it differs (`git diff`).

use std::path::Path;

fn main() {
    for watched in ["src/ffi", "src/errors.rs", "src/options.rs", "cbindgen.toml", "build.rs"] {
        println!("cargo:rerun-if-changed={watched}");
    }
    // Linux shared-library versioning: consumers link against the major version's SONAME.
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        let major = std::env::var("CARGO_PKG_VERSION_MAJOR").expect("set by cargo");
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libtemporal_ffi.so.{major}");
    }
    let crate_dir = std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo");
    let version = std::env::var("CARGO_PKG_VERSION").expect("set by cargo");
    let part = |name: &str| std::env::var(name).expect("set by cargo");
    let mut config = cbindgen::Config::from_file(Path::new(&crate_dir).join("cbindgen.toml"))
        .expect("cbindgen.toml is valid");
    config.after_includes = Some(format!(
        "\n/* The version of the library this header belongs to; temporal_version() gives the\n   version of the library loaded at run time. */\n\
         #define TEMPORAL_FFI_VERSION \"{version}\"\n\
         #define TEMPORAL_FFI_VERSION_MAJOR {}\n\
         #define TEMPORAL_FFI_VERSION_MINOR {}\n\
         #define TEMPORAL_FFI_VERSION_PATCH {}\n",
        part("CARGO_PKG_VERSION_MAJOR"),
        part("CARGO_PKG_VERSION_MINOR"),
        part("CARGO_PKG_VERSION_PATCH"),
    ));
    let bindings = match cbindgen::Builder::new().with_crate(&crate_dir).with_config(config).generate() {
        Ok(b) => b,
        Err(e) => panic!("cbindgen failed: {e}"),
    };
    let header = Path::new(&crate_dir).join("include").join("temporal.h");
    std::fs::create_dir_all(header.parent().unwrap()).expect("create include/");
    // write_to_file leaves the file alone when the text is unchanged, so no needless rebuilds.
    bindings.write_to_file(&header);
}
