//! Host tests of the record: saving, loading, importing and the length limit.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::time::Instant;

use serde_json::{json, Value};

use portal_core::record::{import, to_json, ReadinessRecord};

/// A record with `items` checklist entries (ids the content does not have are kept as they are),
/// one of them damaged when `bad_at` says which.
fn large_record(items: usize, bad_at: Option<usize>) -> String {
    let mut value: Value = serde_json::from_str(&to_json(&ReadinessRecord::default())).unwrap();
    let map = value["checklist"]["items"].as_object_mut().unwrap();
    for i in 0..items {
        let status = if Some(i) == bad_at { json!("approved-by-gsa") } else { json!("done") };
        map.insert(format!("item-{i:05}"), json!({ "status": status, "note": format!("note {i}") }));
    }
    value.to_string()
}

/// Issue 27, item 11: one bad value among 20,000 checklist items is found in one pass. The
/// figure gated is a ratio, so a busy machine does not fail it: reading the damaged record
/// costs at most three times reading the same record undamaged (the search it replaced took
/// 18 s for 5,000 items, thousands of times a clean read). The time itself is printed.
#[test]
fn one_bad_value_among_twenty_thousand_items_is_named_in_one_pass() {
    let good = large_record(20_000, None);
    let bad = large_record(20_000, Some(12_345));
    assert!(import(&good).is_ok(), "the undamaged record reads");
    let error = import(&bad).unwrap_err().to_string();
    assert!(error.contains("the checklist item “item-12345”, the status"), "{error}");
    assert!(error.contains("“approved-by-gsa” is not one the portal knows"), "{error}");
    let best = |text: &str| {
        (0..5)
            .map(|_| {
                let started = Instant::now();
                let _ = import(text);
                started.elapsed()
            })
            .min()
            .unwrap()
    };
    let (clean, damaged) = (best(&good), best(&bad));
    println!("20,000 items: undamaged {clean:?}, one bad {damaged:?}");
    assert!(damaged.as_secs_f64() <= 3.0 * clean.as_secs_f64() + 0.005, "damaged {damaged:?} against undamaged {clean:?}");
}

/// Where a bad value sits deep in a list, the path names its place.
#[test]
fn a_bad_value_in_a_list_is_named_by_its_position() {
    let mut value: Value = serde_json::from_str(&to_json(&ReadinessRecord::default())).unwrap();
    value["launch"]["receipts"] = json!([{"at": 5}]);
    let error = import(&value.to_string()).unwrap_err().to_string();
    assert!(error.contains("launch receipt 1"), "{error}");
}

/// Property tests of this area: generated inputs (see `common::strategies`), every promise kept.
mod properties {

    use super::common::strategies::*;
    use proptest::prelude::*;

    use portal_core::launch::LaunchField;

    use portal_core::record::{check_limits, import, load, to_json, ReadinessRecord};

    use portal_core::text::MAX_FIELD_CHARS;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn loading_any_text_never_panics(text in hostile()) {
            let _ = load(Some(&text));
            let _ = import(&text);
        }

        #[test]
        fn records_with_any_text_round_trip(agency in hostile(), application in hostile(), note in hostile(), status in any::<u8>()) {
            let record = record_from(agency, application, note, status);
            prop_assert_eq!(import(&to_json(&record)), Ok(record));
        }
    }

    proptest! {
        // Records with 48 hostile strings each: generating them is the slow part, so fewer cases.
        #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

        #[test]
        fn a_record_with_hostile_text_everywhere_round_trips(texts in prop::collection::vec(hostile(), TEXTS), choices in any::<u32>()) {
            let record = full_record(&texts, choices);
            prop_assert_eq!(import(&to_json(&record)), Ok(record));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        /// What the store refuses to save is exactly what load and import refuse, for every field:
        /// so the app never writes a record it cannot read back.
        #[test]
        fn the_length_limit_is_the_same_for_saving_and_loading(field in 0usize..15 + LaunchField::ALL.len(), extra in 0usize..4, wide in any::<bool>()) {
            let length = MAX_FIELD_CHARS - 2 + extra;
            let text: String = if wide { "👩".repeat(length) } else { "x".repeat(length) };
            let mut record = ReadinessRecord::default();
            set_text_field(&mut record, field, text);
            let fits = length <= MAX_FIELD_CHARS;
            prop_assert_eq!(check_limits(&record).is_ok(), fits, "field {}", field);
            prop_assert_eq!(import(&to_json(&record)).is_ok(), fits, "field {}", field);
        }
    }
}
