//! The portal's rules: the record, the content, recommendations, the checklist, validation,
//! dates, staffing, the checker and every export. This crate depends on no browser crate (no
//! Leptos, web-sys, js-sys or wasm-bindgen), so the compiler keeps it pure, and
//! `cargo test -p portal_core` tests all of it on the host without compiling the app.

pub mod checklist;
pub mod conditions;
pub mod content;
pub mod dates;
mod entities;
pub mod export;
pub mod holidays;
pub mod launch;
pub mod phone;
pub mod planner;
pub mod record;
pub mod routes;
pub mod scanner;
pub mod service_level;
pub mod settings;
pub mod staffing;
pub mod support_links;
pub mod templates;
pub mod text;
pub mod vocab;
