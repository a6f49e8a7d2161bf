//! Host tests for the content checker: the Contact Center number in every common writing,
//! other numbers, near-misses, links, language, robustness and speed.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use portal_core::content::content;
use portal_core::scanner::{scan, FindingKind, ScanReport, Severity};
use portal_core::vocab::Lang;

/// The Login.gov Contact Center number, held only here as a fixture. Nothing shipped may hold it.
const NATIONAL: &str = concat!("844", "875", "6446");

fn known() -> Vec<&'static str> {
    content().support.links.iter().map(|l| l.url).collect()
}

fn run(input: &str) -> ScanReport {
    scan(input, &known())
}

fn count(report: &ScanReport, kind: FindingKind) -> usize {
    report.findings.iter().filter(|f| f.kind == kind).count()
}

/// (input, Contact Center errors, other phone numbers)
const CASES: &[(&str, usize, usize)] = &[
    // The Contact Center number, written every common way.
    ("844-875-6446", 1, 0),
    ("Call 844.875.6446 today.", 1, 0),
    ("844 875 6446", 1, 0),
    ("8448756446", 1, 0),
    ("(844) 875-6446", 1, 0),
    ("1-844-875-6446", 1, 0),
    ("+1 844 875 6446", 1, 0),
    ("+1 (844) 875-6446", 1, 0),
    ("18448756446", 1, 0),
    ("+18448756446", 1, 0),
    ("<a href=\"tel:+18448756446\">Call us</a>", 1, 0),
    ("Dial tel:844-875-6446 from your phone", 1, 0),
    ("<a href='tel:844-875-6446'>844-875-6446</a>", 2, 0),
    ("Call 844<span>875</span>6446 now", 1, 0),
    ("<b>844</b>-875-6446", 1, 0),
    ("844&#8209;875&#8209;6446", 1, 0),
    ("844&nbsp;875&nbsp;6446", 1, 0),
    ("&#56;44-875-6446", 1, 0),
    ("844&#x2011;875&#x2011;6446", 1, 0),
    ("844&#45;875&#45;6446", 1, 0),
    ("844\u{a0}875\u{a0}6446", 1, 0),
    ("844\u{202f}875\u{202f}6446", 1, 0),
    ("844\u{2013}875\u{2013}6446", 1, 0),
    ("844\u{2010}875\u{2010}6446", 1, 0),
    ("844\u{2212}875\u{2212}6446", 1, 0),
    ("844\u{2015}875\u{2015}6446", 1, 0),
    ("Questions? Call 844-875-6446.", 1, 0),
    ("844-875-6446 is open all day.", 1, 0),
    ("Call (844) 875-6446, or write to us.", 1, 0),
    ("Step 2 844-875-6446", 1, 0),
    ("<p>Call <strong>1&nbsp;(844)&nbsp;875&ndash;6446</strong></p>", 1, 0),
    ("请拨打844-875-6446联系我们。", 1, 0),
    ("<!-- old number: 844-875-6446 --><p>Hello</p>", 1, 0),
    ("<a aria-label=\"Call 844 875 6446\" href=\"/help\">Call</a>", 1, 0),
    ("844\u{200b}875\u{200b}6446", 1, 0),
    ("\u{ff18}\u{ff14}\u{ff14}-\u{ff18}\u{ff17}\u{ff15}-\u{ff16}\u{ff14}\u{ff14}\u{ff16}", 1, 0),
    ("<td>844</td><td>875</td><td>6446</td>", 1, 0),
    // Other numbers: an agency's own help desk is fine.
    ("(202) 555-0147", 0, 1),
    ("+1 202 555 0147", 0, 1),
    ("Help desk: 202.555.0147.", 0, 1),
    ("1-800-555-0100", 0, 1),
    ("<a href=\"tel:+12025550147\">202-555-0147</a>", 0, 2),
    ("Call 202-555-0147 or 844-875-6446.", 1, 1),
    ("2025550147", 0, 1),
    ("Washington, DC 20001-1234 (202) 555-0147", 0, 1),
    ("202&nbsp;555&nbsp;0147", 0, 1),
    // Near-misses: not phone numbers.
    ("18448756446123", 0, 0),
    ("Account 8448756446123", 0, 0),
    ("IAA LGABCFY210001-0001-0000", 0, 0),
    ("2026-11-23", 0, 0),
    ("Due 11/23/2026 at 10:30", 0, 0),
    ("20001-1234", 0, 0),
    ("https://example.gov/case/844875644612", 0, 0),
    ("844-875-64460", 0, 0),
    ("abc8448756446", 0, 0),
    ("8448756446xyz", 0, 0),
    ("Open 8:30-17:00, 9:00 - 5:00", 0, 0),
    ("Card 4111 1111 1111 1111", 0, 0),
    ("Ref 0844875644", 0, 0),
    ("844 875 644", 0, 0),
    // Clean texts.
    ("", 0, 0),
    ("Contact Login.gov at https://login.gov/contact/.", 0, 0),
    ("<p>Read the <a href=\"https://login.gov/help/\">help center</a>.</p>", 0, 0),
    ("a < b and c > d & e; <3 &unknown; &#;", 0, 0),
    ("Para ayuda con su cuenta, visite https://login.gov/es/contact/.", 0, 0),
];

#[test]
fn table_of_writings_other_numbers_and_near_misses() {
    assert!(CASES.len() >= 45, "{} cases", CASES.len());
    let mut failures = Vec::new();
    for (input, contact_center, other) in CASES {
        let report = run(input);
        let got = (count(&report, FindingKind::ContactCenterNumber), count(&report, FindingKind::OtherPhoneNumber));
        if got != (*contact_center, *other) {
            failures.push(format!("{input:?}: expected {:?}, got {got:?}: {:#?}", (contact_center, other), report.findings));
        }
        for finding in &report.findings {
            assert_eq!(finding.severity == Severity::Error, finding.kind == FindingKind::ContactCenterNumber);
            if finding.kind == FindingKind::OtherPhoneNumber {
                assert_eq!(finding.severity, Severity::Info);
            }
            if finding.line > 0 {
                assert_eq!(finding.excerpt, input[finding.start..finding.end], "{input:?}");
            }
            // The checker never repeats the number back.
            let said: String =
                format!("{} {}", finding.message, finding.fix.clone().unwrap_or_default()).chars().filter(char::is_ascii_digit).collect();
            assert!(!said.contains(NATIONAL), "{input:?}: {finding:?}");
        }
        assert_eq!(report.is_clean(), *contact_center == 0, "{input:?}");
        assert_eq!(report.errors(), *contact_center, "{input:?}");
    }
    assert!(failures.is_empty(), "{} failing cases:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_fixture_is_the_number() {
    assert_eq!(NATIONAL.len(), 10);
    assert_eq!(count(&run(NATIONAL), FindingKind::ContactCenterNumber), 1);
}

fn only(report: &ScanReport, kind: FindingKind) -> &portal_core::scanner::Finding {
    let found: Vec<_> = report.findings.iter().filter(|f| f.kind == kind).collect();
    assert_eq!(found.len(), 1, "{:#?}", report.findings);
    found[0]
}

#[test]
fn excerpts_and_lines_point_at_the_original_text() {
    let input = "Call 844<span>875</span>6446 now";
    let report = run(input);
    let f = only(&report, FindingKind::ContactCenterNumber);
    assert_eq!(f.excerpt, "844<span>875</span>6446");
    assert_eq!((f.start, f.end, f.line), (5, 28, 1));
    assert!(f.fix.as_deref().unwrap().contains("https://login.gov/contact/"), "{f:?}");

    let input = "<h1>Help</h1>\n<p>Questions?</p>\n<p>Call <b>(844) 875&#8209;6446</b>.</p>";
    let report = run(input);
    let f = only(&report, FindingKind::ContactCenterNumber);
    assert_eq!(f.excerpt, "(844) 875&#8209;6446");
    assert_eq!(f.line, 3);
    assert_eq!(&input[f.start..f.end], f.excerpt);

    let input = "Línea uno\nLínea dos\r\n&#56;44&nbsp;875&nbsp;6446";
    let f = only(&run(input), FindingKind::ContactCenterNumber).clone();
    assert_eq!(f.excerpt, "&#56;44&nbsp;875&nbsp;6446");
    assert_eq!(f.line, 3);

    let input = "<a href=\"tel:+18448756446\">Call</a>";
    let f = only(&run(input), FindingKind::ContactCenterNumber).clone();
    assert_eq!(f.excerpt, "+18448756446");

    let input = "Agency desk +1 (202) 555-0147";
    let f = only(&run(input), FindingKind::OtherPhoneNumber).clone();
    assert_eq!(f.excerpt, "+1 (202) 555-0147");
    assert!(f.message.contains("help-desk"));
}

#[test]
fn numbers_after_a_stray_angle_bracket_are_still_found() {
    // Plain text with a `<` before a letter reads as the start of a tag up to the next `>`:
    // its words become attribute names, which are checked too.
    let report = run(&format!("Wait times <a few minutes, then call {} or (202) 555-0147.\n> Thanks", "844-875-6446"));
    assert_eq!(count(&report, FindingKind::ContactCenterNumber), 1, "{report:?}");
    assert_eq!(count(&report, FindingKind::OtherPhoneNumber), 1, "{report:?}");
    let finding = only(&report, FindingKind::ContactCenterNumber);
    assert_eq!(finding.excerpt, "844-875-6446");
    // Attribute names and values in one tag are each found once.
    let report = run("<a 844-875-6446 title=\"844-875-6446\">x</a>");
    assert_eq!(count(&report, FindingKind::ContactCenterNumber), 2, "{report:?}");
}

#[test]
fn findings_are_ordered_by_start() {
    let input = format!("{EN} Call 202-555-0147, or 844-875-6446, or see https://login.gov/nope/ and https://login.gov/es/contact/.");
    let report = run(&input);
    let starts: Vec<usize> = report.findings.iter().map(|f| f.start).collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted);
    let kinds: Vec<FindingKind> = report.findings.iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        [FindingKind::OtherPhoneNumber, FindingKind::ContactCenterNumber, FindingKind::UnknownLoginGovLink, FindingKind::LanguageMismatch]
    );
    assert_eq!(report.errors(), 1);
    assert_eq!(report.warnings(), 2);
}

/// The checker shows a capped list; errors must come first so a Contact Center number late in
/// a long paste is never hidden behind ordinary numbers.
#[test]
fn the_most_important_findings_come_first_within_the_cap() {
    let input =
        format!("{EN} https://login.gov/contact/ {} https://login.gov/nope/ then 844-875-6446 and 844 875 6446.", "Call 202-555-0147. ".repeat(60));
    let report = run(&input);
    assert_eq!(report.findings.len(), 60 + 1 + 2);
    let shown = report.most_important(5);
    let kinds: Vec<FindingKind> = shown.iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        [
            FindingKind::ContactCenterNumber,
            FindingKind::ContactCenterNumber,
            FindingKind::UnknownLoginGovLink,
            FindingKind::OtherPhoneNumber,
            FindingKind::OtherPhoneNumber
        ]
    );
    // Within a severity, the order of the text.
    assert!(shown[0].start < shown[1].start && shown[3].start < shown[4].start);
    assert_eq!(report.most_important(1000).len(), report.findings.len());
    assert!(report.most_important(0).is_empty());
}

#[test]
fn contact_links_in_every_writing() {
    for text in [
        "Go to https://login.gov/contact/ for help.",
        "Go to https://www.login.gov/contact for help.",
        "Go to http://login.gov/contact?agency=DOE&integration=x for help.",
        "Go to login.gov/contact.",
        "Go to <a href=\"https://login.gov/contact/#form\">the contact page</a>.",
        "Vaya a LOGIN.GOV/es/contact/ para ayuda.",
        "Allez sur www.login.gov/fr/contact/.",
        "请访问 https://login.gov/zh/contact/。",
    ] {
        let report = run(text);
        assert!(report.links_to_contact, "{text}");
        assert_eq!(count(&report, FindingKind::NoContactLink), 0, "{text}");
        assert_eq!(count(&report, FindingKind::UnknownLoginGovLink), 0, "{text}: {:#?}", report.findings);
    }
    for text in [
        "Contact Login.gov for help.",
        "See https://developers.login.gov/contact/ and https://login.gov/help/.",
        "Write to support@login.gov/contact.",
        "https://notlogin.gov/contact/",
    ] {
        let report = run(text);
        assert!(!report.links_to_contact, "{text}");
        let f = only(&report, FindingKind::NoContactLink);
        assert_eq!((f.start, f.end, f.line, f.excerpt.as_str()), (0, 0, 0, ""));
        assert_eq!(f.severity, Severity::Warning);
        assert!(f.fix.as_deref().unwrap().contains("https://login.gov/contact/"));
    }
    let report = run("Read https://login.gov/es/help/ y más.");
    assert!(report.links_to_help && !report.links_to_contact);
}

const EN: &str = "Sign in to your account with Login.gov. If you need help with your account, you can contact us. \
You can also read the help articles.";
const ES: &str = "Inicie sesión en su cuenta con Login.gov. Si necesita ayuda con la cuenta, visite la página de contacto. \
Usted puede leer los artículos de ayuda.";
const FR: &str = "Connectez-vous à votre compte avec Login.gov. Si vous avez besoin d'aide pour votre compte, \
contactez Login.gov. Vous pouvez lire les articles d'aide.";
const ZH: &str = "使用 Login.gov 登录您的账户。如果您需要帮助，请访问联系页面。您也可以阅读帮助文章。";

#[test]
fn detects_the_language_of_the_text() {
    assert_eq!(run(EN).language, Some(Lang::En));
    assert_eq!(run(ES).language, Some(Lang::Es));
    assert_eq!(run(FR).language, Some(Lang::Fr));
    assert_eq!(run(ZH).language, Some(Lang::Zh));
    assert_eq!(run(&format!("<div lang=\"es\"><p>{ES}</p></div>")).language, Some(Lang::Es));
    // Too little to tell, or no clear winner.
    assert_eq!(run("Login.gov").language, None);
    assert_eq!(run("Call 202-555-0147.").language, None);
    assert_eq!(run("the and la de").language, None);
}

#[test]
fn the_missing_contact_link_fix_is_in_the_texts_language() {
    for (text, url) in [
        (EN, "https://login.gov/contact/"),
        (ES, "https://login.gov/es/contact/"),
        (FR, "https://login.gov/fr/contact/"),
        (ZH, "https://login.gov/zh/contact/"),
    ] {
        let report = run(text);
        let f = only(&report, FindingKind::NoContactLink);
        assert!(f.fix.as_deref().unwrap().contains(url), "{f:?}");
    }
}

#[test]
fn links_in_another_language_than_the_text() {
    let text = format!("{ES} Contacto: <a href=\"https://login.gov/contact/\">contacto</a>.");
    let report = run(&text);
    let f = only(&report, FindingKind::LanguageMismatch);
    assert_eq!(f.excerpt, "https://login.gov/contact/");
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.fix.as_deref().unwrap().contains("https://login.gov/es/contact/"), "{f:?}");
    assert!(report.links_to_contact);
    assert_eq!(count(&report, FindingKind::NoContactLink), 0);

    let report = run(&format!("{FR} Aide : login.gov/zh/help/ et https://login.gov/fr/contact/"));
    let f = only(&report, FindingKind::LanguageMismatch);
    assert_eq!(f.excerpt, "login.gov/zh/help/");
    assert_eq!(count(&report, FindingKind::UnknownLoginGovLink), 0);

    let report = run(&format!("{EN} Create one at https://login.gov/es/create-an-account/ or https://login.gov/contact/"));
    assert_eq!(only(&report, FindingKind::LanguageMismatch).excerpt, "https://login.gov/es/create-an-account/");

    // Matching languages, or a text whose language cannot be told, raise nothing.
    for text in [
        format!("{EN} https://login.gov/contact/"),
        format!("{ES} https://login.gov/es/contact/"),
        format!("{FR} https://login.gov/fr/contact/ https://login.gov/fr/help/"),
        format!("{ZH} https://login.gov/zh/contact/"),
        "https://login.gov/es/contact/".to_string(),
    ] {
        assert_eq!(count(&run(&text), FindingKind::LanguageMismatch), 0, "{text}");
    }
}

#[test]
fn unknown_and_known_login_gov_links() {
    let report = run("See https://login.gov/contacts/ or https://www.login.gov/es/ayuda and login.gov/contact.");
    let unknown: Vec<&str> = report.findings.iter().filter(|f| f.kind == FindingKind::UnknownLoginGovLink).map(|f| f.excerpt.as_str()).collect();
    assert_eq!(unknown, ["https://login.gov/contacts/", "https://www.login.gov/es/ayuda"]);
    assert!(report.findings.iter().all(|f| f.severity == Severity::Warning));

    // Every bundled link is known, in every writing; the root is known; other hosts are not checked.
    let mut text = String::from("https://login.gov/ https://developers.login.gov/oidc/ https://status.login.gov/ ");
    for url in known() {
        text.push_str(&format!("<a href=\"{url}?agency=x&amp;integration=y\">{url}</a> "));
        text.push_str(&format!("{} ", url.trim_start_matches("https://").trim_end_matches('/')));
        text.push_str(&format!("{}#top ", url.replace("https://", "https://www.")));
    }
    let report = run(&text);
    assert_eq!(count(&report, FindingKind::UnknownLoginGovLink), 0, "{:#?}", report.findings);
    assert!(report.links_to_contact && report.links_to_help);

    // With no known links, only the root is known.
    let report = scan("https://login.gov/ and https://login.gov/contact/", &[]);
    assert_eq!(count(&report, FindingKind::UnknownLoginGovLink), 1);
}

#[test]
fn whitespace_only_input_gives_an_empty_report() {
    assert_eq!(run(""), ScanReport::default());
    assert_eq!(run(" \n\t"), ScanReport::default());
}

#[test]
fn never_panics_on_tricky_input() {
    let alphabet: &[&str] = &[
        "<",
        ">",
        "&",
        "#",
        ";",
        "0",
        "1",
        "2",
        "4",
        "5",
        "6",
        "7",
        "8",
        "-",
        "\u{a0}",
        "é",
        "福",
        "\n",
        "tel:",
        "\"",
        "'",
        "=",
        "a",
        "x",
        " ",
        "<!--",
        "-->",
        "&#",
        "&#x",
        "nbsp",
        "/",
        "(",
        ")",
        "+",
        "login.gov/",
        "https://",
        "\u{ff18}",
        "\u{200b}",
        "href=",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    };
    let known = known();
    let mut seen_findings = 0;
    for _ in 0..4000 {
        let len = next() % 40;
        let mut text = String::new();
        for _ in 0..len {
            text.push_str(alphabet[next() % alphabet.len()]);
        }
        let report = scan(&text, &known);
        for f in &report.findings {
            assert!(f.start <= f.end && f.end <= text.len(), "{text:?}: {f:?}");
            assert_eq!(text.get(f.start..f.end), Some(f.excerpt.as_str()).filter(|_| f.line > 0).or(Some("")), "{text:?}");
        }
        seen_findings += report.findings.len();
    }
    assert!(seen_findings > 0);
    // Pathological shapes.
    for text in [
        "<".repeat(10_000),
        "<a ".repeat(10_000),
        "<a href=\"".repeat(5_000) + ">",
        "&#".repeat(10_000),
        "<!--".repeat(10_000),
        "8".repeat(100_000),
        "8 ".repeat(50_000),
        "login.gov/".repeat(10_000),
        "&#1114112;&#xFFFFFFFF;&#0;&#55296;".to_string(),
    ] {
        let _ = scan(&text, &known);
    }
}

#[test]
fn scans_a_megabyte_quickly() {
    let block = "<p class=\"note\">Sign in to your account with <a href=\"https://login.gov/help/\">Login.gov</a>. \
Call our help desk at (202) 555-0147 or <b>1-800-555-0100</b>, 8:30&ndash;17:00, &amp; quote IAA LGABCFY210001-0001-0000. \
Inicie sesi&oacute;n en su cuenta &#8212; 福 &nbsp; 2026-11-23 a < b</p>\n";
    let mut text = String::with_capacity(1_100_000);
    while text.len() < 1_000_000 {
        text.push_str(block);
    }
    text.push_str("Do not call 844&#8209;875&#8209;6446.");
    let known = known();
    let report = scan(&text, &known);
    assert_eq!(count(&report, FindingKind::ContactCenterNumber), 1);
    assert!(count(&report, FindingKind::OtherPhoneNumber) > 1000);
    // Linear in the input: ten times the text costs about ten times as much (a quadratic scan
    // would cost a hundred times), measured as a ratio so the machine's speed cancels out.
    let cut = (0..=text.len() / 10).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
    let tenth = &text[..cut];
    let ratio = common::cost_ratio(5, || scan(&text, &known), || scan(tenth, &known));
    eprintln!("a megabyte costs {ratio:.1} times a tenth of it");
    assert!(ratio < 25.0, "a megabyte costs {ratio:.1} times a tenth of it");
}

/// Issue 13, item 14: counts are singular where one, identical findings are grouped with their
/// lines, and the HTML's own lang attribute says the language of a text too short to tell.
#[test]
fn counts_read_right_identical_findings_group_and_lang_attributes_count() {
    let one_note = run("Call our office at 202-555-0123 about https://login.gov/contact/ questions.");
    assert_eq!((one_note.warnings(), one_note.notes()), (0, 1), "{:?}", one_note.findings);
    assert_eq!(one_note.warnings_and_notes(), "1 note");
    assert_eq!(ScanReport::default().warnings_and_notes(), "No warnings or notes");

    // The same number on 170 lines is one group that names every line.
    let text: String = (0..170).map(|_| "Call 202-555-0123 for help. See https://login.gov/contact/.\n").collect();
    let report = run(&text);
    assert_eq!(report.notes(), 170);
    assert_eq!(report.warnings_and_notes(), "170 notes");
    let groups = report.grouped(50);
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].count, 170);
    assert_eq!(groups[0].lines.len(), 170);
    assert_eq!(groups[0].place().unwrap(), "Lines 1, 2, 3, 4, 5 and 165 more: ");
    // Different numbers stay apart, errors first.
    let mixed = run(&format!("Call 202-555-0123.\nCall 202-555-0123.\nOr call {}. See https://login.gov/contact/.\n", NATIONAL));
    let groups = mixed.grouped(50);
    assert_eq!(groups.iter().map(|g| (g.first.severity, g.count)).collect::<Vec<_>>(), [(Severity::Error, 1), (Severity::Info, 2)]);
    assert_eq!(groups[1].place().unwrap(), "Lines 1 and 2: ");

    // Short Spanish inside lang="es" is Spanish; the attribute wins over a guess.
    let short = run(r#"<p lang="es">Ayuda: <a href="https://login.gov/es/contact/">contacto</a></p>"#);
    assert_eq!(short.language, Some(Lang::Es));
    assert!(short.language_from_markup);
    assert_eq!(count(&short, FindingKind::LanguageMismatch), 0);
    let declared_fr = run(r#"<html LANG='fr-CA'><body><a href="https://login.gov/contact/">contact</a></body></html>"#);
    assert_eq!(declared_fr.language, Some(Lang::Fr));
    assert_eq!(count(&declared_fr, FindingKind::LanguageMismatch), 1, "an English link in French text");
    // Words that merely contain "lang", and unknown languages, do not count.
    let plain = run("Our language=es team helps in many languages.");
    assert!(!plain.language_from_markup);
    assert!(!run(r#"<p lang="de">Hilfe</p>"#).language_from_markup);
}

/// The Contact Center's number in every writing the checker must see through (issue 14, items
/// 6–8). Each must give one finding, or more where it is written more than once.
const WRITINGS: &[&str] = &[
    // Inside longer runs of digits, with any separator the eye reads as a break.
    "844-875-6446/202-555-0147",
    "202-555-0147/844-875-6446",
    "844-875-6446 / 202-555-0147",
    "844-875-6446+1 202 555 0147",
    "(202) 555-0147(844) 875-6446",
    "202-555-0147-844-875-6446",
    "1-844-875-6446-1",
    "Call 844.875.6446.202.555.0147",
    // Character references as browsers read them.
    "Call 844&nbsp875&nbsp6446",
    "Call 844&NonBreakingSpace;875&NonBreakingSpace;6446",
    "&#0000000056;44-875-6446",
    "&#x0000038;44-875-6446",
    "844&#150;875&#150;6446",
    "844&#151;875&#151;6446",
    "844&ZeroWidthSpace;875&ZeroWidthSpace;6446",
    "844&NegativeVeryThinSpace;875&NegativeVeryThinSpace;6446",
    "844&shy875&shy6446",
    "844&hyphen;875&hyphen;6446",
    "844&period;875&period;6446",
    "&lpar;844&rpar;&nbsp;875&dash;6446",
    "844&hairsp;875&hairsp;6446",
    "844&InvisibleTimes;875&InvisibleTimes;6446",
    "<a title=\"844&#45;875&#45;6446\">help</a>",
    // Tags, comments and line breaks between the digits.
    "844<br>875<br>6446",
    "844\n875\n6446",
    "844\r\n875-6446",
    "<p>844</p><p>875</p><p>6446</p>",
    "8<i>4</i>4-<em>875</em>-64<span class=\"x\">46</span>",
    "844<!-- hidden -->875<!-- -->6446",
    "<a href=\"tel:+1-844-875-6446\">Call</a>",
    "<a href=\"TEL:18448756446\">Call</a>",
    "<meta content=\"844-875-6446\">",
    // Invisible characters and direction marks between digits.
    "844\u{200e}875\u{200e}6446",
    "844\u{2060}875\u{2060}6446",
    "844\u{fe0f}875\u{feff}6446",
    // Other digit forms.
    "\u{ff18}\u{ff14}\u{ff14}\u{ff18}\u{ff17}\u{ff15}\u{ff16}\u{ff14}\u{ff14}\u{ff16}",
    "\u{1d7d6}\u{1d7d2}\u{1d7d2}-\u{1d7d6}\u{1d7d5}\u{1d7d3}-\u{1d7d4}\u{1d7d2}\u{1d7d2}\u{1d7d4}",
    "\u{0668}\u{0664}\u{0664}-\u{0668}\u{0667}\u{0665}-\u{0666}\u{0664}\u{0664}\u{0666}",
    "\u{096e}\u{096a}\u{096a} \u{096e}\u{096d}\u{096b} \u{096c}\u{096a}\u{096a}\u{096c}",
    // Words and letters for digits.
    "Call eight four four, eight seven five, six four four six",
    "eight-four-four eight-seven-five six-four-four-six",
    "ocho cuatro cuatro ocho siete cinco seis cuatro cuatro seis",
    "huit quatre quatre huit sept cinq six quatre quatre six",
    "请拨打八四四八七五六四四六",
    "Call 1-UGH-URL-NIGO today",
    "844-URL-6446",
    // Every separator between the groups.
    "844 875 6446",
    "844\t875\t6446",
    "844\u{00b7}875\u{00b7}6446",
    "844\u{2022}875\u{2022}6446",
    "844\u{2003}875\u{2003}6446",
    "844\u{205f}875\u{205f}6446",
    "844\u{3000}875\u{3000}6446",
    "844\u{ff0d}875\u{ff0d}6446",
    "844\u{fe63}875\u{fe63}6446",
    "844\u{2011}875\u{2011}6446",
    "844\u{2014}875\u{2014}6446",
    "844/875/6446",
    "844 - 875 - 6446",
    "+1.844.875.6446",
    "\u{ff08}844\u{ff09}875-6446",
];

/// Numbers that are not phone numbers, as partners write them: none may be flagged at all.
const ORDINARY_NUMBERS: &[&str] = &[
    "2026-12-01",
    "12/01/2026",
    "Dec. 1, 2026 at 10:30 a.m.",
    "8:00-17:00",
    "$1,234,567.89",
    "2,000,000 monthly users",
    "87.5%",
    "20001-1234",
    "IAA LGABCFY210001-0001-0000",
    "v1.2.3",
    "TLS 1.2 and 1.3",
    "Section 508",
    "FY2027",
    "NIST SP 800-63-3",
    "OMB M-22-09",
    "192.168.100.200",
    "38.8977, -77.0365",
    "123-45-6789",
    "12-3456789",
    "4111 1111 1111 1111",
    "Account 8448756446123",
    "18448756446123",
    "844-875-64460",
    "abc8448756446",
    "8448756446xyz",
    "Ref 0844875644",
    "844 875 644",
    "Order #100234",
    "ZIP 20405",
    "Room 4400",
    "Pages 10-20",
    "1/2 of 3/4",
    "550e8400-e29b-41d4-a716-446655440000",
    "0x1F600",
    "ISO 8601",
    "RFC 2047",
    "COVID-19",
    "1,000-2,000 calls a day",
    "30 days, 24 hours, 7 days a week",
    "Case 2026-0001234",
    "Call us at ext. 4512",
    "PIN 123456",
];

#[test]
fn every_writing_of_the_number_is_found_and_ordinary_numbers_are_not_flagged() {
    assert!(WRITINGS.len() >= 40, "{} writings", WRITINGS.len());
    assert!(ORDINARY_NUMBERS.len() >= 40, "{} ordinary numbers", ORDINARY_NUMBERS.len());
    let missed: Vec<_> = WRITINGS.iter().filter(|w| count(&run(w), FindingKind::ContactCenterNumber) == 0).collect();
    assert!(missed.is_empty(), "{} of {} writings not found: {missed:#?}", missed.len(), WRITINGS.len());
    let flagged: Vec<_> = ORDINARY_NUMBERS
        .iter()
        .map(|text| (text, run(text)))
        .filter(|(_, report)| count(report, FindingKind::ContactCenterNumber) + count(report, FindingKind::OtherPhoneNumber) > 0)
        .map(|(text, report)| format!("{text:?}: {:?}", report.findings.iter().map(|f| &f.excerpt).collect::<Vec<_>>()))
        .collect();
    assert!(flagged.is_empty(), "{} ordinary numbers flagged: {flagged:#?}", flagged.len());
    println!("checker corpus: {} writings of the number found, {} ordinary numbers not flagged", WRITINGS.len(), ORDINARY_NUMBERS.len());
}

#[test]
fn character_references_decode_as_browsers_decode_them() {
    // A legacy name without `;` is decoded in text, by its longest match, but not in an attribute
    // value when a letter, digit or `=` follows (HTML, "named character reference state").
    assert_eq!(count(&run("<p>844&nbsp875&nbsp6446</p>"), FindingKind::ContactCenterNumber), 1);
    assert_eq!(count(&run("<a title=\"844&nbsp875&nbsp6446\">x</a>"), FindingKind::ContactCenterNumber), 0);
    assert_eq!(count(&run("<a title=\"844&nbsp;875&nbsp;6446\">x</a>"), FindingKind::ContactCenterNumber), 1);
    // `&notit;` reads as "¬it;", so "it;" keeps the digits apart from nothing: the number stands.
    assert_eq!(count(&run("&notit;8448756446"), FindingKind::ContactCenterNumber), 1);
    // `&copy` glues to nothing: "©8448756446" shows the number.
    assert_eq!(count(&run("&copy8448756446"), FindingKind::ContactCenterNumber), 1);
    // Leading zeros do not end a numeric reference early, and a value past U+10FFFF is replaced.
    assert_eq!(count(&run("&#00000000000000056;44-875-6446"), FindingKind::ContactCenterNumber), 1);
    assert_eq!(count(&run("&#99999999999;844-875-6446"), FindingKind::ContactCenterNumber), 1);
}

/// Property tests of this area: generated inputs (see `common::strategies`), every promise kept.
mod properties {

    use super::common::strategies::*;
    use proptest::prelude::*;

    use portal_core::content::content;

    use portal_core::phone::find_phone_candidates;

    use portal_core::scanner::{scan, FindingKind};

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn scanner_never_panics_and_excerpts_are_exact(text in hostile()) {
            let known: Vec<&str> = content().support.links.iter().map(|l| l.url).collect();
            let report = scan(&text, &known);
            for finding in &report.findings {
                prop_assert!(finding.start <= finding.end && finding.end <= text.len());
                prop_assert!(text.is_char_boundary(finding.start) && text.is_char_boundary(finding.end));
                if finding.end > finding.start {
                    prop_assert_eq!(&finding.excerpt, &text[finding.start..finding.end]);
                }
            }
        }

        #[test]
        fn phone_candidates_are_exact_ten_digit_spans(text in hostile()) {
            for candidate in find_phone_candidates(&text) {
                prop_assert!(candidate.start < candidate.end && candidate.end <= text.len());
                prop_assert!(text.is_char_boundary(candidate.start) && text.is_char_boundary(candidate.end));
                prop_assert_eq!(candidate.national_digits.len(), 10);
                prop_assert!(candidate.national_digits.bytes().all(|b| b.is_ascii_digit()));
            }
        }

        #[test]
        fn a_phone_number_set_off_by_words_is_found_in_any_text(
            before in hostile(), after in hostile(), area in 200u32..1000, exchange in 200u32..1000, line in 0u32..10_000, style in 0usize..9,
        ) {
            let digits = format!("{area:03}{exchange:03}{line:04}");
            let number = written(&digits, style);
            let text = format!("{before}\nCall us on {number} today.\n{after}");
            let found = find_phone_candidates(&text);
            let start = text.find(&number).unwrap();
            prop_assert!(
                found.iter().any(|c| c.national_digits == digits && c.start < start + number.len() && c.end > start),
                "{:?} not found in {:?}: {:?}", number, text, found
            );
        }

        #[test]
        fn the_contact_center_number_is_an_error_in_any_text(before in hostile(), after in hostile(), style in 0usize..9) {
            let known: Vec<&str> = content().support.links.iter().map(|l| l.url).collect();
            let number = written(CONTACT_CENTER, style);
            let report = scan(&format!("{before}\nCall us on {number} today.\n{after}"), &known);
            prop_assert!(report.errors() >= 1);
            prop_assert!(report.findings.iter().any(|f| f.kind == FindingKind::ContactCenterNumber && f.excerpt.contains(&number[number.len() - 4..])));
        }
    }
}
