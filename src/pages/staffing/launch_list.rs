//! The imported launches: each can be left out of the plan (what-if), planned with its
//! partner's own contact assumptions, or removed. A thousand launches are found by name and
//! shown a page at a time.

use leptos::prelude::*;

use super::Planner;
use crate::logic::launch::assumption_text;
use crate::logic::planner::{Placement, Plan, PlannedLaunch};
use crate::logic::staffing::{plain_number, ASSUMPTIONS};
use crate::logic::text::format_count;

/// Launches shown at once; "Show more" adds as many again.
const PAGE: usize = 50;

#[component]
pub(super) fn LaunchList(plan: Memo<Option<Plan>>) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let filter = RwSignal::new(String::new());
    let shown = RwSignal::new(PAGE);
    let confirm_remove_all = RwSignal::new(false);
    let matching = Memo::new(move |_| {
        let wanted = filter.with(|f| f.trim().to_lowercase());
        planner.launches.with(|launches| {
            launches
                .iter()
                .enumerate()
                .filter(|(_, l)| wanted.is_empty() || l.name().to_lowercase().contains(&wanted))
                // A replaced request (same key) is drawn again when what its row shows changed.
                .map(|(i, l)| (i, l.key.clone(), (l.monthly_active_users, l.placed_on().0, l.phone_published, l.version)))
                .collect::<Vec<_>>()
        })
    });
    let visible = move || matching.with(|m| m.iter().take(shown.get()).cloned().collect::<Vec<_>>());
    let in_plan = move || plan.with(|p| p.as_ref().map_or(0, |p| p.launches.len()));
    let remove_all = move |_| {
        let keys: Vec<String> = planner.launches.with_untracked(|l| l.iter().map(|l| l.key.clone()).collect());
        planner.launches.set(Vec::new());
        planner.switched_off.set(Default::default());
        planner.own.set(Default::default());
        planner.changed_requests([], keys);
        confirm_remove_all.set(false);
        request_animation_frame(|| {
            crate::browser::focus_by_id("import-heading");
        });
    };

    view! {
        <section aria-labelledby="launches-heading" class="staffing-launches">
            <h2 id="launches-heading">"Launches"</h2>
            <p data-testid="launch-count">{move || format!("{} of {} launches are in the plan. Uncheck a launch to see the plan without it.", in_plan(), planner.launches.with(Vec::len))}</p>
            <div class="usa-form-group">
                <label class="usa-label" for="launch-filter">"Find a launch by agency or application"</label>
                <input class="usa-input" id="launch-filter" type="search" maxlength="200" prop:value=move || filter.get()
                    on:input=move |ev| { filter.set(event_target_value(&ev)); shown.set(PAGE); } />
            </div>
            <ul class="launch-list usa-list--unstyled" data-testid="launch-list">
                <For each=visible key=|item| item.clone() let:item>
                    <LaunchItem index=item.0 key=item.1 />
                </For>
            </ul>
            {move || {
                let more = matching.with(Vec::len).saturating_sub(shown.get());
                (more > 0).then(|| view! {
                    <button type="button" class="usa-button usa-button--outline" on:click=move |_| shown.update(|s| *s += PAGE)>
                        {format!("Show {} more of {more}", more.min(PAGE))}
                    </button>
                })
            }}
            {move || (matching.with(Vec::is_empty)).then(|| view! { <p>"No launch matches that name."</p> })}
            <div class="remove-all">
                {move || if confirm_remove_all.get() {
                    view! {
                        <div class="usa-alert usa-alert--warning usa-alert--slim" role="group" aria-labelledby="remove-all-question">
                            <div class="usa-alert__body">
                                <p class="usa-alert__text" id="remove-all-question">{move || format!("Remove all {} launches from this workspace? Download the workspace first to keep a copy.", planner.launches.with(Vec::len))}</p>
                                <div class="export-buttons">
                                    <button type="button" class="usa-button usa-button--secondary" on:click=remove_all>"Remove all launches"</button>
                                    <button type="button" class="usa-button usa-button--outline" on:click=move |_| confirm_remove_all.set(false)>"Keep them"</button>
                                </div>
                            </div>
                        </div>
                    }.into_any()
                } else {
                    view! { <button type="button" class="usa-button usa-button--unstyled" on:click=move |_| confirm_remove_all.set(true)>"Remove every launch…"</button> }.into_any()
                }}
            </div>
        </section>
    }
}

/// One launch: in the plan or not, its dates and notes, its partner's assumptions.
#[component]
fn LaunchItem(index: usize, key: String) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let Some(launch) = planner.launches.with_untracked(|l| l.get(index).filter(|l| l.key == key).cloned()) else { return ().into_any() };
    let name = launch.name();
    let (placed, placement) = launch.placed_on();
    let include_id = format!("include-{index}");
    let own_id = format!("own-{index}");
    let details_open = RwSignal::new(false);
    let k1 = key.clone();
    let k2 = key.clone();
    let k3 = key.clone();
    let k4 = key.clone();
    let k5 = key.clone();
    let included = move || planner.switched_off.with(|off| !off.contains(&k1));
    let toggle = move |_| {
        planner.switched_off.update(|off| {
            if !off.remove(&k2) {
                off.insert(k2.clone());
            }
        });
        planner.settings_changed();
    };
    let own = move || planner.own.with(|own| own.contains(&k3));
    let toggle_own = move |_| {
        planner.own.update(|own| {
            if !own.remove(&k4) {
                own.insert(k4.clone());
            }
        });
        planner.settings_changed();
    };
    let remove = move |_| {
        planner.launches.update(|l| l.retain(|l| l.key != k5));
        planner.switched_off.update(|off| {
            off.remove(&k5);
        });
        planner.own.update(|own| {
            own.remove(&k5);
        });
        planner.changed_requests([], [k5.clone()]);
        request_animation_frame(|| {
            crate::browser::focus_by_id("launches-heading");
        });
    };
    let notes = notes(&launch, placed.to_iso(), placement);
    let has_own = !launch.partner_assumptions.is_empty();
    let partner = launch.partner_assumptions.clone();
    view! {
        <li class="launch-item" data-key=key.clone()>
            <div class="usa-checkbox">
                <input class="usa-checkbox__input" id=include_id.clone() type="checkbox" prop:checked=included on:change=toggle />
                <label class="usa-checkbox__label" for=include_id>{name.clone()}</label>
            </div>
            <p class="launch-item__notes">{notes}</p>
            {has_own.then(|| view! {
                <div class="usa-checkbox">
                    <input class="usa-checkbox__input" id=own_id.clone() type="checkbox" prop:checked=own on:change=toggle_own />
                    <label class="usa-checkbox__label" for=own_id>"Plan its contacts with the partner’s own assumptions"<span class="usa-sr-only">{format!(" ({name})")}</span></label>
                </div>
                <details on:toggle=move |ev| {
                    use wasm_bindgen::JsCast;
                    details_open.set(ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).is_some_and(|d| d.open()));
                }>
                    <summary>"The partner’s assumptions beside yours"<span class="usa-sr-only">{format!(" ({name})")}</span></summary>
                    {move || details_open.get().then(|| assumption_table(planner, &partner))}
                </details>
            })}
            <button type="button" class="usa-button usa-button--unstyled" on:click=remove>"Remove"<span class="usa-sr-only">{format!(" {name}")}</span></button>
        </li>
    }
    .into_any()
}

fn notes(launch: &PlannedLaunch, placed: String, placement: Placement) -> String {
    let mut notes = vec![match placement {
        Placement::UserLaunch => format!("Placed on its user launch date, {placed}."),
        Placement::Deploy => format!("Placed on its deploy date, {placed}: the request gives no user launch date."),
    }];
    notes.push(format!("{} monthly active users.", format_count(launch.monthly_active_users as f64)));
    if launch.phone_published {
        notes.push("The partner says a page publishes the Contact Center number.".to_string());
    }
    if launch.version == 1 {
        notes.push("An older request (version 1), with one launch date.".to_string());
    }
    notes.join(" ")
}

fn assumption_table(planner: Planner, partner: &[(String, f64)]) -> impl IntoView {
    let rows = ASSUMPTIONS
        .iter()
        .map(|spec| {
            let theirs = partner.iter().find(|(k, _)| k == spec.key).map_or_else(|| "not given".to_string(), |(_, v)| plain_number(*v));
            let key = spec.key;
            view! {
                <tr><th scope="row">{format!("{} ({})", spec.label, spec.unit)}</th>
                    <td>{move || planner.assumption_texts.with(|t| assumption_text(t, key))}</td><td>{theirs}</td></tr>
            }
        })
        .collect_view();
    view! {
        <table class="usa-table usa-table--compact usa-table--borderless">
            <thead><tr><th scope="col">"Assumption"</th><th scope="col">"Yours"</th><th scope="col">"The partner’s"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
