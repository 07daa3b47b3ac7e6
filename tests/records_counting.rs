//! Counting the way DDP counts, through the binary: duplicate episodes, at-large and
//! custodial, any column as a group, date windows, the wide table, files without an
//! office column, and several files with overlapping dates.

use predicates::prelude::*;

mod common;
use common::app;

fn file(dir: &tempfile::TempDir, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// Two episodes of two rows each plus two single arrests, with every flag.
const EPISODES: &str = "apprehension_date,apprehension_aor,apprehension_method,duplicate_likely,duplicate_episode_first,duplicate_drop_row\n\
2025-01-02,Dallas,Located,TRUE,TRUE,FALSE\n\
2025-01-02,Dallas,CAP Local Incarceration,TRUE,FALSE,TRUE\n\
2025-01-03,Miami,Non-Custodial Arrest,FALSE,FALSE,FALSE\n\
2025-02-04,Miami,287(g) Program,TRUE,TRUE,FALSE\n\
2025-02-04,Miami,287(g) Program,TRUE,FALSE,TRUE\n\
2025-02-05,Dallas,,FALSE,FALSE,FALSE\n";

#[test]
fn duplicates_drop_keeps_each_episodes_first_row_and_both_totals_are_given() {
    let dir = tempfile::tempdir().unwrap();
    // With duplicate_drop_row, and with only the likely/first pair.
    let full = file(&dir, "full.csv", EPISODES);
    let pair: String = EPISODES
        .lines()
        .map(|l| l.rsplit_once(',').unwrap().0.to_string() + "\n")
        .collect();
    let pair = file(&dir, "pair.csv", &pair);
    for path in [&full, &pair] {
        app()
            .args([
                "records",
                "--by",
                "month",
                "--format",
                "csv",
                "--duplicates",
                "drop",
            ])
            .arg(path)
            .assert()
            .success()
            .stdout("month,count\n2025-01,2\n2025-02,2\n")
            .stderr(predicate::str::contains(
                "note: Rows: 6 read, 4 counted, 2 skipped (2 likely duplicate (dropped))",
            ))
            .stderr(predicate::str::contains(
                "2; 6 counted with them kept, 4 with them dropped",
            ));
        app()
            .args(["records", "--by", "month", "--format", "csv"])
            .arg(path)
            .assert()
            .success()
            .stdout("month,count\n2025-01,3\n2025-02,3\n")
            .stderr(predicate::str::contains(
                "2; 6 counted with them kept, 4 with them dropped",
            ));
    }
    app()
        .args(["records", "--drop-duplicates", "--format", "csv"])
        .arg(&full)
        .assert()
        .success()
        .stdout("fiscal_year,count\n2025,4\n");
    // Only duplicate_likely: dropping removes first rows too, and the note says so.
    let likely: String = EPISODES
        .lines()
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            cells[..4].join(",") + "\n"
        })
        .collect();
    let likely = file(&dir, "likely.csv", &likely);
    app()
        .args(["records", "--duplicates", "drop", "--format", "csv"])
        .arg(&likely)
        .assert()
        .success()
        .stdout("fiscal_year,count\n2025,2\n")
        .stderr(predicate::str::contains(
            "so dropping also removes each episode's first row and undercounts",
        ));
}

#[test]
fn at_large_by_ddps_rule_with_the_mapping_in_the_notes() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "e.csv", EPISODES);
    app()
        .args(["records", "--by", "month", "--group", "at-large", "--format", "csv"])
        .arg(&path)
        .assert()
        .success()
        .stdout("month,group,count\n2025-01,at-large,2\n2025-01,custodial,1\n2025-02,custodial,2\n2025-02,unknown,1\n")
        .stderr(predicate::str::contains(
            "note: At-large by DDP's rule on \"apprehension_method\": \"Located\" and \"Non-Custodial Arrest\" are at-large",
        ))
        .stderr(predicate::str::contains(
            "note: Methods found: \"\" unknown, \"287(g) Program\" custodial, \"CAP Local Incarceration\" custodial, \"Located\" at-large, \"Non-Custodial Arrest\" at-large",
        ));
    // ICE's older name, and a named column.
    let older = file(
        &dir,
        "o.csv",
        &EPISODES.replace("apprehension_method", "Arrest Method"),
    );
    app()
        .args(["records", "--group", "at-large", "--office", "--format", "csv"])
        .arg(&older)
        .assert()
        .success()
        .stdout("fiscal_year,office,group,count\n2025,DAL,at-large,1\n2025,DAL,custodial,1\n2025,DAL,unknown,1\n2025,MIA,at-large,1\n2025,MIA,custodial,2\n");
    let named = file(
        &dir,
        "n.csv",
        &EPISODES.replace("apprehension_method", "how"),
    );
    app()
        .args([
            "records",
            "--group",
            "at-large",
            "--method-column",
            "how",
            "--format",
            "csv",
        ])
        .arg(&named)
        .assert()
        .success()
        .stdout("fiscal_year,group,count\n2025,at-large,2\n2025,custodial,3\n2025,unknown,1\n");
    app()
        .args(["records", "--group", "at-large"])
        .arg(&named)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("name it with --method-column"));
}

#[test]
fn any_column_as_a_group() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "e.csv", EPISODES);
    app()
        .args(["records", "--group", "duplicate_likely", "--format", "csv"])
        .arg(&path)
        .assert()
        .success()
        .stdout("fiscal_year,group,count\n2025,FALSE,2\n2025,TRUE,4\n")
        .stderr(predicate::str::contains(
            "note: Groups from \"duplicate_likely\"",
        ));
}

#[test]
fn from_and_to_are_inclusive_and_the_rest_is_accounted_for() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "e.csv", EPISODES);
    app()
        .args(["records", "--by", "day", "--format", "csv"])
        .args(["--from", "2025-01-03", "--to", "2025-02-04"])
        .arg(&path)
        .assert()
        .success()
        .stdout("date,count\n2025-01-03,1\n2025-02-04,2\n")
        .stderr(predicate::str::contains(
            "note: Rows: 6 read, 3 counted, 3 skipped (3 outside --from/--to)",
        ));
    app()
        .args(["records", "--from", "2025-13-01"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "expected a date as YYYY-MM-DD; got '2025-13-01'",
        ));
}

#[test]
fn wide_fills_in_zeros() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "e.csv", EPISODES);
    app()
        .args(["records", "--by", "month", "--wide", "--format", "csv"])
        .arg(&path)
        .assert()
        .success()
        .stdout("month,DAL,MIA\n2025-01,2,1\n2025-02,1,2\n");
    app()
        .args(["records", "--by", "month", "--wide"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "month             DAL      MIA\n2025-01             2        1\n2025-02             1        2\n",
        ));
}

#[test]
fn a_file_without_an_office_column_counts_by_period_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(
        &dir,
        "one.csv",
        "apprehension_date\n2025-01-02\n2025-01-03\n",
    );
    app()
        .args(["records", "--office", "--format", "csv"])
        .arg(&path)
        .assert()
        .success()
        .stdout("fiscal_year,office,count\n2025,all offices,2\n")
        .stderr(predicate::str::contains(
            "no office column, so the counts are by period only",
        ));
}

#[test]
fn two_files_are_counted_together_with_overlaps_reported() {
    let dir = tempfile::tempdir().unwrap();
    let a = file(
        &dir,
        "a.csv",
        "apprehension_date,apprehension_aor\n2025-01-02,Dallas\n2025-01-10,Miami\n",
    );
    let b = file(
        &dir,
        "b.csv",
        "Apprehension Date;Apprehension AOR\n1/8/2025;Dallas\n1/20/2025;Houston\n1/21/2025;Houston\n",
    );
    app()
        .args(["records", "--office", "--format", "csv"])
        .arg(&a)
        .arg(&b)
        .assert()
        .success()
        .stdout("fiscal_year,office,count\n2025,DAL,2\n2025,HOU,2\n2025,MIA,1\n")
        .stderr(predicate::str::contains("note: Rows: 5 read, 5 counted, 0 skipped"))
        .stderr(predicate::str::contains(format!(
            "note: File {}: DDP processed (snake_case), 2 read, 2 counted, 2025-01-02 to 2025-01-10",
            a.display()
        )))
        .stderr(predicate::str::contains(format!(
            "note: File {}: DDP raw, 2025 layout, 3 read, 3 counted, 2025-01-08 to 2025-01-21",
            b.display()
        )))
        .stderr(predicate::str::contains(format!(
            "note: Overlap: {} and {} both cover 2025-01-08 to 2025-01-10; rows in both would be counted twice",
            a.display(),
            b.display()
        )));
}

#[test]
fn a_long_table_says_when_office_periods_without_arrests_are_not_listed() {
    let dir = tempfile::tempdir().unwrap();
    let f = file(
        &dir,
        "r.csv",
        "apprehension_date,apprehension_aor\n2025-01-01,Dallas Area of Responsibility\n\
         2025-01-03,Houston Area of Responsibility\n2025-01-03,Dallas Area of Responsibility\n",
    );
    // HOU on 2025-01-01 counted nothing: one pair is missing from the long table.
    app()
        .arg("records")
        .arg(&f)
        .args(["--by", "day", "--office", "--format", "csv"])
        .assert()
        .success()
        .stdout("date,office,count\n2025-01-01,DAL,1\n2025-01-03,DAL,1\n2025-01-03,HOU,1\n")
        .stderr(predicate::str::contains(
            "note: 1 office-period pairs with no counted arrests are not listed (an office \
             missing from a period counted none there); --wide lists every office and period, \
             with zeros\n",
        ));
    // Every office in every period: nothing to say.
    app()
        .arg("records")
        .arg(&f)
        .args(["--by", "month", "--office", "--format", "csv"])
        .assert()
        .success()
        .stderr(predicate::str::contains("not listed").not());
}

#[test]
fn at_large_counts_by_fiscal_year_across_a_year_boundary() {
    let offices = arrest_scenarios::data::Dataset::bundled().unwrap().offices;
    let csv = "apprehension_date,apprehension_aor,apprehension_method\n\
               2025-09-30,Dallas Area of Responsibility,Located\n\
               2025-09-30,Dallas Area of Responsibility,287(g) Program\n\
               2025-10-01,Dallas Area of Responsibility,Non-Custodial Arrest\n";
    let options = arrest_scenarios::records::Options {
        group: Some(arrest_scenarios::records::group::Group::AtLarge),
        ..Default::default()
    };
    let agg = arrest_scenarios::records::read_csv(
        "f.csv",
        csv.as_bytes(),
        &offices,
        &options,
        &mut |_| {},
    )
    .unwrap();
    let years = agg.at_large_by_fiscal_year().unwrap();
    let got: Vec<(&str, u64, u64)> = years
        .iter()
        .map(|y| (y.fiscal_year.as_str(), y.at_large, y.all))
        .collect();
    assert_eq!(got, [("2025", 1, 2), ("2026", 1, 1)]);
    assert!(years.iter().all(|y| y.partial));
    // Read without the group, there is no split to give.
    let plain = arrest_scenarios::records::read_csv(
        "f.csv",
        csv.as_bytes(),
        &offices,
        &arrest_scenarios::records::Options::default(),
        &mut |_| {},
    )
    .unwrap();
    assert_eq!(plain.at_large_by_fiscal_year(), None);
}

/// 2025-03-01 to 2025-06-10 (102 days): Houston 1 custodial arrest on each day of March
/// and one on 2025-06-10; Dallas 2 at-large ("Located") on each day of May.
fn spread() -> String {
    use std::fmt::Write as _;
    let mut csv = String::from("apprehension_date,apprehension_aor,apprehension_method\n");
    for day in 1..=31 {
        let _ = writeln!(csv, "2025-03-{day:02},Houston,CAP Local Incarceration");
        let _ = writeln!(csv, "2025-05-{day:02},Dallas,Located");
        let _ = writeln!(csv, "2025-05-{day:02},Dallas,Located");
    }
    csv.push_str("2025-06-10,Houston,CAP Local Incarceration\n");
    csv
}

#[test]
fn average_gives_arrests_a_day_over_the_screens_choices_of_days() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "spread.csv", &spread());
    let csv = |window: &str, extra: &[&str]| {
        let out = app()
            .args(["records", "--format", "csv", "--average", window])
            .args(extra)
            .arg(&path)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    // 94 arrests over 102 days; 62 + 14 over the 84 days from 2025-03-19; 62 in May.
    assert_eq!(csv("whole", &[]), "arrests,days,per_day\n94,102,0.922\n");
    assert_eq!(
        csv("last-12-weeks", &["--office"]),
        "office,arrests,days,per_day\nDAL,62,84,0.738\nHOU,14,84,0.167\n"
    );
    assert_eq!(
        csv("last-full-month", &["--office", "--group", "at-large"]),
        "office,arrests,days,per_day,at_large,at_large_pct\nDAL,62,31,2.000,62,100.0\nHOU,0,31,0.000,0,\n"
    );
    // Text: the days named, every office and all together, the share beside.
    app()
        .args(["records", "--average", "last-12-weeks", "--office", "--group", "at-large"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Arrests a day over the last 12 weeks: 2025-03-19 to 2025-06-10, 84 days (derived\n  from the rows)\n\
             office          arrests     per day    at large  share\n\
             DAL                  62       0.738          62 100.0%\n\
             HOU                  14       0.167           0   0.0%\n\
             all offices          76       0.905          62  81.6%\n",
        ));
    // JSON: the days and the exact ratio.
    let out = app()
        .args(["records", "--format", "json", "--average", "whole"])
        .arg(&path)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["days"], 102);
    assert_eq!(
        (v["first"].as_str(), v["last"].as_str()),
        (Some("2025-03-01"), Some("2025-06-10"))
    );
    // (serde_json's default parser may differ from the written value in the last bit.)
    let per_day = v["rows"][0]["per_day"].as_f64().unwrap();
    assert!((per_day - 94.0 / 102.0).abs() < 1e-15, "{per_day}");
    assert_eq!(v["rows"][0]["arrests"], 94);
}

#[test]
fn average_refuses_days_the_file_does_not_hold() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(
        &dir,
        "short.csv",
        "apprehension_date,apprehension_aor\n2025-03-01,Dallas\n2025-03-10,Dallas\n",
    );
    let shown = path.display().to_string();
    for (window, why) in [
        (
            "last-12-weeks",
            "the file covers 10 days, fewer than 84 days (last 12 weeks)",
        ),
        (
            "last-full-month",
            "the file covers no calendar month in full (2025-03-01 to 2025-03-10, 10 days)",
        ),
    ] {
        app()
            .args(["records", "--average", window])
            .arg(&path)
            .assert()
            .code(2)
            .stdout("")
            .stderr(format!("error: {shown}: --average {window}: {why}\n"));
    }
    app()
        .args(["records", "--average", "whole", "--from", "2026-01-01"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(format!(
            "error: {shown}: --average whole: no row was counted, so there are no days to average\n"
        ));
    app()
        .args(["records", "--average", "whole", "--by", "month"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "the argument '--average <DAYS>' cannot be used with '--by <BY>'",
        ));
}
