//! Host tests of the staffing planner's rules: reading launch requests as `/launch` writes them
//! (every way a file can be bad), merging and de-duplication, the workspace document, the plan
//! (combined forecast, pooled agents, Spanish and crowding flags) and its CSV, compared with
//! tests/golden/planner/plan.csv (regenerate with `UPDATE_GOLDEN=1 cargo test --test planner`).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;

use serde_json::{json, Value};

use portal_core::dates::Date;
use portal_core::launch::*;
use portal_core::planner::*;
use portal_core::record::ReadinessRecord;
use portal_core::staffing::{agents_needed, forecast, Assumptions};
use portal_core::vocab::{Level, Profile};

fn d(iso: &str) -> Date {
    Date::parse_iso(iso).unwrap_or_else(|| panic!("bad test date {iso}"))
}

/// The launch tests' valid form, moved to March 2027.
fn form() -> LaunchForm {
    LaunchForm {
        deploy_date: "2027-03-02".into(),
        user_launch_date: "2027-03-09".into(),
        announcement_date: "2027-03-05".into(),
        ..common::valid_launch_form()
    }
}

/// A request as the `/launch` page writes it: the same type, the same code.
fn request_value(agency: &str, application: &str, key: &str, edit: impl FnOnce(&mut LaunchForm)) -> Value {
    let mut f = form();
    edit(&mut f);
    let mut record = ReadinessRecord {
        profile: Profile { agency: agency.into(), application: application.into(), ..Profile::default() },
        ..ReadinessRecord::default()
    };
    record.service_level.chosen = Some(Level::Ial2Aal2);
    let assumptions = Assumptions::default();
    let forecast = forecast(&forecast_input(&f, FORECAST_DAYS), &assumptions);
    payload(&f, &record, &assumptions, &forecast, key)
}

fn request(agency: &str, application: &str, key: &str, edit: impl FnOnce(&mut LaunchForm)) -> PlannedLaunch {
    read_request(&request_value(agency, application, key, edit).to_string()).expect("a request made by /launch reads")
}

const KEY_A: &str = "0b6e1b9e-8f2a-4c51-9d7e-3a1f2b4c5d6e";
const KEY_B: &str = "1c7f2cae-9a3b-4d62-8e8f-4b2a3c5d6e7f";
const KEY_C: &str = "2d8a3dbf-ab4c-4e73-9f9a-5c3b4d6e7f8a";

fn problem(value: Value) -> ImportProblem {
    read_request(&value.to_string()).expect_err("the file should be refused")
}

fn edited(edit: impl FnOnce(&mut Value)) -> Value {
    let mut value = request_value("Department of Examples", "Benefits Portal", KEY_A, |_| {});
    edit(&mut value);
    value
}

// ---------------------------------------------------------------------------------------------
// Reading files
// ---------------------------------------------------------------------------------------------

#[test]
fn a_request_written_by_the_launch_page_reads_back_with_its_numbers() {
    let launch = request("Department of Examples", "Benefits Portal", KEY_A, |_| {});
    assert_eq!(launch.key, KEY_A);
    assert_eq!(launch.name(), "Department of Examples: Benefits Portal");
    assert_eq!(launch.version, 2);
    assert_eq!(launch.placed_on(), (d("2027-03-09"), Placement::UserLaunch));
    assert_eq!((launch.deploy_date, launch.announcement_date), (Some(d("2027-03-02")), Some(d("2027-03-05"))));
    assert_eq!((launch.monthly_active_users, launch.new_user_share_pct, launch.ramp_weeks), (30_000, 60.0, 0));
    assert_eq!(launch.announcement_recipients, 10_000);
    assert_eq!(launch.language_shares, [70.0, 25.0, 2.5, 2.5]);
    assert!(!launch.phone_published);
    assert_eq!(launch.partner_assumptions.len(), portal_core::staffing::ASSUMPTIONS.len(), "every assumption the page sent");

    let phased = request("A", "B", KEY_B, |f| {
        f.ramp = RAMP_PHASED.into();
        f.ramp_weeks = "4".into();
        f.user_launch_date.clear();
    });
    assert_eq!(phased.ramp_weeks, 4);
    assert_eq!(phased.placed_on(), (d("2027-03-02"), Placement::Deploy), "no user launch date: placed on the deploy date");
}

#[test]
fn a_version_1_request_is_placed_on_its_launch_date() {
    let v1 = json!({
        "schema": "login-gov-partner-launch-request", "version": 1, "idempotency_key": "0123456789abcdef0123456789abcdef",
        "agency": "Old Agency", "application": "Old App", "service_level": "ial1-aal2",
        "launch": {
            "application_url": "https://old.example.gov", "audience": "general-public", "audience_label": "General public",
            "billing_contacts": ["billing@example.gov"], "annual_registrations": 100, "annual_authentications": 1000,
            "help_desk_contact": "help@example.gov", "iaa_number": "X", "launch_date": "2026-12-15", "monthly_active_users": 5000,
            "program_contacts": [], "seasonality": "", "technical_contacts": [], "ramp": "phased", "ramp_weeks": 2,
            "announcement_date": null, "announcement_recipients": null, "new_user_share": 50, "share_en": 100, "share_es": 0,
            "share_fr": 0, "share_zh": 0, "phone_published": true, "idv_share": null, "in_person_share": null
        },
        "assumptions": { "contact_rate_pct": 1, "handle_time_s": 180 },
        "forecast": { "days": 0, "daily": [] }
    });
    let launch = read_request(&v1.to_string()).expect("version 1 reads");
    assert_eq!(launch.placed_on(), (d("2026-12-15"), Placement::UserLaunch));
    assert_eq!((launch.version, launch.ramp_weeks, launch.monthly_active_users), (1, 2, 5000));
    assert!(launch.phone_published);
    assert_eq!(launch.partner_assumptions, vec![("contact_rate_pct".to_string(), 1.0), ("handle_time_s".to_string(), 180.0)]);
}

#[test]
fn every_bad_file_gets_its_own_message_naming_the_file() {
    let file = "benefits-launch.json";
    let cases: Vec<(ImportProblem, &str)> = vec![
        (read_request("{\"schema\": ").unwrap_err(), "is not JSON"),
        (read_request("").unwrap_err(), "is not JSON"),
        (problem(json!([1, 2])), "not a launch request"),
        (problem(json!({"kind": "login-gov-partner-readiness-record", "version": 8})), "not a launch request"),
        (problem(edited(|v| v["schema"] = json!("login-gov-partner-readiness-record"))), "“login-gov-partner-readiness-record” file"),
        (problem(edited(|v| v["version"] = json!(3))), "version 3 launch request, newer than this portal knows"),
        (problem(edited(|v| v["version"] = json!("2"))), "its version is the text \"2\", not a number"),
        (problem(edited(|v| v["version"] = json!(0))), "its version is 0: a version is a whole number from 1 up"),
        (problem(edited(|v| v.as_object_mut().unwrap().remove("launch").map(|_| ()).unwrap())), "lacks what a plan needs: launch"),
        (problem(edited(|v| v["launch"]["monthly_active_users"] = Value::Null)), "launch.monthly_active_users"),
        (problem(edited(|v| v["launch"]["phone_published"] = Value::Null)), "launch.phone_published"),
        (problem(edited(|v| v["idempotency_key"] = json!(""))), "idempotency_key"),
        (
            problem(edited(|v| {
                v["launch"]["deploy_date"] = Value::Null;
                v["launch"]["user_launch_date"] = Value::Null;
            })),
            "launch.user_launch_date or launch.deploy_date",
        ),
        (problem(edited(|v| v["launch"]["monthly_active_users"] = json!(-5))), "launch.monthly_active_users is -5"),
        (problem(edited(|v| v["launch"]["monthly_active_users"] = json!(12.5))), "not a whole number"),
        (problem(edited(|v| v["launch"]["monthly_active_users"] = json!(5_000_000_000_u64))), "outside the form's range from 0 to 100000000"),
        (problem(edited(|v| v["launch"]["share_es"] = json!(120))), "launch.share_es is 120, not a percent"),
        (problem(edited(|v| v["launch"]["share_en"] = json!(60))), "add up to 90%, not 100%"),
        (problem(edited(|v| v["launch"]["user_launch_date"] = json!("2027-02-30"))), "not a date"),
        (
            problem(edited(|v| {
                v["launch"]["ramp"] = json!("phased");
                v["launch"]["ramp_weeks"] = json!(60);
            })),
            "launch.ramp_weeks is 60",
        ),
    ];
    for (i, (problem, words)) in cases.iter().enumerate() {
        let message = problem.message(file);
        assert!(message.starts_with(file), "case {i}: {message}");
        assert!(message.contains(words), "case {i}: {message:?} should say {words:?}");
    }
    // A long value is quoted short.
    let long = problem(edited(|v| v["launch"]["share_fr"] = json!("x".repeat(10_000)))).message(file);
    assert!(long.len() < 300, "{long}");
}

#[test]
fn every_count_is_read_by_one_rule_and_a_version_is_named_as_what_it_is() {
    let file = "f.json";
    // Whole numbers as JSON writes them: -0 is zero users, 1200.0 is 1200.
    let zero = read_request(&edited(|v| v["launch"]["monthly_active_users"] = json!(-0.0)).to_string()).expect("-0 users is zero");
    assert_eq!(zero.monthly_active_users, 0);
    let float = read_request(&edited(|v| v["launch"]["announcement_recipients"] = json!(1200.0)).to_string()).expect("1200.0 reads");
    assert_eq!(float.announcement_recipients, 1200);
    // Every count the request holds, planned with or not, by the form's bounds.
    for (key, bad, words) in [
        ("annual_registrations", json!(-5), "launch.annual_registrations is -5, a negative number"),
        ("annual_registrations", json!(1e15), "outside the form's range from 0 to 500000000"),
        ("annual_authentications", json!(2.5), "is 2.5, not a whole number"),
        ("announcement_recipients", json!("100"), "is the text \"100\", not a number"),
        ("monthly_active_users", json!(true), "is true, not a number"),
        ("monthly_active_users", json!(1.8446744073709552e19), "far larger than any count"),
    ] {
        let message = problem(edited(|v| v["launch"][key] = bad.clone())).message(file);
        assert!(message.contains(words), "{key} = {bad}: {message}");
    }
    // The partner's assumptions are held to the planner's own ranges.
    let message = problem(edited(|v| v["assumptions"]["handle_time_s"] = json!(-5))).message(file);
    assert!(message.contains("assumptions.handle_time_s is -5, not from 1 to 3600 (seconds)"), "{message}");
    let message = problem(edited(|v| v["assumptions"]["surge_days"] = json!(2.5))).message(file);
    assert!(message.contains("not a whole number from 1 to 90"), "{message}");
    // Versions, said as what they are.
    for (version, words) in [
        (json!(18_446_744_073_709_551_616.0), "far larger than any version"),
        (json!(-1), "its version is -1, a negative number"),
        (json!("8"), "its version is the text \"8\", not a number"),
        (json!(8.5), "its version is 8.5, not a whole number"),
        (Value::Null, "its version is missing"),
    ] {
        let message = problem(edited(|v| v["version"] = version.clone())).message(file);
        assert!(message.contains(words), "version {version}: {message}");
    }
    let problem = read_workspace(json!({"schema": WORKSPACE_SCHEMA, "version": 8.5, "requests": []})).expect_err("8.5 is no version");
    assert_eq!(problem, ImportProblem::BadVersion("is 8.5, not a whole number".to_string()));
}

#[test]
fn a_list_of_requests_reads_each_one_and_names_a_bad_one_by_its_position() {
    let good = request_value("A", "One", KEY_A, |_| {});
    let other = request_value("B", "Two", KEY_B, |_| {});
    let mut bad = request_value("C", "Three", KEY_C, |_| {});
    bad["launch"]["monthly_active_users"] = json!(-5);
    let Ok(RequestFile::List { launches, skipped }) = read_request_file(json!([good, bad, other])) else { panic!("a list reads") };
    assert_eq!(launches.iter().map(|l| l.key.as_str()).collect::<Vec<_>>(), [KEY_A, KEY_B]);
    assert_eq!(skipped.len(), 1);
    assert_eq!(skipped[0].0, 2, "the second item");
    assert!(skipped[0].1.message("Request 2").contains("launch.monthly_active_users is -5"));
    // One request is still one; an empty list says so.
    assert!(matches!(read_request_file(request_value("A", "One", KEY_A, |_| {})), Ok(RequestFile::One(_))));
    assert_eq!(read_request_file(json!([])), Err(ImportProblem::EmptyList));
    assert!(ImportProblem::EmptyList.message("x.json").contains("holds no launch request"));
    // Items that are not requests are each named.
    let Ok(RequestFile::List { launches, skipped }) = read_request_file(json!([1, {"schema": "other"}])) else { panic!() };
    assert!(launches.is_empty());
    assert_eq!(skipped.iter().map(|(i, _)| *i).collect::<Vec<_>>(), [1, 2]);
}

// ---------------------------------------------------------------------------------------------
// The workspace
// ---------------------------------------------------------------------------------------------

#[test]
fn drafts_downloaded_before_submitting_are_told_apart_by_what_they_launch() {
    let mut workspace = Workspace::default();
    let draft = |agency: &str, application: &str, users: &str| {
        let users = users.to_string();
        request(agency, application, DRAFT_KEY, move |f| f.monthly_active_users = users)
    };
    assert_eq!(workspace.add(draft("Department of Examples", "Benefits Portal", "10,000")), Added::New);
    assert_eq!(workspace.add(draft("Office of Tests", "Grants", "10,000")), Added::New, "another partner's draft is another launch");
    assert_eq!(workspace.add(draft("Department of Examples", "Benefits Portal", "20,000")), Added::Replaced, "the same draft downloaded again");
    assert_eq!(workspace.launches.len(), 2);
    assert_eq!(workspace.launches[0].monthly_active_users, 20_000);
    assert!(workspace.launches.iter().all(|l| l.key.starts_with("draft: ")));
}

#[test]
fn the_same_key_replaces_the_older_copy_and_another_key_for_the_same_application_is_a_likely_duplicate() {
    let mut workspace = Workspace::default();
    assert_eq!(workspace.add(request("Department of Examples", "Benefits Portal", KEY_A, |_| {})), Added::New);
    assert_eq!(workspace.add(request("Office of Tests", "Grants", KEY_B, |_| {})), Added::New);
    let newer = request("Department of Examples", "Benefits Portal", KEY_A, |f| f.monthly_active_users = "45,000".into());
    assert_eq!(workspace.add(newer), Added::Replaced);
    assert_eq!(workspace.launches.len(), 2);
    assert_eq!(workspace.launches[0].monthly_active_users, 45_000, "the newer copy, where the older stood");
    assert!(workspace.likely_duplicates().is_empty());

    // The same application, typed a little differently, under a new key.
    workspace.add(request("department of  examples", " Benefits portal", KEY_C, |_| {}));
    assert_eq!(workspace.likely_duplicates(), vec![LikelyDuplicate { first: KEY_A.into(), second: KEY_C.into() }]);

    workspace.switched_off.insert(KEY_B.into());
    assert_eq!(workspace.planned().iter().map(|l| l.key.as_str()).collect::<Vec<_>>(), vec![KEY_A, KEY_C]);
    workspace.remove(KEY_B);
    assert!(workspace.switched_off.is_empty());
}

#[test]
fn an_exported_workspace_imports_again_the_same_and_a_bad_request_in_it_is_reported() {
    let mut workspace = Workspace::default();
    workspace.add(request("Department of Examples", "Benefits Portal", KEY_A, |_| {}));
    workspace.add(request("Office of Tests", "Grants", KEY_B, |f| f.phone_published = "yes".into()));
    workspace.switched_off.insert(KEY_B.into());
    workspace.own_assumptions.insert(KEY_A.into());
    workspace.assumption_texts.insert("handle_time_s".into(), "240".into());
    let text = workspace.to_json();
    let value: Value = serde_json::from_str(&text).unwrap();
    assert!(is_workspace(&value));
    let read = read_workspace(value.clone()).unwrap();
    assert_eq!(read.workspace, workspace);
    assert!(read.skipped.is_empty());

    let mut broken = value;
    broken["requests"][0]["version"] = json!(9);
    broken["switched_off"] = json!([KEY_A, "no-such-key"]);
    let read = read_workspace(broken).unwrap();
    assert_eq!(read.skipped, vec![(1, ImportProblem::NewerVersion(9))]);
    assert_eq!(read.workspace.launches.len(), 1);
    assert!(read.workspace.switched_off.is_empty(), "nothing is kept about launches that are not there");

    assert_eq!(read_workspace(json!({"schema": WORKSPACE_SCHEMA, "version": 2})).unwrap_err(), ImportProblem::NewerVersion(2));
    assert!(matches!(read_workspace(json!({"schema": "other"})), Err(ImportProblem::OtherSchema(_))));
}

#[test]
fn the_stored_workspace_restores_in_order_and_sets_aside_what_it_cannot_read() {
    let mut workspace = Workspace::default();
    workspace.add(request("Office of Tests", "Grants", KEY_B, |_| {}));
    workspace.add(request("Department of Examples", "Benefits Portal", KEY_A, |_| {}));
    workspace.switched_off.insert(KEY_A.into());
    workspace.own_assumptions.insert(KEY_B.into());
    workspace.assumption_texts.insert("handle_time_s".into(), "240".into());
    let settings = settings_json(&workspace);
    // The database returns entries in key order; the settings keep import order.
    let mut entries: Vec<(String, String)> = workspace.launches.iter().map(stored_request).collect();
    entries.sort();
    let restored = restore(Some(&settings), entries.clone());
    assert_eq!(restored.workspace, workspace);
    assert!(restored.set_aside.is_empty());

    // A request the settings do not name (saved by another tab) follows the named ones; one that
    // cannot be read is set aside with its text and a reason naming it, the rest still restore.
    let extra = stored_request(&request("Bureau of Samples", "Permits", KEY_C, |_| {}));
    let mut with_bad = entries.clone();
    with_bad.push(extra);
    let newer = json!({"schema": portal_core::launch::payload::PAYLOAD_SCHEMA, "version": 99}).to_string();
    with_bad.push(("broken-key".into(), newer.clone()));
    let restored = restore(Some(&settings), with_bad);
    let keys: Vec<&str> = restored.workspace.launches.iter().map(|l| l.key.as_str()).collect();
    assert_eq!(keys, [KEY_B, KEY_A, KEY_C]);
    assert_eq!(restored.set_aside.len(), 1);
    assert_eq!(restored.set_aside[0].key.as_deref(), Some("broken-key"));
    assert!(
        restored.set_aside[0].reason.contains("broken-key") && restored.set_aside[0].reason.contains("version 99"),
        "{}",
        restored.set_aside[0].reason
    );
    let kept: Value = serde_json::from_str(&restored.set_aside[0].to_json()).unwrap();
    assert_eq!(kept["text"], json!(newer));

    // Settings that are corrupt or from a newer portal are set aside; the requests still restore,
    // with the default assumptions and every launch switched on.
    for bad in ["{not json", "{\"schema\": \"login-gov-staffing-settings\", \"version\": 7}", "{\"schema\": \"other\", \"version\": 1}", "[]"] {
        let restored = restore(Some(bad), entries.clone());
        assert_eq!(restored.workspace.launches.len(), 2, "{bad}");
        assert!(restored.workspace.switched_off.is_empty() && restored.workspace.assumption_texts.is_empty(), "{bad}");
        assert_eq!(restored.set_aside.len(), 1, "{bad}");
        assert_eq!(restored.set_aside[0].key, None);
        assert_eq!(restored.set_aside[0].text, bad);
    }
    assert!(restore(Some(r#"{"schema": "login-gov-staffing-settings", "version": 7}"#), vec![]).set_aside[0].reason.contains("newer"));

    // Nothing stored is an empty workspace, and settings naming launches that are gone keep nothing about them.
    assert_eq!(restore(None, vec![]).workspace, Workspace::default());
    let restored = restore(Some(&settings), vec![entries[0].clone()]);
    assert_eq!(restored.workspace.launches.len(), 1);
    assert!(restored.workspace.switched_off.iter().chain(&restored.workspace.own_assumptions).all(|k| k == &restored.workspace.launches[0].key));
}

// ---------------------------------------------------------------------------------------------
// The plan
// ---------------------------------------------------------------------------------------------

fn three() -> Vec<PlannedLaunch> {
    vec![
        request("Department of Examples", "Benefits Portal", KEY_A, |_| {}),
        request("Office of Tests", "Grants", KEY_B, |f| {
            f.user_launch_date = "2027-03-11".into();
            f.monthly_active_users = "80,000".into();
            f.ramp = RAMP_PHASED.into();
            f.ramp_weeks = "2".into();
        }),
        request("Bureau of Samples", "Permits", KEY_C, |f| {
            f.deploy_date = "2027-03-16".into();
            f.user_launch_date = "2027-03-18".into();
            f.phone_published = "yes".into();
        }),
    ]
}

fn plan_of(launches: &[PlannedLaunch]) -> Plan {
    let refs: Vec<&PlannedLaunch> = launches.iter().collect();
    let window = Window::around(&refs).expect("launches");
    plan(&refs, &Assumptions::default(), &BTreeSet::new(), window)
}

#[test]
fn the_combined_forecast_is_the_sum_of_each_launch_day_by_day_and_matches_the_launch_page() {
    let launches = three();
    let all = plan_of(&launches);
    assert_eq!(all.window.first, d("2027-03-02"), "from the first deploy date");
    for (i, day) in all.days.iter().enumerate() {
        let mut sum = [0.0; 7];
        for launch in &launches {
            let alone = plan(&[launch], &Assumptions::default(), &BTreeSet::new(), all.window);
            let a = &alone.days[i];
            for (s, v) in sum.iter_mut().zip([a.phone, a.form, a.by_language[0], a.by_language[1], a.by_language[2], a.by_language[3], a.contacts()])
            {
                *s += v;
            }
        }
        let combined = [day.phone, day.form, day.by_language[0], day.by_language[1], day.by_language[2], day.by_language[3], day.contacts()];
        for (c, s) in combined.iter().zip(sum) {
            assert!((c - s).abs() < 1e-9, "day {i}: {c} vs {s}");
        }
        let by_layer: f64 = day.by_layer.iter().sum();
        assert!((by_layer - day.contacts()).abs() < 1e-9);
    }
    // One launch alone: its days are the /launch page's forecast, placed on its dates.
    let f = forecast(&forecast_input(&form(), FORECAST_DAYS), &Assumptions::default());
    let alone = plan(&[&launches[0]], &Assumptions::default(), &BTreeSet::new(), all.window);
    for day in &f.daily {
        let i = (d("2027-03-09").add_days(day.day).days_since_epoch() - all.window.first.days_since_epoch()) as usize;
        assert!((alone.days[i].contacts() - day.contacts).abs() < 1e-9, "day {} of the launch", day.day);
        assert!((alone.days[i].phone - day.phone).abs() < 1e-9);
    }
    // A published number makes every contact of that launch a call.
    let published = plan(&[&launches[2]], &Assumptions::default(), &BTreeSet::new(), all.window);
    assert!(published.days.iter().all(|d| d.form == 0.0) && published.days.iter().any(|d| d.phone > 0.0));
}

#[test]
fn pooled_agents_are_never_more_than_the_launches_staffed_separately() {
    let plan = plan_of(&three());
    assert!(plan.days.iter().all(|d| d.phone_agents <= d.separate_phone_agents));
    assert!(plan.days.iter().any(|d| d.phone_agents < d.separate_phone_agents), "pooling saves agents on some day");
    // And for any two loads: Erlang C with the same targets never needs more for the sum.
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % 100_000) as f64 / 10.0
    };
    for _ in 0..2_000 {
        let (a, b) = (next(), next());
        let agents = |calls: f64| agents_needed(calls, 180.0, 1800.0, 0.8, 20.0, 0.85);
        assert!(agents(a + b) <= agents(a) + agents(b), "{a} + {b} calls");
    }
}

#[test]
fn spanish_days_are_flagged_when_spanish_calls_alone_need_more_than_the_cited_share() {
    assert_eq!(spanish_agent_share_pct(), 25.0, "the cited default (sd-spanish-agents)");
    let window = |launch: &PlannedLaunch| Window::around(&[launch]).unwrap();
    let spanish = request("A", "Solo", KEY_A, |f| {
        f.share_en = "0".into();
        f.share_es = "100".into();
        f.share_fr = "0".into();
        f.share_zh = "0".into();
    });
    let all_spanish = plan(&[&spanish], &Assumptions::default(), &BTreeSet::new(), window(&spanish));
    let busy: Vec<Date> = all_spanish.days.iter().enumerate().filter(|(_, d)| d.phone_agents > 0).map(|(i, _)| all_spanish.window.date(i)).collect();
    assert!(!busy.is_empty());
    assert_eq!(all_spanish.spanish_days, busy, "all-Spanish calls need all the agents");

    let english = request("A", "Solo", KEY_A, |f| {
        f.share_en = "100".into();
        f.share_es = "0".into();
        f.share_fr = "0".into();
        f.share_zh = "0".into();
    });
    assert!(plan(&[&english], &Assumptions::default(), &BTreeSet::new(), window(&english)).spanish_days.is_empty());

    // At the edge: a day is flagged only when the Spanish calls' agents exceed 25% of the agents.
    let mixed = plan_of(&three());
    for (i, day) in mixed.days.iter().enumerate() {
        let flagged = mixed.spanish_days.contains(&mixed.window.date(i));
        assert_eq!(
            flagged,
            day.phone_agents > 0 && 4 * day.spanish_phone_agents > day.phone_agents,
            "day {i}: {} of {}",
            day.spanish_phone_agents,
            day.phone_agents
        );
    }
    // The rule at its edge: exactly a quarter is within the share; one agent more is over it.
    assert!(!spanish_over_share(5, 20, 25.0));
    assert!(spanish_over_share(6, 20, 25.0));
    assert!(!spanish_over_share(1, 4, 25.0));
    assert!(spanish_over_share(2, 7, 25.0));
    assert!(!spanish_over_share(0, 0, 25.0), "no calls, no flag");
}

#[test]
fn launches_sharing_a_day_or_a_week_are_flagged_and_a_published_number_is_named() {
    let on = |key: &str, date: &str| {
        request("Agency", key, key, |f| {
            f.deploy_date = "2027-02-23".into();
            f.user_launch_date = date.into();
        })
    };
    // Monday 8 March 2027 and Friday 12 March: the same week; Sunday 14 March closes it;
    // Monday 15 March starts the next.
    let launches = vec![on("k1", "2027-03-08"), on("k2", "2027-03-12"), on("k3", "2027-03-12"), on("k4", "2027-03-14"), on("k5", "2027-03-15")];
    let p = plan_of(&launches);
    assert_eq!(p.crowded_days, vec![(d("2027-03-12"), vec!["k2".to_string(), "k3".to_string()])]);
    assert_eq!(p.crowded_weeks, vec![(d("2027-03-08"), vec!["k1".into(), "k2".into(), "k3".into(), "k4".into()])]);
    assert!(p.summary.iter().any(|s| s.contains("Several launches share a day: 2027-03-12 (2 launches)")));

    let p = plan_of(&three());
    assert!(p.crowded_days.is_empty());
    assert!(p.summary.iter().any(|s| s.starts_with("Bureau of Samples: Permits says a page publishes the Contact Center number")), "{:?}", p.summary);
    assert!(p.summary[0].starts_with("3 launches in the plan, placed from 2027-03-09 to 2027-03-18."));
}

#[test]
fn switching_a_launch_off_and_planning_with_the_partners_own_assumptions_change_the_plan() {
    let mut workspace = Workspace::default();
    for launch in three() {
        workspace.add(launch);
    }
    let window = Window::around(&workspace.planned()).unwrap();
    let before = plan(&workspace.planned(), &Assumptions::default(), &workspace.own_assumptions, window);
    workspace.switched_off.insert(KEY_B.into());
    let after = plan(&workspace.planned(), &Assumptions::default(), &workspace.own_assumptions, window);
    assert_eq!(after.launches.len(), 2);
    assert!(after.days.iter().zip(&before.days).any(|(a, b)| a.contacts() < b.contacts()));
    // A what-if from the basis, without forecasting again, is the same plan.
    let all: Vec<&PlannedLaunch> = workspace.launches.iter().collect();
    let basis = PlanBasis::new(&all, &Assumptions::default(), &workspace.own_assumptions, window);
    assert_eq!(basis.plan(&workspace.switched_off), after);
    assert_eq!(basis.plan(&BTreeSet::new()), before);
    // New sizing assumptions reuse the contacts; the plan is the one planned afresh with them.
    let sizing = Assumptions { handle_time_s: 600.0, service_level_target_pct: 90.0, peak_interval_share_pct: 20.0, ..Assumptions::default() };
    assert_eq!(contact_assumptions(&sizing), contact_assumptions(&Assumptions::default()));
    let contacts = std::sync::Arc::new(PlanContacts::new(&all, &contact_assumptions(&sizing), &workspace.own_assumptions, window));
    let resized = PlanBasis::sized(contacts, &sizing).plan(&workspace.switched_off);
    assert_eq!(resized, plan(&workspace.planned(), &sizing, &workspace.own_assumptions, window));
    assert!(resized.days.iter().zip(&after.days).any(|(a, b)| a.phone_agents > b.phone_agents), "longer calls need more agents");
    assert_ne!(contact_assumptions(&Assumptions { contact_rate_pct: 2.0, ..Assumptions::default() }), contact_assumptions(&Assumptions::default()));

    // The partner planned with a 2% contact rate; the planner's default is 1%.
    let mut own = request("A", "Own", KEY_A, |_| {});
    for (key, value) in own.partner_assumptions.iter_mut() {
        if key == "contact_rate_pct" {
            *value = 2.0;
        }
    }
    let w = Window::around(&[&own]).unwrap();
    let planner = plan(&[&own], &Assumptions::default(), &BTreeSet::new(), w);
    let partner = plan(&[&own], &Assumptions::default(), &BTreeSet::from([KEY_A.to_string()]), w);
    let total = |p: &Plan| p.days.iter().map(PlanDay::contacts).sum::<f64>();
    assert!((total(&partner) - 2.0 * total(&planner)).abs() < 1e-6 * total(&planner));
}

#[test]
fn the_daily_plan_csv_matches_its_golden_file_and_reads_back() {
    let p = plan_of(&three());
    let csv = plan_csv(&p);
    common::golden("planner/plan.csv", &csv);
    let mut reader = csv::ReaderBuilder::new().from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(header, CSV_HEADER);
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().unwrap();
    assert_eq!(rows.len(), p.days.len());
    for (row, day) in rows.iter().zip(&p.days) {
        assert_eq!(row[8].parse::<u32>().unwrap(), day.phone_agents);
        assert!(row[8].parse::<u32>().unwrap() <= row[9].parse::<u32>().unwrap());
    }
    let launching: Vec<(&str, &str)> = rows.iter().filter(|r| !r[12].is_empty()).map(|r| (&r[0], &r[12])).collect();
    assert_eq!(
        launching,
        vec![
            ("2027-03-09", "Department of Examples: Benefits Portal"),
            ("2027-03-11", "Office of Tests: Grants"),
            ("2027-03-18", "Bureau of Samples: Permits")
        ]
    );
    assert_eq!(tenths(12.345), "12.3");
    assert_eq!(tenths(0.05), "0.1");
    assert_eq!(tenths(f64::NAN), "0.0");
}

/// The request the browser benchmark (scripts/staffing-bench.mjs) copies a thousand times: made
/// by the same code as `/launch`, and kept current by this test.
#[test]
fn the_benchmark_request_is_one_the_launch_page_writes() {
    let value = request_value("Department of Examples", "Benefits Portal", KEY_A, |_| {});
    let text = serde_json::to_string_pretty(&value).unwrap() + "\n";
    common::golden("planner/request.json", &text);
    let read = read_request(&text).unwrap();
    assert_eq!(read, request("Department of Examples", "Benefits Portal", KEY_A, |_| {}));
    // The request's own forecast is most of the file; the planner forecasts itself and keeps the rest.
    assert!(value.get("forecast").is_some() && read.source.get("forecast").is_none());
    assert_eq!(read.source.get("launch"), value.get("launch"));
    assert!(read.source.to_string().len() * 4 < text.len(), "{} of {}", read.source.to_string().len(), text.len());
}

#[test]
fn the_chart_layers_are_the_biggest_launches_and_the_rest_together() {
    let sized = |n: usize| -> Vec<PlannedLaunch> {
        (0..n)
            .map(|i| {
                let users = format!("{}", 10_000 + (i * 7 % n) * 5_000);
                request("Agency", &format!("App {i}"), &format!("{i:08x}-0000-4000-8000-000000000000"), move |f| f.monthly_active_users = users)
            })
            .collect()
    };
    let launches = sized(8);
    let p = plan_of(&launches);
    assert_eq!(p.layers.len(), OWN_LAYERS + 1);
    let total = |key: &str| -> f64 {
        let alone = plan(&[launches.iter().find(|l| l.key == key).unwrap()], &Assumptions::default(), &BTreeSet::new(), p.window);
        alone.days.iter().map(PlanDay::contacts).sum()
    };
    let own: Vec<f64> = p.layers[..OWN_LAYERS].iter().map(|l| total(&l.keys[0])).collect();
    assert!(own.windows(2).all(|w| w[0] >= w[1]), "biggest first: {own:?}");
    let rest = &p.layers[OWN_LAYERS];
    assert_eq!(rest.name, "3 other launches");
    assert!(rest.keys.iter().all(|k| total(k) <= own[OWN_LAYERS - 1]));
    // Every day, each layer is its launches' contacts.
    for (i, layer) in p.layers.iter().enumerate() {
        let members: Vec<&PlannedLaunch> = launches.iter().filter(|l| layer.keys.contains(&l.key)).collect();
        let alone = plan(&members, &Assumptions::default(), &BTreeSet::new(), p.window);
        for (day, together) in alone.days.iter().zip(&p.days) {
            assert!((day.contacts() - together.by_layer[i]).abs() < 1e-9);
        }
    }
    // One more launch than own layers: each gets its own, no "others" of one.
    assert!(plan_of(&sized(OWN_LAYERS + 1)).layers.iter().all(|l| l.keys.len() == 1));
}
