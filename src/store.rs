//! The one place the readiness record lives while the app runs: a signal, saved to
//! `localStorage` on every change, with notices for anything the user must know about
//! (unreadable saved data set aside, storage unavailable, a migrated record).

use leptos::prelude::*;

use crate::browser;
use crate::logic::record::{self, LoadOutcome, ReadinessRecord, RecordError};

pub const STORAGE_KEY: &str = "lgp-readiness-record";
/// Where unreadable saved data is kept, so nothing is silently dropped.
pub const SET_ASIDE_KEY: &str = "lgp-readiness-record-unreadable";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Success,
    Warning,
    Error,
}

impl NoticeKind {
    pub fn alert_class(self) -> &'static str {
        match self {
            NoticeKind::Info => "usa-alert usa-alert--info usa-alert--slim",
            NoticeKind::Success => "usa-alert usa-alert--success usa-alert--slim",
            NoticeKind::Warning => "usa-alert usa-alert--warning usa-alert--slim",
            NoticeKind::Error => "usa-alert usa-alert--error usa-alert--slim",
        }
    }
}

/// A file the user can download from a notice (for example set-aside data).
#[derive(Clone, Debug, PartialEq)]
pub struct NoticeDownload {
    pub label: String,
    pub file_name: String,
    pub contents: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub id: u32,
    pub kind: NoticeKind,
    pub message: String,
    pub download: Option<NoticeDownload>,
}

#[derive(Clone, Copy)]
pub struct Store {
    pub record: RwSignal<ReadinessRecord>,
    pub notices: RwSignal<Vec<Notice>>,
    /// False when the browser will not save: the app works in memory and says so.
    pub can_save: RwSignal<bool>,
    next_notice: StoredValue<u32>,
    /// Why the record is not being saved although the browser could save it (a field over the
    /// length limit), as last told to the user.
    unsaveable: StoredValue<Option<RecordError>>,
}

impl Store {
    /// Loads the saved record (never failing) and starts autosaving.
    pub fn start() -> Store {
        let store = Store {
            record: RwSignal::new(ReadinessRecord::default()),
            notices: RwSignal::new(Vec::new()),
            can_save: RwSignal::new(true),
            next_notice: StoredValue::new(0),
            unsaveable: StoredValue::new(None),
        };
        store.load();
        store.autosave();
        store
    }

    pub fn notify(&self, kind: NoticeKind, message: impl Into<String>, download: Option<NoticeDownload>) {
        let id = self.next_notice.get_value();
        self.next_notice.set_value(id + 1);
        let message = message.into();
        self.notices.update(|list| list.push(Notice { id, kind, message, download }));
    }

    pub fn dismiss(&self, id: u32) {
        self.notices.update(|list| list.retain(|n| n.id != id));
    }

    fn load(&self) {
        let saved = match browser::storage_get(STORAGE_KEY) {
            Ok(saved) => saved,
            Err(reason) => {
                self.storage_unavailable(&reason);
                return;
            }
        };
        match record::load(saved.as_deref()) {
            LoadOutcome::Empty => {}
            LoadOutcome::Current(loaded) => self.record.set(loaded),
            LoadOutcome::Migrated { record, from_version } => {
                self.record.set(record);
                self.notify(
                    NoticeKind::Info,
                    format!(
                        "Your saved work came from an older version of the portal (record version {from_version}) and was updated to version {}. Nothing was lost.",
                        record::RECORD_VERSION
                    ),
                    None,
                );
            }
            LoadOutcome::Unreadable { raw, error } => {
                let kept = browser::storage_set(SET_ASIDE_KEY, &raw).is_ok();
                let kept_note = if kept {
                    "It has been kept aside in this browser, and you can download it here."
                } else {
                    "This browser could not keep a copy, so download it now before you continue."
                };
                if !kept {
                    // Keep the unreadable data in place until the user has it.
                    self.can_save.set(false);
                }
                self.notify(
                    NoticeKind::Warning,
                    format!("Your saved work could not be opened: {error} You are starting with an empty record. {kept_note}"),
                    Some(NoticeDownload {
                        label: "Download the saved data".into(),
                        file_name: format!("unreadable-readiness-record-{}.json", browser::today_iso()),
                        contents: raw,
                    }),
                );
            }
        }
    }

    fn storage_unavailable(&self, reason: &str) {
        if self.can_save.get_untracked() {
            self.can_save.set(false);
            self.notify(
                NoticeKind::Warning,
                format!(
                    "Your work cannot be saved in this browser ({reason}). The portal still works, but your answers last only until you close this tab: download your record to keep them."
                ),
                None,
            );
        }
    }

    /// A record that `load` would refuse is never saved over the last good copy: the user is told
    /// once what to shorten, and saving resumes when it fits again.
    fn over_limit(&self, error: RecordError) {
        if self.unsaveable.with_value(|told| told.as_ref() != Some(&error)) {
            self.notify(
                NoticeKind::Warning,
                format!("Your latest changes are not saved: {error} Shorten it to save again; until then this browser keeps your last saved work."),
                None,
            );
            self.unsaveable.set_value(Some(error));
        }
    }

    fn autosave(self) {
        // The first run only subscribes to the record (the loaded state needs no saving); later
        // runs check and save each change, unless the browser will not save anyway.
        Effect::new(move |previous: Option<()>| {
            self.record.track();
            if previous.is_none() || !self.can_save.get_untracked() {
                return;
            }
            match self.record.with(|r| record::check_limits(r).map(|()| record::to_json(r))) {
                Err(error) => self.over_limit(error),
                Ok(text) => {
                    self.unsaveable.set_value(None);
                    if let Err(reason) = browser::storage_set(STORAGE_KEY, &text) {
                        self.storage_unavailable(&reason);
                    }
                }
            }
        });
    }
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}
