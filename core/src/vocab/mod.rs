//! The shared vocabulary: leaf modules every feature names and the record aggregates. Nothing
//! here imports from the rest of the crate.

pub mod lang;
pub mod level;
pub mod profile;

pub use lang::Lang;
pub use level::Level;
pub use profile::{Audience, InPerson, OidcFlow, PartnerType, Profile, Protocol};
