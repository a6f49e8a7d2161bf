//! The integration settings card: the exact settings to request for the level in force, the
//! audience and the protocol, each value with a copy button. Shown on the service-level page
//! and on the review page; the logic is `logic::settings`.

use leptos::prelude::*;

use crate::browser;
use crate::components::cited::SourceLink;
use crate::components::copy_button::CopyButton;
use crate::logic::content::content;
use crate::logic::settings::{integration_settings, IntegrationSettings};
use crate::store::use_store;

/// The text of a settings note or trap, by id (the host tests check each id exists).
pub fn settings_text(id: &str) -> String {
    content().service_levels.fact(id).map(|f| f.text.to_string()).unwrap_or_default()
}

/// One value: a label, the value in a code block, and a copy button named after both the value
/// and, when the card has two sign-ins, whose sign-in it is.
#[component]
fn Value(label: String, value: String, id: String, who: Option<&'static str>) -> impl IntoView {
    let copy_label = match who {
        Some(who) => format!("Copy {label} ({who})"),
        None => format!("Copy {label}"),
    };
    let label_id = format!("{id}-label");
    let mut chars = label.chars();
    let shown: String = chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default();
    view! {
        <div class="settings-value">
            <p class="settings-value__label" id=label_id.clone()>{shown}</p>
            <pre class="settings-value__code" aria-labelledby=label_id tabindex="0"><code id=id>{value.clone()}</code></pre>
            <CopyButton text=Signal::derive(move || value.clone()) label=copy_label />
        </div>
    }
}

fn card_view(settings: IntegrationSettings) -> AnyView {
    let level = settings.level.name();
    let two = settings.sign_ins.len() > 1;
    let sign_ins = settings
        .sign_ins
        .iter()
        .enumerate()
        .map(|(i, sign_in)| {
            let prefix = format!("settings-{i}");
            let heading = sign_in.who.map(|w| view! { <h4 class="settings-who">{format!("{w}’s sign-in")}</h4> });
            let who = sign_in.who;
            let oidc = settings.show_oidc.then(|| {
                view! {
                    <Value label="OIDC acr_values".into() value=sign_in.acr_values.clone() id=format!("{prefix}-acr") who=who />
                    <Value label="example authorization request, sandbox".into() value=sign_in.oidc_sandbox_url.clone() id=format!("{prefix}-oidc-sandbox") who=who />
                    <Value label="example authorization request, production".into() value=sign_in.oidc_production_url.clone() id=format!("{prefix}-oidc-production") who=who />
                }
            });
            let saml = settings.show_saml.then(|| {
                view! { <Value label="SAML AuthnContextClassRef values".into() value=sign_in.saml_xml.clone() id=format!("{prefix}-saml") who=who /> }
            });
            view! { <div class="settings-sign-in" class:settings-sign-in--two=two>{heading}{oidc}{saml}</div> }
        })
        .collect_view();
    let note = |id: &'static str| {
        let cite = content().service_levels.fact(id).map(|f| f.cite);
        view! { <li>{settings_text(id)}{cite.map(|cite| view! { " "<SourceLink cite=cite /> })}</li> }
    };
    let notes = settings.notes.iter().map(|id| note(id)).collect_view();
    let traps = settings.traps.iter().map(|id| note(id)).collect_view();
    let year = settings.saml_year;
    let endpoints = settings.show_saml.then(|| {
        view! {
            <p data-testid="saml-endpoints">"SAML endpoints: sandbox "<code>{settings.saml_sandbox_endpoint.clone()}</code>", production "<code>{settings.saml_production_endpoint.clone()}</code>"."</p>
            {year.changing_over.then(|| view! {
                <p data-testid="saml-changeover">{format!(
                    "Until 1 April {}, the {} paths (auth{}, metadata{}) still work: check the developer guide for when the {} paths are live, and move to them before then.",
                    year.current, year.current - 1, year.current - 1, year.current - 1, year.current
                )}</p>
            })}
        }
    });
    let certificates = view! {
        <p data-testid="idp-certificates">"Production IdP certificates: "
            {settings.show_oidc.then(|| view! { "OIDC "<code>{settings.oidc_production_certs.clone()}</code> })}
            {(settings.show_oidc && settings.show_saml).then_some(", ")}
            {settings.show_saml.then(|| view! { "SAML metadata "<code>{settings.saml_production_metadata.clone()}</code> })}
            "."
        </p>
    };
    let scopes = settings.show_oidc.then(|| {
        view! { <p data-testid="settings-scopes">"OIDC scopes this level can return data for: "{settings.scopes.join(", ")}"."</p> }
    });
    view! {
        <dl class="summary-list settings-portal" data-testid="settings-portal">
            <dt>"Service level"</dt><dd>{level}</dd>
            <dt>"Partner Portal: Identity Assurance Level"</dt><dd data-testid="portal-ial">{settings.portal_ial_option.clone()}</dd>
            <dt>"Partner Portal: default AAL"</dt><dd data-testid="portal-aal">{settings.portal_default_aal.clone()}</dd>
        </dl>
        <ul class="usa-list settings-notes">{notes}</ul>
        {sign_ins}
        {endpoints}
        {certificates}
        {scopes}
        <h4>"Traps"</h4>
        <ul class="usa-list settings-traps" data-testid="settings-traps">{traps}</ul>
    }
    .into_any()
}

/// The card for the record's level and profile, or a line saying what it waits for.
#[component]
pub fn SettingsCard(#[prop(into)] heading_id: String) -> impl IntoView {
    let record = use_store().record;
    let today = browser::today();
    let settings = Memo::new(move |_| record.with(|r| integration_settings(&content().service_levels, r.level(), &r.profile, today)));
    view! {
        <section class="settings-card" aria-labelledby=heading_id.clone() id="integration-settings" data-testid="settings-card">
            <h2 id=heading_id.clone()>"Integration settings to request"</h2>
            {move || match settings.get() {
                Some(s) => card_view(s),
                None => view! { <p>"Answer the decision questions, or choose a level, to see the exact settings to request."</p> }.into_any(),
            }}
        </section>
    }
}
