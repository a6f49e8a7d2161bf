//! Reading one launch request file, as the portal's `/launch` page writes it (payload version 1
//! or 2, see `launch::payload`), into what the staffing planner needs from it. Every problem
//! is one [`ImportProblem`], worded for the person who picked the file.

use serde_json::{Map, Value};

use crate::dates::Date;
use crate::launch::exports::DRAFT_KEY;
use crate::launch::payload::{PAYLOAD_SCHEMA, PAYLOAD_VERSION};
use crate::launch::{whole_bounds, LaunchField};
use crate::staffing::{plain_number, ASSUMPTIONS};
/// Language shares may be off their total of 100 by this much (the form takes tenths).
const SHARE_SUM_TOLERANCE: f64 = 0.5;

/// Which date a launch is placed on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// The date users get access.
    UserLaunch,
    /// The deploy date, as the request gives no user launch date.
    Deploy,
}

/// One launch request, as the planner uses it.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedLaunch {
    /// The request's idempotency key: one submission, however often it was sent or imported.
    pub key: String,
    pub agency: String,
    pub application: String,
    /// The payload version the file was written with.
    pub version: u64,
    pub deploy_date: Option<Date>,
    pub user_launch_date: Option<Date>,
    pub announcement_date: Option<Date>,
    pub monthly_active_users: u64,
    pub new_user_share_pct: f64,
    /// 0 for all users at once.
    pub ramp_weeks: u32,
    pub announcement_recipients: u64,
    /// English, Spanish, French, Chinese, in percent.
    pub language_shares: [f64; 4],
    /// The partner says a page publishes the Contact Center number: every contact is a call.
    pub phone_published: bool,
    /// The planning assumptions the partner's page used, by key, as sent (shown beside the
    /// planner's; used only where the planner chooses to).
    pub partner_assumptions: Vec<(String, f64)>,
    /// The file as read, less its `forecast` block: the workspace keeps it, so an exported
    /// workspace reads back the same.
    pub source: Value,
}

impl PlannedLaunch {
    /// The day the launch is placed on in the plan, and why.
    pub fn placed_on(&self) -> (Date, Placement) {
        match (self.user_launch_date, self.deploy_date) {
            (Some(date), _) => (date, Placement::UserLaunch),
            (None, Some(date)) => (date, Placement::Deploy),
            // `read_request` refuses a request with neither.
            (None, None) => unreachable!("a planned launch always has a date"),
        }
    }

    /// "Agency: application", or what there is of it.
    pub fn name(&self) -> String {
        match (self.agency.trim(), self.application.trim()) {
            ("", "") => format!("Request {}", self.key),
            (agency, "") => agency.to_string(),
            ("", application) => application.to_string(),
            (agency, application) => format!("{agency}: {application}"),
        }
    }
}

/// Why a file could not be imported.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportProblem {
    /// Not JSON at all (the parser's words).
    NotJson(String),
    /// JSON, but not a launch request from this portal (the `schema` it names, if any).
    OtherSchema(Option<String>),
    /// Written by a newer portal than this one.
    NewerVersion(u64),
    /// The `version` is not a whole number from 1 up: what it is instead, in words
    /// ("is missing", "is the text “8”", "is 8.5, not a whole number").
    BadVersion(String),
    /// Fields a plan needs are missing or empty, by their dotted names.
    Missing(Vec<String>),
    /// Numbers or dates no launch can have, each in words.
    Impossible(Vec<String>),
    /// A list with no request in it.
    EmptyList,
}

/// What a JSON number is, for the one rule every count and version is read by: a whole number
/// (1200 and 1200.0 alike, -0 being 0) within bounds. Text and other values are named as what
/// they are, so "8" in quotes is not taken for a version or a count; `noun` ("count",
/// "version") names what a number too large for any is not.
fn whole_number(value: &Value, noun: &str) -> Result<u64, String> {
    let Some(number) = value.as_f64() else {
        return Err(match value {
            Value::String(text) => format!("is the text {}, not a number", shown(&Value::String(text.clone()))),
            Value::Bool(_) => format!("is {value}, not a number"),
            Value::Array(_) => "is a list, not a number".to_string(),
            Value::Object(_) => "is a group of fields, not a number".to_string(),
            Value::Null | Value::Number(_) => "is missing".to_string(),
        });
    };
    // Integers keep their exact value; a float is whole when it has no fraction.
    if let Some(n) = value.as_u64() {
        return Ok(n);
    }
    if value.is_i64() || number < 0.0 {
        return Err(format!("is {}, a negative number", shown(value)));
    }
    if number.fract() != 0.0 {
        return Err(format!("is {}, not a whole number", shown(value)));
    }
    // 2^64 and beyond: JSON reads them as floats.
    if number >= 18_446_744_073_709_551_616.0 {
        return Err(format!("is {}, far larger than any {noun}", shown(value)));
    }
    Ok(number as u64)
}

/// Reads a document's `version` (a whole number from 1 up, no newer than `newest`).
pub(super) fn read_version(value: Option<&Value>, newest: u64) -> Result<u64, ImportProblem> {
    let Some(value) = value.filter(|v| !v.is_null()) else { return Err(ImportProblem::BadVersion("is missing".to_string())) };
    match whole_number(value, "version") {
        Ok(0) => Err(ImportProblem::BadVersion("is 0".to_string())),
        Ok(version) if version > newest => Err(ImportProblem::NewerVersion(version)),
        Ok(version) => Ok(version),
        Err(what) => Err(ImportProblem::BadVersion(what)),
    }
}

/// What a file holds: one request, or a list of them (each read on its own, so one bad request
/// is named by its position and the others still import).
#[derive(Clone, Debug, PartialEq)]
pub enum RequestFile {
    One(PlannedLaunch),
    List { launches: Vec<PlannedLaunch>, skipped: Vec<(usize, ImportProblem)> },
}

/// Reads a file's JSON as one request or a list of requests.
pub fn read_request_file(value: Value) -> Result<RequestFile, ImportProblem> {
    let Value::Array(items) = value else { return read_request_value(value).map(RequestFile::One) };
    if items.is_empty() {
        return Err(ImportProblem::EmptyList);
    }
    let mut launches = Vec::new();
    let mut skipped = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        match read_request_value(item) {
            Ok(launch) => launches.push(launch),
            Err(problem) => skipped.push((i + 1, problem)),
        }
    }
    Ok(RequestFile::List { launches, skipped })
}

impl ImportProblem {
    /// The problem in a sentence that names the file.
    pub fn message(&self, file: &str) -> String {
        match self {
            ImportProblem::NotJson(detail) => format!("{file} is not JSON ({detail}), so it is not a launch request."),
            ImportProblem::OtherSchema(Some(schema)) => {
                format!("{file} is a “{schema}” file, not a launch request from this portal (“{PAYLOAD_SCHEMA}”).")
            }
            ImportProblem::OtherSchema(None) => format!("{file} is JSON but not a launch request from this portal: it names no “{PAYLOAD_SCHEMA}” schema."),
            ImportProblem::NewerVersion(version) => format!(
                "{file} is a version {version} launch request, newer than this portal knows (up to version {PAYLOAD_VERSION}). Use a newer copy of the portal to plan with it."
            ),
            ImportProblem::BadVersion(what) => {
                format!("{file} names a schema the portal knows, but its version {what}: a version is a whole number from 1 up.")
            }
            ImportProblem::EmptyList => format!("{file} is an empty list: it holds no launch request."),
            ImportProblem::Missing(fields) => format!("{file} lacks what a plan needs: {}.", fields.join(", ")),
            ImportProblem::Impossible(problems) => format!("{file} has numbers no launch can have: {}.", problems.join("; ")),
        }
    }
}

/// Reads one file's text. The request's own `forecast` block is skipped, not kept: the planner
/// forecasts every launch itself, and the block is most of the file (a thousand requests are
/// then about a tenth of the memory and of the browser storage).
pub fn read_request(text: &str) -> Result<PlannedLaunch, ImportProblem> {
    read_request_value(read_json(text)?)
}

/// A file's JSON as a value, without the top-level `forecast` it may hold.
struct LeanRequest(Value);

impl<'de> serde::Deserialize<'de> for LeanRequest {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LeanVisitor)
    }
}

struct LeanVisitor;

impl<'de> serde::de::Visitor<'de> for LeanVisitor {
    type Value = LeanRequest;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("JSON")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<LeanRequest, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if key == "forecast" {
                map.next_value::<serde::de::IgnoredAny>()?;
            } else {
                out.insert(key, map.next_value()?);
            }
        }
        Ok(LeanRequest(Value::Object(out)))
    }

    // Anything but an object is read whole, for `read_request_value` to refuse with its reason.
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<LeanRequest, A::Error> {
        let mut out = Vec::new();
        while let Some(item) = seq.next_element()? {
            out.push(item);
        }
        Ok(LeanRequest(Value::Array(out)))
    }

    fn visit_str<E>(self, v: &str) -> Result<LeanRequest, E> {
        Ok(LeanRequest(Value::from(v)))
    }

    fn visit_bool<E>(self, v: bool) -> Result<LeanRequest, E> {
        Ok(LeanRequest(Value::from(v)))
    }

    fn visit_i64<E>(self, v: i64) -> Result<LeanRequest, E> {
        Ok(LeanRequest(Value::from(v)))
    }

    fn visit_u64<E>(self, v: u64) -> Result<LeanRequest, E> {
        Ok(LeanRequest(Value::from(v)))
    }

    fn visit_f64<E>(self, v: f64) -> Result<LeanRequest, E> {
        Ok(LeanRequest(Value::from(v)))
    }

    fn visit_unit<E>(self) -> Result<LeanRequest, E> {
        Ok(LeanRequest(Value::Null))
    }
}

/// Reads a file's text as JSON, without a request's `forecast` block (see [`read_request`]).
pub fn read_json(text: &str) -> Result<Value, ImportProblem> {
    serde_json::from_str(text)
        .map(|LeanRequest(value)| value)
        .map_err(|e| ImportProblem::NotJson(format!("line {}, column {}", e.line(), e.column())))
}

/// Reads one request already parsed (a file, or one of a workspace's requests).
pub fn read_request_value(mut value: Value) -> Result<PlannedLaunch, ImportProblem> {
    if let Some(root) = value.as_object_mut() {
        root.remove("forecast");
    }
    let Some(root) = value.as_object() else { return Err(ImportProblem::OtherSchema(None)) };
    match root.get("schema") {
        Some(Value::String(schema)) if schema == PAYLOAD_SCHEMA => {}
        Some(Value::String(schema)) => return Err(ImportProblem::OtherSchema(Some(schema.clone()))),
        _ => return Err(ImportProblem::OtherSchema(None)),
    }
    let version = read_version(root.get("version"), u64::from(PAYLOAD_VERSION))?;

    let empty = Map::new();
    let launch = root.get("launch").and_then(Value::as_object);
    let mut reader = Reader { missing: Vec::new(), impossible: Vec::new() };
    if launch.is_none() {
        reader.missing.push("launch".to_string());
    }
    let fields = launch.unwrap_or(&empty);
    let key = reader.text(root, "idempotency_key", "");
    let agency = root.get("agency").and_then(Value::as_str).unwrap_or_default().to_string();
    let application = root.get("application").and_then(Value::as_str).unwrap_or_default().to_string();
    // Every request downloaded before it was submitted says "draft": those are told apart by
    // what they launch, so two partners' drafts never replace each other, and a draft downloaded
    // again replaces its earlier copy.
    let key = if key == DRAFT_KEY { format!("{DRAFT_KEY}: {agency} / {application}") } else { key };
    if agency.trim().is_empty() && application.trim().is_empty() {
        reader.missing.push("agency or application".to_string());
    }
    // Version 1 had one date, the launch; version 2 separates the deploy date from the date users
    // get access.
    let (deploy_date, user_launch_date) = if version == 1 {
        (None, reader.date(fields, "launch_date"))
    } else {
        (reader.date(fields, "deploy_date"), reader.date(fields, "user_launch_date"))
    };
    if deploy_date.is_none() && user_launch_date.is_none() && !reader.impossible.iter().any(|p| p.contains("date")) {
        reader.missing.push(if version == 1 { "launch.launch_date" } else { "launch.user_launch_date or launch.deploy_date" }.to_string());
    }
    let announcement_date = reader.date(fields, "announcement_date");
    let monthly_active_users = reader.count(fields, LaunchField::MonthlyActiveUsers, true).unwrap_or(0);
    let new_user_share_pct = reader.percent(fields, "new_user_share", true).unwrap_or(0.0);
    let phased = fields.get("ramp").and_then(Value::as_str) == Some("phased");
    let ramp_weeks = if phased { reader.count(fields, LaunchField::RampWeeks, true).unwrap_or(0) as u32 } else { 0 };
    let announcement_recipients = reader.count(fields, LaunchField::AnnouncementRecipients, false).unwrap_or(0);
    // Not planned with, but a request that says -5 registrations is not one the form wrote.
    reader.count(fields, LaunchField::AnnualRegistrations, false);
    reader.count(fields, LaunchField::AnnualAuthentications, false);
    let mut language_shares = [0.0; 4];
    for (slot, key) in language_shares.iter_mut().zip(["share_en", "share_es", "share_fr", "share_zh"]) {
        *slot = reader.percent(fields, key, true).unwrap_or(0.0);
    }
    let share_sum: f64 = language_shares.iter().sum();
    if reader.missing.iter().all(|m| !m.starts_with("launch.share_")) && (share_sum - 100.0).abs() > SHARE_SUM_TOLERANCE {
        reader.impossible.push(format!("the language shares add up to {}%, not 100%", plain_number(share_sum)));
    }
    let phone_published = match fields.get("phone_published") {
        Some(Value::Bool(published)) => *published,
        _ => {
            reader.missing.push("launch.phone_published".to_string());
            false
        }
    };
    let assumptions = root.get("assumptions").and_then(Value::as_object).unwrap_or(&empty);
    // The partner's assumptions are held to the ranges the planner's own fields accept.
    let partner_assumptions = ASSUMPTIONS
        .iter()
        .filter_map(|spec| {
            let value = assumptions.get(spec.key).filter(|v| !v.is_null())?;
            let range = format!("from {} to {} ({})", plain_number(spec.min), plain_number(spec.max), spec.unit);
            match value.as_f64() {
                Some(x) if (spec.min..=spec.max).contains(&x) && (!spec.whole || x.fract() == 0.0) => Some((spec.key.to_string(), x)),
                _ => {
                    reader.impossible.push(format!(
                        "assumptions.{} is {}, not {}{range}",
                        spec.key,
                        shown(value),
                        if spec.whole { "a whole number " } else { "" }
                    ));
                    None
                }
            }
        })
        .collect();

    if !reader.missing.is_empty() {
        return Err(ImportProblem::Missing(reader.missing));
    }
    if !reader.impossible.is_empty() {
        return Err(ImportProblem::Impossible(reader.impossible));
    }
    Ok(PlannedLaunch {
        key,
        agency,
        application,
        version,
        deploy_date,
        user_launch_date,
        announcement_date,
        monthly_active_users,
        new_user_share_pct,
        ramp_weeks,
        announcement_recipients,
        language_shares,
        phone_published,
        partner_assumptions,
        source: value,
    })
}

/// Collects what is missing and what is impossible while the fields are read.
struct Reader {
    missing: Vec<String>,
    impossible: Vec<String>,
}

impl Reader {
    fn text(&mut self, object: &Map<String, Value>, key: &str, prefix: &str) -> String {
        match object.get(key).and_then(Value::as_str).map(str::trim) {
            Some(text) if !text.is_empty() => text.to_string(),
            _ => {
                self.missing.push(format!("{prefix}{key}"));
                String::new()
            }
        }
    }

    /// A `YYYY-MM-DD` date; absent or null is `None`, anything else is impossible.
    fn date(&mut self, launch: &Map<String, Value>, key: &str) -> Option<Date> {
        match launch.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(text)) if Date::parse_iso(text).is_some() => Date::parse_iso(text),
            Some(other) => {
                self.impossible.push(format!("launch.{key} is {}, not a date", shown(other)));
                None
            }
        }
    }

    /// A count, by the form's own bounds for the field; `required` makes absent or null missing.
    fn count(&mut self, launch: &Map<String, Value>, field: LaunchField, required: bool) -> Option<u64> {
        let (min, max) = whole_bounds(field);
        self.number(launch, field.id(), required, |value| match whole_number(value, "count") {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            Ok(_) => Err(format!("is {}, outside the form's range from {min} to {max}", shown(value))),
            Err(what) => Err(format!("{what}: it must be a whole number from {min} to {max}")),
        })
    }

    /// A percent from 0 to 100; `required` makes absent or null missing.
    fn percent(&mut self, launch: &Map<String, Value>, key: &str, required: bool) -> Option<f64> {
        self.number(launch, key, required, |v| {
            v.as_f64().filter(|x| (0.0..=100.0).contains(x)).ok_or_else(|| format!("is {}, not a percent from 0 to 100", shown(v)))
        })
    }

    /// A number `read` accepts; absent or null is missing when `required`, anything `read`
    /// refuses is impossible, in its words ("launch.key is …, not …").
    fn number<T>(&mut self, launch: &Map<String, Value>, key: &str, required: bool, read: impl Fn(&Value) -> Result<T, String>) -> Option<T> {
        match launch.get(key) {
            None | Some(Value::Null) => {
                if required {
                    self.missing.push(format!("launch.{key}"));
                }
                None
            }
            Some(value) => read(value).map_err(|what| self.impossible.push(format!("launch.{key} {what}"))).ok(),
        }
    }
}

/// A value as JSON, cut short: a message quotes what it found without repeating a whole file.
fn shown(value: &Value) -> String {
    const MAX_CHARS: usize = 40;
    let text = value.to_string();
    if text.chars().count() <= MAX_CHARS {
        text
    } else {
        format!("{}…", text.chars().take(MAX_CHARS).collect::<String>())
    }
}
