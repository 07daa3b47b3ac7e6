//! The scenario model: pure arithmetic from a [`Scenario`] and a [`Dataset`] to an
//! [`Outcome`]. No terminal, no I/O; the CLI reports and the TUI both call [`evaluate`].

pub mod input;
mod official;
mod outcome;
mod presets;
mod quota;
mod scenario;
#[cfg(test)]
mod tests;

pub use input::{DAYS, MAX_ATTAINMENT, MAX_PER_OFFICE, RAMP_WEEKS};
pub use official::*;
pub use outcome::*;
pub use presets::*;
pub use scenario::*;

use crate::number::format_f64;

/// `6.03x`; `1.23e20x` from a million up (so tables keep their width); `n/a` when
/// undefined.
#[must_use]
pub fn format_multiple(m: Option<f64>) -> String {
    match m {
        None => "n/a".to_string(),
        Some(m) if m >= 1e6 => format!("{m:.2e}x"),
        Some(m) => format!("{}x", format_f64(m, 2)),
    }
}
