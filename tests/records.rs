//! Record-level releases: each layout, exact counts per period and office, fiscal-year
//! boundaries, every bad-row reason, --strict, duplicates, XLSX with preamble rows,
//! and a property test against a naive count.

use std::collections::HashMap;

use arrest_scenarios::data::Dataset;
use arrest_scenarios::records::{self, Options, Period, read_csv, read_file};
use predicates::prelude::*;
use proptest::prelude::*;

mod common;
use common::app;

fn file(dir: &tempfile::TempDir, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, text).unwrap();
    p
}

const RAW_2025: &str = "Apprehension Date,Apprehension State,Apprehension AOR,Apprehension Criminality\n\
9/30/2024,TEXAS,Dallas Area of Responsibility,3 Other Immigration Violator\n\
10/1/2024,TEXAS,Dallas Area of Responsibility,1 Convicted Criminal\n\
2/29/2024,TEXAS,Houston Area of Responsibility,1 Convicted Criminal\n\
10/1/2024,DC,HQ Area of Responsibility,2 Pending Criminal Charges\n\
10/2/2024,TEXAS,Dallas Area of Responsibility,\"3 Other, Immigration\"\n";

#[test]
fn fiscal_years_by_office_as_csv() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "raw.csv", RAW_2025);
    app()
        .args(["records", "--office", "--format", "csv"])
        .arg(&path)
        .assert()
        .success()
        .stdout("fiscal_year,office,count\n2024,DAL,1\n2024,HOU,1\n2025,DAL,2\n2025,HQ Area of Responsibility,1\n")
        .stderr(predicate::str::contains("note: Rows: 5 read, 5 counted, 0 skipped\n"))
        .stderr(predicate::str::contains(
            "note: Partial periods: 2024 (2024-02-29 to 2024-09-30), 2025 (2024-10-01 to 2024-10-02)\n",
        ))
        .stderr(predicate::str::contains(
            "note: Kept under their own names (no bundled office): HQ Area of Responsibility\n",
        ));
}

#[test]
fn days_weeks_and_months() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "raw.csv", RAW_2025);
    app()
        .args(["records", "--by", "day", "--format", "csv"])
        .arg(&path)
        .assert()
        .success()
        .stdout("date,count\n2024-02-29,1\n2024-09-30,1\n2024-10-01,2\n2024-10-02,1\n");
    app()
        .args(["records", "--by", "week", "--format", "csv"])
        .arg(&path)
        .assert()
        .success()
        .stdout("week_start,count\n2024-02-25,1\n2024-09-29,4\n");
    app()
        .args(["records", "--by", "month", "--format", "csv"])
        .arg(&path)
        .assert()
        .success()
        .stdout("month,count\n2024-02,1\n2024-09,1\n2024-10,3\n");
}

#[test]
fn text_report_says_what_was_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(
        &dir,
        "p.csv",
        "apprehension_date,apprehension_aor,duplicate_likely\n2025-01-26,Dallas Area of Responsibility,TRUE\nsoon,Dallas Area of Responsibility,FALSE\n2025-01-27,,FALSE\n2025-01-27,Miami Area of Responsibility,FALSE\n",
    );
    let out = app()
        .arg("records")
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains(
            "Rows: 4 read, 2 counted, 2 skipped (1 unparseable date, 1 missing office)\n"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "First skipped: line 3 (unparseable date: 'soon'), line 4 (missing office: '')\n"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "DDP's duplicate_likely flags 1 row: counted; --duplicates drop leaves out the"
        ),
        "{text}"
    );
    assert!(
        text.contains("2025                  2  partial: 2025-01-26 to 2025-01-27\n"),
        "{text}"
    );
    let out = app()
        .args(["records", "--drop-duplicates", "--format", "json"])
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["stats"]["rows_counted"], 1);
    assert_eq!(v["stats"]["skipped"]["unparseable_date"], 1);
    assert_eq!(v["stats"]["skipped"]["duplicate"], 1);
    assert_eq!(v["confidence"], "derived");
    assert_eq!(v["rows"][0]["count"], 1);
    app()
        .args(["records", "--strict"])
        .arg(&path)
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "error: {} line 3: unparseable date: 'soon' (--strict stops at the first bad row)\n",
            path.display()
        ));
}

#[test]
fn other_layouts_and_named_columns() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(
        &dir,
        "mine.csv",
        "day;aor\n2025-03-01;DAL\n2025-03-01;Houston\n",
    );
    app()
        .args(["records", "--format", "csv", "--office", "--by", "day"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no date column found in the first 30 rows",
        ));
    app()
        .args([
            "records",
            "--format",
            "csv",
            "--office",
            "--by",
            "day",
            "--date-column",
            "day",
            "--office-column",
            "aor",
        ])
        .arg(&path)
        .assert()
        .success()
        .stdout("date,office,count\n2025-03-01,DAL,1\n2025-03-01,HOU,1\n");
    app()
        .args(["records", "/no/such/file.csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("error: /no/such/file.csv: "));
}

#[test]
fn xlsx_with_six_preamble_rows() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("raw.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for r in 0..6u32 {
        sheet
            .write_string(r, 0, format!("preamble line {r}"))
            .unwrap();
    }
    for (c, h) in ["Apprehension Date", "Apprehension AOR", "Gender"]
        .iter()
        .enumerate()
    {
        sheet
            .write_string(6, u16::try_from(c).unwrap(), *h)
            .unwrap();
    }
    let date_format = Format::new().set_num_format("m/d/yyyy");
    let d = ExcelDateTime::from_ymd(2024, 9, 30).unwrap();
    sheet
        .write_datetime_with_format(7, 0, &d, &date_format)
        .unwrap();
    sheet
        .write_string(7, 1, "Dallas Area of Responsibility")
        .unwrap();
    let d = ExcelDateTime::from_ymd(2024, 10, 1).unwrap();
    sheet
        .write_datetime_with_format(8, 0, &d, &date_format)
        .unwrap();
    sheet
        .write_string(8, 1, "Dallas Area of Responsibility")
        .unwrap();
    sheet.write_string(9, 0, "10/2/2024").unwrap();
    sheet
        .write_string(9, 1, "New York City Area of Responsibility")
        .unwrap();
    sheet.write_string(10, 0, "b(6), b(7)c").unwrap();
    sheet
        .write_string(10, 1, "Miami Area of Responsibility")
        .unwrap();
    book.save(&path).unwrap();
    let offices = Dataset::bundled().unwrap().offices;
    let agg = read_file(&path, &offices, &Options::default(), &mut |_, _| {}).unwrap();
    assert_eq!(agg.layout, "DDP raw, 2025 layout");
    assert_eq!(agg.stats.preamble_rows, 6);
    assert_eq!(agg.stats.rows_read, 4);
    assert_eq!(agg.stats.rows_counted, 3);
    assert_eq!(agg.stats.examples[0].line, 11, "the sheet's own row number");
    let rows: Vec<(String, String, u64)> = agg
        .report(Period::Fy, true)
        .into_iter()
        .map(|r| (r.period, r.office.unwrap(), r.count))
        .collect();
    assert_eq!(
        rows,
        [
            ("2024".to_string(), "DAL".to_string(), 1),
            ("2025".to_string(), "DAL".to_string(), 1),
            ("2025".to_string(), "NYC".to_string(), 1),
        ]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn aggregation_equals_a_naive_count(seed in any::<u64>(), n in 0u64..300) {
        let mut bytes = Vec::new();
        arrest_scenarios::synth::write_csv(&mut bytes, n, seed).unwrap();
        let offices = Dataset::bundled().unwrap().offices;
        let agg = read_csv("p.csv", bytes.as_slice(), &offices, &Options::default(), &mut |_| {})
            .unwrap();
        let mut naive: HashMap<(String, String), u64> = HashMap::new();
        let mut rng = arrest_scenarios::synth::Rng::new(seed);
        for _ in 0..n {
            let row = arrest_scenarios::synth::row(&mut rng);
            let fy = Period::Fy.span(row.day).2;
            let office = records::resolve_office(&row.aor, &offices).label;
            *naive.entry((fy, office)).or_insert(0) += 1;
        }
        let got: HashMap<(String, String), u64> = agg
            .report(Period::Fy, true)
            .into_iter()
            .map(|r| ((r.period, r.office.unwrap()), r.count))
            .collect();
        prop_assert_eq!(got, naive);
        prop_assert_eq!(agg.stats.rows_counted, n);
    }
}
