//! In-browser tests of the staffing planner's IndexedDB workspace (src/planner_db.rs): a module
//! of the one browser test binary (tests/web/main.rs).

use readiness_portal::planner_db::{test_hooks, DbError, PlannerDb, Stored, DB_NAME};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

/// Opens an empty database: each test deletes what an earlier one left (tests run one at a time,
/// and a dropped `PlannerDb` closes its connection, so the delete is not blocked).
async fn fresh() -> PlannerDb {
    idb::Factory::new().unwrap().delete(DB_NAME).unwrap().await.unwrap();
    PlannerDb::open().await.unwrap()
}

fn entry(key: &str, text: &str) -> (String, String) {
    (key.to_string(), text.to_string())
}

#[wasm_bindgen_test]
async fn saves_loads_replaces_and_sets_aside() {
    let db = fresh().await;
    assert_eq!(db.load().await.unwrap(), Stored::default());

    let (a, b) = (entry("a-key", r#"{"n":1}"#), entry("b-key", r#"{"n":2}"#));
    db.save(r#"{"s":1}"#, &[b.clone(), a.clone()], &[]).await.unwrap();
    let stored = db.load().await.unwrap();
    assert_eq!(stored.settings.as_deref(), Some(r#"{"s":1}"#));
    assert_eq!(stored.requests, vec![a.clone(), b.clone()], "in key order");

    db.save(r#"{"s":2}"#, &[], &["a-key".to_string()]).await.unwrap();
    let stored = db.load().await.unwrap();
    assert_eq!(stored.settings.as_deref(), Some(r#"{"s":2}"#));
    assert_eq!(stored.requests, vec![b]);

    let c = entry("c-key", r#"{"n":3}"#);
    db.replace_all(r#"{"s":3}"#, std::slice::from_ref(&c)).await.unwrap();
    assert_eq!(db.load().await.unwrap().requests, vec![c]);

    let first = r#"{"reason":"unreadable","text":"{\"n\":3}"}"#;
    db.set_aside(&[entry("c-key", first)], false).await.unwrap();
    let stored = db.load().await.unwrap();
    assert_eq!(stored.requests, vec![]);
    assert_eq!(stored.settings.as_deref(), Some(r#"{"s":3}"#));
    assert_eq!(stored.set_aside_count, 1);
    assert_eq!(db.set_aside_texts().await.unwrap(), vec![first.to_string()]);

    let second = r#"{"reason":"unreadable settings","text":"{"}"#;
    db.set_aside(&[entry("", second)], true).await.unwrap();
    let stored = db.load().await.unwrap();
    assert_eq!(stored.settings, None);
    assert_eq!(stored.set_aside_count, 2);
    let texts = db.set_aside_texts().await.unwrap();
    assert_eq!(texts, vec![first.to_string(), second.to_string()], "oldest first");

    // What was saved is committed: a new connection reads the same.
    drop(db);
    let again = PlannerDb::open().await.unwrap();
    assert_eq!(again.load().await.unwrap(), stored);
}

#[wasm_bindgen_test]
async fn a_value_that_is_not_a_string_comes_back_as_json_text() {
    drop(fresh().await);
    let raw = idb::Factory::new().unwrap().open(DB_NAME, None).unwrap().await.unwrap();
    let tx = raw.transaction(&["requests"], idb::TransactionMode::ReadWrite).unwrap();
    let requests = tx.object_store("requests").unwrap();
    requests.put(&JsValue::from_f64(42.0), Some(&JsValue::from_str("n-key"))).unwrap();
    assert!(tx.await.unwrap().is_committed());
    raw.close();

    let db = PlannerDb::open().await.unwrap();
    assert_eq!(db.load().await.unwrap().requests, vec![entry("n-key", "42")]);
}

#[wasm_bindgen_test]
fn a_quota_exception_is_quota() {
    assert_eq!(test_hooks::classify("QuotaExceededError"), Ok(DbError::Quota));
}

#[wasm_bindgen_test]
async fn a_failed_request_aborts_the_whole_write_and_is_reported() {
    let db = test_hooks::open_empty("planner-db-unit").await;
    db.save("old", &[], &[]).await.unwrap();
    // The put is made, then the add of an existing key fails: the transaction must abort.
    let failed = test_hooks::write_that_fails_after_a_put(&db, "new").await;
    assert!(matches!(failed, Err(DbError::Failed(why)) if why.starts_with("ConstraintError")));
    assert_eq!(db.load().await.unwrap().settings.as_deref(), Some("old"));
}
