//! What blocks launch: the required items that apply and are not done, linked to the items
//! themselves. Shown on the checklist and on the review page.

use leptos::prelude::*;

use crate::browser;
use crate::logic::checklist::{self, Scope};
use crate::logic::content::content;
use crate::logic::record::ReadinessRecord;
use crate::logic::routes::CHECKLIST;
use crate::store::use_store;

/// The scope of the record, as a memo that changes only when what decides the items does, so
/// typing a note never re-renders the list.
pub fn use_scope() -> Memo<Scope> {
    let record = use_store().record;
    Memo::new(move |_| record.with(ReadinessRecord::scope))
}

/// Required items that apply and are not done, linked to the items themselves.
#[component]
pub fn Blockers(scope: Memo<Scope>) -> impl IntoView {
    let record = use_store().record;
    let checklist = &content().checklist;
    let list = move || {
        let s = scope.get();
        record.with(|r| {
            checklist::blockers(checklist, &r.checklist, &s.profile, s.level)
                .into_iter()
                .map(|(phase, item)| (phase.title, item.id, item.title))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="blockers" class:blockers--clear=move || list().is_empty() aria-labelledby="blockers-heading" data-testid="blockers">
            <h2 id="blockers-heading">"What blocks launch"</h2>
            {move || {
                let items = list();
                if items.is_empty() {
                    view! { <p data-testid="nothing-blocks">"Nothing blocks launch: every required item that applies is done."</p> }.into_any()
                } else {
                    let count = checklist::blockers_text(items.len());
                    view! {
                        <p>{count}</p>
                        <ul class="usa-list">
                            {items
                                .into_iter()
                                .map(|(phase, id, title)| {
                                    let target = id;
                                    // On this page, move focus to the item itself; from another
                                    // page the link opens the checklist, which focuses it.
                                    let go = move |ev: leptos::ev::MouseEvent| {
                                        if browser::current_path() == CHECKLIST.path && browser::focus_by_id(target) {
                                            ev.prevent_default();
                                        }
                                    };
                                    view! {
                                        <li><a class="usa-link" href=format!("{}#{id}", CHECKLIST.path) on:click=go>{title}</a>" ("{phase}")"</li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}
