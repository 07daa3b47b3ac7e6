//! The CSV reader on whole inputs: layouts, skips and their lines, `--strict`, stray
//! quotes, line ends, `--delimiter`, and chunk boundaries crossed many times.

use std::fmt::Write as _;

use super::*;
use crate::data::Dataset;
use crate::records::{BadRow, Period, SkipReason};

fn offices() -> Vec<FieldOffice> {
    Dataset::bundled().unwrap().offices
}

fn read(text: &str, options: &Options) -> Result<Aggregate, RecordsError> {
    read_csv("t.csv", text.as_bytes(), &offices(), options, &mut |_| {})
}

const PROCESSED: &str = "apprehension_date,apprehension_aor,duplicate_likely,landmark\n\
    2024-09-30,Dallas Area of Responsibility,FALSE,\"Main St, Dallas\"\n\
    2024-10-01,Dallas Area of Responsibility,TRUE,\"said \"\"hi\"\"\"\n\
    2024-10-01,HQ Area of Responsibility,FALSE,\"two\nlines\"\n\
    not a date,Houston Area of Responsibility,FALSE,x\n\
    2024-10-02,,FALSE,x\n\
    2024-10-02,Houston Area of Responsibility,FALSE,x\n";

#[test]
fn counts_skips_and_line_numbers() {
    let a = read(PROCESSED, &Options::default()).unwrap();
    assert_eq!(a.layout, "DDP processed (snake_case)");
    assert_eq!(a.stats.rows_read, 6);
    assert_eq!(a.stats.rows_counted, 4);
    assert_eq!(
        a.stats.skipped,
        [
            (SkipReason::UnparseableDate, 1),
            (SkipReason::MissingOffice, 1)
        ]
    );
    // The embedded newline on line 4 pushes later rows down one line.
    assert_eq!(
        a.stats.examples,
        [
            BadRow {
                line: 6,
                reason: SkipReason::UnparseableDate,
                value: "not a date".into(),
                sheet: None,
                file: None
            },
            BadRow {
                line: 7,
                reason: SkipReason::MissingOffice,
                value: String::new(),
                sheet: None,
                file: None
            },
        ]
    );
    assert_eq!(a.stats.duplicates_flagged, Some(1));
    let fy = a.report(Period::Fy, true);
    let rows: Vec<(String, String, u64)> = fy
        .iter()
        .map(|r| (r.period.clone(), r.office.clone().unwrap(), r.count))
        .collect();
    assert_eq!(
        rows,
        [
            ("2024".into(), "DAL".into(), 1),
            ("2025".into(), "DAL".into(), 1),
            ("2025".into(), "HOU".into(), 1),
            ("2025".into(), "HQ Area of Responsibility".into(), 1),
        ]
    );
    assert_eq!(
        fy[0].partial,
        Some(("2024-09-30".into(), "2024-09-30".into()))
    );
    let dropped = read(
        PROCESSED,
        &Options {
            drop_duplicates: true,
            ..Options::default()
        },
    )
    .unwrap();
    assert_eq!(dropped.stats.rows_counted, 3);
    assert_eq!(dropped.stats.skipped[2], (SkipReason::Duplicate, 1));
}

#[test]
fn strict_stops_at_the_first_bad_row() {
    let err = read(
        PROCESSED,
        &Options {
            strict: true,
            ..Options::default()
        },
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "t.csv line 6: unparseable date: 'not a date' (--strict stops at the first bad row)"
    );
}

#[test]
fn raw_layouts_with_preamble_and_other_delimiters() {
    let raw = "ICE ERO admin arrests\nRedacted\n\n\n\n\nApprehension Date;Apprehension AOR;Gender\n1/26/2025;Dallas Area of Responsibility;F\n1/27/2025;Dallas Area of Responsibility;M\n";
    let a = read(raw, &Options::default()).unwrap();
    assert_eq!(a.layout, "DDP raw, 2025 layout");
    assert_eq!(
        a.stats.preamble_rows, 2,
        "two non-blank rows above the header"
    );
    assert_eq!(a.stats.rows_counted, 2);
    let tabbed =
        "Apprehension Date\tTOA Current Duty AOR\r\n2025-01-26\tHouston Area of Responsibility\r\n";
    let a = read(tabbed, &Options::default()).unwrap();
    assert_eq!(a.layout, "DDP raw, 2026 layout");
    assert_eq!(
        a.report(Period::Day, true)[0].office.as_deref(),
        Some("HOU")
    );
}

#[test]
fn named_columns() {
    let mine = "when,where\n2025-03-01,Miami\n";
    let opts = Options {
        date_column: Some("when".into()),
        office_column: Some("where".into()),
        ..Options::default()
    };
    let a = read(mine, &opts).unwrap();
    assert_eq!(
        a.report(Period::Month, true)[0].office.as_deref(),
        Some("MIA")
    );
    let err = read(mine, &Options::default()).unwrap_err();
    assert!(err.to_string().starts_with("t.csv: no date column found"));
    let opts = Options {
        date_column: Some("when".into()),
        office_column: Some("office".into()),
        ..Options::default()
    };
    assert_eq!(
        read(mine, &opts).unwrap_err().to_string(),
        "t.csv: no column named \"office\" (the header has: when, where)"
    );
}

#[test]
fn line_numbers_hold_across_chunks_blank_lines_and_quoted_newlines() {
    let mut text = String::from("apprehension_date,apprehension_aor,note\r\n");
    let mut line = 1;
    let mut bad_lines = Vec::new();
    for i in 0..200_000u32 {
        match i % 40_000 {
            7 => {
                text.push_str("\r\n");
                line += 1;
            }
            11 => {
                let _ = write!(text, "2025-01-01,Dallas,\"two\r\nlines\"\r\n");
                line += 2;
                continue;
            }
            13 => {
                let _ = write!(text, "garbage,Dallas,x\r\n");
                line += 1;
                bad_lines.push(line);
                continue;
            }
            _ => {}
        }
        let _ = write!(text, "2025-01-0{},Houston,plain\r\n", 1 + i % 9);
        line += 1;
    }
    assert!(text.len() > 2 * CHUNK, "the test spans several chunks");
    let offices = Dataset::bundled().unwrap().offices;
    let agg = read_csv(
        "big.csv",
        text.as_bytes(),
        &offices,
        &Options::default(),
        &mut |_| {},
    )
    .unwrap();
    let got: Vec<u64> = agg.stats.examples.iter().map(|b| b.line).collect();
    assert_eq!(got, bad_lines);
    assert_eq!(agg.stats.rows_read, 200_000);
    assert_eq!(agg.stats.rows_counted, 200_000 - 5);
}

/// Run `f` on another thread and fail (instead of hanging) if it takes over a minute.
fn within_a_minute<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(std::time::Duration::from_secs(60))
        .expect("the reader finished (no hang)")
}

#[test]
fn strict_stops_when_bad_rows_reach_every_worker() {
    // Over 4 MB with a bad row in every chunk: every worker fails, and the cutter
    // must stop rather than block on a hand-over nobody takes.
    let mut text = String::from("apprehension_date,apprehension_aor\n");
    for i in 0..400_000u32 {
        if i % 1000 == 999 {
            text.push_str("never,Dallas\n");
        } else {
            text.push_str("2025-01-02,Dallas\n");
        }
    }
    assert!(text.len() > 4 << 20);
    let err = within_a_minute(move || {
        let offices = Dataset::bundled().unwrap().offices;
        let options = Options {
            strict: true,
            ..Options::default()
        };
        read_csv("s.csv", text.as_bytes(), &offices, &options, &mut |_| {})
            .unwrap_err()
            .to_string()
    });
    assert_eq!(
        err,
        "s.csv line 1001: unparseable date: 'never' (--strict stops at the first bad row)"
    );
}

#[test]
fn a_stray_quote_in_an_unquoted_field_is_plain_text() {
    let text = "apprehension_date,apprehension_aor,note\n\
        2025-01-02,Dallas,5 10\" tall\n\
        2025-01-02,Dallas,a\"b\n\
        2025-01-03,Houston,x\n\
        2025-01-03,Miami,y\n";
    let a = read(text, &Options::default()).unwrap();
    assert_eq!(a.stats.rows_read, 4);
    assert_eq!(a.stats.rows_counted, 4);
    let labels: Vec<&str> = a.offices.iter().map(|o| o.label.as_str()).collect();
    assert_eq!(labels, ["DAL", "HOU", "MIA"]);
}

#[test]
fn an_unterminated_quote_is_reported_by_line_and_later_rows_still_count() {
    let text = "apprehension_date,apprehension_aor\n\
        2025-01-02,\"Dallas\n\
        2025-01-03,Houston\n\
        2025-01-04,Miami\n";
    let a = read(text, &Options::default()).unwrap();
    assert_eq!(a.stats.rows_read, 3);
    assert_eq!(a.stats.rows_counted, 2);
    assert_eq!(
        a.stats.examples,
        [BadRow {
            line: 2,
            reason: SkipReason::UnterminatedQuote,
            value: "2025-01-02,\"Dallas".into(),
            sheet: None,
            file: None
        }]
    );
    let strict = Options {
        strict: true,
        ..Options::default()
    };
    assert_eq!(
        read(text, &strict).unwrap_err().to_string(),
        "t.csv line 2: unterminated quoted field: '2025-01-02,\"Dallas' (--strict stops at the first bad row)"
    );
}

#[test]
fn cr_only_and_mixed_line_ends_count_every_row() {
    let cr =
        "apprehension_date,apprehension_aor\r2025-01-02,Dallas\r2025-01-03,Dallas\rbad,Dallas\r";
    let a = read(cr, &Options::default()).unwrap();
    assert_eq!((a.stats.rows_read, a.stats.rows_counted), (3, 2));
    assert_eq!(a.stats.examples[0].line, 4);
    let mixed =
        "apprehension_date,apprehension_aor\n2025-01-02,Dallas\r\n2025-01-03,Dallas\rbad,Dallas\n";
    let a = read(mixed, &Options::default()).unwrap();
    assert_eq!((a.stats.rows_read, a.stats.rows_counted), (3, 2));
    assert_eq!(a.stats.examples[0].line, 4);
}

#[test]
fn delimiter_overrides_the_sniffer() {
    // Many early semicolons in a comma file make the sniffer pick ';'.
    let text = "apprehension_date,apprehension_aor,note\n2025-01-02,Dallas,a;b;c;d;e\n";
    assert!(read(text, &Options::default()).is_err());
    let a = read(
        text,
        &Options {
            delimiter: Some(b','),
            ..Options::default()
        },
    )
    .unwrap();
    assert_eq!(a.stats.rows_counted, 1);
    let piped = "apprehension_date|apprehension_aor\n2025-01-02|Dallas\n";
    assert_eq!(
        read(piped, &Options::default()).unwrap().stats.rows_counted,
        1
    );
}

#[test]
fn tiny_chunks_give_the_whole_file_parse() {
    let mut text = String::from("apprehension_date,apprehension_aor,note\r\n");
    for i in 0..3000u32 {
        let _ = match i % 7 {
            0 => write!(text, "2025-01-0{},Dallas,\"two\r\nlines\"\r\n", 1 + i % 9),
            1 => writeln!(text, "2025-01-0{},Houston,5 10\" tall", 1 + i % 9),
            2 => write!(text, "2025-02-0{},\"Mi\"\"ami\",x\r", 1 + i % 9),
            3 => writeln!(text, "nope,Dallas,x"),
            _ => writeln!(text, "2025-03-0{},Dallas,x", 1 + i % 9),
        };
    }
    let offices = offices();
    let whole = read(&text, &Options::default()).unwrap();
    for chunk in [1, 3, 17, 4096] {
        let small = read_csv_chunked(
            "t.csv",
            text.as_bytes(),
            &offices,
            &Options::default(),
            &mut |_| {},
            chunk,
        )
        .unwrap();
        assert_eq!(small.days, whole.days, "chunk {chunk}");
        assert_eq!(small.offices, whole.offices, "chunk {chunk}");
        assert_eq!(small.stats, whole.stats, "chunk {chunk}");
    }
    assert_eq!(whole.stats.rows_read, 3000);
}

#[test]
fn cutting_at_line_ends_is_exact_or_asks_to_be_read_again() {
    let at_line_ends = |text: &str, chunk: usize| {
        read_csv_at_line_ends(
            "t.csv",
            text.as_bytes(),
            &offices(),
            &Options::default(),
            &mut |_| {},
            chunk,
        )
        .unwrap()
    };
    // Quoted delimiters, escaped quotes and stray quotes, but no quoted line break:
    // every cut after a line feed is a record end, so the fast reading stands.
    let mut plain = String::from("apprehension_date,apprehension_aor,note\n");
    for i in 0..2000u32 {
        let _ = match i % 5 {
            0 => writeln!(plain, "2025-01-0{},Dallas,\"a, b\"", 1 + i % 9),
            1 => writeln!(plain, "2025-01-0{},Houston,5 10\" tall", 1 + i % 9),
            2 => writeln!(plain, "2025-02-0{},\"Mi\"\"ami\",x", 1 + i % 9),
            3 => writeln!(plain, "nope,Dallas,x"),
            _ => write!(plain, "2025-03-0{},Dallas,x\r\n", 1 + i % 9),
        };
    }
    let exact = read(&plain, &Options::default()).unwrap();
    for chunk in [1, 7, 100, 4096] {
        let fast = at_line_ends(&plain, chunk).expect("no cut falls inside a record");
        assert_eq!(fast.days, exact.days, "chunk {chunk}");
        assert_eq!(fast.stats, exact.stats, "chunk {chunk}");
    }
    // A quoted line break: a cut after it falls inside a record, and the reader says
    // so rather than count two halves.
    let mut broken = String::from("apprehension_date,apprehension_aor,note\n");
    for _ in 0..50 {
        broken.push_str("2025-01-02,Dallas,\"two\nlines\"\n");
    }
    assert!(at_line_ends(&broken, 7).is_none());
    // A file of CR line ends (no line feed to cut at) goes to the exact reading too,
    // once a chunk and a longest record's worth are in.
    let cr = format!(
        "apprehension_date,apprehension_aor\r{}",
        "2025-01-02,Dallas\r".repeat(100_000)
    );
    assert!(cr.len() > CHUNK + split::MAX_RECORD);
    assert!(at_line_ends(&cr, 100).is_none());
    // Through `read_file`, both come out exact.
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("plain.csv", &plain),
        ("broken.csv", &broken),
        ("cr.csv", &cr),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let got = crate::records::read_file(&path, &offices(), &Options::default(), &mut |_, _| {})
            .unwrap();
        let want = read(text, &Options::default()).unwrap();
        assert_eq!(got.days, want.days, "{name}");
        assert_eq!(got.stats, want.stats, "{name}");
    }
}
