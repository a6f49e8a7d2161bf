//! Host tests of the record: saving, loading, importing and the length limit.
#![cfg(not(target_arch = "wasm32"))]

mod common;

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
