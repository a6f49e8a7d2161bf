//! The email as a draft `.eml` file (MIME, base64 parts, RFC 2047 subject), which mail clients
//! open ready to send.

use crate::vocab::Lang;

use super::email::{clean, Email};

pub(super) const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 (RFC 4648) with padding, on one line.
pub fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(BASE64[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// `\n` (or stray `\r`) line endings as CRLF, the canonical form of text in MIME.
pub(super) fn crlf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n").replace('\n', "\r\n")
}

/// Base64 in lines of 76 characters, each ended by CRLF (RFC 2045).
pub(super) fn base64_body(bytes: &[u8]) -> String {
    let encoded = base64(bytes);
    let mut out = String::with_capacity(encoded.len() + encoded.len() / 38 + 2);
    for line in encoded.as_bytes().chunks(76) {
        out.push_str(std::str::from_utf8(line).unwrap_or_default());
        out.push_str("\r\n");
    }
    out
}

/// The Subject header's value: as typed when short plain ASCII, otherwise RFC 2047
/// encoded-words of whole characters, folded. Every line of the header stays within RFC 2047's
/// 76 characters: the first line also holds `Subject: ` (9), so its word carries at most 39
/// bytes (64 characters); the folded lines start with a space, so theirs carry 45 (72).
pub(super) fn subject_header(subject: &str) -> String {
    const FIRST_LINE_BYTES: usize = 39;
    const FOLDED_LINE_BYTES: usize = 45;
    let subject = clean(subject);
    let plain = subject.chars().all(|c| c.is_ascii() && !c.is_ascii_control()) && !subject.contains("=?") && subject.len() <= 76 - "Subject: ".len();
    if plain {
        return subject;
    }
    let mut words = Vec::new();
    let mut chunk = String::new();
    for c in subject.chars() {
        let limit = if words.is_empty() { FIRST_LINE_BYTES } else { FOLDED_LINE_BYTES };
        if chunk.len() + c.len_utf8() > limit {
            words.push(format!("=?UTF-8?B?{}?=", base64(chunk.as_bytes())));
            chunk.clear();
        }
        chunk.push(c);
    }
    if !chunk.is_empty() || words.is_empty() {
        words.push(format!("=?UTF-8?B?{}?=", base64(chunk.as_bytes())));
    }
    words.join("\r\n ")
}

/// The boundary between the parts. Base64 never holds `=_`, so no part can contain it.
pub const EML_BOUNDARY: &str = "=_readiness_portal_launch_email";

/// A draft message (RFC 5322, MIME multipart/alternative) that mail clients open for editing:
/// no From, To or Date, and `X-Unsent: 1`. CRLF line endings; both parts UTF-8 in base64.
pub fn eml(email: &Email, lang: Lang) -> String {
    let mut out = String::new();
    out.push_str("MIME-Version: 1.0\r\n");
    out.push_str(&format!("Subject: {}\r\n", subject_header(&email.subject)));
    out.push_str(&format!("Content-Language: {}\r\n", lang.html_lang()));
    out.push_str("X-Unsent: 1\r\n");
    // Folded, so the line stays within 76 characters.
    out.push_str(&format!("Content-Type: multipart/alternative;\r\n boundary=\"{EML_BOUNDARY}\"\r\n"));
    out.push_str("\r\n");
    for (kind, body) in [("text/plain", &email.text), ("text/html", &email.html)] {
        out.push_str(&format!("--{EML_BOUNDARY}\r\n"));
        out.push_str(&format!("Content-Type: {kind}; charset=UTF-8\r\n"));
        out.push_str(&format!("Content-Language: {}\r\n", lang.html_lang()));
        out.push_str("Content-Transfer-Encoding: base64\r\n\r\n");
        out.push_str(&base64_body(crlf(body).as_bytes()));
    }
    out.push_str(&format!("--{EML_BOUNDARY}--\r\n"));
    out
}
