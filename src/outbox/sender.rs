//! The sender: reads the configuration, posts what is queued and retries with backoff. Reached
//! only through the outbox's wake and retry and through a submission (see the parent module).

use std::time::Duration;

use leptos::prelude::*;
use serde::Deserialize;

use super::{Endpoint, Outbox};
use crate::logic::launch::{payload_fingerprint, retry_delay_ms, server_reference, OutboxEntry, Receipt};
use crate::store::Store;

/// How long one attempt may take before it counts as failed.
const TIMEOUT_MS: i32 = 15_000;
/// How long reading the configuration may take before it counts as failed (and is retried).
const CONFIG_TIMEOUT_MS: u64 = 10_000;

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
struct ConfigFile {
    submission_endpoint: Option<String>,
}

/// Reads the configuration, then sends anything queued.
pub(super) fn start(store: Store, outbox: Outbox) {
    // Busy from here, so the page is never seen idle between the sender's code arriving and
    // its first read of the configuration.
    crate::browser::spawn_busy(read_config(store, outbox, 0));
}

/// Reads the configuration; once it is known, settles the outbox. A failure is shown
/// (`Endpoint::Unknown`) and the read tried again with the submissions' backoff.
async fn read_config(store: Store, outbox: Outbox, failures: u32) {
    match crate::browser::while_busy(load_config()).await {
        Ok(endpoint) => {
            outbox.endpoint.set(endpoint);
            settle(store, outbox).await;
        }
        Err(reason) => {
            outbox.endpoint.set(Endpoint::Unknown(reason));
            let delay = retry_delay_ms(failures + 1);
            set_timeout(move || leptos::task::spawn_local(read_config(store, outbox, failures + 1)), Duration::from_millis(delay));
        }
    }
}

/// With an endpoint, sends what is queued; with none configured, what is queued is saved as a
/// local receipt, as a submission made then would have been.
async fn settle(store: Store, outbox: Outbox) {
    match outbox.endpoint.get_untracked() {
        Endpoint::Url(_) => send_all(store, outbox).await,
        Endpoint::None if store.record.with_untracked(|r| !r.launch.outbox.is_empty()) => store.record.update(|r| {
            for entry in std::mem::take(&mut r.launch.outbox) {
                r.launch.receipts.push(local_receipt(entry.idempotency_key, &entry.payload));
            }
        }),
        _ => {}
    }
}

/// What `/config.json` says about where submissions go. A missing file (404) names no endpoint;
/// any other failure, including no answer within [`CONFIG_TIMEOUT_MS`], is an error in words.
async fn load_config() -> Result<Endpoint, String> {
    let controller = web_sys::AbortController::new().map_err(|_| "the browser cannot send requests".to_string())?;
    let abort = controller.clone();
    let timer = set_timeout_with_handle(move || abort.abort(), Duration::from_millis(CONFIG_TIMEOUT_MS)).ok();
    let result = gloo_net::http::Request::get("/config.json").abort_signal(Some(&controller.signal())).send().await;
    let response = match result {
        Ok(response) => response,
        Err(_) if controller.signal().aborted() => return Err(format!("it did not arrive within {} seconds", CONFIG_TIMEOUT_MS / 1000)),
        Err(_) => return Err("it could not be reached".to_string()),
    };
    let parsed = match response.status() {
        404 => Ok(Endpoint::None),
        _ if !response.ok() => Err(format!("the server answered with HTTP status {}", response.status())),
        _ => match response.json::<ConfigFile>().await {
            Ok(ConfigFile { submission_endpoint: Some(url) }) if !url.trim().is_empty() => Ok(Endpoint::Url(url)),
            Ok(_) => Ok(Endpoint::None),
            Err(_) if controller.signal().aborted() => Err(format!("it did not arrive within {} seconds", CONFIG_TIMEOUT_MS / 1000)),
            Err(_) => Err("it is not valid JSON".to_string()),
        },
    };
    if let Some(timer) = timer {
        timer.clear();
    }
    parsed
}

/// "Retry now": reads the configuration again when it could not be read, else sends the queue.
pub(super) fn retry(store: Store, outbox: Outbox) {
    match outbox.endpoint.get_untracked() {
        Endpoint::Unknown(_) => leptos::task::spawn_local(read_config(store, outbox, 0)),
        _ => leptos::task::spawn_local(send_all(store, outbox)),
    }
}

/// Posts one payload; `Ok` carries the server's id for it, if it gave one.
async fn post(endpoint: &str, entry: &OutboxEntry) -> Result<Option<String>, String> {
    let controller = web_sys::AbortController::new().map_err(|_| "the browser cannot send requests".to_string())?;
    let abort = controller.clone();
    let timer = set_timeout_with_handle(move || abort.abort(), Duration::from_millis(TIMEOUT_MS as u64)).ok();
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
    Ok(response.json::<Answer>().await.ok().and_then(|a| a.id).map(|id| server_reference(&id)))
}

/// The receipt of a submission saved only in this browser, as no endpoint is configured.
fn local_receipt(idempotency_key: String, payload: &serde_json::Value) -> Receipt {
    Receipt { idempotency_key, at: now_iso(), server_id: None, sent: false, fingerprint: payload_fingerprint(payload) }
}

fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Tries every queued submission once, in order, including any queued while this runs; failures
/// stay queued and are retried later.
async fn send_all(store: Store, outbox: Outbox) {
    let Endpoint::Url(endpoint) = outbox.endpoint.get_untracked() else { return };
    if outbox.sending.get_untracked() {
        return;
    }
    outbox.sending.set(true);
    let mut tried = std::collections::HashSet::new();
    let mut retry_after = None;
    // The queue is read again after each attempt: an entry submitted meanwhile is sent in this
    // run instead of waiting for a reload.
    while let Some(entry) = store.record.with_untracked(|r| r.launch.outbox.iter().find(|e| !tried.contains(&e.idempotency_key)).cloned()) {
        tried.insert(entry.idempotency_key.clone());
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
                    retry_after = Some(retry_after.unwrap_or(u64::MAX).min(retry_delay_ms(queued.attempts)));
                }
            }
        });
    }
    outbox.sending.set(false);
    if let Some(delay) = retry_after {
        set_timeout(move || leptos::task::spawn_local(send_all(store, outbox)), Duration::from_millis(delay));
    }
}

/// Queues a payload and sends it as soon as the endpoint is known; only a configuration that
/// names no endpoint makes it a local receipt at once.
pub fn submit(store: Store, outbox: Outbox, key: String, payload: serde_json::Value) {
    match outbox.endpoint.get_untracked() {
        Endpoint::None => store.record.update(|r| r.launch.receipts.push(local_receipt(key, &payload))),
        Endpoint::Url(_) | Endpoint::Loading | Endpoint::Unknown(_) => {
            store.record.update(|r| {
                r.launch.outbox.push(OutboxEntry { idempotency_key: key, payload, queued_at: now_iso(), attempts: 0, last_error: String::new() })
            });
            leptos::task::spawn_local(send_all(store, outbox));
        }
    }
}
