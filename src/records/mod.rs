//! Record-level arrest releases (one row per arrest): streamed into compact aggregates
//! (sparse office x day counts), never held in memory, then reported by day, week,
//! month or fiscal year.
//!
//! The format is sniffed from the first bytes of the same handle ([`source`]), so pipes
//! and `-` work for CSV and gzip. CSV is split by [`split`] (a quote quotes only at the
//! start of a field, as Python's csv reads it; delimiter sniffed among comma, semicolon,
//! tab and `|`) and counted on every core ([`csv`]); XLSX is read with `calamine`
//! ([`xlsx`]). The Deportation Data Project's three layouts are recognised by their
//! column names ([`count`]); `--date-column` and `--office-column` cover anything else.

pub mod count;
pub mod csv;
pub mod dates;
pub mod files;
pub mod group;
pub mod office;
pub(crate) mod pages;
pub mod parquet;
pub mod period;
pub mod source;
pub mod split;
pub mod window;
pub mod xlsx;

use serde::Serialize;

pub use csv::read_csv;
pub use dates::{civil, day_number, iso, parse_date};
pub use files::{FileRows, Overlap, read_files};
pub use office::resolve_office;
pub use period::{AtLargeYear, Period, PeriodRow};
pub use source::read_file;
pub use window::{AverageRow, Days, Window};
pub use xlsx::read_xlsx;

/// Date column names of the known layouts (compared lower-cased).
pub(crate) const DATE_COLUMNS: [&str; 2] = ["apprehension date", "apprehension_date"];
/// Office (area of responsibility) column names of the known layouts.
pub(crate) const OFFICE_COLUMNS: [&str; 4] = [
    "apprehension aor",
    "apprehension_aor",
    "toa current duty aor",
    "toa_current_duty_aor",
];
/// DDP's flag for likely duplicates.
pub(crate) const DUPLICATE_COLUMN: &str = "duplicate_likely";
/// How many bad rows are listed by line.
pub(crate) const EXAMPLES: usize = 5;
/// How many rows before the header are searched for it (DDP raw files have 6).
pub(crate) const PREAMBLE_LIMIT: usize = 30;

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
    /// The CSV delimiter, instead of sniffing one.
    pub delimiter: Option<u8>,
    /// Only this sheet of an XLSX workbook (all of them, stacked, by default).
    pub sheet: Option<String>,
    /// A dimension beside period and office.
    pub group: Option<group::Group>,
    /// The apprehension method column for `--group at-large`, when not a known name.
    pub method_column: Option<String>,
    /// Count only rows on or after this day (days since 1970-01-01).
    pub from: Option<i32>,
    /// Count only rows on or before this day.
    pub to: Option<i32>,
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
    /// `--group at-large` on a file with no apprehension method column under any of the
    /// names it is published with.
    #[error(
        "{path}: no column named \"{wanted} (the method column for --group at-large; name it \
         with --method-column)\" (the header has: {found})"
    )]
    NoMethodColumn {
        /// The file.
        path: String,
        /// The names looked for, joined.
        wanted: String,
        /// The header's names.
        found: String,
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
    /// The file is in a format this reader does not take.
    #[error("{path}: {what}")]
    Format {
        /// The file.
        path: String,
        /// What it is, and what to do instead.
        what: String,
    },
    /// `--average` asks for days the files do not hold.
    #[error("{path}: --average {window}: {why}")]
    Window {
        /// The file (or files).
        path: String,
        /// The choice, as typed.
        window: String,
        /// Why the files cannot give it.
        why: String,
    },
    /// A count that does not fit in 64 bits.
    #[error("{path}: the count of {what} does not fit in 64 bits")]
    Overflow {
        /// The file.
        path: String,
        /// Which count.
        what: String,
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
    /// A repeat row of an arrest episode by DDP's rule, and `--duplicates drop`.
    Duplicate,
    /// A quoted field that never closes (within [`split::MAX_RECORD`] bytes or before
    /// the end): the record's first line is reported and reading resumes after it.
    UnterminatedQuote,
    /// The date is outside `--from`/`--to`.
    OutsideWindow,
}

impl SkipReason {
    /// Every reason, in report order (`reason as usize` indexes it).
    pub const ALL: [Self; 5] = [
        Self::UnparseableDate,
        Self::MissingOffice,
        Self::Duplicate,
        Self::UnterminatedQuote,
        Self::OutsideWindow,
    ];
}

impl std::fmt::Display for SkipReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::UnparseableDate => "unparseable date",
            Self::MissingOffice => "missing office",
            Self::Duplicate => "likely duplicate (dropped)",
            Self::UnterminatedQuote => "unterminated quoted field",
            Self::OutsideWindow => "outside --from/--to",
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
    /// The XLSX sheet, when a workbook has several.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The file, when several are read together.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
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
    /// Which rows the duplicate rule marks as repeats (`None` without duplicate columns).
    pub duplicate_rule: Option<group::DuplicateRule>,
    /// Countable rows that rule marks as repeats: the count with duplicates dropped is
    /// the count kept less these (`None` without duplicate columns).
    pub duplicate_repeats: Option<u64>,
    /// Rows before the header (DDP raw files have 6; summed over sheets).
    pub preamble_rows: u64,
    /// Data rows read from each XLSX sheet, in workbook order (empty for CSV).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sheets: Vec<(String, u64)>,
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
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
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
    /// Offices in label order.
    pub offices: Vec<OfficeKey>,
    /// The `--group` labels (empty without `--group`).
    pub groups: Vec<String>,
    /// The column the groups come from.
    pub group_column: Option<String>,
    /// For `--group at-large`: each method value met and its group.
    pub methods: Vec<(String, String)>,
    /// Arrests per day (days since 1970-01-01): sparse `(office, group, count)`
    /// triples, indexes into `offices` and `groups` (group 0 without `--group`), in
    /// order, only those with a count.
    pub days: std::collections::BTreeMap<i32, Vec<(u32, u32, u64)>>,
    /// What happened to the rows.
    pub stats: Stats,
    /// Each file, when several were read together (empty for one file).
    pub files: Vec<files::FileRows>,
}
