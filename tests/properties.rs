//! Property tests: no input makes the scanner, record import, share-link decoding, form
//! validation or the exporters panic, and what they produce keeps its promises.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use readiness_portal::logic::checklist::ItemStatus;
use readiness_portal::logic::content::content;
use readiness_portal::logic::dates::Date;
use readiness_portal::logic::export::{csv, csv_cell, markdown};
use readiness_portal::logic::launch::{validate, LaunchForm, FIELD_ORDER};
use readiness_portal::logic::record::{import, load, to_json, Audience, Protocol, ReadinessRecord};
use readiness_portal::logic::scanner::scan;
use readiness_portal::logic::service_level::{decode_query, Level};

/// Text rich in what breaks parsers: markup, entities, digits and separators, quotes, formula
/// starts, right-to-left and emoji, line ends.
fn hostile() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("<".to_string()), Just(">".to_string()), Just("&".to_string()), Just("&#".to_string()), Just(";".to_string()),
            Just("<span>".to_string()), Just("tel:".to_string()), Just("\"".to_string()), Just("'".to_string()),
            Just("=".to_string()), Just("+".to_string()), Just("-".to_string()), Just("@".to_string()), Just("\t".to_string()),
            Just("\r\n".to_string()), Just("\u{a0}".to_string()), Just("\u{2011}".to_string()), Just("\u{202e}".to_string()),
            Just("שלום".to_string()), Just("😀".to_string()), Just("福".to_string()), Just("login.gov/contact/".to_string()),
            "[0-9]{1,4}".prop_map(String::from), "[ -~]{0,6}".prop_map(String::from), any::<char>().prop_map(String::from),
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

fn record_from(agency: String, application: String, note: String, status: u8) -> ReadinessRecord {
    let mut r = ReadinessRecord::default();
    r.profile.agency = agency;
    r.profile.application = application;
    r.profile.protocol = Some(if status % 2 == 0 { Protocol::Oidc } else { Protocol::Saml });
    r.profile.audience = Some(Audience::ALL[usize::from(status) % Audience::ALL.len()]);
    r.service_level.chosen = [None, Some(Level::Ial1Aal2), Some(Level::Ial2Aal2)][usize::from(status) % 3];
    r.service_level.override_reason = note.clone();
    r.checklist.update_item("chk-iaa-signed", |w| {
        w.status = ItemStatus::ALL[usize::from(status) % 3];
        w.note = note.clone();
        w.na_reason = note.clone();
        w.evidence = note;
    });
    r
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn scanner_never_panics_and_excerpts_are_exact(text in hostile()) {
        let known: Vec<&str> = content().support.links.iter().map(|l| l.url.as_str()).collect();
        let report = scan(&text, &known);
        for finding in &report.findings {
            prop_assert!(finding.start <= finding.end && finding.end <= text.len());
            prop_assert!(text.is_char_boundary(finding.start) && text.is_char_boundary(finding.end));
            if finding.end > finding.start {
                prop_assert_eq!(&finding.excerpt, &text[finding.start..finding.end]);
            }
        }
    }

    #[test]
    fn loading_any_text_never_panics(text in hostile()) {
        let _ = load(Some(&text));
        let _ = import(&text);
    }

    #[test]
    fn records_with_any_text_round_trip(agency in hostile(), application in hostile(), note in hostile(), status in any::<u8>()) {
        let record = record_from(agency, application, note, status);
        prop_assert_eq!(import(&to_json(&record)), Ok(record));
    }

    #[test]
    fn share_links_decode_anything(text in hostile()) {
        let _ = decode_query(&text);
    }

    #[test]
    fn exports_never_start_a_formula_and_keep_html_inert(agency in hostile(), note in hostile(), status in any::<u8>()) {
        let record = record_from(agency, "App".into(), note.clone(), status);
        let checklist = &content().checklist;
        let md = markdown(&record, checklist, "2026-11-23");
        prop_assert!(!md.contains("<span>") && !md.contains("<script"));
        let _ = csv(&record, checklist);
        let cell = csv_cell(&note);
        let inner = &cell[1..cell.len() - 1];
        prop_assert!(!inner.starts_with(['=', '+', '-', '@', '\t', '\r']));
        let unquoted = inner.replace("\"\"", "\"");
        let neutralised = format!("'{}", note);
        prop_assert!(unquoted == note || unquoted == neutralised);
    }
}

proptest! {
    // 25 hostile strings per case: generating them is the slow part, so fewer cases.
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn launch_validation_never_panics(values in prop::collection::vec(hostile(), FIELD_ORDER.len()), day in 0i64..4000) {
        let mut form = LaunchForm::default();
        for (field, value) in FIELD_ORDER.iter().zip(values) {
            form.set(field, value);
        }
        let today = Date::new(2026, 1, 1).unwrap().add_days(day);
        for level in [None, Some(Level::Ial1Aal2), Some(Level::Ial2Aal2)] {
            let errors = validate(&form, today, level);
            prop_assert!(errors.fields.values().all(|m| !m.is_empty()));
        }
    }
}
