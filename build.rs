//! Regenerates include/temporal.h from the `extern "C"` functions and `#[repr(C)]` types with
//! cbindgen. The header is committed; CI rebuilds and fails if it differs (`git diff`).

use std::path::Path;

/// Whether the cdylib is linked by LLD, the default linker of Rust 1.90+ on x86_64 Linux (GNU
/// ld does not know `--icf`). A linker chosen by the user (flags, a configured linker) or
/// `TEMPORAL_FFI_NO_ICF=1` turns the folding off.
fn links_with_lld() -> bool {
    println!("cargo:rerun-if-env-changed=TEMPORAL_FFI_NO_ICF");
    if std::env::var_os("TEMPORAL_FFI_NO_ICF").is_some()
        || std::env::var("TARGET").as_deref() != Ok("x86_64-unknown-linux-gnu")
        || std::env::var_os("CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER").is_some()
    {
        return false;
    }
    let flags = std::env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    if ["fuse-ld", "linker-features", "linker=", "linker-flavor"].iter().any(|f| flags.contains(f)) {
        return false;
    }
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let version = std::process::Command::new(rustc).arg("--version").output().ok();
    let minor = version
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|v| v.split_whitespace().nth(1).map(str::to_owned))
        .and_then(|v| v.split('.').nth(1).and_then(|m| m.parse::<u32>().ok()));
    minor.is_some_and(|m| m >= 90)
}

/// The SONAME of this version: see the comment in `main`.
fn soname() -> String {
    let major = std::env::var("CARGO_PKG_VERSION_MAJOR").expect("set by cargo");
    let minor = std::env::var("CARGO_PKG_VERSION_MINOR").expect("set by cargo");
    if major == "0" { format!("libtemporal_ffi.so.0.{minor}") } else { format!("libtemporal_ffi.so.{major}") }
}

fn main() {
    for watched in ["src/ffi", "src/errors.rs", "src/options.rs", "src/activity.rs", "src/update.rs", "cbindgen.toml", "build.rs"] {
        println!("cargo:rerun-if-changed={watched}");
    }
    // Linux shared-library versioning (abi/README.md): consumers link against the SONAME, which
    // changes with every incompatible release: libtemporal_ffi.so.0.MINOR while the version is
    // 0.x (each 0.x minor may break the ABI), libtemporal_ffi.so.MAJOR from 1.0 on.
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,{}", soname());
    }
    if links_with_lld() {
        // Identical code folding: generic code instantiated for every RPC and message type is
        // often byte-for-byte the same; folding it takes about a quarter off the stripped
        // library. `safe` folds only functions whose address is never compared.
        println!("cargo:rustc-cdylib-link-arg=-Wl,--icf=safe");
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
         #define TEMPORAL_FFI_VERSION_PATCH {}\n\
         /* The SONAME programs built with this header load. */\n\
         #define TEMPORAL_FFI_SONAME \"{}\"\n",
        part("CARGO_PKG_VERSION_MAJOR"),
        part("CARGO_PKG_VERSION_MINOR"),
        part("CARGO_PKG_VERSION_PATCH"),
        soname(),
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
