//! How long the staffing planner's rules take for many launch requests, on the host:
//! `cargo run --release -p portal_core --example plan_bench [count]` (default 1,000). It makes
//! `count` requests the way `/launch` writes them, spread over a year, then times reading them
//! all, planning them together, switching one off (planning again, and from the plan's basis),
//! and writing the CSV. The
//! browser's own figures come from the page's benchmark; this one says what the rules cost.

use std::collections::BTreeSet;
use std::time::Instant;

use portal_core::dates::Date;
use portal_core::launch::{forecast_input, payload, LaunchForm, FORECAST_DAYS, RAMP_PHASED};
use portal_core::planner::{plan, plan_csv, read_request, PlanBasis, Window, Workspace};
use portal_core::record::ReadinessRecord;
use portal_core::staffing::{forecast, Assumptions};
use portal_core::vocab::Profile;

fn request(i: u64) -> String {
    let launch = Date::parse_iso("2027-01-05").expect("a date").add_days((i * 7 % 365) as i64);
    let form = LaunchForm {
        deploy_date: launch.add_days(-7).to_iso(),
        user_launch_date: launch.to_iso(),
        monthly_active_users: (5_000 + i * 997 % 200_000).to_string(),
        new_user_share: "50".into(),
        share_en: "70".into(),
        share_es: "25".into(),
        share_fr: "2.5".into(),
        share_zh: "2.5".into(),
        phone_published: if i.is_multiple_of(50) { "yes" } else { "no" }.into(),
        ramp: if i.is_multiple_of(3) { RAMP_PHASED } else { "all-at-once" }.into(),
        ramp_weeks: "4".into(),
        announcement_date: launch.add_days(-3).to_iso(),
        announcement_recipients: (i * 31 % 20_000).to_string(),
        ..LaunchForm::default()
    };
    let record = ReadinessRecord {
        profile: Profile { agency: format!("Agency {}", i % 40), application: format!("Application {i}"), ..Profile::default() },
        ..ReadinessRecord::default()
    };
    let assumptions = Assumptions::default();
    let f = forecast(&forecast_input(&form, FORECAST_DAYS), &assumptions);
    payload(&form, &record, &assumptions, &f, &format!("{i:08x}-0000-4000-8000-000000000000")).to_string()
}

fn main() {
    let count: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1_000);
    let files: Vec<String> = (0..count).map(request).collect();
    let bytes: usize = files.iter().map(String::len).sum();

    let started = Instant::now();
    let mut workspace = Workspace::default();
    for file in &files {
        workspace.add(read_request(file).expect("a generated request reads"));
    }
    let read = started.elapsed();

    let started = Instant::now();
    let planned = workspace.planned();
    let window = Window::around(&planned).expect("launches");
    let first = plan(&planned, &Assumptions::default(), &BTreeSet::new(), window);
    let planning = started.elapsed();

    let all: Vec<_> = workspace.launches.iter().collect();
    let basis = PlanBasis::new(&all, &Assumptions::default(), &BTreeSet::new(), window);
    workspace.switched_off.insert(workspace.launches[0].key.clone());
    let started = Instant::now();
    let again = plan(&workspace.planned(), &Assumptions::default(), &BTreeSet::new(), window);
    let replanning = started.elapsed();
    let started = Instant::now();
    let what_if = basis.plan(&workspace.switched_off);
    let switching = started.elapsed();
    assert_eq!(what_if, again, "the what-if from the basis is the same plan");

    let started = Instant::now();
    let csv = plan_csv(&again);
    let writing = started.elapsed();

    println!("{count} requests ({} KB of JSON), {} days planned", bytes / 1024, first.days.len());
    println!("  read and check every file: {read:.2?}");
    println!("  plan them together:        {planning:.2?}");
    println!("  one switched off, replan:  {replanning:.2?}");
    println!("  the same from the basis:   {switching:.2?}");
    println!("  daily CSV ({} KB):          {writing:.2?}", csv.len() / 1024);
}
