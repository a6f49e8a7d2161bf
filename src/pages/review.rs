//! `/review`: a read-only summary of the whole record, sign-off per phase and overall (stale
//! once the work changes), and the exports: Markdown, CSV, JSON and print.

use leptos::prelude::*;

use crate::browser;
use crate::components::blockers::{use_scope, Blockers};
use crate::components::field::Field;
use crate::components::page::PageHeading;
use crate::components::radio::Radio;
use crate::components::settings_card::SettingsCard;
use crate::logic::checklist::Scope;
use crate::logic::checklist::{self, validate_sign_off_with, Decision, Evidence, SignOffDraft, SignOffErrors, SignOffState, OVERALL};
use crate::logic::content::{content, Content, Phase};
use crate::logic::export::DownloadFile;
use crate::logic::export::{self, requirement_label};
use crate::logic::record::{self, export_file_name};
use crate::logic::routes::{CHECKLIST, REVIEW};
use crate::store::use_store;

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

/// The same header facts every export starts with, so the page and the files agree.
#[component]
fn Summary() -> impl IntoView {
    let record = use_store().record;
    let facts = move || {
        record
            .with(|r| export::header_facts(r, content(), &browser::today_iso()))
            .into_iter()
            .filter(|(name, _)| *name != "Exported")
            .collect::<Vec<_>>()
    };
    view! {
        <section aria-labelledby="summary-heading">
            <h2 id="summary-heading">"Integration"</h2>
            <dl class="summary-list" data-testid="summary">
                {move || facts().into_iter().map(|(name, value)| view! {
                    <dt>{name}</dt>
                    <dd class="preserve-lines" data-fact=name>{value}</dd>
                }).collect_view()}
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
                let work = record.with(|r| r.checklist.item(item.id));
                let status = checklist::status_text(item, &work);
                let evidence = match checklist::evidence(&work.evidence) {
                    Evidence::Empty => ().into_any(),
                    Evidence::Text(text) => view! { <span class="preserve-lines">{text.to_string()}</span> }.into_any(),
                    Evidence::Link(url) => {
                        view! { <a class="usa-link break-anywhere" href=url.to_string() rel="noopener noreferrer">{url.to_string()}</a> }.into_any()
                    }
                    Evidence::BadLink(why) => view! {
                        <span class="break-anywhere">{work.evidence.trim().to_string()}</span>
                        <span class="evidence-problem">" Not a usable link: "{why}</span>
                    }
                    .into_any(),
                };
                view! {
                    <tr data-item=item.id>
                        <th scope="row" data-label="Item"><a class="usa-link" href=format!("{}#{}", CHECKLIST.path, item.id)>{item.title}</a></th>
                        <td data-label="Requirement">{requirement_label(item.requirement)}</td>
                        <td data-label="Status" class="preserve-lines">{status}</td>
                        <td data-label="Note" class="preserve-lines">{work.note}</td>
                        <td data-label="Evidence" class="break-anywhere">{evidence}</td>
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
            <h2 id=heading_id>{phase.title}</h2>
            <p>{progress}</p>
            // Stacked on narrow screens and wrapping on wide ones: nothing scrolls sideways.
            <div class="review-table-container">
                <table class="usa-table usa-table--borderless usa-table--stacked review-table">
                    <caption class="usa-sr-only">{format!("{} items", phase.title)}</caption>
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
            <SignOffBlock scope_id=phase.id label=phase.title scope=scope />
        </section>
    }
}

/// The current sign-off of a phase (or of everything), stale when the work changed since,
/// and the form to sign off again. Approving while something is open asks the reviewer to
/// confirm the list, which the sign-off then records.
#[component]
fn SignOffBlock(scope_id: &'static str, label: &'static str, scope: Memo<Scope>) -> impl IntoView {
    let store = use_store();
    let record = store.record;
    let checklist = &content().checklist;
    let current_fingerprint = Memo::new(move |_| {
        let s = scope.get();
        record.with(|r| checklist::fingerprint(checklist, &r.checklist, &s.profile, s.level, scope_id))
    });
    let open = Memo::new(move |_| {
        let s = scope.get();
        record.with(|r| checklist::open_concerns(checklist, &r.checklist, &s.profile, s.level, scope_id))
    });
    let state = move || {
        let s = scope.get();
        record.with(|r| match checklist::sign_off_state(checklist, &r.checklist, &s.profile, s.level, scope_id) {
            SignOffState::None => None,
            SignOffState::Current(sign_off) => Some((sign_off.clone(), false)),
            SignOffState::Stale(sign_off) => Some((sign_off.clone(), true)),
        })
    };

    let draft = RwSignal::new(SignOffDraft { date: browser::today_iso(), ..SignOffDraft::default() });
    let confirmed = RwSignal::new(false);
    let errors = RwSignal::new(SignOffErrors::default());
    let saved = RwSignal::new(false);
    let prefix = format!("signoff-{scope_id}");
    let summary_id = format!("{prefix}-errors");
    let submit = {
        let summary_id = summary_id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            match validate_sign_off_with(
                &draft.get_untracked(),
                current_fingerprint.get_untracked(),
                &open.get_untracked(),
                confirmed.get_untracked(),
            ) {
                Ok(sign_off) => {
                    errors.set(SignOffErrors::default());
                    record.update(|r| {
                        r.checklist.sign_offs.insert(scope_id.to_string(), sign_off);
                    });
                    confirmed.set(false);
                    saved.set(true);
                }
                Err(found) => {
                    errors.set(found);
                    saved.set(false);
                    // The summary appears with the errors; focus it once it is on the page.
                    let summary_id = summary_id.clone();
                    request_animation_frame(move || {
                        browser::focus_by_id(&summary_id);
                    });
                }
            }
        }
    };
    let changed = move || {
        saved.set(false);
    };

    let text_field = {
        let prefix = prefix.clone();
        move |field: &'static str,
              label_text: &'static str,
              hint: Option<&'static str>,
              get: fn(&SignOffDraft) -> String,
              set: fn(&mut SignOffDraft, String),
              error: fn(&SignOffErrors) -> Option<&'static str>| {
            view! {
                <Field id=format!("{prefix}-{field}") label=label_text hint=hint.map(str::to_string)
                    error=Signal::derive(move || errors.with(|e| error(e).map(str::to_string))) length_of=Signal::derive(move || draft.with(get)) let:control>
                    <input class="usa-input" id=control.id aria-describedby=move || control.described_by.get() aria-invalid=move || control.invalid.get()
                        prop:value=move || draft.with(get)
                        on:input=move |ev| { changed(); draft.update(|d| set(d, event_target_value(&ev))) } />
                </Field>
            }
        }
    };
    let decisions = Decision::ALL
        .into_iter()
        .map(|decision| {
            view! {
                <Radio id=format!("{prefix}-{}", decision.id()) name=format!("{prefix}-decision") value=decision.id() label=decision.label().to_string()
                    checked=Signal::derive(move || draft.with(|d| d.decision == Some(decision)))
                    on_choose=Callback::new(move |_| { changed(); draft.update(|d| d.decision = Some(decision)) }) />
            }
        })
        .collect_view();
    let confirm_id = format!("{prefix}-confirm");
    let confirm_error_id = format!("{confirm_id}-error");
    let open_list_id = format!("{prefix}-open");

    // The error summary: every problem in form order, each linking to its field.
    let error_summary = {
        let (prefix, summary_id) = (prefix.clone(), summary_id.clone());
        move || {
            let problems = errors.with(SignOffErrors::in_form_order);
            (!problems.is_empty()).then(|| {
                let prefix = prefix.clone();
                view! {
                    <div class="usa-alert usa-alert--error usa-alert--slim error-summary" id=summary_id.clone() tabindex="-1" role="alert" data-testid="signoff-error-summary">
                        <div class="usa-alert__body">
                            <h4 class="usa-alert__heading">{match problems.len() { 1 => "There is 1 problem".to_string(), n => format!("There are {n} problems") }}</h4>
                            <ul class="usa-list">
                                {problems.into_iter().map(|(field, message)| {
                                    let target = match field {
                                        checklist::SignOffField::Decision => format!("{prefix}-{}", Decision::ALL[0].id()),
                                        other => format!("{prefix}-{}", other.id()),
                                    };
                                    let href = format!("#{target}");
                                    let go = move |ev: leptos::ev::MouseEvent| {
                                        if browser::focus_by_id(&target) {
                                            ev.prevent_default();
                                        }
                                    };
                                    view! { <li><a class="usa-link" href=href on:click=go>{message}</a></li> }
                                }).collect_view()}
                            </ul>
                        </div>
                    </div>
                }
            })
        }
    };

    // Shown while approving with something open: what is open, and a box to confirm it.
    let confirm_block = {
        let (confirm_id, confirm_error_id, open_list_id) = (confirm_id.clone(), confirm_error_id.clone(), open_list_id.clone());
        move || {
            let approving = draft.with(|d| d.decision == Some(Decision::Approved));
            let concerns = open.get();
            (approving && !concerns.is_empty()).then(|| {
                let (confirm_id, confirm_error_id, open_list_id) = (confirm_id.clone(), confirm_error_id.clone(), open_list_id.clone());
                let described = {
                    let (open_list_id, confirm_error_id) = (open_list_id.clone(), confirm_error_id.clone());
                    move || if errors.with(|e| e.confirm.is_some()) { format!("{open_list_id} {confirm_error_id}") } else { open_list_id.clone() }
                };
                let count = match concerns.len() {
                    1 => "1 thing is still open".to_string(),
                    n => format!("{n} things are still open"),
                };
                view! {
                    <div class="usa-form-group open-concerns" class:usa-form-group--error=move || errors.with(|e| e.confirm.is_some()) data-testid="open-concerns">
                        <p class="open-concerns__intro"><strong>{count}</strong>" in what you are approving:"</p>
                        <ul class="usa-list" id=open_list_id>
                            {concerns.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
                        </ul>
                        {move || errors.with(|e| e.confirm).map(|m| view! { <span class="usa-error-message" id=confirm_error_id.clone()>{m}</span> })}
                        <div class="usa-checkbox">
                            <input class="usa-checkbox__input" type="checkbox" id=confirm_id.clone() aria-describedby=described
                                prop:checked=move || confirmed.get()
                                on:change=move |ev| { changed(); confirmed.set(event_target_checked(&ev)) } />
                            <label class="usa-checkbox__label" for=confirm_id.clone()>"I approve although the items listed are still open. The sign-off records them."</label>
                        </div>
                    </div>
                }
            })
        }
    };

    view! {
        <div class="sign-off" data-testid=format!("signoff-{scope_id}")>
            <h3>{format!("Sign-off for {label}")}</h3>
            {move || match state() {
                None => view! { <p class="sign-off__status">"Not signed off yet."</p> }.into_any(),
                Some((s, stale)) => view! {
                    <div class="sign-off__status" class:sign-off__status--stale=stale>
                        <p>
                            <strong>{s.decision.label()}</strong>" by "{s.reviewer.clone()}" ("{s.role.clone()}") on "{s.date.clone()}"."
                            {(!s.comments.is_empty()).then(|| view! { " Comments: "<span class="preserve-lines">{s.comments.clone()}</span> })}
                        </p>
                        {(!s.approved_with_open.is_empty()).then(|| view! {
                            <p data-testid="approved-with-open">{format!("Approved with {} still open:", s.approved_with_open.len())}</p>
                            <ul class="usa-list">{s.approved_with_open.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul>
                        })}
                        {stale.then(|| view! {
                            <p class="stale-warning" data-testid="stale"><strong>"Stale: "</strong>"the work changed after this sign-off. Review it again and sign off anew."</p>
                        })}
                    </div>
                }.into_any(),
            }}
            <form class="usa-form usa-form--large no-print" on:submit=submit novalidate>
                {error_summary}
                {text_field("reviewer", "Reviewer name", None, |d| d.reviewer.clone(), |d, v| d.reviewer = v, |e| e.reviewer)}
                {text_field("role", "Reviewer role", Some("For example ISSO, program manager or partner lead."), |d| d.role.clone(), |d, v| d.role = v, |e| e.role)}
                {text_field("date", "Date", Some("Year-month-day, for example 2026-11-23."), |d| d.date.clone(), |d, v| d.date = v, |e| e.date)}
                <Field id=format!("{prefix}-decision") label="Decision" group=true
                    error=Signal::derive(move || errors.with(|e| e.decision.map(str::to_string))) let:_control>
                    <div class="radio-row">{decisions}</div>
                </Field>
                {confirm_block}
                <Field id=format!("{prefix}-comments") label="Comments" length_of=Signal::derive(move || draft.with(|d| d.comments.clone())) let:control>
                    <textarea class="usa-textarea usa-textarea--short" id=control.id aria-describedby=move || control.described_by.get()
                        prop:value=move || draft.with(|d| d.comments.clone())
                        on:input=move |ev| { changed(); draft.update(|d| d.comments = event_target_value(&ev)) }></textarea>
                </Field>
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
            let file = record.with(|r| DownloadFile { name: export_file_name(r, &today, extension), mime, body: make(r, content(), &today) });
            store.offer_download(&file);
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
