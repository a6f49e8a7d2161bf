//! The bundled content (`core/content/*.json`), compiled at build time: core/build.rs reads the
//! files into the types of [`schema`], checks them ([`check`]) and fails the build on any
//! problem, naming the file, the entry's id and the reason. What it writes is Rust statics, so
//! the app parses no content at start-up.

#[macro_use]
mod macros;
pub mod bake;
pub mod check;
pub mod read;
pub mod schema;

pub use schema::*;

/// Every content file, by name, as the build read it; for the host tests, which plant faults in
/// copies. Nothing in the app reads it, so the text is not in the app's binary.
pub const FILES: [(&str, &str); 5] = [
    ("sources.json", include_str!("../../content/sources.json")),
    ("service_levels.json", include_str!("../../content/service_levels.json")),
    ("checklist.json", include_str!("../../content/checklist.json")),
    ("support.json", include_str!("../../content/support.json")),
    ("launch.json", include_str!("../../content/launch.json")),
];

mod built {
    // Written by core/build.rs: `pub static CONTENT: Content` and `pub const VERIFIED_RANGE`.
    include!(concat!(env!("OUT_DIR"), "/content.rs"));
}

/// The bundled content.
pub fn content() -> &'static Content {
    &built::CONTENT
}

/// The oldest and newest `last_verified` dates over all bundled content, for the footer,
/// worked out at build time.
pub fn verified_range() -> (&'static str, &'static str) {
    built::VERIFIED_RANGE
}
