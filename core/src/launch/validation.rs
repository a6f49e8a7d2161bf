//! Checking the launch form: what stops the request (errors) and what the partner should know
//! but may send anyway (warnings), each a plain sentence that names its field. Nothing here
//! rewrites what was typed; numbers are parsed wherever they are used, with these functions.

use std::collections::BTreeMap;

use crate::dates::Date;
use crate::phone::find_phone_candidates;
use crate::text::MAX_FIELD_CHARS;
use crate::vocab::Level;
use crate::text::format_count;

use super::fields::{choice_label, LaunchField, LaunchForm, RAMP_PHASED, YES};
use super::schedule::{check_deploy_date, check_user_launch_date};

/// What is wrong with the form, and what is worth a second look, by field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormProblems {
    /// Problems that stop the request from being submitted.
    pub errors: BTreeMap<LaunchField, String>,
    /// Shown like errors, next to their field, but they do not stop the request.
    pub warnings: BTreeMap<LaunchField, String>,
}

impl FormProblems {
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn error(&self, field: LaunchField) -> Option<&str> {
        self.errors.get(&field).map(String::as_str)
    }

    pub fn warning(&self, field: LaunchField) -> Option<&str> {
        self.warnings.get(&field).map(String::as_str)
    }

    /// The errors in the order the page shows the fields, for the summary at the top.
    pub fn errors_in_form_order(&self) -> Vec<(LaunchField, &str)> {
        // The enum's order is the page's order, so the map's order already is.
        self.errors.iter().map(|(f, m)| (*f, m.as_str())).collect()
    }

    pub fn warnings_in_form_order(&self) -> Vec<(LaunchField, &str)> {
        self.warnings.iter().map(|(f, m)| (*f, m.as_str())).collect()
    }

    fn add(&mut self, field: LaunchField, message: impl Into<String>) {
        self.errors.entry(field).or_insert_with(|| message.into());
    }

    fn warn(&mut self, field: LaunchField, message: impl Into<String>) {
        self.warnings.entry(field).or_insert_with(|| message.into());
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

    /// The same problem, said of a named field.
    fn about(self, noun: &str) -> String {
        match self {
            WholeError::Empty => format!("Enter {noun}."),
            WholeError::Negative => format!("Enter {noun} as zero or more, not a negative number."),
            WholeError::Decimal => format!("Enter {noun} as a whole number, without decimals."),
            WholeError::Commas => format!("In {noun}, put commas only between groups of three digits, as in 12,000, or leave them out."),
            WholeError::NotDigits => format!("Enter {noun} in digits only, such as 12000 or 12,000."),
            WholeError::TooLarge => format!("The number for {noun} is too large."),
        }
    }
}

/// A whole, non-negative number as typed ("12000" or "12,000"); the error says what is wrong.
pub fn parse_whole(text: &str) -> Result<u64, String> {
    parse_whole_inner(text).map_err(|e| e.message().to_string())
}

/// How a field is named inside a sentence ("Enter the monthly active users …").
pub fn noun(field: LaunchField) -> &'static str {
    use LaunchField::*;
    match field {
        ApplicationUrl => "the application URL",
        Audience => "the audience",
        IaaNumber => "the agreement number",
        PushNotifications => "whether you use push-notification URLs",
        DeployDate => "the deploy date",
        UserLaunchDate => "the launch date",
        Seasonality => "the seasonality of usage",
        MonthlyActiveUsers => "the monthly active users",
        AnnualRegistrations => "the estimated annual registrations",
        AnnualAuthentications => "the estimated annual authentications",
        ProgramContacts => "the program-management contacts",
        TechnicalContacts => "the technical-support contacts",
        BillingContacts => "the billing contacts",
        HelpDeskPhone => "your help desk's phone number",
        HelpDeskEmail => "your help desk's email address",
        HelpDeskOther => "the other help-desk information",
        Ramp => "the rollout",
        RampWeeks => "the number of weeks the rollout lasts",
        AnnouncementDate => "the announcement date",
        AnnouncementRecipients => "the number of announcement recipients",
        NewUserShare => "the share of users new to Login.gov",
        ShareEn => "the share of users who prefer English",
        ShareEs => "the share of users who prefer Spanish",
        ShareFr => "the share of users who prefer French",
        ShareZh => "the share of users who prefer Chinese",
        PhonePublished => "whether a page shows the Contact Center number",
        IdvShare => "the identity verification share",
        InPersonShare => "the in-person share",
    }
}

/// The bounds of the whole-number fields.
fn whole_bounds(field: LaunchField) -> (u64, u64) {
    match field {
        LaunchField::AnnualRegistrations | LaunchField::AnnualAuthentications => (0, 500_000_000),
        LaunchField::RampWeeks => (1, 52),
        _ => (0, 100_000_000),
    }
}

fn check_whole(problems: &mut FormProblems, field: LaunchField, text: &str, required: bool) -> Option<u64> {
    let (min, max) = whole_bounds(field);
    let grouped = |n: u64| format_count(n as f64);
    let range = format!("from {} to {}", grouped(min), grouped(max));
    let noun = noun(field);
    match parse_whole_inner(text) {
        Ok(n) if n < min || n > max => {
            problems.add(field, format!("Enter {noun} as a number {range}: {} is outside that range.", text.trim()));
            None
        }
        Ok(n) => Some(n),
        Err(WholeError::Empty) if !required => None,
        Err(WholeError::Empty) => {
            problems.add(field, format!("Enter {noun}, as a whole number {range}."));
            None
        }
        Err(e) => {
            problems.add(field, format!("{} It must be {range}.", e.about(noun)));
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

    fn about(self, noun: &str) -> String {
        match self {
            PercentError::Empty => format!("Enter {noun} as a percent from 0 to 100."),
            PercentError::PercentSign => format!("For {noun}, leave out the % sign: enter just the number, such as 25."),
            PercentError::Negative => format!("Enter {noun} as a percent from 0 to 100, not a negative number."),
            PercentError::TooManyDecimals => format!("Enter {noun} with at most one decimal place, such as 12.5."),
            PercentError::NotANumber => format!("Enter {noun} as a number from 0 to 100, such as 25 or 12.5."),
            PercentError::OverHundred => format!("Enter {noun} as a percent no larger than 100."),
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

fn check_percent(problems: &mut FormProblems, field: LaunchField, text: &str, required_message: Option<&str>) -> Option<u32> {
    match parse_tenths(text) {
        Ok(t) => Some(t),
        Err(PercentError::Empty) => {
            if let Some(message) = required_message {
                problems.add(field, message);
            }
            None
        }
        Err(e) => {
            problems.add(field, e.about(noun(field)));
            None
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

/// Everything a text viewer may take for a line break: LF, CR (alone or before LF), vertical tab,
/// form feed, next line, and the Unicode line and paragraph separators.
pub const LINE_BREAKS: [char; 7] = ['\n', '\r', '\u{0b}', '\u{0c}', '\u{85}', '\u{2028}', '\u{2029}'];

/// A short, safe excerpt of user text for a message.
fn quoted(text: &str) -> String {
    let mut excerpt: String = text.chars().filter(|c| !c.is_control()).take(60).collect();
    if text.chars().count() > 60 {
        excerpt.push('…');
    }
    format!("“{excerpt}”")
}

/// Splits a list of people into one entry per person: by line breaks and semicolons (a person's
/// own line holds commas, as in "Jane Doe, Program Manager, jane@agency.gov"). Entries are
/// trimmed and empty ones skipped. No checking.
pub fn split_contacts(text: &str) -> Vec<String> {
    text.split(|c| c == ';' || LINE_BREAKS.contains(&c)).map(str::trim).filter(|e| !e.is_empty()).map(str::to_string).collect()
}

/// What is wrong with one email address, if anything.
pub fn email_problem(entry: &str) -> Option<String> {
    let q = quoted(entry);
    if entry.contains(['<', '>', '"', '(', ')', ',', ';']) {
        return Some(format!("{q}: write only the address, such as name@agency.gov."));
    }
    if entry.chars().any(char::is_whitespace) {
        return Some(format!("{q} has a space in it: write the address without spaces."));
    }
    let ats = entry.matches('@').count();
    if ats == 0 {
        return Some(format!("{q} is not an email address: it has no @."));
    }
    if ats > 1 {
        return Some(format!("{q} has more than one @."));
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

/// The words of an entry that look like an email address (they hold an @).
fn email_like_words(entry: &str) -> impl Iterator<Item = &str> {
    entry
        .split(|c: char| c.is_whitespace() || c == ',' || c == '<' || c == '>' || c == '(' || c == ')')
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | ':' | '"' | '\'')))
        .filter(|w| w.contains('@'))
}

pub const MAX_CONTACTS: usize = 10;

/// True when the text shows the Login.gov Contact Center number, in any form the checker finds.
pub fn shows_contact_center_number(text: &str) -> bool {
    find_phone_candidates(text).iter().any(|c| c.is_contact_center())
}

const CONTACT_CENTER_REFUSAL: &str = "This is the Login.gov Contact Center's number. Login.gov asks agencies never to give it out: users who call it with questions about your application cannot be helped there, and the calls overwhelm its staffing. Give your own help desk's number.";

/// Checks a list of people. Contacts are people, as the Partner Portal asks: name, title,
/// email and phone, so an entry is free text. A person without an email address is a warning.
fn check_contacts(problems: &mut FormProblems, field: LaunchField, text: &str) {
    let people = split_contacts(text);
    let noun = noun(field);
    if people.is_empty() {
        problems.add(field, format!("Enter {noun}: at least one person, with their name, title, email and phone number."));
        return;
    }
    if people.len() > MAX_CONTACTS {
        problems.add(field, format!("List at most {MAX_CONTACTS} people in {noun}; this list has {}.", people.len()));
        return;
    }
    if shows_contact_center_number(text) {
        problems.add(field, format!("In {noun}: {CONTACT_CENTER_REFUSAL}"));
        return;
    }
    for person in &people {
        if let Some(problem) = email_like_words(person).find_map(email_problem) {
            problems.add(field, format!("In {noun}, {problem}"));
            return;
        }
    }
    if let Some(person) = people.iter().find(|p| email_like_words(p).next().is_none()) {
        problems.warn(
            field,
            format!("In {noun}, {} has no email address. The launch request asks for each contact's name, title, email and phone.", quoted(person)),
        );
    }
}

/// What is wrong with the help desk's phone number, if anything: it needs at least 10 digits,
/// and it must not be the Login.gov Contact Center's.
pub fn help_desk_phone_problem(text: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if shows_contact_center_number(text) {
        return Some(CONTACT_CENTER_REFUSAL.to_string());
    }
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let allowed = text.chars().all(|c| c.is_ascii_digit() || " ()-.+x/".contains(c) || c.is_alphabetic());
    if digits < 10 || !allowed {
        return Some("Enter your help desk's phone number with its area code, for example 202-555-0100.".into());
    }
    None
}

/// Login.gov's one example of an IAA number, "LGABCFY210001-0001-0000": the GTC number
/// (LG, an agency code, FY, a fiscal year and four digits), the order number and the
/// modification number. It is an example, not a grammar: a number unlike it is only a warning.
pub fn looks_like_iaa_example(text: &str) -> bool {
    let b = text.as_bytes();
    if !b.starts_with(b"LG") {
        return false;
    }
    let letters = b[2..].iter().take_while(|c| c.is_ascii_uppercase()).count();
    let code = letters.saturating_sub(2);
    if !(1..=8).contains(&code) || &b[2 + code..2 + letters] != b"FY" {
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
        return Some("Enter the application URL: the production address, starting with https://.".into());
    }
    if text.chars().any(char::is_whitespace) {
        return Some("Remove the spaces from the application URL.".into());
    }
    let scheme_end = text.find("://");
    let scheme = scheme_end.map(|i| text[..i].to_ascii_lowercase());
    match scheme.as_deref() {
        Some("https") => {}
        Some("http") => return Some("Use the https:// address for the application URL: production URLs must use HTTPS.".into()),
        _ => return Some("Start the application URL with https://, as in https://www.agency.gov.".into()),
    }
    let rest = &text[scheme_end.unwrap_or(0) + 3..];
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.contains('@') {
        return Some("Leave out any user name or password (the part before @) from the application URL.".into());
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (authority, None),
    };
    if let Some(port) = port {
        if port.is_empty() || port.len() > 5 || !port.bytes().all(|b| b.is_ascii_digit()) || port.parse::<u32>().map_or(true, |p| p == 0 || p > 65_535) {
            return Some("The port after the colon in the application URL is not a number from 1 to 65535: fix it or leave it out.".into());
        }
    }
    let host_ok = host.contains('.')
        && host.split('.').all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-') && l.chars().all(|c| c.is_alphanumeric() || c == '-'));
    if !host_ok {
        return Some("The application URL needs a full host name after https://, such as https://www.agency.gov.".into());
    }
    None
}

// ---------------------------------------------------------------------------------------------
// The whole form
// ---------------------------------------------------------------------------------------------

/// Checks the whole form. `today` is the user's local date; `level` the record's service level
/// (the identity-verification shares are asked of levels that verify identity).
pub fn validate(form: &LaunchForm, today: Date, level: Option<Level>) -> FormProblems {
    use LaunchField::*;
    let mut problems = FormProblems::default();
    for &field in LaunchField::ALL {
        if form.get(field).chars().count() > MAX_FIELD_CHARS {
            problems.add(
                field,
                format!("Shorten {}: it is longer than {} characters.", noun(field), format_count(MAX_FIELD_CHARS as f64)),
            );
        }
    }
    let too_long = problems.errors.clone();
    let check = |field: LaunchField| !too_long.contains_key(&field);

    if check(ApplicationUrl) {
        if let Some(p) = url_problem(&form.application_url) {
            problems.add(ApplicationUrl, p);
        }
    }
    for field in [Audience, PushNotifications, Ramp, PhonePublished] {
        if !check(field) {
            continue;
        }
        let value = form.get(field);
        if value.is_empty() {
            problems.add(field, format!("Choose {}.", noun(field)));
        } else if choice_label(field, value).is_none() {
            problems.add(field, format!("Choose one of the answers listed for {}.", noun(field)));
        }
    }
    if check(IaaNumber) {
        let iaa = form.iaa_number.trim();
        if iaa.is_empty() {
            problems.add(IaaNumber, "Enter the agreement number the application is billed under, as on your signed IAA or IGCA.");
        } else if !looks_like_iaa_example(iaa) {
            problems.warn(
                IaaNumber,
                "The agreement number does not look like Login.gov's example of an IAA number, LGABCFY210001-0001-0000. Check it against your signed agreement; if it is right, you can send it as it is.",
            );
        }
    }

    let push = form.push_notifications == YES;
    if check(DeployDate) {
        let deploy = check_deploy_date(&form.deploy_date, today, push);
        if let Some(e) = deploy.error {
            problems.add(DeployDate, e);
        }
        if let Some(w) = deploy.warning {
            problems.warn(DeployDate, w);
        }
    }
    if check(UserLaunchDate) {
        let launch = check_user_launch_date(&form.user_launch_date, &form.deploy_date);
        if let Some(e) = launch.error {
            problems.add(UserLaunchDate, e);
        }
        if let Some(w) = launch.warning {
            problems.warn(UserLaunchDate, w);
        }
    }

    for field in [MonthlyActiveUsers, AnnualRegistrations, AnnualAuthentications] {
        if check(field) {
            check_whole(&mut problems, field, form.get(field), true);
        }
    }
    // Seasonality and the other help-desk information are optional free text.
    for field in [ProgramContacts, TechnicalContacts, BillingContacts] {
        if check(field) {
            check_contacts(&mut problems, field, form.get(field));
        }
    }
    if check(HelpDeskPhone) && check(HelpDeskEmail) && form.help_desk_phone.trim().is_empty() && form.help_desk_email.trim().is_empty() {
        problems.add(HelpDeskPhone, "Enter your help desk's phone number or email address, or both: the launch request asks for them.");
    }
    if check(HelpDeskPhone) {
        if let Some(p) = help_desk_phone_problem(&form.help_desk_phone) {
            problems.add(HelpDeskPhone, p);
        }
    }
    if check(HelpDeskEmail) && !form.help_desk_email.trim().is_empty() {
        if let Some(p) = email_problem(form.help_desk_email.trim()) {
            problems.add(HelpDeskEmail, format!("Your help desk's email address: {p}"));
        }
    }
    if check(HelpDeskOther) && shows_contact_center_number(&form.help_desk_other) {
        problems.add(HelpDeskOther, format!("In {}: {CONTACT_CENTER_REFUSAL}", noun(HelpDeskOther)));
    }

    if form.ramp == RAMP_PHASED && check(RampWeeks) {
        check_whole(&mut problems, RampWeeks, &form.ramp_weeks, true);
    }

    let recipients = if check(AnnouncementRecipients) { check_whole(&mut problems, AnnouncementRecipients, &form.announcement_recipients, false) } else { None };
    if check(AnnouncementDate) {
        if form.announcement_date.is_empty() {
            if let Some(n) = recipients.filter(|n| *n > 0) {
                problems.add(
                    AnnouncementDate,
                    format!("Enter the announcement date for the {} people it goes to, or clear the number of recipients.", format_count(n as f64)),
                );
            }
        } else {
            match Date::parse_iso(&form.announcement_date) {
                None => problems.add(AnnouncementDate, "Enter the announcement date as a real date in the form YYYY-MM-DD, or leave it empty."),
                Some(date) => {
                    if let Some(arrival) = Date::parse_iso(form.arrival_date()).filter(|l| date > *l) {
                        problems.add(
                            AnnouncementDate,
                            format!("The announcement date is after the launch date ({}): announce on or before the day users get access.", arrival.to_iso()),
                        );
                    }
                    if form.announcement_recipients.trim().is_empty() {
                        problems.add(AnnouncementRecipients, "Enter how many people the announcement goes to.");
                    }
                }
            }
        }
    }

    if check(NewUserShare) {
        check_percent(&mut problems, NewUserShare, &form.new_user_share, Some("Enter the share of users new to Login.gov: the percent of your users without a Login.gov account yet, from 0 to 100."));
    }
    let mut shares = Vec::new();
    for (field, text) in LaunchField::LANGUAGE_SHARES.into_iter().zip(form.shares()) {
        if !check(field) {
            continue;
        }
        let required = format!("Enter {}, from 0 to 100 (0 if none).", noun(field));
        if let Some(t) = check_percent(&mut problems, field, text, Some(&required)) {
            shares.push(t);
        }
    }
    if shares.len() == 4 {
        let total: u32 = shares.iter().sum();
        if total != 1000 {
            // Said at the first of the four, where the summary link leads.
            problems.add(
                ShareEn,
                format!("The four language shares add up to {}%; they must add up to exactly 100%. Change them so they do.", tenths_text(total)),
            );
        }
    }
    let verifies = level.is_some_and(Level::verifies_identity);
    if check(IdvShare) {
        check_percent(
            &mut problems,
            IdvShare,
            &form.idv_share,
            verifies.then_some("Enter the identity verification share: the percent of users expected to verify their identity, from 0 to 100, since your service level verifies identity."),
        );
    }
    if check(InPersonShare) {
        check_percent(
            &mut problems,
            InPersonShare,
            &form.in_person_share,
            verifies.then_some("Enter the in-person share: the percent of verifying users expected to verify in person at a Post Office, from 0 to 100."),
        );
    }
    problems
}

/// The forecast reads numbers that did not parse as 0; this keeps `staffing` free of form text.
pub(super) fn whole_or_zero(text: &str) -> u64 {
    parse_whole(text).unwrap_or(0)
}

pub(super) fn percent_or_zero(text: &str) -> f64 {
    parse_percent(text).unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_iaa_example_and_near_misses() {
        assert!(looks_like_iaa_example("LGABCFY210001-0001-0000"));
        assert!(!looks_like_iaa_example("LGABCFY210001-0001"));
        assert!(!looks_like_iaa_example("LG\u{e9}ABCFY210001-0001-0000"));
    }

    #[test]
    fn whole_numbers() {
        assert_eq!(parse_whole("12,000"), Ok(12_000));
        assert!(parse_whole("1,2000").is_err());
    }
}
