//! Property tests: no input makes the phone scanner, the content checker, record import,
//! share-link decoding, form validation (launch, assumptions, service-level override, sign-off,
//! checklist item) or the exporters (checklist Markdown and CSV, launch JSON, CSV, text and
//! calendar, email, .eml and FAQ, support links) panic, and what they produce keeps its
//! promises: user text never adds structure or markup, CSV cells never start a formula, and
//! what is exported reads back as what was typed.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::parsers::{base64_decode, parse_csv, percent_decode, read_markdown};

use proptest::prelude::*;
use portal_core::checklist::{item_errors, validate_sign_off, Decision, ItemStatus, ItemWork, SignOff, SignOffDraft, OVERALL};
use portal_core::content::content;
use portal_core::dates::Date;
use portal_core::export::{csv, header_facts, markdown, markdown_text, CSV_COLUMNS};
use portal_core::text::{csv_cell, CSV_BOM};
use portal_core::launch::{
    forecast_input, ics, launch_request_text, parse_whole, payload, submission_csv, validate, LaunchField, LaunchForm, FORECAST_DAYS,
    PORTAL_ORDER,
};
use portal_core::phone::find_phone_candidates;
use portal_core::record::{check_limits, import, load, to_json, ReadinessRecord};
use portal_core::vocab::{Audience, Protocol};
use portal_core::text::MAX_FIELD_CHARS;
use portal_core::scanner::{scan, FindingKind};
use portal_core::service_level::{decode_query, encode_query, override_reason_error, recommend, Answer, Answers, Question, SharedAnswers};
use portal_core::vocab::Level;
use portal_core::staffing::{forecast, validate_assumptions, Assumptions, ASSUMPTIONS};
use portal_core::content::LinkKind;
use portal_core::support_links::{build_url, link_html, Attribution};
use portal_core::vocab::Lang;
use portal_core::templates::{eml, faq_html, faq_markdown, launch_email, EmailInput};

/// Pieces of text that break parsers: markup, entities, separators, quotes, formula starts,
/// right-to-left, emoji and zero-width joiners, line breaks of every kind, template markers.
const PIECES: &[&str] = &[
    "<", ">", "&", "&#", ";", "<span>", "tel:", "\"", "'", "=", "+", "-", "@", "\t", "\r\n", "\u{a0}", "\u{2011}", "\u{202e}",
    "שלום", "😀", "👩\u{200d}👩\u{200d}👧", "福", "login.gov/contact/", "<img src=x onerror=alert(1)>", "#", "\n", "\r", "\u{2028}",
    "\u{85}", "1. ", "{agency}",
];

/// Text rich in what breaks parsers: the pieces above, numbers, printable ASCII and any char.
/// (Built from indexes and bytes rather than regexes: ten times faster to generate.)
fn hostile() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            10 => (0..PIECES.len()).prop_map(|i| PIECES[i].to_string()),
            1 => (0u32..10_000).prop_map(|n| n.to_string()),
            1 => prop::collection::vec(0x20u8..0x7f, 0..6).prop_map(|b| String::from_utf8(b).expect("ASCII")),
            1 => any::<char>().prop_map(String::from),
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

fn record_from(agency: String, application: String, note: String, status: u8) -> ReadinessRecord {
    let mut r = ReadinessRecord::default();
    r.profile.agency = agency;
    r.profile.application = application;
    r.profile.protocol = Some(if status.is_multiple_of(2) { Protocol::Oidc } else { Protocol::Saml });
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

/// Items whose work the full record fills, across phases and protocols.
const ITEMS: [&str; 4] = ["chk-iaa-signed", "chk-iaa-plan", "chk-prod-logo", "chk-saml-logout"];
/// Hostile strings a full record takes.
const TEXTS: usize = 48;

/// A record with hostile text in every text field: profile, override reason, the work on
/// several items, two sign-offs, the support tools, every launch field and an assumption.
fn full_record(texts: &[String], choices: u32) -> ReadinessRecord {
    let mut next = texts.iter().cycle().cloned();
    let mut t = || next.next().unwrap_or_default();
    let pick = |n: u32, shift: u32| ((choices >> shift) % n) as usize;
    let mut r = ReadinessRecord::default();
    r.profile.agency = t();
    r.profile.application = t();
    r.profile.protocol = Some(Protocol::ALL[pick(2, 0)]);
    r.profile.audience = Some(Audience::ALL[pick(4, 1)]);
    for (i, question) in Question::ALL.into_iter().enumerate() {
        r.service_level.answers.set(question, [None, Some(Answer::Yes), Some(Answer::No), Some(Answer::NotSure)][pick(4, 3 + 2 * i as u32)]);
    }
    r.service_level.chosen = [None, Some(Level::Ial1Aal2), Some(Level::Ial2Aal2)][pick(3, 11)];
    r.service_level.override_reason = t();
    for (i, item) in ITEMS.into_iter().enumerate() {
        let status = ItemStatus::ALL[pick(3, 13 + i as u32)];
        let (note, na_reason, evidence) = (t(), t(), t());
        r.checklist.update_item(item, |w| *w = ItemWork { status, note, na_reason, evidence });
    }
    for scope in [OVERALL, "phase-agreement"] {
        let sign_off = SignOff { reviewer: t(), role: t(), date: t(), decision: Decision::ALL[pick(2, 17)], approved_with_open: Vec::new(), comments: t(), fingerprint: t() };
        r.checklist.sign_offs.insert(scope.to_string(), sign_off);
    }
    r.support.link_agency = t();
    r.support.link_integration = t();
    r.support.launch_window = t();
    r.support.help_desk = t();
    r.support.email_lang = Lang::ALL[pick(4, 18)].id().to_string();
    let mut form = LaunchForm::default();
    for &field in LaunchField::ALL {
        form.set(field, t());
    }
    r.launch.form = Some(form);
    r.launch.assumption_texts.insert("handle_time_s".into(), t());
    r
}

/// The same record with every typed text emptied: what the exports look like without user text.
fn without_text(r: &ReadinessRecord) -> ReadinessRecord {
    let mut empty = r.clone();
    empty.profile.agency.clear();
    empty.profile.application.clear();
    empty.service_level.override_reason.clear();
    for work in empty.checklist.items.values_mut() {
        (work.note, work.na_reason, work.evidence) = (String::new(), String::new(), String::new());
    }
    for s in empty.checklist.sign_offs.values_mut() {
        (s.reviewer, s.role, s.date, s.comments) = (String::new(), String::new(), String::new(), String::new());
    }
    empty
}


/// Typed text as a Markdown reader should show it: each line trimmed, blank lines left out.
fn as_shown(text: &str) -> String {
    text.split(['\n', '\r']).map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
}

/// The same record with each typed text that shows replaced by `x`: the exports' structure
/// without anything typed in it.
fn placeholder_text(r: &ReadinessRecord) -> ReadinessRecord {
    let x = |t: &mut String| *t = if t.trim().is_empty() { String::new() } else { "x".to_string() };
    let mut p = r.clone();
    x(&mut p.profile.agency);
    x(&mut p.profile.application);
    x(&mut p.service_level.override_reason);
    for work in p.checklist.items.values_mut() {
        [&mut work.note, &mut work.na_reason, &mut work.evidence].into_iter().for_each(x);
    }
    for s in p.checklist.sign_offs.values_mut() {
        [&mut s.reviewer, &mut s.role, &mut s.date, &mut s.comments].into_iter().for_each(x);
    }
    p
}


/// What a spreadsheet must get for a typed value: a leading apostrophe before a formula start.
fn csv_safe(text: &str) -> String {
    let start = text.trim_start_matches(' ');
    let risky = start.starts_with(['=', '+', '-', '@']) || start.chars().next().is_some_and(char::is_control);
    if risky && !is_number(text) { format!("'{text}") } else { text.to_string() }
}

/// A signed decimal such as `-36` or `+1.5`, which a spreadsheet reads as a number only.
fn is_number(text: &str) -> bool {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let mut parts = unsigned.split('.');
    let digits = |p: Option<&str>| p.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    match unsigned.matches('.').count() {
        0 => digits(parts.next()),
        1 => digits(parts.next()) && digits(parts.next()),
        _ => false,
    }
}

/// True when a spreadsheet could run the cell: a formula character or control character first,
/// also after spaces, unless the whole cell is a plain number.
fn runnable(cell: &str) -> bool {
    let start = cell.trim_start_matches(' ');
    (start.starts_with(['=', '+', '-', '@']) || start.chars().next().is_some_and(char::is_control)) && !is_number(cell)
}

/// Every cell quoted, none a formula; the rows as plain text.
fn safe_rows(text: &str) -> Result<Vec<Vec<String>>, TestCaseError> {
    prop_assert!(text.starts_with(CSV_BOM), "a byte-order mark first, so spreadsheets read UTF-8");
    let rows = parse_csv(&text[CSV_BOM.len()..]);
    // The csv crate, a real CSV reader, reads the same rows.
    let read: Result<Vec<Vec<String>>, _> = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&text.as_bytes()[CSV_BOM.len()..])
        .records()
        .map(|r| r.map(|r| r.iter().map(str::to_string).collect()))
        .collect();
    let read = read.map_err(|e| TestCaseError::fail(format!("the csv crate cannot read it: {e}")))?;
    prop_assert_eq!(&read, &rows.iter().map(|r| r.iter().map(|(c, _)| c.clone()).collect::<Vec<_>>()).collect::<Vec<_>>());
    for (cell, quoted) in rows.iter().flatten() {
        prop_assert!(*quoted, "unquoted cell {:?}", cell);
        prop_assert!(!runnable(cell), "formula cell {:?}", cell);
    }
    Ok(rows.into_iter().map(|r| r.into_iter().map(|(c, _)| c).collect()).collect())
}



/// The number of lines that start with `prefix` (Markdown headings, list items).
fn lines_starting(text: &str, prefix: &str) -> usize {
    text.lines().filter(|l| l.starts_with(prefix)).count()
}

fn any_answer() -> impl Strategy<Value = Option<Answer>> {
    prop_oneof![Just(None), Just(Some(Answer::Yes)), Just(Some(Answer::No)), Just(Some(Answer::NotSure))]
}
fn any_level() -> impl Strategy<Value = Option<Level>> {
    prop_oneof![Just(None), Just(Some(Level::Ial1Aal2)), Just(Some(Level::BasicIdv)), Just(Some(Level::Ial2Aal2))]
}
fn any_audience() -> impl Strategy<Value = Option<Audience>> {
    prop_oneof![Just(None), (0..Audience::ALL.len()).prop_map(|i| Some(Audience::ALL[i]))]
}

/// Assumptions each within its own range, whole where it must be, not necessarily consistent
/// with each other: what the launch page lets a reviewer type.
fn any_assumptions() -> impl Strategy<Value = Assumptions> {
    prop::collection::vec(0.0f64..=1.0, ASSUMPTIONS.len()).prop_map(|fractions| {
        let mut a = Assumptions::default();
        for (spec, f) in ASSUMPTIONS.iter().zip(fractions) {
            let value = spec.min + (spec.max - spec.min) * f;
            a.set(spec.key, if spec.whole { value.round().clamp(spec.min, spec.max) } else { value });
        }
        a
    })
}

/// A launch form with plausible numbers where the forecast reads them, hostile text elsewhere.
fn any_launch_form() -> impl Strategy<Value = LaunchForm> {
    (prop::collection::vec(hostile(), 8), 0u64..50_000_000, 0u32..=1000, 0u64..5_000_000, prop::collection::vec(0u32..=100, 4), any::<bool>(), -200i64..200)
        .prop_map(|(texts, mau, new_share, recipients, shares, phased, announce)| {
            let launch = Date::new(2027, 3, 2).unwrap();
            LaunchForm {
                application_url: texts[0].clone(),
                iaa_number: texts[1].clone(),
                seasonality: texts[2].clone(),
                help_desk_other: texts[3].clone(),
                program_contacts: texts[4].clone(),
                technical_contacts: texts[5].clone(),
                billing_contacts: texts[6].clone(),
                annual_registrations: texts[7].clone(),
                audience: "general-public".into(),
                deploy_date: launch.to_iso(),
                user_launch_date: launch.add_days(7).to_iso(),
                monthly_active_users: mau.to_string(),
                new_user_share: format!("{}.{}", new_share / 10, new_share % 10),
                announcement_recipients: recipients.to_string(),
                announcement_date: launch.add_days(announce).to_iso(),
                share_en: shares[0].to_string(),
                share_es: shares[1].to_string(),
                share_fr: shares[2].to_string(),
                share_zh: shares[3].to_string(),
                ramp: if phased { "phased".into() } else { "all-at-once".into() },
                ramp_weeks: (mau % 60).to_string(),
                phone_published: if phased { "yes".into() } else { "no".into() },
                ..LaunchForm::default()
            }
        })
}

/// The Login.gov Contact Center number, held only here (and in tests/scanner.rs) as a fixture.
const CONTACT_CENTER: &str = concat!("844", "875", "6446");

/// Ten national digits written the ways people write phone numbers.
fn written(digits: &str, style: usize) -> String {
    let (a, b, c) = (&digits[0..3], &digits[3..6], &digits[6..10]);
    match style % 9 {
        0 => format!("{a}-{b}-{c}"),
        1 => format!("({a}) {b}-{c}"),
        2 => format!("{a}.{b}.{c}"),
        3 => format!("{a} {b} {c}"),
        4 => format!("{a}{b}{c}"),
        5 => format!("+1 {a} {b} {c}"),
        6 => format!("1-{a}-{b}-{c}"),
        7 => format!("{a}\u{a0}{b}\u{a0}{c}"),
        _ => format!("+1 ({a}) {b}-{c}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn scanner_never_panics_and_excerpts_are_exact(text in hostile()) {
        let known: Vec<&str> = content().support.links.iter().map(|l| l.url).collect();
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
    fn phone_candidates_are_exact_ten_digit_spans(text in hostile()) {
        for candidate in find_phone_candidates(&text) {
            prop_assert!(candidate.start < candidate.end && candidate.end <= text.len());
            prop_assert!(text.is_char_boundary(candidate.start) && text.is_char_boundary(candidate.end));
            prop_assert_eq!(candidate.national_digits.len(), 10);
            prop_assert!(candidate.national_digits.bytes().all(|b| b.is_ascii_digit()));
        }
    }

    #[test]
    fn a_phone_number_set_off_by_words_is_found_in_any_text(
        before in hostile(), after in hostile(), area in 200u32..1000, exchange in 200u32..1000, line in 0u32..10_000, style in 0usize..9,
    ) {
        let digits = format!("{area:03}{exchange:03}{line:04}");
        let number = written(&digits, style);
        let text = format!("{before}\nCall us on {number} today.\n{after}");
        let found = find_phone_candidates(&text);
        let start = text.find(&number).unwrap();
        prop_assert!(
            found.iter().any(|c| c.national_digits == digits && c.start < start + number.len() && c.end > start),
            "{:?} not found in {:?}: {:?}", number, text, found
        );
    }

    #[test]
    fn the_contact_center_number_is_an_error_in_any_text(before in hostile(), after in hostile(), style in 0usize..9) {
        let known: Vec<&str> = content().support.links.iter().map(|l| l.url).collect();
        let number = written(CONTACT_CENTER, style);
        let report = scan(&format!("{before}\nCall us on {number} today.\n{after}"), &known);
        prop_assert!(report.errors() >= 1);
        prop_assert!(report.findings.iter().any(|f| f.kind == FindingKind::ContactCenterNumber && f.excerpt.contains(&number[number.len() - 4..])));
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
    fn share_links_round_trip_and_ignore_what_they_do_not_know(
        cui in any_answer(), financial in any_answer(), records in any_answer(), others in any_answer(),
        audience in any_audience(), chosen in any_level(), junk in "[^&]{0,20}", reason in hostile(),
    ) {
        let answers = Answers { cui, financial, records, others_data: others };
        // The reason travels only with a chosen level, trimmed.
        let reason = if chosen.is_some() { reason.trim().to_string() } else { String::new() };
        let expected = SharedAnswers { answers, audience, chosen, reason };
        let query = encode_query(&expected);
        prop_assert_eq!(decode_query(&query), expected.clone());
        prop_assert_eq!(decode_query(&format!("?x-{junk}&{query}")), expected);
    }

    #[test]
    fn exports_never_start_a_formula_and_keep_html_inert(agency in hostile(), note in hostile(), status in any::<u8>()) {
        let record = record_from(agency, "App".into(), note.clone(), status);
        let md = markdown(&record, content(), "2026-11-23");
        prop_assert!(!md.contains("<span>") && !md.contains("<script"));
        let _ = csv(&record, content(), "2026-11-23");
        let cell = csv_cell(&note);
        let inner = &cell[1..cell.len() - 1];
        let unquoted = inner.replace("\"\"", "\"");
        prop_assert!(!runnable(&unquoted), "{:?}", unquoted);
        let neutralised = format!("'{}", note);
        prop_assert!(unquoted == note || unquoted == neutralised);
    }

    #[test]
    fn the_override_reason_is_needed_exactly_when_the_choice_differs(chosen in any_level(), recommended in any_level(), reason in hostile()) {
        let differs = chosen.is_some() && chosen != recommended;
        let error = override_reason_error(chosen, recommended, &reason);
        prop_assert_eq!(error.is_some(), differs && reason.trim().is_empty());
        prop_assert!(error.is_none_or(|m| !m.is_empty()));
    }

    #[test]
    fn a_sign_off_is_accepted_exactly_when_complete_and_keeps_the_text_trimmed(
        reviewer in hostile(), role in hostile(), date in prop_oneof![hostile(), Just("2026-11-23".to_string()), Just(" 2027-02-28 ".to_string())],
        decision in prop_oneof![Just(None), Just(Some(Decision::Approved)), Just(Some(Decision::ChangesRequested))], comments in hostile(),
    ) {
        let draft = SignOffDraft { reviewer: reviewer.clone(), role: role.clone(), date: date.clone(), decision, comments: comments.clone() };
        let complete = !reviewer.trim().is_empty() && !role.trim().is_empty() && Date::parse_iso(date.trim()).is_some() && decision.is_some();
        match validate_sign_off(&draft, "f".into()) {
            Ok(s) => {
                prop_assert!(complete);
                prop_assert_eq!((s.reviewer.as_str(), s.role.as_str(), s.date.as_str(), s.comments.as_str()), (reviewer.trim(), role.trim(), date.trim(), comments.trim()));
                prop_assert_eq!(Some(s.decision), decision);
            }
            Err(errors) => {
                prop_assert!(!complete && errors.any());
                prop_assert_eq!(errors.reviewer.is_some(), reviewer.trim().is_empty());
                prop_assert_eq!(errors.role.is_some(), role.trim().is_empty());
            }
        }
    }

    #[test]
    fn checklist_item_errors_follow_the_rules(status in 0usize..3, reason in hostile(), evidence in hostile(), path in "[a-z0-9./?=&%-]{1,30}") {
        let work = ItemWork { status: ItemStatus::ALL[status], na_reason: reason.clone(), note: String::new(), evidence: evidence.clone() };
        let errors = item_errors(&work);
        prop_assert_eq!(errors.na_reason.is_some(), work.status == ItemStatus::NotApplicable && reason.trim().is_empty());
        if evidence.trim().is_empty() {
            prop_assert!(errors.evidence.is_none());
        }
        // Words are always accepted: only something that looks like a link is checked.
        let lower = evidence.to_ascii_lowercase();
        if !lower.contains([':', '/']) && !lower.contains("www.") {
            prop_assert!(errors.evidence.is_none(), "{:?}", evidence);
        }
        // Nothing but an https:// address is ever accepted as a link.
        if lower.trim_start().starts_with("javascript:") || lower.trim_start().starts_with("http://") {
            prop_assert!(errors.evidence.is_some(), "{:?}", evidence);
        }
        let link = ItemWork { evidence: format!(" https://tickets.example.gov/{path} "), ..work };
        prop_assert_eq!(item_errors(&link).evidence, None);
    }
}

proptest! {
    // Records with 48 hostile strings each: generating them is the slow part, so fewer cases.
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn a_record_with_hostile_text_everywhere_round_trips(texts in prop::collection::vec(hostile(), TEXTS), choices in any::<u32>()) {
        let record = full_record(&texts, choices);
        prop_assert_eq!(import(&to_json(&record)), Ok(record));
    }

    #[test]
    fn checklist_exports_keep_their_structure_whatever_is_typed(texts in prop::collection::vec(hostile(), TEXTS), choices in any::<u32>()) {
        let record = full_record(&texts, choices);
        let checklist = &content().checklist;
        let md = markdown(&record, content(), "2026-11-23");
        // Read by a CommonMark parser, typed text adds no heading, list, link, emphasis or HTML.
        let (structure, _) = read_markdown(&md);
        prop_assert_eq!(structure, read_markdown(&markdown(&placeholder_text(&record), content(), "2026-11-23")).0);
        let plain = markdown(&without_text(&record), content(), "2026-11-23");
        // No markup outside the settings card's fenced code blocks (content, shown literally),
        // and user text adds no heading, list item or line of its own.
        let outside_code: String = md.split("```").step_by(2).collect();
        prop_assert!(!outside_code.contains('<'));
        prop_assert_eq!(lines_starting(&md, "#"), lines_starting(&plain, "#"));
        prop_assert_eq!(lines_starting(&md, "- "), lines_starting(&plain, "- "));
        // The only indented list items are each item's note and evidence.
        prop_assert_eq!(lines_starting(&md, "  - "), lines_starting(&md, "  - Note: ") + lines_starting(&md, "  - Evidence: "));

        let rows = safe_rows(&csv(&record, content(), "2026-11-23"))?;
        let items: usize = checklist.phases.iter().map(|p| p.items.len()).sum();
        let facts = header_facts(&record, content(), "2026-11-23");
        prop_assert_eq!(rows.len(), facts.len() + items + 1);
        // The header facts read back exactly as the agency typed them.
        for (row, (name, value)) in rows.iter().zip(&facts) {
            prop_assert_eq!(&row[0], &csv_safe(name));
            prop_assert_eq!(&row[1], &csv_safe(value));
        }
        prop_assert!(rows.iter().all(|r| r.len() == CSV_COLUMNS.len()));
        let column = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name).unwrap();
        for item in ITEMS {
            let work = record.checklist.item(item);
            let row = rows.iter().find(|r| r[column("Item id")] == item).unwrap();
            prop_assert_eq!(&row[column("Note")], &csv_safe(&work.note));
            prop_assert_eq!(&row[column("Evidence")], &csv_safe(&work.evidence));
            prop_assert_eq!(&row[column("Reason not applicable")], &csv_safe(&work.na_reason));
        }
    }

    #[test]
    fn launch_exports_read_back_as_typed(form in any_launch_form(), assumptions in any_assumptions(), agency in hostile(), application in hostile()) {
        let mut record = ReadinessRecord::default();
        (record.profile.agency, record.profile.application) = (agency.clone(), application.clone());
        let fc = forecast(&forecast_input(&form, FORECAST_DAYS), &assumptions);
        for x in [fc.total_contacts, fc.peak_contacts, fc.peak_phone_calls, fc.peak_load_erlangs, fc.form_backlog_per_day, fc.average_speed_of_answer_s] {
            prop_assert!(x.is_finite() && x >= 0.0, "forecast figure {}", x);
        }
        prop_assert!(fc.scheduled_agents >= fc.phone_agents);

        let json = payload(&form, &record, &assumptions, &fc, "0123456789abcdef0123456789abcdef");
        let back: serde_json::Value = serde_json::from_str(&serde_json::to_string(&json).unwrap()).unwrap();
        prop_assert_eq!(&back, &json);
        prop_assert_eq!(back["agency"].as_str(), Some(agency.as_str()));
        for field in [LaunchField::ApplicationUrl, LaunchField::IaaNumber, LaunchField::Seasonality, LaunchField::HelpDeskOther] {
            prop_assert_eq!(back["launch"][field.id()].as_str(), Some(form.get(field)));
        }

        let rows = safe_rows(&submission_csv(&form, &record, &assumptions, &fc, "k"))?;
        prop_assert!(rows.iter().all(|r| r.len() == 2));
        let cell = |name: &str| rows.iter().find(|r| r[0] == name).map(|r| r[1].clone());
        prop_assert_eq!(cell("agency"), Some(csv_safe(&agency)));
        prop_assert_eq!(cell("launch.seasonality"), Some(csv_safe(&form.seasonality)));
        prop_assert_eq!(cell("launch.iaa_number"), Some(csv_safe(&form.iaa_number)));

        // One "Label: value" line per field; further lines of a value are indented, whatever
        // a viewer takes for a line break (LF, CRLF or a lone CR).
        let text = launch_request_text(&form, &record).replace("\r\n", "\n").replace(['\r', '\u{0b}', '\u{0c}', '\u{85}', '\u{2028}', '\u{2029}'], "\n");
        prop_assert_eq!(text.lines().filter(|l| !l.starts_with("  ")).count(), 3 + PORTAL_ORDER.len() + 2, "{:?}", text);

        let calendar = ics(&form, &record, "20261123T150000Z", "k@readiness-portal", 3).unwrap();
        for line in calendar.split("\r\n").filter(|l| !l.is_empty()) {
            prop_assert!(line.len() <= 75, "folded at 75 octets: {:?}", line);
        }
        let unfolded = calendar.replace("\r\n ", "");
        for line in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
            prop_assert!(line.split_once([':', ';']).is_some_and(|(name, _)| !name.is_empty() && name.bytes().all(|b| b.is_ascii_uppercase() || b == b'-')), "a property line: {:?}", line);
        }
        prop_assert_eq!(unfolded.matches("\r\nSUMMARY:").count(), 2, "the deploy and the launch day");
        // An iCalendar parser (the `ical` crate) reads the file: two events, each with its UID,
        // SEQUENCE and dates, whatever was typed.
        let parsed = ical::IcalParser::new(std::io::BufReader::new(calendar.as_bytes())).next();
        let parsed = parsed.expect("a calendar").map_err(|e| TestCaseError::fail(format!("{e}")))?;
        prop_assert_eq!(parsed.events.len(), 2);
        for (event, what) in parsed.events.iter().zip(["deploy", "launch"]) {
            let value = |name: &str| event.properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone());
            prop_assert_eq!(value("UID"), Some(format!("k@readiness-portal-{what}")));
            prop_assert_eq!(value("SEQUENCE"), Some("3".to_string()));
            prop_assert!(value("DTSTART").is_some_and(|d| d.len() == 8) && value("SUMMARY").is_some());
        }
    }

    #[test]
    fn launch_validation_never_panics(values in prop::collection::vec(hostile(), LaunchField::ALL.len()), day in 0i64..4000) {
        let mut form = LaunchForm::default();
        for (&field, value) in LaunchField::ALL.iter().zip(values) {
            form.set(field, value);
        }
        let today = Date::new(2026, 1, 1).unwrap().add_days(day);
        for level in [None, Some(Level::Ial1Aal2), Some(Level::BasicIdv), Some(Level::Ial2Aal2)] {
            let problems = validate(&form, today, level);
            prop_assert!(problems.errors.values().chain(problems.warnings.values()).all(|m| !m.is_empty()));
        }
    }

    #[test]
    fn typed_text_reads_back_from_markdown_as_typed(text in hostile(), lines in prop::collection::vec("[-=+*#>0-9.) `~_|\\[\\]!<&\t]{0,8}", 0..6)) {
        // Any text, and lines made of what opens Markdown blocks ("===", "1)", "- ", "> ", "```").
        let text = format!("{text}\n{}", lines.join("\n"));
        let (structure, shown) = read_markdown(&format!("- Note: {}\n", markdown_text(&text)));
        prop_assert_eq!(structure, vec!["Start(List(None))", "Start(Item)", "End(Item)", "End(List(false))"]);
        prop_assert_eq!(shown, format!("Note: {}", as_shown(&text)).trim_end().to_string());
    }

    #[test]
    fn the_email_and_faq_carry_typed_text_but_no_markup(
        agency in hostile(), application in hostile(), window in hostile(), help_desk in hostile(),
        link_agency in hostile(), link_integration in hostile(), lang in 0usize..4, level in any_level(),
    ) {
        let links = &content().support.links;
        let attribution = Attribution { agency: link_agency.clone(), integration: link_integration.clone() };
        let input = EmailInput { agency: agency.clone(), application: application.clone(), launch_window: window, level, help_desk, lang: Lang::ALL[lang], attribution: attribution.clone(), audience: None };
        let email = launch_email(&input, links);
        let plain = launch_email(&EmailInput { lang: Lang::ALL[lang], level, ..EmailInput::default() }, links);
        prop_assert_eq!(email.html.matches('<').count(), plain.html.matches('<').count(), "typed text adds no markup to the email");

        let message = eml(&email, Lang::ALL[lang]);
        // A MIME parser (mail-parser) reads the subject and both bodies back as written.
        let parsed = mail_parser::MessageParser::default().parse(message.as_bytes()).expect("a MIME message");
        prop_assert_eq!(parsed.subject(), Some(email.subject.as_str()));
        prop_assert_eq!(parsed.body_text(0).map(|t| t.replace("\r\n", "\n")), Some(email.text.replace("\r\n", "\n").replace('\r', "\n")));
        prop_assert_eq!(parsed.body_html(0).map(|t| t.replace("\r\n", "\n")), Some(email.html.replace("\r\n", "\n").replace('\r', "\n")));
        let (head, body) = message.split_once("\r\n\r\n").unwrap();
        prop_assert!(head.split("\r\n").all(|l| l.starts_with(' ') || l.split_once(": ").is_some_and(|(n, _)| n.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))));
        // The Subject header, unfolded and decoded, is the email's subject.
        let lines: Vec<&str> = head.split("\r\n").collect();
        let at = lines.iter().position(|l| l.starts_with("Subject: ")).unwrap();
        let mut words = vec![&lines[at]["Subject: ".len()..]];
        words.extend(lines[at + 1..].iter().take_while(|l| l.starts_with(' ')).map(|l| l.trim_start()));
        let decoded = if words[0].starts_with("=?UTF-8?B?") {
            String::from_utf8(words.iter().flat_map(|w| base64_decode(w.trim_start_matches("=?UTF-8?B?").trim_end_matches("?="))).collect()).unwrap()
        } else {
            words.concat()
        };
        prop_assert_eq!(decoded, email.subject.clone());
        let parts: Vec<String> = body.split("\r\n\r\n").skip(1).map(|p| String::from_utf8(base64_decode(p.split("--=_").next().unwrap())).unwrap()).collect();
        prop_assert_eq!(parts.len(), 2);
        let crlf = |t: &str| t.replace("\r\n", "\n").replace('\r', "\n").replace('\n', "\r\n");
        prop_assert_eq!(&parts[0], &crlf(&email.text));
        prop_assert_eq!(&parts[1], &crlf(&email.html));

        let support = &content().support;
        let md = faq_markdown(support, &faq_profile(&agency, &application), level);
        prop_assert!(!md.contains('<'));
        prop_assert_eq!(lines_starting(&md, "#"), lines_starting(&faq_markdown(support, &faq_profile("", ""), level), "#"));
        let x = |t: &str| if t.trim().is_empty() { "" } else { "x" };
        prop_assert_eq!(read_markdown(&md).0, read_markdown(&faq_markdown(support, &faq_profile(x(&agency), x(&application)), level)).0);
        prop_assert_eq!(faq_html(support, &faq_profile(&agency, &application), level).matches('<').count(), faq_html(support, &faq_profile("", ""), level).matches('<').count());

        for &kind in LinkKind::ALL {
            let url = build_url(links, kind, Lang::ALL[lang], &attribution);
            prop_assert!(url.bytes().all(|b| b.is_ascii_graphic()), "{}", url);
            if attribution.is_set() {
                let query = url.split_once('?').unwrap().1;
                let (a, i) = query.split_once('&').unwrap();
                prop_assert_eq!(percent_decode(a.strip_prefix("agency=").unwrap()), link_agency.trim());
                prop_assert_eq!(percent_decode(i.strip_prefix("integration=").unwrap()), link_integration.trim());
            } else {
                prop_assert!(!url.contains('?'));
            }
            let html = link_html(&url, "text", Lang::ALL[lang]);
            prop_assert_eq!((html.matches('<').count(), html.matches('"').count()), (2, 4));
        }
    }
}

/// Sets one text field of a record, by number: every text field a record holds.
fn set_text_field(r: &mut ReadinessRecord, field: usize, text: String) {
    match field {
        0 => r.profile.agency = text,
        1 => r.profile.application = text,
        2 => r.service_level.override_reason = text,
        3 => r.checklist.update_item("chk-iaa-signed", |w| w.note = text),
        4 => r.checklist.update_item("chk-iaa-signed", |w| w.na_reason = text),
        5 => r.checklist.update_item("chk-iaa-signed", |w| w.evidence = text),
        6..=9 => {
            let s = r.checklist.sign_offs.entry(OVERALL.into()).or_insert_with(|| SignOff {
                reviewer: "R".into(), role: "ISSO".into(), date: "2026-11-23".into(), decision: Decision::Approved, approved_with_open: Vec::new(), comments: String::new(), fingerprint: "0".into(),
            });
            *[&mut s.reviewer, &mut s.role, &mut s.date, &mut s.comments][field - 6] = text;
        }
        10 => r.support.link_agency = text,
        11 => r.support.link_integration = text,
        12 => r.support.launch_window = text,
        13 => r.support.help_desk = text,
        14 => {
            r.launch.assumption_texts.insert("handle_time_s".into(), text);
        }
        n => {
            let field = LaunchField::ALL[n - 15];
            r.launch.form.get_or_insert_with(LaunchForm::default).set(field, text);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// What the store refuses to save is exactly what load and import refuse, for every field:
    /// so the app never writes a record it cannot read back.
    #[test]
    fn the_length_limit_is_the_same_for_saving_and_loading(field in 0usize..15 + LaunchField::ALL.len(), extra in 0usize..4, wide in any::<bool>()) {
        let length = MAX_FIELD_CHARS - 2 + extra;
        let text: String = if wide { "👩".repeat(length) } else { "x".repeat(length) };
        let mut record = ReadinessRecord::default();
        set_text_field(&mut record, field, text);
        let fits = length <= MAX_FIELD_CHARS;
        prop_assert_eq!(check_limits(&record).is_ok(), fits, "field {}", field);
        prop_assert_eq!(import(&to_json(&record)).is_ok(), fits, "field {}", field);
    }

    #[test]
    fn whole_numbers_read_back_with_or_without_commas(n in 0u64..1_000_000_000_000) {
        let plain = n.to_string();
        let grouped = plain.as_bytes().rchunks(3).rev().map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join(",");
        prop_assert_eq!(parse_whole(&plain), Ok(n));
        prop_assert_eq!(parse_whole(&grouped), Ok(n));
    }

    #[test]
    fn every_recommendation_is_reasoned_and_assumptions_are_checked(
        cui in any_answer(), financial in any_answer(), records in any_answer(), others in any_answer(), audience in any_audience(),
        values in prop::collection::vec(prop_oneof![any::<f64>(), -10.0f64..4000.0], ASSUMPTIONS.len()),
    ) {
        let rec = recommend(&Answers { cui, financial, records, others_data: others }, audience);
        if rec.level.is_some() {
            prop_assert!(!rec.reasons.is_empty());
        }
        let mut a = Assumptions::default();
        for (spec, v) in ASSUMPTIONS.iter().zip(&values) {
            a.set(spec.key, *v);
        }
        let errors = validate_assumptions(&a);
        for (spec, v) in ASSUMPTIONS.iter().zip(values) {
            if !v.is_finite() || v < spec.min || v > spec.max || (spec.whole && v.fract() != 0.0) {
                prop_assert!(errors.contains_key(spec.key), "{} = {} accepted", spec.key, v);
            }
        }
    }
}

/// A profile with just the names the FAQ fills in.
fn faq_profile(agency: &str, application: &str) -> portal_core::vocab::Profile {
    portal_core::vocab::Profile { agency: agency.to_string(), application: application.to_string(), ..Default::default() }
}
