//! The staffing planner's workspace in IndexedDB: a thin layer over the `idb` crate, so that
//! the planner can hold more than localStorage allows and can tell a full disk from other failures.
//!
//! Values are JSON text kept as JS strings: the caller owns the format, and a value that no longer
//! parses can be set aside as it was.

use std::future::{poll_fn, Future, IntoFuture};
use std::pin::pin;
use std::task::Poll;

use idb::{Database, DatabaseEvent, Error, Event, Factory, ObjectStore, ObjectStoreParams, Request, Transaction, TransactionMode};
use js_sys::{Promise, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::DomException;

/// The database's name and version (bump the version only with an upgrade step for the old one).
pub const DB_NAME: &str = "login-gov-staffing-planner";
/// See [`DB_NAME`]: opening with a lower version than the stored one fails.
pub const DB_VERSION: u32 = 1;

const REQUESTS: &str = "requests";
const META: &str = "meta";
const SET_ASIDE: &str = "set_aside";
const SETTINGS: &str = "settings";

/// Why the workspace could not be read or written, sorted by what the user can do about it.
#[derive(Clone, Debug, PartialEq)]
pub enum DbError {
    /// The browser's storage quota is used up (the transaction was aborted with a
    /// QuotaExceededError).
    Quota,
    /// The browser has no IndexedDB or refuses it (private modes, blocked storage): the reason
    /// in words.
    Refused(String),
    /// Anything else, in words.
    Failed(String),
}

impl DbError {
    /// A short phrase for a notice, since the variants' reasons are for a developer.
    pub fn describe(&self) -> String {
        match self {
            DbError::Quota => "the browser’s storage for this site is full".into(),
            DbError::Refused(why) => {
                format!("the browser does not let this site store data ({why})")
            }
            DbError::Failed(why) => format!("the browser’s database failed ({why})"),
        }
    }
}

/// What the database holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stored {
    /// The settings' JSON text, if ever saved.
    pub settings: Option<String>,
    /// (key, JSON text) of every request, in key order. A value that is not a string is returned
    /// as its JSON.stringify text (or "" if even that fails) so the caller can set it aside.
    pub requests: Vec<(String, String)>,
    /// How many entries the set_aside store holds.
    pub set_aside_count: u32,
}

/// An open connection; dropping it closes the connection so it cannot block a later upgrade.
pub struct PlannerDb {
    db: Database,
}

impl PlannerDb {
    /// Opens (creating or upgrading) the database. Refused/Failed when there is no IndexedDB or
    /// opening is blocked/fails.
    pub async fn open() -> Result<PlannerDb, DbError> {
        let refused = |e: Error| DbError::Refused(e.to_string());
        let factory = Factory::new().map_err(refused)?;
        // A synchronous throw here is a SecurityError (storage blocked for this origin).
        let mut request = factory.open(DB_NAME, Some(DB_VERSION)).map_err(refused)?;
        request.on_upgrade_needed(|event| {
            if create_stores(&event).is_err() {
                // Without its stores the database would fail later, and less clearly.
                if let Some(tx) = event.target().ok().and_then(|r| r.transaction()) {
                    let _ = tx.abort();
                }
            }
        });
        // Another tab holding an older version open would otherwise make the open wait silently.
        let mut blocked = JsFuture::from(Promise::new(&mut |resolve, _| {
            request.on_blocked(move |_| {
                let _ = resolve.call0(&JsValue::NULL);
            });
        }));
        let mut opening = pin!(request.into_future());
        let opened = poll_fn(|cx| {
            if let Poll::Ready(result) = opening.as_mut().poll(cx) {
                return Poll::Ready(result.map_err(|e| match from_idb(e) {
                    DbError::Failed(why) if why.contains("InvalidStateError") || why.contains("SecurityError") => DbError::Refused(why),
                    other => other,
                }));
            }
            match std::pin::Pin::new(&mut blocked).poll(cx) {
                Poll::Ready(_) => Poll::Ready(Err(DbError::Failed("another tab keeps an older version of the workspace open".into()))),
                Poll::Pending => Poll::Pending,
            }
        })
        .await?;
        // Close when another tab upgrades or deletes the database, instead of blocking it.
        let raw: web_sys::IdbDatabase = opened.into();
        let closer = raw.clone();
        let mut db = Database::from(raw);
        db.on_version_change(move |_| closer.close());
        Ok(PlannerDb { db })
    }

    /// Everything in one readonly transaction, so the settings and requests belong together.
    pub async fn load(&self) -> Result<Stored, DbError> {
        let tx = self.db.transaction(&[REQUESTS, META, SET_ASIDE], TransactionMode::ReadOnly);
        let tx = tx.map_err(from_idb)?;
        let (requests, meta, set_aside) = (store(&tx, REQUESTS)?, store(&tx, META)?, store(&tx, SET_ASIDE)?);
        let settings = meta.get(JsValue::from_str(SETTINGS)).map_err(from_idb)?;
        let keys = requests.get_all_keys(None, None).map_err(from_idb)?;
        let values = requests.get_all(None, None).map_err(from_idb)?;
        let count = set_aside.count(None).map_err(from_idb)?;
        // Every handler is set before the first await (an event must not find none), and every
        // future is awaited even after a failure (its callback must not be dropped before it runs).
        let (settings, keys, values, count) = (settings.into_future(), keys.into_future(), values.into_future(), count.into_future());
        let (settings, keys, values, count) = (settings.await, keys.await, values.await, count.await);
        let keys = keys.map_err(from_idb)?;
        let values = values.map_err(from_idb)?;
        Ok(Stored {
            settings: settings.map_err(from_idb)?.map(|v| text(&v)),
            // getAll and getAllKeys of one transaction list the same records in the same order.
            requests: keys.iter().map(text).zip(values.iter().map(text)).collect(),
            set_aside_count: count.map_err(from_idb)?,
        })
    }

    /// One readwrite transaction over "requests" and "meta": puts every (key, text) in `put`,
    /// deletes every key in `delete`, and puts `settings` under "settings". All or nothing:
    /// returns only after the transaction completes (commit), so a quota abort comes back as
    /// [`DbError::Quota`] rather than as a success.
    pub async fn save(&self, settings: &str, put: &[(String, String)], delete: &[String]) -> Result<(), DbError> {
        self.write(&[REQUESTS, META], |s| {
            put_all(&s[0], put)?;
            for key in delete {
                s[0].delete(JsValue::from_str(key))?;
            }
            put_settings(&s[1], settings)
        })
        .await
    }

    /// Clears "requests" and "meta" and then puts everything given, in one transaction (used to
    /// write the whole workspace again after an earlier failed save).
    pub async fn replace_all(&self, settings: &str, requests: &[(String, String)]) -> Result<(), DbError> {
        self.write(&[REQUESTS, META], |s| {
            // Requests of one transaction run in order, so the puts land after the clears.
            s[0].clear()?;
            s[1].clear()?;
            put_all(&s[0], requests)?;
            put_settings(&s[1], settings)
        })
        .await
    }

    /// Appends entries to "set_aside" and deletes their keys from "requests" in the same
    /// transaction, so nothing is lost or kept twice: `items` are (request key or "" for the
    /// settings, JSON text of {reason, text}); `delete_settings` also deletes the settings.
    pub async fn set_aside(&self, items: &[(String, String)], delete_settings: bool) -> Result<(), DbError> {
        self.write(&[REQUESTS, META, SET_ASIDE], |s| {
            for (key, text) in items {
                s[2].add(&JsValue::from_str(text), None)?;
                if !key.is_empty() {
                    s[0].delete(JsValue::from_str(key))?;
                }
            }
            if delete_settings {
                s[1].delete(JsValue::from_str(SETTINGS))?;
            }
            Ok(())
        })
        .await
    }

    /// Every set_aside entry's text, oldest first (for a download).
    pub async fn set_aside_texts(&self) -> Result<Vec<String>, DbError> {
        let tx = self.db.transaction(&[SET_ASIDE], TransactionMode::ReadOnly);
        let tx = tx.map_err(from_idb)?;
        // Auto-increment keys grow, so key order is the order of setting aside.
        let values = store(&tx, SET_ASIDE)?.get_all(None, None).map_err(from_idb)?.await;
        Ok(values.map_err(from_idb)?.iter().map(text).collect())
    }

    /// Runs `fill` in one readwrite transaction over `names` (stores passed in that order) and
    /// waits for it to commit or abort.
    async fn write<F>(&self, names: &[&str], fill: F) -> Result<(), DbError>
    where
        F: FnOnce(&[ObjectStore]) -> Result<(), Error>,
    {
        let tx = self.db.transaction(names, TransactionMode::ReadWrite).map_err(from_idb)?;
        let stores: Result<Vec<_>, _> = names.iter().map(|n| tx.object_store(n)).collect();
        if let Err(e) = stores.and_then(|s| fill(&s)) {
            // A request that threw leaves the transaction active: abort, so nothing half-done
            // commits.
            let _ = tx.abort();
            return Err(from_idb(e));
        }
        finish(tx).await
    }
}

impl Drop for PlannerDb {
    fn drop(&mut self) {
        // The browser would keep the connection until garbage collection, blocking upgrades.
        self.db.close();
    }
}

/// Waits for `complete` or `abort`. idb's own `TransactionFuture` is not used: it reports an
/// abort as `Ok(Aborted)` without the reason, and on a request's error (which bubbles to the
/// transaction) it resolves before the abort with an error that is not the DOMException.
async fn finish(mut tx: Transaction) -> Result<(), DbError> {
    let done = Promise::new(&mut |resolve, _| {
        let on_abort = resolve.clone();
        tx.on_complete(move |_| {
            let _ = resolve.call1(&JsValue::NULL, &JsValue::TRUE);
        });
        tx.on_abort(move |_| {
            let _ = on_abort.call1(&JsValue::NULL, &JsValue::FALSE);
        });
    });
    if JsFuture::from(done).await == Ok(JsValue::TRUE) {
        return Ok(());
    }
    // After an abort, `error` holds the reason: QuotaExceededError when the commit did not fit.
    Err(match tx.error() {
        Some(e) => from_dom(&e),
        None => DbError::Failed("the browser cancelled the transaction".into()),
    })
}

fn create_stores(event: &idb::event::VersionChangeEvent) -> Result<(), Error> {
    let db = event.database()?;
    let names = db.store_names();
    for name in [REQUESTS, META, SET_ASIDE] {
        if !names.iter().any(|n| n == name) {
            let mut params = ObjectStoreParams::new();
            params.auto_increment(name == SET_ASIDE);
            db.create_object_store(name, params)?;
        }
    }
    Ok(())
}

fn store(tx: &Transaction, name: &str) -> Result<ObjectStore, DbError> {
    tx.object_store(name).map_err(from_idb)
}

fn put_all(requests: &ObjectStore, items: &[(String, String)]) -> Result<(), Error> {
    for (key, text) in items {
        requests.put(&JsValue::from_str(text), Some(&JsValue::from_str(key)))?;
    }
    Ok(())
}

fn put_settings(meta: &ObjectStore, settings: &str) -> Result<(), Error> {
    meta.put(&JsValue::from_str(settings), Some(&JsValue::from_str(SETTINGS)))?;
    Ok(())
}

/// A stored string as is; anything else as JSON text, so the caller can set it aside.
fn text(value: &JsValue) -> String {
    value.as_string().or_else(|| JSON::stringify(value).ok().and_then(|s| s.as_string())).unwrap_or_default()
}

fn from_dom(e: &DomException) -> DbError {
    match e.name().as_str() {
        "QuotaExceededError" => DbError::Quota,
        name => DbError::Failed(format!("{name}: {}", e.message())),
    }
}

fn from_idb(e: Error) -> DbError {
    match &e {
        Error::DomException(d) => from_dom(d),
        // Synchronous throws carry the DOMException as a plain JsValue.
        Error::UpdateFailed(v)
        | Error::AddFailed(v)
        | Error::DeleteFailed(v)
        | Error::ClearFailed(v)
        | Error::TransactionOpenFailed(v)
        | Error::IndexedDbOpenFailed(v) => match v.dyn_ref::<DomException>() {
            Some(d) => from_dom(d),
            None => DbError::Failed(e.to_string()),
        },
        _ => DbError::Failed(e.to_string()),
    }
}

/// What the in-browser tests (tests/web/planner_db.rs) reach that the app reaches only through
/// a failure: the classification of an exception, and a write whose second request fails. Here
/// rather than behind `cfg(test)` so that every browser test is in one test binary; nothing in
/// the app calls them, so they add nothing to its wasm.
#[doc(hidden)]
pub mod test_hooks {
    use super::*;

    /// How a DOMException of this name is classified.
    pub fn classify(name: &str) -> Result<DbError, JsValue> {
        DomException::new_with_message_and_name("test", name).map(|e| from_idb(Error::DomException(e)))
    }

    /// Opens the database `name` (deleted first) with the planner's stores.
    pub async fn open_empty(name: &str) -> PlannerDb {
        Factory::new().unwrap().delete(name).unwrap().await.unwrap();
        let mut opening = Factory::new().unwrap().open(name, Some(1)).unwrap();
        opening.on_upgrade_needed(|event| create_stores(&event).unwrap());
        PlannerDb { db: opening.await.unwrap() }
    }

    /// One write that puts `settings`, then adds a key that exists: the second request fails.
    pub async fn write_that_fails_after_a_put(db: &PlannerDb, settings: &str) -> Result<(), DbError> {
        db.write(&[META], |s| {
            put_settings(&s[0], settings)?;
            s[0].add(&JsValue::from_str("x"), Some(&JsValue::from_str(SETTINGS)))?;
            Ok(())
        })
        .await
    }
}
