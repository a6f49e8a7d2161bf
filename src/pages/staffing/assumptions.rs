//! The planner's one set of assumptions, with the same defaults and citations as `/launch`.
//! Agents are always sized with these: one Contact Center answers every launch.

use leptos::prelude::*;

use super::{AssumptionState, Planner};
use crate::components::assumption_fields::AssumptionFields;

#[component]
pub(super) fn PlannerAssumptions(assumption_state: Memo<AssumptionState>) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let on_edit = Callback::new(move |(key, text): (&'static str, String)| {
        planner.assumption_texts.update(|t| {
            t.insert(key.to_string(), text);
        });
        planner.settings_changed();
    });
    view! {
        <section aria-labelledby="planner-assumptions-heading" class="forecast">
            <h2 id="planner-assumptions-heading">"Planning assumptions"</h2>
            <p>"One set for every launch, starting from the same values and sources as the launch page. Login.gov does not publish its handle time, intraday pattern or shrinkage: change them to the Contact Center’s own figures. A launch planned with its partner’s assumptions uses the partner’s values for its contacts only; agents are always sized with these."</p>
            <AssumptionFields id_prefix="planner-assumption" texts=planner.assumption_texts state=assumption_state on_edit=on_edit />
        </section>
    }
}
