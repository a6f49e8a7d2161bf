//! The support kit: one parent route, `/support`, with its own navigation, and one module per
//! page under it.

pub mod checker;
pub mod email;
pub mod faq;
pub mod links;
pub mod overview;

use leptos::prelude::*;
use leptos_router::components::Outlet;

use crate::components::support_nav::SupportNav;
use crate::logic::content::{content, Fact};

/// The support kit's frame: its navigation, then the page the route names.
#[component]
pub fn SupportKit() -> impl IntoView {
    view! {
        <SupportNav />
        <Outlet />
    }
}

/// A support fact by id; the host tests check every id the pages use.
pub fn support_fact(id: &str) -> &'static Fact {
    let support = &content().support;
    support
        .facts
        .iter()
        .chain(support.agent_cannot)
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("support.json has no fact {id}"))
}
