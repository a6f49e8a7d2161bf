//! A content checker for agencies' draft help pages, FAQs and emails: the text or HTML is
//! pasted in, and the checker reports the Login.gov Contact Center's number in any writing
//! (which must never be published), other phone numbers, a missing link to login.gov/contact,
//! login.gov links in another language than the text, and login.gov links the portal does not
//! know.
//!
//! HTML is read into a "visible text" view: tags are dropped (block tags leave a space), entities
//! are decoded, and every visible char keeps the byte range of the original text it came from, so
//! a number split by tags or entities is found and reported with its whole original span.
//! Attribute values (`href="tel:…"`, `aria-label`, `alt`) and comments are read into a second
//! view and checked too. Everything is linear in the input's length.

use std::collections::HashSet;

use crate::phone::{find_phone_candidates_in_chars, PhoneCandidate};
use crate::vocab::Lang;

mod language;
mod links;
mod readings;
mod view;

use language::*;
use links::*;
use readings::*;
use view::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum FindingKind {
    ContactCenterNumber,
    OtherPhoneNumber,
    NoContactLink,
    LanguageMismatch,
    UnknownLoginGovLink,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub kind: FindingKind,
    pub severity: Severity,
    /// Byte offsets into the original input; 0, 0 for findings about the whole text.
    pub start: usize,
    pub end: usize,
    /// 1-based line of `start` in the original input; 0 for findings about the whole text.
    pub line: usize,
    /// The original text `start..end`, tags and entities included; empty for whole-text findings.
    pub excerpt: String,
    /// What is wrong, in plain words.
    pub message: String,
    /// What to do instead.
    pub fix: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScanReport {
    /// Ordered by `start`.
    pub findings: Vec<Finding>,
    /// The text's language, when it can be told.
    pub language: Option<Lang>,
    /// Where the language came from: the HTML's own `lang` attribute, or the words.
    pub language_from_markup: bool,
    /// The text links to login.gov/contact (in any language).
    pub links_to_contact: bool,
    /// The text links to login.gov/help (in any language).
    pub links_to_help: bool,
}

impl ScanReport {
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    pub fn notes(&self) -> usize {
        self.count(Severity::Info)
    }

    /// "1 warning and 2 notes", "no warnings or notes": the counts in words, singular where one.
    pub fn warnings_and_notes(&self) -> String {
        let plural = |n: usize, one: &str, many: &str| if n == 1 { format!("1 {one}") } else { format!("{n} {many}") };
        match (self.warnings(), self.notes()) {
            (0, 0) => "No warnings or notes".to_string(),
            (w, 0) => plural(w, "warning", "warnings"),
            (0, n) => plural(n, "note", "notes"),
            (w, n) => format!("{} and {}", plural(w, "warning", "warnings"), plural(n, "note", "notes")),
        }
    }

    /// The findings to show, with identical ones (same kind, text, excerpt and advice) grouped
    /// into one with every line they occur on, most important first as in
    /// [`most_important`](Self::most_important); at most `limit` groups.
    pub fn grouped(&self, limit: usize) -> Vec<FindingGroup> {
        let mut groups: Vec<FindingGroup> = Vec::new();
        // Keyed by what makes findings identical, so a paste with thousands stays quick.
        let mut index: std::collections::BTreeMap<(FindingKind, &str, &str, Option<&str>), usize> = std::collections::BTreeMap::new();
        for finding in [Severity::Error, Severity::Warning, Severity::Info]
            .into_iter()
            .flat_map(|severity| self.findings.iter().filter(move |f| f.severity == severity))
        {
            let key = (finding.kind, finding.message.as_str(), finding.excerpt.as_str(), finding.fix.as_deref());
            match index.get(&key).map(|&i| &mut groups[i]) {
                Some(group) => {
                    group.count += 1;
                    if finding.line > 0 && group.lines.last() != Some(&finding.line) {
                        group.lines.push(finding.line);
                    }
                }
                None => {
                    index.insert(key, groups.len());
                    groups.push(FindingGroup {
                        first: finding.clone(),
                        count: 1,
                        lines: (finding.line > 0).then_some(finding.line).into_iter().collect(),
                    });
                }
            }
        }
        groups.truncate(limit);
        groups
    }

    /// No errors (warnings and notes may remain).
    pub fn is_clean(&self) -> bool {
        self.errors() == 0
    }

    /// At most `limit` findings to show: errors first, then warnings, then notes, each group in
    /// the order it appears in the text. A long paste full of ordinary numbers must not push a
    /// Contact Center number out of the list.
    pub fn most_important(&self, limit: usize) -> Vec<&Finding> {
        [Severity::Error, Severity::Warning, Severity::Info]
            .into_iter()
            .flat_map(|severity| self.findings.iter().filter(move |f| f.severity == severity))
            .take(limit)
            .collect()
    }

    fn count(&self, severity: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == severity).count()
    }
}

/// Identical findings shown once: the first, how many there are, and the lines they are on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FindingGroup {
    pub first: Finding,
    pub count: usize,
    /// Distinct lines, in order; empty for findings about the whole text.
    pub lines: Vec<usize>,
}

impl FindingGroup {
    /// "Line 4: ", "Lines 4, 9 and 12: ", or "Lines 4, 9, 12 and 167 more: " for long lists.
    pub fn place(&self) -> Option<String> {
        const SHOWN: usize = 5;
        match self.lines.as_slice() {
            [] => None,
            [one] => Some(format!("Line {one}: ")),
            lines if lines.len() <= SHOWN => {
                let (last, rest) = lines.split_last().expect("two or more");
                Some(format!("Lines {} and {last}: ", rest.iter().map(|l| l.to_string()).collect::<Vec<_>>().join(", ")))
            }
            lines => Some(format!(
                "Lines {} and {} more: ",
                lines[..SHOWN].iter().map(|l| l.to_string()).collect::<Vec<_>>().join(", "),
                lines.len() - SHOWN
            )),
        }
    }
}

/// The language the HTML says it is in: the first `lang` attribute the portal has a language
/// for (`lang="es"`, `lang='zh-Hans'`, `LANG=fr-CA`).
fn declared_language(input: &str) -> Option<Lang> {
    let lower = input.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut from = 0;
    while let Some(found) = lower[from..].find("lang") {
        let at = from + found;
        from = at + 4;
        // An attribute: preceded by whitespace inside a tag, followed by `=`.
        let before_ok = at > 0 && (bytes[at - 1].is_ascii_whitespace());
        let rest = lower[at + 4..].trim_start();
        let Some(value) = rest.strip_prefix('=') else { continue };
        if !before_ok || lower[..at].rfind('<').is_none_or(|open| lower[..at].rfind('>').is_some_and(|close| close >= open)) {
            continue;
        }
        let value = value.trim_start();
        let value = value.trim_start_matches(['"', '\'']);
        let code: String = value.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
        let primary = code.split('-').next().unwrap_or_default();
        if let Some(lang) = Lang::from_id(primary) {
            return Some(lang);
        }
    }
    None
}

/// Checks pasted text or HTML. `known_links` are the login.gov URLs the portal bundles
/// (`content().support.links`); the site root always counts as known. Text that is empty or
/// only whitespace gives an empty report.
pub fn scan(input: &str, known_links: &[&str]) -> ScanReport {
    let mut report = ScanReport::default();
    if input.trim().is_empty() {
        return report;
    }
    let view = View::read(input);
    let lines = LineIndex::new(input);
    // The HTML's own lang attribute wins: short text is too little to tell by its words.
    let declared = declared_language(input);
    let language = declared.or_else(|| detect_language(&view.text.chars));
    report.language = language;
    report.language_from_markup = declared.is_some();
    let contact_url = contact_url_for(known_links, language.unwrap_or(Lang::En));
    let help_url = localized_url(known_links, Target::Help, language.unwrap_or(Lang::En));
    let mut findings = Vec::new();

    for stream in [&view.text, &view.attributes] {
        for candidate in find_phone_candidates_in_chars(&stream.chars) {
            findings.push(phone_finding(input, &lines, stream, &candidate, &contact_url));
        }
        // The Contact Center's number written with words or letters for its digits; only that
        // number is looked for this way, and only where the digits did not already show it.
        for reading in [Reading::DigitWords, Reading::Keypad] {
            let Some(alternate) = stream.read_as(reading) else { continue };
            for candidate in find_phone_candidates_in_chars(&alternate.chars) {
                if !candidate.is_contact_center() {
                    continue;
                }
                let finding = phone_finding(input, &lines, &alternate, &candidate, &contact_url);
                let seen = findings.iter().any(|f| f.kind == FindingKind::ContactCenterNumber && f.start < finding.end && finding.start < f.end);
                if !seen {
                    findings.push(finding);
                }
            }
        }
    }

    let known: HashSet<String> = known_links.iter().filter_map(|url| normalize(url)).chain(std::iter::once(format!("https://{HOST}/"))).collect();
    for link in find_login_gov_links(input) {
        if link.target == Some(Target::Contact) {
            report.links_to_contact = true;
        }
        if link.target == Some(Target::Help) {
            report.links_to_help = true;
        }
        let excerpt = input.get(link.start..link.end).unwrap_or_default().to_string();
        if let (Some(text_lang), Some(target)) = (language, link.target) {
            if link.lang != text_lang {
                let url = localized_url(known_links, target, text_lang);
                findings.push(Finding {
                    kind: FindingKind::LanguageMismatch,
                    severity: Severity::Warning,
                    start: link.start,
                    end: link.end,
                    line: lines.line_of(link.start),
                    excerpt: excerpt.clone(),
                    message: format!("This Login.gov link goes to the {} page, but the text is in {}.", link.lang.label(), text_lang.label()),
                    fix: Some(format!("Link to the {} page instead: {url}", text_lang.label())),
                });
            }
        }
        if !known.contains(&link.normalized) {
            findings.push(Finding {
                kind: FindingKind::UnknownLoginGovLink,
                severity: Severity::Warning,
                start: link.start,
                end: link.end,
                line: lines.line_of(link.start),
                excerpt,
                message:
                    "This login.gov address is not one of the Login.gov links the portal knows. Check that the page exists and is the one you mean."
                        .to_string(),
                fix: Some(format!("Use a known Login.gov link, such as the contact page {contact_url} or the help center {help_url}.")),
            });
        }
    }

    if !report.links_to_contact {
        findings.push(Finding {
            kind: FindingKind::NoContactLink,
            severity: Severity::Warning,
            start: 0,
            end: 0,
            line: 0,
            excerpt: String::new(),
            message: "The text does not link to the Login.gov contact page, where users get help with their Login.gov account.".to_string(),
            fix: Some(format!("Add a link to {contact_url} for questions about Login.gov accounts.")),
        });
    }

    findings.sort_by_key(|f| f.start);
    report.findings = findings;
    report
}

fn phone_finding(input: &str, lines: &LineIndex, stream: &Stream, candidate: &PhoneCandidate, contact_url: &str) -> Finding {
    let start = stream.ranges[candidate.start].0;
    let end = stream.ranges[candidate.end - 1].1.max(start);
    let excerpt = input.get(start..end).unwrap_or_default().to_string();
    let line = lines.line_of(start);
    if candidate.is_contact_center() {
        Finding {
            kind: FindingKind::ContactCenterNumber,
            severity: Severity::Error,
            start,
            end,
            line,
            excerpt,
            message: "This is the Login.gov Contact Center's phone number. Agencies must not publish it: Contact Center staffing assumes users reach the contact page first, and a published number brings more calls than it can answer.".to_string(),
            fix: Some(format!("Remove the number and link to {contact_url} instead; users find the number there.")),
        }
    } else {
        Finding {
            kind: FindingKind::OtherPhoneNumber,
            severity: Severity::Info,
            start,
            end,
            line,
            excerpt,
            message: "A phone number that is not Login.gov's. Publishing your agency's own help-desk number is fine.".to_string(),
            fix: None,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Lines

/// Byte offsets of every line start, for 1-based line numbers by binary search.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(input: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(input.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_text_drops_tags_and_decodes_entities() {
        let input = "<p class=\"a>b\">x&nbsp;y</p>a < b &amp; c<br/>d";
        let view = View::read(input);
        let text: String = view.text.chars.iter().collect();
        assert_eq!(text, " x\u{a0}y a < b & c d");
        let attributes: String = view.attributes.chars.iter().collect();
        // Attribute names are checked as well as values: after a stray `<` they may be words.
        assert_eq!(attributes, "class\na>b\n");
    }

    #[test]
    fn unterminated_markup_is_text() {
        let view = View::read("<a href=\"x>tail");
        let text: String = view.text.chars.iter().collect();
        assert_eq!(text, "tail");
        let view = View::read("1 <b 2");
        let text: String = view.text.chars.iter().collect();
        assert_eq!(text, "1 <b 2");
    }

    #[test]
    fn parses_login_gov_addresses() {
        let links = find_login_gov_links("See https://www.login.gov/es/contact?agency=x, developers.login.gov/oidc and login.gov/help.");
        assert_eq!(links.len(), 2);
        assert_eq!(links[0].normalized, "https://login.gov/es/contact/");
        assert_eq!(links[0].lang, Lang::Es);
        assert_eq!(links[0].target, Some(Target::Contact));
        assert_eq!(links[1].normalized, "https://login.gov/help/");
    }

    #[test]
    fn line_numbers() {
        let lines = LineIndex::new("a\nb\n\nc");
        assert_eq!([0, 1, 2, 3, 4, 5].map(|o| lines.line_of(o)), [1, 1, 2, 2, 3, 4]);
    }
}
