//! Helpers the host tests share: golden files, readers of the exports, and cost ratios.
// Each test file uses some of them.
#![allow(dead_code)]

pub mod parsers;
pub mod strategies;

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

/// Compares `actual` with the golden file at `path` (from this crate's folder); with
/// `UPDATE_GOLDEN` set, writes it first. Review the diff of a regenerated file.
pub fn golden_file(path: &str, actual: &str) {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        if let Some(dir) = std::path::Path::new(&full).parent() {
            std::fs::create_dir_all(dir).unwrap();
        }
        std::fs::write(&full, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&full).unwrap_or_else(|_| panic!("missing golden file {path}: run with UPDATE_GOLDEN=1 and review it"));
    assert_eq!(actual, expected, "{path} differs from its golden file (regenerate with UPDATE_GOLDEN=1 if the change is intended)");
}

/// A golden file under `tests/golden/`.
pub fn golden(name: &str, actual: &str) {
    golden_file(&format!("tests/golden/{name}"), actual);
}
