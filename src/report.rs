//! Reports of a scenario's outcome as text (80 columns), Markdown, CSV and JSON.
//!
//! [`Summary::new`] gathers everything once; each format only lays it out.

use std::fmt::Write as _;

use serde::Serialize;

use crate::data::{Confidence, Dataset, Origin, QuotaKind, Source};
use crate::model::{self, Outcome, Preset, Scenario, format_multiple};
use crate::number::{format_f64, group_thousands};

/// Output formats of `summary`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Plain text that fits 80 columns.
    Text,
    /// The comparison table, one row per fiscal year.
    Csv,
    /// Everything, for scripts.
    Json,
    /// Headings and tables, with source links.
    Markdown,
}

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

    fn text(&self) -> String {
        let mut out = String::new();
        let w = |out: &mut String, text: &str, indent: &str| wrap_into(out, text, indent, indent);
        w(&mut out, &format!("Scenario: {}", self.inputs_line()), "");
        if !self.presets.is_empty() {
            let ids: Vec<&str> = self.presets.iter().map(|p| p.id.as_str()).collect();
            w(&mut out, &format!("Same as preset: {}", ids.join(", ")), "");
        }
        out.push('\n');
        let daily = self.outcome.daily_total.display(2);
        let annual = self.outcome.annual_total.display(2);
        let width = daily.len().max(annual.len());
        let lines = [
            (
                format!("  Daily total   {daily:>width$} arrests a day   "),
                self.scenario.formula(),
            ),
            (
                format!("  Annual total  {annual:>width$} arrests a year  "),
                format!("{daily} x {} days", self.scenario.days),
            ),
        ];
        for (figure, formula) in lines {
            // The arithmetic goes on its own line when both do not fit in 80 columns.
            if figure.len() + formula.len() + 2 <= 80 {
                let _ = writeln!(out, "{figure}({formula})");
            } else {
                let _ = writeln!(out, "{}", figure.trim_end());
                wrap_into(&mut out, &format!("({formula})"), "    ", "    ");
            }
        }
        out.push('\n');
        out.push_str("The arithmetic\n");
        for step in &self.explanation {
            let cite = step
                .source
                .as_ref()
                .map_or_else(String::new, |s| format!(" [{s}]"));
            wrap_into(&mut out, &format!("{}{cite}", step.line()), "  ", "    ");
        }
        out.push('\n');
        out.push_str(&self.text_years());
        out.push_str(&self.text_checks());
        out
    }

    /// The fiscal-year table and the rank.
    fn text_years(&self) -> String {
        let o = self.outcome;
        let mut out = String::new();
        let w = |out: &mut String, text: &str, indent: &str| wrap_into(out, text, indent, indent);
        let annual = self.outcome.annual_total.display(2);
        out.push_str("Against each fiscal year (ICE ERO administrative arrests)\n");
        out.push_str("  Year        Arrests  Days   Per day  Scenario/yr  Scenario/day  Label\n");
        for c in &o.comparisons {
            let mark = if c.note.is_empty() { "" } else { " *" };
            let _ = writeln!(
                out,
                "  FY{:<6} {:>11} {:>5} {:>9} {:>12} {:>13}  {}{mark}",
                c.fiscal_year,
                group_thousands(u128::from(c.arrests)),
                c.days,
                format_f64(c.daily_average, 1),
                format_multiple(c.multiple),
                format_multiple(c.daily_multiple),
                c.confidence.label(),
            );
        }
        w(
            &mut out,
            "Scenario/yr: the scenario's annual total over the year's arrests. Scenario/day: its daily total over the year's daily average (the year's real 365 or 366 days).",
            "  ",
        );
        if let Some(r) = &o.rank {
            let above = match r.standing() {
                model::Standing::AboveAll(y) => {
                    format!("above every official year, the highest being FY{y}")
                }
                model::Standing::Above(y) => {
                    format!("the highest official year it exceeds is FY{y}")
                }
                model::Standing::BelowAll => "below every official year".to_string(),
            };
            w(
                &mut out,
                &format!(
                    "Rank: {} a year ranks {} of {} among the official years and the scenario ({above}).",
                    annual, r.position, r.of
                ),
                "  ",
            );
        }
        out
    }

    /// Quotas, removal targets, the observed pace, context figures, notes, sources.
    fn text_checks(&self) -> String {
        let mut out = String::new();
        let w = |out: &mut String, text: &str, indent: &str| wrap_into(out, text, indent, indent);
        out.push('\n');
        out.push_str("Against the reported arrest quotas\n");
        for q in &self.quota_sentences {
            wrap_into(
                &mut out,
                &format!("{} ({}, reported)", q.target, q.reported_by),
                "  ",
                "    ",
            );
            w(&mut out, &format!("{}.", q.check), "    ");
            if let Some(r) = &q.reconcile {
                w(&mut out, &format!("To meet it: {r}."), "    ");
            }
        }
        if !self.removal_targets.is_empty() {
            out.push('\n');
            out.push_str("Removal targets (removals are not arrests; not compared)\n");
            for q in &self.removal_targets {
                w(
                    &mut out,
                    &format!("{} ({}, {}, reported)", q.describe(), q.outlet, q.date),
                    "  ",
                );
            }
        }
        out.push_str(&self.text_context());
        out
    }

    /// The observed pace, context figures, notes and sources.
    fn text_context(&self) -> String {
        let o = self.outcome;
        let mut out = String::new();
        let w = |out: &mut String, text: &str, indent: &str| wrap_into(out, text, indent, indent);
        let daily = self.outcome.daily_total.display(2);
        let annual = self.outcome.annual_total.display(2);
        if let Some(p) = &o.observed {
            out.push('\n');
            out.push_str("Against the observed 2025 pace (DDP weekly counts, derived)\n");
            w(
                &mut out,
                &format!(
                    "{} arrests over {} days (weeks of {} to {}): {} a day on average; {daily} a day is {} that.",
                    group_thousands(u128::from(p.arrests)),
                    p.days,
                    p.first_week,
                    p.last_week,
                    format_f64(p.average_per_day, 1),
                    format_multiple(p.multiple_of_average),
                ),
                "  ",
            );
            w(
                &mut out,
                &format!(
                    "Peak: the week of {} at {} a day; {daily} a day is {} that.",
                    p.peak_week,
                    format_f64(p.peak_per_day, 1),
                    format_multiple(p.multiple_of_peak),
                ),
                "  ",
            );
        }
        if !self.reference.is_empty() {
            out.push('\n');
            out.push_str("Context figures (the scenario's annual total against each)\n");
            for (r, c) in self.reference.iter().zip(&o.references) {
                wrap_into(
                    &mut out,
                    &format!(
                        "{}: {} {} ({}, {}); {annual} a year is {}",
                        r.label,
                        group_thousands(u128::from(r.value)),
                        r.unit,
                        r.as_of,
                        r.confidence.label(),
                        format_multiple(c.multiple)
                    ),
                    "  ",
                    "    ",
                );
            }
        }
        if !self.milestones.is_empty() {
            out.push('\n');
            out.push_str("Milestones (at the scenario's daily pace, from day 1)\n");
            for m in &self.milestones {
                wrap_into(&mut out, &m.sentence(), "  ", "    ");
            }
        }
        if let Some(r) = &self.ramp {
            out.push('\n');
            out.push_str("Ramp-up\n");
            w(&mut out, &r.sentence(self.scenario.days), "  ");
        }
        let notes: Vec<_> = o
            .comparisons
            .iter()
            .filter(|c| !c.note.is_empty())
            .collect();
        if !notes.is_empty() {
            out.push('\n');
            out.push_str("Notes\n");
            for c in notes {
                wrap_into(
                    &mut out,
                    &format!("* FY{}: {}", c.fiscal_year, c.note),
                    "  ",
                    "    ",
                );
            }
        }
        out.push('\n');
        out.push_str("Sources (links: arrest-scenarios sources)\n");
        for s in &self.sources {
            let date = if s.date.is_empty() {
                String::new()
            } else {
                format!(", {}", s.date)
            };
            wrap_into(
                &mut out,
                &format!("[{}] {}{date}: {}", s.id, s.publisher, s.title),
                "  ",
                "    ",
            );
        }
        out
    }

    #[expect(
        clippy::too_many_lines,
        reason = "the Markdown report, section by section"
    )]
    fn markdown(&self) -> String {
        let o = self.outcome;
        let mut out = String::new();
        let _ = writeln!(out, "# Scenario: {}\n", self.inputs_line());
        let _ = writeln!(
            out,
            "- **Daily total:** {} arrests a day ({})",
            self.outcome.daily_total.display(2),
            self.scenario.formula()
        );
        let _ = writeln!(
            out,
            "- **Annual total:** {} arrests a year ({} x {} days)\n",
            self.outcome.annual_total.display(2),
            self.outcome.daily_total.display(2),
            self.scenario.days
        );
        out.push_str("## The arithmetic\n\n");
        for (i, step) in self.explanation.iter().enumerate() {
            let cite = step
                .source
                .as_ref()
                .map_or_else(String::new, |s| format!(" ({s})"));
            let _ = writeln!(out, "{}. {}{cite}", i + 1, step.line());
        }
        out.push_str("\n## Against each fiscal year\n\n");
        out.push_str("| Fiscal year | Arrests | Days | Per day | Scenario / year | Scenario / day | Label | Source |\n");
        out.push_str("|---|--:|--:|--:|--:|--:|---|---|\n");
        for c in &o.comparisons {
            let _ = writeln!(
                out,
                "| FY{} | {} | {} | {} | {} | {} | {} | {} |",
                c.fiscal_year,
                group_thousands(u128::from(c.arrests)),
                c.days,
                format_f64(c.daily_average, 1),
                format_multiple(c.multiple),
                format_multiple(c.daily_multiple),
                c.confidence.label(),
                c.source_id
            );
        }
        if let Some(r) = &o.rank {
            let _ = writeln!(
                out,
                "\nRank among the official years and the scenario: {} of {}.",
                r.position, r.of
            );
        }
        out.push_str("\n## Against the reported arrest quotas\n\n");
        for q in &self.quota_sentences {
            let _ = write!(out, "- **{}** ({}): {}.", q.target, q.reported_by, q.check);
            if let Some(r) = &q.reconcile {
                let _ = write!(out, " To meet it: {r}.");
            }
            out.push('\n');
        }
        if let Some(p) = &o.observed {
            let _ = writeln!(
                out,
                "\n## Against the observed 2025 pace (derived)\n\n- Average: {} a day over {} days; the scenario is {} that.\n- Peak: week of {}, {} a day; the scenario is {} that.",
                format_f64(p.average_per_day, 1),
                p.days,
                format_multiple(p.multiple_of_average),
                p.peak_week,
                format_f64(p.peak_per_day, 1),
                format_multiple(p.multiple_of_peak)
            );
        }
        if !self.milestones.is_empty() {
            out.push_str("\n## Milestones\n\n");
            for m in &self.milestones {
                let _ = writeln!(out, "- {}", m.sentence());
            }
        }
        if let Some(r) = &self.ramp {
            let _ = writeln!(out, "\n## Ramp-up\n\n{}", r.sentence(self.scenario.days));
        }
        let notes: Vec<_> = o
            .comparisons
            .iter()
            .filter(|c| !c.note.is_empty())
            .collect();
        if !notes.is_empty() {
            out.push_str("\n## Notes\n\n");
            for c in notes {
                let _ = writeln!(out, "- FY{}: {}", c.fiscal_year, c.note);
            }
        }
        out.push_str("\n## Sources\n\n");
        for s in &self.sources {
            let link = if s.url.is_empty() {
                String::new()
            } else {
                format!(" <{}>", s.url)
            };
            let date = if s.date.is_empty() {
                String::new()
            } else {
                format!(", {}", s.date)
            };
            let _ = writeln!(
                out,
                "- `{}`: {}, *{}*{date}.{link}",
                s.id, s.publisher, s.title
            );
        }
        out
    }

    fn csv(&self) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        let _ = w.write_record([
            "fiscal_year",
            "arrests",
            "days",
            "daily_average",
            "scenario_daily_total",
            "scenario_annual_total",
            "multiple",
            "daily_multiple",
            "confidence",
            "source_id",
        ]);
        let opt = |m: Option<f64>| m.map_or_else(String::new, |m| m.to_string());
        for c in &self.outcome.comparisons {
            let _ = w.write_record([
                c.fiscal_year.to_string(),
                c.arrests.to_string(),
                c.days.to_string(),
                c.daily_average.to_string(),
                self.outcome.daily_total.plain(),
                self.outcome.annual_total.plain(),
                opt(c.multiple),
                opt(c.daily_multiple),
                c.confidence.label().to_string(),
                c.source_id.clone(),
            ]);
        }
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
    }

    fn json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }
}

/// Append `text` wrapped at 80 columns, never splitting words or dates.
fn wrap_into(out: &mut String, text: &str, first: &str, rest: &str) {
    let opts = textwrap::Options::new(80)
        .initial_indent(first)
        .subsequent_indent(rest)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(false);
    for line in textwrap::wrap(text, opts) {
        out.push_str(&line);
        out.push('\n');
    }
}

/// `check`: what was loaded, file by file.
#[must_use]
pub fn loaded(data: &Dataset) -> String {
    let mut out = String::new();
    let count = |c: Confidence| data.annual.iter().filter(|a| a.confidence == c).count();
    let years = |c: Confidence| {
        let ys: Vec<String> = data
            .annual
            .iter()
            .filter(|a| a.confidence == c)
            .map(|a| format!("FY{}", a.fiscal_year))
            .collect();
        ys.join(", ")
    };
    out.push_str("Data files (the bundled copies unless a path is shown)\n");
    for (file, origin) in &data.origins {
        let what = match *file {
            "sources.csv" => format!("{} sources", data.sources.len()),
            "annual_arrests.csv" => format!(
                "{} fiscal years ({} official, {} derived, {} reported)",
                data.annual.len(),
                count(Confidence::Official),
                count(Confidence::Derived),
                count(Confidence::Reported)
            ),
            "quotas.csv" => format!(
                "{} reported targets ({} of arrests, {} of removals)",
                data.quotas.len(),
                data.quotas
                    .iter()
                    .filter(|q| q.kind == QuotaKind::Arrests)
                    .count(),
                data.quotas
                    .iter()
                    .filter(|q| q.kind == QuotaKind::Removals)
                    .count()
            ),
            "field_offices.csv" => format!("{} field offices", data.offices.len()),
            "reference.csv" => format!("{} context figures", data.reference.len()),
            "weekly_arrests_2025.csv" => format!("{} weeks", data.weekly.len()),
            _ => String::new(),
        };
        let _ = writeln!(out, "ok  {file:<23} {what}");
        if let Origin::Path(path) = origin {
            wrap_into(&mut out, &format!("from {path}"), "      ", "      ");
        }
    }
    for (label, c) in [
        ("official", Confidence::Official),
        ("derived", Confidence::Derived),
        ("reported", Confidence::Reported),
    ] {
        if count(c) > 0 {
            wrap_into(
                &mut out,
                &format!("{label} years: {}", years(c)),
                "",
                "    ",
            );
        }
    }
    out
}

/// `sources`: every entry with its link.
#[must_use]
pub fn sources(data: &Dataset) -> String {
    let mut out = String::new();
    for entry in &data.sources {
        let _ = writeln!(out, "[{}] {}", entry.id, entry.title);
        let when = if entry.date.is_empty() {
            "undated"
        } else {
            &entry.date
        };
        let _ = writeln!(out, "    {}, {when}", entry.publisher);
        if !entry.url.is_empty() {
            let _ = writeln!(out, "    {}", entry.url);
        }
        if !entry.note.is_empty() {
            let _ = writeln!(out, "    {}", entry.note);
        }
    }
    out
}

/// `presets`: every preset with what it sets.
#[must_use]
pub fn presets(presets: &[Preset]) -> String {
    let mut out = String::new();
    let width = presets.iter().map(|p| p.id.len()).max().unwrap_or(0);
    for p in presets {
        let approx = if p.exact {
            ""
        } else {
            " (per-office target rounded)"
        };
        let _ = writeln!(out, "{:<width$}  {}{approx}", p.id, p.label);
    }
    out
}

/// Several scenarios side by side: a row per input and output, with each column's
/// difference from the first.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// The scenarios' names, in column order.
    pub names: Vec<String>,
    /// The rows.
    pub rows: Vec<CompareRow>,
}

/// One input or output across the scenarios.
#[derive(Debug, Clone, Serialize)]
pub struct CompareRow {
    /// What the row shows.
    pub label: String,
    /// One value per scenario.
    pub values: Vec<String>,
    /// Each value's difference from the first (`None` for the first, and for rows
    /// without a numeric difference).
    pub differences: Vec<Option<String>>,
}

/// Compare named scenarios.
#[must_use]
#[expect(clippy::too_many_lines, reason = "one short block per compared row")]
pub fn compare(items: &[(String, Scenario)], data: &Dataset) -> Comparison {
    use crate::number::{Amount, Fixed3};
    let outcomes: Vec<Outcome> = items
        .iter()
        .map(|(_, s)| model::evaluate(s, data))
        .collect();
    let signed = |a: Amount, b: Amount| match a.cmp(&b) {
        std::cmp::Ordering::Equal => "0".to_string(),
        std::cmp::Ordering::Greater => format!("+{}", a.abs_diff(b).display(2)),
        std::cmp::Ordering::Less => format!("-{}", a.abs_diff(b).display(2)),
    };
    let as_amount = |f: Fixed3| Amount::from_units(u128::from(f.thousandths()) * 100_000);
    let mut rows: Vec<CompareRow> = Vec::new();
    let mut row = |label: &str, values: Vec<String>, amounts: Option<Vec<Amount>>| {
        let differences = values
            .iter()
            .enumerate()
            .map(|(i, _)| {
                let a = amounts.as_ref()?;
                (i > 0).then(|| signed(a[i], a[0]))
            })
            .collect();
        rows.push(CompareRow {
            label: label.to_string(),
            values,
            differences,
        });
    };
    let scen: Vec<&Scenario> = items.iter().map(|(_, s)| s).collect();
    row(
        "Offices",
        scen.iter()
            .map(|s| group_thousands(u128::from(s.offices)))
            .collect(),
        Some(
            scen.iter()
                .map(|s| Amount::whole(u64::from(s.offices)))
                .collect(),
        ),
    );
    row(
        "Per-office target (a day)",
        scen.iter().map(|s| s.per_office.to_string()).collect(),
        Some(scen.iter().map(|s| as_amount(s.per_office)).collect()),
    );
    row(
        "Changed office targets",
        scen.iter()
            .map(|s| {
                if s.overrides.is_empty() {
                    "none".to_string()
                } else {
                    s.overrides
                        .iter()
                        .map(|(c, t)| format!("{c} {t}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            })
            .collect(),
        None,
    );
    row(
        "Attainment (%)",
        scen.iter().map(|s| s.attainment.to_string()).collect(),
        Some(scen.iter().map(|s| as_amount(s.attainment)).collect()),
    );
    row(
        "Days a year",
        scen.iter().map(|s| s.days.to_string()).collect(),
        Some(
            scen.iter()
                .map(|s| Amount::whole(u64::from(s.days)))
                .collect(),
        ),
    );
    row(
        "Daily total",
        outcomes.iter().map(|o| o.daily_total.display(2)).collect(),
        Some(outcomes.iter().map(|o| o.daily_total).collect()),
    );
    row(
        "Annual total",
        outcomes.iter().map(|o| o.annual_total.display(2)).collect(),
        Some(outcomes.iter().map(|o| o.annual_total).collect()),
    );
    if let Some(c) = outcomes[0]
        .latest_official
        .and_then(|i| outcomes[0].comparisons.get(i))
    {
        row(
            &format!("Multiple of FY{}", c.fiscal_year),
            outcomes
                .iter()
                .map(|o| format_multiple(o.latest_official.and_then(|i| o.comparisons[i].multiple)))
                .collect(),
            None,
        );
    }
    row(
        "Rank among official years",
        outcomes
            .iter()
            .map(|o| {
                o.rank
                    .as_ref()
                    .map_or_else(|| "n/a".into(), |r| format!("{} of {}", r.position, r.of))
            })
            .collect(),
        None,
    );
    if let Some(q) = outcomes[0]
        .quota_checks
        .first()
        .and_then(|c| data.quota(&c.quota_id))
    {
        row(
            &format!("Against {}", q.describe()),
            outcomes
                .iter()
                .map(|o| {
                    o.quota_checks
                        .first()
                        .map_or_else(String::new, |c| match c.status {
                            model::Status::Inside => "inside".to_string(),
                            model::Status::Above => format!("{} above", c.gap.display(2)),
                            model::Status::Below => format!("{} below", c.gap.display(2)),
                        })
                })
                .collect(),
            None,
        );
    }
    Comparison {
        names: items.iter().map(|(n, _)| n.clone()).collect(),
        rows,
    }
}

impl Comparison {
    /// The comparison in `format`.
    #[must_use]
    pub fn render(&self, format: Format) -> String {
        let cell = |r: &CompareRow, i: usize| match &r.differences[i] {
            Some(d) => format!("{} ({d})", r.values[i]),
            None => r.values[i].clone(),
        };
        match format {
            Format::Json => serde_json::to_string_pretty(self).unwrap_or_default() + "\n",
            Format::Csv => {
                let mut w = csv::Writer::from_writer(Vec::new());
                let mut header = vec!["row".to_string()];
                for (i, n) in self.names.iter().enumerate() {
                    header.push(n.clone());
                    if i > 0 {
                        header.push(format!("{n} - {}", self.names[0]));
                    }
                }
                let _ = w.write_record(&header);
                for r in &self.rows {
                    let mut rec = vec![r.label.clone()];
                    for i in 0..r.values.len() {
                        rec.push(r.values[i].replace(',', ""));
                        if i > 0 {
                            rec.push(
                                r.differences[i]
                                    .clone()
                                    .unwrap_or_default()
                                    .replace(',', ""),
                            );
                        }
                    }
                    let _ = w.write_record(&rec);
                }
                String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
            }
            Format::Markdown => {
                let mut out = format!("| | {} |\n|---|", self.names.join(" | "));
                out.push_str(&"--:|".repeat(self.names.len()));
                out.push('\n');
                for r in &self.rows {
                    let cells: Vec<String> = (0..r.values.len()).map(|i| cell(r, i)).collect();
                    let _ = writeln!(out, "| {} | {} |", r.label, cells.join(" | "));
                }
                out
            }
            Format::Text => {
                let label_w = self.rows.iter().map(|r| r.label.len()).max().unwrap_or(0);
                let widths: Vec<usize> = (0..self.names.len())
                    .map(|i| {
                        self.rows
                            .iter()
                            .map(|r| cell(r, i).chars().count())
                            .chain([self.names[i].chars().count()])
                            .max()
                            .unwrap_or(0)
                    })
                    .collect();
                let mut out = format!("{:label_w$}", "");
                for (n, w) in self.names.iter().zip(&widths) {
                    let _ = write!(out, "  {n:>w$}");
                }
                out.push('\n');
                for r in &self.rows {
                    let _ = write!(out, "{:label_w$}", r.label);
                    for (i, w) in widths.iter().enumerate() {
                        let _ = write!(out, "  {:>w$}", cell(r, i));
                    }
                    out.push('\n');
                }
                out.push_str("(in brackets: the difference from the first scenario)\n");
                out
            }
        }
    }
}

/// The sensitivity grid in `format`. Each cell is an annual total, marked with the
/// highest official year it exceeds (`*` when it exceeds them all, `[q]` for a cell that
/// a reported quota names).
#[must_use]
pub fn grid(g: &crate::analysis::Grid, s: &Scenario, format: Format) -> String {
    let mark = crate::analysis::Cell::label;
    match format {
        Format::Json => serde_json::to_string_pretty(g).unwrap_or_default() + "\n",
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let _ = w.write_record([
                "per_office",
                "offices",
                "annual_total",
                "highest_year_exceeded",
                "above_all_official_years",
                "presets",
            ]);
            for (r, row) in g.rows.iter().zip(&g.cells) {
                for (c, cell) in g.cols.iter().zip(row) {
                    let _ = w.write_record([
                        r.to_string().replace(',', ""),
                        c.to_string(),
                        cell.annual.plain(),
                        cell.exceeds.map_or_else(String::new, |y| y.to_string()),
                        cell.above_all.to_string(),
                        cell.presets.join(" "),
                    ]);
                }
            }
            String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
        }
        Format::Markdown | Format::Text => {
            let md = format == Format::Markdown;
            let cells: Vec<Vec<String>> = g
                .cells
                .iter()
                .map(|row| row.iter().map(mark).collect())
                .collect();
            let width = cells
                .iter()
                .flatten()
                .map(String::len)
                .max()
                .unwrap_or(0)
                .max(6);
            let mut out = format!(
                "Annual totals at {}% met over {} days (rows: arrests per office per day; columns: offices)\n",
                s.attainment, s.days
            );
            if md {
                out.push('\n');
                out.push_str("| per office |");
                for c in &g.cols {
                    let _ = write!(out, " {c} |");
                }
                out.push_str("\n|--:|");
                out.push_str(&"--:|".repeat(g.cols.len()));
                out.push('\n');
            } else {
                let _ = write!(out, "{:>10}", "");
                for c in &g.cols {
                    let _ = write!(out, " {c:>width$}");
                }
                out.push('\n');
            }
            for (r, row) in g.rows.iter().zip(&cells) {
                if md {
                    let _ = writeln!(out, "| {r} | {} |", row.join(" | "));
                } else {
                    let _ = write!(out, "{:>10}", r.to_string());
                    for c in row {
                        let _ = write!(out, " {c:>width$}");
                    }
                    out.push('\n');
                }
            }
            out.push_str(
                "\n>YY: exceeds FY20YY, the highest official year it exceeds; *: exceeds every official year; q: a reported quota\n",
            );
            out
        }
    }
}

/// A records file's counts in `format`. For CSV only the table goes to the output
/// (`date,count`, or `fiscal_year,office,count` with offices); [`records_notes`] gives
/// what was skipped and which periods are partial, for stderr.
#[must_use]
#[expect(clippy::too_many_lines, reason = "four formats of one table")]
pub fn records(
    agg: &crate::records::Aggregate,
    period: crate::records::Period,
    by_office: bool,
    format: Format,
) -> String {
    let rows = agg.report(period, by_office);
    let col = period.column();
    match format {
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let header: Vec<&str> = if by_office {
                vec![col, "office", "count"]
            } else {
                vec![col, "count"]
            };
            let _ = w.write_record(&header);
            for r in &rows {
                let mut rec = vec![r.period.clone()];
                if let Some(o) = &r.office {
                    rec.push(o.clone());
                }
                rec.push(r.count.to_string());
                let _ = w.write_record(&rec);
            }
            String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
        }
        Format::Json => {
            #[derive(Serialize)]
            struct Out<'a> {
                file: &'a str,
                layout: &'a str,
                date_column: &'a str,
                office_column: Option<&'a str>,
                confidence: &'static str,
                covered: Option<(String, String)>,
                stats: &'a crate::records::Stats,
                unmatched_offices: Vec<&'a str>,
                by: crate::records::Period,
                rows: Vec<crate::records::PeriodRow>,
            }
            let out = Out {
                file: &agg.path,
                layout: &agg.layout,
                date_column: &agg.date_column,
                office_column: agg.office_column.as_deref(),
                confidence: "derived",
                covered: agg
                    .covered()
                    .map(|(a, b)| (crate::records::iso(a), crate::records::iso(b))),
                stats: &agg.stats,
                unmatched_offices: agg.unmatched_offices(),
                by: period,
                rows,
            };
            serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
        }
        Format::Text | Format::Markdown => {
            let md = format == Format::Markdown;
            let mut out = String::new();
            if md {
                let _ = writeln!(out, "# Arrest records: {}\n", agg.path);
            }
            for line in records_notes(agg, &rows) {
                if md {
                    let _ = writeln!(out, "- {line}");
                } else {
                    wrap_into(&mut out, &line, "", "  ");
                }
            }
            out.push('\n');
            let office_w = rows
                .iter()
                .filter_map(|r| r.office.as_ref().map(String::len))
                .max()
                .unwrap_or(0)
                .max(6);
            if md {
                let _ = writeln!(
                    out,
                    "| {col} |{} count | partial |\n|---|{}--:|---|",
                    if by_office { " office |" } else { "" },
                    if by_office { "---|" } else { "" }
                );
            } else if by_office {
                let _ = writeln!(out, "{col:<12} {:<office_w$} {:>10}", "office", "count");
            } else {
                let _ = writeln!(out, "{col:<12} {:>10}", "count");
            }
            for r in &rows {
                let partial = r
                    .partial
                    .as_ref()
                    .map_or_else(String::new, |(a, b)| format!("partial: {a} to {b}"));
                let count = group_thousands(u128::from(r.count));
                if md {
                    let office = r
                        .office
                        .as_ref()
                        .map_or_else(String::new, |o| format!(" {o} |"));
                    let _ = writeln!(out, "| {} |{office} {count} | {partial} |", r.period);
                } else if let Some(o) = &r.office {
                    let _ = writeln!(
                        out,
                        "{:<12} {o:<office_w$} {count:>10}  {partial}",
                        r.period
                    );
                } else {
                    let _ = writeln!(out, "{:<12} {count:>10}  {partial}", r.period);
                }
            }
            out
        }
    }
}

/// What was read, what was skipped and why, duplicates, coverage and unmatched
/// offices, one sentence each.
#[must_use]
pub fn records_notes(
    agg: &crate::records::Aggregate,
    rows: &[crate::records::PeriodRow],
) -> Vec<String> {
    let s = &agg.stats;
    let n = |v: u64| group_thousands(u128::from(v));
    let mut notes = vec![format!(
        "{}: {} layout; dates from \"{}\"{}",
        agg.path,
        agg.layout,
        agg.date_column,
        agg.office_column.as_ref().map_or_else(
            || ", no office column".to_string(),
            |o| format!(", offices from \"{o}\"")
        )
    )];
    let skipped: u64 = s.skipped.iter().map(|(_, k)| k).sum();
    let reasons: Vec<String> = s
        .skipped
        .iter()
        .map(|(r, k)| format!("{} {r}", n(*k)))
        .collect();
    notes.push(format!(
        "Rows: {} read, {} counted, {} skipped{}",
        n(s.rows_read),
        n(s.rows_counted),
        n(skipped),
        if reasons.is_empty() {
            String::new()
        } else {
            format!(" ({})", reasons.join(", "))
        }
    ));
    if !s.examples.is_empty() {
        let ex: Vec<String> = s
            .examples
            .iter()
            .map(|b| format!("line {} ({}: '{}')", b.line, b.reason, b.value))
            .collect();
        notes.push(format!("First skipped: {}", ex.join(", ")));
    }
    if s.preamble_rows > 0 {
        notes.push(format!(
            "{} rows above the header were skipped as preamble",
            s.preamble_rows
        ));
    }
    if let Some(d) = s.duplicates_flagged {
        let kept = if agg
            .stats
            .skipped
            .iter()
            .any(|(r, _)| *r == crate::records::SkipReason::Duplicate)
        {
            "left out (--drop-duplicates)"
        } else {
            "counted; --drop-duplicates leaves them out"
        };
        let rows = if d == 1 { "row" } else { "rows" };
        notes.push(format!(
            "DDP's duplicate_likely flags {} {rows}: {kept}",
            n(d)
        ));
    }
    if let Some((a, b)) = agg.covered() {
        notes.push(format!(
            "The file covers {} to {}; these counts are derived from its rows, not official figures",
            crate::records::iso(a),
            crate::records::iso(b)
        ));
    }
    let unmatched = agg.unmatched_offices();
    if agg.office_column.is_some() && !unmatched.is_empty() {
        notes.push(format!(
            "Kept under their own names (no bundled office): {}",
            unmatched.join(", ")
        ));
    }
    let mut partial: Vec<String> = rows
        .iter()
        .filter_map(|r| {
            r.partial
                .as_ref()
                .map(|(a, b)| format!("{} ({a} to {b})", r.period))
        })
        .collect();
    partial.dedup();
    if !partial.is_empty() {
        notes.push(format!("Partial periods: {}", partial.join(", ")));
    }
    notes
}
