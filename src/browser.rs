//! Thin wrappers over browser APIs, so pages and the store stay free of web-sys details.
//! Every call reports failure instead of panicking: storage can be full, blocked or missing.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn local_storage() -> Result<web_sys::Storage, String> {
    window()
        .ok_or("no window")?
        .local_storage()
        .map_err(|_| "the browser blocks site storage".to_string())?
        .ok_or_else(|| "the browser has no site storage".to_string())
}

pub fn storage_get(key: &str) -> Result<Option<String>, String> {
    local_storage()?.get_item(key).map_err(|_| "reading site storage failed".to_string())
}

pub fn storage_set(key: &str, value: &str) -> Result<(), String> {
    local_storage()?.set_item(key, value).map_err(|e| describe_js_error(&e, "saving to site storage failed"))
}

fn describe_js_error(error: &JsValue, fallback: &str) -> String {
    error.dyn_ref::<js_sys::Error>().map(|e| format!("{fallback}: {}", String::from(e.message()))).unwrap_or_else(|| fallback.to_string())
}

/// Today's local date as `YYYY-MM-DD`.
pub fn today_iso() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}

/// Today's local date; 2026-01-01 should the clock give something unreadable.
pub fn today() -> crate::logic::dates::Date {
    crate::logic::dates::Date::parse_iso(&today_iso()).unwrap_or(crate::logic::dates::Date { year: 2026, month: 1, day: 1 })
}

/// This instant in UTC, as ISO 8601 ("2026-12-02T07:50:02.123Z").
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// An ISO 8601 instant ("2026-12-01T18:13:39.865Z") in the reader's own time zone, named:
/// "December 1, 2026 at 1:13 PM EST". Text that is not an instant is shown as it is.
pub fn local_time(iso: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return iso.to_string();
    }
    let options = js_sys::Object::new();
    for (key, value) in
        [("year", "numeric"), ("month", "long"), ("day", "numeric"), ("hour", "numeric"), ("minute", "2-digit"), ("timeZoneName", "short")]
    {
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    String::from(date.to_locale_string("en-US", &options))
}

/// Offers `contents` to the user as a downloaded file.
pub fn download(file_name: &str, mime: &str, contents: &str) -> Result<(), String> {
    let fail = |_| "the browser refused the download".to_string();
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = window().and_then(|w| w.document()).ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a").map_err(fail)?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Revoked a minute later: Firefox and Safari start the download after click() returns, and
    // revoking at once can cancel it silently.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}

/// The id of the static first view in index.html: the page shell painted from HTML and CSS
/// alone while the wasm downloads.
pub const FIRST_VIEW_ID: &str = "first-view";
/// The id of the element the app is mounted in, hidden until its first page is ready.
pub const APP_ID: &str = "app";

/// Replaces the static first view with the app. Called once, when the first page's view is in
/// the document: both changes happen in one task, so the browser paints one or the other, never
/// both and never neither.
pub fn show_app() {
    let Some(document) = window().and_then(|w| w.document()) else { return };
    if let Some(first_view) = document.get_element_by_id(FIRST_VIEW_ID) {
        first_view.remove();
    }
    if let Some(app) = document.get_element_by_id(APP_ID) {
        let _ = app.remove_attribute("hidden");
    }
}

/// Moves keyboard and screen-reader focus to the current page's heading after a route change.
pub fn focus_page_heading() {
    let heading = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(crate::components::page::HEADING_ID))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(heading) = heading {
        let _ = heading.focus();
    }
}

/// Moves focus to the element with this id (making it focusable by script if it is not) and
/// brings it into view: a link within the page then takes keyboard and screen-reader users to
/// its target, not only the scroll position. False when there is no such element.
pub fn focus_by_id(id: &str) -> bool {
    let element = window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    let Some(element) = element else { return false };
    if !element.has_attribute("tabindex") {
        let _ = element.set_attribute("tabindex", "-1");
    }
    let _ = element.focus();
    element.scroll_into_view();
    true
}

/// The path of the current page, such as `/checklist`.
pub fn current_path() -> String {
    window().and_then(|w| w.location().pathname().ok()).unwrap_or_default()
}

/// Reads a picked file as text.
pub async fn read_file_text(file: web_sys::File) -> Result<String, String> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.map_err(|e| describe_js_error(&e, "the file could not be read"))?;
    text.as_string().ok_or_else(|| "the file is not text".to_string())
}

/// Copies text to the clipboard; the caller tells the user whether it worked.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let clipboard = window().ok_or("no window")?.navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|e| describe_js_error(&e, "the browser did not allow copying"))
}

/// Copies HTML as `text/html`, with `plain` as the `text/plain` fallback, so a mail program
/// pastes the formatted email and a plain editor the text.
pub async fn copy_html(html: &str, plain: &str) -> Result<(), String> {
    let fail = |e: JsValue| describe_js_error(&e, "the browser did not allow copying");
    let blob = |text: &str, mime: &str| {
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
    };
    let items = js_sys::Object::new();
    let (html_blob, plain_blob) = (blob(html, "text/html").map_err(fail)?, blob(plain, "text/plain").map_err(fail)?);
    js_sys::Reflect::set(&items, &JsValue::from_str("text/html"), &html_blob).map_err(fail)?;
    js_sys::Reflect::set(&items, &JsValue::from_str("text/plain"), &plain_blob).map_err(fail)?;
    let item = web_sys::ClipboardItem::new_with_record_from_str_to_blob_promise(&items).map_err(fail)?;
    let clipboard = window().ok_or("no window")?.navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write(&js_sys::Array::of1(&item))).await.map(|_| ()).map_err(fail)
}

/// A new idempotency key: `crypto.randomUUID()`, or where a page served over plain HTTP lacks
/// it, a version-4 UUID from `crypto.getRandomValues()`. Never `Math.random`.
pub fn random_uuid() -> Result<String, String> {
    let crypto = window().ok_or("no window")?.crypto().map_err(|e| describe_js_error(&e, "no crypto"))?;
    if js_sys::Reflect::has(&crypto, &JsValue::from_str("randomUUID")).unwrap_or(false) {
        return Ok(crypto.random_uuid());
    }
    let mut bytes = [0u8; 16];
    crypto.get_random_values_with_u8_array(&mut bytes).map_err(|e| describe_js_error(&e, "no random values"))?;
    Ok(crate::logic::launch::uuid_v4(bytes))
}

/// The page's origin, for building absolute share links.
pub fn origin() -> String {
    window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

/// Watches `element` and calls `then` once it comes within a screen's height of the viewport.
/// `None` where the browser cannot watch. Dropping the returned watch stops watching.
pub fn when_near_screen(element: &web_sys::Element, then: impl FnOnce() + 'static) -> Option<NearScreenWatch> {
    let mut then = Some(then);
    let callback = Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
            let near = entries.iter().any(|entry| entry.unchecked_into::<web_sys::IntersectionObserverEntry>().is_intersecting());
            if near {
                observer.disconnect();
                if let Some(then) = then.take() {
                    then();
                }
            }
        },
    );
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin("100% 0px");
    match web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options) {
        Ok(observer) => {
            observer.observe(element);
            Some(NearScreenWatch { observer, _callback: callback })
        }
        Err(_) => None,
    }
}

/// A watch started by [`when_near_screen`]; it stops when dropped.
pub struct NearScreenWatch {
    observer: web_sys::IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>,
}

impl Drop for NearScreenWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

thread_local! {
    static BUSY: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Marks the page busy while code or configuration is on its way: `<html data-busy>` while any
/// [`Busy`] lives. The page gives it so that a test (or anything watching) waits for that signal
/// instead of for the network to fall quiet.
pub struct Busy(());

impl Busy {
    pub fn start() -> Busy {
        let count = BUSY.with(|b| {
            b.set(b.get() + 1);
            b.get()
        });
        set_busy_attribute(count);
        Busy(())
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        let count = BUSY.with(|b| {
            b.set(b.get().saturating_sub(1));
            b.get()
        });
        set_busy_attribute(count);
    }
}

/// Runs `work` with the page marked busy until it is done.
pub async fn while_busy<F: std::future::Future>(work: F) -> F::Output {
    let _busy = Busy::start();
    work.await
}

/// Spawns `work` with the page marked busy from this moment, not from the task's first poll,
/// so nothing sees the page idle between the call and the start of the work.
pub fn spawn_busy(work: impl std::future::Future<Output = ()> + 'static) {
    let busy = Busy::start();
    leptos::task::spawn_local(async move {
        work.await;
        drop(busy);
    });
}

fn set_busy_attribute(count: u32) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = if count > 0 { root.set_attribute("data-busy", &count.to_string()) } else { root.remove_attribute("data-busy") };
    }
}
