//! `/support/checker`: paste a draft help page, FAQ or email; the scanner reports the Contact
//! Center number (an error), other numbers, the contact link and its language, and unknown
//! Login.gov links, each with its excerpt and line.

use leptos::prelude::*;

use crate::components::field::Field;
use crate::components::page::PageHeading;
use crate::components::tick_item::TickItem;
use crate::logic::content::content;
use crate::logic::routes::SUPPORT_CHECKER;
use crate::logic::scanner::{scan, FindingGroup, ScanReport, Severity};

/// More findings than this are summarised, so a huge paste cannot flood the page (or make each
/// keystroke slow to render); the most important come first.
const MAX_SHOWN: usize = 50;

fn severity_label(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "Error",
        Severity::Warning => "Warning",
        Severity::Info => "Note",
    }
}

#[component]
fn FindingView(group: FindingGroup) -> impl IntoView {
    let place = group.place();
    let times = (group.count > 1).then(|| format!(" ({} times)", group.count));
    let finding = group.first;
    let class = match finding.severity {
        Severity::Error => "finding finding--error",
        Severity::Warning => "finding finding--warning",
        Severity::Info => "finding finding--info",
    };
    view! {
        <li class=class>
            <strong>{severity_label(finding.severity)}": "</strong>
            {place}
            {(!finding.excerpt.is_empty()).then(|| view! { <code class="finding__excerpt">{finding.excerpt.clone()}</code>" " })}
            {finding.message.clone()}
            {times}
            {finding.fix.clone().map(|fix| view! { " "<span class="finding__fix">{fix}</span> })}
        </li>
    }
}

#[component]
pub fn SupportCheckerPage() -> impl IntoView {
    let text = RwSignal::new(String::new());
    let known: Vec<&'static str> = content().support.links.iter().map(|l| l.url).collect();
    let report = Memo::new(move |_| text.with(|t| (!t.trim().is_empty()).then(|| scan(t, &known))));
    let clean_with_link = Signal::derive(move || report.with(|r| r.as_ref().is_some_and(|r| r.is_clean() && r.links_to_contact)));

    let summary = move || {
        report.with(|r| {
            r.as_ref().map(|r: &ScanReport| {
                let errors = r.errors();
                let headline = if errors == 0 {
                    "No Contact Center number found.".to_string()
                } else if errors == 1 {
                    "1 error: the Login.gov Contact Center number appears in this text.".to_string()
                } else {
                    format!("{errors} errors: the Login.gov Contact Center number appears in this text.")
                };
                let language = match (r.language, r.language_from_markup) {
                    (Some(l), true) => format!("The HTML says the text is {}.", l.label()),
                    (Some(l), false) => format!("The text looks {}.", l.label()),
                    (None, _) => "The text’s language could not be told: add a lang attribute, such as lang=\"es\", to say it.".into(),
                };
                let contact =
                    if r.links_to_contact { "It links to the Login.gov contact page." } else { "It does not link to the Login.gov contact page." };
                (errors, format!("{headline} {}. {language} {contact}", r.warnings_and_notes()))
            })
        })
    };
    let findings = move || {
        report.with(|r| {
            r.as_ref().map(|r| {
                let groups = r.grouped(usize::MAX);
                let total = groups.len();
                let shown: Vec<FindingGroup> = groups.into_iter().take(MAX_SHOWN).collect();
                view! {
                    <ul class="usa-list findings" data-testid="findings">
                        {shown.into_iter().map(|g| view! { <FindingView group=g /> }).collect_view()}
                    </ul>
                    {(total > MAX_SHOWN).then(|| view! { <p>{match total - MAX_SHOWN {
                        1 => "1 more finding is not shown. Fix the ones above and check again.".to_string(),
                        n => format!("{n} more findings are not shown. Fix the ones above and check again."),
                    }}</p> })}
                }
            })
        })
    };

    view! {
        <PageHeading title=SUPPORT_CHECKER.title />
        <p class="usa-intro">"Paste the text or HTML of a draft help page, FAQ or email. The checker finds the Login.gov Contact Center phone number in any form (any separators, HTML tags or character references between the digits, other digit forms, digits written as words or as phone-keypad letters), other phone numbers, and Login.gov links that are missing, in the wrong language or unknown."</p>
        <p>"The text stays in this page: it is not saved or sent anywhere."</p>
        <form class="usa-form usa-form--large checker-form" on:submit=|ev| ev.prevent_default()>
            <Field id="checker-input" label="Text or HTML to check" hint="The result updates as you paste or type." let:control>
                // Uncontrolled: the text only ever comes from the user, and writing a 100 KB paste
                // back into the field on every keystroke would double the work of each update.
                <textarea class="usa-textarea checker-input" id=control.id
                    aria-describedby=move || control.described_by.get().map(|ids| format!("{ids} checker-summary"))
                    on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </Field>
        </form>
        <section aria-labelledby="checker-result-heading" class="checker-result">
            <h2 id="checker-result-heading">"Result"</h2>
            <div id="checker-summary" role="status" data-testid="checker-summary">
                {move || match summary() {
                    None => view! { <p>"Nothing checked yet."</p> }.into_any(),
                    Some((errors, text)) => {
                        let class = if errors > 0 { "usa-alert usa-alert--error usa-alert--slim" } else { "usa-alert usa-alert--success usa-alert--slim" };
                        view! {
                        <div class=class>
                            <div class="usa-alert__body"><p class="usa-alert__text">{text}</p></div>
                        </div>
                    }.into_any()
                    }
                }}
            </div>
            {findings}
        </section>
        <TickItem item_id="chk-no-phone-number" ready=clean_with_link evidence="Checked with the portal’s content checker: no Contact Center number, links to the contact page" />
    }
}
