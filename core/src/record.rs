//! The readiness record: one versioned document holding all of a user's work. It is what is
//! saved in the browser, exported as a file and imported again, so every change to its shape
//! bumps `RECORD_VERSION` and adds a step to `migrate`.

use crate::text::MAX_FIELD_CHARS;
use crate::vocab::Profile;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::checklist::ChecklistWork;
use super::launch::{LaunchField, LaunchForm, OutboxEntry, Receipt};
use super::service_level::{self, Answers, Recommendation};
use super::vocab::Level;

/// The version this build writes. Older versions are migrated on load and on import.
/// 1: profile only. 2: adds `service_level` (answers, chosen level, reason).
/// 3: adds `checklist` (item work and sign-offs).
/// 4: adds `support` (link attribution and launch email details).
/// 5: adds `launch` (the launch request draft, staffing assumptions, outbox and receipts).
/// 6: adds `profile.partner_type` and `profile.oidc_flow`; the launch draft's `launch_date`
///    becomes `deploy_date` (the date users get access is the new `user_launch_date`), and its
///    `help_desk_contact` becomes `help_desk_other` beside the new phone and email fields.
/// 7: a sign-off records what was still open when it was approved (`approved_with_open`), and a
///    receipt the fingerprint of what it received (`fingerprint`); both start empty.
/// 8: adds `launch.calendar` (the launch's one calendar UID and its SEQUENCE); a record that
///    already has receipts keeps the UID its downloads used, the last receipt's key.
pub const RECORD_VERSION: u64 = 8;

/// Marks an exported file as ours, so a random JSON file is refused on import.
pub const RECORD_KIND: &str = "login-gov-partner-readiness-record";

/// The support kit's part of the record: what the agency typed into its tools.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SupportWork {
    /// `?agency=` value for Login.gov links, from the account manager.
    pub link_agency: String,
    /// `?integration=` value for Login.gov links, from the account manager.
    pub link_integration: String,
    /// The launch time frame for the announcement email, e.g. "in early March 2027".
    pub launch_window: String,
    /// How users reach the agency's own help desk.
    pub help_desk: String,
    /// Language code of the announcement email (en, es, fr, zh).
    pub email_lang: String,
}

/// The launch page's part of the record.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LaunchWork {
    /// The draft as typed; `None` until the partner first edits it (the page prefills it).
    pub form: Option<LaunchForm>,
    /// Staffing assumptions the reviewer changed, as typed, by assumption key.
    pub assumption_texts: std::collections::BTreeMap<String, String>,
    /// Submissions that have not reached the endpoint yet.
    pub outbox: Vec<OutboxEntry>,
    /// Submissions that went through, or were saved locally without an endpoint.
    pub receipts: Vec<Receipt>,
    /// The launch's calendar entry, the same in every `.ics` download.
    pub calendar: CalendarEntry,
}

/// One UID for a launch's calendar events for as long as the record lives, so each `.ics`
/// download updates the events already in a calendar instead of adding copies, and a SEQUENCE
/// raised whenever the events change, so calendars take the newer one (RFC 5545 §3.8.7.4).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CalendarEntry {
    /// Empty until the first download.
    pub uid: String,
    pub sequence: u32,
    /// A fingerprint of the events as last downloaded (see `launch::calendar_fingerprint`).
    pub fingerprint: String,
}

impl CalendarEntry {
    /// Readies the entry for a download of events with this fingerprint: a UID from `new_uid`
    /// the first time, and the SEQUENCE raised when the events differ from the last download.
    pub fn for_download(&mut self, fingerprint: &str, new_uid: impl FnOnce() -> String) {
        if self.uid.trim().is_empty() {
            *self = CalendarEntry { uid: new_uid(), sequence: 0, fingerprint: fingerprint.to_string() };
        } else if self.fingerprint != fingerprint {
            self.sequence = self.sequence.saturating_add(1);
            self.fingerprint = fingerprint.to_string();
        }
    }
}

/// The service-level guide's part of the record.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ServiceLevelWork {
    pub answers: Answers,
    /// The agency's own choice; `None` follows the recommendation.
    pub chosen: Option<Level>,
    /// Why the agency chose differently from the recommendation.
    pub override_reason: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReadinessRecord {
    pub kind: String,
    pub version: u64,
    #[serde(default)]
    pub profile: Profile,
    #[serde(default)]
    pub service_level: ServiceLevelWork,
    #[serde(default)]
    pub checklist: ChecklistWork,
    #[serde(default)]
    pub support: SupportWork,
    #[serde(default)]
    pub launch: LaunchWork,
}

impl Default for ReadinessRecord {
    fn default() -> Self {
        ReadinessRecord {
            kind: RECORD_KIND.to_string(),
            version: RECORD_VERSION,
            profile: Profile::default(),
            service_level: ServiceLevelWork::default(),
            checklist: ChecklistWork::default(),
            support: SupportWork::default(),
            launch: LaunchWork::default(),
        }
    }
}

impl ReadinessRecord {
    pub fn recommendation(&self) -> Recommendation {
        service_level::recommend(&self.service_level.answers, self.profile.audience)
    }

    /// The level in words, saying whether it was recommended or chosen, and the agency's reason
    /// when its choice differs from the recommendation.
    pub fn level_summary(&self) -> (String, Option<String>) {
        let recommended = self.recommendation().level;
        match (self.service_level.chosen, recommended) {
            (Some(chosen), Some(rec)) if chosen == rec => (format!("{} (recommended, and chosen by the agency)", chosen.name()), None),
            (Some(chosen), rec) => (
                format!("{} (chosen by the agency; the portal recommends {})", chosen.name(), rec.map(|l| l.name()).unwrap_or("no level yet")),
                Some(self.service_level.override_reason.clone()),
            ),
            (None, Some(rec)) => (format!("{} (recommended)", rec.name()), None),
            (None, None) => ("not decided yet".to_string(), None),
        }
    }

    /// The level the rest of the portal works with: chosen, else recommended.
    pub fn level(&self) -> Option<Level> {
        service_level::effective_level(self.service_level.chosen, self.recommendation().level)
    }
}


/// Why a stored or imported text is not a record this build can use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordError {
    NotJson(String),
    NotARecord,
    NoVersion,
    NewerVersion(u64),
    BadShape(String),
    /// Where the text is, in the pages' words.
    FieldTooLong(String),
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordError::NotJson(detail) => write!(f, "{detail}"),
            RecordError::NotARecord => {
                write!(f, "The file is JSON, but not a readiness record exported by this portal.")
            }
            RecordError::NoVersion => write!(f, "The record has no version number, so it cannot be read safely."),
            RecordError::NewerVersion(v) => write!(
                f,
                "The record is version {v}, newer than this portal understands (version {RECORD_VERSION}). Use a newer copy of the portal."
            ),
            RecordError::BadShape(detail) => write!(f, "The record is damaged: {detail}."),
            RecordError::FieldTooLong(place) => {
                write!(f, "A text in {place} is longer than {MAX_FIELD_CHARS} characters.")
            }
        }
    }
}

/// What loading the saved text found.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadOutcome {
    /// Nothing saved yet: start fresh.
    Empty,
    /// Saved at the current version.
    Current(ReadinessRecord),
    /// Saved by an older version and brought up to date.
    Migrated { record: ReadinessRecord, from_version: u64 },
    /// Saved text this build cannot use. The caller keeps `raw` aside and tells the user.
    Unreadable { raw: String, error: RecordError },
}

/// Reads text into a record of the current version, migrating older ones.
/// Returns the record and the version it was read from.
pub fn parse_record(text: &str) -> Result<(ReadinessRecord, u64), RecordError> {
    let value: Value = serde_json::from_str(text).map_err(|e| RecordError::NotJson(syntax_error_words(&e)))?;
    let object = value.as_object().ok_or(RecordError::NotARecord)?;
    if object.get("kind").and_then(Value::as_str) != Some(RECORD_KIND) {
        return Err(RecordError::NotARecord);
    }
    let from_version = object.get("version").and_then(Value::as_u64).ok_or(RecordError::NoVersion)?;
    if from_version > RECORD_VERSION {
        return Err(RecordError::NewerVersion(from_version));
    }
    let migrated = migrate(value, from_version)?;
    let record: ReadinessRecord = match serde_json::from_value(migrated.clone()) {
        Ok(record) => record,
        Err(error) => {
            let (path, message) = locate_shape_error(&migrated).unwrap_or_else(|| (Vec::new(), error.to_string()));
            return Err(RecordError::BadShape(shape_error_words(&path, &message)));
        }
    };
    check_limits(&record)?;
    Ok((record, from_version))
}

/// A JSON syntax error in the reader's terms, with the line (and column) to look at, instead
/// of the parser's wording ("EOF while parsing a value").
fn syntax_error_words(error: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let (line, column) = (error.line(), error.column());
    match error.classify() {
        Category::Eof if line <= 1 && column == 0 => "The file is empty: it holds no record.".to_string(),
        Category::Eof => format!(
            "The file stops part-way through the record (at line {line}), so it was probably cut off while it was saved, copied or sent. Download it again from the portal it came from."
        ),
        _ => format!(
            "The file is not a record the portal can read: at line {line}, column {column}, it has text that does not belong there, such as a missing comma or quotation mark. It may have been edited by hand; download it again from the portal it came from."
        ),
    }
}

/// Where in a record's JSON the first shape error is, as a path of keys (array positions as
/// numbers), with serde's message there. Found by taking parts away one at a time and reading
/// the record again: the part whose removal clears the error (or only makes it "missing") holds
/// it. This reuses the record's own reader, so it adds no second copy of it to the build, as a
/// path-tracking deserializer would.
fn locate_shape_error(root: &Value) -> Option<(Vec<String>, String)> {
    let check = |value: &Value| serde_json::from_value::<ReadinessRecord>(value.clone()).err().map(|e| e.to_string());
    let message = check(root)?;
    let mut path: Vec<String> = Vec::new();
    'descend: loop {
        let pointer: String = path.iter().map(|p| format!("/{}", p.replace('~', "~0").replace('/', "~1"))).collect();
        let Some(node) = root.pointer(&pointer) else { break };
        let keys: Vec<String> = match node {
            Value::Object(map) => map.keys().cloned().collect(),
            Value::Array(items) => (0..items.len()).map(|i| i.to_string()).collect(),
            _ => break,
        };
        for key in keys {
            let mut without = root.clone();
            match without.pointer_mut(&pointer) {
                Some(Value::Object(map)) => {
                    map.remove(&key);
                }
                Some(Value::Array(items)) => {
                    items.remove(key.parse::<usize>().expect("an index"));
                }
                _ => break 'descend,
            }
            let cleared = match check(&without) {
                None => true,
                Some(other) => other.starts_with(&format!("missing field `{key}`")),
            };
            if cleared {
                path.push(key);
                continue 'descend;
            }
        }
        break;
    }
    Some((path, message))
}

/// A record whose shape is wrong, in the reader's terms: which part of their work (a checklist
/// item by its title, a sign-off by its phase, a form field by its label) and what is wrong
/// with it, instead of serde's wording ("unknown variant `approved-by-gsa`").
fn shape_error_words(path: &[String], message: &str) -> String {
    format!("in {}, {}", place_words(path), problem_words(message))
}

/// Where in the record `path` points, as the portal's pages name it.
fn place_words(path: &[String]) -> String {
    let content = super::content::content();
    let words = |name: &str| name.replace('_', " ");
    let field = |rest: &[String]| rest.first().map(|f| format!(", the {}", words(f))).unwrap_or_default();
    let parts: Vec<&str> = path.iter().map(String::as_str).collect();
    match parts.as_slice() {
        ["profile", name, ..] => format!("the integration profile, the {}", words(name)),
        ["service_level", "answers", name, ..] => format!("the service-level answers, the answer about {}", words(name)),
        ["service_level", name, ..] => format!("the service level, the {}", words(name)),
        ["checklist", "items", id, ..] => {
            let title = content.checklist.phases.iter().flat_map(|p| p.items).find(|i| i.id == *id).map(|i| i.title);
            format!("the checklist item “{}”{}", title.unwrap_or(id), field(&path[3..]))
        }
        ["checklist", "sign_offs", scope, ..] => {
            let scope_words = if *scope == super::checklist::OVERALL {
                "the overall sign-off".to_string()
            } else {
                let title = content.checklist.phases.iter().find(|p| p.id == *scope).map(|p| p.title);
                format!("the sign-off for “{}”", title.unwrap_or(scope))
            };
            format!("{scope_words}{}", field(&path[3..]))
        }
        ["support", name, ..] => format!("the support kit, the {}", words(name)),
        ["launch", "form", name, ..] => {
            let label = LaunchField::from_id(name).and_then(|f| content.launch.field(f)).map_or_else(|| words(name), |f| f.label.to_string());
            format!("the launch request form, the field “{label}”")
        }
        ["launch", "outbox", n, ..] => format!("launch submission {} waiting to be sent", n.parse::<usize>().map_or(n.to_string(), |i| (i + 1).to_string())),
        ["launch", "assumption_texts", key, ..] => {
            let label = super::staffing::ASSUMPTIONS.iter().find(|a| a.key == *key).map_or_else(|| words(key), |a| a.label.to_string());
            format!("the staffing assumption “{label}”")
        }
        ["launch", "calendar", ..] => "the launch's calendar entry".to_string(),
        ["launch", "receipts", n, ..] => format!("launch receipt {}", n.parse::<usize>().map_or(n.to_string(), |i| (i + 1).to_string())),
        [] | ["."] => "the record".to_string(),
        _ => format!("the part named “{}”", path.join(" › ")),
    }
}

/// What serde found wrong, in plain words.
fn problem_words(message: &str) -> String {
    let ticked = |text: &str| -> Vec<String> { text.split('`').skip(1).step_by(2).map(|s| s.replace('-', " ")).collect() };
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (found, expected) = rest.split_once(", expected").unwrap_or((rest, ""));
        let found = found.trim_matches('`');
        let allowed = ticked(expected);
        let allowed = match allowed.as_slice() {
            [] => String::new(),
            [one] => format!(": the only value it can have is “{one}”"),
            [rest @ .., last] => format!(": it can be {} or “{last}”", rest.iter().map(|a| format!("“{a}”")).collect::<Vec<_>>().join(", ")),
        };
        return format!("the value “{found}” is not one the portal knows{allowed}");
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!("the file has {} where the portal expects {}", kind_words(found), kind_words(expected));
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return format!("the part “{}” is missing", rest.trim_matches('`').replace('_', " "));
    }
    "the contents are not in the form the portal expects".to_string()
}

/// serde's names for kinds of value ("integer `5`", "a string"), as a reader would say them.
fn kind_words(kind: &str) -> &'static str {
    let kind = kind.trim_start_matches("a ").trim_start_matches("an ");
    let starts = |prefix: &str| kind.starts_with(prefix);
    if starts("string") || starts("char") {
        "text"
    } else if starts("integer") || starts("floating") || starts("u8") || starts("u16") || starts("u32") || starts("u64") || starts("i64") || starts("f64") {
        "a number"
    } else if starts("bool") {
        "true or false"
    } else if starts("sequence") {
        "a list"
    } else if starts("map") || starts("struct") {
        "a group of fields"
    } else if starts("null") || starts("unit") {
        "nothing (null)"
    } else {
        "another kind of value"
    }
}

/// Brings an older record's JSON up to `RECORD_VERSION`, one version step at a time.
fn migrate(mut value: Value, from_version: u64) -> Result<Value, RecordError> {
    let mut version = from_version;
    while version < RECORD_VERSION {
        value = match version {
            // 1 → 2: the service-level guide starts unanswered; the profile is unchanged.
            1 => {
                value["service_level"] = serde_json::to_value(ServiceLevelWork::default()).expect("serialisable");
                value
            }
            // 2 → 3: the checklist starts untouched, with no sign-offs.
            2 => {
                value["checklist"] = serde_json::to_value(ChecklistWork::default()).expect("serialisable");
                value
            }
            // 3 → 4: the support tools start empty.
            3 => {
                value["support"] = serde_json::to_value(SupportWork::default()).expect("serialisable");
                value
            }
            // 4 → 5: no launch draft yet.
            4 => {
                value["launch"] = serde_json::to_value(LaunchWork::default()).expect("serialisable");
                value
            }
            // 5 → 6: the partner type and OIDC flow start unanswered; the draft's one launch date
            // was the date asked of Login.gov, so it becomes the deploy date, and the free-text
            // help-desk contact moves to the "other information" field, where nothing is lost.
            5 => {
                if let Some(profile) = value.get_mut("profile").and_then(Value::as_object_mut) {
                    profile.entry("partner_type").or_insert(Value::Null);
                    profile.entry("oidc_flow").or_insert(Value::Null);
                }
                if let Some(form) = value.pointer_mut("/launch/form").and_then(Value::as_object_mut) {
                    if let Some(date) = form.remove("launch_date") {
                        form.insert("deploy_date".into(), date);
                    }
                    if let Some(help_desk) = form.remove("help_desk_contact") {
                        form.insert("help_desk_other".into(), help_desk);
                    }
                }
                value
            }
            // 6 → 7: the new fields take their defaults (nothing open was recorded, and older
            // receipts match no new submission), so the text is unchanged.
            6 => value,
            // 7 → 8: the calendar UID older downloads used was the last receipt's key: keeping it
            // lets the next download update those events. Its fingerprint is unknown, so that
            // download raises the SEQUENCE. Without receipts, the first download picks a UID.
            7 => {
                let last_key = value.pointer("/launch/receipts").and_then(Value::as_array).and_then(|r| r.last()).and_then(|r| r.get("idempotency_key")).and_then(Value::as_str).map(str::to_string);
                if let (Some(key), Some(launch)) = (last_key, value.get_mut("launch").and_then(Value::as_object_mut)) {
                    launch.insert("calendar".into(), serde_json::json!({ "uid": key, "sequence": 0, "fingerprint": "" }));
                }
                value
            }
            other => return Err(RecordError::BadShape(format!("version {other} was never written by this portal"))),
        };
        version += 1;
        value["version"] = Value::from(version);
    }
    Ok(value)
}

/// Another tab's saved work merged into this tab's (see [`merge`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// Every change from both tabs; where both changed one part differently, the other tab's
    /// (saved first) is kept.
    pub record: ReadinessRecord,
    /// The same merge keeping this tab's version of those parts, to offer instead.
    pub preferring_mine: ReadinessRecord,
    /// The parts both tabs changed differently, in the portal's words.
    pub conflicts: Vec<String>,
}

/// Three-way merge of two tabs' work. `base` is what was in storage when this tab last read or
/// wrote it, `mine` this tab's record, `theirs` what another tab has saved since. A part changed
/// in one tab takes that change. Lists of submissions merge by idempotency key: an entry added
/// in either tab is kept, one removed in either (sent, say) stays removed. A part both tabs
/// changed differently is a conflict, named in `conflicts`.
pub fn merge(base: &ReadinessRecord, mine: &ReadinessRecord, theirs: &ReadinessRecord) -> Merged {
    let (base, mine_value, theirs_value) = (serde_json::to_value(base), serde_json::to_value(mine), serde_json::to_value(theirs));
    let (Ok(base), Ok(mine_value), Ok(theirs_value)) = (base, mine_value, theirs_value) else {
        return Merged { record: theirs.clone(), preferring_mine: mine.clone(), conflicts: vec!["the record".into()] };
    };
    let mut conflicts = Vec::new();
    let mut path = Vec::new();
    let theirs_first = merge_value(&base, &mine_value, &theirs_value, false, &mut path, &mut conflicts);
    let mine_first = merge_value(&base, &mine_value, &theirs_value, true, &mut path, &mut Vec::new());
    let read = |value: Value, fallback: &ReadinessRecord| serde_json::from_value(value).unwrap_or_else(|_| fallback.clone());
    Merged { record: read(theirs_first, theirs), preferring_mine: read(mine_first, mine), conflicts: conflicts.iter().map(|p| place_words(p)).collect() }
}

fn merge_value(base: &Value, mine: &Value, theirs: &Value, prefer_mine: bool, path: &mut Vec<String>, conflicts: &mut Vec<Vec<String>>) -> Value {
    if mine == theirs || theirs == base {
        return mine.clone();
    }
    if mine == base {
        return theirs.clone();
    }
    match (mine, theirs) {
        (Value::Object(m), Value::Object(t)) => {
            let empty = serde_json::Map::new();
            let b = base.as_object().unwrap_or(&empty);
            let mut out = serde_json::Map::new();
            for key in m.keys().chain(t.keys().filter(|k| !m.contains_key(*k))) {
                path.push(key.clone());
                let merged = merge_value(b.get(key).unwrap_or(&Value::Null), m.get(key).unwrap_or(&Value::Null), t.get(key).unwrap_or(&Value::Null), prefer_mine, path, conflicts);
                path.pop();
                out.insert(key.clone(), merged);
            }
            Value::Object(out)
        }
        (Value::Array(m), Value::Array(t)) if m.iter().chain(t).all(|v| v.get("idempotency_key").is_some()) => {
            let key = |v: &Value| v.get("idempotency_key").cloned();
            let b = base.as_array().map(Vec::as_slice).unwrap_or_default();
            let in_list = |list: &[Value], v: &Value| list.iter().any(|x| key(x) == key(v));
            // Kept: this tab's entries the other did not remove, then the other's new ones.
            let mut out: Vec<Value> = m.iter().filter(|v| !in_list(b, v) || in_list(t, v)).cloned().collect();
            out.extend(t.iter().filter(|v| !in_list(m, v) && !in_list(b, v)).cloned());
            Value::Array(out)
        }
        _ => {
            conflicts.push(path.clone());
            if prefer_mine { mine.clone() } else { theirs.clone() }
        }
    }
}

/// What a field says when its text is over [`MAX_FIELD_CHARS`]: nothing is cut, but the
/// record cannot be saved until the text is shortened. `None` within the limit.
pub fn length_problem(text: &str) -> Option<String> {
    let length = text.chars().count();
    (length > MAX_FIELD_CHARS).then(|| {
        format!(
            "This is {} characters, {} more than the {} the portal can save. Nothing has been cut, but your changes are not saved until you shorten it.",
            thousands(length),
            thousands(length - MAX_FIELD_CHARS),
            thousands(MAX_FIELD_CHARS)
        )
    })
}

/// 10000 → "10,000".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Refuses a record with any text longer than [`MAX_FIELD_CHARS`], wherever it sits: what
/// `load` and `import` refuse, so the store checks it before it saves. Every string of the
/// record's JSON is checked, keys included, so a field added later is covered without being
/// listed here; the error names the place as the pages do.
pub fn check_limits(record: &ReadinessRecord) -> Result<(), RecordError> {
    fn too_long(text: &str) -> bool {
        // A string this short in bytes cannot be too long in characters.
        text.len() > MAX_FIELD_CHARS && text.chars().count() > MAX_FIELD_CHARS
    }
    fn find(value: &Value, path: &mut Vec<String>) -> bool {
        match value {
            Value::String(text) => too_long(text),
            Value::Array(items) => items.iter().enumerate().any(|(i, item)| {
                path.push(i.to_string());
                let found = find(item, path);
                if !found {
                    path.pop();
                }
                found
            }),
            Value::Object(map) => map.iter().any(|(key, item)| {
                path.push(key.clone());
                let found = too_long(key) || find(item, path);
                if !found {
                    path.pop();
                }
                found
            }),
            _ => false,
        }
    }
    let value = serde_json::to_value(record).expect("a record always serialises");
    let mut path = Vec::new();
    if find(&value, &mut path) {
        Err(RecordError::FieldTooLong(place_words(&path)))
    } else {
        Ok(())
    }
}

/// Interprets what was found in storage; never fails, so start-up never crashes.
pub fn load(saved: Option<&str>) -> LoadOutcome {
    let Some(raw) = saved else { return LoadOutcome::Empty };
    if raw.trim().is_empty() {
        return LoadOutcome::Empty;
    }
    match parse_record(raw) {
        Ok((record, from)) if from == RECORD_VERSION => LoadOutcome::Current(record),
        Ok((record, from_version)) => LoadOutcome::Migrated { record, from_version },
        Err(error) => LoadOutcome::Unreadable { raw: raw.to_string(), error },
    }
}

/// Validates an imported file. On error the caller keeps the current record untouched.
pub fn import(text: &str) -> Result<ReadinessRecord, RecordError> {
    parse_record(text).map(|(record, _)| record)
}

/// How much work a record holds, part by part, so that replacing it can say what would be lost.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WorkSummary {
    pub profile_answers: usize,
    pub service_level_answers: usize,
    /// Checklist items with a status, reason, note or evidence.
    pub checklist_items: usize,
    pub sign_offs: usize,
    pub launch_fields: usize,
    pub support_fields: usize,
    /// Launch submissions: receipts and those waiting to be sent.
    pub submissions: usize,
}

impl WorkSummary {
    pub fn of(record: &ReadinessRecord) -> WorkSummary {
        let filled = |text: &str| !text.trim().is_empty();
        let support = &record.support;
        WorkSummary {
            profile_answers: record.profile.answered(),
            service_level_answers: service_level::Question::ALL.into_iter().filter(|q| record.service_level.answers.get(*q).is_some()).count()
                + usize::from(record.service_level.chosen.is_some()),
            checklist_items: record.checklist.items.values().filter(|w| !w.is_empty()).count(),
            sign_offs: record.checklist.sign_offs.len(),
            launch_fields: record.launch.form.as_ref().map_or(0, |form| super::launch::LaunchField::ALL.iter().filter(|f| filled(form.get(**f))).count()),
            support_fields: [&support.link_agency, &support.link_integration, &support.launch_window, &support.help_desk].into_iter().filter(|t| filled(t)).count(),
            submissions: record.launch.receipts.len() + record.launch.outbox.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == WorkSummary::default()
    }

    /// The parts with work, in words: "4 checklist items, 1 sign-off and 9 launch request fields".
    pub fn describe(&self) -> String {
        let count = |n: usize, one: &str, many: &str| match n {
            0 => None,
            1 => Some(format!("1 {one}")),
            n => Some(format!("{n} {many}")),
        };
        let parts: Vec<String> = [
            count(self.profile_answers, "integration profile answer", "integration profile answers"),
            count(self.service_level_answers, "service-level answer", "service-level answers"),
            count(self.checklist_items, "checklist item with work", "checklist items with work"),
            count(self.sign_offs, "sign-off", "sign-offs"),
            count(self.launch_fields, "launch request field", "launch request fields"),
            count(self.support_fields, "support kit field", "support kit fields"),
            count(self.submissions, "launch submission", "launch submissions"),
        ]
        .into_iter()
        .flatten()
        .collect();
        match parts.as_slice() {
            [] => "nothing".to_string(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        }
    }
}

/// What importing `imported` would lose from `current`, in words, or `None` when nothing would
/// be lost: the current record is empty or the same as the file.
pub fn import_loss(current: &ReadinessRecord, imported: &ReadinessRecord) -> Option<String> {
    let summary = WorkSummary::of(current);
    if summary.is_empty() || current == imported {
        return None;
    }
    Some(format!(
        "Importing replaces all the work shown here: {}. The file holds {}.",
        summary.describe(),
        WorkSummary::of(imported).describe()
    ))
}

/// The text saved to storage and written to an exported file.
pub fn to_json(record: &ReadinessRecord) -> String {
    serde_json::to_string_pretty(record).expect("a record always serialises")
}

/// A safe file-name part: letters, digits and dashes only, lowercase, at most 40 characters.
pub fn file_slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_end_matches('-').chars().take(40).collect();
    slug.trim_end_matches('-').to_string()
}

/// `readiness-<agency>-<application>-<date>.json`, skipping parts that are empty.
pub fn export_file_name(record: &ReadinessRecord, date_iso: &str, extension: &str) -> String {
    let parts: Vec<String> = ["readiness".to_string(), file_slug(&record.profile.agency), file_slug(&record.profile.application), file_slug(date_iso)]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    format!("{}.{extension}", parts.join("-"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::{Audience, OidcFlow, PartnerType, Protocol};

    fn sample() -> ReadinessRecord {
        ReadinessRecord {
            profile: Profile {
                agency: "Department of Examples".into(),
                application: "Benefits \"Portal\" <beta>".into(),
                protocol: Some(Protocol::Saml),
                audience: Some(Audience::Both),
                ..Default::default()
            },
            ..Default::default()
        }
    }

    #[test]
    fn round_trips_through_json() {
        let record = sample();
        assert_eq!(import(&to_json(&record)), Ok(record.clone()));
        assert_eq!(load(Some(&to_json(&record))), LoadOutcome::Current(record));
    }

    #[test]
    fn empty_storage_starts_fresh() {
        assert_eq!(load(None), LoadOutcome::Empty);
        assert_eq!(load(Some("  ")), LoadOutcome::Empty);
    }

    #[test]
    fn unreadable_text_is_kept_for_the_caller() {
        for (raw, expected) in [
            ("{not json", RecordError::NotJson(String::new())),
            ("[1,2]", RecordError::NotARecord),
            ("{\"kind\":\"something-else\",\"version\":1}", RecordError::NotARecord),
            (&format!("{{\"kind\":\"{RECORD_KIND}\"}}"), RecordError::NoVersion),
            (&format!("{{\"kind\":\"{RECORD_KIND}\",\"version\":99}}"), RecordError::NewerVersion(99)),
            (&format!("{{\"kind\":\"{RECORD_KIND}\",\"version\":0}}"), RecordError::BadShape(String::new())),
            (&format!("{{\"kind\":\"{RECORD_KIND}\",\"version\":1,\"profile\":{{\"protocol\":\"ftp\"}}}}"), RecordError::BadShape(String::new())),
        ] {
            match load(Some(raw)) {
                LoadOutcome::Unreadable { raw: kept, error } => {
                    assert_eq!(kept, raw);
                    assert_eq!(std::mem::discriminant(&error), std::mem::discriminant(&expected), "{raw}: {error}");
                    assert!(!error.to_string().is_empty());
                }
                other => panic!("{raw} loaded as {other:?}"),
            }
        }
    }

    /// A record exactly as version 1 of the portal exported it.
    const VERSION_1: &str = r#"{
      "kind": "login-gov-partner-readiness-record",
      "version": 1,
      "profile": { "agency": "Department of Examples", "application": "Benefits", "protocol": "oidc", "audience": "workforce" }
    }"#;

    #[test]
    fn version_1_records_migrate_with_their_profile_intact() {
        let LoadOutcome::Migrated { record, from_version } = load(Some(VERSION_1)) else { panic!("not migrated") };
        assert_eq!(from_version, 1);
        assert_eq!(record.version, RECORD_VERSION);
        assert_eq!(record.profile.agency, "Department of Examples");
        assert_eq!(record.profile.protocol, Some(Protocol::Oidc));
        assert_eq!(record.profile.audience, Some(Audience::Workforce));
        assert_eq!(record.service_level, ServiceLevelWork::default());
        assert_eq!(record.checklist, ChecklistWork::default());
        assert_eq!(record.support, SupportWork::default());
        assert_eq!(record.launch, LaunchWork::default());
        // Importing an old export migrates it the same way.
        assert_eq!(import(VERSION_1), Ok(record));
    }

    #[test]
    fn version_2_records_migrate_keeping_their_service_level() {
        let v2 = r#"{"kind": "login-gov-partner-readiness-record", "version": 2,
            "profile": {"agency": "Office of Tests"},
            "service_level": {"answers": {"financial": "yes"}, "chosen": null, "override_reason": ""}}"#;
        let LoadOutcome::Migrated { record, from_version } = load(Some(v2)) else { panic!("not migrated") };
        assert_eq!(from_version, 2);
        assert_eq!(record.service_level.answers.financial, Some(service_level::Answer::Yes));
        assert_eq!(record.checklist, ChecklistWork::default());
        assert_eq!(record.support, SupportWork::default());
    }

    #[test]
    fn version_3_records_migrate_keeping_their_checklist() {
        let v3 = r#"{"kind": "login-gov-partner-readiness-record", "version": 3,
            "checklist": {"items": {"chk-iaa-signed": {"status": "done"}}, "sign_offs": {}}}"#;
        let LoadOutcome::Migrated { record, from_version } = load(Some(v3)) else { panic!("not migrated") };
        assert_eq!(from_version, 3);
        assert_eq!(record.checklist.item("chk-iaa-signed").status, super::super::checklist::ItemStatus::Done);
        assert_eq!(record.support, SupportWork::default());
    }

    #[test]
    fn version_4_records_migrate_keeping_their_support_work() {
        let v4 = r#"{"kind": "login-gov-partner-readiness-record", "version": 4,
            "support": {"help_desk": "help@example.gov", "email_lang": "es"}}"#;
        let LoadOutcome::Migrated { record, from_version } = load(Some(v4)) else { panic!("not migrated") };
        assert_eq!(from_version, 4);
        assert_eq!(record.support.email_lang, "es");
        assert_eq!(record.launch, LaunchWork::default());
    }

    /// A version-5 record as the portal wrote it before the deploy date and the user launch date
    /// were separate fields.
    const VERSION_5: &str = r#"{
      "kind": "login-gov-partner-readiness-record",
      "version": 5,
      "profile": { "agency": "Department of Examples", "application": "Benefits", "protocol": "oidc", "audience": "public" },
      "launch": {
        "form": { "launch_date": "2027-03-02", "help_desk_contact": "help@example.gov, weekdays 9-5",
                  "billing_contacts": "billing@example.gov", "monthly_active_users": "12,000" },
        "assumption_texts": {}, "outbox": [], "receipts": []
      }
    }"#;

    #[test]
    fn version_5_records_migrate_their_launch_date_to_the_deploy_date() {
        let LoadOutcome::Migrated { record, from_version } = load(Some(VERSION_5)) else { panic!("not migrated") };
        assert_eq!(from_version, 5);
        assert_eq!(record.profile.partner_type, None);
        assert_eq!(record.profile.oidc_flow, None);
        assert_eq!(record.profile.protocol, Some(Protocol::Oidc));
        let form = record.launch.form.expect("the draft is kept");
        assert_eq!(form.deploy_date, "2027-03-02");
        assert_eq!(form.user_launch_date, "");
        assert_eq!(form.help_desk_other, "help@example.gov, weekdays 9-5");
        assert_eq!(form.billing_contacts, "billing@example.gov");
        assert_eq!(form.monthly_active_users, "12,000");
        // A version-5 record without a launch draft migrates too.
        let bare = r#"{"kind": "login-gov-partner-readiness-record", "version": 5, "profile": {"agency": "A"}}"#;
        let LoadOutcome::Migrated { record, .. } = load(Some(bare)) else { panic!("not migrated") };
        assert_eq!(record.profile.agency, "A");
        assert_eq!(record.launch.form, None);
    }

    #[test]
    fn version_7_records_keep_the_calendar_uid_their_downloads_used() {
        // Before version 8 the .ics UID was the last receipt's key: kept, so the next download
        // updates those events, with a SEQUENCE raised since what they said is unknown.
        let v7 = r#"{"kind": "login-gov-partner-readiness-record", "version": 7,
            "launch": {"form": {"deploy_date": "2027-03-02"}, "receipts": [
                {"idempotency_key": "older", "at": "2026-11-01T00:00:00Z", "sent": true},
                {"idempotency_key": "latest", "at": "2026-11-02T00:00:00Z", "sent": true}]}}"#;
        let LoadOutcome::Migrated { mut record, from_version } = load(Some(v7)) else { panic!("not migrated") };
        assert_eq!(from_version, 7);
        assert_eq!(record.launch.calendar, CalendarEntry { uid: "latest".into(), sequence: 0, fingerprint: String::new() });
        record.launch.calendar.for_download("abc", || unreachable!("the UID is kept"));
        assert_eq!((record.launch.calendar.uid.as_str(), record.launch.calendar.sequence), ("latest", 1));
        // Without receipts there was no UID worth keeping: the first download picks one.
        let bare = r#"{"kind": "login-gov-partner-readiness-record", "version": 7, "launch": {"receipts": []}}"#;
        let LoadOutcome::Migrated { record, .. } = load(Some(bare)) else { panic!("not migrated") };
        assert_eq!(record.launch.calendar, CalendarEntry::default());
    }

    #[test]
    fn two_tabs_changes_merge_and_a_clash_is_named_with_both_versions_kept() {
        let base = sample();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        mine.profile.application = "Mine".into();
        theirs.service_level.override_reason = "Theirs".into();
        let merged = merge(&base, &mine, &theirs);
        assert!(merged.conflicts.is_empty());
        assert_eq!((merged.record.profile.application.as_str(), merged.record.service_level.override_reason.as_str()), ("Mine", "Theirs"));
        assert_eq!(merged.record, merged.preferring_mine);

        // Both changed the agency: the other tab's (saved first) is kept, this tab's offered.
        mine.profile.agency = "Agency Mine".into();
        theirs.profile.agency = "Agency Theirs".into();
        let merged = merge(&base, &mine, &theirs);
        assert_eq!(merged.conflicts, vec!["the integration profile, the agency".to_string()]);
        assert_eq!(merged.record.profile.agency, "Agency Theirs");
        assert_eq!(merged.preferring_mine.profile.agency, "Agency Mine");
        assert_eq!(merged.preferring_mine.service_level.override_reason, "Theirs", "the rest of the other tab's work stays");

        // No change in this tab: the other tab's record is taken whole.
        assert_eq!(merge(&base, &base, &theirs).record, theirs);
    }

    #[test]
    fn submissions_merge_by_key_so_none_is_lost_or_sent_twice() {
        let entry = |key: &str| OutboxEntry { idempotency_key: key.into(), payload: serde_json::json!({}), queued_at: String::new(), attempts: 0, last_error: String::new() };
        let receipt = |key: &str| Receipt { idempotency_key: key.into(), sent: true, ..Receipt::default() };
        let mut base = sample();
        base.launch.outbox.push(entry("queued-before"));
        let mut mine = base.clone();
        let mut theirs = base.clone();
        // This tab queued another; the other tab sent the first one.
        mine.launch.outbox.push(entry("mine"));
        theirs.launch.outbox.clear();
        theirs.launch.receipts.push(receipt("queued-before"));
        mine.launch.receipts.push(receipt("mine-local"));
        let merged = merge(&base, &mine, &theirs);
        let keys = |list: Vec<String>| list;
        assert_eq!(keys(merged.record.launch.outbox.iter().map(|e| e.idempotency_key.clone()).collect()), vec!["mine".to_string()]);
        assert_eq!(keys(merged.record.launch.receipts.iter().map(|r| r.idempotency_key.clone()).collect()), vec!["mine-local".to_string(), "queued-before".to_string()]);
        assert!(merged.conflicts.is_empty());
    }

    #[test]
    fn the_profile_counts_the_oidc_flow_only_for_oidc() {
        let mut profile = Profile { agency: "A".into(), application: "B".into(), partner_type: Some(PartnerType::StateLocal), ..Profile::default() };
        profile.protocol = Some(Protocol::Saml);
        profile.audience = Some(Audience::Public);
        assert_eq!((profile.answered(), profile.questions()), (5, 5));
        profile.protocol = Some(Protocol::Oidc);
        assert_eq!((profile.answered(), profile.questions()), (5, 6));
        profile.oidc_flow = Some(OidcFlow::Pkce);
        assert_eq!((profile.answered(), profile.questions()), (6, 6));
        assert!(!profile.uses_certificate());
        profile.oidc_flow = Some(OidcFlow::PrivateKeyJwt);
        assert!(profile.uses_certificate());
        profile.protocol = Some(Protocol::Saml);
        profile.oidc_flow = Some(OidcFlow::Pkce);
        assert!(profile.uses_certificate(), "the OIDC flow means nothing for SAML");
    }

    #[test]
    fn the_launch_part_round_trips_with_its_outbox() {
        let mut record = sample();
        let form = LaunchForm {
            deploy_date: "2027-03-02".into(),
            monthly_active_users: "12,000 (about)".into(),
            ..Default::default()
        };
        record.launch.form = Some(form);
        record.launch.assumption_texts.insert("handle_time_s".into(), "240".into());
        record.launch.outbox.push(OutboxEntry {
            idempotency_key: "k".into(),
            payload: serde_json::json!({"a": [1, "=x"]}),
            queued_at: "2026-11-23T15:00:00Z".into(),
            attempts: 2,
            last_error: "The server answered 503.".into(),
        });
        assert_eq!(import(&to_json(&record)), Ok(record));
    }

    #[test]
    fn the_service_level_part_round_trips() {
        let mut record = sample();
        record.service_level.answers.financial = Some(service_level::Answer::Yes);
        record.service_level.answers.cui = Some(service_level::Answer::NotSure);
        record.service_level.chosen = Some(Level::Ial1Aal2);
        record.service_level.override_reason = "Risk assessment, \"signed\"\n2026-10-01".into();
        let text = to_json(&record);
        assert!(text.contains("\"financial\": \"yes\"") && text.contains("\"cui\": \"not-sure\"") && text.contains("\"chosen\": \"ial1-aal2\""));
        assert_eq!(import(&text), Ok(record.clone()));
        assert_eq!(record.recommendation().level, Some(Level::Ial2Aal2));
        assert_eq!(record.level(), Some(Level::Ial1Aal2));
    }

    #[test]
    fn import_refuses_overlong_fields() {
        let mut record = sample();
        record.profile.agency = "x".repeat(MAX_FIELD_CHARS + 1);
        let refused = RecordError::FieldTooLong("the integration profile, the agency".into());
        assert_eq!(import(&to_json(&record)), Err(refused.clone()));
        assert_eq!(check_limits(&record), Err(refused.clone()));
        assert_eq!(refused.to_string(), "A text in the integration profile, the agency is longer than 10000 characters.");
        // A field no list names is covered too: the rule reads every text of the record.
        let mut record = sample();
        record.launch.assumption_texts.insert("handle_time_s".into(), "9".repeat(MAX_FIELD_CHARS + 1));
        assert_eq!(check_limits(&record), Err(RecordError::FieldTooLong("the staffing assumption “Average handle time”".into())));
        let mut record = sample();
        record.launch.receipts.push(crate::launch::Receipt { server_id: Some("r".repeat(MAX_FIELD_CHARS + 1)), ..Default::default() });
        assert_eq!(check_limits(&record), Err(RecordError::FieldTooLong("launch receipt 1".into())));
    }

    #[test]
    fn missing_parts_take_defaults() {
        let text = format!("{{\"kind\":\"{RECORD_KIND}\",\"version\":1}}");
        assert_eq!(import(&text), Ok(ReadinessRecord::default()));
    }

    #[test]
    fn file_names_are_safe() {
        let record = sample();
        assert_eq!(export_file_name(&record, "2026-11-23", "json"), "readiness-department-of-examples-benefits-portal-beta-2026-11-23.json");
        assert_eq!(export_file_name(&ReadinessRecord::default(), "2026-11-23", "csv"), "readiness-2026-11-23.csv");
        assert_eq!(file_slug("../../etc/passwd"), "etc-passwd");
    }
}
