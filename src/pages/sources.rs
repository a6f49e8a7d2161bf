use leptos::prelude::*;

use crate::components::page::PageHeading;
use crate::logic::content::{content, PortalBasis};
use crate::logic::routes::SOURCES;

/// Every public source the portal's facts cite, with what the portal uses it for.
#[component]
pub fn SourcesPage() -> impl IntoView {
    let content = content();
    let rows = content
        .sources
        .iter()
        .map(|source| {
            view! {
                <tr>
                    <th scope="row">
                        <a class="usa-link" href=source.url rel="external noopener">{source.title}</a>
                    </th>
                    <td>{source.used_for}</td>
                    <td><time datetime=source.last_verified>{source.last_verified}</time></td>
                </tr>
            }
        })
        .collect_view();
    let title_of = |url: &str| content.source_by_url(url).map(|s| s.title.to_string()).unwrap_or_else(|| url.to_string());
    let disagreements = content
        .disagreements
        .iter()
        .map(|d| {
            let other = if d.other_source.is_empty() {
                view! { <span>{d.other_text}" (no longer published)"</span> }.into_any()
            } else {
                view! { <span>{d.other_text}" "<a class="usa-link source-link" href=d.other_source rel="external noopener">{title_of(d.other_source)}</a></span> }.into_any()
            };
            view! {
                <tr>
                    <th scope="row">{d.topic}</th>
                    <td>{d.follows_text}" "<a class="usa-link source-link" href=d.cite.source rel="external noopener">{title_of(d.cite.source)}</a></td>
                    <td>{other}</td>
                    <td>{d.portal_follows}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <PageHeading title=SOURCES.title />
        <p>
            "Every Login.gov rule in this portal comes from one of these public pages. The portal words each fact in its own plain language and links to the page it comes from; when a source and the portal disagree, the source wins. Each source’s date is the day someone last read it for the facts it supports."
        </p>
        <p data-testid="portal-basis-labels">
            "Some statements are the portal’s own, not Login.gov’s: a figure Login.gov does not publish, a field the portal adds for staffing, its advice, or what it does. They carry one of these labels where a source link would be, so no link points at a page that does not say what is cited: "
            {PortalBasis::ALL.iter().map(|b| b.label()).collect::<Vec<_>>().join("; ")}"."
        </p>
        <div class="usa-table-container--scrollable" tabindex="0" role="region" aria-label="Sources table">
            <table class="usa-table usa-table--borderless">
                <caption>{format!("{} sources", content.sources.len())}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Source"</th>
                        <th scope="col">"What the portal uses it for"</th>
                        <th scope="col">"Last verified"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <section aria-labelledby="disagreements-heading">
            <h2 id="disagreements-heading">"Where Login.gov’s sources disagree"</h2>
            <p>"Login.gov’s own pages do not always agree. Where they differ, the portal states the rule it follows and cites both."</p>
            <div class="usa-table-container--scrollable" tabindex="0" role="region" aria-label="Where Login.gov’s sources disagree">
                <table class="usa-table usa-table--borderless" data-testid="disagreements">
                    <caption>{format!("{} disagreements", content.disagreements.len())}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Topic"</th>
                            <th scope="col">"One source says"</th>
                            <th scope="col">"Another says"</th>
                            <th scope="col">"The portal follows"</th>
                        </tr>
                    </thead>
                    <tbody>{disagreements}</tbody>
                </table>
            </div>
        </section>
    }
}
