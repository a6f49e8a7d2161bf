use leptos::prelude::*;

use crate::logic::routes::document_title;

/// The id every page's `h1` carries, so focus can move to it on navigation.
pub const HEADING_ID: &str = "page-heading";

/// Sets the document title and renders the page's one `h1`, focusable by script only. A page's
/// title never changes while it is shown, so it is set once, when the page is made (no
/// leptos_meta for one title).
#[component]
pub fn PageHeading(#[prop(into)] title: String) -> impl IntoView {
    document().set_title(&document_title(&title));
    view! { <h1 id=HEADING_ID tabindex="-1">{title}</h1> }
}
