//! Contact Center staffing forecast for a partner launch: contacts per day, their split by
//! channel and language, phone agents by Erlang C at the busiest interval, and the contact-form
//! workload against its response target.
//!
//! Every number the model uses that is not the partner's own is an [`Assumptions`] field with a
//! default, editable by a Login.gov reviewer and shown as such. The defaults with an `sd-*` id
//! come from `core/content/launch.json` (`staffing_defaults`), where each is cited; the rest are
//! this portal's modelling choices, documented on the field.
//!
//! All functions are deterministic and never return NaN: zero or degenerate inputs give zeros.

mod assumptions;
mod erlang;
mod forecast;

pub use assumptions::*;
pub use erlang::*;
pub use forecast::*;

#[cfg(test)]
mod tests {
    use crate::text::format_count;

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
