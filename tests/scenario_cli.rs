//! The scenario flags that choose offices, and the absolute gaps beside every ratio,
//! through the real binary.

use assert_cmd::Command;
use predicates::prelude::*;

fn app() -> Command {
    let mut cmd = Command::cargo_bin("arrest-scenarios").expect("binary");
    cmd.env(
        "ARREST_SCENARIOS_DIR",
        std::env::temp_dir().join("arrest-scenarios-none"),
    );
    cmd
}

fn stdout_of(args: &[&str]) -> String {
    let out = app().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn the_gap_to_fy2024_is_given_in_arrests_as_well_as_a_ratio() {
    let text = stdout_of(&["summary"]);
    assert!(text.contains("  1,875 a day is 1,565.1 more than FY2024's 309.9 a day (6.05x).\n"));
    assert!(text.contains("  684,375 a year is 570,944 more than FY2024's 113,431 (6.03x).\n"));
    assert!(text.contains("  1,875 - 309.9 = 1,565.1 more a day than FY2024\n"));
    assert!(text.contains("  684,375 - 113,431 = 570,944 more a year than FY2024\n"));
    assert!(text.contains("FY2024 had 366 days, so its 309.9 a day is 113,431 / 366;"));
    let md = stdout_of(&["summary", "--format", "markdown"]);
    assert!(md.contains("- 684,375 a year is 570,944 more than FY2024's 113,431 (6.03x).\n"));
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&["summary", "--format", "json"])).unwrap();
    let fy24 = json["comparisons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["fiscal_year"] == 2024)
        .unwrap();
    assert_eq!(fy24["difference"], 570_944);
    let daily = fy24["daily_difference"].as_f64().unwrap();
    assert!(
        (daily - (1875.0 - 113_431.0 / 366.0)).abs() < 1e-9,
        "{daily}"
    );
}

#[test]
fn a_scenario_below_a_year_says_fewer() {
    let text = stdout_of(&["summary", "--offices", "1", "--per-office", "100"]);
    assert!(text.contains("100 a day is 209.9 fewer than FY2024's 309.9 a day (0.32x)."));
    assert!(text.contains("36,500 a year is 76,931 fewer than FY2024's 113,431 (0.32x)."));
    let json: serde_json::Value = serde_json::from_str(&stdout_of(&[
        "summary",
        "--offices",
        "1",
        "--per-office",
        "100",
        "--format",
        "json",
    ]))
    .unwrap();
    let fy24 = json["comparisons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["fiscal_year"] == 2024);
    assert_eq!(fy24.unwrap()["difference"], -76_931);
}

#[test]
fn offices_can_be_left_out_by_code() {
    let text = stdout_of(&["summary", "--exclude", "WAS,SLC"]);
    assert!(text.starts_with(
        "Scenario: 23 offices x 75 arrests a day, 100% met, 365 days a year; not taking\npart: SLC, WAS\n"
    ));
    assert!(text.contains("  Daily total     1,725 arrests a day   (23 offices x 75)\n"));
    let only = stdout_of(&["summary", "--only", "DAL,HOU", "--per-office", "100"]);
    assert!(only.contains("; only DAL,\nHOU take part\n"), "{only}");
    assert!(only.contains("  Daily total      200 arrests a day   (2 offices x 100)\n"));
    // Lower case and spaces are accepted; JSON names who is out.
    let json: serde_json::Value = serde_json::from_str(&stdout_of(&[
        "summary",
        "--exclude",
        " was",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(json["daily_total"], 1800);
    assert_eq!(json["scenario"]["excluded"], serde_json::json!(["WAS"]));
    assert_eq!(json["left_out"], serde_json::json!(["WAS"]));
}

#[test]
fn an_office_count_below_the_data_names_the_offices_left_out() {
    let text = stdout_of(&["summary", "--offices", "20", "--office", "DAL=120"]);
    assert!(
        text.contains("own targets:\nDAL 120; not taking part: SLC, SNA, SND, SPM, WAS\n"),
        "{text}"
    );
    assert!(text.contains("  Daily total     1,545 arrests a day"));
}

#[test]
fn a_target_for_an_office_that_does_not_take_part_is_refused() {
    app()
        .args(["summary", "--exclude", "WAS", "--office", "WAS=200"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "error: WAS has its own target but does not take part in the scenario (it is left \
             out); include it, or drop its target\n",
        );
    app()
        .args(["summary", "--offices", "20", "--office", "WAS=200"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "WAS has its own target but does not take part in the scenario (it is beyond the number of offices)",
        ));
    app()
        .args(["summary", "--exclude", "XYZ"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "error: 'XYZ' is not a field office code in field_offices.csv (known: ATL,",
        ));
    app()
        .args(["summary", "--only", "DAL", "--exclude", "HOU"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be used with"));
}

/// A scenarios folder with two saved scenarios.
fn saved_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("weekdays.toml"),
        "name = \"Weekdays 60\"\noffices = 25\nper_office = \"75\"\nattainment = \"60\"\ndays = 261\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("big.toml"),
        "name = \"Big\"\noffices = 30\nper_office = \"100\"\nexcluded = [\"WAS\"]\n",
    )
    .unwrap();
    dir
}

#[test]
fn compare_and_scenario_take_saved_names_as_well_as_paths() {
    let dir = saved_folder();
    let out = app()
        .env("ARREST_SCENARIOS_DIR", dir.path())
        .args(["compare", "weekdays 60", "big", "--format", "csv"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    // Every cell of a numeric row is a number: no `x`, no `of`, no `below`.
    assert!(
        csv.contains("\nOffices not taking part,none,WAS,\n"),
        "{csv}"
    );
    assert!(csv.contains("\nDaily total,1125,3000,+1875\n"), "{csv}");
    assert!(
        csv.contains("\nMultiple of FY2024,2.5885780783031094,9.653445707081838,\n"),
        "{csv}"
    );
    assert!(csv.contains("\nRank among official years,1,1,\n"), "{csv}");
    assert!(
        csv.contains("\n\"Against 1,200-1,500 arrests a day\",-75,1500,\n"),
        "{csv}"
    );
    app()
        .env("ARREST_SCENARIOS_DIR", dir.path())
        .args(["summary", "--scenario", "Big"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Scenario: 30 offices x 100 arrests a day, 100% met, 365 days a year; not taking\npart: WAS\n",
        ));
    app()
        .env("ARREST_SCENARIOS_DIR", dir.path())
        .args(["compare", "nope", "big"])
        .assert()
        .code(2)
        .stderr(format!(
            "error: 'nope' is neither a file nor a saved scenario in {} (saved: Big, Weekdays 60)\n",
            dir.path().display()
        ));
}

#[test]
fn completions_are_printed_for_each_shell() {
    for (shell, marker) in [
        ("bash", "_arrest__scenarios()"),
        ("zsh", "#compdef arrest-scenarios"),
        ("fish", "complete -c arrest-scenarios"),
    ] {
        let text = stdout_of(&["completions", shell]);
        assert!(text.contains(marker), "{shell}");
        assert!(
            text.contains("records"),
            "{shell} completes the subcommands"
        );
    }
    app().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn each_command_says_what_it_prints() {
    let help = stdout_of(&["records", "--help"]);
    assert!(
        help.contains("With --format csv only the table goes to standard output"),
        "{help}"
    );
    let help = stdout_of(&["grid", "--help"]);
    assert!(help.contains("each cell is an annual total"), "{help}");
}

#[test]
fn compare_survives_huge_and_hostile_names() {
    let dir = tempfile::tempdir().unwrap();
    let long = "A".repeat(70_000);
    let a = dir.path().join("a.toml");
    let b = dir.path().join("b.toml");
    std::fs::write(
        &a,
        format!("name = \"{long}\"\noffices = 25\nper_office = \"75\"\n"),
    )
    .unwrap();
    std::fs::write(
        &b,
        "name = \"\\u001b]0;pwned\\u0007x|y\"\noffices = 20\nper_office = \"75\"\n",
    )
    .unwrap();
    for format in ["text", "markdown"] {
        let out = app()
            .arg("compare")
            .arg(&a)
            .arg(&b)
            .args(["--format", format])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{format}: raw controls"
        );
        assert!(text.contains("\\x1b]0;pwned\\x07x"), "{format}");
        assert!(
            text.contains(&format!("{}…", "A".repeat(59))),
            "{format}: cut with a mark"
        );
        assert!(
            text.lines().all(|l| l.chars().count() < 400),
            "{format}: no line padded out"
        );
    }
    // CSV and JSON keep the exact name.
    let out = app()
        .arg("compare")
        .arg(&a)
        .arg(&b)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["names"][0].as_str().unwrap().len(), 70_000);
    assert_eq!(json["names"][1], "\u{1b}]0;pwned\u{7}x|y");
}
