//! Login.gov partner readiness portal: the `App` and its router.
//! The rules live in the `portal_core` crate (core/), named `logic` here; pages and components
//! are thin views over it.

pub mod browser;
pub mod components;
pub mod outbox;
pub mod pages;
pub mod planner_db;
pub mod store;

/// The rules crate, by the name the views use for it.
pub use portal_core as logic;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;
use wasm_bindgen::JsCast;

use components::lazy_page::{LazyPage, PageLoad};
use components::notices::Notices;
use components::shell::{GovBanner, SiteFooter, SiteHeader, SkipNav, MAIN_ID};
use pages::{not_found::NotFoundPage, support::SupportKit};
use store::Store;

#[component]
pub fn App() -> impl IntoView {
    let store = Store::start();
    provide_context(store);
    provide_context(outbox::start(store));

    view! {
        <Router>
            <SkipNav />
            <GovBanner />
            <SiteHeader />
            <main id=MAIN_ID class="site-main" tabindex="-1">
                <Notices />
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=|| lazy(pages::home_page) />
                    <Route path=path!("/service-level") view=|| lazy(pages::service_level_page) />
                    <Route path=path!("/checklist") view=|| lazy(pages::checklist_page) />
                    <Route path=path!("/review") view=|| lazy(pages::review_page) />
                    <ParentRoute path=path!("/support") view=SupportKit>
                        <Route path=path!("") view=|| lazy(pages::support_overview_page) />
                        <Route path=path!("links") view=|| lazy(pages::support_links_page) />
                        <Route path=path!("checker") view=|| lazy(pages::support_checker_page) />
                        <Route path=path!("email") view=|| lazy(pages::support_email_page) />
                        <Route path=path!("faq") view=|| lazy(pages::support_faq_page) />
                    </ParentRoute>
                    <Route path=path!("/launch") view=|| lazy(pages::launch_page) />
                    <Route path=path!("/sources") view=|| lazy(pages::sources_page) />
                    <Route path=path!("/staffing") view=|| lazy(pages::staffing_page) />
                </Routes>
            </main>
            <SiteFooter />
        </Router>
    }
}

/// A routed page whose code loads when it is first shown.
fn lazy(load: fn() -> PageLoad) -> impl IntoView {
    view! { <LazyPage load /> }
}

/// Mounts the app on the page; called by `main`.
pub fn mount() {
    // Panic messages in the console help while developing; the release build leaves the hook
    // (and its formatting code) out.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    // The app is built in its own element, hidden until its first page is ready
    // (browser::show_app), so the static first view stays on screen meanwhile.
    let host = document().get_element_by_id(browser::APP_ID).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match host {
        Some(host) => leptos::mount::mount_to(host, App).forget(),
        None => leptos::mount::mount_to_body(App),
    }
}
