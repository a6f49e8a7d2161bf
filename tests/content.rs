//! Host tests over the bundled content: it parses, and the validator finds no problem in it,
//! and the validator itself catches each kind of fault when one is planted.
#![cfg(not(target_arch = "wasm32"))]

use readiness_portal::logic::content::{content, validate, verified_range, KnownValues, FILES};
use readiness_portal::logic::phone::{find_phone_candidates, is_contact_center_digits};
use readiness_portal::logic::routes;

/// The Login.gov Contact Center number, held only here as a fixture. Nothing shipped may hold it.
const CONTACT_CENTER_NATIONAL: &str = concat!("844", "875", "6446");

fn known() -> KnownValues<'static> {
    KnownValues {
        protocols: &["oidc", "saml"],
        audiences: &["public", "workforce", "both"],
        routes: Box::leak(routes::paths().into_boxed_slice()),
    }
}

fn files_with(name: &str, edit: impl Fn(&str) -> String) -> Vec<(&'static str, String)> {
    FILES
        .iter()
        .map(|(n, text)| (*n, if *n == name { edit(text) } else { text.to_string() }))
        .collect()
}

fn problems_of(files: &[(&'static str, String)]) -> Vec<String> {
    let borrowed: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
    validate(&borrowed, &known())
}

fn assert_found(problems: &[String], needle: &str) {
    assert!(problems.iter().any(|p| p.contains(needle)), "expected a problem containing {needle:?}, got {problems:#?}");
}

#[test]
fn bundled_content_is_sound() {
    let problems = validate(&FILES, &known());
    assert!(problems.is_empty(), "content problems:\n{}", problems.join("\n"));
}

#[test]
fn bundled_content_parses_into_every_section() {
    let c = content();
    assert!(c.sources.len() >= 10);
    let levels: Vec<&str> = c.service_levels.levels.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(levels, ["ial1-aal2", "ial2-aal2"]);
    let questions: Vec<&str> = c.service_levels.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(questions, ["cui", "financial", "records", "others-data"]);
    let phases: Vec<&str> = c.checklist.phases.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(phases, ["phase-agreement", "phase-sandbox", "phase-production", "phase-support", "phase-launch"]);
    assert_eq!(c.support.links.len(), 12);
    assert_eq!(c.launch.portal_fields.len(), 12);
    let (oldest, newest) = verified_range();
    assert!(!oldest.is_empty() && oldest <= newest);
}

#[test]
fn the_fixture_is_the_number_the_app_recognises_by_hash() {
    assert!(is_contact_center_digits(CONTACT_CENTER_NATIONAL));
    assert!(!is_contact_center_digits("2025550147"));
}

#[test]
fn no_bundled_file_holds_the_contact_center_number_in_any_layout() {
    for (name, text) in FILES {
        // Every digit of the file in order, so no separator or markup can hide the number.
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        assert!(!digits.contains(CONTACT_CENTER_NATIONAL), "{name} holds the Contact Center number");
        assert!(find_phone_candidates(text).iter().all(|c| !c.is_contact_center()), "{name}");
    }
}

#[test]
fn validator_catches_the_contact_center_number() {
    for written in ["(844) 875-6446", "1-844-875-6446", "+1 844.875.6446", "844\u{2011}875\u{2011}6446".replace('\u{2011}', "-").as_str()] {
        let files = files_with("support.json", |t| t.replacen("\"text\": \"", &format!("\"text\": \"Call {written}. "), 1));
        assert_found(&problems_of(&files), "Contact Center phone number");
    }
}

#[test]
fn validator_catches_duplicate_ids() {
    let files = files_with("checklist.json", |t| t.replacen("\"id\": \"chk-", "\"id\": \"phase-agreement\", \"x-old-id\": \"chk-", 1));
    assert_found(&problems_of(&files), "duplicate id 'phase-agreement'");
}

#[test]
fn validator_catches_non_https_links_and_sources() {
    let files = files_with("support.json", |t| t.replacen("https://login.gov/es/contact/", "http://login.gov/es/contact/", 1));
    let problems = problems_of(&files);
    assert_found(&problems, "not an https URL");
    assert_found(&problems, "a link is not https");
}

#[test]
fn validator_catches_dangling_source_references() {
    let files = files_with("launch.json", |t| t.replacen("\"source\": \"https://", "\"source\": \"https://example.gov/not-a-source/#", 1));
    assert_found(&problems_of(&files), "which is not in sources.json");
}

#[test]
fn validator_catches_unknown_condition_values() {
    let files = files_with("checklist.json", |t| t.replacen("\"level\": \"ial2-aal2\"", "\"level\": \"ial3-aal3\"", 1));
    assert_found(&problems_of(&files), "condition level 'ial3-aal3' is unknown");
}

#[test]
fn validator_catches_missing_sources_and_bad_dates() {
    let files = files_with("service_levels.json", |t| t.replacen("\"last_verified\": \"2026-11-23\"", "\"last_verified\": \"2026-02-30\"", 1));
    assert_found(&problems_of(&files), "last_verified is not an ISO date");
    let files = files_with("service_levels.json", |t| t.replacen("\"source\":", "\"cited\":", 1));
    assert_found(&problems_of(&files), "missing source");
}

#[test]
fn validator_catches_uncited_sources() {
    let files = files_with("sources.json", |t| {
        t.replacen(
            "\"sources\": [",
            "\"sources\": [{\"id\": \"src-unused\", \"title\": \"Unused\", \"url\": \"https://login.gov/unused/\", \"used_for\": \"nothing\", \"last_verified\": \"2026-11-23\"},",
            1,
        )
    });
    assert_found(&problems_of(&files), "no content cites this source");
}

#[test]
fn every_content_id_the_code_uses_exists() {
    use readiness_portal::logic::service_level::{AuthOption, Level, Question, ALWAYS, IAL2_CONSEQUENCES};
    use readiness_portal::pages::service_level::FACTS_USED;
    let levels = &content().service_levels;
    let fact_ids: Vec<&str> = levels.facts.iter().map(|f| f.id.as_str()).collect();
    for id in FACTS_USED.iter().chain(IAL2_CONSEQUENCES.iter()).chain(ALWAYS.iter()) {
        assert!(fact_ids.contains(id), "service_levels.json lacks fact {id}");
    }
    for level in Level::ALL {
        assert!(levels.levels.iter().any(|l| l.id == level.id() && l.name == level.name()), "{level:?}");
    }
    let question_ids: Vec<&str> = Question::ALL.iter().map(|q| q.id()).collect();
    assert_eq!(levels.questions.iter().map(|q| q.id.as_str()).collect::<Vec<_>>(), question_ids);
    for option in [AuthOption::AnyMfa, AuthOption::PhishingResistant] {
        assert!(levels.auth_options.iter().any(|o| o.id == option.id()), "{option:?}");
    }
}

#[test]
fn every_support_fact_the_pages_use_exists_and_support_items_link_to_tools() {
    use readiness_portal::pages::support::overview::FACTS_USED;
    let support = &content().support;
    for id in FACTS_USED.iter().chain(["sup-confirm-parameters"].iter()) {
        assert!(support.facts.iter().any(|f| f.id == *id), "support.json lacks fact {id}");
    }
    let support_phase = content().checklist.phases.iter().find(|p| p.id == "phase-support").unwrap();
    for id in ["chk-link-contact", "chk-no-phone-number", "chk-announcement-email", "chk-help-desk-briefing"] {
        let item = support_phase.items.iter().find(|i| i.id == id).unwrap();
        assert!(item.tool.as_deref().is_some_and(|t| t.starts_with("/support")), "{id} has no support tool");
    }
}
