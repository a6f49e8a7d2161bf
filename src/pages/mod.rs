//! One module per route. Pages read the store and content and call the logic.

pub mod home;
pub mod not_found;
pub mod service_level;
pub mod sources;
