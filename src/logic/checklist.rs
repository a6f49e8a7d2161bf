//! The launch checklist: which items apply to this integration, their progress, what blocks
//! launch, and reviewer sign-offs that go stale when the work they approved changes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::content::{ChecklistFile, ChecklistItem, Condition, Phase, Requirement};
use super::phone::fnv1a64;
use super::record::{Audience, Profile, Protocol};
use super::service_level::Level;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemStatus {
    #[default]
    NotYet,
    Done,
    NotApplicable,
}

impl ItemStatus {
    pub const ALL: [ItemStatus; 3] = [ItemStatus::NotYet, ItemStatus::Done, ItemStatus::NotApplicable];

    pub fn id(self) -> &'static str {
        match self {
            ItemStatus::NotYet => "not-yet",
            ItemStatus::Done => "done",
            ItemStatus::NotApplicable => "not-applicable",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ItemStatus::NotYet => "Not yet",
            ItemStatus::Done => "Done",
            ItemStatus::NotApplicable => "Not applicable",
        }
    }
}

/// The agency's work on one item.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ItemWork {
    pub status: ItemStatus,
    /// Required when the status is not applicable.
    pub na_reason: String,
    pub note: String,
    /// A link to where the evidence is kept (ticket, document, page).
    pub evidence: String,
}

impl ItemWork {
    pub fn is_empty(&self) -> bool {
        *self == ItemWork::default()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    Approved,
    ChangesRequested,
}

impl Decision {
    pub const ALL: [Decision; 2] = [Decision::Approved, Decision::ChangesRequested];

    pub fn id(self) -> &'static str {
        match self {
            Decision::Approved => "approved",
            Decision::ChangesRequested => "changes-requested",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Decision::Approved => "Approved",
            Decision::ChangesRequested => "Changes requested",
        }
    }
}

/// A reviewer's decision on one phase or on the whole checklist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignOff {
    pub reviewer: String,
    pub role: String,
    /// ISO date.
    pub date: String,
    pub decision: Decision,
    #[serde(default)]
    pub comments: String,
    /// Fingerprint of the work this sign-off saw; a different one now means it is stale.
    pub fingerprint: String,
}

/// What a sign-off covers: one phase by id, or the whole checklist.
pub const OVERALL: &str = "overall";

/// The checklist's part of the readiness record.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChecklistWork {
    /// By item id; items never touched are absent.
    pub items: BTreeMap<String, ItemWork>,
    /// By phase id, or `OVERALL`.
    pub sign_offs: BTreeMap<String, SignOff>,
}

impl ChecklistWork {
    pub fn item(&self, id: &str) -> ItemWork {
        self.items.get(id).cloned().unwrap_or_default()
    }

    /// Changes one item, dropping entries that are back to their default.
    pub fn update_item(&mut self, id: &str, change: impl FnOnce(&mut ItemWork)) {
        let mut work = self.item(id);
        change(&mut work);
        if work.is_empty() {
            self.items.remove(id);
        } else {
            self.items.insert(id.to_string(), work);
        }
    }
}

/// Whether an item applies. A condition part the agency has not answered yet
/// (no protocol, audience unknown, no level) does not hide the item: better shown than missed.
pub fn applies(item: &ChecklistItem, profile: &Profile, level: Option<Level>) -> bool {
    item.condition.as_ref().is_none_or(|condition| condition_holds(condition, profile, level, WhenUnknown::Holds))
}

/// What a condition part means while the answer it needs is not known yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WhenUnknown {
    /// The part holds: a checklist item is better shown than missed.
    Holds,
    /// The part fails: a text for users states only what is known to be true.
    Fails,
}

/// Whether every part of a condition matches the profile and level.
pub fn condition_holds(condition: &Condition, profile: &Profile, level: Option<Level>, unknown: WhenUnknown) -> bool {
    fn part<T, K>(wanted: Option<T>, known: Option<K>, matches: impl FnOnce(T, K) -> bool, unknown: WhenUnknown) -> bool {
        match (wanted, known) {
            (None, _) => true,
            (Some(wanted), Some(known)) => matches(wanted, known),
            (Some(_), None) => unknown == WhenUnknown::Holds,
        }
    }
    let audience = profile.audience.filter(|a| *a != Audience::NotSure);
    let certificate = if profile.protocol.is_none() { None } else { Some(profile.uses_certificate()) };
    part(condition.level.as_deref(), level, |wanted, level| wanted == level.id(), unknown)
        && part(condition.identity_verification, level, |wanted, level| wanted == level.verifies_identity(), unknown)
        && part(condition.protocol.as_deref(), profile.protocol, |wanted, protocol| wanted == Protocol::id(protocol), unknown)
        && part(condition.audience.as_deref(), audience, |wanted, audience| wanted == audience.id(), unknown)
        && part(condition.partner_type.as_deref(), profile.partner_type, |wanted, partner| wanted == partner.id(), unknown)
        && part(condition.certificate, certificate, |wanted, uses| wanted == uses, unknown)
}

/// The items of a phase that apply, in content order.
pub fn applicable_items<'a>(phase: &'a Phase, profile: &Profile, level: Option<Level>) -> Vec<&'a ChecklistItem> {
    phase.items.iter().filter(|item| applies(item, profile, level)).collect()
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub not_applicable: usize,
    pub applicable: usize,
}

impl Progress {
    /// Items with a decision: done, or not applicable with a reason.
    pub fn complete(&self) -> usize {
        self.done + self.not_applicable
    }

    /// Whole percent complete, rounded down; 100 only when every item is complete.
    pub fn percent(&self) -> usize {
        (self.complete() * 100).checked_div(self.applicable).unwrap_or(100)
    }

    fn add(self, other: Progress) -> Progress {
        Progress {
            done: self.done + other.done,
            not_applicable: self.not_applicable + other.not_applicable,
            applicable: self.applicable + other.applicable,
        }
    }
}

/// Progress of one phase over its applicable items; hidden items never count.
/// Not applicable counts as complete only with a reason.
pub fn phase_progress(phase: &Phase, work: &ChecklistWork, profile: &Profile, level: Option<Level>) -> Progress {
    let mut progress = Progress::default();
    for item in applicable_items(phase, profile, level) {
        progress.applicable += 1;
        let item_work = work.item(&item.id);
        match item_work.status {
            ItemStatus::Done => progress.done += 1,
            ItemStatus::NotApplicable if !item_work.na_reason.trim().is_empty() => progress.not_applicable += 1,
            _ => {}
        }
    }
    progress
}

pub fn overall_progress(checklist: &ChecklistFile, work: &ChecklistWork, profile: &Profile, level: Option<Level>) -> Progress {
    checklist
        .phases
        .iter()
        .map(|phase| phase_progress(phase, work, profile, level))
        .fold(Progress::default(), Progress::add)
}

/// Required items that apply and are not done, in checklist order: what blocks launch.
/// Marking a required item not applicable does not unblock it: Login.gov requires it.
pub fn blockers<'a>(
    checklist: &'a ChecklistFile,
    work: &ChecklistWork,
    profile: &Profile,
    level: Option<Level>,
) -> Vec<(&'a Phase, &'a ChecklistItem)> {
    checklist
        .phases
        .iter()
        .flat_map(|phase| applicable_items(phase, profile, level).into_iter().map(move |item| (phase, item)))
        .filter(|(_, item)| item.requirement == Requirement::Required && work.item(&item.id).status != ItemStatus::Done)
        .collect()
}

/// Problems with an item's work, shown next to its fields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ItemErrors {
    pub na_reason: Option<&'static str>,
    pub evidence: Option<&'static str>,
}

pub fn item_errors(work: &ItemWork) -> ItemErrors {
    ItemErrors {
        na_reason: (work.status == ItemStatus::NotApplicable && work.na_reason.trim().is_empty())
            .then_some("Say why this item does not apply. Until then it does not count as complete."),
        evidence: evidence_error(&work.evidence),
    }
}

fn evidence_error(link: &str) -> Option<&'static str> {
    let link = link.trim();
    if link.is_empty() {
        return None;
    }
    let rest = link.strip_prefix("https://").or_else(|| link.strip_prefix("http://"));
    match rest {
        Some(rest) if !rest.is_empty() && !rest.starts_with('/') && !link.contains(char::is_whitespace) => None,
        _ => Some("Enter a full web address that starts with https://, for example a link to your ticket or document."),
    }
}

/// A fingerprint of everything a sign-off on `scope` approves: the profile and level (they
/// decide which items apply) and the work on each applicable item in scope.
pub fn fingerprint(checklist: &ChecklistFile, work: &ChecklistWork, profile: &Profile, level: Option<Level>, scope: &str) -> String {
    let mut text = format!("{:?}|{:?}|{:?}|", profile.protocol, profile.audience, level);
    for phase in checklist.phases.iter().filter(|p| scope == OVERALL || p.id == scope) {
        for item in applicable_items(phase, profile, level) {
            let w = work.item(&item.id);
            text.push_str(&format!("{}\u{1f}{:?}\u{1f}{}\u{1f}{}\u{1f}{}\u{1e}", item.id, w.status, w.na_reason, w.note, w.evidence));
        }
    }
    format!("{:016x}", fnv1a64(text.as_bytes()))
}

/// True when the work a sign-off approved has changed since.
pub fn is_stale(sign_off: &SignOff, current_fingerprint: &str) -> bool {
    sign_off.fingerprint != current_fingerprint
}

/// What the reviewer typed into a sign-off form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SignOffDraft {
    pub reviewer: String,
    pub role: String,
    pub date: String,
    pub decision: Option<Decision>,
    pub comments: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SignOffErrors {
    pub reviewer: Option<&'static str>,
    pub role: Option<&'static str>,
    pub date: Option<&'static str>,
    pub decision: Option<&'static str>,
}

impl SignOffErrors {
    pub fn any(&self) -> bool {
        self.reviewer.is_some() || self.role.is_some() || self.date.is_some() || self.decision.is_some()
    }
}

/// Checks a sign-off form; on success returns the sign-off with the given fingerprint.
pub fn validate_sign_off(draft: &SignOffDraft, fingerprint: String) -> Result<SignOff, SignOffErrors> {
    let errors = SignOffErrors {
        reviewer: draft.reviewer.trim().is_empty().then_some("Enter the reviewer’s name."),
        role: draft.role.trim().is_empty().then_some("Enter the reviewer’s role, for example ISSO or program manager."),
        date: super::dates::Date::parse_iso(draft.date.trim())
            .is_none()
            .then_some("Enter the date as year-month-day, for example 2026-11-23."),
        decision: draft.decision.is_none().then_some("Choose approved or changes requested."),
    };
    match draft.decision {
        Some(decision) if !errors.any() => Ok(SignOff {
            reviewer: draft.reviewer.trim().to_string(),
            role: draft.role.trim().to_string(),
            date: draft.date.trim().to_string(),
            decision,
            comments: draft.comments.trim().to_string(),
            fingerprint,
        }),
        _ => Err(errors),
    }
}
