//! The `summary` report: everything gathered once in [`Summary`], laid out per format.

mod machine;
mod markdown;
mod text;

use serde::Serialize;

use crate::data::{Dataset, Origin, QuotaKind, Source};
use crate::model::{self, Outcome, Preset, Scenario};
use crate::number::{format_f64, group_thousands};
use crate::report::Format;

/// Everything a report shows, computed once.
#[derive(Debug, Clone, Serialize)]
pub struct Summary<'a> {
    /// The inputs.
    pub scenario: &'a Scenario,
    /// Presets that equal the inputs.
    pub presets: Vec<&'a Preset>,
    /// The model's outcome (daily and annual totals, comparisons, checks).
    #[serde(flatten)]
    pub outcome: &'a Outcome,
    /// Each arrest-quota check in words.
    pub quota_sentences: Vec<QuotaWords>,
    /// Removal targets, listed for context and never compared with arrests.
    pub removal_targets: Vec<&'a crate::data::Quota>,
    /// Context figures.
    pub reference: &'a [crate::data::ReferenceFigure],
    /// The sources the report cites.
    pub sources: Vec<&'a Source>,
    /// Where each data file was read from.
    pub data_files: &'a [(&'static str, Origin)],
    /// The arithmetic, step by step.
    pub explanation: Vec<crate::analysis::Step>,
    /// The days on which the scenario reaches each figure.
    pub milestones: Vec<crate::analysis::Milestone>,
    /// A ramp-up, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ramp: Option<RampSummary>,
    /// The data the outcome was computed from (the HTML page's offices, chart and labels).
    #[serde(skip)]
    pub data: &'a Dataset,
    /// The scenario's name when it was saved with one (the HTML page's title).
    #[serde(skip)]
    pub name: Option<String>,
}

/// A ramp-up's totals (the day-by-day curve is left out of reports).
#[derive(Debug, Clone, Serialize)]
pub struct RampSummary {
    /// Weeks to reach the target.
    pub weeks: u32,
    /// The starting pace.
    pub baseline: String,
    /// Total with the ramp.
    pub total_with_ramp: f64,
    /// Total at the target from day one.
    pub total_flat: f64,
    /// The difference.
    pub shortfall: f64,
}

impl RampSummary {
    /// The totals of `ramp`.
    #[must_use]
    pub fn of(ramp: &crate::analysis::Ramp) -> Self {
        Self {
            weeks: ramp.weeks,
            baseline: ramp.baseline_label.clone(),
            total_with_ramp: ramp.total_with_ramp,
            total_flat: ramp.total_flat,
            shortfall: ramp.shortfall(),
        }
    }

    /// The ramp in one sentence.
    #[must_use]
    pub fn sentence(&self, days: u16) -> String {
        format!(
            "Ramping up linearly from {} over {} weeks gives about {} arrests in {days} days, against {} at the full pace from day one: about {} fewer.",
            self.baseline,
            self.weeks,
            format_f64(self.total_with_ramp, 0),
            format_f64(self.total_flat, 0),
            format_f64(self.shortfall, 0)
        )
    }
}

/// A quota check in words.
#[derive(Debug, Clone, Serialize)]
pub struct QuotaWords {
    /// The quota's id.
    pub quota_id: String,
    /// The target, e.g. `1,200-1,500 arrests a day`.
    pub target: String,
    /// Who reported it, and when.
    pub reported_by: String,
    /// The check, e.g. `1,875 a day is 375 above the reported 1,200-1,500`.
    pub check: String,
    /// What would reconcile the scenario with it.
    pub reconcile: Option<String>,
}

impl<'a> Summary<'a> {
    /// Gather a report of `outcome`.
    #[must_use]
    pub fn new(
        scenario: &'a Scenario,
        outcome: &'a Outcome,
        data: &'a Dataset,
        presets: &'a [Preset],
    ) -> Self {
        let quota_sentences = outcome
            .quota_checks
            .iter()
            .filter_map(|c| {
                let q = data.quota(&c.quota_id)?;
                Some(QuotaWords {
                    quota_id: q.id.clone(),
                    target: q.describe(),
                    reported_by: format!("{}, {}", q.outlet, q.date),
                    check: c.sentence(q),
                    reconcile: c.reconcile(scenario),
                })
            })
            .collect();
        let removal_targets: Vec<_> = data
            .quotas
            .iter()
            .filter(|q| q.kind == QuotaKind::Removals)
            .collect();
        let mut ids: Vec<&str> = Vec::new();
        let mut cite = |id: &'a str| {
            if !ids.contains(&id) {
                ids.push(id);
            }
        };
        data.annual.iter().for_each(|a| cite(&a.source_id));
        data.quotas.iter().for_each(|q| cite(&q.source_id));
        data.reference.iter().for_each(|r| cite(&r.source_id));
        if let Some(o) = &outcome.observed {
            cite(&o.source_id);
        }
        let sources = ids.iter().filter_map(|id| data.source(id)).collect();
        Self {
            scenario,
            presets: model::matching_presets(scenario, presets),
            outcome,
            quota_sentences,
            removal_targets,
            reference: &data.reference,
            sources,
            data_files: &data.origins,
            explanation: crate::analysis::explain(scenario, outcome, data),
            milestones: crate::analysis::milestones(scenario, outcome, data),
            ramp: None,
            data,
            name: None,
        }
    }

    /// Add a ramp-up over `weeks` from the latest official year's pace.
    #[must_use]
    pub fn with_ramp(mut self, weeks: u32) -> Self {
        self.ramp = Some(RampSummary::of(&crate::analysis::ramp(
            self.scenario,
            self.outcome,
            weeks,
            None,
        )));
        self
    }

    /// The report in `format`.
    #[must_use]
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Text => self.text(),
            Format::Markdown => self.markdown(),
            Format::Csv => self.csv(),
            Format::Json => self.json(),
            Format::Html => self.html(),
        }
    }

    /// The inputs in one line.
    #[must_use]
    pub fn inputs_line(&self) -> String {
        let s = self.scenario;
        let uniform = if s.overrides.is_empty() {
            String::new()
        } else {
            format!(" ({} office targets changed)", s.overrides.len())
        };
        format!(
            "{} offices x {} arrests a day{uniform}, {}% met, {} days a year",
            group_thousands(u128::from(s.offices)),
            s.per_office,
            s.attainment,
            s.days
        )
    }
}
