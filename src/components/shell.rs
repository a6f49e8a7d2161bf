//! The frame around every page: skip link, government banner, header with navigation, footer.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::logic::content::verified_range;
use crate::logic::routes::{PAGES, PRODUCT_NAME, SOURCES};

pub const MAIN_ID: &str = "main-content";

#[component]
pub fn SkipNav() -> impl IntoView {
    // Focus main directly: the router would otherwise treat the hash link as a navigation.
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = document().get_element_by_id(MAIN_ID) {
            use wasm_bindgen::JsCast;
            if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                let _ = main.focus();
            }
        }
    };
    view! { <a class="usa-skipnav" href=format!("#{MAIN_ID}") on:click=skip>"Skip to main content"</a> }
}

/// The official-site banner, with its "how you know" panel toggled without USWDS's script.
#[component]
pub fn GovBanner() -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <section class="usa-banner" aria-label="Official website of the United States government">
            <div class="usa-accordion">
                <header class="usa-banner__header" class:usa-banner__header--expanded=move || open.get()>
                    <div class="usa-banner__inner">
                        <div class="grid-col-auto">
                            <img class="usa-banner__header-flag" src="/img/us_flag_small.png" alt="" aria-hidden="true" width="16" height="11" />
                        </div>
                        <div class="grid-col-fill tablet:grid-col-auto" aria-hidden="true">
                            <p class="usa-banner__header-text">"An official website of the United States government"</p>
                            <p class="usa-banner__header-action">"Here’s how you know"</p>
                        </div>
                        <button
                            type="button"
                            class="usa-accordion__button usa-banner__button"
                            aria-expanded=move || open.get().to_string()
                            aria-controls="gov-banner-panel"
                            on:click=move |_| open.update(|o| *o = !*o)
                        >
                            <span class="usa-banner__button-text">"Here’s how you know"</span>
                        </button>
                    </div>
                </header>
                <div class="usa-banner__content usa-accordion__content" id="gov-banner-panel" hidden=move || !open.get()>
                    <div class="grid-row grid-gap-lg">
                        <div class="usa-banner__guidance tablet:grid-col-6">
                            <div class="usa-media-block__body">
                                <p>
                                    <strong>"Official websites use .gov"</strong>
                                    <br />
                                    "A "<strong>".gov"</strong>" website belongs to an official government organization in the United States."
                                </p>
                            </div>
                        </div>
                        <div class="usa-banner__guidance tablet:grid-col-6">
                            <div class="usa-media-block__body">
                                <p>
                                    <strong>"Secure .gov websites use HTTPS"</strong>
                                    <br />
                                    "A lock or "<strong>"https://"</strong>" means you’ve safely connected to the .gov website. Share sensitive information only on official, secure websites."
                                </p>
                            </div>
                        </div>
                    </div>
                </div>
            </div>
        </section>
    }
}

#[component]
pub fn SiteHeader() -> impl IntoView {
    let location = use_location();
    // Below tablet width the links fold behind a menu button, so a phone's first screen shows
    // the page itself. Going to a page folds them again.
    let open = RwSignal::new(false);
    Effect::new(move |_| {
        location.pathname.track();
        open.set(false);
    });
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <p class="site-header__title">
                    <A href="/">{PRODUCT_NAME}</A>
                </p>
                <button
                    type="button"
                    class="usa-menu-btn site-menu-button"
                    aria-expanded=move || open.get().to_string()
                    aria-controls="site-nav-list"
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    "Menu"
                </button>
                <nav aria-label="Primary" class="site-nav" class:site-nav--open=move || open.get()>
                    <ul class="site-nav__list" id="site-nav-list">
                        {PAGES
                            .iter()
                            .map(|page| {
                                let path = page.path;
                                let current = move || (location.pathname.get() == path).then_some("page");
                                view! {
                                    <li>
                                        <a href=path class="site-nav__link" aria-current=current>
                                            {page.nav_label}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </nav>
            </div>
        </header>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    let (oldest, newest) = verified_range();
    let verified = if oldest == newest { format!("on {oldest}") } else { format!("between {oldest} and {newest}") };
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                <p>
                    "Every Login.gov fact in this portal was last verified against its published source "
                    {verified}". "
                    <a href=SOURCES.path>"See the sources"</a>"."
                </p>
                <p>
                    "This portal recommends; your agency’s own risk assessment and your Login.gov account manager decide. Your answers stay in this browser unless you export or submit them."
                </p>
            </div>
        </footer>
    }
}
