//! The capacity check: the beds, officers and at-large arrests a scenario implies.
//!
//! Little's law: people held at once = arrests a day x share detained x average stay in
//! days. Everything here is pure and, where the inputs are exact, exact: arrests a day
//! are [`Amount`]s (1e-8), shares are [`Fixed3`] percents (1e-5), stays are
//! [`StayDays`] (1e-4 day, as ICE's workbooks give them), so every product is a whole
//! number of small units and only a division can round; a rounded result is marked
//! (its `exact` flag is false and it displays with `~`).
//!
//! The check assumes a steady state: it says nothing of transfers, releases, or the CBP
//! detainees who share the same beds.

mod defaults;
mod observed;
mod ramp;
mod steps;

use std::fmt;

use serde::Serialize;

use crate::data::{Confidence, Dataset};
use crate::model::{Outcome, Scenario, fiscal_year_days};
use crate::number::{AMOUNT_SCALE, Amount, Fixed3};

pub use defaults::Defaults;
pub use observed::{Observed, ObservedPeak, ObservedYear, amount, observed};
pub use ramp::{RampBeds, ramp_beds};

/// 100% in thousandths of a percent.
const PERCENT_100: u128 = 100_000;
/// One day in [`StayDays`] units.
const DAY: u128 = 10_000;

/// An average stay in days, exact to 1/10,000 of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct StayDays(u64);

impl StayDays {
    /// A whole number of days.
    #[must_use]
    pub const fn whole(days: u64) -> Self {
        Self(days * 10_000)
    }

    /// From ten-thousandths of a day (`436_531` is 43.6531 days).
    #[must_use]
    pub const fn from_ten_thousandths(n: u64) -> Self {
        Self(n)
    }

    /// The stay in ten-thousandths of a day.
    #[must_use]
    pub const fn ten_thousandths(self) -> u64 {
        self.0
    }

    /// The nearest `f64` (for the ramp and charts only).
    #[must_use]
    #[expect(clippy::cast_precision_loss, reason = "the ramp and charts only")]
    pub fn to_f64(self) -> f64 {
        self.0 as f64 / 10_000.0
    }
}

impl fmt::Display for StayDays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Amount::from_units(u128::from(self.0) * 10_000).display(4))
    }
}

impl Serialize for StayDays {
    /// Whole stays as integers, others as the nearest JSON number.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0.is_multiple_of(10_000) {
            s.serialize_u64(self.0 / 10_000)
        } else {
            s.serialize_f64(self.to_f64())
        }
    }
}

/// A computed figure and whether it is exact (false: rounded to 1e-8, shown with `~`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Figure {
    /// The value.
    pub value: Amount,
    /// False when a division rounded it.
    #[serde(skip)]
    pub exact: bool,
}

impl Figure {
    /// With at most `decimals` decimals; `~` in front when rounded anywhere.
    #[must_use]
    pub fn display(self, decimals: u32) -> String {
        let shown = self.value.display(decimals);
        if self.exact || shown.starts_with('~') {
            shown
        } else {
            format!("~{shown}")
        }
    }
}

/// `a x b x c / den`, rounded half up to a whole unit, without overflow for the inputs
/// this module accepts (`b x c` below 1e13, `den` at most 1e17).
fn mul_div(value: u128, f1: u128, f2: u128, den: u128) -> Option<(u128, bool)> {
    if den == 0 {
        return None;
    }
    let factor = f1.checked_mul(f2)?;
    let whole = (value / den).checked_mul(factor)?;
    let part = (value % den).checked_mul(factor)?;
    let (quotient, rest) = (part / den, part % den);
    let rounded = if rest * 2 >= den {
        quotient + 1
    } else {
        quotient
    };
    Some((whole.checked_add(rounded)?, rest == 0))
}

fn figure(parts: Option<(u128, bool)>) -> Option<Figure> {
    parts.map(|(units, exact)| Figure {
        value: Amount::from_units(units),
        exact,
    })
}

/// People held at once: `daily x share x stay` (Little's law). `None` only beyond `u128`.
#[must_use]
pub fn beds_needed(daily: Amount, detained_share: Fixed3, stay: StayDays) -> Option<Figure> {
    figure(mul_div(
        daily.units(),
        u128::from(detained_share.thousandths()),
        u128::from(stay.ten_thousandths()),
        PERCENT_100 * DAY,
    ))
}

/// Arrests a day the beds sustain: `beds / (share x stay)`; `None` when the share is 0
/// (no one is held, so any number is sustained).
#[must_use]
pub fn sustainable_daily(beds: u64, detained_share: Fixed3, stay: StayDays) -> Option<Figure> {
    let den = u128::from(detained_share.thousandths()) * u128::from(stay.ten_thousandths());
    figure(mul_div(
        u128::from(beds) * AMOUNT_SCALE,
        PERCENT_100,
        DAY,
        den,
    ))
}

/// Arrests per officer a day: `daily / officers`; `None` with no officers.
#[must_use]
pub fn per_officer(daily: Amount, officers: u64) -> Option<Figure> {
    figure(mul_div(daily.units(), 1, 1, u128::from(officers)))
}

/// A share of a daily total: `daily x share` (at-large arrests a day, detained
/// arrests a day).
#[must_use]
pub fn share_of(daily: Amount, share: Fixed3) -> Option<Figure> {
    figure(mul_div(
        daily.units(),
        u128::from(share.thousandths()),
        1,
        PERCENT_100,
    ))
}

/// The uniform per-office target (before attainment) that gives `daily` with the
/// scenario's offices and attainment; `None` with zero offices or attainment.
#[must_use]
pub fn per_office_for(daily: Amount, s: &Scenario) -> Option<(Fixed3, bool)> {
    // target_thousandths x offices x attainment_thousandths = daily units.
    Fixed3::from_ratio(
        daily.units(),
        u128::from(s.offices) * u128::from(s.attainment.thousandths()) * 1000,
    )
}

/// The capacity inputs' validators live with the scenario's: one sentence per problem.
pub use crate::model::input::{
    MAX_BEDS, MAX_OFFICERS, MAX_STAY_DAYS, parse_count, parse_share, parse_stay_days,
};

/// The values a user set (`None` keeps the default): from flags, the screen or a
/// saved scenario file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Settings {
    /// Average stay in days.
    pub stay_days: Option<StayDays>,
    /// Percent of arrests detained.
    pub detained_share: Option<Fixed3>,
    /// Funded beds.
    pub beds: Option<u64>,
    /// Officers making arrests.
    pub officers: Option<u64>,
    /// Percent of arrests made at large.
    pub at_large_share: Option<Fixed3>,
}

impl Settings {
    /// True when nothing is set.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// These settings, with `base` filling what these leave unset.
    #[must_use]
    pub fn over(self, base: Self) -> Self {
        Self {
            stay_days: self.stay_days.or(base.stay_days),
            detained_share: self.detained_share.or(base.detained_share),
            beds: self.beds.or(base.beds),
            officers: self.officers.or(base.officers),
            at_large_share: self.at_large_share.or(base.at_large_share),
        }
    }
}

/// One assumption: its value and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assumption<T> {
    /// The value used.
    pub value: T,
    /// False when the value is a rounded ratio (shown with `~`).
    pub exact: bool,
    /// Id in `sources.csv` (`None` for a hypothesis or a value the user set).
    pub source_id: Option<String>,
    /// How the figure is known (`None` for a hypothesis or a value the user set).
    pub confidence: Option<Confidence>,
    /// What it is, in words: `ICE-arrested detainees' average stay, FY2025`.
    pub basis: String,
}

impl<T> Assumption<T> {
    pub(crate) fn given(value: T) -> Self {
        Self {
            value,
            exact: true,
            source_id: None,
            confidence: None,
            basis: "set by the user".to_string(),
        }
    }

    /// `(official, ice-detention-fy2025)`, or `(set by the user)`.
    #[must_use]
    pub fn label(&self) -> String {
        match (&self.confidence, &self.source_id) {
            (Some(c), Some(id)) => format!("{}, {id}", c.label()),
            (Some(c), None) => c.label().to_string(),
            (None, Some(id)) => id.clone(),
            (None, None) => "assumption".to_string(),
        }
    }
}

pub(crate) fn sourced<T>(
    value: T,
    exact: bool,
    id: &str,
    c: Confidence,
    basis: &str,
) -> Assumption<T> {
    Assumption {
        value,
        exact,
        source_id: Some(id.to_string()),
        confidence: Some(c),
        basis: basis.to_string(),
    }
}

/// The five assumptions of a check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assumptions {
    /// Average stay in days.
    pub stay_days: Assumption<StayDays>,
    /// Percent of arrests detained.
    pub detained_share: Assumption<Fixed3>,
    /// Funded beds.
    pub beds: Assumption<u64>,
    /// Officers making arrests.
    pub officers: Assumption<u64>,
    /// Percent of arrests made at large.
    pub at_large_share: Assumption<Fixed3>,
}

/// A past year's pace beside the scenario's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearPace {
    /// The fiscal year.
    pub fiscal_year: i32,
    /// The year's count (arrests, or at-large arrests).
    pub count: u64,
    /// Its days (365 or 366).
    pub days: u16,
    /// Count / days.
    pub per_day: f64,
    /// The officers it is divided among (officer comparisons only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub officers: Option<u64>,
    /// Per day / officers (officer comparisons only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per_officer: Option<f64>,
    /// How the count is known.
    pub confidence: Confidence,
    /// Its source.
    pub source_id: String,
}

/// Everything the capacity check says about a scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Capacity {
    /// The scenario's arrests a day.
    pub daily_total: Amount,
    /// Average stay in days.
    pub stay_days: StayDays,
    /// Percent detained.
    pub detained_share: Fixed3,
    /// Funded beds.
    pub beds: u64,
    /// Officers.
    pub officers: u64,
    /// Percent at large.
    pub at_large_share: Fixed3,
    /// Each assumption with its source.
    pub assumptions: Assumptions,
    /// Arrests a day that are detained (daily x share).
    pub detained_daily: Option<Figure>,
    /// People held at once (Little's law); `None` only beyond `u128`.
    pub beds_needed: Option<Figure>,
    /// Beds needed / funded beds.
    pub beds_multiple: Option<f64>,
    /// Beds needed beyond the funded ones (0 when they suffice).
    pub beds_short: Option<Figure>,
    /// Arrests a day the funded beds sustain (`None` at a 0% detained share).
    pub sustainable_daily: Option<Figure>,
    /// The per-office target that daily total means with the scenario's offices.
    pub sustainable_per_office: Option<(Fixed3, bool)>,
    /// The scenario's offices (for the per-office goal seek).
    pub offices: u32,
    /// The scenario's attainment in percent.
    pub attainment: Fixed3,
    /// Arrests per officer a day.
    pub arrests_per_officer_per_day: Option<Figure>,
    /// The latest official year's arrests per officer a day (with the officers of
    /// before 2025).
    pub latest_year_per_officer: Option<YearPace>,
    /// At-large arrests a day.
    pub at_large_daily: Option<Figure>,
    /// FY2024's at-large arrests a day.
    pub at_large_fy2024: Option<YearPace>,
    /// With `--ramp-weeks`: the beds through the ramp.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ramp: Option<RampBeds>,
    /// The observed record: average daily population and stays, and the peak month.
    pub observed: Observed,
    /// Beds needed / the peak month's average daily population.
    pub peak_multiple: Option<f64>,
}

/// The check of `scenario` with `assumptions`; with `ramp_weeks`, the beds through a
/// linear ramp from the latest official year's pace (as [`crate::analysis::ramp`]).
#[must_use]
pub fn check(
    scenario: &Scenario,
    outcome: &Outcome,
    data: &Dataset,
    defaults: &Defaults,
    assumptions: Assumptions,
    ramp_weeks: Option<u32>,
) -> Capacity {
    let daily = outcome.daily_total;
    let stay = assumptions.stay_days.value;
    let share = assumptions.detained_share.value;
    let beds = assumptions.beds.value;
    let officers = assumptions.officers.value;
    let at_large = assumptions.at_large_share.value;
    let needed = beds_needed(daily, share, stay);
    let sustainable = sustainable_daily(beds, share, stay);
    let latest_year_per_officer = outcome
        .latest_official
        .and_then(|i| outcome.comparisons.get(i))
        .map(|c| YearPace {
            fiscal_year: c.fiscal_year,
            count: c.arrests,
            days: c.days,
            per_day: c.daily_average,
            officers: Some(defaults.officers_before_2025.value),
            #[expect(clippy::cast_precision_loss, reason = "a rounded comparison")]
            per_officer: Some(c.daily_average / defaults.officers_before_2025.value as f64),
            confidence: c.confidence,
            source_id: c.source_id.clone(),
        });
    let at_large_fy2024 = data
        .reference
        .iter()
        .find(|r| r.id == "at-large-fy2024")
        .map(|r| {
            let days = fiscal_year_days(2024);
            YearPace {
                fiscal_year: 2024,
                count: r.value,
                days,
                per_day: Amount::whole(r.value).to_f64() / f64::from(days),
                officers: None,
                per_officer: None,
                confidence: r.confidence,
                source_id: r.source_id.clone(),
            }
        });
    let record = observed(&data.detention);
    let ramp = ramp_weeks.map(|w| {
        let r = crate::analysis::ramp(scenario, outcome, w, None);
        ramp_beds(&r, daily.to_f64(), share, stay, beds)
    });
    Capacity {
        daily_total: daily,
        stay_days: stay,
        detained_share: share,
        beds,
        officers,
        at_large_share: at_large,
        detained_daily: share_of(daily, share),
        beds_needed: needed,
        beds_multiple: needed.and_then(|n| n.value.ratio(Amount::whole(beds))),
        beds_short: needed.map(|n| Figure {
            value: Amount::from_units(n.value.units().saturating_sub(Amount::whole(beds).units())),
            exact: n.exact,
        }),
        sustainable_daily: sustainable,
        sustainable_per_office: sustainable.and_then(|s| per_office_for(s.value, scenario)),
        offices: scenario.offices,
        attainment: scenario.attainment,
        arrests_per_officer_per_day: per_officer(daily, officers),
        latest_year_per_officer,
        at_large_daily: share_of(daily, at_large),
        at_large_fy2024,
        assumptions,
        ramp,
        peak_multiple: record.peak.as_ref().and_then(|p| {
            needed.and_then(|n| n.value.ratio(observed::amount(p.average_daily_population)))
        }),
        observed: record,
    }
}

impl Capacity {
    /// The sources the check cites, in order, without repeats.
    #[must_use]
    pub fn source_ids(&self) -> Vec<&str> {
        let a = &self.assumptions;
        let mut ids: Vec<&str> = Vec::new();
        let all = [
            a.stay_days.source_id.as_deref(),
            a.detained_share.source_id.as_deref(),
            a.beds.source_id.as_deref(),
            a.officers.source_id.as_deref(),
            a.at_large_share.source_id.as_deref(),
        ];
        for id in all.into_iter().flatten() {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    }
}

pub use steps::{CAVEAT, assumption_lines, observed_lines, steps};
