// Benchmark client: the Rust temporalio-client crate directly. Same CLI and JSON output as the
// other bench clients: <address> start-seq N | start-and-wait-seq N | start-concurrent N C
use std::{sync::Arc, time::Instant};
use temporalio_client::{Client, ClientOptions, Connection, ConnectionOptions, WorkflowGetResultOptions, WorkflowStartOptions};
use temporalio_common::{data_converters::RawValue, protos::temporal::api::common::v1::Payload, UntypedWorkflow};

const TQ: &str = "temporal-ffi-test";
static SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

fn input() -> RawValue {
    RawValue::new(vec![Payload {
        metadata: [("encoding".to_string(), b"json/plain".to_vec())].into_iter().collect(),
        data: b"\"hi\"".to_vec(),
        ..Default::default()
    }])
}

async fn one(c: &Client, wait: bool) {
    let id = format!("bench-rust-{}-{}", std::process::id(), SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed));
    let h = c
        .start_workflow(UntypedWorkflow::new("Echo"), input(), WorkflowStartOptions::new(TQ, id).build())
        .await
        .expect("start");
    if wait {
        h.get_result(WorkflowGetResultOptions::default()).await.expect("result");
    }
}

fn main() {
    // The crate's usual set-up: a multi-threaded Tokio runtime (what #[tokio::main] builds).
    tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime").block_on(run());
}

async fn run() {
    let a: Vec<String> = std::env::args().collect();
    let (addr, mode) = (a[1].clone(), a[2].clone());
    let n: usize = a[3].parse().unwrap();
    let conc: usize = if mode == "start-concurrent" { a[4].parse().unwrap() } else { 1 };
    let url = url::Url::parse(&format!("http://{addr}")).unwrap();
    let conn = Connection::connect(ConnectionOptions::new(url).build()).await.expect("connect");
    let c = Arc::new(Client::new(conn, ClientOptions::new("default").build()).expect("client"));
    let mut lat = Vec::new();
    let t0 = Instant::now();
    match mode.as_str() {
        "start-seq" | "start-and-wait-seq" => {
            for _ in 0..n {
                let t = Instant::now();
                one(&c, mode == "start-and-wait-seq").await;
                lat.push(t.elapsed().as_secs_f64() * 1000.0);
            }
        }
        "start-concurrent" => {
            let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
            let mut js = Vec::new();
            for _ in 0..conc {
                let (c, next) = (c.clone(), next.clone());
                js.push(tokio::spawn(async move {
                    while next.fetch_add(1, std::sync::atomic::Ordering::Relaxed) < n {
                        one(&c, false).await;
                    }
                }));
            }
            for j in js {
                j.await.unwrap();
            }
        }
        m => panic!("unknown mode {m}"),
    }
    let wall = t0.elapsed().as_secs_f64();
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) };
    let tv = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    let lats: Vec<String> = lat.iter().map(|x| format!("{x:.3}")).collect();
    println!(
        "{{\"client\":\"rust-sdk\",\"mode\":\"{mode}\",\"n\":{n},\"concurrency\":{conc},\"wall_s\":{wall:.6},\"latencies_ms\":[{}],\"user_cpu_s\":{:.6},\"sys_cpu_s\":{:.6},\"max_rss_kb\":{}}}",
        lats.join(","), tv(ru.ru_utime), tv(ru.ru_stime), ru.ru_maxrss
    );
}
