//! The deploy date and the user launch date, to Login.gov's rules: a deploy is requested at least
//! two weeks ahead for a Tuesday or Thursday; push-notification URLs *may* need three weeks, so
//! 14 to 20 days with them is a warning, never a refusal; a deploy that falls on a federal
//! holiday is moved by Login.gov to another day, so a holiday is a warning too; users get access
//! on or after the deploy date, ideally after a grace period.

use crate::dates::Date;
use crate::holidays::holiday_on;

/// Days of notice Login.gov asks for before a deploy.
pub const NOTICE_DAYS: i64 = 14;
/// Days of notice push-notification URLs may need, so Login.gov can allow their domain: a date
/// sooner than this (but at least [`NOTICE_DAYS`] away) gets a warning.
pub const PUSH_NOTICE_DAYS: i64 = 21;

pub const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

pub fn weekday_name(date: Date) -> &'static str {
    WEEKDAYS[date.weekday_from_monday() as usize % 7]
}

/// Tuesday or Thursday: Login.gov's regular deploy days.
pub fn is_deploy_weekday(date: Date) -> bool {
    matches!(date.weekday_from_monday(), 1 | 3)
}

pub fn notice_days(push_notifications: bool) -> i64 {
    if push_notifications {
        PUSH_NOTICE_DAYS
    } else {
        NOTICE_DAYS
    }
}

/// The earliest deploy date to suggest today: with push-notification URLs, the one that gives
/// them the three weeks they may need.
pub fn earliest_deploy_date(today: Date, push_notifications: bool) -> Date {
    today.add_days(notice_days(push_notifications))
}

/// The first `count` Tuesdays and Thursdays from the earliest deploy date on, leaving out
/// holidays (a holiday deploy works, but would move to another day).
pub fn next_deploy_dates(today: Date, push_notifications: bool, count: usize) -> Vec<Date> {
    let mut dates = Vec::new();
    let mut date = earliest_deploy_date(today, push_notifications);
    while dates.len() < count {
        if is_deploy_weekday(date) && holiday_on(date).is_none() {
            dates.push(date);
        }
        date = date.add_days(1);
    }
    dates
}

/// What the page says about a date: a problem that stops the request, and a warning that does not.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DateCheck {
    pub error: Option<String>,
    pub warning: Option<String>,
}

fn days_away(date: Date, today: Date) -> String {
    match date.days_since_epoch() - today.days_since_epoch() {
        d if d < 0 => "is in the past".to_string(),
        0 => "is today".to_string(),
        1 => "is only 1 day away".to_string(),
        d => format!("is only {d} days away"),
    }
}

/// Checks the requested deploy date.
pub fn check_deploy_date(text: &str, today: Date, push_notifications: bool) -> DateCheck {
    let mut check = DateCheck::default();
    if text.trim().is_empty() {
        check.error = Some("Enter the deploy date you are requesting.".into());
        return check;
    }
    let Some(date) = Date::parse_iso(text.trim()) else {
        check.error = Some("Enter the deploy date as a real date in the form YYYY-MM-DD, for example 2027-03-09.".into());
        return check;
    };
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let required = earliest_deploy_date(today, false);
    if date < required {
        problems.push(format!(
            "The deploy date {}: Login.gov asks for at least two weeks' notice, so choose {} or later.",
            days_away(date, today),
            required.to_iso()
        ));
    } else if push_notifications && date < earliest_deploy_date(today, true) {
        warnings.push(format!(
            "The deploy date {}. Push-notification URLs may need three weeks' notice, because Login.gov has to allow their domain for outbound traffic: request it now and mention the URLs, or choose {} or later to be safe.",
            days_away(date, today).replace("is only", "is"),
            earliest_deploy_date(today, true).to_iso()
        ));
    }
    if !is_deploy_weekday(date) {
        problems.push(format!("{} is a {}: Login.gov deploys on Tuesdays and Thursdays.", date.to_iso(), weekday_name(date)));
    } else if let Some(holiday) = holiday_on(date) {
        warnings.push(format!(
            "{} is {}, a federal holiday: Login.gov will deploy on another day around it. You can keep this date, or choose another Tuesday or Thursday.",
            date.to_iso(),
            holiday
        ));
    }
    if !warnings.is_empty() {
        check.warning = Some(warnings.join(" "));
    }
    if !problems.is_empty() {
        check.error = Some(problems.join(" "));
    }
    check
}

/// Checks the date users get access, against the requested deploy date when it is a valid date.
pub fn check_user_launch_date(text: &str, deploy_text: &str) -> DateCheck {
    let mut check = DateCheck::default();
    if text.trim().is_empty() {
        check.error = Some("Enter the launch date: the day your users get access to Login.gov sign-in, on or after the deploy date.".into());
        return check;
    }
    let Some(date) = Date::parse_iso(text.trim()) else {
        check.error = Some("Enter the launch date as a real date in the form YYYY-MM-DD, for example 2027-03-16.".into());
        return check;
    };
    if let Some(deploy) = Date::parse_iso(deploy_text.trim()) {
        if date < deploy {
            check.error = Some(format!(
                "The launch date {} is before the deploy date {}: users can only get access once Login.gov has deployed your configuration.",
                date.to_iso(),
                deploy.to_iso()
            ));
        } else if date == deploy {
            check.warning = Some(
                "The launch date is the deploy date. Login.gov recommends a grace period between its deployment and the day you add the Login.gov button to your site."
                    .into(),
            );
        }
    }
    check
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(iso: &str) -> Date {
        Date::parse_iso(iso).unwrap()
    }

    #[test]
    fn deploy_days_are_tuesdays_and_thursdays() {
        assert!(is_deploy_weekday(d("2026-12-01")));
        assert!(is_deploy_weekday(d("2026-12-03")));
        assert!(!is_deploy_weekday(d("2026-12-02")));
        assert_eq!(weekday_name(d("2026-12-05")), "Saturday");
    }
}
