//! Contact Center staffing forecast for a partner launch: contacts per day, their split by
//! channel and language, phone agents by Erlang C at the busiest interval, and the contact-form
//! workload against its response target.
//!
//! Every number the model uses that is not the partner's own is an [`Assumptions`] field with a
//! default, editable by a Login.gov reviewer and shown as such. The defaults with an `sd-*` id
//! come from `src/content/launch.json` (`staffing_defaults`), where each is cited; the rest are
//! this portal's modelling choices, documented on the field.
//!
//! All functions are deterministic and never return NaN: zero or degenerate inputs give zeros.

use crate::text::format_count;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The assumptions behind the forecast. Percent fields are 0–100, not fractions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Assumptions {
    /// Share of active users who contact the Contact Center in a month (`sd-contact-rate`:
    /// Login.gov publishes "fewer than 1%"; 1% is the upper bound).
    pub contact_rate_pct: f64,
    /// Share of contacts that come by phone when the agency does not publish the Contact Center
    /// number (`sd-phone-share`, 55%); the rest come by the contact form (`sd-form-share`, 45%).
    /// When the number is published, every contact is assumed to come by phone.
    pub phone_share_pct: f64,
    /// Share of calls to answer within `answer_within_s` (`sd-service-level-target`, 80%).
    pub service_level_target_pct: f64,
    /// Target time to answer (`sd-answer-within`, 20 s).
    pub answer_within_s: f64,
    /// Average handle time of a call, including after-call work (`sd-handle-time`, 180 s).
    pub handle_time_s: f64,
    /// Length of the planning interval (`sd-interval`, 30 min).
    pub interval_min: f64,
    /// Highest share of time an agent spends on calls (`sd-occupancy-cap`, 85%).
    pub occupancy_cap_pct: f64,
    /// Share of paid time agents are not available for calls (`sd-shrinkage`, 30%).
    pub shrinkage_pct: f64,
    /// Response target for contact-form cases, in business days (`sd-form-response-target`, 2).
    pub form_response_days: f64,
    /// Share of a day's calls that arrive in its busiest interval (of `interval_min` minutes).
    /// Not published by Login.gov: the portal assumes 10% (an even spread over 24 hours would be
    /// about 2% per half hour), so the peak-interval staffing is deliberately cautious.
    pub peak_interval_share_pct: f64,
    /// Contacts caused by the announcement email, as a multiple of `recipients × contact rate`,
    /// spread over the days after sending like the new-user surge. Default 1: 1% of recipients
    /// in all.
    pub announcement_spike_multiplier: f64,
    /// Number of days over which the contacts of users new to Login.gov spread after they
    /// first reach the application (default 14: the first two weeks).
    pub surge_days: f64,
    /// Each surge day sees this percent of the previous day's surge contacts (default 80%:
    /// weights ∝ 0.8^day, normalised over `surge_days`). 100 spreads the surge evenly.
    pub surge_day_to_day_pct: f64,
}

impl Default for Assumptions {
    fn default() -> Self {
        Assumptions {
            contact_rate_pct: 1.0,
            phone_share_pct: 55.0,
            service_level_target_pct: 80.0,
            answer_within_s: 20.0,
            handle_time_s: 180.0,
            interval_min: 30.0,
            occupancy_cap_pct: 85.0,
            shrinkage_pct: 30.0,
            form_response_days: 2.0,
            peak_interval_share_pct: 10.0,
            announcement_spike_multiplier: 1.0,
            surge_days: 14.0,
            surge_day_to_day_pct: 80.0,
        }
    }
}

/// How one assumption is shown, edited and checked.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AssumptionSpec {
    /// The `Assumptions` field name (also its key in the payload and in error maps).
    pub key: &'static str,
    /// The `staffing_defaults` id in `launch.json` that cites the default, if any.
    pub default_id: Option<&'static str>,
    pub label: &'static str,
    pub unit: &'static str,
    pub min: f64,
    pub max: f64,
    /// Only whole numbers make sense.
    pub whole: bool,
}

const fn spec(key: &'static str, default_id: Option<&'static str>, label: &'static str, unit: &'static str, min: f64, max: f64, whole: bool) -> AssumptionSpec {
    AssumptionSpec { key, default_id, label, unit, min, max, whole }
}

/// Every assumption, in the order the page and the exports show them.
pub const ASSUMPTIONS: [AssumptionSpec; 13] = [
    spec("contact_rate_pct", Some("sd-contact-rate"), "Contact rate", "percent of active users a month", 0.0, 100.0, false),
    spec("phone_share_pct", Some("sd-phone-share"), "Phone share of contacts", "percent", 0.0, 100.0, false),
    spec("service_level_target_pct", Some("sd-service-level-target"), "Service level target", "percent", 1.0, 99.9, false),
    spec("answer_within_s", Some("sd-answer-within"), "Answer within", "seconds", 0.0, 3600.0, false),
    spec("handle_time_s", Some("sd-handle-time"), "Average handle time", "seconds", 1.0, 3600.0, false),
    spec("interval_min", Some("sd-interval"), "Planning interval", "minutes", 5.0, 120.0, false),
    spec("occupancy_cap_pct", Some("sd-occupancy-cap"), "Occupancy cap", "percent", 1.0, 100.0, false),
    spec("shrinkage_pct", Some("sd-shrinkage"), "Shrinkage", "percent", 0.0, 95.0, false),
    spec("form_response_days", Some("sd-form-response-target"), "Contact form response target", "business days", 0.0, 30.0, false),
    spec("peak_interval_share_pct", None, "Share of a day's calls in the busiest interval", "percent", 0.1, 100.0, false),
    spec("announcement_spike_multiplier", None, "Announcement spike multiplier", "times recipients × contact rate", 0.0, 100.0, false),
    spec("surge_days", None, "New-user surge length", "days", 1.0, 90.0, true),
    spec("surge_day_to_day_pct", None, "New-user surge: each day compared with the day before", "percent", 0.0, 100.0, false),
];

impl Assumptions {
    pub fn get(&self, key: &str) -> Option<f64> {
        Some(match key {
            "contact_rate_pct" => self.contact_rate_pct,
            "phone_share_pct" => self.phone_share_pct,
            "service_level_target_pct" => self.service_level_target_pct,
            "answer_within_s" => self.answer_within_s,
            "handle_time_s" => self.handle_time_s,
            "interval_min" => self.interval_min,
            "occupancy_cap_pct" => self.occupancy_cap_pct,
            "shrinkage_pct" => self.shrinkage_pct,
            "form_response_days" => self.form_response_days,
            "peak_interval_share_pct" => self.peak_interval_share_pct,
            "announcement_spike_multiplier" => self.announcement_spike_multiplier,
            "surge_days" => self.surge_days,
            "surge_day_to_day_pct" => self.surge_day_to_day_pct,
            _ => return None,
        })
    }

    /// Sets one assumption by key; false for an unknown key. The value is stored as given
    /// (check it with [`validate_assumptions`]).
    pub fn set(&mut self, key: &str, value: f64) -> bool {
        let slot = match key {
            "contact_rate_pct" => &mut self.contact_rate_pct,
            "phone_share_pct" => &mut self.phone_share_pct,
            "service_level_target_pct" => &mut self.service_level_target_pct,
            "answer_within_s" => &mut self.answer_within_s,
            "handle_time_s" => &mut self.handle_time_s,
            "interval_min" => &mut self.interval_min,
            "occupancy_cap_pct" => &mut self.occupancy_cap_pct,
            "shrinkage_pct" => &mut self.shrinkage_pct,
            "form_response_days" => &mut self.form_response_days,
            "peak_interval_share_pct" => &mut self.peak_interval_share_pct,
            "announcement_spike_multiplier" => &mut self.announcement_spike_multiplier,
            "surge_days" => &mut self.surge_days,
            "surge_day_to_day_pct" => &mut self.surge_day_to_day_pct,
            _ => return false,
        };
        *slot = value;
        true
    }
}

fn plain_number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// Problems with the assumptions, keyed by field name, in plain words. Empty when all are usable.
pub fn validate_assumptions(a: &Assumptions) -> BTreeMap<&'static str, String> {
    let mut errors = BTreeMap::new();
    for s in ASSUMPTIONS {
        let value = a.get(s.key).unwrap_or(f64::NAN);
        if !value.is_finite() {
            errors.insert(s.key, format!("{}: enter a number.", s.label));
        } else if value < s.min || value > s.max {
            errors.insert(
                s.key,
                format!("{}: enter a value from {} to {} ({}).", s.label, plain_number(s.min), plain_number(s.max), s.unit),
            );
        } else if s.whole && value.fract() != 0.0 {
            errors.insert(s.key, format!("{}: enter a whole number of {}.", s.label, s.unit));
        }
    }
    if !errors.contains_key("peak_interval_share_pct") && !errors.contains_key("interval_min") {
        // Less than an even spread over 24 hours would put fewer calls in the busiest
        // interval than in an average one.
        let even = a.interval_min / (24.0 * 60.0) * 100.0;
        if a.peak_interval_share_pct + 1e-9 < even {
            errors.insert(
                "peak_interval_share_pct",
                format!(
                    "Share of a day's calls in the busiest interval: enter at least {:.1}%, the share each {}-minute interval would get if calls were spread evenly over 24 hours.",
                    (even * 10.0).ceil() / 10.0,
                    plain_number(a.interval_min)
                ),
            );
        }
    }
    errors
}

// ---------------------------------------------------------------------------------------------
// Erlang C
// ---------------------------------------------------------------------------------------------

/// Erlang B blocking probability for `agents` servers and an offered `load` in Erlangs, by the
/// recursion B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)): no factorials, stays in [0, 1].
pub fn erlang_b(agents: u32, load: f64) -> f64 {
    if load.is_nan() || load <= 0.0 || load.is_infinite() {
        return if agents == 0 { 1.0 } else { 0.0 };
    }
    // Ten standard deviations of the Poisson load above it, blocking is below 1e-18: nothing that
    // uses it (1 − B, service level, speed of answer) can tell it from 0. Stop there instead of
    // counting up millions of agents, as a low occupancy cap on a large launch asks for.
    if f64::from(agents) >= negligible_blocking_from(load) {
        return 0.0;
    }
    let mut b = 1.0;
    for k in 1..=agents {
        b = load * b / (f64::from(k) + load * b);
        if b == 0.0 {
            // Underflowed, and 0 stays 0: stop instead of counting on to a hundred times the load
            // (a 1% occupancy cap), which took seconds for each keystroke.
            break;
        }
    }
    b
}

/// The number of agents from which Erlang B is negligible for `load`: A + 10·√A + 10.
fn negligible_blocking_from(load: f64) -> f64 {
    load + 10.0 * load.sqrt() + 10.0
}

/// Erlang C from Erlang B: C = N·B / (N − A·(1 − B)).
fn c_from_b(agents: u32, load: f64, b: f64) -> f64 {
    let n = f64::from(agents);
    if n <= load {
        return 1.0;
    }
    let c = n * b / (n - load * (1.0 - b));
    if c.is_finite() {
        c.clamp(0.0, 1.0)
    } else {
        1.0
    }
}

/// Erlang C: the probability that a call waits. 1.0 when `agents ≤ load` (the queue grows
/// without bound); 0.0 when there is no load.
pub fn erlang_c(agents: u32, load: f64) -> f64 {
    if load.is_nan() || load <= 0.0 || load.is_infinite() {
        return if agents == 0 { 1.0 } else { 0.0 };
    }
    c_from_b(agents, load, erlang_b(agents, load))
}

fn sl_from_c(agents: u32, load: f64, c: f64, handle_time_s: f64, target_s: f64) -> f64 {
    let n = f64::from(agents);
    if n <= load || handle_time_s.is_nan() || handle_time_s <= 0.0 {
        return 0.0;
    }
    let sl = 1.0 - c * (-(n - load) * target_s.max(0.0) / handle_time_s).exp();
    if sl.is_finite() {
        sl.clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// Share of calls answered within `target_s`: 1 − C·e^(−(N−A)·t/h). 0 when `agents ≤ load`.
pub fn service_level(agents: u32, load: f64, handle_time_s: f64, target_s: f64) -> f64 {
    if load.is_nan() || load <= 0.0 || load.is_infinite() {
        return if agents == 0 { 0.0 } else { 1.0 };
    }
    sl_from_c(agents, load, erlang_c(agents, load), handle_time_s, target_s)
}

/// Average speed of answer in seconds: C·h / (N − A). Infinite when `agents ≤ load`.
pub fn average_speed_of_answer(agents: u32, load: f64, handle_time_s: f64) -> f64 {
    if load.is_nan() || load <= 0.0 || load.is_infinite() {
        return 0.0;
    }
    let n = f64::from(agents);
    if n <= load {
        return f64::INFINITY;
    }
    erlang_c(agents, load) * handle_time_s.max(0.0) / (n - load)
}

/// Offered load in Erlangs: calls × handle time / interval length. 0 for unusable inputs.
pub fn offered_load(calls_per_interval: f64, handle_time_s: f64, interval_s: f64) -> f64 {
    let load = calls_per_interval * handle_time_s / interval_s;
    if load.is_finite() && load > 0.0 {
        load
    } else {
        0.0
    }
}

/// `ceil` that ignores floating-point dust: 14 / 0.7 = 20.000000000000004 gives 20.
fn ceil_clean(x: f64) -> f64 {
    (x - 1e-9).ceil()
}

/// Loads above this many Erlangs skip the Erlang C search: the occupancy cap's staffing
/// (or one agent more than the load) is returned, as the service level there is ~100%.
const MAX_SEARCHED_LOAD: f64 = 2_000_000.0;

/// The smallest number of agents N > A that answers `target_sl` (a fraction, e.g. 0.8) of
/// calls within `target_s` and keeps occupancy A/N at or below `occupancy_cap` (a fraction).
/// 0 when there are no calls. Linear in N (Erlang B is carried forward one agent at a time),
/// so 5,000 agents take microseconds.
pub fn agents_needed(calls_per_interval: f64, handle_time_s: f64, interval_s: f64, target_sl: f64, target_s: f64, occupancy_cap: f64) -> u32 {
    let load = offered_load(calls_per_interval, handle_time_s, interval_s);
    if load == 0.0 {
        return 0;
    }
    let cap = if occupancy_cap > 0.0 && occupancy_cap <= 1.0 { occupancy_cap } else { 1.0 };
    let above_load = load.floor() + 1.0;
    let first = above_load.max(ceil_clean(load / cap));
    if load > MAX_SEARCHED_LOAD || first >= f64::from(u32::MAX) {
        return if first >= f64::from(u32::MAX) { u32::MAX } else { first as u32 };
    }
    let first = first as u32;
    let target_sl = if target_sl.is_finite() { target_sl.min(1.0) } else { 1.0 };
    let mut b = erlang_b(first, load);
    let mut n = first;
    // Past this many extra agents the service level is 1 to machine precision anyway.
    let limit = first.saturating_add(100_000);
    loop {
        let c = c_from_b(n, load, b);
        if sl_from_c(n, load, c, handle_time_s, target_s) >= target_sl || n >= limit {
            return n;
        }
        n += 1;
        b = load * b / (f64::from(n) + load * b);
    }
}

// ---------------------------------------------------------------------------------------------
// Forecast
// ---------------------------------------------------------------------------------------------

/// Language order of every per-language array: English, Spanish, French, Chinese.
pub const LANGUAGES: [&str; 4] = ["en", "es", "fr", "zh"];
pub const LANGUAGE_NAMES: [&str; 4] = ["English", "Spanish", "French", "Chinese"];

/// What the partner told us, as numbers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ForecastInput {
    pub monthly_active_users: u64,
    /// Percent of users without a Login.gov account yet.
    pub new_user_share_pct: f64,
    /// 0 = all users at once; otherwise users are let in evenly over this many weeks.
    pub ramp_weeks: u32,
    /// Day of the announcement email relative to launch (negative = before launch).
    pub announcement_day_offset: Option<i64>,
    /// Day of the deploy date relative to launch (0 or negative), so the series starts there.
    pub deploy_day_offset: Option<i64>,
    pub announcement_recipients: u64,
    /// Percent of users preferring English, Spanish, French, Chinese.
    pub language_shares: [f64; 4],
    /// Whether any of the agency's pages publishes the Contact Center phone number.
    pub phone_published: bool,
    /// Number of days forecast from launch day (day 0 to day `days − 1`).
    pub days: u32,
}

/// Staffing for one way of sending users to help, on the busiest day.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ChannelFigures {
    pub peak_phone_calls: f64,
    pub peak_interval_calls: f64,
    pub phone_agents: u32,
    pub scheduled_agents: u32,
    pub form_backlog_per_day: f64,
}

/// One day of the forecast. Contacts are expected values, not rounded.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DayForecast {
    /// Days from launch: 0 is launch day, negative days are before launch.
    pub day: i64,
    pub contacts: f64,
    /// Calls with the channel split that applies to this partner (55% of contacts, or 100%
    /// when the partner publishes the number).
    pub phone: f64,
    pub form: f64,
    /// Calls if every contact came by phone (the number published): always computed, for the
    /// side-by-side view.
    pub phone_if_published: f64,
    pub form_if_published: f64,
    /// Contacts per language, in [`LANGUAGES`] order; they add up to `contacts`.
    pub by_language: [f64; 4],
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Forecast {
    pub daily: Vec<DayForecast>,
    /// Contacts per day once every user is on Login.gov: MAU × contact rate / 30.
    pub steady_contacts_per_day: f64,
    /// All contacts from users new to Login.gov, over the surge.
    pub surge_contacts: f64,
    /// Contacts caused by the announcement email, over the days after it is sent.
    pub announcement_contacts: f64,
    pub total_contacts: f64,
    pub total_phone: f64,
    pub total_phone_if_published: f64,
    /// The day with the most contacts (the earliest on a tie); 0 when there are none.
    pub peak_day: i64,
    pub peak_contacts: f64,
    pub peak_phone_calls: f64,
    pub peak_phone_calls_if_published: f64,
    /// Calls in the busiest interval of the peak day: peak calls × peak-interval share.
    pub peak_interval_calls: f64,
    pub peak_interval_calls_if_published: f64,
    /// Offered load in that interval, in Erlangs.
    pub peak_load_erlangs: f64,
    /// Agents on the phones in the busiest interval (Erlang C, service-level target, occupancy cap).
    pub phone_agents: u32,
    /// Agents to schedule for it: ceil(phone agents / (1 − shrinkage)).
    pub scheduled_agents: u32,
    pub phone_agents_if_published: u32,
    pub scheduled_agents_if_published: u32,
    /// The same busiest day if the partner links to login.gov/contact (never publishing the
    /// number), whatever it does now: the side-by-side view's first column.
    pub linking: ChannelFigures,
    /// Service level and average speed of answer reached with `phone_agents` (1 and 0 with no calls).
    pub achieved_service_level: f64,
    pub average_speed_of_answer_s: f64,
    pub form_cases_total: f64,
    /// Contact-form cases to answer each business day so that no case waits longer than the
    /// response target (see [`form_capacity_per_business_day`]).
    pub form_backlog_per_day: f64,
    /// 2–4 plain sentences with the key figures.
    pub summary: String,
}

/// The first day of the daily series: launch day, or the announcement day when it comes
/// earlier, but never more than this many days before launch (an earlier announcement's
/// contacts are still counted in `announcement_contacts`, just not drawn).
pub const MAX_DAYS_BEFORE_LAUNCH: i64 = 90;

fn finite_or_zero(x: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        0.0
    }
}

fn pct(x: f64) -> f64 {
    finite_or_zero(x).clamp(0.0, 100.0) / 100.0
}

/// Weights of the new-user surge over its days, summing to 1: weight(d) ∝ r^d for
/// d = 0 … surge_days − 1, with r = surge_day_to_day_pct / 100.
pub fn surge_weights(a: &Assumptions) -> Vec<f64> {
    let days = finite_or_zero(a.surge_days).round().clamp(1.0, 366.0) as usize;
    let r = pct(a.surge_day_to_day_pct);
    let raw: Vec<f64> = (0..days).map(|d| r.powi(d as i32)).collect();
    let sum: f64 = raw.iter().sum();
    raw.into_iter().map(|w| w / sum).collect()
}

/// Smallest contact-form capacity, in cases per business day, that answers every case within
/// `response_days` business days. Arrivals are daily; the team works five days in seven, which
/// the model spreads evenly (a fluid model: capacity c per business day is c·5/7 per calendar
/// day, and the response target is response_days·7/5 calendar days). Cases are answered in
/// arrival order; the backlog left at the end of day t is B(t) = max(0, B(t−1) + arrivals(t) −
/// rate), and the last case of day t is answered B(t)/rate days later, which must not exceed
/// the target. Found by bisection.
pub fn form_capacity_per_business_day(daily_arrivals: &[f64], response_days: f64) -> f64 {
    let arrivals: Vec<f64> = daily_arrivals.iter().map(|x| finite_or_zero(*x).max(0.0)).collect();
    let peak = arrivals.iter().cloned().fold(0.0, f64::max);
    if peak == 0.0 {
        return 0.0;
    }
    let wait_limit = finite_or_zero(response_days).max(0.0) * 7.0 / 5.0;
    let meets = |rate: f64| {
        let mut backlog: f64 = 0.0;
        for a in &arrivals {
            backlog = (backlog + a - rate).max(0.0);
            if backlog > rate * wait_limit + 1e-9 {
                return false;
            }
        }
        true
    };
    // Answering each day's cases that day always meets the target.
    let (mut low, mut high) = (0.0, peak);
    for _ in 0..100 {
        let mid = (low + high) / 2.0;
        if meets(mid) {
            high = mid;
        } else {
            low = mid;
        }
    }
    high * 7.0 / 5.0
}

/// A small count in words: one decimal below 10 so "0.5 calls" does not read as "1".
fn format_amount(x: f64) -> String {
    let x = finite_or_zero(x).max(0.0);
    if x > 0.0 && x < 10.0 {
        let s = format!("{:.1}", x);
        s.trim_end_matches(".0").to_string()
    } else {
        format_count(x)
    }
}

fn day_words(day: i64) -> String {
    match day {
        0 => "launch day".to_string(),
        1 => "the day after launch".to_string(),
        d if d > 1 => format!("day {d} after launch"),
        -1 => "the day before launch".to_string(),
        d => format!("{} days before launch", -d),
    }
}

/// The forecast. The model, each part an assumption shown on the page:
///
/// - **Steady state**: contacts per day = MAU × contact rate / 30 (a month taken as 30 days).
/// - **Ramp**: users arrive over R days: R = 1 for all at once, R = 7 × weeks for a phased
///   rollout. The steady-state contacts on day d ≥ 0 are the full rate × min(1, (d + 1) / R).
/// - **New-user surge**: users new to Login.gov (MAU × new-user share) create accounts when they
///   first arrive and contact the Contact Center at the contact rate on top of the steady state:
///   MAU × new-user share × contact rate contacts in all. Each day's arrivals (1/R of the new
///   users) spread their contacts over the following `surge_days` with the weights of
///   [`surge_weights`] (∝ 0.8^day by default).
/// - **Announcement**: recipients × contact rate × spike multiplier contacts, spread from the
///   day the email is sent over the following `surge_days` with the surge's weights (an
///   assumption: people read an email over several days, not all on the day it arrives).
/// - **Channels**: phone share of contacts by phone and the rest by the contact form, or every
///   contact by phone when the number is published; the published variant is always computed.
/// - **Languages**: contacts split by the language shares (normalised to their sum; all English
///   if the shares add up to 0).
/// - **Phone agents**: at the peak day's busiest interval (peak calls × peak-interval share),
///   by Erlang C with the service-level target, answer time, handle time and occupancy cap;
///   scheduled staff = ceil(agents / (1 − shrinkage)).
/// - **Contact form**: a backlog worked on business days against the response target.
pub fn forecast(input: &ForecastInput, a: &Assumptions) -> Forecast {
    let mau = input.monthly_active_users as f64;
    let rate = pct(a.contact_rate_pct);
    let steady = mau * rate / 30.0;
    let surge_total = mau * pct(input.new_user_share_pct) * rate;
    let announcement = input.announcement_recipients as f64 * rate * finite_or_zero(a.announcement_spike_multiplier).max(0.0);
    let ramp_days = if input.ramp_weeks == 0 { 1 } else { i64::from(input.ramp_weeks) * 7 };
    let weights = surge_weights(a);

    let days = i64::from(input.days.min(3660));
    // From the deploy date or the announcement, whichever is earlier, to show both.
    let start = [input.announcement_day_offset, input.deploy_day_offset].into_iter().flatten().fold(0, i64::min).max(-MAX_DAYS_BEFORE_LAUNCH);

    let phone_share = pct(a.phone_share_pct);
    let shares: Vec<f64> = input.language_shares.iter().map(|s| finite_or_zero(*s).max(0.0)).collect();
    let share_sum: f64 = shares.iter().sum();

    let mut daily = Vec::new();
    for day in start..days {
        let mut contacts = 0.0;
        if day >= 0 {
            contacts += steady * (((day + 1) as f64) / ramp_days as f64).min(1.0);
            // Cohorts k = 0 … R−1 each bring 1/R of the surge, spread from day k on.
            let first_cohort = (day - weights.len() as i64 + 1).max(0);
            let last_cohort = day.min(ramp_days - 1);
            let mut surge = 0.0;
            for k in first_cohort..=last_cohort {
                surge += weights[(day - k) as usize];
            }
            contacts += surge_total * surge / ramp_days as f64;
        }
        if let Some(offset) = input.announcement_day_offset {
            if let Some(weight) = usize::try_from(day - offset).ok().and_then(|j| weights.get(j)) {
                contacts += announcement * weight;
            }
        }
        let contacts = finite_or_zero(contacts);
        let (phone, form) = if input.phone_published { (contacts, 0.0) } else { (contacts * phone_share, contacts * (1.0 - phone_share)) };
        let mut by_language = [0.0; 4];
        if share_sum > 0.0 {
            for (slot, share) in by_language.iter_mut().zip(&shares) {
                *slot = contacts * share / share_sum;
            }
        } else {
            by_language[0] = contacts;
        }
        daily.push(DayForecast { day, contacts, phone, form, phone_if_published: contacts, form_if_published: 0.0, by_language });
    }

    let mut peak = DayForecast::default();
    for d in &daily {
        if d.contacts > peak.contacts {
            peak = d.clone();
        }
    }
    let interval_s = finite_or_zero(a.interval_min) * 60.0;
    let peak_share = pct(a.peak_interval_share_pct);
    let handle = finite_or_zero(a.handle_time_s);
    let target_sl = pct(a.service_level_target_pct);
    let target_s = finite_or_zero(a.answer_within_s);
    let cap = pct(a.occupancy_cap_pct);
    let agents = |calls: f64| agents_needed(calls, handle, interval_s, target_sl, target_s, cap);
    let available = (1.0 - pct(a.shrinkage_pct)).max(0.05);
    let scheduled = |n: u32| -> u32 {
        let s = ceil_clean(f64::from(n) / available);
        if s >= f64::from(u32::MAX) {
            u32::MAX
        } else {
            s as u32
        }
    };

    let peak_interval_calls = peak.phone * peak_share;
    let peak_interval_calls_if_published = peak.phone_if_published * peak_share;
    let load = offered_load(peak_interval_calls, handle, interval_s);
    let phone_agents = agents(peak_interval_calls);
    let phone_agents_if_published = agents(peak_interval_calls_if_published);
    let (achieved_service_level, average_speed_of_answer_s) = if load == 0.0 {
        (1.0, 0.0)
    } else {
        (service_level(phone_agents, load, handle, target_s), finite_or_zero(average_speed_of_answer(phone_agents, load, handle)))
    };

    let form_arrivals: Vec<f64> = daily.iter().map(|d| d.form).collect();
    let linking_calls = peak.contacts * phone_share;
    let linking_agents = agents(linking_calls * peak_share);
    let linking_form: Vec<f64> = daily.iter().map(|d| d.contacts * (1.0 - phone_share)).collect();
    let linking = ChannelFigures {
        peak_phone_calls: linking_calls,
        peak_interval_calls: linking_calls * peak_share,
        phone_agents: linking_agents,
        scheduled_agents: scheduled(linking_agents),
        form_backlog_per_day: form_capacity_per_business_day(&linking_form, a.form_response_days),
    };
    let mut f = Forecast {
        steady_contacts_per_day: steady,
        surge_contacts: surge_total,
        announcement_contacts: if input.announcement_day_offset.is_some() { announcement } else { 0.0 },
        total_contacts: daily.iter().map(|d| d.contacts).sum(),
        total_phone: daily.iter().map(|d| d.phone).sum(),
        total_phone_if_published: daily.iter().map(|d| d.phone_if_published).sum(),
        peak_day: peak.day,
        peak_contacts: peak.contacts,
        peak_phone_calls: peak.phone,
        peak_phone_calls_if_published: peak.phone_if_published,
        peak_interval_calls,
        peak_interval_calls_if_published,
        peak_load_erlangs: load,
        phone_agents,
        scheduled_agents: scheduled(phone_agents),
        phone_agents_if_published,
        scheduled_agents_if_published: scheduled(phone_agents_if_published),
        achieved_service_level,
        average_speed_of_answer_s,
        form_cases_total: form_arrivals.iter().sum(),
        form_backlog_per_day: form_capacity_per_business_day(&form_arrivals, a.form_response_days),
        linking,
        summary: String::new(),
        daily,
    };
    f.summary = summary(&f, input, a);
    f
}

fn summary(f: &Forecast, input: &ForecastInput, a: &Assumptions) -> String {
    if f.total_contacts <= 0.0 {
        return "With these numbers the forecast expects no contacts, so no extra Contact Center staff are needed.".to_string();
    }
    let mut out = format!(
        "Over the {} days shown, expect about {} contacts to the Login.gov Contact Center; the busiest is {}, with about {}.",
        f.daily.len(),
        format_count(f.total_contacts),
        day_words(f.peak_day),
        format_amount(f.peak_contacts)
    );
    out.push_str(&format!(
        " In that day's busiest {}-minute interval, about {} calls need {} {} on the phones ({} scheduled, allowing {}% shrinkage) to answer {}% within {} seconds.",
        plain_number(a.interval_min),
        format_amount(f.peak_interval_calls),
        f.phone_agents,
        if f.phone_agents == 1 { "agent" } else { "agents" },
        f.scheduled_agents,
        plain_number(a.shrinkage_pct),
        plain_number(a.service_level_target_pct),
        plain_number(a.answer_within_s)
    ));
    if input.phone_published {
        out.push_str(" Because a page publishes the Contact Center number, every contact is planned as a call: take the number down and link to login.gov/contact instead.");
    } else if f.phone_agents_if_published > f.phone_agents {
        out.push_str(&format!(
            " If any page published the Contact Center number, every contact would be a call and that interval would need {} agents ({} scheduled).",
            f.phone_agents_if_published, f.scheduled_agents_if_published
        ));
    }
    if f.form_cases_total > 0.0 {
        out.push_str(&format!(
            " About {} contact-form cases arrive in all; answering each within {} business days takes about {} a business day at the busiest time.",
            format_count(f.form_cases_total),
            plain_number(a.form_response_days),
            format_amount(f.form_backlog_per_day)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn erlang_b_is_negligible_where_it_stops_counting() {
        for load in [0.01, 0.5, 1.0, 3.7, 10.0, 100.0, 4_900.0, 250_000.0] {
            // The recursion itself, one agent short of the cutoff.
            let cutoff = super::negligible_blocking_from(load).ceil() as u32;
            let mut b = 1.0f64;
            for k in 1..cutoff {
                b = load * b / (f64::from(k) + load * b);
            }
            assert!(b < 1e-18, "B({}, {load}) = {b:e}", cutoff - 1);
            assert_eq!(super::erlang_b(cutoff, load), 0.0);
        }
    }

    use super::*;

    #[test]
    fn ceil_clean_ignores_dust() {
        assert_eq!(ceil_clean(14.0 / 0.7), 20.0);
        assert_eq!(ceil_clean(20.01), 21.0);
    }

    #[test]
    fn formats_counts() {
        assert_eq!(format_count(1234567.4), "1,234,567");
        assert_eq!(format_count(999.5), "1,000");
        assert_eq!(format_count(f64::NAN), "0");
        assert_eq!(format_amount(0.55), "0.6");
        assert_eq!(format_amount(3.0), "3");
    }
}
