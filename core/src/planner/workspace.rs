//! The planner's workspace: the imported requests, the planner's assumptions and the launches
//! switched off for what-if planning. Its own versioned document, never mixed with a partner's
//! record. Requests are kept as their files were read, so an exported workspace imports again
//! through the same checks as a file.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Value};

use super::request::{read_request_value, ImportProblem, PlannedLaunch};

/// `schema` of an exported workspace.
pub const WORKSPACE_SCHEMA: &str = "login-gov-staffing-workspace";
/// 1: the first version.
pub const WORKSPACE_VERSION: u64 = 1;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Workspace {
    /// In the order they were first imported.
    pub launches: Vec<PlannedLaunch>,
    /// The planner's assumptions as typed, by key (the defaults where absent), as on `/launch`.
    pub assumption_texts: BTreeMap<String, String>,
    /// Keys of launches left out of the plan.
    pub switched_off: BTreeSet<String>,
    /// Keys of launches planned with the partner's own contact assumptions.
    pub own_assumptions: BTreeSet<String>,
}

/// What adding one request did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Added {
    New,
    /// A request with the same idempotency key was there: this copy took its place.
    Replaced,
}

/// Two requests that look like one application submitted twice (different keys).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LikelyDuplicate {
    pub first: String,
    pub second: String,
}

/// Agency and application compared without case or spacing differences.
fn identity(launch: &PlannedLaunch) -> (String, String) {
    let fold = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    (fold(&launch.agency), fold(&launch.application))
}

/// [`Workspace::likely_duplicates`] over any list of launches. Grouped by identity first, so a
/// thousand launches are compared in one pass rather than in pairs.
pub fn likely_duplicates(launches: &[PlannedLaunch]) -> Vec<LikelyDuplicate> {
    let mut groups: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (i, launch) in launches.iter().enumerate() {
        groups.entry(identity(launch)).or_default().push(i);
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for members in groups.values() {
        for (n, &a) in members.iter().enumerate() {
            pairs.extend(members[n + 1..].iter().map(|&b| (a, b)));
        }
    }
    pairs.sort_unstable();
    pairs.into_iter().map(|(a, b)| LikelyDuplicate { first: launches[a].key.clone(), second: launches[b].key.clone() }).collect()
}

impl Workspace {
    /// Adds a request; one with the same idempotency key is replaced where it stood (the same
    /// submission sent again or re-exported).
    pub fn add(&mut self, launch: PlannedLaunch) -> Added {
        match self.launches.iter_mut().find(|l| l.key == launch.key) {
            Some(existing) => {
                *existing = launch;
                Added::Replaced
            }
            None => {
                self.launches.push(launch);
                Added::New
            }
        }
    }

    /// Pairs of requests for the same agency and application under different keys, each pair
    /// once, in import order.
    pub fn likely_duplicates(&self) -> Vec<LikelyDuplicate> {
        likely_duplicates(&self.launches)
    }

    /// The launches in the plan: not switched off.
    pub fn planned(&self) -> Vec<&PlannedLaunch> {
        self.launches.iter().filter(|l| !self.switched_off.contains(&l.key)).collect()
    }

    /// Removes a launch and anything said about it.
    pub fn remove(&mut self, key: &str) {
        self.launches.retain(|l| l.key != key);
        self.switched_off.remove(key);
        self.own_assumptions.remove(key);
    }

    /// The workspace as one JSON document, which [`read_workspace`] reads back.
    pub fn to_json(&self) -> String {
        let document = json!({
            "schema": WORKSPACE_SCHEMA,
            "version": WORKSPACE_VERSION,
            "assumption_texts": self.assumption_texts,
            "switched_off": self.switched_off,
            "own_assumptions": self.own_assumptions,
            "requests": self.launches.iter().map(|l| l.source.clone()).collect::<Vec<_>>(),
        });
        serde_json::to_string_pretty(&document).unwrap_or_default()
    }
}

/// What reading a workspace file gave: the workspace, and each request in it that could not be
/// read (its position from 1, and why).
#[derive(Clone, Debug, PartialEq)]
pub struct ReadWorkspace {
    pub workspace: Workspace,
    pub skipped: Vec<(usize, ImportProblem)>,
}

/// Whether a parsed JSON document is a workspace (rather than a single request).
pub fn is_workspace(value: &Value) -> bool {
    value.get("schema").and_then(Value::as_str) == Some(WORKSPACE_SCHEMA)
}

/// Reads an exported workspace. Its requests go through the same checks as files; one that
/// fails is skipped and reported, the others are read.
pub fn read_workspace(value: Value) -> Result<ReadWorkspace, ImportProblem> {
    if !is_workspace(&value) {
        return Err(ImportProblem::OtherSchema(value.get("schema").and_then(Value::as_str).map(str::to_string)));
    }
    super::request::read_version(value.get("version"), WORKSPACE_VERSION)?;
    let strings = |key: &str| -> BTreeSet<String> {
        value.get(key).and_then(Value::as_array).map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect()).unwrap_or_default()
    };
    let mut workspace = Workspace {
        assumption_texts: value
            .get("assumption_texts")
            .and_then(Value::as_object)
            .map(|m| m.iter().filter_map(|(k, v)| v.as_str().map(|t| (k.clone(), t.to_string()))).collect())
            .unwrap_or_default(),
        switched_off: strings("switched_off"),
        own_assumptions: strings("own_assumptions"),
        launches: Vec::new(),
    };
    let mut skipped = Vec::new();
    let requests = value.get("requests").and_then(Value::as_array).cloned().unwrap_or_default();
    for (i, request) in requests.into_iter().enumerate() {
        match read_request_value(request) {
            Ok(launch) => {
                workspace.add(launch);
            }
            Err(problem) => skipped.push((i + 1, problem)),
        }
    }
    // Nothing is said about launches that are not there.
    let keys: BTreeSet<String> = workspace.launches.iter().map(|l| l.key.clone()).collect();
    workspace.switched_off.retain(|k| keys.contains(k));
    workspace.own_assumptions.retain(|k| keys.contains(k));
    Ok(ReadWorkspace { workspace, skipped })
}
