//! The Contact Center plan for many launches at once: each launch's contacts forecast as on
//! `/launch`, placed on its dates, added up day by day, and phone agents for the busiest
//! interval of each day by Erlang C on the combined load. The sum of what each launch would need
//! on its own is kept beside it, so the gain from pooling shows.
//!
//! One Contact Center staffs every launch, so the agents are always sized with the planner's
//! assumptions; a launch planned "with its own assumptions" uses the partner's values only for
//! its contacts (how many, by which channel).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::dates::Date;
use crate::launch::FORECAST_DAYS;
use crate::staffing::{agents_needed, daily_forecast, Assumptions, ForecastInput, MAX_DAYS_BEFORE_LAUNCH};
use crate::text::{csv_cell, format_count, CSV_BOM};

use super::request::{Placement, PlannedLaunch};

/// Spanish, in the language order of the forecast (English, Spanish, French, Chinese).
const SPANISH: usize = 1;
/// The cited share of agents who speak Spanish, in percent (`sd-spanish-agents`).
pub fn spanish_agent_share_pct() -> f64 {
    crate::content::content().launch.staffing_defaults.iter().find(|d| d.id == "sd-spanish-agents").map_or(25.0, |d| d.value)
}

/// Whether the agents the Spanish calls alone need are more than `share_pct` of the agents
/// on the phones (exactly the share is not flagged). Whole numbers, so the edge is exact.
pub fn spanish_over_share(spanish_agents: u32, agents: u32, share_pct: f64) -> bool {
    agents > 0 && f64::from(spanish_agents) * 100.0 > finite_or_zero(share_pct) * f64::from(agents)
}

/// The days a plan covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub first: Date,
    pub days: u32,
}

impl Window {
    /// From the earliest deploy date, announcement or launch (at most 90 days before a launch)
    /// to `FORECAST_DAYS` after the last launch. `None` with no launches.
    pub fn around(launches: &[&PlannedLaunch]) -> Option<Window> {
        let first = launches
            .iter()
            .map(|l| {
                let (placed, _) = l.placed_on();
                let earliest = [l.deploy_date, l.announcement_date].into_iter().flatten().chain([placed]).min().unwrap_or(placed);
                earliest.max(placed.add_days(-MAX_DAYS_BEFORE_LAUNCH))
            })
            .min()?;
        let last = launches.iter().map(|l| l.placed_on().0).max()?.add_days(i64::from(FORECAST_DAYS) - 1);
        let days = (last.days_since_epoch() - first.days_since_epoch() + 1).clamp(1, 3660) as u32;
        Some(Window { first, days })
    }

    pub fn date(self, index: usize) -> Date {
        self.first.add_days(index as i64)
    }
}

/// One launch as the plan shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanLaunch {
    pub key: String,
    pub name: String,
    pub placed_on: Date,
    pub placement: Placement,
    pub phone_published: bool,
    /// Planned with the partner's own contact assumptions.
    pub own_assumptions: bool,
}

/// One day of the plan. Contacts are expected values.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanDay {
    pub phone: f64,
    pub form: f64,
    /// English, Spanish, French, Chinese.
    pub by_language: [f64; 4],
    /// The day's contacts by the plan's layers (`Plan::layers`), for the stacked chart.
    pub by_layer: Vec<f64>,
    /// Calls in the day's busiest interval, all launches together.
    pub peak_interval_calls: f64,
    /// Agents on the phones for that interval, by Erlang C on the combined calls.
    pub phone_agents: u32,
    /// The sum of what each launch's calls would need on their own.
    pub separate_phone_agents: u32,
    /// What the Spanish calls alone would need.
    pub spanish_phone_agents: u32,
}

impl PlanDay {
    pub fn contacts(&self) -> f64 {
        self.phone + self.form
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub window: Window,
    pub launches: Vec<PlanLaunch>,
    pub days: Vec<PlanDay>,
    /// Days on which Spanish calls alone need more than the cited share of the agents.
    pub spanish_days: Vec<Date>,
    /// Days with two or more launches placed on them, with those launches' keys.
    pub crowded_days: Vec<(Date, Vec<String>)>,
    /// Weeks (from Monday) with two or more launches placed in them, with their keys.
    pub crowded_weeks: Vec<(Date, Vec<String>)>,
    /// Sentences with the key figures.
    pub summary: Vec<String>,
    /// The chart's layers: the launches with the most contacts, one each, then the rest together.
    pub layers: Vec<PlanLayer>,
}

/// Launches drawn as a layer of their own; the others share one more.
pub const OWN_LAYERS: usize = 5;

/// A layer of the chart: one launch, or the rest of them together.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanLayer {
    pub name: String,
    /// The launches in it, by key.
    pub keys: Vec<String>,
}

impl Plan {
    /// The launches placed on the day at `index`, by name. (Every launch brings contacts on every
    /// day after it, so "launches with contacts" would name them all; `by_layer` has those.)
    pub fn launching_on(&self, index: usize) -> Vec<&str> {
        let date = self.window.date(index);
        self.launches.iter().filter(|l| l.placed_on == date).map(|l| l.name.as_str()).collect()
    }

    /// The flags of the day at `index`, in words (the CSV's and the page's table's).
    pub fn flags_on(&self, index: usize) -> Vec<&'static str> {
        let date = self.window.date(index);
        let mut flags = Vec::new();
        if self.spanish_days.contains(&date) {
            flags.push("Spanish over share");
        }
        if self.crowded_days.iter().any(|(d, _)| *d == date) {
            flags.push("several launches");
        }
        flags
    }

    /// The day with the most phone agents (the earliest on a tie).
    pub fn busiest_day(&self) -> Option<usize> {
        let most = self.days.iter().map(|d| d.phone_agents).max()?;
        (most > 0).then(|| self.days.iter().position(|d| d.phone_agents == most)).flatten()
    }
}

fn finite_or_zero(x: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        0.0
    }
}

fn fraction(pct: f64) -> f64 {
    finite_or_zero(pct).clamp(0.0, 100.0) / 100.0
}

/// A launch's forecast input for the days of `window` from its placed date on.
fn forecast_input(launch: &PlannedLaunch, window: Window) -> ForecastInput {
    let (placed, placement) = launch.placed_on();
    let offset = |date: Date| date.days_since_epoch() - placed.days_since_epoch();
    let last = window.first.add_days(i64::from(window.days) - 1);
    ForecastInput {
        monthly_active_users: launch.monthly_active_users,
        new_user_share_pct: launch.new_user_share_pct,
        ramp_weeks: launch.ramp_weeks.min(52),
        announcement_day_offset: launch.announcement_date.map(offset),
        deploy_day_offset: match placement {
            Placement::UserLaunch => launch.deploy_date.map(offset).filter(|d| *d <= 0),
            Placement::Deploy => None,
        },
        announcement_recipients: launch.announcement_recipients,
        language_shares: launch.language_shares,
        phone_published: launch.phone_published,
        days: (offset(last) + 1).clamp(0, 3660) as u32,
    }
}

/// The planner's assumptions with the partner's values laid over them.
fn with_partner_values(planner: &Assumptions, launch: &PlannedLaunch) -> Assumptions {
    let mut a = planner.clone();
    for (key, value) in &launch.partner_assumptions {
        a.set(key, *value);
    }
    a
}

/// The plan for `launches` over `window`, with `planner` assumptions; the launches whose keys
/// are in `own` use their partner's assumptions for their contacts.
pub fn plan(launches: &[&PlannedLaunch], planner: &Assumptions, own: &BTreeSet<String>, window: Window) -> Plan {
    PlanBasis::new(launches, planner, own, window).plan(&BTreeSet::new())
}

/// How phone agents are sized: the planner's assumptions, once for every launch.
#[derive(Clone, Copy, Debug)]
struct Sizing {
    peak_share: f64,
    handle_s: f64,
    interval_s: f64,
    target_sl: f64,
    target_s: f64,
    occupancy_cap: f64,
}

impl Sizing {
    fn new(planner: &Assumptions) -> Sizing {
        Sizing {
            peak_share: fraction(planner.peak_interval_share_pct),
            handle_s: finite_or_zero(planner.handle_time_s),
            interval_s: finite_or_zero(planner.interval_min) * 60.0,
            target_sl: fraction(planner.service_level_target_pct),
            target_s: finite_or_zero(planner.answer_within_s),
            occupancy_cap: fraction(planner.occupancy_cap_pct),
        }
    }

    /// Agents on the phones for the busiest interval of a day with `calls` calls.
    fn agents(self, calls: f64) -> u32 {
        agents_needed(calls * self.peak_share, self.handle_s, self.interval_s, self.target_sl, self.target_s, self.occupancy_cap)
    }
}

/// One launch's figures on one day of the window.
#[derive(Clone, Copy, Debug, Default)]
struct LaunchDay {
    phone: f64,
    form: f64,
    by_language: [f64; 4],
    spanish_calls: f64,
}

/// Each launch's contacts forecast once, day by day over the window. Only the assumptions that
/// change contacts (see [`contact_assumptions`]) and the launches themselves make new contacts;
/// the assumptions that size agents do not, so changing those is quicker.
pub struct PlanContacts {
    window: Window,
    launches: Vec<PlanLaunch>,
    /// Per launch, the window's days from its first day with contacts on.
    days: Vec<(usize, Vec<LaunchDay>)>,
    /// Per launch, its contacts over the window (which launches get a layer of their own).
    totals: Vec<f64>,
}

/// The assumptions with those that only size agents set to their defaults: what the contacts
/// depend on. Two sets with the same contact assumptions give the same [`PlanContacts`].
pub fn contact_assumptions(a: &Assumptions) -> Assumptions {
    let defaults = Assumptions::default();
    Assumptions {
        peak_interval_share_pct: defaults.peak_interval_share_pct,
        handle_time_s: defaults.handle_time_s,
        interval_min: defaults.interval_min,
        service_level_target_pct: defaults.service_level_target_pct,
        answer_within_s: defaults.answer_within_s,
        occupancy_cap_pct: defaults.occupancy_cap_pct,
        shrinkage_pct: defaults.shrinkage_pct,
        form_response_days: defaults.form_response_days,
        ..a.clone()
    }
}

impl PlanContacts {
    pub fn new(launches: &[&PlannedLaunch], planner: &Assumptions, own: &BTreeSet<String>, window: Window) -> PlanContacts {
        let mut all_days = Vec::with_capacity(launches.len());
        for launch in launches {
            let assumptions = if own.contains(&launch.key) { with_partner_values(planner, launch) } else { planner.clone() };
            let (placed, _) = launch.placed_on();
            let daily = daily_forecast(&forecast_input(launch, window), &assumptions);
            // Day d of the forecast is window day `placed_at + d` (whole-day arithmetic: a date
            // per day of a thousand launches was most of this loop's time).
            let placed_at = placed.days_since_epoch() - window.first.days_since_epoch();
            let indexed: Vec<(usize, &crate::staffing::DayForecast)> =
                daily.iter().filter_map(|d| usize::try_from(placed_at + d.day).ok().filter(|&i| i < window.days as usize).map(|i| (i, d))).collect();
            let start = indexed.first().map_or(0, |(i, _)| *i);
            let mut days = vec![LaunchDay::default(); indexed.last().map_or(0, |(i, _)| i + 1 - start)];
            for (i, d) in indexed {
                let day = &mut days[i - start];
                let phone_fraction = if d.contacts > 0.0 { d.phone / d.contacts } else { 0.0 };
                *day = LaunchDay {
                    phone: day.phone + d.phone,
                    form: day.form + d.form,
                    by_language: std::array::from_fn(|k| day.by_language[k] + d.by_language[k]),
                    spanish_calls: day.spanish_calls + d.by_language[SPANISH] * phone_fraction,
                };
            }
            all_days.push((start, days));
        }
        let launches = launches
            .iter()
            .map(|l| {
                let (placed_on, placement) = l.placed_on();
                PlanLaunch {
                    key: l.key.clone(),
                    name: l.name(),
                    placed_on,
                    placement,
                    phone_published: l.phone_published,
                    own_assumptions: own.contains(&l.key),
                }
            })
            .collect();
        let totals = all_days.iter().map(|(_, days)| days.iter().map(|d| d.phone + d.form).sum()).collect();
        PlanContacts { window, launches, days: all_days, totals }
    }
}

/// What a plan is made from: the launches' contacts, with the agents each launch's calls alone
/// need each day. Switching launches off and on only adds these up again and sizes the agents of
/// each day, which keeps a what-if quick with a thousand launches; new sizing assumptions make a
/// new basis from the same contacts, new launches or contact assumptions new contacts.
pub struct PlanBasis {
    contacts: Arc<PlanContacts>,
    sizing: Sizing,
    /// Per launch and day (as in `contacts.days`), the agents its calls alone need.
    agents: Vec<Vec<u32>>,
}

impl PlanBasis {
    pub fn new(launches: &[&PlannedLaunch], planner: &Assumptions, own: &BTreeSet<String>, window: Window) -> PlanBasis {
        PlanBasis::sized(Arc::new(PlanContacts::new(launches, &contact_assumptions(planner), own, window)), planner)
    }

    /// The basis for `contacts` with the agents sized by `planner`'s assumptions.
    pub fn sized(contacts: Arc<PlanContacts>, planner: &Assumptions) -> PlanBasis {
        let sizing = Sizing::new(planner);
        let agents = contacts
            .days
            .iter()
            .map(|(_, days)| {
                // A launch's calls settle to the same figure every day once its surge is over:
                // the agents for a day like the one before are not worked out again.
                let mut last: Option<(f64, u32)> = None;
                days.iter()
                    .map(|day| {
                        let agents = match last {
                            Some((calls, agents)) if calls == day.phone => agents,
                            _ => sizing.agents(day.phone),
                        };
                        last = Some((day.phone, agents));
                        agents
                    })
                    .collect()
            })
            .collect();
        PlanBasis { contacts, sizing, agents }
    }

    /// The plan of every launch but those whose keys are in `off`.
    pub fn plan(&self, off: &BTreeSet<String>) -> Plan {
        let c = &*self.contacts;
        let window = c.window;
        let kept: Vec<usize> = (0..c.launches.len()).filter(|&i| !off.contains(&c.launches[i].key)).collect();
        // The biggest launches first (import order on a tie); with one more launch than there are
        // own layers, it gets its own too rather than an "others" layer of one.
        let mut ranked = kept.clone();
        ranked.sort_by(|&a, &b| c.totals[b].total_cmp(&c.totals[a]).then(a.cmp(&b)));
        let own = if ranked.len() > OWN_LAYERS + 1 { OWN_LAYERS } else { ranked.len() };
        let mut layer_of = vec![own; c.launches.len()];
        let mut layers: Vec<PlanLayer> = ranked[..own]
            .iter()
            .enumerate()
            .map(|(layer, &i)| {
                layer_of[i] = layer;
                PlanLayer { name: c.launches[i].name.clone(), keys: vec![c.launches[i].key.clone()] }
            })
            .collect();
        if own < ranked.len() {
            let rest: Vec<String> = ranked[own..].iter().map(|&i| c.launches[i].key.clone()).collect();
            layers.push(PlanLayer { name: format!("{} other launches", rest.len()), keys: rest });
        }
        let mut days = vec![PlanDay { by_layer: vec![0.0; layers.len()], ..PlanDay::default() }; window.days as usize];
        let mut spanish_calls = vec![0.0; days.len()];
        for &li in &kept {
            let slot = layer_of[li];
            let (start, launch_days) = &c.days[li];
            for (offset, (d, agents)) in launch_days.iter().zip(&self.agents[li]).enumerate() {
                let day = &mut days[start + offset];
                day.phone += d.phone;
                day.form += d.form;
                for (sum, v) in day.by_language.iter_mut().zip(d.by_language) {
                    *sum += v;
                }
                day.by_layer[slot] += d.phone + d.form;
                day.separate_phone_agents += agents;
                spanish_calls[start + offset] += d.spanish_calls;
            }
        }
        let spanish_share_pct = spanish_agent_share_pct();
        let mut spanish_days = Vec::new();
        for (i, day) in days.iter_mut().enumerate() {
            day.peak_interval_calls = day.phone * self.sizing.peak_share;
            day.phone_agents = self.sizing.agents(day.phone);
            day.spanish_phone_agents = self.sizing.agents(spanish_calls[i]);
            if spanish_over_share(day.spanish_phone_agents, day.phone_agents, spanish_share_pct) {
                spanish_days.push(window.date(i));
            }
        }
        let launches: Vec<PlanLaunch> = kept.iter().map(|&i| c.launches[i].clone()).collect();
        let crowded = |group: &dyn Fn(Date) -> Date| -> Vec<(Date, Vec<String>)> {
            let mut by: BTreeMap<Date, Vec<String>> = BTreeMap::new();
            for l in &launches {
                by.entry(group(l.placed_on)).or_default().push(l.key.clone());
            }
            by.into_iter().filter(|(_, keys)| keys.len() > 1).collect()
        };
        let crowded_days = crowded(&|d| d);
        let crowded_weeks = crowded(&|d: Date| d.add_days(-i64::from(d.weekday_from_monday())));
        let mut result = Plan { window, launches, days, spanish_days, crowded_days, crowded_weeks, summary: Vec::new(), layers };
        result.summary = summary(&result);
        result
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", n, if n == 1 { one } else { many })
}

fn summary(plan: &Plan) -> Vec<String> {
    let mut out = Vec::new();
    if plan.launches.is_empty() {
        out.push("No launches are in the plan: import launch requests, or switch one back on.".to_string());
        return out;
    }
    let first = plan.launches.iter().map(|l| l.placed_on).min().map(Date::to_iso).unwrap_or_default();
    let last = plan.launches.iter().map(|l| l.placed_on).max().map(Date::to_iso).unwrap_or_default();
    out.push(format!("{} in the plan, placed from {first} to {last}.", plural(plan.launches.len(), "launch", "launches")));
    match plan.busiest_day() {
        Some(i) => {
            let day = &plan.days[i];
            out.push(format!(
                "The busiest day for the phones is {}: about {} contacts, {} of them calls; its busiest interval needs {} on the phones, against {} if each launch were staffed on its own.",
                plan.window.date(i).to_iso(),
                format_count(day.contacts()),
                format_count(day.phone),
                plural(day.phone_agents as usize, "agent", "agents"),
                day.separate_phone_agents
            ));
        }
        None => out.push("The launches in the plan bring no calls in these days.".to_string()),
    }
    let share = crate::staffing::plain_number(spanish_agent_share_pct());
    match plan.spanish_days.as_slice() {
        [] => out.push(format!("Spanish calls alone never need more than the {share}% of agents who speak Spanish.")),
        [only] => out.push(format!("On {}, Spanish calls alone would need more than the {share}% of agents who speak Spanish.", only.to_iso())),
        [first, ..] => out.push(format!(
            "On {} days, the first {}, Spanish calls alone would need more than the {share}% of agents who speak Spanish.",
            plan.spanish_days.len(),
            first.to_iso()
        )),
    }
    if !plan.crowded_days.is_empty() {
        let dates: Vec<String> = plan.crowded_days.iter().map(|(d, keys)| format!("{} ({} launches)", d.to_iso(), keys.len())).collect();
        out.push(format!("Several launches share a day: {}.", dates.join(", ")));
    } else if !plan.crowded_weeks.is_empty() {
        let weeks: Vec<String> = plan.crowded_weeks.iter().map(|(d, keys)| format!("the week of {} ({} launches)", d.to_iso(), keys.len())).collect();
        out.push(format!("Several launches share a week: {}.", weeks.join(", ")));
    }
    let published: Vec<&str> = plan.launches.iter().filter(|l| l.phone_published).map(|l| l.name.as_str()).collect();
    if !published.is_empty() {
        out.push(format!(
            "{} {} a page publishes the Contact Center number, so all of {} contacts are planned as calls.",
            published.join("; "),
            if published.len() == 1 { "says" } else { "say" },
            if published.len() == 1 { "its" } else { "their" }
        ));
    }
    out
}

/// A figure to one decimal, from whole tenths (no float formatting).
pub fn tenths(x: f64) -> String {
    let t = (finite_or_zero(x).max(0.0) * 10.0).round() as u64;
    format!("{}.{}", t / 10, t % 10)
}

/// The CSV columns, in order.
pub const CSV_HEADER: [&str; 13] = [
    "date",
    "contacts",
    "phone",
    "contact_form",
    "english",
    "spanish",
    "french",
    "chinese",
    "phone_agents_required",
    "phone_agents_if_staffed_separately",
    "spanish_phone_agents",
    "flags",
    "launching",
];

/// The daily plan as CSV: a row per day, every cell quoted and guarded against formulas.
pub fn plan_csv(plan: &Plan) -> String {
    let mut out = String::from(CSV_BOM);
    out.push_str(&CSV_HEADER.iter().map(|h| csv_cell(h)).collect::<Vec<_>>().join(","));
    out.push_str("\r\n");
    for (i, day) in plan.days.iter().enumerate() {
        let date = plan.window.date(i);
        let flags = plan.flags_on(i);
        let cells = [
            date.to_iso(),
            tenths(day.contacts()),
            tenths(day.phone),
            tenths(day.form),
            tenths(day.by_language[0]),
            tenths(day.by_language[1]),
            tenths(day.by_language[2]),
            tenths(day.by_language[3]),
            day.phone_agents.to_string(),
            day.separate_phone_agents.to_string(),
            day.spanish_phone_agents.to_string(),
            flags.join("; "),
            plan.launching_on(i).join("; "),
        ];
        out.push_str(&cells.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}
