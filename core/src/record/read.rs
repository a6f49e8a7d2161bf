//! Reading a saved or imported record: JSON to the current version through every migration,
//! and what is wrong with it in the user's own terms (which part of their work, and why).

use crate::checklist::ChecklistWork;

use super::document::*;
use super::limits::check_limits;
use super::places::place_words;

use serde_json::Value;

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
pub(super) fn syntax_error_words(error: &serde_json::Error) -> String {
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
pub(super) fn locate_shape_error(root: &Value) -> Option<(Vec<String>, String)> {
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
pub(super) fn shape_error_words(path: &[String], message: &str) -> String {
    format!("in {}, {}", place_words(path), problem_words(message))
}

/// What serde found wrong, in plain words.
pub(super) fn problem_words(message: &str) -> String {
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
pub(super) fn kind_words(kind: &str) -> &'static str {
    let kind = kind.trim_start_matches("a ").trim_start_matches("an ");
    let starts = |prefix: &str| kind.starts_with(prefix);
    if starts("string") || starts("char") {
        "text"
    } else if starts("integer")
        || starts("floating")
        || starts("u8")
        || starts("u16")
        || starts("u32")
        || starts("u64")
        || starts("i64")
        || starts("f64")
    {
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
pub(super) fn migrate(mut value: Value, from_version: u64) -> Result<Value, RecordError> {
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
                let last_key = value
                    .pointer("/launch/receipts")
                    .and_then(Value::as_array)
                    .and_then(|r| r.last())
                    .and_then(|r| r.get("idempotency_key"))
                    .and_then(Value::as_str)
                    .map(str::to_string);
                if let (Some(key), Some(launch)) = (last_key, value.get_mut("launch").and_then(Value::as_object_mut)) {
                    launch.insert("calendar".into(), serde_json::json!({ "uid": key, "sequence": 0, "fingerprint": "" }));
                }
                value
            }
            // 8 → 9: whether users can verify in person is not known yet, so texts for users
            // leave it out until the agency answers.
            8 => {
                if let Some(profile) = value.get_mut("profile").and_then(Value::as_object_mut) {
                    profile.entry("in_person").or_insert(Value::Null);
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
