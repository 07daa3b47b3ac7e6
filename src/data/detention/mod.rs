//! `detention_stats.csv`: ICE's Detention Statistics workbooks, FY2019 to FY2026, one
//! value per line (monthly initial book-ins by arresting agency, average daily population,
//! average length of stay, removals per fiscal year), each with the days it covers.
//!
//! Book-ins are their own measure: they count people booked into ICE detention, by the
//! agency that arrested them, so they include HSI arrests and leave out every arrest that
//! did not lead to detention. Nothing here is ever added to, ranked with or charted as
//! ERO administrative arrests.

mod decimal;
mod load;

use std::collections::BTreeMap;
use std::fmt;

use jiff::civil::Date;
use serde::Serialize;

use super::Confidence;

pub use decimal::Decimal4;
pub(super) use load::parse;

/// The name book-ins go by wherever they are shown.
pub const BOOK_INS_NAME: &str = "ICE-arrest initial book-ins into detention";

/// The caveat shown with book-ins (from the workbooks' footnotes).
pub const BOOK_INS_CAVEAT: &str = "Book-ins count people booked into ICE detention, by the agency \
that arrested them; the ICE arresting agency includes HSI as well as ERO programs, and an arrest \
that led to no detention book-in is not counted. A different measure from ERO administrative \
arrests: never added to or ranked with them.";

/// Which table of the workbook a value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Series {
    /// People booked into ICE detention for the first time in a stay (a count).
    InitialBookIns,
    /// Average daily population in detention (people).
    AverageDailyPopulation,
    /// Average length of stay (days).
    AverageLengthOfStay,
    /// Removals in the fiscal year (a count; `FY` rows only).
    Removals,
}

impl Series {
    const NAMES: [(&'static str, Self); 4] = [
        ("initial_book_ins", Self::InitialBookIns),
        ("average_daily_population", Self::AverageDailyPopulation),
        ("average_length_of_stay", Self::AverageLengthOfStay),
        ("removals", Self::Removals),
    ];

    /// The name used in the file.
    #[must_use]
    pub fn label(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(_, s)| *s == self)
            .map_or("", |(n, _)| n)
    }

    /// Whether the values are counts (whole numbers) rather than averages.
    #[must_use]
    pub const fn is_count(self) -> bool {
        matches!(self, Self::InitialBookIns | Self::Removals)
    }
}

/// The arresting agency a value is broken down by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Agency {
    /// Arrested by ICE (ERO and HSI programs).
    Ice,
    /// Arrested by CBP.
    Cbp,
    /// Both together (the workbook's total row).
    Total,
    /// Not broken down (removals).
    All,
}

impl Agency {
    const NAMES: [(&'static str, Self); 4] = [
        ("ice", Self::Ice),
        ("cbp", Self::Cbp),
        ("total", Self::Total),
        ("all", Self::All),
    ];

    /// The name used in the file.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Ice => "ICE",
            Self::Cbp => "CBP",
            Self::Total => "TOTAL",
            Self::All => "ALL",
        }
    }
}

/// The stretch of time a value covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// One calendar month, given by its first day (up to the data-through date).
    Month(Date),
    /// The workbook's own figure for the fiscal year (to the data-through date).
    FiscalYear,
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Month(d) => write!(f, "{:04}-{:02}", d.year(), d.month()),
            Self::FiscalYear => f.write_str("FY"),
        }
    }
}

/// One value read from a workbook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DetentionFigure {
    /// The workbook's fiscal year.
    pub fiscal_year: i32,
    /// The month, or the fiscal year as a whole.
    pub period: Period,
    /// Which table.
    pub series: Series,
    /// The arresting agency.
    pub agency: Agency,
    /// The value, exactly as the workbook gives it.
    pub value: Decimal4,
    /// Days the value covers (a month's days, or fewer up to the data-through date).
    pub days_covered: u16,
    /// The workbook's data-through date.
    pub data_through: Date,
    /// How the figure is known.
    pub confidence: Confidence,
    /// Id in `sources.csv` (one per workbook).
    pub source_id: String,
    /// The workbook sheet it was read from.
    pub sheet: String,
    /// The cell it was read from.
    pub cell: String,
}

impl DetentionFigure {
    /// The count, for book-ins and removals.
    #[must_use]
    pub const fn count(&self) -> Option<u64> {
        if self.series.is_count() {
            self.value.whole()
        } else {
            None
        }
    }

    /// The value per day covered (for counts: book-ins a day).
    #[must_use]
    pub fn per_day(&self) -> f64 {
        self.value.to_f64() / f64::from(self.days_covered.max(1))
    }
}

/// One workbook: a fiscal year and how far its data go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Workbook {
    /// The fiscal year.
    pub fiscal_year: i32,
    /// The data-through date from its footnote.
    pub data_through: Date,
    /// Days from Oct 1 to the data-through date.
    pub days: u16,
    /// Id in `sources.csv`.
    pub source_id: String,
    /// Lines of the file it contributes.
    pub rows: usize,
}

/// The sum of a count over consecutive full months.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthsTotal {
    /// The first month (its first day).
    pub first_month: Date,
    /// The last month (its first day).
    pub last_month: Date,
    /// How many months.
    pub months: usize,
    /// The sum of the counts.
    pub total: u64,
    /// The days those months cover.
    pub days: u32,
    /// The workbooks' source ids, earliest first, without repeats.
    pub source_ids: Vec<String>,
}

impl MonthsTotal {
    /// The average a day.
    #[must_use]
    #[expect(clippy::cast_precision_loss, reason = "an average for display")]
    pub fn per_day(&self) -> f64 {
        self.total as f64 / f64::from(self.days.max(1))
    }
}

/// Every value of `detention_stats.csv`, validated, in file order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Detention {
    /// The values.
    figures: Vec<DetentionFigure>,
    /// What the model reads on every evaluation, worked out once.
    #[serde(skip)]
    derived: Derived,
}

/// Figures worked out once from the values, so a scenario's evaluation does no search.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Derived {
    latest_pace: Option<MonthsTotal>,
    full_year: Option<FullYear>,
}

/// The latest full fiscal year's workbook with its ICE-arrest book-ins and removals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FullYear {
    /// The workbook (fiscal year, data-through date, days, source).
    pub workbook: Workbook,
    /// ICE-arrest initial book-ins in the year.
    pub ice_book_ins: Option<u64>,
    /// Removals in the year.
    pub removals: Option<u64>,
}

impl Detention {
    /// The values, validated, with the figures the model needs worked out once.
    #[must_use]
    pub fn new(figures: Vec<DetentionFigure>) -> Self {
        let mut d = Self {
            figures,
            derived: Derived::default(),
        };
        d.derived = Derived {
            latest_pace: d.last_full_months(Series::InitialBookIns, Agency::Ice, 6),
            full_year: d.latest_full_year().and_then(|fy| {
                Some(FullYear {
                    workbook: d.workbooks().into_iter().find(|w| w.fiscal_year == fy)?,
                    ice_book_ins: d.ice_book_ins(fy),
                    removals: d.removals(fy),
                })
            }),
        };
        d
    }

    /// Every value, in file order.
    #[must_use]
    pub fn figures(&self) -> &[DetentionFigure] {
        &self.figures
    }

    /// The latest full fiscal year with its ICE-arrest book-ins and removals (worked out
    /// at load).
    #[must_use]
    pub const fn full_year(&self) -> Option<&FullYear> {
        self.derived.full_year.as_ref()
    }

    /// The value for one fiscal year, period, series and agency.
    #[must_use]
    pub fn get(
        &self,
        fiscal_year: i32,
        period: Period,
        series: Series,
        agency: Agency,
    ) -> Option<&DetentionFigure> {
        self.figures.iter().find(|f| {
            f.fiscal_year == fiscal_year
                && f.period == period
                && f.series == series
                && f.agency == agency
        })
    }

    /// The workbook's figure for a whole fiscal year (to its data-through date).
    #[must_use]
    pub fn year(
        &self,
        fiscal_year: i32,
        series: Series,
        agency: Agency,
    ) -> Option<&DetentionFigure> {
        self.get(fiscal_year, Period::FiscalYear, series, agency)
    }

    /// Removals in a fiscal year.
    #[must_use]
    pub fn removals(&self, fiscal_year: i32) -> Option<u64> {
        self.year(fiscal_year, Series::Removals, Agency::All)
            .and_then(DetentionFigure::count)
    }

    /// ICE-arrest initial book-ins in a fiscal year (to its data-through date).
    #[must_use]
    pub fn ice_book_ins(&self, fiscal_year: i32) -> Option<u64> {
        self.year(fiscal_year, Series::InitialBookIns, Agency::Ice)
            .and_then(DetentionFigure::count)
    }

    /// The monthly values of a series for one agency, in date order.
    #[must_use]
    pub fn monthly(&self, series: Series, agency: Agency) -> Vec<&DetentionFigure> {
        let mut out: Vec<&DetentionFigure> = self
            .figures
            .iter()
            .filter(|f| f.series == series && f.agency == agency)
            .filter(|f| matches!(f.period, Period::Month(_)))
            .collect();
        out.sort_by_key(|f| f.period);
        out
    }

    /// The workbooks, one per fiscal year, in year order.
    #[must_use]
    pub fn workbooks(&self) -> Vec<Workbook> {
        let mut years: BTreeMap<i32, Workbook> = BTreeMap::new();
        for f in &self.figures {
            years
                .entry(f.fiscal_year)
                .or_insert_with(|| Workbook {
                    fiscal_year: f.fiscal_year,
                    data_through: f.data_through,
                    days: days_from_oct_1(f.fiscal_year, f.data_through).unwrap_or(0),
                    source_id: f.source_id.clone(),
                    rows: 0,
                })
                .rows += 1;
        }
        years.into_values().collect()
    }

    /// The latest fiscal year whose workbook reaches September (FY2025, through Sep 20):
    /// the latest full fiscal year the data have.
    #[must_use]
    pub fn latest_full_year(&self) -> Option<i32> {
        self.workbooks()
            .iter()
            .filter(|w| w.data_through.month() == 9)
            .map(|w| w.fiscal_year)
            .max()
    }

    /// The average length of stay of ICE-arrested detainees in the latest full fiscal
    /// year (FY2025: 43.7 days), with the year.
    #[must_use]
    pub fn latest_full_year_ice_stay(&self) -> Option<(i32, Decimal4)> {
        let fy = self.latest_full_year()?;
        self.year(fy, Series::AverageLengthOfStay, Agency::Ice)
            .map(|f| (fy, f.value))
    }

    /// The month with the highest value of a series for an agency (the January 2026
    /// average daily population of 71,929.4839).
    #[must_use]
    pub fn peak_month(&self, series: Series, agency: Agency) -> Option<&DetentionFigure> {
        self.monthly(series, agency)
            .into_iter()
            .max_by_key(|f| f.value)
    }

    /// The sum of the last `months` full months of a count (a month is full when it
    /// covers all its days), e.g. ICE-arrest book-ins Oct 2025-Mar 2026: 203,314 in 182
    /// days. `None` when the series has fewer full months or is not a count.
    #[must_use]
    pub fn last_full_months(
        &self,
        series: Series,
        agency: Agency,
        months: usize,
    ) -> Option<MonthsTotal> {
        if months == 0 || !series.is_count() {
            return None;
        }
        let full: Vec<&DetentionFigure> = self
            .monthly(series, agency)
            .into_iter()
            .filter(|f| match f.period {
                Period::Month(d) => u16::try_from(d.days_in_month()).ok() == Some(f.days_covered),
                Period::FiscalYear => false,
            })
            .collect();
        let chosen = full.get(full.len().checked_sub(months)?..)?;
        let mut total: u64 = 0;
        let mut days: u32 = 0;
        let mut source_ids: Vec<String> = Vec::new();
        for f in chosen {
            total = total.checked_add(f.count()?)?;
            days = days.checked_add(u32::from(f.days_covered))?;
            if !source_ids.contains(&f.source_id) {
                source_ids.push(f.source_id.clone());
            }
        }
        let month_of = |f: &DetentionFigure| match f.period {
            Period::Month(d) => Some(d),
            Period::FiscalYear => None,
        };
        Some(MonthsTotal {
            first_month: month_of(chosen.first()?)?,
            last_month: month_of(chosen.last()?)?,
            months,
            total,
            days,
            source_ids,
        })
    }

    /// The latest official pace: ICE-arrest initial book-ins over the last six full months.
    #[must_use]
    pub const fn latest_pace(&self) -> Option<&MonthsTotal> {
        self.derived.latest_pace.as_ref()
    }
}

/// Days from Oct 1 of the fiscal year to `through`, both counted.
pub(super) fn days_from_oct_1(fiscal_year: i32, through: Date) -> Option<u16> {
    let start = Date::new(i16::try_from(fiscal_year - 1).ok()?, 10, 1).ok()?;
    let span = start.until(through).ok()?.get_days();
    u16::try_from(span + 1).ok().filter(|d| *d >= 1)
}
