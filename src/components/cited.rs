//! A fact as the portal states it: its sentence, then where it comes from. A Login.gov fact links
//! the page that says it; the portal's own statements (an assumption, a planning field, advice,
//! what the portal does) carry that label instead, so no link points at a page that does not say
//! what is cited.

use leptos::prelude::*;

use crate::logic::content::{content, Citation, Fact};

/// Where a statement comes from: a "Source" link, naming the source with `named`, or the
/// portal's own label (with the old page linked, for an earlier Login.gov figure). `about` is
/// read by screen readers after "Source", to tell one link from its neighbours.
#[component]
pub fn SourceLink(cite: Citation, #[prop(optional)] named: bool, #[prop(optional, into)] about: Option<String>) -> impl IntoView {
    let about = about.map(|about| view! { <span class="usa-sr-only">{format!(" for {about}")}</span> });
    let link = cite.link().map(|source| {
        let title = named.then(|| content().source_by_url(source).map_or(source, |s| s.title));
        let text = if cite.basis.is_some() { "Earlier Login.gov page" } else { "Source" };
        view! {
            <a class="usa-link source-link" href=source rel="external noopener">
                {text}
                {title.map(|title| view! { ": "{title} })}
                {about}
            </a>
        }
    });
    let label = cite.basis.map(|basis| view! { <span class="portal-basis" data-testid="portal-basis">{basis.label()}</span> });
    view! { {label}{(cite.basis.is_some() && link.is_some()).then_some(" ")}{link} }
}

/// The fact's text and where it comes from ([`SourceLink`]).
#[component]
pub fn Cited(fact: &'static Fact, #[prop(optional)] named: bool) -> impl IntoView {
    view! {
        {fact.text}
        " "
        <SourceLink cite=fact.cite named=named />
    }
}

/// A support fact by id (support.json); a host test checks every id a page asks for exists.
pub fn support_fact(id: &str) -> &'static Fact {
    content().support.fact(id).unwrap_or_else(|| panic!("support.json has no fact {id}"))
}
