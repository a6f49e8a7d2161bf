//! The route list, exported for the end-to-end tests: `tests/routes.json` at the workspace root is
//! written from `routes::ALL_PAGES`, so the browser tests read the app's own list, never its source.
//! Regenerate with `UPDATE_GOLDEN=1 cargo test -p portal_core --test routes`.

mod common;

use portal_core::routes::{ALL_PAGES, PAGES, SUPPORT_PAGES};

fn exported() -> String {
    let list = |pages: &[portal_core::routes::PageInfo]| {
        pages.iter().map(|p| serde_json::json!({ "path": p.path, "title": p.title, "nav_label": p.nav_label })).collect::<Vec<_>>()
    };
    let value = serde_json::json!({
        "_comment": "Written by core/tests/routes.rs from core/src/routes.rs; do not edit by hand.",
        "all": list(ALL_PAGES),
        "navigation": list(PAGES),
        "support": list(SUPPORT_PAGES),
    });
    serde_json::to_string_pretty(&value).unwrap() + "\n"
}

#[test]
fn the_exported_route_list_matches_the_code() {
    common::golden_file("../tests/routes.json", &exported());
    let value: serde_json::Value = serde_json::from_str(&exported()).unwrap();
    assert_eq!(value["all"].as_array().unwrap().len(), ALL_PAGES.len());
}
