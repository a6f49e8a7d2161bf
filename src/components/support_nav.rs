use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::logic::routes::SUPPORT_PAGES;

/// The support kit's own navigation, shown on each of its pages.
#[component]
pub fn SupportNav() -> impl IntoView {
    let location = use_location();
    view! {
        <nav aria-label="Support kit" class="support-nav no-print">
            <ul>
                {SUPPORT_PAGES
                    .iter()
                    .map(|page| {
                        let path = page.path;
                        view! {
                            <li>
                                <a href=path aria-current=move || (location.pathname.get() == path).then_some("page")>{page.nav_label}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
