//! The launch-volume form: what the partner typed, its validation in plain words, the next
//! valid launch dates, and everything submitted or downloaded from it (JSON payload, CSV,
//! the text block laid out like the Partner Portal's launch request, and an `.ics` entry).
//!
//! The form keeps every field as the exact text the user typed. Validation reads that text and
//! says what is wrong; nothing here ever rewrites it. Numbers are parsed again wherever they
//! are used, with the same functions.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::content::content;
use super::dates::Date;
use super::export::csv_cell;
use super::holidays::holiday_on;
use super::record::{file_slug, Audience, ReadinessRecord, MAX_FIELD_CHARS};
use super::service_level::Level;
use super::staffing::{self, Assumptions, Forecast, ForecastInput, ASSUMPTIONS};

/// Days of notice Login.gov asks for before the launch date.
pub const NOTICE_DAYS: i64 = 14;

/// Days the page forecasts from launch day.
pub const FORECAST_DAYS: u32 = 42;

/// The Partner Portal's audience choices: (id stored in the form, label).
pub const AUDIENCES: [(&str, &str); 6] = [
    ("general-public", "General public"),
    ("federal-civilian", "Federal civilian employees"),
    ("active-military", "Active-duty military"),
    ("veterans", "Veterans"),
    ("state-local", "State or local employees"),
    ("other", "Other"),
];

pub fn audience_label(id: &str) -> Option<&'static str> {
    AUDIENCES.iter().find(|(i, _)| *i == id).map(|(_, label)| *label)
}

pub const RAMP_ALL_AT_ONCE: &str = "all-at-once";
pub const RAMP_PHASED: &str = "phased";

/// Everything the partner typed, field by field, exactly as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LaunchForm {
    // The Partner Portal's launch request, in the portal's order.
    pub application_url: String,
    /// One of the ids in [`AUDIENCES`].
    pub audience: String,
    /// Email addresses separated by commas, semicolons or new lines.
    pub billing_contacts: String,
    pub annual_registrations: String,
    pub annual_authentications: String,
    /// Free text: an email address, a web address or the agency's own help-desk number.
    pub help_desk_contact: String,
    pub iaa_number: String,
    /// `YYYY-MM-DD`, from `<input type=date>`.
    pub launch_date: String,
    pub monthly_active_users: String,
    pub program_contacts: String,
    pub seasonality: String,
    pub technical_contacts: String,
    // What the Contact Center needs for staffing.
    /// [`RAMP_ALL_AT_ONCE`] or [`RAMP_PHASED`].
    pub ramp: String,
    /// Weeks of a phased rollout (1–52).
    pub ramp_weeks: String,
    pub announcement_date: String,
    pub announcement_recipients: String,
    /// Percent of users without a Login.gov account yet.
    pub new_user_share: String,
    pub share_en: String,
    pub share_es: String,
    pub share_fr: String,
    pub share_zh: String,
    /// "yes" or "no": does any page show the Contact Center phone number.
    pub phone_published: String,
    /// Percent of users expected to verify their identity (IAL2).
    pub idv_share: String,
    /// Percent of the verifying users expected to verify in person.
    pub in_person_share: String,
}

/// Form field names in the order the page shows them; `language_shares` is the key of the
/// error about the four language shares together.
pub const FIELD_ORDER: [&str; 25] = [
    "application_url",
    "audience",
    "billing_contacts",
    "annual_registrations",
    "annual_authentications",
    "help_desk_contact",
    "iaa_number",
    "launch_date",
    "monthly_active_users",
    "program_contacts",
    "seasonality",
    "technical_contacts",
    "ramp",
    "ramp_weeks",
    "announcement_date",
    "announcement_recipients",
    "new_user_share",
    "share_en",
    "share_es",
    "share_fr",
    "share_zh",
    "language_shares",
    "phone_published",
    "idv_share",
    "in_person_share",
];

impl LaunchForm {
    /// Every field with its name, in [`FIELD_ORDER`] (without `language_shares`).
    pub fn fields(&self) -> [(&'static str, &str); 24] {
        [
            ("application_url", &self.application_url),
            ("audience", &self.audience),
            ("billing_contacts", &self.billing_contacts),
            ("annual_registrations", &self.annual_registrations),
            ("annual_authentications", &self.annual_authentications),
            ("help_desk_contact", &self.help_desk_contact),
            ("iaa_number", &self.iaa_number),
            ("launch_date", &self.launch_date),
            ("monthly_active_users", &self.monthly_active_users),
            ("program_contacts", &self.program_contacts),
            ("seasonality", &self.seasonality),
            ("technical_contacts", &self.technical_contacts),
            ("ramp", &self.ramp),
            ("ramp_weeks", &self.ramp_weeks),
            ("announcement_date", &self.announcement_date),
            ("announcement_recipients", &self.announcement_recipients),
            ("new_user_share", &self.new_user_share),
            ("share_en", &self.share_en),
            ("share_es", &self.share_es),
            ("share_fr", &self.share_fr),
            ("share_zh", &self.share_zh),
            ("phone_published", &self.phone_published),
            ("idv_share", &self.idv_share),
            ("in_person_share", &self.in_person_share),
        ]
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.fields().into_iter().find(|(name, _)| *name == field).map(|(_, value)| value)
    }

    /// Replaces one field's text by name; false for an unknown name.
    pub fn set(&mut self, field: &str, value: String) -> bool {
        let slot = match field {
            "application_url" => &mut self.application_url,
            "audience" => &mut self.audience,
            "billing_contacts" => &mut self.billing_contacts,
            "annual_registrations" => &mut self.annual_registrations,
            "annual_authentications" => &mut self.annual_authentications,
            "help_desk_contact" => &mut self.help_desk_contact,
            "iaa_number" => &mut self.iaa_number,
            "launch_date" => &mut self.launch_date,
            "monthly_active_users" => &mut self.monthly_active_users,
            "program_contacts" => &mut self.program_contacts,
            "seasonality" => &mut self.seasonality,
            "technical_contacts" => &mut self.technical_contacts,
            "ramp" => &mut self.ramp,
            "ramp_weeks" => &mut self.ramp_weeks,
            "announcement_date" => &mut self.announcement_date,
            "announcement_recipients" => &mut self.announcement_recipients,
            "new_user_share" => &mut self.new_user_share,
            "share_en" => &mut self.share_en,
            "share_es" => &mut self.share_es,
            "share_fr" => &mut self.share_fr,
            "share_zh" => &mut self.share_zh,
            "phone_published" => &mut self.phone_published,
            "idv_share" => &mut self.idv_share,
            "in_person_share" => &mut self.in_person_share,
            _ => return false,
        };
        *slot = value;
        true
    }

    fn shares(&self) -> [&str; 4] {
        [&self.share_en, &self.share_es, &self.share_fr, &self.share_zh]
    }
}

/// A new form filled in from the readiness record: the audience when the record says the
/// public signs in, the help desk from the support kit, and starting values for the rollout
/// (all at once) and the languages (100% English) that the user can change.
pub fn prefill(record: &ReadinessRecord) -> LaunchForm {
    LaunchForm {
        audience: if record.profile.audience == Some(Audience::Public) { "general-public".into() } else { String::new() },
        help_desk_contact: record.support.help_desk.clone(),
        ramp: RAMP_ALL_AT_ONCE.into(),
        share_en: "100".into(),
        share_es: "0".into(),
        share_fr: "0".into(),
        share_zh: "0".into(),
        ..LaunchForm::default()
    }
}

/// Problems with the form, keyed by field name (see [`FIELD_ORDER`]), each a plain sentence
/// saying what is wrong and what to do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormErrors {
    pub fields: BTreeMap<&'static str, String>,
}

impl FormErrors {
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    pub fn len(&self) -> usize {
        self.fields.len()
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.fields.get(field).map(String::as_str)
    }

    /// The errors in the order the page shows the fields, for the summary at the top.
    pub fn in_form_order(&self) -> Vec<(&'static str, &str)> {
        FIELD_ORDER.iter().filter_map(|f| self.fields.get(f).map(|m| (*f, m.as_str()))).collect()
    }

    fn add(&mut self, field: &'static str, message: impl Into<String>) {
        self.fields.entry(field).or_insert_with(|| message.into());
    }
}

// ---------------------------------------------------------------------------------------------
// Launch dates
// ---------------------------------------------------------------------------------------------

pub const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

pub fn weekday_name(date: Date) -> &'static str {
    WEEKDAYS[date.weekday_from_monday() as usize % 7]
}

/// Tuesday or Thursday, and not an observed federal holiday.
pub fn is_deploy_day(date: Date) -> bool {
    matches!(date.weekday_from_monday(), 1 | 3) && holiday_on(date).is_none()
}

/// The earliest launch date allowed today: 14 days away.
pub fn earliest_launch_date(today: Date) -> Date {
    today.add_days(NOTICE_DAYS)
}

/// The first `count` dates at least 14 days after `today` that are deploy days.
pub fn next_valid_launch_dates(today: Date, count: usize) -> Vec<Date> {
    let mut dates = Vec::new();
    let mut date = earliest_launch_date(today);
    while dates.len() < count {
        if is_deploy_day(date) {
            dates.push(date);
        }
        date = date.add_days(1);
    }
    dates
}

/// What is wrong with a launch date, all in one message; `None` when it is valid.
pub fn launch_date_problem(text: &str, today: Date) -> Option<String> {
    if text.is_empty() {
        return Some("Enter the desired launch date.".into());
    }
    let Some(date) = Date::parse_iso(text) else {
        return Some("Enter the launch date as a real date in the form YYYY-MM-DD, for example 2027-03-09.".into());
    };
    let mut problems = Vec::new();
    let earliest = earliest_launch_date(today);
    if date < earliest {
        let away = date.days_since_epoch() - today.days_since_epoch();
        let when = match away {
            d if d < 0 => "is in the past".to_string(),
            0 => "is today".to_string(),
            1 => "is only 1 day away".to_string(),
            d => format!("is only {d} days away"),
        };
        problems.push(format!(
            "The launch date {when}: Login.gov needs the launch request at least {NOTICE_DAYS} days ahead, so choose {} or later.",
            earliest.to_iso()
        ));
    }
    if !matches!(date.weekday_from_monday(), 1 | 3) {
        problems.push(format!(
            "{} is a {}: Login.gov deploys to production only on Tuesdays and Thursdays.",
            date.to_iso(),
            weekday_name(date)
        ));
    } else if let Some(holiday) = holiday_on(date) {
        problems.push(format!(
            "{} is {} (a federal holiday), when Login.gov does not deploy: choose another Tuesday or Thursday.",
            date.to_iso(),
            holiday
        ));
    }
    if problems.is_empty() {
        None
    } else {
        Some(problems.join(" "))
    }
}

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WholeError {
    Empty,
    Negative,
    Decimal,
    Commas,
    NotDigits,
    TooLarge,
}

/// Reads a whole number: digits, optionally with commas between groups of three ("12,000").
/// Spaces before or after are ignored (the typed text is kept as it is). Decimals, negative
/// numbers, other separators and letters are refused.
fn parse_whole_inner(text: &str) -> Result<u64, WholeError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(WholeError::Empty);
    }
    if t.starts_with(['-', '\u{2212}']) && t.len() > 1 {
        return Err(WholeError::Negative);
    }
    let digits_commas_dot = t.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.');
    if !digits_commas_dot || !t.chars().any(|c| c.is_ascii_digit()) {
        return Err(WholeError::NotDigits);
    }
    if t.contains('.') {
        return Err(WholeError::Decimal);
    }
    let groups: Vec<&str> = t.split(',').collect();
    if groups.len() > 1 {
        let first_ok = (1..=3).contains(&groups[0].len());
        let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
        if !first_ok || !rest_ok {
            return Err(WholeError::Commas);
        }
    }
    let digits: String = groups.concat();
    digits.parse::<u64>().map_err(|_| WholeError::TooLarge)
}

impl WholeError {
    fn message(self) -> &'static str {
        match self {
            WholeError::Empty => "Enter a number.",
            WholeError::Negative => "Enter a number that is zero or more, not a negative number.",
            WholeError::Decimal => "Enter a whole number, without decimals.",
            WholeError::Commas => "Put commas only between groups of three digits, as in 12,000, or leave them out.",
            WholeError::NotDigits => "Enter digits only, such as 12000 or 12,000.",
            WholeError::TooLarge => "The number is too large.",
        }
    }
}

/// A whole, non-negative number as typed ("12000" or "12,000"); the error says what is wrong.
pub fn parse_whole(text: &str) -> Result<u64, String> {
    parse_whole_inner(text).map_err(|e| e.message().to_string())
}

struct WholeSpec {
    field: &'static str,
    /// "the estimated annual registrations", used in "Enter …".
    noun: &'static str,
    min: u64,
    max: u64,
}

const REGISTRATIONS: WholeSpec =
    WholeSpec { field: "annual_registrations", noun: "the estimated annual registrations", min: 0, max: 500_000_000 };
const AUTHENTICATIONS: WholeSpec =
    WholeSpec { field: "annual_authentications", noun: "the estimated annual authentications", min: 0, max: 500_000_000 };
const MONTHLY_USERS: WholeSpec =
    WholeSpec { field: "monthly_active_users", noun: "the monthly active users", min: 0, max: 100_000_000 };
const RECIPIENTS: WholeSpec =
    WholeSpec { field: "announcement_recipients", noun: "the number of announcement recipients", min: 0, max: 100_000_000 };
const RAMP_WEEKS: WholeSpec = WholeSpec { field: "ramp_weeks", noun: "the number of weeks the rollout lasts", min: 1, max: 52 };

fn check_whole(errors: &mut FormErrors, spec: &WholeSpec, text: &str, required: bool) -> Option<u64> {
    let grouped = |n: u64| staffing::format_count(n as f64);
    let range = format!("from {} to {}", grouped(spec.min), grouped(spec.max));
    match parse_whole_inner(text) {
        Ok(n) if n < spec.min || n > spec.max => {
            errors.add(spec.field, format!("Enter {} as a number {range}: {} is outside that range.", spec.noun, text.trim()));
            None
        }
        Ok(n) => Some(n),
        Err(WholeError::Empty) if !required => None,
        Err(WholeError::Empty) => {
            errors.add(spec.field, format!("Enter {}, as a whole number {range}.", spec.noun));
            None
        }
        Err(WholeError::TooLarge) => {
            errors.add(spec.field, format!("Enter {} as a number {range}: this number is too large.", spec.noun));
            None
        }
        Err(e) => {
            errors.add(spec.field, format!("{} It must be {range}.", e.message()));
            None
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PercentError {
    Empty,
    PercentSign,
    Negative,
    TooManyDecimals,
    NotANumber,
    OverHundred,
}

/// A percent in tenths: "12.5" → 125. Whole numbers or one decimal, 0 to 100.
fn parse_tenths(text: &str) -> Result<u32, PercentError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(PercentError::Empty);
    }
    if t.ends_with('%') {
        return Err(PercentError::PercentSign);
    }
    if t.starts_with(['-', '\u{2212}']) && t.len() > 1 {
        return Err(PercentError::Negative);
    }
    let (whole, fraction) = match t.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (t, None),
    };
    let is_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !is_digits(whole) {
        return Err(PercentError::NotANumber);
    }
    let tenth = match fraction {
        None => 0,
        Some(f) if is_digits(f) && f.len() == 1 => u32::from(f.as_bytes()[0] - b'0'),
        Some(f) if is_digits(f) => return Err(PercentError::TooManyDecimals),
        Some(_) => return Err(PercentError::NotANumber),
    };
    let significant = whole.trim_start_matches('0');
    if significant.len() > 3 {
        return Err(PercentError::OverHundred);
    }
    let whole: u32 = if significant.is_empty() { 0 } else { significant.parse().map_err(|_| PercentError::NotANumber)? };
    let tenths = whole * 10 + tenth;
    if tenths > 1000 {
        return Err(PercentError::OverHundred);
    }
    Ok(tenths)
}

impl PercentError {
    fn message(self) -> &'static str {
        match self {
            PercentError::Empty => "Enter a percent from 0 to 100.",
            PercentError::PercentSign => "Leave out the % sign: enter just the number, such as 25.",
            PercentError::Negative => "Enter a percent from 0 to 100, not a negative number.",
            PercentError::TooManyDecimals => "Use at most one decimal place, such as 12.5.",
            PercentError::NotANumber => "Enter a percent as a number from 0 to 100, such as 25 or 12.5.",
            PercentError::OverHundred => "Enter a percent no larger than 100.",
        }
    }
}

/// A percent as typed: a whole number or one decimal ("12.5"), from 0 to 100.
pub fn parse_percent(text: &str) -> Result<f64, String> {
    parse_tenths(text).map(|t| f64::from(t) / 10.0).map_err(|e| e.message().to_string())
}

fn tenths_text(tenths: u32) -> String {
    if tenths.is_multiple_of(10) {
        format!("{}", tenths / 10)
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

fn check_percent(errors: &mut FormErrors, field: &'static str, text: &str, required_message: Option<&str>) -> Option<u32> {
    match parse_tenths(text) {
        Ok(t) => Some(t),
        Err(PercentError::Empty) => {
            if let Some(message) = required_message {
                errors.add(field, message);
            }
            None
        }
        Err(e) => {
            errors.add(field, e.message());
            None
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Text checks
// ---------------------------------------------------------------------------------------------

/// A short, safe excerpt of user text for a message.
fn quoted(text: &str) -> String {
    let mut excerpt: String = text.chars().filter(|c| !c.is_control()).take(60).collect();
    if text.chars().count() > 60 {
        excerpt.push('…');
    }
    format!("“{excerpt}”")
}

/// Splits a contact list on commas, semicolons and line breaks; entries are trimmed and empty
/// entries skipped. No checking.
pub fn split_contacts(text: &str) -> Vec<String> {
    text.split(|c| c == ',' || c == ';' || LINE_BREAKS.contains(&c)).map(str::trim).filter(|e| !e.is_empty()).map(str::to_string).collect()
}

/// What is wrong with one email address, if anything.
pub fn email_problem(entry: &str) -> Option<String> {
    let q = quoted(entry);
    if entry.contains(['<', '>', '"', '(', ')']) {
        return Some(format!("{q}: write only the address, such as name@agency.gov, without a name or brackets."));
    }
    if entry.chars().any(char::is_whitespace) {
        return Some(format!("{q} has a space in it: write each address without spaces, and separate addresses with commas."));
    }
    let ats = entry.matches('@').count();
    if ats == 0 {
        return Some(format!("{q} is not an email address: it has no @."));
    }
    if ats > 1 {
        return Some(format!("{q} has more than one @: separate addresses with commas."));
    }
    let (local, domain) = entry.split_once('@').unwrap_or_default();
    if local.is_empty() {
        return Some(format!("{q} needs the name before the @, as in name@agency.gov."));
    }
    let labels_ok = domain.split('.').all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'));
    if !domain.contains('.') || !labels_ok {
        return Some(format!("{q} needs a full domain after the @, such as agency.gov."));
    }
    None
}

pub const MAX_CONTACTS: usize = 10;

/// A list of 1 to 10 valid email addresses, or what is wrong with it.
pub fn parse_email_list(text: &str) -> Result<Vec<String>, String> {
    let entries = split_contacts(text);
    if entries.is_empty() {
        return Err("Enter at least one email address.".into());
    }
    if entries.len() > MAX_CONTACTS {
        return Err(format!("List at most {MAX_CONTACTS} email addresses; this list has {}.", entries.len()));
    }
    if let Some(problem) = entries.iter().find_map(|e| email_problem(e)) {
        return Err(problem);
    }
    Ok(entries)
}

/// What is wrong with an IAA number, if anything. The format: "LG", the agency code (3 to 6
/// capital letters), "FY", two digits of fiscal year and four digits (the GTC number), then
/// "-" and the four-digit order number, then "-" and the four-digit modification number, as
/// in LGABCFY210001-0001-0000.
pub fn iaa_problem(text: &str) -> Option<String> {
    if text.is_empty() {
        return Some("Enter the IAA number, in the form LGABCFY210001-0001-0000.".into());
    }
    if text.trim() != text {
        return Some("Remove the spaces before or after the IAA number.".into());
    }
    if is_iaa_number(text) {
        return None;
    }
    let upper = text.to_uppercase();
    if is_iaa_number(&upper) {
        return Some(format!("Use capital letters in the IAA number, as in {upper}."));
    }
    Some(
        "Enter the IAA number in the form LGABCFY210001-0001-0000: LG, your agency code (3 to 6 capital letters), FY, \
         the two-digit fiscal year and four digits, then a hyphen and the four-digit order number, then a hyphen and \
         the four-digit modification number."
            .into(),
    )
}

pub fn is_iaa_number(text: &str) -> bool {
    let b = text.as_bytes();
    if !b.starts_with(b"LG") {
        return false;
    }
    let letters = b[2..].iter().take_while(|c| c.is_ascii_uppercase()).count();
    let code = letters.saturating_sub(2);
    if !(3..=6).contains(&code) || &b[2 + code..2 + letters] != b"FY" {
        return false;
    }
    let rest = &b[2 + letters..];
    let digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    rest.len() == 16 && digits(&rest[..6]) && rest[6] == b'-' && digits(&rest[7..11]) && rest[11] == b'-' && digits(&rest[12..])
}

/// What is wrong with an application URL, if anything: it must be https:// with a host name
/// that has a dot, and no spaces.
pub fn url_problem(text: &str) -> Option<String> {
    if text.is_empty() {
        return Some("Enter the application's production URL, starting with https://.".into());
    }
    if text.chars().any(char::is_whitespace) {
        return Some("Remove the spaces from the URL.".into());
    }
    let scheme_end = text.find("://");
    let scheme = scheme_end.map(|i| text[..i].to_ascii_lowercase());
    match scheme.as_deref() {
        Some("https") => {}
        Some("http") => return Some("Use the https:// address: the production URL must use HTTPS.".into()),
        _ => return Some("Start the URL with https://, as in https://www.agency.gov.".into()),
    }
    let rest = &text[scheme_end.unwrap_or(0) + 3..];
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.contains('@') {
        return Some("Leave out any user name or password (the part before @) from the URL.".into());
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (authority, None),
    };
    if let Some(port) = port {
        if port.is_empty() || port.len() > 5 || !port.bytes().all(|b| b.is_ascii_digit()) || port.parse::<u32>().map_or(true, |p| p == 0 || p > 65_535) {
            return Some("The port after the colon in the URL is not a number from 1 to 65535: fix it or leave it out.".into());
        }
    }
    let host_ok = host.contains('.')
        && host.split('.').all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-') && l.chars().all(|c| c.is_alphanumeric() || c == '-'));
    if !host_ok {
        return Some("The URL needs a full host name after https://, such as https://www.agency.gov.".into());
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

/// Checks the whole form. `today` is the user's local date; `level` the record's service level
/// (the identity-verification and in-person shares are required only for IAL2).
pub fn validate(form: &LaunchForm, today: Date, level: Option<Level>) -> FormErrors {
    let mut errors = FormErrors::default();
    for (field, value) in form.fields() {
        if value.chars().count() > MAX_FIELD_CHARS {
            errors.add(field, format!("This entry is longer than {} characters: shorten it.", staffing::format_count(MAX_FIELD_CHARS as f64)));
        }
    }
    let too_long = errors.fields.clone();
    let skip = |field: &str| too_long.contains_key(field);

    if !skip("application_url") {
        if let Some(p) = url_problem(&form.application_url) {
            errors.add("application_url", p);
        }
    }
    if !skip("audience") {
        if form.audience.is_empty() {
            errors.add("audience", "Choose who uses the application.");
        } else if audience_label(&form.audience).is_none() {
            errors.add("audience", "Choose one of the audiences listed.");
        }
    }
    for (field, who) in [
        ("billing_contacts", "the billing contacts"),
        ("program_contacts", "the program-management contacts"),
        ("technical_contacts", "the technical-support contacts"),
    ] {
        if skip(field) {
            continue;
        }
        let text = form.get(field).unwrap_or("");
        if split_contacts(text).is_empty() {
            errors.add(field, format!("Enter the email address of at least one of {who}; separate several with commas."));
        } else if let Err(p) = parse_email_list(text) {
            errors.add(field, p);
        }
    }
    if !skip("annual_registrations") {
        check_whole(&mut errors, &REGISTRATIONS, &form.annual_registrations, true);
    }
    if !skip("annual_authentications") {
        check_whole(&mut errors, &AUTHENTICATIONS, &form.annual_authentications, true);
    }
    if !skip("help_desk_contact") && form.help_desk_contact.trim().is_empty() {
        errors.add("help_desk_contact", "Enter how your users reach your own help desk: an email address, a web address or your help desk's phone number.");
    }
    if !skip("iaa_number") {
        if let Some(p) = iaa_problem(&form.iaa_number) {
            errors.add("iaa_number", p);
        }
    }
    let launch = Date::parse_iso(&form.launch_date);
    if !skip("launch_date") {
        if let Some(p) = launch_date_problem(&form.launch_date, today) {
            errors.add("launch_date", p);
        }
    }
    if !skip("monthly_active_users") {
        check_whole(&mut errors, &MONTHLY_USERS, &form.monthly_active_users, true);
    }
    // Seasonality is optional free text.

    if !skip("ramp") {
        match form.ramp.as_str() {
            RAMP_ALL_AT_ONCE | RAMP_PHASED => {}
            _ => errors.add("ramp", "Choose whether all users start at once or in a phased rollout."),
        }
    }
    if form.ramp == RAMP_PHASED && !skip("ramp_weeks") {
        check_whole(&mut errors, &RAMP_WEEKS, &form.ramp_weeks, true);
    }

    let recipients = if skip("announcement_recipients") { None } else { check_whole(&mut errors, &RECIPIENTS, &form.announcement_recipients, false) };
    if !skip("announcement_date") {
        if form.announcement_date.is_empty() {
            if let Some(n) = recipients.filter(|n| *n > 0) {
                errors.add(
                    "announcement_date",
                    format!("Enter the date you plan to send the announcement email to {} people, or clear the number of recipients.", staffing::format_count(n as f64)),
                );
            }
        } else {
            match Date::parse_iso(&form.announcement_date) {
                None => errors.add("announcement_date", "Enter the announcement date as a real date in the form YYYY-MM-DD, or leave it empty."),
                Some(date) => {
                    if let Some(launch) = launch.filter(|l| date > *l) {
                        errors.add(
                            "announcement_date",
                            format!("The announcement email date is after the launch date ({}): send the announcement on or before launch day.", launch.to_iso()),
                        );
                    }
                    if form.announcement_recipients.trim().is_empty() {
                        errors.add("announcement_recipients", "Enter how many people the announcement email goes to.");
                    }
                }
            }
        }
    }

    if !skip("new_user_share") {
        check_percent(&mut errors, "new_user_share", &form.new_user_share, Some("Enter the percent of your users who do not have a Login.gov account yet, from 0 to 100."));
    }
    let mut shares = Vec::new();
    for (field, (language, text)) in ["share_en", "share_es", "share_fr", "share_zh"].into_iter().zip(staffing::LANGUAGE_NAMES.into_iter().zip(form.shares())) {
        if skip(field) {
            continue;
        }
        let required = format!("Enter the percent of your users who prefer {language}, from 0 to 100 (0 if none).");
        if let Some(t) = check_percent(&mut errors, field, text, Some(&required)) {
            shares.push(t);
        }
    }
    if shares.len() == 4 {
        let total: u32 = shares.iter().sum();
        if total != 1000 {
            errors.add(
                "language_shares",
                format!("The language shares add up to {}%; they must add up to exactly 100%. Change them so they do.", tenths_text(total)),
            );
        }
    }
    if !skip("phone_published") {
        match form.phone_published.as_str() {
            "yes" | "no" => {}
            _ => errors.add("phone_published", "Choose whether any of your pages shows the Login.gov Contact Center phone number."),
        }
    }
    let ial2 = level == Some(Level::Ial2Aal2);
    if !skip("idv_share") {
        check_percent(
            &mut errors,
            "idv_share",
            &form.idv_share,
            ial2.then_some("Enter the percent of users expected to verify their identity, from 0 to 100: your service level is IAL2."),
        );
    }
    if !skip("in_person_share") {
        check_percent(
            &mut errors,
            "in_person_share",
            &form.in_person_share,
            ial2.then_some("Enter the percent of verifying users expected to verify in person at a Post Office, from 0 to 100."),
        );
    }
    errors
}

// ---------------------------------------------------------------------------------------------
// Forecast input, payload and downloads
// ---------------------------------------------------------------------------------------------

/// The forecast's input read from the form. Fields that do not parse count as 0 (no
/// announcement when either date is missing), so a half-filled form still draws a forecast.
pub fn forecast_input(form: &LaunchForm, days: u32) -> ForecastInput {
    let whole = |t: &str| parse_whole(t).unwrap_or(0);
    let percent = |t: &str| parse_percent(t).unwrap_or(0.0);
    let ramp_weeks = if form.ramp == RAMP_PHASED { whole(&form.ramp_weeks).clamp(1, 52) as u32 } else { 0 };
    let announcement_day_offset = match (Date::parse_iso(&form.announcement_date), Date::parse_iso(&form.launch_date)) {
        (Some(a), Some(l)) => Some(a.days_since_epoch() - l.days_since_epoch()),
        _ => None,
    };
    ForecastInput {
        monthly_active_users: whole(&form.monthly_active_users),
        new_user_share_pct: percent(&form.new_user_share),
        ramp_weeks,
        announcement_day_offset,
        announcement_recipients: whole(&form.announcement_recipients),
        language_shares: form.shares().map(percent),
        phone_published: form.phone_published == "yes",
        days,
    }
}

/// `schema` value of the payload.
pub const PAYLOAD_SCHEMA: &str = "login-gov-partner-launch-request";
pub const PAYLOAD_VERSION: u32 = 1;

fn number(x: f64) -> Value {
    let rounded = (x * 100.0).round() / 100.0;
    serde_json::Number::from_f64(rounded).map(Value::Number).unwrap_or(Value::Null)
}

/// The launch fields, typed, in the page's order.
fn launch_entries(form: &LaunchForm) -> Vec<(&'static str, Value)> {
    let whole = |t: &str| parse_whole(t).map(Value::from).unwrap_or(Value::Null);
    let percent = |t: &str| parse_percent(t).map(number).unwrap_or(Value::Null);
    let contacts = |t: &str| Value::from(split_contacts(t));
    vec![
        ("application_url", Value::from(form.application_url.as_str())),
        ("audience", Value::from(form.audience.as_str())),
        ("audience_label", audience_label(&form.audience).map(Value::from).unwrap_or(Value::Null)),
        ("billing_contacts", contacts(&form.billing_contacts)),
        ("annual_registrations", whole(&form.annual_registrations)),
        ("annual_authentications", whole(&form.annual_authentications)),
        ("help_desk_contact", Value::from(form.help_desk_contact.as_str())),
        ("iaa_number", Value::from(form.iaa_number.as_str())),
        ("launch_date", Date::parse_iso(&form.launch_date).map(|d| Value::from(d.to_iso())).unwrap_or(Value::Null)),
        ("monthly_active_users", whole(&form.monthly_active_users)),
        ("program_contacts", contacts(&form.program_contacts)),
        ("seasonality", Value::from(form.seasonality.as_str())),
        ("technical_contacts", contacts(&form.technical_contacts)),
        ("ramp", Value::from(form.ramp.as_str())),
        ("ramp_weeks", if form.ramp == RAMP_PHASED { whole(&form.ramp_weeks) } else { Value::Null }),
        ("announcement_date", Date::parse_iso(&form.announcement_date).map(|d| Value::from(d.to_iso())).unwrap_or(Value::Null)),
        ("announcement_recipients", whole(&form.announcement_recipients)),
        ("new_user_share", percent(&form.new_user_share)),
        ("share_en", percent(&form.share_en)),
        ("share_es", percent(&form.share_es)),
        ("share_fr", percent(&form.share_fr)),
        ("share_zh", percent(&form.share_zh)),
        (
            "phone_published",
            match form.phone_published.as_str() {
                "yes" => Value::Bool(true),
                "no" => Value::Bool(false),
                _ => Value::Null,
            },
        ),
        ("idv_share", percent(&form.idv_share)),
        ("in_person_share", percent(&form.in_person_share)),
    ]
}

fn forecast_entries(forecast: &Forecast, launch: Option<Date>) -> Vec<(&'static str, Value)> {
    let date_of = |day: i64| launch.map(|l| Value::from(l.add_days(day).to_iso())).unwrap_or(Value::Null);
    vec![
        ("days", Value::from(forecast.daily.len())),
        ("first_day", forecast.daily.first().map(|d| Value::from(d.day)).unwrap_or(Value::Null)),
        ("steady_contacts_per_day", number(forecast.steady_contacts_per_day)),
        ("surge_contacts", number(forecast.surge_contacts)),
        ("announcement_contacts", number(forecast.announcement_contacts)),
        ("total_contacts", number(forecast.total_contacts)),
        ("total_phone", number(forecast.total_phone)),
        ("total_phone_if_published", number(forecast.total_phone_if_published)),
        ("peak_day", Value::from(forecast.peak_day)),
        ("peak_date", date_of(forecast.peak_day)),
        ("peak_contacts", number(forecast.peak_contacts)),
        ("peak_phone_calls", number(forecast.peak_phone_calls)),
        ("peak_phone_calls_if_published", number(forecast.peak_phone_calls_if_published)),
        ("peak_interval_calls", number(forecast.peak_interval_calls)),
        ("peak_interval_calls_if_published", number(forecast.peak_interval_calls_if_published)),
        ("peak_load_erlangs", number(forecast.peak_load_erlangs)),
        ("peak_phone_agents", Value::from(forecast.phone_agents)),
        ("scheduled_agents", Value::from(forecast.scheduled_agents)),
        ("peak_phone_agents_if_published", Value::from(forecast.phone_agents_if_published)),
        ("scheduled_agents_if_published", Value::from(forecast.scheduled_agents_if_published)),
        ("achieved_service_level", number(forecast.achieved_service_level * 100.0)),
        ("average_speed_of_answer_s", number(forecast.average_speed_of_answer_s)),
        ("form_cases_total", number(forecast.form_cases_total)),
        ("form_cases_per_business_day", number(forecast.form_backlog_per_day)),
        ("summary", Value::from(forecast.summary.as_str())),
    ]
}

fn day_entries(day: &staffing::DayForecast, launch: Option<Date>) -> Vec<(&'static str, Value)> {
    let mut entries = vec![
        ("day", Value::from(day.day)),
        ("date", launch.map(|l| Value::from(l.add_days(day.day).to_iso())).unwrap_or(Value::Null)),
        ("contacts", number(day.contacts)),
        ("phone", number(day.phone)),
        ("form", number(day.form)),
        ("phone_if_published", number(day.phone_if_published)),
        ("form_if_published", number(day.form_if_published)),
    ];
    for (key, value) in ["contacts_en", "contacts_es", "contacts_fr", "contacts_zh"].into_iter().zip(day.by_language) {
        entries.push((key, number(value)));
    }
    entries
}

fn object(entries: Vec<(&'static str, Value)>) -> Value {
    Value::Object(entries.into_iter().map(|(k, v)| (k.to_string(), v)).collect::<Map<String, Value>>())
}

fn header_entries(record: &ReadinessRecord, idempotency_key: &str) -> Vec<(&'static str, Value)> {
    vec![
        ("schema", Value::from(PAYLOAD_SCHEMA)),
        ("version", Value::from(PAYLOAD_VERSION)),
        ("idempotency_key", Value::from(idempotency_key)),
        ("agency", Value::from(record.profile.agency.as_str())),
        ("application", Value::from(record.profile.application.as_str())),
        ("service_level", record.level().map(|l| Value::from(l.id())).unwrap_or(Value::Null)),
    ]
}

/// The JSON submitted to the endpoint and offered as a download. Schema, version 1:
///
/// ```text
/// {
///   "schema": "login-gov-partner-launch-request",
///   "version": 1,
///   "idempotency_key": "32 hex characters, the same on every retry",
///   "agency": string, "application": string,
///   "service_level": "ial1-aal2" | "ial2-aal2" | null,
///   "launch": {
///     "application_url", "audience" (id), "audience_label", "help_desk_contact",
///     "iaa_number", "seasonality", "ramp" ("all-at-once" | "phased"): strings as typed;
///     "launch_date", "announcement_date": "YYYY-MM-DD" or null;
///     "billing_contacts", "program_contacts", "technical_contacts": arrays of strings;
///     "annual_registrations", "annual_authentications", "monthly_active_users",
///     "announcement_recipients", "ramp_weeks" (null unless phased): integers or null;
///     "new_user_share", "share_en", "share_es", "share_fr", "share_zh", "idv_share",
///     "in_person_share": percents (0–100) or null;
///     "phone_published": boolean or null
///   },
///   "assumptions": { one number per `staffing::ASSUMPTIONS` key },
///   "forecast": {
///     "days", "first_day", "steady_contacts_per_day", "surge_contacts",
///     "announcement_contacts", "total_contacts", "total_phone", "total_phone_if_published",
///     "peak_day" (days from launch), "peak_date", "peak_contacts", "peak_phone_calls",
///     "peak_phone_calls_if_published", "peak_interval_calls", "peak_interval_calls_if_published",
///     "peak_load_erlangs", "peak_phone_agents", "scheduled_agents",
///     "peak_phone_agents_if_published", "scheduled_agents_if_published",
///     "achieved_service_level" (percent), "average_speed_of_answer_s", "form_cases_total",
///     "form_cases_per_business_day", "summary",
///     "daily": [{ "day", "date", "contacts", "phone", "form", "phone_if_published",
///                 "form_if_published", "contacts_en", "contacts_es", "contacts_fr",
///                 "contacts_zh" }]
///   }
/// }
/// ```
///
/// Contact figures are expected values rounded to 2 decimals. Call it with a validated form;
/// a number that does not parse is sent as null.
pub fn payload(form: &LaunchForm, record: &ReadinessRecord, assumptions: &Assumptions, forecast: &Forecast, idempotency_key: &str) -> Value {
    let launch = Date::parse_iso(&form.launch_date);
    let mut entries = header_entries(record, idempotency_key);
    entries.push(("launch", object(launch_entries(form))));
    entries.push(("assumptions", object(assumption_entries(assumptions))));
    let mut forecast_object = forecast_entries(forecast, launch);
    forecast_object.push(("daily", Value::Array(forecast.daily.iter().map(|d| object(day_entries(d, launch))).collect())));
    entries.push(("forecast", object(forecast_object)));
    object(entries)
}

fn assumption_entries(a: &Assumptions) -> Vec<(&'static str, Value)> {
    ASSUMPTIONS.iter().map(|s| (s.key, a.get(s.key).map(number).unwrap_or(Value::Null))).collect()
}

fn cell_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Bool(true) => "yes".into(),
        Value::Bool(false) => "no".into(),
        Value::Number(n) => match n.as_f64() {
            Some(x) if n.is_f64() && x.fract() == 0.0 && x.abs() < 1e15 => format!("{}", x as i64),
            _ => n.to_string(),
        },
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(cell_text).collect::<Vec<_>>().join("; "),
        Value::Object(_) => value.to_string(),
    }
}

/// The submission as a two-column CSV (`field`, `value`), in the payload's order: the header
/// fields, `launch.*`, `assumptions.*`, `forecast.*` and one row per figure per day
/// (`forecast.day[N].contacts`, N days from launch). Every cell is quoted and neutralised
/// against formulas; CRLF line ends.
pub fn submission_csv(form: &LaunchForm, record: &ReadinessRecord, assumptions: &Assumptions, forecast: &Forecast, idempotency_key: &str) -> String {
    let launch = Date::parse_iso(&form.launch_date);
    let mut rows: Vec<(String, Value)> = header_entries(record, idempotency_key).into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    rows.extend(launch_entries(form).into_iter().map(|(k, v)| (format!("launch.{k}"), v)));
    rows.extend(assumption_entries(assumptions).into_iter().map(|(k, v)| (format!("assumptions.{k}"), v)));
    rows.extend(forecast_entries(forecast, launch).into_iter().map(|(k, v)| (format!("forecast.{k}"), v)));
    for day in &forecast.daily {
        for (k, v) in day_entries(day, launch).into_iter().skip(1) {
            rows.push((format!("forecast.day[{}].{k}", day.day), v));
        }
    }
    let mut out = format!("{},{}\r\n", csv_cell("field"), csv_cell("value"));
    for (field, value) in rows {
        out.push_str(&format!("{},{}\r\n", csv_cell(&field), csv_cell(&cell_text(&value))));
    }
    out
}

/// Form field for each Partner Portal field id in `launch.json`, in the portal's order.
pub const PORTAL_FIELDS: [(&str, &str, &str); 12] = [
    ("lf-application-url", "application_url", "Application URL"),
    ("lf-audience", "audience", "Audience"),
    ("lf-billing-contacts", "billing_contacts", "Billing contacts"),
    ("lf-annual-registrations", "annual_registrations", "Estimated annual registrations"),
    ("lf-annual-authentications", "annual_authentications", "Estimated annual authentications"),
    ("lf-help-desk-contact", "help_desk_contact", "Help-desk contact information"),
    ("lf-iaa-number", "iaa_number", "IAA number"),
    ("lf-launch-date", "launch_date", "Desired launch date"),
    ("lf-monthly-active-users", "monthly_active_users", "Monthly active users"),
    ("lf-program-contacts", "program_contacts", "Program-management contacts"),
    ("lf-seasonality", "seasonality", "Seasonality of usage"),
    ("lf-technical-contacts", "technical_contacts", "Technical-support contacts"),
];

const NOT_GIVEN: &str = "(not given)";

/// Everything a text viewer may take for a line break: LF, CR (alone or before LF), vertical tab,
/// form feed, next line, and the Unicode line and paragraph separators.
const LINE_BREAKS: [char; 7] = ['\n', '\r', '\u{0b}', '\u{0c}', '\u{85}', '\u{2028}', '\u{2029}'];

/// A value on one "Label: value" line; further lines of multi-line text are indented, whatever
/// breaks them, so typed text cannot start a line of its own.
fn text_value(text: &str) -> String {
    let text = text.trim().replace("\r\n", "\n");
    let lines: Vec<&str> = if text.is_empty() { Vec::new() } else { text.split(LINE_BREAKS).map(str::trim_end).collect() };
    if lines.is_empty() {
        NOT_GIVEN.to_string()
    } else {
        lines.join("\n  ")
    }
}

/// A plain-text block laid out like the Partner Portal's launch request, to paste into it or
/// a ticket: agency, application name and service level (which the portal fills in) first,
/// then one "Label: value" line per portal field in the portal's order, with the labels of
/// `launch.json`. Values are as typed; contact lists are joined with ", "; audience by label.
pub fn launch_request_text(form: &LaunchForm, record: &ReadinessRecord) -> String {
    let labels = &content().launch.portal_fields;
    let mut out = String::new();
    out.push_str(&format!("Agency: {}\n", text_value(&record.profile.agency)));
    out.push_str(&format!("Application name: {}\n", text_value(&record.profile.application)));
    out.push_str(&format!("Service level: {}\n", record.level().map(|l| l.name()).unwrap_or(NOT_GIVEN)));
    for (id, field, fallback) in PORTAL_FIELDS {
        let label = labels.iter().find(|f| f.id == id).map(|f| f.label.as_str()).unwrap_or(fallback);
        let raw = form.get(field).unwrap_or("");
        let value = match field {
            "audience" => audience_label(raw).map(str::to_string).unwrap_or_else(|| text_value(raw)),
            "billing_contacts" | "program_contacts" | "technical_contacts" => {
                let list = split_contacts(raw);
                if list.is_empty() {
                    NOT_GIVEN.to_string()
                } else {
                    list.join(", ")
                }
            }
            _ => text_value(raw),
        };
        out.push_str(&format!("{label}: {value}\n"));
    }
    out
}

/// Escapes iCalendar TEXT (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks;
/// other control characters cannot appear in TEXT and are left out.
pub fn ics_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
    for c in normalised.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character;
/// continuation lines start with a space. Ends with CRLF.
pub fn ics_fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
    out
}

fn ics_compact(date: Date) -> String {
    format!("{:04}{:02}{:02}", date.year, date.month, date.day)
}

/// An iCalendar file with one all-day event on the launch date; `None` when the launch date
/// is not a valid date. `dtstamp_utc` is the creation time as `YYYYMMDDTHHMMSSZ`; `uid` a
/// unique id such as `<idempotency key>@readiness-portal`.
pub fn ics(form: &LaunchForm, record: &ReadinessRecord, dtstamp_utc: &str, uid: &str) -> Option<String> {
    let date = Date::parse_iso(&form.launch_date)?;
    let application = record.profile.application.trim();
    let summary = if application.is_empty() { "Login.gov launch".to_string() } else { format!("Login.gov launch: {application}") };
    let mut description = String::new();
    let agency = record.profile.agency.trim();
    description.push_str(&format!(
        "Planned production launch of {}{} with Login.gov.\n",
        if application.is_empty() { "the application" } else { application },
        if agency.is_empty() { String::new() } else { format!(" ({agency})") }
    ));
    if let Some(level) = record.level() {
        description.push_str(&format!("Service level: {}.\n", level.name()));
    }
    if !form.application_url.is_empty() {
        description.push_str(&format!("Application URL: {}\n", form.application_url));
    }
    if !form.iaa_number.is_empty() {
        description.push_str(&format!("IAA number: {}\n", form.iaa_number));
    }
    description.push_str(
        "Submit the launch request to Login.gov at least 14 days before this date (3 weeks if you use push-notification URLs). \
         Login.gov deploys to production on Tuesdays and Thursdays.",
    );
    let plain = |s: &str| s.chars().filter(|c| !c.is_control()).collect::<String>();
    let lines = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Login.gov partner readiness portal//Launch date//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", plain(uid)),
        format!("DTSTAMP:{}", plain(dtstamp_utc)),
        format!("DTSTART;VALUE=DATE:{}", ics_compact(date)),
        format!("DTEND;VALUE=DATE:{}", ics_compact(date.add_days(1))),
        format!("SUMMARY:{}", ics_text(&summary)),
        format!("DESCRIPTION:{}", ics_text(&description)),
        "TRANSP:TRANSPARENT".to_string(),
        "END:VEVENT".to_string(),
        "END:VCALENDAR".to_string(),
    ];
    Some(lines.iter().map(|l| ics_fold(l)).collect())
}

/// `launch-request-<agency>-<application>-<date>.<extension>`, skipping empty parts.
pub fn submission_file_name(record: &ReadinessRecord, date_iso: &str, extension: &str) -> String {
    let parts: Vec<String> = ["launch-request".to_string(), file_slug(&record.profile.agency), file_slug(&record.profile.application), file_slug(date_iso)]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    format!("{}.{extension}", parts.join("-"))
}

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A 32-character lowercase hex idempotency key from random bits supplied by the caller.
/// Deterministic: the same seed gives the same key; different seeds give different keys.
pub fn new_idempotency_key(seed: u64) -> String {
    let mut state = seed;
    let high = splitmix64(&mut state);
    let low = splitmix64(&mut state);
    format!("{high:016x}{low:016x}")
}

/// A submission that has not reached the endpoint yet. It keeps its payload (and so its
/// idempotency key) unchanged across retries.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OutboxEntry {
    pub idempotency_key: String,
    pub payload: Value,
    /// When it was first submitted (ISO 8601, UTC).
    pub queued_at: String,
    pub attempts: u32,
    /// The last failure in plain words (timeout, network error, HTTP status).
    pub last_error: String,
}

/// Proof that a submission went through, or was saved locally when no endpoint is configured.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Receipt {
    pub idempotency_key: String,
    /// When it was accepted (ISO 8601, UTC).
    pub at: String,
    /// The server's id for the submission, if it gave one.
    pub server_id: Option<String>,
    /// False when there is no endpoint and the submission was only saved in the browser.
    pub sent: bool,
}

/// Wait before automatic retry number `attempts` (1 = after the first failure): 2 s doubling
/// each time, at most 5 minutes.
pub fn retry_delay_ms(attempts: u32) -> u64 {
    let doubling = 1u64 << attempts.saturating_sub(1).min(20);
    (2_000 * doubling).min(300_000)
}

/// The payload's launch block as JSON, for places that only need the form (drafts, tests).
pub fn launch_json(form: &LaunchForm) -> Value {
    object(launch_entries(form))
}

#[cfg(test)]
mod set_tests {
    use super::*;

    #[test]
    fn every_field_in_form_order_can_be_set_and_read_back() {
        let mut form = LaunchForm::default();
        for field in FIELD_ORDER.iter().filter(|f| **f != "language_shares") {
            assert!(form.set(field, format!("value of {field}")), "{field}");
            assert_eq!(form.get(field), Some(format!("value of {field}").as_str()));
        }
        assert!(!form.set("nope", String::new()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iaa_example_from_the_facts() {
        assert!(is_iaa_number("LGABCFY210001-0001-0000"));
        assert!(!is_iaa_number("LGABFY210001-0001-0000"));
        assert!(!is_iaa_number("LG\u{e9}ABCFY210001-0001-0000"));
    }

    #[test]
    fn whole_numbers() {
        assert_eq!(parse_whole("12,000"), Ok(12_000));
        assert!(parse_whole("1,2000").is_err());
    }

    #[test]
    fn json_helpers() {
        assert_eq!(Value::Null, number(f64::NAN));
    }
}
