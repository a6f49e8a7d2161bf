//! Checks the content before it is built into the app: ids, cross-references, sources, dates,
//! links and the phone rule. The build script runs it and fails the build on any problem; the
//! host tests run it over planted faults.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::conditions::{condition_holds, WhenUnknown};
use crate::content::read::FromJson;
use crate::content::schema::*;
use crate::dates::Date;
use crate::launch::fields::LaunchField;
use crate::phone::find_phone_candidates;
use crate::routes;
use crate::vocab::{Audience, Profile, Protocol};

/// The content files, by name, in the order they are read.
pub const FILE_NAMES: [&str; 5] = ["sources.json", "service_levels.json", "checklist.json", "support.json", "launch.json"];

/// Reads the five files into [`Content`]; every error names the file, the entry and the field.
pub fn read_content(files: &[(&str, &str)]) -> Result<Content, Vec<String>> {
    fn one<T: FromJson>(files: &[(&str, &str)], name: &str) -> Result<T, Vec<String>> {
        let (_, text) = files.iter().find(|(n, _)| *n == name).ok_or_else(|| vec![format!("{name}: missing")])?;
        let value: Value = serde_json::from_str(text).map_err(|e| vec![format!("{name}: not valid JSON: {e}")])?;
        T::from_json(&value, name)
    }
    let sources = one::<SourcesFile>(files, "sources.json");
    let service_levels = one::<ServiceLevelsFile>(files, "service_levels.json");
    let checklist = one::<ChecklistFile>(files, "checklist.json");
    let support = one::<SupportFile>(files, "support.json");
    let launch = one::<LaunchFile>(files, "launch.json");
    match (sources, service_levels, checklist, support, launch) {
        (Ok(sources), Ok(service_levels), Ok(checklist), Ok(support), Ok(launch)) => {
            Ok(Content { sources: sources.sources, disagreements: sources.disagreements, service_levels, checklist, support, launch })
        }
        (a, b, c, d, e) => Err([a.err(), b.err(), c.err(), d.err(), e.err()].into_iter().flatten().flatten().collect()),
    }
}

/// The oldest and newest `last_verified` dates in the content, for the footer.
pub fn verified_range(content: &Content) -> (&'static str, &'static str) {
    let mut dates: Vec<&'static str> = content.sources.iter().map(|s| s.last_verified).collect();
    let cites = content
        .disagreements
        .iter()
        .map(|d| d.cite)
        .chain(facts(content).map(|f| f.cite))
        .chain(content.service_levels.levels.iter().map(|l| l.cite))
        .chain(content.service_levels.aal_values.iter().map(|a| a.cite))
        .chain(content.service_levels.deprecated_values.iter().map(|d| d.cite))
        .chain(content.service_levels.endpoints.iter().map(|e| e.cite))
        .chain(content.service_levels.idp_certificates.iter().map(|e| e.cite))
        .chain(content.service_levels.auth_options.iter().map(|a| a.cite))
        .chain(content.service_levels.questions.iter().map(|q| q.cite))
        .chain(content.checklist.phases.iter().map(|p| p.cite))
        .chain(content.checklist.phases.iter().flat_map(|p| p.items.iter().map(|i| i.cite)))
        .chain(content.support.channels.iter().map(|c| c.cite))
        .chain(content.support.agent_cannot.iter().map(|l| l.cite))
        .chain(content.support.links.iter().map(|l| l.cite))
        .chain(content.support.faq.iter().map(|f| f.cite))
        .chain(content.support.routing.iter().map(|r| r.cite))
        .chain(content.launch.fields.iter().map(|f| f.cite))
        .chain(content.launch.links.iter().map(|l| l.cite))
        .chain(content.launch.staffing_defaults.iter().map(|s| s.cite));
    dates.extend(cites.map(|c| c.last_verified));
    (dates.iter().copied().min().unwrap_or_default(), dates.iter().copied().max().unwrap_or_default())
}

/// Every fact entry, wherever it sits.
fn facts(content: &Content) -> impl Iterator<Item = &Fact> {
    let sl = &content.service_levels;
    std::iter::once(&sl.intro).chain(sl.facts).chain(sl.settings_notes).chain(sl.traps).chain(content.support.facts).chain(content.launch.timeline)
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

/// Every problem in the content, in words; empty when the content is sound.
pub fn validate(files: &[(&str, &str)]) -> Vec<String> {
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
            // The portal's own statements link no Login.gov page, so none is cited for what it
            // does not say; an earlier figure links the old text it comes from.
            let basis = object.get("portal_basis").and_then(Value::as_str);
            let needs_source = basis.is_none_or(|b| b == PortalBasis::Historical.id());
            match object.get(link_field).and_then(Value::as_str) {
                Some(url) if !needs_source => problems.push(format!(
                    "{where_} ({id}): a portal {} cites {url}: the portal's own statement links no Login.gov page",
                    basis.unwrap_or_default()
                )),
                None if !needs_source => {}
                None => problems.push(format!("{where_} ({id}): missing {link_field}")),
                Some(url) if !is_https_url(url) => problems.push(format!("{where_} ({id}): {link_field} is not an https URL: {url}")),
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
            // Help-center articles an entry sends users to are cited too.
            for url in object.get("help").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str) {
                cited.push((url.to_string(), format!("{where_} ({id}) help")));
            }
            match object.get("last_verified").and_then(Value::as_str) {
                None => problems.push(format!("{where_} ({id}): missing last_verified")),
                Some(date) if Date::parse_iso(date).is_none() => problems.push(format!("{where_} ({id}): last_verified is not an ISO date: {date}")),
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

    match read_content(files) {
        Err(errors) => problems.extend(errors.into_iter().map(|e| format!("content does not match its types: {e}"))),
        Ok(content) => check_references(&content, &cited, &mut problems),
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

fn check_condition(where_: &str, condition: &Condition, problems: &mut Vec<String>) {
    if condition.names_nothing() {
        problems.push(format!("{where_}: condition names nothing"));
    }
    // "Not sure" is an answer in the guide, never a condition on content.
    if condition.audience == Some(Audience::NotSure) {
        problems.push(format!("{where_}: condition audience 'not-sure' is unknown"));
    }
}

fn check_references(content: &Content, cited: &[(String, String)], problems: &mut Vec<String>) {
    let source_urls: BTreeSet<&str> = content.sources.iter().map(|s| s.url).collect();
    for (url, where_) in cited {
        if !source_urls.contains(url.as_str()) {
            problems.push(format!("{where_}: cites {url}, which is not in sources.json"));
        }
    }
    let used: BTreeSet<&str> = cited.iter().map(|(u, _)| u.as_str()).collect();
    for source in content.sources {
        if !used.contains(source.url) {
            problems.push(format!("sources.json ({}): no content cites this source", source.id));
        }
    }
    for phase in content.checklist.phases {
        if phase.items.is_empty() {
            problems.push(format!("checklist.json ({}): phase has no items", phase.id));
        }
        for item in phase.items {
            if let Some(condition) = &item.condition {
                check_condition(&format!("checklist.json ({})", item.id), condition, problems);
            }
            if let Some(action) = &item.action {
                if !is_https_url(action.url) || action.label.trim().is_empty() {
                    problems.push(format!("checklist.json ({}): action needs a label and an https URL", item.id));
                }
            }
            if let Some(tool) = item.tool {
                if !routes::ALL_PAGES.iter().any(|p| p.path == tool) {
                    problems.push(format!("checklist.json ({}): tool route '{tool}' does not exist", item.id));
                }
            }
        }
    }
    for limit in content.support.agent_cannot {
        if limit.instead == Instead::User && limit.help.is_empty() {
            problems.push(format!("support.json ({}): users do this themselves, so name the help-center articles", limit.id));
        }
        for url in limit.help {
            if !url.starts_with("https://www.login.gov/help/") {
                problems.push(format!("support.json ({}): {url} is not a help-center article", limit.id));
            }
        }
    }
    for entry in content.support.faq {
        if let Some(condition) = &entry.condition {
            check_condition(&format!("support.json ({})", entry.id), condition, problems);
        }
    }
    // Each FAQ question written per audience is asked exactly once for every audience.
    for group in WhoSignsIn::ALL {
        let audience = match group {
            WhoSignsIn::Public => Some(Audience::Public),
            WhoSignsIn::Workforce => Some(Audience::Workforce),
            WhoSignsIn::Mixed => None,
        };
        let profile = Profile { audience, ..Default::default() };
        let mut questions: Vec<&str> = content
            .support
            .faq
            .iter()
            .filter(|e| e.condition.as_ref().is_none_or(|c| c.level.is_none() && c.identity_verification.is_none()))
            .filter(|e| e.condition.as_ref().is_none_or(|c| condition_holds(c, &profile, None, WhenUnknown::Fails)))
            .map(|e| e.question)
            .collect();
        questions.sort();
        if questions.windows(2).any(|w| w[0] == w[1]) {
            problems.push(format!("support.json: a question is asked twice in the FAQ for who_signs_in '{}'", group.id()));
        }
    }
    let sl = &content.service_levels;
    for level in sl.levels {
        if !level.example_scopes.iter().all(|scope| level.oidc_scopes.contains(scope)) {
            problems.push(format!("service_levels.json ({}): an example scope is not one the level can return", level.id.id()));
        }
        if !level.example_scopes.contains(&"openid") {
            problems.push(format!("service_levels.json ({}): the example scope lacks openid, which every OIDC request needs", level.id.id()));
        }
    }
    for value in sl.deprecated_values {
        if !sl.levels.iter().any(|l| l.request_value == value.same_as) {
            problems.push(format!("service_levels.json ({}): same_as '{}' is no level's request value", value.id, value.same_as));
        }
    }
    for protocol in Protocol::ALL {
        for environment in Environment::ALL {
            if sl.endpoint(protocol, *environment).is_none() {
                problems.push(format!("service_levels.json: no {} endpoint for {}", protocol.id(), environment.id()));
            }
        }
        if sl.idp_certificate(protocol).is_none_or(|c| c.environment != Environment::Production) {
            problems.push(format!("service_levels.json: no production IdP certificate address for {}", protocol.id()));
        }
    }
    // SAML paths change every year: the year is worked out from the date, never written in.
    for entry in sl.endpoints.iter().chain(sl.idp_certificates).filter(|e| e.protocol == Protocol::Saml) {
        if !entry.url.ends_with("{year}") || entry.url.chars().any(|c| c.is_ascii_digit()) {
            problems.push(format!("service_levels.json ({}): a SAML path ends in {{year}} and holds no year of its own", entry.id));
        }
    }
    let launch = &content.launch;
    for field in LaunchField::ALL {
        let count = launch.fields.iter().filter(|f| f.field == *field).count();
        if count != 1 {
            problems.push(format!("launch.json: field '{}' has {count} entries, not one", field.id()));
        }
    }
    for entry in launch.fields {
        if entry.label.trim().is_empty() {
            problems.push(format!("launch.json ({}): the label is empty", entry.id));
        }
    }
    for kind in LinkKind::ALL {
        for lang in crate::vocab::Lang::ALL {
            if !content.support.links.iter().any(|l| l.kind == *kind && l.lang == lang) {
                problems.push(format!("support.json: no {} link in '{}'", kind.id(), lang.id()));
            }
        }
    }
}
