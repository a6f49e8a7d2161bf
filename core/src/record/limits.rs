//! The length limit on every text the record holds.

use crate::text::{format_count, MAX_FIELD_CHARS};

use super::document::{ReadinessRecord, RecordError};
use super::places::place_words;

use serde_json::Value;

/// What a field says when its text is over [`MAX_FIELD_CHARS`]: nothing is cut, but the
/// record cannot be saved until the text is shortened. `None` within the limit.
pub fn length_problem(text: &str) -> Option<String> {
    let length = text.chars().count();
    (length > MAX_FIELD_CHARS).then(|| {
        format!(
            "This is {} characters, {} more than the {} the portal can save. Nothing has been cut, but your changes are not saved until you shorten it.",
            format_count(length as f64),
            format_count((length - MAX_FIELD_CHARS) as f64),
            format_count(MAX_FIELD_CHARS as f64)
        )
    })
}

/// Refuses a record with any text longer than [`MAX_FIELD_CHARS`], wherever it sits: what
/// `load` and `import` refuse, so the store checks it before it saves. Every string of the
/// record's JSON is checked, keys included, so a field added later is covered without being
/// listed here; the error names the place as the pages do.
pub fn check_limits(record: &ReadinessRecord) -> Result<(), RecordError> {
    pub(super) fn too_long(text: &str) -> bool {
        // A string this short in bytes cannot be too long in characters.
        text.len() > MAX_FIELD_CHARS && text.chars().count() > MAX_FIELD_CHARS
    }
    pub(super) fn find(value: &Value, path: &mut Vec<String>) -> bool {
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
