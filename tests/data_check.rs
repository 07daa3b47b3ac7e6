//! `check` on damaged data folders, through the real binary: exit code 2 and the exact
//! message on stderr, naming file, line and column.

mod common;

use assert_cmd::Command;

fn app() -> Command {
    let mut c = Command::cargo_bin("arrest-scenarios").unwrap();
    c.env_remove("NO_COLOR");
    c
}

/// `check --data-dir DIR` with `file` replaced by `text`: its stderr, with the folder
/// cut from the file names. Asserts exit code 2 and empty stdout.
fn check_stderr(file: &str, text: &[u8]) -> String {
    let dir = common::data_dir(&[(file, text)]);
    let out = app()
        .args(["check", "--data-dir"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stdout("")
        .get_output()
        .stderr
        .clone();
    String::from_utf8(out)
        .unwrap()
        .replace(&format!("{}/", dir.path().display()), "")
}

#[test]
fn a_per_office_quota_of_18_quadrillion_is_a_check_error_not_an_overflow() {
    let mut quotas = common::bundled("quotas.csv");
    quotas.push_str(
        "huge,2025-01-26,The Washington Post,arrests,per_office_per_day,18446744073709551,18446744073709551,,reported,wapo-2025-01-26,,\n",
    );
    let line = quotas.lines().count();
    assert_eq!(
        check_stderr("quotas.csv", quotas.as_bytes()),
        format!(
            "error: the data has 2 problems:\n  quotas.csv line {line}, column \"low\": '18446744073709551' is 18,446,744,073,709,551 a day per office, above the largest per-office target the model accepts (1,000,000,000,000 a day)\n  quotas.csv line {line}, column \"high\": '18446744073709551' is 18,446,744,073,709,551 a day per office, above the largest per-office target the model accepts (1,000,000,000,000 a day)\n"
        )
    );
}

#[test]
fn a_damaged_detention_file_gets_file_line_and_column() {
    let text = common::bundled("detention_stats.csv").replacen(",40551,31,", ",40551,30,", 1);
    assert_eq!(
        check_stderr("detention_stats.csv", text.as_bytes()),
        "error: the data has 1 problem:\n  detention_stats.csv line 2, column \"days_covered\": '30' does not match the period: 2018-10 of FY2019 through 2019-09-30 covers 31 days\n"
    );
}
