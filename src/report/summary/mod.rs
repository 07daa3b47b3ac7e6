//! The `summary` report: everything gathered once in [`Summary`], laid out per format.

mod capacity;
mod machine;
mod markdown;
pub(super) mod official;
mod text;

use serde::Serialize;

use crate::data::{Dataset, Origin, QuotaKind, Source};
use crate::model::{self, Outcome, Preset, Scenario};
use crate::number::{format_f64, group_thousands};
use crate::report::{Format, ReportError};

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
    /// The data's offices that do not take part (left out, or beyond the office count).
    pub left_out: Vec<&'a str>,
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
    /// The capacity check: beds, officers and at-large arrests the scenario implies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capacity: Option<CapacitySummary>,
    /// The data the outcome was computed from (the HTML page's offices, chart and labels).
    #[serde(skip)]
    pub data: &'a Dataset,
    /// The scenario's name when it was saved with one (the HTML page's title).
    #[serde(skip)]
    pub name: Option<String>,
    /// The reported counter-statement to the quotas, shown wherever they are listed.
    pub quota_counter_statement: Option<&'static crate::data::CounterStatement>,
    /// ICE-arrest book-ins per day of each month (FY2019 on), when asked for.
    #[serde(rename = "monthly_book_ins", skip_serializing_if = "Option::is_none")]
    pub monthly: Option<Vec<model::MonthlyBookIns>>,
}

/// The capacity check with its arithmetic in words and its assumptions as lines.
#[derive(Debug, Clone, Serialize)]
pub struct CapacitySummary {
    /// The figures.
    #[serde(flatten)]
    pub check: crate::capacity::Capacity,
    /// The arithmetic, step by step.
    pub steps: Vec<crate::analysis::Step>,
    /// Each assumption (name and value, basis and source), then the alternatives.
    #[serde(skip)]
    pub lines: Vec<(String, String)>,
    /// The observed record in words.
    #[serde(skip)]
    pub observed: Vec<String>,
    /// What the check does not say.
    pub caveat: &'static str,
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

/// `text` with every control character but the line ends shown as an escape: labels,
/// notes and titles come from the data files, and must not act on a terminal.
fn terminal_safe(text: &str) -> String {
    text.split('\n')
        .map(crate::text::escape_controls)
        .collect::<Vec<_>>()
        .join("\n")
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
        if let Some(p) = &outcome.latest_official_pace {
            p.source_ids.iter().for_each(|id| cite(id));
        }
        if let Some(y) = &outcome.official_context {
            cite(&y.source_id);
        }
        let counter = data.quota_counter_statement();
        if let Some(c) = counter {
            cite(c.source_id);
        }
        let sources = ids.iter().filter_map(|id| data.source(id)).collect();
        Self {
            scenario,
            presets: model::matching_presets(scenario, presets),
            outcome,
            quota_sentences,
            left_out: scenario.left_out(&data.offices),
            removal_targets,
            reference: &data.reference,
            sources,
            data_files: &data.origins,
            explanation: crate::analysis::explain(scenario, outcome, data),
            milestones: crate::analysis::milestones(scenario, outcome, data),
            ramp: None,
            data,
            name: None,
            quota_counter_statement: counter,
            monthly: None,
            capacity: None,
        }
    }

    /// Add the capacity check (and cite its sources).
    #[must_use]
    pub fn with_capacity(
        mut self,
        check: crate::capacity::Capacity,
        defaults: &crate::capacity::Defaults,
        data: &'a Dataset,
    ) -> Self {
        let alternatives = [
            defaults.detained_share_fy2024.source_id.as_deref(),
            defaults.officers_2026.source_id.as_deref(),
        ];
        for id in check
            .source_ids()
            .into_iter()
            .chain(alternatives.into_iter().flatten())
        {
            if let Some(s) = data.source(id)
                && !self.sources.iter().any(|x| x.id == s.id)
            {
                self.sources.push(s);
            }
        }
        self.capacity = Some(CapacitySummary {
            steps: crate::capacity::steps(&check, data),
            lines: crate::capacity::assumption_lines(&check, defaults),
            observed: crate::capacity::observed_lines(&check, data),
            caveat: crate::capacity::CAVEAT,
            check,
        });
        self
    }

    /// Add the official monthly ICE-arrest book-ins per day, FY2019 on.
    #[must_use]
    pub fn with_monthly(mut self, data: &Dataset) -> Self {
        self.monthly = Some(model::monthly_book_ins(data));
        self
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
    ///
    /// # Errors
    /// A failed serialisation (CSV or JSON).
    pub fn render(&self, format: Format) -> Result<String, ReportError> {
        match format {
            Format::Text => Ok(terminal_safe(&self.text())),
            Format::Markdown => Ok(terminal_safe(&self.markdown())),
            Format::Csv => self.csv(),
            Format::Json => self.json(),
            Format::Html => Ok(self.html()),
        }
    }

    /// The gaps to the latest official year, as absolute differences beside the ratios,
    /// and the note on its day count when it differs from the scenario's.
    #[must_use]
    pub fn latest_gaps(&self) -> Vec<String> {
        let o = self.outcome;
        let Some(c) = o.latest_official.and_then(|i| o.comparisons.get(i)) else {
            return Vec::new();
        };
        let mut lines = vec![
            format!(
                "{} ({}).",
                c.daily_gap_sentence(o.daily_total),
                model::format_multiple(c.daily_multiple)
            ),
            format!(
                "{} ({}).",
                c.annual_gap_sentence(o.annual_total),
                model::format_multiple(c.multiple)
            ),
        ];
        lines.extend(c.days_note(self.scenario.days));
        lines
    }

    /// The inputs in one line.
    #[must_use]
    pub fn inputs_line(&self) -> String {
        let s = self.scenario;
        let mut line = format!(
            "{} offices x {} arrests a day, {}% met, {} days a year",
            group_thousands(u128::from(s.offices)),
            s.per_office,
            s.attainment,
            s.days
        );
        if let Some(offices) = self.offices_line() {
            line.push_str("; ");
            line.push_str(&offices);
        }
        line
    }

    /// The offices whose targets differ and those that do not take part, or `None` when
    /// every office of the data takes part at the uniform target.
    #[must_use]
    pub fn offices_line(&self) -> Option<String> {
        let mut parts = Vec::new();
        if !self.scenario.overrides.is_empty() {
            let changed: Vec<String> = self
                .scenario
                .overrides
                .iter()
                .map(|(code, t)| format!("{code} {t}"))
                .collect();
            parts.push(format!("own targets: {}", changed.join(", ")));
        }
        let taking: Vec<&str> = self
            .scenario
            .participants(&self.data.offices)
            .map(|o| o.code.as_str())
            .collect();
        if !self.left_out.is_empty() && taking.len() < self.left_out.len() {
            parts.push(format!("only {} take part", taking.join(", ")));
        } else if !self.left_out.is_empty() {
            parts.push(format!("not taking part: {}", self.left_out.join(", ")));
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}
