//! Generated inputs for the property tests, and the checks they share: text that breaks parsers,
//! records full of it, forms and assumptions within their ranges, and what a spreadsheet or a
//! Markdown reader must get from an export.

use super::parsers::*;

use portal_core::checklist::{Decision, ItemStatus, ItemWork, SignOff, OVERALL};
use portal_core::dates::Date;
use portal_core::launch::{LaunchField, LaunchForm};
use portal_core::record::ReadinessRecord;
use portal_core::service_level::{Answer, Question};
use portal_core::staffing::{Assumptions, ASSUMPTIONS};
use portal_core::text::CSV_BOM;
use portal_core::vocab::Lang;
use portal_core::vocab::Level;
use portal_core::vocab::{Audience, Protocol};
use proptest::prelude::*;

/// Pieces of text that break parsers: markup, entities, separators, quotes, formula starts,
/// right-to-left, emoji and zero-width joiners, line breaks of every kind, template markers.
pub const PIECES: &[&str] = &[
    "<",
    ">",
    "&",
    "&#",
    ";",
    "<span>",
    "tel:",
    "\"",
    "'",
    "=",
    "+",
    "-",
    "@",
    "\t",
    "\r\n",
    "\u{a0}",
    "\u{2011}",
    "\u{202e}",
    "שלום",
    "😀",
    "👩\u{200d}👩\u{200d}👧",
    "福",
    "login.gov/contact/",
    "<img src=x onerror=alert(1)>",
    "#",
    "\n",
    "\r",
    "\u{2028}",
    "\u{85}",
    "1. ",
    "{agency}",
];

/// Text rich in what breaks parsers: the pieces above, numbers, printable ASCII and any char.
/// (Built from indexes and bytes rather than regexes: ten times faster to generate.)
pub fn hostile() -> impl Strategy<Value = String> {
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

pub fn record_from(agency: String, application: String, note: String, status: u8) -> ReadinessRecord {
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
pub const ITEMS: [&str; 4] = ["chk-iaa-signed", "chk-iaa-plan", "chk-prod-logo", "chk-saml-logout"];
/// Hostile strings a full record takes.
pub const TEXTS: usize = 48;

/// A record with hostile text in every text field: profile, override reason, the work on
/// several items, two sign-offs, the support tools, every launch field and an assumption.
pub fn full_record(texts: &[String], choices: u32) -> ReadinessRecord {
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
        let sign_off = SignOff {
            reviewer: t(),
            role: t(),
            date: t(),
            decision: Decision::ALL[pick(2, 17)],
            approved_with_open: Vec::new(),
            comments: t(),
            fingerprint: t(),
        };
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
pub fn without_text(r: &ReadinessRecord) -> ReadinessRecord {
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
pub fn as_shown(text: &str) -> String {
    text.split(['\n', '\r']).map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
}

/// The same record with each typed text that shows replaced by `x`: the exports' structure
/// without anything typed in it.
pub fn placeholder_text(r: &ReadinessRecord) -> ReadinessRecord {
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
pub fn csv_safe(text: &str) -> String {
    let start = text.trim_start_matches(' ');
    let risky = start.starts_with(['=', '+', '-', '@']) || start.chars().next().is_some_and(char::is_control);
    if risky && !is_number(text) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// A signed decimal such as `-36` or `+1.5`, which a spreadsheet reads as a number only.
pub fn is_number(text: &str) -> bool {
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
pub fn runnable(cell: &str) -> bool {
    let start = cell.trim_start_matches(' ');
    (start.starts_with(['=', '+', '-', '@']) || start.chars().next().is_some_and(char::is_control)) && !is_number(cell)
}

/// Every cell quoted, none a formula; the rows as plain text.
pub fn safe_rows(text: &str) -> Result<Vec<Vec<String>>, TestCaseError> {
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
pub fn lines_starting(text: &str, prefix: &str) -> usize {
    text.lines().filter(|l| l.starts_with(prefix)).count()
}

pub fn any_answer() -> impl Strategy<Value = Option<Answer>> {
    prop_oneof![Just(None), Just(Some(Answer::Yes)), Just(Some(Answer::No)), Just(Some(Answer::NotSure))]
}
pub fn any_level() -> impl Strategy<Value = Option<Level>> {
    prop_oneof![Just(None), Just(Some(Level::Ial1Aal2)), Just(Some(Level::BasicIdv)), Just(Some(Level::Ial2Aal2))]
}
pub fn any_audience() -> impl Strategy<Value = Option<Audience>> {
    prop_oneof![Just(None), (0..Audience::ALL.len()).prop_map(|i| Some(Audience::ALL[i]))]
}

/// Assumptions each within its own range, whole where it must be, not necessarily consistent
/// with each other: what the launch page lets a reviewer type.
pub fn any_assumptions() -> impl Strategy<Value = Assumptions> {
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
pub fn any_launch_form() -> impl Strategy<Value = LaunchForm> {
    (
        prop::collection::vec(hostile(), 8),
        0u64..50_000_000,
        0u32..=1000,
        0u64..5_000_000,
        prop::collection::vec(0u32..=100, 4),
        any::<bool>(),
        -200i64..200,
    )
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
pub const CONTACT_CENTER: &str = concat!("844", "875", "6446");

/// Ten national digits written the ways people write phone numbers.
pub fn written(digits: &str, style: usize) -> String {
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

/// Sets one text field of a record, by number: every text field a record holds.
pub fn set_text_field(r: &mut ReadinessRecord, field: usize, text: String) {
    match field {
        0 => r.profile.agency = text,
        1 => r.profile.application = text,
        2 => r.service_level.override_reason = text,
        3 => r.checklist.update_item("chk-iaa-signed", |w| w.note = text),
        4 => r.checklist.update_item("chk-iaa-signed", |w| w.na_reason = text),
        5 => r.checklist.update_item("chk-iaa-signed", |w| w.evidence = text),
        6..=9 => {
            let s = r.checklist.sign_offs.entry(OVERALL.into()).or_insert_with(|| SignOff {
                reviewer: "R".into(),
                role: "ISSO".into(),
                date: "2026-11-23".into(),
                decision: Decision::Approved,
                approved_with_open: Vec::new(),
                comments: String::new(),
                fingerprint: "0".into(),
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

/// A profile with just the names the FAQ fills in.
pub fn faq_profile(agency: &str, application: &str) -> portal_core::vocab::Profile {
    portal_core::vocab::Profile { agency: agency.to_string(), application: application.to_string(), ..Default::default() }
}
