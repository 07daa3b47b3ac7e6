//! Everything worked out from the state: recomputed once per change in
//! [`super::App::update`], read by the renderer, never computed while drawing.

use std::sync::Arc;

use crate::analysis::{self, GoalResult, Grid, Milestone, Ramp, Step};
use crate::data::Dataset;
use crate::model::{self, Outcome, Preset, Scenario};
use crate::records::{Aggregate, Days, Window};

use super::types::{FiscalRow, GoalInput, Stretch};
use crate::capacity::{self, Capacity, Defaults, Settings};

/// The inputs a [`Derived`] is worked out from.
pub(super) struct Inputs<'a> {
    pub scenario: &'a Scenario,
    pub data: &'a Dataset,
    pub presets: &'a [Preset],
    pub goal: GoalInput,
    pub ramp_weeks: u32,
    pub records: Option<&'a Arc<Aggregate>>,
    pub average: Window,
    pub file_years: &'a [(i32, u64, bool)],
    pub capacity_defaults: &'a Defaults,
    pub capacity_settings: Settings,
}

/// The scenario's results and everything the tabs show that follows from them.
#[derive(Debug, Clone)]
pub struct Derived {
    /// The scenario's outcome.
    pub outcome: Outcome,
    /// The arithmetic, step by step.
    pub explanation: Vec<Step>,
    /// Milestones at this pace.
    pub milestones: Vec<Milestone>,
    /// The goal's solution (`None`: the fiscal year aimed at is not loaded).
    pub goal_result: Option<GoalResult>,
    /// The sensitivity grid.
    pub grid: Grid,
    /// The ramp-up.
    pub ramp: Ramp,
    /// The offices with their targets, and up to three hypothetical extras.
    pub office_lines: Vec<model::OfficeLine>,
    /// Each fiscal year's agency figure beside the records file's count.
    pub fiscal_rows: Vec<FiscalRow>,
    /// The days the observed daily averages are taken over, and the choice that gave
    /// them; `None` without a records file.
    pub observed_days: Option<(Window, Days)>,
    /// Each office's observed pace against its target, over `observed_days`.
    pub stretch: Vec<Stretch>,
    /// The records file's at-large share by fiscal year (DDP's rule) beside FY2024's,
    /// as lines for the Observed tab; empty without a records file.
    pub at_large: Vec<String>,
    /// The capacity check (with the ramp's weeks, for the day the beds fill).
    pub capacity: Capacity,
    /// Its arithmetic, step by step (the Capacity tab shows all of it; the Explain tab
    /// steps through it after the scenario's).
    pub capacity_steps: Vec<Step>,
}

impl Derived {
    /// Work everything out from `i`.
    pub(super) fn new(i: &Inputs<'_>) -> Self {
        let (scenario, data) = (i.scenario, i.data);
        let outcome = model::evaluate(scenario, data);
        let explanation = analysis::explain(scenario, &outcome, data);
        let milestones = analysis::milestones(scenario, &outcome, data);
        let goal_result = analysis::goal_seek(scenario, data, i.goal.goal());
        let (rows, cols) = analysis::grid_axes(scenario, i.presets);
        let grid = analysis::sensitivity(scenario, data, i.presets, &rows, &cols);
        let ramp = analysis::ramp(scenario, &outcome, i.ramp_weeks, None);
        let office_lines = scenario.office_lines(&data.offices, 3);
        let fiscal_rows = fiscal_rows(&outcome, i.file_years);
        // A choice the file cannot give is never kept by `update`; the whole file
        // stands in should one reach here.
        let observed_days = i.records.and_then(|agg| agg.span()).map(|file| {
            i.average
                .days(file)
                .map_or((Window::Whole, file), |days| (i.average, days))
        });
        let (stretch, at_large) = match (i.records, observed_days) {
            (Some(agg), Some(window)) => (
                stretch(scenario, data, agg, window.1),
                at_large_lines(data, agg, window),
            ),
            _ => (Vec::new(), Vec::new()),
        };
        let capacity = capacity::check(
            scenario,
            &outcome,
            data,
            i.capacity_defaults,
            i.capacity_defaults.resolve(&i.capacity_settings),
            Some(i.ramp_weeks),
        );
        let capacity_steps = capacity::steps(&capacity, data);
        Self {
            outcome,
            explanation,
            milestones,
            goal_result,
            grid,
            ramp,
            office_lines,
            fiscal_rows,
            observed_days,
            stretch,
            at_large,
            capacity,
            capacity_steps,
        }
    }
}

/// Every fiscal year in the data or the records file, with both figures.
fn fiscal_rows(outcome: &Outcome, file_years: &[(i32, u64, bool)]) -> Vec<FiscalRow> {
    let mut years: Vec<i32> = outcome.comparisons.iter().map(|c| c.fiscal_year).collect();
    years.extend(file_years.iter().map(|f| f.0));
    years.sort_unstable();
    years.dedup();
    years
        .into_iter()
        .map(|year| FiscalRow {
            year,
            agency: outcome
                .comparisons
                .iter()
                .find(|c| c.fiscal_year == year)
                .map(|c| (c.arrests, c.confidence)),
            file: file_years.iter().find(|f| f.0 == year).map(|f| (f.1, f.2)),
        })
        .collect()
}

/// The at-large share by fiscal year, by DDP's rule ("Located" or "Non-Custodial Arrest"
/// is at-large), beside FY2024's official-based 29.3% (derived from two official figures).
/// Then the share over the days the averages are taken over.
fn at_large_lines(data: &Dataset, agg: &Aggregate, (window, days): (Window, Days)) -> Vec<String> {
    use crate::number::{format_f64, group_thousands};
    let mut lines = Vec::new();
    if let Some(years) = agg.at_large_by_fiscal_year() {
        let parts: Vec<String> = years
            .iter()
            .map(|y| {
                format!(
                    "FY{}{} {} ({} of {})",
                    y.fiscal_year,
                    if y.partial { "*" } else { "" },
                    share(y.at_large, y.all),
                    group_thousands(u128::from(y.at_large)),
                    group_thousands(u128::from(y.all))
                )
            })
            .collect();
        lines.push(format!(
            "At-large share in the file (DDP's rule: Located or Non-Custodial Arrest; derived): {}",
            parts.join("; ")
        ));
        if let Some((at_large, all)) = agg.at_large_over(days) {
            lines.push(format!(
                "Over {} ({}): {} at large ({} of {})",
                window.name(),
                days.describe(),
                share(at_large, all),
                group_thousands(u128::from(at_large)),
                group_thousands(u128::from(all))
            ));
        }
    } else {
        lines.push("At-large share: the file has no apprehension method column.".to_string());
    }
    let at_large = data.reference.iter().find(|r| r.id == "at-large-fy2024");
    let fy2024 = data.annual.iter().find(|a| a.fiscal_year == 2024);
    if let (Some(r), Some(a)) = (at_large, fy2024) {
        #[expect(clippy::cast_precision_loss, reason = "a share for display")]
        let share = r.value as f64 * 100.0 / a.arrests as f64;
        // Both figures are official; name where they were read.
        let cite = |id: &str| {
            data.source(id)
                .map_or_else(|| id.to_string(), |s| s.short.clone())
        };
        let mut sources = vec![cite(&r.source_id)];
        if a.source_id != r.source_id {
            sources.push(cite(&a.source_id));
        }
        lines.push(format!(
            "FY2024: {}% at large ({} of {} arrests; derived from two official figures, {})",
            format_f64(share, 1),
            group_thousands(u128::from(r.value)),
            group_thousands(u128::from(a.arrests)),
            sources.join("; ")
        ));
    }
    lines
}

/// `part` of `all` as a percentage to one decimal (`0.0%` of nothing).
fn share(part: u64, all: u64) -> String {
    #[expect(clippy::cast_precision_loss, reason = "a share for display")]
    let share = if all > 0 {
        part as f64 * 100.0 / all as f64
    } else {
        0.0
    };
    format!("{}%", crate::number::format_f64(share, 1))
}

/// Each office's observed daily average over `days` against its target, bundled
/// offices first.
fn stretch(scenario: &Scenario, data: &Dataset, agg: &Aggregate, days: Days) -> Vec<Stretch> {
    let mut out: Vec<Stretch> = agg
        .office_daily_average_over(days)
        .into_iter()
        .map(|(label, known, observed)| {
            // Only an office that takes part has a target (left out, or beyond the
            // office count, it has none).
            let target = scenario
                .takes_part(&label, &data.offices)
                .then(|| scenario.target_of(&label));
            let factor = target
                .filter(|_| observed > 0.0)
                .map(|t| t.to_f64() * scenario.attainment.to_f64() / 100.0 / observed);
            Stretch {
                label,
                known,
                observed,
                target,
                factor,
            }
        })
        .collect();
    out.sort_by(|a, b| (!a.known, &a.label).cmp(&(!b.known, &b.label)));
    out
}
