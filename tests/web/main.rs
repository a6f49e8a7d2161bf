//! In-browser tests, run in headless Chromium and Firefox by wasm-bindgen-test-runner: the app
//! mounts, reads and writes localStorage, and shows what it must; the staffing planner's
//! IndexedDB store (`planner_db`). Every browser test is in this one binary, so each browser
//! run post-processes and starts one.
#![cfg(target_arch = "wasm32")]

mod planner_db;

use leptos::prelude::*;
use leptos_router::components::Router;
use readiness_portal::components::notices::Notices;
use readiness_portal::logic::record::{self, ReadinessRecord};
use readiness_portal::store::{Store, SET_ASIDE_KEY, STORAGE_KEY};
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

/// Every element under `root` that matches `selector` (querySelectorAll, through JS: the
/// crate's web-sys features leave NodeList out).
fn select_all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let query: js_sys::Function = js_sys::Reflect::get(root, &"querySelectorAll".into()).unwrap().unchecked_into();
    let list = query.call1(root, &selector.into()).unwrap();
    js_sys::Array::from(&list).iter().map(|e| e.unchecked_into()).collect()
}

/// Mounts `page` the way the app does: inside the router, with the store and the outbox.
fn mount_page(
    page: fn() -> AnyView,
) -> (leptos::mount::UnmountHandle<impl Mountable>, web_sys::Element, std::rc::Rc<std::cell::Cell<Option<Store>>>) {
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let captured = std::rc::Rc::new(std::cell::Cell::new(None));
    let keep = captured.clone();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        let store = Store::start();
        keep.set(Some(store));
        provide_context(store);
        provide_context(readiness_portal::outbox::start(store));
        view! { <Router><Notices />{page()}</Router> }
    });
    (handle, host.into(), captured)
}

#[wasm_bindgen_test]
async fn every_stored_text_field_keeps_what_is_typed_and_says_when_it_is_too_long() {
    use readiness_portal::logic::checklist::ItemStatus;
    use readiness_portal::logic::launch::{LaunchForm, RAMP_PHASED};
    use readiness_portal::logic::service_level::Answer;
    use readiness_portal::logic::text::MAX_FIELD_CHARS;
    use readiness_portal::logic::vocab::Audience;
    use readiness_portal::logic::vocab::Level;
    use readiness_portal::pages::support::{
        checker::SupportCheckerPage, email::SupportEmailPage, faq::SupportFaqPage, links::SupportLinksPage, overview::SupportOverviewPage,
    };
    use readiness_portal::pages::{
        checklist::ChecklistPage, home::HomePage, launch::LaunchPage, review::ReviewPage, service_level::ServiceLevelPage, sources::SourcesPage,
    };

    // A record that shows every conditional field: IAL1 recommended but IAL2 chosen (a reason,
    // and the IAL2 launch fields), an item not applicable (its reason), a phased rollout (weeks).
    let mut saved = ReadinessRecord::default();
    saved.profile.audience = Some(Audience::Public);
    let answers = &mut saved.service_level.answers;
    (answers.cui, answers.financial, answers.records, answers.others_data) = (Some(Answer::No), Some(Answer::No), Some(Answer::No), Some(Answer::No));
    saved.service_level.chosen = Some(Level::Ial2Aal2);
    saved.checklist.update_item("chk-iaa-plan", |w| w.status = ItemStatus::NotApplicable);
    saved.launch.form = Some(LaunchForm { ramp: RAMP_PHASED.into(), ..LaunchForm::default() });

    let pages: [fn() -> AnyView; 11] = [
        || view! { <HomePage /> }.into_any(),
        || view! { <ServiceLevelPage /> }.into_any(),
        || view! { <ChecklistPage /> }.into_any(),
        || view! { <ReviewPage /> }.into_any(),
        || view! { <SupportOverviewPage /> }.into_any(),
        || view! { <SupportLinksPage /> }.into_any(),
        || view! { <SupportCheckerPage /> }.into_any(),
        || view! { <SupportEmailPage /> }.into_any(),
        || view! { <SupportFaqPage /> }.into_any(),
        || view! { <LaunchPage /> }.into_any(),
        || view! { <SourcesPage /> }.into_any(),
    ];
    let mut seen = Vec::new();
    for page in pages {
        storage().clear().unwrap();
        storage().set_item(STORAGE_KEY, &record::to_json(&saved)).unwrap();
        let (app, host, _) = mount_page(page);
        settle().await;
        // Open every "Note and evidence", whose fields are built when it opens.
        for details in select_all(&host, "details") {
            details.set_attribute("open", "").unwrap();
            details.dispatch_event(&web_sys::Event::new("toggle").unwrap()).unwrap();
        }
        settle().await;
        let too_long = "x".repeat(MAX_FIELD_CHARS + 1);
        let fields: Vec<web_sys::Element> = select_all(
            &host,
            "input:not([type=radio]):not([type=file]):not([type=date]):not([type=checkbox]):not([readonly]), textarea:not([readonly])",
        )
        .into_iter()
        .filter(|f| f.id() != "checker-input") // not kept, so any length is fine
        .collect();
        let description = |field: &web_sys::Element| -> String {
            field
                .get_attribute("aria-describedby")
                .unwrap_or_default()
                .split_whitespace()
                .filter_map(|d| document().get_element_by_id(d))
                .map(|e| e.text_content().unwrap_or_default())
                .collect()
        };
        // Nothing is cut: no field has a maxlength that would drop what is typed or pasted.
        for field in &fields {
            assert_eq!(field.get_attribute("maxlength"), None, "#{} must not cut text", field.id());
        }
        // Over the limit, each field says so in text tied to it: its description changes. All
        // fields of the page at once, then one wait, so the test stays quick on a slow machine.
        let before: Vec<String> = fields.iter().map(description).collect();
        for field in &fields {
            js_sys::Reflect::set(field, &"value".into(), &too_long.as_str().into()).unwrap();
            for kind in ["input", "change"] {
                field.dispatch_event(&web_sys::Event::new(kind).unwrap()).unwrap();
            }
        }
        settle().await;
        for (field, before) in fields.iter().zip(&before) {
            assert_ne!(&description(field), before, "#{} says nothing about text over the limit", field.id());
            seen.push(field.id());
        }
        drop(app);
        host.remove();
    }
    for id in [
        "profile-agency",
        "override-reason",
        "chk-iaa-plan-na-reason",
        "signoff-overall-comments",
        "link-agency",
        "help-desk",
        "launch-ramp_weeks",
        "launch-idv_share",
        "assumption-handle_time_s",
    ] {
        assert!(seen.iter().any(|s| s == id), "#{id} was not rendered, so it was not checked");
    }
}

#[wasm_bindgen_test]
async fn a_field_over_the_limit_is_never_saved_over_good_work() {
    use readiness_portal::logic::text::MAX_FIELD_CHARS;
    storage().clear().unwrap();
    let (app, host, captured) = mount_page(|| ().into_any());
    settle().await;
    let store = captured.get().expect("the store started");
    store.record.update(|r| r.profile.agency = "Office of Saved Work".into());
    settle().await;
    let saved = || record::import(&storage().get_item(STORAGE_KEY).unwrap().unwrap()).expect("the saved record always loads");
    assert_eq!(saved().profile.agency, "Office of Saved Work");

    // Twice over the limit: the saved copy stays loadable and the user is told once.
    for text in ["9".repeat(MAX_FIELD_CHARS + 1), "8".repeat(MAX_FIELD_CHARS + 5)] {
        store.record.update(|r| {
            r.launch.assumption_texts.insert("handle_time_s".into(), text.clone());
        });
        settle().await;
        assert_eq!(saved().launch.assumption_texts.get("handle_time_s"), None);
    }
    let notices = select_all(&host, ".notices .usa-alert").len();
    assert_eq!(notices, 1, "one notice, not one per change");
    let notice = host.query_selector(".notices").unwrap().and_then(|n| n.text_content()).unwrap_or_default();
    assert!(notice.contains("not saved") && notice.contains("staffing assumption"), "{notice}");

    // Back within the limit, saving resumes.
    store.record.update(|r| {
        r.launch.assumption_texts.insert("handle_time_s".into(), "300".into());
    });
    settle().await;
    assert_eq!(saved().launch.assumption_texts.get("handle_time_s").map(String::as_str), Some("300"));
    assert!(store.can_save.get_untracked());
    drop(app);
    host.remove();
}
