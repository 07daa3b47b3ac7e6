//! Releases the way they are published, built at test time: multi-sheet XLSX (each
//! sheet with its own preamble), gzip and `|` CSV, counted exactly against a naive
//! count; and the bad ones (a sheet with another header) refused with exit 2.

use std::collections::BTreeMap;
use std::io::Write;

use arrest_scenarios::data::Dataset;
use arrest_scenarios::records::{Options, Period, read_file, resolve_office};
use arrest_scenarios::synth;
use predicates::prelude::*;
use rust_xlsxwriter::Workbook;

mod common;
use common::app;

/// A workbook of `sheets` sheets of generated DDP rows, six preamble rows on each;
/// returns the naive (fiscal year, office) count and the rows on each sheet.
fn workbook(
    path: &std::path::Path,
    sheets: &[(&str, u32)],
    other_header_on: Option<&str>,
) -> BTreeMap<(String, String), u64> {
    let offices = Dataset::bundled().unwrap().offices;
    let mut naive = BTreeMap::new();
    let mut book = Workbook::new();
    let mut rng = synth::Rng::new(7);
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).unwrap();
        for r in 0..6u32 {
            sheet.write_string(r, 0, format!("preamble {r}")).unwrap();
        }
        for (c, h) in synth::COLUMNS.iter().enumerate() {
            let h = if other_header_on == Some(*name) && c == 2 {
                "county_name"
            } else {
                h
            };
            sheet.write_string(6, u16::try_from(c).unwrap(), h).unwrap();
        }
        for r in 0..*rows {
            let row = synth::row(&mut rng);
            for (c, cell) in row.cells.iter().enumerate() {
                sheet
                    .write_string(7 + r, u16::try_from(c).unwrap(), cell)
                    .unwrap();
            }
            let key = (
                Period::Fy.span(row.day).2,
                resolve_office(&row.aor, &offices).label,
            );
            *naive.entry(key).or_insert(0) += 1;
        }
    }
    book.save(path).unwrap();
    naive
}

#[test]
fn a_three_sheet_workbook_is_stacked_and_counted_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("raw.xlsx");
    let naive = workbook(
        &path,
        &[("Page 1", 300), ("Page 2", 250), ("Page 3", 17)],
        None,
    );
    let offices = Dataset::bundled().unwrap().offices;
    let agg = read_file(&path, &offices, &Options::default(), &mut |_, _| {}).unwrap();
    let got: BTreeMap<(String, String), u64> = agg
        .report(Period::Fy, true)
        .into_iter()
        .map(|r| ((r.period, r.office.unwrap()), r.count))
        .collect();
    assert_eq!(got, naive);
    assert_eq!(agg.stats.rows_read, 567);
    assert_eq!(agg.stats.preamble_rows, 18);
    assert_eq!(
        agg.stats.sheets,
        [
            ("Page 1".to_string(), 300),
            ("Page 2".to_string(), 250),
            ("Page 3".to_string(), 17)
        ]
    );
    app()
        .arg("records")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Rows by sheet: \"Page 1\" 300, \"Page 2\" 250, \"Page 3\" 17",
        ));
    app()
        .args(["records", "--sheet", "Page 2"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("Rows: 250 read, 250 counted"));
    app()
        .args(["records", "--sheet", "Page 9"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(format!(
            "error: {}: no sheet named \"Page 9\" (the workbook has: Page 1, Page 2, Page 3)\n",
            path.display()
        ));
}

#[test]
fn a_sheet_with_another_header_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mixed.xlsx");
    workbook(&path, &[("A", 3), ("B", 3)], Some("B"));
    app()
        .arg("records")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(format!(
            "error: {}: sheet \"B\" has another header than sheet \"A\"",
            path.display()
        )));
    app()
        .args(["records", "--sheet", "B"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("Rows: 3 read, 3 counted"));
}

#[test]
fn a_zip_that_is_not_a_workbook_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.zip");
    let mut zip = Vec::new();
    {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(&mut zip));
        w.start_file(
            "notes.txt",
            zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored),
        )
        .unwrap();
        w.write_all(b"hello").unwrap();
        w.finish().unwrap();
    }
    std::fs::write(&path, zip).unwrap();
    app()
        .arg("records")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(format!(
            "error: {}: a zip archive that is not a readable XLSX workbook",
            path.display()
        )));
}

#[test]
fn gzip_and_pipe_delimited_generated_files_count_exactly() {
    let offices = Dataset::bundled().unwrap().offices;
    let mut csv = Vec::new();
    synth::write_csv(&mut csv, 2000, 11).unwrap();
    let mut naive: BTreeMap<(String, String), u64> = BTreeMap::new();
    let mut rng = synth::Rng::new(11);
    for _ in 0..2000 {
        let row = synth::row(&mut rng);
        let key = (
            Period::Fy.span(row.day).2,
            resolve_office(&row.aor, &offices).label,
        );
        *naive.entry(key).or_insert(0) += 1;
    }
    // The same rows with `|`: no generated cell holds a `|`.
    let text = String::from_utf8(csv.clone()).unwrap();
    let mut piped = String::new();
    for line in text.lines() {
        let mut cells = Vec::new();
        let mut rec = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(line.as_bytes());
        for r in rec.records() {
            cells = r.unwrap().iter().map(str::to_string).collect();
        }
        piped.push_str(&cells.join("|"));
        piped.push('\n');
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&csv).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let gz_path = dir.path().join("r.csv.gz");
    std::fs::write(&gz_path, gz.finish().unwrap()).unwrap();
    let pipe_path = dir.path().join("r.txt");
    std::fs::write(&pipe_path, piped).unwrap();
    for path in [&gz_path, &pipe_path] {
        let agg = read_file(path, &offices, &Options::default(), &mut |_, _| {}).unwrap();
        let got: BTreeMap<(String, String), u64> = agg
            .report(Period::Fy, true)
            .into_iter()
            .map(|r| ((r.period, r.office.unwrap()), r.count))
            .collect();
        assert_eq!(got, naive, "{}", path.display());
    }
}
