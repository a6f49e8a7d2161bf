//! Everything made from a launch request: the forecast's input, the JSON payload submitted and
//! downloaded, the same as a CSV, the text block to paste into the Help Desk's launch request
//! form, and a calendar file with the deploy and launch days.

use serde_json::Value;

use crate::content::content;
use crate::dates::Date;
use crate::export::DownloadFile;
use crate::record::{file_slug, ReadinessRecord};
use crate::staffing::{Assumptions, Forecast, ForecastInput};
use crate::text::{csv_cell, CSV_BOM};

use super::fields::{choice_label, LaunchField, LaunchForm, RAMP_PHASED, YES};
use super::numbers::{percent_or_zero, whole_or_zero};
use super::payload::{launch_values, value_kind, LaunchRequest, ValueKind};
pub use super::payload::{PAYLOAD_SCHEMA, PAYLOAD_VERSION};
use super::text_checks::{split_contacts, LINE_BREAKS};

/// Days the page forecasts from the day users arrive.
pub const FORECAST_DAYS: u32 = 42;

/// The forecast's input read from the form, with day 0 the day users get access (the deploy
/// date while there is no launch date). Fields that do not parse count as 0 (no announcement
/// when either date is missing), so a half-filled form still draws a forecast.
pub fn forecast_input(form: &LaunchForm, days: u32) -> ForecastInput {
    let ramp_weeks = if form.ramp == RAMP_PHASED { whole_or_zero(&form.ramp_weeks).clamp(1, 52) as u32 } else { 0 };
    let announcement_day_offset = match (Date::parse_iso(&form.announcement_date), Date::parse_iso(form.arrival_date())) {
        (Some(a), Some(l)) => Some(a.days_since_epoch() - l.days_since_epoch()),
        _ => None,
    };
    // The deploy date is marked on the chart only when users arrive later, on the launch date.
    let deploy_day_offset = match (Date::parse_iso(&form.deploy_date), Date::parse_iso(&form.user_launch_date)) {
        (Some(d), Some(l)) if d <= l => Some(d.days_since_epoch() - l.days_since_epoch()),
        _ => None,
    };
    ForecastInput {
        monthly_active_users: whole_or_zero(&form.monthly_active_users),
        deploy_day_offset,
        new_user_share_pct: percent_or_zero(&form.new_user_share),
        ramp_weeks,
        announcement_day_offset,
        announcement_recipients: whole_or_zero(&form.announcement_recipients),
        language_shares: form.shares().map(percent_or_zero),
        phone_published: form.phone_published == YES,
        days,
    }
}

/// The JSON submitted to the endpoint and offered as a download: a [`LaunchRequest`], whose
/// JSON Schema is `schemas/launch-request.schema.json`.
pub fn payload(form: &LaunchForm, record: &ReadinessRecord, assumptions: &Assumptions, forecast: &Forecast, idempotency_key: &str) -> Value {
    LaunchRequest::new(form, record, assumptions, forecast, idempotency_key).to_value()
}

fn cell_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Bool(true) => "yes".into(),
        Value::Bool(false) => "no".into(),
        Value::Number(n) => match n.as_f64() {
            Some(x) if n.is_f64() && x.fract() == 0.0 && x.abs() < 1e15 => format!("{}", x as i64),
            _ => n.to_string(),
        },
        Value::String(s) => s.clone(),
        // Lists and objects are written exactly as in the JSON payload.
        Value::Array(_) | Value::Object(_) => value.to_string(),
    }
}

/// The submission as a two-column CSV (`field`, `value`), in the payload's order: the header
/// fields, `launch.*`, `assumptions.*`, `forecast.*` and one row per figure per day
/// (`forecast.day[N].contacts`, N days from launch). Every cell is quoted and neutralised
/// against formulas (plain numbers stay numbers); lists are JSON text, as in the payload;
/// CRLF line ends, after a byte-order mark.
pub fn submission_csv(form: &LaunchForm, record: &ReadinessRecord, assumptions: &Assumptions, forecast: &Forecast, idempotency_key: &str) -> String {
    let request = LaunchRequest::new(form, record, assumptions, forecast, idempotency_key);
    let mut out = format!("{CSV_BOM}{},{}\r\n", csv_cell("field"), csv_cell("value"));
    for (field, value) in request.rows() {
        out.push_str(&format!("{},{}\r\n", csv_cell(&field), csv_cell(&cell_text(&value))));
    }
    out
}

/// The Partner Portal's launch request fields in its own order (`service_provider_form.zendesk_ticket`
/// in its locale file); the help desk's three fields share one Portal field.
pub const PORTAL_ORDER: [LaunchField; 12] = [
    LaunchField::IaaNumber,
    LaunchField::ApplicationUrl,
    LaunchField::Audience,
    LaunchField::AnnualRegistrations,
    LaunchField::MonthlyActiveUsers,
    LaunchField::Seasonality,
    LaunchField::AnnualAuthentications,
    LaunchField::UserLaunchDate,
    LaunchField::BillingContacts,
    LaunchField::ProgramContacts,
    LaunchField::TechnicalContacts,
    LaunchField::HelpDeskPhone,
];

const NOT_GIVEN: &str = "(not given)";

/// A value on one "Label: value" line; further lines of multi-line text are indented, whatever
/// breaks them, so typed text cannot start a line of its own.
fn text_value(text: &str) -> String {
    let text = text.trim().replace("\r\n", "\n");
    let lines: Vec<&str> = if text.is_empty() { Vec::new() } else { text.split(LINE_BREAKS).map(str::trim_end).collect() };
    if lines.is_empty() {
        NOT_GIVEN.to_string()
    } else {
        lines.join("\n  ")
    }
}

/// A list of values, one per indented line under its label.
fn list_value(items: &[String]) -> String {
    if items.is_empty() {
        return NOT_GIVEN.to_string();
    }
    items.iter().map(|item| format!("\n  - {}", text_value(item).replace("\n  ", "\n    "))).collect()
}

/// A plain-text block to paste into the Partner Support Help Desk's launch request form: the
/// agency, application and service level first, then one "Label: value" line per field of the
/// Partner Portal's launch request, in its order and with its labels (from `launch.json`), then
/// what the portal adds: the requested deploy date and push-notification URLs. Values are as
/// typed; people are listed one per line; the audience by its label.
pub fn launch_request_text(form: &LaunchForm, record: &ReadinessRecord) -> String {
    let fields = &content().launch;
    let label =
        |field: LaunchField| fields.field(field).map(|f| if f.portal_label.is_empty() { f.label } else { f.portal_label }).unwrap_or(field.id());
    let mut out = String::new();
    out.push_str(&format!("Agency: {}\n", text_value(&record.profile.agency)));
    out.push_str(&format!("Application name: {}\n", text_value(&record.profile.application)));
    out.push_str(&format!("Service level: {}\n", record.level().map(|l| l.name()).unwrap_or(NOT_GIVEN)));
    for field in PORTAL_ORDER {
        let value = match field {
            LaunchField::Audience => choice_label(field, &form.audience).map(str::to_string).unwrap_or_else(|| text_value(&form.audience)),
            f if value_kind(f) == ValueKind::People => list_value(&split_contacts(form.get(f))),
            LaunchField::HelpDeskPhone => {
                let parts: Vec<String> = [LaunchField::HelpDeskPhone, LaunchField::HelpDeskEmail, LaunchField::HelpDeskOther]
                    .into_iter()
                    .map(|f| form.get(f).trim())
                    .filter(|v| !v.is_empty())
                    .map(text_value)
                    .collect();
                list_value(&parts)
            }
            f => text_value(form.get(f)),
        };
        // A list starts on the next line, so no line ends with a space.
        let separator = if value.starts_with('\n') { ":" } else { ": " };
        out.push_str(&format!("{}{separator}{value}\n", label(field)));
    }
    out.push_str(&format!("Requested deploy date: {}\n", text_value(&form.deploy_date)));
    let push = choice_label(LaunchField::PushNotifications, &form.push_notifications).unwrap_or(NOT_GIVEN);
    out.push_str(&format!("Push-notification URLs: {push}\n"));
    out
}

/// Escapes iCalendar TEXT (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks;
/// other control characters cannot appear in TEXT and are left out.
pub fn ics_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
    for c in normalised.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character;
/// continuation lines start with a space. Ends with CRLF.
pub fn ics_fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
    out
}

fn ics_compact(date: Date) -> String {
    format!("{:04}{:02}{:02}", date.year, date.month, date.day)
}

/// An iCalendar file with an all-day event for the requested deploy date and one for the day
/// users get access, for those that are valid dates; `None` when neither is. `dtstamp_utc` is
/// the creation time as `YYYYMMDDTHHMMSSZ`; `uid` the launch's one id, such as
/// `<uuid>@readiness-portal` (`record.launch.calendar`), to which each event adds its own
/// suffix; `sequence` its revision.
pub fn ics(form: &LaunchForm, record: &ReadinessRecord, dtstamp_utc: &str, uid: &str, sequence: u32) -> Option<String> {
    let deploy = Date::parse_iso(form.deploy_date.trim());
    let launch = Date::parse_iso(form.user_launch_date.trim());
    if deploy.is_none() && launch.is_none() {
        return None;
    }
    let application = record.profile.application.trim();
    let agency = record.profile.agency.trim();
    let who = format!(
        "{}{}",
        if application.is_empty() { "the application" } else { application },
        if agency.is_empty() { String::new() } else { format!(" ({agency})") }
    );
    let mut details = String::new();
    if let Some(level) = record.level() {
        details.push_str(&format!("Service level: {}.\n", level.name()));
    }
    if !form.application_url.is_empty() {
        details.push_str(&format!("Application URL: {}\n", form.application_url));
    }
    if !form.iaa_number.is_empty() {
        details.push_str(&format!("Agreement number: {}\n", form.iaa_number));
    }
    let plain = |s: &str| s.chars().filter(|c| !c.is_control()).collect::<String>();
    let title = |what: &str| if application.is_empty() { format!("Login.gov {what}") } else { format!("Login.gov {what}: {application}") };
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Login.gov partner readiness portal//Launch dates//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
    ];
    let events = [
        (
            deploy,
            "deploy",
            format!("Requested day for Login.gov to deploy the production configuration of {who}.\n"),
            "Request it at least two weeks ahead (push-notification URLs may need three). Login.gov deploys on Tuesdays and Thursdays; when that day is a holiday, on another day.",
        ),
        (
            launch,
            "launch",
            format!("Users of {who} get access to Login.gov sign-in.\n"),
            "Login.gov recommends a grace period between its deployment and this day.",
        ),
    ];
    for (date, what, lead, note) in events {
        let Some(date) = date else { continue };
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}-{what}", plain(uid)),
            format!("SEQUENCE:{sequence}"),
            format!("DTSTAMP:{}", plain(dtstamp_utc)),
            format!("DTSTART;VALUE=DATE:{}", ics_compact(date)),
            format!("DTEND;VALUE=DATE:{}", ics_compact(date.add_days(1))),
            format!("SUMMARY:{}", ics_text(&title(what))),
            format!("DESCRIPTION:{}", ics_text(&format!("{lead}{details}{note}"))),
            "TRANSP:TRANSPARENT".to_string(),
            "END:VEVENT".to_string(),
        ]);
    }
    lines.push("END:VCALENDAR".to_string());
    Some(lines.iter().map(|l| ics_fold(l)).collect())
}

/// A fingerprint of what the `.ics` events say (dates, titles, descriptions), without the
/// parts that change on every download: a change in it raises the calendar's SEQUENCE.
pub fn calendar_fingerprint(form: &LaunchForm, record: &ReadinessRecord) -> String {
    let events = ics(form, record, "", "", 0).unwrap_or_default();
    format!("{:016x}", crate::text::fnv1a64(events.as_bytes()))
}

/// The `.ics` download for the launch, with its one UID and SEQUENCE kept in the record
/// (`record.launch.calendar`): the first download takes a UID from `new_uid`, a later one with
/// changed events raises the SEQUENCE. `Ok(None)` when no date is valid yet (nothing changes);
/// `Err` when a UID was needed and `new_uid` could not make one. `dtstamp_utc` as in [`ics`].
pub fn calendar_download(
    form: &LaunchForm,
    record: &mut ReadinessRecord,
    dtstamp_utc: &str,
    new_uid: impl FnOnce() -> Result<String, String>,
) -> Result<Option<String>, String> {
    if ics(form, record, "", "", 0).is_none() {
        return Ok(None);
    }
    let fingerprint = calendar_fingerprint(form, record);
    let calendar = &mut record.launch.calendar;
    if calendar.uid.trim().is_empty() {
        let uid = new_uid()?;
        calendar.for_download(&fingerprint, || uid);
    } else {
        calendar.for_download(&fingerprint, String::new);
    }
    let (uid, sequence) = (format!("{}@readiness-portal", record.launch.calendar.uid), record.launch.calendar.sequence);
    Ok(ics(form, record, dtstamp_utc, &uid, sequence))
}

/// `launch-request-<agency>-<application>-<date>.<extension>`, skipping empty parts.
pub fn submission_file_name(record: &ReadinessRecord, date_iso: &str, extension: &str) -> String {
    let parts: Vec<String> =
        ["launch-request".to_string(), file_slug(&record.profile.agency), file_slug(&record.profile.application), file_slug(date_iso)]
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect();
    format!("{}.{extension}", parts.join("-"))
}

/// The two downloads of the request itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SubmissionFormat {
    Json,
    Csv,
}

/// The request as a file to download, under the key of its last submission ("draft" before
/// the first), so the file and the receipt it matches carry the same key.
/// The idempotency key of a request downloaded before it was ever submitted: it has none yet.
pub const DRAFT_KEY: &str = "draft";

pub fn submission_download(
    format: SubmissionFormat,
    form: &LaunchForm,
    record: &ReadinessRecord,
    assumptions: &Assumptions,
    forecast: &Forecast,
    today_iso: &str,
) -> DownloadFile {
    let key = record.launch.receipts.last().map_or(DRAFT_KEY, |receipt| receipt.idempotency_key.as_str());
    match format {
        SubmissionFormat::Json => DownloadFile {
            name: submission_file_name(record, today_iso, "json"),
            mime: "application/json",
            body: serde_json::to_string_pretty(&payload(form, record, assumptions, forecast, key)).unwrap_or_default(),
        },
        SubmissionFormat::Csv => DownloadFile {
            name: submission_file_name(record, today_iso, "csv"),
            mime: "text/csv",
            body: submission_csv(form, record, assumptions, forecast, key),
        },
    }
}

/// An iCalendar DTSTAMP ("20261202T075002Z") from an ISO 8601 UTC instant
/// ("2026-12-02T07:50:02.123Z", as `Date.prototype.toISOString` writes it).
pub fn ics_dtstamp(iso_utc: &str) -> String {
    let compact: String = iso_utc.chars().filter(|c| *c != '-' && *c != ':').take(15).collect();
    format!("{compact}Z")
}

/// The payload's launch block as JSON, for places that only need the form (drafts, tests).
pub fn launch_json(form: &LaunchForm) -> Value {
    serde_json::to_value(launch_values(form)).unwrap_or(Value::Null)
}
