//! The language of a text, for checking that its login.gov links are in the same one.

use crate::vocab::Lang;

/// The text's language: Simplified Chinese when ideographs are most of its letters; otherwise
/// English, Spanish or French by counts of common short words, when one clearly leads.
pub(super) fn detect_language(chars: &[char]) -> Option<Lang> {
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

pub(super) const EN: u8 = 1;
pub(super) const ES: u8 = 2;
pub(super) const FR: u8 = 4;

/// Which languages a lowercase word is a common function word of, as flags.
pub(super) fn function_word(word: &[u8]) -> u8 {
    match word {
        b"the" | b"and" | b"you" | b"your" | b"to" | b"of" | b"with" | b"account" | b"for" | b"is" | b"are" | b"this" | b"please" | b"can"
        | b"if" | b"we" | b"our" | b"will" | b"have" => EN,
        b"el" | b"los" | b"las" | b"de" | b"del" | b"que" | b"y" | b"para" | b"su" | b"sus" | b"cuenta" | b"usted" | b"con" | b"por" | b"una"
        | b"es" | b"al" | b"puede" => ES,
        b"le" | b"les" | b"des" | b"et" | b"pour" | b"votre" | b"vos" | b"vous" | b"compte" | b"avec" | b"une" | b"du" | b"est" | b"dans" | b"au"
        | b"aux" | b"sur" | b"pas" => FR,
        b"la" | b"si" => ES | FR,
        _ => 0,
    }
}
