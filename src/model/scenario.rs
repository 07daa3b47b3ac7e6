//! A scenario's inputs, their bounds, and the per-office arithmetic.

use std::collections::{BTreeMap, BTreeSet};

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
    /// Office codes left out of the scenario. The offices that take part are the data's
    /// offices in file order, less these, up to `offices`; any beyond are hypothetical.
    pub excluded: BTreeSet<String>,
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
            excluded: BTreeSet::new(),
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
    /// A target for an office that does not take part.
    #[error(
        "{0} has its own target but does not take part in the scenario ({1}); \
         include it, or drop its target"
    )]
    NotTakingPart(String, &'static str),
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
        let unknown = |code: &str| {
            let known: Vec<&str> = offices.iter().map(|o| o.code.as_str()).collect();
            ScenarioError::UnknownOffice(crate::text::echo(code), known.join(", "))
        };
        if let Some(code) = self
            .excluded
            .iter()
            .find(|c| !offices.iter().any(|o| &&o.code == c))
        {
            return Err(unknown(code));
        }
        for (code, target) in &self.overrides {
            if !offices.iter().any(|o| &o.code == code) {
                return Err(unknown(code));
            }
            if self.excluded.contains(code) {
                return Err(ScenarioError::NotTakingPart(code.clone(), "it is left out"));
            }
            if !self.takes_part(code, offices) {
                return Err(ScenarioError::NotTakingPart(
                    code.clone(),
                    "it is beyond the number of offices",
                ));
            }
            input::check_target(Input::OfficeTarget, *target)?;
        }
        Ok(())
    }

    /// The data's offices that take part, in file order: those not left out, up to
    /// `offices` of them.
    pub fn participants<'a>(
        &'a self,
        offices: &'a [FieldOffice],
    ) -> impl Iterator<Item = &'a FieldOffice> + 'a {
        offices
            .iter()
            .filter(|o| !self.excluded.contains(&o.code))
            .take(usize::try_from(self.offices).unwrap_or(usize::MAX))
    }

    /// Whether the office with this code takes part.
    #[must_use]
    pub fn takes_part(&self, code: &str, offices: &[FieldOffice]) -> bool {
        self.participants(offices).any(|o| o.code == code)
    }

    /// The codes of the data's offices that do not take part (left out, or beyond the
    /// number of offices), in file order.
    #[must_use]
    pub fn left_out<'a>(&self, offices: &'a [FieldOffice]) -> Vec<&'a str> {
        offices
            .iter()
            .filter(|o| !self.takes_part(&o.code, offices))
            .map(|o| o.code.as_str())
            .collect()
    }

    /// Put the office with this code in or out of the scenario, keeping every other
    /// office as it is (the office count follows). Returns false for an unknown code.
    pub fn set_taking_part(&mut self, code: &str, on: bool, offices: &[FieldOffice]) -> bool {
        if !offices.iter().any(|o| o.code == code) {
            return false;
        }
        if on == self.takes_part(code, offices) {
            return true;
        }
        // Spell the current choice out as exclusions, so that adding one office cannot
        // pull in another by file order.
        let taking: BTreeSet<String> = self.participants(offices).map(|o| o.code.clone()).collect();
        self.excluded = offices
            .iter()
            .filter(|o| !taking.contains(&o.code))
            .map(|o| o.code.clone())
            .collect();
        if on {
            self.excluded.remove(code);
            self.offices = self.offices.saturating_add(1);
        } else {
            self.excluded.insert(code.to_string());
            self.offices = self.offices.saturating_sub(1);
        }
        true
    }

    /// The target of the office with this code (its override or the uniform target).
    #[must_use]
    pub fn target_of(&self, code: &str) -> Fixed3 {
        self.overrides.get(code).copied().unwrap_or(self.per_office)
    }

    /// Every office with its target and whether it counts: the data's offices in file
    /// order (see [`Scenario::participants`]), then hypothetical extras up to `offices`
    /// (at most `extra_limit` of them are listed).
    #[must_use]
    pub fn office_lines(&self, offices: &[FieldOffice], extra_limit: usize) -> Vec<OfficeLine> {
        let active = usize::try_from(self.offices).unwrap_or(usize::MAX);
        let mut lines: Vec<OfficeLine> = offices
            .iter()
            .map(|o| OfficeLine {
                code: Some(o.code.clone()),
                name: o.name.clone(),
                target: self.target_of(&o.code),
                active: self.takes_part(&o.code, offices),
                overridden: self.overrides.contains_key(&o.code),
            })
            .collect();
        let extras = active
            .saturating_sub(self.participants(offices).count())
            .min(extra_limit);
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
        let mut listed = 0u128;
        let mut named = 0u128;
        for o in self.participants(offices) {
            listed += 1;
            named += u128::from(self.target_of(&o.code).thousandths());
        }
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
        self.participants(offices)
            .all(|o| self.target_of(&o.code) == self.per_office)
    }
}
