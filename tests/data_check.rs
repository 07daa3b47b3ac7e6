//! `check` on damaged data folders, through the real binary: exit code 2 and the exact
//! message on stderr, naming file, line and column.

mod common;
use common::app;

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

/// A deadline for commands that used to hang (a FIFO never ends): a hang fails the test
/// instead of stalling the suite. Not a speed assertion.
const DEADLINE: std::time::Duration = std::time::Duration::from_secs(60);

#[cfg(unix)]
fn mkfifo(path: &std::path::Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(ok.success());
}

#[cfg(unix)]
#[test]
fn a_fifo_a_device_or_a_dangling_link_in_the_data_dir_is_an_error_not_a_hang() {
    let dir = common::data_dir(&[]);
    let path = |f: &str| dir.path().join(f);
    std::fs::remove_file(path("annual_arrests.csv")).unwrap();
    mkfifo(&path("annual_arrests.csv"));
    std::fs::remove_file(path("quotas.csv")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", path("quotas.csv")).unwrap();
    std::fs::remove_file(path("reference.csv")).unwrap();
    std::os::unix::fs::symlink(path("gone.csv"), path("reference.csv")).unwrap();
    let out = app()
        .args(["check", "--data-dir"])
        .arg(dir.path())
        .timeout(DEADLINE)
        .assert()
        .code(2)
        .stdout("")
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out)
        .unwrap()
        .replace(&format!("{}/", dir.path().display()), "");
    assert_eq!(
        err,
        "error: the data has 3 problems:\n  annual_arrests.csv: is a FIFO (named pipe), not a regular file; only regular files are read\n  quotas.csv: is a character device, not a regular file; only regular files are read\n  reference.csv: is a symbolic link to a file that does not exist; fix or remove the link\n"
    );
}

#[test]
fn an_oversized_data_file_is_refused() {
    let dir = common::data_dir(&[]);
    let big = std::fs::File::create(dir.path().join("reference.csv")).unwrap();
    big.set_len(arrest_scenarios::fsread::MAX_DATA_FILE + 1)
        .unwrap();
    let err = check_stderr_of(dir.path());
    assert_eq!(
        err,
        "error: the data has 1 problem:\n  reference.csv: is 16,777,217 bytes, more than the 16,777,216 bytes a file here may have\n"
    );
}

/// `check --data-dir DIR`: its stderr with the folder cut; asserts exit code 2.
fn check_stderr_of(dir: &std::path::Path) -> String {
    let out = app()
        .args(["check", "--data-dir"])
        .arg(dir)
        .timeout(DEADLINE)
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    String::from_utf8(out)
        .unwrap()
        .replace(&format!("{}/", dir.display()), "")
}

#[cfg(unix)]
#[test]
fn a_fifo_in_the_scenarios_folder_is_listed_with_its_error_not_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("jan.toml"),
        "name = \"Jan\"\noffices = 25\nper_office = \"75\"\n",
    )
    .unwrap();
    mkfifo(&dir.path().join("pipe.toml"));
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.toml")).unwrap();
    let out = app()
        .arg("scenarios")
        .env("ARREST_SCENARIOS_DIR", dir.path())
        .timeout(DEADLINE)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let shown = dir.path().display().to_string();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        format!(
            "Saved scenarios in {shown}\n  jan.toml  Jan: 25 offices x 75 a day = 1,875 a day\n  cannot be used: {shown}/pipe.toml: is a FIFO (named pipe), not a regular file; only regular files are read\n  cannot be used: {shown}/zero.toml: is a character device, not a regular file; only regular files are read\n"
        )
    );
}

#[test]
fn an_unreadable_scenarios_folder_is_an_error_not_an_empty_list() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_folder = dir.path().join("scenarios");
    std::fs::write(&not_a_folder, "").unwrap();
    let out = app()
        .arg("scenarios")
        .env("ARREST_SCENARIOS_DIR", &not_a_folder)
        .assert()
        .code(1)
        .stdout("")
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert!(
        err.starts_with(&format!(
            "error: {}: the scenarios folder cannot be read: ",
            not_a_folder.display()
        )),
        "{err}"
    );
    // A folder that does not exist yet is simply empty.
    app()
        .arg("scenarios")
        .env("ARREST_SCENARIOS_DIR", dir.path().join("none"))
        .assert()
        .success()
        .stdout(format!(
            "no saved scenarios in {}\n",
            dir.path().join("none").display()
        ));
}

#[test]
fn control_characters_from_the_data_folder_never_reach_the_terminal() {
    let mut sources = common::bundled("sources.csv");
    sources.push_str("evil,\"Title \u{1b}]0;pwned\u{7}\",Pub\u{9b}2J,2025,,,\n");
    let mut quotas = common::bundled("quotas.csv");
    quotas.push_str("x\u{1b}[2J,2025,Post,arrests,per_day,5,5,,reported,evil,,\n");
    let dir = common::data_dir(&[
        ("sources.csv", sources.as_bytes()),
        ("quotas.csv", quotas.as_bytes()),
    ]);
    let run = |cmd: &str| {
        let out = app()
            .args([cmd, "--data-dir"])
            .arg(dir.path())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    let listed = run("sources");
    assert!(listed.contains("[evil] Title \\x1b]0;pwned\\x07\n    Pub\\u{9b}2J, 2025\n"));
    let presets = run("presets");
    assert!(
        presets.contains("\nx\\x1b[2J            5 a day (Post, 2025)\n"),
        "{presets}"
    );
    for text in [listed, presets, run("check")] {
        assert!(!text.contains(['\u{1b}', '\u{7}', '\u{9b}']));
    }
    // A bad value with a control character, in an error.
    let bad = "fiscal_year,arrests,confidence,source_id\n2024,1\u{1b}[2J,official,pew-2018-02\n";
    let err = check_stderr("annual_arrests.csv", bad.as_bytes());
    assert_eq!(
        err,
        "error: the data has 1 problem:\n  annual_arrests.csv line 2, column \"arrests\": '1\\x1b[2J' is not a whole number\n"
    );
}

#[test]
fn control_characters_in_data_notes_are_escaped_in_text_and_markdown_summaries() {
    let annual = common::bundled("annual_arrests.csv").replacen(
        "Matches ICE's own ERO report",
        "Matches \u{1b}]0;pwned\u{7} report",
        1,
    );
    let dir = common::data_dir(&[("annual_arrests.csv", annual.as_bytes())]);
    for format in ["text", "markdown"] {
        let out = app()
            .args(["summary", "--format", format, "--data-dir"])
            .arg(dir.path())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("Matches \\x1b]0;pwned\\x07 report"),
            "{format}"
        );
        assert!(!text.contains(['\u{1b}', '\u{7}']), "{format}");
    }
    // JSON keeps the exact value (escaped by JSON itself).
    let out = app()
        .args(["summary", "--format", "json", "--data-dir"])
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let fy2016 = json["comparisons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["fiscal_year"] == 2016)
        .unwrap();
    assert_eq!(fy2016["note"], "Matches \u{1b}]0;pwned\u{7} report");
}

#[test]
fn errors_in_a_file_with_cr_only_line_ends_name_the_right_line() {
    let annual = common::bundled("annual_arrests.csv")
        .replacen("2015,117983", "2015,11x983", 1)
        .replace('\n', "\r");
    assert_eq!(
        check_stderr("annual_arrests.csv", annual.as_bytes()),
        "error: the data has 1 problem:\n  annual_arrests.csv line 6, column \"arrests\": '11x983' is not a whole number\n"
    );
}
