use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::page::PageHeading;
use crate::logic::routes::PAGES;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let location = use_location();
    view! {
        <PageHeading title="Page not found" />
        <p>
            "There is no page at "<code>{move || location.pathname.get()}</code>
            " in this portal. The address may be mistyped, or the link may be out of date."
        </p>
        <p>"These are the portal’s pages:"</p>
        <ul class="usa-list">
            {PAGES.iter().map(|page| view! { <li><a class="usa-link" href=page.path>{page.nav_label}</a></li> }).collect_view()}
        </ul>
    }
}
