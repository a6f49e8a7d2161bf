//! Finding phone numbers in text, and recognising the Login.gov Contact Center's number
//! without the shipped app containing it: candidates are reduced to their ten national digits
//! and compared by a 64-bit FNV-1a hash.

use crate::text::fnv1a64;

/// FNV-1a hash of the Contact Center's ten national digits. The number itself lives only in
/// test fixtures (tests/), never in shipped code or content.
pub const CONTACT_CENTER_DIGITS_FNV1A: u64 = 0xae45_9cc7_fe63_3c89;

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

/// Characters that may join the digit groups of a phone number.
pub fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\n'
            | '\r'
            | '.'
            | '\u{00b7}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2022}'
            | '\u{2027}'
            | '\u{205f}'
            | '\u{30fb}'
            | '\u{ff0f}'
            | '-'
            | '('
            | ')'
            | '/'
            | '+'
            | '\u{00a0}'
            | '\u{2010}'..='\u{2015}'
            | '\u{202f}'
            | '\u{2212}'
            | '\u{3000}'
            | '\u{fe58}'
            | '\u{fe63}'
            | '\u{ff08}'
            | '\u{ff09}'
            | '\u{ff0d}'
            | '\u{ff0e}'
    )
}

/// Separators that read as a gap between words (a line break among them: a number wrapped over
/// two lines is still read as one), so a phone number may begin or end there even
/// when other digits sit on the far side ("Step 2 (202) 555-0147").
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{00a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}')
}

/// Separators the eye reads as the end of one number and the start of the next inside a longer
/// run of digits: a gap, a slash, or the `+` or `(` that opens a number
/// (`202-555-0147/202-555-0199`).
fn is_break(c: char) -> bool {
    is_space(c) || matches!(c, '/' | '+' | '(' | '\u{ff08}' | '\u{ff0f}')
}

/// Ideographic scripts write words without spaces, so a digit next to one is still a number
/// of its own ("请拨打…联系").
fn is_ideographic(c: char) -> bool {
    matches!(
        c,
        '\u{2e80}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}' | '\u{20000}'..='\u{3ffff}'
    )
}

/// A character that glues digits into a word, an identifier or a code.
fn is_word_char(c: char) -> bool {
    c == '_' || (c.is_alphanumeric() && !is_ideographic(c))
}

/// One group of digits in a run, with what comes before it.
#[derive(Clone, Copy, Debug)]
struct Group {
    /// Char index of the first digit and one past the last.
    start: usize,
    end: usize,
    /// Where its digits sit in the run's digit buffer.
    digits_start: usize,
    len: usize,
    /// The separators before it hold a break (see [`is_break`]).
    break_before: bool,
    /// A `(` or `+` after the last space or slash before it, where an excerpt should begin.
    open_before: Option<usize>,
}

/// Ten national digits that fit the North American plan: area and exchange codes never
/// start with 0 or 1.
fn nanp(national: &str) -> bool {
    national.len() == 10 && !national.starts_with(['0', '1']) && !national[3..].starts_with(['0', '1'])
}

/// Finds phone-number-shaped runs in a slice of chars. Offsets in the returned candidates are
/// char indices into `chars` (end exclusive), not byte offsets. Linear in the slice length.
///
/// A run is digits joined by common separators (at most three in a row). A run holding 10 digits,
/// or 11 starting with a country code 1, is one number. In a longer run, a number is also found
/// when its groups read as one (`NXX NXX XXXX`, `NXX NXXXXXX`, `NXXNXXXXXX`, optionally after a
/// group `1`) and it is set off from the rest of the run by spaces. Runs glued to letters,
/// longer digit groups (account numbers, IAA numbers) and shorter runs (dates, times, ZIP+4
/// codes) are not phone numbers.
pub fn find_phone_candidates_in_chars(chars: &[char]) -> Vec<PhoneCandidate> {
    let mut found = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut digits = String::new();
    let n = chars.len();
    let mut i = 0;
    while i < n {
        let c = chars[i];
        let begins_run = c.is_ascii_digit() || c == '+' || c == '(';
        if !begins_run || (i > 0 && is_word_char(chars[i - 1])) {
            i += 1;
            continue;
        }
        groups.clear();
        digits.clear();
        let mut j = i;
        let mut separators_in_row = 0;
        let mut break_before = false;
        let mut open_before = None;
        while j < n {
            let ch = chars[j];
            if ch.is_ascii_digit() {
                match groups.last_mut() {
                    Some(group) if separators_in_row == 0 && group.end == j => {
                        group.end = j + 1;
                        group.len += 1;
                    }
                    _ => {
                        groups.push(Group { start: j, end: j + 1, digits_start: digits.len(), len: 1, break_before, open_before });
                        break_before = false;
                        open_before = None;
                    }
                }
                digits.push(ch);
                separators_in_row = 0;
            } else if is_separator(ch) && separators_in_row < 3 {
                separators_in_row += 1;
                break_before |= is_break(ch);
                if is_space(ch) || matches!(ch, '/' | '\u{ff0f}') {
                    open_before = None;
                } else if matches!(ch, '(' | '+' | '\u{ff08}') {
                    open_before = Some(j);
                }
            } else {
                break;
            }
            j += 1;
        }
        if let Some(last) = groups.last() {
            // A run whose last digit runs straight into a word ("…0147ext") does not end a number.
            let last_glued = last.end < n && is_word_char(chars[last.end]);
            let group_digits = |g: &Group| &digits[g.digits_start..g.digits_start + g.len];
            let total = digits.len();
            if total == 10 || (total == 11 && digits.starts_with('1')) {
                let national = &digits[total - 10..];
                if !last_glued && nanp(national) {
                    found.push(PhoneCandidate { start: i, end: last.end, national_digits: national.to_string() });
                }
            } else if total > 10 {
                let len_at = |m: usize| groups.get(m).map_or(0, |g| g.len);
                let mut k = 0;
                while k < groups.len() {
                    // Any number must start and end at a break; the Contact Center's may sit
                    // anywhere its groups fall, since publishing it is the one thing that fails.
                    let starts_clean = k == 0 || groups[k].break_before;
                    // The national groups may follow a country code 1 of their own, or a group may
                    // begin with it.
                    let lead_one = group_digits(&groups[k]) == "1";
                    let skips: &[usize] = if lead_one { &[1, 0] } else { &[0] };
                    let mut best: Option<(usize, String)> = None;
                    for &skip in skips {
                        let m = k + skip;
                        let take = match (len_at(m), len_at(m + 1), len_at(m + 2)) {
                            (10, _, _) => 1,
                            (11, _, _) if group_digits(&groups[m]).starts_with('1') => 1,
                            (3, 7, _) => 2,
                            (3, 3, 4) => 3,
                            _ => continue,
                        };
                        let e = m + take - 1;
                        let ends_clean = if e + 1 == groups.len() { !last_glued } else { groups[e + 1].break_before };
                        let all: String = groups[m..=e].iter().map(group_digits).collect();
                        let national = &all[all.len() - 10..];
                        if nanp(national) && ((starts_clean && ends_clean) || is_contact_center_digits(national)) {
                            best = Some((e, national.to_string()));
                            break;
                        }
                    }
                    match best {
                        Some((e, national_digits)) => {
                            let start = groups[k].open_before.unwrap_or(groups[k].start);
                            let start = if k == 0 { i.min(start) } else { start };
                            found.push(PhoneCandidate { start, end: groups[e].end, national_digits });
                            k = e + 1;
                        }
                        None => k += 1,
                    }
                }
            }
        }
        i = j.max(i + 1);
    }
    found
}

/// Finds phone-number-shaped runs in text (see [`find_phone_candidates_in_chars`]); offsets
/// are byte offsets into `text`.
pub fn find_phone_candidates(text: &str) -> Vec<PhoneCandidate> {
    let mut chars = Vec::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len() + 1);
    for (offset, c) in text.char_indices() {
        chars.push(c);
        offsets.push(offset);
    }
    offsets.push(text.len());
    find_phone_candidates_in_chars(&chars)
        .into_iter()
        .map(|c| PhoneCandidate { start: offsets[c.start], end: offsets[c.end], national_digits: c.national_digits })
        .collect()
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
