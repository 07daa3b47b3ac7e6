//! Several files in one call: each read on its own, then merged into one aggregate
//! (offices matched by key, groups by label), each file listed with its rows and dates,
//! and overlapping date ranges found (releases overlap, and their rows would be
//! counted twice).

use std::path::PathBuf;

use serde::Serialize;

use super::{Aggregate, EXAMPLES, Options, RecordsError, iso, read_file};
use crate::data::FieldOffice;

/// One file of a multi-file read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileRows {
    /// The file as named.
    pub path: String,
    /// Its layout.
    pub layout: String,
    /// Data rows read.
    pub rows_read: u64,
    /// Rows counted.
    pub rows_counted: u64,
    /// First and last day counted (`YYYY-MM-DD`).
    pub covered: Option<(String, String)>,
}

/// Two files whose date ranges overlap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Overlap {
    /// The earlier-listed file.
    pub first: String,
    /// The later-listed file.
    pub second: String,
    /// The days both cover (`YYYY-MM-DD`).
    pub from: String,
    /// The last day both cover.
    pub to: String,
}

/// Read `paths` and count them together; `progress` gets (file index, done, total).
///
/// # Errors
/// The first file that cannot be read (its error names it).
pub fn read_files(
    paths: &[PathBuf],
    offices: &[FieldOffice],
    options: &Options,
    progress: &mut dyn FnMut(usize, u64, u64),
) -> Result<Aggregate, RecordsError> {
    let mut merged: Option<Aggregate> = None;
    for (i, path) in paths.iter().enumerate() {
        let agg = read_file(path, offices, options, &mut |n, t| progress(i, n, t))?;
        merged = Some(match merged {
            None => agg,
            Some(m) => m.merge(agg)?,
        });
    }
    merged.ok_or_else(|| RecordsError::Io {
        path: String::new(),
        message: "no files given".into(),
    })
}

impl Aggregate {
    /// This file as a [`FileRows`].
    fn file_rows(&self) -> FileRows {
        FileRows {
            path: self.path.clone(),
            layout: self.layout.clone(),
            rows_read: self.stats.rows_read,
            rows_counted: self.stats.rows_counted,
            covered: self.covered().map(|(a, b)| (iso(a), iso(b))),
        }
    }

    /// The files counted, one per file read (just this one for a single file).
    #[must_use]
    pub fn file_list(&self) -> Vec<FileRows> {
        if self.files.is_empty() {
            vec![self.file_rows()]
        } else {
            self.files.clone()
        }
    }

    /// Pairs of files whose date ranges overlap.
    #[must_use]
    pub fn overlaps(&self) -> Vec<Overlap> {
        let files = self.file_list();
        let mut out = Vec::new();
        for (i, a) in files.iter().enumerate() {
            for b in &files[i + 1..] {
                if let (Some((a0, a1)), Some((b0, b1))) = (&a.covered, &b.covered) {
                    // ISO dates compare as text.
                    let (from, to) = (a0.max(b0), a1.min(b1));
                    if from <= to {
                        out.push(Overlap {
                            first: a.path.clone(),
                            second: b.path.clone(),
                            from: from.clone(),
                            to: to.clone(),
                        });
                    }
                }
            }
        }
        out
    }

    /// This aggregate and another file's, counted together.
    ///
    /// # Errors
    /// A sum that does not fit in 64 bits.
    pub fn merge(mut self, other: Self) -> Result<Self, RecordsError> {
        let overflow = |what: &str| RecordsError::Overflow {
            path: other.path.clone(),
            what: what.to_string(),
        };
        let add = |a: u64, b: u64, what: &str| a.checked_add(b).ok_or_else(|| overflow(what));
        let mut files = self.file_list();
        files.push(other.file_rows());
        let mut known: rustc_hash::FxHashMap<super::OfficeKey, usize> = self
            .offices
            .iter()
            .enumerate()
            .map(|(i, k)| (k.clone(), i))
            .collect();
        let office_map: Vec<u32> = other
            .offices
            .iter()
            .map(|k| {
                let i = *known.entry(k.clone()).or_insert_with(|| {
                    self.offices.push(k.clone());
                    self.offices.len() - 1
                });
                u32::try_from(i).unwrap_or(u32::MAX)
            })
            .collect();
        let group_map: Vec<u32> = other
            .groups
            .iter()
            .map(|g| {
                let i = self.groups.iter().position(|m| m == g).unwrap_or_else(|| {
                    self.groups.push(g.clone());
                    self.groups.len() - 1
                });
                u32::try_from(i).unwrap_or(u32::MAX)
            })
            .collect();
        for (day, counts) in other.days {
            let mine = self.days.entry(day).or_default();
            let mut at: rustc_hash::FxHashMap<(u32, u32), usize> = mine
                .iter()
                .enumerate()
                .map(|(i, (o, g, _))| ((*o, *g), i))
                .collect();
            for (office, group, n) in counts {
                let office = office_map.get(office as usize).copied().unwrap_or(office);
                let group = group_map.get(group as usize).copied().unwrap_or(group);
                if let Some(&i) = at.get(&(office, group)) {
                    mine[i].2 = add(mine[i].2, n, "a day's count")?;
                } else {
                    at.insert((office, group), mine.len());
                    mine.push((office, group, n));
                }
            }
            mine.sort_unstable();
        }
        for (m, g) in other.methods {
            if !self.methods.iter().any(|(x, _)| *x == m) {
                self.methods.push((m, g));
            }
        }
        merge_stats(
            &mut self.stats,
            other.stats,
            &self.path,
            &other.path,
            self.files.is_empty(),
        )?;
        self.path = files
            .iter()
            .map(|f| f.path.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        self.files = files;
        Ok(self)
    }
}

/// Add another file's row counts, skips, duplicates and examples to `s`.
fn merge_stats(
    s: &mut super::Stats,
    o: super::Stats,
    path: &str,
    other_path: &str,
    first_file: bool,
) -> Result<(), RecordsError> {
    let add = |a: u64, b: u64, what: &str| {
        a.checked_add(b).ok_or_else(|| RecordsError::Overflow {
            path: other_path.to_string(),
            what: what.to_string(),
        })
    };
    s.rows_read = add(s.rows_read, o.rows_read, "rows read")?;
    s.rows_counted = add(s.rows_counted, o.rows_counted, "rows counted")?;
    s.preamble_rows = add(s.preamble_rows, o.preamble_rows, "preamble rows")?;
    for (reason, n) in o.skipped {
        match s.skipped.iter_mut().find(|(r, _)| *r == reason) {
            Some(slot) => slot.1 = add(slot.1, n, "skipped rows")?,
            None => s.skipped.push((reason, n)),
        }
    }
    s.skipped.sort_by_key(|(r, _)| *r as usize);
    for (mine, theirs, what) in [
        (
            &mut s.duplicates_flagged,
            o.duplicates_flagged,
            "duplicates",
        ),
        (
            &mut s.duplicate_repeats,
            o.duplicate_repeats,
            "repeated rows",
        ),
    ] {
        if let Some(t) = theirs {
            let m = mine.get_or_insert(0);
            *m = add(*m, t, what)?;
        }
    }
    s.duplicate_rule = s.duplicate_rule.or(o.duplicate_rule);
    for b in &mut s.examples {
        if first_file && b.file.is_none() {
            b.file = Some(path.to_string());
        }
    }
    for mut b in o.examples {
        b.file = Some(other_path.to_string());
        if s.examples.len() < EXAMPLES {
            s.examples.push(b);
        }
    }
    s.sheets.extend(o.sheets);
    Ok(())
}
