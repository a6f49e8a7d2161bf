//! The launch request, one job per file: its fields ([`fields`]) and a new form ([`form`]); the
//! deploy and launch dates ([`schedule`]); its checks ([`validation`], from [`numbers`] and
//! [`text_checks`], gathered in [`problems`]); the planning assumptions as typed ([`planning`]);
//! the request as sent ([`payload`]) and what else is made from it ([`exports`]); and what a
//! submission leaves in the record ([`submission`]). Everything is re-exported here, so callers
//! name `logic::launch::X` whatever file `X` lives in.

pub mod exports;
pub mod fields;
pub mod form;
pub mod numbers;
pub mod payload;
pub mod planning;
pub mod problems;
pub mod schedule;
pub mod submission;
pub mod text_checks;
pub mod validation;

pub use exports::*;
pub use fields::*;
pub use form::*;
pub use numbers::*;
pub use payload::{LaunchRequest, ValueKind};
pub use planning::*;
pub use problems::*;
pub use schedule::*;
pub use submission::*;
pub use text_checks::*;
pub use validation::*;
