//! The daily forecast of a launch's contacts and the staffing it needs.

use serde::{Deserialize, Serialize};

use crate::text::format_count;

use super::assumptions::{plain_number, Assumptions};
use super::erlang::{agents_needed, average_speed_of_answer, ceil_clean, offered_load, service_level};

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

pub(super) fn finite_or_zero(x: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        0.0
    }
}

pub(super) fn pct(x: f64) -> f64 {
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
pub(super) fn format_amount(x: f64) -> String {
    let x = finite_or_zero(x).max(0.0);
    if x > 0.0 && x < 10.0 {
        let s = format!("{:.1}", x);
        s.trim_end_matches(".0").to_string()
    } else {
        format_count(x)
    }
}

pub(super) fn day_words(day: i64) -> String {
    match day {
        0 => "launch day".to_string(),
        1 => "the day after launch".to_string(),
        d if d > 1 => format!("day {d} after launch"),
        -1 => "the day before launch".to_string(),
        d => format!("{} days before launch", -d),
    }
}

/// The forecast's days alone: contacts by channel and language (the model below). The staffing
/// planner forecasts a thousand launches and needs only these, not each one's summary and agents.
pub fn daily_forecast(input: &ForecastInput, a: &Assumptions) -> Vec<DayForecast> {
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

    // From this day on every day is the same (the ramp is complete, the last cohort's surge and
    // the announcement are over): the day is copied rather than worked out again, which matters
    // when the staffing planner forecasts a thousand launches over a year.
    let settled_from = (ramp_days - 1 + weights.len() as i64).max(input.announcement_day_offset.map_or(0, |o| o + weights.len() as i64)).max(0);
    let mut daily: Vec<DayForecast> = Vec::with_capacity((days - start).max(0) as usize);
    for day in start..days {
        if day > settled_from {
            if let Some(previous) = daily.last() {
                let same = DayForecast { day, ..previous.clone() };
                daily.push(same);
                continue;
            }
        }
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

    daily
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
    let phone_share = pct(a.phone_share_pct);
    let daily = daily_forecast(input, a);

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

pub(super) fn summary(f: &Forecast, input: &ForecastInput, a: &Assumptions) -> String {
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
