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

/// `text` with `tail` added at the end of line `n` (1-based).
fn add_at_end_of_line(text: &str, n: usize, tail: &str) -> String {
    text.lines()
        .enumerate()
        .map(|(i, l)| {
            if i + 1 == n {
                format!("{l}{tail}\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect()
}

#[test]
fn an_unterminated_quote_names_the_file_and_the_line_it_opened_on() {
    let weekly = add_at_end_of_line(&common::bundled("weekly_arrests_2025.csv"), 3, "\"");
    assert_eq!(
        check_stderr("weekly_arrests_2025.csv", weekly.as_bytes()),
        "error: the data has 1 problem:\n  weekly_arrests_2025.csv line 3: a quoted field opens here with \" and is not closed where it should be: the \" that ends it, on line 43, is followed by more text; expected a closing \" before the next comma or line end\n"
    );
    let annual = add_at_end_of_line(&common::bundled("annual_arrests.csv"), 12, "\"");
    assert!(annual.lines().nth(11).unwrap().starts_with("2021,74082,"));
    assert_eq!(
        check_stderr("annual_arrests.csv", annual.as_bytes()),
        "error: the data has 1 problem:\n  annual_arrests.csv line 12: a quoted field opens here with \" and is not closed where it should be: the \" that ends it, on line 15, is followed by more text; expected a closing \" before the next comma or line end\n"
    );
    // A quote that never closes at all.
    let mut weekly = common::bundled("weekly_arrests_2025.csv");
    weekly.push_str("2025-10-19,1,1,derived,ddp-weekly-2026-02-03,\"Partial\n");
    assert_eq!(
        check_stderr("weekly_arrests_2025.csv", weekly.as_bytes()),
        "error: the data has 1 problem:\n  weekly_arrests_2025.csv line 44: a quoted field opens here with \" and is never closed; expected a closing \" (unclosed, it would swallow every later line)\n"
    );
    // Every data file, the detention statistics too: a new last field opening a quote.
    for file in arrest_scenarios::data::FILES {
        let text = add_at_end_of_line(&common::bundled(file), 2, ",\"");
        let err = check_stderr(file, text.as_bytes());
        assert!(
            err.contains(&format!("{file} line 2: a quoted field opens here")),
            "{file}: {err}"
        );
    }
}
