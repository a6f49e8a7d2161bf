//! Who is integrating what: the profile every later section reads, and its answers' vocabulary.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Protocol {
    Oidc,
    Saml,
}

impl Protocol {
    pub const ALL: [Protocol; 2] = [Protocol::Oidc, Protocol::Saml];

    pub fn id(self) -> &'static str {
        match self {
            Protocol::Oidc => "oidc",
            Protocol::Saml => "saml",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Protocol::Oidc => "OpenID Connect (OIDC)",
            Protocol::Saml => "SAML",
        }
    }

    pub fn from_id(id: &str) -> Option<Protocol> {
        Protocol::ALL.into_iter().find(|p| p.id() == id)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    Public,
    Workforce,
    Both,
    /// Asked in the service-level guide: yields guidance instead of a guess.
    NotSure,
}

impl Audience {
    pub const ALL: [Audience; 4] = [Audience::Public, Audience::Workforce, Audience::Both, Audience::NotSure];

    pub fn id(self) -> &'static str {
        match self {
            Audience::Public => "public",
            Audience::Workforce => "workforce",
            Audience::Both => "both",
            Audience::NotSure => "not-sure",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Audience::Public => "The public",
            Audience::Workforce => "Agency staff and contractors (workforce)",
            Audience::Both => "Both the public and the workforce",
            Audience::NotSure => "Not sure yet",
        }
    }

    pub fn from_id(id: &str) -> Option<Audience> {
        Audience::ALL.into_iter().find(|a| a.id() == id)
    }
}

/// Who the partner is: federal agencies sign an IAA with Login.gov, state, local and
/// territorial governments an IGCA agreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PartnerType {
    Federal,
    StateLocal,
}

impl PartnerType {
    pub const ALL: [PartnerType; 2] = [PartnerType::Federal, PartnerType::StateLocal];

    pub fn id(self) -> &'static str {
        match self {
            PartnerType::Federal => "federal",
            PartnerType::StateLocal => "state-local",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PartnerType::Federal => "A federal agency (signs an IAA)",
            PartnerType::StateLocal => "A state, local or territorial government (signs an IGCA agreement)",
        }
    }

    /// The agreement's short name.
    pub fn agreement(self) -> &'static str {
        match self {
            PartnerType::Federal => "IAA",
            PartnerType::StateLocal => "IGCA",
        }
    }
}

/// How an OIDC client proves itself, as the Partner Portal asks: with a signed JWT and a
/// public certificate, or with PKCE (which may need no certificate).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OidcFlow {
    PrivateKeyJwt,
    Pkce,
}

impl OidcFlow {
    pub const ALL: [OidcFlow; 2] = [OidcFlow::PrivateKeyJwt, OidcFlow::Pkce];

    pub fn id(self) -> &'static str {
        match self {
            OidcFlow::PrivateKeyJwt => "private-key-jwt",
            OidcFlow::Pkce => "pkce",
        }
    }

    /// The Partner Portal's own name for the choice.
    pub fn label(self) -> &'static str {
        match self {
            OidcFlow::PrivateKeyJwt => "OpenID Connect Private Key JWT",
            OidcFlow::Pkce => "OpenID Connect PKCE",
        }
    }
}

/// Whether in-person identity verification at a participating Post Office is enabled for the
/// integration: Login.gov offers it only for some partner agencies, so the portal asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum InPerson {
    Yes,
    No,
    NotSure,
}

impl InPerson {
    pub const ALL: [InPerson; 3] = [InPerson::Yes, InPerson::No, InPerson::NotSure];

    pub fn id(self) -> &'static str {
        match self {
            InPerson::Yes => "yes",
            InPerson::No => "no",
            InPerson::NotSure => "not-sure",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            InPerson::Yes => "Yes, it is enabled for this integration",
            InPerson::No => "No",
            InPerson::NotSure => "Not sure",
        }
    }

    /// Whether it is known to be enabled: `None` for "not sure".
    pub fn enabled(self) -> Option<bool> {
        match self {
            InPerson::Yes => Some(true),
            InPerson::No => Some(false),
            InPerson::NotSure => None,
        }
    }
}

/// Who is integrating what: every later section reads this.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    pub agency: String,
    pub application: String,
    pub partner_type: Option<PartnerType>,
    pub protocol: Option<Protocol>,
    /// Asked only for OIDC.
    pub oidc_flow: Option<OidcFlow>,
    pub audience: Option<Audience>,
    /// Asked for identity verification: whether users can verify in person.
    pub in_person: Option<InPerson>,
}

impl Profile {
    /// How many of the profile's questions are answered (the OIDC flow counts only for OIDC).
    pub fn answered(&self) -> usize {
        [
            !self.agency.trim().is_empty(),
            !self.application.trim().is_empty(),
            self.partner_type.is_some(),
            self.protocol.is_some(),
            self.audience.is_some(),
            self.protocol == Some(Protocol::Oidc) && self.oidc_flow.is_some(),
        ]
        .into_iter()
        .filter(|done| *done)
        .count()
    }

    /// How many questions the profile asks, given the answers so far.
    pub fn questions(&self) -> usize {
        if self.protocol == Some(Protocol::Oidc) {
            6
        } else {
            5
        }
    }

    /// True when the integration uploads a public certificate: SAML, or OIDC without PKCE.
    /// Unknown counts as true, so the certificate item shows until the answer rules it out.
    pub fn uses_certificate(&self) -> bool {
        !(self.protocol == Some(Protocol::Oidc) && self.oidc_flow == Some(OidcFlow::Pkce))
    }
}
