//! The beds through a ramp-up: how many people are held each day while the pace rises
//! linearly from the baseline to the target, and the day the funded beds fill.
//!
//! Each detained person is taken to stay exactly the average stay (a simplification of
//! Little's law's steady state, which needs only the average), and day 0 starts in the
//! steady state of the baseline pace.

use serde::Serialize;

use super::StayDays;
use crate::analysis::Ramp;
use crate::number::Fixed3;

/// People held through a ramp-up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RampBeds {
    /// Weeks to reach the target.
    pub weeks: u32,
    /// Where the pace starts, in words.
    pub baseline: String,
    /// People held on day 0 (the steady state of the baseline pace).
    pub beds_at_start: f64,
    /// People held at the end of the ramp.
    pub beds_at_ramp_end: f64,
    /// People held once the target pace has lasted a whole stay.
    pub steady_state: f64,
    /// The first day of the steady state.
    pub steady_from_day: u32,
    /// The first day on which the people held reach the funded beds (0: already at the
    /// start); `None` when they never do.
    pub day_beds_fill: Option<u32>,
    /// People held at the end of each day, from day 0 to the steady state.
    #[serde(skip)]
    pub held: Vec<f64>,
}

/// Follow the people held through `ramp` (its baseline and weeks) up to `target` arrests
/// a day, at `share` percent detained for `stay` days, against `beds`.
#[must_use]
#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss,
    clippy::cast_possible_wrap,
    reason = "day counts are small whole numbers (a stay is at most 3,650 days)"
)]
pub fn ramp_beds(ramp: &Ramp, target: f64, share: Fixed3, stay: StayDays, beds: u64) -> RampBeds {
    let share = share.to_f64() / 100.0;
    let stay = stay.to_f64();
    let whole_days = stay.floor() as usize;
    let fraction = stay - stay.floor();
    let ramp_days = ramp.weeks as usize * 7;
    let horizon = ramp_days + whole_days + 1;
    // Arrests on day index i (i < 0 is before the start, at the baseline pace).
    let pace = |i: i64| -> f64 {
        if i < 0 {
            ramp.baseline
        } else if (i as usize) < ramp_days {
            ramp.baseline + (target - ramp.baseline) * i as f64 / ramp_days as f64
        } else {
            target
        }
    };
    // prefix[k] = arrests on day indexes -(whole_days + 1) .. k - whole_days - 2.
    let first = -(whole_days as i64) - 1;
    let mut prefix = vec![0.0];
    for i in first..horizon as i64 {
        let last = prefix.last().copied().unwrap_or(0.0);
        prefix.push(last + pace(i));
    }
    let sum = |from: i64, to_excl: i64| {
        let at = |i: i64| prefix[(i - first) as usize];
        at(to_excl) - at(from)
    };
    let held: Vec<f64> = (0..=horizon as i64)
        .map(|n| {
            let start = n - whole_days as i64;
            share * (sum(start, n) + fraction * pace(start - 1))
        })
        .collect();
    let beds = beds as f64;
    RampBeds {
        weeks: ramp.weeks,
        baseline: ramp.baseline_label.clone(),
        beds_at_start: held[0],
        beds_at_ramp_end: held[ramp_days.min(horizon)],
        steady_state: share * target * stay,
        steady_from_day: horizon as u32,
        day_beds_fill: held.iter().position(|h| *h >= beds).map(|d| d as u32),
        held,
    }
}
