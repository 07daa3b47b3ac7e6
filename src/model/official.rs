//! The scenario beside ICE's own latest figures (its Detention Statistics): the latest
//! official pace of ICE-arrest initial book-ins, and the latest full fiscal year's book-ins
//! and removals as context.
//!
//! Book-ins are a different measure from ERO administrative arrests (they include HSI
//! arrests and count only arrests that led to detention): they are compared with the
//! scenario here, never added to, ranked with or charted as the arrest years.

use jiff::civil::Date;
use serde::Serialize;

use crate::data::{BOOK_INS_CAVEAT, BOOK_INS_NAME, Dataset};
use crate::number::{Amount, format_f64, group_thousands};

/// The scenario against the latest official pace: ICE-arrest initial book-ins over the
/// last six full months of the data (Oct 2025-Mar 2026: 203,314 in 182 days).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LatestPace {
    /// What is counted (`ICE-arrest initial book-ins into detention`).
    pub measure: &'static str,
    /// The first month (its first day).
    pub first_month: Date,
    /// The last month (its first day).
    pub last_month: Date,
    /// How many months.
    pub months: usize,
    /// Book-ins in those months.
    pub book_ins: u64,
    /// The days they cover.
    pub days: u32,
    /// Book-ins a day.
    pub per_day: f64,
    /// The scenario's daily total over that pace (`None` when the pace is 0).
    pub multiple: Option<f64>,
    /// The scenario's daily total minus that pace (negative when below).
    pub difference: f64,
    /// The workbooks' source ids.
    pub source_ids: Vec<String>,
    /// The caveat that goes with book-ins.
    pub caveat: &'static str,
}

impl LatestPace {
    /// `Oct 2025-Mar 2026`.
    #[must_use]
    pub fn months_text(&self) -> String {
        format!(
            "{}-{}",
            self.first_month.strftime("%b %Y"),
            self.last_month.strftime("%b %Y")
        )
    }

    /// `ICE-arrest initial book-ins into detention, Oct 2025-Mar 2026: 203,314 in 182
    /// days = 1,117.1 a day (official)`.
    #[must_use]
    pub fn pace_sentence(&self) -> String {
        format!(
            "{}, {}: {} in {} days = {} a day (official)",
            self.measure,
            self.months_text(),
            group_thousands(u128::from(self.book_ins)),
            self.days,
            format_f64(self.per_day, 1)
        )
    }

    /// The label of the official pace's reference line beside the arrest years (most
    /// important first, for narrow screens): `Official pace 1,117.1 a day (scenario
    /// 1.68x): ICE-arrest initial book-ins into detention, Oct 2025-Mar 2026 (official;
    /// not arrests, not an arrest year)`.
    #[must_use]
    pub fn reference_label(&self) -> String {
        format!(
            "Official pace {} a day (scenario {}): {}, {} (official; not arrests, not an \
             arrest year)",
            format_f64(self.per_day, 1),
            super::format_multiple(self.multiple),
            self.measure,
            self.months_text(),
        )
    }

    /// `1,875 a day is 757.9 more than the latest official pace of 1,117.1 a day (1.68x)`.
    #[must_use]
    pub fn comparison_sentence(&self, daily_total: Amount) -> String {
        let gap = format_f64(self.difference.abs(), 1);
        let words = if gap == "0" {
            "about the same as".to_string()
        } else if self.difference < 0.0 {
            format!("{gap} fewer than")
        } else {
            format!("{gap} more than")
        };
        format!(
            "{} a day is {words} the latest official pace of {} a day ({})",
            daily_total.display(2),
            format_f64(self.per_day, 1),
            super::format_multiple(self.multiple)
        )
    }
}

/// The latest full fiscal year of ICE's Detention Statistics, as context: its
/// ICE-arrest book-ins and its removals (FY2025: 222,832 and 319,980).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OfficialYear {
    /// The fiscal year.
    pub fiscal_year: i32,
    /// The workbook's data-through date (FY2025: 2025-09-20).
    pub data_through: Date,
    /// Days from Oct 1 to that date.
    pub days: u16,
    /// ICE-arrest initial book-ins into detention in the year.
    pub ice_book_ins: Option<u64>,
    /// Removals in the year.
    pub removals: Option<u64>,
    /// The workbook's source id.
    pub source_id: String,
}

/// One month of ICE-arrest initial book-ins, per day of the days it covers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthlyBookIns {
    /// The workbook's fiscal year.
    pub fiscal_year: i32,
    /// The month (its first day).
    pub month: Date,
    /// Book-ins that month (up to the data-through date).
    pub book_ins: u64,
    /// Days covered (fewer than the month's when the data stop inside it).
    pub days: u16,
    /// Book-ins a day.
    pub per_day: f64,
    /// Whether the month is covered in full.
    pub full: bool,
    /// The workbook's source id.
    pub source_id: String,
}

/// Every month of ICE-arrest initial book-ins in the data, in date order (FY2019 on).
#[must_use]
pub fn monthly_book_ins(data: &Dataset) -> Vec<MonthlyBookIns> {
    use crate::data::{Agency, Period, Series};
    data.detention
        .monthly(Series::InitialBookIns, Agency::Ice)
        .into_iter()
        .filter_map(|f| {
            let Period::Month(month) = f.period else {
                return None;
            };
            Some(MonthlyBookIns {
                fiscal_year: f.fiscal_year,
                month,
                book_ins: f.count()?,
                days: f.days_covered,
                per_day: f.per_day(),
                full: u16::try_from(month.days_in_month()).ok() == Some(f.days_covered),
                source_id: f.source_id.clone(),
            })
        })
        .collect()
}

/// The scenario against the latest official pace, when the data has six full months.
#[must_use]
pub fn latest_pace(data: &Dataset, daily_total: Amount) -> Option<LatestPace> {
    let m = data.detention.latest_pace()?;
    let per_day = m.per_day();
    let daily = daily_total.to_f64();
    Some(LatestPace {
        measure: BOOK_INS_NAME,
        first_month: m.first_month,
        last_month: m.last_month,
        months: m.months,
        book_ins: m.total,
        days: m.days,
        per_day,
        multiple: (per_day > 0.0).then(|| daily / per_day),
        difference: daily - per_day,
        source_ids: m.source_ids.clone(),
        caveat: BOOK_INS_CAVEAT,
    })
}

/// The latest full fiscal year's book-ins and removals, when the data has one.
#[must_use]
pub fn official_year(data: &Dataset) -> Option<OfficialYear> {
    let y = data.detention.full_year()?;
    Some(OfficialYear {
        fiscal_year: y.workbook.fiscal_year,
        data_through: y.workbook.data_through,
        days: y.workbook.days,
        ice_book_ins: y.ice_book_ins,
        removals: y.removals,
        source_id: y.workbook.source_id.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_latest_official_pace_is_computed_from_the_data() {
        let d = Dataset::bundled().unwrap();
        let p = latest_pace(&d, Amount::whole(1875)).unwrap();
        assert_eq!((p.book_ins, p.days, p.months), (203_314, 182, 6));
        assert_eq!(p.months_text(), "Oct 2025-Mar 2026");
        assert_eq!(
            p.pace_sentence(),
            "ICE-arrest initial book-ins into detention, Oct 2025-Mar 2026: 203,314 in 182 days = 1,117.1 a day (official)"
        );
        assert_eq!(
            p.comparison_sentence(Amount::whole(1875)),
            "1,875 a day is 757.9 more than the latest official pace of 1,117.1 a day (1.68x)"
        );
        assert_eq!(
            p.reference_label(),
            "Official pace 1,117.1 a day (scenario 1.68x): ICE-arrest initial book-ins into \
             detention, Oct 2025-Mar 2026 (official; not arrests, not an arrest year)"
        );
        let below = latest_pace(&d, Amount::whole(1000)).unwrap();
        assert_eq!(
            below.comparison_sentence(Amount::whole(1000)),
            "1,000 a day is 117.1 fewer than the latest official pace of 1,117.1 a day (0.90x)"
        );
        let y = official_year(&d).unwrap();
        assert_eq!(
            (y.fiscal_year, y.ice_book_ins, y.removals, y.days),
            (2025, Some(222_832), Some(319_980), 355)
        );
        assert_eq!(y.data_through, jiff::civil::date(2025, 9, 20));
        let months = monthly_book_ins(&d);
        assert_eq!(months.len(), 91);
        assert_eq!(months[0].month, jiff::civil::date(2018, 10, 1));
        assert_eq!((months[0].book_ins, months[0].days), (11_892, 31));
        let last = months.last().unwrap();
        assert_eq!((last.book_ins, last.days, last.full), (3721, 4, false));
        assert!((last.per_day - 930.25).abs() < 1e-9);
    }
}
