//! The staffing planner for Login.gov's Contact Center: many partners' launch requests (the
//! files `/launch` writes) read and checked one by one, kept in a workspace of their own, and
//! planned together: contacts by day, channel and language, and phone agents by Erlang C on the
//! combined load, with the flags a planner acts on.

mod plan;
mod request;
mod stored;
mod workspace;

pub use plan::*;
pub use request::*;
pub use stored::*;
pub use workspace::*;
