//! Pure logic: no Leptos or web-sys types, so all of it is tested on the host with `cargo test`.

pub mod checklist;
pub mod content;
pub mod dates;
mod entities;
pub mod export;
pub mod holidays;
pub mod launch;
pub mod phone;
pub mod record;
pub mod routes;
pub mod scanner;
pub mod service_level;
pub mod settings;
pub mod staffing;
pub mod support_links;
pub mod templates;
