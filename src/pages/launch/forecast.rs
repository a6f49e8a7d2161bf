//! The Contact Center forecast: the side-by-side table, the chart, the daily table and the
//! editable assumptions.

use super::*;
use crate::components::assumption_fields::AssumptionFields;
use crate::components::cited::support_fact;

#[component]
pub(super) fn ForecastSection(
    forecast: Memo<Forecast>,
    deploy_day: Signal<Option<i64>>,
    assumption_state: Memo<(Assumptions, Vec<(&'static str, String)>)>,
) -> impl IntoView {
    let record = use_store().record;
    let texts = Signal::derive(move || record.with(|r| r.launch.assumption_texts.clone()));
    let on_edit = Callback::new(move |(key, text): (&'static str, String)| {
        record.update(|r| {
            r.launch.assumption_texts.insert(key.to_string(), text);
        })
    });

    view! {
        <section aria-labelledby="forecast-heading" class="forecast">
            <h2 id="forecast-heading">"Contact Center forecast"</h2>
            <p data-testid="forecast-summary" aria-live="polite">{move || forecast.with(|f| f.summary.clone())}</p>
            <div class="usa-table-container--scrollable" tabindex="0" role="region" aria-label="Staffing side by side">
                <table class="usa-table usa-table--borderless" data-testid="forecast-compare">
                    <caption>"Busiest day, with and without the phone number published"</caption>
                    <thead><tr><th scope="col">""</th><th scope="col">"Linking to login.gov/contact"</th><th scope="col">"If the phone number is published"</th></tr></thead>
                    <tbody>
                        <tr><th scope="row">"Calls on the busiest day"</th>
                            <td>{move || forecast.with(|f| format_count(f.linking.peak_phone_calls))}</td>
                            <td>{move || forecast.with(|f| format_count(f.peak_phone_calls_if_published))}</td></tr>
                        <tr><th scope="row">"Calls in the busiest interval"</th>
                            <td>{move || forecast.with(|f| format_count(f.linking.peak_interval_calls))}</td>
                            <td>{move || forecast.with(|f| format_count(f.peak_interval_calls_if_published))}</td></tr>
                        <tr><th scope="row">"Agents on the phones (Erlang C)"</th>
                            <td data-testid="agents">{move || forecast.with(|f| f.linking.phone_agents)}</td>
                            <td data-testid="agents-published">{move || forecast.with(|f| f.phone_agents_if_published)}</td></tr>
                        <tr><th scope="row">"Agents to schedule (with shrinkage)"</th>
                            <td>{move || forecast.with(|f| f.linking.scheduled_agents)}</td>
                            <td>{move || forecast.with(|f| f.scheduled_agents_if_published)}</td></tr>
                        <tr><th scope="row">"Contact-form cases to answer each business day"</th>
                            <td>{move || forecast.with(|f| format_count(f.linking.form_backlog_per_day))}</td>
                            <td>"0"</td></tr>
                    </tbody>
                </table>
            </div>
            <p data-testid="published-lower-bound"><Cited fact=support_fact("sup-published-lower-bound") /></p>
            <ForecastChart forecast=forecast deploy_day=deploy_day />
            <p class="forecast-note">"Assumption: the announcement email’s contacts come over the days after it is sent, tapering off like the new-user surge, not all on the day it arrives."</p>
            <details class="forecast-data">
                <summary>"The forecast as a table"</summary>
                <div class="usa-table-container--scrollable" tabindex="0" role="region" aria-label="Daily forecast">
                    <table class="usa-table usa-table--compact" data-testid="forecast-table">
                        <thead><tr>
                            <th scope="col">"Day from launch"</th><th scope="col">"Contacts"</th><th scope="col">"Calls"</th><th scope="col">"Contact form"</th>
                            <th scope="col">"Calls if published"</th><th scope="col">"English"</th><th scope="col">"Spanish"</th><th scope="col">"French"</th><th scope="col">"Chinese"</th>
                        </tr></thead>
                        <tbody>
                            {move || forecast.with(|f| f.daily.iter().map(|d| view! {
                                <tr>
                                    <th scope="row">{d.day}</th><td>{format_count(d.contacts)}</td><td>{format_count(d.phone)}</td><td>{format_count(d.form)}</td>
                                    <td>{format_count(d.phone_if_published)}</td>
                                    {d.by_language.iter().map(|v| view! { <td>{format_count(*v)}</td> }).collect_view()}
                                </tr>
                            }).collect_view())}
                        </tbody>
                    </table>
                </div>
            </details>
            <h3>"Assumptions"</h3>
            <p>"Login.gov does not publish its handle time, intraday pattern or shrinkage; these are starting values a Login.gov reviewer can change. The forecast redraws as you type."</p>
            <AssumptionFields id_prefix="assumption" texts=texts state=assumption_state on_edit=on_edit />
        </section>
    }
}

/// Daily calls and contact-form cases as stacked bars, with calls-if-published as a line, and
/// the deploy and launch days marked. Drawn in a narrow coordinate space with large type, so
/// the labels stay readable when the chart shrinks to a 375 px phone.
#[component]
pub(super) fn ForecastChart(forecast: Memo<Forecast>, deploy_day: Signal<Option<i64>>) -> impl IntoView {
    const W: f64 = 400.0;
    const H: f64 = 250.0;
    const LEFT: f64 = 40.0;
    const TOP: f64 = 34.0;
    const BOTTOM: f64 = 30.0;
    let shapes = move || {
        let deploy = deploy_day.get();
        forecast.with(|f| {
            let n = f.daily.len().max(1) as f64;
            let max = f.daily.iter().map(|d| d.phone_if_published.max(d.phone + d.form)).fold(0.0, f64::max).max(1.0);
            let bar = (W - LEFT) / n;
            let y = |v: f64| H - BOTTOM - v / max * (H - TOP - BOTTOM);
            let bars = f
                .daily
                .iter()
                .enumerate()
                .map(|(i, d)| {
                    let x = LEFT + i as f64 * bar;
                    view! {
                        <rect class="chart-phone" x=format!("{x:.1}") y=format!("{:.1}", y(d.phone)) width=format!("{:.1}", (bar - 0.5).max(0.5)) height=format!("{:.1}", H - BOTTOM - y(d.phone)) />
                        <rect class="chart-form" x=format!("{x:.1}") y=format!("{:.1}", y(d.phone + d.form)) width=format!("{:.1}", (bar - 0.5).max(0.5)) height=format!("{:.1}", y(d.phone) - y(d.phone + d.form)) />
                    }
                })
                .collect_view();
            let line: Vec<String> = f.daily.iter().enumerate().map(|(i, d)| format!("{:.1},{:.1}", LEFT + (i as f64 + 0.5) * bar, y(d.phone_if_published))).collect();
            let first = f.daily.first().map(|d| d.day).unwrap_or(0);
            let last = f.daily.last().map(|d| d.day).unwrap_or(0);
            let x_of = |day: i64| LEFT + ((day - first) as f64 + 0.5) * bar;
            // Launch on the right of its line, deploy on the left of its own, so they never overlap.
            let marker = move |day: i64, label: &'static str, anchor: &'static str, class: &'static str| {
                let x = x_of(day);
                let text_x = if anchor == "start" { x + 3.0 } else { x - 3.0 };
                view! {
                    <line class=format!("chart-marker {class}") x1=format!("{x:.1}") y1=TOP - 14.0 x2=format!("{x:.1}") y2=H - BOTTOM />
                    <text class="chart-label chart-label--marker" x=format!("{text_x:.1}") y=TOP - 18.0 text-anchor=anchor>{label}</text>
                }
            };
            let launch_marker = (first <= 0 && 0 <= last).then(|| marker(0, "Launch", "start", "chart-marker--launch"));
            let deploy_marker = deploy.filter(|d| *d < 0 && first <= *d).map(|d| marker(d, "Deploy", "end", "chart-marker--deploy"));
            view! {
                {bars}
                <polyline class="chart-published" points=line.join(" ") />
                <line class="chart-axis" x1=LEFT y1=H - BOTTOM x2=W y2=H - BOTTOM />
                {launch_marker}
                {deploy_marker}
                <text class="chart-label" x=LEFT y=H - 8.0>{day_label(first)}</text>
                <text class="chart-label" x=W y=H - 8.0 text-anchor="end">{day_label(last)}</text>
                <text class="chart-label" x=LEFT - 4.0 y=TOP + 5.0 text-anchor="end">{format_count(max)}</text>
                <text class="chart-label" x=LEFT - 4.0 y=H - BOTTOM text-anchor="end">"0"</text>
            }
        })
    };
    view! {
        <figure class="forecast-chart">
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-labelledby="chart-title chart-desc" data-testid="forecast-chart">
                <title id="chart-title">"Daily Login.gov contacts from your launch"</title>
                <desc id="chart-desc">{move || forecast.with(|f| format!("Bars show calls and contact-form cases per day; the line shows calls if the phone number were published; lines mark the deploy and launch days. {}", f.summary))}</desc>
                {shapes}
            </svg>
            <figcaption>
                <span class="legend legend--phone">"Calls"</span>
                <span class="legend legend--form">"Contact-form cases"</span>
                <span class="legend legend--published">"Calls if the number were published"</span>
                " The same figures are in the table below."
            </figcaption>
        </figure>
    }
}
