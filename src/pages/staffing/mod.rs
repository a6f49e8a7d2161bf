//! `/staffing`: Login.gov's own staff plan the Contact Center for many launches at once. Launch
//! requests made by `/launch` are imported as files, checked one by one and planned together
//! (`logic::planner`); the workspace is kept in the browser's database (`crate::planner_db`),
//! apart from the partner's record. This page lays out the parts; each part reads the
//! [`Planner`] signals and calls the rules.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;

use crate::components::page::PageHeading;
use crate::logic::launch::assumptions_from;
use crate::logic::planner::{
    contact_assumptions, restore, settings_json_of, stored_request, Plan, PlanBasis, PlanContacts, PlannedLaunch, SetAside, Window, Workspace,
};
use crate::logic::routes::STAFFING;
use crate::logic::staffing::Assumptions;
use crate::planner_db::{DbError, PlannerDb};

mod assumptions;
mod import;
mod launch_list;
mod plan_view;

use assumptions::PlannerAssumptions;
use import::ImportArea;
use launch_list::LaunchList;
use plan_view::{PlanExports, PlanFigures, PlanFlags};

/// Where the workspace is kept, as the page tells the planner.
#[derive(Clone, Debug, PartialEq)]
enum Keeping {
    /// Reading what the database holds.
    Opening,
    /// Every change is saved in the browser's database.
    Saved,
    /// Kept in memory only, and why; `retry` when saving again may work (a full disk).
    InMemory { reason: String, retry: bool },
}

/// The planner's workspace, one signal per part, so switching a launch off does not forecast
/// every launch again (only new launches, assumptions or own-assumption choices do).
#[derive(Clone, Copy)]
struct Planner {
    launches: RwSignal<Vec<PlannedLaunch>>,
    assumption_texts: RwSignal<BTreeMap<String, String>>,
    switched_off: RwSignal<BTreeSet<String>>,
    own: RwSignal<BTreeSet<String>>,
    keeping: RwSignal<Keeping>,
    /// What is saved on top of the settings at the next save: requests to put and to delete.
    unsaved: StoredValue<Unsaved>,
    /// A save is running: the status says "Saving" until it ends.
    saving: RwSignal<bool>,
    db: StoredValue<Option<Rc<PlannerDb>>, LocalStorage>,
    /// Entries set aside when the saved workspace was read, offered for download.
    set_aside: RwSignal<Vec<SetAside>>,
}

/// What the next save writes: the settings, always, and these requests.
#[derive(Default)]
struct Unsaved {
    any: bool,
    put: BTreeSet<String>,
    delete: BTreeSet<String>,
}

impl Planner {
    fn new() -> Planner {
        Planner {
            launches: RwSignal::new(Vec::new()),
            assumption_texts: RwSignal::new(BTreeMap::new()),
            switched_off: RwSignal::new(BTreeSet::new()),
            own: RwSignal::new(BTreeSet::new()),
            keeping: RwSignal::new(Keeping::Opening),
            unsaved: StoredValue::new(Unsaved::default()),
            saving: RwSignal::new(false),
            db: StoredValue::new_local(None),
            set_aside: RwSignal::new(Vec::new()),
        }
    }

    fn workspace(&self) -> Workspace {
        Workspace {
            launches: self.launches.get_untracked(),
            assumption_texts: self.assumption_texts.get_untracked(),
            switched_off: self.switched_off.get_untracked(),
            own_assumptions: self.own.get_untracked(),
        }
    }

    fn settings(&self) -> String {
        // Built from the parts, without cloning a thousand requests.
        self.launches.with_untracked(|launches| {
            let order: Vec<&str> = launches.iter().map(|l| l.key.as_str()).collect();
            settings_json_of(&order, &self.assumption_texts.get_untracked(), &self.switched_off.get_untracked(), &self.own.get_untracked())
        })
    }

    /// Opens the database and restores what it holds; anything unreadable is set aside there,
    /// with the reason, and offered for download.
    async fn open(self) {
        let db = match PlannerDb::open().await {
            Ok(db) => Rc::new(db),
            Err(error) => return self.keep_in_memory(&error),
        };
        let stored = match db.load().await {
            Ok(stored) => stored,
            Err(error) => return self.keep_in_memory(&error),
        };
        let restored = restore(stored.settings.as_deref(), stored.requests);
        if !restored.set_aside.is_empty() {
            let items: Vec<(String, String)> = restored.set_aside.iter().map(|s| (s.key.clone().unwrap_or_default(), s.to_json())).collect();
            let settings_unreadable = restored.set_aside.iter().any(|s| s.key.is_none());
            if let Err(error) = db.set_aside(&items, settings_unreadable).await {
                // Kept where it was: nothing is written over it in this visit.
                self.set_aside.set(restored.set_aside);
                return self.keep_in_memory(&error);
            }
            self.set_aside.set(restored.set_aside);
        }
        let workspace = restored.workspace;
        self.launches.set(workspace.launches);
        self.assumption_texts.set(workspace.assumption_texts);
        self.switched_off.set(workspace.switched_off);
        self.own.set(workspace.own_assumptions);
        self.db.set_value(Some(db));
        self.keeping.set(Keeping::Saved);
    }

    fn keep_in_memory(&self, error: &DbError) {
        self.db.set_value(None);
        self.keeping.set(Keeping::InMemory { reason: error.describe(), retry: matches!(error, DbError::Quota) });
    }

    /// Marks requests as changed (imported or replaced) or removed, then saves.
    fn changed_requests(&self, put: impl IntoIterator<Item = String>, delete: impl IntoIterator<Item = String>) {
        self.unsaved.update_value(|u| {
            u.any = true;
            for key in put {
                u.delete.remove(&key);
                u.put.insert(key);
            }
            for key in delete {
                u.put.remove(&key);
                u.delete.insert(key);
            }
        });
        self.save();
    }

    /// Saves the settings and the changed requests, one save at a time; changes made meanwhile
    /// go in the next. Nothing is saved while the workspace is kept in memory.
    fn save(self) {
        if self.saving.get_untracked() || self.keeping.get_untracked() != Keeping::Saved {
            return;
        }
        let Some(db) = self.db.get_value() else { return };
        self.saving.set(true);
        // After the next paint: writing a thousand requests should not hold back showing them.
        request_animation_frame(move || set_timeout(move || self.write(db), std::time::Duration::ZERO));
    }

    fn write(self, db: Rc<PlannerDb>) {
        leptos::task::spawn_local(async move {
            while self.unsaved.with_value(|u| u.any) {
                let Unsaved { put, delete, .. } = self.unsaved.try_update_value(std::mem::take).unwrap_or_default();
                let entries: Vec<(String, String)> =
                    self.launches.with_untracked(|launches| launches.iter().filter(|l| put.contains(&l.key)).map(stored_request).collect());
                let delete: Vec<String> = delete.into_iter().collect();
                if let Err(error) = db.save(&self.settings(), &entries, &delete).await {
                    self.keep_in_memory(&error);
                    break;
                }
            }
            self.saving.set(false);
        });
    }

    /// Settings changed (assumptions, switches): save them.
    fn settings_changed(self) {
        self.unsaved.update_value(|u| u.any = true);
        self.save();
    }

    /// After the disk was full: tries to write the whole workspace again.
    fn retry_saving(self) {
        leptos::task::spawn_local(async move {
            let db = match self.db.get_value() {
                Some(db) => db,
                None => match PlannerDb::open().await {
                    Ok(db) => Rc::new(db),
                    Err(error) => return self.keep_in_memory(&error),
                },
            };
            let entries: Vec<(String, String)> = self.launches.with_untracked(|l| l.iter().map(stored_request).collect());
            match db.replace_all(&self.settings(), &entries).await {
                Ok(()) => {
                    self.unsaved.set_value(Unsaved::default());
                    self.db.set_value(Some(db));
                    self.keeping.set(Keeping::Saved);
                }
                Err(error) => self.keep_in_memory(&error),
            }
        });
    }
}

/// The parsed planner assumptions with any field errors, as on `/launch`.
type AssumptionState = (Assumptions, Vec<(&'static str, String)>);

#[component]
pub fn StaffingPage() -> impl IntoView {
    let planner = Planner::new();
    // Busy until the workspace is restored: the page is not settled while it shows "loading".
    crate::browser::spawn_busy(planner.open());
    let assumption_state: Memo<AssumptionState> = Memo::new(move |_| planner.assumption_texts.with(assumptions_from));
    // Each launch's contacts forecast once, again only when launches or the assumptions that
    // change contacts do; the agents sized again when the other assumptions change; switching
    // launches off only adds the days up again.
    let contact_part = Memo::new(move |_| assumption_state.with(|(a, _)| contact_assumptions(a)));
    let contacts = Memo::new_owning(move |_: Option<Option<Arc<PlanContacts>>>| {
        let assumptions = contact_part.get();
        let own = planner.own.get();
        let contacts = planner.launches.with(|launches| {
            let refs: Vec<&PlannedLaunch> = launches.iter().collect();
            Window::around(&refs).map(|window| Arc::new(PlanContacts::new(&refs, &assumptions, &own, window)))
        });
        (contacts, true)
    });
    let basis = Memo::new_owning(move |_: Option<Option<Arc<PlanBasis>>>| {
        let sized = contacts.get().map(|c| Arc::new(assumption_state.with(|(a, _)| PlanBasis::sized(c, a))));
        (sized, true)
    });
    let plan: Memo<Option<Plan>> = Memo::new(move |_| {
        let off = planner.switched_off.get();
        basis.with(|b| b.as_ref().map(|b| b.plan(&off)))
    });
    provide_context(planner);

    view! {
        <PageHeading title=STAFFING.title />
        <p class="usa-intro">"For Login.gov’s Contact Center: import the launch requests partners make on this portal’s launch page, and see what all of them together ask of the phones and the contact form, day by day."</p>
        <p>"Everything stays in this browser. The workspace is kept in the browser’s database, apart from any partner’s record, until you remove it."</p>
        <KeepingStatus />
        <ImportArea />
        {move || planner.launches.with(Vec::is_empty).then(|| view! {
            <p class="staffing-empty" data-testid="staffing-empty">"No launch requests yet. Import the files partners downloaded or submitted from the launch page; the plan appears here."</p>
        })}
        <Show when=move || planner.launches.with(|l| !l.is_empty())>
            <PlanFigures plan=plan />
            <PlanFlags plan=plan />
            <LaunchList plan=plan />
            <PlannerAssumptions assumption_state=assumption_state />
            <PlanExports plan=plan />
        </Show>
    }
}

/// Where the workspace is kept, and what to do when it is not saved.
#[component]
fn KeepingStatus() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let store = crate::store::use_store();
    let download_set_aside = move |_| {
        let body = planner.set_aside.with(|items| format!("[{}]", items.iter().map(SetAside::to_json).collect::<Vec<_>>().join(",\n")));
        let file = crate::logic::export::DownloadFile {
            name: format!("staffing-set-aside-{}.json", crate::browser::today_iso()),
            mime: "application/json",
            body,
        };
        store.offer_download(&file);
    };
    view! {
        {move || match planner.keeping.get() {
            Keeping::Opening => view! { <p class="keeping" role="status" data-testid="keeping">"Opening the saved workspace…"</p> }.into_any(),
            Keeping::Saved => view! {
                <p class="keeping" role="status" data-testid="keeping">
                    {move || if planner.saving.get() { "Saving in this browser’s database…" } else { "Saved in this browser’s database." }}
                </p>
            }.into_any(),
            Keeping::InMemory { reason, retry } => view! {
                <div class="usa-alert usa-alert--warning usa-alert--slim" role="status" data-testid="keeping">
                    <div class="usa-alert__body">
                        <p class="usa-alert__text">{format!("The workspace is not being saved: {reason}. It works in memory until you leave or reload this page: download the workspace below to keep it.")}</p>
                        {retry.then(|| view! { <button type="button" class="usa-button usa-button--outline" on:click=move |_| planner.retry_saving()>"Try saving again"</button> })}
                    </div>
                </div>
            }.into_any(),
        }}
        {move || planner.set_aside.with(|items| (!items.is_empty()).then(|| {
            let count = items.len();
            view! {
                <div class="usa-alert usa-alert--warning usa-alert--slim" role="status" data-testid="set-aside">
                    <div class="usa-alert__body">
                        <p class="usa-alert__text">{format!(
                            "{} of the saved workspace could not be read and {} set aside, not deleted: {}",
                            if count == 1 { "One entry".to_string() } else { format!("{count} entries") },
                            if count == 1 { "was" } else { "were" },
                            items.iter().map(|s| s.reason.clone()).collect::<Vec<_>>().join(" ")
                        )}</p>
                        <button type="button" class="usa-button usa-button--outline" on:click=download_set_aside>"Download what was set aside"</button>
                    </div>
                </div>
            }
        }))}
    }
}
