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
    set_timeout(
        move || {
            // A link such as `/checklist#item` may point into this part, which did not exist when
            // the page opened. Only the part that brings the target into being scrolls to it, so
            // the other parts leave the reader where they are.
            let target_was_there = fragment_target().is_some();
            // The page may be left before the timer fires; the signal is then gone, which is fine.
            if ready.try_set(true).is_none() && !target_was_there {
                request_animation_frame(|| {
                    // Focus, not only scroll: the link's target is where keyboard users go next.
                    if let Some(target) = fragment_target() {
                        crate::browser::focus_by_id(&target.id());
                    }
                });
            }
        },
        Duration::ZERO,
    );
    move || {
        if ready.get() {
            children().into_any()
        } else {
            view! { <div class="deferred-placeholder" data-deferred="pending"></div> }.into_any()
        }
    }
}

/// The element the URL's `#fragment` names, if it is on the page.
fn fragment_target() -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    let hash = document.location()?.hash().ok()?;
    let id = hash.trim_start_matches('#');
    if id.is_empty() {
        return None;
    }
    let id = js_sys::decode_uri_component(id).map(String::from).unwrap_or_else(|_| id.to_string());
    document.get_element_by_id(&id)
}
