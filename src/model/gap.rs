//! Absolute gaps beside the ratios: how many more (or fewer) arrests a scenario makes
//! than a fiscal year, a year and a day, in one sentence each.

use super::{Outcome, YearComparison};
use crate::number::{Amount, format_f64, group_thousands};

/// The scenario set against one fiscal year in absolute terms.
#[derive(Debug, Clone, PartialEq)]
pub struct YearGap {
    /// The fiscal year.
    pub fiscal_year: i32,
    /// Its arrests.
    pub arrests: u64,
    /// Its real number of days (365 or 366).
    pub days: u16,
    /// Its arrests a day, over its own days.
    pub daily_average: f64,
    /// The scenario's annual total.
    pub annual_total: Amount,
    /// The scenario's daily total.
    pub daily_total: Amount,
    /// Scenario annual total minus the year's arrests (sign in [`YearGap::annual_more`]).
    pub annual: Amount,
    /// Whether the scenario's year is larger.
    pub annual_more: bool,
    /// Scenario daily total minus the year's daily average (negative: fewer).
    pub daily: f64,
}

impl YearGap {
    /// The gap to `c` for the scenario's `outcome`.
    #[must_use]
    pub fn new(outcome: &Outcome, c: &YearComparison) -> Self {
        let year = Amount::whole(c.arrests);
        Self {
            fiscal_year: c.fiscal_year,
            arrests: c.arrests,
            days: c.days,
            daily_average: c.daily_average,
            annual_total: outcome.annual_total,
            daily_total: outcome.daily_total,
            annual: outcome.annual_total.abs_diff(year),
            annual_more: outcome.annual_total >= year,
            daily: outcome.daily_total.to_f64() - c.daily_average,
        }
    }

    /// `684,375 a year is 570,944 more than FY2024's 113,431`.
    #[must_use]
    pub fn annual_sentence(&self) -> String {
        format!(
            "{} a year is {} {} FY{}'s {}",
            self.annual_total.display(2),
            self.annual.display(2),
            if self.annual_more {
                "more than"
            } else {
                "fewer than"
            },
            self.fiscal_year,
            group_thousands(u128::from(self.arrests))
        )
    }

    /// `1,875 a day is 1,565.1 more than FY2024's 309.9 a day (113,431 over its 366
    /// days)`: the year's own day count, which can differ from the scenario's.
    #[must_use]
    pub fn daily_sentence(&self) -> String {
        format!(
            "{} a day is {} {} FY{}'s {} a day ({} over its {} days)",
            self.daily_total.display(2),
            format_f64(self.daily.abs(), 1),
            if self.daily >= 0.0 {
                "more than"
            } else {
                "fewer than"
            },
            self.fiscal_year,
            format_f64(self.daily_average, 1),
            group_thousands(u128::from(self.arrests)),
            self.days
        )
    }

    /// The daily gap alone, signed: `+1,565.1 a day` or `-12.5 a day`.
    #[must_use]
    pub fn daily_short(&self) -> String {
        format!(
            "{}{} a day",
            if self.daily >= 0.0 { "+" } else { "-" },
            format_f64(self.daily.abs(), 1)
        )
    }
}

/// The gap to the latest official fiscal year, if there is one.
#[must_use]
pub fn latest_gap(outcome: &Outcome) -> Option<YearGap> {
    outcome
        .latest_official
        .and_then(|i| outcome.comparisons.get(i))
        .map(|c| YearGap::new(outcome, c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Dataset;
    use crate::model::{Scenario, evaluate};

    #[test]
    fn the_headline_gaps_to_fy2024() {
        let data = Dataset::bundled().unwrap();
        let o = evaluate(&Scenario::default(), &data);
        let g = latest_gap(&o).unwrap();
        assert_eq!(g.fiscal_year, 2024);
        assert_eq!(g.annual, Amount::whole(570_944));
        assert_eq!(
            g.annual_sentence(),
            "684,375 a year is 570,944 more than FY2024's 113,431"
        );
        assert_eq!(
            g.daily_sentence(),
            "1,875 a day is 1,565.1 more than FY2024's 309.9 a day (113,431 over its 366 days)"
        );
        assert_eq!(g.daily_short(), "+1,565.1 a day");
    }

    #[test]
    fn a_smaller_scenario_says_fewer() {
        let data = Dataset::bundled().unwrap();
        let s = Scenario {
            offices: 1,
            ..Scenario::default()
        };
        let g = latest_gap(&evaluate(&s, &data)).unwrap();
        assert_eq!(
            g.annual_sentence(),
            "27,375 a year is 86,056 fewer than FY2024's 113,431"
        );
        assert_eq!(g.daily_short(), "-234.9 a day");
    }
}
