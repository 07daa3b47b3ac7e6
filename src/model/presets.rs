//! Presets built from the reported quotas.

use serde::Serialize;

use crate::data::{Dataset, QuotaKind, QuotaUnit};
use crate::number::{Fixed3, group_thousands};

use super::Scenario;
use super::input::{Input, check_target};

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

/// The presets: one per reported arrest figure (two for a range). Every preset is a
/// valid scenario: its target is within [`super::MAX_PER_OFFICE`].
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
            let per_office = match q.unit {
                QuotaUnit::PerOfficePerDay => Fixed3::from_whole(value).ok().map(|t| (t, true)),
                QuotaUnit::PerDay => Fixed3::from_ratio(u128::from(value), u128::from(offices)),
                QuotaUnit::PerYear => Fixed3::from_ratio(
                    u128::from(value),
                    u128::from(offices) * u128::from(Scenario::default().days),
                ),
            };
            // The loader refuses quotas outside the model's bounds, so this only skips a
            // quota that could not be a scenario at all (never a wrapped or zeroed one).
            let Some((per_office, exact)) =
                per_office.filter(|(t, _)| check_target(Input::PerOffice, *t).is_ok())
            else {
                continue;
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
