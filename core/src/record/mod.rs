//! The readiness record: one versioned document holding all of a user's work. It is what is
//! saved in the browser, exported as a file and imported again, so every change to its shape
//! bumps `RECORD_VERSION` and adds a step to `migrate`.

mod document;
mod limits;
mod merge;
mod places;
mod read;
mod summary;

pub use document::*;
pub use limits::*;
pub use merge::*;
pub use read::*;
pub use summary::*;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::ChecklistWork;
    use crate::launch::{LaunchForm, OutboxEntry, Receipt};
    use crate::service_level;
    use crate::text::MAX_FIELD_CHARS;
    use crate::vocab::{Audience, OidcFlow, PartnerType, Protocol};
    use crate::vocab::{Level, Profile};

    fn sample() -> ReadinessRecord {
        ReadinessRecord {
            profile: Profile {
                agency: "Department of Examples".into(),
                application: "Benefits \"Portal\" <beta>".into(),
                protocol: Some(Protocol::Saml),
                audience: Some(Audience::Both),
                ..Default::default()
            },
            ..Default::default()
        }
    }

    #[test]
    fn a_launch_draft_starts_with_the_first_edit_of_the_form_or_an_assumption() {
        let mut record = sample();
        assert!(!record.launch.has_draft(), "a profile alone is not a launch draft");
        record.launch.assumption_texts.insert("handle_time_s".into(), "600".into());
        assert!(record.launch.has_draft());
        record.launch.assumption_texts.clear();
        record.launch.form = Some(LaunchForm::default());
        assert!(record.launch.has_draft(), "an edited form, even emptied again, is a draft");
        record.launch.form = None;
        record.launch.outbox.push(OutboxEntry {
            idempotency_key: "k".into(),
            payload: serde_json::json!({}),
            queued_at: String::new(),
            attempts: 0,
            last_error: String::new(),
        });
        assert!(!record.launch.has_draft(), "a queued submission is not a draft of the form");
    }

    #[test]
    fn round_trips_through_json() {
        let record = sample();
        assert_eq!(import(&to_json(&record)), Ok(record.clone()));
        assert_eq!(load(Some(&to_json(&record))), LoadOutcome::Current(record));
    }

    #[test]
    fn empty_storage_starts_fresh() {
        assert_eq!(load(None), LoadOutcome::Empty);
        assert_eq!(load(Some("  ")), LoadOutcome::Empty);
    }

    #[test]
    fn unreadable_text_is_kept_for_the_caller() {
        for (raw, expected) in [
            ("{not json", RecordError::NotJson(String::new())),
            ("[1,2]", RecordError::NotARecord),
            ("{\"kind\":\"something-else\",\"version\":1}", RecordError::NotARecord),
            (&format!("{{\"kind\":\"{RECORD_KIND}\"}}"), RecordError::NoVersion),
            (&format!("{{\"kind\":\"{RECORD_KIND}\",\"version\":99}}"), RecordError::NewerVersion(99)),
            (&format!("{{\"kind\":\"{RECORD_KIND}\",\"version\":0}}"), RecordError::BadShape(String::new())),
            (&format!("{{\"kind\":\"{RECORD_KIND}\",\"version\":1,\"profile\":{{\"protocol\":\"ftp\"}}}}"), RecordError::BadShape(String::new())),
        ] {
            match load(Some(raw)) {
                LoadOutcome::Unreadable { raw: kept, error } => {
                    assert_eq!(kept, raw);
                    assert_eq!(std::mem::discriminant(&error), std::mem::discriminant(&expected), "{raw}: {error}");
                    assert!(!error.to_string().is_empty());
                }
                other => panic!("{raw} loaded as {other:?}"),
            }
        }
    }

    /// A record exactly as version 1 of the portal exported it.
    const VERSION_1: &str = r#"{
      "kind": "login-gov-partner-readiness-record",
      "version": 1,
      "profile": { "agency": "Department of Examples", "application": "Benefits", "protocol": "oidc", "audience": "workforce" }
    }"#;

    #[test]
    fn version_1_records_migrate_with_their_profile_intact() {
        let LoadOutcome::Migrated { record, from_version } = load(Some(VERSION_1)) else { panic!("not migrated") };
        assert_eq!(from_version, 1);
        assert_eq!(record.version, RECORD_VERSION);
        assert_eq!(record.profile.agency, "Department of Examples");
        assert_eq!(record.profile.protocol, Some(Protocol::Oidc));
        assert_eq!(record.profile.audience, Some(Audience::Workforce));
        assert_eq!(record.service_level, ServiceLevelWork::default());
        assert_eq!(record.checklist, ChecklistWork::default());
        assert_eq!(record.support, SupportWork::default());
        assert_eq!(record.launch, LaunchWork::default());
        // Importing an old export migrates it the same way.
        assert_eq!(import(VERSION_1), Ok(record));
    }

    #[test]
    fn version_2_records_migrate_keeping_their_service_level() {
        let v2 = r#"{"kind": "login-gov-partner-readiness-record", "version": 2,
            "profile": {"agency": "Office of Tests"},
            "service_level": {"answers": {"financial": "yes"}, "chosen": null, "override_reason": ""}}"#;
        let LoadOutcome::Migrated { record, from_version } = load(Some(v2)) else { panic!("not migrated") };
        assert_eq!(from_version, 2);
        assert_eq!(record.service_level.answers.financial, Some(service_level::Answer::Yes));
        assert_eq!(record.checklist, ChecklistWork::default());
        assert_eq!(record.support, SupportWork::default());
    }

    #[test]
    fn version_3_records_migrate_keeping_their_checklist() {
        let v3 = r#"{"kind": "login-gov-partner-readiness-record", "version": 3,
            "checklist": {"items": {"chk-iaa-signed": {"status": "done"}}, "sign_offs": {}}}"#;
        let LoadOutcome::Migrated { record, from_version } = load(Some(v3)) else { panic!("not migrated") };
        assert_eq!(from_version, 3);
        assert_eq!(record.checklist.item("chk-iaa-signed").status, super::super::checklist::ItemStatus::Done);
        assert_eq!(record.support, SupportWork::default());
    }

    #[test]
    fn version_4_records_migrate_keeping_their_support_work() {
        let v4 = r#"{"kind": "login-gov-partner-readiness-record", "version": 4,
            "support": {"help_desk": "help@example.gov", "email_lang": "es"}}"#;
        let LoadOutcome::Migrated { record, from_version } = load(Some(v4)) else { panic!("not migrated") };
        assert_eq!(from_version, 4);
        assert_eq!(record.support.email_lang, "es");
        assert_eq!(record.launch, LaunchWork::default());
    }

    /// A version-5 record as the portal wrote it before the deploy date and the user launch date
    /// were separate fields.
    const VERSION_5: &str = r#"{
      "kind": "login-gov-partner-readiness-record",
      "version": 5,
      "profile": { "agency": "Department of Examples", "application": "Benefits", "protocol": "oidc", "audience": "public" },
      "launch": {
        "form": { "launch_date": "2027-03-02", "help_desk_contact": "help@example.gov, weekdays 9-5",
                  "billing_contacts": "billing@example.gov", "monthly_active_users": "12,000" },
        "assumption_texts": {}, "outbox": [], "receipts": []
      }
    }"#;

    #[test]
    fn version_5_records_migrate_their_launch_date_to_the_deploy_date() {
        let LoadOutcome::Migrated { record, from_version } = load(Some(VERSION_5)) else { panic!("not migrated") };
        assert_eq!(from_version, 5);
        assert_eq!(record.profile.partner_type, None);
        assert_eq!(record.profile.oidc_flow, None);
        assert_eq!(record.profile.protocol, Some(Protocol::Oidc));
        let form = record.launch.form.expect("the draft is kept");
        assert_eq!(form.deploy_date, "2027-03-02");
        assert_eq!(form.user_launch_date, "");
        assert_eq!(form.help_desk_other, "help@example.gov, weekdays 9-5");
        assert_eq!(form.billing_contacts, "billing@example.gov");
        assert_eq!(form.monthly_active_users, "12,000");
        // A version-5 record without a launch draft migrates too.
        let bare = r#"{"kind": "login-gov-partner-readiness-record", "version": 5, "profile": {"agency": "A"}}"#;
        let LoadOutcome::Migrated { record, .. } = load(Some(bare)) else { panic!("not migrated") };
        assert_eq!(record.profile.agency, "A");
        assert_eq!(record.launch.form, None);
    }

    #[test]
    fn version_7_records_keep_the_calendar_uid_their_downloads_used() {
        // Before version 8 the .ics UID was the last receipt's key: kept, so the next download
        // updates those events, with a SEQUENCE raised since what they said is unknown.
        let v7 = r#"{"kind": "login-gov-partner-readiness-record", "version": 7,
            "launch": {"form": {"deploy_date": "2027-03-02"}, "receipts": [
                {"idempotency_key": "older", "at": "2026-11-01T00:00:00Z", "sent": true},
                {"idempotency_key": "latest", "at": "2026-11-02T00:00:00Z", "sent": true}]}}"#;
        let LoadOutcome::Migrated { mut record, from_version } = load(Some(v7)) else { panic!("not migrated") };
        assert_eq!(from_version, 7);
        assert_eq!(record.launch.calendar, CalendarEntry { uid: "latest".into(), sequence: 0, fingerprint: String::new() });
        record.launch.calendar.for_download("abc", || unreachable!("the UID is kept"));
        assert_eq!((record.launch.calendar.uid.as_str(), record.launch.calendar.sequence), ("latest", 1));
        // Without receipts there was no UID worth keeping: the first download picks one.
        let bare = r#"{"kind": "login-gov-partner-readiness-record", "version": 7, "launch": {"receipts": []}}"#;
        let LoadOutcome::Migrated { record, .. } = load(Some(bare)) else { panic!("not migrated") };
        assert_eq!(record.launch.calendar, CalendarEntry::default());
    }

    #[test]
    fn version_8_records_migrate_with_in_person_verification_unanswered() {
        let v8 = r#"{"kind": "login-gov-partner-readiness-record", "version": 8,
            "profile": {"agency": "A", "protocol": "saml"}, "service_level": {"chosen": "basic-idv", "override_reason": "x"}}"#;
        let LoadOutcome::Migrated { record, from_version } = load(Some(v8)) else { panic!("not migrated") };
        assert_eq!(from_version, 8);
        assert_eq!(record.profile.in_person, None);
        assert_eq!(record.profile.protocol, Some(Protocol::Saml));
        assert_eq!(record.level(), Some(Level::BasicIdv));
        // The answer round-trips once given.
        let mut answered = record.clone();
        answered.profile.in_person = Some(crate::vocab::InPerson::NotSure);
        assert_eq!(import(&to_json(&answered)), Ok(answered));
    }

    #[test]
    fn two_tabs_changes_merge_and_a_clash_is_named_with_both_versions_kept() {
        let base = sample();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        mine.profile.application = "Mine".into();
        theirs.service_level.override_reason = "Theirs".into();
        let merged = merge(&base, &mine, &theirs);
        assert!(merged.conflicts.is_empty());
        assert_eq!((merged.record.profile.application.as_str(), merged.record.service_level.override_reason.as_str()), ("Mine", "Theirs"));
        assert_eq!(merged.record, merged.preferring_mine);

        // Both changed the agency: the other tab's (saved first) is kept, this tab's offered.
        mine.profile.agency = "Agency Mine".into();
        theirs.profile.agency = "Agency Theirs".into();
        let merged = merge(&base, &mine, &theirs);
        assert_eq!(merged.conflicts, vec!["the integration profile, the agency".to_string()]);
        assert_eq!(merged.record.profile.agency, "Agency Theirs");
        assert_eq!(merged.preferring_mine.profile.agency, "Agency Mine");
        assert_eq!(merged.preferring_mine.service_level.override_reason, "Theirs", "the rest of the other tab's work stays");

        // No change in this tab: the other tab's record is taken whole.
        assert_eq!(merge(&base, &base, &theirs).record, theirs);
    }

    #[test]
    fn submissions_merge_by_key_so_none_is_lost_or_sent_twice() {
        let entry = |key: &str| OutboxEntry {
            idempotency_key: key.into(),
            payload: serde_json::json!({}),
            queued_at: String::new(),
            attempts: 0,
            last_error: String::new(),
        };
        let receipt = |key: &str| Receipt { idempotency_key: key.into(), sent: true, ..Receipt::default() };
        let mut base = sample();
        base.launch.outbox.push(entry("queued-before"));
        let mut mine = base.clone();
        let mut theirs = base.clone();
        // This tab queued another; the other tab sent the first one.
        mine.launch.outbox.push(entry("mine"));
        theirs.launch.outbox.clear();
        theirs.launch.receipts.push(receipt("queued-before"));
        mine.launch.receipts.push(receipt("mine-local"));
        let merged = merge(&base, &mine, &theirs);
        let keys = |list: Vec<String>| list;
        assert_eq!(keys(merged.record.launch.outbox.iter().map(|e| e.idempotency_key.clone()).collect()), vec!["mine".to_string()]);
        assert_eq!(
            keys(merged.record.launch.receipts.iter().map(|r| r.idempotency_key.clone()).collect()),
            vec!["mine-local".to_string(), "queued-before".to_string()]
        );
        assert!(merged.conflicts.is_empty());
    }

    #[test]
    fn the_profile_counts_the_oidc_flow_only_for_oidc() {
        let mut profile = Profile { agency: "A".into(), application: "B".into(), partner_type: Some(PartnerType::StateLocal), ..Profile::default() };
        profile.protocol = Some(Protocol::Saml);
        profile.audience = Some(Audience::Public);
        assert_eq!((profile.answered(), profile.questions()), (5, 5));
        profile.protocol = Some(Protocol::Oidc);
        assert_eq!((profile.answered(), profile.questions()), (5, 6));
        profile.oidc_flow = Some(OidcFlow::Pkce);
        assert_eq!((profile.answered(), profile.questions()), (6, 6));
        assert!(!profile.uses_certificate());
        profile.oidc_flow = Some(OidcFlow::PrivateKeyJwt);
        assert!(profile.uses_certificate());
        profile.protocol = Some(Protocol::Saml);
        profile.oidc_flow = Some(OidcFlow::Pkce);
        assert!(profile.uses_certificate(), "the OIDC flow means nothing for SAML");
    }

    #[test]
    fn the_launch_part_round_trips_with_its_outbox() {
        let mut record = sample();
        let form = LaunchForm { deploy_date: "2027-03-02".into(), monthly_active_users: "12,000 (about)".into(), ..Default::default() };
        record.launch.form = Some(form);
        record.launch.assumption_texts.insert("handle_time_s".into(), "240".into());
        record.launch.outbox.push(OutboxEntry {
            idempotency_key: "k".into(),
            payload: serde_json::json!({"a": [1, "=x"]}),
            queued_at: "2026-11-23T15:00:00Z".into(),
            attempts: 2,
            last_error: "The server answered 503.".into(),
        });
        assert_eq!(import(&to_json(&record)), Ok(record));
    }

    #[test]
    fn the_service_level_part_round_trips() {
        let mut record = sample();
        record.service_level.answers.financial = Some(service_level::Answer::Yes);
        record.service_level.answers.cui = Some(service_level::Answer::NotSure);
        record.service_level.chosen = Some(Level::Ial1Aal2);
        record.service_level.override_reason = "Risk assessment, \"signed\"\n2026-10-01".into();
        let text = to_json(&record);
        assert!(text.contains("\"financial\": \"yes\"") && text.contains("\"cui\": \"not-sure\"") && text.contains("\"chosen\": \"ial1-aal2\""));
        assert_eq!(import(&text), Ok(record.clone()));
        assert_eq!(record.recommendation().level, Some(Level::Ial2Aal2));
        assert_eq!(record.level(), Some(Level::Ial1Aal2));
    }

    #[test]
    fn import_refuses_overlong_fields() {
        let mut record = sample();
        record.profile.agency = "x".repeat(MAX_FIELD_CHARS + 1);
        let refused = RecordError::FieldTooLong("the integration profile, the agency".into());
        assert_eq!(import(&to_json(&record)), Err(refused.clone()));
        assert_eq!(check_limits(&record), Err(refused.clone()));
        assert_eq!(refused.to_string(), "A text in the integration profile, the agency is longer than 10000 characters.");
        // A field no list names is covered too: the rule reads every text of the record.
        let mut record = sample();
        record.launch.assumption_texts.insert("handle_time_s".into(), "9".repeat(MAX_FIELD_CHARS + 1));
        assert_eq!(check_limits(&record), Err(RecordError::FieldTooLong("the staffing assumption “Average handle time”".into())));
        let mut record = sample();
        record.launch.receipts.push(crate::launch::Receipt { server_id: Some("r".repeat(MAX_FIELD_CHARS + 1)), ..Default::default() });
        assert_eq!(check_limits(&record), Err(RecordError::FieldTooLong("launch receipt 1".into())));
    }

    #[test]
    fn missing_parts_take_defaults() {
        let text = format!("{{\"kind\":\"{RECORD_KIND}\",\"version\":1}}");
        assert_eq!(import(&text), Ok(ReadinessRecord::default()));
    }

    #[test]
    fn file_names_are_safe() {
        let record = sample();
        assert_eq!(export_file_name(&record, "2026-11-23", "json"), "readiness-department-of-examples-benefits-portal-beta-2026-11-23.json");
        assert_eq!(export_file_name(&ReadinessRecord::default(), "2026-11-23", "csv"), "readiness-2026-11-23.csv");
        assert_eq!(file_slug("../../etc/passwd"), "etc-passwd");
    }
}
