//! `records` against hostile and careless input, through the real binary: closed pipes,
//! stdin and pipes, gzip, stray quotes, huge and control-laden names, many distinct
//! offices, `--strict` on a big file, `--delimiter`, out-of-range XLSX serials, and the
//! formats it refuses.

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::process::{Command as StdCommand, Stdio};

use predicates::prelude::*;

mod common;
use common::app;

fn file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// A file of `n` rows, each in its own office, on days spread over a year.
fn many_offices(n: u32) -> String {
    let mut text = String::from("apprehension_date,person_id\n");
    for i in 0..n {
        let _ = writeln!(text, "2025-{:02}-{:02},person {i}", 1 + i % 12, 1 + i % 28);
    }
    text
}

#[test]
fn a_closed_pipe_after_more_than_a_pipe_buffer_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "many.csv", many_offices(20_000).as_bytes());
    let bin = assert_cmd::cargo::cargo_bin("arrest-scenarios");
    let mut child = StdCommand::new(bin)
        .args(["records", "--by", "day", "--office", "--format", "csv"])
        .args(["--office-column", "person_id"])
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read one small piece (so the writer is under way), then close the pipe.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(&first, b"date,office,coun");
    assert!(status.success(), "exit {status:?}, stderr {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    // The full output is well over a 64 KiB pipe buffer.
    let full = app()
        .args(["records", "--by", "day", "--office", "--format", "csv"])
        .args(["--office-column", "person_id"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(full.stdout.len() > 4 * 65_536, "{}", full.stdout.len());
}

#[test]
fn stdin_and_pipes_lose_no_bytes() {
    let text = "apprehension_date,apprehension_aor\n2025-01-02,Dallas\n2025-01-03,Miami\n";
    for name in ["-", "/dev/stdin"] {
        app()
            .args(["records", "--by", "day", "--format", "csv", name])
            .write_stdin(text)
            .assert()
            .success()
            .stdout("date,count\n2025-01-02,1\n2025-01-03,1\n")
            .stderr(predicate::str::contains("2 read, 2 counted"));
    }
}

#[test]
fn gzip_from_a_file_and_from_a_pipe() {
    let text = "apprehension_date|apprehension_aor\n2025-01-02|Dallas\n2025-01-03|Miami\n";
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(text.as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "r.csv.gz", &gz);
    app()
        .args(["records", "--by", "day", "--office", "--format", "csv"])
        .arg(&path)
        .assert()
        .success()
        .stdout("date,office,count\n2025-01-02,DAL,1\n2025-01-03,MIA,1\n");
    app()
        .args(["records", "--by", "day", "--format", "csv", "-"])
        .write_stdin(gz.clone())
        .assert()
        .success()
        .stdout("date,count\n2025-01-02,1\n2025-01-03,1\n");
    let corrupt = file(&dir, "bad.csv.gz", &gz[..gz.len() / 2]);
    app()
        .args(["records"])
        .arg(&corrupt)
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(format!(
            "error: {}: not a readable gzip file:",
            corrupt.display()
        )))
        .stderr(predicate::str::contains("panicked").not());
}

#[test]
fn formats_it_does_not_take_are_named() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, says) in [
        ("a.dta", &b"<stata_dta><header>"[..], "a Stata .dta file"),
        (
            "a.sav",
            &b"$FL2@(#) SPSS DATA FILE"[..],
            "an SPSS .sav file",
        ),
        (
            "a.parquet",
            &b"PAR1\x15\x04\x15"[..],
            "not a readable Parquet file",
        ),
    ] {
        let path = file(&dir, name, bytes);
        app()
            .arg("records")
            .arg(&path)
            .assert()
            .code(2)
            .stderr(predicate::str::starts_with(format!(
                "error: {}: {says}",
                path.display()
            )));
    }
    app()
        .args(["records", "-"])
        .write_stdin(&b"PK\x03\x04 a workbook"[..])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "stdin: an XLSX workbook (a zip) needs a file that can be read out of order, not a pipe",
        ));
}

#[test]
fn a_stray_quote_loses_no_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(
        &dir,
        "q.csv",
        b"apprehension_date,apprehension_aor,note\n2025-01-02,Dallas,5 10\" tall\n2025-01-02,Houston,a\"b\n2025-01-03,Miami,x\n",
    );
    app()
        .args(["records", "--office", "--format", "csv"])
        .arg(&path)
        .assert()
        .success()
        .stdout("fiscal_year,office,count\n2025,DAL,1\n2025,HOU,1\n2025,MIA,1\n")
        .stderr(predicate::str::contains(
            "note: Rows: 3 read, 3 counted, 0 skipped\n",
        ));
}

#[test]
fn huge_and_control_laden_names_are_cut_and_escaped_in_text_but_exact_in_csv() {
    let dir = tempfile::tempdir().unwrap();
    let long = "x".repeat(70_000);
    let text = format!(
        "apprehension_date,apprehension_aor\n2025-01-02,{long}\n2025-01-03,Evil\x1b]0;pwned\x07\nsoon\x1b[2J,Dallas\n"
    );
    let path = file(&dir, "n.csv", text.as_bytes());
    for format in ["text", "markdown"] {
        let out = app()
            .args(["records", "--office", "--format", format])
            .arg(&path)
            .output()
            .unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        assert!(!stdout.contains('\x1b'), "{format}: raw escape in output");
        assert!(stdout.contains("Evil\\x1b]0;pwned\\x07"), "{format}");
        assert!(stdout.contains("'soon\\x1b[2J'"), "{format}");
        assert!(stdout.lines().all(|l| l.chars().count() < 1000), "{format}");
        assert!(!stdout.contains(&long), "{format}");
    }
    app()
        .args(["records", "--office", "--format", "csv"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains(format!("2025,{long},1\n")))
        .stdout(predicate::str::contains("2025,Evil\x1b]0;pwned\x07,1\n"));
}

#[test]
fn many_distinct_offices_are_counted_and_the_lists_are_capped() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "p.csv", many_offices(60_000).as_bytes());
    let out = app()
        .args(["records", "--office-column", "person_id"])
        .arg(&path)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success());
    assert!(stdout.contains("Rows: 60,000 read, 60,000 counted, 0 skipped"));
    assert!(
        stdout.contains("10013, and 59,980 more"),
        "the unmatched list is capped"
    );
    assert_eq!(stdout.lines().filter(|l| l.starts_with("2025 ")).count(), 1);
}

#[test]
fn strict_on_a_big_file_with_bad_rows_everywhere_exits_2() {
    let mut text = String::from("apprehension_date,apprehension_aor\n");
    for i in 0..400_000u32 {
        text.push_str(if i % 997 == 5 {
            "never,Dallas\n"
        } else {
            "2025-01-02,Dallas\n"
        });
    }
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "s.csv", text.as_bytes());
    app()
        .args(["records", "--strict"])
        .arg(&path)
        .timeout(std::time::Duration::from_secs(120))
        .assert()
        .code(2)
        .stderr(format!(
            "error: {} line 7: unparseable date: 'never' (--strict stops at the first bad row)\n",
            path.display()
        ));
}

#[test]
fn delimiter_overrides_the_sniffer_and_bad_ones_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(
        &dir,
        "c.csv",
        b"apprehension_date,apprehension_aor,note\n2025-01-02,Dallas,a;b;c;d;e\n",
    );
    app().arg("records").arg(&path).assert().code(2);
    app()
        .args(["records", "--delimiter", ",", "--format", "csv"])
        .arg(&path)
        .assert()
        .success()
        .stdout("fiscal_year,count\n2025,1\n");
    app()
        .args(["records", "--delimiter", "ab"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "expected one ASCII character other than a quote or a line end, or 'tab'; got 'ab'",
        ));
}

#[test]
fn xlsx_date_serials_out_of_range_are_skipped_not_wrapped() {
    use rust_xlsxwriter::Workbook;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Apprehension Date").unwrap();
    sheet.write_string(0, 1, "Apprehension AOR").unwrap();
    let date = rust_xlsxwriter::Format::new().set_num_format("m/d/yyyy");
    for (r, serial) in [(1u32, 45_659.0), (2, 1e15), (3, -3.0)] {
        sheet.write_number_with_format(r, 0, serial, &date).unwrap();
        sheet.write_string(r, 1, "Dallas").unwrap();
    }
    book.save(&path).unwrap();
    app()
        .args(["records", "--by", "day", "--format", "csv"])
        .arg(&path)
        .assert()
        .success()
        .stdout("date,count\n2025-01-02,1\n")
        .stderr(predicate::str::contains(
            "3 read, 1 counted, 2 skipped (2 unparseable date)",
        ))
        .stderr(predicate::str::contains("covers 2025-01-02 to 2025-01-02"));
}
