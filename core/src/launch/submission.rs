//! What a submitted launch request leaves in the record: the outbox entry that waits for the
//! endpoint, the receipt once it went through, the idempotency key that ties retries together,
//! and the backoff between automatic retries.

use serde::{Deserialize, Serialize};
use serde_json::Value;

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A 32-character lowercase hex idempotency key from random bits supplied by the caller.
/// Deterministic: the same seed gives the same key; different seeds give different keys.
pub fn new_idempotency_key(seed: u64) -> String {
    let mut state = seed;
    let high = splitmix64(&mut state);
    let low = splitmix64(&mut state);
    format!("{high:016x}{low:016x}")
}

/// An RFC 9562 version-4 UUID (lowercase, with dashes) from 16 random bytes: the idempotency
/// key where `crypto.randomUUID()` is missing (pages served over plain HTTP), from
/// `crypto.getRandomValues()`, which every browser has. 122 of the 128 bits stay random.
pub fn uuid_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

/// A submission that has not reached the endpoint yet. It keeps its payload (and so its
/// idempotency key) unchanged across retries.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OutboxEntry {
    pub idempotency_key: String,
    pub payload: Value,
    /// When it was first submitted (ISO 8601, UTC).
    pub queued_at: String,
    pub attempts: u32,
    /// The last failure in plain words (timeout, network error, HTTP status).
    pub last_error: String,
}

/// Proof that a submission went through, or was saved locally when no endpoint is configured.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Receipt {
    pub idempotency_key: String,
    /// When it was accepted (ISO 8601, UTC).
    pub at: String,
    /// The server's id for the submission, if it gave one.
    pub server_id: Option<String>,
    /// False when there is no endpoint and the submission was only saved in the browser.
    pub sent: bool,
    /// [`payload_fingerprint`] of what was submitted, so the same request is not sent twice.
    pub fingerprint: String,
}

/// The longest server reference kept on a receipt, in characters.
pub const MAX_SERVER_REFERENCE_CHARS: usize = 200;

/// The server's reference for a submission as the receipt keeps it: at most
/// [`MAX_SERVER_REFERENCE_CHARS`] characters, so whatever a server answers, the record stays
/// within its limits and can be saved.
pub fn server_reference(id: &str) -> String {
    let id = id.trim();
    match id.char_indices().nth(MAX_SERVER_REFERENCE_CHARS) {
        Some((cut, _)) => format!("{}…", &id[..cut]),
        None => id.to_string(),
    }
}

/// A fingerprint of a submission's content: the payload without its idempotency key, which
/// differs on every submission even when nothing else does.
pub fn payload_fingerprint(payload: &Value) -> String {
    let mut content = payload.clone();
    if let Some(object) = content.as_object_mut() {
        object.remove("idempotency_key");
    }
    format!("{:016x}", crate::text::fnv1a64(content.to_string().as_bytes()))
}

/// Whether this exact request was submitted before.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Duplicate {
    /// Nothing identical was submitted: go ahead.
    New,
    /// An identical request is still waiting in the outbox.
    Queued,
    /// An identical request already has this receipt.
    Submitted(Receipt),
}

/// Checks a new payload against the outbox and the latest receipt. Only the latest receipt
/// counts: submitting a request, changing it, then changing it back is a new request.
pub fn find_duplicate(payload: &Value, outbox: &[OutboxEntry], receipts: &[Receipt]) -> Duplicate {
    let fingerprint = payload_fingerprint(payload);
    if outbox.iter().any(|entry| payload_fingerprint(&entry.payload) == fingerprint) {
        return Duplicate::Queued;
    }
    match receipts.last() {
        Some(receipt) if receipt.fingerprint == fingerprint => Duplicate::Submitted(receipt.clone()),
        _ => Duplicate::New,
    }
}

/// Wait before automatic retry number `attempts` (1 = after the first failure): 2 s doubling
/// each time, at most 5 minutes.
pub fn retry_delay_ms(attempts: u32) -> u64 {
    let doubling = 1u64 << attempts.saturating_sub(1).min(20);
    (2_000 * doubling).min(300_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_servers_reference_is_kept_short() {
        assert_eq!(server_reference(" abc-123 "), "abc-123");
        let long = server_reference(&"é".repeat(5_000));
        assert_eq!(long.chars().count(), MAX_SERVER_REFERENCE_CHARS + 1);
        assert!(long.ends_with('…'));
    }
}
