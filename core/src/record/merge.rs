//! Two tabs' work merged: three-way, part by part.

use super::document::ReadinessRecord;
use super::places::place_words;

use serde_json::Value;

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
    Merged {
        record: read(theirs_first, theirs),
        preferring_mine: read(mine_first, mine),
        conflicts: conflicts.iter().map(|p| place_words(p)).collect(),
    }
}

pub(super) fn merge_value(
    base: &Value,
    mine: &Value,
    theirs: &Value,
    prefer_mine: bool,
    path: &mut Vec<String>,
    conflicts: &mut Vec<Vec<String>>,
) -> Value {
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
                let merged = merge_value(
                    b.get(key).unwrap_or(&Value::Null),
                    m.get(key).unwrap_or(&Value::Null),
                    t.get(key).unwrap_or(&Value::Null),
                    prefer_mine,
                    path,
                    conflicts,
                );
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
            if prefer_mine {
                mine.clone()
            } else {
                theirs.clone()
            }
        }
    }
}
