//! The content's types. The build script reads `core/content/*.json` into them, checks them and
//! writes them out as Rust statics; the app reads those statics.

use crate::launch::fields::LaunchField;
use crate::vocab::{Audience, Lang, Level, PartnerType, Protocol};

/// Where a statement comes from, and the day someone last read that page to check it. Written
/// flat in each JSON entry, as `source`, `last_verified` and, for what is the portal's own and
/// not Login.gov's, `portal_basis`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Citation {
    /// An https URL listed in `sources.json`; empty for a portal basis other than
    /// [`PortalBasis::Historical`], which no Login.gov page states (the content check holds it so).
    pub source: &'static str,
    /// `YYYY-MM-DD`.
    pub last_verified: &'static str,
    /// Set when the statement is the portal's own (an assumption, a field, advice, a feature),
    /// so pages show that label where a Login.gov source link would stand.
    pub basis: Option<PortalBasis>,
}

content_enum! {
    /// Why a statement is the portal's and not Login.gov's. Each is labelled as such on the
    /// page, instead of a link to a page that does not say it.
    pub enum PortalBasis {
        /// A figure Login.gov does not publish: the portal uses a common contact-centre default.
        IndustryDefault = "industry-default",
        /// A figure Login.gov published once and no longer does: `source` is the old text.
        Historical = "historical",
        /// A field the portal adds to plan Contact Center staffing; no Login.gov form asks it.
        PlanningField = "planning-field",
        /// The portal's own advice.
        Advice = "advice",
        /// What the portal itself does.
        Feature = "feature",
        /// The portal's reading of Login.gov's published figures.
        Estimate = "estimate",
    }
}

impl PortalBasis {
    /// The label shown where a source link would be.
    pub fn label(self) -> &'static str {
        match self {
            PortalBasis::IndustryDefault => "Portal assumption (industry default)",
            PortalBasis::Historical => "Portal assumption (an earlier Login.gov figure)",
            PortalBasis::PlanningField => "Portal planning field (not on Login.gov’s form)",
            PortalBasis::Advice => "Portal advice",
            PortalBasis::Feature => "What this portal does",
            PortalBasis::Estimate => "Portal estimate from Login.gov’s figures",
        }
    }
}

impl Citation {
    /// The Login.gov page to link, if any: none for the portal's own statements, except an
    /// earlier figure, whose old text is linked.
    pub fn link(&self) -> Option<&'static str> {
        (!self.source.is_empty()).then_some(self.source)
    }
}

impl crate::content::read::FromJson for Citation {
    fn from_json(_: &serde_json::Value, at: &str) -> Result<Self, Vec<String>> {
        Err(vec![format!("{at}: a citation is read from its entry")])
    }

    fn from_field(object: &serde_json::Map<String, serde_json::Value>, _: &'static str, at: &str) -> Result<Self, Vec<String>> {
        let basis = <Option<PortalBasis>>::from_field(object, "portal_basis", at);
        // The portal's own statements cite no page (the content check says which may).
        let source = match (&basis, object.get("source")) {
            (Ok(Some(_)), None) => Ok(""),
            _ => <&'static str>::from_field(object, "source", at),
        };
        let last_verified = <&'static str>::from_field(object, "last_verified", at);
        match (source, last_verified, basis) {
            (Ok(source), Ok(last_verified), Ok(basis)) => Ok(Citation { source, last_verified, basis }),
            (a, b, c) => Err([a.err(), b.err(), c.err()].into_iter().flatten().flatten().collect()),
        }
    }

    fn keys(_: &'static str) -> Vec<&'static str> {
        vec!["source", "last_verified", "portal_basis"]
    }
}

impl crate::content::bake::Bake for Citation {
    fn bake(&self, out: &mut String) {
        out.push_str(&format!("crate::content::schema::Citation {{ source: {:?}, last_verified: {:?}, basis: ", self.source, self.last_verified));
        crate::content::bake::Bake::bake(&self.basis, out);
        out.push_str(" }");
    }
}

content_struct! {
    pub struct Source {
        pub id: &'static str,
        pub title: &'static str,
        pub url: &'static str,
        pub used_for: &'static str,
        pub last_verified: &'static str,
    }
}

content_struct! {
    /// One statement of fact, with where it comes from.
    pub struct Fact {
        pub id: &'static str,
        pub text: &'static str,
        pub cite: Citation,
    }
}

content_struct! {
    /// Where Login.gov's own sources disagree, and which rule the portal follows.
    pub struct Disagreement {
        pub id: &'static str,
        pub topic: &'static str,
        /// What the source the portal follows says (the citation's source).
        pub follows_text: &'static str,
        /// What the other source says.
        pub other_text: &'static str,
        /// The other source, when it is a public page; empty when it is an older text no longer published.
        pub other_source: &'static str,
        /// The rule the portal follows, in a few words.
        pub portal_follows: &'static str,
        pub cite: Citation,
    }
}

content_struct! {
    pub struct SourcesFile {
        pub sources: &'static [Source],
        pub disagreements: &'static [Disagreement],
    }
}

content_struct! {
    pub struct LevelEntry {
        pub id: Level,
        pub name: &'static str,
        pub title: &'static str,
        /// One of the two levels the guide recommends between (IAL1/AAL2, IAL2/AAL2).
        pub main_choice: bool,
        pub user_does: &'static str,
        pub agency_gets: &'static str,
        pub when_to_choose: &'static str,
        /// Why the level is not IAL2, for the level that is neither IAL1 nor IAL2; else empty.
        pub not_ial2: &'static str,
        pub obligations: &'static [&'static str],
        /// The service-level value a request sends (`acr_values`, `AuthnContextClassRef`).
        pub request_value: &'static str,
        /// The Partner Portal's "Identity Assurance Level" option, in its own words.
        pub portal_ial_option: &'static str,
        /// Every OIDC scope an account at this level can return data for.
        pub oidc_scopes: &'static [&'static str],
        /// The scopes of the example authorization request.
        pub example_scopes: &'static [&'static str],
        /// The SAML attributes of the example request (`ReqAttr=`).
        pub example_saml_attributes: &'static [&'static str],
        pub cite: Citation,
    }
}

content_struct! {
    /// An authentication assurance (AAL) value a request can carry.
    pub struct AalValue {
        pub id: &'static str,
        pub value: &'static str,
        /// The Partner Portal's default-AAL choice for it, in its own words; empty when the Portal
        /// does not offer it as a default.
        pub portal_label: &'static str,
        pub meaning: &'static str,
        pub cite: Citation,
    }
}

content_struct! {
    /// A legacy request value and the current value it stands for.
    pub struct DeprecatedValue {
        pub id: &'static str,
        pub value: &'static str,
        pub same_as: &'static str,
        pub cite: Citation,
    }
}

content_enum! {
    pub enum Environment {
        Sandbox = "sandbox",
        Production = "production",
    }
}

content_struct! {
    /// Where an authentication request goes.
    pub struct Endpoint {
        pub id: &'static str,
        pub protocol: Protocol,
        pub environment: Environment,
        pub url: &'static str,
        pub cite: Citation,
    }
}

content_struct! {
    pub struct AuthOption {
        pub id: &'static str,
        pub name: &'static str,
        pub methods: &'static str,
        pub when: &'static str,
        pub cite: Citation,
    }
}

content_struct! {
    pub struct Question {
        pub id: &'static str,
        pub prompt: &'static str,
        pub hint: &'static str,
        pub cite: Citation,
    }
}

content_struct! {
    pub struct ServiceLevelsFile {
        /// The sentence that introduces the three levels.
        pub intro: Fact,
        pub levels: &'static [LevelEntry],
        pub aal_values: &'static [AalValue],
        pub deprecated_values: &'static [DeprecatedValue],
        /// Where an authentication request goes; SAML paths hold `{year}` (see `settings::saml_year`).
        pub endpoints: &'static [Endpoint],
        /// Where production's IdP certificates are published, one per protocol.
        pub idp_certificates: &'static [Endpoint],
        /// What the integration settings card says besides the values, by id.
        pub settings_notes: &'static [Fact],
        /// Request values that do not mean what they seem to, one line each.
        pub traps: &'static [Fact],
        pub auth_options: &'static [AuthOption],
        pub questions: &'static [Question],
        pub facts: &'static [Fact],
    }
}

impl ServiceLevelsFile {
    pub fn level(&self, level: Level) -> Option<&LevelEntry> {
        self.levels.iter().find(|l| l.id == level)
    }

    pub fn aal(&self, id: &str) -> Option<&AalValue> {
        self.aal_values.iter().find(|a| a.id == id)
    }

    pub fn endpoint(&self, protocol: Protocol, environment: Environment) -> Option<&Endpoint> {
        self.endpoints.iter().find(|e| e.protocol == protocol && e.environment == environment)
    }

    pub fn idp_certificate(&self, protocol: Protocol) -> Option<&Endpoint> {
        self.idp_certificates.iter().find(|e| e.protocol == protocol)
    }

    /// A fact, settings note or trap by id.
    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().chain(self.settings_notes).chain(self.traps).chain(std::iter::once(&self.intro)).find(|f| f.id == id)
    }
}

content_enum! {
    /// Whether an item that applies to the integration must be done before launch. An item with a
    /// condition is required (or recommended) wherever its condition holds, and absent elsewhere.
    pub enum Requirement {
        Required = "required",
        Recommended = "recommended",
    }
}

content_enum! {
    /// Who signs in, as texts written to users see it: the public, a workforce, or `mixed` (both,
    /// or not known yet, which gets the text that is true for both).
    pub enum WhoSignsIn {
        Public = "public",
        Workforce = "workforce",
        Mixed = "mixed",
    }
}

content_struct! {
    /// When an item applies: every named part must match.
    pub struct Condition {
        pub level: Option<Level>,
        /// True: the level verifies identity (basic or IAL2); false: it does not.
        pub identity_verification: Option<bool>,
        pub protocol: Option<Protocol>,
        pub audience: Option<Audience>,
        /// Unlike `audience`, always known, so a user text never goes missing while the audience
        /// is unanswered.
        pub who_signs_in: Option<WhoSignsIn>,
        pub partner_type: Option<PartnerType>,
        /// True: the integration uploads a public certificate (SAML, or OIDC without PKCE).
        pub certificate: Option<bool>,
        /// True: in-person identity verification is enabled for the integration; false: it is
        /// not. "Not sure" is not known, like an unanswered question.
        pub in_person: Option<bool>,
    }
}

impl Condition {
    pub const NOTHING: Condition = Condition {
        level: None,
        identity_verification: None,
        protocol: None,
        audience: None,
        who_signs_in: None,
        partner_type: None,
        certificate: None,
        in_person: None,
    };

    pub fn names_nothing(&self) -> bool {
        *self == Condition::NOTHING
    }
}

content_struct! {
    /// A link to where an item's action happens (a Help Desk form, an account page).
    pub struct Action {
        pub label: &'static str,
        pub url: &'static str,
    }
}

content_struct! {
    pub struct ChecklistItem {
        pub id: &'static str,
        pub title: &'static str,
        pub why: &'static str,
        pub owner: &'static str,
        pub requirement: Requirement,
        pub condition: Option<Condition>,
        /// A portal route whose tool helps with this item.
        pub tool: Option<&'static str>,
        /// Where the item's action happens outside the portal.
        pub action: Option<Action>,
        pub cite: Citation,
    }
}

content_struct! {
    pub struct Phase {
        pub id: &'static str,
        pub title: &'static str,
        pub summary: &'static str,
        pub items: &'static [ChecklistItem],
        pub cite: Citation,
    }
}

content_struct! {
    pub struct ChecklistFile {
        pub phases: &'static [Phase],
    }
}

content_struct! {
    pub struct Channel {
        pub id: &'static str,
        pub name: &'static str,
        /// The languages the channel serves, by name (interpreted languages included).
        pub languages: &'static [&'static str],
        pub text: &'static str,
        pub cite: Citation,
    }
}

content_enum! {
    /// The kinds of user link Login.gov publishes in every language.
    pub enum LinkKind {
        Contact = "contact",
        Help = "help",
        CreateAccount = "create-account",
    }
}

content_struct! {
    pub struct Link {
        pub id: &'static str,
        pub kind: LinkKind,
        pub lang: Lang,
        pub url: &'static str,
        pub cite: Citation,
    }
}

content_struct! {
    pub struct FaqEntry {
        pub id: &'static str,
        pub question: &'static str,
        pub answer: &'static str,
        /// When the entry is part of the FAQ; every part must be known and match (an FAQ states
        /// facts to users, so an entry whose condition is not known yet is left out).
        pub condition: Option<Condition>,
        pub cite: Citation,
    }
}

content_enum! {
    /// Who answers a kind of question: Login.gov or the agency.
    pub enum Contact {
        LoginGov = "login-gov",
        Agency = "agency",
    }
}

content_struct! {
    pub struct Routing {
        pub id: &'static str,
        pub topic: &'static str,
        pub contact: Contact,
        pub cite: Citation,
    }
}

content_enum! {
    /// Who does what a Login.gov agent cannot: the user, with the help center; only the agency;
    /// or nobody at all.
    pub enum Instead {
        User = "user",
        Agency = "agency",
        Nobody = "nobody",
    }
}

content_struct! {
    /// Something Login.gov's agents cannot do for a user, and who does it instead.
    pub struct AgentLimit {
        pub id: &'static str,
        pub text: &'static str,
        pub instead: Instead,
        /// Help-center articles (each listed in `sources.json`) with which users do it themselves.
        pub help: &'static [&'static str],
        pub cite: Citation,
    }
}

content_struct! {
    pub struct SupportFile {
        pub channels: &'static [Channel],
        pub facts: &'static [Fact],
        pub agent_cannot: &'static [AgentLimit],
        pub links: &'static [Link],
        pub faq: &'static [FaqEntry],
        pub routing: &'static [Routing],
    }
}

impl SupportFile {
    /// A support fact, by id.
    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| f.id == id)
    }

    /// What agents cannot do that falls to `who` instead.
    pub fn limits_for(&self, who: Instead) -> impl Iterator<Item = &AgentLimit> {
        self.agent_cannot.iter().filter(move |l| l.instead == who)
    }
}

content_struct! {
    /// How the launch page names one form field, and how the Partner Portal names it.
    pub struct FormField {
        pub id: &'static str,
        pub field: LaunchField,
        pub label: &'static str,
        pub hint: &'static str,
        /// The Partner Portal's label for it, in the launch request text; empty for the fields the
        /// portal adds for staffing.
        pub portal_label: &'static str,
        pub cite: Citation,
    }
}

content_struct! {
    /// A page outside the portal that the launch page links to.
    pub struct ExternalLink {
        pub id: &'static str,
        pub label: &'static str,
        pub url: &'static str,
        pub cite: Citation,
    }
}

content_struct! {
    pub struct StaffingDefault {
        pub id: &'static str,
        pub label: &'static str,
        pub value: f64,
        pub unit: &'static str,
        pub note: &'static str,
        pub cite: Citation,
    }
}

content_struct! {
    pub struct LaunchFile {
        pub timeline: &'static [Fact],
        pub links: &'static [ExternalLink],
        /// One entry per launch form field (the form's order is the enum's).
        pub fields: &'static [FormField],
        pub staffing_defaults: &'static [StaffingDefault],
    }
}

impl LaunchFile {
    pub fn field(&self, field: LaunchField) -> Option<&FormField> {
        self.fields.iter().find(|f| f.field == field)
    }

    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.timeline.iter().find(|f| f.id == id)
    }

    pub fn link(&self, id: &str) -> Option<&ExternalLink> {
        self.links.iter().find(|l| l.id == id)
    }
}

/// All bundled content, typed.
#[derive(Clone, Debug, PartialEq)]
pub struct Content {
    pub sources: &'static [Source],
    pub disagreements: &'static [Disagreement],
    pub service_levels: ServiceLevelsFile,
    pub checklist: ChecklistFile,
    pub support: SupportFile,
    pub launch: LaunchFile,
}

impl Content {
    pub fn source_by_url(&self, url: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.url == url)
    }
}
