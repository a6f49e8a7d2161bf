//! Other ways to read the letters of a text as digits: digits written as words (English,
//! Spanish, French) or Chinese numerals, and capitals read on a phone keypad.

use super::view::Stream;

/// Another way to read the letters of a text as digits.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Reading {
    /// Digits written as words (English, Spanish, French) or as Chinese numerals.
    DigitWords,
    /// Words in capitals read on a phone keypad, as vanity numbers are (1-800-FLOWERS).
    Keypad,
}

/// The digit a word stands for, in English, Spanish or French.
pub(super) fn digit_word(word: &[char]) -> Option<u8> {
    const WORDS: &[(&str, u8)] = &[
        ("zero", 0),
        ("cero", 0),
        ("one", 1),
        ("uno", 1),
        ("un", 1),
        ("two", 2),
        ("dos", 2),
        ("deux", 2),
        ("three", 3),
        ("tres", 3),
        ("trois", 3),
        ("four", 4),
        ("cuatro", 4),
        ("quatre", 4),
        ("five", 5),
        ("cinco", 5),
        ("cinq", 5),
        ("six", 6),
        ("seis", 6),
        ("seven", 7),
        ("siete", 7),
        ("sept", 7),
        ("eight", 8),
        ("ocho", 8),
        ("huit", 8),
        ("nine", 9),
        ("nueve", 9),
        ("neuf", 9),
    ];
    if word.len() < 2 || word.len() > 6 {
        return None;
    }
    let same = |w: &str| w.len() == word.len() && w.chars().zip(word).all(|(a, b)| a.eq_ignore_ascii_case(b));
    WORDS.iter().find(|(w, _)| same(w)).map(|&(_, d)| d)
}

/// The digit a Chinese numeral stands for. (A match, not a search: it runs for every character.)
pub(super) fn chinese_digit(c: char) -> Option<u8> {
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
pub(super) fn keypad_digit(letter: u8) -> u8 {
    const KEYS: &[u8; 26] = b"22233344455566677778889999";
    KEYS[usize::from(letter.to_ascii_uppercase() - b'A')] - b'0'
}

impl Stream {
    /// The text read another way, or None when that reading changes nothing. Nothing is copied
    /// until the first change, so text without such words costs one pass and no allocation.
    pub(super) fn read_as(&self, reading: Reading) -> Option<Stream> {
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
            let word_end =
                if c.is_ascii_alphabetic() { self.chars[i..].iter().position(|c| !c.is_ascii_alphabetic()).map_or(n, |k| i + k) } else { i + 1 };
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
