//! The launch form's text fields: people (contacts), email addresses, phone numbers, the
//! agreement number and the application URL.

use crate::phone::find_phone_candidates;

use super::fields::LaunchField;
use super::problems::{noun, FormProblems};

/// Everything a text viewer may take for a line break: LF, CR (alone or before LF), vertical tab,
/// form feed, next line, and the Unicode line and paragraph separators.
pub const LINE_BREAKS: [char; 7] = ['\n', '\r', '\u{0b}', '\u{0c}', '\u{85}', '\u{2028}', '\u{2029}'];

/// A short, safe excerpt of user text for a message.
pub(super) fn quoted(text: &str) -> String {
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
pub(super) fn email_like_words(entry: &str) -> impl Iterator<Item = &str> {
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

pub(super) const CONTACT_CENTER_REFUSAL: &str = "This is the Login.gov Contact Center's number. Login.gov asks agencies never to give it out: users who call it with questions about your application cannot be helped there, and the calls overwhelm its staffing. Give your own help desk's number.";

/// Checks a list of people. Contacts are people, as the Partner Portal asks: name, title,
/// email and phone, so an entry is free text. A person without an email address is a warning.
pub(super) fn check_contacts(problems: &mut FormProblems, field: LaunchField, text: &str) {
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
        if port.is_empty()
            || port.len() > 5
            || !port.bytes().all(|b| b.is_ascii_digit())
            || port.parse::<u32>().map_or(true, |p| p == 0 || p > 65_535)
        {
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
