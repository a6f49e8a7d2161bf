//! The planning assumptions behind the forecast: each with its default, range and unit, and
//! the checks across them.

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
    /// The cited defaults are read from the content (`launch.json`'s `staffing_defaults`, by
    /// each spec's `default_id`), so each is written once, with its source; the others are this
    /// portal's modelling choices, set here.
    fn default() -> Self {
        let mut assumptions = Assumptions {
            contact_rate_pct: 0.0,
            phone_share_pct: 0.0,
            service_level_target_pct: 0.0,
            answer_within_s: 0.0,
            handle_time_s: 0.0,
            interval_min: 0.0,
            occupancy_cap_pct: 0.0,
            shrinkage_pct: 0.0,
            form_response_days: 0.0,
            peak_interval_share_pct: 10.0,
            announcement_spike_multiplier: 1.0,
            surge_days: 14.0,
            surge_day_to_day_pct: 80.0,
        };
        let cited = crate::content::content().launch.staffing_defaults;
        for spec in &ASSUMPTIONS {
            if let Some(entry) = spec.default_id.and_then(|id| cited.iter().find(|d| d.id == id)) {
                assumptions.set(spec.key, entry.value);
            }
        }
        assumptions
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

const fn spec(
    key: &'static str,
    default_id: Option<&'static str>,
    label: &'static str,
    unit: &'static str,
    min: f64,
    max: f64,
    whole: bool,
) -> AssumptionSpec {
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

/// A number written plainly: "180", "0.5".
pub fn plain_number(x: f64) -> String {
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
            errors.insert(s.key, format!("{}: enter a value from {} to {} ({}).", s.label, plain_number(s.min), plain_number(s.max), s.unit));
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
