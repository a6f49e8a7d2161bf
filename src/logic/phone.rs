//! Finding phone numbers in text, and recognising the Login.gov Contact Center's number
//! without the shipped app containing it: candidates are reduced to their ten national digits
//! and compared by a 64-bit FNV-1a hash.

/// FNV-1a hash of the Contact Center's ten national digits. The number itself lives only in
/// test fixtures (tests/), never in shipped code or content.
pub const CONTACT_CENTER_DIGITS_FNV1A: u64 = 0xae45_9cc7_fe63_3c89;

pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// True when ten national digits (no country code) are the Contact Center's.
pub fn is_contact_center_digits(national_digits: &str) -> bool {
    national_digits.len() == 10 && fnv1a64(national_digits.as_bytes()) == CONTACT_CENTER_DIGITS_FNV1A
}

/// A run of text that reads as a North American phone number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhoneCandidate {
    /// Byte offsets of the excerpt in the scanned text.
    pub start: usize,
    pub end: usize,
    /// The ten national digits, without a leading country code 1.
    pub national_digits: String,
}

impl PhoneCandidate {
    pub fn is_contact_center(&self) -> bool {
        is_contact_center_digits(&self.national_digits)
    }
}

fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '.' | '-' | '(' | ')' | '/' | '+' | '\u{00a0}' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{202f}' | '\u{2009}'
    )
}

/// Finds phone-number-shaped runs: digits joined by common separators, holding 10 digits,
/// or 11 starting with a country code 1. Longer digit runs (account numbers, IAA numbers)
/// and shorter ones (dates, times) are not phone numbers.
pub fn find_phone_candidates(text: &str) -> Vec<PhoneCandidate> {
    let mut found = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let begins_run = c.is_ascii_digit() || c == '+' || c == '(';
        let after_word = i > 0 && chars[i - 1].1.is_alphanumeric();
        if !begins_run || after_word {
            i += 1;
            continue;
        }
        // Extend over digits and separators; at most three separators in a row.
        let mut digits = String::new();
        let mut j = i;
        let mut last_digit_end = start;
        let mut separators_in_row = 0;
        while j < chars.len() {
            let (offset, ch) = chars[j];
            if ch.is_ascii_digit() {
                digits.push(ch);
                separators_in_row = 0;
                last_digit_end = offset + ch.len_utf8();
            } else if is_separator(ch) && separators_in_row < 3 {
                separators_in_row += 1;
            } else {
                break;
            }
            j += 1;
        }
        let followed_by_word = chars
            .iter()
            .find(|(offset, _)| *offset >= last_digit_end)
            .is_some_and(|(_, ch)| ch.is_alphanumeric());
        let national = match digits.len() {
            10 => Some(digits.clone()),
            11 if digits.starts_with('1') => Some(digits[1..].to_string()),
            _ => None,
        };
        if let (Some(national_digits), false) = (national, followed_by_word) {
            // Area and exchange codes never start with 0 or 1 in the North American plan.
            if !national_digits.starts_with(['0', '1']) && !national_digits[3..].starts_with(['0', '1']) {
                found.push(PhoneCandidate { start, end: last_digit_end, national_digits });
            }
        }
        i = j.max(i + 1);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ordinary_numbers_with_common_separators() {
        for text in ["call 202-555-0147 now", "(202) 555-0147", "202.555.0147", "+1 202 555 0147", "1-202-555-0147", "2025550147"] {
            let found = find_phone_candidates(text);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(found[0].national_digits, "2025550147", "{text}");
            assert!(!found[0].is_contact_center());
        }
    }

    #[test]
    fn ignores_dates_times_and_longer_runs() {
        for text in ["2026-11-23", "10:30 on 11/23/2026", "LGABCFY210001-0001-0000", "12345678901234", "abc2025550147"] {
            assert!(find_phone_candidates(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn reports_the_excerpt_position() {
        let text = "Help desk: (202) 555-0147.";
        let found = find_phone_candidates(text);
        assert_eq!(&text[found[0].start..found[0].end], "(202) 555-0147");
    }
}
