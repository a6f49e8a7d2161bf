//! Host tests over the bundled content: it parses, and the validator finds no problem in it,
//! and the validator itself catches each kind of fault when one is planted.
#![cfg(not(target_arch = "wasm32"))]

use portal_core::content::check::validate;
use portal_core::content::{content, verified_range, FILES};
use portal_core::launch::LaunchField;
use portal_core::phone::{find_phone_candidates, is_contact_center_digits};

/// The Login.gov Contact Center number, held only here as a fixture. Nothing shipped may hold it.
const CONTACT_CENTER_NATIONAL: &str = concat!("844", "875", "6446");

fn files_with(name: &str, edit: impl Fn(&str) -> String) -> Vec<(&'static str, String)> {
    FILES.iter().map(|(n, text)| (*n, if *n == name { edit(text) } else { text.to_string() })).collect()
}

fn problems_of(files: &[(&'static str, String)]) -> Vec<String> {
    let borrowed: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
    validate(&borrowed)
}

fn assert_found(problems: &[String], needle: &str) {
    assert!(problems.iter().any(|p| p.contains(needle)), "expected a problem containing {needle:?}, got {problems:#?}");
}

#[test]
fn bundled_content_is_sound() {
    let problems = validate(&FILES);
    assert!(problems.is_empty(), "content problems:\n{}", problems.join("\n"));
}

#[test]
fn bundled_content_parses_into_every_section() {
    let c = content();
    assert!(c.sources.len() >= 10);
    let levels: Vec<&str> = c.service_levels.levels.iter().map(|l| l.id.id()).collect();
    assert_eq!(levels, ["ial1-aal2", "basic-idv", "ial2-aal2"]);
    let questions: Vec<&str> = c.service_levels.questions.iter().map(|q| q.id).collect();
    assert_eq!(questions, ["cui", "financial", "records", "others-data"]);
    let phases: Vec<&str> = c.checklist.phases.iter().map(|p| p.id).collect();
    assert_eq!(phases, ["phase-agreement", "phase-sandbox", "phase-production", "phase-support", "phase-launch"]);
    assert_eq!(c.support.links.len(), 12);
    assert_eq!(c.launch.fields.len(), LaunchField::ALL.len());
    assert_eq!(
        c.launch.fields.iter().filter(|f| !f.portal_label.is_empty()).count(),
        14,
        "the Portal's 12 fields, its help-desk field shared by three"
    );
    assert_eq!(c.disagreements.len(), 10);
    let (oldest, newest) = verified_range();
    assert!(!oldest.is_empty() && oldest <= newest);
}

#[test]
fn the_fixture_is_the_number_the_app_recognises_by_hash() {
    assert!(is_contact_center_digits(CONTACT_CENTER_NATIONAL));
    assert!(!is_contact_center_digits("2025550147"));
}

#[test]
fn no_bundled_file_holds_the_contact_center_number_in_any_layout() {
    for (name, text) in FILES {
        // Every digit of the file in order, so no separator or markup can hide the number.
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        assert!(!digits.contains(CONTACT_CENTER_NATIONAL), "{name} holds the Contact Center number");
        assert!(find_phone_candidates(text).iter().all(|c| !c.is_contact_center()), "{name}");
    }
}

/// Every text file the repository ships or builds from, outside the tests (which hold the number
/// as a fixture): sources, styles, static files, scripts and docs.
fn shipped_text_files() -> Vec<std::path::PathBuf> {
    // The workspace root: this crate is core/ inside it.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let mut files: Vec<_> = ["index.html", "README.md", "Cargo.toml", "Trunk.toml", "package.json", "Makefile", "core/Cargo.toml", "core/build.rs"]
        .iter()
        .map(|f| root.join(f))
        .collect();
    let mut dirs: Vec<_> = ["src", "style", "public", "scripts", "core/src", "core/content"].iter().map(|d| root.join(d)).collect();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files
}

#[test]
fn no_shipped_source_holds_the_contact_center_number_even_in_a_comment() {
    let mut read = 0;
    for path in shipped_text_files() {
        // Images and other binary files are not text, and cannot hold the number as text.
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        read += 1;
        let found = find_phone_candidates(&text).into_iter().find(|c| c.is_contact_center());
        assert!(found.is_none(), "{} holds the Contact Center number at byte {}", path.display(), found.map_or(0, |c| c.start));
    }
    assert!(read > 50, "read {read} files");
}

#[test]
fn validator_catches_the_contact_center_number() {
    for written in ["(844) 875-6446", "1-844-875-6446", "+1 844.875.6446", "844\u{2011}875\u{2011}6446".replace('\u{2011}', "-").as_str()] {
        let files = files_with("support.json", |t| t.replacen("\"text\": \"", &format!("\"text\": \"Call {written}. "), 1));
        assert_found(&problems_of(&files), "Contact Center phone number");
    }
}

#[test]
fn validator_catches_duplicate_ids() {
    let files = files_with("checklist.json", |t| t.replacen("\"id\": \"chk-", "\"id\": \"phase-agreement\", \"x-old-id\": \"chk-", 1));
    assert_found(&problems_of(&files), "duplicate id 'phase-agreement'");
}

#[test]
fn validator_catches_non_https_links_and_sources() {
    let files = files_with("support.json", |t| t.replacen("https://login.gov/es/contact/", "http://login.gov/es/contact/", 1));
    let problems = problems_of(&files);
    assert_found(&problems, "not an https URL");
    assert_found(&problems, "a link is not https");
}

#[test]
fn validator_catches_dangling_source_references() {
    let files = files_with("launch.json", |t| t.replacen("\"source\": \"https://", "\"source\": \"https://example.gov/not-a-source/#", 1));
    assert_found(&problems_of(&files), "which is not in sources.json");
}

#[test]
fn validator_catches_unknown_condition_values() {
    let files = files_with("checklist.json", |t| t.replacen("\"partner_type\": \"federal\"", "\"partner_type\": \"tribal\"", 1));
    assert_found(&problems_of(&files), "condition partner_type 'tribal' is unknown");
    let files = files_with("checklist.json", |t| t.replacen("\"protocol\": \"saml\"", "\"level\": \"ial3-aal3\"", 1));
    assert_found(&problems_of(&files), "condition level 'ial3-aal3' is unknown");
}

#[test]
fn validator_catches_missing_sources_and_bad_dates() {
    let files = files_with("service_levels.json", |t| t.replacen("\"last_verified\": \"2026-12-01\"", "\"last_verified\": \"2026-02-30\"", 1));
    assert_found(&problems_of(&files), "last_verified is not an ISO date");
    let files = files_with("service_levels.json", |t| t.replacen("\"source\":", "\"cited\":", 1));
    assert_found(&problems_of(&files), "missing source");
}

#[test]
fn validator_catches_uncited_sources() {
    let files = files_with("sources.json", |t| {
        t.replacen(
            "\"sources\": [",
            "\"sources\": [{\"id\": \"src-unused\", \"title\": \"Unused\", \"url\": \"https://login.gov/unused/\", \"used_for\": \"nothing\", \"last_verified\": \"2026-11-23\"},",
            1,
        )
    });
    assert_found(&problems_of(&files), "no content cites this source");
}

#[test]
fn every_content_id_the_code_uses_exists() {
    use portal_core::service_level::{AuthOption, Question, ALWAYS, IDV_CONSEQUENCES};
    use portal_core::settings::{AAL_PUBLIC, AAL_WORKFORCE};
    use portal_core::vocab::Level;
    let levels = &content().service_levels;
    for id in IDV_CONSEQUENCES.iter().chain(ALWAYS.iter()) {
        assert!(levels.fact(id).is_some(), "service_levels.json lacks fact {id}");
    }
    for id in [AAL_PUBLIC, AAL_WORKFORCE] {
        assert!(levels.aal(id).is_some_and(|a| !a.portal_label.is_empty()), "{id} needs the Portal's label");
    }
    for level in Level::ALL {
        assert!(levels.levels.iter().any(|l| l.id == level && l.name == level.name()), "{level:?}");
    }
    // The guide's main choice is between the two levels it recommends.
    let main: Vec<&str> = levels.levels.iter().filter(|l| l.main_choice).map(|l| l.id.id()).collect();
    assert_eq!(main, ["ial1-aal2", "ial2-aal2"]);
    let question_ids: Vec<&str> = Question::ALL.iter().map(|q| q.id()).collect();
    assert_eq!(levels.questions.iter().map(|q| q.id).collect::<Vec<_>>(), question_ids);
    for option in [AuthOption::AnyMfa, AuthOption::PhishingResistant] {
        assert!(levels.auth_options.iter().any(|o| o.id == option.id()), "{option:?}");
    }
}

/// Every content id the app's pages ask for by name (`fact("…")`, `support_fact("…")`,
/// `timeline_fact("…")`, `.link("…")`), read from their source, is in the content, so no page
/// can panic on a missing entry.
#[test]
fn every_content_id_a_page_asks_for_exists() {
    fn sources(dir: &std::path::Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut texts = Vec::new();
    sources(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../src"), &mut texts);
    let c = content();
    let mut checked = 0;
    for text in &texts {
        for call in ["fact(\"", ".link(\""] {
            for (at, _) in text.match_indices(call) {
                let rest = &text[at + call.len()..];
                let Some(end) = rest.find('"') else { continue };
                let id = &rest[..end];
                let found = match id.split('-').next() {
                    Some("sl") => c.service_levels.fact(id).is_some(),
                    Some("sup") => c.support.fact(id).is_some(),
                    Some("tl") => c.launch.fact(id).is_some(),
                    Some("ll") => c.launch.link(id).is_some(),
                    _ => panic!("a page asks for content id {id:?}, which has no known prefix"),
                };
                assert!(found, "a page asks for {id:?}, which the content does not have");
                checked += 1;
            }
        }
    }
    assert!(checked >= 35, "read only {checked} ids: is the scan still finding the pages' lookups?");
}

#[test]
fn support_items_link_to_tools() {
    let support_phase = content().checklist.phases.iter().find(|p| p.id == "phase-support").unwrap();
    for id in ["chk-link-contact", "chk-no-phone-number", "chk-announcement", "chk-help-desk-briefing"] {
        let item = support_phase.items.iter().find(|i| i.id == id).unwrap();
        assert!(item.tool.is_some_and(|t| t.starts_with("/support")), "{id} has no support tool");
    }
}

/// Paths that Login.gov's sites serve only as redirects to another page (their `redirect_from`
/// entries, read in GSA-TTS/identity-dev-docs and GSA-TTS/identity-site), by host. A source must
/// be the page that says the fact, so none of these may be cited or linked.
const KNOWN_REDIRECTS: [(&str, &str); 26] = [
    ("developers.login.gov", "/oidc/"),
    ("developers.login.gov", "/openid-connect/"),
    ("developers.login.gov", "/saml/"),
    ("developers.login.gov", "/configuring-your-sp/"),
    ("developers.login.gov", "/user-experience/"),
    ("developers.login.gov", "/design-guidelines/"),
    ("developers.login.gov", "/production-deployment/"),
    ("developers.login.gov", "/registering-your-sp/"),
    ("developers.login.gov", "/register/"),
    ("login.gov", "/help/verify-your-identity/"),
    ("login.gov", "/help/verify-your-identity/accepted-identification-documents/"),
    ("login.gov", "/help/verify-your-identity/accepted-state-issued-identification/"),
    ("login.gov", "/help/verify-your-identity/how-to-verify-your-identity/"),
    ("login.gov", "/help/get-started/authentication-options/"),
    ("login.gov", "/help/get-started/authentication-methods/"),
    ("login.gov", "/en/contact/"),
    ("login.gov", "/en/help/"),
    ("login.gov", "/en/create-an-account/"),
    ("login.gov", "/en/what-is-login/"),
    ("login.gov", "/en/partners/"),
    ("login.gov", "/partners/learn/"),
    ("login.gov", "/partners/contact/"),
    ("login.gov", "/partners/our-agency-partners/"),
    ("login.gov", "/partners/why-login-gov/"),
    ("login.gov", "/developers/"),
    ("login.gov", "/partners/impact-stories/sba/"),
];

/// Host (without `www.`) and path of an https URL, without query or fragment.
fn host_and_path(url: &str) -> (String, String) {
    let rest = url.strip_prefix("https://").unwrap_or(url);
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let path = format!("/{}", path.split(['?', '#']).next().unwrap_or(""));
    (host.trim_start_matches("www.").to_ascii_lowercase(), path)
}

/// Every URL the content holds under `key`, with where it is.
fn urls_under(key: &str) -> Vec<(String, String)> {
    fn walk(value: &serde_json::Value, key: &str, at: &str, out: &mut Vec<(String, String)>) {
        match value {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    match v {
                        serde_json::Value::String(s) if k == key && s.starts_with("https://") => out.push((s.clone(), format!("{at}.{k}"))),
                        _ => walk(v, key, &format!("{at}.{k}"), out),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().enumerate().for_each(|(i, v)| walk(v, key, &format!("{at}[{i}]"), out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for (name, text) in FILES {
        walk(&serde_json::from_str(text).unwrap(), key, name, &mut out);
    }
    out
}

#[test]
fn every_source_is_listed_and_no_cited_or_linked_url_only_redirects() {
    let listed: Vec<&str> = content().sources.iter().map(|s| s.url).collect();
    let cited: Vec<(String, String)> = urls_under("source").into_iter().chain(urls_under("other_source")).collect();
    assert!(cited.len() > 100, "{} citations", cited.len());
    for (url, at) in &cited {
        assert!(listed.contains(&url.as_str()), "{at}: {url} is not in sources.json");
    }
    for (url, at) in cited.iter().chain(&urls_under("url")) {
        let (host, path) = host_and_path(url);
        assert!(!KNOWN_REDIRECTS.iter().any(|(h, p)| *h == host && *p == path), "{at}: {url} only redirects; cite the page it leads to");
    }
    // The check itself catches a redirect.
    assert_eq!(host_and_path("https://www.login.gov/en/contact/?x=1"), ("login.gov".to_string(), "/en/contact/".to_string()));
    assert!(KNOWN_REDIRECTS.iter().any(|(h, p)| (h.to_string(), p.to_string()) == host_and_path("https://developers.login.gov/user-experience/")));
}

#[test]
fn last_verified_dates_are_honest() {
    // Nothing is verified in the future (the facts were last re-read against Login.gov's
    // sources on 2026-12-07), and the facts re-read carry the day they were read.
    let (_, newest) = verified_range();
    assert!(newest <= "2026-12-07", "{newest}");
    for source in content().sources {
        assert!(source.last_verified >= "2026-11-23", "{}", source.id);
    }
}

#[test]
fn nothing_says_two_service_levels_or_aal2_at_minimum_any_more() {
    for (name, text) in FILES {
        let lower = text.to_lowercase();
        for stale in ["two service levels", "aal2 at minimum", "every user signs in with a second factor"] {
            assert!(!lower.contains(stale), "{name} still says {stale:?}");
        }
    }
}

/// The footer's dates are worked out at build time; they must be the oldest and newest of every
/// `last_verified` written anywhere in the files.
#[test]
fn the_footer_dates_are_the_oldest_and_newest_last_verified_in_the_files() {
    fn collect(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::String(date)) = map.get("last_verified") {
                    out.push(date.clone());
                }
                map.values().for_each(|v| collect(v, out));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| collect(v, out)),
            _ => {}
        }
    }
    let mut dates = Vec::new();
    for (_, text) in FILES {
        collect(&serde_json::from_str(text).unwrap(), &mut dates);
    }
    assert!(dates.len() > 100, "{}", dates.len());
    let (oldest, newest) = verified_range();
    assert_eq!(oldest, dates.iter().min().unwrap());
    assert_eq!(newest, dates.iter().max().unwrap());
}

/// Copies the crate (its manifest, build script, sources and content) to a scratch directory.
fn copy_of_this_crate(to: &std::path::Path) {
    let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap().flatten() {
            let target = to.join(entry.file_name());
            if entry.path().is_dir() {
                copy_dir(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), &target).unwrap();
            }
        }
    }
    let _ = std::fs::remove_dir_all(to);
    copy_dir(&from.join("src"), &to.join("src"));
    copy_dir(&from.join("content"), &to.join("content"));
    std::fs::copy(from.join("build.rs"), to.join("build.rs")).unwrap();
    // On its own, outside the workspace, with the workspace's locked versions.
    let manifest = std::fs::read_to_string(from.join("Cargo.toml")).unwrap();
    std::fs::write(to.join("Cargo.toml"), format!("{manifest}\n[workspace]\n")).unwrap();
    std::fs::copy(from.join("../Cargo.lock"), to.join("Cargo.lock")).unwrap();
}

/// `cargo check` of the copy; the build script runs as it does for `cargo build`.
fn check_copy(copy: &std::path::Path, target: &std::path::Path) -> std::process::Output {
    std::process::Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["check", "--offline", "--quiet", "--manifest-path"])
        .arg(copy.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", target)
        .output()
        .unwrap()
}

/// Acceptance of the core-crate issue: a deliberately broken content file (a citation of a page
/// that is not in sources.json, a dangling reference) fails the build, and the message names
/// the file, the entry's id and the reason.
#[test]
fn a_dangling_reference_in_the_content_fails_the_build_with_a_clear_message() {
    // In Cargo's scratch space for tests, inside the target directory, so the copy's compiled
    // dependencies are kept for the next run (and shared by every clone when the directory is).
    let scratch = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("broken-content-check");
    let copy = scratch.join("crate");
    copy_of_this_crate(&copy);
    let launch = copy.join("content/launch.json");
    let text = std::fs::read_to_string(&launch).unwrap();
    let needle = "\"id\": \"tl-iaa-duration\"";
    assert!(text.contains(needle), "the fixture entry moved: pick another id");
    // Break the citation of that one entry: the first "source" after its id.
    let at = text.find(needle).unwrap();
    let source_at = at + text[at..].find("\"source\": \"https://").unwrap() + "\"source\": \"".len();
    let broken = format!("{}https://example.gov/not-a-source/{}", &text[..source_at], &text[source_at + "https://".len()..]);
    std::fs::write(&launch, broken).unwrap();

    let output = check_copy(&copy, &scratch.join("target"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "the build passed with a broken content file:\n{stderr}");
    for part in ["content/launch.json", "(tl-iaa-duration)", "cites https://example.gov/not-a-source/", "which is not in sources.json"] {
        assert!(stderr.contains(part), "the message lacks {part:?}:\n{stderr}");
    }

    // The same copy, mended, builds: the failure came from the broken reference alone.
    std::fs::write(&launch, text).unwrap();
    let output = check_copy(&copy, &scratch.join("target"));
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
}

/// Issue 25, mis-cited: a figure Login.gov does not publish never links a Login.gov page as its
/// source. The six industry defaults are labelled as the portal's assumption and link nothing;
/// the contact-form target is labelled an earlier Login.gov figure and links the old page that
/// said it; the staffing fields the portal adds are labelled as the portal's; only the figures
/// the User Support article publishes keep it as their source.
#[test]
fn no_figure_login_gov_does_not_publish_links_a_login_gov_page() {
    use portal_core::content::PortalBasis;
    let defaults = content().launch.staffing_defaults;
    let published = ["sd-contact-rate", "sd-phone-share", "sd-form-share", "sd-spanish-agents"];
    let industry = ["sd-service-level-target", "sd-answer-within", "sd-handle-time", "sd-interval", "sd-occupancy-cap", "sd-shrinkage"];
    assert_eq!(defaults.len(), published.len() + industry.len() + 1, "a new default must be placed in one of these lists");
    for d in defaults {
        if published.contains(&d.id) {
            assert_eq!(
                (d.cite.basis, d.cite.link()),
                (None, Some("https://zendesk.login.gov/hc/en-us/articles/48564771289748-User-Support")),
                "{}",
                d.id
            );
        } else if industry.contains(&d.id) {
            assert_eq!((d.cite.basis, d.cite.link()), (Some(PortalBasis::IndustryDefault), None), "{}", d.id);
            assert_eq!(PortalBasis::IndustryDefault.label(), "Portal assumption (industry default)");
        } else {
            assert_eq!(d.id, "sd-form-response-target");
            assert_eq!(d.cite.basis, Some(PortalBasis::Historical));
            let old = d.cite.link().unwrap();
            assert!(old.starts_with("https://github.com/GSA-TTS/identity-site/blob/2ea7b0d3"), "{old}");
            assert!(d.note.contains("2 business days") && d.note.contains("no longer"), "{}", d.note);
        }
    }
    // "A month" is the portal's reading of "fewer than 1%", and says so.
    let rate = defaults.iter().find(|d| d.id == "sd-contact-rate").unwrap();
    assert!(rate.note.contains("portal's assumption"), "{}", rate.note);
    // The fields the portal adds for staffing are the portal's, not Login.gov's form's.
    for field in content().launch.fields.iter().filter(|f| f.id.starts_with("sf-")) {
        assert_eq!((field.cite.basis, field.cite.link()), (Some(PortalBasis::PlanningField), None), "{}", field.id);
        assert!(field.portal_label.is_empty(), "{}", field.id);
    }
    // The portal's advice and behaviour are labelled too.
    assert_eq!(content().support.fact("sup-confirm-parameters").unwrap().cite.basis, Some(PortalBasis::Advice));
    for id in ["tl-portal-prefills", "tl-deploy-field"] {
        let fact = content().launch.fact(id).unwrap();
        assert_eq!((fact.cite.basis, fact.cite.link()), (Some(PortalBasis::Feature), None), "{id}");
    }
    // And the check refuses a portal statement that cites a page.
    let files = files_with("launch.json", |t| {
        t.replacen(
            "\"portal_basis\": \"industry-default\",",
            "\"portal_basis\": \"industry-default\",\n      \"source\": \"https://zendesk.login.gov/hc/en-us/articles/48564771289748-User-Support\",",
            1,
        )
    });
    assert_found(&problems_of(&files), "the portal's own statement links no Login.gov page");
    // A Login.gov statement without a source is still refused.
    let files = files_with("launch.json", |t| t.replacen("      \"source\": \"https://developers.login.gov/production/\",\n", "", 1));
    assert_found(&problems_of(&files), "missing source");
}

/// The agency and integration parameters are cited to the login.gov code that keeps them, and
/// the page that says to confirm them is labelled as the portal's advice.
#[test]
fn the_link_parameters_cite_the_code_that_keeps_them() {
    let support = &content().support;
    assert!(
        support.fact("sup-agency-parameters").unwrap().cite.source.contains("identity-site/blob/")
            && support.fact("sup-agency-parameters").unwrap().cite.source.contains("query_params.js")
    );
    assert!(support.fact("sup-parameters-contact-form").unwrap().cite.source.contains("populate_contact_form_agency.js"));
    assert!(
        support.fact("sup-agency-parameters").unwrap().text.contains("7 days")
            && support.fact("sup-agency-parameters").unwrap().text.contains("without the other")
    );
}

/// The support page's three lists: what users do themselves (each with its help-center
/// articles), what only the agency handles, and what nobody can do.
#[test]
fn every_thing_agents_cannot_do_says_who_does_it_instead() {
    use portal_core::content::Instead;
    let support = &content().support;
    let ids = |who| support.limits_for(who).map(|l| l.id).collect::<Vec<_>>();
    assert_eq!(ids(Instead::Agency), ["sup-cannot-linking-codes", "sup-cannot-agency-questions"]);
    assert!(ids(Instead::Nobody).contains(&"sup-cannot-waive-deletion-wait") && ids(Instead::Nobody).contains(&"sup-cannot-waive-lockout"));
    for limit in support.limits_for(Instead::User) {
        assert!(!limit.help.is_empty(), "{}", limit.id);
    }
    assert_eq!(
        support.limits_for(Instead::User).count() + support.limits_for(Instead::Agency).count() + support.limits_for(Instead::Nobody).count(),
        support.agent_cannot.len()
    );
    let nobody = support.fact("sup-nobody-can").unwrap().text;
    assert!(nobody.contains("not your help desk") && nobody.contains("24-hour") && nobody.contains("6-hour"), "{nobody}");
}
