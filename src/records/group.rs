//! The Deportation Data Project's counting rules: which rows are repeats of one arrest
//! episode, and which arrests are at-large; and `--group COLUMN`'s index of values.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;
use serde::Serialize;

/// How rows are grouped beside period and office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Group {
    /// By the values of a column, as written.
    Column(String),
    /// At-large, custodial or unknown, by DDP's rule on the apprehension method.
    AtLarge,
}

/// The method column's names in DDP's files and ICE's older releases (lower-cased).
pub const METHOD_COLUMNS: [&str; 3] = [
    "apprehension_method",
    "apprehension method",
    "arrest method",
];

/// The methods DDP reads as at-large ("more likely to indicate arrests in the
/// community"), compared case-insensitively.
pub const AT_LARGE_METHODS: [&str; 2] = ["Located", "Non-Custodial Arrest"];

/// The at-large groups, in report order.
pub const AT_LARGE_GROUPS: [&str; 3] = ["at-large", "custodial", "unknown"];

/// The at-large group of a method value: 0 at-large, 1 custodial, 2 unknown (blank).
#[must_use]
pub fn at_large_group(method: &[u8]) -> u32 {
    let m = method.trim_ascii();
    if m.is_empty() {
        return 2;
    }
    let at_large = AT_LARGE_METHODS
        .iter()
        .any(|a| m.eq_ignore_ascii_case(a.as_bytes()));
    u32::from(!at_large)
}

/// Which duplicate columns a file has, so which rows `--duplicates drop` leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateRule {
    /// `duplicate_drop_row` TRUE (DDP's files from July 2026).
    DropRow,
    /// `duplicate_likely` TRUE and `duplicate_episode_first` FALSE: every row of an
    /// episode but its first.
    LikelyNotFirst,
    /// Only `duplicate_likely`, which is TRUE for an episode's first row too: dropping
    /// removes the first rows as well, and undercounts.
    LikelyOnly,
}

impl DuplicateRule {
    /// The rule in words, for the report.
    #[must_use]
    pub const fn describe(self) -> &'static str {
        match self {
            Self::DropRow => "rows with duplicate_drop_row TRUE",
            Self::LikelyNotFirst => {
                "rows with duplicate_likely TRUE and duplicate_episode_first FALSE (every row of an episode but its first)"
            }
            Self::LikelyOnly => {
                "rows with duplicate_likely TRUE; this file has no duplicate_episode_first, so dropping also removes each episode's first row and undercounts"
            }
        }
    }
}

/// The distinct values of the group column, each given a dense index on first sight.
#[derive(Debug, Default)]
pub(crate) struct GroupIndex {
    raw: FxHashMap<Vec<u8>, u32>,
    by_label: FxHashMap<String, u32>,
    labels: Vec<String>,
    /// For the at-large rule: the method values met and their group (for the notes).
    pub(crate) methods: BTreeMap<String, u32>,
}

/// How many distinct method values are kept for the notes.
const METHODS_KEPT: usize = 200;

impl GroupIndex {
    /// The group of a cell under `group`.
    pub(crate) fn index(&mut self, group: &Group, raw: &[u8]) -> u32 {
        if let Some(i) = self.raw.get(raw) {
            return *i;
        }
        let text = String::from_utf8_lossy(raw.trim_ascii()).into_owned();
        let i = match group {
            Group::AtLarge => {
                let g = at_large_group(raw);
                if self.methods.len() < METHODS_KEPT {
                    self.methods.insert(text, g);
                }
                g
            }
            Group::Column(_) => {
                let label = if text.is_empty() {
                    "(blank)".to_string()
                } else {
                    text
                };
                self.index_of_label(label)
            }
        };
        self.raw.insert(raw.to_vec(), i);
        i
    }

    /// The index of a label (new labels are appended).
    pub(crate) fn index_of_label(&mut self, label: String) -> u32 {
        if let Some(i) = self.by_label.get(&label) {
            return *i;
        }
        let i = u32::try_from(self.labels.len()).unwrap_or(u32::MAX);
        self.by_label.insert(label.clone(), i);
        self.labels.push(label);
        i
    }

    /// The labels in index order (the fixed three for the at-large rule).
    pub(crate) fn labels(&self, group: &Group) -> Vec<String> {
        match group {
            Group::AtLarge => AT_LARGE_GROUPS.iter().map(|s| (*s).to_string()).collect(),
            Group::Column(_) => self.labels.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ddp_at_large_rule() {
        assert_eq!(at_large_group(b"Located"), 0);
        assert_eq!(at_large_group(b" non-custodial arrest "), 0);
        assert_eq!(at_large_group(b"CAP Local Incarceration"), 1);
        assert_eq!(at_large_group(b"287(g) Program"), 1);
        assert_eq!(at_large_group(b"ERO Reprocessed Arrest"), 1);
        assert_eq!(at_large_group(b""), 2);
        let mut g = GroupIndex::default();
        assert_eq!(g.index(&Group::AtLarge, b"Located"), 0);
        assert_eq!(g.methods["Located"], 0);
        assert_eq!(g.labels(&Group::AtLarge), AT_LARGE_GROUPS);
    }

    #[test]
    fn column_groups_keep_values_and_name_blanks() {
        let mut g = GroupIndex::default();
        let col = Group::Column("gender".into());
        assert_eq!(g.index(&col, b"F"), 0);
        assert_eq!(g.index(&col, b" "), 1);
        assert_eq!(g.index(&col, b"M"), 2);
        assert_eq!(g.index(&col, b"F"), 0);
        assert_eq!(g.labels(&col), ["F", "(blank)", "M"]);
    }
}
