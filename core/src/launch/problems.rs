//! What is wrong with a launch form, and what is worth a second look, field by field; and how
//! each field is named inside a sentence.

use std::collections::BTreeMap;

use super::fields::LaunchField;

/// What is wrong with the form, and what is worth a second look, by field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormProblems {
    /// Problems that stop the request from being submitted.
    pub errors: BTreeMap<LaunchField, String>,
    /// Shown like errors, next to their field, but they do not stop the request.
    pub warnings: BTreeMap<LaunchField, String>,
}

impl FormProblems {
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn error(&self, field: LaunchField) -> Option<&str> {
        self.errors.get(&field).map(String::as_str)
    }

    pub fn warning(&self, field: LaunchField) -> Option<&str> {
        self.warnings.get(&field).map(String::as_str)
    }

    /// The errors in the order the page shows the fields, for the summary at the top.
    pub fn errors_in_form_order(&self) -> Vec<(LaunchField, &str)> {
        // The enum's order is the page's order, so the map's order already is.
        self.errors.iter().map(|(f, m)| (*f, m.as_str())).collect()
    }

    pub fn warnings_in_form_order(&self) -> Vec<(LaunchField, &str)> {
        self.warnings.iter().map(|(f, m)| (*f, m.as_str())).collect()
    }

    pub(super) fn add(&mut self, field: LaunchField, message: impl Into<String>) {
        self.errors.entry(field).or_insert_with(|| message.into());
    }

    pub(super) fn warn(&mut self, field: LaunchField, message: impl Into<String>) {
        self.warnings.entry(field).or_insert_with(|| message.into());
    }
}

/// How a field is named inside a sentence ("Enter the monthly active users …").
pub fn noun(field: LaunchField) -> &'static str {
    use LaunchField::*;
    match field {
        ApplicationUrl => "the application URL",
        Audience => "the audience",
        IaaNumber => "the agreement number",
        PushNotifications => "whether you use push-notification URLs",
        DeployDate => "the deploy date",
        UserLaunchDate => "the launch date",
        Seasonality => "the seasonality of usage",
        MonthlyActiveUsers => "the monthly active users",
        AnnualRegistrations => "the estimated annual registrations",
        AnnualAuthentications => "the estimated annual authentications",
        ProgramContacts => "the program-management contacts",
        TechnicalContacts => "the technical-support contacts",
        BillingContacts => "the billing contacts",
        HelpDeskPhone => "your help desk's phone number",
        HelpDeskEmail => "your help desk's email address",
        HelpDeskOther => "the other help-desk information",
        Ramp => "the rollout",
        RampWeeks => "the number of weeks the rollout lasts",
        AnnouncementDate => "the announcement date",
        AnnouncementRecipients => "the number of announcement recipients",
        NewUserShare => "the share of users new to Login.gov",
        ShareEn => "the share of users who prefer English",
        ShareEs => "the share of users who prefer Spanish",
        ShareFr => "the share of users who prefer French",
        ShareZh => "the share of users who prefer Chinese",
        PhonePublished => "whether a page shows the Contact Center number",
        IdvShare => "the identity verification share",
        InPersonShare => "the in-person share",
    }
}
