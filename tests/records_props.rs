//! Fuzz-style properties of the CSV reader: random bytes heavy in quotes, delimiters
//! and CR/LF mixes, read whole and in chunks down to one byte. No panic, no hang (a
//! deadline through a thread and a channel), every row read is counted or skipped, and
//! chunking never changes the result.

use std::sync::mpsc;
use std::time::Duration;

use arrest_scenarios::data::Dataset;
use arrest_scenarios::records::csv::{read_csv_at_line_ends, read_csv_chunked};
use arrest_scenarios::records::{Aggregate, Options};
use proptest::prelude::*;

/// Pieces the bodies are built from: dates, offices, and the bytes that trouble a
/// CSV reader.
const PIECES: [&[u8]; 14] = [
    b"2025-01-02",
    b"1/3/2025",
    b"Dallas",
    b"HQ",
    b",",
    b";",
    b"\"",
    b"\"\"",
    b"\n",
    b"\r\n",
    b"\r",
    b" ",
    b"x\xff",
    b"\t",
];

fn body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(prop::sample::select(PIECES.to_vec()), 0..200)
            .prop_map(|p| p.concat()),
        prop::collection::vec(any::<u8>(), 0..400),
    ]
}

/// `f` on its own thread with a deadline: a hang fails the test instead of stalling it.
fn within_30_s<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(30))
        .expect("no hang: the reader finished within 30 s")
}

fn options(strict: bool) -> Options {
    Options {
        strict,
        ..Options::default()
    }
}

/// Read record by record, in chunks of `chunk` bytes.
fn read(bytes: Vec<u8>, chunk: usize, strict: bool) -> Result<Aggregate, String> {
    within_30_s(move || {
        let offices = Dataset::bundled().unwrap().offices;
        read_csv_chunked(
            "f.csv",
            bytes.as_slice(),
            &offices,
            &options(strict),
            &mut |_| {},
            chunk,
        )
        .map_err(|e| e.to_string())
    })
}

/// [`read`], cut at line ends: `None` when the reader asks to be read again exactly.
fn read_at_line_ends(bytes: Vec<u8>, chunk: usize, strict: bool) -> Option<Aggregate> {
    within_30_s(move || {
        let offices = Dataset::bundled().unwrap().offices;
        read_csv_at_line_ends(
            "f.csv",
            bytes.as_slice(),
            &offices,
            &options(strict),
            &mut |_| {},
            chunk,
        )
        .ok()
        .flatten()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Cut at line ends, a reading that says it is exact is the record-by-record
    /// reading's result; otherwise it asks to be read again.
    #[test]
    fn cutting_at_line_ends_gives_the_exact_result_or_asks_again(
        body in body(),
        chunk in 1usize..64,
        strict in prop::bool::weighted(0.2),
    ) {
        let mut bytes = b"apprehension_date,apprehension_aor\n".to_vec();
        bytes.extend_from_slice(&body);
        let exact = read(bytes.clone(), arrest_scenarios::records::csv::CHUNK, strict);
        if let Some(fast) = read_at_line_ends(bytes, chunk, strict) {
            let exact = exact.expect("a fast result only where the exact reading succeeds");
            prop_assert_eq!(&fast.days, &exact.days);
            prop_assert_eq!(&fast.offices, &exact.offices);
            prop_assert_eq!(&fast.stats, &exact.stats);
        }
    }

    #[test]
    fn random_bytes_are_all_accounted_for_in_any_chunking(
        header in prop::bool::weighted(0.9),
        body in body(),
        chunk in 1usize..64,
        strict in prop::bool::weighted(0.2),
    ) {
        let mut bytes = if header {
            b"apprehension_date,apprehension_aor\n".to_vec()
        } else {
            Vec::new()
        };
        bytes.extend_from_slice(&body);
        // Bodies are far below one CHUNK: the "whole" read is one chunk.
        let whole = read(bytes.clone(), arrest_scenarios::records::csv::CHUNK, strict);
        let chunked = read(bytes, chunk, strict);
        match (&whole, &chunked) {
            (Ok(w), Ok(c)) => {
                let skipped: u64 = w.stats.skipped.iter().map(|(_, n)| n).sum();
                prop_assert_eq!(w.stats.rows_read, w.stats.rows_counted + skipped);
                let by_day: u64 = w.days.values().flatten().map(|(_, _, n)| n).sum();
                prop_assert_eq!(by_day, w.stats.rows_counted);
                prop_assert_eq!(&w.days, &c.days);
                prop_assert_eq!(&w.offices, &c.offices);
                prop_assert_eq!(&w.stats, &c.stats);
            }
            (Err(w), Err(c)) => prop_assert_eq!(w, c),
            _ => prop_assert!(false, "whole {:?} but chunked {:?}", whole.is_ok(), chunked.is_ok()),
        }
    }
}
