//! A page whose code loads when the page is first needed.
//!
//! In the release build (cargo feature `split`, which index.html turns on for Trunk) each page
//! declared with [`lazy_pages!`] is cut into its own wasm chunk by the splitter that
//! scripts/split-wasm.mjs runs after the build; the main module keeps the shell, the store and
//! the router. In other builds (debug, the in-browser tests) the same functions return at once.
//!
//! Why not leptos_router's `#[lazy_route]`: its loader is infallible, and a chunk that fails to
//! arrive (a dropped connection, a deploy that replaced the files) panics the whole app. Here a
//! failed load is an error the page shows, with a retry that fetches the chunk again.
//!
//! While the code is on its way: on the first load the static first view stays on screen (the
//! app is shown by the page's heading, src/components/page.rs); on a later navigation a progress
//! message appears if the chunk takes longer than about 300 ms (the delay is in the stylesheet,
//! `.page-loading`, so a fast load shows nothing).

use std::future::Future;
use std::pin::Pin;

use leptos::__reexports::send_wrapper::SendWrapper;
use leptos::prelude::*;

use crate::components::page::{focus_next_page_heading, PageHeading};

/// A page's code did not arrive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkFailed;

impl From<leptos::wasm_split::SplitLoaderError> for ChunkFailed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkFailed
    }
}

/// Loading a page: its view once its code is there.
pub type PageLoad = Pin<Box<dyn Future<Output = Result<AnyView, ChunkFailed>>>>;

/// Declares a function whose code is cut into the wasm chunk named by `#[chunk(..)]` in the release
/// build: calling it fetches that chunk first (once), and a chunk that does not arrive is
/// `Err(ChunkFailed)`. In other builds it runs at once. Functions declared with the same chunk
/// name share one chunk. Arguments cross into the chunk by value (`Copy` signal handles, owned
/// data), as the splitter requires.
#[macro_export]
macro_rules! split_fn {
    (#[chunk($chunk:ident)] $(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $out:ty $body:block) => {
        $(#[$meta])*
        #[cfg(all(feature = "split", not(debug_assertions)))]
        #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        $vis fn $name($($arg: $ty),*) -> Result<$out, $crate::components::lazy_page::ChunkFailed> {
            Ok($body)
        }
        $(#[$meta])*
        #[cfg(not(all(feature = "split", not(debug_assertions))))]
        $vis async fn $name($($arg: $ty),*) -> Result<$out, $crate::components::lazy_page::ChunkFailed> {
            Ok($body)
        }
    };
}

/// Declares one function per page, `name() -> PageLoad`, building that page from the chunk
/// named after `in`: pages that share most of their code (the support kit's) share a chunk, so
/// a visit to one does not fetch dozens of small shared chunks.
#[macro_export]
macro_rules! lazy_pages {
    ($($name:ident => $page:ident in $chunk:ident),* $(,)?) => {
        $(
            pub fn $name() -> $crate::components::lazy_page::PageLoad {
                // The inner function carries the page's own name: the splitter's symbols are
                // made from it, so two pages in one chunk must not share it.
                $crate::split_fn! {
                    #[chunk($chunk)]
                    fn $name() -> ::leptos::prelude::AnyView {
                        ::leptos::prelude::IntoAny::into_any(::leptos::prelude::view! { <$page /> })
                    }
                }
                Box::pin($name())
            }
        )*
    };
}

/// Shows the page `load` builds: nothing until it is ready (a progress message after about
/// 300 ms), or a message with a retry if its code could not be fetched.
#[component]
pub fn LazyPage(load: fn() -> PageLoad) -> impl IntoView {
    let attempt = RwSignal::new(0_u32);
    let retry = move || {
        focus_next_page_heading();
        attempt.update(|n| *n += 1);
    };
    let page = move || {
        attempt.track();
        Suspend::new(SendWrapper::new(async move {
            match crate::browser::while_busy(load()).await {
                Ok(view) => view,
                Err(ChunkFailed) => view! { <PageNotLoaded retry=retry /> }.into_any(),
            }
        }))
    };
    view! {
        <Suspense fallback=|| view! { <p class="usa-hint page-loading" role="status">"Loading this page…"</p> }>
            {page}
        </Suspense>
    }
}

/// What a page whose code did not arrive shows instead: what happened, that nothing is lost, and
/// a retry.
#[component]
fn PageNotLoaded(retry: impl Fn() + 'static) -> impl IntoView {
    view! {
        <PageHeading title="This page did not load" />
        <div class="usa-alert usa-alert--error usa-alert--slim" role="alert">
            <div class="usa-alert__body">
                <p class="usa-alert__text">
                    "The portal could not download this page's code. Check your connection and try again. "
                    "Your saved work is not affected: it is kept in this browser."
                </p>
            </div>
        </div>
        <p>
            <button type="button" class="usa-button" on:click=move |_| retry()>"Try again"</button>
        </p>
    }
}
