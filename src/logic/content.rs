//! The bundled content: JSON files compiled into the binary, parsed once into typed structs,
//! and a validator the host tests run over every file (ids, references, links, sources, dates,
//! and the Contact Center number).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use serde::Deserialize;
use serde_json::Value;

use super::dates::Date;
use super::phone::find_phone_candidates;

/// Every bundled file, by name, as compiled into the binary.
pub const FILES: [(&str, &str); 5] = [
    ("sources.json", include_str!("../content/sources.json")),
    ("service_levels.json", include_str!("../content/service_levels.json")),
    ("checklist.json", include_str!("../content/checklist.json")),
    ("support.json", include_str!("../content/support.json")),
    ("launch.json", include_str!("../content/launch.json")),
];

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub url: String,
    pub used_for: String,
    pub last_verified: String,
}

/// One statement of fact, with where it comes from.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Fact {
    pub id: String,
    pub text: String,
    pub source: String,
    pub last_verified: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct SourcesFile {
    pub sources: Vec<Source>,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Level {
    pub id: String,
    pub name: String,
    pub title: String,
    pub user_does: String,
    pub agency_gets: String,
    pub obligations: Vec<String>,
    pub source: String,
    pub last_verified: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct AuthOption {
    pub id: String,
    pub name: String,
    pub methods: String,
    pub when: String,
    pub source: String,
    pub last_verified: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Question {
    pub id: String,
    pub prompt: String,
    pub hint: String,
    pub source: String,
    pub last_verified: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct ServiceLevelsFile {
    pub levels: Vec<Level>,
    pub auth_options: Vec<AuthOption>,
    pub questions: Vec<Question>,
    pub facts: Vec<Fact>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Requirement {
    Required,
    Recommended,
    Conditional,
}

/// When a conditional item applies: every named part must match.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub level: Option<String>,
    pub protocol: Option<String>,
    pub audience: Option<String>,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct ChecklistItem {
    pub id: String,
    pub title: String,
    pub why: String,
    pub owner: String,
    pub requirement: Requirement,
    #[serde(default)]
    pub condition: Option<Condition>,
    /// A portal route whose tool helps with this item.
    #[serde(default)]
    pub tool: Option<String>,
    pub source: String,
    pub last_verified: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Phase {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub items: Vec<ChecklistItem>,
    pub source: String,
    pub last_verified: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct ChecklistFile {
    pub phases: Vec<Phase>,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Channel {
    pub id: String,
    pub name: String,
    pub languages: Vec<String>,
    pub text: String,
    pub source: String,
    pub last_verified: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Link {
    pub id: String,
    /// contact, help or create-account
    pub kind: String,
    /// en, es, fr or zh
    pub lang: String,
    pub url: String,
    pub source: String,
    pub last_verified: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct FaqEntry {
    pub id: String,
    pub question: String,
    pub answer: String,
    #[serde(default)]
    pub ial2_only: bool,
    pub source: String,
    pub last_verified: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Routing {
    pub id: String,
    pub topic: String,
    /// login-gov or agency
    pub contact: String,
    pub source: String,
    pub last_verified: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct SupportFile {
    pub channels: Vec<Channel>,
    pub facts: Vec<Fact>,
    pub agent_cannot: Vec<Fact>,
    pub links: Vec<Link>,
    pub faq: Vec<FaqEntry>,
    pub routing: Vec<Routing>,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct FormField {
    pub id: String,
    pub label: String,
    pub hint: String,
    pub source: String,
    pub last_verified: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct StaffingDefault {
    pub id: String,
    pub label: String,
    pub value: f64,
    pub unit: String,
    pub note: String,
    pub source: String,
    pub last_verified: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct LaunchFile {
    pub timeline: Vec<Fact>,
    pub portal_fields: Vec<FormField>,
    pub staffing_fields: Vec<FormField>,
    pub staffing_defaults: Vec<StaffingDefault>,
}

/// All bundled content, typed.
#[derive(Clone, Debug, PartialEq)]
pub struct Content {
    pub sources: Vec<Source>,
    pub service_levels: ServiceLevelsFile,
    pub checklist: ChecklistFile,
    pub support: SupportFile,
    pub launch: LaunchFile,
}

impl Content {
    /// Parses the five files; an error names the file and the problem.
    pub fn parse(files: &[(&str, &str)]) -> Result<Content, String> {
        fn one<T: for<'de> Deserialize<'de>>(files: &[(&str, &str)], name: &str) -> Result<T, String> {
            let (_, text) = files.iter().find(|(n, _)| *n == name).ok_or_else(|| format!("{name}: missing"))?;
            serde_json::from_str(text).map_err(|e| format!("{name}: {e}"))
        }
        Ok(Content {
            sources: one::<SourcesFile>(files, "sources.json")?.sources,
            service_levels: one(files, "service_levels.json")?,
            checklist: one(files, "checklist.json")?,
            support: one(files, "support.json")?,
            launch: one(files, "launch.json")?,
        })
    }

    pub fn source_by_url(&self, url: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.url == url)
    }
}

/// The bundled content, parsed on first use. The host tests prove it parses.
pub fn content() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| Content::parse(&FILES).expect("bundled content is checked by the host tests"))
}

/// The oldest and newest `last_verified` dates over all bundled content, for the footer.
/// Read from the text of the files rather than from a second parse at start-up; the host tests
/// check every `last_verified` is an ISO date string and that the scan finds each of them.
pub fn verified_range() -> (String, String) {
    let dates = last_verified_values(&FILES);
    let oldest = dates.iter().min().cloned().unwrap_or_default();
    let newest = dates.iter().max().cloned().unwrap_or_default();
    (oldest, newest)
}

/// Every `"last_verified": "…"` value in the files, in file order.
fn last_verified_values(files: &[(&str, &str)]) -> Vec<String> {
    const KEY: &str = "\"last_verified\"";
    let mut dates = Vec::new();
    for (_, text) in files {
        for (at, _) in text.match_indices(KEY) {
            let rest = text[at + KEY.len()..].trim_start();
            let Some(rest) = rest.strip_prefix(':') else { continue };
            let Some(rest) = rest.trim_start().strip_prefix('"') else { continue };
            if let Some(end) = rest.find('"') {
                dates.push(rest[..end].to_string());
            }
        }
    }
    dates
}

/// Calls `visit` on every object in the tree, with a path for messages.
fn walk(value: &Value, visit: &mut dyn FnMut(&str, &serde_json::Map<String, Value>)) {
    fn inner(value: &Value, path: &str, visit: &mut dyn FnMut(&str, &serde_json::Map<String, Value>)) {
        match value {
            Value::Object(map) => {
                visit(path, map);
                for (key, child) in map {
                    inner(child, &format!("{path}.{key}"), visit);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    inner(child, &format!("{path}[{i}]"), visit);
                }
            }
            _ => {}
        }
    }
    inner(value, "", visit)
}

fn strings<'a>(value: &'a Value, out: &mut Vec<&'a str>) {
    match value {
        Value::String(s) => out.push(s),
        Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        Value::Object(map) => map.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

/// Values a checklist condition may name, and the routes a checklist item's tool may point to.
pub struct KnownValues<'a> {
    pub protocols: &'a [&'a str],
    pub audiences: &'a [&'a str],
    pub routes: &'a [&'a str],
}

/// Every problem in the content, in words; empty when the content is sound.
pub fn validate(files: &[(&str, &str)], known: &KnownValues) -> Vec<String> {
    let mut problems = Vec::new();
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    let mut cited: Vec<(String, String)> = Vec::new();

    for (name, text) in files {
        let value: Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => {
                problems.push(format!("{name}: not valid JSON: {e}"));
                continue;
            }
        };
        walk(&value, &mut |path, object| {
            let Some(id_value) = object.get("id") else { return };
            let where_ = format!("{name}{path}");
            let Some(id) = id_value.as_str().filter(|s| !s.trim().is_empty()) else {
                problems.push(format!("{where_}: id is empty or not text"));
                return;
            };
            if let Some(first) = ids.insert(id.to_string(), where_.clone()) {
                problems.push(format!("{where_}: duplicate id '{id}' (first at {first})"));
            }
            // A source entry carries its own url; every other entry cites one.
            let is_source_entry = *name == "sources.json";
            let link_field = if is_source_entry { "url" } else { "source" };
            match object.get(link_field).and_then(Value::as_str) {
                None => problems.push(format!("{where_} ({id}): missing {link_field}")),
                Some(url) if !is_https_url(url) => {
                    problems.push(format!("{where_} ({id}): {link_field} is not an https URL: {url}"))
                }
                Some(url) if !is_source_entry => cited.push((url.to_string(), format!("{where_} ({id})"))),
                Some(_) => {}
            }
            match object.get("last_verified").and_then(Value::as_str) {
                None => problems.push(format!("{where_} ({id}): missing last_verified")),
                Some(date) if Date::parse_iso(date).is_none() => {
                    problems.push(format!("{where_} ({id}): last_verified is not an ISO date: {date}"))
                }
                Some(_) => {}
            }
            if let Some(url) = object.get("url").and_then(Value::as_str) {
                if !is_https_url(url) {
                    problems.push(format!("{where_} ({id}): url is not an https URL: {url}"));
                }
            }
        });
        let mut texts = Vec::new();
        strings(&value, &mut texts);
        for text in texts {
            if text.contains("http://") {
                problems.push(format!("{name}: a link is not https: {text}"));
            }
            for candidate in find_phone_candidates(text) {
                if candidate.is_contact_center() {
                    problems.push(format!(
                        "{name}: contains the Login.gov Contact Center phone number ('{}'); link to login.gov/contact instead",
                        &text[candidate.start..candidate.end]
                    ));
                }
            }
        }
    }

    match Content::parse(files) {
        Err(e) => problems.push(format!("content does not match its types: {e}")),
        Ok(content) => check_references(&content, &cited, known, &mut problems),
    }
    problems
}

fn is_https_url(url: &str) -> bool {
    url.strip_prefix("https://").is_some_and(|rest| {
        let host = rest.split('/').next().unwrap_or("");
        host.contains('.') && !host.contains(' ') && !url.contains(char::is_whitespace)
    })
}

fn check_references(content: &Content, cited: &[(String, String)], known: &KnownValues, problems: &mut Vec<String>) {
    let source_urls: BTreeSet<&str> = content.sources.iter().map(|s| s.url.as_str()).collect();
    for (url, where_) in cited {
        if !source_urls.contains(url.as_str()) {
            problems.push(format!("{where_}: cites {url}, which is not in sources.json"));
        }
    }
    let used: BTreeSet<&str> = cited.iter().map(|(u, _)| u.as_str()).collect();
    for source in &content.sources {
        if !used.contains(source.url.as_str()) {
            problems.push(format!("sources.json ({}): no content cites this source", source.id));
        }
    }
    let levels: Vec<&str> = content.service_levels.levels.iter().map(|l| l.id.as_str()).collect();
    for phase in &content.checklist.phases {
        if phase.items.is_empty() {
            problems.push(format!("checklist.json ({}): phase has no items", phase.id));
        }
        for item in &phase.items {
            let conditional = item.requirement == Requirement::Conditional;
            match (&item.condition, conditional) {
                (None, true) => problems.push(format!("checklist.json ({}): conditional item has no condition", item.id)),
                (Some(_), false) => {
                    problems.push(format!("checklist.json ({}): only conditional items carry a condition", item.id))
                }
                _ => {}
            }
            if let Some(condition) = &item.condition {
                let parts = [
                    ("level", &condition.level, levels.as_slice()),
                    ("protocol", &condition.protocol, known.protocols),
                    ("audience", &condition.audience, known.audiences),
                ];
                if parts.iter().all(|(_, value, _)| value.is_none()) {
                    problems.push(format!("checklist.json ({}): condition names nothing", item.id));
                }
                for (part, value, allowed) in parts {
                    if let Some(value) = value {
                        if !allowed.contains(&value.as_str()) {
                            problems.push(format!("checklist.json ({}): condition {part} '{value}' is unknown", item.id));
                        }
                    }
                }
            }
            if let Some(tool) = &item.tool {
                if !known.routes.contains(&tool.as_str()) {
                    problems.push(format!("checklist.json ({}): tool route '{tool}' does not exist", item.id));
                }
            }
        }
    }
    let kinds = ["contact", "help", "create-account"];
    let langs = ["en", "es", "fr", "zh"];
    for link in &content.support.links {
        if !kinds.contains(&link.kind.as_str()) || !langs.contains(&link.lang.as_str()) {
            problems.push(format!("support.json ({}): unknown link kind or language", link.id));
        }
    }
    for kind in kinds {
        for lang in langs {
            if !content.support.links.iter().any(|l| l.kind == kind && l.lang == lang) {
                problems.push(format!("support.json: no {kind} link in '{lang}'"));
            }
        }
    }
    for routing in &content.support.routing {
        if !["login-gov", "agency"].contains(&routing.contact.as_str()) {
            problems.push(format!("support.json ({}): contact must be login-gov or agency", routing.id));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The footer's dates come from a text scan; it must find every date a full parse finds.
    #[test]
    fn the_footer_date_scan_finds_every_last_verified_date() {
        let mut parsed = Vec::new();
        for (_, text) in FILES {
            walk(&serde_json::from_str(text).unwrap(), &mut |_, object| {
                if let Some(Value::String(date)) = object.get("last_verified") {
                    parsed.push(date.clone());
                }
            });
        }
        let mut scanned = last_verified_values(&FILES);
        assert!(!parsed.is_empty());
        parsed.sort();
        scanned.sort();
        assert_eq!(scanned, parsed);
        // Layout does not matter: spaces or none around the colon.
        let compact = [("a.json", r#"{"x":[{"last_verified":"2026-01-02"},{"last_verified" : "2025-12-31"}]}"#)];
        assert_eq!(last_verified_values(&compact), ["2026-01-02", "2025-12-31"]);
    }
}
