//! Host tests of the launch page's logic: federal holidays, every validation rule at its edges,
//! Erlang C, the forecast arithmetic, and the downloads (CSV, ICS and the launch-request text
//! block are compared with golden files in tests/golden/launch/; regenerate them with
//! `UPDATE_GOLDEN=1 cargo test --test launch` and review the diff).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::valid_launch_form as valid_form;

use portal_core::content::content;
use portal_core::dates::Date;
use portal_core::holidays::{federal_holidays, holiday_on};
use portal_core::launch::*;
use portal_core::record::ReadinessRecord;
use portal_core::staffing::*;
use portal_core::vocab::Level;
use portal_core::vocab::{Audience, PartnerType, Profile, Protocol};

fn d(iso: &str) -> Date {
    Date::parse_iso(iso).unwrap_or_else(|| panic!("bad test date {iso}"))
}

// ---------------------------------------------------------------------------------------------
// Federal holidays
// ---------------------------------------------------------------------------------------------

/// Written out by hand from 5 U.S.C. 6103 and the weekend rule (Saturday → Friday before,
/// Sunday → Monday after), then checked against an independent weekday computation.
const OBSERVED_2026_2030: [(&str, &str); 55] = [
    ("2026-01-01", "New Year's Day"),
    ("2026-01-19", "Birthday of Martin Luther King, Jr."),
    ("2026-02-16", "Washington's Birthday"),
    ("2026-05-25", "Memorial Day"),
    ("2026-06-19", "Juneteenth National Independence Day"),
    ("2026-07-03", "Independence Day"), // Jul 4 is a Saturday
    ("2026-09-07", "Labor Day"),
    ("2026-10-12", "Columbus Day"),
    ("2026-11-11", "Veterans Day"),
    ("2026-11-26", "Thanksgiving Day"),
    ("2026-12-25", "Christmas Day"),
    ("2027-01-01", "New Year's Day"),
    ("2027-01-18", "Birthday of Martin Luther King, Jr."),
    ("2027-02-15", "Washington's Birthday"),
    ("2027-05-31", "Memorial Day"),
    ("2027-06-18", "Juneteenth National Independence Day"), // Jun 19 is a Saturday
    ("2027-07-05", "Independence Day"),                     // Jul 4 is a Sunday
    ("2027-09-06", "Labor Day"),
    ("2027-10-11", "Columbus Day"),
    ("2027-11-11", "Veterans Day"),
    ("2027-11-25", "Thanksgiving Day"),
    ("2027-12-24", "Christmas Day"),  // Dec 25 is a Saturday
    ("2027-12-31", "New Year's Day"), // Jan 1 2028 is a Saturday
    ("2028-01-17", "Birthday of Martin Luther King, Jr."),
    ("2028-02-21", "Washington's Birthday"),
    ("2028-05-29", "Memorial Day"),
    ("2028-06-19", "Juneteenth National Independence Day"),
    ("2028-07-04", "Independence Day"),
    ("2028-09-04", "Labor Day"),
    ("2028-10-09", "Columbus Day"),
    ("2028-11-10", "Veterans Day"), // Nov 11 is a Saturday
    ("2028-11-23", "Thanksgiving Day"),
    ("2028-12-25", "Christmas Day"),
    ("2029-01-01", "New Year's Day"),
    ("2029-01-15", "Birthday of Martin Luther King, Jr."),
    ("2029-02-19", "Washington's Birthday"),
    ("2029-05-28", "Memorial Day"),
    ("2029-06-19", "Juneteenth National Independence Day"),
    ("2029-07-04", "Independence Day"),
    ("2029-09-03", "Labor Day"),
    ("2029-10-08", "Columbus Day"),
    ("2029-11-12", "Veterans Day"), // Nov 11 is a Sunday
    ("2029-11-22", "Thanksgiving Day"),
    ("2029-12-25", "Christmas Day"),
    ("2030-01-01", "New Year's Day"),
    ("2030-01-21", "Birthday of Martin Luther King, Jr."),
    ("2030-02-18", "Washington's Birthday"),
    ("2030-05-27", "Memorial Day"),
    ("2030-06-19", "Juneteenth National Independence Day"),
    ("2030-07-04", "Independence Day"),
    ("2030-09-02", "Labor Day"),
    ("2030-10-14", "Columbus Day"),
    ("2030-11-11", "Veterans Day"),
    ("2030-11-28", "Thanksgiving Day"),
    ("2030-12-25", "Christmas Day"),
];

#[test]
fn federal_holidays_2026_to_2030_match_the_table() {
    let computed: Vec<(String, &str)> = (2026..=2030).flat_map(federal_holidays).map(|(date, name)| (date.to_iso(), name)).collect();
    let expected: Vec<(String, &str)> = OBSERVED_2026_2030.iter().map(|(date, name)| (date.to_string(), *name)).collect();
    assert_eq!(computed, expected);
    assert_eq!(federal_holidays(2027).len(), 12, "2027 also observes New Year's Day 2028");
    assert_eq!(federal_holidays(2028).len(), 10, "2028's New Year's Day is observed in 2027");
}

#[test]
fn the_table_itself_obeys_the_rules() {
    for (iso, name) in OBSERVED_2026_2030 {
        let date = d(iso);
        let weekday = date.weekday_from_monday();
        assert!(weekday < 5, "{iso} {name} is observed on a weekday");
        match name {
            "Birthday of Martin Luther King, Jr." | "Washington's Birthday" | "Memorial Day" | "Labor Day" | "Columbus Day" => {
                assert_eq!(weekday, 0, "{iso} {name} is a Monday")
            }
            "Thanksgiving Day" => assert_eq!((weekday, (date.day - 1) / 7), (3, 3), "{iso} is the 4th Thursday"),
            _ => {}
        }
        if name == "Memorial Day" {
            assert!(date.day + 7 > 31, "{iso} is the last Monday of May");
        }
        assert_eq!(holiday_on(date), Some(name), "{iso}");
    }
}

#[test]
fn holiday_on_observed_days_only() {
    assert_eq!(holiday_on(d("2026-07-04")), None, "a Saturday: observed on the 3rd");
    assert_eq!(holiday_on(d("2028-01-01")), None, "a Saturday: observed on 2027-12-31");
    assert_eq!(holiday_on(d("2027-12-31")), Some("New Year's Day"));
    assert_eq!(holiday_on(d("2029-11-11")), None, "a Sunday: observed on the 12th");
    assert_eq!(holiday_on(d("2026-11-24")), None);
    // Every year's list is sorted and has 10 to 12 days.
    for year in 1990..2100 {
        let days = federal_holidays(year);
        assert!((10..=12).contains(&days.len()), "{year}");
        assert!(days.windows(2).all(|w| w[0].0 < w[1].0), "{year} sorted");
        assert!(days.iter().all(|(date, _)| date.year == year), "{year} in year");
    }
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

/// Tuesday 24 November 2026: today + 14 is Tuesday 8 December.
fn today() -> Date {
    d("2026-11-24")
}

fn problems_for(edit: impl FnOnce(&mut LaunchForm)) -> FormProblems {
    let mut form = valid_form();
    edit(&mut form);
    validate(&form, today(), Some(Level::Ial2Aal2))
}

/// The one error the edit causes (any other error fails the test).
fn error_of(field: LaunchField, edit: impl FnOnce(&mut LaunchForm)) -> Option<String> {
    let problems = problems_for(edit);
    let others: Vec<_> = problems.errors.keys().filter(|k| **k != field).collect();
    assert!(others.is_empty(), "only {field:?} should fail, also: {others:?} ({problems:?})");
    problems.error(field).map(str::to_string)
}

fn warning_of(field: LaunchField, edit: impl FnOnce(&mut LaunchForm)) -> Option<String> {
    let problems = problems_for(edit);
    assert!(problems.is_empty(), "a warning must not come with errors: {problems:?}");
    problems.warning(field).map(str::to_string)
}

#[test]
fn a_complete_form_is_valid_without_warnings() {
    let problems = validate(&valid_form(), today(), Some(Level::Ial2Aal2));
    assert!(problems.is_empty() && problems.warnings.is_empty(), "{problems:?}");
    assert!(validate(&valid_form(), today(), None).is_empty());
}

#[test]
fn an_empty_form_names_every_required_field_in_form_order() {
    use LaunchField::*;
    let problems = validate(&LaunchForm::default(), today(), Some(Level::Ial2Aal2));
    let fields: Vec<LaunchField> = problems.errors_in_form_order().iter().map(|(f, _)| *f).collect();
    assert_eq!(
        fields,
        [
            ApplicationUrl,
            Audience,
            IaaNumber,
            PushNotifications,
            DeployDate,
            UserLaunchDate,
            MonthlyActiveUsers,
            AnnualRegistrations,
            AnnualAuthentications,
            ProgramContacts,
            TechnicalContacts,
            BillingContacts,
            HelpDeskPhone,
            Ramp,
            NewUserShare,
            ShareEn,
            ShareEs,
            ShareFr,
            ShareZh,
            PhonePublished,
            IdvShare,
            InPersonShare,
        ]
    );
    // The summary's order is the page's order: LaunchField::ALL.
    let order: Vec<usize> = fields.iter().map(|f| LaunchField::ALL.iter().position(|g| g == f).unwrap()).collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]));
    // Without identity verification, the verification shares are optional.
    for level in [Some(Level::Ial1Aal2), None] {
        let problems = validate(&LaunchForm::default(), today(), level);
        assert!(problems.error(IdvShare).is_none() && problems.error(InPersonShare).is_none(), "{level:?}");
    }
    assert!(validate(&LaunchForm::default(), today(), Some(Level::BasicIdv)).error(IdvShare).is_some(), "basic verification verifies identity too");
    for (field, message) in problems.errors_in_form_order() {
        assert!(message.ends_with('.') && message.chars().next().unwrap().is_uppercase(), "{message}");
        // Every message names its field, so the summary reads on its own.
        let words = noun(field).trim_start_matches("the ").trim_start_matches("your ").to_lowercase();
        let key_word = words.split_whitespace().find(|w| w.len() > 3).unwrap_or(&words).to_string();
        assert!(message.to_lowercase().contains(&key_word), "{field:?}: {message} (names '{key_word}'?)");
    }
}

/// The deploy date's problems alone (the launch date and the announcement are cleared, so an
/// early or late deploy date does not also move them out of order).
fn deploy_problems(date: &str, push: bool) -> (Option<String>, Option<String>) {
    let mut form = valid_form();
    form.deploy_date = date.into();
    form.user_launch_date = String::new();
    form.announcement_date = String::new();
    form.announcement_recipients = String::new();
    form.push_notifications = if push { "yes" } else { "no" }.into();
    let problems = validate(&form, today(), Some(Level::Ial2Aal2));
    let others: Vec<_> = problems.errors.keys().filter(|k| !matches!(k, LaunchField::DeployDate | LaunchField::UserLaunchDate)).collect();
    assert!(others.is_empty(), "{others:?}");
    (problems.error(LaunchField::DeployDate).map(str::to_string), problems.warning(LaunchField::DeployDate).map(str::to_string))
}

#[test]
fn deploy_date_edges() {
    // today + 14 (a Tuesday) is fine; today + 13 is too soon.
    assert_eq!(deploy_problems("2026-12-08", false), (None, None));
    let from_wednesday = validate(&valid_form(), d("2026-11-25"), Some(Level::Ial2Aal2));
    let message = from_wednesday.error(LaunchField::DeployDate).expect("13 days ahead is too soon");
    assert!(message.contains("only 13 days away") && message.contains("2026-12-09 or later") && message.contains("two weeks"), "{message}");
    assert_eq!(from_wednesday.errors.len(), 1);

    // With push-notification URLs, three weeks may be needed: 16 days is a warning, 21 is fine.
    let (push_error, push_warning) = deploy_problems("2026-12-10", true);
    assert!(push_error.is_none() && push_warning.unwrap().contains("may need three weeks"));
    assert_eq!(deploy_problems("2026-12-15", true), (None, None));
    assert!(deploy_problems("2026-12-15", false).0.is_none());

    let (monday, _) = deploy_problems("2026-12-14", false);
    assert_eq!(monday.as_deref(), Some("2026-12-14 is a Monday: Login.gov deploys on Tuesdays and Thursdays."));
    assert_eq!(deploy_problems("2026-12-10", false), (None, None), "a Thursday");
    for day in ["2026-12-09", "2026-12-11", "2026-12-12", "2026-12-13"] {
        assert!(deploy_problems(day, false).0.is_some(), "{day}");
    }
    // Both problems at once are both named.
    let (both, _) = deploy_problems("2026-11-30", false);
    let both = both.unwrap();
    assert!(both.contains("only 6 days away") && both.contains("is a Monday"), "{both}");
    assert!(deploy_problems("2026-11-19", false).0.unwrap().contains("in the past"));
    assert!(deploy_problems("2026-11-24", false).0.unwrap().contains("is today"));

    // A holiday Tuesday or Thursday more than two weeks out: accepted, with a warning.
    for (day, holiday) in
        [("2027-11-25", "Thanksgiving Day"), ("2027-11-11", "Veterans Day"), ("2029-12-25", "Christmas Day"), ("2029-06-19", "Juneteenth")]
    {
        let (error, warning) = deploy_problems(day, false);
        assert_eq!(error, None, "{day}: a holiday is never a refusal");
        let warning = warning.unwrap_or_else(|| panic!("{day}: no warning"));
        assert!(warning.contains(holiday) && warning.contains("another day"), "{day}: {warning}");
    }
    // A holiday too soon is refused for being too soon, and still warned about.
    let (error, warning) = deploy_problems("2026-11-26", false);
    assert!(error.unwrap().contains("only 2 days away") && warning.unwrap().contains("Thanksgiving"));

    for bad in ["", "2026-02-30", "12/08/2026", "2026-12-8", "２０２６-12-08", "tomorrow"] {
        assert!(deploy_problems(bad, false).0.is_some(), "{bad:?}");
    }
}

#[test]
fn user_launch_date_edges() {
    use LaunchField::UserLaunchDate;
    assert!(error_of(UserLaunchDate, |f| f.user_launch_date = "2026-12-09".into()).is_none(), "any day after the deploy date");
    let before = error_of(UserLaunchDate, |f| {
        f.user_launch_date = "2026-12-07".into();
        f.announcement_date = "2026-12-01".into();
    })
    .unwrap();
    assert!(before.contains("before the deploy date 2026-12-08"), "{before}");
    // The same day as the deploy: allowed, with a warning about the grace period.
    let same_day = warning_of(UserLaunchDate, |f| f.user_launch_date = "2026-12-08".into()).unwrap();
    assert!(same_day.contains("grace period"), "{same_day}");
    assert!(error_of(UserLaunchDate, |f| f.user_launch_date = String::new()).unwrap().contains("launch date"));
    assert!(error_of(UserLaunchDate, |f| f.user_launch_date = "2026-12-32".into()).unwrap().contains("YYYY-MM-DD"));
    // A launch day need not be a deploy day or a weekday.
    assert!(error_of(UserLaunchDate, |f| f.user_launch_date = "2026-12-19".into()).is_none(), "a Saturday");
}

#[test]
fn next_deploy_dates_skip_weekdays_and_holidays() {
    let iso = |dates: Vec<Date>| dates.into_iter().map(Date::to_iso).collect::<Vec<_>>();
    // Thanksgiving 2026 (Thursday 26 November) is skipped: it would move.
    assert_eq!(iso(next_deploy_dates(d("2026-11-10"), false, 3)), ["2026-11-24", "2026-12-01", "2026-12-03"]);
    // Christmas and New Year's Day 2030 fall on Tuesdays.
    assert_eq!(iso(next_deploy_dates(d("2029-12-11"), false, 3)), ["2029-12-27", "2030-01-03", "2030-01-08"]);
    assert_eq!(iso(next_deploy_dates(today(), false, 2)), ["2026-12-08", "2026-12-10"]);
    assert_eq!(iso(next_deploy_dates(today(), true, 2)), ["2026-12-15", "2026-12-17"]);
    assert!(next_deploy_dates(today(), false, 0).is_empty());
    for push in [false, true] {
        for date in next_deploy_dates(today(), push, 200) {
            let check = check_deploy_date(&date.to_iso(), today(), push);
            assert!(check.error.is_none() && check.warning.is_none(), "{date:?}");
        }
    }
}

/// Issue 25, item 4: push-notification URLs *may* need three weeks, so 14 to 20 days with them
/// is a warning that says why; 21 days is fine, and fewer than 14 is an error with or without them.
#[test]
fn the_push_notification_notice_is_a_warning_between_two_and_three_weeks() {
    let deploy = d("2027-03-09"); // a Tuesday, no holiday
    for (days, error, warning) in [(13, true, false), (14, false, true), (20, false, true), (21, false, false), (35, false, false)] {
        let today = deploy.add_days(-days);
        let check = check_deploy_date(&deploy.to_iso(), today, true);
        assert_eq!(check.error.is_some(), error, "{days} days: {check:?}");
        assert_eq!(check.warning.is_some(), warning, "{days} days: {check:?}");
        if let Some(w) = &check.warning {
            assert!(w.contains("may need three weeks") && w.contains("allow their domain"), "{w}");
            assert!(w.contains(&format!("is {days} days away")), "{w}");
        }
        if let Some(e) = &check.error {
            assert!(e.contains("two weeks"), "{e}");
        }
        // Without push URLs the same dates need only the two weeks.
        let plain = check_deploy_date(&deploy.to_iso(), today, false);
        assert_eq!((plain.error.is_some(), plain.warning), (error, None), "{days} days without push URLs");
    }
    // A holiday and short push notice: both warnings, no error.
    let holiday = d("2027-11-11"); // Veterans Day, a Thursday
    let check = check_deploy_date(&holiday.to_iso(), holiday.add_days(-15), true);
    assert!(check.error.is_none() && check.warning.as_deref().is_some_and(|w| w.contains("three weeks") && w.contains("Veterans Day")), "{check:?}");
}

#[test]
fn the_iaa_number_is_checked_against_the_example_as_a_warning_only() {
    use LaunchField::IaaNumber;
    assert_eq!(warning_of(IaaNumber, |_| {}), None);
    for ok in ["LGABCFY210001-0001-0000", "LGABCDEFFY991234-9999-0001", "LGAFY210001-0001-0000"] {
        assert!(looks_like_iaa_example(ok), "{ok}");
        assert_eq!(warning_of(IaaNumber, |f| f.iaa_number = ok.into()), None, "{ok}");
    }
    // Numbers unlike the one example are sent as typed, with a warning that names the example.
    for unusual in
        ["LGABCFY21001-0001-0000", "LGABCFY210001-0001", "IAA 2027-0042", "lgabcfy210001-0001-0000", "LGABCFY210001–0001–0000", "IGCA-NY-2026-17"]
    {
        let warning = warning_of(IaaNumber, |f| f.iaa_number = unusual.into()).unwrap_or_else(|| panic!("{unusual}: no warning"));
        assert!(warning.contains("LGABCFY210001-0001-0000"), "{unusual}: {warning}");
    }
    // Spaces around it are ignored, and only an empty number is an error.
    assert_eq!(warning_of(IaaNumber, |f| f.iaa_number = " LGABCFY210001-0001-0000 ".into()), None);
    assert!(error_of(IaaNumber, |f| f.iaa_number = "  ".into()).unwrap().contains("agreement number"));
}

#[test]
fn application_url_edges() {
    for ok in [
        "https://benefits.example.gov",
        "https://www.agency.gov/path?x=1#top",
        "HTTPS://Agency.GOV",
        "https://agency.gov:8443/app",
        "https://xn--bcher-kva.example.gov",
    ] {
        assert_eq!(url_problem(ok), None, "{ok}");
    }
    let cases = [
        ("", "Enter the application URL"),
        ("http://agency.gov", "https://"),
        ("agency.gov", "Start the application URL with https://"),
        ("ftp://agency.gov", "Start the application URL with https://"),
        ("https://localhost", "full host name"),
        ("https://", "full host name"),
        ("https://.gov", "full host name"),
        ("https://agency..gov", "full host name"),
        ("https://agency.gov.", "full host name"),
        ("https://agency_x.gov", "full host name"),
        ("https://agency.gov:99999", "port"),
        ("https://agency.gov:", "port"),
        ("https://user:pw@agency.gov", "user name"),
        ("https://agency.gov/some path", "Remove the spaces"),
        (" https://agency.gov", "Remove the spaces"),
        ("https://agency.gov\t", "Remove the spaces"),
        ("javascript:alert(1)", "Start the application URL with https://"),
    ];
    for (bad, needle) in cases {
        let message = url_problem(bad).unwrap_or_else(|| panic!("{bad:?} accepted"));
        assert!(message.contains(needle), "{bad:?}: {message}");
    }
}

#[test]
fn whole_number_parsing() {
    for (text, value) in
        [("0", 0), ("12000", 12_000), ("12,000", 12_000), ("1,234,567", 1_234_567), ("007", 7), (" 42 ", 42), ("500,000,000", 500_000_000)]
    {
        assert_eq!(parse_whole(text), Ok(value), "{text:?}");
    }
    let cases = [
        ("", "Enter a number."),
        ("12.5", "without decimals"),
        ("12.0", "without decimals"),
        ("-5", "not a negative number"),
        ("−5", "not a negative number"),
        ("12,00", "groups of three"),
        ("1,2345", "groups of three"),
        (",123", "groups of three"),
        ("1234,567", "groups of three"),
        ("12 000", "digits only"),
        ("12k", "digits only"),
        ("1e6", "digits only"),
        ("١٢", "digits only"),
        ("-", "digits only"),
        (",", "digits only"),
        ("99999999999999999999999", "too large"),
    ];
    for (text, needle) in cases {
        let message = parse_whole(text).expect_err(text);
        assert!(message.contains(needle), "{text:?}: {message}");
    }
}

#[test]
fn number_fields_state_their_bounds_and_name_themselves() {
    use LaunchField::*;
    assert!(error_of(AnnualRegistrations, |f| f.annual_registrations = "500,000,000".into()).is_none());
    let over = error_of(AnnualRegistrations, |f| f.annual_registrations = "500,000,001".into()).unwrap();
    assert!(over.contains("from 0 to 500,000,000") && over.contains("500,000,001") && over.contains("annual registrations"), "{over}");
    assert!(error_of(AnnualAuthentications, |f| f.annual_authentications = "500000000".into()).is_none());
    assert!(error_of(AnnualAuthentications, |f| f.annual_authentications = "500000001".into()).unwrap().contains("500,000,000"));
    assert!(error_of(MonthlyActiveUsers, |f| f.monthly_active_users = "100,000,000".into()).is_none());
    assert!(error_of(MonthlyActiveUsers, |f| f.monthly_active_users = "100,000,001".into()).unwrap().contains("from 0 to 100,000,000"));
    assert!(error_of(MonthlyActiveUsers, |f| f.monthly_active_users = "0".into()).is_none());
    let decimal = error_of(MonthlyActiveUsers, |f| f.monthly_active_users = "30000.5".into()).unwrap();
    assert!(decimal.contains("without decimals") && decimal.contains("100,000,000") && decimal.contains("monthly active users"), "{decimal}");
    let letters = error_of(MonthlyActiveUsers, |f| f.monthly_active_users = "lots".into()).unwrap();
    assert!(letters.starts_with("Enter the monthly active users in digits only"), "{letters}");
    assert!(error_of(MonthlyActiveUsers, |f| f.monthly_active_users = String::new()).unwrap().starts_with("Enter the monthly active users"));
    assert!(error_of(AnnouncementRecipients, |f| f.announcement_recipients = "100,000,001".into()).unwrap().contains("100,000,000"));
    assert!(error_of(AnnouncementRecipients, |f| f.announcement_recipients = "100,000,000".into()).is_none());
}

#[test]
fn ramp_weeks_only_matter_for_a_phased_rollout() {
    use LaunchField::*;
    let phased = |weeks: &str| {
        let weeks = weeks.to_string();
        error_of(RampWeeks, move |f| {
            f.ramp = "phased".into();
            f.ramp_weeks = weeks;
        })
    };
    assert!(phased("1").is_none());
    assert!(phased("52").is_none());
    assert!(phased("0").unwrap().contains("from 1 to 52"));
    assert!(phased("53").unwrap().contains("from 1 to 52"));
    assert!(phased("").unwrap().contains("weeks"));
    assert!(phased("2.5").unwrap().contains("without decimals"));
    assert!(error_of(RampWeeks, |f| f.ramp_weeks = "junk".into()).is_none(), "ignored when all at once");
    assert!(error_of(Ramp, |f| f.ramp = String::new()).unwrap().contains("rollout"));
    assert!(error_of(Ramp, |f| f.ramp = "gradual".into()).is_some());
}

#[test]
fn percent_parsing_and_language_shares() {
    use LaunchField::*;
    for (text, value) in [("0", 0.0), ("12.5", 12.5), ("100", 100.0), ("100.0", 100.0), (" 7 ", 7.0), ("0.1", 0.1), ("0050", 50.0), ("00", 0.0)] {
        assert_eq!(parse_percent(text), Ok(value), "{text:?}");
    }
    for (text, needle) in [
        ("12.55", "one decimal"),
        ("100.1", "no larger than 100"),
        ("101", "no larger than 100"),
        ("99999", "no larger than 100"),
        ("-1", "negative"),
        ("50%", "% sign"),
        (".5", "such as 25"),
        ("5.", "such as 25"),
        ("1e2", "such as 25"),
        ("12,5", "such as 25"),
        ("", "from 0 to 100"),
    ] {
        let message = parse_percent(text).expect_err(text);
        assert!(message.contains(needle), "{text:?}: {message}");
    }

    let shares = |en: &str, es: &str, fr: &str, zh: &str| {
        let (en, es, fr, zh) = (en.to_string(), es.to_string(), fr.to_string(), zh.to_string());
        problems_for(move |f| {
            f.share_en = en;
            f.share_es = es;
            f.share_fr = fr;
            f.share_zh = zh;
        })
    };
    assert!(shares("100", "0", "0", "0").is_empty());
    assert!(shares("33.4", "33.3", "33.3", "0").is_empty());
    assert_eq!(
        shares("60", "30", "5", "4.9").error(ShareEn),
        Some("The four language shares add up to 99.9%; they must add up to exactly 100%. Change them so they do.")
    );
    assert!(shares("33.3", "33.3", "33.3", "0").error(ShareEn).unwrap().contains("99.9%"));
    assert!(shares("100", "10", "0", "0").error(ShareEn).unwrap().contains("110%"));
    // A bad share is reported on its own field, without a misleading total.
    let bad = shares("100", "x", "0", "0");
    assert!(bad.error(ShareEs).is_some() && bad.error(ShareEn).is_none(), "{bad:?}");
    assert!(shares("100", "", "0", "0").error(ShareEs).unwrap().contains("Spanish"));
    assert!(error_of(NewUserShare, |f| f.new_user_share = "100.5".into()).is_some());
    assert!(error_of(NewUserShare, |f| f.new_user_share = String::new()).unwrap().contains("Login.gov account"));
}

#[test]
fn verification_shares_are_required_when_the_level_verifies_identity() {
    use LaunchField::*;
    let mut form = valid_form();
    form.idv_share = String::new();
    form.in_person_share = String::new();
    for level in [Level::Ial2Aal2, Level::BasicIdv] {
        let problems = validate(&form, today(), Some(level));
        assert!(problems.error(IdvShare).unwrap().contains("verifies identity"), "{level:?}");
        assert!(problems.error(InPersonShare).is_some(), "{level:?}");
    }
    assert!(validate(&form, today(), Some(Level::Ial1Aal2)).is_empty());
    assert!(validate(&form, today(), None).is_empty());
    // Given anyway, they must still be percents.
    form.idv_share = "150".into();
    assert!(validate(&form, today(), Some(Level::Ial1Aal2)).error(IdvShare).is_some());
    // In-person is a share of the verifying users: 100 is allowed whatever idv_share is.
    assert!(problems_for(|f| {
        f.idv_share = "5".into();
        f.in_person_share = "100".into();
    })
    .is_empty());
}

#[test]
fn contacts_are_people_with_names_titles_emails_and_phones() {
    use LaunchField::*;
    // The Partner Portal asks for names, titles, emails and phone numbers: one person per line.
    let jane = "Jane Doe, Program Manager, jane@agency.gov, 202-555-0100";
    assert_eq!(error_of(ProgramContacts, |f| f.program_contacts = jane.into()), None);
    assert_eq!(split_contacts(jane), [jane]);
    assert_eq!(
        split_contacts("A, Lead, a@x.gov\nB, Deputy, b@x.gov; C, Analyst, c@x.gov\r\n\n"),
        ["A, Lead, a@x.gov", "B, Deputy, b@x.gov", "C, Analyst, c@x.gov"]
    );
    // Angle brackets and parentheses around an address are fine in a person's line.
    assert_eq!(error_of(BillingContacts, |f| f.billing_contacts = "Jane Doe <jane@agency.gov> (202) 555-0100".into()), None);
    // A person without an email address is a warning, not an error.
    let no_email = warning_of(TechnicalContacts, |f| f.technical_contacts = "Dev Lead, 202-555-0199".into()).unwrap();
    assert!(no_email.contains("no email address") && no_email.contains("Dev Lead"), "{no_email}");
    // A broken address, an empty list, too many people, or the Contact Center number are errors.
    for (text, needle) in [
        ("Jane Doe, jane@agency", "full domain"),
        ("Jane, @agency.gov", "name before the @"),
        ("Jane, a@@agency.gov", "more than one @"),
        ("", "at least one person"),
        (" ; \n", "at least one person"),
    ] {
        let message = error_of(BillingContacts, |f| f.billing_contacts = text.into()).unwrap_or_else(|| panic!("{text:?} accepted"));
        assert!(message.contains(needle) && message.contains("billing contacts"), "{text:?}: {message}");
    }
    let eleven = (0..11).map(|i| format!("Person {i}, p{i}@agency.gov")).collect::<Vec<_>>().join("\n");
    assert!(error_of(ProgramContacts, |f| f.program_contacts = eleven).unwrap().contains("at most 10"));
    let cc = ["Help line, ", "844", "-875-", "6446"].concat();
    assert!(error_of(TechnicalContacts, |f| f.technical_contacts = cc).unwrap().contains("Contact Center"));
    // A long bad entry is shortened in the message.
    let long = format!("{}@x", "é".repeat(500));
    assert!(email_problem(&long).unwrap().chars().count() < 150);
}

#[test]
fn the_help_desk_gives_a_phone_or_an_email_and_never_the_contact_center_number() {
    use LaunchField::*;
    assert!(error_of(HelpDeskPhone, |f| f.help_desk_email = String::new()).is_none(), "a phone alone is enough");
    assert!(error_of(HelpDeskPhone, |f| f.help_desk_phone = String::new()).is_none(), "an email alone is enough");
    let neither = error_of(HelpDeskPhone, |f| {
        f.help_desk_phone = String::new();
        f.help_desk_email = " ".into();
    })
    .unwrap();
    assert!(neither.contains("phone number or email address"), "{neither}");
    for ok in ["202-555-0100", "(202) 555-0100", "+1 202 555 0100", "202.555.0100 x12", "+1 (202) 555-0100 ext. 12"] {
        assert!(help_desk_phone_problem(ok).is_none(), "{ok}");
    }
    assert!(error_of(HelpDeskPhone, |f| f.help_desk_phone = "555-0100".into()).unwrap().contains("area code"));
    // The Login.gov Contact Center number is refused, in any layout, with the reason.
    let national = ["844", "875", "6446"];
    for layout in
        [national.join("-"), format!("({}) {}-{}", national[0], national[1], national[2]), format!("1 {}", national.join(".")), national.concat()]
    {
        let message = error_of(HelpDeskPhone, |f| f.help_desk_phone = layout.clone()).unwrap_or_else(|| panic!("{layout} accepted"));
        assert!(message.contains("Login.gov Contact Center") && message.contains("your own help desk"), "{layout}: {message}");
        assert!(error_of(HelpDeskOther, |f| f.help_desk_other = format!("Or call {layout}")).is_some(), "{layout} in the other information");
    }
    assert!(error_of(HelpDeskEmail, |f| f.help_desk_email = "help desk@agency.gov".into()).unwrap().contains("help desk's email"));
    assert!(error_of(HelpDeskOther, |f| f.help_desk_other = String::new()).is_none(), "optional");
}

#[test]
fn choices_and_optional_fields() {
    use LaunchField::*;
    assert!(error_of(Seasonality, |f| f.seasonality = String::new()).is_none());
    assert_eq!(error_of(Audience, |f| f.audience = String::new()).as_deref(), Some("Choose the audience."));
    assert!(error_of(Audience, |f| f.audience = "martians".into()).unwrap().contains("audience"));
    for (id, _) in AUDIENCES {
        assert!(error_of(Audience, |f| f.audience = id.into()).is_none(), "{id}");
    }
    assert!(error_of(PhonePublished, |f| f.phone_published = String::new()).is_some());
    assert!(error_of(PhonePublished, |f| f.phone_published = "yes".into()).is_none());
    assert!(error_of(PhonePublished, |f| f.phone_published = "maybe".into()).is_some());
    assert!(error_of(PushNotifications, |f| f.push_notifications = String::new()).unwrap().contains("push-notification"));
}

#[test]
fn announcement_date_rules() {
    use LaunchField::*;
    assert!(error_of(AnnouncementDate, |f| f.announcement_date = "2026-12-15".into()).is_none(), "on launch day");
    let after = error_of(AnnouncementDate, |f| f.announcement_date = "2026-12-16".into()).unwrap();
    assert!(after.contains("after the launch date (2026-12-15)"), "{after}");
    // Without a user launch date, the deploy date is the day users arrive.
    let problems = problems_for(|f| {
        f.user_launch_date = String::new();
        f.announcement_date = "2026-12-09".into();
    });
    assert!(problems.error(AnnouncementDate).unwrap().contains("(2026-12-08)"));
    assert!(error_of(AnnouncementDate, |f| f.announcement_date = "2026-13-01".into()).unwrap().contains("YYYY-MM-DD"));
    assert!(problems_for(|f| {
        f.announcement_date = String::new();
        f.announcement_recipients = String::new();
    })
    .is_empty());
    assert!(problems_for(|f| {
        f.announcement_date = String::new();
        f.announcement_recipients = "0".into();
    })
    .is_empty());
    let no_date = error_of(AnnouncementDate, |f| f.announcement_date = String::new()).unwrap();
    assert!(no_date.contains("10,000 people"), "{no_date}");
    assert!(error_of(AnnouncementRecipients, |f| f.announcement_recipients = String::new()).is_some());
}

#[test]
fn input_is_never_changed_and_never_panics() {
    let form = LaunchForm { iaa_number: " LGABCFY210001-0001-0000 ".into(), monthly_active_users: " 12,000 ".into(), ..valid_form() };
    let before = form.clone();
    let _ = validate(&form, today(), Some(Level::Ial2Aal2));
    let _ = forecast_input(&form, 42);
    assert_eq!(form, before);

    // Deterministic pseudo-random text from a hostile alphabet, in every field.
    let alphabet: Vec<char> = "0123456789,.;-–@ \n\r\t%éß中文🙂\u{0}\u{202e}LGFYABChttps:/\\\"'=+<>".chars().collect();
    let mut state: u64 = 7;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let record = fixture_record();
    for round in 0..400 {
        let mut form = LaunchForm::default();
        for &field in LaunchField::ALL {
            let len = (next() % if round % 50 == 0 { 20_000 } else { 40 }) as usize;
            form.set(field, (0..len).map(|_| alphabet[(next() % alphabet.len() as u64) as usize]).collect());
        }
        if round % 3 == 0 {
            form.deploy_date = "2026-12-08".into();
        }
        for level in [Some(Level::Ial2Aal2), Some(Level::BasicIdv), None] {
            let problems = validate(&form, today(), level);
            for (_, message) in problems.errors_in_form_order().into_iter().chain(problems.warnings_in_form_order()) {
                assert!(!message.is_empty());
            }
        }
        let forecast = forecast(&forecast_input(&form, 42), &Assumptions::default());
        let payload = payload(&form, &record, &Assumptions::default(), &forecast, "k");
        assert!(serde_json::to_string(&payload).is_ok());
        let _ = submission_csv(&form, &record, &Assumptions::default(), &forecast, "k");
        let _ = launch_request_text(&form, &record);
        let _ = ics(&form, &record, "20261124T150000Z", "u", 0);
    }
    // Extreme years and very long input.
    let huge = "9".repeat(100_000);
    let form = LaunchForm { monthly_active_users: huge.clone(), deploy_date: "9999-12-31".into(), ..valid_form() };
    let problems = validate(&form, today(), None);
    assert!(problems.error(LaunchField::MonthlyActiveUsers).unwrap().contains("longer than 10,000 characters"));
    assert!(validate(&form, d("9999-12-20"), None).error(LaunchField::DeployDate).is_some());
    let _ = next_deploy_dates(d("9999-12-01"), true, 5);
}

// ---------------------------------------------------------------------------------------------
// Erlang C and staffing
// ---------------------------------------------------------------------------------------------

fn close(actual: f64, expected: f64, tolerance: f64) -> bool {
    (actual - expected).abs() <= tolerance
}

#[test]
fn erlang_c_reproduces_the_test_vector() {
    // 100 calls in 30 minutes, 180 s handle time: A = 10 Erlangs.
    let load = offered_load(100.0, 180.0, 1800.0);
    assert!(close(load, 10.0, 1e-12));
    let p_wait = erlang_c(14, load);
    let sl = service_level(14, load, 180.0, 20.0);
    let asa = average_speed_of_answer(14, load, 180.0);
    assert!(close(p_wait, 0.17413, 0.00005), "P(wait) {p_wait}");
    assert!(close(sl, 0.88835, 0.00005), "service level {sl}");
    assert!(close(asa, 7.836, 0.0005), "ASA {asa}");
    assert_eq!(format!("{p_wait:.4}"), "0.1741");
    assert_eq!(format!("{sl:.4}"), "0.8884");
    // 13 agents answer 79.6% within 20 s, so 14 is the smallest N that meets 80%.
    assert!(service_level(13, load, 180.0, 20.0) < 0.8);
    assert_eq!(agents_needed(100.0, 180.0, 1800.0, 0.8, 20.0, 0.85), 14);
    // A tight occupancy cap adds agents: 10 / 0.5 = 20.
    assert_eq!(agents_needed(100.0, 180.0, 1800.0, 0.8, 20.0, 0.5), 20);
}

#[test]
fn erlang_edge_cases_stay_finite() {
    assert_eq!(erlang_b(0, 5.0), 1.0);
    assert_eq!(erlang_b(5, 0.0), 0.0);
    assert_eq!(erlang_c(10, 10.0), 1.0, "agents ≤ load");
    assert_eq!(erlang_c(3, 10.0), 1.0);
    assert_eq!(erlang_c(3, 0.0), 0.0);
    assert_eq!(service_level(10, 10.0, 180.0, 20.0), 0.0);
    assert_eq!(average_speed_of_answer(10, 10.0, 180.0), f64::INFINITY);
    assert_eq!(agents_needed(0.0, 180.0, 1800.0, 0.8, 20.0, 0.85), 0);
    assert_eq!(agents_needed(f64::NAN, 180.0, 1800.0, 0.8, 20.0, 0.85), 0);
    assert_eq!(agents_needed(10.0, 180.0, 0.0, 0.8, 20.0, 0.85), 0);
    assert_eq!(agents_needed(0.01, 180.0, 1800.0, 0.8, 20.0, 0.85), 1);
    assert!(agents_needed(100.0, 180.0, 1800.0, 1.0, 0.0, 1.0) > 10, "a 100% target ends");
    assert!(agents_needed(1e30, 180.0, 1800.0, 0.8, 20.0, 0.85) > 0, "an absurd load saturates instead of overflowing");
    for n in [1u32, 10, 100, 1000, 5000] {
        for load in [0.5, 5.0, 50.0, 500.0, 4900.0] {
            for value in [erlang_b(n, load), erlang_c(n, load), service_level(n, load, 180.0, 20.0)] {
                assert!(value.is_finite() && (0.0..=1.0).contains(&value), "{n} {load} {value}");
            }
        }
    }
}

#[test]
fn five_thousand_agents_are_fast_and_sensible() {
    // 4,900 Erlangs: 49,000 calls of 180 s in 30 minutes. Carrying Erlang B forward one agent at a
    // time costs about as much as 6,000 of its steps; anything recomputed per agent would cost
    // thousands of times more. Timed against those steps, so the machine's speed cancels out.
    let n = agents_needed(49_000.0, 180.0, 1800.0, 0.8, 20.0, 0.85);
    let ratio = common::cost_ratio(9, || agents_needed(49_000.0, 180.0, 1800.0, 0.8, 20.0, 0.85), || erlang_b(6_000, 6_000.0));
    eprintln!("4,900 Erlangs cost {ratio:.1} times 6,000 Erlang B steps");
    assert!(ratio < 10.0, "costs {ratio:.1} times 6,000 Erlang B steps");
    assert_eq!(n, (4900.0f64 / 0.85).ceil() as u32, "the occupancy cap binds at this size");
    let uncapped = agents_needed(49_000.0, 180.0, 1800.0, 0.8, 20.0, 1.0);
    assert!(uncapped > 4900 && uncapped < 5000, "{uncapped}");
    let sl = service_level(uncapped, 4900.0, 180.0, 20.0);
    assert!(sl >= 0.8 && sl.is_finite());
    assert!(service_level(uncapped - 1, 4900.0, 180.0, 20.0) < 0.8);
    let c = erlang_c(5000, 4900.0);
    assert!(c.is_finite() && c > 0.0 && c < 1.0, "{c}");
    assert!(average_speed_of_answer(5000, 4900.0, 180.0).is_finite());
}

#[test]
fn a_one_percent_occupancy_cap_on_a_huge_load_is_fast() {
    // 1.9 million Erlangs at a 1% cap: 190 million agents, where nobody waits. Counting Erlang B
    // up to that took seconds in the browser for every keystroke in an assumption; stopping once
    // it underflows costs a few million steps. Timed against 10 million steps (190 million would
    // be 19 times that), so the machine's speed cancels out.
    let n = agents_needed(190_000.0, 3600.0, 360.0, 0.999, 0.0, 0.01);
    assert_eq!(n, 190_000_000);
    assert_eq!(service_level(n, 1_900_000.0, 3600.0, 0.0), 1.0);
    assert_eq!(average_speed_of_answer(n, 1_900_000.0, 3600.0), 0.0);
    assert_eq!(erlang_b(n, 1_900_000.0), 0.0);
    let ratio = common::cost_ratio(5, || agents_needed(190_000.0, 3600.0, 360.0, 0.999, 0.0, 0.01), || erlang_b(10_000_000, 10_000_000.0));
    eprintln!("1.9 million Erlangs at a 1% cap cost {ratio:.1} times 10 million Erlang B steps");
    assert!(ratio < 6.0, "costs {ratio:.1} times 10 million Erlang B steps");
}

#[test]
fn staffing_is_monotonic() {
    let mut previous = 0;
    for calls in (0..2000).step_by(7) {
        let n = agents_needed(calls as f64, 180.0, 1800.0, 0.8, 20.0, 0.85);
        assert!(n >= previous, "{calls} calls: {n} < {previous}");
        previous = n;
    }
    let mut previous = 0;
    for target in [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99] {
        let n = agents_needed(300.0, 180.0, 1800.0, target, 20.0, 1.0);
        assert!(n >= previous, "{target}");
        previous = n;
    }
    let mut previous = u32::MAX;
    for answer_within in [0.0, 10.0, 20.0, 60.0, 300.0] {
        let n = agents_needed(300.0, 180.0, 1800.0, 0.8, answer_within, 1.0);
        assert!(n <= previous, "{answer_within}");
        previous = n;
    }
}

#[test]
fn assumption_defaults_match_the_cited_content() {
    let defaults = Assumptions::default();
    let cited = &content().launch.staffing_defaults;
    let mut checked = 0;
    for spec in ASSUMPTIONS {
        if let Some(id) = spec.default_id {
            let entry = cited.iter().find(|c| c.id == id).unwrap_or_else(|| panic!("{id} missing from launch.json"));
            assert_eq!(defaults.get(spec.key), Some(entry.value), "{id}");
            checked += 1;
        }
        let value = defaults.get(spec.key).unwrap();
        assert!(value >= spec.min && value <= spec.max, "{} default within its range", spec.key);
    }
    assert_eq!(checked, 9);
    let form_share = cited.iter().find(|c| c.id == "sd-form-share").unwrap().value;
    assert_eq!(100.0 - defaults.phone_share_pct, form_share);
    // Every sd-* id in the content is used: by an assumption, as the form share's complement, or
    // by the staffing planner's Spanish flag (planner::spanish_agent_share_pct, tested there).
    for entry in cited.iter() {
        assert!(
            ["sd-form-share", "sd-spanish-agents"].contains(&entry.id) || ASSUMPTIONS.iter().any(|s| s.default_id == Some(entry.id)),
            "{}",
            entry.id
        );
    }
    assert!(validate_assumptions(&defaults).is_empty());
    let json = serde_json::to_string(&defaults).unwrap();
    assert_eq!(serde_json::from_str::<Assumptions>(&json).unwrap(), defaults);
    assert_eq!(serde_json::from_str::<Assumptions>("{}").unwrap(), defaults, "missing fields take defaults");
}

#[test]
fn assumption_validation() {
    let check = |key: &str, value: f64| {
        let mut a = Assumptions::default();
        assert!(a.set(key, value));
        validate_assumptions(&a)
    };
    assert!(check("handle_time_s", 0.0).contains_key("handle_time_s"));
    assert!(check("handle_time_s", 3600.0).is_empty());
    assert!(check("handle_time_s", 3601.0).get("handle_time_s").unwrap().contains("from 1 to 3600"));
    assert!(check("interval_min", 4.0).contains_key("interval_min"));
    assert!(check("interval_min", 120.0).is_empty());
    assert!(check("contact_rate_pct", -0.1).contains_key("contact_rate_pct"));
    assert!(check("contact_rate_pct", 100.1).contains_key("contact_rate_pct"));
    assert!(check("shrinkage_pct", 100.0).contains_key("shrinkage_pct"));
    assert!(check("occupancy_cap_pct", 0.0).contains_key("occupancy_cap_pct"));
    assert!(check("service_level_target_pct", 100.0).contains_key("service_level_target_pct"));
    assert!(check("surge_days", 2.5).get("surge_days").unwrap().contains("whole number"));
    assert!(check("phone_share_pct", f64::NAN).get("phone_share_pct").unwrap().contains("enter a number"));
    assert!(check("answer_within_s", f64::INFINITY).contains_key("answer_within_s"));
    // The busiest half hour cannot hold less than an even share of the day (1/48 ≈ 2.1%).
    assert!(check("peak_interval_share_pct", 2.0).get("peak_interval_share_pct").unwrap().contains("2.1%"));
    assert!(check("peak_interval_share_pct", 2.1).is_empty());
    assert!(!Assumptions::default().set("no_such_key", 1.0));
}

fn input(mau: u64) -> ForecastInput {
    ForecastInput { monthly_active_users: mau, language_shares: [100.0, 0.0, 0.0, 0.0], days: 42, ..ForecastInput::default() }
}

#[test]
fn forecast_hand_computed_steady_state() {
    // 3,000 MAU × 1% / 30 days = 1 contact a day: 0.55 by phone, 0.45 by the form.
    let f = forecast(&input(3000), &Assumptions::default());
    assert_eq!(f.daily.len(), 42);
    assert_eq!(f.daily.first().unwrap().day, 0);
    assert_eq!(f.daily.last().unwrap().day, 41);
    for day in &f.daily {
        assert!(close(day.contacts, 1.0, 1e-12), "{day:?}");
        assert!(close(day.phone, 0.55, 1e-12));
        assert!(close(day.form, 0.45, 1e-12));
        assert!(close(day.phone_if_published, 1.0, 1e-12));
        assert_eq!(day.form_if_published, 0.0);
        assert!(close(day.by_language[0], 1.0, 1e-12));
    }
    assert!(close(f.total_contacts, 42.0, 1e-9));
    assert!(close(f.steady_contacts_per_day, 1.0, 1e-12));
    assert_eq!(f.peak_day, 0, "the earliest day wins a tie");
    assert!(close(f.peak_interval_calls, 0.055, 1e-12));
    assert_eq!((f.phone_agents, f.scheduled_agents), (1, 2), "1 / 0.7 → 2 scheduled");
    assert!(close(f.form_cases_total, 18.9, 1e-9));
    assert!(f.summary.contains("about 42 contacts"), "{}", f.summary);
}

#[test]
fn forecast_surge_ramp_and_announcement() {
    let a = Assumptions::default();
    // 50% new users: 3,000 × 50% × 1% = 15 extra contacts over the first 14 days, ∝ 0.8^day.
    let all_at_once = forecast(&ForecastInput { new_user_share_pct: 50.0, ..input(3000) }, &a);
    assert!(close(all_at_once.surge_contacts, 15.0, 1e-12));
    assert!(close(all_at_once.total_contacts, 42.0 + 15.0, 1e-9));
    let norm: f64 = (0..14).map(|d| 0.8f64.powi(d)).sum();
    assert!(close(all_at_once.daily[0].contacts, 1.0 + 15.0 / norm, 1e-12));
    assert!(close(all_at_once.daily[5].contacts, 1.0 + 15.0 * 0.8f64.powi(5) / norm, 1e-12));
    assert!(close(all_at_once.daily[14].contacts, 1.0, 1e-12), "the surge is over after 14 days");
    assert_eq!(all_at_once.peak_day, 0);

    // Phased over 2 weeks: steady contacts rise linearly over 14 days (Σ (d+1)/14 = 7.5, then
    // 28 full days), and the whole surge still arrives: 7.5 + 28 + 15 = 50.5.
    let phased = forecast(&ForecastInput { new_user_share_pct: 50.0, ramp_weeks: 2, ..input(3000) }, &a);
    assert!(close(phased.total_contacts, 50.5, 1e-9), "{}", phased.total_contacts);
    assert!(close(phased.daily[0].contacts, 1.0 / 14.0 + 15.0 / 14.0 / norm, 1e-12));
    // The last cohort (day 13) ends its 14 surge days on day 26.
    assert!(close(phased.daily[26].contacts, 1.0 + 15.0 / 14.0 * 0.8f64.powi(13) / norm, 1e-12));
    assert!(close(phased.daily[27].contacts, 1.0, 1e-12));
    assert!(phased.peak_contacts < all_at_once.peak_contacts);

    // Announcement 3 days before launch to 10,000 people: 100 contacts, spread from that day
    // over the surge's 14 days with its weights (∝ 0.8^k), not all on one day.
    let announced = forecast(&ForecastInput { announcement_day_offset: Some(-3), announcement_recipients: 10_000, ..input(3000) }, &a);
    assert_eq!(announced.daily.len(), 45);
    assert_eq!(announced.daily[0].day, -3);
    let w0 = 1.0 / (0..14).map(|k| 0.8f64.powi(k)).sum::<f64>();
    assert!(close(announced.daily[0].contacts, 100.0 * w0, 1e-9));
    assert!(close(announced.daily[1].contacts, 100.0 * w0 * 0.8, 1e-9), "no users before launch: only the email's contacts");
    assert!(close(announced.daily[3].contacts, 1.0 + 100.0 * w0 * 0.8f64.powi(3), 1e-9), "launch day: users and the email");
    assert!(close(announced.daily[17].contacts, 1.0, 1e-9), "the email's contacts end after 14 days");
    assert!(announced.daily.iter().all(|d| d.contacts < 30.0), "no day holds the whole spike");
    assert_eq!((announced.peak_day, announced.announcement_contacts), (-3, 100.0));
    assert!(close(announced.total_contacts, 142.0, 1e-9));
    let doubled = forecast(
        &ForecastInput { announcement_day_offset: Some(0), announcement_recipients: 10_000, ..input(3000) },
        &Assumptions { announcement_spike_multiplier: 2.0, ..a.clone() },
    );
    assert!(close(doubled.daily[0].contacts, 1.0 + 200.0 * w0, 1e-9));
    // The deploy date starts the series when it comes first, with no contacts before the email.
    let deployed = forecast(
        &ForecastInput { deploy_day_offset: Some(-7), announcement_day_offset: Some(-3), announcement_recipients: 10_000, ..input(3000) },
        &a,
    );
    assert_eq!(deployed.daily[0].day, -7);
    assert_eq!(deployed.daily[..4].iter().map(|d| d.contacts).sum::<f64>(), 0.0);
    assert!(close(deployed.total_contacts, announced.total_contacts, 1e-9));
    // An announcement long before launch is counted but not drawn.
    let early = forecast(&ForecastInput { announcement_day_offset: Some(-400), announcement_recipients: 10_000, ..input(3000) }, &a);
    assert_eq!(early.daily[0].day, -MAX_DAYS_BEFORE_LAUNCH);
    assert_eq!(early.announcement_contacts, 100.0);
}

#[test]
fn forecast_parts_add_up() {
    let a = Assumptions::default();
    let f = forecast(
        &ForecastInput {
            monthly_active_users: 2_345_678,
            new_user_share_pct: 37.5,
            ramp_weeks: 3,
            announcement_day_offset: Some(-2),
            announcement_recipients: 400_000,
            language_shares: [61.5, 30.0, 5.0, 3.5],
            phone_published: false,
            days: 42,
            deploy_day_offset: Some(-7),
        },
        &a,
    );
    let sum = |get: fn(&DayForecast) -> f64| f.daily.iter().map(get).sum::<f64>();
    assert!(close(sum(|d| d.contacts), f.total_contacts, 1e-6));
    assert!(close(sum(|d| d.phone), f.total_phone, 1e-6));
    assert!(close(sum(|d| d.form), f.form_cases_total, 1e-6));
    assert!(close(f.total_phone + f.form_cases_total, f.total_contacts, 1e-6));
    for day in &f.daily {
        assert!(close(day.phone + day.form, day.contacts, 1e-9));
        assert!(close(day.phone_if_published + day.form_if_published, day.contacts, 1e-9));
        assert!(close(day.by_language.iter().sum::<f64>(), day.contacts, 1e-9), "{day:?}");
        assert!(close(day.by_language[1], day.contacts * 0.30, 1e-9));
        assert!(day.contacts.is_finite() && day.contacts >= 0.0);
    }
    // All components are inside the window: steady rises over 21 days, surge lasts 21 + 13.
    let expected = f.steady_contacts_per_day * ((1..=21).sum::<i64>() as f64 / 21.0 + 21.0) + f.surge_contacts + f.announcement_contacts;
    assert!(close(f.total_contacts, expected, 1e-6), "{} vs {expected}", f.total_contacts);
    assert!(f.phone_agents > 0 && f.scheduled_agents >= f.phone_agents);
    assert!(f.phone_agents_if_published >= f.phone_agents);
    assert!(f.achieved_service_level >= 0.8 && f.average_speed_of_answer_s.is_finite());
    assert!(f.form_backlog_per_day > 0.0);
    let sentences = f.summary.matches(". ").count() + 1;
    assert!((2..=4).contains(&sentences), "{}", f.summary);
}

#[test]
fn publishing_the_number_never_needs_fewer_agents() {
    let a = Assumptions::default();
    for mau in [0u64, 1, 500, 3000, 50_000, 1_000_000, 30_000_000] {
        for published in [false, true] {
            let f = forecast(&ForecastInput { phone_published: published, new_user_share_pct: 40.0, ..input(mau) }, &a);
            assert!(f.phone_agents_if_published >= f.phone_agents, "{mau}");
            assert!(f.scheduled_agents_if_published >= f.scheduled_agents, "{mau}");
            if published {
                assert_eq!(f.phone_agents, f.phone_agents_if_published);
                assert_eq!(f.form_cases_total, 0.0);
                assert!(f.daily.iter().all(|d| d.phone == d.contacts));
            }
        }
    }
    let unpublished = forecast(&input(1_000_000), &a);
    let published = forecast(&ForecastInput { phone_published: true, ..input(1_000_000) }, &a);
    assert!(published.phone_agents > unpublished.phone_agents);
    // Issue 13, item 16: the "linking to login.gov/contact" figures are the linking ones
    // whatever the partner does now, so publishing the number changes only the other column.
    assert_eq!(published.linking, unpublished.linking);
    assert_eq!(unpublished.linking.phone_agents, unpublished.phone_agents);
    assert_eq!(unpublished.linking.scheduled_agents, unpublished.scheduled_agents);
    assert!(close(unpublished.linking.form_backlog_per_day, unpublished.form_backlog_per_day, 1e-9));
    assert!(published.linking.phone_agents < published.phone_agents_if_published);
    assert!(unpublished.summary.contains("If any page published the Contact Center number"), "{}", unpublished.summary);
    assert!(published.summary.contains("take the number down"), "{}", published.summary);
}

#[test]
fn zero_inputs_give_zeros() {
    let a = Assumptions::default();
    let f = forecast(&ForecastInput { days: 42, ..ForecastInput::default() }, &a);
    assert_eq!(f.daily.len(), 42);
    assert!(f.daily.iter().all(|d| d.contacts == 0.0 && d.phone == 0.0 && d.by_language == [0.0; 4]));
    assert_eq!((f.phone_agents, f.scheduled_agents, f.phone_agents_if_published, f.scheduled_agents_if_published), (0, 0, 0, 0));
    assert_eq!((f.total_contacts, f.form_cases_total, f.form_backlog_per_day, f.peak_day), (0.0, 0.0, 0.0, 0));
    assert!(!f.summary.is_empty());
    let none = forecast(&ForecastInput::default(), &a);
    assert!(none.daily.is_empty() && none.phone_agents == 0);
    // Shares that add up to 0 count everything as English.
    let f = forecast(&ForecastInput { language_shares: [0.0; 4], ..input(3000) }, &a);
    assert!(close(f.daily[0].by_language[0], 1.0, 1e-12));
    // Broken assumptions never give NaN.
    let broken =
        Assumptions { contact_rate_pct: f64::NAN, handle_time_s: 0.0, interval_min: -1.0, shrinkage_pct: 100.0, surge_days: f64::INFINITY, ..a };
    let f = forecast(&ForecastInput { new_user_share_pct: f64::NAN, ..input(3000) }, &broken);
    let json = serde_json::to_string(&f).unwrap();
    assert!(!json.contains("NaN") && !json.contains("null"), "{json}");
}

#[test]
fn contact_form_backlog_against_the_response_target() {
    // 100 cases at once, 2 business days (2.8 calendar days) to answer them: the team must
    // clear them in 3.8 days of arrivals plus wait, 100 / 3.8 a calendar day = 36.84 a business day.
    let capacity = form_capacity_per_business_day(&[100.0, 0.0, 0.0, 0.0, 0.0], 2.0);
    assert!(close(capacity, 100.0 / 3.8 * 1.4, 1e-6), "{capacity}");
    assert!(close(form_capacity_per_business_day(&[100.0], 0.0), 140.0, 1e-6), "same-day answers");
    assert_eq!(form_capacity_per_business_day(&[], 2.0), 0.0);
    assert_eq!(form_capacity_per_business_day(&[0.0, f64::NAN], 2.0), 0.0);
    // A longer target never needs more capacity.
    let arrivals: Vec<f64> = (0..42).map(|d| 50.0 + 400.0 * 0.8f64.powi(d)).collect();
    let mut previous = f64::INFINITY;
    for days in [0.0, 1.0, 2.0, 5.0, 10.0] {
        let c = form_capacity_per_business_day(&arrivals, days);
        assert!(c <= previous + 1e-9 && c >= 50.0 * 1.4 * 0.5, "{days}: {c}");
        previous = c;
    }
}

// ---------------------------------------------------------------------------------------------
// Forecast input, payload and downloads
// ---------------------------------------------------------------------------------------------

fn fixture_record() -> ReadinessRecord {
    let mut record = ReadinessRecord {
        profile: Profile {
            agency: "Department of Examples, \"Office\" of Tests".into(),
            application: "=Benefits; Portal, Beta — ünïcode".into(),
            protocol: Some(Protocol::Oidc),
            audience: Some(Audience::Public),
            partner_type: Some(PartnerType::Federal),
            ..Profile::default()
        },
        ..ReadinessRecord::default()
    };
    record.service_level.chosen = Some(Level::Ial2Aal2);
    record.support.help_desk = "help@example.gov".into();
    record
}

fn fixture_form() -> LaunchForm {
    LaunchForm {
        application_url: "https://benefits.example.gov/start?lang=en&x=1".into(),
        billing_contacts: "Budget Office, billing@example.gov;\n  Finance Desk, finance@example.gov, 202-555-0103".into(),
        seasonality: "=HYPERLINK(\"x\")\nBusy in January, quiet in July; tax season peaks".into(),
        help_desk_other: "@helpdesk, weekdays".into(),
        announcement_date: "2026-12-13".into(),
        announcement_recipients: "2,000".into(),
        ..valid_form()
    }
}

fn fixture_forecast(form: &LaunchForm) -> Forecast {
    forecast(&forecast_input(form, 7), &Assumptions::default())
}

#[test]
fn prefill_takes_what_the_record_knows() {
    let form = prefill(&fixture_record());
    assert_eq!(form.audience, "general-public");
    assert_eq!(form.help_desk_other, "help@example.gov");
    assert_eq!((form.ramp.as_str(), form.share_en.as_str(), form.share_es.as_str()), ("all-at-once", "100", "0"));
    assert!(form.deploy_date.is_empty() && form.user_launch_date.is_empty() && form.iaa_number.is_empty());
    let workforce = ReadinessRecord { profile: Profile { audience: Some(Audience::Workforce), ..Profile::default() }, ..ReadinessRecord::default() };
    assert_eq!(prefill(&workforce).audience, "", "no guess between federal, military and state staff");
}

#[test]
fn forecast_input_reads_the_form_from_the_day_users_arrive() {
    let form = fixture_form();
    let input = forecast_input(&form, 42);
    assert_eq!(input.monthly_active_users, 30_000);
    assert_eq!(input.new_user_share_pct, 60.0);
    assert_eq!(input.ramp_weeks, 0);
    // The announcement (13 December) is two days before users arrive (15 December).
    assert_eq!(input.announcement_day_offset, Some(-2));
    assert_eq!(input.announcement_recipients, 2_000);
    assert_eq!(input.language_shares, [70.0, 25.0, 2.5, 2.5]);
    assert!(!input.phone_published);
    // Without a launch date, the deploy date (8 December) is day 0.
    let no_launch = forecast_input(&LaunchForm { user_launch_date: String::new(), ..form.clone() }, 42);
    assert_eq!(no_launch.announcement_day_offset, Some(5));
    let phased = forecast_input(&LaunchForm { ramp: "phased".into(), ramp_weeks: "6".into(), phone_published: "yes".into(), ..form }, 42);
    assert_eq!((phased.ramp_weeks, phased.phone_published), (6, true));
    let empty = forecast_input(&LaunchForm::default(), 42);
    assert_eq!((empty.monthly_active_users, empty.announcement_day_offset), (0, None));
}

#[test]
fn payload_schema() {
    let form = fixture_form();
    let record = fixture_record();
    let f = fixture_forecast(&form);
    let key = new_idempotency_key(42);
    let p = payload(&form, &record, &Assumptions::default(), &f, &key);
    assert_eq!(p["schema"], "login-gov-partner-launch-request");
    assert_eq!(p["version"], 2);
    assert_eq!(p["idempotency_key"], key.as_str());
    assert_eq!(p["service_level"], "ial2-aal2");
    assert_eq!(p["partner_type"], "federal");
    assert_eq!(p["agency"], record.profile.agency.as_str());
    let launch = &p["launch"];
    // Every field of the form, and the audience's label.
    assert_eq!(launch.as_object().unwrap().len(), LaunchField::ALL.len() + 1);
    for &field in LaunchField::ALL {
        assert!(launch.get(field.id()).is_some(), "{}", field.id());
    }
    assert_eq!(launch["annual_registrations"], 120_000);
    assert_eq!(launch["monthly_active_users"], 30_000);
    assert_eq!(
        launch["billing_contacts"],
        serde_json::json!(["Budget Office, billing@example.gov", "Finance Desk, finance@example.gov, 202-555-0103"])
    );
    assert_eq!(launch["share_fr"], 2.5);
    assert_eq!(launch["phone_published"], false);
    assert_eq!(launch["push_notifications"], false);
    assert_eq!(launch["ramp_weeks"], serde_json::Value::Null);
    assert_eq!(launch["deploy_date"], "2026-12-08");
    assert_eq!(launch["user_launch_date"], "2026-12-15");
    assert_eq!(launch["help_desk_phone"], "202-555-0100");
    assert_eq!(launch["audience_label"], "General public");
    assert_eq!(launch["seasonality"], form.seasonality.as_str(), "free text as typed");
    assert_eq!(p["assumptions"]["handle_time_s"], 180.0);
    assert_eq!(p["assumptions"].as_object().unwrap().len(), ASSUMPTIONS.len());
    let fc = &p["forecast"];
    assert_eq!(fc["daily"].as_array().unwrap().len(), 14, "from the deploy date, 7 days before launch, and 7 from launch");
    assert_eq!(fc["daily"][0]["date"], "2026-12-08", "the deploy date");
    assert_eq!(fc["daily"][7]["day"], 0);
    assert_eq!(fc["daily"][7]["date"], "2026-12-15", "day 0 is the day users get access");
    assert_eq!(fc["peak_phone_agents"], f.phone_agents);
    assert_eq!(fc["peak_date"], Date::parse_iso("2026-12-15").unwrap().add_days(f.peak_day).to_iso().as_str());
    // Unparsable numbers are null, never a guess.
    let bad = payload(&LaunchForm { monthly_active_users: "lots".into(), ..form.clone() }, &record, &Assumptions::default(), &f, &key);
    assert_eq!(bad["launch"]["monthly_active_users"], serde_json::Value::Null);
    // The same inputs give the same payload (a retry sends identical bytes).
    let again = payload(&form, &record, &Assumptions::default(), &f, &key);
    assert_eq!(serde_json::to_string(&p).unwrap(), serde_json::to_string(&again).unwrap());
}

#[test]
fn idempotency_keys_and_retry_delays() {
    let key = new_idempotency_key(1);
    assert_eq!(key.len(), 32);
    assert!(key.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    assert_eq!(key, new_idempotency_key(1));
    let keys: std::collections::BTreeSet<String> = (0..1000).map(new_idempotency_key).collect();
    assert_eq!(keys.len(), 1000);
    assert_eq!(new_idempotency_key(u64::MAX).len(), 32);
    assert_eq!([retry_delay_ms(1), retry_delay_ms(2), retry_delay_ms(3)], [2_000, 4_000, 8_000]);
    assert_eq!(retry_delay_ms(100), 300_000);
    assert_eq!(retry_delay_ms(0), 2_000);
}

#[test]
fn every_field_has_its_label_and_the_portal_fields_use_the_portals_words() {
    let launch = &content().launch;
    for &field in LaunchField::ALL {
        let entry = launch.field(field).unwrap_or_else(|| panic!("no entry for {}", field.id()));
        assert!(!entry.label.is_empty());
    }
    // The Partner Portal's launch request (its locale file) labels these fields so.
    for (field, portal_label) in [
        (LaunchField::IaaNumber, "IAA Number"),
        (LaunchField::ApplicationUrl, "Application URL"),
        (LaunchField::Audience, "Application Audience User Base"),
        (LaunchField::AnnualRegistrations, "Estimated Annual Registrations"),
        (LaunchField::MonthlyActiveUsers, "Monthly Active Users"),
        (LaunchField::Seasonality, "Seasonality of Application Usage"),
        (LaunchField::AnnualAuthentications, "Estimated Authentications"),
        (LaunchField::UserLaunchDate, "Desired Launch Date"),
        (LaunchField::BillingContacts, "Billing POCs"),
        (LaunchField::ProgramContacts, "Program Management POCs"),
        (LaunchField::TechnicalContacts, "Technical Support POCs"),
        (LaunchField::HelpDeskPhone, "Help Desk Contact Information"),
    ] {
        assert_eq!(launch.field(field).unwrap().portal_label, portal_label, "{field:?}");
        assert!(PORTAL_ORDER.contains(&field), "{field:?}");
    }
    // The deploy date is not a Portal field: the launch date is the one users get access.
    assert_eq!(launch.field(LaunchField::DeployDate).unwrap().portal_label, "");
}

#[test]
fn submission_csv_matches_its_golden_file() {
    let form = fixture_form();
    let f = fixture_forecast(&form);
    let csv = submission_csv(&form, &fixture_record(), &Assumptions::default(), &f, &new_idempotency_key(42));
    assert!(csv.starts_with("\u{feff}\"field\",\"value\"\r\n"), "a byte-order mark, then the header");
    assert!(csv.ends_with("\r\n"));
    for line in csv.split("\r\n").filter(|l| !l.is_empty() && !l.starts_with(' ')) {
        if let Some(value) = line.split_once("\",\"").map(|(_, v)| v.trim_end_matches('"')) {
            let number = value.trim_start_matches('-').parse::<f64>().is_ok();
            assert!(number || !value.starts_with(['=', '+', '-', '@']), "{line}");
        }
    }
    assert!(csv.contains("\"launch.seasonality\",\"'=HYPERLINK(\"\"x\"\")"));
    assert!(csv.contains("\"application\",\"'=Benefits; Portal, Beta — ünïcode\""));
    assert!(csv.contains("\"launch.deploy_date\",\"2026-12-08\"") && csv.contains("\"launch.user_launch_date\",\"2026-12-15\""));
    common::golden("launch/submission.csv", &csv);
}

#[test]
fn launch_request_text_matches_its_golden_file() {
    let text = launch_request_text(&fixture_form(), &fixture_record());
    let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with("  ")).collect();
    assert_eq!(lines.len(), 3 + PORTAL_ORDER.len() + 2, "{text}");
    assert!(
        lines[0].starts_with("Agency: ")
            && lines[1].starts_with("Application name: ")
            && lines[2] == "Service level: IAL2/AAL2 (Enhanced identity verification)"
    );
    // The Partner Portal's labels, in its order.
    assert_eq!(lines[3], "IAA Number: LGABCFY210001-0001-0000");
    assert_eq!(lines[4], "Application URL: https://benefits.example.gov/start?lang=en&x=1");
    assert_eq!(lines[10], "Desired Launch Date: 2026-12-15");
    assert!(text.contains("Billing POCs:\n  - Budget Office, billing@example.gov\n  - Finance Desk, finance@example.gov, 202-555-0103\n"), "{text}");
    assert!(text.contains("Help Desk Contact Information:\n  - 202-555-0100\n  - help@example.gov\n  - @helpdesk, weekdays\n"), "{text}");
    assert!(text.ends_with("Requested deploy date: 2026-12-08\nPush-notification URLs: No\n"), "{text}");
    common::golden("launch/launch-request.txt", &text);
    let empty = launch_request_text(&LaunchForm::default(), &ReadinessRecord::default());
    assert!(
        empty.contains("IAA Number: (not given)") && empty.contains("Service level: (not given)") && empty.contains("Billing POCs: (not given)"),
        "{empty}"
    );
}

#[test]
fn typed_line_breaks_of_any_kind_cannot_start_a_line_in_the_launch_request_text() {
    let mut record = fixture_record();
    record.profile.application = "Benefits\rIAA Number: LGFAKE".into();
    let mut form = fixture_form();
    form.seasonality = "Spring\u{2028}Application URL: https://evil.example\u{85}x\r\nautumn\u{0c}end".into();
    form.billing_contacts = "a@example.gov\u{2029}Billing POCs: b@example.gov".into();
    let text = launch_request_text(&form, &record);
    let normalised = text.replace("\r\n", "\n").replace(['\r', '\u{0b}', '\u{0c}', '\u{85}', '\u{2028}', '\u{2029}'], "\n");
    let labelled: Vec<&str> = normalised.lines().filter(|l| !l.starts_with("  ")).collect();
    assert_eq!(labelled.len(), 3 + PORTAL_ORDER.len() + 2, "{text}");
    assert!(text.contains("Application name: Benefits\n  IAA Number: LGFAKE\n"), "{text}");
    assert!(text.contains("Seasonality of Application Usage: Spring\n  Application URL: https://evil.example\n  x\n  autumn\n  end\n"), "{text}");
    assert!(text.contains("Billing POCs:\n  - a@example.gov\n  - Billing POCs: b@example.gov\n"), "{text}");
}

#[test]
fn ics_has_the_deploy_and_launch_days_and_matches_rfc_5545() {
    let mut record = fixture_record();
    record.profile.application.push_str(" with a long name to fold: ünïcödé 中文 characters that run past seventy-five octets");
    let calendar = ics(&fixture_form(), &record, "20261124T150000Z", "0123456789abcdef@readiness-portal", 0).unwrap();
    for line in calendar.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        assert!(!line.contains('\n') && !line.contains('\r'));
    }
    assert!(calendar.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(calendar.matches("BEGIN:VEVENT").count(), 2);
    assert!(calendar.contains("DTSTART;VALUE=DATE:20261208\r\n") && calendar.contains("DTEND;VALUE=DATE:20261209\r\n"));
    assert!(calendar.contains("DTSTART;VALUE=DATE:20261215\r\n") && calendar.contains("DTEND;VALUE=DATE:20261216\r\n"));
    let unfolded = calendar.replace("\r\n ", "");
    assert!(unfolded.contains("SUMMARY:Login.gov deploy: =Benefits\\; Portal\\, Beta — ünïcode with a long name"), "{unfolded}");
    assert!(unfolded.contains("SUMMARY:Login.gov launch: =Benefits"), "{unfolded}");
    assert!(unfolded.contains("UID:0123456789abcdef@readiness-portal-deploy") && unfolded.contains("UID:0123456789abcdef@readiness-portal-launch"));
    assert!(unfolded.contains("two weeks ahead"));
    assert!(unfolded.contains("\\n"));
    common::golden("launch/launch.ics", &calendar);

    assert_eq!(ics_for(&LaunchForm { deploy_date: "2026-02-30".into(), ..LaunchForm::default() }), None);
    // One valid date is enough for a calendar with one event.
    let deploy_only = ics_for(&LaunchForm { deploy_date: "2027-12-30".into(), ..LaunchForm::default() }).unwrap();
    assert_eq!(deploy_only.matches("BEGIN:VEVENT").count(), 1);
    // New Year's Eve rolls the end date into the next year.
    assert!(deploy_only.contains("DTEND;VALUE=DATE:20271231"));
    assert!(ics_for(&LaunchForm { user_launch_date: "2027-12-31".into(), ..LaunchForm::default() }).unwrap().contains("DTEND;VALUE=DATE:20280101"));
    // Control characters cannot break out of a property.
    let mut hostile = ReadinessRecord::default();
    hostile.profile.application = "App\r\nATTENDEE:evil@example.com\u{7}".into();
    let out = ics(&LaunchForm { deploy_date: "2026-12-08".into(), ..LaunchForm::default() }, &hostile, "20261124T150000Z\r\nX:1", "u\nX-EVIL:1", 0)
        .unwrap();
    assert!(!out.contains("\r\nATTENDEE") && !out.contains("\r\nX:1") && !out.contains("\r\nX-EVIL"), "{out}");
}

fn ics_for(form: &LaunchForm) -> Option<String> {
    ics(form, &ReadinessRecord::default(), "20261124T150000Z", "u", 0)
}

#[test]
fn ics_text_escaping_and_folding() {
    assert_eq!(ics_text("a\\b;c,d\ne\r\nf\rg"), "a\\\\b\\;c\\,d\\ne\\nf\\ng");
    let folded = ics_fold(&"é".repeat(100));
    for line in folded.trim_end_matches("\r\n").split("\r\n") {
        assert!(line.len() <= 75 && std::str::from_utf8(line.as_bytes()).is_ok());
    }
    assert_eq!(folded.replace("\r\n ", ""), format!("{}\r\n", "é".repeat(100)));
    assert_eq!(ics_fold(&"x".repeat(75)), format!("{}\r\n", "x".repeat(75)));
    assert_eq!(ics_fold(&"x".repeat(76)), format!("{}\r\n x\r\n", "x".repeat(75)));
}

#[test]
fn file_names() {
    assert_eq!(
        submission_file_name(&fixture_record(), "2026-11-24", "json"),
        "launch-request-department-of-examples-office-of-tests-benefits-portal-beta-n-code-2026-11-24.json"
    );
    assert_eq!(submission_file_name(&ReadinessRecord::default(), "2026-11-24", "ics"), "launch-request-2026-11-24.ics");
}

#[test]
fn no_contact_center_number_in_this_page_or_its_downloads() {
    use portal_core::phone::find_phone_candidates;
    let root = env!("CARGO_MANIFEST_DIR");
    let mut paths: Vec<String> = ["src/launch", "src/staffing"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(format!("{root}/{dir}")).unwrap().map(|e| e.unwrap().path().display().to_string()))
        .collect();
    paths.extend(
        ["src/holidays.rs", "tests/golden/launch/submission.csv", "tests/golden/launch/launch.ics", "tests/golden/launch/launch-request.txt"]
            .map(|p| format!("{root}/{p}")),
    );
    assert!(paths.len() >= 16, "{paths:?}");
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(find_phone_candidates(&text).iter().all(|c| !c.is_contact_center()), "{path}");
    }
    let f = forecast(&ForecastInput { phone_published: true, ..input(1_000_000) }, &Assumptions::default());
    assert!(find_phone_candidates(&f.summary).is_empty(), "{}", f.summary);
}

/// Issue 13, item 10: the same unchanged request is recognised, whether it waits in the outbox
/// or already has a receipt; a changed one, or a new idempotency key alone, is not the point.
#[test]
fn submitting_the_same_request_twice_is_recognised() {
    let form = fixture_form();
    let record = fixture_record();
    let f = fixture_forecast(&form);
    let first = payload(&form, &record, &Assumptions::default(), &f, &new_idempotency_key(1));
    let again = payload(&form, &record, &Assumptions::default(), &f, &new_idempotency_key(2));
    assert_ne!(first["idempotency_key"], again["idempotency_key"]);
    assert_eq!(payload_fingerprint(&first), payload_fingerprint(&again), "the key is not content");
    assert_eq!(find_duplicate(&again, &[], &[]), Duplicate::New);

    let queued = OutboxEntry { idempotency_key: new_idempotency_key(1), payload: first.clone(), ..OutboxEntry::default() };
    assert_eq!(find_duplicate(&again, std::slice::from_ref(&queued), &[]), Duplicate::Queued);

    let receipt = Receipt {
        idempotency_key: new_idempotency_key(1),
        at: "2026-12-02T10:00:00Z".into(),
        server_id: None,
        sent: true,
        fingerprint: payload_fingerprint(&first),
    };
    assert_eq!(find_duplicate(&again, &[], std::slice::from_ref(&receipt)), Duplicate::Submitted(receipt.clone()));

    // A change to any field is a new request.
    let mut changed_form = form.clone();
    changed_form.seasonality.push_str(" (updated)");
    let changed = payload(&changed_form, &record, &Assumptions::default(), &fixture_forecast(&changed_form), &new_idempotency_key(3));
    assert_eq!(find_duplicate(&changed, std::slice::from_ref(&queued), std::slice::from_ref(&receipt)), Duplicate::New);
    // Only the latest receipt counts: changing and changing back is a new request.
    let later = Receipt { fingerprint: payload_fingerprint(&changed), ..receipt.clone() };
    assert_eq!(find_duplicate(&again, &[], &[receipt, later]), Duplicate::New);
    // Receipts saved before fingerprints existed never match.
    let old = Receipt { fingerprint: String::new(), ..Receipt::default() };
    assert_eq!(find_duplicate(&again, &[], &[old]), Duplicate::New);
}

/// Issue 14, item 4: the fallback key is a version-4 UUID whose other 122 bits are the random
/// bytes given, unchanged.
#[test]
fn the_fallback_idempotency_key_is_a_version_4_uuid() {
    let key = uuid_v4([0xff; 16]);
    assert_eq!(key, "ffffffff-ffff-4fff-bfff-ffffffffffff");
    assert_eq!(uuid_v4([0; 16]), "00000000-0000-4000-8000-000000000000");
    let bytes: [u8; 16] = std::array::from_fn(|i| (i as u8).wrapping_mul(37).wrapping_add(11));
    let key = uuid_v4(bytes);
    let hex: String = key.replace('-', "");
    assert_eq!(hex.len(), 32);
    for (i, byte) in bytes.iter().enumerate() {
        let got = u8::from_str_radix(&hex[i * 2..i * 2 + 2], 16).unwrap();
        let kept = match i {
            6 => 0x0f,
            8 => 0x3f,
            _ => 0xff,
        };
        assert_eq!(got & kept, byte & kept, "byte {i}");
    }
}

/// The events of an `.ics` file as an iCalendar parser (the `ical` crate) reads them: each
/// event's properties by name.
fn parsed_events(calendar: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(calendar.as_bytes()));
    let parsed = parser.next().expect("one calendar").expect("a calendar an iCalendar parser reads");
    assert!(parser.next().is_none(), "only one calendar");
    parsed.events.iter().map(|e| e.properties.iter().map(|p| (p.name.clone(), p.value.clone().unwrap_or_default())).collect()).collect()
}

#[test]
fn the_calendar_keeps_one_uid_per_launch_and_raises_the_sequence_on_change() {
    let mut uids = ["first-uuid", "second-uuid"].into_iter();
    let mut next_uid = || Ok::<_, String>(uids.next().expect("a UID is asked for once per record").to_string());
    let mut record = fixture_record();
    let mut form = fixture_form();

    // No valid date yet: nothing to download, and no UID taken.
    let empty = LaunchForm::default();
    assert_eq!(calendar_download(&empty, &mut record, "20261124T150000Z", &mut next_uid), Ok(None));
    assert_eq!(record.launch.calendar.uid, "");

    let first = calendar_download(&form, &mut record, "20261124T150000Z", &mut next_uid).unwrap().unwrap();
    let events = parsed_events(&first);
    assert_eq!(events.len(), 2);
    assert_eq!(events[0]["UID"], "first-uuid@readiness-portal-deploy");
    assert_eq!(events[1]["UID"], "first-uuid@readiness-portal-launch");
    assert!(events.iter().all(|e| e["SEQUENCE"] == "0" && e["DTSTAMP"] == "20261124T150000Z"));

    // The same events downloaded again, and after a submission: same UID, same SEQUENCE.
    record.launch.receipts.push(Receipt { idempotency_key: "submission-key".into(), ..Receipt::default() });
    let again = calendar_download(&form, &mut record, "20261125T090000Z", &mut next_uid).unwrap().unwrap();
    assert!(parsed_events(&again).iter().all(|e| e["UID"].starts_with("first-uuid@") && e["SEQUENCE"] == "0"));

    // A changed date: the same UID, a higher SEQUENCE, so calendars update the event.
    form.deploy_date = "2026-12-10".into();
    let changed = parsed_events(&calendar_download(&form, &mut record, "20261126T090000Z", &mut next_uid).unwrap().unwrap());
    assert!(changed.iter().all(|e| e["UID"].starts_with("first-uuid@") && e["SEQUENCE"] == "1"));
    assert_eq!(changed[0]["DTSTART"], "20261210");
    record.profile.application = "Renamed".into();
    let renamed = parsed_events(&calendar_download(&form, &mut record, "20261126T100000Z", &mut next_uid).unwrap().unwrap());
    assert!(renamed.iter().all(|e| e["SEQUENCE"] == "2"));

    // Another partner's record gets its own UID, so two drafts never collide in one calendar.
    let mut other = fixture_record();
    let theirs = parsed_events(&calendar_download(&fixture_form(), &mut other, "20261124T150000Z", &mut next_uid).unwrap().unwrap());
    assert_eq!(theirs[0]["UID"], "second-uuid@readiness-portal-deploy");

    // A UID that cannot be made is said, not papered over.
    let mut fresh = fixture_record();
    assert_eq!(calendar_download(&form, &mut fresh, "20261124T150000Z", || Err("no crypto".to_string())), Err("no crypto".to_string()));
}

/// The launch request's JSON Schema (Draft 2020-12), built from the payload's own declarations:
/// the header, the launch fields by kind, the assumptions and the forecast's figures.
fn launch_request_schema() -> serde_json::Value {
    use portal_core::launch::payload::{value_kind, DayFigures, ForecastFigures, Header, ValueKind, AUDIENCE_LABEL};
    use serde_json::json;
    let nullable = |t: &str| json!({ "type": [t, "null"] });
    let by_rust_type = |ty: &str| match ty {
        "Figure" => nullable("number"),
        "u32" | "usize" => json!({ "type": "integer", "minimum": 0 }),
        "i64" => json!({ "type": "integer" }),
        "Option<i64>" => nullable("integer"),
        "String" => json!({ "type": "string" }),
        "Option<String>" => json!({ "type": ["string", "null"], "format": "date" }),
        other => panic!("no JSON Schema for the Rust type {other}: add it here"),
    };
    let object = |properties: serde_json::Map<String, serde_json::Value>| {
        let required: Vec<&String> = properties.keys().collect();
        json!({ "type": "object", "required": required, "properties": properties, "additionalProperties": false })
    };
    let part = |keys: &[&str], types: &[&str]| object(keys.iter().zip(types).map(|(k, t)| (k.to_string(), by_rust_type(t))).collect());

    let mut launch = serde_json::Map::new();
    for &field in LaunchField::ALL {
        let schema = match value_kind(field) {
            ValueKind::Text => json!({ "type": "string" }),
            ValueKind::Date => json!({ "type": ["string", "null"], "format": "date" }),
            ValueKind::Whole => json!({ "type": ["integer", "null"], "minimum": 0 }),
            ValueKind::Percent => json!({ "type": ["number", "null"], "minimum": 0, "maximum": 100 }),
            ValueKind::People => json!({ "type": "array", "items": { "type": "string" } }),
            ValueKind::Flag => nullable("boolean"),
        };
        launch.insert(field.id().to_string(), schema);
        if field == LaunchField::Audience {
            launch.insert(AUDIENCE_LABEL.to_string(), nullable("string"));
        }
    }
    let assumptions = ASSUMPTIONS.iter().map(|a| (a.key.to_string(), nullable("number"))).collect();
    let mut forecast = part(ForecastFigures::KEYS, ForecastFigures::TYPES);
    forecast["properties"]["daily"] = json!({ "type": "array", "items": part(DayFigures::KEYS, DayFigures::TYPES) });
    forecast["required"].as_array_mut().unwrap().push(json!("daily"));

    let mut header = serde_json::Map::new();
    for (key, ty) in Header::KEYS.iter().zip(Header::TYPES) {
        let schema = match *key {
            "schema" => json!({ "const": PAYLOAD_SCHEMA }),
            "version" => json!({ "const": PAYLOAD_VERSION }),
            "idempotency_key" => json!({ "type": "string", "minLength": 1 }),
            "partner_type" => json!({ "enum": PartnerType::ALL.iter().map(|p| Some(p.id())).chain([None]).collect::<Vec<_>>() }),
            "service_level" => json!({ "enum": Level::ALL.iter().map(|l| Some(l.id())).chain([None]).collect::<Vec<_>>() }),
            _ => by_rust_type(ty),
        };
        header.insert(key.to_string(), schema);
    }
    header.insert("launch".into(), object(launch));
    header.insert("assumptions".into(), object(assumptions));
    header.insert("forecast".into(), forecast);
    let mut schema = object(header);
    let top = schema.as_object_mut().unwrap();
    top.insert("$schema".into(), json!("https://json-schema.org/draft/2020-12/schema"));
    top.insert("$id".into(), json!(format!("urn:login-gov-partner-readiness-portal:launch-request:v{PAYLOAD_VERSION}")));
    top.insert("title".into(), json!("Login.gov partner launch request"));
    top.insert(
        "description".into(),
        json!("What the readiness portal submits to a launch-request endpoint and offers as a download. Written by core/tests/launch.rs from core/src/launch/payload.rs; do not edit by hand."),
    );
    schema
}

/// The published schema is current, and every payload the portal makes is valid against it,
/// whatever the form holds; one with an unknown field or a wrong version is not.
#[test]
fn the_launch_request_matches_its_published_json_schema() {
    let published = serde_json::to_string_pretty(&launch_request_schema()).unwrap() + "\n";
    common::golden_file("schemas/launch-request.schema.json", &published);

    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.add_resource("launch-request.schema.json", serde_json::from_str(&published).unwrap()).unwrap();
    let index = compiler.compile("launch-request.schema.json", &mut schemas).unwrap_or_else(|e| panic!("{e}"));

    let record = fixture_record();
    let mut hostile = fixture_form();
    for &field in LaunchField::ALL {
        hostile.set(field, "lots =1+1 \"quoted\"\n<b>".into());
    }
    let forms = [fixture_form(), LaunchForm::default(), prefill(&record), hostile];
    for form in &forms {
        let p = payload(form, &record, &Assumptions::default(), &fixture_forecast(form), "key-1");
        if let Err(e) = schemas.validate(&p, index) {
            panic!("{e:#}\n{}", serde_json::to_string_pretty(&p).unwrap());
        }
    }
    let good = payload(&forms[0], &record, &Assumptions::default(), &fixture_forecast(&forms[0]), "key-1");
    let mut unknown = good.clone();
    unknown["launch"]["favourite_colour"] = serde_json::json!("blue");
    let mut wrong_version = good.clone();
    wrong_version["version"] = serde_json::json!(PAYLOAD_VERSION + 1);
    let mut bad_day = good.clone();
    bad_day["forecast"]["daily"][0]["contacts"] = serde_json::json!("many");
    for bad in [unknown, wrong_version, bad_day] {
        assert!(schemas.validate(&bad, index).is_err());
    }
}

#[test]
fn downloads_carry_the_last_submissions_key_and_the_calendar_stamp_is_utc() {
    let record = fixture_record();
    let form = fixture_form();
    let f = fixture_forecast(&form);
    let json = submission_download(SubmissionFormat::Json, &form, &record, &Assumptions::default(), &f, "2026-11-24");
    assert_eq!((json.mime, json.name.ends_with("-2026-11-24.json")), ("application/json", true));
    assert!(json.body.contains("\"idempotency_key\": \"draft\""));
    let mut sent = record.clone();
    sent.launch.receipts.push(Receipt { idempotency_key: "key-7".into(), ..Receipt::default() });
    let csv = submission_download(SubmissionFormat::Csv, &form, &sent, &Assumptions::default(), &f, "2026-11-24");
    assert_eq!(csv.mime, "text/csv");
    assert!(csv.body.contains("\"idempotency_key\",\"key-7\""), "{}", &csv.body[..200]);
    assert_eq!(ics_dtstamp("2026-12-02T07:50:02.123Z"), "20261202T075002Z");
}

/// Property tests of this area: generated inputs (see `common::strategies`), every promise kept.
mod properties {

    use super::common::strategies::*;
    use proptest::prelude::*;

    use portal_core::dates::Date;

    use portal_core::launch::{
        forecast_input, ics, launch_request_text, parse_whole, payload, submission_csv, validate, LaunchField, LaunchForm, FORECAST_DAYS,
        PORTAL_ORDER,
    };

    use portal_core::record::ReadinessRecord;

    use portal_core::staffing::forecast;
    use portal_core::vocab::Level;

    proptest! {
        // Records with 48 hostile strings each: generating them is the slow part, so fewer cases.
        #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

        #[test]
        fn launch_exports_read_back_as_typed(form in any_launch_form(), assumptions in any_assumptions(), agency in hostile(), application in hostile()) {
            let mut record = ReadinessRecord::default();
            (record.profile.agency, record.profile.application) = (agency.clone(), application.clone());
            let fc = forecast(&forecast_input(&form, FORECAST_DAYS), &assumptions);
            for x in [fc.total_contacts, fc.peak_contacts, fc.peak_phone_calls, fc.peak_load_erlangs, fc.form_backlog_per_day, fc.average_speed_of_answer_s] {
                prop_assert!(x.is_finite() && x >= 0.0, "forecast figure {}", x);
            }
            prop_assert!(fc.scheduled_agents >= fc.phone_agents);

            let json = payload(&form, &record, &assumptions, &fc, "0123456789abcdef0123456789abcdef");
            let back: serde_json::Value = serde_json::from_str(&serde_json::to_string(&json).unwrap()).unwrap();
            prop_assert_eq!(&back, &json);
            prop_assert_eq!(back["agency"].as_str(), Some(agency.as_str()));
            for field in [LaunchField::ApplicationUrl, LaunchField::IaaNumber, LaunchField::Seasonality, LaunchField::HelpDeskOther] {
                prop_assert_eq!(back["launch"][field.id()].as_str(), Some(form.get(field)));
            }

            let rows = safe_rows(&submission_csv(&form, &record, &assumptions, &fc, "k"))?;
            prop_assert!(rows.iter().all(|r| r.len() == 2));
            let cell = |name: &str| rows.iter().find(|r| r[0] == name).map(|r| r[1].clone());
            prop_assert_eq!(cell("agency"), Some(csv_safe(&agency)));
            prop_assert_eq!(cell("launch.seasonality"), Some(csv_safe(&form.seasonality)));
            prop_assert_eq!(cell("launch.iaa_number"), Some(csv_safe(&form.iaa_number)));

            // One "Label: value" line per field; further lines of a value are indented, whatever
            // a viewer takes for a line break (LF, CRLF or a lone CR).
            let text = launch_request_text(&form, &record).replace("\r\n", "\n").replace(['\r', '\u{0b}', '\u{0c}', '\u{85}', '\u{2028}', '\u{2029}'], "\n");
            prop_assert_eq!(text.lines().filter(|l| !l.starts_with("  ")).count(), 3 + PORTAL_ORDER.len() + 2, "{:?}", text);

            let calendar = ics(&form, &record, "20261123T150000Z", "k@readiness-portal", 3).unwrap();
            for line in calendar.split("\r\n").filter(|l| !l.is_empty()) {
                prop_assert!(line.len() <= 75, "folded at 75 octets: {:?}", line);
            }
            let unfolded = calendar.replace("\r\n ", "");
            for line in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
                prop_assert!(line.split_once([':', ';']).is_some_and(|(name, _)| !name.is_empty() && name.bytes().all(|b| b.is_ascii_uppercase() || b == b'-')), "a property line: {:?}", line);
            }
            prop_assert_eq!(unfolded.matches("\r\nSUMMARY:").count(), 2, "the deploy and the launch day");
            // An iCalendar parser (the `ical` crate) reads the file: two events, each with its UID,
            // SEQUENCE and dates, whatever was typed.
            let parsed = ical::IcalParser::new(std::io::BufReader::new(calendar.as_bytes())).next();
            let parsed = parsed.expect("a calendar").map_err(|e| TestCaseError::fail(format!("{e}")))?;
            prop_assert_eq!(parsed.events.len(), 2);
            for (event, what) in parsed.events.iter().zip(["deploy", "launch"]) {
                let value = |name: &str| event.properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone());
                prop_assert_eq!(value("UID"), Some(format!("k@readiness-portal-{what}")));
                prop_assert_eq!(value("SEQUENCE"), Some("3".to_string()));
                prop_assert!(value("DTSTART").is_some_and(|d| d.len() == 8) && value("SUMMARY").is_some());
            }
        }

        #[test]
        fn launch_validation_never_panics(values in prop::collection::vec(hostile(), LaunchField::ALL.len()), day in 0i64..4000) {
            let mut form = LaunchForm::default();
            for (&field, value) in LaunchField::ALL.iter().zip(values) {
                form.set(field, value);
            }
            let today = Date::new(2026, 1, 1).unwrap().add_days(day);
            for level in [None, Some(Level::Ial1Aal2), Some(Level::BasicIdv), Some(Level::Ial2Aal2)] {
                let problems = validate(&form, today, level);
                prop_assert!(problems.errors.values().chain(problems.warnings.values()).all(|m| !m.is_empty()));
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn whole_numbers_read_back_with_or_without_commas(n in 0u64..1_000_000_000_000) {
            let plain = n.to_string();
            let grouped = plain.as_bytes().rchunks(3).rev().map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join(",");
            prop_assert_eq!(parse_whole(&plain), Ok(n));
            prop_assert_eq!(parse_whole(&grouped), Ok(n));
        }
    }
}
