//! A scenario's inputs, their bounds, and the per-office arithmetic.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::data::FieldOffice;
use crate::number::{Amount, Fixed3, group_thousands};

use super::input::{self, Input, InputError};

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
    #[error(transparent)]
    Input(#[from] InputError),
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
        input::check_target(Input::PerOffice, self.per_office)?;
        input::check_attainment(self.attainment)?;
        input::days_from(u64::from(self.days))?;
        for (code, target) in &self.overrides {
            if !offices.iter().any(|o| &o.code == code) {
                let known: Vec<&str> = offices.iter().map(|o| o.code.as_str()).collect();
                return Err(ScenarioError::UnknownOffice(
                    crate::text::echo(code),
                    known.join(", "),
                ));
            }
            input::check_target(Input::OfficeTarget, *target)?;
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
