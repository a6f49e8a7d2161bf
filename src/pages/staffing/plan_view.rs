//! The plan: summary sentences, the daily chart with its table, the flags and the exports.

use std::fmt::Write;

use leptos::prelude::*;

use super::Planner;
use crate::logic::export::DownloadFile;
use crate::logic::planner::{likely_duplicates, plan_csv, spanish_agent_share_pct, tenths, Plan, OWN_LAYERS};
use crate::logic::staffing::plain_number;
use crate::logic::text::format_count;
use crate::store::use_store;

/// Crowded days or weeks named in the flags; more are counted.
const FLAGS_LISTED: usize = 10;
/// Each layer's class and its legend's, spelled out so the stylesheet's purge keeps them.
const LAYER_CLASSES: [&str; OWN_LAYERS + 1] = [
    "chart-layer chart-layer-0",
    "chart-layer chart-layer-1",
    "chart-layer chart-layer-2",
    "chart-layer chart-layer-3",
    "chart-layer chart-layer-4",
    "chart-layer chart-layer-5",
];
const LEGEND_CLASSES: [&str; OWN_LAYERS + 1] = [
    "legend legend--layer-0",
    "legend legend--layer-1",
    "legend legend--layer-2",
    "legend legend--layer-3",
    "legend legend--layer-4",
    "legend legend--layer-5",
];

/// The summary, the chart and the table of the plan.
#[component]
pub(super) fn PlanFigures(plan: Memo<Option<Plan>>) -> impl IntoView {
    let table_open = RwSignal::new(false);
    view! {
        <section aria-labelledby="plan-heading" class="staffing-plan">
            <h2 id="plan-heading">"The plan"</h2>
            <ul class="usa-list" data-testid="plan-summary" aria-live="polite">
                {move || plan.with(|p| p.as_ref().map(|p| p.summary.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()))}
            </ul>
            <PlanChart plan=plan />
            <details class="plan-data" on:toggle=move |ev| {
                use wasm_bindgen::JsCast;
                let open = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).is_some_and(|d| d.open());
                table_open.set(open);
            }>
                <summary>"The plan as a table, day by day"</summary>
                {move || table_open.get().then(|| view! { <PlanTable plan=plan /> })}
            </details>
        </section>
    }
}

/// Daily contacts stacked by launch: one path per layer, so a thousand launches over a year
/// draw as a handful of elements. Flagged days are marked under the axis.
#[component]
fn PlanChart(plan: Memo<Option<Plan>>) -> impl IntoView {
    const W: f64 = 800.0;
    const H: f64 = 300.0;
    const LEFT: f64 = 56.0;
    const TOP: f64 = 16.0;
    const BOTTOM: f64 = 44.0;
    let drawn = move || {
        plan.with(|p| {
            let p = p.as_ref()?;
            let n = p.days.len().max(1) as f64;
            let max = p.days.iter().map(|d| d.contacts()).fold(0.0, f64::max).max(1.0);
            let bar = (W - LEFT) / n;
            let scale = (H - TOP - BOTTOM) / max;
            // Bars are drawn in tenths of the chart's units, as whole numbers inside a group
            // scaled back by ten: writing integers is many times quicker than formatting floats
            // in wasm, and a year of days is thousands of coordinates on every redraw.
            let tenths = |v: f64| (v * 10.0).round() as i64;
            let mut paths = vec![String::new(); p.layers.len()];
            for (i, day) in p.days.iter().enumerate() {
                let (x, x2) = (tenths(LEFT + i as f64 * bar), tenths(LEFT + (i + 1) as f64 * bar));
                let mut base = H - BOTTOM;
                for (layer, &v) in day.by_layer.iter().enumerate() {
                    if v <= 0.0 {
                        continue;
                    }
                    let top = base - v * scale;
                    let _ = write!(paths[layer], "M{x},{}V{}H{x2}V{}Z", tenths(base), tenths(top), tenths(base));
                    base = top;
                }
            }
            let flag_marks = |dates: &[crate::logic::dates::Date], y: f64, class: &'static str| {
                let mut d = String::new();
                for date in dates {
                    let i = date.days_since_epoch() - p.window.first.days_since_epoch();
                    if (0..p.days.len() as i64).contains(&i) {
                        let (x, x2) = (tenths(LEFT + i as f64 * bar), tenths(LEFT + (i as f64 + 1.0) * bar).max(tenths(LEFT + i as f64 * bar) + 10));
                        let _ = write!(d, "M{x},{}H{x2}V{}H{x}Z", tenths(y), tenths(y + 6.0));
                    }
                }
                view! { <path class=class d=d /> }
            };
            let crowded: Vec<crate::logic::dates::Date> = p.crowded_days.iter().map(|(d, _)| *d).collect();
            let first = p.window.first.to_iso();
            let last = p.window.date(p.days.len().saturating_sub(1)).to_iso();
            Some(view! {
                <g transform="scale(0.1)">
                    {paths.into_iter().enumerate().map(|(layer, d)| view! { <path class=LAYER_CLASSES[layer] data-layer=layer d=d /> }).collect_view()}
                    {flag_marks(&p.spanish_days, H - BOTTOM + 3.0, "chart-flag chart-flag--spanish")}
                    {flag_marks(&crowded, H - BOTTOM + 11.0, "chart-flag chart-flag--crowded")}
                </g>
                <line class="chart-axis" x1=LEFT y1=H - BOTTOM x2=W y2=H - BOTTOM />
                <text class="chart-label" x=LEFT y=H - 6.0>{first}</text>
                <text class="chart-label" x=W y=H - 6.0 text-anchor="end">{last}</text>
                <text class="chart-label" x=LEFT - 4.0 y=TOP + 10.0 text-anchor="end" data-testid="chart-max">{format_count(max)}</text>
                <text class="chart-label" x=LEFT - 4.0 y=H - BOTTOM text-anchor="end">"0"</text>
            })
        })
    };
    let legend = move || {
        plan.with(|p| {
            p.as_ref()
                .map(|p| p.layers.iter().enumerate().map(|(layer, l)| view! { <li class=LEGEND_CLASSES[layer]>{l.name.clone()}</li> }).collect_view())
        })
    };
    view! {
        <figure class="plan-chart">
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-labelledby="plan-chart-title plan-chart-desc" data-testid="plan-chart">
                <title id="plan-chart-title">"Daily contacts from every launch in the plan"</title>
                <desc id="plan-chart-desc">{move || plan.with(|p| p.as_ref().map(|p| format!(
                    "Bars show each day’s contacts, calls and contact-form cases together, stacked by launch. Marks under the axis show days when Spanish calls alone need more than the share of Spanish-speaking agents, and days when several launches start. {}",
                    p.summary.join(" ")
                )))}</desc>
                {drawn}
            </svg>
            <figcaption>
                <ul class="plan-legend">{legend}
                    <li class="legend legend--spanish">"Spanish over the share (mark under the axis)"</li>
                    <li class="legend legend--crowded">"Several launches start (lower mark)"</li>
                </ul>
                "The same figures, with the agents each day needs, are in the table below the chart."
            </figcaption>
        </figure>
    }
}

/// Every day of the plan: what the chart shows, and the agents.
#[component]
fn PlanTable(plan: Memo<Option<Plan>>) -> impl IntoView {
    let rows = move || {
        plan.with(|p| {
            p.as_ref().map(|p| {
                (0..p.days.len())
                    .map(|i| {
                        let day = &p.days[i];
                        let date = p.window.date(i);
                        let flags = p.flags_on(i);
                        view! {
                            <tr data-date=date.to_iso()>
                                <th scope="row">{date.to_iso()}</th>
                                <td>{tenths(day.contacts())}</td>
                                <td>{tenths(day.phone)}</td>
                                <td>{tenths(day.form)}</td>
                                {day.by_language.iter().map(|v| view! { <td>{tenths(*v)}</td> }).collect_view()}
                                <td>{day.phone_agents}</td>
                                <td>{day.separate_phone_agents}</td>
                                <td>{day.spanish_phone_agents}</td>
                                <td>{flags.join("; ")}</td>
                                <td>{p.launching_on(i).join("; ")}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <div class="usa-table-container--scrollable" tabindex="0" role="region" aria-label="The plan, day by day">
            <table class="usa-table usa-table--compact" data-testid="plan-table">
                <thead><tr>
                    <th scope="col">"Date"</th><th scope="col">"Contacts"</th><th scope="col">"Calls"</th><th scope="col">"Contact form"</th>
                    <th scope="col">"English"</th><th scope="col">"Spanish"</th><th scope="col">"French"</th><th scope="col">"Chinese"</th>
                    <th scope="col">"Phone agents (pooled)"</th><th scope="col">"Phone agents if each launch were staffed alone"</th>
                    <th scope="col">"Agents for Spanish calls alone"</th><th scope="col">"Flags"</th><th scope="col">"Launching"</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// What the planner should act on: Spanish days, crowded days and weeks, published numbers and
/// likely duplicates.
#[component]
pub(super) fn PlanFlags(plan: Memo<Option<Plan>>) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let share = plain_number(spanish_agent_share_pct());
    let duplicates = Memo::new(move |_| {
        planner.launches.with(|launches| {
            let name = |key: &str| launches.iter().find(|l| l.key == key).map(|l| l.name()).unwrap_or_default();
            likely_duplicates(launches).into_iter().map(|d| (name(&d.first), d.first, d.second)).collect::<Vec<_>>()
        })
    });
    let items = Memo::new(move |_| {
        plan.with(|p| {
            let p = p.as_ref()?;
            let name = |key: &str| p.launches.iter().find(|l| l.key == key).map(|l| l.name.clone()).unwrap_or_else(|| key.to_string());
            let mut out: Vec<(&'static str, String)> = Vec::new();
            if !p.spanish_days.is_empty() {
                let first = p.spanish_days[0].to_iso();
                out.push((
                    "flag-spanish",
                    format!(
                        "Spanish: on {} {} (the first {first}), the Spanish calls alone need more than the {share}% of agents who speak Spanish. Plan Spanish-speaking agents for those days. With few calls a day, one Spanish-speaking agent is already more than {share}% of a small team, so small launches flag most days.",
                        p.spanish_days.len(),
                        if p.spanish_days.len() == 1 { "day" } else { "days" }
                    ),
                ));
            }
            // Named one by one up to a screenful; beyond that the table's Flags column has them all.
            for (date, keys) in p.crowded_days.iter().take(FLAGS_LISTED) {
                out.push(("flag-crowded-day", format!("{}: {} launches start that day: {}.", date.to_iso(), keys.len(), keys.iter().map(|k| name(k)).collect::<Vec<_>>().join("; "))));
            }
            if p.crowded_days.len() > FLAGS_LISTED {
                out.push(("flag-crowded-more", format!("{} more days with several launches: the table below flags each of them.", p.crowded_days.len() - FLAGS_LISTED)));
            }
            for (monday, keys) in p.crowded_weeks.iter().take(FLAGS_LISTED) {
                out.push(("flag-crowded-week", format!("The week of {}: {} launches start.", monday.to_iso(), keys.len())));
            }
            if p.crowded_weeks.len() > FLAGS_LISTED {
                out.push(("flag-crowded-more", format!("{} more weeks with several launches.", p.crowded_weeks.len() - FLAGS_LISTED)));
            }
            for launch in p.launches.iter().filter(|l| l.phone_published).take(FLAGS_LISTED) {
                out.push((
                    "flag-published",
                    format!("{} says a page publishes the Contact Center number: all its contacts are planned as calls, and even that is a lower bound (users who would have read a help article call too). Agencies are asked to link to login.gov/contact instead; ask the partner to change the page.", launch.name),
                ));
            }
            let published = p.launches.iter().filter(|l| l.phone_published).count();
            if published > FLAGS_LISTED {
                out.push(("flag-published-more", format!("{} more launches say a page publishes the number: the launch list below notes each of them.", published - FLAGS_LISTED)));
            }
            Some(out)
        })
    });
    view! {
        <section aria-labelledby="flags-heading" class="staffing-flags">
            <h2 id="flags-heading">"What to act on"</h2>
            <p>"French and Mandarin calls go through interpreters; only Spanish is checked against the agents who speak it."</p>
            <ul class="usa-list" data-testid="plan-flags">
                {move || items.get().map(|list| list.into_iter().map(|(id, text)| view! { <li data-flag=id>{text}</li> }).collect_view())}
                {move || duplicates.get().into_iter().take(FLAGS_LISTED).map(|(name, first, second)| view! {
                    <li data-flag="flag-duplicate">{format!("{name} looks submitted twice, under the keys {first} and {second}: check with the partner and switch one off below.")}</li>
                }).collect_view()}
                {move || duplicates.with(|d| (d.len() > FLAGS_LISTED).then(|| view! {
                    <li data-flag="flag-duplicate-more">{format!("{} more pairs look submitted twice.", d.len() - FLAGS_LISTED)}</li>
                }))}
            </ul>
            {move || (items.with(|i| i.as_ref().is_some_and(|l| l.is_empty())) && duplicates.with(Vec::is_empty)).then(|| view! { <p>"Nothing to act on in this plan."</p> })}
        </section>
    }
}

/// The downloads: the daily plan as CSV, and the whole workspace as JSON.
#[component]
pub(super) fn PlanExports(plan: Memo<Option<Plan>>) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let store = use_store();
    let today = crate::browser::today_iso();
    let day = today.clone();
    let csv = move |_| {
        if let Some(body) = plan.with_untracked(|p| p.as_ref().map(plan_csv)) {
            store.offer_download(&DownloadFile { name: format!("staffing-plan-{day}.csv"), mime: "text/csv", body });
        }
    };
    let json = move |_| {
        let body = planner.workspace().to_json();
        store.offer_download(&DownloadFile { name: format!("staffing-workspace-{today}.json"), mime: "application/json", body });
    };
    view! {
        <section aria-labelledby="exports-heading" class="staffing-exports">
            <h2 id="exports-heading">"Download"</h2>
            <p>"The daily plan opens in a spreadsheet. The workspace file holds every request and your choices, and imports here again, on this or another computer."</p>
            <div class="export-buttons">
                <button type="button" class="usa-button" on:click=csv>"Download the daily plan (CSV)"</button>
                <button type="button" class="usa-button usa-button--outline" on:click=json>"Download the workspace (JSON)"</button>
            </div>
        </section>
    }
}
