//! Properties of the capacity check over random inputs: the beds needed grow with each
//! input, the beds' sustained pace is the inverse of the beds needed, and nothing
//! overflows or panics at the bounds.

use arrest_scenarios::capacity::{
    self, MAX_BEDS, MAX_OFFICERS, MAX_STAY_DAYS, StayDays, beds_needed, per_officer, share_of,
    sustainable_daily,
};
use arrest_scenarios::number::{AMOUNT_SCALE, Amount, Fixed3};
use proptest::prelude::*;

/// Up to 100 million arrests a day, to 1e-8.
fn daily() -> impl Strategy<Value = Amount> {
    (0u128..=100_000_000 * AMOUNT_SCALE).prop_map(Amount::from_units)
}

/// A share from 0 to 100%, to 0.001%.
fn share() -> impl Strategy<Value = Fixed3> {
    (0u64..=100_000).prop_map(Fixed3::from_thousandths)
}

/// A stay from 0.0001 day to the longest accepted.
fn stay() -> impl Strategy<Value = StayDays> {
    (1u64..=MAX_STAY_DAYS * 10_000).prop_map(StayDays::from_ten_thousandths)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn beds_needed_are_the_exact_product_rounded_once(d in daily(), s in share(), l in stay()) {
        let b = beds_needed(d, s, l).unwrap();
        let exact = d.units() * u128::from(s.thousandths()) * u128::from(l.ten_thousandths());
        let den = 100_000 * 10_000;
        let rounded = (exact + den / 2) / den;
        prop_assert_eq!(b.value.units(), rounded);
        prop_assert_eq!(b.exact, exact % den == 0);
    }

    #[test]
    fn beds_needed_grow_with_the_daily_total(d in daily(), s in share(), l in stay(), more in 1u64..=10_000) {
        let base = beds_needed(d, s, l).unwrap().value;
        let bigger = beds_needed(Amount::from_units(d.units() + u128::from(more) * AMOUNT_SCALE), s, l).unwrap().value;
        prop_assert!(bigger >= base);
        // A whole arrest more a day adds share x stay people, at least 1e-8 of one when
        // the share is 1% or more and the stay a day or more.
        if s >= Fixed3::whole(1) && l >= StayDays::whole(1) {
            prop_assert!(bigger > base);
        }
    }

    #[test]
    fn beds_needed_grow_with_the_detained_share(d in daily(), s in 0u64..100_000, l in stay(), more in 1u64..=100_000) {
        let low = Fixed3::from_thousandths(s);
        let high = Fixed3::from_thousandths((s + more).min(100_000));
        let (a, b) = (beds_needed(d, low, l).unwrap().value, beds_needed(d, high, l).unwrap().value);
        prop_assert!(b >= a);
        if d >= Amount::whole(1) && l >= StayDays::whole(1) && high > low {
            prop_assert!(b > a);
        }
    }

    #[test]
    fn beds_needed_grow_with_the_stay(d in daily(), s in share(), l in 1u64..MAX_STAY_DAYS * 10_000, more in 1u64..=1_000_000) {
        let short = StayDays::from_ten_thousandths(l);
        let long = StayDays::from_ten_thousandths((l + more).min(MAX_STAY_DAYS * 10_000));
        let (a, b) = (beds_needed(d, s, short).unwrap().value, beds_needed(d, s, long).unwrap().value);
        prop_assert!(b >= a);
        if d >= Amount::whole(1) && s >= Fixed3::whole(1) && long > short {
            prop_assert!(b > a);
        }
    }

    #[test]
    fn the_sustained_pace_fills_the_beds(beds in 1u64..=MAX_BEDS, s in 1u64..=100_000, l in stay()) {
        let s = Fixed3::from_thousandths(s);
        let pace = sustainable_daily(beds, s, l).unwrap();
        let held = beds_needed(pace.value, s, l).unwrap().value;
        // The pace is rounded to 1e-8 of an arrest a day, so the beds it fills differ
        // from the funded ones by at most half of that times share x stay, plus a unit.
        let slack = u128::from(s.thousandths()) * u128::from(l.ten_thousandths()) / (100_000 * 10_000) + 1;
        prop_assert!(held.abs_diff(Amount::whole(beds)).units() <= slack,
            "{} beds, pace {}, held {}", beds, pace.value.plain(), held.plain());
        // Fewer beds never sustain more.
        if beds > 1 {
            prop_assert!(sustainable_daily(beds - 1, s, l).unwrap() <= pace);
        }
    }

    #[test]
    fn officers_and_at_large_are_shares_of_the_daily_total(d in daily(), officers in 1u64..=MAX_OFFICERS, s in share()) {
        let each = per_officer(d, officers).unwrap().value;
        let back = each.units() * u128::from(officers);
        prop_assert!(back.abs_diff(d.units()) <= u128::from(officers));
        let at_large = share_of(d, s).unwrap().value;
        prop_assert!(at_large <= d);
        prop_assert_eq!(share_of(d, Fixed3::whole(100)).unwrap().value, d);
    }

    #[test]
    fn the_ramp_never_holds_more_than_the_higher_pace_needs(
        baseline in 0.0f64..5000.0, target in 0.0f64..5000.0, weeks in 0u32..=52,
        s in share(), l in 1u64..=2_000_000, beds in 1u64..=MAX_BEDS,
    ) {
        let r = arrest_scenarios::analysis::Ramp {
            baseline,
            baseline_label: String::new(),
            weeks,
            total_with_ramp: 0.0,
            total_flat: 0.0,
            cumulative: Vec::new(),
        };
        let l = StayDays::from_ten_thousandths(l);
        let out = capacity::ramp_beds(&r, target, s, l, beds);
        let top = s.to_f64() / 100.0 * baseline.max(target) * l.to_f64();
        let bottom = s.to_f64() / 100.0 * baseline.min(target) * l.to_f64();
        for h in &out.held {
            prop_assert!(h.is_finite());
            prop_assert!(*h <= top * (1.0 + 1e-9) + 1e-6 && *h >= bottom * (1.0 - 1e-9) - 1e-6);
        }
        let last = out.held.last().copied().unwrap_or_default();
        prop_assert!((last - out.steady_state).abs() <= 1e-6 * out.steady_state.max(1.0));
    }
}
