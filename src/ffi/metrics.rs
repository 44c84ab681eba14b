//! Metrics at the C boundary: `temporal_host_meter` (a table of host callbacks that receives
//! the client's metrics, the Go SDK's `client.Options.MetricsHandler`) and the Prometheus
//! endpoint's address.
//!
//! The crate calls a [`CoreMeter`]; [`HostMeter`] is one whose instruments and attribute sets
//! are the host's own objects, made and freed through the callbacks.

use super::{boundary, read_struct, ExtensibleStruct};
use crate::errors::{Error, Result};
use std::any::Any;
use std::collections::BTreeMap;
use std::ffi::{c_char, c_void, CString};
use std::sync::Arc;
use std::time::Duration;
use temporalio_common::telemetry::metrics::core::CustomMetricAttributes;
use temporalio_common::telemetry::metrics::{
    CoreMeter, Counter, CounterBase, Gauge, GaugeBase, GaugeF64, GaugeF64Base, Histogram,
    HistogramBase, HistogramDuration, HistogramDurationBase, HistogramF64, HistogramF64Base,
    MetricAttributable, MetricAttributes, MetricParameters, MetricValue, NewAttributes,
    UpDownCounter, UpDownCounterBase,
};

/// The kind of instrument `temporal_host_meter.metric_new` makes. What a record means depends
/// on it: a counter adds the value, a histogram observes it, a gauge is set to it.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetricKind {
    /// Monotonic counter of unsigned integers (`record_integer` adds): Go's `MetricsCounter`.
    Counter = 0,
    /// Histogram of unsigned integers (`record_integer` observes).
    Histogram = 1,
    /// Histogram of doubles (`record_float` observes).
    HistogramFloat = 2,
    /// Histogram of durations (`record_duration` observes, in nanoseconds): Go's `MetricsTimer`.
    HistogramDuration = 3,
    /// Gauge of unsigned integers (`record_integer` sets).
    Gauge = 4,
    /// Gauge of doubles (`record_float` sets): Go's `MetricsGauge`.
    GaugeFloat = 5,
    /// Counter that goes up and down (`record_signed` adds).
    UpDownCounter = 6,
}

/// The type of a `temporal_metric_attribute`'s value: which of its value fields is set.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetricValueType {
    /// `string_value`.
    String = 0,
    /// `int_value`.
    Int = 1,
    /// `float_value`.
    Float = 2,
    /// `bool_value`.
    Bool = 3,
}

/// One tag of an attribute set (`temporal_host_meter.attributes_new`): a key and a typed value.
/// The strings are valid only during the callback.
#[repr(C)]
pub struct temporal_metric_attribute {
    /// NUL-terminated tag name, e.g. `namespace`, `operation`, `status_code`.
    pub key: *const c_char,
    /// A `temporal_metric_value_type`: which value field below holds the value.
    pub value_type: i32,
    /// NUL-terminated text, when `value_type` is `TEMPORAL_METRIC_VALUE_TYPE_STRING`; else NULL.
    pub string_value: *const c_char,
    /// When `value_type` is `TEMPORAL_METRIC_VALUE_TYPE_INT`.
    pub int_value: i64,
    /// When `value_type` is `TEMPORAL_METRIC_VALUE_TYPE_FLOAT`.
    pub float_value: f64,
    /// When `value_type` is `TEMPORAL_METRIC_VALUE_TYPE_BOOL`.
    pub bool_value: bool,
}

/// A host's metrics library, as callbacks: the library makes instruments and attribute sets
/// (tag sets) through it and records into them. Give one in
/// `temporal_client_options.metrics_host_meter` (the Go SDK's `client.Options.MetricsHandler`);
/// the library copies the table at connect.
///
/// Every callback is called from library threads, possibly several at once: it must be
/// thread-safe, return quickly, never unwind (no C++ exception may leave it) and never call
/// the library. `user_data` is passed to every callback. The host objects it returns (`void*`)
/// are opaque to the library: it passes them back to the record callbacks and frees each one
/// exactly once with the matching free callback, from any thread.
///
/// Required: `metric_new`, `attributes_new`, `record_integer`, `record_float`,
/// `record_duration`. The free callbacks, `record_signed` and `meter_free` may be NULL.
/// Extensible: initialise with `temporal_host_meter_default`.
#[repr(C)]
pub struct temporal_host_meter {
    /// `sizeof(temporal_host_meter)`, set by `temporal_host_meter_default`.
    pub size: usize,
    /// Passed to every callback.
    pub user_data: *mut c_void,
    /// Makes an instrument. `name` (already prefixed, e.g. `temporal_request`), `description`
    /// and `unit` (`ns` for durations) are valid only during the call; `kind` is a
    /// `temporal_metric_kind`. Returns the host's instrument, or NULL to drop its values.
    pub metric_new: Option<
        unsafe extern "C" fn(
            user_data: *mut c_void,
            name: *const c_char,
            description: *const c_char,
            unit: *const c_char,
            kind: i32,
        ) -> *mut c_void,
    >,
    /// Frees an instrument `metric_new` returned (never called for NULL).
    pub metric_free: Option<unsafe extern "C" fn(user_data: *mut c_void, metric: *mut c_void)>,
    /// Makes an attribute set: the tags of `append_from` (NULL: none; else a set this callback
    /// returned, still alive) plus `count` more (a later one replaces an earlier one of the
    /// same key). Returns the host's attribute set (NULL is allowed and passed back as is).
    pub attributes_new: Option<
        unsafe extern "C" fn(
            user_data: *mut c_void,
            append_from: *mut c_void,
            attributes: *const temporal_metric_attribute,
            count: usize,
        ) -> *mut c_void,
    >,
    /// Frees an attribute set `attributes_new` returned (never called for NULL).
    pub attributes_free:
        Option<unsafe extern "C" fn(user_data: *mut c_void, attributes: *mut c_void)>,
    /// Records an unsigned integer in a counter (adds), histogram (observes) or gauge (sets),
    /// with the tags of `attributes` (an attribute set, or NULL: none).
    pub record_integer: Option<
        unsafe extern "C" fn(
            user_data: *mut c_void,
            metric: *mut c_void,
            value: u64,
            attributes: *mut c_void,
        ),
    >,
    /// Records a double in a float histogram (observes) or float gauge (sets).
    pub record_float: Option<
        unsafe extern "C" fn(
            user_data: *mut c_void,
            metric: *mut c_void,
            value: f64,
            attributes: *mut c_void,
        ),
    >,
    /// Records a duration, in nanoseconds, in a duration histogram (the request latencies).
    pub record_duration: Option<
        unsafe extern "C" fn(
            user_data: *mut c_void,
            metric: *mut c_void,
            nanoseconds: u64,
            attributes: *mut c_void,
        ),
    >,
    /// Adds a signed value to an up-down counter; NULL: such values are dropped.
    pub record_signed: Option<
        unsafe extern "C" fn(
            user_data: *mut c_void,
            metric: *mut c_void,
            value: i64,
            attributes: *mut c_void,
        ),
    >,
    /// Called once, from any thread, when the library holds nothing of this meter any more
    /// (every instrument and attribute set freed): after the client that was given it is freed
    /// and its calls are over (or dropped by `temporal_runtime_shutdown`), or when its connect
    /// fails.
    /// `user_data` may be released then. Not called when the connect function itself returns
    /// an error (bad options: the table was not taken).
    pub meter_free: Option<unsafe extern "C" fn(user_data: *mut c_void)>,
}

// SAFETY: repr(C), starts with size, every field is valid as zero (NULL pointers, None).
unsafe impl ExtensibleStruct for temporal_host_meter {
    const NAME: &'static str = "temporal_host_meter";
}

/// Fills `meter` with the defaults (every callback NULL) and sets its `size`.
///
/// `size` is `sizeof(temporal_host_meter)` as the caller's header defines it: the library
/// writes exactly that many bytes. Returns false and writes nothing for NULL or a size that
/// cannot be the struct's.
///
/// # Safety
/// `meter` is NULL or valid for writes of `size` bytes.
#[no_mangle]
pub unsafe extern "C" fn temporal_host_meter_default(
    meter: *mut temporal_host_meter,
    size: usize,
) -> bool {
    boundary(|| unsafe { super::write_default(meter, size) })
}

/// Writes the address the Prometheus endpoint (`temporal_runtime_options.metrics_prometheus_address`)
/// listens on, as `host:port` and NUL-terminated, into `buffer` of `buffer_size` bytes (the
/// port is the real one when port 0 was asked for). Returns the length of the address without
/// its NUL, as snprintf: when that is `buffer_size` or more, the text is cut (still
/// NUL-terminated when `buffer_size` > 0). Returns 0 and writes "" when no endpoint runs.
///
/// # Safety
/// `buffer` is NULL (then `buffer_size` must be 0) or valid for writes of `buffer_size` bytes.
#[no_mangle]
pub unsafe extern "C" fn temporal_runtime_metrics_address(
    buffer: *mut c_char,
    buffer_size: usize,
) -> usize {
    boundary(|| {
        let text = crate::metrics::prometheus_address()
            .map(|a| a.to_string())
            .unwrap_or_default();
        if !buffer.is_null() && buffer_size > 0 {
            let n = text.len().min(buffer_size - 1);
            // SAFETY: the caller gave buffer_size writable bytes; n + 1 <= buffer_size.
            unsafe {
                std::ptr::copy_nonoverlapping(text.as_ptr(), buffer as *mut u8, n);
                *buffer.add(n) = 0;
            }
        }
        text.len()
    })
}

/// Reads a host meter table (NULL: none) into a meter the crate can record into.
///
/// # Safety
/// `meter` is NULL or valid; its callbacks behave as `temporal_host_meter` says.
pub(crate) unsafe fn host_meter_from_c(
    meter: *const temporal_host_meter,
) -> Result<Option<Arc<dyn CoreMeter>>> {
    let Some(table) = (unsafe { read_struct(meter) })? else {
        return Ok(None);
    };
    let missing = [
        ("metric_new", table.metric_new.is_none()),
        ("attributes_new", table.attributes_new.is_none()),
        ("record_integer", table.record_integer.is_none()),
        ("record_float", table.record_float.is_none()),
        ("record_duration", table.record_duration.is_none()),
    ];
    if let Some((name, _)) = missing.iter().find(|(_, absent)| *absent) {
        return Err(Error::invalid_argument(format!(
            "temporal_host_meter.{name} is required"
        )));
    }
    Ok(Some(Arc::new(HostMeter(Arc::new(Table(table))))))
}

/// The host's callbacks; `meter_free` runs when the last instrument, attribute set and client
/// that uses them is gone.
struct Table(temporal_host_meter);
// SAFETY: the host promises thread-safe callbacks and a user_data usable from any thread.
unsafe impl Send for Table {}
unsafe impl Sync for Table {}

impl Drop for Table {
    fn drop(&mut self) {
        if let Some(free) = self.0.meter_free {
            // SAFETY: once, after the library's last use of the meter.
            unsafe { free(self.0.user_data) };
        }
    }
}

#[derive(Clone)]
struct HostMeter(Arc<Table>);

impl std::fmt::Debug for HostMeter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("HostMeter")
    }
}

/// A host attribute set, and its tags as text (the library reads `status_code` back).
struct HostAttributes {
    table: Arc<Table>,
    host: *mut c_void,
    tags: BTreeMap<String, String>,
}
// SAFETY: the host object is only passed back to the host's thread-safe callbacks.
unsafe impl Send for HostAttributes {}
unsafe impl Sync for HostAttributes {}

impl std::fmt::Debug for HostAttributes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HostAttributes")
            .field("tags", &self.tags)
            .finish()
    }
}

impl CustomMetricAttributes for HostAttributes {
    fn as_any(self: Arc<Self>) -> Arc<dyn Any + Send + Sync> {
        self
    }
}

impl Drop for HostAttributes {
    fn drop(&mut self) {
        if let (Some(free), false) = (self.table.0.attributes_free, self.host.is_null()) {
            // SAFETY: a set attributes_new returned, freed once.
            unsafe { free(self.table.0.user_data, self.host) };
        }
    }
}

/// The text of a tag in attributes a host meter made (for `crate::metrics`).
pub(crate) fn host_tag_value(
    attributes: Arc<dyn CustomMetricAttributes>,
    key: &str,
) -> Option<String> {
    attributes
        .as_any()
        .downcast::<HostAttributes>()
        .ok()
        .and_then(|a| a.tags.get(key).cloned())
}

fn host_attributes_of(attributes: &MetricAttributes) -> Option<Arc<HostAttributes>> {
    match attributes {
        MetricAttributes::Dynamic(custom) => {
            custom.clone().as_any().downcast::<HostAttributes>().ok()
        }
        _ => None,
    }
}

fn c_text(s: &str) -> CString {
    CString::new(s.replace('\0', " ")).unwrap_or_default()
}

impl HostMeter {
    fn attributes(
        &self,
        base: Option<Arc<HostAttributes>>,
        new: NewAttributes,
    ) -> MetricAttributes {
        let mut tags = base.as_ref().map(|b| b.tags.clone()).unwrap_or_default();
        // Keep the strings alive until the callback returns.
        let mut texts = Vec::with_capacity(new.attributes.len() * 2);
        let mut entries = Vec::with_capacity(new.attributes.len());
        for kv in &new.attributes {
            tags.insert(kv.key.clone(), kv.value.to_string());
            let key = c_text(&kv.key);
            let mut entry = temporal_metric_attribute {
                key: key.as_ptr(),
                value_type: MetricValueType::String as i32,
                string_value: std::ptr::null(),
                int_value: 0,
                float_value: 0.0,
                bool_value: false,
            };
            texts.push(key);
            match &kv.value {
                MetricValue::String(s) => {
                    let text = c_text(s);
                    entry.string_value = text.as_ptr();
                    texts.push(text);
                }
                MetricValue::Int(i) => {
                    (entry.value_type, entry.int_value) = (MetricValueType::Int as i32, *i)
                }
                MetricValue::Float(f) => {
                    (entry.value_type, entry.float_value) = (MetricValueType::Float as i32, *f)
                }
                MetricValue::Bool(b) => {
                    (entry.value_type, entry.bool_value) = (MetricValueType::Bool as i32, *b)
                }
            }
            entries.push(entry);
        }
        let append_from = base
            .as_ref()
            .map(|b| b.host)
            .unwrap_or(std::ptr::null_mut());
        let new_fn = self.0 .0.attributes_new.expect("checked at connect");
        // SAFETY: entries and their strings live until the call returns; append_from is alive
        // (base holds it).
        let host = unsafe {
            new_fn(
                self.0 .0.user_data,
                append_from,
                entries.as_ptr(),
                entries.len(),
            )
        };
        MetricAttributes::Dynamic(Arc::new(HostAttributes {
            table: self.0.clone(),
            host,
            tags,
        }))
    }

    fn instrument(&self, params: &MetricParameters, kind: MetricKind) -> Arc<HostMetric> {
        let name = c_text(&params.name);
        let description = c_text(&params.description);
        let unit = c_text(if kind == MetricKind::HistogramDuration {
            "ns"
        } else {
            &params.unit
        });
        let new_fn = self.0 .0.metric_new.expect("checked at connect");
        // SAFETY: the strings live until the call returns.
        let host = unsafe {
            new_fn(
                self.0 .0.user_data,
                name.as_ptr(),
                description.as_ptr(),
                unit.as_ptr(),
                kind as i32,
            )
        };
        Arc::new(HostMetric(Arc::new(HostInstrument {
            table: self.0.clone(),
            host,
        })))
    }
}

impl CoreMeter for HostMeter {
    fn new_attributes(&self, attributes: NewAttributes) -> MetricAttributes {
        self.attributes(None, attributes)
    }

    fn extend_attributes(
        &self,
        existing: MetricAttributes,
        attributes: NewAttributes,
    ) -> MetricAttributes {
        self.attributes(host_attributes_of(&existing), attributes)
    }

    fn counter(&self, params: MetricParameters) -> Counter {
        Counter::new(self.instrument(&params, MetricKind::Counter))
    }

    fn histogram(&self, params: MetricParameters) -> Histogram {
        Histogram::new(self.instrument(&params, MetricKind::Histogram))
    }

    fn histogram_f64(&self, params: MetricParameters) -> HistogramF64 {
        HistogramF64::new(self.instrument(&params, MetricKind::HistogramFloat))
    }

    fn histogram_duration(&self, params: MetricParameters) -> HistogramDuration {
        HistogramDuration::new(self.instrument(&params, MetricKind::HistogramDuration))
    }

    fn gauge(&self, params: MetricParameters) -> Gauge {
        Gauge::new(self.instrument(&params, MetricKind::Gauge))
    }

    fn gauge_f64(&self, params: MetricParameters) -> GaugeF64 {
        GaugeF64::new(self.instrument(&params, MetricKind::GaugeFloat))
    }

    fn up_down_counter(&self, params: MetricParameters) -> UpDownCounter {
        UpDownCounter::new(self.instrument(&params, MetricKind::UpDownCounter))
    }
}

/// A host instrument; freed with `metric_free` when the last binding of it is gone.
struct HostInstrument {
    table: Arc<Table>,
    host: *mut c_void,
}
// SAFETY: as HostAttributes.
unsafe impl Send for HostInstrument {}
unsafe impl Sync for HostInstrument {}

/// What the crate's instruments hold: binding it to attributes shares the host instrument.
struct HostMetric(Arc<HostInstrument>);

impl Drop for HostInstrument {
    fn drop(&mut self) {
        if let (Some(free), false) = (self.table.0.metric_free, self.host.is_null()) {
            // SAFETY: an instrument metric_new returned, freed once.
            unsafe { free(self.table.0.user_data, self.host) };
        }
    }
}

/// An instrument bound to an attribute set: what the crate records through.
struct Bound {
    metric: Arc<HostInstrument>,
    attributes: Option<Arc<HostAttributes>>,
}

/// The signature of every record callback, by value type.
type RecordFn<V> = unsafe extern "C" fn(*mut c_void, *mut c_void, V, *mut c_void);

impl Bound {
    /// Calls the host's record callback `record` (NULL: the value is dropped), unless the host
    /// made no instrument (NULL from metric_new).
    fn record<V>(&self, record: Option<RecordFn<V>>, value: V) {
        let table = &self.metric.table.0;
        if let (Some(record), false) = (record, self.metric.host.is_null()) {
            let attributes = self.attributes.as_ref().map(|a| a.host).unwrap_or(std::ptr::null_mut());
            // SAFETY: a live instrument and attribute set (self holds both).
            unsafe { record(table.user_data, self.metric.host, value, attributes) };
        }
    }
}

macro_rules! attributable {
    ($($base:ident),*) => {$(
        impl MetricAttributable<Box<dyn $base>> for HostMetric {
            fn with_attributes(
                &self,
                attributes: &MetricAttributes,
            ) -> std::result::Result<Box<dyn $base>, Box<dyn std::error::Error>> {
                Ok(Box::new(Bound { metric: self.0.clone(), attributes: host_attributes_of(attributes) }))
            }
        }
    )*};
}
attributable!(
    CounterBase,
    HistogramBase,
    HistogramF64Base,
    HistogramDurationBase,
    GaugeBase,
    GaugeF64Base,
    UpDownCounterBase
);

impl CounterBase for Bound {
    fn adds(&self, value: u64) {
        self.record(self.metric.table.0.record_integer, value)
    }
}

impl HistogramBase for Bound {
    fn records(&self, value: u64) {
        self.record(self.metric.table.0.record_integer, value)
    }
}

impl GaugeBase for Bound {
    fn records(&self, value: u64) {
        self.record(self.metric.table.0.record_integer, value)
    }
}

impl HistogramF64Base for Bound {
    fn records(&self, value: f64) {
        self.record(self.metric.table.0.record_float, value)
    }
}

impl GaugeF64Base for Bound {
    fn records(&self, value: f64) {
        self.record(self.metric.table.0.record_float, value)
    }
}

impl HistogramDurationBase for Bound {
    fn records(&self, value: Duration) {
        let nanos = u64::try_from(value.as_nanos()).unwrap_or(u64::MAX);
        self.record(self.metric.table.0.record_duration, nanos)
    }
}

impl UpDownCounterBase for Bound {
    fn adds(&self, value: i64) {
        self.record(self.metric.table.0.record_signed, value)
    }
}
