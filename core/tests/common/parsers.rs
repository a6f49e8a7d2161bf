//! Readers for what the exporters write, so tests check outputs with real parsers (CommonMark,
//! CSV) or exact decoders (percent-encoding, base64).

/// What a CommonMark reader (pulldown-cmark) makes of a Markdown document: its structure (every
/// block and inline element but text and line breaks) and its text, breaks read as `\n`.
pub fn read_markdown(md: &str) -> (Vec<String>, String) {
    use pulldown_cmark::{Event, Parser};
    let mut structure = Vec::new();
    let mut text = String::new();
    for event in Parser::new(md) {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push('\n'),
            other => structure.push(format!("{other:?}")),
        }
    }
    (structure, text)
}

/// RFC 4180 CSV back to rows of cells, each with whether it was quoted.
pub fn parse_csv(text: &str) -> Vec<Vec<(String, bool)>> {
    let chars: Vec<char> = text.chars().collect();
    let (mut rows, mut row, mut i) = (Vec::new(), Vec::new(), 0);
    while i < chars.len() {
        let mut cell = String::new();
        let quoted = chars[i] == '"';
        if quoted {
            i += 1;
            loop {
                assert!(i < chars.len(), "unterminated quoted cell");
                if chars[i] == '"' {
                    if chars.get(i + 1) == Some(&'"') {
                        cell.push('"');
                        i += 2;
                        continue;
                    }
                    i += 1;
                    break;
                }
                cell.push(chars[i]);
                i += 1;
            }
        } else {
            while i < chars.len() && !matches!(chars[i], ',' | '\r' | '\n') {
                cell.push(chars[i]);
                i += 1;
            }
        }
        row.push((cell, quoted));
        if chars.get(i) == Some(&',') {
            i += 1;
        } else {
            assert!(chars.get(i) == Some(&'\r') && chars.get(i + 1) == Some(&'\n'), "a row ends with CRLF");
            i += 2;
            rows.push(std::mem::take(&mut row));
        }
    }
    rows
}

/// Percent-decoding of a query value, for checking links carry the typed text exactly.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let (mut out, mut i) = (Vec::new(), 0);
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).expect("two hex digits"));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).expect("UTF-8")
}

pub fn base64_decode(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let (mut out, mut bits, mut n) = (Vec::new(), 0u32, 0);
    for c in text.bytes().filter(|c| *c != b'=' && !c.is_ascii_whitespace()) {
        bits = (bits << 6) | ALPHABET.iter().position(|a| *a == c).expect("base64") as u32;
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
        }
    }
    out
}
