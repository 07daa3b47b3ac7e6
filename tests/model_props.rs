//! Properties of the scenario model over random inputs: totals scale linearly, are
//! never negative, and no ratio is ever NaN or infinite.

use arrest_scenarios::data::Dataset;
use arrest_scenarios::model::{self, MAX_ATTAINMENT, MAX_PER_OFFICE, Scenario};
use arrest_scenarios::number::{AMOUNT_SCALE, Amount, Fixed3, parse_thousandths};
use proptest::prelude::*;

fn scenario() -> impl Strategy<Value = Scenario> {
    (
        any::<u32>(),
        0..=MAX_PER_OFFICE.thousandths(),
        0..=MAX_ATTAINMENT.thousandths(),
        1u16..=366,
    )
        .prop_map(|(offices, t, a, days)| Scenario {
            offices,
            per_office: Fixed3::from_thousandths(t),
            attainment: Fixed3::from_thousandths(a),
            days,
            ..Scenario::default()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn uniform_totals_are_exact_products(s in scenario()) {
        let data = Dataset::bundled().unwrap();
        let o = model::evaluate(&s, &data);
        let expected = u128::from(s.offices)
            * u128::from(s.per_office.thousandths())
            * u128::from(s.attainment.thousandths());
        prop_assert_eq!(o.daily_total, Amount::from_units(expected));
        prop_assert_eq!(o.annual_total.units(), expected * u128::from(s.days));
    }

    #[test]
    fn totals_scale_linearly_with_offices_and_target(s in scenario(), k in 1u32..=8) {
        let data = Dataset::bundled().unwrap();
        let base = s.daily_total(&data.offices).units();
        if let Some(offices) = s.offices.checked_mul(k) {
            let more = Scenario { offices, ..s.clone() };
            prop_assert_eq!(more.daily_total(&data.offices).units(), base * u128::from(k));
        }
        if let Some(t) = s.per_office.thousandths().checked_mul(u64::from(k)) {
            let higher = Scenario { per_office: Fixed3::from_thousandths(t), ..s.clone() };
            prop_assert_eq!(higher.daily_total(&data.offices).units(), base * u128::from(k));
        }
    }

    #[test]
    fn ratios_are_finite_and_never_negative(s in scenario()) {
        let data = Dataset::bundled().unwrap();
        let o = model::evaluate(&s, &data);
        for c in &o.comparisons {
            for m in [c.multiple, c.daily_multiple].into_iter().flatten() {
                prop_assert!(m.is_finite() && m >= 0.0, "{m}");
            }
            prop_assert!(c.daily_average.is_finite());
        }
        let r = o.rank.unwrap();
        prop_assert!(r.position >= 1 && r.position <= r.of);
        for q in &o.quota_checks {
            prop_assert!(q.low <= q.high);
            if let Some((lo, hi)) = q.offices_needed {
                prop_assert!(lo <= hi + 1);
            }
        }
        let p = o.observed.unwrap();
        for m in [p.multiple_of_average, p.multiple_of_peak].into_iter().flatten() {
            prop_assert!(m.is_finite() && m >= 0.0);
        }
    }

    #[test]
    fn overrides_add_their_difference(s in scenario(), idx in 0usize..25, t in 0u64..=1_000_000_000) {
        let data = Dataset::bundled().unwrap();
        let code = data.offices[idx].code.clone();
        let mut changed = s.clone();
        changed.overrides.insert(code, Fixed3::from_thousandths(t));
        let att = u128::from(s.attainment.thousandths());
        let before = s.daily_total(&data.offices).units();
        let after = changed.daily_total(&data.offices).units();
        if u32::try_from(idx).unwrap() < s.offices {
            let old = u128::from(s.per_office.thousandths()) * att;
            prop_assert_eq!(after + old, before + u128::from(t) * att);
        } else {
            prop_assert_eq!(after, before);
        }
    }

    #[test]
    fn whole_numbers_print_without_rounding(n in 0u64..=u64::MAX / 1000) {
        let text = Amount::whole(n).display(2);
        prop_assert!(!text.starts_with('~'));
        prop_assert_eq!(text.replace(',', ""), n.to_string());
        prop_assert_eq!(Amount::whole(n).units(), u128::from(n) * AMOUNT_SCALE);
    }

    #[test]
    fn decimal_input_round_trips(t in 0u64..=MAX_PER_OFFICE.thousandths()) {
        let text = Fixed3::from_thousandths(t).to_string();
        prop_assert_eq!(parse_thousandths(&text), Ok(t));
    }

    #[test]
    fn parsing_never_panics(text in "\\PC{0,30}") {
        let _ = parse_thousandths(&text);
        let _ = arrest_scenarios::number::parse_whole(&text);
    }
}
