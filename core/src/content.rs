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

/// Where Login.gov's own sources disagree, and which rule the portal follows.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Disagreement {
    pub id: String,
    pub topic: String,
    /// What the source the portal follows says.
    pub follows_text: String,
    /// That source.
    pub source: String,
    /// What the other source says.
    pub other_text: String,
    /// The other source, when it is a public page; empty when it is an older text no longer published.
    pub other_source: String,
    /// The rule the portal follows, in a few words.
    pub portal_follows: String,
    pub last_verified: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct SourcesFile {
    pub sources: Vec<Source>,
    pub disagreements: Vec<Disagreement>,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Level {
    pub id: String,
    pub name: String,
    pub title: String,
    /// One of the two levels the guide recommends between (IAL1/AAL2, IAL2/AAL2).
    pub main_choice: bool,
    pub user_does: String,
    pub agency_gets: String,
    pub when_to_choose: String,
    /// Why the level is not IAL2, for the level that is neither IAL1 nor IAL2; else empty.
    pub not_ial2: String,
    pub obligations: Vec<String>,
    /// The service-level value a request sends (`acr_values`, `AuthnContextClassRef`).
    pub request_value: String,
    /// The Partner Portal's "Identity Assurance Level" option, in its own words.
    pub portal_ial_option: String,
    /// Every OIDC scope an account at this level can return data for.
    pub oidc_scopes: Vec<String>,
    /// The scopes of the example authorization request.
    pub example_scopes: Vec<String>,
    /// The SAML attributes of the example request (`ReqAttr=`).
    pub example_saml_attributes: Vec<String>,
    pub source: String,
    pub last_verified: String,
}

/// An authentication assurance (AAL) value a request can carry.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct AalValue {
    pub id: String,
    pub value: String,
    /// The Partner Portal's default-AAL choice for it, in its own words; empty when the Portal
    /// does not offer it as a default.
    pub portal_label: String,
    pub meaning: String,
    pub source: String,
    pub last_verified: String,
}

/// A legacy request value and the current value it stands for.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct DeprecatedValue {
    pub id: String,
    pub value: String,
    pub same_as: String,
    pub source: String,
    pub last_verified: String,
}

/// Where an authentication request goes.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Endpoint {
    pub id: String,
    /// oidc or saml
    pub protocol: String,
    /// sandbox or production
    pub environment: String,
    pub url: String,
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
    /// The sentence that introduces the three levels.
    pub intro: Fact,
    pub levels: Vec<Level>,
    pub aal_values: Vec<AalValue>,
    pub deprecated_values: Vec<DeprecatedValue>,
    pub endpoints: Vec<Endpoint>,
    /// What the integration settings card says besides the values, by id.
    pub settings_notes: Vec<Fact>,
    /// Request values that do not mean what they seem to, one line each.
    pub traps: Vec<Fact>,
    pub auth_options: Vec<AuthOption>,
    pub questions: Vec<Question>,
    pub facts: Vec<Fact>,
}

impl ServiceLevelsFile {
    pub fn level(&self, id: &str) -> Option<&Level> {
        self.levels.iter().find(|l| l.id == id)
    }

    pub fn aal(&self, id: &str) -> Option<&AalValue> {
        self.aal_values.iter().find(|a| a.id == id)
    }

    pub fn endpoint(&self, protocol: &str, environment: &str) -> Option<&Endpoint> {
        self.endpoints.iter().find(|e| e.protocol == protocol && e.environment == environment)
    }

    /// A fact, settings note or trap by id.
    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().chain(&self.settings_notes).chain(&self.traps).chain(std::iter::once(&self.intro)).find(|f| f.id == id)
    }
}

/// Whether an item that applies to the integration must be done before launch. An item with a
/// condition is required (or recommended) wherever its condition holds, and absent elsewhere.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Requirement {
    Required,
    Recommended,
}

/// When an item applies: every named part must match.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// A level id.
    pub level: Option<String>,
    /// True: the level verifies identity (basic or IAL2); false: it does not.
    pub identity_verification: Option<bool>,
    pub protocol: Option<String>,
    pub audience: Option<String>,
    /// Who signs in, for texts written to users: `public`, `workforce`, or `mixed` (both, or not
    /// known yet, which gets the text that is true for both). Unlike `audience`, it is always
    /// known, so a user text never goes missing while the audience is unanswered.
    pub who_signs_in: Option<String>,
    /// federal or state-local
    pub partner_type: Option<String>,
    /// True: the integration uploads a public certificate (SAML, or OIDC without PKCE).
    pub certificate: Option<bool>,
}

impl Condition {
    fn names_nothing(&self) -> bool {
        *self == Condition::default()
    }
}

/// A link to where an item's action happens (a Help Desk form, an account page).
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Action {
    pub label: String,
    pub url: String,
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
    /// Where the item's action happens outside the portal.
    #[serde(default)]
    pub action: Option<Action>,
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
    /// When the entry is part of the FAQ; every part must be known and match (an FAQ states
    /// facts to users, so an entry whose condition is not known yet is left out).
    #[serde(default)]
    pub condition: Option<Condition>,
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

/// How the launch page names one form field, and how the Partner Portal names it.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct FormField {
    pub id: String,
    /// The `LaunchField` id.
    pub field: String,
    pub label: String,
    pub hint: String,
    /// The Partner Portal's label for it, in the launch request text; empty for the fields the
    /// portal adds for staffing.
    pub portal_label: String,
    pub source: String,
    pub last_verified: String,
}

/// A page outside the portal that the launch page links to.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct ExternalLink {
    pub id: String,
    pub label: String,
    pub url: String,
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
    pub links: Vec<ExternalLink>,
    /// One entry per launch form field, in no particular order (the form's order is the code's).
    pub fields: Vec<FormField>,
    pub staffing_defaults: Vec<StaffingDefault>,
}

impl LaunchFile {
    pub fn field(&self, field_id: &str) -> Option<&FormField> {
        self.fields.iter().find(|f| f.field == field_id)
    }

    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.timeline.iter().find(|f| f.id == id)
    }

    pub fn link(&self, id: &str) -> Option<&ExternalLink> {
        self.links.iter().find(|l| l.id == id)
    }
}

/// All bundled content, typed.
#[derive(Clone, Debug, PartialEq)]
pub struct Content {
    pub sources: Vec<Source>,
    pub disagreements: Vec<Disagreement>,
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
        let sources: SourcesFile = one(files, "sources.json")?;
        Ok(Content {
            sources: sources.sources,
            disagreements: sources.disagreements,
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

/// Values a checklist condition may name, the routes a checklist item's tool may point to, and
/// the launch form's field ids, each of which needs exactly one entry in `launch.json`.
pub struct KnownValues<'a> {
    pub protocols: &'a [&'a str],
    pub audiences: &'a [&'a str],
    pub partner_types: &'a [&'a str],
    pub routes: &'a [&'a str],
    pub launch_fields: &'a [&'a str],
}

/// The values of a condition's `who_signs_in`.
pub const WHO_SIGNS_IN: [&str; 3] = ["public", "workforce", "mixed"];

/// Each value a condition names must be one the portal knows.
fn check_condition_values(where_: &str, condition: &Condition, levels: &[&str], known: &KnownValues, problems: &mut Vec<String>) {
    if condition.names_nothing() {
        problems.push(format!("{where_}: condition names nothing"));
    }
    let parts = [
        ("level", &condition.level, levels),
        ("protocol", &condition.protocol, known.protocols),
        ("audience", &condition.audience, known.audiences),
        ("partner_type", &condition.partner_type, known.partner_types),
        ("who_signs_in", &condition.who_signs_in, &WHO_SIGNS_IN[..]),
    ];
    for (part, value, allowed) in parts {
        if let Some(value) = value {
            if !allowed.contains(&value.as_str()) {
                problems.push(format!("{where_}: condition {part} '{value}' is unknown"));
            }
        }
    }
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
            let is_source_entry = *name == "sources.json" && path.starts_with(".sources[");
            let link_field = if is_source_entry { "url" } else { "source" };
            match object.get(link_field).and_then(Value::as_str) {
                None => problems.push(format!("{where_} ({id}): missing {link_field}")),
                Some(url) if !is_https_url(url) => {
                    problems.push(format!("{where_} ({id}): {link_field} is not an https URL: {url}"))
                }
                Some(url) if !is_source_entry => cited.push((url.to_string(), format!("{where_} ({id})"))),
                Some(_) => {}
            }
            // A second citation, where an entry weighs two sources; empty when the other is not public.
            if let Some(url) = object.get("other_source").and_then(Value::as_str).filter(|u| !u.is_empty()) {
                if is_https_url(url) {
                    cited.push((url.to_string(), format!("{where_} ({id}) other_source")));
                } else {
                    problems.push(format!("{where_} ({id}): other_source is not an https URL: {url}"));
                }
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
            if text.replace(REQUEST_VALUE_PREFIX, "").contains("http://") {
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

/// Login.gov's AAL and deprecated request values are URIs under this prefix. They are names
/// that a request carries, never pages anyone fetches, so they are the one `http://` allowed.
pub const REQUEST_VALUE_PREFIX: &str = "http://idmanagement.gov/ns/";

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
            if let Some(condition) = &item.condition {
                check_condition_values(&format!("checklist.json ({})", item.id), condition, &levels, known, problems);
            }
            if let Some(action) = &item.action {
                if !is_https_url(&action.url) || action.label.trim().is_empty() {
                    problems.push(format!("checklist.json ({}): action needs a label and an https URL", item.id));
                }
            }
            if let Some(tool) = &item.tool {
                if !known.routes.contains(&tool.as_str()) {
                    problems.push(format!("checklist.json ({}): tool route '{tool}' does not exist", item.id));
                }
            }
        }
    }
    for entry in &content.support.faq {
        if let Some(condition) = &entry.condition {
            check_condition_values(&format!("support.json ({})", entry.id), condition, &levels, known, problems);
        }
    }
    // Each FAQ question written per audience is asked exactly once for every audience.
    for group in WHO_SIGNS_IN {
        let profile_audience = match group {
            "public" => Some(crate::record::Audience::Public),
            "workforce" => Some(crate::record::Audience::Workforce),
            _ => None,
        };
        let profile = crate::record::Profile { audience: profile_audience, ..Default::default() };
        let mut questions: Vec<&str> = content
            .support
            .faq
            .iter()
            .filter(|e| e.condition.as_ref().is_none_or(|c| c.level.is_none() && c.identity_verification.is_none()))
            .filter(|e| e.condition.as_ref().is_none_or(|c| crate::checklist::condition_holds(c, &profile, None, crate::checklist::WhenUnknown::Fails)))
            .map(|e| e.question.as_str())
            .collect();
        questions.sort();
        if questions.windows(2).any(|w| w[0] == w[1]) {
            problems.push(format!("support.json: a question is asked twice in the FAQ for who_signs_in '{group}'"));
        }
    }
    let sl = &content.service_levels;
    for level in &sl.levels {
        if !level.example_scopes.iter().all(|scope| level.oidc_scopes.contains(scope)) {
            problems.push(format!("service_levels.json ({}): an example scope is not one the level can return", level.id));
        }
        if !level.example_scopes.iter().any(|scope| scope == "openid") {
            problems.push(format!("service_levels.json ({}): the example scope lacks openid, which every OIDC request needs", level.id));
        }
    }
    for value in &sl.deprecated_values {
        if !sl.levels.iter().any(|l| l.request_value == value.same_as) {
            problems.push(format!("service_levels.json ({}): same_as '{}' is no level's request value", value.id, value.same_as));
        }
    }
    for protocol in known.protocols {
        for environment in ["sandbox", "production"] {
            if sl.endpoint(protocol, environment).is_none() {
                problems.push(format!("service_levels.json: no {protocol} endpoint for {environment}"));
            }
        }
    }
    let launch = &content.launch;
    for field in known.launch_fields {
        let count = launch.fields.iter().filter(|f| f.field == *field).count();
        if count != 1 {
            problems.push(format!("launch.json: field '{field}' has {count} entries, not one"));
        }
    }
    for entry in &launch.fields {
        if !known.launch_fields.contains(&entry.field.as_str()) {
            problems.push(format!("launch.json ({}): field '{}' is not a launch form field", entry.id, entry.field));
        }
        if entry.label.trim().is_empty() {
            problems.push(format!("launch.json ({}): the label is empty", entry.id));
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
