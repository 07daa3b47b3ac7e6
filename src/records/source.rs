//! Opening a records file: the format sniffed from the first bytes of the same handle
//! (peeked, then chained back in front), so pipes and `-` (stdin) work for CSV and
//! gzip; XLSX and Parquet need a seekable file and say so when given a pipe.

use std::io::{Cursor, Read};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::{Aggregate, Options, RecordsError, read_csv, read_xlsx};
use crate::data::FieldOffice;

/// What the first bytes say a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text: CSV (or anything else, which the CSV reader then explains).
    Csv,
    /// A zip archive (XLSX is one).
    Zip,
    /// gzip-compressed (a `.csv.gz`).
    Gzip,
    /// Apache Parquet.
    Parquet,
    /// Stata's `.dta`.
    Stata,
    /// SPSS's `.sav`.
    Spss,
}

impl Kind {
    /// The kind of a file from its first (up to 16) bytes.
    #[must_use]
    pub fn sniff(magic: &[u8]) -> Self {
        if magic.starts_with(b"PK\x03\x04") {
            Self::Zip
        } else if magic.starts_with(&[0x1f, 0x8b]) {
            Self::Gzip
        } else if magic.starts_with(b"PAR1") {
            Self::Parquet
        } else if magic.starts_with(b"<stata_dta>")
            || (magic.len() >= 4
                && (0x71..=0x73).contains(&magic[0])
                && matches!(magic[1], 1 | 2)
                && magic[2] == 1
                && magic[3] == 0)
        {
            Self::Stata
        } else if magic.starts_with(b"$FL2") || magic.starts_with(b"$FL3") {
            Self::Spss
        } else {
            Self::Csv
        }
    }
}

/// How many bytes are peeked.
const MAGIC: u64 = 16;

/// Read a records file (`-` for stdin), its format found from its content: CSV (plain or
/// gzip-compressed), XLSX or Parquet. `progress` gets how much is done and the total, in bytes
/// (CSV; 0 total from a pipe) or rows (XLSX).
///
/// # Errors
/// An unreadable file, a format it does not take (Stata, SPSS, a zip that is not a
/// workbook, XLSX or Parquet from a pipe), no date column, an unknown named column, or (with
/// `strict`) a bad row.
pub fn read_file(
    path: &Path,
    offices: &[FieldOffice],
    options: &Options,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Aggregate, RecordsError> {
    let stdin = path == Path::new("-");
    let shown = if stdin {
        "stdin".to_string()
    } else {
        path.display().to_string()
    };
    let io = |e: &dyn std::fmt::Display| RecordsError::Io {
        path: shown.clone(),
        message: e.to_string(),
    };
    let format = |what: &str| RecordsError::Format {
        path: shown.clone(),
        what: what.to_string(),
    };
    let (mut input, size, regular): (Box<dyn Read>, u64, bool) = if stdin {
        (Box::new(std::io::stdin().lock()), 0, false)
    } else {
        let file = std::fs::File::open(path).map_err(|e| io(&e))?;
        let meta = file.metadata().map_err(|e| io(&e))?;
        if meta.is_dir() {
            return Err(format("is a folder, not a records file"));
        }
        (Box::new(file), meta.len(), meta.is_file())
    };
    let mut magic = Vec::with_capacity(16);
    input
        .by_ref()
        .take(MAGIC)
        .read_to_end(&mut magic)
        .map_err(|e| io(&e))?;
    match Kind::sniff(&magic) {
        Kind::Zip if !regular => Err(format(
            "an XLSX workbook (a zip) needs a file that can be read out of order, not a pipe; save it to a file first",
        )),
        Kind::Zip => {
            drop(input);
            read_xlsx(path, offices, options, progress)
        }
        Kind::Parquet if !regular => Err(format(
            "a Parquet file needs a file that can be read out of order, not a pipe; save it to a file first",
        )),
        Kind::Parquet => {
            drop(input);
            super::parquet::read_parquet(path, offices, options, progress)
        }
        Kind::Stata => Err(format(
            "a Stata .dta file, which this reader does not take; export it as CSV",
        )),
        Kind::Spss => Err(format(
            "an SPSS .sav file, which this reader does not take; export it as CSV",
        )),
        Kind::Gzip => {
            // Progress in compressed bytes, against the file's size.
            let done = Arc::new(AtomicU64::new(magic.len() as u64));
            let counted = Counted {
                inner: input,
                done: Arc::clone(&done),
            };
            let gz = flate2::read::MultiGzDecoder::new(Cursor::new(magic).chain(counted));
            read_csv(&shown, gz, offices, options, &mut |_| {
                progress(done.load(Ordering::Relaxed), size);
            })
            .map_err(|e| gzip_error(e, &shown))
        }
        // A file can be read twice: first cut at line ends (the fast way), and again
        // record by record if a cut fell inside a record or a row was an error.
        Kind::Csv if regular => {
            let fast = super::csv::read_csv_at_line_ends(
                &shown,
                Cursor::new(magic).chain(input),
                offices,
                options,
                &mut |n| progress(n, size),
                super::csv::CHUNK,
            )?;
            if let Some(agg) = fast {
                Ok(agg)
            } else {
                let again = std::fs::File::open(path).map_err(|e| io(&e))?;
                read_csv(&shown, again, offices, options, &mut |n| progress(n, size))
            }
        }
        Kind::Csv => read_csv(
            &shown,
            Cursor::new(magic).chain(input),
            offices,
            options,
            &mut |n| progress(n, size),
        ),
    }
}

/// A gzip decoding failure said as such.
fn gzip_error(e: RecordsError, shown: &str) -> RecordsError {
    match e {
        RecordsError::Io { message, .. } => RecordsError::Io {
            path: shown.to_string(),
            message: format!("not a readable gzip file: {message}"),
        },
        other => other,
    }
}

/// A reader that counts the bytes read through it.
struct Counted<R> {
    inner: R,
    done: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.done.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_their_first_bytes() {
        assert_eq!(Kind::sniff(b"PK\x03\x04rest"), Kind::Zip);
        assert_eq!(Kind::sniff(&[0x1f, 0x8b, 8, 0]), Kind::Gzip);
        assert_eq!(Kind::sniff(b"PAR1\x15\x04"), Kind::Parquet);
        assert_eq!(Kind::sniff(b"<stata_dta><header>"), Kind::Stata);
        assert_eq!(Kind::sniff(&[0x72, 2, 1, 0, 5]), Kind::Stata);
        assert_eq!(Kind::sniff(b"$FL2@(#) SPSS"), Kind::Spss);
        assert_eq!(Kind::sniff(b"apprehension_date,"), Kind::Csv);
        assert_eq!(Kind::sniff(b"PK"), Kind::Csv);
        assert_eq!(Kind::sniff(b""), Kind::Csv);
    }
}
