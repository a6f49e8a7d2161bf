//! The planning assumptions as the partner types them on `/launch`: each text, when it parses
//! and is in range, overrides the cited default; otherwise the default stays and the field says
//! why. Also the words the forecast uses for its days.

use std::collections::BTreeMap;

use crate::staffing::{plain_number, validate_assumptions, Assumptions, ASSUMPTIONS};

/// The assumptions in force, and the problem of each field that is not used yet, by key:
/// defaults, overridden by every change that parses and is in range.
pub fn assumptions_from(texts: &BTreeMap<String, String>) -> (Assumptions, Vec<(&'static str, String)>) {
    let mut assumptions = Assumptions::default();
    let mut errors = Vec::new();
    for spec in ASSUMPTIONS {
        let Some(text) = texts.get(spec.key) else { continue };
        match text.trim().parse::<f64>() {
            Ok(value) if value.is_finite() && value >= spec.min && value <= spec.max && (!spec.whole || value.fract() == 0.0) => {
                assumptions.set(spec.key, value);
            }
            _ => errors.push((
                spec.key,
                format!(
                    "Enter a {} from {} to {} ({}). The forecast uses the default until then.",
                    if spec.whole { "whole number" } else { "number" },
                    spec.min,
                    spec.max,
                    spec.unit
                ),
            )),
        }
    }
    errors.extend(validate_assumptions(&assumptions));
    (assumptions, errors)
}

/// What an assumption's field shows: the text typed, or the default written plainly ("180",
/// "0.5").
pub fn assumption_text(texts: &BTreeMap<String, String>, key: &str) -> String {
    texts.get(key).cloned().unwrap_or_else(|| plain_number(Assumptions::default().get(key).unwrap_or_default()))
}

/// A forecast day in words: "day −7", "launch day", "day 41".
pub fn day_label(day: i64) -> String {
    match day {
        0 => "launch day".to_string(),
        d if d < 0 => format!("day −{}", -d),
        d => format!("day {d}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_assumptions_override_defaults_only_when_they_are_in_range() {
        let mut texts = BTreeMap::new();
        texts.insert("handle_time_s".to_string(), " 240 ".to_string());
        texts.insert("shrinkage_pct".to_string(), "lots".to_string());
        let (assumptions, errors) = assumptions_from(&texts);
        assert_eq!(assumptions.handle_time_s, 240.0);
        assert_eq!(assumptions.shrinkage_pct, Assumptions::default().shrinkage_pct);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].0, "shrinkage_pct");
        assert!(errors[0].1.starts_with("Enter a number from"), "{}", errors[0].1);
        assert_eq!(assumption_text(&texts, "handle_time_s"), " 240 ");
        assert_eq!(assumption_text(&BTreeMap::new(), "handle_time_s"), "180");
        assert_eq!((day_label(-7), day_label(0), day_label(41)), ("day −7".to_string(), "launch day".to_string(), "day 41".to_string()));
    }
}
