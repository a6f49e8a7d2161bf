//! Small text helpers every exporter and rule shares: limits, escaping for HTML, URLs and CSV,
//! counts for people to read, and a stable hash.

/// Longest text field we keep; longer pasted text is refused on import rather than truncated.
pub const MAX_FIELD_CHARS: usize = 10_000;

/// Percent-encodes a query value: everything but unreserved characters (RFC 3986), as UTF-8.
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(byte as char),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// Escapes text for HTML element content and double-quoted attributes.
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// True for a plain decimal number such as `-36`, `+1.5` or `0.25`: a spreadsheet reads it
/// as that number and nothing else, so it needs no neutralising.
fn is_plain_number(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    !whole.is_empty() && !fraction.is_empty() && whole.chars().chain(fraction.chars()).all(|c| c.is_ascii_digit())
}

/// One CSV cell, quoted. Following OWASP's CSV injection guidance, a cell that a spreadsheet
/// could run as a formula gets a leading apostrophe: one that begins with `=`, `+`, `-`, `@`,
/// a tab, a carriage return, a line feed or any other control character (NUL included), also
/// after leading spaces. Plain numbers such as `-36` are left as they are.
pub fn csv_cell(text: &str) -> String {
    let start = text.trim_start_matches(' ');
    let risky = start.starts_with(['=', '+', '-', '@']) || start.starts_with(char::is_control);
    let neutral = if risky && !is_plain_number(text) { format!("'{text}") } else { text.to_string() };
    format!("\"{}\"", neutral.replace('"', "\"\""))
}

/// Starts a CSV file: the UTF-8 byte-order mark, so spreadsheets read accented letters right.
pub const CSV_BOM: &str = "\u{feff}";

/// 64-bit FNV-1a: a small, stable hash (fingerprints, and the Contact Center check).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// Groups digits in threes: 12345.6 → "12,346".
pub fn format_count(x: f64) -> String {
    let n = (if x.is_finite() { x } else { 0.0 }).round().max(0.0) as u64;
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
