//! U.S. federal holidays (5 U.S.C. 6103), as the days federal offices observe them.
//!
//! Login.gov does not deploy on them: a regular deploy that falls on one is done on another day,
//! so the portal warns about a deploy date on one (never refuses it) and leaves holidays out of
//! the dates it suggests. A holiday on a Saturday is observed the Friday before, one on a Sunday the
//! Monday after (5 U.S.C. 6103(b) and Executive Order 11582). That can move New Year's Day into
//! the previous year: 1 January 2028 is a Saturday, observed on Friday 31 December 2027, so
//! `federal_holidays(2027)` holds 2027-12-31 and `federal_holidays(2028)` has no New Year's Day.

use super::dates::Date;

pub const NEW_YEARS_DAY: &str = "New Year's Day";
pub const MLK_DAY: &str = "Birthday of Martin Luther King, Jr.";
pub const WASHINGTONS_BIRTHDAY: &str = "Washington's Birthday";
pub const MEMORIAL_DAY: &str = "Memorial Day";
pub const JUNETEENTH: &str = "Juneteenth National Independence Day";
pub const INDEPENDENCE_DAY: &str = "Independence Day";
pub const LABOR_DAY: &str = "Labor Day";
pub const COLUMBUS_DAY: &str = "Columbus Day";
pub const VETERANS_DAY: &str = "Veterans Day";
pub const THANKSGIVING_DAY: &str = "Thanksgiving Day";
pub const CHRISTMAS_DAY: &str = "Christmas Day";

const MONDAY: u32 = 0;
const THURSDAY: u32 = 3;
const SATURDAY: u32 = 5;
const SUNDAY: u32 = 6;

/// The `n`th (1-based) `weekday` (0 = Monday) of a month.
fn nth_weekday(year: i32, month: u32, weekday: u32, n: u32) -> Option<Date> {
    let first = Date::new(year, month, 1)?;
    let offset = (weekday + 7 - first.weekday_from_monday()) % 7;
    Date::new(year, month, 1 + offset + 7 * (n - 1))
}

/// The last `weekday` (0 = Monday) of a month.
fn last_weekday(year: i32, month: u32, weekday: u32) -> Option<Date> {
    let last_day = super::dates::days_in_month(year, month);
    let last = Date::new(year, month, last_day)?;
    let back = (last.weekday_from_monday() + 7 - weekday) % 7;
    Date::new(year, month, last_day - back)
}

/// Saturday → the Friday before; Sunday → the Monday after; other days unchanged.
pub fn observed(date: Date) -> Date {
    match date.weekday_from_monday() {
        SATURDAY => date.add_days(-1),
        SUNDAY => date.add_days(1),
        _ => date,
    }
}

/// The holidays of `year` by law, before moving weekend days (New Year's Day of `year` only).
fn actual_holidays(year: i32) -> Vec<(Date, &'static str)> {
    let fixed = |month, day, name| Date::new(year, month, day).map(|d| (d, name));
    [
        fixed(1, 1, NEW_YEARS_DAY),
        nth_weekday(year, 1, MONDAY, 3).map(|d| (d, MLK_DAY)),
        nth_weekday(year, 2, MONDAY, 3).map(|d| (d, WASHINGTONS_BIRTHDAY)),
        last_weekday(year, 5, MONDAY).map(|d| (d, MEMORIAL_DAY)),
        fixed(6, 19, JUNETEENTH),
        fixed(7, 4, INDEPENDENCE_DAY),
        nth_weekday(year, 9, MONDAY, 1).map(|d| (d, LABOR_DAY)),
        nth_weekday(year, 10, MONDAY, 2).map(|d| (d, COLUMBUS_DAY)),
        fixed(11, 11, VETERANS_DAY),
        nth_weekday(year, 11, THURSDAY, 4).map(|d| (d, THANKSGIVING_DAY)),
        fixed(12, 25, CHRISTMAS_DAY),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The federal holidays observed in `year`, sorted by date: the eleven holidays of
/// 5 U.S.C. 6103 moved off weekends, including New Year's Day of the next year when it is
/// observed on 31 December of this one, and without New Year's Day of this year when it is
/// observed on 31 December of the year before.
pub fn federal_holidays(year: i32) -> Vec<(Date, &'static str)> {
    let mut days: Vec<(Date, &'static str)> =
        actual_holidays(year).into_iter().map(|(d, name)| (observed(d), name)).filter(|(d, _)| d.year == year).collect();
    if let Some(next_new_year) = year.checked_add(1).and_then(|y| Date::new(y, 1, 1)) {
        let seen = observed(next_new_year);
        if seen.year == year {
            days.push((seen, NEW_YEARS_DAY));
        }
    }
    days.sort();
    days
}

/// The name of the federal holiday observed on `date`, if any.
pub fn holiday_on(date: Date) -> Option<&'static str> {
    federal_holidays(date.year).into_iter().find(|(d, _)| *d == date).map(|(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekday_helpers() {
        assert_eq!(nth_weekday(2026, 11, THURSDAY, 4).unwrap().to_iso(), "2026-11-26");
        assert_eq!(last_weekday(2027, 5, MONDAY).unwrap().to_iso(), "2027-05-31");
        assert_eq!(nth_weekday(2026, 2, MONDAY, 5), None);
    }

    #[test]
    fn extreme_years_do_not_panic() {
        assert!(federal_holidays(i32::MAX).len() <= 11);
        let _ = federal_holidays(i32::MIN);
    }
}
