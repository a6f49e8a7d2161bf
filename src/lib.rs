//! Login.gov partner readiness portal: the `App` and its router.
//! The rules live in the `portal_core` crate (core/), named `logic` here; pages and components
//! are thin views over it.

pub mod browser;
pub mod components;
pub mod outbox;
pub mod pages;
pub mod store;

/// The rules crate, by the name the views use for it.
pub use portal_core as logic;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use components::notices::Notices;
use components::shell::{GovBanner, SiteFooter, SiteHeader, SkipNav, MAIN_ID};
use pages::{
    checklist::ChecklistPage, home::HomePage, launch::LaunchPage, not_found::NotFoundPage, review::ReviewPage, service_level::ServiceLevelPage,
    sources::SourcesPage,
    support::{
        checker::SupportCheckerPage, email::SupportEmailPage, faq::SupportFaqPage, links::SupportLinksPage,
        overview::SupportOverviewPage, SupportKit,
    },
};
use store::Store;

#[component]
pub fn App() -> impl IntoView {
    let store = Store::start();
    provide_context(store);
    provide_context(outbox::start(store));

    view! {
        <Router>
            <FocusHeadingOnNavigate />
            <SkipNav />
            <GovBanner />
            <SiteHeader />
            <main id=MAIN_ID class="site-main" tabindex="-1">
                <Notices />
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/service-level") view=ServiceLevelPage />
                    <Route path=path!("/checklist") view=ChecklistPage />
                    <Route path=path!("/review") view=ReviewPage />
                    <ParentRoute path=path!("/support") view=SupportKit>
                        <Route path=path!("") view=SupportOverviewPage />
                        <Route path=path!("links") view=SupportLinksPage />
                        <Route path=path!("checker") view=SupportCheckerPage />
                        <Route path=path!("email") view=SupportEmailPage />
                        <Route path=path!("faq") view=SupportFaqPage />
                    </ParentRoute>
                    <Route path=path!("/launch") view=LaunchPage />
                    <Route path=path!("/sources") view=SourcesPage />
                </Routes>
            </main>
            <SiteFooter />
        </Router>
    }
}

/// After each route change (not the first load), moves focus to the new page's `h1` so
/// keyboard and screen-reader users start at the top of the new content.
#[component]
fn FocusHeadingOnNavigate() -> impl IntoView {
    let pathname = use_location().pathname;
    Effect::new(move |previous: Option<String>| {
        let current = pathname.get();
        if previous.is_some_and(|p| p != current) {
            request_animation_frame(browser::focus_page_heading);
        }
        current
    });
}

/// Mounts the app on the page; called by `main`.
pub fn mount() {
    // Panic messages in the console help while developing; the release build leaves the hook
    // (and its formatting code) out.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
