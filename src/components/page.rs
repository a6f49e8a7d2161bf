use std::cell::RefCell;

use leptos::prelude::*;

use crate::browser;
use crate::logic::routes::document_title;

/// The id every page's `h1` carries, so focus can move to it on navigation.
pub const HEADING_ID: &str = "page-heading";

/// Sets the document title and renders the page's one `h1`, focusable by script only. A page's
/// title never changes while it is shown, so it is set once, when the page is made (no
/// leptos_meta for one title).
///
/// The heading is also how the app knows a page is on screen: a page's code may arrive later
/// than the route change (src/components/lazy_page.rs), so neither showing the app nor moving
/// focus can be tied to the URL alone.
#[component]
pub fn PageHeading(#[prop(into)] title: String) -> impl IntoView {
    document().set_title(&document_title(&title));
    // An effect runs after the view is built, in the same task, so before the browser paints;
    // the view itself may be mounted a moment later (see page_shown).
    Effect::new(|_| page_shown());
    view! { <h1 id=HEADING_ID tabindex="-1">{title}</h1> }
}

thread_local! {
    /// The path whose page was last shown: None until the first page is on screen.
    static SHOWN_PATH: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The first page shown replaces the static first view (in one frame: both happen in this
/// task). A page shown for another path than the last gets focus on its heading, so keyboard and
/// screen-reader users start at the top of the new content; the same page drawn again (a page
/// redrawing its heading) does not take focus, unless a retry asked for it
/// (`focus_next_page_heading`).
fn page_shown() {
    let path = browser::current_path();
    let previous = SHOWN_PATH.with_borrow_mut(|shown| shown.replace(path.clone()));
    match previous {
        None => browser::show_app(),
        // In the next frame: the page's view may be put in the document after this effect runs
        // (a page whose code arrived late is mounted by its Suspense).
        Some(previous) if previous != path => request_animation_frame(browser::focus_page_heading),
        Some(_) => {}
    }
}

/// Makes the next page shown take focus even on the same path: after a retry, the button that
/// had focus is gone.
pub fn focus_next_page_heading() {
    SHOWN_PATH.with_borrow_mut(|shown| {
        if shown.is_some() {
            *shown = Some(String::new());
        }
    });
}
