//! Client metrics with the Go SDK's names and tags.
//!
//! `temporalio-client` records, on every gRPC attempt of a connection whose options carry a
//! meter, the counters `request` / `long_request`, their `_failure` counters (tagged with the
//! gRPC `status_code`) and the `_latency` histograms, tagged with `namespace` and `operation`
//! (the RPC's name). The crate names them without a prefix and lacks the Go SDK's
//! `temporal_request_resource_exhausted` (internal/common/metrics/grpc.go): [`GoNamedMeter`]
//! puts the prefix on (`temporal_` by default, as Go's `TemporalMetricsPrefix`) and counts a
//! failure whose status is `RESOURCE_EXHAUSTED` there too.
//!
//! Where the values go is a [`CoreMeter`]: the Prometheus exporter of `temporalio-common` (one
//! scrape endpoint per process, started with the runtime), its OTLP exporter (pushes to an
//! OpenTelemetry collector, also one per process), or a host meter (callbacks into the host's
//! own metrics library, see `temporal_host_meter` in the C API).

use crate::errors::{Error, Result};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use temporalio_common::telemetry::metrics::{
    CoreMeter, Counter, CounterBase, Gauge, GaugeF64, Histogram, HistogramDuration, HistogramF64,
    MetricAttributable, MetricAttributes, MetricKeyValue, MetricParameters, NewAttributes,
    TemporalMeter, UpDownCounter,
};
use std::time::Duration;
use temporalio_common::telemetry::{
    OtelCollectorOptions, OtlpProtocol, PrometheusExporterOptions, TaskQueueLabelStrategy,
};

/// The Go SDK's metric name prefix.
pub const DEFAULT_PREFIX: &str = "temporal_";

/// How the process's metrics are named and exported (`temporal_runtime_options`).
#[derive(Clone, Debug, Default)]
pub struct MetricsOptions {
    /// Serve Prometheus text on `http://<address>/metrics`; port 0 picks a free port.
    pub prometheus_address: Option<SocketAddr>,
    /// Push to an OpenTelemetry collector over OTLP (not together with Prometheus).
    pub otlp: Option<OtlpOptions>,
    /// Prefix of every metric name; `None`: [`DEFAULT_PREFIX`].
    pub prefix: Option<String>,
    /// Tags put on every metric, as Go's `MetricsHandler.WithTags` at the root.
    pub global_tags: Vec<(String, String)>,
    /// Durations (the latency histograms) in seconds instead of milliseconds, for Prometheus.
    pub durations_in_seconds: bool,
}

/// Where and how often the OTLP exporter pushes.
#[derive(Clone, Debug)]
pub struct OtlpOptions {
    /// The collector: `http://host:4317` for gRPC, `http://host:4318/v1/metrics` for HTTP
    /// (`https://` for TLS).
    pub url: url::Url,
    /// OTLP over gRPC (`true`) or over HTTP with protobuf bodies.
    pub grpc: bool,
    /// Headers (gRPC metadata) sent with every export, e.g. for the collector's authentication.
    pub headers: HashMap<String, String>,
    /// How often the cumulative values are pushed.
    pub period: Duration,
}

impl MetricsOptions {
    fn prefix(&self) -> String {
        self.prefix
            .clone()
            .unwrap_or_else(|| DEFAULT_PREFIX.to_owned())
    }
}

/// What the runtime exports to, for the process generation it runs in.
struct Exporter {
    options: MetricsOptions,
    prometheus: Option<(TemporalMeter, SocketAddr)>,
    otlp: Option<TemporalMeter>,
}

static EXPORTER: Mutex<Option<Exporter>> = Mutex::new(None);

fn exporter() -> std::sync::MutexGuard<'static, Option<Exporter>> {
    EXPORTER.lock().unwrap_or_else(|e| e.into_inner())
}

/// Starts what `options` asks for; called by the runtime when it starts, inside it (the
/// Prometheus endpoint's task is spawned on it). Fails when the address cannot be bound.
pub(crate) fn start(options: &MetricsOptions) -> Result<()> {
    let prometheus = match options.prometheus_address {
        None => None,
        Some(address) => {
            let exporter_options = PrometheusExporterOptions::builder()
                .socket_addr(address)
                .use_seconds_for_durations(options.durations_in_seconds)
                .build();
            let started =
                temporalio_common::telemetry::start_prometheus_metric_exporter(exporter_options)
                    .map_err(|e| {
                        Error::invalid_argument(format!(
                            "cannot serve Prometheus metrics on {address}: {e}"
                        ))
                    })?;
            tracing::info!(address = %started.bound_addr, "serving Prometheus metrics");
            Some((temporal_meter(started.meter, options), started.bound_addr))
        }
    };
    let otlp = match &options.otlp {
        None => None,
        Some(o) => {
            let collector = OtelCollectorOptions::builder()
                .url(o.url.clone())
                .headers(o.headers.clone())
                .metric_periodicity(o.period)
                .use_seconds_for_durations(options.durations_in_seconds)
                .protocol(if o.grpc { OtlpProtocol::Grpc } else { OtlpProtocol::Http })
                .build();
            let meter = temporalio_common::telemetry::build_otlp_metric_exporter(collector)
                .map_err(|e| Error::invalid_argument(format!("cannot export OTLP metrics to {}: {e}", o.url)))?;
            tracing::info!(url = %o.url, "exporting metrics over OTLP");
            Some(temporal_meter(Arc::new(meter), options))
        }
    };
    *exporter() = Some(Exporter {
        options: options.clone(),
        prometheus,
        otlp,
    });
    Ok(())
}

/// Forgets the exporter: after shutdown, or in a forked child (whose endpoint task does not
/// exist) before its new runtime starts.
pub(crate) fn stop() {
    if let Some(old) = exporter().take() {
        if crate::runtime::generation() != 0 {
            // Possibly the parent's: never drop what a parent thread may have been using.
            std::mem::forget(old);
        }
    }
}

/// The address the Prometheus endpoint listens on, when there is one.
pub fn prometheus_address() -> Option<SocketAddr> {
    exporter()
        .as_ref()
        .and_then(|e| e.prometheus.as_ref().map(|(_, address)| *address))
}

/// The meter a new connection records into: the client's own host meter, else the process's
/// Prometheus or OTLP exporter, else none.
pub(crate) fn meter_for_client(host_meter: Option<Arc<dyn CoreMeter>>) -> Option<TemporalMeter> {
    let exporter = exporter();
    match host_meter {
        Some(meter) => {
            let default = MetricsOptions::default();
            let options = exporter.as_ref().map(|e| &e.options).unwrap_or(&default);
            Some(temporal_meter(meter, options))
        }
        None => exporter.as_ref().and_then(|e| {
            e.prometheus.as_ref().map(|(meter, _)| meter.clone()).or_else(|| e.otlp.clone())
        }),
    }
}

fn temporal_meter(inner: Arc<dyn CoreMeter>, options: &MetricsOptions) -> TemporalMeter {
    let named: Arc<dyn CoreMeter> = Arc::new(GoNamedMeter {
        prefix: options.prefix(),
        inner,
    });
    let tags: Vec<MetricKeyValue> = options
        .global_tags
        .iter()
        .map(|(k, v)| MetricKeyValue::new(k.clone(), v.clone()))
        .collect();
    TemporalMeter::new(
        named,
        NewAttributes::new(tags),
        TaskQueueLabelStrategy::UseNormal,
    )
}

/// Checks the global tags and prefix before anything starts, so a bad one is reported by
/// `temporal_runtime_init` and not by a later call.
pub fn validate(options: &MetricsOptions) -> Result<()> {
    let name_ok = |s: &str| s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if let Some(prefix) = &options.prefix {
        if !name_ok(prefix) || prefix.starts_with(|c: char| c.is_ascii_digit()) {
            return Err(Error::invalid_argument(format!(
                "metrics prefix {prefix:?}: only ASCII letters, digits and '_', not starting with a digit"
            )));
        }
    }
    if options.prometheus_address.is_some() && options.otlp.is_some() {
        return Err(Error::invalid_argument(
            "metrics: a Prometheus endpoint or an OTLP collector, not both",
        ));
    }
    if let Some(o) = &options.otlp {
        if !matches!(o.url.scheme(), "http" | "https") {
            return Err(Error::invalid_argument(format!(
                "metrics_otlp_url {:?}: expected http:// or https://",
                o.url.as_str()
            )));
        }
        if o.period.is_zero() {
            return Err(Error::invalid_argument("metrics_otlp_period_ms must be more than 0"));
        }
    }
    let mut seen = HashMap::new();
    for (key, _) in &options.global_tags {
        if key.is_empty() || !name_ok(key) || key.starts_with(|c: char| c.is_ascii_digit()) {
            return Err(Error::invalid_argument(format!(
                "metrics tag name {key:?}: only ASCII letters, digits and '_', not starting with a digit"
            )));
        }
        if seen.insert(key.as_str(), ()).is_some() {
            return Err(Error::invalid_argument(format!(
                "metrics tag {key:?} is given twice"
            )));
        }
    }
    Ok(())
}

/// The value of the tag `key` in attributes made by one of the meters this library builds.
fn tag_value(attributes: &MetricAttributes, key: &str) -> Option<String> {
    match attributes {
        MetricAttributes::Prometheus { labels } => labels.as_prom_labels().get(key).cloned(),
        MetricAttributes::Dynamic(custom) => {
            crate::ffi::metrics::host_tag_value(custom.clone(), key)
        }
        _ => None,
    }
}

/// Puts the prefix on every name and adds Go's `*_resource_exhausted` counters.
#[derive(Debug)]
struct GoNamedMeter {
    prefix: String,
    inner: Arc<dyn CoreMeter>,
}

impl GoNamedMeter {
    fn named(&self, mut params: MetricParameters) -> MetricParameters {
        params.name = format!("{}{}", self.prefix, params.name).into();
        params
    }
}

impl CoreMeter for GoNamedMeter {
    fn new_attributes(&self, attributes: NewAttributes) -> MetricAttributes {
        self.inner.new_attributes(attributes)
    }

    fn extend_attributes(
        &self,
        existing: MetricAttributes,
        attributes: NewAttributes,
    ) -> MetricAttributes {
        self.inner.extend_attributes(existing, attributes)
    }

    fn counter(&self, params: MetricParameters) -> Counter {
        let exhausted_name = match &*params.name {
            "request_failure" => "request_resource_exhausted",
            "long_request_failure" => "long_request_resource_exhausted",
            _ => return self.inner.counter(self.named(params)),
        };
        let exhausted = self.inner.counter(self.named(MetricParameters {
            name: exhausted_name.into(),
            description: "Count of client requests that failed with RESOURCE_EXHAUSTED".into(),
            unit: "".into(),
        }));
        let failure = self.inner.counter(self.named(params));
        Counter::new(Arc::new(FailureCounter { failure, exhausted }))
    }

    fn histogram(&self, params: MetricParameters) -> Histogram {
        self.inner.histogram(self.named(params))
    }

    fn histogram_f64(&self, params: MetricParameters) -> HistogramF64 {
        self.inner.histogram_f64(self.named(params))
    }

    fn histogram_duration(&self, params: MetricParameters) -> HistogramDuration {
        self.inner.histogram_duration(self.named(params))
    }

    fn gauge(&self, params: MetricParameters) -> Gauge {
        self.inner.gauge(self.named(params))
    }

    fn gauge_f64(&self, params: MetricParameters) -> GaugeF64 {
        self.inner.gauge_f64(self.named(params))
    }

    fn up_down_counter(&self, params: MetricParameters) -> UpDownCounter {
        self.inner.up_down_counter(self.named(params))
    }
}

/// A `*request_failure` counter that also counts `RESOURCE_EXHAUSTED` failures in its
/// `*_resource_exhausted` sibling (tagged alike; Go also tags the cause, which the crate's
/// metrics layer does not see).
struct FailureCounter {
    failure: Counter,
    exhausted: Counter,
}

struct BoundFailureCounter {
    failure: Counter,
    exhausted: Option<Counter>,
}

impl MetricAttributable<Box<dyn CounterBase>> for FailureCounter {
    fn with_attributes(
        &self,
        attributes: &MetricAttributes,
    ) -> std::result::Result<Box<dyn CounterBase>, Box<dyn std::error::Error>> {
        let exhausted = match tag_value(attributes, "status_code").as_deref() {
            Some("RESOURCE_EXHAUSTED") => Some(self.exhausted.with_attributes(attributes)?),
            _ => None,
        };
        Ok(Box::new(BoundFailureCounter {
            failure: self.failure.with_attributes(attributes)?,
            exhausted,
        }))
    }
}

impl CounterBase for BoundFailureCounter {
    fn adds(&self, value: u64) {
        self.failure.adds(value);
        if let Some(exhausted) = &self.exhausted {
            exhausted.adds(value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};

    fn scrape(address: SocketAddr) -> String {
        let mut stream = std::net::TcpStream::connect(address).unwrap();
        write!(
            stream,
            "GET /metrics HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut text = String::new();
        stream.read_to_string(&mut text).unwrap();
        text
    }

    fn sample(text: &str, name: &str, label: &str) -> Option<f64> {
        text.lines()
            .filter(|l| l.starts_with(&format!("{name}{{")) && l.contains(label))
            .map(|l| l.rsplit(' ').next().unwrap().parse::<f64>().unwrap())
            .reduce(|a, b| a + b)
    }

    /// Go's grpc.go: a failure whose code is RESOURCE_EXHAUSTED also counts in
    /// `temporal_request_resource_exhausted` (and the long-poll one in its own); others do not.
    #[test]
    fn resource_exhausted_failures_count_as_go_counts_them() {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let _inside = runtime.enter();
        let started = temporalio_common::telemetry::start_prometheus_metric_exporter(
            PrometheusExporterOptions::builder()
                .socket_addr("127.0.0.1:0".parse().unwrap())
                .build(),
        )
        .unwrap();
        let options = MetricsOptions {
            global_tags: vec![("suite".into(), "unit".into())],
            ..Default::default()
        };
        let meter = temporal_meter(started.meter, &options);
        let failure = meter.counter("request_failure".into());
        let long_failure = meter.counter("long_request_failure".into());
        let tagged = |code: &'static str| {
            meter.extend_attributes(
                meter.get_default_attributes().clone(),
                vec![
                    MetricKeyValue::new("operation", "StartWorkflowExecution"),
                    MetricKeyValue::new("status_code", code),
                ]
                .into(),
            )
        };
        failure.add(2, &tagged("RESOURCE_EXHAUSTED"));
        failure.add(1, &tagged("NOT_FOUND"));
        long_failure.add(1, &tagged("RESOURCE_EXHAUSTED"));

        let text = scrape(started.bound_addr);
        assert_eq!(
            sample(&text, "temporal_request_failure", "RESOURCE_EXHAUSTED"),
            Some(2.0),
            "{text}"
        );
        assert_eq!(
            sample(&text, "temporal_request_failure", "NOT_FOUND"),
            Some(1.0),
            "{text}"
        );
        assert_eq!(
            sample(
                &text,
                "temporal_request_resource_exhausted",
                "suite=\"unit\""
            ),
            Some(2.0),
            "{text}"
        );
        assert_eq!(
            sample(&text, "temporal_request_resource_exhausted", "NOT_FOUND"),
            None,
            "{text}"
        );
        assert_eq!(
            sample(
                &text,
                "temporal_long_request_resource_exhausted",
                "StartWorkflowExecution"
            ),
            Some(1.0)
        );
    }

    #[test]
    fn bad_names_are_refused() {
        let bad_prefix = MetricsOptions {
            prefix: Some("a-b".into()),
            ..Default::default()
        };
        assert!(validate(&bad_prefix).is_err());
        let twice = MetricsOptions {
            global_tags: vec![("a".into(), "1".into()), ("a".into(), "2".into())],
            ..Default::default()
        };
        assert!(validate(&twice).is_err());
        let good = MetricsOptions {
            prefix: Some("my_app_".into()),
            global_tags: vec![("service".into(), "x".into())],
            ..Default::default()
        };
        assert!(validate(&good).is_ok());
    }
}
