//! The default assumptions of the capacity check and the alternatives offered beside
//! them, each with its source and confidence label.

use serde::Serialize;

use super::{Assumption, Assumptions, Settings, StayDays, sourced};
use crate::data::{Agency, AnnualArrests, Confidence, Dataset, Series};
use crate::number::{Fixed3, group_thousands};

/// The default assumptions and the offered alternatives, each with its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Defaults {
    /// The defaults.
    pub assumptions: Assumptions,
    /// FY2024's detained share: ICE-arrest book-ins over administrative arrests.
    pub detained_share_fy2024: Assumption<Fixed3>,
    /// ICE's "officers and agents" of January 2026 (all of ICE, not ERO alone).
    pub officers_2026: Assumption<u64>,
    /// The officer count behind the latest official year's per-officer pace.
    pub officers_before_2025: Assumption<u64>,
}

impl Defaults {
    /// The defaults for `data`: the stay of the latest full fiscal year in the detention
    /// statistics, FY2024's at-large share and book-in ratio from the loaded figures, the
    /// reported beds and officers.
    #[must_use]
    pub fn of(data: &Dataset) -> Self {
        let arrests_fy2024 = data
            .annual
            .iter()
            .find(|a| a.fiscal_year == 2024 && a.confidence == Confidence::Official);
        let officers_before_2025 = sourced(
            6_000,
            true,
            "ap-ero-officers",
            Confidence::Reported,
            "about 6,000 ERO deportation officers before 2025",
        );
        Self {
            assumptions: Assumptions {
                stay_days: latest_stay(data)
                    .or_else(|| Dataset::bundled().ok().and_then(|d| latest_stay(&d)))
                    .unwrap_or_else(|| missing(StayDays::whole(1), "an average stay")),
                detained_share: Assumption {
                    value: Fixed3::whole(100),
                    exact: true,
                    source_id: None,
                    confidence: None,
                    basis: "if everyone arrested is detained".to_string(),
                },
                beds: sourced(
                    41_500,
                    true,
                    "dwn-2024-03-23",
                    Confidence::Reported,
                    "funded average daily population, FY2024",
                ),
                officers: officers_before_2025.clone(),
                at_large_share: at_large_share(data, arrests_fy2024),
            },
            detained_share_fy2024: detained_share_fy2024(data, arrests_fy2024),
            officers_2026: sourced(
                22_000,
                true,
                "ice-2026-01-officers",
                Confidence::Reported,
                "ICE officers and agents, January 2026, all of ICE, not ERO alone",
            ),
            officers_before_2025,
        }
    }

    /// The assumptions with `settings` applied over the defaults.
    #[must_use]
    pub fn resolve(&self, settings: &Settings) -> Assumptions {
        let d = &self.assumptions;
        let pick =
            |set: Option<Fixed3>, default: &Assumption<Fixed3>, alt: &Assumption<Fixed3>| match set
            {
                None => default.clone(),
                Some(v) if v == alt.value => alt.clone(),
                Some(v) => Assumption::given(v),
            };
        Assumptions {
            stay_days: settings
                .stay_days
                .map_or_else(|| d.stay_days.clone(), Assumption::given),
            detained_share: pick(
                settings.detained_share,
                &d.detained_share,
                &self.detained_share_fy2024,
            ),
            beds: settings
                .beds
                .map_or_else(|| d.beds.clone(), Assumption::given),
            officers: match settings.officers {
                None => d.officers.clone(),
                Some(n) if n == self.officers_2026.value => self.officers_2026.clone(),
                Some(n) => Assumption::given(n),
            },
            at_large_share: settings
                .at_large_share
                .map_or_else(|| d.at_large_share.clone(), Assumption::given),
        }
    }
}

/// A stand-in when the loaded data lack a figure: labelled as such, never as sourced.
fn missing<T>(value: T, what: &str) -> Assumption<T> {
    Assumption {
        value,
        exact: true,
        source_id: None,
        confidence: None,
        basis: format!("{what} is not in the loaded data; set it"),
    }
}

fn percent_of(num: u64, den: u64) -> (Fixed3, bool) {
    Fixed3::from_ratio(u128::from(num) * 100, u128::from(den)).unwrap_or_default()
}

/// ICE-arrested detainees' average stay in the latest full fiscal year of the workbooks.
fn latest_stay(data: &Dataset) -> Option<Assumption<StayDays>> {
    let (fy, _) = data.detention.latest_full_year_ice_stay()?;
    let f = data
        .detention
        .year(fy, Series::AverageLengthOfStay, Agency::Ice)?;
    Some(sourced(
        StayDays::from_ten_thousandths(f.value.ten_thousandths()),
        true,
        &f.source_id,
        f.confidence,
        &format!(
            "ICE-arrested detainees' average stay, FY{fy} (the latest full year), {} rounded",
            f.value.display(1)
        ),
    ))
}

/// FY2024's at-large arrests over its administrative arrests (derived).
fn at_large_share(data: &Dataset, arrests: Option<&AnnualArrests>) -> Assumption<Fixed3> {
    let at_large = data.reference.iter().find(|r| r.id == "at-large-fy2024");
    match (at_large, arrests) {
        (Some(r), Some(a)) if a.arrests > 0 => {
            let (v, exact) = percent_of(r.value, a.arrests);
            sourced(
                v,
                exact,
                &a.source_id,
                Confidence::Derived,
                &format!(
                    "FY2024: {} at-large of {} arrests",
                    group_thousands(u128::from(r.value)),
                    group_thousands(u128::from(a.arrests))
                ),
            )
        }
        _ => missing(Fixed3::ZERO, "FY2024's at-large share"),
    }
}

/// FY2024's ICE-arrest book-ins over its administrative arrests (derived; two
/// different measures).
fn detained_share_fy2024(data: &Dataset, arrests: Option<&AnnualArrests>) -> Assumption<Fixed3> {
    let book_ins = data
        .detention
        .year(2024, Series::InitialBookIns, Agency::Ice)
        .and_then(|f| f.count().map(|n| (n, f.source_id.clone())));
    match (book_ins, arrests) {
        (Some((n, id)), Some(a)) if a.arrests > 0 => {
            let (v, exact) = percent_of(n, a.arrests);
            sourced(
                v,
                exact,
                &id,
                Confidence::Derived,
                &format!(
                    "FY2024: {} ICE-arrest book-ins / {} arrests, different measures",
                    group_thousands(u128::from(n)),
                    group_thousands(u128::from(a.arrests))
                ),
            )
        }
        _ => missing(Fixed3::whole(100), "FY2024's book-in ratio"),
    }
}
