//! How much work a record holds, to say what an import would replace.

use crate::service_level;

use super::document::ReadinessRecord;

/// How much work a record holds, part by part, so that replacing it can say what would be lost.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WorkSummary {
    pub profile_answers: usize,
    pub service_level_answers: usize,
    /// Checklist items with a status, reason, note or evidence.
    pub checklist_items: usize,
    pub sign_offs: usize,
    pub launch_fields: usize,
    pub support_fields: usize,
    /// Launch submissions: receipts and those waiting to be sent.
    pub submissions: usize,
}

impl WorkSummary {
    pub fn of(record: &ReadinessRecord) -> WorkSummary {
        let filled = |text: &str| !text.trim().is_empty();
        let support = &record.support;
        WorkSummary {
            profile_answers: record.profile.answered(),
            service_level_answers: service_level::Question::ALL.into_iter().filter(|q| record.service_level.answers.get(*q).is_some()).count()
                + usize::from(record.service_level.chosen.is_some()),
            checklist_items: record.checklist.items.values().filter(|w| !w.is_empty()).count(),
            sign_offs: record.checklist.sign_offs.len(),
            launch_fields: record
                .launch
                .form
                .as_ref()
                .map_or(0, |form| crate::launch::LaunchField::ALL.iter().filter(|f| filled(form.get(**f))).count()),
            support_fields: [&support.link_agency, &support.link_integration, &support.launch_window, &support.help_desk]
                .into_iter()
                .filter(|t| filled(t))
                .count(),
            submissions: record.launch.receipts.len() + record.launch.outbox.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == WorkSummary::default()
    }

    /// The parts with work, in words: "4 checklist items, 1 sign-off and 9 launch request fields".
    pub fn describe(&self) -> String {
        let count = |n: usize, one: &str, many: &str| match n {
            0 => None,
            1 => Some(format!("1 {one}")),
            n => Some(format!("{n} {many}")),
        };
        let parts: Vec<String> = [
            count(self.profile_answers, "integration profile answer", "integration profile answers"),
            count(self.service_level_answers, "service-level answer", "service-level answers"),
            count(self.checklist_items, "checklist item with work", "checklist items with work"),
            count(self.sign_offs, "sign-off", "sign-offs"),
            count(self.launch_fields, "launch request field", "launch request fields"),
            count(self.support_fields, "support kit field", "support kit fields"),
            count(self.submissions, "launch submission", "launch submissions"),
        ]
        .into_iter()
        .flatten()
        .collect();
        match parts.as_slice() {
            [] => "nothing".to_string(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        }
    }
}

/// What importing `imported` would lose from `current`, in words, or `None` when nothing would
/// be lost: the current record is empty or the same as the file.
pub fn import_loss(current: &ReadinessRecord, imported: &ReadinessRecord) -> Option<String> {
    let summary = WorkSummary::of(current);
    if summary.is_empty() || current == imported {
        return None;
    }
    Some(format!("Importing replaces all the work shown here: {}. The file holds {}.", summary.describe(), WorkSummary::of(imported).describe()))
}
