//! A fact as the portal states it: its sentence, then a link to the page it comes from.

use leptos::prelude::*;

use crate::logic::content::{content, Fact};

/// The fact's text and a "Source" link; with `named`, the link names the source
/// ("Source: Login.gov developer guide: …").
#[component]
pub fn Cited(fact: &'static Fact, #[prop(optional)] named: bool) -> impl IntoView {
    let source = fact.cite.source;
    let title = named.then(|| content().source_by_url(source).map_or(source, |s| s.title));
    view! {
        {fact.text}
        " "
        <a class="usa-link source-link" href=source rel="external noopener">
            "Source"
            {title.map(|title| view! { ": "{title} })}
        </a>
    }
}

/// A support fact by id (support.json); a host test checks every id a page asks for exists.
pub fn support_fact(id: &str) -> &'static Fact {
    content().support.fact(id).unwrap_or_else(|| panic!("support.json has no fact {id}"))
}
