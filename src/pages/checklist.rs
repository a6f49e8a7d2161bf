//! `/checklist`: the launch checklist in phases. Items show or hide with the profile and level;
//! each can be marked done, not applicable (with a reason) or not yet, with a note and evidence.

use leptos::prelude::*;

use crate::components::blockers::{use_scope, Blockers};
use crate::components::cited::{Cited, SourceLink};
use crate::components::deferred::Deferred;
use crate::components::field::Field;
use crate::components::page::PageHeading;
use crate::components::radio::Radio;
use crate::logic::checklist::{self, item_errors, ItemStatus, Scope};
use crate::logic::content::{content, ChecklistItem, Phase, Requirement};
use crate::logic::export::requirement_label;
use crate::logic::routes::{CHECKLIST, HOME, REVIEW, SERVICE_LEVEL};
use crate::store::use_store;

#[component]
pub fn ChecklistPage() -> impl IntoView {
    let store = use_store();
    let record = store.record;
    let scope = use_scope();
    let checklist = &content().checklist;

    let hidden =
        move || scope.with(|s| checklist.phases.iter().flat_map(|p| p.items).filter(|i| !checklist::applies(i, &s.profile, s.level)).count());
    let overall = move || {
        let s = scope.get();
        record.with(|r| checklist::overall_progress(checklist, &r.checklist, &s.profile, s.level))
    };

    view! {
        <PageHeading title=CHECKLIST.title />
        <p class="usa-intro">"Everything that must be true before your application launches with Login.gov, phase by phase. Your changes are saved as you go."</p>
        <p data-testid="scope">
            {move || scope.with(Scope::summary)}" "
            {move || checklist::hidden_text(hidden())}" "
            "Change this in "<a class="usa-link" href=format!("{}#profile", HOME.path)>"your integration profile"</a>" or the "
            <a class="usa-link" href=SERVICE_LEVEL.path>"service-level guide"</a>"."
        </p>
        <Blockers scope=scope />
        <p class="overall-progress" data-testid="overall-progress">
            {move || {
                let p = overall();
                format!("Overall: {} of {} applicable items complete ({}%).", p.complete(), p.applicable, p.percent())
            }}
        </p>
        <p>"When the work is done, a reviewer signs it off on the "<a class="usa-link" href=REVIEW.path>"review page"</a>"."</p>
        // One task per phase, so no single task builds the whole checklist.
        {checklist.phases.iter().map(|phase| view! { <Deferred><PhaseSection phase=phase scope=scope /></Deferred> }).collect_view()}
    }
}

#[component]
fn PhaseSection(phase: &'static Phase, scope: Memo<Scope>) -> impl IntoView {
    let record = use_store().record;
    let heading_id = format!("{}-heading", phase.id);
    let labelled_by = heading_id.clone();
    let progress = move || {
        let s = scope.get();
        let p = record.with(|r| checklist::phase_progress(phase, &r.checklist, &s.profile, s.level));
        format!("{} of {} complete", p.complete(), p.applicable)
    };
    let items = move || scope.with(|s| checklist::applicable_items(phase, &s.profile, s.level));
    view! {
        <section class="phase" aria-labelledby=labelled_by id=phase.id>
            <h2 id=heading_id>{phase.title}</h2>
            <p class="phase__summary">{phase.summary}</p>
            // The production steps are the sandbox Portal's today; Login.gov is moving them.
            {(phase.id == "phase-production").then(|| content().launch.fact("tl-production-portal").map(|fact| view! { <p data-testid="production-portal"><Cited fact=fact /></p> }))}
            <p class="phase__progress" data-testid=format!("progress-{}", phase.id)>{progress}</p>
            <For each=items key=|item| item.id let:item>
                <ItemCard item=item />
            </For>
        </section>
    }
}

#[component]
fn ItemCard(item: &'static ChecklistItem) -> impl IntoView {
    let record = use_store().record;
    let id = item.id;
    let work = Memo::new(move |_| record.with(|r| r.checklist.item(id)));
    let errors = Memo::new(move |_| work.with(item_errors));
    let update = move |change: Box<dyn FnOnce(&mut checklist::ItemWork)>| record.update(|r| r.checklist.update_item(id, change));

    let status_name = format!("{id}-status");
    let statuses = ItemStatus::ALL
        .into_iter()
        .map(|status| {
            view! {
                <Radio id=format!("{id}-{}", status.id()) name=status_name.clone() value=status.id() label=status.label().to_string()
                    checked=Signal::derive(move || work.with(|w| w.status == status))
                    on_choose=Callback::new(move |_| update(Box::new(move |w| w.status = status))) />
            }
        })
        .collect_view();

    let tag_class = format!("usa-tag requirement requirement--{}", requirement_label(item.requirement));

    let reason_field = move || {
        (work.with(|w| w.status) == ItemStatus::NotApplicable).then(|| {
            view! {
                <Field id=format!("{id}-na-reason") label="Why does this item not apply?" error=Signal::derive(move || errors.with(|e| e.na_reason.map(str::to_string)))
                    length_of=Signal::derive(move || work.with(|w| w.na_reason.clone())) let:control>
                    <textarea class="usa-textarea usa-textarea--short" id=control.id aria-describedby=move || control.described_by.get()
                        aria-invalid=move || control.invalid.get()
                        prop:value=move || work.with(|w| w.na_reason.clone())
                        on:input=move |ev| { let text = event_target_value(&ev); update(Box::new(move |w| w.na_reason = text)) }
                    ></textarea>
                </Field>
            }
        })
    };

    // The note and evidence fields are built when their details open (at once when they hold
    // something): a closed item then costs no fields, which keeps the page's start-up short.
    let details_open = RwSignal::new(work.with_untracked(|w| !w.note.is_empty() || !w.evidence.is_empty()));
    let on_toggle = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        if let Some(details) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            details_open.set(details.has_attribute("open"));
        }
    };
    let details_body = move || {
        details_open.get().then(|| {
            view! {
                <Field id=format!("{id}-note") label="Note" length_of=Signal::derive(move || work.with(|w| w.note.clone())) let:control>
                    <textarea class="usa-textarea usa-textarea--short" id=control.id aria-describedby=move || control.described_by.get()
                        prop:value=move || work.with(|w| w.note.clone())
                        on:input=move |ev| { let text = event_target_value(&ev); update(Box::new(move |w| w.note = text)) }
                    ></textarea>
                </Field>
                <Field id=format!("{id}-evidence") label="Evidence"
                    hint="Where the proof is kept: an https:// link to the ticket, document or page, or words such as “ticket 4521 in our tracker”."
                    error=Signal::derive(move || errors.with(|e| e.evidence.map(str::to_string))) length_of=Signal::derive(move || work.with(|w| w.evidence.clone())) let:control>
                    <input class="usa-input" type="text" id=control.id aria-describedby=move || control.described_by.get()
                        aria-invalid=move || control.invalid.get()
                        prop:value=move || work.with(|w| w.evidence.clone())
                        on:input=move |ev| { let text = event_target_value(&ev); update(Box::new(move |w| w.evidence = text)) }
                    />
                </Field>
            }
        })
    };

    view! {
        <article class="checklist-item" id=id aria-labelledby=format!("{id}-title") data-status=move || work.with(|w| w.status.id())>
            <h3 id=format!("{id}-title") class="checklist-item__title">
                {item.title}" "<span class=tag_class>{requirement_label(item.requirement)}</span>
            </h3>
            <p>{item.why}</p>
            {item.tool.as_ref().map(|tool| {
                let name = crate::logic::routes::ALL_PAGES.iter().find(|p| p.path == *tool).map(|p| p.nav_label).unwrap_or("tool");
                view! { <p class="checklist-item__tool"><a class="usa-link" href=*tool>{format!("Use the {}", name.to_lowercase())}<span class="usa-sr-only">{format!(" for {}", item.title)}</span></a></p> }
            })}
            {item.action.as_ref().map(|action| view! {
                <p class="checklist-item__action"><a class="usa-link" href=action.url rel="external noopener">{action.label}</a></p>
            })}
            <p class="checklist-item__meta">
                "Usually done by: "{item.owner}". "
                <SourceLink cite=item.cite about=item.title.to_string() />
            </p>
            <fieldset class="usa-fieldset">
                <legend class="usa-legend usa-legend--small">"Status"<span class="usa-sr-only">{format!(" of {}", item.title)}</span></legend>
                <div class="radio-row">{statuses}</div>
            </fieldset>
            {move || (item.requirement == Requirement::Required && work.with(|w| w.status) == ItemStatus::NotApplicable).then(|| view! {
                <div class="usa-alert usa-alert--warning usa-alert--slim usa-alert--no-icon" data-testid="required-not-waivable">
                    <div class="usa-alert__body"><p class="usa-alert__text">{checklist::REQUIRED_NOT_WAIVABLE}</p></div>
                </div>
            })}
            {reason_field}
            <details class="checklist-item__details" open=move || details_open.get() on:toggle=on_toggle>
                <summary>"Note and evidence"</summary>
                {details_body}
            </details>
        </article>
    }
}
