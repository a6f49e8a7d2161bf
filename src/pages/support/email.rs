//! `/support/email`: the launch announcement email, filled from the record, in four languages;
//! preview, copy as text or HTML, download as .txt or .eml. It always passes the checker.

use leptos::prelude::*;

use crate::browser;
use crate::components::copy_button::CopyButton;
use crate::components::field::Field;
use crate::components::in_person_question::InPersonQuestion;
use crate::components::page::PageHeading;
use crate::components::radio::Radio;
use crate::components::tick_item::TickItem;
use crate::logic::content::content;
use crate::logic::export::DownloadFile;
use crate::logic::record::ReadinessRecord;
use crate::logic::routes::{HOME, SERVICE_LEVEL, SUPPORT_EMAIL};
use crate::logic::scanner::scan;
use crate::logic::support_links::Attribution;
use crate::logic::templates::{email_file_name, eml, launch_email, mark_values, missing_email_fields, typed_words, EmailInput};
use crate::logic::vocab::Lang;
use crate::store::use_store;

use crate::components::cited::{support_fact, Cited};

fn email_input(r: &ReadinessRecord) -> EmailInput {
    EmailInput {
        agency: r.profile.agency.clone(),
        application: r.profile.application.clone(),
        launch_window: r.support.launch_window.clone(),
        level: r.level(),
        help_desk: r.support.help_desk.clone(),
        lang: Lang::from_id(&r.support.email_lang).unwrap_or(Lang::En),
        attribution: Attribution { agency: r.support.link_agency.clone(), integration: r.support.link_integration.clone() },
        audience: r.profile.audience,
        in_person: r.profile.in_person == Some(crate::logic::vocab::InPerson::Yes),
    }
}

#[component]
pub fn SupportEmailPage() -> impl IntoView {
    let store = use_store();
    let record = store.record;
    let input = Memo::new(move |_| record.with(email_input));
    let email = Memo::new(move |_| input.with(|i| launch_email(i, content().support.links)));
    let known: Vec<&'static str> = content().support.links.iter().map(|l| l.url).collect();
    let check = Memo::new(move |_| email.with(|e| scan(&format!("{}\n{}", e.text, e.html), &known).errors()));
    let missing = Memo::new(move |_| input.with(missing_email_fields));
    let used = RwSignal::new(false);

    let languages = Lang::ALL
        .into_iter()
        .map(|lang| {
            view! {
                <Radio id=format!("email-lang-{}", lang.id()) name="email-lang" value=lang.id() label=lang.label().to_string()
                    checked=Signal::derive(move || input.with(|i| i.lang == lang))
                    on_choose=Callback::new(move |_| record.update(|r| r.support.email_lang = lang.id().to_string())) />
            }
        })
        .collect_view();

    let download = move |extension: &'static str| {
        move |_| {
            let (name, body) = record.with(|r| {
                let e = email.get_untracked();
                let body = if extension == "eml" { eml(&e, input.get_untracked().lang) } else { format!("{}\n\n{}", e.subject, e.text) };
                (email_file_name(&r.profile.agency, &r.profile.application, input.get_untracked().lang, &browser::today_iso(), extension), body)
            });
            let mime = if extension == "eml" { "message/rfc822" } else { "text/plain" };
            if store.offer_download(&DownloadFile { name, mime, body }) {
                used.set(true);
            }
        }
    };
    let on_copied = Callback::new(move |_| used.set(true));

    view! {
        <PageHeading title=SUPPORT_EMAIL.title />
        <p class="usa-intro">"Tell your users, before launch, that they will sign in with Login.gov. The email is filled from your record and links to Login.gov’s pages in the language you choose."</p>
        <p><Cited fact=support_fact("sup-announce-time-frame") />" "<Cited fact=support_fact("sup-announce-link") /></p>
        <p>
            "Agency and application come from "<a class="usa-link" href=format!("{}#profile", HOME.path)>"your integration profile"</a>
            "; the identity-verification paragraph appears for a level that verifies identity (see the "<a class="usa-link" href=SERVICE_LEVEL.path>"service-level guide"</a>"), and the Post Office only where in-person verification is enabled."
        </p>
        <p><Cited fact=support_fact("sup-announcement-guidance") /></p>
        <form class="usa-form usa-form--large" on:submit=|ev| ev.prevent_default()>
            <Field id="email-language" label="Language of the email" group=true let:_control>
                <div class="radio-row">{languages}</div>
            </Field>
            <Field id="launch-window" label="Launch time frame"
                hint="A time frame rather than an exact date, written in the email’s language, for example “in early March 2027”."
                length_of=Signal::derive(move || record.with(|r| r.support.launch_window.clone())) let:control>
                <input class="usa-input" id=control.id aria-describedby=move || control.described_by.get()
                    prop:value=move || record.with(|r| r.support.launch_window.clone())
                    on:input=move |ev| record.update(|r| r.support.launch_window = event_target_value(&ev)) />
            </Field>
            <Show when=move || record.with(|r| r.level().is_some_and(|l| l.verifies_identity()))>
                <InPersonQuestion id="email-in-person" />
            </Show>
            <Field id="help-desk" label="Your help desk" hint="How users reach your agency about the application: an email address or a web page."
                length_of=Signal::derive(move || record.with(|r| r.support.help_desk.clone())) let:control>
                <input class="usa-input" id=control.id aria-describedby=move || control.described_by.get()
                    prop:value=move || record.with(|r| r.support.help_desk.clone())
                    on:input=move |ev| record.update(|r| r.support.help_desk = event_target_value(&ev)) />
            </Field>
        </form>
        {move || {
            let missing = missing.get();
            (!missing.is_empty()).then(|| view! {
                <div class="usa-alert usa-alert--info usa-alert--slim" data-testid="email-missing">
                    <div class="usa-alert__body"><p class="usa-alert__text">{format!("Still to fill in: {}. The preview shows a placeholder in brackets for each.", missing.join(", "))}</p></div>
                </div>
            })
        }}
        <section aria-labelledby="email-preview-heading">
            <h2 id="email-preview-heading">"Preview"</h2>
            <p data-testid="email-check">{move || if check.get() == 0 {
                "Content check: passed. The email has no Contact Center number and links to the contact page.".to_string()
            } else {
                "Content check: the email failed the content checker. Please report this problem.".to_string()
            }}</p>
            <div class="email-preview" lang=move || input.with(|i| i.lang.html_lang()) data-testid="email-preview">
                <p class="email-preview__subject"><strong>{move || email.with(|e| e.subject.clone())}</strong></p>
                // Outside English, what the agency typed is marked: it goes in as typed, so it
                // must already be in the email's language.
                <div class="preserve-lines">{move || {
                    let lang = input.with(|i| i.lang);
                    let typed = if lang == Lang::En { Vec::new() } else { input.with(typed_words) };
                    email.with(|e| mark_values(&e.text, &typed)).into_iter().map(|(part, marked)| if marked {
                        view! { <mark class="typed-value" data-testid="typed-value">{part}<span class="typed-value__note">{format!(" [your text: check it is in {}]", lang.label())}</span></mark> }.into_any()
                    } else {
                        part.into_any()
                    }).collect_view()
                }}</div>
            </div>
            {move || {
                let lang = input.with(|i| i.lang);
                let typed = input.with(typed_words);
                (lang != Lang::En && !typed.is_empty()).then(|| view! {
                    <div class="usa-alert usa-alert--warning usa-alert--slim" data-testid="translate-notice">
                        <div class="usa-alert__body"><p class="usa-alert__text">{format!(
                            "The launch time frame and help-desk contact go into the email exactly as you typed them. Write them in {} for this version; they are marked in the preview.",
                            lang.label()
                        )}</p></div>
                    </div>
                })
            }}
            <div class="export-buttons no-print">
                <CopyButton text=Signal::derive(move || email.with(|e| format!("{}\n\n{}", e.subject, e.text))) label="Copy as plain text" on_copied=on_copied />
                <CopyButton text=Signal::derive(move || email.with(|e| format!("{}\n\n{}", e.subject, e.text))) html=Signal::derive(move || email.with(|e| e.html.clone())) label="Copy as HTML" on_copied=on_copied />
                <button type="button" class="usa-button" on:click=download("txt")>"Download .txt"</button>
                <button type="button" class="usa-button" on:click=download("eml")>"Download .eml (opens as a draft)"</button>
            </div>
            <label class="usa-label" for="email-html">"HTML of the email"</label>
            <textarea class="usa-textarea link-html" id="email-html" readonly prop:value=move || email.with(|e| e.html.clone())></textarea>
        </section>
        <TickItem item_id="chk-announcement" ready=used evidence="Launch announcement email written with the portal" />
    }
}
