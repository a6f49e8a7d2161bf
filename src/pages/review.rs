//! `/review`: a read-only summary of the whole record, sign-off per phase and overall (stale
//! once the work changes), and the exports: Markdown, CSV, JSON and print.

use leptos::prelude::*;

use crate::browser;
use crate::components::page::PageHeading;
use crate::components::radio::Radio;
use crate::components::settings_card::SettingsCard;
use crate::logic::checklist::{self, validate_sign_off, Decision, ItemStatus, SignOffDraft, SignOffErrors, OVERALL};
use crate::logic::content::{content, Content, Phase};
use crate::logic::export::{self, requirement_label};
use crate::logic::record::{self, export_file_name, ReadinessRecord};
use crate::logic::routes::{CHECKLIST, REVIEW};
use crate::pages::checklist::{use_scope, Blockers, Scope};
use crate::store::{use_store, NoticeKind};

#[component]
pub fn ReviewPage() -> impl IntoView {
    let scope = use_scope();
    let checklist = &content().checklist;
    view! {
        <PageHeading title=REVIEW.title />
        <p class="usa-intro">"Everything your team recorded, in one place. Check it, sign off each phase and the whole checklist, and export the result."</p>
        <Exports />
        <Summary />
        <SettingsCard heading_id="review-settings-heading" />
        <Blockers scope=scope />
        {checklist.phases.iter().map(|phase| view! { <PhaseReview phase=phase scope=scope /> }).collect_view()}
        <section aria-labelledby="overall-signoff-heading" class="phase-review">
            <h2 id="overall-signoff-heading">"Overall sign-off"</h2>
            <SignOffBlock scope_id=OVERALL label="the whole checklist" scope=scope />
        </section>
    }
}

#[component]
fn Summary() -> impl IntoView {
    let record = use_store().record;
    let level = Memo::new(move |_| record.with(ReadinessRecord::level_summary));
    let or_dash = |text: String| if text.trim().is_empty() { "—".to_string() } else { text };
    view! {
        <section aria-labelledby="summary-heading">
            <h2 id="summary-heading">"Integration"</h2>
            <dl class="summary-list" data-testid="summary">
                <dt>"Agency"</dt><dd>{move || record.with(|r| or_dash(r.profile.agency.clone()))}</dd>
                <dt>"Application"</dt><dd>{move || record.with(|r| or_dash(r.profile.application.clone()))}</dd>
                <dt>"Agency type"</dt><dd>{move || record.with(|r| r.profile.partner_type.map(|p| p.label()).unwrap_or("—"))}</dd>
                <dt>"Protocol"</dt><dd>{move || record.with(|r| r.profile.protocol.map(|p| p.label()).unwrap_or("—"))}</dd>
                <dt>"Who signs in"</dt><dd>{move || record.with(|r| r.profile.audience.map(|a| a.label()).unwrap_or("—"))}</dd>
                <dt>"Service level"</dt><dd data-testid="summary-level">{move || level.with(|(text, _)| text.clone())}</dd>
                {move || level.with(|(_, reason)| reason.clone()).map(|reason| view! { <dt>"Reason for the chosen level"</dt><dd class="preserve-lines">{or_dash(reason)}</dd> })}
            </dl>
        </section>
    }
}

#[component]
fn PhaseReview(phase: &'static Phase, scope: Memo<Scope>) -> impl IntoView {
    let record = use_store().record;
    let heading_id = format!("review-{}-heading", phase.id);
    let labelled_by = heading_id.clone();
    let rows = move || {
        let s = scope.get();
        checklist::applicable_items(phase, &s.profile, s.level)
            .into_iter()
            .map(|item| {
                let work = record.with(|r| r.checklist.item(&item.id));
                let status = match work.status {
                    ItemStatus::NotApplicable => format!("Not applicable: {}", work.na_reason),
                    other => other.label().to_string(),
                };
                view! {
                    <tr data-item=item.id.clone()>
                        <th scope="row"><a class="usa-link" href=format!("{}#{}", CHECKLIST.path, item.id)>{item.title.clone()}</a></th>
                        <td>{requirement_label(item.requirement)}</td>
                        <td class="preserve-lines">{status}</td>
                        <td class="preserve-lines">{work.note}</td>
                        <td class="break-anywhere">{work.evidence}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let progress = move || {
        let s = scope.get();
        let p = record.with(|r| checklist::phase_progress(phase, &r.checklist, &s.profile, s.level));
        format!("{} of {} applicable items complete.", p.complete(), p.applicable)
    };
    view! {
        <section aria-labelledby=labelled_by class="phase-review">
            <h2 id=heading_id>{phase.title.clone()}</h2>
            <p>{progress}</p>
            <div class="usa-table-container--scrollable" tabindex="0" role="region" aria-label=format!("{} items", phase.title)>
                <table class="usa-table usa-table--borderless review-table">
                    <thead>
                        <tr>
                            <th scope="col">"Item"</th>
                            <th scope="col">"Requirement"</th>
                            <th scope="col">"Status"</th>
                            <th scope="col">"Note"</th>
                            <th scope="col">"Evidence"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <SignOffBlock scope_id=phase.id.as_str() label=phase.title.as_str() scope=scope />
        </section>
    }
}

/// The current sign-off of a phase (or of everything), stale when the work changed since,
/// and the form to sign off again.
#[component]
fn SignOffBlock(scope_id: &'static str, label: &'static str, scope: Memo<Scope>) -> impl IntoView {
    let store = use_store();
    let record = store.record;
    let checklist = &content().checklist;
    let current_fingerprint = Memo::new(move |_| {
        let s = scope.get();
        record.with(|r| checklist::fingerprint(checklist, &r.checklist, &s.profile, s.level, scope_id))
    });
    let existing = Memo::new(move |_| record.with(|r| r.checklist.sign_offs.get(scope_id).cloned()));
    let stale = move || existing.with(|s| s.as_ref().is_some_and(|s| checklist::is_stale(s, &current_fingerprint.get())));

    let draft = RwSignal::new(SignOffDraft { date: browser::today_iso(), ..SignOffDraft::default() });
    let errors = RwSignal::new(SignOffErrors::default());
    let saved = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match validate_sign_off(&draft.get_untracked(), current_fingerprint.get_untracked()) {
            Ok(sign_off) => {
                errors.set(SignOffErrors::default());
                record.update(|r| {
                    r.checklist.sign_offs.insert(scope_id.to_string(), sign_off);
                });
                saved.set(true);
            }
            Err(found) => {
                errors.set(found);
                saved.set(false);
            }
        }
    };

    let prefix = format!("signoff-{scope_id}");
    let text_field = move |field: &'static str, label_text: &'static str, hint: Option<&'static str>,
                           get: fn(&SignOffDraft) -> String, set: fn(&mut SignOffDraft, String),
                           error: fn(&SignOffErrors) -> Option<&'static str>| {
        let input_id = format!("{prefix}-{field}");
        let error_id = format!("{input_id}-error");
        let hint_id = format!("{input_id}-hint");
        let described = {
            let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
            move || {
                let mut ids = Vec::new();
                if hint.is_some() {
                    ids.push(hint_id.clone());
                }
                if errors.with(|e| error(e).is_some()) {
                    ids.push(error_id.clone());
                }
                (!ids.is_empty()).then(|| ids.join(" "))
            }
        };
        view! {
            <div class="usa-form-group" class:usa-form-group--error=move || errors.with(|e| error(e).is_some())>
                <label class="usa-label" for=input_id.clone()>{label_text}</label>
                {hint.map(|h| view! { <span class="usa-hint" id=hint_id.clone()>{h}</span> })}
                {move || errors.with(error).map(|m| view! { <span class="usa-error-message" id=error_id.clone()>{m}</span> })}
                <input
                    class="usa-input"
                    id=input_id.clone()
                    maxlength=record::MAX_FIELD_CHARS.to_string()
                    aria-describedby=described
                    aria-invalid=move || errors.with(|e| error(e).is_some()).to_string()
                    prop:value=move || draft.with(get)
                    on:input=move |ev| { saved.set(false); draft.update(|d| set(d, event_target_value(&ev))) }
                />
            </div>
        }
    };
    let prefix = format!("signoff-{scope_id}");
    let decision_error_id = format!("{prefix}-decision-error");
    let decisions = Decision::ALL
        .into_iter()
        .map(|decision| {
            view! {
                <Radio id=format!("{prefix}-{}", decision.id()) name=format!("{prefix}-decision") value=decision.id() label=decision.label().to_string()
                    checked=Signal::derive(move || draft.with(|d| d.decision == Some(decision)))
                    on_choose=Callback::new(move |_| { saved.set(false); draft.update(|d| d.decision = Some(decision)) }) />
            }
        })
        .collect_view();
    let comments_id = format!("{prefix}-comments");

    view! {
        <div class="sign-off" data-testid=format!("signoff-{scope_id}")>
            <h3>{format!("Sign-off for {label}")}</h3>
            {move || match existing.get() {
                None => view! { <p class="sign-off__status">"Not signed off yet."</p> }.into_any(),
                Some(s) => view! {
                    <div class="sign-off__status" class:sign-off__status--stale=stale>
                        <p>
                            <strong>{s.decision.label()}</strong>" by "{s.reviewer.clone()}" ("{s.role.clone()}") on "{s.date.clone()}"."
                            {(!s.comments.is_empty()).then(|| view! { " Comments: "<span class="preserve-lines">{s.comments.clone()}</span> })}
                        </p>
                        <Show when=stale>
                            <p class="stale-warning" data-testid="stale"><strong>"Stale: "</strong>"the work changed after this sign-off. Review it again and sign off anew."</p>
                        </Show>
                    </div>
                }.into_any(),
            }}
            <form class="usa-form usa-form--large no-print" on:submit=submit novalidate>
                {text_field("reviewer", "Reviewer name", None, |d| d.reviewer.clone(), |d, v| d.reviewer = v, |e| e.reviewer)}
                {text_field("role", "Reviewer role", Some("For example ISSO, program manager or partner lead."), |d| d.role.clone(), |d, v| d.role = v, |e| e.role)}
                {text_field("date", "Date", Some("Year-month-day, for example 2026-11-23."), |d| d.date.clone(), |d, v| d.date = v, |e| e.date)}
                <fieldset class="usa-fieldset" aria-describedby=move || errors.with(|e| e.decision.is_some()).then(|| decision_error_id.clone())>
                    <legend class="usa-legend">"Decision"</legend>
                    {move || errors.with(|e| e.decision).map(|m| view! { <span class="usa-error-message" id=format!("signoff-{scope_id}-decision-error")>{m}</span> })}
                    <div class="radio-row">{decisions}</div>
                </fieldset>
                <label class="usa-label" for=comments_id.clone()>"Comments"</label>
                <textarea class="usa-textarea usa-textarea--short" id=comments_id maxlength=record::MAX_FIELD_CHARS.to_string()
                    prop:value=move || draft.with(|d| d.comments.clone())
                    on:input=move |ev| { saved.set(false); draft.update(|d| d.comments = event_target_value(&ev)) }></textarea>
                <button type="submit" class="usa-button">{format!("Sign off {label}")}</button>
                <p role="status">{move || saved.get().then_some("Signed off and saved.")}</p>
            </form>
        </div>
    }
}

#[component]
fn Exports() -> impl IntoView {
    let store = use_store();
    let record = store.record;
    let download = move |extension: &'static str, mime: &'static str, make: fn(&record::ReadinessRecord, &Content, &str) -> String| {
        move |_| {
            let today = browser::today_iso();
            let (name, text) = record.with(|r| (export_file_name(r, &today, extension), make(r, content(), &today)));
            if let Err(reason) = browser::download(&name, mime, &text) {
                store.notify(NoticeKind::Error, format!("The download did not start: {reason}."), None);
            }
        }
    };
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <section aria-labelledby="exports-heading" class="no-print exports">
            <h2 id="exports-heading">"Export"</h2>
            <p>"Files are named after the agency, the application and today’s date. The JSON file can be imported into this portal again."</p>
            <div class="export-buttons">
                <button type="button" class="usa-button" on:click=download("md", "text/markdown", export::markdown)>"Download Markdown"</button>
                <button type="button" class="usa-button" on:click=download("csv", "text/csv", export::csv)>"Download CSV"</button>
                <button type="button" class="usa-button" on:click=download("json", "application/json", export::record_json)>"Download JSON record"</button>
                <button type="button" class="usa-button usa-button--outline" on:click=print>"Print or save as PDF"</button>
            </div>
        </section>
    }
}
