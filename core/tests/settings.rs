//! Host tests of the integration settings card against a table written from the corrected facts
//! (`../shared/facts/login-gov-partner-facts.md`, section 1, and the developer guide's
//! authorization, SAML and attributes pages), for every level, audience, protocol and OIDC flow.
#![cfg(not(target_arch = "wasm32"))]

use portal_core::content::content;
use portal_core::dates::Date;
use portal_core::export;
use portal_core::record::ReadinessRecord;
use portal_core::settings::{integration_settings, saml_year, IntegrationSettings};
use portal_core::vocab::Level;
use portal_core::vocab::{Audience, OidcFlow, Profile, Protocol};

/// The day the cards below are made: the SAML paths carry its year.
fn today() -> Date {
    Date::parse_iso("2026-12-07").unwrap()
}

const AAL2: &str = "http://idmanagement.gov/ns/assurance/aal/2";
const PHISHING_RESISTANT: &str = "http://idmanagement.gov/ns/assurance/aal/2?phishing_resistant=true";
const PORTAL_AAL2: &str = "MFA required, remember device disallowed (AAL2)";
const PORTAL_PHISHING_RESISTANT: &str = "Phishing-resistant MFA (e.g. WebAuthn or PIV/CAC cards) required, remember device disallowed (AAL2)";

/// What the facts say each level sends, and what the Partner Portal calls its IAL option.
fn expected_level(level: Level) -> (&'static str, &'static str) {
    match level {
        Level::Ial1Aal2 => ("urn:acr.login.gov:auth-only", "Authentication only (no verified attributes)"),
        Level::BasicIdv => ("urn:acr.login.gov:verified", "Identity verification permitted"),
        Level::Ial2Aal2 => ("urn:acr.login.gov:verified-facial-match-required", "Identity verification permitted"),
    }
}

/// The sign-ins a card has for an audience: (who, AAL value), and the Portal's default AAL.
fn expected_sign_ins(audience: Option<Audience>) -> (Vec<(Option<&'static str>, &'static str)>, &'static str) {
    match audience {
        Some(Audience::Workforce) => (vec![(None, PHISHING_RESISTANT)], PORTAL_PHISHING_RESISTANT),
        // The public keeps any MFA; the workforce sign-in asks for phishing resistance per request.
        Some(Audience::Both) => (vec![(Some("The public"), AAL2), (Some("Agency staff, contractors and partners"), PHISHING_RESISTANT)], PORTAL_AAL2),
        Some(Audience::Public) | Some(Audience::NotSure) | None => (vec![(None, AAL2)], PORTAL_AAL2),
    }
}

/// Percent-decoding of a query value, `+` as a space (application/x-www-form-urlencoded).
fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                out.push(u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap(), 16).unwrap());
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap()
}

/// The query parameters of a URL, decoded, in order.
fn query(url: &str) -> Vec<(String, String)> {
    let (_, query) = url.split_once('?').expect("a query");
    query.split('&').map(|pair| pair.split_once('=').expect("key=value")).map(|(k, v)| (k.to_string(), decode(v))).collect()
}

fn param(url: &str, key: &str) -> Option<String> {
    query(url).into_iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn card(level: Level, audience: Option<Audience>, protocol: Option<Protocol>, oidc_flow: Option<OidcFlow>) -> IntegrationSettings {
    let profile = Profile { audience, protocol, oidc_flow, ..Profile::default() };
    integration_settings(&content().service_levels, Some(level), &profile, today()).expect("a card for every level")
}

#[test]
fn the_card_for_every_level_audience_protocol_and_flow_matches_the_facts() {
    let audiences = [None, Some(Audience::Public), Some(Audience::Workforce), Some(Audience::Both), Some(Audience::NotSure)];
    let protocols = [None, Some(Protocol::Oidc), Some(Protocol::Saml)];
    let flows = [None, Some(OidcFlow::PrivateKeyJwt), Some(OidcFlow::Pkce)];
    let identity_verified_scopes = ["profile", "profile:name", "profile:birthdate", "address", "phone", "social_security_number"];
    let mut cases = 0;
    for level in Level::ALL {
        let (level_value, portal_ial) = expected_level(level);
        for audience in audiences {
            let (sign_ins, portal_aal) = expected_sign_ins(audience);
            for protocol in protocols {
                for flow in flows {
                    cases += 1;
                    let case = format!("{level:?} {audience:?} {protocol:?} {flow:?}");
                    let c = card(level, audience, protocol, flow);
                    assert_eq!(c.level_value, level_value, "{case}");
                    assert_eq!(c.portal_ial_option, portal_ial, "{case}");
                    assert_eq!(c.portal_default_aal, portal_aal, "{case}");
                    assert_eq!(c.show_oidc, protocol != Some(Protocol::Saml), "{case}");
                    assert_eq!(c.show_saml, protocol != Some(Protocol::Oidc), "{case}");
                    assert_eq!(c.sign_ins.len(), sign_ins.len(), "{case}");
                    let pkce = protocol == Some(Protocol::Oidc) && flow == Some(OidcFlow::Pkce);
                    for (sign_in, (who, aal)) in c.sign_ins.iter().zip(&sign_ins) {
                        assert_eq!(sign_in.who, *who, "{case}");
                        assert_eq!(sign_in.aal_value, *aal, "{case}");
                        // One service-level value and one AAL value, separated by one space.
                        assert_eq!(sign_in.acr_values, format!("{level_value} {aal}"), "{case}");
                        for (url, host) in [
                            (&sign_in.oidc_sandbox_url, "https://idp.int.identitysandbox.gov/openid_connect/authorize?"),
                            (&sign_in.oidc_production_url, "https://secure.login.gov/openid_connect/authorize?"),
                        ] {
                            assert!(url.starts_with(host), "{case}: {url}");
                            assert!(!url.contains(' ') && !url.contains('"'), "{case}: {url}");
                            assert_eq!(param(url, "acr_values").as_deref(), Some(sign_in.acr_values.as_str()), "{case}: {url}");
                            assert_eq!(param(url, "prompt").as_deref(), Some("select_account"));
                            assert_eq!(param(url, "response_type").as_deref(), Some("code"));
                            for key in ["client_id", "nonce", "redirect_uri", "state"] {
                                assert!(param(url, key).is_some_and(|v| !v.is_empty()), "{case}: {key}");
                            }
                            for key in ["nonce", "state"] {
                                assert!(param(url, key).unwrap().len() >= 22, "{key} placeholders show the 22-character minimum");
                            }
                            assert!(param(url, "redirect_uri").unwrap().starts_with("https://"), "redirect URIs are HTTPS");
                            // The scope: openid, and nothing the level cannot return.
                            let scope = param(url, "scope").unwrap();
                            let scopes: Vec<&str> = scope.split(' ').collect();
                            assert_eq!(scopes[0], "openid");
                            for s in &scopes {
                                assert!(c.scopes.iter().any(|allowed| allowed == s), "{case}: {s} is not returned at this level");
                                if level == Level::Ial1Aal2 {
                                    assert!(!identity_verified_scopes.contains(s), "{case}: {s} needs identity verification");
                                }
                            }
                            assert_eq!(param(url, "code_challenge_method").as_deref(), pkce.then_some("S256"), "{case}");
                            assert_eq!(param(url, "code_challenge").is_some(), pkce, "{case}");
                        }
                        // SAML: the level, the AAL and the requested attributes, each a class ref.
                        let refs: Vec<&str> = sign_in
                            .saml_xml
                            .split("<saml:AuthnContextClassRef>")
                            .skip(1)
                            .map(|part| part.split("</saml:AuthnContextClassRef>").next().unwrap())
                            .collect();
                        assert_eq!(refs.len(), 3, "{case}: {}", sign_in.saml_xml);
                        assert_eq!(refs[0], level_value);
                        assert_eq!(refs[1], *aal);
                        assert!(refs[2].starts_with("http://idmanagement.gov/ns/requested_attributes?ReqAttr=email"), "{case}");
                        assert!(sign_in.saml_xml.starts_with("<samlp:RequestedAuthnContext Comparison=\"exact\">"));
                        if level == Level::Ial1Aal2 {
                            assert_eq!(
                                refs[2], "http://idmanagement.gov/ns/requested_attributes?ReqAttr=email",
                                "authentication only returns no verified attributes"
                            );
                        }
                    }
                    // IAL1 accounts cannot return what only identity verification provides.
                    for scope in identity_verified_scopes {
                        assert_eq!(c.scopes.iter().any(|s| s == scope), level.verifies_identity(), "{case}: {scope}");
                    }
                    // The traps, one line each. A request without an AAL value gets the
                    // configuration's default, which only matters for IAL1: every
                    // identity-verification value requires AAL2.
                    assert_eq!(c.traps.contains(&"trap-default-aal"), level == Level::Ial1Aal2, "{case}");
                    assert!(c.traps.contains(&"trap-deprecated"), "{case}");
                    assert_eq!(c.traps.contains(&"trap-facial-match-preferred"), level == Level::Ial2Aal2, "{case}");
                    assert_eq!(c.traps.contains(&"trap-verified-is-basic"), level.verifies_identity(), "{case}");
                    // Workforce guidance: never forced on the public.
                    assert_eq!(c.notes.contains(&"set-workforce-per-request"), audience == Some(Audience::Both), "{case}");
                    assert_eq!(c.notes.contains(&"set-audience-unknown"), matches!(audience, None | Some(Audience::NotSure)), "{case}");
                    assert!(c.notes.contains(&"set-portal-needs-request"), "{case}");
                    for id in c.notes.iter().chain(&c.traps) {
                        assert!(content().service_levels.fact(id).is_some(), "{id}");
                    }
                    assert_eq!(c.saml_sandbox_endpoint, "https://idp.int.identitysandbox.gov/api/saml/auth2026");
                    assert_eq!(c.saml_production_endpoint, "https://secure.login.gov/api/saml/auth2026");
                    assert_eq!(c.saml_production_metadata, "https://secure.login.gov/api/saml/metadata2026");
                    assert_eq!(c.oidc_production_certs, "https://secure.login.gov/api/openid_connect/certs");
                    assert_eq!(c.notes.contains(&"set-saml-year"), c.show_saml, "{case}");
                }
            }
        }
    }
    assert_eq!(cases, 3 * 5 * 3 * 3);
}

#[test]
fn no_card_before_a_level_and_never_a_deprecated_or_not_ial2_value_for_ial2() {
    assert!(integration_settings(&content().service_levels, None, &Profile::default(), today()).is_none());
    for audience in [Some(Audience::Public), Some(Audience::Workforce), Some(Audience::Both)] {
        let c = card(Level::Ial2Aal2, audience, None, None);
        for sign_in in &c.sign_ins {
            for bad in ["assurance/ial/2", "assurance/loa/3", "verified-facial-match-preferred", "urn:acr.login.gov:verified "] {
                assert!(!sign_in.acr_values.contains(bad), "{bad} in {}", sign_in.acr_values);
            }
            assert!(!sign_in.saml_xml.contains("urn:acr.login.gov:verified<"), "basic verification in an IAL2 request");
        }
    }
    // The default AAL value is never what the card sends.
    for level in Level::ALL {
        for sign_in in card(level, None, None, None).sign_ins {
            assert!(!sign_in.acr_values.contains("PasswordProtectedTransport"));
        }
    }
}

#[test]
fn the_card_follows_the_agencys_own_choice_and_appears_in_the_exports() {
    let mut record = ReadinessRecord {
        profile: Profile { protocol: Some(Protocol::Oidc), audience: Some(Audience::Public), ..Profile::default() },
        ..ReadinessRecord::default()
    };
    record.service_level.answers.financial = Some(portal_core::service_level::Answer::Yes);
    assert_eq!(record.level(), Some(Level::Ial2Aal2));
    let md = export::markdown(&record, content(), "2026-12-01");
    assert!(md.contains("## Integration settings to request"));
    assert!(md.contains("urn:acr.login.gov:verified-facial-match-required http://idmanagement.gov/ns/assurance/aal/2"), "{md}");
    // The agency chooses basic verification over the recommendation: the card follows.
    record.service_level.chosen = Some(Level::BasicIdv);
    record.service_level.override_reason = "Risk assessment 2026-11".into();
    let md = export::markdown(&record, content(), "2026-12-01");
    assert!(md.contains("urn:acr.login.gov:verified http://idmanagement.gov/ns/assurance/aal/2"), "{md}");
    assert!(!md.contains("urn:acr.login.gov:verified-facial-match-required http"), "{md}");
    let json: serde_json::Value = serde_json::from_str(&export::record_json(&record, content(), "2026-12-02")).unwrap();
    assert_eq!(json["integration_settings"]["service_level"], "basic-idv");
    assert_eq!(
        json["integration_settings"]["sign_ins"][0]["oidc_acr_values"],
        "urn:acr.login.gov:verified http://idmanagement.gov/ns/assurance/aal/2"
    );
    assert_eq!(json["integration_settings"]["sign_ins"][0]["saml_requested_authn_context"], serde_json::Value::Null, "OIDC only");
    // The exported JSON imports back as the same record: the card is derived, not stored.
    assert_eq!(portal_core::record::import(&export::record_json(&record, content(), "2026-12-02")), Ok(record));
}

/// The SAML paths carry the year of the day the card is made, never one written into the
/// content: the same card made on another day names that day's year.
#[test]
fn the_saml_year_follows_the_date() {
    let profile = Profile { protocol: Some(Protocol::Saml), ..Profile::default() };
    for (day, year, changing_over) in [
        ("2026-12-31", 2026, false),
        ("2027-01-01", 2027, true),
        ("2027-03-31", 2027, true),
        ("2027-04-01", 2027, false),
        ("2031-06-15", 2031, false),
    ] {
        let date = Date::parse_iso(day).unwrap();
        assert_eq!(saml_year(date).current, year, "{day}");
        assert_eq!(saml_year(date).changing_over, changing_over, "{day}");
        let c = integration_settings(&content().service_levels, Some(Level::Ial1Aal2), &profile, date).unwrap();
        assert_eq!(c.saml_production_endpoint, format!("https://secure.login.gov/api/saml/auth{year}"), "{day}");
        assert_eq!(c.saml_sandbox_endpoint, format!("https://idp.int.identitysandbox.gov/api/saml/auth{year}"), "{day}");
        assert_eq!(c.saml_production_metadata, format!("https://secure.login.gov/api/saml/metadata{year}"), "{day}");
    }
    // The exports date the paths by the export's day.
    let mut record = ReadinessRecord { profile, ..ReadinessRecord::default() };
    record.service_level.chosen = Some(Level::Ial1Aal2);
    record.service_level.override_reason = "Risk assessment".into();
    let md = export::markdown(&record, content(), "2028-02-10");
    assert!(md.contains("https://secure.login.gov/api/saml/auth2028") && md.contains("metadata2028") && !md.contains("auth2026"), "{md}");
    // The content holds no year of its own for any SAML path.
    for e in content().service_levels.endpoints.iter().chain(content().service_levels.idp_certificates) {
        assert!(!e.url.contains("2026"), "{}", e.url);
    }
}
