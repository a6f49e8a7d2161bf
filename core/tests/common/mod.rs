//! Helpers the host tests share: golden files, readers of the exports, and cost ratios.
// Each test file uses some of them.
#![allow(dead_code)]

pub mod parsers;
pub mod strategies;

use std::hint::black_box;
use std::time::Instant;

/// How many times more time `work` takes than `yardstick`, as the median of `rounds` pairs timed
/// one after the other. A slower or busier machine slows both alike, so the ratio holds where a
/// bound in milliseconds would not; more work in `work` still moves it.
#[allow(dead_code)]
pub fn cost_ratio<A, B>(rounds: usize, mut work: impl FnMut() -> A, mut yardstick: impl FnMut() -> B) -> f64 {
    let mut ratios: Vec<f64> = (0..rounds)
        .map(|round| {
            let time = |f: &mut dyn FnMut()| {
                let start = Instant::now();
                f();
                start.elapsed().as_secs_f64().max(1e-9)
            };
            // Alternate which goes first, so a machine that speeds up or slows down during a pair
            // favours neither side.
            let mut run_work = || {
                black_box(work());
            };
            let mut run_yardstick = || {
                black_box(yardstick());
            };
            let (w, y) = if round % 2 == 0 {
                let w = time(&mut run_work);
                (w, time(&mut run_yardstick))
            } else {
                let y = time(&mut run_yardstick);
                (time(&mut run_work), y)
            };
            w / y
        })
        .collect();
    ratios.sort_by(f64::total_cmp);
    ratios[ratios.len() / 2]
}

/// Compares `actual` with the golden file at `path` (from this crate's folder); with
/// `UPDATE_GOLDEN` set, writes it first. Review the diff of a regenerated file.
pub fn golden_file(path: &str, actual: &str) {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        if let Some(dir) = std::path::Path::new(&full).parent() {
            std::fs::create_dir_all(dir).unwrap();
        }
        std::fs::write(&full, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&full).unwrap_or_else(|_| panic!("missing golden file {path}: run with UPDATE_GOLDEN=1 and review it"));
    assert_eq!(actual, expected, "{path} differs from its golden file (regenerate with UPDATE_GOLDEN=1 if the change is intended)");
}

/// A golden file under `tests/golden/`.
pub fn golden(name: &str, actual: &str) {
    golden_file(&format!("tests/golden/{name}"), actual);
}

/// A launch form that passes every check (deploy 8 December 2026, users from the 15th), for
/// the launch and planner tests.
pub fn valid_launch_form() -> portal_core::launch::LaunchForm {
    use portal_core::launch::LaunchForm;
    LaunchForm {
        application_url: "https://benefits.example.gov/start".into(),
        audience: "general-public".into(),
        iaa_number: "LGABCFY210001-0001-0000".into(),
        push_notifications: "no".into(),
        deploy_date: "2026-12-08".into(),
        user_launch_date: "2026-12-15".into(),
        seasonality: "Busy in January".into(),
        monthly_active_users: "30,000".into(),
        annual_registrations: "120,000".into(),
        annual_authentications: "1200000".into(),
        program_contacts: "Pat Lee, Program Manager, pm@example.gov, 202-555-0101\nSam Roe, Deputy, deputy@example.gov".into(),
        technical_contacts: "Dev Team Lead, dev@example.gov\nops@example.gov".into(),
        billing_contacts: "Budget Office, billing@example.gov, (202) 555-0102".into(),
        help_desk_phone: "202-555-0100".into(),
        help_desk_email: "help@example.gov".into(),
        help_desk_other: "Weekdays 8am to 6pm Eastern".into(),
        ramp: "all-at-once".into(),
        ramp_weeks: String::new(),
        announcement_date: "2026-12-01".into(),
        announcement_recipients: "10000".into(),
        new_user_share: "60".into(),
        share_en: "70".into(),
        share_es: "25".into(),
        share_fr: "2.5".into(),
        share_zh: "2.5".into(),
        phone_published: "no".into(),
        idv_share: "40".into(),
        in_person_share: "10".into(),
    }
}
