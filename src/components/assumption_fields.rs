//! The planning assumptions as editable fields, with the defaults' notes and sources as hints and
//! each field's error beside it: the same fields on `/launch` (the partner's own) and on
//! `/staffing` (the planner's), each page keeping the texts where it keeps its work.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::components::field::Field;
use crate::logic::content::content;
use crate::logic::launch::assumption_text;
use crate::logic::staffing::{Assumptions, ASSUMPTIONS};

/// One field per assumption, with ids `{id_prefix}-{key}`. `texts` holds what was typed, by key
/// (absent keys show the default); `state` the parsed assumptions and the fields' errors;
/// `on_edit` receives each edit as (key, text).
#[component]
pub fn AssumptionFields(
    id_prefix: &'static str,
    #[prop(into)] texts: Signal<BTreeMap<String, String>>,
    state: Memo<(Assumptions, Vec<(&'static str, String)>)>,
    on_edit: Callback<(&'static str, String)>,
) -> impl IntoView {
    let fields = ASSUMPTIONS
        .into_iter()
        .map(|spec| {
            let error = Signal::derive(move || state.with(|(_, errors)| errors.iter().find(|(k, _)| *k == spec.key).map(|(_, m)| m.clone())));
            let value = move || texts.with(|t| assumption_text(t, spec.key));
            let source = spec.default_id.and_then(|id| content().launch.staffing_defaults.iter().find(|d| d.id == id));
            view! {
                <div class="assumption">
                    <Field id=format!("{id_prefix}-{}", spec.key) label=format!("{} ({})", spec.label, spec.unit)
                        hint=source.map(|s| s.note.to_string()) hint_source=source.map(|s| s.cite) error=error let:control>
                        <input class="usa-input usa-input--small" id=control.id inputmode="decimal"
                            aria-describedby=move || control.described_by.get() aria-invalid=move || control.invalid.get()
                            prop:value=value
                            on:input=move |ev| on_edit.run((spec.key, event_target_value(&ev))) />
                    </Field>
                </div>
            }
        })
        .collect_view();
    view! { <div class="assumptions">{fields}</div> }
}
