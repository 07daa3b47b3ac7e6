//! Periods (day, week from Sunday, month, fiscal year from October) and the counts of
//! an [`Aggregate`] laid out by them, with partial periods marked.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::Aggregate;
use super::dates::{civil, day_number, days_in_month, iso};
use super::group::AT_LARGE_GROUPS;

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

/// A fiscal year's at-large arrests beside all of its arrests in a records file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AtLargeYear {
    /// The fiscal year's label (`2025`).
    pub fiscal_year: String,
    /// Rows DDP's rule calls at-large.
    pub at_large: u64,
    /// All counted rows of the year.
    pub all: u64,
    /// Whether the file covers only part of the year.
    pub partial: bool,
}

/// One period's count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeriodRow {
    /// The period's label (`2025-01-26`, `2025-01`, `2025`).
    pub period: String,
    /// The office, for per-office reports.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub office: Option<String>,
    /// The `--group` value, for grouped reports.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
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

    /// Counts per period (and per office when `by_office`), in order, groups summed.
    #[must_use]
    pub fn report(&self, period: Period, by_office: bool) -> Vec<PeriodRow> {
        self.report_by(period, by_office, false)
    }

    /// Counts per period, per office when `by_office` and per `--group` value when
    /// `by_group` (and the file was read with `--group`), in order: period, office
    /// label, group (in the groups' order).
    #[must_use]
    pub fn report_by(&self, period: Period, by_office: bool, by_group: bool) -> Vec<PeriodRow> {
        let Some((first, last)) = self.covered() else {
            return Vec::new();
        };
        let by_group = by_group && !self.groups.is_empty();
        // Keyed by (period start, office label, group) so that rows come out in order.
        let mut groups: BTreeMap<(i32, Option<&str>, Option<u32>), u64> = BTreeMap::new();
        let mut spans: HashMap<i32, (i32, String)> = HashMap::new();
        for (day, counts) in &self.days {
            let (start, end, label) = period.span(*day);
            spans.entry(start).or_insert((end, label));
            for &(office, group, n) in counts {
                let label = by_office.then(|| self.label(office));
                let group = by_group.then_some(group);
                let total = groups.entry((start, label, group)).or_insert(0);
                // Counts come from rows read, so they cannot reach u64::MAX.
                *total = total.saturating_add(n);
            }
        }
        let rows: Vec<PeriodRow> = groups
            .into_iter()
            .map(|((start, office, group), count)| {
                let (end, label) = spans[&start].clone();
                let partial = (first > start || last < end)
                    .then(|| (iso(first.max(start)), iso(last.min(end))));
                let days_covered = last.min(end) - first.max(start) + 1;
                PeriodRow {
                    period: label,
                    office: office.map(str::to_string),
                    group: group.and_then(|g| self.groups.get(g as usize).cloned()),
                    count,
                    start: iso(start),
                    end: iso(end),
                    partial,
                    days_covered,
                }
            })
            .collect();
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

    /// Arrests per day over the whole file, per office (in the order of `offices`).
    #[must_use]
    pub fn office_daily_average(&self) -> Vec<(String, bool, f64)> {
        self.span()
            .map_or_else(Vec::new, |days| self.office_daily_average_over(days))
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

    /// At-large arrests per day in each period, beside [`Aggregate::pace`]'s periods
    /// (a period without at-large rows is 0): `None` unless the file was read with
    /// `--group at-large`.
    #[must_use]
    pub fn at_large_pace(&self, period: Period) -> Option<Vec<(String, f64)>> {
        if !self.groups.iter().any(|g| g == AT_LARGE_GROUPS[0]) {
            return None;
        }
        let at_large: HashMap<String, (u64, i32)> = self
            .report_by(period, false, true)
            .into_iter()
            .filter(|r| r.group.as_deref() == Some(AT_LARGE_GROUPS[0]))
            .map(|r| (r.period, (r.count, r.days_covered)))
            .collect();
        Some(
            self.report(period, false)
                .into_iter()
                .map(|r| {
                    let n = at_large.get(&r.period).map_or(0, |a| a.0);
                    #[expect(clippy::cast_precision_loss, reason = "a pace for charts")]
                    let pace = n as f64 / f64::from(r.days_covered.max(1));
                    (r.period, pace)
                })
                .collect(),
        )
    }

    /// An office's label by index (empty for an index out of range).
    fn label(&self, office: u32) -> &str {
        self.offices
            .get(office as usize)
            .map_or("", |o| o.label.as_str())
    }

    /// Each fiscal year's at-large and total counts by DDP's rule, with whether the file
    /// covers only part of the year; `None` unless the file was read with
    /// `--group at-large`.
    #[must_use]
    pub fn at_large_by_fiscal_year(&self) -> Option<Vec<AtLargeYear>> {
        if !self.groups.iter().any(|g| g == AT_LARGE_GROUPS[0]) {
            return None;
        }
        let rows = self.report_by(Period::Fy, false, true);
        let mut years: Vec<AtLargeYear> = Vec::new();
        // The rows come by period, then by group: a new label starts a new year.
        for r in &rows {
            if years.last().is_none_or(|y| y.fiscal_year != r.period) {
                years.push(AtLargeYear {
                    fiscal_year: r.period.clone(),
                    at_large: 0,
                    all: 0,
                    partial: false,
                });
            }
            let year = years.last_mut()?;
            year.all = year.all.saturating_add(r.count);
            if r.group.as_deref() == Some(AT_LARGE_GROUPS[0]) {
                year.at_large = year.at_large.saturating_add(r.count);
            }
            year.partial |= r.partial.is_some();
        }
        Some(years)
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
    use crate::records::{OfficeKey, Stats};

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
    fn sparse_counts_report_by_period_and_office_in_label_order() {
        let d = |m, day| day_number(2025, m, day).unwrap();
        let key = |l: &str| OfficeKey {
            label: l.into(),
            known: true,
        };
        let agg = Aggregate {
            path: "f".into(),
            layout: "l".into(),
            date_column: "d".into(),
            office_column: Some("o".into()),
            offices: vec![key("MIA"), key("DAL")],
            groups: Vec::new(),
            group_column: None,
            methods: Vec::new(),
            days: [
                (d(1, 30), vec![(0, 0, 2)]),
                (d(2, 1), vec![(0, 0, 1), (1, 0, 4)]),
            ]
            .into_iter()
            .collect(),
            stats: Stats::default(),
            files: Vec::new(),
        };
        let rows: Vec<(String, Option<String>, u64, i32)> = agg
            .report(Period::Month, true)
            .into_iter()
            .map(|r| (r.period, r.office, r.count, r.days_covered))
            .collect();
        assert_eq!(
            rows,
            [
                ("2025-01".into(), Some("MIA".into()), 2, 2),
                ("2025-02".into(), Some("DAL".into()), 4, 1),
                ("2025-02".into(), Some("MIA".into()), 1, 1),
            ]
        );
        let avg = agg.office_daily_average();
        assert_eq!(avg[1], ("DAL".into(), true, 4.0 / 3.0));
        assert_eq!(agg.pace(Period::Month)[1], ("2025-02".into(), 5.0));
    }
}
