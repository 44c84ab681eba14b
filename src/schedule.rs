//! Schedules: the Go SDK's `ScheduleClient` (`Create`, and the handle's `Describe`, `Update`,
//! `Pause`, `Unpause`, `Trigger`, `Backfill`, `Delete`) and `ListSchedules`, each one raw
//! workflow-service call (CreateSchedule, DescribeSchedule, UpdateSchedule, PatchSchedule,
//! DeleteSchedule, ListSchedules).
//!
//! The schedule is built here as the `temporal.api.schedule.v1.Schedule` proto, with the Go
//! SDK's defaults (internal_schedule_client.go): a new request ID per call, the client's
//! identity, zero durations left unset where the server applies its own default (catch-up
//! window), an initial patch only for trigger-immediately or backfills. The action's
//! start-workflow fields come from the start options through `Client::start_request`, so a
//! scheduled start is built exactly as a direct one. Payloads (action arguments, action memo,
//! schedule memo) go through the client's codec; search attributes never do.

use crate::client::{proto_duration, Client};
use crate::errors::{grpc_code_name, Error, ErrorCode, Result};
use crate::options::{ValidStartWorkflowOptions, WorkflowIdConflictPolicy, WorkflowIdReusePolicy};
use crate::rpc::{self, deadline_or_default, unary};
use prost::Message as _;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::time::Duration;
use temporalio_client::grpc::WorkflowService as _;
use temporalio_common::protos::temporal::api::{
    common::v1::{Memo, Payload, Payloads, SearchAttributes},
    enums::v1::ScheduleOverlapPolicy,
    schedule::v1::{
        schedule_action, BackfillRequest, CalendarSpec, IntervalSpec, Range, Schedule, ScheduleAction,
        ScheduleActionResult, SchedulePatch, SchedulePolicies, ScheduleSpec, ScheduleState, StructuredCalendarSpec,
        TriggerImmediatelyRequest,
    },
    workflow::v1::NewWorkflowExecutionInfo,
    workflowservice::v1::*,
};

/// The Go SDK's default notes (`Pause` / `Unpause` with an empty note).
pub const DEFAULT_PAUSE_NOTE: &str = "Paused via Go SDK";
pub const DEFAULT_UNPAUSE_NOTE: &str = "Unpaused via Go SDK";

/// The Go SDK's `ScheduleIntervalSpec`: every `every`, shifted by `offset`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScheduleInterval {
    pub every: Duration,
    pub offset: Duration,
}

/// A calendar spec as range strings, as the server parses them ("0", "*", "1-5", "*/15",
/// "MON-FRI", "1,15"); an empty field is the server's default for it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScheduleCalendar {
    pub second: String,
    pub minute: String,
    pub hour: String,
    pub day_of_month: String,
    pub month: String,
    pub day_of_week: String,
    pub year: String,
    pub comment: String,
}

/// The Go SDK's `ScheduleBackfill`: run the actions the spec would have run in this range.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScheduleBackfill {
    pub start_unix_ms: i64,
    pub end_unix_ms: i64,
    /// `enums.v1.ScheduleOverlapPolicy` (0: the schedule's policy).
    pub overlap_policy: i32,
}

/// The Go SDK's `ScheduleSpec`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScheduleSpecOptions {
    pub cron_strings: Vec<String>,
    pub intervals: Vec<ScheduleInterval>,
    pub calendars: Vec<ScheduleCalendar>,
    pub exclude_calendars: Vec<ScheduleCalendar>,
    /// 0: unbounded.
    pub start_unix_ms: i64,
    /// 0: unbounded.
    pub end_unix_ms: i64,
    pub jitter: Duration,
    pub time_zone_name: String,
}

/// The Go SDK's `ScheduleWorkflowAction`: the workflow each action starts.
#[derive(Clone, Debug)]
pub struct ScheduleWorkflowAction {
    pub workflow_type: String,
    /// Already converted, not yet through the codec.
    pub args: Option<Payloads>,
    pub options: ValidStartWorkflowOptions,
}

/// Spec, action, policies and state: what Create and Update send as the schedule.
#[derive(Clone, Debug)]
pub struct ScheduleFields {
    pub spec: ScheduleSpecOptions,
    pub action: ScheduleWorkflowAction,
    /// `enums.v1.ScheduleOverlapPolicy`; 0: the server's default (SKIP).
    pub overlap_policy: i32,
    /// Zero: the server's default.
    pub catchup_window: Duration,
    pub pause_on_failure: bool,
    pub keep_original_workflow_id: bool,
    pub paused: bool,
    pub note: String,
    /// 0: unlimited.
    pub remaining_actions: i64,
}

/// Where the schedule comes from: the fields above, or a host's own encoding of the proto.
#[derive(Clone, Debug)]
pub enum ScheduleDefinition {
    Fields(Box<ScheduleFields>),
    Proto(Box<Schedule>),
}

/// Everything Create takes besides the ID (Update takes the definition and the search
/// attributes only).
#[derive(Clone, Debug)]
pub struct ScheduleOptions {
    pub definition: ScheduleDefinition,
    pub trigger_immediately: bool,
    pub backfills: Vec<ScheduleBackfill>,
    /// Converted (one payload each), not yet through the codec.
    pub memo: Option<HashMap<String, Payload>>,
    pub search_attributes: Option<HashMap<String, Payload>>,
}

/// Checks an overlap policy number (`what` names the field).
pub fn check_overlap_policy(what: &str, policy: i32) -> Result<()> {
    if ScheduleOverlapPolicy::try_from(policy).is_err() {
        return Err(Error::invalid_argument(format!(
            "{what} is {policy}: it must be 0 (the default) or 1 (SKIP) to 6 (ALLOW_ALL)"
        )));
    }
    Ok(())
}

fn check_range(what: &str, start: i64, end: i64) -> Result<()> {
    if start != 0 && end != 0 && start > end {
        return Err(Error::invalid_argument(format!("{what}: the start time ({start} ms) is after the end time ({end} ms)")));
    }
    Ok(())
}

/// Checks backfills: each a range with a start and an end, in order, and a known policy.
pub fn check_backfills(backfills: &[ScheduleBackfill]) -> Result<()> {
    for (i, b) in backfills.iter().enumerate() {
        let what = format!("backfills[{i}]");
        if b.start_unix_ms == 0 || b.end_unix_ms == 0 {
            return Err(Error::invalid_argument(format!("{what}: both a start and an end time are required")));
        }
        check_range(&what, b.start_unix_ms, b.end_unix_ms)?;
        check_overlap_policy(&format!("{what}.overlap_policy"), b.overlap_policy)?;
    }
    Ok(())
}

impl ScheduleFields {
    /// Checks what the server would otherwise reject less clearly, and the start options that
    /// have no meaning for a scheduled start.
    pub fn validate(&self) -> Result<()> {
        let s = &self.spec;
        if s.cron_strings.is_empty() && s.intervals.is_empty() && s.calendars.is_empty() {
            return Err(Error::invalid_argument(
                "schedule spec: give at least one cron string, interval or calendar (or schedule_proto)",
            ));
        }
        if let Some(i) = s.cron_strings.iter().position(String::is_empty) {
            return Err(Error::invalid_argument(format!("cron_strings[{i}] is empty")));
        }
        if let Some(i) = s.intervals.iter().position(|i| i.every.is_zero()) {
            return Err(Error::invalid_argument(format!("intervals[{i}].every_ms must not be 0")));
        }
        check_range("schedule spec", s.start_unix_ms, s.end_unix_ms)?;
        check_overlap_policy("overlap_policy", self.overlap_policy)?;
        if self.remaining_actions < 0 {
            return Err(Error::invalid_argument("remaining_actions must not be negative (0: unlimited)"));
        }
        let a = &self.action;
        if a.workflow_type.is_empty() {
            return Err(Error::invalid_argument("workflow_type is required (the workflow each action starts)"));
        }
        let o = &a.options;
        if o.id.is_empty() {
            return Err(Error::invalid_argument("workflow_options.id is required (the action's workflow ID)"));
        }
        let refused = [
            ("id_reuse_policy", o.workflow_id_reuse_policy != WorkflowIdReusePolicy::Unspecified),
            ("id_conflict_policy", o.workflow_id_conflict_policy != WorkflowIdConflictPolicy::Unspecified),
            ("error_when_already_started", o.workflow_execution_error_when_already_started),
            ("cron_schedule", !o.cron_schedule.is_empty()),
            ("start_delay_ms", !o.start_delay.is_zero()),
        ];
        if let Some((field, _)) = refused.iter().find(|(_, set)| *set) {
            return Err(Error::invalid_argument(format!(
                "workflow_options.{field} has no meaning for a scheduled start: leave it unset"
            )));
        }
        Ok(())
    }

    fn to_proto(&self, client: &Client) -> Schedule {
        let a = &self.action;
        let start = client.start_request(&a.workflow_type, &a.options.id, a.args.clone(), &a.options);
        let start_workflow = NewWorkflowExecutionInfo {
            workflow_id: start.workflow_id,
            workflow_type: start.workflow_type,
            task_queue: start.task_queue,
            input: start.input,
            workflow_execution_timeout: start.workflow_execution_timeout,
            workflow_run_timeout: start.workflow_run_timeout,
            workflow_task_timeout: start.workflow_task_timeout,
            workflow_id_reuse_policy: start.workflow_id_reuse_policy,
            retry_policy: start.retry_policy,
            cron_schedule: start.cron_schedule,
            memo: start.memo,
            search_attributes: start.search_attributes,
            header: start.header,
            user_metadata: start.user_metadata,
            versioning_override: None,
            priority: start.priority,
        };
        let s = &self.spec;
        Schedule {
            spec: Some(ScheduleSpec {
                cron_string: s.cron_strings.clone(),
                interval: s
                    .intervals
                    .iter()
                    .map(|i| IntervalSpec { interval: Some(proto_duration(i.every)), phase: Some(proto_duration(i.offset)) })
                    .collect(),
                calendar: s.calendars.iter().map(calendar_proto).collect(),
                // The deprecated string form is still what the server parses range strings
                // from; it turns them into structured calendars.
                #[allow(deprecated)]
                exclude_calendar: s.exclude_calendars.iter().map(calendar_proto).collect(),
                start_time: timestamp(s.start_unix_ms),
                end_time: timestamp(s.end_unix_ms),
                jitter: Some(proto_duration(s.jitter)),
                timezone_name: s.time_zone_name.clone(),
                ..Default::default()
            }),
            action: Some(ScheduleAction { action: Some(schedule_action::Action::StartWorkflow(start_workflow)) }),
            policies: Some(SchedulePolicies {
                overlap_policy: self.overlap_policy,
                // Zero is left unset so the server applies its default window, as in Go.
                catchup_window: (!self.catchup_window.is_zero()).then(|| proto_duration(self.catchup_window)),
                pause_on_failure: self.pause_on_failure,
                keep_original_workflow_id: self.keep_original_workflow_id,
            }),
            state: Some(ScheduleState {
                notes: self.note.clone(),
                paused: self.paused,
                limited_actions: self.remaining_actions != 0,
                remaining_actions: self.remaining_actions,
            }),
        }
    }
}

impl ScheduleDefinition {
    pub fn validate(&self) -> Result<()> {
        match self {
            ScheduleDefinition::Fields(f) => f.validate(),
            ScheduleDefinition::Proto(_) => Ok(()),
        }
    }

    fn to_proto(&self, client: &Client) -> Schedule {
        match self {
            ScheduleDefinition::Fields(f) => f.to_proto(client),
            ScheduleDefinition::Proto(p) => (**p).clone(),
        }
    }

    fn overlap_policy(&self) -> i32 {
        match self {
            ScheduleDefinition::Fields(f) => f.overlap_policy,
            ScheduleDefinition::Proto(p) => p.policies.as_ref().map(|p| p.overlap_policy).unwrap_or_default(),
        }
    }
}

/// Decodes a host's `temporal.api.schedule.v1.Schedule` encoding.
pub fn decode_schedule_proto(bytes: &[u8]) -> Result<Schedule> {
    Schedule::decode(bytes)
        .map_err(|e| Error::invalid_argument(format!("schedule_proto is not a temporal.api.schedule.v1.Schedule: {e}")))
}

impl ScheduleOptions {
    /// Checks the options for Create.
    pub fn validate_for_create(&self) -> Result<()> {
        self.definition.validate()?;
        check_backfills(&self.backfills)
    }

    /// Checks the options for Update, which takes the schedule and its search attributes only.
    pub fn validate_for_update(&self) -> Result<()> {
        self.definition.validate()?;
        let refused = [
            ("trigger_immediately", self.trigger_immediately),
            ("backfills", !self.backfills.is_empty()),
            ("memo_json", self.memo.is_some()),
        ];
        if let Some((field, _)) = refused.iter().find(|(_, set)| *set) {
            return Err(Error::invalid_argument(format!(
                "{field} is create only: update replaces the schedule (and its search attributes), nothing else"
            )));
        }
        Ok(())
    }
}

fn calendar_proto(c: &ScheduleCalendar) -> CalendarSpec {
    CalendarSpec {
        second: c.second.clone(),
        minute: c.minute.clone(),
        hour: c.hour.clone(),
        day_of_month: c.day_of_month.clone(),
        month: c.month.clone(),
        year: c.year.clone(),
        day_of_week: c.day_of_week.clone(),
        comment: c.comment.clone(),
    }
}

/// Unix milliseconds as a timestamp; 0: none.
fn timestamp(unix_ms: i64) -> Option<prost_wkt_types::Timestamp> {
    (unix_ms != 0).then(|| prost_wkt_types::Timestamp {
        seconds: unix_ms.div_euclid(1000),
        nanos: (unix_ms.rem_euclid(1000) * 1_000_000) as i32,
    })
}

fn backfill_proto(b: &ScheduleBackfill) -> BackfillRequest {
    BackfillRequest { start_time: timestamp(b.start_unix_ms), end_time: timestamp(b.end_unix_ms), overlap_policy: b.overlap_policy }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A token this library gave as hex (`what` names it in the error).
pub fn unhex(what: &str, text: &str) -> Result<Vec<u8>> {
    let bad = || Error::invalid_argument(format!("{what} is not one this library returned (hex text)"));
    if text.len() % 2 != 0 || !text.is_ascii() {
        return Err(bad());
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).map_err(|_| bad())).collect()
}

fn require_id(schedule_id: &str) -> Result<()> {
    if schedule_id.is_empty() {
        return Err(Error::invalid_argument("schedule ID is required"));
    }
    Ok(())
}

/// The server's error, with the schedule's ID in the details (NOT_FOUND for no such schedule).
fn schedule_error(what: &str, schedule_id: &str, status: &tonic::Status) -> Error {
    let mut e = Error::from_status(what, status);
    if let Some(Value::Object(d)) = e.details.as_mut() {
        d.insert("schedule_id".into(), json!(schedule_id));
    }
    e
}

async fn schedule_call<T, F>(what: &str, schedule_id: &str, d: Duration, call: F) -> Result<T>
where
    F: std::future::Future<Output = std::result::Result<tonic::Response<T>, tonic::Status>>,
{
    rpc::call(what, d, call).await?.map_err(|s| schedule_error(what, schedule_id, &s))
}

impl Client {
    /// The Go SDK's `ScheduleClient.Create`. An ID in use is `ALREADY_EXISTS` (the Go SDK's
    /// `ErrScheduleAlreadyRunning`), with `schedule_id` in the details.
    pub async fn create_schedule(&self, schedule_id: &str, options: &ScheduleOptions, deadline: Option<Duration>) -> Result<()> {
        require_id(schedule_id)?;
        options.validate_for_create()?;
        // An initial patch only when there is something in it, as in Go.
        let initial_patch = (options.trigger_immediately || !options.backfills.is_empty()).then(|| SchedulePatch {
            trigger_immediately: options.trigger_immediately.then(|| TriggerImmediatelyRequest {
                overlap_policy: options.definition.overlap_policy(),
                ..Default::default()
            }),
            backfill_request: options.backfills.iter().map(backfill_proto).collect(),
            ..Default::default()
        });
        let mut request = CreateScheduleRequest {
            namespace: self.namespace().to_owned(),
            schedule_id: schedule_id.to_owned(),
            schedule: Some(options.definition.to_proto(self)),
            initial_patch,
            identity: self.identity().to_owned(),
            request_id: uuid::Uuid::new_v4().to_string(),
            memo: options.memo.clone().map(|fields| Memo { fields }),
            search_attributes: options.search_attributes.clone().map(|indexed_fields| SearchAttributes { indexed_fields }),
        };
        crate::codec::encode(self.codec(), &mut request).await?;
        let d = deadline_or_default(deadline);
        let mut service = self.workflow_service().await?;
        match rpc::call("create schedule", d, service.create_schedule(rpc::request(request, d))).await? {
            Ok(_) => Ok(()),
            // The server reports an ID in use as WorkflowExecutionAlreadyStarted (its scheduler
            // is a workflow); for a schedule that is ALREADY_EXISTS, not ALREADY_STARTED.
            Err(status) if status.code() == tonic::Code::AlreadyExists => Err(Error::new(
                ErrorCode::AlreadyExists,
                format!("create schedule: schedule with this ID is already registered (scheduleID: {schedule_id})"),
            )
            .with_details(json!({ "schedule_id": schedule_id, "grpc_code": grpc_code_name(status.code()) }))),
            Err(status) => Err(schedule_error("create schedule", schedule_id, &status)),
        }
    }

    /// The Go SDK's `ScheduleHandle.Describe`: readable JSON (see [`describe_json`]) and the
    /// response's protobuf encoding, both after the codec's decode.
    pub async fn describe_schedule(&self, schedule_id: &str, deadline: Option<Duration>) -> Result<(String, Vec<u8>)> {
        require_id(schedule_id)?;
        let request = DescribeScheduleRequest { namespace: self.namespace().to_owned(), schedule_id: schedule_id.to_owned() };
        let d = deadline_or_default(deadline);
        let mut service = self.workflow_service().await?;
        let mut response =
            schedule_call("describe schedule", schedule_id, d, service.describe_schedule(rpc::request(request, d))).await?;
        crate::codec::decode(self.codec(), &mut response).await?;
        Ok((describe_json(schedule_id, &response).to_string(), response.encode_to_vec()))
    }

    /// The Go SDK's `ScheduleHandle.Update`: replaces the schedule (spec, action, policies,
    /// state) and, if given, its search attributes. `conflict_token`: the one from describe, to
    /// refuse the update if the schedule changed since (empty: none, as Go sends).
    pub async fn update_schedule(
        &self,
        schedule_id: &str,
        options: &ScheduleOptions,
        conflict_token: Vec<u8>,
        deadline: Option<Duration>,
    ) -> Result<()> {
        require_id(schedule_id)?;
        options.validate_for_update()?;
        let mut request = UpdateScheduleRequest {
            namespace: self.namespace().to_owned(),
            schedule_id: schedule_id.to_owned(),
            schedule: Some(options.definition.to_proto(self)),
            conflict_token,
            identity: self.identity().to_owned(),
            request_id: uuid::Uuid::new_v4().to_string(),
            search_attributes: options.search_attributes.clone().map(|indexed_fields| SearchAttributes { indexed_fields }),
            memo: None,
        };
        crate::codec::encode(self.codec(), &mut request).await?;
        let d = deadline_or_default(deadline);
        let mut service = self.workflow_service().await?;
        schedule_call("update schedule", schedule_id, d, service.update_schedule(rpc::request(request, d))).await?;
        Ok(())
    }

    async fn patch_schedule(&self, what: &str, schedule_id: &str, patch: SchedulePatch, deadline: Option<Duration>) -> Result<()> {
        require_id(schedule_id)?;
        let request = PatchScheduleRequest {
            namespace: self.namespace().to_owned(),
            schedule_id: schedule_id.to_owned(),
            patch: Some(patch),
            identity: self.identity().to_owned(),
            request_id: uuid::Uuid::new_v4().to_string(),
        };
        let d = deadline_or_default(deadline);
        let mut service = self.workflow_service().await?;
        schedule_call(what, schedule_id, d, service.patch_schedule(rpc::request(request, d))).await?;
        Ok(())
    }

    /// The Go SDK's `ScheduleHandle.Pause`; an empty note is Go's "Paused via Go SDK".
    pub async fn pause_schedule(&self, schedule_id: &str, note: &str, deadline: Option<Duration>) -> Result<()> {
        let note = if note.is_empty() { DEFAULT_PAUSE_NOTE } else { note };
        let patch = SchedulePatch { pause: note.to_owned(), ..Default::default() };
        self.patch_schedule("pause schedule", schedule_id, patch, deadline).await
    }

    /// The Go SDK's `ScheduleHandle.Unpause`; an empty note is Go's "Unpaused via Go SDK".
    pub async fn unpause_schedule(&self, schedule_id: &str, note: &str, deadline: Option<Duration>) -> Result<()> {
        let note = if note.is_empty() { DEFAULT_UNPAUSE_NOTE } else { note };
        let patch = SchedulePatch { unpause: note.to_owned(), ..Default::default() };
        self.patch_schedule("unpause schedule", schedule_id, patch, deadline).await
    }

    /// The Go SDK's `ScheduleHandle.Trigger`: one action now (overlap 0: the schedule's policy).
    pub async fn trigger_schedule(&self, schedule_id: &str, overlap_policy: i32, deadline: Option<Duration>) -> Result<()> {
        check_overlap_policy("overlap_policy", overlap_policy)?;
        let patch = SchedulePatch {
            trigger_immediately: Some(TriggerImmediatelyRequest { overlap_policy, ..Default::default() }),
            ..Default::default()
        };
        self.patch_schedule("trigger schedule", schedule_id, patch, deadline).await
    }

    /// The Go SDK's `ScheduleHandle.Backfill`.
    pub async fn backfill_schedule(&self, schedule_id: &str, backfills: &[ScheduleBackfill], deadline: Option<Duration>) -> Result<()> {
        if backfills.is_empty() {
            return Err(Error::invalid_argument("backfills: give at least one"));
        }
        check_backfills(backfills)?;
        let patch = SchedulePatch { backfill_request: backfills.iter().map(backfill_proto).collect(), ..Default::default() };
        self.patch_schedule("backfill schedule", schedule_id, patch, deadline).await
    }

    /// The Go SDK's `ScheduleHandle.Delete` (the workflows it started keep running).
    pub async fn delete_schedule(&self, schedule_id: &str, deadline: Option<Duration>) -> Result<()> {
        require_id(schedule_id)?;
        let request = DeleteScheduleRequest {
            namespace: self.namespace().to_owned(),
            schedule_id: schedule_id.to_owned(),
            identity: self.identity().to_owned(),
        };
        let d = deadline_or_default(deadline);
        let mut service = self.workflow_service().await?;
        schedule_call("delete schedule", schedule_id, d, service.delete_schedule(rpc::request(request, d))).await?;
        Ok(())
    }

    /// One page of the Go SDK's `ListSchedules` (`query` "": all; page size 0: the server's
    /// default): JSON (see [`list_json`]) and the response's protobuf encoding.
    pub async fn list_schedules(
        &self,
        query: &str,
        page_size: i32,
        page_token: &str,
        deadline: Option<Duration>,
    ) -> Result<(String, Vec<u8>)> {
        if page_size < 0 {
            return Err(Error::invalid_argument("page size must not be negative"));
        }
        let request = ListSchedulesRequest {
            namespace: self.namespace().to_owned(),
            maximum_page_size: page_size,
            next_page_token: unhex("page token", page_token)?,
            query: query.to_owned(),
        };
        let d = deadline_or_default(deadline);
        let mut service = self.workflow_service().await?;
        let mut response = unary("list schedules", d, service.list_schedules(rpc::request(request, d))).await?;
        crate::codec::decode(self.codec(), &mut response).await?;
        Ok((list_json(&response).to_string(), response.encode_to_vec()))
    }
}

/// One payload as a JSON value; one that is not JSON shows as `null`.
fn payload_value(p: &Payload) -> Value {
    crate::payloads::payload_to_json(p).ok().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or(Value::Null)
}

fn payload_map(fields: &HashMap<String, Payload>) -> Value {
    Value::Object(fields.iter().map(|(k, p)| (k.clone(), payload_value(p))).collect())
}

fn time(t: &Option<prost_wkt_types::Timestamp>) -> Value {
    t.as_ref().map(|t| Value::from(t.to_string())).unwrap_or(Value::Null)
}

fn millis(d: &Option<prost_wkt_types::Duration>) -> i64 {
    d.as_ref().map(|d| d.seconds * 1000 + i64::from(d.nanos) / 1_000_000).unwrap_or(0)
}

/// The full range of each calendar field, written as "*".
const FULL_RANGES: [(i32, i32); 7] = [(0, 59), (0, 59), (0, 23), (1, 31), (1, 12), (0, 0), (0, 6)];

/// Structured ranges as one range string ("9", "1-5", "0-59/15", "1,15"); `full` is the
/// field's whole range, written "*" (an empty list, which the year has, is also "*").
fn ranges_text(ranges: &[Range], full: (i32, i32)) -> String {
    if ranges.is_empty() {
        return "*".into();
    }
    let one = |r: &Range| {
        let end = r.end.max(r.start);
        let step = r.step.max(1);
        if (r.start, end) == full && step == 1 && full != (0, 0) {
            return "*".to_owned();
        }
        let mut text = if end == r.start { r.start.to_string() } else { format!("{}-{end}", r.start) };
        if step > 1 {
            text.push_str(&format!("/{step}"));
        }
        text
    };
    ranges.iter().map(one).collect::<Vec<_>>().join(",")
}

fn calendar_json(c: &StructuredCalendarSpec) -> Value {
    let f = |ranges: &[Range], i: usize| ranges_text(ranges, FULL_RANGES[i]);
    json!({
        "second": f(&c.second, 0),
        "minute": f(&c.minute, 1),
        "hour": f(&c.hour, 2),
        "day_of_month": f(&c.day_of_month, 3),
        "month": f(&c.month, 4),
        "year": f(&c.year, 5),
        "day_of_week": f(&c.day_of_week, 6),
        "comment": c.comment,
    })
}

fn spec_json(s: Option<&ScheduleSpec>) -> Value {
    let Some(s) = s else { return Value::Null };
    #[allow(deprecated)]
    let exclude_strings = &s.exclude_calendar;
    let string_calendar = |c: &CalendarSpec| {
        json!({ "second": c.second, "minute": c.minute, "hour": c.hour, "day_of_month": c.day_of_month,
                "month": c.month, "year": c.year, "day_of_week": c.day_of_week, "comment": c.comment })
    };
    let calendars: Vec<Value> =
        s.structured_calendar.iter().map(calendar_json).chain(s.calendar.iter().map(string_calendar)).collect();
    let exclude: Vec<Value> =
        s.exclude_structured_calendar.iter().map(calendar_json).chain(exclude_strings.iter().map(string_calendar)).collect();
    json!({
        "cron_strings": s.cron_string,
        "intervals": s.interval.iter().map(|i| json!({ "every_ms": millis(&i.interval), "offset_ms": millis(&i.phase) })).collect::<Vec<_>>(),
        "calendars": calendars,
        "exclude_calendars": exclude,
        "start_time": time(&s.start_time),
        "end_time": time(&s.end_time),
        "jitter_ms": millis(&s.jitter),
        "time_zone_name": s.timezone_name,
    })
}

fn action_json(a: Option<&ScheduleAction>) -> Value {
    let Some(schedule_action::Action::StartWorkflow(w)) = a.and_then(|a| a.action.as_ref()) else { return Value::Null };
    let args: Vec<Value> = w.input.as_ref().map(|i| i.payloads.iter().map(payload_value).collect()).unwrap_or_default();
    json!({
        "workflow_type": w.workflow_type.as_ref().map(|t| t.name.as_str()).unwrap_or_default(),
        "workflow_id": w.workflow_id,
        "task_queue": w.task_queue.as_ref().map(|q| q.name.as_str()).unwrap_or_default(),
        "args": args,
        "execution_timeout_ms": millis(&w.workflow_execution_timeout),
        "run_timeout_ms": millis(&w.workflow_run_timeout),
        "task_timeout_ms": millis(&w.workflow_task_timeout),
        "memo": w.memo.as_ref().map(|m| payload_map(&m.fields)),
        "search_attributes": w.search_attributes.as_ref().map(|s| payload_map(&s.indexed_fields)),
    })
}

/// An overlap policy's name without the prefix ("SKIP"; 0: "UNSPECIFIED").
pub fn overlap_name(policy: i32) -> String {
    ScheduleOverlapPolicy::try_from(policy)
        .map(|p| p.as_str_name().trim_start_matches("SCHEDULE_OVERLAP_POLICY_").to_owned())
        .unwrap_or_else(|_| policy.to_string())
}

fn recent_actions_json(actions: &[ScheduleActionResult]) -> Value {
    Value::Array(
        actions
            .iter()
            .map(|a| {
                let run = a.start_workflow_result.as_ref();
                json!({
                    "schedule_time": time(&a.schedule_time),
                    "actual_time": time(&a.actual_time),
                    "workflow_id": run.map(|r| r.workflow_id.as_str()).unwrap_or_default(),
                    "run_id": run.map(|r| r.run_id.as_str()).unwrap_or_default(),
                })
            })
            .collect(),
    )
}

fn times_json(times: &[prost_wkt_types::Timestamp]) -> Value {
    Value::Array(times.iter().map(|t| Value::from(t.to_string())).collect())
}

/// The describe JSON documented with `temporal_schedule_describe_async`.
pub fn describe_json(schedule_id: &str, r: &DescribeScheduleResponse) -> Value {
    let schedule = r.schedule.as_ref();
    let policies = schedule.and_then(|s| s.policies.clone()).unwrap_or_default();
    let state = schedule.and_then(|s| s.state.clone()).unwrap_or_default();
    let info = r.info.clone().unwrap_or_default();
    json!({
        "schedule_id": schedule_id,
        "spec": spec_json(schedule.and_then(|s| s.spec.as_ref())),
        "action": action_json(schedule.and_then(|s| s.action.as_ref())),
        "policies": {
            "overlap_policy": overlap_name(policies.overlap_policy),
            "catchup_window_ms": millis(&policies.catchup_window),
            "pause_on_failure": policies.pause_on_failure,
            "keep_original_workflow_id": policies.keep_original_workflow_id,
        },
        "state": {
            "paused": state.paused,
            "note": state.notes,
            "remaining_actions": state.remaining_actions,
            "limited_actions": state.limited_actions,
        },
        "info": {
            "action_count": info.action_count,
            "missed_catchup_window": info.missed_catchup_window,
            "overlap_skipped": info.overlap_skipped,
            "running_workflows": info.running_workflows.iter()
                .map(|w| json!({ "workflow_id": w.workflow_id, "run_id": w.run_id })).collect::<Vec<_>>(),
            "recent_actions": recent_actions_json(&info.recent_actions),
            "next_action_times": times_json(&info.future_action_times),
            "create_time": time(&info.create_time),
            "update_time": time(&info.update_time),
        },
        "memo": r.memo.as_ref().map(|m| payload_map(&m.fields)).unwrap_or_else(|| json!({})),
        "search_attributes": r.search_attributes.as_ref().map(|s| payload_map(&s.indexed_fields)).unwrap_or_else(|| json!({})),
        "conflict_token": hex(&r.conflict_token),
    })
}

/// The list JSON documented with `temporal_schedule_list_async`.
pub fn list_json(r: &ListSchedulesResponse) -> Value {
    let schedules: Vec<Value> = r
        .schedules
        .iter()
        .map(|s| {
            let info = s.info.clone().unwrap_or_default();
            json!({
                "schedule_id": s.schedule_id,
                "workflow_type": info.workflow_type.as_ref().map(|t| t.name.as_str()).unwrap_or_default(),
                "paused": info.paused,
                "note": info.notes,
                "recent_actions": recent_actions_json(&info.recent_actions),
                "next_action_times": times_json(&info.future_action_times),
                "memo": s.memo.as_ref().map(|m| payload_map(&m.fields)).unwrap_or_else(|| json!({})),
                "search_attributes": s.search_attributes.as_ref().map(|a| payload_map(&a.indexed_fields)).unwrap_or_else(|| json!({})),
            })
        })
        .collect();
    json!({ "schedules": schedules, "next_page_token": hex(&r.next_page_token) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::StartWorkflowOptions;

    fn fields() -> ScheduleFields {
        let options = StartWorkflowOptions { id: "wf".into(), task_queue: "q".into(), ..Default::default() };
        ScheduleFields {
            spec: ScheduleSpecOptions { cron_strings: vec!["0 * * * *".into()], ..Default::default() },
            action: ScheduleWorkflowAction { workflow_type: "W".into(), args: None, options: options.validated().unwrap() },
            overlap_policy: 0,
            catchup_window: Duration::ZERO,
            pause_on_failure: false,
            keep_original_workflow_id: false,
            paused: false,
            note: String::new(),
            remaining_actions: 0,
        }
    }

    #[test]
    fn fields_are_checked() {
        assert!(fields().validate().is_ok());
        let msg = |f: ScheduleFields| f.validate().unwrap_err().message;
        let mut f = fields();
        f.spec.cron_strings.clear();
        assert!(msg(f).contains("at least one"));
        let mut f = fields();
        f.overlap_policy = 7;
        assert!(msg(f).contains("overlap_policy is 7"));
        let mut f = fields();
        f.spec.intervals.push(ScheduleInterval::default());
        assert!(msg(f).contains("every_ms"));
        let mut f = fields();
        f.spec.start_unix_ms = 2000;
        f.spec.end_unix_ms = 1000;
        assert!(msg(f).contains("after the end"));
        let mut f = fields();
        let mut o = (*f.action.options).clone();
        o.start_delay = Duration::from_secs(1);
        f.action.options = o.validated().unwrap();
        assert!(msg(f).contains("start_delay_ms"));
        let mut f = fields();
        let mut o = (*f.action.options).clone();
        o.id.clear();
        f.action.options = o.validated().unwrap();
        assert!(msg(f).contains("workflow_options.id"));
    }

    #[test]
    fn ranges_are_written_as_the_server_reads_them() {
        let r = |start, end, step| Range { start, end, step };
        assert_eq!(ranges_text(&[r(9, 0, 0)], FULL_RANGES[2]), "9");
        assert_eq!(ranges_text(&[r(1, 5, 1)], FULL_RANGES[6]), "1-5");
        assert_eq!(ranges_text(&[r(0, 59, 15)], FULL_RANGES[1]), "0-59/15");
        assert_eq!(ranges_text(&[r(0, 59, 1)], FULL_RANGES[1]), "*");
        assert_eq!(ranges_text(&[r(1, 0, 0), r(15, 0, 0)], FULL_RANGES[3]), "1,15");
        assert_eq!(ranges_text(&[], FULL_RANGES[5]), "*");
        assert_eq!(ranges_text(&[r(2030, 0, 0)], FULL_RANGES[5]), "2030");
    }

    #[test]
    fn tokens_and_overlap_names() {
        assert_eq!(unhex("t", "0aff").unwrap(), vec![10, 255]);
        assert!(unhex("conflict token", "zz").unwrap_err().message.contains("conflict token"));
        assert!(unhex("t", "abc").is_err());
        assert_eq!(overlap_name(6), "ALLOW_ALL");
        assert_eq!(overlap_name(0), "UNSPECIFIED");
        assert!(check_overlap_policy("overlap_policy", -1).is_err());
        assert_eq!(timestamp(-1).unwrap(), prost_wkt_types::Timestamp { seconds: -1, nanos: 999_000_000 });
        assert!(decode_schedule_proto(&[0xff, 0xff]).is_err());
    }
}
