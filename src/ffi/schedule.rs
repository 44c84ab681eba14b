//! Schedules (the Go SDK's `ScheduleClient` and `ScheduleHandle`). Each export checks and
//! converts its arguments on the calling thread (a bad one is returned at once) and starts a
//! call (`call.rs`); the logic is in `crate::schedule`.

use super::call::{temporal_call, temporal_call_options, CallInput, OpFuture, Output};
use super::client::{client_arg, temporal_client};
use super::operations::{rpc_deadline, start};
use super::workflow::{start_options_arg, temporal_start_workflow_options};
use super::{boundary, bytes_arg, error_boundary, optional_str, optional_string, read_struct, required_str, temporal_error, write_default, ExtensibleStruct};
use crate::errors::{Error, Result};
use crate::options::duration_from_millis;
use crate::payloads::object_to_payload_map;
use crate::schedule::{
    check_backfills, check_overlap_policy, decode_schedule_proto, unhex, ScheduleBackfill, ScheduleCalendar,
    ScheduleDefinition, ScheduleFields, ScheduleInterval, ScheduleOptions, ScheduleSpecOptions, ScheduleWorkflowAction,
};
use std::ffi::c_char;
use std::mem::offset_of;

/// `overlap_policy` value: the server's default (SKIP); for a trigger or a backfill, the
/// schedule's own policy.
pub const TEMPORAL_SCHEDULE_OVERLAP_POLICY_UNSPECIFIED: i32 = 0;
/// Do not start an action while the previous one is still running (the server's default).
pub const TEMPORAL_SCHEDULE_OVERLAP_POLICY_SKIP: i32 = 1;
/// Start one more action as soon as the running one closes; further ones are skipped.
pub const TEMPORAL_SCHEDULE_OVERLAP_POLICY_BUFFER_ONE: i32 = 2;
/// Start every overlapping action, one after another, as the running ones close.
pub const TEMPORAL_SCHEDULE_OVERLAP_POLICY_BUFFER_ALL: i32 = 3;
/// Cancel the running action, then start the new one once it has closed.
pub const TEMPORAL_SCHEDULE_OVERLAP_POLICY_CANCEL_OTHER: i32 = 4;
/// Terminate the running action and start the new one at once.
pub const TEMPORAL_SCHEDULE_OVERLAP_POLICY_TERMINATE_OTHER: i32 = 5;
/// Start every action at once, however many are running.
pub const TEMPORAL_SCHEDULE_OVERLAP_POLICY_ALLOW_ALL: i32 = 6;

/// The Go SDK's `ScheduleIntervalSpec`: an action every `every_ms` (not 0), shifted by
/// `offset_ms` from the Unix epoch's multiples of it.
#[repr(C)]
pub struct temporal_schedule_interval {
    /// The period (not 0).
    pub every_ms: u64,
    /// The shift of each action from the epoch's multiples of `every_ms`; 0: none.
    pub offset_ms: u64,
}

/// A calendar spec as range strings, as the server parses them ("0", "*", "1-5", "0-59/15",
/// a step after a star too, "MON-FRI", "1,15"). NULL or "": the server's default for that
/// field ("0" for second, minute and hour; "*" for the others). `comment` is free text.
#[repr(C)]
pub struct temporal_schedule_calendar {
    /// 0-59; NULL or "": "0".
    pub second: *const c_char,
    /// 0-59; NULL or "": "0".
    pub minute: *const c_char,
    /// 0-23; NULL or "": "0".
    pub hour: *const c_char,
    /// 1-31; NULL or "": "*".
    pub day_of_month: *const c_char,
    /// 1-12 or JAN-DEC; NULL or "": "*".
    pub month: *const c_char,
    /// 0-6 (Sunday 0) or SUN-SAT; NULL or "": "*".
    pub day_of_week: *const c_char,
    /// Years, e.g. "2030"; NULL or "": "*".
    pub year: *const c_char,
    /// Free text, kept with the calendar; NULL: none.
    pub comment: *const c_char,
}

/// The Go SDK's `ScheduleBackfill`: run the actions the spec would have run between the two
/// times (both required, Unix milliseconds, start not after end). `overlap_policy`: a
/// `TEMPORAL_SCHEDULE_OVERLAP_POLICY_*` value; 0: the schedule's policy.
#[repr(C)]
pub struct temporal_schedule_backfill {
    /// The range's start, Unix ms (required).
    pub start_time_unix_ms: i64,
    /// The range's end, Unix ms (required, not before the start).
    pub end_time_unix_ms: i64,
    /// A `TEMPORAL_SCHEDULE_OVERLAP_POLICY_*` value; 0: the schedule's policy.
    pub overlap_policy: i32,
}

/// The Go SDK's `ScheduleOptions` (create) and `Schedule` (update). Initialise with
/// `temporal_schedule_options_default`. Arrays are borrowed during the call; NULL is allowed
/// only with a length of 0. Strings: NULL or "" means not set. Durations are milliseconds (at
/// most `TEMPORAL_MAX_DURATION_MS`). Extensible: the library reads only the fields inside
/// `size`, and every field's default is its zero value.
///
/// A schedule is given either by the spec, action, policies and state fields, or by
/// `schedule_proto`; not both.
#[repr(C)]
pub struct temporal_schedule_options {
    /// `sizeof(temporal_schedule_options)`, set by `temporal_schedule_options_default`.
    pub size: usize,
    /// Spec: cron strings ("0 12 * * MON-FRI", also "@every 1h" and the other forms the server
    /// reads); the server turns them into calendars, which describe shows.
    pub cron_strings: *const *const c_char,
    /// The number of elements of `cron_strings`; 0: none (then `cron_strings` may be NULL).
    pub cron_strings_len: usize,
    /// Spec: intervals.
    pub intervals: *const temporal_schedule_interval,
    /// The number of elements of `intervals`; 0: none (then `intervals` may be NULL).
    pub intervals_len: usize,
    /// Spec: calendars.
    pub calendars: *const temporal_schedule_calendar,
    /// The number of elements of `calendars`; 0: none (then `calendars` may be NULL).
    pub calendars_len: usize,
    /// Spec: times that match none of the above actions (the Go SDK's `Skip`).
    pub exclude_calendars: *const temporal_schedule_calendar,
    /// The number of elements of `exclude_calendars`; 0: none (then `exclude_calendars` may be NULL).
    pub exclude_calendars_len: usize,
    /// Spec: no action before this time (Unix ms); 0: unbounded.
    pub start_time_unix_ms: i64,
    /// Spec: no action after this time (Unix ms); 0: unbounded.
    pub end_time_unix_ms: i64,
    /// Spec: each action is delayed by a random time up to this.
    pub jitter_ms: u64,
    /// Spec: the IANA time zone of the calendars and cron strings ("America/New_York"); NULL:
    /// UTC.
    pub time_zone_name: *const c_char,
    /// Action: the type of the workflow each action starts (required).
    pub workflow_type: *const c_char,
    /// Action: the workflow's arguments as a JSON array, or NULL; or give them as
    /// `temporal_call_options.args_payloads` (not both). Through the payload codec.
    pub args_json: *const c_char,
    /// Action: the start options. Required, with `id` (the action's workflow ID; each run's ID
    /// is this plus the scheduled time, unless `keep_original_workflow_id`) and `task_queue`.
    /// Refused if set, as they mean nothing for a scheduled start: `id_reuse_policy`,
    /// `id_conflict_policy`, `error_when_already_started`, `cron_schedule`, `start_delay_ms`.
    pub workflow_options: *const temporal_start_workflow_options,
    /// Policies: a `TEMPORAL_SCHEDULE_OVERLAP_POLICY_*` value; 0: the server's default (SKIP).
    pub overlap_policy: i32,
    /// Policies: how late a missed action may still run (after a server outage); 0: the
    /// server's default (one year).
    pub catchup_window_ms: u64,
    /// Policies: pause the schedule when an action's workflow fails.
    pub pause_on_failure: bool,
    /// Policies: start each workflow with `workflow_options.id` as it is, without the
    /// scheduled time appended.
    pub keep_original_workflow_id: bool,
    /// State: created (or updated) paused.
    pub paused: bool,
    /// State: a note about the state (shown by describe and list).
    pub note: *const c_char,
    /// State: how many more actions the schedule runs; 0: unlimited. Not negative.
    pub remaining_actions: i64,
    /// Create only (refused by update): one action at once, with `overlap_policy`.
    pub trigger_immediately: bool,
    /// Create only (refused by update): backfills run right after the create.
    pub backfills: *const temporal_schedule_backfill,
    /// The number of elements of `backfills`; 0: none (then `backfills` may be NULL).
    pub backfills_len: usize,
    /// The schedule's own memo as a JSON object (through the payload codec). Create only.
    pub memo_json: *const c_char,
    /// The schedule's own search attributes as a JSON object (registered on the namespace).
    /// Update: replaces them; NULL keeps them.
    pub search_attributes_json: *const c_char,
    /// Instead of every spec, action, policies and state field above: the schedule as its
    /// `temporal.api.schedule.v1.Schedule` protobuf encoding (for hosts with the generated
    /// types). Those fields must then be left at their defaults; the library still sets
    /// namespace, identity and request ID, and runs the payload codec over its payloads.
    pub schedule_proto: *const u8,
    /// The number of elements of `schedule_proto` (bytes); 0: none (then `schedule_proto` may be NULL).
    pub schedule_proto_len: usize,
}

// SAFETY: repr(C), starts with size, every field is valid as zero; the bools are listed.
unsafe impl ExtensibleStruct for temporal_schedule_options {
    const NAME: &'static str = "temporal_schedule_options";
    const BOOL_FIELDS: &'static [(usize, &'static str)] = &[
        (offset_of!(temporal_schedule_options, pause_on_failure), "pause_on_failure"),
        (offset_of!(temporal_schedule_options, keep_original_workflow_id), "keep_original_workflow_id"),
        (offset_of!(temporal_schedule_options, paused), "paused"),
        (offset_of!(temporal_schedule_options, trigger_immediately), "trigger_immediately"),
    ];
}

/// Fills `options` with the defaults (every field zero) and sets its `size`. Returns false and
/// writes nothing for NULL or a size that cannot be the struct's.
///
/// # Safety
/// `options` is NULL or valid for writes of `size` bytes.
#[no_mangle]
pub unsafe extern "C" fn temporal_schedule_options_default(options: *mut temporal_schedule_options, size: usize) -> bool {
    boundary(|| unsafe { write_default(options, size) })
}

/// A borrowed C array; NULL only with a length of 0.
///
/// # Safety
/// `ptr` is NULL or valid for reads of `len` elements.
unsafe fn array_arg<'a, T>(ptr: *const T, len: usize, name: &str) -> Result<&'a [T]> {
    match (ptr.is_null(), len) {
        (true, 0) => Ok(&[]),
        (true, _) => Err(Error::invalid_argument(format!("{name} is NULL but {name}_len is {len}"))),
        (false, _) if (ptr as usize) % std::mem::align_of::<T>() != 0 => {
            Err(Error::invalid_argument(format!("{name} is not aligned for its element type")))
        }
        // SAFETY: the caller promised `len` readable elements.
        (false, _) => Ok(unsafe { std::slice::from_raw_parts(ptr, len) }),
    }
}

/// # Safety
/// Every non-NULL string of `c` is NUL-terminated.
unsafe fn calendar_arg(c: &temporal_schedule_calendar, name: &str) -> Result<ScheduleCalendar> {
    let s = |p, field: &str| unsafe { optional_string(p, &format!("{name}.{field}")) }.map(Option::unwrap_or_default);
    Ok(ScheduleCalendar {
        second: s(c.second, "second")?,
        minute: s(c.minute, "minute")?,
        hour: s(c.hour, "hour")?,
        day_of_month: s(c.day_of_month, "day_of_month")?,
        month: s(c.month, "month")?,
        day_of_week: s(c.day_of_week, "day_of_week")?,
        year: s(c.year, "year")?,
        comment: s(c.comment, "comment")?,
    })
}

/// # Safety
/// `ptr` is NULL or valid for `len` elements.
unsafe fn calendars_arg(ptr: *const temporal_schedule_calendar, len: usize, name: &str) -> Result<Vec<ScheduleCalendar>> {
    unsafe { array_arg(ptr, len, name) }?
        .iter()
        .enumerate()
        .map(|(i, c)| unsafe { calendar_arg(c, &format!("{name}[{i}]")) })
        .collect()
}

/// # Safety
/// `ptr` is NULL or valid for `len` elements.
unsafe fn backfills_arg(ptr: *const temporal_schedule_backfill, len: usize, name: &str) -> Result<Vec<ScheduleBackfill>> {
    let backfills: Vec<ScheduleBackfill> = unsafe { array_arg(ptr, len, name) }?
        .iter()
        .map(|b| ScheduleBackfill {
            start_unix_ms: b.start_time_unix_ms,
            end_unix_ms: b.end_time_unix_ms,
            overlap_policy: b.overlap_policy,
        })
        .collect();
    check_backfills(&backfills)?;
    Ok(backfills)
}

/// Whether any spec, action, policies or state field is set (they must not be, with
/// `schedule_proto`): the name of the first one. An array counts as set when it has a length.
fn first_schedule_field(o: &temporal_schedule_options) -> Option<&'static str> {
    [
        ("cron_strings", o.cron_strings_len != 0),
        ("intervals", o.intervals_len != 0),
        ("calendars", o.calendars_len != 0),
        ("exclude_calendars", o.exclude_calendars_len != 0),
        ("start_time_unix_ms", o.start_time_unix_ms != 0),
        ("end_time_unix_ms", o.end_time_unix_ms != 0),
        ("jitter_ms", o.jitter_ms != 0),
        ("time_zone_name", !o.time_zone_name.is_null()),
        ("workflow_type", !o.workflow_type.is_null()),
        ("args_json", !o.args_json.is_null()),
        ("workflow_options", !o.workflow_options.is_null()),
        ("overlap_policy", o.overlap_policy != 0),
        ("catchup_window_ms", o.catchup_window_ms != 0),
        ("pause_on_failure", o.pause_on_failure),
        ("keep_original_workflow_id", o.keep_original_workflow_id),
        ("paused", o.paused),
        ("note", !o.note.is_null()),
        ("remaining_actions", o.remaining_actions != 0),
    ]
    .into_iter()
    .find(|(_, set)| *set)
    .map(|(name, _)| name)
}

/// The schedule options, converted and checked (the caller checks them for create or update).
///
/// # Safety
/// `options` is NULL or valid, as every pointer in it (arrays of their lengths).
unsafe fn schedule_options_arg(options: *const temporal_schedule_options, input: &mut CallInput) -> Result<ScheduleOptions> {
    let Some(o) = (unsafe { read_struct(options) })? else {
        return Err(Error::invalid_argument("options must not be NULL (a schedule needs a spec and an action)"));
    };
    let proto = unsafe { bytes_arg(o.schedule_proto, o.schedule_proto_len, "options.schedule_proto", "schedule_proto_len") }?;
    let definition = if !proto.is_empty() {
        let schedule = decode_schedule_proto(proto)?;
        if let Some(field) = first_schedule_field(&o) {
            return Err(Error::invalid_argument(format!(
                "options.schedule_proto and options.{field} are both set: give the schedule as fields or as a proto, not both"
            )));
        }
        ScheduleDefinition::Proto(Box::new(schedule))
    } else {
        let cron_strings = unsafe { array_arg(o.cron_strings, o.cron_strings_len, "options.cron_strings") }?
            .iter()
            .enumerate()
            .map(|(i, s)| unsafe { required_str(*s, &format!("options.cron_strings[{i}]")) }.map(str::to_owned))
            .collect::<Result<Vec<_>>>()?;
        let intervals = unsafe { array_arg(o.intervals, o.intervals_len, "options.intervals") }?
            .iter()
            .enumerate()
            .map(|(i, v)| {
                Ok(ScheduleInterval {
                    every: duration_from_millis(&format!("options.intervals[{i}].every_ms"), v.every_ms)?,
                    offset: duration_from_millis(&format!("options.intervals[{i}].offset_ms"), v.offset_ms)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let spec = ScheduleSpecOptions {
            cron_strings,
            intervals,
            calendars: unsafe { calendars_arg(o.calendars, o.calendars_len, "options.calendars") }?,
            exclude_calendars: unsafe { calendars_arg(o.exclude_calendars, o.exclude_calendars_len, "options.exclude_calendars") }?,
            start_unix_ms: o.start_time_unix_ms,
            end_unix_ms: o.end_time_unix_ms,
            jitter: duration_from_millis("options.jitter_ms", o.jitter_ms)?,
            time_zone_name: unsafe { optional_string(o.time_zone_name, "options.time_zone_name") }?.unwrap_or_default(),
        };
        if o.workflow_options.is_null() {
            return Err(Error::invalid_argument(
                "options.workflow_options must not be NULL (the action's workflow ID and task queue are required)",
            ));
        }
        let action = ScheduleWorkflowAction {
            workflow_type: unsafe { optional_string(o.workflow_type, "options.workflow_type") }?.unwrap_or_default(),
            args: unsafe { input.args(o.args_json, "options.args_json") }?,
            options: unsafe { start_options_arg(o.workflow_options) }?,
        };
        ScheduleDefinition::Fields(Box::new(ScheduleFields {
            spec,
            action,
            overlap_policy: o.overlap_policy,
            catchup_window: duration_from_millis("options.catchup_window_ms", o.catchup_window_ms)?,
            pause_on_failure: o.pause_on_failure,
            keep_original_workflow_id: o.keep_original_workflow_id,
            paused: o.paused,
            note: unsafe { optional_string(o.note, "options.note") }?.unwrap_or_default(),
            remaining_actions: o.remaining_actions,
        }))
    };
    let payload_map = |p, name, what| -> Result<_> {
        Ok(match unsafe { optional_str(p, name) }? {
            Some(text) => Some(object_to_payload_map(what, text)?),
            None => None,
        })
    };
    Ok(ScheduleOptions {
        definition,
        trigger_immediately: o.trigger_immediately,
        backfills: unsafe { backfills_arg(o.backfills, o.backfills_len, "options.backfills") }?,
        memo: payload_map(o.memo_json, "options.memo_json", "memo")?,
        search_attributes: payload_map(o.search_attributes_json, "options.search_attributes_json", "search attributes")?,
    })
}

/// A required, non-empty schedule ID.
///
/// # Safety
/// `schedule_id` is NULL or NUL-terminated.
unsafe fn id_arg(schedule_id: *const c_char) -> Result<String> {
    let id = unsafe { required_str(schedule_id, "schedule_id") }?;
    if id.is_empty() {
        return Err(Error::invalid_argument("schedule_id must not be empty"));
    }
    Ok(id.to_owned())
}

/// Creates a schedule: the Go SDK's `ScheduleClient.Create`. `schedule_id` is required;
/// `options` too (a spec and an action, or `schedule_proto`). An ID in use is
/// `TEMPORAL_ERROR_CODE_ALREADY_EXISTS` with `schedule_id` in the details. Timeout
/// `TEMPORAL_TIMEOUT_DEFAULT`: 10 s. The completed call has no result.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated; arrays of their lengths.
#[no_mangle]
pub unsafe extern "C" fn temporal_schedule_create_async(
    client: *const temporal_client,
    schedule_id: *const c_char,
    options: *const temporal_schedule_options,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| {
        let prepare = |input: &mut CallInput| -> Result<OpFuture> {
            let d = rpc_deadline(input.timeout);
            let client = unsafe { client_arg(client) }?.clone();
            let id = unsafe { id_arg(schedule_id) }?;
            let options = unsafe { schedule_options_arg(options, input) }?;
            options.validate_for_create()?;
            Ok(Box::pin(async move { client.create_schedule(&id, &options, d).await.map(|()| Output::Unit) }))
        };
        unsafe { start(call_options, call_out, prepare) }
    })
}

/// Describes a schedule: the Go SDK's `ScheduleHandle.Describe`. No such schedule is
/// `TEMPORAL_ERROR_CODE_NOT_FOUND`. Timeout `TEMPORAL_TIMEOUT_DEFAULT`: 10 s.
///
/// The completed call's JSON (`temporal_call_get_json`), times as RFC 3339 text (null when
/// unset), durations in ms:
/// `{"schedule_id", "spec": {"cron_strings": [...], "intervals": [{"every_ms", "offset_ms"}],
/// "calendars": [{"second", "minute", "hour", "day_of_month", "month", "year", "day_of_week",
/// "comment"}], "exclude_calendars": [...], "start_time", "end_time", "jitter_ms",
/// "time_zone_name"}, "action": {"workflow_type", "workflow_id", "task_queue", "args": [JSON
/// values, null for one that is not JSON], "execution_timeout_ms", "run_timeout_ms",
/// "task_timeout_ms", "memo": {...} or null, "search_attributes": {...} or null},
/// "policies": {"overlap_policy": "SKIP"... ("UNSPECIFIED" for the default),
/// "catchup_window_ms", "pause_on_failure", "keep_original_workflow_id"}, "state": {"paused",
/// "note", "remaining_actions", "limited_actions"}, "info": {"action_count",
/// "missed_catchup_window", "overlap_skipped", "running_workflows": [{"workflow_id",
/// "run_id"}], "recent_actions": [{"schedule_time", "actual_time", "workflow_id", "run_id"}],
/// "next_action_times": [...], "create_time", "update_time"}, "memo": {...},
/// "search_attributes": {...}, "conflict_token": "hex"}`.
/// The server keeps cron strings and string calendars as structured calendars, so they come
/// back in "calendars" as range strings ("*" for a field's whole range, "1-5", "0-59/15",
/// "1,15"). `temporal_call_get_bytes` gives the `DescribeScheduleResponse` protobuf encoding
/// (after the payload codec's decode).
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_schedule_describe_async(
    client: *const temporal_client,
    schedule_id: *const c_char,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| {
        let prepare = |input: &mut CallInput| -> Result<OpFuture> {
            let d = rpc_deadline(input.timeout);
            let client = unsafe { client_arg(client) }?.clone();
            let id = unsafe { id_arg(schedule_id) }?;
            Ok(Box::pin(async move {
                client.describe_schedule(&id, d).await.map(|(json, proto)| Output::JsonAndProto(json, proto))
            }))
        };
        unsafe { start(call_options, call_out, prepare) }
    })
}

/// Updates a schedule: the Go SDK's `ScheduleHandle.Update`, which sends the whole schedule,
/// so the spec, action, policies and state are all replaced by `options` (as fields or
/// `schedule_proto`); `options.search_attributes_json`, if set, replaces the schedule's search
/// attributes. Refused: `trigger_immediately`, `backfills`, `memo_json` (create only).
/// `conflict_token`: the hex text of describe's `conflict_token`, to have the update refused
/// if the schedule changed since; NULL or "": none (as the Go SDK). A stale token is the
/// server's to judge: the dev server (1.32, whose scheduler is a workflow) answers OK and drops
/// the update, so describe's `conflict_token` (one more per applied change) is what shows it;
/// a server that refuses it answers `FAILED_PRECONDITION`, which is `TEMPORAL_ERROR_CODE_RPC`
/// with `grpc_code` in the details. Timeout `TEMPORAL_TIMEOUT_DEFAULT`: 10 s. No result.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated; arrays of their lengths.
#[no_mangle]
pub unsafe extern "C" fn temporal_schedule_update_async(
    client: *const temporal_client,
    schedule_id: *const c_char,
    options: *const temporal_schedule_options,
    conflict_token: *const c_char,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| {
        let prepare = |input: &mut CallInput| -> Result<OpFuture> {
            let d = rpc_deadline(input.timeout);
            let client = unsafe { client_arg(client) }?.clone();
            let id = unsafe { id_arg(schedule_id) }?;
            let token = unhex("conflict_token", unsafe { optional_str(conflict_token, "conflict_token") }?.unwrap_or_default())?;
            let options = unsafe { schedule_options_arg(options, input) }?;
            options.validate_for_update()?;
            Ok(Box::pin(async move { client.update_schedule(&id, &options, token, d).await.map(|()| Output::Unit) }))
        };
        unsafe { start(call_options, call_out, prepare) }
    })
}

/// Pauses a schedule: the Go SDK's `ScheduleHandle.Pause`. `note` NULL or "": the Go SDK's
/// "Paused via Go SDK". Timeout `TEMPORAL_TIMEOUT_DEFAULT`: 10 s. No result.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_schedule_pause_async(
    client: *const temporal_client,
    schedule_id: *const c_char,
    note: *const c_char,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| {
        let prepare = |input: &mut CallInput| -> Result<OpFuture> {
            let d = rpc_deadline(input.timeout);
            let client = unsafe { client_arg(client) }?.clone();
            let id = unsafe { id_arg(schedule_id) }?;
            let note = unsafe { optional_string(note, "note") }?.unwrap_or_default();
            Ok(Box::pin(async move { client.pause_schedule(&id, &note, d).await.map(|()| Output::Unit) }))
        };
        unsafe { start(call_options, call_out, prepare) }
    })
}

/// Unpauses a schedule: the Go SDK's `ScheduleHandle.Unpause`. `note` NULL or "": the Go SDK's
/// "Unpaused via Go SDK". Timeout `TEMPORAL_TIMEOUT_DEFAULT`: 10 s. No result.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_schedule_unpause_async(
    client: *const temporal_client,
    schedule_id: *const c_char,
    note: *const c_char,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| {
        let prepare = |input: &mut CallInput| -> Result<OpFuture> {
            let d = rpc_deadline(input.timeout);
            let client = unsafe { client_arg(client) }?.clone();
            let id = unsafe { id_arg(schedule_id) }?;
            let note = unsafe { optional_string(note, "note") }?.unwrap_or_default();
            Ok(Box::pin(async move { client.unpause_schedule(&id, &note, d).await.map(|()| Output::Unit) }))
        };
        unsafe { start(call_options, call_out, prepare) }
    })
}

/// Runs the schedule's action once, now: the Go SDK's `ScheduleHandle.Trigger`.
/// `overlap_policy`: a `TEMPORAL_SCHEDULE_OVERLAP_POLICY_*` value; 0: the schedule's policy.
/// Timeout `TEMPORAL_TIMEOUT_DEFAULT`: 10 s. No result (the server starts the workflow a
/// moment later; describe's `recent_actions` shows it).
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_schedule_trigger_async(
    client: *const temporal_client,
    schedule_id: *const c_char,
    overlap_policy: i32,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| {
        let prepare = |input: &mut CallInput| -> Result<OpFuture> {
            let d = rpc_deadline(input.timeout);
            let client = unsafe { client_arg(client) }?.clone();
            let id = unsafe { id_arg(schedule_id) }?;
            check_overlap_policy("overlap_policy", overlap_policy)?;
            Ok(Box::pin(async move { client.trigger_schedule(&id, overlap_policy, d).await.map(|()| Output::Unit) }))
        };
        unsafe { start(call_options, call_out, prepare) }
    })
}

/// Runs the actions the spec would have run in past (or future) ranges: the Go SDK's
/// `ScheduleHandle.Backfill`. `backfills`: at least one (each with a start and an end, start
/// not after end). Timeout `TEMPORAL_TIMEOUT_DEFAULT`: 10 s. No result.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated; `backfills` of `backfills_len`.
#[no_mangle]
pub unsafe extern "C" fn temporal_schedule_backfill_async(
    client: *const temporal_client,
    schedule_id: *const c_char,
    backfills: *const temporal_schedule_backfill,
    backfills_len: usize,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| {
        let prepare = |input: &mut CallInput| -> Result<OpFuture> {
            let d = rpc_deadline(input.timeout);
            let client = unsafe { client_arg(client) }?.clone();
            let id = unsafe { id_arg(schedule_id) }?;
            let backfills = unsafe { backfills_arg(backfills, backfills_len, "backfills") }?;
            if backfills.is_empty() {
                return Err(Error::invalid_argument("backfills: give at least one (backfills_len is 0)"));
            }
            Ok(Box::pin(async move { client.backfill_schedule(&id, &backfills, d).await.map(|()| Output::Unit) }))
        };
        unsafe { start(call_options, call_out, prepare) }
    })
}

/// Deletes a schedule: the Go SDK's `ScheduleHandle.Delete` (the workflows it started keep
/// running). No such schedule is `TEMPORAL_ERROR_CODE_NOT_FOUND`. Timeout
/// `TEMPORAL_TIMEOUT_DEFAULT`: 10 s. No result.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_schedule_delete_async(
    client: *const temporal_client,
    schedule_id: *const c_char,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| {
        let prepare = |input: &mut CallInput| -> Result<OpFuture> {
            let d = rpc_deadline(input.timeout);
            let client = unsafe { client_arg(client) }?.clone();
            let id = unsafe { id_arg(schedule_id) }?;
            Ok(Box::pin(async move { client.delete_schedule(&id, d).await.map(|()| Output::Unit) }))
        };
        unsafe { start(call_options, call_out, prepare) }
    })
}

/// One page of the Go SDK's `ListSchedules`. `query`: a visibility query over the schedules'
/// search attributes, NULL or "": all. `page_size`: 0 for the server's default, not negative.
/// `page_token`: NULL or "" for the first page, else the previous page's `next_page_token`.
/// The list is eventually consistent: a schedule just created may show a moment later.
/// Timeout `TEMPORAL_TIMEOUT_DEFAULT`: 10 s.
///
/// The completed call's JSON: `{"schedules": [{"schedule_id", "workflow_type", "paused",
/// "note", "recent_actions": [as describe], "next_action_times": [RFC 3339], "memo": {...},
/// "search_attributes": {...}}], "next_page_token": "hex" ("" on the last page)}`;
/// `temporal_call_get_bytes` gives the `ListSchedulesResponse` protobuf encoding (after the
/// payload codec's decode).
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_schedule_list_async(
    client: *const temporal_client,
    query: *const c_char,
    page_size: i32,
    page_token: *const c_char,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| {
        let prepare = |input: &mut CallInput| -> Result<OpFuture> {
            let d = rpc_deadline(input.timeout);
            let client = unsafe { client_arg(client) }?.clone();
            let query = unsafe { optional_string(query, "query") }?.unwrap_or_default();
            let token = unsafe { optional_string(page_token, "page_token") }?.unwrap_or_default();
            if page_size < 0 {
                return Err(Error::invalid_argument("page_size must not be negative (0: the server's default)"));
            }
            unhex("page_token", &token)?;
            Ok(Box::pin(async move {
                client.list_schedules(&query, page_size, &token, d).await.map(|(json, proto)| Output::JsonAndProto(json, proto))
            }))
        };
        unsafe { start(call_options, call_out, prepare) }
    })
}
