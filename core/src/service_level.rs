//! Recommending a Login.gov service level from the agency's answers to the four DIRA questions
//! and its audience. Pure rules, tested for every combination of answers. The portal
//! recommends; the agency's own risk assessment decides (content fact `sl-risk-assessment-decides`).

use crate::vocab::Level;

use serde::{Deserialize, Serialize};

use super::vocab::{Audience, InPerson};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    Yes,
    No,
    NotSure,
}

impl Answer {
    pub const ALL: [Answer; 3] = [Answer::Yes, Answer::No, Answer::NotSure];

    pub fn id(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::No => "no",
            Answer::NotSure => "not-sure",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Answer::Yes => "Yes",
            Answer::No => "No",
            Answer::NotSure => "Not sure",
        }
    }

    pub fn from_id(id: &str) -> Option<Answer> {
        Answer::ALL.into_iter().find(|a| a.id() == id)
    }
}

/// The four DIRA questions, in the order the guide asks them. Ids match `service_levels.json`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Question {
    Cui,
    Financial,
    Records,
    OthersData,
}

impl Question {
    pub const ALL: [Question; 4] = [Question::Cui, Question::Financial, Question::Records, Question::OthersData];

    pub fn id(self) -> &'static str {
        match self {
            Question::Cui => "cui",
            Question::Financial => "financial",
            Question::Records => "records",
            Question::OthersData => "others-data",
        }
    }

    /// Short words for the question, used when a recommendation quotes the answers.
    pub fn topic(self) -> &'static str {
        match self {
            Question::Cui => "access to controlled unclassified information (CUI)",
            Question::Financial => "financial transactions or banking information",
            Question::Records => "users requesting records",
            Question::OthersData => "users verifying personal or health information, their own or someone else's",
        }
    }

    /// What to do when the agency is not sure of the answer.
    pub fn guidance(self) -> &'static str {
        match self {
            Question::Cui => "Ask your records or information security officer whether any information a signed-in user can see is marked or handled as CUI.",
            Question::Financial => "Check whether any step of the application moves money, takes payments or asks for bank account details, including in later releases you have planned.",
            Question::Records => "Check whether users can ask your agency for records through the application, for example case files or personal records.",
            Question::OthersData => "Check whether a user ever confirms personal or health details, their own or someone else's (such as a dependant, a patient or a client).",
        }
    }
}

/// The agency's answers. `None` is a question not answered yet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    pub cui: Option<Answer>,
    pub financial: Option<Answer>,
    pub records: Option<Answer>,
    #[serde(rename = "others-data")]
    pub others_data: Option<Answer>,
}

impl Answers {
    pub fn get(&self, question: Question) -> Option<Answer> {
        match question {
            Question::Cui => self.cui,
            Question::Financial => self.financial,
            Question::Records => self.records,
            Question::OthersData => self.others_data,
        }
    }

    pub fn set(&mut self, question: Question, answer: Option<Answer>) {
        let slot = match question {
            Question::Cui => &mut self.cui,
            Question::Financial => &mut self.financial,
            Question::Records => &mut self.records,
            Question::OthersData => &mut self.others_data,
        };
        *slot = answer;
    }

    fn with(&self, answer: Answer) -> Vec<Question> {
        Question::ALL.into_iter().filter(|q| self.get(*q) == Some(answer)).collect()
    }

    fn unanswered(&self) -> Vec<Question> {
        Question::ALL.into_iter().filter(|q| self.get(*q).is_none()).collect()
    }

    pub fn is_empty(&self) -> bool {
        self.unanswered().len() == Question::ALL.len()
    }
}

/// Authentication option within AAL2. Ids match `auth_options` in `service_levels.json`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuthOption {
    AnyMfa,
    PhishingResistant,
}

impl AuthOption {
    pub fn id(self) -> &'static str {
        match self {
            AuthOption::AnyMfa => "any-mfa",
            AuthOption::PhishingResistant => "phishing-resistant",
        }
    }
}

/// A consequence of the level, by the id of the content fact that states it.
pub const ALWAYS: [&str; 2] = ["sl-aal-is-a-setting", "sl-no-authorization"];
/// What any identity verification asks of the agency (basic or IAL2).
pub const IDV_CONSEQUENCES: [&str; 3] = ["sl-idv-failure-to-proof", "sl-idv-iaa", "sl-idv-aal2"];

/// What the level texts say about verifying in person, by content fact id: Login.gov offers it
/// only for some partner agencies, so it is offered to users only where the agency says it is
/// enabled; "not sure" and no answer say to ask the account manager. `None` for a level that
/// verifies nobody.
pub fn in_person_fact(level: Option<Level>, in_person: Option<InPerson>) -> Option<&'static str> {
    level.is_some_and(Level::verifies_identity).then_some(match in_person {
        Some(InPerson::Yes) => "sl-idv-in-person",
        Some(InPerson::No) => "sl-idv-in-person-off",
        Some(InPerson::NotSure) | None => "sl-idv-in-person-ask",
    })
}

/// The consequences of a level, by content fact id.
pub fn consequences(level: Option<Level>) -> Vec<&'static str> {
    let mut out = Vec::new();
    if level.is_some_and(Level::verifies_identity) {
        out.extend(IDV_CONSEQUENCES);
    }
    out.extend(ALWAYS);
    out
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recommendation {
    /// The recommended level, when the answers decide one.
    pub level: Option<Level>,
    /// The recommended authentication option, when the audience decides one.
    pub auth_option: Option<AuthOption>,
    /// Why, in plain words, naming the answers that decided it.
    pub reasons: Vec<String>,
    /// What the agency still has to find out, for "not sure" and unanswered questions.
    pub guidance: Vec<String>,
    /// Content fact ids stating what the level obliges the agency to do.
    pub consequences: Vec<&'static str>,
}

fn list(questions: &[Question]) -> String {
    let topics: Vec<&str> = questions.iter().map(|q| q.topic()).collect();
    match topics.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The recommendation for a set of answers and an audience.
pub fn recommend(answers: &Answers, audience: Option<Audience>) -> Recommendation {
    let yes = answers.with(Answer::Yes);
    let not_sure = answers.with(Answer::NotSure);
    let unanswered = answers.unanswered();
    let mut reasons = Vec::new();
    let mut guidance = Vec::new();

    let level = if !yes.is_empty() {
        reasons.push(format!(
            "You answered yes for {}. When any of the four questions is yes, IAL2 may be appropriate, so users verify their identity.",
            list(&yes)
        ));
        if !not_sure.is_empty() || !unanswered.is_empty() {
            reasons.push("Your other answers cannot change this: one yes is enough.".to_string());
        }
        Some(Level::Ial2Aal2)
    } else if not_sure.is_empty() && unanswered.is_empty() {
        reasons.push(
            "You answered no to all four questions. IAL1 may be appropriate only when every answer is no, so users create an account without verifying their identity.".to_string(),
        );
        Some(Level::Ial1Aal2)
    } else {
        None
    };

    if level.is_none() {
        if !not_sure.is_empty() {
            guidance.push(format!(
                "No level yet: IAL1 fits only if every answer is no, and you are not sure about {}. Find out before you choose:",
                list(&not_sure)
            ));
            guidance.extend(not_sure.iter().map(|q| q.guidance().to_string()));
        }
        if !unanswered.is_empty() {
            guidance.push(format!("Still to answer: {}.", list(&unanswered)));
        }
    }

    let auth_option = match audience {
        Some(Audience::Workforce) => {
            reasons.push("Your users include agency staff or contractors, so OMB M-22-09 requires phishing-resistant authentication (or PIV/CAC only, if every user has a card).".to_string());
            Some(AuthOption::PhishingResistant)
        }
        Some(Audience::Both) => {
            reasons.push("Some of your users are agency staff or contractors: they need phishing-resistant authentication under OMB M-22-09, and the public must be offered it as an option.".to_string());
            Some(AuthOption::PhishingResistant)
        }
        Some(Audience::Public) => {
            reasons.push(
                "Your users are the public: any multi-factor method is allowed, and phishing-resistant methods must be offered as an option."
                    .to_string(),
            );
            Some(AuthOption::AnyMfa)
        }
        Some(Audience::NotSure) => {
            guidance.push("If any of your users are agency staff or contractors, they need phishing-resistant authentication (OMB M-22-09). Find out who will sign in.".to_string());
            None
        }
        None => {
            guidance.push("Say who will sign in to get an authentication recommendation.".to_string());
            None
        }
    };

    Recommendation { level, auth_option, reasons, guidance, consequences: consequences(level) }
}

/// The level that drives the rest of the portal: the agency's own choice when it made one,
/// otherwise the recommendation.
pub fn effective_level(chosen: Option<Level>, recommended: Option<Level>) -> Option<Level> {
    chosen.or(recommended)
}

/// Choosing a level other than the recommendation needs a recorded reason.
pub fn override_reason_error(chosen: Option<Level>, recommended: Option<Level>, reason: &str) -> Option<&'static str> {
    let differs = matches!((chosen, recommended), (Some(c), Some(r)) if c != r) || (chosen.is_some() && recommended.is_none());
    (differs && reason.trim().is_empty())
        .then_some("Say why your agency chooses a level other than the recommendation. Your reviewer will see this reason.")
}

/// The share link's query: the answers, the audience, the chosen level and the reason for
/// choosing it, e.g. `cui=no&financial=yes&records=not-sure&others-data=no&audience=public&level=ial2-aal2`.
/// The reason travels with the level, so the recipient does not see a level without its reason.
pub fn encode_query(shared: &SharedAnswers) -> String {
    let mut parts: Vec<String> = Question::ALL.into_iter().filter_map(|q| shared.answers.get(q).map(|a| format!("{}={}", q.id(), a.id()))).collect();
    if let Some(audience) = shared.audience {
        parts.push(format!("audience={}", audience.id()));
    }
    if let Some(level) = shared.chosen {
        parts.push(format!("level={}", level.id()));
        if !shared.reason.trim().is_empty() {
            parts.push(format!("reason={}", super::text::encode_query_value(shared.reason.trim())));
        }
    }
    parts.join("&")
}

/// What a share link carries. Unknown keys and values are ignored, never fatal.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SharedAnswers {
    pub answers: Answers,
    pub audience: Option<Audience>,
    pub chosen: Option<Level>,
    /// Why the agency chose its level; empty when it follows the recommendation.
    pub reason: String,
}

impl SharedAnswers {
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty() && self.audience.is_none() && self.chosen.is_none()
    }
}

/// Decodes a percent-encoded query value as UTF-8 (`+` is a space, as forms write it). A bad
/// escape is kept as typed, and invalid UTF-8 becomes the replacement character.
fn decode_query_value(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(byte) => {
                        out.push(byte);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Reads a share link's query string (with or without the leading `?`).
pub fn decode_query(query: &str) -> SharedAnswers {
    let mut shared = SharedAnswers::default();
    for pair in query.trim_start_matches('?').split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        if let Some(question) = Question::ALL.into_iter().find(|q| q.id() == key) {
            if let Some(answer) = Answer::from_id(value) {
                shared.answers.set(question, Some(answer));
            }
        } else if key == "audience" {
            shared.audience = Audience::from_id(value).or(shared.audience);
        } else if key == "level" {
            shared.chosen = Level::from_id(value).or(shared.chosen);
        } else if key == "reason" {
            // As long as a typed reason may be, and no longer.
            shared.reason = decode_query_value(value).trim().chars().take(super::text::MAX_FIELD_CHARS).collect();
        }
    }
    if shared.chosen.is_none() {
        shared.reason.clear();
    }
    shared
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_links_carry_the_reason_for_a_chosen_level() {
        let shared = SharedAnswers {
            answers: Answers { financial: Some(Answer::No), ..Answers::default() },
            audience: Some(Audience::Public),
            chosen: Some(Level::Ial2Aal2),
            reason: "Risk assessment 2026-10 & \"signed\" ☂ 100%".into(),
        };
        let query = encode_query(&shared);
        assert!(query.contains("&reason=Risk%20assessment%202026-10%20%26%20%22signed%22%20%E2%98%82%20100%25"), "{query}");
        assert_eq!(decode_query(&query), shared);
        // Forms write spaces as +; a broken escape stays as typed.
        assert_eq!(decode_query("level=ial1-aal2&reason=a+b%2x%").reason, "a b%2x%");
        // A reason without a chosen level means nothing, and is dropped.
        assert_eq!(decode_query("reason=x"), SharedAnswers::default());
        let no_reason = SharedAnswers { reason: String::new(), ..shared.clone() };
        assert!(!encode_query(&no_reason).contains("reason="));
        let unchosen = SharedAnswers { chosen: None, ..shared };
        assert!(!encode_query(&unchosen).contains("reason="));
    }

    fn all_answer_options() -> Vec<Option<Answer>> {
        vec![None, Some(Answer::Yes), Some(Answer::No), Some(Answer::NotSure)]
    }

    fn all_audiences() -> Vec<Option<Audience>> {
        vec![None, Some(Audience::Public), Some(Audience::Workforce), Some(Audience::Both), Some(Audience::NotSure)]
    }

    /// Every combination: 4^4 answer sets × 5 audiences = 1,280 cases, each checked against
    /// the rules stated independently here.
    #[test]
    fn every_combination_follows_the_rules() {
        let mut cases = 0;
        for cui in all_answer_options() {
            for financial in all_answer_options() {
                for records in all_answer_options() {
                    for others_data in all_answer_options() {
                        for audience in all_audiences() {
                            let answers = Answers { cui, financial, records, others_data };
                            let given = [cui, financial, records, others_data];
                            let r = recommend(&answers, audience);
                            cases += 1;
                            let any_yes = given.contains(&Some(Answer::Yes));
                            let all_no = given.iter().all(|a| *a == Some(Answer::No));
                            let expected_level = if any_yes {
                                Some(Level::Ial2Aal2)
                            } else if all_no {
                                Some(Level::Ial1Aal2)
                            } else {
                                None
                            };
                            assert_eq!(r.level, expected_level, "{answers:?}");

                            // The reason names every yes answer that decided IAL2.
                            for q in Question::ALL {
                                if answers.get(q) == Some(Answer::Yes) {
                                    assert!(r.reasons[0].contains(q.topic()), "{answers:?}: {:?}", r.reasons);
                                }
                            }
                            if all_no {
                                assert!(r.reasons[0].contains("no to all four"));
                            }
                            // Not sure yields guidance, never a guessed level.
                            if !any_yes && given.contains(&Some(Answer::NotSure)) {
                                for q in Question::ALL {
                                    if answers.get(q) == Some(Answer::NotSure) {
                                        assert!(r.guidance.iter().any(|g| g == q.guidance()), "{answers:?}");
                                    }
                                }
                            }
                            if !any_yes && given.contains(&None) {
                                assert!(r.guidance.iter().any(|g| g.starts_with("Still to answer")));
                            }
                            if expected_level.is_some() {
                                assert!(!r.reasons.is_empty());
                            }

                            let expected_auth = match audience {
                                Some(Audience::Workforce) | Some(Audience::Both) => Some(AuthOption::PhishingResistant),
                                Some(Audience::Public) => Some(AuthOption::AnyMfa),
                                _ => None,
                            };
                            assert_eq!(r.auth_option, expected_auth);
                            if expected_auth.is_none() {
                                assert!(r.guidance.iter().any(|g| g.contains("sign in")));
                            }

                            let ial2 = r.level == Some(Level::Ial2Aal2);
                            for fact in IDV_CONSEQUENCES {
                                assert_eq!(r.consequences.contains(&fact), ial2, "{fact} for {answers:?}");
                            }
                            for fact in ALWAYS {
                                assert!(r.consequences.contains(&fact));
                            }
                        }
                    }
                }
            }
        }
        assert_eq!(cases, 1280);
    }

    #[test]
    fn financial_yes_means_ial2_with_failure_to_proof() {
        let answers = Answers { financial: Some(Answer::Yes), ..Answers::default() };
        let r = recommend(&answers, Some(Audience::Public));
        assert_eq!(r.level, Some(Level::Ial2Aal2));
        assert!(r.reasons[0].contains("financial transactions or banking information"));
        assert!(r.consequences.contains(&"sl-idv-failure-to-proof"));
    }

    #[test]
    fn all_no_for_the_public_means_ial1_any_mfa() {
        let no = Some(Answer::No);
        let r = recommend(&Answers { cui: no, financial: no, records: no, others_data: no }, Some(Audience::Public));
        assert_eq!(r.level, Some(Level::Ial1Aal2));
        assert_eq!(r.auth_option, Some(AuthOption::AnyMfa));
        assert!(r.guidance.is_empty());
        assert_eq!(r.consequences, ALWAYS.to_vec());
    }

    #[test]
    fn basic_verification_is_never_recommended_but_counts_as_identity_verification() {
        assert!(Level::BasicIdv.verifies_identity() && Level::Ial2Aal2.verifies_identity() && !Level::Ial1Aal2.verifies_identity());
        assert_eq!(consequences(Some(Level::BasicIdv)), consequences(Some(Level::Ial2Aal2)));
        assert_eq!(consequences(Some(Level::Ial1Aal2)), ALWAYS.to_vec());
        // Choosing it over an IAL2 recommendation needs a reason, like any other override.
        assert!(override_reason_error(Some(Level::BasicIdv), Some(Level::Ial2Aal2), "").is_some());
    }

    #[test]
    fn overriding_needs_a_reason() {
        let (i1, i2) = (Some(Level::Ial1Aal2), Some(Level::Ial2Aal2));
        assert!(override_reason_error(i1, i2, "").is_some());
        assert!(override_reason_error(i1, i2, "   ").is_some());
        assert!(override_reason_error(i1, i2, "Risk assessment signed 2026-10-01").is_none());
        assert!(override_reason_error(i2, i2, "").is_none());
        assert!(override_reason_error(None, i2, "").is_none());
        assert!(override_reason_error(i2, None, "").is_some());
        assert_eq!(effective_level(i1, i2), i1);
        assert_eq!(effective_level(None, i2), i2);
        assert_eq!(effective_level(None, None), None);
    }

    #[test]
    fn share_links_round_trip() {
        for cui in all_answer_options() {
            for records in all_answer_options() {
                for audience in all_audiences() {
                    for chosen in [None, Some(Level::Ial1Aal2), Some(Level::BasicIdv), Some(Level::Ial2Aal2)] {
                        let answers = Answers { cui, financial: Some(Answer::NotSure), records, others_data: None };
                        let shared = SharedAnswers { answers, audience, chosen, reason: String::new() };
                        let query = encode_query(&shared);
                        assert_eq!(decode_query(&query), shared, "{query}");
                        assert_eq!(decode_query(&format!("?{query}")), shared);
                    }
                }
            }
        }
        assert_eq!(
            encode_query(&SharedAnswers {
                answers: Answers { cui: Some(Answer::No), financial: Some(Answer::Yes), ..Answers::default() },
                audience: Some(Audience::Workforce),
                chosen: None,
                reason: String::new(),
            }),
            "cui=no&financial=yes&audience=workforce"
        );
    }

    #[test]
    fn junk_share_links_decode_to_what_is_valid() {
        assert!(decode_query("").is_empty());
        assert!(decode_query("?&&=&cui&level=ial9&audience=<script>").is_empty());
        let shared = decode_query("cui=maybe&financial=yes&financial=bogus&%ff=1&records=no=no");
        assert_eq!(shared.answers.financial, Some(Answer::Yes));
        assert_eq!(shared.answers.cui, None);
        assert_eq!(shared.answers.records, None);
    }
}
