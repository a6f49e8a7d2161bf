//! Helpers the host tests share.

use std::hint::black_box;
use std::time::Instant;

/// How many times more time `work` takes than `yardstick`, as the median of `rounds` pairs timed
/// one after the other. A slower or busier machine slows both alike, so the ratio holds where a
/// bound in milliseconds would not; more work in `work` still moves it.
#[allow(dead_code)]
pub fn cost_ratio<A, B>(rounds: usize, mut work: impl FnMut() -> A, mut yardstick: impl FnMut() -> B) -> f64 {
    let mut ratios: Vec<f64> = (0..rounds)
        .map(|round| {
            let time = |f: &mut dyn FnMut()| {
                let start = Instant::now();
                f();
                start.elapsed().as_secs_f64().max(1e-9)
            };
            // Alternate which goes first, so a machine that speeds up or slows down during a pair
            // favours neither side.
            let mut run_work = || {
                black_box(work());
            };
            let mut run_yardstick = || {
                black_box(yardstick());
            };
            let (w, y) = if round % 2 == 0 {
                let w = time(&mut run_work);
                (w, time(&mut run_yardstick))
            } else {
                let y = time(&mut run_yardstick);
                (time(&mut run_work), y)
            };
            w / y
        })
        .collect();
    ratios.sort_by(f64::total_cmp);
    ratios[ratios.len() / 2]
}
