//! arrest-scenarios: explore arrest-quota scenarios against ICE's historical arrest
//! figures, with a source and a confidence label for every number.
//!
//! The core ([`data`], [`model`], [`analysis`], [`capacity`], [`number`], [`report`], [`records`],
//! [`saved`], [`synth`]) knows nothing of the terminal;
//! [`cli`] parses arguments and prints reports; `tui` is the interactive screen, behind
//! the default `tui` cargo feature (the core builds without ratatui and crossterm).
//!
//! The headline arithmetic, from the bundled data:
//!
//! ```
//! use arrest_scenarios::data::Dataset;
//! use arrest_scenarios::model::{self, Scenario};
//!
//! let data = Dataset::bundled().expect("the bundled data is valid");
//! let outcome = model::evaluate(&Scenario::default(), &data); // 25 offices x 75 a day
//! assert_eq!(outcome.daily_total.display(2), "1,875");
//! assert_eq!(outcome.annual_total.display(2), "684,375");
//! let fy2024 = outcome.comparisons.iter().find(|c| c.fiscal_year == 2024).unwrap();
//! assert_eq!(model::format_multiple(fy2024.multiple), "6.03x");
//! ```

pub mod analysis;
pub mod capacity;
pub mod chart;
pub mod cli;
pub mod data;
pub mod fsread;
pub mod model;
pub mod number;
pub mod records;
pub mod report;
pub mod saved;
pub mod synth;
pub mod text;
#[cfg(feature = "tui")]
pub mod tui;
