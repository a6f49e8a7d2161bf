//! The one place the readiness record lives while the app runs: a signal, saved to
//! `localStorage` on every change, with notices for anything the user must know about
//! (unreadable saved data set aside, storage unavailable, a migrated record, a clash with
//! another tab). Tabs share the saved record: a change saved in one shows in the others (the
//! `storage` event), and a save never writes over another tab's newer save without merging it
//! first (`record::merge`), so no tab's work is lost.

use leptos::prelude::*;

use crate::browser;
use crate::logic::export::DownloadFile;
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

/// A record the user can switch to from a notice (for example this tab's side of a clash).
#[derive(Clone, Debug, PartialEq)]
pub struct NoticeAction {
    pub label: String,
    pub record: ReadinessRecord,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub id: u32,
    pub kind: NoticeKind,
    pub message: String,
    pub download: Option<NoticeDownload>,
    pub action: Option<NoticeAction>,
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
    /// The saved text as this tab last read or wrote it. When storage holds something else,
    /// another tab has saved since: its work is merged in before this tab saves.
    last_seen: StoredValue<Option<String>>,
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
            last_seen: StoredValue::new(None),
        };
        store.load();
        store.autosave();
        store.follow_other_tabs();
        store
    }

    pub fn notify(&self, kind: NoticeKind, message: impl Into<String>, download: Option<NoticeDownload>) {
        self.notify_with_action(kind, message, download, None);
    }

    pub fn notify_with_action(&self, kind: NoticeKind, message: impl Into<String>, download: Option<NoticeDownload>, action: Option<NoticeAction>) {
        let id = self.next_notice.get_value();
        self.next_notice.set_value(id + 1);
        let message = message.into();
        self.notices.update(|list| list.push(Notice { id, kind, message, download, action }));
    }

    /// Offers a file for download; when the browser refuses, says so in a notice. Every download
    /// in the app goes through here. True when the download started.
    pub fn offer_download(&self, file: &DownloadFile) -> bool {
        match browser::download(&file.name, file.mime, &file.body) {
            Ok(()) => true,
            Err(reason) => {
                self.notify(NoticeKind::Error, format!("The download did not start: {reason}."), None);
                false
            }
        }
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
        self.last_seen.set_value(saved.clone());
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
            // Another tab saved since this one last looked: merge its work in first. A changed
            // record runs this effect again, which then saves the merge.
            if self.catch_up() {
                return;
            }
            match self.record.with(|r| record::check_limits(r).map(|()| record::to_json(r))) {
                Err(error) => self.over_limit(error),
                Ok(text) => {
                    self.unsaveable.set_value(None);
                    match browser::storage_set(STORAGE_KEY, &text) {
                        Ok(()) => self.last_seen.set_value(Some(text)),
                        Err(reason) => self.storage_unavailable(&reason),
                    }
                }
            }
        });
    }

    /// Shows what other tabs save, as they save it.
    fn follow_other_tabs(self) {
        let listener = window_event_listener(leptos::ev::storage, move |event: web_sys::StorageEvent| {
            // `key` is None when another tab cleared all of the site's storage.
            if event.key().is_none_or(|key| key == STORAGE_KEY) && self.can_save.get_untracked() {
                self.catch_up();
            }
        });
        // The store lives as long as the app: the listener is never removed.
        std::mem::forget(listener);
    }

    /// Merges in what another tab has saved since this tab last read or wrote storage; true
    /// when that changed this tab's record. Events can arrive late, so storage itself is read,
    /// never the event's copy.
    fn catch_up(&self) -> bool {
        let Ok(stored) = browser::storage_get(STORAGE_KEY) else { return false };
        if self.last_seen.with_value(|seen| *seen == stored) {
            return false;
        }
        let theirs = match record::load(stored.as_deref()) {
            LoadOutcome::Empty => ReadinessRecord::default(),
            LoadOutcome::Current(record) | LoadOutcome::Migrated { record, .. } => record,
            LoadOutcome::Unreadable { error, .. } => {
                // Written by a newer portal in another tab, say: never save over it.
                self.can_save.set(false);
                self.notify(
                    NoticeKind::Warning,
                    format!("Another tab saved work that this tab cannot read ({error}) This tab stops saving so that it does not write over it: reload this tab to continue with the saved work, or download this tab's record first."),
                    None,
                );
                return false;
            }
        };
        let base = match record::load(self.last_seen.get_value().as_deref()) {
            LoadOutcome::Current(record) | LoadOutcome::Migrated { record, .. } => record,
            _ => ReadinessRecord::default(),
        };
        let mine = self.record.get_untracked();
        let merged = record::merge(&base, &mine, &theirs);
        self.last_seen.set_value(stored);
        if !merged.conflicts.is_empty() {
            self.notify_with_action(
                NoticeKind::Warning,
                format!(
                    "This work was also changed in another tab at the same time. Both tabs' changes are kept, except where both changed the same part ({}): there the other tab's version, saved first, is kept. You can use this tab's version of those parts instead, or download it.",
                    merged.conflicts.join("; ")
                ),
                Some(NoticeDownload {
                    label: "Download this tab's version".into(),
                    file_name: format!("readiness-record-this-tab-{}.json", browser::today_iso()),
                    contents: record::to_json(&merged.preferring_mine),
                }),
                Some(NoticeAction { label: "Use this tab's version".into(), record: merged.preferring_mine.clone() }),
            );
        }
        if merged.record == mine {
            return false;
        }
        self.record.set(merged.record);
        true
    }
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}
