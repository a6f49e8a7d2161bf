//! The launch checklist: which items apply to this integration, their progress, what blocks
//! launch, and reviewer sign-offs that go stale when the work they approved changes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::conditions::{condition_holds, WhenUnknown};
use super::content::{ChecklistFile, ChecklistItem, Phase, Requirement};
use super::text::fnv1a64;
use super::vocab::Level;
use super::vocab::{Audience, Profile, Protocol};

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
    /// What was still open when the reviewer approved anyway, after confirming it: blockers and
    /// phases with changes requested, in words. Empty for a clean approval.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub approved_with_open: Vec<String>,
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

/// What decides which items apply: the profile's answers (names left out, so typing a name
/// changes nothing here) and the service level.
#[derive(Clone, Debug, PartialEq)]
pub struct Scope {
    pub profile: Profile,
    pub level: Option<Level>,
}

impl Scope {
    /// "Showing the items for IAL2/AAL2, SAML, and the public." with "none chosen yet" or "not
    /// known yet" in place of each missing answer.
    pub fn summary(&self) -> String {
        let level = self.level.map(|l| l.name().to_string()).unwrap_or_else(|| "every service level (none chosen yet)".into());
        let protocol = self.profile.protocol.map(Protocol::label).unwrap_or("both protocols (none chosen yet)");
        let audience = match self.profile.audience {
            Some(Audience::NotSure) | None => "every audience (not known yet)",
            Some(audience) => audience.label(),
        };
        format!("Showing the items for {level}, {protocol}, and {audience}.")
    }
}

/// How many items are hidden, in words; empty when none is.
pub fn hidden_text(count: usize) -> String {
    match count {
        0 => String::new(),
        1 => "1 item does not apply and is hidden.".to_string(),
        n => format!("{n} items do not apply and are hidden."),
    }
}

/// The line above the list of blockers.
pub fn blockers_text(count: usize) -> String {
    match count {
        1 => "1 required item is not done yet:".to_string(),
        n => format!("{n} required items are not done yet:"),
    }
}

/// The items of a phase that apply, in content order.
pub fn applicable_items<'a>(phase: &'a Phase, profile: &Profile, level: Option<Level>) -> Vec<&'a ChecklistItem> {
    phase.items.iter().filter(|item| applies(item, profile, level)).collect()
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    /// Recommended items marked not applicable with a reason: these count as complete.
    pub not_applicable: usize,
    /// Required items marked not applicable: the partner alone cannot waive them, so they
    /// count as open (and still block launch).
    pub required_marked_not_applicable: usize,
    pub applicable: usize,
}

impl Progress {
    /// Items with a decision: done, or a recommended item not applicable with a reason.
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
            required_marked_not_applicable: self.required_marked_not_applicable + other.required_marked_not_applicable,
            applicable: self.applicable + other.applicable,
        }
    }
}

/// Whether an item's work completes it. One meaning everywhere (progress, blockers, exports):
/// done completes any item; not applicable, with a reason, completes only a recommended item,
/// because a required item that applies cannot be waived by the partner alone.
pub fn completes(item: &ChecklistItem, work: &ItemWork) -> bool {
    match work.status {
        ItemStatus::Done => true,
        ItemStatus::NotApplicable => item.requirement == Requirement::Recommended && !work.na_reason.trim().is_empty(),
        ItemStatus::NotYet => false,
    }
}

/// Progress of one phase over its applicable items; hidden items never count.
pub fn phase_progress(phase: &Phase, work: &ChecklistWork, profile: &Profile, level: Option<Level>) -> Progress {
    let mut progress = Progress::default();
    for item in applicable_items(phase, profile, level) {
        progress.applicable += 1;
        let item_work = work.item(item.id);
        match item_work.status {
            ItemStatus::Done => progress.done += 1,
            ItemStatus::NotApplicable if item.requirement == Requirement::Required => progress.required_marked_not_applicable += 1,
            ItemStatus::NotApplicable if completes(item, &item_work) => progress.not_applicable += 1,
            _ => {}
        }
    }
    progress
}

pub fn overall_progress(checklist: &ChecklistFile, work: &ChecklistWork, profile: &Profile, level: Option<Level>) -> Progress {
    checklist.phases.iter().map(|phase| phase_progress(phase, work, profile, level)).fold(Progress::default(), Progress::add)
}

/// Required items that apply and are not complete, in checklist order: what blocks launch.
/// Marking a required item not applicable does not unblock it (see [`completes`]).
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
        .filter(|(_, item)| item.requirement == Requirement::Required && !completes(item, &work.item(item.id)))
        .collect()
}

/// What the item says when a required item is marked not applicable.
pub const REQUIRED_NOT_WAIVABLE: &str = "Login.gov requires this item for your integration, so marking it not applicable does not complete it: it still counts as open and blocks launch. If it really does not apply, check the answers that made it apply (your integration profile and service level), or ask Login.gov through the Partner Support Help Desk.";

/// The status of an item in words, the same on the review page and in every export.
pub fn status_text(item: &ChecklistItem, work: &ItemWork) -> String {
    match work.status {
        ItemStatus::NotApplicable if item.requirement == Requirement::Required => {
            // The reason exactly as typed: a reviewer reads what the team wrote.
            let reason = if work.na_reason.trim().is_empty() { String::new() } else { format!(" Reason given: {}", work.na_reason) };
            format!("Marked not applicable, but required here: still open.{reason}")
        }
        ItemStatus::NotApplicable if work.na_reason.trim().is_empty() => "Not applicable, no reason given yet: still open.".to_string(),
        ItemStatus::NotApplicable => format!("Not applicable: {}", work.na_reason),
        other => other.label().to_string(),
    }
}

/// What a reviewer approving `scope` should know is still open: the blockers in scope, and for
/// the whole checklist, the phases whose current sign-off asks for changes. Each is a sentence
/// naming the item or phase; empty when nothing is open.
pub fn open_concerns(checklist: &ChecklistFile, work: &ChecklistWork, profile: &Profile, level: Option<Level>, scope: &str) -> Vec<String> {
    let mut concerns: Vec<String> = blockers(checklist, work, profile, level)
        .into_iter()
        .filter(|(phase, _)| scope == OVERALL || phase.id == scope)
        .map(|(phase, item)| format!("Blocks launch: {} ({})", item.title, phase.title))
        .collect();
    if scope == OVERALL {
        for phase in checklist.phases {
            if let Some(sign_off) = work.sign_offs.get(phase.id).filter(|s| s.decision == Decision::ChangesRequested) {
                concerns.push(format!("Changes requested: {} (by {} on {})", phase.title, sign_off.reviewer, sign_off.date));
            }
        }
    }
    concerns
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
        evidence: match evidence(&work.evidence) {
            Evidence::BadLink(message) => Some(message),
            _ => None,
        },
    }
}

/// What the evidence field holds: words (where the proof is kept, such as "ticket 4521 in
/// our tracker"), a web link, or something that looks like a link but is not a safe one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Evidence<'a> {
    Empty,
    /// Words, exactly as typed.
    Text(&'a str),
    /// A valid `https://` address (trimmed), shown as a link.
    Link(&'a str),
    /// Looks like a web address but is not a valid `https://` one: why, in words.
    BadLink(&'static str),
}

/// Schemes that make text a link (or a trap) rather than words.
const LINK_SCHEMES: [&str; 9] = ["https", "http", "ftp", "file", "javascript", "data", "vbscript", "mailto", "tel"];

pub fn evidence(typed: &str) -> Evidence<'_> {
    let text = typed.trim();
    if text.is_empty() {
        return Evidence::Empty;
    }
    let lower = text.to_ascii_lowercase();
    let scheme = lower.split_once(':').map(|(scheme, _)| scheme).filter(|s| LINK_SCHEMES.contains(s));
    let first_word = lower.split_whitespace().next().unwrap_or_default();
    let domain_path = first_word.split_once('/').is_some_and(|(host, _)| looks_like_host(host));
    if scheme.is_none() && !first_word.starts_with("www.") && !domain_path {
        // Words are shown exactly as typed.
        return Evidence::Text(typed);
    }
    match scheme {
        Some("https") => {
            let rest = &text["https:".len()..];
            let host = rest.strip_prefix("//").map(|r| r.split(['/', '?', '#']).next().unwrap_or_default());
            match host {
                _ if text.contains(char::is_whitespace) => Evidence::BadLink("This link has a space in it. Enter the address without spaces, or describe where the evidence is kept in words."),
                Some(host) if looks_like_host(&host.to_ascii_lowercase()) => Evidence::Link(text),
                _ => Evidence::BadLink("This link is not a complete web address. Enter it as https:// followed by the site, for example https://tickets.example.gov/4521."),
            }
        }
        Some("http") => {
            Evidence::BadLink("Evidence links must be secure: use the https:// address of the page, or describe where the evidence is kept in words.")
        }
        Some(_) => Evidence::BadLink(
            "Only https:// web links can be evidence links. Enter the page’s https:// address, or describe where the evidence is kept in words.",
        ),
        None => Evidence::BadLink("This looks like a web address without https://. Enter the full address, starting with https://."),
    }
}

/// A host name such as `tickets.example.gov` or `localhost:8443`: letters, digits, dots,
/// dashes and a port, with a dot-separated top-level name of letters.
fn looks_like_host(host: &str) -> bool {
    let name = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let name = match name.rsplit_once(':') {
        Some((name, port)) if !port.is_empty() && port.chars().all(|c| c.is_ascii_digit()) => name,
        _ => name,
    };
    let labels: Vec<&str> = name.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && labels.last().is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
}

/// A fingerprint of everything a sign-off on `scope` approves: the profile and level (they
/// decide which items apply) and the work on each applicable item in scope.
pub fn fingerprint(checklist: &ChecklistFile, work: &ChecklistWork, profile: &Profile, level: Option<Level>, scope: &str) -> String {
    let mut text = format!("{:?}|{:?}|{:?}|", profile.protocol, profile.audience, level);
    // Added after the first sign-offs were made: only an answer changes the text, so a
    // sign-off made before these questions existed stays current until they are answered.
    if let Some(partner) = profile.partner_type {
        text.push_str(&format!("partner={}|", partner.id()));
    }
    if let Some(flow) = profile.oidc_flow {
        text.push_str(&format!("flow={}|", flow.id()));
    }
    for phase in checklist.phases.iter().filter(|p| scope == OVERALL || p.id == scope) {
        for item in applicable_items(phase, profile, level) {
            let w = work.item(item.id);
            text.push_str(&format!("{}\u{1f}{:?}\u{1f}{}\u{1f}{}\u{1f}{}\u{1e}", item.id, w.status, w.na_reason, w.note, w.evidence));
        }
    }
    format!("{:016x}", fnv1a64(text.as_bytes()))
}

/// True when the work a sign-off approved has changed since.
pub fn is_stale(sign_off: &SignOff, current_fingerprint: &str) -> bool {
    sign_off.fingerprint != current_fingerprint
}

/// A sign-off as every page and export shows it: absent, current, or stale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignOffState<'a> {
    None,
    Current(&'a SignOff),
    /// The work changed after this sign-off.
    Stale(&'a SignOff),
}

impl SignOffState<'_> {
    /// One line for summaries: "Approved by Pat (ISSO) on 2026-11-23 – stale: …".
    pub fn summary(&self) -> String {
        match self {
            SignOffState::None => "not signed off yet".to_string(),
            SignOffState::Current(s) => format!("{}{}", sign_off_line(s), approved_with_open_note(s)),
            SignOffState::Stale(s) => format!("{}{}. Stale: the work changed after this sign-off", sign_off_line(s), approved_with_open_note(s)),
        }
    }
}

fn sign_off_line(s: &SignOff) -> String {
    format!("{} by {} ({}) on {}", s.decision.label(), s.reviewer, s.role, s.date)
}

fn approved_with_open_note(s: &SignOff) -> String {
    match s.approved_with_open.len() {
        0 => String::new(),
        1 => ", with 1 item still open".to_string(),
        n => format!(", with {n} items still open"),
    }
}

/// The state of the sign-off on `scope` (a phase id or [`OVERALL`]) for the current work.
pub fn sign_off_state<'a>(
    checklist: &ChecklistFile,
    work: &'a ChecklistWork,
    profile: &Profile,
    level: Option<Level>,
    scope: &str,
) -> SignOffState<'a> {
    match work.sign_offs.get(scope) {
        None => SignOffState::None,
        Some(s) if is_stale(s, &fingerprint(checklist, work, profile, level, scope)) => SignOffState::Stale(s),
        Some(s) => SignOffState::Current(s),
    }
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
    /// Approving while something is open needs the reviewer to confirm they saw it.
    pub confirm: Option<&'static str>,
}

impl SignOffErrors {
    pub fn any(&self) -> bool {
        self.reviewer.is_some() || self.role.is_some() || self.date.is_some() || self.decision.is_some() || self.confirm.is_some()
    }

    /// The errors in the form's order, with the field each belongs to, for the error summary.
    pub fn in_form_order(&self) -> Vec<(SignOffField, &'static str)> {
        [
            (SignOffField::Reviewer, self.reviewer),
            (SignOffField::Role, self.role),
            (SignOffField::Date, self.date),
            (SignOffField::Decision, self.decision),
            (SignOffField::Confirm, self.confirm),
        ]
        .into_iter()
        .filter_map(|(field, message)| message.map(|m| (field, m)))
        .collect()
    }
}

/// The fields of the sign-off form, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignOffField {
    Reviewer,
    Role,
    Date,
    Decision,
    Confirm,
}

impl SignOffField {
    pub fn id(self) -> &'static str {
        match self {
            SignOffField::Reviewer => "reviewer",
            SignOffField::Role => "role",
            SignOffField::Date => "date",
            SignOffField::Decision => "decision",
            SignOffField::Confirm => "confirm",
        }
    }
}

/// Checks a sign-off form; on success returns the sign-off with the given fingerprint.
/// `open` is what [`open_concerns`] found; an approval with anything open needs `confirmed`,
/// and records what was open.
pub fn validate_sign_off_with(draft: &SignOffDraft, fingerprint: String, open: &[String], confirmed: bool) -> Result<SignOff, SignOffErrors> {
    let mut result = validate_sign_off(draft, fingerprint);
    let approving = draft.decision == Some(Decision::Approved);
    if approving && !open.is_empty() && !confirmed {
        let confirm = Some("Confirm that you approve although the items listed are still open, or choose changes requested.");
        return Err(match result {
            Ok(_) => SignOffErrors { confirm, ..SignOffErrors::default() },
            Err(errors) => SignOffErrors { confirm, ..errors },
        });
    }
    if let Ok(sign_off) = &mut result {
        if approving {
            sign_off.approved_with_open = open.to_vec();
        }
    }
    result
}

/// Checks a sign-off form; on success returns the sign-off with the given fingerprint.
pub fn validate_sign_off(draft: &SignOffDraft, fingerprint: String) -> Result<SignOff, SignOffErrors> {
    let errors = SignOffErrors {
        reviewer: draft.reviewer.trim().is_empty().then_some("Enter the reviewer’s name."),
        role: draft.role.trim().is_empty().then_some("Enter the reviewer’s role, for example ISSO or program manager."),
        date: super::dates::Date::parse_iso(draft.date.trim()).is_none().then_some("Enter the date as year-month-day, for example 2026-11-23."),
        decision: draft.decision.is_none().then_some("Choose approved or changes requested."),
        confirm: None,
    };
    match draft.decision {
        Some(decision) if !errors.any() => Ok(SignOff {
            reviewer: draft.reviewer.trim().to_string(),
            role: draft.role.trim().to_string(),
            date: draft.date.trim().to_string(),
            decision,
            comments: draft.comments.trim().to_string(),
            fingerprint,
            approved_with_open: Vec::new(),
        }),
        _ => Err(errors),
    }
}
