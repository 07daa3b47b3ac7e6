//! Counting: the header's columns found, and rows counted into sparse (day, office)
//! counts, with every skipped row accounted for by reason.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::office::OfficeIndex;
use super::{
    Aggregate, BadRow, DATE_COLUMNS, DUPLICATE_COLUMN, EXAMPLES, OFFICE_COLUMNS, OfficeKey,
    Options, RecordsError, SkipReason, Stats,
};
use crate::data::FieldOffice;

/// What the reader finds in the header.
#[derive(Debug, Clone)]
pub(crate) struct Columns {
    pub(crate) date: usize,
    pub(crate) office: Option<usize>,
    pub(crate) duplicate: Option<usize>,
    pub(crate) layout: String,
    pub(crate) date_name: String,
    pub(crate) office_name: Option<String>,
}

impl Columns {
    /// The highest column index needed (cells after it need not be split).
    pub(crate) fn last_needed(&self) -> usize {
        self.date
            .max(self.office.unwrap_or(0))
            .max(self.duplicate.unwrap_or(0))
    }
}

/// Builds an [`Aggregate`] row by row.
pub(crate) struct Counter<'a> {
    offices: &'a [FieldOffice],
    options: &'a Options,
    path: String,
    index: OfficeIndex,
    /// Sparse counts: only the (day, office) pairs that occur.
    counts: FxHashMap<(i32, u32), u64>,
    pub(crate) stats: Stats,
    skipped: [u64; SkipReason::ALL.len()],
    /// The sheet being read, named in bad rows when a workbook has several.
    sheet: Option<String>,
}

impl<'a> Counter<'a> {
    pub(crate) fn new(path: &str, offices: &'a [FieldOffice], options: &'a Options) -> Self {
        Self {
            offices,
            options,
            path: path.to_string(),
            index: OfficeIndex::default(),
            counts: FxHashMap::default(),
            stats: Stats::default(),
            skipped: [0; SkipReason::ALL.len()],
            sheet: None,
        }
    }

    /// Name `sheet` in the bad rows that follow (when `several` sheets are read).
    pub(crate) fn set_sheet(&mut self, several: bool, sheet: &str) {
        self.sheet = several.then(|| sheet.to_string());
    }

    /// Count one row, or say why not (the caller then calls [`Counter::skip`] with the
    /// row's line, which is only worked out for rows that need it).
    pub(crate) fn row(
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
            Some(raw) if raw.trim_ascii().is_empty() => {
                return Some((SkipReason::MissingOffice, raw.to_vec()));
            }
            Some(raw) => self.index.index(raw.trim_ascii(), self.offices),
            None => 0,
        };
        *self.counts.entry((day, office)).or_insert(0) += 1;
        self.stats.rows_counted += 1;
        None
    }

    /// A record that could not be split into cells: read, and skipped.
    pub(crate) fn unsplittable(&mut self, line: u64, value: &[u8]) -> Result<(), RecordsError> {
        self.stats.rows_read += 1;
        self.skip(line, SkipReason::UnterminatedQuote, value)
    }

    /// Note a skipped row (an error under `--strict`, except dropped duplicates).
    pub(crate) fn skip(
        &mut self,
        line: u64,
        reason: SkipReason,
        value: &[u8],
    ) -> Result<(), RecordsError> {
        // Keep at most a screenful of the value: a runaway record can be huge.
        let value = String::from_utf8_lossy(&value[..value.len().min(MAX_VALUE)]).into_owned();
        if self.options.strict && reason != SkipReason::Duplicate {
            return Err(RecordsError::Strict {
                path: match &self.sheet {
                    Some(s) => format!("{} sheet \"{}\"", self.path, crate::text::echo(s)),
                    None => self.path.clone(),
                },
                line,
                reason,
                value: crate::text::echo(&value),
            });
        }
        self.skipped[reason as usize] += 1;
        if self.stats.examples.len() < EXAMPLES {
            self.stats.examples.push(BadRow {
                line,
                reason,
                value,
                sheet: self.sheet.clone(),
            });
        }
        Ok(())
    }

    /// Add another counter's counts (its offices matched to ours by key).
    ///
    /// # Errors
    /// A sum that does not fit in 64 bits.
    pub(crate) fn merge(&mut self, other: Self) -> Result<(), RecordsError> {
        let map: Vec<u32> = other
            .index
            .into_keys()
            .into_iter()
            .map(|k| self.index.index_of_key(k))
            .collect();
        let overflow = |what: &str| RecordsError::Overflow {
            path: self.path.clone(),
            what: what.to_string(),
        };
        for ((day, office), n) in other.counts {
            let slot = map.get(office as usize).copied().unwrap_or(office);
            let mine = self.counts.entry((day, slot)).or_insert(0);
            *mine = mine
                .checked_add(n)
                .ok_or_else(|| overflow("a day's count"))?;
        }
        let add = |a: u64, b: u64, what: &str| a.checked_add(b).ok_or_else(|| overflow(what));
        self.stats.rows_read = add(self.stats.rows_read, other.stats.rows_read, "rows read")?;
        self.stats.rows_counted = add(
            self.stats.rows_counted,
            other.stats.rows_counted,
            "rows counted",
        )?;
        if let Some(d) = other.stats.duplicates_flagged {
            let mine = self.stats.duplicates_flagged.get_or_insert(0);
            *mine = add(*mine, d, "duplicates")?;
        }
        for (mine, theirs) in self.skipped.iter_mut().zip(other.skipped) {
            *mine = add(*mine, theirs, "skipped rows")?;
        }
        self.stats.examples.extend(other.stats.examples);
        self.stats.examples.sort_by_key(|b| b.line);
        self.stats.examples.truncate(EXAMPLES);
        Ok(())
    }

    /// The aggregate: counts by day, offices by first appearance, rows by reason.
    pub(crate) fn finish(mut self, columns: &Columns) -> Aggregate {
        let keys = if columns.office.is_none() {
            vec![OfficeKey {
                label: "all offices".into(),
                known: false,
            }]
        } else {
            self.index.into_keys()
        };
        self.stats.skipped = SkipReason::ALL
            .into_iter()
            .map(|r| (r, self.skipped[r as usize]))
            .filter(|(_, n)| *n > 0)
            .collect();
        let mut days: BTreeMap<i32, Vec<(u32, u64)>> = BTreeMap::new();
        for ((day, office), n) in self.counts {
            days.entry(day).or_default().push((office, n));
        }
        for counts in days.values_mut() {
            counts.sort_unstable();
        }
        Aggregate {
            path: self.path,
            layout: columns.layout.clone(),
            date_column: columns.date_name.clone(),
            office_column: columns.office_name.clone(),
            offices: keys,
            days,
            stats: self.stats,
        }
    }
}

/// The most bytes of a skipped value kept for the report.
const MAX_VALUE: usize = 1024;

/// Whether a duplicate flag cell says yes (`TRUE`, `1`, `yes`, ...).
pub(crate) fn is_true(cell: &[u8]) -> bool {
    let c = cell.trim_ascii();
    ["true", "1", "yes", "y", "t"]
        .iter()
        .any(|t| c.eq_ignore_ascii_case(t.as_bytes()))
}

/// The needed columns of a header row, `None` when it has no date column (so it may be
/// preamble).
///
/// # Errors
/// A column named with `--office-column` that is not in a header that has the date.
pub(crate) fn find_columns(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Dataset;

    fn columns(office: bool) -> Columns {
        Columns {
            date: 0,
            office: office.then_some(1),
            duplicate: None,
            layout: "test".into(),
            date_name: "d".into(),
            office_name: office.then(|| "o".into()),
        }
    }

    #[test]
    fn merged_counters_match_offices_by_key_and_count_sparsely() {
        let offices = Dataset::bundled().unwrap().offices;
        let options = Options::default();
        let mut a = Counter::new("f", &offices, &options);
        let mut b = Counter::new("f", &offices, &options);
        assert_eq!(a.row(Some(10), b"", Some(b"Dallas"), None), None);
        assert_eq!(b.row(Some(10), b"", Some(b"Miami"), None), None);
        assert_eq!(b.row(Some(10), b"", Some(b"DAL"), None), None);
        assert_eq!(
            b.row(None, b"soon", Some(b"DAL"), None),
            Some((SkipReason::UnparseableDate, b"soon".to_vec()))
        );
        b.skip(4, SkipReason::UnparseableDate, b"soon").unwrap();
        a.merge(b).unwrap();
        let agg = a.finish(&columns(true));
        let labels: Vec<&str> = agg.offices.iter().map(|o| o.label.as_str()).collect();
        assert_eq!(labels, ["DAL", "MIA"]);
        assert_eq!(agg.days[&10], [(0, 2), (1, 1)]);
        assert_eq!(agg.stats.rows_read, 4);
        assert_eq!(agg.stats.rows_counted, 3);
        assert_eq!(agg.stats.skipped, [(SkipReason::UnparseableDate, 1)]);
    }

    #[test]
    fn a_sum_past_u64_is_an_error_not_a_wrap() {
        let offices = Vec::new();
        let options = Options::default();
        let mut a = Counter::new("f.csv", &offices, &options);
        let mut b = Counter::new("f.csv", &offices, &options);
        a.stats.rows_read = u64::MAX;
        b.stats.rows_read = 1;
        assert_eq!(
            a.merge(b).unwrap_err().to_string(),
            "f.csv: the count of rows read does not fit in 64 bits"
        );
    }

    #[test]
    fn skipped_values_are_capped_and_strict_echoes_them_safely() {
        let offices = Vec::new();
        let options = Options {
            strict: true,
            ..Options::default()
        };
        let mut c = Counter::new("f.csv", &offices, &options);
        let err = c
            .skip(3, SkipReason::MissingOffice, b"\x1b]0;x\x07")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "f.csv line 3: missing office: '\\x1b]0;x\\x07' (--strict stops at the first bad row)"
        );
        let options = Options::default();
        let mut c = Counter::new("f.csv", &offices, &options);
        c.skip(3, SkipReason::UnparseableDate, &vec![b'x'; 100_000])
            .unwrap();
        assert_eq!(c.stats.examples[0].value.len(), MAX_VALUE);
    }
}
