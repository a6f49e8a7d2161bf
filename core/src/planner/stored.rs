//! The workspace as the browser's database keeps it: one entry per request (the file's text, as
//! read, under its idempotency key) and one small settings document. Writing a request once and
//! the settings on every change keeps saves small with a thousand requests. Reading it back never
//! fails: entries that cannot be read are returned to be set aside, with the reason, and the
//! rest of the workspace is restored.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Value};

use super::request::read_request;
use super::workspace::Workspace;

/// `schema` of the settings document.
pub const SETTINGS_SCHEMA: &str = "login-gov-staffing-settings";
/// 1: the first version (order, assumptions, switched-off and own-assumption launches).
pub const SETTINGS_VERSION: u64 = 1;

/// The settings document for `workspace`: everything but the requests themselves, with the
/// requests' keys in import order.
pub fn settings_json(workspace: &Workspace) -> String {
    let order: Vec<&str> = workspace.launches.iter().map(|l| l.key.as_str()).collect();
    settings_json_of(&order, &workspace.assumption_texts, &workspace.switched_off, &workspace.own_assumptions)
}

/// The same from the workspace's parts, for a caller that keeps them apart.
pub fn settings_json_of(
    order: &[&str],
    assumption_texts: &BTreeMap<String, String>,
    switched_off: &BTreeSet<String>,
    own_assumptions: &BTreeSet<String>,
) -> String {
    json!({
        "schema": SETTINGS_SCHEMA,
        "version": SETTINGS_VERSION,
        "order": order,
        "assumption_texts": assumption_texts,
        "switched_off": switched_off,
        "own_assumptions": own_assumptions,
    })
    .to_string()
}

/// One request's entry: its key and the file's text.
pub fn stored_request(launch: &super::request::PlannedLaunch) -> (String, String) {
    (launch.key.clone(), launch.source.to_string())
}

/// Something stored that could not be read, kept with the reason rather than dropped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    /// The request's key, or `None` for the settings document.
    pub key: Option<String>,
    pub text: String,
    pub reason: String,
}

impl SetAside {
    /// The entry as the set-aside store keeps it (and as a download gives it).
    pub fn to_json(&self) -> String {
        json!({ "key": self.key, "reason": self.reason, "text": self.text }).to_string()
    }
}

/// The workspace read back from storage.
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    pub workspace: Workspace,
    pub set_aside: Vec<SetAside>,
}

/// Reads the settings document: `Err` with the reason when it cannot be used.
fn read_settings(text: &str) -> Result<Value, String> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| format!("the saved settings are not JSON (line {}, column {})", e.line(), e.column()))?;
    if value.get("schema").and_then(Value::as_str) != Some(SETTINGS_SCHEMA) {
        return Err("the saved settings are not the planner's".to_string());
    }
    match value.get("version").and_then(Value::as_u64) {
        Some(v) if v > SETTINGS_VERSION => Err(format!("the saved settings are version {v}, newer than this portal knows ({SETTINGS_VERSION})")),
        Some(v) if v >= 1 => Ok(value),
        _ => Err("the saved settings have no version this portal knows".to_string()),
    }
}

/// The workspace from what storage holds. Requests are placed in the saved order, and any the
/// order does not name (saved by another tab, or the settings set aside) follow in key order.
pub fn restore(settings: Option<&str>, requests: Vec<(String, String)>) -> Restored {
    let mut set_aside = Vec::new();
    let settings = settings.and_then(|text| match read_settings(text) {
        Ok(value) => Some(value),
        Err(reason) => {
            set_aside.push(SetAside { key: None, text: text.to_string(), reason });
            None
        }
    });
    let strings = |key: &str| -> Vec<String> {
        settings
            .as_ref()
            .and_then(|s| s.get(key))
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect())
            .unwrap_or_default()
    };
    let order = strings("order");
    let mut launches = BTreeMap::new();
    for (key, text) in requests {
        match read_request(&text) {
            Ok(launch) => {
                launches.insert(launch.key.clone(), launch);
            }
            Err(problem) => set_aside.push(SetAside { reason: problem.message(&format!("The saved request {key}")), key: Some(key), text }),
        }
    }
    let mut workspace = Workspace::default();
    for key in &order {
        if let Some(launch) = launches.remove(key) {
            workspace.add(launch);
        }
    }
    for (_, launch) in launches {
        workspace.add(launch);
    }
    let keys: BTreeSet<&str> = workspace.launches.iter().map(|l| l.key.as_str()).collect();
    let known = |list: Vec<String>| -> BTreeSet<String> { list.into_iter().filter(|k| keys.contains(k.as_str())).collect() };
    let switched_off = known(strings("switched_off"));
    let own_assumptions = known(strings("own_assumptions"));
    workspace.switched_off = switched_off;
    workspace.own_assumptions = own_assumptions;
    workspace.assumption_texts = settings
        .as_ref()
        .and_then(|s| s.get("assumption_texts"))
        .and_then(Value::as_object)
        .map(|m| m.iter().filter_map(|(k, v)| v.as_str().map(|t| (k.clone(), t.to_string()))).collect())
        .unwrap_or_default();
    Restored { workspace, set_aside }
}
