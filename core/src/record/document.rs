//! The record itself: its parts, its version, what can go wrong reading it, and its JSON and
//! file names.

use serde::{Deserialize, Serialize};

use crate::checklist::ChecklistWork;
use crate::launch::{LaunchForm, OutboxEntry, Receipt};
use crate::service_level::{self, Answers, Recommendation};
use crate::text::MAX_FIELD_CHARS;
use crate::vocab::{Level, Profile};

/// The version this build writes. Older versions are migrated on load and on import.
/// 1: profile only. 2: adds `service_level` (answers, chosen level, reason).
/// 3: adds `checklist` (item work and sign-offs).
/// 4: adds `support` (link attribution and launch email details).
/// 5: adds `launch` (the launch request draft, staffing assumptions, outbox and receipts).
/// 6: adds `profile.partner_type` and `profile.oidc_flow`; the launch draft's `launch_date`
///    becomes `deploy_date` (the date users get access is the new `user_launch_date`), and its
///    `help_desk_contact` becomes `help_desk_other` beside the new phone and email fields.
/// 7: a sign-off records what was still open when it was approved (`approved_with_open`), and a
///    receipt the fingerprint of what it received (`fingerprint`); both start empty.
/// 8: adds `launch.calendar` (the launch's one calendar UID and its SEQUENCE); a record that
///    already has receipts keeps the UID its downloads used, the last receipt's key.
/// 9: adds `profile.in_person` (whether in-person identity verification is enabled for the
///    integration), unanswered.
pub const RECORD_VERSION: u64 = 9;

/// Marks an exported file as ours, so a random JSON file is refused on import.
pub const RECORD_KIND: &str = "login-gov-partner-readiness-record";

/// The support kit's part of the record: what the agency typed into its tools.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SupportWork {
    /// `?agency=` value for Login.gov links, from the account manager.
    pub link_agency: String,
    /// `?integration=` value for Login.gov links, from the account manager.
    pub link_integration: String,
    /// The launch time frame for the announcement email, e.g. "in early March 2027".
    pub launch_window: String,
    /// How users reach the agency's own help desk.
    pub help_desk: String,
    /// Language code of the announcement email (en, es, fr, zh).
    pub email_lang: String,
}

/// The launch page's part of the record.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LaunchWork {
    /// The draft as typed; `None` until the partner first edits it (the page prefills it).
    pub form: Option<LaunchForm>,
    /// Staffing assumptions the reviewer changed, as typed, by assumption key.
    pub assumption_texts: std::collections::BTreeMap<String, String>,
    /// Submissions that have not reached the endpoint yet.
    pub outbox: Vec<OutboxEntry>,
    /// Submissions that went through, or were saved locally without an endpoint.
    pub receipts: Vec<Receipt>,
    /// The launch's calendar entry, the same in every `.ics` download.
    pub calendar: CalendarEntry,
}

/// One UID for a launch's calendar events for as long as the record lives, so each `.ics`
/// download updates the events already in a calendar instead of adding copies, and a SEQUENCE
/// raised whenever the events change, so calendars take the newer one (RFC 5545 §3.8.7.4).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CalendarEntry {
    /// Empty until the first download.
    pub uid: String,
    pub sequence: u32,
    /// A fingerprint of the events as last downloaded (see `launch::calendar_fingerprint`).
    pub fingerprint: String,
}

impl CalendarEntry {
    /// Readies the entry for a download of events with this fingerprint: a UID from `new_uid`
    /// the first time, and the SEQUENCE raised when the events differ from the last download.
    pub fn for_download(&mut self, fingerprint: &str, new_uid: impl FnOnce() -> String) {
        if self.uid.trim().is_empty() {
            *self = CalendarEntry { uid: new_uid(), sequence: 0, fingerprint: fingerprint.to_string() };
        } else if self.fingerprint != fingerprint {
            self.sequence = self.sequence.saturating_add(1);
            self.fingerprint = fingerprint.to_string();
        }
    }
}

/// The service-level guide's part of the record.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ServiceLevelWork {
    pub answers: Answers,
    /// The agency's own choice; `None` follows the recommendation.
    pub chosen: Option<Level>,
    /// Why the agency chose differently from the recommendation.
    pub override_reason: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReadinessRecord {
    pub kind: String,
    pub version: u64,
    #[serde(default)]
    pub profile: Profile,
    #[serde(default)]
    pub service_level: ServiceLevelWork,
    #[serde(default)]
    pub checklist: ChecklistWork,
    #[serde(default)]
    pub support: SupportWork,
    #[serde(default)]
    pub launch: LaunchWork,
}

impl Default for ReadinessRecord {
    fn default() -> Self {
        ReadinessRecord {
            kind: RECORD_KIND.to_string(),
            version: RECORD_VERSION,
            profile: Profile::default(),
            service_level: ServiceLevelWork::default(),
            checklist: ChecklistWork::default(),
            support: SupportWork::default(),
            launch: LaunchWork::default(),
        }
    }
}

impl LaunchWork {
    /// True once the partner has typed anything on the launch page: a form edit or a changed
    /// staffing assumption (the prefilled form alone is not a draft).
    pub fn has_draft(&self) -> bool {
        self.form.is_some() || !self.assumption_texts.is_empty()
    }
}

impl ReadinessRecord {
    pub fn recommendation(&self) -> Recommendation {
        service_level::recommend(&self.service_level.answers, self.profile.audience)
    }

    /// The level in words, saying whether it was recommended or chosen, and the agency's reason
    /// when its choice differs from the recommendation.
    pub fn level_summary(&self) -> (String, Option<String>) {
        let recommended = self.recommendation().level;
        match (self.service_level.chosen, recommended) {
            (Some(chosen), Some(rec)) if chosen == rec => (format!("{} (recommended, and chosen by the agency)", chosen.name()), None),
            (Some(chosen), rec) => (
                format!("{} (chosen by the agency; the portal recommends {})", chosen.name(), rec.map(|l| l.name()).unwrap_or("no level yet")),
                Some(self.service_level.override_reason.clone()),
            ),
            (None, Some(rec)) => (format!("{} (recommended)", rec.name()), None),
            (None, None) => ("not decided yet".to_string(), None),
        }
    }

    /// The level the rest of the portal works with: chosen, else recommended.
    /// What decides which checklist items apply: the profile's answers without the names, and
    /// the level in force.
    pub fn scope(&self) -> crate::checklist::Scope {
        crate::checklist::Scope {
            profile: Profile { agency: String::new(), application: String::new(), ..self.profile.clone() },
            level: self.level(),
        }
    }

    pub fn level(&self) -> Option<Level> {
        service_level::effective_level(self.service_level.chosen, self.recommendation().level)
    }
}

/// Why a stored or imported text is not a record this build can use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordError {
    NotJson(String),
    NotARecord,
    NoVersion,
    NewerVersion(u64),
    BadShape(String),
    /// Where the text is, in the pages' words.
    FieldTooLong(String),
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordError::NotJson(detail) => write!(f, "{detail}"),
            RecordError::NotARecord => {
                write!(f, "The file is JSON, but not a readiness record exported by this portal.")
            }
            RecordError::NoVersion => write!(f, "The record has no version number, so it cannot be read safely."),
            RecordError::NewerVersion(v) => {
                write!(f, "The record is version {v}, newer than this portal understands (version {RECORD_VERSION}). Use a newer copy of the portal.")
            }
            RecordError::BadShape(detail) => write!(f, "The record is damaged: {detail}."),
            RecordError::FieldTooLong(place) => {
                write!(f, "A text in {place} is longer than {MAX_FIELD_CHARS} characters.")
            }
        }
    }
}

/// What loading the saved text found.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadOutcome {
    /// Nothing saved yet: start fresh.
    Empty,
    /// Saved at the current version.
    Current(ReadinessRecord),
    /// Saved by an older version and brought up to date.
    Migrated { record: ReadinessRecord, from_version: u64 },
    /// Saved text this build cannot use. The caller keeps `raw` aside and tells the user.
    Unreadable { raw: String, error: RecordError },
}

/// The text saved to storage and written to an exported file.
pub fn to_json(record: &ReadinessRecord) -> String {
    serde_json::to_string_pretty(record).expect("a record always serialises")
}

/// A safe file-name part: letters, digits and dashes only, lowercase, at most 40 characters.
pub fn file_slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_end_matches('-').chars().take(40).collect();
    slug.trim_end_matches('-').to_string()
}

/// `readiness-<agency>-<application>-<date>.json`, skipping parts that are empty.
pub fn export_file_name(record: &ReadinessRecord, date_iso: &str, extension: &str) -> String {
    let parts: Vec<String> =
        ["readiness".to_string(), file_slug(&record.profile.agency), file_slug(&record.profile.application), file_slug(date_iso)]
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect();
    format!("{}.{extension}", parts.join("-"))
}
