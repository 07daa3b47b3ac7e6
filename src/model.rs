//! The scenario model: pure arithmetic from a [`Scenario`] and a [`Dataset`] to an
//! [`Outcome`]. No terminal, no I/O; the CLI reports and the TUI both call [`evaluate`].

use std::collections::BTreeMap;

use serde::Serialize;

use crate::data::{Confidence, Dataset, FieldOffice, Quota, QuotaKind, QuotaUnit};
use crate::number::{Amount, Fixed3, format_f64, group_thousands};

/// Largest per-office daily target accepted (one trillion).
pub const MAX_PER_OFFICE: Fixed3 = Fixed3::whole(1_000_000_000_000);
/// Largest attainment accepted, in percent.
pub const MAX_ATTAINMENT: Fixed3 = Fixed3::whole(1000);
/// Accepted days per year.
pub const DAYS: std::ops::RangeInclusive<u16> = 1..=366;

/// The inputs of a scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Scenario {
    /// Number of field offices making arrests.
    pub offices: u32,
    /// Daily arrest target per office (the uniform target).
    pub per_office: Fixed3,
    /// Per-office targets that differ from the uniform one, by office code.
    pub overrides: BTreeMap<String, Fixed3>,
    /// Percent of the target actually met.
    pub attainment: Fixed3,
    /// Days per year on which arrests are made (365; 261 for weekdays only).
    pub days: u16,
}

impl Default for Scenario {
    /// The January 2025 reports: 25 field offices x 75 arrests a day.
    fn default() -> Self {
        Self {
            offices: 25,
            per_office: Fixed3::whole(75),
            overrides: BTreeMap::new(),
            attainment: Fixed3::whole(100),
            days: 365,
        }
    }
}

/// A scenario input outside what the model accepts.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScenarioError {
    /// A value beyond its bounds.
    #[error("{field} '{value}' is out of range; expected {expected}")]
    OutOfRange {
        /// Which input.
        field: &'static str,
        /// The value given.
        value: String,
        /// The accepted range in words.
        expected: String,
    },
    /// An override for an office code the data does not have.
    #[error("'{0}' is not a field office code in field_offices.csv (known: {1})")]
    UnknownOffice(String, String),
}

/// One office's line in the offices view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeLine {
    /// The office code, or `None` for a hypothetical extra office.
    pub code: Option<String>,
    /// Its name (`Extra office 26` for hypothetical ones).
    pub name: String,
    /// Its daily target.
    pub target: Fixed3,
    /// Whether it counts in the scenario (offices beyond the count drop out).
    pub active: bool,
    /// Whether its target differs from the uniform one.
    pub overridden: bool,
}

impl Scenario {
    /// Check every input against its bounds and the known office codes.
    ///
    /// # Errors
    /// The first input that is out of range.
    pub fn validate(&self, offices: &[FieldOffice]) -> Result<(), ScenarioError> {
        check_target("per-office target", self.per_office)?;
        if self.attainment > MAX_ATTAINMENT {
            return Err(ScenarioError::OutOfRange {
                field: "attainment",
                value: self.attainment.to_string(),
                expected: format!("0 to {MAX_ATTAINMENT} percent"),
            });
        }
        if !DAYS.contains(&self.days) {
            return Err(ScenarioError::OutOfRange {
                field: "days",
                value: self.days.to_string(),
                expected: "1 to 366 days".to_string(),
            });
        }
        for (code, target) in &self.overrides {
            if !offices.iter().any(|o| &o.code == code) {
                let known: Vec<&str> = offices.iter().map(|o| o.code.as_str()).collect();
                return Err(ScenarioError::UnknownOffice(code.clone(), known.join(", ")));
            }
            check_target("office target", *target)?;
        }
        Ok(())
    }

    /// The target of the office with this code (its override or the uniform target).
    #[must_use]
    pub fn target_of(&self, code: &str) -> Fixed3 {
        self.overrides.get(code).copied().unwrap_or(self.per_office)
    }

    /// Every office with its target and whether it counts: the data's offices in file
    /// order (the first `offices` are active), then hypothetical extras up to `offices`
    /// (at most `extra_limit` of them are listed).
    #[must_use]
    pub fn office_lines(&self, offices: &[FieldOffice], extra_limit: usize) -> Vec<OfficeLine> {
        let active = usize::try_from(self.offices).unwrap_or(usize::MAX);
        let mut lines: Vec<OfficeLine> = offices
            .iter()
            .enumerate()
            .map(|(i, o)| OfficeLine {
                code: Some(o.code.clone()),
                name: o.name.clone(),
                target: self.target_of(&o.code),
                active: i < active,
                overridden: self.overrides.contains_key(&o.code),
            })
            .collect();
        let extras = active.saturating_sub(offices.len()).min(extra_limit);
        lines.extend((0..extras).map(|i| OfficeLine {
            code: None,
            name: format!("Extra office {}", offices.len() + i + 1),
            target: self.per_office,
            active: true,
            overridden: false,
        }));
        lines
    }

    /// Sum of the active offices' targets, in thousandths.
    fn target_sum(&self, offices: &[FieldOffice]) -> u128 {
        let active = u128::from(self.offices);
        let named: u128 = offices
            .iter()
            .take(usize::try_from(self.offices).unwrap_or(usize::MAX))
            .map(|o| u128::from(self.target_of(&o.code).thousandths()))
            .sum();
        let listed = u128::try_from(offices.len())
            .unwrap_or(u128::MAX)
            .min(active);
        named + (active - listed) * u128::from(self.per_office.thousandths())
    }

    /// Implied arrests per day: the sum of active office targets x attainment.
    #[must_use]
    pub fn daily_total(&self, offices: &[FieldOffice]) -> Amount {
        // thousandths x thousandths-of-a-percent = 1e-8 units; bounded well below u128::MAX.
        Amount::from_units(self.target_sum(offices) * u128::from(self.attainment.thousandths()))
    }

    /// The daily total's arithmetic in words: `25 offices x 75` (or `sum of 25 office
    /// targets` when some differ), with `x 60%` when attainment is not 100%.
    #[must_use]
    pub fn formula(&self) -> String {
        let offices = group_thousands(u128::from(self.offices));
        let base = if self.overrides.is_empty() {
            format!("{offices} offices x {}", self.per_office)
        } else {
            format!("sum of {offices} office targets")
        };
        if self.attainment == Fixed3::whole(100) {
            base
        } else {
            format!("{base} x {}%", self.attainment)
        }
    }

    /// Whether every active office has the uniform target.
    #[must_use]
    pub fn is_uniform(&self, offices: &[FieldOffice]) -> bool {
        offices
            .iter()
            .take(usize::try_from(self.offices).unwrap_or(usize::MAX))
            .all(|o| self.target_of(&o.code) == self.per_office)
    }
}

fn check_target(field: &'static str, t: Fixed3) -> Result<(), ScenarioError> {
    if t > MAX_PER_OFFICE {
        return Err(ScenarioError::OutOfRange {
            field,
            value: t.to_string(),
            expected: format!("0 to {} a day", group_thousands(1_000_000_000_000)),
        });
    }
    Ok(())
}

/// Days in a fiscal year: FY N runs Oct 1 of N-1 to Sep 30 of N, so it has 366 days
/// when calendar year N is a leap year (FY2024 holds Feb 29 2024).
#[must_use]
pub const fn fiscal_year_days(fiscal_year: i32) -> u16 {
    let leap = (fiscal_year % 4 == 0 && fiscal_year % 100 != 0) || fiscal_year % 400 == 0;
    if leap { 366 } else { 365 }
}

/// The scenario set against one fiscal year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearComparison {
    /// The fiscal year.
    pub fiscal_year: i32,
    /// Its arrests.
    pub arrests: u64,
    /// Its real number of days (365 or 366).
    pub days: u16,
    /// Arrests / days.
    pub daily_average: f64,
    /// Scenario annual total / the year's arrests (`None` when the year has 0).
    pub multiple: Option<f64>,
    /// Scenario daily total / the year's daily average.
    pub daily_multiple: Option<f64>,
    /// How the year's figure is known.
    pub confidence: Confidence,
    /// Its source.
    pub source_id: String,
    /// Its note.
    pub note: String,
}

/// Where the scenario's annual total ranks among the official years.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rank {
    /// 1 = higher than every official year.
    pub position: usize,
    /// Number of entries ranked (official years + the scenario).
    pub of: usize,
    /// The highest official year the scenario exceeds, if any.
    pub highest_exceeded: Option<i32>,
}

/// Where the scenario stands against the official years, for the words of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Above every official year; the highest of them.
    AboveAll(i32),
    /// Above some; the highest official year it exceeds.
    Above(i32),
    /// Below every official year.
    BelowAll,
}

impl Rank {
    /// Where the scenario stands.
    #[must_use]
    pub fn standing(&self) -> Standing {
        match self.highest_exceeded {
            Some(y) if self.position == 1 => Standing::AboveAll(y),
            Some(y) => Standing::Above(y),
            None => Standing::BelowAll,
        }
    }
}

/// Whether a figure is below, inside or above a reported range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Below the low end.
    Below,
    /// Within the range.
    Inside,
    /// Above the high end.
    Above,
}

/// What a quota is compared on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The national daily total.
    PerDay,
    /// The average arrests per active office per day.
    PerOfficePerDay,
    /// The annual total.
    PerYear,
}

/// The scenario set against one reported arrest quota.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuotaCheck {
    /// The quota's id.
    pub quota_id: String,
    /// What is compared.
    pub basis: Basis,
    /// The quota's low end on that basis.
    pub low: Amount,
    /// The quota's high end on that basis.
    pub high: Amount,
    /// The scenario's figure on that basis.
    pub actual: Amount,
    /// Below, inside or above.
    pub status: Status,
    /// Distance to the nearest end (0 when inside).
    pub gap: Amount,
    /// Uniform per-office target (before attainment) that lands on the low and high
    /// ends at the current office count; the flag is true when exact.
    pub per_office_needed: Option<((Fixed3, bool), (Fixed3, bool))>,
    /// Whole office counts that land in the range at the current uniform target.
    pub offices_needed: Option<(u128, u128)>,
}

/// The scenario set against the observed 2025 weekly pace.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ObservedPace {
    /// First week in the series.
    pub first_week: jiff::civil::Date,
    /// Last week in the series.
    pub last_week: jiff::civil::Date,
    /// Arrests in the whole series.
    pub arrests: u64,
    /// Days the series covers.
    pub days: u64,
    /// Average arrests per day over the series.
    pub average_per_day: f64,
    /// The week with the highest daily pace.
    pub peak_week: jiff::civil::Date,
    /// Its arrests per day.
    pub peak_per_day: f64,
    /// Scenario daily total / average pace.
    pub multiple_of_average: Option<f64>,
    /// Scenario daily total / peak pace.
    pub multiple_of_peak: Option<f64>,
    /// Source of the series.
    pub source_id: String,
}

/// Everything the model says about a scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    /// Implied arrests per day.
    pub daily_total: Amount,
    /// Implied arrests per year (daily x days).
    pub annual_total: Amount,
    /// Average per active office per day (`None` with zero offices).
    pub per_office_average: Option<Amount>,
    /// Every loaded fiscal year, ascending.
    pub comparisons: Vec<YearComparison>,
    /// Rank among the official years.
    pub rank: Option<Rank>,
    /// Index in `comparisons` of the latest official year.
    pub latest_official: Option<usize>,
    /// Index in `comparisons` of the highest official year.
    pub highest_official: Option<usize>,
    /// Every reported arrest quota, checked.
    pub quota_checks: Vec<QuotaCheck>,
    /// The observed 2025 pace, when the weekly series is loaded.
    pub observed: Option<ObservedPace>,
    /// The annual total against each context figure in `reference.csv`.
    pub references: Vec<ReferenceComparison>,
}

/// The scenario's annual total against one context figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReferenceComparison {
    /// The figure's id.
    pub id: String,
    /// The figure.
    pub value: u64,
    /// Scenario annual total / the figure.
    pub multiple: Option<f64>,
}

/// Compute the outcome of a scenario (assumed valid: see [`Scenario::validate`]).
#[must_use]
pub fn evaluate(scenario: &Scenario, data: &Dataset) -> Outcome {
    let daily_total = scenario.daily_total(&data.offices);
    let annual_total = Amount::from_units(daily_total.units() * u128::from(scenario.days));
    let per_office_average = (scenario.offices > 0)
        .then(|| Amount::from_units(daily_total.units() / u128::from(scenario.offices)));
    let comparisons: Vec<YearComparison> = data
        .annual
        .iter()
        .map(|a| {
            let days = fiscal_year_days(a.fiscal_year);
            let arrests = Amount::whole(a.arrests);
            YearComparison {
                fiscal_year: a.fiscal_year,
                arrests: a.arrests,
                days,
                daily_average: arrests.to_f64() / f64::from(days),
                multiple: annual_total.ratio(arrests),
                daily_multiple: daily_total
                    .checked_mul(u128::from(days))
                    .and_then(|d| d.ratio(arrests)),
                confidence: a.confidence,
                source_id: a.source_id.clone(),
                note: a.note.clone(),
            }
        })
        .collect();
    let official: Vec<(usize, &YearComparison)> = comparisons
        .iter()
        .enumerate()
        .filter(|(_, c)| c.confidence == Confidence::Official)
        .collect();
    let latest_official = official
        .iter()
        .max_by_key(|(_, c)| c.fiscal_year)
        .map(|(i, _)| *i);
    let highest_official = official
        .iter()
        .max_by_key(|(_, c)| (c.arrests, c.fiscal_year))
        .map(|(i, _)| *i);
    let rank = (!official.is_empty()).then(|| Rank {
        position: 1 + official
            .iter()
            .filter(|(_, c)| Amount::whole(c.arrests) > annual_total)
            .count(),
        of: official.len() + 1,
        highest_exceeded: official
            .iter()
            .filter(|(_, c)| Amount::whole(c.arrests) < annual_total)
            .max_by_key(|(_, c)| (c.arrests, c.fiscal_year))
            .map(|(_, c)| c.fiscal_year),
    });
    let quota_checks = data
        .quotas
        .iter()
        .filter(|q| q.kind == QuotaKind::Arrests)
        .map(|q| check_quota(q, scenario, daily_total, annual_total, per_office_average))
        .collect();
    Outcome {
        daily_total,
        annual_total,
        per_office_average,
        comparisons,
        rank,
        latest_official,
        highest_official,
        quota_checks,
        observed: observed_pace(data, daily_total),
        references: data
            .reference
            .iter()
            .map(|r| ReferenceComparison {
                id: r.id.clone(),
                value: r.value,
                multiple: annual_total.ratio(Amount::whole(r.value)),
            })
            .collect(),
    }
}

fn check_quota(
    q: &Quota,
    s: &Scenario,
    daily: Amount,
    annual: Amount,
    per_office: Option<Amount>,
) -> QuotaCheck {
    let offices = u128::from(s.offices);
    let att = u128::from(s.attainment.thousandths());
    let days = u128::from(s.days);
    // Scenario figure, quota ends, and the multiplier from "one office's target in
    // thousandths" to the basis (in Amount units).
    let (basis, actual, low, high, per_target_units) = match (q.unit, q.offices) {
        (QuotaUnit::PerDay, _) => (Basis::PerDay, daily, q.low, q.high, offices * att),
        (QuotaUnit::PerOfficePerDay, Some(n)) => (
            Basis::PerDay,
            daily,
            q.low.saturating_mul(n),
            q.high.saturating_mul(n),
            offices * att,
        ),
        (QuotaUnit::PerOfficePerDay, None) => (
            Basis::PerOfficePerDay,
            per_office.unwrap_or(Amount::ZERO),
            q.low,
            q.high,
            att,
        ),
        (QuotaUnit::PerYear, _) => (Basis::PerYear, annual, q.low, q.high, offices * att * days),
    };
    let (low, high) = (Amount::whole(low), Amount::whole(high));
    let (status, gap) = if actual < low {
        (Status::Below, low.abs_diff(actual))
    } else if actual > high {
        (Status::Above, actual.abs_diff(high))
    } else {
        (Status::Inside, Amount::ZERO)
    };
    // target_thousandths x per_target_units = basis units  =>  target = end / per_target_units.
    // `from_ratio` works in thousandths, hence the extra factor of 1,000.
    let per_office_needed = Fixed3::from_ratio(low.units(), per_target_units * 1000)
        .zip(Fixed3::from_ratio(high.units(), per_target_units * 1000));
    let offices_needed = if basis == Basis::PerOfficePerDay {
        None
    } else {
        let per_office_units = u128::from(s.per_office.thousandths())
            * att
            * if basis == Basis::PerYear { days } else { 1 };
        (per_office_units > 0).then(|| {
            (
                low.units().div_ceil(per_office_units),
                high.units() / per_office_units,
            )
        })
    };
    QuotaCheck {
        quota_id: q.id.clone(),
        basis,
        low,
        high,
        actual,
        status,
        gap,
        per_office_needed,
        offices_needed,
    }
}

fn observed_pace(data: &Dataset, daily: Amount) -> Option<ObservedPace> {
    let first = data.weekly.first()?;
    let last = data.weekly.last()?;
    let arrests: u64 = data.weekly.iter().map(|w| w.arrests).sum();
    let days: u64 = data.weekly.iter().map(|w| u64::from(w.days_covered)).sum();
    let pace = |w: &crate::data::WeeklyCount| {
        Amount::whole(w.arrests).to_f64() / f64::from(w.days_covered)
    };
    let peak = data
        .weekly
        .iter()
        .max_by(|a, b| pace(a).total_cmp(&pace(b)))?;
    let average = Amount::whole(arrests).ratio(Amount::whole(days))?;
    let peak_per_day = pace(peak);
    let ratio = |x: f64| (x > 0.0).then(|| daily.to_f64() / x);
    Some(ObservedPace {
        first_week: first.week_start,
        last_week: last.week_start,
        arrests,
        days,
        average_per_day: average,
        peak_week: peak.week_start,
        peak_per_day,
        multiple_of_average: ratio(average),
        multiple_of_peak: ratio(peak_per_day),
        source_id: first.source_id.clone(),
    })
}

impl QuotaCheck {
    /// The check in one sentence, e.g. "1,875 a day is 375 above the reported 1,200-1,500".
    #[must_use]
    pub fn sentence(&self, quota: &Quota) -> String {
        let unit = match self.basis {
            Basis::PerDay => "a day",
            Basis::PerOfficePerDay => "a day per office",
            Basis::PerYear => "a year",
        };
        let range = if self.low == self.high {
            self.low.display(2)
        } else {
            format!("{}-{}", self.low.display(2), self.high.display(2))
        };
        let what = match (quota.unit, quota.offices) {
            (QuotaUnit::PerOfficePerDay, Some(n)) => {
                format!("{range} ({n} x {})", group_thousands(u128::from(quota.low)))
            }
            _ => range,
        };
        let actual = self.actual.display(2);
        match self.status {
            Status::Inside if self.low == self.high => {
                format!("{actual} {unit} matches the reported {what}")
            }
            Status::Inside => format!("{actual} {unit} is inside the reported {what}"),
            Status::Above => format!(
                "{actual} {unit} is {} above the reported {what}",
                self.gap.display(2)
            ),
            Status::Below => format!(
                "{actual} {unit} is {} below the reported {what}",
                self.gap.display(2)
            ),
        }
    }

    /// What would reconcile the scenario with the quota, in words (`None` when it
    /// already does).
    #[must_use]
    pub fn reconcile(&self, scenario: &Scenario) -> Option<String> {
        if self.status == Status::Inside {
            return None;
        }
        let mut parts = Vec::new();
        if let Some(((lo, lo_exact), (hi, hi_exact))) = self.per_office_needed {
            let fmt = |v: Fixed3, exact: bool| {
                if exact {
                    v.to_string()
                } else {
                    format!("~{v}")
                }
            };
            let range = if lo == hi {
                fmt(lo, lo_exact)
            } else {
                format!("{}-{}", fmt(lo, lo_exact), fmt(hi, hi_exact))
            };
            let att = if scenario.attainment == Fixed3::whole(100) {
                String::new()
            } else {
                format!(" at {}% attainment", scenario.attainment)
            };
            if self.basis == Basis::PerOfficePerDay {
                parts.push(format!("a target of {range} per office{att}"));
            } else {
                parts.push(format!(
                    "{range} per office with {} offices{att}",
                    group_thousands(u128::from(scenario.offices))
                ));
            }
        }
        if let Some((lo, hi)) = self.offices_needed {
            let target = scenario.per_office;
            parts.push(match lo.cmp(&hi) {
                std::cmp::Ordering::Greater => {
                    format!("no whole number of offices at {target} a day lands in the range")
                }
                std::cmp::Ordering::Equal => {
                    format!("{} offices at {target} a day", group_thousands(lo))
                }
                std::cmp::Ordering::Less => format!(
                    "{}-{} offices at {target} a day",
                    group_thousands(lo),
                    group_thousands(hi)
                ),
            });
        }
        (!parts.is_empty()).then(|| parts.join(", or "))
    }
}

/// A scenario taken from a reported quota.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Preset {
    /// Id for `--preset` (the quota id, with `-low`/`-high` for the ends of a range).
    pub id: String,
    /// The quota it comes from.
    pub quota_id: String,
    /// What it sets, in words (`1,200 a day`).
    pub what: String,
    /// What it sets and who reported it.
    pub label: String,
    /// Offices.
    pub offices: u32,
    /// Per-office daily target.
    pub per_office: Fixed3,
    /// False when the per-office target was rounded to three decimals.
    pub exact: bool,
}

impl Preset {
    /// The scenario this preset stands for (100% attainment, 365 days).
    #[must_use]
    pub fn scenario(&self) -> Scenario {
        Scenario {
            offices: self.offices,
            per_office: self.per_office,
            ..Scenario::default()
        }
    }
}

/// The presets: one per reported arrest figure (two for a range).
#[must_use]
pub fn presets(data: &Dataset) -> Vec<Preset> {
    let default_offices = u32::try_from(data.offices.len()).unwrap_or(u32::MAX).max(1);
    let mut out = Vec::new();
    for q in data.quotas.iter().filter(|q| q.kind == QuotaKind::Arrests) {
        let ends: Vec<(u64, &str)> = if q.low == q.high {
            vec![(q.low, "")]
        } else {
            vec![(q.low, "low"), (q.high, "high")]
        };
        for (value, end) in ends {
            let offices = q
                .offices
                .and_then(|n| u32::try_from(n).ok())
                .unwrap_or(default_offices);
            let (per_office, exact) = match q.unit {
                QuotaUnit::PerOfficePerDay => (Fixed3::whole(value), true),
                QuotaUnit::PerDay => {
                    Fixed3::from_ratio(u128::from(value), u128::from(offices)).unwrap_or_default()
                }
                QuotaUnit::PerYear => Fixed3::from_ratio(
                    u128::from(value),
                    u128::from(offices) * u128::from(Scenario::default().days),
                )
                .unwrap_or_default(),
            };
            let id = if end.is_empty() {
                q.id.clone()
            } else {
                format!("{}-{end}", q.id)
            };
            let what = match q.unit {
                QuotaUnit::PerOfficePerDay => format!(
                    "{value} a day per office x {} offices",
                    group_thousands(u128::from(offices))
                ),
                QuotaUnit::PerDay => format!("{} a day", group_thousands(u128::from(value))),
                QuotaUnit::PerYear => format!("{} a year", group_thousands(u128::from(value))),
            };
            let end_words = match end {
                "low" => ", low end",
                "high" => ", high end",
                _ => "",
            };
            out.push(Preset {
                id,
                quota_id: q.id.clone(),
                label: format!("{what} ({}, {}{end_words})", q.outlet, q.date),
                what: match q.unit {
                    QuotaUnit::PerOfficePerDay => {
                        format!("{} x {value} a day", group_thousands(u128::from(offices)))
                    }
                    _ => format!("{what}{end_words}"),
                },
                offices,
                per_office,
                exact,
            });
        }
    }
    out
}

/// The presets whose scenario equals `scenario` (several reports can agree).
#[must_use]
pub fn matching_presets<'a>(scenario: &Scenario, presets: &'a [Preset]) -> Vec<&'a Preset> {
    presets
        .iter()
        .filter(|p| p.scenario() == *scenario)
        .collect()
}

/// `6.03x`; `1.23e20x` from a million up (so tables keep their width); `n/a` when
/// undefined.
#[must_use]
pub fn format_multiple(m: Option<f64>) -> String {
    match m {
        None => "n/a".to_string(),
        Some(m) if m >= 1e6 => format!("{m:.2e}x"),
        Some(m) => format!("{}x", format_f64(m, 2)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Dataset {
        Dataset::bundled().unwrap()
    }

    fn year(o: &Outcome, fy: i32) -> &YearComparison {
        o.comparisons.iter().find(|c| c.fiscal_year == fy).unwrap()
    }

    #[test]
    fn the_headline_figures_come_out_exactly() {
        let d = data();
        let o = evaluate(&Scenario::default(), &d);
        assert_eq!(o.daily_total, Amount::whole(1875));
        assert_eq!(o.annual_total, Amount::whole(684_375));
        let fy24 = year(&o, 2024);
        assert_eq!(fy24.days, 366);
        assert_eq!(format_f64(fy24.daily_average, 1), "309.9");
        assert_eq!(format_multiple(fy24.multiple), "6.03x");
        assert_eq!(format_multiple(fy24.daily_multiple), "6.05x");
        assert_eq!(year(&o, 2023).days, 365);
    }

    #[test]
    fn fiscal_year_days_follow_the_leap_year() {
        assert_eq!(fiscal_year_days(2024), 366);
        assert_eq!(fiscal_year_days(2020), 366);
        assert_eq!(fiscal_year_days(2023), 365);
        assert_eq!(fiscal_year_days(2100), 365);
        assert_eq!(fiscal_year_days(2000), 366);
    }

    #[test]
    fn quota_check_for_the_washington_post_range() {
        let d = data();
        let s = Scenario::default();
        let o = evaluate(&s, &d);
        let c = o
            .quota_checks
            .iter()
            .find(|c| c.quota_id == "wapo-national")
            .unwrap();
        assert_eq!(c.status, Status::Above);
        assert_eq!(c.gap, Amount::whole(375));
        assert_eq!(
            c.sentence(d.quota("wapo-national").unwrap()),
            "1,875 a day is 375 above the reported 1,200-1,500"
        );
        assert_eq!(
            c.reconcile(&s).unwrap(),
            "48-60 per office with 25 offices, or 16-20 offices at 75 a day"
        );
        let ind = o
            .quota_checks
            .iter()
            .find(|c| c.quota_id == "independent-25x75")
            .unwrap();
        assert_eq!(ind.status, Status::Inside);
        assert_eq!(
            ind.sentence(d.quota("independent-25x75").unwrap()),
            "1,875 a day matches the reported 1,875 (25 x 75)"
        );
    }

    #[test]
    fn per_office_quota_accounts_for_attainment() {
        let d = data();
        let s = Scenario {
            attainment: Fixed3::whole(60),
            ..Scenario::default()
        };
        let o = evaluate(&s, &d);
        assert_eq!(o.daily_total, Amount::whole(1125));
        let c = o
            .quota_checks
            .iter()
            .find(|c| c.quota_id == "wapo-per-office")
            .unwrap();
        assert_eq!(c.basis, Basis::PerOfficePerDay);
        assert_eq!(c.actual, Amount::whole(45));
        assert_eq!(c.status, Status::Below);
        assert_eq!(c.gap, Amount::whole(30));
        assert_eq!(
            c.reconcile(&s).unwrap(),
            "a target of 125 per office at 60% attainment"
        );
    }

    #[test]
    fn inexact_reconciliation_is_marked() {
        let d = data();
        let s = Scenario {
            offices: 7,
            ..Scenario::default()
        };
        let c = evaluate(&s, &d)
            .quota_checks
            .into_iter()
            .find(|c| c.quota_id == "wapo-national")
            .unwrap();
        assert_eq!(
            c.reconcile(&s).unwrap(),
            "~171.429-~214.286 per office with 7 offices, or 16-20 offices at 75 a day"
        );
    }

    #[test]
    fn no_whole_office_count_is_reported() {
        let d = data();
        let s = Scenario {
            per_office: Fixed3::whole(1000),
            ..Scenario::default()
        };
        let c = evaluate(&s, &d)
            .quota_checks
            .into_iter()
            .find(|c| c.quota_id == "wapo-national")
            .unwrap();
        assert_eq!(c.offices_needed, Some((2, 1)));
        assert!(
            c.reconcile(&s)
                .unwrap()
                .ends_with("no whole number of offices at 1,000 a day lands in the range")
        );
    }

    #[test]
    fn rank_among_official_years() {
        let d = data();
        let o = evaluate(&Scenario::default(), &d);
        let official = d
            .annual
            .iter()
            .filter(|a| a.confidence == Confidence::Official)
            .count();
        assert_eq!(o.rank.as_ref().unwrap().position, 1);
        assert_eq!(o.rank.as_ref().unwrap().of, official + 1);
        assert_eq!(o.rank.unwrap().highest_exceeded, Some(2012));
        assert_eq!(o.comparisons[o.latest_official.unwrap()].fiscal_year, 2024);
        assert_eq!(o.comparisons[o.highest_official.unwrap()].fiscal_year, 2012);
        // 300 a day x 365 = 109,500: above FY2021 (74,082) and FY2020 (103,603) only.
        let low = Scenario {
            offices: 1,
            per_office: Fixed3::whole(300),
            ..Scenario::default()
        };
        let r = evaluate(&low, &d).rank.unwrap();
        assert_eq!(r.position, official - 1);
        assert_eq!(r.highest_exceeded, Some(2020));
    }

    #[test]
    fn offices_below_and_above_the_field_office_count() {
        let d = data();
        let mut s = Scenario {
            offices: 20,
            ..Scenario::default()
        };
        s.overrides.insert("ATL".into(), Fixed3::whole(100));
        s.overrides.insert("WAS".into(), Fixed3::whole(500));
        // WAS is the 25th office and drops out; ATL counts at 100.
        assert_eq!(s.daily_total(&d.offices), Amount::whole(19 * 75 + 100));
        let lines = s.office_lines(&d.offices, 10);
        assert_eq!(lines.iter().filter(|l| l.active).count(), 20);
        assert!(!lines.last().unwrap().active);
        s.offices = 27;
        let lines = s.office_lines(&d.offices, 10);
        assert_eq!(lines.len(), 27);
        assert_eq!(lines[26].name, "Extra office 27");
        assert_eq!(
            s.daily_total(&d.offices),
            Amount::whole(23 * 75 + 100 + 500 + 2 * 75)
        );
    }

    #[test]
    fn huge_and_zero_inputs_stay_finite() {
        let d = data();
        let huge = Scenario {
            offices: u32::MAX,
            per_office: MAX_PER_OFFICE,
            attainment: MAX_ATTAINMENT,
            days: 366,
            ..Scenario::default()
        };
        assert!(huge.validate(&d.offices).is_ok());
        let o = evaluate(&huge, &d);
        assert_eq!(
            o.daily_total,
            // 4,294,967,295 offices x 1e12 a day x 1000% = 4,294,967,295e13 a day.
            Amount::from_units(4_294_967_295 * 10u128.pow(13) * crate::number::AMOUNT_SCALE)
        );
        assert!(
            o.comparisons
                .iter()
                .all(|c| c.multiple.unwrap().is_finite())
        );
        let zero = Scenario {
            offices: 0,
            ..Scenario::default()
        };
        let o = evaluate(&zero, &d);
        assert_eq!(o.daily_total, Amount::ZERO);
        assert_eq!(o.per_office_average, None);
        assert_eq!(o.comparisons[0].multiple, Some(0.0));
        let c = &o.quota_checks[0];
        assert_eq!(c.per_office_needed, None);
        assert_eq!(c.offices_needed, Some((16, 20)));
    }

    #[test]
    fn out_of_range_inputs_are_refused_with_reasons() {
        let d = data();
        let s = Scenario {
            days: 0,
            ..Scenario::default()
        };
        assert_eq!(
            s.validate(&d.offices).unwrap_err().to_string(),
            "days '0' is out of range; expected 1 to 366 days"
        );
        let mut s = Scenario::default();
        s.overrides.insert("XYZ".into(), Fixed3::whole(5));
        assert!(
            s.validate(&d.offices).unwrap_err().to_string().starts_with(
                "'XYZ' is not a field office code in field_offices.csv (known: ATL, BAL"
            )
        );
    }

    #[test]
    fn presets_from_the_quotas() {
        let d = data();
        let p = presets(&d);
        let ids: Vec<&str> = p.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "wapo-national-low",
                "wapo-national-high",
                "wapo-per-office",
                "independent-25x75",
                "nypost-1800",
                "axios-3000"
            ]
        );
        assert_eq!(p[0].per_office, Fixed3::whole(48));
        assert_eq!(
            p[0].label,
            "1,200 a day (The Washington Post, 2025-01-26, low end)"
        );
        assert_eq!(p[5].per_office, Fixed3::whole(120));
        assert_eq!(
            p[3].label,
            "75 a day per office x 25 offices (The Independent, 2025-01-29)"
        );
        let matching: Vec<&str> = matching_presets(&Scenario::default(), &p)
            .iter()
            .map(|p| p.id.as_str())
            .collect();
        assert_eq!(matching, ["wapo-per-office", "independent-25x75"]);
    }

    #[test]
    fn observed_pace_of_the_2025_weeks() {
        let d = data();
        let o = evaluate(&Scenario::default(), &d).observed.unwrap();
        assert_eq!(o.arrests, 226_446);
        assert_eq!(o.days, 41 * 7 + 4);
        assert_eq!(o.peak_week.to_string(), "2025-06-01");
        assert_eq!(format_f64(o.peak_per_day, 1), "1,245.7");
        assert_eq!(format_f64(o.average_per_day, 1), "778.2");
    }
}
