//! [`evaluate`]: a scenario's totals against every fiscal year, the quotas and the
//! observed pace.

use serde::Serialize;

use crate::data::{Confidence, Dataset, QuotaKind};
use crate::number::{Amount, Fixed3, Gap, format_f64, group_thousands};

use super::Scenario;
use super::quota::check_quota;

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
    /// Its real number of days (365 or 366), or the days an estimate covers.
    pub days: u16,
    /// Arrests / days.
    pub daily_average: f64,
    /// Scenario annual total / the year's arrests (`None` when the year has 0).
    pub multiple: Option<f64>,
    /// Scenario daily total / the year's daily average.
    pub daily_multiple: Option<f64>,
    /// Scenario annual total - the year's arrests, exactly (negative when below).
    pub difference: Gap,
    /// Scenario daily total - the year's daily average (negative when below).
    pub daily_difference: f64,
    /// How the year's figure is known.
    pub confidence: Confidence,
    /// Its source.
    pub source_id: String,
    /// Its note.
    pub note: String,
}

impl YearComparison {
    /// The daily gap in words: `1,875 a day is 1,565.1 more than FY2024's 309.9 a day`.
    #[must_use]
    pub fn daily_gap_sentence(&self, daily_total: Amount) -> String {
        let words = if format_f64(self.daily_difference.abs(), 1) == "0" {
            "about the same as".to_string()
        } else {
            format!("{} than", self.daily_gap_words())
        };
        format!(
            "{} a day is {words} FY{}'s {} a day",
            daily_total.display(2),
            self.fiscal_year,
            format_f64(self.daily_average, 1)
        )
    }

    /// The daily gap alone, to one decimal: `1,565.1 more` or `209.9 fewer`.
    #[must_use]
    pub fn daily_gap_words(&self) -> String {
        let gap = format_f64(self.daily_difference.abs(), 1);
        if self.daily_difference < 0.0 {
            format!("{gap} fewer")
        } else {
            format!("{gap} more")
        }
    }

    /// The annual gap in words: `684,375 a year is 570,944 more than FY2024's 113,431`.
    #[must_use]
    pub fn annual_gap_sentence(&self, annual_total: Amount) -> String {
        let words = match self.difference.words(2).as_str() {
            "exactly as many" => "exactly as many as".to_string(),
            w => format!("{w} than"),
        };
        format!(
            "{} a year is {words} FY{}'s {}",
            annual_total.display(2),
            self.fiscal_year,
            group_thousands(u128::from(self.arrests))
        )
    }

    /// Why the year's daily figure and the scenario's can use different day counts, or
    /// `None` when both years have the same length.
    #[must_use]
    pub fn days_note(&self, scenario_days: u16) -> Option<String> {
        (self.days != scenario_days).then(|| {
            format!(
                "FY{} had {} days, so its {} a day is {} / {}; the scenario's year has {} \
                 days, which is why the daily ({}) and yearly ({}) multiples differ.",
                self.fiscal_year,
                self.days,
                format_f64(self.daily_average, 1),
                group_thousands(u128::from(self.arrests)),
                self.days,
                scenario_days,
                super::format_multiple(self.daily_multiple),
                super::format_multiple(self.multiple),
            )
        })
    }
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

impl Standing {
    /// The standing in words, the same in every report and on the screen: `above every
    /// official year (the largest was FY2012's)`. "Largest" says that years are compared
    /// by their number of arrests, not by date.
    #[must_use]
    pub fn words(self) -> String {
        match self {
            Self::AboveAll(y) => format!("above every official year (the largest was FY{y}'s)"),
            Self::Above(y) => format!("above FY{y}, the largest official year it exceeds"),
            Self::BelowAll => "below every official year".to_string(),
        }
    }
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
    /// The daily total against the latest official pace (ICE-arrest book-ins over the
    /// last six full months of ICE's Detention Statistics).
    pub latest_official_pace: Option<super::LatestPace>,
    /// The latest full fiscal year's ICE-arrest book-ins and removals, as context.
    pub official_context: Option<super::OfficialYear>,
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
            let days = a.days.unwrap_or_else(|| fiscal_year_days(a.fiscal_year));
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
                difference: Gap::between(annual_total, arrests),
                daily_difference: daily_total.to_f64() - arrests.to_f64() / f64::from(days),
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
        latest_official_pace: super::latest_pace(data, daily_total),
        official_context: super::official_year(data),
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

pub(super) fn observed_pace(data: &Dataset, daily: Amount) -> Option<ObservedPace> {
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
