//! `/launch`: the launch request (every Partner Portal field, the deploy date asked of Login.gov
//! and what staffing needs), checked field by field with errors that stop it and warnings that
//! do not; the Contact Center forecast with editable assumptions; and a submission that waits in
//! the outbox until the endpoint takes it. Fields, labels and hints come from `LaunchField` and
//! `launch.json`; this page only lays them out.

use std::collections::BTreeSet;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::components::copy_button::CopyButton;
use crate::components::deferred::Deferred;
use crate::components::field::Field;
use crate::components::page::PageHeading;
use crate::components::radio::Radio;
use crate::logic::content::content;
use crate::logic::export::DownloadFile;
use crate::logic::launch::{
    assumption_text, assumptions_from, calendar_download, choices, current_form, day_label, find_duplicate, forecast_input, ics_dtstamp, launch_request_text,
    next_deploy_dates, payload, submission_download, submission_file_name, validate, weekday_name, Duplicate, FieldKind, FormProblems, LaunchField, LaunchForm,
    SubmissionFormat, FORECAST_DAYS, RAMP_PHASED, YES,
};
use crate::logic::record::ReadinessRecord;
use crate::logic::routes::{HOME, LAUNCH, SERVICE_LEVEL};
use crate::logic::staffing::{forecast, Assumptions, Forecast, ASSUMPTIONS};
use crate::logic::text::format_count;
use crate::outbox::{self, use_outbox, Endpoint};
use crate::store::{use_store, NoticeKind};

fn focus(id: &str) {
    if let Some(element) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// What every field of the form reads and writes.
#[derive(Clone, Copy)]
struct FormContext {
    form: Memo<LaunchForm>,
    problems: Memo<FormProblems>,
    /// Set by the first submit: every error shows, touched or not.
    show_all: RwSignal<bool>,
    touched: RwSignal<BTreeSet<LaunchField>>,
    record: RwSignal<ReadinessRecord>,
}

impl FormContext {
    fn set(self, field: LaunchField, value: String) {
        self.record.update(|r| {
            let mut f = current_form(r);
            f.set(field, value);
            r.launch.form = Some(f);
        })
    }

    fn touch(self, field: LaunchField) {
        self.touched.update(|t| {
            t.insert(field);
        });
    }

    /// Errors show once the field was left, after a submit, and at once for a typed date.
    fn visible(self, field: LaunchField) -> bool {
        self.show_all.get()
            || self.touched.with(|t| t.contains(&field))
            || (field.kind() == FieldKind::Date && self.form.with(|f| !f.get(field).is_empty()))
    }

    fn error(self, field: LaunchField) -> Option<String> {
        self.visible(field).then(|| self.problems.with(|p| p.error(field).map(str::to_string))).flatten()
    }

    fn warning(self, field: LaunchField) -> Option<String> {
        self.visible(field).then(|| self.problems.with(|p| p.warning(field).map(str::to_string))).flatten()
    }
}

fn label_of(field: LaunchField) -> String {
    content().launch.field(field).map_or_else(|| field.id().to_string(), |f| f.label.to_string())
}

fn hint_of(field: LaunchField) -> String {
    content().launch.field(field).map(|f| f.hint.to_string()).unwrap_or_default()
}

/// One field of the form, as its kind asks: a labelled input or text area, a select, or a group
/// of radio buttons, with its hint, error and warning tied to it by [`Field`].
fn field(ctx: FormContext, field: LaunchField) -> AnyView {
    let value = move || ctx.form.with(|f| f.get(field).to_string());
    let error = Signal::derive(move || ctx.error(field));
    let warning = Signal::derive(move || ctx.warning(field));
    let (label, hint) = (label_of(field), hint_of(field));
    match field.kind() {
        FieldKind::Choice if field == LaunchField::Audience => view! {
            <Field id=field.dom_id() label=label hint=hint error=error warning=warning let:control>
                <select class="usa-select" id=control.id name=field.id() aria-describedby=move || control.described_by.get()
                    on:change=move |ev| { ctx.set(field, event_target_value(&ev)); ctx.touch(field); }>
                    <option value="" selected=move || ctx.form.with(|f| f.audience.is_empty())>"Choose the main audience"</option>
                    {choices(field).iter().map(|(value, label)| view! {
                        <option value=*value selected=move || ctx.form.with(|f| f.audience == *value)>{*label}</option>
                    }).collect_view()}
                </select>
            </Field>
        }
        .into_any(),
        FieldKind::Choice => view! {
            <Field id=field.dom_id() label=label hint=hint error=error warning=warning group=true let:control>
                <div class="radio-row">
                    {choices(field).iter().map(|(value, label)| view! {
                        <Radio id=format!("{}-{value}", control.id) name=control.id.clone() value=*value label=label.to_string()
                            checked=Signal::derive(move || ctx.form.with(|f| f.get(field) == *value))
                            on_choose=Callback::new(move |_| { ctx.set(field, value.to_string()); ctx.touch(field); }) />
                    }).collect_view()}
                </div>
            </Field>
        }
        .into_any(),
        FieldKind::Lines => view! {
            <Field id=field.dom_id() label=label hint=hint error=error warning=warning let:control>
                <textarea class="usa-textarea usa-textarea--short" id=control.id name=field.id()
                    aria-describedby=move || control.described_by.get() aria-invalid=move || control.invalid.get()
                    prop:value=value on:input=move |ev| ctx.set(field, event_target_value(&ev)) on:change=move |_| ctx.touch(field)></textarea>
            </Field>
        }
        .into_any(),
        kind => {
            let (input_type, input_mode, autocomplete) = match kind {
                FieldKind::Url => ("url", None, Some("url")),
                FieldKind::Email => ("email", None, Some("email")),
                FieldKind::Tel => ("tel", None, Some("tel")),
                FieldKind::Date => ("date", None, None),
                FieldKind::Number => ("text", Some("decimal"), None),
                _ => ("text", None, None),
            };
            view! {
                <Field id=field.dom_id() label=label hint=hint error=error warning=warning let:control>
                    <input class="usa-input" id=control.id name=field.id() type=input_type inputmode=input_mode autocomplete=autocomplete
                        aria-describedby=move || control.described_by.get() aria-invalid=move || control.invalid.get()
                        prop:value=value on:input=move |ev| ctx.set(field, event_target_value(&ev)) on:change=move |_| ctx.touch(field) />
                </Field>
            }
            .into_any()
        }
    }
}

/// A fact of `launch.json`'s timeline with its source.
fn timeline_fact(id: &str) -> impl IntoView {
    content().launch.fact(id).map(|fact| {
        view! { {fact.text}" "<a class="usa-link source-link" href=fact.cite.source rel="external noopener">"Source"</a> }
    })
}

#[component]
pub fn LaunchPage() -> impl IntoView {
    let store = use_store();
    let record = store.record;
    let outbox = use_outbox();
    let today = browser::today();
    let form = Memo::new(move |_| record.with(current_form));
    let level = Memo::new(move |_| record.with(ReadinessRecord::level));
    let problems = Memo::new(move |_| form.with(|f| validate(f, today, level.get())));
    let ctx = FormContext { form, problems, show_all: RwSignal::new(false), touched: RwSignal::new(BTreeSet::new()), record };
    // What the last press of Submit did; cleared when the request changes.
    let duplicate_notice = RwSignal::new(None::<Duplicate>);
    Effect::new(move |previous: Option<()>| {
        form.track();
        if previous.is_some() {
            duplicate_notice.set(None);
        }
    });
    provide_context(duplicate_notice);
    let assumption_state = Memo::new(move |_| record.with(|r| assumptions_from(&r.launch.assumption_texts)));
    let deploy_day = Signal::derive(move || form.with(|f| forecast_input(f, FORECAST_DAYS).deploy_day_offset));
    let forecast_memo = Memo::new(move |_| {
        let (assumptions, _) = assumption_state.get();
        form.with(|f| forecast(&forecast_input(f, FORECAST_DAYS), &assumptions))
    });

    let next_dates = move || {
        ctx.error(LaunchField::DeployDate).map(|_| {
            let push = form.with(|f| f.push_notifications == YES);
            let dates = next_deploy_dates(today, push, 4);
            view! {
                <div class="next-dates" data-testid="next-dates">
                    <p>"The next deploy dates that work:"</p>
                    <ul class="next-dates__list">
                        {dates.into_iter().map(|d| {
                            let iso = d.to_iso();
                            let label = format!("{} {}", weekday_name(d), iso);
                            view! { <li><button type="button" class="usa-button usa-button--outline" on:click=move |_| ctx.set(LaunchField::DeployDate, iso.clone())>{format!("Use {label}")}</button></li> }
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        ctx.show_all.set(true);
        if !problems.with_untracked(FormProblems::is_empty) {
            request_animation_frame(|| focus("launch-error-summary"));
            return;
        }
        let key = match browser::random_uuid() {
            Ok(key) => key,
            Err(reason) => {
                store.notify(NoticeKind::Error, format!("The request was not submitted: this browser gave no random key ({reason}). Download the files below and send them instead."), None);
                return;
            }
        };
        let (assumptions, _) = assumption_state.get_untracked();
        let body = record.with_untracked(|r| payload(&form.get_untracked(), r, &assumptions, &forecast_memo.get_untracked(), &key));
        let duplicate = record.with_untracked(|r| find_duplicate(&body, &r.launch.outbox, &r.launch.receipts));
        if duplicate == Duplicate::New {
            outbox::submit(store, outbox, key, body);
        }
        duplicate_notice.set(Some(duplicate));
    };

    let summary = move || {
        (ctx.show_all.get() && !problems.with(FormProblems::is_empty)).then(|| {
            let items = problems.with(|p| p.errors_in_form_order().into_iter().map(|(f, m)| (f, m.to_string())).collect::<Vec<_>>());
            view! {
                <div class="usa-alert usa-alert--error" id="launch-error-summary" tabindex="-1" role="alert" aria-labelledby="launch-error-summary-heading">
                    <div class="usa-alert__body">
                        <h2 class="usa-alert__heading" id="launch-error-summary-heading">{format!("Fix {} {} before you submit", items.len(), if items.len() == 1 { "problem" } else { "problems" })}</h2>
                        <ul class="usa-list">
                            {items.into_iter().map(|(field, message)| {
                                let target = field.dom_id();
                                let href = format!("#{target}");
                                view! { <li><a class="usa-link" href=href on:click=move |ev| { ev.prevent_default(); focus(&target); }>{message}</a></li> }
                            }).collect_view()}
                        </ul>
                    </div>
                </div>
            }
        })
    };

    let verifies = move || level.get().is_some_and(|l| l.verifies_identity());
    let phased = move || form.with(|f| f.ramp == RAMP_PHASED);
    let launch_form = content().launch.link("ll-launch-form");
    let production_account = content().launch.link("ll-production-account");

    view! {
        <PageHeading title=LAUNCH.title />
        <p class="usa-intro">"Tell Login.gov when to deploy, when your users arrive and how many to expect. The Contact Center staffs from these numbers; the forecast below shows what your launch will ask of it."</p>
        <div class="usa-summary-box where-to-request" role="region" aria-labelledby="where-to-request-heading">
            <div class="usa-summary-box__body">
                <h2 class="usa-summary-box__heading" id="where-to-request-heading">"Where the request goes"</h2>
                <ul class="usa-list">
                    <li>{timeline_fact("tl-where-to-request")}</li>
                    <li>{timeline_fact("tl-production-account")}</li>
                    <li>{timeline_fact("tl-deploy-not-launch")}</li>
                </ul>
                <p>
                    {launch_form.map(|l| view! { <a class="usa-link" href=l.url rel="external noopener" data-testid="launch-form-link">{l.label}</a> })}
                    " · "
                    {production_account.map(|l| view! { <a class="usa-link" href=l.url rel="external noopener">{l.label}</a> })}
                </p>
                <p>"Fill in this page, then copy the text block at the bottom into the Help Desk form."</p>
            </div>
        </div>
        <p data-testid="launch-prefill">
            {move || record.with(|r| format!(
                "Agency: {}. Application: {}. Service level: {}.",
                if r.profile.agency.trim().is_empty() { "not given yet" } else { r.profile.agency.as_str() },
                if r.profile.application.trim().is_empty() { "not given yet" } else { r.profile.application.as_str() },
                r.level().map(|l| l.name()).unwrap_or("not decided yet"),
            ))}" "
            "These come from "<a class="usa-link" href=format!("{}#profile", HOME.path)>"your profile"</a>" and the "<a class="usa-link" href=SERVICE_LEVEL.path>"service-level guide"</a>". The draft below is saved as you type."
        </p>
        {summary}
        <form class="usa-form usa-form--large launch-form" novalidate on:submit=submit>
            <Deferred>
            <fieldset class="usa-fieldset">
                <legend class="usa-legend usa-legend--large">"Application and agreement"</legend>
                {field(ctx, LaunchField::ApplicationUrl)}
                {field(ctx, LaunchField::Audience)}
                {field(ctx, LaunchField::IaaNumber)}
            </fieldset>
            <fieldset class="usa-fieldset">
                <legend class="usa-legend usa-legend--large">"Dates"</legend>
                {field(ctx, LaunchField::PushNotifications)}
                {field(ctx, LaunchField::DeployDate)}
                {next_dates}
                {field(ctx, LaunchField::UserLaunchDate)}
            </fieldset>
            </Deferred>
            <Deferred>
            <fieldset class="usa-fieldset">
                <legend class="usa-legend usa-legend--large">"Expected use"</legend>
                {field(ctx, LaunchField::Seasonality)}
                {field(ctx, LaunchField::MonthlyActiveUsers)}
                {field(ctx, LaunchField::AnnualRegistrations)}
                {field(ctx, LaunchField::AnnualAuthentications)}
            </fieldset>
            </Deferred>
            <Deferred>
            <fieldset class="usa-fieldset">
                <legend class="usa-legend usa-legend--large">"Contacts"</legend>
                {field(ctx, LaunchField::ProgramContacts)}
                {field(ctx, LaunchField::TechnicalContacts)}
                {field(ctx, LaunchField::BillingContacts)}
                {field(ctx, LaunchField::HelpDeskPhone)}
                {field(ctx, LaunchField::HelpDeskEmail)}
                {field(ctx, LaunchField::HelpDeskOther)}
            </fieldset>
            </Deferred>
            <Deferred>
            <fieldset class="usa-fieldset">
                <legend class="usa-legend usa-legend--large">"What the Contact Center needs for staffing"</legend>
                {field(ctx, LaunchField::Ramp)}
                <Show when=phased>{field(ctx, LaunchField::RampWeeks)}</Show>
                {field(ctx, LaunchField::AnnouncementDate)}
                {field(ctx, LaunchField::AnnouncementRecipients)}
                {field(ctx, LaunchField::NewUserShare)}
                <fieldset class="usa-fieldset shares">
                    <legend class="usa-legend">"Your users’ languages (%)"</legend>
                    <span class="usa-hint">"The four shares must add up to 100."</span>
                    <div class="shares__row">
                        {LaunchField::LANGUAGE_SHARES.into_iter().map(|f| field(ctx, f)).collect_view()}
                    </div>
                </fieldset>
                {field(ctx, LaunchField::PhonePublished)}
                <Show when=verifies>
                    {field(ctx, LaunchField::IdvShare)}
                    {field(ctx, LaunchField::InPersonShare)}
                </Show>
            </fieldset>
            <SubmitArea />
            </Deferred>
        </form>
        <Deferred><ForecastSection forecast=forecast_memo deploy_day=deploy_day assumption_state=assumption_state /></Deferred>
        <Deferred><Downloads form=form forecast=forecast_memo assumption_state=assumption_state /></Deferred>
    }
}

#[component]
fn SubmitArea() -> impl IntoView {
    let store = use_store();
    let record = store.record;
    let outbox = use_outbox();
    let endpoint_text = move || match outbox.endpoint.get() {
        Endpoint::Loading => view! { <p>"Reading the portal’s configuration… A request submitted now waits in this browser until the portal knows where to send it."</p> }.into_any(),
        Endpoint::Unknown(reason) => view! {
            <div class="usa-alert usa-alert--warning usa-alert--slim" data-testid="config-unknown">
                <div class="usa-alert__body">
                    <p class="usa-alert__text">
                        {format!("The portal cannot tell where launch requests go: its configuration could not be read ({reason}). It keeps trying. A request you submit waits in this browser and is sent as soon as the configuration is read.")}
                    </p>
                </div>
            </div>
        }.into_any(),
        Endpoint::None => view! { <p>"No submission endpoint is configured for this portal: submitting saves a receipt in this browser, and you send the downloaded files to Login.gov."</p> }.into_any(),
        Endpoint::Url(url) => view! { <p>{format!("Submissions go to {url}.")}</p> }.into_any(),
    };
    let retry = move |_| outbox::retry(store, outbox);
    let waiting_for = move || match outbox.endpoint.get() {
        Endpoint::Loading | Endpoint::Unknown(_) => "It is sent once the portal knows where launch requests go. ",
        _ => "",
    };
    let duplicate_notice = expect_context::<RwSignal<Option<Duplicate>>>();
    view! {
        <section class="submit-area" aria-labelledby="submit-heading">
            <h2 id="submit-heading">"Submit"</h2>
            {endpoint_text}
            // Never disabled: a request submitted while another is sending joins the queue.
            <button type="submit" class="usa-button usa-button--big">"Submit the launch request"</button>
            <div role="status" data-testid="submit-result">
                {move || duplicate_notice.get().map(|outcome| match outcome {
                    Duplicate::New => view! { <p class="submit-result">"Submitted: its status is below."</p> }.into_any(),
                    Duplicate::Queued => view! {
                        <p class="submit-result submit-result--duplicate">"This request is already waiting to send, below. Nothing new was queued: change the request to submit a new one."</p>
                    }.into_any(),
                    Duplicate::Submitted(receipt) => view! {
                        <p class="submit-result submit-result--duplicate">
                            {format!("This exact request was already {} on {}. Nothing was submitted again: change the request to submit a new one.", if receipt.sent { "sent" } else { "saved" }, browser::local_time(&receipt.at))}
                        </p>
                    }.into_any(),
                })}
            </div>
            <div role="status" data-testid="outbox">
                {move || record.with(|r| r.launch.outbox.clone()).into_iter().map(|entry| view! {
                    <div class="usa-alert usa-alert--warning usa-alert--slim outbox-entry">
                        <div class="usa-alert__body">
                            <p class="usa-alert__text">
                                {format!("Waiting to send (queued {}, {} attempts so far). ", browser::local_time(&entry.queued_at), entry.attempts)}
                                {waiting_for}
                                {(!entry.last_error.is_empty()).then(|| format!("Last error: {} It is retried automatically; it stays here, even if you close the page, until it goes through.", entry.last_error))}
                            </p>
                            <button type="button" class="usa-button usa-button--outline" on:click=retry disabled=move || outbox.sending.get()>"Retry now"</button>
                        </div>
                    </div>
                }).collect_view()}
            </div>
            <ul class="usa-list receipts" data-testid="receipts">
                {move || record.with(|r| r.launch.receipts.clone()).into_iter().rev().map(|receipt| view! {
                    <li>{if receipt.sent {
                        format!("Sent on {}. Reference: {}.", browser::local_time(&receipt.at), receipt.server_id.clone().unwrap_or_else(|| "none given".into()))
                    } else {
                        format!("Saved in this browser on {} (no endpoint is configured). Download the files below and send them to Login.gov.", browser::local_time(&receipt.at))
                    }}</li>
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn ForecastSection(forecast: Memo<Forecast>, deploy_day: Signal<Option<i64>>, assumption_state: Memo<(Assumptions, Vec<(&'static str, String)>)>) -> impl IntoView {
    let record = use_store().record;
    let assumptions_inputs = ASSUMPTIONS
        .into_iter()
        .map(|spec| {
            let error = Signal::derive(move || assumption_state.with(|(_, errors)| errors.iter().find(|(k, _)| *k == spec.key).map(|(_, m)| m.clone())));
            let value = move || record.with(|r| assumption_text(&r.launch.assumption_texts, spec.key));
            let source = spec.default_id.and_then(|id| crate::logic::content::content().launch.staffing_defaults.iter().find(|d| d.id == id));
            view! {
                <div class="assumption">
                    <Field id=format!("assumption-{}", spec.key) label=format!("{} ({})", spec.label, spec.unit)
                        hint=source.map(|s| s.note.to_string()) hint_source=source.map(|s| s.cite.source) error=error let:control>
                        <input class="usa-input usa-input--small" id=control.id inputmode="decimal"
                            aria-describedby=move || control.described_by.get() aria-invalid=move || control.invalid.get()
                            prop:value=value
                            on:input=move |ev| record.update(|r| { r.launch.assumption_texts.insert(spec.key.to_string(), event_target_value(&ev)); }) />
                    </Field>
                </div>
            }
        })
        .collect_view();

    view! {
        <section aria-labelledby="forecast-heading" class="forecast">
            <h2 id="forecast-heading">"Contact Center forecast"</h2>
            <p data-testid="forecast-summary" aria-live="polite">{move || forecast.with(|f| f.summary.clone())}</p>
            <div class="usa-table-container--scrollable" tabindex="0" role="region" aria-label="Staffing side by side">
                <table class="usa-table usa-table--borderless" data-testid="forecast-compare">
                    <caption>"Busiest day, with and without the phone number published"</caption>
                    <thead><tr><th scope="col">""</th><th scope="col">"Linking to login.gov/contact"</th><th scope="col">"If the phone number is published"</th></tr></thead>
                    <tbody>
                        <tr><th scope="row">"Calls on the busiest day"</th>
                            <td>{move || forecast.with(|f| format_count(f.linking.peak_phone_calls))}</td>
                            <td>{move || forecast.with(|f| format_count(f.peak_phone_calls_if_published))}</td></tr>
                        <tr><th scope="row">"Calls in the busiest interval"</th>
                            <td>{move || forecast.with(|f| format_count(f.linking.peak_interval_calls))}</td>
                            <td>{move || forecast.with(|f| format_count(f.peak_interval_calls_if_published))}</td></tr>
                        <tr><th scope="row">"Agents on the phones (Erlang C)"</th>
                            <td data-testid="agents">{move || forecast.with(|f| f.linking.phone_agents)}</td>
                            <td data-testid="agents-published">{move || forecast.with(|f| f.phone_agents_if_published)}</td></tr>
                        <tr><th scope="row">"Agents to schedule (with shrinkage)"</th>
                            <td>{move || forecast.with(|f| f.linking.scheduled_agents)}</td>
                            <td>{move || forecast.with(|f| f.scheduled_agents_if_published)}</td></tr>
                        <tr><th scope="row">"Contact-form cases to answer each business day"</th>
                            <td>{move || forecast.with(|f| format_count(f.linking.form_backlog_per_day))}</td>
                            <td>"0"</td></tr>
                    </tbody>
                </table>
            </div>
            <ForecastChart forecast=forecast deploy_day=deploy_day />
            <p class="forecast-note">"Assumption: the announcement email’s contacts come over the days after it is sent, tapering off like the new-user surge, not all on the day it arrives."</p>
            <details class="forecast-data">
                <summary>"The forecast as a table"</summary>
                <div class="usa-table-container--scrollable" tabindex="0" role="region" aria-label="Daily forecast">
                    <table class="usa-table usa-table--compact" data-testid="forecast-table">
                        <thead><tr>
                            <th scope="col">"Day from launch"</th><th scope="col">"Contacts"</th><th scope="col">"Calls"</th><th scope="col">"Contact form"</th>
                            <th scope="col">"Calls if published"</th><th scope="col">"English"</th><th scope="col">"Spanish"</th><th scope="col">"French"</th><th scope="col">"Chinese"</th>
                        </tr></thead>
                        <tbody>
                            {move || forecast.with(|f| f.daily.iter().map(|d| view! {
                                <tr>
                                    <th scope="row">{d.day}</th><td>{format_count(d.contacts)}</td><td>{format_count(d.phone)}</td><td>{format_count(d.form)}</td>
                                    <td>{format_count(d.phone_if_published)}</td>
                                    {d.by_language.iter().map(|v| view! { <td>{format_count(*v)}</td> }).collect_view()}
                                </tr>
                            }).collect_view())}
                        </tbody>
                    </table>
                </div>
            </details>
            <h3>"Assumptions"</h3>
            <p>"Login.gov does not publish its handle time, intraday pattern or shrinkage; these are starting values a Login.gov reviewer can change. The forecast redraws as you type."</p>
            <div class="assumptions">{assumptions_inputs}</div>
        </section>
    }
}

/// Daily calls and contact-form cases as stacked bars, with calls-if-published as a line, and
/// the deploy and launch days marked. Drawn in a narrow coordinate space with large type, so
/// the labels stay readable when the chart shrinks to a 375 px phone.
#[component]
fn ForecastChart(forecast: Memo<Forecast>, deploy_day: Signal<Option<i64>>) -> impl IntoView {
    const W: f64 = 400.0;
    const H: f64 = 250.0;
    const LEFT: f64 = 40.0;
    const TOP: f64 = 34.0;
    const BOTTOM: f64 = 30.0;
    let shapes = move || {
        let deploy = deploy_day.get();
        forecast.with(|f| {
            let n = f.daily.len().max(1) as f64;
            let max = f.daily.iter().map(|d| d.phone_if_published.max(d.phone + d.form)).fold(0.0, f64::max).max(1.0);
            let bar = (W - LEFT) / n;
            let y = |v: f64| H - BOTTOM - v / max * (H - TOP - BOTTOM);
            let bars = f
                .daily
                .iter()
                .enumerate()
                .map(|(i, d)| {
                    let x = LEFT + i as f64 * bar;
                    view! {
                        <rect class="chart-phone" x=format!("{x:.1}") y=format!("{:.1}", y(d.phone)) width=format!("{:.1}", (bar - 0.5).max(0.5)) height=format!("{:.1}", H - BOTTOM - y(d.phone)) />
                        <rect class="chart-form" x=format!("{x:.1}") y=format!("{:.1}", y(d.phone + d.form)) width=format!("{:.1}", (bar - 0.5).max(0.5)) height=format!("{:.1}", y(d.phone) - y(d.phone + d.form)) />
                    }
                })
                .collect_view();
            let line: Vec<String> = f.daily.iter().enumerate().map(|(i, d)| format!("{:.1},{:.1}", LEFT + (i as f64 + 0.5) * bar, y(d.phone_if_published))).collect();
            let first = f.daily.first().map(|d| d.day).unwrap_or(0);
            let last = f.daily.last().map(|d| d.day).unwrap_or(0);
            let x_of = |day: i64| LEFT + ((day - first) as f64 + 0.5) * bar;
            // Launch on the right of its line, deploy on the left of its own, so they never overlap.
            let marker = move |day: i64, label: &'static str, anchor: &'static str, class: &'static str| {
                let x = x_of(day);
                let text_x = if anchor == "start" { x + 3.0 } else { x - 3.0 };
                view! {
                    <line class=format!("chart-marker {class}") x1=format!("{x:.1}") y1=TOP - 14.0 x2=format!("{x:.1}") y2=H - BOTTOM />
                    <text class="chart-label chart-label--marker" x=format!("{text_x:.1}") y=TOP - 18.0 text-anchor=anchor>{label}</text>
                }
            };
            let launch_marker = (first <= 0 && 0 <= last).then(|| marker(0, "Launch", "start", "chart-marker--launch"));
            let deploy_marker = deploy.filter(|d| *d < 0 && first <= *d).map(|d| marker(d, "Deploy", "end", "chart-marker--deploy"));
            view! {
                {bars}
                <polyline class="chart-published" points=line.join(" ") />
                <line class="chart-axis" x1=LEFT y1=H - BOTTOM x2=W y2=H - BOTTOM />
                {launch_marker}
                {deploy_marker}
                <text class="chart-label" x=LEFT y=H - 8.0>{day_label(first)}</text>
                <text class="chart-label" x=W y=H - 8.0 text-anchor="end">{day_label(last)}</text>
                <text class="chart-label" x=LEFT - 4.0 y=TOP + 5.0 text-anchor="end">{format_count(max)}</text>
                <text class="chart-label" x=LEFT - 4.0 y=H - BOTTOM text-anchor="end">"0"</text>
            }
        })
    };
    view! {
        <figure class="forecast-chart">
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-labelledby="chart-title chart-desc" data-testid="forecast-chart">
                <title id="chart-title">"Daily Login.gov contacts from your launch"</title>
                <desc id="chart-desc">{move || forecast.with(|f| format!("Bars show calls and contact-form cases per day; the line shows calls if the phone number were published; lines mark the deploy and launch days. {}", f.summary))}</desc>
                {shapes}
            </svg>
            <figcaption>
                <span class="legend legend--phone">"Calls"</span>
                <span class="legend legend--form">"Contact-form cases"</span>
                <span class="legend legend--published">"Calls if the number were published"</span>
                " The same figures are in the table below."
            </figcaption>
        </figure>
    }
}

#[component]
fn Downloads(form: Memo<LaunchForm>, forecast: Memo<Forecast>, assumption_state: Memo<(Assumptions, Vec<(&'static str, String)>)>) -> impl IntoView {
    let store = use_store();
    let record = store.record;
    let download = move |format: SubmissionFormat| {
        move |_| {
            let (assumptions, _) = assumption_state.get_untracked();
            let file = record.with(|r| submission_download(format, &form.get_untracked(), r, &assumptions, &forecast.get_untracked(), &browser::today_iso()));
            store.offer_download(&file);
        }
    };
    let calendar = move |_| {
        let f = form.get_untracked();
        let stamp = ics_dtstamp(&browser::now_iso());
        let mut made = Ok(None);
        // The calendar entry keeps one UID and counts its versions in the record.
        record.maybe_update(|r| {
            let before = r.launch.calendar.clone();
            made = calendar_download(&f, r, &stamp, browser::random_uuid);
            r.launch.calendar != before
        });
        match made {
            Ok(Some(body)) => {
                let name = record.with(|r| submission_file_name(r, &browser::today_iso(), "ics"));
                store.offer_download(&DownloadFile { name, mime: "text/calendar", body });
            }
            Ok(None) => store.notify(NoticeKind::Warning, "Enter a valid deploy date or launch date first: the calendar entry needs one.", None),
            Err(reason) => store.notify(NoticeKind::Error, format!("The calendar entry needs an id, and this browser could not make one ({reason})."), None),
        }
    };
    let text_block = Signal::derive(move || record.with(|r| launch_request_text(&form.get(), r)));
    view! {
        <section aria-labelledby="launch-downloads-heading" class="no-print">
            <h2 id="launch-downloads-heading">"Download or copy"</h2>
            <p>"Always available, whether or not you have submitted."</p>
            <div class="export-buttons">
                <button type="button" class="usa-button" on:click=download(SubmissionFormat::Json)>"Download JSON"</button>
                <button type="button" class="usa-button" on:click=download(SubmissionFormat::Csv)>"Download CSV"</button>
                <button type="button" class="usa-button" on:click=calendar>"Add the deploy and launch dates to a calendar (.ics)"</button>
                <CopyButton text=text_block label="Copy the launch request text" />
            </div>
            <label class="usa-label" for="launch-text-block">"Launch request text, to paste into the Help Desk's launch request form"</label>
            <textarea class="usa-textarea link-html" id="launch-text-block" readonly prop:value=move || text_block.get()></textarea>
        </section>
    }
}

