//! arrest-scenarios: explore arrest-quota scenarios against ICE's historical arrest
//! figures, with a source and a confidence label for every number.
//!
//! The core ([`data`], [`model`], [`report`], [`number`]) knows nothing of the terminal;
//! [`cli`] parses arguments and prints reports; `tui` is the interactive screen.

pub mod analysis;
pub mod cli;
pub mod data;
pub mod model;
pub mod number;
pub mod records;
pub mod report;
pub mod saved;
pub mod synth;
pub mod tui;
