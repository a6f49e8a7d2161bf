//! Host tests of the checklist rules and exporters, over the bundled checklist and a small
//! fixture checklist whose exports are compared with golden files in tests/golden/
//! (regenerate with `UPDATE_GOLDEN=1 cargo test --test checklist` and review the diff).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use portal_core::checklist::*;
use portal_core::content::{content, ChecklistFile, Content, Requirement};
use portal_core::export;
use portal_core::record::{self, ReadinessRecord};
use portal_core::service_level::Answer;
use portal_core::vocab::Level;
use portal_core::vocab::{Audience, OidcFlow, PartnerType, Profile, Protocol};

fn profile(protocol: Option<Protocol>, audience: Option<Audience>) -> Profile {
    Profile { agency: "Agency".into(), application: "App".into(), protocol, audience, partner_type: Some(PartnerType::Federal), ..Profile::default() }
}

/// The bundled content with another checklist, for the exporters' golden files.
fn with_checklist(checklist: ChecklistFile) -> Content {
    Content { checklist, ..content().clone() }
}

fn ids(checklist: &ChecklistFile, profile: &Profile, level: Option<Level>) -> Vec<String> {
    checklist.phases.iter().flat_map(|p| applicable_items(p, profile, level)).map(|i| i.id.to_string()).collect()
}

#[test]
fn applicability_for_every_level_protocol_flow_audience_and_partner() {
    let checklist = &content().checklist;
    let levels = [None, Some(Level::Ial1Aal2), Some(Level::BasicIdv), Some(Level::Ial2Aal2)];
    let protocols = [None, Some(Protocol::Oidc), Some(Protocol::Saml)];
    let flows = [None, Some(OidcFlow::PrivateKeyJwt), Some(OidcFlow::Pkce)];
    let audiences = [None, Some(Audience::Public), Some(Audience::Workforce), Some(Audience::Both), Some(Audience::NotSure)];
    let partners = [None, Some(PartnerType::Federal), Some(PartnerType::StateLocal)];
    let mut combinations = 0;
    for level in levels {
        for protocol in protocols {
            for oidc_flow in flows {
                for audience in audiences {
                    for partner_type in partners {
                        combinations += 1;
                        let profile = Profile { protocol, oidc_flow, audience, partner_type, ..profile(None, None) };
                        let shown = ids(checklist, &profile, level);
                        let has = |id: &str| shown.iter().any(|s| s == id);
                        let case = format!("{level:?} {protocol:?} {oidc_flow:?} {audience:?} {partner_type:?}");
                        // Items without a condition always apply.
                        for item in checklist.phases.iter().flat_map(|p| p.items).filter(|i| i.condition.is_none()) {
                            assert!(has(item.id), "{} hidden for {case}", item.id);
                        }
                        // Identity verification items: basic and IAL2 alike; shown unless the level is known to be IAL1.
                        for id in ["chk-iaa-idv", "chk-failure-to-proof", "chk-idv-faq"] {
                            assert_eq!(has(id), level != Some(Level::Ial1Aal2), "{id} for {case}");
                        }
                        // SAML items: shown unless the protocol is known to be OIDC.
                        for id in ["chk-saml-logout", "chk-saml-encryption"] {
                            assert_eq!(has(id), protocol != Some(Protocol::Oidc), "{id} for {case}");
                        }
                        // The certificate: every integration but OIDC with PKCE.
                        let pkce = protocol == Some(Protocol::Oidc) && oidc_flow == Some(OidcFlow::Pkce);
                        assert_eq!(has("chk-prod-certificate"), !pkce, "certificate for {case}");
                        // The agreement: an IAA for federal agencies, an IGCA for state and local governments.
                        assert_eq!(has("chk-iaa-signed"), partner_type != Some(PartnerType::StateLocal), "IAA for {case}");
                        assert_eq!(has("chk-igca-signed"), partner_type != Some(PartnerType::Federal), "IGCA for {case}");
                        // Audience variants: exactly the matching one, or all while the audience is unknown.
                        let unknown = matches!(audience, None | Some(Audience::NotSure));
                        assert_eq!(has("chk-phishing-resistant-workforce"), unknown || audience == Some(Audience::Workforce));
                        assert_eq!(has("chk-phishing-resistant-both"), unknown || audience == Some(Audience::Both));
                        assert_eq!(has("chk-phishing-resistant-public"), unknown || audience == Some(Audience::Public));
                    }
                }
            }
        }
    }
    assert_eq!(combinations, 4 * 3 * 3 * 5 * 3);
}

#[test]
fn every_production_prerequisite_of_the_developer_guide_is_an_item() {
    // Facts section 3, "Before requesting deployment": each is an item, with its source.
    let all: Vec<_> = content().checklist.phases.iter().flat_map(|p| p.items).collect();
    let item = |id: &str| *all.iter().find(|i| i.id == id).unwrap_or_else(|| panic!("no item {id}"));
    for id in [
        "chk-iaa-signed",
        "chk-igca-signed",
        "chk-prod-config",
        "chk-prod-config-name",
        "chk-prod-urls",
        "chk-https-redirects",
        "chk-prod-account",
        "chk-prod-logo",
        "chk-prod-certificate",
        "chk-saml-logout",
        "chk-saml-encryption",
        "chk-failure-to-proof",
        "chk-prod-endpoints",
        "chk-cancel-url",
        "chk-request-values",
        "chk-launch-request",
    ] {
        let item = item(id);
        assert!(item.cite.source.starts_with("https://"), "{id}");
    }
    assert!(item("chk-prod-certificate").why.contains("16 characters") && item("chk-prod-certificate").why.contains("2048"));
    assert!(item("chk-failure-to-proof").why.contains("login.gov/help/verify-your-identity/overview/"));
    assert!(item("chk-failure-to-proof").why.contains("login.gov/contact"));
    // Actions that happen at the Partner Support Help Desk link its forms.
    assert_eq!(
        item("chk-launch-request").action.as_ref().unwrap().url,
        "https://zendesk.login.gov/hc/en-us/requests/new?ticket_form_id=5663417357332"
    );
    assert_eq!(item("chk-changes-form").action.as_ref().unwrap().url, "https://zendesk.login.gov/hc/en-us/requests/new?ticket_form_id=5664085973908");
}

#[test]
fn hidden_items_never_count_against_progress() {
    let checklist = &content().checklist;
    let mut work = ChecklistWork::default();
    let oidc_public_ial1 = profile(Some(Protocol::Oidc), Some(Audience::Public));
    let before = overall_progress(checklist, &work, &oidc_public_ial1, Some(Level::Ial1Aal2));
    // Work on an item that does not apply (SAML logout for an OIDC app) changes nothing.
    work.update_item("chk-saml-logout", |w| w.status = ItemStatus::Done);
    let after = overall_progress(checklist, &work, &oidc_public_ial1, Some(Level::Ial1Aal2));
    assert_eq!(before, after);
    // It counts once the integration becomes SAML.
    let saml = profile(Some(Protocol::Saml), Some(Audience::Public));
    let saml_progress = overall_progress(checklist, &work, &saml, Some(Level::Ial1Aal2));
    // The logout URL, assertion encryption and the yearly SAML paths.
    assert_eq!(saml_progress.applicable, before.applicable + 3);
    assert_eq!(saml_progress.done, 1);
}

#[test]
fn progress_arithmetic() {
    let checklist = &content().checklist;
    let p = profile(Some(Protocol::Oidc), Some(Audience::Public));
    let level = Some(Level::Ial1Aal2);
    let agreement = &checklist.phases[0];
    let applicable: Vec<String> = applicable_items(agreement, &p, level).iter().map(|i| i.id.to_string()).collect();
    assert_eq!(applicable, ["chk-iaa-signed", "chk-iaa-plan", "chk-iaa-number"]);

    let mut work = ChecklistWork::default();
    assert_eq!(
        phase_progress(agreement, &work, &p, level),
        Progress { done: 0, not_applicable: 0, applicable: 3, required_marked_not_applicable: 0 }
    );
    assert_eq!(phase_progress(agreement, &work, &p, level).percent(), 0);
    work.update_item("chk-iaa-signed", |w| w.status = ItemStatus::Done);
    // Not applicable without a reason is not complete; with one it is.
    work.update_item("chk-iaa-plan", |w| w.status = ItemStatus::NotApplicable);
    assert_eq!(phase_progress(agreement, &work, &p, level).complete(), 1);
    assert_eq!(phase_progress(agreement, &work, &p, level).percent(), 33);
    work.update_item("chk-iaa-plan", |w| w.na_reason = "IAA already signed last year".into());
    assert_eq!(
        phase_progress(agreement, &work, &p, level),
        Progress { done: 1, not_applicable: 1, applicable: 3, required_marked_not_applicable: 0 }
    );
    assert_eq!(phase_progress(agreement, &work, &p, level).percent(), 66);
    work.update_item("chk-iaa-number", |w| w.status = ItemStatus::Done);
    assert_eq!(phase_progress(agreement, &work, &p, level).percent(), 100);

    let total = overall_progress(checklist, &work, &p, level);
    let sum: usize = checklist.phases.iter().map(|ph| phase_progress(ph, &work, &p, level).applicable).sum();
    assert_eq!(total.applicable, sum);
    assert_eq!(total.complete(), 3);
    assert_eq!(Progress::default().percent(), 100);
}

#[test]
fn blockers_are_the_required_items_not_done() {
    let checklist = &content().checklist;
    let p = profile(Some(Protocol::Oidc), Some(Audience::Public));
    let level = Some(Level::Ial1Aal2);
    let mut work = ChecklistWork::default();
    let required: Vec<&str> = checklist
        .phases
        .iter()
        .flat_map(|ph| applicable_items(ph, &p, level))
        .filter(|i| i.requirement == Requirement::Required)
        .map(|i| i.id)
        .collect();
    let blocking = |work: &ChecklistWork| blockers(checklist, work, &p, level).iter().map(|(_, i)| i.id.to_string()).collect::<Vec<_>>();
    assert_eq!(blocking(&work), required);
    work.update_item("chk-iaa-signed", |w| w.status = ItemStatus::Done);
    assert!(!blocking(&work).contains(&"chk-iaa-signed".to_string()));
    // A required item marked not applicable still blocks: Login.gov requires it.
    work.update_item("chk-prod-logo", |w| {
        w.status = ItemStatus::NotApplicable;
        w.na_reason = "No logo".into();
    });
    assert!(blocking(&work).contains(&"chk-prod-logo".to_string()));
    for id in &required {
        work.update_item(id, |w| w.status = ItemStatus::Done);
    }
    assert!(blocking(&work).is_empty());
}

/// Issue 13, item 1: with SAML, a workforce audience and one yes (so IAL2), every item that
/// applies and that the portal calls mandatory blocks launch until done: an item with a
/// condition is required wherever its condition holds.
#[test]
fn an_item_that_applies_and_is_mandatory_blocks_launch() {
    let checklist = &content().checklist;
    let p = profile(Some(Protocol::Saml), Some(Audience::Workforce));
    let mut record = ReadinessRecord { profile: p.clone(), ..ReadinessRecord::default() };
    record.service_level.answers.financial = Some(Answer::Yes);
    let level = record.level();
    assert_eq!(level, Some(Level::Ial2Aal2));
    let mut work = ChecklistWork::default();
    let blocking = |work: &ChecklistWork| blockers(checklist, work, &p, level).iter().map(|(_, i)| i.id.to_string()).collect::<Vec<_>>();
    let mandatory = ["chk-failure-to-proof", "chk-iaa-idv", "chk-phishing-resistant-workforce", "chk-saml-encryption", "chk-saml-logout"];
    for id in mandatory {
        assert!(blocking(&work).contains(&id.to_string()), "{id} must block launch");
    }
    // Done with everything else that applies and is required: these still block.
    for phase in checklist.phases {
        for item in applicable_items(phase, &p, level) {
            if !mandatory.contains(&item.id) {
                work.update_item(item.id, |w| w.status = ItemStatus::Done);
            }
        }
    }
    let mut still = blocking(&work);
    still.sort();
    let mut expected: Vec<String> = mandatory.iter().map(|s| s.to_string()).collect();
    expected.sort();
    assert_eq!(still, expected);
    let md = export::markdown(&ReadinessRecord { checklist: work.clone(), ..record.clone() }, content(), "2026-12-01");
    assert!(!md.contains("Nothing: every required item that applies is done."), "{md}");
    for id in mandatory {
        work.update_item(id, |w| w.status = ItemStatus::Done);
    }
    assert!(blocking(&work).is_empty());
}

#[test]
fn item_errors_explain_missing_reasons_and_bad_links() {
    let mut w = ItemWork { status: ItemStatus::NotApplicable, ..ItemWork::default() };
    assert!(item_errors(&w).na_reason.is_some());
    w.na_reason = "  ".into();
    assert!(item_errors(&w).na_reason.is_some());
    w.na_reason = "Not a SAML app".into();
    assert_eq!(item_errors(&w), ItemErrors::default());
    // Anything that looks like a link must be a valid https:// address, and says why not.
    for bad in [
        "javascript:alert(1)",
        "https://",
        "https:///x",
        "www.example.gov",
        "https://a b",
        "http://intranet.agency/doc?id=1",
        "tickets.example.gov/42",
        "HTTPS://",
        "data:text/html,hi",
        "ftp://files.example.gov/iaa.pdf",
    ] {
        w.evidence = bad.into();
        assert!(matches!(evidence(bad), Evidence::BadLink(_)), "{bad}");
        assert!(item_errors(&w).evidence.is_some(), "{bad}");
    }
    // Words are fine evidence: where the proof is kept.
    for words in ["ticket 42", "Signed IAA in the shared drive, folder Login.gov", "See ISSO email of 2026-11-20: approved", "v2.1 of the plan"] {
        w.evidence = words.into();
        assert_eq!(evidence(words), Evidence::Text(words), "{words}");
        let spaced = format!("  {words}\n");
        assert_eq!(evidence(&spaced), Evidence::Text(spaced.as_str()), "words stay as typed");
        assert!(item_errors(&w).evidence.is_none(), "{words}");
    }
    for link in
        ["https://tickets.example.gov/42", " https://tickets.example.gov/a?b=c#d ", "https://intranet.agency.gov:8443/x", "HTTPS://Example.GOV"]
    {
        w.evidence = link.into();
        assert_eq!(evidence(link), Evidence::Link(link.trim()), "{link}");
        assert!(item_errors(&w).evidence.is_none(), "{link}");
    }
    assert_eq!(evidence("   "), Evidence::Empty);
}

/// Issue 13, item 2: a required item marked not applicable has one meaning everywhere: it is
/// open. Progress, blockers, status text and every export agree; a recommended one with a
/// reason is complete.
#[test]
fn not_applicable_on_a_required_item_is_open_everywhere() {
    let checklist = &content().checklist;
    let p = profile(Some(Protocol::Oidc), Some(Audience::Public));
    let level = Some(Level::Ial1Aal2);
    let required = checklist.phases.iter().flat_map(|ph| applicable_items(ph, &p, level)).find(|i| i.requirement == Requirement::Required).unwrap();
    let recommended =
        checklist.phases.iter().flat_map(|ph| applicable_items(ph, &p, level)).find(|i| i.requirement == Requirement::Recommended).unwrap();
    let mut work = ChecklistWork::default();
    let before = overall_progress(checklist, &work, &p, level);
    let waive = |w: &mut ItemWork| {
        w.status = ItemStatus::NotApplicable;
        w.na_reason = "We think it does not apply".into();
    };
    work.update_item(required.id, waive);
    let after = overall_progress(checklist, &work, &p, level);
    assert_eq!(after.complete(), before.complete(), "a required item cannot be waived into progress");
    assert_eq!(after.required_marked_not_applicable, 1);
    assert!(!completes(required, &work.item(required.id)));
    assert!(blockers(checklist, &work, &p, level).iter().any(|(_, i)| i.id == required.id));
    assert!(status_text(required, &work.item(required.id)).contains("required here: still open"));

    work.update_item(recommended.id, waive);
    assert_eq!(overall_progress(checklist, &work, &p, level).complete(), before.complete() + 1);
    assert!(completes(recommended, &work.item(recommended.id)));
    assert_eq!(status_text(recommended, &work.item(recommended.id)), "Not applicable: We think it does not apply");
    // Without a reason even a recommended item stays open.
    work.update_item(recommended.id, |w| w.na_reason.clear());
    assert!(!completes(recommended, &work.item(recommended.id)));

    let record = ReadinessRecord { profile: p.clone(), checklist: work.clone(), ..ReadinessRecord::default() };
    let record = ReadinessRecord { service_level: record::ServiceLevelWork { chosen: level, ..Default::default() }, ..record };
    let md = export::markdown(&record, content(), "2026-12-02");
    let line = md.lines().find(|l| l.contains(&format!("**{}**", required.title))).unwrap();
    assert!(line.contains("required here: still open") && !line.starts_with("- [x]"), "{line}");
    let csv = export::csv(&record, content(), "2026-12-02");
    let row = csv.lines().find(|l| l.contains(&format!("\"{}\"", required.id))).unwrap();
    assert!(row.contains("\"Marked not applicable, but required here: still open. Reason given: We think it does not apply\",\"no\""), "{row}");
}

/// Issue 13, item 3: approving with anything open needs a confirmation naming it, and the
/// sign-off records what was open; stale sign-offs say so wherever they are summarised.
#[test]
fn approving_with_open_items_needs_confirmation_and_is_recorded() {
    let checklist = &content().checklist;
    let p = profile(Some(Protocol::Oidc), Some(Audience::Public));
    let level = Some(Level::Ial1Aal2);
    let mut work = ChecklistWork::default();
    let draft = SignOffDraft {
        reviewer: "Pat".into(),
        role: "ISSO".into(),
        date: "2026-12-02".into(),
        decision: Some(Decision::Approved),
        comments: String::new(),
    };
    let open = open_concerns(checklist, &work, &p, level, OVERALL);
    let blocking = blockers(checklist, &work, &p, level);
    assert_eq!(open.len(), blocking.len());
    assert!(open.iter().zip(&blocking).all(|(line, (_, item))| line.contains(item.title)));

    let fp = fingerprint(checklist, &work, &p, level, OVERALL);
    let errors = validate_sign_off_with(&draft, fp.clone(), &open, false).unwrap_err();
    assert_eq!(errors.in_form_order().len(), 1);
    assert_eq!(errors.in_form_order()[0].0, SignOffField::Confirm);
    let sign_off = validate_sign_off_with(&draft, fp.clone(), &open, true).unwrap();
    assert_eq!(sign_off.approved_with_open, open);
    // Changes requested needs no confirmation and records nothing as approved.
    let changes = SignOffDraft { decision: Some(Decision::ChangesRequested), ..draft.clone() };
    assert!(validate_sign_off_with(&changes, fp.clone(), &open, false).unwrap().approved_with_open.is_empty());
    // With nothing open no confirmation is asked.
    assert!(validate_sign_off_with(&draft, fp.clone(), &[], false).is_ok());

    // A phase with changes requested is open for the overall sign-off, and named.
    let phase = &checklist.phases[0];
    let phase_fp = fingerprint(checklist, &work, &p, level, phase.id);
    work.sign_offs.insert(phase.id.to_string(), validate_sign_off(&changes, phase_fp).unwrap());
    let open = open_concerns(checklist, &work, &p, level, OVERALL);
    assert!(open.iter().any(|c| c == &format!("Changes requested: {} (by Pat on 2026-12-02)", phase.title)), "{open:?}");
    assert!(open_concerns(checklist, &work, &p, level, phase.id).iter().all(|c| c.starts_with("Blocks launch")));

    // The summary shows the open items and, after any change, staleness.
    work.sign_offs.insert(OVERALL.into(), sign_off);
    let fresh = sign_off_state(checklist, &work, &p, level, OVERALL);
    assert!(matches!(fresh, SignOffState::Current(_)));
    let n = blocking.len();
    assert_eq!(fresh.summary(), format!("Approved by Pat (ISSO) on 2026-12-02, with {n} items still open"));
    work.update_item("chk-iaa-signed", |w| w.note = "Signed".into());
    let stale = sign_off_state(checklist, &work, &p, level, OVERALL);
    assert!(matches!(stale, SignOffState::Stale(_)));
    assert!(stale.summary().contains("Stale: the work changed after this sign-off"));
    assert_eq!(sign_off_state(checklist, &work, &p, level, "phase-none").summary(), "not signed off yet");
}

/// Issue 13, item 7: the Markdown, CSV and JSON exports all carry the same header facts.
#[test]
fn every_export_carries_the_same_header_facts() {
    let mut record = ReadinessRecord { profile: profile(Some(Protocol::Saml), Some(Audience::Workforce)), ..ReadinessRecord::default() };
    record.profile.agency = "Department of Examples".into();
    record.profile.application = "Benefits Portal".into();
    record.service_level.answers.financial = Some(Answer::No);
    record.service_level.answers.cui = Some(Answer::No);
    record.service_level.answers.records = Some(Answer::No);
    record.service_level.answers.others_data = Some(Answer::No);
    record.service_level.chosen = Some(Level::Ial2Aal2);
    record.service_level.override_reason = "Our risk assessment requires it".into();
    let facts = export::header_facts(&record, content(), "2026-12-02");
    let names: Vec<&str> = facts.iter().map(|(n, _)| *n).collect();
    for name in [
        "Agency",
        "Application",
        "Protocol",
        "Who signs in",
        "Recommended service level",
        "Chosen service level",
        "Reason for the chosen level",
        "Exported",
        "Overall sign-off",
    ] {
        assert!(names.contains(&name), "{name} missing from {names:?}");
    }
    let value = |name: &str| facts.iter().find(|(n, _)| *n == name).unwrap().1.clone();
    assert_eq!(value("Agency"), "Department of Examples");
    assert_eq!(value("Recommended service level"), Level::Ial1Aal2.name());
    assert!(value("Chosen service level").starts_with(Level::Ial2Aal2.name()));
    assert_eq!(value("Overall sign-off"), "not signed off yet");

    let md = export::markdown(&record, content(), "2026-12-02");
    let csv = export::csv(&record, content(), "2026-12-02");
    let json: serde_json::Value = serde_json::from_str(&export::record_json(&record, content(), "2026-12-02")).unwrap();
    for (name, value) in &facts {
        assert!(md.contains(&format!("{name}: {}", export::markdown_text(value))), "{name} in Markdown");
        assert!(csv.contains(&format!("{},{}", portal_core::text::csv_cell(name), portal_core::text::csv_cell(value))), "{name} in CSV");
        assert_eq!(json["export_summary"][*name].as_str(), Some(value.as_str()), "{name} in JSON");
    }
}

/// Issue 13, item 9: formulas are neutralised, numbers are not, following OWASP: a leading
/// `=`, `+`, `-`, `@` or control character, also after spaces.
#[test]
fn csv_cells_neutralise_formulas_but_not_numbers() {
    for number in ["-36", "+1.5", "0", "12.25", "-0.5", "1200"] {
        assert_eq!(portal_core::text::csv_cell(number), format!("\"{number}\""), "{number}");
    }
    for (risky, cell) in [
        ("-1+2", "\"'-1+2\""),
        ("=1+1", "\"'=1+1\""),
        ("  =SUM(A1)", "\"'  =SUM(A1)\""),
        ("@cmd", "\"'@cmd\""),
        ("\u{0}x", "\"'\u{0}x\""),
        ("\tx", "\"'\tx\""),
        ("-", "\"'-\""),
        ("+", "\"'+\""),
        ("-1.", "\"'-1.\""),
        ("\"=1\"", "\"\"\"=1\"\"\""),
    ] {
        assert_eq!(portal_core::text::csv_cell(risky), cell, "{risky:?}");
    }
}

#[test]
fn sign_offs_go_stale_when_the_work_they_saw_changes() {
    let checklist = &content().checklist;
    let p = profile(Some(Protocol::Saml), Some(Audience::Workforce));
    let level = Some(Level::Ial2Aal2);
    let mut work = ChecklistWork::default();
    work.update_item("chk-iaa-signed", |w| w.status = ItemStatus::Done);
    let draft = SignOffDraft {
        reviewer: "Pat Reviewer".into(),
        role: "ISSO".into(),
        date: "2026-11-23".into(),
        decision: Some(Decision::Approved),
        comments: String::new(),
    };
    let phase_fp = fingerprint(checklist, &work, &p, level, "phase-agreement");
    let overall_fp = fingerprint(checklist, &work, &p, level, OVERALL);
    let phase_sign_off = validate_sign_off(&draft, phase_fp.clone()).unwrap();
    let overall_sign_off = validate_sign_off(&draft, overall_fp.clone()).unwrap();
    assert!(!is_stale(&phase_sign_off, &phase_fp));

    // A change in another phase leaves the agreement sign-off fresh but the overall one stale.
    work.update_item("chk-prod-logo", |w| w.note = "Logo sent".into());
    assert!(!is_stale(&phase_sign_off, &fingerprint(checklist, &work, &p, level, "phase-agreement")));
    assert!(is_stale(&overall_sign_off, &fingerprint(checklist, &work, &p, level, OVERALL)));

    // Changing an item of the phase makes its sign-off stale; changing it back makes it fresh.
    work.update_item("chk-iaa-signed", |w| w.status = ItemStatus::NotYet);
    assert!(is_stale(&phase_sign_off, &fingerprint(checklist, &work, &p, level, "phase-agreement")));
    work.update_item("chk-iaa-signed", |w| w.status = ItemStatus::Done);
    assert!(!is_stale(&phase_sign_off, &fingerprint(checklist, &work, &p, level, "phase-agreement")));

    // A level change alters which items apply, so it also makes the sign-off stale.
    assert!(is_stale(&phase_sign_off, &fingerprint(checklist, &work, &p, Some(Level::Ial1Aal2), "phase-agreement")));
}

#[test]
fn sign_off_forms_are_validated_field_by_field() {
    let errors = validate_sign_off(&SignOffDraft::default(), "x".into()).unwrap_err();
    assert!(errors.reviewer.is_some() && errors.role.is_some() && errors.date.is_some() && errors.decision.is_some());
    let draft = SignOffDraft {
        reviewer: " Pat ".into(),
        role: "ISSO".into(),
        date: "2026-02-30".into(),
        decision: Some(Decision::ChangesRequested),
        comments: " Fix the logo ".into(),
    };
    let errors = validate_sign_off(&draft, "x".into()).unwrap_err();
    assert_eq!(errors, SignOffErrors { date: errors.date, ..SignOffErrors::default() });
    assert!(errors.date.is_some());
    let ok = validate_sign_off(&SignOffDraft { date: "2026-11-24".into(), ..draft }, "fp".into()).unwrap();
    assert_eq!((ok.reviewer.as_str(), ok.comments.as_str(), ok.fingerprint.as_str()), ("Pat", "Fix the logo", "fp"));
}

/// A small checklist so the golden files do not change whenever the bundled content does.
fn fixture_checklist() -> ChecklistFile {
    read_fixture(
        r#"{"phases": [
          {"id": "phase-a", "title": "Agreement", "summary": "s", "source": "https://login.gov/a/", "last_verified": "2026-11-23", "items": [
            {"id": "a-1", "title": "Sign the IAA", "why": "w", "owner": "Program manager", "requirement": "required", "source": "https://login.gov/a/", "last_verified": "2026-11-23"},
            {"id": "a-2", "title": "Include identity verification", "why": "w", "owner": "Program manager", "requirement": "required", "condition": {"level": "ial2-aal2"}, "source": "https://login.gov/a/", "last_verified": "2026-11-23"}
          ]},
          {"id": "phase-b", "title": "Production", "summary": "s", "source": "https://login.gov/b/", "last_verified": "2026-11-23", "items": [
            {"id": "b-1", "title": "Set a SAML logout URL", "why": "w", "owner": "Developer", "requirement": "required", "condition": {"protocol": "saml"}, "source": "https://login.gov/b/", "last_verified": "2026-11-23"},
            {"id": "b-2", "title": "Add your logo", "why": "w", "owner": "Developer", "requirement": "recommended", "source": "https://login.gov/b/", "last_verified": "2026-11-23"}
          ]}
        ]}"#,
    )
}

/// Reads a fixture with the reader the build uses for the bundled content.
fn read_fixture<T: portal_core::content::read::FromJson>(json: &str) -> T {
    let value: serde_json::Value = serde_json::from_str(json).unwrap();
    T::from_json(&value, "fixture").unwrap_or_else(|errors| panic!("{errors:#?}"))
}

/// A record full of hostile text: quotes, commas, newlines, formulas and HTML.
fn hostile_record(checklist: &ChecklistFile) -> ReadinessRecord {
    let mut r = ReadinessRecord {
        profile: Profile {
            agency: "Dept. of \"Quotes\", Commas & <Tags>".into(),
            application: "=HYPERLINK(\"https://evil.example\",\"Click\")".into(),
            protocol: Some(Protocol::Oidc),
            audience: Some(Audience::Public),
            ..Default::default()
        },
        ..Default::default()
    };
    r.service_level.answers.financial = Some(Answer::No);
    r.service_level.answers.cui = Some(Answer::No);
    r.service_level.answers.records = Some(Answer::No);
    r.service_level.answers.others_data = Some(Answer::No);
    r.service_level.chosen = Some(Level::Ial2Aal2);
    r.service_level.override_reason = "Risk assessment\n# says IAL2 | *strictly*".into();
    r.checklist.update_item("a-1", |w| {
        w.status = ItemStatus::Done;
        w.note = "Signed, \"finally\"\nsecond line: <script>alert('x')</script>".into();
        w.evidence = "https://docs.example.gov/iaa?id=1&v=2".into();
    });
    r.checklist.update_item("b-2", |w| {
        w.status = ItemStatus::NotApplicable;
        w.na_reason = "-cmd|' /C calc'!A0".into();
        w.note = "@SUM(A1:A9)\t+1".into();
    });
    // A SAML item marked done while the app is OIDC: hidden, so it must not count.
    r.checklist.update_item("b-1", |w| w.status = ItemStatus::Done);
    let fp = fingerprint(checklist, &r.checklist, &r.profile, r.level(), "phase-a");
    let draft = SignOffDraft {
        reviewer: "Pat <b>Reviewer</b>".into(),
        role: "ISSO".into(),
        date: "2026-11-20".into(),
        decision: Some(Decision::Approved),
        comments: "Looks good, ship it".into(),
    };
    r.checklist.sign_offs.insert("phase-a".into(), validate_sign_off(&draft, fp).unwrap());
    r.checklist.sign_offs.insert("overall".into(), validate_sign_off(&draft, "0000000000000000".into()).unwrap());
    r
}

#[test]
fn markdown_export_matches_its_golden_file() {
    let checklist = fixture_checklist();
    let record = hostile_record(&checklist);
    let md = export::markdown(&record, &with_checklist(checklist), "2026-11-23");
    assert!(!md.contains("<script>") && !md.contains("<b>") && !md.contains("<Tags>"));
    assert!(md.contains("**Stale: the work changed after this sign-off.**"), "the overall sign-off's fingerprint is stale");
    common::golden("readiness.md", &md);
}

#[test]
fn csv_export_matches_its_golden_file_and_neutralises_formulas() {
    let checklist = fixture_checklist();
    let record = hostile_record(&checklist);
    let content = with_checklist(checklist);
    let facts = export::header_facts(&record, &content, "2026-11-23").len();
    let csv = export::csv(&record, &content, "2026-11-23");
    assert!(csv.starts_with(portal_core::text::CSV_BOM), "a byte-order mark, so spreadsheets read UTF-8");
    // Every cell is quoted, and no cell starts (inside its quotes) with a formula character.
    for cell in csv.trim_start_matches(portal_core::text::CSV_BOM).split("\r\n").flat_map(|line| line.split("\",\"")) {
        let inner = cell.trim_start_matches('"');
        assert!(!inner.starts_with(['=', '+', '-', '@', '\t', '\r']), "{inner:?}");
    }
    assert!(csv.contains("\"'-cmd|' /C calc'!A0\""));
    assert!(csv.contains("\"'@SUM(A1:A9)\t+1\""));
    assert_eq!(csv.matches("\r\n").count(), facts + 5, "the header facts, a header and one row per item");
    common::golden("readiness.csv", &csv);
}

#[test]
fn json_export_round_trips_hostile_text() {
    let checklist = fixture_checklist();
    let r = hostile_record(&checklist);
    assert_eq!(record::import(&record::to_json(&r)), Ok(r));
}

#[test]
fn exports_of_the_real_checklist_list_every_applicable_item() {
    let checklist = &content().checklist;
    let mut r = ReadinessRecord { profile: profile(Some(Protocol::Saml), Some(Audience::Workforce)), ..Default::default() };
    r.service_level.answers.financial = Some(Answer::Yes);
    let md = export::markdown(&r, content(), "2026-11-23");
    for phase in checklist.phases {
        for item in applicable_items(phase, &r.profile, r.level()) {
            assert!(md.contains(&format!("**{}**", item.title)), "{}", item.id);
        }
    }
    let csv = export::csv(&r, content(), "2026-11-23");
    let items: usize = checklist.phases.iter().map(|p| p.items.len()).sum();
    let facts = export::header_facts(&r, content(), "2026-11-23").len();
    assert_eq!(csv.matches("\r\n").count(), facts + items + 1);
}

/// Issue 13, item 13: import errors name the part of the work in the portal's words and say
/// what is wrong, never the parser's internals.
#[test]
fn import_errors_say_what_is_wrong_and_where_in_the_users_terms() {
    let mut record = ReadinessRecord::default();
    record.checklist.update_item("chk-iaa-signed", |w| w.status = portal_core::checklist::ItemStatus::Done);
    let good = portal_core::record::to_json(&record);
    let mut overall: serde_json::Value = serde_json::from_str(&good).unwrap();
    overall["checklist"]["sign_offs"]["overall"] = serde_json::json!({
        "reviewer": "Pat", "role": "ISSO", "date": "2026-12-02", "decision": "approved-by-gsa", "comments": "", "fingerprint": "0"
    });
    let mut item_status = serde_json::from_str::<serde_json::Value>(&good).unwrap();
    item_status["checklist"]["items"]["chk-iaa-signed"]["status"] = serde_json::json!(5);
    let mut deploy = serde_json::from_str::<serde_json::Value>(&good).unwrap();
    deploy["launch"]["form"] = serde_json::json!({ "deploy_date": ["2027-03-02"] });
    let title = content().checklist.phases.iter().flat_map(|p| p.items).find(|i| i.id == "chk-iaa-signed").unwrap().title;
    let deploy_label = content().launch.field(portal_core::launch::LaunchField::DeployDate).unwrap().label;
    let cases: [(String, Vec<String>); 5] = [
        (
            overall.to_string(),
            vec!["the overall sign-off, the decision".into(), "“approved-by-gsa”".into(), "“approved” or “changes requested”".into()],
        ),
        (item_status.to_string(), vec![format!("the checklist item “{title}”, the status"), "a number where the portal expects".into()]),
        (deploy.to_string(), vec![format!("the launch request form, the field “{deploy_label}”"), "a list where the portal expects text".into()]),
        (good[..good.len() / 2].to_string(), vec!["stops part-way through the record (at line".into(), "cut off".into()]),
        (good.replacen("\"version\"", "\"version\" \"", 1), vec!["at line 3, column".into(), "missing comma or quotation mark".into()]),
    ];
    for (text, expected) in cases {
        let error = portal_core::record::import(&text).unwrap_err().to_string();
        for words in expected {
            assert!(error.contains(&words), "{words:?} not in {error:?}");
        }
        for internal in ["unknown variant", "invalid type", "EOF", "expected value", "`", "u64", "sign_offs"] {
            assert!(!error.contains(internal), "{internal:?} in {error:?}");
        }
    }
    assert_eq!(portal_core::record::import("").unwrap_err().to_string(), "The file is empty: it holds no record.");
}

/// Issue 13, item 4: before an import replaces work, the portal can say what would be lost.
#[test]
fn an_import_says_what_it_would_replace() {
    let empty = ReadinessRecord::default();
    let mut current = ReadinessRecord { profile: profile(Some(Protocol::Saml), Some(Audience::Public)), ..ReadinessRecord::default() };
    current.checklist.update_item("chk-iaa-signed", |w| w.status = ItemStatus::Done);
    current.checklist.update_item("chk-prod-logo", |w| w.note = "Sent".into());
    let draft = SignOffDraft {
        reviewer: "Pat".into(),
        role: "ISSO".into(),
        date: "2026-12-02".into(),
        decision: Some(Decision::Approved),
        comments: String::new(),
    };
    current.checklist.sign_offs.insert(OVERALL.into(), validate_sign_off(&draft, "fp".into()).unwrap());
    current.launch.form =
        Some(portal_core::launch::LaunchForm { deploy_date: "2027-03-02".into(), seasonality: "Busy in spring".into(), ..Default::default() });
    current.support.help_desk = "help@example.gov".into();

    let summary = record::WorkSummary::of(&current);
    assert_eq!((summary.checklist_items, summary.sign_offs, summary.launch_fields, summary.support_fields), (2, 1, 2, 1));
    assert_eq!(summary.profile_answers, 5);
    let loss = record::import_loss(&current, &empty).expect("work would be lost");
    assert_eq!(
        loss,
        "Importing replaces all the work shown here: 5 integration profile answers, 2 checklist items with work, 1 sign-off, 2 launch request fields and 1 support kit field. The file holds nothing."
    );
    // Nothing to lose: an empty portal, or the same record again.
    assert_eq!(record::import_loss(&empty, &current), None);
    assert_eq!(record::import_loss(&current, &current.clone()), None);
}

/// Issue 13, item 12: over the limit, the field says so, and nothing is cut.
#[test]
fn text_over_the_limit_is_named_not_cut() {
    let at_limit = "x".repeat(portal_core::text::MAX_FIELD_CHARS);
    assert_eq!(record::length_problem(&at_limit), None);
    assert_eq!(record::length_problem(""), None);
    let over = "é".repeat(portal_core::text::MAX_FIELD_CHARS + 214);
    assert_eq!(
        record::length_problem(&over).unwrap(),
        "This is 10,214 characters, 214 more than the 10,000 the portal can save. Nothing has been cut, but your changes are not saved until you shorten it."
    );
}

/// Property tests of this area: generated inputs (see `common::strategies`), every promise kept.
mod properties {
    use super::common::parsers::*;
    use super::common::strategies::*;
    use portal_core::checklist::{item_errors, validate_sign_off, Decision, ItemStatus, ItemWork, SignOffDraft};
    use portal_core::content::content;
    use portal_core::dates::Date;
    use portal_core::export::{csv, header_facts, markdown, markdown_text, CSV_COLUMNS};
    use portal_core::text::csv_cell;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn exports_never_start_a_formula_and_keep_html_inert(agency in hostile(), note in hostile(), status in any::<u8>()) {
            let record = record_from(agency, "App".into(), note.clone(), status);
            let md = markdown(&record, content(), "2026-11-23");
            prop_assert!(!md.contains("<span>") && !md.contains("<script"));
            let _ = csv(&record, content(), "2026-11-23");
            let cell = csv_cell(&note);
            let inner = &cell[1..cell.len() - 1];
            let unquoted = inner.replace("\"\"", "\"");
            prop_assert!(!runnable(&unquoted), "{:?}", unquoted);
            let neutralised = format!("'{}", note);
            prop_assert!(unquoted == note || unquoted == neutralised);
        }

        #[test]
        fn a_sign_off_is_accepted_exactly_when_complete_and_keeps_the_text_trimmed(
            reviewer in hostile(), role in hostile(), date in prop_oneof![hostile(), Just("2026-11-23".to_string()), Just(" 2027-02-28 ".to_string())],
            decision in prop_oneof![Just(None), Just(Some(Decision::Approved)), Just(Some(Decision::ChangesRequested))], comments in hostile(),
        ) {
            let draft = SignOffDraft { reviewer: reviewer.clone(), role: role.clone(), date: date.clone(), decision, comments: comments.clone() };
            let complete = !reviewer.trim().is_empty() && !role.trim().is_empty() && Date::parse_iso(date.trim()).is_some() && decision.is_some();
            match validate_sign_off(&draft, "f".into()) {
                Ok(s) => {
                    prop_assert!(complete);
                    prop_assert_eq!((s.reviewer.as_str(), s.role.as_str(), s.date.as_str(), s.comments.as_str()), (reviewer.trim(), role.trim(), date.trim(), comments.trim()));
                    prop_assert_eq!(Some(s.decision), decision);
                }
                Err(errors) => {
                    prop_assert!(!complete && errors.any());
                    prop_assert_eq!(errors.reviewer.is_some(), reviewer.trim().is_empty());
                    prop_assert_eq!(errors.role.is_some(), role.trim().is_empty());
                }
            }
        }

        #[test]
        fn checklist_item_errors_follow_the_rules(status in 0usize..3, reason in hostile(), evidence in hostile(), path in "[a-z0-9./?=&%-]{1,30}") {
            let work = ItemWork { status: ItemStatus::ALL[status], na_reason: reason.clone(), note: String::new(), evidence: evidence.clone() };
            let errors = item_errors(&work);
            prop_assert_eq!(errors.na_reason.is_some(), work.status == ItemStatus::NotApplicable && reason.trim().is_empty());
            if evidence.trim().is_empty() {
                prop_assert!(errors.evidence.is_none());
            }
            // Words are always accepted: only something that looks like a link is checked.
            let lower = evidence.to_ascii_lowercase();
            if !lower.contains([':', '/']) && !lower.contains("www.") {
                prop_assert!(errors.evidence.is_none(), "{:?}", evidence);
            }
            // Nothing but an https:// address is ever accepted as a link.
            if lower.trim_start().starts_with("javascript:") || lower.trim_start().starts_with("http://") {
                prop_assert!(errors.evidence.is_some(), "{:?}", evidence);
            }
            let link = ItemWork { evidence: format!(" https://tickets.example.gov/{path} "), ..work };
            prop_assert_eq!(item_errors(&link).evidence, None);
        }
    }

    proptest! {
        // Records with 48 hostile strings each: generating them is the slow part, so fewer cases.
        #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

        #[test]
        fn checklist_exports_keep_their_structure_whatever_is_typed(texts in prop::collection::vec(hostile(), TEXTS), choices in any::<u32>()) {
            let record = full_record(&texts, choices);
            let checklist = &content().checklist;
            let md = markdown(&record, content(), "2026-11-23");
            // Read by a CommonMark parser, typed text adds no heading, list, link, emphasis or HTML.
            let (structure, _) = read_markdown(&md);
            prop_assert_eq!(structure, read_markdown(&markdown(&placeholder_text(&record), content(), "2026-11-23")).0);
            let plain = markdown(&without_text(&record), content(), "2026-11-23");
            // No markup outside the settings card's fenced code blocks (content, shown literally),
            // and user text adds no heading, list item or line of its own.
            let outside_code: String = md.split("```").step_by(2).collect();
            prop_assert!(!outside_code.contains('<'));
            prop_assert_eq!(lines_starting(&md, "#"), lines_starting(&plain, "#"));
            prop_assert_eq!(lines_starting(&md, "- "), lines_starting(&plain, "- "));
            // The only indented list items are each item's note and evidence.
            prop_assert_eq!(lines_starting(&md, "  - "), lines_starting(&md, "  - Note: ") + lines_starting(&md, "  - Evidence: "));

            let rows = safe_rows(&csv(&record, content(), "2026-11-23"))?;
            let items: usize = checklist.phases.iter().map(|p| p.items.len()).sum();
            let facts = header_facts(&record, content(), "2026-11-23");
            prop_assert_eq!(rows.len(), facts.len() + items + 1);
            // The header facts read back exactly as the agency typed them.
            for (row, (name, value)) in rows.iter().zip(&facts) {
                prop_assert_eq!(&row[0], &csv_safe(name));
                prop_assert_eq!(&row[1], &csv_safe(value));
            }
            prop_assert!(rows.iter().all(|r| r.len() == CSV_COLUMNS.len()));
            let column = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name).unwrap();
            for item in ITEMS {
                let work = record.checklist.item(item);
                let row = rows.iter().find(|r| r[column("Item id")] == item).unwrap();
                prop_assert_eq!(&row[column("Note")], &csv_safe(&work.note));
                prop_assert_eq!(&row[column("Evidence")], &csv_safe(&work.evidence));
                prop_assert_eq!(&row[column("Reason not applicable")], &csv_safe(&work.na_reason));
            }
        }

        #[test]
        fn typed_text_reads_back_from_markdown_as_typed(text in hostile(), lines in prop::collection::vec("[-=+*#>0-9.) `~_|\\[\\]!<&\t]{0,8}", 0..6)) {
            // Any text, and lines made of what opens Markdown blocks ("===", "1)", "- ", "> ", "```").
            let text = format!("{text}\n{}", lines.join("\n"));
            let (structure, shown) = read_markdown(&format!("- Note: {}\n", markdown_text(&text)));
            prop_assert_eq!(structure, vec!["Start(List(None))", "Start(Item)", "End(Item)", "End(List(false))"]);
            prop_assert_eq!(shown, format!("Note: {}", as_shown(&text)).trim_end().to_string());
        }
    }
}
