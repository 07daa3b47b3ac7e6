//! Deeper questions about a scenario, all pure: the arithmetic explained step by step,
//! goal seeking in both directions, a sensitivity grid, milestones and ramp-ups.

use serde::Serialize;

use crate::data::{Confidence, Dataset};
use crate::model::{Outcome, Scenario, Standing, format_multiple};
use crate::number::{AMOUNT_SCALE, Amount, Fixed3, format_f64, group_thousands};

/// One step of the arithmetic: a question and its result, with the source it leans on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// The left-hand side, e.g. `75 arrests per office per day x 25 offices`.
    pub question: String,
    /// The result, e.g. `1,875 arrests per day`.
    pub answer: String,
    /// Short citation of the figure the step uses, if any.
    pub source: Option<String>,
}

impl Step {
    /// `question = answer`.
    #[must_use]
    pub fn line(&self) -> String {
        format!("{} = {}", self.question, self.answer)
    }
}

/// The scenario's arithmetic, step by step, in words with units and sources.
#[must_use]
pub fn explain(s: &Scenario, o: &Outcome, data: &Dataset) -> Vec<Step> {
    let mut steps = Vec::new();
    let daily = o.daily_total.display(2);
    let offices = group_thousands(u128::from(s.offices));
    let full = Fixed3::whole(100);
    let base = if s.is_uniform(&data.offices) {
        format!(
            "{} arrests per office per day x {offices} offices",
            s.per_office
        )
    } else {
        format!(
            "the targets of {offices} offices ({} changed), added up",
            s.overrides.len()
        )
    };
    if s.attainment == full {
        steps.push(Step {
            question: base,
            answer: format!("{daily} arrests per day"),
            source: None,
        });
    } else {
        let target_total = Scenario {
            attainment: full,
            ..s.clone()
        }
        .daily_total(&data.offices);
        steps.push(Step {
            question: base,
            answer: format!("{} arrests per day targeted", target_total.display(2)),
            source: None,
        });
        steps.push(Step {
            question: format!("{} x {}% attained", target_total.display(2), s.attainment),
            answer: format!("{daily} arrests per day"),
            source: None,
        });
    }
    steps.push(Step {
        question: format!("{daily} a day x {} days", s.days),
        answer: format!("{} arrests a year", o.annual_total.display(2)),
        source: None,
    });
    if let Some(c) = o.latest_official.and_then(|i| o.comparisons.get(i)) {
        let source = data.source(&c.source_id).map(|s| s.short.clone());
        steps.push(Step {
            question: format!(
                "FY{}: {} arrests over {} days",
                c.fiscal_year,
                group_thousands(u128::from(c.arrests)),
                c.days
            ),
            answer: format!("{} a day", format_f64(c.daily_average, 1)),
            source,
        });
        steps.push(Step {
            question: format!("{daily} / {}", format_f64(c.daily_average, 1)),
            answer: format!(
                "{} times the FY{} pace",
                format_multiple(c.daily_multiple).trim_end_matches('x'),
                c.fiscal_year
            ),
            source: None,
        });
        steps.push(Step {
            question: format!("{daily} - {}", format_f64(c.daily_average, 1)),
            answer: format!("{} a day than FY{}", c.daily_gap_words(), c.fiscal_year),
            source: None,
        });
        steps.push(Step {
            question: format!(
                "{} / {}",
                o.annual_total.display(2),
                group_thousands(u128::from(c.arrests))
            ),
            answer: format!(
                "{} times FY{}'s total",
                format_multiple(c.multiple).trim_end_matches('x'),
                c.fiscal_year
            ),
            source: None,
        });
    }
    if let Some(c) = o.latest_official.and_then(|i| o.comparisons.get(i)) {
        steps.push(Step {
            question: format!(
                "{} - {}",
                o.annual_total.display(2),
                group_thousands(u128::from(c.arrests))
            ),
            answer: format!("{} a year than FY{}", c.difference.words(2), c.fiscal_year),
            source: None,
        });
    }
    if let Some(step) = quota_step(o, data) {
        steps.push(step);
    }
    steps
}

/// The first reported quota's check as a step of arithmetic.
fn quota_step(o: &Outcome, data: &Dataset) -> Option<Step> {
    let (c, q) = o
        .quota_checks
        .first()
        .and_then(|c| data.quota(&c.quota_id).map(|q| (c, q)))?;
    Some({
        let source = data.source(&q.source_id).map(|s| s.short.clone());
        let unit = match c.basis {
            crate::model::Basis::PerDay => "a day",
            crate::model::Basis::PerOfficePerDay => "a day per office",
            crate::model::Basis::PerYear => "a year",
        };
        let range = format!("{} {unit}", q.range_text());
        let actual = c.actual.display(2);
        let (question, answer) = match c.status {
            crate::model::Status::Above => (
                format!(
                    "{actual} - {} (the top of the reported {range})",
                    c.high.display(2)
                ),
                format!("{} above", c.gap.display(2)),
            ),
            crate::model::Status::Below => (
                format!(
                    "{} (the bottom of the reported {range}) - {actual}",
                    c.low.display(2)
                ),
                format!("{} short", c.gap.display(2)),
            ),
            crate::model::Status::Inside => (
                format!("{actual} against the reported {range}"),
                "inside it".to_string(),
            ),
        };
        Step {
            question,
            answer,
            source,
        }
    })
}

/// What a goal is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Goal {
    /// A daily total (arrests a day).
    Daily(u64),
    /// An annual total (arrests a year, over the scenario's days).
    Annual(u64),
    /// The total of a loaded fiscal year.
    MatchYear(i32),
}

/// What it takes to reach a goal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalResult {
    /// The goal in words.
    pub goal: String,
    /// The daily total the goal needs.
    pub daily_needed: Amount,
    /// The uniform per-office target needed at the current office count (and whether
    /// it is exact); `None` with zero offices or zero attainment.
    pub per_office_needed: Option<(Fixed3, bool)>,
    /// Offices needed at the current per-office target (rounded up so the goal is met);
    /// `None` when the per-office target or attainment is zero.
    pub offices_needed: Option<u128>,
}

/// Solve for the per-office target and for the office count that reach `goal`.
/// `None` when the goal names a fiscal year that is not loaded.
#[must_use]
pub fn goal_seek(s: &Scenario, data: &Dataset, goal: Goal) -> Option<GoalResult> {
    let days = u128::from(s.days);
    // The goal as an annual total in Amount units, and in words.
    let (annual_units, words) = match goal {
        Goal::Daily(n) => (
            u128::from(n) * AMOUNT_SCALE * days,
            format!("{} arrests a day", group_thousands(u128::from(n))),
        ),
        Goal::Annual(n) => (
            u128::from(n) * AMOUNT_SCALE,
            format!("{} arrests a year", group_thousands(u128::from(n))),
        ),
        Goal::MatchYear(fy) => {
            let a = data.annual.iter().find(|a| a.fiscal_year == fy)?;
            (
                u128::from(a.arrests) * AMOUNT_SCALE,
                format!(
                    "FY{fy}'s total, {} arrests ({})",
                    group_thousands(u128::from(a.arrests)),
                    a.confidence.label()
                ),
            )
        }
    };
    let att = u128::from(s.attainment.thousandths());
    // target_thousandths x offices x att x days = annual units (see model::check_quota).
    let per_office_needed =
        Fixed3::from_ratio(annual_units, u128::from(s.offices) * att * days * 1000);
    let per_office_units = u128::from(s.per_office.thousandths()) * att * days;
    let offices_needed = (per_office_units > 0).then(|| annual_units.div_ceil(per_office_units));
    Some(GoalResult {
        goal: words,
        daily_needed: Amount::from_units(annual_units / days),
        per_office_needed,
        offices_needed,
    })
}

/// One cell of the sensitivity grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// The annual total at this per-office target and office count.
    pub annual: Amount,
    /// The highest official fiscal year the total exceeds.
    pub exceeds: Option<i32>,
    /// True when the total exceeds every official year.
    pub above_all: bool,
    /// The presets this cell matches (reported quotas).
    pub presets: Vec<String>,
}

impl Cell {
    /// Where the cell's total stands against the official years.
    #[must_use]
    pub fn standing(&self) -> Standing {
        match (self.above_all, self.exceeds) {
            (true, Some(y)) => Standing::AboveAll(y),
            (_, Some(y)) => Standing::Above(y),
            (_, None) => Standing::BelowAll,
        }
    }

    /// The cell as text: `684,375 *q` (the total; `*` above every official year, or
    /// `>21` above FY2021 at most; `q` where a reported quota sits).
    #[must_use]
    pub fn label(&self) -> String {
        let year = match self.standing() {
            Standing::AboveAll(_) => "*".to_string(),
            Standing::Above(y) => format!(">{:02}", y % 100),
            Standing::BelowAll => String::new(),
        };
        let quota = if self.presets.is_empty() { "" } else { "q" };
        format!("{} {year}{quota}", self.annual.display(0))
    }
}

/// Per-office target (rows) x office count (columns) -> annual total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Grid {
    /// Per-office targets, ascending.
    pub rows: Vec<Fixed3>,
    /// Office counts, ascending.
    pub cols: Vec<u32>,
    /// `cells[row][col]`.
    pub cells: Vec<Vec<Cell>>,
}

/// The default axes: the presets' values and round numbers around the scenario.
#[must_use]
pub fn grid_axes(s: &Scenario, presets: &[crate::model::Preset]) -> (Vec<Fixed3>, Vec<u32>) {
    let mut rows: Vec<Fixed3> = presets.iter().map(|p| p.per_office).collect();
    rows.extend([25, 50, 100].map(Fixed3::whole));
    rows.push(s.per_office);
    rows.sort();
    rows.dedup();
    let mut cols: Vec<u32> = presets.iter().map(|p| p.offices).collect();
    cols.extend([10, 16, 20, 24, 30]);
    cols.push(s.offices);
    cols.retain(|c| *c > 0);
    cols.sort_unstable();
    cols.dedup();
    (rows, cols)
}

/// The grid at the scenario's attainment and days.
#[must_use]
pub fn sensitivity(
    s: &Scenario,
    data: &Dataset,
    presets: &[crate::model::Preset],
    rows: &[Fixed3],
    cols: &[u32],
) -> Grid {
    let official: Vec<(i32, u64)> = data
        .annual
        .iter()
        .filter(|a| a.confidence == Confidence::Official)
        .map(|a| (a.fiscal_year, a.arrests))
        .collect();
    let cells = rows
        .iter()
        .map(|&per_office| {
            cols.iter()
                .map(|&offices| {
                    let annual = Amount::from_units(
                        u128::from(per_office.thousandths())
                            * u128::from(offices)
                            * u128::from(s.attainment.thousandths())
                            * u128::from(s.days),
                    );
                    let below: Vec<&(i32, u64)> = official
                        .iter()
                        .filter(|(_, n)| Amount::whole(*n) < annual)
                        .collect();
                    Cell {
                        annual,
                        exceeds: below.iter().max_by_key(|(y, n)| (*n, *y)).map(|(y, _)| *y),
                        above_all: !official.is_empty() && below.len() == official.len(),
                        presets: presets
                            .iter()
                            .filter(|p| p.per_office == per_office && p.offices == offices)
                            .map(|p| p.id.clone())
                            .collect(),
                    }
                })
                .collect()
        })
        .collect();
    Grid {
        rows: rows.to_vec(),
        cols: cols.to_vec(),
        cells,
    }
}

/// The day on which the scenario's cumulative arrests reach a figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Milestone {
    /// What is reached, e.g. `FY2024's whole-year total`.
    pub label: String,
    /// The figure.
    pub value: u64,
    /// How the figure is known (`None` for a round number).
    pub confidence: Option<Confidence>,
    /// The day it is reached (day 1 is the first day); `None` at a pace of zero.
    pub day: Option<u128>,
    /// Whether that day falls within the scenario's year.
    pub within_year: bool,
    /// The days the figure covers when they are not a whole fiscal year's (FY2025's
    /// estimate: 364); `None` otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub covers_days: Option<u16>,
}

impl Milestone {
    /// `FY2024's whole-year total (113,431) on day 61`, or for an estimate over its own
    /// window `the FY2025 estimate (233,042 over 364 days, derived) on day 125`.
    #[must_use]
    pub fn sentence(&self) -> String {
        let mut value = group_thousands(u128::from(self.value));
        if let Some(d) = self.covers_days {
            value = format!("{value} over {d} days");
        }
        if let Some(c) = self.confidence.filter(|c| *c != Confidence::Official) {
            value = format!("{value}, {}", c.label());
        }
        match self.day {
            Some(d) => format!(
                "{} ({value}) on day {}{}",
                self.label,
                group_thousands(d),
                if self.within_year {
                    ""
                } else {
                    " (beyond one year)"
                }
            ),
            None => format!("{} ({value}): never, at 0 a day", self.label),
        }
    }
}

/// At the scenario's pace, the day each fiscal year's total, each reference figure and
/// one million are reached.
#[must_use]
pub fn milestones(s: &Scenario, o: &Outcome, data: &Dataset) -> Vec<Milestone> {
    let daily = o.daily_total.units();
    let day =
        |value: u64| (daily > 0).then(|| (u128::from(value) * AMOUNT_SCALE).div_ceil(daily).max(1));
    let mut out: Vec<Milestone> = data
        .annual
        .iter()
        .map(|a| {
            let label = if a.days.is_some() {
                format!("the FY{} estimate", a.fiscal_year)
            } else {
                format!("FY{}'s whole-year total", a.fiscal_year)
            };
            (label, a.arrests, Some(a.confidence), a.days)
        })
        .chain(
            data.reference
                .iter()
                .map(|r| (r.label.clone(), r.value, Some(r.confidence), None)),
        )
        .chain(std::iter::once((
            "one million".to_string(),
            1_000_000,
            None,
            None,
        )))
        .map(|(label, value, confidence, covers_days)| {
            let d = day(value);
            Milestone {
                label,
                value,
                confidence,
                day: d,
                within_year: d.is_some_and(|d| d <= u128::from(s.days)),
                covers_days,
            }
        })
        .collect();
    out.sort_by_key(|m| (m.day.is_none(), m.day, m.value));
    out
}

/// A linear ramp from a baseline pace to the scenario's daily total.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ramp {
    /// Arrests a day at the start.
    pub baseline: f64,
    /// Where the baseline comes from.
    pub baseline_label: String,
    /// Weeks to reach the target.
    pub weeks: u32,
    /// Total over the scenario's days with the ramp.
    pub total_with_ramp: f64,
    /// Total at the target pace from day one.
    pub total_flat: f64,
    /// Cumulative arrests at the end of each day, with the ramp.
    pub cumulative: Vec<f64>,
}

impl Ramp {
    /// How much the ramp costs against the flat assumption.
    #[must_use]
    pub fn shortfall(&self) -> f64 {
        self.total_flat - self.total_with_ramp
    }
}

/// Ramp linearly from `baseline` (by default the latest official year's daily average)
/// to the scenario's daily total over `weeks`, then hold it.
#[must_use]
pub fn ramp(s: &Scenario, o: &Outcome, weeks: u32, baseline: Option<f64>) -> Ramp {
    let (baseline, baseline_label) = match baseline {
        Some(b) => (b, format!("{} a day", format_f64(b, 1))),
        None => o.latest_official.and_then(|i| o.comparisons.get(i)).map_or(
            (0.0, "zero".to_string()),
            |c| {
                (
                    c.daily_average,
                    format!(
                        "FY{}'s average, {} a day",
                        c.fiscal_year,
                        format_f64(c.daily_average, 1)
                    ),
                )
            },
        ),
    };
    let target = o.daily_total.to_f64();
    let ramp_days = f64::from(weeks) * 7.0;
    let mut total = 0.0;
    let cumulative = (0..s.days)
        .map(|d| {
            let d = f64::from(d);
            let pace = if d < ramp_days {
                baseline + (target - baseline) * d / ramp_days
            } else {
                target
            };
            total += pace;
            total
        })
        .collect();
    Ramp {
        baseline,
        baseline_label,
        weeks,
        total_with_ramp: total,
        total_flat: target * f64::from(s.days),
        cumulative,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{self, evaluate};

    fn data() -> Dataset {
        Dataset::bundled().unwrap()
    }

    #[test]
    fn the_arithmetic_in_words() {
        let d = data();
        let s = Scenario::default();
        let o = evaluate(&s, &d);
        let lines: Vec<String> = explain(&s, &o, &d).iter().map(Step::line).collect();
        assert_eq!(
            lines,
            [
                "75 arrests per office per day x 25 offices = 1,875 arrests per day",
                "1,875 a day x 365 days = 684,375 arrests a year",
                "FY2024: 113,431 arrests over 366 days = 309.9 a day",
                "1,875 / 309.9 = 6.05 times the FY2024 pace",
                "1,875 - 309.9 = 1,565.1 more a day than FY2024",
                "684,375 / 113,431 = 6.03 times FY2024's total",
                "684,375 - 113,431 = 570,944 more a year than FY2024",
                "1,875 - 1,500 (the top of the reported 1,200-1,500 a day) = 375 above",
            ]
        );
        assert_eq!(
            explain(&s, &o, &d)[2].source.as_deref(),
            Some("ICE FY2024 report")
        );
    }

    #[test]
    fn attainment_adds_a_step() {
        let d = data();
        let s = Scenario {
            attainment: Fixed3::whole(60),
            ..Scenario::default()
        };
        let o = evaluate(&s, &d);
        let steps = explain(&s, &o, &d);
        assert_eq!(
            steps[0].line(),
            "75 arrests per office per day x 25 offices = 1,875 arrests per day targeted"
        );
        assert_eq!(
            steps[1].line(),
            "1,875 x 60% attained = 1,125 arrests per day"
        );
    }

    #[test]
    fn goal_seek_both_ways() {
        let d = data();
        let s = Scenario::default();
        let r = goal_seek(&s, &d, Goal::Daily(1500)).unwrap();
        assert_eq!(r.per_office_needed, Some((Fixed3::whole(60), true)));
        assert_eq!(r.offices_needed, Some(20));
        let r = goal_seek(&s, &d, Goal::MatchYear(2024)).unwrap();
        assert_eq!(r.goal, "FY2024's total, 113,431 arrests (official)");
        // 113,431 / 365 / 25 = 12.4308... per office; 113,431 / (75 x 365) = 4.14 -> 5 offices.
        assert_eq!(
            r.per_office_needed,
            Some((Fixed3::from_thousandths(12_431), false))
        );
        assert_eq!(r.offices_needed, Some(5));
        let r = goal_seek(&s, &d, Goal::Annual(1_000_000)).unwrap();
        assert_eq!(
            r.per_office_needed,
            Some((Fixed3::from_thousandths(109_589), false))
        );
        assert_eq!(r.offices_needed, Some(37));
        assert_eq!(goal_seek(&s, &d, Goal::MatchYear(1999)), None);
        let zero = Scenario {
            offices: 0,
            per_office: Fixed3::ZERO,
            ..Scenario::default()
        };
        let r = goal_seek(&zero, &d, Goal::Daily(1200)).unwrap();
        assert_eq!((r.per_office_needed, r.offices_needed), (None, None));
    }

    #[test]
    fn sensitivity_grid_marks_years_and_quotas() {
        let data = data();
        let s = Scenario::default();
        let presets = model::presets(&data);
        let (rows, cols) = grid_axes(&s, &presets);
        assert_eq!(
            rows.iter().map(ToString::to_string).collect::<Vec<_>>(),
            ["25", "48", "50", "60", "72", "75", "100", "120"]
        );
        assert_eq!(cols, [10, 16, 20, 24, 25, 30]);
        let grid = sensitivity(&s, &data, &presets, &rows, &cols);
        let cell = |per: u32, offices: u32| {
            let r = rows.iter().position(|x| *x == Fixed3::whole(per)).unwrap();
            let c = cols.iter().position(|x| *x == offices).unwrap();
            grid.cells[r][c].clone()
        };
        let c = cell(75, 25);
        assert_eq!(c.annual, Amount::whole(684_375));
        assert!(c.above_all);
        assert_eq!(c.exceeds, Some(2012));
        assert_eq!(c.presets, ["wapo-per-office", "independent-25x75"]);
        // 25 x 10 x 365 = 91,250: above FY2021 (74,082) only.
        let c = cell(25, 10);
        assert_eq!(c.annual, Amount::whole(91_250));
        assert_eq!(c.exceeds, Some(2021));
        assert!(!c.above_all);
        assert_eq!(cell(48, 25).presets, ["wapo-national-low"]);
    }

    #[test]
    fn milestones_in_days() {
        let d = data();
        let s = Scenario::default();
        let o = evaluate(&s, &d);
        let m = milestones(&s, &o, &d);
        let find = |label: &str| m.iter().find(|m| m.label == label).unwrap();
        assert_eq!(
            find("FY2024's whole-year total").sentence(),
            "FY2024's whole-year total (113,431) on day 61"
        );
        // FY2025's 233,042 is an estimate over 364 days, not a whole-year total.
        assert!(!m.iter().any(|m| m.label == "FY2025's whole-year total"));
        let fy2025 = find("the FY2025 estimate");
        assert_eq!(fy2025.covers_days, Some(364));
        assert_eq!(
            fy2025.sentence(),
            "the FY2025 estimate (233,042 over 364 days, derived) on day 125"
        );
        assert_eq!(
            find("People with criminal histories on ICE's national docket").day,
            Some(354)
        );
        let million = find("one million");
        assert_eq!(million.day, Some(534));
        assert!(!million.within_year);
        assert_eq!(
            million.sentence(),
            "one million (1,000,000) on day 534 (beyond one year)"
        );
        assert!(m.windows(2).all(|w| w[0].day <= w[1].day), "sorted by day");
        let zero = Scenario {
            offices: 0,
            ..Scenario::default()
        };
        let o = evaluate(&zero, &d);
        assert!(milestones(&zero, &o, &d).iter().all(|m| m.day.is_none()));
    }

    #[test]
    fn ramp_up_against_flat() {
        let d = data();
        let s = Scenario {
            offices: 2,
            per_office: Fixed3::whole(100),
            ..Scenario::default()
        };
        let o = evaluate(&s, &d);
        // From 100 to 200 a day over one week: the first 7 days add 700 + 100 x (0+..+6)/7.
        let r = ramp(&s, &o, 1, Some(100.0));
        assert!(
            (r.total_with_ramp - 72_600.0).abs() < 1e-6,
            "{}",
            r.total_with_ramp
        );
        assert!((r.total_flat - 73_000.0).abs() < 1e-9);
        assert!((r.shortfall() - 400.0).abs() < 1e-6);
        assert_eq!(r.cumulative.len(), 365);
        let flat = ramp(&s, &o, 0, None);
        assert!((flat.total_with_ramp - flat.total_flat).abs() < 1e-6);
        let from_fy = ramp(
            &Scenario::default(),
            &evaluate(&Scenario::default(), &d),
            12,
            None,
        );
        assert_eq!(from_fy.baseline_label, "FY2024's average, 309.9 a day");
        assert!(from_fy.total_with_ramp < from_fy.total_flat);
    }
}
