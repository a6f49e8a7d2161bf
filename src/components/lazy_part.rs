//! A part of a page whose code loads when it is first needed: when it comes within a screen of
//! the viewport, or when the page asks for it first (`wanted`, e.g. on the first input in the
//! form above it). Until then an empty block stands in for it; while its code is on its way a
//! progress message appears after about 300 ms (as for a page); a chunk that does not arrive
//! gets a message and a retry in its place, and the rest of the page keeps working.

use std::future::Future;
use std::pin::Pin;

use leptos::__reexports::send_wrapper::SendWrapper;
use leptos::html;
use leptos::prelude::*;

use crate::browser;
use crate::components::lazy_page::ChunkFailed;

/// Loading a part: its view once its code is there.
pub type PartLoad = Pin<Box<dyn Future<Output = Result<AnyView, ChunkFailed>>>>;

#[component]
pub fn LazyPart<L>(
    /// Builds the part (from its own chunk in the release build); called again on a retry.
    load: L,
    /// Set by the page to load the part before it is scrolled to.
    wanted: RwSignal<bool>,
    /// What the part is, in the progress and error messages ("the forecast and downloads").
    what: &'static str,
    /// The part's first heading, which takes focus when a retry brings the part in.
    heading_id: &'static str,
) -> impl IntoView
where
    L: Fn() -> PartLoad + Clone + Send + Sync + 'static,
{
    let placeholder = NodeRef::<html::Div>::new();
    // The watch lives as long as the placeholder's owner; dropping it stops the observer.
    let watch = StoredValue::new(None::<SendWrapper<browser::NearScreenWatch>>);
    Effect::new(move |_| {
        if let Some(element) = placeholder.get() {
            match browser::when_near_screen(&element, move || wanted.set(true)) {
                Some(started) => watch.set_value(Some(SendWrapper::new(started))),
                None => wanted.set(true),
            }
        }
    });
    let attempt = RwSignal::new(0_u32);
    let part = move || {
        attempt.track();
        let load = load.clone();
        Suspend::new(SendWrapper::new(async move {
            match browser::while_busy(load()).await {
                Ok(view) => {
                    // The retry button that had focus is gone; its place is now the part.
                    if attempt.get_untracked() > 0 {
                        request_animation_frame(move || {
                            browser::focus_by_id(heading_id);
                        });
                    }
                    view
                }
                Err(ChunkFailed) => view! { <PartNotLoaded what retry=move || attempt.update(|n| *n += 1) /> }.into_any(),
            }
        }))
    };
    // Built once: setting `wanted` again (every keystroke may) must not build the part anew.
    let shown = Memo::new(move |_| wanted.get());
    move || {
        if shown.get() {
            watch.set_value(None);
            let part = part.clone();
            view! {
                <Suspense fallback=move || view! { <p class="usa-hint page-loading" role="status">{format!("Loading {what}…")}</p> }>
                    {part}
                </Suspense>
            }
            .into_any()
        } else {
            view! { <div class="lazy-part-placeholder" node_ref=placeholder data-lazy-part="waiting"></div> }.into_any()
        }
    }
}

/// What a part whose code did not arrive shows instead, with a retry (a retry that brings the
/// part in moves focus to its heading, `heading_id`).
#[component]
fn PartNotLoaded(what: &'static str, retry: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    view! {
        <div class="usa-alert usa-alert--error usa-alert--slim" role="alert" data-testid="part-not-loaded">
            <div class="usa-alert__body">
                <p class="usa-alert__text">
                    {format!("The portal could not download the code for {what}. Check your connection and try again. ")}
                    "What you entered above is saved in this browser."
                </p>
                <button type="button" class="usa-button usa-button--outline" on:click=move |_| retry()>"Try again"</button>
            </div>
        </div>
    }
}
