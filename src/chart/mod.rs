//! SVG charts of a scenario: the fiscal years against it, the observed 2025 weekly pace,
//! and a ramp-up's cumulative arrests. Pure: a [`Scenario`], its [`Outcome`] and the
//! [`Dataset`] in, a standalone SVG document out (no terminal, no browser, no network).
//!
//! Every chart has a title, axis titles with units, value labels, a legend and a source
//! line. Official, derived and reported figures differ by pattern as well as colour
//! (solid, hatched, dotted; the scenario is cross-hatched), so a black-and-white print
//! keeps them apart. Labels carry the exact figures; only the geometry is approximate.

mod capacity;
mod frame;
mod pace;
mod ramp;
pub mod svg;
mod years;

pub use svg::escape;

/// The `<defs>` of the fill patterns every chart defines (a page with several inline
/// charts keeps the first one's: ids are unique in a document).
pub(crate) const PATTERN_DEFS: &str = frame::DEFS;

use crate::data::{Dataset, Source};
use crate::model::{Outcome, Scenario};

/// Which chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Every fiscal year's arrests against the scenario's annual total (the default).
    Years,
    /// The observed 2025 weekly pace against the scenario's daily total and the quotas.
    Pace,
    /// Cumulative arrests over the year with a ramp-up, against the flat assumption.
    Ramp,
    /// The beds the scenario needs against the funded beds and the observed record
    /// (with the default assumptions; [`capacity`] draws any check).
    Capacity,
}

/// A chart's size in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    /// Width.
    pub width: u32,
    /// Height.
    pub height: u32,
}

impl Size {
    /// The smallest accepted width or height.
    pub const MIN: u32 = 320;
    /// The largest accepted width or height.
    pub const MAX: u32 = 8000;
}

impl Default for Size {
    /// A 16:9 slide, 1280 x 720.
    fn default() -> Self {
        Self {
            width: 1280,
            height: 720,
        }
    }
}

/// Why a chart cannot be drawn.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChartError {
    /// The weekly series is empty.
    #[error(
        "the pace chart needs weekly counts, and weekly_arrests_2025.csv has no rows; the kinds years and ramp do not need them"
    )]
    NoWeeks,
}

/// What a chart is drawn from.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The scenario.
    pub scenario: &'a Scenario,
    /// Its outcome.
    pub outcome: &'a Outcome,
    /// The data it was evaluated on.
    pub data: &'a Dataset,
    /// Weeks of the ramp-up (for [`Kind::Ramp`]).
    pub ramp_weeks: u32,
}

/// The chart of `kind` as a standalone SVG document.
///
/// # Errors
/// [`ChartError::NoWeeks`] for [`Kind::Pace`] without weekly counts.
pub fn render(kind: Kind, input: &Input<'_>, size: Size) -> Result<String, ChartError> {
    match kind {
        Kind::Years => {
            let sources: Vec<&Source> = input.data.sources.iter().collect();
            Ok(years(input.scenario, input.outcome, &sources, size))
        }
        Kind::Pace => pace::pace(input, size),
        Kind::Ramp => Ok(ramp::ramp(input, size)),
        Kind::Capacity => {
            let defaults = crate::capacity::Defaults::of(input.data);
            let check = crate::capacity::check(
                input.scenario,
                input.outcome,
                input.data,
                &defaults,
                defaults.resolve(&crate::capacity::Settings::default()),
                None,
            );
            Ok(capacity(&check, input.data, size))
        }
    }
}

/// The bar chart of every fiscal year against the scenario's annual total; `sources`
/// gives the short names for the source line.
#[must_use]
pub fn years(scenario: &Scenario, outcome: &Outcome, sources: &[&Source], size: Size) -> String {
    years::years(scenario, outcome, sources, size)
}

/// The bar chart of a capacity check: the observed average daily population (latest
/// fiscal years and the peak month), the funded beds and the beds the scenario needs.
#[must_use]
pub fn capacity(check: &crate::capacity::Capacity, data: &Dataset, size: Size) -> String {
    capacity::capacity(check, data, size)
}
