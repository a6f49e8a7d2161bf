//! `/launch`: the launch request (every Partner Portal field, the deploy date asked of Login.gov
//! and what staffing needs), checked field by field with errors that stop it and warnings that
//! do not; the Contact Center forecast with editable assumptions; and a submission that waits in
//! the outbox until the endpoint takes it. Fields, labels and hints come from `LaunchField` and
//! `launch.json`; this page only lays them out.

use std::collections::BTreeSet;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::components::cited::{Cited, SourceLink};
use crate::components::copy_button::CopyButton;
use crate::components::deferred::Deferred;
use crate::components::field::Field;
use crate::components::lazy_page::ChunkFailed;
use crate::components::lazy_part::{LazyPart, PartLoad};
use crate::components::page::PageHeading;
use crate::components::radio::Radio;
use crate::logic::content::content;
use crate::logic::export::DownloadFile;
use crate::logic::launch::{
    assumptions_from, calendar_download, choices, current_form, day_label, find_duplicate, forecast_input, ics_dtstamp, launch_request_text,
    next_deploy_dates, payload, submission_download, submission_file_name, validate, weekday_name, Duplicate, FieldKind, FormProblems, LaunchField,
    LaunchForm, SubmissionFormat, FORECAST_DAYS, RAMP_PHASED, YES,
};
use crate::logic::record::ReadinessRecord;
use crate::logic::routes::{HOME, LAUNCH, SERVICE_LEVEL};
use crate::logic::staffing::{forecast, Assumptions, Forecast};
use crate::logic::text::format_count;
use crate::outbox::{self, use_outbox, Endpoint, Outbox};
use crate::store::{use_store, NoticeKind, Store};

mod forecast;
mod form;
mod submit;

use forecast::*;
use form::*;
use submit::*;

fn focus(id: &str) {
    if let Some(element) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// A fact of `launch.json`'s timeline with its source.
fn timeline_fact(id: &str) -> impl IntoView {
    content().launch.fact(id).map(|fact| view! { <Cited fact=fact /> })
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
    // The forecast and the downloads load with their code when they come near the screen, or
    // at the first change to the form (the forecast redraws as the form is filled in), or at
    // once for a partner coming back to a draft, whose forecast it already is.
    let results_wanted = RwSignal::new(record.with_untracked(|r| r.launch.has_draft()));
    let want_results = move || {
        if !results_wanted.get_untracked() {
            results_wanted.set(true);
        }
    };

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
                store.notify(
                    NoticeKind::Error,
                    format!(
                        "The request was not submitted: this browser gave no random key ({reason}). Download the files below and send them instead."
                    ),
                    None,
                );
                return;
            }
        };
        let request = form.get_untracked();
        leptos::task::spawn_local(async move {
            match submit_request(store, outbox, request, key).await {
                Ok(duplicate) => duplicate_notice.set(Some(duplicate)),
                Err(ChunkFailed) => store.notify(
                    NoticeKind::Error,
                    "The request was not submitted: the portal could not download the code that sends it. Check your connection and press Submit again; your draft is saved.",
                    None,
                ),
            }
        });
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
                    <li>{timeline_fact("tl-production-portal")}</li>
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
        <form class="usa-form usa-form--large launch-form" novalidate on:submit=submit
            on:input=move |_| want_results() on:change=move |_| want_results()>
            <Deferred>
            <fieldset class="usa-fieldset">
                <legend class="usa-legend usa-legend--large">"Application and agreement"</legend>
                {field(ctx, LaunchField::ApplicationUrl)}
                {field(ctx, LaunchField::Audience)}
                {field(ctx, LaunchField::IaaNumber)}
            </fieldset>
            <fieldset class="usa-fieldset">
                <legend class="usa-legend usa-legend--large">"Dates"</legend>
                <p class="usa-hint" data-testid="deploy-date-field">{timeline_fact("tl-no-deploy-field")}" "{timeline_fact("tl-deploy-field")}</p>
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
                <p class="usa-hint" data-testid="planning-fields">"Login.gov’s own form does not ask these: the portal adds them so the Contact Center can plan its staff. "
                    {content().launch.field(LaunchField::Ramp).map(|f| view! { <SourceLink cite=f.cite /> })}</p>
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
        <LazyPart load=move || Box::pin(launch_results(form)) as PartLoad wanted=results_wanted what="the forecast and the downloads" heading_id="forecast-heading" />
    }
}

crate::split_fn! {
    #[chunk(launch_results)]
    /// The forecast with its assumptions, and the downloads: the largest part of the page, built
    /// from its own chunk in the release build.
    fn launch_results(form: Memo<LaunchForm>) -> AnyView {
        results(form).into_any()
    }
}

crate::split_fn! {
    #[chunk(launch_results)]
    /// Builds the request with its forecast and queues it, unless it repeats one already queued
    /// or sent; in the release build this code comes with the sender's chunk, on the first submit.
    fn submit_request(store: Store, outbox: Outbox, form: LaunchForm, key: String) -> Duplicate {
        let (assumptions, _) = store.record.with_untracked(|r| assumptions_from(&r.launch.assumption_texts));
        let forecast = forecast(&forecast_input(&form, FORECAST_DAYS), &assumptions);
        let body = store.record.with_untracked(|r| payload(&form, r, &assumptions, &forecast, &key));
        let duplicate = store.record.with_untracked(|r| find_duplicate(&body, &r.launch.outbox, &r.launch.receipts));
        if duplicate == Duplicate::New {
            outbox::submit(store, outbox, key, body);
        }
        duplicate
    }
}

/// The forecast and the downloads, with the assumptions and forecast they share.
fn results(form: Memo<LaunchForm>) -> impl IntoView {
    let record = use_store().record;
    let assumption_state = Memo::new(move |_| record.with(|r| assumptions_from(&r.launch.assumption_texts)));
    let deploy_day = Signal::derive(move || form.with(|f| forecast_input(f, FORECAST_DAYS).deploy_day_offset));
    let forecast_memo = Memo::new(move |_| {
        let (assumptions, _) = assumption_state.get();
        form.with(|f| forecast(&forecast_input(f, FORECAST_DAYS), &assumptions))
    });
    view! {
        <ForecastSection forecast=forecast_memo deploy_day=deploy_day assumption_state=assumption_state />
        <Downloads form=form forecast=forecast_memo assumption_state=assumption_state />
    }
}
