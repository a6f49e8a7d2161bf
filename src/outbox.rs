//! Sending launch requests. The submission endpoint comes from `public/config.json`. A
//! submission waits in the record's outbox until the endpoint accepts it: a timeout, network
//! error or non-2xx answer keeps it there with the error, and it is retried with backoff, always
//! with the same idempotency key, so the receiver records it once. Until the configuration is
//! read (or while it cannot be), submissions wait in the outbox too: only a configuration that
//! names no endpoint makes a submission a local receipt.
//!
//! The sender (reading the configuration, posting, retrying: [`sender`]) is code most visits
//! never need, so it is woken only when there is something to send or a page that submits is
//! shown: at start if the outbox holds requests from an earlier visit, and by `/launch`. In the
//! release build its code is a chunk of its own, fetched when it is woken.

mod sender;

use std::time::Duration;

use leptos::prelude::*;

use crate::components::lazy_page::ChunkFailed;
use crate::logic::launch::retry_delay_ms;
use crate::store::Store;

pub use sender::submit;

/// What the app knows about where submissions go.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Endpoint {
    #[default]
    Loading,
    /// The configuration could not be read (why, in words): it is read again with backoff, and
    /// submissions wait in the outbox meanwhile.
    Unknown(String),
    /// No endpoint configured: submissions are saved locally and downloaded.
    None,
    Url(String),
}

#[derive(Clone, Copy)]
pub struct Outbox {
    pub endpoint: RwSignal<Endpoint>,
    /// True while an attempt is under way, so two never run at once.
    pub sending: RwSignal<bool>,
    /// True once the sender runs (or its code is being fetched), so it is started once.
    woken: StoredValue<bool>,
}

pub fn use_outbox() -> Outbox {
    expect_context::<Outbox>()
}

/// The outbox, with the sender woken at once if requests from an earlier visit wait in it.
pub fn start(store: Store) -> Outbox {
    let outbox = Outbox { endpoint: RwSignal::new(Endpoint::Loading), sending: RwSignal::new(false), woken: StoredValue::new(false) };
    if store.record.with_untracked(|r| !r.launch.outbox.is_empty()) {
        wake(store, outbox);
    }
    outbox
}

/// Starts the sender unless it runs: it reads the configuration, then settles the outbox.
pub fn wake(store: Store, outbox: Outbox) {
    wake_after(store, outbox, 0);
}

fn wake_after(store: Store, outbox: Outbox, failures: u32) {
    if outbox.woken.get_value() {
        return;
    }
    outbox.woken.set_value(true);
    leptos::task::spawn_local(async move {
        if crate::browser::while_busy(start_sending(store, outbox)).await.is_err() {
            // Its code did not arrive: said like a configuration that cannot be read, and tried
            // again with the same backoff.
            outbox.woken.set_value(false);
            sender_missing(outbox);
            let delay = retry_delay_ms(failures + 1);
            set_timeout(move || wake_after(store, outbox, failures + 1), Duration::from_millis(delay));
        }
    });
}

/// "Retry now": reads the configuration again when it could not be read, else sends the queue.
pub fn retry(store: Store, outbox: Outbox) {
    leptos::task::spawn_local(async move {
        match retry_sending(store, outbox).await {
            Ok(()) => outbox.woken.set_value(true),
            Err(ChunkFailed) => sender_missing(outbox),
        }
    });
}

fn sender_missing(outbox: Outbox) {
    outbox.endpoint.set(Endpoint::Unknown("the portal could not download the code that sends requests".to_string()));
}

crate::split_fn! {
    #[chunk(outbox_sender)]
    fn start_sending(store: Store, outbox: Outbox) -> () {
        sender::start(store, outbox)
    }
}

crate::split_fn! {
    #[chunk(outbox_sender)]
    fn retry_sending(store: Store, outbox: Outbox) -> () {
        sender::retry(store, outbox)
    }
}
