//! The Parquet reader (the `parquet` crate, without arrow): only the needed columns are
//! read, each row group's columns decoded at once on their own threads into compact
//! vectors (a day per row; a dictionary index per row for text), then counted in row
//! order. Dates may be timestamps (milli-, micro- or nanoseconds, taken as UTC days),
//! dates, INT96 or text; flags booleans or "TRUE"/"FALSE" text; dictionary-encoded
//! strings are decoded once per distinct value.

use std::path::Path;

use parquet::basic::{ConvertedType, LogicalType, TimeUnit, Type as Physical};
use parquet::column::reader::{ColumnReader, ColumnReaderImpl};
use parquet::data_type::DataType;
use parquet::file::reader::{FileReader, SerializedFileReader};
use rustc_hash::FxHashMap;

use super::count::{Columns, Counter, find_columns};
use super::csv::no_date_column;
use super::dates::day_number;
use super::{Aggregate, Options, RecordsError, parse_date};
use crate::data::FieldOffice;

/// Records decoded per call.
const BATCH: usize = 64 * 1024;
/// A row without a usable day.
const NO_DAY: i32 = i32::MIN;
/// A null text cell.
const NULL: u32 = super::pages::NULL;

/// One column of one row group, decoded.
enum Decoded {
    /// Days since 1970-01-01 ([`NO_DAY`] for null or out of range).
    Days(Vec<i32>),
    /// Text (or numbers as text): distinct values and each row's index ([`NULL`]).
    Text { dict: Vec<Vec<u8>>, rows: Vec<u32> },
}

impl Decoded {
    fn len(&self) -> usize {
        match self {
            Self::Days(d) => d.len(),
            Self::Text { rows, .. } => rows.len(),
        }
    }

    /// Row `i`'s cell as text (empty for null; a day as `YYYY-MM-DD`, not needed
    /// for counting but for the report's examples).
    fn text(&self, i: usize) -> &[u8] {
        match self {
            Self::Days(_) => b"",
            Self::Text { dict, rows } => rows
                .get(i)
                .and_then(|&k| dict.get(k as usize))
                .map_or(&b""[..], Vec::as_slice),
        }
    }
}

/// The earliest and latest days a date column may give (years 1 to 9999), as for text.
fn day_range() -> (i32, i32) {
    (
        day_number(1, 1, 1).unwrap_or(i32::MIN + 1),
        day_number(9999, 12, 31).unwrap_or(i32::MAX),
    )
}

/// Read a Parquet file.
///
/// # Errors
/// A file that is not readable Parquet (truncated, corrupt), no date column, an unknown
/// named column, a date column of a type that holds no date, or (with `strict`) a bad
/// row.
pub fn read_parquet(
    path: &Path,
    offices: &[FieldOffice],
    options: &Options,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Aggregate, RecordsError> {
    let shown = path.display().to_string();
    let bad = |e: &dyn std::fmt::Display| RecordsError::Format {
        path: shown.clone(),
        what: format!(
            "not a readable Parquet file ({})",
            crate::text::echo(&e.to_string())
        ),
    };
    let open = || -> Result<SerializedFileReader<std::fs::File>, RecordsError> {
        let file = std::fs::File::open(path).map_err(|e| RecordsError::Io {
            path: shown.clone(),
            message: e.to_string(),
        })?;
        SerializedFileReader::new(file).map_err(|e| bad(&e))
    };
    let reader = open()?;
    let meta = reader.metadata();
    let schema = meta.file_metadata().schema_descr();
    let names: Vec<String> = schema
        .columns()
        .iter()
        .map(|c| c.name().to_string())
        .collect();
    let Some(cols) = find_columns(&names, options, &shown)? else {
        return Err(no_date_column(&shown, options, &names));
    };
    let date_descr = schema.column(cols.date);
    let date_kind = DateKind::of(
        date_descr.physical_type(),
        date_descr.logical_type_ref(),
        date_descr.converted_type(),
    )
    .ok_or_else(|| RecordsError::Format {
        path: shown.clone(),
        what: format!(
            "column \"{}\" is {:?}, which holds no date; name another with --date-column",
            crate::text::echo(date_descr.name()),
            date_descr.physical_type()
        ),
    })?;
    let total = u64::try_from(meta.file_metadata().num_rows()).unwrap_or(0);
    let needed: Vec<usize> = {
        let mut n: Vec<usize> = cols.needed().collect();
        n.sort_unstable();
        n.dedup();
        n
    };
    let mut counter = Counter::new(&shown, offices, options);
    let mut done = 0u64;
    for rg in 0..reader.num_row_groups() {
        // Each needed column of the row group on its own thread, with its own reader
        // (a shared file handle would share its seek position).
        let decoded: Vec<Result<Decoded, RecordsError>> = std::thread::scope(|scope| {
            let handles: Vec<_> = needed
                .iter()
                .map(|&c| {
                    let kind = (c == cols.date).then_some(date_kind);
                    let descr = schema.column(c);
                    let max_def = descr.max_def_level();
                    // A flat text column whose pages are all dictionary-encoded is
                    // read from its pages (no row's text copied or hashed).
                    let by_pages =
                        descr.physical_type() == Physical::BYTE_ARRAY && descr.max_rep_level() == 0;
                    let rows = usize::try_from(meta.row_group(rg).num_rows()).unwrap_or(0);
                    let open = &open;
                    let bad = &bad;
                    scope.spawn(move || -> Result<Decoded, RecordsError> {
                        let reader = open()?;
                        let group = reader.get_row_group(rg).map_err(|e| bad(&e))?;
                        if by_pages {
                            let pages = group.get_column_page_reader(c).map_err(|e| bad(&e))?;
                            match super::pages::dictionary_text(pages, max_def, rows) {
                                Ok((dict, rows)) => return Ok(Decoded::Text { dict, rows }),
                                Err(super::pages::Refusal::Bad(e)) => return Err(bad(&e)),
                                Err(super::pages::Refusal::Other) => {}
                            }
                        }
                        let column = group.get_column_reader(c).map_err(|e| bad(&e))?;
                        decode(column, max_def, kind).map_err(|e| bad(&e))
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|_| Err(bad(&"a column could not be decoded")))
                })
                .collect()
        });
        let mut by_column: FxHashMap<usize, Decoded> = FxHashMap::default();
        for (c, d) in needed.iter().zip(decoded) {
            by_column.insert(*c, d?);
        }
        let rows = by_column.get(&cols.date).map_or(0, Decoded::len);
        if by_column.values().any(|d| d.len() != rows) {
            return Err(bad(&"its columns have different row counts"));
        }
        count_rows(&cols, &by_column, rows, done, &mut counter)?;
        done += rows as u64;
        progress(done, total);
    }
    Ok(counter.finish(&cols))
}

/// Count one row group's decoded rows, split into one range per core, each counted
/// into its own counter and merged; `first` is the row number before the group.
fn count_rows(
    cols: &Columns,
    by_column: &FxHashMap<usize, Decoded>,
    rows: usize,
    first: u64,
    counter: &mut Counter<'_>,
) -> Result<(), RecordsError> {
    let date = &by_column[&cols.date];
    // A text date column: each distinct value parsed once.
    let parsed: Option<Vec<Option<i32>>> = match date {
        Decoded::Text { dict, .. } => Some(dict.iter().map(|v| parse_date(v)).collect()),
        Decoded::Days(_) => None,
    };
    let workers = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    let per = rows.div_ceil(workers).max(1);
    let results: Vec<Result<Counter<'_>, RecordsError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..rows)
            .step_by(per)
            .map(|start| {
                let mut part = counter.fresh();
                let parsed = &parsed;
                scope.spawn(move || {
                    // Each distinct office looked up once, not once a row.
                    let offices: Option<(&Vec<u32>, Vec<u32>)> =
                        match cols.office.and_then(|c| by_column.get(&c)) {
                            Some(Decoded::Text { dict, rows }) => {
                                let ids = dict
                                    .iter()
                                    .map(|v| {
                                        if v.trim_ascii().is_empty() {
                                            u32::MAX // never used: a blank office is skipped
                                        } else {
                                            part.office_index(v)
                                        }
                                    })
                                    .collect();
                                Some((rows, ids))
                            }
                            _ => None,
                        };
                    for i in start..(start + per).min(rows) {
                        let day = match (date, parsed) {
                            (Decoded::Days(d), _) => Some(d[i]).filter(|d| *d != NO_DAY),
                            (Decoded::Text { rows, .. }, Some(p)) => {
                                p.get(rows[i] as usize).copied().flatten()
                            }
                            (Decoded::Text { .. }, None) => None,
                        };
                        let cell = |c: usize| by_column.get(&c).map_or(&b""[..], |d| d.text(i));
                        let mut row = cols.row(day, cell);
                        if let Some((rows, ids)) = &offices {
                            row.office_index =
                                rows.get(i).and_then(|&k| ids.get(k as usize)).copied();
                        }
                        if let Some((reason, value)) = part.row(row) {
                            // The row number in the file, from 1 (Parquet has no lines).
                            part.skip(first + i as u64 + 1, reason, &value)?;
                        }
                    }
                    Ok(part)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| {
                    Err(RecordsError::Io {
                        path: String::new(),
                        message: "a counting thread failed".into(),
                    })
                })
            })
            .collect()
    });
    let merged = super::csv::merge_results(results, counter.fresh())?;
    counter.merge(merged)
}

/// How a date column stores its dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateKind {
    /// INT64 timestamps, this many units a day.
    Timestamp(i64),
    /// INT32 days since 1970-01-01.
    Date,
    /// Legacy INT96 timestamps (Julian day and nanoseconds).
    Int96,
    /// Text, parsed like a CSV cell.
    Text,
}

impl DateKind {
    fn of(
        physical: Physical,
        logical: Option<&LogicalType>,
        converted: ConvertedType,
    ) -> Option<Self> {
        const DAY_MS: i64 = 86_400_000;
        match (physical, logical, converted) {
            (Physical::INT64, Some(LogicalType::Timestamp { unit, .. }), _) => {
                Some(Self::Timestamp(match unit {
                    TimeUnit::MILLIS => DAY_MS,
                    TimeUnit::MICROS => DAY_MS * 1000,
                    TimeUnit::NANOS => DAY_MS * 1_000_000,
                }))
            }
            (Physical::INT64, None, ConvertedType::TIMESTAMP_MILLIS) => {
                Some(Self::Timestamp(DAY_MS))
            }
            (Physical::INT64, None, ConvertedType::TIMESTAMP_MICROS) => {
                Some(Self::Timestamp(DAY_MS * 1000))
            }
            (Physical::INT32, Some(LogicalType::Date), _)
            | (Physical::INT32, None, ConvertedType::DATE) => Some(Self::Date),
            (Physical::INT96, _, _) => Some(Self::Int96),
            (Physical::BYTE_ARRAY, _, _) => Some(Self::Text),
            _ => None,
        }
    }
}

/// Decode a whole column chunk whose leaves have definition level `max_def` when
/// present; `date` for the date column.
fn decode(
    column: ColumnReader,
    max_def: i16,
    date: Option<DateKind>,
) -> parquet::errors::Result<Decoded> {
    let (lo, hi) = day_range();
    let in_range = |d: i64| {
        i32::try_from(d)
            .ok()
            .filter(|d| (lo..=hi).contains(d))
            .unwrap_or(NO_DAY)
    };
    Ok(match (column, date) {
        (ColumnReader::Int64ColumnReader(r), Some(DateKind::Timestamp(per_day))) => {
            Decoded::Days(read_all(r, max_def, |v: Option<&i64>| {
                v.map_or(NO_DAY, |v| in_range(v.div_euclid(per_day)))
            })?)
        }
        (ColumnReader::Int32ColumnReader(r), Some(DateKind::Date)) => {
            Decoded::Days(read_all(r, max_def, |v: Option<&i32>| {
                v.map_or(NO_DAY, |v| in_range(i64::from(*v)))
            })?)
        }
        (ColumnReader::Int96ColumnReader(r), Some(DateKind::Int96)) => {
            // Julian day 2,440,588 is 1970-01-01.
            Decoded::Days(read_all(
                r,
                max_def,
                |v: Option<&parquet::data_type::Int96>| {
                    v.map_or(NO_DAY, |v| in_range(i64::from(v.data()[2]) - 2_440_588))
                },
            )?)
        }
        (ColumnReader::ByteArrayColumnReader(r), _) => {
            let mut text = TextColumn::default();
            let rows = read_all(r, max_def, |v: Option<&parquet::data_type::ByteArray>| {
                v.map_or(NULL, |v| text.index(v.data()))
            })?;
            Decoded::Text {
                dict: text.dict,
                rows,
            }
        }
        (ColumnReader::BoolColumnReader(r), _) => {
            let mut text = TextColumn::default();
            let rows = read_all(r, max_def, |v: Option<&bool>| {
                v.map_or(NULL, |v| text.index(if *v { b"TRUE" } else { b"FALSE" }))
            })?;
            Decoded::Text {
                dict: text.dict,
                rows,
            }
        }
        (ColumnReader::Int32ColumnReader(r), _) => {
            let mut text = TextColumn::default();
            let rows = read_all(r, max_def, |v: Option<&i32>| {
                v.map_or(NULL, |v| text.index(v.to_string().as_bytes()))
            })?;
            Decoded::Text {
                dict: text.dict,
                rows,
            }
        }
        (ColumnReader::Int64ColumnReader(r), _) => {
            let mut text = TextColumn::default();
            let rows = read_all(r, max_def, |v: Option<&i64>| {
                v.map_or(NULL, |v| text.index(v.to_string().as_bytes()))
            })?;
            Decoded::Text {
                dict: text.dict,
                rows,
            }
        }
        _ => {
            return Err(parquet::errors::ParquetError::General(
                "a needed column has a type this reader does not take".into(),
            ));
        }
    })
}

/// Distinct text values, each indexed once.
#[derive(Default)]
struct TextColumn {
    index: FxHashMap<Vec<u8>, u32>,
    dict: Vec<Vec<u8>>,
}

impl TextColumn {
    fn index(&mut self, v: &[u8]) -> u32 {
        if let Some(i) = self.index.get(v) {
            return *i;
        }
        let i = u32::try_from(self.dict.len()).unwrap_or(NULL - 1);
        self.index.insert(v.to_vec(), i);
        self.dict.push(v.to_vec());
        i
    }
}

/// Every value of a column chunk through `f` (`None` for null), in row order.
fn read_all<T: DataType, U>(
    mut reader: ColumnReaderImpl<T>,
    max_def: i16,
    mut f: impl FnMut(Option<&T::T>) -> U,
) -> parquet::errors::Result<Vec<U>> {
    let mut out = Vec::new();
    let mut defs: Vec<i16> = Vec::with_capacity(BATCH);
    let mut values: Vec<T::T> = Vec::with_capacity(BATCH);
    loop {
        defs.clear();
        values.clear();
        let (records, _, levels) =
            reader.read_records(BATCH, (max_def > 0).then_some(&mut defs), None, &mut values)?;
        if records == 0 {
            break;
        }
        if max_def == 0 {
            out.extend(values.iter().map(|v| f(Some(v))));
        } else {
            let mut next = values.iter();
            for d in &defs[..levels] {
                out.push(if *d == max_def {
                    f(next.next())
                } else {
                    f(None)
                });
            }
        }
    }
    Ok(out)
}
