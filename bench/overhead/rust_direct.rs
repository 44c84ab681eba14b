//! ABI overhead benchmark, Rust side: the same N sequential blocking starts as overhead_c.c,
//! through the library's safe Rust API (no C ABI), against bench/overhead/fakeserver.
//!
//!   abi_overhead ADDRESS N [WARMUP] [--unboxed]       (WARMUP default 2000)
//!
//! Built as the `abi_overhead` bench target of the top-level package, so it reuses the release
//! build's compiled dependencies: `cargo build --release --bench abi_overhead` (bench/overhead/run.sh
//! does it). Not `--benches`: that also builds the library's unit tests, a second full compile of
//! the crate. `cargo bench` only prints the usage: run.sh runs it with a server address.
//!
//! The loop does what `temporal_execute_workflow` does minus the ABI: it runs on a plain host
//! thread and blocks on the library's global runtime with `runtime::block_on`, the very
//! function the C blocking call ends in; same options (ID + task queue), same arguments, and
//! the run is dropped as the C side frees it; the arguments are converted and the options
//! validated once per start, on the calling thread, as the C call does. The future is boxed (`Box::pin`) before
//! `block_on`, as the blocking C call boxes it (`OpFuture`): an unboxed `execute_workflow`
//! future is large, and tokio copies it into the task at spawn, which costs more than the whole
//! C boundary; `--unboxed` measures that variant (client "rust-direct-unboxed"). Prints the same
//! JSON line as overhead_c, with `"client":"rust-direct"`.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, Instant};
use temporal_ffi::client::Client;
use temporal_ffi::options::{ClientOptions, StartWorkflowOptions, ValidStartWorkflowOptions};
use temporal_ffi::payloads::args_to_payloads;
use temporal_ffi::runtime::block_on;

const TQ: &str = "bench-overhead";
const WORKFLOW_TYPE: &str = "Echo";
const ARGS: &str = "[\"hi\"]";

fn options(seq: &mut u64) -> ValidStartWorkflowOptions {
    let options = StartWorkflowOptions { id: format!("ovh-{seq}"), task_queue: TQ.to_owned(), ..Default::default() };
    *seq += 1;
    check(options.validated())
}

fn check<T>(r: temporal_ffi::errors::Result<T>) -> T {
    r.unwrap_or_else(|e| {
        eprintln!("abi_overhead: execute_workflow: {e:?}");
        std::process::exit(1)
    })
}

/// One start, the same steps as overhead_c.c's `one_call`.
#[inline(never)]
fn one_call(client: &Arc<Client>, seq: &mut u64) {
    let options = options(seq);
    let input = check(args_to_payloads(Some(ARGS)));
    let client = client.clone();
    let future: Pin<Box<dyn Future<Output = _> + Send>> =
        Box::pin(async move { client.execute_workflow(WORKFLOW_TYPE, input, &options, None).await });
    drop(check(block_on(future)));
}

/// The same, with the future handed to `block_on` unboxed.
#[inline(never)]
fn one_call_unboxed(client: &Arc<Client>, seq: &mut u64) {
    let options = options(seq);
    let input = check(args_to_payloads(Some(ARGS)));
    let client = client.clone();
    drop(check(block_on(async move { client.execute_workflow(WORKFLOW_TYPE, input, &options, None).await })));
}

fn rusage() -> (i64, i64) {
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: ru is valid for a write.
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) };
    let us = |t: libc::timeval| t.tv_sec as i64 * 1_000_000 + t.tv_usec as i64;
    (us(ru.ru_utime), us(ru.ru_stime))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // `cargo bench` passes `--bench`; only the explicit form below runs anything.
    if args.len() < 3 || args[1].starts_with("--") {
        eprintln!("usage: abi_overhead ADDRESS N [WARMUP] [--unboxed]  (see bench/overhead/run.sh)");
        std::process::exit(if args.iter().any(|a| a == "--bench") { 0 } else { 2 });
    }
    let unboxed = args.iter().skip(3).any(|a| a == "--unboxed");
    let rest: Vec<&String> = args.iter().skip(3).filter(|a| !a.starts_with("--")).collect();
    let n: usize = args[2].parse().expect("N");
    let warmup: usize = rest.first().map(|w| w.parse().expect("WARMUP")).unwrap_or(2000);
    let (one, label): (fn(&Arc<Client>, &mut u64), &str) =
        if unboxed { (one_call_unboxed, "rust-direct-unboxed") } else { (one_call, "rust-direct") };
    assert!(n > 0, "N must be > 0");

    let options = ClientOptions {
        address: args[1].clone(),
        connect_timeout: Duration::from_secs(10),
        ..Default::default()
    };
    let client = block_on(Client::connect(options)).unwrap_or_else(|e| {
        eprintln!("abi_overhead: connect: {e:?}");
        std::process::exit(1)
    });

    let mut seq = 0u64;
    for _ in 0..warmup {
        one(&client, &mut seq);
    }

    let mut lat = Vec::with_capacity(n);
    let (u0, s0) = rusage();
    let t0 = Instant::now();
    for _ in 0..n {
        let s = Instant::now();
        one(&client, &mut seq);
        lat.push(s.elapsed().as_nanos() as i64);
    }
    let wall = t0.elapsed().as_nanos() as f64;
    let (u1, s1) = rusage();

    lat.sort_unstable();
    let nf = n as f64;
    let (user, sys) = ((u1 - u0) as f64, (s1 - s0) as f64);
    println!(
        "{{\"client\":\"{label}\",\"n\":{n},\"wall_us_per_call\":{:.3},\"cpu_us_per_call\":{:.3},\"p50_us\":{:.3},\"p99_us\":{:.3},\"user_us_per_call\":{:.3},\"sys_us_per_call\":{:.3}}}",
        wall / 1e3 / nf,
        (user + sys) / nf,
        lat[(n - 1) / 2] as f64 / 1e3,
        lat[((n - 1) as f64 * 0.99) as usize] as f64 / 1e3,
        user / nf,
        sys / nf
    );
}
