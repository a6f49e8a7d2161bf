//! In-browser tests, run in headless Chromium by wasm-bindgen-test-runner:
//! the app mounts, reads and writes localStorage, and shows what it must.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use readiness_portal::logic::record::{self, ReadinessRecord};
use readiness_portal::store::{SET_ASIDE_KEY, STORAGE_KEY};
use readiness_portal::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Lets effects, microtasks and one animation frame run.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn mount_app() -> leptos::mount::UnmountHandle<impl Mountable> {
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host, App)
}

fn text_of(selector: &str) -> String {
    document().query_selector(selector).unwrap().map(|e| e.text_content().unwrap_or_default()).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn home_page_renders_its_heading_title_and_landmarks() {
    storage().clear().unwrap();
    let app = mount_app();
    settle().await;
    assert_eq!(text_of("h1"), "Get ready to launch with Login.gov");
    assert!(document().title().starts_with("Get ready to launch with Login.gov | "));
    assert!(document().query_selector("main#main-content").unwrap().is_some());
    assert!(document().query_selector("nav[aria-label=Primary]").unwrap().is_some());
    assert!(text_of("footer").contains("last verified"));
    drop(app);
}

#[wasm_bindgen_test]
async fn unreadable_saved_work_is_set_aside_and_announced() {
    storage().clear().unwrap();
    storage().set_item(STORAGE_KEY, "{\"kind\": broken").unwrap();
    let app = mount_app();
    settle().await;
    assert_eq!(storage().get_item(SET_ASIDE_KEY).unwrap().as_deref(), Some("{\"kind\": broken"));
    let notices = text_of(".notices");
    assert!(notices.contains("could not be opened"), "{notices}");
    assert!(notices.contains("Download the saved data"), "{notices}");
    drop(app);
}

#[wasm_bindgen_test]
async fn saved_work_loads_and_each_change_is_saved() {
    storage().clear().unwrap();
    let mut saved = ReadinessRecord::default();
    saved.profile.agency = "Department of Examples".into();
    storage().set_item(STORAGE_KEY, &record::to_json(&saved)).unwrap();
    let app = mount_app();
    settle().await;

    let agency: web_sys::HtmlInputElement = document().get_element_by_id("profile-agency").unwrap().unchecked_into();
    assert_eq!(agency.value(), "Department of Examples");

    agency.set_value("Office of <b>Tests</b>");
    agency.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    settle().await;
    let stored = storage().get_item(STORAGE_KEY).unwrap().unwrap();
    assert_eq!(record::import(&stored).unwrap().profile.agency, "Office of <b>Tests</b>");
    assert!(document().query_selector("main b").unwrap().is_none(), "user text must render as text");
    drop(app);
}
