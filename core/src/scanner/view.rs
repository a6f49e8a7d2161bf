//! The visible text view: HTML read into the chars a browser shows (tags dropped, block tags
//! leaving a space, character references decoded, invisible characters skipped), each with the
//! byte range of the input it came from, and the attributes and comments as a second view.

use crate::entities;

// The visible text view

/// Chars with the byte range of the original input each came from.
#[derive(Default)]
pub(super) struct Stream {
    pub(super) chars: Vec<char>,
    pub(super) ranges: Vec<(usize, usize)>,
}

impl Stream {
    pub(super) fn push(&mut self, c: char, start: usize, end: usize) {
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

    pub(super) fn truncate(&mut self, len: usize) {
        self.chars.truncate(len);
        self.ranges.truncate(len);
    }
}

/// Characters a browser draws as nothing (Unicode's default-ignorable format characters): soft
/// hyphen, zero-width spaces and joiners, direction marks and embeddings, invisible operators,
/// variation selectors, byte-order mark, tags.
pub(super) fn is_invisible(c: char) -> bool {
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
pub(super) fn digit_value(c: char) -> Option<u8> {
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
pub(super) const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "option",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
];

pub(super) struct View {
    /// What a reader sees.
    pub(super) text: Stream,
    /// Attribute values and comments, each ended by a virtual newline.
    pub(super) attributes: Stream,
}

pub(super) struct Reader<'a> {
    pub(super) input: &'a str,
    pub(super) bytes: &'a [u8],
    pub(super) view: View,
    /// No `>` at or after this offset.
    pub(super) no_gt_from: usize,
    /// No `-->` at or after this offset.
    pub(super) no_comment_end_from: usize,
    /// An unterminated quoted attribute value was seen: from then on a tag ends at its first `>`.
    pub(super) quotes_unreliable: bool,
}

impl View {
    pub(super) fn read(input: &str) -> View {
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
    pub(super) fn run(&mut self) {
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
    pub(super) fn tag(&mut self, pos: usize) -> Option<usize> {
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
    pub(super) fn attributes(&mut self, pos: usize, limit: Option<usize>) -> Option<(usize, String)> {
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
    pub(super) fn push_names(&mut self, names: &mut Option<(usize, usize)>) {
        if let Some((start, end)) = names.take() {
            self.push_attribute(start, end, true);
        }
    }

    /// Adds `start..end` of the input to the attribute view, then a virtual newline.
    pub(super) fn push_attribute(&mut self, start: usize, end: usize, decode: bool) {
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
pub(super) enum Decoded {
    Char(char),
    Text(&'static str),
}

impl Stream {
    /// Adds what the reference at `start..end` of the input stands for.
    pub(super) fn push_decoded(&mut self, decoded: Decoded, start: usize, end: usize) {
        match decoded {
            Decoded::Char(c) => self.push(c, start, end),
            Decoded::Text(text) => text.chars().for_each(|c| self.push(c, start, end)),
        }
    }
}

/// The first offset at or after `from` where `needle` starts.
pub(super) fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|i| from + i)
}

/// Decodes the character reference at `pos` (an `&`), ending before `limit`, as the HTML standard
/// says browsers do: numeric references with any number of digits, with or without `;`, and
/// `&#128;`…`&#159;` read as Windows-1252; named references by the longest name that matches,
/// the legacy ones (`&nbsp`, `&amp`) also without `;`, except in an attribute value when a letter,
/// digit or `=` follows. The named ones come from a short table (`entities.rs`) of those that
/// change how a number reads; any other is left as written. Returns the text it stands for and
/// the offset after the reference.
pub(super) fn decode_entity(bytes: &[u8], pos: usize, limit: usize, in_attribute: bool) -> Option<(Decoded, usize)> {
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
