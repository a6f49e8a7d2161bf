//! The support kit, one module per route under `/support`.

pub mod checker;
pub mod email;
pub mod faq;
pub mod links;
pub mod overview;

use crate::logic::content::{content, Fact};

/// A support fact by id; the host tests check every id the pages use.
pub fn support_fact(id: &str) -> &'static Fact {
    let support = &content().support;
    support
        .facts
        .iter()
        .chain(support.agent_cannot)
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("support.json has no fact {id}"))
}
