//! The route list, exported for the end-to-end tests: `tests/routes.json` at the workspace root is
//! written from `routes::ALL_PAGES`, so the browser tests read the app's own list, never its source.
//! Regenerate with `UPDATE_GOLDEN=1 cargo test -p portal_core --test routes`.

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
    let path = format!("{}/../tests/routes.json", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, exported()).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing {path}: run with UPDATE_GOLDEN=1"));
    assert_eq!(on_disk, exported(), "tests/routes.json is out of date: run with UPDATE_GOLDEN=1");
    let value: serde_json::Value = serde_json::from_str(&on_disk).unwrap();
    assert_eq!(value["all"].as_array().unwrap().len(), ALL_PAGES.len());
}
