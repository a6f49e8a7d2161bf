//! One module per route. Pages read the store and content and call the logic.

pub mod checklist;
pub mod home;
pub mod launch;
pub mod not_found;
pub mod review;
pub mod service_level;
pub mod sources;
pub mod support;
