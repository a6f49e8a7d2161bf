//! `/support/faq`: the agency FAQ for the help desk, filled with the agency and application,
//! IAL2-only answers only for IAL2, with where to send each kind of question; Markdown and HTML.

use leptos::prelude::*;

use crate::browser;
use crate::components::page::PageHeading;
use crate::components::support_nav::SupportNav;
use crate::components::tick_item::TickItem;
use crate::logic::content::content;
use crate::logic::record::export_file_name;
use crate::logic::routes::SUPPORT_FAQ;
use crate::logic::service_level::Level;
use crate::logic::templates::{faq_html, faq_items, faq_markdown};
use crate::store::{use_store, NoticeKind};

#[component]
pub fn SupportFaqPage() -> impl IntoView {
    let store = use_store();
    let record = store.record;
    let support = &content().support;
    let inputs = Memo::new(move |_| record.with(|r| (r.profile.agency.clone(), r.profile.application.clone(), r.level())));
    let items = move || inputs.with(|(a, app, level)| faq_items(support, a, app, *level));
    let exported = RwSignal::new(false);
    let is_ial2 = Signal::derive(move || inputs.with(|(_, _, level)| *level == Some(Level::Ial2Aal2)));

    let download = move |extension: &'static str| {
        move |_| {
            let (agency, application, level) = inputs.get_untracked();
            let (body, mime) = if extension == "md" {
                (faq_markdown(support, &agency, &application, level), "text/markdown")
            } else {
                (format!("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>FAQ</title></head><body>\n{}\n</body></html>\n", faq_html(support, &agency, &application, level)), "text/html")
            };
            let name = record.with(|r| export_file_name(r, &browser::today_iso(), extension).replacen("readiness", "agency-faq", 1));
            match browser::download(&name, mime, &body) {
                Ok(()) => exported.set(true),
                Err(reason) => store.notify(NoticeKind::Error, format!("The download did not start: {reason}."), None),
            }
        }
    };
    let routing = |contact: &'static str| {
        support.routing.iter().filter(move |r| r.contact == contact).map(|r| view! { <li>{r.topic.clone()}</li> }).collect_view()
    };
    let tick_ial2 = Signal::derive(move || exported.get() && is_ial2.get());

    view! {
        <PageHeading title=SUPPORT_FAQ.title />
        <SupportNav />
        <p class="usa-intro">"Answers your help desk can give to common questions about signing in with Login.gov, filled with your agency and application names."</p>
        <p data-testid="faq-scope">{move || if is_ial2.get() {
            "Includes the identity-verification answers, because your application uses IAL2/AAL2."
        } else {
            "Identity-verification answers are left out: they apply only to IAL2/AAL2 applications."
        }}</p>
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
            <ul class="usa-list">{routing("login-gov")}</ul>
            <h3>{move || inputs.with(|(agency, _, _)| if agency.trim().is_empty() { "Contact your agency for".to_string() } else { format!("Contact {agency} for") })}</h3>
            <ul class="usa-list">{routing("agency")}</ul>
        </section>
        <TickItem item_id="chk-help-desk-briefing" ready=exported evidence="Agency FAQ exported from the portal" />
        <TickItem item_id="chk-ial2-faq" ready=tick_ial2 evidence="Agency FAQ with identity-verification answers exported from the portal" />
    }
}
