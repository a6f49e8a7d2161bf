use leptos::prelude::*;

use crate::components::page::PageHeading;
use crate::logic::content::content;
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
                        <a class="usa-link" href=source.url.clone() rel="external noopener">{source.title.clone()}</a>
                    </th>
                    <td>{source.used_for.clone()}</td>
                    <td><time datetime=source.last_verified.clone()>{source.last_verified.clone()}</time></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <PageHeading title=SOURCES.title />
        <p>
            "Every Login.gov rule in this portal comes from one of these public pages. The portal words each fact in its own plain language and links to the page it comes from; when a source and the portal disagree, the source wins."
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
    }
}
