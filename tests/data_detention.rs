//! `detention_stats.csv`: the accessors other parts build on, and the loader's errors on a
//! damaged copy (file, line, column, value, expectation), as for every other data file.

mod common;

use arrest_scenarios::data::{Agency, Dataset, Origin, Period, Series};
use common::{bundled, data_dir, shown};

const FILE: &str = "detention_stats.csv";

/// Load a data dir where the detention file is `text`; the error lines, with the
/// directory cut from the file name.
fn errors_for(text: &str) -> Vec<String> {
    let dir = data_dir(&[(FILE, text.as_bytes())]);
    let prefix = shown(dir.path(), FILE);
    let err = Dataset::from_dir(dir.path()).expect_err("the data should be refused");
    err.errors
        .iter()
        .map(|e| e.to_string().replace(&prefix, FILE))
        .collect()
}

/// The bundled file with line `n` (1-based) replaced by `with`.
fn with_line(n: usize, with: &str) -> String {
    let text = bundled(FILE);
    let mut lines: Vec<&str> = text.lines().collect();
    lines[n - 1] = with;
    lines.join("\n") + "\n"
}

/// The bundled file's line `n`.
fn line(n: usize) -> String {
    bundled(FILE).lines().nth(n - 1).unwrap().to_string()
}

#[test]
fn the_figures_other_parts_need() {
    let d = Dataset::bundled().unwrap().detention;
    assert_eq!(d.latest_full_year(), Some(2025));
    let (fy, stay) = d.latest_full_year_ice_stay().unwrap();
    assert_eq!((fy, stay.display(1)), (2025, "43.7".to_string()));
    let peak = d
        .peak_month(Series::AverageDailyPopulation, Agency::Total)
        .unwrap();
    assert_eq!(peak.period, Period::Month(jiff::civil::date(2026, 1, 1)));
    assert_eq!(peak.value.display(0), "71,929");
    assert_eq!(peak.value.to_string(), "71929.4839");
    assert_eq!(d.ice_book_ins(2025), Some(222_832));
    assert_eq!(d.ice_book_ins(2024), Some(90_615));
    assert_eq!(d.removals(2025), Some(319_980));
    let pace = d.latest_pace().unwrap();
    assert_eq!(
        (pace.first_month, pace.last_month, pace.months),
        (
            jiff::civil::date(2025, 10, 1),
            jiff::civil::date(2026, 3, 1),
            6
        )
    );
    assert_eq!((pace.total, pace.days), (203_314, 182));
    assert_eq!(format!("{:.1}", pace.per_day()), "1117.1");
    assert_eq!(pace.source_ids, ["ice-detention-fy2026"]);
    let monthly = d.monthly(Series::InitialBookIns, Agency::Ice);
    assert_eq!(monthly.len(), 91);
    let april = monthly.last().unwrap();
    assert_eq!((april.count(), april.days_covered), (Some(3721), 4));
    assert_eq!(
        d.monthly(Series::AverageDailyPopulation, Agency::Total)
            .len(),
        91
    );
    let days: Vec<(i32, String, u16)> = d
        .workbooks()
        .iter()
        .map(|w| (w.fiscal_year, w.data_through.to_string(), w.days))
        .collect();
    assert_eq!(
        days,
        [
            (2019, "2019-09-30".to_string(), 365),
            (2020, "2020-09-30".to_string(), 366),
            (2021, "2021-09-11".to_string(), 346),
            (2022, "2022-09-24".to_string(), 359),
            (2023, "2023-09-30".to_string(), 365),
            (2024, "2024-09-30".to_string(), 366),
            (2025, "2025-09-20".to_string(), 355),
            (2026, "2026-04-04".to_string(), 186),
        ]
    );
}

#[test]
fn a_damaged_value_names_file_line_column_and_value() {
    assert_eq!(
        line(2),
        "2019,2018-10,initial_book_ins,TOTAL,40551,31,2019-09-30,official,ice-detention-fy2019,Detention FY19,J20"
    );
    let lines = errors_for(&with_line(
        2,
        "2019,2018-10,initial_book_ins,TOTAL,40x551,31,2019-09-30,official,ice-detention-fy2019,Detention FY19,J20",
    ));
    assert_eq!(
        lines,
        [
            "detention_stats.csv line 2, column \"value\": '40x551' is not a number (expected digits, like 36622 or 43.7)"
        ]
    );
}

#[test]
fn every_field_is_checked() {
    let bad = "2019,2018-13,initial_book_ins,TOTAL,1,31,2019-09-30,official,ice-detention-fy2019,,\n\
               2019,2018-11,book_ins,TOTAL,1,30,2019-09-30,official,ice-detention-fy2019,,\n\
               2019,2018-11,initial_book_ins,HSI,1,30,2019-09-30,official,ice-detention-fy2019,,\n\
               2019,2018-11,initial_book_ins,TOTAL,1.5,30,2019-09-30,official,ice-detention-fy2019,,\n\
               2019,2018-11,average_daily_population,TOTAL,1.23456,30,2019-09-30,official,ice-detention-fy2019,,\n\
               2019,2018-11,average_daily_population,TOTAL,-4,30,2019-09-30,official,ice-detention-fy2019,,\n\
               2019,2018-11,average_daily_population,ALL,4,30,2019-09-30,official,ice-detention-fy2019,,\n\
               2019,2018-11,removals,ALL,4,30,2019-09-30,official,ice-detention-fy2019,,\n\
               2019,2018-11,average_length_of_stay,ICE,4,31,2019-09-30,official,ice-detention-fy2019,,\n\
               2019,2019-10,average_length_of_stay,ICE,4,31,2019-09-30,official,ice-detention-fy2019,,\n\
               2019,2018-12,average_length_of_stay,ICE,4,31,2019-09-29,official,ice-detention-fy2019,,\n\
               2019,2018-11,average_length_of_stay,ICE,4,30,2019-09-30,offical,nope,,\n\
               1800,FY,removals,ALL,4,30,2019-09-30,official,ice-detention-fy2019,,\n";
    let header = line(1);
    let lines = errors_for(&format!("{header}\n{bad}"));
    assert_eq!(
        lines,
        [
            "detention_stats.csv line 2, column \"period\": '2018-13' is not a month or FY (expected YYYY-MM, or FY for the whole year)",
            "detention_stats.csv line 3, column \"series\": 'book_ins' is not one of initial_book_ins, average_daily_population, average_length_of_stay, removals",
            "detention_stats.csv line 4, column \"arresting_agency\": 'HSI' is not one of ice, cbp, total, all",
            "detention_stats.csv line 5, column \"value\": '1.5' is not a whole number; initial_book_ins is a count",
            "detention_stats.csv line 6, column \"value\": '1.23456' has more than 4 decimal places",
            "detention_stats.csv line 7, column \"value\": '-4' is negative; expected zero or more",
            "detention_stats.csv line 8, column \"arresting_agency\": 'ALL' is for removals only; average_daily_population is broken down by ICE, CBP and TOTAL",
            "detention_stats.csv line 9, column \"arresting_agency\": removals are given for the whole year only: expected period FY and agency ALL, found '2018-11' and 'ALL'",
            "detention_stats.csv line 10, column \"days_covered\": '31' does not match the period: 2018-11 of FY2019 through 2019-09-30 covers 30 days",
            "detention_stats.csv line 11, column \"period\": '2019-10' is not a month of FY2019 (Oct 2018 - Sep 2019)",
            "detention_stats.csv line 12, column \"data_through\": '2019-09-29' differs from FY2019's data-through date 2019-09-30 on line 5; one workbook has one date",
            "detention_stats.csv line 13, column \"confidence\": 'offical' is not a confidence label (expected official, derived or reported)",
            "detention_stats.csv line 13, column \"source_id\": 'nope' is not a source id listed in sources.csv",
            "detention_stats.csv line 14, column \"fiscal_year\": '1800' is not a plausible fiscal year (expected 1900 to 2100)",
        ]
    );
}

#[test]
fn a_repeated_row_and_broken_totals_are_errors() {
    let text = bundled(FILE);
    let repeated = format!("{text}{}\n", line(2));
    assert_eq!(
        errors_for(&repeated),
        [
            "detention_stats.csv line 901, column \"period\": FY2019 2018-10 initial_book_ins TOTAL appears twice (first on line 2)"
        ]
    );
    // One month's ICE book-ins changed: its year no longer adds up, nor does its TOTAL.
    assert_eq!(
        line(15),
        "2019,2018-10,initial_book_ins,ICE,11892,31,2019-09-30,official,ice-detention-fy2019,Detention FY19,J21"
    );
    let lines = errors_for(&with_line(
        15,
        "2019,2018-10,initial_book_ins,ICE,11893,31,2019-09-30,official,ice-detention-fy2019,Detention FY19,J21",
    ));
    assert_eq!(
        lines,
        [
            "detention_stats.csv line 2, column \"value\": '40551' is not ICE plus CBP for FY2019 2018-10 (11,893 + 28,659); expected TOTAL = ICE + CBP",
            "detention_stats.csv line 27, column \"value\": '137084' is not the sum of FY2019's monthly ICE book-ins (137,085); expected the year to equal its months",
        ]
    );
}

#[test]
fn a_missing_month_is_named() {
    let text = bundled(FILE);
    let without: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with("2026,2026-02,"))
        .collect();
    let lines = errors_for(&(without.join("\n") + "\n"));
    assert_eq!(
        lines,
        [
            "detention_stats.csv: has no row for FY2026 2026-02 initial_book_ins ICE, FY2026 2026-02 initial_book_ins CBP, FY2026 2026-02 initial_book_ins TOTAL, FY2026 2026-02 average_daily_population ICE, FY2026 2026-02 average_daily_population CBP and 4 more; expected every month from October to the data-through date with book-ins, average daily population and average stay for ICE, CBP and TOTAL, and each year's FY rows and removals"
        ]
    );
}

#[test]
fn a_data_dir_copy_replaces_the_bundled_one() {
    // One workbook only: FY2019's rows.
    let text = bundled(FILE);
    let fy2019: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("fiscal_year,") || l.starts_with("2019,"))
        .collect();
    let dir = data_dir(&[(FILE, (fy2019.join("\n") + "\n").as_bytes())]);
    let d = Dataset::from_dir(dir.path()).unwrap();
    assert_eq!(d.detention.figures().len(), 118);
    assert_eq!(d.detention.latest_full_year(), Some(2019));
    assert_eq!(d.detention.ice_book_ins(2019), Some(137_084));
    let origin = d.origins.iter().find(|(n, _)| *n == FILE).unwrap();
    assert_eq!(origin.1, Origin::Path(shown(dir.path(), FILE)));
}

#[test]
fn check_lists_the_file_with_its_rows_and_dates() {
    let out = arrest_scenarios::report::loaded(&Dataset::bundled().unwrap());
    assert!(
        out.contains(
            "ok  detention_stats.csv     899 values, 8 workbooks FY2019-FY2026 (899 official)\n      data through: FY2019 2019-09-30, FY2020 2020-09-30, FY2021 2021-09-11,\n      FY2022 2022-09-24, FY2023 2023-09-30, FY2024 2024-09-30, FY2025\n      2025-09-20, FY2026 2026-04-04\n"
        ),
        "{out}"
    );
}

#[test]
fn summary_shows_the_official_record_with_its_labels() {
    let out = assert_cmd::Command::cargo_bin("arrest-scenarios")
        .unwrap()
        .arg("summary")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    for want in [
        "  1,875 a day is 757.9 more than the latest official pace of 1,117.1 a day\n    (1.68x): ICE-arrest initial book-ins into detention, Oct 2025-Mar 2026:\n    203,314 in 182 days = 1,117.1 a day (official).\n",
        "  FY2025 (Oct 1 2024 - Sep 20 2025, 355 days; official): 222,832 ICE-arrest\n    initial book-ins into detention; 319,980 removals.\n",
        "  FY2025       233,042   364     640.2        2.94x         2.93x  derived *\n",
        "  * FY2025: Not an official total: an estimate from raw arrest rows (likely\n    duplicates included, none removed) in the weeks starting 2024-09-29 to\n    2025-09-21, i.e. Sep 29 2024 - Sep 27 2025, 364 days (640.2 a day), from a\n",
        "  1,800 arrests a day (Gothamist/WNYC, 2025-01-27, reported)\n",
        "  Reported counter-statement: in August 2025 the Justice Department told the\n    Ninth Circuit that \"neither ICE leadership nor its field offices have\n    been directed to meet any numerical quota or target for arrests\" (The New\n    Republic, 2025-08-04, reported).\n",
    ] {
        assert!(text.contains(want), "missing:\n{want}\nin:\n{text}");
    }
    assert!(!text.contains("New York Post"));
}

#[test]
fn json_has_the_official_record_under_named_keys() {
    let out = assert_cmd::Command::cargo_bin("arrest-scenarios")
        .unwrap()
        .args(["summary", "--format", "json", "--monthly"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let pace = &json["latest_official_pace"];
    assert_eq!(
        pace["measure"],
        "ICE-arrest initial book-ins into detention"
    );
    assert_eq!(
        (pace["book_ins"].as_u64(), pace["days"].as_u64()),
        (Some(203_314), Some(182))
    );
    assert_eq!(
        format!("{:.1}", pace["per_day"].as_f64().unwrap()),
        "1117.1"
    );
    assert_eq!(
        format!("{:.1}", pace["difference"].as_f64().unwrap()),
        "757.9"
    );
    assert_eq!(format!("{:.2}", pace["multiple"].as_f64().unwrap()), "1.68");
    let context = &json["official_context"];
    assert_eq!(context["fiscal_year"], 2025);
    assert_eq!(context["ice_book_ins"], 222_832);
    assert_eq!(context["removals"], 319_980);
    assert_eq!(context["data_through"], "2025-09-20");
    assert_eq!(
        json["quota_counter_statement"]["quote"],
        "neither ICE leadership nor its field offices have been directed to meet any numerical quota or target for arrests"
    );
    let months = json["monthly_book_ins"].as_array().unwrap();
    assert_eq!(months.len(), 91);
    assert_eq!(months[0]["book_ins"], 11_892);
    assert_eq!(months[90]["days"], 4);
    let fy2025 = json["comparisons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["fiscal_year"] == 2025)
        .unwrap();
    assert_eq!(fy2025["days"], 364);
    assert_eq!(
        format!("{:.1}", fy2025["daily_average"].as_f64().unwrap()),
        "640.2"
    );
}

#[test]
fn summary_monthly_shows_every_fiscal_year_per_day() {
    let out = assert_cmd::Command::cargo_bin("arrest-scenarios")
        .unwrap()
        .args(["summary", "--monthly"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains(
        "  FY     Oct   Nov   Dec   Jan   Feb   Mar   Apr   May   Jun   Jul   Aug   Sep\n  2019   384   374   349   388   412   378   384   384   355   376   368   358\n"
    ));
    assert!(text.contains("\n  2026 1,181 1,149 1,220 1,164 1,025   955   930*\n"));
    assert!(text.lines().all(|l| l.chars().count() <= 80));
}

#[test]
fn the_counter_statement_is_shown_wherever_the_quotas_are_listed() {
    let run = |args: &[&str]| {
        let out = assert_cmd::Command::cargo_bin("arrest-scenarios")
            .unwrap()
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    let presets = run(&["presets"]);
    assert!(presets.ends_with(
        "gothamist-1800      1,800 a day (Gothamist/WNYC, 2025-01-27)\naxios-3000          3,000 a day (Axios, 2025-05-28)\n\nReported counter-statement: in August 2025 the Justice Department told the\n  Ninth Circuit that \"neither ICE leadership nor its field offices have been\n  directed to meet any numerical quota or target for arrests\" (The New Republic,\n  2025-08-04, reported).\n"
    ));
    let md = run(&["summary", "--format", "markdown"]);
    assert!(md.contains("- Reported counter-statement: in August 2025 the Justice Department told the Ninth Circuit that \"neither ICE leadership nor its field offices have been directed to meet any numerical quota or target for arrests\" (The New Republic, 2025-08-04, reported).\n"));
    assert!(md.contains("- Latest official pace: ICE-arrest initial book-ins into detention, Oct 2025-Mar 2026: 203,314 in 182 days = 1,117.1 a day (official).\n"));
    // Without the counter-statement's source in sources.csv, nothing unsourced is shown.
    let sources = common::bundled("sources.csv")
        .lines()
        .filter(|l| !l.starts_with("newrepublic-2025-08-04,"))
        .collect::<Vec<_>>()
        .join("\n")
        + "\n";
    let dir = data_dir(&[("sources.csv", sources.as_bytes())]);
    let d = Dataset::from_dir(dir.path()).unwrap();
    assert!(d.quota_counter_statement().is_none());
}
