//! Checking the launch form: what stops the request (errors) and what the partner should know
//! but may send anyway (warnings), each a plain sentence that names its field. Nothing here
//! rewrites what was typed; numbers are parsed wherever they are used, with these functions.

use crate::dates::Date;
use crate::text::{format_count, MAX_FIELD_CHARS};
use crate::vocab::Level;

use super::fields::{choice_label, LaunchField, LaunchForm, RAMP_PHASED, YES};
use super::numbers::*;
use super::problems::*;
use super::schedule::{check_deploy_date, check_user_launch_date};
use super::text_checks::*;

/// Checks the whole form. `today` is the user's local date; `level` the record's service level
/// (the identity-verification shares are asked of levels that verify identity).
pub fn validate(form: &LaunchForm, today: Date, level: Option<Level>) -> FormProblems {
    use LaunchField::*;
    let mut problems = FormProblems::default();
    for &field in LaunchField::ALL {
        if form.get(field).chars().count() > MAX_FIELD_CHARS {
            problems.add(field, format!("Shorten {}: it is longer than {} characters.", noun(field), format_count(MAX_FIELD_CHARS as f64)));
        }
    }
    let too_long = problems.errors.clone();
    let check = |field: LaunchField| !too_long.contains_key(&field);

    if check(ApplicationUrl) {
        if let Some(p) = url_problem(&form.application_url) {
            problems.add(ApplicationUrl, p);
        }
    }
    for field in [Audience, PushNotifications, Ramp, PhonePublished] {
        if !check(field) {
            continue;
        }
        let value = form.get(field);
        if value.is_empty() {
            problems.add(field, format!("Choose {}.", noun(field)));
        } else if choice_label(field, value).is_none() {
            problems.add(field, format!("Choose one of the answers listed for {}.", noun(field)));
        }
    }
    if check(IaaNumber) {
        let iaa = form.iaa_number.trim();
        if iaa.is_empty() {
            problems.add(IaaNumber, "Enter the agreement number the application is billed under, as on your signed IAA or IGCA.");
        } else if !looks_like_iaa_example(iaa) {
            problems.warn(
                IaaNumber,
                "The agreement number does not look like Login.gov's example of an IAA number, LGABCFY210001-0001-0000. Check it against your signed agreement; if it is right, you can send it as it is.",
            );
        }
    }

    let push = form.push_notifications == YES;
    if check(DeployDate) {
        let deploy = check_deploy_date(&form.deploy_date, today, push);
        if let Some(e) = deploy.error {
            problems.add(DeployDate, e);
        }
        if let Some(w) = deploy.warning {
            problems.warn(DeployDate, w);
        }
    }
    if check(UserLaunchDate) {
        let launch = check_user_launch_date(&form.user_launch_date, &form.deploy_date);
        if let Some(e) = launch.error {
            problems.add(UserLaunchDate, e);
        }
        if let Some(w) = launch.warning {
            problems.warn(UserLaunchDate, w);
        }
    }

    for field in [MonthlyActiveUsers, AnnualRegistrations, AnnualAuthentications] {
        if check(field) {
            check_whole(&mut problems, field, form.get(field), true);
        }
    }
    // Seasonality and the other help-desk information are optional free text.
    for field in [ProgramContacts, TechnicalContacts, BillingContacts] {
        if check(field) {
            check_contacts(&mut problems, field, form.get(field));
        }
    }
    if check(HelpDeskPhone) && check(HelpDeskEmail) && form.help_desk_phone.trim().is_empty() && form.help_desk_email.trim().is_empty() {
        problems.add(HelpDeskPhone, "Enter your help desk's phone number or email address, or both: the launch request asks for them.");
    }
    if check(HelpDeskPhone) {
        if let Some(p) = help_desk_phone_problem(&form.help_desk_phone) {
            problems.add(HelpDeskPhone, p);
        }
    }
    if check(HelpDeskEmail) && !form.help_desk_email.trim().is_empty() {
        if let Some(p) = email_problem(form.help_desk_email.trim()) {
            problems.add(HelpDeskEmail, format!("Your help desk's email address: {p}"));
        }
    }
    if check(HelpDeskOther) && shows_contact_center_number(&form.help_desk_other) {
        problems.add(HelpDeskOther, format!("In {}: {CONTACT_CENTER_REFUSAL}", noun(HelpDeskOther)));
    }

    if form.ramp == RAMP_PHASED && check(RampWeeks) {
        check_whole(&mut problems, RampWeeks, &form.ramp_weeks, true);
    }

    let recipients =
        if check(AnnouncementRecipients) { check_whole(&mut problems, AnnouncementRecipients, &form.announcement_recipients, false) } else { None };
    if check(AnnouncementDate) {
        if form.announcement_date.is_empty() {
            if let Some(n) = recipients.filter(|n| *n > 0) {
                problems.add(
                    AnnouncementDate,
                    format!("Enter the announcement date for the {} people it goes to, or clear the number of recipients.", format_count(n as f64)),
                );
            }
        } else {
            match Date::parse_iso(&form.announcement_date) {
                None => problems.add(AnnouncementDate, "Enter the announcement date as a real date in the form YYYY-MM-DD, or leave it empty."),
                Some(date) => {
                    if let Some(arrival) = Date::parse_iso(form.arrival_date()).filter(|l| date > *l) {
                        problems.add(
                            AnnouncementDate,
                            format!(
                                "The announcement date is after the launch date ({}): announce on or before the day users get access.",
                                arrival.to_iso()
                            ),
                        );
                    }
                    if form.announcement_recipients.trim().is_empty() {
                        problems.add(AnnouncementRecipients, "Enter how many people the announcement goes to.");
                    }
                }
            }
        }
    }

    if check(NewUserShare) {
        check_percent(
            &mut problems,
            NewUserShare,
            &form.new_user_share,
            Some("Enter the share of users new to Login.gov: the percent of your users without a Login.gov account yet, from 0 to 100."),
        );
    }
    let mut shares = Vec::new();
    for (field, text) in LaunchField::LANGUAGE_SHARES.into_iter().zip(form.shares()) {
        if !check(field) {
            continue;
        }
        let required = format!("Enter {}, from 0 to 100 (0 if none).", noun(field));
        if let Some(t) = check_percent(&mut problems, field, text, Some(&required)) {
            shares.push(t);
        }
    }
    if shares.len() == 4 {
        let total: u32 = shares.iter().sum();
        if total != 1000 {
            // Said at the first of the four, where the summary link leads.
            problems.add(
                ShareEn,
                format!("The four language shares add up to {}%; they must add up to exactly 100%. Change them so they do.", tenths_text(total)),
            );
        }
    }
    let verifies = level.is_some_and(Level::verifies_identity);
    if check(IdvShare) {
        check_percent(
            &mut problems,
            IdvShare,
            &form.idv_share,
            verifies.then_some("Enter the identity verification share: the percent of users expected to verify their identity, from 0 to 100, since your service level verifies identity."),
        );
    }
    if check(InPersonShare) {
        check_percent(
            &mut problems,
            InPersonShare,
            &form.in_person_share,
            verifies
                .then_some("Enter the in-person share: the percent of verifying users expected to verify in person at a Post Office, from 0 to 100."),
        );
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_iaa_example_and_near_misses() {
        assert!(looks_like_iaa_example("LGABCFY210001-0001-0000"));
        assert!(!looks_like_iaa_example("LGABCFY210001-0001"));
        assert!(!looks_like_iaa_example("LG\u{e9}ABCFY210001-0001-0000"));
    }

    #[test]
    fn whole_numbers() {
        assert_eq!(parse_whole("12,000"), Ok(12_000));
        assert!(parse_whole("1,2000").is_err());
    }
}
