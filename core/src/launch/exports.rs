//! Everything made from a launch request: the forecast's input, the JSON payload submitted and
//! downloaded, the same as a CSV, the text block to paste into the Help Desk's launch request
//! form, and a calendar file with the deploy and launch days.

use serde_json::{Map, Value};

use crate::content::content;
use crate::dates::Date;
use crate::text::{csv_cell, CSV_BOM};
use crate::record::{file_slug, ReadinessRecord};
use crate::staffing::{self, Assumptions, Forecast, ForecastInput, ASSUMPTIONS};

use super::fields::{choice_label, FieldKind, LaunchField, LaunchForm, NO, RAMP_PHASED, YES};
use super::validation::{parse_percent, parse_whole, percent_or_zero, split_contacts, whole_or_zero, LINE_BREAKS};

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

/// `schema` value of the payload.
pub const PAYLOAD_SCHEMA: &str = "login-gov-partner-launch-request";
/// 1: one `launch_date`, contacts as email lists, one `help_desk_contact`.
/// 2: `deploy_date` and `user_launch_date`, `push_notifications`, contacts as people (free text,
///    one entry each), the help desk's phone, email and other information, `partner_type`.
pub const PAYLOAD_VERSION: u32 = 2;

fn number(x: f64) -> Value {
    let rounded = (x * 100.0).round() / 100.0;
    serde_json::Number::from_f64(rounded).map(Value::Number).unwrap_or(Value::Null)
}

fn is_percent(field: LaunchField) -> bool {
    use LaunchField::*;
    matches!(field, NewUserShare | ShareEn | ShareEs | ShareFr | ShareZh | IdvShare | InPersonShare)
}

fn is_people(field: LaunchField) -> bool {
    matches!(field, LaunchField::ProgramContacts | LaunchField::TechnicalContacts | LaunchField::BillingContacts)
}

/// One field's value in the payload, typed by the field's kind.
fn field_value(form: &LaunchForm, field: LaunchField) -> Value {
    let text = form.get(field);
    match field.kind() {
        FieldKind::Number if field == LaunchField::RampWeeks && form.ramp != RAMP_PHASED => Value::Null,
        FieldKind::Number if is_percent(field) => parse_percent(text).map(number).unwrap_or(Value::Null),
        FieldKind::Number => parse_whole(text).map(Value::from).unwrap_or(Value::Null),
        FieldKind::Date => Date::parse_iso(text.trim()).map(|d| Value::from(d.to_iso())).unwrap_or(Value::Null),
        FieldKind::Lines if is_people(field) => Value::from(split_contacts(text)),
        FieldKind::Choice if matches!(field, LaunchField::PushNotifications | LaunchField::PhonePublished) => match text {
            YES => Value::Bool(true),
            NO => Value::Bool(false),
            _ => Value::Null,
        },
        _ => Value::from(text),
    }
}

/// The launch fields, typed, in the page's order; the audience is followed by its label.
fn launch_entries(form: &LaunchForm) -> Vec<(&'static str, Value)> {
    let mut entries = Vec::new();
    for &field in LaunchField::ALL {
        entries.push((field.id(), field_value(form, field)));
        if field == LaunchField::Audience {
            entries.push(("audience_label", choice_label(field, &form.audience).map(Value::from).unwrap_or(Value::Null)));
        }
    }
    entries
}

fn forecast_entries(forecast: &Forecast, arrival: Option<Date>) -> Vec<(&'static str, Value)> {
    let date_of = |day: i64| arrival.map(|l| Value::from(l.add_days(day).to_iso())).unwrap_or(Value::Null);
    vec![
        ("days", Value::from(forecast.daily.len())),
        ("first_day", forecast.daily.first().map(|d| Value::from(d.day)).unwrap_or(Value::Null)),
        ("steady_contacts_per_day", number(forecast.steady_contacts_per_day)),
        ("surge_contacts", number(forecast.surge_contacts)),
        ("announcement_contacts", number(forecast.announcement_contacts)),
        ("total_contacts", number(forecast.total_contacts)),
        ("total_phone", number(forecast.total_phone)),
        ("total_phone_if_published", number(forecast.total_phone_if_published)),
        ("peak_day", Value::from(forecast.peak_day)),
        ("peak_date", date_of(forecast.peak_day)),
        ("peak_contacts", number(forecast.peak_contacts)),
        ("peak_phone_calls", number(forecast.peak_phone_calls)),
        ("peak_phone_calls_if_published", number(forecast.peak_phone_calls_if_published)),
        ("peak_interval_calls", number(forecast.peak_interval_calls)),
        ("peak_interval_calls_if_published", number(forecast.peak_interval_calls_if_published)),
        ("peak_load_erlangs", number(forecast.peak_load_erlangs)),
        ("peak_phone_agents", Value::from(forecast.phone_agents)),
        ("scheduled_agents", Value::from(forecast.scheduled_agents)),
        ("peak_phone_agents_if_published", Value::from(forecast.phone_agents_if_published)),
        ("scheduled_agents_if_published", Value::from(forecast.scheduled_agents_if_published)),
        ("achieved_service_level", number(forecast.achieved_service_level * 100.0)),
        ("average_speed_of_answer_s", number(forecast.average_speed_of_answer_s)),
        ("form_cases_total", number(forecast.form_cases_total)),
        ("form_cases_per_business_day", number(forecast.form_backlog_per_day)),
        ("summary", Value::from(forecast.summary.as_str())),
    ]
}

fn day_entries(day: &staffing::DayForecast, arrival: Option<Date>) -> Vec<(&'static str, Value)> {
    let mut entries = vec![
        ("day", Value::from(day.day)),
        ("date", arrival.map(|l| Value::from(l.add_days(day.day).to_iso())).unwrap_or(Value::Null)),
        ("contacts", number(day.contacts)),
        ("phone", number(day.phone)),
        ("form", number(day.form)),
        ("phone_if_published", number(day.phone_if_published)),
        ("form_if_published", number(day.form_if_published)),
    ];
    for (key, value) in ["contacts_en", "contacts_es", "contacts_fr", "contacts_zh"].into_iter().zip(day.by_language) {
        entries.push((key, number(value)));
    }
    entries
}

fn object(entries: Vec<(&'static str, Value)>) -> Value {
    Value::Object(entries.into_iter().map(|(k, v)| (k.to_string(), v)).collect::<Map<String, Value>>())
}

fn header_entries(record: &ReadinessRecord, idempotency_key: &str) -> Vec<(&'static str, Value)> {
    vec![
        ("schema", Value::from(PAYLOAD_SCHEMA)),
        ("version", Value::from(PAYLOAD_VERSION)),
        ("idempotency_key", Value::from(idempotency_key)),
        ("agency", Value::from(record.profile.agency.as_str())),
        ("application", Value::from(record.profile.application.as_str())),
        ("partner_type", record.profile.partner_type.map(|p| Value::from(p.id())).unwrap_or(Value::Null)),
        ("service_level", record.level().map(|l| Value::from(l.id())).unwrap_or(Value::Null)),
    ]
}

fn assumption_entries(a: &Assumptions) -> Vec<(&'static str, Value)> {
    ASSUMPTIONS.iter().map(|s| (s.key, a.get(s.key).map(number).unwrap_or(Value::Null))).collect()
}

/// The JSON submitted to the endpoint and offered as a download. Schema, version 2:
///
/// ```text
/// {
///   "schema": "login-gov-partner-launch-request",
///   "version": 2,
///   "idempotency_key": "a version-4 UUID from crypto.randomUUID(), the same on every retry",
///   "agency": string, "application": string,
///   "partner_type": "federal" | "state-local" | null,
///   "service_level": "ial1-aal2" | "basic-idv" | "ial2-aal2" | null,
///   "launch": {
///     "application_url", "audience" (id), "audience_label", "iaa_number", "seasonality",
///     "help_desk_phone", "help_desk_email", "help_desk_other",
///     "ramp" ("all-at-once" | "phased"): strings as typed;
///     "deploy_date", "user_launch_date", "announcement_date": "YYYY-MM-DD" or null;
///     "program_contacts", "technical_contacts", "billing_contacts": arrays of strings, one per person;
///     "monthly_active_users", "annual_registrations", "annual_authentications",
///     "announcement_recipients", "ramp_weeks" (null unless phased): integers or null;
///     "new_user_share", "share_en", "share_es", "share_fr", "share_zh", "idv_share",
///     "in_person_share": percents (0–100) or null;
///     "push_notifications", "phone_published": boolean or null
///   },
///   "assumptions": { one number per `staffing::ASSUMPTIONS` key },
///   "forecast": {
///     "days", "first_day", "steady_contacts_per_day", "surge_contacts",
///     "announcement_contacts", "total_contacts", "total_phone", "total_phone_if_published",
///     "peak_day" (days from the user launch date), "peak_date", "peak_contacts",
///     "peak_phone_calls", "peak_phone_calls_if_published", "peak_interval_calls",
///     "peak_interval_calls_if_published", "peak_load_erlangs", "peak_phone_agents",
///     "scheduled_agents", "peak_phone_agents_if_published", "scheduled_agents_if_published",
///     "achieved_service_level" (percent), "average_speed_of_answer_s", "form_cases_total",
///     "form_cases_per_business_day", "summary",
///     "daily": [{ "day", "date", "contacts", "phone", "form", "phone_if_published",
///                 "form_if_published", "contacts_en", "contacts_es", "contacts_fr",
///                 "contacts_zh" }]
///   }
/// }
/// ```
///
/// Days count from the user launch date (the deploy date when there is none). Contact figures
/// are expected values rounded to 2 decimals. A number that does not parse is sent as null.
pub fn payload(form: &LaunchForm, record: &ReadinessRecord, assumptions: &Assumptions, forecast: &Forecast, idempotency_key: &str) -> Value {
    let arrival = Date::parse_iso(form.arrival_date());
    let mut entries = header_entries(record, idempotency_key);
    entries.push(("launch", object(launch_entries(form))));
    entries.push(("assumptions", object(assumption_entries(assumptions))));
    let mut forecast_object = forecast_entries(forecast, arrival);
    forecast_object.push(("daily", Value::Array(forecast.daily.iter().map(|d| object(day_entries(d, arrival))).collect())));
    entries.push(("forecast", object(forecast_object)));
    object(entries)
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
    let arrival = Date::parse_iso(form.arrival_date());
    let mut rows: Vec<(String, Value)> = header_entries(record, idempotency_key).into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    rows.extend(launch_entries(form).into_iter().map(|(k, v)| (format!("launch.{k}"), v)));
    rows.extend(assumption_entries(assumptions).into_iter().map(|(k, v)| (format!("assumptions.{k}"), v)));
    rows.extend(forecast_entries(forecast, arrival).into_iter().map(|(k, v)| (format!("forecast.{k}"), v)));
    for day in &forecast.daily {
        for (k, v) in day_entries(day, arrival).into_iter().skip(1) {
            rows.push((format!("forecast.day[{}].{k}", day.day), v));
        }
    }
    let mut out = format!("{CSV_BOM}{},{}\r\n", csv_cell("field"), csv_cell("value"));
    for (field, value) in rows {
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
    let label = |field: LaunchField| {
        fields.field(field).map(|f| if f.portal_label.is_empty() { f.label } else { f.portal_label }).unwrap_or(field.id())
    };
    let mut out = String::new();
    out.push_str(&format!("Agency: {}\n", text_value(&record.profile.agency)));
    out.push_str(&format!("Application name: {}\n", text_value(&record.profile.application)));
    out.push_str(&format!("Service level: {}\n", record.level().map(|l| l.name()).unwrap_or(NOT_GIVEN)));
    for field in PORTAL_ORDER {
        let value = match field {
            LaunchField::Audience => choice_label(field, &form.audience).map(str::to_string).unwrap_or_else(|| text_value(&form.audience)),
            f if is_people(f) => list_value(&split_contacts(form.get(f))),
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
    let who = format!("{}{}", if application.is_empty() { "the application" } else { application }, if agency.is_empty() { String::new() } else { format!(" ({agency})") });
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
            "Request it at least two weeks ahead (three with push-notification URLs). Login.gov deploys on Tuesdays and Thursdays; when that day is a holiday, on another day.",
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
    let parts: Vec<String> = ["launch-request".to_string(), file_slug(&record.profile.agency), file_slug(&record.profile.application), file_slug(date_iso)]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    format!("{}.{extension}", parts.join("-"))
}

/// The payload's launch block as JSON, for places that only need the form (drafts, tests).
pub fn launch_json(form: &LaunchForm) -> Value {
    object(launch_entries(form))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_helpers() {
        assert_eq!(Value::Null, number(f64::NAN));
    }
}
