//! Erlang B and C: the queueing model behind how many agents a call load needs.

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
pub(super) fn negligible_blocking_from(load: f64) -> f64 {
    load + 10.0 * load.sqrt() + 10.0
}

/// Erlang C from Erlang B: C = N·B / (N − A·(1 − B)).
pub(super) fn c_from_b(agents: u32, load: f64, b: f64) -> f64 {
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

pub(super) fn sl_from_c(agents: u32, load: f64, c: f64, handle_time_s: f64, target_s: f64) -> f64 {
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
pub(super) fn ceil_clean(x: f64) -> f64 {
    (x - 1e-9).ceil()
}

/// Loads above this many Erlangs skip the Erlang C search: the occupancy cap's staffing
/// (or one agent more than the load) is returned, as the service level there is ~100%.
pub(super) const MAX_SEARCHED_LOAD: f64 = 2_000_000.0;

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
