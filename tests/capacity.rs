//! The capacity check's formulas, defaults, ramp, goal seek and saved-file support.

use std::path::Path;

use arrest_scenarios::analysis::{Ramp, Step};
use arrest_scenarios::capacity::{
    self, Defaults, Settings, StayDays, beds_needed, per_office_for, per_officer, ramp_beds,
    share_of, sustainable_daily,
};
use arrest_scenarios::data::{Confidence, Dataset};
use arrest_scenarios::model::{self, Scenario};
use arrest_scenarios::number::{Amount, Fixed3};

fn data() -> Dataset {
    Dataset::bundled().unwrap()
}

fn days(text: &str) -> StayDays {
    capacity::parse_stay_days(text).unwrap()
}

fn pct(text: &str) -> Fixed3 {
    Fixed3::from_thousandths(arrest_scenarios::number::parse_thousandths(text).unwrap())
}

#[test]
fn the_issue_example_comes_out_exactly() {
    // 1,875 a day x 50% x 40 days; 30,000 beds; 5,000 officers; 40% at large.
    let daily = Amount::whole(1875);
    let needed = beds_needed(daily, pct("50"), days("40")).unwrap();
    assert_eq!((needed.value, needed.exact), (Amount::whole(37_500), true));
    let sustained = sustainable_daily(30_000, pct("50"), days("40")).unwrap();
    assert_eq!(
        (sustained.value, sustained.exact),
        (Amount::whole(1500), true)
    );
    let each = per_officer(daily, 5000).unwrap();
    assert_eq!(each.value.plain(), "0.375");
    assert!(each.exact);
    assert_eq!(
        share_of(daily, pct("40")).unwrap().value,
        Amount::whole(750)
    );
}

#[test]
fn little_s_law_with_the_fact_sheet_figures() {
    let daily = Amount::whole(1875);
    // The issue's arithmetic, at the rounded 43.7 days: 81,937.5 people held.
    let at_43_7 = beds_needed(daily, pct("100"), days("43.7")).unwrap();
    assert_eq!(at_43_7.value.plain(), "81937.5");
    // ICE's workbook value, 43.6531 days: 81,849.5625, exact.
    let at_workbook = beds_needed(daily, pct("100"), days("43.6531")).unwrap();
    assert_eq!(at_workbook.value.plain(), "81849.5625");
    assert!(at_workbook.exact);
    assert_eq!(at_workbook.display(1), "~81,849.6");
    // The fact sheet: 41,500 beds at a 43.7-day stay sustain 949.7 detained arrests a day.
    let s = sustainable_daily(41_500, pct("100"), days("43.7")).unwrap();
    assert!(!s.exact);
    assert_eq!(s.display(1), "~949.7");
    assert_eq!(s.value.plain(), "949.65675057");
}

#[test]
fn rounding_is_marked_and_half_rounds_up() {
    // 1 / 3 of an arrest a day per officer: 0.33333333 rounded, marked.
    let p = per_officer(Amount::whole(1), 3).unwrap();
    assert_eq!(p.value.plain(), "0.33333333");
    assert!(!p.exact);
    assert_eq!(p.display(2), "~0.33");
    // 2 / 3 rounds up.
    assert_eq!(
        per_officer(Amount::whole(2), 3).unwrap().value.plain(),
        "0.66666667"
    );
    // Exact but shown with fewer decimals: the display marks it.
    let exact = share_of(Amount::whole(1875), pct("29.3")).unwrap();
    assert_eq!(
        (exact.value.plain().as_str(), exact.exact),
        ("549.375", true)
    );
    assert_eq!(exact.display(2), "~549.38");
    assert_eq!(exact.display(3), "549.375");
}

#[test]
fn edge_values_stay_defined() {
    // No one detained: no beds needed, and any pace is sustained.
    assert_eq!(
        beds_needed(Amount::whole(1875), Fixed3::ZERO, days("43.7"))
            .unwrap()
            .value,
        Amount::ZERO
    );
    assert_eq!(sustainable_daily(41_500, Fixed3::ZERO, days("43.7")), None);
    assert_eq!(per_officer(Amount::whole(5), 0), None);
    // The largest daily total the model accepts, at the longest stay: no overflow.
    let huge = Scenario {
        offices: u32::MAX,
        per_office: model::input::MAX_PER_OFFICE,
        attainment: model::input::MAX_ATTAINMENT,
        ..Scenario::default()
    };
    let daily = huge.daily_total(&data().offices);
    let b = beds_needed(daily, pct("100"), days("3650")).unwrap();
    assert_eq!(
        b.value.units(),
        daily.units() * 3650,
        "people held = daily x 3,650 days"
    );
    assert!(sustainable_daily(capacity::MAX_BEDS, pct("0.001"), days("0.0001")).is_some());
}

#[test]
fn goal_seek_both_ways() {
    let s = Scenario::default();
    // The beds' daily total as a per-office target with 25 offices.
    assert_eq!(
        per_office_for(Amount::whole(1500), &s),
        Some((Fixed3::whole(60), true))
    );
    let at_60 = Scenario {
        attainment: Fixed3::whole(60),
        ..Scenario::default()
    };
    assert_eq!(
        per_office_for(Amount::whole(1500), &at_60),
        Some((Fixed3::whole(100), true))
    );
    let none = Scenario {
        offices: 0,
        ..Scenario::default()
    };
    assert_eq!(per_office_for(Amount::whole(1500), &none), None);
    // And back: the beds 1,500 a day needs at 50% for 40 days are the 30,000 given.
    let sustained = sustainable_daily(30_000, pct("50"), days("40")).unwrap();
    assert_eq!(
        beds_needed(sustained.value, pct("50"), days("40"))
            .unwrap()
            .value,
        Amount::whole(30_000)
    );
}

#[test]
fn the_defaults_carry_their_sources() {
    let d = Defaults::of(&data());
    let a = &d.assumptions;
    assert_eq!(a.stay_days.value.to_string(), "43.6531");
    assert_eq!(a.stay_days.confidence, Some(Confidence::Official));
    assert_eq!(
        a.stay_days.source_id.as_deref(),
        Some("ice-detention-fy2025")
    );
    assert_eq!(a.detained_share.value, Fixed3::whole(100));
    assert_eq!(a.detained_share.source_id, None);
    assert_eq!(a.detained_share.basis, "if everyone arrested is detained");
    assert_eq!(
        (a.beds.value, a.beds.confidence),
        (41_500, Some(Confidence::Reported))
    );
    assert_eq!(a.beds.source_id.as_deref(), Some("dwn-2024-03-23"));
    assert_eq!(a.officers.value, 6000);
    assert_eq!(a.officers.source_id.as_deref(), Some("ap-ero-officers"));
    // 33,243 / 113,431 = 29.3067...%: derived, rounded and marked so.
    assert_eq!(a.at_large_share.value.to_string(), "29.307");
    assert!(!a.at_large_share.exact);
    assert_eq!(a.at_large_share.confidence, Some(Confidence::Derived));
    // 90,615 / 113,431 = 79.8856...%.
    assert_eq!(d.detained_share_fy2024.value.to_string(), "79.886");
    assert_eq!(d.officers_2026.value, 22_000);
    // Every cited source is in sources.csv.
    let data = data();
    for id in [
        &a.stay_days.source_id,
        &a.beds.source_id,
        &a.officers.source_id,
        &a.at_large_share.source_id,
        &d.detained_share_fy2024.source_id,
        &d.officers_2026.source_id,
    ] {
        let id = id.as_deref().unwrap();
        assert!(data.source(id).is_some(), "{id} is not in sources.csv");
    }
}

#[test]
fn settings_override_defaults_and_alternatives_keep_their_source() {
    let d = Defaults::of(&data());
    let a = d.resolve(&Settings {
        beds: Some(30_000),
        detained_share: Some(pct("79.886")),
        officers: Some(22_000),
        ..Settings::default()
    });
    assert_eq!(a.beds.value, 30_000);
    assert_eq!(a.beds.source_id, None);
    assert_eq!(a.beds.basis, "set by the user");
    assert_eq!(a.beds.label(), "assumption");
    assert_eq!(
        a.detained_share.source_id.as_deref(),
        Some("ice-detention-fy2024")
    );
    assert_eq!(
        a.officers.source_id.as_deref(),
        Some("ice-2026-01-officers")
    );
    assert_eq!(a.stay_days, d.assumptions.stay_days);
    let flags = Settings {
        beds: Some(1),
        ..Settings::default()
    };
    let file = Settings {
        beds: Some(2),
        officers: Some(3),
        ..Settings::default()
    };
    let both = flags.over(file);
    assert_eq!((both.beds, both.officers), (Some(1), Some(3)));
    assert!(Settings::default().is_empty());
    assert!(!both.is_empty());
}

#[test]
fn the_check_of_the_default_scenario_in_words() {
    let data = data();
    let s = Scenario::default();
    let o = model::evaluate(&s, &data);
    let d = Defaults::of(&data);
    let c = capacity::check(&s, &o, &data, &d, d.assumptions.clone(), None);
    assert_eq!(c.beds_needed.unwrap().value.plain(), "81849.5625");
    assert_eq!(c.beds_short.unwrap().value.plain(), "40349.5625");
    assert_eq!(
        c.arrests_per_officer_per_day.unwrap().value.plain(),
        "0.3125"
    );
    let lines: Vec<String> = capacity::steps(&c, &data).iter().map(Step::line).collect();
    assert_eq!(
        lines,
        [
            "1,875 arrests a day x 100% detained x 43.6531 days held = ~81,849.6 people held at once",
            "~81,849.6 / 41,500 funded beds = 1.97x the funded beds (~40,349.6 beds short)",
            "41,500 beds / (100% detained x 43.6531 days) = ~950.68 arrests a day sustained",
            "~950.68 a day / 25 offices = a target of ~38.027 per office a day",
            "~81,849.6 / ~71,929.5 (the January 2026 peak month) = 1.14x the highest monthly average in the workbooks",
            "1,875 arrests a day / 6,000 officers = 0.3125 arrests per officer a day",
            "FY2024: 309.9 arrests a day / about 6,000 officers = 0.052 arrests per officer a day",
            "1,875 arrests a day x ~29.307% at large = ~549.51 at-large arrests a day",
            "FY2024: 33,243 at-large arrests / 366 days = 90.8 at-large arrests a day",
            "~549.51 / 90.8 = 6.05 times FY2024's at-large pace",
        ]
    );
    // Funded beds that suffice are said to.
    let small = Scenario {
        offices: 1,
        per_office: Fixed3::whole(100),
        ..Scenario::default()
    };
    let o = model::evaluate(&small, &data);
    let c = capacity::check(&small, &o, &data, &d, d.assumptions.clone(), None);
    assert_eq!(
        capacity::steps(&c, &data)[1].line(),
        "~4,365.3 / 41,500 funded beds = 0.11x the funded beds: they suffice"
    );
}

fn ramp(baseline: f64, weeks: u32) -> Ramp {
    Ramp {
        baseline,
        baseline_label: format!("{baseline} a day"),
        weeks,
        total_with_ramp: 0.0,
        total_flat: 0.0,
        cumulative: Vec::new(),
    }
}

#[test]
#[expect(clippy::float_cmp, reason = "small whole sums are exact in f64")]
fn beds_through_a_ramp() {
    // No ramp, from 0 to 100 a day, 10-day stays: 100 more held each day until day 10.
    let r = ramp_beds(&ramp(0.0, 0), 100.0, pct("100"), days("10"), 500);
    assert_eq!(
        r.held[..12],
        [
            0.0, 100.0, 200.0, 300.0, 400.0, 500.0, 600.0, 700.0, 800.0, 900.0, 1000.0, 1000.0
        ]
    );
    assert_eq!(r.day_beds_fill, Some(5));
    assert_eq!((r.steady_state, r.steady_from_day), (1000.0, 11));
    // One week from 0 to 70 a day (0, 10, ..., 60, then 70).
    let r = ramp_beds(&ramp(0.0, 1), 70.0, pct("100"), days("10"), 500);
    assert_eq!(r.beds_at_ramp_end, 210.0);
    assert_eq!(r.held[10], 420.0);
    assert_eq!(r.held[11], 490.0);
    assert_eq!(r.day_beds_fill, Some(12));
    assert_eq!(r.steady_state, 700.0);
    // Starting in the baseline's steady state, with a fractional stay and a share.
    let r = ramp_beds(&ramp(100.0, 0), 100.0, pct("50"), days("2.5"), 500);
    assert!(r.held.iter().all(|h| *h == 125.0), "{:?}", r.held);
    assert_eq!(r.beds_at_start, 125.0);
    assert_eq!(r.day_beds_fill, None);
    let full = ramp_beds(&ramp(100.0, 0), 100.0, pct("100"), days("10"), 500);
    assert_eq!(full.day_beds_fill, Some(0));
}

#[test]
fn the_default_ramp_fills_the_funded_beds() {
    let data = data();
    let s = Scenario::default();
    let o = model::evaluate(&s, &data);
    let d = Defaults::of(&data);
    let ramp = capacity::check(&s, &o, &data, &d, d.assumptions.clone(), Some(12))
        .ramp
        .unwrap();
    assert_eq!(ramp.baseline, "FY2024's average, 309.9 a day");
    // 309.92 a day x 43.6531 days held at the start.
    assert_eq!(
        arrest_scenarios::number::format_f64(ramp.beds_at_start, 0),
        "13,529"
    );
    assert_eq!(ramp.day_beds_fill, Some(57));
    assert_eq!(ramp.steady_from_day, 84 + 43 + 1);
}

#[test]
fn saved_files_keep_the_assumptions_and_older_files_still_load() {
    let offices = data().offices;
    let settings = Settings {
        stay_days: Some(days("43.6531")),
        detained_share: Some(pct("79.886")),
        beds: Some(41_500),
        officers: Some(22_000),
        at_large_share: Some(pct("29.3")),
    };
    let text =
        arrest_scenarios::saved::to_toml_with("Beds", &Scenario::default(), &settings).unwrap();
    assert!(
        text.ends_with(
            "[capacity]\nstay_days = \"43.6531\"\ndetained_share = \"79.886\"\nbeds = 41500\nofficers = 22000\nat_large_share = \"29.3\"\n"
        ),
        "{text}"
    );
    let back = arrest_scenarios::saved::from_toml(&text, Path::new("b.toml"), &offices).unwrap();
    assert_eq!(back.capacity, settings);
    assert_eq!(back.scenario, Scenario::default());
    // Beside the other tables and lists of a file.
    let mut s = Scenario::default();
    s.excluded.insert("DAL".to_string());
    s.overrides.insert("ATL".to_string(), Fixed3::whole(100));
    let text = arrest_scenarios::saved::to_toml_with("Both", &s, &settings).unwrap();
    let back = arrest_scenarios::saved::from_toml(&text, Path::new("b.toml"), &offices).unwrap();
    assert_eq!((back.scenario, back.capacity), (s, settings));
    // Without the table: nothing set, and no table written.
    let old = "offices = 25\nper_office = 75\n";
    let back = arrest_scenarios::saved::from_toml(old, Path::new("old.toml"), &offices).unwrap();
    assert!(back.capacity.is_empty());
    let plain = arrest_scenarios::saved::to_toml("Plain", &Scenario::default()).unwrap();
    assert!(!plain.contains("[capacity]"));
    // A partial table sets only what it names.
    let partial = "offices = 25\nper_office = 75\n[capacity]\nbeds = 30000\n";
    let back = arrest_scenarios::saved::from_toml(partial, Path::new("p.toml"), &offices).unwrap();
    assert_eq!(
        back.capacity,
        Settings {
            beds: Some(30_000),
            ..Settings::default()
        }
    );
}

#[test]
fn bad_saved_assumptions_name_the_file_and_field() {
    let offices = data().offices;
    let err = |table: &str| {
        arrest_scenarios::saved::from_toml(
            &format!("offices = 25\nper_office = 75\n[capacity]\n{table}\n"),
            Path::new("s.toml"),
            &offices,
        )
        .unwrap_err()
        .to_string()
    };
    assert_eq!(
        err("stay_days = 0"),
        "s.toml, field \"capacity.stay_days\": average stay '0' is not above 0; expected a number of days above 0 and at most 3,650, with at most 4 decimals"
    );
    assert_eq!(
        err("detained_share = \"120\""),
        "s.toml, field \"capacity.detained_share\": detained share '120' is above 100%; expected a percent from 0 to 100, with at most 3 decimals"
    );
    assert_eq!(
        err("beds = 0"),
        "s.toml, field \"capacity.beds\": beds '0' is zero; expected a whole number from 1 to 10,000,000"
    );
    assert_eq!(
        err("officers = 1.5"),
        "s.toml, field \"capacity.officers\": officers '1.5' is not a whole number; expected a whole number from 1 to 10,000,000"
    );
    assert_eq!(
        err("at_large_share = \"nan\""),
        "s.toml, field \"capacity.at_large_share\": at-large share 'nan' is not a number; expected a percent from 0 to 100, with at most 3 decimals"
    );
    assert!(
        err("colour = 1").starts_with("s.toml line 4, column 1: unknown field `colour`"),
        "{}",
        err("colour = 1")
    );
}

#[test]
fn stays_are_read_to_four_decimals() {
    assert_eq!(days("43.6531").ten_thousandths(), 436_531);
    assert_eq!(days("4.5e1"), StayDays::whole(45));
    assert_eq!(days("3,650"), StayDays::whole(3650));
    let e = |t: &str| capacity::parse_stay_days(t).unwrap_err().problem;
    assert_eq!(e("1.23456"), "has more than 4 decimal places");
    assert_eq!(e("3650.0001"), "is too large");
    assert_eq!(e("1e99"), "is too large");
    assert_eq!(e("-1"), "is negative");
    assert_eq!(e("0.00001e1"), "has more than 4 decimal places");
    assert_eq!(e(""), "is empty");
}

#[test]
fn the_observed_record_beside_the_check() {
    let data = data();
    let s = Scenario::default();
    let o = model::evaluate(&s, &data);
    let d = Defaults::of(&data);
    let c = capacity::check(&s, &o, &data, &d, d.assumptions.clone(), None);
    let years: Vec<(i32, String, String)> = c
        .observed
        .years
        .iter()
        .map(|y| {
            (
                y.fiscal_year,
                y.average_daily_population.unwrap().to_string(),
                y.ice_stay.unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        years,
        [
            (2024, "37721.8033".to_string(), "46.0446".to_string()),
            (2025, "48404.4817".to_string(), "43.6531".to_string()),
            (2026, "66978.0484".to_string(), "44.52".to_string()),
        ]
    );
    let peak = c.observed.peak.as_ref().unwrap();
    assert_eq!(peak.month.to_string(), "2026-01-01");
    assert_eq!(
        capacity::amount(peak.average_daily_population).plain(),
        "71929.4839"
    );
    assert_eq!(peak.source_id, "ice-detention-fy2026");
    assert_eq!(
        capacity::observed_lines(&c, &data),
        [
            "FY2024 (to 2024-09-30): ~37,722 held on an average day; average stay 46.0446 days for ICE-arrested detainees, 46.9012 days for everyone (official) [ICE detention statistics FY2024]",
            "FY2025 (to 2025-09-20): ~48,404 held on an average day; average stay 43.6531 days for ICE-arrested detainees, 50.3172 days for everyone (official) [ICE detention statistics FY2025]",
            "FY2026 (to 2026-04-04): ~66,978 held on an average day; average stay 44.52 days for ICE-arrested detainees, 50.2218 days for everyone (official) [ICE detention statistics FY2026]",
            "Peak month: January 2026, 71,929.4839 held on an average day (official) [ICE detention statistics FY2026]",
        ]
    );
    // The monthly series for the screen's chart, in date order.
    assert!(c.observed.monthly.windows(2).all(|w| w[0].0 < w[1].0));
    // FY2019-FY2025, then October 2025 to April 2026 (April 1-4 only).
    assert_eq!(c.observed.monthly.len(), 12 * 7 + 7);
}
