//! Renders the lower part of a long page one task after the rest.
//!
//! Building all of `/checklist` or `/launch` at once is one long main-thread task, which on a
//! slow phone blocks input (Lighthouse's total blocking time). The part a user sees first is
//! built straight away; what is below it comes in the next task. Until then a placeholder at
//! least a screen tall stands in, so nothing that is on screen moves when the rest arrives.

use std::time::Duration;

use leptos::prelude::*;

#[component]
pub fn Deferred(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    // The page may be left before the timer fires; the signal is then gone, which is fine.
    set_timeout(
        move || {
            let _ = ready.try_set(true);
        },
        Duration::ZERO,
    );
    Effect::new(move |_| {
        if ready.get() {
            request_animation_frame(scroll_to_fragment);
        }
    });
    move || {
        if ready.get() {
            children().into_any()
        } else {
            view! { <div class="deferred-placeholder" data-deferred="pending"></div> }.into_any()
        }
    }
}

/// A link such as `/checklist#item` may point into the deferred part, which did not exist when
/// the page opened; go there now that it does.
fn scroll_to_fragment() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let hash = document.location().and_then(|l| l.hash().ok()).unwrap_or_default();
    let id = hash.trim_start_matches('#');
    if id.is_empty() {
        return;
    }
    let id = js_sys::decode_uri_component(id).map(String::from).unwrap_or_else(|_| id.to_string());
    if let Some(target) = document.get_element_by_id(&id) {
        target.scroll_into_view();
    }
}
