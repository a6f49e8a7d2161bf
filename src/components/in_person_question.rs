//! Whether in-person identity verification is enabled for the integration: one record answer,
//! asked where it changes what the portal says (the profile, the FAQ, the launch email).

use leptos::prelude::*;

use crate::components::field::Field;
use crate::components::radio::Radio;
use crate::logic::vocab::InPerson;
use crate::store::use_store;

/// The question as a radio group with the id `id`; each page that asks it gives its own id.
#[component]
pub fn InPersonQuestion(#[prop(into)] id: String) -> impl IntoView {
    let record = use_store().record;
    let choices = InPerson::ALL
        .into_iter()
        .map(|answer| {
            view! {
                <Radio id=format!("{id}-{}", answer.id()) name=id.clone() value=answer.id() label=answer.label().to_string()
                    checked=Signal::derive(move || record.with(|r| r.profile.in_person == Some(answer)))
                    on_choose=Callback::new(move |_| record.update(|r| r.profile.in_person = Some(answer))) />
            }
        })
        .collect_view();
    view! {
        <Field id=id.clone() label="Is in-person identity verification enabled for this integration?" group=true
            hint="Login.gov offers verification at participating Post Offices only for some partner agencies: ask your Login.gov account manager. The FAQ and the launch email mention it only when the answer is yes." let:_control>
            {choices}
        </Field>
    }
}
