use leptos::prelude::*;

use crate::browser;
use crate::logic::checklist::ItemStatus;
use crate::logic::content::content;
use crate::logic::routes::CHECKLIST;
use crate::store::use_store;

/// Lets a support tool tick its checklist item once the tool's work is done (`ready`).
/// The item's note records what the tool checked and when.
#[component]
pub fn TickItem(item_id: &'static str, #[prop(into)] ready: Signal<bool>, #[prop(into)] evidence: String) -> impl IntoView {
    let record = use_store().record;
    let title = content()
        .checklist
        .phases
        .iter()
        .flat_map(|p| p.items)
        .find(|i| i.id == item_id)
        .map(|i| i.title.to_string())
        .unwrap_or_else(|| item_id.to_string());
    let done = Memo::new(move |_| record.with(|r| r.checklist.item(item_id).status == ItemStatus::Done));
    let href = format!("{}#{item_id}", CHECKLIST.path);
    let tick = {
        let evidence = evidence.clone();
        move |_| {
            let line = format!("{} ({})", evidence, browser::today_iso());
            record.update(|r| {
                r.checklist.update_item(item_id, |w| {
                    w.status = ItemStatus::Done;
                    w.note = if w.note.trim().is_empty() { line } else { format!("{}\n{line}", w.note) };
                })
            });
        }
    };
    let title_done = title.clone();
    view! {
        <div class="tick-item no-print" data-testid=format!("tick-{item_id}")>
            {move || if done.get() {
                view! { <p>"Checklist: “"<a class="usa-link" href=href.clone()>{title_done.clone()}</a>"” is done."</p> }.into_any()
            } else if ready.get() {
                view! { <button type="button" class="usa-button usa-button--secondary" on:click=tick.clone()>{format!("Mark “{title}” done in the checklist")}</button> }.into_any()
            } else {
                ().into_any()
            }}
        </div>
    }
}
