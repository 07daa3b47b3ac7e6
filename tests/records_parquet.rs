//! Parquet the way the Deportation Data Project writes it (timestamp dates, boolean
//! flags, dictionary strings, zstd), built at test time with the `parquet` crate in
//! several row groups and counted exactly against a naive count; and bad Parquet
//! refused with exit 2 naming the file.

use std::collections::BTreeMap;
use std::sync::Arc;

use arrest_scenarios::data::Dataset;
use arrest_scenarios::records::group::{Group, at_large_group};
use arrest_scenarios::records::{Options, Period, read_file, resolve_office};
use arrest_scenarios::synth;
use parquet::basic::{Compression, ZstdLevel};
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use predicates::prelude::*;

mod common;
use common::app;

const SCHEMA: &str = "message arrests {
  OPTIONAL INT64 apprehension_date (TIMESTAMP(MICROS,true));
  OPTIONAL BYTE_ARRAY apprehension_aor (STRING);
  OPTIONAL BYTE_ARRAY apprehension_method (STRING);
  OPTIONAL BOOLEAN duplicate_likely;
  OPTIONAL BOOLEAN duplicate_episode_first;
  OPTIONAL BOOLEAN duplicate_drop_row;
}";

const METHODS: [&str; 4] = [
    "Located",
    "CAP Local Incarceration",
    "Non-Custodial Arrest",
    "287(g) Program",
];

/// One generated row: day (None for a null date), office, method, and flags.
struct Row {
    day: Option<i32>,
    aor: Option<String>,
    method: String,
    likely: bool,
    first: bool,
}

fn rows(n: usize, seed: u64) -> Vec<Row> {
    let mut rng = synth::Rng::new(seed);
    let mut out = Vec::new();
    while out.len() < n {
        let r = synth::row(&mut rng);
        let method = METHODS[usize::try_from(rng.below(4)).unwrap()].to_string();
        let day = (rng.below(97) != 0).then_some(r.day);
        let aor = (rng.below(89) != 0).then_some(r.aor);
        if rng.below(10) == 0 {
            // An episode of two rows.
            out.push(Row {
                day,
                aor: aor.clone(),
                method: method.clone(),
                likely: true,
                first: true,
            });
            out.push(Row {
                day,
                aor,
                method,
                likely: true,
                first: false,
            });
        } else {
            out.push(Row {
                day,
                aor,
                method,
                likely: false,
                first: false,
            });
        }
    }
    out.truncate(n);
    out
}

/// Write `rows` in row groups of `group` rows; the date column can be left out.
fn write(path: &std::path::Path, rows: &[Row], group: usize, schema: &str) {
    let props = WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::default()))
        .build();
    write_with(path, rows, group, schema, props);
}

/// [`write`] with the writer's properties given.
fn write_with(
    path: &std::path::Path,
    rows: &[Row],
    group: usize,
    schema: &str,
    props: WriterProperties,
) {
    let schema = Arc::new(parse_message_type(schema).unwrap());
    let props = Arc::new(props);
    let file = std::fs::File::create(path).unwrap();
    let mut writer = SerializedFileWriter::new(file, schema.clone(), props).unwrap();
    let names: Vec<String> = schema
        .get_fields()
        .iter()
        .map(|f| f.name().to_string())
        .collect();
    for chunk in rows.chunks(group) {
        let mut rg = writer.next_row_group().unwrap();
        let mut i = 0;
        while let Some(mut col) = rg.next_column().unwrap() {
            let defs = |present: &dyn Fn(&Row) -> bool| -> Vec<i16> {
                chunk.iter().map(|r| i16::from(present(r))).collect()
            };
            match names[i].as_str() {
                "apprehension_date" | "booking_date" => {
                    let v: Vec<i64> = chunk
                        .iter()
                        .filter_map(|r| r.day)
                        // Some hours into the day, in microseconds.
                        .map(|d| i64::from(d) * 86_400_000_000 + 13 * 3_600_000_000)
                        .collect();
                    col.typed::<Int64Type>()
                        .write_batch(&v, Some(&defs(&|r| r.day.is_some())), None)
                        .unwrap();
                }
                "apprehension_aor" | "apprehension_method" => {
                    let aor = names[i] == "apprehension_aor";
                    let v: Vec<ByteArray> = chunk
                        .iter()
                        .filter_map(|r| {
                            if aor {
                                r.aor.clone()
                            } else {
                                Some(r.method.clone())
                            }
                        })
                        .map(|s| ByteArray::from(s.as_str()))
                        .collect();
                    let d = defs(&|r| !aor || r.aor.is_some());
                    col.typed::<ByteArrayType>()
                        .write_batch(&v, Some(&d), None)
                        .unwrap();
                }
                flag => {
                    let v: Vec<bool> = chunk
                        .iter()
                        .map(|r| match flag {
                            "duplicate_likely" => r.likely,
                            "duplicate_episode_first" => r.first,
                            _ => r.likely && !r.first,
                        })
                        .collect();
                    col.typed::<BoolType>()
                        .write_batch(&v, Some(&defs(&|_| true)), None)
                        .unwrap();
                }
            }
            col.close().unwrap();
            i += 1;
        }
        rg.close().unwrap();
    }
    writer.close().unwrap();
}

type Counts = BTreeMap<(String, String, String), u64>;

/// The naive count of countable rows by (fiscal year, office, at-large group).
fn naive(rows: &[Row], drop: bool) -> Counts {
    let offices = Dataset::bundled().unwrap().offices;
    let groups = ["at-large", "custodial", "unknown"];
    let mut out = BTreeMap::new();
    for r in rows {
        let (Some(day), Some(aor)) = (r.day, &r.aor) else {
            continue;
        };
        if drop && r.likely && !r.first {
            continue;
        }
        let key = (
            Period::Fy.span(day).2,
            resolve_office(aor, &offices).label,
            groups[at_large_group(r.method.as_bytes()) as usize].to_string(),
        );
        *out.entry(key).or_insert(0) += 1;
    }
    out
}

#[test]
fn timestamps_booleans_and_several_row_groups_count_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("arrests-latest.parquet");
    let data = rows(5000, 3);
    write(&path, &data, 1200, SCHEMA);
    let offices = Dataset::bundled().unwrap().offices;
    for drop in [false, true] {
        let options = Options {
            group: Some(Group::AtLarge),
            drop_duplicates: drop,
            ..Options::default()
        };
        let agg = read_file(&path, &offices, &options, &mut |_, _| {}).unwrap();
        let got: Counts = agg
            .report_by(Period::Fy, true, true)
            .into_iter()
            .map(|r| ((r.period, r.office.unwrap(), r.group.unwrap()), r.count))
            .collect();
        assert_eq!(got, naive(&data, drop), "drop {drop}");
        assert_eq!(agg.stats.rows_read, 5000);
        let skipped: u64 = agg.stats.skipped.iter().map(|(_, n)| n).sum();
        assert_eq!(agg.stats.rows_read, agg.stats.rows_counted + skipped);
    }
    app()
        .args(["records", "--duplicates", "drop", "--format", "csv"])
        .arg(&path)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "DDP's rule: rows with duplicate_drop_row TRUE",
        ));
}

#[test]
fn every_page_layout_the_writer_makes_counts_exactly() {
    use parquet::file::properties::WriterVersion;
    // Text columns are read from their pages when every page is dictionary-encoded,
    // and the general way otherwise: both must count the same.
    let base =
        || WriterProperties::builder().set_compression(Compression::ZSTD(ZstdLevel::default()));
    let layouts: [(&str, WriterProperties); 6] = [
        ("v1 pages", base().build()),
        (
            "v2 pages",
            base()
                .set_writer_version(WriterVersion::PARQUET_2_0)
                .build(),
        ),
        (
            "many small pages",
            base()
                .set_data_page_row_count_limit(37)
                .set_write_batch_size(37)
                .build(),
        ),
        (
            "dictionary full, plain pages after it",
            base()
                .set_dictionary_page_size_limit(64)
                .set_write_batch_size(50)
                .build(),
        ),
        (
            "no dictionary",
            base().set_dictionary_enabled(false).build(),
        ),
        (
            "uncompressed v2",
            WriterProperties::builder()
                .set_compression(Compression::UNCOMPRESSED)
                .set_writer_version(WriterVersion::PARQUET_2_0)
                .build(),
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    let data = rows(3000, 11);
    let offices = Dataset::bundled().unwrap().offices;
    let options = Options {
        group: Some(Group::AtLarge),
        ..Options::default()
    };
    for (name, props) in layouts {
        let path = dir.path().join("layout.parquet");
        write_with(&path, &data, 1100, SCHEMA, props);
        let agg = read_file(&path, &offices, &options, &mut |_, _| {}).unwrap();
        let got: Counts = agg
            .report_by(Period::Fy, true, true)
            .into_iter()
            .map(|r| ((r.period, r.office.unwrap(), r.group.unwrap()), r.count))
            .collect();
        assert_eq!(got, naive(&data, false), "{name}");
        assert_eq!(agg.stats.rows_read, 3000, "{name}");
    }
}

#[test]
fn corrupted_pages_give_an_error_or_a_count_never_a_crash() {
    // Uncompressed, so that flipped bytes reach the page decoders (a compressed page
    // fails its decompression first).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clean.parquet");
    let data = rows(400, 5);
    let props = WriterProperties::builder()
        .set_compression(Compression::UNCOMPRESSED)
        .set_data_page_row_count_limit(50)
        .set_write_batch_size(50)
        .build();
    write_with(&path, &data, 200, SCHEMA, props);
    let clean = std::fs::read(&path).unwrap();
    let offices = Dataset::bundled().unwrap().offices;
    let options = Options {
        group: Some(Group::AtLarge),
        ..Options::default()
    };
    let mut rng = synth::Rng::new(77);
    let bad = dir.path().join("bad.parquet");
    let (mut errors, mut counted) = (0, 0);
    for _ in 0..300 {
        let mut bytes = clean.clone();
        // Flip 1 to 4 bytes in the pages (the footer's end is left alone, so the
        // file still opens as Parquet).
        for _ in 0..=rng.below(3) {
            let at = usize::try_from(rng.below(clean.len() as u64 - 200)).unwrap() + 4;
            bytes[at] ^= u8::try_from(1 + rng.below(255)).unwrap();
        }
        std::fs::write(&bad, &bytes).unwrap();
        match read_file(&bad, &offices, &options, &mut |_, _| {}) {
            Ok(agg) => {
                let skipped: u64 = agg.stats.skipped.iter().map(|(_, n)| n).sum();
                assert_eq!(agg.stats.rows_read, agg.stats.rows_counted + skipped);
                counted += 1;
            }
            Err(e) => {
                assert!(e.to_string().contains("bad.parquet"), "{e}");
                errors += 1;
            }
        }
    }
    assert_eq!(errors + counted, 300);
    assert!(errors > 0, "no corruption was noticed");
}

#[test]
fn bad_parquet_exits_2_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.parquet");
    write(&path, &rows(300, 5), 100, SCHEMA);
    let bytes = std::fs::read(&path).unwrap();
    let truncated = dir.path().join("truncated.parquet");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    app()
        .arg("records")
        .arg(&truncated)
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(format!(
            "error: {}: not a readable Parquet file",
            truncated.display()
        )))
        .stderr(predicate::str::contains("panicked").not());
    let no_date = dir.path().join("no-date.parquet");
    let schema = SCHEMA.replace("apprehension_date", "booking_date");
    let mut data = rows(10, 5);
    for r in &mut data {
        r.day = Some(19_000);
    }
    write(&no_date, &data, 10, &schema);
    app()
        .arg("records")
        .arg(&no_date)
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(format!(
            "error: {}: no date column found",
            no_date.display()
        )));
    app()
        .args(["records", "-"])
        .write_stdin(bytes)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "stdin: a Parquet file needs a file",
        ));
}

#[test]
fn the_generated_parquet_counts_as_the_generated_csv() {
    let dir = tempfile::tempdir().unwrap();
    let pq = dir.path().join("g.parquet");
    let csv = dir.path().join("g.csv");
    synth::write_parquet(&pq, 2500, 9, 1000).unwrap();
    synth::write_csv(std::fs::File::create(&csv).unwrap(), 2500, 9).unwrap();
    let offices = Dataset::bundled().unwrap().offices;
    let options = Options {
        group: Some(Group::AtLarge),
        ..Options::default()
    };
    let a = read_file(&pq, &offices, &options, &mut |_, _| {}).unwrap();
    let b = read_file(&csv, &offices, &options, &mut |_, _| {}).unwrap();
    assert_eq!(
        a.report_by(Period::Day, true, true),
        b.report_by(Period::Day, true, true)
    );
    assert_eq!(a.stats.rows_counted, 2500);
    assert_eq!(a.stats.duplicates_flagged, b.stats.duplicates_flagged);
}
