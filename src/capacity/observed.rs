//! The observed record beside the check: ICE's average daily population and average
//! stays in the latest fiscal years, and the peak month, from the bundled workbooks.

use jiff::civil::Date;
use serde::Serialize;

use crate::data::{Agency, Confidence, Decimal4, Detention, Period, Series};
use crate::number::Amount;

/// How many of the latest fiscal years are shown (FY2024-FY2026 with the bundled data).
pub const YEARS_SHOWN: usize = 3;

/// One fiscal year as the workbook gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ObservedYear {
    /// The fiscal year.
    pub fiscal_year: i32,
    /// The workbook's data-through date.
    pub data_through: Date,
    /// Average daily population, everyone detained (ICE- and CBP-arrested).
    pub average_daily_population: Option<Decimal4>,
    /// Average stay of ICE-arrested detainees, in days.
    pub ice_stay: Option<Decimal4>,
    /// Average stay of everyone detained, in days.
    pub all_stay: Option<Decimal4>,
    /// How the figures are known.
    pub confidence: Confidence,
    /// The workbook's id in `sources.csv`.
    pub source_id: String,
}

/// The month with the highest average daily population.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ObservedPeak {
    /// Its first day.
    pub month: Date,
    /// Its average daily population, everyone detained.
    pub average_daily_population: Decimal4,
    /// How the figure is known.
    pub confidence: Confidence,
    /// The workbook's id in `sources.csv`.
    pub source_id: String,
}

/// The record beside the check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Observed {
    /// The latest fiscal years, ascending.
    pub years: Vec<ObservedYear>,
    /// The peak month.
    pub peak: Option<ObservedPeak>,
    /// Every month's average daily population (everyone detained), in date order, for
    /// the screen's chart.
    #[serde(skip)]
    pub monthly: Vec<(Date, Decimal4)>,
}

/// A workbook value as an [`Amount`] (exact: four decimals fit in eight).
#[must_use]
pub fn amount(d: Decimal4) -> Amount {
    Amount::from_units(u128::from(d.ten_thousandths()) * 10_000)
}

/// The observed record in `detention`.
#[must_use]
pub fn observed(detention: &Detention) -> Observed {
    let workbooks = detention.workbooks();
    let years = workbooks
        .iter()
        .skip(workbooks.len().saturating_sub(YEARS_SHOWN))
        .map(|w| {
            let value = |series, agency| detention.year(w.fiscal_year, series, agency);
            let adp = value(Series::AverageDailyPopulation, Agency::Total);
            ObservedYear {
                fiscal_year: w.fiscal_year,
                data_through: w.data_through,
                average_daily_population: adp.map(|f| f.value),
                ice_stay: value(Series::AverageLengthOfStay, Agency::Ice).map(|f| f.value),
                all_stay: value(Series::AverageLengthOfStay, Agency::Total).map(|f| f.value),
                confidence: adp.map_or(Confidence::Official, |f| f.confidence),
                source_id: w.source_id.clone(),
            }
        })
        .collect();
    let monthly_figures = detention.monthly(Series::AverageDailyPopulation, Agency::Total);
    let peak = detention
        .peak_month(Series::AverageDailyPopulation, Agency::Total)
        .and_then(|f| match f.period {
            Period::Month(month) => Some(ObservedPeak {
                month,
                average_daily_population: f.value,
                confidence: f.confidence,
                source_id: f.source_id.clone(),
            }),
            Period::FiscalYear => None,
        });
    Observed {
        years,
        peak,
        monthly: monthly_figures
            .iter()
            .filter_map(|f| match f.period {
                Period::Month(m) => Some((m, f.value)),
                Period::FiscalYear => None,
            })
            .collect(),
    }
}
