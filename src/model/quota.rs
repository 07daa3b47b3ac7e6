//! The check of a scenario against each reported quota, in numbers and in words.

use crate::data::{Quota, QuotaUnit};
use crate::number::{Amount, Fixed3, group_thousands};

use super::{Basis, QuotaCheck, Scenario, Status};

pub(super) fn check_quota(
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
