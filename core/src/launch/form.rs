//! A new launch form, filled in from what the record already knows.

use crate::record::ReadinessRecord;
use crate::vocab::Audience;

use super::fields::{LaunchForm, RAMP_ALL_AT_ONCE};

/// A new form filled in from the readiness record: the audience when the record says the
/// public signs in, the help-desk text from the support kit, and starting values for the
/// rollout (all at once) and the languages (100% English) that the user can change.
pub fn prefill(record: &ReadinessRecord) -> LaunchForm {
    LaunchForm {
        audience: if record.profile.audience == Some(Audience::Public) { "general-public".into() } else { String::new() },
        help_desk_other: record.support.help_desk.clone(),
        ramp: RAMP_ALL_AT_ONCE.into(),
        share_en: "100".into(),
        share_es: "0".into(),
        share_fr: "0".into(),
        share_zh: "0".into(),
        ..LaunchForm::default()
    }
}

/// The form in the record, or a new one filled in from what the record knows.
pub fn current_form(record: &ReadinessRecord) -> LaunchForm {
    record.launch.form.clone().unwrap_or_else(|| prefill(record))
}
