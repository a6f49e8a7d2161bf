//! The launch request form's fields: every field kept as the exact text typed, each named by one
//! [`LaunchField`], which fixes the page's order, the ids and the labels' lookup in the content.
//! A leaf: the content and the build script read it too.

use serde::{Deserialize, Serialize};

/// Declares the form once: the [`LaunchField`] enum in page order, its ids (the struct's member
/// names, which are also the saved record's and the payload's keys), and [`LaunchForm`] with
/// `get` and `set`, so no list of fields is written twice.
macro_rules! launch_fields {
    ($($(#[$doc:meta])* $variant:ident => $member:ident,)*) => {
        /// Every field of the launch form, in the order the page shows them.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum LaunchField {
            $($variant,)*
        }

        impl LaunchField {
            pub const ALL: &'static [LaunchField] = &[$(LaunchField::$variant,)*];

            /// The field's name: its key in the saved record, in the payload and in `launch.json`.
            pub fn id(self) -> &'static str {
                match self {
                    $(LaunchField::$variant => stringify!($member),)*
                }
            }
        }

        /// Everything the partner typed, field by field, exactly as typed.
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
        #[serde(default)]
        pub struct LaunchForm {
            $($(#[$doc])* pub $member: String,)*
        }

        impl LaunchForm {
            pub fn get(&self, field: LaunchField) -> &str {
                match field {
                    $(LaunchField::$variant => &self.$member,)*
                }
            }

            pub fn set(&mut self, field: LaunchField, value: String) {
                match field {
                    $(LaunchField::$variant => self.$member = value,)*
                }
            }
        }
    };
}

launch_fields! {
    ApplicationUrl => application_url,
    /// One of the ids in [`AUDIENCES`].
    Audience => audience,
    IaaNumber => iaa_number,
    /// [`YES`] or [`NO`]: push-notification URLs need three weeks' notice.
    PushNotifications => push_notifications,
    /// `YYYY-MM-DD`: when Login.gov deploys the production configuration.
    DeployDate => deploy_date,
    /// `YYYY-MM-DD`: when users get access (the Partner Portal's "Desired launch date").
    UserLaunchDate => user_launch_date,
    Seasonality => seasonality,
    MonthlyActiveUsers => monthly_active_users,
    AnnualRegistrations => annual_registrations,
    AnnualAuthentications => annual_authentications,
    /// People, one per line (or separated by semicolons): name, title, email and phone.
    ProgramContacts => program_contacts,
    TechnicalContacts => technical_contacts,
    BillingContacts => billing_contacts,
    HelpDeskPhone => help_desk_phone,
    HelpDeskEmail => help_desk_email,
    HelpDeskOther => help_desk_other,
    /// [`RAMP_ALL_AT_ONCE`] or [`RAMP_PHASED`].
    Ramp => ramp,
    /// Weeks of a phased rollout (1–52).
    RampWeeks => ramp_weeks,
    AnnouncementDate => announcement_date,
    AnnouncementRecipients => announcement_recipients,
    /// Percent of users without a Login.gov account yet.
    NewUserShare => new_user_share,
    ShareEn => share_en,
    ShareEs => share_es,
    ShareFr => share_fr,
    ShareZh => share_zh,
    /// [`YES`] or [`NO`]: does any page show the Contact Center phone number.
    PhonePublished => phone_published,
    /// Percent of users expected to verify their identity.
    IdvShare => idv_share,
    /// Percent of the verifying users expected to verify in person.
    InPersonShare => in_person_share,
}

/// What kind of control a field is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    Url,
    Email,
    Tel,
    Date,
    /// Several lines, such as a list of people.
    Lines,
    /// A whole number or a percent, typed as text.
    Number,
    /// One of a few choices.
    Choice,
}

impl LaunchField {
    pub fn from_id(id: &str) -> Option<LaunchField> {
        LaunchField::ALL.iter().copied().find(|f| f.id() == id)
    }

    /// The id of the field's control on the page (and of its `#fragment`).
    pub fn dom_id(self) -> String {
        format!("launch-{}", self.id())
    }

    pub fn kind(self) -> FieldKind {
        use LaunchField::*;
        match self {
            ApplicationUrl => FieldKind::Url,
            DeployDate | UserLaunchDate | AnnouncementDate => FieldKind::Date,
            Seasonality | ProgramContacts | TechnicalContacts | BillingContacts | HelpDeskOther => FieldKind::Lines,
            HelpDeskPhone => FieldKind::Tel,
            HelpDeskEmail => FieldKind::Email,
            MonthlyActiveUsers
            | AnnualRegistrations
            | AnnualAuthentications
            | RampWeeks
            | AnnouncementRecipients
            | NewUserShare
            | ShareEn
            | ShareEs
            | ShareFr
            | ShareZh
            | IdvShare
            | InPersonShare => FieldKind::Number,
            Audience | PushNotifications | Ramp | PhonePublished => FieldKind::Choice,
            IaaNumber => FieldKind::Text,
        }
    }

    /// The four language shares, which must add up to 100% together.
    pub const LANGUAGE_SHARES: [LaunchField; 4] = [LaunchField::ShareEn, LaunchField::ShareEs, LaunchField::ShareFr, LaunchField::ShareZh];
}

/// The Partner Portal's audience choices: (id stored in the form, label).
pub const AUDIENCES: [(&str, &str); 6] = [
    ("general-public", "General public"),
    ("federal-civilian", "Federal civilian employees"),
    ("active-military", "Active-duty military"),
    ("veterans", "Veterans"),
    ("state-local", "State or local employees"),
    ("other", "Other"),
];

pub const RAMP_ALL_AT_ONCE: &str = "all-at-once";
pub const RAMP_PHASED: &str = "phased";
pub const YES: &str = "yes";
pub const NO: &str = "no";

/// The choices of a [`FieldKind::Choice`] field: (value stored, label); empty for other fields.
pub fn choices(field: LaunchField) -> &'static [(&'static str, &'static str)] {
    match field {
        LaunchField::Audience => &AUDIENCES,
        LaunchField::Ramp => &[(RAMP_ALL_AT_ONCE, "All users at once"), (RAMP_PHASED, "A phased rollout")],
        LaunchField::PushNotifications | LaunchField::PhonePublished => &[(NO, "No"), (YES, "Yes")],
        _ => &[],
    }
}

/// The label of a choice's stored value, if it is one of the field's choices.
pub fn choice_label(field: LaunchField, value: &str) -> Option<&'static str> {
    choices(field).iter().find(|(v, _)| *v == value).map(|(_, label)| *label)
}

impl LaunchForm {
    pub fn shares(&self) -> [&str; 4] {
        LaunchField::LANGUAGE_SHARES.map(|f| self.get(f))
    }

    /// The day users arrive, for the forecast and the announcement: the user launch date, or
    /// the deploy date while there is none.
    pub fn arrival_date(&self) -> &str {
        if self.user_launch_date.trim().is_empty() {
            &self.deploy_date
        } else {
            &self.user_launch_date
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_can_be_set_and_read_back_and_ids_round_trip() {
        let mut form = LaunchForm::default();
        for &field in LaunchField::ALL {
            form.set(field, format!("value of {}", field.id()));
            assert_eq!(LaunchField::from_id(field.id()), Some(field));
        }
        for &field in LaunchField::ALL {
            assert_eq!(form.get(field), format!("value of {}", field.id()));
        }
        // The serde names are the field ids, so the saved record and the payload agree.
        let json = serde_json::to_value(&form).unwrap();
        let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        let mut ids: Vec<&str> = LaunchField::ALL.iter().map(|f| f.id()).collect();
        let mut keys_sorted = keys.clone();
        ids.sort();
        keys_sorted.sort();
        assert_eq!(keys_sorted, ids);
        assert_eq!(LaunchField::from_id("language_shares"), None);
    }

    #[test]
    fn the_arrival_date_is_the_launch_date_else_the_deploy_date() {
        let mut form = LaunchForm { deploy_date: "2027-03-02".into(), ..LaunchForm::default() };
        assert_eq!(form.arrival_date(), "2027-03-02");
        form.user_launch_date = "2027-03-09".into();
        assert_eq!(form.arrival_date(), "2027-03-09");
    }
}
