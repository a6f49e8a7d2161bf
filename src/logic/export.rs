//! Exports of the reviewed checklist: Markdown for people, CSV for spreadsheets. The JSON
//! export is the record itself (`record::to_json`). User text is escaped for each format:
//! Markdown cannot smuggle HTML or structure, and CSV cells cannot run as formulas.

use super::checklist::{self, ItemStatus, SignOff, OVERALL};
use super::content::{ChecklistFile, Content, Requirement};
use super::record::{self, ReadinessRecord};
use super::settings::{integration_settings, settings_json, settings_markdown};

pub fn requirement_label(requirement: Requirement) -> &'static str {
    match requirement {
        Requirement::Required => "required",
        Requirement::Recommended => "recommended",
    }
}

/// Escapes user text for Markdown: HTML is shown as text, emphasis, links and headings are
/// literal, and each line break continues the current list item instead of starting a block.
pub fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.trim().lines().enumerate() {
        if i > 0 {
            out.push_str("  \n  ");
        }
        let line = line.trim_end();
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
                '-' | '+' if at_start => {
                    out.push('\\');
                    out.push(c);
                }
                d if at_start && d.is_ascii_digit() => {
                    // "1." at a line start would begin an ordered list.
                    out.push(d);
                    while let Some(next) = chars.peek().copied().filter(char::is_ascii_digit) {
                        out.push(next);
                        chars.next();
                    }
                    if chars.peek() == Some(&'.') {
                        chars.next();
                        out.push_str("\\.");
                    }
                }
                ' ' if at_start => {}
                c => out.push(c),
            }
            at_start = at_start && c == ' ';
        }
    }
    out
}

fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_string()
    } else {
        markdown_text(text)
    }
}

fn sign_off_markdown(sign_off: Option<&SignOff>, stale: bool) -> String {
    match sign_off {
        None => "Sign-off: not signed off yet.\n".to_string(),
        Some(s) => {
            let mut line = format!(
                "Sign-off: **{}** by {} ({}) on {}.",
                s.decision.label(),
                markdown_text(&s.reviewer),
                markdown_text(&s.role),
                markdown_text(&s.date)
            );
            if !s.comments.trim().is_empty() {
                line.push_str(&format!(" Comments: {}", markdown_text(&s.comments)));
            }
            if stale {
                line.push_str(" **Stale: the work changed after this sign-off.**");
            }
            line.push('\n');
            line
        }
    }
}

/// The text of a settings note or trap, by id.
fn settings_text(content: &Content) -> impl Fn(&str) -> String + '_ {
    move |id: &str| content.service_levels.fact(id).map(|f| f.text.clone()).unwrap_or_default()
}

/// The record as exported: the record itself (what import reads back), plus the integration
/// settings card for its level, which import ignores because it is derived.
pub fn record_json(record: &ReadinessRecord, content: &Content) -> String {
    let mut value = serde_json::to_value(record).expect("a record always serialises");
    if let Some(settings) = integration_settings(&content.service_levels, record.level(), &record.profile) {
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
    let (level_text, override_reason) = record.level_summary();
    let mut md = String::new();

    md.push_str(&format!("# Launch readiness: {} – {}\n\n", or_dash(&profile.agency), or_dash(&profile.application)));
    md.push_str(&format!("Exported {date_iso} from the Login.gov partner readiness portal.\n\n"));
    md.push_str("## Integration\n\n");
    md.push_str(&format!("- Agency: {}\n", or_dash(&profile.agency)));
    md.push_str(&format!("- Application: {}\n", or_dash(&profile.application)));
    md.push_str(&format!("- Agency type: {}\n", profile.partner_type.map(|p| p.label()).unwrap_or("—")));
    md.push_str(&format!("- Protocol: {}\n", profile.protocol.map(|p| p.label()).unwrap_or("—")));
    md.push_str(&format!("- Who signs in: {}\n", profile.audience.map(|a| a.label()).unwrap_or("—")));
    md.push_str(&format!("- Service level: {level_text}\n"));
    if let Some(reason) = override_reason {
        md.push_str(&format!("- Reason for the chosen level: {}\n", or_dash(&reason)));
    }

    md.push_str("\n## Integration settings to request\n\n");
    match integration_settings(&content.service_levels, level, profile) {
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

    for phase in &checklist.phases {
        let progress = checklist::phase_progress(phase, work, profile, level);
        md.push_str(&format!("\n## {} ({} of {} complete)\n\n", phase.title, progress.complete(), progress.applicable));
        let fingerprint = checklist::fingerprint(checklist, work, profile, level, &phase.id);
        let sign_off = work.sign_offs.get(&phase.id);
        md.push_str(&sign_off_markdown(sign_off, sign_off.is_some_and(|s| checklist::is_stale(s, &fingerprint))));
        md.push('\n');
        let mut hidden = Vec::new();
        for item in &phase.items {
            if !checklist::applies(item, profile, level) {
                hidden.push(item.title.as_str());
                continue;
            }
            let w = work.item(&item.id);
            let mark = if w.status == ItemStatus::Done { "x" } else { " " };
            let status = match w.status {
                ItemStatus::NotApplicable => format!("Not applicable: {}", or_dash(&w.na_reason)),
                other => other.label().to_string(),
            };
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

    let fingerprint = checklist::fingerprint(checklist, work, profile, level, OVERALL);
    let overall_sign_off = work.sign_offs.get(OVERALL);
    md.push_str("\n## Overall sign-off\n\n");
    md.push_str(&sign_off_markdown(overall_sign_off, overall_sign_off.is_some_and(|s| checklist::is_stale(s, &fingerprint))));
    md
}

/// One CSV cell: a cell a spreadsheet would run as a formula (it begins with `=`, `+`, `-`,
/// `@`, a tab or a carriage return) gets a leading apostrophe, and every cell is quoted.
pub fn csv_cell(text: &str) -> String {
    let neutral = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_string() };
    format!("\"{}\"", neutral.replace('"', "\"\""))
}

pub const CSV_COLUMNS: [&str; 11] =
    ["Phase", "Item id", "Item", "Requirement", "Applies", "Status", "Reason not applicable", "Note", "Evidence", "Usually done by", "Source"];

/// One row per checklist item (applicable or not), with a header row; CRLF line ends.
pub fn csv(record: &ReadinessRecord, checklist: &ChecklistFile) -> String {
    let level = record.level();
    let mut rows = vec![CSV_COLUMNS.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(",")];
    for phase in &checklist.phases {
        for item in &phase.items {
            let w = record.checklist.item(&item.id);
            let applies = checklist::applies(item, &record.profile, level);
            let cells = [
                phase.title.as_str(),
                item.id.as_str(),
                item.title.as_str(),
                requirement_label(item.requirement),
                if applies { "yes" } else { "no" },
                w.status.label(),
                w.na_reason.as_str(),
                w.note.as_str(),
                w.evidence.as_str(),
                item.owner.as_str(),
                item.source.as_str(),
            ];
            rows.push(cells.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(","));
        }
    }
    rows.join("\r\n") + "\r\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_never_start_a_formula() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        for bad in ["=1+1", "+1", "-1", "@SUM(A1)", "\tcmd", "\rcmd", "=cmd|' /C calc'!A0"] {
            let cell = csv_cell(bad);
            assert!(cell.starts_with("\"'"), "{bad:?} -> {cell}");
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
    }
}
