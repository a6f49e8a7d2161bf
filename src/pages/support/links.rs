//! `/support/links`: the contact, help and create-account links in four languages, with optional
//! attribution parameters, each with copy buttons and ready-to-paste HTML.

use leptos::prelude::*;

use crate::components::copy_button::CopyButton;
use crate::components::field::Field;
use crate::components::page::PageHeading;
use crate::components::tick_item::TickItem;
use crate::logic::content::content;
use crate::logic::content::LinkKind;
use crate::logic::routes::SUPPORT_LINKS;
use crate::logic::support_links::{build_url, link_html, link_text, Attribution};
use crate::logic::vocab::Lang;
use crate::store::use_store;

use crate::components::cited::{support_fact, Cited};

#[component]
pub fn SupportLinksPage() -> impl IntoView {
    let record = use_store().record;
    let attribution =
        Memo::new(move |_| record.with(|r| Attribution { agency: r.support.link_agency.clone(), integration: r.support.link_integration.clone() }));
    let copied_contact = RwSignal::new(false);
    let copied_attributed = RwSignal::new(false);

    let groups = LinkKind::ALL
        .iter()
        .copied()
        .map(|kind| {
            let rows = Lang::ALL
                .into_iter()
                .map(|lang| {
                    let url = Memo::new(move |_| attribution.with(|a| build_url(content().support.links, kind, lang, a)));
                    let html = Signal::derive(move || link_html(&url.get(), link_text(kind, lang), lang));
                    let html_id = format!("html-{}-{}", kind.id(), lang.id());
                    let on_copied = Callback::new(move |_| {
                        if kind == LinkKind::Contact {
                            copied_contact.set(true);
                            if attribution.with_untracked(Attribution::is_set) {
                                copied_attributed.set(true);
                            }
                        }
                    });
                    view! {
                        <tr data-link=format!("{}-{}", kind.id(), lang.id())>
                            <th scope="row">{lang.label()}</th>
                            <td class="break-anywhere"><code class="link-url">{move || url.get()}</code></td>
                            <td>
                                <CopyButton text=url label=format!("Copy the {} {} link", lang.label(), kind.id().replace('-', " ")) on_copied=on_copied />
                                <label class="usa-label" for=html_id.clone()>{format!("HTML, {}", lang.label())}</label>
                                <textarea class="usa-textarea usa-textarea--short link-html" id=html_id readonly prop:value=move || html.get()></textarea>
                                <CopyButton text=html label=format!("Copy the {} HTML", lang.label()) on_copied=on_copied />
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <h2>{kind.label()}</h2>
                <div class="usa-table-container--scrollable" tabindex="0" role="region" aria-label=format!("{} links", kind.label())>
                    <table class="usa-table usa-table--borderless links-table">
                        <thead><tr><th scope="col">"Language"</th><th scope="col">"Link"</th><th scope="col">"Copy"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
        })
        .collect_view();

    let field = move |id: &'static str,
                      label: &'static str,
                      get: fn(&crate::logic::record::ReadinessRecord) -> String,
                      set: fn(&mut crate::logic::record::ReadinessRecord, String)| {
        view! {
            <Field id=id label=label length_of=Signal::derive(move || record.with(get)) let:control>
                // The group's hint, on the parameters, describes both values.
                <input class="usa-input" id=control.id aria-describedby=move || control.described_by.get().map(|ids| format!("attribution-hint {ids}"))
                    prop:value=move || record.with(get)
                    on:input=move |ev| record.update(|r| set(r, event_target_value(&ev))) />
            </Field>
        }
    };

    view! {
        <PageHeading title=SUPPORT_LINKS.title />
        <p class="usa-intro">"Send users to Login.gov’s own pages in their language. Link to the contact page; never publish the Contact Center phone number."</p>
        <form class="usa-form usa-form--large" on:submit=|ev| ev.prevent_default()>
            <fieldset class="usa-fieldset">
                <legend class="usa-legend">"Attribute tickets to your integration (optional)"</legend>
                <p class="usa-hint" id="attribution-hint">
                    <Cited fact=support_fact("sup-agency-parameters") />" "<Cited fact=support_fact("sup-confirm-parameters") />
                </p>
                {field("link-agency", "Agency value", |r| r.support.link_agency.clone(), |r, v| r.support.link_agency = v)}
                {field("link-integration", "Integration value", |r| r.support.link_integration.clone(), |r, v| r.support.link_integration = v)}
            </fieldset>
        </form>
        {groups}
        <TickItem item_id="chk-link-contact" ready=copied_contact evidence="Contact link copied from the portal’s link builder" />
        <TickItem item_id="chk-contact-parameters" ready=copied_attributed evidence="Contact link with agency and integration values copied from the portal’s link builder" />
    }
}
