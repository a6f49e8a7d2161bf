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

use super::entities;
use super::phone::{find_phone_candidates_in_chars, PhoneCandidate};
use super::vocab::Lang;

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
                    groups.push(FindingGroup { first: finding.clone(), count: 1, lines: (finding.line > 0).then_some(finding.line).into_iter().collect() });
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

    let known: HashSet<String> = known_links
        .iter()
        .filter_map(|url| normalize(url))
        .chain(std::iter::once(format!("https://{HOST}/")))
        .collect();
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
                    message: format!(
                        "This Login.gov link goes to the {} page, but the text is in {}.",
                        link.lang.label(),
                        text_lang.label()
                    ),
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
                message: "This login.gov address is not one of the Login.gov links the portal knows. Check that the page exists and is the one you mean.".to_string(),
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

// ---------------------------------------------------------------------------------------------
// The visible text view

/// Chars with the byte range of the original input each came from.
#[derive(Default)]
struct Stream {
    chars: Vec<char>,
    ranges: Vec<(usize, usize)>,
}

impl Stream {
    fn push(&mut self, c: char, start: usize, end: usize) {
        if c < '\u{00ad}' {
            self.chars.push(c);
            self.ranges.push((start, end));
            return;
        }
        // Invisible characters could hide a number inside another: they are not read.
        if is_invisible(c) {
            return;
        }
        self.chars.push(digit_value(c).map_or(c, |d| char::from(b'0' + d)));
        self.ranges.push((start, end));
    }

    fn truncate(&mut self, len: usize) {
        self.chars.truncate(len);
        self.ranges.truncate(len);
    }
}

/// Another way to read the letters of a text as digits.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// Digits written as words (English, Spanish, French) or as Chinese numerals.
    DigitWords,
    /// Words in capitals read on a phone keypad, as vanity numbers are (1-800-FLOWERS).
    Keypad,
}

/// The digit a word stands for, in English, Spanish or French.
fn digit_word(word: &[char]) -> Option<u8> {
    const WORDS: &[(&str, u8)] = &[
        ("zero", 0), ("cero", 0), ("one", 1), ("uno", 1), ("un", 1), ("two", 2), ("dos", 2), ("deux", 2), ("three", 3),
        ("tres", 3), ("trois", 3), ("four", 4), ("cuatro", 4), ("quatre", 4), ("five", 5), ("cinco", 5), ("cinq", 5),
        ("six", 6), ("seis", 6), ("seven", 7), ("siete", 7), ("sept", 7), ("eight", 8), ("ocho", 8), ("huit", 8),
        ("nine", 9), ("nueve", 9), ("neuf", 9),
    ];
    if word.len() < 2 || word.len() > 6 {
        return None;
    }
    let same = |w: &str| w.len() == word.len() && w.chars().zip(word).all(|(a, b)| a.eq_ignore_ascii_case(b));
    WORDS.iter().find(|(w, _)| same(w)).map(|&(_, d)| d)
}

/// The digit a Chinese numeral stands for. (A match, not a search: it runs for every character.)
fn chinese_digit(c: char) -> Option<u8> {
    match c {
        '〇' | '零' => Some(0),
        '一' => Some(1),
        '二' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    }
}

/// The key a letter is on.
fn keypad_digit(letter: u8) -> u8 {
    const KEYS: &[u8; 26] = b"22233344455566677778889999";
    KEYS[usize::from(letter.to_ascii_uppercase() - b'A')] - b'0'
}

impl Stream {
    /// The text read another way, or None when that reading changes nothing. Nothing is copied
    /// until the first change, so text without such words costs one pass and no allocation.
    fn read_as(&self, reading: Reading) -> Option<Stream> {
        let n = self.chars.len();
        let mut out: Option<Stream> = None;
        let mut i = 0;
        while i < n {
            let c = self.chars[i];
            // Most characters start no reading: copy them (once copying has begun) and go on.
            let may_start = match reading {
                Reading::DigitWords => c.is_ascii_alphabetic() || (c >= '\u{3007}' && chinese_digit(c).is_some()),
                Reading::Keypad => c.is_ascii_uppercase(),
            };
            if !may_start {
                // Up to the next character that may start a reading, past the rest of a word.
                let in_word = c.is_ascii_alphabetic();
                let end = self.chars[i + 1..].iter().position(|&c| match reading {
                    _ if in_word => !c.is_ascii_alphabetic(),
                    Reading::DigitWords => c.is_ascii_alphabetic() || c >= '\u{3007}',
                    Reading::Keypad => c.is_ascii_alphabetic(),
                });
                let end = end.map_or(n, |k| i + 1 + k);
                if let Some(out) = out.as_mut() {
                    out.chars.extend_from_slice(&self.chars[i..end]);
                    out.ranges.extend_from_slice(&self.ranges[i..end]);
                }
                i = end;
                continue;
            }
            let word_end = if c.is_ascii_alphabetic() {
                self.chars[i..].iter().position(|c| !c.is_ascii_alphabetic()).map_or(n, |k| i + k)
            } else {
                i + 1
            };
            let word = &self.chars[i..word_end];
            // (the digit, the chars it covers) for each digit this word stands for.
            let mut digits: Vec<(u8, usize, usize)> = Vec::new();
            let mut pause = false;
            match reading {
                Reading::DigitWords => {
                    if let Some(d) = chinese_digit(c).or_else(|| digit_word(word)) {
                        digits.push((d, i, word_end));
                        // "eight four four, eight seven five": a comma after a spoken digit is a pause.
                        pause = c.is_ascii_alphabetic() && matches!(self.chars.get(word_end), Some(',' | ';'));
                    }
                }
                Reading::Keypad => {
                    if c.is_ascii_alphabetic() && word.len() <= 7 && word.iter().all(char::is_ascii_uppercase) {
                        digits.extend(word.iter().enumerate().map(|(k, &l)| (keypad_digit(l as u8), i + k, i + k + 1)));
                    }
                }
            }
            let next = if pause { word_end + 1 } else { word_end };
            if digits.is_empty() {
                if let Some(out) = out.as_mut() {
                    out.chars.extend_from_slice(&self.chars[i..next]);
                    out.ranges.extend_from_slice(&self.ranges[i..next]);
                }
            } else {
                let out = out.get_or_insert_with(|| Stream { chars: self.chars[..i].to_vec(), ranges: self.ranges[..i].to_vec() });
                for (d, from, to) in digits {
                    out.push(char::from(b'0' + d), self.ranges[from].0, self.ranges[to - 1].1);
                }
                if pause {
                    out.push(' ', self.ranges[word_end].0, self.ranges[word_end].1);
                }
            }
            i = next;
        }
        out
    }
}

/// Characters a browser draws as nothing (Unicode's default-ignorable format characters): soft
/// hyphen, zero-width spaces and joiners, direction marks and embeddings, invisible operators,
/// variation selectors, byte-order mark, tags.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00ad}'
            | '\u{034f}'
            | '\u{061c}'
            | '\u{115f}'
            | '\u{1160}'
            | '\u{17b4}'
            | '\u{17b5}'
            | '\u{180b}'..='\u{180f}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{fff0}'..='\u{fff8}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e0fff}'
    )
}

/// The value of a digit the eye reads as one, in the forms text is written with: fullwidth,
/// mathematical (bold, double-struck, sans-serif, monospace), Arabic-Indic, Extended
/// Arabic-Indic and Devanagari.
fn digit_value(c: char) -> Option<u8> {
    let from = |zero: u32| u8::try_from(c as u32 - zero).ok();
    match c {
        '\u{ff10}'..='\u{ff19}' => from(0xff10),
        '\u{1d7ce}'..='\u{1d7ff}' => from(0x1d7ce).map(|d| d % 10),
        '\u{0660}'..='\u{0669}' => from(0x0660),
        '\u{06f0}'..='\u{06f9}' => from(0x06f0),
        '\u{0966}'..='\u{096f}' => from(0x0966),
        _ => None,
    }
}

/// Block-level tags, which break words: `…0147</p><p>Call` must not read as `0147Call`.
const BLOCK_TAGS: &[&str] = &[
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "option", "p", "pre", "section", "table", "tbody", "td",
    "tfoot", "th", "thead", "title", "tr", "ul",
];

struct View {
    /// What a reader sees.
    text: Stream,
    /// Attribute values and comments, each ended by a virtual newline.
    attributes: Stream,
}

struct Reader<'a> {
    input: &'a str,
    bytes: &'a [u8],
    view: View,
    /// No `>` at or after this offset.
    no_gt_from: usize,
    /// No `-->` at or after this offset.
    no_comment_end_from: usize,
    /// An unterminated quoted attribute value was seen: from then on a tag ends at its first `>`.
    quotes_unreliable: bool,
}

impl View {
    fn read(input: &str) -> View {
        let mut reader = Reader {
            input,
            bytes: input.as_bytes(),
            view: View { text: Stream::default(), attributes: Stream::default() },
            no_gt_from: usize::MAX,
            no_comment_end_from: usize::MAX,
            quotes_unreliable: false,
        };
        reader.view.text.chars.reserve(input.len());
        reader.view.text.ranges.reserve(input.len());
        reader.run();
        reader.view
    }
}

impl Reader<'_> {
    fn run(&mut self) {
        let len = self.bytes.len();
        let mut pos = 0;
        while pos < len {
            match self.bytes[pos] {
                b'<' => {
                    if let Some(end) = self.tag(pos) {
                        pos = end;
                    } else {
                        self.view.text.push('<', pos, pos + 1);
                        pos += 1;
                    }
                }
                b'&' => {
                    if let Some((decoded, end)) = decode_entity(self.bytes, pos, len, false) {
                        self.view.text.push_decoded(decoded, pos, end);
                        pos = end;
                    } else {
                        self.view.text.push('&', pos, pos + 1);
                        pos += 1;
                    }
                }
                b if b.is_ascii() => {
                    self.view.text.push(char::from(b), pos, pos + 1);
                    pos += 1;
                }
                _ => {
                    let Some(c) = self.input.get(pos..).and_then(|rest| rest.chars().next()) else { break };
                    let end = pos + c.len_utf8();
                    self.view.text.push(c, pos, end);
                    pos = end;
                }
            }
        }
    }

    /// Reads a tag or comment at `pos` (a `<`); returns the offset after it, or None when the `<`
    /// is plain text ("a < b", "<3", or no `>` follows).
    fn tag(&mut self, pos: usize) -> Option<usize> {
        let bytes = self.bytes;
        let next = *bytes.get(pos + 1)?;
        if !(next.is_ascii_alphabetic() || matches!(next, b'/' | b'!' | b'?')) {
            return None;
        }
        if bytes[pos..].starts_with(b"<!--") && pos < self.no_comment_end_from {
            match find(bytes, pos + 4, b"-->") {
                Some(close) => {
                    // Comments are not shown but are published in the page's source: check them.
                    self.push_attribute(pos + 4, close, false);
                    return Some(close + 3);
                }
                None => self.no_comment_end_from = pos,
            }
        }
        if pos >= self.no_gt_from {
            return None;
        }
        let Some(gt) = bytes[pos..].iter().position(|&b| b == b'>').map(|i| pos + i) else {
            self.no_gt_from = pos;
            return None;
        };
        let mark = self.view.attributes.chars.len();
        let parsed = if self.quotes_unreliable { None } else { self.attributes(pos, None) };
        let (end, name) = match parsed {
            Some(done) => done,
            None => {
                self.quotes_unreliable = true;
                self.view.attributes.truncate(mark);
                self.attributes(pos, Some(gt)).unwrap_or((gt + 1, String::new()))
            }
        };
        if BLOCK_TAGS.contains(&name.as_str()) {
            self.view.text.push(' ', pos, end);
        }
        Some(end)
    }

    /// Reads a tag's name and attribute values. With `limit` (the tag's first `>`), the tag ends
    /// there; without, quoted values may hold `>`, and None means a quote was never closed.
    /// Returns the offset after the tag and its lowercased name.
    fn attributes(&mut self, pos: usize, limit: Option<usize>) -> Option<(usize, String)> {
        let bytes = self.bytes;
        let lim = limit.unwrap_or(bytes.len());
        let mut p = pos + 1;
        if p < lim && matches!(bytes[p], b'/' | b'!' | b'?') {
            p += 1;
        }
        let name_start = p;
        while p < lim && (bytes[p].is_ascii_alphanumeric() || matches!(bytes[p], b'-' | b':')) {
            p += 1;
        }
        let name = self.input.get(name_start..p).unwrap_or_default().to_ascii_lowercase();
        // Attribute names in a row, checked as one run: after a stray `<` in plain text ("wait
        // <a few minutes, then call …>") the words up to the next `>` read as names.
        let mut names: Option<(usize, usize)> = None;
        loop {
            while p < lim && (bytes[p].is_ascii_whitespace() || bytes[p] == b'/') {
                p += 1;
            }
            if p >= lim {
                self.push_names(&mut names);
                // With a limit, the tag ends at its `>`; without, a `>` exists (checked by the
                // caller) so reaching the end means it was inside quotes.
                return limit.map(|gt| (gt + 1, name));
            }
            if bytes[p] == b'>' {
                self.push_names(&mut names);
                return Some((p + 1, name));
            }
            // Attribute name: up to whitespace, `=`, `>` or `/` (all ASCII, so `p` stays on a
            // char boundary). A stray quote or `=` is skipped as a name of its own.
            let attr_start = p;
            while p < lim && !bytes[p].is_ascii_whitespace() && !matches!(bytes[p], b'=' | b'>' | b'/') {
                p += 1;
            }
            if p == attr_start && bytes[p] != b'=' {
                p += 1;
                continue;
            }
            if p > attr_start {
                names = Some((names.map_or(attr_start, |(start, _)| start), p));
            }
            while p < lim && bytes[p].is_ascii_whitespace() {
                p += 1;
            }
            if p < lim && bytes[p] == b'=' {
                self.push_names(&mut names);
                p += 1;
                while p < lim && bytes[p].is_ascii_whitespace() {
                    p += 1;
                }
                if p < lim && matches!(bytes[p], b'"' | b'\'') {
                    let quote = bytes[p];
                    let value_start = p + 1;
                    match bytes[value_start..lim].iter().position(|&b| b == quote) {
                        Some(i) => {
                            self.push_attribute(value_start, value_start + i, true);
                            p = value_start + i + 1;
                        }
                        None if limit.is_some() => {
                            self.push_attribute(value_start, lim, true);
                            p = lim;
                        }
                        None => return None,
                    }
                } else {
                    let value_start = p;
                    while p < lim && !bytes[p].is_ascii_whitespace() && bytes[p] != b'>' {
                        p += 1;
                    }
                    self.push_attribute(value_start, p, true);
                }
            }
        }
    }

    /// Adds a run of attribute names, if any, to the attribute view.
    fn push_names(&mut self, names: &mut Option<(usize, usize)>) {
        if let Some((start, end)) = names.take() {
            self.push_attribute(start, end, true);
        }
    }

    /// Adds `start..end` of the input to the attribute view, then a virtual newline.
    fn push_attribute(&mut self, start: usize, end: usize, decode: bool) {
        let mut pos = start;
        while pos < end {
            if decode && self.bytes[pos] == b'&' {
                if let Some((decoded, after)) = decode_entity(self.bytes, pos, end, true) {
                    self.view.attributes.push_decoded(decoded, pos, after);
                    pos = after;
                    continue;
                }
            }
            let Some(c) = self.input.get(pos..end).and_then(|rest| rest.chars().next()) else { break };
            let after = pos + c.len_utf8();
            self.view.attributes.push(c, pos, after);
            pos = after;
        }
        self.view.attributes.push('\n', end, end);
    }
}

/// What a character reference stands for: most stand for one character, a few named ones for two.
#[derive(Clone, Copy)]
enum Decoded {
    Char(char),
    Text(&'static str),
}

impl Stream {
    /// Adds what the reference at `start..end` of the input stands for.
    fn push_decoded(&mut self, decoded: Decoded, start: usize, end: usize) {
        match decoded {
            Decoded::Char(c) => self.push(c, start, end),
            Decoded::Text(text) => text.chars().for_each(|c| self.push(c, start, end)),
        }
    }
}

/// The first offset at or after `from` where `needle` starts.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|i| from + i)
}

/// Decodes the character reference at `pos` (an `&`), ending before `limit`, as the HTML standard
/// says browsers do: numeric references with any number of digits, with or without `;`, and
/// `&#128;`…`&#159;` read as Windows-1252; named references by the longest name that matches,
/// the legacy ones (`&nbsp`, `&amp`) also without `;`, except in an attribute value when a letter,
/// digit or `=` follows. The named ones come from a short table (`entities.rs`) of those that
/// change how a number reads; any other is left as written. Returns the text it stands for and
/// the offset after the reference.
fn decode_entity(bytes: &[u8], pos: usize, limit: usize, in_attribute: bool) -> Option<(Decoded, usize)> {
    let mut p = pos + 1;
    if bytes.get(p) == Some(&b'#') {
        p += 1;
        let hex = p < limit && matches!(bytes[p], b'x' | b'X');
        if hex {
            p += 1;
        }
        let digits_start = p;
        let mut value: u32 = 0;
        while p < limit {
            let digit = match (hex, bytes[p]) {
                (_, b @ b'0'..=b'9') => u32::from(b - b'0'),
                (true, b @ b'a'..=b'f') => u32::from(b - b'a' + 10),
                (true, b @ b'A'..=b'F') => u32::from(b - b'A' + 10),
                _ => break,
            };
            // Past U+10FFFF the value is only ever replaced, so it stops growing there.
            value = (value * if hex { 16 } else { 10 } + digit).min(0x11_0000);
            p += 1;
        }
        if p == digits_start {
            return None;
        }
        if p < limit && bytes[p] == b';' {
            p += 1;
        }
        let c = match entities::C1.binary_search_by_key(&value, |&(code, _)| code) {
            Ok(i) => entities::C1[i].1,
            Err(_) => char::from_u32(value).filter(|&c| c != '\0').unwrap_or('\u{fffd}'),
        };
        return Some((Decoded::Char(c), p));
    }
    let name_start = p;
    while p < limit && p - name_start < 32 && bytes[p].is_ascii_alphanumeric() {
        p += 1;
    }
    let name = std::str::from_utf8(&bytes[name_start..p]).ok()?;
    if p < limit && bytes[p] == b';' {
        if let Ok(i) = entities::NAMED.binary_search_by_key(&name, |&(n, _)| n) {
            return Some((Decoded::Text(entities::NAMED[i].1), p + 1));
        }
    }
    // The longest legacy name the text begins with.
    let (legacy, c) = entities::LEGACY.iter().filter(|(n, _)| name.starts_with(n)).max_by_key(|(n, _)| n.len())?;
    let after = name_start + legacy.len();
    if in_attribute && after < limit && (bytes[after].is_ascii_alphanumeric() || bytes[after] == b'=') {
        return None;
    }
    Some((Decoded::Char(*c), after))
}

// ---------------------------------------------------------------------------------------------
// Language

/// The text's language: Simplified Chinese when ideographs are most of its letters; otherwise
/// English, Spanish or French by counts of common short words, when one clearly leads.
fn detect_language(chars: &[char]) -> Option<Lang> {
    let mut letters = 0usize;
    let mut ideographs = 0usize;
    // en, es, fr
    let mut hits = [0usize; 3];
    let mut word = [0u8; 8];
    // Letters in the current word; past 8, or with a non-ASCII letter, it is no function word.
    let mut word_len = 0usize;
    let mut word_ascii = true;
    let finish = |word: &[u8], hits: &mut [usize; 3]| {
        let flags = function_word(word);
        for (i, hit) in hits.iter_mut().enumerate() {
            *hit += usize::from(flags & (1 << i) != 0);
        }
    };
    for &c in chars {
        let ascii_letter = c.is_ascii_alphabetic();
        if ascii_letter || (!c.is_ascii() && c.is_alphabetic()) {
            letters += 1;
            if ascii_letter {
                if word_len < word.len() {
                    word[word_len] = c.to_ascii_lowercase() as u8;
                }
            } else {
                word_ascii = false;
                if matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}') {
                    ideographs += 1;
                }
            }
            word_len += 1;
        } else if word_len > 0 {
            if word_ascii && word_len < word.len() {
                finish(&word[..word_len], &mut hits);
            }
            word_len = 0;
            word_ascii = true;
        }
    }
    if word_ascii && word_len > 0 && word_len < word.len() {
        finish(&word[..word_len], &mut hits);
    }

    // One ideograph carries about a word's meaning, so Chinese text with English names and
    // URLs in it still has far fewer ideographs than Latin letters: weigh them up.
    let other_letters = letters - ideographs;
    if ideographs >= 4 && ideographs * 3 > other_letters {
        return Some(Lang::Zh);
    }
    let langs = [Lang::En, Lang::Es, Lang::Fr];
    let (best, &best_hits) = hits.iter().enumerate().max_by_key(|(_, h)| **h)?;
    let runner_up = hits.iter().enumerate().filter(|(i, _)| *i != best).map(|(_, h)| *h).max().unwrap_or(0);
    (best_hits >= 3 && best_hits * 2 >= runner_up * 3 && best_hits > runner_up).then_some(langs[best])
}

const EN: u8 = 1;
const ES: u8 = 2;
const FR: u8 = 4;

/// Which languages a lowercase word is a common function word of, as flags.
fn function_word(word: &[u8]) -> u8 {
    match word {
        b"the" | b"and" | b"you" | b"your" | b"to" | b"of" | b"with" | b"account" | b"for" | b"is" | b"are" | b"this"
        | b"please" | b"can" | b"if" | b"we" | b"our" | b"will" | b"have" => EN,
        b"el" | b"los" | b"las" | b"de" | b"del" | b"que" | b"y" | b"para" | b"su" | b"sus" | b"cuenta" | b"usted" | b"con"
        | b"por" | b"una" | b"es" | b"al" | b"puede" => ES,
        b"le" | b"les" | b"des" | b"et" | b"pour" | b"votre" | b"vos" | b"vous" | b"compte" | b"avec" | b"une" | b"du"
        | b"est" | b"dans" | b"au" | b"aux" | b"sur" | b"pas" => FR,
        b"la" | b"si" => ES | FR,
        _ => 0,
    }
}

// ---------------------------------------------------------------------------------------------
// Login.gov links

const HOST: &str = "login.gov";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    Contact,
    Help,
    CreateAccount,
}

impl Target {
    fn path(self) -> &'static str {
        match self {
            Target::Contact => "contact",
            Target::Help => "help",
            Target::CreateAccount => "create-an-account",
        }
    }
}

#[derive(Debug)]
struct LoginGovUrl {
    start: usize,
    end: usize,
    /// `https://login.gov/<path>/`, without query or fragment.
    normalized: String,
    lang: Lang,
    target: Option<Target>,
}

/// Every `login.gov/…` or `www.login.gov/…` address in the input, with or without a scheme,
/// in text and in attribute values alike. Other hosts under login.gov are not matched.
fn find_login_gov_links(input: &str) -> Vec<LoginGovUrl> {
    let bytes = input.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i + HOST.len() <= bytes.len() {
        if bytes[i].eq_ignore_ascii_case(&b'l') && bytes[i..i + HOST.len()].eq_ignore_ascii_case(HOST.as_bytes()) {
            if let Some(url) = parse_login_gov_url(input, i) {
                i = url.end.max(i + 1);
                found.push(url);
                continue;
            }
        }
        i += 1;
    }
    found
}

/// The normalised form of a login.gov address given on its own (a bundled link).
fn normalize(url: &str) -> Option<String> {
    find_login_gov_links(url).into_iter().next().map(|u| u.normalized)
}

/// Reads the address whose host name ("login.gov") begins at byte `host`.
fn parse_login_gov_url(text: &str, host: usize) -> Option<LoginGovUrl> {
    let bytes = text.as_bytes();
    if !bytes.get(host..host + HOST.len())?.eq_ignore_ascii_case(HOST.as_bytes()) {
        return None;
    }
    let mut start = host;
    if start >= 4 && bytes[start - 4..start].eq_ignore_ascii_case(b"www.") {
        start -= 4;
    }
    for scheme in [&b"https://"[..], b"http://", b"//"] {
        if start >= scheme.len() && bytes[start - scheme.len()..start].eq_ignore_ascii_case(scheme) {
            start -= scheme.len();
            break;
        }
    }
    // Part of a longer host name ("developers.login.gov", "mylogin.gov") or an email address.
    if start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || matches!(bytes[start - 1], b'.' | b'-' | b'_' | b'@')) {
        return None;
    }
    let after_host = host + HOST.len();
    // Only an address with a path is a link to a page; a bare "login.gov" names the service.
    if bytes.get(after_host) != Some(&b'/') {
        return None;
    }
    let mut end = after_host;
    let mut in_query = false;
    while end < bytes.len() {
        let b = bytes[end];
        let stop = !b.is_ascii()
            || b.is_ascii_whitespace()
            || b.is_ascii_control()
            || matches!(b, b'"' | b'\'' | b'<' | b'>' | b'`' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b'|' | b'\\' | b'^')
            || (b == b'&' && !in_query);
        if stop {
            break;
        }
        if matches!(b, b'?' | b'#') {
            in_query = true;
        }
        end += 1;
    }
    while end > after_host + 1 && matches!(bytes[end - 1], b'.' | b',' | b';' | b':' | b'!' | b'?' | b'*') {
        end -= 1;
    }
    let path_end = bytes[after_host..end].iter().position(|b| matches!(b, b'?' | b'#')).map_or(end, |i| after_host + i);
    // All ASCII from `after_host` to `end`, so these are char boundaries.
    let path = text.get(after_host..path_end)?;
    let mut normalized = format!("https://{HOST}{path}");
    if !normalized.ends_with('/') {
        normalized.push('/');
    }
    let mut segments = path.split('/').filter(|s| !s.is_empty());
    let first = segments.next();
    let (lang, page) = match first.map(|s| s.to_ascii_lowercase()) {
        Some(code) if matches!(code.as_str(), "en" | "es" | "fr" | "zh") => (Lang::from_id(&code).unwrap_or(Lang::En), segments.next()),
        _ => (Lang::En, first),
    };
    let target = match page {
        Some("contact") => Some(Target::Contact),
        Some("help") => Some(Target::Help),
        Some("create-an-account") => Some(Target::CreateAccount),
        _ => None,
    };
    Some(LoginGovUrl { start, end, normalized, lang, target })
}

/// The bundled link to a page in a language, or the address it would have.
fn localized_url(known_links: &[&str], target: Target, lang: Lang) -> String {
    let prefix = if lang == Lang::En { String::new() } else { format!("/{}", lang.id()) };
    let wanted = format!("https://{HOST}{prefix}/{}/", target.path());
    known_links
        .iter()
        .find(|url| normalize(url).is_some_and(|u| u == wanted))
        .map_or(wanted.clone(), |url| url.to_string())
}

fn contact_url_for(known_links: &[&str], lang: Lang) -> String {
    localized_url(known_links, Target::Contact, lang)
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
