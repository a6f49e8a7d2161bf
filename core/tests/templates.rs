//! Host tests of the launch email and agency FAQ over the real bundled content. Outputs are
//! compared with golden files in tests/golden/templates/ (regenerate with
//! `UPDATE_GOLDEN=1 cargo test --test templates` and review the diff).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use portal_core::content::{content, WhoSignsIn};
use portal_core::phone::find_phone_candidates;
use portal_core::support_links::Attribution;
use portal_core::templates::{
    email_file_name, eml, faq_html, faq_items, faq_markdown, launch_email, mark_values, missing_email_fields, typed_words, Email, EmailInput,
};
use portal_core::vocab::Lang;
use portal_core::vocab::Level;
use portal_core::vocab::{Audience, Profile};

const LEVELS: [(Level, &str); 2] = [(Level::Ial1Aal2, "ial1"), (Level::Ial2Aal2, "ial2")];

fn window(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "early March 2027",
        Lang::Es => "principios de marzo de 2027",
        Lang::Fr => "début mars 2027",
        Lang::Zh => "2027年3月上旬",
    }
}

/// A sentence of the IAL2 paragraph in each language.
fn ial2_marker(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "verify your identity once",
        Lang::Es => "verificar su identidad una sola vez",
        Lang::Fr => "vérifier votre identité une seule fois",
        Lang::Zh => "您还需要验证一次身份",
    }
}

fn contact_url(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "https://login.gov/contact/",
        Lang::Es => "https://login.gov/es/contact/",
        Lang::Fr => "https://login.gov/fr/contact/",
        Lang::Zh => "https://login.gov/zh/contact/",
    }
}

fn input(lang: Lang, level: Level) -> EmailInput {
    EmailInput {
        agency: "Department of Examples".into(),
        application: "Benefits Portal".into(),
        launch_window: window(lang).into(),
        level: Some(level),
        help_desk: "help@benefits.example.gov".into(),
        lang,
        attribution: Attribution { agency: "DOE".into(), integration: "benefits-portal".into() },
        audience: Some(Audience::Public),
        in_person: false,
    }
}

fn email(lang: Lang, level: Level) -> Email {
    launch_email(&input(lang, level), content().support.links)
}

fn assert_no_phone(what: &str, text: &str) {
    let found = find_phone_candidates(text);
    assert!(found.is_empty(), "{what} contains a phone number: {:?}", found.iter().map(|c| &text[c.start..c.end]).collect::<Vec<_>>());
}

#[test]
fn emails_match_their_golden_files() {
    for lang in Lang::ALL {
        for (level, tag) in LEVELS {
            let e = email(lang, level);
            common::golden(&format!("templates/email-{}-{tag}.txt", lang.id()), &format!("{}\n\n{}", e.subject, e.text));
            common::golden(&format!("templates/email-{}-{tag}.html", lang.id()), &e.html);
        }
    }
}

#[test]
fn faqs_match_their_golden_files() {
    let support = &content().support;
    common::golden("templates/faq-ial1.md", &faq_markdown(support, &faq_profile("Department of Examples", "Benefits Portal"), Some(Level::Ial1Aal2)));
    common::golden("templates/faq-ial2.md", &faq_markdown(support, &faq_profile("Department of Examples", "Benefits Portal"), Some(Level::Ial2Aal2)));
    common::golden("templates/faq-ial2.html", &faq_html(support, &faq_profile("Department of Examples", "Benefits Portal"), Some(Level::Ial2Aal2)));
}

#[test]
fn no_output_holds_a_phone_number_and_each_links_to_the_localized_contact_page() {
    for lang in Lang::ALL {
        for (level, tag) in LEVELS {
            let e = email(lang, level);
            for (part, text) in [("subject", &e.subject), ("text", &e.text), ("html", &e.html)] {
                assert_no_phone(&format!("{} {tag} email {part}", lang.id()), text);
            }
            let attributed = format!("<{}?agency=DOE&integration=benefits-portal>", contact_url(lang));
            assert!(e.text.contains(&attributed), "{} {tag} text lacks {attributed}", lang.id());
            let attributed_html = format!("href=\"{}?agency=DOE&amp;integration=benefits-portal\"", contact_url(lang));
            assert!(e.html.contains(&attributed_html), "{} {tag} html lacks {attributed_html}", lang.id());
            for other in Lang::ALL.into_iter().filter(|l| *l != lang && *l != Lang::En) {
                assert!(!e.text.contains(contact_url(other)), "{} email links to the {} contact page", lang.id(), other.id());
            }
            assert_no_phone("eml", &eml(&e, lang));
        }
    }
    let support = &content().support;
    for level in [None, Some(Level::Ial1Aal2), Some(Level::Ial2Aal2)] {
        let md = faq_markdown(support, &faq_profile("Department of Examples", "Benefits Portal"), level);
        let html = faq_html(support, &faq_profile("Department of Examples", "Benefits Portal"), level);
        assert_no_phone("faq markdown", &md);
        assert_no_phone("faq html", &html);
        assert!(md.contains("(https://login.gov/contact/)"), "{md}");
        assert!(html.contains("href=\"https://login.gov/contact/\""), "{html}");
    }
}

#[test]
fn email_links_are_localized_and_attributed() {
    let e = email(Lang::Fr, Level::Ial1Aal2);
    for url in ["https://login.gov/fr/create-an-account/", "https://login.gov/fr/help/", "https://login.gov/fr/contact/"] {
        assert!(e.text.contains(&format!("<{url}?agency=DOE&integration=benefits-portal>")), "{url}");
        assert!(e.html.contains(&format!("<a href=\"{url}?agency=DOE&amp;integration=benefits-portal\" lang=\"fr\">")), "{url}");
    }
    assert!(e.html.starts_with("<div lang=\"fr\">\n"));
    assert!(email(Lang::Zh, Level::Ial1Aal2).html.starts_with("<div lang=\"zh-Hans\">\n"));
    // Without attribution, plain localized links.
    let mut i = input(Lang::Es, Level::Ial1Aal2);
    i.attribution = Attribution::default();
    let e = launch_email(&i, content().support.links);
    assert!(e.text.contains("<https://login.gov/es/create-an-account/>\n"), "{}", e.text);
    assert!(!e.text.contains('?'), "{}", e.text);
}

#[test]
fn ial2_paragraph_and_faq_entry_only_for_ial2() {
    for lang in Lang::ALL {
        let marker = ial2_marker(lang);
        let ial2 = email(lang, Level::Ial2Aal2);
        assert!(ial2.text.contains(marker) && ial2.html.contains(marker), "{}", lang.id());
        let ial1 = email(lang, Level::Ial1Aal2);
        assert!(!ial1.text.contains(marker) && !ial1.html.contains(marker), "{}", lang.id());
        let mut none = input(lang, Level::Ial1Aal2);
        none.level = None;
        let none = launch_email(&none, content().support.links);
        assert!(!none.text.contains(marker), "{}", lang.id());
        assert_eq!(none, ial1, "no level reads like IAL1");
    }
    let support = &content().support;
    let ids = |level| faq_items(support, &faq_profile("A", "B"), level).into_iter().map(|f| f.id).collect::<Vec<_>>();
    // Entries for every level: no condition, or only the public's text (faq_profile's audience).
    let unconditional = support.faq.iter().filter(|f| f.condition.as_ref().is_none_or(|c| c.who_signs_in == Some(WhoSignsIn::Public))).count();
    // Each level that verifies identity gets its own answer; no level, or IAL1, gets none.
    assert!(ids(Some(Level::Ial2Aal2)).contains(&"sup-faq-verify-identity".to_string()));
    assert!(!ids(Some(Level::Ial2Aal2)).contains(&"sup-faq-verify-identity-basic".to_string()));
    assert!(ids(Some(Level::BasicIdv)).contains(&"sup-faq-verify-identity-basic".to_string()));
    assert!(!ids(Some(Level::BasicIdv)).contains(&"sup-faq-verify-identity".to_string()));
    assert_eq!(ids(Some(Level::Ial2Aal2)).len(), unconditional + 1);
    assert_eq!(ids(Some(Level::BasicIdv)).len(), unconditional + 1);
    assert_eq!(ids(Some(Level::Ial1Aal2)).len(), unconditional);
    assert_eq!(ids(None).len(), unconditional, "an unknown level states nothing about verification");
    let md = faq_markdown(support, &faq_profile("A", "B"), Some(Level::Ial1Aal2));
    assert!(!md.contains("How do I verify my identity?"));
    assert!(faq_markdown(support, &faq_profile("A", "B"), Some(Level::Ial2Aal2)).contains("selfie"));
    let basic = faq_markdown(support, &faq_profile("A", "B"), Some(Level::BasicIdv));
    assert!(basic.contains("How do I verify my identity?") && !basic.contains("selfie"), "basic verification has no facial match");
    // The email's basic-verification paragraph has no selfie either, in every language.
    for lang in Lang::ALL {
        let basic = email(lang, Level::BasicIdv);
        let selfie = match lang {
            Lang::En | Lang::Fr => "selfie",
            Lang::Es => "selfi",
            Lang::Zh => "自拍",
        };
        assert!(email(lang, Level::Ial2Aal2).text.contains(selfie), "{}", lang.id());
        assert!(!basic.text.contains(selfie), "{}", lang.id());
        assert!(basic.text.contains(ial2_marker(lang)), "{}: basic verification verifies identity once too", lang.id());
        assert_ne!(basic.text, email(lang, Level::Ial1Aal2).text, "{}: basic verification adds a paragraph", lang.id());
    }
}

#[test]
fn faq_items_fill_in_names_in_one_pass() {
    let support = &content().support;
    let items = faq_items(support, &faq_profile("Agency {application}", "App"), None);
    let why = items.iter().find(|i| i.id == "sup-faq-why").unwrap();
    assert_eq!(why.question, "Why does App use Login.gov?");
    assert!(why.answer.starts_with("Agency {application} uses Login.gov to sign people in to App securely."), "{}", why.answer);
    assert!(items.iter().all(|i| !i.question.contains("{agency}") && !i.answer.contains("{agency}")));
}

const HOSTILE_AGENCY: &str = "<script>alert(1)</script> & \"Co\" 'x'";
const HOSTILE_APP: &str = "<img src=x onerror=alert(1)> *App* [x](javascript:y) # | _u_";

#[test]
fn hostile_values_are_escaped_in_html() {
    for lang in Lang::ALL {
        let i = EmailInput {
            agency: HOSTILE_AGENCY.into(),
            application: HOSTILE_APP.into(),
            launch_window: "<b>soon</b>".into(),
            level: Some(Level::Ial2Aal2),
            help_desk: "<a href=\"javascript:x\">desk</a> & co".into(),
            lang,
            attribution: Attribution { agency: "\"><script>".into(), integration: "x&y".into() },
            audience: None,
            in_person: true,
        };
        let e = launch_email(&i, content().support.links);
        for raw in ["<script", "<img", "<b>", "\"Co\"", "'x'", "javascript:x\"", "& co", "& \""] {
            assert!(!e.html.contains(raw), "{} html contains {raw:?}:\n{}", lang.id(), e.html);
        }
        assert!(e.html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot; &#39;x&#39;"));
        assert!(e.html.contains("&lt;b&gt;soon&lt;/b&gt;"));
        assert!(e.html.contains("agency=%22%3E%3Cscript%3E&amp;integration=x%26y"));
        // Only the template's own tags.
        let tags: std::collections::BTreeSet<&str> = e.html.split('<').skip(1).map(|t| t.split([' ', '>']).next().unwrap()).collect();
        let allowed = ["div", "/div", "p", "/p", "ul", "/ul", "li", "/li", "a", "/a", "br"];
        assert!(tags.iter().all(|t| allowed.contains(t)), "{tags:?}");
        assert!(!e.html.contains("style=") && !e.html.contains("onerror=alert(1)>"));
        // The plain text keeps what was typed.
        assert!(e.text.contains(HOSTILE_AGENCY));
    }
    let support = &content().support;
    let html = faq_html(support, &faq_profile(HOSTILE_AGENCY, HOSTILE_APP), Some(Level::Ial2Aal2));
    assert!(html.starts_with("<section lang=\"en\">\n") && html.ends_with("</section>\n"));
    for raw in ["<script", "<img", "\"Co\"", "'x'"] {
        assert!(!html.contains(raw), "faq html contains {raw:?}");
    }
    assert!(html.contains("Contact &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot; &#39;x&#39; for:"));
}

#[test]
fn hostile_values_are_inert_in_markdown() {
    let support = &content().support;
    let md = faq_markdown(support, &faq_profile(HOSTILE_AGENCY, HOSTILE_APP), Some(Level::Ial2Aal2));
    for raw in ["<script", "<img", "*App*", "[x](javascript", "_u_", " & "] {
        assert!(!md.contains(raw), "faq markdown contains {raw:?}:\n{md}");
    }
    assert!(md.contains("&lt;img src=x onerror=alert(1)&gt; \\*App\\* \\[x\\](javascript:y) \\# \\| \\_u\\_"), "{md}");
    // A value that would start a list, a heading or a numbered item at a line start stays text.
    let md = faq_markdown(support, &faq_profile("1. - # Agency\nline two", "App"), Some(Level::Ial2Aal2));
    assert!(md.contains("\n1\\. - \\# Agency line two needs to know who you are"), "{md}");
    assert!(!md.contains("\nline two"));
    // Markdown headings start only where the template puts them.
    let headings = md.lines().filter(|l| l.starts_with('#')).count();
    assert_eq!(headings, 1 + faq_items(support, &faq_profile("a", "b"), Some(Level::Ial2Aal2)).len() + 1);
}

/// Decodes standard base64, ignoring CR and LF.
fn unbase64(text: &str) -> Vec<u8> {
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = Vec::new();
    for c in text.bytes().filter(|c| !matches!(c, b'\r' | b'\n' | b'=')) {
        let v = alphabet.iter().position(|a| *a == c).unwrap_or_else(|| panic!("not base64: {:?}", c as char)) as u32;
        bits = (bits << 6) | v;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
            bits &= (1 << count) - 1;
        }
    }
    out
}

/// Unfolds a header value and decodes RFC 2047 B encoded-words (whitespace between them dropped).
fn decode_subject(value: &str) -> String {
    let unfolded = value.replace("\r\n ", " ");
    if !unfolded.starts_with("=?") {
        return unfolded;
    }
    let mut bytes = Vec::new();
    for word in unfolded.split(' ') {
        let inner = word.strip_prefix("=?UTF-8?B?").and_then(|w| w.strip_suffix("?=")).unwrap_or_else(|| panic!("bad word {word}"));
        assert!(word.len() <= 75, "encoded-word longer than 75: {word}");
        let decoded = unbase64(inner);
        assert!(String::from_utf8(decoded.clone()).is_ok(), "an encoded-word splits a character");
        bytes.extend(decoded);
    }
    String::from_utf8(bytes).unwrap()
}

struct Parsed {
    headers: Vec<(String, String)>,
    parts: Vec<(Vec<(String, String)>, String)>,
}

fn parse_headers(block: &str) -> Vec<(String, String)> {
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in block.split("\r\n") {
        if line.starts_with([' ', '\t']) {
            let last = headers.last_mut().expect("continuation without header");
            last.1.push_str("\r\n");
            last.1.push_str(line);
        } else {
            let (name, value) = line.split_once(": ").unwrap_or_else(|| panic!("bad header line {line:?}"));
            headers.push((name.to_string(), value.to_string()));
        }
    }
    headers
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

fn parse_eml(message: &str) -> Parsed {
    let (head, body) = message.split_once("\r\n\r\n").expect("headers, blank line, body");
    let headers = parse_headers(head);
    let content_type = header(&headers, "Content-Type").expect("Content-Type");
    // Unfold (RFC 5322: CRLF before whitespace) before reading the parameters.
    let content_type = content_type.replace("\r\n", "");
    assert!(content_type.starts_with("multipart/alternative; "), "{content_type}");
    let boundary = content_type.split("boundary=\"").nth(1).unwrap().trim_end_matches('"');
    let delimiter = format!("--{boundary}");
    assert!(body.ends_with(&format!("{delimiter}--\r\n")), "closing delimiter");
    let mut parts = Vec::new();
    for chunk in body.split(&format!("{delimiter}\r\n")).skip(1) {
        let chunk = chunk.strip_suffix(&format!("{delimiter}--\r\n")).unwrap_or(chunk);
        let (part_head, part_body) = chunk.split_once("\r\n\r\n").unwrap();
        let part_headers = parse_headers(part_head);
        assert_eq!(header(&part_headers, "Content-Transfer-Encoding"), Some("base64"));
        for line in part_body.split("\r\n") {
            assert!(line.len() <= 76, "base64 line longer than 76");
        }
        let decoded = String::from_utf8(unbase64(part_body)).expect("UTF-8 part");
        parts.push((part_headers, decoded));
    }
    Parsed { headers, parts }
}

#[test]
fn eml_parses_back_to_the_email() {
    let mut emails: Vec<(Email, Lang)> = Lang::ALL.into_iter().flat_map(|l| LEVELS.map(|(level, _)| (email(l, level), l))).collect();
    let mut long = input(Lang::En, Level::Ial1Aal2);
    long.application = "A very long application name that will not fit on a single header line at all".repeat(20);
    emails.push((launch_email(&long, content().support.links), Lang::En));
    let mut hostile = input(Lang::Fr, Level::Ial2Aal2);
    hostile.application = "App\r\nBcc: victim@example.com =?x?=".into();
    emails.push((launch_email(&hostile, content().support.links), Lang::Fr));

    for (e, lang) in emails {
        let message = eml(&e, lang);
        // CRLF everywhere, no bare LF or CR, no line over 998 characters.
        assert!(!message.replace("\r\n", "").contains(['\r', '\n']), "bare CR or LF");
        assert!(message.ends_with("\r\n"));
        for line in message.split("\r\n") {
            assert!(line.len() <= 998, "line of {} characters", line.len());
            assert!(line.is_ascii(), "non-ASCII line {line:?}");
        }
        let parsed = parse_eml(&message);
        let names: Vec<&str> = parsed.headers.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["MIME-Version", "Subject", "Content-Language", "X-Unsent", "Content-Type"]);
        assert_eq!(header(&parsed.headers, "MIME-Version"), Some("1.0"));
        assert_eq!(header(&parsed.headers, "X-Unsent"), Some("1"));
        assert_eq!(header(&parsed.headers, "Content-Language"), Some(lang.html_lang()));
        for absent in ["From", "To", "Date", "Bcc"] {
            assert!(header(&parsed.headers, absent).is_none(), "{absent} header present");
        }
        let subject = header(&parsed.headers, "Subject").unwrap();
        if !e.subject.is_ascii() || e.subject.len() > 68 {
            assert!(subject.starts_with("=?UTF-8?B?"), "{subject}");
        }
        let expected_subject = e.subject.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(decode_subject(subject), expected_subject);

        assert_eq!(parsed.parts.len(), 2);
        let (text_headers, text) = &parsed.parts[0];
        assert_eq!(header(text_headers, "Content-Type"), Some("text/plain; charset=UTF-8"));
        assert_eq!(text, &e.text.replace('\n', "\r\n"), "text part");
        let (html_headers, html) = &parsed.parts[1];
        assert_eq!(header(html_headers, "Content-Type"), Some("text/html; charset=UTF-8"));
        assert_eq!(html, &e.html.replace('\n', "\r\n"), "html part");
    }
}

#[test]
fn empty_fields_show_placeholders_and_are_listed() {
    let placeholders = [
        (Lang::En, ["[agency name]", "[application name]", "[launch time frame]", "[help-desk contact]"]),
        (Lang::Es, ["[nombre de la agencia]", "[nombre de la aplicación]", "[período de lanzamiento]", "[contacto de la mesa de ayuda]"]),
        (Lang::Fr, ["[nom de l'agence]", "[nom de l'application]", "[période de lancement]", "[contact du service d'assistance]"]),
        (Lang::Zh, ["[机构名称]", "[应用名称]", "[启用时间段]", "[服务台联系方式]"]),
    ];
    for (lang, expected) in placeholders {
        let i = EmailInput { lang, agency: "  ".into(), ..EmailInput::default() };
        assert_eq!(missing_email_fields(&i), ["agency name", "application name", "launch time frame", "help-desk contact"]);
        let e = launch_email(&i, content().support.links);
        for placeholder in expected {
            assert!(e.text.contains(placeholder), "{} text lacks {placeholder}", lang.id());
            let escaped = placeholder.replace('\'', "&#39;");
            assert!(e.html.contains(&escaped), "{} html lacks {escaped}", lang.id());
        }
        assert!(e.subject.contains(expected[1]), "{}", e.subject);
        assert!(e.text.ends_with(&format!("\n{}\n", expected[0])), "signed with the placeholder");
        assert_no_phone("placeholder email", &e.text);
    }
    let full = input(Lang::En, Level::Ial1Aal2);
    assert!(missing_email_fields(&full).is_empty());
    let partial = EmailInput { help_desk: String::new(), launch_window: "\n".into(), ..full };
    assert_eq!(missing_email_fields(&partial), ["launch time frame", "help-desk contact"]);

    let items = faq_items(&content().support, &faq_profile("", " "), None);
    let why = items.iter().find(|i| i.id == "sup-faq-why").unwrap();
    assert_eq!(why.question, "Why does [application name] use Login.gov?");
    assert!(why.answer.starts_with("[agency name] uses Login.gov"));
    let md = faq_markdown(&content().support, &faq_profile("", ""), None);
    assert!(md.starts_with("# Frequently asked questions about signing in to \\[application name\\] with Login.gov\n"), "{md}");
    assert!(md.contains("Contact \\[agency name\\] for:"));
    let html = faq_html(&content().support, &faq_profile("", ""), None);
    assert!(html.contains("<h2>Frequently asked questions about signing in to [application name] with Login.gov</h2>"));
}

#[test]
fn every_generated_text_passes_the_content_checker() {
    use portal_core::scanner::scan;
    use portal_core::templates::{faq_html, faq_markdown};
    let known: Vec<&str> = content().support.links.iter().map(|l| l.url).collect();
    let support = &content().support;
    for lang in Lang::ALL {
        for level in Level::ALL {
            let e = email(lang, level);
            for (part, text) in [("text", &e.text), ("html", &e.html)] {
                let report = scan(text, &known);
                assert!(report.is_clean(), "{lang:?} {level:?} {part}: {:?}", report.findings);
                assert!(report.links_to_contact, "{lang:?} {level:?} {part}");
                assert_eq!(report.warnings(), 0, "{lang:?} {level:?} {part}: {:?}", report.findings);
            }
        }
    }
    for level in [None, Some(Level::Ial1Aal2), Some(Level::BasicIdv), Some(Level::Ial2Aal2)] {
        for doc in [faq_markdown(support, &faq_profile("Dept", "App"), level), faq_html(support, &faq_profile("Dept", "App"), level)] {
            let report = scan(&doc, &known);
            assert!(report.is_clean() && report.links_to_contact, "{level:?}: {:?}", report.findings);
        }
    }
}

/// A profile with just the names the FAQ fills in.
fn faq_profile(agency: &str, application: &str) -> Profile {
    // The public: the audience whose FAQ the golden files hold (see the_faq_and_email_follow_who_signs_in).
    Profile { agency: agency.to_string(), application: application.to_string(), audience: Some(Audience::Public), ..Default::default() }
}

/// Issue 13, item 5: the FAQ and the email follow who signs in. A workforce gets only
/// phishing-resistant methods, no personal-email advice and no benefits entry; the public gets
/// neither workforce rule; a mixed or unknown audience gets the text true for both.
#[test]
fn the_faq_and_email_follow_who_signs_in() {
    let support = &content().support;
    let text_of = |audience: Option<Audience>| {
        let profile = Profile { audience, ..faq_profile("Department of Examples", "Benefits Portal") };
        let faq = faq_items(support, &profile, Some(Level::Ial1Aal2));
        let questions: Vec<String> = faq.iter().map(|f| f.question.clone()).collect();
        let mut unique = questions.clone();
        unique.dedup();
        assert_eq!(unique, questions, "no question twice for {audience:?}");
        let faq_text: String = faq.iter().map(|f| format!("{} {}\n", f.question, f.answer)).collect();
        let email = launch_email(&EmailInput { audience, ..input(Lang::En, Level::Ial1Aal2) }, support.links).text;
        (faq_text, email)
    };
    let (faq, email) = text_of(Some(Audience::Workforce));
    for text in [&faq, &email] {
        assert!(text.contains("phishing-resistant") && text.contains("PIV or CAC"), "{text}");
        assert!(!text.contains("personal email"), "{text}");
        assert!(!text.contains("such as a text or voice code"), "{text}");
    }
    assert!(!faq.contains("benefits"), "{faq}");
    assert!(faq.contains("Can Login.gov help with questions about Benefits Portal?"));

    let (faq, email) = text_of(Some(Audience::Public));
    for text in [&faq, &email] {
        assert!(!text.contains("phishing-resistant") && !text.contains("PIV"), "{text}");
        // New users: a personal address they control; existing users: the one the agency asks for.
        assert!(
            text.contains("do not have a Benefits Portal profile yet, use a personal email address that you control rather than a work address"),
            "{text}"
        );
        assert!(
            text.contains("Department of Examples asks you to use") && text.contains("Never use an address you share with someone else"),
            "{text}"
        );
    }
    assert!(faq.contains("benefits"));

    for audience in [Some(Audience::Both), Some(Audience::NotSure), None] {
        let (faq, email) = text_of(audience);
        for text in [&faq, &email] {
            assert!(text.contains("for work") && text.contains("phishing-resistant"), "{audience:?}: {text}");
        }
        assert!(faq.contains("benefits") && faq.contains("such as a text or voice code"), "{audience:?}");
    }
    // Every language says it, in its own words, with the typed names kept.
    for lang in Lang::ALL {
        let workforce = launch_email(&EmailInput { audience: Some(Audience::Workforce), ..input(lang, Level::Ial1Aal2) }, support.links);
        let public = launch_email(&EmailInput { audience: Some(Audience::Public), ..input(lang, Level::Ial1Aal2) }, support.links);
        assert!(workforce.text.contains("PIV") && !public.text.contains("PIV"), "{}", lang.id());
        assert_ne!(workforce.text, public.text);
    }
}

/// Issue 13, item 15: each language's file has its own name, and the typed values a
/// translated email carries as typed can be found in its text to be marked.
#[test]
fn each_language_has_its_own_file_and_typed_text_is_marked() {
    let names: Vec<String> =
        Lang::ALL.into_iter().map(|l| email_file_name("Department of Examples", "Benefits Portal", l, "2026-12-02", "eml")).collect();
    assert_eq!(names[1], "launch-email-department-of-examples-benefits-portal-es-2026-12-02.eml");
    let mut unique = names.clone();
    unique.dedup();
    assert_eq!(unique.len(), 4, "{names:?}");
    assert_eq!(email_file_name("", "", Lang::Zh, "2026-12-02", "txt"), "launch-email-zh-2026-12-02.txt");

    let i = EmailInput {
        launch_window: "  in early\nMarch 2027 ".into(),
        help_desk: "help@benefits.example.gov".into(),
        ..input(Lang::Es, Level::Ial1Aal2)
    };
    let typed = typed_words(&i);
    assert_eq!(typed, ["in early March 2027", "help@benefits.example.gov"]);
    let email = launch_email(&i, content().support.links);
    let parts = mark_values(&email.text, &typed);
    assert_eq!(parts.iter().map(|(p, _)| p.as_str()).collect::<String>(), email.text, "marking loses nothing");
    let marked: Vec<&str> = parts.iter().filter(|(_, m)| *m).map(|(p, _)| p.as_str()).collect();
    assert_eq!(marked, ["in early March 2027", "help@benefits.example.gov"]);
    // The longer value wins where one holds another, and nothing is marked without values.
    assert_eq!(
        mark_values("a March 2027 b", &["March".into(), "March 2027".into()]),
        [("a ".to_string(), false), ("March 2027".to_string(), true), (" b".to_string(), false)]
    );
    assert_eq!(mark_values("plain", &[]), [("plain".to_string(), false)]);
}

/// Issue 14, item 12: every `.eml` parses with a real MIME parser, gives back its subject and
/// both parts, and no header line is longer than RFC 2047's 76 characters.
#[test]
fn every_eml_parses_and_keeps_its_header_lines_short() {
    let long_names = [
        ("Department of Examples", "Benefits Portal"),
        ("Department of Very Long Agency Names and Sub-Agencies", "The Application With A Long Name, Second Edition"),
        ("Agence", "Portail des prestations sociales et familiales – édition spéciale"),
        ("机构", "福利申请门户网站福利申请门户网站福利申请门户网站"),
        ("A", &"x".repeat(58)),
    ];
    for lang in Lang::ALL {
        for (agency, application) in long_names {
            let i = EmailInput { agency: agency.into(), application: application.into(), ..input(lang, Level::Ial2Aal2) };
            let email = launch_email(&i, content().support.links);
            let text = eml(&email, lang);
            let headers = &text[..text.find("\r\n\r\n").unwrap()];
            for line in headers.split("\r\n") {
                assert!(line.len() <= 76, "{} {application}: header line of {} characters: {line}", lang.id(), line.len());
            }
            let message = mail_parser::MessageParser::default().parse(text.as_bytes()).expect("a MIME message");
            assert_eq!(message.subject(), Some(email.subject.as_str()), "{} {application}", lang.id());
            assert_eq!(message.body_text(0).as_deref().map(|t| t.replace("\r\n", "\n")), Some(email.text.clone()), "{}", lang.id());
            assert_eq!(message.body_html(0).as_deref().map(|t| t.replace("\r\n", "\n")), Some(email.html.clone()), "{}", lang.id());
        }
    }
}

/// Property tests of this area: generated inputs (see `common::strategies`), every promise kept.
mod properties {
    use super::common::parsers::*;
    use super::common::strategies::*;
    use proptest::prelude::*;

    use portal_core::content::content;

    use portal_core::content::LinkKind;
    use portal_core::support_links::{build_url, link_html, Attribution};
    use portal_core::templates::{eml, faq_html, faq_markdown, launch_email, EmailInput};
    use portal_core::vocab::Lang;

    proptest! {
        // Records with 48 hostile strings each: generating them is the slow part, so fewer cases.
        #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

        #[test]
        fn the_email_and_faq_carry_typed_text_but_no_markup(
            agency in hostile(), application in hostile(), window in hostile(), help_desk in hostile(),
            link_agency in hostile(), link_integration in hostile(), lang in 0usize..4, level in any_level(), in_person in any::<bool>(),
        ) {
            let links = &content().support.links;
            let attribution = Attribution { agency: link_agency.clone(), integration: link_integration.clone() };
            let input = EmailInput { agency: agency.clone(), application: application.clone(), launch_window: window, level, help_desk, lang: Lang::ALL[lang], attribution: attribution.clone(), audience: None, in_person };
            let email = launch_email(&input, links);
            let plain = launch_email(&EmailInput { lang: Lang::ALL[lang], level, in_person, ..EmailInput::default() }, links);
            prop_assert_eq!(email.html.matches('<').count(), plain.html.matches('<').count(), "typed text adds no markup to the email");

            let message = eml(&email, Lang::ALL[lang]);
            // A MIME parser (mail-parser) reads the subject and both bodies back as written.
            let parsed = mail_parser::MessageParser::default().parse(message.as_bytes()).expect("a MIME message");
            prop_assert_eq!(parsed.subject(), Some(email.subject.as_str()));
            prop_assert_eq!(parsed.body_text(0).map(|t| t.replace("\r\n", "\n")), Some(email.text.replace("\r\n", "\n").replace('\r', "\n")));
            prop_assert_eq!(parsed.body_html(0).map(|t| t.replace("\r\n", "\n")), Some(email.html.replace("\r\n", "\n").replace('\r', "\n")));
            let (head, body) = message.split_once("\r\n\r\n").unwrap();
            prop_assert!(head.split("\r\n").all(|l| l.starts_with(' ') || l.split_once(": ").is_some_and(|(n, _)| n.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))));
            // The Subject header, unfolded and decoded, is the email's subject.
            let lines: Vec<&str> = head.split("\r\n").collect();
            let at = lines.iter().position(|l| l.starts_with("Subject: ")).unwrap();
            let mut words = vec![&lines[at]["Subject: ".len()..]];
            words.extend(lines[at + 1..].iter().take_while(|l| l.starts_with(' ')).map(|l| l.trim_start()));
            let decoded = if words[0].starts_with("=?UTF-8?B?") {
                String::from_utf8(words.iter().flat_map(|w| base64_decode(w.trim_start_matches("=?UTF-8?B?").trim_end_matches("?="))).collect()).unwrap()
            } else {
                words.concat()
            };
            prop_assert_eq!(decoded, email.subject.clone());
            let parts: Vec<String> = body.split("\r\n\r\n").skip(1).map(|p| String::from_utf8(base64_decode(p.split("--=_").next().unwrap())).unwrap()).collect();
            prop_assert_eq!(parts.len(), 2);
            let crlf = |t: &str| t.replace("\r\n", "\n").replace('\r', "\n").replace('\n', "\r\n");
            prop_assert_eq!(&parts[0], &crlf(&email.text));
            prop_assert_eq!(&parts[1], &crlf(&email.html));

            let support = &content().support;
            let md = faq_markdown(support, &faq_profile(&agency, &application), level);
            prop_assert!(!md.contains('<'));
            prop_assert_eq!(lines_starting(&md, "#"), lines_starting(&faq_markdown(support, &faq_profile("", ""), level), "#"));
            let x = |t: &str| if t.trim().is_empty() { "" } else { "x" };
            prop_assert_eq!(read_markdown(&md).0, read_markdown(&faq_markdown(support, &faq_profile(x(&agency), x(&application)), level)).0);
            prop_assert_eq!(faq_html(support, &faq_profile(&agency, &application), level).matches('<').count(), faq_html(support, &faq_profile("", ""), level).matches('<').count());

            for &kind in LinkKind::ALL {
                let url = build_url(links, kind, Lang::ALL[lang], &attribution);
                prop_assert!(url.bytes().all(|b| b.is_ascii_graphic()), "{}", url);
                if attribution.is_set() {
                    // Each parameter that is set, and only those, decodes back to what was typed.
                    let query = url.split_once('?').unwrap().1;
                    let pairs: Vec<(&str, String)> = query.split('&').map(|p| p.split_once('=').unwrap()).map(|(k, v)| (k, percent_decode(v))).collect();
                    let expected: Vec<(&str, String)> = [("agency", link_agency.trim()), ("integration", link_integration.trim())]
                        .into_iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| (k, v.to_string())).collect();
                    prop_assert_eq!(pairs, expected);
                } else {
                    prop_assert!(!url.contains('?'));
                }
                let html = link_html(&url, "text", Lang::ALL[lang]);
                prop_assert_eq!((html.matches('<').count(), html.matches('"').count()), (2, 4));
            }
        }
    }
}

/// Issue 25, item 1: Login.gov offers in-person verification only to some partner agencies, so the
/// FAQ and the email mention the Post Office only when the profile says it is enabled; "not
/// sure", "no" and no answer leave it out. Item 7: verification names the passport (online) and
/// "a phone number or mailing address", never a state ID alone, in every language.
#[test]
fn in_person_verification_appears_only_where_it_is_enabled() {
    use portal_core::vocab::InPerson;
    let support = &content().support;
    let post_office = ["Post Office", "Servicio Postal", "U.S. Postal Service", "美国邮政局"];
    let mentions = |text: &str| post_office.iter().any(|p| text.contains(p));
    for level in Level::ALL {
        for answer in [None, Some(InPerson::Yes), Some(InPerson::No), Some(InPerson::NotSure)] {
            let enabled = answer == Some(InPerson::Yes);
            let expected = enabled && level.verifies_identity();
            let profile = Profile { in_person: answer, ..faq_profile("Department of Examples", "Benefits Portal") };
            let faq: String = faq_items(support, &profile, Some(level)).iter().map(|f| format!("{} {}\n", f.question, f.answer)).collect();
            assert_eq!(mentions(&faq), expected, "FAQ {level:?} {answer:?}:\n{faq}");
            assert_eq!(faq.contains("Can I verify my identity in person?"), expected);
            for lang in Lang::ALL {
                let e = launch_email(&EmailInput { in_person: enabled, ..input(lang, level) }, support.links);
                assert_eq!(mentions(&e.text), expected, "{} {level:?} {answer:?}:\n{}", lang.id(), e.text);
                assert_eq!(mentions(&e.html), expected, "{} {level:?} html", lang.id());
            }
        }
    }
    // What verifying takes, in every language: the passport, the SSN, a phone number or address.
    let passport = [("en", "U.S. passport"), ("es", "pasaporte de EE. UU."), ("fr", "passeport américain"), ("zh", "美国护照")];
    let phone_or_address = [
        ("en", "phone number or mailing address"),
        ("es", "número de teléfono o una dirección postal"),
        ("fr", "numéro de téléphone ou une adresse postale"),
        ("zh", "电话号码或邮寄地址"),
    ];
    for level in [Level::BasicIdv, Level::Ial2Aal2] {
        for lang in Lang::ALL {
            let text = launch_email(&input(lang, level), support.links).text;
            for table in [&passport, &phone_or_address] {
                let (_, words) = table.iter().find(|(id, _)| *id == lang.id()).unwrap();
                assert!(text.contains(words), "{} {level:?} lacks {words:?}:\n{text}", lang.id());
            }
        }
        let faq: String = faq_items(support, &faq_profile("A", "B"), Some(level)).iter().map(|f| f.answer.clone()).collect();
        assert!(faq.contains("U.S. passport") && faq.contains("phone number or mailing address"), "{faq}");
        assert!(!faq.contains("state-issued ID,") && !faq.contains("current address"), "{faq}");
    }
}
