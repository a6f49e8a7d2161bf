//! Login.gov's service levels, as the portal names them.

use serde::{Deserialize, Serialize};

/// Login.gov's three service levels. The guide recommends one of the two main choices (IAL1/AAL2
/// or IAL2/AAL2); the agency may also choose basic identity verification, which is not IAL2.
/// Ids match `levels` in `service_levels.json`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level {
    #[serde(rename = "ial1-aal2")]
    Ial1Aal2,
    #[serde(rename = "basic-idv")]
    BasicIdv,
    #[serde(rename = "ial2-aal2")]
    Ial2Aal2,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Ial1Aal2, Level::BasicIdv, Level::Ial2Aal2];

    /// The id used in content (`service_levels.json`, checklist conditions) and links.
    pub fn id(self) -> &'static str {
        match self {
            Level::Ial1Aal2 => "ial1-aal2",
            Level::BasicIdv => "basic-idv",
            Level::Ial2Aal2 => "ial2-aal2",
        }
    }

    /// The level's name wherever the portal names it. IAL2 carries Login.gov's own name for it,
    /// "Enhanced identity verification", which partners meet in their agreement and on
    /// Login.gov's pages.
    pub fn name(self) -> &'static str {
        match self {
            Level::Ial1Aal2 => "IAL1/AAL2",
            Level::BasicIdv => "Basic identity verification (not IAL2)",
            Level::Ial2Aal2 => "IAL2/AAL2 (Enhanced identity verification)",
        }
    }

    pub fn from_id(id: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.id() == id)
    }

    /// Basic verification and IAL2 both verify identity: they share its obligations (a
    /// Failure-to-Proof URL, identity verification in the agreement, at least AAL2).
    pub fn verifies_identity(self) -> bool {
        self != Level::Ial1Aal2
    }
}
