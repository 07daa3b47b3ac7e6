//! Counting: the header's columns found, and rows counted into sparse (day, office)
//! counts, with every skipped row accounted for by reason.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::group::{DuplicateRule, Group, GroupIndex, METHOD_COLUMNS};
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
    /// `duplicate_likely`.
    pub(crate) duplicate: Option<usize>,
    /// `duplicate_drop_row`.
    pub(crate) drop_row: Option<usize>,
    /// `duplicate_episode_first`.
    pub(crate) episode_first: Option<usize>,
    /// The column `--group` splits by (the method column for `--group at-large`).
    pub(crate) group: Option<usize>,
    pub(crate) layout: String,
    pub(crate) date_name: String,
    pub(crate) office_name: Option<String>,
    pub(crate) group_name: Option<String>,
}

impl Columns {
    /// The columns a row needs.
    pub(crate) fn needed(&self) -> impl Iterator<Item = usize> + '_ {
        [
            Some(self.date),
            self.office,
            self.duplicate,
            self.drop_row,
            self.episode_first,
            self.group,
        ]
        .into_iter()
        .flatten()
    }

    /// The highest column index needed (cells after it need not be split).
    pub(crate) fn last_needed(&self) -> usize {
        self.needed().max().unwrap_or(0)
    }

    /// Which rows `--duplicates drop` leaves out, by the columns the file has.
    pub(crate) fn duplicate_rule(&self) -> Option<DuplicateRule> {
        match (self.drop_row, self.duplicate, self.episode_first) {
            (Some(_), _, _) => Some(DuplicateRule::DropRow),
            (None, Some(_), Some(_)) => Some(DuplicateRule::LikelyNotFirst),
            (None, Some(_), None) => Some(DuplicateRule::LikelyOnly),
            (None, None, _) => None,
        }
    }

    /// One row's cells as the counter needs them; `cell(i)` gives column `i`'s text
    /// and `date` the parsed date.
    pub(crate) fn row<'c>(&self, date: Option<i32>, cell: impl Fn(usize) -> &'c [u8]) -> Row<'c> {
        let flag = |c: Option<usize>| c.map(|i| is_true(cell(i)));
        let likely = flag(self.duplicate);
        let repeat = match self.duplicate_rule() {
            Some(DuplicateRule::DropRow) => flag(self.drop_row),
            Some(DuplicateRule::LikelyNotFirst) => {
                Some(likely == Some(true) && flag(self.episode_first) == Some(false))
            }
            Some(DuplicateRule::LikelyOnly) => likely,
            None => None,
        };
        Row {
            date,
            date_text: cell(self.date),
            office: self.office.map(&cell),
            group: self.group.map(&cell),
            likely,
            repeat,
            office_index: None,
        }
    }
}

/// One row's cells, as the counter needs them.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Row<'c> {
    /// The parsed date (days since 1970-01-01).
    pub(crate) date: Option<i32>,
    /// The date cell as written.
    pub(crate) date_text: &'c [u8],
    /// The office cell, with an office column.
    pub(crate) office: Option<&'c [u8]>,
    /// The group cell, with `--group`.
    pub(crate) group: Option<&'c [u8]>,
    /// `duplicate_likely`, with that column.
    pub(crate) likely: Option<bool>,
    /// Whether the duplicate rule marks the row as a repeat of its episode.
    pub(crate) repeat: Option<bool>,
    /// The office's index, when the caller has already looked it up with
    /// [`Counter::office_index`] (the office cell is still checked for blanks).
    pub(crate) office_index: Option<u32>,
}

/// Builds an [`Aggregate`] row by row.
pub(crate) struct Counter<'a> {
    offices: &'a [FieldOffice],
    options: &'a Options,
    path: String,
    index: OfficeIndex,
    groups: GroupIndex,
    /// Sparse counts: only the (day, office, group) triples that occur.
    counts: FxHashMap<(i32, u32, u32), u64>,
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
            groups: GroupIndex::default(),
            counts: FxHashMap::default(),
            stats: Stats::default(),
            skipped: [0; SkipReason::ALL.len()],
            sheet: None,
        }
    }

    /// The index this counter gives an office cell (looked up once per distinct value
    /// by a caller that has them, as Parquet's dictionaries do).
    pub(crate) fn office_index(&mut self, raw: &[u8]) -> u32 {
        self.index.index(raw.trim_ascii(), self.offices)
    }

    /// An empty counter for the same file, offices and options (for a worker).
    pub(crate) fn fresh(&self) -> Self {
        Self::new(&self.path, self.offices, self.options)
    }

    /// Name `sheet` in the bad rows that follow (when `several` sheets are read).
    pub(crate) fn set_sheet(&mut self, several: bool, sheet: &str) {
        self.sheet = several.then(|| sheet.to_string());
    }

    /// Count one row, or say why not (the caller then calls [`Counter::skip`] with the
    /// row's line, which is only worked out for rows that need it).
    pub(crate) fn row(&mut self, r: Row<'_>) -> Option<(SkipReason, Vec<u8>)> {
        self.stats.rows_read += 1;
        if let Some(l) = r.likely {
            *self.stats.duplicates_flagged.get_or_insert(0) += u64::from(l);
        }
        let Some(day) = r.date else {
            return Some((SkipReason::UnparseableDate, r.date_text.to_vec()));
        };
        if self.options.from.is_some_and(|f| day < f) || self.options.to.is_some_and(|t| day > t) {
            return Some((SkipReason::OutsideWindow, r.date_text.to_vec()));
        }
        let office = match r.office {
            Some(raw) if raw.trim_ascii().is_empty() => {
                return Some((SkipReason::MissingOffice, raw.to_vec()));
            }
            Some(raw) => match r.office_index {
                Some(i) => i,
                None => self.index.index(raw.trim_ascii(), self.offices),
            },
            None => 0,
        };
        if let Some(repeat) = r.repeat {
            *self.stats.duplicate_repeats.get_or_insert(0) += u64::from(repeat);
            if repeat && self.options.drop_duplicates {
                return Some((SkipReason::Duplicate, r.date_text.to_vec()));
            }
        }
        let group = match (&self.options.group, r.group) {
            (Some(g), Some(raw)) => self.groups.index(g, raw),
            (Some(g), None) => self.groups.index(g, b""),
            (None, _) => 0,
        };
        *self.counts.entry((day, office, group)).or_insert(0) += 1;
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
        if self.options.strict
            && !matches!(reason, SkipReason::Duplicate | SkipReason::OutsideWindow)
        {
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
                file: None,
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
        let group_map: Vec<u32> = match &self.options.group {
            Some(Group::Column(_)) => other
                .groups
                .labels(&Group::Column(String::new()))
                .into_iter()
                .map(|l| self.groups.index_of_label(l))
                .collect(),
            _ => Vec::new(),
        };
        for (method, g) in other.groups.methods {
            self.groups.methods.entry(method).or_insert(g);
        }
        let overflow = |what: &str| RecordsError::Overflow {
            path: self.path.clone(),
            what: what.to_string(),
        };
        for ((day, office, group), n) in other.counts {
            let slot = map.get(office as usize).copied().unwrap_or(office);
            let group = group_map.get(group as usize).copied().unwrap_or(group);
            let mine = self.counts.entry((day, slot, group)).or_insert(0);
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
        if let Some(d) = other.stats.duplicate_repeats {
            let mine = self.stats.duplicate_repeats.get_or_insert(0);
            *mine = add(*mine, d, "repeated rows")?;
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
        // Offices and column groups in label order, so that the result does not
        // depend on which worker met a value first.
        let (keys, office_map) = if columns.office.is_none() {
            let all = OfficeKey {
                label: "all offices".into(),
                known: false,
            };
            (vec![all], Vec::new())
        } else {
            sorted(self.index.into_keys(), |k: &OfficeKey| k.label.clone())
        };
        let (group_labels, group_map) = match &self.options.group {
            Some(g @ Group::Column(_)) => sorted(self.groups.labels(g), Clone::clone),
            Some(g @ Group::AtLarge) => (self.groups.labels(g), Vec::new()),
            None => (Vec::new(), Vec::new()),
        };
        self.stats.skipped = SkipReason::ALL
            .into_iter()
            .map(|r| (r, self.skipped[r as usize]))
            .filter(|(_, n)| *n > 0)
            .collect();
        self.stats.duplicate_rule = columns.duplicate_rule();
        let methods = if self.options.group == Some(Group::AtLarge) {
            let name = |g: u32| super::group::AT_LARGE_GROUPS[g as usize].to_string();
            self.groups
                .methods
                .into_iter()
                .map(|(m, g)| (m, name(g)))
                .collect()
        } else {
            Vec::new()
        };
        let mut days: BTreeMap<i32, Vec<(u32, u32, u64)>> = BTreeMap::new();
        for ((day, office, group), n) in self.counts {
            let office = office_map.get(office as usize).copied().unwrap_or(office);
            let group = group_map.get(group as usize).copied().unwrap_or(group);
            days.entry(day).or_default().push((office, group, n));
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
            groups: group_labels,
            group_column: columns.group_name.clone(),
            methods,
            days,
            stats: self.stats,
            files: Vec::new(),
        }
    }
}

/// `items` sorted by `key` (then by their order), and where each old index went.
fn sorted<T: Ord, K: Ord>(items: Vec<T>, key: impl Fn(&T) -> K) -> (Vec<T>, Vec<u32>) {
    let mut order: Vec<(usize, T)> = items.into_iter().enumerate().collect();
    order.sort_by(|(_, a), (_, b)| key(a).cmp(&key(b)).then_with(|| a.cmp(b)));
    let mut map = vec![0u32; order.len()];
    for (new, (old, _)) in order.iter().enumerate() {
        map[*old] = u32::try_from(new).unwrap_or(u32::MAX);
    }
    (order.into_iter().map(|(_, t)| t).collect(), map)
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
    let no_such = |name: &str| RecordsError::NoSuchColumn {
        path: path.to_string(),
        name: name.to_string(),
        found: header.join(", "),
    };
    let group = match (&options.group, &options.method_column) {
        (Some(Group::Column(name)), _) => Some(named(name).ok_or_else(|| no_such(name))?),
        (Some(Group::AtLarge), Some(name)) => Some(named(name).ok_or_else(|| no_such(name))?),
        (Some(Group::AtLarge), None) => Some(
            METHOD_COLUMNS
                .iter()
                .find_map(|c| named(c))
                .ok_or_else(|| RecordsError::NoMethodColumn {
                    path: path.to_string(),
                    wanted: METHOD_COLUMNS.join("\" or \""),
                    found: header.join(", "),
                })?,
        ),
        (None, _) => None,
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
        drop_row: named("duplicate_drop_row"),
        episode_first: named("duplicate_episode_first"),
        group,
        layout,
        date_name: header[date].trim().to_string(),
        office_name: office.map(|i| header[i].trim().to_string()),
        group_name: group.map(|i| header[i].trim().to_string()),
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
            drop_row: None,
            episode_first: None,
            group: None,
            layout: "test".into(),
            date_name: "d".into(),
            office_name: office.then(|| "o".into()),
            group_name: None,
        }
    }

    fn row<'c>(date: Option<i32>, text: &'c [u8], office: &'c [u8]) -> Row<'c> {
        Row {
            date,
            date_text: text,
            office: Some(office),
            ..Row::default()
        }
    }

    #[test]
    fn merged_counters_match_offices_by_key_and_count_sparsely() {
        let offices = Dataset::bundled().unwrap().offices;
        let options = Options::default();
        let mut a = Counter::new("f", &offices, &options);
        let mut b = Counter::new("f", &offices, &options);
        assert_eq!(a.row(row(Some(10), b"", b"Dallas")), None);
        assert_eq!(b.row(row(Some(10), b"", b"Miami")), None);
        assert_eq!(b.row(row(Some(10), b"", b"DAL")), None);
        assert_eq!(
            b.row(row(None, b"soon", b"DAL")),
            Some((SkipReason::UnparseableDate, b"soon".to_vec()))
        );
        b.skip(4, SkipReason::UnparseableDate, b"soon").unwrap();
        a.merge(b).unwrap();
        let agg = a.finish(&columns(true));
        let labels: Vec<&str> = agg.offices.iter().map(|o| o.label.as_str()).collect();
        assert_eq!(labels, ["DAL", "MIA"]);
        assert_eq!(agg.days[&10], [(0, 0, 2), (1, 0, 1)]);
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
