//! `/support/faq`: the agency FAQ for the help desk, filled with the agency and application,
//! with the identity-verification answer that fits the level, and where to send each kind of
//! question; Markdown and HTML.

use leptos::prelude::*;

use crate::browser;
use crate::components::cited::{support_fact, Cited};
use crate::components::in_person_question::InPersonQuestion;
use crate::components::page::PageHeading;
use crate::components::tick_item::TickItem;
use crate::logic::content::{content, Contact};
use crate::logic::export::DownloadFile;
use crate::logic::record::export_file_name;
use crate::logic::routes::SUPPORT_FAQ;
use crate::logic::templates::{faq_html, faq_items, faq_markdown};
use crate::logic::vocab::Level;
use crate::store::use_store;

#[component]
pub fn SupportFaqPage() -> impl IntoView {
    let store = use_store();
    let record = store.record;
    let support = &content().support;
    let inputs = Memo::new(move |_| record.with(|r| (r.profile.clone(), r.level())));
    let items = move || inputs.with(|(profile, level)| faq_items(support, profile, *level));
    let exported = RwSignal::new(false);
    let verifies = Signal::derive(move || inputs.with(|(_, level)| level.is_some_and(Level::verifies_identity)));

    let download = move |extension: &'static str| {
        move |_| {
            let (profile, level) = inputs.get_untracked();
            let (body, mime) = if extension == "md" {
                (faq_markdown(support, &profile, level), "text/markdown")
            } else {
                (
                    format!(
                        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>FAQ</title></head><body>\n{}\n</body></html>\n",
                        faq_html(support, &profile, level)
                    ),
                    "text/html",
                )
            };
            let name = record.with(|r| export_file_name(r, &browser::today_iso(), extension).replacen("readiness", "agency-faq", 1));
            if store.offer_download(&DownloadFile { name, mime, body }) {
                exported.set(true);
            }
        }
    };
    let routing =
        |contact: Contact| support.routing.iter().filter(move |r| r.contact == contact).map(|r| view! { <li>{r.topic}</li> }).collect_view();
    let tick_idv = Signal::derive(move || exported.get() && verifies.get());

    view! {
        <PageHeading title=SUPPORT_FAQ.title />
        <p class="usa-intro">"Answers your help desk can give to common questions about signing in with Login.gov, filled with your agency and application names."</p>
        <p data-testid="faq-written-from"><Cited fact=support_fact("sup-partner-resources") />" "<Cited fact=support_fact("sup-login-gov-answers") /></p>
        <p data-testid="faq-scope">{move || if verifies.get() {
            "Includes the identity-verification answer for your service level."
        } else {
            "The identity-verification answer is left out: your service level does not verify identity, or none is chosen yet."
        }}</p>
        <Show when=move || verifies.get()>
            <form class="usa-form usa-form--large" on:submit=|ev| ev.prevent_default()>
                <InPersonQuestion id="faq-in-person" />
            </form>
        </Show>
        <div class="export-buttons no-print">
            <button type="button" class="usa-button" on:click=download("md")>"Download Markdown"</button>
            <button type="button" class="usa-button" on:click=download("html")>"Download HTML"</button>
        </div>
        <section aria-labelledby="faq-heading">
            <h2 id="faq-heading">"Questions and answers"</h2>
            <dl class="faq-list" data-testid="faq">
                {move || items().into_iter().map(|item| view! {
                    <dt data-faq=item.id.clone()>{item.question}</dt>
                    <dd>{item.answer}</dd>
                }).collect_view()}
            </dl>
        </section>
        <section aria-labelledby="routing-heading">
            <h2 id="routing-heading">"Where to send questions"</h2>
            <h3>"Contact Login.gov (login.gov/contact) for"</h3>
            <ul class="usa-list">{routing(Contact::LoginGov)}</ul>
            <h3>{move || inputs.with(|(profile, _)| if profile.agency.trim().is_empty() { "Contact your agency for".to_string() } else { format!("Contact {} for", profile.agency) })}</h3>
            <ul class="usa-list">{routing(Contact::Agency)}</ul>
        </section>
        <TickItem item_id="chk-help-desk-briefing" ready=exported evidence="Agency FAQ exported from the portal" />
        <TickItem item_id="chk-idv-faq" ready=tick_idv evidence="Agency FAQ with the identity-verification answer exported from the portal" />
    }
}
