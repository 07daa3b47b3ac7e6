//! Reading one CSV file into raw string records, tolerantly (BOM, CRLF, spaces, blank
//! lines) but precisely: every problem becomes a [`DataError`] with file and line.

use std::collections::HashMap;
use std::hash::Hash;

use serde::de::DeserializeOwned;

use super::Confidence;
use super::error::DataError;
use crate::number::{self, NumberError};

/// A raw record and the 1-based line it started on.
pub struct Line<R> {
    /// Line number in the file (the header is line 1).
    pub line: u64,
    /// The record, every field still text.
    pub record: R,
}

/// Read `bytes` as CSV with the given required columns into raw records.
///
/// Problems are pushed to `errors`; rows with problems are left out of the result.
pub fn read<R: DeserializeOwned>(
    file: &str,
    bytes: &[u8],
    required: &[&str],
    errors: &mut Vec<DataError>,
) -> Vec<Line<R>> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = u64::try_from(good.split(|&b| b == b'\n').count()).unwrap_or(u64::MAX);
            let column = good.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
            let byte = bytes.get(e.valid_up_to()).copied().unwrap_or(0);
            errors.push(DataError::line(
                file,
                line,
                format!(
                    "is not valid UTF-8 (byte 0x{byte:02X} at character {column} of the line); save the file as UTF-8"
                ),
            ));
            return Vec::new();
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Old Mac line ends (a lone CR) become LF, so that line numbers count them.
    let unix;
    let text = if has_lone_cr(text) {
        unix = text.replace("\r\n", "\n").replace('\r', "\n");
        unix.as_str()
    } else {
        text
    };
    if text.trim().is_empty() {
        errors.push(DataError::file(
            file,
            format!(
                "the file is empty; expected a header line with the columns {}",
                required.join(", ")
            ),
        ));
        return Vec::new();
    }
    if let Some(bad) = unterminated_quote(text) {
        let message = match bad.closed {
            None => "a quoted field opens here with \" and is never closed; expected a closing \" \
                     (unclosed, it would swallow every later line)"
                .to_string(),
            Some(at) => format!(
                "a quoted field opens here with \" and is not closed where it should be: the \" \
                 that ends it, on line {at}, is followed by more text; expected a closing \" \
                 before the next comma or line end"
            ),
        };
        errors.push(DataError::line(file, bad.opened, message));
        return Vec::new();
    }
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => csv::StringRecord::from(h.iter().map(str::to_ascii_lowercase).collect::<Vec<_>>()),
        Err(e) => {
            errors.push(csv_error(file, &e));
            return Vec::new();
        }
    };
    if !check_header(file, &headers, required, errors) {
        return Vec::new();
    }
    let mut rows = Vec::new();
    rows.extend(read_rows(file, &mut reader, &headers, errors));
    if rows.is_empty() && errors.is_empty() {
        errors.push(DataError::file(
            file,
            "has a header but no data rows; expected at least one row",
        ));
    }
    rows
}

/// Whether `text` has a CR that is not part of a CRLF.
fn has_lone_cr(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter()
        .enumerate()
        .any(|(i, &c)| c == b'\r' && b.get(i + 1) != Some(&b'\n'))
}

/// A quoted field that does not close properly: the line it opens on, and the line of a
/// closing `"` that is followed by text rather than a comma or a line end (`None` when it
/// never closes at all).
#[derive(Debug, PartialEq, Eq)]
struct BadQuote {
    opened: u64,
    closed: Option<u64>,
}

/// The first quoted field that opens and never closes, or closes with text after it. A
/// `"` opens a quoted field only at the very start of a field (as the CSV reader sees
/// it); inside one, `""` is a literal quote and `"` closes it, and only spaces may come
/// between that and the next comma or line end. Lines end at LF, CRLF or a lone CR.
fn unterminated_quote(text: &str) -> Option<BadQuote> {
    let mut line: u64 = 1;
    let mut opened_on = None;
    let mut closed_from: Option<u64> = None;
    let mut at_field_start = true;
    let mut bytes = text.bytes().peekable();
    while let Some(b) = bytes.next() {
        let newline = b == b'\n' || (b == b'\r' && bytes.peek() != Some(&b'\n'));
        let ends_field = newline || b == b',' || b == b'\r';
        if let Some(opened) = opened_on {
            if b == b'"' {
                if bytes.peek() == Some(&b'"') {
                    bytes.next();
                } else {
                    opened_on = None;
                    closed_from = Some(opened);
                }
            }
        } else if let Some(opened) = closed_from {
            if ends_field {
                closed_from = None;
            } else if b != b' ' && b != b'\t' {
                return Some(BadQuote {
                    opened,
                    closed: Some(line),
                });
            }
        } else if b == b'"' && at_field_start {
            opened_on = Some(line);
        }
        if newline {
            line = line.saturating_add(1);
        }
        at_field_start = opened_on.is_none() && ends_field;
    }
    opened_on.map(|opened| BadQuote {
        opened,
        closed: None,
    })
}

/// Check the header for duplicate and missing columns.
fn check_header(
    file: &str,
    headers: &csv::StringRecord,
    required: &[&str],
    errors: &mut Vec<DataError>,
) -> bool {
    let mut header_ok = true;
    for (i, name) in headers.iter().enumerate() {
        if headers.iter().take(i).any(|earlier| earlier == name) {
            errors.push(DataError::line(
                file,
                1,
                format!("the column \"{name}\" appears twice in the header"),
            ));
            header_ok = false;
        }
    }
    for name in required {
        if !headers.iter().any(|h| h == *name) {
            let found: Vec<&str> = headers.iter().collect();
            errors.push(DataError::line(
                file,
                1,
                format!(
                    "missing required column \"{name}\" (the header has: {})",
                    found.join(", ")
                ),
            ));
            header_ok = false;
        }
    }
    header_ok
}

/// Read the records after the header.
fn read_rows<R: DeserializeOwned>(
    file: &str,
    reader: &mut csv::Reader<&[u8]>,
    headers: &csv::StringRecord,
    errors: &mut Vec<DataError>,
) -> Vec<Line<R>> {
    let mut rows = Vec::new();
    for result in reader.records() {
        let record = match result {
            Ok(r) => r,
            Err(e) => {
                errors.push(csv_error(file, &e));
                continue;
            }
        };
        let line = record.position().map_or(0, csv::Position::line);
        if record.iter().all(str::is_empty) {
            continue; // a blank or whitespace-only line
        }
        if record.len() != headers.len() {
            errors.push(DataError::line(
                file,
                line,
                format!(
                    "has {} fields but the header has {} ({})",
                    record.len(),
                    headers.len(),
                    headers.iter().collect::<Vec<_>>().join(", ")
                ),
            ));
            continue;
        }
        match record.deserialize::<R>(Some(headers)) {
            Ok(r) => rows.push(Line { line, record: r }),
            Err(e) => errors.push(csv_error(file, &e)),
        }
    }
    rows
}

fn csv_error(file: &str, e: &csv::Error) -> DataError {
    let line = e.position().map_or(0, csv::Position::line);
    let message = match e.kind() {
        csv::ErrorKind::Deserialize { err, .. } => err.to_string(),
        _ => e.to_string(),
    };
    DataError::line(file, line, message)
}

/// The line each key was first seen on: the one duplicate-key check every file uses.
pub struct FirstSeen<K> {
    lines: HashMap<K, u64>,
}

impl<K> Default for FirstSeen<K> {
    fn default() -> Self {
        Self {
            lines: HashMap::new(),
        }
    }
}

impl<K: Eq + Hash> FirstSeen<K> {
    /// Note `key` on `line`; the line it was first seen on if it was seen before.
    pub fn repeat(&mut self, key: K, line: u64) -> Option<u64> {
        if let Some(first) = self.lines.get(&key) {
            return Some(*first);
        }
        self.lines.insert(key, line);
        None
    }
}

/// Typed access to the fields of one raw record, collecting errors.
pub struct Fields<'a> {
    file: &'a str,
    line: u64,
    errors: &'a mut Vec<DataError>,
}

impl<'a> Fields<'a> {
    /// Checks for the record on `line` of `file`.
    pub fn new(file: &'a str, line: u64, errors: &'a mut Vec<DataError>) -> Self {
        Self { file, line, errors }
    }

    /// Record a problem with a column.
    pub fn fail(&mut self, column: &str, message: impl Into<String>) {
        self.errors
            .push(DataError::field(self.file, self.line, column, message));
    }

    /// The line being checked.
    pub const fn line(&self) -> u64 {
        self.line
    }

    /// Note `key` as seen on this line; if it was seen before, report `what` as
    /// appearing twice in `column` and return `false`.
    pub fn once<K: Eq + Hash>(
        &mut self,
        seen: &mut FirstSeen<K>,
        column: &str,
        key: K,
        what: &str,
    ) -> bool {
        match seen.repeat(key, self.line) {
            Some(first) => {
                self.fail(
                    column,
                    format!("{what} appears twice (first on line {first})"),
                );
                false
            }
            None => true,
        }
    }

    /// A non-empty text field.
    pub fn text(&mut self, column: &str, value: &str) -> Option<String> {
        if value.is_empty() {
            self.fail(column, "is empty; expected a value");
            None
        } else {
            Some(value.to_string())
        }
    }

    /// A whole, non-negative count.
    pub fn whole(&mut self, column: &str, value: &str) -> Option<u64> {
        match number::parse_whole(value) {
            Ok(n) => Some(n),
            Err(NumberError::Empty) => {
                self.fail(column, "is empty; expected a whole number");
                None
            }
            Err(NumberError::Negative) => {
                self.fail(
                    column,
                    format!("'{value}' is negative; counts cannot be below zero"),
                );
                None
            }
            Err(e) => {
                self.fail(column, format!("'{value}' {e}"));
                None
            }
        }
    }

    /// An optional whole number: `Some(None)` when empty, `None` when invalid.
    #[expect(
        clippy::option_option,
        reason = "outer: valid or not; inner: given or not"
    )]
    pub fn optional_whole(&mut self, column: &str, value: &str) -> Option<Option<u64>> {
        if value.is_empty() {
            Some(None)
        } else {
            self.whole(column, value).map(Some)
        }
    }

    /// A confidence label.
    pub fn confidence(&mut self, column: &str, value: &str) -> Option<Confidence> {
        match value.to_ascii_lowercase().as_str() {
            "official" => Some(Confidence::Official),
            "derived" => Some(Confidence::Derived),
            "reported" => Some(Confidence::Reported),
            "" => {
                self.fail(column, "is empty; expected official, derived or reported");
                None
            }
            _ => {
                self.fail(
                    column,
                    format!(
                        "'{value}' is not a confidence label (expected official, derived or reported)"
                    ),
                );
                None
            }
        }
    }

    /// A date written `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (partial dates stay partial).
    pub fn partial_date(&mut self, column: &str, value: &str, required: bool) -> Option<String> {
        if value.is_empty() {
            if required {
                self.fail(
                    column,
                    "is empty; expected a date (YYYY-MM-DD, YYYY-MM or YYYY)",
                );
                return None;
            }
            return Some(String::new());
        }
        if is_partial_date(value) {
            Some(value.to_string())
        } else {
            self.fail(
                column,
                format!("'{value}' is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)"),
            );
            None
        }
    }

    /// A full calendar date `YYYY-MM-DD`.
    pub fn date(&mut self, column: &str, value: &str) -> Option<jiff::civil::Date> {
        let date = parse_iso_date(value);
        if date.is_none() {
            self.fail(
                column,
                format!("'{value}' is not a calendar date (expected YYYY-MM-DD)"),
            );
        }
        date
    }

    /// One of a fixed set of words.
    pub fn choice<T: Copy>(
        &mut self,
        column: &str,
        value: &str,
        options: &[(&str, T)],
    ) -> Option<T> {
        let lower = value.to_ascii_lowercase();
        if let Some((_, v)) = options.iter().find(|(name, _)| *name == lower) {
            return Some(*v);
        }
        let names: Vec<&str> = options.iter().map(|(n, _)| *n).collect();
        self.fail(
            column,
            format!("'{value}' is not one of {}", names.join(", ")),
        );
        None
    }
}

/// Parse a strict `YYYY-MM-DD` calendar date.
#[must_use]
pub fn parse_iso_date(value: &str) -> Option<jiff::civil::Date> {
    let b = value.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year: i16 = value[0..4].parse().ok()?;
    let month: i8 = value[5..7].parse().ok()?;
    let day: i8 = value[8..10].parse().ok()?;
    jiff::civil::Date::new(year, month, day).ok()
}

fn is_partial_date(value: &str) -> bool {
    match value.len() {
        4 => value
            .parse::<u16>()
            .is_ok_and(|y| (1000..=9999).contains(&y)),
        7 => parse_iso_date(&format!("{value}-01")).is_some(),
        10 => parse_iso_date(value).is_some(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_opens_only_at_the_start_of_a_field() {
        let open = |line| {
            Some(BadQuote {
                opened: line,
                closed: None,
            })
        };
        assert_eq!(unterminated_quote("a,b\n1,\"x\n2,y\n"), open(2));
        assert_eq!(unterminated_quote("a,b\n1,\"x,\"\"\n"), open(2));
        assert_eq!(unterminated_quote("a,b\n1,\"x\ny\",z\n"), None);
        assert_eq!(unterminated_quote("a,b\n1,\"x\" ,z\n"), None);
        assert_eq!(unterminated_quote("a,b\n1,5 10\" tall\n2,a\"b\n"), None);
        assert_eq!(unterminated_quote("a,b\r1,2\r3,\"\r"), open(3));
        assert_eq!(unterminated_quote("a,b\r\n1,2\r\n3,\"\r\n"), open(3));
        assert_eq!(unterminated_quote("\"a\"\"\",b\n"), None);
        assert_eq!(
            unterminated_quote("a,b\n1,\"\n2,\"note\"\n3,x\n"),
            Some(BadQuote {
                opened: 2,
                closed: Some(3)
            })
        );
    }

    #[test]
    fn partial_dates() {
        assert!(is_partial_date("2025"));
        assert!(is_partial_date("2025-04"));
        assert!(is_partial_date("2024-02-29"));
        assert!(!is_partial_date("2025-02-29"));
        assert!(!is_partial_date("2025-13"));
        assert!(!is_partial_date("Jan 2025"));
    }
}
