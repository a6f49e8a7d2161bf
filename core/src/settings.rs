//! The integration settings card: for a level, an audience and a protocol, the exact settings to
//! request from Login.gov. The Partner Portal's choices in its own words, the OIDC `acr_values`
//! with example authorization requests for the sandbox and production, the SAML
//! `AuthnContextClassRef` elements, and the traps. Every value comes from `service_levels.json`,
//! where each is cited; this module only puts them together.

use super::content::{Environment, ServiceLevelsFile};
use super::dates::Date;
use super::text::{encode_query_value, html_escape};
use super::vocab::Level;
use super::vocab::{Audience, OidcFlow, Profile, Protocol};

/// The AAL value for the public (and for everyone when the audience is not known).
pub const AAL_PUBLIC: &str = "aal-2";
/// The AAL value for agency staff, contractors and partners (OMB M-22-09).
pub const AAL_WORKFORCE: &str = "aal-2-phishing-resistant";

/// Placeholders in the example requests, which the settings notes explain.
pub const EXAMPLE_CLIENT_ID: &str = "YOUR_CLIENT_ID";
pub const EXAMPLE_REDIRECT_URI: &str = "https://app.agency.gov/auth/result";
pub const EXAMPLE_STATE: &str = "A_NEW_RANDOM_STATE_OF_22_OR_MORE_CHARACTERS";
pub const EXAMPLE_NONCE: &str = "A_NEW_RANDOM_NONCE_OF_22_OR_MORE_CHARACTERS";
pub const EXAMPLE_CODE_CHALLENGE: &str = "YOUR_CODE_CHALLENGE";

/// The year in Login.gov's SAML paths (`auth2026`, `metadata2026`) on a given day. Login.gov adds
/// each year's paths, with a new signing certificate, in the spring, and the previous year's
/// certificate expires on 1 April (content note `set-saml-year`): from January to March both
/// years' paths may be in use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SamlYear {
    pub current: i32,
    /// True from January to March, while the previous year's paths still work.
    pub changing_over: bool,
}

pub fn saml_year(today: Date) -> SamlYear {
    SamlYear { current: today.year, changing_over: today.month <= 3 }
}

/// A SAML path from the content with its `{year}` filled in.
pub fn with_saml_year(template: &str, year: i32) -> String {
    template.replace("{year}", &year.to_string())
}

/// The settings of one sign-in: the whole application's, or, when the public and the workforce
/// share it, each group's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignIn {
    /// Whose sign-in this is, when there are two; `None` when there is one.
    pub who: Option<&'static str>,
    /// The AAL value this sign-in requests.
    pub aal_value: String,
    /// The OIDC `acr_values`: the level's value and the AAL value, separated by a space.
    pub acr_values: String,
    pub oidc_sandbox_url: String,
    pub oidc_production_url: String,
    /// The SAML `RequestedAuthnContext` element with its `AuthnContextClassRef` values.
    pub saml_xml: String,
}

/// Everything the card shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IntegrationSettings {
    pub level: Level,
    /// The Partner Portal's "Identity Assurance Level" option.
    pub portal_ial_option: String,
    /// The Partner Portal's "default AAL" choice for the configuration.
    pub portal_default_aal: String,
    /// The level's service-level value.
    pub level_value: String,
    pub sign_ins: Vec<SignIn>,
    pub show_oidc: bool,
    pub show_saml: bool,
    /// Every OIDC scope an account at this level can return data for.
    pub scopes: Vec<String>,
    pub saml_sandbox_endpoint: String,
    pub saml_production_endpoint: String,
    /// The year the SAML paths carry on the day the card was made.
    pub saml_year: SamlYear,
    /// Where production's IdP certificates are published: OIDC's keys, SAML's metadata.
    pub oidc_production_certs: String,
    pub saml_production_metadata: String,
    /// Ids of the settings notes (in `service_levels.json`) that apply, in the order shown.
    pub notes: Vec<&'static str>,
    /// Ids of the traps, one line each.
    pub traps: Vec<&'static str>,
}

fn oidc_url(endpoint: &str, acr_values: &str, scopes: &[&str], pkce: bool) -> String {
    let scope = scopes.iter().map(|s| encode_query_value(s)).collect::<Vec<_>>().join("+");
    let mut url = format!(
        "{endpoint}?acr_values={}&client_id={}&nonce={}&prompt=select_account&redirect_uri={}&response_type=code&scope={scope}&state={}",
        encode_query_value(acr_values),
        encode_query_value(EXAMPLE_CLIENT_ID),
        encode_query_value(EXAMPLE_NONCE),
        encode_query_value(EXAMPLE_REDIRECT_URI),
        encode_query_value(EXAMPLE_STATE),
    );
    if pkce {
        url.push_str(&format!("&code_challenge={}&code_challenge_method=S256", encode_query_value(EXAMPLE_CODE_CHALLENGE)));
    }
    url
}

fn saml_xml(values: &[&str]) -> String {
    let mut xml = String::from("<samlp:RequestedAuthnContext Comparison=\"exact\">\n");
    for value in values {
        xml.push_str(&format!("  <saml:AuthnContextClassRef>{}</saml:AuthnContextClassRef>\n", html_escape(value)));
    }
    xml.push_str("</samlp:RequestedAuthnContext>");
    xml
}

/// The card for the level in force and the profile on the day `today` (the SAML paths carry its
/// year); `None` until a level is recommended or chosen, or when the content lacks a value (the
/// host tests check it never does).
pub fn integration_settings(content: &ServiceLevelsFile, level: Option<Level>, profile: &Profile, today: Date) -> Option<IntegrationSettings> {
    let level = level?;
    let level_content = content.level(level)?;
    let public = content.aal(AAL_PUBLIC)?;
    let workforce = content.aal(AAL_WORKFORCE)?;
    let oidc_sandbox = content.endpoint(Protocol::Oidc, Environment::Sandbox)?.url;
    let oidc_production = content.endpoint(Protocol::Oidc, Environment::Production)?.url;
    let pkce = profile.protocol == Some(Protocol::Oidc) && profile.oidc_flow == Some(OidcFlow::Pkce);
    let year = saml_year(today);

    let (portal_aal, groups): (&str, Vec<(Option<&'static str>, &str)>) = match profile.audience {
        Some(Audience::Workforce) => (workforce.portal_label, vec![(None, workforce.value)]),
        Some(Audience::Both) => {
            (public.portal_label, vec![(Some("The public"), public.value), (Some("Agency staff, contractors and partners"), workforce.value)])
        }
        Some(Audience::Public) | Some(Audience::NotSure) | None => (public.portal_label, vec![(None, public.value)]),
    };
    let mut attributes = String::from("http://idmanagement.gov/ns/requested_attributes?ReqAttr=");
    attributes.push_str(&level_content.example_saml_attributes.join(","));
    let sign_ins = groups
        .into_iter()
        .map(|(who, aal)| {
            let acr_values = format!("{} {aal}", level_content.request_value);
            SignIn {
                who,
                aal_value: aal.to_string(),
                oidc_sandbox_url: oidc_url(oidc_sandbox, &acr_values, level_content.example_scopes, pkce),
                oidc_production_url: oidc_url(oidc_production, &acr_values, level_content.example_scopes, pkce),
                saml_xml: saml_xml(&[level_content.request_value, aal, &attributes]),
                acr_values,
            }
        })
        .collect();

    let mut notes = vec!["set-portal-needs-request"];
    let show_oidc = profile.protocol != Some(Protocol::Saml);
    let show_saml = profile.protocol != Some(Protocol::Oidc);
    if show_oidc {
        notes.extend(["set-acr-join", "set-placeholders"]);
        if profile.protocol == Some(Protocol::Oidc) && profile.oidc_flow.is_none() {
            notes.push("set-pkce");
        }
        notes.push("set-scopes");
    }
    if show_saml {
        notes.extend(["set-saml-refs", "set-saml-year"]);
    }
    notes.push("set-idp-certificates");
    match profile.audience {
        Some(Audience::Both) => notes.push("set-workforce-per-request"),
        Some(Audience::Workforce) => notes.push("set-piv-only"),
        Some(Audience::NotSure) | None => notes.insert(0, "set-audience-unknown"),
        Some(Audience::Public) => {}
    }
    // A request without an AAL value gets the configuration's default AAL; every identity-
    // verification value requires AAL2 anyway, so only IAL1 can fall to the AAL1 default.
    let mut traps = if level == Level::Ial1Aal2 { vec!["trap-default-aal"] } else { Vec::new() };
    traps.push("trap-deprecated");
    match level {
        Level::Ial2Aal2 => traps.extend(["trap-facial-match-preferred", "trap-verified-is-basic"]),
        Level::BasicIdv => traps.push("trap-verified-is-basic"),
        Level::Ial1Aal2 => {}
    }

    Some(IntegrationSettings {
        level,
        portal_ial_option: level_content.portal_ial_option.to_string(),
        portal_default_aal: portal_aal.to_string(),
        level_value: level_content.request_value.to_string(),
        sign_ins,
        show_oidc,
        show_saml,
        scopes: level_content.oidc_scopes.iter().map(|s| s.to_string()).collect(),
        saml_sandbox_endpoint: with_saml_year(content.endpoint(Protocol::Saml, Environment::Sandbox)?.url, year.current),
        saml_production_endpoint: with_saml_year(content.endpoint(Protocol::Saml, Environment::Production)?.url, year.current),
        saml_year: year,
        oidc_production_certs: content.idp_certificate(Protocol::Oidc)?.url.to_string(),
        saml_production_metadata: with_saml_year(content.idp_certificate(Protocol::Saml)?.url, year.current),
        notes,
        traps,
    })
}

/// The card as Markdown, for the readiness export. `text` looks up a note or trap by id.
pub fn settings_markdown(settings: &IntegrationSettings, text: &dyn Fn(&str) -> String) -> String {
    let mut md = String::new();
    md.push_str(&format!("- Partner Portal, Identity Assurance Level: {}\n", settings.portal_ial_option));
    md.push_str(&format!("- Partner Portal, default AAL: {}\n", settings.portal_default_aal));
    for note in &settings.notes {
        md.push_str(&format!("- {}\n", text(note)));
    }
    for sign_in in &settings.sign_ins {
        let heading = sign_in.who.map(|w| format!("{w}: ")).unwrap_or_default();
        if settings.show_oidc {
            md.push_str(&format!("\n{heading}OIDC `acr_values`:\n\n```text\n{}\n```\n", sign_in.acr_values));
            md.push_str(&format!("\n{heading}example authorization request, sandbox:\n\n```text\n{}\n```\n", sign_in.oidc_sandbox_url));
            md.push_str(&format!("\n{heading}example authorization request, production:\n\n```text\n{}\n```\n", sign_in.oidc_production_url));
        }
        if settings.show_saml {
            md.push_str(&format!("\n{heading}SAML request (`AuthnContextClassRef`):\n\n```xml\n{}\n```\n", sign_in.saml_xml));
        }
    }
    if settings.show_saml {
        md.push_str(&format!("\nSAML endpoints: sandbox {}, production {}\n", settings.saml_sandbox_endpoint, settings.saml_production_endpoint));
        md.push_str(&format!("\nProduction SAML metadata and certificate: {}\n", settings.saml_production_metadata));
    }
    if settings.show_oidc {
        md.push_str(&format!("\nProduction OIDC certificates: {}\n", settings.oidc_production_certs));
    }
    if settings.show_oidc {
        md.push_str(&format!("\nOIDC scopes this level can return: {}\n", settings.scopes.join(", ")));
    }
    md.push_str("\nTraps:\n\n");
    for trap in &settings.traps {
        md.push_str(&format!("- {}\n", text(trap)));
    }
    md
}

/// The card as JSON, for the record's JSON export.
pub fn settings_json(settings: &IntegrationSettings, text: &dyn Fn(&str) -> String) -> serde_json::Value {
    use serde_json::json;
    json!({
        "service_level": settings.level.id(),
        "portal_identity_assurance_level": settings.portal_ial_option,
        "portal_default_aal": settings.portal_default_aal,
        "service_level_value": settings.level_value,
        "sign_ins": settings.sign_ins.iter().map(|s| json!({
            "who": s.who,
            "aal_value": s.aal_value,
            "oidc_acr_values": settings.show_oidc.then(|| s.acr_values.clone()),
            "oidc_example_sandbox": settings.show_oidc.then(|| s.oidc_sandbox_url.clone()),
            "oidc_example_production": settings.show_oidc.then(|| s.oidc_production_url.clone()),
            "saml_requested_authn_context": settings.show_saml.then(|| s.saml_xml.clone()),
        })).collect::<Vec<_>>(),
        "oidc_scopes": settings.show_oidc.then(|| settings.scopes.clone()),
        "saml_endpoints": settings.show_saml.then(|| json!({"sandbox": settings.saml_sandbox_endpoint, "production": settings.saml_production_endpoint, "production_metadata": settings.saml_production_metadata})),
        "oidc_production_certificates": settings.show_oidc.then(|| settings.oidc_production_certs.clone()),
        "notes": settings.notes.iter().map(|n| text(n)).collect::<Vec<_>>(),
        "traps": settings.traps.iter().map(|t| text(t)).collect::<Vec<_>>(),
    })
}
