use leptos::prelude::*;

use crate::components::field::Field;
use crate::components::in_person_question::InPersonQuestion;
use crate::components::radio::Radio;
use crate::logic::vocab::{Audience, OidcFlow, PartnerType, Protocol};
use crate::store::use_store;

/// Agency, application, partner type, protocol (and OIDC flow), audience and, unless the level
/// verifies nobody, in-person verification: the answers every later section reads.
/// Each change is written to the record at once, and so saved.
#[component]
pub fn ProfileForm() -> impl IntoView {
    let store = use_store();
    let record = store.record;

    let protocol_choices = Protocol::ALL
        .into_iter()
        .map(|protocol| {
            view! {
                <Radio id=format!("protocol-{}", protocol.id()) name="protocol" value=protocol.id() label=protocol.label().to_string()
                    checked=Signal::derive(move || record.with(|r| r.profile.protocol == Some(protocol)))
                    on_choose=Callback::new(move |_| record.update(|r| r.profile.protocol = Some(protocol))) />
            }
        })
        .collect_view();

    let partner_choices = PartnerType::ALL
        .into_iter()
        .map(|partner| {
            view! {
                <Radio id=format!("partner-{}", partner.id()) name="partner-type" value=partner.id() label=partner.label().to_string()
                    checked=Signal::derive(move || record.with(|r| r.profile.partner_type == Some(partner)))
                    on_choose=Callback::new(move |_| record.update(|r| r.profile.partner_type = Some(partner))) />
            }
        })
        .collect_view();

    let flow_choices = OidcFlow::ALL
        .into_iter()
        .map(|flow| {
            view! {
                <Radio id=format!("oidc-flow-{}", flow.id()) name="oidc-flow" value=flow.id() label=flow.label().to_string()
                    checked=Signal::derive(move || record.with(|r| r.profile.oidc_flow == Some(flow)))
                    on_choose=Callback::new(move |_| record.update(|r| r.profile.oidc_flow = Some(flow))) />
            }
        })
        .collect_view();
    let is_oidc = move || record.with(|r| r.profile.protocol == Some(Protocol::Oidc));

    let audience_choices = Audience::ALL
        .into_iter()
        .map(|audience| {
            view! {
                <Radio id=format!("audience-{}", audience.id()) name="audience" value=audience.id() label=audience.label().to_string()
                    checked=Signal::derive(move || record.with(|r| r.profile.audience == Some(audience)))
                    on_choose=Callback::new(move |_| record.update(|r| r.profile.audience = Some(audience))) />
            }
        })
        .collect_view();

    let saved_status = move || {
        if store.can_save.get() {
            "Your answers are saved in this browser as you type."
        } else {
            "Your answers are kept only in this tab: this browser is not saving them. Download your record below to keep them."
        }
    };

    view! {
        <form class="usa-form usa-form--large profile-form" on:submit=|ev| ev.prevent_default()>
            <p class="usa-hint" id="profile-saved">{saved_status}</p>
            <Field id="profile-agency" label="Agency name" hint="The agency or office that owns the application."
                length_of=Signal::derive(move || record.with(|r| r.profile.agency.clone())) let:control>
                <input class="usa-input" id=control.id name="agency" autocomplete="organization" aria-describedby=move || control.described_by.get()
                    prop:value=move || record.with(|r| r.profile.agency.clone())
                    on:input=move |ev| record.update(|r| r.profile.agency = event_target_value(&ev)) />
            </Field>
            <Field id="profile-application" label="Application name" hint="The name users will see for the service that signs in with Login.gov."
                length_of=Signal::derive(move || record.with(|r| r.profile.application.clone())) let:control>
                <input class="usa-input" id=control.id name="application" aria-describedby=move || control.described_by.get()
                    prop:value=move || record.with(|r| r.profile.application.clone())
                    on:input=move |ev| record.update(|r| r.profile.application = event_target_value(&ev)) />
            </Field>
            <Field id="profile-partner-type" label="Your agency is" group=true let:_control>{partner_choices}</Field>
            <Field id="profile-protocol" label="Integration protocol" group=true let:_control>{protocol_choices}</Field>
            // Hidden, not removed, so the answer survives switching protocol back and forth.
            <div hidden=move || !is_oidc()>
                <Field id="oidc-flow" label="How does your OIDC client authenticate?" group=true
                    hint="As the Partner Portal asks. With PKCE, a public certificate may not be needed." let:_control>
                    {flow_choices}
                </Field>
            </div>
            <Field id="profile-audience" label="Who will sign in" group=true let:_control>{audience_choices}</Field>
            // Only a level that verifies identity can offer it; hidden, not removed, like the flow.
            <div hidden=move || !record.with(|r| r.level().is_none_or(|l| l.verifies_identity()))>
                <InPersonQuestion id="profile-in-person" />
            </div>
        </form>
    }
}
