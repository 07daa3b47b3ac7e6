//! The days an observed average is taken over: the whole file, its last weeks, or the
//! last calendar month it covers in full. The Observed tab's per-office "observed a
//! day" and its at-large share use the chosen run of days, and name it.

use serde::Serialize;

use super::Aggregate;
use super::dates::{civil, day_number, days_in_month, iso};
use super::group::AT_LARGE_GROUPS;

/// A run of days, first and last included (days since 1970-01-01).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Days {
    /// The first day.
    pub first: i32,
    /// The last day.
    pub last: i32,
}

impl Days {
    /// How many days the run holds (at least 1).
    #[must_use]
    pub const fn count(self) -> i32 {
        let n = self.last - self.first + 1;
        if n < 1 { 1 } else { n }
    }

    /// `2025-03-01 to 2025-03-10, 10 days` (`1 day` for one).
    #[must_use]
    pub fn describe(self) -> String {
        format!(
            "{} to {}, {}",
            iso(self.first),
            iso(self.last),
            day_count(self.count())
        )
    }
}

fn day_count(n: i32) -> String {
    if n == 1 {
        "1 day".to_string()
    } else {
        format!("{n} days")
    }
}

/// Which days an average is taken over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum Window {
    /// Every day from the file's first counted day to its last.
    #[default]
    Whole,
    /// The last `n` weeks: the `7 * n` days ending on the file's last counted day.
    LastWeeks(u16),
    /// The latest calendar month whose every day lies within the file's days.
    LastFullMonth,
}

impl Window {
    /// The choices the screen cycles through, in order.
    pub const CHOICES: [Self; 3] = [Self::Whole, Self::LastWeeks(12), Self::LastFullMonth];

    /// `the whole file`, `the last 12 weeks`, `the last full month`.
    #[must_use]
    pub fn name(self) -> String {
        match self {
            Self::Whole => "the whole file".to_string(),
            Self::LastWeeks(1) => "the last week".to_string(),
            Self::LastWeeks(n) => format!("the last {n} weeks"),
            Self::LastFullMonth => "the last full month".to_string(),
        }
    }

    /// The next choice after this one (after the last, the first).
    #[must_use]
    pub fn next(self) -> Self {
        let at = Self::CHOICES.iter().position(|c| *c == self);
        // A window that is not among the choices (another number of weeks) sits
        // where the weeks choice does.
        let at = at.unwrap_or(1);
        Self::CHOICES[(at + 1) % Self::CHOICES.len()]
    }

    /// The days this window picks out of `file` (the file's first and last counted
    /// days), or why it cannot: a sentence naming the file's days.
    ///
    /// # Errors
    /// The file is shorter than the weeks asked for, or holds no full calendar month.
    pub fn days(self, file: Days) -> Result<Days, String> {
        match self {
            Self::Whole => Ok(file),
            Self::LastWeeks(n) => {
                let want = 7 * i32::from(n.max(1));
                if file.count() < want {
                    return Err(format!(
                        "the file covers {}, fewer than {} ({})",
                        day_count(file.count()),
                        day_count(want),
                        self.name().trim_start_matches("the ")
                    ));
                }
                Ok(Days {
                    first: file.last - want + 1,
                    last: file.last,
                })
            }
            Self::LastFullMonth => last_full_month(file).ok_or_else(|| {
                format!(
                    "the file covers no calendar month in full ({})",
                    file.describe()
                )
            }),
        }
    }
}

/// The latest calendar month inside `file`, if any.
fn last_full_month(file: Days) -> Option<Days> {
    let (y, m, _) = civil(file.last);
    // The month holding the last day, or the one before it when the file stops early.
    let month = |y: i32, m: u32| {
        let first = day_number(y, m, 1)?;
        let last = first + i32::try_from(days_in_month(y, m)).ok()? - 1;
        Some(Days { first, last })
    };
    let this = month(y, m)?;
    let candidate = if this.last <= file.last {
        this
    } else if m == 1 {
        month(y - 1, 12)?
    } else {
        month(y, m - 1)?
    };
    (candidate.first >= file.first).then_some(candidate)
}

impl Aggregate {
    /// The file's first and last counted days.
    #[must_use]
    pub fn span(&self) -> Option<Days> {
        self.covered().map(|(first, last)| Days { first, last })
    }

    /// Arrests per day over `days` (days without a counted row count as zero), per
    /// office, in the order of `offices`: (label, matched a bundled office, per day).
    #[must_use]
    pub fn office_daily_average_over(&self, days: Days) -> Vec<(String, bool, f64)> {
        let (totals, _) = self.totals_over(days);
        let len = f64::from(days.count());
        #[expect(clippy::cast_precision_loss, reason = "an average for display")]
        self.offices
            .iter()
            .zip(totals)
            .map(|(o, n)| (o.label.clone(), o.known, n as f64 / len))
            .collect()
    }

    /// At-large rows (DDP's rule) and all rows within `days`: `None` unless the file
    /// was read with `--group at-large`.
    #[must_use]
    pub fn at_large_over(&self, days: Days) -> Option<(u64, u64)> {
        let (totals, at_large) = self.totals_over(days);
        let all = totals.iter().fold(0u64, |a, n| a.saturating_add(*n));
        Some((
            at_large?.iter().fold(0u64, |a, n| a.saturating_add(*n)),
            all,
        ))
    }

    /// Arrests over `days` and per day, per office (every office of the file, in label
    /// order) when `by_office`, then all offices together; with the at-large count
    /// when the file was read with `--group at-large`.
    #[must_use]
    pub fn averages(&self, days: Days, by_office: bool) -> Vec<AverageRow> {
        let (totals, at_large) = self.totals_over(days);
        let len = f64::from(days.count());
        let sum = |v: &[u64]| v.iter().fold(0u64, |a, n| a.saturating_add(*n));
        #[expect(
            clippy::cast_precision_loss,
            reason = "an average, with the count beside it"
        )]
        let row = |office: Option<String>, arrests: u64, at_large: Option<u64>| AverageRow {
            office,
            arrests,
            days: days.count(),
            per_day: arrests as f64 / len,
            at_large,
        };
        let mut rows = Vec::new();
        if by_office {
            for (i, o) in self.offices.iter().enumerate() {
                rows.push(row(
                    Some(o.label.clone()),
                    totals[i],
                    at_large.as_ref().map(|a| a[i]),
                ));
            }
        }
        rows.push(row(None, sum(&totals), at_large.as_deref().map(sum)));
        rows
    }

    /// Per office (index into `offices`): all rows within `days`, and the at-large ones
    /// when the file was read with `--group at-large`.
    fn totals_over(&self, days: Days) -> (Vec<u64>, Option<Vec<u64>>) {
        let group = self
            .groups
            .iter()
            .position(|g| g == AT_LARGE_GROUPS[0])
            .and_then(|g| u32::try_from(g).ok());
        let mut totals = vec![0u64; self.offices.len()];
        let mut at_large = group.map(|_| vec![0u64; self.offices.len()]);
        for counts in self.days.range(days.first..=days.last).map(|(_, c)| c) {
            for &(i, g, n) in counts {
                let i = i as usize;
                if let Some(t) = totals.get_mut(i) {
                    *t = t.saturating_add(n);
                }
                if let (Some(a), true) = (&mut at_large, Some(g) == group)
                    && let Some(t) = a.get_mut(i)
                {
                    *t = t.saturating_add(n);
                }
            }
        }
        (totals, at_large)
    }
}

/// Arrests over a run of days, for one office or all of them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AverageRow {
    /// The office (`None`: every office together).
    pub office: Option<String>,
    /// Arrests counted over the days.
    pub arrests: u64,
    /// The days.
    pub days: i32,
    /// `arrests / days`.
    pub per_day: f64,
    /// The at-large arrests among them (DDP's rule), with `--group at-large`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at_large: Option<u64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> i32 {
        day_number(y, m, day).unwrap()
    }

    fn file(a: i32, b: i32) -> Days {
        Days { first: a, last: b }
    }

    #[test]
    fn the_last_weeks_end_on_the_files_last_day() {
        let f = file(d(2025, 1, 20), d(2025, 8, 7));
        let w = Window::LastWeeks(12).days(f).unwrap();
        assert_eq!(w.describe(), "2025-05-16 to 2025-08-07, 84 days");
        let short = file(d(2025, 3, 1), d(2025, 3, 10));
        assert_eq!(
            Window::LastWeeks(12).days(short).unwrap_err(),
            "the file covers 10 days, fewer than 84 days (last 12 weeks)"
        );
        // Exactly 84 days is enough.
        let exact = file(d(2025, 5, 16), d(2025, 8, 7));
        assert_eq!(Window::LastWeeks(12).days(exact), Ok(exact));
    }

    #[test]
    fn the_last_full_month_is_the_latest_month_inside_the_file() {
        // Ends mid-month: the month before.
        let f = file(d(2025, 1, 20), d(2025, 8, 7));
        let m = Window::LastFullMonth.days(f).unwrap();
        assert_eq!(m.describe(), "2025-07-01 to 2025-07-31, 31 days");
        // Ends on a month's last day: that month (a leap February).
        let f = file(d(2023, 12, 5), d(2024, 2, 29));
        assert_eq!(
            Window::LastFullMonth.days(f).unwrap().describe(),
            "2024-02-01 to 2024-02-29, 29 days"
        );
        // Across a year end.
        let f = file(d(2024, 11, 1), d(2025, 1, 15));
        assert_eq!(
            Window::LastFullMonth.days(f).unwrap().describe(),
            "2024-12-01 to 2024-12-31, 31 days"
        );
        // Starts after the 1st of the only candidate month.
        let f = file(d(2025, 3, 2), d(2025, 4, 20));
        assert_eq!(
            Window::LastFullMonth.days(f).unwrap_err(),
            "the file covers no calendar month in full (2025-03-02 to 2025-04-20, 50 days)"
        );
    }

    #[test]
    fn choices_cycle_and_name_themselves() {
        let names: Vec<String> = Window::CHOICES.iter().map(|w| w.name()).collect();
        assert_eq!(
            names,
            ["the whole file", "the last 12 weeks", "the last full month"]
        );
        assert_eq!(Window::Whole.next(), Window::LastWeeks(12));
        assert_eq!(Window::LastWeeks(12).next(), Window::LastFullMonth);
        assert_eq!(Window::LastFullMonth.next(), Window::Whole);
        assert_eq!(Window::LastWeeks(4).next(), Window::LastFullMonth);
        assert_eq!(file(5, 5).describe(), "1970-01-06 to 1970-01-06, 1 day");
    }

    #[test]
    fn averages_and_shares_count_only_the_days_of_the_window() {
        use crate::records::{OfficeKey, Period, Stats};
        let key = |l: &str| OfficeKey {
            label: l.into(),
            known: true,
        };
        // MIA: 6 at-large on Jan 30; on Feb 1 MIA 1 custodial, DAL 4 at-large and
        // 2 custodial; nothing on Jan 31.
        let agg = Aggregate {
            path: "f".into(),
            layout: "l".into(),
            date_column: "d".into(),
            office_column: Some("o".into()),
            offices: vec![key("MIA"), key("DAL")],
            groups: vec!["at-large".into(), "custodial".into(), "unknown".into()],
            group_column: Some("apprehension_method".into()),
            methods: Vec::new(),
            days: [
                (d(2025, 1, 30), vec![(0, 0, 6)]),
                (d(2025, 2, 1), vec![(0, 1, 1), (1, 0, 4), (1, 1, 2)]),
            ]
            .into_iter()
            .collect(),
            stats: Stats::default(),
            files: Vec::new(),
        };
        let whole = agg.span().unwrap();
        assert_eq!(whole.count(), 3);
        assert_eq!(
            agg.office_daily_average_over(whole),
            [("MIA".into(), true, 7.0 / 3.0), ("DAL".into(), true, 2.0)]
        );
        let last_two = file(d(2025, 1, 31), d(2025, 2, 1));
        assert_eq!(
            agg.office_daily_average_over(last_two),
            [("MIA".into(), true, 0.5), ("DAL".into(), true, 3.0)]
        );
        assert_eq!(agg.at_large_over(whole), Some((10, 13)));
        assert_eq!(agg.at_large_over(last_two), Some((4, 7)));
        assert_eq!(
            agg.at_large_pace(Period::Month),
            Some(vec![("2025-01".into(), 3.0), ("2025-02".into(), 4.0)])
        );
        let plain = Aggregate {
            groups: Vec::new(),
            ..agg
        };
        assert_eq!(plain.at_large_over(whole), None);
        assert_eq!(plain.at_large_pace(Period::Week), None);
    }
}
