//! `/support`: what an agency help-desk lead needs to know about Login.gov's user support.

use leptos::prelude::*;

use crate::components::cited::{support_fact, Cited, SourceLink};
use crate::components::page::PageHeading;
use crate::logic::content::content;
use crate::logic::content::{AgentLimit, Instead};
use crate::logic::routes::{SUPPORT, SUPPORT_CHECKER, SUPPORT_EMAIL, SUPPORT_FAQ, SUPPORT_LINKS};

#[component]
pub fn SupportOverviewPage() -> impl IntoView {
    let support = &content().support;
    view! {
        <PageHeading title=SUPPORT.title />
        <p class="usa-intro">"For your agency’s help-desk lead: how Login.gov supports your users, what its agents can and cannot do, and what your own help desk must be ready for."</p>

        <div class="usa-alert usa-alert--error phone-rule" role="region" aria-labelledby="phone-rule-heading">
            <div class="usa-alert__body">
                <h2 class="usa-alert__heading" id="phone-rule-heading">"Never publish the Login.gov Contact Center phone number"</h2>
                <p class="usa-alert__text"><Cited fact=support_fact("sup-never-publish") /></p>
                <p class="usa-alert__text"><Cited fact=support_fact("sup-why-not-publish") /></p>
                <p class="usa-alert__text">
                    "Use the "<a class="usa-link" href=SUPPORT_LINKS.path>"link builder"</a>" for the right links, and run your help pages through the "
                    <a class="usa-link" href=SUPPORT_CHECKER.path>"content checker"</a>" before you publish them."
                </p>
            </div>
        </div>

        <h2>"How users get help from Login.gov"</h2>
        <ul class="usa-list channel-list">
            {support
                .channels
                .iter()
                .map(|channel| view! {
                    <li>
                        <strong>{channel.name}</strong>". "{channel.text}" "
                        <span class="channel-languages">"Languages: "{channel.languages.join(", ")}". "</span>
                        <SourceLink cite=channel.cite about=channel.name.to_string() />
                    </li>
                })
                .collect_view()}
        </ul>
        <p><Cited fact=support_fact("sup-contact-rate") />" "<Cited fact=support_fact("sup-channel-split") /></p>

        <h2>"What Login.gov agents cannot do, and who does it instead"</h2>
        <p>"Login.gov’s agents cannot do these things. Most of them your help desk cannot do either: tell users which of the three it is."</p>
        <h3>"Users do these themselves, with the help center"</h3>
        <ul class="usa-list" data-testid="agent-cannot-user">{limits(Instead::User)}</ul>
        <h3>"Only your agency handles these"</h3>
        <ul class="usa-list" data-testid="agent-cannot-agency">{limits(Instead::Agency)}</ul>
        <h3>"Nobody can do these, your help desk included"</h3>
        <ul class="usa-list" data-testid="agent-cannot-nobody">{limits(Instead::Nobody)}</ul>
        <p data-testid="nobody-can"><Cited fact=support_fact("sup-nobody-can") /></p>

        <h2>"Redirects and escalations"</h2>
        <p><Cited fact=support_fact("sup-redirects") /></p>
        <p><Cited fact=support_fact("sup-escalations") /></p>
        <p>"Write agency-specific knowledge articles and email templates for the users Login.gov sends back to you, and agree on an escalation path for integration issues with your Login.gov account manager."</p>

        <h2>"Which email address your agency receives"</h2>
        <p><Cited fact=support_fact("sup-email-choice") /></p>

        <h2>"Outages"</h2>
        <p><Cited fact=support_fact("sup-status") /></p>

        <h2>"Getting ready for launch"</h2>
        <ul class="usa-list">
            <li><Cited fact=support_fact("sup-partner-resources") />" "<Cited fact=support_fact("sup-login-gov-answers") /></li>
            <li><Cited fact=support_fact("sup-announce-time-frame") />" "<Cited fact=support_fact("sup-announce-link") />" "<a class="usa-link" href=SUPPORT_EMAIL.path>"Write the launch email"</a>"."</li>
            <li><Cited fact=support_fact("sup-go-live") /></li>
            <li><Cited fact=support_fact("sup-agency-parameters") />" "<Cited fact=support_fact("sup-parameters-contact-form") /></li>
            <li>"Give your help desk the "<a class="usa-link" href=SUPPORT_FAQ.path>"agency FAQ"</a>" and the list above of what Login.gov agents cannot do."</li>
        </ul>
    }
}

/// What agents cannot do that falls to `who`, each with its source and, for what users do
/// themselves, the help-center articles that show them how.
fn limits(who: Instead) -> impl IntoView {
    let content = content();
    content
        .support
        .limits_for(who)
        .map(|limit: &'static AgentLimit| {
            let help = limit.help.iter().map(|url| {
                let title = content.source_by_url(url).map_or(*url, |s| s.title.trim_start_matches("Login.gov help center: "));
                view! { " "<a class="usa-link" href=*url rel="external noopener">{title}</a> }
            });
            view! { <li>{limit.text}{help.collect_view()}" "<SourceLink cite=limit.cite about=limit.text.to_string() /></li> }
        })
        .collect_view()
}
