//! Host tests of the service-level guide: recommendations, share links and the override reason.
#![cfg(not(target_arch = "wasm32"))]

mod common;

/// Property tests of this area: generated inputs (see `common::strategies`), every promise kept.
mod properties {

    use super::common::strategies::*;
    use proptest::prelude::*;

    use portal_core::service_level::{decode_query, encode_query, override_reason_error, recommend, Answers, SharedAnswers};

    use portal_core::staffing::{validate_assumptions, Assumptions, ASSUMPTIONS};

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn share_links_decode_anything(text in hostile()) {
            let _ = decode_query(&text);
        }

        #[test]
        fn share_links_round_trip_and_ignore_what_they_do_not_know(
            cui in any_answer(), financial in any_answer(), records in any_answer(), others in any_answer(),
            audience in any_audience(), chosen in any_level(), junk in "[^&]{0,20}", reason in hostile(),
        ) {
            let answers = Answers { cui, financial, records, others_data: others };
            // The reason travels only with a chosen level, trimmed.
            let reason = if chosen.is_some() { reason.trim().to_string() } else { String::new() };
            let expected = SharedAnswers { answers, audience, chosen, reason };
            let query = encode_query(&expected);
            prop_assert_eq!(decode_query(&query), expected.clone());
            prop_assert_eq!(decode_query(&format!("?x-{junk}&{query}")), expected);
        }

        #[test]
        fn the_override_reason_is_needed_exactly_when_the_choice_differs(chosen in any_level(), recommended in any_level(), reason in hostile()) {
            let differs = chosen.is_some() && chosen != recommended;
            let error = override_reason_error(chosen, recommended, &reason);
            prop_assert_eq!(error.is_some(), differs && reason.trim().is_empty());
            prop_assert!(error.is_none_or(|m| !m.is_empty()));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn every_recommendation_is_reasoned_and_assumptions_are_checked(
            cui in any_answer(), financial in any_answer(), records in any_answer(), others in any_answer(), audience in any_audience(),
            values in prop::collection::vec(prop_oneof![any::<f64>(), -10.0f64..4000.0], ASSUMPTIONS.len()),
        ) {
            let rec = recommend(&Answers { cui, financial, records, others_data: others }, audience);
            if rec.level.is_some() {
                prop_assert!(!rec.reasons.is_empty());
            }
            let mut a = Assumptions::default();
            for (spec, v) in ASSUMPTIONS.iter().zip(&values) {
                a.set(spec.key, *v);
            }
            let errors = validate_assumptions(&a);
            for (spec, v) in ASSUMPTIONS.iter().zip(values) {
                if !v.is_finite() || v < spec.min || v > spec.max || (spec.whole && v.fract() != 0.0) {
                    prop_assert!(errors.contains_key(spec.key), "{} = {} accepted", spec.key, v);
                }
            }
        }
    }
}

/// Issue 25, item 1: the level texts offer in-person verification only where the profile says it
/// is enabled; "not sure" and no answer say to ask the account manager; "no" says users verify
/// online. No level's own description promises a Post Office to every user.
#[test]
fn the_level_texts_mention_in_person_verification_only_where_it_is_enabled() {
    use portal_core::content::content;
    use portal_core::service_level::in_person_fact;
    use portal_core::vocab::{InPerson, Level};
    let levels = &content().service_levels;
    for level in levels.levels {
        for text in [level.user_does, level.agency_gets, level.when_to_choose, level.not_ial2].iter().chain(level.obligations) {
            assert!(!text.contains("Post Office") && !text.contains("Postal") && !text.contains("in person"), "{:?}: {text}", level.id);
        }
    }
    for level in [None, Some(Level::Ial1Aal2), Some(Level::BasicIdv), Some(Level::Ial2Aal2)] {
        for answer in [None, Some(InPerson::Yes), Some(InPerson::No), Some(InPerson::NotSure)] {
            let fact = in_person_fact(level, answer).map(|id| levels.fact(id).expect("the fact exists").text);
            if !level.is_some_and(Level::verifies_identity) {
                assert_eq!(fact, None, "{level:?}");
                continue;
            }
            let text = fact.unwrap();
            assert!(text.contains("only for some partner agencies") || answer == Some(InPerson::No), "{text}");
            assert_eq!(text.contains("users can verify in person"), answer == Some(InPerson::Yes), "{answer:?}: {text}");
            assert_eq!(text.contains("account manager"), matches!(answer, None | Some(InPerson::NotSure)), "{answer:?}: {text}");
        }
    }
}

/// Issue 25, mis-cited: Login.gov's IAL2 list asks about users' own PII or PHI and its IAL1 list
/// about other people's, so the question's reason and its "not sure" guidance name both.
#[test]
fn the_personal_information_question_names_both_whose_information() {
    use portal_core::service_level::{recommend, Answer, Answers, Question};
    let answers = Answers { others_data: Some(Answer::Yes), ..Answers::default() };
    assert!(recommend(&answers, None).reasons[0].contains("their own or someone else's"));
    assert!(Question::OthersData.guidance().contains("their own or someone else's"));
    let hint = portal_core::content::content().service_levels.questions.iter().find(|q| q.id == "others-data").unwrap().hint;
    assert!(hint.contains("their own or someone else's") && hint.contains("users' own"), "{hint}");
}
