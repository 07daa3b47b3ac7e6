//! The capacity check through the real binary: the issue's numbers, the sections of
//! each format, saved files, and every bad value (exit 2, naming the flag).

mod common;
use common::{app, stdout_of};

fn json(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["summary", "--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_str(&stdout_of(&all)).unwrap()
}

#[test]
fn the_issue_example_in_json() {
    let v = json(&[
        "--stay-days",
        "40",
        "--detained-share",
        "50",
        "--beds",
        "30000",
        "--officers",
        "5000",
        "--at-large-share",
        "40",
    ]);
    let c = &v["capacity"];
    assert_eq!(c["beds_needed"], 37_500);
    assert_eq!(c["beds"], 30_000);
    assert_eq!(c["sustainable_daily"], 1500);
    assert_eq!(c["arrests_per_officer_per_day"], 0.375);
    assert_eq!(c["at_large_daily"], 750);
    assert_eq!(c["stay_days"], 40);
    assert_eq!(c["assumptions"]["beds"]["basis"], "set by the user");
    assert_eq!(
        c["assumptions"]["beds"]["source_id"],
        serde_json::Value::Null
    );
}

#[test]
fn the_defaults_in_json_carry_their_source_ids() {
    let v = json(&[]);
    let c = &v["capacity"];
    assert_eq!(c["beds"], 41_500);
    assert_eq!(c["stay_days"], 43.6531);
    assert_eq!(c["beds_needed"], 81_849.562_5);
    let a = &c["assumptions"];
    assert_eq!(a["stay_days"]["source_id"], "ice-detention-fy2025");
    assert_eq!(a["stay_days"]["confidence"], "official");
    assert_eq!(a["beds"]["source_id"], "dwn-2024-03-23");
    assert_eq!(a["beds"]["confidence"], "reported");
    assert_eq!(a["officers"]["source_id"], "ap-ero-officers");
    assert_eq!(a["at_large_share"]["source_id"], "ice-fy2024-annual-report");
    assert_eq!(a["at_large_share"]["confidence"], "derived");
    assert_eq!(
        a["detained_share"]["basis"],
        "if everyone arrested is detained"
    );
    assert_eq!(c["at_large_fy2024"]["count"], 33_243);
    assert_eq!(c["latest_year_per_officer"]["fiscal_year"], 2024);
    assert_eq!(c["observed"]["years"][1]["fiscal_year"], 2025);
    assert_eq!(c["observed"]["years"][1]["ice_stay"], 43.653_1);
    assert_eq!(c["observed"]["peak"]["month"], "2026-01-01");
    assert_eq!(
        c["observed"]["peak"]["average_daily_population"],
        71_929.483_9
    );
    assert_eq!(c["observed"]["peak"]["source_id"], "ice-detention-fy2026");
    // The capacity sources are listed with the others.
    let ids: Vec<&str> = v["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    for id in [
        "ice-detention-fy2025",
        "dwn-2024-03-23",
        "ap-ero-officers",
        "ice-detention-fy2024",
        "ice-2026-01-officers",
    ] {
        assert!(ids.contains(&id), "{id} not in {ids:?}");
    }
}

#[test]
fn the_text_summary_spells_out_the_arithmetic() {
    let text = stdout_of(&["summary"]);
    assert!(text.contains(
        "\nCapacity check (the beds, officers and at-large arrests it would take)\n  Assumptions\n    Average stay 43.6531 days: ICE-arrested detainees' average stay, FY2025 (the\n      latest full year), 43.7 rounded (official, ice-detention-fy2025; change\n      with --stay-days)\n"
    ), "{text}");
    assert!(
        text.contains(
            "    Funded beds 41,500: funded average daily population, FY2024 (reported,\n"
        )
    );
    assert!(text.contains(
        "    1,875 arrests a day x 100% detained x 43.6531 days held = ~81,849.6 people\n      held at once [ICE detention statistics FY2025]\n"
    ));
    assert!(text.contains("    ~549.51 / 90.8 = 6.05 times FY2024's at-large pace\n"));
    assert!(text.contains(
        "    Peak month: January 2026, 71,929.4839 held on an average day (official) [ICE\n      detention statistics FY2026]\n"
    ));
    assert!(text.contains(
        "It leaves out transfers and releases, and the CBP detainees who share\n  the same beds.\n"
    ));
    assert!(text.contains("  [dwn-2024-03-23] Detention Watch Network, 2024-03-23: "));
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "line too long: {line:?}");
    }
}

#[test]
fn the_issue_example_in_text_and_markdown() {
    let args = [
        "summary",
        "--stay-days",
        "40",
        "--detained-share",
        "50",
        "--beds",
        "30000",
        "--officers",
        "5000",
        "--at-large-share",
        "40",
    ];
    let text = stdout_of(&args);
    assert!(text.contains("    1,875 arrests a day x 50% detained x 40 days held = 37,500 people held at\n      once\n"));
    assert!(
        text.contains(
            "    30,000 beds / (50% detained x 40 days) = 1,500 arrests a day sustained\n"
        )
    );
    assert!(text.contains("    1,500 a day / 25 offices = a target of 60 per office a day\n"));
    assert!(
        text.contains(
            "    1,875 arrests a day / 5,000 officers = 0.375 arrests per officer a day\n"
        )
    );
    assert!(text.contains("    1,875 arrests a day x 40% at large = 750 at-large arrests a day\n"));
    let mut md_args = args.to_vec();
    md_args.extend(["--format", "markdown"]);
    let md = stdout_of(&md_args);
    assert!(md.contains("\n## Capacity check (the beds, officers and at-large arrests it would take)\n\nLittle's law: "));
    assert!(
        md.contains("| Funded beds 30,000 | set by the user (assumption; change with --beds) |\n")
    );
    assert!(md.contains(
        "1. 1,875 arrests a day x 50% detained x 40 days held = 37,500 people held at once\n"
    ));
    assert!(
        md.contains("2. 37,500 / 30,000 funded beds = 1.25x the funded beds (7,500 beds short)\n")
    );
}

#[test]
fn a_ramp_says_when_the_beds_fill() {
    let text = stdout_of(&["summary", "--ramp-weeks", "12"]);
    assert!(text.contains(
        "  With a 12-week ramp from FY2024's average, 309.9 a day: about 13,529 people\n  held at the start, 63,688 at the end of the ramp, and 81,850 from day 128 on\n  (each held for the average stay); the 41,500 funded beds fill on day 57.\n"
    ), "{text}");
    let v = json(&["--ramp-weeks", "0"]);
    assert_eq!(v["capacity"]["ramp"]["day_beds_fill"], 18);
}

#[test]
fn a_saved_file_sets_assumptions_and_flags_override_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("beds.toml");
    std::fs::write(
        &file,
        "offices = 25\nper_office = 75\n[capacity]\nstay_days = 40\ndetained_share = \"50\"\nbeds = 20000\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let v = json(&["--scenario", path]);
    assert_eq!(v["capacity"]["beds_needed"], 37_500);
    assert_eq!(v["capacity"]["beds"], 20_000);
    let v = json(&["--scenario", path, "--beds", "30000"]);
    assert_eq!(v["capacity"]["beds"], 30_000);
    assert_eq!(v["capacity"]["sustainable_daily"], 1500);
    // A file from before the check loads, with the defaults.
    std::fs::write(&file, "offices = 25\nper_office = 75\n").unwrap();
    assert_eq!(json(&["--scenario", path])["capacity"]["beds"], 41_500);
    // A bad value in the file: exit 2, naming the file and the field.
    std::fs::write(
        &file,
        "offices = 25\nper_office = 75\n[capacity]\nbeds = -5\n",
    )
    .unwrap();
    app()
        .args(["summary", "--scenario", path])
        .assert()
        .code(2)
        .stderr(format!(
            "error: {path}, field \"capacity.beds\": beds '-5' is negative; expected a whole number from 1 to 10,000,000\n"
        ));
}

const STAY: &str = "expected a number of days above 0 and at most 3,650, with at most 4 decimals";
const SHARE: &str = "expected a percent from 0 to 100, with at most 3 decimals";
const COUNT: &str = "expected a whole number from 1 to 10,000,000";

/// Flag, value name, value, problem, expectation.
const CASES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "--stay-days",
        "DAYS",
        "0",
        "average stay '0' is not above 0",
        STAY,
    ),
    (
        "--stay-days",
        "DAYS",
        "-4",
        "average stay '-4' is negative",
        STAY,
    ),
    (
        "--stay-days",
        "DAYS",
        "NaN",
        "average stay 'NaN' is not a number",
        STAY,
    ),
    (
        "--stay-days",
        "DAYS",
        "inf",
        "average stay 'inf' is not a number",
        STAY,
    ),
    (
        "--stay-days",
        "DAYS",
        "3650.5",
        "average stay '3650.5' is too large",
        STAY,
    ),
    (
        "--stay-days",
        "DAYS",
        "1e9",
        "average stay '1e9' is too large",
        STAY,
    ),
    (
        "--stay-days",
        "DAYS",
        "1.23456",
        "average stay '1.23456' has more than 4 decimal places",
        STAY,
    ),
    ("--stay-days", "DAYS", "", "average stay is empty", STAY),
    (
        "--detained-share",
        "PCT",
        "101",
        "detained share '101' is above 100%",
        SHARE,
    ),
    (
        "--detained-share",
        "PCT",
        "-1",
        "detained share '-1' is negative",
        SHARE,
    ),
    (
        "--detained-share",
        "PCT",
        "NaN",
        "detained share 'NaN' is not a number",
        SHARE,
    ),
    (
        "--detained-share",
        "PCT",
        "50.0001",
        "detained share '50.0001' has more than 3 decimal places",
        SHARE,
    ),
    (
        "--at-large-share",
        "PCT",
        "100.001",
        "at-large share '100.001' is above 100%",
        SHARE,
    ),
    (
        "--at-large-share",
        "PCT",
        "-0.5",
        "at-large share '-0.5' is negative",
        SHARE,
    ),
    (
        "--at-large-share",
        "PCT",
        "lots",
        "at-large share 'lots' is not a number",
        SHARE,
    ),
    ("--beds", "N", "0", "beds '0' is zero", COUNT),
    ("--beds", "N", "-100", "beds '-100' is negative", COUNT),
    (
        "--beds",
        "N",
        "NaN",
        "beds 'NaN' is not a whole number",
        COUNT,
    ),
    (
        "--beds",
        "N",
        "41500.5",
        "beds '41500.5' is not a whole number",
        COUNT,
    ),
    (
        "--beds",
        "N",
        "10000001",
        "beds '10000001' is too large",
        COUNT,
    ),
    (
        "--beds",
        "N",
        "99999999999999999999999",
        "beds '99999999999999999999999' is too large",
        COUNT,
    ),
    ("--officers", "N", "0", "officers '0' is zero", COUNT),
    (
        "--officers",
        "N",
        "-6000",
        "officers '-6000' is negative",
        COUNT,
    ),
    (
        "--officers",
        "N",
        "6e3",
        "officers '6e3' is not a whole number",
        COUNT,
    ),
    (
        "--officers",
        "N",
        "20000000",
        "officers '20000000' is too large",
        COUNT,
    ),
];

#[test]
fn every_bad_value_exits_2_naming_the_flag() {
    for (flag, name, value, problem, expected) in CASES {
        let arg = format!("{flag}={value}");
        app()
            .args(["summary", &arg])
            .assert()
            .code(2)
            .stdout("")
            .stderr(format!(
                "error: invalid value '{value}' for '{flag} <{name}>': {problem}; {expected}\n\nFor more information, try '--help'.\n"
            ));
    }
}
