//! Sending launch requests. The submission endpoint comes from `public/config.json`, read once
//! at start. A submission waits in the record's outbox until the endpoint accepts it: a timeout,
//! network error or non-2xx answer keeps it there with the error, and it is retried with
//! backoff, always with the same idempotency key, so the receiver records it once.

use std::time::Duration;

use leptos::prelude::*;
use serde::Deserialize;

use crate::logic::launch::{payload_fingerprint, retry_delay_ms, OutboxEntry, Receipt};
use crate::store::Store;

/// How long one attempt may take before it counts as failed.
const TIMEOUT_MS: i32 = 15_000;

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
struct ConfigFile {
    submission_endpoint: Option<String>,
}

/// What the app knows about where submissions go.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Endpoint {
    #[default]
    Loading,
    /// No endpoint configured: submissions are saved locally and downloaded.
    None,
    Url(String),
}

#[derive(Clone, Copy)]
pub struct Outbox {
    pub endpoint: RwSignal<Endpoint>,
    /// True while an attempt is under way, so two never run at once.
    pub sending: RwSignal<bool>,
}

pub fn use_outbox() -> Outbox {
    expect_context::<Outbox>()
}

/// Reads the configuration and sends anything left in the outbox from an earlier visit.
pub fn start(store: Store) -> Outbox {
    let outbox = Outbox { endpoint: RwSignal::new(Endpoint::Loading), sending: RwSignal::new(false) };
    leptos::task::spawn_local(async move {
        let endpoint = match load_config().await {
            Ok(Some(url)) if !url.trim().is_empty() => Endpoint::Url(url),
            _ => Endpoint::None,
        };
        outbox.endpoint.set(endpoint);
        if store.record.with_untracked(|r| !r.launch.outbox.is_empty()) {
            send_all(store, outbox).await;
        }
    });
    outbox
}

async fn load_config() -> Result<Option<String>, String> {
    let response = gloo_net::http::Request::get("/config.json").send().await.map_err(|e| e.to_string())?;
    if !response.ok() {
        return Ok(None);
    }
    let config: ConfigFile = response.json().await.map_err(|e| e.to_string())?;
    Ok(config.submission_endpoint)
}

/// Posts one payload; `Ok` carries the server's id for it, if it gave one.
async fn post(endpoint: &str, entry: &OutboxEntry) -> Result<Option<String>, String> {
    let controller = web_sys::AbortController::new().map_err(|_| "the browser cannot send requests".to_string())?;
    let abort = controller.clone();
    let timer = leptos::prelude::set_timeout_with_handle(move || abort.abort(), Duration::from_millis(TIMEOUT_MS as u64)).ok();
    let body = serde_json::to_string(&entry.payload).map_err(|e| e.to_string())?;
    let request = gloo_net::http::Request::post(endpoint)
        .header("content-type", "application/json")
        .header("idempotency-key", &entry.idempotency_key)
        .abort_signal(Some(&controller.signal()))
        .body(body)
        .map_err(|e| e.to_string())?;
    let result = request.send().await;
    if let Some(timer) = timer {
        timer.clear();
    }
    let response = result.map_err(|_| {
        if controller.signal().aborted() {
            format!("The endpoint did not answer within {} seconds.", TIMEOUT_MS / 1000)
        } else {
            "The endpoint could not be reached (network error).".to_string()
        }
    })?;
    if !response.ok() {
        return Err(format!("The endpoint answered with HTTP status {}.", response.status()));
    }
    #[derive(Deserialize)]
    struct Answer {
        id: Option<String>,
    }
    Ok(response.json::<Answer>().await.ok().and_then(|a| a.id))
}

fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Tries every queued submission once, in order. Failures stay queued and are retried later.
pub async fn send_all(store: Store, outbox: Outbox) {
    let Endpoint::Url(endpoint) = outbox.endpoint.get_untracked() else { return };
    if outbox.sending.get_untracked() {
        return;
    }
    outbox.sending.set(true);
    let queued = store.record.with_untracked(|r| r.launch.outbox.clone());
    let mut retry_after = None;
    for entry in queued {
        let result = post(&endpoint, &entry).await;
        store.record.update(|r| match &result {
            Ok(server_id) => {
                r.launch.outbox.retain(|e| e.idempotency_key != entry.idempotency_key);
                r.launch.receipts.push(Receipt {
                    idempotency_key: entry.idempotency_key.clone(),
                    at: now_iso(),
                    server_id: server_id.clone(),
                    sent: true,
                    fingerprint: payload_fingerprint(&entry.payload),
                });
            }
            Err(error) => {
                if let Some(queued) = r.launch.outbox.iter_mut().find(|e| e.idempotency_key == entry.idempotency_key) {
                    queued.attempts += 1;
                    queued.last_error = error.clone();
                    retry_after = Some(retry_delay_ms(queued.attempts));
                }
            }
        });
    }
    outbox.sending.set(false);
    if let Some(delay) = retry_after {
        set_timeout(
            move || leptos::task::spawn_local(send_all(store, outbox)),
            Duration::from_millis(delay),
        );
    }
}

/// Queues a payload and sends it, or without an endpoint records a local receipt.
pub fn submit(store: Store, outbox: Outbox, key: String, payload: serde_json::Value) {
    match outbox.endpoint.get_untracked() {
        Endpoint::Url(_) => {
            store.record.update(|r| {
                r.launch.outbox.push(OutboxEntry { idempotency_key: key, payload, queued_at: now_iso(), attempts: 0, last_error: String::new() })
            });
            leptos::task::spawn_local(send_all(store, outbox));
        }
        Endpoint::None | Endpoint::Loading => {
            let fingerprint = payload_fingerprint(&payload);
            store.record.update(|r| {
                r.launch.receipts.push(Receipt { idempotency_key: key, at: now_iso(), server_id: None, sent: false, fingerprint })
            });
        }
    }
}
