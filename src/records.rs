//! Record-level arrest releases (one row per arrest): streamed into compact aggregates
//! (office x day counts), never held in memory, then reported by day, week, month or
//! fiscal year.
//!
//! CSV is parsed with `simd-csv` (delimiter sniffed among comma, semicolon and tab);
//! XLSX with `calamine`. The Deportation Data Project's three layouts are recognised
//! by their column names; `--date-column` and `--office-column` cover anything else.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use serde::Serialize;

use crate::data::FieldOffice;

/// Date column names of the known layouts (compared lower-cased).
const DATE_COLUMNS: [&str; 2] = ["apprehension date", "apprehension_date"];
/// Office (area of responsibility) column names of the known layouts.
const OFFICE_COLUMNS: [&str; 4] = [
    "apprehension aor",
    "apprehension_aor",
    "toa current duty aor",
    "toa_current_duty_aor",
];
/// DDP's flag for likely duplicates.
const DUPLICATE_COLUMN: &str = "duplicate_likely";
/// How many bad rows are listed by line.
const EXAMPLES: usize = 5;
/// How many rows before the header are searched for it (DDP raw files have 6).
const PREAMBLE_LIMIT: usize = 30;

/// How to read a records file.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The date column's name, when it is not one of the known layouts'.
    pub date_column: Option<String>,
    /// The office column's name, when it is not one of the known layouts'.
    pub office_column: Option<String>,
    /// Any bad row is an error.
    pub strict: bool,
    /// Leave out rows that DDP flags as likely duplicates.
    pub drop_duplicates: bool,
}

/// Why a records file cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum RecordsError {
    /// The file could not be opened or read.
    #[error("{path}: {message}")]
    Io {
        /// The file.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// No header with a date column was found.
    #[error(
        "{path}: no date column found in the first {PREAMBLE_LIMIT} rows (looked for {wanted}); name it with --date-column"
    )]
    NoDateColumn {
        /// The file.
        path: String,
        /// The names looked for.
        wanted: String,
    },
    /// A named column is not in the header.
    #[error("{path}: no column named \"{name}\" (the header has: {found})")]
    NoSuchColumn {
        /// The file.
        path: String,
        /// The name asked for.
        name: String,
        /// The header's names.
        found: String,
    },
    /// `--strict` and a bad row.
    #[error("{path} line {line}: {reason}: '{value}' (--strict stops at the first bad row)")]
    Strict {
        /// The file.
        path: String,
        /// 1-based line.
        line: u64,
        /// Why the row is bad.
        reason: SkipReason,
        /// The bad value.
        value: String,
    },
}

/// Why a row was not counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// The date could not be read.
    UnparseableDate,
    /// The office cell is empty.
    MissingOffice,
    /// Flagged by DDP as a likely duplicate, and `--drop-duplicates` was given.
    Duplicate,
}

impl std::fmt::Display for SkipReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::UnparseableDate => "unparseable date",
            Self::MissingOffice => "missing office",
            Self::Duplicate => "likely duplicate (dropped)",
        })
    }
}

/// A bad row, for the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BadRow {
    /// 1-based line in the file (the sheet row, for XLSX).
    pub line: u64,
    /// Why it was skipped.
    pub reason: SkipReason,
    /// The value at fault.
    pub value: String,
}

/// Counts of what happened to the rows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Data rows read (after the header).
    pub rows_read: u64,
    /// Rows counted.
    pub rows_counted: u64,
    /// Rows skipped, by reason (a JSON object: reason -> count).
    #[serde(serialize_with = "reasons_as_map")]
    pub skipped: Vec<(SkipReason, u64)>,
    /// The first few skipped rows.
    pub examples: Vec<BadRow>,
    /// Rows DDP flags as likely duplicates (`None` without that column).
    pub duplicates_flagged: Option<u64>,
    /// Rows before the header (DDP raw files have 6).
    pub preamble_rows: u64,
}

fn reasons_as_map<S: serde::Serializer>(v: &[(SkipReason, u64)], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(Some(v.len()))?;
    for (reason, n) in v {
        map.serialize_entry(reason, n)?;
    }
    map.end()
}

/// A field office as found in a file.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct OfficeKey {
    /// The bundled code when the office is known, the name as written otherwise.
    pub label: String,
    /// Whether it matched a bundled office.
    pub known: bool,
}

/// Everything kept from a records file: counts per day and office, and the report of
/// what was read.
#[derive(Debug, Clone, Serialize)]
pub struct Aggregate {
    /// The file.
    pub path: String,
    /// Which layout was recognised.
    pub layout: String,
    /// The date column used.
    pub date_column: String,
    /// The office column used, if any.
    pub office_column: Option<String>,
    /// Offices in order of first appearance.
    pub offices: Vec<OfficeKey>,
    /// Arrests per day (days since 1970-01-01) and office (index into `offices`).
    pub days: std::collections::BTreeMap<i32, Vec<u64>>,
    /// What happened to the rows.
    pub stats: Stats,
}

/// What the reader finds in the header.
struct Columns {
    date: usize,
    office: Option<usize>,
    duplicate: Option<usize>,
    layout: String,
    date_name: String,
    office_name: Option<String>,
}

/// Builds an [`Aggregate`] row by row.
struct Counter<'a> {
    offices: &'a [FieldOffice],
    options: &'a Options,
    path: String,
    names: rustc_hash::FxHashMap<Vec<u8>, u32>,
    keys: Vec<OfficeKey>,
    days: rustc_hash::FxHashMap<i32, Vec<u64>>,
    stats: Stats,
    skipped: [u64; 3],
}

impl<'a> Counter<'a> {
    fn new(path: &str, offices: &'a [FieldOffice], options: &'a Options) -> Self {
        Self {
            offices,
            options,
            path: path.to_string(),
            names: rustc_hash::FxHashMap::default(),
            keys: Vec::new(),
            days: rustc_hash::FxHashMap::default(),
            stats: Stats::default(),
            skipped: [0; 3],
        }
    }

    fn office_index(&mut self, raw: &[u8]) -> u32 {
        if let Some(i) = self.names.get(raw) {
            return *i;
        }
        let text = String::from_utf8_lossy(raw).trim().to_string();
        let key = resolve_office(&text, self.offices);
        let i = self.keys.iter().position(|k| *k == key).unwrap_or_else(|| {
            self.keys.push(key);
            self.keys.len() - 1
        });
        let i = u32::try_from(i).unwrap_or(u32::MAX);
        self.names.insert(raw.to_vec(), i);
        i
    }

    /// Count one row, or say why not (the caller then calls [`Counter::skip`] with the
    /// row's line, which is only worked out for rows that need it).
    fn row(
        &mut self,
        date: Option<i32>,
        date_text: &[u8],
        office: Option<&[u8]>,
        duplicate: Option<bool>,
    ) -> Option<(SkipReason, Vec<u8>)> {
        self.stats.rows_read += 1;
        if let Some(d) = duplicate {
            *self.stats.duplicates_flagged.get_or_insert(0) += u64::from(d);
            if d && self.options.drop_duplicates {
                return Some((SkipReason::Duplicate, date_text.to_vec()));
            }
        }
        let Some(day) = date else {
            return Some((SkipReason::UnparseableDate, date_text.to_vec()));
        };
        let office = match office {
            Some(raw) if trim_ascii(raw).is_empty() => {
                return Some((SkipReason::MissingOffice, raw.to_vec()));
            }
            Some(raw) => self.office_index(trim_ascii(raw)),
            None => 0,
        };
        let slot = office as usize;
        let counts = self.days.entry(day).or_default();
        if counts.len() <= slot {
            counts.resize(slot + 1, 0);
        }
        counts[slot] += 1;
        self.stats.rows_counted += 1;
        None
    }

    fn skip(&mut self, line: u64, reason: SkipReason, value: &[u8]) -> Result<(), RecordsError> {
        let value = String::from_utf8_lossy(value).into_owned();
        if self.options.strict && reason != SkipReason::Duplicate {
            return Err(RecordsError::Strict {
                path: self.path.clone(),
                line,
                reason,
                value,
            });
        }
        self.skipped[reason as usize] += 1;
        if self.stats.examples.len() < EXAMPLES {
            self.stats.examples.push(BadRow {
                line,
                reason,
                value,
            });
        }
        Ok(())
    }

    /// Add another worker's counts (its offices matched to ours by label).
    fn merge(&mut self, other: Self) {
        let map: Vec<usize> = other
            .keys
            .iter()
            .map(|k| {
                self.keys
                    .iter()
                    .position(|mine| mine == k)
                    .unwrap_or_else(|| {
                        self.keys.push(k.clone());
                        self.keys.len() - 1
                    })
            })
            .collect();
        for (day, counts) in other.days {
            let mine = self.days.entry(day).or_default();
            for (i, n) in counts.into_iter().enumerate() {
                let slot = map.get(i).copied().unwrap_or(i);
                if mine.len() <= slot {
                    mine.resize(slot + 1, 0);
                }
                mine[slot] += n;
            }
        }
        self.stats.rows_read += other.stats.rows_read;
        self.stats.rows_counted += other.stats.rows_counted;
        if let Some(d) = other.stats.duplicates_flagged {
            *self.stats.duplicates_flagged.get_or_insert(0) += d;
        }
        for (mine, theirs) in self.skipped.iter_mut().zip(other.skipped) {
            *mine += theirs;
        }
        self.stats.examples.extend(other.stats.examples);
        self.stats.examples.sort_by_key(|b| b.line);
        self.stats.examples.truncate(EXAMPLES);
    }

    fn finish(mut self, columns: &Columns) -> Aggregate {
        if columns.office.is_none() {
            self.keys = vec![OfficeKey {
                label: "all offices".into(),
                known: false,
            }];
        }
        self.stats.skipped = [
            SkipReason::UnparseableDate,
            SkipReason::MissingOffice,
            SkipReason::Duplicate,
        ]
        .into_iter()
        .map(|r| (r, self.skipped[r as usize]))
        .filter(|(_, n)| *n > 0)
        .collect();
        Aggregate {
            path: self.path,
            layout: columns.layout.clone(),
            date_column: columns.date_name.clone(),
            office_column: columns.office_name.clone(),
            offices: self.keys,
            days: self.days.into_iter().collect(),
            stats: self.stats,
        }
    }
}

fn trim_ascii(b: &[u8]) -> &[u8] {
    b.trim_ascii()
}

/// Map an area-of-responsibility value to a bundled office: "Dallas Area of
/// Responsibility", "Dallas", "DAL" and alternative codes all give DAL. Anything else
/// (including "HQ Area of Responsibility") keeps its name as written.
#[must_use]
pub fn resolve_office(text: &str, offices: &[FieldOffice]) -> OfficeKey {
    let trimmed = text.trim();
    let lower = trimmed.to_ascii_lowercase();
    let name = lower
        .strip_suffix("area of responsibility")
        .map_or(lower.as_str(), str::trim);
    let found = offices.iter().find(|o| {
        o.name.eq_ignore_ascii_case(name)
            || o.code.eq_ignore_ascii_case(trimmed)
            || o.alt_codes.iter().any(|c| c.eq_ignore_ascii_case(trimmed))
    });
    match found {
        Some(o) => OfficeKey {
            label: o.code.clone(),
            known: true,
        },
        None => OfficeKey {
            label: trimmed.to_string(),
            known: false,
        },
    }
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian), `None` if invalid.
#[must_use]
pub fn day_number(y: i32, m: u32, d: u32) -> Option<i32> {
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i32::try_from(m).ok()?;
    let d = i32::try_from(d).ok()?;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The civil date of a day number.
#[must_use]
pub fn civil(day: i32) -> (i32, u32, u32) {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    (
        y,
        u32::try_from(m).unwrap_or(1),
        u32::try_from(d).unwrap_or(1),
    )
}

const fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `YYYY-MM-DD` of a day number.
#[must_use]
pub fn iso(day: i32) -> String {
    let (y, m, d) = civil(day);
    format!("{y:04}-{m:02}-{d:02}")
}

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || b.len() > 9 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0, |n, c| n * 10 + u32::from(c - b'0')))
}

/// Read a date cell: `2025-01-26`, `2025-01-26T10:30:00`, `2025-01-26 10:30`,
/// `1/26/2025` (M/D/YYYY, optionally with a time), or an Excel serial day number
/// (`45683`, `45683.5`). Days since 1970-01-01; `None` if it is none of these.
#[must_use]
pub fn parse_date(cell: &[u8]) -> Option<i32> {
    let s = cell.trim_ascii();
    if s.len() >= 10 && s[4] == b'-' && s[7] == b'-' {
        if s.len() > 10 && !matches!(s[10], b'T' | b' ') {
            return None;
        }
        let y = i32::try_from(digits(&s[0..4])?).ok()?;
        return day_number(y, digits(&s[5..7])?, digits(&s[8..10])?);
    }
    if let Some(first) = s.iter().position(|&c| c == b'/') {
        let date = s.split(|&c| c == b' ').next()?;
        let mut parts = date.split(|&c| c == b'/');
        let (m, d, y) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || first > 2 || y.len() != 4 {
            return None;
        }
        return day_number(i32::try_from(digits(y)?).ok()?, digits(m)?, digits(d)?);
    }
    // Excel serial: day 25,569 is 1970-01-01; keep to 1900-2200.
    let whole = s.split(|&c| c == b'.').next()?;
    let frac_ok = s.len() == whole.len()
        || s[whole.len() + 1..].iter().all(u8::is_ascii_digit) && s.len() > whole.len() + 1;
    let n = i32::try_from(digits(whole)?).ok()?;
    (frac_ok && (1..=120_000).contains(&n)).then(|| n - 25_569)
}

fn is_true(cell: &[u8]) -> bool {
    let c = cell.trim_ascii();
    ["true", "1", "yes", "y", "t"]
        .iter()
        .any(|t| c.eq_ignore_ascii_case(t.as_bytes()))
}

fn find_columns(
    header: &[String],
    options: &Options,
    path: &str,
) -> Result<Option<Columns>, RecordsError> {
    let lower: Vec<String> = header
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let named = |name: &str| {
        lower
            .iter()
            .position(|h| *h == name.trim().to_ascii_lowercase())
    };
    let date = match &options.date_column {
        Some(name) => named(name),
        None => DATE_COLUMNS.iter().find_map(|c| named(c)),
    };
    let Some(date) = date else {
        return Ok(None);
    };
    let office = match &options.office_column {
        Some(name) => Some(named(name).ok_or_else(|| RecordsError::NoSuchColumn {
            path: path.to_string(),
            name: name.clone(),
            found: header.join(", "),
        })?),
        None => OFFICE_COLUMNS.iter().find_map(|c| named(c)),
    };
    let layout = if options.date_column.is_some() || options.office_column.is_some() {
        "named columns".to_string()
    } else if lower.iter().any(|h| h == "toa current duty aor") {
        "DDP raw, 2026 layout".to_string()
    } else if lower.iter().any(|h| h == "apprehension date") {
        "DDP raw, 2025 layout".to_string()
    } else {
        "DDP processed (snake_case)".to_string()
    };
    Ok(Some(Columns {
        date,
        office,
        duplicate: named(DUPLICATE_COLUMN),
        layout,
        date_name: header[date].trim().to_string(),
        office_name: office.map(|i| header[i].trim().to_string()),
    }))
}

/// The delimiter among comma, semicolon and tab that a line of the head (the first
/// lines, preamble included) uses most, outside quotes.
fn sniff_delimiter(head: &[u8]) -> u8 {
    let mut best = [0usize; 3];
    let mut line = [0usize; 3];
    let mut quoted = false;
    let mut lines = 0;
    for &b in head {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                for i in 0..3 {
                    best[i] = best[i].max(line[i]);
                }
                line = [0; 3];
                lines += 1;
                if lines > PREAMBLE_LIMIT {
                    break;
                }
            }
            b',' if !quoted => line[0] += 1,
            b';' if !quoted => line[1] += 1,
            b'\t' if !quoted => line[2] += 1,
            _ => {}
        }
    }
    for i in 0..3 {
        best[i] = best[i].max(line[i]);
    }
    let pick = (0..3).max_by_key(|&i| (best[i], 3 - i)).unwrap_or(0);
    [b',', b';', b'\t'][pick]
}

/// Read a records file (CSV or XLSX, by content), calling `progress` with how much is
/// done and the total, in bytes (CSV) or rows (XLSX).
///
/// # Errors
/// An unreadable file, no date column, an unknown named column, or (with `strict`) a
/// bad row.
pub fn read_file(
    path: &Path,
    offices: &[FieldOffice],
    options: &Options,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Aggregate, RecordsError> {
    let shown = path.display().to_string();
    let io = |e: std::io::Error| RecordsError::Io {
        path: shown.clone(),
        message: e.to_string(),
    };
    let mut file = std::fs::File::open(path).map_err(io)?;
    let mut magic = [0u8; 4];
    let n = file.read(&mut magic).map_err(io)?;
    drop(file);
    if n == 4 && magic == *b"PK\x03\x04" {
        return read_xlsx(path, offices, options, progress);
    }
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_or(0, |m| m.len());
    read_csv(&shown, file, offices, options, &mut |n| progress(n, size))
}

/// Bytes handed to a worker at a time: small enough to keep memory flat (a few chunks
/// are in flight), large enough to amortise the hand-over.
const CHUNK: usize = 1 << 20;

/// Read CSV from `input` (named `path` in messages).
///
/// The main thread reads chunks and cuts them at record boundaries (a newline outside
/// quotes); two workers parse chunks with `simd-csv` and count into their own
/// aggregates, which are merged at the end. Memory stays at a few chunks whatever the
/// file's size.
///
/// # Errors
/// See [`read_file`].
pub fn read_csv(
    path: &str,
    mut input: impl Read,
    offices: &[FieldOffice],
    options: &Options,
    progress: &mut dyn FnMut(u64),
) -> Result<Aggregate, RecordsError> {
    let io = |e: &dyn std::fmt::Display| RecordsError::Io {
        path: path.to_string(),
        message: e.to_string(),
    };
    let mut buffer = Vec::with_capacity(CHUNK);
    let mut read_total = 0u64;
    let mut eof = fill(&mut input, &mut buffer, CHUNK).map_err(|e| io(&e))?;
    read_total += buffer.len() as u64;
    progress(read_total);
    let head = Head::find(path, &buffer, options)?;
    let Some(head) = head else {
        return Err(no_date_column(path, options, &first_row(&buffer)));
    };
    buffer.drain(..head.data_start);
    let work = Work {
        columns: &head.columns,
        delimiter: head.delimiter,
    };
    let (tx, rx) = std::sync::mpsc::sync_channel::<(u64, Vec<u8>)>(1);
    let rx = std::sync::Mutex::new(rx);
    let results: Vec<Result<Counter<'_>, RecordsError>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..2)
            .map(|_| {
                scope.spawn(|| {
                    let mut counter = Counter::new(path, offices, options);
                    loop {
                        let next = rx.lock().map_or(None, |r| r.recv().ok());
                        let Some((line, bytes)) = next else {
                            return Ok(counter);
                        };
                        work.chunk(&mut counter, line, &bytes)?;
                    }
                })
            })
            .collect();
        // Cut and hand over chunks; `line` is the line number of each chunk's start.
        let mut line = head.data_line;
        let send = |bytes: Vec<u8>, newlines: u64, line: &mut u64| {
            let start = *line;
            *line += newlines;
            tx.send((start, bytes)).is_ok()
        };
        let mut cut_and_send = || -> Result<(), RecordsError> {
            loop {
                if eof {
                    if !buffer.is_empty() {
                        send(std::mem::take(&mut buffer), 0, &mut line);
                    }
                    return Ok(());
                }
                let (cut, newlines) = last_boundary(&buffer);
                if cut > 0 && buffer.len() >= CHUNK / 2 {
                    let rest = buffer.split_off(cut);
                    if !send(std::mem::replace(&mut buffer, rest), newlines, &mut line) {
                        return Ok(());
                    }
                }
                let before = buffer.len();
                eof = fill(&mut input, &mut buffer, CHUNK).map_err(|e| io(&e))?;
                read_total += (buffer.len() - before) as u64;
                progress(read_total);
            }
        };
        let reading = cut_and_send();
        drop(tx);
        let mut out: Vec<Result<Counter<'_>, RecordsError>> = workers
            .into_iter()
            .map(|w| {
                w.join()
                    .unwrap_or_else(|_| Err(io(&"a reading thread failed")))
            })
            .collect();
        if let Err(e) = reading {
            out.push(Err(e));
        }
        out
    });
    let mut merged = merge_results(results, Counter::new(path, offices, options))?;
    merged.stats.preamble_rows = head.preamble;
    Ok(merged.finish(&head.columns))
}

/// Merge the workers' counts; an I/O error wins, then the earliest `--strict` row.
fn merge_results<'a>(
    results: Vec<Result<Counter<'a>, RecordsError>>,
    mut merged: Counter<'a>,
) -> Result<Counter<'a>, RecordsError> {
    let mut first_error: Option<RecordsError> = None;
    for r in results {
        match r {
            Ok(c) => merged.merge(c),
            Err(e) => {
                let replace = match (&first_error, &e) {
                    (
                        Some(RecordsError::Strict { line: a, .. }),
                        RecordsError::Strict { line: b, .. },
                    ) => b < a,
                    (Some(RecordsError::Strict { .. }) | None, _) => true,
                    _ => false,
                };
                if replace {
                    first_error = Some(e);
                }
            }
        }
    }
    first_error.map_or(Ok(merged), Err)
}

/// Read until `buffer` holds at least `want` more bytes or the input ends; true at
/// the end.
fn fill(input: &mut impl Read, buffer: &mut Vec<u8>, want: usize) -> std::io::Result<bool> {
    // `read_to_end` on a `take` appends without zeroing the space first.
    let got = input.take(want as u64).read_to_end(buffer)?;
    Ok(got < want)
}

/// The end of the last complete record in `bytes` (just past a newline that is not
/// inside quotes), or 0. `bytes` starts at a record boundary.
/// Also returns the number of newlines before the cut (quoted ones included), which
/// advances the line count.
fn last_boundary(bytes: &[u8]) -> (usize, u64) {
    let mut quoted = false;
    let (mut cut, mut seen, mut at_cut) = (0, 0, 0);
    for i in memchr::memchr2_iter(b'"', b'\n', bytes) {
        if bytes[i] == b'"' {
            quoted = !quoted;
        } else {
            seen += 1;
            if !quoted {
                cut = i + 1;
                at_cut = seen;
            }
        }
    }
    (cut, at_cut)
}

/// The header, found in the first chunk.
struct Head {
    columns: Columns,
    delimiter: u8,
    /// Byte offset of the first data row.
    data_start: usize,
    /// Line number of the first data row.
    data_line: u64,
    /// Non-blank rows above the header.
    preamble: u64,
}

impl Head {
    fn find(path: &str, first: &[u8], options: &Options) -> Result<Option<Self>, RecordsError> {
        let delimiter = sniff_delimiter(first);
        let mut reader = simd_csv::ZeroCopyReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(first);
        let mut preamble = 0;
        while let Ok(Some(record)) = reader.read_byte_record() {
            let names: Vec<String> = (0..record.len())
                .map(|i| {
                    String::from_utf8_lossy(&record.unescape(i).unwrap_or_default()).into_owned()
                })
                .collect();
            if let Some(columns) = find_columns(&names, options, path)? {
                let data_start = usize::try_from(reader.position()).unwrap_or(first.len());
                // Step over the header's line end.
                let mut start = data_start.min(first.len());
                if first.get(start) == Some(&b'\r') {
                    start += 1;
                }
                if first.get(start) == Some(&b'\n') {
                    start += 1;
                }
                let data_line = memchr::memchr_iter(b'\n', &first[..start]).count() as u64 + 1;
                return Ok(Some(Self {
                    columns,
                    delimiter,
                    data_start: start,
                    data_line,
                    preamble,
                }));
            }
            preamble += 1;
            if preamble > PREAMBLE_LIMIT as u64 {
                break;
            }
        }
        Ok(None)
    }
}

fn first_row(bytes: &[u8]) -> Vec<String> {
    let mut reader = simd_csv::ZeroCopyReaderBuilder::new()
        .delimiter(sniff_delimiter(bytes))
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    match reader.read_byte_record() {
        Ok(Some(r)) => (0..r.len())
            .map(|i| String::from_utf8_lossy(&r.unescape(i).unwrap_or_default()).into_owned())
            .collect(),
        _ => Vec::new(),
    }
}

/// What every worker needs to parse a chunk.
struct Work<'a> {
    columns: &'a Columns,
    delimiter: u8,
}

impl Work<'_> {
    /// Count the records of one chunk, which starts on line `line`.
    fn chunk(
        &self,
        counter: &mut Counter<'_>,
        line: u64,
        bytes: &[u8],
    ) -> Result<(), RecordsError> {
        let cols = self.columns;
        // The chunk is in memory: simd-csv's TotalReader parses it in place.
        let mut reader = simd_csv::TotalReaderBuilder::new()
            .delimiter(self.delimiter)
            .has_headers(false)
            .from_bytes(bytes);
        let mut record = simd_csv::ByteRecord::new();
        // Line numbers are only worked out for bad rows: the newlines between the
        // chunk's start and the record's end, counted lazily so the total work stays
        // linear, less the record's own (quoted) newlines.
        let (mut counted_to, mut newlines) = (0usize, 0u64);
        while reader.read_byte_record(&mut record) {
            let cell = |i: usize| record.get(i).unwrap_or_default();
            let date_cell = cell(cols.date);
            let office = cols.office.map(cell);
            let duplicate = cols.duplicate.map(|i| is_true(cell(i)));
            let pending = counter.row(parse_date(date_cell), date_cell, office, duplicate);
            if let Some((reason, value)) = pending {
                // The reader's position is past the record and its line end, if any.
                let mut end = usize::try_from(reader.position()).unwrap_or(bytes.len());
                end = end.min(bytes.len());
                if end > 0 && bytes[end - 1] == b'\n' {
                    end -= 1;
                    if end > 0 && bytes[end - 1] == b'\r' {
                        end -= 1;
                    }
                }
                let end = end.max(counted_to);
                newlines += memchr::memchr_iter(b'\n', &bytes[counted_to..end]).count() as u64;
                counted_to = end;
                let own = memchr::memchr_iter(b'\n', record.as_slice()).count() as u64;
                counter.skip(line + newlines - own.min(newlines), reason, &value)?;
            }
        }
        Ok(())
    }
}

fn no_date_column(path: &str, options: &Options, first: &[String]) -> RecordsError {
    match &options.date_column {
        Some(name) => RecordsError::NoSuchColumn {
            path: path.to_string(),
            name: name.clone(),
            found: first.join(", "),
        },
        None => RecordsError::NoDateColumn {
            path: path.to_string(),
            wanted: DATE_COLUMNS.join(" or "),
        },
    }
}

/// Read the first worksheet of an XLSX file, streaming its cells row by row (only the
/// shared-strings table is held, not the sheet).
///
/// # Errors
/// See [`read_file`].
pub fn read_xlsx(
    path: &Path,
    offices: &[FieldOffice],
    options: &Options,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Aggregate, RecordsError> {
    use calamine::{Reader, Xlsx, open_workbook};
    let shown = path.display().to_string();
    let io = |e: &dyn std::fmt::Display| RecordsError::Io {
        path: shown.clone(),
        message: e.to_string(),
    };
    let mut book: Xlsx<_> = open_workbook(path).map_err(|e| io(&e))?;
    let sheet = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| io(&"the workbook has no sheets"))?;
    let mut cells = book.worksheet_cells_reader(&sheet).map_err(|e| io(&e))?;
    let total_rows = u64::from(cells.dimensions().end.0) + 1;
    let mut sheet_rows = SheetRows {
        path: &shown,
        options,
        header: None,
        preamble: 0,
        first_names: Vec::new(),
        counter: Counter::new(&shown, offices, options),
    };
    let mut row_number: Option<u32> = None;
    let mut row: Vec<(u32, XlsxCell)> = Vec::new();
    while let Some(cell) = cells.next_cell().map_err(|e| io(&e))? {
        let (r, c) = cell.get_position();
        if row_number != Some(r) {
            if let Some(prev) = row_number {
                if !sheet_rows.row(prev, &row)? {
                    break;
                }
                if prev % 10_000 == 0 {
                    progress(u64::from(prev), total_rows);
                }
            }
            row.clear();
            row_number = Some(r);
        }
        if sheet_rows.wants(c) {
            row.push((c, XlsxCell::of(cell.get_value())));
        }
    }
    if let Some(prev) = row_number {
        sheet_rows.row(prev, &row)?;
    }
    let Some(cols) = sheet_rows.header.take() else {
        return Err(no_date_column(&shown, options, &sheet_rows.first_names));
    };
    let mut counter = sheet_rows.counter;
    counter.stats.preamble_rows = sheet_rows.preamble;
    Ok(counter.finish(&cols))
}

/// A cell's value as the records reader needs it.
enum XlsxCell {
    /// Text (or a number written as text).
    Text(String),
    /// An Excel date: its serial day number.
    Serial(f64),
}

impl XlsxCell {
    fn of(value: &calamine::DataRef<'_>) -> Self {
        use calamine::DataRef;
        match value {
            DataRef::DateTime(d) => Self::Serial(d.as_f64()),
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
                Self::Text(s.clone())
            }
            DataRef::SharedString(s) => Self::Text((*s).to_string()),
            DataRef::Float(f) => Self::Text(f.to_string()),
            DataRef::Int(i) => Self::Text(i.to_string()),
            DataRef::Bool(b) => Self::Text(b.to_string()),
            DataRef::Error(e) => Self::Text(format!("{e:?}")),
            DataRef::Empty => Self::Text(String::new()),
        }
    }

    fn text(&self) -> String {
        match self {
            Self::Text(s) => s.clone(),
            Self::Serial(f) => f.to_string(),
        }
    }
}

/// The rows of a sheet, header first.
struct SheetRows<'a> {
    path: &'a str,
    options: &'a Options,
    header: Option<Columns>,
    preamble: u64,
    first_names: Vec<String>,
    counter: Counter<'a>,
}

impl SheetRows<'_> {
    /// Whether column `c` is kept: all of them until the header is found.
    fn wants(&self, c: u32) -> bool {
        let c = c as usize;
        self.header
            .as_ref()
            .is_none_or(|h| c == h.date || h.office == Some(c) || h.duplicate == Some(c))
    }

    /// Take one row (0-based sheet row `r`); false to stop.
    fn row(&mut self, r: u32, cells: &[(u32, XlsxCell)]) -> Result<bool, RecordsError> {
        let get = |c: usize| cells.iter().find(|(i, _)| *i as usize == c).map(|(_, v)| v);
        let Some(cols) = &self.header else {
            let width = cells
                .iter()
                .map(|(c, _)| *c as usize + 1)
                .max()
                .unwrap_or(0);
            let names: Vec<String> = (0..width)
                .map(|c| get(c).map_or_else(String::new, XlsxCell::text))
                .collect();
            if self.first_names.is_empty() {
                self.first_names.clone_from(&names);
            }
            match find_columns(&names, self.options, self.path)? {
                Some(c) => self.header = Some(c),
                None if self.preamble < PREAMBLE_LIMIT as u64 => self.preamble += 1,
                None => return Ok(false),
            }
            return Ok(true);
        };
        let (date, date_text) = match get(cols.date) {
            Some(XlsxCell::Serial(f)) => {
                #[expect(clippy::cast_possible_truncation, reason = "an Excel day number")]
                let serial = f.floor() as i32;
                (Some(serial - 25_569), f.to_string())
            }
            Some(XlsxCell::Text(t)) => (parse_date(t.as_bytes()), t.clone()),
            None => (None, String::new()),
        };
        let office = cols
            .office
            .map(|c| get(c).map_or_else(String::new, XlsxCell::text));
        let duplicate = cols
            .duplicate
            .map(|c| get(c).is_some_and(|v| is_true(v.text().as_bytes())));
        if let Some((reason, value)) = self.counter.row(
            date,
            date_text.as_bytes(),
            office.as_deref().map(str::as_bytes),
            duplicate,
        ) {
            self.counter.skip(u64::from(r) + 1, reason, &value)?;
        }
        Ok(true)
    }
}

/// How to group days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// Each day.
    Day,
    /// Weeks starting on Sunday (as DDP's weekly counts).
    Week,
    /// Calendar months.
    Month,
    /// Fiscal years (October to September).
    Fy,
}

impl Period {
    /// The CSV column name of the period.
    #[must_use]
    pub const fn column(self) -> &'static str {
        match self {
            Self::Day => "date",
            Self::Week => "week_start",
            Self::Month => "month",
            Self::Fy => "fiscal_year",
        }
    }

    /// The first and last day of the period holding `day`, and its label.
    #[must_use]
    pub fn span(self, day: i32) -> (i32, i32, String) {
        match self {
            Self::Day => (day, day, iso(day)),
            Self::Week => {
                // 1970-01-01 was a Thursday; Sunday-based weekday.
                let weekday = (day + 4).rem_euclid(7);
                let start = day - weekday;
                (start, start + 6, iso(start))
            }
            Self::Month => {
                let (y, m, _) = civil(day);
                let start = day_number(y, m, 1).unwrap_or(day);
                let end = start + i32::try_from(days_in_month(y, m)).unwrap_or(30) - 1;
                (start, end, format!("{y:04}-{m:02}"))
            }
            Self::Fy => {
                let (y, m, _) = civil(day);
                let fy = if m >= 10 { y + 1 } else { y };
                let start = day_number(fy - 1, 10, 1).unwrap_or(day);
                let end = day_number(fy, 9, 30).unwrap_or(day);
                (start, end, fy.to_string())
            }
        }
    }
}

/// One period's count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeriodRow {
    /// The period's label (`2025-01-26`, `2025-01`, `2025`).
    pub period: String,
    /// The office, for per-office reports.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub office: Option<String>,
    /// Arrests counted.
    pub count: u64,
    /// First day of the period.
    pub start: String,
    /// Last day of the period.
    pub end: String,
    /// Whether the file covers only part of the period, and which dates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partial: Option<(String, String)>,
    /// Days of the period that the file covers.
    pub days_covered: i32,
}

impl Aggregate {
    /// First and last day with a counted row.
    #[must_use]
    pub fn covered(&self) -> Option<(i32, i32)> {
        Some((*self.days.keys().next()?, *self.days.keys().next_back()?))
    }

    /// Counts per period (and per office when `by_office`), in order.
    #[must_use]
    pub fn report(&self, period: Period, by_office: bool) -> Vec<PeriodRow> {
        let Some((first, last)) = self.covered() else {
            return Vec::new();
        };
        let mut groups: std::collections::BTreeMap<(i32, usize), u64> =
            std::collections::BTreeMap::new();
        let mut spans: HashMap<i32, (i32, String)> = HashMap::new();
        for (day, counts) in &self.days {
            let (start, end, label) = period.span(*day);
            spans.entry(start).or_insert((end, label));
            for (office, n) in counts.iter().enumerate() {
                if *n > 0 {
                    let key = (start, if by_office { office } else { 0 });
                    *groups.entry(key).or_insert(0) += n;
                }
            }
        }
        let mut rows: Vec<PeriodRow> = groups
            .into_iter()
            .map(|((start, office), count)| {
                let (end, label) = spans[&start].clone();
                let partial = (first > start || last < end)
                    .then(|| (iso(first.max(start)), iso(last.min(end))));
                let days_covered = last.min(end) - first.max(start) + 1;
                PeriodRow {
                    period: label,
                    office: by_office.then(|| self.offices[office].label.clone()),
                    count,
                    start: iso(start),
                    end: iso(end),
                    partial,
                    days_covered,
                }
            })
            .collect();
        // Within a period, offices in label order.
        rows.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.office.cmp(&b.office)));
        rows
    }

    /// Arrests per fiscal year.
    #[must_use]
    pub fn fiscal_years(&self) -> Vec<(i32, u64, bool)> {
        self.report(Period::Fy, false)
            .into_iter()
            .filter_map(|r| Some((r.period.parse().ok()?, r.count, r.partial.is_some())))
            .collect()
    }

    /// Arrests per day over the whole file, per office (index into `offices`).
    #[must_use]
    pub fn office_daily_average(&self) -> Vec<(String, bool, f64)> {
        let Some((first, last)) = self.covered() else {
            return Vec::new();
        };
        let days = f64::from(last - first + 1);
        let mut totals = vec![0u64; self.offices.len()];
        for counts in self.days.values() {
            for (i, n) in counts.iter().enumerate() {
                totals[i] += n;
            }
        }
        #[expect(clippy::cast_precision_loss, reason = "an average for display")]
        self.offices
            .iter()
            .zip(totals)
            .map(|(o, n)| (o.label.clone(), o.known, n as f64 / days))
            .collect()
    }

    /// Arrests per day in each period (weeks start on Sunday), over the days of the
    /// period that the file covers: (period label, arrests per day).
    #[must_use]
    pub fn pace(&self, period: Period) -> Vec<(String, f64)> {
        self.report(period, false)
            .into_iter()
            .map(|r| {
                #[expect(clippy::cast_precision_loss, reason = "a pace for charts")]
                let pace = r.count as f64 / f64::from(r.days_covered.max(1));
                (r.period, pace)
            })
            .collect()
    }

    /// Offices kept under their own names (not matched to a bundled office).
    #[must_use]
    pub fn unmatched_offices(&self) -> Vec<&str> {
        self.offices
            .iter()
            .filter(|o| !o.known)
            .map(|o| o.label.as_str())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Dataset;

    fn offices() -> Vec<FieldOffice> {
        Dataset::bundled().unwrap().offices
    }

    fn read(text: &str, options: &Options) -> Result<Aggregate, RecordsError> {
        read_csv("t.csv", text.as_bytes(), &offices(), options, &mut |_| {})
    }

    #[test]
    fn dates_in_every_accepted_form() {
        let d = day_number(2025, 1, 26).unwrap();
        assert_eq!(iso(d), "2025-01-26");
        for text in [
            "2025-01-26",
            "2025-01-26T10:30:00",
            "2025-01-26 10:30",
            "1/26/2025",
            "01/26/2025 8:15",
            "45683",
            "45683.25",
        ] {
            assert_eq!(parse_date(text.as_bytes()), Some(d), "{text}");
        }
        for bad in [
            "",
            "2025-02-30",
            "13/1/2025",
            "26.01.2025",
            "yesterday",
            "2025-01-26x",
            "b(6), b(7)c",
        ] {
            assert_eq!(parse_date(bad.as_bytes()), None, "{bad}");
        }
        assert_eq!(iso(day_number(2024, 2, 29).unwrap()), "2024-02-29");
        assert_eq!(day_number(1970, 1, 1), Some(0));
    }

    #[test]
    fn fiscal_year_boundaries_and_leap_days() {
        let fy = |y, m, d| Period::Fy.span(day_number(y, m, d).unwrap()).2;
        assert_eq!(fy(2024, 9, 30), "2024");
        assert_eq!(fy(2024, 10, 1), "2025");
        assert_eq!(fy(2024, 2, 29), "2024");
        let (start, end, _) = Period::Fy.span(day_number(2024, 2, 29).unwrap());
        assert_eq!(end - start + 1, 366);
        let (s, _, label) = Period::Week.span(day_number(2025, 1, 29).unwrap());
        assert_eq!(
            (iso(s).as_str(), label.as_str()),
            ("2025-01-26", "2025-01-26")
        );
        assert_eq!(
            Period::Month.span(day_number(2024, 2, 10).unwrap()).1,
            day_number(2024, 2, 29).unwrap()
        );
    }

    #[test]
    fn offices_map_to_codes_and_unknown_names_are_kept() {
        let o = offices();
        assert_eq!(
            resolve_office("Dallas Area of Responsibility", &o).label,
            "DAL"
        );
        assert_eq!(
            resolve_office("new york city area of responsibility", &o).label,
            "NYC"
        );
        assert_eq!(resolve_office("HAL", &o).label, "HLG");
        let hq = resolve_office("HQ Area of Responsibility", &o);
        assert_eq!(
            (hq.label.as_str(), hq.known),
            ("HQ Area of Responsibility", false)
        );
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
                    value: "not a date".into()
                },
                BadRow {
                    line: 7,
                    reason: SkipReason::MissingOffice,
                    value: String::new()
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
        let tabbed = "Apprehension Date\tTOA Current Duty AOR\r\n2025-01-26\tHouston Area of Responsibility\r\n";
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
}

#[cfg(test)]
mod chunk_tests {
    use super::*;
    use crate::data::Dataset;
    use std::fmt::Write as _;

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
}
