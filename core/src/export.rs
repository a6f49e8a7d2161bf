//! Exports of the reviewed checklist: Markdown for people, CSV for spreadsheets. The JSON
//! export is the record itself (`record::to_json`). User text is escaped for each format:
//! Markdown cannot smuggle HTML or structure, and CSV cells cannot run as formulas.

use crate::text::{csv_cell, CSV_BOM};

use super::checklist::{self, SignOffState, OVERALL};
use super::content::{Content, Requirement};
use super::record::{self, ReadinessRecord};
use super::settings::{integration_settings, settings_json, settings_markdown};

pub fn requirement_label(requirement: Requirement) -> &'static str {
    match requirement {
        Requirement::Required => "required",
        Requirement::Recommended => "recommended",
    }
}

/// A file the user downloads: its name, media type and text. Made by the rules, offered by the
/// app in one place (`Store::offer_download`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DownloadFile {
    pub name: String,
    pub mime: &'static str,
    pub body: String,
}

/// Escapes user text for Markdown: HTML is shown as text, emphasis, links and headings are
/// literal, and each line break continues the current list item instead of starting a block.
/// Nothing at a line's start may open a block: not `#`, `>`, a list marker (`-`, `+`, `*`, `1.`,
/// `1)`), a Setext underline (`===`, `---`), a fence or an indent. CommonMark ends a line at a
/// lone `\r` too, so that splits lines here; blank lines are left out, since one would end the
/// list item (the text keeps a line break there).
pub fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split(['\n', '\r']).filter(|l| !l.trim().is_empty()).enumerate() {
        if i > 0 {
            out.push_str("  \n  ");
        }
        let line = line.trim();
        // A continuation line of digits alone ends the text, and the caller may follow it with
        // "." or ")" ("on 1."), which would make a list marker: its first digit goes as a
        // character reference, which reads the same and opens no block.
        if i > 0 && line.bytes().all(|b| b.is_ascii_digit()) {
            out.push_str(&format!("&#{};", u32::from(line.as_bytes()[0])));
            out.push_str(&line[1..]);
            continue;
        }
        let mut chars = line.chars().peekable();
        let mut at_start = true;
        while let Some(c) = chars.next() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '!' => {
                    out.push('\\');
                    out.push(c);
                }
                '-' | '+' | '=' if at_start => {
                    out.push('\\');
                    out.push(c);
                }
                d if at_start && d.is_ascii_digit() => {
                    // "1." or "1)" at a line start would begin an ordered list.
                    out.push(d);
                    while let Some(next) = chars.peek().copied().filter(char::is_ascii_digit) {
                        out.push(next);
                        chars.next();
                    }
                    if let Some(marker) = chars.next_if(|&c| c == '.' || c == ')') {
                        out.push('\\');
                        out.push(marker);
                    }
                }
                c => out.push(c),
            }
            at_start = false;
        }
    }
    out
}

/// Escapes user text for a Markdown line that cannot break, such as a heading: line breaks
/// become spaces.
pub fn markdown_line(text: &str) -> String {
    markdown_text(&text.split(['\n', '\r']).map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" "))
}

fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_string()
    } else {
        markdown_line(text)
    }
}

fn sign_off_markdown(state: &SignOffState) -> String {
    let s = match state {
        SignOffState::None => return "Sign-off: not signed off yet.\n".to_string(),
        SignOffState::Current(s) | SignOffState::Stale(s) => s,
    };
    let mut line =
        format!("Sign-off: **{}** by {} ({}) on {}.", s.decision.label(), markdown_text(&s.reviewer), markdown_text(&s.role), markdown_text(&s.date));
    if !s.comments.trim().is_empty() {
        line.push_str(&format!(" Comments: {}", markdown_text(&s.comments)));
    }
    if matches!(state, SignOffState::Stale(_)) {
        line.push_str(" **Stale: the work changed after this sign-off.**");
    }
    line.push('\n');
    if !s.approved_with_open.is_empty() {
        line.push_str("\nApproved while these were still open (the reviewer confirmed it):\n\n");
        for open in &s.approved_with_open {
            line.push_str(&format!("- {}\n", markdown_text(open)));
        }
    }
    line
}

/// The facts every export starts with, so a file read on its own says what it is about:
/// who, what, which level (recommended and chosen), how, when, and where sign-off stands.
pub fn header_facts(record: &ReadinessRecord, content: &Content, date_iso: &str) -> Vec<(&'static str, String)> {
    let checklist = &content.checklist;
    let profile = &record.profile;
    let level = record.level();
    let work = &record.checklist;
    // Typed text exactly as typed (a reviewer sees what the team wrote), or a dash when blank.
    let text = |t: &str| if t.trim().is_empty() { "—".to_string() } else { t.to_string() };
    let recommended = record.recommendation().level;
    let chosen = record.service_level.chosen;
    let mut facts = vec![
        ("Agency", text(&profile.agency)),
        ("Application", text(&profile.application)),
        ("Agency type", profile.partner_type.map(|p| p.label()).unwrap_or("—").to_string()),
        ("Protocol", profile.protocol.map(|p| p.label()).unwrap_or("—").to_string()),
        ("Who signs in", profile.audience.map(|a| a.label()).unwrap_or("—").to_string()),
        (
            "Recommended service level",
            recommended.map(|l| l.name()).unwrap_or("none yet: the service-level questions are not all answered").to_string(),
        ),
        (
            "Chosen service level",
            match (chosen, recommended) {
                (Some(c), Some(r)) if c == r => format!("{} (the recommendation)", c.name()),
                (Some(c), _) => format!("{} (differs from the recommendation)", c.name()),
                (None, _) => "none: the portal follows the recommendation".to_string(),
            },
        ),
    ];
    if let (_, Some(reason)) = record.level_summary() {
        facts.push(("Reason for the chosen level", text(&reason)));
    }
    facts.push(("Service level used for this checklist", level.map(|l| l.name()).unwrap_or("none yet").to_string()));
    facts.push(("Exported", date_iso.to_string()));
    let blockers = checklist::blockers(checklist, work, profile, level).len();
    facts.push(("Items blocking launch", blockers.to_string()));
    facts.push(("Overall sign-off", checklist::sign_off_state(checklist, work, profile, level, OVERALL).summary()));
    facts
}

/// The export's day, which dates its SAML paths; a date that does not parse (never one the
/// portal writes) counts as the first day of the content's newest check.
fn export_day(date_iso: &str) -> crate::dates::Date {
    crate::dates::Date::parse_iso(date_iso)
        .or_else(|| crate::dates::Date::parse_iso(crate::content::verified_range().1))
        .unwrap_or(crate::dates::Date { year: 2026, month: 12, day: 7 })
}

/// The text of a settings note or trap, by id.
fn settings_text(content: &Content) -> impl Fn(&str) -> String + '_ {
    move |id: &str| content.service_levels.fact(id).map(|f| f.text.to_string()).unwrap_or_default()
}

/// The record as exported: the record itself (what import reads back), plus the header facts
/// and the integration settings card for its level, which import ignores because they are derived.
pub fn record_json(record: &ReadinessRecord, content: &Content, date_iso: &str) -> String {
    let mut value = serde_json::to_value(record).expect("a record always serialises");
    // Import ignores this summary: it is derived from the record.
    value["export_summary"] = serde_json::Value::Object(
        header_facts(record, content, date_iso).into_iter().map(|(k, v)| (k.to_string(), serde_json::Value::String(v))).collect(),
    );
    if let Some(settings) = integration_settings(&content.service_levels, record.level(), &record.profile, export_day(date_iso)) {
        value["integration_settings"] = settings_json(&settings, &settings_text(content));
    }
    serde_json::to_string_pretty(&value).unwrap_or_else(|_| record::to_json(record))
}

/// The whole reviewed checklist as a Markdown document.
pub fn markdown(record: &ReadinessRecord, content: &Content, date_iso: &str) -> String {
    let checklist = &content.checklist;
    let profile = &record.profile;
    let level = record.level();
    let work = &record.checklist;
    let mut md = String::new();

    md.push_str(&format!("# Launch readiness: {} – {}\n\n", or_dash(&profile.agency), or_dash(&profile.application)));
    md.push_str(&format!("Exported {date_iso} from the Login.gov partner readiness portal.\n\n"));
    md.push_str("## Integration\n\n");
    for (name, value) in header_facts(record, content, date_iso) {
        md.push_str(&format!("- {name}: {}\n", markdown_text(&value)));
    }
    md.push_str("\n## Integration settings to request\n\n");
    match integration_settings(&content.service_levels, level, profile, export_day(date_iso)) {
        Some(settings) => md.push_str(&settings_markdown(&settings, &settings_text(content))),
        None => md.push_str("None yet: no service level is recommended or chosen.\n"),
    }

    let blockers = checklist::blockers(checklist, work, profile, level);
    md.push_str("\n## What blocks launch\n\n");
    if blockers.is_empty() {
        md.push_str("Nothing: every required item that applies is done.\n");
    } else {
        for (phase, item) in &blockers {
            md.push_str(&format!("- {} ({})\n", item.title, phase.title));
        }
    }

    let overall = checklist::overall_progress(checklist, work, profile, level);
    md.push_str(&format!(
        "\n## Progress\n\n{} of {} applicable items complete ({}%): {} done, {} not applicable.\n",
        overall.complete(),
        overall.applicable,
        overall.percent(),
        overall.done,
        overall.not_applicable
    ));
    if overall.required_marked_not_applicable > 0 {
        md.push_str(&format!(
            "\n{} marked not applicable but required here, so still open: the partner alone cannot waive a required item.\n",
            items_phrase(overall.required_marked_not_applicable)
        ));
    }

    for phase in checklist.phases {
        let progress = checklist::phase_progress(phase, work, profile, level);
        md.push_str(&format!("\n## {} ({} of {} complete)\n\n", phase.title, progress.complete(), progress.applicable));
        md.push_str(&sign_off_markdown(&checklist::sign_off_state(checklist, work, profile, level, phase.id)));
        md.push('\n');
        let mut hidden = Vec::new();
        for item in phase.items {
            if !checklist::applies(item, profile, level) {
                hidden.push(item.title);
                continue;
            }
            let w = work.item(item.id);
            let mark = if checklist::completes(item, &w) { "x" } else { " " };
            let status = markdown_text(&checklist::status_text(item, &w));
            md.push_str(&format!("- [{mark}] **{}** ({}): {status}\n", item.title, requirement_label(item.requirement)));
            if !w.note.trim().is_empty() {
                md.push_str(&format!("  - Note: {}\n", markdown_text(&w.note).replace("\n  ", "\n    ")));
            }
            if !w.evidence.trim().is_empty() {
                md.push_str(&format!("  - Evidence: {}\n", markdown_text(&w.evidence)));
            }
        }
        if !hidden.is_empty() {
            md.push_str(&format!("\nNot part of this integration: {}.\n", hidden.join("; ")));
        }
    }

    md.push_str("\n## Overall sign-off\n\n");
    md.push_str(&sign_off_markdown(&checklist::sign_off_state(checklist, work, profile, level, OVERALL)));
    md
}

/// "1 required item is" / "3 required items are".
fn items_phrase(n: usize) -> String {
    if n == 1 {
        "1 required item is".to_string()
    } else {
        format!("{n} required items are")
    }
}

pub const CSV_COLUMNS: [&str; 12] = [
    "Phase",
    "Item id",
    "Item",
    "Requirement",
    "Applies",
    "Status",
    "Counts as complete",
    "Reason not applicable",
    "Note",
    "Evidence",
    "Usually done by",
    "Source",
];

/// The header facts as two-cell rows (name, value), then one row per checklist item
/// (applicable or not) under a header row; CRLF line ends, after a byte-order mark.
pub fn csv(record: &ReadinessRecord, content: &Content, date_iso: &str) -> String {
    let checklist = &content.checklist;
    let level = record.level();
    let row = |cells: &[&str]| cells.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(",");
    // The header facts come first as name/value rows, padded so that every row has the same
    // number of cells: strict CSV readers reject a file whose rows differ in length.
    let padding = [""; CSV_COLUMNS.len() - 2];
    let mut rows: Vec<String> = header_facts(record, content, date_iso)
        .iter()
        .map(|(name, value)| {
            let mut cells = vec![*name, value.as_str()];
            cells.extend(padding);
            row(&cells)
        })
        .collect();
    rows.push(row(&CSV_COLUMNS));
    for phase in checklist.phases {
        for item in phase.items {
            let w = record.checklist.item(item.id);
            let applies = checklist::applies(item, &record.profile, level);
            let complete = if !applies {
                "not part of this integration"
            } else if checklist::completes(item, &w) {
                "yes"
            } else {
                "no"
            };
            let status = checklist::status_text(item, &w);
            rows.push(row(&[
                phase.title,
                item.id,
                item.title,
                requirement_label(item.requirement),
                if applies { "yes" } else { "no" },
                &status,
                complete,
                w.na_reason.as_str(),
                w.note.as_str(),
                w.evidence.as_str(),
                item.owner,
                item.cite.link().or(item.cite.basis.map(|b| b.label())).unwrap_or_default(),
            ]));
        }
    }
    format!("{CSV_BOM}{}\r\n", rows.join("\r\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_never_start_a_formula() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        for bad in [
            "=1+1",
            "+1+1",
            "-1-1",
            "-",
            "@SUM(A1)",
            "\tcmd",
            "\rcmd",
            "\ncmd",
            "\0=1+1",
            "\u{1}=1",
            "  =1+1",
            "=cmd|' /C calc'!A0",
            "-1.",
            "-.5",
            "+1e3",
        ] {
            let cell = csv_cell(bad);
            assert!(cell.starts_with("\"'"), "{bad:?} -> {cell}");
        }
        // Plain numbers keep their sign and stay numbers.
        for number in ["-36", "+1.5", "0", "-0.25", "12", "1.0"] {
            assert_eq!(csv_cell(number), format!("\"{number}\""));
        }
        assert_eq!(csv_cell("plain, text"), "\"plain, text\"");
        assert_eq!(csv_cell("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(csv_cell(""), "\"\"");
    }

    #[test]
    fn markdown_text_is_inert() {
        assert_eq!(markdown_text("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
        assert_eq!(markdown_text("[click](javascript:x)"), "\\[click\\](javascript:x)");
        assert_eq!(markdown_text("# Heading\n- item\n2. step"), "\\# Heading  \n  \\- item  \n  2\\. step");
        assert_eq!(markdown_text("a *b* _c_ | d"), "a \\*b\\* \\_c\\_ \\| d");
        assert_eq!(markdown_text("Tom & Jerry"), "Tom &amp; Jerry");
        assert_eq!(markdown_text("x - y"), "x - y");
        // Setext underlines, `1)` markers and a lone carriage return open no block (issue 14, item 9).
        assert_eq!(markdown_text("Answer\n==="), "Answer  \n  \\===");
        assert_eq!(markdown_text("Answer\n---"), "Answer  \n  \\---");
        assert_eq!(markdown_text("1) step\n\t2) next"), "1\\) step  \n  2\\) next");
        assert_eq!(markdown_text("a\r- b"), "a  \n  \\- b");
        // Found by the property test: a date typed as "<", a line break and "1", then "on {date}.".
        assert_eq!(markdown_text("<\n1"), "&lt;  \n  &#49;");
        assert_eq!(markdown_text("a\n2026"), "a  \n  &#50;026");
        assert_eq!(markdown_line("Agency\n===\nname"), "Agency === name");
    }
}
