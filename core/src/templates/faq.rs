//! The agency FAQ for a help desk, from the bundled content, as Markdown and HTML.

use crate::conditions::{condition_holds, WhenUnknown};
use crate::content::{Contact, LinkKind, SupportFile};
use crate::export::{markdown_line, markdown_text};
use crate::support_links::{base_url, link_html};
use crate::text::html_escape;
use crate::vocab::{Lang, Level, Profile};

use super::email::{fill, or_placeholder};

/// One FAQ entry with the agency's names filled in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FaqItem {
    pub id: String,
    pub question: String,
    pub answer: String,
}

pub(super) const FAQ_PH_AGENCY: &str = "[agency name]";
pub(super) const FAQ_PH_APPLICATION: &str = "[application name]";

/// The FAQ entries that apply to this integration, as plain text, with the profile's agency and
/// application filled in. An entry with a condition is included only when the condition is
/// known to hold: the FAQ tells users what is true of this application.
pub fn faq_items(support: &SupportFile, profile: &Profile, level: Option<Level>) -> Vec<FaqItem> {
    faq_with(support, profile, level, &|t: &str| t.to_string(), &|v: &str| v.to_string())
}

pub(super) fn faq_with(
    support: &SupportFile,
    profile: &Profile,
    level: Option<Level>,
    literal: &dyn Fn(&str) -> String,
    value: &dyn Fn(&str) -> String,
) -> Vec<FaqItem> {
    let agency = value(&or_placeholder(&profile.agency, FAQ_PH_AGENCY));
    let application = value(&or_placeholder(&profile.application, FAQ_PH_APPLICATION));
    let values = [("agency", agency.as_str()), ("application", application.as_str())];
    support
        .faq
        .iter()
        .filter(|entry| entry.condition.as_ref().is_none_or(|c| condition_holds(c, profile, level, WhenUnknown::Fails)))
        .map(|entry| FaqItem {
            id: entry.id.to_string(),
            question: fill(entry.question, &values, literal),
            answer: fill(entry.answer, &values, literal),
        })
        .collect()
}

pub(super) fn routed(support: &SupportFile, contact: Contact) -> impl Iterator<Item = &'static str> + '_ {
    support.routing.iter().filter(move |r| r.contact == contact).map(|r| r.topic)
}

/// The FAQ as a Markdown document, every line inert: user text cannot add markup.
pub fn faq_markdown(support: &SupportFile, profile: &Profile, level: Option<Level>) -> String {
    // Lines are escaped whole (content and values alike), after filling in the plain values.
    let items = faq_items(support, profile, level);
    let agency = or_placeholder(&profile.agency, FAQ_PH_AGENCY);
    let application = or_placeholder(&profile.application, FAQ_PH_APPLICATION);
    let contact = base_url(support.links, LinkKind::Contact, Lang::En);
    let mut out = format!("# {}\n\n", markdown_line(&format!("Frequently asked questions about signing in to {application} with Login.gov")));
    for item in &items {
        out.push_str(&format!("## {}\n\n{}\n\n", markdown_line(&item.question), markdown_text(&item.answer)));
    }
    out.push_str("## Where to send questions\n\n");
    out.push_str(&format!("Contact Login.gov ([login.gov/contact]({contact})) for:\n\n"));
    for topic in routed(support, Contact::LoginGov) {
        out.push_str(&format!("- {}\n", markdown_text(topic)));
    }
    out.push_str(&format!("\nContact {} for:\n\n", markdown_text(&agency)));
    for topic in routed(support, Contact::Agency) {
        out.push_str(&format!("- {}\n", markdown_text(topic)));
    }
    out
}

/// The FAQ as an HTML fragment, `<section lang="en">`, everything from content or the agency escaped.
pub fn faq_html(support: &SupportFile, profile: &Profile, level: Option<Level>) -> String {
    let escape = |t: &str| html_escape(t);
    let items = faq_with(support, profile, level, &escape, &escape);
    let agency = html_escape(&or_placeholder(&profile.agency, FAQ_PH_AGENCY));
    let application = html_escape(&or_placeholder(&profile.application, FAQ_PH_APPLICATION));
    let contact = base_url(support.links, LinkKind::Contact, Lang::En);
    let mut out = String::from("<section lang=\"en\">\n");
    out.push_str(&format!("<h2>Frequently asked questions about signing in to {application} with Login.gov</h2>\n"));
    for item in &items {
        out.push_str(&format!("<h3>{}</h3>\n<p>{}</p>\n", item.question, item.answer));
    }
    out.push_str("<h3>Where to send questions</h3>\n");
    out.push_str(&format!("<p>Contact Login.gov ({}) for:</p>\n<ul>\n", link_html(contact, "login.gov/contact", Lang::En)));
    for topic in routed(support, Contact::LoginGov) {
        out.push_str(&format!("<li>{}</li>\n", html_escape(topic)));
    }
    out.push_str(&format!("</ul>\n<p>Contact {agency} for:</p>\n<ul>\n"));
    for topic in routed(support, Contact::Agency) {
        out.push_str(&format!("<li>{}</li>\n", html_escape(topic)));
    }
    out.push_str("</ul>\n</section>\n");
    out
}
