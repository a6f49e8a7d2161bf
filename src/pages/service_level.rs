//! `/service-level`: explains Login.gov's three service levels, asks the decision questions,
//! shows the recommendation with its reasons and consequences, records the agency's choice,
//! and ends in the exact settings to request for it.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::browser;
use crate::components::cited::{Cited, SourceLink};
use crate::components::field::Field;
use crate::components::in_person_question::InPersonQuestion;
use crate::components::page::PageHeading;
use crate::components::radio::Radio;
use crate::components::settings_card::SettingsCard;
use crate::logic::content::{content, Fact};
use crate::logic::routes::SERVICE_LEVEL;
use crate::logic::service_level::{decode_query, encode_query, in_person_fact, override_reason_error, Answer, Question, SharedAnswers};
use crate::logic::vocab::Audience;
use crate::logic::vocab::Level;
use crate::store::{use_store, NoticeKind};

fn fact(id: &str) -> &'static Fact {
    content().service_levels.fact(id).unwrap_or_else(|| panic!("service_levels.json has no fact {id}; the host tests check every id the code uses"))
}

#[component]
pub fn ServiceLevelPage() -> impl IntoView {
    view! {
        <PageHeading title=SERVICE_LEVEL.title />
        <p class="usa-intro"><Cited named=true fact=fact("sl-three-levels") /></p>
        <p>"Answer five questions about your application: the portal recommends a level, says why and what it asks of your agency, and ends with the exact settings to request."</p>
        <SharedLinkOffer />
        <Explainer />
        <DecisionQuestions />
        <RecommendationPanel />
        <AgencyDecision />
        <SettingsCard heading_id="settings-heading" />
        <ShareLink />
    }
}

/// Login.gov's levels side by side, the AAL setting, authentication versus authorization, and
/// the MFA options.
#[component]
fn Explainer() -> impl IntoView {
    let levels = &content().service_levels;
    let card = |level: &'static crate::logic::content::LevelEntry| {
        view! {
            <article class="level-card" class:level-card--other=!level.main_choice aria-labelledby=format!("level-{}", level.id.id())>
                <h3 id=format!("level-{}", level.id.id())>{level.name}": "{level.title}</h3>
                <h4>"What users do"</h4>
                <p>{level.user_does}</p>
                <h4>"What your agency gets"</h4>
                <p>{level.agency_gets}</p>
                <h4>"When to choose it"</h4>
                <p>{level.when_to_choose}</p>
                {(!level.not_ial2.is_empty()).then(|| view! { <h4>"Why it is not IAL2"</h4><p>{level.not_ial2}</p> })}
                <h4>"What it asks of your agency"</h4>
                <ul class="usa-list">
                    {level.obligations.iter().map(|o| view! { <li>{*o}</li> }).collect_view()}
                </ul>
                <p><SourceLink cite=level.cite named=true /></p>
            </article>
        }
    };
    view! {
        <section aria-labelledby="levels-heading">
            <h2 id="levels-heading">"Login.gov’s service levels"</h2>
            <div class="level-compare">
                {levels.levels.iter().filter(|l| l.main_choice).map(card).collect_view()}
            </div>
            <p class="basic-verification"><Cited named=true fact=fact("sl-basic-not-ial2") />" "<Cited named=true fact=fact("sl-basic-price") /></p>
            <div class="level-compare level-compare--other">
                {levels.levels.iter().filter(|l| !l.main_choice).map(card).collect_view()}
            </div>
            <h3>"Identity documents"</h3>
            <p><Cited named=true fact=fact("sl-idv-documents") />" "<Cited named=true fact=fact("sl-idv-needs") /></p>
            <p><Cited named=true fact=fact("sl-idv-documents-faq") /></p>
            <p><Cited named=true fact=fact("sl-facial-match-again") /></p>
            <h3>"Verifying in person"</h3>
            <InPersonAnswer />
            <h3>"AAL is a setting you choose"</h3>
            <p><Cited named=true fact=fact("sl-aal-is-a-setting") /></p>
            <p><Cited named=true fact=fact("sl-no-single-factor") /></p>
            <h3>"Authentication, not authorization"</h3>
            <p><Cited named=true fact=fact("sl-no-authorization") /></p>
            <h3>"Multi-factor options within AAL2"</h3>
            <p><Cited named=true fact=fact("sl-no-aal3") />" "<Cited named=true fact=fact("sl-mfa-per-request") /></p>
            <ul class="usa-list">
                {levels
                    .auth_options
                    .iter()
                    .map(|option| {
                        view! {
                            <li>
                                <strong>{option.name}</strong>" ("{option.methods}"). "{option.when}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p><Cited named=true fact=fact("sl-rev3") /></p>
        </section>
    }
}

/// What the guide says about verifying in person for the profile's answer, and the question.
#[component]
fn InPersonAnswer() -> impl IntoView {
    let record = use_store().record;
    // Any level that verifies identity: the explainer speaks of both basic and IAL2.
    let text =
        move || record.with(|r| in_person_fact(Some(Level::Ial2Aal2), r.profile.in_person)).map(|id| view! { <Cited named=true fact=fact(id) /> });
    view! {
        <p data-testid="in-person-text">{text}</p>
        <form class="usa-form usa-form--large" on:submit=|ev| ev.prevent_default()>
            <InPersonQuestion id="service-level-in-person" />
        </form>
    }
}

/// One radio group per question, each with a "not sure" choice.
#[component]
fn DecisionQuestions() -> impl IntoView {
    let record = use_store().record;
    let questions = content()
        .service_levels
        .questions
        .iter()
        .filter_map(|q| Question::ALL.into_iter().find(|known| known.id() == q.id).map(|known| (known, q)))
        .map(|(question, text)| {
            let name = format!("q-{}", question.id());
            let choices = Answer::ALL
                .into_iter()
                .map(|answer| {
                    view! {
                        <Radio id=format!("{name}-{}", answer.id()) name=name.clone() value=answer.id() label=answer.label().to_string()
                            checked=Signal::derive(move || record.with(|r| r.service_level.answers.get(question) == Some(answer)))
                            on_choose=Callback::new(move |_| record.update(|r| r.service_level.answers.set(question, Some(answer)))) />
                    }
                })
                .collect_view();
            view! {
                <Field id=name.clone() label=text.prompt hint=text.hint group=true class="decision-question" let:_control>
                    <div class="radio-row">{choices}</div>
                </Field>
            }
        })
        .collect_view();

    let audience_choices = Audience::ALL
        .into_iter()
        .map(|audience| {
            view! {
                <Radio id=format!("q-audience-{}", audience.id()) name="q-audience" value=audience.id() label=audience.label().to_string()
                    checked=Signal::derive(move || record.with(|r| r.profile.audience == Some(audience)))
                    on_choose=Callback::new(move |_| record.update(|r| r.profile.audience = Some(audience))) />
            }
        })
        .collect_view();

    view! {
        <section aria-labelledby="questions-heading">
            <h2 id="questions-heading">"Questions about your application"</h2>
            <p><Cited named=true fact=fact("sl-ial1-all-no") />" "<Cited named=true fact=fact("sl-ial2-any-yes") /></p>
            <form class="usa-form usa-form--large decision-form" on:submit=|ev| ev.prevent_default()>
                {questions}
                <Field id="q-audience" label="Who will sign in to your application?" group=true class="decision-question"
                    hint="This is the same answer as in your integration profile on the home page." let:_control>
                    <div class="radio-row">{audience_choices}</div>
                </Field>
            </form>
        </section>
    }
}

#[component]
fn RecommendationPanel() -> impl IntoView {
    let record = use_store().record;
    let recommendation = Memo::new(move |_| record.with(|r| r.recommendation()));
    let auth_options = &content().service_levels.auth_options;

    let level_line = move || match recommendation.with(|r| r.level) {
        Some(level) => {
            view! { <p class="recommendation__level" data-testid="recommended-level">"Recommended level: "<strong>{level.name()}</strong></p> }
                .into_any()
        }
        None => {
            view! { <p class="recommendation__level" data-testid="recommended-level">"No level recommended yet: see what to find out below."</p> }
                .into_any()
        }
    };
    let auth_line = move || {
        recommendation.with(|r| r.auth_option).and_then(|option| auth_options.iter().find(|o| o.id == option.id())).map(|option| {
            view! { <p data-testid="recommended-auth">"Recommended authentication: "<strong>{option.name}</strong></p> }
        })
    };
    let reasons = move || recommendation.with(|r| r.reasons.clone()).into_iter().map(|reason| view! { <li>{reason}</li> }).collect_view();
    let guidance = move || {
        let items = recommendation.with(|r| r.guidance.clone());
        (!items.is_empty()).then(|| {
            view! {
                <h3>"What to find out"</h3>
                <ul class="usa-list" data-testid="guidance">{items.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}</ul>
            }
        })
    };
    let consequences = move || {
        recommendation
            .with(|r| r.consequences.clone())
            .into_iter()
            .chain(record.with(|r| in_person_fact(recommendation.with(|rec| rec.level), r.profile.in_person)))
            .map(|id| view! { <li><Cited named=true fact=fact(id) /></li> })
            .collect_view()
    };

    view! {
        <section aria-labelledby="recommendation-heading" class="recommendation">
            <h2 id="recommendation-heading">"Recommendation"</h2>
            <div aria-live="polite" aria-atomic="true">
                {level_line}
                {auth_line}
            </div>
            // A heading only over something: no answers yet means no reasons and no consequences.
            {move || recommendation.with(|r| !r.reasons.is_empty()).then(|| view! {
                <h3>"Why"</h3>
                <ul class="usa-list" data-testid="reasons">{reasons}</ul>
            })}
            {guidance}
            {move || recommendation.with(|r| !r.consequences.is_empty()).then(|| view! {
                <h3>"What this level asks of your agency"</h3>
                <ul class="usa-list" data-testid="consequences">{consequences}</ul>
            })}
            <p class="decides"><Cited named=true fact=fact("sl-risk-assessment-decides") />" "<Cited named=true fact=fact("sl-portal-recommends") /></p>
        </section>
    }
}

/// The agency's choice: follow the recommendation or choose a level, with a reason when it differs.
#[component]
fn AgencyDecision() -> impl IntoView {
    let record = use_store().record;
    let recommended = Memo::new(move |_| record.with(|r| r.recommendation().level));
    let error =
        Memo::new(move |_| record.with(|r| override_reason_error(r.service_level.chosen, recommended.get(), &r.service_level.override_reason)));
    let needs_reason = move || record.with(|r| r.service_level.chosen.is_some_and(|c| Some(c) != recommended.get()));

    let follow_label = move || match recommended.get() {
        Some(level) => format!("Follow the recommendation ({})", level.name()),
        None => "Follow the recommendation (none yet)".to_string(),
    };
    let option = move |chosen: Option<Level>, label: Signal<String>| {
        view! {
            <Radio id=format!("chosen-{}", chosen.map(|l| l.id()).unwrap_or("follow")) name="chosen-level" value=chosen.map(|l| l.id()).unwrap_or("follow") label=label
                checked=Signal::derive(move || record.with(|r| r.service_level.chosen == chosen))
                on_choose=Callback::new(move |_| record.update(|r| r.service_level.chosen = chosen)) />
        }
    };
    let effective = move || {
        record
            .with(|r| r.level())
            .map(|level| format!("The rest of the portal uses {}.", level.name()))
            .unwrap_or_else(|| "Until a level is recommended or chosen, the checklist shows the items of every level.".to_string())
    };

    view! {
        <section aria-labelledby="decision-heading">
            <h2 id="decision-heading">"Your agency’s decision"</h2>
            <form class="usa-form usa-form--large" on:submit=|ev| ev.prevent_default()>
                <Field id="chosen-level" label="Which level will your agency use?" group=true let:_control>
                    {option(None, Signal::derive(follow_label))}
                    {Level::ALL.into_iter().map(|level| option(Some(level), Signal::derive(move || level.name().to_string()))).collect_view()}
                </Field>
                <Show when=needs_reason>
                    <Field id="override-reason" label="Why does your agency choose this level?"
                        hint="For example, the finding of your digital identity risk assessment. Your reviewer sees this."
                        error=Signal::derive(move || error.get().map(str::to_string))
                        length_of=Signal::derive(move || record.with(|r| r.service_level.override_reason.clone())) let:control>
                        <textarea class="usa-textarea" id=control.id aria-describedby=move || control.described_by.get() aria-invalid=move || control.invalid.get()
                            prop:value=move || record.with(|r| r.service_level.override_reason.clone())
                            on:input=move |ev| record.update(|r| r.service_level.override_reason = event_target_value(&ev))
                        ></textarea>
                    </Field>
                </Show>
                <p data-testid="effective-level">{effective}</p>
            </form>
        </section>
    }
}

/// A link that restores these answers in any browser, with a copy button.
#[component]
fn ShareLink() -> impl IntoView {
    let store = use_store();
    let link = Memo::new(move |_| {
        store.record.with(|r| {
            let query = encode_query(&SharedAnswers {
                answers: r.service_level.answers,
                audience: r.profile.audience,
                chosen: r.service_level.chosen,
                reason: r.service_level.override_reason.clone(),
            });
            format!("{}{}?{query}", browser::origin(), SERVICE_LEVEL.path)
        })
    });
    let copied = RwSignal::new(None::<String>);
    let copy = move |_| {
        let text = link.get_untracked();
        leptos::task::spawn_local(async move {
            copied.set(Some(match browser::copy_text(&text).await {
                Ok(()) => "Link copied.".to_string(),
                Err(reason) => format!("Copying did not work ({reason}): select the link and copy it."),
            }));
        });
    };
    view! {
        <section aria-labelledby="share-heading" class="no-print">
            <h2 id="share-heading">"Share these answers"</h2>
            <p>"Anyone who opens this link sees the same answers and recommendation, and the level you chose with your reason for it. It does not hold your agency or application name."</p>
            <label class="usa-label" for="share-link">"Link to these answers"</label>
            <input class="usa-input share-link" id="share-link" readonly prop:value=move || link.get() on:focus=|ev| {
                use wasm_bindgen::JsCast;
                if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                    input.select();
                }
            } />
            <button type="button" class="usa-button usa-button--outline" on:click=copy>"Copy link"</button>
            <p role="status">{move || copied.get()}</p>
        </section>
    }
}

/// When the page is opened from a share link: fill in its answers, or, when the user already has
/// different answers, ask before replacing them.
#[component]
fn SharedLinkOffer() -> impl IntoView {
    let store = use_store();
    let location = use_location();
    let navigate = use_navigate();
    let pending = RwSignal::new(None::<SharedAnswers>);

    let shared = decode_query(&location.search.get_untracked());
    let clear_query = move || navigate(SERVICE_LEVEL.path, NavigateOptions { replace: true, scroll: false, ..Default::default() });
    if !shared.is_empty() {
        let current = store.record.with_untracked(|r| SharedAnswers {
            answers: r.service_level.answers,
            audience: r.profile.audience,
            chosen: r.service_level.chosen,
            reason: if r.service_level.chosen.is_some() { r.service_level.override_reason.trim().to_string() } else { String::new() },
        });
        if current.is_empty() || current == shared {
            apply(store, shared.clone());
            clear_query();
        } else {
            pending.set(Some(shared));
        }
    }

    let resolve = move |use_link: bool| {
        if let Some(shared) = pending.get_untracked() {
            if use_link {
                apply(store, shared);
            }
        }
        pending.set(None);
        clear_query();
    };
    let resolve_keep = resolve.clone();
    view! {
        <Show when=move || pending.with(Option::is_some)>
            <div class="usa-alert usa-alert--warning shared-offer" role="region" aria-labelledby="shared-offer-heading">
                <div class="usa-alert__body">
                    <h2 class="usa-alert__heading" id="shared-offer-heading">"This link has different answers"</h2>
                    <p class="usa-alert__text">"You opened a shared link, but you already have answers of your own. Replace yours with the link’s answers?"</p>
                    <div class="notice-actions">
                        <button type="button" class="usa-button" on:click={ let resolve = resolve.clone(); move |_| resolve(true) }>"Use the link’s answers"</button>
                        <button type="button" class="usa-button usa-button--outline" on:click={ let resolve = resolve_keep.clone(); move |_| resolve(false) }>"Keep my answers"</button>
                    </div>
                </div>
            </div>
        </Show>
    }
}

fn apply(store: crate::store::Store, shared: SharedAnswers) {
    store.record.update(|r| {
        r.service_level.answers = shared.answers;
        r.service_level.chosen = shared.chosen;
        r.service_level.override_reason = shared.reason;
        if shared.audience.is_some() {
            r.profile.audience = shared.audience;
        }
    });
    store.notify(NoticeKind::Info, "The answers from the shared link are filled in below.", None);
}
