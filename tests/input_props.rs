//! Extreme values through every constructor and validator of a scenario input: nothing
//! panics or wraps; whatever is accepted is within the model's bounds and validates.

use arrest_scenarios::data::Dataset;
use arrest_scenarios::model::input::{self, Input};
use arrest_scenarios::model::{self, MAX_ATTAINMENT, MAX_PER_OFFICE, Scenario};
use arrest_scenarios::number::{Amount, Fixed3};
use proptest::prelude::*;

fn extreme_u64() -> impl Strategy<Value = u64> {
    prop_oneof![
        Just(0u64),
        Just(u64::MAX),
        Just(u64::MAX / 1000),
        Just(u64::MAX / 1000 + 1),
        Just(18_446_744_073_709_551),
        Just(u64::from(u32::MAX)),
        Just(u64::from(u32::MAX) + 1),
        any::<u64>(),
    ]
}

fn number_text() -> impl Strategy<Value = String> {
    prop_oneof![
        extreme_u64().prop_map(|n| n.to_string()),
        "[0-9]{1,40}",
        "[0-9]{0,25}\\.[0-9]{0,6}",
        "-?[0-9]{1,4}[eE][+-]?[0-9]{1,6}",
        "[0-9,]{1,30}",
        ".{0,12}",
    ]
}

proptest! {
    #[test]
    fn whole_numbers_are_checked_not_wrapped(n in extreme_u64()) {
        match Fixed3::from_whole(n) {
            Ok(t) => prop_assert_eq!(u128::from(t.thousandths()), u128::from(n) * 1000),
            Err(_) => prop_assert!(u128::from(n) * 1000 > u128::from(u64::MAX)),
        }
        match input::offices_from(n) {
            Ok(o) => prop_assert_eq!(u64::from(o), n),
            Err(e) => prop_assert!(n > u64::from(u32::MAX) && e.problem == "is too large"),
        }
        let days = input::days_from(n);
        prop_assert_eq!(days.is_ok(), (1..=366).contains(&n));
        let weeks = input::ramp_weeks_from(n);
        prop_assert_eq!(weeks.is_ok(), n <= 52);
    }

    #[test]
    fn typed_text_is_accepted_only_within_bounds(text in number_text()) {
        let data = Dataset::bundled().unwrap();
        if let Ok(t) = input::parse_target(Input::PerOffice, &text) {
            prop_assert!(t <= MAX_PER_OFFICE);
            let s = Scenario { per_office: t, ..Scenario::default() };
            prop_assert!(s.validate(&data.offices).is_ok());
            // The largest accepted scenario still has an exact, finite total.
            let big = Scenario { offices: u32::MAX, attainment: MAX_ATTAINMENT, ..s };
            let o = model::evaluate(&big, &data);
            prop_assert!(o.annual_total >= Amount::whole(0));
            prop_assert!(o.annual_total.to_f64().is_finite());
        }
        if let Ok(a) = input::parse_attainment(&text) {
            prop_assert!(a <= MAX_ATTAINMENT);
        }
        if let Ok(d) = input::parse_days(&text) {
            prop_assert!((1..=366).contains(&d));
        }
        if let Err(e) = input::parse_offices(&text) {
            // Every refusal is one sentence with its expectation.
            let words = e.to_string();
            prop_assert!(words.starts_with("offices ") && words.contains("; expected a whole number"));
            prop_assert!(words.chars().count() < 300);
        }
    }

    #[test]
    fn ratios_never_panic(
        num in prop_oneof![Just(0u128), Just(u128::MAX), any::<u128>(), 0u128..100_000],
        den in prop_oneof![Just(0u128), Just(1u128), any::<u128>(), 0u128..1000],
    ) {
        if let Some((t, _)) = Fixed3::from_ratio(num, den) {
            prop_assert!(den != 0);
            prop_assert!(u128::from(t.thousandths()) <= num.saturating_mul(1000) / den + 1);
        } else {
            // Refused only for a zero denominator or a result too large for thousandths.
            let fits = den != 0
                && num.checked_mul(1000).is_some_and(|s| s / den < u128::from(u64::MAX));
            prop_assert!(den == 0 || !fits);
        }
    }
}
