//! The model's unit tests: exact numbers from the bundled data.

use super::*;
use crate::data::*;
use crate::number::*;

fn data() -> Dataset {
    Dataset::bundled().unwrap()
}

fn year(o: &Outcome, fy: i32) -> &YearComparison {
    o.comparisons.iter().find(|c| c.fiscal_year == fy).unwrap()
}

#[test]
fn the_headline_figures_come_out_exactly() {
    let d = data();
    let o = evaluate(&Scenario::default(), &d);
    assert_eq!(o.daily_total, Amount::whole(1875));
    assert_eq!(o.annual_total, Amount::whole(684_375));
    let fy24 = year(&o, 2024);
    assert_eq!(fy24.days, 366);
    assert_eq!(format_f64(fy24.daily_average, 1), "309.9");
    assert_eq!(format_multiple(fy24.multiple), "6.03x");
    assert_eq!(format_multiple(fy24.daily_multiple), "6.05x");
    assert_eq!(year(&o, 2023).days, 365);
}

#[test]
fn fiscal_year_days_follow_the_leap_year() {
    assert_eq!(fiscal_year_days(2024), 366);
    assert_eq!(fiscal_year_days(2020), 366);
    assert_eq!(fiscal_year_days(2023), 365);
    assert_eq!(fiscal_year_days(2100), 365);
    assert_eq!(fiscal_year_days(2000), 366);
}

#[test]
fn quota_check_for_the_washington_post_range() {
    let d = data();
    let s = Scenario::default();
    let o = evaluate(&s, &d);
    let c = o
        .quota_checks
        .iter()
        .find(|c| c.quota_id == "wapo-national")
        .unwrap();
    assert_eq!(c.status, Status::Above);
    assert_eq!(c.gap, Amount::whole(375));
    assert_eq!(
        c.sentence(d.quota("wapo-national").unwrap()),
        "1,875 a day is 375 above the reported 1,200-1,500"
    );
    assert_eq!(
        c.reconcile(&s).unwrap(),
        "48-60 per office with 25 offices, or 16-20 offices at 75 a day"
    );
    let ind = o
        .quota_checks
        .iter()
        .find(|c| c.quota_id == "independent-25x75")
        .unwrap();
    assert_eq!(ind.status, Status::Inside);
    assert_eq!(
        ind.sentence(d.quota("independent-25x75").unwrap()),
        "1,875 a day matches the reported 1,875 (25 x 75)"
    );
}

#[test]
fn per_office_quota_accounts_for_attainment() {
    let d = data();
    let s = Scenario {
        attainment: Fixed3::whole(60),
        ..Scenario::default()
    };
    let o = evaluate(&s, &d);
    assert_eq!(o.daily_total, Amount::whole(1125));
    let c = o
        .quota_checks
        .iter()
        .find(|c| c.quota_id == "wapo-per-office")
        .unwrap();
    assert_eq!(c.basis, Basis::PerOfficePerDay);
    assert_eq!(c.actual, Amount::whole(45));
    assert_eq!(c.status, Status::Below);
    assert_eq!(c.gap, Amount::whole(30));
    assert_eq!(
        c.reconcile(&s).unwrap(),
        "a target of 125 per office at 60% attainment"
    );
}

#[test]
fn inexact_reconciliation_is_marked() {
    let d = data();
    let s = Scenario {
        offices: 7,
        ..Scenario::default()
    };
    let c = evaluate(&s, &d)
        .quota_checks
        .into_iter()
        .find(|c| c.quota_id == "wapo-national")
        .unwrap();
    assert_eq!(
        c.reconcile(&s).unwrap(),
        "~171.429-~214.286 per office with 7 offices, or 16-20 offices at 75 a day"
    );
}

#[test]
fn no_whole_office_count_is_reported() {
    let d = data();
    let s = Scenario {
        per_office: Fixed3::whole(1000),
        ..Scenario::default()
    };
    let c = evaluate(&s, &d)
        .quota_checks
        .into_iter()
        .find(|c| c.quota_id == "wapo-national")
        .unwrap();
    assert_eq!(c.offices_needed, Some((2, 1)));
    assert!(
        c.reconcile(&s)
            .unwrap()
            .ends_with("no whole number of offices at 1,000 a day lands in the range")
    );
}

#[test]
fn rank_among_official_years() {
    let d = data();
    let o = evaluate(&Scenario::default(), &d);
    let official = d
        .annual
        .iter()
        .filter(|a| a.confidence == Confidence::Official)
        .count();
    assert_eq!(o.rank.as_ref().unwrap().position, 1);
    assert_eq!(o.rank.as_ref().unwrap().of, official + 1);
    assert_eq!(o.rank.unwrap().highest_exceeded, Some(2012));
    assert_eq!(o.comparisons[o.latest_official.unwrap()].fiscal_year, 2024);
    assert_eq!(o.comparisons[o.highest_official.unwrap()].fiscal_year, 2012);
    // 300 a day x 365 = 109,500: above FY2021 (74,082) and FY2020 (103,603) only.
    let low = Scenario {
        offices: 1,
        per_office: Fixed3::whole(300),
        ..Scenario::default()
    };
    let r = evaluate(&low, &d).rank.unwrap();
    assert_eq!(r.position, official - 1);
    assert_eq!(r.highest_exceeded, Some(2020));
}

#[test]
fn offices_below_and_above_the_field_office_count() {
    let d = data();
    let mut s = Scenario {
        offices: 20,
        ..Scenario::default()
    };
    s.overrides.insert("ATL".into(), Fixed3::whole(100));
    s.overrides.insert("WAS".into(), Fixed3::whole(500));
    // WAS is the 25th office and drops out; ATL counts at 100.
    assert_eq!(s.daily_total(&d.offices), Amount::whole(19 * 75 + 100));
    let lines = s.office_lines(&d.offices, 10);
    assert_eq!(lines.iter().filter(|l| l.active).count(), 20);
    assert!(!lines.last().unwrap().active);
    s.offices = 27;
    let lines = s.office_lines(&d.offices, 10);
    assert_eq!(lines.len(), 27);
    assert_eq!(lines[26].name, "Extra office 27");
    assert_eq!(
        s.daily_total(&d.offices),
        Amount::whole(23 * 75 + 100 + 500 + 2 * 75)
    );
}

#[test]
fn huge_and_zero_inputs_stay_finite() {
    let d = data();
    let huge = Scenario {
        offices: u32::MAX,
        per_office: MAX_PER_OFFICE,
        attainment: MAX_ATTAINMENT,
        days: 366,
        ..Scenario::default()
    };
    assert!(huge.validate(&d.offices).is_ok());
    let o = evaluate(&huge, &d);
    assert_eq!(
        o.daily_total,
        // 4,294,967,295 offices x 1e12 a day x 1000% = 4,294,967,295e13 a day.
        Amount::from_units(4_294_967_295 * 10u128.pow(13) * crate::number::AMOUNT_SCALE)
    );
    assert!(
        o.comparisons
            .iter()
            .all(|c| c.multiple.unwrap().is_finite())
    );
    let zero = Scenario {
        offices: 0,
        ..Scenario::default()
    };
    let o = evaluate(&zero, &d);
    assert_eq!(o.daily_total, Amount::ZERO);
    assert_eq!(o.per_office_average, None);
    assert_eq!(o.comparisons[0].multiple, Some(0.0));
    let c = &o.quota_checks[0];
    assert_eq!(c.per_office_needed, None);
    assert_eq!(c.offices_needed, Some((16, 20)));
}

#[test]
fn out_of_range_inputs_are_refused_with_reasons() {
    let d = data();
    let s = Scenario {
        days: 0,
        ..Scenario::default()
    };
    assert_eq!(
        s.validate(&d.offices).unwrap_err().to_string(),
        "days '0' is out of range; expected a whole number of days from 1 to 366"
    );
    let mut s = Scenario::default();
    s.overrides.insert("XYZ".into(), Fixed3::whole(5));
    assert!(
        s.validate(&d.offices)
            .unwrap_err()
            .to_string()
            .starts_with("'XYZ' is not a field office code in field_offices.csv (known: ATL, BAL")
    );
}

#[test]
fn presets_from_the_quotas() {
    let d = data();
    let p = presets(&d);
    let ids: Vec<&str> = p.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "wapo-national-low",
            "wapo-national-high",
            "wapo-per-office",
            "independent-25x75",
            "gothamist-1800",
            "axios-3000"
        ]
    );
    assert_eq!(p[0].per_office, Fixed3::whole(48));
    assert_eq!(
        p[0].label,
        "1,200 a day (The Washington Post, 2025-01-26, low end)"
    );
    assert_eq!(p[5].per_office, Fixed3::whole(120));
    assert_eq!(
        p[3].label,
        "75 a day per office x 25 offices (The Independent, 2025-01-29)"
    );
    let matching: Vec<&str> = matching_presets(&Scenario::default(), &p)
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(matching, ["wapo-per-office", "independent-25x75"]);
}

#[test]
fn observed_pace_of_the_2025_weeks() {
    let d = data();
    let o = evaluate(&Scenario::default(), &d).observed.unwrap();
    assert_eq!(o.arrests, 226_446);
    assert_eq!(o.days, 41 * 7 + 4);
    assert_eq!(o.peak_week.to_string(), "2025-06-01");
    assert_eq!(format_f64(o.peak_per_day, 1), "1,245.7");
    assert_eq!(format_f64(o.average_per_day, 1), "778.2");
}

#[test]
fn offices_go_in_and_out_without_pulling_in_others() {
    let d = data();
    let mut s = Scenario {
        offices: 20,
        ..Scenario::default()
    };
    // The first 20 in file order take part; SLC..WAS do not.
    assert_eq!(s.left_out(&d.offices), ["SLC", "SNA", "SND", "SPM", "WAS"]);
    // Taking WAS in adds exactly WAS, not SLC (the next by file order).
    assert!(s.set_taking_part("WAS", true, &d.offices));
    assert_eq!(s.offices, 21);
    assert_eq!(s.left_out(&d.offices), ["SLC", "SNA", "SND", "SPM"]);
    assert!(s.takes_part("WAS", &d.offices));
    // Taking DAL out leaves the rest as they were.
    assert!(s.set_taking_part("DAL", false, &d.offices));
    assert_eq!(s.offices, 20);
    assert_eq!(s.left_out(&d.offices), ["DAL", "SLC", "SNA", "SND", "SPM"]);
    assert_eq!(s.daily_total(&d.offices), Amount::whole(1500));
    assert!(!s.set_taking_part("XYZ", true, &d.offices));
    // An own target for an office out of the scenario is refused, naming it.
    s.overrides.insert("DAL".into(), Fixed3::whole(10));
    assert_eq!(
        s.validate(&d.offices).unwrap_err().to_string(),
        "DAL has its own target but does not take part in the scenario (it is left out); \
         include it, or drop its target"
    );
}

#[test]
fn left_out_offices_are_replaced_by_hypothetical_ones_only_beyond_the_data() {
    let d = data();
    let mut s = Scenario::default();
    s.excluded.insert("WAS".into());
    // 25 offices with WAS out: the 24 others and one hypothetical extra at 75.
    assert_eq!(s.daily_total(&d.offices), Amount::whole(1875));
    let lines = s.office_lines(&d.offices, 5);
    assert_eq!(lines.iter().filter(|l| l.active).count(), 25);
    assert!(
        !lines
            .iter()
            .find(|l| l.code.as_deref() == Some("WAS"))
            .unwrap()
            .active
    );
    assert_eq!(lines.last().unwrap().name, "Extra office 26");
}
