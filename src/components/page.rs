use leptos::prelude::*;
use leptos_meta::Title;

use crate::logic::routes::document_title;

/// The id every page's `h1` carries, so focus can move to it on navigation.
pub const HEADING_ID: &str = "page-heading";

/// Sets the document title and renders the page's one `h1`, focusable by script only.
#[component]
pub fn PageHeading(#[prop(into)] title: String) -> impl IntoView {
    let document = document_title(&title);
    view! {
        <Title text=document />
        <h1 id=HEADING_ID tabindex="-1">{title}</h1>
    }
}
