//! The launch request: its fields ([`fields`]), a new form ([`form`]), the deploy and launch dates ([`schedule`]),
//! its checks ([`validation`]), the request as sent ([`payload`]), what is made from it ([`exports`]) and what a submission leaves
//! in the record ([`submission`]). Everything is re-exported here, so callers name
//! `logic::launch::X` whatever file `X` lives in.

pub mod exports;
pub mod fields;
pub mod form;
pub mod payload;
pub mod planning;
pub mod schedule;
pub mod submission;
pub mod validation;

pub use exports::*;
pub use fields::*;
pub use form::*;
pub use payload::{LaunchRequest, ValueKind};
pub use planning::*;
pub use schedule::*;
pub use submission::*;
pub use validation::*;
