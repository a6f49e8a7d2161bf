/// The id of the static first view in index.html: the page shell painted from HTML and CSS
/// alone while the wasm downloads.
const FIRST_VIEW_ID: &str = "first-view";

fn main() {
    readiness_portal::mount();
    // The app has rendered synchronously; take the static view away in the same task, so the
    // browser never paints both: the app replaces it in one frame and nothing shifts.
    if let Some(first_view) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(FIRST_VIEW_ID)) {
        first_view.remove();
    }
}
