//! The planner's one set of assumptions, with the same defaults and citations as `/launch`.
//! Agents are always sized with these: one Contact Center answers every launch.

use leptos::prelude::*;

use super::{AssumptionState, Planner};
use crate::components::field::Field;
use crate::logic::content::content;
use crate::logic::launch::assumption_text;
use crate::logic::staffing::ASSUMPTIONS;

#[component]
pub(super) fn PlannerAssumptions(assumption_state: Memo<AssumptionState>) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let inputs = ASSUMPTIONS
        .into_iter()
        .map(|spec| {
            let error = Signal::derive(move || assumption_state.with(|(_, errors)| errors.iter().find(|(k, _)| *k == spec.key).map(|(_, m)| m.clone())));
            let value = move || planner.assumption_texts.with(|t| assumption_text(t, spec.key));
            let source = spec.default_id.and_then(|id| content().launch.staffing_defaults.iter().find(|d| d.id == id));
            view! {
                <div class="assumption">
                    <Field id=format!("planner-assumption-{}", spec.key) label=format!("{} ({})", spec.label, spec.unit)
                        hint=source.map(|s| s.note.to_string()) hint_source=source.map(|s| s.cite.source) error=error let:control>
                        <input class="usa-input usa-input--small" id=control.id inputmode="decimal"
                            aria-describedby=move || control.described_by.get() aria-invalid=move || control.invalid.get()
                            prop:value=value
                            on:input=move |ev| {
                                planner.assumption_texts.update(|t| { t.insert(spec.key.to_string(), event_target_value(&ev)); });
                                planner.settings_changed();
                            } />
                    </Field>
                </div>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="planner-assumptions-heading" class="forecast">
            <h2 id="planner-assumptions-heading">"Planning assumptions"</h2>
            <p>"One set for every launch, starting from the same values and sources as the launch page. Login.gov does not publish its handle time, intraday pattern or shrinkage: change them to the Contact Center’s own figures. A launch planned with its partner’s assumptions uses the partner’s values for its contacts only; agents are always sized with these."</p>
            <div class="assumptions">{inputs}</div>
        </section>
    }
}
