//! The real binary: outputs, exit codes and stderr.

mod common;
use common::{app, stdout_of};

use std::io::Read;
use std::process::{Command as StdCommand, Stdio};

use predicates::prelude::*;

#[test]
fn summary_gives_the_headline_figures_exactly() {
    let text = stdout_of(&["summary"]);
    assert!(text.contains("  Daily total     1,875 arrests a day   (25 offices x 75)\n"));
    assert!(text.contains("  Annual total  684,375 arrests a year  (1,875 x 365 days)\n"));
    assert!(text.contains(
        "  FY2024       113,431   366     309.9        6.03x         6.05x  official *\n"
    ));
    assert!(text.contains("    1,875 a day is 375 above the reported 1,200-1,500.\n"));
    assert!(text.contains(
        "    To meet it: 48-60 per office with 25 offices, or 16-20 offices at 75 a day.\n"
    ));
    assert!(text.contains("* FY2015: ICE's FY2017 ERO report gives 119,772"));
    assert!(text.contains("[wapo-2025-01-26] The Washington Post, 2025-01-26"));
}

#[test]
fn text_output_fits_80_columns() {
    for args in [
        &["summary"][..],
        &[
            "summary",
            "--offices",
            "4294967295",
            "--per-office",
            "1e12",
            "--attainment",
            "1000",
        ],
        &[
            "summary",
            "--per-office",
            "12.345",
            "--attainment",
            "33.3",
            "--office",
            "DAL=1000000",
        ],
        &["check"],
    ] {
        let text = stdout_of(args);
        for line in text.lines() {
            assert!(
                line.chars().count() <= 80,
                "{args:?}: line too long: {line:?}"
            );
        }
    }
}

#[test]
#[expect(
    clippy::float_cmp,
    reason = "JSON carries the exact f64 the model computed"
)]
fn json_has_totals_and_comparisons() {
    let text = stdout_of(&["summary", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["daily_total"], 1875);
    assert_eq!(v["annual_total"], 684_375);
    let fy24 = v["comparisons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["fiscal_year"] == 2024)
        .unwrap();
    assert_eq!(fy24["arrests"], 113_431);
    assert_eq!(fy24["days"], 366);
    assert_eq!(fy24["daily_average"].as_f64().unwrap(), 113_431.0 / 366.0);
    assert_eq!(fy24["multiple"].as_f64().unwrap(), 684_375.0 / 113_431.0);
    assert_eq!(fy24["confidence"], "official");
}

#[test]
fn csv_is_one_row_per_fiscal_year() {
    let text = stdout_of(&["summary", "--format", "csv", "--preset", "axios-3000"]);
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "fiscal_year,arrests,days,daily_average,scenario_daily_total,scenario_annual_total,\
         multiple,daily_multiple,difference,daily_difference,confidence,source_id,offices,\
         per_office,attainment_percent,days_per_year,office_targets,not_taking_part"
    );
    let fy24 = lines.find(|l| l.starts_with("2024,")).unwrap();
    assert!(fy24.starts_with("2024,113431,366,309.92076502732243,3000,1095000,9.65"));
    // 1,095,000 - 113,431 exactly; the parameters close every row.
    assert!(fy24.contains(",981569,2690.07923497267"), "{fy24}");
    assert!(
        fy24.ends_with(",official,ice-fy2024-annual-report,25,120,100,365,,"),
        "{fy24}"
    );
}

#[test]
fn markdown_links_its_sources() {
    let text = stdout_of(&["summary", "--format", "markdown"]);
    assert!(text.starts_with("# Scenario: 25 offices x 75 arrests a day"));
    assert!(text.contains("| FY2024 | 113,431 | 366 | 309.9 | 6.03x | 6.05x | official |"));
    assert!(text.contains(
        "<https://www.washingtonpost.com/immigration/2025/01/26/ice-arrests-raids-trump-quota/>"
    ));
}

#[test]
fn presets_and_flags_change_the_scenario() {
    let text = stdout_of(&["summary", "--preset", "wapo-national-low"]);
    assert!(text.contains("Daily total     1,200 arrests a day   (25 offices x 48)"));
    assert!(text.contains("1,200 a day is inside the reported 1,200-1,500."));
    let text = stdout_of(&["summary", "--attainment", "60"]);
    assert!(text.contains("Daily total     1,125 arrests a day   (25 offices x 75 x 60%)"));
    let text = stdout_of(&["summary", "--days", "261"]);
    assert!(text.contains("Annual total  489,375 arrests a year  (1,875 x 261 days)"));
    let text = stdout_of(&["presets"]);
    assert!(text.contains("axios-3000"));
    assert!(text.contains("3,000 a day (Axios, 2025-05-28)"));
}

#[test]
#[expect(
    clippy::float_cmp,
    reason = "JSON carries the exact f64 the model computed"
)]
fn huge_inputs_give_finite_numbers() {
    let text = stdout_of(&[
        "summary",
        "--offices",
        "4294967295",
        "--per-office",
        "1e12",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["daily_total"].as_f64().unwrap(), 4_294_967_295e12);
    // serde_json writes NaN and infinity as null: every ratio must be a real number.
    for c in v["comparisons"].as_array().unwrap() {
        for key in ["daily_average", "multiple", "daily_multiple"] {
            assert!(c[key].as_f64().unwrap().is_finite(), "{key} in {c}");
        }
    }
    let zero = stdout_of(&["summary", "--offices", "0"]);
    assert!(zero.contains("Daily total   0 arrests a day"));
}

#[test]
fn invalid_flags_are_explained_with_exit_2() {
    app()
        .args(["summary", "--per-office", "abc"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "invalid value 'abc' for '--per-office <N>': per-office target 'abc' is not a number; \
             expected a number from 0 to 1,000,000,000,000 a day, with at most 3 decimals",
        ));
    app()
        .args(["summary", "--days", "0"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "invalid value '0' for '--days <N>': days '0' is out of range; \
             expected a whole number of days from 1 to 366",
        ));
    app()
        .args(["summary", "--offices", "-3"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "invalid value '-3' for '--offices <N>': offices '-3' is negative; \
             expected a whole number from 0 to 4,294,967,295",
        ));
    app()
        .args(["summary", "--offices", "4294967296"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "invalid value '4294967296' for '--offices <N>': offices '4294967296' is too large; \
             expected a whole number from 0 to 4,294,967,295",
        ));
    app()
        .args(["summary", "--preset", "nope"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "error: 'nope' is not a preset; the presets are: wapo-national-low,",
        ));
    app()
        .args(["summary", "--office", "XYZ=5"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "error: 'XYZ' is not a field office code in field_offices.csv",
        ));
}

#[test]
fn check_reports_what_it_loaded() {
    app()
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "ok  annual_arrests.csv      15 fiscal years (13 official, 1 derived, 1 reported)\n",
        ));
}

#[test]
fn check_on_bad_data_lists_every_problem_and_exits_2() {
    let bad = "fiscal_year,arrests,confidence,source_id\n2024,abc,official,x\n";
    let dir = common::data_dir(&[("annual_arrests.csv", bad.as_bytes())]);
    let file = common::shown(dir.path(), "annual_arrests.csv");
    app()
        .args(["check", "--data-dir"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "error: the data has 2 problems:\n  {file} line 2, column \"arrests\": 'abc' is not a whole number\n  {file} line 2, column \"source_id\": 'x' is not a source id listed in sources.csv\n"
        ));
}

#[test]
fn a_partial_data_dir_says_which_files_are_bundled() {
    let dir = common::data_dir(&[]);
    std::fs::remove_file(dir.path().join("quotas.csv")).unwrap();
    app()
        .args(["check", "--data-dir"])
        .arg(dir.path())
        .assert()
        .success()
        .stderr("note: quotas.csv is not in the data directory; using the bundled copy\n");
}

#[test]
fn a_closed_pipe_ends_quietly_with_success() {
    let bin = assert_cmd::cargo::cargo_bin("arrest-scenarios");
    let mut child = StdCommand::new(bin)
        .args(["summary", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away before anything is written
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(status.success(), "exit status {status:?}, stderr {stderr}");
    assert_eq!(stderr, "");
}

#[test]
fn sources_lists_links() {
    let text = stdout_of(&["sources"]);
    assert!(text.contains(
        "[ice-fy2024-annual-report] ICE releases fiscal year 2024 annual report\n    U.S. Immigration and Customs Enforcement, 2024-12-19\n    https://ice.gov/news/releases/ice-releases-fiscal-year-2024-annual-report\n"
    ));
}

#[test]
fn without_a_terminal_the_screen_points_to_summary() {
    app()
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "error: standard output is not a terminal, so the interactive screen cannot open.\nFor text output use: arrest-scenarios summary",
        ));
}

#[test]
fn a_missing_records_file_is_refused_before_the_screen_opens() {
    let dir = tempfile::tempdir().unwrap();
    let there = write(dir.path(), "a.csv", "apprehension_date\n2025-01-01\n");
    let missing = dir.path().join("nope.csv");
    app()
        .arg("--records")
        .args([&there, &missing])
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "error: --records file '{}' cannot be read: No such file or directory (os error 2)\n",
            missing.display()
        ));
    // A command's name after the files is read as one more file, and said so.
    app()
        .arg("--records")
        .arg(&there)
        .arg("summary")
        .assert()
        .code(2)
        .stderr(
            "error: --records file 'summary' cannot be read: No such file or directory \
             (os error 2); 'summary' is read as a file because --records takes every word \
             after it, and commands do not read the screen's --records files (to count \
             records in a script: arrest-scenarios records FILE)\n",
        );
    // Every file there: on to the screen (which needs a terminal).
    app()
        .arg("--records")
        .arg(&there)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "standard output is not a terminal",
        ));
}

#[test]
fn top_level_scenario_flags_cannot_be_mixed_with_a_command() {
    app()
        .args(["--preset", "axios-3000", "summary"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error:"));
}

fn write(dir: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn summary_explains_the_arithmetic_and_milestones() {
    let text = stdout_of(&["summary"]);
    assert!(text.contains(
        "The arithmetic\n  75 arrests per office per day x 25 offices = 1,875 arrests per day\n  1,875 a day x 365 days = 684,375 arrests a year\n  FY2024: 113,431 arrests over 366 days = 309.9 a day [ICE FY2024 report]\n  1,875 / 309.9 = 6.05 times the FY2024 pace\n"
    ));
    assert!(text.contains("  FY2024's whole-year total (113,431) on day 61\n"));
    assert!(text.contains("  the FY2025 estimate (233,042 over 364 days, derived) on day 125\n"));
    assert!(text.contains("  one million (1,000,000) on day 534 (beyond one year)\n"));
}

#[test]
fn a_saved_scenario_drives_summary_and_markdown_export() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "plan.toml",
        "name = \"Axios at 60%\"\noffices = 25\nper_office = \"120\"\nattainment = \"60\"\n",
    );
    let out = app()
        .args([
            "summary",
            "--format",
            "markdown",
            "--ramp-weeks",
            "12",
            "--scenario",
        ])
        .arg(&file)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let md = String::from_utf8(out).unwrap();
    assert!(md.starts_with("# Scenario: 25 offices x 120 arrests a day, 60% met, 365 days a year"));
    assert!(md.contains("- **Daily total:** 1,800 arrests a day (25 offices x 120 x 60%)"));
    assert!(md.contains(
        "1. 120 arrests per office per day x 25 offices = 3,000 arrests per day targeted\n"
    ));
    assert!(md.contains(
        "## Ramp-up\n\nRamping up linearly from FY2024's average, 309.9 a day over 12 weeks"
    ));
    assert!(md.contains("## Sources"));
}

#[test]
fn a_corrupt_scenario_file_is_reported_not_used() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "bad.toml",
        "offices = 25\nper_office = \"lots\"\n",
    );
    app()
        .args(["summary", "--scenario"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(format!(
            "error: {}, field \"per_office\": per-office target 'lots' is not a number; expected a number from 0 to 1,000,000,000,000 a day, with at most 3 decimals\n",
            file.display()
        ));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "offices = 25\nper_office = \"lots\"\n"
    );
}

#[test]
fn compare_two_scenarios() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.toml",
        "name = \"Jan\"\noffices = 25\nper_office = 75\n",
    );
    let b = write(
        dir.path(),
        "b.toml",
        "name = \"Twenty\"\noffices = 20\nper_office = 75\n",
    );
    let out = app()
        .arg("compare")
        .arg(&a)
        .arg(&b)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains("Offices                                   25                  20 (-5)\n"),
        "{text}"
    );
    assert!(
        text.contains("Offices not taking part                 none  SLC, SNA, SND, SPM, WAS\n"),
        "{text}"
    );
    assert!(
        text.contains("Daily total                            1,875             1,500 (-375)\n"),
        "{text}"
    );
    assert!(
        text.contains("Annual total                         684,375       547,500 (-136,875)\n"),
        "{text}"
    );
    assert!(
        text.contains("Against 1,200-1,500 arrests a day  375 above                   inside\n"),
        "{text}"
    );
    app()
        .arg("compare")
        .arg(&a)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("required"));
}

#[test]
fn goal_seek_from_the_command_line() {
    let text = stdout_of(&["goal", "--daily", "1500"]);
    assert_eq!(
        text,
        "Goal: 1,500 arrests a day (1,500 a day over 365 days)\nFrom: 25 offices x 75 a day, 100% met\nPer-office target needed with 25 offices: 60 a day\nOffices needed at 75 a day each: 20 (rounded up)\n"
    );
    let text = stdout_of(&["goal", "--match-fy", "2024", "--offices", "20"]);
    assert!(text.contains("Per-office target needed with 20 offices: ~15.538 a day\n"));
    app()
        .args(["goal", "--match-fy", "1999"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "error: FY1999 is not in annual_arrests.csv (loaded: 2009, 2012,",
        ));
    app().arg("goal").assert().code(2);
}

#[test]
fn grid_marks_years_and_quotas() {
    let text = stdout_of(&["grid", "--format", "csv"]);
    assert!(text.starts_with(
        "per_office,offices,annual_total,highest_year_exceeded,above_all_official_years,presets\n"
    ));
    assert!(text.contains("\n75,25,684375,2012,true,wapo-per-office independent-25x75\n"));
    assert!(text.contains("\n25,10,91250,2021,false,\n"));
}

#[test]
fn scenarios_lists_the_saved_folder() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "jan.toml",
        "name = \"Jan\"\noffices = 25\nper_office = 75\n",
    );
    write(dir.path(), "broken.toml", "offices = \n");
    let out = app()
        .arg("scenarios")
        .env("ARREST_SCENARIOS_DIR", dir.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains("  jan.toml  Jan: 25 offices x 75 a day = 1,875 a day\n"),
        "{text}"
    );
    assert!(text.contains("  cannot be used: "), "{text}");
}
