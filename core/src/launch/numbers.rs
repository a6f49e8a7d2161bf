//! The launch form's numbers: whole numbers (with or without thousands separators) and percents
//! (to a tenth), read as typed, with a message that says what is wrong.

use crate::text::format_count;

use super::fields::LaunchField;
use super::problems::{noun, FormProblems};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum WholeError {
    Empty,
    Negative,
    Decimal,
    Commas,
    NotDigits,
    TooLarge,
}

/// Reads a whole number: digits, optionally with commas between groups of three ("12,000").
/// Spaces before or after are ignored (the typed text is kept as it is). Decimals, negative
/// numbers, other separators and letters are refused.
pub(super) fn parse_whole_inner(text: &str) -> Result<u64, WholeError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(WholeError::Empty);
    }
    if t.starts_with(['-', '\u{2212}']) && t.len() > 1 {
        return Err(WholeError::Negative);
    }
    let digits_commas_dot = t.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.');
    if !digits_commas_dot || !t.chars().any(|c| c.is_ascii_digit()) {
        return Err(WholeError::NotDigits);
    }
    if t.contains('.') {
        return Err(WholeError::Decimal);
    }
    let groups: Vec<&str> = t.split(',').collect();
    if groups.len() > 1 {
        let first_ok = (1..=3).contains(&groups[0].len());
        let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
        if !first_ok || !rest_ok {
            return Err(WholeError::Commas);
        }
    }
    let digits: String = groups.concat();
    digits.parse::<u64>().map_err(|_| WholeError::TooLarge)
}

impl WholeError {
    pub(super) fn message(self) -> &'static str {
        match self {
            WholeError::Empty => "Enter a number.",
            WholeError::Negative => "Enter a number that is zero or more, not a negative number.",
            WholeError::Decimal => "Enter a whole number, without decimals.",
            WholeError::Commas => "Put commas only between groups of three digits, as in 12,000, or leave them out.",
            WholeError::NotDigits => "Enter digits only, such as 12000 or 12,000.",
            WholeError::TooLarge => "The number is too large.",
        }
    }

    /// The same problem, said of a named field.
    pub(super) fn about(self, noun: &str) -> String {
        match self {
            WholeError::Empty => format!("Enter {noun}."),
            WholeError::Negative => format!("Enter {noun} as zero or more, not a negative number."),
            WholeError::Decimal => format!("Enter {noun} as a whole number, without decimals."),
            WholeError::Commas => format!("In {noun}, put commas only between groups of three digits, as in 12,000, or leave them out."),
            WholeError::NotDigits => format!("Enter {noun} in digits only, such as 12000 or 12,000."),
            WholeError::TooLarge => format!("The number for {noun} is too large."),
        }
    }
}

/// A whole, non-negative number as typed ("12000" or "12,000"); the error says what is wrong.
pub fn parse_whole(text: &str) -> Result<u64, String> {
    parse_whole_inner(text).map_err(|e| e.message().to_string())
}

/// The bounds of the whole-number fields: the form's and the staffing planner's one rule.
pub fn whole_bounds(field: LaunchField) -> (u64, u64) {
    match field {
        LaunchField::AnnualRegistrations | LaunchField::AnnualAuthentications => (0, 500_000_000),
        LaunchField::RampWeeks => (1, 52),
        _ => (0, 100_000_000),
    }
}

pub(super) fn check_whole(problems: &mut FormProblems, field: LaunchField, text: &str, required: bool) -> Option<u64> {
    let (min, max) = whole_bounds(field);
    let grouped = |n: u64| format_count(n as f64);
    let range = format!("from {} to {}", grouped(min), grouped(max));
    let noun = noun(field);
    match parse_whole_inner(text) {
        Ok(n) if n < min || n > max => {
            problems.add(field, format!("Enter {noun} as a number {range}: {} is outside that range.", text.trim()));
            None
        }
        Ok(n) => Some(n),
        Err(WholeError::Empty) if !required => None,
        Err(WholeError::Empty) => {
            problems.add(field, format!("Enter {noun}, as a whole number {range}."));
            None
        }
        Err(e) => {
            problems.add(field, format!("{} It must be {range}.", e.about(noun)));
            None
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum PercentError {
    Empty,
    PercentSign,
    Negative,
    TooManyDecimals,
    NotANumber,
    OverHundred,
}

/// A percent in tenths: "12.5" → 125. Whole numbers or one decimal, 0 to 100.
pub(super) fn parse_tenths(text: &str) -> Result<u32, PercentError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(PercentError::Empty);
    }
    if t.ends_with('%') {
        return Err(PercentError::PercentSign);
    }
    if t.starts_with(['-', '\u{2212}']) && t.len() > 1 {
        return Err(PercentError::Negative);
    }
    let (whole, fraction) = match t.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (t, None),
    };
    let is_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !is_digits(whole) {
        return Err(PercentError::NotANumber);
    }
    let tenth = match fraction {
        None => 0,
        Some(f) if is_digits(f) && f.len() == 1 => u32::from(f.as_bytes()[0] - b'0'),
        Some(f) if is_digits(f) => return Err(PercentError::TooManyDecimals),
        Some(_) => return Err(PercentError::NotANumber),
    };
    let significant = whole.trim_start_matches('0');
    if significant.len() > 3 {
        return Err(PercentError::OverHundred);
    }
    let whole: u32 = if significant.is_empty() { 0 } else { significant.parse().map_err(|_| PercentError::NotANumber)? };
    let tenths = whole * 10 + tenth;
    if tenths > 1000 {
        return Err(PercentError::OverHundred);
    }
    Ok(tenths)
}

impl PercentError {
    pub(super) fn message(self) -> &'static str {
        match self {
            PercentError::Empty => "Enter a percent from 0 to 100.",
            PercentError::PercentSign => "Leave out the % sign: enter just the number, such as 25.",
            PercentError::Negative => "Enter a percent from 0 to 100, not a negative number.",
            PercentError::TooManyDecimals => "Use at most one decimal place, such as 12.5.",
            PercentError::NotANumber => "Enter a percent as a number from 0 to 100, such as 25 or 12.5.",
            PercentError::OverHundred => "Enter a percent no larger than 100.",
        }
    }

    pub(super) fn about(self, noun: &str) -> String {
        match self {
            PercentError::Empty => format!("Enter {noun} as a percent from 0 to 100."),
            PercentError::PercentSign => format!("For {noun}, leave out the % sign: enter just the number, such as 25."),
            PercentError::Negative => format!("Enter {noun} as a percent from 0 to 100, not a negative number."),
            PercentError::TooManyDecimals => format!("Enter {noun} with at most one decimal place, such as 12.5."),
            PercentError::NotANumber => format!("Enter {noun} as a number from 0 to 100, such as 25 or 12.5."),
            PercentError::OverHundred => format!("Enter {noun} as a percent no larger than 100."),
        }
    }
}

/// A percent as typed: a whole number or one decimal ("12.5"), from 0 to 100.
pub fn parse_percent(text: &str) -> Result<f64, String> {
    parse_tenths(text).map(|t| f64::from(t) / 10.0).map_err(|e| e.message().to_string())
}

pub(super) fn tenths_text(tenths: u32) -> String {
    if tenths.is_multiple_of(10) {
        format!("{}", tenths / 10)
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

pub(super) fn check_percent(problems: &mut FormProblems, field: LaunchField, text: &str, required_message: Option<&str>) -> Option<u32> {
    match parse_tenths(text) {
        Ok(t) => Some(t),
        Err(PercentError::Empty) => {
            if let Some(message) = required_message {
                problems.add(field, message);
            }
            None
        }
        Err(e) => {
            problems.add(field, e.about(noun(field)));
            None
        }
    }
}

/// The forecast reads numbers that did not parse as 0; this keeps `staffing` free of form text.
pub(super) fn whole_or_zero(text: &str) -> u64 {
    parse_whole(text).unwrap_or(0)
}

pub(super) fn percent_or_zero(text: &str) -> f64 {
    parse_percent(text).unwrap_or(0.0)
}
