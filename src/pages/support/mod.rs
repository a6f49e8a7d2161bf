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

/// The support kit's frame: its navigation, then the page the route names.
#[component]
pub fn SupportKit() -> impl IntoView {
    view! {
        <SupportNav />
        <Outlet />
    }
}
